//! Limits (issue 16): a question asking for a limit (至少, 最少, 最多, 起码, at least) is
//! answered first by a sentence that writes one (每个分馆少儿藏书不少于3000册, 每月收费不超过
//! 300元), not by one that only counts the same measure (新增少儿图书38万册).

/// Words of a question asking for a limit.
const ASKED_LIMITS: &[&str] = &[
    "至少",
    "最少",
    "起码",
    "最多",
    "最低",
    "最高",
    "不少于",
    "不超过",
    "上限",
    "下限",
    "at least",
    "at most",
    "minimum",
    "maximum",
];
/// Words of a sentence writing a limit.
const WRITTEN_LIMITS: &[&str] = &[
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "至少",
    "最多",
    "最少",
    "最高",
    "最低",
];

/// For each of an item's sentences (normalized `texts`), whether it writes a limit the
/// question (normalized `chars`) asks for; all `false` when the question asks for none.
pub(crate) fn limit_facts(texts: &[&str], chars: &[char]) -> Vec<bool> {
    let asks = asks_a_limit(chars);
    texts.iter().map(|text| asks && writes_a_limit(text)).collect()
}

/// Whether a sentence writes a limit with its figure (不少于3000册, 不超过300元): a limit
/// word not followed by a number (最多的一次, 至少要有人陪) sets none.
fn writes_a_limit(text: &str) -> bool {
    WRITTEN_LIMITS.iter().any(|word| {
        text.match_indices(word).any(|(start, _)| {
            text[start + word.len()..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        })
    })
}

/// Whether a question (normalized `chars`) asks for a limit (至少, at most).
pub(crate) fn asks_a_limit(chars: &[char]) -> bool {
    let question: String = chars.iter().collect();
    ASKED_LIMITS.iter().any(|word| question.contains(word))
}

#[cfg(test)]
mod tests {
    use super::limit_facts;

    #[test]
    fn a_limit_asked_points_at_the_sentences_writing_one() {
        let texts = [
            "新增少儿图书38万册",
            "每个分馆少儿藏书不少于3000册",
            "每月收费不超过300元",
            "参与人数最多的一次活动在南山区",
        ];
        for (question, expected) in [
            ("分馆至少要有多少本书", [false, true, true, false]),
            ("分馆最多能借多少本书", [false, true, true, false]),
            ("分馆有多少本书", [false, false, false, false]),
        ] {
            let chars: Vec<char> = question.chars().collect();
            assert_eq!(limit_facts(&texts, &chars), expected, "{question}");
        }
    }
}
