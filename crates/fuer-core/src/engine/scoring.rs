//! Item scoring: how strongly a question points at each item.
//!
//! Per item, the sum of
//! - its keyword hits, heaviest first, a hit overlapping one already counted adding nothing
//!   (两癌 inside 两癌筛查);
//! - the excess over [`OVERLAP_FLOOR`] of the best IDF-weighted bigram overlap with one of
//!   its sentences, times [`OVERLAP_FACTOR`];
//! - the best figure lookup: a figure of the question found in one of its sentences.

use super::fallback::Fallback;
use super::figures::Figure;
use super::hits::{Hit, keyword_hits};
use super::index::{BigramPosting, Index, bigrams};
use super::params::{
    APPROXIMATE_FIGURE_FACTOR, FIGURE_LOOKUP_WEIGHT, MIN_ITEM_SCORE, OVERLAP_FACTOR, OVERLAP_FLOOR, SMALL_FIGURE_DIGITS,
};

/// Per-question scores.
#[derive(Debug)]
pub struct Scoring<'a> {
    pub hits: Vec<Hit>,
    /// IDF-weighted bigram overlap per doc.
    pub doc_overlap: Vec<f32>,
    /// Figure lookups per doc.
    pub doc_figures: Vec<f32>,
    pub item_scores: Vec<f32>,
    /// The question's bigrams found in the article.
    pub question_bigrams: Vec<&'a BigramPosting>,
    /// With no keyword found: the item of the BM25-style fallback (`fallback.rs`).
    pub fallback: Option<Fallback>,
}

impl Scoring<'_> {
    /// With no keyword found: takes the fallback's item when it lands (`fallback.rs`).
    pub fn apply_fallback(&mut self, found: Option<Fallback>) {
        self.fallback = found;
        if let Some(found) = found.filter(Fallback::lands)
            && let Some(score) = self.item_scores.get_mut(found.item)
        {
            *score = score.max(MIN_ITEM_SCORE);
        }
    }

    /// Items by score, best first (ties by number).
    pub fn ranked_items(&self) -> Vec<usize> {
        let mut ranked: Vec<usize> = (0..self.item_scores.len()).collect();
        ranked.sort_by(|a, b| self.item_scores[*b].total_cmp(&self.item_scores[*a]).then(a.cmp(b)));
        ranked
    }

    /// Items with a keyword hit of their own.
    pub fn items_with_keyword_hits(&self, index: &Index) -> Vec<usize> {
        self.items_of_hits(index, |_| true)
    }

    /// Items with a keyword hit that names a topic (not a place such as 香港).
    pub fn items_with_topic_hits(&self, index: &Index) -> Vec<usize> {
        self.items_of_hits(index, |hit| !index.patterns[hit.pattern].place_like)
    }

    fn items_of_hits(&self, index: &Index, keep: impl Fn(&Hit) -> bool) -> Vec<usize> {
        let mut items: Vec<usize> = self
            .hits
            .iter()
            .filter(|hit| keep(hit))
            .flat_map(|hit| index.patterns[hit.pattern].terms.iter().map(|&t| index.terms[t].item))
            .collect();
        items.sort_unstable();
        items.dedup();
        items
    }
}

/// Scores every item for a normalized question; `figures` are the question's figures.
pub fn score<'a>(
    index: &'a Index,
    item_count: usize,
    normalized: &str,
    chars: &[char],
    byte_to_char: &[usize],
    figures: &[Figure],
) -> Scoring<'a> {
    let hits = keyword_hits(index, normalized, chars, byte_to_char);
    let question_bigrams: Vec<&BigramPosting> = bigrams(chars)
        .into_iter()
        .filter_map(|bigram| index.bigram_postings.get(&bigram))
        .collect();
    let mut doc_overlap = vec![0.0f32; index.docs.len()];
    for posting in &question_bigrams {
        for &doc in &posting.docs {
            doc_overlap[doc] += posting.item_idf;
        }
    }
    let doc_figures = figure_lookups(index, figures);

    let mut item_scores = vec![0.0f32; item_count];
    // Per item, hits count from the heaviest down; a hit overlapping one already counted
    // for that item adds nothing (两癌 inside 两癌筛查, two fuzzy hits on one word).
    let mut weighted: Vec<(usize, f32, usize, usize)> = Vec::new();
    for hit in &hits {
        for &term_index in &index.patterns[hit.pattern].terms {
            let term = &index.terms[term_index];
            weighted.push((term.item, term.weight * hit.factor, hit.start, hit.end));
        }
    }
    weighted.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    let mut counted: Vec<(usize, usize, usize)> = Vec::new();
    for (item, weight, start, end) in weighted {
        let overlaps = counted.iter().any(|&(i, s, e)| i == item && start < e && s < end);
        if overlaps || item >= item_count {
            continue;
        }
        counted.push((item, start, end));
        item_scores[item] += weight;
    }
    let mut best_overlap = vec![0.0f32; item_count];
    let mut best_figures = vec![0.0f32; item_count];
    for (doc_index, doc) in index.docs.iter().enumerate() {
        if doc.item >= item_count {
            continue;
        }
        best_overlap[doc.item] = best_overlap[doc.item].max(doc_overlap[doc_index]);
        best_figures[doc.item] = best_figures[doc.item].max(doc_figures[doc_index]);
    }
    for item in 0..item_count {
        item_scores[item] += OVERLAP_FACTOR * (best_overlap[item] - OVERLAP_FLOOR).max(0.0) + best_figures[item];
    }
    Scoring {
        fallback: None,
        hits,
        doc_overlap,
        doc_figures,
        item_scores,
        question_bigrams,
    }
}

/// Score per doc for figures of the question found in it; rarer figures count more, and a
/// figure the question gives as a lower bound (六百多场) less.
fn figure_lookups(index: &Index, figures: &[Figure]) -> Vec<f32> {
    let mut scores = vec![0.0f32; index.docs.len()];
    for figure in figures {
        let matching: Vec<usize> = (0..index.docs.len())
            .filter(|&doc| {
                index.docs[doc].figures.iter().any(|f| {
                    f.written
                        && f.digits == figure.digits
                        && (figure.scale.is_none() || f.scale == figure.scale)
                        && (figure.unit != "%" || f.unit == "%")
                        // A small number is common: it is the fact's only with its measure
                        // word (13岁 is not 13个城中村).
                        && (figure.digits.len() > SMALL_FIGURE_DIGITS
                            || figure.unit.is_empty()
                            || f.unit.is_empty()
                            || figure.unit == f.unit)
                })
            })
            .collect();
        if matching.is_empty() {
            continue;
        }
        let approximate = if figure.above { APPROXIMATE_FIGURE_FACTOR } else { 1.0 };
        let weight = approximate * FIGURE_LOOKUP_WEIGHT / matching.len() as f32;
        for doc in matching {
            scores[doc] += weight;
        }
    }
    scores
}
