//! A count asked of a thing the article never names (它有多少会员, 律师行业妇联有几多会员):
//! the noun the interrogative governs, after it, is no unit of `questions.toml`, no keyword
//! and none of its pairs of Chinese characters is in the article's sentences. The topic's
//! figures count something else, so the answer is related: the article does not say it.

use super::Engine;
use super::params::UNNAMED_THING_MAX_CHARS;
use super::pipeline::Question;
use crate::knowledge::questions::AnswerRule;
use crate::normalize::{chinese_digit, is_han};

impl Engine {
    /// The thing a count question counts (多少会员 → 会员) when the article never names it.
    pub(crate) fn uncounted_thing(&self, question: &Question) -> Option<String> {
        let analysis = &question.analysis;
        let kind = analysis.asked?;
        // A count: a figure of any unit (dates, durations and money have theirs).
        if self.analyzer.kind_rule(kind) != AnswerRule::Figure
            || self.analyzer.kind_has_units(kind)
            || analysis.unit.is_some()
        {
            return None;
        }
        let head = &analysis.head;
        let asking = head.interrogative.as_ref()?;
        let (start, end) = analysis.head_noun_span(&question.chars)?;
        // The counted noun follows the question word (多少会员); 会员有多少 names a topic.
        if start < asking.end
            || end - start > UNNAMED_THING_MAX_CHARS
            || self.head_noun_is_known(question, (start, end))
            // A noun holding a cue of `questions.toml` (多少通电话: 电话 asks a contact) is a
            // thing the question words know, read by their rules, not an unknown thing.
            || analysis.cues.iter().any(|cue| cue.start < end && start < cue.end)
        {
            return None;
        }
        let noun = &question.chars[start..end];
        // 几百场 asks a rough figure: 百场 is no thing.
        if noun
            .first()
            .is_some_and(|&c| chinese_digit(c).is_some() || "十百千万亿".contains(c))
        {
            return None;
        }
        let pairs: Vec<(char, char)> = noun
            .windows(2)
            .filter(|pair| pair.iter().all(|&c| is_han(c) && !self.vocabulary.is_particle(c)))
            .map(|pair| (pair[0], pair[1]))
            .collect();
        let named = pairs.iter().any(|pair| self.index.bigram_postings.contains_key(pair));
        (!pairs.is_empty() && !named).then(|| head.noun.clone())
    }
}
