//! The question log's schema: every older version (1, 2 and the version 3 of the summary
//! tables) is read by the reports without a write and migrated by the bot with every
//! question and every count kept.

use std::path::{Path, PathBuf};

use super::store_support::*;
use fuer_bot::store::{
    ArticleFilter, DATABASE_FILE_NAME, QuestionRecord, QuestionStore, SCHEMA_VERSION, database_path, local_day_start,
    unanswered_since,
};
use fuer_core::normalize::normalize;

/// The version-1 schema (before the answer status), as fuer-bot 0.1 created it.
const VERSION_1_SCHEMA: &str = "
CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    asked_at INTEGER NOT NULL,
    question TEXT NOT NULL,
    item INTEGER,
    score REAL NOT NULL,
    declined INTEGER NOT NULL CHECK (declined IN (0, 1)),
    chat_type TEXT NOT NULL
);
CREATE INDEX questions_asked_at ON questions (asked_at);
INSERT INTO questions VALUES (7, 1709517600, '母婴室有多少间', 5, 0.8, 0, 'private');
INSERT INTO questions VALUES (8, 1709517600, '今天天气怎么样', NULL, 0.0, 1, 'group');
INSERT INTO questions VALUES (9, 1709517600, '你好', NULL, 0.0, 0, 'private');
PRAGMA user_version = 1;
";

/// A data directory holding a version-1 database, and the database's path.
fn version_1_database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = database_path(dir.path());
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(VERSION_1_SCHEMA)
        .unwrap();
    (dir, path)
}

#[test]
fn a_version_1_database_is_read_by_reports_without_a_write() {
    let (dir, path) = version_1_database();
    let before = std::fs::read(&path).unwrap();

    // A report reads the old schema (a migrated copy in memory) without changing a byte.
    let old = QuestionStore::open_read_only(&path).unwrap().expect("questions");
    let stats = old.stats(NOW).unwrap();
    assert_eq!(
        (stats.today.questions, stats.today.answered, stats.today.declined),
        (3, 2, 1)
    );
    let unanswered = old.unanswered(10, 0, ArticleFilter::All).unwrap();
    assert_eq!(unanswered.len(), 1);
    assert_eq!(
        (unanswered[0].text.as_str(), unanswered[0].declined),
        ("今天天气怎么样", 1)
    );
    drop(old);
    assert_eq!(std::fs::read(&path).unwrap(), before, "the report wrote to the file");
    assert_eq!(files_in(dir.path()), [DATABASE_FILE_NAME]);
}

#[test]
fn a_version_1_database_is_migrated_by_the_bot() {
    let (_dir, path) = version_1_database();
    // The bot upgrades it: every question kept, with its id, the flag became the status.
    let mut store = QuestionStore::open(&path).unwrap();
    store
        .record(&record(NOW, "母婴室开放时间", Some(5), 0.5, Related))
        .unwrap();
    drop(store);
    let raw = rusqlite::Connection::open(&path).unwrap();
    let version: i32 = raw.query_row("PRAGMA user_version", [], |row| row.get(0)).unwrap();
    assert_eq!(version, fuer_bot::store::SCHEMA_VERSION);
    let rows: Vec<(i64, String, Option<u8>, String, String)> = raw
        .prepare("SELECT id, question, item, status, chat_type FROM questions ORDER BY id")
        .unwrap()
        .query_map([], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected = [
        (7, "母婴室有多少间", Some(5), "answered", "private"),
        (8, "今天天气怎么样", None, "declined", "group"),
        (9, "你好", None, "answered", "private"),
        (10, "母婴室开放时间", Some(5), "related", "private"),
    ];
    let expected: Vec<(i64, String, Option<u8>, String, String)> = expected
        .iter()
        .map(|(id, question, item, status, chat)| {
            (*id, question.to_string(), *item, status.to_string(), chat.to_string())
        })
        .collect();
    assert_eq!(rows, expected);
    let index: i64 = raw
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'questions_asked_at'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(index, 1, "the index survives the rebuild");
    let defaults: Vec<(String, String)> = raw
        .prepare("SELECT DISTINCT lang, article FROM questions WHERE id < 10")
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(defaults, [("zh-Hans".to_string(), String::new())]);
    // A status outside the three is refused by the schema.
    let invalid = raw.execute(
        "INSERT INTO questions (asked_at, question, item, score, status, chat_type)
         VALUES (0, 'x', NULL, 0, 'maybe', 'private')",
        [],
    );
    assert!(invalid.is_err());
}

/// The version-2 schema (the answer status, no summaries), as fuer-bot created it.
const VERSION_2_SCHEMA: &str = "
CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    asked_at INTEGER NOT NULL,
    question TEXT NOT NULL,
    item INTEGER,
    score REAL NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('answered', 'related', 'declined')),
    chat_type TEXT NOT NULL
);
CREATE INDEX questions_asked_at ON questions (asked_at);
PRAGMA user_version = 2;
";

/// The version-3 schema (the summary tables and their trigger), exactly as fuer-bot
/// created it before the reply language and the article were recorded.
const VERSION_3_SCHEMA: &str = r#"
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
CREATE TRIGGER IF NOT EXISTS questions_summaries AFTER INSERT ON questions BEGIN
    INSERT INTO day_totals (day, item, status, low_confidence, questions)
        VALUES (((NEW.asked_at + 28800) / 86400) * 86400 - 28800, COALESCE(NEW.item, 0), NEW.status, (NEW.status = 'answered' AND NEW.item IS NOT NULL AND NEW.score < 0.4000000059604645), 1)
        ON CONFLICT DO UPDATE SET questions = questions + 1;
    INSERT INTO unanswered_days (day, normalized, questions, declined, related, last_asked, wording)
        SELECT ((NEW.asked_at + 28800) / 86400) * 86400 - 28800, NEW.normalized, 1, NEW.status = 'declined', NEW.status = 'related', NEW.asked_at, NEW.question
        WHERE NEW.normalized <> '' AND (NEW.status IN ('declined', 'related') OR (NEW.status = 'answered' AND NEW.item IS NOT NULL AND NEW.score < 0.4000000059604645))
        ON CONFLICT DO UPDATE SET
            questions = questions + 1,
            declined = declined + excluded.declined,
            related = related + excluded.related,
            wording = CASE WHEN excluded.last_asked >= last_asked THEN excluded.wording ELSE wording END,
            last_asked = MAX(last_asked, excluded.last_asked);
    INSERT INTO unanswered_recent (normalized, questions, declined, related, last_asked, wording)
        SELECT NEW.normalized, 1, NEW.status = 'declined', NEW.status = 'related', NEW.asked_at, NEW.question
        WHERE NEW.normalized <> '' AND (NEW.status IN ('declined', 'related') OR (NEW.status = 'answered' AND NEW.item IS NOT NULL AND NEW.score < 0.4000000059604645))
          AND ((NEW.asked_at + 28800) / 86400) * 86400 - 28800 >= COALESCE((SELECT value FROM summary_state WHERE name = 'recent_from'), 9223372036854775807)
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
END;
PRAGMA user_version = 3;
"#;

/// Writes `records` into an older schema's `questions` (with `normalized` for version 3).
fn insert_old(connection: &rusqlite::Connection, records: &[QuestionRecord], version: i32) {
    for record in records {
        let values = rusqlite::params![
            record.time,
            record.question,
            record.item,
            f64::from(record.score),
            record.status.as_str(),
            record.chat_type,
        ];
        if version == 3 {
            connection
                .execute(
                    "INSERT INTO questions (asked_at, question, item, score, status, chat_type, normalized)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    rusqlite::params_from_iter(
                        values
                            .iter()
                            .copied()
                            .chain([&normalize(&record.question) as &dyn rusqlite::ToSql]),
                    ),
                )
                .unwrap();
        } else {
            connection
                .execute(
                    "INSERT INTO questions (asked_at, question, item, score, status, chat_type)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    values,
                )
                .unwrap();
        }
    }
}

/// Every report the admins see, as a tuple to compare before and after a migration.
type Reports = (
    fuer_bot::store::Stats,
    Vec<fuer_bot::store::DayCount>,
    Vec<fuer_bot::store::UnansweredQuestion>,
    Vec<fuer_bot::store::UnansweredQuestion>,
    Vec<fuer_bot::store::AskedQuestion>,
    u64,
);

/// Every report the admins see, as a tuple to compare before and after a migration.
fn reports(store: &QuestionStore) -> Reports {
    (
        store.stats(NOW).unwrap(),
        store.questions_per_day(NOW, 60).unwrap(),
        store
            .unanswered(50, unanswered_since(NOW, 30), ArticleFilter::All)
            .unwrap(),
        store
            .unanswered(50, unanswered_since(NOW, 60), ArticleFilter::All)
            .unwrap(),
        store.frequent_questions(50).unwrap(),
        store.count().unwrap(),
    )
}

/// The reports of the file at `path` before the bot migrates it, read without changing a
/// byte of it.
fn reports_without_a_write(path: &Path) -> Reports {
    let before = std::fs::read(path).unwrap();
    let read_only = QuestionStore::open_read_only(path)
        .unwrap()
        .expect("recorded questions");
    let expected = reports(&read_only);
    drop(read_only);
    assert_eq!(std::fs::read(path).unwrap(), before, "the report wrote to the file");
    expected
}

/// The log of the migration tests: the mixed log and more, over two months.
fn old_log() -> Vec<QuestionRecord> {
    let mut records = mixed_log();
    records.extend([
        record(NOW - 50 * DAY, "很久以前", None, 0.0, Declined),
        record(NOW - 10 * DAY, "妈妈岗有几个", Some(2), 0.35, Answered),
        record(NOW - 10 * DAY + 60, "妈妈岗 有几个？", Some(2), 0.9, Related),
        record(NOW - 5, "你好", None, 0.0, Answered),
    ]);
    records
}

#[test]
fn a_version_2_database_is_upgraded_with_its_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_path(dir.path());
    let records = old_log();
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(VERSION_2_SCHEMA).unwrap();
    insert_old(&raw, &records, 2);
    drop(raw);
    let expected = reports_without_a_write(&path);
    let oracle = oracle(&records);
    assert_eq!(expected.1, oracle.per_day(NOW, 60));
    assert_eq!(expected.2, oracle.unanswered(unanswered_since(NOW, 30), None));
    assert_eq!(expected.0.all_time, oracle.period(i64::MIN, TODAY_START, 5, None));

    let mut store = QuestionStore::open(&path).unwrap();
    assert_eq!(reports(&store), expected);
    store.record(&record(NOW, "天气", None, 0.0, Declined)).unwrap();
    let weather = store
        .unanswered(10, unanswered_since(NOW, 30), ArticleFilter::All)
        .unwrap();
    assert!(weather.iter().any(|q| q.text == "天气" && q.count == 2), "{weather:?}");
}

/// A version-3 database with data in every table, as the bot and the web page left it.
struct Version3 {
    dir: tempfile::TempDir,
    path: PathBuf,
    /// The questions in the file.
    records: Vec<QuestionRecord>,
    /// A day 100 days ago counted with 7 questions of item 3, the questions long gone.
    old_day: i64,
    /// The questions per day of the last 60 days, as version 3 counted them.
    days: Vec<(i64, i64)>,
}

fn version_3_database_with_data() -> Version3 {
    let dir = tempfile::tempdir().unwrap();
    let path = database_path(dir.path());
    let records = old_log();
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(VERSION_3_SCHEMA).unwrap();
    raw.execute_batch("PRAGMA journal_mode = WAL").unwrap();
    insert_old(&raw, &records, 3);
    // The web page has read its 30 days (unanswered_recent and summary_state are filled).
    raw.execute_batch(&format!(
        "INSERT INTO summary_state VALUES ('recent_from', {from});
         INSERT INTO unanswered_recent (normalized, questions, declined, related, last_asked, wording)
             SELECT normalized, SUM(questions), SUM(declined), SUM(related), MAX(last_asked), wording
             FROM unanswered_days WHERE day >= {from} GROUP BY normalized;",
        from = unanswered_since(NOW, 30)
    ))
    .unwrap();
    // Counted 100 days ago, the questions themselves long gone.
    let old_day = TODAY_START - 100 * DAY;
    raw.execute(
        "INSERT INTO day_totals (day, item, status, low_confidence, questions) VALUES (?1, 3, 'answered', 0, 7)",
        [old_day],
    )
    .unwrap();
    let days: Vec<(i64, i64)> = raw
        .prepare("SELECT day, SUM(questions) FROM day_totals WHERE day >= ?1 GROUP BY day ORDER BY day")
        .unwrap()
        .query_map([unanswered_since(NOW, 60)], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    Version3 {
        dir,
        path,
        records,
        old_day,
        days,
    }
}

/// The reports of a version-3 file before the bot migrates it: the file is not touched, and
/// what version 3 counted (the kept count of the old day too) is what is reported.
#[test]
fn a_version_3_database_is_reported_as_it_counted_without_a_write() {
    let Version3 {
        dir,
        path,
        records,
        days,
        ..
    } = version_3_database_with_data();
    let expected = reports_without_a_write(&path);
    assert_eq!(files_in(dir.path()), [DATABASE_FILE_NAME]);

    // What version 3 counted is what is reported.
    let oracle = oracle(&records);
    let per_day: Vec<(i64, i64)> = expected
        .1
        .iter()
        .filter(|day| day.questions > 0)
        .map(|day| (day.day_start, day.questions as i64))
        .collect();
    assert_eq!(per_day, days);
    assert_eq!(expected.1, oracle.per_day(NOW, 60));
    assert_eq!(expected.2, oracle.unanswered(unanswered_since(NOW, 30), None));
    assert_eq!(expected.3, oracle.unanswered(unanswered_since(NOW, 60), None));
    let mut all_time = oracle.period(i64::MIN, TODAY_START, 5, None);
    assert_eq!(expected.0.all_time.questions, all_time.questions + 7, "the kept count");
    all_time.questions += 7;
    all_time.answered += 7;
    all_time.languages[0].count += 7;
    all_time.top_items = expected.0.all_time.top_items.clone();
    assert_eq!(expected.0.all_time, all_time);
    assert!(
        expected
            .0
            .all_time
            .top_items
            .iter()
            .any(|item| item.item == 3 && item.count == 7),
        "{:?}",
        expected.0.all_time.top_items
    );
}

/// The version-3 file has data in every table; its counts are copied, not recounted: a
/// day's count whose questions are no longer in the file survives.
#[test]
fn a_version_3_database_with_data_keeps_every_count_and_list() {
    let Version3 {
        dir: _dir,
        path,
        old_day,
        ..
    } = version_3_database_with_data();
    let expected = reports_without_a_write(&path);

    // The bot migrates: the same reports, from the file itself.
    let mut store = QuestionStore::open(&path).unwrap();
    assert_eq!(reports(&store), expected);
    drop(store);
    let raw = rusqlite::Connection::open(&path).unwrap();
    let version: i32 = raw.query_row("PRAGMA user_version", [], |row| row.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let leftovers: i64 = raw
        .query_row("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%_v3'", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(leftovers, 0, "the version-3 tables are gone");
    let kept: i64 = raw
        .query_row(
            "SELECT questions FROM day_totals WHERE day = ?1 AND article = '' AND lang = 'zh-Hans' AND item = 3",
            [old_day],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(kept, 7);
    drop(raw);

    // And it goes on counting.
    store = QuestionStore::open(&path).unwrap();
    store.record(&record(NOW, "天气", None, 0.0, Declined)).unwrap();
    let stats = store.stats(NOW).unwrap();
    assert_eq!(stats.today.questions, expected.0.today.questions + 1);
    assert_eq!(stats.today.declined, expected.0.today.declined + 1);
    assert_eq!(local_day_start(NOW), TODAY_START);
}
