//! Recording the questions the bot handles, in an embedded SQLite database, and the
//! admin reports built from them (`/stats`, `/unanswered`, `fuer-bot stats|unanswered`).
//!
//! - [`database`]: the file, its schema (and migrations) and every SQL query:
//!   [`QuestionStore`], opened read-write by the bot or read-only by the reports.
//! - [`recorder`]: [`Recorder`], the bot's fault-tolerant handle on the database.
//! - [`report`]: the reports as text (the sentences themselves are in [`fuer_core::texts`]).
//! - [`time`]: UTC unix seconds and the reports' local days.
//!
//! Privacy: a record holds the time, the question text, the matched item (or none), the
//! score, the answer status (answered, related, declined), the chat type (`private`,
//! `group`, ..., `console`), the reply's language and the article. No user ids, names,
//! usernames or chat ids are stored. Questions are kept [`DEFAULT_RETENTION_DAYS`] days
//! (`QUESTION_RETENTION`; the per-day counts stay), and one question can be deleted
//! everywhere it appears ([`QuestionStore::delete_wording`]).
//!
//! Durability: every record is written in its own transaction on a WAL-mode database
//! (`synchronous = FULL`), so a crash or a kill mid-write loses at most that question
//! and never leaves the file unreadable. A corrupted or unwritable database is reported
//! as a [`StoreError`] naming the file; [`Recorder`] turns that into a warning and lets
//! the bot keep answering without recording.
//!
//! Time: records carry UTC unix seconds, passed in by the caller (tests use fixed
//! times). Reports count days in China Standard Time (UTC+8, no daylight saving), the
//! admins' time zone: "today" starts at 00:00 Beijing time, "the last 7 days" are today
//! and the 6 days before it.

pub mod database;
mod error;
mod forget;
mod reads;
pub mod recorder;
pub mod report;
mod schema;
pub mod time;

use std::path::{Path, PathBuf};

use fuer_core::engine::{Answer, Status};

pub use database::QuestionStore;
pub use error::StoreError;
pub use forget::{DEFAULT_RETENTION_DAYS, Retention};
pub use recorder::Recorder;
pub use report::{
    ReportArticles, format_article_stats, format_article_unanswered, format_stats, format_store_error,
    format_unanswered, print_stats, print_unanswered,
};
pub use schema::SCHEMA_VERSION;
pub use time::{format_local_date, format_local_time, local_day_start, unanswered_since, unix_now};

/// Environment variable naming the data directory.
pub const DATA_DIR_ENV: &str = "DATA_DIR";
/// The data directory when `DATA_DIR` is not set.
pub const DEFAULT_DATA_DIR: &str = "data";
/// The database file inside the data directory.
pub const DATABASE_FILE_NAME: &str = "fuer-bot.sqlite3";
/// An answered question whose score (the engine's confidence, 0–1) is below this counts
/// as low-confidence and is listed by `unanswered`. A clear match scores at least 0.5;
/// weak matches that were also ambiguous (another item nearly as likely) score below 0.4.
pub const LOW_CONFIDENCE_SCORE: f32 = 0.4;
/// Longest question text stored, in characters (longer ones are cut).
pub const MAX_STORED_QUESTION_CHARS: usize = 1000;
/// How many items the stats list.
pub const TOP_ITEMS: usize = 5;
/// Default look-back of the unanswered report, in days.
pub const DEFAULT_UNANSWERED_DAYS: u32 = 30;
/// Default number of questions in the unanswered report.
pub const DEFAULT_UNANSWERED_LIMIT: usize = 10;
/// The longest period, in days, of the per-day report (ten years).
pub const MAX_REPORT_DAYS: u32 = 3660;

/// The data directory: `DATA_DIR` if set and not empty, else `data`.
pub fn data_dir_from_env() -> PathBuf {
    match std::env::var(DATA_DIR_ENV) {
        Ok(dir) if !dir.trim().is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(DEFAULT_DATA_DIR),
    }
}

/// The database file of a data directory: `DATA_DIR/fuer-bot.sqlite3`.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE_NAME)
}

/// How the bot answered a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordStatus {
    /// The bot answered (an item's facts, or a greeting, the list, help, ...).
    Answered,
    /// The bot had no exact answer but pointed to related content of the article.
    Related,
    /// The bot said it cannot answer.
    Declined,
}

impl RecordStatus {
    /// Every status, in report order.
    pub const ALL: [RecordStatus; 3] = [RecordStatus::Answered, RecordStatus::Related, RecordStatus::Declined];

    /// The value stored in the `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordStatus::Answered => "answered",
            RecordStatus::Related => "related",
            RecordStatus::Declined => "declined",
        }
    }

    /// The status stored as `value`, if it is one.
    pub fn parse(value: &str) -> Option<RecordStatus> {
        RecordStatus::ALL.into_iter().find(|status| status.as_str() == value)
    }
}

/// The language of the bot's reply to a question, as stored in the `lang` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RecordLang {
    /// Simplified Chinese (`zh-Hans`); also every question recorded before languages were.
    #[default]
    Simplified,
    /// Traditional Chinese (`zh-Hant`).
    Traditional,
    /// English (`en`).
    English,
}

impl RecordLang {
    /// Every language, in report order.
    pub const ALL: [RecordLang; 3] = [RecordLang::Simplified, RecordLang::Traditional, RecordLang::English];

    /// The value stored in the `lang` column (a BCP 47 tag).
    pub fn as_str(self) -> &'static str {
        match self {
            RecordLang::Simplified => "zh-Hans",
            RecordLang::Traditional => "zh-Hant",
            RecordLang::English => "en",
        }
    }

    /// The language stored as `value`, if it is one.
    pub fn parse(value: &str) -> Option<RecordLang> {
        RecordLang::ALL.into_iter().find(|lang| lang.as_str() == value)
    }

    /// The record of a reply's language.
    pub fn of(lang: fuer_core::lang::Lang) -> RecordLang {
        match lang {
            fuer_core::lang::Lang::Simplified => RecordLang::Simplified,
            fuer_core::lang::Lang::Traditional => RecordLang::Traditional,
            fuer_core::lang::Lang::English => RecordLang::English,
        }
    }
}

/// Which article's questions a report counts. Questions recorded before articles were
/// (stored with the empty article id) belong to the first article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArticleFilter<'a> {
    /// Every article's questions.
    #[default]
    All,
    /// One article's: its id, and whether it is the first article (then the questions
    /// recorded without an article count too).
    Only { id: &'a str, first: bool },
}

impl<'a> ArticleFilter<'a> {
    /// The SQL parameters of the filter: the id (`NULL`: every article) and whether the
    /// empty id matches too (see [`schema::SQL_ARTICLE_MATCHES`]).
    pub(crate) fn sql_params(self) -> (Option<&'a str>, bool) {
        match self {
            ArticleFilter::All => (None, false),
            ArticleFilter::Only { id, first } => (Some(id), first),
        }
    }
}

/// The chat type recorded for questions asked in the local console (`fuer-bot chat`).
pub const CONSOLE_CHAT_TYPE: &str = "console";

/// One handled question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRecord {
    /// When it was asked, UTC unix seconds.
    pub time: i64,
    pub question: String,
    /// The item the answer was about, if any.
    pub item: Option<u8>,
    /// The engine's confidence, 0–1 (0 for replies without an item).
    pub score: f32,
    /// Whether the bot answered, pointed to related content, or declined.
    pub status: RecordStatus,
    /// Telegram's chat type (`private`, `group`, `supergroup`, `channel`) or
    /// [`CONSOLE_CHAT_TYPE`].
    pub chat_type: String,
    /// The language the bot replied in.
    pub lang: RecordLang,
    /// The id of the article the answer quoted (its folder name, e.g. `2024-shenzhen`);
    /// empty: the first article.
    pub article: String,
}

impl QuestionRecord {
    /// The record of a question and the engine's answer to it, replied in Simplified
    /// Chinese about the first article (set [`QuestionRecord::lang`] and
    /// [`QuestionRecord::article`] when known).
    pub fn from_answer(time: i64, question: &str, answer: &Answer, chat_type: &str) -> QuestionRecord {
        let status = match answer.status {
            Status::Answered => RecordStatus::Answered,
            Status::Related => RecordStatus::Related,
            Status::Declined => RecordStatus::Declined,
        };
        QuestionRecord {
            time,
            question: question.to_string(),
            item: answer.item,
            score: answer.confidence,
            status,
            chat_type: chat_type.to_string(),
            lang: RecordLang::default(),
            article: String::new(),
        }
    }
}

/// How many questions asked about one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemCount {
    pub item: u8,
    pub count: u64,
}

/// How many questions were replied to in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangCount {
    pub lang: RecordLang,
    pub count: u64,
}

/// Counts for one period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeriodStats {
    pub questions: u64,
    /// Questions answered (answers about an item, greetings, lists, ...).
    pub answered: u64,
    /// Questions answered with related content only.
    pub related: u64,
    pub declined: u64,
    /// Answered about an item, with a score below [`LOW_CONFIDENCE_SCORE`].
    pub low_confidence: u64,
    /// The items asked about most (answered or related), most first (at most [`TOP_ITEMS`]).
    pub top_items: Vec<ItemCount>,
    /// The questions per reply language, in [`RecordLang::ALL`] order (languages without
    /// questions left out).
    pub languages: Vec<LangCount>,
}

impl PeriodStats {
    fn share(&self, count: u64) -> Option<f64> {
        (self.questions > 0).then(|| count as f64 / self.questions as f64)
    }

    /// Share of questions answered, 0–1; `None` without questions.
    pub fn answered_share(&self) -> Option<f64> {
        self.share(self.answered)
    }

    /// Share of questions answered with related content only, 0–1; `None` without questions.
    pub fn related_share(&self) -> Option<f64> {
        self.share(self.related)
    }

    /// Share of questions declined, 0–1; `None` without questions.
    pub fn declined_share(&self) -> Option<f64> {
        self.share(self.declined)
    }

    /// Share of questions replied to in `lang`, 0–1; `None` without questions.
    pub fn lang_share(&self, lang: RecordLang) -> Option<f64> {
        let count = self
            .languages
            .iter()
            .find(|entry| entry.lang == lang)
            .map_or(0, |entry| entry.count);
        self.share(count)
    }
}

/// The `/stats` numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// The time the stats were computed for (UTC unix seconds).
    pub now: i64,
    /// Since 00:00 today, China Standard Time.
    pub today: PeriodStats,
    /// Today and the 6 days before it, China Standard Time.
    pub last_7_days: PeriodStats,
    pub all_time: PeriodStats,
}

/// The questions of one local day (China Standard Time), for charts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCount {
    /// 00:00 of the day in China Standard Time, as UTC unix seconds.
    pub day_start: i64,
    pub questions: u64,
    pub answered: u64,
    pub related: u64,
    pub declined: u64,
}

impl DayCount {
    /// The day as `YYYY-MM-DD` (China Standard Time).
    pub fn date(&self) -> String {
        format_local_date(self.day_start)
    }
}

/// The admin web page's overview of a period: the questions of each day, the totals (with
/// the most asked items).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// One entry per local day, oldest first.
    pub days: Vec<DayCount>,
    /// The whole period; `top_items` has the most asked items.
    pub totals: PeriodStats,
}

/// A recorded question (one wording of those that normalize the same) and how often it
/// was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskedQuestion {
    pub text: String,
    pub count: u64,
}

/// A question (grouped with the ones that normalize the same) that was declined,
/// answered with related content only, or answered with low confidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnansweredQuestion {
    /// One original wording: the most frequent one, the latest on a tie.
    pub text: String,
    /// The normalized form the group shares.
    pub normalized: String,
    /// How many times it was asked (declined, related or low-confidence) in the period.
    pub count: u64,
    /// How many of those were declined.
    pub declined: u64,
    /// How many of those were answered with related content only; the rest
    /// (`count - declined - related`) were low-confidence answers.
    pub related: u64,
    /// The last time it was asked, UTC unix seconds.
    pub last_asked: i64,
}

impl UnansweredQuestion {
    /// How many were answered with low confidence.
    pub fn low_confidence(&self) -> u64 {
        self.count.saturating_sub(self.declined + self.related)
    }
}
