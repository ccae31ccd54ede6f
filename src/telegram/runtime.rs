//! Running the bot: building the client, rate limiting, long polling or webhook, startup
//! retries, error logging without the token, and clean shutdown on Ctrl-C / SIGTERM.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::Dispatcher;
use teloxide::prelude::*;
use teloxide::types::Me;
use teloxide::update_listeners::{Polling, webhooks};
use teloxide::{ApiError, RequestError};
use tokio::sync::watch;

use super::commands::menu;
use super::config::{Config, WebhookConfig};
use super::handlers::schema;
use super::redact::Redactor;
use super::{HandlerError, TgBot};
use crate::engine::Engine;
use crate::state::AppState;

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
}

impl Default for Options {
    fn default() -> Options {
        Options {
            limits: Limits::default(),
            polling_timeout: Duration::from_secs(10),
            backoff: teloxide::backoff::exponential_backoff_strategy,
            startup_backoff: teloxide::backoff::exponential_backoff_strategy,
            webhook: None,
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
#[derive(Debug)]
pub enum RunError {
    /// Telegram answered `getMe` with 401/404: the token is wrong or revoked.
    TokenRejected,
    /// Anything else that prevents starting (already redacted).
    Startup(String),
}

impl fmt::Display for RunError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::TokenRejected => formatter.write_str(
                "Telegram rejected TELOXIDE_TOKEN (wrong or revoked token): check it with @BotFather (value not shown)",
            ),
            RunError::Startup(message) => formatter.write_str(message),
        }
    }
}

impl std::error::Error for RunError {}

/// The Bot API client for a configuration (default or `TELOXIDE_API_URL` server).
pub fn bot_from_config(config: &Config) -> Bot {
    let bot = Bot::new(config.token());
    match &config.api_url {
        Some(url) => bot.set_api_url(url.clone()),
        None => bot,
    }
}

/// Runs the bot from the configuration until Ctrl-C or SIGTERM.
pub async fn run_from_config(config: &Config, engine: Engine) -> Result<(), RunError> {
    let bot = bot_from_config(config);
    run(
        bot,
        engine,
        config.admin_ids.clone(),
        Options::from_config(config),
        shutdown_signal(),
    )
    .await
}

/// Completes on the first Ctrl-C or SIGTERM. A second Ctrl-C ends the process at once.
pub async fn shutdown_signal() {
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                log::warn!("cannot listen for SIGTERM: {error}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        result = tokio::signal::ctrl_c() => {
            if let Err(error) = result {
                log::warn!("cannot listen for Ctrl-C: {error}");
                std::future::pending::<()>().await;
            }
        }
        () = terminate => {}
    }
    log::info!("shutdown requested: finishing the updates in progress (Ctrl-C again to quit at once)");
    tokio::spawn(async {
        if tokio::signal::ctrl_c().await.is_ok() {
            log::warn!("second Ctrl-C: quitting without waiting");
            std::process::exit(130);
        }
    });
}

/// Starts the bot and runs until `shutdown` completes (then stops cleanly: no new updates,
/// the ones in progress are finished, the polling offset is confirmed to Telegram).
pub async fn run(
    bot: Bot,
    engine: Engine,
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
    let result = async {
        let Some(me) = fetch_me(&bot, &redactor, &options, stop.clone()).await? else {
            log::info!("stopped before start-up completed");
            return Ok(());
        };
        let Some(username) = me.user.username.clone() else {
            return Err(RunError::Startup("the bot account has no username".to_string()));
        };
        log::info!("connected to Telegram as @{username}");
        let state = AppState::new(engine, username, admin_ids);
        register_commands(&bot, &redactor).await;
        serve(bot, state, &options, &redactor, stop).await
    }
    .await;
    signal_task.abort();
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

/// Registers the public command menu; a failure is logged, not fatal.
async fn register_commands(bot: &TgBot, redactor: &Redactor) {
    if let Err(error) = bot.set_my_commands(menu()).await {
        log::warn!("cannot register the command menu: {}", redactor.error(&error));
    }
}

/// Runs the dispatcher (polling or webhook) with `state` until `stop` turns true.
pub async fn serve(
    bot: TgBot,
    state: AppState,
    options: &Options,
    redactor: &Redactor,
    mut stop: watch::Receiver<bool>,
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

    let shutdown_token = dispatcher.shutdown_token();
    let stopper = tokio::spawn(async move {
        let _ = stop.wait_for(|stopped| *stopped).await;
        loop {
            match shutdown_token.shutdown() {
                Ok(done) => {
                    done.await;
                    return;
                }
                // Not dispatching yet (still starting): try again shortly.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
    });

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
            let listener = Polling::builder(bot.clone())
                .timeout(options.polling_timeout)
                .backoff_strategy(options.backoff)
                .delete_webhook()
                .await
                .build();
            dispatcher.try_dispatch_with_listener(listener, listener_errors).await
        }
        Some(webhook) => serve_webhook(&bot, &mut dispatcher, webhook, redactor).await,
    };
    stopper.abort();
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

async fn serve_webhook(
    bot: &TgBot,
    dispatcher: &mut Dispatcher<TgBot, HandlerError, teloxide::dispatching::DefaultKey>,
    webhook: &WebhookConfig,
    redactor: &Redactor,
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
    let (listener, stopped, router) = webhooks::axum_to_router(bot.clone(), webhook_options).await?;
    log::info!(
        "receiving updates by webhook on {} (path {})",
        webhook.listen,
        webhook.url.path()
    );
    let server = tokio::spawn(async move { axum::serve(tcp, router).with_graceful_shutdown(stopped).await });
    let webhook_errors = Arc::new(|error: std::convert::Infallible| async move { match error {} });
    let result = dispatcher.try_dispatch_with_listener(listener, webhook_errors).await;
    match server.await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => log::error!("webhook server failed: {}", redactor.redact(&error.to_string())),
        Err(error) => log::error!("webhook server task failed: {error}"),
    }
    result
}
