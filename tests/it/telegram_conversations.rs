//! End to end: conversations through the fake Bot API — follow-ups in a private chat and in
//! a group (each member their own), buttons and `/item` setting the topic, two chats
//! interleaved without leaking into each other, and a context forgotten after silence.

use std::time::Duration;

use fuer_core::dialogue::Request;

use crate::telegram_harness::{BOT_USERNAME, TestBot, load_library, test_options};

const ALICE: i64 = 5_550_001;
const BOB: i64 = 5_550_002;
const GROUP: i64 = -1_002_223_334_445;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_private_chat_follows_up_on_what_was_said() {
    let bot = TestBot::start().await;
    let turns = ["母婴室有多少间", "那两癌筛查呢", "其中免费的有多少"];
    for (index, turn) in turns.iter().enumerate() {
        bot.fake.private_text(ALICE, turn);
        let sent = bot.fake.wait_sent(ALICE, index + 1).await;
        let expected = bot.expected_in_conversation(&turns[..=index]);
        assert_eq!(sent[index].html, expected.messages[0], "turn {turn}");
    }
    let sent = bot.fake.state().sent_to(ALICE);
    assert!(sent[1].text.contains("208.8万"), "{}", sent[1].text);
    assert!(sent[2].text.contains("60.44万"), "{}", sent[2].text);
    // Asked on its own, the last question is not answered that way.
    let alone = bot.expected(Request::Question("其中免费的有多少"));
    assert_ne!(sent[2].html, alone.messages[0]);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_group_each_member_has_their_own_conversation() {
    let bot = TestBot::start().await;
    let first = bot
        .fake
        .group_text(GROUP, ALICE, &format!("@{BOT_USERNAME} 母婴室有多少间"), None);
    let answer = bot.fake.wait_sent(GROUP, 1).await.remove(0);
    assert_eq!(answer.reply_to, Some(first));
    // Alice follows up by replying to the bot: answered in her conversation.
    bot.fake.group_text(GROUP, ALICE, "那两癌筛查呢", Some(&answer));
    let follow_up = bot.fake.wait_sent(GROUP, 2).await.remove(1);
    assert!(follow_up.text.contains("208.8万"), "{}", follow_up.text);
    // Bob's question names no topic, and he has no conversation yet: declined.
    bot.fake
        .group_text(GROUP, BOB, &format!("@{BOT_USERNAME} 其中免费的有多少"), None);
    let bobs = bot.fake.wait_sent(GROUP, 3).await.remove(2);
    assert_eq!(
        bobs.html,
        bot.expected(Request::Question("其中免费的有多少")).messages[0]
    );
    // Alice's conversation is still hers.
    bot.fake
        .group_text(GROUP, ALICE, &format!("@{BOT_USERNAME} 其中免费的有多少"), None);
    let alices = bot.fake.wait_sent(GROUP, 4).await.remove(3);
    assert!(alices.text.contains("60.44万"), "{}", alices.text);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_chats_interleaved_keep_their_own_topics() {
    let bot = TestBot::start().await;
    bot.fake.private_text(ALICE, "/item 4");
    bot.fake.private_text(BOB, "/item 9");
    bot.fake.wait_sent(ALICE, 1).await;
    bot.fake.wait_sent(BOB, 1).await;
    bot.fake.private_text(BOB, "培训覆盖多少人次");
    bot.fake.private_text(ALICE, "来过多少人");
    let alice = bot.fake.wait_sent(ALICE, 2).await.remove(1);
    let bob = bot.fake.wait_sent(BOB, 2).await.remove(1);
    assert!(alice.text.contains("716万"), "{}", alice.text);
    assert!(bob.text.contains("12154"), "{}", bob.text);
    assert_eq!(
        alice.html,
        bot.expected_in_conversation(&["/item 4", "来过多少人"]).messages[0]
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_sets_the_topic_and_next_moves_on() {
    let bot = TestBot::start().await;
    bot.fake.private_text(ALICE, "/list");
    let list = bot.fake.wait_sent(ALICE, 1).await.remove(0);
    bot.fake.press(ALICE, &list, "item:4");
    bot.fake
        .wait_for("the list to become item 4", |s| {
            (!s.edits_in(ALICE).is_empty()).then_some(())
        })
        .await;
    bot.fake.private_text(ALICE, "办了多少场活动");
    let answer = bot.fake.wait_sent(ALICE, 2).await.remove(1);
    assert!(answer.text.contains("1458"), "{}", answer.text);
    bot.fake.private_text(ALICE, "下一件");
    let next = bot.fake.wait_sent(ALICE, 3).await.remove(2);
    assert_eq!(next.html, bot.expected(Request::Item("5")).messages[0]);
    bot.stop().await;
}

/// The conversations' clock is the test's: it moves on by hand instead of the test sleeping.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conversation_is_forgotten_after_its_lifetime_of_silence() {
    let minute = Duration::from_secs(60);
    let time = std::sync::Arc::new(std::sync::Mutex::new(std::time::Instant::now()));
    let later = |by: Duration| {
        let mut now = time.lock().unwrap();
        *now += by;
    };
    let reader = std::sync::Arc::clone(&time);
    let mut options = test_options();
    options.context_ttl = 30 * minute;
    options.context_clock = fuer_bot::conversations::Clock::new(move || *reader.lock().unwrap());
    let bot = TestBot::start_with(load_library(), options).await;
    bot.fake.private_text(ALICE, "/item 4");
    bot.fake.wait_sent(ALICE, 1).await;
    // 29 minutes of silence: the follow-up is about item 4.
    later(29 * minute);
    bot.fake.private_text(ALICE, "来过多少人");
    let remembered = bot.fake.wait_sent(ALICE, 2).await.remove(1);
    assert!(remembered.text.contains("716万"), "{}", remembered.text);
    // Then 30 minutes of silence: forgotten, the question is answered on its own.
    later(30 * minute);
    bot.fake.private_text(ALICE, "来过多少人");
    let answer = bot.fake.wait_sent(ALICE, 3).await.remove(2);
    assert_eq!(answer.html, bot.expected(Request::Question("来过多少人")).messages[0]);
    assert!(!answer.text.contains("716万"), "{}", answer.text);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn related_replies_read_the_same_in_a_chat_and_inline() {
    let bot = TestBot::start().await;
    let question = "妇儿大厦门票多少钱";
    let sentence = "文章没有提到妇儿大厦的门票价格或收费标准。";
    bot.fake.private_text(ALICE, question);
    let reply = bot.fake.wait_sent(ALICE, 1).await.remove(0);
    assert_eq!(reply.html, bot.expected(Request::Question(question)).messages[0]);
    assert!(reply.text.contains(sentence), "{}", reply.text);
    // The console says the same words.
    let console = fuer_bot::console::respond_to_line(&bot.library, question)
        .response
        .reply
        .to_plain_text();
    assert!(console.contains(sentence), "{console}");
    // Inline: the first result says what the article does not say, and sends it.
    bot.fake.inline_query(ALICE, question);
    let answer = bot
        .fake
        .wait_for("the inline answer", |s| s.inline_answers.first().cloned())
        .await;
    let first = &answer["results"][0];
    assert_eq!(first["id"], "r4");
    assert_eq!(first["title"], sentence);
    let text = first["input_message_content"]["message_text"]
        .as_str()
        .unwrap_or_default();
    assert!(text.contains(sentence), "{text}");
    bot.stop().await;
}
