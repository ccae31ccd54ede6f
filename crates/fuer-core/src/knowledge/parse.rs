//! Parsing and validating knowledge files, reporting every problem as `file:line: message`.
//!
//! Three stages, like mdBook's SUMMARY parser: serde parses each file (unknown
//! fields are errors), domain checks run on each parsed file (among them: every fact is a
//! verbatim sentence of the article in `source.txt`), then checks across files (duplicate
//! and missing item numbers). All problems of all files are collected so an admin sees
//! every mistake in one run.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::article::{ARTICLE_FILE_NAME, Article, Mismatch};
use super::messages;
use super::questions::{QUESTIONS_FILE_NAME, QuestionWords, parse_questions};
use super::syntax::{self, line_of_offset};
use super::translation;
use super::{
    Concept, Fact, Item, ItemEnglish, Knowledge, KnowledgeBase, MAX_TITLE_CHARS, SourceInfo, YEARS, is_plausible_year,
};

/// The file holding the article's metadata.
pub const SOURCE_FILE_NAME: &str = "source.toml";
/// The file holding cross-item synonym groups.
pub const SYNONYMS_FILE_NAME: &str = "synonyms.toml";
/// The file holding the concept vocabulary: everyday phrases for the article's terms
/// (optional).
pub const CONCEPTS_FILE_NAME: &str = "concepts.toml";

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    title: Spanned<String>,
    publisher: Spanned<String>,
    date: Spanned<String>,
    /// How many items the article has: a removed item file is then noticed.
    item_count: Spanned<i64>,
    /// The year of the events, when the title names none.
    year: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymsFile {
    #[serde(default)]
    group: Vec<Spanned<SynonymGroup>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymGroup {
    words: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptsFile {
    #[serde(default)]
    concept: Vec<ConceptEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptEntry {
    /// The article's term (a keyword or synonym of some item).
    means: Spanned<String>,
    /// Everyday phrases that mean it.
    phrases: Vec<Spanned<String>>,
}

/// A parsed concept and where its term is written, for the check across files.
struct ParsedConcept {
    concept: Concept,
    path: String,
    line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemFile {
    number: Spanned<i64>,
    headline: Spanned<String>,
    title: Spanned<String>,
    summary: Spanned<String>,
    /// The English title, headline and summary (optional: a warning when missing).
    title_en: Option<Spanned<String>>,
    headline_en: Option<Spanned<String>>,
    summary_en: Option<Spanned<String>>,
    #[serde(default)]
    keywords: Vec<Spanned<String>>,
    #[serde(default)]
    facts: Vec<Spanned<FactEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactEntry {
    text: Spanned<String>,
    #[serde(default)]
    keywords: Vec<Spanned<String>>,
    /// The fact in English (optional: a warning when missing).
    en: Option<Spanned<String>>,
}

/// Collects problems for one file, turning byte offsets into line numbers.
pub(super) struct FileReport<'a> {
    file: &'a KnowledgeFile,
    problems: &'a mut Vec<Problem>,
}

/// Warnings of one file: what it lacks without being wrong (a translation not written).
pub(super) struct Warnings<'a> {
    file: &'a KnowledgeFile,
    warnings: &'a mut Vec<Problem>,
}

impl Warnings<'_> {
    pub(super) fn at<T>(&mut self, spanned: &Spanned<T>, message: impl Into<String>) {
        self.warnings.push(Problem {
            path: self.file.path.clone(),
            line: line_of_offset(&self.file.contents, spanned.span().start),
            message: message.into(),
        });
    }
}

impl FileReport<'_> {
    fn at_offset(&mut self, offset: usize, message: impl Into<String>) {
        self.at_line(line_of_offset(&self.file.contents, offset), message);
    }

    fn at_line(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            path: self.file.path.clone(),
            line,
            message: message.into(),
        });
    }

    pub(super) fn at<T>(&mut self, spanned: &Spanned<T>, message: impl Into<String>) {
        self.at_offset(spanned.span().start, message);
    }

    /// The 1-based line of a byte offset of the file.
    pub(super) fn line_at(&self, offset: usize) -> usize {
        line_of_offset(&self.file.contents, offset)
    }

    /// How many problems have been reported so far (for all files).
    pub(super) fn problem_count(&self) -> usize {
        self.problems.len()
    }

    /// Parses the file with serde; a syntax or schema error is reported at its line.
    pub(super) fn parse_toml<T: for<'de> Deserialize<'de>>(&mut self) -> Option<T> {
        parse_toml(self)
    }

    pub(super) fn check_text(&mut self, field: &str, value: &Spanned<String>) -> String {
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.at(value, messages::fill(messages::EMPTY_FIELD, &[&field]));
        }
        text.to_string()
    }

    /// An item number or count in 1..=99; 0 (after reporting) when out of range.
    /// A year of the article's events (`year = 2024`); 0 after reporting a problem.
    pub(super) fn check_year(&mut self, year: &Spanned<i64>) -> u16 {
        match u16::try_from(*year.get_ref()) {
            Ok(value) if is_plausible_year(value) => value,
            _ => {
                let (first, last) = (YEARS.start(), YEARS.end());
                self.at(year, messages::fill(messages::YEAR_OUT_OF_RANGE, &[first, last]));
                0
            }
        }
    }

    fn check_item_number(&mut self, what: &str, value: &Spanned<i64>) -> u8 {
        let raw = *value.get_ref();
        match u8::try_from(raw) {
            Ok(number) if (1..=99).contains(&number) => number,
            _ => {
                self.at(value, messages::fill(messages::NUMBER_OUT_OF_RANGE, &[&what, &raw]));
                0
            }
        }
    }

    pub(super) fn check_keywords(&mut self, keywords: &[Spanned<String>]) -> Vec<String> {
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

/// Parses and validates all knowledge files of the directory `directory` (as it should
/// appear in messages): the files all articles share (`questions.toml`, `synonyms.toml`)
/// directly in it, and one folder per article (`directory/2024-shenzhen/`: `source.toml`,
/// `source.txt` and the item files). Where a file is comes from its path. Returns every
/// problem found, sorted by file and line; problems of a directory as a whole come last.
pub fn parse_knowledge(directory: &str, files: &[KnowledgeFile]) -> Result<Knowledge, Vec<Problem>> {
    parse_knowledge_with(directory, files, &[])
}

/// [`parse_knowledge`], knowing the paths of files that exist but could not be read (their
/// problems are reported by the reader): they are not reported missing again.
pub fn parse_knowledge_with(
    directory: &str,
    files: &[KnowledgeFile],
    unreadable: &[&str],
) -> Result<Knowledge, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let sorted = sort_files(directory, files, &mut problems);
    report_missing(directory, &sorted, unreadable, &mut problems);
    let synonym_groups = sorted.synonym_groups.clone().unwrap_or_default();
    let question_words = sorted.question_words.clone().flatten().unwrap_or_default();
    let mut articles = Vec::new();
    for (id, files) in &sorted.article_files {
        let article_directory = join_path(directory, id);
        let unreadable_here: Vec<&str> = unreadable
            .iter()
            .filter(|path| matches!(place_of(directory, path), Place::Article(folder, _) if folder == *id))
            .map(|path| file_name(path))
            .collect();
        if let Some(article) = parse_article(
            id,
            &article_directory,
            files,
            &unreadable_here,
            &mut problems,
            &mut notes,
        ) {
            articles.push(KnowledgeBase {
                synonym_groups: synonym_groups.clone(),
                concepts: sorted.concepts.iter().map(|parsed| parsed.concept.clone()).collect(),
                question_words: question_words.clone(),
                ..article
            });
        }
    }
    // A term is looked up once every item file is right (a broken item hides its keywords).
    if problems.is_empty() && unreadable.is_empty() {
        check_concept_terms(&sorted.concepts, &articles, &synonym_groups, &mut notes);
    }
    if !problems.is_empty() {
        sort_problems(directory, &sorted, &mut problems);
        return Err(problems);
    }
    notes.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    Knowledge::new(articles)
        .map(|knowledge| knowledge.with_notes(notes))
        .ok_or(problems)
}

/// The knowledge files sorted by place: the shared files parsed, the article folders'
/// files grouped by folder.
struct SortedFiles<'a> {
    synonym_groups: Option<Vec<Vec<String>>>,
    question_words: Option<Option<QuestionWords>>,
    concepts: Vec<ParsedConcept>,
    article_files: BTreeMap<&'a str, Vec<&'a KnowledgeFile>>,
}

/// Parses the shared files of `directory` and groups the files of its article folders; a
/// file in the wrong place (an article's file at the top, a shared file in a folder) is a
/// problem.
fn sort_files<'a>(directory: &str, files: &'a [KnowledgeFile], problems: &mut Vec<Problem>) -> SortedFiles<'a> {
    let mut sorted = SortedFiles {
        synonym_groups: None,
        question_words: None,
        concepts: Vec::new(),
        article_files: BTreeMap::new(),
    };
    for file in files {
        let mut report = FileReport { file, problems };
        match place_of(directory, &file.path) {
            Place::Shared(SYNONYMS_FILE_NAME) => sorted.synonym_groups = Some(parse_synonyms(&mut report)),
            Place::Shared(CONCEPTS_FILE_NAME) => sorted.concepts = parse_concepts(&mut report),
            Place::Shared(QUESTIONS_FILE_NAME) => sorted.question_words = Some(parse_questions(&mut report)),
            Place::Shared(name) => problems.push(Problem {
                path: file.path.clone(),
                line: 0,
                message: messages::fill(
                    messages::ARTICLE_FILE_OUTSIDE,
                    &[&name, &join_path(directory, "2024-shenzhen")],
                ),
            }),
            Place::Article(id, SYNONYMS_FILE_NAME | QUESTIONS_FILE_NAME | CONCEPTS_FILE_NAME) => {
                problems.push(Problem {
                    path: file.path.clone(),
                    line: 0,
                    message: messages::fill(
                        messages::SHARED_FILE_IN_ARTICLE,
                        &[&file_name(&file.path), &directory, &id],
                    ),
                })
            }
            Place::Article(id, _) => sorted.article_files.entry(id).or_default().push(file),
        }
    }
    sorted
}

/// Reports a shared file that is missing (not merely unreadable) and a directory without
/// an article folder.
fn report_missing(directory: &str, sorted: &SortedFiles<'_>, unreadable: &[&str], problems: &mut Vec<Problem>) {
    let shared_missing = |name: &str, message: &str| Problem {
        path: join_path(directory, name),
        line: 0,
        message: message.to_string(),
    };
    let unreadable_shared = |name: &str| {
        unreadable
            .iter()
            .any(|path| matches!(place_of(directory, path), Place::Shared(shared) if shared == name))
    };
    if sorted.synonym_groups.is_none() && !unreadable_shared(SYNONYMS_FILE_NAME) {
        problems.push(shared_missing(SYNONYMS_FILE_NAME, messages::FILE_MISSING_SYNONYMS));
    }
    if sorted.question_words.is_none() && !unreadable_shared(QUESTIONS_FILE_NAME) {
        problems.push(shared_missing(QUESTIONS_FILE_NAME, messages::FILE_MISSING_QUESTIONS));
    }
    if sorted.article_files.is_empty() {
        problems.push(Problem {
            path: directory.to_string(),
            line: 0,
            message: messages::fill(messages::NO_ARTICLE_FOLDER, &[&join_path(directory, "2024-shenzhen")]),
        });
    }
}

/// Sorts file problems by file and line; problems of a directory as a whole last.
fn sort_problems(directory: &str, sorted: &SortedFiles<'_>, problems: &mut [Problem]) {
    let is_directory =
        |path: &str| path == directory || sorted.article_files.keys().any(|id| path == join_path(directory, id));
    problems.sort_by(|a, b| (is_directory(&a.path), &a.path, a.line).cmp(&(is_directory(&b.path), &b.path, b.line)));
}

/// The words all articles share, parsed from `synonyms.toml` and `questions.toml` alone
/// (the importer needs them before the new article's folder exists). `files` are the shared
/// files of `directory`; files of article folders are ignored. Every problem of the two
/// files is reported, and a missing one is a problem.
pub fn parse_shared(
    directory: &str,
    files: &[KnowledgeFile],
) -> Result<(Vec<Vec<String>>, QuestionWords), Vec<Problem>> {
    let mut problems = Vec::new();
    let mut synonym_groups = None;
    let mut question_words = None;
    for file in files {
        let mut report = FileReport {
            file,
            problems: &mut problems,
        };
        match place_of(directory, &file.path) {
            Place::Shared(SYNONYMS_FILE_NAME) => synonym_groups = Some(parse_synonyms(&mut report)),
            Place::Shared(QUESTIONS_FILE_NAME) => question_words = Some(parse_questions(&mut report)),
            _ => {}
        }
    }
    for (name, missing, message) in [
        (
            SYNONYMS_FILE_NAME,
            synonym_groups.is_none(),
            messages::FILE_MISSING_SYNONYMS,
        ),
        (
            QUESTIONS_FILE_NAME,
            question_words.is_none(),
            messages::FILE_MISSING_QUESTIONS,
        ),
    ] {
        if missing {
            problems.push(Problem {
                path: join_path(directory, name),
                line: 0,
                message: message.to_string(),
            });
        }
    }
    match (synonym_groups, question_words.flatten()) {
        (Some(groups), Some(words)) if problems.is_empty() => Ok((groups, words)),
        _ => Err(problems),
    }
}

/// Where a knowledge file is: shared (directly in the knowledge directory) or in the folder
/// of an article.
enum Place<'a> {
    Shared(&'a str),
    Article(&'a str, &'a str),
}

/// The place of `path` under `directory`, from its path. A path outside `directory` counts
/// by its last two parts.
fn place_of<'a>(directory: &str, path: &'a str) -> Place<'a> {
    let relative = path
        .strip_prefix(directory)
        .and_then(|rest| rest.strip_prefix(['/', '\\']))
        .unwrap_or(path);
    match relative.rsplit_once(['/', '\\']) {
        Some((folder, name)) => Place::Article(folder.rsplit(['/', '\\']).next().unwrap_or(folder), name),
        None => Place::Shared(relative),
    }
}

fn join_path(directory: &str, name: &str) -> String {
    Path::new(directory).join(name).display().to_string()
}

/// One article's folder: its source, its article text and its items.
fn parse_article<'a>(
    id: &str,
    directory: &str,
    files: &[&'a KnowledgeFile],
    unreadable: &[&'a str],
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> Option<KnowledgeBase> {
    let mut source = None;
    let mut items: Vec<(Item, &KnowledgeFile, usize)> = Vec::new();
    // Names of item files that could not be read or parsed (their problems are reported
    // already).
    let mut unparsed_items: Vec<&str> = unreadable.to_vec();
    let article_file = files.iter().find(|file| file_name(&file.path) == ARTICLE_FILE_NAME);
    let article = article_file.map(|file| Article::new(&file.contents));
    if let (Some(file), Some(article)) = (article_file, &article)
        && article.is_empty()
    {
        problems.push(Problem {
            path: file.path.clone(),
            line: 0,
            message: messages::ARTICLE_EMPTY.to_string(),
        });
    }
    // Facts are checked against a usable article only (no noise when it is missing).
    let article = article.filter(|article| !article.is_empty());
    let mut source_seen = false;
    for file in files {
        let name = file_name(&file.path);
        let mut report = FileReport { file, problems };
        let mut file_warnings = Warnings { file, warnings };
        if name == ARTICLE_FILE_NAME {
            continue;
        } else if name == SOURCE_FILE_NAME {
            source_seen = true;
            source = parse_source(&mut report);
        } else if let Some((item, number_line)) = parse_item(&mut report, &mut file_warnings, article.as_ref()) {
            items.push((item, file, number_line));
        } else {
            unparsed_items.push(name);
        }
    }
    if !source_seen && !unreadable.contains(&SOURCE_FILE_NAME) {
        problems.push(Problem {
            path: join_path(directory, SOURCE_FILE_NAME),
            line: 0,
            message: messages::FILE_MISSING_SOURCE.to_string(),
        });
    }
    if article_file.is_none() && !unreadable.contains(&ARTICLE_FILE_NAME) {
        problems.push(Problem {
            path: join_path(directory, ARTICLE_FILE_NAME),
            line: 0,
            message: messages::FILE_MISSING_ARTICLE.to_string(),
        });
    }
    let declared_count = source.as_ref().map(|source: &ParsedSource| source.item_count);
    check_item_numbers(&items, &unparsed_items, declared_count, directory, problems);
    check_size(directory, &items, problems);
    let source = source?;
    let mut items: Vec<Item> = items.into_iter().map(|(item, _, _)| item).collect();
    items.sort_by_key(|item| item.number);
    Some(KnowledgeBase {
        id: id.to_string(),
        year: source.year,
        source: source.info,
        items,
        synonym_groups: Vec::new(),
        concepts: Vec::new(),
        question_words: QuestionWords::default(),
    })
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn parse_toml<T: for<'de> Deserialize<'de>>(report: &mut FileReport<'_>) -> Option<T> {
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

/// What `source.toml` says: the article's metadata, its year and its number of items.
struct ParsedSource {
    info: SourceInfo,
    year: u16,
    item_count: u8,
}

/// The source metadata, the year of the events (`year`, or the year the title names:
/// 2024 for 「2024年…十件大事」) and the declared number of items.
fn parse_source(report: &mut FileReport<'_>) -> Option<ParsedSource> {
    let parsed: SourceFile = parse_toml(report)?;
    let title = report.check_text("title", &parsed.title);
    let publisher = report.check_text("publisher", &parsed.publisher);
    let date = report.check_text("date", &parsed.date);
    let item_count = report.check_item_number("item_count", &parsed.item_count);
    let year = match &parsed.year {
        Some(year) => report.check_year(year),
        None => year_of_title(&title).unwrap_or_else(|| {
            report.at(&parsed.title, messages::TITLE_NAMES_NO_YEAR);
            0
        }),
    };
    Some(ParsedSource {
        info: SourceInfo { title, publisher, date },
        year,
        item_count,
    })
}

/// The year a title names: the first four digits followed by 年 (「2024年深圳…」 → 2024).
pub fn year_of_title(title: &str) -> Option<u16> {
    let chars: Vec<char> = title.chars().collect();
    chars.windows(5).find_map(|window| {
        let digits: String = window[..4].iter().collect();
        let year: u16 = digits.parse().ok()?;
        (window[4] == '年' && window[..4].iter().all(char::is_ascii_digit) && is_plausible_year(year)).then_some(year)
    })
}

fn parse_synonyms(report: &mut FileReport<'_>) -> Vec<Vec<String>> {
    let Some(parsed) = parse_toml::<SynonymsFile>(report) else {
        return Vec::new();
    };
    let mut groups = Vec::new();
    for group in &parsed.group {
        let words = report.check_keywords(&group.get_ref().words);
        if words.len() < 2 {
            report.at(group, messages::SYNONYM_GROUP_TOO_SMALL);
            continue;
        }
        groups.push(words);
    }
    groups
}

/// Parses the concept vocabulary: each concept's term and its everyday phrases.
fn parse_concepts(report: &mut FileReport<'_>) -> Vec<ParsedConcept> {
    let Some(parsed) = parse_toml::<ConceptsFile>(report) else {
        return Vec::new();
    };
    let mut concepts = Vec::new();
    for entry in &parsed.concept {
        let means = entry.means.get_ref().trim().to_string();
        if means.is_empty() {
            report.at(&entry.means, messages::fill(messages::EMPTY_FIELD, &[&"means"]));
            continue;
        }
        let phrases = report.check_keywords(&entry.phrases);
        if phrases.is_empty() {
            report.at(&entry.means, messages::CONCEPT_WITHOUT_PHRASES);
            continue;
        }
        for phrase in &entry.phrases {
            if phrase.get_ref().trim().chars().count() < 2 {
                report.at(phrase, messages::CONCEPT_PHRASE_TOO_SHORT);
            }
        }
        concepts.push(ParsedConcept {
            concept: Concept { means, phrases },
            path: report.file.path.clone(),
            line: report.line_at(entry.means.span().start),
        });
    }
    concepts
}

/// A concept's term should be a keyword or synonym of some item, or words of its facts: a
/// phrase for a term no loaded article knows reaches nothing. The shared file serves every
/// article, so such a term is a note to review (`notes`), not a problem: the 2025 article
/// alone loads although the concepts name 2024's terms (they apply wherever the term is a
/// keyword, and do nothing elsewhere).
fn check_concept_terms(
    concepts: &[ParsedConcept],
    articles: &[KnowledgeBase],
    synonym_groups: &[Vec<String>],
    notes: &mut Vec<Problem>,
) {
    let known = |term: &str| {
        let term = term.to_lowercase();
        let same = |word: &String| word.to_lowercase() == term;
        synonym_groups.iter().flatten().any(same)
            || articles.iter().flat_map(|article| &article.items).any(|item| {
                item.keywords.iter().any(same)
                    || item.headline.to_lowercase().contains(&term)
                    || item
                        .facts
                        .iter()
                        .any(|fact| fact.keywords.iter().any(same) || fact.text.to_lowercase().contains(&term))
            })
    };
    for parsed in concepts {
        if !articles.is_empty() && !known(&parsed.concept.means) {
            notes.push(Problem {
                path: parsed.path.clone(),
                line: parsed.line,
                message: messages::fill(messages::CONCEPT_UNKNOWN_TERM, &[&parsed.concept.means]),
            });
        }
    }
}

/// Parses one item file; returns the item and the line of its `number` field. With the
/// article, checks that the headline, the facts and the summary's figures come from it.
fn parse_item(
    report: &mut FileReport<'_>,
    warnings: &mut Warnings<'_>,
    article: Option<&Article<'_>>,
) -> Option<(Item, usize)> {
    let parsed: ItemFile = parse_toml(report)?;
    let number_line = line_of_offset(&report.file.contents, parsed.number.span().start);
    let number = report.check_item_number("number", &parsed.number);
    let headline = report.check_text("headline", &parsed.headline);
    let title = report.check_text("title", &parsed.title);
    let title_chars = title.chars().count();
    if title_chars > MAX_TITLE_CHARS {
        report.at(
            &parsed.title,
            messages::fill(messages::TITLE_TOO_LONG, &[&title_chars, &MAX_TITLE_CHARS]),
        );
    }
    let summary = report.check_text("summary", &parsed.summary);
    if let Some(article) = article {
        if !headline.is_empty() && !article.has_headline(&headline) {
            report.at(&parsed.headline, messages::HEADLINE_NOT_IN_ARTICLE);
        }
        for figure in article.unknown_figures(&summary) {
            report.at(
                &parsed.summary,
                messages::fill(messages::SUMMARY_FIGURE_NOT_IN_ARTICLE, &[&figure]),
            );
        }
    }
    let keywords = report.check_keywords(&parsed.keywords);
    if parsed.facts.is_empty() {
        report.at(&parsed.number, messages::NO_FACTS);
    }
    let mut facts = Vec::new();
    for fact in &parsed.facts {
        let fact = fact.get_ref();
        let text = report.check_text("text", &fact.text);
        if let Some(mismatch) = article
            .filter(|_| !text.is_empty())
            .and_then(|article| article.check_fact(&text))
        {
            report.at(&fact.text, not_verbatim_message(&mismatch));
        }
        let keywords = report.check_keywords(&fact.keywords);
        let en = translation::check(report, warnings, "en", &text, fact.en.as_ref(), &fact.text);
        facts.push(Fact { text, keywords, en });
    }
    let en = ItemEnglish {
        title: translation::check_title(report, warnings, &title, parsed.title_en.as_ref(), &parsed.title),
        headline: translation::check(
            report,
            warnings,
            "headline_en",
            &headline,
            parsed.headline_en.as_ref(),
            &parsed.headline,
        ),
        summary: translation::check(
            report,
            warnings,
            "summary_en",
            &summary,
            parsed.summary_en.as_ref(),
            &parsed.summary,
        ),
    };
    let item = Item {
        number,
        headline,
        title,
        summary,
        keywords,
        facts,
        en,
    };
    Some((item, number_line))
}

/// The problem of a fact that is not a sentence of the article.
fn not_verbatim_message(mismatch: &Mismatch) -> String {
    match mismatch.line {
        Some(line) => messages::fill(
            messages::FACT_CHANGED,
            &[&mismatch.fact_excerpt, &line, &mismatch.article_excerpt],
        ),
        None => messages::FACT_NOT_IN_ARTICLE.to_string(),
    }
}

/// The most keywords in all (item and fact keywords, synonym words): about twenty times what
/// the article has; more would make loading and every reload take seconds.
pub const MAX_KEYWORDS: usize = 20_000;
/// The most facts in all (the article has a few dozen).
pub const MAX_FACTS: usize = 2_000;

/// Refuses a knowledge base so large that building the engine would take seconds.
fn check_size(directory: &str, items: &[(Item, &KnowledgeFile, usize)], problems: &mut Vec<Problem>) {
    let facts: usize = items.iter().map(|(item, _, _)| item.facts.len()).sum();
    let keywords: usize = items
        .iter()
        .map(|(item, _, _)| item.keywords.len() + item.facts.iter().map(|fact| fact.keywords.len()).sum::<usize>())
        .sum::<usize>();
    if keywords > MAX_KEYWORDS {
        problems.push(Problem {
            path: directory.to_string(),
            line: 0,
            message: messages::fill(messages::TOO_MANY_KEYWORDS, &[&keywords, &MAX_KEYWORDS]),
        });
    }
    if facts > MAX_FACTS {
        problems.push(Problem {
            path: directory.to_string(),
            line: 0,
            message: messages::fill(messages::TOO_MANY_FACTS, &[&facts, &MAX_FACTS]),
        });
    }
}

/// The item number a file name starts with (`05-母婴室.toml` → 5).
fn number_of_file_name(name: &str) -> Option<u8> {
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Duplicate numbers, gaps, and (when `source.toml` declares it) missing items at the end.
/// A number is not reported missing when a file named for it could not be parsed: that
/// file's own problem says what is wrong.
fn check_item_numbers(
    items: &[(Item, &KnowledgeFile, usize)],
    unparsed_items: &[&str],
    declared_count: Option<u8>,
    directory: &str,
    problems: &mut Vec<Problem>,
) {
    let mut first_seen: BTreeMap<u8, (&str, usize)> = BTreeMap::new();
    for (item, file, line) in items {
        if item.number == 0 {
            continue;
        }
        match first_seen.get(&item.number) {
            Some((other_path, other_line)) => problems.push(Problem {
                path: file.path.clone(),
                line: *line,
                message: messages::fill(messages::DUPLICATE_ITEM, &[&item.number, other_path, other_line]),
            }),
            None => {
                first_seen.insert(item.number, (file.path.as_str(), *line));
            }
        }
    }
    if items.is_empty() && unparsed_items.is_empty() {
        problems.push(Problem {
            path: directory.to_string(),
            line: 0,
            message: messages::NO_ITEM_FILES.to_string(),
        });
        return;
    }
    let found_highest = first_seen.keys().next_back().copied().unwrap_or(0);
    let highest = match declared_count {
        Some(count) if count > 0 => count,
        _ => found_highest,
    };
    for (&number, &(path, line)) in first_seen.iter().filter(|&(&n, _)| n > highest) {
        problems.push(Problem {
            path: path.to_string(),
            line,
            message: messages::fill(messages::ITEM_ABOVE_COUNT, &[&number, &highest]),
        });
    }
    let unparsed: Vec<u8> = unparsed_items
        .iter()
        .filter_map(|name| number_of_file_name(name))
        .collect();
    for number in 1..=highest {
        if !first_seen.contains_key(&number) && !unparsed.contains(&number) {
            problems.push(Problem {
                path: directory.to_string(),
                line: 0,
                message: messages::fill(messages::ITEM_MISSING, &[&number, &highest]),
            });
        }
    }
}
