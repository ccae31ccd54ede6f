//! The README works for a newcomer on a fresh clone: it names the prerequisites, and every
//! command it shows for the binary runs — with the built binary in place of `cargo run`, in a
//! directory holding what a fresh clone holds (the knowledge files), with no `.env` and no
//! data directory yet.

use std::path::Path;
use std::process::{Command, Stdio};

use regex::Regex;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README.md")
}

/// The lines of the README's ```sh blocks, without trailing comments.
fn shell_lines(readme: &str) -> Vec<String> {
    let comment = Regex::new(r"\s{2,}#.*$").expect("a valid regex");
    readme
        .split("```sh\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .flat_map(str::lines)
        .map(|line| comment.replace(line, "").trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn the_readme_names_the_prerequisites() {
    let readme = readme();
    let section = readme
        .split("## Prerequisites")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Prerequisites section");
    for needed in ["1.95", "C compiler", "ring", "SQLite", "several minutes"] {
        assert!(section.contains(needed), "the prerequisites do not mention {needed:?}");
    }
}

#[test]
fn the_readme_commands_run_from_a_fresh_clone() {
    let lines = shell_lines(&readme());
    let binary = env!("CARGO_BIN_EXE_fuer-bot");
    let cargo_run = Regex::new(r"cargo run --release( -q)?( --)?").expect("a valid regex");
    let commands: Vec<String> = lines
        .iter()
        .filter(|line| cargo_run.is_match(line))
        .map(|line| cargo_run.replace(line, binary).into_owned())
        .collect();
    assert!(commands.len() >= 9, "{lines:#?}");
    let clone = tempfile::tempdir().expect("a temporary directory");
    let knowledge = clone.path().join("knowledge");
    std::fs::create_dir(&knowledge).expect("the knowledge directory");
    let shipped = crate::support::knowledge_dir();
    fuer_bot::knowledge_dir::copy_knowledge_dir(&shipped, &knowledge).expect("copy the knowledge");
    for command in &commands {
        if command.ends_with(" web") {
            serves_the_page(command, clone.path());
            continue;
        }
        let output = Command::new("sh")
            .args(["-c", command])
            .current_dir(clone.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("NO_PROXY", "127.0.0.1,localhost")
            .stdin(Stdio::null())
            .output()
            .expect("run the command");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if command.ends_with(" run") {
            // Documented: the Telegram bot needs a token, and says so.
            assert_eq!(output.status.code(), Some(2), "{command}: {stderr}");
            assert!(stderr.contains("TELOXIDE_TOKEN"), "{command}: {stderr}");
            continue;
        }
        assert!(output.status.success(), "{command}: {stdout}{stderr}");
        let interactive = command.ends_with(" chat") || command.ends_with(binary);
        assert!(
            interactive || !stdout.trim().is_empty(),
            "{command} printed nothing: {stderr}"
        );
    }
}

/// A command that serves the web page: it answers on a free port, then is stopped.
fn serves_the_page(command: &str, dir: &Path) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let mut server = Command::new("sh")
        .args(["-c", &format!("exec {command}")])
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("WEB_LISTEN", format!("127.0.0.1:{port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the page");
    // A hang guard while it starts, not a speed requirement.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let answered = loop {
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            let _ = stream.write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n");
            let mut response = String::new();
            let _ = stream.read_to_string(&mut response);
            break response;
        }
        if std::time::Instant::now() > deadline || server.try_wait().ok().flatten().is_some() {
            break String::new();
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let _ = server.kill();
    let _ = server.wait();
    assert!(
        answered.starts_with("HTTP/1.") && answered.contains(" 401 "),
        "{command}: {answered}"
    );
}

/// The subcommands `fuer-bot --help` lists (without `help`).
fn help_subcommands() -> Vec<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_fuer-bot"))
        .arg("--help")
        .env_remove("TELOXIDE_TOKEN")
        .output()
        .expect("fuer-bot --help runs");
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).expect("UTF-8 help");
    let commands = help
        .split("Commands:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("a Commands section");
    let mut names: Vec<String> = commands
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(String::from)
        .collect();
    names.sort();
    names
}

#[test]
fn the_readme_lists_the_subcommands_of_help_and_no_other() {
    let subcommand = Regex::new(r"cargo run --release -q -- ([a-z-]+)").expect("a valid regex");
    let mut listed: Vec<String> = shell_lines(&readme())
        .iter()
        .filter_map(|line| subcommand.captures(line).map(|found| found[1].to_string()))
        .collect();
    listed.sort();
    listed.dedup();
    assert!(listed.len() >= 8, "{listed:?}");
    assert_eq!(listed, help_subcommands(), "README's commands and `fuer-bot --help`");
}
