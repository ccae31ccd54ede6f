//! Every message `fuer-bot check` (and the live reload, and the web page's preview) can show
//! an admin about the knowledge files, in Chinese, from one table.
//!
//! Admins are Women's Federation staff, not programmers: a message says what is wrong in
//! plain words, with the words of the guide (`knowledge/README.md`), whose table of messages
//! lists every template below (`tests/it/check_messages.rs` keeps the two in step). A
//! template's `…` are filled in order by [`fill`]; everything else is fixed text, so the
//! guide can quote it.

/// Fills the `…` of `template` with `values`, in order (a missing value leaves `…`).
pub fn fill(template: &str, values: &[&dyn std::fmt::Display]) -> String {
    let mut result = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut pieces = template.split('…').peekable();
    while let Some(piece) = pieces.next() {
        result.push_str(piece);
        if pieces.peek().is_some() {
            match values.next() {
                Some(value) => result.push_str(&value.to_string()),
                None => result.push('…'),
            }
        }
    }
    result
}

// Files and folders.
pub(crate) const FILE_MISSING_SYNONYMS: &str = "缺少文件：这里放同义词表（可以一组也没有，但文件必须在）";
pub(crate) const FILE_MISSING_QUESTIONS: &str = "缺少文件：这里放问题分析词表（问题在问什么、量词、地方）";
pub(crate) const FILE_MISSING_SOURCE: &str = "缺少文件：这里放原文的标题、发布单位、日期和件数";
pub(crate) const FILE_MISSING_ARTICLE: &str = "缺少文件：这里放原文全文，每条事实都要逐字引用它";
pub(crate) const ARTICLE_EMPTY: &str = "原文文件是空的：这里要放文章全文，逐字照抄";
pub(crate) const NO_ARTICLE_FOLDER: &str =
    "没有找到文章文件夹：每篇文章一个文件夹（例如 …），里面放 source.toml、source.txt 和每件大事的文件";
pub(crate) const SHARED_FILE_IN_ARTICLE: &str = "… 是所有文章共用的文件，应该放在 … 里，不要放在文章文件夹 … 里";
pub(crate) const ARTICLE_FILE_OUTSIDE: &str =
    "… 应该放在文章文件夹里（例如 …）：只有 questions.toml 和 synonyms.toml 是所有文章共用的";
pub const CANNOT_READ_DIRECTORY: &str = "无法读取知识库文件夹（…）";
pub const CANNOT_LIST_DIRECTORY: &str = "无法列出知识库文件夹里的文件（…）";
pub const CANNOT_READ_FILE: &str = "无法读取这个文件（…）";
pub const NOT_A_FILE: &str = "无法读取：这是一个文件夹或特殊文件，不是普通文件";
pub const NOT_UTF8: &str = "文件不是 UTF-8 编码，无法读取：请用 UTF-8 保存（记事本：“另存为”，编码选“UTF-8”）";
pub const FILE_TOO_LARGE: &str = "文件太大：… 字节；一个知识库文件最多 … 字节（1 MiB）";
pub const TOO_MANY_FILES: &str = "知识库文件太多：… 个；最多读 … 个（一篇文章只有几十个）";
pub const TOO_MANY_BYTES: &str = "知识库文件加起来超过 … 字节（4 MiB），读到这个文件时停止了：…";
pub(crate) const TOO_MANY_KEYWORDS: &str =
    "这篇文章共有 … 个关键词（每件大事和每条事实的）；最多 … 个，再多加载就要好几秒";
pub(crate) const TOO_MANY_FACTS: &str = "这篇文章共有 … 条事实；最多 … 条，再多加载就要好几秒";

// TOML syntax: the mistakes admins make, found on the line itself.
pub const CHINESE_QUOTES: &str =
    "用了中文引号 “ ”：文字两头要用英文双引号 \"（文字中间可以有中文引号，例如 \"打造“幸福家”\"）";
pub const CHINESE_COMMA: &str = "用了中文逗号 ，：列表的两项之间要用英文逗号 ,";
pub const FULL_WIDTH_BRACKET: &str = "用了全角括号 …：列表要用英文方括号 [ ]";
pub const MISSING_CLOSING_QUOTE: &str = "这一行少了结尾的英文双引号 \"";
pub const MISSING_CLOSING_BRACKET: &str = "这个列表没有结尾的右方括号 ]：在最后一项后面加上 ]";
pub(crate) const MISSING_COMMA: &str = "列表的两项之间少了英文逗号 ,";
pub(crate) const BAD_QUOTES: &str = "引号不对：文字两头都要用英文双引号 \"";
pub(crate) const DUPLICATE_KEY: &str = "`…` 写了两次：同一处只能写一次";
pub(crate) const UNKNOWN_FIELD: &str = "不认识的字段 `…`：可以用的字段有 …";
pub(crate) const MISSING_FIELD: &str = "缺少必填项 `…`";
pub(crate) const WRONG_TYPE: &str = "`…` 应该是…，现在是…";
pub(crate) const UNKNOWN_VALUE: &str = "不认识的值 …：可以用的值有 …";
pub(crate) const TOML_SYNTAX: &str = "格式不对（TOML 报告：…）：请对照指南的“写法基础”检查这一行和上一行";

// Values.
pub(crate) const EMPTY_FIELD: &str = "`…` 是空的";
pub(crate) const NUMBER_OUT_OF_RANGE: &str = "`…` 的值 … 超出范围（应在 1 到 99 之间）";
pub(crate) const YEAR_OUT_OF_RANGE: &str = "`year` 必须是 … 到 … 之间的年份";
pub(crate) const TITLE_NAMES_NO_YEAR: &str =
    "标题里没有年份（例如“2024年”）：请加一行 `year = 2024`，写这篇文章讲的是哪一年";
pub(crate) const EMPTY_KEYWORD: &str = "有一个空的关键词 \"\"：删掉它";
pub(crate) const DIALECT_PAIR: &str =
    "方言说法 \"…\" 要写成 \"方言=普通话\"（例如 \"几多=多少\"）：等号两边都不能空，也不能一样";
pub(crate) const KEYWORD_TWICE: &str = "关键词 \"…\" 写了两次：删掉一个";
pub(crate) const SYNONYM_GROUP_TOO_SMALL: &str = "同义词组至少要有两个词";
pub const CONCEPT_WITHOUT_PHRASES: &str = "这个概念没有日常说法：`phrases` 里至少写一个市民会说的话";
pub const CONCEPT_PHRASE_TOO_SHORT: &str = "日常说法至少要两个字：一个字什么都能碰上";
pub const GLOSSARY_TERM_NOT_CHINESE: &str = "词汇表的 `zh` 要写两个字以上的中文词（不带标点、数字）";
pub const GLOSSARY_NOT_ENGLISH: &str = "词汇表的 `en` 要写英文小写短语（字母、数字、空格、- 和 '），至少两个字母";
pub const GLOSSARY_WITHOUT_ENGLISH: &str = "这个词没有英文说法：`en` 里至少写一个英文小写短语";
pub const CONCEPT_UNKNOWN_TERM: &str = "提醒：概念的 `means` \"…\" 不是现有任何一篇文章里大事的关键词或同义词，这个概念暂时不起作用；如果写错了，改成已有的关键词，或把它加到关键词里";
pub(crate) const TITLE_TOO_LONG: &str = "`title` 有 … 个字；按钮上最多放得下 … 个字";

// The article: every fact, headline and summary figure comes from it.
pub(crate) const HEADLINE_NOT_IN_ARTICLE: &str =
    "`headline` 不是原文 source.txt 里的标题：请逐字照抄（不要“五、”这样的序号）";
pub(crate) const SUMMARY_FIGURE_NOT_IN_ARTICLE: &str = "`summary` 里的数字 … 在原文 source.txt 里没有";
pub(crate) const NO_FACTS: &str = "这件大事没有事实：至少加一条 [[facts]]";
pub(crate) const FACT_CHANGED: &str = "这条事实不是原文 source.txt 里的原句：这里写的是“…”，source.txt 第 … 行是“…”";
pub(crate) const FACT_NOT_IN_ARTICLE: &str =
    "这条事实不是原文 source.txt 里的原句：原文里没有像它的句子（请复制原文里完整的一句，一字不差）";

// English translations (`title_en`, `headline_en`, `summary_en`, `en`).
pub(crate) const TRANSLATION_MISSING: &str =
    "提醒：还没有英文 `…`：用英文提问的人会看到中文原文和一句英文说明（不影响使用；写法见指南“英文翻译”）";
pub(crate) const TRANSLATION_FIGURE_MISSING: &str =
    "英文 `…` 里没有中文原文的数字 …：数字要和原文一致（1480 写成 1,480，716万 写成 7.16 million，60% 写成 60%）";
pub(crate) const TRANSLATION_FIGURE_EXTRA: &str =
    "英文 `…` 里的数字 … 在中文原文里没有：英文只翻译原文，不要加原文没有的数字";
pub(crate) const TITLE_EN_TOO_LONG: &str = "`title_en` 有 … 个字符；按钮上最多放得下 … 个";

// Item numbers.
pub(crate) const DUPLICATE_ITEM: &str = "编号 … 重复了（… 第 … 行已经用过；常见原因：文件夹里有副本）";
pub(crate) const NO_ITEM_FILES: &str = "没有找到任何一件大事的文件（文件名应像 01-名称.toml）";
pub(crate) const ITEM_ABOVE_COUNT: &str =
    "编号 … 大于 source.toml 里的 item_count = …（把 item_count 改大，或者改这件大事的编号）";
pub(crate) const ITEM_MISSING: &str = "缺少第 … 件（编号必须从 1 到 … 连续不断；删掉的文件请放回）";

// questions.toml.
pub(crate) const KIND_NOT_ENGLISH: &str = "`kind` \"…\" 必须是小写英文字母的短名字（例如 price）";
pub(crate) const KIND_WITHOUT_CUES: &str = "问法 \"…\" 没有 cues：写上问这件事时会用的词";
pub(crate) const CUE_TWICE: &str = "提示词 \"…\" 已经写在问法 \"…\" 下面了（第 … 行）：一个词只能属于一种问法";
pub(crate) const WORDS_NEEDED: &str = "answer = \"words\" 需要一个 `words` 列表";
pub(crate) const WORDS_UNUSED: &str = "`words` 只在 answer = \"words\" 时有用（这里是 \"…\"）";
pub(crate) const UNITS_UNUSED: &str = "`units` 只在 answer = \"figure\" 时有用（这里是 \"…\"）";
pub(crate) const NO_ASKED_KINDS: &str = "没有任何 [[asked]] 问法：至少要有一种";
pub(crate) const UNIT_WITHOUT_WORDS: &str = "[[unit]] 需要 `asked` 词";
pub(crate) const PARTICLE_NOT_ONE_CHARACTER: &str = "语气词 \"…\" 必须是一个字";
pub(crate) const PART_ASKING_NOT_ONE_CHARACTER: &str = "[whole] part_asking 里的 \"…\" 必须是一个字";
pub(crate) const WEEKDAY_NOT_ONE_CHARACTER: &str = "[words] weekdays 里的 \"…\" 必须是一个字";
pub(crate) const PAIRED_NOT_TWO_CHARACTERS: &str = "[whole] paired 里的 \"…\" 必须是两个字（一对相反的字，如 上下）";

// What `check` prints besides the problems.
pub const CHECK_OK: &str = "检查通过：…：… 件大事，… 条事实，… 个关键词";
pub const CHECK_PROBLEMS: &str = "共发现 … 个问题";
pub const CHECK_NOTES: &str = "另有 … 条提醒：不影响机器人回答，有空时看一下";

/// Every template, for the guide's table (`tests/it/check_messages.rs`).
pub const ALL: &[&str] = &[
    FILE_MISSING_SYNONYMS,
    FILE_MISSING_QUESTIONS,
    FILE_MISSING_SOURCE,
    FILE_MISSING_ARTICLE,
    ARTICLE_EMPTY,
    NO_ARTICLE_FOLDER,
    SHARED_FILE_IN_ARTICLE,
    ARTICLE_FILE_OUTSIDE,
    CANNOT_READ_DIRECTORY,
    CANNOT_LIST_DIRECTORY,
    CANNOT_READ_FILE,
    NOT_A_FILE,
    NOT_UTF8,
    FILE_TOO_LARGE,
    TOO_MANY_FILES,
    TOO_MANY_BYTES,
    TOO_MANY_KEYWORDS,
    TOO_MANY_FACTS,
    CHINESE_QUOTES,
    CHINESE_COMMA,
    FULL_WIDTH_BRACKET,
    MISSING_CLOSING_QUOTE,
    MISSING_CLOSING_BRACKET,
    MISSING_COMMA,
    BAD_QUOTES,
    DUPLICATE_KEY,
    UNKNOWN_FIELD,
    MISSING_FIELD,
    WRONG_TYPE,
    UNKNOWN_VALUE,
    TOML_SYNTAX,
    EMPTY_FIELD,
    NUMBER_OUT_OF_RANGE,
    YEAR_OUT_OF_RANGE,
    TITLE_NAMES_NO_YEAR,
    EMPTY_KEYWORD,
    KEYWORD_TWICE,
    DIALECT_PAIR,
    SYNONYM_GROUP_TOO_SMALL,
    CONCEPT_WITHOUT_PHRASES,
    CONCEPT_PHRASE_TOO_SHORT,
    CONCEPT_UNKNOWN_TERM,
    GLOSSARY_TERM_NOT_CHINESE,
    GLOSSARY_NOT_ENGLISH,
    GLOSSARY_WITHOUT_ENGLISH,
    TITLE_TOO_LONG,
    HEADLINE_NOT_IN_ARTICLE,
    SUMMARY_FIGURE_NOT_IN_ARTICLE,
    NO_FACTS,
    FACT_CHANGED,
    FACT_NOT_IN_ARTICLE,
    DUPLICATE_ITEM,
    NO_ITEM_FILES,
    ITEM_ABOVE_COUNT,
    ITEM_MISSING,
    TRANSLATION_MISSING,
    TRANSLATION_FIGURE_MISSING,
    TRANSLATION_FIGURE_EXTRA,
    TITLE_EN_TOO_LONG,
    KIND_NOT_ENGLISH,
    KIND_WITHOUT_CUES,
    CUE_TWICE,
    WORDS_NEEDED,
    WORDS_UNUSED,
    UNITS_UNUSED,
    NO_ASKED_KINDS,
    UNIT_WITHOUT_WORDS,
    PARTICLE_NOT_ONE_CHARACTER,
    PART_ASKING_NOT_ONE_CHARACTER,
    WEEKDAY_NOT_ONE_CHARACTER,
    PAIRED_NOT_TWO_CHARACTERS,
    CHECK_OK,
    CHECK_PROBLEMS,
    CHECK_NOTES,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_values_in_order() {
        assert_eq!(
            fill(ITEM_MISSING, &[&3, &10]),
            "缺少第 3 件（编号必须从 1 到 10 连续不断；删掉的文件请放回）"
        );
        assert_eq!(fill("a…b…c", &[&1]), "a1b…c");
        assert_eq!(fill("plain", &[&1]), "plain");
    }
}
