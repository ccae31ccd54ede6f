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

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use teloxide::dispatching::{UpdateFilterExt, UpdateHandler};
use teloxide::prelude::*;
use teloxide::types::{
    CallbackQuery, InlineQuery, MaybeInaccessibleMessage, MessageId, MessageKind, ParseMode, ReplyParameters,
};
use teloxide::{ApiError, RequestError};

use super::admin::admin_reply;
use super::inline::inline_results;
use super::render::{ArticleRef, Pressed, RenderedReply, ReplyArticle, parse_callback_data, render, render_in};
use super::{HandlerError, HandlerResult, TgBot};
use crate::conversations::ConversationKey;
use crate::state::AppState;
use crate::store::{QuestionRecord, RecordLang, unix_now};
use fuer_core::command::{AdminCommand, Command, ParsedCommand, parse_command};
use fuer_core::conversation::Context;
use fuer_core::dialogue::{Request, Response, Speak};
use fuer_core::lang::Lang;
use fuer_core::library::{self, ArticleResponse, Library};
use fuer_core::reply::{Action, Paragraph, Reply};
use fuer_core::texts::{self, Text};

/// How long Telegram clients may cache inline results (seconds); short, since the
/// knowledge can be reloaded while the bot runs.
const INLINE_CACHE_SECONDS: u32 = 60;

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
        && Lang::of_question(question).is_some()
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

/// The article a pressed button is about, if it is still served: the one it names, or
/// the first (oldest) for a button made before several articles were served.
fn pressed_article(library: &Library, pressed: &Pressed) -> Option<usize> {
    match &pressed.article {
        None => Some(0),
        Some(ArticleRef::Id(id)) => library.index_of(id),
        Some(ArticleRef::Position(position)) => (*position < library.engines().len()).then_some(*position),
    }
}

/// The article and action of a button, if they still make sense with the current knowledge.
fn valid_press(library: &Library, pressed: &Pressed) -> Option<(usize, Action)> {
    let article = pressed_article(library, pressed)?;
    let valid = match pressed.action {
        Action::ShowItem(number) => library.engine(article).knowledge().item(number).is_some(),
        Action::ShowList | Action::ShowArticle(_) => true,
    };
    valid.then(|| (article, pressed.action.clone()))
}

async fn on_callback_query(bot: TgBot, query: CallbackQuery, state: AppState) -> HandlerResult {
    let library = state.library();
    let press = query
        .data
        .as_deref()
        .and_then(parse_callback_data)
        .and_then(|pressed| valid_press(&library, &pressed));
    // Answer first, so the button stops spinning even if showing the result fails.
    let mut answer = bot.answer_callback_query(query.id.clone());
    if press.is_none() {
        let lang = match query.message.as_ref().map(MaybeInaccessibleMessage::chat) {
            Some(chat) => conversation_lang(&state, conversation_key(chat, Some(&query.from)), Some(&query.from)),
            None => user_lang(Some(&query.from)),
        };
        answer = answer.text(texts::CALLBACK_EXPIRED.get(lang));
    }
    let answered = answer.await;
    let shown = match press {
        Some((article, action)) => show_action(&bot, &query, &state, article, &action).await,
        None => Ok(()),
    };
    answered?;
    shown
}

async fn show_action(
    bot: &TgBot,
    query: &CallbackQuery,
    state: &AppState,
    article: usize,
    action: &Action,
) -> HandlerResult {
    // An item of its article; a list through the library, which offers the other articles.
    let request_text;
    let (pinned, request) = match action {
        Action::ShowItem(number) => {
            request_text = number.to_string();
            (Some(article), Request::Item(&request_text))
        }
        Action::ShowList | Action::ShowArticle(_) => {
            request_text = state.library().id(article).to_string();
            (None, Request::ListOf(&request_text))
        }
    };
    // A button pressed in a chat continues that chat's conversation (an item shown is now
    // its topic); a button on an inline message has no conversation.
    let (library, routed) = match query.message.as_ref().map(MaybeInaccessibleMessage::chat) {
        Some(chat) => answer_in_conversation(
            state,
            conversation_key(chat, Some(&query.from)),
            Some(&query.from),
            pinned,
            request,
        ),
        None => {
            let library = state.library();
            let speak = Speak::Follow(user_lang(Some(&query.from)));
            let routed = respond_safely(&library, pinned, request, None, speak);
            (library, routed)
        }
    };
    let rendered = render_routed(&library, &routed);
    let lang = routed.response.lang;
    match &query.message {
        Some(MaybeInaccessibleMessage::Regular(message)) => {
            edit_or_send(bot, message.chat.id, message.id, &rendered, lang).await
        }
        // Too old to edit: answer with a new message instead.
        Some(MaybeInaccessibleMessage::Inaccessible(message)) => {
            send_reply(bot, message.chat.id, None, &rendered, lang).await
        }
        // A button on an inline message: there is no chat to write to.
        None => Ok(()),
    }
}

/// Navigation edits the message the button belongs to instead of flooding the chat.
async fn edit_or_send(
    bot: &TgBot,
    chat: ChatId,
    message_id: MessageId,
    reply: &RenderedReply,
    lang: Lang,
) -> HandlerResult {
    let Some(first) = reply.messages.first() else {
        return Ok(());
    };
    let single = reply.messages.len() == 1;
    let mut edit = bot
        .edit_message_text(chat, message_id, first.clone())
        .parse_mode(ParseMode::Html);
    if single && let Some(keyboard) = reply.keyboard.clone() {
        edit = edit.reply_markup(keyboard);
    }
    match edit.await {
        Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => {}
        Err(RequestError::Api(ApiError::MessageCantBeEdited | ApiError::MessageToEditNotFound)) => {
            return send_reply(bot, chat, None, reply, lang).await;
        }
        Err(error) => return Err(error.into()),
    }
    if !single {
        send_messages(bot, chat, None, &reply.messages[1..], reply.keyboard.clone()).await?;
    }
    Ok(())
}

async fn on_inline_query(bot: TgBot, query: InlineQuery, state: AppState) -> HandlerResult {
    let library = state.library();
    let lang = Lang::of_question(&query.query).unwrap_or_else(|| user_lang(Some(&query.from)));
    let results = match catch_unwind(AssertUnwindSafe(|| inline_results(&library, &query.query, lang))) {
        Ok(results) => results,
        Err(_) => {
            log::error!("the answer engine panicked on an inline query");
            Vec::new()
        }
    };
    bot.answer_inline_query(query.id, results)
        .cache_time(INLINE_CACHE_SECONDS)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
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
}
