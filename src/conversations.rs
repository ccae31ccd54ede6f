//! Where conversations' contexts live: what the last reply of each chat was about, so that
//! follow-ups (「那两癌筛查呢」, 「来过多少人」, 「下一件」) are understood, and the language its
//! last question was written in (commands and buttons answer in it).
//!
//! A [`Context`] is a plain value of the core; the dialogue step reads one and says how it
//! changes. [`ConversationStore`] keeps them per conversation (a private chat, or one user
//! inside a group) **in memory only** — never written to disk — for [`DEFAULT_CONTEXT_TTL`]
//! of silence, and holds at most a fixed number of conversations (the least recently used
//! go first), so memory cannot grow without limit. The store is a `moka` cache; whether a
//! context has outlived its silence is decided by the store's [`Clock`] (the real one, or
//! a test's), `moka`'s own idle limit reclaiming the memory.

use std::sync::Arc;
use std::time::{Duration, Instant};

use moka::policy::EvictionPolicy;

use fuer_core::conversation::{Context, ContextChange};
use fuer_core::lang::Lang;

/// How long a conversation is remembered after its last message.
pub const DEFAULT_CONTEXT_TTL: Duration = Duration::from_secs(30 * 60);
/// How many conversations are remembered at most.
pub const DEFAULT_CONTEXT_CAPACITY: u64 = 50_000;

/// Whose conversation: a chat, and inside a group the user (each member has their own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConversationKey {
    pub chat: i64,
    pub user: Option<u64>,
}

/// What time it is for a [`ConversationStore`]: [`Instant::now`], or a test's clock.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> Instant + Send + Sync>);

impl Clock {
    /// The real time.
    pub fn real() -> Clock {
        Clock(Arc::new(Instant::now))
    }

    /// A clock that tells the time with `now` (a test's, moved on by hand).
    pub fn new(now: impl Fn() -> Instant + Send + Sync + 'static) -> Clock {
        Clock(Arc::new(now))
    }

    pub fn now(&self) -> Instant {
        (self.0)()
    }
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::real()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clock")
    }
}

/// What is remembered of one conversation: its context, the language of its last
/// question (nothing else: no name, no id but the key) and when it last had a message.
#[derive(Debug, Clone)]
struct Remembered {
    context: Option<Context>,
    lang: Option<Lang>,
    last_message: Instant,
}

/// The contexts of all conversations: in memory, bounded, forgotten after silence.
#[derive(Clone)]
pub struct ConversationStore {
    cache: moka::sync::Cache<ConversationKey, Arc<Remembered>>,
    ttl: Duration,
    clock: Clock,
}

impl std::fmt::Debug for ConversationStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConversationStore")
            .field("conversations", &self.cache.entry_count())
            .finish_non_exhaustive()
    }
}

impl Default for ConversationStore {
    fn default() -> Self {
        ConversationStore::new(DEFAULT_CONTEXT_TTL, DEFAULT_CONTEXT_CAPACITY)
    }
}

impl ConversationStore {
    /// A store forgetting a conversation `ttl` after its last message and holding at most
    /// `capacity` conversations.
    pub fn new(ttl: Duration, capacity: u64) -> ConversationStore {
        ConversationStore::with_clock(ttl, capacity, Clock::real())
    }

    /// The same, telling the time with `clock` (tests move it on instead of waiting).
    pub fn with_clock(ttl: Duration, capacity: u64, clock: Clock) -> ConversationStore {
        let cache = moka::sync::Cache::builder()
            .max_capacity(capacity)
            .time_to_idle(ttl)
            .eviction_policy(EvictionPolicy::lru())
            .build();
        ConversationStore { cache, ttl, clock }
    }

    /// The context of a conversation, if it is remembered (its last message less than the
    /// lifetime ago).
    pub fn get(&self, key: ConversationKey) -> Option<Context> {
        self.remembered(key).and_then(|remembered| remembered.context)
    }

    /// The language of a conversation's last question, if it is remembered.
    pub fn lang(&self, key: ConversationKey) -> Option<Lang> {
        self.remembered(key).and_then(|remembered| remembered.lang)
    }

    /// What is remembered of a conversation whose last message is less than the lifetime ago.
    fn remembered(&self, key: ConversationKey) -> Option<Remembered> {
        let remembered = self.cache.get(&key)?;
        if self.clock.now().saturating_duration_since(remembered.last_message) >= self.ttl {
            self.cache.invalidate(&key);
            return None;
        }
        Some(remembered.as_ref().clone())
    }

    /// Applies a change to a conversation's context (its language stays): either way the
    /// conversation goes on.
    pub fn apply(&self, key: ConversationKey, change: ContextChange) {
        let remembered = self.remembered(key);
        let lang = remembered.as_ref().and_then(|remembered| remembered.lang);
        let context = match change {
            ContextChange::Keep => match remembered {
                Some(remembered) => remembered.context,
                None => return,
            },
            ContextChange::Set(context) => Some(context),
        };
        let last_message = self.clock.now();
        self.cache.insert(
            key,
            Arc::new(Remembered {
                context,
                lang,
                last_message,
            }),
        );
    }

    /// Remembers the language of a conversation's last question.
    pub fn set_lang(&self, key: ConversationKey, lang: Lang) {
        let context = self.remembered(key).and_then(|remembered| remembered.context);
        let last_message = self.clock.now();
        self.cache.insert(
            key,
            Arc::new(Remembered {
                context,
                lang: Some(lang),
                last_message,
            }),
        );
    }

    pub fn forget(&self, key: ConversationKey) {
        self.cache.invalidate(&key);
    }

    /// How many conversations are held (after pending evictions are done).
    pub fn len(&self) -> u64 {
        self.cache.run_pending_tasks();
        self.cache.entry_count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Parses a duration such as `30m`, `90s` or `2h`. The unit is required: a bare `30`
/// could mean seconds or minutes, so it is refused with the ways to write it.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let Some(index) = text.find(|c: char| !c.is_ascii_digit()) else {
        return Err(format!(
            "\"{text}\" needs a unit: {text}m for minutes, {text}s for seconds, {text}h for hours"
        ));
    };
    let (number, unit) = text.split_at(index);
    let value: u64 = number
        .parse()
        .map_err(|_| format!("\"{text}\" is not a duration (e.g. 30m, 90s, 2h)"))?;
    let seconds = match unit.trim() {
        "s" | "sec" | "secs" | "second" | "seconds" => value,
        "m" | "min" | "mins" | "minute" | "minutes" => value.saturating_mul(60),
        "h" | "hour" | "hours" => value.saturating_mul(3600),
        _ => return Err(format!("\"{text}\" has an unknown unit (use s, m or h)")),
    };
    if seconds == 0 {
        return Err("a context lifetime must be at least one second".to_string());
    }
    Ok(Duration::from_secs(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(chat: i64) -> ConversationKey {
        ConversationKey { chat, user: None }
    }

    #[test]
    fn contexts_are_kept_per_conversation() {
        let store = ConversationStore::default();
        store.apply(key(1), ContextChange::Set(Context::whole_item(5, 5)));
        store.apply(
            ConversationKey { chat: 1, user: Some(7) },
            ContextChange::Set(Context::whole_item(8, 3)),
        );
        assert_eq!(store.get(key(1)).map(|c| c.item), Some(5));
        assert_eq!(
            store.get(ConversationKey { chat: 1, user: Some(7) }).map(|c| c.item),
            Some(8)
        );
        assert_eq!(store.get(key(2)), None);
        store.apply(key(1), ContextChange::Keep);
        assert_eq!(store.get(key(1)).map(|c| c.item), Some(5));
        store.forget(key(1));
        assert_eq!(store.get(key(1)), None);
    }

    #[test]
    fn the_language_is_kept_beside_the_context() {
        let store = ConversationStore::default();
        assert_eq!(store.lang(key(1)), None);
        store.set_lang(key(1), Lang::English);
        assert_eq!(store.get(key(1)), None);
        store.apply(key(1), ContextChange::Set(Context::whole_item(5, 5)));
        assert_eq!(store.lang(key(1)), Some(Lang::English));
        assert_eq!(store.get(key(1)).map(|c| c.item), Some(5));
        store.set_lang(key(1), Lang::Traditional);
        assert_eq!(store.get(key(1)).map(|c| c.item), Some(5));
        assert_eq!(store.lang(key(1)), Some(Lang::Traditional));
        store.forget(key(1));
        assert_eq!(store.lang(key(1)), None);
    }

    #[test]
    fn a_million_conversations_never_exceed_the_bound() {
        let bound = 10_000;
        let store = ConversationStore::new(DEFAULT_CONTEXT_TTL, bound);
        for chat in 0..1_000_000i64 {
            store.apply(key(chat), ContextChange::Set(Context::whole_item(1, 3)));
            if chat % 100_000 == 0 {
                assert!(store.len() <= bound, "{} held after {chat}", store.len());
            }
        }
        assert!(store.len() <= bound, "{} held", store.len());
        // The most recent ones are remembered; the first ones were evicted.
        assert!(store.get(key(999_999)).is_some());
        assert!(store.get(key(0)).is_none());
    }

    /// A clock the test moves on by hand, and the store that reads it.
    fn store_with_clock(ttl: Duration) -> (ConversationStore, Arc<std::sync::Mutex<Instant>>) {
        let time = Arc::new(std::sync::Mutex::new(Instant::now()));
        let reader = Arc::clone(&time);
        let clock = Clock::new(move || *reader.lock().unwrap());
        (ConversationStore::with_clock(ttl, 100, clock), time)
    }

    #[test]
    fn silence_longer_than_the_lifetime_forgets_the_context() {
        let minute = Duration::from_secs(60);
        let (store, time) = store_with_clock(30 * minute);
        let later = |by: Duration| {
            let mut now = time.lock().unwrap();
            *now += by;
        };
        store.apply(key(1), ContextChange::Set(Context::whole_item(4, 4)));
        later(29 * minute);
        assert!(store.get(key(1)).is_some(), "29 minutes of silence: remembered");
        // A message that keeps the context is activity: the lifetime starts again.
        store.apply(key(1), ContextChange::Keep);
        later(29 * minute);
        assert!(
            store.get(key(1)).is_some(),
            "58 minutes after the first, 29 after the last"
        );
        later(minute);
        assert_eq!(store.get(key(1)), None, "forgotten after 30 minutes of silence");
        // Keeping a forgotten context does not bring it back.
        store.apply(key(1), ContextChange::Keep);
        assert_eq!(store.get(key(1)), None);
    }

    #[test]
    fn durations_parse_with_units() {
        assert_eq!(parse_duration("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse_duration("45 s"), Ok(Duration::from_secs(45)));
        assert!(parse_duration("0s").is_err());
        // A bare number is refused, saying how to write minutes and seconds.
        for bare in ["30", "0", "1800"] {
            let error = parse_duration(bare).expect_err(bare);
            assert!(
                error.contains(&format!("{bare}m")) && error.contains(&format!("{bare}s")),
                "{error}"
            );
        }
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("5 d").is_err());
    }
}
