//! Telegram's command menus, one per language: the public one for everyone and, in each
//! admin's private chat, the public and admin commands. The names are
//! [`fuer_core::command::Command::NAMES`] (parsing is [`fuer_core::command::parse_command`],
//! shared with the console and `fuer-bot ask`); the descriptions come from `texts.rs`, in the
//! language of the menu. Telegram shows a user the menu registered for their app's
//! `language_code` (two letters: `en`, `zh`), else the default one.

use teloxide::types::BotCommand;

use fuer_core::command::{AdminCommand, Command};
use fuer_core::lang::Lang;
use fuer_core::texts::{self, Text};

/// The public commands' descriptions, in [`Command::NAMES`] order.
const PUBLIC: [Text; 4] = [
    texts::COMMAND_START_DESCRIPTION,
    texts::COMMAND_HELP_DESCRIPTION,
    texts::COMMAND_LIST_DESCRIPTION,
    texts::COMMAND_ITEM_DESCRIPTION,
];

/// The admin commands' descriptions (Chinese: admins work in Chinese), in
/// [`AdminCommand::NAMES`] order.
const ADMIN: [&str; 4] = [
    texts::COMMAND_RELOAD_DESCRIPTION,
    texts::COMMAND_STATS_DESCRIPTION,
    texts::COMMAND_UNANSWERED_DESCRIPTION,
    texts::COMMAND_WEB_DESCRIPTION,
];

/// The menus registered with `setMyCommands`: the language code (`None`: the default menu,
/// for every other language) and the menu's language. Telegram's codes have two letters,
/// so Chinese users (Simplified or Traditional) share the `zh` menu; it and the default
/// are Simplified, and a Traditional user's replies are still Traditional.
pub const MENU_LANGUAGES: [(Option<&str>, Lang); 3] = [
    (None, Lang::Simplified),
    (Some("zh"), Lang::Simplified),
    (Some("en"), Lang::English),
];

/// The public command menu in `lang`.
pub fn menu(lang: Lang) -> Vec<BotCommand> {
    Command::NAMES
        .iter()
        .zip(PUBLIC)
        .map(|(name, description)| BotCommand::new(*name, description.get(lang)))
        .collect()
}

/// The command menu of an admin's private chat: the public commands, then the admin ones.
pub fn admin_menu(lang: Lang) -> Vec<BotCommand> {
    let mut commands = menu(lang);
    commands.extend(
        AdminCommand::NAMES
            .iter()
            .zip(ADMIN)
            .map(|(name, description)| BotCommand::new(*name, description)),
    );
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(menu: &[BotCommand]) -> Vec<&str> {
        menu.iter().map(|command| command.command.as_str()).collect()
    }

    #[test]
    fn the_menus_list_exactly_the_parsed_commands() {
        for lang in Lang::ALL {
            assert_eq!(names(&menu(lang)), Command::NAMES);
            let admin = admin_menu(lang);
            assert_eq!(names(&admin[..Command::NAMES.len()]), Command::NAMES);
            assert_eq!(names(&admin[Command::NAMES.len()..]), AdminCommand::NAMES);
        }
    }

    #[test]
    fn descriptions_are_the_texts_and_fit_telegram() {
        let descriptions: Vec<String> = admin_menu(Lang::Simplified)
            .into_iter()
            .map(|c| c.description)
            .collect();
        assert_eq!(
            descriptions,
            [
                texts::COMMAND_START_DESCRIPTION.zh,
                texts::COMMAND_HELP_DESCRIPTION.zh,
                texts::COMMAND_LIST_DESCRIPTION.zh,
                texts::COMMAND_ITEM_DESCRIPTION.zh,
                texts::COMMAND_RELOAD_DESCRIPTION,
                texts::COMMAND_STATS_DESCRIPTION,
                texts::COMMAND_UNANSWERED_DESCRIPTION,
                texts::COMMAND_WEB_DESCRIPTION,
            ]
        );
        let english: Vec<String> = menu(Lang::English).into_iter().map(|c| c.description).collect();
        assert_eq!(english[2], texts::COMMAND_LIST_DESCRIPTION.en);
        for lang in Lang::ALL {
            for command in admin_menu(lang) {
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
}
