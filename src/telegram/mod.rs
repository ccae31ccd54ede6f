//! The Telegram front end: the only part of the program that knows Telegram.
//!
//! It turns updates into [`fuer_core::dialogue::Request`]s, renders the core's plain
//! [`fuer_core::reply::Reply`] structures as Telegram HTML with inline keyboards, and runs the
//! bot (long polling or webhook) robustly: rate limits honoured, network errors retried,
//! the token kept out of every log line. While running it records the questions it answers,
//! reloads the knowledge files when they change and tells the admins how that went.

pub mod admin;
pub mod commands;
pub mod config;
pub mod handlers;
pub mod inline;
pub mod redact;
pub mod render;
pub mod runtime;

pub use config::{Config, ConfigError, WebhookConfig, token_configured};
pub use handlers::schema;
pub use redact::Redactor;
pub use runtime::{
    Options, RunError, bot_from_config, run, run_blocking, run_from_config, serve, shutdown_signal, unthrottled_limits,
};

/// The bot as the handlers see it: the Bot API client behind the rate limiter.
pub type TgBot = teloxide::adaptors::Throttle<teloxide::Bot>;

/// Any error a handler may return; logged (without the token) by the dispatcher.
pub type HandlerError = Box<dyn std::error::Error + Send + Sync>;

pub type HandlerResult = Result<(), HandlerError>;
