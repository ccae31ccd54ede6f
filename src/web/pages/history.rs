//! The history of the page's saves: `GET /history` lists them (newest first, the last 50),
//! `GET /history/{id}` shows what one changed, line by line, and `POST /undo` (the CSRF
//! token, after a confirmation) puts the file back as it was before that save — validated
//! and reloaded like a save, and kept in the history like one.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};

use super::edit::change_error;
use super::layout::{Layout, blocking, encode, layout, message, render, see_other};
use super::login::{CsrfForm, LoggedIn};
use crate::store::time::format_local_time;
use crate::web::WebState;
use crate::web::auth::Session;
use crate::web::changes::{self, ChangeError};
use crate::web::history::{DiffLine, KEPT_VERSIONS, Version, diff};
use fuer_core::texts;

/// The routes of this page.
pub(super) fn routes() -> Router<WebState> {
    Router::new()
        .route("/history", get(history))
        .route("/history/{id}", get(version))
        .route("/undo", post(undo))
}

/// A save as the page shows it.
#[derive(Debug, Clone)]
struct VersionRow {
    id: u64,
    time: String,
    what: String,
    file: String,
    undoes: Option<u64>,
    /// The file is still as this save left it, so it can be undone.
    undoable: bool,
}

impl VersionRow {
    fn of(version: &Version, undoable: bool) -> VersionRow {
        VersionRow {
            id: version.id,
            time: format_local_time(version.time),
            what: version.what.clone(),
            file: version.file.clone(),
            undoes: version.undoes,
            undoable,
        }
    }
}

#[derive(Template)]
#[template(path = "history.html")]
struct HistoryPage {
    layout: Layout,
    kept: usize,
    /// The note after an undo, and the undo's own version.
    saved: String,
    version: Option<u64>,
    error: String,
    versions: Vec<VersionRow>,
}

#[derive(Template)]
#[template(path = "version.html")]
struct VersionPage {
    layout: Layout,
    row: VersionRow,
    lines: Vec<DiffLine>,
}

fn history_html(state: &WebState, session: &Session, query: &HashMap<String, String>) -> Response {
    let (versions, error) = match state.history().list() {
        Ok(versions) => (versions, String::new()),
        Err(error) => {
            log::warn!("web page: {error}");
            (Vec::new(), texts::web_history_unreadable(&error.to_string()))
        }
    };
    // A save can be undone while its file is still as it left it (the newest of its file).
    let rows = versions
        .iter()
        .map(|version| VersionRow::of(version, changes::undoable(state.knowledge_dir(), version)))
        .collect();
    render(
        StatusCode::OK,
        &HistoryPage {
            layout: layout(state, Some(session), "history"),
            kept: KEPT_VERSIONS,
            saved: query.get("saved").cloned().unwrap_or_default(),
            version: query.get("version").and_then(|id| id.parse().ok()),
            error,
            versions: rows,
        },
    )
}

async fn history(
    State(state): State<WebState>,
    LoggedIn(session): LoggedIn,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    blocking(move || history_html(&state, &session, &query))
        .await
        .unwrap_or_else(|response| response)
}

fn version_html(state: &WebState, session: &Session, id: &str) -> Response {
    let Some(id) = parse_id(id) else {
        return message(state, Some(session), StatusCode::NOT_FOUND, texts::WEB_NO_SUCH_VERSION);
    };
    let version = match state.history().get(id) {
        Ok(Some(version)) => version,
        Ok(None) => return message(state, Some(session), StatusCode::NOT_FOUND, texts::WEB_NO_SUCH_VERSION),
        Err(error) => return change_error(state, session, &ChangeError::History(error.to_string())),
    };
    render(
        StatusCode::OK,
        &VersionPage {
            layout: layout(state, Some(session), "history"),
            row: VersionRow::of(&version, changes::undoable(state.knowledge_dir(), &version)),
            lines: diff(&version.before, &version.after),
        },
    )
}

async fn version(State(state): State<WebState>, LoggedIn(session): LoggedIn, Path(id): Path<String>) -> Response {
    blocking(move || version_html(&state, &session, &id))
        .await
        .unwrap_or_else(|response| response)
}

/// A version number as the page writes it: digits only.
fn parse_id(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty() || text.len() > 12 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Undoes the save of the form's `version`, then returns to the history with a note.
async fn undo(State(state): State<WebState>, CsrfForm { session, fields }: CsrfForm) -> Response {
    let Some(id) = fields.get("version").and_then(|id| parse_id(id)) else {
        return message(&state, Some(&session), StatusCode::BAD_REQUEST, texts::WEB_BAD_REQUEST);
    };
    let worker = state.clone();
    let undone = blocking(move || {
        let _one_at_a_time = worker
            .saving()
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let file = worker.history().get(id).ok().flatten().map(|version| version.file);
        changes::undo(worker.knowledge_dir(), worker.history(), id, worker.library_swap())
            .map(|saved| (saved, file.unwrap_or_default()))
    })
    .await;
    let (saved, file) = match undone {
        Ok(Ok(done)) => done,
        Ok(Err(error)) => return change_error(&state, &session, &error),
        Err(response) => return response,
    };
    let note = texts::web_undone(&file, &saved.outcome.admin_message());
    see_other(&format!(
        "{}history?saved={}&version={}",
        state.config().base_path(),
        encode(&note),
        saved.version
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_numbers_from_the_page_are_digits_only() {
        // (text, number)
        for (text, id) in [
            ("7", Some(7)),
            (" 12 ", Some(12)),
            ("", None),
            ("-1", None),
            ("1e3", None),
            ("../1", None),
            ("9999999999999", None),
        ] {
            assert_eq!(parse_id(text), id, "{text:?}");
        }
    }
}
