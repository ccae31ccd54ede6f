//! `GET /unanswered`: the frequent unanswered questions, each with the engine's guess and
//! a keyword form.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use super::layout::{Layout, blocking, item_choices, layout, render};
use super::login::LoggedIn;
use super::overview::{UnansweredRow, unanswered_rows};
use crate::store::{ArticleFilter, DEFAULT_UNANSWERED_DAYS, unanswered_since, unix_now};
use crate::web::WebState;
use crate::web::auth::Session;
use fuer_core::texts;

/// The routes of this page.
pub(super) fn routes() -> Router<WebState> {
    Router::new().route("/unanswered", get(unanswered))
}

/// Unanswered questions on the page.
const PAGE_UNANSWERED: usize = 30;

#[derive(Template)]
#[template(path = "unanswered.html")]
struct UnansweredPage {
    layout: Layout,
    days: u32,
    store_error: String,
    rows: Vec<UnansweredRow>,
    items: Vec<(u8, String)>,
}

/// The unanswered page of `state` at `now`.
fn unanswered_html(state: &WebState, session: &Session, now: i64) -> Response {
    let engine = state.engine();
    let (rows, store_error) = match state.recorder() {
        None => (Vec::new(), texts::WEB_RECORDING_OFF.to_string()),
        Some(recorder) => {
            match recorder.unanswered(
                PAGE_UNANSWERED,
                unanswered_since(now, DEFAULT_UNANSWERED_DAYS),
                ArticleFilter::All,
            ) {
                Ok(questions) => (unanswered_rows(&engine, &questions), String::new()),
                Err(error) => (Vec::new(), texts::store_unavailable(&error.to_string())),
            }
        }
    };
    render(
        StatusCode::OK,
        &UnansweredPage {
            layout: layout(state, Some(session), "unanswered"),
            days: DEFAULT_UNANSWERED_DAYS,
            store_error,
            rows,
            items: item_choices(engine.knowledge()),
        },
    )
}

async fn unanswered(State(state): State<WebState>, LoggedIn(session): LoggedIn) -> Response {
    blocking(move || unanswered_html(&state, &session, unix_now()))
        .await
        .unwrap_or_else(|response| response)
}
