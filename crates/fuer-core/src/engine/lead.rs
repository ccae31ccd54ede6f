//! The lead of a reply: the answer itself, stated before the fact that says it.
//!
//! **Figures.** A question asking for a figure (多少, 几, how many) whose first fact holds
//! one that answers it leads with that figure as the fact writes it (「答：1480间」). The
//! answering figure is the one asked for: of a fitting unit, the very unit or counted noun
//! first (多少个社区), then the one whose counted words the question names (after
//! 「爱心妈妈结对关爱了多少孩子」, 「爱心妈妈本身有几位」 leads with 2317名, which counts 爱心妈妈, not
//! 3698名, which counts 留守儿童); an English question is matched against the words after
//! the figure in the fact's English version. Only figures written in digits lead.
//!
//! **Yes/no** (issue 13, class 2): 有 / 是的 / Yes, only where the fact answering it
//! plainly settles it.
//!
//! A fact settles a yes/no question when it says what the question says: most of the
//! question's words (its *claim*: everything but the yes/no words, particles and spaces)
//! are found in the fact, as a keyword of the question linked to the fact or as words of
//! the fact's own text, and no modifier of the question fails to narrow (是不是每年都结对:
//! the article never says 每年, so it does not settle it). Places and years outside the
//! article never get a lead.

use super::Engine;
use super::analysis::{Analysis, CueRole, Fit, Narrowing};
use super::answer::{FigureLead, Lead};
use super::figures::Figure;
use super::params::{
    LEAD_COUNTED, LEAD_ENGLISH_STOP_WORDS, LEAD_EXACT_FIT, LEAD_FIT, LEAD_MAX_WORDS, LEAD_MIN_COVERAGE,
    LEAD_MIN_ENGLISH_WORD_LETTERS, LEAD_QUALIFIERS,
};
use super::ranking::FactRanking;
use super::scoring::Scoring;
use crate::lang::numbers::{chinese_numbers, english_numbers};
use crate::normalize::english_stem;

impl Engine {
    /// The lead for an answered yes/no question whose first fact is `fact` of `ranking`'s
    /// item (an index into the item's answer docs): 有 / 是的 where the fact says what the
    /// question says.
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
        if fails_to_narrow(analysis, ranking, fact) {
            return None;
        }
        let doc = &self.index.docs[*self.index.answer_docs(ranking.item).get(fact)?];
        // A whole place the fact does not name (是全国首个吗 of 全省首个) is not settled as asked.
        if analysis
            .whole_places
            .iter()
            .any(|(place, _)| !doc.text.contains(place.as_str()))
        {
            return None;
        }
        let mut covered = vec![false; chars.len()];
        self.cover_linked_keywords(&mut covered, scoring, ranking.item, fact);
        self.cover_fact_words(&mut covered, chars, &doc.text);
        let (claim, found) = self.claim_found(chars, analysis, &covered);
        if claim == 0 || (found as f32) < LEAD_MIN_COVERAGE * claim as f32 {
            return None;
        }
        Some(if head.existence { Lead::Exists } else { Lead::Affirms })
    }

    /// Marks the question's keywords that point at `fact` of `item` (or at the item as a
    /// whole).
    fn cover_linked_keywords(&self, covered: &mut [bool], scoring: &Scoring, item: usize, fact: usize) {
        let len = covered.len();
        for hit in &scoring.hits {
            let pattern = &self.index.patterns[hit.pattern];
            let links = pattern.terms.iter().any(|&t| {
                let term = &self.index.terms[t];
                term.item == item && (term.linked_facts.is_empty() || term.linked_facts.contains(&fact))
            });
            if links {
                covered[hit.start.min(len)..hit.end.min(len)].fill(true);
            }
        }
    }

    /// Marks the question's words (two characters or more) found in the fact's text, and
    /// the article's home.
    fn cover_fact_words(&self, covered: &mut [bool], chars: &[char], text: &str) {
        let home: Vec<char> = self.analyzer.home().chars().collect();
        // One buffer for every piece: `chars[start..end]`, grown a character at a time.
        let mut piece = String::new();
        for start in 0..chars.len() {
            let mut end = start + 2;
            piece.clear();
            piece.extend(chars[start..end.min(chars.len())].iter());
            while end <= chars.len() {
                if !text.contains(piece.as_str()) && chars[start..end] != home[..] {
                    break;
                }
                if let Some(&next) = chars.get(end) {
                    piece.push(next);
                }
                end += 1;
            }
            if end > start + 2 {
                covered[start..end - 1].fill(true);
            }
        }
    }

    /// The size of the question's claim (everything but its question words, particles and
    /// spaces; an English word counts its letters) and how much of it is covered.
    fn claim_found(&self, chars: &[char], analysis: &Analysis, covered: &[bool]) -> (usize, usize) {
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
        (claim, found)
    }

    /// The figure lead of an answered question asking for a figure: the figure of sentence
    /// `fact` of item `item` (engine indexes) that answers it. `chars` is the normalized
    /// question, `raw` the question in lowercase as typed (its English words).
    pub(crate) fn figure_lead(
        &self,
        chars: &[char],
        raw: &str,
        analysis: &Analysis,
        scoring: &Scoring,
        item: usize,
        fact: usize,
    ) -> Option<Lead> {
        if analysis.head.yes_no {
            return None;
        }
        let knowledge_item = self.knowledge.items.get(item)?;
        let sentence = knowledge_item.sentence(fact)?;
        let doc = &self.index.docs[*self.index.answer_docs(item).get(fact)?];
        let written = written_figures(sentence, &doc.figures);
        let clues = Clues {
            bigrams: han_bigrams(chars),
            counted: han_bigrams(&analysis.counted.chars().collect::<Vec<_>>()),
            english_words: english_words(raw),
            english_counted: english_counted(raw),
            names: self.named_things(item, scoring),
            sentence,
            spans: written.iter().map(|(_, span)| *span).collect(),
            english: knowledge_item.sentence_en(fact),
        };
        let mut best: Option<(u32, (usize, usize))> = None;
        for (figure, span) in &written {
            let Some(score) = self.figure_score(analysis, &clues, figure, *span) else {
                continue;
            };
            if best.is_none_or(|(best_score, _)| score > best_score) {
                best = Some((score, *span));
            }
        }
        let (_, (start, end)) = best?;
        Some(Lead::Figure(Box::new(FigureLead {
            fact,
            text: sentence[start..end].to_string(),
            start,
        })))
    }

    /// How well a written figure of the sentence answers the question: its fit to what is
    /// asked, then the question's counted noun, words and named things around it (in the
    /// sentence and in its English version). `None` when it does not answer.
    fn figure_score(&self, analysis: &Analysis, clues: &Clues, figure: &Figure, span: (usize, usize)) -> Option<u32> {
        if self.is_stated_context(analysis, figure) {
            return None;
        }
        let mut score = match self.analyzer.figure_answers(analysis, figure) {
            Fit::No => return None,
            Fit::Yes => LEAD_FIT,
            Fit::Exact => LEAD_EXACT_FIT,
        };
        let (before, after) = surroundings(clues.sentence, span, &clues.spans, CHINESE_CLAUSE_ENDS);
        let mut near = format!("{before}|{after}");
        if clues.counted.iter().any(|pair| near.contains(pair.as_str())) {
            score += LEAD_COUNTED;
        }
        let mut words = clues.bigrams.iter().filter(|pair| near.contains(pair.as_str())).count();
        if let Some((before, after)) = clues.english_surroundings(figure) {
            // English writes what a figure counts after it (3,698 left-behind children).
            if !clues.english_counted.is_empty()
                && english_matches(&clues.english_counted, after) == clues.english_counted.len()
            {
                score += LEAD_COUNTED;
            }
            words += english_matches(&clues.english_words, before) + english_matches(&clues.english_words, after);
            near = format!("{near}|{}|{}", before.to_lowercase(), after.to_lowercase());
        }
        score += u32::try_from(words).unwrap_or(u32::MAX).min(LEAD_MAX_WORDS);
        // The thing the question names (妈妈岗, mom job), or a synonym of it, next to the
        // figure: the longer the name, the surer.
        let named = clues
            .names
            .iter()
            .filter(|name| near.contains(name.as_str()))
            .map(|name| name.chars().count())
            .max()
            .unwrap_or(0);
        Some(score + u32::try_from(named).unwrap_or(u32::MAX).min(LEAD_MAX_WORDS))
    }
}

impl Engine {
    /// Whether a figure of the sentence is context the question states, not its answer: a
    /// count question (no asked unit of its kind) writing the figure, which measures (an
    /// age: "how many checks for women over 60" → not 60岁).
    fn is_stated_context(&self, analysis: &Analysis, figure: &Figure) -> bool {
        self.analyzer.is_kind_unit(&figure.unit)
            && analysis.asked.is_some_and(|kind| !self.analyzer.kind_has_units(kind))
            && analysis
                .figures
                .iter()
                .any(|stated| stated.written && stated.same_number(figure))
    }
}

/// What the question says that may tell which figure of a sentence it asks for, and the
/// sentence with its written figures.
struct Clues<'s> {
    /// The question's Chinese character pairs.
    bigrams: Vec<String>,
    /// The pairs of what it counts (多少孩子 → 儿童).
    counted: Vec<String>,
    /// Its English words that may say what is counted.
    english_words: Vec<String>,
    /// What an English question counts: its words right after "how many" (left-behind
    /// children), in the singular.
    english_counted: Vec<String>,
    /// The item's things it names, with their synonyms.
    names: Vec<String>,
    sentence: &'s str,
    /// Where the sentence's written figures are (bytes).
    spans: Vec<(usize, usize)>,
    /// The sentence's English version.
    english: Option<&'s str>,
}

impl<'s> Clues<'s> {
    /// The words around the figure of the same value in the English version.
    fn english_surroundings(&self, figure: &Figure) -> Option<(&'s str, &'s str)> {
        let english = self.english?;
        let value = figure_value(figure)?;
        let numbers = english_numbers(english);
        let number = numbers
            .iter()
            .find(|number| (number.value - value).abs() <= 1e-9 * value.abs().max(1.0))?;
        let spans: Vec<(usize, usize)> = numbers.iter().map(|n| (n.start, n.end)).collect();
        Some(surroundings(
            english,
            (number.start, number.end),
            &spans,
            ENGLISH_CLAUSE_ENDS,
        ))
    }
}

/// Whether a modifier of the question fails to narrow to `fact` (是不是每年都结对: the
/// article never says 每年).
fn fails_to_narrow(analysis: &Analysis, ranking: &FactRanking, fact: usize) -> bool {
    analysis
        .modifiers
        .iter()
        .zip(&ranking.narrowings)
        .any(|(modifier, narrowing)| match narrowing {
            Narrowing::To(facts) => !facts.contains(&fact),
            Narrowing::NoFact | Narrowing::Unsayable => !modifier.reason.is_keyword(),
        })
}

/// The figures of a sentence written in digits, with where each is written (its
/// qualifier, scale and unit included).
fn written_figures<'f>(sentence: &str, figures: &'f [Figure]) -> Vec<(&'f Figure, (usize, usize))> {
    let mut written = Vec::new();
    for (position, figure) in figures.iter().enumerate() {
        if !figure.written {
            continue;
        }
        let occurrence = figures[..position].iter().filter(|f| f.digits == figure.digits).count();
        if let Some(span) = written_figure(sentence, figure, occurrence) {
            written.push((figure, span));
        }
    }
    written
}

impl Engine {
    /// What a question names of an item: its keywords found in the question (as the
    /// knowledge writes them, lowercase) and the other words of their synonym groups.
    fn named_things(&self, item: usize, scoring: &Scoring) -> Vec<String> {
        let found: Vec<String> = self
            .item_hit_patterns(item, scoring)
            .map(|pattern| crate::normalize::lowercase(&pattern.text()))
            .filter(|text| text.chars().count() >= 2)
            .collect();
        let mut names = found.clone();
        if found.is_empty() {
            // No group can hold a word of an empty list.
            return names;
        }
        for lowered in &self.lowered_synonyms {
            if lowered.iter().any(|word| found.contains(word)) {
                names.extend(lowered.iter().filter(|word| word.chars().count() >= 2).cloned());
            }
        }
        names.sort();
        names.dedup();
        names
    }
}

/// What ends a clause of a Chinese sentence, and of an English one (a comma inside a
/// number, 1,480, ends nothing: only a comma before a space does).
const CHINESE_CLAUSE_ENDS: &[&str] = &["，", ",", "；", ";", "。", "、", "：", ":", "（", "(", "）", ")"];
const ENGLISH_CLAUSE_ENDS: &[&str] = &[", ", "; ", ": ", ". ", " (", ") ", " — ", " – "];

/// The words around a figure that tell what it counts: after it, up to the next figure or
/// the end of its clause; before it, from the start of its clause, only when no other figure
/// comes first in the clause (「其中“妈妈岗”9019个」: 妈妈岗 counts 9019; in
/// 「2317名“爱心妈妈”结对关爱3698名留守儿童」 the words between belong to 2317).
fn surroundings<'t>(
    text: &'t str,
    span: (usize, usize),
    spans: &[(usize, usize)],
    ends: &[&str],
) -> (&'t str, &'t str) {
    let clause_start = ends
        .iter()
        .filter_map(|end| text[..span.0].rfind(end).map(|at| at + end.len()))
        .max()
        .unwrap_or(0);
    let clause_end = ends
        .iter()
        .filter_map(|end| text[span.1..].find(end).map(|at| span.1 + at))
        .min()
        .unwrap_or(text.len());
    let next = spans
        .iter()
        .map(|&(start, _)| start)
        .filter(|&start| start >= span.1)
        .min()
        .unwrap_or(text.len());
    let after = &text[span.1..clause_end.min(next).max(span.1)];
    let follows_a_figure = spans.iter().any(|&(start, end)| end <= span.0 && start >= clause_start);
    let before = if follows_a_figure {
        ""
    } else {
        &text[clause_start.min(span.0)..span.0]
    };
    (before, after)
}

/// The Chinese character pairs of a text.
fn han_bigrams(chars: &[char]) -> Vec<String> {
    chars
        .windows(2)
        .filter(|pair| pair.iter().all(|c| crate::normalize::is_han(*c)))
        .map(|pair| pair.iter().collect())
        .collect()
}

/// The words of an English question that may say what is counted (4 letters or more, not
/// a stop word), in the singular.
fn english_words(raw: &str) -> Vec<String> {
    raw.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() >= LEAD_MIN_ENGLISH_WORD_LETTERS)
        .map(str::to_ascii_lowercase)
        .filter(|word| !LEAD_ENGLISH_STOP_WORDS.contains(&word.as_str()))
        .map(|word| english_stem(&word))
        .collect()
}

/// Words that end what "how many" counts (how many left-behind children *do* …).
const ENGLISH_COUNTED_ENDS: &[&str] = &[
    "are", "were", "is", "was", "do", "did", "does", "has", "have", "had", "in", "of", "for", "at", "on", "to", "got",
    "get", "took", "been", "can", "will", "that", "who", "there", "per",
];

/// The words an English question counts: after "how many", up to a verb or a preposition
/// (how many left-behind children do … → left, behind, child), in the singular.
fn english_counted(raw: &str) -> Vec<String> {
    let Some(at) = raw.find("how many ") else {
        return Vec::new();
    };
    raw[at + "how many ".len()..]
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .take_while(|word| !ENGLISH_COUNTED_ENDS.contains(&word.as_str()))
        .filter(|word| word.len() >= LEAD_MIN_ENGLISH_WORD_LETTERS)
        .map(|word| english_stem(&word))
        .collect()
}

/// How many of the question's English words are in `text` (the same word, or one word the
/// start of the other: visit, visitor).
fn english_matches(question_words: &[String], text: &str) -> usize {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() >= LEAD_MIN_ENGLISH_WORD_LETTERS)
        .map(|word| english_stem(&word.to_ascii_lowercase()))
        .collect();
    question_words
        .iter()
        .filter(|asked| {
            words
                .iter()
                .any(|word| word.starts_with(asked.as_str()) || asked.starts_with(word.as_str()))
        })
        .count()
}

/// The value of a figure (716 with 万 → 7,160,000).
fn figure_value(figure: &Figure) -> Option<f64> {
    let text = format!(
        "{}{}",
        figure.digits,
        figure.scale.map(String::from).unwrap_or_default()
    );
    chinese_numbers(&text).first().map(|number| number.value)
}

/// Where the `occurrence`-th figure with these digits is written in the sentence, with a
/// qualifier before it (逾, 超), its scale, 余/多 and its unit: byte range.
fn written_figure(sentence: &str, figure: &Figure, occurrence: usize) -> Option<(usize, usize)> {
    let mut found = 0;
    let mut index = 0;
    while index < sentence.len() {
        let rest = &sentence[index..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        if !c.is_ascii_digit() {
            index += c.len_utf8();
            continue;
        }
        let run_end = index
            + rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
        let run = sentence[index..run_end].trim_end_matches('.');
        let run_end = index + run.len();
        if run != figure.digits {
            index = run_end;
            continue;
        }
        if found < occurrence {
            found += 1;
            index = run_end;
            continue;
        }
        let mut start = index;
        if let Some(before) = sentence[..start].chars().next_back()
            && LEAD_QUALIFIERS.contains(&before)
        {
            start -= before.len_utf8();
        }
        let mut end = run_end;
        if let Some(scale) = figure.scale
            && sentence[end..].starts_with(scale)
        {
            end += scale.len_utf8();
        }
        for extra in ['余', '多'] {
            if sentence[end..].starts_with(extra) {
                end += extra.len_utf8();
                break;
            }
        }
        if !figure.unit.is_empty() && sentence[end..].starts_with(figure.unit.as_str()) {
            end += figure.unit.len();
        } else if sentence[end..].starts_with('％') {
            end += '％'.len_utf8();
        }
        return Some((start, end));
    }
    None
}
