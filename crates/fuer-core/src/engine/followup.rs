//! Follow-up messages in a conversation: what the engine needs to know about the
//! conversation so far ([`Focus`]), the words of navigation (下一件, 上一件), of "more"
//! (详细一点) and of references back to the topic (它, 其中, 那里), from the `[followup]`
//! table of `questions.toml`.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::knowledge::questions::FollowUpWords;
use crate::normalize::normalize;

/// What the conversation is about, as the engine needs it to answer a follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Focus {
    /// The item of the last answer.
    pub item: u8,
    /// The facts the last question was about (empty: the item as a whole).
    pub facts: Vec<usize>,
    /// The kind of the last question (`quantity`, `price` …), carried to 「那X呢」.
    pub asked: Option<String>,
}

/// What an answer took from the conversation, for `--explain` and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContextUse {
    /// The item came from the conversation (the question named no other topic).
    pub topic: bool,
    /// The asked kind came from the conversation (「那X呢」 asks what was asked before).
    pub attribute: bool,
    /// The facts of the last answer stood for the topic (其中免费的有多少).
    pub facts: bool,
}

impl ContextUse {
    pub fn any(self) -> bool {
        self.topic || self.attribute || self.facts
    }
}

/// A message that moves through the items or asks for more, rather than asking a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Navigation {
    Next,
    Previous,
    More,
}

/// Most characters a navigation message may have besides its phrase (下一件是什么, 能详细说说吗).
const NAVIGATION_FILLER_CHARS: usize = 3;

/// The compiled follow-up words.
#[derive(Debug)]
pub struct FollowUpMatcher {
    phrases: Vec<(String, Navigation)>,
    /// Reference words (它, 其中 …), continuation words (那, 呢 …), fillers (请问 …).
    references: Option<AhoCorasick>,
    reference_ascii: Vec<bool>,
    /// The automaton's patterns: references up to `strong_count`, continuations up to
    /// `weak_end`, then fillers.
    strong_count: usize,
    weak_end: usize,
}

impl FollowUpMatcher {
    pub fn new(words: &FollowUpWords) -> FollowUpMatcher {
        let mut phrases: Vec<(String, Navigation)> = Vec::new();
        for (list, navigation) in [
            (&words.next, Navigation::Next),
            (&words.previous, Navigation::Previous),
            (&words.more, Navigation::More),
        ] {
            for phrase in list {
                let normalized = normalize(phrase);
                if !normalized.is_empty() {
                    phrases.push((normalized, navigation));
                }
            }
        }
        // Longest first: 再下一件 before 下一件.
        phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.0.len()));
        let normalized = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|word| normalize(word))
                .filter(|word| !word.is_empty())
                .collect()
        };
        let mut references = normalized(&words.references);
        let strong_count = references.len();
        references.extend(normalized(&words.continuations));
        let weak_end = references.len();
        references.extend(normalized(&words.fillers));
        let reference_ascii = references.iter().map(|word| word.is_ascii()).collect();
        let references = if references.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&references)
                .ok()
        };
        FollowUpMatcher {
            phrases,
            references,
            reference_ascii,
            strong_count,
            weak_end,
        }
    }

    /// Whether a normalized message is a navigation: one of the phrases with at most a
    /// few characters around it.
    pub fn navigation(&self, normalized: &str) -> Option<Navigation> {
        let length = normalized.chars().count();
        self.phrases.iter().find_map(|(phrase, navigation)| {
            let found = if phrase.is_ascii() {
                ascii_word_position(normalized, phrase).is_some()
            } else {
                normalized.contains(phrase.as_str())
            };
            (found && length <= phrase.chars().count() + NAVIGATION_FILLER_CHARS).then_some(*navigation)
        })
    }

    /// Whether a normalized question points back at the conversation (它, 其中, 那里, it, or
    /// the weaker 那…呢, and).
    pub fn has_reference(&self, normalized: &str) -> bool {
        self.matches(normalized)
            .iter()
            .any(|&(pattern, _, _)| pattern < self.weak_end)
    }

    /// Whether it points back with a reference proper (它, 其中, it), not only a continuation.
    pub fn has_strong_reference(&self, normalized: &str) -> bool {
        self.matches(normalized)
            .iter()
            .any(|&(pattern, _, _)| pattern < self.strong_count)
    }

    /// Char spans of the reference, continuation and filler words in a normalized question.
    pub fn reference_spans(&self, normalized: &str) -> Vec<(usize, usize)> {
        self.matches(normalized)
            .into_iter()
            .map(|(_, start, end)| (start, end))
            .collect()
    }

    /// (pattern, char start, char end) of every reference, continuation or filler word.
    fn matches(&self, normalized: &str) -> Vec<(usize, usize, usize)> {
        let Some(matcher) = &self.references else {
            return Vec::new();
        };
        let bytes = normalized.as_bytes();
        let char_index = |byte: usize| normalized[..byte].chars().count();
        matcher
            .find_overlapping_iter(normalized)
            .filter(|found| {
                if !self.reference_ascii[found.pattern().as_usize()] {
                    return true;
                }
                let before_ok = found.start() == 0 || !bytes[found.start() - 1].is_ascii_alphanumeric();
                let after_ok = found.end() == bytes.len() || !bytes[found.end()].is_ascii_alphanumeric();
                before_ok && after_ok
            })
            .map(|found| {
                (
                    found.pattern().as_usize(),
                    char_index(found.start()),
                    char_index(found.end()),
                )
            })
            .collect()
    }
}

/// Where an ASCII phrase stands on word boundaries in a text, if it does.
fn ascii_word_position(text: &str, phrase: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    text.match_indices(phrase).map(|(start, _)| start).find(|&start| {
        let end = start + phrase.len();
        let before_ok = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let after_ok = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        before_ok && after_ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> FollowUpMatcher {
        let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect();
        FollowUpMatcher::new(&FollowUpWords {
            next: words(&["下一件", "next"]),
            previous: words(&["上一件", "previous"]),
            more: words(&["详细一点", "还有呢", "more"]),
            references: words(&["其中", "它", "it"]),
            continuations: words(&["呢"]),
            fillers: words(&["请问"]),
        })
    }

    #[test]
    fn navigation_is_a_short_message_around_a_phrase() {
        let matcher = matcher();
        for (text, expected) in [
            ("下一件", Some(Navigation::Next)),
            ("下一件是什么", Some(Navigation::Next)),
            ("previous", Some(Navigation::Previous)),
            ("详细一点", Some(Navigation::More)),
            ("more", Some(Navigation::More)),
            ("tell me more about the wedding", None),
            ("下一件大事讲的是妇儿大厦吗", None),
            ("moreover", None),
        ] {
            assert_eq!(matcher.navigation(&normalize(text)), expected, "{text}");
        }
    }

    #[test]
    fn references_are_found_on_word_boundaries() {
        let matcher = matcher();
        assert!(matcher.has_reference("其中免费的有多少"));
        assert!(matcher.has_strong_reference("其中免费的有多少"));
        assert!(matcher.has_reference("天气呢") && !matcher.has_strong_reference("天气呢"));
        assert!(!matcher.has_reference("请问天气如何"), "a filler is no reference");
        assert_eq!(matcher.reference_spans("请问其中"), vec![(0, 2), (2, 4)]);
        assert!(matcher.has_reference("is it free"));
        assert!(!matcher.has_reference("items"));
        assert!(!matcher.has_reference("母婴室有多少间"));
    }
}
