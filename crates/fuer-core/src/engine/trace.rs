//! The trace of one answer: what the pipeline saw and decided, recorded as it ran.
//!
//! `fuer-bot ask --explain` prints it. The pipeline that answers is the one that records:
//! [`crate::engine::Engine::answer`] runs with the tracer off, [`crate::engine::Engine::explain`]
//! with it on, so the explanation can never disagree with the answer. The lines the
//! analysis and the scoring stages record are rendered here.

use super::Engine;
use super::analysis::Analysis;
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
    pub(crate) fn trace_analysis(&self, analysis: &Analysis, tracer: &mut Tracer) {
        if !tracer.enabled() {
            return;
        }
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
