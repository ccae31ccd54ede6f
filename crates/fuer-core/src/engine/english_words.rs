//! English words reaching a fact through its translation. Within the item a question is
//! about, an English question has no Chinese characters to overlap the facts' sentences,
//! so a follow-up such as "How many departments issued the plan?" or "Whose stories were
//! told in the exhibition?" would stay on the fact the conversation was about. The words
//! it shares with each fact's English text (`en`), weighted by how rare they are among
//! the article's translations, point at the fact it asks about.

use rustc_hash::FxHashMap;

use super::Engine;
use super::index::Index;
use super::params::{ENGLISH_FACT_BONUS, ENGLISH_MIN_WORD_CHARS, ENGLISH_MIN_WORD_IDF};
use super::ranking::{FactRanking, listed_facts};
use super::trace::Tracer;
use super::vocabulary::Vocabulary;
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;

/// The distinct words of each fact's English text, per item, and their rarity.
#[derive(Debug, Default)]
pub(crate) struct EnglishFacts {
    /// Item → fact → its distinct normalized words (empty without a translation).
    words: Vec<Vec<Vec<String>>>,
    /// Word → log(facts with a translation / facts whose translation has the word).
    idf: FxHashMap<String, f32>,
    /// Words the keywords spell in English (nursing room, futian): known to the article
    /// even where no translation uses them.
    keyword_words: rustc_hash::FxHashSet<String>,
    /// The normalized translations themselves (the places they name as districts).
    pub(crate) texts: Vec<String>,
}

/// The content words of a normalized English text: ASCII letters only, long enough.
fn content_words(normalized: &str) -> Vec<String> {
    let mut words: Vec<String> = normalized
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() >= ENGLISH_MIN_WORD_CHARS)
        .map(str::to_string)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

impl EnglishFacts {
    /// The words of the facts' translations in `knowledge` and of the ASCII keywords of its
    /// `index`. Each translation is normalized once, for its words and for [`Self::texts`].
    pub(crate) fn new(knowledge: &KnowledgeBase, vocabulary: &Vocabulary, index: &Index) -> EnglishFacts {
        let normalized: Vec<Vec<Option<String>>> = knowledge
            .items
            .iter()
            .map(|item| {
                item.facts
                    .iter()
                    .map(|fact| fact.en.as_deref().map(|en| vocabulary.normalize(en)))
                    .collect()
            })
            .collect();
        let words: Vec<Vec<Vec<String>>> = normalized
            .iter()
            .map(|item| {
                item.iter()
                    .map(|en| en.as_deref().map(content_words).unwrap_or_default())
                    .collect()
            })
            .collect();
        let mut counts: FxHashMap<String, usize> = FxHashMap::default();
        let mut translated = 0usize;
        for fact in words.iter().flatten().filter(|fact| !fact.is_empty()) {
            translated += 1;
            for word in fact {
                *counts.entry(word.clone()).or_default() += 1;
            }
        }
        let idf = counts
            .into_iter()
            .map(|(word, count)| (word, (translated as f32 / count as f32).ln()))
            .collect();
        let texts = normalized.into_iter().flatten().flatten().collect();
        let mut facts = EnglishFacts {
            words,
            idf,
            keyword_words: Default::default(),
            texts,
        };
        let keyword_texts: Vec<String> = index.patterns.iter().filter(|p| p.ascii).map(|p| p.text()).collect();
        facts.add_keyword_words(keyword_texts.iter().map(String::as_str));
        facts
    }

    /// Adds the words of the English keywords (normalized texts) to the known words.
    fn add_keyword_words<'t>(&mut self, keywords: impl Iterator<Item = &'t str>) {
        for keyword in keywords {
            self.keyword_words.extend(content_words(keyword));
        }
    }

    /// Whether some fact's translation or English keyword uses a normalized word.
    pub(crate) fn knows(&self, word: &str) -> bool {
        self.idf.contains_key(word) || self.keyword_words.contains(word)
    }

    /// How rare a word is among the facts' translations (none: no translation uses it).
    pub(crate) fn word_idf(&self, word: &str) -> Option<f32> {
        self.idf.get(word).copied()
    }

    /// Whether a fact of `item` uses a normalized word in its translation.
    pub(crate) fn item_has(&self, item: usize, word: &str) -> bool {
        self.words.get(item).is_some_and(|facts| {
            facts
                .iter()
                .any(|fact| fact.binary_search_by(|w| w.as_str().cmp(word)).is_ok())
        })
    }

    /// How strongly a normalized English question points at each fact of `item`: the
    /// summed rarity of the rare words (of at least [`ENGLISH_MIN_WORD_IDF`]) it shares
    /// with the fact's translation.
    pub(crate) fn fact_overlap(&self, item: usize, normalized: &str) -> Vec<f32> {
        let Some(facts) = self.words.get(item) else {
            return Vec::new();
        };
        let asked = content_words(normalized);
        facts
            .iter()
            .map(|fact| {
                asked
                    .iter()
                    .filter(|word| fact.binary_search(word).is_ok())
                    .map(|word| self.idf.get(word).copied().unwrap_or(0.0))
                    .filter(|&idf| idf >= ENGLISH_MIN_WORD_IDF)
                    .sum()
            })
            .collect()
    }
}

impl Engine {
    /// An English follow-up that names no topic (the item is the conversation's): the
    /// facts of the item whose translations share its rare words gain up to
    /// [`ENGLISH_FACT_BONUS`] (in proportion to the best overlap); the best is asked about
    /// even when the conversation's focus narrowed the candidates to other facts. (A
    /// question naming its topic reaches the fact by the keywords its translation gives.)
    pub(crate) fn prefer_english_words(
        &self,
        question_text: &str,
        normalized: &str,
        ranking: &mut FactRanking,
        tracer: &mut Tracer,
    ) {
        if !Lang::is_english_question(question_text) {
            return;
        }
        let overlap = self.english_facts().fact_overlap(ranking.item, normalized);
        let best = overlap.iter().copied().fold(0.0f32, f32::max);
        if best <= 0.0 {
            return;
        }
        for (fact, &shared) in overlap.iter().enumerate() {
            let bonus = ENGLISH_FACT_BONUS * shared / best;
            for scores in [&mut ranking.topic, &mut ranking.scores] {
                if let Some(score) = scores.get_mut(fact) {
                    *score += bonus;
                }
            }
            if shared >= best && !ranking.candidates.contains(&fact) {
                ranking.candidates.push(fact);
                ranking.candidates.sort_unstable();
            }
        }
        ranking.listed = listed_facts(&self.index, ranking);
        tracer.note(|| {
            format!(
                "English words shared with the facts' translations: {overlap:.2?} -> facts {:?}",
                ranking.listed
            )
        });
    }
}
