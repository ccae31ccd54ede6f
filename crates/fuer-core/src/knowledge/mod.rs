//! The knowledge base: the ten items of the article, their facts and keywords.
//!
//! This module holds the plain domain model and its validation. It does no I/O:
//! [`parse_knowledge`] takes file names and contents (the TOML files and the article's
//! text, `source.txt`, which every fact must quote verbatim), and the directory loader in
//! the `fuer-bot` crate (`knowledge_dir`) is the only place that touches the file system.

mod article;
pub mod edit;
pub mod messages;

mod parse;
pub mod questions;
pub mod suggest;
mod syntax;
mod translation;

pub use article::{ARTICLE_FILE_NAME, Article, Heading, Numbering, numbered_heading};
pub(crate) use parse::year_of_title;
pub use parse::{
    GLOSSARY_FILE_NAME, KnowledgeFile, Problem, SOURCE_FILE_NAME, SYNONYMS_FILE_NAME, parse_knowledge,
    parse_knowledge_with, parse_shared, parse_shared_concept_terms, parse_shared_glossary,
};
pub use questions::{QUESTIONS_FILE_NAME, QuestionWords};

/// The years an article may report on, and a question or a text may name as a year
/// (2024年, 2021-2025年); four digits outside it are a plain number.
pub(crate) const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// Whether a number can be a calendar year (see [`YEARS`]).
pub(crate) fn is_plausible_year(year: u16) -> bool {
    YEARS.contains(&year)
}

/// The longest short title an item may have, in characters (fits a Telegram button).
pub(crate) const MAX_TITLE_CHARS: usize = 16;

/// Where the knowledge comes from: the published article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    pub title: String,
    pub publisher: String,
    pub date: String,
}

/// One sentence (or clause) of the source that carries information.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub text: String,
    /// Words that route a question to this fact in particular.
    pub keywords: Vec<String>,
    /// The fact in English (`en`), reviewed by people; `None` until someone writes it.
    pub en: Option<String>,
}

/// An item's English title, headline and summary (`title_en`, `headline_en`,
/// `summary_en`); each `None` until someone writes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemEnglish {
    pub title: Option<String>,
    pub headline: Option<String>,
    pub summary: Option<String>,
}

/// One of the ten items ("大事") of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// 1-based position in the article.
    pub number: u8,
    /// The headline exactly as published.
    pub headline: String,
    /// A short title for lists and buttons.
    pub title: String,
    pub summary: String,
    /// Item-level tags.
    pub keywords: Vec<String>,
    pub facts: Vec<Fact>,
    /// The English title, headline and summary, where written.
    pub en: ItemEnglish,
}

impl Item {
    /// A sentence an answer can show: fact `index`, or the headline for `index ==
    /// facts.len()` (some figures and names are only in a headline: 超2万个岗位, 第一批).
    pub fn sentence(&self, index: usize) -> Option<&str> {
        match self.facts.get(index) {
            Some(fact) => Some(fact.text.as_str()),
            None if index == self.facts.len() => Some(self.headline.as_str()),
            None => None,
        }
    }

    /// The English of [`Item::sentence`], where it is written.
    pub(crate) fn sentence_en(&self, index: usize) -> Option<&str> {
        match self.facts.get(index) {
            Some(fact) => fact.en.as_deref(),
            None if index == self.facts.len() => self.en.headline.as_deref(),
            None => None,
        }
    }
}

/// Every article the bot knows, validated, oldest first (by year, then id); never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Knowledge {
    first: KnowledgeBase,
    others: Vec<KnowledgeBase>,
    /// What an admin should look at that does not stop the knowledge from loading: a
    /// translation not written yet, a shared file's words that no loaded article uses (a
    /// concept whose term no article knows does nothing until one does).
    notes: Vec<Problem>,
}

impl Knowledge {
    /// The articles, sorted oldest first; `None` when there is none.
    pub fn new(mut articles: Vec<KnowledgeBase>) -> Option<Knowledge> {
        articles.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id)));
        let mut articles = articles.into_iter();
        let first = articles.next()?;
        Some(Knowledge {
            first,
            others: articles.collect(),
            notes: Vec::new(),
        })
    }

    /// The knowledge with `notes` to review (see [`Knowledge::notes`]).
    pub(crate) fn with_notes(mut self, notes: Vec<Problem>) -> Knowledge {
        self.notes = notes;
        self
    }

    /// What an admin should look at that does not stop the knowledge from loading, by file
    /// and line.
    pub fn notes(&self) -> &[Problem] {
        &self.notes
    }

    /// Every article, oldest first.
    pub fn articles(&self) -> impl Iterator<Item = &KnowledgeBase> {
        std::iter::once(&self.first).chain(&self.others)
    }

    /// Every article, oldest first (never empty).
    pub(crate) fn into_articles(self) -> Vec<KnowledgeBase> {
        std::iter::once(self.first).chain(self.others).collect()
    }

    /// The first article (the oldest): the one the bot serves while it serves one.
    pub fn into_first(self) -> KnowledgeBase {
        self.first
    }
}

/// A concept of the vocabulary: everyday phrases (网上卖东西) that mean one of the article's
/// terms (直播带货). One way only: the phrases become keywords wherever the term is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    pub means: String,
    pub phrases: Vec<String>,
}

/// A term of the glossary (`glossary.toml`): a Chinese word of such articles and how
/// English questions say it. The importer gives a draft's keywords their English from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryTerm {
    pub zh: String,
    pub en: Vec<String>,
}

/// One article's validated knowledge base, with the words all articles share. Items are
/// sorted by number and numbered 1..=N.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnowledgeBase {
    /// The article's id: its folder's name (`2024-shenzhen`).
    pub id: String,
    /// The year of the article's events (2024 for 「2024年…十件大事」).
    pub year: u16,
    pub source: SourceInfo,
    pub items: Vec<Item>,
    /// Groups of words that mean the same thing.
    pub synonym_groups: Vec<Vec<String>>,
    /// Everyday phrases for the article's terms (`concepts.toml`).
    pub concepts: Vec<Concept>,
    /// What questions ask for, units and scope (`questions.toml`).
    pub question_words: QuestionWords,
    /// The genre's Chinese terms with their English (`glossary.toml`): the importer's
    /// English keywords, and an English question's way to facts no translation gives.
    pub glossary: Vec<GlossaryTerm>,
}

impl KnowledgeBase {
    /// The item with this 1-based number, if any.
    pub fn item(&self, number: u8) -> Option<&Item> {
        self.items.iter().find(|item| item.number == number)
    }

    pub fn fact_count(&self) -> usize {
        self.items.iter().map(|item| item.facts.len()).sum()
    }

    /// Item and fact keywords plus synonym words, as written (not deduplicated).
    pub fn keyword_count(&self) -> usize {
        let item_keywords: usize = self
            .items
            .iter()
            .map(|item| item.keywords.len() + item.facts.iter().map(|f| f.keywords.len()).sum::<usize>())
            .sum();
        let synonym_words: usize = self.synonym_groups.iter().map(Vec::len).sum();
        item_keywords + synonym_words
    }

    /// The highest item number (the number of items, since they are numbered 1..=N).
    pub fn last_item_number(&self) -> u8 {
        self.items.last().map_or(0, |item| item.number)
    }
}
