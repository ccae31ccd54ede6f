//! Conversation context: what the last reply of a chat was about, so that follow-ups
//! (「那两癌筛查呢」, 「来过多少人」, 「下一件」) are understood.
//!
//! A [`Context`] is a plain value of the core; the dialogue step reads one and says how it
//! changes ([`ContextChange`]). Where contexts are kept (in memory, per chat) is the edges'
//! business: the core never stores one.

use crate::engine::{Answer, Focus};

/// What the conversation is about.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    /// The id of the conversation's article (`2024-shenzhen`); empty when the conversation
    /// was held with one engine that does not say (the library sets it, see
    /// [`crate::library::respond`]).
    pub article: String,
    /// The item of the last reply; 0 when the conversation has an article but no item yet
    /// (its list was shown).
    pub item: u8,
    /// The facts the last question was about (empty: the whole item).
    pub topic_facts: Vec<usize>,
    /// The item's facts already shown in this conversation.
    pub shown: Vec<usize>,
    /// The kind of the last question (`quantity`, `price` …).
    pub asked: Option<String>,
    /// The first figure of the last reply's first fact (e.g. `1480间`), if any.
    pub figure: Option<String>,
}

impl Context {
    /// After a whole item was shown (`/item 5`, a button, 下一件).
    pub fn whole_item(item: u8, fact_count: usize) -> Context {
        Context {
            article: String::new(),
            item,
            topic_facts: Vec::new(),
            shown: (0..fact_count).collect(),
            asked: None,
            figure: None,
        }
    }

    /// After an answer about an item: the last topic of the answer (several topics: the
    /// last named), the facts shown (added to those shown before for the same item).
    pub(crate) fn after_answer(answer: &Answer, previous: Option<&Context>, figure: Option<String>) -> Option<Context> {
        let parts = answer.parts();
        let last = parts.last()?;
        let mut shown: Vec<usize> = match previous {
            Some(previous) if previous.item == last.item => previous.shown.clone(),
            _ => Vec::new(),
        };
        for &fact in &last.facts {
            if !shown.contains(&fact) {
                shown.push(fact);
            }
        }
        let topic_facts = if parts.len() == 1 {
            answer.topic_facts.clone()
        } else {
            last.facts.clone()
        };
        Some(Context {
            article: previous.map(|previous| previous.article.clone()).unwrap_or_default(),
            item: last.item,
            topic_facts,
            shown,
            asked: answer.asked.as_ref().map(|asked| asked.kind.clone()),
            figure,
        })
    }

    /// A conversation that has chosen an article (its list was shown) but no item yet.
    pub(crate) fn of_article(article: &str) -> Context {
        Context {
            article: article.to_string(),
            ..Context::default()
        }
    }

    /// Whether the conversation is about an item (not only an article).
    pub fn has_item(&self) -> bool {
        self.item != 0
    }

    /// What the engine needs of it.
    pub fn focus(&self) -> Focus {
        Focus {
            item: self.item,
            facts: self.topic_facts.clone(),
            shown: self.shown.clone(),
            asked: self.asked.clone(),
        }
    }
}

/// How a reply changes the conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextChange {
    /// Unchanged (a greeting, a declined question, the list …).
    Keep,
    Set(Context),
}
