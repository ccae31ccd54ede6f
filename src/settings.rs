//! Settings read by clap from the command line or the environment (and `.env`), one path
//! for every variable, each shown in `--help` with its variable: [`TelegramArgs`] and
//! [`WebArgs`] (`fuer-bot run`, `web`, `web-link`), the question log's retention. The
//! token and the webhook secret are only read here; they are checked in
//! [`crate::telegram::Config::from_args`] so that no message shows them. A value left empty
//! (`NAME=` in `.env`) means "not set" ([`Blank`]); values are trimmed; an invalid value is
//! refused with a message that names the variable.

use std::net::SocketAddr;
use std::time::Duration;

use clap::Parser;
use url::Url;

use crate::store::Retention;

/// Default local address of the webhook server.
pub const DEFAULT_WEBHOOK_LISTEN: &str = "0.0.0.0:8443";
/// Default local address of the web page.
pub const DEFAULT_WEB_LISTEN: &str = "127.0.0.1:8080";

/// A setting that may be left empty (`None`: not set).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blank<T>(pub Option<T>);

impl<T: Clone> Blank<T> {
    /// The value, or `default` when not set.
    pub fn or(&self, default: T) -> T {
        self.0.clone().unwrap_or(default)
    }
}

/// A clap value parser for a setting that may be left empty: blank (after trimming) is
/// not set, anything else is `parse` of the trimmed text.
pub fn blank_or<T>(
    parse: impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static,
) -> impl Fn(&str) -> Result<Blank<T>, String> + Clone + Send + Sync + 'static {
    move |text: &str| {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Blank(None));
        }
        parse(text).map(|value| Blank(Some(value)))
    }
}

/// `text` as a socket address, for the variable `variable` (`example` in the message).
pub fn parse_address(variable: &str, text: &str, example: &str) -> Result<SocketAddr, String> {
    text.parse()
        .map_err(|_| format!("{variable} is invalid: expected an address such as {example}, got {text:?}"))
}

/// `text` as an http(s) URL, for the variable `variable`.
pub fn parse_url(variable: &str, text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|error| format!("{variable} is invalid: not a URL ({error})"))?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(format!("{variable} is invalid: expected an http:// or https:// URL"));
    }
    Ok(url)
}

/// The settings of `fuer-bot run`: Telegram's and the web page's.
#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub telegram: TelegramArgs,
    #[command(flatten)]
    pub web: WebArgs,
}

impl RunArgs {
    /// The settings of `run` from the environment alone, for `fuer-bot` without a
    /// subcommand when a token is configured (the same clap arguments as `fuer-bot run`).
    pub fn from_env() -> Result<RunArgs, clap::Error> {
        #[derive(Parser)]
        #[command(name = "fuer-bot")]
        struct Only {
            #[command(flatten)]
            run: RunArgs,
        }
        Only::try_parse_from(["fuer-bot"]).map(|only| only.run)
    }
}

/// The Telegram settings of `fuer-bot run`, from the command line or the environment.
#[derive(Debug, Clone, clap::Args)]
pub struct TelegramArgs {
    /// Bot token from @BotFather (better in the environment or .env than on a command line,
    /// which other users of the machine can see).
    #[arg(
        long = "token",
        env = "TELOXIDE_TOKEN",
        hide_env_values = true,
        default_value = "",
        hide_default_value = true,
        value_name = "TOKEN"
    )]
    pub token: String,
    /// Another Bot API server (a local one); default https://api.telegram.org.
    #[arg(long, env = "TELOXIDE_API_URL", value_name = "URL", default_value = "", hide_default_value = true,
          value_parser = blank_or(|text| parse_url("TELOXIDE_API_URL", text)))]
    pub api_url: Blank<Url>,
    /// Webhook mode: the public HTTPS URL Telegram posts updates to; not set: long polling.
    #[arg(long, env = "WEBHOOK_URL", value_name = "URL", default_value = "", hide_default_value = true,
          value_parser = blank_or(|text| parse_url("WEBHOOK_URL", text)))]
    pub webhook_url: Blank<Url>,
    /// Local address the webhook server listens on.
    #[arg(long, env = "WEBHOOK_LISTEN", value_name = "ADDRESS", default_value = DEFAULT_WEBHOOK_LISTEN,
          value_parser = blank_or(|text| parse_address("WEBHOOK_LISTEN", text, "0.0.0.0:8443")))]
    pub webhook_listen: Blank<SocketAddr>,
    /// Secret Telegram sends with every update (1-256 of A-Z a-z 0-9 _ -); not set: generated.
    #[arg(
        long,
        env = "WEBHOOK_SECRET",
        hide_env_values = true,
        default_value = "",
        hide_default_value = true,
        value_name = "SECRET"
    )]
    pub webhook_secret: String,
    /// Comma-separated Telegram user ids of the admins (e.g. 12345,67890).
    #[arg(long, env = "ADMIN_IDS", value_name = "IDS", default_value = "", hide_default_value = true,
          value_parser = blank_or(parse_admin_ids))]
    pub admin_ids: Blank<Vec<u64>>,
    /// Client-side rate limiting at Telegram's limits: on, or off (benchmarks only).
    #[arg(long, env = "TELEGRAM_THROTTLE", value_name = "on|off", default_value = "on",
          value_parser = blank_or(parse_throttle))]
    pub throttle: Blank<bool>,
    /// How long a conversation's context is remembered after its last message (90s, 30m, 2h).
    #[arg(long, env = "CONTEXT_TTL", value_name = "DURATION", default_value = "30m",
          value_parser = blank_or(parse_context_ttl))]
    pub context_ttl: Blank<Duration>,
    /// How many conversations are remembered at most (the least recently used go first).
    #[arg(long, env = "CONTEXT_CAPACITY", value_name = "COUNT", default_value = "50000",
          value_parser = blank_or(parse_context_capacity))]
    pub context_capacity: Blank<u64>,
}

/// The web page's settings (`WEB_LISTEN`, `WEB_URL`), from the command line or the
/// environment; see [`crate::settings`].
#[derive(Debug, Clone, clap::Args)]
pub struct WebArgs {
    /// Local address of the admin web page (keep 127.0.0.1 when a reverse proxy is in front).
    #[arg(long, env = "WEB_LISTEN", value_name = "ADDRESS", default_value = DEFAULT_WEB_LISTEN,
          value_parser = blank_or(|text| parse_address("WEB_LISTEN", text, DEFAULT_WEB_LISTEN)))]
    pub web_listen: Blank<SocketAddr>,
    /// The page's public base URL behind a reverse proxy (login links point there; https
    /// makes the session cookie Secure); not set: http:// and WEB_LISTEN.
    #[arg(long, env = "WEB_URL", value_name = "URL", default_value = "", hide_default_value = true,
          value_parser = blank_or(|text| parse_url("WEB_URL", text)))]
    pub web_url: Blank<Url>,
}

/// `TELEGRAM_THROTTLE`: on or off.
fn parse_throttle(text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "on" => Ok(true),
        "off" => Ok(false),
        other => Err(format!(
            "TELEGRAM_THROTTLE is invalid: expected on or off, got {other:?}"
        )),
    }
}

/// `CONTEXT_TTL`: a duration.
fn parse_context_ttl(text: &str) -> Result<Duration, String> {
    crate::conversations::parse_duration(text).map_err(|reason| format!("CONTEXT_TTL is invalid: {reason}"))
}

/// `CONTEXT_CAPACITY`: a positive count.
fn parse_context_capacity(text: &str) -> Result<u64, String> {
    text.parse::<u64>()
        .ok()
        .filter(|capacity| *capacity > 0)
        .ok_or_else(|| {
            format!("CONTEXT_CAPACITY is invalid: expected a positive number of conversations, got {text:?}")
        })
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
                    "ADMIN_IDS is invalid: {part:?} is not a Telegram user id (expected e.g. ADMIN_IDS=12345,67890)"
                ));
            }
        }
    }
    Ok(ids)
}

/// `QUESTION_RETENTION`: a number of days.
pub fn parse_retention(text: &str) -> Result<Retention, String> {
    text.parse()
        .map_err(|reason| format!("QUESTION_RETENTION is invalid: {reason}"))
}

/// The settings `fuer-bot run` reads from these arguments, with the environment's values
/// for the rest (for tests: the same value parsers read the environment).
#[cfg(test)]
pub(crate) fn run_args(arguments: &[&str]) -> Result<RunArgs, String> {
    #[derive(Parser)]
    struct Only {
        #[command(flatten)]
        run: RunArgs,
    }
    Only::try_parse_from(std::iter::once("run").chain(arguments.iter().copied()))
        .map(|only| only.run)
        .map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_values_are_not_set_and_others_are_trimmed_and_parsed() {
        let parse = blank_or(|text| parse_address("WEB_LISTEN", text, "127.0.0.1:8080"));
        assert_eq!(parse(""), Ok(Blank(None)));
        assert_eq!(parse("  \t"), Ok(Blank(None)));
        assert_eq!(
            parse(" 127.0.0.1:9000\n").map(|value| value.or(SocketAddr::from(([0, 0, 0, 0], 1)))),
            Ok(SocketAddr::from(([127, 0, 0, 1], 9000)))
        );
        let error = parse("nowhere").expect_err("not an address");
        assert_eq!(
            error,
            "WEB_LISTEN is invalid: expected an address such as 127.0.0.1:8080, got \"nowhere\""
        );
        assert!(
            parse_url("WEB_URL", "ftp://x/")
                .unwrap_err()
                .starts_with("WEB_URL is invalid")
        );
        assert!(parse_url("WEB_URL", "not a url").unwrap_err().contains("not a URL"));
    }
}
