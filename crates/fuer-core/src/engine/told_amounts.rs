//! Amount words that tell, not ask. Before the clause that asks, 好几 and 好多 say "several",
//! "many" (护士站好几个小姑娘还单着，…那个婚恋交友服务项目叫什么; 单位里好多大龄女青年，妇联
//! 有婚恋交友的活动吗), and 有几…是… says "a few … are …" (园里有几位老师是宝妈，…专门给
//! 妈妈的岗位有多少个), and 过几 / 了几 says "did a few" (代理过几宗家暴案，…是什么奖): the
//! asker's situation, not a question. Such a clause's question words
//! do not decide what is asked, and the clause itself asks nothing (so its topic names no
//! part when the asking clause names one: `topics.rs`).
//!
//! Only a clause before a later asking clause can tell this way, and only one that does not
//! end with a question mark (妇儿大厦去了好多人？门票多少钱？ asks twice); the last asking
//! clause keeps its question words (免费的筛查有好多例嘛 asks a count).
//!
//! Clauses after the last one that may ask tell too (女大学生岗位有多少 毕业了想冲一波):
//! `asking_end` says where they begin, and the head, unit and counted thing are read
//! before it.

use super::Engine;
use super::analysis::{CueMatch, CueRole};
use super::topics::{QUESTION_CLAUSE_ENDS, han_spaces_as_breaks};

/// The characters that make 几 or 多 after them an indefinite amount (好几个, 好多).
const INDEFINITE_BEFORE: char = '好';
/// The existential verb before 几 in 有几位老师是宝妈.
const EXISTENTIAL: char = '有';
/// The aspect particles that make 几 after them "a few" done (代理过几宗家暴案, 去了几次).
const ASPECT_PARTICLES: [char; 2] = ['过', '了'];
/// The copula that makes 有几X是Y a statement about some of the X.
const COPULA: char = '是';
/// Characters between 几 and the copula at least: a measure word and a noun of two.
const MEASURE_AND_NOUN: usize = 3;

/// The question's clauses as `topics.rs` cuts them (empty ones left out), each with whether
/// it ends with a question mark.
fn clauses(raw: &str) -> Vec<(String, bool)> {
    let text = han_spaces_as_breaks(raw);
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if QUESTION_CLAUSE_ENDS.contains(&c) {
            if !current.trim().is_empty() {
                out.push((std::mem::take(&mut current), c == '?'));
            }
            current.clear();
        } else {
            current.push(c);
        }
    }
    if !current.trim().is_empty() {
        out.push((current, false));
    }
    out
}

/// Whether a question word of a clause (normalized, as characters) only tells an amount:
/// it overlaps 好几 or 好多, it is 几 after 有 with a copula after its noun, or 几 after an
/// aspect particle (代理过几宗家暴案: what the asker did, before the clause that asks).
fn tells_an_amount(chars: &[char], cue: &CueMatch) -> bool {
    let indefinite = (0..chars.len().saturating_sub(1)).any(|at| {
        chars[at] == INDEFINITE_BEFORE && matches!(chars[at + 1], '几' | '多') && cue.start <= at + 1 && cue.end > at
    });
    let some_are = cue.end == cue.start + 1
        && chars.get(cue.start) == Some(&'几')
        && cue.start > 0
        && chars[cue.start - 1] == EXISTENTIAL
        && chars.iter().skip(cue.end + MEASURE_AND_NOUN).any(|&c| c == COPULA);
    let done = chars.get(cue.start) == Some(&'几') && cue.start > 0 && ASPECT_PARTICLES.contains(&chars[cue.start - 1]);
    indefinite || some_are || done
}

/// One clause of a question, read once (`Engine::read_clauses`).
pub(crate) struct Clause {
    /// The clause normalized as questions are.
    normalized: String,
    /// Whether it ends with a question mark.
    question_mark: bool,
    /// Whether it asks: a question word (`Engine::clause_asks`).
    asks: bool,
    /// Whether it holds any cue of `questions.toml` (a question word or a noun).
    has_cue: bool,
    /// Whether it has question words and every one only tells an amount (好几个).
    tells_an_amount: bool,
}

impl Engine {
    /// The question's clauses (cut as `topics.rs` cuts them), each normalized and analyzed
    /// once. None for a question of one clause (most questions): a clause alone tells no
    /// amount before another and no clause follows it (`telling_clauses` and `asking_end`
    /// read nothing in it), so it is not normalized and analyzed a second time.
    pub(crate) fn read_clauses(&self, raw: &str) -> Vec<Clause> {
        let cut = clauses(raw);
        if cut.len() < 2 {
            return Vec::new();
        }
        cut.into_iter()
            .map(|(clause, question_mark)| {
                let normalized = self.vocabulary.normalize(&clause);
                let chars: Vec<char> = normalized.chars().collect();
                let analysis = self.analyzer.analyze(&normalized, &[]);
                let asking: Vec<&CueMatch> = analysis.cues.iter().filter(|cue| cue.role != CueRole::Noun).collect();
                Clause {
                    asks: !asking.is_empty() || self.has_interrogative(&normalized),
                    has_cue: !analysis.cues.is_empty(),
                    tells_an_amount: !asking.is_empty() && asking.iter().all(|cue| tells_an_amount(&chars, cue)),
                    question_mark,
                    normalized,
                }
            })
            .collect()
    }
}

/// Per clause: whether it only tells an amount before a later clause that asks.
pub(crate) fn telling_clauses(clauses: &[Clause]) -> Vec<bool> {
    let last_asking = clauses.iter().rposition(|clause| clause.asks).unwrap_or(0);
    clauses
        .iter()
        .enumerate()
        .map(|(index, clause)| index < last_asking && !clause.question_mark && clause.tells_an_amount)
        .collect()
}

/// Where the clauses after the last one that may ask begin (characters of the
/// normalized question): 女大学生岗位有多少 毕业了想冲一波, 电话是多少 我想打过去问一下 tell
/// after asking, and the question's head governs nothing in them. A clause with a
/// question mark or any cue of `questions.toml` may ask (…可否预约使用？, 点搭地铁去), so
/// only the clauses after the last such one tell. None when the last clause may ask, or
/// the clauses do not add up to the normalized question.
pub(crate) fn asking_end(clauses: &[Clause], normalized: &str) -> Option<usize> {
    let last_asking = clauses
        .iter()
        .rposition(|clause| clause.question_mark || clause.asks || clause.has_cue)?;
    if last_asking + 1 == clauses.len() {
        return None;
    }
    Some(clause_spans(clauses, normalized)?[last_asking].1)
}

/// The spans (characters of the normalized question) of the clauses that only tell an
/// amount; none when the clauses do not add up to the normalized question.
pub(crate) fn telling_spans(clauses: &[Clause], normalized: &str) -> Vec<(usize, usize)> {
    let telling = telling_clauses(clauses);
    if !telling.contains(&true) {
        return Vec::new();
    }
    clause_spans(clauses, normalized)
        .unwrap_or_default()
        .into_iter()
        .zip(telling)
        .filter_map(|(span, tells)| tells.then_some(span))
        .collect()
}

/// Each clause's span in characters of the normalized question; none when the normalized
/// clauses do not add up to it.
fn clause_spans(clauses: &[Clause], normalized: &str) -> Option<Vec<(usize, usize)>> {
    let mut spans = Vec::with_capacity(clauses.len());
    let mut joined = String::new();
    let mut start = 0;
    for clause in clauses {
        joined.push_str(&clause.normalized);
        let end = start + clause.normalized.chars().count();
        spans.push((start, end));
        start = end;
    }
    (joined == normalized).then_some(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(start: usize, end: usize) -> CueMatch {
        CueMatch {
            kind: 0,
            start,
            end,
            role: CueRole::Wh,
        }
    }

    #[test]
    fn indefinite_amounts_tell() {
        let chars: Vec<char> = "护士站好几个小姑娘还单着".chars().collect();
        assert!(tells_an_amount(&chars, &cue(4, 5)));
        let chars: Vec<char> = "单位里好多大龄女青年".chars().collect();
        assert!(tells_an_amount(&chars, &cue(3, 5)));
        assert!(tells_an_amount(&chars, &cue(4, 6)));
        let chars: Vec<char> = "园里有几位老师是宝妈".chars().collect();
        assert!(tells_an_amount(&chars, &cue(3, 4)));
    }

    #[test]
    fn asking_amounts_do_not_tell() {
        let chars: Vec<char> = "三新领域妇联组织有多少个".chars().collect();
        assert!(!tells_an_amount(&chars, &cue(9, 11)));
        let chars: Vec<char> = "深圳有几个城中村".chars().collect();
        assert!(!tells_an_amount(&chars, &cue(3, 4)));
    }

    /// What `Engine::read_clauses` relies on to leave a question of one clause unread: one
    /// clause, whatever it says, is no telling clause and ends no asking part, as no
    /// clause at all.
    #[test]
    fn one_clause_tells_nothing_whatever_it_says() {
        for flags in 0..16u8 {
            let clause = Clause {
                normalized: "园里有几位老师是宝妈".to_string(),
                question_mark: flags & 1 != 0,
                asks: flags & 2 != 0,
                has_cue: flags & 4 != 0,
                tells_an_amount: flags & 8 != 0,
            };
            let one = [clause];
            assert_eq!(telling_clauses(&one), vec![false]);
            assert!(telling_spans(&one, "园里有几位老师是宝妈").is_empty());
            assert_eq!(asking_end(&one, "园里有几位老师是宝妈"), None);
        }
        assert!(telling_clauses(&[]).is_empty());
        assert!(telling_spans(&[], "").is_empty());
        assert_eq!(asking_end(&[], ""), None);
    }

    #[test]
    fn clauses_keep_their_question_marks() {
        let cut = clauses("妇儿大厦去了好多人?门票多少钱,在哪");
        let marks: Vec<bool> = cut.iter().map(|(_, mark)| *mark).collect();
        assert_eq!(marks, vec![true, false, false]);
    }
}
