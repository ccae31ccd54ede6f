//! `POST /delete`: deletes one recorded question (every record of its wording, in the lists
//! and the summaries; the per-day counts stay), confirmed on the unanswered page, then
//! returns there.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;

use super::layout::{blocking, message, see_other};
use super::login::CsrfForm;
use crate::web::WebState;
use fuer_core::texts;

/// The routes of this page.
pub(super) fn routes() -> Router<WebState> {
    Router::new().route("/delete", post(delete))
}

async fn delete(State(state): State<WebState>, CsrfForm { session, fields }: CsrfForm) -> Response {
    let question = fields
        .get("question")
        .map(|text| text.trim().to_string())
        .unwrap_or_default();
    if question.is_empty() {
        return message(&state, Some(&session), StatusCode::BAD_REQUEST, texts::WEB_BAD_REQUEST);
    }
    let Some(recorder) = state.recorder().cloned() else {
        return message(&state, Some(&session), StatusCode::CONFLICT, texts::WEB_RECORDING_OFF);
    };
    match blocking(move || recorder.delete_wording(&question)).await {
        Ok(Ok(deleted)) => {
            log::info!("web page: deleted {deleted} recorded question(s) of one wording");
            see_other(&format!("{}unanswered", state.config().base_path()))
        }
        Ok(Err(error)) => message(
            &state,
            Some(&session),
            StatusCode::INTERNAL_SERVER_ERROR,
            texts::store_unavailable(&error.to_string()),
        ),
        Err(response) => response,
    }
}
