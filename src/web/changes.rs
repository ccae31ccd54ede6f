//! Changing the knowledge files from the web page: plan an [`Edit`] on the files as they
//! are on disk, preview it (the bot's new reply, and which recorded questions would get
//! another answer), and save it — only if the file is still the one the admin saw (its
//! hash), and only if the would-be files pass the same validation as `fuer-bot check`.
//!
//! Which file an edit touches is decided from the directory listing: the item file of the
//! article (its folder's name is the article's id) whose `number` is the item, or
//! `synonyms.toml`. Nothing the browser sends becomes a path, so
//! no request can reach a file outside `KNOWLEDGE_DIR`. A save writes a temporary file in
//! the same directory, syncs it and renames it over the file (atomic: readers and the live
//! reload see the old or the new file, never half of one), then reloads the knowledge.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use arc_swap::ArcSwap;
use ring::digest;

use fuer_core::library::{Library, Routed};

use crate::knowledge_dir::read_knowledge_files;
use crate::reload::{ReloadOutcome, reload_now};
use crate::store::{AskedQuestion, unix_now};
use crate::web::history::{History, Version};
use fuer_core::engine::{Answer, Status};
use fuer_core::knowledge::edit::{Edit, EditError};
pub use fuer_core::knowledge::suggest::KeywordSuggester;
use fuer_core::knowledge::{
    Knowledge, KnowledgeFile, Problem, QUESTIONS_FILE_NAME, SOURCE_FILE_NAME, SYNONYMS_FILE_NAME, parse_knowledge,
};

/// How many of the most frequent recorded questions a preview answers again.
pub const PREVIEW_QUESTIONS: usize = 500;

/// Why a change cannot be previewed or saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    /// The word or group is not acceptable, or not there.
    Edit(EditError),
    /// No file has this item number.
    NoSuchItem(u8),
    /// The knowledge files cannot be read.
    Unreadable(Vec<Problem>),
    /// The file changed on disk since the page was loaded.
    Changed,
    /// The would-be files are not valid knowledge; nothing was written.
    Invalid(Vec<Problem>),
    /// Writing the file failed; the old file is still in place.
    Write(String),
    /// The previous version cannot be kept; nothing was written.
    History(String),
    /// The save to undo is not in the history (or its file is gone).
    NoSuchVersion,
    /// The file was changed after the save to undo; nothing was written.
    ChangedSince,
}

/// An edit planned on the files as they are now.
#[derive(Debug, Clone)]
pub struct Plan {
    pub edit: Edit,
    /// The file's name in the knowledge directory (`05-母婴室.toml`).
    pub file_name: String,
    path: PathBuf,
    /// The SHA-256 of the file as it is now (hex).
    pub hash: String,
    /// The file as it is now, and after the edit.
    pub old_contents: String,
    pub new_contents: String,
    /// The knowledge (every article) after the edit, or every problem it would have.
    pub result: Result<Knowledge, Vec<Problem>>,
}

/// The hash of a file's contents, as put in the page's forms.
pub fn content_hash(contents: &str) -> String {
    hex::encode(digest::digest(&digest::SHA256, contents.as_bytes()))
}

fn file_name(file: &KnowledgeFile) -> String {
    Path::new(&file.path)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The number of an item file, if it is one (`number = N` at the top).
fn item_number(file: &KnowledgeFile) -> Option<i64> {
    let name = file_name(file);
    if !name.ends_with(".toml") || [SOURCE_FILE_NAME, SYNONYMS_FILE_NAME, QUESTIONS_FILE_NAME].contains(&name.as_str())
    {
        return None;
    }
    let table: toml::Table = toml::from_str(&file.contents).ok()?;
    table.get("number")?.as_integer()
}

/// Whether `file` is in the folder of the article `article` (its id).
fn in_article(file: &KnowledgeFile, article: &str) -> bool {
    Path::new(&file.path)
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|folder| folder.to_string_lossy() == article)
}

/// Finds the file `edit` changes among `files`: an item file of `article`, or the synonyms.
fn target(files: &[KnowledgeFile], article: &str, edit: &Edit) -> Result<usize, ChangeError> {
    match edit.item() {
        Some(item) => files
            .iter()
            .position(|file| in_article(file, article) && item_number(file) == Some(i64::from(item)))
            .ok_or(ChangeError::NoSuchItem(item)),
        None => files
            .iter()
            .position(|file| file_name(file) == SYNONYMS_FILE_NAME)
            .ok_or(ChangeError::Edit(EditError::NotFound)),
    }
}

/// Plans `edit` (of an item of the article `article`, or of the synonyms) on the files of
/// `dir` as they are now, and validates the result as `fuer-bot check` would.
pub fn plan(dir: &Path, article: &str, edit: &Edit) -> Result<Plan, ChangeError> {
    let mut files = read_knowledge_files(dir).map_err(ChangeError::Unreadable)?;
    let index = target(&files, article, edit)?;
    let file = &files[index];
    let path = PathBuf::from(&file.path);
    let hash = content_hash(&file.contents);
    let old_contents = file.contents.clone();
    let new_contents = edit.apply(&file.contents).map_err(ChangeError::Edit)?;
    let name = file_name(file);
    files[index].contents = new_contents.clone();
    let result = parse_knowledge(&dir.display().to_string(), &files);
    Ok(Plan {
        edit: edit.clone(),
        file_name: name,
        path,
        hash,
        old_contents,
        new_contents,
        result,
    })
}

/// How a question is answered, in the terms that matter for a preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The id of the article that answered (empty when not known).
    pub article: String,
    pub status: Status,
    /// Every item answered (also for *related*), in order.
    pub items: Vec<u8>,
    /// The first fact shown (item, index), if any.
    pub first_fact: Option<(u8, usize)>,
}

impl Outcome {
    pub fn of(answer: &Answer) -> Outcome {
        Outcome {
            article: String::new(),
            status: answer.status,
            items: answer.items(),
            first_fact: answer.item.zip(answer.facts.first().copied()),
        }
    }
}

/// A recorded question whose answer a change would alter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedQuestion {
    pub text: String,
    /// How often it was asked.
    pub count: u64,
    pub before: Outcome,
    pub after: Outcome,
}

impl Outcome {
    /// The outcome of a question routed across the articles of `library` (with the
    /// article's id when there are several).
    pub fn routed(library: &Library, routed: &Routed) -> Outcome {
        let several = library.engines().len() > 1;
        Outcome {
            article: if several {
                library.id(routed.article).to_string()
            } else {
                String::new()
            },
            ..Outcome::of(&routed.answer)
        }
    }
}

/// The recorded questions (most frequent first) that `after` answers differently from
/// `before` (another article, status, item or first fact).
pub fn changed_questions(before: &Library, after: &Library, recorded: &[AskedQuestion]) -> Vec<ChangedQuestion> {
    recorded
        .iter()
        .filter_map(|question| {
            let old = Outcome::routed(before, &before.route(&question.text));
            let new = Outcome::routed(after, &after.route(&question.text));
            (old != new).then(|| ChangedQuestion {
                text: question.text.clone(),
                count: question.count,
                before: old,
                after: new,
            })
        })
        .collect()
}

/// A save done: the reload's outcome and the number of the version it kept.
#[derive(Debug)]
pub struct Saved {
    pub outcome: ReloadOutcome,
    /// The save in the history (what the page links to for undoing it).
    pub version: u64,
}

/// Saves a planned change if the file is still as hashed in `expected_hash` and the
/// result is valid, keeping the file's previous version in `history` (`what`: the edit in
/// the page's words), then reloads the knowledge into `library`. Callers serialize saves.
pub fn save(
    dir: &Path,
    article: &str,
    edit: &Edit,
    expected_hash: &str,
    what: &str,
    history: &History,
    library: &ArcSwap<Library>,
) -> Result<Saved, ChangeError> {
    let plan = plan(dir, article, edit)?;
    if plan.hash != expected_hash.trim() {
        return Err(ChangeError::Changed);
    }
    if let Err(problems) = plan.result {
        return Err(ChangeError::Invalid(problems));
    }
    let version = Version {
        id: 0,
        time: unix_now(),
        file: relative_name(dir, &plan.path),
        what: what.to_string(),
        undoes: None,
        before: plan.old_contents,
        after: plan.new_contents,
    };
    let id = write_keeping_history(&plan.path, &version, history)?;
    log::info!("web page: saved {} ({:?}), version {id}", plan.file_name, plan.edit);
    Ok(Saved {
        outcome: reload_now(dir, library),
        version: id,
    })
}

/// The knowledge file of a version as it is now (its path inside `dir` and contents);
/// `None` when no knowledge file has that path any more.
fn file_of(files: &[KnowledgeFile], dir: &Path, version: &Version) -> Option<usize> {
    files
        .iter()
        .position(|file| relative_name(dir, Path::new(&file.path)) == version.file)
}

/// Whether version `version` can be undone now: its file is still as the save left it.
pub fn undoable(dir: &Path, version: &Version) -> bool {
    let Ok(files) = read_knowledge_files(dir) else {
        return false;
    };
    file_of(&files, dir, version).is_some_and(|index| files[index].contents == version.after)
}

/// Undoes save `id` of `history`: puts its file back as it was before, if the file is
/// still as that save left it and the knowledge with it passes the same validation as
/// `fuer-bot check`. The undo is a save too (kept in the history, so it can be undone),
/// and the knowledge is reloaded into `library`. Callers serialize saves.
pub fn undo(dir: &Path, history: &History, id: u64, library: &ArcSwap<Library>) -> Result<Saved, ChangeError> {
    let version = history
        .get(id)
        .map_err(|error| ChangeError::History(error.to_string()))?
        .ok_or(ChangeError::NoSuchVersion)?;
    let mut files = read_knowledge_files(dir).map_err(ChangeError::Unreadable)?;
    let index = file_of(&files, dir, &version).ok_or(ChangeError::NoSuchVersion)?;
    if files[index].contents != version.after {
        return Err(ChangeError::ChangedSince);
    }
    let path = PathBuf::from(&files[index].path);
    files[index].contents = version.before.clone();
    parse_knowledge(&dir.display().to_string(), &files).map_err(ChangeError::Invalid)?;
    let undo = Version {
        id: 0,
        time: unix_now(),
        file: version.file.clone(),
        what: fuer_core::texts::web_undo_what(&version.what),
        undoes: Some(id),
        before: version.after,
        after: version.before,
    };
    let kept = write_keeping_history(&path, &undo, history)?;
    log::info!("web page: undid version {id} of {} (version {kept})", version.file);
    Ok(Saved {
        outcome: reload_now(dir, library),
        version: kept,
    })
}

/// Keeps `version` in the history, then writes its `after` to `path`; a failed write
/// forgets the version again.
fn write_keeping_history(path: &Path, version: &Version, history: &History) -> Result<u64, ChangeError> {
    let id = history
        .keep(version)
        .map_err(|error| ChangeError::History(error.to_string()))?;
    if let Err(error) = write_atomically(path, &version.after) {
        history.forget(id);
        return Err(ChangeError::Write(error.to_string()));
    }
    Ok(id)
}

/// `path` inside `dir`, `/`-separated (`2024-shenzhen/05-母婴室.toml`).
fn relative_name(dir: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(dir).unwrap_or(path);
    relative
        .components()
        .map(|component| component.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Writes `contents` to a temporary file beside `path`, syncs it, and renames it over
/// `path` (keeping the old file's permissions); the temporary file is removed on failure.
pub(crate) fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Not `.toml`: neither the loader nor the watcher looks at it.
    let mut file = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".web-save.tmp")
        .tempfile_in(dir)?;
    file.write_all(contents.as_bytes())?;
    if let Ok(metadata) = fs::metadata(path) {
        file.as_file().set_permissions(metadata.permissions())?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|error| error.error)?;
    // The rename itself is durable once the directory is synced.
    if let Ok(directory) = fs::File::open(dir) {
        let _ = directory.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn an_atomic_write_replaces_the_file_keeps_its_mode_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("05-母婴室.toml");
        fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomically(&path, "new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(names(dir.path()), ["05-母婴室.toml"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        }
        // A directory in the way of the rename: an error, the temporary file removed.
        let blocked = dir.path().join("blocked.toml");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("inside"), "x").unwrap();
        assert!(write_atomically(&blocked, "new").is_err());
        assert_eq!(names(dir.path()), ["05-母婴室.toml", "blocked.toml"]);
    }
}
