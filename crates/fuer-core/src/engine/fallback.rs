//! The fallback when a question names no keyword (issue 13, class 4): BM25-style scoring
//! of the question's character pairs over the article's sentences and the items' keywords
//! (their synonyms and everyday phrases included), so that an unseen everyday wording
//! (想去陪陪没人照顾的孩子) still lands on its item.
//!
//! It has its own threshold ([`FALLBACK_MIN_SCORE`]), margin over the next item
//! ([`FALLBACK_MARGIN`]) and number of rare pairs ([`FALLBACK_MIN_RARE_PAIRS`]): a question
//! sharing only common pairs with the article (明天会不会刮台风, 深圳哪里好吃), or one rare
//! pair across two words (儿童|发烧 and 儿童发展 share 童发), stays declined.

use crate::normalize::is_han;

use super::index::Index;
use super::params::{
    FALLBACK_BM25_B, FALLBACK_BM25_K1, FALLBACK_KEYWORD_FACTOR, FALLBACK_MARGIN, FALLBACK_MIN_RARE_PAIRS,
    FALLBACK_MIN_SCORE, FALLBACK_RARE_PAIR_IDF,
};

/// The item the fallback found for a question, and how clearly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fallback {
    pub item: usize,
    pub score: f32,
    /// The next item's score.
    pub runner_up: f32,
    /// How many rare pairs of the question the item holds (in a sentence or a keyword).
    pub rare_pairs: usize,
}

impl Fallback {
    /// Whether it is strong and clear enough to answer from.
    pub fn lands(&self) -> bool {
        self.score >= FALLBACK_MIN_SCORE
            && self.score >= FALLBACK_MARGIN * self.runner_up
            && self.rare_pairs >= FALLBACK_MIN_RARE_PAIRS
    }
}

/// Scores every item for a question's Chinese character pairs outside the `asking` ones
/// (its question words, particles, places: they say what is asked, not what about); the best
/// item, if any pair is found at all.
pub fn fallback(index: &Index, item_count: usize, chars: &[char], asking: &[bool]) -> Option<Fallback> {
    let content = |position: usize| is_han(chars[position]) && !asking.get(position).copied().unwrap_or(false);
    let mut pairs: Vec<(char, char)> = (0..chars.len().saturating_sub(1))
        .filter(|&position| content(position) && content(position + 1))
        .map(|position| (chars[position], chars[position + 1]))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    if pairs.is_empty() || item_count == 0 {
        return None;
    }
    let mut doc_scores = vec![0.0f32; index.docs.len()];
    let mut keyword_scores = vec![0.0f32; item_count];
    let mut rare_pairs = vec![0usize; item_count];
    for pair in &pairs {
        let mut rare_in = vec![false; item_count];
        if let Some(posting) = index.bigram_postings.get(pair) {
            if posting.doc_idf >= FALLBACK_RARE_PAIR_IDF {
                for &doc in &posting.docs {
                    if let Some(flag) = rare_in.get_mut(index.docs[doc].item) {
                        *flag = true;
                    }
                }
            }
            for &doc in &posting.docs {
                let length = index.doc_lengths[doc] as f32 / index.average_doc_length.max(1.0);
                let norm = 1.0 - FALLBACK_BM25_B + FALLBACK_BM25_B * length;
                doc_scores[doc] += posting.doc_idf * (FALLBACK_BM25_K1 + 1.0) / (1.0 + FALLBACK_BM25_K1 * norm);
            }
        }
        if let Some(items) = index.keyword_bigrams.get(pair) {
            let idf = (item_count as f32 / items.len() as f32).ln();
            for &item in items {
                if item < item_count {
                    keyword_scores[item] += idf;
                    rare_in[item] |= items.len() == 1;
                }
            }
        }
        for (item, rare) in rare_in.into_iter().enumerate() {
            rare_pairs[item] += usize::from(rare);
        }
    }
    let mut item_scores: Vec<f32> = keyword_scores
        .iter()
        .map(|score| FALLBACK_KEYWORD_FACTOR * score)
        .collect();
    let mut best_docs = vec![0.0f32; item_count];
    for (doc, score) in doc_scores.iter().enumerate() {
        let item = index.docs[doc].item;
        if item < item_count {
            best_docs[item] = best_docs[item].max(*score);
        }
    }
    for (item, score) in item_scores.iter_mut().enumerate() {
        *score += best_docs[item];
    }
    let mut order: Vec<usize> = (0..item_count).collect();
    order.sort_by(|a, b| item_scores[*b].total_cmp(&item_scores[*a]).then(a.cmp(b)));
    let best = order[0];
    if item_scores[best] <= 0.0 {
        return None;
    }
    Some(Fallback {
        item: best,
        score: item_scores[best],
        runner_up: order.get(1).map_or(0.0, |&item| item_scores[item]),
        rare_pairs: rare_pairs[best],
    })
}
