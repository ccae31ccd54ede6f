//! Question analysis: what a question asks for, before any item is matched.
//!
//! Built from `knowledge/questions.toml` ([`QuestionWords`]): cue words name the asked
//! kind (a quantity, a price, opening hours, a place …), the measure word after 多少/几
//! names the unit (多少人 → 人数), and scope markers name places and years the article
//! does not cover. The answer pipeline then checks that the chosen fact can answer it.
//!
//! Size (about 990 lines): the analyzer's compiled word lists and `analyze`, which fills
//! every field of [`Analysis`], stay together; its stages live in `head.rs`, `units.rs`,
//! `compare.rs` and `fit.rs`.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::knowledge::questions::{AnswerRule, AskedKind, UnitClass};
use crate::knowledge::{QuestionWords, is_plausible_year};

use crate::knowledge::questions::{ORDINAL_UNIT, YEAR_UNIT};

use super::bounds::Limits;
use super::vocabulary::Vocabulary;

mod asker;
mod compare;
mod context;
mod fit;
mod head;
mod rank;
mod units;
mod written;
pub(crate) use asker::drop_places_only_in;
pub(crate) use compare::says_offered_figure;
pub use compare::{Compared, Relation, UNIT_MARK};
pub(crate) use fit::names_sounding;
pub use fit::{Fit, Narrowing};
pub use head::{Head, Modifier, ModifierReason};

/// What a cue is: a question word of its own, or a noun that asks only as a head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueRole {
    /// It holds a question word (多少, 几点, 在哪, how many).
    Wh,
    /// It holds a yes/no word and no question word (吗, 有没有, 免费吗, is there).
    YesNo,
    /// A noun or verb (门票, 电话, 每年, 报名).
    Noun,
}

/// A cue word found in a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueMatch {
    /// Index into the asked kinds.
    pub kind: usize,
    pub start: usize,
    pub end: usize,
    pub role: CueRole,
}

/// The unit a quantity question asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskedUnit {
    /// Index into the unit classes.
    pub class: usize,
    /// The word as found (normalized), e.g. 人次.
    pub word: String,
}

/// What a question asks, as far as the words tell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis {
    /// The asked kind (highest priority among the cues found), if any cue was found.
    pub asked: Option<usize>,
    /// Every cue found (the longest where cues overlap), in question order.
    pub cues: Vec<CueMatch>,
    pub unit: Option<AskedUnit>,
    /// The unit the deciding cue itself names, for a kind answered by figures of given units
    /// (几天 → 天, 多少个小时 → 小时): only a figure in it answers (五分钟 does not say how
    /// many days). Empty when the cue names none (多久, how long).
    pub named_unit: String,
    /// The question, normalized: what a figure inside a name qualifies must be in it
    /// (三年行动计划 answers 行动计划为期多久, not 临时保护中心能住多久: `fit.rs`).
    pub question: String,
    /// What is counted, as written after 多少/几 and the unit (多少个社区 → 社区).
    pub counted: String,
    /// Places the article does not cover, as found (normalized).
    pub other_places: Vec<String>,
    /// Where each of `other_places` was found (char span).
    pub place_spans: Vec<(usize, usize)>,
    /// Years other than the article's year.
    pub other_years: Vec<u16>,
    /// What decides the asked kind: the interrogative and the noun it governs.
    pub head: Head,
    /// Cues that do not decide what is asked (they may narrow which fact fits).
    pub modifiers: Vec<Modifier>,
    /// The question asks which item its topic is in (对口帮扶是第几件事): the item answers it.
    pub asks_item: bool,
    /// Wholes the article's place is part of, as found (全省, 全国), with their char spans:
    /// a count asked of one is answered only by a figure whose clause names it.
    pub whole_places: Vec<(String, (usize, usize))>,
    /// Where the question asks for a whole count (一共, 所有, in total): char spans.
    pub totals: Vec<(usize, usize)>,
    /// The figures of the question (digits, or Chinese numerals with a measure word).
    pub figures: Vec<super::figures::Figure>,
    /// A yes/no question comparing one of them with the article's (超过1000场了吗).
    pub compared: Option<Compared>,
    /// The words of each alternative of an alternative question (是累计还是2024年新建的):
    /// pairs of characters and years; empty when it is none.
    pub alternatives: Vec<Vec<String>>,
}

impl Analysis {
    /// Where the noun the question's interrogative governs stands (着力点 of
    /// 五分钟妇儿救助服务圈的着力点是什么), in characters of `chars`, if it has two
    /// characters or more and does.
    pub fn head_noun_span(&self, chars: &[char]) -> Option<(usize, usize)> {
        let noun: Vec<char> = self.head.noun.chars().collect();
        if noun.len() < 2 {
            return None;
        }
        let start = crate::normalize::find_chars(chars, &noun)?;
        Some((start, start + noun.len()))
    }

    /// Makes this the analysis of a question asking which item its topic is in: the item
    /// answers it, whatever the cues say (第几 asks no ordinal figure here).
    pub fn ask_for_item(&mut self) {
        self.asks_item = true;
        self.asked = None;
        self.unit = None;
        self.counted.clear();
    }
}

/// The compiled question words.
#[derive(Debug)]
pub struct Analyzer {
    kinds: Vec<CompiledKind>,
    units: Vec<CompiledUnit>,
    cue_matcher: Option<AhoCorasick>,
    /// Pattern index → (kind index, cue is ASCII, its role).
    cue_patterns: Vec<(usize, bool, CueRole)>,
    unit_matcher: Option<AhoCorasick>,
    /// Pattern index → (unit class, word, ASCII).
    unit_patterns: Vec<(usize, String, bool)>,
    place_matcher: Option<AhoCorasick>,
    place_patterns: Vec<(String, bool)>,
    /// The `[whole]` words: wholes the article's place is part of, and words asking for
    /// a whole count.
    whole_places: WordMatcher,
    totals: WordMatcher,
    ranks: WordMatcher,
    whole_label: String,
    /// `[whole] part_markers`, normalized (其中, 当中), and the characters that begin the
    /// asking words after one (`part_asking`: 有, 多, 哪).
    part_markers: Vec<Vec<char>>,
    part_asking: Vec<char>,
    /// `[whole] paired`: pairs of opposite characters (上下, 内外).
    paired: Vec<(char, char)>,
    year: u16,
    home: String,
    /// Characters that end what a question counts (多少个社区呢 → 社区).
    particles: Vec<char>,
    /// Every measure word, longest first (2000间 is no year).
    measure_words: Vec<Vec<char>>,
    /// The `[compare]` words (`compare.rs`).
    compare: compare::CompareMatcher,
    /// The `[alternative]` words and label.
    alternative: WordMatcher,
    alternative_label: String,
    /// The words that offer a place as one of several (`[alternative]` `words` and
    /// `offered`: 还是, 或者), normalized.
    offered: Vec<Vec<char>>,
    /// The `[limits]` words (`bounds.rs`).
    limits: Limits,
    /// `[whole] said_by`, normalized: words of a figure's clause saying it counts the whole
    /// city or year (全市, 全年, 累计).
    whole_said_by: Vec<String>,
    /// `[whole] agents`: words pointing back to those who did what a figure counts (她们,
    /// 他们, they).
    whole_agents: WordMatcher,
    /// `[words] examples`, normalized: words closing examples the asker offers (这种, 这类).
    examples: Vec<Vec<char>>,
    /// `[words] confirmations`, normalized: words asking whether what was heard is true
    /// (真的, 属实, really).
    confirmations: Vec<String>,
    /// The words of the asker's self-introduction (`asker.rs`).
    asker: asker::AskerWords,
}

#[derive(Debug)]
struct CompiledKind {
    kind: String,
    label: String,
    answer: AnswerRule,
    units: Vec<String>,
    words: Vec<String>,
    /// Its English cues, normalized (where does she live, nearest).
    english_cues: Vec<String>,
    /// Its cues set the time asked about (明年): never a modifier.
    scope: bool,
}

#[derive(Debug)]
struct CompiledUnit {
    label: String,
    answered_by: Vec<String>,
}

/// A plain list of words found in questions (ASCII ones on word boundaries).
#[derive(Debug)]
pub(crate) struct WordMatcher {
    matcher: Option<AhoCorasick>,
    words: Vec<(String, bool)>,
}

impl WordMatcher {
    pub(crate) fn new(words: &[String], vocabulary: &Vocabulary) -> WordMatcher {
        let words: Vec<(String, bool)> = words
            .iter()
            .map(|word| vocabulary.normalize(word))
            .filter(|word| !word.is_empty())
            .map(|word| {
                let ascii = is_ascii_word(&word);
                (word, ascii)
            })
            .collect();
        let texts: Vec<String> = words.iter().map(|(word, _)| word.clone()).collect();
        WordMatcher {
            matcher: build_matcher(&texts, MatchKind::LeftmostLongest),
            words,
        }
    }

    /// Whether the first character of any word is in the text: a cheap test before
    /// [`WordMatcher::find`] (most questions hold no alternative word).
    fn any(&self, chars: &[char]) -> bool {
        self.matcher.is_some()
            && self
                .words
                .iter()
                .any(|(word, _)| word.chars().next().is_some_and(|first| chars.contains(&first)))
    }

    /// Each word found, once, with its char span.
    pub(crate) fn find(&self, normalized: &str, byte_to_char: &[usize]) -> Vec<(String, (usize, usize))> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let mut found: Vec<(String, (usize, usize))> = Vec::new();
        for hit in matcher.find_iter(normalized) {
            let (word, ascii) = &self.words[hit.pattern().as_usize()];
            if *ascii && !on_word_boundaries(normalized, hit.start(), hit.end()) {
                continue;
            }
            if !found.iter().any(|(w, _)| w == word) {
                found.push((word.clone(), (byte_to_char[hit.start()], byte_to_char[hit.end()])));
            }
        }
        found
    }
}

fn build_matcher(patterns: &[String], kind: MatchKind) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    // The patterns come from validated knowledge files; a failure here (too large an
    // automaton) leaves the analysis without that part rather than failing the bot.
    crate::automaton::small_automaton(patterns, kind)
}

fn is_ascii_word(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii())
}

/// Whether an ASCII match stands on word boundaries of the normalized text.
pub(crate) fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let before_ok = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
    let after_ok = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
    before_ok && after_ok
}

/// Words of `questions.toml` normalized as questions are, as characters; a word that
/// normalizes to nothing is dropped.
fn char_words<'a>(words: impl IntoIterator<Item = &'a String>, vocabulary: &Vocabulary) -> Vec<Vec<char>> {
    words
        .into_iter()
        .map(|word| vocabulary.normalize(word).chars().collect::<Vec<char>>())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Words of `questions.toml`, normalized, as strings; empty ones dropped.
fn string_words(words: &[String], vocabulary: &Vocabulary) -> Vec<String> {
    char_words(words, vocabulary)
        .into_iter()
        .map(String::from_iter)
        .collect()
}

/// Two-character words of `questions.toml` (线上线下's 上下), normalized, as pairs; a word
/// of another length is dropped (the knowledge check reports it).
fn char_pairs(words: &[String], vocabulary: &Vocabulary) -> Vec<(char, char)> {
    char_words(words, vocabulary)
        .iter()
        .filter_map(|chars| match chars.as_slice() {
            &[first, second] => Some((first, second)),
            _ => None,
        })
        .collect()
}

impl Analyzer {
    pub fn new(words: &QuestionWords, vocabulary: &Vocabulary) -> Analyzer {
        let normalize = |text: &str| vocabulary.normalize(text);
        let mut cue_texts = Vec::new();
        let mut cue_patterns = Vec::new();
        for (kind_index, kind) in words.asked.iter().enumerate() {
            for cue in &kind.cues {
                let normalized = normalize(cue);
                if normalized.is_empty() {
                    continue;
                }
                let role = cue_role(&normalized, vocabulary);
                cue_patterns.push((kind_index, is_ascii_word(&normalized), role));
                cue_texts.push(normalized);
            }
        }
        let mut unit_texts = Vec::new();
        let mut unit_patterns = Vec::new();
        for (class_index, class) in words.units.iter().enumerate() {
            for word in &class.asked {
                let normalized = normalize(word);
                if normalized.is_empty() {
                    continue;
                }
                let ascii = is_ascii_word(&normalized);
                unit_patterns.push((class_index, normalized.clone(), ascii));
                unit_texts.push(normalized);
            }
        }
        let mut place_texts = Vec::new();
        let mut place_patterns = Vec::new();
        for place in &words.scope.other_places {
            let normalized = normalize(place);
            if normalized.is_empty() {
                continue;
            }
            place_patterns.push((normalized.clone(), is_ascii_word(&normalized)));
            place_texts.push(normalized);
        }
        Analyzer {
            kinds: words.asked.iter().map(|kind| compile_kind(kind, vocabulary)).collect(),
            units: words
                .units
                .iter()
                .map(|class| compile_unit(class, vocabulary))
                .collect(),
            cue_matcher: build_matcher(&cue_texts, MatchKind::Standard),
            cue_patterns,
            unit_matcher: build_matcher(&unit_texts, MatchKind::Standard),
            unit_patterns,
            place_matcher: build_matcher(&place_texts, MatchKind::LeftmostLongest),
            place_patterns,
            whole_places: WordMatcher::new(&words.whole.places, vocabulary),
            totals: WordMatcher::new(&words.whole.totals, vocabulary),
            ranks: WordMatcher::new(&words.whole.ranks, vocabulary),
            whole_label: words.whole.label.clone(),
            part_markers: char_words(&words.whole.part_markers, vocabulary),
            part_asking: char_words(&words.whole.part_asking, vocabulary).concat(),
            paired: char_pairs(&words.whole.paired, vocabulary),
            year: words.scope.year,
            home: words.scope.home.clone(),
            particles: vocabulary.particles.clone(),
            measure_words: vocabulary.measure_words().to_vec(),
            compare: compare::CompareMatcher::new(&words.compare, vocabulary),
            alternative: WordMatcher::new(&words.alternative.words, vocabulary),
            alternative_label: words.alternative.label.clone(),
            offered: char_words(
                words.alternative.words.iter().chain(&words.alternative.offered),
                vocabulary,
            ),
            limits: Limits::new(&words.limits, |word| vocabulary.normalize(word)),
            whole_said_by: string_words(&words.whole.said_by, vocabulary),
            whole_agents: WordMatcher::new(&words.whole.agents, vocabulary),
            examples: char_words(&words.lexicon.examples, vocabulary),
            confirmations: string_words(&words.lexicon.confirmations, vocabulary),
            asker: asker::AskerWords::new(words, vocabulary),
        }
    }

    /// The `[limits]` words: whether a question asks for a limit, which facts write one.
    pub(crate) fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Whether a figure's clause (normalized) says it counts the whole city or year (全市,
    /// 全年, 累计: `[whole] said_by`).
    pub(crate) fn states_the_whole(&self, clause: &str) -> bool {
        self.whole_said_by.iter().any(|word| clause.contains(word.as_str()))
    }

    /// Whether the question points back, before its question word, to those who did what a
    /// figure counts (她们一共帮了几个孩子, how many did they help in total: `[whole]
    /// agents`): the whole it asks is what they did, the figure's own total.
    pub(crate) fn asks_of_agents(&self, analysis: &Analysis) -> bool {
        let end = analysis
            .head
            .interrogative
            .as_ref()
            .map_or(analysis.question.len(), |cue| {
                analysis
                    .question
                    .char_indices()
                    .nth(cue.start)
                    .map_or(analysis.question.len(), |(byte, _)| byte)
            });
        let asking = &analysis.question[..end];
        !self.whole_agents.find(asking, &byte_to_char_map(asking)).is_empty()
    }

    /// Whether the words at a char span are offered as one of alternatives: a word of
    /// `[alternative]` (`words`, `offered`: 还是, 或者) right before or after it (汕尾还是河源,
    /// 河源或者汕尾).
    fn offered_as_alternative(&self, chars: &[char], (start, end): (usize, usize)) -> bool {
        self.offered
            .iter()
            .any(|word| chars[..start].ends_with(word) || chars[end..].starts_with(word))
    }

    pub fn home(&self) -> &str {
        &self.home
    }

    /// The words that ask for a part of a count (`[whole] part_markers`), normalized.
    pub fn part_markers(&self) -> &[Vec<char>] {
        &self.part_markers
    }

    /// The pairs of opposite characters of `[whole] paired` (上下, 内外), normalized.
    pub fn paired(&self) -> &[(char, char)] {
        &self.paired
    }

    /// Whether a character begins the asking words after a part marker (其中有多少).
    pub fn is_part_asking(&self, c: char) -> bool {
        self.part_asking.contains(&c)
    }

    pub fn year(&self) -> u16 {
        self.year
    }

    /// Whether a character carries no topic (了, 的, 吗).
    pub fn is_particle(&self, c: char) -> bool {
        self.particles.contains(&c)
    }

    /// Whether a text (a fact) names one of the whole places (全省首个, 全国首个).
    pub fn names_a_whole_place(&self, text: &str) -> bool {
        self.whole_places
            .matcher
            .as_ref()
            .is_some_and(|matcher| matcher.is_match(text))
    }

    /// Whether a whole place the question names only frames it: the question ranks the
    /// article's place within it (在全省排第几), or names the article's place as well
    /// (全国万人集体婚礼深圳分会场有几对新人).
    pub fn frames_a_whole(&self, analysis: &Analysis, normalized_chars: &[char]) -> bool {
        if analysis.whole_places.is_empty() {
            return false;
        }
        let text: String = normalized_chars.iter().collect();
        (!self.home.is_empty() && text.contains(self.home.as_str()))
            || !self.ranks.find(&text, &byte_to_char_map(&text)).is_empty()
    }

    /// What is missing when the article counts only a part of the asked whole (总数).
    pub fn whole_label(&self) -> &str {
        &self.whole_label
    }

    /// The index of the kind with this name.
    pub fn kind_index(&self, name: &str) -> Option<usize> {
        self.kinds.iter().position(|kind| kind.kind == name)
    }

    pub fn kind_name(&self, kind: usize) -> &str {
        self.kinds.get(kind).map_or("", |k| k.kind.as_str())
    }

    pub fn kind_label(&self, kind: usize) -> &str {
        self.kinds.get(kind).map_or("", |k| k.label.as_str())
    }

    /// Whether a kind is answered only by figures of given units (time: 年份, money: 元).
    pub fn kind_has_units(&self, kind: usize) -> bool {
        self.kinds.get(kind).is_some_and(|k| !k.units.is_empty())
    }

    /// Whether a measure word is the unit of an asked kind (岁 of age, 元 of money, 天 of
    /// duration): a figure in it measures something rather than counting things.
    pub fn is_kind_unit(&self, unit: &str) -> bool {
        !unit.is_empty() && self.kinds.iter().any(|kind| kind.units.iter().any(|u| u == unit))
    }

    /// Whether a kind asks for a rank or an edition (第几: answered by ordinal figures).
    pub fn kind_is_ordinal(&self, kind: usize) -> bool {
        self.kinds
            .get(kind)
            .is_some_and(|k| k.units.iter().any(|u| u == ORDINAL_UNIT))
    }

    pub fn kind_rule(&self, kind: usize) -> AnswerRule {
        self.kinds.get(kind).map_or(AnswerRule::Any, |k| k.answer)
    }

    /// Whether one of the kind's English cues holds `word` as a word (address: "where does
    /// she live" holds "where").
    pub(crate) fn kind_cue_holds(&self, kind: usize, word: &str) -> bool {
        self.kinds.get(kind).is_some_and(|k| {
            k.english_cues.iter().any(|cue| {
                cue.match_indices(word)
                    .any(|(start, _)| on_word_boundaries(cue, start, start + word.len()))
            })
        })
    }

    /// Whether a kind's cues set the time the question is about (`scope = true`: 明年).
    pub fn kind_sets_scope(&self, kind: usize) -> bool {
        self.kinds.get(kind).is_some_and(|k| k.scope)
    }

    /// The unit class a measure word asks for (名 → 人数), if any.
    pub fn unit_class(&self, word: &str) -> Option<usize> {
        self.unit_patterns
            .iter()
            .find(|(_, asked, _)| asked == word)
            .map(|(class, ..)| *class)
    }

    pub fn unit_label(&self, class: usize) -> &str {
        self.units.get(class).map_or("", |u| u.label.as_str())
    }

    /// What is asked, for "the article does not say …": the unit's label for a figure
    /// question that names a unit (人数), else the kind's label (门票价格或收费标准).
    pub fn asked_label(&self, analysis: &Analysis) -> String {
        let Some(kind) = analysis.asked else {
            return String::new();
        };
        if self.kind_rule(kind) == AnswerRule::Figure
            && self.kinds[kind].units.is_empty()
            && let Some(unit) = &analysis.unit
        {
            return self.unit_label(unit.class).to_string();
        }
        self.kind_label(kind).to_string()
    }

    /// Analyzes a normalized question; `keyword_spans` are the char spans of the keywords
    /// it names (a noun cue inside one is no cue).
    pub fn analyze(&self, normalized: &str, keyword_spans: &[(usize, usize)]) -> Analysis {
        self.analyze_told(normalized, keyword_spans, &[], &[], None)
    }

    /// Analyzes a normalized question whose clauses at `telling` (char spans) only tell an
    /// amount (好几个小姑娘还单着, `told_amounts.rs`): their question words ask nothing; and
    /// whose clauses from `asking_end` on (a char index) tell after it asks: its head
    /// governs nothing there. The sentences at `context` (char spans: an English
    /// self-introduction or yes/no question before the one that asks,
    /// `english_sentences.rs`) hold no cue at all.
    pub fn analyze_told(
        &self,
        normalized: &str,
        keyword_spans: &[(usize, usize)],
        telling: &[(usize, usize)],
        context: &[(usize, usize)],
        asking_end: Option<usize>,
    ) -> Analysis {
        let byte_to_char = byte_to_char_map(normalized);
        let chars: Vec<char> = normalized.chars().collect();
        let mut cues = self.find_cues(normalized, &byte_to_char);
        let inside = |spans: &[(usize, usize)], cue: &CueMatch| {
            spans.iter().any(|&(start, end)| start <= cue.start && cue.end <= end)
        };
        cues.retain(|cue| (cue.role == CueRole::Noun || !inside(telling, cue)) && !inside(context, cue));
        let mut analysis = Analysis {
            cues,
            question: normalized.to_string(),
            ..Analysis::default()
        };
        // The head is found among the cues before `asking_end` only (电话 of 我想打电话问问
        // after the question is not asked); the others stay cues.
        let asking_end = asking_end.unwrap_or(chars.len()).min(chars.len());
        let all_cues = std::mem::take(&mut analysis.cues);
        analysis.cues = all_cues.iter().filter(|cue| cue.end <= asking_end).cloned().collect();
        self.find_head(&chars[..asking_end], &mut analysis, keyword_spans);
        // The unit and the counted thing too are read in the asking clauses only.
        let asking_cues = std::mem::replace(&mut analysis.cues, all_cues);
        let asking_text: String = chars[..asking_end].iter().collect();
        let asked = analysis.asked;
        let unit = asked
            .filter(|&kind| self.kind_rule(kind) == AnswerRule::Figure)
            .and_then(|kind| self.find_unit(&asking_text, &byte_to_char, &asking_cues, kind));
        let counted = match (asked, &unit) {
            (Some(kind), _) if self.kind_rule(kind) == AnswerRule::Figure => {
                units::counted_noun(&asking_text, &asking_cues, kind, unit.as_ref(), &self.particles)
            }
            _ => String::new(),
        };
        let mut other_places = Vec::new();
        let mut place_spans = Vec::new();
        if let Some(matcher) = &self.place_matcher {
            for found in matcher.find_iter(normalized) {
                let (place, ascii) = &self.place_patterns[found.pattern().as_usize()];
                if *ascii && !on_word_boundaries(normalized, found.start(), found.end()) {
                    continue;
                }
                let span = (byte_to_char[found.start()], byte_to_char[found.end()]);
                // A place offered as an alternative (汕尾还是河源) asks which one, not
                // what the article says of it.
                if !other_places.contains(place) && !self.offered_as_alternative(&chars, span) {
                    other_places.push(place.clone());
                    place_spans.push(span);
                }
            }
        }
        if !counted.is_empty() {
            analysis.head.noun = counted.clone();
        }
        let named_unit = self.named_unit(&chars, &analysis);
        Analysis {
            unit,
            named_unit,
            counted,
            other_places,
            place_spans,
            other_years: self.other_years(normalized),
            whole_places: self.whole_places.find(normalized, &byte_to_char),
            totals: self
                .totals
                .find(normalized, &byte_to_char)
                .into_iter()
                .map(|(_, span)| span)
                .collect(),
            ..analysis
        }
    }

    /// The longest unit of the asked kind that its deciding cue ends with (几天 → 天).
    fn named_unit(&self, chars: &[char], analysis: &Analysis) -> String {
        let (Some(kind), Some(cue)) = (analysis.asked.and_then(|k| self.kinds.get(k)), &analysis.head.cue) else {
            return String::new();
        };
        let cue_text: String = chars[cue.start..cue.end].iter().collect();
        kind.units
            .iter()
            .filter(|unit| cue_text.ends_with(unit.as_str()))
            .max_by_key(|unit| unit.chars().count())
            .cloned()
            .unwrap_or_default()
    }

    /// Every cue of the question; where cues overlap, only those not inside a longer one.
    fn find_cues(&self, normalized: &str, byte_to_char: &[usize]) -> Vec<CueMatch> {
        let Some(matcher) = &self.cue_matcher else {
            return Vec::new();
        };
        let mut found: Vec<CueMatch> = Vec::new();
        for hit in matcher.find_overlapping_iter(normalized) {
            let (kind, ascii, role) = self.cue_patterns[hit.pattern().as_usize()];
            if ascii && !on_word_boundaries(normalized, hit.start(), hit.end()) {
                continue;
            }
            found.push(CueMatch {
                kind,
                start: byte_to_char[hit.start()],
                end: byte_to_char[hit.end()],
                role,
            });
        }
        let spans: Vec<(usize, usize)> = found.iter().map(|c| (c.start, c.end)).collect();
        found.retain(|cue| {
            !spans
                .iter()
                .any(|&(start, end)| start <= cue.start && cue.end <= end && end - start > cue.end - cue.start)
        });
        found.sort_by_key(|cue| (cue.start, cue.kind));
        found.dedup();
        // 几 that says "a few" asks nothing (那几个“一”, 走几分钟就能…吗).
        if found.iter().any(|cue| cue.role == CueRole::Wh) {
            let chars: Vec<char> = normalized.chars().collect();
            let says_a_few: Vec<bool> = found.iter().map(|cue| says_a_few(&chars, cue, &found)).collect();
            let mut index = 0;
            found.retain(|_| {
                index += 1;
                !says_a_few[index - 1]
            });
        }
        // The measure word of a figure (716万人次是多少场…) asks nothing.
        if normalized.bytes().any(|b| b.is_ascii_digit()) {
            let chars: Vec<char> = normalized.chars().collect();
            found.retain(|cue| !after_a_number(&chars, cue.start));
        }
        found
    }

    /// Years of the question other than the article's: four digits that may be a year and
    /// are not followed by a measure word other than 年 (2000间, 2000多名 count rooms and
    /// people).
    fn other_years(&self, normalized: &str) -> Vec<u16> {
        let mut years = Vec::new();
        let maybe_a_year = super::figures::digit_runs(normalized)
            .iter()
            .any(|run| run.len() == 4 && run.parse::<u16>().is_ok_and(is_plausible_year));
        if !maybe_a_year {
            return years;
        }
        let chars: Vec<char> = normalized.chars().collect();
        for figure in super::figures::find_figures(normalized, normalized, &self.measure_words) {
            let Ok(year) = figure.digits.parse::<u16>() else {
                continue;
            };
            let counted = (!figure.year && !figure.unit.is_empty() && figure.unit != "年")
                || super::figures::english_count(&chars, &figure);
            if figure.digits.len() == 4
                && figure.scale.is_none()
                && !counted
                && is_plausible_year(year)
                && year != self.year
                && !years.contains(&year)
            {
                years.push(year);
            }
        }
        years
    }

    /// Drops the places that are part of a keyword found in the question: 厦门 in
    /// 妇儿大厦门票, 港澳 in 粤港澳大湾区 name no place of their own (nor 全国 in 全国万人集体婚礼).
    pub fn drop_places_inside(&self, analysis: &mut Analysis, keyword_spans: &[(usize, usize)]) {
        analysis
            .whole_places
            .retain(|(_, (start, end))| !keyword_spans.iter().any(|&(s, e)| s < *end && *start < e));
        let mut index = 0;
        while index < analysis.other_places.len() {
            let (start, end) = analysis.place_spans[index];
            if keyword_spans.iter().any(|&(s, e)| s < end && start < e) {
                analysis.other_places.remove(index);
                analysis.place_spans.remove(index);
            } else {
                index += 1;
            }
        }
    }

    /// Whether the analysed question asks something the article never says (answer = "none").
    pub fn asks_the_unsayable(&self, analysis: &Analysis) -> bool {
        analysis
            .asked
            .is_some_and(|kind| self.kind_rule(kind) == AnswerRule::None)
    }
}

/// The demonstratives that make 几 after them "these few" (那几个“一”是什么, 这几位).
const FEW_DEMONSTRATIVES: [char; 2] = ['这', '那'];
/// What makes 几 before it "a few", a span and not a count: 就 (走几分钟就能到), 内 (几分钟内).
const FEW_SPAN_ENDS: [char; 2] = ['就', '内'];
/// How many characters after a 几 cue its span end may be (几+步路+就).
const FEW_SPAN_REACH: usize = 3;

/// Whether a question-word cue is 几 saying "a few", not asking how many: after 这 or 那
/// (那几个“一”具体是什么), or a span (几分钟内, 走几步路就) in a question that asks with
/// another question word (…有没有地方能求助, …的地方吗). Alone, 在几小时内上报? still asks.
fn says_a_few(chars: &[char], cue: &CueMatch, cues: &[CueMatch]) -> bool {
    if cue.role != CueRole::Wh || chars.get(cue.start) != Some(&'几') {
        return false;
    }
    if cue.start > 0 && FEW_DEMONSTRATIVES.contains(&chars[cue.start - 1]) {
        return true;
    }
    let reach = chars.len().min(cue.end + FEW_SPAN_REACH);
    let spans = chars[cue.end.min(reach)..reach]
        .iter()
        .any(|c| FEW_SPAN_ENDS.contains(c));
    spans
        && cues
            .iter()
            .any(|other| other.role != CueRole::Noun && (other.end <= cue.start || other.start >= cue.end))
}

/// Whether a number ends right before `position` (716万 before 人次, 600余 before 场).
fn after_a_number(chars: &[char], position: usize) -> bool {
    let mut index = position;
    while index > 0 && matches!(chars[index - 1], '万' | '亿' | '余' | '多') && position - index < 2 {
        index -= 1;
    }
    index > 0 && chars[index - 1].is_ascii_digit()
}

/// The question words as one article reads them: a kind `questions.toml` says articles
/// never answer (`answer = "none"`: 每月, 人均, 注册 …) is answered by this article's facts
/// that write one of its cues in a clause with a figure (人均月增收1800元, 每名儿童每月收费
/// 不超过300元): it becomes `answer = "words"` with those cues (Chinese, two characters or
/// more). A cue without a figure beside it names a thing (开通儿童心理援助热线), not the
/// detail asked (its number). An imported article is not the one the rules were written for.
pub fn said_by_article(
    words: &QuestionWords,
    items: &[crate::knowledge::Item],
    vocabulary: &Vocabulary,
) -> QuestionWords {
    let clauses: Vec<String> = items
        .iter()
        .flat_map(|item| &item.facts)
        .flat_map(|fact| {
            fact.text
                .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '%'))
        })
        .filter(|clause| clause.chars().any(|c| c.is_ascii_digit()))
        .map(|clause| vocabulary.normalize(clause))
        .collect();
    let texts: Vec<String> = items
        .iter()
        .flat_map(|item| &item.facts)
        .map(|fact| vocabulary.normalize(&fact.text))
        .collect();
    let mut said = words.clone();
    for kind in &mut said.asked {
        if kind.answer == AnswerRule::Words {
            add_named_places(kind, &texts);
        }
        if kind.answer == AnswerRule::Figure && kind.units.iter().any(|unit| unit == "日") {
            // 什么时候, 哪天: a date asked is answered by the weekly day an article sets too.
            kind.words = written::weekly_days(&words.lexicon.weekdays, &texts);
        }
        if kind.answer != AnswerRule::None {
            continue;
        }
        // The cues normalized once (each is read three ways below).
        let titles: Vec<String> = kind.cues.iter().map(|cue| vocabulary.normalize(cue)).collect();
        let mut written: Vec<String> = titles
            .iter()
            .filter(|cue| cue.chars().count() >= 2 && cue.chars().all(crate::normalize::is_han))
            .filter(|cue| clauses.iter().any(|clause| clause.contains(cue.as_str())))
            .cloned()
            .collect();
        for cue in &titles {
            for answer in day_answers(cue, &words.lexicon.weekdays, &texts) {
                if !written.contains(&answer) {
                    written.push(answer);
                }
            }
        }
        for name in written::titled_names(&titles, &words.lexicon.name_verbs, &texts) {
            if !written.contains(&name) {
                written.push(name);
            }
        }
        if !written.is_empty() {
            kind.answer = AnswerRule::Words;
            kind.words = written;
        }
    }
    said
}

/// The answers a cue asking for a day of the week (周几, 星期几) finds written in the
/// article's texts: the cue with one of the `weekdays` (`[words]`: the names of the days,
/// 三 of 周三) in place of 几 (每周三晚开展直播 writes 周三 for 周几). Other numbers in place
/// of 几 are too often part of a name (三点半难题, read 3点半, answers no 几点).
fn day_answers(cue: &str, weekdays: &[String], texts: &[String]) -> Vec<String> {
    let asks_a_day = cue.contains("周几") || cue.contains("期几");
    if !asks_a_day || cue.matches('几').count() != 1 {
        return Vec::new();
    }
    weekdays
        .iter()
        .map(|day| cue.replace('几', day))
        .filter(|answer| texts.iter().any(|text| text.contains(answer.as_str())))
        .collect()
}

/// The endings of place names (坪山区, 海丰县, 汕尾市, 大湖镇).
const PLACE_ENDINGS: &[char] = &['区', '县', '市', '镇'];

/// A kind answered by place names (its words hold 坪山区, 海丰县 …) is answered by this
/// article's place names with the same endings too (南山区, 紫金县): the two characters
/// before each ending its facts write.
fn add_named_places(kind: &mut AskedKind, texts: &[String]) {
    let endings: Vec<char> = kind
        .words
        .iter()
        .filter(|word| word.chars().count() >= 3)
        .filter_map(|word| word.chars().last())
        .filter(|last| PLACE_ENDINGS.contains(last))
        .collect();
    if endings.is_empty() {
        return;
    }
    for text in texts {
        let chars: Vec<char> = text.chars().collect();
        for end in 2..chars.len() {
            let name = &chars[end - 2..=end];
            if endings.contains(&chars[end]) && name.iter().all(|c| crate::normalize::is_han(*c)) {
                let name: String = name.iter().collect();
                if !kind.words.contains(&name) {
                    kind.words.push(name);
                }
            }
        }
    }
}

fn compile_kind(kind: &AskedKind, vocabulary: &Vocabulary) -> CompiledKind {
    CompiledKind {
        kind: kind.kind.clone(),
        label: kind.label.clone(),
        answer: kind.answer,
        units: kind
            .units
            .iter()
            .map(|u| {
                if u == YEAR_UNIT || u == ORDINAL_UNIT {
                    u.clone()
                } else {
                    vocabulary.normalize(u)
                }
            })
            .collect(),
        words: kind
            .words
            .iter()
            .map(|w| vocabulary.normalize(w))
            .filter(|w| !w.is_empty())
            .collect(),
        english_cues: kind
            .cues
            .iter()
            .filter(|cue| cue.is_ascii())
            .map(|cue| vocabulary.normalize(cue))
            .collect(),
        scope: kind.scope,
    }
}

fn compile_unit(class: &UnitClass, vocabulary: &Vocabulary) -> CompiledUnit {
    CompiledUnit {
        label: class.label.clone(),
        answered_by: class
            .answered_by
            .iter()
            .map(|u| vocabulary.normalize(u))
            .filter(|u| !u.is_empty())
            .collect(),
    }
}

/// The role of a cue (normalized): a question word of its own, a yes/no word, or a noun.
fn cue_role(cue: &str, vocabulary: &Vocabulary) -> CueRole {
    let holds = |words: &[String]| {
        words.iter().any(|word| {
            if word.is_ascii() {
                cue.match_indices(word.as_str())
                    .any(|(start, _)| on_word_boundaries(cue, start, start + word.len()))
            } else {
                cue.contains(word.as_str())
            }
        })
    };
    if holds(&vocabulary.interrogatives) {
        CueRole::Wh
    } else if holds(&vocabulary.yes_no) {
        CueRole::YesNo
    } else {
        CueRole::Noun
    }
}

/// Byte offset → char index for a string (one entry per byte, plus the end).
pub fn byte_to_char_map(text: &str) -> Vec<usize> {
    let mut map = vec![0usize; text.len() + 1];
    let mut char_count = 0;
    for (char_index, (byte_index, c)) in text.char_indices().enumerate() {
        for offset in 0..c.len_utf8() {
            map[byte_index + offset] = char_index;
        }
        char_count = char_index + 1;
    }
    map[text.len()] = char_count;
    map
}
