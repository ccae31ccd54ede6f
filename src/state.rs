//! The shared state of a running bot: the library of articles (one engine each, swappable
//! at run time), the bot's username, the admin user ids, the question log and the knowledge
//! directory.
//!
//! [`AppState`] is a cheap-to-clone `Arc` newtype handed to every handler. The library sits
//! behind an [`ArcSwap`], so a reload can replace it atomically: a request that already holds
//! a library keeps using it to the end, and the next request sees the new one — never a mix.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arc_swap::ArcSwap;

use crate::conversations::ConversationStore;
use crate::recording::QuestionLog;
use crate::store::{QuestionRecord, Recorder};
use crate::web::LoginLinks;
use fuer_core::library::Library;

/// Shared state of the running bot; clones share the same data.
#[derive(Debug, Clone)]
pub struct AppState(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    library: Arc<ArcSwap<Library>>,
    username: String,
    admin_ids: Vec<u64>,
    /// Where questions are recorded; `None` when no data directory is configured.
    questions: Option<Arc<QuestionLog>>,
    /// The knowledge directory `/reload` reads; `None` when not configured.
    knowledge_dir: Option<PathBuf>,
    /// The conversations' contexts: in memory only, bounded, forgotten after silence.
    conversations: ConversationStore,
    /// Makes the admin web page's login links (`/web`); `None` when not configured.
    web_links: Option<LoginLinks>,
}

/// What a running bot has besides its library, username and admins.
#[derive(Debug, Clone, Default)]
pub struct Services {
    /// Where questions are recorded (none: not recorded).
    pub questions: Option<Arc<QuestionLog>>,
    /// The knowledge directory `/reload` reads (none: `/reload` is unavailable).
    pub knowledge_dir: Option<PathBuf>,
    /// Where conversations' contexts are kept (in memory).
    pub conversations: ConversationStore,
    /// Makes login links for the admin web page (none: `/web` says it is not set up).
    pub web_links: Option<LoginLinks>,
}

impl AppState {
    /// `username` is the bot's username without `@` (used to recognise mentions and
    /// `/command@username`); `admin_ids` are the Telegram user ids of the admins.
    pub fn new(library: Library, username: impl Into<String>, admin_ids: Vec<u64>) -> AppState {
        AppState::with_services(
            Arc::new(ArcSwap::from_pointee(library)),
            username,
            admin_ids,
            Services::default(),
        )
    }

    /// A state sharing `library` with others (the knowledge watcher swaps it), with the
    /// question log and the knowledge directory.
    pub fn with_services(
        library: Arc<ArcSwap<Library>>,
        username: impl Into<String>,
        admin_ids: Vec<u64>,
        services: Services,
    ) -> AppState {
        AppState(Arc::new(Inner {
            library,
            username: username.into(),
            admin_ids,
            questions: services.questions,
            knowledge_dir: services.knowledge_dir,
            conversations: services.conversations,
            web_links: services.web_links,
        }))
    }

    /// The current library. Hold on to the returned `Arc` for the whole request so that it
    /// is answered from one consistent knowledge base even if a reload happens meanwhile.
    pub fn library(&self) -> Arc<Library> {
        self.0.library.load_full()
    }

    /// Atomically replaces the library; requests in flight finish with the old one.
    pub fn replace_library(&self, library: Library) {
        self.0.library.store(Arc::new(library));
    }

    /// The swappable library itself, for reloads.
    pub fn library_swap(&self) -> &Arc<ArcSwap<Library>> {
        &self.0.library
    }

    /// The knowledge directory `/reload` reads, if configured.
    pub fn knowledge_dir(&self) -> Option<&Path> {
        self.0.knowledge_dir.as_deref()
    }

    /// The maker of the admin web page's login links, if configured.
    pub fn web_links(&self) -> Option<&LoginLinks> {
        self.0.web_links.as_ref()
    }

    /// The recorder behind the question log, if a data directory is configured.
    pub fn recorder(&self) -> Option<&Arc<Recorder>> {
        self.0.questions.as_ref().map(|questions| questions.recorder())
    }

    /// Queues a question record; never blocks (see [`QuestionLog::submit`]). Returns whether
    /// it was queued (false when no data directory is configured or recording is off).
    pub fn record_question(&self, record: QuestionRecord) -> bool {
        self.0
            .questions
            .as_ref()
            .is_some_and(|questions| questions.submit(record))
    }

    /// The conversations' contexts.
    pub fn conversations(&self) -> &ConversationStore {
        &self.0.conversations
    }

    /// The bot's username, without `@`.
    pub fn username(&self) -> &str {
        &self.0.username
    }

    /// Telegram user ids of the admins (from `ADMIN_IDS`).
    pub fn admin_ids(&self) -> &[u64] {
        &self.0.admin_ids
    }

    pub fn is_admin(&self, user_id: u64) -> bool {
        self.0.admin_ids.contains(&user_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::RecordStatus;
    use fuer_core::knowledge::{Fact, Item, KnowledgeBase, SourceInfo};

    fn library_with_title(title: &str) -> Library {
        Library::single(KnowledgeBase {
            id: "test".into(),
            year: 2024,
            source: SourceInfo {
                title: "来源".to_string(),
                publisher: "发布者".to_string(),
                date: "2025-01-01".to_string(),
            },
            items: vec![Item {
                number: 1,
                headline: "标题".to_string(),
                title: title.to_string(),
                summary: "摘要".to_string(),
                keywords: vec!["关键词".to_string()],
                facts: vec![Fact {
                    text: "事实".to_string(),
                    keywords: Vec::new(),
                    en: None,
                }],
                en: Default::default(),
            }],
            synonym_groups: Vec::new(),
            concepts: Vec::new(),
            question_words: Default::default(),
            glossary: Vec::new(),
        })
    }

    #[test]
    fn replace_library_is_seen_by_new_readers_only() {
        let state = AppState::new(library_with_title("旧"), "fuer_bot", vec![7, 9]);
        let before = state.library();
        state.clone().replace_library(library_with_title("新"));
        assert_eq!(before.latest().knowledge().items[0].title, "旧");
        assert_eq!(state.library().latest().knowledge().items[0].title, "新");
        assert_eq!(state.username(), "fuer_bot");
        assert_eq!(state.admin_ids(), &[7, 9]);
        assert!(state.is_admin(9));
        assert!(!state.is_admin(8));
        assert!(state.knowledge_dir().is_none());
        assert!(state.recorder().is_none());
        assert!(state.web_links().is_none());
        let queued = state.record_question(QuestionRecord {
            time: 0,
            question: "不记录".to_string(),
            item: None,
            score: 0.0,
            status: RecordStatus::Declined,
            chat_type: "private".to_string(),
            lang: Default::default(),
            article: String::new(),
        });
        assert!(!queued, "without a question log nothing is recorded");
    }

    #[test]
    fn states_share_the_swappable_library() {
        let swap = Arc::new(ArcSwap::from_pointee(library_with_title("旧")));
        let state = AppState::with_services(Arc::clone(&swap), "fuer_bot", vec![], Services::default());
        swap.store(Arc::new(library_with_title("新")));
        assert_eq!(state.library().latest().knowledge().items[0].title, "新");
        assert!(Arc::ptr_eq(state.library_swap(), &swap));
    }
}
