//! The three languages the bot speaks: Simplified Chinese, Traditional Chinese and English.
//!
//! A reply's language follows the question's script ([`Lang::of_question`]): mostly Latin
//! letters → English, Traditional characters → Traditional, otherwise Simplified. A text
//! with no script of its own (digits, emoji, a command) says nothing, and the caller's
//! default applies (the conversation's last language, or the Telegram user's
//! `language_code`, [`Lang::of_language_code`]).
//!
//! Traditional text is never written twice: it is converted from the Simplified text with
//! OpenCC's dictionaries (`ferrous-opencc`, pure Rust, Apache-2.0), Hong Kong standard
//! (`s2hk`: characters and the phrases that decide a character, 头发 → 頭髮, but no
//! regional rewording such as 软件 → 軟體). The conversion never touches digits, Latin
//! letters or punctuation (a property test checks it).

pub mod numbers;

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, OnceLock};

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// A language the bot replies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Simplified Chinese (`zh-Hans`), the article's own.
    #[default]
    Simplified,
    /// Traditional Chinese (`zh-Hant`), Hong Kong standard.
    Traditional,
    /// English (`en`).
    English,
}

impl Lang {
    /// Every language, in report order.
    pub const ALL: [Lang; 3] = [Lang::Simplified, Lang::Traditional, Lang::English];

    /// The BCP 47 tag (`zh-Hans`, `zh-Hant`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Simplified => "zh-Hans",
            Lang::Traditional => "zh-Hant",
            Lang::English => "en",
        }
    }

    /// The language of a tag as [`Lang::tag`] writes it, or as people write it (`zh-hant`,
    /// `zh-TW`, `en-US`, `zh`, `zh-cn`); `None` for anything else.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        if tag.is_empty() {
            return None;
        }
        if tag == "en" || tag.starts_with("en-") {
            return Some(Lang::English);
        }
        if tag == "zh" || tag.starts_with("zh-") {
            return Some(Lang::of_language_code(&tag));
        }
        match tag.as_str() {
            "hans" | "simplified" => Some(Lang::Simplified),
            "hant" | "traditional" => Some(Lang::Traditional),
            _ => None,
        }
    }

    /// The language for a Telegram user's `language_code`: `en…` → English; `zh-hant`,
    /// `zh-tw`, `zh-hk`, `zh-mo` → Traditional; anything else (none included) → Simplified.
    pub fn of_language_code(code: &str) -> Lang {
        let code = code.trim().to_ascii_lowercase().replace('_', "-");
        if code == "en" || code.starts_with("en-") {
            return Lang::English;
        }
        let traditional = ["zh-hant", "zh-tw", "zh-hk", "zh-mo"];
        if traditional
            .iter()
            .any(|prefix| code == *prefix || code.starts_with(&format!("{prefix}-")))
        {
            return Lang::Traditional;
        }
        Lang::Simplified
    }

    /// The language a question is written in, from its script: mostly Latin letters →
    /// English; more Traditional-only than Simplified-only characters → Traditional; any
    /// other Chinese → Simplified. `None` when the text has neither letters nor Chinese
    /// characters (digits, emoji, punctuation).
    pub fn of_question(text: &str) -> Option<Lang> {
        let (letters, han_count) = script_counts(text);
        if letters == 0 && han_count == 0 {
            return None;
        }
        if letters > han_count {
            return Some(Lang::English);
        }
        let han: String = text.chars().filter(|&c| is_han(c)).collect();
        Some(if is_traditional(&han) {
            Lang::Traditional
        } else {
            Lang::Simplified
        })
    }

    /// Whether [`Lang::of_question`] reads `text` as English, without the Traditional check
    /// (a dictionary walk) that only tells the two Chinese scripts apart.
    pub fn is_english_question(text: &str) -> bool {
        let (letters, han_count) = script_counts(text);
        letters > han_count
    }

    /// Whether [`Lang::of_question`] reads `text` as some language (it has Latin letters or
    /// Chinese characters), without telling which.
    pub fn is_question_script(text: &str) -> bool {
        text.chars().any(|c| c.is_ascii_alphabetic() || is_han(c))
    }

    /// A text of the article (Simplified Chinese) in this language's script: converted for
    /// Traditional, unchanged otherwise (English has its own translations).
    pub fn script(self, simplified: &str) -> String {
        match self {
            Lang::Traditional => to_traditional(simplified),
            Lang::Simplified | Lang::English => simplified.to_string(),
        }
    }

    pub fn is_chinese(self) -> bool {
        self != Lang::English
    }
}

/// How many ASCII Latin letters and how many Chinese characters `text` has.
fn script_counts(text: &str) -> (usize, usize) {
    text.chars().fold((0, 0), |(letters, han), c| {
        if c.is_ascii_alphabetic() {
            (letters + 1, han)
        } else if is_han(c) {
            (letters, han + 1)
        } else {
            (letters, han)
        }
    })
}

/// Whether `c` is a CJK ideograph.
fn is_han(c: char) -> bool {
    crate::normalize::is_han(c)
}

/// Whether a run of Chinese characters is Traditional: it has more characters that only
/// Traditional writes (Simplified conversion changes them) than characters that only
/// Simplified writes (Traditional conversion changes them).
fn is_traditional(han: &str) -> bool {
    let simplified = fast2s::convert(han);
    let traditional_only = han.chars().zip(simplified.chars()).filter(|(a, b)| a != b).count();
    if traditional_only == 0 {
        return false;
    }
    let traditional = to_traditional(han);
    let simplified_only = han.chars().zip(traditional.chars()).filter(|(a, b)| a != b).count();
    traditional_only > simplified_only
}

/// The converter, built once (a few milliseconds) on first use.
fn converter() -> Option<&'static OpenCC> {
    static CONVERTER: OnceLock<Option<OpenCC>> = OnceLock::new();
    CONVERTER
        .get_or_init(|| OpenCC::from_config(BuiltinConfig::S2hk).ok())
        .as_ref()
}

/// Simplified → Traditional Chinese (Hong Kong standard, `s2hk`). Digits, Latin letters,
/// punctuation and commands are left as they are. Should the built-in dictionaries ever
/// fail to load, the text is returned unchanged (still readable) rather than lost.
pub fn to_traditional(simplified: &str) -> String {
    if !simplified.chars().any(is_han) {
        return simplified.to_string();
    }
    match converter() {
        Some(converter) => remembered(simplified, |text| converter.convert(text)),
        None => simplified.to_string(),
    }
}

/// How many conversions [`remembered`] keeps (the article's sentences and titles, the
/// replies' texts: a few hundred; a long tail of questions empties it now and then).
const REMEMBERED_CONVERSIONS: usize = 2048;

/// The conversion of a text, made once: replies in Traditional convert the same sentences of
/// the article again and again, and OpenCC's dictionary walk costs as much as an answer. At
/// most [`REMEMBERED_CONVERSIONS`] are kept (all forgotten when full); texts over 4 KB are
/// converted every time.
fn remembered(simplified: &str, convert: impl Fn(&str) -> String) -> String {
    static REMEMBERED: LazyLock<Mutex<HashMap<String, String>>> = LazyLock::new(Mutex::default);
    if simplified.len() > 4096 {
        return convert(simplified);
    }
    if let Ok(remembered) = REMEMBERED.lock()
        && let Some(converted) = remembered.get(simplified)
    {
        return converted.clone();
    }
    let converted = convert(simplified);
    if let Ok(mut remembered) = REMEMBERED.lock() {
        if remembered.len() >= REMEMBERED_CONVERSIONS {
            remembered.clear();
        }
        remembered.insert(simplified.to_string(), converted.clone());
    }
    converted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_get_the_language_of_their_script() {
        let cases = [
            ("How many nursing rooms are there?", Some(Lang::English)),
            ("mom jobs", Some(Lang::English)),
            ("女大學生崗位有多少", Some(Lang::Traditional)),
            ("母嬰室有幾間", Some(Lang::Traditional)),
            ("母婴室有多少间", Some(Lang::Simplified)),
            ("HPV疫苗接种了多少剂", Some(Lang::Simplified)),
            ("HPV疫苗接種了多少劑", Some(Lang::Traditional)),
            ("巾帼大学习", Some(Lang::Simplified)),
            ("1480", None),
            ("👍", None),
        ];
        for (question, expected) in cases {
            assert_eq!(Lang::of_question(question), expected, "{question}");
        }
    }

    #[test]
    fn language_codes() {
        for (code, lang) in [
            ("en", Lang::English),
            ("en-GB", Lang::English),
            ("zh-hant", Lang::Traditional),
            ("zh-TW", Lang::Traditional),
            ("zh-hk", Lang::Traditional),
            ("zh-mo", Lang::Traditional),
            ("zh-hans", Lang::Simplified),
            ("zh", Lang::Simplified),
            ("ru", Lang::Simplified),
            ("", Lang::Simplified),
        ] {
            assert_eq!(Lang::of_language_code(code), lang, "{code}");
        }
        assert_eq!(Lang::parse("zh-Hant"), Some(Lang::Traditional));
        assert_eq!(Lang::parse("en"), Some(Lang::English));
        assert_eq!(Lang::parse("zh-Hans"), Some(Lang::Simplified));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn hong_kong_standard_without_rewording() {
        assert_eq!(to_traditional("母婴室与民生实事"), "母嬰室與民生實事");
        assert_eq!(to_traditional("答：716万余人次"), "答：716萬餘人次");
        // s2hk, not s2twp: 软件 stays 軟件 (Taiwan would reword it 軟體).
        assert_eq!(to_traditional("软件"), "軟件");
        assert_eq!(to_traditional("/item 5 HPV 2021-2025年"), "/item 5 HPV 2021-2025年");
    }
}
