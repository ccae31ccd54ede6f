//! The answer pipeline as named stages, run in order by [`Engine::run`]:
//!
//! 1. [`Engine::read`]: normalize; intents that need nothing else (empty, navigation,
//!    greeting, thanks, help, source, a negative position);
//! 2. [`Engine::understand`]: the analysis of what is asked and the item scores;
//! 3. [`Engine::position_intent`]: an item named by position, the list of items;
//! 4. [`Engine::topic_parts`] (`topics.rs`): several topics, one part each;
//! 5. [`Engine::resolve_context`] (`followup.rs`): what the conversation fills in;
//! 6. [`Engine::declined`]: nothing strong enough;
//! 7. [`Engine::rank_single`]: the facts of one topic, best first;
//! 8. [`Engine::assemble`] (`assemble.rs`): the [`Answer`].
//!
//! Size (about 660 lines): the stages are short functions run in this order, kept in one
//! file so that the order reads top to bottom.

use super::Engine;
use super::analysis::Analysis;
use super::analysis::Fit;
use super::answer::{Answer, Intent};
use super::fallback::fallback;
use super::followup::{ContextUse, Focus};
use super::hits::HitKind;
use super::index::nfkc;
use super::intents::Ordinal;
use super::params::{
    DECLINED_SUGGESTION_RATIO, MAX_SUGGESTIONS, MIN_ITEM_SCORE, UNNAMED_MODIFIED_THING_MAX_CHARS,
    UNNAMED_THING_GAP_CHARS, UNNAMED_THING_MAX_CHARS,
};
use super::ranking::{FactRanking, ScopeGap, rank_facts};
use super::scoring::Scoring;
use super::topics::{has_separate_hits, has_separator};
use super::trace::Tracer;
use super::whole::{one_half_asked, unsplit_part};
use crate::knowledge::questions::AnswerRule;
use crate::normalize::is_han;

/// One question as the stages after [`Engine::read`] see it.
pub(crate) struct Question<'e> {
    /// As asked.
    pub text: &'e str,
    pub normalized: String,
    pub chars: Vec<char>,
    /// NFKC, lowercase: figures as written, separators kept.
    pub raw: String,
    pub analysis: Analysis,
    pub scoring: Scoring<'e>,
    /// Per clause of a question of several: whether it only tells an amount
    /// (`told_amounts::telling_clauses`), read once for the analysis and the topics.
    pub telling: Vec<bool>,
}

/// What the conversation decided for one question (see [`Engine::resolve_context`]).
pub(crate) struct Resolution<'f> {
    /// The item answered.
    pub best: usize,
    pub context_use: ContextUse,
    /// The conversation's facts standing for the topic.
    pub focus_facts: Option<&'f [usize]>,
    /// The facts the conversation was about, when it was about the item answered: what
    /// they say was said before (招聘会 before 一共多少岗位).
    pub said_before: &'f [usize],
    /// The facts the conversation has shown, when it was about the item answered.
    pub shown: Option<&'f [usize]>,
}

/// A question normalized for answering (see [`Engine::prepare`]): normalized once, it can be
/// answered by every engine whose measure words are the same
/// ([`Engine::answer_normalized`]), as routing across articles does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// As the keywords are matched ([`Engine::normalize`]).
    normalized: String,
    /// NFKC, lowercase: figures as written, separators kept.
    raw: String,
    /// The question with its dialect words in Mandarin (`[dialect]`), when it has any: read
    /// once here, not again by every engine that answers it.
    rewritten: Option<String>,
}

impl Prepared {
    /// The question as the keywords are matched (what [`Engine::look_at`] takes).
    pub fn normalized(&self) -> &str {
        &self.normalized
    }
}

/// The words joining things asked together (热水和尿布台).
const THING_JOINERS: [char; 3] = ['和', '与', '及'];

/// The normalized text of a question that passed the first stage.
pub(crate) struct Read {
    normalized: String,
    chars: Vec<char>,
    raw: String,
}

/// What the first stage makes of a message.
pub(crate) enum Reading {
    /// A question for the later stages.
    Question(Read),
    /// Answered without any item (a greeting, navigation …).
    Answered(Box<Answer>),
}

impl Engine {
    /// The whole pipeline.
    pub(crate) fn run(&self, question: &str, focus: Option<&Focus>, tracer: &mut Tracer) -> Answer {
        self.run_prepared(question, self.prepare(question), focus, tracer)
    }

    /// [`Engine::run`] of a question normalized already ([`Engine::prepare`]).
    pub(crate) fn run_prepared(
        &self,
        question: &str,
        prepared: Prepared,
        focus: Option<&Focus>,
        tracer: &mut Tracer,
    ) -> Answer {
        let mut prepared = prepared;
        let rewritten = prepared.rewritten.take();
        let question = rewritten.as_deref().unwrap_or(question);
        let read = match self.read(prepared, tracer) {
            Reading::Question(read) => read,
            Reading::Answered(answer) => return *answer,
        };
        let question = self.understand(question, read, tracer);
        // In a conversation a yes/no question with a bare ordinal (是全国第一个吗), or one
        // pointing back at the topic (which first lady visited it), claims a rank of the
        // conversation's topic or says what a thing of it is.
        let claims_rank = focus.is_some()
            && (question.analysis.head.yes_no || self.follow_up.has_strong_reference(&question.normalized));
        if let Some(answer) = self.position_intent(&question, claims_rank, tracer) {
            return answer;
        }
        let ranked = question.scoring.ranked_items();
        let Some(&standalone_best) = ranked.first() else {
            return Answer::without_item(Intent::Declined);
        };
        let standalone_score = question.scoring.item_scores[standalone_best];

        // Several topics in one question: one part each, in the question's order. A
        // question naming several topics is complete: the conversation does not change it.
        let several =
            standalone_score >= MIN_ITEM_SCORE && has_separate_hits(&question.scoring) && has_separator(&question.raw);
        let mut parts: Vec<(usize, FactRanking)> = if several {
            self.topic_parts(&question.raw, &question.analysis, &question.telling, tracer)
        } else {
            Vec::new()
        };
        let mut question = question;
        let resolution = match focus {
            Some(focus) if parts.is_empty() => self.resolve_context(&mut question, focus, standalone_best, tracer),
            _ => Resolution {
                best: standalone_best,
                context_use: ContextUse::default(),
                focus_facts: None,
                said_before: &[],
                shown: None,
            },
        };
        let best_score = question.scoring.item_scores[resolution.best];
        if best_score < MIN_ITEM_SCORE && !resolution.context_use.topic {
            return self.declined(&question, &ranked, best_score, tracer);
        }
        let mut resolution = resolution;
        if parts.is_empty() {
            parts.push(self.rank_single(&mut question, &mut resolution, tracer));
        } else if let [(_, ranking)] = parts.as_mut_slice()
            && ranking.scope_gap.is_none()
        {
            // One asking clause beside telling ones (多少会员?南山宝妈想加入): the thing it
            // counts the article may never name, as for a question of one clause.
            if let Some(thing) = self.uncounted_thing(&question) {
                tracer.note(|| format!("count of \"{thing}\": the article never names it"));
                ranking.scope_gap = Some(ScopeGap::Unnamed(thing));
            }
        }
        self.assemble(&question, parts, &resolution, &ranked, tracer)
    }

    /// A question's two normalized forms, for [`Engine::run_prepared`] of this engine or of
    /// any engine with the same measure words.
    pub fn prepare(&self, question: &str) -> Prepared {
        let question = self.vocabulary.question(question);
        Prepared {
            normalized: self.vocabulary.normalize(&question),
            raw: crate::normalize::join_digit_groups(&crate::normalize::lowercase(&nfkc(&question))),
            rewritten: match question {
                std::borrow::Cow::Owned(rewritten) => Some(rewritten),
                std::borrow::Cow::Borrowed(_) => None,
            },
        }
    }

    /// Stage 1: the question normalized ([`Engine::prepare`]); answers at once what needs
    /// no item.
    fn read(&self, prepared: Prepared, tracer: &mut Tracer) -> Reading {
        let Prepared { normalized, raw, .. } = prepared;
        tracer.note(|| format!("normalized: {normalized}"));
        let chars: Vec<char> = normalized.chars().collect();
        if chars.iter().all(|c| *c == ' ') {
            tracer.note(|| "intent: empty (nothing but symbols)".to_string());
            return Reading::Answered(Box::new(Answer::without_item(Intent::Empty)));
        }
        if let Some(navigation) = self.follow_up.navigation(&normalized) {
            tracer.note(|| format!("intent: navigation {navigation:?}"));
            return Reading::Answered(Box::new(Answer::without_item(Intent::Navigation(navigation))));
        }
        for (pattern, intent) in [
            (&self.intents.greeting, Intent::Greeting),
            (&self.intents.thanks, Intent::Thanks),
            (&self.intents.help, Intent::Help),
            (&self.intents.source, Intent::Source),
        ] {
            if pattern.is_match(&normalized) {
                tracer.note(|| format!("intent: {intent:?}"));
                return Reading::Answered(Box::new(Answer::without_item(intent)));
            }
        }
        if self.intents.negative_ordinal(&raw) {
            tracer.note(|| "intent: a negative item position".to_string());
            return Reading::Answered(Box::new(self.no_such_item(-1)));
        }
        Reading::Question(Read { normalized, chars, raw })
    }

    /// The two characters across an edge of a place of the question that a keyword of a
    /// topic holds (大|厦门: 大厦, of 妇儿大厦): the place is then a piece of the article's
    /// word, not a place of its own (大厦门口 is the building's door, not Xiamen). Keywords
    /// that are places themselves (福田区) or units do not count. Only Chinese characters run
    /// into each other: an English place is found on word boundaries (does guangzhou is no
    /// piece of a keyword holding "s g"). A keyword holding the whole place (福田区莲花街道
    /// of 福田|区) names that very place: the place stays one.
    fn words_across_places(&self, chars: &[char], analysis: &Analysis) -> Vec<(usize, usize)> {
        let in_a_keyword = |pair: &[char], place: &[char]| {
            pair.iter().all(|&c| crate::normalize::is_han(c))
                && self.topic_keyword_pairs().contains(&(pair[0], pair[1]))
                && self
                    .index
                    .patterns
                    .iter()
                    .filter(|pattern| !pattern.place_like && !pattern.no_topic)
                    .filter(|pattern| !pattern.chars.windows(place.len()).any(|window| window == place))
                    .any(|pattern| pattern.chars.windows(2).any(|window| window == pair))
        };
        let mut spans = Vec::new();
        for &(start, end) in &analysis.place_spans {
            if end <= start || end > chars.len() {
                continue;
            }
            let place = &chars[start..end];
            if start > 0 && in_a_keyword(&chars[start - 1..=start], place) {
                spans.push((start - 1, start + 1));
            }
            if end < chars.len() && in_a_keyword(&chars[end - 1..=end], place) {
                spans.push((end - 1, end + 1));
            }
        }
        spans
    }

    /// Stage 2: what is asked, and how strongly the question points at each item.
    fn understand<'e>(&'e self, text: &'e str, read: Read, tracer: &mut Tracer) -> Question<'e> {
        let Read { normalized, chars, raw } = read;
        let all_figures = self.all_figures(&raw, &normalized);
        let figures = super::counted_figures(all_figures.clone());
        let framed = self.intents.without_item_frame(&normalized);
        let framed_chars: Vec<char> = framed.chars().collect();
        let mut scoring = self.score_with_figures(&framed, &framed_chars, &figures);
        let keyword_spans = self.topic_spans(&scoring);
        let clauses = self.read_clauses(&raw);
        let telling_spans = super::told_amounts::telling_spans(&clauses, &normalized);
        let asking_end = super::told_amounts::asking_end(&clauses, &normalized);
        let telling = super::told_amounts::telling_clauses(&clauses);
        let context_spans = self.english_context_spans(&raw, &normalized);
        let mut no_cue_spans = keyword_spans.clone();
        no_cue_spans.extend(self.compound_spans(&raw, &normalized));
        let mut analysis =
            self.analyzer
                .analyze_told(&normalized, &no_cue_spans, &telling_spans, &context_spans, asking_end);
        analysis.compared = self.analyzer.compared(&analysis, &chars, &figures, &keyword_spans);
        self.analyzer.ask_compared(&mut analysis);
        analysis.alternatives = self
            .analyzer
            .alternatives(&analysis, &chars, &all_figures, &keyword_spans);
        analysis.figures = figures;
        if self.intents.asks_item(&normalized) {
            analysis.ask_for_item();
        }
        if scoring.hits.is_empty() && !self.follow_up.has_strong_reference(&normalized) {
            // No keyword at all: the question's own words may still say which item (not
            // where it points back at a conversation: 其中免费的有多少).
            let asking = self.asking_chars(&normalized, &chars, &analysis);
            scoring.apply_fallback(fallback(&self.index, self.knowledge.items.len(), &chars, &asking));
        }
        self.trace_analysis(&analysis, &normalized, tracer);
        self.trace_scoring(&scoring, tracer);
        self.counted_as_the_keyword(&mut analysis, &chars, &scoring);
        let mut not_places = keyword_spans.clone();
        not_places.extend(self.words_across_places(&chars, &analysis));
        not_places.extend(self.english_article_place_spans(&chars, &analysis));
        self.analyzer.drop_places_inside(&mut analysis, &not_places);
        self.analyzer
            .drop_asker_places(&mut analysis, &raw, &normalized, &keyword_spans, |text| {
                self.vocabulary.normalize(text)
            });
        super::analysis::drop_places_only_in(&mut analysis, &chars, &context_spans);
        Question {
            text,
            normalized,
            chars,
            raw,
            analysis,
            scoring,
            telling,
        }
    }

    /// What a count asks for, as the keyword it names reads where it is mistyped (几个留手
    /// 儿童 counts 留守儿童): the facts' figures are followed by the keyword's words.
    fn counted_as_the_keyword(&self, analysis: &mut Analysis, chars: &[char], scoring: &Scoring) {
        let counted: Vec<char> = analysis.counted.chars().collect();
        if counted.len() < 2 {
            return;
        }
        let Some(start) = crate::normalize::find_chars(chars, &counted) else {
            return;
        };
        let end = start + counted.len();
        // Written right (an exact hit there), it stays as written.
        if scoring
            .hits
            .iter()
            .any(|hit| hit.kind == HitKind::Exact && hit.start <= start && start < hit.end)
        {
            return;
        }
        let Some(hit) = scoring
            .hits
            .iter()
            .find(|hit| hit.start == start && hit.end <= end && hit.kind != HitKind::Exact)
        else {
            return;
        };
        let mut written = self.index.patterns[hit.pattern].text();
        written.extend(&chars[hit.end..end]);
        if analysis.head.noun == analysis.counted {
            analysis.head.noun.clone_from(&written);
        }
        analysis.counted = written;
    }

    /// The characters of a question that say what is asked, not what about: its cues,
    /// places, whole words, reference words and fillers (其中, 请问), and particles.
    fn asking_chars(&self, normalized: &str, chars: &[char], analysis: &Analysis) -> Vec<bool> {
        let mut asking: Vec<bool> = chars.iter().map(|&c| self.vocabulary.is_particle(c)).collect();
        let spans = analysis
            .cues
            .iter()
            .map(|cue| (cue.start, cue.end))
            .chain(analysis.place_spans.iter().copied())
            .chain(analysis.whole_places.iter().map(|(_, span)| *span))
            .chain(analysis.totals.iter().copied())
            .chain(self.follow_up.reference_spans(normalized));
        for (start, end) in spans {
            for flag in asking.iter_mut().take(end).skip(start) {
                *flag = true;
            }
        }
        asking
    }

    /// Stage 3: an item named by position (第五件), or the list of all items. Where the
    /// question `claims_rank` (a yes/no question in a conversation: 是全国第一个吗) only a
    /// strong ordinal (第五件, item 5) names an item: a bare one is a rank said of the
    /// conversation's topic.
    fn position_intent(&self, question: &Question, claims_rank: bool, tracer: &mut Tracer) -> Option<Answer> {
        if let Some(found) = self.intents.ordinal(&question.normalized) {
            let named_elsewhere = !question.scoring.hits.is_empty();
            let last = i64::from(self.knowledge.last_item_number());
            let number = match found.ordinal {
                Ordinal::Last => last,
                Ordinal::Number(number) => number,
            };
            let in_range = (1..=last).contains(&number);
            if (found.strong || !(named_elsewhere || claims_rank)) && (in_range || !found.bare) {
                tracer.note(|| format!("intent: item by position {number} (strong: {})", found.strong));
                return Some(self.ordinal_answer(&question.normalized, number, &question.analysis, tracer));
            }
            tracer.note(|| "ordinal words ignored: the question names a topic".to_string());
        }
        // 十件大事里哪条是讲母婴室的 asks for one item, not the list.
        if !question.analysis.asks_item && self.intents.list_strong.is_match(&question.normalized) {
            tracer.note(|| "intent: list".to_string());
            return Some(Answer::without_item(Intent::List));
        }
        None
    }

    /// Stage 6: no item scores enough. A general question gets the list; otherwise the
    /// question is declined, with the items it named as suggestions.
    fn declined(&self, question: &Question, ranked: &[usize], best_score: f32, tracer: &mut Tracer) -> Answer {
        if self.intents.list_weak.is_match(&question.normalized) {
            tracer.note(|| "intent: list (no item, a general question)".to_string());
            return Answer::without_item(Intent::List);
        }
        let scoring = &question.scoring;
        let mut declined = Answer::without_item(Intent::Declined);
        let keyword_items = scoring.items_with_keyword_hits(&self.index);
        declined.suggestions = ranked
            .iter()
            .filter(|&&item| {
                keyword_items.contains(&item) && scoring.item_scores[item] >= DECLINED_SUGGESTION_RATIO * MIN_ITEM_SCORE
            })
            .take(MAX_SUGGESTIONS)
            .map(|&item| self.knowledge.items[item].number)
            .collect();
        declined.asked = self.asked_summary(&question.analysis);
        tracer.note(|| format!("declined: best item score {best_score:.2} < {MIN_ITEM_SCORE}"));
        declined
    }

    /// Stage 7: the facts of the one topic, best first. What was asked before is a guess
    /// for 「那X呢」: when X cannot answer it, X is shown as asked on its own, not reported
    /// missing.
    fn rank_single(
        &self,
        question: &mut Question,
        resolution: &mut Resolution,
        tracer: &mut Tracer,
    ) -> (usize, FactRanking) {
        let best = resolution.best;
        let rank = |analysis: &Analysis| {
            rank_facts(
                &self.index,
                &self.analyzer,
                best,
                &question.scoring,
                analysis,
                &question.chars,
                resolution.focus_facts,
            )
        };
        let mut ranking = rank(&question.analysis);
        if let Some(shown) = resolution.shown {
            self.prefer_unshown_aspects(&question.normalized, shown, &mut ranking, tracer);
        } else {
            self.prefer_head_aspect(&question.analysis, &mut ranking, tracer);
        }
        let follow_up = resolution.focus_facts.is_some();
        self.prefer_english_words(question.text, &question.normalized, follow_up, &mut ranking, tracer);
        if ranking.scope_gap.is_none() {
            ranking.scope_gap = self.unwritten_gap(question, &ranking, tracer);
        }
        if ranking.scope_gap.is_none() && resolution.shown.is_some() {
            ranking.scope_gap = self.follow_up_head_gap(question, best, tracer);
        }
        if ranking.scope_gap == Some(ScopeGap::Part)
            && ranking
                .candidates
                .iter()
                .any(|f| ranking.fits[*f] != Fit::No && resolution.said_before.contains(f))
        {
            // The conversation said what the figure counts (招聘会 before 一共多少岗位).
            tracer.note(|| "a whole asked of a part: the conversation named the part".to_string());
            ranking.scope_gap = None;
        }
        if ranking.scope_gap.is_none() {
            ranking.scope_gap = self.part_gap(question, best, &ranking, tracer);
        }
        // (A whole asked of a part the article counts is no mismatch of the asked kind.)
        let gap = ranking.scope_gap.as_ref().is_some_and(|gap| !gap.is_whole());
        if !(resolution.context_use.attribute && (!ranking.answerable || gap)) {
            return (best, ranking);
        }
        let mut analysis = std::mem::take(&mut question.analysis);
        analysis.asked = None;
        analysis.counted.clear();
        let mut ranking = rank(&analysis);
        if let Some(shown) = resolution.shown {
            self.prefer_unshown_aspects(&question.normalized, shown, &mut ranking, tracer);
        }
        let follow_up = resolution.focus_facts.is_some();
        self.prefer_english_words(question.text, &question.normalized, follow_up, &mut ranking, tracer);
        question.analysis = analysis;
        resolution.context_use.attribute = false;
        tracer.note(|| "the asked kind from the context does not fit this topic: dropped".to_string());
        (best, ranking)
    }

    /// A part asked as a figure that the facts do not count on its own: 其中… that they do
    /// not split out, or one half (线上) of a paired whole they count together (线上线下).
    fn part_gap(
        &self,
        question: &Question,
        best: usize,
        ranking: &FactRanking,
        tracer: &mut Tracer,
    ) -> Option<ScopeGap> {
        let asks_a_figure = question
            .analysis
            .asked
            .is_some_and(|kind| self.analyzer.kind_rule(kind) == AnswerRule::Figure);
        if !asks_a_figure {
            return None;
        }
        let docs = self.index.answer_docs(best);
        let candidates = &ranking.candidates;
        if unsplit_part(
            &self.index,
            &self.analyzer,
            &docs,
            candidates,
            &question.scoring,
            &question.chars,
        ) {
            tracer.note(|| "a part asked (其中…) that the facts do not split out".to_string());
            return Some(ScopeGap::Part);
        }
        if one_half_asked(&self.index, &self.analyzer, &docs, candidates, &question.chars) {
            tracer.note(|| "one half asked (线上) of a paired whole the facts count together (线上线下)".to_string());
            return Some(ScopeGap::Part);
        }
        None
    }

    /// What the question asks that the article never writes, first found of: a thing whose
    /// existence is asked (母婴室有没有热水), a thing counted (它有多少会员), a detail the
    /// answering fact does not say (1480间母婴室分别在哪, 男孩能打吗).
    fn unwritten_gap(&self, question: &Question, ranking: &FactRanking, tracer: &mut Tracer) -> Option<ScopeGap> {
        if let Some(thing) = self.unnamed_thing(question) {
            tracer.note(|| format!("existence of \"{thing}\": the article never names it"));
            return Some(ScopeGap::Unnamed(thing));
        }
        if let Some(thing) = self.uncounted_thing(question) {
            tracer.note(|| format!("count of \"{thing}\": the article never names it"));
            return Some(ScopeGap::Unnamed(thing));
        }
        let label = self.unsaid_detail(question, ranking)?;
        tracer.note(|| format!("the answering fact does not say the {label} asked"));
        Some(ScopeGap::Unsaid(label))
    }

    /// Whether the head noun at `span` (the question's characters) is something the engine
    /// reads already: a question word, a reference back (它), or a keyword found over it.
    pub(crate) fn head_noun_is_known(&self, question: &Question, (start, end): (usize, usize)) -> bool {
        let noun = &question.analysis.head.noun;
        self.has_interrogative(noun)
            || !self.follow_up.reference_spans(noun).is_empty()
            || question
                .scoring
                .hits
                .iter()
                .any(|hit| hit.start < end && start < hit.end)
    }

    /// What an existence question asks about (母婴室有没有热水, 妇儿大厦有停车场吗 → 热水,
    /// 停车场) when the article never
    /// names it: none of its pairs of Chinese characters is in the article's sentences and no
    /// keyword (nor everyday phrase of one) is found in it. The item's facts then say
    /// nothing of it, however well they match the topic.
    fn unnamed_thing(&self, question: &Question) -> Option<String> {
        let head = &question.analysis.head;
        if !head.existence {
            return None;
        }
        let (start, end) = question.analysis.head_noun_span(&question.chars)?;
        // 有没有英文服务?Korean support? asks the Chinese thing; the English words after it
        // restate it.
        // 有没有达到1000个 asks a figure, not a thing.
        if question.chars[start..end].iter().any(char::is_ascii_digit) {
            return None;
        }
        let han = question.chars[start..end].iter().take_while(|c| is_han(**c)).count();
        let end = if han >= 2 { start + han } else { end };
        let noun = &question.chars[start..end];
        // 热水和尿布台 asks for two things: each is short.
        let things: Vec<&[char]> = noun.split(|c| THING_JOINERS.contains(c)).collect();
        // 有没有人管 asks for someone to help, 有没有啥帮忙的 for anything, 有冇帮手 for help
        // (an aspect word): not a thing.
        if things
            .iter()
            .any(|thing| thing.is_empty() || thing.len() > UNNAMED_MODIFIED_THING_MAX_CHARS)
            || noun.first() == Some(&'人')
            || self.head_noun_is_known(question, (start, end))
        {
            return None;
        }
        // Only where the question names its topic right before asking (母婴室有没有热水):
        // 深圳有专门的房间吗 asks for a thing in general, which the topic's facts may well be.
        let asking = head.interrogative.as_ref()?;
        let topic_hits = || {
            question
                .scoring
                .hits
                .iter()
                .filter(|hit| !self.index.patterns[hit.pattern].place_like)
        };
        let gap_before = |from: usize, to: usize| {
            question.chars[from..to]
                .iter()
                .filter(|&&c| !self.vocabulary.is_particle(c))
                .count()
                <= UNNAMED_THING_GAP_CHARS
        };
        let topic_before = if start >= asking.end {
            // 母婴室有没有热水, 母婴室里头有没有热水: the topic, at most a locative word.
            topic_hits().any(|hit| hit.end <= asking.start && gap_before(hit.end, asking.start))
        } else {
            // 妇儿大厦有停车场吗, 母婴室里有热水吗: the topic, at most a locative word (里),
            // 有, then the thing.
            topic_hits().any(|hit| hit.end <= start && question.chars[start - 1] == '有' && gap_before(hit.end, start))
        };
        if !topic_before {
            return None;
        }
        let article_writes = |c: char| self.index.bigram_postings.keys().any(|&(a, b)| a == c || b == c);
        let unnamed = |thing: &[char]| {
            let pairs: Vec<(char, char)> = thing
                .windows(2)
                .filter(|pair| pair.iter().all(|&c| is_han(c) && !self.vocabulary.is_particle(c)))
                .map(|pair| (pair[0], pair[1]))
                .collect();
            let written = |pair: &(char, char)| self.index.bigram_postings.contains_key(pair);
            if !pairs.iter().any(written) {
                return !pairs.is_empty() && thing.len() <= UNNAMED_THING_MAX_CHARS;
            }
            // A word the facts write before a last one holding a character they never write
            // (免费尿不湿): the facts name 免费, not the thing. Not a first word they do not
            // write (自己的协会: 协会 is what is asked, and written).
            pairs
                .last()
                .is_some_and(|&(a, b)| !written(&(a, b)) && [a, b].into_iter().any(|c| !article_writes(c)))
        };
        things.iter().all(|thing| unnamed(thing)).then(|| noun.iter().collect())
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

    pub(crate) fn no_such_item(&self, number: i64) -> Answer {
        let mut answer = Answer::without_item(Intent::NoSuchItem);
        answer.position = Some(number);
        answer
    }
}
