//! A running admin web page for the tests: its own copy of the knowledge, its own data
//! directory with a question log, served on a free local port; an HTTP client that keeps
//! no cookies (the tests pass the session cookie themselves) and follows no redirects.

use std::path::Path;
use std::sync::Arc;

use arc_swap::ArcSwap;
use fuer_bot::store::{QuestionRecord, Recorder, database_path, unix_now};
use fuer_bot::web::{Auth, WebConfig, WebSetup, WebState};
use fuer_core::engine::Engine;
use fuer_core::library::Library;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, SET_COOKIE};
use tokio::sync::oneshot;

use crate::support::copy_knowledge;

/// A page on its own knowledge and data directories.
pub struct TestWeb {
    pub url: String,
    pub state: WebState,
    pub knowledge: tempfile::TempDir,
    pub data: tempfile::TempDir,
    pub client: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

/// An HTTP response, read whole.
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    /// The value of the first `<input name="NAME" value="…">` (HTML-unescaped).
    pub fn input(&self, name: &str) -> String {
        let needle = format!("name=\"{name}\" value=\"");
        let start = self
            .body
            .find(&needle)
            .unwrap_or_else(|| panic!("no input {name} in {}", self.body))
            + needle.len();
        let end = self.body[start..].find('"').expect("a closing quote") + start;
        self.body[start..end]
            .replace("&#34;", "\"")
            .replace("&#39;", "'")
            .replace("&#60;", "<")
            .replace("&#62;", ">")
            .replace("&#38;", "&")
    }

    /// The `Location` of a redirect.
    pub fn location(&self) -> String {
        self.headers
            .get("location")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_string()
    }
}

/// A served library seen as its latest article's engine.
pub struct Served(Arc<Library>);

impl std::ops::Deref for Served {
    type Target = Engine;

    fn deref(&self) -> &Engine {
        self.0.latest()
    }
}

impl TestWeb {
    pub async fn start() -> TestWeb {
        let knowledge = copy_knowledge();
        let data = tempfile::tempdir().expect("a data directory");
        let library = fuer_bot::cli::load_library(knowledge.path()).expect("the copied knowledge loads");
        let recorder = Arc::new(Recorder::open(&database_path(data.path())));
        assert!(recorder.is_recording());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let address = listener.local_addr().expect("the address");
        let config = WebConfig {
            listen: address,
            url: url::Url::parse(&format!("http://{address}/")).expect("a URL"),
        };
        let setup = WebSetup {
            config,
            auth: Arc::new(Auth::open(data.path()).expect("the web secret")),
            data_dir: data.path().to_path_buf(),
        };
        let state = WebState::new(
            Arc::new(ArcSwap::from_pointee(library)),
            Some(recorder),
            knowledge.path().to_path_buf(),
            setup,
        );
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(fuer_bot::web::serve_on(listener, state.clone(), async move {
            let _ = stopped.await;
        }));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .expect("an HTTP client");
        TestWeb {
            url: format!("http://{address}/"),
            state,
            knowledge,
            data,
            client,
            stop: Some(stop),
            server: Some(server),
        }
    }

    pub fn dir(&self) -> &Path {
        self.knowledge.path()
    }

    /// The latest article's engine as served now (the only one unless a test adds one).
    pub fn engine(&self) -> Served {
        Served(self.state.library())
    }

    /// The library as served now.
    pub fn library(&self) -> Arc<Library> {
        self.state.library()
    }

    /// Records `question` `times` times as the bot would (its current answer), `age`
    /// seconds ago.
    pub fn record(&self, question: &str, times: usize, age: i64) {
        let answer = self.engine().answer(question);
        let recorder = self.state.recorder().expect("a recorder");
        for _ in 0..times {
            assert!(recorder.record(&QuestionRecord::from_answer(
                unix_now() - age,
                question,
                &answer,
                "private"
            )));
        }
    }

    /// A fresh login link, as `fuer-bot web-link` prints it.
    pub fn login_link(&self) -> String {
        WebSetup {
            config: self.state.config().clone(),
            auth: Arc::new(Auth::open(self.data.path()).expect("the web secret")),
            data_dir: self.data.path().to_path_buf(),
        }
        .links()
        .link(unix_now())
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Page {
        let mut request = self.client.get(format!("{}{path}", self.url));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        read(request.send().await.expect("a response")).await
    }

    pub async fn post(&self, path: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Page {
        let mut request = self.client.post(format!("{}{path}", self.url)).form(form);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        read(request.send().await.expect("a response")).await
    }

    /// Posts a `multipart/form-data` form (as a browser sends a form with a file field):
    /// each field is a name, its value and, for a file, its file name.
    pub async fn post_multipart(
        &self,
        path: &str,
        cookie: Option<&str>,
        fields: &[(&str, &[u8], Option<&str>)],
    ) -> Page {
        const BOUNDARY: &str = "----fuer-bot-test-boundary-7MA4YWxkTrZu0gW";
        let mut body: Vec<u8> = Vec::new();
        for (name, value, file) in fields {
            body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
            match file {
                Some(file) => body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: text/plain\r\n\r\n"
                    )
                    .as_bytes(),
                ),
                None => body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
            }
            body.extend_from_slice(value);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let mut request = self
            .client
            .post(format!("{}{path}", self.url))
            .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"))
            .body(body);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        read(request.send().await.expect("a response")).await
    }

    /// Records `question` `times` times as answered from the article `article` (its id).
    pub fn record_in(&self, question: &str, article: &str, times: usize) {
        let library = self.library();
        let index = library.index_of(article).expect("the article is served");
        let answer = library.engine(index).answer(question);
        let recorder = self.state.recorder().expect("a recorder");
        for _ in 0..times {
            let mut record = QuestionRecord::from_answer(unix_now(), question, &answer, "private");
            record.article = article.to_string();
            assert!(recorder.record(&record));
        }
    }

    /// Logs in through a fresh link; returns the `Cookie` header value of the session.
    pub async fn log_in(&self) -> String {
        let link = self.login_link();
        let token = link.split("token=").nth(1).expect("a token").to_string();
        let page = self.post("login", None, &[("token", &token)]).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
        session_cookie(&page)
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let result = server.await.expect("the server task");
            assert!(result.is_ok(), "{result:?}");
        }
    }
}

async fn read(response: reqwest::Response) -> Page {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.text().await.expect("a body");
    Page { status, headers, body }
}

/// The `name=value` of the session cookie a response sets.
pub fn session_cookie(page: &Page) -> String {
    let header = page
        .headers
        .get(SET_COOKIE)
        .and_then(|value| value.to_str().ok())
        .expect("a Set-Cookie header");
    header.split(';').next().expect("name=value").to_string()
}
