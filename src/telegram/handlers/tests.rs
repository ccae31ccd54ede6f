//! Unit tests of the message handlers: routing in private chats and groups, mentions, chat types.

use super::*;

fn message(json: serde_json::Value) -> Message {
    serde_json::from_value(json).expect("a valid Telegram message")
}

fn private_text(text: &str) -> Message {
    message(serde_json::json!({
        "message_id": 1, "date": 1735689600,
        "chat": {"id": 42, "type": "private", "first_name": "Li"},
        "from": {"id": 42, "is_bot": false, "first_name": "Li"},
        "text": text
    }))
}

fn group_text(text: &str, reply_to_bot: Option<&str>) -> Message {
    let mut json = serde_json::json!({
        "message_id": 2, "date": 1735689600,
        "chat": {"id": -1001234, "type": "supergroup", "title": "妇联"},
        "from": {"id": 43, "is_bot": false, "first_name": "Wang"},
        "text": text
    });
    if let Some(bot) = reply_to_bot {
        json["reply_to_message"] = serde_json::json!({
            "message_id": 1, "date": 1735689500,
            "chat": {"id": -1001234, "type": "supergroup", "title": "妇联"},
            "from": {"id": 999, "is_bot": true, "first_name": "Bot", "username": bot},
            "text": "之前的回答"
        });
    }
    message(json)
}

#[test]
fn private_chats_answer_everything() {
    assert_eq!(
        route(&private_text("母婴室有多少"), "fuer_bot", false),
        Route::Question("母婴室有多少".into())
    );
    assert_eq!(
        route(&private_text("/list"), "fuer_bot", false),
        Route::Command(Command::List)
    );
    assert_eq!(
        route(&private_text("/stats"), "fuer_bot", false),
        Route::AdminCommand(AdminCommand::Stats)
    );
    assert_eq!(route(&private_text("/ban"), "fuer_bot", false), Route::UnknownCommand);
    assert_eq!(
        route(&private_text("编辑后"), "fuer_bot", true),
        Route::Question("编辑后".into())
    );
    let sticker = message(serde_json::json!({
        "message_id": 3, "date": 1735689600,
        "chat": {"id": 42, "type": "private", "first_name": "Li"},
        "from": {"id": 42, "is_bot": false, "first_name": "Li"},
        "sticker": {"file_id": "f", "file_unique_id": "u", "type": "regular", "width": 512, "height": 512,
                    "is_animated": false, "is_video": false}
    }));
    assert_eq!(route(&sticker, "fuer_bot", false), Route::NonText);
    assert_eq!(route(&sticker, "fuer_bot", true), Route::Ignore);
}

#[test]
fn groups_answer_only_what_is_addressed_to_the_bot() {
    let bot = "fuer_bot";
    assert_eq!(route(&group_text("今天天气不错", None), bot, false), Route::Ignore);
    assert_eq!(
        route(&group_text("/item@fuer_bot 5", None), bot, false),
        Route::Command(Command::Item("5".into()))
    );
    assert_eq!(
        route(&group_text("/list", None), bot, false),
        Route::Command(Command::List)
    );
    assert_eq!(route(&group_text("/list@other_bot", None), bot, false), Route::Ignore);
    assert_eq!(route(&group_text("/ban 3", None), bot, false), Route::Ignore);
    assert_eq!(
        route(&group_text("/ban@Fuer_Bot", None), bot, false),
        Route::UnknownCommand
    );
    // Admin commands are private-chat only: in groups they are unknown commands.
    assert_eq!(route(&group_text("/reload", None), bot, false), Route::Ignore);
    assert_eq!(
        route(&group_text("/stats@fuer_bot", None), bot, false),
        Route::UnknownCommand
    );
    assert_eq!(
        route(&group_text("@Fuer_Bot 母婴室有多少", None), bot, false),
        Route::Question("母婴室有多少".into())
    );
    assert_eq!(
        route(&group_text("请问 @fuer_bot_2 呢", None), bot, false),
        Route::Ignore
    );
    assert_eq!(
        route(&group_text("母婴室呢", Some("fuer_bot")), bot, false),
        Route::Question("母婴室呢".into())
    );
    assert_eq!(
        route(&group_text("母婴室呢", Some("other_bot")), bot, false),
        Route::Ignore
    );
}

#[test]
fn recorded_chat_types_name_the_kind_of_chat_only() {
    assert_eq!(chat_type(&private_text("问").chat), "private");
    assert_eq!(chat_type(&group_text("问", None).chat), "supergroup");
    let basic = message(serde_json::json!({
        "message_id": 5, "date": 1735689600,
        "chat": {"id": -4012345678_i64, "type": "group", "title": "小组"},
        "from": {"id": 43, "is_bot": false, "first_name": "Wang"},
        "text": "问"
    }));
    assert_eq!(chat_type(&basic.chat), "group");
}

#[test]
fn mentions_are_whole_words() {
    assert_eq!(strip_mention("@fuer_bot", "fuer_bot"), Some(String::new()));
    assert_eq!(
        strip_mention("问一下@FUER_BOT，母婴室", "fuer_bot"),
        Some("问一下 ，母婴室".into())
    );
    assert_eq!(strip_mention("mail me at x@fuer_bot", "fuer_bot"), None);
    assert_eq!(strip_mention("@fuer_bots", "fuer_bot"), None);
    assert_eq!(strip_mention("anything", ""), None);
}

#[test]
fn own_inline_results_and_other_bots_are_ignored() {
    let mut json = serde_json::json!({
        "message_id": 4, "date": 1735689600,
        "chat": {"id": 42, "type": "private", "first_name": "Li"},
        "from": {"id": 42, "is_bot": false, "first_name": "Li"},
        "via_bot": {"id": 999, "is_bot": true, "first_name": "Bot", "username": "fuer_bot"},
        "text": "第5件｜母婴室"
    });
    assert_eq!(route(&message(json.clone()), "fuer_bot", false), Route::Ignore);
    json.as_object_mut().map(|o| o.remove("via_bot"));
    json["from"] = serde_json::json!({"id": 7, "is_bot": true, "first_name": "Other"});
    assert_eq!(route(&message(json), "fuer_bot", false), Route::Ignore);
}
