//! English words reaching a fact through its translation. Within the item a question is
//! about, an English question has no Chinese characters to overlap the facts' sentences,
//! so a follow-up such as "How many departments issued the plan?" or "Whose stories were
//! told in the exhibition?" would stay on the fact the conversation was about. The words
//! it shares with each fact's English text (`en`), weighted by how rare they are among
//! the article's translations, point at the fact it asks about.
//!
//! A fact with no translation (an imported article's) is reached through the shared
//! glossary instead (`glossary.toml`: the genre's Chinese terms with their everyday
//! English): an English phrase of the question that the glossary
//! gives for a Chinese term the fact writes ("shelter" → 庇护, "sales" → 销售额) counts
//! as that term's rarity among the article's facts, for every English question, not only
//! follow-ups: within the item its keywords chose, the fact writing what the question says
//! is the one asked about.

use rustc_hash::FxHashMap;

use super::Engine;
use super::index::Index;
use super::params::{
    ENGLISH_FACT_BONUS, ENGLISH_GLOSSED_MIN_IDF, ENGLISH_MIN_WORD_CHARS, ENGLISH_MIN_WORD_IDF, ENGLISH_TOPIC_FACT_BONUS,
};
use super::ranking::{FactRanking, listed_facts};
use super::trace::Tracer;
use super::vocabulary::Vocabulary;
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;

/// A glossary term some sentence of the article writes, as English questions say it.
#[derive(Debug)]
struct GlossedTerm {
    /// Its English phrases, normalized, as words (["safe", "house"]).
    phrases: Vec<Vec<String>>,
    /// The (item, fact) pairs whose Chinese text writes the term.
    sentences: Vec<(usize, usize)>,
    /// log(facts of the article / facts writing the term).
    idf: f32,
}

/// The distinct words of each fact's English text, per item, and their rarity.
#[derive(Debug, Default)]
pub(crate) struct EnglishFacts {
    /// Item → fact → its distinct normalized words (empty without a translation).
    words: Vec<Vec<Vec<String>>>,
    /// The glossary's terms the article's sentences write.
    glossed: Vec<GlossedTerm>,
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

/// The words of a normalized English text in order, letters only (for phrase matching).
fn content_words_in_order(normalized: &str) -> Vec<&str> {
    normalized
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .collect()
}

/// The glossary's terms that some fact of `knowledge` writes, with those facts and the
/// terms' rarity among all of them.
fn glossed_terms(knowledge: &KnowledgeBase, vocabulary: &Vocabulary) -> Vec<GlossedTerm> {
    let sentences: Vec<(usize, usize, &str)> = knowledge
        .items
        .iter()
        .enumerate()
        .flat_map(|(item_index, item)| {
            item.facts
                .iter()
                .enumerate()
                .map(move |(fact, text)| (item_index, fact, text.text.as_str()))
        })
        .collect();
    let total = sentences.len() as f32;
    knowledge
        .glossary
        .iter()
        .filter_map(|term| {
            let writing: Vec<(usize, usize)> = sentences
                .iter()
                .filter(|(_, _, text)| text.contains(term.zh.as_str()))
                .map(|&(item, sentence, _)| (item, sentence))
                .collect();
            if writing.is_empty() {
                return None;
            }
            let phrases = term
                .en
                .iter()
                .map(|phrase| {
                    content_words_in_order(&vocabulary.normalize(phrase))
                        .into_iter()
                        .map(str::to_string)
                        .collect::<Vec<String>>()
                })
                .filter(|words| words.iter().map(String::len).sum::<usize>() >= ENGLISH_MIN_WORD_CHARS)
                .collect();
            Some(GlossedTerm {
                phrases,
                idf: (total / writing.len() as f32).ln(),
                sentences: writing,
            })
        })
        .collect()
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
            glossed: glossed_terms(knowledge, vocabulary),
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
    /// with the fact's translation (only where `translated` counts), or, for a fact
    /// without one, of the glossary terms it says that the fact writes. Empty when nothing
    /// can count (every fact translated and `translated` false).
    pub(crate) fn fact_overlap(&self, item: usize, normalized: &str, translated: bool) -> Vec<f32> {
        let Some(facts) = self.words.get(item) else {
            return Vec::new();
        };
        // A first question on a translated item shares nothing to read: no work done.
        let untranslated = facts.iter().any(Vec::is_empty);
        if !translated && !untranslated {
            return Vec::new();
        }
        let asked = if translated {
            content_words(normalized)
        } else {
            Vec::new()
        };
        let glossed = if untranslated {
            self.glossed_in(normalized)
        } else {
            Vec::new()
        };
        facts
            .iter()
            .enumerate()
            .map(|(sentence, fact)| {
                if fact.is_empty() {
                    return glossed
                        .iter()
                        .filter(|term| term.sentences.contains(&(item, sentence)))
                        .map(|term| term.idf)
                        .sum();
                }
                if !translated {
                    return 0.0;
                }
                asked
                    .iter()
                    .filter(|word| fact.binary_search(word).is_ok())
                    .map(|word| self.idf.get(word).copied().unwrap_or(0.0))
                    .filter(|&idf| idf >= ENGLISH_MIN_WORD_IDF)
                    .sum()
            })
            .collect()
    }

    /// The glossary terms (rare enough: [`ENGLISH_GLOSSED_MIN_IDF`]) one of whose English
    /// phrases a normalized question says, as whole words. The longest phrases are read
    /// first and their words are not read again: "food delivery" (外卖) leaves no
    /// "delivery" (分娩) behind.
    fn glossed_in(&self, normalized: &str) -> Vec<&GlossedTerm> {
        let words = content_words_in_order(normalized);
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for (term_index, term) in self.glossed.iter().enumerate() {
            for phrase in &term.phrases {
                for start in 0..words.len().saturating_sub(phrase.len() - 1) {
                    if phrase.iter().zip(&words[start..]).all(|(p, w)| p == w) {
                        found.push((phrase.len(), start, term_index));
                    }
                }
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut read = vec![false; words.len()];
        let mut terms: Vec<&GlossedTerm> = Vec::new();
        for (len, start, term_index) in found {
            if read[start..start + len].iter().any(|&flag| flag) {
                continue;
            }
            read[start..start + len].iter_mut().for_each(|flag| *flag = true);
            let term = &self.glossed[term_index];
            if term.idf >= ENGLISH_GLOSSED_MIN_IDF && !terms.iter().any(|t| std::ptr::eq(*t, term)) {
                terms.push(term);
            }
        }
        terms
    }
}

impl Engine {
    /// An English question: the facts of its item whose translations (or, without one,
    /// glossed terms) share its rare words gain up to a bonus, in proportion to the best
    /// overlap. A `follow_up` that names no topic (the item is the conversation's) gains
    /// [`ENGLISH_FACT_BONUS`], and its best fact is asked about even when the
    /// conversation's focus narrowed the candidates to other facts. A question naming its
    /// topic reaches a translated fact by the keywords its translation gives; only the
    /// facts without a translation (an imported article's) gain, through the glossary,
    /// [`ENGLISH_TOPIC_FACT_BONUS`]: enough to settle a tie, not to outweigh a keyword.
    pub(crate) fn prefer_english_words(
        &self,
        question_text: &str,
        normalized: &str,
        follow_up: bool,
        ranking: &mut FactRanking,
        tracer: &mut Tracer,
    ) {
        if !Lang::is_english_question(question_text) {
            return;
        }
        let overlap = self.english_facts().fact_overlap(ranking.item, normalized, follow_up);
        let best = overlap.iter().copied().fold(0.0f32, f32::max);
        if best <= 0.0 {
            return;
        }
        for (fact, &shared) in overlap.iter().enumerate() {
            let full = if follow_up {
                ENGLISH_FACT_BONUS
            } else {
                ENGLISH_TOPIC_FACT_BONUS
            };
            let bonus = full * shared / best;
            for scores in [&mut ranking.topic, &mut ranking.scores] {
                if let Some(score) = scores.get_mut(fact) {
                    *score += bonus;
                }
            }
            if follow_up && shared >= best && !ranking.candidates.contains(&fact) {
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
