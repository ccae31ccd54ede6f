//! Helpers of the question-log tests: records at fixed times, a temporary store, a mixed
//! log, and an oracle that computes every report from the records themselves (plain Rust,
//! no SQL), so that the summary tables are checked against something independent.

use std::collections::HashMap;
use std::path::PathBuf;

use fuer_bot::store::{
    DayCount, ItemCount, LOW_CONFIDENCE_SCORE, LangCount, PeriodStats, QuestionRecord, QuestionStore, RecordLang,
    RecordStatus, UnansweredQuestion, database_path, local_day_start,
};
use fuer_core::normalize::normalize;

pub const HOUR: i64 = 3600;
pub const DAY: i64 = 86_400;
/// 2024-03-04 00:00 in Beijing (UTC+8).
pub const TODAY_START: i64 = 1_709_481_600;
/// 2024-03-04 10:00 in Beijing.
pub const NOW: i64 = TODAY_START + 10 * HOUR;

pub use RecordStatus::{Answered, Declined, Related};

/// A private chat's question, replied in Simplified Chinese, about the first article.
pub fn record(time: i64, question: &str, item: Option<u8>, score: f32, status: RecordStatus) -> QuestionRecord {
    QuestionRecord {
        time,
        question: question.to_string(),
        item,
        score,
        status,
        chat_type: "private".to_string(),
        lang: RecordLang::Simplified,
        article: String::new(),
    }
}

/// `record` with a language and an article.
pub fn record_in(lang: RecordLang, article: &str, time: i64, question: &str, status: RecordStatus) -> QuestionRecord {
    let item = (status != Declined).then_some(5);
    QuestionRecord {
        lang,
        article: article.to_string(),
        ..record(time, question, item, if item.is_some() { 0.8 } else { 0.0 }, status)
    }
}

pub fn temp_store() -> (tempfile::TempDir, PathBuf, QuestionStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database_path(&dir.path().join("data"));
    let store = QuestionStore::open(&path).expect("open store");
    (dir, path, store)
}

/// A mixed log over several days, for the summary tables.
pub fn mixed_log() -> Vec<QuestionRecord> {
    vec![
        record(NOW - HOUR, "喂奶的地方有几个", None, 0.0, Declined),
        record(NOW - 2 * HOUR, "喂奶的地方有几个？", None, 0.0, Declined),
        record(NOW - DAY, "喂奶的地方 有几个", Some(5), 0.6, Related),
        record(NOW - DAY, "母婴室有多少", Some(5), 0.9, Answered),
        record(NOW - 2 * DAY, "母婴室有多少", Some(5), 0.9, Answered),
        record(NOW - 2 * DAY, "妈妈岗呢", Some(2), 0.3, Answered),
        record(NOW - 3 * DAY, "天气", None, 0.0, Declined),
        record(NOW - 40 * DAY, "很久以前", None, 0.0, Declined),
        record(NOW - HOUR, "🙂", None, 0.0, Declined),
    ]
}

/// Which articles the oracle counts: `None` every article, else the id and whether it is
/// the first article (then the empty id counts too).
pub type Articles<'a> = Option<(&'a str, bool)>;

fn article_matches(record: &QuestionRecord, articles: Articles<'_>) -> bool {
    match articles {
        None => true,
        Some((id, first)) => record.article == id || (first && record.article.is_empty()),
    }
}

fn low_confidence(record: &QuestionRecord) -> bool {
    record.status == Answered && record.item.is_some() && record.score < LOW_CONFIDENCE_SCORE
}

fn unanswered(record: &QuestionRecord) -> bool {
    matches!(record.status, Declined | Related) || low_confidence(record)
}

/// The oracle of `records`.
pub fn oracle(records: &[QuestionRecord]) -> Oracle<'_> {
    Oracle { records }
}

/// Every report computed from the records, in the order they were recorded.
pub struct Oracle<'a> {
    pub records: &'a [QuestionRecord],
}

impl Oracle<'_> {
    /// Counts of the records of the local days `first_day..=last_day`.
    pub fn period(&self, first_day: i64, last_day: i64, top: usize, articles: Articles<'_>) -> PeriodStats {
        let mut stats = PeriodStats::default();
        let mut items: HashMap<u8, u64> = HashMap::new();
        let mut languages: HashMap<RecordLang, u64> = HashMap::new();
        for record in self.records {
            let day = local_day_start(record.time);
            if day < first_day || day > last_day || !article_matches(record, articles) {
                continue;
            }
            stats.questions += 1;
            match record.status {
                Answered => stats.answered += 1,
                Related => stats.related += 1,
                Declined => stats.declined += 1,
            }
            stats.low_confidence += u64::from(low_confidence(record));
            if let Some(item) = record.item
                && record.status != Declined
            {
                *items.entry(item).or_default() += 1;
            }
            *languages.entry(record.lang).or_default() += 1;
        }
        let mut top_items: Vec<ItemCount> = items
            .into_iter()
            .map(|(item, count)| ItemCount { item, count })
            .collect();
        top_items.sort_by(|a, b| b.count.cmp(&a.count).then(a.item.cmp(&b.item)));
        top_items.truncate(top);
        stats.top_items = top_items;
        stats.languages = RecordLang::ALL
            .into_iter()
            .filter_map(|lang| languages.get(&lang).map(|&count| LangCount { lang, count }))
            .collect();
        stats
    }

    /// The questions of each of the `days` local days ending with the day of `now`.
    pub fn per_day(&self, now: i64, days: u32) -> Vec<DayCount> {
        let first = local_day_start(now) - i64::from(days - 1) * DAY;
        (0..i64::from(days))
            .map(|n| {
                let day = first + n * DAY;
                let period = self.period(day, day, 0, None);
                DayCount {
                    day_start: day,
                    questions: period.questions,
                    answered: period.answered,
                    related: period.related,
                    declined: period.declined,
                }
            })
            .collect()
    }

    /// The unanswered questions from the local day of `since` on, as the reports list
    /// them: grouped by normalized form, the latest wording (the later record on a tie),
    /// most frequent first, then most recent, then by normalized form.
    pub fn unanswered(&self, since: i64, articles: Articles<'_>) -> Vec<UnansweredQuestion> {
        let from = local_day_start(since);
        let mut groups: Vec<UnansweredQuestion> = Vec::new();
        for record in self.records {
            let normalized = normalize(&record.question);
            if local_day_start(record.time) < from
                || !article_matches(record, articles)
                || !unanswered(record)
                || normalized.is_empty()
            {
                continue;
            }
            let index = match groups.iter().position(|group| group.normalized == normalized) {
                Some(index) => index,
                None => {
                    groups.push(UnansweredQuestion {
                        text: String::new(),
                        normalized,
                        count: 0,
                        declined: 0,
                        related: 0,
                        last_asked: i64::MIN,
                    });
                    groups.len() - 1
                }
            };
            let group = &mut groups[index];
            group.count += 1;
            group.declined += u64::from(record.status == Declined);
            group.related += u64::from(record.status == Related);
            if record.time >= group.last_asked {
                group.last_asked = record.time;
                group.text = record.question.trim().to_string();
            }
        }
        groups.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(b.last_asked.cmp(&a.last_asked))
                .then_with(|| a.normalized.cmp(&b.normalized))
        });
        groups
    }
}

/// The names of the files in `dir`, sorted.
pub fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
