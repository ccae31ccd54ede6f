//! Telegram end to end with two articles (the shipped 2024 one and the invented 2025 test
//! article, imported as an admin would): `/list` shows the latest and offers the older one,
//! `/list 2024` lists that year's, a question naming a year goes to that year's article and
//! the reply names the article it quotes, a button of the older article opens its item, an
//! old `item:5` button and an old `?start=item5` deep link open the first article, and a
//! follow-up stays in the conversation's article.

use fuer_core::dialogue::Request;
use fuer_core::library::Library;
use fuer_core::texts;

use crate::fake_api::Sent;
use crate::support::two_articles;
use crate::telegram_harness::{TestBot, test_options};

const USER: i64 = 1_160_001;
const OLD: &str = "2024-shenzhen";
const NEW: &str = "2025-shenzhen";

async fn bot_with_two_articles() -> (TestBot, tempfile::TempDir) {
    let dir = two_articles();
    let library = fuer_bot::cli::load_library(dir.path()).expect("both articles load");
    assert_eq!(library.engines().len(), 2);
    (TestBot::start_with(library, test_options()).await, dir)
}

fn title(library: &Library, id: &str) -> String {
    let index = library.index_of(id).expect("the article is served");
    library.engine(index).knowledge().source.title.clone()
}

/// The `n`-th message sent to the user (waiting for it).
async fn nth(bot: &TestBot, n: usize) -> Sent {
    bot.fake.wait_sent(USER, n + 1).await.remove(n)
}

/// The headline of item `item` of the `engine`-th article the bot serves.
fn headline(bot: &TestBot, engine: usize, item: u8) -> String {
    bot.library
        .engine(engine)
        .knowledge()
        .item(item)
        .expect("the item")
        .headline
        .clone()
}

/// `/list` shows the latest article's items and a button to the older one; `/list 2024`
/// lists that year's (the user's messages 0 and 1, returned).
async fn check_lists(bot: &TestBot, old_title: &str, new_title: &str) -> (Sent, Sent) {
    // /list: the latest article's items, and a button to the other one.
    bot.fake.private_text(USER, "/list");
    let list = nth(bot, 0).await;
    assert_eq!(list.html, bot.expected(Request::List).messages[0]);
    assert!(list.text.contains(new_title), "{}", list.text);
    let data = list.callback_data();
    assert!(data.contains(&format!("item:{NEW}:1")), "{data:?}");
    assert!(
        data.contains(&format!("list:{OLD}")),
        "the older article is offered: {data:?}"
    );
    assert!(data.iter().all(|data| data.len() <= 64));
    assert!(list.text.contains("/list 2024"), "{}", list.text);

    // /list 2024: that year's list.
    bot.fake.private_text(USER, "/list 2024");
    let list_2024 = nth(bot, 1).await;
    assert_eq!(list_2024.html, bot.expected(Request::ListOf("2024")).messages[0]);
    assert!(list_2024.text.contains(old_title));
    assert!(list_2024.callback_data().contains(&format!("item:{OLD}:5")));
    assert!(list_2024.callback_data().contains(&format!("list:{NEW}")));
    (list, list_2024)
}

/// A question naming a year goes to that year's article and the reply says which; one
/// about the 2025 article's topic, with no year, is answered from it, and a follow-up stays
/// in the conversation's article (the user's messages 2 to 4). Returns the 2025 answer.
async fn check_questions_go_to_their_article(bot: &TestBot, old_title: &str, new_title: &str) -> Sent {
    bot.fake.private_text(USER, "2024年全市建了多少间母婴室");
    let answer = nth(bot, 2).await;
    assert!(answer.text.contains("1480间"), "{}", answer.text);
    assert!(
        answer
            .text
            .contains(&texts::quoted_article(fuer_core::lang::Lang::Simplified, old_title)),
        "{}",
        answer.text
    );
    assert!(answer.callback_data().iter().all(|data| data.contains(OLD)));

    // A question about the 2025 article's topic, with no year, is answered from it.
    bot.fake.private_text(USER, "女性创业博览会有多少家企业参展");
    let new_answer = nth(bot, 3).await;
    assert!(new_answer.text.contains("326家"), "{}", new_answer.text);
    assert!(
        new_answer
            .text
            .contains(&texts::quoted_article(fuer_core::lang::Lang::Simplified, new_title))
    );
    // A follow-up stays in the conversation's article (the 2025 one).
    bot.fake.private_text(USER, "下一件");
    let next = nth(bot, 4).await;
    let second_2025 = headline(bot, 1, 2);
    assert!(next.text.contains(&second_2025), "{}", next.text);
    new_answer
}

/// The older article's button on the first list replaces the message with its list, and a
/// button of the older article opens its item (the user's edits 0 and 1). Returns the id
/// of the first press.
async fn check_buttons_of_the_older_article(bot: &TestBot, list: &Sent, list_2024: &Sent) -> String {
    let pressed = bot.fake.press(USER, list, &format!("list:{OLD}"));
    let edited = bot
        .fake
        .wait_for("the list of 2024", |s| s.edits_in(USER).first().cloned())
        .await;
    assert_eq!(edited.message_id, list.message_id);
    assert_eq!(edited.html, list_2024.html);
    // A button of the older article opens the older article's item.
    bot.fake.press(USER, &edited, &format!("item:{OLD}:5"));
    let item5 = bot
        .fake
        .wait_for("item 5 of 2024", |s| s.edits_in(USER).get(1).cloned())
        .await;
    let old_five = headline(bot, 0, 5);
    assert!(item5.text.contains(&old_five), "{}", item5.text);
    assert!(item5.callback_data().contains(&format!("item:{OLD}:6")));
    pressed
}

/// A button made before there were several articles (item:5) opens the first article (the
/// user's edit 2), and so does an old deep link (message 5); a deep link naming the newer
/// article opens its item (message 6).
async fn check_old_buttons_and_deep_links(bot: &TestBot, new_answer: &Sent) {
    let old_five = headline(bot, 0, 5);
    bot.fake.press(USER, new_answer, "item:5");
    let old_button = bot
        .fake
        .wait_for("the old button's item", |s| s.edits_in(USER).get(2).cloned())
        .await;
    assert!(old_button.text.contains(&old_five), "{}", old_button.text);

    // So does an old deep link, ?start=item5.
    bot.fake.private_text(USER, "/start item5");
    let deep = nth(bot, 5).await;
    assert!(deep.text.contains(&old_five), "{}", deep.text);
    assert_eq!(deep.html, bot.expected(Request::Start(Some("item5"))).messages[0]);
    // A deep link naming the newer article opens its item.
    bot.fake.private_text(USER, &format!("/start {NEW}_item5"));
    let new_deep = nth(bot, 6).await;
    let new_five = headline(bot, 1, 5);
    assert!(new_deep.text.contains(&new_five), "{}", new_deep.text);
}

/// One conversation through both articles, step by step (each step's messages and edits
/// are numbered in the conversation, so the steps run in this order).
#[tokio::test]
async fn two_articles_list_route_buttons_and_old_links() {
    let (bot, _dir) = bot_with_two_articles().await;
    let (old_title, new_title) = (title(&bot.library, OLD), title(&bot.library, NEW));
    let (list, list_2024) = check_lists(&bot, &old_title, &new_title).await;
    let new_answer = check_questions_go_to_their_article(&bot, &old_title, &new_title).await;
    let pressed = check_buttons_of_the_older_article(&bot, &list, &list_2024).await;
    check_old_buttons_and_deep_links(&bot, &new_answer).await;

    // Every button press was answered; a button of an article no longer served says so.
    bot.fake.press(USER, &list, "item:2023-nowhere:5");
    let answers = bot
        .fake
        .wait_for("four callback answers", |s| {
            let calls = s.calls_to("answerCallbackQuery");
            (calls.len() >= 4).then_some(calls)
        })
        .await;
    assert!(answers.iter().any(|call| call.payload.to_string().contains(&pressed)));
    assert!(
        answers
            .iter()
            .any(|call| call.payload.to_string().contains(texts::CALLBACK_EXPIRED.zh))
    );
    bot.stop().await;
}
