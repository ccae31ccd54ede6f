//! Command-line interface: argument definitions and the subcommands that do not need
//! Telegram. Errors are returned, never printed: `main` prints them, once.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::console::{LocalConversation, record_line, render_for_terminal, respond_to_line, run_console};
use crate::input;
use crate::knowledge_dir::load_knowledge_dir;
use crate::settings::{Blank, RunArgs, WebArgs, blank_or, parse_retention};
use crate::store::{Recorder, Retention, database_path};
use fuer_core::dialogue::MAX_QUESTION_CHARS;
use fuer_core::knowledge::messages;
use fuer_core::lang::Lang;
use fuer_core::library::{ArticleResponse, Library};
use fuer_core::reply;

mod ask;
pub use ask::{AskOptions, JsonAnswer, JsonLineError, ask, explain, json_answer};

/// fuer-bot: answers questions about 2024年深圳妇女儿童发展十件大事.
#[derive(Debug, Parser)]
#[command(name = "fuer-bot", version, about)]
pub struct Cli {
    /// Directory of the knowledge files.
    #[arg(long, global = true, env = "KNOWLEDGE_DIR", default_value = DEFAULT_KNOWLEDGE_DIR, value_parser = knowledge_dir_arg)]
    pub knowledge: PathBuf,

    /// Directory of the question database (fuer-bot.sqlite3).
    #[arg(long, global = true, env = "DATA_DIR", default_value = DEFAULT_DATA_DIR, value_parser = data_dir_arg)]
    pub data_dir: PathBuf,

    /// How many days recorded questions are kept (`run` and `web` delete older ones at
    /// start and daily; the per-day counts stay): 180 or 180d.
    #[arg(long, global = true, env = "QUESTION_RETENTION", default_value = "180", value_name = "DAYS",
          value_parser = blank_or(parse_retention))]
    pub question_retention: Blank<Retention>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `KNOWLEDGE_DIR` when it is not set.
pub const DEFAULT_KNOWLEDGE_DIR: &str = "knowledge";
/// `DATA_DIR` when it is not set.
pub const DEFAULT_DATA_DIR: &str = "data";

/// A directory argument or variable; empty (`DATA_DIR=` left empty in `.env`) means not
/// set, as for every other variable: `default`.
pub fn dir_or_default(value: &str, default: &str) -> PathBuf {
    if value.trim().is_empty() {
        PathBuf::from(default)
    } else {
        PathBuf::from(value)
    }
}

fn knowledge_dir_arg(value: &str) -> Result<PathBuf, String> {
    Ok(dir_or_default(value, DEFAULT_KNOWLEDGE_DIR))
}

fn data_dir_arg(value: &str) -> Result<PathBuf, String> {
    Ok(dir_or_default(value, DEFAULT_DATA_DIR))
}

fn lang_arg(value: &str) -> Result<Lang, String> {
    Lang::parse(value).ok_or_else(|| format!("\"{value}\" is not a language: use zh-Hans, zh-Hant or en"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Chat with the bot in this terminal (no Telegram needed). The questions are recorded
    /// (chat type `console`, no ids) for `stats`, `unanswered` and the web page.
    Chat {
        /// Do not record the questions.
        #[arg(long)]
        no_record: bool,
    },
    /// Answer one question, or (with --json and no question) one per line from stdin.
    Ask {
        /// Print JSON objects instead of the reply text.
        #[arg(long)]
        json: bool,
        /// Print how each question was scored (for tuning keywords).
        #[arg(long)]
        explain: bool,
        /// Read stdin as conversations: consecutive lines are one chat (follow-ups use
        /// what was said before), an empty line starts a new one.
        #[arg(long)]
        dialogue: bool,
        /// Record the questions in the question database (chat type `console`, no ids), as
        /// `chat` does; without it `ask` records nothing.
        #[arg(long)]
        record: bool,
        /// Reply in this language whatever the question's script: zh-Hans, zh-Hant or en
        /// (without it, each reply follows its question).
        #[arg(long, value_name = "LANG", value_parser = lang_arg)]
        lang: Option<Lang>,
        /// The question; omit it to read questions from stdin.
        question: Option<String>,
    },
    /// Validate the knowledge files.
    Check,
    /// Add an article (a text file) to the knowledge directory as a draft to review.
    Import {
        /// The article's text file (UTF-8): its title on the first line, then numbered items.
        article: PathBuf,
        /// The new article's id (its folder's name); by default its year and place, such as
        /// 2025-shenzhen.
        #[arg(long)]
        id: Option<String>,
    },
    /// Run the Telegram bot (needs TELOXIDE_TOKEN) and the admin web page beside it.
    Run(Box<RunArgs>),
    /// Serve the admin web page alone (WEB_LISTEN, default 127.0.0.1:8080); no Telegram needed.
    Web(WebArgs),
    /// Print a one-time login link for the admin web page (valid 10 minutes).
    WebLink(WebArgs),
    /// Question statistics: today, the last 7 days, share answered, top items; with several
    /// articles, every article's and each one's.
    Stats {
        /// Only this article: its id (its folder's name, e.g. 2024-shenzhen) or its year.
        article: Option<String>,
    },
    /// The most frequent recent questions the bot could not answer (or answered unsure).
    Unanswered {
        /// How many questions to list.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// How many days back to look (1 = today only).
        #[arg(long, default_value_t = crate::store::DEFAULT_UNANSWERED_DAYS)]
        days: u32,
        /// Only this article's questions: its id or its year.
        article: Option<String>,
    },
}

impl Cli {
    /// How long recorded questions are kept (`QUESTION_RETENTION`, 180 days when not set).
    pub fn retention(&self) -> Retention {
        self.question_retention.or(Retention::default())
    }
}

/// Loads every article of the knowledge directory, one engine each, or fails with every
/// problem listed.
pub fn load_library(dir: &Path) -> Result<Library> {
    Ok(Library::new(load_knowledge(dir)?))
}

fn load_knowledge(dir: &Path) -> Result<fuer_core::knowledge::Knowledge> {
    match load_knowledge_dir(dir) {
        Ok(knowledge) => Ok(knowledge),
        Err(problems) => {
            let listing: Vec<String> = problems.iter().map(ToString::to_string).collect();
            bail!(
                "the knowledge files have {} problem(s):\n{}",
                problems.len(),
                listing.join("\n")
            )
        }
    }
}

/// `fuer-bot check`: prints OK with counts and any notes to review, or every problem; exit 1
/// on problems.
pub fn check(dir: &Path, mut output: impl Write) -> Result<ExitCode> {
    match load_knowledge_dir(dir) {
        Ok(knowledge) => {
            for article in knowledge.articles() {
                let counts: [&dyn std::fmt::Display; 4] = [
                    &article.id,
                    &article.items.len(),
                    &article.fact_count(),
                    &article.keyword_count(),
                ];
                writeln!(output, "{}", messages::fill(messages::CHECK_OK, &counts))?;
            }
            let notes = knowledge.notes();
            if !notes.is_empty() {
                for note in notes {
                    writeln!(output, "{note}")?;
                }
                writeln!(output, "{}", messages::fill(messages::CHECK_NOTES, &[&notes.len()]))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            for problem in &problems {
                writeln!(output, "{problem}")?;
            }
            writeln!(
                output,
                "{}",
                messages::fill(messages::CHECK_PROBLEMS, &[&problems.len()])
            )?;
            Ok(ExitCode::from(1))
        }
    }
}

/// Runs `work` on standard output: buffered when stdout is not a terminal (a pipe or a
/// file gets a few large writes, not one system call per answer) and flushed at the end;
/// line by line when someone reads along (Rust's stdout flushes each line itself).
pub fn with_stdout<T>(work: impl FnOnce(&mut dyn Write) -> Result<T>) -> Result<T> {
    let stdout = std::io::stdout();
    if stdout.is_terminal() {
        return work(&mut stdout.lock());
    }
    let mut output = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let result = work(&mut output)?;
    output.flush().context("cannot write to standard output")?;
    Ok(result)
}

/// The recorder of `chat` and `ask --record`: the question database in `data_dir`, opened
/// (and created) for writing. If it cannot be opened, the reason is logged and nothing is
/// recorded; the answers are the same.
pub fn open_recorder(data_dir: &Path) -> Recorder {
    Recorder::open(&database_path(data_dir))
}

/// How to run a subcommand of this binary from where it runs: `fuer-bot run` when it is
/// installed, `cargo run --release -- run` when it runs from a checkout's `target/`.
pub fn command_hint(subcommand: &str) -> String {
    let from_checkout = std::env::current_exe()
        .ok()
        .is_some_and(|exe| exe.components().any(|part| part.as_os_str() == "target"));
    hint_for(from_checkout, subcommand)
}

/// [`command_hint`] for a binary that does (`from_checkout`) or does not run from `target/`.
pub fn hint_for(from_checkout: bool, subcommand: &str) -> String {
    if from_checkout {
        format!("cargo run --release -- {subcommand}")
    } else {
        format!("fuer-bot {subcommand}")
    }
}

/// `fuer-bot chat` (and `fuer-bot` without a token). Questions are recorded with
/// `recorder` (none: `--no-record`).
pub fn chat(library: &Library, show_telegram_note: bool, recorder: Option<&Recorder>) -> Result<ExitCode> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let stdout = std::io::stdout();
    if show_telegram_note {
        eprintln!(
            "No TELOXIDE_TOKEN configured: starting the local console. Put the bot token in .env (see .env.example) and run `{}` to connect to Telegram.",
            command_hint("run")
        );
    }
    if interactive {
        eprintln!("Type a question, or /start, /help, /list, /item N; /quit or Ctrl-D to leave.");
        if recorder.is_some_and(Recorder::is_recording) {
            eprintln!(
                "Your questions are recorded (no ids) for `{}`, `{}` and the web page; --no-record turns this off.",
                command_hint("stats"),
                command_hint("unanswered"),
            );
        }
    }
    let bold = stdout.is_terminal();
    run_console(library, stdin.lock(), stdout.lock(), interactive, bold, recorder)
        .context("console input/output failed")?;
    Ok(ExitCode::SUCCESS)
}

/// What plain `ask` prints on standard error when standard input is a terminal (it is
/// waiting for questions, one a line).
pub const ASK_WAITING_HINT: &str =
    "Reading questions from standard input, one a line; Ctrl-D ends. To ask one question: fuer-bot ask \"…\"";
