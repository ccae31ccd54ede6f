//! What every page shares: the frame ([`Layout`]), rendering a template, the message page,
//! and small helpers (blocking work off the async workers, redirects, item titles).

use askama::Template;
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

use crate::web::WebState;
use crate::web::auth::Session;
use fuer_core::knowledge::KnowledgeBase;
use fuer_core::library::Library;
use fuer_core::texts;

/// What every page's frame needs.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    /// The path links start with (`/`, or the proxy's prefix).
    pub(super) base: String,
    /// The session's CSRF token; empty when not logged in.
    pub(super) csrf: String,
    /// The current page, for the navigation.
    pub(super) page: &'static str,
}

impl Layout {
    pub(super) fn logged_in(&self) -> bool {
        !self.csrf.is_empty()
    }
}

pub(super) fn render(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            log::error!("web page: cannot render a template: {error}");
            (StatusCode::INTERNAL_SERVER_ERROR, texts::INTERNAL_ERROR.zh).into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "message.html")]
pub(super) struct MessagePage {
    pub(super) layout: Layout,
    pub(super) message: String,
    pub(super) problems: Vec<String>,
}

pub(super) fn message(
    state: &WebState,
    session: Option<&Session>,
    status: StatusCode,
    text: impl Into<String>,
) -> Response {
    render(
        status,
        &MessagePage {
            layout: layout(state, session, ""),
            message: text.into(),
            problems: Vec::new(),
        },
    )
}

/// The frame of `page`, logged in when `session` is.
pub(super) fn layout(state: &WebState, session: Option<&Session>, page: &'static str) -> Layout {
    Layout {
        base: state.config().base_path().to_string(),
        csrf: session
            .map(|session| state.auth().csrf_token(session))
            .unwrap_or_default(),
        page,
    }
}

/// Runs blocking work (SQLite, files, building an engine) off the async workers.
pub(super) async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, Response> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        log::error!("web page: a request failed: {error}");
        (StatusCode::INTERNAL_SERVER_ERROR, texts::INTERNAL_ERROR.zh).into_response()
    })
}

/// A 303 redirect to `location`.
pub(super) fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

/// A query-string value, escaped.
pub(super) fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// The title of item `number` (empty if there is none).
pub(super) fn item_title(knowledge: &KnowledgeBase, number: u8) -> String {
    knowledge
        .item(number)
        .map(|item| item.title.clone())
        .unwrap_or_default()
}

/// Every item's number and title, for the item menus.
pub(super) fn item_choices(knowledge: &KnowledgeBase) -> Vec<(u8, String)> {
    knowledge
        .items
        .iter()
        .map(|item| (item.number, item.title.clone()))
        .collect()
}

/// An article in the page's menus and filters.
#[derive(Debug, Clone)]
pub(super) struct ArticleChoice {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) selected: bool,
}

/// Every article served, latest first, `selected` marking the one at `selected`.
pub(super) fn article_choices(library: &Library, selected: Option<usize>) -> Vec<ArticleChoice> {
    (0..library.engines().len())
        .rev()
        .map(|index| {
            let knowledge = library.engine(index).knowledge();
            ArticleChoice {
                id: knowledge.id.clone(),
                title: knowledge.source.title.clone(),
                selected: selected == Some(index),
            }
        })
        .collect()
}

/// The article a page was asked about (`?article=` its id), if it is served.
pub(super) fn requested_article(library: &Library, id: &str) -> Option<usize> {
    let id = id.trim();
    (!id.is_empty()).then(|| library.index_of(id)).flatten()
}

/// The article an edit or a page is about: the one asked for, else the latest.
pub(super) fn article_or_latest(library: &Library, id: &str) -> usize {
    requested_article(library, id).unwrap_or(library.latest_index())
}
