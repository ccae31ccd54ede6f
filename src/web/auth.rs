//! Passwordless login for the admin web page: one-time login links, signed session
//! cookies, CSRF tokens, and slowing down repeated bad login tokens.
//!
//! Everything is signed with HMAC-SHA256 under a secret kept in `DATA_DIR/web-secret`
//! (created on first use, mode 0600), so `fuer-bot web-link` (one process) can make links
//! that the server (another process) accepts. A login token is `expiry.nonce.mac`; it is
//! valid until its expiry (10 minutes) and only once: the server records the nonces it has
//! used in `DATA_DIR/web-used-tokens` (also 0600) until they expire. A session cookie has
//! the same shape, expires after 8 hours and is revoked the same way at logout. The CSRF
//! token of a session is a MAC of its nonce.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use anyhow::{Context, Result};
use ring::hmac;
use ring::rand::{SecureRandom, SystemRandom};
use tempfile::NamedTempFile;

/// The file holding the signing secret, in the data directory.
pub const SECRET_FILE_NAME: &str = "web-secret";
/// The file recording used login tokens and ended sessions, in the data directory.
pub const USED_FILE_NAME: &str = "web-used-tokens";
/// How long a login link is valid, in seconds.
pub const LOGIN_LINK_SECONDS: i64 = 10 * 60;
/// How long a session lasts, in seconds.
pub const SESSION_SECONDS: i64 = 8 * 3600;
/// How far back bad login tokens count for the slow-down, in seconds.
const FAILURE_WINDOW_SECONDS: i64 = 10 * 60;
/// The slow-down per recent bad token, and its cap.
const FAILURE_DELAY_STEP: Duration = Duration::from_millis(400);
const FAILURE_DELAY_MAX: Duration = Duration::from_secs(8);

/// Why a login token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginError {
    /// Not a token of ours (mangled, or signed with another secret).
    Invalid,
    /// Its 10 minutes are over.
    Expired,
    /// It was used already.
    Used,
}

/// A logged-in session (from its cookie).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub nonce: String,
    pub expires: i64,
}

/// The signing key, the used tokens and the recent failures.
pub struct Auth {
    key: hmac::Key,
    random: SystemRandom,
    used_path: PathBuf,
    /// Used login-token and ended-session nonces → their expiry.
    used: Mutex<HashMap<String, i64>>,
    /// Times of recent bad login tokens.
    failures: Mutex<Vec<i64>>,
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth")
            .field("used_path", &self.used_path)
            .finish_non_exhaustive()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A private temporary file in `dir` holding `contents`, synced (`tempfile` creates it
/// readable by its owner only: 0600 on Unix); its name ends with `.tmp` and it is removed
/// if dropped before it is persisted.
fn private_temporary(dir: &Path, contents: &[u8]) -> std::io::Result<NamedTempFile> {
    let mut file = tempfile::Builder::new()
        .prefix(".web-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(contents)?;
    file.as_file().sync_all()?;
    Ok(file)
}

/// Writes a private file (0600 on Unix) atomically: a temporary file, renamed over `path`.
fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    private_temporary(dir, contents)?
        .persist(path)
        .map_err(|error| error.error)?;
    Ok(())
}

impl Auth {
    /// Opens the signing secret of `data_dir`, creating the directory and the secret
    /// (mode 0600) if needed.
    pub fn open(data_dir: &Path) -> Result<Auth> {
        fs::create_dir_all(data_dir)
            .with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
        let random = SystemRandom::new();
        let path = data_dir.join(SECRET_FILE_NAME);
        let secret = match fs::read_to_string(&path) {
            Ok(text) => hex::decode(text.trim())
                .ok()
                .filter(|secret| secret.len() >= 32)
                .with_context(|| format!("{} is damaged: delete it (open sessions and links end)", path.display()))?,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let mut secret = [0u8; 32];
                random
                    .fill(&mut secret)
                    .map_err(|_| anyhow::anyhow!("no random numbers for the web secret"))?;
                // Written in full under a name of its own, then put in place only if there is
                // no secret yet: a process starting at the same moment (`fuer-bot web` and
                // `fuer-bot web-link`) either creates the secret or reads the other's
                // complete one, never a half-written file.
                let temporary = private_temporary(data_dir, hex::encode(secret).as_bytes())
                    .with_context(|| format!("cannot write a temporary file in {}", data_dir.display()))?;
                match temporary.persist_noclobber(&path).map_err(|error| error.error) {
                    Ok(_) => secret.to_vec(),
                    // Another process created it meanwhile: use that one.
                    Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                        let text =
                            fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
                        hex::decode(text.trim())
                            .ok()
                            .filter(|secret| secret.len() >= 32)
                            .with_context(|| format!("{} is damaged", path.display()))?
                    }
                    Err(error) => {
                        return Err(error).with_context(|| format!("cannot create {}", path.display()));
                    }
                }
            }
            Err(error) => return Err(error).with_context(|| format!("cannot read {}", path.display())),
        };
        let used_path = data_dir.join(USED_FILE_NAME);
        let used = read_used(&used_path);
        Ok(Auth {
            key: hmac::Key::new(hmac::HMAC_SHA256, &secret),
            random,
            used_path,
            used: Mutex::new(used),
            failures: Mutex::new(Vec::new()),
        })
    }

    fn nonce(&self) -> String {
        let mut bytes = [0u8; 16];
        // SystemRandom only fails without an OS random source; a time-based nonce (still
        // signed, so unforgeable) keeps the page usable then.
        if self.random.fill(&mut bytes).is_err() {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            bytes = now.to_le_bytes();
        }
        hex::encode(bytes)
    }

    fn sign(&self, kind: &str, expires: i64, nonce: &str) -> String {
        let tag = hmac::sign(&self.key, format!("{kind}.{expires}.{nonce}").as_bytes());
        format!("{expires}.{nonce}.{}", hex::encode(tag.as_ref()))
    }

    /// Checks the signature; returns (expiry, nonce).
    fn verify<'a>(&self, kind: &str, token: &'a str) -> Option<(i64, &'a str)> {
        let mut parts = token.trim().splitn(3, '.');
        let expires_text = parts.next()?;
        let nonce = parts.next()?;
        let mac = hex::decode(parts.next()?).ok()?;
        let expires: i64 = expires_text.parse().ok()?;
        if nonce.len() != 32 || !nonce.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        hmac::verify(&self.key, format!("{kind}.{expires}.{nonce}").as_bytes(), &mac).ok()?;
        Some((expires, nonce))
    }

    /// A new one-time login token, valid for [`LOGIN_LINK_SECONDS`] from `now`.
    pub fn login_token(&self, now: i64) -> String {
        self.sign("login", now + LOGIN_LINK_SECONDS, &self.nonce())
    }

    /// Whether `token` would log in now (without using it up).
    pub fn check_login(&self, token: &str, now: i64) -> Result<(), LoginError> {
        let (expires, nonce) = self.verify("login", token).ok_or(LoginError::Invalid)?;
        if expires <= now || expires > now + LOGIN_LINK_SECONDS {
            return Err(LoginError::Expired);
        }
        let mut used = lock(&self.used);
        // Another server process may have used it: look at the file too.
        used.extend(read_used(&self.used_path));
        if used.contains_key(nonce) {
            return Err(LoginError::Used);
        }
        Ok(())
    }

    /// Uses up `token` and starts a session, or says why not.
    pub fn log_in(&self, token: &str, now: i64) -> Result<Session, LoginError> {
        self.check_login(token, now)?;
        let (expires, nonce) = self.verify("login", token).ok_or(LoginError::Invalid)?;
        self.mark_used(nonce, expires, now);
        Ok(Session {
            nonce: self.nonce(),
            expires: now + SESSION_SECONDS,
        })
    }

    /// Records a nonce as used until `expires` (in memory and in the file).
    fn mark_used(&self, nonce: &str, expires: i64, now: i64) {
        let mut used = lock(&self.used);
        used.insert(nonce.to_string(), expires);
        used.retain(|_, expires| *expires > now);
        let mut lines = String::new();
        for (nonce, expires) in used.iter() {
            lines.push_str(&format!("{expires} {nonce}\n"));
        }
        if let Err(error) = write_private(&self.used_path, lines.as_bytes()) {
            log::warn!(
                "cannot record a used web login token in {} (it stays used until the server restarts): {error}",
                self.used_path.display()
            );
        }
    }

    /// The cookie value of a session.
    pub fn session_cookie(&self, session: &Session) -> String {
        self.sign("session", session.expires, &session.nonce)
    }

    /// The session of a cookie value, if it is signed, not expired and not ended.
    pub fn session(&self, cookie: &str, now: i64) -> Option<Session> {
        let (expires, nonce) = self.verify("session", cookie)?;
        if expires <= now || expires > now + SESSION_SECONDS || lock(&self.used).contains_key(nonce) {
            return None;
        }
        Some(Session {
            nonce: nonce.to_string(),
            expires,
        })
    }

    /// Ends a session (logout): its cookie no longer works, even if kept.
    pub fn end_session(&self, session: &Session, now: i64) {
        self.mark_used(&session.nonce, session.expires, now);
    }

    /// The CSRF token of a session (for every form that changes something).
    pub fn csrf_token(&self, session: &Session) -> String {
        hex::encode(hmac::sign(&self.key, format!("csrf.{}", session.nonce).as_bytes()).as_ref())
    }

    /// Whether `token` is the session's CSRF token (compared in constant time).
    pub fn check_csrf(&self, session: &Session, token: &str) -> bool {
        hex::decode(token.trim())
            .ok()
            .is_some_and(|mac| hmac::verify(&self.key, format!("csrf.{}", session.nonce).as_bytes(), &mac).is_ok())
    }

    /// Records a bad login token and returns how long to wait before answering: longer
    /// the more bad tokens came in the last 10 minutes.
    pub fn failure_delay(&self, now: i64) -> Duration {
        let mut failures = lock(&self.failures);
        failures.retain(|time| now - *time < FAILURE_WINDOW_SECONDS);
        failures.push(now);
        let count = u32::try_from(failures.len()).unwrap_or(u32::MAX);
        FAILURE_DELAY_STEP.saturating_mul(count).min(FAILURE_DELAY_MAX)
    }
}

/// The used nonces recorded in `path` (none if it cannot be read).
fn read_used(path: &Path) -> HashMap<String, i64> {
    let Ok(text) = fs::read_to_string(path) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|line| {
            let (expires, nonce) = line.split_once(' ')?;
            Some((nonce.trim().to_string(), expires.parse().ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_709_517_600;

    #[test]
    fn processes_starting_together_share_one_complete_secret() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let opened: Vec<Auth> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8).map(|_| scope.spawn(|| Auth::open(&data))).collect();
            handles.into_iter().map(|h| h.join().unwrap().unwrap()).collect()
        });
        let link = opened[0].login_token(crate::store::unix_now());
        for auth in &opened {
            assert!(
                auth.check_login(&link, crate::store::unix_now()).is_ok(),
                "one secret for all"
            );
        }
        let leftovers: Vec<_> = fs::read_dir(&data)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "no temporary files are left");
    }

    #[test]
    fn a_login_token_works_once_and_only_in_time() {
        let dir = tempfile::tempdir().unwrap();
        let auth = Auth::open(dir.path()).unwrap();
        let token = auth.login_token(NOW);
        assert_eq!(auth.check_login(&token, NOW + 599), Ok(()));
        assert_eq!(auth.check_login(&token, NOW + 600), Err(LoginError::Expired));
        let session = auth.log_in(&token, NOW + 1).unwrap();
        assert_eq!(auth.log_in(&token, NOW + 2), Err(LoginError::Used));
        // A second process with the same data directory sees it used too.
        let other = Auth::open(dir.path()).unwrap();
        assert_eq!(other.check_login(&token, NOW + 2), Err(LoginError::Used));
        let cookie = auth.session_cookie(&session);
        assert_eq!(other.session(&cookie, NOW + 2), Some(session.clone()));
        assert_eq!(auth.session(&cookie, NOW + 1 + SESSION_SECONDS), None);
        let mut forged = cookie.clone();
        forged.replace_range(0..1, "9");
        assert_eq!(auth.session(&forged, NOW + 2), None);
        assert_eq!(auth.check_login("1.2.3", NOW), Err(LoginError::Invalid));
        auth.end_session(&session, NOW + 3);
        assert_eq!(auth.session(&cookie, NOW + 4), None);
    }

    #[test]
    fn tokens_with_anything_but_hex_digits_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let auth = Auth::open(dir.path()).unwrap();
        let session = auth.log_in(&auth.login_token(NOW), NOW).unwrap();
        let csrf = auth.csrf_token(&session);
        assert_eq!(csrf.len(), 64);
        assert!(csrf.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        assert!(auth.check_csrf(&session, &csrf.to_uppercase()), "either case");
        for mangled in [
            &csrf[1..],
            &format!("{}g", &csrf[1..]),
            &format!("+{}", &csrf[1..]),
            "zz",
        ] {
            assert!(!auth.check_csrf(&session, mangled), "{mangled}");
        }
        let token = auth.login_token(NOW);
        let odd = format!("{}0", token);
        assert_eq!(auth.check_login(&odd, NOW), Err(LoginError::Invalid));
    }

    #[test]
    fn csrf_tokens_belong_to_their_session() {
        let dir = tempfile::tempdir().unwrap();
        let auth = Auth::open(dir.path()).unwrap();
        let one = auth.log_in(&auth.login_token(NOW), NOW).unwrap();
        let two = auth.log_in(&auth.login_token(NOW), NOW).unwrap();
        assert!(auth.check_csrf(&one, &auth.csrf_token(&one)));
        assert!(!auth.check_csrf(&two, &auth.csrf_token(&one)));
        assert!(!auth.check_csrf(&one, ""));
    }

    #[test]
    fn bad_tokens_are_slowed_down_more_and_more() {
        let dir = tempfile::tempdir().unwrap();
        let auth = Auth::open(dir.path()).unwrap();
        let first = auth.failure_delay(NOW);
        let second = auth.failure_delay(NOW + 1);
        assert!(second > first, "{first:?} {second:?}");
        for _ in 0..100 {
            auth.failure_delay(NOW + 2);
        }
        assert_eq!(auth.failure_delay(NOW + 3), FAILURE_DELAY_MAX);
        assert_eq!(auth.failure_delay(NOW + 3 + FAILURE_WINDOW_SECONDS), FAILURE_DELAY_STEP);
    }

    #[cfg(unix)]
    #[test]
    fn the_secret_and_the_used_tokens_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let auth = Auth::open(&dir.path().join("data")).unwrap();
        auth.log_in(&auth.login_token(NOW), NOW).unwrap();
        for name in [SECRET_FILE_NAME, USED_FILE_NAME] {
            let mode = fs::metadata(dir.path().join("data").join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }
}
