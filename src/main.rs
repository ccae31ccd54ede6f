//! The `fuer-bot` binary: parse the command line, run, report errors once, set the exit code.

use std::process::ExitCode;

use clap::Parser;
use fuer_bot::cli::{Cli, Command};

fn main() -> ExitCode {
    // A missing .env is normal; a malformed one is reported.
    if let Err(error) = dotenvy::dotenv()
        && !error.not_found()
    {
        eprintln!("warning: cannot read .env: {error}");
    }
    init_logger();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// The log filter when `RUST_LOG` is set neither in the environment nor in `.env`.
const DEFAULT_LOG_FILTER: &str = "info";

/// Logs to stderr at `RUST_LOG`'s level, `info` by default: without any configuration an
/// operator sees the bot connect, retry and stop.
fn init_logger() {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .filter(|filter| !filter.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_LOG_FILTER.to_string());
    pretty_env_logger::formatted_builder().parse_filters(&filter).init();
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    match cli.command {
        Some(Command::Check) => fuer_bot::cli::check(&cli.knowledge, stdout.lock()),
        Some(Command::Ask {
            json,
            explain,
            dialogue,
            question,
        }) => {
            let engine = fuer_bot::cli::load_engine(&cli.knowledge)?;
            if explain {
                return fuer_bot::cli::explain(&engine, dialogue, question.as_deref(), stdin.lock(), stdout.lock());
            }
            fuer_bot::cli::ask(
                &engine,
                json,
                dialogue,
                question.as_deref(),
                stdin.lock(),
                stdout.lock(),
            )
        }
        Some(Command::Chat) => {
            let engine = fuer_bot::cli::load_engine(&cli.knowledge)?;
            fuer_bot::cli::chat(&engine, false)
        }
        Some(Command::Run) => fuer_bot::cli::run_telegram(&cli.knowledge, &cli.data_dir),
        Some(Command::Stats) => {
            let knowledge = fuer_bot::knowledge::load::load_knowledge_dir(&cli.knowledge).ok();
            let now = fuer_bot::store::unix_now();
            fuer_bot::store::print_stats(&cli.data_dir, knowledge.as_ref(), now, stdout.lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Unanswered { limit, days }) => {
            let now = fuer_bot::store::unix_now();
            fuer_bot::store::print_unanswered(&cli.data_dir, limit, days, now, stdout.lock())?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            if fuer_bot::cli::token_configured() {
                return fuer_bot::cli::run_telegram(&cli.knowledge, &cli.data_dir);
            }
            let engine = fuer_bot::cli::load_engine(&cli.knowledge)?;
            fuer_bot::cli::chat(&engine, true)
        }
    }
}
