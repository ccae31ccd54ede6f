//! The articles of the knowledge directory as the web page changes them: saving an imported
//! article (the same draft and checks as `fuer-bot import`, written atomically, then
//! reloaded live), and hiding an article (its folder moves to `KNOWLEDGE_DIR/_hidden/`,
//! which the loader skips: it stays on disk and the bot stops answering from it) or showing
//! it again.
//!
//! Folders are found from the directory listing and the served library, never from a path
//! the browser sends; every change is a rename within `KNOWLEDGE_DIR` followed by a reload,
//! and a reload that fails puts the folder back.

use std::fs;
use std::path::{Path, PathBuf};

use arc_swap::ArcSwap;

use crate::import::{HIDDEN_FOLDER, ImportError, Prepared, hidden_folder, prepare, write};
use crate::reload::{ReloadOutcome, reload_now};
use fuer_core::import::Draft;
use fuer_core::knowledge::Problem;
use fuer_core::library::Library;

/// Why an article could not be hidden or shown again; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticleError {
    /// No served (or hidden) article has this id.
    NoSuchArticle,
    /// It is the only article served.
    LastArticle,
    /// A folder of that name is already where it would go.
    Taken(String),
    /// The knowledge with the change is invalid (the folder was put back).
    Invalid(Vec<Problem>),
    /// Moving the folder failed.
    Move(String),
}

/// The ids of the hidden articles (folders in `_hidden/`), sorted.
pub fn hidden_articles(knowledge: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(knowledge.join(HIDDEN_FOLDER)) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().to_str().map(str::to_string))
        .filter(|name| !name.starts_with('.'))
        .collect();
    ids.sort();
    ids
}

/// Writes a draft prepared for `knowledge` again (the text may have changed since the
/// preview: it is prepared anew) and reloads the library. Callers serialize changes.
pub fn save_import(
    knowledge: &Path,
    text: &str,
    id: Option<&str>,
    library: &ArcSwap<Library>,
) -> Result<(Draft, ReloadOutcome), SaveError> {
    match prepare(text, knowledge, id).map_err(SaveError::Import)? {
        Prepared::AlreadyImported(folder) => Err(SaveError::Already(folder)),
        Prepared::Draft { draft, target } => {
            write(knowledge, &draft, &target).map_err(SaveError::Import)?;
            log::info!("web page: imported the article {} ({})", draft.id, draft.title);
            let outcome = reload_now(knowledge, library);
            Ok((draft, outcome))
        }
    }
}

/// Why an imported article was not saved.
#[derive(Debug, Clone)]
pub enum SaveError {
    Import(ImportError),
    /// This folder already holds the very same article.
    Already(PathBuf),
}

/// Hides the served article `id`: its folder moves into `_hidden/`, then the library is
/// reloaded without it. The only article served cannot be hidden.
pub fn hide(knowledge: &Path, id: &str, library: &ArcSwap<Library>) -> Result<ReloadOutcome, ArticleError> {
    let served = library.load();
    if served.index_of(id).is_none() {
        return Err(ArticleError::NoSuchArticle);
    }
    if served.engines().len() < 2 {
        return Err(ArticleError::LastArticle);
    }
    let from = knowledge.join(id);
    let to = hidden_folder(knowledge, id);
    if !from.is_dir() {
        return Err(ArticleError::NoSuchArticle);
    }
    if fs::symlink_metadata(&to).is_ok() {
        return Err(ArticleError::Taken(to.display().to_string()));
    }
    fs::create_dir_all(knowledge.join(HIDDEN_FOLDER)).map_err(|error| ArticleError::Move(error.to_string()))?;
    move_and_reload(knowledge, &from, &to, library)
}

/// Shows the hidden article `id` again: its folder moves back and the library is reloaded
/// with it (if the knowledge is then invalid, it goes back into hiding).
pub fn show(knowledge: &Path, id: &str, library: &ArcSwap<Library>) -> Result<ReloadOutcome, ArticleError> {
    if !hidden_articles(knowledge).iter().any(|hidden| hidden == id) {
        return Err(ArticleError::NoSuchArticle);
    }
    let from = hidden_folder(knowledge, id);
    let to = knowledge.join(id);
    if fs::symlink_metadata(&to).is_ok() {
        return Err(ArticleError::Taken(to.display().to_string()));
    }
    move_and_reload(knowledge, &from, &to, library)
}

/// Renames `from` to `to` and reloads; a failed reload renames it back (the last good
/// library keeps serving either way).
fn move_and_reload(
    knowledge: &Path,
    from: &Path,
    to: &Path,
    library: &ArcSwap<Library>,
) -> Result<ReloadOutcome, ArticleError> {
    fs::rename(from, to).map_err(|error| ArticleError::Move(error.to_string()))?;
    let outcome = reload_now(knowledge, library);
    if let ReloadOutcome::Failed(problems) = outcome {
        if let Err(error) = fs::rename(to, from) {
            log::error!(
                "web page: cannot move {} back to {}: {error}",
                to.display(),
                from.display()
            );
        }
        return Err(ArticleError::Invalid(problems));
    }
    log::info!("web page: moved {} to {}", from.display(), to.display());
    Ok(outcome)
}
