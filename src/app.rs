//! The composition root of `fuer-bot run` and `fuer-bot web`: the services both serve with,
//! built once, here.
//!
//! [`App::start`] takes the loaded [`Library`] and starts what a running service needs
//! around it: the question database with its writer queue and the retention period (applied
//! at start and daily), and the watcher of the knowledge directory (live reload of every
//! article, keeping the last good version). The Telegram runtime adds its dispatcher and the
//! admins' reload messages ([`App::take_reload_outcomes`]); the admin web page gets its state
//! from [`App::web_state`] (same library swap, same question log) and is served alone by
//! `fuer-bot web` or beside the bot ([`App::spawn_web`]). [`App::stop`] stops everything in
//! order. None of these services can stop the program: a database that cannot be opened
//! or a directory that cannot be watched is logged, and the program runs without it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::recording::{QuestionLog, apply_retention, spawn_daily_retention};
use crate::reload::{ReloadOutcome, WatcherGuard, watch_knowledge_dir};
use crate::store::{Recorder, Retention, database_path};
use crate::web::{WebSetup, WebState};
use fuer_core::library::Library;

/// How long stopping waits for queued question records, admin messages and web requests.
pub const STOP_TIMEOUT: Duration = Duration::from_secs(2);

/// Where the services keep and find things.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// The knowledge directory: watched for live reload. `None`: the library given at start
    /// is served unchanged.
    pub knowledge_dir: Option<PathBuf>,
    /// The data directory holding the question database. `None`: nothing is recorded.
    pub data_dir: Option<PathBuf>,
    /// How long recorded questions are kept (applied at start and daily).
    pub retention: Retention,
}

/// The running services shared by the bot and the web page.
#[derive(Debug)]
pub struct App {
    library: Arc<ArcSwap<Library>>,
    knowledge_dir: Option<PathBuf>,
    questions: Option<Arc<QuestionLog>>,
    /// Keeps the knowledge directory watched; dropped at [`App::stop`].
    watcher: Option<WatcherGuard>,
    /// The reload outcomes, until the bot's notifier takes them.
    outcomes: Option<UnboundedReceiver<ReloadOutcome>>,
    /// Applies the retention period daily; aborted at [`App::stop`].
    retention: Option<JoinHandle<()>>,
}

/// The admin web page served beside the bot: stop it with [`WebTask::stop`].
#[derive(Debug)]
pub struct WebTask {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl WebTask {
    /// Stops the page and waits (at most [`STOP_TIMEOUT`]) for the requests in progress.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let mut task = self.task;
        if tokio::time::timeout(STOP_TIMEOUT, &mut task).await.is_err() {
            log::warn!("stopped waiting for the web page's requests in progress");
            task.abort();
        }
    }
}

impl App {
    /// Starts the services around `library` (on the current tokio runtime): the question
    /// database, the knowledge watcher and the daily retention.
    pub async fn start(library: Library, options: &AppOptions) -> App {
        let library = Arc::new(ArcSwap::from_pointee(library));
        let questions = match &options.data_dir {
            Some(data_dir) => open_question_log(data_dir, options.retention).await,
            None => None,
        };
        let (watcher, outcomes) = match &options.knowledge_dir {
            Some(dir) => start_watcher(dir, &library),
            None => (None, None),
        };
        let retention = questions
            .as_ref()
            .filter(|questions| questions.recorder().is_recording())
            .map(|questions| spawn_daily_retention(Arc::clone(questions.recorder()), options.retention));
        App {
            library,
            knowledge_dir: options.knowledge_dir.clone(),
            questions,
            watcher,
            outcomes,
            retention,
        }
    }

    /// The library every front end answers from (the watcher swaps it).
    pub fn library(&self) -> &Arc<ArcSwap<Library>> {
        &self.library
    }

    /// The question log (none: no data directory, or it could not be opened).
    pub fn questions(&self) -> Option<&Arc<QuestionLog>> {
        self.questions.as_ref()
    }

    /// The knowledge directory, if one is watched.
    pub fn knowledge_dir(&self) -> Option<&std::path::Path> {
        self.knowledge_dir.as_deref()
    }

    /// The outcomes of the watcher's reloads (once; none without a watcher).
    pub fn take_reload_outcomes(&mut self) -> Option<UnboundedReceiver<ReloadOutcome>> {
        self.outcomes.take()
    }

    /// The web page's state over these services; `None` without a knowledge directory (the
    /// page edits it).
    pub fn web_state(&self, setup: &WebSetup) -> Option<WebState> {
        let knowledge_dir = self.knowledge_dir.clone()?;
        Some(WebState::new(
            Arc::clone(&self.library),
            self.questions
                .as_ref()
                .map(|questions| Arc::clone(questions.recorder())),
            knowledge_dir,
            setup.clone(),
        ))
    }

    /// Serves the web page beside another front end (the bot) until [`WebTask::stop`]. A
    /// page that cannot start (its address is taken) is logged and the rest runs on.
    pub fn spawn_web(&self, setup: &WebSetup) -> Option<WebTask> {
        let state = self.web_state(setup)?;
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            let stopped = async move {
                let _ = stopped.wait_for(|stopped| *stopped).await;
            };
            if let Err(error) = crate::web::serve(state, stopped).await {
                log::error!("the admin web page is not available, the bot runs on without it: {error:#}");
            }
        });
        Some(WebTask { stop, task })
    }

    /// Stops watching, lets `notifier` (the admin messages already due) finish, and writes
    /// the queued question records — each within [`STOP_TIMEOUT`].
    pub async fn stop(self, notifier: Option<JoinHandle<()>>) {
        if let Some(retention) = self.retention {
            retention.abort();
        }
        if let Some(watcher) = self.watcher {
            // Dropping the guard joins the watcher thread (which may be mid-reload).
            let _ = tokio::task::spawn_blocking(move || drop(watcher)).await;
        }
        if let Some(mut notifier) = notifier {
            // The watcher is gone, so the notifier ends once the messages due are sent.
            if tokio::time::timeout(STOP_TIMEOUT, &mut notifier).await.is_err() {
                log::warn!("stopped waiting for the admin messages still being sent");
                notifier.abort();
            }
        }
        if let Some(questions) = self.questions {
            let _ = tokio::task::spawn_blocking(move || questions.close(STOP_TIMEOUT)).await;
        }
    }
}

/// Opens the question database of `data_dir` (off the async workers) and applies the
/// retention period; `None` when the database task itself failed.
async fn open_question_log(data_dir: &std::path::Path, retention: Retention) -> Option<Arc<QuestionLog>> {
    let path = database_path(data_dir);
    let opened = {
        let path = path.clone();
        tokio::task::spawn_blocking(move || {
            let recorder = Recorder::open(&path);
            apply_retention(&recorder, retention);
            recorder
        })
        .await
    };
    match opened {
        Ok(recorder) => {
            if recorder.is_recording() {
                log::info!("recording questions in {}", path.display());
            } else {
                // Recorder::open has logged why; say what it means.
                log::error!(
                    "the question database {} cannot be used: questions are answered but not recorded; /stats and /unanswered explain why",
                    path.display()
                );
            }
            Some(Arc::new(QuestionLog::start(Arc::new(recorder))))
        }
        Err(error) => {
            log::error!(
                "cannot open the question database {}: {error}; not recording",
                path.display()
            );
            None
        }
    }
}

/// Watches `dir` (every article's folder), reloading into `library`; the outcomes go to the
/// returned receiver (the watcher logs each one itself).
fn start_watcher(
    dir: &std::path::Path,
    library: &Arc<ArcSwap<Library>>,
) -> (Option<WatcherGuard>, Option<UnboundedReceiver<ReloadOutcome>>) {
    let (sender, receiver) = unbounded_channel::<ReloadOutcome>();
    let watched = watch_knowledge_dir(dir, Arc::clone(library), move |outcome| {
        // Nobody listening only means nobody tells the admins (the web page alone).
        let _ = sender.send(outcome);
    });
    match watched {
        Ok(guard) => {
            log::info!(
                "watching {} for changes to the knowledge files{}",
                dir.display(),
                if guard.is_polling() { " (by polling)" } else { "" }
            );
            (Some(guard), Some(receiver))
        }
        Err(error) => {
            log::error!(
                "cannot watch the knowledge directory, live reload is off (use /reload or restart after edits): {error:#}"
            );
            (None, None)
        }
    }
}
