//! The published article (`source.txt`, verbatim) and the checks that keep the knowledge
//! files faithful to it: every fact is one of its sentences, every headline one of its
//! headlines, and every figure of a summary one of its figures. Pure: takes the text.

use std::collections::HashSet;

use crate::engine::params::CLOSE_SENTENCE_SIMILARITY;

/// The file holding the article's text, verbatim, in the knowledge directory.
pub const ARTICLE_FILE_NAME: &str = "source.txt";

/// Characters that end a sentence of the article.
const SENTENCE_ENDS: [char; 3] = ['。', '！', '？'];
/// Closing quotes and brackets that stay with the sentence they close (她说,“……。”).
const SENTENCE_CLOSERS: [char; 7] = ['”', '’', '」', '』', '）', ')', '》'];
/// How much of a fact and of the article is quoted around the first difference.
const QUOTE_BEFORE: usize = 8;
const QUOTE_AFTER: usize = 12;

/// The article, split into what the checks compare against.
#[derive(Debug)]
pub struct Article<'a> {
    text: &'a str,
    /// Every sentence with its 1-based line: text up to and including `。`, `！` or `？`,
    /// or to the end of the line; trimmed.
    sentences: Vec<(usize, &'a str)>,
    /// The numbers written with digits anywhere in the article.
    figures: HashSet<String>,
}

/// How a fact differs from the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mismatch {
    /// The 1-based line of `source.txt` holding the most similar sentence, if any is similar.
    pub line: Option<usize>,
    /// Around the first difference: the fact's text and the article's.
    pub fact_excerpt: String,
    pub article_excerpt: String,
}

impl<'a> Article<'a> {
    pub fn new(text: &'a str) -> Article<'a> {
        let sentences = text
            .lines()
            .enumerate()
            .flat_map(|(index, line)| {
                split_sentences(line)
                    .into_iter()
                    .map(move |sentence| (index + 1, sentence))
            })
            .collect();
        Article {
            text,
            sentences,
            figures: figures(text).into_iter().collect(),
        }
    }

    /// Every sentence with its 1-based line, in order.
    pub fn sentences(&self) -> &[(usize, &'a str)] {
        &self.sentences
    }

    /// Whether the article has no text at all.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// `None` when `fact` is one whole sentence of the article; otherwise how it differs
    /// from the most similar sentence.
    pub(crate) fn check_fact(&self, fact: &str) -> Option<Mismatch> {
        if self.sentences.iter().any(|(_, sentence)| *sentence == fact) {
            return None;
        }
        let closest = self
            .sentences
            .iter()
            .map(|&(line, sentence)| (strsim::normalized_levenshtein(fact, sentence), line, sentence))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .filter(|(similarity, _, _)| *similarity >= CLOSE_SENTENCE_SIMILARITY);
        Some(match closest {
            Some((_, line, sentence)) => {
                let (fact_excerpt, article_excerpt) = first_difference(fact, sentence);
                Mismatch {
                    line: Some(line),
                    fact_excerpt,
                    article_excerpt,
                }
            }
            None => Mismatch {
                line: None,
                fact_excerpt: String::new(),
                article_excerpt: String::new(),
            },
        })
    }

    /// Whether `headline` is a headline of the article: a whole line, possibly after the
    /// item's numbering (`五、`, `（五）`, `5.`, `第五、`).
    pub(crate) fn has_headline(&self, headline: &str) -> bool {
        self.text
            .lines()
            .map(str::trim)
            .any(|line| line == headline || numbered_heading(line).is_some_and(|heading| heading.text == headline))
    }

    /// The figures (`1480`, `208.8`) of `text` that the article does not have.
    pub(crate) fn unknown_figures(&self, text: &str) -> Vec<String> {
        let mut unknown: Vec<String> = Vec::new();
        for figure in figures(text) {
            if !self.figures.contains(&figure) && !unknown.contains(&figure) {
                unknown.push(figure);
            }
        }
        unknown
    }
}

/// The sentences of one line: text up to and including `。`, `！` or `？` and the closing
/// quotes or brackets right after it, or to the end of the line; trimmed, none empty.
fn split_sentences(line: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if !SENTENCE_ENDS.contains(&c) {
            continue;
        }
        let mut end = index + c.len_utf8();
        while let Some(&(next_index, next)) = chars.peek() {
            if !SENTENCE_CLOSERS.contains(&next) {
                break;
            }
            end = next_index + next.len_utf8();
            chars.next();
        }
        sentences.push(&line[start..end]);
        start = end;
    }
    sentences.push(&line[start..]);
    sentences
        .into_iter()
        .map(str::trim)
        .filter(|sentence| !sentence.is_empty())
        .collect()
}

/// How the items of an article are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Numbering {
    /// 一、二、三、
    ChineseComma,
    /// （一）（二）, also with ASCII brackets
    ChineseBracket,
    /// 1. 2. 3. (also 1、 and the full-width 1．)
    ArabicDot,
    /// （1）（2）, also with ASCII brackets
    ArabicBracket,
    /// 第一、第二、 (also 第一, and 第一：)
    Ordinal,
}

/// A line that starts with an item's numbering: its number, how it is written, and the
/// headline after it (trimmed, not empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading<'a> {
    pub number: u8,
    pub numbering: Numbering,
    pub text: &'a str,
}

/// The numbering at the start of `line` (`五、`, `（五）`, `5.`, `（5）`, `第五、`) and the text
/// after it; `None` when the line starts with none or nothing follows it. A figure such as
/// `2.35亿元` is no numbering.
pub fn numbered_heading(line: &str) -> Option<Heading<'_>> {
    let line = line.trim();
    let (number, numbering, rest) = if let Some(rest) = line.strip_prefix(['（', '(']) {
        let close = rest.find(['）', ')'])?;
        let inner = &rest[..close];
        let after = rest[close..].chars().next().map_or(close, |c| close + c.len_utf8());
        if inner.chars().all(|c| c.is_ascii_digit()) {
            (inner.parse().ok()?, Numbering::ArabicBracket, &rest[after..])
        } else {
            (chinese_numeral(inner)?, Numbering::ChineseBracket, &rest[after..])
        }
    } else if let Some(rest) = line.strip_prefix('第') {
        let end = rest.find(['、', '，', ',', '：', ':'])?;
        let separator = rest[end..].chars().next().map_or(0, char::len_utf8);
        (
            chinese_numeral(&rest[..end])?,
            Numbering::Ordinal,
            &rest[end + separator..],
        )
    } else if line.starts_with(|c: char| c.is_ascii_digit()) {
        let digits = line.find(|c: char| !c.is_ascii_digit())?;
        let rest = &line[digits..];
        let rest = rest.strip_prefix(['.', '．', '、'])?;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        (line[..digits].parse().ok()?, Numbering::ArabicDot, rest)
    } else {
        let end = line.find('、')?;
        (
            chinese_numeral(&line[..end])?,
            Numbering::ChineseComma,
            &line[end + '、'.len_utf8()..],
        )
    };
    let text = rest.trim();
    (number > 0 && !text.is_empty()).then_some(Heading {
        number,
        numbering,
        text,
    })
}

/// The value of a Chinese numeral from 一 to 九十九 (十, 十一, 二十, 二十三).
fn chinese_numeral(text: &str) -> Option<u8> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .find(c)
            .map(|byte| (byte / '一'.len_utf8()) as u8 + 1)
    };
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [one] if *one == '十' => Some(10),
        [one] => digit(*one),
        ['十', ones] => Some(10 + digit(*ones)?),
        [tens, '十'] => Some(digit(*tens)? * 10),
        [tens, '十', ones] => Some(digit(*tens)? * 10 + digit(*ones)?),
        _ => None,
    }
}

/// The numbers written with digits in `text`, with their decimals.
fn figures(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let continues_number =
            c.is_ascii_digit() || (c == '.' && !current.is_empty() && chars.peek().is_some_and(char::is_ascii_digit));
        if continues_number {
            current.push(c);
        } else if !current.is_empty() {
            found.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        found.push(current);
    }
    found
}

/// Both texts around their first difference (`…` marks what is left out).
fn first_difference(fact: &str, sentence: &str) -> (String, String) {
    let fact: Vec<char> = fact.chars().collect();
    let sentence: Vec<char> = sentence.chars().collect();
    let common = fact.iter().zip(&sentence).take_while(|(a, b)| a == b).count();
    let start = common.saturating_sub(QUOTE_BEFORE);
    let excerpt = |chars: &[char]| {
        let end = (common + QUOTE_AFTER).min(chars.len());
        let mut text: String = chars[start.min(end)..end].iter().collect();
        if start > 0 {
            text.insert(0, '…');
        }
        if end < chars.len() {
            text.push('…');
        }
        text
    };
    (excerpt(&fact), excerpt(&sentence))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "标题\n五、用心用情办好民生实事,1480间母婴室基本覆盖全市公共场所\n建设公共场所母婴室1480间,基本实现全覆盖。同时,打造示范点。\n视角低下去、温度提上来。";

    #[test]
    fn facts_must_be_whole_sentences() {
        let article = Article::new(TEXT);
        assert_eq!(article.check_fact("建设公共场所母婴室1480间,基本实现全覆盖。"), None);
        assert_eq!(article.check_fact("同时,打造示范点。"), None);
        assert_eq!(
            article.check_fact("标题"),
            None,
            "a line without a full stop is a sentence"
        );
        let changed = article
            .check_fact("建设公共场所母婴室1490间,基本实现全覆盖。")
            .expect("changed");
        assert_eq!(changed.line, Some(3));
        assert_eq!(changed.fact_excerpt, "…共场所母婴室1490间,基本实现全覆盖。");
        assert_eq!(changed.article_excerpt, "…共场所母婴室1480间,基本实现全覆盖。");
        let invented = article.check_fact("全市建成了一万个儿童乐园。").expect("invented");
        assert_eq!(invented.line, None);
        assert!(
            article.check_fact("建设公共场所母婴室1480间").is_some(),
            "part of a sentence"
        );
    }

    #[test]
    fn headlines_and_figures() {
        let article = Article::new(TEXT);
        assert!(article.has_headline("用心用情办好民生实事,1480间母婴室基本覆盖全市公共场所"));
        assert!(article.has_headline("标题"));
        assert!(!article.has_headline("用心用情办好民生实事,1490间母婴室基本覆盖全市公共场所"));
        assert!(!article.has_headline("视角低下去"), "a headline is a whole line");
        assert_eq!(article.unknown_figures("母婴室1480间,筛查208.8万例"), ["208.8"]);
        assert!(article.unknown_figures("母婴室1480间。").is_empty());
        assert_eq!(figures("a1.5b.2 3."), ["1.5", "2", "3"]);
        assert!(Article::new(" \n").is_empty());
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let article = Article::new("她说,“以前要外出打工。”市妇联印发《办法》。\n他说:“好!”\n（试点。）末句");
        let sentences: Vec<&str> = article.sentences().iter().map(|(_, sentence)| *sentence).collect();
        assert_eq!(
            sentences,
            [
                "她说,“以前要外出打工。”",
                "市妇联印发《办法》。",
                "他说:“好!”",
                "（试点。）",
                "末句"
            ]
        );
        assert_eq!(article.sentences()[2].0, 2);
    }

    #[test]
    fn numbered_headings_of_every_layout() {
        let heading = |line| numbered_heading(line).map(|h| (h.number, h.numbering, h.text));
        assert_eq!(heading("五、用心用情"), Some((5, Numbering::ChineseComma, "用心用情")));
        assert_eq!(heading("十二、标题"), Some((12, Numbering::ChineseComma, "标题")));
        assert_eq!(heading("二十、标题"), Some((20, Numbering::ChineseComma, "标题")));
        assert_eq!(
            heading("（三）推出实践营"),
            Some((3, Numbering::ChineseBracket, "推出实践营"))
        );
        assert_eq!(heading("(三) 推出"), Some((3, Numbering::ChineseBracket, "推出")));
        assert_eq!(heading("（12）标题"), Some((12, Numbering::ArabicBracket, "标题")));
        assert_eq!(
            heading("4.开展培训1.8万人次"),
            Some((4, Numbering::ArabicDot, "开展培训1.8万人次"))
        );
        assert_eq!(heading("10、标题"), Some((10, Numbering::ArabicDot, "标题")));
        assert_eq!(heading("第四、推进排查"), Some((4, Numbering::Ordinal, "推进排查")));
        for line in [
            "2.35亿元贷款",
            "一、",
            "第一批清单",
            "视角低下去、温度提上来。",
            "百、标题",
            "0.标题",
            "2024年深圳",
        ] {
            assert_eq!(heading(line), None, "{line}");
        }
        let article = Article::new("标题\n（二）推出实践营,覆盖1.5万人次\n第四、推进排查\n");
        assert!(article.has_headline("推出实践营,覆盖1.5万人次"));
        assert!(article.has_headline("推进排查"));
    }
}
