//! Replies as plain structures: paragraphs of styled spans and a keyboard of buttons, in
//! the asker's language ([`Lang`]).
//!
//! A reply quotes the article: its Chinese sentences (Traditional: converted), or their
//! reviewed English translations (a sentence not translated yet is shown in Chinese after
//! a short English note). A figure answer leads with the answering figure on its own line
//! (「答：1480间」, "Answer: 1,480") and shows it bold in the fact; nothing else is composed.
//!
//! Everything here is pure. The console renders a [`Reply`] as plain text
//! ([`Reply::to_plain_text`]); the Telegram layer renders it as HTML and escapes it
//! in one place. Nothing here knows about Telegram.//!
//! The reply's model and the builders of navigation replies (welcome, help, list, a whole
//! item) are here; the replies to questions are `reply/answers.rs`.

mod answers;

use crate::knowledge::{Item, KnowledgeBase};
use crate::lang::Lang;
use crate::texts;
pub(crate) use answers::follow_up_without_topic;
use answers::sentence_paragraphs;
pub use answers::{answer, answer_facts, missing_sentence, shown_facts};

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

/// An item's short title in `lang` (English: its `title_en`, or the Chinese title).
pub fn item_title(lang: Lang, item: &Item) -> String {
    match (lang, &item.en.title) {
        (Lang::English, Some(title)) => title.clone(),
        _ => lang.script(&item.title),
    }
}

/// An item's headline in `lang` (English: its `headline_en`, or the Chinese).
fn item_headline(lang: Lang, item: &Item) -> String {
    match (lang, &item.en.headline) {
        (Lang::English, Some(headline)) => headline.clone(),
        _ => lang.script(&item.headline),
    }
}

/// An item's summary in `lang` (English: its `summary_en`, or the Chinese).
fn item_summary(lang: Lang, item: &Item) -> String {
    match (lang, &item.en.summary) {
        (Lang::English, Some(summary)) => summary.clone(),
        _ => lang.script(&item.summary),
    }
}

/// A sentence of an item (fact `index`, or the headline) as the reply shows it in `lang`:
/// the Chinese, converted for Traditional, or its English translation; an English asker
/// gets the Chinese when the translation is not written yet.
pub fn sentence_in(lang: Lang, item: &Item, index: usize) -> Option<String> {
    let chinese = item.sentence(index)?;
    Some(match (lang, item.sentence_en(index)) {
        (Lang::English, Some(english)) => english.to_string(),
        _ => lang.script(chinese),
    })
}

fn item_heading(lang: Lang, item: &Item) -> Paragraph {
    Paragraph::bold(format!(
        "{}｜{}",
        texts::item_label(lang, item.number),
        item_title(lang, item)
    ))
}

fn source_line(lang: Lang, knowledge: &KnowledgeBase) -> Paragraph {
    let source = &knowledge.source;
    Paragraph::italic(format!(
        "{}{}（{}，{}）",
        texts::SOURCE_LABEL.get(lang),
        lang.script(&source.title),
        lang.script(&source.publisher),
        source.date
    ))
}

fn full_item_pointer(lang: Lang, number: u8) -> Paragraph {
    Paragraph::plain(format!("{}/item {number}", texts::FULL_ITEM_POINTER_PREFIX.get(lang)))
}

/// The button of an item: 「5. 母婴室与民生实事」.
fn item_button(lang: Lang, item: &Item) -> Button {
    Button {
        label: format!("{}. {}", item.number, item_title(lang, item)),
        action: Action::ShowItem(item.number),
    }
}

/// Buttons for all items, two per row.
pub(crate) fn items_keyboard(lang: Lang, knowledge: &KnowledgeBase) -> Vec<Vec<Button>> {
    let buttons: Vec<Button> = knowledge.items.iter().map(|item| item_button(lang, item)).collect();
    buttons.chunks(2).map(<[Button]>::to_vec).collect()
}

pub fn welcome(lang: Lang, knowledge: &KnowledgeBase) -> Reply {
    let source = &knowledge.source;
    let mut paragraphs = vec![
        Paragraph::bold(texts::WELCOME_INTRO.get(lang)),
        Paragraph::plain(texts::welcome_source(
            lang,
            &lang.script(&source.title),
            &lang.script(&source.publisher),
            &source.date,
        )),
    ];
    let examples: Vec<String> = texts::WELCOME_EXAMPLES
        .iter()
        .map(|e| format!("• {}", e.get(lang)))
        .collect();
    paragraphs.push(Paragraph::plain(format!(
        "{}\n{}",
        texts::WELCOME_EXAMPLES_HEADER.get(lang),
        examples.join("\n")
    )));
    paragraphs.push(Paragraph::plain(texts::WELCOME_BUTTONS_HINT.get(lang)));
    Reply {
        paragraphs,
        keyboard: items_keyboard(lang, knowledge),
    }
}

/// Where the knowledge comes from.
pub fn source(lang: Lang, knowledge: &KnowledgeBase) -> Reply {
    let source = &knowledge.source;
    Reply {
        paragraphs: vec![
            Paragraph::plain(texts::source_intro(
                lang,
                &lang.script(&source.title),
                &lang.script(&source.publisher),
                &source.date,
            )),
            Paragraph::plain(texts::LIST_HINT.get(lang)),
        ],
        keyboard: items_keyboard(lang, knowledge),
    }
}

pub fn help(lang: Lang) -> Reply {
    let commands: Vec<String> = texts::HELP_COMMANDS.iter().map(|line| line.get(lang)).collect();
    Reply::from_paragraphs(vec![
        Paragraph::bold(texts::HELP_TITLE.get(lang)),
        Paragraph::plain(texts::HELP_HOW_TO_ASK.get(lang)),
        Paragraph::plain(commands.join("\n")),
        Paragraph::plain(texts::HELP_SCOPE.get(lang)),
    ])
}

pub fn list(lang: Lang, knowledge: &KnowledgeBase) -> Reply {
    let lines: Vec<String> = knowledge
        .items
        .iter()
        .map(|item| format!("{}. {}", item.number, item_title(lang, item)))
        .collect();
    Reply {
        paragraphs: vec![
            Paragraph::bold(format!(
                "{}（{}）",
                texts::LIST_TITLE.get(lang),
                lang.script(&knowledge.source.title)
            )),
            Paragraph::plain(lines.join("\n")),
            Paragraph::plain(texts::LIST_HINT.get(lang)),
        ],
        keyboard: items_keyboard(lang, knowledge),
    }
}

/// The whole item: headline, every fact, source, and navigation buttons.
pub fn full_item(lang: Lang, knowledge: &KnowledgeBase, item: &Item) -> Reply {
    let mut paragraphs = vec![item_heading(lang, item), Paragraph::bold(item_headline(lang, item))];
    for index in 0..item.facts.len() {
        paragraphs.extend(sentence_paragraphs(lang, item, index, None));
    }
    paragraphs.push(source_line(lang, knowledge));
    let mut navigation = Vec::new();
    if item.number > 1 {
        navigation.push(Button {
            label: texts::BUTTON_PREVIOUS.get(lang),
            action: Action::ShowItem(item.number - 1),
        });
    }
    navigation.push(Button {
        label: texts::BUTTON_LIST.get(lang),
        action: Action::ShowList,
    });
    if item.number < knowledge.last_item_number() {
        navigation.push(Button {
            label: texts::BUTTON_NEXT.get(lang),
            action: Action::ShowItem(item.number + 1),
        });
    }
    Reply {
        paragraphs,
        keyboard: vec![navigation],
    }
}

/// The button to read a whole item: 「查看全文：母婴室与民生实事」.
fn full_item_button(lang: Lang, item: &Item) -> Button {
    Button {
        label: format!("{}{}", texts::BUTTON_FULL_ITEM_PREFIX.get(lang), item_title(lang, item)),
        action: Action::ShowItem(item.number),
    }
}

/// More of an item (详细一点): the facts not shown yet, then the way to the whole item.
pub(crate) fn more_of_item(lang: Lang, item: &Item, facts: &[usize]) -> Reply {
    let mut paragraphs = vec![
        item_heading(lang, item),
        Paragraph::plain(texts::MORE_OF_ITEM_HEADER.get(lang)),
    ];
    for &index in facts {
        paragraphs.extend(sentence_paragraphs(lang, item, index, None));
    }
    paragraphs.push(full_item_pointer(lang, item.number));
    Reply {
        paragraphs,
        keyboard: vec![vec![full_item_button(lang, item)]],
    }
}

/// Why an `/item` argument was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ItemArgumentError {
    Missing,
    NotANumber,
    OutOfRange,
}

/// Parses the argument of `/item` (full-width digits and spaces allowed).
pub(crate) fn parse_item_argument(knowledge: &KnowledgeBase, argument: &str) -> Result<u8, ItemArgumentError> {
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

pub(crate) fn item_argument_error(lang: Lang, knowledge: &KnowledgeBase, error: &ItemArgumentError) -> Reply {
    let text = match error {
        ItemArgumentError::Missing => texts::ITEM_ARGUMENT_MISSING.get(lang),
        ItemArgumentError::NotANumber => texts::ITEM_ARGUMENT_NOT_A_NUMBER.get(lang),
        ItemArgumentError::OutOfRange => texts::item_out_of_range(lang, knowledge.last_item_number()),
    };
    Reply::from_paragraphs(vec![Paragraph::plain(text)])
}

fn suggestion_buttons(lang: Lang, knowledge: &KnowledgeBase, suggestions: &[u8]) -> Vec<Vec<Button>> {
    suggestions
        .iter()
        .filter_map(|&number| knowledge.item(number))
        .map(|item| vec![item_button(lang, item)])
        .collect()
}
