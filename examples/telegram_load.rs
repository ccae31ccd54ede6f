//! Load measurement of the whole Telegram bot: the release `fuer-bot` binary runs as a child
//! process against the local fake Bot API (the one of the integration tests); a burst of
//! messages from many chats is queued at once and timed until every message is answered.
//! Reports messages per second and the bot's peak RSS (`VmHWM` from `/proc`).
//!
//! Run it with `scripts/telegram-load.sh` (builds everything in release mode first), or:
//! `cargo run --release --example telegram_load -- --bot target/release/fuer-bot [--messages N]
//! [--chats N] [--throttle on|off]`.

#[path = "../tests/it/fake_api.rs"]
mod fake_api;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fake_api::FakeApi;

const QUESTIONS: [&str; 10] = [
    "全市建了多少间母婴室？",
    "爱心妈妈结对关爱了多少名儿童？",
    "第七件大事讲什么？",
    "/list",
    "/item 3",
    "/help",
    "两癌筛查做了多少例",
    "妇儿大厦",
    "/start item2",
    "儿童友好城市",
];

struct Args {
    bot: PathBuf,
    messages: usize,
    chats: usize,
    throttle: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        bot: PathBuf::from("target/release/fuer-bot"),
        messages: 5000,
        chats: 50,
        throttle: false,
    };
    let mut iter = std::env::args().skip(1);
    while let Some(flag) = iter.next() {
        let mut value = || iter.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--bot" => args.bot = PathBuf::from(value()?),
            "--messages" => args.messages = value()?.parse().map_err(|_| "--messages: a number")?,
            "--chats" => args.chats = value()?.parse().map_err(|_| "--chats: a number")?,
            "--throttle" => args.throttle = value()? == "on",
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.chats == 0 || args.messages == 0 {
        return Err("--messages and --chats must be positive".to_string());
    }
    Ok(args)
}

/// A kB figure from `/proc/<pid>/status` (`VmHWM` = peak RSS, `VmRSS` = current).
fn proc_status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|line| line.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn stop(child: &mut Child) -> Option<std::process::ExitStatus> {
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let mut args = parse_args()?;
    // The child runs in a scratch directory: resolve the binary's path first.
    args.bot = std::fs::canonicalize(&args.bot).map_err(|e| {
        format!(
            "cannot find {}: {e} (build it with cargo build --release)",
            args.bot.display()
        )
    })?;
    let token = "5123456789:AAFakeBenchmarkToken_0123456789abcdefXYZ";
    let fake = FakeApi::start(token, "fuer_bench_bot").await;
    let workdir = std::env::temp_dir().join(format!("fuer-bot-load-{}", std::process::id()));
    std::fs::create_dir_all(&workdir).map_err(|e| format!("cannot create {}: {e}", workdir.display()))?;
    let mut child = spawn_bot(&args, token, &fake, &workdir)?;
    let pid = child.id();
    fake.wait_for("the bot to start polling", |s| (s.polls_started > 0).then_some(()))
        .await;
    let idle_rss = proc_status_kb(pid, "VmRSS").unwrap_or(0);

    let started = Instant::now();
    for index in 0..args.messages {
        let chat = 9_000_000 + (index % args.chats) as i64;
        fake.private_text(chat, QUESTIONS[(index / args.chats + index) % QUESTIONS.len()]);
    }
    let expected = args.messages;
    if let Err(answered) = wait_answered(&fake, expected).await {
        let _ = stop(&mut child);
        return Err(format!("only {answered} of {expected} answered in 10 minutes"));
    }
    let elapsed = started.elapsed();
    let peak_rss = proc_status_kb(pid, "VmHWM").unwrap_or(0);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (answered, violations) = {
        let state = fake.state();
        (state.deliveries.len(), state.violations.len())
    };
    let status = stop(&mut child);
    let _ = std::fs::remove_dir_all(&workdir);

    let rate = expected as f64 / elapsed.as_secs_f64();
    println!(
        "| {expected} messages / {} chats | {} | {:.2} s | {rate:.0} msg/s | {:.1} MB | {:.1} MB |",
        args.chats,
        if args.throttle { "on (Telegram limits)" } else { "off" },
        elapsed.as_secs_f64(),
        idle_rss as f64 / 1024.0,
        peak_rss as f64 / 1024.0,
    );
    if answered != expected || violations != 0 {
        return Err(format!(
            "{answered} answers for {expected} messages, {violations} invalid requests"
        ));
    }
    match status {
        Some(status) if status.success() => Ok(()),
        other => Err(format!("the bot did not stop cleanly: {other:?}")),
    }
}

/// Starts `fuer-bot run` against the fake API in `workdir`, with the repository's knowledge.
fn spawn_bot(args: &Args, token: &str, fake: &FakeApi, workdir: &Path) -> Result<Child, String> {
    let knowledge = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    Command::new(&args.bot)
        .arg("run")
        .current_dir(workdir)
        .env_clear()
        .env("TELOXIDE_TOKEN", token)
        .env("TELOXIDE_API_URL", &fake.url)
        .env("TELEGRAM_THROTTLE", if args.throttle { "on" } else { "off" })
        .env("KNOWLEDGE_DIR", &knowledge)
        .env("DATA_DIR", workdir.join("data"))
        .env("RUST_LOG", "error")
        .env("NO_PROXY", "127.0.0.1,localhost")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| {
            format!(
                "cannot start {}: {e} (build it with cargo build --release)",
                args.bot.display()
            )
        })
}

/// Waits until `expected` answers were delivered (a 10-minute hang guard); `Err` holds how
/// many were when it gave up.
async fn wait_answered(fake: &FakeApi, expected: usize) -> Result<(), usize> {
    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        let answered = fake.state().deliveries.len();
        if answered >= expected {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(answered);
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}
