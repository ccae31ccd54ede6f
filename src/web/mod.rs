//! The admin web page: what residents ask, and teaching the bot new words without editing
//! TOML by hand. Served by `fuer-bot web` alone, or by `fuer-bot run` beside the bot (the
//! same library swap and question recorder, from the composition root [`crate::app`]).
//!
//! - [`auth`]: one-time login links, signed session cookies, CSRF tokens.
//! - [`changes`]: an edit of the knowledge files, its preview (the new reply, the recorded
//!   questions whose answer changes), its validated, atomic save, and undoing a save.
//! - [`history`]: the versions every save replaced (`DATA_DIR/knowledge-history/`, the
//!   last 50), what each save changed.
//! - [`pages`]: the routes, one module per route group, and their askama templates
//!   (`templates/`, HTML escaped automatically); page text is Simplified Chinese, in the
//!   templates and `texts.rs`.
//!
//! No Telegram here: the Telegram layer asks [`LoginLinks`] for a link when an admin sends
//! `/web`. Blocking work (SQLite, reading and writing files, building an engine for a
//! preview) runs in `spawn_blocking`.

pub mod articles;
pub mod auth;
pub mod changes;
pub mod history;
pub mod pages;
mod view;

use std::future::Future;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use arc_swap::ArcSwap;
use url::Url;

use crate::app::{App, AppOptions};
pub use crate::settings::WebArgs;
use crate::shutdown::shutdown_signal;
use crate::store::{Recorder, Retention};
pub use auth::Auth;
use fuer_core::library::Library;
pub use history::History;

pub use crate::settings::DEFAULT_WEB_LISTEN;

/// Where the page listens and how admins reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebConfig {
    /// The local address (`WEB_LISTEN`).
    pub listen: SocketAddr,
    /// The public base URL, ending with `/` (`WEB_URL`; `http://` + `listen` by default).
    pub url: Url,
}

impl WebArgs {
    /// The page's configuration.
    pub fn config(&self) -> Result<WebConfig, WebConfigError> {
        let listen = self.web_listen.or(SocketAddr::from(([127, 0, 0, 1], 8080)));
        WebConfig::new(listen, self.web_url.0.clone())
    }
}

/// The page's address cannot be made a URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{variable} is invalid: {reason}")]
pub struct WebConfigError {
    pub variable: &'static str,
    pub reason: String,
}

impl WebConfig {
    /// The page listening on `listen`, reached at `url` (its path made to end with `/`,
    /// without query or fragment) or else at `http://` + `listen`.
    pub fn new(listen: SocketAddr, url: Option<Url>) -> Result<WebConfig, WebConfigError> {
        let url = match url {
            Some(mut url) => {
                if !url.path().ends_with('/') {
                    let path = format!("{}/", url.path());
                    url.set_path(&path);
                }
                url.set_query(None);
                url.set_fragment(None);
                url
            }
            None => Url::parse(&format!("http://{listen}/")).map_err(|error| WebConfigError {
                variable: "WEB_LISTEN",
                reason: format!("cannot make a URL of it ({error})"),
            })?,
        };
        Ok(WebConfig { listen, url })
    }

    /// Whether cookies must be `Secure` (the public URL is https).
    pub fn secure(&self) -> bool {
        self.url.scheme() == "https"
    }

    /// The path every link of the page starts with (`/`, or `/admin/` behind a proxy).
    pub fn base_path(&self) -> &str {
        self.url.path()
    }
}

/// The page's configuration with its signing secret: what `fuer-bot web` and
/// `fuer-bot run` need to serve it, and `fuer-bot web-link` to make a link.
#[derive(Debug, Clone)]
pub struct WebSetup {
    pub config: WebConfig,
    pub auth: Arc<Auth>,
    /// The data directory: the signing secret and the knowledge's history live there.
    pub data_dir: PathBuf,
}

impl WebSetup {
    /// The configuration of `args` and the secret of `data_dir` (created if needed).
    pub fn new(args: &WebArgs, data_dir: &Path) -> anyhow::Result<WebSetup> {
        let config = args.config()?;
        Ok(WebSetup {
            config,
            auth: Arc::new(Auth::open(data_dir)?),
            data_dir: data_dir.to_path_buf(),
        })
    }

    /// The maker of login links for this page.
    pub fn links(&self) -> LoginLinks {
        LoginLinks::new(Arc::clone(&self.auth), &self.config)
    }
}

/// Makes login links: the signing secret and the public URL.
#[derive(Debug, Clone)]
pub struct LoginLinks {
    auth: Arc<Auth>,
    url: Url,
}

impl LoginLinks {
    pub fn new(auth: Arc<Auth>, config: &WebConfig) -> LoginLinks {
        LoginLinks {
            auth,
            url: config.url.clone(),
        }
    }

    /// A one-time login link, valid 10 minutes from `now`.
    pub fn link(&self, now: i64) -> String {
        let mut url = self.url.clone();
        let path = format!("{}login", url.path());
        url.set_path(&path);
        url.query_pairs_mut().append_pair("token", &self.auth.login_token(now));
        url.to_string()
    }
}

/// What the page works with; shared by every request.
#[derive(Debug, Clone)]
pub struct WebState(Arc<WebInner>);

#[derive(Debug)]
struct WebInner {
    library: Arc<ArcSwap<Library>>,
    recorder: Option<Arc<Recorder>>,
    knowledge_dir: PathBuf,
    history: History,
    auth: Arc<Auth>,
    config: WebConfig,
    /// Saves one at a time (the file's hash is checked and the file written under it).
    saving: Mutex<()>,
}

impl WebState {
    /// `recorder` is the question log (none: the page says nothing is recorded); `setup`
    /// the page's configuration, secret and data directory (for the knowledge's history).
    pub fn new(
        library: Arc<ArcSwap<Library>>,
        recorder: Option<Arc<Recorder>>,
        knowledge_dir: PathBuf,
        setup: WebSetup,
    ) -> WebState {
        WebState(Arc::new(WebInner {
            library,
            recorder,
            knowledge_dir,
            history: History::in_data_dir(&setup.data_dir),
            auth: setup.auth,
            config: setup.config,
            saving: Mutex::new(()),
        }))
    }

    /// The current library (hold it for the whole request).
    pub fn library(&self) -> Arc<Library> {
        self.0.library.load_full()
    }

    pub fn library_swap(&self) -> &Arc<ArcSwap<Library>> {
        &self.0.library
    }

    pub fn recorder(&self) -> Option<&Arc<Recorder>> {
        self.0.recorder.as_ref()
    }

    pub fn knowledge_dir(&self) -> &std::path::Path {
        &self.0.knowledge_dir
    }

    /// The versions the page's saves replaced.
    pub fn history(&self) -> &History {
        &self.0.history
    }

    pub fn auth(&self) -> &Auth {
        &self.0.auth
    }

    pub fn config(&self) -> &WebConfig {
        &self.0.config
    }

    fn saving(&self) -> &Mutex<()> {
        &self.0.saving
    }
}

/// `fuer-bot web`: serves the page alone (no Telegram) until Ctrl-C or SIGTERM, with the
/// question database of `data_dir` (questions kept for `retention`) and the knowledge of
/// `knowledge_dir` (watched for changes, like the bot does), from the composition root.
pub fn run_blocking(
    setup: WebSetup,
    library: Library,
    knowledge_dir: &Path,
    data_dir: &Path,
    retention: Retention,
) -> anyhow::Result<()> {
    let runtime = crate::shutdown::async_runtime()?;
    let options = AppOptions {
        knowledge_dir: Some(knowledge_dir.to_path_buf()),
        data_dir: Some(data_dir.to_path_buf()),
        retention,
    };
    runtime.block_on(async move {
        let mut app = App::start(library, &options).await;
        // Nobody to tell about reloads: the watcher logs them.
        drop(app.take_reload_outcomes());
        let served = match app.web_state(&setup) {
            Some(state) => serve(state, shutdown_signal(crate::shutdown::WEB_WORK)).await,
            None => Ok(()),
        };
        app.stop(None).await;
        served
    })
}

/// Serves the page on `listener` until `shutdown` completes.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    state: WebState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, pages::router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Binds `WEB_LISTEN` and serves the page until `shutdown` completes.
pub async fn serve(state: WebState, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
    let listen = state.config().listen;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|error| anyhow::anyhow!("cannot listen on {listen} for the web page (WEB_LISTEN): {error}"))?;
    log::info!(
        "admin web page on http://{listen}/ (public URL {}); log in with /web in Telegram or `fuer-bot web-link`",
        state.config().url
    );
    serve_on(listener, state, shutdown).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The configuration `fuer-bot run` would use with these arguments.
    fn config(arguments: &[&str]) -> Result<WebConfig, String> {
        let run = crate::settings::run_args(arguments)?;
        run.web.config().map_err(|error| error.to_string())
    }

    #[test]
    fn defaults_and_public_urls() {
        let default = config(&[]).unwrap();
        assert_eq!(default.listen.to_string(), DEFAULT_WEB_LISTEN);
        assert_eq!(default.url.as_str(), "http://127.0.0.1:8080/");
        assert!(!default.secure());
        let proxied = config(&["--web-url", " https://bot.example.org/admin?x=1 "]).unwrap();
        assert_eq!(proxied.url.as_str(), "https://bot.example.org/admin/");
        assert_eq!(proxied.base_path(), "/admin/");
        assert!(proxied.secure());
        let blank = config(&["--web-listen", " ", "--web-url", ""]).unwrap();
        assert_eq!(blank, default, "blank means not set");
        let moved = config(&["--web-listen", "127.0.0.1:9000"]).unwrap();
        assert_eq!(moved.url.as_str(), "http://127.0.0.1:9000/");
        let error = config(&["--web-listen", "nowhere"]).unwrap_err();
        assert!(
            error.contains("WEB_LISTEN is invalid: expected an address such as 127.0.0.1:8080"),
            "{error}"
        );
        let error = config(&["--web-url", "ftp://x/"]).unwrap_err();
        assert!(
            error.contains("WEB_URL is invalid: expected an http:// or https:// URL"),
            "{error}"
        );
    }

    #[test]
    fn login_links_point_at_the_public_url() {
        let dir = tempfile::tempdir().unwrap();
        let auth = Arc::new(Auth::open(dir.path()).unwrap());
        let links = LoginLinks::new(
            Arc::clone(&auth),
            &config(&["--web-url", "https://b.example/admin/"]).unwrap(),
        );
        let link = Url::parse(&links.link(1_000)).unwrap();
        assert_eq!(link.path(), "/admin/login");
        let token = link.query_pairs().find(|(k, _)| k == "token").unwrap().1.to_string();
        assert_eq!(auth.check_login(&token, 1_000), Ok(()));
    }
}
