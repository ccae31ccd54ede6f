//! End to end under faults and load: 429 with `retry_after` (delivered exactly once), 5xx and
//! dropped connections on `getUpdates` (polling recovers), refused sends (logged, apology,
//! the bot keeps going), a burst of 500 messages from 50 chats, and the token never logged.

use std::collections::HashMap;
use std::time::Duration;

use fuer_bot::telegram::render::{MAX_MESSAGE_LEN, utf16_len};
use fuer_core::dialogue::Request;
use fuer_core::texts;
use teloxide::adaptors::throttle::Limits;

use crate::fake_api::Fault;
use crate::telegram_harness::{TestBot, load_library, logs, test_options};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_is_honoured_and_the_message_delivered_exactly_once() {
    // Production rate limits for this one.
    let options = fuer_bot::telegram::Options {
        limits: Limits::default(),
        ..test_options()
    };
    let bot = TestBot::start_with(load_library(), options).await;
    let user = 6_660_001;
    bot.fake.inject("sendMessage", Fault::RetryAfter(1));
    bot.fake.private_text(user, "/list");
    let sent = bot.fake.wait_sent(user, 1).await;
    assert_eq!(sent[0].html, bot.expected(Request::List).messages[0]);

    // A barrier instead of a pause: the chat's updates are handled one after the other, so
    // once the next message is answered, any duplicate of the first would have been sent.
    bot.fake.private_text(user, "/help");
    let sent = bot.fake.wait_sent(user, 2).await;
    assert_eq!(sent[1].html, bot.expected(Request::Help).messages[0]);
    let (delivered, attempts) = {
        let state = bot.fake.state();
        (state.sent_to(user).len(), state.calls_to("sendMessage"))
    };
    assert_eq!(delivered, 2, "the list delivered exactly once, then the help");
    assert_eq!(attempts.len(), 3, "one 429, one successful retry, the help");
    assert_eq!(attempts[0].status, 429);
    assert_eq!(attempts[1].status, 200);
    let waited = attempts[1].at.duration_since(attempts[0].at);
    assert!(
        waited >= Duration::from_millis(950),
        "retried after {waited:?}, not before retry_after"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn polling_recovers_from_5xx_and_lost_connections() {
    let bot = TestBot::start().await;
    let user = 6_660_002;
    // (teloxide itself waits 10 s after a 5xx before retrying: one 5xx per test keeps it fast.)
    for fault in [Fault::Drop, Fault::HtmlStatus(502), Fault::Drop, Fault::Drop] {
        bot.fake.inject("getUpdates", fault);
    }
    // The long poll in flight ends empty; then every fault is hit in turn.
    bot.fake.wait_faults_served("getUpdates").await;
    bot.fake.private_text(user, "/help");
    let sent = bot.fake.wait_sent(user, 1).await;
    assert_eq!(sent[0].html, bot.expected(Request::Help).messages[0]);
    let calls = bot.fake.state().calls_to("getUpdates");
    let failed = calls.iter().filter(|c| c.status != 200).count();
    assert_eq!(failed, 4, "all four faults were hit");
    let dropped = calls.iter().filter(|c| c.status == 0).count();
    assert_eq!(dropped, 3);
    // The lost connections' errors name this test's fake server.
    assert!(
        !logs::wait_for(&bot.fake.url, "getting updates failed").await.is_empty(),
        "the failures are logged"
    );
    // Still polling afterwards.
    bot.fake.private_text(user, "/list");
    bot.fake.wait_sent(user, 2).await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_send_is_logged_apologised_for_and_the_bot_goes_on() {
    let bot = TestBot::start().await;
    let user = 6_660_003;
    let injected = format!("injected in chat {user}");
    bot.fake.inject(
        "sendMessage",
        Fault::Api(400, format!("Bad Request: can't parse entities: {injected}")),
    );
    bot.fake.private_text(user, "/list");
    let sent = bot.fake.wait_sent(user, 1).await;
    assert_eq!(sent[0].text, texts::INTERNAL_ERROR.zh, "a polite apology instead");
    bot.fake.private_text(user, "/list");
    let sent = bot.fake.wait_sent(user, 2).await;
    assert_eq!(
        sent[1].html,
        bot.expected(Request::List).messages[0],
        "and the next message is answered"
    );
    assert!(
        !logs::wait_for(&injected, "error while handling an update")
            .await
            .is_empty(),
        "the handler error is logged"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_500_messages_from_50_chats_is_answered_exactly_once_in_order() {
    let bot = TestBot::start().await;
    let questions: Vec<String> = {
        let mut q: Vec<String> = texts::WELCOME_EXAMPLES.iter().map(|s| s.zh.to_string()).collect();
        q.extend(
            [
                "/list",
                "/item 3",
                "/help",
                "两癌筛查",
                "妇儿大厦",
                "/start item2",
                "儿童友好",
            ]
            .map(String::from),
        );
        q
    };
    assert_eq!(questions.len(), 10);
    let chats: Vec<i64> = (0..50).map(|i| 8_000_000 + i).collect();
    for round in 0..10 {
        for &chat in &chats {
            // Rotate so that each chat asks the ten questions in a different order.
            let question = &questions[(round + chat as usize) % 10];
            bot.fake.private_text(chat, question);
        }
    }
    bot.fake
        .wait_for("500 answers", |s| (s.deliveries.len() >= 500).then_some(()))
        .await;
    // Once the bot has stopped, every update it took has been handled: a duplicate would be
    // there by then.
    let expected_reply = |request| bot.expected(request).messages[0].clone();
    let expected: HashMap<i64, Vec<String>> = chats
        .iter()
        .map(|&chat| {
            let replies = (0..10)
                .map(|round| {
                    let question = &questions[(round + chat as usize) % 10];
                    expected_reply(match question.as_str() {
                        "/list" => Request::List,
                        "/item 3" => Request::Item("3"),
                        "/help" => Request::Help,
                        "/start item2" => Request::Start(Some("item2")),
                        other => Request::Question(other),
                    })
                })
                .collect();
            (chat, replies)
        })
        .collect();
    let fake = bot.stop().await;
    let deliveries = fake.state().deliveries.clone();
    assert_eq!(deliveries.len(), 500, "exactly one answer per message");
    let mut per_chat: HashMap<i64, Vec<String>> = HashMap::new();
    for sent in &deliveries {
        assert!(utf16_len(&sent.text) <= MAX_MESSAGE_LEN);
        per_chat.entry(sent.chat_id).or_default().push(sent.html.clone());
    }
    assert_eq!(per_chat.len(), 50);
    for &chat in &chats {
        assert_eq!(
            per_chat[&chat], expected[&chat],
            "chat {chat}: each question answered once, in order"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_appears_in_the_logs() {
    let bot = TestBot::start().await;
    let user = 6_660_004;
    // Provoke the error paths that quote URLs: lost connections on getUpdates (reqwest
    // errors carry the URL with the token), and a send refused by Telegram.
    for fault in [Fault::Drop, Fault::Drop, Fault::Drop] {
        bot.fake.inject("getUpdates", fault);
    }
    bot.fake.wait_faults_served("getUpdates").await;
    bot.fake.inject(
        "sendMessage",
        Fault::Api(403, format!("Forbidden: bot was blocked by the user {user}")),
    );
    bot.fake.private_text(user, "/help");
    bot.fake.private_text(user, "/list");
    bot.fake.wait_sent(user, 2).await;
    // Errors were logged (so the check below is not vacuous)…
    let errors: Vec<String> = logs::lines_with(&bot.fake.url, "getting updates failed")
        .into_iter()
        .filter(|line| line.contains("token:redacted") || line.contains("<token>"))
        .collect();
    assert!(errors.len() >= 3, "{errors:#?}");
    assert!(
        !logs::wait_for(&format!("blocked by the user {user}"), "Forbidden")
            .await
            .is_empty()
    );
    logs::assert_no_leak(&bot.token);
    // The check itself works: a line with a registered token is caught.
    let canary = crate::telegram_harness::new_token();
    logs::register_secret(&canary);
    log::warn!("canary https://api.telegram.org/bot{canary}/getMe");
    assert_eq!(logs::leaks_of(&canary).len(), 1);
    bot.stop().await;
}

/// A stop requested while the dispatcher is blocked handing an update to a busy chat (its
/// queue full because Telegram is slow to answer) is not lost: the bot handles every update
/// it has received, confirms them to Telegram, and stops. (Presses of expired buttons: their
/// answers are not paced by the rate limiter, which keeps this test fast.)
///
/// No sleep makes the moment likely: the updates after the first come in one batch, and a
/// message of another chat in it, just before the last press, is answered only once the
/// listener holds the batch and the dispatcher has filled the busy chat's queue.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_while_the_dispatcher_waits_for_a_busy_chat_is_not_lost() {
    // One update being handled, 64 waiting in the chat's queue (teloxide's queue size),
    // and one the dispatcher waits to hand over.
    const PRESSES: usize = 66;
    let mut bot = TestBot::start().await;
    let user = 6_660_010;
    let marker = 6_660_011;
    bot.fake.private_text(user, "/list");
    let list = bot.fake.wait_sent(user, 1).await.remove(0);
    bot.fake.hold("answerCallbackQuery");
    bot.fake.press(user, &list, "expired");
    bot.fake
        .wait_for("the first answer to wait for Telegram", |s| {
            (s.waiting.get("answerCallbackQuery").copied().unwrap_or(0) == 1).then_some(())
        })
        .await;
    // The second press is fetched by the poll under way (or waits with the rest); the
    // next poll waits until every other update is queued, so they come in one batch.
    bot.fake.hold("getUpdates");
    bot.fake.press(user, &list, "expired");
    bot.fake
        .wait_for("the listener to ask for more", |s| {
            (s.waiting.get("getUpdates").copied().unwrap_or(0) == 1).then_some(())
        })
        .await;
    for _ in 2..PRESSES - 1 {
        bot.fake.press(user, &list, "expired");
    }
    bot.fake.private_text(marker, "/help");
    bot.fake.press(user, &list, "expired");
    bot.fake.release("getUpdates");
    // The marker answered: the batch is received (nothing is in flight that a stop would
    // drop) and the dispatcher is past the full queue's updates, at the last press, which
    // it cannot hand over while the first answer waits.
    bot.fake.wait_sent(marker, 1).await;
    assert!(
        bot.fake.state().callback_answers.is_empty(),
        "the first update is still being handled"
    );
    bot.request_stop().await;
    bot.fake.release("answerCallbackQuery");
    let fake = bot.stop().await;
    let answers = fake.state().callback_answers.clone();
    assert_eq!(
        answers.len(),
        PRESSES,
        "every update received before the stop is handled"
    );
    assert!(
        answers
            .iter()
            .all(|answer| answer["text"] == texts::CALLBACK_EXPIRED.zh)
    );
    fake.wait_consumed().await;
}
