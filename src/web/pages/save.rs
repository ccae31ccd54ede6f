//! `POST /save`: saves an edit (the session's CSRF token, the file's hash from the preview),
//! one save at a time, keeping the file's previous version in the history, then returns to
//! the knowledge page or to the question tried (with a link to undo the save).

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;

use super::edit::{change_error, describe, fields_of};
use super::layout::{article_or_latest, blocking, encode, message, see_other};
use super::login::CsrfForm;
use crate::web::WebState;
use crate::web::changes;
use fuer_core::texts;

/// The routes of this page.
pub(super) fn routes() -> Router<WebState> {
    Router::new().route("/save", post(save))
}

/// Saves the edit of the form and redirects, or says why not.
async fn save(State(state): State<WebState>, CsrfForm { session, fields }: CsrfForm) -> Response {
    let fields = fields_of(fields);
    let Some(edit) = fields.edit() else {
        return message(&state, Some(&session), StatusCode::BAD_REQUEST, texts::WEB_BAD_REQUEST);
    };
    let worker = state.clone();
    let hash = fields.hash.clone();
    let library = state.library();
    let index = article_or_latest(&library, &fields.article);
    let article = library.id(index).to_string();
    let what = describe(&edit, library.engine(index).knowledge());
    let saved = {
        let article = article.clone();
        blocking(move || {
            let _one_at_a_time = worker
                .saving()
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            changes::save(
                worker.knowledge_dir(),
                &article,
                &edit,
                &hash,
                &what,
                worker.history(),
                worker.library_swap(),
            )
        })
        .await
    };
    let saved = match saved {
        Ok(Ok(saved)) => saved,
        Ok(Err(error)) => return change_error(&state, &session, &error),
        Err(response) => return response,
    };
    let note = texts::web_saved(&fields.op_file(), &saved.outcome.admin_message());
    let base = state.config().base_path();
    let question = fields.question.trim();
    let version = saved.version;
    if question.is_empty() {
        see_other(&format!(
            "{base}knowledge?saved={}&version={version}&article={}",
            encode(&note),
            encode(&article)
        ))
    } else {
        see_other(&format!(
            "{base}try?q={}&saved={}&version={version}",
            encode(question),
            encode(&note)
        ))
    }
}
