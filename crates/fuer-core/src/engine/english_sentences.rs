//! English questions of several sentences, and English compound modifiers.
//!
//! **The sentence that asks.** An English asker often says who they are or what they saw
//! before asking (I'm a domestic helper from the Philippines. How many talks …?; My kids
//! love the Women and Children Building in Futian. How many visits …?), or asks a yes/no
//! question before the specific one (Does Shenzhen give free HPV shots to school-age girls?
//! How many doses were given?). The last sentence holding a wh-word (how many, which,
//! what, when, where) is the head of the question; a sentence before it with no wh-word,
//! and one after it asking nothing (My employer asked me.), is context: its cues decide
//! nothing, and a place named only there is not the scope of what is asked.
//!
//! **Compound modifiers.** A cue word joined by hyphens to other words (age of school-age
//! girls, time of a first-time mother, wide of city-wide) describes the noun after it: it is
//! no cue, as a cue inside a keyword is none.

use super::Engine;
use super::analysis::CueRole;

/// The marks ending an English sentence; a full stop ends one only before a space or the
/// end (4.2 is a number).
const SENTENCE_ENDS: [char; 3] = ['?', '!', ';'];

/// Splits a raw question into its English sentences (marks dropped, empty ones left out),
/// each with whether it is a statement: it ends with a full stop and another sentence
/// follows (I'm a helper who wants to learn. How many …: its "who" asks nothing).
pub(crate) fn english_sentences(raw: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = raw.chars().collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    for (at, &c) in chars.iter().enumerate() {
        let full_stop = c == '.' && chars.get(at + 1).is_none_or(|next| next.is_whitespace());
        if SENTENCE_ENDS.contains(&c) || full_stop {
            if !current.trim().is_empty() {
                out.push((std::mem::take(&mut current), full_stop));
            }
            current.clear();
        } else {
            current.push(c);
        }
    }
    if !current.trim().is_empty() {
        out.push((current, false));
    }
    if let Some(last) = out.last_mut() {
        last.1 = false;
    }
    out
}

/// Where each of `pieces` (normalized) stands in `chars`, found in order; none when one is
/// not found.
fn piece_spans(pieces: &[String], chars: &[char]) -> Option<Vec<(usize, usize)>> {
    let mut spans = Vec::with_capacity(pieces.len());
    let mut cursor = 0;
    for piece in pieces {
        let piece: Vec<char> = piece.trim().chars().collect();
        if piece.is_empty() {
            spans.push((cursor, cursor));
            continue;
        }
        let offset =
            (cursor..=chars.len().saturating_sub(piece.len())).find(|&at| chars[at..at + piece.len()] == *piece)?;
        spans.push((offset, offset + piece.len()));
        cursor = offset + piece.len();
    }
    Some(spans)
}

/// The hyphenated words of a raw question (school-age, first-time), as written.
fn hyphenated(raw: &str) -> Vec<&str> {
    raw.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map(|word| word.trim_matches('-'))
        .filter(|word| word.contains('-') && word.split('-').all(|part| !part.is_empty()))
        .collect()
}

impl Engine {
    /// The spans (characters of `normalized`) of the sentences of an English question that
    /// are context, not its head (see the module's documentation); none for a question
    /// with Chinese in it, of one sentence, or with no wh-word.
    pub(crate) fn english_context_spans(&self, raw: &str, normalized: &str) -> Vec<(usize, usize)> {
        if raw.chars().any(crate::normalize::is_han) {
            return Vec::new();
        }
        let sentences = english_sentences(raw);
        if sentences.len() < 2 {
            return Vec::new();
        }
        let normalized_sentences: Vec<String> = sentences
            .iter()
            .map(|(text, _)| self.vocabulary.normalize(text))
            .collect();
        let chars: Vec<char> = normalized.chars().collect();
        let Some(spans) = piece_spans(&normalized_sentences, &chars) else {
            return Vec::new();
        };
        let roles: Vec<(bool, bool)> = normalized_sentences
            .iter()
            .map(|sentence| {
                let cues = self.analyzer.analyze(sentence, &[]).cues;
                let wh = cues.iter().any(|cue| cue.role == CueRole::Wh);
                let asks = cues.iter().any(|cue| cue.role != CueRole::Noun);
                (wh, asks)
            })
            .collect();
        // The last question with a wh-word; a statement's (a helper who …) only if none.
        let question_head = (0..roles.len()).rev().find(|&at| roles[at].0 && !sentences[at].1);
        let Some(head) = question_head.or_else(|| roles.iter().rposition(|&(wh, _)| wh)) else {
            return Vec::new();
        };
        spans
            .into_iter()
            .zip(roles)
            .zip(sentences.iter().map(|&(_, statement)| statement))
            .enumerate()
            .filter(|&(index, (((start, end), (wh, asks)), statement))| {
                let context = if index < head {
                    statement || !wh
                } else {
                    index > head && !asks
                };
                end > start && context
            })
            .map(|(_, ((span, _), _))| span)
            .collect()
    }

    /// The spans (characters of `normalized`) of the hyphenated English compounds of a
    /// question (school-age → "school age"): a cue inside one is no cue.
    pub(crate) fn compound_spans(&self, raw: &str, normalized: &str) -> Vec<(usize, usize)> {
        let chars: Vec<char> = normalized.chars().collect();
        let mut spans = Vec::new();
        for word in hyphenated(raw) {
            let compound: Vec<char> = self.vocabulary.normalize(word).trim().chars().collect();
            if compound.len() < 2 || compound.len() > chars.len() {
                continue;
            }
            for at in 0..=chars.len() - compound.len() {
                let end = at + compound.len();
                let bounded = (at == 0 || !chars[at - 1].is_ascii_alphanumeric())
                    && chars.get(end).is_none_or(|c| !c.is_ascii_alphanumeric());
                if bounded && chars[at..end] == *compound && !spans.contains(&(at, end)) {
                    spans.push((at, end));
                }
            }
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_marks_and_full_stops() {
        let sentences = english_sentences("i'm a nurse in futian. how many rooms? 4.2 doses.");
        assert_eq!(sentences.len(), 3);
        assert_eq!(sentences[0], ("i'm a nurse in futian".to_string(), true));
        assert!(!sentences[1].1 && !sentences[2].1);
        assert_eq!(english_sentences("is it free").len(), 1);
    }

    #[test]
    fn hyphenated_words_are_compounds() {
        assert_eq!(hyphenated("free shots for school-age girls"), vec!["school-age"]);
        assert_eq!(
            hyphenated("a first-time, full-time mum - yes"),
            vec!["first-time", "full-time"]
        );
        assert!(hyphenated("no compounds here -").is_empty());
    }

    #[test]
    fn pieces_are_found_in_order() {
        let chars: Vec<char> = "im a nurse how many are there".chars().collect();
        let spans = piece_spans(&["im a nurse".into(), " how many are there".into()], &chars);
        assert_eq!(spans, Some(vec![(0, 10), (11, 29)]));
        assert_eq!(piece_spans(&["elsewhere".into()], &chars), None);
    }
}
