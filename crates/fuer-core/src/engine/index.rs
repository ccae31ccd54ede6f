//! Index building: everything the engine precomputes once per knowledge base.
//!
//! - *Docs*: each fact (and each item's headline, for item scoring only) as normalized
//!   text with its figures.
//! - *Terms and patterns*: every keyword (item and fact keywords, the title, and their
//!   synonyms) normalized; a pattern is one distinct text shared by several terms.
//! - *Matchers*: Aho-Corasick automata over the patterns' text, their toneless pinyin
//!   and their fuzzy pinyin, and a bigram → patterns table for edit-distance matching.
//! - *Bigram postings*: where each character bigram of the article occurs, with its IDF
//!   over items (to choose an item) and over sentences (to choose a fact).
//!
//! Size (about 710 lines): one build pass over the knowledge (docs, terms, patterns and
//! their matchers) that must agree on the same numbering; matching lives in `hits.rs`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::knowledge::KnowledgeBase;
use crate::normalize::{is_han, pinyin_keys};

use super::figures::{CountPhrase, Figure, count_phrases, find_figures};
use super::params::{
    ENGLISH_KEYWORD_WORD_WEIGHT, KEYWORD_CHARACTER_WEIGHT, MAX_KEYWORD_WEIGHT, MIN_EDIT_KEYWORD_CHARS,
    MIN_ENGLISH_KEYWORD_LETTERS, MIN_PINYIN_KEYWORD_CHARS, NARROWING_SHARE, ONE_CHARACTER_KEYWORD_WEIGHT,
    SHORT_ENGLISH_KEYWORD_WEIGHT,
};
use super::vocabulary::Vocabulary;

/// A hash map keyed by character bigrams (FxHash: the keys come from the article, not
/// from users).
pub type BigramMap<V> = rustc_hash::FxHashMap<(char, char), V>;

/// One keyword of the index, tied to an item and possibly a fact.
#[derive(Debug)]
pub struct Term {
    pub item: usize,
    /// Facts of the item this term points to: the fact it is attached to, or the facts
    /// whose text contains the keyword (or a synonym of it).
    pub linked_facts: Vec<usize>,
    /// Whether it was written on a fact (more specific) rather than on the item.
    pub fact_level: bool,
    /// Whether a hit tells the question is about its fact rather than the whole item: a
    /// fact keyword whose words (or synonyms) appear in fewer than half of the item's
    /// facts. 万花筒 (the building's nickname, its name in most facts) does not narrow;
    /// 母婴室 (one sub-topic of item 5) does.
    pub narrows: bool,
    pub weight: f32,
}

/// A distinct normalized keyword text and the terms that share it.
#[derive(Debug)]
pub struct Pattern {
    pub chars: Vec<char>,
    pub ascii: bool,
    /// The keyword is only a unit word (人次): it names no topic.
    pub no_topic: bool,
    /// The keyword is a place the article does not cover as a whole (香港, 福田区): weak
    /// evidence of a topic, and the place still counts as a scope marker.
    pub place_like: bool,
    /// A district or town of `place_like` that the article's facts name (坪山区 the pilot district, 福田区
    /// the partner of the building's street project): what the article says of it is no
    /// other place, so the keyword counts in full.
    pub article_place: bool,
    pub terms: Vec<usize>,
}

impl Pattern {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }
}

/// A searchable fact (or headline) text.
#[derive(Debug)]
pub struct Doc {
    pub item: usize,
    /// Index into the item's facts; `None` for the headline.
    pub fact: Option<usize>,
    /// The normalized text.
    pub text: String,
    pub figures: Vec<Figure>,
    /// The fact's own keywords, normalized (a place named there counts as covered).
    pub keywords: Vec<String>,
    /// Its counted figures with the words of their clauses (what qualifies each, what it
    /// counts).
    pub counts: Vec<CountPhrase>,
    /// Its first clause, normalized (大厦开业以来): it frames every figure of the sentence.
    pub opening: String,
}

/// Where a char bigram occurs in the article and how rare it is.
#[derive(Debug)]
pub struct BigramPosting {
    /// IDF over items: for choosing the item.
    pub item_idf: f32,
    /// IDF over sentences: for choosing facts within an item.
    pub doc_idf: f32,
    pub docs: Vec<usize>,
}

/// A pinyin automaton and the pattern each of its keys stands for.
#[derive(Debug)]
pub struct PinyinMatcher {
    pub matcher: Option<AhoCorasick>,
    pub patterns: Vec<usize>,
}

/// The whole index.
#[derive(Debug)]
pub struct Index {
    pub terms: Vec<Term>,
    pub patterns: Vec<Pattern>,
    pub exact: Option<AhoCorasick>,
    pub pinyin: PinyinMatcher,
    pub fuzzy_pinyin: PinyinMatcher,
    /// Char bigram → patterns (Han-only, long enough) containing it, for edit distance.
    pub edit_candidates: BigramMap<Vec<usize>>,
    pub docs: Vec<Doc>,
    /// Per item: the doc index of each fact.
    pub fact_docs: Vec<Vec<usize>>,
    /// Per item: the doc index of its headline.
    pub headline_docs: Vec<usize>,
    pub bigram_postings: BigramMap<BigramPosting>,
    /// Char bigram → the items whose keywords (synonyms and everyday phrases included)
    /// hold it, for the fallback when no keyword is found.
    pub keyword_bigrams: BigramMap<Vec<usize>>,
    /// Characters of each doc, and their average, for the fallback's length norm.
    pub doc_lengths: Vec<usize>,
    pub average_doc_length: f32,
    /// Characters that carry no topic or start a question word (的, 了, 怎 of 怎么, 多 of
    /// 多少): one of them at a keyword's edge is the next word, not a typo (带儿童的 is not
    /// 带儿童玩).
    pub function_chars: Vec<char>,
}

/// The particles and the first character of each Chinese question word (see
/// [`Index::function_chars`]).
fn function_chars(vocabulary: &Vocabulary) -> Vec<char> {
    let firsts = vocabulary
        .interrogatives
        .iter()
        .filter_map(|word| word.chars().next())
        .filter(|&c| is_han(c));
    let mut chars: Vec<char> = vocabulary.particles.iter().copied().chain(firsts).collect();
    chars.sort_unstable();
    chars.dedup();
    chars
}

/// How much a keyword counts: longer keywords are more specific (see the `*_KEYWORD_*`
/// constants of [`super::params`]).
fn term_weight(chars: &[char]) -> f32 {
    let ascii = chars.iter().all(char::is_ascii);
    if ascii {
        let words = chars.split(|c| *c == ' ').filter(|w| !w.is_empty()).count();
        let letters = chars.iter().filter(|c| c.is_ascii_alphanumeric()).count();
        if letters < MIN_ENGLISH_KEYWORD_LETTERS {
            return SHORT_ENGLISH_KEYWORD_WEIGHT;
        }
        return (1.0 + ENGLISH_KEYWORD_WORD_WEIGHT * (words.saturating_sub(1)) as f32).min(MAX_KEYWORD_WEIGHT);
    }
    let length = chars.len();
    if length <= 1 {
        return ONE_CHARACTER_KEYWORD_WEIGHT;
    }
    (1.0 + KEYWORD_CHARACTER_WEIGHT * (length - 2) as f32).min(MAX_KEYWORD_WEIGHT)
}

/// The distinct char bigrams of a text (none across a space).
pub fn bigrams(chars: &[char]) -> Vec<(char, char)> {
    let mut result: Vec<(char, char)> = chars
        .windows(2)
        .filter(|pair| pair[0] != ' ' && pair[1] != ' ')
        .map(|pair| (pair[0], pair[1]))
        .collect();
    result.sort_unstable();
    result.dedup();
    result
}

fn build_matcher(patterns: &[String]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .ok()
}

/// Whether a pattern can be matched by sound: Han characters (digits read as numerals),
/// at least [`MIN_PINYIN_KEYWORD_CHARS`] of them, at least two Han.
fn sound_matchable(chars: &[char]) -> bool {
    chars.len() >= MIN_PINYIN_KEYWORD_CHARS
        && chars.iter().all(|c| is_han(*c) || c.is_ascii_digit())
        && chars.iter().filter(|c| is_han(**c)).count() >= 2
}

/// The sentences of the knowledge base: per item its headline, then its facts.
struct Docs {
    docs: Vec<Doc>,
    fact_docs: Vec<Vec<usize>>,
    headline_docs: Vec<usize>,
}

/// The words that decide how a keyword counts, and how it is normalized.
struct KeywordClasses<'v> {
    not_topics: HashSet<&'v str>,
    places: HashSet<&'v str>,
    /// The normalized texts of every fact (a place they name is an article place).
    fact_texts: Vec<&'v str>,
    /// The normalized English translations of the facts (Pingshan District names an
    /// article place as 坪山区 does).
    english_fact_texts: Vec<String>,
    vocabulary: &'v Vocabulary,
}

/// Terms and patterns under construction.
#[derive(Default)]
struct TermTable {
    terms: Vec<Term>,
    patterns: Vec<Pattern>,
    pattern_ids: HashMap<String, usize>,
    seen_terms: HashSet<(String, usize, Option<usize>)>,
}

impl Index {
    /// `vocabulary.not_topics`: words that never name a topic (unit words such as 人次):
    /// keywords equal to one of them are not matched. `vocabulary.other_places`: places
    /// outside the article's scope (a keyword that is one of them, perhaps with 区/市/县/镇,
    /// is weak evidence).
    pub fn new(knowledge: &KnowledgeBase, vocabulary: &Vocabulary) -> Index {
        let Docs {
            docs,
            fact_docs,
            headline_docs,
        } = build_docs(knowledge, vocabulary);
        let bigram_postings = bigram_postings(&docs, knowledge.items.len());
        let classes = KeywordClasses {
            not_topics: vocabulary.not_topics.iter().map(String::as_str).collect(),
            places: vocabulary.other_places.iter().map(String::as_str).collect(),
            fact_texts: docs
                .iter()
                .filter(|doc| doc.fact.is_some())
                .map(|doc| doc.text.as_str())
                .collect(),
            english_fact_texts: knowledge
                .items
                .iter()
                .flat_map(|item| &item.facts)
                .filter_map(|fact| fact.en.as_deref())
                .map(|en| vocabulary.normalize(en))
                .collect(),
            vocabulary,
        };
        let mut table = TermTable::default();
        let mut normalized_cache: HashMap<&str, String> = HashMap::default();
        let synonyms_of = synonym_lookup(knowledge, vocabulary);
        for (item_index, item) in knowledge.items.iter().enumerate() {
            let fact_texts: Vec<&str> = fact_docs[item_index].iter().map(|&d| docs[d].text.as_str()).collect();
            table.add_item(
                item_index,
                item,
                &fact_texts,
                &synonyms_of,
                &classes,
                &mut normalized_cache,
            );
            table.add_english_names(item_index, item, &fact_texts, &classes);
        }
        let TermTable { terms, patterns, .. } = table;
        let (exact, pinyin, fuzzy_pinyin) = build_automata(&patterns);
        let edit_candidates = edit_candidates(&patterns);
        let keyword_bigrams = keyword_bigrams(&patterns, &terms);
        let doc_lengths: Vec<usize> = docs.iter().map(|doc| doc.text.chars().count()).collect();
        let average_doc_length = doc_lengths.iter().sum::<usize>() as f32 / doc_lengths.len().max(1) as f32;
        Index {
            function_chars: function_chars(vocabulary),
            keyword_bigrams,
            doc_lengths,
            average_doc_length,
            terms,
            patterns,
            exact,
            pinyin,
            fuzzy_pinyin,
            edit_candidates,
            docs,
            fact_docs,
            headline_docs,
            bigram_postings,
        }
    }

    /// The docs an answer about one item can show: its facts, then its headline (as
    /// sentence `facts.len()`, see [`crate::knowledge::Item::sentence`]).
    pub fn answer_docs(&self, item: usize) -> Vec<usize> {
        let mut docs = self.item_fact_docs(item).to_vec();
        if let Some(&headline) = self.headline_docs.get(item) {
            docs.push(headline);
        }
        docs
    }

    /// The docs of one item's facts.
    pub fn item_fact_docs(&self, item: usize) -> &[usize] {
        self.fact_docs.get(item).map_or(&[], Vec::as_slice)
    }
}

/// The first clause of a sentence (NFKC), normalized.
fn opening_clause(written: &str, normalize: impl Fn(&str) -> String) -> String {
    let first = written
        .split(super::figures::CLAUSE_ENDS)
        .find(|piece| !piece.trim().is_empty())
        .unwrap_or_default();
    normalize(first)
}

/// Every headline and fact as a doc.
fn build_docs(knowledge: &KnowledgeBase, vocabulary: &Vocabulary) -> Docs {
    let measure_words = vocabulary.measure_words();
    let normalize = |text: &str| vocabulary.normalize(text);
    let mut docs = Vec::new();
    let mut fact_docs = Vec::new();
    let mut headline_docs = Vec::new();
    for (item_index, item) in knowledge.items.iter().enumerate() {
        let headline = normalize(&item.headline);
        let written = nfkc(&item.headline);
        headline_docs.push(docs.len());
        docs.push(Doc {
            item: item_index,
            fact: None,
            figures: find_figures(&headline, &written, measure_words),
            counts: count_phrases(&written, normalize, measure_words),
            opening: opening_clause(&written, normalize),
            text: headline,
            keywords: Vec::new(),
        });
        let mut item_fact_docs = Vec::new();
        for (fact_index, fact) in item.facts.iter().enumerate() {
            let text = normalize(&fact.text);
            let written = nfkc(&fact.text);
            item_fact_docs.push(docs.len());
            docs.push(Doc {
                item: item_index,
                fact: Some(fact_index),
                figures: find_figures(&text, &written, measure_words),
                counts: count_phrases(&written, normalize, measure_words),
                opening: opening_clause(&written, normalize),
                text,
                keywords: fact.keywords.iter().map(|k| normalize(k)).collect(),
            });
        }
        fact_docs.push(item_fact_docs);
    }
    Docs {
        docs,
        fact_docs,
        headline_docs,
    }
}

impl TermTable {
    /// The terms of one item: its keywords, its title and its facts' keywords, each with
    /// its synonyms.
    fn add_item<'k>(
        &mut self,
        item_index: usize,
        item: &'k crate::knowledge::Item,
        fact_texts: &[&str],
        synonyms_of: &HashMap<String, Vec<String>>,
        classes: &KeywordClasses,
        normalized_cache: &mut HashMap<&'k str, String>,
    ) {
        let normalize = |text: &str| classes.vocabulary.normalize(text);
        let item_keywords: Vec<String> = item.keywords.iter().map(|k| normalize(k)).collect();
        let mut naming_cache: HashMap<String, Vec<usize>> = HashMap::default();
        let mut keyword_sources: Vec<(&str, Option<usize>)> =
            item.keywords.iter().map(|k| (k.as_str(), None)).collect();
        keyword_sources.push((item.title.as_str(), None));
        for (fact_index, fact) in item.facts.iter().enumerate() {
            keyword_sources.extend(fact.keywords.iter().map(|k| (k.as_str(), Some(fact_index))));
        }
        for (keyword, fact) in keyword_sources {
            let normalized = normalized_cache
                .entry(keyword)
                .or_insert_with(|| normalize(keyword))
                .clone();
            if normalized.is_empty() {
                continue;
            }
            let mut variants = vec![normalized.clone()];
            if let Some(group) = synonyms_of.get(&normalized) {
                variants.extend(group.iter().filter(|w| **w != normalized).cloned());
            }
            // Synonyms repeat the same word sets: each set is looked up once per item.
            let naming: Vec<usize> = naming_cache
                .entry(normalized.clone())
                .or_insert_with(|| {
                    (0..fact_texts.len())
                        .filter(|&f| variants.iter().any(|v| fact_texts[f].contains(v.as_str())))
                        .collect()
                })
                .clone();
            let narrows = fact.is_some() && (naming.len() as f32) < NARROWING_SHARE * fact_texts.len() as f32;
            let linked_facts: Vec<usize> = match fact {
                Some(fact_index) => vec![fact_index],
                None => naming,
            };
            for variant in variants {
                // A synonym of a fact keyword that is a keyword of the whole item (万花筒 →
                // 妇儿大厦) says which item, not which fact: it stays item-level only.
                if let Some(fact_index) = fact
                    && variant != normalized
                    && item_keywords.contains(&variant)
                    && fact_index < fact_texts.len()
                {
                    continue;
                }
                let term = Term {
                    item: item_index,
                    linked_facts: linked_facts.clone(),
                    fact_level: fact.is_some(),
                    narrows,
                    weight: 0.0,
                };
                self.add_term(variant, fact, term, classes);
            }
        }
    }

    /// The English names the facts' translations give the article's named things
    /// (“Child-Friendly Community Day” (儿童友好社区日)): each a keyword of its fact, as
    /// its Chinese name is, so that a question in English reaches the fact by the name a
    /// reader of the translation uses.
    fn add_english_names(
        &mut self,
        item_index: usize,
        item: &crate::knowledge::Item,
        fact_texts: &[&str],
        classes: &KeywordClasses,
    ) {
        let normalize = |text: &str| classes.vocabulary.normalize(text);
        for (fact_index, fact) in item.facts.iter().enumerate() {
            let Some(en) = &fact.en else { continue };
            for (english, chinese) in english_names(en) {
                let chinese = normalize(chinese);
                let english = normalize(english);
                if chinese.is_empty() || english.is_empty() || !english.is_ascii() {
                    continue;
                }
                let naming = fact_texts.iter().filter(|text| text.contains(chinese.as_str())).count();
                if naming == 0 {
                    continue;
                }
                let term = Term {
                    item: item_index,
                    linked_facts: vec![fact_index],
                    fact_level: true,
                    narrows: (naming as f32) < NARROWING_SHARE * fact_texts.len() as f32,
                    weight: 0.0,
                };
                self.add_term(english, Some(fact_index), term, classes);
            }
        }
    }

    /// Adds one term under its pattern (once per text, item and fact).
    fn add_term(&mut self, variant: String, fact: Option<usize>, mut term: Term, classes: &KeywordClasses) {
        if !self.seen_terms.insert((variant.clone(), term.item, fact)) {
            return;
        }
        let chars: Vec<char> = variant.chars().collect();
        term.weight = term_weight(&chars);
        let term_index = self.terms.len();
        self.terms.push(term);
        let no_topic = classes.not_topics.contains(variant.as_str());
        let place_like = is_place_name(&classes.places, &variant);
        // Only a district or town written out (坪山区, not 坪山 or 港澳): a bare name is too often
        // part of other words.
        let article_place = place_like
            && ((variant.ends_with(['区', '县', '镇'])
                && classes.fact_texts.iter().any(|text| text.contains(variant.as_str())))
                || names_english_article_place(&classes.english_fact_texts, &variant));
        let patterns = &mut self.patterns;
        let pattern_index = *self.pattern_ids.entry(variant).or_insert_with(|| {
            patterns.push(Pattern {
                ascii: chars.iter().all(char::is_ascii),
                no_topic,
                place_like,
                article_place,
                chars,
                terms: Vec::new(),
            });
            patterns.len() - 1
        });
        self.patterns[pattern_index].terms.push(term_index);
    }
}

/// The exact automaton and the two sound automata; the sound ones are built on a second
/// thread (they are independent).
fn build_automata(patterns: &[Pattern]) -> (Option<AhoCorasick>, PinyinMatcher, PinyinMatcher) {
    let pattern_texts: Vec<String> = patterns.iter().map(Pattern::text).collect();
    let sound_patterns: Vec<usize> = (0..patterns.len())
        .filter(|&p| sound_matchable(&patterns[p].chars))
        .collect();
    let (exact, (pinyin, fuzzy_pinyin)) = std::thread::scope(|scope| {
        let sound = scope.spawn(|| {
            let (pinyin_keys, fuzzy_keys): (Vec<String>, Vec<String>) =
                sound_patterns.iter().map(|&p| pinyin_keys(&pattern_texts[p])).unzip();
            (
                PinyinMatcher {
                    matcher: build_matcher(&pinyin_keys),
                    patterns: sound_patterns.clone(),
                },
                PinyinMatcher {
                    matcher: build_matcher(&fuzzy_keys),
                    patterns: sound_patterns.clone(),
                },
            )
        });
        let exact = build_matcher(&pattern_texts);
        match sound.join() {
            Ok(sound) => (exact, sound),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    (exact, pinyin, fuzzy_pinyin)
}

/// Most words of an English name taken from a translation (longer ones are titles of
/// documents nobody types).
const MAX_ENGLISH_NAME_WORDS: usize = 6;

/// The (English, Chinese) names of a translation: “English” followed by (中文 …), the
/// Chinese up to a comma, without book-title marks.
fn english_names(en: &str) -> Vec<(&str, &str)> {
    let mut names = Vec::new();
    let mut rest = en;
    while let Some(open) = rest.find('“') {
        let after = &rest[open + '“'.len_utf8()..];
        let Some(close) = after.find('”') else { break };
        let english = &after[..close];
        rest = &after[close + '”'.len_utf8()..];
        let Some(bracketed) = rest.trim_start().strip_prefix('(') else {
            continue;
        };
        let Some(end) = bracketed.find([')', ',']) else {
            continue;
        };
        let chinese = bracketed[..end].trim_matches(['《', '》', ' ']);
        let words = english.split_whitespace().count();
        if chinese.chars().any(crate::normalize::is_han) && (1..=MAX_ENGLISH_NAME_WORDS).contains(&words) {
            names.push((english, chinese));
        }
    }
    names
}

/// Char bigram → the items whose keywords hold it (Han pairs; places and unit words aside).
fn keyword_bigrams(patterns: &[Pattern], terms: &[Term]) -> BigramMap<Vec<usize>> {
    let mut items_of: BigramMap<Vec<usize>> = BigramMap::default();
    for pattern in patterns {
        if pattern.no_topic || pattern.place_like {
            continue;
        }
        for (a, b) in bigrams(&pattern.chars) {
            if !is_han(a) || !is_han(b) {
                continue;
            }
            let items = items_of.entry((a, b)).or_default();
            for &term in &pattern.terms {
                if !items.contains(&terms[term].item) {
                    items.push(terms[term].item);
                }
            }
        }
    }
    items_of
}

/// Char bigram → the Han patterns long enough for edit distance that contain it.
fn edit_candidates(patterns: &[Pattern]) -> BigramMap<Vec<usize>> {
    let mut candidates: BigramMap<Vec<usize>> = BigramMap::default();
    for (pattern_index, pattern) in patterns.iter().enumerate() {
        if pattern.chars.len() < MIN_EDIT_KEYWORD_CHARS || !pattern.chars.iter().all(|c| is_han(*c)) {
            continue;
        }
        for bigram in bigrams(&pattern.chars) {
            candidates.entry(bigram).or_default().push(pattern_index);
        }
    }
    candidates
}

/// Whether a keyword is one of the places, or one with an administrative suffix (福田区).
/// Whether an English place keyword (pingshan) is a district, county or town the facts'
/// translations name (Pingshan District): an article place, as 坪山区 is in Chinese.
pub(crate) fn names_english_article_place(english_fact_texts: &[String], keyword: &str) -> bool {
    keyword.is_ascii()
        && ["district", "county", "town"].iter().any(|kind| {
            let written = format!("{keyword} {kind}");
            english_fact_texts.iter().any(|text| text.contains(written.as_str()))
        })
}

fn is_place_name(places: &HashSet<&str>, keyword: &str) -> bool {
    if places.contains(keyword) {
        return true;
    }
    keyword
        .strip_suffix(['区', '市', '县', '镇', '省'])
        .is_some_and(|stem| places.contains(stem))
}

/// The text as written (NFKC only): its figures are the ones in digits.
pub fn nfkc(text: &str) -> String {
    if crate::normalize::is_nfkc(text) {
        return text.to_string();
    }
    unicode_normalization::UnicodeNormalization::nfkc(text).collect()
}

fn bigram_postings(docs: &[Doc], item_count: usize) -> BigramMap<BigramPosting> {
    let mut postings: BigramMap<Vec<usize>> = BigramMap::default();
    for (doc_index, doc) in docs.iter().enumerate() {
        let chars: Vec<char> = doc.text.chars().collect();
        for bigram in bigrams(&chars) {
            postings.entry(bigram).or_default().push(doc_index);
        }
    }
    // IDF over items, not sentences: a phrase used by several items (深圳市妇联) says
    // little about which item a question is about. Within an item, facts are told apart
    // with IDF over sentences.
    let item_count = item_count.max(1) as f32;
    let doc_count = docs.len().max(1) as f32;
    postings
        .into_iter()
        .map(|(bigram, list)| {
            let mut items: Vec<usize> = list.iter().map(|&doc| docs[doc].item).collect();
            items.dedup();
            let item_idf = (item_count / items.len() as f32).ln().max(0.0);
            let doc_idf = (doc_count / list.len() as f32).ln().max(0.0);
            (
                bigram,
                BigramPosting {
                    item_idf,
                    doc_idf,
                    docs: list,
                },
            )
        })
        .collect()
}

/// Normalized word → the other normalized words of its synonym groups, and the everyday
/// phrases of the concepts meaning it.
fn synonym_lookup(knowledge: &KnowledgeBase, vocabulary: &Vocabulary) -> HashMap<String, Vec<String>> {
    let mut lookup: HashMap<String, Vec<String>> = HashMap::default();
    for group in &knowledge.synonym_groups {
        let normalized: Vec<String> = group
            .iter()
            .map(|w| vocabulary.normalize(w))
            .filter(|w| !w.is_empty())
            .collect();
        for word in &normalized {
            let entry = lookup.entry(word.clone()).or_default();
            for other in &normalized {
                if other != word && !entry.contains(other) {
                    entry.push(other.clone());
                }
            }
        }
    }
    // The concept vocabulary, one way: an everyday phrase (网上卖东西) becomes a keyword
    // wherever its term (直播带货) is one, never the other way round.
    for concept in &knowledge.concepts {
        let term = vocabulary.normalize(&concept.means);
        if term.is_empty() {
            continue;
        }
        let entry = lookup.entry(term.clone()).or_default();
        for phrase in &concept.phrases {
            let phrase = vocabulary.normalize_asked(phrase);
            if !phrase.is_empty() && phrase != term && !entry.contains(&phrase) {
                entry.push(phrase);
            }
        }
    }
    lookup
}

#[cfg(test)]
mod tests {
    use super::english_names;

    #[test]
    fn english_names_are_read_from_a_translation() {
        let en = "more than 600 “Child-Friendly Community Day” (儿童友好社区日) events; “mom jobs” \
                  (妈妈岗, flexible jobs); “quoted” words; “A Plan” (《某方案》)";
        assert_eq!(
            english_names(en),
            vec![
                ("Child-Friendly Community Day", "儿童友好社区日"),
                ("mom jobs", "妈妈岗"),
                ("A Plan", "某方案")
            ]
        );
    }
}
