//! The question database: opening it (read-write for the bot, read-only for the reports),
//! bringing an older schema up to date ([`super::schema`]), and recording questions. The
//! reads are in [`super::reads`], retention and deletion in [`super::forget`].
//!
//! An older database is migrated when the bot (or the web page) opens it read-write. A
//! read-only report must not write, so on an older file it migrates an in-memory copy
//! (SQLite's backup API) and reads that: every report reads the same summary tables,
//! whatever the file's version.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags, params};

use super::error::StoreError;
use super::schema::{SCHEMA_VERSION, migrate};
use super::{MAX_STORED_QUESTION_CHARS, QuestionRecord};
use fuer_core::normalize::normalize;

const BUSY_TIMEOUT: Duration = Duration::from_secs(2);
/// Every SQLite database file starts with these 16 bytes.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The question database.
#[derive(Debug)]
pub struct QuestionStore {
    pub(super) connection: Connection,
    path: PathBuf,
    /// Whether this connection may write (the bot's, the web page's); a report's may not.
    pub(super) writable: bool,
}

impl QuestionStore {
    /// Opens (creating the directory and the file if needed) the database at `path`,
    /// in WAL mode, checks that it is a readable database of a known schema version, and
    /// migrates an older schema.
    pub fn open(path: &Path) -> Result<QuestionStore, StoreError> {
        if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|error| {
                StoreError::new(path, format!("cannot create the directory {}", parent.display()), error)
            })?;
        }
        if path.is_dir() {
            return Err(StoreError::new(path, "cannot open", "this is a directory, not a file"));
        }
        let connection = Connection::open(path).map_err(|error| StoreError::sqlite(path, "cannot open", &error))?;
        let store = QuestionStore {
            connection,
            path: path.to_path_buf(),
            writable: true,
        };
        store.prepare()?;
        Ok(store)
    }

    /// Opens the database at `path` for reading only, for the reports: nothing is written,
    /// created or converted, so it works on a read-only copy and beside a running bot. A
    /// file of an older schema is copied into memory and the copy migrated.
    ///
    /// The file is checked before SQLite touches it. `Ok(None)` means no question has been
    /// recorded yet: no such file (or its directory does not exist), an empty file, or a
    /// database without tables.
    pub fn open_read_only(path: &Path) -> Result<Option<QuestionStore>, StoreError> {
        if !check_database_file(path)? {
            return Ok(None);
        }
        // Without a write-ahead log or a rollback journal beside it, everything is in the
        // file itself: open it as immutable, which creates no -wal/-shm files. Otherwise
        // (a bot is running, or was stopped abruptly) read the log too, read-only.
        let with_log = ["-wal", "-journal"].iter().any(|suffix| sibling(path, suffix).exists());
        let absolute = std::fs::canonicalize(path).map_err(|error| StoreError::new(path, "cannot open", error))?;
        let uri = format!(
            "file:{}?{}",
            uri_path(&absolute),
            if with_log { "mode=ro" } else { "immutable=1" }
        );
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection = Connection::open_with_flags(&uri, flags)
            .map_err(|error| StoreError::sqlite(path, "cannot open for reading", &error))?;
        let store = QuestionStore {
            connection,
            path: path.to_path_buf(),
            writable: false,
        };
        store.prepare_read_only()
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(super) fn error(&self, action: &str, error: &rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, action, error)
    }

    /// The schema version, read before anything else: a file that is not a database is
    /// reported clearly here.
    fn schema_version(&self) -> Result<i32, StoreError> {
        self.connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|error| self.error("cannot configure", &error))?;
        self.connection
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|error| self.error("cannot read", &error))
    }

    fn quick_check(&self) -> Result<(), StoreError> {
        let check: String = self
            .connection
            .pragma_query_value(None, "quick_check", |row| row.get(0))
            .map_err(|error| self.error("cannot check", &error))?;
        if check == "ok" {
            Ok(())
        } else {
            Err(StoreError::damaged(&self.path, "integrity check failed", check))
        }
    }

    fn check_questions_table(&self) -> Result<(), StoreError> {
        self.connection
            .query_row("SELECT COUNT(*) FROM questions WHERE id < 0", [], |row| {
                row.get::<_, i64>(0)
            })
            .map(|_| ())
            .map_err(|error| self.error("cannot read the questions table", &error))
    }

    fn too_new(&self, version: i32) -> StoreError {
        StoreError::new(
            &self.path,
            "cannot use",
            format!("schema version {version} is newer than this program's ({SCHEMA_VERSION}); update fuer-bot"),
        )
    }

    /// Migrates the schema from version `from` and sets the current version, in one
    /// transaction.
    fn upgrade(&self, from: i32, action: &str) -> Result<(), StoreError> {
        let connection = &self.connection;
        let run = || -> rusqlite::Result<()> {
            connection.execute_batch("BEGIN IMMEDIATE")?;
            migrate(connection, from)?;
            connection.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"))
        };
        run().map_err(|error| {
            let _ = connection.execute_batch("ROLLBACK");
            self.error(action, &error)
        })
    }

    fn prepare(&self) -> Result<(), StoreError> {
        let connection = &self.connection;
        let version = self.schema_version()?;
        let mode: String = connection
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(|error| self.error("cannot switch to WAL mode", &error))?;
        if !mode.eq_ignore_ascii_case("wal") {
            log::warn!(
                "question database {}: journal mode is {mode}, not WAL",
                self.path.display()
            );
        }
        // Deleted questions are overwritten, not left in free pages (they are personal data).
        connection
            .pragma_update(None, "synchronous", "FULL")
            .and_then(|()| connection.pragma_update(None, "secure_delete", true))
            .map_err(|error| self.error("cannot configure", &error))?;
        self.quick_check()?;
        match version {
            0 => self.upgrade(0, "cannot create the tables"),
            SCHEMA_VERSION => self.check_questions_table(),
            older if (1..SCHEMA_VERSION).contains(&older) => {
                self.upgrade(older, "cannot upgrade the tables")?;
                log::info!(
                    "question database {}: upgraded from schema version {older} to {SCHEMA_VERSION}",
                    self.path.display()
                );
                Ok(())
            }
            other => Err(self.too_new(other)),
        }
    }

    fn prepare_read_only(self) -> Result<Option<QuestionStore>, StoreError> {
        let version = self.schema_version()?;
        self.connection
            .pragma_update(None, "temp_store", "MEMORY")
            .map_err(|error| self.error("cannot configure", &error))?;
        self.quick_check()?;
        match version {
            0 => Ok(None),
            SCHEMA_VERSION => {
                self.check_questions_table()?;
                Ok(Some(self))
            }
            older if (1..SCHEMA_VERSION).contains(&older) => self.migrated_copy(older).map(Some),
            other => Err(self.too_new(other)),
        }
    }

    /// An in-memory copy of this (read-only, older) database, migrated to the current
    /// schema and then made read-only too.
    fn migrated_copy(&self, version: i32) -> Result<QuestionStore, StoreError> {
        let fail = |error: rusqlite::Error| self.error("cannot read the older schema", &error);
        self.check_questions_table()?;
        let mut memory = Connection::open_in_memory().map_err(fail)?;
        Backup::new(&self.connection, &mut memory)
            .and_then(|backup| backup.run_to_completion(1024, Duration::ZERO, None))
            .map_err(fail)?;
        let copy = QuestionStore {
            connection: memory,
            path: self.path.clone(),
            writable: false,
        };
        copy.upgrade(version, "cannot read the older schema")?;
        copy.connection
            .pragma_update(None, "query_only", true)
            .map_err(|error| copy.error("cannot configure", &error))?;
        Ok(copy)
    }

    /// Stores one question, in a transaction.
    pub fn record(&mut self, record: &QuestionRecord) -> Result<(), StoreError> {
        self.record_many(std::slice::from_ref(record))
    }

    /// Stores several questions in one transaction (one sync for all of them).
    pub fn record_many(&mut self, records: &[QuestionRecord]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let fail = |error: rusqlite::Error| StoreError::sqlite(&path, "cannot record a question", &error);
        let transaction = self.connection.transaction().map_err(fail)?;
        {
            let mut insert = transaction
                .prepare_cached(
                    "INSERT INTO questions (asked_at, question, item, score, status, chat_type, normalized, lang, article)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(fail)?;
            for record in records {
                let question: String = record.question.chars().take(MAX_STORED_QUESTION_CHARS).collect();
                insert
                    .execute(params![
                        record.time,
                        question,
                        record.item,
                        f64::from(record.score),
                        record.status.as_str(),
                        record.chat_type,
                        normalize(&question),
                        record.lang.as_str(),
                        record.article
                    ])
                    .map_err(fail)?;
            }
        }
        transaction.commit().map_err(fail)
    }

    /// How many questions are stored.
    pub fn count(&self) -> Result<u64, StoreError> {
        self.connection
            .query_row("SELECT COUNT(*) FROM questions", [], |row| row.get::<_, i64>(0))
            .map(super::reads::to_count)
            .map_err(|error| self.error("cannot count the questions", &error))
    }
}

/// `path` with `suffix` appended to its file name (`x.sqlite3-wal`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A path as the path part of an SQLite `file:` URI (`%`, `?` and `#` escaped).
fn uri_path(path: &Path) -> String {
    let mut escaped = String::new();
    for ch in path.to_string_lossy().chars() {
        match ch {
            '%' => escaped.push_str("%25"),
            '?' => escaped.push_str("%3f"),
            '#' => escaped.push_str("%23"),
            _ => escaped.push(ch),
        }
    }
    escaped
}

/// Looks at the file before SQLite does. `Ok(false)`: there is nothing to read (no file, no
/// data directory, or an empty file). An error: not a regular file, unreadable, or not an
/// SQLite database.
fn check_database_file(path: &Path) -> Result<bool, StoreError> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(StoreError::new(path, "cannot open", error)),
    };
    if !metadata.is_file() {
        return Err(StoreError::new(path, "cannot open", "this is not a regular file"));
    }
    if metadata.len() == 0 {
        return Ok(false);
    }
    let mut header = Vec::with_capacity(SQLITE_HEADER.len());
    std::fs::File::open(path)
        .and_then(|file| file.take(SQLITE_HEADER.len() as u64).read_to_end(&mut header))
        .map_err(|error| StoreError::new(path, "cannot read", error))?;
    if header != SQLITE_HEADER {
        return Err(StoreError::damaged(path, "cannot read", "file is not a database"));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_escape_what_sqlite_would_parse() {
        assert_eq!(
            uri_path(Path::new("/data/问题?#%.sqlite3")),
            "/data/问题%3f%23%25.sqlite3"
        );
        assert_eq!(
            sibling(Path::new("/d/fuer-bot.sqlite3"), "-wal"),
            Path::new("/d/fuer-bot.sqlite3-wal")
        );
    }
}
