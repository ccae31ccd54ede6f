//! The last stage of the pipeline: the [`Answer`] from the ranked parts — confidence,
//! suggestions, and per topic the facts to show or what the article does not say.

use crate::normalize::is_han;

use super::Engine;
use super::analysis::Analysis;
use super::answer::{Answer, FigureComparison, Intent, Lead, Missing, Part, Status};
use super::index::nfkc;
use super::params::{
    ALSO_MENTIONED_RATIO, AMBIGUITY_RATIO, AMBIGUOUS_CONFIDENCE_FACTOR, MAX_SUGGESTIONS, MIN_ITEM_SCORE,
};
use super::pipeline::{Question, Resolution};
use super::ranking::{FactRanking, ScopeGap, most_relevant_facts};
use super::scoring::Scoring;
use super::trace::Tracer;
use super::whole::answering_phrase;

impl Engine {
    /// Stage 8: the answer from the ranked parts (the first part is the best item).
    pub(crate) fn assemble(
        &self,
        question: &Question,
        parts: Vec<(usize, FactRanking)>,
        resolution: &Resolution,
        ranked: &[usize],
        tracer: &mut Tracer,
    ) -> Answer {
        let scoring = &question.scoring;
        let analysis = &question.analysis;
        let answered_parts: Vec<Part> = parts
            .iter()
            .map(|(item, ranking)| self.part(question.text, *item, ranking, scoring, analysis, tracer))
            .collect();
        let mut answer = Answer::without_item(Intent::Item);
        (answer.confidence, answer.suggestions) = self.confidence_and_suggestions(scoring, &parts, resolution, ranked);
        answer.asked = self.asked_summary(analysis);
        answer.context_use = resolution.context_use;
        answer.topic_facts = parts
            .first()
            .map(|(_, ranking)| ranking.topic_facts())
            .unwrap_or_default();
        self.fill_parts(&mut answer, answered_parts);
        self.set_lead(&mut answer, question, &parts);
        tracer.note(|| {
            format!(
                "decision: {} item {:?} facts {:?}{}",
                answer.status.as_str(),
                answer.item,
                answer.facts,
                if answer.more.is_empty() {
                    String::new()
                } else {
                    format!(" and {} more topic(s)", answer.more.len())
                }
            )
        });
        answer
    }

    /// The answer's confidence (lower when another item scores nearly as well, unless the
    /// conversation chose) and the other items the question may mean, best first.
    fn confidence_and_suggestions(
        &self,
        scoring: &Scoring,
        parts: &[(usize, FactRanking)],
        resolution: &Resolution,
        ranked: &[usize],
    ) -> (f32, Vec<u8>) {
        let best = resolution.best;
        // The best score the answer is measured by (a follow-up counts as one keyword).
        let best_score = scoring.item_scores[best].max(MIN_ITEM_SCORE);
        let part_items: Vec<usize> = parts.iter().map(|(item, _)| *item).collect();
        let ambiguous = parts.len() == 1
            && !resolution.context_use.any()
            && ranked
                .iter()
                .filter(|&&item| item != best)
                .any(|&item| scoring.item_scores[item] >= AMBIGUITY_RATIO * best_score);
        let keyword_items = scoring.items_with_keyword_hits(&self.index);
        let suggestions: Vec<u8> = ranked
            .iter()
            .filter(|item| !part_items.contains(item))
            .filter(|&&item| {
                scoring.item_scores[item] >= AMBIGUITY_RATIO * best_score
                    || (keyword_items.contains(&item) && scoring.item_scores[item] >= ALSO_MENTIONED_RATIO * best_score)
            })
            .take(MAX_SUGGESTIONS)
            .map(|&item| self.knowledge.items[item].number)
            .collect();
        let margin = if ambiguous { AMBIGUOUS_CONFIDENCE_FACTOR } else { 1.0 };
        ((best_score / (best_score + 1.0)) * margin, suggestions)
    }

    /// The lead of an answered question, from its first topic's first fact: a yes/no
    /// question's 有 / 是的, else the figure a count asks for (one topic only); a compared
    /// figure's 是的 / 不是 (or none) replaces them.
    fn set_lead(&self, answer: &mut Answer, question: &Question, parts: &[(usize, FactRanking)]) {
        let (Some((item, ranking)), Some(&fact)) = (parts.first(), answer.facts.first()) else {
            return;
        };
        if answer.status != Status::Answered {
            return;
        }
        let (analysis, scoring) = (&question.analysis, &question.scoring);
        if answer.more.is_empty() && ranking.item == *item {
            answer.lead = self
                .lead(&question.chars, analysis, scoring, ranking, fact)
                .or_else(|| self.figure_lead(&question.chars, &question.raw, analysis, scoring, ranking.item, fact));
        }
        if let Some(comparison) = self.comparison(*item, fact, analysis, &question.chars) {
            answer.lead = Lead::of_comparison(comparison.holds);
            answer.comparison = Some(comparison);
        }
    }

    /// For a yes/no question comparing a figure: the article's figure of fact `fact` of
    /// `item` that answers it, and whether it settles the comparison.
    fn comparison(&self, item: usize, fact: usize, analysis: &Analysis, chars: &[char]) -> Option<FigureComparison> {
        let compared = analysis.compared.as_ref()?;
        let doc = *self.index.answer_docs(item).get(fact)?;
        let phrase = answering_phrase(&self.index, &self.analyzer, doc, analysis, chars)?;
        Some(FigureComparison {
            asked: compared.figure.as_written(),
            relation: compared.relation,
            found: phrase.figure.as_written(),
            holds: compared.settles(&phrase.figure),
        })
    }

    /// Puts the parts into the answer: the first is `item`/`facts`, the others `more`.
    /// Answered when any part is answered.
    pub(crate) fn fill_parts(&self, answer: &mut Answer, parts: Vec<Part>) {
        let any_answered = parts.iter().any(|part| part.missing.is_none());
        let mut parts = parts.into_iter();
        if let Some(first) = parts.next() {
            answer.item = Some(first.item);
            answer.facts = first.facts;
            answer.missing = first.missing;
        }
        answer.more = parts.collect();
        answer.status = if any_answered {
            Status::Answered
        } else {
            Status::Related
        };
    }

    /// One topic's part: its listed facts, or the most relevant ones with what is missing.
    pub(crate) fn part(
        &self,
        question: &str,
        item: usize,
        ranking: &FactRanking,
        scoring: &Scoring,
        analysis: &Analysis,
        tracer: &mut Tracer,
    ) -> Part {
        let number = self.knowledge.items[item].number;
        tracer.note(|| {
            let fmt = |values: &[f32]| values.iter().map(|v| format!("{v:.2}")).collect::<Vec<_>>().join(" ");
            format!(
                "item {number} facts: topic [{}] specific [{}] candidates {:?} fits {:?} scores [{}]",
                fmt(&ranking.topic),
                fmt(&ranking.specific),
                ranking.candidates,
                ranking.fits,
                fmt(&ranking.scores)
            )
        });
        self.trace_narrowings(number, ranking, analysis, tracer);
        // The topic's name is only needed to say what is missing.
        let topic = || self.topic_name(item, scoring, question);
        let missing = if let Some(gap) = &ranking.scope_gap {
            Some(match gap {
                ScopeGap::Place(place) => Missing::Place {
                    topic: topic(),
                    place: place.clone(),
                    home: self.analyzer.home().to_string(),
                },
                ScopeGap::WholePlace(place) => Missing::Place {
                    topic: topic(),
                    place: place.clone(),
                    home: self.analyzer.home().to_string(),
                },
                ScopeGap::Part => Missing::Asked {
                    topic: topic(),
                    label: self.analyzer.whole_label().to_string(),
                },
                ScopeGap::Unsettled => Missing::Asked {
                    topic: topic(),
                    label: self.analyzer.alternative_label().to_string(),
                },
                ScopeGap::Unnamed(thing) | ScopeGap::Unsaid(thing) => Missing::Asked {
                    topic: topic(),
                    label: thing.clone(),
                },
                ScopeGap::Year(year) => Missing::Year {
                    topic: topic(),
                    asked: *year,
                    year: self.analyzer.year(),
                },
            })
        } else if self.analyzer.asks_the_unsayable(analysis) || !ranking.answerable {
            Some(Missing::Asked {
                topic: topic(),
                label: self.analyzer.asked_label(analysis),
            })
        } else {
            None
        };
        if let Some(missing) = &missing {
            tracer.note(|| format!("item {number}: related, the article does not say it: {missing:?}"));
            return Part {
                item: number,
                facts: most_relevant_facts(ranking, 1),
                missing: Some(missing.clone()),
            };
        }
        Part {
            item: number,
            facts: ranking.listed.clone(),
            missing: None,
        }
    }

    /// The topic as the question named it: the longest keyword hit of the item with
    /// Chinese in it (in the question's own letter case: HPV疫苗), else the item's title.
    fn topic_name(&self, item: usize, scoring: &Scoring, question: &str) -> String {
        let Some(pattern) = self
            .item_hit_patterns(item, scoring)
            .filter(|pattern| pattern.chars.iter().any(|c| is_han(*c)) && pattern.chars.len() >= 2)
            .max_by_key(|pattern| pattern.chars.len())
        else {
            return self.knowledge.items[item].title.clone();
        };
        let text = pattern.text();
        let original = nfkc(question);
        // Lowercasing ASCII keeps byte offsets, so the match can be cut from the original.
        match original.to_ascii_lowercase().find(&text) {
            Some(start) => original[start..start + text.len()].to_string(),
            None => text,
        }
    }
}
