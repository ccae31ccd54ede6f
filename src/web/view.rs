//! Views of the core's structures for the templates: a reply as paragraphs of styled spans
//! and rows of button labels (what the bot sends, without Telegram's HTML), an answer's
//! outcome in words, the chart of questions per day as SVG geometry.

use crate::store::{DayCount, format_local_date};
use fuer_core::engine::Status;
use fuer_core::reply::{Reply, Style};
use fuer_core::texts;

use super::changes::Outcome;

/// A span of a reply paragraph.
#[derive(Debug, Clone)]
pub struct SpanView {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

/// A reply as the bot sends it: paragraphs of styled spans, then its buttons.
#[derive(Debug, Clone)]
pub struct ReplyView {
    pub paragraphs: Vec<Vec<SpanView>>,
    pub buttons: Vec<Vec<String>>,
}

impl ReplyView {
    pub fn of(reply: &Reply) -> ReplyView {
        ReplyView {
            paragraphs: reply
                .paragraphs
                .iter()
                .filter(|paragraph| !paragraph.text().trim().is_empty())
                .map(|paragraph| {
                    paragraph
                        .spans
                        .iter()
                        .map(|span| SpanView {
                            text: span.text.clone(),
                            bold: span.style == Style::Bold,
                            italic: span.style == Style::Italic,
                        })
                        .collect()
                })
                .collect(),
            buttons: reply
                .keyboard
                .iter()
                .map(|row| row.iter().map(|button| button.label.clone()).collect())
                .collect(),
        }
    }
}

/// A status in words.
pub fn status_text(status: Status) -> &'static str {
    match status {
        Status::Answered => texts::WEB_STATUS_ANSWERED,
        Status::Related => texts::WEB_STATUS_RELATED,
        Status::Declined => texts::WEB_STATUS_DECLINED,
    }
}

/// An outcome in words: 「答上（第5件）」.
pub fn outcome_text(outcome: &Outcome) -> String {
    let items = if outcome.status == Status::Declined {
        Vec::new()
    } else {
        outcome.items.clone()
    };
    let text = texts::web_outcome(status_text(outcome.status), &items);
    if outcome.article.is_empty() || outcome.status == Status::Declined {
        text
    } else {
        texts::web_outcome_in_article(&text, &outcome.article)
    }
}

/// One bar of the chart: stacked answered, related and declined.
#[derive(Debug, Clone)]
pub struct Bar {
    pub x: u32,
    pub answered_y: u32,
    pub answered_h: u32,
    pub related_y: u32,
    pub related_h: u32,
    pub declined_y: u32,
    pub declined_h: u32,
    /// `MM-DD` under every fifth bar and the last.
    pub label: Option<String>,
    /// The tooltip: the date and the counts.
    pub date: String,
    pub questions: u64,
    pub answered: u64,
    pub related: u64,
    pub declined: u64,
}

/// The chart of questions per day: bars and the scale.
#[derive(Debug, Clone)]
pub struct Chart {
    pub width: u32,
    pub height: u32,
    pub bar_width: u32,
    /// The base line's y.
    pub base: u32,
    pub max: u64,
    pub bars: Vec<Bar>,
}

const CHART_HEIGHT: u32 = 200;
const CHART_TOP: u32 = 16;
const CHART_LEFT: u32 = 40;
const BAR_STEP: u32 = 22;

impl Chart {
    pub fn of(days: &[DayCount]) -> Chart {
        let max = days.iter().map(|day| day.questions).max().unwrap_or(0).max(1);
        let plot = u64::from(CHART_HEIGHT - CHART_TOP);
        let base = CHART_HEIGHT;
        let scale = |count: u64| u32::try_from(count * plot / max).unwrap_or(CHART_HEIGHT);
        let last = days.len().saturating_sub(1);
        let bars = days
            .iter()
            .enumerate()
            .map(|(index, day)| {
                let declined_h = scale(day.declined);
                let related_h = scale(day.related);
                let answered_h = scale(day.answered);
                let declined_y = base - declined_h;
                let related_y = declined_y - related_h;
                let answered_y = related_y.saturating_sub(answered_h);
                let date = day.date();
                let position = u32::try_from(index).unwrap_or(0);
                Bar {
                    x: CHART_LEFT + position * BAR_STEP,
                    answered_y,
                    answered_h,
                    related_y,
                    related_h,
                    declined_y,
                    declined_h,
                    label: (index % 5 == 0 || index == last).then(|| date.get(5..).unwrap_or(&date).to_string()),
                    date: format_local_date(day.day_start),
                    questions: day.questions,
                    answered: day.answered,
                    related: day.related,
                    declined: day.declined,
                }
            })
            .collect::<Vec<_>>();
        let count = u32::try_from(bars.len()).unwrap_or(0);
        Chart {
            width: CHART_LEFT + count * BAR_STEP + 10,
            height: CHART_HEIGHT + 24,
            bar_width: BAR_STEP - 6,
            base,
            max,
            bars,
        }
    }
}
