//! A follow-up whose head noun the conversation's item never writes (该系统是由哪家公司开发的
//! after the rights-protection system, 有哪些公司在招 after the job fairs): the item came
//! from the conversation, so the question's own words are all it asks, and the thing its
//! question word governs (公司) is said by none of the item's sentences. The answer is
//! *related*: the item's facts are offered, the thing asked is reported missing.
//!
//! Only follow-ups on the conversation's item are read this way: a single question names
//! its topic with its own words, which the item scoring has weighed already.

use super::Engine;
use super::pipeline::Question;
use super::ranking::ScopeGap;
use super::trace::Tracer;
use crate::normalize::is_han;

/// The last characters of the question words that determine a noun besides a measure
/// word (哪家, 几个): 哪些, 什么, 啥 and the Cantonese 咩, 乜.
const DETERMINER_ENDS: [char; 5] = ['些', '么', '啥', '咩', '乜'];

impl Engine {
    /// Whether the words ending at `end` modify a noun after them (出名的爱心妈妈), rather
    /// than end the question (哪家公司开发的).
    fn modifies_a_noun(&self, chars: &[char], end: usize) -> bool {
        chars.get(end) == Some(&'的')
            && chars
                .get(end + 1)
                .is_some_and(|&next| is_han(next) && !self.vocabulary.is_particle(next))
    }

    /// Whether a character is a measure word of its own (家, 个, 项).
    fn is_measure_word(&self, c: char) -> bool {
        self.vocabulary
            .measure_words()
            .iter()
            .any(|word| word.as_slice() == [c])
    }

    /// The head noun of a follow-up on `item` that none of the item's sentences writes a
    /// pair of characters of, as a gap; none when the noun is a cue word, a keyword, a
    /// reference (它) or an aspect word, or has no pair of Chinese characters.
    pub(crate) fn follow_up_head_gap(&self, question: &Question, item: usize, tracer: &mut Tracer) -> Option<ScopeGap> {
        let analysis = &question.analysis;
        let asking = analysis.head.interrogative.as_ref()?;
        let (start, end) = analysis.head_noun_span(&question.chars)?;
        // The question word is a determiner of the noun right after it (哪家公司, 哪些公司,
        // 什么奖), not a pronoun (谁牵头出的, 哪里先做的); the noun is not a modifier of
        // another (哪些出名的爱心妈妈).
        let determiner = question.chars[..asking.end]
            .last()
            .is_some_and(|&last| DETERMINER_ENDS.contains(&last) || self.is_measure_word(last));
        if !determiner
            || start != asking.end
            || self.modifies_a_noun(&question.chars, end)
            || analysis.cues.iter().any(|cue| cue.start < end && start < cue.end)
            || self.head_noun_is_known(question, (start, end))
        {
            return None;
        }
        let pairs: Vec<String> = question.chars[start..end]
            .windows(2)
            .filter(|pair| pair.iter().all(|&c| is_han(c) && !self.vocabulary.is_particle(c)))
            .map(|pair| pair.iter().collect())
            .collect();
        if pairs.is_empty() {
            return None;
        }
        let docs = self.index.answer_docs(item);
        let written = pairs.iter().any(|pair| {
            docs.iter()
                .any(|&doc| self.index.docs[doc].text.contains(pair.as_str()))
        });
        if written {
            return None;
        }
        let noun = analysis.head.noun.clone();
        tracer.note(|| format!("follow-up head \"{noun}\": the conversation's item never writes it"));
        Some(ScopeGap::Unnamed(noun))
    }
}
