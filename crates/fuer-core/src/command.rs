//! The commands users type — `/start [payload]`, `/help`, `/list`, `/item N` — and the admin
//! commands `/reload`, `/stats`, `/unanswered`, `/web`: one parser for the console, `fuer-bot ask`
//! and Telegram, so that a command gets the same reply everywhere.
//!
//! Pure: no I/O, never panics. Telegram's command menu is built from the descriptions of
//! `crate::telegram::commands` (a test there checks it lists exactly these commands).

use crate::dialogue::Request;

/// A command every user may send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `/start`, with the deep-link payload (`item5`) or the empty string.
    Start(String),
    Help,
    List,
    /// `/list` with an argument (`/list 2024`): an article's year, id or title.
    ListOf(String),
    /// `/item` with its argument as typed (possibly empty).
    Item(String),
}

impl Command {
    /// The commands' names, in menu order.
    pub const NAMES: [&'static str; 4] = ["start", "help", "list", "item"];

    /// What the command asks of the dialogue.
    pub fn request(&self) -> Request<'_> {
        match self {
            Command::Start(payload) => {
                let payload = payload.trim();
                Request::Start((!payload.is_empty()).then_some(payload))
            }
            Command::Help => Request::Help,
            Command::List => Request::List,
            Command::ListOf(argument) => Request::ListOf(argument),
            Command::Item(argument) => Request::Item(argument),
        }
    }
}

/// A command for admins only (the caller decides who is an admin, and where).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminCommand {
    Reload,
    Stats,
    Unanswered,
    /// A one-time login link for the admin web page.
    Web,
}

impl AdminCommand {
    /// The admin commands' names, in menu order.
    pub const NAMES: [&'static str; 4] = ["reload", "stats", "unanswered", "web"];
}

/// What a message starting with `/` turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedCommand {
    Known(Command),
    /// An admin command, whoever sent it; `addressed` when written as `/name@our_bot`.
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

/// Parses a command; `None` if `text` is not a command at all (it is then a question).
///
/// `username` is the bot's username on Telegram: `/item@username 5` is ours and
/// `/item@other_bot 5` is [`ParsedCommand::OtherBot`]. Without a username (console, `ask`)
/// any `@name` is another bot's. Names are case-insensitive; `/help` ignores extra words;
/// `/list` with words is [`Command::ListOf`] (which article's list).
pub fn parse_command(text: &str, username: Option<&str>) -> Option<ParsedCommand> {
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
        && !username.is_some_and(|username| mention.eq_ignore_ascii_case(username))
    {
        return Some(ParsedCommand::OtherBot);
    }
    let addressed = mention.is_some();
    let arguments = arguments.trim();
    let command = match name.to_lowercase().as_str() {
        "start" => Command::Start(arguments.to_string()),
        "help" => Command::Help,
        "list" if arguments.is_empty() => Command::List,
        "list" => Command::ListOf(arguments.to_string()),
        "item" => Command::Item(arguments.to_string()),
        "reload" => return Some(admin(AdminCommand::Reload, addressed)),
        "stats" => return Some(admin(AdminCommand::Stats, addressed)),
        "unanswered" => return Some(admin(AdminCommand::Unanswered, addressed)),
        "web" => return Some(admin(AdminCommand::Web, addressed)),
        _ => return Some(ParsedCommand::Unknown { addressed }),
    };
    Some(ParsedCommand::Known(command))
}

/// The words after a command's name (`/stats 2024` → `2024`); empty when there are none or
/// `text` is no command.
pub fn command_arguments(text: &str) -> &str {
    let Some(rest) = text.trim_start().strip_prefix('/') else {
        return "";
    };
    rest.split_once(char::is_whitespace)
        .map_or("", |(_, arguments)| arguments.trim())
}

fn admin(command: AdminCommand, addressed: bool) -> ParsedCommand {
    ParsedCommand::Admin { command, addressed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_arguments_are_the_words_after_the_name() {
        for (text, arguments) in [
            ("/stats 2024", "2024"),
            ("/stats@fuer_bot  2025-test ", "2025-test"),
            ("/stats", ""),
            ("  /unanswered\n7", "7"),
            ("stats 2024", ""),
        ] {
            assert_eq!(command_arguments(text), arguments, "{text:?}");
        }
    }

    fn parse(text: &str) -> Option<ParsedCommand> {
        parse_command(text, Some("fuer_bot"))
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
        assert_eq!(parse("/list 2024"), known(Command::ListOf("2024".to_string())));
        assert_eq!(
            parse("/list  2025-shenzhen "),
            known(Command::ListOf("2025-shenzhen".to_string()))
        );
        assert_eq!(parse("/item"), known(Command::Item(String::new())));
        assert_eq!(parse("/item 5"), known(Command::Item("5".to_string())));
        assert_eq!(parse("/item  abc "), known(Command::Item("abc".to_string())));
        assert_eq!(parse("/ITEM 3"), known(Command::Item("3".to_string())));
        assert_eq!(parse("/item\n7"), known(Command::Item("7".to_string())));
        assert_eq!(parse("  /help"), known(Command::Help));
    }

    #[test]
    fn mentions_select_the_bot() {
        assert_eq!(parse("/item@fuer_bot 5"), known(Command::Item("5".to_string())));
        assert_eq!(parse("/item@Fuer_Bot 5"), known(Command::Item("5".to_string())));
        assert_eq!(parse("/list@other_bot"), Some(ParsedCommand::OtherBot));
        assert_eq!(parse("/ban@fuer_bot"), Some(ParsedCommand::Unknown { addressed: true }));
        assert_eq!(parse("/ban"), Some(ParsedCommand::Unknown { addressed: false }));
        assert_eq!(parse("/stats@other_bot"), Some(ParsedCommand::OtherBot));
        // Without a username (console, `ask`), any mention is another bot's.
        assert_eq!(parse_command("/list@fuer_bot", None), Some(ParsedCommand::OtherBot));
        assert_eq!(parse_command("/list", None), known(Command::List));
    }

    #[test]
    fn admin_commands_are_recognized() {
        let admin = |command, addressed| Some(ParsedCommand::Admin { command, addressed });
        assert_eq!(parse("/reload"), admin(AdminCommand::Reload, false));
        assert_eq!(parse("/Stats@fuer_bot"), admin(AdminCommand::Stats, true));
        assert_eq!(parse("/unanswered 20"), admin(AdminCommand::Unanswered, false));
        assert_eq!(parse("/web"), admin(AdminCommand::Web, false));
        assert_eq!(parse("/reloads"), Some(ParsedCommand::Unknown { addressed: false }));
    }

    #[test]
    fn non_commands() {
        assert_eq!(parse("母婴室有多少"), None);
        assert_eq!(parse("/"), None);
        assert_eq!(parse("/ 5"), None);
        assert_eq!(parse("我想问 /item 5"), None);
    }

    #[test]
    fn commands_become_requests() {
        assert_eq!(
            Command::Start("  item5 ".to_string()).request(),
            Request::Start(Some("item5"))
        );
        assert_eq!(Command::Start(" ".to_string()).request(), Request::Start(None));
        assert_eq!(Command::Item("5".to_string()).request(), Request::Item("5"));
        assert_eq!(Command::List.request(), Request::List);
        assert_eq!(Command::ListOf("2024".to_string()).request(), Request::ListOf("2024"));
        assert_eq!(Command::Help.request(), Request::Help);
    }
}
