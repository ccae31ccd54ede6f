//! One conversation step, independent of the transport: a request and the conversation's
//! context in, a reply and the context's change out.
//!
//! The console, `fuer-bot ask --dialogue` and the Telegram layer all turn what the user sent
//! into a [`Request`], pass the conversation's [`Context`] (if any) and show the
//! [`Response`]; that keeps their behaviour identical. Follow-ups are understood here:
//! navigation (下一件, 上一件), "more" (详细一点) and questions that leave out what the
//! conversation already said (the engine resolves those, see
//! [`Engine::answer_in_context`]).
//!
//! The reply's language is decided here too ([`Speak`]): a question's own script decides
//! (English, Traditional, Simplified); a command, a button or a text without letters gets
//! the caller's default (the conversation's last language, or the user's `language_code`).

use crate::conversation::{Context, ContextChange};
use crate::engine::{Answer, Engine, Intent, Navigation};
use crate::lang::Lang;
use crate::reply::{self, Paragraph, Reply};
use crate::texts;

/// How the language of a reply is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speak {
    /// A question in the language of its script; a command or a question with no script of
    /// its own (digits, emoji) in this one.
    Follow(Lang),
    /// Always this language (`ask --lang`).
    Only(Lang),
}

impl Default for Speak {
    fn default() -> Speak {
        Speak::Follow(Lang::Simplified)
    }
}

impl Speak {
    /// The language of the reply to `request`.
    pub fn lang_for(self, request: &Request<'_>) -> Lang {
        match (self, request) {
            (Speak::Only(lang), _) => lang,
            (Speak::Follow(default), Request::Question(question)) => Lang::of_question(question).unwrap_or(default),
            (Speak::Follow(default), _) => default,
        }
    }
}

/// Longest question (in characters) the engine is asked; longer ones get a polite refusal.
pub const MAX_QUESTION_CHARS: usize = 500;

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request<'a> {
    /// `/start`, with the deep-link payload if any (`item5`).
    Start(Option<&'a str>),
    Help,
    List,
    /// `/list` with an argument: an article's year, id or title (the library chooses; one
    /// engine shows its own list).
    ListOf(&'a str),
    /// `/item` with its raw argument (possibly empty).
    Item(&'a str),
    /// Free text.
    Question(&'a str),
}

/// The reply, the engine's answer (for questions and items shown), and how the
/// conversation's context changes.
#[derive(Debug, Clone)]
pub struct Response {
    pub reply: Reply,
    pub answer: Option<Answer>,
    pub context: ContextChange,
    /// The language of the reply.
    pub lang: Lang,
}

impl Response {
    /// A reply in `lang` that answers no question and leaves the context as it is.
    pub fn reply_only(lang: Lang, reply: Reply) -> Response {
        Response {
            reply,
            answer: None,
            context: ContextChange::Keep,
            lang,
        }
    }

    /// A reply of one plain paragraph.
    pub fn plain(lang: Lang, text: &texts::Text) -> Response {
        Response::reply_only(
            lang,
            Reply {
                paragraphs: vec![Paragraph::plain(text.get(lang))],
                keyboard: Vec::new(),
            },
        )
    }
}

/// Answers one request on its own (no conversation), in the language of its script
/// (Simplified for commands).
pub fn respond(engine: &Engine, request: Request<'_>) -> Response {
    respond_in_context(engine, request, None, Speak::default())
}

/// Answers one request of a conversation whose context is `context`, in the language
/// `speak` chooses.
pub fn respond_in_context(engine: &Engine, request: Request<'_>, context: Option<&Context>, speak: Speak) -> Response {
    let lang = speak.lang_for(&request);
    let knowledge = engine.knowledge();
    match request {
        Request::Start(payload) => match payload.and_then(deep_link_item) {
            Some(number) => respond_in_context(engine, Request::Item(number), context, speak),
            None => Response::reply_only(lang, reply::welcome(lang, knowledge)),
        },
        Request::Help => Response::reply_only(lang, reply::help(lang)),
        Request::List | Request::ListOf(_) => Response::reply_only(lang, reply::list(lang, knowledge)),
        Request::Item(argument) => {
            if argument.trim().is_empty() {
                return Response::reply_only(lang, reply::list(lang, knowledge));
            }
            match reply::parse_item_argument(knowledge, argument) {
                Ok(number) => whole_item(engine, number, lang),
                Err(error) => Response::reply_only(lang, reply::item_argument_error(lang, knowledge, &error)),
            }
        }
        Request::Question(question) => {
            if question.chars().count() > MAX_QUESTION_CHARS {
                return Response::plain(lang, &texts::QUESTION_TOO_LONG);
            }
            let focus = context.map(Context::focus);
            let answer = engine.answer_in_context(question, focus.as_ref());
            respond_to_answer(engine, answer, context, lang)
        }
    }
}

/// The response in `lang` to a question the engine has answered (`answer`, in a
/// conversation whose context is `context`): navigation moves, an answer about an item sets
/// the context.
pub(crate) fn respond_to_answer(engine: &Engine, answer: Answer, context: Option<&Context>, lang: Lang) -> Response {
    if let Intent::Navigation(navigation) = answer.intent {
        return navigate(engine, navigation, context, lang);
    }
    let change = match answer.item {
        Some(_) => {
            let figure = first_figure(engine, &answer);
            Context::after_answer(&answer, context, figure).map_or(ContextChange::Keep, ContextChange::Set)
        }
        None => ContextChange::Keep,
    };
    Response {
        reply: reply::answer(lang, engine.knowledge(), &answer),
        answer: Some(answer),
        context: change,
        lang,
    }
}

/// The whole item `number` (`/item`, buttons, 下一件): its reply, and the conversation is
/// now about it.
pub fn whole_item(engine: &Engine, number: u8, lang: Lang) -> Response {
    let knowledge = engine.knowledge();
    let Some(item) = knowledge.item(number) else {
        return Response::reply_only(
            lang,
            reply::item_argument_error(lang, knowledge, &reply::ItemArgumentError::OutOfRange),
        );
    };
    Response {
        reply: reply::full_item(lang, knowledge, item),
        answer: Some(Answer::whole_item(number, item.facts.len())),
        context: ContextChange::Set(Context::whole_item(number, item.facts.len())),
        lang,
    }
}

/// 下一件, 上一件, 详细一点: relative to the conversation's item.
fn navigate(engine: &Engine, navigation: Navigation, context: Option<&Context>, lang: Lang) -> Response {
    let knowledge = engine.knowledge();
    let Some(context) = context.filter(|context| knowledge.item(context.item).is_some()) else {
        return Response::reply_only(lang, reply::follow_up_without_topic(lang, knowledge));
    };
    let last = knowledge.last_item_number();
    match navigation {
        Navigation::Next if context.item >= last => bound_reached(engine, texts::navigation_at_last(lang, last), lang),
        Navigation::Previous if context.item <= 1 => {
            bound_reached(engine, texts::navigation_at_first(lang, last), lang)
        }
        Navigation::Next => whole_item(engine, context.item + 1, lang),
        Navigation::Previous => whole_item(engine, context.item - 1, lang),
        Navigation::More => more_of(engine, context, lang),
    }
}

fn bound_reached(engine: &Engine, text: String, lang: Lang) -> Response {
    let knowledge = engine.knowledge();
    let mut reply = reply::list(lang, knowledge);
    reply.paragraphs.insert(0, Paragraph::plain(text));
    Response::reply_only(lang, reply)
}

/// The item's facts not shown yet in this conversation; when all were shown, the whole item.
fn more_of(engine: &Engine, context: &Context, lang: Lang) -> Response {
    let knowledge = engine.knowledge();
    let Some(item) = knowledge.item(context.item) else {
        return Response::reply_only(lang, reply::list(lang, knowledge));
    };
    let unseen: Vec<usize> = (0..item.facts.len()).filter(|f| !context.shown.contains(f)).collect();
    if unseen.is_empty() {
        return whole_item(engine, context.item, lang);
    }
    let mut answer = Answer::whole_item(item.number, item.facts.len());
    answer.intent = crate::engine::Intent::Item;
    answer.facts = unseen.clone();
    let mut next = context.clone();
    next.shown.extend(&unseen);
    next.topic_facts = Vec::new();
    Response {
        reply: reply::more_of_item(lang, item, &unseen),
        answer: Some(answer),
        context: ContextChange::Set(next),
        lang,
    }
}

/// The first figure of the answer's first fact (`1480间`), for the context.
fn first_figure(engine: &Engine, answer: &Answer) -> Option<String> {
    let item = answer.item?;
    let fact = *answer.facts.first()?;
    engine.first_figure(item, fact)
}

/// The item number of a deep-link payload such as `item5`.
pub(crate) fn deep_link_item(payload: &str) -> Option<&str> {
    let number = payload.trim().strip_prefix("item")?;
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some(number)
}
