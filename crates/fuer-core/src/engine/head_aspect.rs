//! The aspect a question's head noun names (issue 13): a which-question whose interrogative
//! governs an aspect word of `[[followup.aspect_facts]]` (依据的是哪份文件, which policy
//! document …, 有哪些特色品牌) asks for what the facts saying that aspect say (《…》,
//! 品牌). Among the facts the question is about, those put first; the others follow in
//! their own order; when a keyword narrowed the question to facts that name no such thing,
//! the item's facts that do join them. Follow-ups use the same words through
//! `prefer_unshown_aspects`.

use crate::knowledge::questions::AnswerRule;

use super::Engine;
use super::analysis::{Analysis, CueRole, Fit};
use super::params::HEAD_ASPECT_TIE;
use super::ranking::{FactRanking, listed_facts};
use super::trace::Tracer;

impl Engine {
    /// Puts first the candidate facts that say the aspect the head noun of a which- or
    /// what-question names (not a figure asked: the figure decides those).
    pub(crate) fn prefer_head_aspect(&self, analysis: &Analysis, ranking: &mut FactRanking, tracer: &mut Tracer) {
        let asks_words = analysis
            .asked
            .is_some_and(|kind| matches!(self.analyzer.kind_rule(kind), AnswerRule::Any | AnswerRule::Words));
        let wh = analysis
            .head
            .interrogative
            .as_ref()
            .is_some_and(|cue| cue.role == CueRole::Wh);
        if !asks_words || !wh || analysis.head.noun.is_empty() {
            return;
        }
        let aspect_words = self.follow_up.aspect_words(&analysis.head.noun);
        let Some(item) = self.knowledge.items.get(ranking.item) else {
            return;
        };
        let says = |fact: usize| {
            item.facts
                .get(fact)
                .is_some_and(|f| aspect_words.iter().any(|word| f.text.contains(word)))
        };
        let mut saying: Vec<usize> = ranking.candidates.iter().copied().filter(|&f| says(f)).collect();
        if saying.is_empty() {
            // The facts a keyword narrowed the question to name no such thing (which policy
            // document … child-friendly city): the item's facts that do answer it.
            saying = (0..item.facts.len())
                .filter(|&f| says(f) && ranking.fits.get(f).is_some_and(|&fit| fit != Fit::No))
                .collect();
            ranking.candidates.extend(saying.iter().copied());
        } else if saying.len() == ranking.candidates.len() {
            return;
        }
        if saying.is_empty() {
            return;
        }
        let best = ranking
            .candidates
            .iter()
            .filter_map(|&f| ranking.scores.get(f))
            .fold(0.0f32, |best, &score| best.max(score));
        for &fact in &saying {
            for scores in [&mut ranking.topic, &mut ranking.scores] {
                if let Some(score) = scores.get_mut(fact) {
                    *score += best + HEAD_ASPECT_TIE;
                }
            }
        }
        ranking.listed = listed_facts(&self.index, ranking);
        tracer.note(|| {
            format!(
                "head noun \"{}\" names an aspect said by facts {saying:?} -> facts {:?}",
                analysis.head.noun, ranking.listed
            )
        });
    }
}
