//! The trace of one answer: what the pipeline saw and decided, recorded as it ran.
//!
//! `fuer-bot ask --explain` prints it. The pipeline that answers is the one that records:
//! [`crate::engine::Engine::answer`] runs with the tracer off, [`crate::engine::Engine::explain`]
//! with it on, so the explanation can never disagree with the answer. The lines the
//! analysis and the scoring stages record are rendered here.

use super::Engine;
use super::analysis::{Analysis, CueMatch, ModifierReason, Narrowing};
use super::ranking::FactRanking;
use super::scoring::Scoring;

/// Recorded lines of one answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trace {
    pub lines: Vec<String>,
}

impl Trace {
    pub fn render(&self) -> String {
        self.lines.join("\n")
    }
}

/// Records into a trace when switched on; costs nothing when off.
pub struct Tracer<'a> {
    trace: Option<&'a mut Trace>,
}

impl<'a> Tracer<'a> {
    pub fn off() -> Tracer<'static> {
        Tracer { trace: None }
    }

    pub fn on(trace: &'a mut Trace) -> Tracer<'a> {
        Tracer { trace: Some(trace) }
    }

    pub fn enabled(&self) -> bool {
        self.trace.is_some()
    }

    /// Adds a line; the closure runs only when tracing.
    pub fn note(&mut self, line: impl FnOnce() -> String) {
        if let Some(trace) = self.trace.as_deref_mut() {
            trace.lines.push(line());
        }
    }
}

impl Engine {
    pub(crate) fn trace_analysis(&self, analysis: &Analysis, normalized: &str, tracer: &mut Tracer) {
        if !tracer.enabled() {
            return;
        }
        self.trace_head(analysis, normalized, tracer);
        let cues: Vec<String> = analysis
            .cues
            .iter()
            .map(|cue| format!("{}@{}..{}", self.analyzer.kind_name(cue.kind), cue.start, cue.end))
            .collect();
        let asked = analysis.asked.map_or("-".to_string(), |kind| {
            format!(
                "{} (answer: {}, label: {})",
                self.analyzer.kind_name(kind),
                self.analyzer.kind_rule(kind).name(),
                self.analyzer.asked_label(analysis)
            )
        });
        let unit = analysis.unit.as_ref().map_or("-".to_string(), |unit| {
            format!("{} ({})", unit.word, self.analyzer.unit_label(unit.class))
        });
        tracer.note(|| {
            format!(
                "asked: {asked}; cues [{}]; unit {unit}; other places {:?}; other years {:?}",
                cues.join(" "),
                analysis.other_places,
                analysis.other_years
            )
        });
    }

    /// The head (interrogative, governed noun, deciding cue) and the modifiers.
    fn trace_head(&self, analysis: &Analysis, normalized: &str, tracer: &mut Tracer) {
        let chars: Vec<char> = normalized.chars().collect();
        let word = |cue: &CueMatch| -> String { chars[cue.start..cue.end.min(chars.len())].iter().collect() };
        let head = &analysis.head;
        let interrogative = head.interrogative.as_ref().map_or("-".to_string(), |cue| {
            format!("\"{}\" ({})", word(cue), self.analyzer.kind_name(cue.kind))
        });
        let deciding = head.cue.as_ref().map_or("-".to_string(), |cue| {
            format!("\"{}\" ({})", word(cue), self.analyzer.kind_name(cue.kind))
        });
        let form = match (head.yes_no, head.existence) {
            (true, true) => "existence",
            (true, false) => "yes/no",
            _ => "open",
        };
        tracer.note(|| {
            format!(
                "head: interrogative {interrogative}; governs \"{}\"; decided by {deciding}; {form} question",
                head.noun
            )
        });
        for modifier in &analysis.modifiers {
            let why = match modifier.reason {
                ModifierReason::InsideKeyword => "inside a keyword of the question: no cue",
                ModifierReason::TheKeyword => "the keyword the question asks about: no cue",
                ModifierReason::NotAsked => "not what is asked: a modifier",
                ModifierReason::Example => "among examples the asker offers: a modifier",
            };
            tracer.note(|| {
                format!(
                    "modifier \"{}\" ({}): {why}",
                    word(&modifier.cue),
                    self.analyzer.kind_name(modifier.cue.kind)
                )
            });
        }
    }

    /// Why each modifier did or did not narrow the facts of one item.
    pub(crate) fn trace_narrowings(&self, number: u8, ranking: &FactRanking, analysis: &Analysis, tracer: &mut Tracer) {
        for (modifier, narrowing) in analysis.modifiers.iter().zip(&ranking.narrowings) {
            if modifier.reason.is_keyword() {
                continue;
            }
            let kind = self.analyzer.kind_name(modifier.cue.kind);
            let what = match narrowing {
                Narrowing::To(facts) => format!("narrows to facts {facts:?} (they say it)"),
                Narrowing::NoFact => "does not narrow: no fact of the item says it".to_string(),
                Narrowing::Unsayable => "does not narrow: the article never says such things".to_string(),
            };
            tracer.note(|| {
                format!(
                    "item {number}: modifier ({kind}) at {}..{} {what}",
                    modifier.cue.start, modifier.cue.end
                )
            });
        }
    }

    pub(crate) fn trace_scoring(&self, scoring: &Scoring, tracer: &mut Tracer) {
        if !tracer.enabled() {
            return;
        }
        for hit in &scoring.hits {
            let pattern = &self.index.patterns[hit.pattern];
            let terms: Vec<String> = pattern
                .terms
                .iter()
                .map(|&t| {
                    let term = &self.index.terms[t];
                    let level = if term.fact_level { "fact" } else { "item" };
                    format!("{}:{level}:{:.1}", self.knowledge.items[term.item].number, term.weight)
                })
                .collect();
            tracer.note(|| {
                format!(
                    "hit {:?} chars {}..{} {} x{:.2} -> {}",
                    pattern.text(),
                    hit.start,
                    hit.end,
                    hit.kind.name(),
                    hit.factor,
                    terms.join(" ")
                )
            });
        }
        if let Some(found) = scoring.fallback {
            tracer.note(|| {
                format!(
                    "fallback (no keyword): item {} score {:.2} (next {:.2}) rare pairs {} {}",
                    self.knowledge.items.get(found.item).map_or(0, |item| item.number),
                    found.score,
                    found.runner_up,
                    found.rare_pairs,
                    if found.lands() { "lands" } else { "too weak" }
                )
            });
        }
        for (doc_index, doc) in self.index.docs.iter().enumerate() {
            let overlap = scoring.doc_overlap[doc_index];
            let figures = scoring.doc_figures[doc_index];
            if overlap > 0.0 || figures > 0.0 {
                let fact = doc.fact.map_or("headline".to_string(), |f| format!("fact {f}"));
                let number = self.knowledge.items[doc.item].number;
                tracer.note(|| format!("doc item {number} {fact}: overlap {overlap:.2} figures {figures:.2}"));
            }
        }
        let scores: Vec<String> = scoring
            .item_scores
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}={s:.2}", self.knowledge.items[i].number))
            .collect();
        tracer.note(|| format!("item scores: {}", scores.join(" ")));
    }
}
