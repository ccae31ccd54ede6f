//! The layout of an article's text: its title (the first line), the header line with its
//! publisher and date, and its items — numbered headings (`一、`, `（一）`, `1.`, `第一、`, …)
//! each followed by its sentences. Sentences and headings are read with the same rules as
//! the checks of `knowledge::article`, so every fact found here passes them.

use std::sync::LazyLock;

use regex::Regex;

use crate::knowledge::{Article, Numbering, numbered_heading};

use super::Refusal;

/// The longest line taken as a heading, in characters: a longer numbered line is a
/// paragraph of a list, not an item's headline.
const MAX_HEADING_CHARS: usize = 120;

/// Every way of numbering items, in the order they are preferred on a tie.
const NUMBERINGS: [Numbering; 5] = [
    Numbering::ChineseComma,
    Numbering::ChineseBracket,
    Numbering::ArabicDot,
    Numbering::Ordinal,
    Numbering::ArabicBracket,
];

/// One numbered item of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawItem<'a> {
    pub number: u8,
    /// The 1-based line of its heading.
    pub line: usize,
    /// The heading without its numbering, as published.
    pub headline: &'a str,
    /// Its sentences with their 1-based lines, in order.
    pub facts: Vec<(usize, &'a str)>,
}

/// A heading: its line index (0-based), its number and its headline.
type HeadingLine<'a> = (usize, u8, &'a str);

/// What the layout of an article tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout<'a> {
    pub title: &'a str,
    /// From `来源: …` of the header, if any.
    pub publisher: Option<String>,
    /// The first date of the header (`2025-02-05`, `2025年2月5日`), as `YYYY-MM-DD`.
    pub date: Option<String>,
    pub numbering: Numbering,
    pub items: Vec<RawItem<'a>>,
    /// Sentences between the header and the first heading: in no item.
    pub preamble: Vec<(usize, &'a str)>,
}

static DATE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})").ok());
static PUBLISHER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?:来源|发布单位|发布机构)\s*[:：]\s*(\S+)").ok());

/// Reads the layout of `text`, or says why it is not an article of numbered items.
pub fn read_layout(text: &str) -> Result<Layout<'_>, Refusal> {
    let lines: Vec<&str> = text
        .lines()
        .map(|line| line.trim_start_matches('\u{feff}').trim())
        .collect();
    let Some(title_index) = lines.iter().position(|line| !line.is_empty()) else {
        return Err(Refusal::Empty);
    };
    let title = lines[title_index];
    if numbered_heading(title).is_some() {
        return Err(Refusal::NoTitle { line: title_index + 1 });
    }
    let (numbering, headings) = find_headings(&lines, title_index + 1).ok_or(Refusal::NoItems)?;
    let first_heading = headings[0].0;
    let header = &lines[title_index + 1..first_heading];
    let header_lines: Vec<usize> = (title_index + 1..first_heading)
        .filter(|&index| is_header_line(lines[index]))
        .collect();
    let publisher = header
        .iter()
        .find_map(|line| PUBLISHER.as_ref()?.captures(line).map(|found| found[1].to_string()));
    let date = header.iter().find_map(|line| date_of(line));
    let article = Article::new(text);
    let mut items: Vec<RawItem<'_>> = headings
        .iter()
        .map(|&(index, number, headline)| RawItem {
            number,
            line: index + 1,
            headline,
            facts: Vec::new(),
        })
        .collect();
    let mut preamble = Vec::new();
    for &(line, sentence) in article.sentences() {
        let index = line - 1;
        if index <= title_index || header_lines.contains(&index) || headings.iter().any(|h| h.0 == index) {
            continue;
        }
        match items.iter_mut().rev().find(|item| item.line <= line) {
            Some(item) => item.facts.push((line, sentence)),
            None => preamble.push((line, sentence)),
        }
    }
    if let Some(empty) = items.iter().find(|item| item.facts.is_empty()) {
        return Err(Refusal::ItemWithoutText {
            line: empty.line,
            number: empty.number,
        });
    }
    Ok(Layout {
        title,
        publisher,
        date,
        numbering,
        items,
        preamble,
    })
}

/// The headings of the article: of the numberings found numbered 1, 2, 3 … in order (at
/// least two items), the one that starts first (the top level of an outline), the longest
/// on a tie. Each heading is its line index, number and headline.
fn find_headings<'a>(lines: &[&'a str], from: usize) -> Option<(Numbering, Vec<HeadingLine<'a>>)> {
    let mut best: Option<(Numbering, Vec<HeadingLine<'a>>)> = None;
    for numbering in NUMBERINGS {
        let mut headings = Vec::new();
        for (index, line) in lines.iter().enumerate().skip(from) {
            let Some(heading) = numbered_heading(line) else {
                continue;
            };
            let expected = headings.len() + 1;
            if heading.numbering == numbering
                && usize::from(heading.number) == expected
                && line.chars().count() <= MAX_HEADING_CHARS
            {
                headings.push((index, heading.number, heading.text));
            }
        }
        if headings.len() < 2 {
            continue;
        }
        let better = match &best {
            None => true,
            Some((_, current)) => {
                (headings[0].0, std::cmp::Reverse(headings.len())) < (current[0].0, std::cmp::Reverse(current.len()))
            }
        };
        if better {
            best = Some((numbering, headings));
        }
    }
    best
}

/// Whether a line before the first heading is the header (source, date), not text.
fn is_header_line(line: &str) -> bool {
    ["来源", "日期", "发布", "作者", "时间", "浏览"]
        .iter()
        .any(|word| line.contains(word))
        && line.chars().count() <= 120
}

/// The first date of a line as `YYYY-MM-DD`.
fn date_of(line: &str) -> Option<String> {
    let found = DATE.as_ref()?.captures(line)?;
    let year: u16 = found[1].parse().ok()?;
    let month: u8 = found[2].parse().ok()?;
    let day: u8 = found[3].parse().ok()?;
    ((1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_items_and_sentences() {
        let text = "\u{feff}2025年某市十件事\n信息提供日期 : 2026-01-20 10:00 来源 :某市妇联\n引言一句。\n一、甲事,建成3个站\n甲的第一句。甲的第二句。\n二、乙事\n乙说,“好。”\n";
        let layout = read_layout(text).expect("an article");
        assert_eq!(layout.title, "2025年某市十件事");
        assert_eq!(layout.publisher.as_deref(), Some("某市妇联"));
        assert_eq!(layout.date.as_deref(), Some("2026-01-20"));
        assert_eq!(layout.numbering, Numbering::ChineseComma);
        assert_eq!(layout.preamble, [(3, "引言一句。")]);
        assert_eq!(layout.items.len(), 2);
        assert_eq!(layout.items[0].headline, "甲事,建成3个站");
        assert_eq!(layout.items[0].facts, [(5, "甲的第一句。"), (5, "甲的第二句。")]);
        assert_eq!(layout.items[1].facts, [(7, "乙说,“好。”")]);
    }

    #[test]
    fn the_top_level_numbering_wins_and_numbers_must_follow_each_other() {
        let text = "标题\n一、甲\n（一）甲一\n正文。\n（二）甲二\n正文。\n二、乙\n3.不是第三件\n正文。\n";
        let layout = read_layout(text).expect("an article");
        assert_eq!(layout.numbering, Numbering::ChineseComma);
        assert_eq!(layout.items.len(), 2);
        assert_eq!(
            layout.items[0].facts.len(),
            4,
            "sub-headings are sentences of their item"
        );
        assert_eq!(layout.items[1].facts, [(8, "3.不是第三件"), (9, "正文。")]);
        assert_eq!(date_of("2025年2月5日"), Some("2025-02-05".to_string()));
        assert_eq!(date_of("2025-13-05"), None);
    }

    #[test]
    fn texts_that_are_not_articles() {
        assert_eq!(read_layout(" \n\n"), Err(Refusal::Empty));
        assert_eq!(read_layout("标题\n正文。\n"), Err(Refusal::NoItems));
        assert_eq!(read_layout("标题\n一、只有一件\n正文。"), Err(Refusal::NoItems));
        assert_eq!(
            read_layout("一、甲\n正文。\n二、乙\n"),
            Err(Refusal::NoTitle { line: 1 })
        );
        assert_eq!(
            read_layout("标题\n一、甲\n二、乙\n正文。"),
            Err(Refusal::ItemWithoutText { line: 2, number: 1 })
        );
    }
}
