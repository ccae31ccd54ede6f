//! Rendering replies for Telegram: HTML text (escaped in exactly one place, [`escape_html`]),
//! messages split at paragraph boundaries to fit Telegram's limit, and inline keyboards whose
//! buttons carry short callback data naming the article they were made for
//! (`item:2025-shenzhen:5`, `list:2024-shenzhen`); the data of buttons made before several
//! articles were served (`item:5`, `list`) still parses, as the first article's.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use fuer_core::reply::{Action, Button, Paragraph, Reply, Style};

/// Telegram's limit on a message's text, in UTF-16 code units. We apply it to the HTML
/// source, which is never shorter than the text Telegram counts, so we stay within it.
pub const MAX_MESSAGE_LEN: usize = 4096;

/// Telegram's limit on a button's callback data, in bytes.
pub const MAX_CALLBACK_DATA_BYTES: usize = 64;

/// Callback data of the "list" button.
const CALLBACK_LIST: &str = "list";
/// Prefix of the callback data of an item button.
const CALLBACK_ITEM_PREFIX: &str = "item:";
/// Marks an article given by its position (`#1`) instead of its id, for an id that would not
/// fit in the callback data (imported ids always fit: at most 40 ASCII characters).
const POSITION_MARK: char = '#';

/// Which article a button is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticleRef {
    /// Its id (`2025-shenzhen`).
    Id(String),
    /// Its position in the library, oldest first.
    Position(usize),
}

/// The article a reply's buttons belong to: its id and its position in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplyArticle<'a> {
    pub id: &'a str,
    pub position: usize,
}

/// A button as pressed: the article it was made for (`None`: a button made before there
/// were several articles, which belongs to the first one) and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pressed {
    pub article: Option<ArticleRef>,
    pub action: Action,
}

/// A reply ready to send: one or more HTML messages; the keyboard goes on the last one.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedReply {
    pub messages: Vec<String>,
    pub keyboard: Option<InlineKeyboardMarkup>,
}

/// Escapes text for Telegram's HTML parse mode (`&`, `<`, `>`, with teloxide's
/// [`teloxide::utils::html::escape`]). The only place where escaping happens.
pub fn escape_html(text: &str) -> String {
    teloxide::utils::html::escape(text)
}

/// Length of `text` as Telegram counts it (UTF-16 code units).
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// The length of `ch` once escaped by [`escape_html`] (a test checks they agree).
fn escaped_len(ch: char) -> usize {
    match ch {
        '&' => 5,
        '<' | '>' => 4,
        _ => ch.len_utf16(),
    }
}

fn tags(style: Style) -> (&'static str, &'static str) {
    match style {
        Style::Plain => ("", ""),
        Style::Bold => ("<b>", "</b>"),
        Style::Italic => ("<i>", "</i>"),
    }
}

fn span_html(text: &str, style: Style) -> String {
    if text.is_empty() {
        return String::new();
    }
    let (open, close) = tags(style);
    format!("{open}{}{close}", escape_html(text))
}

/// One paragraph as HTML.
pub fn paragraph_html(paragraph: &Paragraph) -> String {
    paragraph
        .spans
        .iter()
        .map(|span| span_html(&span.text, span.style))
        .collect()
}

/// Renders a reply of no article (its buttons, if any, are the first article's) into
/// messages of at most [`MAX_MESSAGE_LEN`] and its keyboard.
pub fn render(reply: &Reply) -> RenderedReply {
    RenderedReply {
        messages: render_messages(reply, MAX_MESSAGE_LEN),
        keyboard: keyboard(&reply.keyboard, None),
    }
}

/// Renders a reply of `article`: its buttons name that article.
pub fn render_in(reply: &Reply, article: ReplyArticle<'_>) -> RenderedReply {
    RenderedReply {
        messages: render_messages(reply, MAX_MESSAGE_LEN),
        keyboard: keyboard(&reply.keyboard, Some(article)),
    }
}

/// The reply's paragraphs as HTML messages of at most `limit` UTF-16 units each, split
/// between paragraphs (and inside a paragraph only when it alone is longer than `limit`).
pub fn render_messages(reply: &Reply, limit: usize) -> Vec<String> {
    let mut messages = Vec::new();
    let mut current = String::new();
    let mut current_len = 0;
    for paragraph in &reply.paragraphs {
        if paragraph.text().trim().is_empty() {
            continue;
        }
        for (index, piece) in paragraph_pieces(paragraph, limit).into_iter().enumerate() {
            let separator = if current.is_empty() || index > 0 { "" } else { "\n\n" };
            let piece_len = utf16_len(&piece);
            if current_len + separator.len() + piece_len <= limit {
                current.push_str(separator);
                current.push_str(&piece);
                current_len += separator.len() + piece_len;
            } else {
                if !current.trim().is_empty() {
                    messages.push(std::mem::take(&mut current));
                }
                current = piece;
                current_len = piece_len;
            }
        }
    }
    if !current.trim().is_empty() {
        messages.push(current);
    }
    messages
}

/// A paragraph as HTML pieces of at most `limit` units; one piece unless it is too long.
fn paragraph_pieces(paragraph: &Paragraph, limit: usize) -> Vec<String> {
    let whole = paragraph_html(paragraph);
    if utf16_len(&whole) <= limit {
        return vec![whole];
    }
    // Cut each span into fragments that fit, each with its own tags, then pack them.
    let mut fragments = Vec::new();
    for span in &paragraph.spans {
        let (open, close) = tags(span.style);
        let budget = limit.saturating_sub(open.len() + close.len()).max(5);
        for segment in split_text(&span.text, budget) {
            fragments.push(span_html(segment, span.style));
        }
    }
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut current_len = 0;
    for fragment in fragments {
        let fragment_len = utf16_len(&fragment);
        if current_len + fragment_len > limit && !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
            current_len = 0;
        }
        current.push_str(&fragment);
        current_len += fragment_len;
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// Splits `text` into segments whose escaped length is at most `budget` UTF-16 units,
/// preferring to cut after a line break, then after the end of a sentence.
fn split_text(text: &str, budget: usize) -> Vec<&str> {
    let mut segments = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let mut last_newline: Option<(usize, usize)> = None;
    let mut last_sentence: Option<(usize, usize)> = None;
    for (index, ch) in text.char_indices() {
        let width = escaped_len(ch);
        if used + width > budget && index > start {
            let cut = [last_newline, last_sentence]
                .into_iter()
                .flatten()
                .find(|&(_, used_before)| used_before * 2 >= budget)
                .map_or(index, |(position, _)| position);
            segments.push(&text[start..cut]);
            used = text[cut..index].chars().map(escaped_len).sum();
            start = cut;
            last_newline = None;
            last_sentence = None;
        }
        used += width;
        let after = index + ch.len_utf8();
        if ch == '\n' {
            last_newline = Some((after, used));
        } else if matches!(ch, '。' | '！' | '？' | '；' | '.' | '!' | '?' | ';') {
            last_sentence = Some((after, used));
        }
    }
    if start < text.len() {
        segments.push(&text[start..]);
    }
    segments
}

/// How an article is written in callback data: its id when the longest data fits
/// (`item:<id>:255`) and the id cannot be mistaken for a position, else its position.
fn article_part(id: &str, position: usize) -> String {
    let fits = CALLBACK_ITEM_PREFIX.len() + id.len() + ":255".len() <= MAX_CALLBACK_DATA_BYTES;
    let plain =
        !id.is_empty() && !id.starts_with(POSITION_MARK) && id.bytes().all(|b| b.is_ascii_graphic() && b != b':');
    if fits && plain {
        id.to_string()
    } else {
        format!("{POSITION_MARK}{position}")
    }
}

/// The callback data of a button of `article` (none: the old form of the first article's
/// buttons): `item:<article>:5`, `list:<article>`, or `item:5`, `list`.
pub fn callback_data(action: &Action, article: Option<ReplyArticle<'_>>) -> String {
    let part = |id: &str, position| article_part(id, position);
    match (action, article) {
        (Action::ShowItem(number), Some(article)) => {
            format!("{CALLBACK_ITEM_PREFIX}{}:{number}", part(article.id, article.position))
        }
        (Action::ShowItem(number), None) => format!("{CALLBACK_ITEM_PREFIX}{number}"),
        (Action::ShowList, Some(article)) => format!("{CALLBACK_LIST}:{}", part(article.id, article.position)),
        (Action::ShowList, None) => CALLBACK_LIST.to_string(),
        // Another article's list: its id (the caller made the button from the library).
        (Action::ShowArticle(id), _) => format!("{CALLBACK_LIST}:{}", part(id, usize::MAX)),
    }
}

/// An article as written in callback data.
fn parse_article(text: &str) -> Option<ArticleRef> {
    if text.is_empty() {
        return None;
    }
    match text.strip_prefix(POSITION_MARK) {
        Some(digits) if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse().ok().map(ArticleRef::Position)
        }
        Some(_) => None,
        None => Some(ArticleRef::Id(text.to_string())),
    }
}

/// An item number as written in callback data (1–255, no sign, no leading junk).
fn parse_number(digits: &str) -> Option<u8> {
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u8>().ok().filter(|&number| number > 0)
}

/// Parses callback data back into a pressed button; `None` for anything unexpected.
pub fn parse_callback_data(data: &str) -> Option<Pressed> {
    if data.len() > MAX_CALLBACK_DATA_BYTES || !data.is_ascii() {
        return None;
    }
    if data == CALLBACK_LIST {
        return Some(Pressed {
            article: None,
            action: Action::ShowList,
        });
    }
    if let Some(article) = data.strip_prefix(CALLBACK_LIST).and_then(|rest| rest.strip_prefix(':')) {
        return Some(Pressed {
            article: Some(parse_article(article)?),
            action: Action::ShowList,
        });
    }
    let rest = data.strip_prefix(CALLBACK_ITEM_PREFIX)?;
    match rest.rsplit_once(':') {
        None => Some(Pressed {
            article: None,
            action: Action::ShowItem(parse_number(rest)?),
        }),
        Some((article, number)) => Some(Pressed {
            article: Some(parse_article(article)?),
            action: Action::ShowItem(parse_number(number)?),
        }),
    }
}

fn button(button: &Button, article: Option<ReplyArticle<'_>>) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(button.label.clone(), callback_data(&button.action, article))
}

/// The inline keyboard of a reply, or `None` if it has no buttons.
pub fn keyboard(rows: &[Vec<Button>], article: Option<ReplyArticle<'_>>) -> Option<InlineKeyboardMarkup> {
    let rows: Vec<Vec<InlineKeyboardButton>> = rows
        .iter()
        .filter(|row| !row.is_empty())
        .map(|row| row.iter().map(|one| button(one, article)).collect())
        .collect();
    (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))
}

#[cfg(test)]
mod tests;
