//! Inline mode: `@botname 母婴室` in any chat offers article results — the matching facts
//! first, then the items — each sending the fact (or the item) with its item title, in the
//! language of the query's script (else the user's `language_code`).

use teloxide::types::{
    InlineQueryResult, InlineQueryResultArticle, InputMessageContent, InputMessageContentText, ParseMode,
};

use super::render::{MAX_MESSAGE_LEN, render_messages};
use fuer_core::dialogue::MAX_QUESTION_CHARS;
use fuer_core::engine::{Engine, Intent, Missing};
use fuer_core::knowledge::Item;
use fuer_core::lang::Lang;
use fuer_core::library::Library;
use fuer_core::reply::{self, Paragraph, Reply};
use fuer_core::texts;

/// Most results offered for one inline query.
pub const MAX_INLINE_RESULTS: usize = 10;

/// One article result, before it is turned into Telegram's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineArticle {
    /// Unique within the answer, at most 64 bytes: `f5-2` (fact 2 of item 5) or `i5`.
    pub id: String,
    pub title: String,
    pub description: String,
    /// The HTML message sent when the result is chosen.
    pub html: String,
}

impl InlineArticle {
    pub fn into_result(self) -> InlineQueryResult {
        let content = InputMessageContentText::new(self.html).parse_mode(ParseMode::Html);
        InlineQueryResult::Article(
            InlineQueryResultArticle::new(self.id, self.title, InputMessageContent::Text(content))
                .description(self.description),
        )
    }
}

/// The results for an inline query: matching facts first, then items; at most
/// [`MAX_INLINE_RESULTS`]. An empty query offers the items.
pub fn inline_articles(engine: &Engine, query: &str, lang: Lang) -> Vec<InlineArticle> {
    let knowledge = engine.knowledge();
    let query = query.trim();
    let mut articles = Vec::new();
    let mut items: Vec<u8> = Vec::new();
    if query.is_empty() {
        items.extend(knowledge.items.iter().map(|item| item.number));
    } else if query.chars().count() <= MAX_QUESTION_CHARS {
        let answer = engine.answer(query);
        match answer.intent {
            Intent::Item | Intent::Ordinal => {
                for part in answer.parts() {
                    let Some(item) = knowledge.item(part.item) else {
                        continue;
                    };
                    match &part.missing {
                        Some(missing) => articles.push(related_article(engine, item, missing, &part.facts, lang)),
                        None => {
                            for &index in &part.facts {
                                if let Some(text) = reply::sentence_in(lang, item, index) {
                                    articles.push(fact_article(engine, item, index, &text, lang));
                                }
                            }
                        }
                    }
                    items.push(item.number);
                }
                items.extend(&answer.suggestions);
            }
            Intent::Declined => items.extend(&answer.suggestions),
            Intent::List
            | Intent::Navigation(_)
            | Intent::NoSuchItem
            | Intent::Greeting
            | Intent::Thanks
            | Intent::Help
            | Intent::Source
            | Intent::Empty => {
                items.extend(knowledge.items.iter().map(|item| item.number));
            }
        }
    }
    let mut seen = Vec::new();
    for number in items {
        if seen.contains(&number) {
            continue;
        }
        seen.push(number);
        if let Some(item) = knowledge.item(number) {
            articles.push(item_article(engine, item, lang));
        }
    }
    articles.truncate(MAX_INLINE_RESULTS);
    articles
}

/// The results for an inline query, as Telegram types, in `lang`, from the article the
/// query goes to (the latest for an empty or overlong one).
pub fn inline_results(library: &Library, query: &str, lang: Lang) -> Vec<InlineQueryResult> {
    let query = query.trim();
    let article = if query.is_empty() || query.chars().count() > MAX_QUESTION_CHARS {
        library.latest_index()
    } else {
        library.route(query).article
    };
    inline_articles(library.engine(article), query, lang)
        .into_iter()
        .map(InlineArticle::into_result)
        .collect()
}

/// The heading ("第5件｜标题") and source paragraphs of an item, as the full item shows them.
fn heading_and_source(engine: &Engine, item: &Item, lang: Lang) -> (Paragraph, Paragraph) {
    let full = reply::full_item(lang, engine.knowledge(), item);
    let heading = full
        .paragraphs
        .first()
        .cloned()
        .unwrap_or_else(|| Paragraph::bold(reply::item_title(lang, item)));
    let source = full.paragraphs.last().cloned().unwrap_or_default();
    (heading, source)
}

fn first_message(paragraphs: Vec<Paragraph>) -> String {
    let reply = Reply {
        paragraphs,
        keyboard: Vec::new(),
    };
    render_messages(&reply, MAX_MESSAGE_LEN)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// A *related* result: what the article does not say about the topic, then what it says.
fn related_article(engine: &Engine, item: &Item, missing: &Missing, facts: &[usize], lang: Lang) -> InlineArticle {
    let (heading, source) = heading_and_source(engine, item, lang);
    let sentence = reply::missing_sentence(lang, engine.knowledge(), item, missing);
    let mut paragraphs = vec![heading, Paragraph::plain(sentence.clone())];
    let fact_texts: Vec<String> = facts
        .iter()
        .filter_map(|&index| reply::sentence_in(lang, item, index))
        .collect();
    if !fact_texts.is_empty() {
        paragraphs.push(Paragraph::plain(texts::RELATED_OFFER.get(lang)));
        paragraphs.extend(fact_texts.iter().map(|text| Paragraph::plain(text.to_string())));
    }
    paragraphs.push(source);
    InlineArticle {
        id: format!("r{}", item.number),
        title: sentence,
        description: fact_texts.first().map_or_else(String::new, |text| text.to_string()),
        html: first_message(paragraphs),
    }
}

fn fact_article(engine: &Engine, item: &Item, index: usize, fact: &str, lang: Lang) -> InlineArticle {
    let (heading, source) = heading_and_source(engine, item, lang);
    InlineArticle {
        id: format!("f{}-{index}", item.number),
        title: heading.text(),
        description: fact.to_string(),
        html: first_message(vec![heading, Paragraph::plain(fact.to_string()), source]),
    }
}

fn item_article(engine: &Engine, item: &Item, lang: Lang) -> InlineArticle {
    let (heading, source) = heading_and_source(engine, item, lang);
    // The full item's second paragraph is the headline in `lang`.
    let full = reply::full_item(lang, engine.knowledge(), item);
    let headline = full.paragraphs.get(1).cloned().unwrap_or_default();
    let summary = match (lang, &item.en.summary) {
        (Lang::English, Some(summary)) => summary.clone(),
        _ => lang.script(&item.summary),
    };
    InlineArticle {
        id: format!("i{}", item.number),
        title: heading.text(),
        description: format!("{}{}", texts::INLINE_ITEM_DESCRIPTION_PREFIX.get(lang), headline.text()),
        html: first_message(vec![heading, headline, Paragraph::plain(summary), source]),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn engine() -> Engine {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        let knowledge = crate::knowledge_dir::load_knowledge_dir(&dir).expect("the knowledge files load");
        Engine::new(knowledge.into_first())
    }

    #[test]
    fn empty_query_offers_the_items() {
        let engine = engine();
        let articles = inline_articles(&engine, "  ", Lang::Simplified);
        let expected = engine.knowledge().items.len().min(MAX_INLINE_RESULTS);
        assert_eq!(articles.len(), expected);
        assert!(articles.iter().all(|a| a.id.starts_with('i')));
    }

    #[test]
    fn a_topic_offers_its_facts_first_then_items() {
        let engine = engine();
        let answer = engine.answer("母婴室");
        let item = answer.item.expect("母婴室 matches an item");
        let articles = inline_articles(&engine, "母婴室", Lang::Simplified);
        assert!(!articles.is_empty() && articles.len() <= MAX_INLINE_RESULTS);
        assert!(articles[0].id.starts_with(&format!("f{item}-")), "{:?}", articles[0]);
        assert!(articles.iter().any(|a| a.id == format!("i{item}")));
        let title = &engine.knowledge().item(item).expect("item").title;
        for article in &articles {
            assert!(article.id.len() <= 64);
            assert!(article.html.starts_with("<b>"));
            if article.id.starts_with('f') {
                assert!(article.html.contains(title.as_str()));
                assert!(
                    article
                        .html
                        .contains(&super::super::render::escape_html(&article.description))
                );
            }
        }
        let ids: std::collections::HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), articles.len());
    }

    #[test]
    fn nonsense_offers_nothing_or_suggestions_only() {
        let engine = engine();
        let articles = inline_articles(&engine, "zzqx 火星天气预报", Lang::Simplified);
        assert!(articles.iter().all(|a| a.id.starts_with('i')));
        assert!(inline_articles(&engine, &"长".repeat(MAX_QUESTION_CHARS + 1), Lang::Simplified).is_empty());
    }
}
