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
mod answer;
mod assemble;
mod bounds;
mod counted;
mod details;
mod english_followup;
mod english_sentences;
mod english_words;
pub mod fallback;
pub mod figures;
pub mod followup;
mod followup_head;
mod head_aspect;
pub mod hits;
pub mod index;
pub mod intents;
mod lead;
mod naming;
pub mod params;
mod pipeline;
pub mod ranking;
pub mod scoring;
mod stated;
mod target;
mod told_amounts;
mod topics;
pub mod trace;
mod uncounted;
pub mod vocabulary;
mod whole;

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::knowledge::KnowledgeBase;
use crate::texts;

pub use analysis::Relation;
use analysis::{Analysis, Analyzer, byte_to_char_map};
pub use answer::{Answer, Asked, FigureComparison, FigureLead, Intent, Lead, Missing, Part, Status};
use figures::{Figure, find_figures};
use followup::FollowUpMatcher;
pub use followup::{ContextUse, Focus, Navigation};
use index::Index;
use intents::{ITEM_UNITS, IntentPatterns};
pub use pipeline::Prepared;
use scoring::{Scoring, score};
use trace::{Trace, Tracer};
use vocabulary::Vocabulary;

/// The asked kind of a question that asks which item its topic is in ([`Asked::kind`]).
pub const ITEM_KIND: &str = "item";

/// Index of one knowledge base, ready to answer questions.
#[derive(Debug)]
pub struct Engine {
    knowledge: KnowledgeBase,
    index: Index,
    analyzer: Analyzer,
    intents: IntentPatterns,
    follow_up: FollowUpMatcher,
    vocabulary: Vocabulary,
    /// The `[listing]` and `[groups]` words (`details.rs`).
    details: details::DetailMatcher,
    /// The `[naming]` words (`naming.rs`).
    names: naming::NameMatcher,
    /// The `[target]` words (`target.rs`).
    targets: target::TargetMatcher,
    /// The knowledge's synonym groups in lowercase (what a question names, see `lead.rs`),
    /// lowered once here rather than at every answer.
    lowered_synonyms: Vec<Vec<String>>,
    /// The words of the facts' translations (`english_words.rs`), gathered by the first
    /// question that needs them: only English questions do, and a Chinese one (or a cold
    /// `ask`) need not normalize every translation.
    english_facts: OnceLock<english_words::EnglishFacts>,
    /// Every pair of neighbouring characters of a keyword of a topic (not a place, not a
    /// unit word), gathered by the first question naming a place: most pairs beside a
    /// place are in no keyword, and need not be looked for in each (`words_across_places`).
    topic_keyword_pairs: OnceLock<FxHashSet<(char, char)>>,
}

impl Engine {
    /// Builds the index for a validated knowledge base. The index and the analysis are
    /// built side by side on two threads (a `fuer-bot ask` process spends most of its
    /// start-up here).
    pub fn new(knowledge: KnowledgeBase) -> Engine {
        let vocabulary = Vocabulary::new(&knowledge.question_words);
        let said = analysis::said_by_article(&knowledge.question_words, &knowledge.items, &vocabulary);
        let (index, (analyzer, intents, follow_up)) = std::thread::scope(|scope| {
            let said = &said;
            let words = &knowledge.question_words;
            let vocabulary = &vocabulary;
            let others = scope.spawn(move || {
                let greetings: Vec<String> = words
                    .lexicon
                    .greetings
                    .iter()
                    .map(|word| vocabulary.normalize(word))
                    .collect();
                (
                    Analyzer::new(said, vocabulary),
                    IntentPatterns::new(&greetings, &vocabulary.particles),
                    FollowUpMatcher::new(&words.follow_up, vocabulary),
                )
            });
            let index = Index::new(&knowledge, vocabulary);
            match others.join() {
                Ok(others) => (index, others),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        let lowered_synonyms = knowledge
            .synonym_groups
            .iter()
            .map(|group| group.iter().map(|word| crate::normalize::lowercase(word)).collect())
            .collect();
        let words = &knowledge.question_words;
        let details = details::DetailMatcher::new(&words.listing, &words.groups, &vocabulary);
        let names = naming::NameMatcher::new(&words.naming, &vocabulary);
        let targets = target::TargetMatcher::new(&words.target, &vocabulary);
        Engine {
            english_facts: OnceLock::new(),
            topic_keyword_pairs: OnceLock::new(),
            details,
            names,
            targets,
            lowered_synonyms,
            knowledge,
            index,
            analyzer,
            intents,
            follow_up,
            vocabulary,
        }
    }

    /// The words of the facts' translations, gathered on first use.
    fn english_facts(&self) -> &english_words::EnglishFacts {
        self.english_facts
            .get_or_init(|| english_words::EnglishFacts::new(&self.knowledge, &self.vocabulary, &self.index))
    }

    /// The pairs of neighbouring characters of the topics' keywords, gathered on first use.
    fn topic_keyword_pairs(&self) -> &FxHashSet<(char, char)> {
        self.topic_keyword_pairs.get_or_init(|| {
            self.index
                .patterns
                .iter()
                .filter(|pattern| !pattern.place_like && !pattern.no_topic)
                .flat_map(|pattern| pattern.chars.windows(2).map(|pair| (pair[0], pair[1])))
                .collect()
        })
    }

    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.knowledge
    }

    /// Answers one question on its own.
    pub fn answer(&self, question: &str) -> Answer {
        self.run(question, None, &mut Tracer::off())
    }

    /// [`Engine::answer`] of a question normalized already by [`Engine::prepare`] of this
    /// engine or of one with the same measure words: routing across articles normalizes a
    /// question once for all of them.
    pub fn answer_normalized(&self, question: &str, prepared: &Prepared) -> Answer {
        self.run_prepared(question, prepared.clone(), None, &mut Tracer::off())
    }

    /// What this article's keywords, found exactly, say about the question (see
    /// [`hits::Look`]); much cheaper than an answer.
    pub fn look(&self, question: &str) -> hits::Look {
        self.look_at(&self.normalize(question))
    }

    /// [`Engine::look`] at a question normalized already (by [`Engine::normalize`] of an
    /// engine with the same measure words).
    pub fn look_at(&self, normalized: &str) -> hits::Look {
        hits::look(&self.index, normalized)
    }

    /// A question as this engine's keywords are matched against it.
    pub fn normalize(&self, question: &str) -> String {
        self.vocabulary.normalize(&self.vocabulary.question(question))
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
        Some(figure.as_written())
    }

    /// Spans of the exact keyword hits that name a topic (not a place such as 福田区).
    fn topic_spans(&self, scoring: &Scoring) -> Vec<(usize, usize)> {
        // Exact hits and hits of the very same pinyin (心情童伴热线 for 心晴童伴热线, a
        // keyword typed with another character of its sound); a near miss (京的儿童友好城市
        // for 国家儿童友好城市) is a guess and must not swallow a place the question names.
        scoring
            .hits
            .iter()
            .filter(|hit| {
                matches!(hit.kind, hits::HitKind::Exact | hits::HitKind::Pinyin)
                    && !self.index.patterns[hit.pattern].place_like
            })
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

    /// Scores every item for a text (`written`: as typed after NFKC, for its figures in
    /// digits; `normalized` and its `chars` for everything else).
    fn score_text(&self, written: &str, normalized: &str, chars: &[char]) -> Scoring<'_> {
        let figures = self.question_figures(written, normalized);
        self.score_with_figures(normalized, chars, &figures)
    }

    /// [`Engine::score_text`] with the question's figures already found.
    fn score_with_figures(&self, normalized: &str, chars: &[char], figures: &[Figure]) -> Scoring<'_> {
        let byte_to_char = byte_to_char_map(normalized);
        score(
            &self.index,
            self.knowledge.items.len(),
            normalized,
            chars,
            &byte_to_char,
            figures,
        )
    }

    /// Every figure of a question, years and positions included.
    fn all_figures(&self, written: &str, normalized: &str) -> Vec<Figure> {
        find_figures(normalized, written, self.vocabulary.measure_words())
    }

    /// Figures of a question: those written in digits, and Chinese numerals of two digits
    /// or more with a measure word (二十四个 → 24个; a lone 一/两/三 is usually part of a word). Positions (第5件,
    /// 5件) and years are not looked up.
    fn question_figures(&self, written: &str, normalized: &str) -> Vec<Figure> {
        counted_figures(self.all_figures(written, normalized))
    }

    fn asked_summary(&self, analysis: &Analysis) -> Option<Asked> {
        if analysis.asks_item {
            return Some(Asked {
                kind: ITEM_KIND.to_string(),
                label: texts::ASKED_ITEM_LABEL.to_string(),
                unit: None,
            });
        }
        let kind = analysis.asked?;
        Some(Asked {
            kind: self.analyzer.kind_name(kind).to_string(),
            label: self.analyzer.asked_label(analysis),
            unit: analysis.unit.as_ref().map(|unit| unit.word.clone()),
        })
    }
}

/// The figures of a question that count something: not positions (第5件, 5件) or years, and
/// a Chinese numeral only with a measure word (三十多了 is an age or a vague amount).
fn counted_figures(figures: Vec<Figure>) -> Vec<Figure> {
    figures
        .into_iter()
        .filter(|figure| !figure.ordinal && !figure.year)
        .filter(|figure| !ITEM_UNITS.contains(&figure.unit.as_str()))
        // A Chinese numeral without a measure word is an age or a vague amount (三十多了).
        .filter(|figure| figure.written || (figure.digits.len() > 1 && !figure.unit.is_empty()))
        // One digit and nothing counted (1+1等于几) is arithmetic, not a figure of the article.
        .filter(|figure| figure.digits.len() > 1 || !figure.unit.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
