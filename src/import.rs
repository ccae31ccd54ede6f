//! `fuer-bot import ARTICLE.txt`: the edge of the importer. Reads the article (its size
//! first), the shared words of the knowledge directory, asks the core for a draft
//! (`fuer_core::import`), checks it as `check` would, and writes its folder atomically: the
//! files go to a temporary folder `_import-…` in the knowledge directory (a folder the
//! loader skips), which is then renamed into place, so a failure leaves nothing behind.
//! [`prepare`] and [`write`] are the same two steps for the admin web page.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::knowledge_dir::{is_article_folder, read_knowledge_files};
use fuer_core::import::{Draft, MAX_ARTICLE_BYTES, Refusal, Shared, article_text, import_article};
use fuer_core::knowledge::{
    ARTICLE_FILE_NAME, KnowledgeFile, Problem, QUESTIONS_FILE_NAME, SYNONYMS_FILE_NAME, parse_knowledge, parse_shared,
    parse_shared_concept_terms, parse_shared_glossary,
};

/// Why an article cannot be imported; nothing was written for any of them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The text is not an article (or the id is not one): the importer's refusal.
    #[error("{0}; nothing was written")]
    Refused(Refusal),
    /// The knowledge directory or its shared files cannot be read, or are invalid.
    #[error("{}", problems_text("the knowledge directory", .0))]
    Shared(Vec<Problem>),
    /// The draft would not pass `check` (every problem).
    #[error("{}", problems_text("the draft", .0))]
    Invalid(Vec<Problem>),
    /// Another article already has this id (its folder exists).
    #[error(
        "{} already exists and holds another article: nothing was written; give the new one another id with --id (such as --id {id}-2)",
        .target.display()
    )]
    IdTaken { id: String, target: PathBuf },
    /// Writing the folder failed (the temporary folder was removed).
    #[error("{0}")]
    Write(String),
}

/// What importing a text comes to, before anything is written.
#[derive(Debug, Clone)]
pub enum Prepared {
    /// A checked draft and the folder it goes to (free).
    Draft { draft: Draft, target: PathBuf },
    /// This folder already holds this very article (its `source.txt` is the text).
    AlreadyImported(PathBuf),
}

/// Makes the draft of `text` for the knowledge directory `knowledge` (with `id`, or the one
/// made from the title) and checks it as `check` would; writes nothing.
pub fn prepare(text: &str, knowledge: &Path, id: Option<&str>) -> Result<Prepared, ImportError> {
    let directory = knowledge.display().to_string();
    let files = read_knowledge_files(knowledge).map_err(ImportError::Shared)?;
    let (synonym_groups, question_words) = parse_shared(&directory, &files).map_err(ImportError::Shared)?;
    let glossary = parse_shared_glossary(&directory, &files).map_err(ImportError::Shared)?;
    let concept_terms = parse_shared_concept_terms(&directory, &files).map_err(ImportError::Shared)?;
    let shared = Shared {
        synonym_groups: &synonym_groups,
        question_words: &question_words,
        glossary: &glossary,
        concept_terms: &concept_terms,
    };
    let draft = import_article(text, id, shared).map_err(ImportError::Refused)?;
    if let Some(existing) = same_article(knowledge, &files, text) {
        return Ok(Prepared::AlreadyImported(existing));
    }
    let target = knowledge.join(&draft.id);
    if fs::symlink_metadata(&target).is_ok() || fs::symlink_metadata(hidden_folder(knowledge, &draft.id)).is_ok() {
        return Err(ImportError::IdTaken { id: draft.id, target });
    }
    check_draft(&directory, &files, &draft).map_err(ImportError::Invalid)?;
    Ok(Prepared::Draft { draft, target })
}

/// Writes a prepared draft's folder atomically (a temporary `_import-…` folder renamed into
/// place). The caller serializes writes to the directory.
pub fn write(knowledge: &Path, draft: &Draft, target: &Path) -> Result<(), ImportError> {
    if fs::symlink_metadata(target).is_ok() {
        return Err(ImportError::IdTaken {
            id: draft.id.clone(),
            target: target.to_path_buf(),
        });
    }
    write_folder(knowledge, target, draft).map_err(|error| ImportError::Write(format!("{error:#}")))
}

/// `fuer-bot import`: adds the article in `article` to `knowledge` as a draft, or says why
/// not (an error: nothing is written). Importing the same text again changes nothing.
pub fn import(article: &Path, knowledge: &Path, id: Option<&str>, mut output: impl Write) -> Result<ExitCode> {
    let bytes = read_article(article)?;
    let located = |error: ImportError| match &error {
        ImportError::Refused(refusal) => {
            let location = match refusal.line() {
                Some(line) => format!("{}:{line}", article.display()),
                None => article.display().to_string(),
            };
            anyhow::anyhow!("{location}: {error}")
        }
        _ => anyhow::Error::new(error),
    };
    let text = article_text(&bytes).map_err(|refusal| located(ImportError::Refused(refusal)))?;
    match prepare(text, knowledge, id).map_err(located)? {
        Prepared::AlreadyImported(existing) => {
            writeln!(
                output,
                "already imported: {} holds this article (its {ARTICLE_FILE_NAME} is this text); nothing changed",
                existing.display()
            )?;
        }
        Prepared::Draft { draft, target } => {
            write(knowledge, &draft, &target)?;
            report(&target, &draft, &mut output)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Where a hidden article's folder is: `knowledge/_hidden/<id>` (the loader skips it).
pub fn hidden_folder(knowledge: &Path, id: &str) -> PathBuf {
    knowledge.join(HIDDEN_FOLDER).join(id)
}

/// The folder of hidden articles in the knowledge directory.
pub const HIDDEN_FOLDER: &str = "_hidden";

/// The article's bytes; a file over the limit is refused before it is read.
fn read_article(article: &Path) -> Result<Vec<u8>> {
    let metadata = fs::metadata(article).with_context(|| format!("cannot read {}", article.display()))?;
    if !metadata.is_file() {
        bail!("{}: not a file: give the article's text file", article.display());
    }
    let limit = u64::try_from(MAX_ARTICLE_BYTES).unwrap_or(u64::MAX);
    if metadata.len() > limit {
        let bytes = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
        bail!(
            "{}: {}; nothing was written",
            article.display(),
            Refusal::TooLarge { bytes }
        );
    }
    let mut bytes = Vec::new();
    fs::File::open(article)
        .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
        .with_context(|| format!("cannot read {}", article.display()))?;
    Ok(bytes)
}

fn problems_text(what: &str, problems: &[Problem]) -> String {
    let listing: Vec<String> = problems.iter().map(ToString::to_string).collect();
    format!(
        "{what} have {} problem(s); nothing was written:\n{}",
        problems.len(),
        listing.join("\n")
    )
}

/// The folder of an article whose text is `text`, if one is already in the directory.
fn same_article(knowledge: &Path, files: &[KnowledgeFile], text: &str) -> Option<PathBuf> {
    files
        .iter()
        .filter(|file| file.contents == text)
        .map(|file| PathBuf::from(&file.path))
        .filter(|path| path.file_name().is_some_and(|name| name == ARTICLE_FILE_NAME))
        .find_map(|path| path.parent().map(Path::to_path_buf))
        .filter(|folder| folder.parent() == Some(knowledge) && is_article_folder(folder))
}

/// The draft must pass what `check` runs, with the shared files of the directory.
fn check_draft(directory: &str, files: &[KnowledgeFile], draft: &Draft) -> Result<(), Vec<Problem>> {
    let mut checked: Vec<KnowledgeFile> = files
        .iter()
        .filter(|file| {
            let path = Path::new(&file.path);
            path.parent() == Some(Path::new(directory))
                && path
                    .file_name()
                    .is_some_and(|name| name == SYNONYMS_FILE_NAME || name == QUESTIONS_FILE_NAME)
        })
        .cloned()
        .collect();
    checked.extend(draft.files.iter().map(|file| {
        KnowledgeFile {
            path: Path::new(directory)
                .join(&draft.id)
                .join(&file.name)
                .display()
                .to_string(),
            contents: file.contents.clone(),
        }
    }));
    parse_knowledge(directory, &checked).map(|_| ())
}

/// Writes the draft's files into a temporary folder of `knowledge`, then renames it to
/// `target`; on any failure the temporary folder is removed.
fn write_folder(knowledge: &Path, target: &Path, draft: &Draft) -> Result<()> {
    let temporary = tempfile::Builder::new()
        .prefix("_import-")
        .tempdir_in(knowledge)
        .with_context(|| format!("cannot create a temporary folder in {}", knowledge.display()))?;
    for file in &draft.files {
        let path = temporary.path().join(&file.name);
        fs::write(&path, &file.contents).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let written = temporary.path().to_path_buf();
    fs::rename(&written, target)
        .with_context(|| format!("cannot move the draft into {}; nothing was written", target.display()))?;
    // Renamed: nothing is left at the temporary path for the guard to remove.
    let _ = temporary.keep();
    Ok(())
}

fn report(target: &Path, draft: &Draft, output: &mut impl Write) -> Result<()> {
    writeln!(
        output,
        "imported: {}: {} ({} items, {} facts, {} suggested keywords)",
        target.display(),
        draft.title,
        draft.items.len(),
        draft.fact_count(),
        draft.keyword_count()
    )?;
    writeln!(output, "to review ({}):", draft.review.len())?;
    for note in &draft.review {
        writeln!(output, "  {note}")?;
    }
    writeln!(
        output,
        "next: edit the files in {}, then run `fuer-bot check` and try questions with `fuer-bot ask`",
        target.display()
    )?;
    Ok(())
}
