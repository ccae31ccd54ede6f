//! Fact ranking and answerability: which of an item's facts answer the question, best first,
//! and whether any of them answers what was asked.
//!
//! Each fact gets a *topic* score (keyword hits linked to it, rare words of its sentence,
//! figures of the question it holds). The part of it that is specific to one fact (fact
//! keywords, sentence words not inside an item-wide keyword) decides which facts the
//! question is about: when it is strong, only those facts are *candidates*; otherwise the
//! question is about the item as a whole. A candidate that fits the asked kind (a figure
//! of the asked unit for 多少人, a place for 在哪 …) makes the question answerable and is
//! ranked first; scope markers (上海, 2023年) must be covered by a candidate.
//!
//! Size (about 715 lines): `rank_facts` and its stages (evidence, candidates, fits, gaps,
//! listing) share the `FactRanking` they fill; whole-versus-part gaps live in `whole.rs`.

use crate::knowledge::questions::AnswerRule;

use super::analysis::{Analysis, Analyzer, Fit, Narrowing, UNIT_MARK, says_offered_figure};
use super::counted::counted_keyword_facts;
use super::index::Index;
use super::params::{
    ANSWERS_ASKED_BONUS, BOUND_FACT_BONUS, COUNTED_KEYWORD_BONUS, EXACT_UNIT_BONUS, FACT_BIGRAM_FACTOR,
    FACT_FIGURE_LOOKUP_FACTOR, FACT_KEYWORD_LEVEL, FOCUS_ESCAPE_TOPIC, FOCUS_PREFERENCE, HEAD_NOUN_WORD_FACTOR,
    HEADLINE_FACT_FACTOR, LISTED_FACT_RATIO, MAX_ANSWER_FACTS, MODIFIER_FACT_BONUS, MODIFIER_NARROWED_ANSWER_RATIO,
    NARROW_MIN, NARROW_RATIO, WHOLE_FIGURE_BONUS,
};
use super::scoring::Scoring;
use super::stated::stated_fits;
use super::whole::{RankedFacts, general_count_fit, whole_figure_facts, whole_gap};

/// A place or year the question names that the candidate facts do not cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeGap {
    Place(String),
    Year(u16),
    /// A whole the article's place is part of (全省), that no answering figure's clause names.
    WholePlace(String),
    /// A whole count asked (一共) where the answering figures count only a part (结对关爱的).
    Part,
    /// An alternative question (是累计还是2024年新建的) whose answering fact says neither.
    Unsettled,
    /// An existence question (母婴室有没有热水) about a thing, as written, that the
    /// article never names.
    Unnamed(String),
    /// A detail the answering fact does not write (the names of what it counts, whether a
    /// group of people it does not name may take part): what is missing, as labelled.
    Unsaid(String),
}

impl ScopeGap {
    /// Whether the gap is between a whole asked and a part counted (see `whole.rs`).
    pub fn is_whole(&self) -> bool {
        matches!(self, ScopeGap::WholePlace(_) | ScopeGap::Part)
    }
}

/// The ranking of one item's facts for one question.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRanking {
    pub item: usize,
    /// Evidence that the question is about each fact.
    pub topic: Vec<f32>,
    /// The part of `topic` that ties the question to one fact (narrowing fact keywords,
    /// figures of the question).
    pub specific: Vec<f32>,
    /// Facts the question is about (all when nothing narrows it down).
    pub candidates: Vec<usize>,
    /// Whether `candidates` were narrowed down (by fact keywords, figures or the
    /// conversation's focus).
    pub narrowed: bool,
    /// How each fact fits the asked kind.
    pub fits: Vec<Fit>,
    /// Final scores (topic plus the bonus for answering what is asked).
    pub scores: Vec<f32>,
    /// Whether a candidate answers what is asked.
    pub answerable: bool,
    /// Whether the question asks for something a fact may or may not hold (a figure, a
    /// place …); otherwise every fact fits.
    pub selective: bool,
    pub scope_gap: Option<ScopeGap>,
    /// Facts to show, best first.
    pub listed: Vec<usize>,
    /// What each modifier of the question did to the facts (in `Analysis::modifiers` order).
    pub narrowings: Vec<Narrowing>,
}

/// Evidence that the question is about each of an item's sentences (its facts, then its
/// headline).
struct Evidence {
    /// Keyword hits linked to the fact, rare words of its sentence, figures it holds.
    topic: Vec<f32>,
    /// The part of `topic` specific to one fact (narrowing fact keywords, figures).
    specific: Vec<f32>,
    /// Rare words of its sentence the question has outside its keywords.
    own: Vec<f32>,
}

/// Ranks the facts of `item`. `chars` are the normalized question's characters.
pub fn rank_facts(
    index: &Index,
    analyzer: &Analyzer,
    item: usize,
    scoring: &Scoring,
    analysis: &Analysis,
    chars: &[char],
    focus: Option<&[usize]>,
) -> FactRanking {
    // The item's facts and, last, its headline (weighed down: a body fact with the same
    // evidence comes first).
    let docs = index.answer_docs(item);
    let docs = docs.as_slice();
    let fact_count = docs.len();
    let mut evidence = evidence(index, item, docs, scoring, chars, analysis.head_noun_span(chars));
    let narrowings = modifier_narrowings(index, analyzer, docs, analysis, &mut evidence);
    let best_specific = evidence.specific.iter().copied().fold(0.0f32, f32::max);
    let in_conversation = focus.is_some();
    let focus = facts_within(focus.unwrap_or_default(), fact_count);
    let rule = analysis.asked.map(|kind| analyzer.kind_rule(kind));
    let selective = matches!(rule, Some(AnswerRule::Figure | AnswerRule::Words | AnswerRule::None));
    let (candidates, narrowed) = candidates(&mut evidence, &focus, in_conversation, selective);
    let stated = stated_fits(index, analyzer, docs, analysis, chars);
    let fits = fact_fits(index, analyzer, docs, analysis, stated.as_ref());
    // A question stating one of the article's figures asks for another one, wherever it is.
    let candidates = if stated.is_some() {
        (0..fact_count).collect()
    } else {
        candidates
    };
    // The conversation's focus, or a follow-up's own weak words (去过 of 去过的人有多少),
    // give way when none of the facts they point at can answer.
    let focused = best_specific < NARROW_MIN && (!focus.is_empty() || (in_conversation && narrowed));
    let candidates = if focused && !candidates.iter().any(|&f| fits[f] != Fit::No) {
        focus_gives_way(index, docs, &evidence.topic, &fits, candidates, rule)
    } else {
        candidates
    };
    let bonus_applies = matches!(rule, Some(AnswerRule::Figure | AnswerRule::Words));
    let candidates = if best_specific >= NARROW_MIN && bonus_applies && stated.is_none() {
        let ratio = stronger_answer_ratio(index, item, scoring, analysis.head_noun_span(chars));
        with_stronger_answers(&evidence.topic, &fits, candidates, ratio)
    } else {
        candidates
    };
    answer_bonuses(index, analyzer, docs, analysis, chars, &fits, &mut evidence.topic);
    if rule == Some(AnswerRule::Figure) && stated.is_none() {
        let counting = counted_keyword_facts(index, analyzer, docs, analysis, scoring, chars, &fits);
        add_counted_bonus(&mut evidence.topic, &counting);
    }
    let scores = final_scores(&evidence.topic, &fits, bonus_applies);
    let answerable = candidates.iter().any(|&f| fits[f] != Fit::No);
    let facts = RankedFacts {
        docs,
        candidates: &candidates,
        fits: &fits,
    };
    let scope_gap = scope_gap(index, docs, &candidates, &fits, analysis, rule)
        .or_else(|| whole_gap(index, analyzer, &facts, analysis, scoring, chars));
    let mut ranking = FactRanking {
        item,
        topic: evidence.topic,
        specific: evidence.specific,
        candidates,
        narrowed,
        fits,
        scores,
        answerable,
        selective: bonus_applies,
        scope_gap,
        listed: Vec::new(),
        narrowings,
    };
    ranking.listed = listed_facts(index, &ranking);
    if ranking.scope_gap.is_none() && !settles_alternatives(index, docs, &ranking.listed, analysis) {
        ranking.scope_gap = Some(ScopeGap::Unsettled);
    }
    ranking
}

/// How strongly a fact that answers must be pointed at to join the candidates
/// (`with_stronger_answers`): less when the keyword narrowing them lies outside the head noun
/// (a modifier, [`MODIFIER_NARROWED_ANSWER_RATIO`]), as strongly as they otherwise.
fn stronger_answer_ratio(index: &Index, item: usize, scoring: &Scoring, head: Option<(usize, usize)>) -> f32 {
    if narrowed_by_modifier(index, item, scoring, head) {
        MODIFIER_NARROWED_ANSWER_RATIO
    } else {
        1.0
    }
}

/// The facts of `focus` that are among an item's first `fact_count` sentences.
fn facts_within(focus: &[usize], fact_count: usize) -> Vec<usize> {
    focus.iter().copied().filter(|&f| f < fact_count).collect()
}

/// Adds `COUNTED_KEYWORD_BONUS` to the facts whose fitting figure counts the keyword a
/// count question counts (`counted.rs`).
fn add_counted_bonus(topic: &mut [f32], counting: &[bool]) {
    for (topic, &counts) in topic.iter_mut().zip(counting) {
        if counts {
            *topic += COUNTED_KEYWORD_BONUS;
        }
    }
}

/// How each of an item's sentences (`docs`) fits what is asked: as the stated figures
/// decide (see `stated.rs`), else by its text and figures, a general measure word alone
/// fitting no figure of another measure (see `whole.rs`).
fn fact_fits(
    index: &Index,
    analyzer: &Analyzer,
    docs: &[usize],
    analysis: &Analysis,
    stated: Option<&Vec<Fit>>,
) -> Vec<Fit> {
    match stated {
        Some(fits) => fits.clone(),
        None => docs
            .iter()
            .map(|&doc| {
                let fit = analyzer.fit(analysis, &index.docs[doc].text, &index.docs[doc].figures);
                general_count_fit(index, analyzer, doc, analysis, fit)
            })
            .collect(),
    }
}

/// Whether the first fact listed says one of the alternatives of an alternative question
/// (always, for any other question).
fn settles_alternatives(index: &Index, docs: &[usize], listed: &[usize], analysis: &Analysis) -> bool {
    if analysis.alternatives.is_empty() {
        return true;
    }
    let Some(text) = listed
        .first()
        .and_then(|&f| docs.get(f))
        .map(|&doc| &index.docs[doc].text)
    else {
        return true;
    };
    let doc = &index.docs[docs[listed[0]]];
    // Of a figure the question states (13个城中村是…还是…), its clause or the sentence's
    // opening (大厦开业以来, …1458场) must say it.
    let stated: Vec<&super::figures::CountPhrase> = doc
        .counts
        .iter()
        .filter(|phrase| analysis.figures.iter().any(|f| f.same_number(&phrase.figure)))
        .collect();
    let says = |word: &str| {
        if let Some(said) = says_offered_figure(word, &doc.figures) {
            return said;
        }
        match word.strip_prefix(UNIT_MARK) {
            Some(unit) => doc.figures.iter().any(|figure| figure.unit == unit),
            None if stated.is_empty() => text.contains(word),
            None => doc.opening.contains(word) || stated.iter().any(|phrase| phrase.clause.contains(word)),
        }
    };
    analysis.alternatives.iter().flatten().any(|word| says(word))
}

/// The evidence for each of the item's sentences (`docs`).
fn evidence(
    index: &Index,
    item: usize,
    docs: &[usize],
    scoring: &Scoring,
    chars: &[char],
    head: Option<(usize, usize)>,
) -> Evidence {
    let fact_count = docs.len();
    let mut topic = vec![0.0f32; fact_count];
    let mut specific = vec![0.0f32; fact_count];
    for hit in &scoring.hits {
        for &term_index in &index.patterns[hit.pattern].terms {
            let term = &index.terms[term_index];
            if term.item != item || term.linked_facts.is_empty() {
                continue;
            }
            let level = if term.fact_level { FACT_KEYWORD_LEVEL } else { 1.0 };
            let share = term.weight * hit.factor * level / term.linked_facts.len() as f32;
            for &fact in &term.linked_facts {
                if fact < fact_count {
                    topic[fact] += share;
                    if term.narrows {
                        specific[fact] += share;
                    }
                }
            }
        }
    }
    let own = sentence_words(index, item, docs, scoring, chars, head, &mut topic);
    for (fact, &doc) in docs.iter().enumerate() {
        let lookup = scoring.doc_figures[doc] * FACT_FIGURE_LOOKUP_FACTOR;
        topic[fact] += lookup;
        specific[fact] += lookup;
    }
    Evidence { topic, specific, own }
}

/// What each modifier does: the facts that say it (免费的培训 → the facts with 免费) get
/// [`MODIFIER_FACT_BONUS`]; a modifier no fact can say narrows nothing.
fn modifier_narrowings(
    index: &Index,
    analyzer: &Analyzer,
    docs: &[usize],
    analysis: &Analysis,
    evidence: &mut Evidence,
) -> Vec<Narrowing> {
    if analysis.modifiers.is_empty() {
        return Vec::new();
    }
    let texts: Vec<&str> = docs.iter().map(|&doc| index.docs[doc].text.as_str()).collect();
    let mut narrowings = Vec::new();
    for modifier in &analysis.modifiers {
        if modifier.reason.is_keyword() {
            narrowings.push(Narrowing::Unsayable);
            continue;
        }
        let narrowing = analyzer.narrowing(modifier.cue.kind, &texts);
        if let Narrowing::To(facts) = &narrowing {
            for &fact in facts {
                evidence.topic[fact] += MODIFIER_FACT_BONUS;
            }
        }
        narrowings.push(narrowing);
    }
    narrowings
}

/// Rare words of a sentence: each question bigram once, split among the item's facts
/// holding it, added to `topic`. They rank facts but do not narrow the topic (too weak a
/// sign). Returns the same evidence from the question's own words outside its keywords
/// (個中心喺邊度 → 中心), for follow-ups. A word of the noun the question asks about
/// (`head`: 着力点是什么) counts [`HEAD_NOUN_WORD_FACTOR`] times: what is asked decides
/// which fact answers more than the words around it.
fn sentence_words(
    index: &Index,
    item: usize,
    docs: &[usize],
    scoring: &Scoring,
    chars: &[char],
    head: Option<(usize, usize)>,
    topic: &mut [f32],
) -> Vec<f32> {
    let mut own = vec![0.0f32; docs.len()];
    let mut seen: Vec<(char, char)> = Vec::new();
    for (position, pair) in chars.windows(2).enumerate() {
        let bigram = (pair[0], pair[1]);
        if seen.contains(&bigram) {
            continue;
        }
        seen.push(bigram);
        let inside_keyword = scoring
            .hits
            .iter()
            .any(|hit| hit.start <= position && position + 2 <= hit.end);
        let Some(posting) = index.bigram_postings.get(&bigram) else {
            continue;
        };
        // Positions among the answer's sentences (the facts, then the headline).
        let local: Vec<usize> = posting
            .docs
            .iter()
            .filter(|&&d| index.docs[d].item == item)
            .filter_map(|d| docs.iter().position(|doc| doc == d))
            .collect();
        if local.is_empty() {
            continue;
        }
        let in_head = !inside_keyword && head.is_some_and(|(start, end)| start <= position && position + 2 <= end);
        let factor = if in_head { HEAD_NOUN_WORD_FACTOR } else { 1.0 };
        let share = factor * FACT_BIGRAM_FACTOR * posting.doc_idf / local.len() as f32;
        for fact in local {
            topic[fact] += share;
            if !inside_keyword {
                own[fact] += share;
            }
        }
    }
    own
}

/// The facts the question is about, and whether they were narrowed down: by fact-specific
/// evidence, else by the conversation's focus or the question's own words for a specific
/// follow-up; otherwise all (a general follow-up only prefers the focus, in `topic`).
fn candidates(evidence: &mut Evidence, focus: &[usize], in_conversation: bool, selective: bool) -> (Vec<usize>, bool) {
    let fact_count = evidence.topic.len();
    let best_specific = evidence.specific.iter().copied().fold(0.0f32, f32::max);
    if best_specific >= NARROW_MIN {
        let narrowed = (0..fact_count)
            .filter(|&f| evidence.specific[f] >= NARROW_RATIO * best_specific)
            .collect();
        return (narrowed, true);
    }
    if !focus.is_empty() && selective {
        // A follow-up without words of its own asking for something specific is about what
        // the conversation was about (在哪里可以打 after the HPV vaccine).
        return (focus.to_vec(), true);
    }
    if in_conversation && selective && evidence.own.iter().any(|&o| o >= FOCUS_ESCAPE_TOPIC) {
        // A follow-up about the whole item asking for something specific: its own words say
        // which sentence it means (個中心喺邊度 → the sentence of the 中心).
        let best_own = evidence.own.iter().copied().fold(0.0f32, f32::max);
        let own = (0..fact_count)
            .filter(|&f| evidence.own[f] >= NARROW_RATIO * best_own)
            .collect();
        return (own, true);
    }
    // A general follow-up (它实现了哪些功能) is about the item; the facts of the
    // conversation only come first when nothing else tells.
    for &f in focus {
        evidence.topic[f] += FOCUS_PREFERENCE;
    }
    ((0..fact_count).collect(), false)
}

/// Of the facts that answer, those giving the whole a question asks for (`whole.rs`) or
/// the limit it asks for (`bounds.rs`) weigh more.
fn answer_bonuses(
    index: &Index,
    analyzer: &Analyzer,
    docs: &[usize],
    analysis: &Analysis,
    chars: &[char],
    fits: &[Fit],
    topic: &mut [f32],
) {
    // Most questions ask neither a total nor a limit: nothing to build for them.
    if analysis.totals.is_empty() && !analyzer.limits().asks_a_limit(chars) {
        return;
    }
    let texts: Vec<&str> = docs.iter().map(|&doc| index.docs[doc].text.as_str()).collect();
    let wholes = whole_figure_facts(index, analyzer, docs, analysis);
    let limits = analyzer.limits().limit_facts(&texts, chars);
    for f in 0..topic.len() {
        if fits[f] == Fit::No {
            continue;
        }
        if wholes[f] {
            topic[f] += WHOLE_FIGURE_BONUS;
        }
        if limits[f] {
            topic[f] += BOUND_FACT_BONUS;
        }
    }
}

/// Whether the question's head noun is known and every narrowing fact keyword of `item` the
/// question holds lies outside it: the keywords are modifiers or the asker's situation
/// (遛娃的人有多少, 不太会教孩子……一共搞了多少场), not what is asked.
fn narrowed_by_modifier(index: &Index, item: usize, scoring: &Scoring, head: Option<(usize, usize)>) -> bool {
    let Some((head_start, head_end)) = head else {
        return false;
    };
    let mut narrowing = scoring.hits.iter().filter(|hit| {
        index.patterns[hit.pattern].terms.iter().any(|&term| {
            let term = &index.terms[term];
            term.item == item && term.narrows && !term.linked_facts.is_empty()
        })
    });
    narrowing.all(|hit| hit.end <= head_start || hit.start >= head_end)
}

/// Facts narrowed down by a fact keyword none of which answers what is asked (托管驿站 of
/// the first sentence, 每月收费300元 in the second) are joined by the facts that answer it
/// and that the question's words point at at least as strongly (`ratio` times as strongly,
/// when the narrowing keywords only modify what is asked) as at the narrowed ones: a
/// keyword of one fact does not hide the sentence the whole question is about.
fn with_stronger_answers(topic: &[f32], fits: &[Fit], candidates: Vec<usize>, ratio: f32) -> Vec<usize> {
    if candidates.iter().any(|&f| fits[f] != Fit::No) {
        return candidates;
    }
    let narrowed_best = ratio * candidates.iter().map(|&f| topic[f]).fold(0.0f32, f32::max);
    let mut joined = candidates;
    for f in 0..topic.len() {
        if fits[f] != Fit::No && topic[f] >= narrowed_best && !joined.contains(&f) {
            joined.push(f);
        }
    }
    joined
}

/// When none of the focus's facts can answer: the facts the question's own words point at
/// (覆盖了几个社区), or, for a figure, all facts when the focus holds no figure at all.
fn focus_gives_way(
    index: &Index,
    docs: &[usize],
    topic: &[f32],
    fits: &[Fit],
    candidates: Vec<usize>,
    rule: Option<AnswerRule>,
) -> Vec<usize> {
    let own: Vec<usize> = (0..docs.len())
        .filter(|&f| fits[f] != Fit::No && topic[f] >= FOCUS_ESCAPE_TOPIC)
        .collect();
    let focus_has_figures = candidates.iter().any(|&f| {
        index.docs[docs[f]]
            .figures
            .iter()
            .any(|figure| figure.written && figure.is_count())
    });
    if !own.is_empty() {
        own
    } else if rule == Some(AnswerRule::Figure) && !focus_has_figures {
        (0..docs.len()).collect()
    } else {
        candidates
    }
}

/// Topic plus the bonus for answering what is asked; the headline (last) weighed down.
fn final_scores(topic: &[f32], fits: &[Fit], bonus_applies: bool) -> Vec<f32> {
    let headline = topic.len().saturating_sub(1);
    (0..topic.len())
        .map(|f| {
            let bonus = match (bonus_applies, fits[f]) {
                (true, Fit::Yes) => ANSWERS_ASKED_BONUS,
                (true, Fit::Exact) => ANSWERS_ASKED_BONUS + EXACT_UNIT_BONUS,
                _ => 0.0,
            };
            let score = topic[f] + bonus;
            if f == headline {
                score * HEADLINE_FACT_FACTOR
            } else {
                score
            }
        })
        .collect()
}

impl FactRanking {
    /// The facts the question was about, for a follow-up (empty: the whole item).
    pub fn topic_facts(&self) -> Vec<usize> {
        if self.narrowed {
            self.candidates.clone()
        } else {
            Vec::new()
        }
    }
}

/// A place or year of the question that no candidate fact names. A place the item itself
/// names (坪山 the pilot district of item 10) is no other place where the question asks
/// something other than a figure (坪山那个救助服务圈打通了什么); a figure must be one the
/// place's own facts give (福田区有多少母婴室 stays related: the article counts the city's):
/// a fitting fact naming the place where it gives its figures (`gives_figures_for`), not
/// only a sentence quoting someone from there (福田区…驿站负责人…说).
fn scope_gap(
    index: &Index,
    docs: &[usize],
    candidates: &[usize],
    fits: &[Fit],
    analysis: &Analysis,
    rule: Option<AnswerRule>,
) -> Option<ScopeGap> {
    let names = |f: usize, place: &str| {
        let doc = &index.docs[docs[f]];
        doc.text.contains(place) || doc.keywords.iter().any(|k| k.contains(place))
    };
    for (at, place) in analysis.other_places.iter().enumerate() {
        let covered = if rule == Some(AnswerRule::Figure) && !locates_one_thing(analysis, at) {
            candidates.iter().any(|&f| {
                let doc = &index.docs[docs[f]];
                // An English place is read in the fact's keywords (its English names), which
                // say nothing of clauses.
                let named = if place.is_ascii() {
                    names(f, place)
                } else {
                    gives_figures_for(doc, place)
                };
                fits[f] != Fit::No && !doc.counts.is_empty() && named
            })
        } else {
            (0..docs.len()).any(|f| names(f, place))
        };
        if !covered {
            return Some(ScopeGap::Place(place.clone()));
        }
    }
    for &year in &analysis.other_years {
        // A year counts as covered where a sentence speaks of it, not where it only ends a
        // period (the plan for 2021-2025 says nothing of 2025 itself).
        let covered = candidates
            .iter()
            .any(|&f| speaks_of_year(&index.docs[docs[f]].text, year));
        if !covered {
            return Some(ScopeGap::Year(year));
        }
    }
    None
}

/// Whether the `at`-th other place is followed by a demonstrative (福田那栋大楼, 坪山这个
/// 救助圈): it says where the one thing asked about is, not a part of the city whose own
/// count is asked, so an item naming the place covers it as for any other question.
fn locates_one_thing(analysis: &Analysis, at: usize) -> bool {
    let Some(&(_, end)) = analysis.place_spans.get(at) else {
        return false;
    };
    matches!(analysis.question.chars().nth(end), Some('那' | '这'))
}

/// Whether a sentence names a place where its figures are given: in its opening, which
/// frames the whole sentence (在宝安区…), or in the clause of one of its figures
/// (实现了坪山区全区24个社区全覆盖).
fn gives_figures_for(doc: &super::index::Doc, place: &str) -> bool {
    doc.opening.contains(place) || doc.counts.iter().any(|phrase| phrase.clause.contains(place))
}

/// Whether a normalized text names the year on its own (2024年), not as an end of a period.
fn speaks_of_year(text: &str, year: u16) -> bool {
    let digits = year.to_string();
    text.match_indices(digits.as_str()).any(|(start, _)| {
        let end = start + digits.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '-')
            && !after.is_some_and(|c| c.is_ascii_digit() || c == '-')
    })
}

/// The facts to show: candidates that answer what is asked first, then by score; those
/// within [`LISTED_FACT_RATIO`] of the first, at most [`MAX_ANSWER_FACTS`]. Without any
/// evidence, the facts holding the headline's figures (the item's key figure).
pub(crate) fn listed_facts(index: &Index, ranking: &FactRanking) -> Vec<usize> {
    let fact_count = ranking.scores.len();
    if fact_count == 0 {
        return Vec::new();
    }
    // A fact answering what is asked goes first; for an open question, a fact the
    // question's own specific words narrowed to (坪山那个救助服务圈打通了什么 → 打通…最后一百米).
    let preferred = |f: usize| {
        ranking.candidates.contains(&f)
            && if ranking.selective {
                ranking.fits[f] != Fit::No
            } else {
                ranking.narrowed
            }
    };
    let best_topic = ranking.topic.iter().copied().fold(0.0f32, f32::max);
    if best_topic <= 0.0 {
        let mut facts = headline_facts(index, ranking.item);
        // A fact that answers what is asked goes first, one with the very unit asked
        // (how many people → 71万余人, not 75对) before the others.
        let closest = |f: usize| ranking.fits.get(f) != Some(&Fit::Exact);
        facts.sort_by_key(|&f| (!preferred(f), closest(f)));
        let first_fit = (0..fact_count)
            .find(|&f| preferred(f) && !closest(f))
            .or_else(|| (0..fact_count).find(|&f| preferred(f)));
        if let Some(first_fit) = first_fit
            && !facts.contains(&first_fit)
        {
            facts.insert(0, first_fit);
            facts.truncate(MAX_ANSWER_FACTS);
        }
        return facts;
    }
    let mut order: Vec<usize> = (0..fact_count).collect();
    order.sort_by(|&a, &b| {
        preferred(b)
            .cmp(&preferred(a))
            .then(ranking.scores[b].total_cmp(&ranking.scores[a]))
            .then(a.cmp(&b))
    });
    let first_score = ranking.scores[order[0]];
    let mut listed: Vec<usize> = order
        .into_iter()
        .enumerate()
        .filter(|&(rank, f)| {
            rank == 0 || (ranking.scores[f] >= LISTED_FACT_RATIO * first_score && ranking.scores[f] > 0.0)
        })
        .map(|(_, f)| f)
        .collect();
    listed.truncate(MAX_ANSWER_FACTS);
    listed
}

/// Without any evidence: the facts that hold the headline's figures (1480间母婴室), else
/// the first fact.
fn headline_facts(index: &Index, item: usize) -> Vec<usize> {
    let Some(&headline_doc) = index.headline_docs.get(item) else {
        return Vec::new();
    };
    let headline = &index.docs[headline_doc];
    let mut facts: Vec<usize> = index
        .item_fact_docs(item)
        .iter()
        .enumerate()
        .filter(|(_, doc)| {
            index.docs[**doc]
                .figures
                .iter()
                .any(|figure| figure.written && headline.figures.iter().any(|h| h.written && h.digits == figure.digits))
        })
        .map(|(fact, _)| fact)
        .take(MAX_ANSWER_FACTS)
        .collect();
    if facts.is_empty() && !index.item_fact_docs(item).is_empty() {
        facts.push(0);
    }
    facts
}

/// The facts most about the topic, for a reply that says the article does not answer the
/// question: best topic score first.
pub fn most_relevant_facts(ranking: &FactRanking, count: usize) -> Vec<usize> {
    let best_topic = ranking.topic.iter().copied().fold(0.0f32, f32::max);
    if best_topic <= 0.0 {
        return ranking.listed.iter().copied().take(count).collect();
    }
    let mut order: Vec<usize> = ranking.candidates.clone();
    order.sort_by(|&a, &b| ranking.topic[b].total_cmp(&ranking.topic[a]).then(a.cmp(&b)));
    order.truncate(count);
    order
}
