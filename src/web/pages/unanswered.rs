//! `GET /unanswered`: the frequent unanswered questions, each with the engine's guess and
//! a keyword form.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use super::layout::{ArticleChoice, Layout, article_choices, blocking, layout, render, requested_article};
use super::login::LoggedIn;
use super::overview::{ArticleQuery, UnansweredRow, article_filter, unanswered_rows};
use crate::store::{DEFAULT_UNANSWERED_DAYS, unanswered_since, unix_now};
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
    articles: Vec<ArticleChoice>,
    /// The id of the article filtered by (empty: every article).
    article: String,
}

/// The unanswered page of `state` at `now`, of the article `article` (its id; empty or
/// unknown: every article).
fn unanswered_html(state: &WebState, session: &Session, article: &str, now: i64) -> Response {
    let library = state.library();
    let only = requested_article(&library, article);
    let (rows, store_error) = match state.recorder() {
        None => (Vec::new(), texts::WEB_RECORDING_OFF.to_string()),
        Some(recorder) => {
            match recorder.unanswered(
                PAGE_UNANSWERED,
                unanswered_since(now, DEFAULT_UNANSWERED_DAYS),
                article_filter(&library, only),
            ) {
                Ok(questions) => (unanswered_rows(&library, only, &questions), String::new()),
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
            articles: article_choices(&library, only),
            article: only.map(|article| library.id(article).to_string()).unwrap_or_default(),
        },
    )
}

async fn unanswered(
    State(state): State<WebState>,
    LoggedIn(session): LoggedIn,
    Query(query): Query<ArticleQuery>,
) -> Response {
    blocking(move || unanswered_html(&state, &session, &query.article, unix_now()))
        .await
        .unwrap_or_else(|response| response)
}
