//! Question recording: queries with fixed times, reports, damaged and unwritable
//! databases, crash safety.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::store_support::*;
use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_bot::store::{
    ArticleFilter, CONSOLE_CHAT_TYPE, DATABASE_FILE_NAME, ItemCount, QuestionRecord, QuestionStore, RecordLang,
    Recorder, database_path, format_stats, format_unanswered, unanswered_since,
};

/// One question answered and one declined, now.
fn record_two_questions(store: &mut QuestionStore) {
    store
        .record(&record(NOW, "母婴室有多少间", Some(5), 0.8, Answered))
        .unwrap();
    store.record(&record(NOW, "天气", None, 0.0, Declined)).unwrap();
}

fn knowledge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

/// The names of a table's columns, in order.
fn columns(raw: &rusqlite::Connection, table: &str) -> Vec<String> {
    let mut columns = Vec::new();
    raw.pragma(None, "table_info", table, |row| {
        columns.push(row.get::<_, String>(1)?);
        Ok(())
    })
    .unwrap();
    columns
}

/// A new store's database, closed, opened again without the store.
fn new_raw_database() -> (tempfile::TempDir, PathBuf, rusqlite::Connection) {
    let (dir, path, store) = temp_store();
    drop(store);
    let raw = rusqlite::Connection::open(&path).unwrap();
    (dir, path, raw)
}

#[test]
fn open_creates_the_directory_and_a_wal_database_with_a_schema_version() {
    let (_dir, path, store) = temp_store();
    assert!(path.is_file());
    assert_eq!(path.file_name().and_then(|n| n.to_str()), Some(DATABASE_FILE_NAME));
    assert_eq!(store.count().unwrap(), 0);
    drop(store);
    let raw = rusqlite::Connection::open(&path).unwrap();
    let mode: String = raw.query_row("PRAGMA journal_mode", [], |row| row.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let version: i32 = raw.query_row("PRAGMA user_version", [], |row| row.get(0)).unwrap();
    assert_eq!(version, fuer_bot::store::SCHEMA_VERSION);
    // No column could identify a user.
    assert_eq!(
        columns(&raw, "questions"),
        [
            "id",
            "asked_at",
            "question",
            "item",
            "score",
            "status",
            "chat_type",
            "normalized",
            "lang",
            "article"
        ]
    );
}

/// Nor could a column of the summary tables of the web page identify a user.
#[test]
fn the_summary_tables_have_no_column_that_could_identify_a_user() {
    let (_dir, _path, raw) = new_raw_database();
    for (table, expected) in [
        (
            "day_totals",
            &[
                "day",
                "article",
                "lang",
                "item",
                "status",
                "low_confidence",
                "questions",
            ][..],
        ),
        (
            "unanswered_days",
            &[
                "day",
                "article",
                "normalized",
                "questions",
                "declined",
                "related",
                "last_asked",
                "wording",
            ][..],
        ),
        (
            "question_totals",
            &["normalized", "questions", "last_asked", "wording"][..],
        ),
        (
            "unanswered_recent",
            &[
                "normalized",
                "questions",
                "declined",
                "related",
                "last_asked",
                "wording",
            ][..],
        ),
        ("summary_state", &["name", "value"][..]),
    ] {
        assert_eq!(columns(&raw, table), expected, "{table}");
    }
}

#[test]
fn records_survive_reopening() {
    let (_dir, path, mut store) = temp_store();
    record_two_questions(&mut store);
    drop(store);
    let store = QuestionStore::open(&path).unwrap();
    assert_eq!(store.count().unwrap(), 2);
}

/// A week and more of questions around [`NOW`], with their Beijing-time edges, recorded in
/// a new store.
fn store_with_a_week_of_questions() -> (tempfile::TempDir, QuestionStore) {
    let (dir, _path, mut store) = temp_store();
    let records = [
        // Today (Beijing time), including its first second.
        record(TODAY_START, "母婴室", Some(5), 0.8, Answered),
        record(NOW - HOUR, "母婴室有多少间", Some(5), 0.9, Answered),
        record(NOW, "今天天气怎么样", None, 0.0, Declined),
        // Only related content was found: counted apart, and its item is among the asked.
        record(NOW - 2 * HOUR, "母婴室开放时间", Some(5), 0.3, Related),
        // Yesterday 23:59 Beijing time: the last 7 days, not today.
        record(TODAY_START - 60, "妈妈岗", Some(2), 0.8, Answered),
        // Three days ago.
        record(NOW - 3 * DAY, "培训", Some(1), 0.35, Answered),
        record(NOW - 3 * DAY, "你好", None, 0.0, Answered),
        // Six days ago at 00:00 (still in the last 7 days) and just before.
        record(TODAY_START - 6 * DAY, "家暴", Some(3), 0.7, Answered),
        record(TODAY_START - 6 * DAY - 1, "家暴怎么办", Some(3), 0.5, Answered),
        // Ten days ago.
        record(NOW - 10 * DAY, "反家暴", Some(3), 0.8, Answered),
        record(NOW - 10 * DAY, "股票", None, 0.0, Declined),
        // Tomorrow (clock skew): not counted.
        record(TODAY_START + DAY, "母婴室", Some(5), 0.8, Answered),
    ];
    for entry in &records {
        store.record(entry).unwrap();
    }
    (dir, store)
}

#[test]
fn stats_count_today_the_last_7_days_and_all_time() {
    let (_dir, store) = store_with_a_week_of_questions();
    let stats = store.stats(NOW).unwrap();
    assert_eq!(stats.now, NOW);

    assert_eq!(stats.today.questions, 4);
    assert_eq!(stats.today.answered, 2);
    assert_eq!(stats.today.related, 1);
    assert_eq!(stats.today.declined, 1);
    assert_eq!(
        stats.today.low_confidence, 0,
        "a related answer is not a low-confidence one"
    );
    assert_eq!(stats.today.top_items, [ItemCount { item: 5, count: 3 }]);
    assert!((stats.today.answered_share().unwrap() - 0.5).abs() < 1e-9);
    assert!((stats.today.related_share().unwrap() - 0.25).abs() < 1e-9);
    assert!((stats.today.declined_share().unwrap() - 0.25).abs() < 1e-9);

    assert_eq!(stats.last_7_days.questions, 8);
    assert_eq!(stats.last_7_days.answered, 6);
    assert_eq!(stats.last_7_days.related, 1);
    assert_eq!(stats.last_7_days.low_confidence, 1);
    assert_eq!(
        stats.last_7_days.top_items,
        [
            ItemCount { item: 5, count: 3 },
            ItemCount { item: 1, count: 1 },
            ItemCount { item: 2, count: 1 },
            ItemCount { item: 3, count: 1 },
        ]
    );

    assert_eq!(stats.all_time.questions, 11);
    assert_eq!(stats.all_time.declined, 2);
    assert_eq!(stats.all_time.top_items[0], ItemCount { item: 3, count: 3 });
}

#[test]
fn the_stats_report_gives_each_period_and_the_items_asked_most() {
    let (_dir, store) = store_with_a_week_of_questions();
    let stats = store.stats(NOW).unwrap();
    let knowledge = load_knowledge_dir(&knowledge_dir()).unwrap().into_first();
    let report = format_stats(&stats, Some(&knowledge));
    assert!(
        report.starts_with("问答统计（北京时间，截至 2024-03-04 10:00）"),
        "{report}"
    );
    assert!(
        report.contains("今天：4 个问题，回答 2 个（50%），给出相关内容 1 个（25%），答不上 1 个（25%）\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "最近7天：8 个问题，回答 6 个（75%），给出相关内容 1 个（12%），答不上 1 个（12%），把握不大 1 个"
        ),
        "{report}"
    );
    assert!(report.contains("1. 第5件 母婴室与民生实事 — 3 次"), "{report}");
    assert!(report.contains("全部问得最多的大事：\n1. 第3件"), "{report}");
    // Without the knowledge base the items are shown by number.
    assert!(format_stats(&stats, None).contains("1. 第5件 — 3 次"));
}

#[test]
fn stats_of_an_empty_database() {
    let (_dir, _path, store) = temp_store();
    let stats = store.stats(NOW).unwrap();
    assert_eq!(stats.today.questions, 0);
    assert_eq!(stats.today.answered_share(), None);
    assert!(stats.all_time.top_items.is_empty());
    let report = format_stats(&stats, None);
    assert!(report.contains("今天：还没有问题"), "{report}");
    assert!(!report.contains("问得最多"), "{report}");
}

/// A month of questions around [`NOW`], some of them unanswered in several wordings,
/// recorded in a new store.
fn store_with_unanswered_questions() -> (tempfile::TempDir, QuestionStore, Vec<QuestionRecord>) {
    let (dir, _path, mut store) = temp_store();
    let since = unanswered_since(NOW, 30);
    let records = vec![
        record(NOW - 5 * DAY, "今天天气怎么样？", None, 0.0, Declined),
        record(NOW - 4 * DAY, "今天天气怎么样？", None, 0.0, Declined),
        // Traditional characters and other punctuation: the same question.
        record(NOW - HOUR, "今天天氣怎麼樣", None, 0.0, Declined),
        // Answered, but weakly and ambiguously: low confidence.
        record(NOW - 2 * DAY, "培训", Some(1), 0.35, Answered),
        record(NOW - DAY, "孩子上学", Some(4), 0.35, Answered),
        record(NOW - DAY + 60, "孩子上学？", None, 0.0, Declined),
        // Only related content found: listed, whatever the score.
        record(NOW - DAY + 120, "孩子上学!", Some(4), 0.9, Related),
        record(NOW - 3 * HOUR, "母婴室开放时间", Some(5), 0.6, Related),
        // Answered well: not listed.
        record(NOW, "母婴室有多少间", Some(5), 0.81, Answered),
        // A greeting (no item, not declined): not listed.
        record(NOW, "你好", None, 0.0, Answered),
        // Only an emoji: nothing to learn from.
        record(NOW, "😀", None, 0.0, Declined),
        // Before the period.
        record(since - 1, "老问题", None, 0.0, Declined),
    ];
    for entry in &records {
        store.record(entry).unwrap();
    }
    (dir, store, records)
}

#[test]
fn unanswered_groups_by_normalized_form_and_counts() {
    let since = unanswered_since(NOW, 30);
    assert_eq!(since, TODAY_START - 29 * DAY);
    let (_dir, store, records) = store_with_unanswered_questions();
    let list = store.unanswered(10, since, ArticleFilter::All).unwrap();
    let summary: Vec<(&str, u64, u64, u64)> = list
        .iter()
        .map(|q| (q.text.as_str(), q.count, q.declined, q.related))
        .collect();
    assert_eq!(
        summary,
        [
            // The latest wording stands for the group.
            ("今天天氣怎麼樣", 3, 3, 0),
            ("孩子上学!", 3, 1, 1),
            ("母婴室开放时间", 1, 0, 1),
            ("培训", 1, 0, 0)
        ]
    );
    assert_eq!(list[1].low_confidence(), 1);
    assert_eq!(list[0].normalized, fuer_core::normalize::normalize("今天天气怎么样"));
    assert_eq!(list[0].last_asked, NOW - HOUR);

    assert_eq!(list, oracle(&records).unanswered(since, None));
    assert_eq!(store.unanswered(1, since, ArticleFilter::All).unwrap().len(), 1);
    assert!(
        store
            .unanswered(10, TODAY_START + DAY, ArticleFilter::All)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_unanswered_report_lists_each_group_with_its_counts() {
    let (_dir, store, _records) = store_with_unanswered_questions();
    let list = store
        .unanswered(10, unanswered_since(NOW, 30), ArticleFilter::All)
        .unwrap();
    let report = format_unanswered(&list, 30);
    assert!(
        report.starts_with("最近30天答不上、只给出相关内容或把握不大的问题（前 4 个，按次数排序）："),
        "{report}"
    );
    assert!(
        report.contains("1. “今天天氣怎麼樣” × 3（答不上 3），最近 2024-03-04 09:00"),
        "{report}"
    );
    assert!(
        report.contains("2. “孩子上学!” × 3（答不上 1，只给出相关内容 1，把握不大 1）"),
        "{report}"
    );
    assert!(
        report.contains("3. “母婴室开放时间” × 1（只给出相关内容 1）"),
        "{report}"
    );
    assert!(report.contains("knowledge/README.md"), "{report}");
    assert_eq!(
        format_unanswered(&[], 7),
        "最近7天没有答不上、只给出相关内容或把握不大的问题。"
    );
}

#[test]
fn record_from_an_engine_answer() {
    let knowledge = load_knowledge_dir(&knowledge_dir()).unwrap().into_first();
    let engine = fuer_core::engine::Engine::new(knowledge);
    let answered = QuestionRecord::from_answer(NOW, "母婴室有多少间", &engine.answer("母婴室有多少间"), "group");
    assert_eq!(answered.item, Some(5));
    assert_eq!(answered.status, Answered);
    assert!(answered.score >= fuer_bot::store::LOW_CONFIDENCE_SCORE);
    assert_eq!(answered.chat_type, "group");
    let declined = QuestionRecord::from_answer(NOW, "今天天气怎么样", &engine.answer("今天天气怎么样"), "private");
    assert_eq!(declined.item, None);
    assert_eq!(declined.status, Declined);
    let greeting = QuestionRecord::from_answer(NOW, "你好", &engine.answer("你好"), "private");
    assert_eq!(
        greeting.status, Answered,
        "only a declined answer is recorded as declined"
    );
}

#[test]
fn a_corrupted_database_is_reported_with_its_path_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_path(dir.path());
    let garbage: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &garbage).unwrap();

    let error = QuestionStore::open(&path).expect_err("garbage is not a database");
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("not a database"), "{message}");
    assert!(error.is_damaged());
    assert_eq!(error.path(), path);
    // The file was not overwritten: an admin can still look at it.
    assert_eq!(std::fs::read(&path).unwrap(), garbage);

    let recorder = Recorder::open(&path);
    assert!(!recorder.is_recording());
    assert!(!recorder.record(&record(NOW, "母婴室", Some(5), 0.8, Answered)));
    assert_eq!(recorder.disabled_reason(), Some(error));
    let report = recorder.stats_report(NOW, None);
    assert!(report.starts_with("问题记录不可用"), "{report}");
    assert!(report.contains(&path.display().to_string()), "{report}");
    assert!(recorder.unanswered_report(NOW, 10, 30).starts_with("问题记录不可用"));
    assert!(recorder.stats(NOW).is_err());
}

#[test]
fn a_database_with_a_valid_header_but_damaged_pages_is_reported() {
    let (_dir, path, mut store) = temp_store();
    for i in 0..200 {
        let question = format!("问题{i}{}", "长".repeat(200));
        store.record(&record(NOW, &question, None, 0.0, Declined)).unwrap();
    }
    drop(store);
    // Checkpointed by the close; now overwrite everything after the first page.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8192, "the database should span several pages");
    for byte in &mut bytes[4096..] {
        *byte = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();
    let error = QuestionStore::open(&path).expect_err("damaged pages");
    assert!(error.to_string().contains(&path.display().to_string()), "{error}");
    assert!(error.is_damaged(), "{error}");
}

#[test]
fn an_unwritable_location_is_reported_and_the_recorder_keeps_going() {
    let dir = tempfile::tempdir().unwrap();
    // The data directory would have to be inside a regular file.
    let blocker = dir.path().join("not-a-directory");
    std::fs::write(&blocker, "x").unwrap();
    let path = database_path(&blocker.join("data"));
    let error = QuestionStore::open(&path).expect_err("cannot create a directory inside a file");
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("cannot create the data directory"), "{message}");
    assert!(message.contains("a part of the path is a file"), "{message}");

    // The database path is a directory.
    let as_directory = dir.path().join("db-is-a-directory");
    std::fs::create_dir(&as_directory).unwrap();
    let error = QuestionStore::open(&as_directory).expect_err("a directory is not a database");
    assert!(error.to_string().contains("db-is-a-directory"), "{error}");

    let recorder = Recorder::open(&path);
    assert!(!recorder.is_recording());
    for _ in 0..3 {
        assert!(!recorder.record(&record(NOW, "母婴室", Some(5), 0.8, Answered)));
    }
}

#[test]
fn the_recorder_records_from_many_threads() {
    let (_dir, path, store) = temp_store();
    let recorder = Arc::new(Recorder::new(store));
    assert!(recorder.is_recording());
    let threads: Vec<_> = (0..4)
        .map(|thread| {
            let recorder = Arc::clone(&recorder);
            std::thread::spawn(move || {
                for i in 0..25 {
                    let question = format!("线程{thread}问题{i}");
                    assert!(recorder.record(&record(NOW, &question, None, 0.0, Declined)));
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(recorder.stats(NOW).unwrap().today.questions, 100);
    assert_eq!(recorder.unanswered(1000, 0, ArticleFilter::All).unwrap().len(), 100);
    drop(recorder);
    assert_eq!(QuestionStore::open(&path).unwrap().count().unwrap(), 100);
}

#[test]
fn a_transaction_cut_off_by_closing_the_connection_leaves_the_database_readable() {
    let (_dir, path, mut store) = temp_store();
    for i in 0..3 {
        store
            .record(&record(NOW, &format!("问题{i}"), None, 0.0, Declined))
            .unwrap();
    }
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(
        "BEGIN IMMEDIATE;
         INSERT INTO questions (asked_at, question, item, score, status, chat_type)
             VALUES (0, 'never committed', NULL, 0, 'declined', 'private');
         INSERT INTO questions (asked_at, question, item, score, status, chat_type)
             VALUES (0, 'never committed either', NULL, 0, 'declined', 'private');",
    )
    .unwrap();
    drop(raw);
    drop(store);
    let mut store = QuestionStore::open(&path).unwrap();
    assert_eq!(store.count().unwrap(), 3);
    store.record(&record(NOW, "之后", None, 0.0, Declined)).unwrap();
    assert_eq!(store.count().unwrap(), 4);
}

/// Environment variable telling [`crash_helper_child`] where to write.
const CRASH_DB_ENV: &str = "FUER_BOT_TEST_CRASH_DB";
const CRASH_READY: &str = "CRASH-HELPER-READY";

/// Run by [`a_process_killed_mid_write_leaves_the_database_readable`] in a child process:
/// records 5 questions, then writes rows in a transaction that never commits (spilling
/// uncommitted pages to the WAL) until it is killed.
#[test]
#[ignore = "helper run in a child process by a_process_killed_mid_write_leaves_the_database_readable"]
fn crash_helper_child() {
    let Some(path) = std::env::var_os(CRASH_DB_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    let mut store = QuestionStore::open(&path).unwrap();
    for i in 0..5 {
        store
            .record(&record(NOW, &format!("已提交{i}"), None, 0.0, Declined))
            .unwrap();
    }
    drop(store);
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch("PRAGMA cache_size = 10; BEGIN IMMEDIATE;").unwrap();
    let filler = "未提交".repeat(700);
    let started = Instant::now();
    let mut announced = false;
    // Bounded: the parent kills it long before this ends.
    while started.elapsed() < Duration::from_secs(30) {
        raw.execute(
            "INSERT INTO questions (asked_at, question, item, score, status, chat_type)
             VALUES (?1, ?2, NULL, 0, 'declined', 'private')",
            rusqlite::params![NOW, filler],
        )
        .unwrap();
        if !announced && started.elapsed() > Duration::from_millis(100) {
            println!("{CRASH_READY}");
            announced = true;
        }
    }
    std::process::exit(0);
}

#[test]
fn a_process_killed_mid_write_leaves_the_database_readable() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_path(dir.path());
    // /proc/self/exe still runs this binary if a concurrent build has replaced the file.
    let this_binary = if Path::new("/proc/self/exe").exists() {
        PathBuf::from("/proc/self/exe")
    } else {
        std::env::current_exe().unwrap()
    };
    let mut child = Command::new(this_binary)
        .args([
            "store::crash_helper_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CRASH_DB_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the helper");
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains(CRASH_READY));
    assert!(ready, "the helper did not start writing");
    // Killed once uncommitted pages are in the write-ahead log (a hang guard, not a speed
    // requirement), in the middle of writing.
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let started = Instant::now();
    while wal.metadata().map(|m| m.len()).unwrap_or(0) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "nothing was written to the WAL"
        );
        std::thread::yield_now();
    }
    child.kill().unwrap(); // SIGKILL, in the middle of writing
    let status = child.wait().unwrap();
    assert!(!status.success());

    let wal = PathBuf::from(format!("{}-wal", path.display()));
    assert!(
        wal.metadata().map(|m| m.len()).unwrap_or(0) > 0,
        "uncommitted pages should be in the WAL"
    );
    let mut store = QuestionStore::open(&path).expect("the database is readable after the crash");
    assert_eq!(store.count().unwrap(), 5);
    store.record(&record(NOW, "崩溃之后", None, 0.0, Declined)).unwrap();
    assert_eq!(store.count().unwrap(), 6);
}

#[test]
fn questions_per_day_counts_each_local_day_of_the_period() {
    let (_dir, _path, mut store) = temp_store();
    let records = [
        record(TODAY_START, "母婴室", Some(5), 0.8, Answered),
        record(NOW, "股票", None, 0.0, Declined),
        // 23:59:59 yesterday, Beijing time.
        record(TODAY_START - 1, "母婴室开放时间", Some(5), 0.4, Related),
        record(NOW - 3 * DAY, "妈妈岗", Some(2), 0.8, Answered),
        // Before the 7 days, and tomorrow: not counted.
        record(TODAY_START - 7 * DAY + 10, "老问题", None, 0.0, Declined),
        record(TODAY_START + DAY, "将来", None, 0.0, Declined),
    ];
    for entry in &records {
        store.record(entry).unwrap();
    }
    let days = store.questions_per_day(NOW, 7).unwrap();
    let dates: Vec<String> = days.iter().map(|day| day.date()).collect();
    assert_eq!(
        dates,
        [
            "2024-02-27",
            "2024-02-28",
            "2024-02-29",
            "2024-03-01",
            "2024-03-02",
            "2024-03-03",
            "2024-03-04"
        ]
    );
    assert_eq!(days[6].day_start, TODAY_START);
    let counts: Vec<(u64, u64, u64, u64)> = days
        .iter()
        .map(|day| (day.questions, day.answered, day.related, day.declined))
        .collect();
    assert_eq!(
        counts,
        [
            (0, 0, 0, 0),
            (0, 0, 0, 0),
            (0, 0, 0, 0),
            (1, 1, 0, 0),
            (0, 0, 0, 0),
            (1, 0, 1, 0),
            (2, 1, 0, 1)
        ]
    );
    let today_only = store.questions_per_day(NOW, 0).unwrap();
    assert_eq!(today_only.len(), 1, "at least today");
    assert_eq!(today_only[0].questions, 2);
    assert_eq!(store.questions_per_day(NOW, 30).unwrap().len(), 30);
}

#[test]
fn reports_open_the_database_read_only_and_create_nothing() {
    let (dir, path, mut store) = temp_store();
    record_two_questions(&mut store);
    drop(store);
    let data = dir.path().join("data");
    assert_eq!(
        files_in(&data),
        [DATABASE_FILE_NAME],
        "closing the bot's store checkpoints"
    );
    let before = std::fs::read(&path).unwrap();

    let mut report = QuestionStore::open_read_only(&path).unwrap().expect("questions");
    assert_eq!(report.count().unwrap(), 2);
    assert_eq!(report.stats(NOW).unwrap().today.declined, 1);
    assert!(
        report.record(&record(NOW, "写入", None, 0.0, Declined)).is_err(),
        "a report's connection cannot write"
    );
    drop(report);
    assert_eq!(
        files_in(&data),
        [DATABASE_FILE_NAME],
        "no -wal or -shm file was created"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // Beside a running bot (the write-ahead log in use), the latest questions are seen.
    let mut bot = QuestionStore::open(&path).unwrap();
    bot.record(&record(NOW, "妈妈岗", Some(2), 0.8, Answered)).unwrap();
    let report = QuestionStore::open_read_only(&path).unwrap().expect("questions");
    assert_eq!(report.count().unwrap(), 3);
    drop(report);
    bot.record(&record(NOW, "之后", None, 0.0, Declined)).unwrap();
    assert_eq!(bot.count().unwrap(), 4);
}

#[test]
fn reports_check_the_file_before_touching_it() {
    let dir = tempfile::tempdir().unwrap();
    // No data directory, no file, an empty file: nothing recorded yet, nothing created.
    let missing = database_path(&dir.path().join("data"));
    assert!(QuestionStore::open_read_only(&missing).unwrap().is_none());
    assert!(!dir.path().join("data").exists());
    let empty = dir.path().join("empty.sqlite3");
    std::fs::write(&empty, "").unwrap();
    assert!(QuestionStore::open_read_only(&empty).unwrap().is_none());
    assert_eq!(std::fs::read(&empty).unwrap().len(), 0);

    // Not a database: an error naming the file, which is left as it was.
    let text = dir.path().join("text.sqlite3");
    std::fs::write(&text, "this is not a database, just a long enough text file").unwrap();
    let error = QuestionStore::open_read_only(&text).expect_err("not a database");
    assert!(error.is_damaged(), "{error}");
    assert!(error.to_string().contains("text.sqlite3"), "{error}");
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "this is not a database, just a long enough text file"
    );
    assert_eq!(files_in(dir.path()), ["empty.sqlite3", "text.sqlite3"]);

    // A directory where the file should be.
    let error = QuestionStore::open_read_only(dir.path()).expect_err("a directory");
    assert!(error.to_string().contains("not a regular file"), "{error}");
}

#[test]
fn the_summary_tables_agree_with_the_questions() {
    let (_dir, _path, mut store) = temp_store();
    let mut records = mixed_log();
    store.record_many(&records).unwrap();
    let overview = store.overview(NOW, 30, 5, ArticleFilter::All).unwrap();
    let first_day = unanswered_since(NOW, 30);
    assert_eq!(overview.days, oracle(&records).per_day(NOW, 30));
    assert_eq!(overview.days, store.questions_per_day(NOW, 30).unwrap());
    assert_eq!(
        overview.totals,
        oracle(&records).period(first_day, TODAY_START, 5, None)
    );
    assert_eq!(overview.totals.questions, 8);
    assert_eq!(overview.totals.low_confidence, 1);
    assert_eq!(
        overview.totals.top_items,
        [ItemCount { item: 5, count: 3 }, ItemCount { item: 2, count: 1 }]
    );
    let stats = store.stats(NOW).unwrap();
    assert_eq!(stats.all_time, oracle(&records).period(i64::MIN, TODAY_START, 5, None));
    assert_eq!(stats.today, oracle(&records).period(TODAY_START, TODAY_START, 5, None));

    let list = store.unanswered(10, first_day, ArticleFilter::All).unwrap();
    assert_eq!(list, oracle(&records).unanswered(first_day, None));
    assert_eq!(list[0].count, 3);
    assert_eq!(list[0].text, "喂奶的地方有几个", "the latest wording");

    // A day later: the period moves on, the oldest day's questions leave it, new ones count.
    for days in [30, 29, 3, 2, 1, 30] {
        let since = unanswered_since(NOW, days);
        let weather = record(NOW, "天气", None, 0.0, Declined);
        store.record(&weather).unwrap();
        records.push(weather);
        assert_eq!(
            store.unanswered(10, since, ArticleFilter::All).unwrap(),
            oracle(&records).unanswered(since, None),
            "{days} days"
        );
    }

    let frequent = store.frequent_questions(2).unwrap();
    assert_eq!(frequent.len(), 2);
    assert_eq!(frequent[0].text, "天气");
    assert_eq!(frequent[0].count, 7);
    assert_eq!(frequent[1].count, 3);
}

/// `/unanswered` and `fuer-bot unanswered` (a read-only report) and the web page (the
/// bot's writable store, which keeps the period's list in `unanswered_recent`) list the
/// same questions, in the same order, with the same wording, over any period.
#[test]
fn the_unanswered_report_and_the_web_page_agree() {
    let (_dir, path, mut store) = temp_store();
    let mut records = mixed_log();
    // Several wordings of one question on several days; another tied on count.
    for (days_ago, wording) in [(5, "母婴室开放时间?"), (2, "母婴室 开放时间"), (0, "母婴室开放时间！")]
    {
        records.push(record(NOW - days_ago * DAY, wording, Some(5), 0.5, Related));
    }
    records.push(record(NOW - 3 * HOUR, "妇联电话", None, 0.0, Declined));
    records.push(record(NOW - 3 * HOUR, "妇联的电话", None, 0.0, Declined));
    store.record_many(&records).unwrap();
    let recorder = Recorder::new(QuestionStore::open(&path).unwrap());
    for days in [30, 7, 3, 1, 30, 60] {
        let since = unanswered_since(NOW, days);
        let page = store.unanswered(50, since, ArticleFilter::All).unwrap();
        let report = QuestionStore::open_read_only(&path)
            .unwrap()
            .expect("questions")
            .unanswered(50, since, ArticleFilter::All)
            .unwrap();
        assert_eq!(page, report, "{days} days");
        assert_eq!(page, oracle(&records).unanswered(since, None), "{days} days");
        assert_eq!(
            recorder.unanswered_report(NOW, 50, days),
            format_unanswered(&page, days),
            "{days} days"
        );
    }
}

/// The first article, to which questions recorded without an article belong.
const FIRST_ARTICLE: ArticleFilter<'static> = ArticleFilter::Only {
    id: "2024-shenzhen",
    first: true,
};
/// The second article.
const LATER_ARTICLE: ArticleFilter<'static> = ArticleFilter::Only {
    id: "2025-shenzhen",
    first: false,
};

/// Seven questions in three languages and two articles (one recorded without an article,
/// one from the console).
fn questions_in_languages_and_articles() -> Vec<QuestionRecord> {
    vec![
        record_in(RecordLang::Simplified, "", NOW - DAY, "母婴室有多少间", Answered),
        record_in(
            RecordLang::English,
            "2024-shenzhen",
            NOW,
            "How many nursing rooms?",
            Answered,
        ),
        record_in(
            RecordLang::Traditional,
            "2024-shenzhen",
            NOW,
            "母嬰室有多少間",
            Answered,
        ),
        record_in(RecordLang::Traditional, "2025-shenzhen", NOW, "天氣如何", Declined),
        record_in(RecordLang::English, "2025-shenzhen", NOW, "weather tomorrow", Declined),
        record_in(RecordLang::Simplified, "2025-shenzhen", NOW, "明天下雨吗", Related),
        QuestionRecord {
            chat_type: CONSOLE_CHAT_TYPE.to_string(),
            ..record_in(RecordLang::Simplified, "2024-shenzhen", NOW, "明天下雨吗？", Declined)
        },
    ]
}

/// A new store holding [`questions_in_languages_and_articles`].
fn store_with_questions_in_languages_and_articles() -> (tempfile::TempDir, PathBuf, QuestionStore, Vec<QuestionRecord>)
{
    let (dir, path, mut store) = temp_store();
    let records = questions_in_languages_and_articles();
    store.record_many(&records).unwrap();
    (dir, path, store, records)
}

#[test]
fn every_article_filter_agrees_with_the_oracle() {
    let (_dir, _path, store, records) = store_with_questions_in_languages_and_articles();
    let oracle = oracle(&records);
    let first_day = unanswered_since(NOW, 30);
    let filters = [
        (ArticleFilter::All, None),
        (FIRST_ARTICLE, Some(("2024-shenzhen", true))),
        (LATER_ARTICLE, Some(("2025-shenzhen", false))),
    ];
    for (filter, articles) in filters {
        let overview = store.overview(NOW, 30, 5, filter).unwrap();
        assert_eq!(
            overview.totals,
            oracle.period(first_day, TODAY_START, 5, articles),
            "{filter:?}"
        );
        assert_eq!(
            store.unanswered(10, first_day, filter).unwrap(),
            oracle.unanswered(first_day, articles),
            "{filter:?}"
        );
    }
}

#[test]
fn questions_record_their_language_article_and_console_chats() {
    let (_dir, _path, store, _records) = store_with_questions_in_languages_and_articles();
    let first_day = unanswered_since(NOW, 30);
    let all = store.overview(NOW, 30, 5, ArticleFilter::All).unwrap().totals;
    assert_eq!(all.questions, 7);
    let share = |lang| all.lang_share(lang).unwrap();
    assert!((share(RecordLang::Simplified) - 3.0 / 7.0).abs() < 1e-9);
    assert!((share(RecordLang::Traditional) - 2.0 / 7.0).abs() < 1e-9);
    assert!((share(RecordLang::English) - 2.0 / 7.0).abs() < 1e-9);
    // The question recorded without an article belongs to the first article.
    assert_eq!(store.overview(NOW, 30, 5, FIRST_ARTICLE).unwrap().totals.questions, 4);
    let unanswered: Vec<(String, u64)> = store
        .unanswered(10, first_day, LATER_ARTICLE)
        .unwrap()
        .into_iter()
        .map(|question| (question.text, question.count))
        .collect();
    assert_eq!(unanswered.len(), 3, "{unanswered:?}");
    assert!(unanswered.contains(&("明天下雨吗".to_string(), 1)), "{unanswered:?}");
    // Every article: the console's wording joins the 2025 one.
    let everywhere = store.unanswered(10, first_day, ArticleFilter::All).unwrap();
    assert!(
        everywhere.iter().any(|q| q.text == "明天下雨吗？" && q.count == 2),
        "{everywhere:?}"
    );
}

/// The rows hold the chat type, the language code and the article; only the three
/// languages can be stored.
#[test]
fn questions_are_stored_with_their_chat_type_language_and_article() {
    let (_dir, path, store, _records) = store_with_questions_in_languages_and_articles();
    drop(store);
    let raw = rusqlite::Connection::open(&path).unwrap();
    let stored: Vec<(String, String, String)> = raw
        .prepare("SELECT chat_type, lang, article FROM questions ORDER BY id")
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(stored[0], ("private".into(), "zh-Hans".into(), String::new()));
    assert_eq!(stored[1], ("private".into(), "en".into(), "2024-shenzhen".into()));
    assert_eq!(stored[6], ("console".into(), "zh-Hans".into(), "2024-shenzhen".into()));
    // Only the three languages are stored.
    let invalid = raw.execute(
        "INSERT INTO questions (asked_at, question, item, score, status, chat_type, lang)
         VALUES (0, 'x', NULL, 0, 'declined', 'private', 'fr')",
        [],
    );
    assert!(invalid.is_err());
}
