//! `GET /`: questions per day (chart), the shares of answered, related and declined, the
//! most asked items and the most frequent unanswered questions.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use super::layout::{Layout, blocking, item_title, layout, render};
use super::login::LoggedIn;
use crate::store::{
    ArticleFilter, DEFAULT_UNANSWERED_DAYS, ItemCount, Overview, RecordLang, UnansweredQuestion, format_local_time,
    unanswered_since, unix_now,
};
use crate::web::WebState;
use crate::web::auth::Session;
use crate::web::changes;
use crate::web::view::{Chart, outcome_text};
use fuer_core::engine::Engine;
use fuer_core::texts;

/// The routes of this page.
pub(super) fn routes() -> Router<WebState> {
    Router::new().route("/", get(overview))
}

/// Unanswered questions on the overview.
const OVERVIEW_UNANSWERED: usize = 10;
/// Items on the overview.
const TOP_ITEMS: usize = 10;

/// An item with its title.
#[derive(Debug, Clone)]
struct ItemRow {
    number: u8,
    title: String,
    count: u64,
    percent: String,
}

/// The questions replied to in one language.
#[derive(Debug, Clone)]
struct LangRow {
    name: &'static str,
    count: u64,
    percent: String,
}

/// A frequent unanswered question, with the engine's current view of it.
#[derive(Debug, Clone)]
pub(super) struct UnansweredRow {
    pub(super) text: String,
    pub(super) count: u64,
    pub(super) declined: u64,
    pub(super) related: u64,
    pub(super) low_confidence: u64,
    pub(super) last_asked: String,
    /// How the bot answers it now.
    pub(super) now: String,
    /// The engine's best guess of its item (0: none).
    pub(super) guess: u8,
    pub(super) keyword: String,
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
    languages: Vec<LangRow>,
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

/// The rows of `questions`, each with how the engine answers it now and a keyword to try.
pub(super) fn unanswered_rows(engine: &Engine, questions: &[UnansweredQuestion]) -> Vec<UnansweredRow> {
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

/// The overview page of `state` at `now`.
fn overview_html(state: &WebState, session: &Session, now: i64) -> Response {
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
    let languages = RecordLang::ALL
        .into_iter()
        .map(|lang| {
            let count = totals
                .languages
                .iter()
                .find(|entry| entry.lang == lang)
                .map_or(0, |entry| entry.count);
            LangRow {
                name: texts::web_lang_name(lang.as_str()),
                count,
                percent: percent(count, totals.questions),
            }
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
            languages,
            unanswered: unanswered_rows(&engine, &unanswered),
            knowledge: texts::reload_done(knowledge.items.len(), knowledge.fact_count(), knowledge.keyword_count()),
        },
    )
}

async fn overview(State(state): State<WebState>, LoggedIn(session): LoggedIn) -> Response {
    blocking(move || overview_html(&state, &session, unix_now()))
        .await
        .unwrap_or_else(|response| response)
}
