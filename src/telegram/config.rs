//! Configuration of the Telegram mode, read from the environment (and `.env`).
//!
//! | Variable | Meaning |
//! |---|---|
//! | `TELOXIDE_TOKEN` | bot token from @BotFather (required) |
//! | `TELOXIDE_API_URL` | Bot API server (default `https://api.telegram.org`; for a local Bot API server) |
//! | `WEBHOOK_URL` | public HTTPS URL Telegram posts updates to; setting it selects webhook mode |
//! | `WEBHOOK_LISTEN` | local address the webhook server binds (default `0.0.0.0:8443`) |
//! | `WEBHOOK_SECRET` | secret token Telegram sends in `X-Telegram-Bot-Api-Secret-Token` (generated if unset) |
//! | `ADMIN_IDS` | comma-separated Telegram user ids of the admins |
//! | `TELEGRAM_THROTTLE` | `off` lifts the client-side rate limits (local Bot API server, benchmarks) |

use std::fmt;
use std::net::SocketAddr;

use url::Url;

use super::redact::Redactor;

/// Default local address of the webhook server.
pub const DEFAULT_WEBHOOK_LISTEN: &str = "0.0.0.0:8443";

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
    /// Reads the configuration from the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let value = |name: &str| lookup(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let token = value("TELOXIDE_TOKEN").ok_or(ConfigError::MissingToken)?;
        validate_token(&token)?;
        let api_url = value("TELOXIDE_API_URL")
            .map(|raw| parse_url("TELOXIDE_API_URL", &raw))
            .transpose()?;
        let webhook = match value("WEBHOOK_URL") {
            None => None,
            Some(raw) => {
                let url = parse_url("WEBHOOK_URL", &raw)?;
                let listen_raw = value("WEBHOOK_LISTEN").unwrap_or_else(|| DEFAULT_WEBHOOK_LISTEN.to_string());
                let listen = listen_raw.parse().map_err(|_| ConfigError::Invalid {
                    variable: "WEBHOOK_LISTEN",
                    reason: format!("expected an address such as 0.0.0.0:8443, got {listen_raw:?}"),
                })?;
                let secret = value("WEBHOOK_SECRET");
                if let Some(secret) = &secret {
                    validate_webhook_secret(secret)?;
                }
                Some(WebhookConfig { url, listen, secret })
            }
        };
        let admin_ids = match value("ADMIN_IDS") {
            None => Vec::new(),
            Some(raw) => parse_admin_ids(&raw).map_err(|reason| ConfigError::Invalid {
                variable: "ADMIN_IDS",
                reason,
            })?,
        };
        let throttle = match value("TELEGRAM_THROTTLE").map(|v| v.to_ascii_lowercase()) {
            None => true,
            Some(v) if v == "on" => true,
            Some(v) if v == "off" => false,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    variable: "TELEGRAM_THROTTLE",
                    reason: format!("expected on or off, got {other:?}"),
                });
            }
        };
        let context_ttl = match value("CONTEXT_TTL") {
            None => crate::conversations::DEFAULT_CONTEXT_TTL,
            Some(raw) => crate::conversations::parse_duration(&raw).map_err(|reason| ConfigError::Invalid {
                variable: "CONTEXT_TTL",
                reason,
            })?,
        };
        let context_capacity = match value("CONTEXT_CAPACITY") {
            None => crate::conversations::DEFAULT_CONTEXT_CAPACITY,
            Some(raw) => raw
                .parse::<u64>()
                .ok()
                .filter(|capacity| *capacity > 0)
                .ok_or_else(|| ConfigError::Invalid {
                    variable: "CONTEXT_CAPACITY",
                    reason: format!("expected a positive number of conversations, got {raw:?}"),
                })?,
        };
        Ok(Config {
            token,
            api_url,
            webhook,
            admin_ids,
            throttle,
            context_ttl,
            context_capacity,
        })
    }

    /// A configuration for long polling with this token (validated).
    pub fn with_token(token: &str) -> Result<Config, ConfigError> {
        Config::from_lookup(|name| (name == "TELOXIDE_TOKEN").then(|| token.to_string()))
    }

    /// The bot token. Never log it; use [`Config::redactor`] on anything that may contain it.
    pub fn token(&self) -> &str {
        &self.token
    }

    pub fn redactor(&self) -> Redactor {
        Redactor::new(&self.token)
    }
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

fn parse_url(variable: &'static str, raw: &str) -> Result<Url, ConfigError> {
    let url = Url::parse(raw).map_err(|error| ConfigError::Invalid {
        variable,
        reason: format!("not a URL ({error})"),
    })?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(ConfigError::Invalid {
            variable,
            reason: "expected an http:// or https:// URL".to_string(),
        });
    }
    Ok(url)
}

/// Parses `ADMIN_IDS`: comma- (or space-) separated positive user ids.
pub fn parse_admin_ids(raw: &str) -> Result<Vec<u64>, String> {
    let mut ids = Vec::new();
    for part in raw.split([',', ' ', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        match part.parse::<u64>() {
            Ok(id) if id > 0 => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            _ => {
                return Err(format!(
                    "{part:?} is not a Telegram user id (expected e.g. ADMIN_IDS=12345,67890)"
                ));
            }
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    const TOKEN: &str = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_";

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn token_is_required_and_checked() {
        assert_eq!(config(&[]).err(), Some(ConfigError::MissingToken));
        assert_eq!(
            config(&[("TELOXIDE_TOKEN", "  ")]).err(),
            Some(ConfigError::MissingToken)
        );
        for bad in [
            "abc",
            "123456789",
            ":AAHdqTcvCH1vGWJxfSeofSAs0K5PAL",
            "12a:AAHdqTcvCH1vGWJxfSeofSAs0K5PAL",
            "1:short",
            "1:AAHdqTcvCH1vGWJxfSeofSAs0K5PAL!",
        ] {
            assert_eq!(
                config(&[("TELOXIDE_TOKEN", bad)]).err(),
                Some(ConfigError::MalformedToken),
                "{bad}"
            );
        }
        let ok = config(&[("TELOXIDE_TOKEN", &format!(" {TOKEN}\n"))]).expect("valid token");
        assert_eq!(ok.token(), TOKEN);
        assert!(ok.webhook.is_none());
        assert!(ok.throttle);
    }

    #[test]
    fn errors_and_debug_never_show_the_token() {
        let malformed = format!("{TOKEN}!");
        let error = config(&[("TELOXIDE_TOKEN", &malformed)]).expect_err("malformed");
        assert!(!error.to_string().contains("AAHdqTcv"));
        assert!(!error.to_string().contains('\n'));
        let ok = config(&[("TELOXIDE_TOKEN", TOKEN)]).expect("valid");
        assert!(!format!("{ok:?}").contains("AAHdqTcv"));
    }

    #[test]
    fn webhook_settings() {
        let ok = config(&[
            ("TELOXIDE_TOKEN", TOKEN),
            ("WEBHOOK_URL", "https://bot.example.org/telegram/hook"),
            ("WEBHOOK_LISTEN", "127.0.0.1:9000"),
            ("WEBHOOK_SECRET", "s3cret_value-1"),
        ])
        .expect("valid webhook config");
        let webhook = ok.webhook.expect("webhook mode");
        assert_eq!(webhook.url.path(), "/telegram/hook");
        assert_eq!(webhook.listen, "127.0.0.1:9000".parse().expect("address"));
        assert_eq!(webhook.secret.as_deref(), Some("s3cret_value-1"));

        let default_listen = config(&[("TELOXIDE_TOKEN", TOKEN), ("WEBHOOK_URL", "https://bot.example.org/")])
            .expect("valid")
            .webhook
            .expect("webhook");
        assert_eq!(default_listen.listen.to_string(), DEFAULT_WEBHOOK_LISTEN);
        assert!(default_listen.secret.is_none());

        for (name, value) in [
            ("WEBHOOK_URL", "not a url"),
            ("WEBHOOK_LISTEN", "localhost"),
            ("WEBHOOK_SECRET", "has space"),
        ] {
            let mut vars = vec![("TELOXIDE_TOKEN", TOKEN), ("WEBHOOK_URL", "https://bot.example.org/")];
            vars.retain(|(k, _)| *k != name);
            vars.push((name, value));
            match config(&vars) {
                Err(ConfigError::Invalid { variable, .. }) => assert_eq!(variable, name),
                other => panic!("{name}={value}: {other:?}"),
            }
        }
    }

    #[test]
    fn conversation_lifetime_and_capacity() {
        let defaults = config(&[("TELOXIDE_TOKEN", TOKEN)]).expect("valid");
        assert_eq!(defaults.context_ttl, crate::conversations::DEFAULT_CONTEXT_TTL);
        assert_eq!(
            defaults.context_capacity,
            crate::conversations::DEFAULT_CONTEXT_CAPACITY
        );
        let set = config(&[
            ("TELOXIDE_TOKEN", TOKEN),
            ("CONTEXT_TTL", "90s"),
            ("CONTEXT_CAPACITY", "1000"),
        ])
        .expect("valid");
        assert_eq!(set.context_ttl, std::time::Duration::from_secs(90));
        assert_eq!(set.context_capacity, 1000);
        for (name, value) in [
            ("CONTEXT_TTL", "soon"),
            ("CONTEXT_TTL", "0"),
            ("CONTEXT_CAPACITY", "0"),
            ("CONTEXT_CAPACITY", "many"),
        ] {
            let error = config(&[("TELOXIDE_TOKEN", TOKEN), (name, value)]).expect_err(value);
            assert!(error.to_string().contains(name), "{error}");
        }
    }

    #[test]
    fn admin_ids_and_throttle() {
        assert_eq!(parse_admin_ids("12, 34,56;12"), Ok(vec![12, 34, 56]));
        assert_eq!(parse_admin_ids(""), Ok(vec![]));
        assert!(parse_admin_ids("12,abc").is_err());
        assert!(parse_admin_ids("0").is_err());
        let ok = config(&[
            ("TELOXIDE_TOKEN", TOKEN),
            ("ADMIN_IDS", "7,8"),
            ("TELEGRAM_THROTTLE", "OFF"),
        ])
        .expect("valid");
        assert_eq!(ok.admin_ids, vec![7, 8]);
        assert!(!ok.throttle);
        assert!(config(&[("TELOXIDE_TOKEN", TOKEN), ("TELEGRAM_THROTTLE", "maybe")]).is_err());
        assert!(config(&[("TELOXIDE_TOKEN", TOKEN), ("ADMIN_IDS", "x")]).is_err());
    }
}
