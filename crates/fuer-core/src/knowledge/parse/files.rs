//! Where each knowledge file is: the shared files parsed, the article folders' files
//! grouped by folder; a file in the wrong place, a missing shared file and a directory
//! without an article folder are problems.

use std::collections::BTreeMap;
use std::path::Path;

use super::super::GlossaryTerm;
use super::super::messages;
use super::super::questions::{QUESTIONS_FILE_NAME, QuestionWords, parse_questions};
use super::report::{FileReport, KnowledgeFile, Problem};
use super::shared::{ParsedConcept, parse_concepts, parse_glossary, parse_synonyms};
use super::{CONCEPTS_FILE_NAME, GLOSSARY_FILE_NAME, SYNONYMS_FILE_NAME};

/// The knowledge files sorted by place: the shared files parsed, the article folders'
/// files grouped by folder.
pub(super) struct SortedFiles<'a> {
    pub(super) synonym_groups: Option<Vec<Vec<String>>>,
    pub(super) question_words: Option<Option<QuestionWords>>,
    pub(super) concepts: Vec<ParsedConcept>,
    pub(super) glossary: Vec<GlossaryTerm>,
    pub(super) article_files: BTreeMap<&'a str, Vec<&'a KnowledgeFile>>,
}

/// Parses the shared files of `directory` and groups the files of its article folders; a
/// file in the wrong place (an article's file at the top, a shared file in a folder) is a
/// problem.
pub(super) fn sort_files<'a>(
    directory: &str,
    files: &'a [KnowledgeFile],
    problems: &mut Vec<Problem>,
) -> SortedFiles<'a> {
    let mut sorted = SortedFiles {
        synonym_groups: None,
        question_words: None,
        concepts: Vec::new(),
        glossary: Vec::new(),
        article_files: BTreeMap::new(),
    };
    for file in files {
        let mut report = FileReport { file, problems };
        match place_of(directory, &file.path) {
            Place::Shared(SYNONYMS_FILE_NAME) => sorted.synonym_groups = Some(parse_synonyms(&mut report)),
            Place::Shared(CONCEPTS_FILE_NAME) => sorted.concepts = parse_concepts(&mut report),
            Place::Shared(QUESTIONS_FILE_NAME) => sorted.question_words = Some(parse_questions(&mut report)),
            // The glossary: the importer's English keywords, and English questions' words.
            Place::Shared(GLOSSARY_FILE_NAME) => sorted.glossary = parse_glossary(&mut report),
            Place::Shared(name) => problems.push(Problem {
                path: file.path.clone(),
                line: 0,
                message: messages::fill(
                    messages::ARTICLE_FILE_OUTSIDE,
                    &[&name, &join_path(directory, "2024-shenzhen")],
                ),
            }),
            Place::Article(id, SYNONYMS_FILE_NAME | QUESTIONS_FILE_NAME | CONCEPTS_FILE_NAME | GLOSSARY_FILE_NAME) => {
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
pub(super) fn report_missing(
    directory: &str,
    sorted: &SortedFiles<'_>,
    unreadable: &[&str],
    problems: &mut Vec<Problem>,
) {
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
pub(super) fn sort_problems(directory: &str, sorted: &SortedFiles<'_>, problems: &mut [Problem]) {
    let is_directory =
        |path: &str| path == directory || sorted.article_files.keys().any(|id| path == join_path(directory, id));
    problems.sort_by(|a, b| (is_directory(&a.path), &a.path, a.line).cmp(&(is_directory(&b.path), &b.path, b.line)));
}
/// Where a knowledge file is: shared (directly in the knowledge directory) or in the folder
/// of an article.
pub(super) enum Place<'a> {
    Shared(&'a str),
    Article(&'a str, &'a str),
}

/// The place of `path` under `directory`, from its path. A path outside `directory` counts
/// by its last two parts.
pub(super) fn place_of<'a>(directory: &str, path: &'a str) -> Place<'a> {
    let relative = path
        .strip_prefix(directory)
        .and_then(|rest| rest.strip_prefix(['/', '\\']))
        .unwrap_or(path);
    match relative.rsplit_once(['/', '\\']) {
        Some((folder, name)) => Place::Article(folder.rsplit(['/', '\\']).next().unwrap_or(folder), name),
        None => Place::Shared(relative),
    }
}

/// `directory/name` as a path for messages.
pub(super) fn join_path(directory: &str, name: &str) -> String {
    Path::new(directory).join(name).display().to_string()
}
/// The last part of a path.
pub(super) fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
