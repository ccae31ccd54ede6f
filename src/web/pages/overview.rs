//! `GET /`: questions per day (chart), the shares of answered, related and declined, the
//! most asked items and the most frequent unanswered questions.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use super::layout::{
    ArticleChoice, Layout, article_choices, blocking, item_choices, item_title, layout, render, requested_article,
};
use super::login::LoggedIn;
use crate::store::{
    ArticleFilter, DEFAULT_UNANSWERED_DAYS, ItemCount, Overview, RecordLang, UnansweredQuestion, format_local_time,
    unanswered_since, unix_now,
};
use crate::web::WebState;
use crate::web::auth::Session;
use crate::web::changes;
use crate::web::view::{Chart, outcome_text};
use fuer_core::library::Library;
use fuer_core::texts;
use serde::Deserialize;

/// `?article=`: the article a page is filtered by (none or unknown: every article).
#[derive(Debug, Default, Deserialize)]
pub(super) struct ArticleQuery {
    #[serde(default)]
    pub(super) article: String,
}

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
    /// The id of the article the question goes to (the filter's, or where the bot routes it).
    pub(super) article: String,
    /// That article's items, for the keyword form.
    pub(super) items: Vec<(u8, String)>,
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
    articles: Vec<ArticleChoice>,
    /// The id of the article filtered by (empty: every article).
    article: String,
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "—".to_string()
    } else {
        format!("{:.0}%", part as f64 * 100.0 / whole as f64)
    }
}

/// The rows of `questions`, each with how the bot answers it now (in the article `only`, or
/// where the library routes it) and a keyword to try.
pub(super) fn unanswered_rows(
    library: &Library,
    only: Option<usize>,
    questions: &[UnansweredQuestion],
) -> Vec<UnansweredRow> {
    let suggesters: Vec<changes::KeywordSuggester> = library
        .engines()
        .iter()
        .map(|engine| changes::KeywordSuggester::new(engine.knowledge()))
        .collect();
    questions
        .iter()
        .map(|question| {
            let routed = match only {
                Some(article) => fuer_core::library::Routed {
                    article,
                    answer: library.engine(article).answer(&question.text),
                },
                None => library.route(&question.text),
            };
            let (article, answer) = (routed.article, routed.answer);
            let knowledge = library.engine(article).knowledge();
            let guess = answer.item.or_else(|| answer.suggestions.first().copied());
            let mut outcome = changes::Outcome::of(&answer);
            if library.engines().len() > 1 {
                outcome.article = knowledge.id.clone();
            }
            UnansweredRow {
                text: question.text.clone(),
                count: question.count,
                declined: question.declined,
                related: question.related,
                low_confidence: question.low_confidence(),
                last_asked: format_local_time(question.last_asked),
                now: outcome_text(&outcome),
                guess: guess.unwrap_or(0),
                keyword: suggesters
                    .get(article)
                    .map(|suggester| suggester.suggest(&question.text))
                    .unwrap_or_default(),
                article: knowledge.id.clone(),
                items: item_choices(knowledge),
            }
        })
        .collect()
}

/// The question log's filter for the article at `only` (none: every article). The first
/// article's filter also counts the questions recorded before articles were.
pub(super) fn article_filter(library: &Library, only: Option<usize>) -> ArticleFilter<'_> {
    match only {
        Some(article) => ArticleFilter::Only {
            id: library.id(article),
            first: article == 0,
        },
        None => ArticleFilter::All,
    }
}

/// Reads the overview (or says why not).
fn read_overview(
    state: &WebState,
    filter: ArticleFilter<'_>,
    now: i64,
) -> Result<(Overview, Vec<UnansweredQuestion>), String> {
    let Some(recorder) = state.recorder() else {
        return Err(texts::WEB_RECORDING_OFF.to_string());
    };
    let overview = recorder
        .overview(now, DEFAULT_UNANSWERED_DAYS, TOP_ITEMS, filter)
        .map_err(|error| texts::store_unavailable(&error.to_string()))?;
    let unanswered = recorder
        .unanswered(
            OVERVIEW_UNANSWERED,
            unanswered_since(now, DEFAULT_UNANSWERED_DAYS),
            filter,
        )
        .map_err(|error| texts::store_unavailable(&error.to_string()))?;
    Ok((overview, unanswered))
}

/// The overview page of `state` at `now`, of the article `article` (its id; empty or
/// unknown: every article).
fn overview_html(state: &WebState, session: &Session, article: &str, now: i64) -> Response {
    let library = state.library();
    let only = requested_article(&library, article);
    // Item numbers are an article's: titles when one article is counted.
    let titled = only.or((library.engines().len() == 1).then_some(0));
    let (overview, unanswered, store_error) = match read_overview(state, article_filter(&library, only), now) {
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
            title: titled
                .map(|article| item_title(library.engine(article).knowledge(), item))
                .unwrap_or_default(),
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
            unanswered: unanswered_rows(&library, only, &unanswered),
            knowledge: knowledge_counts(&library),
            articles: article_choices(&library, only),
            article: only.map(|article| library.id(article).to_string()).unwrap_or_default(),
        },
    )
}

/// The counts of the knowledge served: of its one article, or of all of them.
fn knowledge_counts(library: &Library) -> String {
    let articles: Vec<_> = library.engines().iter().map(|engine| engine.knowledge()).collect();
    let sum = |count: fn(&fuer_core::knowledge::KnowledgeBase) -> usize| articles.iter().map(|k| count(k)).sum();
    let (items, facts, keywords) = (
        sum(|k| k.items.len()),
        sum(|k| k.fact_count()),
        sum(|k| k.keyword_count()),
    );
    if articles.len() == 1 {
        texts::reload_done(items, facts, keywords)
    } else {
        texts::reload_done_articles(articles.len(), items, facts, keywords)
    }
}

async fn overview(
    State(state): State<WebState>,
    LoggedIn(session): LoggedIn,
    Query(query): Query<ArticleQuery>,
) -> Response {
    blocking(move || overview_html(&state, &session, &query.article, unix_now()))
        .await
        .unwrap_or_else(|response| response)
}
