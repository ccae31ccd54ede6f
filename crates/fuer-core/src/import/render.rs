//! The draft's TOML files, laid out like the hand-written ones (comments for the admins in
//! Chinese, one `[[facts]]` per sentence with its line in `source.txt`).

use std::fmt::Write as _;

use super::DraftItem;
use super::layout::Layout;

/// What `source.toml` says when the header names no publisher or date.
pub const NOT_GIVEN: &str = "未注明";
/// Keywords per line of a list.
const KEYWORDS_PER_LINE: usize = 6;

/// A TOML basic string (quotes and backslashes escaped).
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// `keywords = [ … ]`, a few per line.
fn keyword_list(keywords: &[String]) -> String {
    if keywords.is_empty() {
        return "keywords = []\n".to_string();
    }
    let mut list = String::from("keywords = [\n");
    for line in keywords.chunks(KEYWORDS_PER_LINE) {
        let quoted: Vec<String> = line.iter().map(|keyword| quoted(keyword)).collect();
        let _ = writeln!(list, "  {},", quoted.join(", "));
    }
    list.push_str("]\n");
    list
}

/// `source.toml`: title, publisher, date and the number of items.
pub fn source_toml(layout: &Layout<'_>, item_count: usize) -> String {
    let publisher = layout.publisher.as_deref().unwrap_or(NOT_GIVEN);
    let date = layout.date.as_deref().unwrap_or(NOT_GIVEN);
    format!(
        "# 知识库来源文章信息(机器人回答时注明出处)\n\
         # 草稿:由 fuer-bot import 从 source.txt 的开头几行读出,请核对。\n\
         title = {}\n\
         publisher = {}\n\
         date = {}\n\
         \n\
         # 一共几件大事。删掉某件的文件时,检查会报告缺少哪一件。\n\
         item_count = {item_count}\n",
        quoted(layout.title),
        quoted(publisher),
        quoted(date)
    )
}

/// One item's file.
pub fn item_toml(article_title: &str, item: &DraftItem) -> String {
    let mut file = format!(
        "# {article_title} · 第{number}件:{title}\n\
         #\n\
         # 草稿:由 fuer-bot import 从本文件夹的 source.txt 生成。\n\
         #   headline 和每条 [[facts]] 的 text 是原文,逐字照抄,不要改。\n\
         #   title(按钮上的短标题,最多16个字)、summary(暂用第一句原文)和 keywords 是建议:\n\
         #   请检查,并补充市民的说法(口语、简称、英文小写短语)。字段说明见 knowledge/README.md。\n\
         \n\
         number = {number}\n\
         headline = {headline}\n\
         title = {quoted_title}\n\
         summary = {summary}\n",
        number = item.number,
        title = item.title,
        headline = quoted(&item.headline),
        quoted_title = quoted(&item.title),
        summary = quoted(&item.summary),
    );
    file.push_str(&keyword_list(&item.keywords));
    for (index, fact) in item.facts.iter().enumerate() {
        let _ = write!(
            file,
            "\n# 第{}句(source.txt 第{}行)\n[[facts]]\ntext = {}\n",
            index + 1,
            fact.line,
            quoted(&fact.text)
        );
        file.push_str(&keyword_list(&fact.keywords));
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_lists_wrapped() {
        for text in ["他说\"好\"\\", "“放学有约”", "a'b\"c"] {
            let table: toml::Table = format!("x = {}", quoted(text)).parse().expect("valid TOML");
            assert_eq!(table["x"].as_str(), Some(text));
        }
        let keywords: Vec<String> = (1..=7).map(|n| format!("k{n}")).collect();
        assert_eq!(
            keyword_list(&keywords),
            "keywords = [\n  \"k1\", \"k2\", \"k3\", \"k4\", \"k5\", \"k6\",\n  \"k7\",\n]\n"
        );
        assert_eq!(keyword_list(&[]), "keywords = []\n");
    }
}
