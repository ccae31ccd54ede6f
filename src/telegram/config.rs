//! Configuration of the Telegram mode: [`TelegramArgs`] (in [`crate::settings`]), read by
//! clap from the command line or the environment (and `.env`), shown in
//! `fuer-bot run --help`; [`Config`] is the checked result.
//!
//! | Variable | Flag | Meaning |
//! |---|---|---|
//! | `TELOXIDE_TOKEN` | `--token` | bot token from @BotFather (required) |
//! | `TELOXIDE_API_URL` | `--api-url` | Bot API server (default `https://api.telegram.org`; for a local Bot API server) |
//! | `WEBHOOK_URL` | `--webhook-url` | public HTTPS URL Telegram posts updates to; setting it selects webhook mode |
//! | `WEBHOOK_LISTEN` | `--webhook-listen` | local address the webhook server binds (default `0.0.0.0:8443`) |
//! | `WEBHOOK_SECRET` | `--webhook-secret` | secret token Telegram sends in `X-Telegram-Bot-Api-Secret-Token` (generated if unset) |
//! | `ADMIN_IDS` | `--admin-ids` | comma-separated Telegram user ids of the admins |
//! | `TELEGRAM_THROTTLE` | `--throttle` | `off` lifts the client-side rate limits (local Bot API server, benchmarks) |
//! | `CONTEXT_TTL` | `--context-ttl` | how long a conversation's context is remembered (`30m`) |
//! | `CONTEXT_CAPACITY` | `--context-capacity` | how many conversations are remembered at most |
//!
//! A variable set to nothing (`NAME=` in `.env`) means "not set"; values are trimmed. An
//! invalid value is a clap error naming the variable; the token and the webhook secret are
//! checked here instead, so that no message ever shows them.

use std::fmt;
use std::net::SocketAddr;

use url::Url;

use super::redact::Redactor;
use crate::settings::TelegramArgs;

/// Why the configuration is unusable. Displayed as one line that never contains the token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "TELOXIDE_TOKEN is not set: put the bot token from @BotFather in the environment or in .env (see .env.example)"
    )]
    MissingToken,
    #[error(
        "TELOXIDE_TOKEN is malformed: expected the form 123456789:AAH… exactly as @BotFather gives it (value not shown)"
    )]
    MalformedToken,
    #[error("{variable} is invalid: {reason}")]
    Invalid { variable: &'static str, reason: String },
}

/// Whether a Telegram token is configured (environment or `.env`): `fuer-bot` without a
/// subcommand then runs the bot rather than the console.
pub fn token_configured() -> bool {
    std::env::var("TELOXIDE_TOKEN").is_ok_and(|token| !token.trim().is_empty())
}

/// Webhook mode settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookConfig {
    /// The public URL registered with Telegram (`setWebhook`); its path is served locally.
    pub url: Url,
    /// Where the local HTTP server listens (often behind a reverse proxy doing TLS).
    pub listen: SocketAddr,
    /// Secret token checked on every incoming update; generated when `None`.
    pub secret: Option<String>,
}

/// Everything `fuer-bot run` needs besides the knowledge.
#[derive(Clone)]
pub struct Config {
    token: String,
    /// A different Bot API server, if any.
    pub api_url: Option<Url>,
    /// Webhook mode when set; long polling otherwise.
    pub webhook: Option<WebhookConfig>,
    pub admin_ids: Vec<u64>,
    /// Client-side rate limiting at Telegram's published limits (on unless `TELEGRAM_THROTTLE=off`).
    pub throttle: bool,
    /// How long a conversation's context is remembered after its last message (`CONTEXT_TTL`).
    pub context_ttl: std::time::Duration,
    /// How many conversations are remembered at most (`CONTEXT_CAPACITY`).
    pub context_capacity: u64,
}

impl fmt::Debug for Config {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("Config")
            .field("token", &"<token>")
            .field("api_url", &self.api_url.as_ref().map(Url::as_str))
            .field("webhook", &self.webhook)
            .field("admin_ids", &self.admin_ids)
            .field("throttle", &self.throttle)
            .field("context_ttl", &self.context_ttl)
            .field("context_capacity", &self.context_capacity)
            .finish()
    }
}

impl Config {
    /// Checks the settings clap has read: the token (required, well formed) and the
    /// webhook secret, whose values no message shows.
    pub fn from_args(args: &TelegramArgs) -> Result<Config, ConfigError> {
        let token = args.token.trim().to_string();
        if token.is_empty() {
            return Err(ConfigError::MissingToken);
        }
        validate_token(&token)?;
        let webhook = match &args.webhook_url.0 {
            None => None,
            Some(url) => {
                let secret = Some(args.webhook_secret.trim().to_string()).filter(|secret| !secret.is_empty());
                if let Some(secret) = &secret {
                    validate_webhook_secret(secret)?;
                }
                Some(WebhookConfig {
                    url: url.clone(),
                    listen: args.webhook_listen.or(default_webhook_listen()),
                    secret,
                })
            }
        };
        Ok(Config {
            token,
            api_url: args.api_url.0.clone(),
            webhook,
            admin_ids: args.admin_ids.0.clone().unwrap_or_default(),
            throttle: args.throttle.or(true),
            context_ttl: args.context_ttl.or(crate::conversations::DEFAULT_CONTEXT_TTL),
            context_capacity: args.context_capacity.or(crate::conversations::DEFAULT_CONTEXT_CAPACITY),
        })
    }

    /// The bot token. Never log it; use [`Config::redactor`] on anything that may contain it.
    pub fn token(&self) -> &str {
        &self.token
    }

    pub fn redactor(&self) -> Redactor {
        Redactor::new(&self.token)
    }
}

fn default_webhook_listen() -> SocketAddr {
    SocketAddr::from(([0, 0, 0, 0], 8443))
}

/// Checks the shape of a bot token: `<numeric bot id>:<secret of letters, digits, `-`, `_`>`.
pub fn validate_token(token: &str) -> Result<(), ConfigError> {
    let Some((id, secret)) = token.split_once(':') else {
        return Err(ConfigError::MalformedToken);
    };
    let id_ok = (1..=20).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit());
    let secret_ok = (20..=100).contains(&secret.len())
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if id_ok && secret_ok {
        Ok(())
    } else {
        Err(ConfigError::MalformedToken)
    }
}

/// Telegram allows 1–256 characters `A-Z`, `a-z`, `0-9`, `_` and `-`.
fn validate_webhook_secret(secret: &str) -> Result<(), ConfigError> {
    let ok = (1..=256).contains(&secret.len())
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ConfigError::Invalid {
            variable: "WEBHOOK_SECRET",
            reason: "use 1–256 characters A–Z, a–z, 0–9, _ and - (value not shown)".to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_";

    use std::time::Duration;

    use crate::settings::{DEFAULT_WEBHOOK_LISTEN, parse_admin_ids};

    /// The settings `fuer-bot run` would read from these arguments (the same value parsers
    /// read the environment).
    fn args(arguments: &[&str]) -> Result<TelegramArgs, String> {
        crate::settings::run_args(arguments).map(|run| run.telegram)
    }

    fn config(arguments: &[&str]) -> Result<Config, ConfigError> {
        Config::from_args(&args(arguments).expect("valid arguments"))
    }

    #[test]
    fn token_is_required_and_checked() {
        assert_eq!(config(&[]).err(), Some(ConfigError::MissingToken));
        assert_eq!(config(&["--token", "  "]).err(), Some(ConfigError::MissingToken));
        for bad in [
            "abc",
            "123456789",
            ":AAHdqTcvCH1vGWJxfSeofSAs0K5PAL",
            "12a:AAHdqTcvCH1vGWJxfSeofSAs0K5PAL",
            "1:short",
            "1:AAHdqTcvCH1vGWJxfSeofSAs0K5PAL!",
        ] {
            assert_eq!(
                config(&["--token", bad]).err(),
                Some(ConfigError::MalformedToken),
                "{bad}"
            );
        }
        let ok = config(&["--token", &format!(" {TOKEN}\n")]).expect("valid token");
        assert_eq!(ok.token(), TOKEN);
        assert!(ok.webhook.is_none());
        assert!(ok.throttle);
        assert!(ok.admin_ids.is_empty());
        assert!(ok.api_url.is_none());
    }

    #[test]
    fn errors_and_debug_never_show_the_token() {
        let malformed = format!("{TOKEN}!");
        let error = config(&["--token", &malformed]).expect_err("malformed");
        assert!(!error.to_string().contains("AAHdqTcv"));
        assert!(!error.to_string().contains('\n'));
        let ok = config(&["--token", TOKEN]).expect("valid");
        assert!(!format!("{ok:?}").contains("AAHdqTcv"));
    }

    #[test]
    fn webhook_settings() {
        let ok = config(&[
            "--token",
            TOKEN,
            "--webhook-url",
            "https://bot.example.org/telegram/hook",
            "--webhook-listen",
            "127.0.0.1:9000",
            "--webhook-secret",
            "s3cret_value-1",
        ])
        .expect("valid webhook config");
        let webhook = ok.webhook.expect("webhook mode");
        assert_eq!(webhook.url.path(), "/telegram/hook");
        assert_eq!(
            webhook.listen,
            "127.0.0.1:9000".parse::<std::net::SocketAddr>().expect("address")
        );
        assert_eq!(webhook.secret.as_deref(), Some("s3cret_value-1"));

        let default_listen = config(&["--token", TOKEN, "--webhook-url", "https://bot.example.org/"])
            .expect("valid")
            .webhook
            .expect("webhook");
        assert_eq!(default_listen.listen.to_string(), DEFAULT_WEBHOOK_LISTEN);
        assert!(default_listen.secret.is_none());
        // A blank URL is long polling.
        assert!(
            config(&["--token", TOKEN, "--webhook-url", " "])
                .expect("valid")
                .webhook
                .is_none()
        );

        for (flag, variable, value) in [
            ("--webhook-url", "WEBHOOK_URL", "not a url"),
            ("--webhook-listen", "WEBHOOK_LISTEN", "localhost"),
            ("--api-url", "TELOXIDE_API_URL", "ftp://example.org/"),
        ] {
            let error = args(&["--token", TOKEN, flag, value]).expect_err(value);
            assert!(error.contains(&format!("{variable} is invalid")), "{error}");
        }
        let secret = "has space";
        let error = config(&[
            "--token",
            TOKEN,
            "--webhook-url",
            "https://b.example/",
            "--webhook-secret",
            secret,
        ])
        .expect_err("a bad secret");
        assert!(
            matches!(
                error,
                ConfigError::Invalid {
                    variable: "WEBHOOK_SECRET",
                    ..
                }
            ),
            "{error}"
        );
        assert!(!error.to_string().contains(secret), "the secret is not shown");
    }

    #[test]
    fn conversation_lifetime_and_capacity() {
        let defaults = config(&["--token", TOKEN]).expect("valid");
        assert_eq!(defaults.context_ttl, crate::conversations::DEFAULT_CONTEXT_TTL);
        assert_eq!(
            defaults.context_capacity,
            crate::conversations::DEFAULT_CONTEXT_CAPACITY
        );
        let set = config(&["--token", TOKEN, "--context-ttl", "90s", "--context-capacity", "1000"]).expect("valid");
        assert_eq!(set.context_ttl, Duration::from_secs(90));
        assert_eq!(set.context_capacity, 1000);
        let blank = config(&["--token", TOKEN, "--context-ttl", "", "--context-capacity", " "]).expect("valid");
        assert_eq!(blank.context_ttl, crate::conversations::DEFAULT_CONTEXT_TTL);
        for (flag, variable, value) in [
            ("--context-ttl", "CONTEXT_TTL", "soon"),
            ("--context-ttl", "CONTEXT_TTL", "0"),
            ("--context-ttl", "CONTEXT_TTL", "30"),
            ("--context-capacity", "CONTEXT_CAPACITY", "0"),
            ("--context-capacity", "CONTEXT_CAPACITY", "many"),
        ] {
            let error = args(&["--token", TOKEN, flag, value]).expect_err(value);
            assert!(error.contains(&format!("{variable} is invalid")), "{error}");
        }
    }

    #[test]
    fn admin_ids_and_throttle() {
        assert_eq!(parse_admin_ids("12, 34,56;12"), Ok(vec![12, 34, 56]));
        assert_eq!(parse_admin_ids(""), Ok(vec![]));
        assert!(parse_admin_ids("12,abc").is_err());
        assert!(parse_admin_ids("0").is_err());
        let ok = config(&["--token", TOKEN, "--admin-ids", "7,8", "--throttle", "OFF"]).expect("valid");
        assert_eq!(ok.admin_ids, vec![7, 8]);
        assert!(!ok.throttle);
        let error = args(&["--token", TOKEN, "--throttle", "maybe"]).expect_err("maybe");
        assert!(
            error.contains("TELEGRAM_THROTTLE is invalid: expected on or off"),
            "{error}"
        );
        let error = args(&["--token", TOKEN, "--admin-ids", "x"]).expect_err("x");
        assert!(
            error.contains("ADMIN_IDS is invalid: \"x\" is not a Telegram user id"),
            "{error}"
        );
    }
}
