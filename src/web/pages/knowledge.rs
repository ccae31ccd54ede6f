//! `GET /knowledge?article=`: an article's items (the latest's unless another is asked
//! for), their facts (read-only), keywords and the synonym groups, with the edit forms.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;

use super::layout::{ArticleChoice, Layout, article_choices, article_or_latest, layout, render};
use super::login::LoggedIn;
use crate::web::WebState;
use fuer_core::knowledge::KnowledgeBase;

/// The routes of this page.
pub(super) fn routes() -> Router<WebState> {
    Router::new().route("/knowledge", get(knowledge))
}

#[derive(Template)]
#[template(path = "knowledge.html")]
struct KnowledgePage {
    layout: Layout,
    saved: String,
    version: Option<u64>,
    knowledge: KnowledgeBase,
    articles: Vec<ArticleChoice>,
}

#[derive(Deserialize)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
    /// The article shown (its id; empty or unknown: the latest).
    #[serde(default)]
    article: String,
    /// The save just done (in the history), for the link to undo it.
    #[serde(default)]
    version: Option<u64>,
}

async fn knowledge(
    State(state): State<WebState>,
    LoggedIn(session): LoggedIn,
    Query(query): Query<SavedQuery>,
) -> Response {
    let library = state.library();
    let article = article_or_latest(&library, &query.article);
    render(
        StatusCode::OK,
        &KnowledgePage {
            layout: layout(&state, Some(&session), "knowledge"),
            saved: query.saved,
            version: query.version,
            knowledge: library.engine(article).knowledge().clone(),
            articles: article_choices(&library, Some(article)),
        },
    )
}
