//! What an admin should review in a draft (in Chinese, like the admin guide): what the
//! header did not give, text in no item, items with few keywords, figures whose counted
//! noun was not found, facts without keywords, shortened titles, and what no draft has
//! (summaries of its own, English keywords).

use std::fmt;

use super::DraftItem;
use super::keywords::Suggestion;
use super::layout::Layout;
use super::render::NOT_GIVEN;

/// An item with fewer keywords than this is listed for review.
pub const FEW_KEYWORDS: usize = 8;

/// One thing to review: about the whole article, an item, or one fact of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewNote {
    pub item: Option<u8>,
    /// 1-based, within the item.
    pub fact: Option<usize>,
    pub message: String,
}

impl fmt::Display for ReviewNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.item, self.fact) {
            (Some(item), Some(fact)) => write!(f, "第{item}件 第{fact}句:{}", self.message),
            (Some(item), None) => write!(f, "第{item}件:{}", self.message),
            _ => write!(f, "全文:{}", self.message),
        }
    }
}

fn note(item: Option<u8>, fact: Option<usize>, message: String) -> ReviewNote {
    ReviewNote { item, fact, message }
}

/// The review list of a draft, the whole article first, then item by item.
pub fn notes(layout: &Layout<'_>, items: &[DraftItem], suggestions: &[Suggestion]) -> Vec<ReviewNote> {
    let mut notes = Vec::new();
    if layout.publisher.is_none() {
        notes.push(note(
            None,
            None,
            format!("开头几行没有“来源:…”,source.toml 的 publisher 暂写“{NOT_GIVEN}”,请填上发布单位。"),
        ));
    }
    if layout.date.is_none() {
        notes.push(note(
            None,
            None,
            format!("开头几行没有日期,source.toml 的 date 暂写“{NOT_GIVEN}”,请填上发布日期(如 2025-02-05)。"),
        ));
    }
    if let Some(&(line, _)) = layout.preamble.first() {
        notes.push(note(
            None,
            None,
            format!(
                "标题和第一件之间有 {} 句话(source.txt 第{line}行起)不属于任何一件大事,机器人不会用它们回答。",
                layout.preamble.len()
            ),
        ));
    }
    notes.push(note(
        None,
        None,
        "每件的 summary 暂用第一句原文,请改写成一句话摘要(只用原文里的事实)。".to_string(),
    ));
    notes.push(note(
        None,
        None,
        "草稿的英文关键词只来自词汇表 glossary.toml(每个中文词的英文说法):请检查,并补充市民用英文会怎么问(英文小写短语),常用的词可以加进词汇表。".to_string(),
    ));
    for (item, suggestion) in items.iter().zip(suggestions) {
        notes.extend(item_notes(item, suggestion));
    }
    notes
}

fn item_notes(item: &DraftItem, suggestion: &Suggestion) -> Vec<ReviewNote> {
    let number = Some(item.number);
    let mut notes = Vec::new();
    if item.keywords.len() < FEW_KEYWORDS {
        notes.push(note(
            number,
            None,
            format!(
                "“{}”只找到 {} 个关键词,请补充市民会怎么说(口语、简称、英文)。",
                item.title,
                item.keywords.len()
            ),
        ));
    }
    if !item.headline.starts_with(item.title.as_str()) || item.title.chars().count() < 4 {
        notes.push(note(
            number,
            None,
            format!("短标题“{}”是从标题里截出来的,请确认它读得通。", item.title),
        ));
    }
    let mut figures_by_fact: Vec<(Option<usize>, Vec<&str>)> = Vec::new();
    for (fact, figure) in &suggestion.unnamed_figures {
        match figures_by_fact.iter_mut().find(|(other, _)| other == fact) {
            Some((_, figures)) => figures.push(figure),
            None => figures_by_fact.push((*fact, vec![figure])),
        }
    }
    for (fact, figures) in figures_by_fact {
        let list = figures.join("、");
        let message = format!("没找到 {list} 数的是什么,请给这一句加上它数的东西作关键词。");
        match fact {
            Some(fact) => notes.push(note(number, Some(fact + 1), message)),
            None => notes.push(note(number, None, format!("标题里{message}"))),
        }
    }
    for (index, fact) in item.facts.iter().enumerate() {
        if fact.keywords.is_empty() {
            notes.push(note(
                number,
                Some(index + 1),
                "这一句没有关键词:市民问到它时,机器人只能靠句子里的字去找。".to_string(),
            ));
        }
    }
    notes
}
