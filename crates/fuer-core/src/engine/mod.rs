//! The answer engine: an index over the knowledge base and one pipeline that answers.
//!
//! Pure and I/O-free. [`Engine::new`] builds the index once per knowledge base;
//! [`Engine::answer`] turns a question into a structured [`Answer`]. The pipeline:
//! 1. **normalize** the text ([`crate::normalize`]);
//! 2. **intents** that need no item: greeting, thanks, help, source, list, positions
//!    ([`intents`]);
//! 3. **analysis** of what is asked: a quantity and its unit, a price, opening hours, a
//!    place …, and places or years outside the article ([`analysis`], from
//!    `knowledge/questions.toml`);
//! 4. **hits** of keywords, exactly, by sound, by near sound, by edit distance ([`hits`]);
//! 5. **item scoring** from hits, sentence overlap and figures ([`scoring`]);
//! 6. **topics**: a question naming several topics (母婴室和儿童友好建设点各有多少) is
//!    answered per topic, in the question's order;
//! 7. **fact ranking and answerability** per topic ([`ranking`]): the fact that answers
//!    what is asked first; when the topic is found but nothing answers what is asked, the
//!    answer is *related*: it says what the article does not say and offers what it does.
//!
//! [`Engine::explain`] runs the same pipeline with a [`trace::Tracer`] switched on.
//! Every tuning constant lives in [`params`].

pub mod analysis;
pub mod figures;
pub mod followup;
pub mod hits;
pub mod index;
pub mod intents;
pub mod params;
pub mod ranking;
pub mod scoring;
pub mod trace;

use crate::knowledge::KnowledgeBase;
use crate::normalize::{is_han, normalize};

use analysis::{Analysis, Analyzer, Vocabulary, byte_to_char_map};
use figures::{Figure, find_figures};
use followup::FollowUpMatcher;
pub use followup::{ContextUse, Focus, Navigation};
use index::{Index, nfkc};
use intents::{IntentPatterns, Ordinal};
use params::{
    ALSO_MENTIONED_RATIO, AMBIGUITY_RATIO, AMBIGUOUS_CONFIDENCE_FACTOR, CONTEXT_TOPIC_RATIO, DECLINED_SUGGESTION_RATIO,
    FOLLOW_UP_MAX_UNKNOWN_BIGRAMS, FOLLOW_UP_MAX_UNKNOWN_SHARE, FOLLOW_UP_MIN_OVERLAP, MAX_PARTS, MAX_SUGGESTIONS,
    MIN_ITEM_SCORE, MIN_PART_SCORE,
};
use ranking::{FactRanking, ScopeGap, most_relevant_facts, rank_facts};
use scoring::{Scoring, score};
use trace::{Trace, Tracer};

/// What kind of reply a question calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// A question answered (or found related) by an item's facts.
    Item,
    /// The question names an item by position (第二件, last one).
    Ordinal,
    /// A position outside the items (第11件, 第-1件).
    NoSuchItem,
    /// The user asked for the list of all items.
    List,
    Greeting,
    Thanks,
    Help,
    /// Where the knowledge comes from (publisher, date).
    Source,
    /// Out of scope, or nothing matched well enough.
    Declined,
    /// Nothing but symbols, emoji or spaces.
    Empty,
    /// A move through the conversation (下一件, 上一件) or a request for more (详细一点); the
    /// dialogue step answers it from the conversation's item.
    Navigation(Navigation),
}

/// Whether the question was answered, is about a topic of the article but asks what the
/// article does not say, or was declined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Answered,
    Related,
    Declined,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Answered => "answered",
            Status::Related => "related",
            Status::Declined => "declined",
        }
    }
}

/// What the article does not say, for a *related* answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// The asked thing (「门票价格或收费标准」) about a topic (「妇儿大厦」).
    Asked { topic: String, label: String },
    /// A place the article does not cover (上海), while it covers `home` (深圳).
    Place { topic: String, place: String, home: String },
    /// A year the article does not cover (2023), while it covers `year` (2024).
    Year { topic: String, asked: u16, year: u16 },
}

/// One topic of the question and the facts that answer it.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub item: u8,
    /// Indexes into the item's facts, best first.
    pub facts: Vec<usize>,
    /// Set when this topic's question is one the article does not answer.
    pub missing: Option<Missing>,
}

/// What was asked, as the analysis saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    /// The kind's short name (`quantity`, `price` …).
    pub kind: String,
    /// The label of what was asked (人数, 门票价格或收费标准 …).
    pub label: String,
    /// The measure word of a quantity question (人次), if any.
    pub unit: Option<String>,
}

/// A structured answer, independent of how it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub intent: Intent,
    pub status: Status,
    /// The (first) matched item's number; `None` unless the intent is `Item` or `Ordinal`.
    pub item: Option<u8>,
    /// Confidence in `0.0..=1.0`.
    pub confidence: f32,
    /// Indexes into the first item's facts, best first.
    pub facts: Vec<usize>,
    /// Set when the (first) topic's question is one the article does not answer.
    pub missing: Option<Missing>,
    /// Further topics of the same question, in the question's order.
    pub more: Vec<Part>,
    /// Other item numbers the user may have meant, best first.
    pub suggestions: Vec<u8>,
    pub asked: Option<Asked>,
    /// For `NoSuchItem`: the position asked for.
    pub position: Option<i64>,
    /// The facts the question is about, for the next follow-up (empty: the whole item).
    pub topic_facts: Vec<usize>,
    /// What came from the conversation.
    pub context_use: ContextUse,
}

impl Answer {
    fn without_item(intent: Intent) -> Answer {
        let status = match intent {
            Intent::Declined | Intent::Empty => Status::Declined,
            _ => Status::Answered,
        };
        Answer {
            intent,
            status,
            item: None,
            confidence: 0.0,
            facts: Vec::new(),
            missing: None,
            more: Vec::new(),
            suggestions: Vec::new(),
            asked: None,
            position: None,
            topic_facts: Vec::new(),
            context_use: ContextUse::default(),
        }
    }

    /// The answer for a whole item shown by number (`/item 5`, a button, 下一件).
    pub fn whole_item(number: u8, fact_count: usize) -> Answer {
        let mut answer = Answer::without_item(Intent::Ordinal);
        answer.item = Some(number);
        answer.confidence = 1.0;
        answer.facts = (0..fact_count).collect();
        answer
    }

    /// Every topic answered: the first item and the further ones.
    pub fn parts(&self) -> Vec<Part> {
        let mut parts = Vec::new();
        if let Some(item) = self.item {
            parts.push(Part {
                item,
                facts: self.facts.clone(),
                missing: self.missing.clone(),
            });
        }
        parts.extend(self.more.iter().cloned());
        parts
    }

    /// Every item answered, in order, without repeats.
    pub fn items(&self) -> Vec<u8> {
        let mut items: Vec<u8> = Vec::new();
        for part in self.parts() {
            if !items.contains(&part.item) {
                items.push(part.item);
            }
        }
        items
    }
}

/// Index of one knowledge base, ready to answer questions.
#[derive(Debug)]
pub struct Engine {
    knowledge: KnowledgeBase,
    index: Index,
    analyzer: Analyzer,
    intents: IntentPatterns,
    follow_up: FollowUpMatcher,
}

/// Words that join topics in one question (母婴室和两癌筛查各有多少). The question is cut at
/// them; each piece that names a topic of its own is answered on its own.
const TOPIC_SEPARATORS: [&str; 16] = [
    "以及", "还有", "和", "与", "跟", "及", "、", ",", ";", "/", "&", " and ", "?", "!", "。", "\n",
];

/// Whether a question (NFKC, lowercase) has a word or mark that can join topics.
fn has_separator(text: &str) -> bool {
    TOPIC_SEPARATORS.iter().any(|separator| text.contains(separator)) || text.contains(char::is_whitespace)
}

/// The question cut at every [`TOPIC_SEPARATORS`] word, in one pass.
fn split_topics(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut position = 0;
    while position < text.len() {
        let rest = &text[position..];
        match TOPIC_SEPARATORS.iter().find(|separator| rest.starts_with(**separator)) {
            Some(separator) => {
                pieces.push(text[start..position].to_string());
                position += separator.len();
                start = position;
            }
            None => position += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    pieces.push(text[start..].to_string());
    pieces
}

/// Whether the question has two keyword hits that do not overlap: only then can it name
/// several topics (a cheap test before cutting it into pieces).
fn has_separate_hits(scoring: &Scoring) -> bool {
    scoring
        .hits
        .iter()
        .any(|a| scoring.hits.iter().any(|b| a.end <= b.start))
}

/// A space between Chinese characters separates clauses (母婴室有多少间 儿童友好建设点呢);
/// spaces between English words do not.
fn han_spaces_as_breaks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (index, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let before = chars[..index].iter().rev().find(|c| !c.is_whitespace());
            let after = chars[index + 1..].iter().find(|c| !c.is_whitespace());
            if before.is_some_and(|c| is_han(*c)) && after.is_some_and(|c| is_han(*c)) {
                out.push('\n');
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Characters that carry no topic (particles, pronoun endings): ignored when counting the
/// words of a question the article never uses.
const PARTICLES: [char; 22] = [
    '了', '的', '吗', '呢', '吧', '啊', '呀', '是', '有', '在', '过', '都', '也', '还', '就', '这', '那', '们', '个',
    '么', '什', '咗',
];

/// Measure words after a figure that name an item position (5件), not a figure to look up.
const POSITION_UNITS: [&str; 3] = ["件", "条", "项"];

impl Engine {
    /// Builds the index for a validated knowledge base. The index and the analysis are
    /// built side by side on two threads (a `fuer-bot ask` process spends most of its
    /// start-up here).
    pub fn new(knowledge: KnowledgeBase) -> Engine {
        let vocabulary = Vocabulary::new(&knowledge.question_words);
        let (index, (analyzer, intents, follow_up)) = std::thread::scope(|scope| {
            let words = &knowledge.question_words;
            let others = scope.spawn(move || {
                (
                    Analyzer::new(words),
                    IntentPatterns::new(),
                    FollowUpMatcher::new(&words.follow_up),
                )
            });
            let index = Index::new(&knowledge, &vocabulary);
            match others.join() {
                Ok(others) => (index, others),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        Engine {
            knowledge,
            index,
            analyzer,
            intents,
            follow_up,
        }
    }

    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.knowledge
    }

    /// Answers one question on its own.
    pub fn answer(&self, question: &str) -> Answer {
        self.run(question, None, &mut Tracer::off())
    }

    /// Answers a question of a conversation: `focus` is what the conversation was about.
    /// The context only fills what the question leaves out; a complete question on another
    /// topic is answered as on its own.
    pub fn answer_in_context(&self, question: &str, focus: Option<&Focus>) -> Answer {
        self.run(question, focus, &mut Tracer::off())
    }

    /// Answers one question and records how: the analysis, hits, scores and the decision.
    pub fn answer_traced(&self, question: &str) -> (Answer, Trace) {
        self.answer_traced_in_context(question, None)
    }

    /// [`Engine::answer_in_context`] with its trace.
    pub fn answer_traced_in_context(&self, question: &str, focus: Option<&Focus>) -> (Answer, Trace) {
        let mut trace = Trace::default();
        let answer = self.run(question, focus, &mut Tracer::on(&mut trace));
        (answer, trace)
    }

    /// The first figure of a fact as written (`1480间`, `716万人次`), if it has one.
    pub fn first_figure(&self, item: u8, fact: usize) -> Option<String> {
        let item_index = self.knowledge.items.iter().position(|i| i.number == item)?;
        let doc = *self.index.item_fact_docs(item_index).get(fact)?;
        let figure = self.index.docs[doc]
            .figures
            .iter()
            .find(|f| f.written && f.is_count())?;
        Some(format!(
            "{}{}{}",
            figure.digits,
            figure.scale.map(String::from).unwrap_or_default(),
            figure.unit
        ))
    }

    /// Whether a question without a topic of its own continues the conversation about
    /// `context_item`: it asks something (a figure, a place, who …), points back (它, 其中)
    /// or uses words of the item's sentences — and brings few words the article never uses
    /// (深圳明天会下雨吗 is a new question, not a follow-up).
    fn is_follow_up(
        &self,
        analysis: &Analysis,
        normalized: &str,
        chars: &[char],
        scoring: &Scoring,
        context_item: usize,
    ) -> bool {
        // A reference proper (它获得了什么) may bring its own words; without one, most of the
        // question's words must be the article's.
        let (unknown, content) = self.unknown_bigrams(analysis, normalized, chars);
        let strong_reference = self.follow_up.has_strong_reference(normalized);
        if unknown > FOLLOW_UP_MAX_UNKNOWN_BIGRAMS
            || (!strong_reference && unknown as f32 > FOLLOW_UP_MAX_UNKNOWN_SHARE * content as f32)
        {
            return false;
        }
        // Any question word counts (是给谁打的, 实现了哪些功能): the words the article never
        // uses were counted above.
        let asks = analysis.asked.is_some();
        let overlap = self
            .index
            .item_fact_docs(context_item)
            .iter()
            .map(|&doc| scoring.doc_overlap[doc])
            .fold(0.0f32, f32::max);
        asks || self.follow_up.has_reference(normalized) || overlap >= FOLLOW_UP_MIN_OVERLAP
    }

    /// How many pairs of Chinese characters of the question the article never uses, and how
    /// many pairs there are, besides the cue words, references and particles.
    fn unknown_bigrams(&self, analysis: &Analysis, normalized: &str, chars: &[char]) -> (usize, usize) {
        let mut masked = vec![false; chars.len()];
        for cue in &analysis.cues {
            for flag in masked.iter_mut().take(cue.end.min(chars.len())).skip(cue.start) {
                *flag = true;
            }
        }
        for (start, end) in self.follow_up.reference_spans(normalized) {
            for flag in masked.iter_mut().take(end.min(chars.len())).skip(start) {
                *flag = true;
            }
        }
        let content: Vec<(char, char)> = chars
            .windows(2)
            .enumerate()
            .filter(|(position, pair)| {
                !masked[*position] && !masked[position + 1] && pair.iter().all(|c| is_han(*c) && !PARTICLES.contains(c))
            })
            .map(|(_, pair)| (pair[0], pair[1]))
            .collect();
        let unknown = content
            .iter()
            .filter(|bigram| !self.index.bigram_postings.contains_key(bigram))
            .count();
        (unknown, content.len())
    }

    /// Spans of the exact keyword hits that name a topic (not a place such as 福田区).
    fn topic_spans(&self, scoring: &Scoring) -> Vec<(usize, usize)> {
        // Exact hits only: a near miss (京的儿童友好城市 for 国家儿童友好城市) is a guess and
        // must not swallow a place the question names.
        scoring
            .hits
            .iter()
            .filter(|hit| hit.kind == hits::HitKind::Exact && !self.index.patterns[hit.pattern].place_like)
            .map(|hit| (hit.start, hit.end))
            .collect()
    }

    /// The keywords found in the question that belong to `item`.
    fn item_hit_patterns<'a>(&'a self, item: usize, scoring: &'a Scoring) -> impl Iterator<Item = &'a index::Pattern> {
        scoring
            .hits
            .iter()
            .map(|hit| &self.index.patterns[hit.pattern])
            .filter(move |pattern| pattern.terms.iter().any(|&t| self.index.terms[t].item == item))
    }

    /// The longest keyword of the item found in the question (what 「X呢」 counts).
    fn topic_hit_text(&self, item: usize, scoring: &Scoring) -> String {
        self.item_hit_patterns(item, scoring)
            .map(index::Pattern::text)
            .max_by_key(|text| text.chars().count())
            .unwrap_or_default()
    }

    /// A human-readable account of how a question was answered, for tuning keywords.
    pub fn explain(&self, question: &str) -> String {
        self.answer_traced(question).1.render()
    }

    /// The whole pipeline.
    fn run(&self, question: &str, focus: Option<&Focus>, tracer: &mut Tracer) -> Answer {
        let normalized = normalize(question);
        tracer.note(|| format!("normalized: {normalized}"));
        let chars: Vec<char> = normalized.chars().collect();
        if chars.iter().all(|c| *c == ' ') {
            tracer.note(|| "intent: empty (nothing but symbols)".to_string());
            return Answer::without_item(Intent::Empty);
        }
        if let Some(navigation) = self.follow_up.navigation(&normalized) {
            tracer.note(|| format!("intent: navigation {navigation:?}"));
            return Answer::without_item(Intent::Navigation(navigation));
        }
        for (pattern, intent) in [
            (&self.intents.greeting, Intent::Greeting),
            (&self.intents.thanks, Intent::Thanks),
            (&self.intents.help, Intent::Help),
            (&self.intents.source, Intent::Source),
        ] {
            if pattern.is_match(&normalized) {
                tracer.note(|| format!("intent: {intent:?}"));
                return Answer::without_item(intent);
            }
        }
        let raw = nfkc(question).to_lowercase();
        if self.intents.negative_ordinal(&raw) {
            tracer.note(|| "intent: a negative item position".to_string());
            return self.no_such_item(-1);
        }

        let mut analysis = self.analyzer.analyze(&normalized);
        self.trace_analysis(&analysis, tracer);
        let scoring = self.score_text(&raw, &normalized, &chars);
        self.trace_scoring(&scoring, tracer);
        let keyword_spans = self.topic_spans(&scoring);
        self.analyzer.drop_places_inside(&mut analysis, &keyword_spans);

        if let Some(found) = self.intents.ordinal(&normalized) {
            let named_elsewhere = !scoring.hits.is_empty();
            let number = match found.ordinal {
                Ordinal::Last => i64::from(self.knowledge.last_item_number()),
                Ordinal::Number(number) => number,
            };
            let in_range = (1..=i64::from(self.knowledge.last_item_number())).contains(&number);
            if (found.strong || !named_elsewhere) && (in_range || !found.bare) {
                tracer.note(|| format!("intent: item by position {number} (strong: {})", found.strong));
                return self.ordinal_answer(&normalized, number, &analysis, tracer);
            }
            tracer.note(|| "ordinal words ignored: the question names a topic".to_string());
        }
        if self.intents.list_strong.is_match(&normalized) {
            tracer.note(|| "intent: list".to_string());
            return Answer::without_item(Intent::List);
        }

        let ranked = scoring.ranked_items();
        let Some(&standalone_best) = ranked.first() else {
            return Answer::without_item(Intent::Declined);
        };
        let standalone_score = scoring.item_scores[standalone_best];

        // Several topics in one question: one part each, in the question's order. A
        // question naming several topics is complete: the conversation does not change it.
        let several = standalone_score >= MIN_ITEM_SCORE && has_separate_hits(&scoring) && has_separator(&raw);
        let mut parts: Vec<(usize, FactRanking)> = if several {
            self.topic_parts(&raw, &analysis, tracer)
        } else {
            Vec::new()
        };

        // A follow-up: the conversation fills what the question leaves out.
        let mut context_use = ContextUse::default();
        let mut focus_facts: Option<&[usize]> = None;
        let mut best = standalone_best;
        if parts.is_empty()
            && let Some(focus) = focus
        {
            // Places (香港 is a keyword of the 深港澳 item) name no topic to continue.
            let keyword_items = scoring.items_with_topic_hits(&self.index);
            let context_item = self.knowledge.items.iter().position(|item| item.number == focus.item);
            if let Some(context_item) = context_item {
                if keyword_items.contains(&context_item)
                    && scoring.item_scores[context_item] >= CONTEXT_TOPIC_RATIO * standalone_score
                {
                    // The question names the conversation's topic (perhaps among others, as
                    // 城中村 is in two items); a much stronger other topic wins.
                    context_use.topic = context_item != standalone_best;
                    best = context_item;
                } else if !keyword_items.is_empty() && standalone_score >= MIN_ITEM_SCORE {
                    // A complete question on another topic: the context does not apply.
                } else if self.is_follow_up(&analysis, &normalized, &chars, &scoring, context_item) {
                    context_use.topic = true;
                    context_use.facts = !focus.facts.is_empty();
                    best = context_item;
                    focus_facts = Some(&focus.facts);
                }
            }
            // 「那X呢」: a question without a kind of its own asks what was asked before
            // (unless that was something the article never says: then X is simply shown).
            if analysis.asked.is_none()
                && (best != standalone_best || context_use.topic || standalone_score >= MIN_ITEM_SCORE)
                && let Some(kind) = focus.asked.as_deref().and_then(|name| self.analyzer.kind_index(name))
                && self.analyzer.kind_rule(kind) != crate::knowledge::questions::AnswerRule::None
            {
                analysis.asked = Some(kind);
                analysis.counted = self.topic_hit_text(best, &scoring);
                context_use.attribute = true;
            }
            if context_use.any() {
                tracer.note(|| {
                    format!(
                        "context: item {} facts {:?} asked {:?} -> from context: topic {} attribute {} facts {}",
                        focus.item,
                        focus.facts,
                        focus.asked,
                        context_use.topic,
                        context_use.attribute,
                        context_use.facts
                    )
                });
            }
        }

        let best_score = scoring.item_scores[best];
        if best_score < MIN_ITEM_SCORE && !context_use.topic {
            if self.intents.list_weak.is_match(&normalized) {
                tracer.note(|| "intent: list (no item, a general question)".to_string());
                return Answer::without_item(Intent::List);
            }
            let mut declined = Answer::without_item(Intent::Declined);
            let keyword_items = scoring.items_with_keyword_hits(&self.index);
            declined.suggestions = ranked
                .iter()
                .filter(|&&item| {
                    keyword_items.contains(&item)
                        && scoring.item_scores[item] >= DECLINED_SUGGESTION_RATIO * MIN_ITEM_SCORE
                })
                .take(MAX_SUGGESTIONS)
                .map(|&item| self.knowledge.items[item].number)
                .collect();
            declined.asked = self.asked_summary(&analysis);
            tracer.note(|| format!("declined: best item score {best_score:.2} < {MIN_ITEM_SCORE}"));
            return declined;
        }
        // The best score the answer is measured by (a follow-up counts as one keyword).
        let best_score = best_score.max(MIN_ITEM_SCORE);

        if parts.is_empty() {
            let mut ranking = rank_facts(
                &self.index,
                &self.analyzer,
                best,
                &scoring,
                &analysis,
                &chars,
                focus_facts,
            );
            // What was asked before is a guess for 「那X呢」: when X cannot answer it, X is
            // shown as asked on its own, not reported missing.
            if context_use.attribute && (!ranking.answerable || ranking.scope_gap.is_some()) {
                analysis.asked = None;
                analysis.counted.clear();
                context_use.attribute = false;
                ranking = rank_facts(
                    &self.index,
                    &self.analyzer,
                    best,
                    &scoring,
                    &analysis,
                    &chars,
                    focus_facts,
                );
                tracer.note(|| "the asked kind from the context does not fit this topic: dropped".to_string());
            }
            parts.push((best, ranking));
        }
        let part_items: Vec<usize> = parts.iter().map(|(item, _)| *item).collect();

        let ambiguous = parts.len() == 1
            && !context_use.any()
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
        let confidence = (best_score / (best_score + 1.0)) * margin;

        let answered_parts: Vec<Part> = parts
            .iter()
            .map(|(item, ranking)| self.part(question, *item, ranking, &scoring, &analysis, tracer))
            .collect();
        let mut answer = Answer::without_item(Intent::Item);
        answer.confidence = confidence;
        answer.suggestions = suggestions;
        answer.asked = self.asked_summary(&analysis);
        answer.context_use = context_use;
        answer.topic_facts = parts
            .first()
            .map(|(_, ranking)| ranking.topic_facts())
            .unwrap_or_default();
        self.fill_parts(&mut answer, answered_parts);
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

    /// Puts the parts into the answer: the first is `item`/`facts`, the others `more`.
    /// Answered when any part is answered.
    fn fill_parts(&self, answer: &mut Answer, parts: Vec<Part>) {
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
    fn part(
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
        // The topic's name is only needed to say what is missing.
        let topic = || self.topic_name(item, scoring, question);
        let missing = if let Some(gap) = &ranking.scope_gap {
            Some(match gap {
                ScopeGap::Place(place) => Missing::Place {
                    topic: topic(),
                    place: place.clone(),
                    home: self.analyzer.home().to_string(),
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

    /// Splits a question naming several topics into parts, one per topic, in order; empty
    /// when the question has one topic.
    /// `raw` is the question after NFKC, lowercase.
    fn topic_parts(&self, raw: &str, analysis: &Analysis, tracer: &mut Tracer) -> Vec<(usize, FactRanking)> {
        let pieces = split_topics(&han_spaces_as_breaks(raw));
        if pieces.len() < 2 {
            return Vec::new();
        }
        // Per item, in order of first mention: its ranking and the first fact of each piece.
        let mut parts: Vec<(usize, FactRanking, Vec<usize>)> = Vec::new();
        for piece in &pieces {
            let normalized = normalize(piece);
            let chars: Vec<char> = normalized.chars().collect();
            if chars.len() < 2 {
                continue;
            }
            let scoring = self.score_text(piece, &normalized, &chars);
            let Some(&best) = scoring.ranked_items().first() else {
                continue;
            };
            if scoring.hits.is_empty() || scoring.item_scores[best] < MIN_PART_SCORE {
                continue;
            }
            // Each piece may ask its own thing (多少剂 …, 多少名 …); a piece without a cue
            // shares the question's (母婴室和两癌筛查各有多少).
            let mut piece_analysis = self.analyzer.analyze(&normalized);
            let piece_spans = self.topic_spans(&scoring);
            self.analyzer.drop_places_inside(&mut piece_analysis, &piece_spans);
            let piece_analysis = if piece_analysis.asked.is_some() {
                piece_analysis
            } else {
                Analysis {
                    other_places: piece_analysis.other_places,
                    other_years: piece_analysis.other_years,
                    ..analysis.clone()
                }
            };
            let ranking = rank_facts(
                &self.index,
                &self.analyzer,
                best,
                &scoring,
                &piece_analysis,
                &chars,
                None,
            );
            let first = ranking.listed.first().copied();
            match parts.iter_mut().find(|(item, ..)| *item == best) {
                Some((_, existing, firsts)) => {
                    if let Some(first) = first
                        && !firsts.contains(&first)
                    {
                        // A piece whose fact answers what is asked goes before one that
                        // only sets the scene (带娃出门要喂奶，深圳有多少个母婴室).
                        let answers = ranking.fits.get(first).is_some_and(|fit| *fit != analysis::Fit::No);
                        let others_answer = firsts
                            .iter()
                            .any(|&f| existing.fits.get(f).is_some_and(|fit| *fit != analysis::Fit::No));
                        if answers && !others_answer {
                            firsts.insert(0, first);
                            existing.fits = ranking.fits.clone();
                        } else {
                            firsts.push(first);
                        }
                    }
                    existing.answerable |= ranking.answerable;
                }
                None => parts.push((best, ranking, first.into_iter().collect())),
            }
        }
        let several = parts.len() >= 2 || parts.first().is_some_and(|(_, _, firsts)| firsts.len() >= 2);
        if !several {
            return Vec::new();
        }
        // Each piece's first fact leads, in the question's order; then the rest.
        let mut parts: Vec<(usize, FactRanking)> = parts
            .into_iter()
            .map(|(item, mut ranking, firsts)| {
                let mut listed = firsts;
                for fact in &ranking.listed {
                    if !listed.contains(fact) {
                        listed.push(*fact);
                    }
                }
                listed.truncate(MAX_PARTS.max(params::MAX_ANSWER_FACTS));
                ranking.listed = listed;
                (item, ranking)
            })
            .collect();
        parts.truncate(MAX_PARTS);
        tracer.note(|| {
            let items: Vec<u8> = parts
                .iter()
                .map(|(item, _)| self.knowledge.items[*item].number)
                .collect();
            format!("topics: {} piece(s) name items {items:?}", pieces.len())
        });
        parts
    }

    /// The item named by position; its facts ranked by the rest of the question
    /// (第五件的数字是多少 puts the figure first).
    fn ordinal_answer(&self, normalized: &str, number: i64, analysis: &Analysis, tracer: &mut Tracer) -> Answer {
        let Some(item) = u8::try_from(number)
            .ok()
            .and_then(|n| self.knowledge.items.iter().position(|item| item.number == n))
        else {
            return self.no_such_item(number);
        };
        let rest = self.intents.strip_ordinals(normalized);
        let chars: Vec<char> = rest.chars().collect();
        let scoring = self.score_text(&rest, &rest, &chars);
        let ranking = rank_facts(&self.index, &self.analyzer, item, &scoring, analysis, &chars, None);
        let part = self.part(normalized, item, &ranking, &scoring, analysis, tracer);
        let mut answer = Answer::without_item(Intent::Ordinal);
        answer.confidence = 1.0;
        answer.asked = self.asked_summary(analysis);
        self.fill_parts(&mut answer, vec![part]);
        answer
    }

    fn no_such_item(&self, number: i64) -> Answer {
        let mut answer = Answer::without_item(Intent::NoSuchItem);
        answer.position = Some(number);
        answer
    }

    /// Scores every item for a text (`written`: as typed after NFKC, for its figures in
    /// digits; `normalized` and its `chars` for everything else).
    fn score_text(&self, written: &str, normalized: &str, chars: &[char]) -> Scoring<'_> {
        let byte_to_char = byte_to_char_map(normalized);
        let figures = self.question_figures(written, normalized);
        score(
            &self.index,
            self.knowledge.items.len(),
            normalized,
            chars,
            &byte_to_char,
            &figures,
        )
    }

    /// Figures of a question: those written in digits, and Chinese numerals of two digits
    /// or more (二十四 → 24; a lone 一/两/三 is usually part of a word). Positions (第5件,
    /// 5件) and years are not looked up.
    fn question_figures(&self, written: &str, normalized: &str) -> Vec<Figure> {
        find_figures(normalized, written, self.analyzer.measure_words())
            .into_iter()
            .filter(|figure| !figure.ordinal && !figure.year)
            .filter(|figure| !POSITION_UNITS.contains(&figure.unit.as_str()))
            .filter(|figure| figure.written || figure.digits.len() > 1)
            .collect()
    }

    fn asked_summary(&self, analysis: &Analysis) -> Option<Asked> {
        let kind = analysis.asked?;
        Some(Asked {
            kind: self.analyzer.kind_name(kind).to_string(),
            label: self.analyzer.asked_label(analysis),
            unit: analysis.unit.as_ref().map(|unit| unit.word.clone()),
        })
    }

    fn trace_analysis(&self, analysis: &Analysis, tracer: &mut Tracer) {
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

    fn trace_scoring(&self, scoring: &Scoring, tracer: &mut Tracer) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::questions::{AnswerRule, AskedKind, QuestionWords, Scope, UnitClass};
    use crate::knowledge::{Fact, Item, SourceInfo};

    fn fact(text: &str, keywords: &[&str]) -> Fact {
        Fact {
            text: text.to_string(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
        }
    }

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn asked(kind: &str, label: &str, answer: AnswerRule, cues: &[&str]) -> AskedKind {
        AskedKind {
            kind: kind.to_string(),
            label: label.to_string(),
            answer,
            cues: strings(cues),
            units: Vec::new(),
            words: Vec::new(),
        }
    }

    fn engine() -> Engine {
        let item = |number: u8, title: &str, keywords: &[&str], facts: Vec<Fact>| Item {
            number,
            headline: format!("{title}的标题"),
            title: title.to_string(),
            summary: format!("{title}的摘要。"),
            keywords: strings(keywords),
            facts,
        };
        Engine::new(KnowledgeBase {
            id: "test".into(),
            year: 2024,
            source: SourceInfo {
                title: "T".into(),
                publisher: "P".into(),
                date: "2025-02-05".into(),
            },
            items: vec![
                item(
                    1,
                    "母婴室",
                    &["母婴室", "nursing room", "民生实事"],
                    vec![
                        fact("为哺乳期妈妈提供人性化关怀。", &[]),
                        fact("建设公共场所母婴室1480间。", &["母婴室"]),
                        fact("免费接种疫苗4.2万剂,服务1.2万人次。", &["疫苗", "hpv"]),
                    ],
                ),
                item(
                    2,
                    "集体婚礼",
                    &["集体婚礼", "彩礼"],
                    vec![fact("75对新人参加集体婚礼。", &[])],
                ),
            ],
            synonym_groups: vec![vec!["母婴室".into(), "哺乳室".into()]],
            question_words: QuestionWords {
                asked: vec![
                    asked("price", "门票价格", AnswerRule::None, &["门票", "多少钱"]),
                    asked("quantity", "具体数字", AnswerRule::Figure, &["多少", "几"]),
                ],
                units: vec![
                    UnitClass {
                        label: "人数".into(),
                        asked: strings(&["人", "人次"]),
                        answered_by: strings(&["人", "人次", "对"]),
                    },
                    UnitClass {
                        label: "数量".into(),
                        asked: strings(&["间", "剂"]),
                        answered_by: strings(&["间", "剂"]),
                    },
                ],
                scope: Scope {
                    year: 2024,
                    home: "深圳".into(),
                    other_places: strings(&["上海"]),
                },
                follow_up: Default::default(),
            },
        })
    }

    #[test]
    fn exact_pinyin_fuzzy_and_synonym_hits_find_the_item() {
        let engine = engine();
        for question in [
            "母婴室在哪",
            "母婴是在哪",
            "母音室在哪",
            "哺乳室",
            "nursing rooms",
            "集体婚里",
            "集体婚礼礼",
        ] {
            assert!(engine.answer(question).item.is_some(), "{question}");
        }
        assert_eq!(engine.answer("集体婚里").item, Some(2));
        assert_eq!(engine.answer("哺乳室").item, Some(1));
    }

    #[test]
    fn the_fact_with_a_figure_of_the_asked_unit_comes_first() {
        let engine = engine();
        // 民生实事 is a keyword of the whole item: the unit alone picks the fact.
        let rooms = engine.answer("民生实事建了多少间");
        assert_eq!((rooms.item, rooms.facts.first()), (Some(1), Some(&1)), "{rooms:?}");
        let people = engine.answer("民生实事一共服务了多少人次");
        assert_eq!(people.facts.first(), Some(&2), "{people:?}");
    }

    #[test]
    fn fact_keywords_route_to_their_fact() {
        assert_eq!(engine().answer("HPV").facts.first(), Some(&2));
    }

    #[test]
    fn a_bare_figure_finds_its_fact() {
        let answer = engine().answer("4.2万");
        assert_eq!((answer.item, answer.facts.first()), (Some(1), Some(&2)));
        assert_eq!(engine().answer("75").item, Some(2));
    }

    #[test]
    fn positions_are_bounded_by_the_item_count() {
        let engine = engine();
        assert_eq!(engine.answer("第2件").item, Some(2));
        assert_eq!(engine.answer("最后一件").item, Some(2));
        for question in ["第3件", "第-1件"] {
            let answer = engine.answer(question);
            assert_eq!((answer.intent, answer.item), (Intent::NoSuchItem, None), "{question}");
        }
    }

    #[test]
    fn unrelated_questions_are_declined() {
        let engine = engine();
        for question in ["天气怎么样", "asdf", "哈哈哈哈", "1+1等于几"] {
            let answer = engine.answer(question);
            assert_eq!(
                (answer.intent, answer.status),
                (Intent::Declined, Status::Declined),
                "{question}"
            );
        }
        assert_eq!(engine.answer("!!!").intent, Intent::Empty);
    }

    #[test]
    fn what_the_article_does_not_say_is_related_not_answered() {
        let engine = engine();
        let price = engine.answer("母婴室门票多少钱");
        assert_eq!((price.status, price.item), (Status::Related, Some(1)));
        assert_eq!(
            price.missing,
            Some(Missing::Asked {
                topic: "母婴室".into(),
                label: "门票价格".into()
            })
        );
        // A quantity whose unit no fact of the topic has: rooms are counted, not people.
        let people = engine.answer("母婴室有多少人");
        assert_eq!(people.status, Status::Related, "{people:?}");
        let elsewhere = engine.answer("上海有多少间母婴室");
        assert!(matches!(elsewhere.missing, Some(Missing::Place { ref place, .. }) if place == "上海"));
        let other_year = engine.answer("2023年建了多少间母婴室");
        assert!(matches!(other_year.missing, Some(Missing::Year { asked: 2023, .. })));
    }

    #[test]
    fn several_topics_get_one_part_each_in_order() {
        let answer = engine().answer("集体婚礼和母婴室各有多少");
        assert_eq!(answer.items(), vec![2, 1]);
        assert_eq!(answer.more.first().and_then(|part| part.facts.first()), Some(&1));
    }

    #[test]
    fn questions_are_cut_at_every_separator() {
        assert_eq!(
            split_topics("母婴室和两癌筛查,还有hpv and vaccine?"),
            vec!["母婴室", "两癌筛查", "", "hpv", "vaccine", ""]
        );
        assert_eq!(split_topics("以及"), vec!["", ""]);
        assert_eq!(split_topics("没有"), vec!["没有"]);
    }

    #[test]
    fn explain_is_the_trace_of_the_same_pipeline() {
        let engine = engine();
        for question in ["母婴室门票多少钱", "第2件", "集体婚礼和母婴室各有多少", "天气"] {
            let (answer, trace) = engine.answer_traced(question);
            assert_eq!(answer, engine.answer(question), "{question}");
            assert!(trace.render().starts_with("normalized: "), "{question}");
        }
        let explained = engine.explain("母婴室门票多少钱");
        assert!(explained.contains("asked: price"), "{explained}");
        assert!(explained.contains("decision: related"), "{explained}");
    }
}
