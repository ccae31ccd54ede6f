//! Live reload of the knowledge directory, never losing the last good version.
//!
//! The running bot serves a [`Library`] (one engine per article) from an [`ArcSwap`]. A
//! reload reads and validates every knowledge file of every article, builds a new library
//! and swaps it in with one atomic pointer store: a question being answered holds an `Arc`
//! of the library it started with, so it sees the old or the new knowledge, never a mix. When the files have
//! problems the swap does not happen: the last good library keeps serving and the
//! problems (`file:line: message`) are handed to the caller.
//!
//! [`watch_knowledge_dir`] watches the directory (inotify on Linux, polling as a
//! fallback) and reloads once the files have been quiet for [`DEBOUNCE`]: editors save
//! with several events (write a temporary file, rename it over the old one), and a
//! reload between them would see half a save. Watching the directory rather than the
//! files keeps working across such renames. The TOML files and the article (`source.txt`)
//! count; events for other files (editor swap and backup files) and our own reads are
//! ignored, and a change that leaves the files
//! exactly as they were last seen is not reported again.

use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use arc_swap::ArcSwap;
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher};

use crate::knowledge_dir::{is_article_folder, load_knowledge_dir, read_knowledge_files};
use fuer_core::knowledge::{ARTICLE_FILE_NAME, Knowledge, KnowledgeFile, Problem, parse_knowledge};
use fuer_core::library::Library;
use fuer_core::texts;

/// Quiet time after the last change before reloading.
pub const DEBOUNCE: Duration = Duration::from_millis(300);
/// Longest wait after the first change, even if changes keep coming.
pub const MAX_DEBOUNCE: Duration = Duration::from_millis(1000);
/// Polling interval when the operating system's file notifications are unavailable.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);
/// Most problems listed in an admin message (Telegram messages are limited in length).
const MAX_PROBLEMS_IN_MESSAGE: usize = 20;

/// Serializes reloads in this process, so a forced reload and the watcher cannot swap
/// in an older read of the files after a newer one.
static RELOAD_LOCK: Mutex<()> = Mutex::new(());

/// The result of one reload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReloadOutcome {
    /// The new knowledge base is being served (the counts of all its articles).
    Reloaded {
        articles: usize,
        items: usize,
        facts: usize,
        keywords: usize,
    },
    /// The files have problems; the previous knowledge base keeps being served.
    Failed(Vec<Problem>),
}

impl ReloadOutcome {
    fn reloaded(knowledge: &Knowledge) -> ReloadOutcome {
        let sum = |count: fn(&fuer_core::knowledge::KnowledgeBase) -> usize| knowledge.articles().map(count).sum();
        ReloadOutcome::Reloaded {
            articles: knowledge.articles().count(),
            items: sum(|article| article.items.len()),
            facts: sum(|article| article.fact_count()),
            keywords: sum(|article| article.keyword_count()),
        }
    }

    pub fn is_reloaded(&self) -> bool {
        matches!(self, ReloadOutcome::Reloaded { .. })
    }

    /// The problems, empty after a successful reload.
    pub fn problems(&self) -> &[Problem] {
        match self {
            ReloadOutcome::Reloaded { .. } => &[],
            ReloadOutcome::Failed(problems) => problems,
        }
    }

    /// The message for admins, in Simplified Chinese: a short confirmation with the
    /// counts, or the problems as `文件:行号: 信息` (at most 20 listed).
    pub fn admin_message(&self) -> String {
        match self {
            ReloadOutcome::Reloaded {
                articles: 1,
                items,
                facts,
                keywords,
            } => texts::reload_done(*items, *facts, *keywords),
            ReloadOutcome::Reloaded {
                articles,
                items,
                facts,
                keywords,
            } => texts::reload_done_articles(*articles, *items, *facts, *keywords),
            ReloadOutcome::Failed(problems) => {
                let mut lines = vec![texts::reload_failed(problems.len())];
                lines.extend(problems.iter().take(MAX_PROBLEMS_IN_MESSAGE).map(ToString::to_string));
                if problems.len() > MAX_PROBLEMS_IN_MESSAGE {
                    lines.push(texts::reload_more_problems(problems.len() - MAX_PROBLEMS_IN_MESSAGE));
                }
                lines.push(texts::RELOAD_FIX_HINT.to_string());
                lines.join("\n")
            }
        }
    }
}

/// One line (or a list of problems) for the log, in English.
impl fmt::Display for ReloadOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReloadOutcome::Reloaded {
                articles,
                items,
                facts,
                keywords,
            } => {
                write!(
                    f,
                    "knowledge reloaded: {articles} article(s), {items} items, {facts} facts, {keywords} keywords"
                )
            }
            ReloadOutcome::Failed(problems) => {
                write!(
                    f,
                    "knowledge not reloaded, the previous version keeps serving; {} problem(s):",
                    problems.len()
                )?;
                for problem in problems {
                    write!(f, "\n{problem}")?;
                }
                Ok(())
            }
        }
    }
}

/// Loads `dir` now and, if it is valid, swaps the new library in. On problems the
/// current library stays.
pub fn reload_now(dir: &Path, library: &ArcSwap<Library>) -> ReloadOutcome {
    let _serialized = RELOAD_LOCK.lock().unwrap_or_else(PoisonError::into_inner);
    match load_knowledge_dir(dir) {
        Ok(knowledge) => install(dir, knowledge, library),
        Err(problems) => ReloadOutcome::Failed(problems),
    }
}

/// Builds the library (an engine per article) for valid knowledge and swaps it in.
fn install(dir: &Path, knowledge: Knowledge, library: &ArcSwap<Library>) -> ReloadOutcome {
    let outcome = ReloadOutcome::reloaded(&knowledge);
    match catch_unwind(AssertUnwindSafe(|| Library::new(knowledge))) {
        Ok(new_library) => {
            library.store(Arc::new(new_library));
            outcome
        }
        Err(panic) => ReloadOutcome::Failed(vec![Problem {
            path: dir.display().to_string(),
            line: 0,
            message: format!("internal error while indexing the knowledge: {}", panic_message(&panic)),
        }]),
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|text| (*text).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Keeps the directory watched; dropping it stops the watcher and its thread.
pub struct WatcherGuard {
    watcher: Option<Box<dyn Watcher + Send>>,
    stop: mpsc::Sender<Message>,
    thread: Option<JoinHandle<()>>,
    polling: bool,
}

impl WatcherGuard {
    /// Whether the directory is polled because file notifications were unavailable.
    pub fn is_polling(&self) -> bool {
        self.polling
    }
}

impl fmt::Debug for WatcherGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WatcherGuard")
            .field("polling", &self.polling)
            .finish_non_exhaustive()
    }
}

impl Drop for WatcherGuard {
    fn drop(&mut self) {
        // Stop the events first, then the thread (it finishes a reload in progress).
        drop(self.watcher.take());
        let _ = self.stop.send(Message::Stop);
        if let Some(thread) = self.thread.take()
            && thread.thread().id() != std::thread::current().id()
        {
            let _ = thread.join();
        }
    }
}

enum Message {
    Event(notify::Result<Event>),
    Stop,
}

/// Watches `dir` and, after each saved change, reloads it like [`reload_now`] and calls
/// `on_outcome` (on the watcher's thread) with the result. Runs until the guard is
/// dropped. A change that leaves every file as it was when last seen is not reported.
pub fn watch_knowledge_dir(
    dir: &Path,
    library: Arc<ArcSwap<Library>>,
    on_outcome: impl Fn(ReloadOutcome) + Send + 'static,
) -> Result<WatcherGuard> {
    watch(dir, library, on_outcome, false)
}

fn watch(
    dir: &Path,
    library: Arc<ArcSwap<Library>>,
    on_outcome: impl Fn(ReloadOutcome) + Send + 'static,
    force_polling: bool,
) -> Result<WatcherGuard> {
    let dir = dir.to_path_buf();
    let (sender, receiver) = mpsc::channel::<Message>();
    let (watcher, polling) = start_watcher(&dir, &sender, force_polling)?;
    let last_seen = read_knowledge_files(&dir).ok().map(|files| snapshot(&files));
    let worker_dir = dir.clone();
    let thread = std::thread::Builder::new()
        .name("knowledge-watcher".to_string())
        .spawn(move || {
            let mut worker = Worker {
                dir: worker_dir,
                library,
                last_seen,
            };
            while wait_for_change(&worker.dir, &receiver) {
                let result = catch_unwind(AssertUnwindSafe(|| {
                    if let Some(outcome) = worker.reload_if_changed() {
                        log_outcome(&outcome);
                        on_outcome(outcome);
                    }
                }));
                if let Err(panic) = result {
                    log::error!("knowledge watcher: reload failed: {}", panic_message(&panic));
                }
            }
        })
        .with_context(|| format!("cannot start the watcher thread for {}", dir.display()))?;
    Ok(WatcherGuard {
        watcher: Some(watcher),
        stop: sender,
        thread: Some(thread),
        polling,
    })
}

fn log_outcome(outcome: &ReloadOutcome) {
    if outcome.is_reloaded() {
        log::info!("{outcome}");
    } else {
        log::warn!("{outcome}");
    }
}

/// inotify (or the platform's notifications), or polling if that is unavailable.
fn start_watcher(
    dir: &Path,
    sender: &mpsc::Sender<Message>,
    force_polling: bool,
) -> Result<(Box<dyn Watcher + Send>, bool)> {
    let handler = |sender: mpsc::Sender<Message>| {
        move |event: notify::Result<Event>| {
            let _ = sender.send(Message::Event(event));
        }
    };
    let native = if force_polling {
        Err(notify::Error::generic("polling requested"))
    } else {
        notify::recommended_watcher(handler(sender.clone())).and_then(|mut watcher| {
            watcher.watch(dir, RecursiveMode::Recursive)?;
            Ok(watcher)
        })
    };
    match native {
        Ok(watcher) => Ok((Box::new(watcher), false)),
        Err(error) => {
            log::warn!(
                "cannot watch {} with file notifications ({error}); polling every {} ms instead",
                dir.display(),
                POLL_INTERVAL.as_millis()
            );
            // The poller sees modification times in whole seconds; comparing contents
            // also catches a second save within the same second.
            let config = notify::Config::default()
                .with_poll_interval(POLL_INTERVAL)
                .with_compare_contents(true);
            let mut watcher = notify::PollWatcher::new(handler(sender.clone()), config)
                .with_context(|| format!("cannot watch the knowledge directory {}", dir.display()))?;
            watcher
                .watch(dir, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch the knowledge directory {}", dir.display()))?;
            Ok((Box::new(watcher), true))
        }
    }
}

/// Whether an event may change what the knowledge directory holds.
fn is_relevant(dir: &Path, event: &notify::Result<Event>) -> bool {
    let Ok(event) = event else {
        // An error from the watcher (e.g. dropped events): look at the files again.
        return true;
    };
    if event.need_rescan() {
        return true;
    }
    if let EventKind::Access(access) = event.kind
        && access != AccessKind::Close(AccessMode::Write)
    {
        // Opening and reading files, our own reads included, changes nothing.
        return false;
    }
    event.paths.is_empty() || event.paths.iter().any(|path| is_knowledge_path(dir, path))
}

/// Whether `path` is (or may hold) a knowledge file: the directory itself, a shared
/// `*.toml`, an article folder, or a `*.toml` or the article in one. Hidden folders
/// (`.history`) and deeper paths are not.
fn is_knowledge_path(dir: &Path, path: &Path) -> bool {
    if path == dir {
        return true;
    }
    let Ok(relative) = path.strip_prefix(dir) else {
        // Not under the directory as given (e.g. a resolved link): judge by the name.
        return path.extension().is_some_and(|ext| ext == "toml")
            || path.file_name().is_some_and(|name| name == ARTICLE_FILE_NAME);
    };
    let parts: Vec<_> = relative.components().collect();
    let is_file = path.extension().is_some_and(|ext| ext == "toml")
        || path.file_name().is_some_and(|name| name == ARTICLE_FILE_NAME);
    match parts.as_slice() {
        // A folder created or removed (events of removed paths cannot be looked at: a name
        // with an extension is taken for a file).
        [_] => is_file || (is_article_folder(path) && path.extension().is_none()),
        [folder, _] => is_article_folder(Path::new(folder.as_os_str())) && is_file,
        _ => false,
    }
}

/// Waits for a relevant event, then until the directory has been quiet for
/// [`DEBOUNCE`] (at most [`MAX_DEBOUNCE`]). Returns false when the watcher stops.
fn wait_for_change(dir: &Path, receiver: &mpsc::Receiver<Message>) -> bool {
    loop {
        match receiver.recv() {
            Ok(Message::Event(event)) if is_relevant(dir, &event) => break,
            Ok(Message::Event(_)) => {}
            Ok(Message::Stop) | Err(_) => return false,
        }
    }
    let first = Instant::now();
    let mut quiet_until = first + DEBOUNCE;
    loop {
        let deadline = quiet_until.min(first + MAX_DEBOUNCE);
        match receiver.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(Message::Event(event)) => {
                if is_relevant(dir, &event) {
                    quiet_until = Instant::now() + DEBOUNCE;
                }
            }
            Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return false,
            Err(RecvTimeoutError::Timeout) => return true,
        }
    }
}

/// The files' paths and contents, to tell whether anything changed.
type Snapshot = Vec<(String, String)>;

fn snapshot(files: &[KnowledgeFile]) -> Snapshot {
    files
        .iter()
        .map(|file| (file.path.clone(), file.contents.clone()))
        .collect()
}

struct Worker {
    dir: PathBuf,
    library: Arc<ArcSwap<Library>>,
    /// The files as the watcher last read them (`None` if they could not be read).
    last_seen: Option<Snapshot>,
}

impl Worker {
    /// Reloads unless nothing changed since the files were last seen (and the library
    /// still serves them).
    fn reload_if_changed(&mut self) -> Option<ReloadOutcome> {
        let _serialized = RELOAD_LOCK.lock().unwrap_or_else(PoisonError::into_inner);
        let files = match read_knowledge_files(&self.dir) {
            Ok(files) => files,
            Err(problems) => {
                self.last_seen = None;
                return Some(ReloadOutcome::Failed(problems));
            }
        };
        let current = snapshot(&files);
        let unchanged = self.last_seen.as_ref() == Some(&current);
        self.last_seen = Some(current);
        match parse_knowledge(&self.dir.display().to_string(), &files) {
            Ok(knowledge) => {
                if unchanged && self.library.load().serves(&knowledge) {
                    return None;
                }
                Some(install(&self.dir, knowledge, &self.library))
            }
            Err(_) if unchanged => None,
            Err(problems) => Some(ReloadOutcome::Failed(problems)),
        }
    }
}

#[cfg(test)]
mod tests;
