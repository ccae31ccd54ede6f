//! A newcomer's first hour without Telegram (issue 17), through the binary as they would
//! run it: `chat` → questions → `stats`, `unanswered` and the web page show them → a
//! keyword added on the page (preview, save) → `chat` answers the new way.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use reqwest::StatusCode;

use crate::support::{copy_knowledge, log_in_when_up};

/// Declined by the shipped knowledge; item 5 answers it once 集乳室 is its keyword.
const QUESTION: &str = "集乳室有多少";

/// `fuer-bot ARGS` on this knowledge and data directory, `stdin` typed in.
fn fuer_bot(knowledge: &Path, data: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = command(knowledge, data)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("fuer-bot starts");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("the questions typed in");
    }
    let output = child.wait_with_output().expect("fuer-bot runs");
    assert!(output.status.success(), "{args:?}: {output:?}");
    output
}

fn command(knowledge: &Path, data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fuer-bot"));
    command
        .env_remove("TELOXIDE_TOKEN")
        .env("KNOWLEDGE_DIR", knowledge)
        .env("DATA_DIR", data)
        .env("RUST_LOG", "warn")
        .env("NO_PROXY", "127.0.0.1,localhost")
        .current_dir(std::env::temp_dir());
    command
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The value of the first `<input name="NAME" value="…">` of a page.
fn input(body: &str, name: &str) -> String {
    let needle = format!("name=\"{name}\" value=\"");
    let start = body.find(&needle).unwrap_or_else(|| panic!("no {name} in {body}")) + needle.len();
    let end = body[start..].find('"').expect("a closing quote") + start;
    body[start..end].to_string()
}

#[test]
fn a_newcomer_without_telegram_teaches_the_bot_from_the_console_and_the_page() {
    let knowledge = copy_knowledge();
    let data = tempfile::tempdir().unwrap();
    let (k, d) = (knowledge.path(), data.path());

    // 1. The console: the bot cannot answer one of the questions; both are recorded.
    let chat = text(&fuer_bot(
        k,
        d,
        &["chat"],
        &format!("{QUESTION}\n母婴室有多少间\n{QUESTION}\n"),
    ));
    assert_eq!(chat.matches(fuer_core::texts::DECLINE.zh).count(), 2, "{chat}");
    assert!(chat.contains("1480间"), "{chat}");

    // 2. The reports show them.
    let stats = text(&fuer_bot(k, d, &["stats"], ""));
    assert!(stats.contains("今天：3 个问题，回答 1 个"), "{stats}");
    let unanswered = text(&fuer_bot(k, d, &["unanswered"], ""));
    assert!(unanswered.contains(&format!("“{QUESTION}” × 2")), "{unanswered}");

    // 3. The web page, served by `fuer-bot web`, logged in with `fuer-bot web-link`.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let listen = format!("127.0.0.1:{port}");
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut server = command(k, d)
        .arg("web")
        .env("WEB_LISTEN", &listen)
        .stdout(Stdio::null())
        .stderr(log.reopen().unwrap())
        .spawn()
        .expect("fuer-bot web starts");
    let link = fuer_bot(k, d, &["web-link"], "");
    let link = text(&link).trim().to_string();
    let token = link.split("token=").nth(1).expect("a token").to_string();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let taught = runtime.block_on(teach_on_the_page(&listen, &token));
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(
        taught,
        StatusCode::SEE_OTHER,
        "saved; the server said: {}",
        std::fs::read_to_string(log.path()).unwrap_or_default()
    );

    // 4. The console answers the new way, from the files the page changed.
    let chat = text(&fuer_bot(k, d, &["chat", "--no-record"], &format!("{QUESTION}\n")));
    assert!(chat.contains("第5件｜母婴室与民生实事"), "{chat}");
    assert!(!chat.contains(fuer_core::texts::DECLINE.zh), "{chat}");
    assert!(fuer_bot::cli::load_library(k).is_ok(), "fuer-bot check passes");
    let history = fuer_bot::web::History::in_data_dir(d).list().unwrap();
    assert_eq!(history.len(), 1, "the save can be undone from the page");
}

/// Logs in with the one-time link's token and returns the session cookie.
async fn log_in(client: &reqwest::Client, base: &str, token: &str) -> String {
    let login = log_in_when_up(client, base, token).await;
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    login
        .headers()
        .get("set-cookie")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .expect("a session cookie")
        .to_string()
}

/// On the page served at `listen`: the overview and the unanswered list show the question,
/// the suggested keyword is previewed and saved; returns the save's status.
async fn teach_on_the_page(listen: &str, token: &str) -> StatusCode {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .unwrap();
    let base = format!("http://{listen}/");
    let cookie = log_in(&client, &base, token).await;
    let get = |path: String| {
        let request = client.get(format!("{base}{path}")).header("cookie", &cookie);
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let overview = get(String::new()).await;
    assert!(overview.contains(QUESTION), "the overview lists it: {overview}");
    let page = get("unanswered".to_string()).await;
    let row = page
        .split("<tr class=\"question\">")
        .find(|row| row.contains(QUESTION))
        .expect("the unanswered page lists it");
    let keyword = input(row, "keyword");
    assert_eq!(keyword, "集乳室", "the keyword the page suggests");
    let encode = |text: &str| url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>();
    let preview = get(format!(
        "preview?op=add_keyword&item=5&keyword={}&question={}",
        encode(&keyword),
        encode(QUESTION)
    ))
    .await;
    assert!(preview.contains("id=\"save\""), "{preview}");
    let form = [
        ("op", "add_keyword".to_string()),
        ("item", "5".to_string()),
        ("keyword", keyword),
        ("question", QUESTION.to_string()),
        ("hash", input(&preview, "hash")),
        ("csrf", input(&preview, "csrf")),
    ];
    let saved = client
        .post(format!("{base}save"))
        .header("cookie", &cookie)
        .form(&form)
        .send()
        .await
        .unwrap();
    saved.status()
}
