//! [`StoreError`]: a problem with the question database, naming the file, with a hint for
//! the admin where one helps. Messages are English (they go to logs and the terminal).

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// A problem with the question database, naming the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("question database {}: {action}: {cause}{}", path.display(), hint_text(*hint))]
pub struct StoreError {
    path: PathBuf,
    action: String,
    cause: String,
    hint: Option<&'static str>,
    damaged: bool,
}

/// The hint for a file that is not a (healthy) SQLite database.
const DAMAGED_HINT: &str = "the file is damaged or is not a SQLite database: move it aside (e.g. rename it to .bad) and restart; a new database is created";

impl StoreError {
    pub(crate) fn new(path: &Path, action: impl Into<String>, cause: impl fmt::Display) -> StoreError {
        StoreError {
            path: path.to_path_buf(),
            action: action.into(),
            cause: cause.to_string(),
            hint: None,
            damaged: false,
        }
    }

    /// A file that is damaged or not a database at all.
    pub(crate) fn damaged(path: &Path, action: impl Into<String>, cause: impl fmt::Display) -> StoreError {
        StoreError {
            hint: Some(DAMAGED_HINT),
            damaged: true,
            ..StoreError::new(path, action, cause)
        }
    }

    pub(crate) fn sqlite(path: &Path, action: impl Into<String>, error: &rusqlite::Error) -> StoreError {
        let code = error.sqlite_error_code();
        let damaged = matches!(code, Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt));
        let hint = match code {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Some(DAMAGED_HINT),
            Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
                Some("check that the data directory (DATA_DIR) exists and is writable")
            }
            Some(ErrorCode::DiskFull) => Some("the disk is full"),
            _ => None,
        };
        StoreError {
            hint,
            damaged,
            ..StoreError::new(path, action, error)
        }
    }

    /// Whether the file is damaged or not a database (rather than, say, unwritable).
    pub fn is_damaged(&self) -> bool {
        self.damaged
    }

    /// The database file concerned.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// ` (hint)` after the message, when there is one.
fn hint_text(hint: Option<&'static str>) -> String {
    hint.map(|hint| format!(" ({hint})")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_the_action_the_cause_and_a_hint() {
        let plain = StoreError::new(Path::new("/d/q.sqlite3"), "cannot open", "this is a directory");
        assert_eq!(
            plain.to_string(),
            "question database /d/q.sqlite3: cannot open: this is a directory"
        );
        let damaged = StoreError::damaged(Path::new("/d/q.sqlite3"), "cannot read", "file is not a database");
        assert_eq!(
            damaged.to_string(),
            format!("question database /d/q.sqlite3: cannot read: file is not a database ({DAMAGED_HINT})")
        );
    }
}
