//! Test harness for the Telegram bot: starts the real dispatcher and polling loop
//! (`fuer_bot::telegram::run`) against the fake Bot API, captures log output, and checks on
//! stop that the bot shut down cleanly, Telegram saw no invalid request and no log line
//! contained the token.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use fuer_bot::telegram::render::{RenderedReply, ReplyArticle, render_in};
use fuer_bot::telegram::{Options, RunError, run, unthrottled_limits};
use fuer_core::dialogue::Request;
use fuer_core::engine::Engine;
use fuer_core::knowledge::Knowledge;
use fuer_core::library::{self, ArticleResponse, Library};
use teloxide::Bot;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::fake_api::FakeApi;

pub const BOT_USERNAME: &str = "fuer_test_bot";
/// How long [`TestBot::stop`] waits for the bot to stop before calling it hung. A hang guard,
/// not a speed requirement: a clean stop takes milliseconds.
pub const STOP_HANG_GUARD: Duration = Duration::from_secs(60);
pub const ADMIN_ID: u64 = 4242;

/// A fresh, realistic token (numeric id, 35-character secret) for each bot started.
pub fn new_token() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let pid = u64::from(std::process::id());
    format!("{}:AAG{:010}x{:08}Secret-_tok3nXYZ", 7_000_000_000 + n, pid, n)
}

pub fn knowledge_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

pub fn load_library() -> Library {
    fuer_bot::cli::load_library(&knowledge_dir()).expect("the knowledge files load")
}

/// A second library on the same knowledge (to compute expected replies).
pub fn copy_of(library: &Library) -> Library {
    let articles = library
        .engines()
        .iter()
        .map(|engine| engine.knowledge().clone())
        .collect();
    Library::new(Knowledge::new(articles).expect("at least one article"))
}

/// A routed response rendered as the bot renders it (its buttons name its article).
pub fn render_routed(library: &Library, routed: &ArticleResponse) -> RenderedReply {
    render_in(
        &routed.response.reply,
        ReplyArticle {
            id: library.id(routed.article),
            position: routed.article,
        },
    )
}

/// Options for tests: no client-side rate limits (the 429 test turns them back on),
/// short long-poll timeout and retry delays.
pub fn test_options() -> Options {
    Options {
        limits: unthrottled_limits(),
        polling_timeout: Duration::from_secs(1),
        backoff: |_| Duration::from_millis(30),
        startup_backoff: |_| Duration::from_millis(30),
        webhook: None,
        knowledge_dir: None,
        data_dir: None,
        context_ttl: fuer_bot::conversations::DEFAULT_CONTEXT_TTL,
        context_capacity: fuer_bot::conversations::DEFAULT_CONTEXT_CAPACITY,
        context_clock: fuer_bot::conversations::Clock::real(),
        web: None,
        retention: Default::default(),
    }
}

/// A bot client for the fake API (no system proxy: everything is on 127.0.0.1).
pub fn bot_for(fake: &FakeApi, token: &str) -> Bot {
    let client = teloxide::net::default_reqwest_settings()
        .no_proxy()
        .build()
        .expect("an HTTP client");
    Bot::with_client(token, client).set_api_url(fake.url.parse().expect("the fake's URL"))
}

/// A running bot connected to a fake Bot API.
pub struct TestBot {
    pub fake: FakeApi,
    pub token: String,
    /// A second library on the same knowledge, to compute the expected replies.
    pub library: Library,
    /// The engine of its latest article (the only one unless a test loads several).
    pub engine: Engine,
    stop: Option<oneshot::Sender<()>>,
    /// Fires when the bot's runtime has taken the stop request (its shutdown future ended).
    stop_taken: Option<oneshot::Receiver<()>>,
    task: Option<JoinHandle<Result<(), RunError>>>,
}

impl TestBot {
    pub async fn start() -> TestBot {
        TestBot::start_with(load_library(), test_options()).await
    }

    pub async fn start_with(library: Library, options: Options) -> TestBot {
        TestBot::launch(library, options, vec![ADMIN_ID], &[]).await
    }

    /// Starts a bot with these admins; `unreachable` chats (users who never started the
    /// bot) refuse messages and command menus.
    pub async fn launch(library: Library, options: Options, admins: Vec<u64>, unreachable: &[i64]) -> TestBot {
        logs::init();
        let token = new_token();
        logs::register_secret(&token);
        let fake = FakeApi::start(&token, BOT_USERNAME).await;
        for &chat in unreachable {
            fake.make_unreachable(chat);
        }
        let bot = bot_for(&fake, &token);
        let expected = copy_of(&library);
        let expected_engine = Engine::new(expected.latest().knowledge().clone());
        let (stop, stopped) = oneshot::channel::<()>();
        let (taken, stop_taken) = oneshot::channel::<()>();
        let task = tokio::spawn(run(bot, library, admins, options, async move {
            let _ = stopped.await;
            let _ = taken.send(());
        }));
        // Up means: commands registered and the first getUpdates (or webhook) under way.
        fake.wait_for("the bot to start", |s| {
            (!s.commands.is_empty() && (s.polls_started > 0 || s.webhook.is_some())).then_some(())
        })
        .await;
        TestBot {
            fake,
            token,
            library: expected,
            engine: expected_engine,
            stop: Some(stop),
            stop_taken: Some(stop_taken),
            task: Some(task),
        }
    }

    /// What the bot should answer to a request, rendered.
    pub fn expected(&self, request: Request<'_>) -> RenderedReply {
        render_routed(
            &self.library,
            &library::respond(&self.library, request, None, fuer_core::dialogue::Speak::default()),
        )
    }

    /// What the bot should answer to the last of `lines`, said one after the other in one
    /// conversation (as in the console), rendered.
    pub fn expected_in_conversation(&self, lines: &[&str]) -> RenderedReply {
        let mut conversation = fuer_bot::console::LocalConversation::default();
        let mut last = None;
        for line in lines {
            last = Some(conversation.respond(&self.library, line));
        }
        render_routed(&self.library, &last.expect("at least one line"))
    }

    /// Asks the bot to stop (as Ctrl-C or SIGTERM would) and waits until its runtime has
    /// taken the request, not until it has stopped.
    pub async fn request_stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(taken) = self.stop_taken.take() {
            // An error only means the bot has already stopped.
            let _ = tokio::time::timeout(STOP_HANG_GUARD, taken).await;
        }
    }

    /// Stops the bot and checks: a clean shutdown (waited for, up to [`STOP_HANG_GUARD`]), no
    /// request Telegram would have refused, and no log line containing the token. Returns the
    /// fake for later checks.
    pub async fn stop(mut self) -> FakeApi {
        self.request_stop().await;
        if let Some(task) = self.task.take() {
            let result = tokio::time::timeout(STOP_HANG_GUARD, task)
                .await
                .unwrap_or_else(|_| panic!("the bot did not stop (hang guard: {STOP_HANG_GUARD:?})"))
                .expect("the bot task does not panic");
            assert!(result.is_ok(), "the bot stopped with an error: {result:?}");
        }
        let violations = self.fake.state().violations.clone();
        assert!(violations.is_empty(), "Telegram would have refused: {violations:#?}");
        logs::assert_no_leak(&self.token);
        self.fake
    }
}

/// A global logger that records every log line of the test process (all crates, all
/// levels) and every line that contains a registered secret.
///
/// Tests run in parallel in one process and share the logger, so a test reads only the lines
/// of its own run: [`lines_with`] wants, besides what the test looks for, something no
/// other test's lines contain — its fake server's address, its temporary directories, an
/// id or a fault text of its own. Another test cannot satisfy the assertion.
pub mod logs {
    use super::*;

    struct Capture;

    static LINES: Mutex<Vec<String>> = Mutex::new(Vec::new());
    static SECRETS: Mutex<Vec<String>> = Mutex::new(Vec::new());
    static LEAKS: Mutex<Vec<String>> = Mutex::new(Vec::new());
    static INIT: OnceLock<()> = OnceLock::new();
    /// Lines kept for inspection (the leak check covers every line regardless).
    const MAX_LINES: usize = 200_000;

    fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
        mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    impl log::Log for Capture {
        fn enabled(&self, _: &log::Metadata<'_>) -> bool {
            true
        }

        fn log(&self, record: &log::Record<'_>) {
            let line = format!("{} {}: {}", record.level(), record.target(), record.args());
            if lock(&SECRETS)
                .iter()
                .any(|secret| line.contains(secret.as_str()) || line.contains(secret_part(secret)))
            {
                lock(&LEAKS).push(line.clone());
            }
            let mut lines = lock(&LINES);
            if lines.len() < MAX_LINES && record.level() <= log::Level::Debug {
                lines.push(line);
            }
        }

        fn flush(&self) {}
    }

    fn secret_part(token: &str) -> &str {
        token.split_once(':').map_or(token, |(_, secret)| secret)
    }

    static CAPTURE: Capture = Capture;

    pub fn init() {
        INIT.get_or_init(|| {
            if log::set_logger(&CAPTURE).is_ok() {
                log::set_max_level(log::LevelFilter::Trace);
            }
        });
    }

    pub fn register_secret(token: &str) {
        lock(&SECRETS).push(token.to_string());
    }

    /// Captured lines (Debug and above) of this test: those containing `needle` and the
    /// test's own `scope` (a text only its lines contain).
    pub fn lines_with(scope: &str, needle: &str) -> Vec<String> {
        assert!(!scope.is_empty(), "a scope of the test's own");
        lock(&LINES)
            .iter()
            .filter(|line| line.contains(needle) && line.contains(scope))
            .cloned()
            .collect()
    }

    /// Waits until a captured line of this test contains `needle` (and `scope`, see
    /// [`lines_with`]); returns those lines. A line is logged after what a test can see of
    /// the event (a request reaches the fake API before the bot logs its answer), so an
    /// assertion on the log waits for it; the deadline is a hang guard.
    pub async fn wait_for(scope: &str, needle: &str) -> Vec<String> {
        let deadline = std::time::Instant::now() + STOP_HANG_GUARD;
        loop {
            let lines = lines_with(scope, needle);
            if !lines.is_empty() {
                return lines;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no log line contains {needle:?} and {scope:?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Captured lines (any level, any crate) that contained this token or its secret part.
    pub fn leaks_of(token: &str) -> Vec<String> {
        let secret = secret_part(token);
        lock(&LEAKS)
            .iter()
            .filter(|line| line.contains(token) || line.contains(secret))
            .cloned()
            .collect()
    }

    /// Fails if any captured line (any level, any crate) contained this token or its secret.
    pub fn assert_no_leak(token: &str) {
        let leaks = leaks_of(token);
        assert!(
            leaks.is_empty(),
            "the token appeared in {} log line(s): {:#?}",
            leaks.len(),
            leaks
        );
    }
}
