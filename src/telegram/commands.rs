//! The bot's commands: parsing (including `/item@botname 5`), the public command menu, and
//! the admin commands with the menu registered only in the admins' private chats.

use teloxide::types::BotCommand;
use teloxide::utils::command::{BotCommands, ParseError};

use crate::texts;

/// The public commands. The doc comments are the descriptions shown in Telegram's command
/// menu; they must equal the `COMMAND_*_DESCRIPTION` texts (checked by a test).
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    /// 欢迎与十件大事按钮
    Start(String),
    /// 使用说明
    Help,
    /// 十件大事列表
    List,
    /// 查看某件大事全文，例如 /item 5
    Item(String),
}

/// The admin commands (for `ADMIN_IDS` only). The doc comments must equal the
/// `COMMAND_*_DESCRIPTION` texts (checked by a test).
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum AdminCommand {
    /// 重新加载知识库（管理员）
    Reload,
    /// 问答统计（管理员）
    Stats,
    /// 常见的答不上的问题（管理员）
    Unanswered,
}

/// What a message starting with `/` turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedCommand {
    Known(Command),
    /// An admin command, whoever sent it (the caller checks who may use it);
    /// `addressed` when written as `/name@our_bot`.
    Admin {
        command: AdminCommand,
        addressed: bool,
    },
    /// Not one of ours; `addressed` when written as `/name@our_bot`.
    Unknown {
        addressed: bool,
    },
    /// `/name@another_bot`: not for us.
    OtherBot,
}

/// Parses a command for the bot `username`; `None` if `text` is not a command at all.
pub fn parse_command(text: &str, username: &str) -> Option<ParsedCommand> {
    let rest = text.trim_start().strip_prefix('/')?;
    let (head, arguments) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if head.is_empty() {
        return None;
    }
    let (name, mention) = match head.split_once('@') {
        Some((name, mention)) => (name, Some(mention)),
        None => (head, None),
    };
    if let Some(mention) = mention
        && !mention.eq_ignore_ascii_case(username)
    {
        return Some(ParsedCommand::OtherBot);
    }
    let name = name.to_lowercase();
    let arguments = arguments.trim();
    let normalized = if arguments.is_empty() {
        format!("/{name}")
    } else {
        format!("/{name} {arguments}")
    };
    let unknown = ParsedCommand::Unknown {
        addressed: mention.is_some(),
    };
    Some(match Command::parse(&normalized, username) {
        Ok(command) => ParsedCommand::Known(command),
        // `/list please`: a command without arguments given some anyway.
        Err(ParseError::TooManyArguments { .. }) => match Command::parse(&format!("/{name}"), username) {
            Ok(command) => ParsedCommand::Known(command),
            Err(_) => unknown,
        },
        // Admin commands take no arguments; extra words are ignored like `/list please`.
        Err(_) => match AdminCommand::parse(&format!("/{name}"), username) {
            Ok(command) => ParsedCommand::Admin {
                command,
                addressed: mention.is_some(),
            },
            Err(_) => unknown,
        },
    })
}

/// The public command menu registered with `setMyCommands`.
pub fn menu() -> Vec<BotCommand> {
    vec![
        BotCommand::new("start", texts::COMMAND_START_DESCRIPTION),
        BotCommand::new("help", texts::COMMAND_HELP_DESCRIPTION),
        BotCommand::new("list", texts::COMMAND_LIST_DESCRIPTION),
        BotCommand::new("item", texts::COMMAND_ITEM_DESCRIPTION),
    ]
}

/// The command menu of an admin's private chat: the public commands, then the admin ones.
pub fn admin_menu() -> Vec<BotCommand> {
    let mut commands = menu();
    commands.extend([
        BotCommand::new("reload", texts::COMMAND_RELOAD_DESCRIPTION),
        BotCommand::new("stats", texts::COMMAND_STATS_DESCRIPTION),
        BotCommand::new("unanswered", texts::COMMAND_UNANSWERED_DESCRIPTION),
    ]);
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<ParsedCommand> {
        parse_command(text, "fuer_bot")
    }

    fn known(command: Command) -> Option<ParsedCommand> {
        Some(ParsedCommand::Known(command))
    }

    #[test]
    fn parses_commands_and_arguments() {
        assert_eq!(parse("/start"), known(Command::Start(String::new())));
        assert_eq!(parse("/start item5"), known(Command::Start("item5".to_string())));
        assert_eq!(parse("/help"), known(Command::Help));
        assert_eq!(parse("/list"), known(Command::List));
        assert_eq!(parse("/list 全部"), known(Command::List));
        assert_eq!(parse("/item"), known(Command::Item(String::new())));
        assert_eq!(parse("/item 5"), known(Command::Item("5".to_string())));
        assert_eq!(parse("/item  abc "), known(Command::Item("abc".to_string())));
        assert_eq!(parse("/ITEM 3"), known(Command::Item("3".to_string())));
        assert_eq!(parse("/item\n7"), known(Command::Item("7".to_string())));
    }

    #[test]
    fn mentions_select_the_bot() {
        assert_eq!(parse("/item@fuer_bot 5"), known(Command::Item("5".to_string())));
        assert_eq!(parse("/item@Fuer_Bot 5"), known(Command::Item("5".to_string())));
        assert_eq!(parse("/list@other_bot"), Some(ParsedCommand::OtherBot));
        assert_eq!(parse("/ban@fuer_bot"), Some(ParsedCommand::Unknown { addressed: true }));
        assert_eq!(parse("/ban"), Some(ParsedCommand::Unknown { addressed: false }));
        assert_eq!(parse("/stats@other_bot"), Some(ParsedCommand::OtherBot));
    }

    #[test]
    fn admin_commands_are_recognized() {
        let admin = |command, addressed| Some(ParsedCommand::Admin { command, addressed });
        assert_eq!(parse("/reload"), admin(AdminCommand::Reload, false));
        assert_eq!(parse("/Stats@fuer_bot"), admin(AdminCommand::Stats, true));
        assert_eq!(parse("/unanswered 20"), admin(AdminCommand::Unanswered, false));
        assert_eq!(parse("/reloads"), Some(ParsedCommand::Unknown { addressed: false }));
    }

    #[test]
    fn non_commands() {
        assert_eq!(parse("母婴室有多少"), None);
        assert_eq!(parse("/"), None);
        assert_eq!(parse("/ 5"), None);
    }

    #[test]
    fn menu_matches_the_derived_descriptions() {
        let derived: Vec<(String, String)> = Command::bot_commands()
            .into_iter()
            .map(|c| (c.command.trim_start_matches('/').to_string(), c.description))
            .collect();
        let registered: Vec<(String, String)> = menu().into_iter().map(|c| (c.command, c.description)).collect();
        assert_eq!(derived, registered);
        let admin_derived: Vec<(String, String)> = AdminCommand::bot_commands()
            .into_iter()
            .map(|c| (c.command.trim_start_matches('/').to_string(), c.description))
            .collect();
        let admin_registered: Vec<(String, String)> = admin_menu()
            .into_iter()
            .skip(menu().len())
            .map(|c| (c.command, c.description))
            .collect();
        assert_eq!(admin_derived, admin_registered);
        for command in admin_menu() {
            let chars = command.description.chars().count();
            assert!((3..=256).contains(&chars), "{command:?}");
            assert!(command.command.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        }
    }
}
