//! Limits (issue 16): a question asking for a limit (至少, 最少, 最多, 起码, at least) is
//! answered first by a sentence that writes one (每个分馆少儿藏书不少于3000册, 每月收费不超过
//! 300元), not by one that only counts the same measure (新增少儿图书38万册).
//!
//! The words are `[limits]` of `questions.toml` (`asked`, `written`), so an admin adds a new
//! way of asking (封顶) without touching code.

use crate::knowledge::questions::LimitWords;

use super::params::LIMIT_FIGURE_REACH;

/// The `[limits]` words, normalized.
#[derive(Debug, Default)]
pub(crate) struct Limits {
    /// Words of a question asking for a limit (至少, at most).
    asked: Vec<String>,
    /// Words of a sentence writing a limit (不少于, 不超过).
    written: Vec<String>,
}

impl Limits {
    /// The lists of `questions.toml`, each word through `normalize` (as questions and facts
    /// are); a word that normalizes to nothing is dropped.
    pub(crate) fn new(words: &LimitWords, normalize: impl Fn(&str) -> String) -> Limits {
        let list = |words: &[String]| -> Vec<String> {
            words
                .iter()
                .map(|word| normalize(word))
                .filter(|word| !word.is_empty())
                .collect()
        };
        Limits {
            asked: list(&words.asked),
            written: list(&words.written),
        }
    }

    /// For each of an item's sentences (normalized `texts`), whether it writes a limit the
    /// question (normalized `chars`) asks for; all `false` when the question asks for none.
    pub(crate) fn limit_facts(&self, texts: &[&str], chars: &[char]) -> Vec<bool> {
        let asks = self.asks_a_limit(chars);
        texts.iter().map(|text| asks && self.writes_a_limit(text)).collect()
    }

    /// Whether a sentence writes a limit with its figure: the limit word followed by a number
    /// (不少于3000册, 不超过300元) or closing a figure and its unit (30小时以上); a limit word
    /// away from any number (最多的一次, 至少要有人陪) sets none.
    fn writes_a_limit(&self, text: &str) -> bool {
        self.written.iter().any(|word| {
            text.match_indices(word.as_str()).any(|(start, _)| {
                let after = text[start + word.len()..].trim_start().chars().next();
                let before = text[..start].chars().rev().take(LIMIT_FIGURE_REACH);
                after.is_some_and(|c| c.is_ascii_digit()) || before.into_iter().any(|c| c.is_ascii_digit())
            })
        })
    }

    /// Whether a question (normalized `chars`) asks for a limit (至少, at most).
    pub(crate) fn asks_a_limit(&self, chars: &[char]) -> bool {
        if self.asked.is_empty() {
            return false;
        }
        let question: String = chars.iter().collect();
        self.asked.iter().any(|word| question.contains(word.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::{LimitWords, Limits};

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|word| word.to_string()).collect()
    }

    #[test]
    fn a_limit_asked_points_at_the_sentences_writing_one() {
        let limits = Limits::new(
            &LimitWords {
                asked: words(&["至少", "最多"]),
                written: words(&["不少于", "不超过", "最多", "以上"]),
            },
            str::to_string,
        );
        let texts = [
            "新增少儿图书38万册",
            "每个分馆少儿藏书不少于3000册",
            "每月收费不超过300元",
            "参与人数最多的一次活动在南山区",
            "每周服务30小时以上",
        ];
        for (question, expected) in [
            ("分馆至少要有多少本书", [false, true, true, false, true]),
            ("分馆最多能借多少本书", [false, true, true, false, true]),
            ("分馆有多少本书", [false, false, false, false, false]),
        ] {
            let chars: Vec<char> = question.chars().collect();
            assert_eq!(limits.limit_facts(&texts, &chars), expected, "{question}");
        }
    }

    #[test]
    fn without_limit_words_nothing_asks_a_limit() {
        let limits = Limits::default();
        let chars: Vec<char> = "分馆至少要有多少本书".chars().collect();
        assert!(!limits.asks_a_limit(&chars));
    }
}
