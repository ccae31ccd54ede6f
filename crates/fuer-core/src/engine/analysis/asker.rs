//! The asker's self-introduction: 「我是福田开的士的，…具体多少场啊？」, 「我喺澳門做荷官，…
//! 總共有幾多間呀？」, "I'm a nurse in Futian. How many nursing rooms are there?". A sentence
//! or clause opening with one of `[words] askers` (我是, 我在, 我住, 本人, 作为, I am, we
//! live) and asking nothing tells who the asker is and where they live or work: a place
//! named there is the asker's, not the scope of the question, so it makes no figure of the
//! whole city "related" (`ranking::scope_gap`).
//!
//! The boundary: the introduction ends with its clause or sentence, or where the asker
//! starts to ask (`[followup] fillers`: 想问, 请问); a clause holding a question word (我在
//! 福田哪里能找到母婴室) asks, it introduces no one. A place the question proper names again
//! (我住福田，福田区有多少母婴室) stays the question's scope, as does a place of a clause
//! with no opener (我们宝安有没有…, 听讲龙华有个…: what was heard is what is asked). Nor is
//! a place dropped where the question asks whether the asker may do something (`[words]
//! permission`: 我係香港人，可唔可以免費做篩查): who the asker is is then the condition asked.

use super::{Analysis, Analyzer, CueRole, char_words};
use crate::engine::vocabulary::Vocabulary;
use crate::knowledge::QuestionWords;

/// The characters ending a clause or sentence of a raw question: those `topics.rs` cuts
/// clauses at, and 、; a full stop ends an English sentence only before a space or the end.
const CLAUSE_ENDS: [char; 9] = [',', ';', '?', '!', '。', '\n', '、', ':', '：'];

/// The word lists of `questions.toml` a self-introduction is read with, normalized.
#[derive(Debug)]
pub(super) struct AskerWords {
    /// `[words] askers`: openers of the asker's self-introduction (我是, 我住, I am).
    askers: Vec<Vec<char>>,
    /// `[words] permission`: words asking whether the asker may (能不能, can I).
    permission: Vec<Vec<char>>,
    /// `[followup] fillers`: where the asker starts to ask (想问, 请问).
    asking_words: Vec<Vec<char>>,
    /// `[words] greetings`, longest first: a greeting before a self-introduction.
    greetings: Vec<Vec<char>>,
    /// The Chinese `[words] interrogatives` (多少, 几, 哪): a clause holding one asks.
    pub(super) interrogatives: Vec<String>,
    /// `[words] personas`: who the asker is (妈妈, 老板, 柜员).
    pub(super) personas: Vec<Vec<char>>,
    /// `[words] city_wide` and the article's home: the whole city (全市, 市里, 深圳).
    pub(super) city_wide: Vec<Vec<char>>,
    /// `[words] hearsay`: what the asker heard (听说, 听讲).
    pub(super) hearsay: Vec<Vec<char>>,
}

impl AskerWords {
    pub(super) fn new(words: &QuestionWords, vocabulary: &Vocabulary) -> AskerWords {
        let mut greetings = char_words(&words.lexicon.greetings, vocabulary);
        greetings.sort_by_key(|word| std::cmp::Reverse(word.len()));
        let city_wide = words.lexicon.city_wide.iter().chain(std::iter::once(&words.scope.home));
        AskerWords {
            personas: char_words(&words.lexicon.personas, vocabulary),
            city_wide: char_words(city_wide, vocabulary),
            hearsay: char_words(&words.lexicon.hearsay, vocabulary),
            askers: char_words(&words.lexicon.askers, vocabulary),
            permission: char_words(&words.lexicon.permission, vocabulary),
            asking_words: char_words(&words.follow_up.fillers, vocabulary),
            greetings,
            interrogatives: char_words(&words.lexicon.interrogatives, vocabulary)
                .into_iter()
                .filter(|word| !word.iter().all(char::is_ascii))
                .map(String::from_iter)
                .collect(),
        }
    }
}

impl Analyzer {
    /// Drops the places the question names only inside the asker's self-introduction.
    /// `raw` is the question before normalization (its clause marks are kept) and
    /// `normalized` the text the analysis was made of.
    pub fn drop_asker_places(
        &self,
        analysis: &mut Analysis,
        raw: &str,
        normalized: &str,
        topic_spans: &[(usize, usize)],
        normalize: impl Fn(&str) -> String,
    ) {
        if analysis.other_places.is_empty() {
            return;
        }
        let chars: Vec<char> = normalized.chars().collect();
        let spans = clause_spans(raw, &chars, normalize);
        let permission: Vec<usize> = self
            .asker
            .permission
            .iter()
            .flat_map(|word| occurrences(&chars, word))
            .collect();
        // Asked whether the asker may do something (我是香港人，可不可以…), who they are
        // is the condition asked about.
        let context = if permission.is_empty() {
            self.context_places(analysis, &chars, &spans, topic_spans)
        } else {
            Vec::new()
        };
        let introductions: Vec<(usize, usize)> = spans
            .into_iter()
            .filter_map(|span| self.introduction(&chars, span, analysis))
            .collect();
        let asks_permission = permission
            .iter()
            .any(|&at| !introductions.iter().any(|&(s, e)| s <= at && at < e));
        let introductions = if asks_permission { Vec::new() } else { introductions };
        if introductions.is_empty() && context.is_empty() {
            return;
        }
        drop_places_where(analysis, &chars, !introductions.is_empty(), |start, len| {
            context.contains(&(start, len)) || introductions.iter().any(|&(s, e)| s <= start && start + len <= e)
        });
    }

    /// The asker's self-introduction at the start of a clause (its char span), if the
    /// clause opens with an opener (after a greeting) and asks nothing before it ends or
    /// the asker starts to ask (想问).
    fn introduction(
        &self,
        chars: &[char],
        (start, end): (usize, usize),
        analysis: &Analysis,
    ) -> Option<(usize, usize)> {
        let mut from = start;
        while from < end && chars[from] == ' ' {
            from += 1;
        }
        if let Some(greeting) = self
            .asker
            .greetings
            .iter()
            .find(|word| starts_with_word(chars, from, end, word))
        {
            from += greeting.len();
            while from < end && chars[from] == ' ' {
                from += 1;
            }
        }
        let opener = self
            .asker
            .askers
            .iter()
            .find(|word| starts_with_word(chars, from, end, word))?;
        let after = from + opener.len();
        let until = (after..end)
            .find(|&at| {
                self.asker
                    .asking_words
                    .iter()
                    .any(|word| chars[at..end].starts_with(word))
            })
            .unwrap_or(end);
        let asks = analysis
            .cues
            .iter()
            .any(|cue| cue.role != CueRole::Noun && cue.start < until && cue.end > from);
        let text: String = chars[from..until].iter().collect();
        let interrogative = self
            .asker
            .interrogatives
            .iter()
            .any(|word| text.contains(word.as_str()));
        (!asks && !interrogative).then_some((from, until))
    }
}

/// Drops the places of which every occurrence (its start and length) is `aside`, and those
/// not found in `chars` where `unfound` says so.
pub(super) fn drop_places_where(
    analysis: &mut Analysis,
    chars: &[char],
    unfound: bool,
    aside: impl Fn(usize, usize) -> bool,
) {
    let mut index = 0;
    while index < analysis.other_places.len() {
        let place: Vec<char> = analysis.other_places[index].chars().collect();
        let starts = occurrences(chars, &place);
        if (unfound || !starts.is_empty()) && starts.iter().all(|&start| aside(start, place.len())) {
            analysis.other_places.remove(index);
            analysis.place_spans.remove(index);
        } else {
            index += 1;
        }
    }
}

/// Drops the places of `analysis` that `chars` names only inside `spans` (a
/// self-introduction, an English context sentence: `english_sentences.rs`).
pub(crate) fn drop_places_only_in(analysis: &mut Analysis, chars: &[char], spans: &[(usize, usize)]) {
    if spans.is_empty() {
        return;
    }
    drop_places_where(analysis, chars, true, |start, len| {
        spans.iter().any(|&(s, e)| s <= start && start + len <= e)
    });
}

/// Whether `word` starts at `at` (before `end`), on a word boundary where it is English.
fn starts_with_word(chars: &[char], at: usize, end: usize, word: &[char]) -> bool {
    if at + word.len() > end || chars[at..at + word.len()] != *word {
        return false;
    }
    !word.iter().all(char::is_ascii) || on_char_boundaries(chars, at, at + word.len())
}

/// Whether no ASCII letter or digit runs into `chars[start..end]` on either side.
fn on_char_boundaries(chars: &[char], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).and_then(|at| chars.get(at));
    !before.is_some_and(char::is_ascii_alphanumeric) && !chars.get(end).is_some_and(char::is_ascii_alphanumeric)
}

/// Where `word` starts in `chars`.
pub(super) fn occurrences(chars: &[char], word: &[char]) -> Vec<usize> {
    if word.is_empty() || word.len() > chars.len() {
        return Vec::new();
    }
    let english = word.iter().all(char::is_ascii);
    (0..=chars.len() - word.len())
        .filter(|&at| chars[at..at + word.len()] == *word)
        // An English place only on word boundaries (as `analyze` finds it).
        .filter(|&at| !english || on_char_boundaries(chars, at, at + word.len()))
        .collect()
}

/// The spans (chars of the normalized question) of the raw question's clauses and
/// sentences, each found in order; none when one is not found there.
fn clause_spans(raw: &str, chars: &[char], normalize: impl Fn(&str) -> String) -> Vec<(usize, usize)> {
    let raw_chars: Vec<char> = raw.chars().collect();
    let mut pieces = Vec::new();
    let mut current = String::new();
    for (at, &c) in raw_chars.iter().enumerate() {
        let full_stop = c == '.' && raw_chars.get(at + 1).is_none_or(|next: &char| next.is_whitespace());
        if CLAUSE_ENDS.contains(&c) || full_stop {
            pieces.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    pieces.push(current);
    let mut spans = Vec::new();
    let mut cursor = 0;
    for piece in pieces {
        let piece: Vec<char> = normalize(&piece).trim().chars().collect();
        if piece.is_empty() {
            continue;
        }
        let Some(offset) = (cursor..=chars.len().saturating_sub(piece.len()))
            .find(|&at| at + piece.len() <= chars.len() && chars[at..at + piece.len()] == *piece)
        else {
            return Vec::new();
        };
        spans.push((offset, offset + piece.len()));
        cursor = offset + piece.len();
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn clauses_are_found_in_the_normalized_question() {
        let normalized = chars("我是宝安的老师想问有多少个");
        let spans = clause_spans("我是宝安的老师,想问有多少个?", &normalized, |text| {
            text.to_string()
        });
        assert_eq!(spans, vec![(0, 7), (7, 13)]);
        let english = chars("im a nurse in futian how many are there");
        let spans = clause_spans(
            "im a nurse in futian. how many are there? 4.2",
            &chars("im a nurse in futian how many are there 4.2"),
            |text| text.to_string(),
        );
        assert_eq!(spans.len(), 3);
        assert_eq!(spans[0], (0, 20));
        assert!(clause_spans("不在里面", &english, |text| text.to_string()).is_empty());
    }

    #[test]
    fn english_words_start_on_boundaries() {
        let text = chars("im a nurse");
        assert!(starts_with_word(&text, 0, text.len(), &chars("im")));
        assert!(!starts_with_word(&chars("imagine"), 0, 7, &chars("im")));
        assert!(starts_with_word(&chars("我是老师"), 0, 4, &chars("我是")));
        assert_eq!(occurrences(&chars("我住福田福田区"), &chars("福田")), vec![2, 4]);
        assert!(occurrences(&chars("futianese"), &chars("futian")).is_empty());
    }
}
