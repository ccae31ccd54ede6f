//! Over 500 lines on purpose: the one file of wording (a translator reviews one file, and
//! `tests/it/house.rs` checks that no sentence lives elsewhere).
//!
//! Every sentence the bot says, in one place: to users in three languages, to admins in
//! Simplified Chinese.
//!
//! A sentence to users is a [`Text`]: its Simplified Chinese and its English, side by side;
//! the Traditional form is converted from the Chinese ([`crate::lang::to_traditional`]), never
//! written twice. Sentences with numbers or names in them are small functions here taking
//! the [`Lang`], so that the wording stays in this file; the code elsewhere only decides
//! which sentence to say and with what values. Admin sentences (reports, reload messages,
//! the web page) are plain `&str` constants in Chinese: the admins work in Chinese.

use crate::lang::Lang;

/// A sentence to users: Simplified Chinese and English (Traditional is converted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The sentence in `lang`.
    pub fn get(self, lang: Lang) -> String {
        pick(lang, self.zh, self.en)
    }
}

/// The Chinese or the English of a sentence for `lang` (Traditional converted).
pub fn pick(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Simplified => zh.to_string(),
        Lang::Traditional => crate::lang::to_traditional(zh),
        Lang::English => en.to_string(),
    }
}

const fn text(zh: &'static str, en: &'static str) -> Text {
    Text { zh, en }
}

pub const WELCOME_INTRO: Text = text(
    "您好！我是“深圳妇女儿童发展十件大事”问答机器人。",
    "Hello! I answer questions about the ten major 2024 events in women's and children's development in Shenzhen.",
);
pub(crate) const WELCOME_EXAMPLES_HEADER: Text = text("可以这样问我：", "You can ask me, for example:");
pub const WELCOME_EXAMPLES: [Text; 3] = [
    text(
        "全市建了多少间母婴室？",
        "How many nursing rooms are there in Shenzhen?",
    ),
    text(
        "爱心妈妈结对关爱了多少名儿童？",
        "How many children do the caring mothers look after?",
    ),
    text("第七件大事讲什么？", "What is item 7 about?"),
];
pub(crate) const WELCOME_BUTTONS_HINT: Text = text(
    "也可以点下面的按钮查看每一件大事，或发送 /list 查看列表。",
    "You can also tap a button below to read an item, or send /list for the list.",
);

pub const HELP_TITLE: Text = text("使用说明", "How to use this bot");
pub(crate) const HELP_HOW_TO_ASK: Text = text(
    "直接发送您的问题即可，简体、繁体或英文都可以，例如“两癌筛查做了多少例”“第二件讲什么”“nursing rooms”。我会回答原文中的相关事实和数字。",
    "Just send your question, in English or in Chinese (Simplified or Traditional), e.g. \"How many cancer screenings were done?\", \"What is item 2 about?\" or \"nursing rooms\". I answer with the facts and figures of the article.",
);
pub(crate) const HELP_COMMANDS: [Text; 4] = [
    text(
        "/start —— 欢迎与十件大事按钮",
        "/start — welcome, with a button for each item",
    ),
    text("/list —— 十件大事列表", "/list — the list of the ten items"),
    text(
        "/item 编号 —— 查看某件大事全文，例如 /item 5",
        "/item N — one whole item, e.g. /item 5",
    ),
    text("/help —— 显示本说明", "/help — this help"),
];
pub(crate) const HELP_SCOPE: Text = text(
    "我只了解这篇文章的内容；文章中没有的信息，我会如实告诉您。",
    "I only know what this article says; when it does not say something, I tell you so. The article is in Chinese: English replies quote its reviewed English translation.",
);

pub const LIST_TITLE: Text = text("十件大事", "The ten items");
pub(crate) const LIST_HINT: Text = text(
    "发送 /item 编号 查看全文，例如 /item 5；也可以直接提问。",
    "Send /item N to read one item, e.g. /item 5, or just ask a question.",
);

pub(crate) const SOURCE_LABEL: Text = text("来源：", "Source: ");
/// Where the answers come from (the reply to "who published this").
pub(crate) fn source_intro(lang: Lang, title: &str, publisher: &str, date: &str) -> String {
    pick(
        lang,
        &format!("我的回答全部来自文章《{title}》，由{publisher}于{date}发布。"),
        &format!("All my answers come from the article 《{title}》, published by {publisher} on {date}."),
    )
}

/// The welcome's line about the article.
pub(crate) fn welcome_source(lang: Lang, title: &str, publisher: &str, date: &str) -> String {
    pick(
        lang,
        &format!("内容来自《{title}》（{publisher}，{date}）。"),
        &format!("From the article 《{title}》 ({publisher}, {date})."),
    )
}

/// An item's label: 「第5件」, "Item 5".
pub fn item_label(lang: Lang, number: u8) -> String {
    pick(lang, &format!("第{number}件"), &format!("Item {number}"))
}

/// What a question asking which item a topic is in asks (对口帮扶是第几件事).
pub(crate) const ASKED_ITEM_LABEL: &str = "第几件";
pub(crate) const FULL_ITEM_POINTER_PREFIX: Text = text("查看全文请发送 ", "For the whole item, send ");
pub const SUGGESTIONS_HEADER: Text = text("您是不是想问：", "Did you mean:");

pub const BUTTON_PREVIOUS: Text = text("◀ 上一件", "◀ Previous");
pub const BUTTON_NEXT: Text = text("下一件 ▶", "Next ▶");
pub const BUTTON_LIST: Text = text("📋 列表", "📋 List");
pub(crate) const BUTTON_FULL_ITEM_PREFIX: Text = text("查看全文：", "Read: ");

pub(crate) const ITEM_ARGUMENT_MISSING: Text = text(
    "请在 /item 后面加上编号，例如 /item 5。",
    "Please add a number after /item, e.g. /item 5.",
);
pub(crate) const ITEM_ARGUMENT_NOT_A_NUMBER: Text = text(
    "“/item”后面需要一个数字编号（1–10），例如 /item 5。",
    "/item needs a number (1–10), e.g. /item 5.",
);
/// `/item 11` when the article has ten items.
pub(crate) fn item_out_of_range(lang: Lang, last: u8) -> String {
    pick(
        lang,
        &format!("没有这一件。编号范围是 1–{last}，例如 /item 5。"),
        &format!("There is no such item: the numbers are 1–{last}, e.g. /item 5."),
    )
}

pub(crate) const GREETING: Text = text(
    "您好！有什么想了解的吗？您可以问我2024年深圳妇女儿童发展十件大事的任何内容，例如“全市建了多少间母婴室？”。发送 /list 查看十件大事。",
    "Hello! What would you like to know? Ask me anything about the ten major 2024 events in women's and children's development in Shenzhen, e.g. \"How many nursing rooms are there?\". Send /list for the ten items.",
);
pub(crate) const THANKS: Text = text(
    "不客气！还有其他问题，随时问我。发送 /list 可查看十件大事。",
    "You're welcome! Ask me anything else at any time. Send /list for the ten items.",
);
pub const DECLINE: Text = text(
    "抱歉，这个问题我答不上来。我只能回答“2024年深圳妇女儿童发展十件大事”这篇文章里的内容。",
    "Sorry, I cannot answer that. I can only answer from the article on the ten major 2024 events in women's and children's development in Shenzhen.",
);
/// A *related* reply: 「文章没有提到妇儿大厦的门票价格或收费标准。」 (`label_en`: the English
/// of what was asked, when the question words have one).
pub(crate) fn related_asked(lang: Lang, topic: &str, label: &str, label_en: Option<&str>) -> String {
    let en = match label_en {
        Some(label_en) => format!("The article does not mention the {label_en} of {topic}."),
        None => format!("The article does not mention what you asked about {topic}."),
    };
    pick(lang, &format!("文章没有提到{topic}的{label}。"), &en)
}

/// 「文章只介绍了深圳的情况，没有提到上海的母婴室。」
pub(crate) fn related_place(lang: Lang, home: &str, place: &str, topic: &str) -> String {
    pick(
        lang,
        &format!("文章只介绍了{home}的情况，没有提到{place}的{topic}。"),
        &format!("The article is about {home} only; it does not mention {topic} in {place}."),
    )
}

/// 「文章只介绍了2024年的情况，没有提到2023年的母婴室。」
pub(crate) fn related_year(lang: Lang, year: u16, asked: u16, topic: &str) -> String {
    pick(
        lang,
        &format!("文章只介绍了{year}年的情况，没有提到{asked}年的{topic}。"),
        &format!("The article is about {year} only; it does not mention {topic} in {asked}."),
    )
}

pub const RELATED_OFFER: Text = text("文章里相关的内容是：", "What the article does say about it:");
/// Conversations: 下一件 / 上一件 at the ends, and follow-ups before any topic.
pub fn navigation_at_last(lang: Lang, count: u8) -> String {
    pick(
        lang,
        &format!("已经是最后一件了（共{count}件）。十件大事如下："),
        &format!("That was the last item (there are {count}). Here is the list:"),
    )
}
pub(crate) fn navigation_at_first(lang: Lang, count: u8) -> String {
    pick(
        lang,
        &format!("已经是第一件了（共{count}件）。十件大事如下："),
        &format!("This is the first item (there are {count}). Here is the list:"),
    )
}
pub const FOLLOW_UP_WITHOUT_TOPIC: Text = text(
    "我们还没有聊到具体哪一件大事。请先选一件，或直接提问：",
    "We have not talked about any item yet. Pick one, or ask a question:",
);
pub(crate) const MORE_OF_ITEM_HEADER: Text = text("这一件还讲到：", "This item also says:");
pub(crate) const DECLINE_POINTER: Text = text(
    "发送 /list 查看十件大事，或换个说法再问一次。",
    "Send /list for the ten items, or ask again in other words.",
);
pub(crate) const EMPTY_QUESTION: Text = text(
    "请用文字输入您的问题，例如“全市建了多少间母婴室？”。发送 /list 查看十件大事。",
    "Please type your question, e.g. \"How many nursing rooms are there?\". Send /list for the ten items.",
);
pub const UNKNOWN_COMMAND: Text = text(
    "没有这个命令。发送 /help 查看可用的命令。",
    "I don't know that command. Send /help for the commands.",
);
pub const NON_TEXT_MESSAGE: Text = text(
    "我只能看懂文字消息。请直接输入您的问题，或发送 /list 查看十件大事。",
    "I can only read text messages. Please type your question, or send /list for the ten items.",
);
pub const QUESTION_TOO_LONG: Text = text(
    "您的问题太长了，请用一两句话提问。",
    "Your question is too long; please ask in a sentence or two.",
);
/// The console's reply to a line that is not valid UTF-8 text.
pub const INVALID_TEXT: Text = text(
    "这一行含有无法识别的字符（不是 UTF-8 编码的文字），请重新输入。",
    "This line has characters I cannot read (it is not UTF-8 text); please type it again.",
);
pub const INTERNAL_ERROR: Text = text(
    "抱歉，处理您的消息时出了点问题，请稍后再试。",
    "Sorry, something went wrong while handling your message. Please try again later.",
);

// Leads: the answer itself, on its own line before the fact that says it.
/// 「答：1480间」, "Answer: 1,480".
pub(crate) fn answer_lead(lang: Lang, figure: &str) -> String {
    pick(lang, &format!("答：{figure}"), &format!("Answer: {figure}"))
}
/// The lead of a yes/no question whose fact says the thing exists (有没有…).
pub(crate) const LEAD_EXISTS: Text = text("有。", "Yes.");
/// The lead of a yes/no question whose fact says it is so (是不是…).
pub(crate) const LEAD_AFFIRMS: Text = text("是的。", "Yes.");
/// The lead of a yes/no question whose fact plainly says the opposite (是不是超过2000间 when
/// the article says 1480间).
pub(crate) const LEAD_DENIES: Text = text("不是。", "No.");
/// Before a Chinese sentence shown to an English asker because it has no translation yet.
pub(crate) const NO_TRANSLATION_NOTE: Text =
    text("", "(No English translation of this sentence yet; the article says:)");

// Telegram: command menu descriptions (3–256 characters each), buttons and inline mode.
pub const COMMAND_START_DESCRIPTION: Text = text("欢迎与十件大事按钮", "Welcome and the ten items");
pub const COMMAND_HELP_DESCRIPTION: Text = text("使用说明", "How to use this bot");
pub const COMMAND_LIST_DESCRIPTION: Text = text("十件大事列表", "List of the ten items");
pub const COMMAND_ITEM_DESCRIPTION: Text = text("查看某件大事全文，例如 /item 5", "Read one item, e.g. /item 5");
pub const CALLBACK_EXPIRED: Text = text(
    "这个按钮已失效，请发送 /list 重新查看。",
    "This button has expired; send /list to see the items again.",
);
pub const INLINE_ITEM_DESCRIPTION_PREFIX: Text = text("整件大事：", "Whole item: ");

// Admin commands (only for ADMIN_IDS, in a private chat with the bot; absent from the public menu).
pub const COMMAND_RELOAD_DESCRIPTION: &str = "重新加载知识库（管理员）";
pub const COMMAND_STATS_DESCRIPTION: &str = "问答统计（管理员）";
pub const COMMAND_UNANSWERED_DESCRIPTION: &str = "常见的答不上的问题（管理员）";
/// To admins after a reload of the knowledge files.
pub fn reload_done(items: usize, facts: usize, keywords: usize) -> String {
    format!("知识库已更新：{items} 件大事，{facts} 条事实，{keywords} 个关键词。")
}

/// A reload of several articles went fine: the counts of all of them.
pub fn reload_done_articles(articles: usize, items: usize, facts: usize, keywords: usize) -> String {
    format!("知识库已更新：{articles} 篇文章，共 {items} 件大事，{facts} 条事实，{keywords} 个关键词。")
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

/// The heading of one article's part of the stats report: its id and title.
pub fn stats_article_heading(id: &str, title: &str) -> String {
    format!("【{id}】{title}")
}

/// The heading of the counts of every article together, in a report of several.
pub const STATS_EVERY_ARTICLE: &str = "所有文章合计：";

/// The last line of a stats report of several articles.
pub const STATS_ONE_ARTICLE_HINT: &str =
    "只看一篇文章：/stats 加文章编号或年份，如 /stats 2024（服务器上：fuer-bot stats 2024）。";

/// `/stats X` or `fuer-bot stats X` naming no article: the articles there are.
pub fn stats_unknown_article(argument: &str, articles: &[String]) -> String {
    format!(
        "没有编号或年份是“{argument}”的文章。现有的文章：{}。",
        articles.join("、")
    )
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
/// A reply language on the overview, by its tag (`zh-Hans`, `zh-Hant`, `en`).
pub fn web_lang_name(tag: &str) -> &'static str {
    match tag {
        "zh-Hant" => "繁体中文",
        "en" => "英文",
        _ => "简体中文",
    }
}
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

// Several articles (`fuer_core::library`): which article a reply quotes, the other articles.

/// The line naming the article an answer quotes, when several are loaded.
pub fn quoted_article(lang: Lang, title: &str) -> String {
    pick(
        lang,
        &format!("出自《{title}》"),
        &format!("From the article 《{title}》"),
    )
}

/// Before the buttons of the other articles under a list.
pub(crate) const OTHER_ARTICLES_HEADER: Text = text("其他年份的文章：", "Articles of other years: ");

/// A button opening another article's list.
pub(crate) fn article_button(title: &str) -> String {
    format!("📋 {title}")
}

/// The hint under the other articles (the command works without buttons too).
pub(crate) fn other_articles_hint(lang: Lang, example: &str) -> String {
    pick(
        lang,
        &format!("发送 /list {example} 查看那一年的列表。"),
        &format!("send /list {example} for that year's list."),
    )
}

/// `/list X` when no article is of that year or has that id or title.
pub(crate) fn no_article_named(lang: Lang, named: &str) -> String {
    pick(
        lang,
        &format!("没有找到“{named}”的文章。现有的文章："),
        &format!("No article matches \"{named}\". The articles are:"),
    )
}

/// `/list 2024` when several articles are of that year: their lists follow.
pub(crate) fn articles_of_year(lang: Lang, year: u16, count: usize) -> String {
    pick(
        lang,
        &format!("{year}年有 {count} 篇文章："),
        &format!("There are {count} articles of {year}:"),
    )
}

/// An outcome on the web page with the article that gave it, when several are served.
pub fn web_outcome_in_article(outcome: &str, article: &str) -> String {
    format!("{outcome}（{article}）")
}

// The web page's articles: import (paste or upload → preview → save) and hiding.

pub const WEB_IMPORT_EMPTY: &str = "没有收到文章：请把文章全文粘贴到文本框里，或选择一个文本文件（.txt，UTF-8 编码）。";
pub const WEB_IMPORT_TOO_LARGE: &str = "文件太大：一篇文章最多 1 MiB（约 30 万字）。";
pub const WEB_IMPORT_NOT_TEXT: &str =
    "这不是文本文件：文章必须是 UTF-8 编码的纯文本（在记事本里“另存为”，编码选“UTF-8”，保存成 .txt）。";
pub const WEB_IMPORT_NO_TITLE: &str =
    "第一行是编号标题：第一行必须是文章的标题（例如“2025年深圳妇女儿童发展十件大事”）。";
pub const WEB_IMPORT_NO_ITEMS: &str = "没有找到编号的大事：每件大事要在一行的开头编号，按顺序至少两件（一、二、…，（一）（二）…，1. 2. … 或 第一、第二、…）。";
pub const WEB_IMPORT_NO_YEAR: &str = "标题里没有年份（例如“2025年…”）：文章的年份就是标题里写的年份，请加在标题里。";
pub const WEB_IMPORT_NO_PLACE: &str =
    "标题里没有地名，没法自动起文章编号：请在“文章编号”里填一个，例如 2025-shenzhen。";
pub const WEB_IMPORT_BAD_ID: &str =
    "文章编号只能用小写英文字母、数字和减号（例如 2025-shenzhen），最多 40 个字符，以字母或数字开头。";
pub const WEB_IMPORT_INVALID: &str = "这份草稿通不过检查（下面是问题），没有保存任何文件：";
pub const WEB_IMPORT_UNREADABLE: &str = "读不出知识库里共用的文件（下面是问题），没有保存任何文件：";
pub const WEB_LAST_ARTICLE: &str = "这是机器人现在唯一回答的文章，不能隐藏：至少要留一篇。";
pub const WEB_NO_SUCH_ARTICLE: &str = "找不到这篇文章（可能已经隐藏或恢复了）。";

/// `/list`-like line of the import page's refusals: an item with no text.
pub fn web_import_item_without_text(number: u8) -> String {
    format!("第 {number} 件只有标题没有正文：标题后面直接是下一件的标题或文章结尾。")
}

/// Too many numbered items.
pub fn web_import_too_many_items(count: usize, most: usize) -> String {
    format!("有 {count} 件编号的大事；一篇文章最多 {most} 件。")
}

/// A refusal about a line of the pasted text.
pub fn web_import_at_line(line: usize, message: &str) -> String {
    format!("第 {line} 行：{message}")
}

/// The text was imported before: the folder that holds it.
pub fn web_import_already(id: &str) -> String {
    format!("这篇文章已经导入过了（文章编号 {id}），什么也没有改。")
}

/// Another article has the id.
pub fn web_import_id_taken(id: &str) -> String {
    format!(
        "文章编号 {id} 已经被另一篇文章用了（或者有一篇隐藏的文章用了它），没有保存。请在“文章编号”里换一个，例如 {id}-2。"
    )
}

/// After saving an imported article.
pub fn web_import_saved(title: &str, reload: &str) -> String {
    format!("已保存新文章《{title}》。{reload}现在可以在下面检查和补充它的关键词。")
}

/// After hiding an article.
pub fn web_article_hidden(title: &str, reload: &str) -> String {
    format!("已隐藏《{title}》：机器人不再用它回答，文件还在（在 _hidden 文件夹里），随时可以恢复。{reload}")
}

/// After showing a hidden article again.
pub fn web_article_shown(id: &str, reload: &str) -> String {
    format!("已恢复文章 {id}，机器人又会用它回答。{reload}")
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
