//! The admin reports as text: `/stats` and `/unanswered` on Telegram, `fuer-bot stats` and
//! `fuer-bot unanswered` on the server. The sentences are in [`fuer_core::texts`]; this file
//! puts the numbers in. The command-line reports open the database read-only.

use std::io::Write;
use std::path::Path;

use super::database::QuestionStore;
use super::error::StoreError;
use super::time::{format_local_time, unanswered_since};
use super::{ArticleFilter, PeriodStats, Stats, UnansweredQuestion, database_path};
use fuer_core::knowledge::KnowledgeBase;
use fuer_core::texts;

/// Longest question shown in a report line, in characters.
const REPORT_QUESTION_CHARS: usize = 60;

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_string(), |share| format!("{:.0}%", share * 100.0))
}

fn item_name(number: u8, knowledge: Option<&KnowledgeBase>) -> String {
    let label = texts::item_label(fuer_core::lang::Lang::Simplified, number);
    match knowledge.and_then(|knowledge| knowledge.item(number)) {
        Some(item) => format!("{label} {}", item.title),
        None => label,
    }
}

fn period_line(label: &str, period: &PeriodStats) -> String {
    if period.questions == 0 {
        return texts::stats_no_questions(label);
    }
    let mut line = texts::stats_period(
        label,
        period.questions,
        [
            (period.answered, percent(period.answered_share())),
            (period.related, percent(period.related_share())),
            (period.declined, percent(period.declined_share())),
        ],
    );
    if period.low_confidence > 0 {
        line.push_str(&texts::stats_low_confidence(period.low_confidence));
    }
    line
}

/// The stats report in Simplified Chinese (for `/stats` and `fuer-bot stats`). Item
/// titles come from `knowledge` when given.
pub fn format_stats(stats: &Stats, knowledge: Option<&KnowledgeBase>) -> String {
    let mut lines = vec![texts::stats_heading(&format_local_time(stats.now))];
    lines.extend(period_lines(stats));
    lines.extend(top_item_lines(stats, knowledge));
    lines.join("\n")
}

/// The lines of today, the last 7 days and all time.
fn period_lines(stats: &Stats) -> Vec<String> {
    [
        (texts::STATS_TODAY, &stats.today),
        (texts::STATS_LAST_7_DAYS, &stats.last_7_days),
        (texts::STATS_ALL_TIME, &stats.all_time),
    ]
    .into_iter()
    .map(|(label, period)| period_line(label, period))
    .collect()
}

/// The most asked items of the last 7 days and of all time, each list after a blank line.
fn top_item_lines(stats: &Stats, knowledge: Option<&KnowledgeBase>) -> Vec<String> {
    let mut lines = Vec::new();
    // The all-time list is left out when it says the same as the last 7 days'.
    let all_time_differs = stats.all_time.top_items != stats.last_7_days.top_items;
    for (label, period, wanted) in [
        (texts::STATS_LAST_7_DAYS, &stats.last_7_days, true),
        (texts::STATS_ALL_TIME, &stats.all_time, all_time_differs),
    ] {
        if !wanted || period.top_items.is_empty() {
            continue;
        }
        lines.push(String::new());
        lines.push(texts::stats_top_items_heading(label));
        for (rank, entry) in period.top_items.iter().enumerate() {
            lines.push(texts::stats_top_item(
                rank + 1,
                &item_name(entry.item, knowledge),
                entry.count,
            ));
        }
    }
    lines
}

/// The articles a stats report is about: every article served, oldest first (the first
/// one also owns the questions recorded before articles were), and the ones reported.
#[derive(Debug, Clone)]
pub struct ReportArticles<'a> {
    articles: Vec<&'a KnowledgeBase>,
    selected: Vec<usize>,
}

impl<'a> ReportArticles<'a> {
    /// The articles named by `argument`: every one when it is blank, else the article with
    /// that id or every article of that year. `Err`: the message (Chinese) naming the
    /// articles there are.
    pub fn select(articles: Vec<&'a KnowledgeBase>, argument: &str) -> Result<ReportArticles<'a>, String> {
        let argument = argument.trim();
        let selected: Vec<usize> = if argument.is_empty() {
            (0..articles.len()).collect()
        } else if let Some(index) = articles.iter().position(|article| article.id == argument) {
            vec![index]
        } else {
            let year = argument.trim_end_matches('年').parse::<u16>().ok();
            (0..articles.len())
                .filter(|&index| year == Some(articles[index].year))
                .collect()
        };
        if selected.is_empty() && !argument.is_empty() {
            let known: Vec<String> = articles.iter().map(|article| article.id.clone()).collect();
            return Err(texts::stats_unknown_article(argument, &known));
        }
        Ok(ReportArticles { articles, selected })
    }

    /// The filter of the article at `index`.
    fn filter(&self, index: usize) -> ArticleFilter<'a> {
        ArticleFilter::Only {
            id: &self.articles[index].id,
            first: index == 0,
        }
    }

    /// Whether every article is reported.
    fn all(&self) -> bool {
        self.selected.len() == self.articles.len()
    }
}

/// The stats report of the selected articles in Simplified Chinese: with one article
/// served, [`format_stats`] as ever; one article of several, its counts and most asked
/// items under its name; several, every article's counts together, then each one's own
/// counts and most asked items (item numbers are per article). `stats_of` reads the counts
/// of a filter.
pub fn format_article_stats(
    articles: &ReportArticles<'_>,
    now: i64,
    mut stats_of: impl FnMut(ArticleFilter<'_>) -> Result<Stats, StoreError>,
) -> Result<String, StoreError> {
    if articles.articles.len() <= 1 {
        return Ok(format_stats(
            &stats_of(ArticleFilter::All)?,
            articles.articles.first().copied(),
        ));
    }
    let mut lines = vec![texts::stats_heading(&format_local_time(now))];
    let several = articles.selected.len() > 1;
    if several && articles.all() {
        lines.push(texts::STATS_EVERY_ARTICLE.to_string());
        lines.extend(period_lines(&stats_of(ArticleFilter::All)?));
    }
    for &index in &articles.selected {
        let article = articles.articles[index];
        let stats = stats_of(articles.filter(index))?;
        if several {
            lines.push(String::new());
        }
        lines.push(texts::stats_article_heading(&article.id, &article.source.title));
        lines.extend(period_lines(&stats));
        lines.extend(top_item_lines(&stats, Some(article)));
    }
    if several {
        lines.push(String::new());
        lines.push(texts::STATS_ONE_ARTICLE_HINT.to_string());
    }
    Ok(lines.join("\n"))
}

fn shorten(text: &str, max_chars: usize) -> String {
    let single_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if single_line.chars().count() <= max_chars {
        return single_line;
    }
    let mut short: String = single_line.chars().take(max_chars).collect();
    short.push('…');
    short
}

/// The unanswered report in Simplified Chinese (for `/unanswered` and
/// `fuer-bot unanswered`); `days` is the period the questions were taken from.
pub fn format_unanswered(questions: &[UnansweredQuestion], days: u32) -> String {
    if questions.is_empty() {
        return texts::unanswered_none(days);
    }
    let mut lines = vec![texts::unanswered_heading(days, questions.len())];
    for (rank, question) in questions.iter().enumerate() {
        let mut kinds = Vec::new();
        if question.declined > 0 {
            kinds.push(texts::unanswered_declined(question.declined));
        }
        if question.related > 0 {
            kinds.push(texts::unanswered_related(question.related));
        }
        if question.low_confidence() > 0 {
            kinds.push(texts::unanswered_low_confidence(question.low_confidence()));
        }
        lines.push(texts::unanswered_line(
            rank + 1,
            &shorten(&question.text, REPORT_QUESTION_CHARS),
            question.count,
            &kinds,
            &format_local_time(question.last_asked),
        ));
    }
    lines.push(String::new());
    lines.push(texts::UNANSWERED_HINT.to_string());
    lines.join("\n")
}

/// The message shown instead of a report when the database cannot be used.
pub fn format_store_error(error: &StoreError) -> String {
    texts::store_unavailable(&error.to_string())
}

/// The unanswered report of the selected articles in Simplified Chinese: every article's
/// questions together when every article is selected (as with one article served), else
/// each selected article's under its name. `unanswered_of` reads the questions of a filter.
pub fn format_article_unanswered(
    articles: &ReportArticles<'_>,
    days: u32,
    mut unanswered_of: impl FnMut(ArticleFilter<'_>) -> Result<Vec<UnansweredQuestion>, StoreError>,
) -> Result<String, StoreError> {
    if articles.all() {
        return Ok(format_unanswered(&unanswered_of(ArticleFilter::All)?, days));
    }
    let mut parts = Vec::new();
    for &index in &articles.selected {
        let article = articles.articles[index];
        let questions = unanswered_of(articles.filter(index))?;
        parts.push(format!(
            "{}\n{}",
            texts::stats_article_heading(&article.id, &article.source.title),
            format_unanswered(&questions, days)
        ));
    }
    Ok(parts.join("\n\n"))
}

/// `fuer-bot stats [ARTICLE]`: prints the stats report of `articles` from the database in
/// `data_dir`, opened read-only; before any question was recorded, says so.
pub fn print_stats(
    data_dir: &Path,
    articles: &ReportArticles<'_>,
    now: i64,
    mut output: impl Write,
) -> anyhow::Result<()> {
    let path = database_path(data_dir);
    let report = match QuestionStore::open_read_only(&path)? {
        Some(store) => format_article_stats(articles, now, |filter| store.stats_of(now, filter))?,
        None => texts::no_questions_recorded(&path.display().to_string()),
    };
    writeln!(output, "{report}")?;
    Ok(())
}

/// `fuer-bot unanswered [ARTICLE]`: prints the unanswered report of `articles` from the
/// database in `data_dir`,
/// opened read-only; before any question was recorded, says so.
pub fn print_unanswered(
    data_dir: &Path,
    articles: &ReportArticles<'_>,
    limit: usize,
    days: u32,
    now: i64,
    mut output: impl Write,
) -> anyhow::Result<()> {
    let path = database_path(data_dir);
    let report = match QuestionStore::open_read_only(&path)? {
        Some(store) => format_article_unanswered(articles, days, |filter| {
            store.unanswered(limit, unanswered_since(now, days), filter)
        })?,
        None => texts::no_questions_recorded(&path.display().to_string()),
    };
    writeln!(output, "{report}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_questions_are_shortened_in_reports() {
        assert_eq!(shorten("a\n b", 10), "a b");
        assert_eq!(shorten("一二三四", 2), "一二…");
    }
}
