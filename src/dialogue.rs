//! One conversation step, independent of the transport: a request in, a reply out.
//!
//! The console and the Telegram layer both turn what the user sent into a
//! [`Request`] and show the [`Response`]; that keeps their behaviour identical.

use crate::engine::{Answer, Engine};
use crate::reply::{self, Paragraph, Reply};
use crate::texts;

/// Longest question (in characters) the engine is asked; longer ones get a polite refusal.
pub const MAX_QUESTION_CHARS: usize = 500;

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request<'a> {
    /// `/start`, with the deep-link payload if any (`item5`).
    Start(Option<&'a str>),
    Help,
    List,
    /// `/item` with its raw argument (possibly empty).
    Item(&'a str),
    /// Free text.
    Question(&'a str),
}

/// The reply, and the engine's answer when the request was a question.
#[derive(Debug, Clone)]
pub struct Response {
    pub reply: Reply,
    pub answer: Option<Answer>,
}

impl Response {
    fn reply_only(reply: Reply) -> Response {
        Response { reply, answer: None }
    }
}

/// Answers one request.
pub fn respond(engine: &Engine, request: Request<'_>) -> Response {
    let knowledge = engine.knowledge();
    match request {
        Request::Start(payload) => match payload.and_then(deep_link_item) {
            Some(number) => respond(engine, Request::Item(number)),
            None => Response::reply_only(reply::welcome(knowledge)),
        },
        Request::Help => Response::reply_only(reply::help()),
        Request::List => Response::reply_only(reply::list(knowledge)),
        Request::Item(argument) => {
            if argument.trim().is_empty() {
                return Response::reply_only(reply::list(knowledge));
            }
            let reply = match reply::parse_item_argument(knowledge, argument) {
                Ok(number) => match knowledge.item(number) {
                    Some(item) => reply::full_item(knowledge, item),
                    None => reply::item_argument_error(knowledge, &reply::ItemArgumentError::OutOfRange),
                },
                Err(error) => reply::item_argument_error(knowledge, &error),
            };
            Response::reply_only(reply)
        }
        Request::Question(question) => {
            if question.chars().count() > MAX_QUESTION_CHARS {
                return Response::reply_only(Reply {
                    paragraphs: vec![Paragraph::plain(texts::QUESTION_TOO_LONG)],
                    keyboard: Vec::new(),
                });
            }
            let answer = engine.answer(question);
            Response {
                reply: reply::answer(knowledge, &answer),
                answer: Some(answer),
            }
        }
    }
}

/// The item number of a deep-link payload such as `item5`.
fn deep_link_item(payload: &str) -> Option<&str> {
    let number = payload.trim().strip_prefix("item")?;
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some(number)
}
