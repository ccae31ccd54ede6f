//! Importing an article: its text in, the files of a draft knowledge folder out (no I/O).
//!
//! The draft is what `check` accepts: `source.txt` is the text verbatim, `source.toml` has
//! the title, publisher and date of its first lines, and each numbered item becomes an item
//! file whose headline and facts are the article's own heading and sentences. Titles,
//! summaries and keywords are suggestions, with a list of what an admin should review.
//! The edge (`fuer-bot import`) reads the file and writes the folder.
//!
//! Chinese literals here are matching data (common words, measure words) and the admins'
//! review list and file comments, which are Chinese like the admin guide.

mod keywords;
mod layout;
mod render;
mod review;
mod words;

use std::fmt;

use pinyin::ToPinyin;

use crate::knowledge::{ARTICLE_FILE_NAME, MAX_TITLE_CHARS, Numbering, QuestionWords, SOURCE_FILE_NAME, year_of_title};

pub use keywords::Shared;
pub use review::ReviewNote;

/// The largest article imported, in bytes.
pub const MAX_ARTICLE_BYTES: usize = 1024 * 1024;
/// The most items an article may have (what `source.toml`'s `item_count` allows).
pub const MAX_ITEMS: usize = 99;
/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 40;

/// Why a text is not imported. Nothing is written for any of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLarge { bytes: usize },
    NotText,
    NoTitle { line: usize },
    NoItems,
    ItemWithoutText { line: usize, number: u8 },
    TooManyItems { count: usize },
    NoYear { line: usize },
    NoPlace,
    BadId { id: String },
}

impl Refusal {
    /// The 1-based line of the article the refusal is about, if it is about one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Refusal::NoTitle { line } | Refusal::ItemWithoutText { line, .. } | Refusal::NoYear { line } => Some(*line),
            _ => None,
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Empty => write!(f, "the file is empty: an article has a title line and numbered items"),
            Refusal::TooLarge { bytes } => write!(
                f,
                "file is too large: {bytes} bytes; an article may have at most {MAX_ARTICLE_BYTES} bytes (1 MiB)"
            ),
            Refusal::NotText => write!(
                f,
                "not a text file: an article must be plain text in UTF-8 (save it as a .txt file, encoding UTF-8)"
            ),
            Refusal::NoTitle { .. } => write!(
                f,
                "the first line is a numbered heading: the first line must be the article's title"
            ),
            Refusal::NoItems => write!(
                f,
                "no numbered items found: an article has at least two items, numbered in order at the start of a line (一、 二、, （一） （二）, 1. 2. or 第一、 第二、)"
            ),
            Refusal::ItemWithoutText { number, .. } => write!(
                f,
                "item {number} has no text: its heading is followed directly by the next heading or the end of the file"
            ),
            Refusal::TooManyItems { count } => {
                write!(f, "{count} numbered items; an article may have at most {MAX_ITEMS}")
            }
            Refusal::NoYear { .. } => write!(
                f,
                "the title names no year (such as 2025年…): an article's year is the year its title names; put it in the title line"
            ),
            Refusal::NoPlace => write!(
                f,
                "the title names no place, so no id could be made from it: give one with --id, such as --id 2025-shenzhen"
            ),
            Refusal::BadId { id } => write!(
                f,
                "\"{id}\" cannot be an article id: use lowercase letters, digits and '-' (such as 2025-shenzhen), at most {MAX_ID_CHARS} characters, starting with a letter or digit"
            ),
        }
    }
}

impl std::error::Error for Refusal {}

/// One file of the draft folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftFile {
    pub name: String,
    pub contents: String,
}

/// One item of the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftItem {
    pub number: u8,
    /// The 1-based line of its heading in `source.txt`.
    pub line: usize,
    pub headline: String,
    pub title: String,
    pub summary: String,
    pub keywords: Vec<String>,
    pub facts: Vec<DraftFact>,
}

/// One fact of the draft: a sentence of the article and its suggested keywords.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftFact {
    /// The 1-based line of `source.txt` it is on.
    pub line: usize,
    pub text: String,
    pub keywords: Vec<String>,
}

/// A draft article: its id (the folder's name), its parts, its files and the review list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub year: u16,
    pub numbering: Numbering,
    pub items: Vec<DraftItem>,
    pub files: Vec<DraftFile>,
    pub review: Vec<ReviewNote>,
}

impl Draft {
    pub fn fact_count(&self) -> usize {
        self.items.iter().map(|item| item.facts.len()).sum()
    }

    /// Item and fact keywords.
    pub fn keyword_count(&self) -> usize {
        self.items
            .iter()
            .map(|item| item.keywords.len() + item.facts.iter().map(|fact| fact.keywords.len()).sum::<usize>())
            .sum()
    }
}

/// The text of an article file: refused when it is too large, not UTF-8 or not text.
pub fn article_text(bytes: &[u8]) -> Result<&str, Refusal> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(Refusal::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Refusal::NotText)?;
    let control = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    if control {
        return Err(Refusal::NotText);
    }
    Ok(text)
}

/// Imports an article's text as a draft; `id` replaces the id made from the title's year and
/// place (`2025-shenzhen`).
pub fn import_article(text: &str, id: Option<&str>, shared: Shared<'_>) -> Result<Draft, Refusal> {
    let text = article_text(text.as_bytes())?;
    let layout = layout::read_layout(text)?;
    if layout.items.len() > MAX_ITEMS {
        return Err(Refusal::TooManyItems {
            count: layout.items.len(),
        });
    }
    let title_line = text
        .lines()
        .position(|line| line.trim() == layout.title)
        .map_or(1, |index| index + 1);
    let year = year_of_title(layout.title).ok_or(Refusal::NoYear { line: title_line })?;
    let id = match id {
        Some(id) => checked_id(id)?,
        None => made_id(year, layout.title, shared.question_words).ok_or(Refusal::NoPlace)?,
    };
    let suggestions = keywords::suggest(&layout.items, shared);
    let items: Vec<DraftItem> = layout
        .items
        .iter()
        .zip(suggestions.iter())
        .map(|(item, suggestion)| DraftItem {
            number: item.number,
            line: item.line,
            headline: item.headline.to_string(),
            title: short_title(item.headline),
            summary: item
                .facts
                .first()
                .map_or_else(String::new, |(_, fact)| (*fact).to_string()),
            keywords: suggestion.keywords.clone(),
            facts: item
                .facts
                .iter()
                .zip(&suggestion.facts)
                .map(|(&(line, text), keywords)| DraftFact {
                    line,
                    text: text.to_string(),
                    keywords: keywords.clone(),
                })
                .collect(),
        })
        .collect();
    let review = review::notes(&layout, &items, &suggestions);
    let mut files = vec![
        DraftFile {
            name: ARTICLE_FILE_NAME.to_string(),
            contents: text.to_string(),
        },
        DraftFile {
            name: SOURCE_FILE_NAME.to_string(),
            contents: render::source_toml(&layout, items.len()),
        },
    ];
    files.extend(items.iter().map(|item| DraftFile {
        name: item_file_name(item),
        contents: render::item_toml(layout.title, item),
    }));
    Ok(Draft {
        id,
        title: layout.title.to_string(),
        year,
        numbering: layout.numbering,
        items,
        files,
        review,
    })
}

/// `id` when it can name an article's folder.
fn checked_id(id: &str) -> Result<String, Refusal> {
    let valid = !id.is_empty()
        && id.chars().count() <= MAX_ID_CHARS
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if valid {
        Ok(id.to_string())
    } else {
        Err(Refusal::BadId { id: id.to_string() })
    }
}

/// `2025-shenzhen`: the year and the pinyin of the first place the title names (a place of
/// `questions.toml`, or a name ending in 市, 区, 县, 省, 镇 or 街道).
fn made_id(year: u16, title: &str, words: &QuestionWords) -> Option<String> {
    let known = std::iter::once(&words.scope.home)
        .chain(&words.scope.other_places)
        .filter(|place| !place.is_empty() && !place.is_ascii())
        .filter_map(|place| title.find(place.as_str()).map(|at| (at, place.as_str())))
        .min_by_key(|&(at, place)| (at, std::cmp::Reverse(place.len())));
    let place = match known {
        Some((_, place)) => place.to_string(),
        None => named_place(title)?,
    };
    let place = place
        .strip_suffix('市')
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(&place);
    let spelled: String = place
        .chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(pinyin) => Some(pinyin.plain().to_string()),
            None => c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase().to_string()),
        })
        .collect();
    (!spelled.is_empty()).then(|| format!("{year}-{spelled}"))
}

/// The first name ending in 市, 区, 县, 省, 镇 or 街道 after the title's year (某市, 某街道):
/// the suffix and up to four Chinese characters before it.
fn named_place(title: &str) -> Option<String> {
    let after_year = title.split_once('年').map_or(title, |(_, rest)| rest);
    let chars: Vec<char> = after_year.chars().collect();
    for (end, &c) in chars.iter().enumerate() {
        let suffix_start = if c == '道' && end > 0 && chars[end - 1] == '街' {
            end - 1
        } else if "市区县省镇".contains(c) {
            end
        } else {
            continue;
        };
        let mut start = suffix_start;
        while start > 0 && suffix_start - start < 4 && crate::normalize::is_han(chars[start - 1]) {
            start -= 1;
        }
        if start < suffix_start {
            return Some(chars[start..=end].iter().collect());
        }
    }
    None
}

/// A short title from the headline: its first clause, cut before a figure when it is
/// longer than a button holds (“放学有约”课后托管驿站达382个 → “放学有约”课后托管驿站).
fn short_title(headline: &str) -> String {
    let clause = headline
        .split([',', '，', '；', ';', '：', ':', '。'])
        .next()
        .unwrap_or(headline)
        .trim();
    if clause.chars().count() <= MAX_TITLE_CHARS {
        return clause.to_string();
    }
    let before_figure: String = clause.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let trimmed = before_figure.trim_end_matches(['达', '超', '共', '近', '逾', '约', '为', '有', '至']);
    if (4..=MAX_TITLE_CHARS).contains(&trimmed.chars().count()) {
        return trimmed.to_string();
    }
    clause.chars().take(MAX_TITLE_CHARS).collect()
}

/// `01-举办首届女性创新创业博览会.toml`: the number and the title's letters.
fn item_file_name(item: &DraftItem) -> String {
    let stem: String = item
        .title
        .chars()
        .filter(|c| crate::normalize::is_han(*c) || c.is_ascii_alphanumeric())
        .take(12)
        .collect();
    let stem = if stem.is_empty() { "item".to_string() } else { stem };
    format!("{:02}-{stem}.toml", item.number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_titles_and_file_names() {
        let words = QuestionWords::default();
        assert_eq!(
            made_id(2024, "2024年某市妇女儿童民生项目六项成果", &words).as_deref(),
            Some("2024-moushi")
        );
        assert_eq!(
            made_id(2022, "2022年某街道妇儿工作四项亮点", &words).as_deref(),
            Some("2022-moujiedao")
        );
        assert_eq!(
            made_id(2025, "2025年深圳市妇女儿童发展", &words).as_deref(),
            Some("2025-shenzhen")
        );
        assert_eq!(made_id(2025, "2025年妇女儿童发展十件大事", &words), None);
        assert_eq!(checked_id("2025-shenzhen"), Ok("2025-shenzhen".to_string()));
        for bad in ["", "-x", "2025_sz", "深圳", "A1", &"x".repeat(41)] {
            assert!(checked_id(bad).is_err(), "{bad}");
        }
        assert_eq!(
            short_title("“放学有约”课后托管驿站达382个,全年服务儿童27.5万人次"),
            "“放学有约”课后托管驿站"
        );
        assert_eq!(
            short_title("生育保障更加有力,8.3万名灵活就业女性新参加生育保险"),
            "生育保障更加有力"
        );
        assert_eq!(
            short_title("一二三四五六七八九十一二三四五六七八"),
            "一二三四五六七八九十一二三四五六"
        );
    }

    #[test]
    fn bytes_that_are_not_an_article_text() {
        assert_eq!(article_text(b"\xff\xfe"), Err(Refusal::NotText));
        assert_eq!(article_text(b"title\0"), Err(Refusal::NotText));
        let large = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert_eq!(
            article_text(&large),
            Err(Refusal::TooLarge {
                bytes: MAX_ARTICLE_BYTES + 1
            })
        );
        assert_eq!(article_text("标题\r\n\t正文".as_bytes()), Ok("标题\r\n\t正文"));
    }
}
