//! Recording the questions the bot handles, in an embedded SQLite database, and the
//! admin reports built from them (`/stats`, `/unanswered`, `fuer-bot stats|unanswered`).
//!
//! Privacy: a record holds the time, the question text, the matched item (or none), the
//! score, whether the bot declined, and the chat type (`private`, `group`, ...). No user
//! ids, names, usernames or chat ids are stored.
//!
//! Durability: every record is written in its own transaction on a WAL-mode database
//! (`synchronous = FULL`), so a crash or a kill mid-write loses at most that question
//! and never leaves the file unreadable. A corrupted or unwritable database is reported
//! as a [`StoreError`] naming the file; [`Recorder`] turns that into a warning and lets
//! the bot keep answering without recording.
//!
//! Time: records carry UTC unix seconds, passed in by the caller (tests use fixed
//! times). Reports count days in China Standard Time (UTC+8, no daylight saving), the
//! admins' time zone: "today" starts at 00:00 Beijing time, "the last 7 days" are today
//! and the 6 days before it.

use std::collections::HashMap;
use std::fmt;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, ErrorCode, params};

use crate::engine::{Answer, Intent};
use crate::knowledge::KnowledgeBase;
use crate::normalize::normalize;

/// Environment variable naming the data directory.
pub const DATA_DIR_ENV: &str = "DATA_DIR";
/// The data directory when `DATA_DIR` is not set.
pub const DEFAULT_DATA_DIR: &str = "data";
/// The database file inside the data directory.
pub const DATABASE_FILE_NAME: &str = "fuer-bot.sqlite3";
/// The schema version stored in SQLite's `user_version`.
pub const SCHEMA_VERSION: i32 = 1;
/// An answered question whose score (the engine's confidence, 0–1) is below this counts
/// as low-confidence and is listed by `unanswered`. A clear match scores at least 0.5;
/// weak matches that were also ambiguous (another item nearly as likely) score below 0.4.
pub const LOW_CONFIDENCE_SCORE: f32 = 0.4;
/// Longest question text stored, in characters (longer ones are cut).
pub const MAX_STORED_QUESTION_CHARS: usize = 1000;
/// How many items the stats list.
pub const TOP_ITEMS: usize = 5;
/// The offset of the reports' time zone (China Standard Time) from UTC, in seconds.
pub const REPORT_UTC_OFFSET_SECONDS: i64 = 8 * 3600;
/// Default look-back of the unanswered report, in days.
pub const DEFAULT_UNANSWERED_DAYS: u32 = 30;
/// Default number of questions in the unanswered report.
pub const DEFAULT_UNANSWERED_LIMIT: usize = 10;
/// Longest question shown in a report line, in characters.
const REPORT_QUESTION_CHARS: usize = 60;
const SECONDS_PER_DAY: i64 = 86_400;
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);

/// The data directory: `DATA_DIR` if set and not empty, else `data`.
pub fn data_dir_from_env() -> PathBuf {
    match std::env::var(DATA_DIR_ENV) {
        Ok(dir) if !dir.trim().is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(DEFAULT_DATA_DIR),
    }
}

/// The database file of a data directory: `DATA_DIR/fuer-bot.sqlite3`.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE_NAME)
}

/// The current time as UTC unix seconds.
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX))
}

/// A problem with the question database, naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError {
    path: PathBuf,
    action: String,
    cause: String,
    hint: Option<&'static str>,
    damaged: bool,
}

impl StoreError {
    fn new(path: &Path, action: impl Into<String>, cause: impl fmt::Display) -> StoreError {
        StoreError {
            path: path.to_path_buf(),
            action: action.into(),
            cause: cause.to_string(),
            hint: None,
            damaged: false,
        }
    }

    fn sqlite(path: &Path, action: impl Into<String>, error: &rusqlite::Error) -> StoreError {
        let code = error.sqlite_error_code();
        let damaged = matches!(code, Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt));
        let hint = match code {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Some(
                "the file is damaged or is not a SQLite database: move it aside (e.g. rename it to .bad) and restart; a new database is created",
            ),
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

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "question database {}: {}: {}",
            self.path.display(),
            self.action,
            self.cause
        )?;
        if let Some(hint) = self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for StoreError {}

/// One handled question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRecord {
    /// When it was asked, UTC unix seconds.
    pub time: i64,
    pub question: String,
    /// The item the answer was about, if any.
    pub item: Option<u8>,
    /// The engine's confidence, 0–1 (0 for replies without an item).
    pub score: f32,
    /// Whether the bot said it cannot answer.
    pub declined: bool,
    /// Telegram's chat type (`private`, `group`, `supergroup`, `channel`) or `console`.
    pub chat_type: String,
}

impl QuestionRecord {
    /// The record of a question and the engine's answer to it.
    pub fn from_answer(time: i64, question: &str, answer: &Answer, chat_type: &str) -> QuestionRecord {
        QuestionRecord {
            time,
            question: question.to_string(),
            item: answer.item,
            score: answer.confidence,
            declined: answer.intent == Intent::Declined,
            chat_type: chat_type.to_string(),
        }
    }
}

/// How many questions asked about one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemCount {
    pub item: u8,
    pub count: u64,
}

/// Counts for one period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeriodStats {
    pub questions: u64,
    /// Questions not declined (answers about an item, greetings, lists, ...).
    pub answered: u64,
    pub declined: u64,
    /// Answered about an item, with a score below [`LOW_CONFIDENCE_SCORE`].
    pub low_confidence: u64,
    /// The items asked about most, most first (at most [`TOP_ITEMS`]).
    pub top_items: Vec<ItemCount>,
}

impl PeriodStats {
    /// Share of questions answered, 0–1; `None` without questions.
    pub fn answered_share(&self) -> Option<f64> {
        (self.questions > 0).then(|| self.answered as f64 / self.questions as f64)
    }
}

/// The `/stats` numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// The time the stats were computed for (UTC unix seconds).
    pub now: i64,
    /// Since 00:00 today, China Standard Time.
    pub today: PeriodStats,
    /// Today and the 6 days before it, China Standard Time.
    pub last_7_days: PeriodStats,
    pub all_time: PeriodStats,
}

/// A question (grouped with the ones that normalize the same) that was declined or
/// answered with low confidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnansweredQuestion {
    /// One original wording: the most frequent one, the latest on a tie.
    pub text: String,
    /// The normalized form the group shares.
    pub normalized: String,
    /// How many times it was asked (declined or low-confidence) in the period.
    pub count: u64,
    /// How many of those were declined; the rest were low-confidence answers.
    pub declined: u64,
    /// The last time it was asked, UTC unix seconds.
    pub last_asked: i64,
}

/// The question database.
#[derive(Debug)]
pub struct QuestionStore {
    connection: Connection,
    path: PathBuf,
}

const CREATE_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY,
    asked_at INTEGER NOT NULL,          -- UTC unix seconds
    question TEXT NOT NULL,
    item INTEGER,                       -- the matched item number; NULL when none
    score REAL NOT NULL,                -- the engine's confidence, 0-1
    declined INTEGER NOT NULL CHECK (declined IN (0, 1)),
    chat_type TEXT NOT NULL             -- private, group, supergroup, channel, console
);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);
";

impl QuestionStore {
    /// Opens (creating the directory and the file if needed) the database at `path`,
    /// in WAL mode, and checks that it is a readable database of a known schema version.
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

    /// Opens an existing database; a missing file is an error instead of being created.
    pub fn open_existing(path: &Path) -> Result<QuestionStore, StoreError> {
        if !path.exists() {
            return Err(StoreError::new(
                path,
                "cannot open",
                "the file does not exist yet (the bot creates it when it starts; check --data-dir or DATA_DIR)",
            ));
        }
        QuestionStore::open(path)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, action: &str, error: &rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, action, error)
    }

    fn prepare(&self) -> Result<(), StoreError> {
        let connection = &self.connection;
        connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|error| self.error("cannot configure", &error))?;
        // Reading the header first reports a file that is not a database clearly.
        let version: i32 = connection
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|error| self.error("cannot read", &error))?;
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
        let check: String = connection
            .pragma_query_value(None, "quick_check", |row| row.get(0))
            .map_err(|error| self.error("cannot check", &error))?;
        if check != "ok" {
            return Err(StoreError {
                hint: Some("the file is damaged: move it aside (e.g. rename it to .bad) and restart"),
                damaged: true,
                ..StoreError::new(&self.path, "integrity check failed", check)
            });
        }
        match version {
            0 => {
                connection
                    .execute_batch(&format!(
                        "BEGIN IMMEDIATE; {CREATE_SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                    ))
                    .map_err(|error| {
                        let _ = connection.execute_batch("ROLLBACK");
                        self.error("cannot create the tables", &error)
                    })?;
            }
            SCHEMA_VERSION => {
                // Already set up; the table must be there.
                connection
                    .query_row("SELECT COUNT(*) FROM questions WHERE id < 0", [], |row| {
                        row.get::<_, i64>(0)
                    })
                    .map_err(|error| self.error("cannot read the questions table", &error))?;
            }
            other => {
                return Err(StoreError::new(
                    &self.path,
                    "cannot use",
                    format!("schema version {other} is newer than this program's ({SCHEMA_VERSION}); update fuer-bot"),
                ));
            }
        }
        Ok(())
    }

    /// Stores one question, in a transaction.
    pub fn record(&mut self, record: &QuestionRecord) -> Result<(), StoreError> {
        let question: String = record.question.chars().take(MAX_STORED_QUESTION_CHARS).collect();
        let transaction = self
            .connection
            .transaction()
            .map_err(|error| StoreError::sqlite(&self.path, "cannot record a question", &error))?;
        transaction
            .execute(
                "INSERT INTO questions (asked_at, question, item, score, declined, chat_type)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    record.time,
                    question,
                    record.item,
                    f64::from(record.score),
                    record.declined,
                    record.chat_type
                ],
            )
            .map_err(|error| StoreError::sqlite(&self.path, "cannot record a question", &error))?;
        transaction
            .commit()
            .map_err(|error| StoreError::sqlite(&self.path, "cannot record a question", &error))
    }

    /// How many questions are stored.
    pub fn count(&self) -> Result<u64, StoreError> {
        self.connection
            .query_row("SELECT COUNT(*) FROM questions", [], |row| row.get::<_, i64>(0))
            .map(|count| count.max(0) as u64)
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
        let (questions, declined, low_confidence): (i64, i64, i64) = self
            .connection
            .query_row(
                "SELECT COUNT(*),
                        COALESCE(SUM(declined), 0),
                        COALESCE(SUM(CASE WHEN declined = 0 AND item IS NOT NULL AND score < ?3 THEN 1 ELSE 0 END), 0)
                 FROM questions WHERE asked_at BETWEEN ?1 AND ?2",
                params![from, to, f64::from(LOW_CONFIDENCE_SCORE)],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .map_err(fail)?;
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT item, COUNT(*) AS asked FROM questions
                 WHERE asked_at BETWEEN ?1 AND ?2 AND item IS NOT NULL AND declined = 0
                 GROUP BY item ORDER BY asked DESC, item ASC LIMIT ?3",
            )
            .map_err(fail)?;
        let top_items = statement
            .query_map(params![from, to, TOP_ITEMS as i64], |row| {
                Ok(ItemCount {
                    item: row.get(0)?,
                    count: row.get::<_, i64>(1)?.max(0) as u64,
                })
            })
            .map_err(fail)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)?;
        let questions = questions.max(0) as u64;
        let declined = declined.max(0) as u64;
        Ok(PeriodStats {
            questions,
            answered: questions - declined.min(questions),
            declined,
            low_confidence: low_confidence.max(0) as u64,
            top_items,
        })
    }

    /// The most frequent questions asked since `since` (UTC unix seconds) that were
    /// declined or answered with a score below [`LOW_CONFIDENCE_SCORE`], grouped by their
    /// normalized form, most frequent first (then most recent). Questions that normalize to
    /// nothing (only emoji or punctuation) are left out.
    pub fn unanswered(&self, limit: usize, since: i64) -> Result<Vec<UnansweredQuestion>, StoreError> {
        let fail = |error: rusqlite::Error| self.error("cannot list the unanswered questions", &error);
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT question, declined, asked_at FROM questions
                 WHERE asked_at >= ?1 AND (declined = 1 OR (item IS NOT NULL AND score < ?2))
                 ORDER BY asked_at",
            )
            .map_err(fail)?;
        let rows = statement
            .query_map(params![since, f64::from(LOW_CONFIDENCE_SCORE)], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, bool>(1)?, row.get::<_, i64>(2)?))
            })
            .map_err(fail)?;

        struct Group {
            count: u64,
            declined: u64,
            last_asked: i64,
            /// Original wording → (count, last time asked).
            wordings: HashMap<String, (u64, i64)>,
        }
        let mut groups: HashMap<String, Group> = HashMap::new();
        for row in rows {
            let (question, declined, asked_at) = row.map_err(fail)?;
            let normalized = normalize(&question);
            if normalized.is_empty() {
                continue;
            }
            let group = groups.entry(normalized).or_insert_with(|| Group {
                count: 0,
                declined: 0,
                last_asked: i64::MIN,
                wordings: HashMap::new(),
            });
            group.count += 1;
            group.declined += u64::from(declined);
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

/// Records questions if the database works, and otherwise lets the bot go on without
/// recording. Shared between threads (`Arc<Recorder>`); never panics. A record is one
/// small synchronous transaction (a few milliseconds with the fsync); from async code,
/// call it in `tokio::task::spawn_blocking` or accept the short block.
#[derive(Debug)]
pub struct Recorder {
    state: Mutex<RecorderState>,
}

#[derive(Debug)]
struct RecorderState {
    store: Option<QuestionStore>,
    /// Why recording is off (when `store` is `None`).
    disabled: Option<StoreError>,
    /// The database failed on the last write (warned once per run of failures).
    failing: bool,
}

impl Recorder {
    /// Opens the database at `path`; if that fails, logs one warning and returns a
    /// recorder that does not record.
    pub fn open(path: &Path) -> Recorder {
        match QuestionStore::open(path) {
            Ok(store) => Recorder::new(store),
            Err(error) => Recorder::disabled(error),
        }
    }

    /// A recorder writing to `store`.
    pub fn new(store: QuestionStore) -> Recorder {
        Recorder {
            state: Mutex::new(RecorderState {
                store: Some(store),
                disabled: None,
                failing: false,
            }),
        }
    }

    /// A recorder that does not record, because of `error` (logged once, here).
    pub fn disabled(error: StoreError) -> Recorder {
        log::warn!("question recording is off, the bot keeps answering without it: {error}");
        Recorder {
            state: Mutex::new(RecorderState {
                store: None,
                disabled: Some(error),
                failing: false,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, RecorderState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records one question; returns whether it was stored. A failing write is logged
    /// (once until writes work again); a damaged database turns recording off.
    pub fn record(&self, record: &QuestionRecord) -> bool {
        let mut state = self.state();
        let state = &mut *state;
        let Some(store) = state.store.as_mut() else {
            return false;
        };
        match store.record(record) {
            Ok(()) => {
                if state.failing {
                    log::warn!("question recording works again ({})", store.path().display());
                    state.failing = false;
                }
                true
            }
            Err(error) => {
                if error.is_damaged() {
                    log::warn!("question recording is off, the bot keeps answering without it: {error}");
                    state.store = None;
                    state.disabled = Some(error);
                } else if !state.failing {
                    log::warn!("cannot record questions (will keep trying): {error}");
                    state.failing = true;
                }
                false
            }
        }
    }

    /// Whether questions are being recorded.
    pub fn is_recording(&self) -> bool {
        self.state().store.is_some()
    }

    /// Why recording is off, if it is.
    pub fn disabled_reason(&self) -> Option<StoreError> {
        self.state().disabled.clone()
    }

    /// See [`QuestionStore::stats`]; an error when recording is off.
    pub fn stats(&self, now: i64) -> Result<Stats, StoreError> {
        let state = self.state();
        match &state.store {
            Some(store) => store.stats(now),
            None => Err(disabled_error(&state)),
        }
    }

    /// See [`QuestionStore::unanswered`]; an error when recording is off.
    pub fn unanswered(&self, limit: usize, since: i64) -> Result<Vec<UnansweredQuestion>, StoreError> {
        let state = self.state();
        match &state.store {
            Some(store) => store.unanswered(limit, since),
            None => Err(disabled_error(&state)),
        }
    }

    /// The `/stats` message (Simplified Chinese), or why it is not available.
    pub fn stats_report(&self, now: i64, knowledge: Option<&KnowledgeBase>) -> String {
        match self.stats(now) {
            Ok(stats) => format_stats(&stats, knowledge),
            Err(error) => format_store_error(&error),
        }
    }

    /// The `/unanswered` message (Simplified Chinese) for the last `days` days.
    pub fn unanswered_report(&self, now: i64, limit: usize, days: u32) -> String {
        match self.unanswered(limit, unanswered_since(now, days)) {
            Ok(questions) => format_unanswered(&questions, days),
            Err(error) => format_store_error(&error),
        }
    }
}

fn disabled_error(state: &RecorderState) -> StoreError {
    state
        .disabled
        .clone()
        .unwrap_or_else(|| StoreError::new(Path::new("?"), "not available", "question recording is off"))
}

/// Start (UTC unix seconds) of the China Standard Time day containing `time`.
pub fn local_day_start(time: i64) -> i64 {
    (time + REPORT_UTC_OFFSET_SECONDS).div_euclid(SECONDS_PER_DAY) * SECONDS_PER_DAY - REPORT_UTC_OFFSET_SECONDS
}

/// Start of the unanswered report's period: 00:00 (China Standard Time) `days - 1` days
/// before today, so `days = 1` means today.
pub fn unanswered_since(now: i64, days: u32) -> i64 {
    local_day_start(now) - i64::from(days.max(1) - 1) * SECONDS_PER_DAY
}

/// `YYYY-MM-DD HH:MM` in China Standard Time.
pub fn format_local_time(time: i64) -> String {
    let local = time + REPORT_UTC_OFFSET_SECONDS;
    let days = local.div_euclid(SECONDS_PER_DAY);
    let seconds = local.rem_euclid(SECONDS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        seconds / 3600,
        (seconds % 3600) / 60
    )
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_string(), |share| format!("{:.0}%", share * 100.0))
}

fn item_name(number: u8, knowledge: Option<&KnowledgeBase>) -> String {
    match knowledge.and_then(|knowledge| knowledge.item(number)) {
        Some(item) => format!("第{number}件 {}", item.title),
        None => format!("第{number}件"),
    }
}

fn period_line(label: &str, period: &PeriodStats) -> String {
    if period.questions == 0 {
        return format!("{label}：还没有问题");
    }
    let mut line = format!(
        "{label}：{} 个问题，回答 {} 个（{}），答不上 {} 个",
        period.questions,
        period.answered,
        percent(period.answered_share()),
        period.declined
    );
    if period.low_confidence > 0 {
        let _ = write!(line, "，把握不大 {} 个", period.low_confidence);
    }
    line
}

/// The stats report in Simplified Chinese (for `/stats` and `fuer-bot stats`). Item
/// titles come from `knowledge` when given.
pub fn format_stats(stats: &Stats, knowledge: Option<&KnowledgeBase>) -> String {
    let mut text = format!("问答统计（北京时间，截至 {}）\n", format_local_time(stats.now));
    for (label, period) in [
        ("今天", &stats.today),
        ("最近7天", &stats.last_7_days),
        ("全部", &stats.all_time),
    ] {
        text.push_str(&period_line(label, period));
        text.push('\n');
    }
    for (label, period) in [("最近7天", &stats.last_7_days), ("全部", &stats.all_time)] {
        // The all-time list is left out when it says the same as the last 7 days'.
        if period.top_items.is_empty() || (label == "全部" && period.top_items == stats.last_7_days.top_items) {
            continue;
        }
        let _ = writeln!(text, "\n{label}问得最多的大事：");
        for (rank, entry) in period.top_items.iter().enumerate() {
            let _ = writeln!(
                text,
                "{}. {} — {} 次",
                rank + 1,
                item_name(entry.item, knowledge),
                entry.count
            );
        }
    }
    text.trim_end().to_string()
}

fn shorten(text: &str, max_chars: usize) -> String {
    let single_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if single_line.chars().count() <= max_chars {
        return single_line;
    }
    let mut short: String = single_line.chars().take(max_chars).collect();
    short.push('…');
    short
}

/// The unanswered report in Simplified Chinese (for `/unanswered` and
/// `fuer-bot unanswered`); `days` is the period the questions were taken from.
pub fn format_unanswered(questions: &[UnansweredQuestion], days: u32) -> String {
    if questions.is_empty() {
        return format!("最近{days}天没有答不上或把握不大的问题。");
    }
    let mut text = format!(
        "最近{days}天答不上或把握不大的问题（前 {} 个，按次数排序）：\n",
        questions.len()
    );
    for (rank, question) in questions.iter().enumerate() {
        let low_confidence = question.count - question.declined.min(question.count);
        let mut kinds = Vec::new();
        if question.declined > 0 {
            kinds.push(format!("答不上 {}", question.declined));
        }
        if low_confidence > 0 {
            kinds.push(format!("把握不大 {low_confidence}"));
        }
        let _ = writeln!(
            text,
            "{}. “{}” × {}（{}），最近 {}",
            rank + 1,
            shorten(&question.text, REPORT_QUESTION_CHARS),
            question.count,
            kinds.join("，"),
            format_local_time(question.last_asked)
        );
    }
    text.push_str(
        "\n把这些问法里的关键说法加到对应大事文件的 keywords（或 synonyms.toml 的同义词组），机器人就能答上；方法见 knowledge/README.md。",
    );
    text
}

/// The message shown instead of a report when the database cannot be used.
pub fn format_store_error(error: &StoreError) -> String {
    format!("问题记录不可用，机器人照常回答但没有记录问题。\n原因：{error}")
}

/// `fuer-bot stats`: prints the stats report of the database in `data_dir`.
pub fn print_stats(
    data_dir: &Path,
    knowledge: Option<&KnowledgeBase>,
    now: i64,
    mut output: impl Write,
) -> anyhow::Result<()> {
    let store = QuestionStore::open_existing(&database_path(data_dir))?;
    let stats = store.stats(now)?;
    writeln!(output, "{}", format_stats(&stats, knowledge))?;
    Ok(())
}

/// `fuer-bot unanswered`: prints the unanswered report of the database in `data_dir`.
pub fn print_unanswered(
    data_dir: &Path,
    limit: usize,
    days: u32,
    now: i64,
    mut output: impl Write,
) -> anyhow::Result<()> {
    let store = QuestionStore::open_existing(&database_path(data_dir))?;
    let questions = store.unanswered(limit, unanswered_since(now, days))?;
    writeln!(output, "{}", format_unanswered(&questions, days))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn local_days_are_china_standard_time() {
        // 2024-03-01 15:59:59 UTC = 23:59:59 in Beijing; 16:00:00 UTC = next day 00:00.
        let before_midnight = 1_709_308_799;
        assert_eq!(format_local_time(before_midnight), "2024-03-01 23:59");
        assert_eq!(format_local_time(before_midnight + 1), "2024-03-02 00:00");
        assert_eq!(local_day_start(before_midnight), 1_709_222_400);
        assert_eq!(local_day_start(before_midnight + 1), before_midnight + 1);
        assert_eq!(unanswered_since(before_midnight + 1, 1), before_midnight + 1);
        assert_eq!(
            unanswered_since(before_midnight + 1, 2),
            before_midnight + 1 - SECONDS_PER_DAY
        );
    }

    #[test]
    fn long_questions_are_shortened_in_reports() {
        assert_eq!(shorten("a\n b", 10), "a b");
        assert_eq!(shorten("一二三四", 2), "一二…");
    }
}
