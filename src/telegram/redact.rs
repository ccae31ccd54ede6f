//! Keeping the bot token out of logs and error messages.
//!
//! Telegram API URLs contain the token (`https://api.telegram.org/bot<token>/sendMessage`),
//! and HTTP client errors quote the URL. Every error this layer logs or prints goes through
//! [`Redactor::redact`] first.

use std::fmt;
use std::sync::Arc;

/// What a redacted secret is replaced with.
pub const TOKEN_PLACEHOLDER: &str = "<token>";

/// Replaces the bot token (and its secret part on its own) in any text.
#[derive(Clone)]
pub struct Redactor {
    /// Longest first, so that the whole token is replaced before its parts.
    secrets: Arc<[String]>,
}

impl Redactor {
    pub fn new(token: &str) -> Redactor {
        let token = token.trim();
        let mut secrets = Vec::new();
        if !token.is_empty() {
            secrets.push(token.to_string());
            // The same token in a percent-encoded URL.
            if token.contains(':') {
                secrets.push(token.replace(':', "%3A"));
                secrets.push(token.replace(':', "%3a"));
            }
            // The secret part alone is what matters: hide it wherever it shows up.
            if let Some((_, secret)) = token.split_once(':')
                && secret.len() >= 8
            {
                secrets.push(secret.to_string());
            }
        }
        secrets.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
        secrets.dedup();
        Redactor {
            secrets: secrets.into(),
        }
    }

    /// `text` with every occurrence of the token replaced by [`TOKEN_PLACEHOLDER`].
    pub fn redact(&self, text: &str) -> String {
        let mut text = text.to_string();
        for secret in self.secrets.iter() {
            if text.contains(secret.as_str()) {
                text = text.replace(secret.as_str(), TOKEN_PLACEHOLDER);
            }
        }
        text
    }

    /// An error (with its chain of causes) as one redacted line.
    pub fn error(&self, error: &(dyn std::error::Error + 'static)) -> String {
        let mut text = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            let cause_text = cause.to_string();
            if !text.contains(&cause_text) {
                text.push_str(": ");
                text.push_str(&cause_text);
            }
            source = cause.source();
        }
        self.redact(&text)
    }
}

impl fmt::Debug for Redactor {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Redactor(<token>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_";

    #[test]
    fn replaces_the_token_in_urls_and_text() {
        let redactor = Redactor::new(TOKEN);
        let message = format!(
            "error sending request for url (https://api.telegram.org/bot{TOKEN}/getUpdates): connection closed"
        );
        let redacted = redactor.redact(&message);
        assert_eq!(
            redacted,
            "error sending request for url (https://api.telegram.org/bot<token>/getUpdates): connection closed"
        );
    }

    #[test]
    fn replaces_encoded_token_and_bare_secret() {
        let redactor = Redactor::new(TOKEN);
        let encoded = TOKEN.replace(':', "%3A");
        let secret = TOKEN.split_once(':').map(|(_, s)| s).unwrap_or_default();
        let redacted = redactor.redact(&format!("a {encoded} b {secret} c {TOKEN}"));
        assert_eq!(redacted, "a <token> b <token> c <token>");
        assert!(!redacted.contains(secret));
    }

    #[test]
    fn leaves_other_text_and_empty_tokens_alone() {
        assert_eq!(Redactor::new("").redact("nothing secret"), "nothing secret");
        assert_eq!(
            Redactor::new(TOKEN).redact("getUpdates failed: 502"),
            "getUpdates failed: 502"
        );
        assert_eq!(format!("{:?}", Redactor::new(TOKEN)), "Redactor(<token>)");
    }

    #[derive(Debug, thiserror::Error)]
    #[error("request to https://x/bot{}/sendMessage failed", TOKEN)]
    struct Outer(#[source] std::io::Error);

    #[test]
    fn redacts_the_whole_error_chain() {
        let error = Outer(std::io::Error::other(format!("cause mentions {TOKEN}")));
        let line = Redactor::new(TOKEN).error(&error);
        assert_eq!(
            line,
            "request to https://x/bot<token>/sendMessage failed: cause mentions <token>"
        );
    }
}
