//! The browser tests' WebDriver client: `fantoccini` (default features off: no TLS, as
//! ChromeDriver listens on 127.0.0.1 over plain HTTP; no driver download) driving Debian's
//! headless Chromium through ChromeDriver, with the few helpers the tests use.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// ChromeDriver, if it is installed: `CHROMEDRIVER`, or `chromedriver` on the `PATH`.
pub fn chromedriver_path() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("CHROMEDRIVER") {
        return Some(PathBuf::from(path));
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromedriver"))
            .find(|path| path.is_file())
    })
}

/// Whether a `CI` value means the tests run in CI (`true`, `1`, `yes`, any case; as CI
/// services set it). Unset, empty, `false`, `0` or `no`: not in CI.
pub fn ci_value_means_ci(value: Option<&str>) -> bool {
    value.is_some_and(|value| ["true", "1", "yes"].contains(&value.trim().to_ascii_lowercase().as_str()))
}

/// What a browser test does without ChromeDriver: in CI (`CI=true`) it fails; elsewhere it
/// prints a `SKIPPED` line straight to the terminal's standard error (past the test
/// harness's capture, so it shows beside `ok`) and the test returns.
pub fn skip_without_chromedriver(test: &str) {
    let ci = std::env::var("CI").ok();
    assert!(
        !ci_value_means_ci(ci.as_deref()),
        "{test}: chromedriver is missing and CI={}: .ci/run installs chromium and chromium-driver",
        ci.unwrap_or_default()
    );
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr().lock(),
        "SKIPPED {test}: no chromedriver (apt-get install chromium chromium-driver, or set CHROMEDRIVER); under CI=true this fails"
    );
}

#[test]
fn ci_values_that_make_a_missing_chromedriver_fail() {
    for (value, ci) in [
        (None, false),
        (Some(""), false),
        (Some("false"), false),
        (Some("0"), false),
        (Some("true"), true),
        (Some("TRUE"), true),
        (Some("1"), true),
        (Some("yes"), true),
    ] {
        assert_eq!(ci_value_means_ci(value), ci, "CI={value:?}");
    }
}

/// How long the browser helpers wait for a page to show what a test expects: a hang guard,
/// not a speed requirement.
const PATIENCE: Duration = Duration::from_secs(60);

/// A running ChromeDriver with one headless Chromium session.
pub struct Browser {
    driver: Child,
    client: Client,
    _profile: tempfile::TempDir,
}

/// Starts ChromeDriver on a free port and returns it once it says it listens (its first
/// line on standard output), with the port.
fn start_chromedriver(chromedriver: &Path) -> (Child, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let mut driver = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let stdout = driver.stdout.take().expect("chromedriver's output");
    let mut lines = BufReader::new(stdout).lines();
    loop {
        match lines.next() {
            Some(Ok(line)) if line.contains("started successfully") => break,
            Some(Ok(_)) => {}
            other => panic!("chromedriver stopped before listening: {other:?}"),
        }
    }
    // Keeps reading, so that ChromeDriver never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (driver, port)
}

impl Browser {
    /// Starts ChromeDriver and opens a headless Chromium session (1280 × 1000).
    pub async fn start(chromedriver: &Path) -> Browser {
        let (driver, port) = start_chromedriver(chromedriver);
        let profile = tempfile::tempdir().expect("a profile directory");
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string());
        let options = json!({
            "binary": binary,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN",
                "--hide-scrollbars",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        });
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".to_string(), json!("chrome"));
        capabilities.insert("goog:chromeOptions".to_string(), options);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a new ChromeDriver session");
        Browser {
            driver,
            client,
            _profile: profile,
        }
    }

    pub async fn go(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|error| panic!("go to {url}: {error}"));
    }

    pub async fn url(&self) -> String {
        self.client.current_url().await.expect("the current URL").to_string()
    }

    /// The first element matching an XPath expression.
    pub async fn find(&self, xpath: &str) -> Element {
        self.client
            .find(Locator::XPath(xpath))
            .await
            .unwrap_or_else(|error| panic!("no element {xpath}: {error}"))
    }

    /// The first element matching an XPath expression, once the page shows one (after a
    /// click that loads a page).
    pub async fn wait_for(&self, xpath: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(xpath))
            .await
            .unwrap_or_else(|error| panic!("the page never showed {xpath}: {error}"))
    }

    /// How many elements match an XPath expression.
    pub async fn count(&self, xpath: &str) -> usize {
        self.client
            .find_all(Locator::XPath(xpath))
            .await
            .unwrap_or_else(|error| panic!("{xpath}: {error}"))
            .len()
    }

    pub async fn click(&self, element: &Element) {
        element.click().await.expect("a click");
    }

    /// Replaces an input's text.
    pub async fn type_into(&self, element: &Element, text: &str) {
        element.clear().await.expect("the input cleared");
        element.send_keys(text).await.expect("text typed");
    }

    pub async fn text(&self, element: &Element) -> String {
        element.text().await.expect("the element's text")
    }

    pub async fn property(&self, element: &Element, name: &str) -> String {
        element
            .prop(name)
            .await
            .expect("the element's property")
            .unwrap_or_default()
    }

    /// Runs a script in the page and returns its result.
    pub async fn script(&self, script: &str) -> Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|error| panic!("the script failed: {error}"))
    }

    /// Resizes the window to `width` × `height`; returns the page's viewport width in CSS
    /// pixels (headless Chromium has no window frame: the same).
    pub async fn resize(&self, width: u32, height: u32) -> u64 {
        self.client
            .set_window_size(width, height)
            .await
            .expect("the window resized");
        self.script("return window.innerWidth;").await.as_u64().unwrap_or(0)
    }

    /// A PNG screenshot of the window.
    pub async fn screenshot(&self) -> Vec<u8> {
        self.client.screenshot().await.expect("a screenshot")
    }

    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
