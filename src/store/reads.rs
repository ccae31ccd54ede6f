//! Every report of the question log, read from the summary tables (see
//! [`super::schema`]): the stats, the questions per day, the web page's overview, the
//! unanswered questions and the most frequent ones. The summary tables are the one source
//! of every count, so `/stats`, `fuer-bot stats` and the web page cannot disagree, and the
//! per-day counts outlive the questions themselves (retention deletes questions, not
//! counts).
//!
//! "Unanswered" is one algorithm: questions grouped by their normalized form (as recorded),
//! counted per day in `unanswered_days`, shown with their latest wording. A writable
//! connection reads every article's list from `unanswered_recent` (the same sums, kept for
//! the period by the trigger and moved forward day by day); a read-only one, or a list for
//! one article, adds up `unanswered_days` itself.

use std::collections::HashMap;

use rusqlite::params;

use super::database::QuestionStore;
use super::error::StoreError;
use super::schema::{RECENT_FROM, recent_from, sql_article_matches};
use super::time::{SECONDS_PER_DAY, local_day_start, unanswered_since};
use super::{
    ArticleFilter, AskedQuestion, DayCount, ItemCount, LangCount, MAX_REPORT_DAYS, Overview, PeriodStats, RecordLang,
    RecordStatus, Stats, TOP_ITEMS, UnansweredQuestion,
};

/// One row of `day_totals`.
struct DayRow {
    day: i64,
    lang: Option<RecordLang>,
    item: i64,
    status: Option<RecordStatus>,
    low_confidence: bool,
    questions: u64,
}

/// The counts of a period being added up.
#[derive(Default)]
struct Tally {
    stats: PeriodStats,
    items: HashMap<u8, u64>,
    languages: HashMap<RecordLang, u64>,
}

impl Tally {
    fn add(&mut self, row: &DayRow) {
        let stats = &mut self.stats;
        stats.questions += row.questions;
        match row.status {
            Some(RecordStatus::Answered) => stats.answered += row.questions,
            Some(RecordStatus::Related) => stats.related += row.questions,
            Some(RecordStatus::Declined) => stats.declined += row.questions,
            None => {}
        }
        if row.low_confidence {
            stats.low_confidence += row.questions;
        }
        if let Ok(item) = u8::try_from(row.item)
            && item > 0
            && row.status != Some(RecordStatus::Declined)
        {
            *self.items.entry(item).or_default() += row.questions;
        }
        if let Some(lang) = row.lang {
            *self.languages.entry(lang).or_default() += row.questions;
        }
    }

    /// The counts, with the `top_items` most asked items.
    fn finish(self, top_items: usize) -> PeriodStats {
        let mut ranked: Vec<ItemCount> = self
            .items
            .into_iter()
            .map(|(item, count)| ItemCount { item, count })
            .collect();
        ranked.sort_by(|a, b| b.count.cmp(&a.count).then(a.item.cmp(&b.item)));
        ranked.truncate(top_items);
        let languages = RecordLang::ALL
            .into_iter()
            .filter_map(|lang| {
                let count = self.languages.get(&lang).copied().unwrap_or(0);
                (count > 0).then_some(LangCount { lang, count })
            })
            .collect();
        PeriodStats {
            top_items: ranked,
            languages,
            ..self.stats
        }
    }
}

impl QuestionStore {
    /// Calls `each` for every row of `day_totals` from `first_day` to `last_day` (local day
    /// starts, both included) of the articles of `articles`.
    fn day_rows(
        &self,
        first_day: i64,
        last_day: i64,
        articles: ArticleFilter<'_>,
        mut each: impl FnMut(&DayRow),
    ) -> Result<(), StoreError> {
        let fail = |error: rusqlite::Error| self.error("cannot count the questions", &error);
        let mut statement = self
            .connection
            .prepare_cached(&format!(
                "SELECT day, lang, item, status, low_confidence, questions FROM day_totals
                 WHERE day BETWEEN ?1 AND ?2 AND {}",
                sql_article_matches(3, 4)
            ))
            .map_err(fail)?;
        let (article, first) = articles.sql_params();
        let mut rows = statement
            .query(params![first_day, last_day, article, first])
            .map_err(fail)?;
        while let Some(row) = rows.next().map_err(fail)? {
            let read = || -> rusqlite::Result<DayRow> {
                Ok(DayRow {
                    day: row.get(0)?,
                    lang: RecordLang::parse(&row.get::<_, String>(1)?),
                    item: row.get(2)?,
                    status: RecordStatus::parse(&row.get::<_, String>(3)?),
                    low_confidence: row.get(4)?,
                    questions: to_count(row.get(5)?),
                })
            };
            each(&read().map_err(fail)?);
        }
        Ok(())
    }

    /// Counts for today, the last 7 days and all time (whole local days, China Standard
    /// Time; every article).
    pub fn stats(&self, now: i64) -> Result<Stats, StoreError> {
        self.stats_of(now, ArticleFilter::All)
    }

    /// [`QuestionStore::stats`] of the articles of `articles`.
    pub fn stats_of(&self, now: i64, articles: ArticleFilter<'_>) -> Result<Stats, StoreError> {
        let today_start = local_day_start(now);
        let week_start = today_start - 6 * SECONDS_PER_DAY;
        let (mut today, mut week, mut all) = (Tally::default(), Tally::default(), Tally::default());
        self.day_rows(i64::MIN, today_start, articles, |row| {
            all.add(row);
            if row.day >= week_start {
                week.add(row);
            }
            if row.day == today_start {
                today.add(row);
            }
        })?;
        Ok(Stats {
            now,
            today: today.finish(TOP_ITEMS),
            last_7_days: week.finish(TOP_ITEMS),
            all_time: all.finish(TOP_ITEMS),
        })
    }

    /// The questions of each of the last `days` local days (today included, China Standard
    /// Time), oldest first, one entry per day (zero for days without questions). `days` is
    /// taken within 1..=[`MAX_REPORT_DAYS`].
    pub fn questions_per_day(&self, now: i64, days: u32) -> Result<Vec<DayCount>, StoreError> {
        Ok(self.overview(now, days, 0, ArticleFilter::All)?.days)
    }

    /// The admin web page's overview of the last `days` local days (today included, China
    /// Standard Time) of the articles of `articles`: questions per day (oldest first, zero
    /// for days without questions), the totals with the `top_items` most asked items and
    /// the questions per language. Reads at most a few dozen rows per day, whatever the
    /// number of questions.
    pub fn overview(
        &self,
        now: i64,
        days: u32,
        top_items: usize,
        articles: ArticleFilter<'_>,
    ) -> Result<Overview, StoreError> {
        let days = days.clamp(1, MAX_REPORT_DAYS);
        let first_day = unanswered_since(now, days);
        let mut per_day = empty_days(first_day, days);
        let mut totals = Tally::default();
        self.day_rows(first_day, local_day_start(now), articles, |row| {
            let index = usize::try_from((row.day - first_day) / SECONDS_PER_DAY).ok();
            if let Some(entry) = index.and_then(|index| per_day.get_mut(index)) {
                entry.questions += row.questions;
                match row.status {
                    Some(RecordStatus::Answered) => entry.answered += row.questions,
                    Some(RecordStatus::Related) => entry.related += row.questions,
                    Some(RecordStatus::Declined) => entry.declined += row.questions,
                    None => {}
                }
            }
            totals.add(row);
        })?;
        Ok(Overview {
            days: per_day,
            totals: totals.finish(top_items),
        })
    }

    /// The `limit` most frequent questions since the local day of `since` of the articles
    /// of `articles` that were declined, answered with related content only, or answered
    /// with a score below [`super::LOW_CONFIDENCE_SCORE`]: grouped by their normalized form,
    /// most frequent first (then most recent), each with its latest wording. Questions that
    /// normalize to nothing (only emoji or punctuation) are left out.
    ///
    /// Every article's list on a writable connection is read from `unanswered_recent` by
    /// its index (that table counts from one day on; when `since` is a later day, the days
    /// that left the period are subtracted first, a few thousand rows a day at most;
    /// another period rebuilds it from `unanswered_days`). Otherwise `unanswered_days` of
    /// the period is added up: the same numbers.
    pub fn unanswered(
        &self,
        limit: usize,
        since: i64,
        articles: ArticleFilter<'_>,
    ) -> Result<Vec<UnansweredQuestion>, StoreError> {
        let fail = |error: rusqlite::Error| self.error("cannot list the unanswered questions", &error);
        let from = local_day_start(since);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let read = |row: &rusqlite::Row<'_>| -> rusqlite::Result<UnansweredQuestion> {
            Ok(UnansweredQuestion {
                normalized: row.get(0)?,
                count: to_count(row.get(1)?),
                declined: to_count(row.get(2)?),
                related: to_count(row.get(3)?),
                last_asked: row.get(4)?,
                text: row.get::<_, String>(5)?.trim().to_string(),
            })
        };
        if self.writable && articles == ArticleFilter::All {
            self.move_recent_period(from).map_err(fail)?;
            let mut statement = self
                .connection
                .prepare_cached(
                    "SELECT normalized, questions, declined, related, last_asked, wording FROM unanswered_recent
                     ORDER BY questions DESC, last_asked DESC, normalized LIMIT ?1",
                )
                .map_err(fail)?;
            return statement
                .query_map(params![limit], read)
                .map_err(fail)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail);
        }
        let mut statement = self
            .connection
            .prepare_cached(&format!(
                "SELECT normalized, SUM(questions) AS asked, SUM(declined), SUM(related),
                        MAX(last_asked) AS last, wording
                 FROM unanswered_days WHERE day >= ?1 AND {}
                 GROUP BY normalized ORDER BY asked DESC, last DESC, normalized LIMIT ?2",
                sql_article_matches(3, 4)
            ))
            .map_err(fail)?;
        let (article, first) = articles.sql_params();
        statement
            .query_map(params![from, limit, article, first], read)
            .map_err(fail)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)
    }

    /// Makes `unanswered_recent` count from the day `from` (see
    /// [`QuestionStore::unanswered`]), in one transaction.
    fn move_recent_period(&self, from: i64) -> rusqlite::Result<()> {
        let connection = &self.connection;
        if recent_from(connection)? == Some(from) {
            return Ok(());
        }
        let run = || -> rusqlite::Result<()> {
            connection.execute_batch("BEGIN IMMEDIATE")?;
            // Another process may have moved it meanwhile.
            match recent_from(connection)? {
                Some(current) if current == from => {}
                Some(current) if current < from => {
                    connection.execute(
                        "UPDATE unanswered_recent
                         SET questions = unanswered_recent.questions - gone.asked,
                             declined = unanswered_recent.declined - gone.gone_declined,
                             related = unanswered_recent.related - gone.gone_related
                         FROM (SELECT normalized AS gone_normalized, SUM(questions) AS asked,
                                      SUM(declined) AS gone_declined, SUM(related) AS gone_related
                               FROM unanswered_days WHERE day >= ?1 AND day < ?2 GROUP BY normalized) AS gone
                         WHERE unanswered_recent.normalized = gone.gone_normalized",
                        params![current, from],
                    )?;
                    connection.execute("DELETE FROM unanswered_recent WHERE questions <= 0", [])?;
                }
                _ => {
                    connection.execute("DELETE FROM unanswered_recent", [])?;
                    connection.execute(
                        "INSERT INTO unanswered_recent (normalized, questions, declined, related, last_asked, wording)
                         SELECT normalized, SUM(questions), SUM(declined), SUM(related), MAX(last_asked), wording
                         FROM unanswered_days WHERE day >= ?1 GROUP BY normalized",
                        params![from],
                    )?;
                }
            }
            connection.execute(
                "INSERT INTO summary_state (name, value) VALUES (?1, ?2)
                 ON CONFLICT DO UPDATE SET value = excluded.value",
                params![RECENT_FROM, from],
            )?;
            connection.execute_batch("COMMIT")
        };
        run().inspect_err(|_| {
            let _ = connection.execute_batch("ROLLBACK");
        })
    }

    /// The `limit` most frequently asked questions of all time (one latest wording per
    /// normalized form) with how often each was asked, most frequent first; from the
    /// summary table `question_totals` by its index.
    pub fn frequent_questions(&self, limit: usize) -> Result<Vec<AskedQuestion>, StoreError> {
        let fail = |error: rusqlite::Error| self.error("cannot list the recorded questions", &error);
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT wording, questions FROM question_totals
                 ORDER BY questions DESC, last_asked DESC LIMIT ?1",
            )
            .map_err(fail)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        statement
            .query_map(params![limit], |row| {
                Ok(AskedQuestion {
                    text: row.get(0)?,
                    count: to_count(row.get(1)?),
                })
            })
            .map_err(fail)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)
    }
}

/// `days` days from `first_day` on, without questions yet.
fn empty_days(first_day: i64, days: u32) -> Vec<DayCount> {
    (0..i64::from(days))
        .map(|day| DayCount {
            day_start: first_day + day * SECONDS_PER_DAY,
            questions: 0,
            answered: 0,
            related: 0,
            declined: 0,
        })
        .collect()
}

/// A count from SQLite (never negative) as `u64`.
pub(super) fn to_count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}
