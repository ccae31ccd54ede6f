//! The lead of a reply to a yes/no question (issue 13, class 2): 有 / 是的 / Yes, only where
//! the fact answering it plainly settles it.
//!
//! A fact settles a yes/no question when it says what the question says: most of the
//! question's words (its *claim*: everything but the yes/no words, particles and spaces)
//! are found in the fact, as a keyword of the question linked to the fact or as words of
//! the fact's own text, and no modifier of the question fails to narrow (是不是每年都结对:
//! the article never says 每年, so it does not settle it). Places and years outside the
//! article never get a lead.

use super::Engine;
use super::analysis::{Analysis, CueRole, ModifierReason, Narrowing};
use super::answer::Lead;
use super::params::{LEAD_MIN_COVERAGE, LEAD_MIN_ENGLISH_WORD_LETTERS};
use super::ranking::FactRanking;
use super::scoring::Scoring;

impl Engine {
    /// The lead for an answered yes/no question whose first fact is `fact` of `item`
    /// (indexes into the engine's items and the item's answer docs).
    pub(crate) fn lead(
        &self,
        chars: &[char],
        analysis: &Analysis,
        scoring: &Scoring,
        ranking: &FactRanking,
        fact: usize,
    ) -> Option<Lead> {
        let head = &analysis.head;
        if !head.yes_no || !analysis.other_places.is_empty() || !analysis.other_years.is_empty() {
            return None;
        }
        let fails_to_narrow = analysis
            .modifiers
            .iter()
            .zip(&ranking.narrowings)
            .any(|(modifier, narrowing)| match narrowing {
                Narrowing::To(facts) => !facts.contains(&fact),
                Narrowing::NoFact | Narrowing::Unsayable => modifier.reason != ModifierReason::InsideKeyword,
            });
        if fails_to_narrow {
            return None;
        }
        let docs = self.index.answer_docs(ranking.item);
        let doc = &self.index.docs[*docs.get(fact)?];
        let mut covered = vec![false; chars.len()];
        // Keywords of the question that point at this fact (or at its item as a whole).
        for hit in &scoring.hits {
            let pattern = &self.index.patterns[hit.pattern];
            let links = pattern.terms.iter().any(|&t| {
                let term = &self.index.terms[t];
                term.item == ranking.item && (term.linked_facts.is_empty() || term.linked_facts.contains(&fact))
            });
            if links {
                covered[hit.start.min(chars.len())..hit.end.min(chars.len())].fill(true);
            }
        }
        // Words of the fact's text (two characters or more) and the article's home.
        let home: Vec<char> = self.analyzer.home().chars().collect();
        for start in 0..chars.len() {
            let mut end = start + 2;
            while end <= chars.len() {
                let piece: String = chars[start..end].iter().collect();
                if !doc.text.contains(piece.as_str()) && chars[start..end] != home[..] {
                    break;
                }
                end += 1;
            }
            if end > start + 2 {
                covered[start..end - 1].fill(true);
            }
        }
        let asking = |position: usize| {
            analysis
                .cues
                .iter()
                .any(|cue| cue.role != CueRole::Noun && cue.start <= position && position < cue.end)
        };
        let (mut claim, mut found) = (0usize, 0usize);
        let mut position = 0;
        while position < chars.len() {
            let c = chars[position];
            if c.is_ascii_alphanumeric() {
                let end = (position..chars.len())
                    .find(|&p| !chars[p].is_ascii_alphanumeric())
                    .unwrap_or(chars.len());
                let word: String = chars[position..end].iter().collect();
                let counts = word.len() >= LEAD_MIN_ENGLISH_WORD_LETTERS || word.chars().any(|c| c.is_ascii_digit());
                if counts && !asking(position) && word != self.analyzer.home() {
                    claim += word.len();
                    if covered[position] {
                        found += word.len();
                    }
                }
                position = end;
                continue;
            }
            if c != ' ' && !self.vocabulary.is_particle(c) && !asking(position) {
                claim += 1;
                found += usize::from(covered[position]);
            }
            position += 1;
        }
        if claim == 0 || (found as f32) < LEAD_MIN_COVERAGE * claim as f32 {
            return None;
        }
        Some(if head.existence { Lead::Exists } else { Lead::Affirms })
    }
}
