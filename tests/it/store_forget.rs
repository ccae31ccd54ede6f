//! Forgetting recorded questions: the retention period and deleting one question
//! everywhere it appears. After each, every report equals what the remaining questions
//! give (the oracle), except the per-day counts, which retention keeps; and the deleted
//! wording is nowhere in the database file, not even in its free pages.

use std::path::Path;

use super::store_support::*;
use fuer_bot::store::{ArticleFilter, QuestionRecord, QuestionStore, Recorder, Retention, unanswered_since};

/// Whether the bytes of the database file (and of its write-ahead log, if any) contain
/// `text`. Call it with the store closed (closing checkpoints the log).
fn file_contains(path: &Path, text: &str) -> bool {
    let needle = text.as_bytes();
    let wal = std::path::PathBuf::from(format!("{}-wal", path.display()));
    [path.to_path_buf(), wal]
        .iter()
        .any(|file| std::fs::read(file).is_ok_and(|bytes| bytes.windows(needle.len()).any(|window| window == needle)))
}

/// What the page and the reports show of every article over `days`.
fn unanswered_of(store: &QuestionStore, days: u32) -> Vec<fuer_bot::store::UnansweredQuestion> {
    store
        .unanswered(100, unanswered_since(NOW, days), ArticleFilter::All)
        .unwrap()
}

#[test]
fn questions_past_the_retention_period_are_deleted_and_the_daily_counts_kept() {
    let (_dir, path, mut store) = temp_store();
    let retention: Retention = "180".parse().unwrap();
    let cutoff = retention.cutoff(NOW);
    assert_eq!(cutoff, TODAY_START - 179 * DAY);
    let old = [
        record(NOW - 400 * DAY, "我家住在某某小区3栋", None, 0.0, Declined),
        record(cutoff - 1, "去年的老问题怎么办", Some(3), 0.3, Answered),
        record(cutoff - 1, "母婴室有多少间", Some(5), 0.9, Answered),
    ];
    let mut kept = vec![
        record(cutoff, "母婴室有多少间", Some(5), 0.9, Answered),
        record(cutoff + HOUR, "去年的老问题怎么办？", Some(3), 0.3, Answered),
    ];
    kept.extend(mixed_log());
    let all: Vec<QuestionRecord> = old.iter().chain(&kept).cloned().collect();
    store.record_many(&all).unwrap();
    // The page has read its 30 days and a longer period: both are summaries to clean.
    assert_eq!(
        unanswered_of(&store, 30),
        oracle(&all).unanswered(unanswered_since(NOW, 30), None)
    );
    assert_eq!(
        unanswered_of(&store, 500),
        oracle(&all).unanswered(unanswered_since(NOW, 500), None)
    );
    let stats = store.stats(NOW).unwrap();
    let per_day = store.questions_per_day(NOW, 500).unwrap();

    assert_eq!(store.apply_retention(NOW, retention).unwrap(), 3);
    assert_eq!(store.count().unwrap(), kept.len() as u64);
    assert_eq!(store.stats(NOW).unwrap(), stats, "the counts are kept");
    assert_eq!(store.questions_per_day(NOW, 500).unwrap(), per_day);
    for days in [30, 500, 180] {
        let since = unanswered_since(NOW, days);
        assert_eq!(
            unanswered_of(&store, days),
            oracle(&kept).unanswered(since, None),
            "{days}"
        );
    }
    let frequent = store.frequent_questions(100).unwrap();
    let nursing = frequent
        .iter()
        .find(|q| q.text == "母婴室有多少间")
        .expect("still asked");
    assert_eq!(nursing.count, 1, "only the kept question counts");
    let old_one = frequent
        .iter()
        .find(|q| q.text.starts_with("去年的老问题"))
        .expect("kept");
    assert_eq!((old_one.text.as_str(), old_one.count), ("去年的老问题怎么办？", 1));
    assert!(!frequent.iter().any(|q| q.text.contains("某某小区")));
    assert_eq!(
        store.apply_retention(NOW, retention).unwrap(),
        0,
        "nothing more to delete"
    );
    drop(store);
    assert!(
        !file_contains(&path, "我家住在某某小区3栋"),
        "the wording is overwritten"
    );
    assert!(
        file_contains(&path, "去年的老问题怎么办？"),
        "the check can see a kept wording"
    );
}

#[test]
fn a_deleted_question_is_gone_everywhere_and_the_counts_follow() {
    let (_dir, path, mut store) = temp_store();
    // Traditional characters and punctuation: not the normalized form, which the other
    // wording below shares.
    let private = "我叫王小紅！住在福田區梅林路8號";
    let mut records = mixed_log();
    records.extend([
        record(NOW - 3 * DAY, private, None, 0.0, Declined),
        record(NOW - HOUR / 2, &format!(" {private} "), Some(3), 0.2, Answered),
        // The same question in another wording: it stays, and now stands for the group.
        record(NOW - 2 * DAY, "我叫王小红，住在福田区梅林路8号", None, 0.0, Declined),
        record(NOW - DAY, "只问一次的私事张三电话13800000000", None, 0.0, Declined),
    ]);
    store.record_many(&records).unwrap();
    let recorder = Recorder::new(QuestionStore::open(&path).unwrap());
    // The page's 30 days are cached before the deletion.
    let before = unanswered_of(&store, 30);
    assert_eq!(before[0].text, private);
    assert_eq!(before[0].count, 3);

    assert_eq!(recorder.delete_wording(private).unwrap(), 2);
    let remaining: Vec<QuestionRecord> = records
        .iter()
        .filter(|r| r.question.trim() != private)
        .cloned()
        .collect();
    let since = unanswered_since(NOW, 30);
    assert_eq!(unanswered_of(&store, 30), oracle(&remaining).unanswered(since, None));
    let listed = unanswered_of(&store, 30);
    let group = listed
        .iter()
        .find(|q| q.text.contains("梅林路"))
        .expect("the other wording");
    assert_eq!(
        (group.text.as_str(), group.count),
        ("我叫王小红，住在福田区梅林路8号", 1)
    );
    assert_eq!(
        store.stats(NOW).unwrap().all_time,
        oracle(&remaining).period(i64::MIN, TODAY_START, 5, None)
    );
    assert_eq!(
        store.questions_per_day(NOW, 60).unwrap(),
        oracle(&remaining).per_day(NOW, 60)
    );
    assert_eq!(
        store.overview(NOW, 30, 5, ArticleFilter::All).unwrap().totals,
        oracle(&remaining).period(since, TODAY_START, 5, None)
    );
    let read_only = QuestionStore::open_read_only(&path).unwrap().expect("questions");
    assert_eq!(
        read_only.unanswered(100, since, ArticleFilter::All).unwrap(),
        oracle(&remaining).unanswered(since, None)
    );
    drop(read_only);

    // A question asked once: every row of it goes.
    let once = "只问一次的私事张三电话13800000000";
    assert_eq!(recorder.delete_wording(once).unwrap(), 1);
    assert_eq!(recorder.delete_wording(once).unwrap(), 0, "already gone");
    let remaining: Vec<QuestionRecord> = remaining.into_iter().filter(|r| r.question != once).collect();
    assert_eq!(unanswered_of(&store, 30), oracle(&remaining).unanswered(since, None));
    assert!(!store.frequent_questions(100).unwrap().iter().any(|q| q.text == once));
    assert_eq!(store.count().unwrap(), remaining.len() as u64);
    drop(store);
    drop(recorder);
    assert!(!file_contains(&path, private), "the wording is overwritten");
    assert!(!file_contains(&path, "13800000000"));
    assert!(file_contains(&path, "我叫王小红，住在福田区梅林路8号"));
}
