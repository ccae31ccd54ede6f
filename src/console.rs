//! The local console: the bot's behaviour on standard input and output, without Telegram.

use std::io::{BufRead, Write};

use crate::dialogue::{Request, respond};
use crate::engine::Engine;
use crate::reply::Reply;
use crate::texts;

/// Prompt shown before each line in an interactive console.
pub const PROMPT: &str = "> ";

/// What one console line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum ConsoleInput<'a> {
    Request(Request<'a>),
    UnknownCommand,
    Quit,
    Blank,
}

/// Parses one console line: `/start [payload]`, `/help`, `/list`, `/item N`, `/quit`, or a question.
pub fn parse_console_line(line: &str) -> ConsoleInput<'_> {
    let line = line.trim();
    if line.is_empty() {
        return ConsoleInput::Blank;
    }
    let Some(command_line) = line.strip_prefix('/') else {
        return ConsoleInput::Request(Request::Question(line));
    };
    let (command, argument) = command_line
        .split_once(char::is_whitespace)
        .unwrap_or((command_line, ""));
    let argument = argument.trim();
    match command.to_ascii_lowercase().as_str() {
        "start" => ConsoleInput::Request(Request::Start((!argument.is_empty()).then_some(argument))),
        "help" => ConsoleInput::Request(Request::Help),
        "list" => ConsoleInput::Request(Request::List),
        "item" => ConsoleInput::Request(Request::Item(argument)),
        "quit" | "exit" => ConsoleInput::Quit,
        _ => ConsoleInput::UnknownCommand,
    }
}

/// A reply as console text: the plain text, then the buttons as the commands they stand for.
pub fn render_for_console(reply: &Reply) -> String {
    let mut text = reply.to_plain_text();
    let buttons: Vec<String> = reply
        .keyboard
        .iter()
        .flatten()
        .map(|button| format!("[{}] {}", button.label, button.action.command()))
        .collect();
    if !buttons.is_empty() {
        text.push_str("\n\n");
        text.push_str(&buttons.join("\n"));
    }
    text
}

/// Runs the console until end of input or `/quit`. Prompts only when `interactive`.
pub fn run_console(
    engine: &Engine,
    input: impl BufRead,
    mut output: impl Write,
    interactive: bool,
) -> std::io::Result<()> {
    if interactive {
        write!(output, "{PROMPT}")?;
        output.flush()?;
    }
    for line in input.lines() {
        let line = line?;
        let text = match parse_console_line(&line) {
            ConsoleInput::Quit => break,
            ConsoleInput::Blank => None,
            ConsoleInput::UnknownCommand => Some(texts::UNKNOWN_COMMAND.to_string()),
            ConsoleInput::Request(request) => Some(render_for_console(&respond(engine, request).reply)),
        };
        if let Some(text) = text {
            writeln!(output, "{text}\n")?;
        }
        if interactive {
            write!(output, "{PROMPT}")?;
            output.flush()?;
        }
    }
    Ok(())
}
