//! [`Recorder`]: the running bot's handle on the question database. It records questions
//! if the database works and otherwise lets the bot go on without recording; the admin
//! commands read their reports through it.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::database::QuestionStore;
use super::error::StoreError;
use super::report::{
    ReportArticles, format_article_stats, format_article_unanswered, format_stats, format_store_error,
    format_unanswered,
};
use super::time::unanswered_since;
use super::{ArticleFilter, AskedQuestion, Overview, QuestionRecord, Retention, Stats, UnansweredQuestion};
use fuer_core::knowledge::KnowledgeBase;

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

    fn state(&self) -> MutexGuard<'_, RecorderState> {
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

    /// Runs a query on the database; an error when recording is off.
    fn query<T>(&self, query: impl FnOnce(&mut QuestionStore) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let mut state = self.state();
        let state = &mut *state;
        match &mut state.store {
            Some(store) => query(store),
            None => Err(state
                .disabled
                .clone()
                .unwrap_or_else(|| StoreError::new(Path::new("?"), "not available", "question recording is off"))),
        }
    }

    /// See [`QuestionStore::stats`]; an error when recording is off.
    pub fn stats(&self, now: i64) -> Result<Stats, StoreError> {
        self.query(|store| store.stats(now))
    }

    /// See [`QuestionStore::unanswered`]; an error when recording is off.
    pub fn unanswered(
        &self,
        limit: usize,
        since: i64,
        articles: ArticleFilter<'_>,
    ) -> Result<Vec<UnansweredQuestion>, StoreError> {
        self.query(|store| store.unanswered(limit, since, articles))
    }

    /// See [`QuestionStore::overview`]; an error when recording is off.
    pub fn overview(
        &self,
        now: i64,
        days: u32,
        top_items: usize,
        articles: ArticleFilter<'_>,
    ) -> Result<Overview, StoreError> {
        self.query(|store| store.overview(now, days, top_items, articles))
    }

    /// See [`QuestionStore::frequent_questions`]; an error when recording is off.
    pub fn frequent_questions(&self, limit: usize) -> Result<Vec<AskedQuestion>, StoreError> {
        self.query(|store| store.frequent_questions(limit))
    }

    /// See [`QuestionStore::apply_retention`]; an error when recording is off.
    pub fn apply_retention(&self, now: i64, retention: Retention) -> Result<u64, StoreError> {
        self.query(|store| store.apply_retention(now, retention))
    }

    /// See [`QuestionStore::delete_wording`]; an error when recording is off.
    pub fn delete_wording(&self, wording: &str) -> Result<u64, StoreError> {
        self.query(|store| store.delete_wording(wording))
    }

    /// The `/stats` message (Simplified Chinese), or why it is not available.
    pub fn stats_report(&self, now: i64, knowledge: Option<&KnowledgeBase>) -> String {
        match self.stats(now) {
            Ok(stats) => format_stats(&stats, knowledge),
            Err(error) => format_store_error(&error),
        }
    }

    /// The `/stats [ARTICLE]` message of `articles` (see [`format_article_stats`]), or why
    /// it is not available.
    pub fn article_stats_report(&self, now: i64, articles: &ReportArticles<'_>) -> String {
        let report = format_article_stats(articles, now, |filter| self.query(|store| store.stats_of(now, filter)));
        report.unwrap_or_else(|error| format_store_error(&error))
    }

    /// The `/unanswered [ARTICLE]` message of `articles` (see [`format_article_unanswered`])
    /// for the last `days` days, or why it is not available.
    pub fn article_unanswered_report(
        &self,
        now: i64,
        limit: usize,
        days: u32,
        articles: &ReportArticles<'_>,
    ) -> String {
        let since = unanswered_since(now, days);
        let report = format_article_unanswered(articles, days, |filter| self.unanswered(limit, since, filter));
        report.unwrap_or_else(|error| format_store_error(&error))
    }

    /// The `/unanswered` message (Simplified Chinese) for the last `days` days.
    pub fn unanswered_report(&self, now: i64, limit: usize, days: u32) -> String {
        match self.unanswered(limit, unanswered_since(now, days), ArticleFilter::All) {
            Ok(questions) => format_unanswered(&questions, days),
            Err(error) => format_store_error(&error),
        }
    }
}
