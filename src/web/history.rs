//! The history of the knowledge files' saves from the web page: every save (and every undo,
//! which is a save too) first keeps the version it replaces, so the page can show what a
//! save changed and put the file back in one click.
//!
//! The versions live in `DATA_DIR/knowledge-history/`, outside the knowledge directory (the
//! loader and the watcher never see them, and a checkout's tracked files never change for
//! them): one JSON file per save, `v000123.json`, numbered in order, holding the time, the
//! file (its path inside `KNOWLEDGE_DIR`), what the save did in words, the file before and
//! after. No name, session or address: admins are not recorded. The last
//! [`KEPT_VERSIONS`] are kept; older ones are deleted after each save.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The folder of the history, in the data directory.
pub const HISTORY_DIR_NAME: &str = "knowledge-history";
/// How many saves are kept.
pub const KEPT_VERSIONS: usize = 50;

/// One save: the file before and after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    /// Its number (the file `v{id:06}.json`); later saves have higher numbers.
    #[serde(skip)]
    pub id: u64,
    /// When it was saved (UTC unix seconds).
    pub time: i64,
    /// The file's path inside the knowledge directory, `/`-separated
    /// (`2024-shenzhen/05-母婴室.toml`, `synonyms.toml`).
    pub file: String,
    /// What the save did, in the page's words (第5件 母婴室：加关键词“集乳室”).
    pub what: String,
    /// The save this one undid, if it is an undo.
    #[serde(default)]
    pub undoes: Option<u64>,
    pub before: String,
    pub after: String,
}

/// A history kept in a folder.
#[derive(Debug, Clone)]
pub struct History {
    dir: PathBuf,
}

/// Why the history cannot be read or written.
#[derive(Debug, thiserror::Error)]
#[error("the knowledge history in {dir}: {reason}")]
pub struct HistoryError {
    pub dir: String,
    pub reason: String,
}

/// The file name of version `id`.
fn file_name(id: u64) -> String {
    format!("v{id:06}.json")
}

/// The number of a version file's name, if it is one (`v000123.json`).
fn id_of(name: &str) -> Option<u64> {
    let digits = name.strip_prefix('v')?.strip_suffix(".json")?;
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

impl History {
    /// The history of the data directory `data_dir` (created at the first save).
    pub fn in_data_dir(data_dir: &Path) -> History {
        History {
            dir: data_dir.join(HISTORY_DIR_NAME),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn error(&self, reason: impl ToString) -> HistoryError {
        HistoryError {
            dir: self.dir.display().to_string(),
            reason: reason.to_string(),
        }
    }

    /// The numbers of the versions kept, oldest first (none when the folder is missing).
    fn ids(&self) -> Result<Vec<u64>, HistoryError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(self.error(error)),
        };
        let mut ids: Vec<u64> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| id_of(&entry.file_name().to_string_lossy()))
            .collect();
        ids.sort_unstable();
        Ok(ids)
    }

    /// Version `id`, if it is kept and readable.
    pub fn get(&self, id: u64) -> Result<Option<Version>, HistoryError> {
        let path = self.dir.join(file_name(id));
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(self.error(format!("{}: {error}", path.display()))),
        };
        let mut version: Version =
            serde_json::from_str(&text).map_err(|error| self.error(format!("{}: {error}", path.display())))?;
        version.id = id;
        Ok(Some(version))
    }

    /// Every version kept, newest first; an unreadable file is logged and left out.
    pub fn list(&self) -> Result<Vec<Version>, HistoryError> {
        let mut versions = Vec::new();
        for id in self.ids()?.into_iter().rev() {
            match self.get(id) {
                Ok(Some(version)) => versions.push(version),
                Ok(None) => {}
                Err(error) => log::warn!("web page: skipping a version: {error}"),
            }
        }
        Ok(versions)
    }

    /// Keeps `version` (its `id` is ignored) as the newest; returns its number. Written to
    /// a temporary file and linked into place without replacing another (two processes
    /// saving at once get two numbers), then the oldest beyond [`KEPT_VERSIONS`] go.
    pub fn keep(&self, version: &Version) -> Result<u64, HistoryError> {
        crate::data_dir::create_data_dir(&self.dir).map_err(|reason| self.error(reason))?;
        let json = serde_json::to_string_pretty(version).map_err(|error| self.error(error))?;
        let mut id = self.ids()?.last().map_or(1, |last| last + 1);
        let id = loop {
            let mut file = tempfile::Builder::new()
                .prefix(".version.")
                .suffix(".tmp")
                .tempfile_in(&self.dir)
                .map_err(|error| self.error(crate::data_dir::unwritable(&self.dir, &error)))?;
            file.write_all(json.as_bytes())
                .and_then(|()| file.as_file().sync_all())
                .map_err(|error| self.error(error))?;
            match file.persist_noclobber(self.dir.join(file_name(id))) {
                Ok(_) => break id,
                Err(error) if error.error.kind() == ErrorKind::AlreadyExists => id += 1,
                Err(error) => return Err(self.error(error.error)),
            }
        };
        self.prune();
        Ok(id)
    }

    /// Forgets version `id` (a save that kept it and then failed to write its file).
    pub fn forget(&self, id: u64) {
        let _ = fs::remove_file(self.dir.join(file_name(id)));
    }

    /// Deletes the oldest versions beyond [`KEPT_VERSIONS`].
    fn prune(&self) {
        let Ok(ids) = self.ids() else {
            return;
        };
        let excess = ids.len().saturating_sub(KEPT_VERSIONS);
        for id in &ids[..excess] {
            if let Err(error) = fs::remove_file(self.dir.join(file_name(*id))) {
                log::warn!("web page: cannot delete an old version of the knowledge: {error}");
            }
        }
    }
}

/// One line of a change, for the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    /// `-` removed, `+` added, ` ` unchanged (context), `…` lines left out.
    pub sign: char,
    /// The line's number in the file before (`-`, ` `) or after (`+`).
    pub number: usize,
    pub text: String,
}

/// The lines a save changed, with two lines of context around each change.
pub fn diff(before: &str, after: &str) -> Vec<DiffLine> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_lines(before, after);
    let mut lines = Vec::new();
    for (index, group) in diff.grouped_ops(2).iter().enumerate() {
        if index > 0 {
            lines.push(DiffLine {
                sign: '…',
                number: 0,
                text: String::new(),
            });
        }
        for op in group {
            for change in diff.iter_changes(op) {
                let (sign, number) = match change.tag() {
                    ChangeTag::Delete => ('-', change.old_index()),
                    ChangeTag::Insert => ('+', change.new_index()),
                    ChangeTag::Equal => (' ', change.old_index()),
                };
                lines.push(DiffLine {
                    sign,
                    number: number.map_or(0, |index| index + 1),
                    text: change.value().trim_end_matches(['\n', '\r']).to_string(),
                });
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(what: &str) -> Version {
        Version {
            id: 0,
            time: 1_700_000_000,
            file: "2024-shenzhen/05-母婴室.toml".to_string(),
            what: what.to_string(),
            undoes: None,
            before: "a\n".to_string(),
            after: "a\nb\n".to_string(),
        }
    }

    #[test]
    fn versions_are_numbered_in_order_and_the_last_fifty_kept() {
        let data = tempfile::tempdir().unwrap();
        let history = History::in_data_dir(data.path());
        assert!(history.list().unwrap().is_empty(), "no folder yet: no versions");
        for number in 1..=KEPT_VERSIONS + 5 {
            let id = history.keep(&version(&format!("save {number}"))).unwrap();
            assert_eq!(id, number as u64);
        }
        let versions = history.list().unwrap();
        assert_eq!(versions.len(), KEPT_VERSIONS);
        assert_eq!(versions[0].id, (KEPT_VERSIONS + 5) as u64, "newest first");
        assert_eq!(versions[0].what, format!("save {}", KEPT_VERSIONS + 5));
        assert_eq!(versions.last().unwrap().id, 6, "the five oldest are gone");
        assert_eq!(history.get(5).unwrap(), None);
        let kept = history.get(6).unwrap().unwrap();
        assert_eq!(
            (kept.id, kept.before.as_str(), kept.after.as_str()),
            (6, "a\n", "a\nb\n")
        );
        // Only version files and nothing else in the folder.
        let names: Vec<String> = fs::read_dir(history.dir())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|name| id_of(name).is_some()), "{names:?}");
    }

    #[test]
    fn a_damaged_version_is_left_out_and_other_files_ignored() {
        let data = tempfile::tempdir().unwrap();
        let history = History::in_data_dir(data.path());
        history.keep(&version("one")).unwrap();
        fs::write(history.dir().join("v000002.json"), "{not json").unwrap();
        fs::write(history.dir().join("notes.txt"), "x").unwrap();
        fs::write(history.dir().join("v12x.json"), "x").unwrap();
        let versions = history.list().unwrap();
        assert_eq!(versions.iter().map(|version| version.id).collect::<Vec<_>>(), [1]);
        assert_eq!(
            history.keep(&version("three")).unwrap(),
            3,
            "numbers go on after the damaged one"
        );
    }

    #[test]
    fn version_file_names() {
        // (name, number)
        for (name, id) in [
            ("v000001.json", Some(1)),
            ("v1234567.json", Some(1_234_567)),
            ("v.json", None),
            ("v-1.json", None),
            ("w000001.json", None),
            ("v000001.json.tmp", None),
            (".version.abc.tmp", None),
        ] {
            assert_eq!(id_of(name), id, "{name}");
        }
        assert_eq!(file_name(7), "v000007.json");
    }

    #[test]
    fn a_diff_shows_the_changed_lines_with_their_numbers() {
        let before = "number = 5\ntitle = \"母婴室\"\nkeywords = [\"母婴室\"]\n\n[[facts]]\ntext = \"x\"\n";
        let after = "number = 5\ntitle = \"母婴室\"\nkeywords = [\"母婴室\", \"集乳室\"]\n\n[[facts]]\ntext = \"x\"\n";
        let lines = diff(before, after);
        let changed: Vec<(char, usize, &str)> = lines
            .iter()
            .filter(|line| line.sign != ' ')
            .map(|line| (line.sign, line.number, line.text.as_str()))
            .collect();
        assert_eq!(
            changed,
            [
                ('-', 3, "keywords = [\"母婴室\"]"),
                ('+', 3, "keywords = [\"母婴室\", \"集乳室\"]")
            ]
        );
        assert_eq!(lines.first().map(|line| line.number), Some(1), "two lines of context");
        assert!(diff("same\n", "same\n").is_empty());
    }
}
