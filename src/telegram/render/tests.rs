//! Unit tests of the Telegram rendering: HTML escaping, splitting, callback data.

use super::*;
use fuer_core::reply::Span;

fn span(text: &str, style: Style) -> Span {
    Span {
        text: text.to_string(),
        style,
    }
}

#[test]
fn escapes_user_text_once() {
    assert_eq!(escape_html("<b>a & b</b>"), "&lt;b&gt;a &amp; b&lt;/b&gt;");
    assert_eq!(escape_html("&amp;"), "&amp;amp;");
    assert_eq!(escape_html("引号\"和'"), "引号\"和'");
    let paragraph = Paragraph {
        spans: vec![
            span("<i>", Style::Bold),
            span(" & ", Style::Plain),
            span("x>y", Style::Italic),
        ],
    };
    assert_eq!(paragraph_html(&paragraph), "<b>&lt;i&gt;</b> &amp; <i>x&gt;y</i>");
    for ch in ['&', '<', '>', '"', '\'', 'a', '母', '😀'] {
        assert_eq!(escaped_len(ch), utf16_len(&escape_html(&ch.to_string())), "{ch}");
    }
}

#[test]
fn joins_paragraphs_and_skips_empty_ones() {
    let reply = Reply {
        paragraphs: vec![Paragraph::bold("标题"), Paragraph::plain(""), Paragraph::plain("正文")],
        keyboard: Vec::new(),
    };
    assert_eq!(render(&reply).messages, vec!["<b>标题</b>\n\n正文".to_string()]);
    assert!(render(&Reply::default()).messages.is_empty());
    assert!(render(&reply).keyboard.is_none());
}

#[test]
fn splits_on_paragraph_boundaries() {
    let paragraphs: Vec<Paragraph> = (0..10)
        .map(|i| Paragraph::plain(format!("第{i}段。").repeat(10)))
        .collect();
    let reply = Reply {
        paragraphs: paragraphs.clone(),
        keyboard: Vec::new(),
    };
    let messages = render_messages(&reply, 100);
    assert!(messages.len() > 1);
    for message in &messages {
        assert!(utf16_len(message) <= 100, "{message}");
    }
    // Nothing lost, and each paragraph whole in one message.
    let joined = messages.join("\n\n");
    let expected: Vec<String> = paragraphs.iter().map(paragraph_html).collect();
    assert_eq!(joined, expected.join("\n\n"));
}

#[test]
fn splits_an_oversized_paragraph_with_balanced_tags() {
    let long = "很长的句子，有<标签>与&符号。".repeat(400);
    let reply = Reply {
        paragraphs: vec![
            Paragraph::bold("标题"),
            Paragraph::bold(long.clone()),
            Paragraph::plain("结尾"),
        ],
        keyboard: Vec::new(),
    };
    let messages = render(&reply).messages;
    assert!(messages.len() >= 3, "{}", messages.len());
    let mut visible = String::new();
    for message in &messages {
        assert!(utf16_len(message) <= MAX_MESSAGE_LEN);
        assert_eq!(message.matches("<b>").count(), message.matches("</b>").count());
        // No escape sequence is cut in half.
        assert!(!message.ends_with('&'));
        visible.push_str(&message.replace("<b>", "").replace("</b>", ""));
    }
    let start: String = long.chars().take(20).collect();
    assert!(visible.contains(&escape_html(&start)));
    assert_eq!(visible.matches("&amp;").count(), 400);
}

#[test]
fn counts_utf16_units() {
    assert_eq!(utf16_len("ab"), 2);
    assert_eq!(utf16_len("母婴"), 2);
    assert_eq!(utf16_len("📋"), 2);
    let reply = Reply {
        paragraphs: vec![Paragraph::plain("📋".repeat(3000))],
        keyboard: Vec::new(),
    };
    for message in render(&reply).messages {
        assert!(utf16_len(&message) <= MAX_MESSAGE_LEN);
    }
}

#[test]
fn callback_data_round_trips_and_rejects_junk() {
    let long_id = "a".repeat(60);
    let articles = [
        None,
        Some(ReplyArticle {
            id: "2025-shenzhen",
            position: 1,
        }),
        Some(ReplyArticle {
            id: &long_id,
            position: 3,
        }),
        Some(ReplyArticle {
            id: "深圳",
            position: 2,
        }),
    ];
    for article in articles {
        for action in [
            Action::ShowItem(1),
            Action::ShowItem(10),
            Action::ShowItem(255),
            Action::ShowList,
        ] {
            let data = callback_data(&action, article);
            assert!(data.len() <= MAX_CALLBACK_DATA_BYTES, "{data}");
            let pressed = parse_callback_data(&data).expect(&data);
            assert_eq!(pressed.action, action);
            let expected = article.map(|article| {
                if article.id.len() < 40 && article.id.is_ascii() {
                    ArticleRef::Id(article.id.to_string())
                } else {
                    ArticleRef::Position(article.position)
                }
            });
            assert_eq!(pressed.article, expected, "{data}");
        }
    }
    // Buttons made before several articles were served: the first article's.
    assert_eq!(callback_data(&Action::ShowItem(5), None), "item:5");
    assert_eq!(callback_data(&Action::ShowList, None), "list");
    let of_2025 = Some(ReplyArticle {
        id: "2025-shenzhen",
        position: 1,
    });
    assert_eq!(callback_data(&Action::ShowItem(5), of_2025), "item:2025-shenzhen:5");
    assert_eq!(
        callback_data(&Action::ShowArticle("2024-shenzhen".to_string()), of_2025),
        "list:2024-shenzhen"
    );
    assert_eq!(
        parse_callback_data("item:5"),
        Some(Pressed {
            article: None,
            action: Action::ShowItem(5)
        })
    );
    for junk in [
        "item:2025-shenzhen:",
        "item::5",
        "item:#:5",
        "item:#x:5",
        "list:",
        "list:#",
        "",
        "item:",
        "item:0",
        "item:-1",
        "item:256",
        "item:1000",
        "item:5x",
        "ITEM:5",
        "item:５",
        "lists",
        "x".repeat(100).as_str(),
    ] {
        assert_eq!(parse_callback_data(junk), None, "{junk}");
    }
}

#[test]
fn keyboards_keep_rows() {
    let rows = vec![
        vec![
            Button {
                label: "上一件".to_string(),
                action: Action::ShowItem(4),
            },
            Button {
                label: "列表".to_string(),
                action: Action::ShowList,
            },
        ],
        Vec::new(),
    ];
    let markup = keyboard(&rows, None).expect("a keyboard");
    assert_eq!(markup.inline_keyboard.len(), 1);
    assert_eq!(markup.inline_keyboard[0].len(), 2);
    assert_eq!(markup.inline_keyboard[0][0].text, "上一件");
}
