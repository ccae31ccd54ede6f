//! The name of a thing asked (`[naming]` of `questions.toml`, issue 13): 关爱孤独症儿童的政策性
//! 文件叫什么名字 asks for a name, which a sentence says only where the clause writing the
//! thing also writes a name (“美丽生活季……”宣传展览, 《关于……的意见》: `listed_by`). A fact
//! that only mentions the thing (出台……的政策性文件) does not say what it is called: the
//! answer is *related*, naming what is missing, and the fact is offered. A clause writing a
//! name the item keeps as a keyword ending with the thing (维权关爱智慧系统 for 系统) names it,
//! and so does a long compound joined to the thing with no particle (…思想政治引领暨新媒体宣传
//! 信息工作培训班) holding words of the question (新媒体培训班全名).

use super::Engine;
use super::analysis::{WordMatcher, byte_to_char_map};
use super::params::{KEPT_NAME_MIN_EXTRA_CHARS, NAME_COMPOUND_MIN_CHARS, NAMED_THING_MAX_CHARS};
use super::pipeline::Question;
use super::vocabulary::Vocabulary;
use crate::knowledge::questions::DetailWords;
use crate::normalize::is_han;

/// The compiled `[naming]` words.
#[derive(Debug)]
pub(crate) struct NameMatcher {
    asks: WordMatcher,
    named_by: Vec<String>,
    label: String,
}

impl NameMatcher {
    pub(crate) fn new(naming: &DetailWords, vocabulary: &Vocabulary) -> NameMatcher {
        NameMatcher {
            asks: WordMatcher::new(&naming.asks, vocabulary),
            // Punctuation is kept as written: normalizing would drop it.
            named_by: naming.listed_by.clone(),
            label: naming.label.clone(),
        }
    }
}

impl Engine {
    /// The `[naming]` label when the question asks the name of a thing that the fact
    /// (`doc`) writes without a name in the thing's clause.
    pub(crate) fn unnamed_name(&self, question: &Question, doc: usize) -> Option<String> {
        let asks = self
            .names
            .asks
            .find(&question.normalized, &byte_to_char_map(&question.normalized));
        let &(_, (start, _)) = asks.iter().min_by_key(|(_, (start, _))| *start)?;
        let thing = self.named_thing(&question.chars[..start]);
        let doc = &self.index.docs[doc];
        let fact = self.knowledge.items.get(doc.item)?.facts.get(doc.fact?)?;
        // The longest end of the thing the fact writes (政策性文件, 展览).
        let written = (0..thing.len().saturating_sub(1))
            .map(|from| thing[from..].iter().collect::<String>())
            .find(|end| fact.text.contains(end.as_str()))?;
        // A person's name follows the title unmarked (心理咨询师刘佳怡): only a thing closing
        // its clause (出台……的政策性文件,) plainly stands without one.
        let unnamed = fact.text.match_indices(written.as_str()).all(|(at, _)| {
            let (clause, closes) = clause_around(&fact.text, at, at + written.len());
            closes
                && !self.names.named_by.iter().any(|mark| clause.contains(mark.as_str()))
                && !self.writes_a_kept_name(doc.item, clause, &written)
                && !self.writes_the_asked_compound(&fact.text[..at], &question.chars[..start])
        });
        unnamed.then(|| self.names.label.clone())
    }

    /// Whether a clause writes a name the item keeps as a keyword, ending with the thing and
    /// longer than it (市级妇女儿童维权关爱智慧系统 writes 维权关爱智慧系统 for 那个系统全称叫
    /// 什么): the article names the thing there, though without quotes.
    fn writes_a_kept_name(&self, item: usize, clause: &str, thing: &str) -> bool {
        let Some(item) = self.knowledge.items.get(item) else {
            return false;
        };
        let least = thing.chars().count() + KEPT_NAME_MIN_EXTRA_CHARS;
        item.keywords
            .iter()
            .chain(item.facts.iter().flat_map(|fact| &fact.keywords))
            .any(|keyword| {
                keyword.ends_with(thing) && keyword.chars().count() >= least && clause.contains(keyword.as_str())
            })
    }

    /// Whether the fact, right before the thing (`before`: its text up to the thing), writes
    /// it as one compound name with no particle between (全市妇联思想政治引领暨新媒体宣传信息
    /// 工作培训班 for 新媒体培训班全名叫什么), at least `NAME_COMPOUND_MIN_CHARS` long, holding
    /// a pair of characters the question writes (`asked`: the question before its asking
    /// words). 出台……的政策性文件 joins the thing with 的: a description, not a name.
    fn writes_the_asked_compound(&self, before: &str, asked: &[char]) -> bool {
        let mut compound: Vec<char> = before
            .chars()
            .rev()
            .take_while(|&c| is_han(c) && !self.vocabulary.is_particle(c))
            .collect();
        if compound.len() < NAME_COMPOUND_MIN_CHARS {
            return false;
        }
        compound.reverse();
        let compound: String = compound.into_iter().collect();
        asked
            .windows(2)
            .any(|pair| pair.iter().all(|&c| is_han(c)) && compound.contains(&pair.iter().collect::<String>()))
    }

    /// The Chinese characters right before the asking words, without the particles that
    /// join them (政策性文件 of 政策性文件的名字是什么; 展览 of 那个展览叫啥名字).
    fn named_thing(&self, before: &[char]) -> Vec<char> {
        let mut end = before.len();
        while end > 0 && self.vocabulary.is_particle(before[end - 1]) {
            end -= 1;
        }
        let start = before[..end]
            .iter()
            .rposition(|&c| !is_han(c) || self.vocabulary.is_particle(c))
            .map_or(0, |at| at + 1)
            .max(end.saturating_sub(NAMED_THING_MAX_CHARS));
        before[start..end].to_vec()
    }
}

/// The clause of `text` holding the byte span `start..end` (between the nearest clause
/// ends around it: ，, 。, ；), and whether the span closes it.
fn clause_around(text: &str, start: usize, end: usize) -> (&str, bool) {
    let is_end = |c: char| matches!(c, ',' | '，' | '。' | ';' | '；' | '!' | '！' | '?' | '？');
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_end(c))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let to = text[end..].find(is_end).map_or(text.len(), |at| end + at);
    (&text[from..to], to == end)
}
