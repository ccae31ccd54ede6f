//! The question database's schema: the tables, the trigger that keeps the summary tables up
//! to date, and the migration from every older version (run in the caller's transaction).
//!
//! Schema history (`PRAGMA user_version`):
//! - 1: `questions` with a `declined` flag (0/1).
//! - 2: `questions` with `status` (`answered`, `related`, `declined`) instead of the flag.
//! - 3: `questions.normalized` (the question's normalized form) and the summary tables
//!   kept by a trigger on every insert, so that a report reads a few thousand rows instead
//!   of scanning a million: `day_totals` (per local day, item, status and low confidence),
//!   `unanswered_days` (per local day and normalized question, for the declined, related
//!   and low-confidence ones), `question_totals` (per normalized question) and
//!   `unanswered_recent` (per normalized question, the unanswered ones since the day in
//!   `summary_state`: the web page's 30 days, moved forward day by day by subtracting the
//!   days that leave the period).
//! - 4: the reply's language (`questions.lang`: `zh-Hans`, `zh-Hant`, `en`; older rows
//!   `zh-Hans`) and the article (`questions.article`: its id; older rows the empty string,
//!   meaning the first article); `day_totals` per article and language and
//!   `unanswered_days` per article, rebuilt by copying the version-3 tables (so their
//!   counts are kept as they were, not recounted); an index on `questions.normalized`
//!   (deleting a question and replacing a summary's sample wording). Console questions are
//!   recorded with the chat type `console` (`chat_type` is free text).

use rusqlite::{Connection, OptionalExtension, params};

use super::LOW_CONFIDENCE_SCORE;
use fuer_core::normalize::normalize;

/// The schema version stored in SQLite's `user_version`.
pub const SCHEMA_VERSION: i32 = 4;

/// The `questions` table of the current version.
const CREATE_QUESTIONS: &str = "
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY,
    asked_at INTEGER NOT NULL,          -- UTC unix seconds
    question TEXT NOT NULL,
    item INTEGER,                       -- the matched item number; NULL when none
    score REAL NOT NULL,                -- the engine's confidence, 0-1
    status TEXT NOT NULL CHECK (status IN ('answered', 'related', 'declined')),
    chat_type TEXT NOT NULL,            -- private, group, supergroup, channel, console
    normalized TEXT NOT NULL DEFAULT '',-- the question after fuer_core::normalize (schema 3)
    lang TEXT NOT NULL DEFAULT 'zh-Hans' CHECK (lang IN ('zh-Hans', 'zh-Hant', 'en')), -- schema 4
    article TEXT NOT NULL DEFAULT ''    -- the article's id; '' = the first article (schema 4)
);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);
";

/// The summary tables (see the module documentation). Days are 00:00 China Standard Time
/// as UTC unix seconds, like `local_day_start`; `item` 0 means no item. The trigger that
/// fills them is [`summary_trigger`].
const CREATE_SUMMARIES: &str = "
CREATE TABLE IF NOT EXISTS day_totals (
    day INTEGER NOT NULL,
    article TEXT NOT NULL,
    lang TEXT NOT NULL,
    item INTEGER NOT NULL,
    status TEXT NOT NULL,
    low_confidence INTEGER NOT NULL,    -- 1: answered about an item with a low score
    questions INTEGER NOT NULL,
    PRIMARY KEY (day, article, lang, item, status, low_confidence)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unanswered_days (
    day INTEGER NOT NULL,
    article TEXT NOT NULL,
    normalized TEXT NOT NULL,
    questions INTEGER NOT NULL,
    declined INTEGER NOT NULL,
    related INTEGER NOT NULL,
    last_asked INTEGER NOT NULL,
    wording TEXT NOT NULL,              -- the latest wording
    PRIMARY KEY (day, article, normalized)
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

/// The index that finds a normalized question's rows (schema 4).
const CREATE_NORMALIZED_INDEX: &str =
    "CREATE INDEX IF NOT EXISTS questions_normalized ON questions (normalized, asked_at);";

/// The name in `summary_state` of the first day `unanswered_recent` counts from.
pub(super) const RECENT_FROM: &str = "recent_from";

/// The first day `unanswered_recent` counts from ([`RECENT_FROM`] in `summary_state`), if set.
pub(super) fn recent_from(connection: &Connection) -> rusqlite::Result<Option<i64>> {
    connection
        .query_row(
            "SELECT value FROM summary_state WHERE name = ?1",
            params![RECENT_FROM],
            |row| row.get(0),
        )
        .optional()
}

/// `asked_at` → the local day's start, in SQL (as `local_day_start` for times after 1970).
pub(super) const SQL_DAY: &str = "((asked_at + 28800) / 86400) * 86400 - 28800";

/// The SQL condition of a question that counts as unanswered: declined, related, or
/// answered about an item with a score below [`LOW_CONFIDENCE_SCORE`].
pub(super) fn sql_unanswered(prefix: &str) -> String {
    format!(
        "({prefix}status IN ('declined', 'related') OR {})",
        sql_low_confidence(prefix)
    )
}

/// The SQL condition of a low-confidence answer.
pub(super) fn sql_low_confidence(prefix: &str) -> String {
    format!(
        "({prefix}status = 'answered' AND {prefix}item IS NOT NULL AND {prefix}score < {})",
        f64::from(LOW_CONFIDENCE_SCORE)
    )
}

/// The SQL condition of a summary row of the article filter whose id and "first" flag are
/// the parameters `?{id}` and `?{first}` (see `ArticleFilter::sql_params`).
pub(super) fn sql_article_matches(id: usize, first: usize) -> String {
    format!("(?{id} IS NULL OR article = ?{id} OR (?{first} AND article = ''))")
}

/// The trigger that keeps the summary tables up to date on every insert.
fn summary_trigger() -> String {
    let day = SQL_DAY.replace("asked_at", "NEW.asked_at");
    let unanswered = sql_unanswered("NEW.");
    let low = sql_low_confidence("NEW.");
    let update_unanswered = "ON CONFLICT DO UPDATE SET
            questions = questions + 1,
            declined = declined + excluded.declined,
            related = related + excluded.related,
            wording = CASE WHEN excluded.last_asked >= last_asked THEN excluded.wording ELSE wording END,
            last_asked = MAX(last_asked, excluded.last_asked)";
    format!(
        "CREATE TRIGGER IF NOT EXISTS questions_summaries AFTER INSERT ON questions BEGIN
    INSERT INTO day_totals (day, article, lang, item, status, low_confidence, questions)
        VALUES ({day}, NEW.article, NEW.lang, COALESCE(NEW.item, 0), NEW.status, {low}, 1)
        ON CONFLICT DO UPDATE SET questions = questions + 1;
    INSERT INTO unanswered_days (day, article, normalized, questions, declined, related, last_asked, wording)
        SELECT {day}, NEW.article, NEW.normalized, 1, NEW.status = 'declined', NEW.status = 'related',
               NEW.asked_at, NEW.question
        WHERE NEW.normalized <> '' AND {unanswered}
        {update_unanswered};
    INSERT INTO unanswered_recent (normalized, questions, declined, related, last_asked, wording)
        SELECT NEW.normalized, 1, NEW.status = 'declined', NEW.status = 'related', NEW.asked_at, NEW.question
        WHERE NEW.normalized <> '' AND {unanswered}
          AND {day} >= COALESCE((SELECT value FROM summary_state WHERE name = '{RECENT_FROM}'), 9223372036854775807)
        {update_unanswered};
    INSERT INTO question_totals (normalized, questions, last_asked, wording)
        SELECT NEW.normalized, 1, NEW.asked_at, NEW.question WHERE NEW.normalized <> ''
        ON CONFLICT DO UPDATE SET
            questions = questions + 1,
            wording = CASE WHEN excluded.last_asked >= last_asked THEN excluded.wording ELSE wording END,
            last_asked = MAX(last_asked, excluded.last_asked);
END;"
    )
}

/// Fills the summary tables from the questions already recorded (a version 1 or 2 file,
/// which has no summaries; `normalized` has been filled). For bare columns beside `MAX()`
/// SQLite takes the row of the maximum, so `wording` is the latest one.
fn backfill_summaries() -> String {
    let unanswered = sql_unanswered("");
    let low = sql_low_confidence("");
    format!(
        "INSERT INTO day_totals (day, article, lang, item, status, low_confidence, questions)
    SELECT {SQL_DAY} AS d, article, lang, COALESCE(item, 0) AS i, status, {low} AS l, COUNT(*)
    FROM questions GROUP BY d, article, lang, i, status, l;
INSERT INTO unanswered_days (day, article, normalized, questions, declined, related, last_asked, wording)
    SELECT {SQL_DAY} AS d, article, normalized, COUNT(*), SUM(status = 'declined'), SUM(status = 'related'),
           MAX(asked_at), question
    FROM questions WHERE normalized <> '' AND {unanswered} GROUP BY d, article, normalized;
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

/// Version 2 → 3: the `normalized` column (filled in by the program, since normalizing is
/// Rust code).
const MIGRATE_2_TO_3: &str = "
ALTER TABLE questions ADD COLUMN normalized TEXT NOT NULL DEFAULT '';
";

/// Version 3 → 4 on `questions`: the reply's language and the article.
const ADD_LANG_AND_ARTICLE: &str = "
ALTER TABLE questions ADD COLUMN lang TEXT NOT NULL DEFAULT 'zh-Hans' CHECK (lang IN ('zh-Hans', 'zh-Hant', 'en'));
ALTER TABLE questions ADD COLUMN article TEXT NOT NULL DEFAULT '';
";

/// Version 3 → 4, the summaries: the version-3 trigger goes, the two tables that gain
/// columns are renamed aside, and (after [`CREATE_SUMMARIES`]) copied into the new ones
/// by [`COPY_VERSION_3_SUMMARIES`]. Every version-3 question was a Simplified reply about
/// the first article.
const SET_ASIDE_VERSION_3_SUMMARIES: &str = "
DROP TRIGGER IF EXISTS questions_summaries;
ALTER TABLE day_totals RENAME TO day_totals_v3;
ALTER TABLE unanswered_days RENAME TO unanswered_days_v3;
";

const COPY_VERSION_3_SUMMARIES: &str = "
INSERT INTO day_totals (day, article, lang, item, status, low_confidence, questions)
    SELECT day, '', 'zh-Hans', item, status, low_confidence, questions FROM day_totals_v3;
INSERT INTO unanswered_days (day, article, normalized, questions, declined, related, last_asked, wording)
    SELECT day, '', normalized, questions, declined, related, last_asked, wording FROM unanswered_days_v3;
DROP TABLE day_totals_v3;
DROP TABLE unanswered_days_v3;
";

/// Brings the schema of version `from` (0: an empty file) to [`SCHEMA_VERSION`], keeping
/// every question and every count. Runs in the caller's transaction; does not set
/// `user_version`. `from` must be below [`SCHEMA_VERSION`].
pub(super) fn migrate(connection: &Connection, from: i32) -> rusqlite::Result<()> {
    match from {
        0 => {
            connection.execute_batch(CREATE_QUESTIONS)?;
            connection.execute_batch(CREATE_SUMMARIES)?;
        }
        1 | 2 => {
            if from == 1 {
                connection.execute_batch(MIGRATE_1_TO_2)?;
            }
            connection.execute_batch(MIGRATE_2_TO_3)?;
            connection.execute_batch(ADD_LANG_AND_ARTICLE)?;
            connection.execute_batch(CREATE_SUMMARIES)?;
            fill_normalized(connection)?;
            connection.execute_batch(&backfill_summaries())?;
        }
        _ => {
            connection.execute_batch(ADD_LANG_AND_ARTICLE)?;
            connection.execute_batch(SET_ASIDE_VERSION_3_SUMMARIES)?;
            connection.execute_batch(CREATE_SUMMARIES)?;
            connection.execute_batch(COPY_VERSION_3_SUMMARIES)?;
        }
    }
    connection.execute_batch(CREATE_NORMALIZED_INDEX)?;
    connection.execute_batch(&summary_trigger())
}

/// Fills `questions.normalized` of the questions recorded before it existed.
fn fill_normalized(connection: &Connection) -> rusqlite::Result<()> {
    let mut select = connection.prepare("SELECT id, question FROM questions")?;
    let mut update = connection.prepare("UPDATE questions SET normalized = ?2 WHERE id = ?1")?;
    let mut rows = select.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let question: String = row.get(1)?;
        update.execute(params![id, normalize(&question)])?;
    }
    Ok(())
}
