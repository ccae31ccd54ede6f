//! Figures the question states (issue 13): a count question that quotes one of the
//! article's figures asks for something else than that figure.
//!
//! 「617场宣讲中线上和线下各多少场」, 「347批次参访团中外宾团组占多少批」, 「这1767个里面网络妇联
//! 一共几个」 ask for a part of the figure they state; 「标题写超2万个岗位，正文里招聘会提供的岗位
//! 具体是多少」 for another figure; 「4.2万剂HPV疫苗覆盖了多少名女生」 for another measure. The
//! stated figure never answers; another figure does only where the article says what the
//! question asks of it:
//! - asked in the stated figure's own measure (a part of it: 多少场 of 617场次, or a bare 多少),
//!   a figure whose clause names the question's own words — words outside the stated figure's
//!   clause (招聘会 for 2.3万个岗位) — or, in the stated figure's clause, whose own words
//!   (what follows it) do (3698名留守儿童由多少名爱心妈妈结对 → 2317名爱心妈妈);
//! - asked in another measure, a figure of that measure whose clause names what is counted
//!   (716万人次是多少场活动带来的 → 1458场…活动), or any when the question names nothing
//!   counted (1458场活动来了多少人).

use crate::knowledge::questions::AnswerRule;
use crate::normalize::is_han;

use super::analysis::{Analysis, Analyzer, CueRole, Fit};
use super::figures::{CountPhrase, Figure};
use super::index::Index;
use super::whole::pairs_outside;

/// Pairs of Chinese characters of a text.
fn pairs(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .filter(|pair| is_han(pair[0]) && is_han(pair[1]))
        .map(|pair| (pair[0], pair[1]))
        .collect()
}

/// How each of an item's sentences (`docs`) answers a count question stating one of the
/// article's figures; `None` when the question states none of this item's figures (or
/// asks no count, or compares a figure: 超过1000场了吗 states no figure of the article).
pub(crate) fn stated_fits(
    index: &Index,
    analyzer: &Analyzer,
    docs: &[usize],
    analysis: &Analysis,
    chars: &[char],
) -> Option<Vec<Fit>> {
    let kind = analysis.asked?;
    let asks_a_count = analyzer.kind_rule(kind) == AnswerRule::Figure && !analyzer.kind_has_units(kind);
    let wh = analysis
        .head
        .interrogative
        .as_ref()
        .is_some_and(|cue| cue.role == CueRole::Wh);
    if !asks_a_count || !wh || analysis.compared.is_some() {
        return None;
    }
    let stated = stated_figures(index, analyzer, docs, analysis, chars);
    if stated.is_empty() {
        return None;
    }
    let is_stated = |phrase: &CountPhrase| stated.iter().any(|figure| figure.same_number(&phrase.figure));
    // A stated figure that measures (an age: 60岁以上, "women over 60") is context: it does
    // not answer, but what is asked is no part of it, so any other figure may.
    let counting: Vec<&Figure> = stated
        .iter()
        .copied()
        .filter(|figure| !measures(index, analyzer, docs, figure))
        .collect();
    let is_counting = |phrase: &CountPhrase| counting.iter().any(|figure| figure.same_number(&phrase.figure));
    let stated_clauses: Vec<&str> = docs
        .iter()
        .flat_map(|&doc| index.docs[doc].counts.iter())
        .filter(|phrase| is_counting(phrase))
        .map(|phrase| phrase.clause.as_str())
        .collect();
    let stated_pairs: Vec<(char, char)> = stated_clauses.iter().flat_map(|clause| pairs(clause)).collect();
    let own = own_pairs(analyzer, analysis, chars, &stated_pairs);
    let names = |text: &str, words: &[(char, char)]| pairs(text).iter().any(|pair| words.contains(pair));
    let part_of_stated = match &analysis.unit {
        None => true,
        Some(unit) => counting
            .iter()
            .any(|figure| figure.unit == unit.word || analyzer.unit_class(&figure.unit) == Some(unit.class)),
    };
    let counted = pairs(&analysis.counted);
    let question = pairs(&chars.iter().collect::<String>());
    let fits = docs
        .iter()
        .map(|&doc| {
            let mut best = Fit::No;
            for phrase in index.docs[doc].counts.iter().filter(|phrase| !is_stated(phrase)) {
                let fit = analyzer.fit(analysis, &phrase.clause, std::slice::from_ref(&phrase.figure));
                if fit == Fit::No {
                    continue;
                }
                let says_it = if counting.is_empty() {
                    true
                } else if !part_of_stated {
                    counted.is_empty() || names(&phrase.clause, &counted)
                } else if stated_clauses.contains(&phrase.clause.as_str()) {
                    names(&phrase.noun, &question)
                } else {
                    names(&phrase.clause, &own)
                };
                if says_it && (best == Fit::No || fit == Fit::Exact) {
                    best = fit;
                }
            }
            best
        })
        .collect();
    Some(fits)
}

/// Whether a stated figure measures rather than counts: its measure word, in the question or
/// in the article (60岁以上 for "over 60"), is the unit of an asked kind (岁 of age).
fn measures(index: &Index, analyzer: &Analyzer, docs: &[usize], figure: &Figure) -> bool {
    analyzer.is_kind_unit(&figure.unit)
        || docs.iter().any(|&doc| {
            index.docs[doc]
                .figures
                .iter()
                .any(|f| f.written && f.same_number(figure) && analyzer.is_kind_unit(&f.unit))
        })
}

/// The article's figures (of these `docs`) the question states as counts, not offered as
/// an alternative.
fn stated_figures<'a>(
    index: &Index,
    analyzer: &Analyzer,
    docs: &[usize],
    analysis: &'a Analysis,
    chars: &[char],
) -> Vec<&'a Figure> {
    // A figure offered as an alternative (是逾36万元还是36万元整) is no figure stated.
    let alternative = analyzer.alternative_clause(chars).map(|(start, _, end)| (start, end));
    analysis
        .figures
        .iter()
        .filter(|figure| figure.written && figure.is_count())
        .filter(|figure| !alternative.is_some_and(|(start, end)| start <= figure.start && figure.start < end))
        .filter(|figure| {
            docs.iter().any(|&doc| {
                index.docs[doc]
                    .figures
                    .iter()
                    .any(|f| f.written && f.same_number(figure))
            })
        })
        .collect()
}

/// The question's own words, as pairs of characters: outside its cues, whole words and
/// particles, and not words of the stated figure's clause.
fn own_pairs(
    analyzer: &Analyzer,
    analysis: &Analysis,
    chars: &[char],
    stated_pairs: &[(char, char)],
) -> Vec<(char, char)> {
    let asking = analysis
        .cues
        .iter()
        .map(|cue| (cue.start, cue.end))
        .chain(analysis.totals.iter().copied());
    let mut pairs = pairs_outside(analyzer, chars, asking);
    pairs.retain(|pair| !stated_pairs.contains(pair));
    pairs
}
