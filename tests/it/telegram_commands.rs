//! End to end: commands, free text, buttons and navigation, deep links, non-text and
//! edited messages, long and hostile questions — the real dispatcher and polling loop
//! against the fake Bot API.

use fuer_core::dialogue::{MAX_QUESTION_CHARS, Request};
use fuer_core::texts;

use crate::telegram_harness::TestBot;

const USER: i64 = 5_550_001;

/// The shipped article's id, in the buttons' callback data.
const ARTICLE: &str = "2024-shenzhen";
const ITEM_4: &str = "item:2024-shenzhen:4";
const ITEM_6: &str = "item:2024-shenzhen:6";
const LIST: &str = "list:2024-shenzhen";

fn item_count(bot: &TestBot) -> u8 {
    bot.engine.knowledge().last_item_number()
}

/// The public menu is registered at start for each language Telegram can tell apart: the
/// default one and `zh` in Simplified Chinese, `en` in English; the descriptions come from
/// `texts.rs` (Traditional users share the `zh` menu: Telegram's menu codes have two letters).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn command_menu_is_registered_in_each_language() {
    let bot = TestBot::start().await;
    let commands: Vec<serde_json::Value> = bot
        .fake
        .state()
        .commands
        .iter()
        .filter(|payload| payload["scope"]["type"] == "default")
        .cloned()
        .collect();
    assert_eq!(
        commands.len(),
        3,
        "the public menu is registered once per language at start"
    );
    let menu = |code: Option<&str>| -> (Vec<String>, Vec<String>) {
        let payload = commands
            .iter()
            .find(|payload| payload["language_code"].as_str() == code)
            .unwrap_or_else(|| panic!("a menu for {code:?}: {commands:?}"));
        let entries = payload["commands"].as_array().cloned().unwrap_or_default();
        let field = |name: &str| {
            entries
                .iter()
                .filter_map(|c| c[name].as_str().map(str::to_string))
                .collect()
        };
        (field("command"), field("description"))
    };
    let chinese = [
        texts::COMMAND_START_DESCRIPTION.zh,
        texts::COMMAND_HELP_DESCRIPTION.zh,
        texts::COMMAND_LIST_DESCRIPTION.zh,
        texts::COMMAND_ITEM_DESCRIPTION.zh,
    ];
    for code in [None, Some("zh")] {
        let (names, descriptions) = menu(code);
        assert_eq!(names, ["start", "help", "list", "item"]);
        assert_eq!(descriptions, chinese, "{code:?}");
    }
    let (names, descriptions) = menu(Some("en"));
    assert_eq!(names, ["start", "help", "list", "item"]);
    assert_eq!(
        descriptions,
        [
            texts::COMMAND_START_DESCRIPTION.en,
            texts::COMMAND_HELP_DESCRIPTION.en,
            texts::COMMAND_LIST_DESCRIPTION.en,
            texts::COMMAND_ITEM_DESCRIPTION.en
        ]
    );
    assert!(descriptions.iter().all(|d| d.is_ascii()), "{descriptions:?}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_help_list_and_item() {
    let bot = TestBot::start().await;
    let items = item_count(&bot);

    bot.fake.private_text(USER, "/start");
    let start = bot.fake.wait_sent(USER, 1).await.remove(0);
    let expected = bot.expected(Request::Start(None));
    assert_eq!(start.html, expected.messages[0]);
    assert_eq!(start.parse_mode.as_deref(), Some("HTML"));
    assert!(start.text.contains(texts::WELCOME_INTRO.zh));
    assert!(start.text.contains(&bot.engine.knowledge().source.date));
    let item_buttons: Vec<String> = (1..=items).map(|n| format!("item:{ARTICLE}:{n}")).collect();
    assert_eq!(start.callback_data(), item_buttons, "one button per item");

    bot.fake.private_text(USER, "/help");
    let help = bot.fake.wait_sent(USER, 2).await.remove(1);
    assert_eq!(help.html, bot.expected(Request::Help).messages[0]);
    assert!(help.text.contains("/item"));

    bot.fake.private_text(USER, "/list");
    let list = bot.fake.wait_sent(USER, 3).await.remove(2);
    assert_eq!(list.html, bot.expected(Request::List).messages[0]);
    for item in &bot.engine.knowledge().items {
        assert!(list.text.contains(&format!("{}. {}", item.number, item.title)));
    }
    assert_eq!(list.callback_data(), item_buttons);

    bot.fake.private_text(USER, "/item 5");
    let item5 = bot.fake.wait_sent(USER, 4).await.remove(3);
    let five = bot.engine.knowledge().item(5).expect("item 5");
    assert!(item5.text.contains(&five.headline));
    for fact in &five.facts {
        assert!(item5.text.contains(&fact.text), "fact missing: {}", fact.text);
    }
    assert!(item5.text.contains(&bot.engine.knowledge().source.title));
    assert_eq!(item5.callback_data(), [ITEM_4, LIST, ITEM_6]);
    let labels: Vec<String> = item5.buttons().into_iter().map(|(label, _)| label).collect();
    assert_eq!(
        labels,
        [texts::BUTTON_PREVIOUS.zh, texts::BUTTON_LIST.zh, texts::BUTTON_NEXT.zh]
    );

    // The first and the last items have no button beyond the ends.
    bot.fake.private_text(USER, "/item 1");
    bot.fake.private_text(USER, &format!("/item {items}"));
    let sent = bot.fake.wait_sent(USER, 6).await;
    assert_eq!(sent[4].callback_data(), [LIST, "item:2024-shenzhen:2"]);
    assert_eq!(
        sent[5].callback_data(),
        [format!("item:{ARTICLE}:{}", items - 1), LIST.to_string()]
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_item_arguments_get_a_chinese_error_naming_the_range() {
    let bot = TestBot::start().await;
    let range = format!("1–{}", item_count(&bot));
    let bad = ["/item 99", "/item 0", "/item abc", "/item -1"];
    for text in bad {
        bot.fake.private_text(USER, text);
    }
    bot.fake.private_text(USER, "/item");
    bot.fake.private_text(USER, "/stats");
    let sent = bot.fake.wait_sent(USER, bad.len() + 2).await;
    for (reply, text) in sent.iter().zip(bad) {
        let argument = text.trim_start_matches("/item ");
        assert_eq!(reply.html, bot.expected(Request::Item(argument)).messages[0], "{text}");
        assert!(reply.markup.is_none(), "{text}: no buttons on an error");
    }
    for (reply, text) in sent.iter().zip(bad) {
        assert!(
            reply.text.contains(&range),
            "{text}: the error names {range}: {}",
            reply.text
        );
        assert!(
            reply.text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{text}: in Chinese"
        );
    }
    // `/item` alone shows the list; an unknown command says so.
    assert_eq!(sent[4].html, bot.expected(Request::List).messages[0]);
    assert_eq!(sent[5].text, texts::UNKNOWN_COMMAND.zh);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_link_opens_the_item() {
    let bot = TestBot::start().await;
    bot.fake.private_text(USER, "/start item5");
    let sent = bot.fake.wait_sent(USER, 1).await;
    let expected = bot.expected(Request::Item("5"));
    assert_eq!(sent[0].html, expected.messages[0]);
    assert_eq!(sent[0].callback_data(), [ITEM_4, LIST, ITEM_6]);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn free_text_gets_the_fact_with_the_figure_and_a_button() {
    let bot = TestBot::start().await;
    let question = texts::WELCOME_EXAMPLES[0].zh;
    bot.fake.private_text(USER, question);
    let reply = bot.fake.wait_sent(USER, 1).await.remove(0);
    let expected = bot.expected(Request::Question(question));
    assert_eq!(reply.html, expected.messages[0]);
    let answer = bot.engine.answer(question);
    let item = bot
        .engine
        .knowledge()
        .item(answer.item.expect("the example is answered"))
        .expect("item");
    let fact = item.sentence(answer.facts[0]).expect("a sentence of the item");
    assert!(reply.text.contains(fact));
    assert!(
        reply.text.chars().any(|c| c.is_ascii_digit()),
        "the answer carries a figure: {}",
        reply.text
    );
    assert_eq!(
        reply.callback_data()[0],
        format!("item:{ARTICLE}:{}", item.number),
        "a button opens the whole item"
    );

    // Out of scope: an honest answer pointing to /list.
    bot.fake.private_text(USER, "明天深圳的股票行情怎么样？");
    let declined = bot.fake.wait_sent(USER, 2).await.remove(1);
    assert_eq!(
        declined.html,
        bot.expected(Request::Question("明天深圳的股票行情怎么样？")).messages[0]
    );
    assert!(declined.text.contains("/list"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unsure_answers_offer_suggestion_buttons() {
    let bot = TestBot::start().await;
    // Two topics run together (no 和 between them) make the engine unsure: it answers one,
    // suggests the other.
    let titles: Vec<String> = bot.engine.knowledge().items.iter().map(|i| i.title.clone()).collect();
    let candidates: Vec<String> = titles
        .iter()
        .flat_map(|a| titles.iter().filter(move |b| *b != a).map(move |b| format!("{a}{b}")))
        .collect();
    let unsure: Vec<&str> = candidates
        .iter()
        .map(String::as_str)
        .filter(|q| !bot.engine.answer(q).suggestions.is_empty())
        .take(2)
        .collect();
    assert!(!unsure.is_empty(), "some broad question gets suggestions");
    for question in &unsure {
        bot.fake.private_text(USER, question);
    }
    let sent = bot.fake.wait_sent(USER, unsure.len()).await;
    for (reply, question) in sent.iter().zip(&unsure) {
        let answer = bot.engine.answer(question);
        assert!(
            reply.text.contains(texts::SUGGESTIONS_HEADER.zh),
            "{question}: {}",
            reply.text
        );
        let data = reply.callback_data();
        for suggestion in &answer.suggestions {
            assert!(
                data.contains(&format!("item:{ARTICLE}:{suggestion}")),
                "{question}: {data:?}"
            );
        }
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_edit_the_message_and_every_callback_is_answered() {
    let bot = TestBot::start().await;
    bot.fake.private_text(USER, "/list");
    let list = bot.fake.wait_sent(USER, 1).await.remove(0);

    // Open item 5 from the list: the list message becomes item 5.
    let q1 = bot.fake.press(USER, &list, "item:5");
    let edited = bot
        .fake
        .wait_for("the edit to item 5", |s| s.edits_in(USER).first().cloned())
        .await;
    assert_eq!(edited.message_id, list.message_id);
    assert_eq!(edited.html, bot.expected(Request::Item("5")).messages[0]);
    assert_eq!(edited.callback_data(), [ITEM_4, LIST, ITEM_6]);

    // 下一件 → item 6, then 列表 → the list again.
    let q2 = bot.fake.press(USER, &edited, "item:6");
    let six = bot
        .fake
        .wait_for("the edit to item 6", |s| s.edits_in(USER).get(1).cloned())
        .await;
    assert_eq!(six.html, bot.expected(Request::Item("6")).messages[0]);
    let q3 = bot.fake.press(USER, &six, "list");
    let back = bot
        .fake
        .wait_for("the edit to the list", |s| s.edits_in(USER).get(2).cloned())
        .await;
    assert_eq!(back.html, bot.expected(Request::List).messages[0]);

    // Pressing a button showing what is already there: Telegram says "not modified"; fine.
    let q4 = bot.fake.press(USER, &back, "list");
    // Stale or forged data: answered with a notice, nothing edited.
    let q5 = bot.fake.press(USER, &back, "item:99");
    let q6 = bot.fake.press(USER, &back, "<script>");
    let answers = bot
        .fake
        .wait_for("six callback answers", |s| {
            (s.callback_answers.len() >= 6).then(|| s.callback_answers.clone())
        })
        .await;
    let ids: Vec<&str> = answers.iter().filter_map(|a| a["callback_query_id"].as_str()).collect();
    for id in [&q1, &q2, &q3, &q4, &q5, &q6] {
        assert_eq!(
            ids.iter().filter(|&&x| x == id.as_str()).count(),
            1,
            "query {id} answered once"
        );
    }
    let notice = |id: &str| {
        answers
            .iter()
            .find(|a| a["callback_query_id"] == id)
            .map(|a| a["text"].clone())
    };
    assert_eq!(notice(&q5), Some(serde_json::json!(texts::CALLBACK_EXPIRED.zh)));
    assert_eq!(notice(&q6), Some(serde_json::json!(texts::CALLBACK_EXPIRED.zh)));
    assert_eq!(notice(&q1), Some(serde_json::Value::Null));

    // Navigation never sent new messages, and no edit beyond the three.
    bot.fake.private_text(USER, "/help");
    bot.fake.wait_sent(USER, 2).await;
    {
        let state = bot.fake.state();
        assert_eq!(state.sent_to(USER).len(), 2, "only /list and /help sent messages");
        assert_eq!(state.edits_in(USER).len(), 3);
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn non_text_and_edited_messages() {
    let bot = TestBot::start().await;
    bot.fake.sticker(USER, USER);
    let hint = bot.fake.wait_sent(USER, 1).await.remove(0);
    assert_eq!(hint.text, texts::NON_TEXT_MESSAGE.zh);
    bot.fake.photo(USER, USER);
    let hint = bot.fake.wait_sent(USER, 2).await.remove(1);
    assert_eq!(hint.text, texts::NON_TEXT_MESSAGE.zh);

    // An edited question is answered like a new one.
    let question = texts::WELCOME_EXAMPLES[1].zh;
    let id = bot.fake.private_text(USER, "爱心妈妈");
    bot.fake.wait_sent(USER, 3).await;
    bot.fake.edited_private_text(USER, id, question);
    let answer = bot.fake.wait_sent(USER, 4).await.remove(3);
    assert_eq!(answer.html, bot.expected(Request::Question(question)).messages[0]);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_5000_character_question_gets_a_polite_refusal() {
    let bot = TestBot::start().await;
    let long = "母婴室".repeat(5000 / 3 + 1);
    assert!(long.chars().count() >= 5000 && long.chars().count() > MAX_QUESTION_CHARS);
    bot.fake.private_text(USER, &long);
    let reply = bot.fake.wait_sent(USER, 1).await.remove(0);
    assert_eq!(reply.text, texts::QUESTION_TOO_LONG.zh);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_in_questions_never_breaks_a_reply() {
    let bot = TestBot::start().await;
    let hostile = [
        "<b>母婴室</b>有多少间？",
        "</i><script>alert(1)</script> & 爱心妈妈",
        "/item <b>5</b>",
        "&lt;&amp; <a href=\"x\">妇儿大厦</a>",
        "@fuer_test_bot <u>>><<&&",
    ];
    for text in hostile {
        bot.fake.private_text(USER, text);
    }
    // The fake refuses malformed HTML (and stop() checks that it never had to).
    let sent = bot.fake.wait_sent(USER, hostile.len()).await;
    for (reply, text) in sent.iter().zip(hostile) {
        assert!(!reply.text.trim().is_empty(), "{text}");
        assert!(
            !reply.html.contains("<script>") && !reply.html.contains("<u>"),
            "{}",
            reply.html
        );
    }
    bot.stop().await;
}
