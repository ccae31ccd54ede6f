//! `GET /preview?op=…`: what an edit would do before it is saved: its validation, the reply
//! to the admin's question before and after, and the recorded questions whose answer changes.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use super::edit::{EditFields, change_error, describe, fields_of, problem_lines};
use super::layout::{Layout, article_or_latest, blocking, item_choices, layout, message, render};
use super::login::LoggedIn;
use super::try_question::answer_view;
use crate::store::AskedQuestion;
use crate::web::WebState;
use crate::web::auth::Session;
use crate::web::changes::{self, ChangedQuestion, PREVIEW_QUESTIONS, Plan};
use crate::web::view::{ReplyView, outcome_text};
use fuer_core::engine::Status;
use fuer_core::library::Library;
use fuer_core::texts;

/// The routes of this page.
pub(super) fn routes() -> Router<WebState> {
    Router::new().route("/preview", get(preview))
}

/// A changed question for the preview.
#[derive(Debug, Clone)]
struct ChangedRow {
    text: String,
    count: u64,
    before: String,
    after: String,
}

#[derive(Template)]
#[template(path = "preview.html")]
struct PreviewPage {
    layout: Layout,
    fields: EditFields,
    describe: String,
    file_name: String,
    hash: String,
    problems: Vec<String>,
    question: String,
    old_reply: Option<ReplyView>,
    new_reply: Option<ReplyView>,
    old_outcome: String,
    new_outcome: String,
    /// The question was declined (no word of the article) and would be answered: the page
    /// asks the admin to make sure the article answers it.
    newly_answered: bool,
    changed: Vec<ChangedRow>,
    checked: usize,
    items: Vec<(u8, String)>,
}

/// The preview page of an edit, with the most frequent recorded questions to compare.
fn preview_html(state: &WebState, session: &Session, fields: &EditFields, recorded: &[AskedQuestion]) -> Response {
    let Some(edit) = fields.edit() else {
        return message(state, Some(session), StatusCode::BAD_REQUEST, texts::WEB_BAD_REQUEST);
    };
    let library = state.library();
    let article = article_or_latest(&library, &fields.article);
    let mut fields = fields.clone();
    fields.article = library.id(article).to_string();
    let plan: Plan = match changes::plan(state.knowledge_dir(), &fields.article, &edit) {
        Ok(plan) => plan,
        Err(error) => return change_error(state, session, &error),
    };
    let knowledge = library.engine(article).knowledge();
    let question = fields.question.trim().to_string();
    let (old_reply, old_outcome) = if question.is_empty() {
        (None, String::new())
    } else {
        let (reply, outcome, _) = answer_view(&library, &question);
        (Some(reply), outcome)
    };
    let mut newly_answered = false;
    let (problems, new_reply, new_outcome, changed) = match &plan.result {
        Err(problems) => (problem_lines(problems), None, String::new(), Vec::new()),
        Ok(knowledge) => {
            let after = Library::new(knowledge.clone());
            newly_answered = !question.is_empty()
                && library.route(&question).answer.status == Status::Declined
                && after.route(&question).answer.status == Status::Answered;
            let (reply, outcome) = if question.is_empty() {
                (None, String::new())
            } else {
                let (reply, outcome, _) = answer_view(&after, &question);
                (Some(reply), outcome)
            };
            let changed = changes::changed_questions(&library, &after, recorded)
                .into_iter()
                .map(
                    |ChangedQuestion {
                         text,
                         count,
                         before,
                         after,
                     }| ChangedRow {
                        text,
                        count,
                        before: outcome_text(&before),
                        after: outcome_text(&after),
                    },
                )
                .collect();
            (Vec::new(), reply, outcome, changed)
        }
    };
    render(
        StatusCode::OK,
        &PreviewPage {
            layout: layout(state, Some(session), "preview"),
            describe: describe(&edit, knowledge),
            file_name: plan.file_name.clone(),
            hash: plan.hash.clone(),
            problems,
            question,
            old_reply,
            new_reply,
            old_outcome,
            new_outcome,
            newly_answered,
            changed,
            checked: recorded.len(),
            items: item_choices(knowledge),
            fields,
        },
    )
}

/// The recorded questions a preview answers again (none without a question log).
fn recorded_questions(state: &WebState) -> Vec<AskedQuestion> {
    state
        .recorder()
        .and_then(|recorder| {
            recorder
                .frequent_questions(PREVIEW_QUESTIONS)
                .map_err(|error| log::warn!("web page: cannot read the recorded questions: {error}"))
                .ok()
        })
        .unwrap_or_default()
}

async fn preview(
    State(state): State<WebState>,
    LoggedIn(session): LoggedIn,
    Query(fields): Query<HashMap<String, String>>,
) -> Response {
    let fields = fields_of(fields);
    blocking(move || {
        let recorded = recorded_questions(&state);
        preview_html(&state, &session, &fields, &recorded)
    })
    .await
    .unwrap_or_else(|response| response)
}
