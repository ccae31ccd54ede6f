//! `GET /try?q=`: a question's reply as the bot sends it (commands included), its outcome
//! and the engine's trace.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;

use super::layout::{Layout, layout, render};
use super::login::LoggedIn;
use crate::console::respond_to_line;
use crate::web::WebState;
use crate::web::changes;
use crate::web::view::{ReplyView, outcome_text};
use fuer_core::library::Library;

/// The routes of this page.
pub(super) fn routes() -> Router<WebState> {
    Router::new().route("/try", get(try_question))
}

#[derive(Deserialize)]
struct TryQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    saved: String,
    /// The save just done (in the history), for the link to undo it.
    #[serde(default)]
    version: Option<u64>,
}

#[derive(Template)]
#[template(path = "try.html")]
struct TryPage {
    layout: Layout,
    question: String,
    saved: String,
    version: Option<u64>,
    reply: Option<ReplyView>,
    outcome: String,
    trace: Vec<String>,
}

/// The reply the bot sends to `question` (commands included, routed across the articles
/// as the bot does), its outcome and the trace of the article that answered.
pub(super) fn answer_view(library: &Library, question: &str) -> (ReplyView, String, Vec<String>) {
    let routed = respond_to_line(library, question);
    let response = &routed.response;
    let outcome = response
        .answer
        .as_ref()
        .map(|answer| {
            let mut outcome = changes::Outcome::of(answer);
            if library.engines().len() > 1 {
                outcome.article = library.id(routed.article).to_string();
            }
            outcome_text(&outcome)
        })
        .unwrap_or_default();
    let trace = if response.answer.is_some() && !question.trim_start().starts_with('/') {
        library.engine(routed.article).answer_traced(question).1.lines
    } else {
        Vec::new()
    };
    (ReplyView::of(&response.reply), outcome, trace)
}

async fn try_question(
    State(state): State<WebState>,
    LoggedIn(session): LoggedIn,
    Query(query): Query<TryQuery>,
) -> Response {
    let library = state.library();
    let question = query.q.trim().to_string();
    let (reply, outcome, trace) = if question.is_empty() {
        (None, String::new(), Vec::new())
    } else {
        let (reply, outcome, trace) = answer_view(&library, &question);
        (Some(reply), outcome, trace)
    };
    render(
        StatusCode::OK,
        &TryPage {
            layout: layout(&state, Some(&session), "try"),
            question,
            saved: query.saved,
            version: query.version,
            reply,
            outcome,
            trace,
        },
    )
}
