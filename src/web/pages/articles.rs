//! `GET /articles`: the articles the bot answers from (and the hidden ones), each with a
//! one-click hide (after a confirmation); the form to add an article (paste its text or
//! upload its file). `POST /articles/preview` shows the draft the importer makes of it
//! (items, facts, suggested keywords, the review list) without writing anything;
//! `POST /articles/save` saves it as a new article (validated as `fuer-bot check` would,
//! atomic, reloaded live) and opens its keywords on the knowledge page;
//! `POST /articles/hide` and `POST /articles/show` hide an article or show it again.

use askama::Template;
use axum::Router;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde::Deserialize;

use super::edit::problem_lines;
use super::layout::{Layout, MessagePage, blocking, encode, layout, message, render, see_other};
use super::login::{CsrfForm, LoggedIn};
use crate::import::{ImportError, Prepared, prepare};
use crate::web::WebState;
use crate::web::articles::{self, ArticleError, SaveError, hidden_articles};
use crate::web::auth::Session;
use fuer_core::import::{Draft, MAX_ARTICLE_BYTES, MAX_ITEMS, Refusal, article_text};
use fuer_core::texts;

/// The routes of this page.
pub(super) fn routes() -> Router<WebState> {
    Router::new()
        .route("/articles", get(articles_page))
        .route("/articles/preview", post(import_preview))
        .route("/articles/save", post(import_save))
        .route("/articles/hide", post(hide))
        .route("/articles/show", post(show))
}

/// A served article on the page.
#[derive(Debug, Clone)]
struct ArticleRow {
    id: String,
    title: String,
    year: u16,
    items: usize,
    facts: usize,
    keywords: usize,
}

#[derive(Template)]
#[template(path = "articles.html")]
struct ArticlesPage {
    layout: Layout,
    saved: String,
    served: Vec<ArticleRow>,
    hidden: Vec<String>,
    max_bytes: usize,
}

#[derive(Deserialize)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
}

async fn articles_page(
    State(state): State<WebState>,
    LoggedIn(session): LoggedIn,
    Query(query): Query<SavedQuery>,
) -> Response {
    let worker = state.clone();
    let hidden = blocking(move || hidden_articles(worker.knowledge_dir()))
        .await
        .unwrap_or_default();
    let library = state.library();
    let served = (0..library.engines().len())
        .rev()
        .map(|index| {
            let knowledge = library.engine(index).knowledge();
            ArticleRow {
                id: knowledge.id.clone(),
                title: knowledge.source.title.clone(),
                year: knowledge.year,
                items: knowledge.items.len(),
                facts: knowledge.fact_count(),
                keywords: knowledge.keyword_count(),
            }
        })
        .collect();
    render(
        StatusCode::OK,
        &ArticlesPage {
            layout: layout(&state, Some(&session), "articles"),
            saved: query.saved,
            served,
            hidden,
            max_bytes: MAX_ARTICLE_BYTES,
        },
    )
}

#[derive(Template)]
#[template(path = "import_preview.html")]
struct ImportPreviewPage {
    layout: Layout,
    draft: Draft,
    /// The text, sent again with the save (the draft is made anew from it).
    text: String,
    /// The id the admin asked for (empty: made from the title).
    id: String,
}

/// What the import form sent: the session's CSRF token, the pasted text or an uploaded
/// file (the file wins when both are given), and an optional id.
#[derive(Debug, Default)]
struct ImportForm {
    csrf: String,
    text: String,
    file: Vec<u8>,
    id: String,
}

/// Reads the multipart import form; `None` when the body is not one.
async fn read_import_form(mut multipart: Multipart) -> Option<ImportForm> {
    let mut form = ImportForm::default();
    while let Some(field) = multipart.next_field().await.ok()? {
        let name = field.name().unwrap_or_default().to_string();
        let bytes = field.bytes().await.ok()?;
        match name.as_str() {
            "csrf" => form.csrf = String::from_utf8_lossy(&bytes).into_owned(),
            "text" => form.text = String::from_utf8_lossy(&bytes).into_owned(),
            "id" => form.id = String::from_utf8_lossy(&bytes).trim().to_string(),
            "file" => form.file = bytes.to_vec(),
            _ => {}
        }
    }
    Some(form)
}

/// A refusal of the importer in the page's words.
fn refusal_text(refusal: &Refusal) -> String {
    let text = match refusal {
        Refusal::Empty => texts::WEB_IMPORT_EMPTY.to_string(),
        Refusal::TooLarge { .. } => texts::WEB_IMPORT_TOO_LARGE.to_string(),
        Refusal::NotText => texts::WEB_IMPORT_NOT_TEXT.to_string(),
        Refusal::NoTitle { .. } => texts::WEB_IMPORT_NO_TITLE.to_string(),
        Refusal::NoItems => texts::WEB_IMPORT_NO_ITEMS.to_string(),
        Refusal::ItemWithoutText { number, .. } => texts::web_import_item_without_text(*number),
        Refusal::TooManyItems { count } => texts::web_import_too_many_items(*count, MAX_ITEMS),
        Refusal::NoYear { .. } => texts::WEB_IMPORT_NO_YEAR.to_string(),
        Refusal::NoPlace => texts::WEB_IMPORT_NO_PLACE.to_string(),
        Refusal::BadId { .. } => texts::WEB_IMPORT_BAD_ID.to_string(),
    };
    match refusal.line() {
        Some(line) => texts::web_import_at_line(line, &text),
        None => text,
    }
}

/// The message page of an import that cannot go on.
fn import_error(state: &WebState, session: &Session, error: &ImportError) -> Response {
    let (status, text, problems) = match error {
        ImportError::Refused(refusal) => (StatusCode::BAD_REQUEST, refusal_text(refusal), Vec::new()),
        ImportError::Shared(problems) => (
            StatusCode::CONFLICT,
            texts::WEB_IMPORT_UNREADABLE.to_string(),
            problem_lines(problems),
        ),
        ImportError::Invalid(problems) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            texts::WEB_IMPORT_INVALID.to_string(),
            problem_lines(problems),
        ),
        ImportError::IdTaken { id, .. } => (StatusCode::CONFLICT, texts::web_import_id_taken(id), Vec::new()),
        ImportError::Write(reason) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            texts::web_write_failed(reason),
            Vec::new(),
        ),
    };
    render(
        status,
        &MessagePage {
            layout: layout(state, Some(session), "articles"),
            message: text,
            problems,
        },
    )
}

/// The folder name of an imported article (its id).
fn folder_id(folder: &std::path::Path) -> String {
    folder
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

async fn import_preview(State(state): State<WebState>, LoggedIn(session): LoggedIn, multipart: Multipart) -> Response {
    let Some(form) = read_import_form(multipart).await else {
        return message(&state, Some(&session), StatusCode::BAD_REQUEST, texts::WEB_BAD_REQUEST);
    };
    if !state.auth().check_csrf(&session, &form.csrf) {
        return message(&state, Some(&session), StatusCode::FORBIDDEN, texts::WEB_CSRF_REFUSED);
    }
    let bytes = if form.file.is_empty() {
        form.text.into_bytes()
    } else {
        form.file
    };
    let text = match article_text(&bytes) {
        Ok(text) if text.trim().is_empty() => {
            return import_error(&state, &session, &ImportError::Refused(Refusal::Empty));
        }
        Ok(text) => unix_lines(text),
        Err(refusal) => return import_error(&state, &session, &ImportError::Refused(refusal)),
    };
    let worker = state.clone();
    let id = form.id.clone();
    let prepared = {
        let text = text.clone();
        blocking(move || prepare(&text, worker.knowledge_dir(), (!id.is_empty()).then_some(id.as_str()))).await
    };
    match prepared {
        Ok(Ok(Prepared::Draft { draft, .. })) => render(
            StatusCode::OK,
            &ImportPreviewPage {
                layout: layout(&state, Some(&session), "articles"),
                draft,
                text,
                id: form.id,
            },
        ),
        Ok(Ok(Prepared::AlreadyImported(folder))) => message(
            &state,
            Some(&session),
            StatusCode::OK,
            texts::web_import_already(&folder_id(&folder)),
        ),
        Ok(Err(error)) => import_error(&state, &session, &error),
        Err(response) => response,
    }
}

/// The text with the line ends browsers send (`\r\n`) made Unix ones, as a file has them.
fn unix_lines(text: &str) -> String {
    text.replace("\r\n", "\n")
}

async fn import_save(State(state): State<WebState>, CsrfForm { session, fields }: CsrfForm) -> Response {
    let text = unix_lines(&fields.get("text").cloned().unwrap_or_default());
    let id = fields.get("id").map(|id| id.trim().to_string()).unwrap_or_default();
    let worker = state.clone();
    let saved = blocking(move || {
        let _one_at_a_time = worker
            .saving()
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let id = (!id.is_empty()).then_some(id.as_str());
        articles::save_import(worker.knowledge_dir(), &text, id, worker.library_swap())
    })
    .await;
    match saved {
        Ok(Ok((draft, outcome))) => {
            let note = texts::web_import_saved(&draft.title, &outcome.admin_message());
            see_other(&format!(
                "{}knowledge?saved={}&article={}",
                state.config().base_path(),
                encode(&note),
                encode(&draft.id)
            ))
        }
        Ok(Err(SaveError::Already(folder))) => message(
            &state,
            Some(&session),
            StatusCode::OK,
            texts::web_import_already(&folder_id(&folder)),
        ),
        Ok(Err(SaveError::Import(error))) => import_error(&state, &session, &error),
        Err(response) => response,
    }
}

/// The message page of a refused hide or show.
fn article_error(state: &WebState, session: &Session, error: &ArticleError) -> Response {
    let (status, text, problems) = match error {
        ArticleError::NoSuchArticle => (
            StatusCode::NOT_FOUND,
            texts::WEB_NO_SUCH_ARTICLE.to_string(),
            Vec::new(),
        ),
        ArticleError::LastArticle => (StatusCode::CONFLICT, texts::WEB_LAST_ARTICLE.to_string(), Vec::new()),
        ArticleError::Taken(path) => (StatusCode::CONFLICT, texts::web_write_failed(path), Vec::new()),
        ArticleError::Invalid(problems) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            texts::WEB_INVALID_CHANGE.to_string(),
            problem_lines(problems),
        ),
        ArticleError::Move(reason) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            texts::web_write_failed(reason),
            Vec::new(),
        ),
    };
    render(
        status,
        &MessagePage {
            layout: layout(state, Some(session), "articles"),
            message: text,
            problems,
        },
    )
}

/// Hides or shows the article of the form's `article` field, then returns to the list.
async fn change_article(state: WebState, session: Session, id: String, hide: bool) -> Response {
    let title = state
        .library()
        .index_of(&id)
        .map(|index| state.library().engine(index).knowledge().source.title.clone())
        .unwrap_or_default();
    let worker = state.clone();
    let article = id.clone();
    let changed = blocking(move || {
        let _one_at_a_time = worker
            .saving()
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if hide {
            articles::hide(worker.knowledge_dir(), &article, worker.library_swap())
        } else {
            articles::show(worker.knowledge_dir(), &article, worker.library_swap())
        }
    })
    .await;
    match changed {
        Ok(Ok(outcome)) => {
            let note = if hide {
                texts::web_article_hidden(&title, &outcome.admin_message())
            } else {
                texts::web_article_shown(&id, &outcome.admin_message())
            };
            see_other(&format!(
                "{}articles?saved={}",
                state.config().base_path(),
                encode(&note)
            ))
        }
        Ok(Err(error)) => article_error(&state, &session, &error),
        Err(response) => response,
    }
}

async fn hide(State(state): State<WebState>, CsrfForm { session, fields }: CsrfForm) -> Response {
    let id = fields
        .get("article")
        .map(|id| id.trim().to_string())
        .unwrap_or_default();
    change_article(state, session, id, true).await
}

async fn show(State(state): State<WebState>, CsrfForm { session, fields }: CsrfForm) -> Response {
    let id = fields
        .get("article")
        .map(|id| id.trim().to_string())
        .unwrap_or_default();
    change_article(state, session, id, false).await
}
