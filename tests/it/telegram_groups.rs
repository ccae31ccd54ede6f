//! End to end: group behaviour (silence vs mention vs reply vs `/cmd@bot`) and inline mode.

use fuer_bot::telegram::inline::inline_articles;
use fuer_core::dialogue::Request;
use fuer_core::texts;

use crate::telegram_harness::{BOT_USERNAME, TestBot};

const GROUP: i64 = -1_001_987_654_321;
const BASIC_GROUP: i64 = -4_012_345_678;
const MEMBER: i64 = 7_770_001;

/// Sends `/help` as a marker and waits for its answer: updates of one chat are handled in
/// order, so everything sent before the marker has been fully handled by then.
async fn marker(bot: &TestBot, chat: i64, answered_before: usize) -> usize {
    bot.fake.group_text(chat, MEMBER, "/help", None);
    let sent = bot.fake.wait_sent(chat, answered_before + 1).await;
    let last = sent.last().expect("the marker's answer");
    assert_eq!(
        last.html,
        bot.expected(Request::Help).messages[0],
        "the marker is answered last"
    );
    sent.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_stay_silent_unless_addressed() {
    let bot = TestBot::start().await;
    // Chatter, other bots' commands, unknown bare commands, media: silence.
    bot.fake.group_text(GROUP, MEMBER, "大家好，明天开会", None);
    bot.fake.group_text(GROUP, MEMBER, "母婴室有多少间？", None);
    bot.fake.group_text(GROUP, MEMBER, "/list@another_bot", None);
    bot.fake.group_text(GROUP, MEMBER, "/ban 3", None);
    bot.fake
        .group_text(GROUP, MEMBER, "问一下 @fuer_test_bot_old 母婴室", None);
    bot.fake.sticker(GROUP, MEMBER);
    bot.fake.photo(GROUP, MEMBER);
    let count = marker(&bot, GROUP, 0).await;
    assert_eq!(count, 1, "only the marker was answered");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_answer_mentions_replies_and_commands_for_the_bot() {
    let bot = TestBot::start().await;
    let question = texts::WELCOME_EXAMPLES[0].zh;

    // A mention anywhere in the message.
    let asked = bot
        .fake
        .group_text(GROUP, MEMBER, &format!("@{BOT_USERNAME} {question}"), None);
    let answer = bot.fake.wait_sent(GROUP, 1).await.remove(0);
    assert_eq!(answer.html, bot.expected(Request::Question(question)).messages[0]);
    assert_eq!(answer.reply_to, Some(asked), "the answer replies to the question");

    // A reply to the bot's message, without a mention.
    let follow_up = texts::WELCOME_EXAMPLES[1].zh;
    let asked = bot.fake.group_text(GROUP, MEMBER, follow_up, Some(&answer));
    let second = bot.fake.wait_sent(GROUP, 2).await.remove(1);
    assert_eq!(second.html, bot.expected(Request::Question(follow_up)).messages[0]);
    assert_eq!(second.reply_to, Some(asked));

    // Commands, addressed or not, in a supergroup and a basic group.
    bot.fake
        .group_text(GROUP, MEMBER, &format!("/item@{BOT_USERNAME} 5"), None);
    bot.fake.group_text(GROUP, MEMBER, "/list", None);
    bot.fake
        .group_text(GROUP, MEMBER, &format!("/stats@{BOT_USERNAME}"), None);
    let sent = bot.fake.wait_sent(GROUP, 5).await;
    assert_eq!(sent[2].html, bot.expected(Request::Item("5")).messages[0]);
    assert_eq!(sent[3].html, bot.expected(Request::List).messages[0]);
    assert_eq!(sent[4].text, texts::UNKNOWN_COMMAND.zh);

    bot.fake.group_text(
        BASIC_GROUP,
        MEMBER,
        &format!("/start@{}", BOT_USERNAME.to_uppercase()),
        None,
    );
    let welcome = bot.fake.wait_sent(BASIC_GROUP, 1).await.remove(0);
    assert_eq!(welcome.html, bot.expected(Request::Start(None)).messages[0]);

    // Buttons work in groups too, editing in place.
    bot.fake.press(MEMBER, &sent[3], "item:2");
    let edited = bot
        .fake
        .wait_for("the edit in the group", |s| s.edits_in(GROUP).first().cloned())
        .await;
    assert_eq!(edited.message_id, sent[3].message_id);
    assert_eq!(edited.html, bot.expected(Request::Item("2")).messages[0]);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inline_mode_offers_facts_then_items() {
    let bot = TestBot::start().await;
    let query_id = bot.fake.inline_query(MEMBER, "母婴室");
    let answer = bot
        .fake
        .wait_for("the inline answer", |s| s.inline_answers.first().cloned())
        .await;
    assert_eq!(answer["inline_query_id"], query_id.as_str());
    let results = answer["results"].as_array().cloned().unwrap_or_default();
    let expected = inline_articles(&bot.engine, "母婴室", fuer_core::lang::Lang::Simplified);
    assert!(!results.is_empty() && results.len() <= 10, "{} results", results.len());
    assert_eq!(results.len(), expected.len());
    let item = bot.engine.answer("母婴室").item.expect("母婴室 is an item");
    let title = &bot.engine.knowledge().item(item).expect("item").title;
    assert!(
        results[0]["id"]
            .as_str()
            .is_some_and(|id| id.starts_with(&format!("f{item}-"))),
        "a fact first"
    );
    for (result, article) in results.iter().zip(&expected) {
        assert_eq!(result["type"], "article");
        assert_eq!(result["id"], article.id.as_str());
        assert_eq!(result["input_message_content"]["parse_mode"], "HTML");
        let text = result["input_message_content"]["message_text"]
            .as_str()
            .unwrap_or_default();
        assert!(
            text.contains(title.as_str()),
            "each result carries its item title: {text}"
        );
    }
    assert!(
        results.iter().any(|r| r["id"] == format!("i{item}")),
        "and the item itself"
    );

    // An empty query lists the items.
    bot.fake.inline_query(MEMBER, "");
    let all = bot
        .fake
        .wait_for("the second inline answer", |s| s.inline_answers.get(1).cloned())
        .await;
    let count = all["results"].as_array().map_or(0, Vec::len);
    assert_eq!(count, bot.engine.knowledge().items.len().min(10));
    bot.stop().await;
}
