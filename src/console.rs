//! The local console: the bot's behaviour on standard input and output, without Telegram.

use std::io::{BufRead, Write};

use fuer_core::command::{ParsedCommand, parse_command};
use fuer_core::conversation::{Context, ContextChange};
use fuer_core::dialogue::{Request, Response, Speak};
use fuer_core::lang::Lang;
use fuer_core::library::{self, ArticleResponse, Library};
use fuer_core::reply::{Reply, Style};
use fuer_core::texts;

use crate::store::{CONSOLE_CHAT_TYPE, QuestionRecord, Recorder, unix_now};

/// Prompt shown before each line in an interactive console.
pub const PROMPT: &str = "> ";

/// The response to one line typed at the console or given to `fuer-bot ask`, and the
/// article it came from: a command (parsed as on Telegram, so `/item 5` gets the same reply
/// everywhere), an unknown command, or a question (routed across the articles as on
/// Telegram). A blank line is an empty question (the bot asks for one).
pub fn respond_to_line(library: &Library, line: &str) -> ArticleResponse {
    respond_to_line_in_context(library, line, None, Speak::default())
}

/// [`respond_to_line`] for a line of a conversation whose context is `context`, in the
/// language `speak` chooses.
pub fn respond_to_line_in_context(
    library: &Library,
    line: &str,
    context: Option<&Context>,
    speak: Speak,
) -> ArticleResponse {
    let line = line.trim();
    match parse_command(line, None) {
        None => library::respond(library, Request::Question(line), context, speak),
        Some(ParsedCommand::Known(command)) => library::respond(library, command.request(), context, speak),
        // Admin commands are for admins on Telegram; like another bot's, they are unknown here.
        Some(ParsedCommand::Admin { .. } | ParsedCommand::Unknown { .. } | ParsedCommand::OtherBot) => {
            let lang = speak.lang_for(&Request::Help);
            ArticleResponse {
                article: library.latest_index(),
                response: Response::plain(lang, &texts::UNKNOWN_COMMAND),
            }
        }
    }
}

/// A conversation held in one place (the console, `ask --dialogue`): its context (with
/// its article) and its language, updated by each response. Nothing is stored anywhere else.
#[derive(Debug, Default)]
pub struct LocalConversation {
    context: Option<Context>,
    /// The language of the last question (commands follow it).
    lang: Option<Lang>,
    /// A language forced for every reply (`ask --lang`).
    forced: Option<Lang>,
}

impl LocalConversation {
    /// A conversation whose replies are all in `lang` (`ask --lang`), or follow each
    /// question's language (`None`).
    pub fn speaking(forced: Option<Lang>) -> LocalConversation {
        LocalConversation {
            forced,
            ..LocalConversation::default()
        }
    }

    /// How the next reply's language is chosen.
    pub fn speak(&self) -> Speak {
        match self.forced {
            Some(lang) => Speak::Only(lang),
            None => Speak::Follow(self.lang.unwrap_or_default()),
        }
    }

    /// Answers a line and remembers what the conversation is now about, and its language.
    pub fn respond(&mut self, library: &Library, line: &str) -> ArticleResponse {
        let routed = respond_to_line_in_context(library, line, self.context.as_ref(), self.speak());
        if let ContextChange::Set(context) = &routed.response.context {
            self.context = Some(context.clone());
        }
        if parse_command(line.trim(), None).is_none() && Lang::is_question_script(line) {
            self.lang = Some(routed.response.lang);
        }
        routed
    }

    pub fn context(&self) -> Option<&Context> {
        self.context.as_ref()
    }

    /// Starts a new conversation.
    pub fn forget(&mut self) {
        self.context = None;
        self.lang = None;
    }
}

/// Records the questions of the console and `ask --record` (chat type [`CONSOLE_CHAT_TYPE`],
/// never any id) with the article that answered, as Telegram records its messages:
/// questions only, not commands.
pub fn record_line(recorder: Option<&Recorder>, library: &Library, line: &str, routed: &ArticleResponse) {
    let (Some(recorder), Some(answer)) = (recorder, routed.response.answer.as_ref()) else {
        return;
    };
    let question = line.trim();
    if question.is_empty() || parse_command(question, None).is_some() {
        return;
    }
    let mut record = QuestionRecord::from_answer(unix_now(), question, answer, CONSOLE_CHAT_TYPE);
    record.article = library.id(routed.article).to_string();
    record.lang = crate::store::RecordLang::of(routed.response.lang);
    recorder.record(&record);
}

/// Whether a console line asks to leave (`/quit` or `/exit`).
pub fn is_quit(line: &str) -> bool {
    let word = line.split_whitespace().next().unwrap_or_default();
    word.eq_ignore_ascii_case("/quit") || word.eq_ignore_ascii_case("/exit")
}

/// A reply as console text: the plain text, then the buttons as the commands they stand for.
pub fn render_for_console(reply: &Reply) -> String {
    render_for_terminal(reply, false)
}

/// [`render_for_console`], with bold text in bold (ANSI) when `bold` (a terminal reads it;
/// a pipe or a file gets plain text).
pub fn render_for_terminal(reply: &Reply, bold: bool) -> String {
    let mut text = if bold {
        reply
            .paragraphs
            .iter()
            .map(|paragraph| {
                paragraph
                    .spans
                    .iter()
                    .map(|span| match span.style {
                        Style::Bold => format!("\x1b[1m{}\x1b[0m", span.text),
                        Style::Plain | Style::Italic => span.text.clone(),
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    } else {
        reply.to_plain_text()
    };
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

/// Runs the console until end of input or `/quit`. Prompts only when `interactive`; bold
/// text is bold only when `bold` (standard output is a terminal).
/// Questions are recorded with `recorder` (none: nothing is recorded).
pub fn run_console(
    library: &Library,
    input: impl BufRead,
    mut output: impl Write,
    interactive: bool,
    bold: bool,
    recorder: Option<&Recorder>,
) -> std::io::Result<()> {
    if interactive {
        write!(output, "{PROMPT}")?;
        output.flush()?;
    }
    let mut conversation = LocalConversation::default();
    for line in crate::input::lines(input) {
        match line?.text {
            Ok(line) if is_quit(&line) => break,
            Ok(line) if line.trim().is_empty() => {}
            Ok(line) => {
                let routed = conversation.respond(library, &line);
                writeln!(output, "{}\n", render_for_terminal(&routed.response.reply, bold))?;
                record_line(recorder, library, &line, &routed);
            }
            Err(_) => writeln!(
                output,
                "{}\n",
                texts::INVALID_TEXT.get(conversation.speak().lang_for(&Request::Help))
            )?,
        }
        if interactive {
            write!(output, "{PROMPT}")?;
            output.flush()?;
        }
    }
    Ok(())
}
