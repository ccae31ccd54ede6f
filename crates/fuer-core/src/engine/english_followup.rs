//! English parity for the follow-up test. A Chinese follow-up that brings pairs of
//! characters the article never uses (深圳北站有没有) is a new question, not one about
//! the conversation's item; an English one has no Chinese pairs to count, so "Where can I
//! buy a transit card in Shenzhen?" stayed on the item. Here the content words of an
//! English question (letters only, outside its cues, places and references, and not an
//! English function word) are counted against the words of the facts' translations, as
//! the Chinese pairs are counted against the article's sentences.

use super::Engine;
use super::analysis::Analysis;
use super::index::names_english_article_place;
use super::params::{ENGLISH_MIN_WORD_CHARS, ENGLISH_MIN_WORD_IDF};

/// How far after a place its kind (district, county, town) is looked for.
const ARTICLE_PLACE_SUFFIX_CHARS: usize = 10;

/// English function words: the closed class of pronouns, determiners, auxiliaries,
/// prepositions, conjunctions and general adverbs, which say nothing of what is asked.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "and",
    "but",
    "for",
    "with",
    "from",
    "into",
    "onto",
    "about",
    "above",
    "below",
    "over",
    "under",
    "after",
    "before",
    "since",
    "until",
    "during",
    "through",
    "between",
    "among",
    "within",
    "without",
    "any",
    "some",
    "all",
    "each",
    "every",
    "both",
    "either",
    "neither",
    "such",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "then",
    "than",
    "also",
    "too",
    "very",
    "just",
    "only",
    "even",
    "still",
    "yet",
    "you",
    "your",
    "yours",
    "our",
    "ours",
    "their",
    "theirs",
    "they",
    "them",
    "she",
    "her",
    "hers",
    "him",
    "his",
    "its",
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "which",
    "why",
    "how",
    "are",
    "was",
    "were",
    "been",
    "being",
    "have",
    "has",
    "had",
    "doe",
    "does",
    "did",
    "done",
    "can",
    "could",
    "will",
    "would",
    "shall",
    "should",
    "may",
    "might",
    "must",
    "not",
    "one",
    "ones",
    "anything",
    "something",
    "anyone",
    "someone",
    "thing",
    "things",
    "way",
    "ways",
    "get",
    "got",
    "make",
    "made",
    "really",
    "actually",
    "exactly",
    "specifically",
    "please",
    "thanks",
    "thank",
    "okay",
    "yes",
    "now",
    "again",
    "many",
    "much",
    "more",
    "most",
    "other",
    "others",
    "else",
    "another",
    "same",
    "own",
    "out",
    "off",
    "per",
    "via",
    "let",
    "know",
    "tell",
    "say",
    "said",
    "mean",
    "like",
    "well",
    "kind",
    "sort",
    "lot",
    "lots",
];

/// The content words of an English question, as the follow-up test sees them.
pub(crate) struct EnglishContent {
    /// Words no fact's translation uses.
    pub unknown: usize,
    pub content: usize,
    /// Words of the item's translations that few facts use.
    pub in_item: usize,
}

/// Whether any char from `start` to `end` is masked.
fn masked_word(masked: &[bool], start: usize, end: usize) -> bool {
    masked.iter().take(end).skip(start).any(|&flag| flag)
}

impl Engine {
    /// The content words of an English question (`chars`: its normalized characters;
    /// `masked`: the chars of its cues, places, totals and references), or `None` for a
    /// question with Chinese characters (counted by pairs instead).
    pub(crate) fn english_content(&self, chars: &[char], masked: &[bool], item: usize) -> Option<EnglishContent> {
        if chars.iter().any(|c| crate::normalize::is_han(*c)) || !chars.iter().any(char::is_ascii_alphabetic) {
            return None;
        }
        let mut words: Vec<String> = Vec::new();
        let mut start = 0usize;
        for end in 0..=chars.len() {
            if end < chars.len() && chars[end].is_ascii_alphabetic() {
                continue;
            }
            if end - start >= ENGLISH_MIN_WORD_CHARS && !masked_word(masked, start, end) {
                let word: String = chars[start..end].iter().collect();
                if !FUNCTION_WORDS.contains(&word.as_str()) && !words.contains(&word) {
                    words.push(word);
                }
            }
            start = end + 1;
        }
        let unknown = words.iter().filter(|word| !self.english_facts().knows(word)).count();
        let in_item = words
            .iter()
            .filter(|word| {
                self.english_facts()
                    .word_idf(word)
                    .is_some_and(|idf| idf >= ENGLISH_MIN_WORD_IDF)
                    && self.english_facts().item_has(item, word)
            })
            .count();
        Some(EnglishContent {
            unknown,
            content: words.len(),
            in_item,
        })
    }

    /// The spans of the English places a question writes as the translations name them,
    /// district and all ("Futian District"): the article's own place, no other place, as
    /// the keyword 福田区 is in Chinese (a bare "Futian" still is another place).
    pub(crate) fn english_article_place_spans(&self, chars: &[char], analysis: &Analysis) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        for (place, &(start, end)) in analysis.other_places.iter().zip(&analysis.place_spans) {
            if !place.is_ascii() {
                continue;
            }
            let after: String = chars.iter().skip(end).take(ARTICLE_PLACE_SUFFIX_CHARS).collect();
            let Some(kind) = after.strip_prefix(' ').and_then(|rest| rest.split(' ').next()) else {
                continue;
            };
            let written = format!("{place} {kind}");
            if names_english_article_place(&self.english_facts().texts, place)
                && self
                    .english_facts()
                    .texts
                    .iter()
                    .any(|text| text.contains(written.as_str()))
            {
                spans.push((start, end + 1 + kind.chars().count()));
            }
        }
        spans
    }

    /// Whether a normalized English question opens with a yes/no word of the lexicon
    /// (can, does, is there …): it asks whether, a kind of its own, as 「…吗」 does, and
    /// takes over no kind from the turn before ("can foreigners volunteer?" after a count).
    pub(crate) fn opens_english_yes_no(&self, normalized: &str) -> bool {
        let text = normalized.trim_start();
        self.vocabulary.yes_no.iter().any(|word| {
            word.is_ascii()
                && text.starts_with(word.as_str())
                && text[word.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_alphanumeric())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::FUNCTION_WORDS;

    #[test]
    fn function_words_are_lowercase_letters() {
        for word in FUNCTION_WORDS {
            assert!(word.chars().all(|c| c.is_ascii_lowercase()), "{word}");
        }
    }
}
