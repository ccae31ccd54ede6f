//! Telegram's command menus: the public one for everyone and, in each admin's private chat,
//! the public and admin commands. The menus come from the `#[derive(BotCommands)]`
//! descriptions below; parsing is [`fuer_core::command::parse_command`], shared with the console
//! and `fuer-bot ask`.

use teloxide::types::BotCommand;
use teloxide::utils::command::BotCommands;

/// The public command menu. The doc comments are the descriptions shown in Telegram (3–256
/// characters); a test checks that the names are [`fuer_core::command::Command::NAMES`] and the
/// descriptions the `COMMAND_*_DESCRIPTION` texts.
#[derive(BotCommands, Clone, Copy, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum PublicMenu {
    /// 欢迎与十件大事按钮
    Start,
    /// 使用说明
    Help,
    /// 十件大事列表
    List,
    /// 查看某件大事全文，例如 /item 5
    Item,
}

/// The admin commands added to the menu of each admin's private chat; checked like
/// [`PublicMenu`] against [`fuer_core::command::AdminCommand::NAMES`].
#[derive(BotCommands, Clone, Copy, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum AdminMenu {
    /// 重新加载知识库（管理员）
    Reload,
    /// 问答统计（管理员）
    Stats,
    /// 常见的答不上的问题（管理员）
    Unanswered,
    /// 打开管理网页（管理员）
    Web,
}

/// A derived menu as `setMyCommands` wants it (names without the `/`).
fn derived<T: BotCommands>() -> Vec<BotCommand> {
    T::bot_commands()
        .into_iter()
        .map(|command| BotCommand::new(command.command.trim_start_matches('/'), command.description))
        .collect()
}

/// The public command menu registered with `setMyCommands`.
pub fn menu() -> Vec<BotCommand> {
    derived::<PublicMenu>()
}

/// The command menu of an admin's private chat: the public commands, then the admin ones.
pub fn admin_menu() -> Vec<BotCommand> {
    let mut commands = menu();
    commands.extend(derived::<AdminMenu>());
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuer_core::command::{AdminCommand, Command};
    use fuer_core::texts;

    fn names(menu: &[BotCommand]) -> Vec<&str> {
        menu.iter().map(|command| command.command.as_str()).collect()
    }

    #[test]
    fn the_menus_list_exactly_the_parsed_commands() {
        assert_eq!(names(&menu()), Command::NAMES);
        let admin = admin_menu();
        assert_eq!(names(&admin[..Command::NAMES.len()]), Command::NAMES);
        assert_eq!(names(&admin[Command::NAMES.len()..]), AdminCommand::NAMES);
    }

    #[test]
    fn descriptions_are_the_texts_and_fit_telegram() {
        let descriptions: Vec<String> = admin_menu().into_iter().map(|c| c.description).collect();
        assert_eq!(
            descriptions,
            [
                texts::COMMAND_START_DESCRIPTION,
                texts::COMMAND_HELP_DESCRIPTION,
                texts::COMMAND_LIST_DESCRIPTION,
                texts::COMMAND_ITEM_DESCRIPTION,
                texts::COMMAND_RELOAD_DESCRIPTION,
                texts::COMMAND_STATS_DESCRIPTION,
                texts::COMMAND_UNANSWERED_DESCRIPTION,
                texts::COMMAND_WEB_DESCRIPTION,
            ]
        );
        for command in admin_menu() {
            let chars = command.description.chars().count();
            assert!((3..=256).contains(&chars), "{command:?}");
            assert!(
                (1..=32).contains(&command.command.len())
                    && command.command.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{command:?}"
            );
        }
    }
}
