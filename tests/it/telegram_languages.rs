//! End to end (issue 14): the bot replies in the asker's language. An English question
//! gets English with the answering figure first and bold; a Traditional question gets
//! Traditional; commands follow the user's `language_code` (or the conversation's last
//! question); in a group each member gets their own language. The command menus per
//! language are checked in `telegram_commands.rs`.

use fuer_core::dialogue::{Request, Speak, respond_in_context};
use fuer_core::lang::Lang;
use fuer_core::texts;

use crate::fake_api::set_user_language;
use crate::telegram_harness::{BOT_USERNAME, TestBot};

const ENGLISH_USER: i64 = 8_880_001;
const TRADITIONAL_USER: i64 = 8_880_002;
const HELP_USER: i64 = 8_880_003;
const GROUP: i64 = -1_008_880_000_004;
const GROUP_ENGLISH: i64 = 8_880_005;
const GROUP_CHINESE: i64 = 8_880_006;
const FOLLOWING_USER: i64 = 8_880_007;

/// What the bot should answer to a request in `lang`, rendered.
fn expected(bot: &TestBot, request: Request<'_>, lang: Lang) -> String {
    let reply = respond_in_context(&bot.engine, request, None, Speak::Only(lang)).reply;
    fuer_bot::telegram::render::render(&reply).messages[0].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_english_question_gets_english_with_the_figure_first_and_bold() {
    let bot = TestBot::start().await;
    let question = "How many nursing rooms are there in Shenzhen?";
    bot.fake.private_text(ENGLISH_USER, question);
    let reply = bot.fake.wait_sent(ENGLISH_USER, 1).await.remove(0);
    assert!(reply.html.starts_with("Answer: <b>1,480</b>\n\n"), "{}", reply.html);
    assert!(reply.html.contains("<b>1,480</b> nursing rooms"), "{}", reply.html);
    assert!(reply.text.contains("Item 5"), "{}", reply.text);
    assert!(
        !reply.text.contains("查看全文"),
        "no Chinese interface text: {}",
        reply.text
    );
    assert_eq!(reply.html, expected(&bot, Request::Question(question), Lang::English));
    // The next command in this conversation follows its language, though the user's app
    // is set to Chinese.
    bot.fake.private_text(ENGLISH_USER, "/list");
    let list = bot.fake.wait_sent(ENGLISH_USER, 2).await.remove(1);
    assert!(list.text.starts_with(texts::LIST_TITLE.en), "{}", list.text);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_traditional_question_gets_traditional() {
    let bot = TestBot::start().await;
    let question = "婦兒大廈到訪人次是多少";
    bot.fake.private_text(TRADITIONAL_USER, question);
    let reply = bot.fake.wait_sent(TRADITIONAL_USER, 1).await.remove(0);
    assert!(reply.html.starts_with("答：<b>716萬餘人次</b>\n\n"), "{}", reply.html);
    assert!(reply.html.contains("累計到訪<b>716萬餘人次</b>"), "{}", reply.html);
    assert!(reply.text.contains("查看全文請發送 /item 4"), "{}", reply.text);
    assert!(!reply.text.contains("妇儿大厦"), "nothing Simplified: {}", reply.text);
    assert_eq!(
        reply.html,
        expected(&bot, Request::Question(question), Lang::Traditional)
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_follows_the_users_language_code() {
    set_user_language(HELP_USER, "en");
    let bot = TestBot::start().await;
    bot.fake.private_text(HELP_USER, "/help");
    let help = bot.fake.wait_sent(HELP_USER, 1).await.remove(0);
    assert!(help.text.starts_with(texts::HELP_TITLE.en), "{}", help.text);
    assert_eq!(help.html, expected(&bot, Request::Help, Lang::English));
    // A Chinese question from the same user gets Chinese, and then so does /help.
    bot.fake.private_text(HELP_USER, "母婴室有多少间");
    let answer = bot.fake.wait_sent(HELP_USER, 2).await.remove(1);
    assert!(answer.text.starts_with("答：1480间"), "{}", answer.text);
    bot.fake.private_text(HELP_USER, "/help");
    let again = bot.fake.wait_sent(HELP_USER, 3).await.remove(2);
    assert!(again.text.starts_with(texts::HELP_TITLE.zh), "{}", again.text);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_group_each_member_is_answered_in_their_language() {
    set_user_language(GROUP_ENGLISH, "en-GB");
    let bot = TestBot::start().await;
    bot.fake.group_text(
        GROUP,
        GROUP_ENGLISH,
        &format!("@{BOT_USERNAME} How many mom jobs were offered?"),
        None,
    );
    let english = bot.fake.wait_sent(GROUP, 1).await.remove(0);
    bot.fake
        .group_text(GROUP, GROUP_CHINESE, &format!("@{BOT_USERNAME} 妈妈岗有多少个"), None);
    let chinese = bot.fake.wait_sent(GROUP, 2).await.remove(1);
    assert!(english.html.starts_with("Answer: <b>9,019</b>"), "{}", english.html);
    assert!(chinese.html.starts_with("答：<b>9019个</b>"), "{}", chinese.html);
    // Commands: each member's conversation, each member's language.
    bot.fake.group_text(GROUP, GROUP_ENGLISH, "/list", None);
    let english_list = bot.fake.wait_sent(GROUP, 3).await.remove(2);
    bot.fake.group_text(GROUP, GROUP_CHINESE, "/list", None);
    let chinese_list = bot.fake.wait_sent(GROUP, 4).await.remove(3);
    assert!(
        english_list.text.starts_with(texts::LIST_TITLE.en),
        "{}",
        english_list.text
    );
    assert!(
        chinese_list.text.starts_with(texts::LIST_TITLE.zh),
        "{}",
        chinese_list.text
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_and_digits_follow_the_conversations_language() {
    let bot = TestBot::start().await;
    bot.fake.private_text(FOLLOWING_USER, "What is item 7 about?");
    let first = bot.fake.wait_sent(FOLLOWING_USER, 1).await.remove(0);
    assert!(first.text.starts_with("Item 7"), "{}", first.text);
    let labels: Vec<String> = first.buttons().into_iter().map(|(label, _)| label).collect();
    assert!(labels.iter().all(|label| label.is_ascii()), "{labels:?}");
    // A button pressed: the item in English, edited in place.
    bot.fake.press(FOLLOWING_USER, &first, "item:5");
    let edited = bot
        .fake
        .wait_for("the edit", |state| state.edits_in(FOLLOWING_USER).first().cloned())
        .await;
    assert!(edited.text.starts_with("Item 5"), "{}", edited.text);
    bot.stop().await;
}
