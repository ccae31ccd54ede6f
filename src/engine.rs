//! The answer engine: an index over the knowledge base and the matching of questions.
//!
//! Pure and I/O-free. [`Engine::new`] builds the index once per knowledge base;
//! [`Engine::answer`] turns a question into a structured [`Answer`]: which item (or
//! none), how confident, which facts answer it (best first) and suggestions when it
//! is unsure. Matching combines, per item:
//! - keyword hits (item and fact keywords plus their synonyms), found exactly, by
//!   toneless pinyin (homophone typos such as 母婴是 → 母婴室) and by edit distance
//!   (one wrong character in longer keywords);
//! - overlap of the question's character bigrams with each fact's text, weighted by
//!   how rare the bigram is in the article (IDF);
//! - figures: a number in the question that occurs in a fact.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::knowledge::KnowledgeBase;
use crate::normalize::{is_han, normalize, pinyin_key};

/// Below this raw score the engine declines: roughly one two-character keyword.
const MIN_ITEM_SCORE: f32 = 1.0;
/// Another item within this share of the best score makes the answer ambiguous.
const AMBIGUITY_RATIO: f32 = 0.75;
/// Another item with a keyword hit of its own within this share is offered as a suggestion.
const ALSO_MENTIONED_RATIO: f32 = 0.45;
/// A homophone (same pinyin) keyword hit counts this share of an exact hit.
const PINYIN_HIT_FACTOR: f32 = 0.9;
/// A one-edit keyword hit counts this share of an exact hit (four-character keywords
/// get the lower factor: one wrong character in four is weaker evidence).
const FUZZY_HIT_FACTOR: f32 = 0.7;
const FUZZY_SHORT_HIT_FACTOR: f32 = 0.5;
/// How much fact-text overlap counts towards an item's score.
const OVERLAP_FACTOR: f32 = 0.45;
/// Fact-text overlap up to this much (about one rare and one common bigram) is noise:
/// only the excess counts towards an item's score.
const OVERLAP_FLOOR: f32 = 4.6;
/// A question asking "how many" prefers facts that hold a figure by this much.
const QUANTITY_BONUS: f32 = 2.5;
/// Most facts listed in an answer.
const MAX_ANSWER_FACTS: usize = 3;
/// Most suggestions offered.
const MAX_SUGGESTIONS: usize = 3;

/// What kind of reply a question calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// A question answered by one item.
    Item,
    /// The question names an item by position (第二件, last one).
    Ordinal,
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
}

/// A structured answer, independent of how it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub intent: Intent,
    /// The matched item's number; `None` unless the intent is `Item` or `Ordinal`.
    pub item: Option<u8>,
    /// Confidence in `0.0..=1.0`.
    pub confidence: f32,
    /// Indexes into the matched item's facts, best first.
    pub facts: Vec<usize>,
    /// Other item numbers the user may have meant, best first.
    pub suggestions: Vec<u8>,
}

impl Answer {
    fn without_item(intent: Intent) -> Answer {
        Answer {
            intent,
            item: None,
            confidence: 0.0,
            facts: Vec::new(),
            suggestions: Vec::new(),
        }
    }
}

/// One keyword of the index, tied to an item and possibly a fact.
#[derive(Debug)]
struct Term {
    item: usize,
    /// Facts of the item this term points to: the fact it is attached to, or the facts
    /// whose text contains the keyword (or a synonym of it).
    linked_facts: Vec<usize>,
    /// Whether it was written on a fact (more specific) rather than on the item.
    fact_level: bool,
    weight: f32,
}

/// A distinct normalized keyword text and the terms that share it.
#[derive(Debug)]
struct Pattern {
    chars: Vec<char>,
    ascii: bool,
    terms: Vec<usize>,
}

/// A searchable fact (or headline) text.
#[derive(Debug)]
struct FactDoc {
    item: usize,
    /// Index into the item's facts; `None` for the headline.
    fact: Option<usize>,
    numbers: Vec<NumberToken>,
    /// Whether the original text holds a figure in digits (五分钟 is not one).
    has_figure: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct NumberToken {
    digits: String,
    unit: String,
}

/// A keyword found in the question: pattern index, char span and how it matched.
#[derive(Debug, Clone, Copy)]
struct Hit {
    pattern: usize,
    start: usize,
    end: usize,
    factor: f32,
}

/// Where a char bigram occurs in the article and how rare it is.
#[derive(Debug)]
struct BigramPosting {
    /// IDF over items: for choosing the item.
    item_idf: f32,
    /// IDF over sentences: for choosing facts within an item.
    doc_idf: f32,
    docs: Vec<usize>,
}

/// Per-question scores.
#[derive(Debug)]
struct Scoring<'a> {
    hits: Vec<Hit>,
    /// IDF-weighted bigram overlap per doc.
    doc_overlap: Vec<f32>,
    /// Figure hits per doc.
    doc_numbers: Vec<f32>,
    item_scores: Vec<f32>,
    /// The question's bigrams found in the article.
    question_bigrams: Vec<&'a BigramPosting>,
}

/// Index of one knowledge base, ready to answer questions.
#[derive(Debug)]
pub struct Engine {
    knowledge: KnowledgeBase,
    terms: Vec<Term>,
    patterns: Vec<Pattern>,
    exact_matcher: AhoCorasick,
    /// Pinyin keys of Han-only patterns of three or more characters.
    pinyin_matcher: AhoCorasick,
    pinyin_patterns: Vec<usize>,
    /// Char bigram → patterns (Han-only, four or more characters) containing it.
    fuzzy_candidates: HashMap<(char, char), Vec<usize>>,
    docs: Vec<FactDoc>,
    bigram_postings: HashMap<(char, char), BigramPosting>,
    number_pattern: Regex,
    intents: IntentPatterns,
}

struct IntentPatterns {
    greeting: Regex,
    thanks: Regex,
    help: Regex,
    source: Regex,
    list_strong: Regex,
    list_weak: Regex,
    quantity: Regex,
    ordinal_chinese: Regex,
    ordinal_english: Regex,
    ordinal_last: Regex,
}

impl std::fmt::Debug for IntentPatterns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IntentPatterns")
    }
}

fn build_regex(pattern: &str) -> Regex {
    // The patterns are constants of this module, covered by tests.
    Regex::new(pattern).unwrap_or_else(|error| panic!("invalid built-in pattern {pattern}: {error}"))
}

impl IntentPatterns {
    fn new() -> IntentPatterns {
        IntentPatterns {
            greeting: build_regex(
                r"^(你好|您好|你们好|大家好|嗨|哈喽|哈啰|哈罗|喂|早上好|上午好|中午好|下午好|晚上好|早安|晚安|早|在吗|在不在|有人吗|hi|hello|hey|hallo|yo|good morning|good afternoon|good evening|morning)+(啊|呀|吗|呢|哦|机器人|bot|there)*$",
            ),
            thanks: build_regex(
                r"^(谢谢|多谢|感谢|谢了|谢啦|thank you|thank|thx|ty|好的|好|ok|okay|收到|明白了|知道了|再见|拜拜|bye|goodbye)+(你|您|啦|了|哦|呀|a lot|very much)*$",
            ),
            help: build_regex(
                r"^(帮助|help|怎么用|如何使用|使用说明|说明|你能做什么|你会什么|你能干什么|你是谁|你是做什么的|你是机器人|你是人|能问什么|可以问什么|问什么|what can you do|who are you|how to use|are you a bot)(的|呢|吗|啊|吧)*$",
            ),
            source: build_regex(
                r"谁发布|谁发的|谁写的|发布单位|发布者|发布时间|发布日期|什么时候发布|哪天发布|何时发布|信息来源|消息来源|资料来源|来源是|出处|原文在哪|原文链接|作者是谁|who (published|wrote)|publisher|(what|which) is the source|^source$|when was (this|it) (published|released|written)",
            ),
            list_strong: build_regex(
                r"(10件|10大|十大|大事|事件|全部|所有).*(哪些|什么|啥|列表|清单|目录|汇总|总结|概括|概览)|^(列表|目录|清单|全部|所有|菜单|总览|概览|list|all item|all|menu|overview|index|content|table of content)$|^(10件大事|10大事件|10件事|10大事|10件|大事|大事件|事件)$|(所有|全部|每件|每1件|看看|列出).{0,3}(大事|事件|事情)|(list|overview|summary) of|what are the (10|ten)|all (10|ten)|10 (major )?(event|item|thing)",
            ),
            list_weak: build_regex(
                r"有哪些|都有什么|有什么|包括什么|包括哪些|讲了什么|说了什么|有啥|哪些事|什么事|做了什么|干了什么|做了哪些|成绩|成就|成果|亮点",
            ),
            quantity: build_regex(
                r"多少|几|数量|人数|数目|总数|次数|规模|多大|多高|覆盖率|比例|百分之|比率|频次|人次|how many|how much|number of|count|amount|figure|percent|percentage|rate",
            ),
            ordinal_chinese: build_regex(r"第([0-9]{1,2})(件|条|项|个|点|号|部分|章|大事|是|讲|说|呢|吗|的|$)"),
            ordinal_english: build_regex(
                r"(?:item|no|number|#|point|event) ?([0-9]{1,2})(?-u:\b)|(?-u:\b)([0-9]{1,2})(?:st|nd|rd|th)(?-u:\b)|(?-u:\b)(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?-u:\b)",
            ),
            ordinal_last: build_regex(r"最后(1)?(件|条|项|个|点|部分)|^最后$|最末"),
        }
    }
}

fn term_weight(chars: &[char]) -> f32 {
    let ascii = chars.iter().all(char::is_ascii);
    if ascii {
        let words = chars.split(|c| *c == ' ').filter(|w| !w.is_empty()).count();
        let letters = chars.iter().filter(|c| c.is_ascii_alphanumeric()).count();
        if letters < 3 {
            return 0.8;
        }
        return (1.0 + 0.7 * (words.saturating_sub(1)) as f32).min(3.0);
    }
    let length = chars.len();
    if length <= 1 {
        return 0.5;
    }
    (1.0 + 0.5 * (length - 2) as f32).min(3.0)
}

fn bigrams(chars: &[char]) -> Vec<(char, char)> {
    let mut result: Vec<(char, char)> = chars
        .windows(2)
        .filter(|pair| pair[0] != ' ' && pair[1] != ' ')
        .map(|pair| (pair[0], pair[1]))
        .collect();
    result.sort_unstable();
    result.dedup();
    result
}

impl Engine {
    /// Builds the index for a validated knowledge base.
    pub fn new(knowledge: KnowledgeBase) -> Engine {
        let number_pattern = build_regex(r"[0-9]+(?:\.[0-9]+)?(?:万|%)?");
        let mut normalized_cache: HashMap<&str, String> = HashMap::new();
        let synonyms_of = synonym_lookup(&knowledge);

        // Documents: every fact, plus each headline (for item scoring only).
        let mut docs = Vec::new();
        let mut doc_texts: Vec<Vec<char>> = Vec::new();
        for (item_index, item) in knowledge.items.iter().enumerate() {
            let headline = normalize(&item.headline);
            docs.push(FactDoc {
                item: item_index,
                fact: None,
                numbers: number_tokens(&number_pattern, &written_figures(&item.headline)),
                has_figure: item.headline.bytes().any(|b| b.is_ascii_digit()),
            });
            doc_texts.push(headline.chars().collect());
            for (fact_index, fact) in item.facts.iter().enumerate() {
                let text = normalize(&fact.text);
                docs.push(FactDoc {
                    item: item_index,
                    fact: Some(fact_index),
                    numbers: number_tokens(&number_pattern, &written_figures(&fact.text)),
                    has_figure: fact.text.bytes().any(|b| b.is_ascii_digit()),
                });
                doc_texts.push(text.chars().collect());
            }
        }
        let mut postings: HashMap<(char, char), Vec<usize>> = HashMap::new();
        for (doc_index, text) in doc_texts.iter().enumerate() {
            for bigram in bigrams(text) {
                postings.entry(bigram).or_default().push(doc_index);
            }
        }
        // IDF over items, not sentences: a phrase used by several items (深圳市妇联) says
        // little about which item a question is about.
        // Within an item, facts are told apart with IDF over sentences.
        let item_count = knowledge.items.len().max(1) as f32;
        let doc_count = docs.len().max(1) as f32;
        let bigram_postings = postings
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
            .collect();

        // Terms and patterns.
        let mut terms = Vec::new();
        let mut pattern_ids: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut seen_terms: HashMap<(String, usize, Option<usize>), ()> = HashMap::new();
        for (item_index, item) in knowledge.items.iter().enumerate() {
            let fact_texts: Vec<String> = item.facts.iter().map(|fact| normalize(&fact.text)).collect();
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
                let linked_facts: Vec<usize> = match fact {
                    Some(fact_index) => vec![fact_index],
                    None => (0..fact_texts.len())
                        .filter(|&f| variants.iter().any(|v| fact_texts[f].contains(v.as_str())))
                        .collect(),
                };
                for variant in variants {
                    if seen_terms.insert((variant.clone(), item_index, fact), ()).is_some() {
                        continue;
                    }
                    let chars: Vec<char> = variant.chars().collect();
                    let term_index = terms.len();
                    terms.push(Term {
                        item: item_index,
                        linked_facts: linked_facts.clone(),
                        fact_level: fact.is_some(),
                        weight: term_weight(&chars),
                    });
                    let pattern_index = *pattern_ids.entry(variant.clone()).or_insert_with(|| {
                        patterns.push(Pattern {
                            ascii: chars.iter().all(char::is_ascii),
                            chars,
                            terms: Vec::new(),
                        });
                        patterns.len() - 1
                    });
                    patterns[pattern_index].terms.push(term_index);
                }
            }
        }
        let pattern_texts: Vec<String> = patterns.iter().map(|p| p.chars.iter().collect()).collect();
        let exact_matcher = build_matcher(&pattern_texts);

        let pinyin_patterns: Vec<usize> = (0..patterns.len())
            .filter(|&p| patterns[p].chars.len() >= 3 && patterns[p].chars.iter().all(|c| is_han(*c)))
            .collect();
        let pinyin_texts: Vec<String> = pinyin_patterns.iter().map(|&p| pinyin_key(&pattern_texts[p])).collect();
        let pinyin_matcher = build_matcher(&pinyin_texts);

        let mut fuzzy_candidates: HashMap<(char, char), Vec<usize>> = HashMap::new();
        for (pattern_index, pattern) in patterns.iter().enumerate() {
            if pattern.chars.len() < 4 || !pattern.chars.iter().all(|c| is_han(*c)) {
                continue;
            }
            for bigram in bigrams(&pattern.chars) {
                fuzzy_candidates.entry(bigram).or_default().push(pattern_index);
            }
        }

        Engine {
            knowledge,
            terms,
            patterns,
            exact_matcher,
            pinyin_matcher,
            pinyin_patterns,
            fuzzy_candidates,
            docs,
            bigram_postings,
            number_pattern,
            intents: IntentPatterns::new(),
        }
    }

    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.knowledge
    }

    /// Answers one question.
    pub fn answer(&self, question: &str) -> Answer {
        let normalized = normalize(question);
        let chars: Vec<char> = normalized.chars().collect();
        if chars.iter().all(|c| *c == ' ') {
            return Answer::without_item(Intent::Empty);
        }
        for (pattern, intent) in [
            (&self.intents.greeting, Intent::Greeting),
            (&self.intents.thanks, Intent::Thanks),
            (&self.intents.help, Intent::Help),
            (&self.intents.source, Intent::Source),
        ] {
            if pattern.is_match(&normalized) {
                return Answer::without_item(intent);
            }
        }
        if let Some(number) = self.ordinal(&normalized) {
            return self.ordinal_answer(&normalized, number);
        }
        if self.intents.list_strong.is_match(&normalized) {
            return Answer::without_item(Intent::List);
        }

        let scoring = self.score(question, &normalized, &chars);
        let item_scores = &scoring.item_scores;
        let item_count = item_scores.len();
        let mut ranked: Vec<usize> = (0..item_count).collect();
        ranked.sort_by(|a, b| item_scores[*b].total_cmp(&item_scores[*a]).then(a.cmp(b)));
        let Some(&best) = ranked.first() else {
            return Answer::without_item(Intent::Declined);
        };
        let best_score = item_scores[best];
        if best_score < MIN_ITEM_SCORE {
            if self.intents.list_weak.is_match(&normalized) {
                return Answer::without_item(Intent::List);
            }
            let mut declined = Answer::without_item(Intent::Declined);
            let keyword_items = self.items_with_keyword_hits(&scoring.hits);
            declined.suggestions = ranked
                .iter()
                .filter(|&&item| keyword_items.contains(&item) && item_scores[item] >= 0.6 * MIN_ITEM_SCORE)
                .take(MAX_SUGGESTIONS)
                .map(|&item| self.knowledge.items[item].number)
                .collect();
            return declined;
        }
        // Close runners-up make the answer ambiguous; other items named by a keyword of
        // their own (母婴室和集体婚礼) are offered too, without lowering the confidence.
        let ambiguous = ranked
            .iter()
            .skip(1)
            .any(|&item| item_scores[item] >= AMBIGUITY_RATIO * best_score);
        let keyword_items = self.items_with_keyword_hits(&scoring.hits);
        let suggestions: Vec<u8> = ranked
            .iter()
            .skip(1)
            .filter(|&&item| {
                item_scores[item] >= AMBIGUITY_RATIO * best_score
                    || (keyword_items.contains(&item) && item_scores[item] >= ALSO_MENTIONED_RATIO * best_score)
            })
            .take(MAX_SUGGESTIONS)
            .map(|&item| self.knowledge.items[item].number)
            .collect();
        let quantity = self.intents.quantity.is_match(&normalized);
        let facts = self.rank_facts(best, &scoring, quantity);
        let margin = if ambiguous { 0.6 } else { 1.0 };
        let confidence = (best_score / (best_score + 1.0)) * margin;
        Answer {
            intent: Intent::Item,
            item: Some(self.knowledge.items[best].number),
            confidence,
            facts,
            suggestions,
        }
    }

    /// Scores every item for a normalized question.
    fn score(&self, question: &str, normalized: &str, chars: &[char]) -> Scoring<'_> {
        let hits = self.keyword_hits(normalized, chars);
        let question_numbers = self.question_figures(question, normalized);
        let question_bigrams: Vec<&BigramPosting> = bigrams(chars)
            .into_iter()
            .filter_map(|bigram| self.bigram_postings.get(&bigram))
            .collect();
        let mut doc_overlap = vec![0.0f32; self.docs.len()];
        for posting in &question_bigrams {
            for &doc in &posting.docs {
                doc_overlap[doc] += posting.item_idf;
            }
        }
        let doc_numbers = self.doc_number_hits(&question_numbers);

        let item_count = self.knowledge.items.len();
        let mut item_scores = vec![0.0f32; item_count];
        // Per item, hits count from the heaviest down; a hit overlapping one already
        // counted for that item adds nothing (两癌 inside 两癌筛查, two fuzzy hits on one word).
        let mut weighted: Vec<(usize, f32, usize, usize)> = Vec::new();
        for hit in &hits {
            for &term_index in &self.patterns[hit.pattern].terms {
                let term = &self.terms[term_index];
                weighted.push((term.item, term.weight * hit.factor, hit.start, hit.end));
            }
        }
        weighted.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        let mut counted: Vec<(usize, usize, usize)> = Vec::new();
        for (item, weight, start, end) in weighted {
            let overlaps = counted.iter().any(|&(i, s, e)| i == item && start < e && s < end);
            if overlaps {
                continue;
            }
            counted.push((item, start, end));
            item_scores[item] += weight;
        }
        let mut best_overlap = vec![0.0f32; item_count];
        let mut best_numbers = vec![0.0f32; item_count];
        for (doc_index, doc) in self.docs.iter().enumerate() {
            best_overlap[doc.item] = best_overlap[doc.item].max(doc_overlap[doc_index]);
            best_numbers[doc.item] = best_numbers[doc.item].max(doc_numbers[doc_index]);
        }
        for item in 0..item_count {
            item_scores[item] += OVERLAP_FACTOR * (best_overlap[item] - OVERLAP_FLOOR).max(0.0) + best_numbers[item];
        }
        Scoring {
            hits,
            doc_overlap,
            doc_numbers,
            item_scores,
            question_bigrams,
        }
    }

    fn items_with_keyword_hits(&self, hits: &[Hit]) -> Vec<usize> {
        let mut items: Vec<usize> = hits
            .iter()
            .flat_map(|hit| self.patterns[hit.pattern].terms.iter().map(|&t| self.terms[t].item))
            .collect();
        items.sort_unstable();
        items.dedup();
        items
    }

    /// Figures of a normalized question. Figures spelled in Chinese count from two digits up
    /// (二十四 → 24); a lone 一/两/三 is usually part of a word (两癌, 三新), not a figure.
    fn question_figures(&self, question: &str, normalized: &str) -> Vec<NumberToken> {
        let mut figures = number_tokens(&self.number_pattern, &written_figures(question));
        for token in number_tokens(&self.number_pattern, normalized) {
            if token.digits.len() > 1 && !figures.contains(&token) {
                figures.push(token);
            }
        }
        figures
    }

    /// A human-readable account of how a question was scored, for tuning keywords.
    pub fn explain(&self, question: &str) -> String {
        let normalized = normalize(question);
        let chars: Vec<char> = normalized.chars().collect();
        let scoring = self.score(question, &normalized, &chars);
        let mut lines = vec![format!("normalized: {normalized}")];
        for hit in &scoring.hits {
            let text: String = self.patterns[hit.pattern].chars.iter().collect();
            let items: Vec<String> = self.patterns[hit.pattern]
                .terms
                .iter()
                .map(|&t| {
                    let term = &self.terms[t];
                    let level = if term.fact_level { "fact" } else { "item" };
                    format!("{}:{level}:{:.1}", self.knowledge.items[term.item].number, term.weight)
                })
                .collect();
            lines.push(format!(
                "hit {text:?} chars {}..{} x{:.1} -> {}",
                hit.start,
                hit.end,
                hit.factor,
                items.join(" ")
            ));
        }
        for (doc_index, doc) in self.docs.iter().enumerate() {
            let overlap = scoring.doc_overlap[doc_index];
            let numbers = scoring.doc_numbers[doc_index];
            if overlap > 0.0 || numbers > 0.0 {
                let fact = doc.fact.map_or("headline".to_string(), |f| format!("fact {f}"));
                let number = self.knowledge.items[doc.item].number;
                lines.push(format!(
                    "doc item {number} {fact}: overlap {overlap:.2} numbers {numbers:.2}"
                ));
            }
        }
        let scores: Vec<String> = scoring
            .item_scores
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}={s:.2}", self.knowledge.items[i].number))
            .collect();
        lines.push(format!("item scores: {}", scores.join(" ")));
        let quantity = self.intents.quantity.is_match(&normalized);
        for (item, _) in scoring
            .item_scores
            .iter()
            .enumerate()
            .filter(|(_, s)| **s >= MIN_ITEM_SCORE)
        {
            let facts: Vec<String> = self
                .fact_scores(item, &scoring, quantity)
                .iter()
                .map(|s| format!("{s:.2}"))
                .collect();
            lines.push(format!(
                "item {} fact scores: {}",
                self.knowledge.items[item].number,
                facts.join(" ")
            ));
        }
        lines.join("\n")
    }

    /// An item number named by position ("第二件", "item 5", "最后一件").
    fn ordinal(&self, normalized: &str) -> Option<u8> {
        let last = self.knowledge.last_item_number();
        if self.intents.ordinal_last.is_match(normalized) {
            return Some(last);
        }
        let in_range = |n: u32| u8::try_from(n).ok().filter(|n| (1..=last).contains(n));
        if let Some(captures) = self.intents.ordinal_chinese.captures(normalized) {
            let number = captures.get(1)?.as_str().parse::<u32>().ok()?;
            return in_range(number);
        }
        if normalized.bytes().all(|b| b.is_ascii_digit()) && normalized.len() <= 2 {
            return normalized.parse::<u32>().ok().and_then(in_range);
        }
        let captures = self.intents.ordinal_english.captures(normalized)?;
        if let Some(digits) = captures.get(1).or_else(|| captures.get(2)) {
            return digits.as_str().parse::<u32>().ok().and_then(in_range);
        }
        let word = captures.get(3)?.as_str();
        let number = match word {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            "sixth" => 6,
            "seventh" => 7,
            "eighth" => 8,
            "ninth" => 9,
            "tenth" => 10,
            _ => u32::from(last),
        };
        in_range(number)
    }

    /// The item named by position; its facts ranked by the rest of the question
    /// (第五件的数字是多少 puts the figure first).
    fn ordinal_answer(&self, normalized: &str, number: u8) -> Answer {
        // The ordinal words themselves (第10条, 最后) are no evidence for a fact.
        let mut rest = normalized.to_string();
        for pattern in [
            &self.intents.ordinal_last,
            &self.intents.ordinal_chinese,
            &self.intents.ordinal_english,
        ] {
            rest = pattern.replace_all(&rest, "").into_owned();
        }
        let chars: Vec<char> = rest.chars().collect();
        let facts = match self.knowledge.items.iter().position(|item| item.number == number) {
            Some(item) => {
                let scoring = self.score(&rest, &rest, &chars);
                self.rank_facts(item, &scoring, self.intents.quantity.is_match(&rest))
            }
            None => Vec::new(),
        };
        Answer {
            intent: Intent::Ordinal,
            item: Some(number),
            confidence: 1.0,
            facts,
            suggestions: Vec::new(),
        }
    }

    /// Keyword hits: exact, homophone and one-edit matches, without hits whose span lies
    /// strictly inside a longer hit (the more specific keyword wins).
    fn keyword_hits(&self, normalized: &str, chars: &[char]) -> Vec<Hit> {
        let mut byte_to_char = vec![0usize; normalized.len() + 1];
        for (char_index, (byte_index, c)) in normalized.char_indices().enumerate() {
            for offset in 0..c.len_utf8() {
                byte_to_char[byte_index + offset] = char_index;
            }
        }
        byte_to_char[normalized.len()] = chars.len();

        let mut hits = Vec::new();
        let bytes = normalized.as_bytes();
        for found in self.exact_matcher.find_overlapping_iter(normalized) {
            let pattern = found.pattern().as_usize();
            if self.patterns[pattern].ascii {
                let before_ok = found.start() == 0 || !bytes[found.start() - 1].is_ascii_alphanumeric();
                let after_ok = found.end() == bytes.len() || !bytes[found.end()].is_ascii_alphanumeric();
                if !before_ok || !after_ok {
                    continue;
                }
            }
            hits.push(Hit {
                pattern,
                start: byte_to_char[found.start()],
                end: byte_to_char[found.end()],
                factor: 1.0,
            });
        }

        let has_han = chars.iter().any(|c| is_han(*c));
        if has_han {
            self.pinyin_hits(normalized, &mut hits);
            self.fuzzy_hits(chars, &mut hits);
        }

        let spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
        hits.retain(|hit| {
            !spans
                .iter()
                .any(|&(start, end)| start <= hit.start && hit.end <= end && (end - start) > (hit.end - hit.start))
        });
        // The same pattern found twice (e.g. exactly and by pinyin) counts once, best first.
        hits.sort_by(|a, b| a.pattern.cmp(&b.pattern).then(b.factor.total_cmp(&a.factor)));
        hits.dedup_by_key(|hit| hit.pattern);
        hits
    }

    fn pinyin_hits(&self, normalized: &str, hits: &mut Vec<Hit>) {
        let key = pinyin_key(normalized);
        // Char index of each syllable start in the key.
        let mut syllable_starts = Vec::new();
        for (byte_index, byte) in key.bytes().enumerate() {
            if byte == b'|' {
                syllable_starts.push(byte_index);
            }
        }
        let char_at = |byte: usize| syllable_starts.partition_point(|&s| s < byte);
        for found in self.pinyin_matcher.find_overlapping_iter(&key) {
            let pattern = self.pinyin_patterns[found.pattern().as_usize()];
            let start = char_at(found.start());
            let end = char_at(found.end()).saturating_sub(1);
            if hits.iter().any(|h| h.pattern == pattern) {
                continue;
            }
            hits.push(Hit {
                pattern,
                start,
                end,
                factor: PINYIN_HIT_FACTOR,
            });
        }
    }

    fn fuzzy_hits(&self, chars: &[char], hits: &mut Vec<Hit>) {
        let mut tried: Vec<(usize, usize)> = Vec::new();
        let mut window: Vec<char> = Vec::with_capacity(16);
        for (position, pair) in chars.windows(2).enumerate() {
            let Some(candidates) = self.fuzzy_candidates.get(&(pair[0], pair[1])) else {
                continue;
            };
            for &pattern_index in candidates {
                if hits.iter().any(|h| h.pattern == pattern_index) {
                    continue;
                }
                let pattern = &self.patterns[pattern_index].chars;
                let length = pattern.len();
                for offset in pattern
                    .windows(2)
                    .enumerate()
                    .filter(|(_, w)| w[0] == pair[0] && w[1] == pair[1])
                    .map(|(i, _)| i)
                {
                    let Some(start) = position.checked_sub(offset) else {
                        continue;
                    };
                    if tried.contains(&(pattern_index, start)) {
                        continue;
                    }
                    tried.push((pattern_index, start));
                    let allowed = if length >= 8 { 2 } else { 1 };
                    let factor = if length >= 5 {
                        FUZZY_HIT_FACTOR
                    } else {
                        FUZZY_SHORT_HIT_FACTOR
                    };
                    for window_length in [length, length + 1, length - 1] {
                        let end = start + window_length;
                        // Deleting a character is only allowed in keywords of five or more.
                        if end > chars.len() || window_length < 4 {
                            continue;
                        }
                        window.clear();
                        window.extend_from_slice(&chars[start..end]);
                        let distance = strsim::generic_levenshtein(&window, pattern);
                        if distance <= allowed {
                            hits.push(Hit {
                                pattern: pattern_index,
                                start,
                                end,
                                factor,
                            });
                            break;
                        }
                    }
                    if hits.last().is_some_and(|h| h.pattern == pattern_index) {
                        break;
                    }
                }
            }
        }
    }

    /// Score per doc for figures of the question found in it; rarer figures count more.
    fn doc_number_hits(&self, question_numbers: &[NumberToken]) -> Vec<f32> {
        let mut scores = vec![0.0f32; self.docs.len()];
        for number in question_numbers {
            let matching: Vec<usize> = (0..self.docs.len())
                .filter(|&doc| {
                    self.docs[doc]
                        .numbers
                        .iter()
                        .any(|n| n.digits == number.digits && (number.unit.is_empty() || n.unit == number.unit))
                })
                .collect();
            if matching.is_empty() {
                continue;
            }
            let weight = 3.0 / matching.len() as f32;
            for doc in matching {
                scores[doc] += weight;
            }
        }
        scores
    }

    fn rank_facts(&self, item: usize, scoring: &Scoring, quantity: bool) -> Vec<usize> {
        let scores = self.fact_scores(item, scoring, quantity);
        let fact_count = scores.len();
        let best = scores.iter().copied().fold(0.0f32, f32::max);
        if best <= 0.0 {
            return self.headline_facts(item);
        }
        let mut ranked: Vec<usize> = (0..fact_count).filter(|&f| scores[f] >= 0.5 * best).collect();
        ranked.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
        ranked.truncate(MAX_ANSWER_FACTS);
        ranked
    }

    /// Without any evidence: the facts that hold the headline's figures (the item's key
    /// figure, 1480间母婴室), else the first fact.
    fn headline_facts(&self, item: usize) -> Vec<usize> {
        let Some(headline) = self.docs.iter().find(|doc| doc.item == item && doc.fact.is_none()) else {
            return Vec::new();
        };
        let mut facts: Vec<usize> = self
            .docs
            .iter()
            .filter(|doc| doc.item == item)
            .filter_map(|doc| {
                let fact = doc.fact?;
                doc.numbers.iter().any(|n| headline.numbers.contains(n)).then_some(fact)
            })
            .take(MAX_ANSWER_FACTS)
            .collect();
        if facts.is_empty() && !self.knowledge.items[item].facts.is_empty() {
            facts.push(0);
        }
        facts
    }

    /// How well each fact of `item` answers the question. Evidence shared by several
    /// facts of the item (its topic words) counts less than evidence unique to one fact.
    fn fact_scores(&self, item: usize, scoring: &Scoring, quantity: bool) -> Vec<f32> {
        let fact_count = self.knowledge.items[item].facts.len();
        let mut scores = vec![0.0f32; fact_count];
        for hit in &scoring.hits {
            for &term_index in &self.patterns[hit.pattern].terms {
                let term = &self.terms[term_index];
                if term.item != item || term.linked_facts.is_empty() {
                    continue;
                }
                let level = if term.fact_level { 1.5 } else { 1.0 };
                let share = term.weight * hit.factor * level / term.linked_facts.len() as f32;
                for &fact in &term.linked_facts {
                    scores[fact] += share;
                }
            }
        }
        for posting in &scoring.question_bigrams {
            let local: Vec<usize> = posting
                .docs
                .iter()
                .filter(|&&d| self.docs[d].item == item)
                .filter_map(|&d| self.docs[d].fact)
                .collect();
            if local.is_empty() {
                continue;
            }
            let share = 0.5 * posting.doc_idf / local.len() as f32;
            for fact in local {
                scores[fact] += share;
            }
        }
        for (doc_index, doc) in self.docs.iter().enumerate() {
            if doc.item != item {
                continue;
            }
            let Some(fact) = doc.fact else { continue };
            scores[fact] += scoring.doc_numbers[doc_index] * 2.0;
            if quantity && doc.has_figure {
                scores[fact] += QUANTITY_BONUS;
            }
        }
        scores
    }
}

fn build_matcher(patterns: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .unwrap_or_else(|error| panic!("cannot build the keyword matcher: {error}"))
}

/// The article's text as written (NFKC only): its figures are the ones in digits, so words
/// like 四大板块 or 五分钟 are not taken for figures.
fn written_figures(text: &str) -> String {
    unicode_normalization::UnicodeNormalization::nfkc(text).collect()
}

fn number_tokens(pattern: &Regex, normalized: &str) -> Vec<NumberToken> {
    pattern
        .find_iter(normalized)
        .map(|found| {
            let text = found.as_str();
            let unit_start = text.find(['万', '%']).unwrap_or(text.len());
            NumberToken {
                digits: text[..unit_start].to_string(),
                unit: text[unit_start..].to_string(),
            }
        })
        .collect()
}

/// Normalized word → the other normalized words of its synonym groups.
fn synonym_lookup(knowledge: &KnowledgeBase) -> HashMap<String, Vec<String>> {
    let mut lookup: HashMap<String, Vec<String>> = HashMap::new();
    for group in &knowledge.synonym_groups {
        let normalized: Vec<String> = group.iter().map(|w| normalize(w)).filter(|w| !w.is_empty()).collect();
        for word in &normalized {
            let entry = lookup.entry(word.clone()).or_default();
            for other in &normalized {
                if other != word && !entry.contains(other) {
                    entry.push(other.clone());
                }
            }
        }
    }
    lookup
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::{Fact, Item, SourceInfo};

    fn fact(text: &str, keywords: &[&str]) -> Fact {
        Fact {
            text: text.to_string(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
        }
    }

    fn engine() -> Engine {
        let item = |number: u8, title: &str, keywords: &[&str], facts: Vec<Fact>| Item {
            number,
            headline: format!("{title}的标题"),
            title: title.to_string(),
            summary: format!("{title}的摘要。"),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            facts,
        };
        Engine::new(KnowledgeBase {
            source: SourceInfo {
                title: "T".into(),
                publisher: "P".into(),
                date: "2025-02-05".into(),
            },
            items: vec![
                item(
                    1,
                    "母婴室",
                    &["母婴室", "nursing room"],
                    vec![
                        fact("为哺乳期妈妈提供人性化关怀。", &[]),
                        fact("建设公共场所母婴室1480间。", &[]),
                        fact("接种疫苗4.2万剂。", &["疫苗", "hpv"]),
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
        })
    }

    #[test]
    fn exact_pinyin_fuzzy_and_synonym_hits_find_the_item() {
        let engine = engine();
        for question in [
            "母婴室在哪",
            "母婴是在哪",
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
    fn quantity_questions_prefer_the_fact_with_a_figure() {
        let answer = engine().answer("母婴室有多少间");
        assert_eq!(answer.item, Some(1));
        assert_eq!(answer.facts.first(), Some(&1));
    }

    #[test]
    fn fact_keywords_route_to_their_fact() {
        let answer = engine().answer("HPV");
        assert_eq!(answer.facts.first(), Some(&2));
    }

    #[test]
    fn a_bare_figure_finds_its_fact() {
        let answer = engine().answer("4.2万");
        assert_eq!((answer.item, answer.facts.first()), (Some(1), Some(&2)));
        assert_eq!(engine().answer("75").item, Some(2));
    }

    #[test]
    fn ordinals_are_bounded_by_the_item_count() {
        let engine = engine();
        assert_eq!(engine.answer("第2件").item, Some(2));
        assert_eq!(engine.answer("最后一件").item, Some(2));
        assert_eq!(engine.answer("第3件").intent, Intent::Declined);
    }

    #[test]
    fn unrelated_questions_are_declined() {
        let engine = engine();
        for question in ["天气怎么样", "asdf", "哈哈哈哈"] {
            assert_eq!(engine.answer(question).intent, Intent::Declined, "{question}");
        }
        assert_eq!(engine.answer("!!!").intent, Intent::Empty);
    }
}
