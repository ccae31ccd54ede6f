//! A figure given as a goal (`[target]` of `questions.toml`): 超额完成建设儿童友好社区覆盖率达
//! 60%的年度目标任务 says what the year aimed at, not what was reached. A question asking
//! what was actually reached (覆盖率实际达到了百分之多少: `asks`) is answered only by a
//! figure whose clause does not give it as a goal (`listed_by`: 目标, 任务). When every
//! figure of the answering fact that fits what is asked is a goal, the answer is
//! *related*: the article does not say the actual figure, the fact is offered. A question
//! writing a goal word itself (60%是年度目标还是实际达成值) is answered by the goal.

use super::Engine;
use super::analysis::{Fit, WordMatcher, byte_to_char_map};
use super::pipeline::Question;
use super::vocabulary::Vocabulary;
use crate::knowledge::questions::DetailWords;

/// The compiled `[target]` words.
#[derive(Debug)]
pub(crate) struct TargetMatcher {
    /// Words asking what was actually reached (实际, actually).
    asks: WordMatcher,
    /// Words of a clause giving its figure as a goal (目标, 任务), as written.
    goal_words: Vec<String>,
    label: String,
}

impl TargetMatcher {
    pub(crate) fn new(target: &DetailWords, vocabulary: &Vocabulary) -> TargetMatcher {
        TargetMatcher {
            asks: WordMatcher::new(&target.asks, vocabulary),
            goal_words: target.listed_by.clone(),
            label: target.label.clone(),
        }
    }
}

impl Engine {
    /// The `[target]` label when the question asks what was actually reached and every
    /// figure of the fact (`doc`) answering it is given as a goal.
    pub(crate) fn goal_for_actual(&self, question: &Question, doc: usize) -> Option<String> {
        let matcher = &self.targets;
        if matcher
            .asks
            .find(&question.normalized, &byte_to_char_map(&question.normalized))
            .is_empty()
            // 60%是年度目标还是实际达成值 asks which of the two it is: the goal word answers.
            || matcher.goal_words.iter().any(|word| question.normalized.contains(word.as_str()))
        {
            return None;
        }
        let answering: Vec<_> = self.index.docs[doc]
            .counts
            .iter()
            .filter(|phrase| self.analyzer.figure_answers(&question.analysis, &phrase.figure) != Fit::No)
            .collect();
        let all_goals = !answering.is_empty()
            && answering.iter().all(|phrase| {
                matcher
                    .goal_words
                    .iter()
                    .any(|word| phrase.written.contains(word.as_str()))
            });
        all_goals.then(|| matcher.label.clone())
    }
}
