//! Dialect words of questions rewritten to the Mandarin the article writes (`[dialect]` of
//! `questions.toml`): a Cantonese asker writes 幾多 for 多少, 喺邊度 for 在哪里, 咩 for 什么.
//! Applied to questions only, before they are normalized, never to the article's sentences.
//! The words are matched on the question read in Simplified characters (so 幾多 and 几多 are
//! one entry), longest first; the characters outside a match stay as written. 係 is kept
//! apart from 系 (体系, 系统 are Mandarin): an entry written with 係 matches only 係.

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, MatchKind};

/// The character Simplified conversion must not merge with 系.
const KEPT_TRADITIONAL: char = '係';

/// The compiled dialect words (none: questions are left as they are).
#[derive(Debug, Clone, Default)]
pub struct Dialect {
    matcher: Option<AhoCorasick>,
    mandarin: Vec<String>,
}

/// A character in Simplified, except 係; a character Simplified writes with several keeps
/// its own (so that characters stay aligned with the text).
fn simplified_char(c: char) -> char {
    if c == KEPT_TRADITIONAL {
        return c;
    }
    let mut buffer = [0u8; 4];
    let converted = fast2s::convert(c.encode_utf8(&mut buffer));
    let mut chars = converted.chars();
    match (chars.next(), chars.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// A text read in Simplified characters, character for character: converted as a whole (one
/// conversion, not one per character) where that keeps every character in its place, and
/// character by character otherwise.
fn simplified(text: &str) -> String {
    let whole = fast2s::convert(text);
    if whole.chars().count() != text.chars().count() {
        return text.chars().map(simplified_char).collect();
    }
    whole
        .chars()
        .zip(text.chars())
        .map(|(converted, written)| {
            if written == KEPT_TRADITIONAL {
                written
            } else {
                converted
            }
        })
        .collect()
}

impl Dialect {
    /// The dialect words (`from`, the Mandarin `to`), in Simplified or Traditional.
    pub fn new<'p>(pairs: impl IntoIterator<Item = (&'p str, &'p str)>) -> Dialect {
        let mut words: Vec<(String, String)> = Vec::new();
        for (from, to) in pairs {
            let from = simplified(from.trim());
            if !from.is_empty() && !words.iter().any(|(seen, _)| *seen == from) {
                words.push((from, to.trim().to_string()));
            }
        }
        if words.is_empty() {
            return Dialect::default();
        }
        let matcher = crate::automaton::small_automaton(words.iter().map(|(from, _)| from), MatchKind::LeftmostLongest);
        Dialect {
            matcher,
            mandarin: words.into_iter().map(|(_, to)| to).collect(),
        }
    }

    /// A question with its dialect words in Mandarin (borrowed when it has none).
    pub fn rewrite<'t>(&self, question: &'t str) -> Cow<'t, str> {
        let Some(matcher) = self.matcher.as_ref() else {
            return Cow::Borrowed(question);
        };
        let read = simplified(question);
        if !matcher.is_match(&read) {
            return Cow::Borrowed(question);
        }
        // `read` has the question's characters one for one: a byte offset of `read` is the
        // same character's offset in the question once both are walked together.
        let original: Vec<char> = question.chars().collect();
        let starts: Vec<usize> = read.char_indices().map(|(at, _)| at).collect();
        let char_at = |byte: usize| starts.partition_point(|&start| start < byte);
        let mut rewritten = String::with_capacity(question.len() + 8);
        let mut next = 0usize;
        for found in matcher.find_iter(&read) {
            let (first, end) = (char_at(found.start()), char_at(found.end()));
            rewritten.extend(&original[next..first]);
            rewritten.push_str(&self.mandarin[found.pattern().as_usize()]);
            next = end;
        }
        rewritten.extend(&original[next..]);
        Cow::Owned(rewritten)
    }
}

#[cfg(test)]
mod tests {
    use super::Dialect;

    fn dialect() -> Dialect {
        Dialect::new([
            ("几多", "多少"),
            ("有冇", "有没有"),
            ("冇", "没有"),
            ("喺边度", "在哪里"),
            ("喺", "在"),
            ("边度", "哪里"),
            ("係", "是"),
            ("系唔系", "是不是"),
            ("唔", "不"),
            ("嘅", "的"),
            ("咩", "什么"),
        ])
    }

    /// The class: dialect words in either script become Mandarin, longest first; the
    /// characters around them stay as written; 系 of Mandarin words stays.
    #[test]
    fn dialect_words_become_mandarin() {
        let dialect = dialect();
        for (question, expected) in [
            ("圖書館有幾多本書", "圖書館有多少本書"),
            ("那个活动有冇报名费", "那个活动有没有报名费"),
            ("啲课程冇人教", "啲课程没有人教"),
            ("中心喺邊度", "中心在哪里"),
            ("培訓班喺福田", "培訓班在福田"),
            ("係唔係免費", "是不是免費"),
            ("系唔系要钱", "是不是要钱"),
            ("服务体系有咩内容", "服务体系有什么内容"),
            ("系统嘅名", "系统的名"),
            ("no dialect here", "no dialect here"),
        ] {
            assert_eq!(dialect.rewrite(question), expected, "{question}");
        }
    }

    #[test]
    fn no_words_change_nothing() {
        assert_eq!(Dialect::default().rewrite("幾多"), "幾多");
    }
}
