//! End to end with a purpose-built knowledge base: knowledge text full of `<`, `>` and `&`
//! is escaped, and an item longer than 4096 characters is split on paragraph boundaries
//! (keyboard on the last message), in replies and in button navigation.

use fuer_bot::telegram::render::{MAX_MESSAGE_LEN, escape_html, utf16_len};
use fuer_core::dialogue::Request;
use fuer_core::engine::Engine;
use fuer_core::knowledge::{Fact, Item, KnowledgeBase, SourceInfo};
use fuer_core::library::Library;

use crate::telegram_harness::{TestBot, test_options};

const USER: i64 = 3_330_001;

fn fact(text: String, keywords: &[&str]) -> Fact {
    Fact {
        text,
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        en: None,
    }
}

/// Item 1: twelve facts of ~600 characters (well over 4096 in total); item 2: markup-like text.
fn tricky_engine() -> Engine {
    let long_facts = (1..=12)
        .map(|i| {
            fact(
                format!("第{i}条：{}", "超长的事实内容，包括数字123与符号&。".repeat(30)),
                &["超长"],
            )
        })
        .collect();
    Engine::new(KnowledgeBase {
        id: "test".into(),
        year: 2024,
        source: SourceInfo {
            title: "测试 <来源> & 标题".to_string(),
            publisher: "出版者&".to_string(),
            date: "2025-01-01".to_string(),
        },
        items: vec![
            Item {
                number: 1,
                headline: "一件很长的大事".to_string(),
                title: "长篇".to_string(),
                summary: "很长。".to_string(),
                keywords: vec!["长篇".to_string()],
                facts: long_facts,
                en: Default::default(),
            },
            Item {
                number: 2,
                headline: "标题 <b>不是标签</b> & 符号".to_string(),
                title: "A&B<i>".to_string(),
                summary: "摘要 </i> &amp;".to_string(),
                keywords: vec!["标记".to_string()],
                facts: vec![fact("母婴室 <i>斜体</i> & 5 > 3 &lt;".to_string(), &["母婴室"])],
                en: Default::default(),
            },
        ],
        synonym_groups: Vec::new(),
        concepts: Vec::new(),
        question_words: Default::default(),
        glossary: Vec::new(),
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn knowledge_text_is_escaped() {
    let bot = TestBot::start_with(
        Library::of_engines(vec![tricky_engine()]).expect("one engine"),
        test_options(),
    )
    .await;
    bot.fake.private_text(USER, "/item 2");
    let sent = bot.fake.wait_sent(USER, 1).await;
    let reply = &sent[0];
    assert!(
        reply.text.contains("母婴室 <i>斜体</i> & 5 > 3 &lt;"),
        "shown literally: {}",
        reply.text
    );
    assert!(reply.text.contains("标题 <b>不是标签</b> & 符号"));
    assert!(reply.html.contains(&escape_html("母婴室 <i>斜体</i> & 5 > 3 &lt;")));
    assert!(reply.text.contains("测试 <来源> & 标题"));
    // Button labels are plain text, not HTML.
    bot.fake.private_text(USER, "/list");
    let list = bot.fake.wait_sent(USER, 2).await.remove(1);
    assert!(list.buttons().iter().any(|(label, _)| label == "2. A&B<i>"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_item_is_split_on_paragraph_boundaries() {
    let bot = TestBot::start_with(
        Library::of_engines(vec![tricky_engine()]).expect("one engine"),
        test_options(),
    )
    .await;
    let expected = bot.expected(Request::Item("1"));
    assert!(expected.messages.len() >= 2, "the item is longer than one message");
    bot.fake.private_text(USER, "/item 1");
    let sent = bot.fake.wait_sent(USER, expected.messages.len()).await;
    assert_eq!(sent.len(), expected.messages.len());
    let item = bot.engine.knowledge().item(1).expect("item 1").clone();
    for (index, message) in sent.iter().enumerate() {
        assert!(utf16_len(&message.html) <= MAX_MESSAGE_LEN);
        assert_eq!(message.html, expected.messages[index]);
        let last = index + 1 == sent.len();
        assert_eq!(
            message.markup.is_some(),
            last,
            "the keyboard goes on the last message only"
        );
    }
    // Every fact whole in exactly one message.
    for fact in &item.facts {
        assert_eq!(
            sent.iter().filter(|m| m.text.contains(&fact.text)).count(),
            1,
            "{}",
            fact.text.chars().take(10).collect::<String>()
        );
    }
    assert_eq!(
        sent.last().map(|m| m.callback_data()),
        Some(vec!["list:test".to_string(), "item:test:2".to_string()])
    );

    // Navigating to it with a button edits the message with the first part and sends the rest.
    let from = sent.last().expect("a message").clone();
    bot.fake.press(USER, &from, "list");
    bot.fake
        .wait_for("the edit to the list", |s| s.edits_in(USER).first().cloned())
        .await;
    bot.fake.press(USER, &from, "item:1");
    let edited = bot
        .fake
        .wait_for("the edit to item 1", |s| s.edits_in(USER).get(1).cloned())
        .await;
    assert_eq!(edited.html, expected.messages[0]);
    let all = bot.fake.wait_sent(USER, 2 * expected.messages.len() - 1).await;
    let tail: Vec<String> = all[expected.messages.len()..].iter().map(|m| m.html.clone()).collect();
    assert_eq!(tail, expected.messages[1..].to_vec());
    bot.stop().await;
}
