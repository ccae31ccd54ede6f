//! Running the bot: building the client, rate limiting, long polling or webhook, startup
//! retries, error logging without the token, and clean shutdown on Ctrl-C / SIGTERM.
//!
//! Around the dispatcher run the services of the composition root ([`crate::app::App`]: the
//! question database, the watcher of the knowledge directory, the retention period, the
//! admin web page) and the task that tells every admin how each reload went.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::Dispatcher;
use teloxide::prelude::*;
use teloxide::stop::StopToken;
use teloxide::types::Me;
use teloxide::update_listeners::{Polling, UpdateListener, webhooks};
use teloxide::{ApiError, RequestError};
use tokio::sync::watch;

use super::admin::{register_commands, spawn_notifier};
use super::config::{Config, WebhookConfig};
use super::handlers::schema;
use super::redact::Redactor;
use super::{HandlerError, TgBot};
use crate::app::{App, AppOptions, STOP_TIMEOUT};
use crate::conversations::ConversationStore;
pub use crate::shutdown::shutdown_signal;
use crate::state::{AppState, Services};
use crate::store::Retention;
use crate::web::WebSetup;
use fuer_core::library::Library;

/// How the bot runs; [`Options::default`] is right for production.
#[derive(Debug, Clone)]
pub struct Options {
    /// Client-side rate limits. Whatever they are, a 429 `retry_after` from Telegram is
    /// honoured and the request retried (so each message is delivered exactly once).
    pub limits: Limits,
    /// Long-polling timeout (how long one `getUpdates` may wait for updates).
    pub polling_timeout: Duration,
    /// Delay before retrying `getUpdates` after the n-th consecutive failure.
    pub backoff: fn(u32) -> Duration,
    /// Delay before retrying `getMe` at startup after the n-th consecutive failure.
    pub startup_backoff: fn(u32) -> Duration,
    /// Webhook mode when set; long polling otherwise.
    pub webhook: Option<WebhookConfig>,
    /// The knowledge directory: watched for live reload and read by `/reload`. `None`: the
    /// knowledge given at start is served unchanged.
    pub knowledge_dir: Option<PathBuf>,
    /// The data directory holding the question database. `None`: questions are not recorded.
    pub data_dir: Option<PathBuf>,
    /// How long a conversation's context is remembered after its last message.
    pub context_ttl: Duration,
    /// How many conversations are remembered at most.
    pub context_capacity: u64,
    /// The conversations' clock (the real one; tests move their own on).
    pub context_clock: crate::conversations::Clock,
    /// The admin web page, served beside the bot (with the same engine and question log)
    /// when set; admins get login links with `/web`.
    pub web: Option<WebSetup>,
    /// How long recorded questions are kept (applied at start and daily).
    pub retention: Retention,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            limits: Limits::default(),
            polling_timeout: Duration::from_secs(10),
            backoff: teloxide::backoff::exponential_backoff_strategy,
            startup_backoff: teloxide::backoff::exponential_backoff_strategy,
            webhook: None,
            knowledge_dir: None,
            data_dir: None,
            context_ttl: crate::conversations::DEFAULT_CONTEXT_TTL,
            context_capacity: crate::conversations::DEFAULT_CONTEXT_CAPACITY,
            context_clock: crate::conversations::Clock::real(),
            web: None,
            retention: Retention::default(),
        }
    }
}

impl Options {
    /// The production options for a configuration.
    pub fn from_config(config: &Config) -> Options {
        Options {
            limits: if config.throttle {
                Limits::default()
            } else {
                unthrottled_limits()
            },
            webhook: config.webhook.clone(),
            context_ttl: config.context_ttl,
            context_capacity: config.context_capacity,
            ..Options::default()
        }
    }
}

/// Limits high enough never to delay anything (for a local Bot API server or benchmarks).
/// Kept moderate because the throttle preallocates a queue of `messages_per_sec_overall`.
pub fn unthrottled_limits() -> Limits {
    Limits {
        messages_per_sec_chat: 10_000,
        messages_per_min_chat: 1_000_000,
        messages_per_min_channel_or_supergroup: 1_000_000,
        messages_per_sec_overall: 10_000,
    }
}

/// Why the bot stopped with an error. Displayed as one line without the token.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Telegram answered `getMe` with 401/404: the token is wrong or revoked.
    #[error("Telegram rejected TELOXIDE_TOKEN (wrong or revoked token): check it with @BotFather (value not shown)")]
    TokenRejected,
    /// Anything else that prevents starting (already redacted).
    #[error("{0}")]
    Startup(String),
}

/// The Bot API client for a configuration (default or `TELOXIDE_API_URL` server).
pub fn bot_from_config(config: &Config) -> Bot {
    let bot = Bot::new(config.token());
    match &config.api_url {
        Some(url) => bot.set_api_url(url.clone()),
        None => bot,
    }
}

/// Runs the bot from the configuration until Ctrl-C or SIGTERM, watching `knowledge_dir`
/// (where `library`'s knowledge came from) and recording questions in `data_dir` (kept for
/// `retention`).
pub async fn run_from_config(
    config: &Config,
    library: Library,
    knowledge_dir: &Path,
    data_dir: &Path,
    web: Option<WebSetup>,
    retention: Retention,
) -> Result<(), RunError> {
    let bot = bot_from_config(config);
    let options = Options {
        knowledge_dir: Some(knowledge_dir.to_path_buf()),
        data_dir: Some(data_dir.to_path_buf()),
        web,
        retention,
        ..Options::from_config(config)
    };
    run(
        bot,
        library,
        config.admin_ids.clone(),
        options,
        shutdown_signal(crate::shutdown::BOT_WORK),
    )
    .await
}

/// `fuer-bot run`: runs the bot on its own async runtime until Ctrl-C or SIGTERM, watching
/// `knowledge_dir` (where `library`'s knowledge came from), recording questions in
/// `data_dir` and serving the admin web page beside it (`web`). A token Telegram rejects is a [`RunError::TokenRejected`]; other errors are
/// redacted, so that none contains the token.
pub fn run_blocking(
    config: &Config,
    library: Library,
    knowledge_dir: &Path,
    data_dir: &Path,
    web: Option<WebSetup>,
    retention: Retention,
) -> anyhow::Result<()> {
    let runtime = crate::shutdown::async_runtime()?;
    let result = runtime.block_on(run_from_config(
        config,
        library,
        knowledge_dir,
        data_dir,
        web,
        retention,
    ));
    runtime.shutdown_timeout(STOP_TIMEOUT);
    match result {
        Ok(()) => Ok(()),
        Err(RunError::TokenRejected) => Err(RunError::TokenRejected.into()),
        Err(error) => Err(anyhow::anyhow!(config.redactor().redact(&error.to_string()))),
    }
}

/// Starts the bot and runs until `shutdown` completes (then stops cleanly: no new updates,
/// the ones in progress are finished, the polling offset is confirmed to Telegram).
pub async fn run(
    bot: Bot,
    library: Library,
    admin_ids: Vec<u64>,
    options: Options,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), RunError> {
    let redactor = Redactor::new(bot.token());
    let (stop_sender, stop) = watch::channel(false);
    let signal_task = tokio::spawn(async move {
        shutdown.await;
        // Nobody listening only means the bot has already stopped.
        let _ = stop_sender.send(true);
    });
    let bot: TgBot = Throttle::new_spawn(bot, options.limits);
    // Started before connecting, so that edits made meanwhile are not missed.
    let app_options = AppOptions {
        knowledge_dir: options.knowledge_dir.clone(),
        data_dir: options.data_dir.clone(),
        retention: options.retention,
    };
    let mut app = App::start(library, &app_options).await;
    let web = options.web.as_ref().and_then(|setup| app.spawn_web(setup));
    let mut notifier = None;
    let result = async {
        let Some(me) = fetch_me(&bot, &redactor, &options, stop.clone()).await? else {
            log::info!("stopped before start-up completed");
            return Ok(());
        };
        let Some(username) = me.user.username.clone() else {
            return Err(RunError::Startup("the bot account has no username".to_string()));
        };
        log::info!("connected to Telegram as @{username}");
        let state = AppState::with_services(
            Arc::clone(app.library()),
            username,
            admin_ids.clone(),
            Services {
                questions: app.questions().cloned(),
                knowledge_dir: options.knowledge_dir.clone(),
                conversations: ConversationStore::with_clock(
                    options.context_ttl,
                    options.context_capacity,
                    options.context_clock.clone(),
                ),
                web_links: options.web.as_ref().map(WebSetup::links),
            },
        );
        register_commands(&bot, &redactor, &admin_ids).await;
        if let Some(outcomes) = app.take_reload_outcomes() {
            notifier = Some(spawn_notifier(
                bot.clone(),
                admin_ids.clone(),
                outcomes,
                redactor.clone(),
            ));
        }
        serve(bot, state, &options, &redactor, stop).await
    }
    .await;
    signal_task.abort();
    if let Some(web) = web {
        web.stop().await;
    }
    app.stop(notifier).await;
    result
}

/// `getMe`, retried on network errors with backoff. `Ok(None)` if asked to stop meanwhile.
async fn fetch_me(
    bot: &TgBot,
    redactor: &Redactor,
    options: &Options,
    mut stop: watch::Receiver<bool>,
) -> Result<Option<Me>, RunError> {
    let mut failures = 0;
    loop {
        let result = tokio::select! {
            result = bot.get_me() => result,
            _ = stop.wait_for(|stopped| *stopped) => return Ok(None),
        };
        match result {
            Ok(me) => return Ok(Some(me)),
            Err(RequestError::Api(ApiError::InvalidToken)) => return Err(RunError::TokenRejected),
            Err(error) => {
                let delay = (options.startup_backoff)(failures);
                failures += 1;
                log::warn!(
                    "cannot reach Telegram (getMe): {}; retrying in {delay:?}",
                    redactor.error(&error)
                );
                tokio::select! {
                    () = tokio::time::sleep(delay) => {}
                    _ = stop.wait_for(|stopped| *stopped) => return Ok(None),
                }
            }
        }
    }
}

/// Runs the dispatcher (polling or webhook) with `state` until `stop` turns true.
pub async fn serve(
    bot: TgBot,
    state: AppState,
    options: &Options,
    redactor: &Redactor,
    stop: watch::Receiver<bool>,
) -> Result<(), RunError> {
    let handler_redactor = redactor.clone();
    let mut dispatcher = Dispatcher::builder(bot.clone(), schema())
        .dependencies(dptree::deps![state])
        .default_handler(|update| async move {
            log::debug!("update {} not handled (kind not used by this bot)", update.id.0);
        })
        .error_handler(Arc::new(move |error: HandlerError| {
            let line = handler_redactor.error(&*error);
            async move {
                log::error!("error while handling an update: {line}");
            }
        }))
        .build();

    let listener_redactor = redactor.clone();
    let listener_errors = Arc::new(move |error: RequestError| {
        let line = listener_redactor.error(&error);
        async move {
            log::warn!("getting updates failed (polling resumes by itself): {line}");
        }
    });

    let result = match &options.webhook {
        None => {
            log::info!("receiving updates by long polling");
            let mut listener = Polling::builder(bot.clone())
                .timeout(options.polling_timeout)
                .backoff_strategy(options.backoff)
                .delete_webhook()
                .await
                .build();
            let stopper = stop_listener_on(stop, listener.stop_token());
            let result = dispatcher.try_dispatch_with_listener(listener, listener_errors).await;
            stopper.abort();
            result
        }
        Some(webhook) => serve_webhook(&bot, &mut dispatcher, webhook, redactor, stop).await,
    };
    match result {
        Ok(()) => {
            log::info!("stopped cleanly");
            Ok(())
        }
        Err(error) => Err(RunError::Startup(format!(
            "cannot start dispatching: {}",
            redactor.error(&error)
        ))),
    }
}

/// Stops the update listener once `stop` turns true (or its sender is gone). The dispatcher
/// then handles the updates it has already received, waits for the handlers in progress and
/// returns; long polling confirms the handled updates to Telegram first.
///
/// Stopping the listener directly, rather than with teloxide's `ShutdownToken::shutdown`,
/// is deliberate: `shutdown` wakes the dispatcher with `Notify::notify_waiters`, which only
/// reaches a dispatcher waiting in its `select` at that instant. A dispatcher busy handing an
/// update to a chat's worker (briefly, or for long when that chat's queue is full) misses
/// it and then never stops. The listener's stop flag is level-triggered: it is seen at the
/// next poll, whenever that is.
fn stop_listener_on(mut stop: watch::Receiver<bool>, token: StopToken) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let _ = stop.wait_for(|stopped| *stopped).await;
        token.stop();
    })
}

async fn serve_webhook(
    bot: &TgBot,
    dispatcher: &mut Dispatcher<TgBot, HandlerError, teloxide::dispatching::DefaultKey>,
    webhook: &WebhookConfig,
    redactor: &Redactor,
    stop: watch::Receiver<bool>,
) -> Result<(), RequestError> {
    let tcp = match tokio::net::TcpListener::bind(webhook.listen).await {
        Ok(tcp) => tcp,
        Err(error) => {
            log::error!("cannot listen on {} for the webhook: {error}", webhook.listen);
            return Err(RequestError::Io(Arc::new(error)));
        }
    };
    let mut webhook_options = webhooks::Options::new(webhook.listen, webhook.url.clone());
    if let Some(secret) = &webhook.secret {
        webhook_options = webhook_options.secret_token(secret.clone());
    }
    let (mut listener, stopped, router) = webhooks::axum_to_router(bot.clone(), webhook_options).await?;
    // Stopping the listener also ends the server below (`stopped`), which ends the stream.
    let stopper = stop_listener_on(stop, listener.stop_token());
    log::info!(
        "receiving updates by webhook on {} (path {})",
        webhook.listen,
        webhook.url.path()
    );
    let server = tokio::spawn(async move { axum::serve(tcp, router).with_graceful_shutdown(stopped).await });
    let webhook_errors = Arc::new(|error: std::convert::Infallible| async move { match error {} });
    let result = dispatcher.try_dispatch_with_listener(listener, webhook_errors).await;
    stopper.abort();
    match server.await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => log::error!("webhook server failed: {}", redactor.redact(&error.to_string())),
        Err(error) => log::error!("webhook server task failed: {error}"),
    }
    result
}
