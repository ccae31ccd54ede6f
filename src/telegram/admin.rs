//! Admins on Telegram: the admin commands (`/reload`, `/stats [ARTICLE]`, `/unanswered [ARTICLE]`, `/web`), the command
//! menus (public for everyone, public + admin in each admin's private chat), and the
//! messages that tell admins how a reload of the knowledge files went.
//!
//! Who is an admin (`ADMIN_IDS`) is decided by the handlers; a non-admin sending an admin
//! command gets exactly the reply to an unknown command. Blocking work (reading the
//! knowledge files, SQLite queries) runs in `spawn_blocking`, never on the async workers.

use std::sync::Arc;

use teloxide::prelude::*;
use teloxide::types::{BotCommandScope, ParseMode, Recipient};
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::task::JoinHandle;

use super::TgBot;
use super::commands::{MENU_LANGUAGES, admin_menu, menu};
use super::redact::Redactor;
use super::render::render;
use crate::reload::{ReloadOutcome, reload_now};
use crate::state::AppState;
use crate::store::{DEFAULT_UNANSWERED_DAYS, DEFAULT_UNANSWERED_LIMIT, ReportArticles, unix_now};
use fuer_core::command::AdminCommand;
use fuer_core::engine::Engine;
use fuer_core::lang::Lang;
use fuer_core::reply::{Paragraph, Reply};
use fuer_core::texts;

/// A reply of plain text (line breaks kept), split into messages by the renderer if long.
pub fn text_reply(text: &str) -> Reply {
    Reply {
        paragraphs: vec![Paragraph::plain(text)],
        keyboard: Vec::new(),
    }
}

/// The private chat with a user (its id is the user's id), if the id is valid.
fn private_chat(user_id: u64) -> Option<ChatId> {
    i64::try_from(user_id).ok().map(ChatId)
}

/// Runs an admin command (the caller has checked that the sender is an admin); `arguments`
/// are the words after its name (`/stats 2024`).
pub async fn admin_reply(state: &AppState, command: &AdminCommand, arguments: &str) -> Reply {
    let text = match command {
        AdminCommand::Reload => reload(state).await,
        AdminCommand::Stats => stats(state, arguments).await,
        AdminCommand::Unanswered => unanswered(state, arguments).await,
        AdminCommand::Web => web_link(state),
    };
    text_reply(&text)
}

/// `/reload`: reloads the knowledge directory now and says how it went.
async fn reload(state: &AppState) -> String {
    let Some(dir) = state.knowledge_dir().map(std::path::Path::to_path_buf) else {
        return texts::RELOAD_NOT_CONFIGURED.to_string();
    };
    let library = Arc::clone(state.library_swap());
    match tokio::task::spawn_blocking(move || reload_now(&dir, &library)).await {
        Ok(outcome) => {
            if outcome.is_reloaded() {
                log::info!("/reload: {outcome}");
            } else {
                log::warn!("/reload: {outcome}");
            }
            outcome.admin_message()
        }
        Err(error) => {
            log::error!("/reload failed: {error}");
            texts::INTERNAL_ERROR.zh.to_string()
        }
    }
}

/// `/stats [ARTICLE]`: the recorder's stats report of every article or of the one named
/// (its id or year), or why there is none.
async fn stats(state: &AppState, argument: &str) -> String {
    let Some(recorder) = state.recorder().cloned() else {
        return texts::RECORDING_NOT_CONFIGURED.to_string();
    };
    let library = state.library();
    let argument = argument.to_string();
    let report = tokio::task::spawn_blocking(move || {
        let articles = library.engines().iter().map(Engine::knowledge).collect();
        match ReportArticles::select(articles, &argument) {
            Ok(articles) => recorder.article_stats_report(unix_now(), &articles),
            Err(message) => message,
        }
    });
    report.await.unwrap_or_else(|error| {
        log::error!("/stats failed: {error}");
        texts::INTERNAL_ERROR.zh.to_string()
    })
}

/// `/unanswered [ARTICLE]`: the most frequent recent declined or low-confidence questions,
/// of every article or of the one named (its id or year).
async fn unanswered(state: &AppState, argument: &str) -> String {
    let Some(recorder) = state.recorder().cloned() else {
        return texts::RECORDING_NOT_CONFIGURED.to_string();
    };
    let library = state.library();
    let argument = argument.to_string();
    let report = tokio::task::spawn_blocking(move || {
        let articles = library.engines().iter().map(Engine::knowledge).collect();
        match ReportArticles::select(articles, &argument) {
            Ok(articles) => recorder.article_unanswered_report(
                unix_now(),
                DEFAULT_UNANSWERED_LIMIT,
                DEFAULT_UNANSWERED_DAYS,
                &articles,
            ),
            Err(message) => message,
        }
    });
    report.await.unwrap_or_else(|error| {
        log::error!("/unanswered failed: {error}");
        texts::INTERNAL_ERROR.zh.to_string()
    })
}

/// `/web`: a one-time login link for the admin web page.
fn web_link(state: &AppState) -> String {
    match state.web_links() {
        Some(links) => {
            log::info!("/web: a login link for the admin web page was sent");
            texts::web_login_link(&links.link(unix_now()))
        }
        None => texts::WEB_NOT_CONFIGURED.to_string(),
    }
}

/// Registers the public command menu for everyone (default scope) in each language of
/// [`MENU_LANGUAGES`] and, in each admin's private chat, the public and admin commands.
/// Failures are logged, never fatal (an admin who has not started a chat with the bot
/// cannot get a menu yet).
pub async fn register_commands(bot: &TgBot, redactor: &Redactor, admin_ids: &[u64]) {
    for (code, lang) in MENU_LANGUAGES {
        let mut request = bot.set_my_commands(menu(lang)).scope(BotCommandScope::Default);
        if let Some(code) = code {
            request = request.language_code(code);
        }
        if let Err(error) = request.await {
            log::warn!("cannot register the command menu: {}", redactor.error(&error));
        }
    }
    for &admin in admin_ids {
        let Some(chat) = private_chat(admin) else {
            log::warn!("admin id {admin} is not a valid Telegram user id; no admin menu for it");
            continue;
        };
        let scope = BotCommandScope::Chat {
            chat_id: Recipient::Id(chat),
        };
        if let Err(error) = bot.set_my_commands(admin_menu(Lang::Simplified)).scope(scope).await {
            log::warn!(
                "cannot register the admin command menu for admin {admin} (has this user started a chat with the bot?): {}",
                redactor.error(&error)
            );
        }
    }
}

/// Sends `text` to every admin's private chat. A failed send is logged and the other admins
/// still get the message.
pub async fn notify_admins(bot: &TgBot, admin_ids: &[u64], text: &str, redactor: &Redactor) {
    let rendered = render(&text_reply(text));
    for &admin in admin_ids {
        let Some(chat) = private_chat(admin) else {
            continue;
        };
        for message in &rendered.messages {
            let sent = bot
                .send_message(chat, message.clone())
                .parse_mode(ParseMode::Html)
                .await;
            if let Err(error) = sent {
                log::warn!(
                    "cannot send the knowledge reload message to admin {admin} (has this user started a chat with the bot?): {}",
                    redactor.error(&error)
                );
                break;
            }
        }
    }
}

/// Forwards every reload outcome to the admins, until the sending side is dropped.
pub fn spawn_notifier(
    bot: TgBot,
    admin_ids: Vec<u64>,
    mut outcomes: UnboundedReceiver<ReloadOutcome>,
    redactor: Redactor,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        while let Some(outcome) = outcomes.recv().await {
            if admin_ids.is_empty() {
                log::debug!("no ADMIN_IDS configured: nobody to tell about the reload");
                continue;
            }
            notify_admins(&bot, &admin_ids, &outcome.admin_message(), &redactor).await;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_replies_keep_line_breaks_and_are_escaped_once() {
        let rendered = render(&text_reply("a.toml:3: expected `=`\n<b> & c"));
        assert_eq!(rendered.messages, ["a.toml:3: expected `=`\n&lt;b&gt; &amp; c"]);
        assert!(rendered.keyboard.is_none());
    }

    #[test]
    fn admin_chats_are_the_admins_user_ids() {
        assert_eq!(private_chat(4242), Some(ChatId(4242)));
        assert_eq!(private_chat(u64::MAX), None);
    }
}
