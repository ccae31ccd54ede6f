//! Forgetting recorded questions, which are personal data even without ids (people type
//! names, addresses, their situation):
//!
//! - the retention period ([`Retention`], `QUESTION_RETENTION`, 180 days by default):
//!   questions of older days are deleted, with their wordings in the summary tables; the
//!   per-day counts (`day_totals`) are kept, so the stats and the chart still count them;
//! - deleting one question as an admin sees it ([`QuestionStore::delete_wording`]):
//!   every recorded question with that wording goes, and every count and sample wording it
//!   was part of is lowered or replaced by the latest other wording (or the summary row
//!   removed when none is left).
//!
//! Each runs in one transaction.

use std::str::FromStr;

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, named_params, params};

use super::database::QuestionStore;
use super::error::StoreError;
use super::schema::{RECENT_FROM, SQL_DAY, recent_from, sql_low_confidence, sql_unanswered};
use super::time::unanswered_since;
use fuer_core::normalize::normalize;

/// Recorded questions are kept this many days by default (today included).
pub const DEFAULT_RETENTION_DAYS: u32 = 180;
/// The longest retention period accepted, in days (a hundred years).
const MAX_RETENTION_DAYS: u32 = 36_600;

/// How long recorded questions are kept (`QUESTION_RETENTION`): a number of local days,
/// today included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    days: u32,
}

impl Default for Retention {
    fn default() -> Retention {
        Retention {
            days: DEFAULT_RETENTION_DAYS,
        }
    }
}

impl Retention {
    /// A retention of `days` days; `None` outside 1..=36600.
    pub fn of_days(days: u32) -> Option<Retention> {
        (1..=MAX_RETENTION_DAYS).contains(&days).then_some(Retention { days })
    }

    /// The number of days.
    pub fn days(self) -> u32 {
        self.days
    }

    /// The first moment kept at `now`: 00:00 (China Standard Time) `days - 1` days before
    /// today.
    pub fn cutoff(self, now: i64) -> i64 {
        unanswered_since(now, self.days)
    }
}

impl FromStr for Retention {
    type Err = String;

    /// `180`, `180d` or `180 days`.
    fn from_str(text: &str) -> Result<Retention, String> {
        let trimmed = text.trim();
        let number = ["days", "day", "d"]
            .iter()
            .find_map(|unit| trimmed.strip_suffix(unit))
            .unwrap_or(trimmed)
            .trim();
        number.parse::<u32>().ok().and_then(Retention::of_days).ok_or_else(|| {
            format!("expected a number of days from 1 to {MAX_RETENTION_DAYS} (e.g. 180 or 180d), got {text:?}")
        })
    }
}

/// A recorded question as the summaries count it.
struct Recorded {
    day: i64,
    article: String,
    lang: String,
    item: i64,
    status: String,
    low_confidence: bool,
    unanswered: bool,
    normalized: String,
}

impl QuestionStore {
    /// Deletes the questions asked before `retention`'s cutoff at `now`, with their
    /// wordings in the summary tables; the per-day counts stay. Returns how many questions
    /// were deleted.
    pub fn apply_retention(&mut self, now: i64, retention: Retention) -> Result<u64, StoreError> {
        let cutoff = retention.cutoff(now);
        let path = self.path().to_path_buf();
        let fail = |error: rusqlite::Error| StoreError::sqlite(&path, "cannot delete the old questions", &error);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let deleted = forget_before(&transaction, cutoff).map_err(fail)?;
        transaction.commit().map_err(fail)?;
        Ok(deleted)
    }

    /// Deletes every recorded question whose wording is `wording` (as the reports show it:
    /// surrounding spaces do not count), everywhere it appears: the question log, the
    /// counts it is part of (lowered) and the summaries' sample wordings (replaced by the
    /// latest other wording, or removed). Returns how many questions were deleted.
    pub fn delete_wording(&mut self, wording: &str) -> Result<u64, StoreError> {
        let path = self.path().to_path_buf();
        let fail = |error: rusqlite::Error| StoreError::sqlite(&path, "cannot delete the question", &error);
        let wording = wording.trim();
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let ids: Vec<i64> = {
            let mut select = transaction
                .prepare("SELECT id, question FROM questions WHERE normalized = ?1")
                .map_err(fail)?;
            select
                .query_map(params![normalize(wording)], |row| {
                    Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
                })
                .map_err(fail)?
                .filter_map(|row| match row {
                    Ok((id, question)) if question.trim() == wording => Some(Ok(id)),
                    Ok(_) => None,
                    Err(error) => Some(Err(error)),
                })
                .collect::<Result<_, _>>()
                .map_err(fail)?
        };
        for &id in &ids {
            delete_one(&transaction, id).map_err(fail)?;
        }
        transaction.commit().map_err(fail)?;
        Ok(ids.len() as u64)
    }
}

/// Deletes the questions before `cutoff` (a local day's start) and the summary rows that
/// hold their wordings; lowers `question_totals`; keeps `day_totals`.
fn forget_before(transaction: &Transaction<'_>, cutoff: i64) -> rusqlite::Result<u64> {
    transaction.execute(
        "UPDATE question_totals SET questions = question_totals.questions - gone.asked
         FROM (SELECT normalized AS gone_normalized, COUNT(*) AS asked FROM questions
               WHERE asked_at < ?1 AND normalized <> '' GROUP BY normalized) AS gone
         WHERE question_totals.normalized = gone.gone_normalized",
        params![cutoff],
    )?;
    // A row whose latest wording is older than the cutoff has no question left.
    transaction.execute(
        "DELETE FROM question_totals WHERE questions <= 0 OR last_asked < ?1",
        params![cutoff],
    )?;
    transaction.execute("DELETE FROM unanswered_days WHERE day < ?1", params![cutoff])?;
    let recent_from = recent_from(transaction)?;
    if recent_from.is_some_and(|from| from < cutoff) {
        // Rebuilt from `unanswered_days` at the next read.
        transaction.execute("DELETE FROM unanswered_recent", [])?;
        transaction.execute("DELETE FROM summary_state WHERE name = ?1", params![RECENT_FROM])?;
    }
    let deleted = transaction.execute("DELETE FROM questions WHERE asked_at < ?1", params![cutoff])?;
    Ok(deleted as u64)
}

/// Deletes the question `id` and takes it out of every summary. Returns whether it existed.
fn delete_one(transaction: &Transaction<'_>, id: i64) -> rusqlite::Result<bool> {
    let recorded = transaction
        .query_row(
            &format!(
                "SELECT {SQL_DAY}, article, lang, COALESCE(item, 0), status, {}, {}, normalized
                 FROM questions WHERE id = ?1",
                sql_low_confidence(""),
                sql_unanswered("")
            ),
            params![id],
            |row| {
                Ok(Recorded {
                    day: row.get(0)?,
                    article: row.get(1)?,
                    lang: row.get(2)?,
                    item: row.get(3)?,
                    status: row.get(4)?,
                    low_confidence: row.get(5)?,
                    unanswered: row.get(6)?,
                    normalized: row.get(7)?,
                })
            },
        )
        .optional()?;
    let Some(recorded) = recorded else {
        return Ok(false);
    };
    transaction.execute("DELETE FROM questions WHERE id = ?1", params![id])?;
    let key = named_params! {
        ":day": recorded.day, ":article": recorded.article, ":lang": recorded.lang,
        ":item": recorded.item, ":status": recorded.status, ":low": recorded.low_confidence,
    };
    transaction.execute(
        "UPDATE day_totals SET questions = questions - 1 WHERE day = :day AND article = :article
         AND lang = :lang AND item = :item AND status = :status AND low_confidence = :low",
        key,
    )?;
    transaction.execute(
        "DELETE FROM day_totals WHERE day = :day AND article = :article AND lang = :lang
         AND item = :item AND status = :status AND low_confidence = :low AND questions <= 0",
        key,
    )?;
    if recorded.normalized.is_empty() {
        return Ok(true);
    }
    settle_question_totals(transaction, &recorded.normalized)?;
    if recorded.unanswered {
        recount_unanswered(transaction, &recorded)?;
    }
    Ok(true)
}

/// One question of `normalized` is gone: its count lowered, the sample wording the latest
/// one left (or the row removed when none is).
fn settle_question_totals(transaction: &Transaction<'_>, normalized: &str) -> rusqlite::Result<()> {
    transaction.execute(
        "UPDATE question_totals SET questions = questions - 1 WHERE normalized = ?1",
        params![normalized],
    )?;
    let latest: Option<(String, i64)> = transaction
        .query_row(
            "SELECT question, asked_at FROM questions WHERE normalized = ?1 ORDER BY asked_at DESC, id DESC LIMIT 1",
            params![normalized],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let none_left = latest.is_none();
    match latest {
        Some((wording, last_asked)) => transaction.execute(
            "UPDATE question_totals SET wording = ?2, last_asked = ?3 WHERE normalized = ?1",
            params![normalized, wording, last_asked],
        )?,
        None => 0,
    };
    transaction.execute(
        "DELETE FROM question_totals WHERE normalized = ?1 AND (questions <= 0 OR ?2)",
        params![normalized, none_left],
    )?;
    Ok(())
}

/// An unanswered question is gone: its day's row of `unanswered_days` is counted again
/// from the questions left (the whole day is stored: retention deletes whole days), and
/// its row of `unanswered_recent` again from `unanswered_days`.
fn recount_unanswered(transaction: &Transaction<'_>, recorded: &Recorded) -> rusqlite::Result<()> {
    let unanswered = sql_unanswered("");
    let of_the_day = format!("normalized = :normalized AND article = :article AND {SQL_DAY} = :day AND {unanswered}");
    let key = named_params! {
        ":day": recorded.day, ":article": recorded.article, ":normalized": recorded.normalized,
    };
    transaction.execute(
        "DELETE FROM unanswered_days WHERE day = :day AND article = :article AND normalized = :normalized",
        key,
    )?;
    transaction.execute(
        &format!(
            "INSERT INTO unanswered_days (day, article, normalized, questions, declined, related, last_asked, wording)
             SELECT :day, :article, :normalized, COUNT(*), SUM(status = 'declined'), SUM(status = 'related'),
                    MAX(asked_at),
                    (SELECT question FROM questions WHERE {of_the_day} ORDER BY asked_at DESC, id DESC LIMIT 1)
             FROM questions WHERE {of_the_day} HAVING COUNT(*) > 0"
        ),
        key,
    )?;
    let recent_from = recent_from(transaction)?;
    let Some(from) = recent_from.filter(|from| recorded.day >= *from) else {
        return Ok(());
    };
    transaction.execute(
        "DELETE FROM unanswered_recent WHERE normalized = ?1",
        params![recorded.normalized],
    )?;
    transaction.execute(
        "INSERT INTO unanswered_recent (normalized, questions, declined, related, last_asked, wording)
         SELECT normalized, SUM(questions), SUM(declined), SUM(related), MAX(last_asked), wording
         FROM unanswered_days WHERE normalized = ?1 AND day >= ?2 GROUP BY normalized",
        params![recorded.normalized, from],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_periods_are_days() {
        assert_eq!(Retention::default().days(), 180);
        for (text, days) in [("180", 180), ("30d", 30), (" 7 days ", 7), ("1 day", 1)] {
            assert_eq!(text.parse::<Retention>().map(Retention::days), Ok(days), "{text}");
        }
        for text in ["", "0", "-3", "2w", "36601", "soon"] {
            let error = text.parse::<Retention>().expect_err(text);
            assert!(error.contains("number of days"), "{error}");
        }
    }
}
