//! The files as read and the problems found in them: a problem's line comes from a byte
//! offset of its file; a warning is what a file lacks without being wrong.

use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use super::super::syntax::{self, line_of_offset};
use super::super::{YEARS, is_plausible_year, messages};
use std::collections::BTreeMap;

/// One knowledge file, already read: its display path and its contents.
#[derive(Debug, Clone)]
pub struct KnowledgeFile {
    /// The path as it should appear in messages, e.g. `knowledge/05-母婴室.toml`.
    pub path: String,
    pub contents: String,
}

/// One problem found in the knowledge files. `line` is 1-based; 0 means "the file as a whole".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{}:{}: {}", self.path, self.line, self.message)
        }
    }
}
/// Collects problems for one file, turning byte offsets into line numbers.
pub(in crate::knowledge) struct FileReport<'a> {
    pub(super) file: &'a KnowledgeFile,
    pub(super) problems: &'a mut Vec<Problem>,
}

/// Warnings of one file: what it lacks without being wrong (a translation not written).
pub(in crate::knowledge) struct Warnings<'a> {
    pub(super) file: &'a KnowledgeFile,
    pub(super) warnings: &'a mut Vec<Problem>,
}

impl Warnings<'_> {
    pub(in crate::knowledge) fn at<T>(&mut self, spanned: &Spanned<T>, message: impl Into<String>) {
        self.warnings.push(Problem {
            path: self.file.path.clone(),
            line: line_of_offset(&self.file.contents, spanned.span().start),
            message: message.into(),
        });
    }
}

impl FileReport<'_> {
    pub(super) fn at_offset(&mut self, offset: usize, message: impl Into<String>) {
        self.at_line(line_of_offset(&self.file.contents, offset), message);
    }

    pub(super) fn at_line(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            path: self.file.path.clone(),
            line,
            message: message.into(),
        });
    }

    pub(in crate::knowledge) fn at<T>(&mut self, spanned: &Spanned<T>, message: impl Into<String>) {
        self.at_offset(spanned.span().start, message);
    }

    /// The 1-based line of a byte offset of the file.
    pub(in crate::knowledge) fn line_at(&self, offset: usize) -> usize {
        line_of_offset(&self.file.contents, offset)
    }

    /// How many problems have been reported so far (for all files).
    pub(in crate::knowledge) fn problem_count(&self) -> usize {
        self.problems.len()
    }

    /// Parses the file with serde; a syntax or schema error is reported at its line.
    pub(in crate::knowledge) fn parse_toml<T: for<'de> Deserialize<'de>>(&mut self) -> Option<T> {
        parse_toml(self)
    }

    pub(in crate::knowledge) fn check_text(&mut self, field: &str, value: &Spanned<String>) -> String {
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.at(value, messages::fill(messages::EMPTY_FIELD, &[&field]));
        }
        text.to_string()
    }

    /// An item number or count in 1..=99; 0 (after reporting) when out of range.
    /// A year of the article's events (`year = 2024`); 0 after reporting a problem.
    pub(in crate::knowledge) fn check_year(&mut self, year: &Spanned<i64>) -> u16 {
        match u16::try_from(*year.get_ref()) {
            Ok(value) if is_plausible_year(value) => value,
            _ => {
                let (first, last) = (YEARS.start(), YEARS.end());
                self.at(year, messages::fill(messages::YEAR_OUT_OF_RANGE, &[first, last]));
                0
            }
        }
    }

    pub(super) fn check_item_number(&mut self, what: &str, value: &Spanned<i64>) -> u8 {
        let raw = *value.get_ref();
        match u8::try_from(raw) {
            Ok(number) if (1..=99).contains(&number) => number,
            _ => {
                self.at(value, messages::fill(messages::NUMBER_OUT_OF_RANGE, &[&what, &raw]));
                0
            }
        }
    }

    pub(in crate::knowledge) fn check_keywords(&mut self, keywords: &[Spanned<String>]) -> Vec<String> {
        let mut seen = BTreeMap::new();
        let mut result = Vec::new();
        for keyword in keywords {
            let text = keyword.get_ref().trim();
            if text.is_empty() {
                self.at(keyword, messages::EMPTY_KEYWORD);
                continue;
            }
            if seen.insert(text.to_string(), ()).is_some() {
                self.at(keyword, messages::fill(messages::KEYWORD_TWICE, &[&text]));
                continue;
            }
            result.push(text.to_string());
        }
        result
    }
}

/// Parses the file with serde; a syntax or schema error is reported at its line.
pub(super) fn parse_toml<T: for<'de> Deserialize<'de>>(report: &mut FileReport<'_>) -> Option<T> {
    match toml::from_str::<T>(&report.file.contents) {
        Ok(value) => Some(value),
        Err(error) => {
            let offset = error.span().map_or(0, |span| span.start);
            let mistake = syntax::explain(&report.file.contents, offset, error.message());
            report.at_line(mistake.line, mistake.message);
            None
        }
    }
}
