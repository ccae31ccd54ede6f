//! The routes of the admin web page and their templates.
//!
//! | route | what |
//! |---|---|
//! | `GET /login?token=` | checks a login link and asks to confirm (a link preview cannot use it up) |
//! | `POST /login` | uses the token up and sets the session cookie |
//! | `POST /logout` | ends the session |
//! | `GET /` | overview: questions per day (chart), shares, most asked items, most frequent unanswered |
//! | `GET /unanswered` | frequent unanswered questions, each with the engine's guess and a keyword form |
//! | `GET /try?q=` | a question's reply as the bot sends it, and the trace |
//! | `GET /knowledge` | items, facts (read-only), keywords and synonym groups, with edit forms |
//! | `GET /preview?op=…` | what an edit would do: validation, the new reply, the changed questions |
//! | `POST /save` | saves an edit (CSRF token, the file's hash from the preview) |
//!
//! Every page but the login needs the session cookie; every POST but the login needs the
//! session's CSRF token. Responses are never cached, and the login token never leaves
//! in a `Referer`.

use std::collections::HashMap;
use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, COOKIE, LOCATION, REFERRER_POLICY, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::WebState;
use super::auth::{LoginError, Session};
use super::changes::{self, ChangeError, ChangedQuestion, PREVIEW_QUESTIONS, Plan};
use super::view::{Chart, ReplyView, outcome_text};
use crate::console::respond_to_line;
use crate::store::{
    ArticleFilter, AskedQuestion, DEFAULT_UNANSWERED_DAYS, ItemCount, Overview, UnansweredQuestion, format_local_time,
    unanswered_since, unix_now,
};
use fuer_core::engine::Engine;
use fuer_core::knowledge::edit::{Edit, EditError};
use fuer_core::knowledge::{KnowledgeBase, Problem};
use fuer_core::texts;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "fuer_session";
/// Unanswered questions on the overview and on their own page.
const OVERVIEW_UNANSWERED: usize = 10;
const PAGE_UNANSWERED: usize = 30;
const TOP_ITEMS: usize = 10;

/// The page's router.
pub fn router(state: WebState) -> Router {
    Router::new()
        .route("/", get(overview))
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/unanswered", get(unanswered))
        .route("/try", get(try_question))
        .route("/knowledge", get(knowledge))
        .route("/preview", get(preview))
        .route("/save", post(save))
        .fallback(not_found)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    response
}

/// What every page's frame needs.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The path links start with (`/`, or the proxy's prefix).
    pub base: String,
    /// The session's CSRF token; empty when not logged in.
    pub csrf: String,
    /// The current page, for the navigation.
    pub page: &'static str,
}

impl Layout {
    fn logged_in(&self) -> bool {
        !self.csrf.is_empty()
    }
}

fn render(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            log::error!("web page: cannot render a template: {error}");
            (StatusCode::INTERNAL_SERVER_ERROR, texts::INTERNAL_ERROR).into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    layout: Layout,
    message: String,
    problems: Vec<String>,
}

fn message(state: &WebState, session: Option<&Session>, status: StatusCode, text: impl Into<String>) -> Response {
    render(
        status,
        &MessagePage {
            layout: layout(state, session, ""),
            message: text.into(),
            problems: Vec::new(),
        },
    )
}

fn layout(state: &WebState, session: Option<&Session>, page: &'static str) -> Layout {
    Layout {
        base: state.config().base_path().to_string(),
        csrf: session
            .map(|session| state.auth().csrf_token(session))
            .unwrap_or_default(),
        page,
    }
}

fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// The session of the request, if its cookie is valid.
fn session(state: &WebState, headers: &HeaderMap) -> Option<Session> {
    cookie_value(headers, SESSION_COOKIE).and_then(|value| state.auth().session(value, unix_now()))
}

/// The session, or the "please log in" page (401).
#[allow(clippy::result_large_err)]
fn require_session(state: &WebState, headers: &HeaderMap) -> Result<Session, Response> {
    session(state, headers).ok_or_else(|| message(state, None, StatusCode::UNAUTHORIZED, texts::WEB_NOT_LOGGED_IN))
}

/// Runs blocking work (SQLite, files, building an engine) off the async workers.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, Response> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        log::error!("web page: a request failed: {error}");
        (StatusCode::INTERNAL_SERVER_ERROR, texts::INTERNAL_ERROR).into_response()
    })
}

fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

/// A query-string value, escaped.
fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

async fn not_found(State(state): State<WebState>, headers: HeaderMap) -> Response {
    let session = session(&state, &headers);
    message(&state, session.as_ref(), StatusCode::NOT_FOUND, texts::WEB_BAD_REQUEST)
}

// ---------------------------------------------------------------- login and logout

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    token: String,
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    token: String,
}

fn login_error_text(error: LoginError) -> &'static str {
    match error {
        LoginError::Invalid => texts::WEB_LOGIN_INVALID,
        LoginError::Expired => texts::WEB_LOGIN_EXPIRED,
        LoginError::Used => texts::WEB_LOGIN_USED,
    }
}

/// A refused token: answered after a delay that grows with recent bad tokens.
async fn refuse_login(state: &WebState, error: LoginError) -> Response {
    let delay: Duration = state.auth().failure_delay(unix_now());
    log::warn!("web page: login token refused ({error:?}); answering in {delay:?}");
    tokio::time::sleep(delay).await;
    message(state, None, StatusCode::FORBIDDEN, login_error_text(error))
}

async fn login_page(State(state): State<WebState>, Query(form): Query<TokenForm>) -> Response {
    match state.auth().check_login(&form.token, unix_now()) {
        Ok(()) => render(
            StatusCode::OK,
            &LoginPage {
                layout: layout(&state, None, "login"),
                token: form.token,
            },
        ),
        Err(error) => refuse_login(&state, error).await,
    }
}

fn cookie(state: &WebState, value: &str, max_age: i64) -> String {
    format!(
        "{SESSION_COOKIE}={value}; Path={}; Max-Age={max_age}; HttpOnly; SameSite=Strict{}",
        state.config().base_path(),
        if state.config().secure() { "; Secure" } else { "" }
    )
}

async fn login(State(state): State<WebState>, Form(form): Form<TokenForm>) -> Response {
    let now = unix_now();
    match state.auth().log_in(&form.token, now) {
        Ok(session) => {
            log::info!("web page: an admin logged in");
            let mut response = see_other(state.config().base_path());
            let value = cookie(&state, &state.auth().session_cookie(&session), session.expires - now);
            if let Ok(value) = HeaderValue::from_str(&value) {
                response.headers_mut().insert(SET_COOKIE, value);
            }
            response
        }
        Err(error) => refuse_login(&state, error).await,
    }
}

#[derive(Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// The session and a valid CSRF token, or the refusal (401 / 403).
#[allow(clippy::result_large_err)]
fn require_csrf(state: &WebState, headers: &HeaderMap, csrf: &str) -> Result<Session, Response> {
    let session = require_session(state, headers)?;
    if !state.auth().check_csrf(&session, csrf) {
        log::warn!("web page: a POST without a valid CSRF token was refused");
        return Err(message(
            state,
            Some(&session),
            StatusCode::FORBIDDEN,
            texts::WEB_CSRF_REFUSED,
        ));
    }
    Ok(session)
}

async fn logout(State(state): State<WebState>, headers: HeaderMap, Form(form): Form<CsrfForm>) -> Response {
    let session = match require_csrf(&state, &headers, &form.csrf) {
        Ok(session) => session,
        Err(response) => return response,
    };
    state.auth().end_session(&session, unix_now());
    let mut response = message(&state, None, StatusCode::OK, texts::WEB_LOGGED_OUT);
    if let Ok(value) = HeaderValue::from_str(&cookie(&state, "", 0)) {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    response
}

// ---------------------------------------------------------------- overview

/// An item with its title.
#[derive(Debug, Clone)]
struct ItemRow {
    number: u8,
    title: String,
    count: u64,
    percent: String,
}

/// A frequent unanswered question, with the engine's current view of it.
#[derive(Debug, Clone)]
struct UnansweredRow {
    text: String,
    count: u64,
    declined: u64,
    related: u64,
    low_confidence: u64,
    last_asked: String,
    /// How the bot answers it now.
    now: String,
    /// The engine's best guess of its item (0: none).
    guess: u8,
    keyword: String,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct OverviewPage {
    layout: Layout,
    days: u32,
    recording: bool,
    store_error: String,
    chart: Chart,
    questions: u64,
    answered: u64,
    related: u64,
    declined: u64,
    low_confidence: u64,
    answered_percent: String,
    related_percent: String,
    declined_percent: String,
    items: Vec<ItemRow>,
    unanswered: Vec<UnansweredRow>,
    knowledge: String,
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "—".to_string()
    } else {
        format!("{:.0}%", part as f64 * 100.0 / whole as f64)
    }
}

fn item_title(knowledge: &KnowledgeBase, number: u8) -> String {
    knowledge
        .item(number)
        .map(|item| item.title.clone())
        .unwrap_or_default()
}

fn unanswered_rows(engine: &Engine, questions: &[UnansweredQuestion]) -> Vec<UnansweredRow> {
    let suggester = changes::KeywordSuggester::new(engine.knowledge());
    questions
        .iter()
        .map(|question| {
            let answer = engine.answer(&question.text);
            let guess = answer.item.or_else(|| answer.suggestions.first().copied());
            UnansweredRow {
                text: question.text.clone(),
                count: question.count,
                declined: question.declined,
                related: question.related,
                low_confidence: question.low_confidence(),
                last_asked: format_local_time(question.last_asked),
                now: outcome_text(&changes::Outcome::of(&answer)),
                guess: guess.unwrap_or(0),
                keyword: suggester.suggest(&question.text),
            }
        })
        .collect()
}

/// Reads the overview (or says why not).
fn read_overview(state: &WebState, now: i64) -> Result<(Overview, Vec<UnansweredQuestion>), String> {
    let Some(recorder) = state.recorder() else {
        return Err(texts::WEB_RECORDING_OFF.to_string());
    };
    let overview = recorder
        .overview(now, DEFAULT_UNANSWERED_DAYS, TOP_ITEMS, ArticleFilter::All)
        .map_err(|error| texts::store_unavailable(&error.to_string()))?;
    let unanswered = recorder
        .unanswered(
            OVERVIEW_UNANSWERED,
            unanswered_since(now, DEFAULT_UNANSWERED_DAYS),
            ArticleFilter::All,
        )
        .map_err(|error| texts::store_unavailable(&error.to_string()))?;
    Ok((overview, unanswered))
}

/// The overview page of `state` at `now` (also used by the benchmark).
pub fn overview_html(state: &WebState, session: &Session, now: i64) -> Response {
    let engine = state.engine();
    let knowledge = engine.knowledge();
    let (overview, unanswered, store_error) = match read_overview(state, now) {
        Ok((overview, unanswered)) => (Some(overview), unanswered, String::new()),
        Err(error) => (None, Vec::new(), error),
    };
    let days = overview.as_ref().map(|o| o.days.clone()).unwrap_or_default();
    let totals = overview.map(|o| o.totals).unwrap_or_default();
    let items = totals
        .top_items
        .iter()
        .map(|&ItemCount { item, count }| ItemRow {
            number: item,
            title: item_title(knowledge, item),
            count,
            percent: percent(count, totals.questions),
        })
        .collect();
    render(
        StatusCode::OK,
        &OverviewPage {
            layout: layout(state, Some(session), "overview"),
            days: DEFAULT_UNANSWERED_DAYS,
            recording: store_error.is_empty(),
            store_error,
            chart: Chart::of(&days),
            questions: totals.questions,
            answered: totals.answered,
            related: totals.related,
            declined: totals.declined,
            low_confidence: totals.low_confidence,
            answered_percent: percent(totals.answered, totals.questions),
            related_percent: percent(totals.related, totals.questions),
            declined_percent: percent(totals.declined, totals.questions),
            items,
            unanswered: unanswered_rows(&engine, &unanswered),
            knowledge: texts::reload_done(knowledge.items.len(), knowledge.fact_count(), knowledge.keyword_count()),
        },
    )
}

async fn overview(State(state): State<WebState>, headers: HeaderMap) -> Response {
    let session = match require_session(&state, &headers) {
        Ok(session) => session,
        Err(response) => return response,
    };
    blocking(move || overview_html(&state, &session, unix_now()))
        .await
        .unwrap_or_else(|response| response)
}

// ---------------------------------------------------------------- unanswered

#[derive(Template)]
#[template(path = "unanswered.html")]
struct UnansweredPage {
    layout: Layout,
    days: u32,
    store_error: String,
    rows: Vec<UnansweredRow>,
    items: Vec<(u8, String)>,
}

fn item_choices(knowledge: &KnowledgeBase) -> Vec<(u8, String)> {
    knowledge
        .items
        .iter()
        .map(|item| (item.number, item.title.clone()))
        .collect()
}

/// The unanswered page of `state` at `now` (also used by the benchmark).
pub fn unanswered_html(state: &WebState, session: &Session, now: i64) -> Response {
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

async fn unanswered(State(state): State<WebState>, headers: HeaderMap) -> Response {
    let session = match require_session(&state, &headers) {
        Ok(session) => session,
        Err(response) => return response,
    };
    blocking(move || unanswered_html(&state, &session, unix_now()))
        .await
        .unwrap_or_else(|response| response)
}

// ---------------------------------------------------------------- try a question

#[derive(Deserialize)]
struct TryQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    saved: String,
}

#[derive(Template)]
#[template(path = "try.html")]
struct TryPage {
    layout: Layout,
    question: String,
    saved: String,
    reply: Option<ReplyView>,
    outcome: String,
    trace: Vec<String>,
}

/// The reply the bot sends to `question` (commands included), its outcome and the trace.
fn answer_view(engine: &Engine, question: &str) -> (ReplyView, String, Vec<String>) {
    let response = respond_to_line(engine, question);
    let outcome = response
        .answer
        .as_ref()
        .map(|answer| outcome_text(&changes::Outcome::of(answer)))
        .unwrap_or_default();
    let trace = if response.answer.is_some() && !question.trim_start().starts_with('/') {
        engine.answer_traced(question).1.lines
    } else {
        Vec::new()
    };
    (ReplyView::of(&response.reply), outcome, trace)
}

async fn try_question(State(state): State<WebState>, headers: HeaderMap, Query(query): Query<TryQuery>) -> Response {
    let session = match require_session(&state, &headers) {
        Ok(session) => session,
        Err(response) => return response,
    };
    let engine = state.engine();
    let question = query.q.trim().to_string();
    let (reply, outcome, trace) = if question.is_empty() {
        (None, String::new(), Vec::new())
    } else {
        let (reply, outcome, trace) = answer_view(&engine, &question);
        (Some(reply), outcome, trace)
    };
    render(
        StatusCode::OK,
        &TryPage {
            layout: layout(&state, Some(&session), "try"),
            question,
            saved: query.saved,
            reply,
            outcome,
            trace,
        },
    )
}

// ---------------------------------------------------------------- knowledge

#[derive(Template)]
#[template(path = "knowledge.html")]
struct KnowledgePage {
    layout: Layout,
    saved: String,
    knowledge: KnowledgeBase,
}

#[derive(Deserialize)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
}

async fn knowledge(State(state): State<WebState>, headers: HeaderMap, Query(query): Query<SavedQuery>) -> Response {
    let session = match require_session(&state, &headers) {
        Ok(session) => session,
        Err(response) => return response,
    };
    render(
        StatusCode::OK,
        &KnowledgePage {
            layout: layout(&state, Some(&session), "knowledge"),
            saved: query.saved,
            knowledge: state.engine().knowledge().clone(),
        },
    )
}

// ---------------------------------------------------------------- preview and save

/// The fields of an edit, as the forms send them (query string or form body).
#[derive(Debug, Clone, Default)]
pub struct EditFields {
    pub op: String,
    pub item: String,
    pub keyword: String,
    pub group: String,
    pub word: String,
    pub words: String,
    pub question: String,
    pub hash: String,
    pub csrf: String,
}

impl EditFields {
    /// The edit, if the fields make one (numbers are parsed strictly: nothing else gets
    /// through to the files).
    fn edit(&self) -> Option<Edit> {
        let item = || self.item.trim().parse::<u8>().ok().filter(|item| *item > 0);
        let group = || self.group.trim().parse::<usize>().ok();
        Some(match self.op.as_str() {
            "add_keyword" => Edit::AddKeyword {
                item: item()?,
                keyword: self.keyword.clone(),
            },
            "remove_keyword" => Edit::RemoveKeyword {
                item: item()?,
                keyword: self.keyword.clone(),
            },
            "add_synonym" => Edit::AddSynonym {
                group: group()?,
                word: self.word.clone(),
            },
            "remove_synonym" => Edit::RemoveSynonym {
                group: group()?,
                word: self.word.clone(),
            },
            "add_group" => Edit::AddGroup {
                words: self
                    .words
                    .split([',', '，', '、', ' ', '\n'])
                    .map(str::trim)
                    .filter(|word| !word.is_empty())
                    .map(String::from)
                    .collect(),
            },
            "remove_group" => Edit::RemoveGroup { group: group()? },
            _ => return None,
        })
    }
}

fn problem_lines(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

fn change_error_text(error: &ChangeError) -> (StatusCode, String, Vec<String>) {
    match error {
        ChangeError::Edit(EditError::Empty) => (StatusCode::BAD_REQUEST, texts::WEB_WORD_EMPTY.to_string(), vec![]),
        ChangeError::Edit(EditError::TooLong) => {
            (StatusCode::BAD_REQUEST, texts::WEB_WORD_TOO_LONG.to_string(), vec![])
        }
        ChangeError::Edit(EditError::BadCharacter) => (
            StatusCode::BAD_REQUEST,
            texts::WEB_WORD_BAD_CHARACTER.to_string(),
            vec![],
        ),
        ChangeError::Edit(EditError::Syntax(message)) => {
            (StatusCode::CONFLICT, texts::web_file_syntax(message), vec![])
        }
        ChangeError::Edit(EditError::NotAList) => (StatusCode::CONFLICT, texts::WEB_NOT_A_LIST.to_string(), vec![]),
        ChangeError::Edit(EditError::NotFound) => (StatusCode::NOT_FOUND, texts::WEB_NOT_FOUND.to_string(), vec![]),
        ChangeError::NoSuchItem(item) => (StatusCode::NOT_FOUND, texts::web_no_such_item(*item), vec![]),
        ChangeError::Unreadable(problems) => (
            StatusCode::CONFLICT,
            texts::WEB_UNREADABLE.to_string(),
            problem_lines(problems),
        ),
        ChangeError::Changed => (StatusCode::CONFLICT, texts::WEB_FILE_CHANGED.to_string(), vec![]),
        ChangeError::Invalid(problems) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            texts::WEB_INVALID_CHANGE.to_string(),
            problem_lines(problems),
        ),
        ChangeError::Write(reason) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            texts::web_write_failed(reason),
            vec![],
        ),
    }
}

fn change_error(state: &WebState, session: &Session, error: &ChangeError) -> Response {
    let (status, text, problems) = change_error_text(error);
    render(
        status,
        &MessagePage {
            layout: layout(state, Some(session), ""),
            message: text,
            problems,
        },
    )
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
    changed: Vec<ChangedRow>,
    checked: usize,
    items: Vec<(u8, String)>,
}

/// What an edit does, in words (for the preview's heading).
fn describe(edit: &Edit, knowledge: &KnowledgeBase) -> String {
    let group_words = |group: usize| {
        knowledge
            .synonym_groups
            .get(group)
            .map(|words| words.join("、"))
            .unwrap_or_default()
    };
    match edit {
        Edit::AddKeyword { item, keyword } => {
            texts::web_add_keyword(*item, &item_title(knowledge, *item), keyword.trim())
        }
        Edit::RemoveKeyword { item, keyword } => {
            texts::web_remove_keyword(*item, &item_title(knowledge, *item), keyword.trim())
        }
        Edit::AddSynonym { group, word } => texts::web_add_synonym(&group_words(*group), word.trim()),
        Edit::RemoveSynonym { group, word } => texts::web_remove_synonym(&group_words(*group), word.trim()),
        Edit::AddGroup { words } => texts::web_add_group(&words.join("、")),
        Edit::RemoveGroup { group } => texts::web_remove_group(&group_words(*group)),
    }
}

/// The preview page of an edit, with the most frequent recorded questions to compare.
pub fn preview_html(state: &WebState, session: &Session, fields: &EditFields, recorded: &[AskedQuestion]) -> Response {
    let Some(edit) = fields.edit() else {
        return message(state, Some(session), StatusCode::BAD_REQUEST, texts::WEB_BAD_REQUEST);
    };
    let plan: Plan = match changes::plan(state.knowledge_dir(), &edit) {
        Ok(plan) => plan,
        Err(error) => return change_error(state, session, &error),
    };
    let engine = state.engine();
    let question = fields.question.trim().to_string();
    let (old_reply, old_outcome) = if question.is_empty() {
        (None, String::new())
    } else {
        let (reply, outcome, _) = answer_view(&engine, &question);
        (Some(reply), outcome)
    };
    let (problems, new_reply, new_outcome, changed) = match &plan.result {
        Err(problems) => (problem_lines(problems), None, String::new(), Vec::new()),
        Ok(knowledge) => {
            let after = Engine::new(knowledge.clone());
            let (reply, outcome) = if question.is_empty() {
                (None, String::new())
            } else {
                let (reply, outcome, _) = answer_view(&after, &question);
                (Some(reply), outcome)
            };
            let changed = changes::changed_questions(&engine, &after, recorded)
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
            fields: fields.clone(),
            describe: describe(&edit, engine.knowledge()),
            file_name: plan.file_name.clone(),
            hash: plan.hash.clone(),
            problems,
            question,
            old_reply,
            new_reply,
            old_outcome,
            new_outcome,
            changed,
            checked: recorded.len(),
            items: item_choices(engine.knowledge()),
        },
    )
}

/// The recorded questions a preview answers again (none without a question log).
pub fn recorded_questions(state: &WebState) -> Vec<AskedQuestion> {
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
    headers: HeaderMap,
    Query(fields): Query<HashMap<String, String>>,
) -> Response {
    let session = match require_session(&state, &headers) {
        Ok(session) => session,
        Err(response) => return response,
    };
    let fields = fields_of(fields);
    blocking(move || {
        let recorded = recorded_questions(&state);
        preview_html(&state, &session, &fields, &recorded)
    })
    .await
    .unwrap_or_else(|response| response)
}

/// The edit fields from a map (serde's `Query` of a struct with defaults would do, but a
/// map accepts repeated or unknown fields without a 400 from axum).
pub fn fields_of(map: HashMap<String, String>) -> EditFields {
    let get = |name: &str| map.get(name).cloned().unwrap_or_default();
    EditFields {
        op: get("op"),
        item: get("item"),
        keyword: get("keyword"),
        group: get("group"),
        word: get("word"),
        words: get("words"),
        question: get("question"),
        hash: get("hash"),
        csrf: get("csrf"),
    }
}

async fn save(
    State(state): State<WebState>,
    headers: HeaderMap,
    Form(fields): Form<HashMap<String, String>>,
) -> Response {
    let fields = fields_of(fields);
    let session = match require_csrf(&state, &headers, &fields.csrf) {
        Ok(session) => session,
        Err(response) => return response,
    };
    let Some(edit) = fields.edit() else {
        return message(&state, Some(&session), StatusCode::BAD_REQUEST, texts::WEB_BAD_REQUEST);
    };
    let worker = state.clone();
    let hash = fields.hash.clone();
    let saved = blocking(move || {
        let _one_at_a_time = worker
            .saving()
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        changes::save(worker.knowledge_dir(), &edit, &hash, worker.engine_swap())
    })
    .await;
    let outcome = match saved {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(error)) => return change_error(&state, &session, &error),
        Err(response) => return response,
    };
    let note = texts::web_saved(&fields.op_file(), &outcome.admin_message());
    let base = state.config().base_path();
    let question = fields.question.trim();
    if question.is_empty() {
        see_other(&format!("{base}knowledge?saved={}", encode(&note)))
    } else {
        see_other(&format!("{base}try?q={}&saved={}", encode(question), encode(&note)))
    }
}

impl EditFields {
    /// What was saved, for the note after a save: the item or the synonyms.
    fn op_file(&self) -> String {
        match self.item.trim().parse::<u8>() {
            Ok(item) if self.op.ends_with("keyword") => texts::web_item(item),
            _ => fuer_core::knowledge::SYNONYMS_FILE_NAME.to_string(),
        }
    }
}
