//! The real `fuer-bot` binary: token errors (one line, exit code 2, token never echoed), and
//! a full run against the fake Bot API at `RUST_LOG=trace` — recovering from a lost
//! connection, answering, recording in `DATA_DIR`, stopping cleanly on SIGTERM — whose whole
//! log never contains the token.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fuer_core::dialogue::Request;

use crate::fake_api::{FakeApi, Fault};
use crate::telegram_harness::{BOT_USERNAME, knowledge_dir, load_library, new_token};

/// The binary with a clean environment, run from an empty directory (no `.env`).
fn fuer_bot(dir: &tempfile::TempDir) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fuer-bot"));
    command
        .current_dir(dir.path())
        .env_clear()
        .env("KNOWLEDGE_DIR", knowledge_dir())
        .env("DATA_DIR", dir.path().join("data"))
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost")
        .stdin(Stdio::null());
    command
}

fn run_to_end(command: &mut Command) -> (i32, String) {
    let output = command.output().expect("run fuer-bot");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn missing_token_is_one_line_and_exit_code_2() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (code, stderr) = run_to_end(fuer_bot(&dir).arg("run"));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("TELOXIDE_TOKEN is not set"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn malformed_token_is_rejected_without_echoing_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for token in [
        "12345:tooShort!",
        "not-a-token-at-all-but-long-enough",
        "abc:AAGdefghijklmnopqrstuvwxyz0123456789",
    ] {
        for args in [&["run"][..], &[][..]] {
            let (code, stderr) = run_to_end(fuer_bot(&dir).args(args).env("TELOXIDE_TOKEN", token));
            assert_eq!(code, 2, "{args:?} {token}: {stderr}");
            assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
            assert!(stderr.contains("TELOXIDE_TOKEN is malformed"), "{stderr}");
            assert!(
                !stderr.contains(token) && !stderr.contains("tooShort"),
                "token echoed: {stderr}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_telegram_rejects_exits_with_code_2() {
    let fake = FakeApi::start(&new_token(), BOT_USERNAME).await;
    let wrong = new_token();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut command = fuer_bot(&dir);
    command
        .arg("run")
        .env("TELOXIDE_TOKEN", &wrong)
        .env("TELOXIDE_API_URL", &fake.url)
        .env("RUST_LOG", "trace");
    let (code, stderr) = tokio::task::spawn_blocking(move || run_to_end(&mut command))
        .await
        .expect("the run finishes");
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("Telegram rejected TELOXIDE_TOKEN"), "{stderr}");
    let secret = wrong.split_once(':').map(|(_, s)| s).unwrap_or_default();
    assert!(!stderr.contains(secret), "token leaked: {stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_recovers_answers_and_stops_cleanly_on_sigterm_without_logging_the_token() {
    let token = new_token();
    let fake = FakeApi::start(&token, BOT_USERNAME).await;
    fake.inject("getUpdates", Fault::Drop);
    fake.inject(
        "sendMessage",
        Fault::Api(403, "Forbidden: bot was blocked by the user".to_string()),
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut child = fuer_bot(&dir)
        .arg("run")
        .env("TELOXIDE_TOKEN", &token)
        .env("TELOXIDE_API_URL", &fake.url)
        .env("ADMIN_IDS", "4242")
        .env("RUST_LOG", "trace")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start fuer-bot");
    // Drain stderr continuously so that trace logging never blocks the bot.
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });

    let user = 1_110_001;
    fake.private_text(user, "/help");
    fake.private_text(user, "/list");
    let sent = fake.wait_sent(user, 2).await;
    let library = load_library();
    let expected = crate::telegram_harness::render_routed(
        &library,
        &fuer_core::library::respond(&library, Request::List, None, fuer_core::dialogue::Speak::default()),
    );
    assert_eq!(
        sent[0].text,
        fuer_core::texts::INTERNAL_ERROR.zh,
        "a refused send gets an apology"
    );
    assert_eq!(sent[1].html, expected.messages[0]);
    assert!(!fake.state().commands.is_empty(), "the command menu was registered");

    let pid = child.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().expect("run kill");
    assert!(killed.success());
    let status = tokio::task::spawn_blocking(move || wait_for_exit(child))
        .await
        .expect("waiting for the bot")
        .expect("the bot exits after SIGTERM");
    let log = reader.join().expect("the stderr reader");
    assert!(status.success(), "exit status {status:?}; log tail: {}", tail(&log));
    assert!(
        log.contains("getting updates failed"),
        "the lost connection is logged: {}",
        tail(&log)
    );
    assert!(log.contains("blocked by the user"), "the refused send is logged");
    assert!(log.contains("stopped cleanly"), "{}", tail(&log));
    // DATA_DIR and KNOWLEDGE_DIR are used: the question database is created, the
    // knowledge directory watched.
    let database = fuer_bot::store::database_path(&dir.path().join("data"));
    assert!(database.is_file(), "{} was not created", database.display());
    assert!(log.contains("recording questions in"), "{}", tail(&log));
    assert!(log.contains("for changes to the knowledge files"), "{}", tail(&log));
    assert!(log.lines().count() > 50, "trace logging was on");
    let secret = token.split_once(':').map(|(_, s)| s).unwrap_or_default();
    let leaks: Vec<&str> = log.lines().filter(|line| line.contains(secret)).collect();
    assert!(leaks.is_empty(), "the token appeared in the log: {leaks:#?}");
    // After a clean stop the offset was confirmed to Telegram: nothing would be redelivered.
    fake.wait_consumed().await;
}

/// The child's exit status; `None` (after killing it) if it has not exited within a minute:
/// a hang guard, not a speed requirement (a clean stop takes milliseconds). Blocking.
fn wait_for_exit(mut child: std::process::Child) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn tail(log: &str) -> String {
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

#[test]
fn without_any_configuration_the_log_shows_what_the_bot_is_doing() {
    // Telegram unreachable: nothing listens on this port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let dir = tempfile::tempdir().expect("a temporary directory");
    // No RUST_LOG anywhere (the environment is cleared and there is no .env).
    let mut child = fuer_bot(&dir)
        .arg("run")
        .env("TELOXIDE_TOKEN", new_token())
        .env("TELOXIDE_API_URL", format!("http://127.0.0.1:{port}/"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start fuer-bot");
    let stderr = child.stderr.take().expect("stderr");
    let (lines, received) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::BufReader::new(stderr)).map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let mut log = Vec::new();
    // A hang guard, not a speed requirement: the first attempt fails at once.
    let deadline = Instant::now() + Duration::from_secs(60);
    while !log.iter().any(|line: &String| line.contains("cannot reach Telegram")) {
        let left = deadline.saturating_duration_since(Instant::now());
        match received.recv_timeout(left) {
            Ok(line) => log.push(line),
            Err(_) => {
                let _ = child.kill();
                panic!("no log line says Telegram cannot be reached; the log: {log:#?}");
            }
        }
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    let status = child.wait().expect("the bot exits");
    let _ = reader.join();
    log.extend(received.try_iter());
    let log = log.join("\n");
    assert!(status.success(), "{log}");
    assert!(log.contains("INFO") && log.contains("recording questions in"), "{log}");
    assert!(log.contains("WARN") && log.contains("retrying in"), "{log}");
}
