//! Parsing and validating knowledge files, reporting every problem as `file:line: message`.
//!
//! Three stages, like mdBook's SUMMARY parser: serde parses each file (unknown
//! fields are errors), domain checks run on each parsed file (among them: every fact is a
//! verbatim sentence of the article in `source.txt`), then checks across files (duplicate
//! and missing item numbers). All problems of all files are collected so an admin sees
//! every mistake in one run.

//! Parts: `report.rs` (the files as read and the problems found in them, with their lines),
//! `files.rs` (where each file is: shared, or in an article's folder), `shared.rs` (the files
//! all articles share: synonyms and concepts; `questions.toml` is `super::questions`),
//! `folder.rs` (one article's folder: source, items, their numbers and size).

mod files;
mod folder;
mod report;
mod shared;

use super::questions::{QUESTIONS_FILE_NAME, QuestionWords, parse_questions};
use super::{Knowledge, KnowledgeBase, messages};
use files::{Place, file_name, join_path, place_of, report_missing, sort_files, sort_problems};
use folder::parse_article;
use shared::{check_concept_terms, parse_glossary, parse_synonyms};

pub(crate) use folder::year_of_title;
pub(super) use report::{FileReport, Warnings};
pub use report::{KnowledgeFile, Problem};

/// The file holding the article's metadata.
pub const SOURCE_FILE_NAME: &str = "source.toml";
/// The file holding cross-item synonym groups.
pub const SYNONYMS_FILE_NAME: &str = "synonyms.toml";
/// The file holding the concept vocabulary: everyday phrases for the article's terms
/// (optional).
pub(crate) const CONCEPTS_FILE_NAME: &str = "concepts.toml";
/// The file holding the glossary: terms of such articles with their English, for the
/// importer (optional).
pub const GLOSSARY_FILE_NAME: &str = "glossary.toml";
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
                glossary: sorted.glossary.clone(),
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

/// The terms of the concept vocabulary of the shared files of `directory` (`concepts.toml`'s
/// `means`; none when it is missing), for the importer: a draft keeps the ones its text
/// writes as keywords, so the everyday phrases reach them. Its problems when it is invalid.
pub fn parse_shared_concept_terms(directory: &str, files: &[KnowledgeFile]) -> Result<Vec<String>, Vec<Problem>> {
    parse_one_shared(directory, files, CONCEPTS_FILE_NAME, |report| {
        shared::parse_concepts(report)
            .into_iter()
            .map(|parsed| parsed.concept.means)
            .collect()
    })
}

/// The glossary of the shared files of `directory` (`glossary.toml`; none when it is
/// missing), for the importer; its problems when it is invalid.
pub fn parse_shared_glossary(
    directory: &str,
    files: &[KnowledgeFile],
) -> Result<Vec<super::GlossaryTerm>, Vec<Problem>> {
    parse_one_shared(directory, files, GLOSSARY_FILE_NAME, parse_glossary)
}

/// One shared file of `directory` (`name`) read by `parse` (its default when the file is
/// missing), for the importer; the file's problems when it is invalid.
fn parse_one_shared<T: Default>(
    directory: &str,
    files: &[KnowledgeFile],
    name: &str,
    mut parse: impl FnMut(&mut FileReport<'_>) -> T,
) -> Result<T, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut parsed = T::default();
    for file in files {
        if matches!(place_of(directory, &file.path), Place::Shared(shared) if shared == name) {
            let mut report = FileReport {
                file,
                problems: &mut problems,
            };
            parsed = parse(&mut report);
        }
    }
    if problems.is_empty() { Ok(parsed) } else { Err(problems) }
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
