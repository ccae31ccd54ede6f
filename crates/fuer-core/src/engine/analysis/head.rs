//! The head of a question: its interrogative and the noun it governs decide what is asked.
//!
//! A cue holding a question word (多少, 几点, 在哪, 有没有, how many) asks by itself. A cue
//! that is a noun (门票, 电话, 每年, 收费) decides what is asked only where the question asks
//! about it: in a wh-question unless it only describes another noun (免费的培训开了几场), at
//! the end of a yes/no question (是不是收费的, 有没有电话), or in a question with no question
//! word at all (妇儿大厦门票). Elsewhere it is a *modifier* (是不是每年都结对,
//! 附近有没有…的地方): it may narrow which fact fits, but never makes an answerable question
//! unanswerable.
//! A noun cue inside a keyword the question names is no cue (bride price, 总书记), nor is
//! one that is the whole keyword in a question with no wh-word that asks about the thing
//! itself: whether it exists (有没有热线, is there a hotline in …) or what it does (is the
//! hotline staffed around the clock), nor one among examples the asker offers (地铁站、高铁站
//! 这种算不算: `[words] examples`). In English, what follows a word that governs the rest
//! of the question (`ENGLISH_GOVERNING_WORDS`: how many, number of, where) is the counted
//! thing or the event placed, with its qualifiers (how many free events, the number of
//! books a branch must hold, where did the league open): a noun cue there narrows.
//! A cue of a kind that sets the time asked about (`scope = true`: 明年, 今后) always asks:
//! 明年计划再建多少个建设点 is about next year, which the article does not cover.

use crate::knowledge::questions::AnswerRule;

use super::{Analysis, Analyzer, CueMatch, CueRole};
use crate::engine::params::{EXAMPLES_MAX_CHARS, OWN_PLAN_CHARS};

/// The asked kind whose question words determine a noun after them (哪些品牌, which document).
const WHICH_KIND: &str = "which";

/// English words after which the rest of the question is what they count or place, so a
/// noun cue there qualifies it (how many free events; the number of books each branch must
/// hold; where did the league open): grammar of English question words, not vocabulary.
const ENGLISH_GOVERNING_WORDS: &[&str] = &["how many", "number of", "where"];

/// The English auxiliaries that open a yes/no question (is the hotline staffed …):
/// grammar, not vocabulary.
const ENGLISH_AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "does", "do", "did", "can", "could", "will", "would", "has", "have",
];

/// Why a noun cue does not decide what is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModifierReason {
    /// It is part of a keyword the question names (price in "bride price").
    InsideKeyword,
    /// It is the whole keyword a question with no wh-word asks about: whether the thing
    /// exists or what it does (有没有热线, is the hotline staffed around the clock).
    TheKeyword,
    /// The question asks about something else (每年 in 是不是每年都结对).
    NotAsked,
    /// It is among examples the asker offers (地铁站 of 地铁站、高铁站这种算不算).
    Example,
}

impl ModifierReason {
    /// Whether the cue is part of a keyword, so no cue at all: it narrows nothing and its
    /// kind is no detail the answer lacks.
    pub fn is_keyword(self) -> bool {
        matches!(self, ModifierReason::InsideKeyword | ModifierReason::TheKeyword)
    }
}

/// A cue that does not decide what is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modifier {
    pub cue: CueMatch,
    pub reason: ModifierReason,
}

/// The head of a question.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Head {
    /// The cue that decides what is asked (the highest-priority head cue).
    pub cue: Option<CueMatch>,
    /// The question word of the question (多少, 有没有, how many), if any: the deciding cue
    /// when it is one, else the first.
    pub interrogative: Option<CueMatch>,
    /// A yes/no question (吗, 是不是, 有没有, is there) without a question word.
    pub yes_no: bool,
    /// A question whether something exists (有没有…, 有…吗, is there …).
    pub existence: bool,
    /// The noun the interrogative governs, as written (多少个社区 → 社区, 有没有喂奶的地方 →
    /// 喂奶的地方); empty when none is found.
    pub noun: String,
}

impl Analyzer {
    /// Splits the cues of a question into its head and its modifiers, and sets the asked
    /// kind: the highest-priority cue that asks. `keyword_spans` are the char spans of the
    /// keywords the question names.
    pub(super) fn find_head(&self, chars: &[char], analysis: &mut Analysis, keyword_spans: &[(usize, usize)]) {
        let mut asking: Vec<CueMatch> = Vec::new();
        let mut modifiers: Vec<Modifier> = Vec::new();
        let has_question_word = analysis.cues.iter().any(|cue| cue.role != CueRole::Noun);
        let has_wh = analysis.cues.iter().any(|cue| cue.role == CueRole::Wh);
        for cue in &analysis.cues {
            let reason = if cue.role != CueRole::Noun {
                None
            } else if keyword_spans
                .iter()
                .any(|&(start, end)| start <= cue.start && cue.end <= end && end - start > cue.end - cue.start)
            {
                Some(ModifierReason::InsideKeyword)
            } else if !has_wh && self.is_the_keyword_asked_about(chars, cue, &analysis.cues, keyword_spans) {
                Some(ModifierReason::TheKeyword)
            } else if self.offered_as_example(chars, cue, &analysis.cues) {
                Some(ModifierReason::Example)
            } else if self.kind_sets_scope(cue.kind) && self.scope_is_asked(chars, cue, &analysis.cues) {
                // 明年计划再建多少个: the question is about next year, whatever it counts.
                None
            } else if (self.counts_with_a_measure_word(chars, &analysis.cues)
                || self.counts_a_named_thing(chars, cue, &analysis.cues))
                && self.kind_rule(cue.kind) == AnswerRule::None
            {
                // 热线接了多少个电话: the count asked is of calls, not the line's number.
                Some(ModifierReason::NotAsked)
            } else if self.governed_in_english(chars, cue, &analysis.cues) {
                // how many free events, the number of books, where did the league open
                Some(ModifierReason::NotAsked)
            } else if !has_question_word || self.is_asked_noun(chars, cue, &analysis.cues, has_wh) {
                None
            } else {
                Some(ModifierReason::NotAsked)
            };
            match reason {
                None => asking.push(cue.clone()),
                Some(reason) => modifiers.push(Modifier {
                    cue: cue.clone(),
                    reason,
                }),
            }
        }
        let deciding = self
            .unsaid_attribute(chars, &asking)
            .or_else(|| asking.iter().min_by_key(|cue| (cue.kind, cue.start)))
            .cloned();
        let interrogative = deciding
            .clone()
            .filter(|cue| cue.role != CueRole::Noun)
            .or_else(|| analysis.cues.iter().find(|cue| cue.role != CueRole::Noun).cloned());
        let yes_no = !has_wh && interrogative.as_ref().is_some_and(|cue| cue.role == CueRole::YesNo);
        let existence = yes_no && self.is_existence(chars, interrogative.as_ref());
        let noun = interrogative
            .as_ref()
            .map(|cue| self.governed_noun(chars, cue))
            .unwrap_or_default();
        analysis.asked = deciding.as_ref().map(|cue| cue.kind);
        analysis.head = Head {
            cue: deciding,
            interrogative,
            yes_no,
            existence,
            noun,
        };
        analysis.modifiers = modifiers;
    }

    /// Whether a noun cue of a question with no wh-word is exactly a keyword the question
    /// names, the only cue of its kind, and the question asks about that thing: whether it
    /// exists (有没有热线, is there a hotline), or, in an English yes/no question (opening
    /// with an auxiliary), what it does, the cue followed by more words (is the hotline
    /// staffed around the clock). Not a cue beside another of its kind (is there a phone
    /// number for the hotline: a detail of it asked), nor one in a question that is neither
    /// (热线号码, what's the hotline number): its noun is the detail asked.
    fn is_the_keyword_asked_about(
        &self,
        chars: &[char],
        cue: &CueMatch,
        cues: &[CueMatch],
        keyword_spans: &[(usize, usize)],
    ) -> bool {
        let alone_of_its_kind = cues
            .iter()
            .all(|other| other.kind != cue.kind || (other.start, other.end) == (cue.start, cue.end));
        if !alone_of_its_kind || !keyword_spans.contains(&(cue.start, cue.end)) {
            return false;
        }
        let before: String = chars[..cue.start].iter().collect();
        let existence = before.split(' ').any(|word| word == "there") || before.contains('有');
        let yes_no_english = chars[cue.start].is_ascii()
            && ENGLISH_AUXILIARIES.contains(&before.split(' ').next().unwrap_or_default())
            && chars[cue.end..].iter().any(char::is_ascii_alphabetic);
        existence || yes_no_english
    }

    /// Whether an English noun cue follows a word governing the rest of the question
    /// (`ENGLISH_GOVERNING_WORDS`): what follows "how many" or "number of" is the counted
    /// thing and its qualifiers (how many free events, doses for girls of the eligible age,
    /// the number of books added), what follows "where" the event placed (where did the
    /// league open), so the cue narrows, unless its own kind is asked with that word
    /// (nearest, of the address asked "where does she live": where is the nearest …).
    fn governed_in_english(&self, chars: &[char], cue: &CueMatch, cues: &[CueMatch]) -> bool {
        chars[cue.start..cue.end].iter().all(char::is_ascii)
            && cues.iter().any(|other| {
                let word: String = chars[other.start..other.end].iter().collect();
                other.end <= cue.start
                    && ENGLISH_GOVERNING_WORDS.contains(&word.as_str())
                    && !self.kind_cue_holds(cue.kind, &word)
            })
    }

    /// Whether a noun cue is what the question asks about. In a wh-question it is, unless
    /// it only describes a noun (免费的培训开了几场) and facts can say it (a kind of answer
    /// other than "none": 离我最近的母婴室在哪 still asks for an address). In a Chinese yes/no
    /// question it is only at the end, with particles and yes/no words after it (是不是收费的,
    /// 有没有电话, 电话有没有), not before more words (是不是每年都结对). English cues always
    /// are (the asked noun follows "is there" in English) where no word governs them
    /// (`governed_in_english`).
    fn is_asked_noun(&self, chars: &[char], cue: &CueMatch, cues: &[CueMatch], has_wh: bool) -> bool {
        if chars[cue.start..cue.end].iter().all(char::is_ascii) {
            return true;
        }
        let is_link = |position: usize| self.particles.contains(&chars[position]) || chars[position] == ' ';
        if has_wh {
            let attributive = chars.get(cue.end) == Some(&'的')
                && chars
                    .get(cue.end + 1)
                    .is_some_and(|c| !self.particles.contains(c) && *c != ' ');
            return !attributive || self.kind_rule(cue.kind) == AnswerRule::None;
        }
        let inside_question_word = |position: usize| {
            cues.iter()
                .any(|other| other.role != CueRole::Noun && other.start <= position && position < other.end)
        };
        (cue.end..chars.len()).all(|position| is_link(position) || inside_question_word(position))
    }

    /// The attribute a wh-question asks, when the article never says it: a noun cue of a
    /// kind answered by no sentence (`answer = "none"`, as this article reads it) right
    /// before the question word (看护老师一个月工资多少: 工资). It decides what is asked
    /// over the cues qualifying it (一个月 of an article writing 每月收费), which would
    /// otherwise answer with a figure of another attribute.
    fn unsaid_attribute<'c>(&self, chars: &[char], asking: &'c [CueMatch]) -> Option<&'c CueMatch> {
        let is_link = |c: &char| self.particles.contains(c) || *c == ' ';
        asking.iter().find(|cue| {
            cue.role == CueRole::Noun
                && self.kind_rule(cue.kind) == AnswerRule::None
                && asking.iter().any(|wh| {
                    wh.role == CueRole::Wh && wh.start >= cue.end && chars[cue.end..wh.start].iter().all(is_link)
                })
        })
    }

    /// Whether a noun cue is among examples the asker offers: a word closing examples
    /// (`[words] examples`: 这种, 这类) follows it within `EXAMPLES_MAX_CHARS`, with no question
    /// word between (地铁站、高铁站这种算不算, 商场地铁站之类的地方有没有): the examples are
    /// things asked about, the question word after them asks.
    fn offered_as_example(&self, chars: &[char], cue: &CueMatch, cues: &[CueMatch]) -> bool {
        let last = (cue.end + EXAMPLES_MAX_CHARS).min(chars.len());
        (cue.end..=last).any(|at| {
            !cues
                .iter()
                .any(|other| other.role != CueRole::Noun && cue.end <= other.start && other.start < at)
                && self
                    .examples
                    .iter()
                    .any(|word| chars.get(at..at + word.len()) == Some(word.as_slice()))
        })
    }

    /// Whether a cue setting the time (明年) sets it for what is asked: in English anywhere
    /// (how many … next year); in Chinese before a question word (明年计划再建多少个), not
    /// after it (岗位有多少个啊我姐明年毕业) nor in the asker's own plans (我们明年结婚,去年
    /// 几对参加), where a first-person word stands right before it.
    fn scope_is_asked(&self, chars: &[char], cue: &CueMatch, cues: &[CueMatch]) -> bool {
        if chars[cue.start..cue.end].iter().all(char::is_ascii) {
            return true;
        }
        let own = chars[cue.start.saturating_sub(OWN_PLAN_CHARS)..cue.start].contains(&'我');
        !own && cues
            .iter()
            .any(|other| other.role != CueRole::Noun && other.start >= cue.end)
    }

    /// Whether the question asks a count with a measure word after its question word
    /// (多少个电话, 几位咨询师): what it counts is a thing, so a noun cue of a kind the article
    /// never says (电话, 热线) names what is counted or its topic, not the detail asked.
    fn counts_with_a_measure_word(&self, chars: &[char], cues: &[CueMatch]) -> bool {
        cues.iter().any(|cue| {
            cue.role == CueRole::Wh
                && self.kind_rule(cue.kind) == AnswerRule::Figure
                && !self.kind_has_units(cue.kind)
                && self
                    .measure_words
                    .iter()
                    .any(|word| chars.get(cue.end..cue.end + word.len()) == Some(word.as_slice()))
        })
    }

    /// Whether a count's question word is followed at once by the thing it counts
    /// (热线全年接了多少来电, 接了多少通电话) and the noun `cue` is not that thing: a cue of a
    /// kind the article never says (热线) is then the topic of the count, not the detail
    /// asked. The counted thing itself may be what is asked (多少工资), and nothing written
    /// after the question word counts nothing (热线电话是多少).
    fn counts_a_named_thing(&self, chars: &[char], cue: &CueMatch, cues: &[CueMatch]) -> bool {
        cues.iter().any(|wh| {
            wh.role == CueRole::Wh
                && self.kind_rule(wh.kind) == AnswerRule::Figure
                && !self.kind_has_units(wh.kind)
                && cue.start != wh.end
                && chars
                    .get(wh.end)
                    .is_some_and(|c| crate::normalize::is_han(*c) && !self.particles.contains(c))
        })
    }

    /// Whether a yes/no question asks whether something exists: its word holds 有 or
    /// "there" (有没有, 有冇, is there), or 有 stands before it (有母婴室吗) or right after it
    /// (是否有补贴).
    fn is_existence(&self, chars: &[char], interrogative: Option<&CueMatch>) -> bool {
        let Some(cue) = interrogative else {
            return false;
        };
        let word: String = chars[cue.start..cue.end].iter().collect();
        word.contains('有')
            || word.contains("there")
            || chars[..cue.start].contains(&'有')
            || chars.get(cue.end) == Some(&'有')
    }

    /// The noun a which-word determines when it stands right after it (有哪些特色品牌 →
    /// 特色品牌, 依据的是哪份文件 → 文件, 为哪些人提供关怀 → 人提供关怀): in Chinese the
    /// words up to a particle, in English the rest of the question (which policy document …).
    fn noun_after_which(&self, chars: &[char], cue: &CueMatch) -> Option<String> {
        if cue.role != CueRole::Wh || self.kind_name(cue.kind) != WHICH_KIND {
            return None;
        }
        let noun: String = chars[cue.end..]
            .iter()
            .skip_while(|&&c| c == ' ')
            .take_while(|&&c| !self.particles.contains(&c) && (c != ' ' || chars[cue.start].is_ascii()))
            .collect();
        // One character after it is a measure word (哪几年 asks for years), not a noun.
        let noun = noun.trim_end().to_string();
        (noun.chars().count() >= 2).then_some(noun)
    }

    /// The noun the interrogative governs: what follows a yes/no word (有没有喂奶的地方 →
    /// 喂奶的地方), else the words before it up to a particle (妇儿大厦在哪 → 妇儿大厦). (What
    /// a quantity counts, 多少个社区 → 社区, replaces it once the unit is known.)
    fn governed_noun(&self, chars: &[char], cue: &CueMatch) -> String {
        let after: String = chars[cue.end..].iter().collect();
        let after = after
            .trim_end_matches(|c: char| self.particles.contains(&c) || c == ' ')
            .trim_start();
        // 是不是真的 asks to confirm the words before it: 真的 is no thing asked about.
        if cue.role == CueRole::YesNo && !after.is_empty() && !self.is_confirmation(after) {
            return after.to_string();
        }
        if let Some(noun) = self.noun_after_which(chars, cue) {
            return noun;
        }
        let (start, mut before) = self.word_before(chars, cue.start);
        // 是真的吗 too: what is confirmed comes before 真的.
        if self.is_confirmation(&before) {
            let (_, earlier) = self.word_before(chars, start);
            if !earlier.is_empty() {
                before = earlier;
            }
        }
        if before.is_empty() {
            return after.to_string();
        }
        before
    }

    /// The words before `end` up to a particle (妇儿大厦在哪 → 妇儿大厦), particles right
    /// before `end` skipped, and where they start.
    fn word_before(&self, chars: &[char], end: usize) -> (usize, String) {
        let is_word = |c: &char| !self.particles.contains(c) && *c != ' ';
        let skipped = chars[..end].iter().rev().take_while(|c| !is_word(c)).count();
        let taken = chars[..end - skipped].iter().rev().take_while(|c| is_word(c)).count();
        let start = end - skipped - taken;
        (start, chars[start..end - skipped].iter().collect())
    }

    /// Whether words (particles around them aside) ask whether what was said is true (真的,
    /// 属实: `[words] confirmations`).
    fn is_confirmation(&self, words: &str) -> bool {
        let trim = |text: &str| {
            text.trim_matches(|c: char| self.particles.contains(&c) || c == ' ')
                .to_string()
        };
        let words = trim(words);
        !words.is_empty() && self.confirmations.iter().any(|word| trim(word) == words)
    }
}
