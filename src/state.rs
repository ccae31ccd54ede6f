//! The shared state of a running bot: the answer engine (swappable at run time), the bot's
//! username and the admin user ids.
//!
//! [`AppState`] is a cheap-to-clone `Arc` newtype handed to every handler. The engine sits
//! behind an [`ArcSwap`], so a reload can replace it atomically: a request that already holds
//! an engine keeps using it to the end, and the next request sees the new one — never a mix.

use std::sync::Arc;

use arc_swap::ArcSwap;

use crate::engine::Engine;

/// Shared state of the running bot; clones share the same data.
#[derive(Debug, Clone)]
pub struct AppState(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    engine: ArcSwap<Engine>,
    username: String,
    admin_ids: Vec<u64>,
}

impl AppState {
    /// `username` is the bot's username without `@` (used to recognise mentions and
    /// `/command@username`); `admin_ids` are the Telegram user ids of the admins.
    pub fn new(engine: Engine, username: impl Into<String>, admin_ids: Vec<u64>) -> AppState {
        AppState(Arc::new(Inner {
            engine: ArcSwap::from_pointee(engine),
            username: username.into(),
            admin_ids,
        }))
    }

    /// The current engine. Hold on to the returned `Arc` for the whole request so that it is
    /// answered from one consistent knowledge base even if a reload happens meanwhile.
    pub fn engine(&self) -> Arc<Engine> {
        self.0.engine.load_full()
    }

    /// Atomically replaces the engine; requests in flight finish with the old one.
    pub fn replace_engine(&self, engine: Engine) {
        self.0.engine.store(Arc::new(engine));
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
    use crate::knowledge::{Fact, Item, KnowledgeBase, SourceInfo};

    fn engine_with_title(title: &str) -> Engine {
        Engine::new(KnowledgeBase {
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
                }],
            }],
            synonym_groups: Vec::new(),
        })
    }

    #[test]
    fn replace_engine_is_seen_by_new_readers_only() {
        let state = AppState::new(engine_with_title("旧"), "fuer_bot", vec![7, 9]);
        let before = state.engine();
        state.clone().replace_engine(engine_with_title("新"));
        assert_eq!(before.knowledge().items[0].title, "旧");
        assert_eq!(state.engine().knowledge().items[0].title, "新");
        assert_eq!(state.username(), "fuer_bot");
        assert_eq!(state.admin_ids(), &[7, 9]);
        assert!(state.is_admin(9));
        assert!(!state.is_admin(8));
    }
}
