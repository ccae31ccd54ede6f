//! Properties that must hold for any input (proptest): normalization is idempotent and never
//! panics; the Telegram renderer keeps every message within 4096 UTF-16 units of valid
//! Telegram HTML and loses no text; commands and callback data survive a round trip; the
//! engine and the dialogue never panic and answer any question up to the line cap in
//! bounded time.

use std::time::{Duration, Instant};

use fuer_bot::telegram::render::{
    ArticleRef, MAX_CALLBACK_DATA_BYTES, MAX_MESSAGE_LEN, ReplyArticle, callback_data, parse_callback_data, render,
    utf16_len,
};
use fuer_core::command::{Command, ParsedCommand, parse_command};
use fuer_core::dialogue::{MAX_QUESTION_CHARS, Request, respond};
use fuer_core::normalize::normalize;
use fuer_core::reply::{Action, Paragraph, Reply, Span, Style};
use proptest::prelude::*;

use crate::fake_api::parse_html;
use crate::support::shipped_engine;

/// Text the bot may meet: the article's script in both forms, full-width and ASCII letters
/// and digits, Chinese numerals, HTML's special characters, emoji (two UTF-16 units), line
/// breaks and other whitespace, combining marks.
const TEXT: &str = "[母婴室哺乳間第五件十二〇两万亿的是么多少间间個張a-zA-Z0-9０-９Ａ-Ｚ<>&\"'/@#。，！？；、.,!?;: \t\n\u{3000}\u{301}😀👩‍👧]";

fn text(max_chars: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("{TEXT}{{0,{max_chars}}}")).expect("a valid pattern")
}

/// Any reply: up to 8 paragraphs of up to 4 styled spans, long enough to need splitting.
fn reply() -> impl Strategy<Value = Reply> {
    let style = prop_oneof![Just(Style::Plain), Just(Style::Bold), Just(Style::Italic)];
    let span = (text(3000), style).prop_map(|(text, style)| Span { text, style });
    let paragraph = proptest::collection::vec(span, 1..4).prop_map(|spans| Paragraph { spans });
    proptest::collection::vec(paragraph, 0..8).prop_map(|paragraphs| Reply {
        paragraphs,
        keyboard: Vec::new(),
    })
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn normalize_is_idempotent(
        input in prop_oneof![text(200), "[\\p{Han}\\p{Latin}\\p{P}\\p{N}\\p{S}\\s]{0,80}", "\\PC{0,80}", "[\\p{M}\\p{Arabic}a-z]{0,20}"],
    ) {
        let once = normalize(&input);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn normalize_takes_any_text(input in "\\PC{0,200}") {
        let normalized = normalize(&input);
        prop_assert!(!normalized.chars().any(|c| c.is_ascii_uppercase()), "{}", normalized);
    }

    #[test]
    fn every_rendered_message_is_valid_telegram_html_within_the_limit(reply in reply()) {
        let rendered = render(&reply);
        let mut visible = String::new();
        for message in &rendered.messages {
            prop_assert!(utf16_len(message) <= MAX_MESSAGE_LEN, "{} units", utf16_len(message));
            let text = parse_html(message);
            prop_assert!(text.is_ok(), "{:?} in {}", text, message);
            visible.push_str(&text.unwrap_or_default());
        }
        // Nothing is lost or invented (whitespace may move at the cuts).
        let written: String = reply.paragraphs.iter().map(Paragraph::text).collect();
        prop_assert_eq!(without_whitespace(&visible), without_whitespace(&written));
    }

    #[test]
    fn commands_survive_a_round_trip(
        index in 0..Command::NAMES.len(),
        argument in text(40),
        addressed in any::<bool>(),
        upper in any::<bool>(),
    ) {
        let name = Command::NAMES[index];
        let name = if upper { name.to_uppercase() } else { name.to_string() };
        let mention = if addressed { "@fuer_bot" } else { "" };
        let line = format!("/{name}{mention} {argument}");
        let expected = match Command::NAMES[index] {
            "start" => Command::Start(argument.trim().to_string()),
            "help" => Command::Help,
            "list" if argument.trim().is_empty() => Command::List,
            "list" => Command::ListOf(argument.trim().to_string()),
            _ => Command::Item(argument.trim().to_string()),
        };
        prop_assert_eq!(parse_command(&line, Some("fuer_bot")), Some(ParsedCommand::Known(expected.clone())));
        if !addressed {
            prop_assert_eq!(parse_command(&line, None), Some(ParsedCommand::Known(expected)));
        }
    }

    #[test]
    fn only_text_starting_with_a_slash_is_a_command(line in text(100)) {
        let parsed = parse_command(&line, Some("fuer_bot"));
        if !line.trim_start().starts_with('/') {
            prop_assert_eq!(parsed, None);
        }
    }

    #[test]
    fn callback_data_survives_a_round_trip(number in 1..=u8::MAX, data in "[a-z:0-9]{0,10}|\\PC{0,80}") {
        let article = ReplyArticle { id: "2025-shenzhen", position: 1 };
        for action in [Action::ShowItem(number), Action::ShowList] {
            for article in [None, Some(article)] {
                let encoded = callback_data(&action, article);
                prop_assert!(encoded.len() <= MAX_CALLBACK_DATA_BYTES);
                let pressed = parse_callback_data(&encoded).expect("parses");
                prop_assert_eq!(&pressed.action, &action);
                prop_assert_eq!(pressed.article.is_some(), article.is_some());
            }
        }
        // Whatever arrives, a parsed button encodes to data that parses the same.
        if let Some(pressed) = parse_callback_data(&data) {
            let again = match &pressed.article {
                None => callback_data(&pressed.action, None),
                Some(ArticleRef::Id(id)) => callback_data(&pressed.action, Some(ReplyArticle { id, position: 0 })),
                Some(ArticleRef::Position(position)) => {
                    callback_data(&pressed.action, Some(ReplyArticle { id: "", position: *position }))
                }
            };
            prop_assert_eq!(parse_callback_data(&again), Some(pressed));
        }
    }

    #[test]
    fn the_engine_answers_any_question_up_to_the_cap_in_bounded_time(question in text(MAX_QUESTION_CHARS)) {
        let engine = shipped_engine();
        let started = Instant::now();
        let answer = engine.answer(&question);
        // A hang guard against pathological (superlinear) inputs, far above the usual
        // milliseconds even in a debug build on a loaded machine.
        prop_assert!(started.elapsed() < Duration::from_secs(5), "{:?} for {:?}", started.elapsed(), question);
        prop_assert!((0.0..=1.0).contains(&answer.confidence), "{}", answer.confidence);
        if let Some(item) = answer.item {
            prop_assert!(engine.knowledge().item(item).is_some());
        }
    }

    #[test]
    fn the_dialogue_replies_to_anything(input in text(MAX_QUESTION_CHARS + 20)) {
        let engine = shipped_engine();
        for request in [
            Request::Question(&input),
            Request::Item(&input),
            Request::Start(Some(&input)),
        ] {
            let response = respond(engine, request);
            prop_assert!(!response.reply.to_plain_text().trim().is_empty(), "{:?}", request);
        }
    }
}
