//! Button presses (callback queries: show an item or a list, editing the message the
//! button belongs to) and inline queries (answered, never recorded).

use std::panic::{AssertUnwindSafe, catch_unwind};

use teloxide::prelude::*;
use teloxide::types::{CallbackQuery, InlineQuery, MaybeInaccessibleMessage, MessageId, ParseMode};
use teloxide::{ApiError, RequestError};

use super::super::inline::inline_results;
use super::super::render::{ArticleRef, Pressed, RenderedReply, parse_callback_data};
use super::super::{HandlerResult, TgBot};
use super::{
    answer_in_conversation, conversation_key, conversation_lang, render_routed, respond_safely, send_messages,
    send_reply, user_lang,
};
use crate::state::AppState;
use fuer_core::dialogue::{Request, Speak};
use fuer_core::lang::Lang;
use fuer_core::library::Library;
use fuer_core::reply::Action;
use fuer_core::texts;

/// How long Telegram clients may cache inline results (seconds); short, since the
/// knowledge can be reloaded while the bot runs.
const INLINE_CACHE_SECONDS: u32 = 60;
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

/// A button pressed: answered at once (a stale button says so), then its item or list shown.
pub(super) async fn on_callback_query(bot: TgBot, query: CallbackQuery, state: AppState) -> HandlerResult {
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

/// An inline query: the answers of the query, in its language; never recorded.
pub(super) async fn on_inline_query(bot: TgBot, query: InlineQuery, state: AppState) -> HandlerResult {
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
