//! Follow-up messages in a conversation: what the engine needs to know about the
//! conversation so far ([`Focus`]), the words of navigation (下一件, 上一件), of "more"
//! (详细一点) and of references back to the topic (它, 其中, 那里), from the `[followup]`
//! table of `questions.toml`; and the pipeline stage that decides what a question takes
//! from the conversation ([`Engine::resolve_context`]).
//!
//! Size (about 630 lines, 70 of them unit tests): the follow-up words are compiled and read
//! by the one stage that uses them; the aspect and reference rules share the `Focus`.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::knowledge::questions::{AnswerRule, FollowUpWords};
use crate::normalize::is_han;

use super::Engine;
use super::analysis::{Analysis, Fit};
use super::params::{
    ASPECT_FACT_BONUS, CONTEXT_TOPIC_RATIO, FOLLOW_UP_ITEM_WORD_MIN_IDF, FOLLOW_UP_MAX_UNKNOWN_BIGRAMS,
    FOLLOW_UP_MAX_UNKNOWN_SHARE, FOLLOW_UP_MIN_OVERLAP, FOLLOW_UP_SPECIFIC_UNKNOWN_BIGRAMS, MIN_ITEM_SCORE,
    NAVIGATION_FILLER_CHARS, OTHERS_SHOWN_FACTOR, UNSHOWN_TIE_BONUS,
};
use super::pipeline::{Question, Resolution};
use super::ranking::{FactRanking, listed_facts};
use super::trace::Tracer;
use super::vocabulary::Vocabulary;

/// The content words of a question (pairs of Chinese characters outside its cues,
/// references and particles), as a follow-up sees them.
struct ContentWords {
    /// Pairs the article never uses.
    unknown: usize,
    content: usize,
    /// Pairs of the conversation's item's sentences that few items use (部门, not 深圳).
    in_item: usize,
    /// Counted in English words, against the facts' translations.
    english: bool,
}

/// What the conversation is about, as the engine needs it to answer a follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Focus {
    /// The item of the last answer.
    pub item: u8,
    /// The facts the last question was about (empty: the item as a whole).
    pub facts: Vec<usize>,
    /// The item's facts the conversation has shown (a follow-up asking for something else
    /// prefers the others).
    pub shown: Vec<usize>,
    /// The kind of the last question (`quantity`, `price` …), carried to 「那X呢」.
    pub asked: Option<String>,
}

/// What an answer took from the conversation, for `--explain` and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContextUse {
    /// The item came from the conversation (the question named no other topic).
    pub topic: bool,
    /// The asked kind came from the conversation (「那X呢」 asks what was asked before).
    pub attribute: bool,
    /// The facts of the last answer stood for the topic (其中免费的有多少).
    pub facts: bool,
}

impl ContextUse {
    pub fn any(self) -> bool {
        self.topic || self.attribute || self.facts
    }
}

/// A message that moves through the items or asks for more, rather than asking a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Navigation {
    Next,
    Previous,
    More,
}

/// The compiled follow-up words.
#[derive(Debug)]
pub struct FollowUpMatcher {
    phrases: Vec<(String, Navigation)>,
    /// Reference words (它, 其中 …), continuation words (那, 呢 …), fillers (请问 …) and
    /// aspect words (效果, 参加 …).
    references: Option<AhoCorasick>,
    reference_ascii: Vec<bool>,
    /// The automaton's patterns: references up to `strong_count`, continuations up to
    /// `weak_end`, then fillers and aspect words.
    strong_count: usize,
    weak_end: usize,
    /// Words asking for something not said yet (别的, else).
    others: Option<AhoCorasick>,
    others_ascii: Vec<bool>,
    /// The aspects a follow-up may ask: the automaton of their asking words, the aspect
    /// of each pattern, and the sentence words that say each aspect.
    aspect_asks: Option<AhoCorasick>,
    aspect_ascii: Vec<bool>,
    aspect_of: Vec<usize>,
    aspect_said_by: Vec<Vec<String>>,
}

impl FollowUpMatcher {
    pub fn new(words: &FollowUpWords, vocabulary: &Vocabulary) -> FollowUpMatcher {
        let normalize = |text: &str| vocabulary.normalize_asked(text);
        let mut phrases: Vec<(String, Navigation)> = Vec::new();
        for (list, navigation) in [
            (&words.next, Navigation::Next),
            (&words.previous, Navigation::Previous),
            (&words.more, Navigation::More),
        ] {
            for phrase in list {
                let normalized = normalize(phrase);
                if !normalized.is_empty() {
                    phrases.push((normalized, navigation));
                }
            }
        }
        // Longest first: 再下一件 before 下一件.
        phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.0.len()));
        let normalized = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|word| normalize(word))
                .filter(|word| !word.is_empty())
                .collect()
        };
        let mut references = normalized(&words.references);
        let strong_count = references.len();
        references.extend(normalized(&words.continuations));
        let weak_end = references.len();
        references.extend(normalized(&words.fillers));
        references.extend(normalized(&words.aspects));
        let reference_ascii = references.iter().map(|word| word.is_ascii()).collect();
        let others = normalized(&words.others);
        let others_ascii = others.iter().map(|word| word.is_ascii()).collect();
        let mut aspect_words = Vec::new();
        let mut aspect_of = Vec::new();
        for (aspect, entry) in words.aspect_facts.iter().enumerate() {
            for word in normalized(&entry.asks) {
                aspect_words.push(word);
                aspect_of.push(aspect);
            }
        }
        let aspect_ascii = aspect_words.iter().map(|word| word.is_ascii()).collect();
        FollowUpMatcher {
            phrases,
            references: automaton(&references),
            reference_ascii,
            strong_count,
            weak_end,
            others: automaton(&others),
            others_ascii,
            aspect_asks: automaton(&aspect_words),
            aspect_ascii,
            aspect_of,
            aspect_said_by: words.aspect_facts.iter().map(|entry| entry.said_by.clone()).collect(),
        }
    }

    /// Whether a normalized question asks for something not said yet (还有别的…吗, what else).
    pub fn asks_for_others(&self, normalized: &str) -> bool {
        !word_matches(self.others.as_ref(), &self.others_ascii, normalized).is_empty()
    }

    /// The sentence words that say the aspects a normalized question asks (效果 → 有效, 打通).
    pub fn aspect_words(&self, normalized: &str) -> Vec<&str> {
        let mut aspects: Vec<usize> = word_matches(self.aspect_asks.as_ref(), &self.aspect_ascii, normalized)
            .into_iter()
            .map(|(pattern, _, _)| self.aspect_of[pattern])
            .collect();
        aspects.sort_unstable();
        aspects.dedup();
        aspects
            .into_iter()
            .flat_map(|aspect| self.aspect_said_by[aspect].iter().map(String::as_str))
            .collect()
    }

    /// Whether a normalized message is a navigation: one of the phrases with at most a
    /// few characters around it.
    pub fn navigation(&self, normalized: &str) -> Option<Navigation> {
        let length = normalized.chars().count();
        self.phrases.iter().find_map(|(phrase, navigation)| {
            // The length first: a long question is no navigation, without a search.
            if length > phrase.chars().count() + NAVIGATION_FILLER_CHARS {
                return None;
            }
            let found = if phrase.is_ascii() {
                ascii_word_position(normalized, phrase).is_some()
            } else {
                normalized.contains(phrase.as_str())
            };
            (found && length <= phrase.chars().count() + NAVIGATION_FILLER_CHARS).then_some(*navigation)
        })
    }

    /// Whether a normalized question points back at the conversation (它, 其中, 那里, it, or
    /// the weaker 那…呢, and).
    pub fn has_reference(&self, normalized: &str) -> bool {
        self.matches(normalized)
            .iter()
            .any(|&(pattern, _, _)| pattern < self.weak_end)
    }

    /// Whether it points back with a reference proper (它, 其中, it), not only a continuation.
    pub fn has_strong_reference(&self, normalized: &str) -> bool {
        self.matches(normalized)
            .iter()
            .any(|&(pattern, _, _)| pattern < self.strong_count)
    }

    /// Char spans of the reference, continuation, filler and aspect words in a normalized
    /// question.
    pub fn reference_spans(&self, normalized: &str) -> Vec<(usize, usize)> {
        self.matches(normalized)
            .into_iter()
            .map(|(_, start, end)| (start, end))
            .collect()
    }

    /// (pattern, char start, char end) of every reference, continuation, filler or aspect
    /// word.
    fn matches(&self, normalized: &str) -> Vec<(usize, usize, usize)> {
        word_matches(self.references.as_ref(), &self.reference_ascii, normalized)
    }
}

/// An automaton of the words (none when there are none).
fn automaton(words: &[String]) -> Option<AhoCorasick> {
    if words.is_empty() {
        return None;
    }
    crate::automaton::small_automaton(words, MatchKind::Standard)
}

/// (pattern, char start, char end) of every word of `matcher` in a normalized text, the
/// ASCII ones (`ascii` by pattern) on word boundaries only.
fn word_matches(matcher: Option<&AhoCorasick>, ascii: &[bool], normalized: &str) -> Vec<(usize, usize, usize)> {
    let Some(matcher) = matcher else {
        return Vec::new();
    };
    let bytes = normalized.as_bytes();
    let char_index = |byte: usize| normalized[..byte].chars().count();
    matcher
        .find_overlapping_iter(normalized)
        .filter(|found| {
            if !ascii[found.pattern().as_usize()] {
                return true;
            }
            let before_ok = found.start() == 0 || !bytes[found.start() - 1].is_ascii_alphanumeric();
            let after_ok = found.end() == bytes.len() || !bytes[found.end()].is_ascii_alphanumeric();
            before_ok && after_ok
        })
        .map(|found| {
            (
                found.pattern().as_usize(),
                char_index(found.start()),
                char_index(found.end()),
            )
        })
        .collect()
}

/// Where an ASCII phrase stands on word boundaries in a text, if it does.
fn ascii_word_position(text: &str, phrase: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    text.match_indices(phrase).map(|(start, _)| start).find(|&start| {
        let end = start + phrase.len();
        let before_ok = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let after_ok = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        before_ok && after_ok
    })
}

impl Engine {
    /// Stage 5 of the pipeline: what the conversation fills in. The question continues the
    /// conversation's topic when it names it, or names no topic of its own and is a
    /// follow-up ([`Engine::is_follow_up`]); 「那X呢」 without a kind of its own asks what
    /// was asked before.
    pub(crate) fn resolve_context<'f>(
        &self,
        question: &mut Question,
        focus: &'f Focus,
        standalone_best: usize,
        tracer: &mut Tracer,
    ) -> Resolution<'f> {
        let mut resolution = Resolution {
            best: standalone_best,
            context_use: ContextUse::default(),
            focus_facts: None,
            said_before: &[],
            shown: None,
        };
        let scoring = &question.scoring;
        let standalone_score = scoring.item_scores[standalone_best];
        // Places (香港 is a keyword of the 深港澳 item) name no topic to continue.
        let keyword_items = scoring.items_with_topic_hits(&self.index);
        let context_item = self.knowledge.items.iter().position(|item| item.number == focus.item);
        if let Some(context_item) = context_item {
            if keyword_items.contains(&context_item)
                && scoring.item_scores[context_item] >= CONTEXT_TOPIC_RATIO * standalone_score
            {
                // The question names the conversation's topic (perhaps among others, as
                // 城中村 is in two items); a much stronger other topic wins.
                resolution.context_use.topic = context_item != standalone_best;
                resolution.best = context_item;
            } else if !keyword_items.is_empty() && standalone_score >= MIN_ITEM_SCORE {
                // A complete question on another topic: the context does not apply.
            } else if self.is_follow_up(question, context_item, tracer) {
                resolution.context_use.topic = true;
                resolution.context_use.facts = !focus.facts.is_empty();
                resolution.best = context_item;
                resolution.focus_facts = Some(&focus.facts);
            }
        }
        if context_item == Some(resolution.best) {
            resolution.said_before = &focus.facts;
            resolution.shown = Some(&focus.shown);
        }
        self.carry_asked_kind(question, focus, standalone_best, &mut resolution);
        let context_use = resolution.context_use;
        if context_use.any() {
            tracer.note(|| {
                format!(
                    "context: item {} facts {:?} asked {:?} -> from context: topic {} attribute {} facts {}",
                    focus.item, focus.facts, focus.asked, context_use.topic, context_use.attribute, context_use.facts
                )
            });
        }
        resolution
    }

    /// A follow-up on the conversation's item (`shown`: the facts the conversation has
    /// shown of it): the facts that say the aspect it asks (效果 → 有效打通, 用的什么模式 →
    /// 方式) gain [`ASPECT_FACT_BONUS`]; one asking for something else (还有别的…吗) weighs
    /// the facts shown by [`OTHERS_SHOWN_FACTOR`]; either way the facts not shown win a tie.
    pub(crate) fn prefer_unshown_aspects(
        &self,
        normalized: &str,
        shown: &[usize],
        ranking: &mut FactRanking,
        tracer: &mut Tracer,
    ) {
        let aspect_words = self.follow_up.aspect_words(normalized);
        let others = self.follow_up.asks_for_others(normalized);
        if aspect_words.is_empty() && !others {
            return;
        }
        let Some(item) = self.knowledge.items.get(ranking.item) else {
            return;
        };
        let mut saying = Vec::new();
        for (fact, text) in item.facts.iter().map(|fact| fact.text.as_str()).enumerate() {
            let mut bonus = 0.0;
            if aspect_words.iter().any(|word| text.contains(word)) {
                bonus += ASPECT_FACT_BONUS;
                saying.push(fact);
            }
            let was_shown = shown.contains(&fact);
            if !was_shown {
                bonus += UNSHOWN_TIE_BONUS;
            }
            let factor = if others && was_shown { OTHERS_SHOWN_FACTOR } else { 1.0 };
            for scores in [&mut ranking.topic, &mut ranking.scores] {
                if let Some(score) = scores.get_mut(fact) {
                    *score = *score * factor + bonus;
                }
            }
        }
        // A follow-up pointing back (佢系边个区) is narrowed to the facts said before; when
        // only other facts of the item say the aspect it asks, they are asked about too.
        if !saying.is_empty() && !saying.iter().any(|fact| ranking.candidates.contains(fact)) {
            ranking.candidates.extend(saying.iter().copied());
            ranking.candidates.sort_unstable();
            // A fact saying the aspect asked may be the only one that answers it.
            ranking.answerable |= saying
                .iter()
                .any(|&fact| ranking.fits.get(fact).is_some_and(|fit| *fit != Fit::No));
        }
        ranking.listed = listed_facts(&self.index, ranking);
        tracer.note(|| {
            format!(
                "follow-up: aspect said by facts {saying:?}, asks for others {others}, shown {shown:?} -> facts {:?}",
                ranking.listed
            )
        });
    }

    /// 「那X呢」: a question without a kind of its own asks what was asked before (unless
    /// that was something the article never says: then X is simply shown). A question
    /// word of its own (用的什么模式) asks something of its own, even without a cue.
    fn carry_asked_kind(
        &self,
        question: &mut Question,
        focus: &Focus,
        standalone_best: usize,
        resolution: &mut Resolution,
    ) {
        let best = resolution.best;
        let standalone_score = question.scoring.item_scores[standalone_best];
        if question.analysis.asked.is_none()
            && !self.has_interrogative(&question.normalized)
            && !self.opens_english_yes_no(&question.normalized)
            && (best != standalone_best || resolution.context_use.topic || standalone_score >= MIN_ITEM_SCORE)
            && let Some(kind) = focus.asked.as_deref().and_then(|name| self.analyzer.kind_index(name))
            && self.analyzer.kind_rule(kind) != AnswerRule::None
        {
            question.analysis.asked = Some(kind);
            question.analysis.counted = self.topic_hit_text(best, &question.scoring);
            resolution.context_use.attribute = true;
        }
    }

    /// Whether a question without a topic of its own continues the conversation about
    /// `context_item`: it asks something (a figure, a place, who …), points back (它, 其中)
    /// or uses words of the item's sentences — and brings few words the article never uses
    /// (深圳明天会下雨吗 is a new question, not a follow-up).
    fn is_follow_up(&self, question: &Question, context_item: usize, tracer: &mut Tracer) -> bool {
        let normalized = question.normalized.as_str();
        // A reference proper (它获得了什么) may bring its own words; without one, most of the
        // question's words must be the article's.
        let mut words = self.unknown_bigrams(&question.analysis, normalized, &question.chars, context_item);
        // An English question all of whose content words are the translations' and one of
        // them a rare word of the item (so basically one network for the whole city?) goes
        // on about the item, as Chinese words of its sentences do.
        let english_of_the_item = words.english && words.unknown == 0 && words.in_item > 0;
        // The measure word asked (多少批) that a figure of the item counts with (347批次) is
        // a word of the item.
        words.in_item += usize::from(self.item_counts_the_asked_unit(&question.analysis, context_item));
        let strong_reference = self.follow_up.has_strong_reference(normalized);
        // A short question asking for something specific (a figure, a place, whether it is
        // free) continues the conversation despite a word or two the article never uses
        // (網上嘅有幾場, 是几个部门一起搞的), when it has nothing else or a word of the
        // conversation's item.
        let specific = question
            .analysis
            .asked
            .is_some_and(|kind| matches!(self.analyzer.kind_rule(kind), AnswerRule::Figure | AnswerRule::Words));
        let short_specific = specific
            && (words.unknown <= 1 || (words.unknown <= FOLLOW_UP_SPECIFIC_UNKNOWN_BIGRAMS && words.in_item > 0));
        tracer.note(|| {
            format!(
                "follow-up test: {} of {} content pairs unknown, {} of the item; strong reference {strong_reference}, short specific {short_specific}",
                words.unknown, words.content, words.in_item
            )
        });
        if !short_specific
            && (words.unknown > FOLLOW_UP_MAX_UNKNOWN_BIGRAMS
                || (!strong_reference && words.unknown as f32 > FOLLOW_UP_MAX_UNKNOWN_SHARE * words.content as f32))
        {
            return false;
        }
        // Any question word counts (是给谁打的, 实现了哪些功能, 得过什么奖 without a cue of
        // its own): the words the article never uses were counted above.
        let asks = question.analysis.asked.is_some() || self.has_interrogative(normalized);
        let overlap = self
            .index
            .item_fact_docs(context_item)
            .iter()
            .map(|&doc| question.scoring.doc_overlap[doc])
            .fold(0.0f32, f32::max);
        asks || self.follow_up.has_reference(normalized) || overlap >= FOLLOW_UP_MIN_OVERLAP || english_of_the_item
    }

    /// Whether a count question asks a measure word (多少批) that a figure of `item` answers
    /// with a measure word few items use (347批次; not 个).
    fn item_counts_the_asked_unit(&self, analysis: &Analysis, item: usize) -> bool {
        let Some(asked) = analysis.unit.as_ref() else {
            return false;
        };
        // The figure writes the very measure word asked, or it and one more character (批 →
        // 批次), not another word after it (个 → 个社区).
        let asked_chars = asked.word.chars().count();
        let writes_the_asked =
            |unit: &str| unit.starts_with(asked.word.as_str()) && unit.chars().count() <= asked_chars + 1;
        let rare = |unit: &str| {
            let chars: Vec<char> = unit.chars().collect();
            chars.windows(2).any(|pair| {
                self.index
                    .bigram_postings
                    .get(&(pair[0], pair[1]))
                    .is_some_and(|posting| posting.item_idf >= FOLLOW_UP_ITEM_WORD_MIN_IDF)
            })
        };
        self.index.item_fact_docs(item).iter().any(|&doc| {
            self.index.docs[doc].figures.iter().any(|figure| {
                writes_the_asked(&figure.unit)
                    && rare(&figure.unit)
                    && self.analyzer.figure_answers(analysis, figure) != Fit::No
            })
        })
    }

    /// Whether a normalized question holds a Chinese question word (什么, 多少): English
    /// ones ask only with a cue (what's the HKD to RMB rate is no follow-up: its words
    /// are not counted as the article's or not).
    pub(crate) fn has_interrogative(&self, normalized: &str) -> bool {
        self.vocabulary
            .interrogatives
            .iter()
            .any(|word| !word.is_ascii() && normalized.contains(word.as_str()))
    }

    /// How many pairs of Chinese characters of the question the article never uses, how
    /// many pairs there are, and how many are words of `item`'s sentences, besides the cue
    /// words, references and particles.
    fn unknown_bigrams(&self, analysis: &Analysis, normalized: &str, chars: &[char], item: usize) -> ContentWords {
        let mut masked = vec![false; chars.len()];
        for cue in &analysis.cues {
            for flag in masked.iter_mut().take(cue.end.min(chars.len())).skip(cue.start) {
                *flag = true;
            }
        }
        // A place (坪山有咩好食) says where, not what the question is about; a word asking
        // for the whole (一共多少人学了) how much of it.
        for &(start, end) in analysis.place_spans.iter().chain(&analysis.totals) {
            for flag in masked.iter_mut().take(end.min(chars.len())).skip(start) {
                *flag = true;
            }
        }
        for (start, end) in self.follow_up.reference_spans(normalized) {
            for flag in masked.iter_mut().take(end.min(chars.len())).skip(start) {
                *flag = true;
            }
        }
        if let Some(english) = self.english_content(chars, &masked, item) {
            return ContentWords {
                unknown: english.unknown,
                content: english.content,
                in_item: english.in_item,
                english: true,
            };
        }
        let content: Vec<(char, char)> = chars
            .windows(2)
            .enumerate()
            .filter(|(position, pair)| {
                !masked[*position]
                    && !masked[position + 1]
                    && pair.iter().all(|c| is_han(*c) && !self.vocabulary.is_particle(*c))
            })
            .map(|(_, pair)| (pair[0], pair[1]))
            .collect();
        let unknown = content
            .iter()
            .filter(|bigram| !self.index.bigram_postings.contains_key(bigram))
            .count();
        let in_item = content
            .iter()
            .filter(|bigram| {
                self.index.bigram_postings.get(bigram).is_some_and(|posting| {
                    posting.item_idf >= FOLLOW_UP_ITEM_WORD_MIN_IDF
                        && posting.docs.iter().any(|&doc| self.index.docs[doc].item == item)
                })
            })
            .count();
        ContentWords {
            unknown,
            content: content.len(),
            in_item,
            english: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> FollowUpMatcher {
        let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect();
        FollowUpMatcher::new(
            &FollowUpWords {
                next: words(&["下一件", "next"]),
                previous: words(&["上一件", "previous"]),
                more: words(&["详细一点", "还有呢", "more"]),
                references: words(&["其中", "它", "it"]),
                continuations: words(&["呢"]),
                fillers: words(&["请问"]),
                aspects: words(&["效果"]),
                others: words(&["别的", "else"]),
                aspect_facts: vec![crate::knowledge::questions::AspectFacts {
                    asks: words(&["效果", "模式"]),
                    said_by: words(&["有效", "方式"]),
                }],
            },
            &Vocabulary::default(),
        )
    }

    #[test]
    fn navigation_is_a_short_message_around_a_phrase() {
        let matcher = matcher();
        for (text, expected) in [
            ("下一件", Some(Navigation::Next)),
            ("下一件是什么", Some(Navigation::Next)),
            ("previous", Some(Navigation::Previous)),
            ("详细一点", Some(Navigation::More)),
            ("more", Some(Navigation::More)),
            ("tell me more about the wedding", None),
            ("下一件大事讲的是妇儿大厦吗", None),
            ("moreover", None),
        ] {
            assert_eq!(
                matcher.navigation(&crate::normalize::normalize(text)),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn references_are_found_on_word_boundaries() {
        let matcher = matcher();
        assert!(matcher.has_reference("其中免费的有多少"));
        assert!(matcher.has_strong_reference("其中免费的有多少"));
        assert!(matcher.has_reference("天气呢") && !matcher.has_strong_reference("天气呢"));
        assert!(!matcher.has_reference("请问天气如何"), "a filler is no reference");
        assert!(!matcher.has_reference("效果怎么样"), "an aspect word is no reference");
        assert_eq!(matcher.reference_spans("效果"), vec![(0, 2)]);
        assert_eq!(matcher.reference_spans("请问其中"), vec![(0, 2), (2, 4)]);
        assert!(matcher.has_reference("is it free"));
        assert!(!matcher.has_reference("items"));
        assert!(!matcher.has_reference("母婴室有多少间"));
    }

    #[test]
    fn others_and_aspects_are_found_on_word_boundaries() {
        let matcher = matcher();
        assert!(matcher.has_reference("其中免费的有多少"));
        assert!(matcher.asks_for_others("还有别的项目吗"));
        assert!(matcher.asks_for_others("what else"));
        assert!(!matcher.asks_for_others("elsewhere"));
        assert!(!matcher.asks_for_others("还有什么配套"));
        assert_eq!(matcher.aspect_words("效果怎么样"), vec!["有效", "方式"]);
        assert!(matcher.aspect_words("有多少人参加").is_empty());
    }
}
