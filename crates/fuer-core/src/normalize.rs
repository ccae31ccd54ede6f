//! Text normalization shared by the knowledge index and incoming questions.
//!
//! Both sides go through the same [`Normalizer`], so a keyword and a question match when
//! they mean the same text in different spellings: full-width vs ASCII (NFKC), upper vs
//! lower case, Traditional vs Simplified characters, Chinese numerals vs digits,
//! English plurals, punctuation and spacing. A single numeral is a number only before a
//! measure word (两户 → 2户, but 两癌 stays): the engine's normalizer knows the measure words
//! of `knowledge/questions.toml`; [`normalize`] knows none (it groups logged questions).
//! [`pinyin_keys`] gives the toneless pinyin used to catch homophone typos from pinyin
//! input methods.
//!
//! Size (about 520 lines; its tests live in `normalize/tests.rs`): every step of the one
//! normalization and the word tables it applies stay together, so that both sides of
//! matching provably go through the same code.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use pinyin::ToPinyin;
use unicode_normalization::UnicodeNormalization;

/// Normalization that knows the measure words (longest first, normalized), after which a
/// single Chinese numeral is a number (两个 → 2个, 五分钟 → 5分钟).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalizer {
    measure_words: Vec<Vec<char>>,
}

impl Normalizer {
    /// A normalizer for these measure words (as written; normalized here).
    pub fn new<'w>(measure_words: impl IntoIterator<Item = &'w str>) -> Normalizer {
        let plain = Normalizer::default();
        let mut words: Vec<Vec<char>> = measure_words
            .into_iter()
            .map(|word| plain.normalize(word))
            .filter(|word| !word.is_empty() && !word.is_ascii())
            .map(|word| word.chars().collect())
            .collect();
        words.sort_by(|a: &Vec<char>, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        words.dedup();
        Normalizer { measure_words: words }
    }

    /// The measure words, normalized, longest first.
    pub fn measure_words(&self) -> &[Vec<char>] {
        &self.measure_words
    }

    /// Normalizes text for matching. The result keeps CJK characters, ASCII letters and
    /// digits; `.` between digits, `%` and `-` between digits survive; words of ASCII
    /// letters/digits are separated by one space; everything else is dropped.
    pub fn normalize(&self, text: &str) -> String {
        normalize_with(text, &self.measure_words)
    }
}

/// [`Normalizer::normalize`] without measure words: only unmistakable numerals (二十四,
/// 三八, 第八) become digits. For grouping logged questions; the engine uses its own
/// normalizer.
pub fn normalize(text: &str) -> String {
    normalize_with(text, &[])
}

fn normalize_with(text: &str, measure_words: &[Vec<char>]) -> String {
    let simplified = if is_nfkc(text) {
        fast2s::convert(text)
    } else {
        fast2s::convert(&text.nfkc().collect::<String>())
    };
    let lowered = lowercase(&simplified);
    let chars: Vec<char> = lowered.chars().collect();
    // Symbols go first, so that 两 件 and 两件 read the same numeral.
    let cleaned: Vec<char> = clean_symbols(&chars).chars().collect();
    let with_digits: String = replace_chinese_numerals(&cleaned, measure_words).into_iter().collect();
    let normalized = normalize_english_words(&canonical_words(&with_digits));
    // Removing symbols can leave marks next to new neighbours: compose once more, so that
    // normalizing the result changes nothing.
    if is_nfkc(&normalized) {
        normalized
    } else {
        normalized.nfkc().collect()
    }
}

/// Whether a character is an ideograph of the CJK Unified Ideographs block or its extension
/// A: every one is assigned, a letter (alphanumeric), no mark, without case, and NFKC
/// leaves it as it is. The fast paths below take these and ASCII without a table look-up.
fn is_plain_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Whether a text is in NFKC (what `unicode_normalization`'s quick check says; ASCII and
/// plain ideographs are, without asking it).
pub(crate) fn is_nfkc(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii() || is_plain_han(c) || is_nfkc_punctuation(c))
        || matches!(
            unicode_normalization::is_nfkc_quick(text.chars()),
            unicode_normalization::IsNormalized::Yes
        )
}

/// The punctuation questions write most (、。《》「」【】, dashes, curly quotes) that NFKC
/// leaves as it is, and that combines with nothing: the quick check says yes for any text of
/// these, ASCII and plain ideographs. (Not U+3000, the ideographic space, nor the fullwidth
/// forms ，？, nor …: NFKC changes them.)
fn is_nfkc_punctuation(c: char) -> bool {
    matches!(c as u32, 0x2013..=0x2016 | 0x2018..=0x2023 | 0x3001..=0x301F)
}

/// `str::to_lowercase`, without the case tables for ASCII, plain ideographs and the CJK and
/// general punctuation (none of them has a lowercase form).
pub(crate) fn lowercase(text: &str) -> String {
    let caseless = |c: char| c.is_ascii() || is_plain_han(c) || matches!(c as u32, 0x2000..=0x206F | 0x3000..=0x303F);
    if text.chars().all(caseless) {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// Combining marks (they only decorate the character before them).
fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Everyday words replaced by the article's word, on both sides of matching, so that
/// 孤独症孩子 finds 孤独症儿童. Only unambiguous equivalents belong here; synonyms that
/// admins maintain live in `knowledge/synonyms.toml`. Internet spellings of everyday words
/// (孩纸 for 孩子, 神马 for 什么) read as the words they stand for, and an everyday word for
/// an article's term (牌子 for 品牌) as the term.
const CANONICAL_WORDS: [(&str, &str); 22] = [
    // Internet spellings (the sound of the word, other characters).
    ("女孩纸", "女孩"),
    ("孩纸", "儿童"),
    ("小盆友", "儿童"),
    ("神马", "什么"),
    ("肿么", "怎么"),
    ("有木有", "有没有"),
    ("酱紫", "这样"),
    // Everyday words for the article's terms.
    ("牌子", "品牌"),
    // Cantonese: 细路(仔) is a child.
    ("细路仔", "儿童"),
    ("细路", "儿童"),
    ("小孩子", "儿童"),
    ("小朋友", "儿童"),
    ("小孩", "儿童"),
    ("孩子", "儿童"),
    ("娃娃", "儿童"),
    ("小娃", "儿童"),
    ("宝宝", "儿童"),
    ("娃", "儿童"),
    ("母亲", "妈妈"),
    ("妈咪", "妈妈"),
    ("老妈", "妈妈"),
    ("女孩子", "女孩"),
];

static CANONICAL_MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    crate::automaton::small_automaton(CANONICAL_WORDS.iter().map(|(from, _)| from), MatchKind::LeftmostLongest)
});

fn canonical_words(text: &str) -> String {
    let Some(matcher) = CANONICAL_MATCHER.as_ref() else {
        return text.to_string();
    };
    let replacements: Vec<&str> = CANONICAL_WORDS.iter().map(|(_, to)| *to).collect();
    matcher.replace_all(text, &replacements)
}

/// True for CJK ideographs (the characters that have pinyin).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Where a word (as characters) first stands in a text's characters, in characters.
pub(crate) fn find_chars(chars: &[char], word: &[char]) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    chars.windows(word.len()).position(|window| window == word)
}

/// The value of a Chinese digit character (〇/零 … 九, 两).
pub(crate) fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// Value of a run of Chinese numeral characters such as 二十四 or 三千六百九十八; a run
/// without units is read digit by digit (三八 → 38, 二零二四 → 2024).
fn chinese_number_value(run: &[char]) -> u64 {
    if run.iter().all(|&c| chinese_digit(c).is_some()) {
        return run
            .iter()
            .filter_map(|&c| chinese_digit(c))
            .fold(0u64, |value, d| value.saturating_mul(10).saturating_add(d));
    }
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    for &c in run {
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
            continue;
        }
        let Some(unit) = chinese_unit(c) else { continue };
        if unit >= 10_000 {
            section += digit.take().unwrap_or(0);
            total += section.max(1) * unit;
            section = 0;
        } else {
            section += digit.take().unwrap_or(1) * unit;
        }
    }
    total + section + digit.unwrap_or(0)
}

/// The longest of `measure_words` (longest first) starting at `chars[index..]`.
pub(crate) fn measure_word_at<'w>(chars: &[char], index: usize, measure_words: &'w [Vec<char>]) -> Option<&'w [char]> {
    measure_words
        .iter()
        .find(|word| chars.len() >= index + word.len() && chars[index..index + word.len()] == word[..])
        .map(Vec::as_slice)
}

/// Replaces Chinese numerals by digits: 二十四 → 24, 第八 → 第8, 七十一万 → 71万, 三八 → 38,
/// 两个 → 2个. Only real numerals change: a run with 十/百/千, two or more digit characters, a
/// digit with 万/亿, or a single digit after 第 or before one of `measure_words`. So 一共, 一站式,
/// 统一, 两癌, 三新 and 万花筒 keep their characters (a run must start with a digit or 十).
fn replace_chinese_numerals(chars: &[char], measure_words: &[Vec<char>]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        let starts_run = chinese_digit(c).is_some() || c == '十';
        if !starts_run {
            out.push(c);
            index += 1;
            continue;
        }
        let mut end = index;
        while end < chars.len() && (chinese_digit(chars[end]).is_some() || chinese_unit(chars[end]).is_some()) {
            end += 1;
        }
        let run = &chars[index..end];
        let digit_count = run.iter().filter(|&&c| chinese_digit(c).is_some()).count();
        let has_small_unit = run.iter().any(|&c| matches!(c, '十' | '百' | '千'));
        let has_large_unit = run.iter().any(|&c| matches!(c, '万' | '亿'));
        let after_ordinal_marker = out.last() == Some(&'第');
        // 一点 is "a little" (详细一点), not "one o'clock".
        let before_measure_word =
            measure_word_at(chars, end, measure_words).is_some() && !(run == ['一'] && chars.get(end) == Some(&'点'));
        // A numeral alone (九, 说说九 is not) is a number too.
        let whole_text = index == 0 && end == chars.len();
        let is_numeral = has_small_unit
            || digit_count >= 2
            || (digit_count == 1 && has_large_unit && run.len() > 1)
            || (run.len() == 1 && c != '两' && after_ordinal_marker)
            || (run.len() == 1 && before_measure_word)
            || whole_text;
        if !is_numeral {
            // Not a number: keep the first character, look again from the next one (一万 in
            // 一万 is a numeral, but 万一 is not: 万 does not start a run).
            out.push(c);
            index += 1;
            continue;
        }
        // A trailing 万 stays as the unit, as the article writes figures (71万).
        let (number_part, keep_wan) = match run.split_last() {
            Some(('万', rest)) if !rest.is_empty() => (rest, true),
            _ => (run, false),
        };
        out.extend(chinese_number_value(number_part).to_string().chars());
        if keep_wan {
            out.push('万');
        }
        index = end;
    }
    out
}

/// Drops punctuation and symbols; keeps `.`/`-` between digits, `%`, and single spaces
/// between ASCII words.
/// Whether `chars[index]` is a comma grouping the digits of a number: a digit before it,
/// exactly three digits after it (1,000 and 12,154, not 1,2 or 3, 2024).
pub(crate) fn is_digit_group_comma(chars: &[char], index: usize) -> bool {
    chars[index] == ','
        && index > 0
        && chars[index - 1].is_ascii_digit()
        && chars.len() >= index + 4
        && chars[index + 1..index + 4].iter().all(char::is_ascii_digit)
        && !chars.get(index + 4).is_some_and(char::is_ascii_digit)
}

/// A text without the commas grouping the digits of its numbers (1,000 → 1000).
pub(crate) fn join_digit_groups(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&index| !is_digit_group_comma(&chars, index))
        .map(|index| chars[index])
        .collect()
}

fn clean_symbols(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len() * 3);
    let mut pending_space = false;
    for (index, &c) in chars.iter().enumerate() {
        // A combining mark only decorates its letter: dropped, it joins nothing apart.
        let plain = c.is_ascii() || is_plain_han(c);
        if !plain && is_mark(c) {
            continue;
        }
        let previous = if index > 0 { chars[index - 1] } else { ' ' };
        let next = chars.get(index + 1).copied().unwrap_or(' ');
        let keep = is_plain_han(c)
            || c.is_alphanumeric()
            || c == '%'
            || ((c == '.' || c == '-') && previous.is_ascii_digit() && next.is_ascii_digit());
        if !keep {
            // Apostrophes join (children's → childrens), and so do the commas grouping the
            // digits of a number (1,000 → 1000); other symbols separate words.
            if c != '\'' && c != '’' && !is_digit_group_comma(chars, index) {
                pending_space = true;
            }
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let last = out.chars().next_back();
        if pending_space && last.is_some_and(|l| l.is_ascii_alphanumeric()) && c.is_ascii_alphanumeric() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Light English stemming so "nursing rooms" matches "nursing room": plurals (`s`, `es`
/// after ch/sh/x/ss/zz, `ies` → `y`) and a few irregular plurals.
fn normalize_english_words(text: &str) -> String {
    if !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            word.push(c);
            continue;
        }
        out.push_str(&english_stem(&word));
        word.clear();
        out.push(c);
    }
    out.push_str(&english_stem(&word));
    out
}

/// Plural endings dropped whole (branches → branch, classes → class, boxes → box).
const ES_PLURAL_ENDINGS: [&str; 5] = ["ches", "shes", "xes", "sses", "zzes"];

/// The singular of a lowercase English word, as matching reads it: irregular plurals
/// (children → child), number words (five → 5), `ies` → `y` (communities → community),
/// `es` after ch/sh/x/ss/zz (branches → branch), else a plural `s` (rooms → room; not
/// after `ss` or `us`: class, campus).
pub fn english_stem(word: &str) -> String {
    let irregular = match word {
        "children" | "childrens" => Some("child"),
        "women" | "womens" | "woman" => Some("woman"),
        "men" => Some("man"),
        "mums" | "moms" | "mommies" | "mum" | "mom" | "mommy" => Some("mom"),
        "kid" | "kids" | "child" | "childs" => Some("child"),
        "series" | "species" => Some(word),
        "zero" => Some("0"),
        "one" => Some("1"),
        "two" => Some("2"),
        "three" => Some("3"),
        "four" => Some("4"),
        "five" => Some("5"),
        "six" => Some("6"),
        "seven" => Some("7"),
        "eight" => Some("8"),
        "nine" => Some("9"),
        "ten" => Some("10"),
        _ => None,
    };
    if let Some(stem) = irregular {
        return stem.to_string();
    }
    if word.len() > 4
        && let Some(stem) = word.strip_suffix("ies")
    {
        return format!("{stem}y");
    }
    if word.len() > 4 && ES_PLURAL_ENDINGS.iter().any(|ending| word.ends_with(ending)) {
        return word[..word.len() - 2].to_string();
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// Toneless pinyin of a digit, so that 5分钟 (normalized 五分钟) and a typo such as 五分种,
/// whose 五 stays a character, share their pinyin.
fn digit_pinyin(c: char) -> Option<&'static str> {
    Some(match c {
        '0' => "ling",
        '1' => "yi",
        '2' => "er",
        '3' => "san",
        '4' => "si",
        '5' => "wu",
        '6' => "liu",
        '7' => "qi",
        '8' => "ba",
        '9' => "jiu",
        _ => return None,
    })
}

/// The toneless pinyin syllable of a character (digits read as Chinese numerals), if any.
pub(crate) fn syllable(c: char) -> Option<&'static str> {
    match c.to_pinyin() {
        Some(pinyin) => Some(pinyin.plain()),
        None => digit_pinyin(c),
    }
}

/// The two pinyin keys of a text, for homophone matching, reading each character's pinyin
/// once. The exact key joins the toneless syllables, framed by `|`, so that a keyword's key
/// is a substring of a question's key only on syllable boundaries; characters without
/// pinyin stand for themselves. The fuzzy key merges the sounds pinyin input methods
/// confuse: in/ing, en/eng, an/ang (finals), z/zh, c/ch, s/sh, l/n, f/h (initials), so that
/// 母音室 and 母婴室, 经国 and 巾帼 get the same fuzzy key.
pub(crate) fn pinyin_keys(normalized: &str) -> (String, String) {
    let mut exact = String::with_capacity(normalized.len() * 3 + 1);
    let mut fuzzy = String::with_capacity(normalized.len() * 3 + 1);
    exact.push('|');
    fuzzy.push('|');
    for c in normalized.chars() {
        match syllable(c) {
            Some(syllable) => {
                exact.push_str(syllable);
                push_fuzzy_syllable(&mut fuzzy, syllable);
            }
            None => {
                exact.push(c);
                fuzzy.push(c);
            }
        }
        exact.push('|');
        fuzzy.push('|');
    }
    (exact, fuzzy)
}

fn starts_with_vowel(text: &str) -> bool {
    text.starts_with(['a', 'e', 'i', 'o', 'u', 'v', 'ü'])
}

/// Appends `syllable` with confusable initials and finals merged to `out`.
fn push_fuzzy_syllable(out: &mut String, syllable: &str) {
    let (initial, rest) = if let Some(rest) = syllable.strip_prefix("zh") {
        ("z", rest)
    } else if let Some(rest) = syllable.strip_prefix("ch") {
        ("c", rest)
    } else if let Some(rest) = syllable.strip_prefix("sh") {
        ("s", rest)
    } else if let Some(rest) = syllable.strip_prefix('n').filter(|rest| starts_with_vowel(rest)) {
        ("l", rest)
    } else if let Some(rest) = syllable.strip_prefix('h').filter(|rest| starts_with_vowel(rest)) {
        ("f", rest)
    } else {
        ("", syllable)
    };
    out.push_str(initial);
    // "ng" as a whole syllable (嗯) has no final to merge.
    match rest.strip_suffix("ng") {
        Some(stem) if stem.ends_with(['a', 'e', 'i']) => {
            out.push_str(stem);
            out.push('n');
        }
        _ => out.push_str(rest),
    }
}

#[cfg(test)]
mod tests;

mod dialect;
pub use dialect::Dialect;
