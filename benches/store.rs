//! Cost of recording one question (one transaction with fsync, WAL mode) and of the
//! admin reports on a database of 10,000 questions.
//!
//! Run: `cargo bench --bench store`.

use criterion::{Criterion, criterion_group, criterion_main};
use fuer_bot::store::{QuestionRecord, QuestionStore, RecordStatus, database_path};

const NOW: i64 = 1_709_517_600;

fn record(i: i64) -> QuestionRecord {
    QuestionRecord {
        time: NOW - (i % 30) * 86_400,
        question: format!("问题{}", i % 300),
        item: (i % 3 != 0).then_some((i % 10 + 1) as u8),
        score: if i % 7 == 0 { 0.3 } else { 0.8 },
        status: if i % 3 == 0 {
            RecordStatus::Declined
        } else {
            RecordStatus::Answered
        },
        chat_type: "private".to_string(),
        lang: Default::default(),
        article: String::new(),
    }
}

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = QuestionStore::open(&database_path(dir.path())).expect("open");
    let mut group = c.benchmark_group("store");
    group.sample_size(20);
    let mut i = 0;
    group.bench_function("record", |b| {
        b.iter(|| {
            store.record(&record(i)).expect("record");
            i += 1;
        });
    });
    while store.count().expect("count") < 10_000 {
        store.record(&record(i)).expect("record");
        i += 1;
    }
    group.bench_function("stats_10k", |b| b.iter(|| store.stats(NOW).expect("stats")));
    group.bench_function("unanswered_10k", |b| {
        b.iter(|| {
            store
                .unanswered(10, NOW - 30 * 86_400, fuer_bot::store::ArticleFilter::All)
                .expect("unanswered")
        })
    });
    group.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
