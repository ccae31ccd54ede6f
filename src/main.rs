//! The `fuer-bot` binary: parse the command line, run, report errors once, set the exit code.
//!
//! This is the only place that prints an error: the subcommands return them. Exit codes:
//! 0 success, 1 an error (or problems found by `check`, unreadable input lines of `ask`),
//! 2 a configuration problem (a missing, malformed or rejected token; an invalid variable).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use fuer_bot::cli::{Cli, Command};
use fuer_bot::settings::RunArgs;
use fuer_bot::telegram::{Config, ConfigError, RunError};
use fuer_bot::web::{Auth, WebConfigError, WebSetup};

/// The log filter when `RUST_LOG` is set neither in the environment nor in `.env`.
const DEFAULT_LOG_FILTER: &str = "info";

fn main() -> ExitCode {
    // A missing .env is normal; a malformed one is reported.
    if let Err(error) = dotenvy::dotenv()
        && !error.not_found()
    {
        eprintln!("warning: cannot read .env: {error}");
    }
    init_logger();
    // Invalid arguments or variables: clap prints what is wrong and exits with code 2.
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader went away (`fuer-bot ask … | head`): nothing more to say, like other tools.
        Err(error) if closed_output(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            exit_code(&error)
        }
    }
}

/// Whether an error is standard output closed by its reader (a broken pipe).
fn closed_output(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Logs to stderr at `RUST_LOG`'s level, `info` by default: without any configuration an
/// operator sees the bot connect, retry and stop.
fn init_logger() {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .filter(|filter| !filter.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_LOG_FILTER.to_string());
    pretty_env_logger::formatted_builder().parse_filters(&filter).init();
}

/// 2 for configuration problems (a service manager should not restart in a loop), else 1.
fn exit_code(error: &anyhow::Error) -> ExitCode {
    let configuration = error.downcast_ref::<ConfigError>().is_some()
        || error.downcast_ref::<WebConfigError>().is_some()
        || matches!(error.downcast_ref::<RunError>(), Some(RunError::TokenRejected));
    ExitCode::from(if configuration { 2 } else { 1 })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    match cli.command {
        Some(Command::Check) => fuer_bot::cli::check(&cli.knowledge, stdout.lock()),
        Some(Command::Import { article, id }) => {
            fuer_bot::import::import(&article, &cli.knowledge, id.as_deref(), stdout.lock())
        }
        Some(Command::Ask {
            json,
            explain,
            dialogue,
            record,
            lang,
            ref question,
        }) => {
            let options = fuer_bot::cli::AskOptions {
                json,
                dialogue,
                lang,
                bold: stdout.is_terminal(),
            };
            ask(&cli, options, explain, record, question.as_deref())
        }
        Some(Command::Chat { no_record }) => {
            let library = fuer_bot::cli::load_library(&cli.knowledge)?;
            let recorder = (!no_record).then(|| fuer_bot::cli::open_recorder(&cli.data_dir));
            fuer_bot::cli::chat(&library, false, recorder.as_ref())
        }
        Some(Command::Run(ref settings)) => run_telegram(&cli, settings),
        Some(Command::Web(ref web)) => {
            let setup = WebSetup::new(web, &cli.data_dir)?;
            let library = fuer_bot::cli::load_library(&cli.knowledge)?;
            fuer_bot::memory::release_free_pages();
            fuer_bot::web::run_blocking(setup, library, &cli.knowledge, &cli.data_dir, cli.retention())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::WebLink(ref web)) => {
            let setup = WebSetup::new(web, &cli.data_dir)?;
            let link = setup.links().link(fuer_bot::store::unix_now());
            writeln!(stdout.lock(), "{link}")?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Stats { ref article }) => {
            // Without a readable knowledge directory the counts are every article's, untitled.
            let knowledge = fuer_bot::knowledge_dir::load_knowledge_dir(&cli.knowledge).ok();
            let articles = knowledge.iter().flat_map(|knowledge| knowledge.articles()).collect();
            let articles = fuer_bot::store::ReportArticles::select(articles, article.as_deref().unwrap_or(""))
                .map_err(anyhow::Error::msg)?;
            let now = fuer_bot::store::unix_now();
            fuer_bot::store::print_stats(&cli.data_dir, &articles, now, stdout.lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Unanswered {
            limit,
            days,
            ref article,
        }) => {
            let knowledge = fuer_bot::knowledge_dir::load_knowledge_dir(&cli.knowledge).ok();
            let articles = knowledge.iter().flat_map(|knowledge| knowledge.articles()).collect();
            let articles = fuer_bot::store::ReportArticles::select(articles, article.as_deref().unwrap_or(""))
                .map_err(anyhow::Error::msg)?;
            let now = fuer_bot::store::unix_now();
            fuer_bot::store::print_unanswered(&cli.data_dir, &articles, limit, days, now, stdout.lock())?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            if fuer_bot::telegram::token_configured() {
                let settings = RunArgs::from_env().unwrap_or_else(|error| error.exit());
                return run_telegram(&cli, &settings);
            }
            let library = fuer_bot::cli::load_library(&cli.knowledge)?;
            let recorder = fuer_bot::cli::open_recorder(&cli.data_dir);
            fuer_bot::cli::chat(&library, true, Some(&recorder))
        }
    }
}

/// `fuer-bot ask`: the questions of the command line or of stdin, answered (or explained)
/// on stdout.
fn ask(
    cli: &Cli,
    options: fuer_bot::cli::AskOptions,
    explain: bool,
    record: bool,
    question: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    if question.is_none() && stdin.is_terminal() {
        eprintln!("{}", fuer_bot::cli::ASK_WAITING_HINT);
    }
    let library = fuer_bot::cli::load_library(&cli.knowledge)?;
    if explain {
        return fuer_bot::cli::with_stdout(|output| {
            fuer_bot::cli::explain(&library, options.dialogue, question, stdin.lock(), output)
        });
    }
    let recorder = record.then(|| fuer_bot::cli::open_recorder(&cli.data_dir));
    let result = fuer_bot::cli::with_stdout(|output| {
        fuer_bot::cli::ask(&library, options, question, stdin.lock(), output, recorder.as_ref())
    });
    // The process ends now: freeing the engines' many small allocations one by one would only
    // delay the exit (the recorder is still dropped, it finishes writing).
    std::mem::forget(library);
    result
}

/// `fuer-bot run`: the configuration first (its problems are reported before anything is
/// loaded), then the knowledge, then the bot until Ctrl-C or SIGTERM.
fn run_telegram(cli: &Cli, settings: &RunArgs) -> anyhow::Result<ExitCode> {
    let (knowledge_dir, data_dir) = (cli.knowledge.as_path(), cli.data_dir.as_path());
    let config = Config::from_args(&settings.telegram)?;
    let web_config = settings.web.config()?;
    // Like the question database, a data directory the page's secret cannot be kept in does
    // not stop the bot: it runs without the web page.
    let web = match Auth::open(data_dir) {
        Ok(auth) => Some(WebSetup {
            config: web_config,
            auth: Arc::new(auth),
            data_dir: data_dir.to_path_buf(),
        }),
        Err(error) => {
            log::error!("the admin web page is off, the bot runs without it: {error:#}");
            None
        }
    };
    let library = fuer_bot::cli::load_library(knowledge_dir)?;
    // The bot runs for weeks: the engines' build garbage should not stay resident.
    fuer_bot::memory::release_free_pages();
    fuer_bot::telegram::run_blocking(&config, library, knowledge_dir, data_dir, web, cli.retention())?;
    Ok(ExitCode::SUCCESS)
}
