//! The update handlers: the dptree [`schema`], message routing (private chats, groups,
//! mentions, replies), admin commands, callback queries and inline queries.
//!
//! Replies speak the asker's language: a question's own script decides (English,
//! Traditional, Simplified) and is remembered with the conversation (in memory only);
//! commands, buttons and other messages follow the conversation's last question, else the
//! Telegram user's `language_code`. Inline queries follow the query's script, else the
//! `language_code`. In a group each member's conversation, and so language, is their own.
//!
//! Every question answered from a message is recorded (time, text, answer, chat type, reply
//! language — never a user or chat id) through the state's question log, which never delays
//! the answer.
//! Inline queries are not recorded: Telegram sends one per keystroke, and the fragments
//! would drown the real questions in `/unanswered`.
//!
//! Messages are routed here; button presses and inline queries are `handlers/callbacks.rs`.

mod callbacks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use teloxide::RequestError;
use teloxide::dispatching::{UpdateFilterExt, UpdateHandler};
use teloxide::prelude::*;
use teloxide::types::{MessageId, MessageKind, ParseMode, ReplyParameters};

use super::admin::admin_reply;
use super::render::{RenderedReply, ReplyArticle, render, render_in};
use super::{HandlerError, HandlerResult, TgBot};
use crate::conversations::ConversationKey;
use crate::state::AppState;
use crate::store::{QuestionRecord, RecordLang, unix_now};
use callbacks::{on_callback_query, on_inline_query};
use fuer_core::command::{AdminCommand, Command, ParsedCommand, parse_command};
use fuer_core::conversation::Context;
use fuer_core::dialogue::{Request, Response, Speak};
use fuer_core::lang::Lang;
use fuer_core::library::{self, ArticleResponse, Library};
use fuer_core::reply::{Paragraph, Reply};
use fuer_core::texts::{self, Text};
/// The handler tree: messages, edited messages, button presses and inline queries.
pub fn schema() -> UpdateHandler<HandlerError> {
    dptree::entry()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(Update::filter_edited_message().endpoint(on_edited_message))
        .branch(Update::filter_callback_query().endpoint(on_callback_query))
        .branch(Update::filter_inline_query().endpoint(on_inline_query))
}

/// What to do with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Command(Command),
    /// An admin command in a private chat; answered as an unknown command unless the
    /// sender is an admin.
    AdminCommand(AdminCommand),
    UnknownCommand,
    Question(String),
    /// A sticker, photo, voice message… in a private chat.
    NonText,
    /// Not for us: group chatter, other bots' commands, service messages.
    Ignore,
}

/// Decides what to do with a message, for the bot `username`. `edited` is true for an
/// edited message (answered like a new one if it is text, ignored otherwise).
pub fn route(message: &Message, username: &str, edited: bool) -> Route {
    let private = message.chat.is_private();
    let is_us = |user: &teloxide::types::User| {
        user.is_bot
            && user
                .username
                .as_deref()
                .is_some_and(|name| name.eq_ignore_ascii_case(username))
    };
    // Our own inline results posted into a chat, and messages from other bots
    // (anonymous group admins post as a bot on behalf of the chat: keep those).
    if message.via_bot.as_ref().is_some_and(is_us) {
        return Route::Ignore;
    }
    if message.from.as_ref().is_some_and(|user| user.is_bot) && message.sender_chat.is_none() {
        return Route::Ignore;
    }
    let Some(text) = message.text() else {
        let user_content = matches!(message.kind, MessageKind::Common(_));
        return if private && !edited && user_content {
            Route::NonText
        } else {
            Route::Ignore
        };
    };
    match parse_command(text, Some(username)) {
        Some(ParsedCommand::Known(command)) => return Route::Command(command),
        // Admin commands only work in a private chat; elsewhere they are unknown commands.
        Some(ParsedCommand::Admin { command, addressed }) => {
            return if private {
                Route::AdminCommand(command)
            } else if addressed {
                Route::UnknownCommand
            } else {
                Route::Ignore
            };
        }
        Some(ParsedCommand::Unknown { addressed }) => {
            return if private || addressed {
                Route::UnknownCommand
            } else {
                Route::Ignore
            };
        }
        Some(ParsedCommand::OtherBot) => return Route::Ignore,
        None => {}
    }
    if private {
        return Route::Question(text.trim().to_string());
    }
    if let Some(question) = strip_mention(text, username) {
        return Route::Question(question);
    }
    let replies_to_us = message
        .reply_to_message()
        .and_then(|replied| replied.from.as_ref())
        .is_some_and(is_us);
    if replies_to_us {
        return Route::Question(text.trim().to_string());
    }
    Route::Ignore
}

/// If `text` mentions `@username` (case-insensitively, as a whole word), the text without
/// the mention(s); `None` otherwise.
pub fn strip_mention(text: &str, username: &str) -> Option<String> {
    if username.is_empty() {
        return None;
    }
    let needle = format!("@{}", username.to_ascii_lowercase());
    let lowered = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut kept = String::with_capacity(text.len());
    let mut last = 0;
    let mut found = false;
    for (start, _) in lowered.match_indices(&needle) {
        let end = start + needle.len();
        let before_ok = start == 0 || !is_name_byte(bytes[start - 1]);
        let after_ok = end == bytes.len() || !is_name_byte(bytes[end]);
        if before_ok && after_ok && start >= last {
            kept.push_str(&text[last..start]);
            kept.push(' ');
            last = end;
            found = true;
        }
    }
    if !found {
        return None;
    }
    kept.push_str(&text[last..]);
    Some(kept.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn plain_reply(lang: Lang, text: Text) -> Reply {
    Reply {
        paragraphs: vec![Paragraph::plain(text.get(lang))],
        keyboard: Vec::new(),
    }
}

/// The language a Telegram user's app is set to (`language_code`): English, Traditional or
/// Simplified Chinese.
pub fn user_lang(user: Option<&teloxide::types::User>) -> Lang {
    Lang::of_language_code(user.and_then(|user| user.language_code.as_deref()).unwrap_or_default())
}

/// Asks the core for a response of a conversation with this context (none: on its own);
/// `article` pins the article (a button of it, a deep link), else the library chooses. A
/// panic in the core becomes a polite apology, not a dead worker.
fn respond_safely(
    library: &Library,
    article: Option<usize>,
    request: Request<'_>,
    context: Option<&Context>,
    speak: Speak,
) -> ArticleResponse {
    let respond = || match article {
        Some(article) => library::respond_in_article(library, article, request, context, speak),
        None => library::respond(library, request, context, speak),
    };
    match catch_unwind(AssertUnwindSafe(respond)) {
        Ok(response) => response,
        Err(_) => {
            log::error!("the answer engine panicked on a request; replying with an apology");
            let lang = speak.lang_for(&request);
            ArticleResponse {
                article: library.latest_index(),
                response: Response::reply_only(lang, plain_reply(lang, texts::INTERNAL_ERROR)),
            }
        }
    }
}

/// A routed response rendered for Telegram: its buttons name its article.
fn render_routed(library: &Library, routed: &ArticleResponse) -> RenderedReply {
    render_in(
        &routed.response.reply,
        ReplyArticle {
            id: library.id(routed.article),
            position: routed.article,
        },
    )
}

/// Telegram's name of a chat's type, as recorded with a question (never the chat's id).
pub fn chat_type(chat: &teloxide::types::Chat) -> &'static str {
    if chat.is_private() {
        "private"
    } else if chat.is_supergroup() {
        "supergroup"
    } else if chat.is_group() {
        "group"
    } else if chat.is_channel() {
        "channel"
    } else {
        "unknown"
    }
}

/// Whose conversation a message belongs to: the chat, and in a group the sender (each
/// member has their own conversation with the bot).
pub fn conversation_key(chat: &teloxide::types::Chat, user: Option<&teloxide::types::User>) -> ConversationKey {
    ConversationKey {
        chat: chat.id.0,
        user: if chat.is_private() {
            None
        } else {
            user.map(|user| user.id.0)
        },
    }
}

/// The language of a conversation's replies to commands and buttons: its last question's,
/// else the user's `language_code`.
fn conversation_lang(state: &AppState, key: ConversationKey, user: Option<&teloxide::types::User>) -> Lang {
    state.conversations().lang(key).unwrap_or_else(|| user_lang(user))
}

/// Answers a request of a conversation: reads its context and language, answers (in
/// `article` when given), stores the new context (and, for a question written in a script
/// of its own, its language). Returns the library it answered from with the response.
fn answer_in_conversation(
    state: &AppState,
    key: ConversationKey,
    user: Option<&teloxide::types::User>,
    article: Option<usize>,
    request: Request<'_>,
) -> (Arc<Library>, ArticleResponse) {
    let library = state.library();
    let conversations = state.conversations();
    let context = conversations.get(key);
    let speak = Speak::Follow(conversation_lang(state, key, user));
    let routed = respond_safely(&library, article, request, context.as_ref(), speak);
    conversations.apply(key, routed.response.context.clone());
    if let Request::Question(question) = request
        && Lang::is_question_script(question)
    {
        conversations.set_lang(key, routed.response.lang);
    }
    (library, routed)
}

/// Answers a question and queues its record (off the answering path), with the article
/// it was answered from and the reply's language.
fn answer_question(state: &AppState, message: &Message, question: &str) -> (RenderedReply, Lang) {
    let key = conversation_key(&message.chat, message.from.as_ref());
    let (library, routed) =
        answer_in_conversation(state, key, message.from.as_ref(), None, Request::Question(question));
    if let Some(answer) = &routed.response.answer {
        let mut record = QuestionRecord::from_answer(unix_now(), question, answer, chat_type(&message.chat));
        record.article = library.id(routed.article).to_string();
        record.lang = RecordLang::of(routed.response.lang);
        state.record_question(record);
    }
    (render_routed(&library, &routed), routed.response.lang)
}

/// Whether the message was sent by an admin (by user id; `ADMIN_IDS`).
fn sent_by_admin(message: &Message, state: &AppState) -> bool {
    message.from.as_ref().is_some_and(|user| state.is_admin(user.id.0))
}

async fn on_message(bot: TgBot, message: Message, state: AppState) -> HandlerResult {
    handle_message(&bot, &message, &state, false).await
}

async fn on_edited_message(bot: TgBot, message: Message, state: AppState) -> HandlerResult {
    handle_message(&bot, &message, &state, true).await
}

async fn handle_message(bot: &TgBot, message: &Message, state: &AppState, edited: bool) -> HandlerResult {
    let route = route(message, state.username(), edited);
    log::debug!(
        "update in chat {} ({}): {}",
        message.chat.id,
        if message.chat.is_private() { "private" } else { "group" },
        match &route {
            Route::Command(_) => "command",
            Route::AdminCommand(_) => "admin command",
            Route::UnknownCommand => "unknown command",
            Route::Question(_) => "question",
            Route::NonText => "non-text",
            Route::Ignore => "ignored",
        }
    );
    let key = conversation_key(&message.chat, message.from.as_ref());
    let lang = conversation_lang(state, key, message.from.as_ref());
    let (rendered, lang) = match &route {
        Route::Ignore => return Ok(()),
        Route::NonText => (render(&plain_reply(lang, texts::NON_TEXT_MESSAGE)), lang),
        Route::UnknownCommand => (render(&plain_reply(lang, texts::UNKNOWN_COMMAND)), lang),
        Route::AdminCommand(command) => {
            if sent_by_admin(message, state) {
                log::info!("admin command {command:?}");
                // Admin reports are in Chinese, as the admin guide and the web page.
                let arguments = fuer_core::command::command_arguments(message.text().unwrap_or_default());
                (render(&admin_reply(state, command, arguments).await), Lang::Simplified)
            } else {
                // Exactly what an unknown command gets: admin commands stay invisible.
                (render(&plain_reply(lang, texts::UNKNOWN_COMMAND)), lang)
            }
        }
        Route::Command(command) => {
            let (library, routed) = answer_in_conversation(state, key, message.from.as_ref(), None, command.request());
            (render_routed(&library, &routed), routed.response.lang)
        }
        Route::Question(question) => answer_question(state, message, question),
    };
    // In groups, thread the answer under the question it answers.
    let reply_to = (!message.chat.is_private()).then_some(message.id);
    send_reply(bot, message.chat.id, reply_to, &rendered, lang).await
}

/// Sends a rendered reply (keyboard on the last message). If Telegram refuses it, tries a
/// plain apology in `lang` so the user is not left without an answer, and returns the error.
pub async fn send_reply(
    bot: &TgBot,
    chat: ChatId,
    reply_to: Option<MessageId>,
    reply: &RenderedReply,
    lang: Lang,
) -> HandlerResult {
    let result = send_messages(bot, chat, reply_to, &reply.messages, reply.keyboard.clone()).await;
    if let Err(RequestError::Api(_) | RequestError::InvalidJson { .. }) = &result {
        let mut apology = bot.send_message(chat, texts::INTERNAL_ERROR.get(lang));
        if let Some(id) = reply_to {
            apology = apology.reply_parameters(ReplyParameters::new(id).allow_sending_without_reply());
        }
        if let Err(error) = apology.await {
            log::debug!("the apology could not be sent either: {}", error_kind(&error));
        }
    }
    result.map_err(Into::into)
}

async fn send_messages(
    bot: &TgBot,
    chat: ChatId,
    reply_to: Option<MessageId>,
    messages: &[String],
    keyboard: Option<teloxide::types::InlineKeyboardMarkup>,
) -> Result<(), RequestError> {
    let last = messages.len().saturating_sub(1);
    for (index, text) in messages.iter().enumerate() {
        let mut request = bot.send_message(chat, text.clone()).parse_mode(ParseMode::Html);
        if index == 0
            && let Some(id) = reply_to
        {
            request = request.reply_parameters(ReplyParameters::new(id).allow_sending_without_reply());
        }
        if index == last
            && let Some(keyboard) = keyboard.clone()
        {
            request = request.reply_markup(keyboard);
        }
        request.await?;
    }
    Ok(())
}

/// A short description of an error that cannot contain the token.
fn error_kind(error: &RequestError) -> &'static str {
    match error {
        RequestError::Api(_) => "refused by Telegram",
        RequestError::MigrateToChatId(_) => "chat migrated",
        RequestError::RetryAfter(_) => "rate limited",
        RequestError::Network(_) => "network error",
        RequestError::InvalidJson { .. } => "invalid response",
        RequestError::Io(_) => "I/O error",
    }
}

#[cfg(test)]
mod tests;
