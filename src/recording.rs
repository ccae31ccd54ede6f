//! Recording questions off the answering path: a bounded queue in front of the
//! [`Recorder`], written by one background thread; and the retention period, applied at
//! start and once a day ([`apply_retention`], [`spawn_daily_retention`]).
//!
//! Writing a record is a small synchronous SQLite transaction with an fsync (milliseconds).
//! The bot hands each record to [`QuestionLog::submit`], which never blocks: the record is
//! queued and the answer goes out at once. If the queue is full (the disk cannot keep up
//! with a burst) or recording is off, the record is dropped with a warning; answering is
//! never delayed or broken by recording.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::store::{QuestionRecord, Recorder, Retention, format_local_date, unix_now};

/// Records waiting to be written, at most.
pub const QUEUE_CAPACITY: usize = 10_000;
/// How often the retention period is applied while the bot or the web page runs.
pub const RETENTION_INTERVAL: Duration = Duration::from_secs(24 * 3600);

/// The queue and its writer thread. Shared by all handlers (`Arc`); never panics.
#[derive(Debug)]
pub struct QuestionLog {
    recorder: Arc<Recorder>,
    sender: Mutex<Option<SyncSender<QuestionRecord>>>,
    writer: Mutex<Option<JoinHandle<()>>>,
    /// Records dropped because the queue was full.
    dropped: AtomicU64,
    /// The queue is full right now (warned once per episode).
    overflowing: AtomicBool,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl QuestionLog {
    /// Starts the writer thread for `recorder`. If recording is off, or the thread cannot be
    /// started, records are simply not written (the reason is logged).
    pub fn start(recorder: Arc<Recorder>) -> QuestionLog {
        let (sender, receiver) = mpsc::sync_channel::<QuestionRecord>(QUEUE_CAPACITY);
        let writer_recorder = Arc::clone(&recorder);
        let writer = if recorder.is_recording() {
            std::thread::Builder::new()
                .name("question-recorder".to_string())
                .spawn(move || {
                    for record in receiver {
                        writer_recorder.record(&record);
                    }
                })
                .map_err(|error| log::warn!("cannot start the question recorder thread, not recording: {error}"))
                .ok()
        } else {
            None
        };
        let sender = writer.is_some().then_some(sender);
        QuestionLog {
            recorder,
            sender: Mutex::new(sender),
            writer: Mutex::new(writer),
            dropped: AtomicU64::new(0),
            overflowing: AtomicBool::new(false),
        }
    }

    /// The recorder behind the queue (for the reports).
    pub fn recorder(&self) -> &Arc<Recorder> {
        &self.recorder
    }

    /// Queues a record to be written; returns at once. Returns whether it was queued.
    pub fn submit(&self, record: QuestionRecord) -> bool {
        let sender = lock(&self.sender);
        let Some(sender) = sender.as_ref() else {
            return false;
        };
        match sender.try_send(record) {
            Ok(()) => {
                if self.overflowing.swap(false, Ordering::Relaxed) {
                    log::warn!(
                        "question recording caught up; {} question(s) were not recorded in all",
                        self.dropped.load(Ordering::Relaxed)
                    );
                }
                true
            }
            Err(TrySendError::Full(_)) => {
                self.dropped.fetch_add(1, Ordering::Relaxed);
                if !self.overflowing.swap(true, Ordering::Relaxed) {
                    log::warn!(
                        "question recording cannot keep up ({QUEUE_CAPACITY} waiting): questions are answered but not recorded until it catches up"
                    );
                }
                false
            }
            // The writer stopped: nothing more is recorded, answering goes on.
            Err(TrySendError::Disconnected(_)) => false,
        }
    }

    /// How many records were dropped because the queue was full.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    /// Stops taking records and waits (at most `timeout`) until the queued ones are written.
    /// Returns whether everything was written in time. Blocking: call it from a blocking
    /// context (e.g. `tokio::task::spawn_blocking`).
    pub fn close(&self, timeout: Duration) -> bool {
        drop(lock(&self.sender).take());
        let Some(writer) = lock(&self.writer).take() else {
            return true;
        };
        let deadline = Instant::now() + timeout;
        while !writer.is_finished() {
            if Instant::now() >= deadline {
                log::warn!("question recording: stopped waiting for the last queued questions to be written");
                return false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = writer.join();
        true
    }
}

impl Drop for QuestionLog {
    fn drop(&mut self) {
        // Ends the writer once the queue is empty, without waiting for it.
        drop(lock(&self.sender).take());
    }
}

/// Deletes the recorded questions older than `retention` (now), logging what was deleted
/// or why it could not be. Blocking (one SQLite transaction): call it off the async
/// workers. Does nothing when recording is off.
pub fn apply_retention(recorder: &Recorder, retention: Retention) {
    if !recorder.is_recording() {
        return;
    }
    let now = unix_now();
    match recorder.apply_retention(now, retention) {
        Ok(0) => {}
        Ok(deleted) => log::info!(
            "deleted {deleted} recorded question(s) asked before {} (QUESTION_RETENTION: {} days; the daily counts are kept)",
            format_local_date(retention.cutoff(now)),
            retention.days()
        ),
        Err(error) => log::warn!("cannot delete the questions older than QUESTION_RETENTION: {error}"),
    }
}

/// Applies `retention` once every [`RETENTION_INTERVAL`] (the first time one interval from
/// now: apply it at start with [`apply_retention`]), until the task is aborted or the
/// runtime stops.
pub fn spawn_daily_retention(recorder: Arc<Recorder>, retention: Retention) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let start = tokio::time::Instant::now() + RETENTION_INTERVAL;
        let mut interval = tokio::time::interval_at(start, RETENTION_INTERVAL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            let recorder = Arc::clone(&recorder);
            if let Err(error) = tokio::task::spawn_blocking(move || apply_retention(&recorder, retention)).await {
                log::warn!("the question retention task failed: {error}");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{QuestionStore, RecordStatus, database_path};

    fn record(question: &str) -> QuestionRecord {
        QuestionRecord {
            time: 1_709_481_600,
            question: question.to_string(),
            item: None,
            score: 0.0,
            status: RecordStatus::Declined,
            chat_type: "private".to_string(),
            lang: Default::default(),
            article: String::new(),
        }
    }

    #[test]
    fn queued_records_are_written_before_close_returns() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = database_path(dir.path());
        let recorder = Arc::new(Recorder::open(&path));
        let log = QuestionLog::start(Arc::clone(&recorder));
        for n in 0..20 {
            assert!(log.submit(record(&format!("问题{n}"))));
        }
        assert!(log.close(Duration::from_secs(30)));
        assert!(!log.submit(record("关闭以后")), "nothing is taken after close");
        assert_eq!(
            QuestionStore::open_read_only(&path)
                .expect("open")
                .expect("a database with questions")
                .count()
                .expect("count"),
            20
        );
        assert_eq!(log.dropped(), 0);
    }

    #[test]
    fn a_disabled_recorder_takes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = database_path(dir.path());
        std::fs::write(&path, vec![0x5a_u8; 8192]).expect("write garbage");
        let recorder = Arc::new(Recorder::open(&path));
        assert!(!recorder.is_recording());
        let log = QuestionLog::start(recorder);
        assert!(!log.submit(record("问题")));
        assert!(log.close(Duration::from_secs(1)));
    }
}
