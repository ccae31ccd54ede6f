//! Replies as plain structures: paragraphs of styled spans and a keyboard of buttons.
//!
//! Everything here is pure. The console renders a [`Reply`] as plain text
//! ([`Reply::to_plain_text`]); the Telegram layer renders it as HTML and escapes it
//! in one place. Nothing here knows about Telegram.

use crate::engine::{Answer, Intent, Missing, Part};
use crate::knowledge::{Item, KnowledgeBase};
use crate::texts;

/// How a span of text is emphasized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Bold,
    Italic,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

/// A paragraph: spans shown on one line (wrapping as the client likes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph {
    pub spans: Vec<Span>,
}

impl Paragraph {
    pub fn plain(text: impl Into<String>) -> Paragraph {
        Paragraph {
            spans: vec![Span {
                text: text.into(),
                style: Style::Plain,
            }],
        }
    }

    pub fn bold(text: impl Into<String>) -> Paragraph {
        Paragraph {
            spans: vec![Span {
                text: text.into(),
                style: Style::Bold,
            }],
        }
    }

    pub fn italic(text: impl Into<String>) -> Paragraph {
        Paragraph {
            spans: vec![Span {
                text: text.into(),
                style: Style::Italic,
            }],
        }
    }

    pub fn text(&self) -> String {
        self.spans.iter().map(|span| span.text.as_str()).collect()
    }
}

/// What a button does when pressed. `ShowItem` and `ShowList` are about the reply's own
/// article (the caller knows which one it is); `ShowArticle` names another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    ShowItem(u8),
    ShowList,
    /// The list of the article with this id.
    ShowArticle(String),
}

impl Action {
    /// The command a console user can type for the same effect.
    pub fn command(&self) -> String {
        match self {
            Action::ShowItem(number) => format!("/item {number}"),
            Action::ShowList => "/list".to_string(),
            Action::ShowArticle(id) => format!("/list {id}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: String,
    pub action: Action,
}

/// A complete reply.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reply {
    pub paragraphs: Vec<Paragraph>,
    /// Rows of buttons.
    pub keyboard: Vec<Vec<Button>>,
}

impl Reply {
    fn from_paragraphs(paragraphs: Vec<Paragraph>) -> Reply {
        Reply {
            paragraphs,
            keyboard: Vec::new(),
        }
    }

    /// The text without styling, paragraphs separated by blank lines.
    pub fn to_plain_text(&self) -> String {
        self.paragraphs
            .iter()
            .map(Paragraph::text)
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

fn item_label(number: u8) -> String {
    format!("{}{number}{}", texts::ITEM_LABEL_PREFIX, texts::ITEM_LABEL_SUFFIX)
}

fn item_heading(item: &Item) -> Paragraph {
    Paragraph::bold(format!("{}｜{}", item_label(item.number), item.title))
}

fn source_line(knowledge: &KnowledgeBase) -> Paragraph {
    let source = &knowledge.source;
    Paragraph::italic(format!(
        "{}{}（{}，{}）",
        texts::SOURCE_LABEL,
        source.title,
        source.publisher,
        source.date
    ))
}

fn full_item_pointer(number: u8) -> Paragraph {
    Paragraph::plain(format!("{}/item {number}", texts::FULL_ITEM_POINTER_PREFIX))
}

/// Buttons for all items, two per row.
pub fn items_keyboard(knowledge: &KnowledgeBase) -> Vec<Vec<Button>> {
    let buttons: Vec<Button> = knowledge
        .items
        .iter()
        .map(|item| Button {
            label: format!("{}. {}", item.number, item.title),
            action: Action::ShowItem(item.number),
        })
        .collect();
    buttons.chunks(2).map(<[Button]>::to_vec).collect()
}

pub fn welcome(knowledge: &KnowledgeBase) -> Reply {
    let source = &knowledge.source;
    let mut paragraphs = vec![
        Paragraph::bold(texts::WELCOME_INTRO),
        Paragraph::plain(texts::welcome_source(&source.title, &source.publisher, &source.date)),
    ];
    let examples: Vec<String> = texts::WELCOME_EXAMPLES.iter().map(|e| format!("• {e}")).collect();
    paragraphs.push(Paragraph::plain(format!(
        "{}\n{}",
        texts::WELCOME_EXAMPLES_HEADER,
        examples.join("\n")
    )));
    paragraphs.push(Paragraph::plain(texts::WELCOME_BUTTONS_HINT));
    Reply {
        paragraphs,
        keyboard: items_keyboard(knowledge),
    }
}

/// Where the knowledge comes from.
pub fn source(knowledge: &KnowledgeBase) -> Reply {
    let source = &knowledge.source;
    Reply {
        paragraphs: vec![
            Paragraph::plain(texts::source_intro(&source.title, &source.publisher, &source.date)),
            Paragraph::plain(texts::LIST_HINT),
        ],
        keyboard: items_keyboard(knowledge),
    }
}

pub fn help() -> Reply {
    Reply::from_paragraphs(vec![
        Paragraph::bold(texts::HELP_TITLE),
        Paragraph::plain(texts::HELP_HOW_TO_ASK),
        Paragraph::plain(texts::HELP_COMMANDS.join("\n")),
        Paragraph::plain(texts::HELP_SCOPE),
    ])
}

pub fn list(knowledge: &KnowledgeBase) -> Reply {
    let lines: Vec<String> = knowledge
        .items
        .iter()
        .map(|item| format!("{}. {}", item.number, item.title))
        .collect();
    Reply {
        paragraphs: vec![
            Paragraph::bold(format!("{}（{}）", texts::LIST_TITLE, knowledge.source.title)),
            Paragraph::plain(lines.join("\n")),
            Paragraph::plain(texts::LIST_HINT),
        ],
        keyboard: items_keyboard(knowledge),
    }
}

/// The whole item: headline, every fact, source, and navigation buttons.
pub fn full_item(knowledge: &KnowledgeBase, item: &Item) -> Reply {
    let mut paragraphs = vec![item_heading(item), Paragraph::bold(item.headline.clone())];
    paragraphs.extend(item.facts.iter().map(|fact| Paragraph::plain(fact.text.clone())));
    paragraphs.push(source_line(knowledge));
    let mut navigation = Vec::new();
    if item.number > 1 {
        navigation.push(Button {
            label: texts::BUTTON_PREVIOUS.to_string(),
            action: Action::ShowItem(item.number - 1),
        });
    }
    navigation.push(Button {
        label: texts::BUTTON_LIST.to_string(),
        action: Action::ShowList,
    });
    if item.number < knowledge.last_item_number() {
        navigation.push(Button {
            label: texts::BUTTON_NEXT.to_string(),
            action: Action::ShowItem(item.number + 1),
        });
    }
    Reply {
        paragraphs,
        keyboard: vec![navigation],
    }
}

/// More of an item (详细一点): the facts not shown yet, then the way to the whole item.
pub fn more_of_item(knowledge: &KnowledgeBase, item: &Item, facts: &[usize]) -> Reply {
    let _ = knowledge;
    let mut paragraphs = vec![item_heading(item), Paragraph::plain(texts::MORE_OF_ITEM_HEADER)];
    paragraphs.extend(
        facts
            .iter()
            .filter_map(|&index| item.sentence(index))
            .map(|text| Paragraph::plain(text.to_string())),
    );
    paragraphs.push(full_item_pointer(item.number));
    Reply {
        paragraphs,
        keyboard: vec![vec![Button {
            label: format!("{}{}", texts::BUTTON_FULL_ITEM_PREFIX, item.title),
            action: Action::ShowItem(item.number),
        }]],
    }
}

/// Why an `/item` argument was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemArgumentError {
    Missing,
    NotANumber,
    OutOfRange,
}

/// Parses the argument of `/item` (full-width digits and spaces allowed).
pub fn parse_item_argument(knowledge: &KnowledgeBase, argument: &str) -> Result<u8, ItemArgumentError> {
    let argument: String = unicode_normalization::UnicodeNormalization::nfkc(argument).collect();
    let trimmed = argument.trim();
    if trimmed.is_empty() {
        return Err(ItemArgumentError::Missing);
    }
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, trimmed),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ItemArgumentError::NotANumber);
    }
    if negative {
        return Err(ItemArgumentError::OutOfRange);
    }
    match digits.parse::<u8>() {
        Ok(number) if knowledge.item(number).is_some() => Ok(number),
        _ => Err(ItemArgumentError::OutOfRange),
    }
}

pub fn item_argument_error(knowledge: &KnowledgeBase, error: &ItemArgumentError) -> Reply {
    let text = match error {
        ItemArgumentError::Missing => texts::ITEM_ARGUMENT_MISSING.to_string(),
        ItemArgumentError::NotANumber => texts::ITEM_ARGUMENT_NOT_A_NUMBER.to_string(),
        ItemArgumentError::OutOfRange => format!(
            "{}{}{}",
            texts::ITEM_ARGUMENT_RANGE_PREFIX,
            knowledge.last_item_number(),
            texts::ITEM_ARGUMENT_RANGE_SUFFIX
        ),
    };
    Reply::from_paragraphs(vec![Paragraph::plain(text)])
}

fn suggestion_buttons(knowledge: &KnowledgeBase, suggestions: &[u8]) -> Vec<Vec<Button>> {
    suggestions
        .iter()
        .filter_map(|&number| knowledge.item(number))
        .map(|item| {
            vec![Button {
                label: format!("{}. {}", item.number, item.title),
                action: Action::ShowItem(item.number),
            }]
        })
        .collect()
}

/// The reply to a free-text question, from the engine's answer.
pub fn answer(knowledge: &KnowledgeBase, answer: &Answer) -> Reply {
    match answer.intent {
        Intent::Greeting => Reply::from_paragraphs(vec![Paragraph::plain(texts::GREETING)]),
        Intent::Thanks => Reply::from_paragraphs(vec![Paragraph::plain(texts::THANKS)]),
        Intent::Help => help(),
        Intent::Source => source(knowledge),
        Intent::List => list(knowledge),
        Intent::Empty => Reply::from_paragraphs(vec![Paragraph::plain(texts::EMPTY_QUESTION)]),
        // Outside a conversation (inline, `ask` on one line) there is no item to move from.
        Intent::Navigation(_) => follow_up_without_topic(knowledge),
        Intent::NoSuchItem => item_argument_error(knowledge, &ItemArgumentError::OutOfRange),
        Intent::Declined => declined(knowledge, &answer.suggestions),
        Intent::Item | Intent::Ordinal => {
            let parts: Vec<(Part, &Item)> = answer
                .parts()
                .into_iter()
                .filter_map(|part| knowledge.item(part.item).map(|item| (part, item)))
                .collect();
            if parts.is_empty() {
                return declined(knowledge, &answer.suggestions);
            }
            item_answer(knowledge, &parts, answer)
        }
    }
}

/// 下一件 or 详细一点 with no item to start from: the list, and a word why.
pub fn follow_up_without_topic(knowledge: &KnowledgeBase) -> Reply {
    let mut reply = list(knowledge);
    reply
        .paragraphs
        .insert(0, Paragraph::plain(texts::FOLLOW_UP_WITHOUT_TOPIC));
    reply
}

fn declined(knowledge: &KnowledgeBase, suggestions: &[u8]) -> Reply {
    let mut paragraphs = vec![Paragraph::plain(texts::DECLINE)];
    if !suggestions.is_empty() {
        paragraphs.push(Paragraph::plain(texts::SUGGESTIONS_HEADER));
    }
    paragraphs.push(Paragraph::plain(texts::DECLINE_POINTER));
    Reply {
        paragraphs,
        keyboard: suggestion_buttons(knowledge, suggestions),
    }
}

/// The sentence saying what the article does not say.
pub fn missing_sentence(missing: &Missing) -> String {
    match missing {
        Missing::Asked { topic, label } => {
            format!(
                "{}{topic}{}{label}{}",
                texts::RELATED_PREFIX,
                texts::RELATED_OF,
                texts::RELATED_END
            )
        }
        Missing::Place { topic, place, home } => format!(
            "{}{home}{}{place}{}{topic}{}",
            texts::RELATED_SCOPE_PREFIX,
            texts::RELATED_SCOPE_MIDDLE,
            texts::RELATED_OF,
            texts::RELATED_END
        ),
        Missing::Year { topic, asked, year } => format!(
            "{}{year}{}{}{asked}{}{}{topic}{}",
            texts::RELATED_SCOPE_PREFIX,
            texts::YEAR_SUFFIX,
            texts::RELATED_SCOPE_MIDDLE,
            texts::YEAR_SUFFIX,
            texts::RELATED_OF,
            texts::RELATED_END
        ),
    }
}

fn item_answer(knowledge: &KnowledgeBase, parts: &[(Part, &Item)], answer: &Answer) -> Reply {
    let mut paragraphs = Vec::new();
    let mut keyboard = Vec::new();
    let shows_summary = answer.intent == Intent::Ordinal
        && answer.missing.is_none()
        && answer
            .asked
            .as_ref()
            .is_none_or(|asked| asked.kind == "what" || asked.kind == "yesno");
    for (part, item) in parts {
        paragraphs.push(item_heading(item));
        if answer.intent == Intent::Ordinal {
            paragraphs.push(Paragraph::bold(item.headline.clone()));
        }
        if let Some(missing) = &part.missing {
            paragraphs.push(Paragraph::plain(missing_sentence(missing)));
            if !part.facts.is_empty() {
                paragraphs.push(Paragraph::plain(texts::RELATED_OFFER));
            }
        }
        if shows_summary {
            paragraphs.push(Paragraph::plain(item.summary.clone()));
        } else {
            paragraphs.extend(
                part.facts
                    .iter()
                    .filter_map(|&index| item.sentence(index))
                    .map(|text| Paragraph::plain(text.to_string())),
            );
        }
        paragraphs.push(full_item_pointer(item.number));
        keyboard.push(vec![Button {
            label: format!("{}{}", texts::BUTTON_FULL_ITEM_PREFIX, item.title),
            action: Action::ShowItem(item.number),
        }]);
    }
    if !answer.suggestions.is_empty() {
        paragraphs.push(Paragraph::plain(texts::SUGGESTIONS_HEADER));
        let names: Vec<String> = answer
            .suggestions
            .iter()
            .filter_map(|&n| knowledge.item(n))
            .map(|s| format!("{}（/item {}）", s.title, s.number))
            .collect();
        paragraphs.push(Paragraph::plain(names.join("；")));
        keyboard.extend(suggestion_buttons(knowledge, &answer.suggestions));
    }
    Reply { paragraphs, keyboard }
}
