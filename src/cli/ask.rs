//! `fuer-bot ask` and `ask --explain`: one answer per line of input, as plain text, JSON
//! records or the engine's trace.

use super::*;

/// One line of `ask --json` output.
#[derive(Debug, Serialize)]
pub struct JsonAnswer {
    pub question: String,
    /// The id of the article the question was answered from (`2024-shenzhen`).
    pub article: String,
    /// `answered`, `related` (about a topic, but the article does not say what was asked)
    /// or `declined`.
    pub status: &'static str,
    /// The first item answered (also for `related`); `null` when declined.
    pub item: Option<u8>,
    /// Every item answered, in the question's order.
    pub items: Vec<u8>,
    /// What the question asks for (`quantity`, `price` …), if the analysis found it.
    pub asked: Option<String>,
    /// What came from the conversation (`topic`, `attribute`, `facts`); `--dialogue` only.
    pub from_context: Vec<&'static str>,
    pub title: Option<String>,
    pub score: f32,
    /// The facts answered with, as the article writes them (Simplified Chinese).
    pub facts: Vec<String>,
    /// The reply's language: `zh-Hans`, `zh-Hant` or `en`.
    pub lang: &'static str,
    /// The same facts as the reply shows them, in its language.
    pub shown: Vec<String>,
    /// The answering figure with its unit as the article writes it (`716万余人次`), or null.
    pub lead: Option<String>,
    pub suggestions: Vec<u8>,
    pub answer: String,
}

/// The JSON record of one question asked on its own.
pub fn json_answer(library: &Library, question: &str) -> JsonAnswer {
    json_record(library, question, respond_to_line(library, question))
}

/// The JSON record of one question and the response it got.
fn json_record(library: &Library, question: &str, routed: ArticleResponse) -> JsonAnswer {
    let engine = library.engine(routed.article);
    let response = routed.response;
    let knowledge = engine.knowledge();
    let answer = response.answer.unwrap_or_else(|| engine.answer(""));
    let item = answer.item.and_then(|number| knowledge.item(number));
    // The first fact of every topic first (several topics), then the others.
    let facts: Vec<String> = reply::answer_facts(knowledge, &answer)
        .into_iter()
        .filter_map(|(item, index)| item.sentence(index).map(str::to_string))
        .collect();
    let shown = reply::shown_facts(response.lang, knowledge, &answer);
    let used = answer.context_use;
    let from_context: Vec<&'static str> = [
        (used.topic, "topic"),
        (used.attribute, "attribute"),
        (used.facts, "facts"),
    ]
    .into_iter()
    .filter_map(|(used, name)| used.then_some(name))
    .collect();
    JsonAnswer {
        question: question.to_string(),
        article: knowledge.id.clone(),
        status: answer.status.as_str(),
        item: item.map(|item| item.number),
        items: answer.items(),
        asked: answer.asked.as_ref().map(|asked| asked.kind.clone()),
        from_context,
        title: item.map(|item| item.title.clone()),
        score: (answer.confidence * 1000.0).round() / 1000.0,
        facts,
        lang: response.lang.tag(),
        shown,
        lead: answer
            .lead
            .as_ref()
            .and_then(|lead| lead.figure())
            .map(|figure| figure.text.clone()),
        suggestions: answer.suggestions.clone(),
        answer: response.reply.to_plain_text(),
    }
}

/// One line of `ask --json` output for a line of input that could not be read.
#[derive(Debug, Serialize)]
pub struct JsonLineError {
    pub line: usize,
    pub error: String,
}

/// How `fuer-bot ask` answers and prints.
#[derive(Debug, Clone, Copy, Default)]
pub struct AskOptions {
    /// JSON objects instead of the reply text.
    pub json: bool,
    /// Consecutive lines are one conversation.
    pub dialogue: bool,
    /// Every reply in this language (`--lang`); otherwise each follows its question.
    pub lang: Option<Lang>,
    /// Bold text in bold (standard output is a terminal).
    pub bold: bool,
}

/// `fuer-bot ask`: one reply, or (without a question) one per line of `input`. A line that
/// is not valid UTF-8 gets an error result of its own and the lines after it are answered;
/// the exit code is then 1. With `dialogue`, consecutive lines are one conversation and an
/// empty line starts a new one; without it, every line is asked on its own. Questions are
/// recorded with `recorder` (`ask --record`); without one nothing is written anywhere.
pub fn ask(
    library: &Library,
    options: AskOptions,
    question: Option<&str>,
    input: impl BufRead,
    mut output: impl Write,
    recorder: Option<&Recorder>,
) -> Result<ExitCode> {
    let AskOptions {
        json,
        dialogue,
        lang,
        bold,
    } = options;
    if let Some(question) = question {
        let routed = LocalConversation::speaking(lang).respond(library, question);
        record_line(recorder, library, question, &routed);
        if json {
            writeln!(
                output,
                "{}",
                serde_json::to_string(&json_record(library, question, routed))?
            )?;
        } else {
            writeln!(output, "{}", render_for_terminal(&routed.response.reply, bold))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut unreadable = false;
    let mut conversation = LocalConversation::speaking(lang);
    for line in input::lines(input) {
        let line = line.context("cannot read questions from standard input")?;
        match line.text {
            Ok(text) if dialogue && text.trim().is_empty() => conversation.forget(),
            Ok(text) if !json && text.trim().is_empty() => {}
            Ok(text) => {
                let routed = if dialogue {
                    conversation.respond(library, &text)
                } else {
                    LocalConversation::speaking(lang).respond(library, &text)
                };
                record_line(recorder, library, &text, &routed);
                if json {
                    writeln!(
                        output,
                        "{}",
                        serde_json::to_string(&json_record(library, &text, routed))?
                    )?;
                } else {
                    writeln!(output, "{}\n", render_for_terminal(&routed.response.reply, bold))?;
                }
            }
            Err(error) => {
                unreadable = true;
                if json {
                    let error = JsonLineError {
                        line: line.number,
                        error: error.to_string(),
                    };
                    writeln!(output, "{}", serde_json::to_string(&error)?)?;
                } else {
                    writeln!(output, "line {}: {error}\n", line.number)?;
                }
            }
        }
    }
    Ok(if unreadable {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// How one question was scored; a question longer than the bot answers is not scored
/// (the bot refuses it without asking the engine). The trace is the one of the article the
/// question goes to (named on the first line when several are loaded). In a conversation,
/// the trace shows what came from the context, and the conversation moves on.
fn explain_one(
    library: &Library,
    question: &str,
    conversation: Option<&mut LocalConversation>,
    output: &mut impl Write,
) -> Result<()> {
    let chars = question.chars().count();
    if chars > MAX_QUESTION_CHARS {
        let start: String = question.chars().take(40).collect();
        writeln!(
            output,
            "{start}…\nnot scored: {chars} characters; the bot answers questions of at most {MAX_QUESTION_CHARS} characters and politely refuses longer ones\n"
        )?;
        return Ok(());
    }
    let article_line = |article: usize| {
        if library.engines().len() > 1 {
            format!("article: {}\n", library.id(article))
        } else {
            String::new()
        }
    };
    let Some(conversation) = conversation else {
        let article = respond_to_line(library, question).article;
        writeln!(
            output,
            "{question}\n{}{}\n",
            article_line(article),
            library.engine(article).explain(question)
        )?;
        return Ok(());
    };
    let context = conversation.context().cloned();
    let context_line = match &context {
        Some(context) => format!(
            "context: article {} item {} topic facts {:?} shown {:?} asked {:?}",
            context.article, context.item, context.topic_facts, context.shown, context.asked
        ),
        None => "context: none".to_string(),
    };
    let article = conversation.respond(library, question).article;
    let engine = library.engine(article);
    let explanation = if fuer_core::command::parse_command(question.trim(), None).is_some() {
        "a command: answered as on Telegram".to_string()
    } else {
        let focus = context
            .as_ref()
            .filter(|context| context.article == engine.knowledge().id && context.has_item())
            .map(fuer_core::conversation::Context::focus);
        engine.answer_traced_in_context(question, focus.as_ref()).1.render()
    };
    writeln!(
        output,
        "{question}\n{context_line}\n{}{explanation}\n",
        article_line(article)
    )?;
    Ok(())
}

/// `fuer-bot ask --explain`: how each question (argument or stdin lines) was scored. Lines
/// that are not valid UTF-8 are reported and skipped (exit code 1). With `dialogue`, lines
/// are conversations as for `ask --dialogue`.
pub fn explain(
    library: &Library,
    dialogue: bool,
    question: Option<&str>,
    input: impl BufRead,
    mut output: impl Write,
) -> Result<ExitCode> {
    if let Some(question) = question {
        explain_one(library, question, None, &mut output)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut unreadable = false;
    let mut conversation = LocalConversation::default();
    for line in input::lines(input) {
        let line = line.context("cannot read questions from standard input")?;
        match line.text {
            Ok(text) if dialogue && text.trim().is_empty() => conversation.forget(),
            Ok(text) => explain_one(library, &text, dialogue.then_some(&mut conversation), &mut output)?,
            Err(error) => {
                unreadable = true;
                writeln!(output, "line {}: {error}\n", line.number)?;
            }
        }
    }
    Ok(if unreadable {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
