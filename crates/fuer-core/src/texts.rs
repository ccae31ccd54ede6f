//! Every sentence the bot says to users, in Simplified Chinese, in one place.
//!
//! Fixed sentences are constants. Sentences with numbers or names in them are small
//! functions here, so that the wording stays in this file; the code elsewhere only decides
//! which sentence to say and with what values.

pub const WELCOME_INTRO: &str = "您好！我是“深圳妇女儿童发展十件大事”问答机器人。";
pub const WELCOME_EXAMPLES_HEADER: &str = "可以这样问我：";
pub const WELCOME_EXAMPLES: [&str; 3] = [
    "全市建了多少间母婴室？",
    "爱心妈妈结对关爱了多少名儿童？",
    "第七件大事讲什么？",
];
pub const WELCOME_BUTTONS_HINT: &str = "也可以点下面的按钮查看每一件大事，或发送 /list 查看列表。";

pub const HELP_TITLE: &str = "使用说明";
pub const HELP_HOW_TO_ASK: &str = "直接发送您的问题即可，简体、繁体或英文都可以，例如“两癌筛查做了多少例”“第二件讲什么”“nursing rooms”。我会回答原文中的相关事实和数字。";
pub const HELP_COMMANDS: [&str; 4] = [
    "/start —— 欢迎与十件大事按钮",
    "/list —— 十件大事列表",
    "/item 编号 —— 查看某件大事全文，例如 /item 5",
    "/help —— 显示本说明",
];
pub const HELP_SCOPE: &str = "我只了解这篇文章的内容；文章中没有的信息，我会如实告诉您。";

pub const LIST_TITLE: &str = "十件大事";
pub const LIST_HINT: &str = "发送 /item 编号 查看全文，例如 /item 5；也可以直接提问。";

pub const SOURCE_LABEL: &str = "来源：";
/// Where the answers come from (the reply to "who published this").
pub fn source_intro(title: &str, publisher: &str, date: &str) -> String {
    format!("我的回答全部来自文章《{title}》，由{publisher}于{date}发布。")
}

/// The welcome's line about the article.
pub fn welcome_source(title: &str, publisher: &str, date: &str) -> String {
    format!("内容来自《{title}》（{publisher}，{date}）。")
}
pub const ITEM_LABEL_PREFIX: &str = "第";
pub const ITEM_LABEL_SUFFIX: &str = "件";
/// What a question asking which item a topic is in asks (对口帮扶是第几件事).
pub const ASKED_ITEM_LABEL: &str = "第几件";
pub const FULL_ITEM_POINTER_PREFIX: &str = "查看全文请发送 ";
pub const SUGGESTIONS_HEADER: &str = "您是不是想问：";

pub const BUTTON_PREVIOUS: &str = "◀ 上一件";
pub const BUTTON_NEXT: &str = "下一件 ▶";
pub const BUTTON_LIST: &str = "📋 列表";
pub const BUTTON_FULL_ITEM_PREFIX: &str = "查看全文：";

pub const ITEM_ARGUMENT_MISSING: &str = "请在 /item 后面加上编号，例如 /item 5。";
pub const ITEM_ARGUMENT_NOT_A_NUMBER: &str = "“/item”后面需要一个数字编号（1–10），例如 /item 5。";
pub const ITEM_ARGUMENT_RANGE_PREFIX: &str = "没有这一件。编号范围是 1–";
pub const ITEM_ARGUMENT_RANGE_SUFFIX: &str = "，例如 /item 5。";

pub const GREETING: &str = "您好！有什么想了解的吗？您可以问我2024年深圳妇女儿童发展十件大事的任何内容，例如“全市建了多少间母婴室？”。发送 /list 查看十件大事。";
pub const THANKS: &str = "不客气！还有其他问题，随时问我。发送 /list 可查看十件大事。";
pub const DECLINE: &str = "抱歉，这个问题我答不上来。我只能回答“2024年深圳妇女儿童发展十件大事”这篇文章里的内容。";
/// A *related* reply: 「文章没有提到妇儿大厦的门票价格或收费标准。」
pub const RELATED_PREFIX: &str = "文章没有提到";
pub const RELATED_OF: &str = "的";
pub const RELATED_END: &str = "。";
/// 「文章只介绍了深圳的情况，没有提到上海的母婴室。」
pub const RELATED_SCOPE_PREFIX: &str = "文章只介绍了";
pub const RELATED_SCOPE_MIDDLE: &str = "的情况，没有提到";
pub const YEAR_SUFFIX: &str = "年";
pub const RELATED_OFFER: &str = "文章里相关的内容是：";
/// Conversations: 下一件 / 上一件 at the ends, and follow-ups before any topic.
pub const NAVIGATION_AT_LAST: &str = "已经是最后一件了（共";
pub const NAVIGATION_AT_FIRST: &str = "已经是第一件了（共";
pub const NAVIGATION_COUNT_SUFFIX: &str = "件）。十件大事如下：";
pub const FOLLOW_UP_WITHOUT_TOPIC: &str = "我们还没有聊到具体哪一件大事。请先选一件，或直接提问：";
pub const MORE_OF_ITEM_HEADER: &str = "这一件还讲到：";
pub const DECLINE_POINTER: &str = "发送 /list 查看十件大事，或换个说法再问一次。";
pub const EMPTY_QUESTION: &str = "请用文字输入您的问题，例如“全市建了多少间母婴室？”。发送 /list 查看十件大事。";
pub const UNKNOWN_COMMAND: &str = "没有这个命令。发送 /help 查看可用的命令。";
pub const NON_TEXT_MESSAGE: &str = "我只能看懂文字消息。请直接输入您的问题，或发送 /list 查看十件大事。";
pub const QUESTION_TOO_LONG: &str = "您的问题太长了，请用一两句话提问。";
/// The console's reply to a line that is not valid UTF-8 text.
pub const INVALID_TEXT: &str = "这一行含有无法识别的字符（不是 UTF-8 编码的文字），请重新输入。";
pub const INTERNAL_ERROR: &str = "抱歉，处理您的消息时出了点问题，请稍后再试。";

// Telegram: command menu descriptions (3–256 characters each), buttons and inline mode.
pub const COMMAND_START_DESCRIPTION: &str = "欢迎与十件大事按钮";
pub const COMMAND_HELP_DESCRIPTION: &str = "使用说明";
pub const COMMAND_LIST_DESCRIPTION: &str = "十件大事列表";
pub const COMMAND_ITEM_DESCRIPTION: &str = "查看某件大事全文，例如 /item 5";
pub const CALLBACK_EXPIRED: &str = "这个按钮已失效，请发送 /list 重新查看。";
pub const INLINE_ITEM_DESCRIPTION_PREFIX: &str = "整件大事：";

// Admin commands (only for ADMIN_IDS, in a private chat with the bot; absent from the public menu).
pub const COMMAND_RELOAD_DESCRIPTION: &str = "重新加载知识库（管理员）";
pub const COMMAND_STATS_DESCRIPTION: &str = "问答统计（管理员）";
pub const COMMAND_UNANSWERED_DESCRIPTION: &str = "常见的答不上的问题（管理员）";
/// To admins after a reload of the knowledge files.
pub fn reload_done(items: usize, facts: usize, keywords: usize) -> String {
    format!("知识库已更新：{items} 件大事，{facts} 条事实，{keywords} 个关键词。")
}

/// To admins when edited knowledge files have problems; the problems follow, one a line.
pub fn reload_failed(problems: usize) -> String {
    format!(
        "知识库的修改有 {problems} 处错误，没有生效；机器人继续使用上一个正确的版本。\n请改正（格式：文件:行号: 信息）："
    )
}

/// After the problems listed, when there are more.
pub fn reload_more_problems(more: usize) -> String {
    format!("……另有 {more} 处")
}

pub const RELOAD_FIX_HINT: &str = "改好并保存后会自动重新加载。可以先在服务器上运行 fuer-bot check 检查。";
pub const RELOAD_NOT_CONFIGURED: &str = "这个机器人没有设置知识库文件夹，无法重新加载。";
pub const RECORDING_NOT_CONFIGURED: &str = "这个机器人没有设置数据文件夹（DATA_DIR），不记录问题，所以没有统计。";

// Admin reports: `/stats`, `/unanswered`, `fuer-bot stats`, `fuer-bot unanswered`.
pub const STATS_TODAY: &str = "今天";
pub const STATS_LAST_7_DAYS: &str = "最近7天";
pub const STATS_ALL_TIME: &str = "全部";

/// The first line of the stats report; `now` is a Beijing time such as `2024-03-04 10:00`.
pub fn stats_heading(now: &str) -> String {
    format!("问答统计（北京时间，截至 {now}）")
}

/// A period of the stats report without questions.
pub fn stats_no_questions(period: &str) -> String {
    format!("{period}：还没有问题")
}

/// A period of the stats report: the questions, then (count, share) of the answered ones,
/// of those answered with related content only, and of the declined ones.
pub fn stats_period(period: &str, questions: u64, [answered, related, declined]: [(u64, String); 3]) -> String {
    format!(
        "{period}：{questions} 个问题，回答 {} 个（{}），给出相关内容 {} 个（{}），答不上 {} 个（{}）",
        answered.0, answered.1, related.0, related.1, declined.0, declined.1
    )
}

/// Appended to a period line: how many answers were unsure.
pub fn stats_low_confidence(count: u64) -> String {
    format!("，把握不大 {count} 个")
}

/// The heading of a period's most asked items.
pub fn stats_top_items_heading(period: &str) -> String {
    format!("{period}问得最多的大事：")
}

/// One of the most asked items: `1. 第5件 母婴室与民生实事 — 2 次`.
pub fn stats_top_item(rank: usize, item: &str, count: u64) -> String {
    format!("{rank}. {item} — {count} 次")
}

/// The unanswered report when there is nothing to list.
pub fn unanswered_none(days: u32) -> String {
    format!("最近{days}天没有答不上、只给出相关内容或把握不大的问题。")
}

/// The first line of the unanswered report.
pub fn unanswered_heading(days: u32, listed: usize) -> String {
    format!("最近{days}天答不上、只给出相关内容或把握不大的问题（前 {listed} 个，按次数排序）：")
}

pub fn unanswered_declined(count: u64) -> String {
    format!("答不上 {count}")
}

pub fn unanswered_related(count: u64) -> String {
    format!("只给出相关内容 {count}")
}

pub fn unanswered_low_confidence(count: u64) -> String {
    format!("把握不大 {count}")
}

/// One question of the unanswered report: rank, wording, count, how it went, last asked.
pub fn unanswered_line(rank: usize, question: &str, count: u64, kinds: &[String], last_asked: &str) -> String {
    format!(
        "{rank}. “{question}” × {count}（{}），最近 {last_asked}",
        kinds.join("，")
    )
}

pub const UNANSWERED_HINT: &str = "把这些问法里的关键说法加到对应大事文件的 keywords（或 synonyms.toml 的同义词组），机器人就能答上；方法见 knowledge/README.md。";

/// Instead of a report when the question database cannot be used; `reason` is the error.
pub fn store_unavailable(reason: &str) -> String {
    format!("问题记录不可用，机器人照常回答但没有记录问题。\n原因：{reason}")
}

/// `fuer-bot stats|unanswered` before the bot recorded any question.
pub fn no_questions_recorded(database: &str) -> String {
    format!(
        "还没有记录任何问题（{database} 还不存在或是空的）。记录的问题来自 Telegram 上向机器人提的问题和本地控制台 fuer-bot chat（fuer-bot ask 只有加 --record 才记录）；没有 Telegram 也可以先运行 fuer-bot chat 问几个问题试试。数据文件夹由 --data-dir 或 DATA_DIR 指定。"
    )
}

// The admin web page (`fuer-bot web`; the page's own text is in `templates/`).
pub const COMMAND_WEB_DESCRIPTION: &str = "打开管理网页（管理员）";
/// The reply to `/web`: a one-time login link.
pub fn web_login_link(link: &str) -> String {
    format!("管理网页的登录链接（10 分钟内有效，只能用一次，请勿转发）：\n{link}")
}
pub const WEB_NOT_CONFIGURED: &str = "这个机器人没有设置数据文件夹（DATA_DIR），无法生成管理网页的登录链接。";
pub const WEB_LOGIN_INVALID: &str =
    "这个登录链接无效。请在 Telegram 里向机器人发送 /web，或在服务器上运行 fuer-bot web-link，获取新的链接。";
pub const WEB_LOGIN_EXPIRED: &str = "这个登录链接已过期（有效期 10 分钟）。请发送 /web 获取新的链接。";
pub const WEB_LOGIN_USED: &str = "这个登录链接已经用过了（每个链接只能用一次）。请发送 /web 获取新的链接。";
pub const WEB_NOT_LOGGED_IN: &str = "请先登录：在与机器人的 Telegram 私聊里发送 /web（仅限管理员），或在服务器上运行 fuer-bot web-link，然后打开得到的链接。";
pub const WEB_CSRF_REFUSED: &str = "这个请求缺少有效的安全令牌，没有执行。请回到页面重新操作。";
pub const WEB_LOGGED_OUT: &str = "您已退出管理网页。";
pub const WEB_BAD_REQUEST: &str = "请求的参数不对（编号或操作无效）。";
pub const WEB_RECORDING_OFF: &str = "没有记录问题（没有设置数据文件夹或数据库不可用），所以没有统计。";
pub const WEB_FILE_CHANGED: &str = "没有保存：这个文件在您打开预览之后被修改过（可能是别的管理员或文本编辑器）。为了不覆盖别人的修改，这次什么也没有写入。请重新打开预览，确认后再保存。";
pub const WEB_INVALID_CHANGE: &str = "没有保存：改动后的知识库有下面这些错误，文件没有任何改动。";
pub const WEB_WORD_EMPTY: &str = "关键词是空的。";
pub const WEB_WORD_TOO_LONG: &str = "关键词太长（最多 40 个字）。";
pub const WEB_WORD_BAD_CHARACTER: &str = "关键词里不能有换行或控制字符。";
pub const WEB_NOT_FOUND: &str = "找不到要删除的词或同义词组（可能已经被删除了）。";
pub const WEB_NOT_A_LIST: &str = "文件里的 keywords 或 words 不是文字列表，请先用 fuer-bot check 检查并手工改正。";
pub const WEB_STATUS_ANSWERED: &str = "答上";
pub const WEB_STATUS_RELATED: &str = "只给出相关内容";
pub const WEB_STATUS_DECLINED: &str = "答不上";

/// The file is not valid TOML; `message` is the parser's.
pub fn web_file_syntax(message: &str) -> String {
    format!("文件本身有格式错误，请先手工改正（fuer-bot check 会指出行号）：{message}")
}

/// No file has this item number.
pub fn web_no_such_item(item: u8) -> String {
    format!("没有第{item}件。")
}

/// The knowledge files cannot be read (the problems follow).
pub const WEB_UNREADABLE: &str = "读不出知识库文件：";

/// Writing failed; nothing changed.
pub fn web_write_failed(reason: &str) -> String {
    format!("没有保存：写入文件失败（{reason}），原来的文件没有改动。")
}

/// How a question is answered: the status and the items, e.g. 「答上（第5件）」.
pub fn web_outcome(status: &str, items: &[u8]) -> String {
    if items.is_empty() {
        return status.to_string();
    }
    let items: Vec<String> = items.iter().map(|item| web_item(*item)).collect();
    format!("{status}（{}）", items.join("、"))
}

/// After a save: which file, and the reload's result.
pub fn web_saved(file: &str, reload: &str) -> String {
    format!("已保存 {file}。{reload}")
}

/// An item on the page: 「第5件」.
pub fn web_item(item: u8) -> String {
    format!("第{item}件")
}

pub fn web_add_keyword(item: u8, title: &str, keyword: &str) -> String {
    format!("第{item}件（{title}）加关键词“{keyword}”")
}

pub fn web_remove_keyword(item: u8, title: &str, keyword: &str) -> String {
    format!("第{item}件（{title}）删除关键词“{keyword}”")
}

pub fn web_add_synonym(group: &str, word: &str) -> String {
    format!("同义词组（{group}）加“{word}”")
}

pub fn web_remove_synonym(group: &str, word: &str) -> String {
    format!("同义词组（{group}）删除“{word}”")
}

pub fn web_add_group(words: &str) -> String {
    format!("新建同义词组：{words}")
}

pub fn web_remove_group(words: &str) -> String {
    format!("删除同义词组：{words}")
}

/// What an undo did, in the history: 「撤销：第5件（母婴室）加关键词“集乳室”」.
pub fn web_undo_what(what: &str) -> String {
    format!("撤销：{what}")
}

/// After an undo: which file is back, and the reload's result.
pub fn web_undone(file: &str, reload: &str) -> String {
    format!("已撤销，{file} 回到了那次保存之前的样子。{reload}")
}

pub const WEB_HISTORY_FAILED: &str =
    "没有保存：保存之前要先留下文件原来的版本（以便撤销），但历史记录写不进数据文件夹，文件没有任何改动。";
pub const WEB_NO_SUCH_VERSION: &str = "找不到这次保存（历史只保留最近 50 次），或者它改的文件已经不在了。";
pub const WEB_CHANGED_SINCE: &str = "没有撤销：这次保存之后，这个文件又改过了（在网页上或用文本编辑器）。请先撤销后来的保存（历史里更新的那几条），再撤销这一次；文件没有任何改动。";

/// The history of saves cannot be read.
pub fn web_history_unreadable(reason: &str) -> String {
    format!("读不出改动记录（{reason}）。")
}
