//! The question database: opening it (read-write for the bot, read-only for the reports),
//! its schema and migrations, and every SQL query of the program.
//!
//! Schema history (`PRAGMA user_version`):
//! - 1: `questions` with a `declined` flag (0/1).
//! - 2: `questions` with `status` (`answered`, `related`, `declined`) instead of the flag.
//! - 3: `questions.normalized` (the question's normalized form) and three summary tables
//!   kept by a trigger on every insert, so that the admin web page reads a few thousand
//!   rows instead of scanning a million: `day_totals` (per local day, item, status and
//!   low confidence), `unanswered_days` (per local day and normalized question, for the
//!   declined, related and low-confidence ones), `question_totals` (per normalized
//!   question) and `unanswered_recent` (per normalized question, the unanswered ones since
//!   the day in `summary_state`: the web page's 30 days, moved forward day by day by
//!   subtracting the days that leave the period).
//!
//! An older database is migrated when the bot (or the web page) opens it read-write; a
//! read-only report on a version-1 file reads it through a temporary view instead, since
//! it must not write (the reports read only `questions`, so a version-2 file is read as
//! it is).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::error::StoreError;
use super::time::{SECONDS_PER_DAY, local_day_start, unanswered_since};
use super::{
    AskedQuestion, DayCount, ItemCount, LOW_CONFIDENCE_SCORE, MAX_REPORT_DAYS, MAX_STORED_QUESTION_CHARS, Overview,
    PeriodStats, QuestionRecord, RecordStatus, Stats, TOP_ITEMS, UnansweredQuestion,
};
use fuer_core::normalize::normalize;

/// The schema version stored in SQLite's `user_version`.
pub const SCHEMA_VERSION: i32 = 3;
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);
/// Every SQLite database file starts with these 16 bytes.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

const CREATE_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY,
    asked_at INTEGER NOT NULL,          -- UTC unix seconds
    question TEXT NOT NULL,
    item INTEGER,                       -- the matched item number; NULL when none
    score REAL NOT NULL,                -- the engine's confidence, 0-1
    status TEXT NOT NULL CHECK (status IN ('answered', 'related', 'declined')),
    chat_type TEXT NOT NULL,            -- private, group, supergroup, channel, console
    normalized TEXT NOT NULL DEFAULT '' -- the question after fuer_core::normalize (schema 3)
);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);
";

/// The summary tables of schema version 3 (see the module documentation). Days are
/// 00:00 China Standard Time as UTC unix seconds, like `local_day_start`; `item` 0 means
/// no item. The trigger that fills them is [`summary_trigger`].
const CREATE_SUMMARIES: &str = "
CREATE TABLE IF NOT EXISTS day_totals (
    day INTEGER NOT NULL,
    item INTEGER NOT NULL,
    status TEXT NOT NULL,
    low_confidence INTEGER NOT NULL,    -- 1: answered about an item with a low score
    questions INTEGER NOT NULL,
    PRIMARY KEY (day, item, status, low_confidence)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unanswered_days (
    day INTEGER NOT NULL,
    normalized TEXT NOT NULL,
    questions INTEGER NOT NULL,
    declined INTEGER NOT NULL,
    related INTEGER NOT NULL,
    last_asked INTEGER NOT NULL,
    wording TEXT NOT NULL,              -- the latest wording
    PRIMARY KEY (day, normalized)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS question_totals (
    normalized TEXT PRIMARY KEY,
    questions INTEGER NOT NULL,
    last_asked INTEGER NOT NULL,
    wording TEXT NOT NULL               -- the latest wording
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS question_totals_by_count ON question_totals (questions DESC, last_asked DESC);
CREATE TABLE IF NOT EXISTS unanswered_recent (
    normalized TEXT PRIMARY KEY,
    questions INTEGER NOT NULL,
    declined INTEGER NOT NULL,
    related INTEGER NOT NULL,
    last_asked INTEGER NOT NULL,
    wording TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS unanswered_recent_by_count ON unanswered_recent (questions DESC, last_asked DESC);
CREATE TABLE IF NOT EXISTS summary_state (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
";

/// The name in `summary_state` of the first day `unanswered_recent` counts from.
const RECENT_FROM: &str = "recent_from";

/// `asked_at` → the local day's start, in SQL (as [`local_day_start`] for times after 1970).
const SQL_DAY: &str = "((asked_at + 28800) / 86400) * 86400 - 28800";

/// The SQL condition of a question that counts as unanswered: declined, related, or
/// answered about an item with a score below [`LOW_CONFIDENCE_SCORE`].
fn sql_unanswered(prefix: &str) -> String {
    format!(
        "({prefix}status IN ('declined', 'related') OR ({prefix}status = 'answered' AND {prefix}item IS NOT NULL AND {prefix}score < {}))",
        f64::from(LOW_CONFIDENCE_SCORE)
    )
}

/// The SQL condition of a low-confidence answer.
fn sql_low_confidence(prefix: &str) -> String {
    format!(
        "({prefix}status = 'answered' AND {prefix}item IS NOT NULL AND {prefix}score < {})",
        f64::from(LOW_CONFIDENCE_SCORE)
    )
}

/// The trigger that keeps the summary tables up to date on every insert.
fn summary_trigger() -> String {
    let day = SQL_DAY.replace("asked_at", "NEW.asked_at");
    let unanswered = sql_unanswered("NEW.");
    let low = sql_low_confidence("NEW.");
    format!(
        "CREATE TRIGGER IF NOT EXISTS questions_summaries AFTER INSERT ON questions BEGIN
    INSERT INTO day_totals (day, item, status, low_confidence, questions)
        VALUES ({day}, COALESCE(NEW.item, 0), NEW.status, {low}, 1)
        ON CONFLICT DO UPDATE SET questions = questions + 1;
    INSERT INTO unanswered_days (day, normalized, questions, declined, related, last_asked, wording)
        SELECT {day}, NEW.normalized, 1, NEW.status = 'declined', NEW.status = 'related', NEW.asked_at, NEW.question
        WHERE NEW.normalized <> '' AND {unanswered}
        ON CONFLICT DO UPDATE SET
            questions = questions + 1,
            declined = declined + excluded.declined,
            related = related + excluded.related,
            wording = CASE WHEN excluded.last_asked >= last_asked THEN excluded.wording ELSE wording END,
            last_asked = MAX(last_asked, excluded.last_asked);
    INSERT INTO unanswered_recent (normalized, questions, declined, related, last_asked, wording)
        SELECT NEW.normalized, 1, NEW.status = 'declined', NEW.status = 'related', NEW.asked_at, NEW.question
        WHERE NEW.normalized <> '' AND {unanswered}
          AND {day} >= COALESCE((SELECT value FROM summary_state WHERE name = '{RECENT_FROM}'), 9223372036854775807)
        ON CONFLICT DO UPDATE SET
            questions = questions + 1,
            declined = declined + excluded.declined,
            related = related + excluded.related,
            wording = CASE WHEN excluded.last_asked >= last_asked THEN excluded.wording ELSE wording END,
            last_asked = MAX(last_asked, excluded.last_asked);
    INSERT INTO question_totals (normalized, questions, last_asked, wording)
        SELECT NEW.normalized, 1, NEW.asked_at, NEW.question WHERE NEW.normalized <> ''
        ON CONFLICT DO UPDATE SET
            questions = questions + 1,
            wording = CASE WHEN excluded.last_asked >= last_asked THEN excluded.wording ELSE wording END,
            last_asked = MAX(last_asked, excluded.last_asked);
END;"
    )
}

/// Fills the summary tables from the `questions` already recorded (after the migration
/// to version 3 has filled `normalized`).
fn backfill_summaries() -> String {
    let unanswered = sql_unanswered("");
    let low = sql_low_confidence("");
    format!(
        "INSERT INTO day_totals (day, item, status, low_confidence, questions)
    SELECT {SQL_DAY} AS d, COALESCE(item, 0) AS i, status, {low} AS l, COUNT(*)
    FROM questions GROUP BY d, i, status, l;
INSERT INTO unanswered_days (day, normalized, questions, declined, related, last_asked, wording)
    SELECT {SQL_DAY} AS d, normalized, COUNT(*), SUM(status = 'declined'), SUM(status = 'related'),
           MAX(asked_at), question
    FROM questions WHERE normalized <> '' AND {unanswered} GROUP BY d, normalized;
INSERT INTO question_totals (normalized, questions, last_asked, wording)
    SELECT normalized, COUNT(*), MAX(asked_at), question
    FROM questions WHERE normalized <> '' GROUP BY normalized;"
    )
}

/// Version 1 → 2: the `declined` flag becomes the `status` column (a declined question
/// is `declined`, every other one `answered`). Rebuilds the table, keeping the ids.
const MIGRATE_1_TO_2: &str = "
CREATE TABLE questions_v2 (
    id INTEGER PRIMARY KEY,
    asked_at INTEGER NOT NULL,
    question TEXT NOT NULL,
    item INTEGER,
    score REAL NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('answered', 'related', 'declined')),
    chat_type TEXT NOT NULL
);
INSERT INTO questions_v2 (id, asked_at, question, item, score, status, chat_type)
    SELECT id, asked_at, question, item, score,
           CASE WHEN declined = 1 THEN 'declined' ELSE 'answered' END, chat_type
    FROM questions;
DROP TABLE questions;
ALTER TABLE questions_v2 RENAME TO questions;
CREATE INDEX questions_asked_at ON questions (asked_at);
";

/// Version 2 → 3, first step: the `normalized` column (filled in by the program, since
/// normalizing is Rust code), then the summary tables.
const MIGRATE_2_TO_3: &str = "
ALTER TABLE questions ADD COLUMN normalized TEXT NOT NULL DEFAULT '';
";

/// For read-only reports on a version-1 file: a temporary view named like the table (temp
/// objects shadow the main database's), so the queries below work unchanged.
const VERSION_1_VIEW: &str = "
CREATE TEMP VIEW questions AS
    SELECT id, asked_at, question, item, score,
           CASE WHEN declined = 1 THEN 'declined' ELSE 'answered' END AS status, chat_type
    FROM main.questions;
";

/// The question database.
#[derive(Debug)]
pub struct QuestionStore {
    connection: Connection,
    path: PathBuf,
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
        };
        store.prepare()?;
        Ok(store)
    }

    /// Opens the database at `path` for reading only, for the reports: nothing is written,
    /// created or converted, so it works on a read-only copy and beside a running bot.
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
        };
        store.prepare_read_only()
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, action: &str, error: &rusqlite::Error) -> StoreError {
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

    /// Runs the `steps`, creates the summary tables and their trigger (filling them from
    /// the questions already recorded when `backfill`), and sets the schema version, in
    /// one transaction.
    fn upgrade(&self, steps: &[&str], backfill: bool, action: &str) -> Result<(), StoreError> {
        let connection = &self.connection;
        let run = || -> rusqlite::Result<()> {
            connection.execute_batch("BEGIN IMMEDIATE")?;
            for step in steps {
                connection.execute_batch(step)?;
            }
            connection.execute_batch(CREATE_SUMMARIES)?;
            if backfill {
                let mut select = connection.prepare("SELECT id, question FROM questions")?;
                let mut update = connection.prepare("UPDATE questions SET normalized = ?2 WHERE id = ?1")?;
                let mut rows = select.query([])?;
                while let Some(row) = rows.next()? {
                    let id: i64 = row.get(0)?;
                    let question: String = row.get(1)?;
                    update.execute(params![id, normalize(&question)])?;
                }
                connection.execute_batch(&backfill_summaries())?;
            }
            connection.execute_batch(&summary_trigger())?;
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
        connection
            .pragma_update(None, "synchronous", "FULL")
            .map_err(|error| self.error("cannot configure", &error))?;
        self.quick_check()?;
        match version {
            0 => self.upgrade(&[CREATE_SCHEMA], false, "cannot create the tables"),
            1 | 2 => {
                let steps: &[&str] = if version == 1 {
                    &[MIGRATE_1_TO_2, MIGRATE_2_TO_3]
                } else {
                    &[MIGRATE_2_TO_3]
                };
                self.upgrade(steps, true, "cannot upgrade the tables")?;
                log::info!(
                    "question database {}: upgraded from schema version {version} to {SCHEMA_VERSION}",
                    self.path.display()
                );
                Ok(())
            }
            SCHEMA_VERSION => self.check_questions_table(),
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
            0 => return Ok(None),
            1 => self
                .connection
                .execute_batch(VERSION_1_VIEW)
                .map_err(|error| self.error("cannot read the questions table", &error))?,
            2 | SCHEMA_VERSION => {}
            other => return Err(self.too_new(other)),
        }
        self.check_questions_table()?;
        Ok(Some(self))
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
                    "INSERT INTO questions (asked_at, question, item, score, status, chat_type, normalized)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
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
                        normalize(&question)
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
            .map(count)
            .map_err(|error| self.error("cannot count the questions", &error))
    }

    /// Counts for today, the last 7 days and all time (days in China Standard Time).
    pub fn stats(&self, now: i64) -> Result<Stats, StoreError> {
        let today_start = local_day_start(now);
        Ok(Stats {
            now,
            today: self.period_stats(today_start, now)?,
            last_7_days: self.period_stats(today_start - 6 * SECONDS_PER_DAY, now)?,
            all_time: self.period_stats(i64::MIN, now)?,
        })
    }

    /// Counts for questions asked in `from..=to`.
    pub fn period_stats(&self, from: i64, to: i64) -> Result<PeriodStats, StoreError> {
        let fail = |error: rusqlite::Error| self.error("cannot compute the stats", &error);
        let (questions, answered, related, declined, low_confidence): (i64, i64, i64, i64, i64) = self
            .connection
            .query_row(
                "SELECT COUNT(*),
                        COALESCE(SUM(status = 'answered'), 0),
                        COALESCE(SUM(status = 'related'), 0),
                        COALESCE(SUM(status = 'declined'), 0),
                        COALESCE(SUM(status = 'answered' AND item IS NOT NULL AND score < ?3), 0)
                 FROM questions WHERE asked_at BETWEEN ?1 AND ?2",
                params![from, to, f64::from(LOW_CONFIDENCE_SCORE)],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
            )
            .map_err(fail)?;
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT item, COUNT(*) AS asked FROM questions
                 WHERE asked_at BETWEEN ?1 AND ?2 AND item IS NOT NULL AND status != 'declined'
                 GROUP BY item ORDER BY asked DESC, item ASC LIMIT ?3",
            )
            .map_err(fail)?;
        let top_items = statement
            .query_map(params![from, to, TOP_ITEMS as i64], |row| {
                Ok(ItemCount {
                    item: row.get(0)?,
                    count: count(row.get(1)?),
                })
            })
            .map_err(fail)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)?;
        Ok(PeriodStats {
            questions: count(questions),
            answered: count(answered),
            related: count(related),
            declined: count(declined),
            low_confidence: count(low_confidence),
            top_items,
        })
    }

    /// The questions of each of the last `days` local days (today included, China Standard
    /// Time), oldest first, one entry per day (zero for days without questions). `days` is
    /// taken within 1..=[`MAX_REPORT_DAYS`].
    pub fn questions_per_day(&self, now: i64, days: u32) -> Result<Vec<DayCount>, StoreError> {
        let days = days.clamp(1, MAX_REPORT_DAYS);
        let first_day = unanswered_since(now, days);
        let mut result = empty_days(first_day, days);
        let fail = |error: rusqlite::Error| self.error("cannot count the questions per day", &error);
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT (asked_at - ?1) / 86400 AS day, COUNT(*),
                        SUM(status = 'answered'), SUM(status = 'related'), SUM(status = 'declined')
                 FROM questions WHERE asked_at BETWEEN ?1 AND ?2
                 GROUP BY day ORDER BY day",
            )
            .map_err(fail)?;
        let rows = statement
            .query_map(params![first_day, now], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, i64>(4)?,
                ))
            })
            .map_err(fail)?;
        for row in rows {
            let (day, questions, answered, related, declined) = row.map_err(fail)?;
            let entry = usize::try_from(day).ok().and_then(|day| result.get_mut(day));
            if let Some(entry) = entry {
                entry.questions = count(questions);
                entry.answered = count(answered);
                entry.related = count(related);
                entry.declined = count(declined);
            }
        }
        Ok(result)
    }

    /// The admin web page's overview of the last `days` local days (today included, China
    /// Standard Time), from the summary table `day_totals`: questions per day (oldest
    /// first, zero for days without questions), the totals, and the most asked items.
    /// Reads at most a few dozen rows per day, whatever the number of questions.
    pub fn overview(&self, now: i64, days: u32, top_items: usize) -> Result<Overview, StoreError> {
        let days = days.clamp(1, MAX_REPORT_DAYS);
        let first_day = unanswered_since(now, days);
        let mut per_day = empty_days(first_day, days);
        let mut totals = PeriodStats::default();
        let mut items: HashMap<u8, u64> = HashMap::new();
        let fail = |error: rusqlite::Error| self.error("cannot read the overview", &error);
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT day, item, status, low_confidence, questions FROM day_totals
                 WHERE day BETWEEN ?1 AND ?2",
            )
            .map_err(fail)?;
        let rows = statement
            .query_map(params![first_day, local_day_start(now)], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, bool>(3)?,
                    row.get::<_, i64>(4)?,
                ))
            })
            .map_err(fail)?;
        for row in rows {
            let (day, item, status, low_confidence, questions) = row.map_err(fail)?;
            let questions = count(questions);
            let status = RecordStatus::parse(&status);
            let index = usize::try_from((day - first_day) / SECONDS_PER_DAY).ok();
            if let Some(entry) = index.and_then(|index| per_day.get_mut(index)) {
                entry.questions += questions;
                match status {
                    Some(RecordStatus::Answered) => entry.answered += questions,
                    Some(RecordStatus::Related) => entry.related += questions,
                    Some(RecordStatus::Declined) => entry.declined += questions,
                    None => {}
                }
            }
            totals.questions += questions;
            match status {
                Some(RecordStatus::Answered) => totals.answered += questions,
                Some(RecordStatus::Related) => totals.related += questions,
                Some(RecordStatus::Declined) => totals.declined += questions,
                None => {}
            }
            if low_confidence {
                totals.low_confidence += questions;
            }
            if let Ok(item) = u8::try_from(item)
                && item > 0
                && status != Some(RecordStatus::Declined)
            {
                *items.entry(item).or_default() += questions;
            }
        }
        let mut ranked: Vec<ItemCount> = items
            .into_iter()
            .map(|(item, count)| ItemCount { item, count })
            .collect();
        ranked.sort_by(|a, b| b.count.cmp(&a.count).then(a.item.cmp(&b.item)));
        ranked.truncate(top_items);
        totals.top_items = ranked;
        Ok(Overview { days: per_day, totals })
    }

    /// The most frequent questions since the local day of `since` that were declined,
    /// answered with related content only, or answered with low confidence (as
    /// [`QuestionStore::unanswered`]): grouped by their normalized form, most frequent
    /// first (then most recent), each with its latest wording.
    ///
    /// Read from `unanswered_recent` by its index. That table counts from one day on; when
    /// `since` is a later day (a day has passed), the days that left the period are
    /// subtracted first (a few thousand rows a day at most); another period rebuilds it
    /// from `unanswered_days`. So this needs a database opened read-write.
    pub fn frequent_unanswered(&self, limit: usize, since: i64) -> Result<Vec<UnansweredQuestion>, StoreError> {
        let fail = |error: rusqlite::Error| self.error("cannot list the unanswered questions", &error);
        self.move_recent_period(local_day_start(since)).map_err(fail)?;
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT normalized, questions, declined, related, last_asked, wording FROM unanswered_recent
                 ORDER BY questions DESC, last_asked DESC, normalized LIMIT ?1",
            )
            .map_err(fail)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        statement
            .query_map(params![limit], |row| {
                Ok(UnansweredQuestion {
                    normalized: row.get(0)?,
                    count: count(row.get(1)?),
                    declined: count(row.get(2)?),
                    related: count(row.get(3)?),
                    last_asked: row.get(4)?,
                    text: row.get::<_, String>(5)?.trim().to_string(),
                })
            })
            .map_err(fail)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)
    }

    /// Makes `unanswered_recent` count from the day `from` (see
    /// [`QuestionStore::frequent_unanswered`]), in one transaction.
    fn move_recent_period(&self, from: i64) -> rusqlite::Result<()> {
        let connection = &self.connection;
        let current: Option<i64> = connection
            .query_row(
                "SELECT value FROM summary_state WHERE name = ?1",
                params![RECENT_FROM],
                |row| row.get(0),
            )
            .optional()?;
        if current == Some(from) {
            return Ok(());
        }
        let run = || -> rusqlite::Result<()> {
            connection.execute_batch("BEGIN IMMEDIATE")?;
            // Another process may have moved it meanwhile.
            let current: Option<i64> = connection
                .query_row(
                    "SELECT value FROM summary_state WHERE name = ?1",
                    params![RECENT_FROM],
                    |row| row.get(0),
                )
                .optional()?;
            match current {
                Some(current) if current == from => {}
                Some(current) if current < from => {
                    connection.execute(
                        "UPDATE unanswered_recent
                         SET questions = unanswered_recent.questions - gone.asked,
                             declined = unanswered_recent.declined - gone.gone_declined,
                             related = unanswered_recent.related - gone.gone_related
                         FROM (SELECT normalized AS gone_normalized, SUM(questions) AS asked,
                                      SUM(declined) AS gone_declined, SUM(related) AS gone_related
                               FROM unanswered_days WHERE day >= ?1 AND day < ?2 GROUP BY normalized) AS gone
                         WHERE unanswered_recent.normalized = gone.gone_normalized",
                        params![current, from],
                    )?;
                    connection.execute("DELETE FROM unanswered_recent WHERE questions <= 0", [])?;
                }
                _ => {
                    connection.execute("DELETE FROM unanswered_recent", [])?;
                    connection.execute(
                        "INSERT INTO unanswered_recent (normalized, questions, declined, related, last_asked, wording)
                         SELECT normalized, SUM(questions), SUM(declined), SUM(related), MAX(last_asked), wording
                         FROM unanswered_days WHERE day >= ?1 GROUP BY normalized",
                        params![from],
                    )?;
                }
            }
            connection.execute(
                "INSERT INTO summary_state (name, value) VALUES (?1, ?2)
                 ON CONFLICT DO UPDATE SET value = excluded.value",
                params![RECENT_FROM, from],
            )?;
            connection.execute_batch("COMMIT")
        };
        run().inspect_err(|_| {
            let _ = connection.execute_batch("ROLLBACK");
        })
    }

    /// The `limit` most frequently asked questions of all time (one latest wording per
    /// normalized form) with how often each was asked, most frequent first; from the
    /// summary table `question_totals` by its index.
    pub fn frequent_questions(&self, limit: usize) -> Result<Vec<AskedQuestion>, StoreError> {
        let fail = |error: rusqlite::Error| self.error("cannot list the recorded questions", &error);
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT wording, questions FROM question_totals
                 ORDER BY questions DESC, last_asked DESC LIMIT ?1",
            )
            .map_err(fail)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        statement
            .query_map(params![limit], |row| {
                Ok(AskedQuestion {
                    text: row.get(0)?,
                    count: count(row.get(1)?),
                })
            })
            .map_err(fail)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)
    }

    /// The most frequent questions asked since `since` (UTC unix seconds) that were
    /// declined, answered with related content only, or answered with a score below
    /// [`LOW_CONFIDENCE_SCORE`], grouped by their normalized form, most frequent first
    /// (then most recent). Questions that normalize to nothing (only emoji or
    /// punctuation) are left out.
    pub fn unanswered(&self, limit: usize, since: i64) -> Result<Vec<UnansweredQuestion>, StoreError> {
        let fail = |error: rusqlite::Error| self.error("cannot list the unanswered questions", &error);
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT question, status, asked_at FROM questions
                 WHERE asked_at >= ?1
                   AND (status IN ('declined', 'related')
                        OR (status = 'answered' AND item IS NOT NULL AND score < ?2))
                 ORDER BY asked_at",
            )
            .map_err(fail)?;
        let rows = statement
            .query_map(params![since, f64::from(LOW_CONFIDENCE_SCORE)], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, i64>(2)?,
                ))
            })
            .map_err(fail)?;

        struct Group {
            count: u64,
            declined: u64,
            related: u64,
            last_asked: i64,
            /// Original wording → (count, last time asked).
            wordings: HashMap<String, (u64, i64)>,
        }
        let mut groups: HashMap<String, Group> = HashMap::new();
        for row in rows {
            let (question, status, asked_at) = row.map_err(fail)?;
            let normalized = normalize(&question);
            if normalized.is_empty() {
                continue;
            }
            let group = groups.entry(normalized).or_insert_with(|| Group {
                count: 0,
                declined: 0,
                related: 0,
                last_asked: i64::MIN,
                wordings: HashMap::new(),
            });
            group.count += 1;
            match RecordStatus::parse(&status) {
                Some(RecordStatus::Declined) => group.declined += 1,
                Some(RecordStatus::Related) => group.related += 1,
                Some(RecordStatus::Answered) | None => {}
            }
            group.last_asked = group.last_asked.max(asked_at);
            let wording = group
                .wordings
                .entry(question.trim().to_string())
                .or_insert((0, i64::MIN));
            wording.0 += 1;
            wording.1 = wording.1.max(asked_at);
        }
        let mut result: Vec<UnansweredQuestion> = groups
            .into_iter()
            .map(|(normalized, group)| {
                let text = group
                    .wordings
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(text, _)| text.clone())
                    .unwrap_or_default();
                UnansweredQuestion {
                    text,
                    normalized,
                    count: group.count,
                    declined: group.declined,
                    related: group.related,
                    last_asked: group.last_asked,
                }
            })
            .collect();
        result.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(b.last_asked.cmp(&a.last_asked))
                .then_with(|| a.normalized.cmp(&b.normalized))
        });
        result.truncate(limit);
        Ok(result)
    }
}

/// `days` days from `first_day` on, without questions yet.
fn empty_days(first_day: i64, days: u32) -> Vec<DayCount> {
    (0..i64::from(days))
        .map(|day| DayCount {
            day_start: first_day + day * SECONDS_PER_DAY,
            questions: 0,
            answered: 0,
            related: 0,
            declined: 0,
        })
        .collect()
}

/// A count from SQLite (never negative) as `u64`.
fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
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
