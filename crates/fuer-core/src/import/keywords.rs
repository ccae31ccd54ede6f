//! Suggested keywords, found without a person: for each item, the terms of its headline,
//! the names in quotes, the nouns its figures count (said more widely when the noun is one
//! every item uses: 亲子阅读活动, not 活动), the terms distinctive to it against
//! the other items, and the words of the shared synonym groups and the concept
//! vocabulary's terms its text uses (the engine adds the rest of each group and the
//! concepts' everyday phrases, and matches keywords of three characters or more by their
//! pinyin, so no typo needs listing); for each fact, its names, figure nouns and the noun
//! phrases that are not common to all items. English keywords come from the shared
//! glossary (`glossary.toml`): the English of each glossary term the item's text uses and
//! few items use, on the item when it is the item's subject, else on the facts that use it.
//!
//! Size (about 860 lines, 190 of them unit tests): the suggestion rules share one view of the
//! article (which items use a word, how often), so they stay beside each other.

use std::collections::HashSet;

use crate::knowledge::{GlossaryTerm, QuestionWords};
use crate::normalize::normalize;

use super::layout::RawItem;
use super::words::{Figure, SentenceWords, Word, general_frequency, joined, sentence_words};

/// Words every item of such an article uses (the admin guide lists them as "通用词"): never
/// a keyword on their own.
const COMMON_WORDS: &[&str] = &[
    "深圳",
    "深圳市",
    "全市",
    "市级",
    "全省",
    "全国",
    "全区",
    "妇女",
    "儿童",
    "女性",
    "妇联",
    "市妇联",
    "妇儿",
    "服务",
    "活动",
    "工作",
    "开展",
    "全年",
    "累计",
    "提供",
    "实现",
    "推动",
    "推进",
    "加强",
    "建设",
    "项目",
    "群体",
    "同时",
    "有效",
    "持续",
    "深入",
    "积极",
    "相关",
    "各类",
    "联合",
    "出台",
    "印发",
    "组织",
    "发展",
    "支持",
    "举办",
    "设立",
    "建立",
    "打造",
    "开设",
    "推出",
    "负责人",
    "介绍",
    "表示",
    "目前",
    "期间",
    "方面",
    "领域",
    "情况",
    "工作者",
    "家庭",
    "孩子",
    "妈妈",
    "市民",
    "居民",
    "群众",
    "人员",
];

/// A two-character word more common than this in general Chinese (力量, 产品) is no keyword.
const MAX_GENERAL_FREQUENCY: usize = 7_000;
/// A verb alone is a distinctive term only when rarer than this (托管, 庇护; not 开通).
const MAX_VERB_FREQUENCY: usize = 1_000;
/// The most terms taken as distinctive of one item.
const MAX_DISTINCTIVE: usize = 12;
/// The most keywords suggested for one fact: this many, and one more for every
/// [`CHARS_PER_FACT_KEYWORD`] characters of the sentence.
const MIN_FACT_KEYWORDS: usize = 10;
const CHARS_PER_FACT_KEYWORD: usize = 10;
/// Words of scope or time (全国, 全市, 目前) that a phrase neither starts nor ends with
/// (全国妇女工作 → 妇女工作).
const SCOPE_WORDS: &[&str] = &[
    "全国",
    "全省",
    "全市",
    "全区",
    "市级",
    "区级",
    "深圳",
    "深圳市",
    "我市",
    "本市",
    "各区",
    "各类",
    "全年",
    "目前",
    "首届",
    "首个",
    "首批",
];
/// The fewest characters a term keeps when the common words opening it are dropped
/// ([`without_common_head`]): 心理驿站, not 驿站.
const MIN_SHORTENED_CHARS: usize = 3;
/// The most words (as segmented) in a phrase taken as a keyword.
const MAX_PHRASE_WORDS: usize = 3;
/// The longest phrase taken as a keyword, in characters (names in quotes may be longer).
const MAX_PHRASE_CHARS: usize = 10;

/// The shared words the suggestions use.
#[derive(Debug, Clone, Copy)]
pub struct Shared<'a> {
    pub synonym_groups: &'a [Vec<String>],
    pub question_words: &'a QuestionWords,
    /// Terms of such articles with their English (`glossary.toml`).
    pub glossary: &'a [GlossaryTerm],
    /// The terms of the concept vocabulary (`concepts.toml`'s `means`): one the article
    /// writes becomes a keyword like a synonym's word, so the engine turns the concept's
    /// everyday phrases (一个人住 for 独居) into it.
    pub concept_terms: &'a [String],
}

/// The keywords suggested for one item and its facts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestion {
    pub keywords: Vec<String>,
    /// One list per fact, in order.
    pub facts: Vec<Vec<String>>,
    /// Figures whose counted noun was not found: the fact's index (`None`: the headline)
    /// and the figure as written.
    pub unnamed_figures: Vec<(Option<usize>, String)>,
}

/// What the suggestions of all items are judged against.
struct Corpus {
    /// Each item's headline and facts, normalized, one string per item.
    item_texts: Vec<String>,
    /// Normalized words that are never keywords: common words, question cues, measure
    /// words, places and follow-up words of `questions.toml`.
    excluded: HashSet<String>,
    measure_words: Vec<String>,
}

impl Corpus {
    fn new(items: &[RawItem<'_>], words: &QuestionWords) -> Corpus {
        let item_texts = items
            .iter()
            .map(|item| {
                let facts: Vec<&str> = item.facts.iter().map(|(_, fact)| *fact).collect();
                normalize(&format!("{}\n{}", item.headline, facts.join("\n")))
            })
            .collect();
        let measure_words: Vec<String> = words
            .measure_words()
            .map(normalize)
            .filter(|word| !word.is_empty() && !word.is_ascii())
            .collect();
        let follow_up = &words.follow_up;
        let excluded = COMMON_WORDS
            .iter()
            .map(|word| (*word).to_string())
            .chain(words.asked.iter().flat_map(|kind| kind.cues.iter().cloned()))
            .chain(words.scope.other_places.iter().cloned())
            .chain(std::iter::once(words.scope.home.clone()))
            .chain(
                [
                    &follow_up.next,
                    &follow_up.previous,
                    &follow_up.more,
                    &follow_up.references,
                    &follow_up.continuations,
                    &follow_up.fillers,
                    // Everyday words asking an aspect of any topic or for help (效果, 办法,
                    // 渠道): the engine reads them as naming no item, so no keyword either.
                    &follow_up.aspects,
                    &follow_up.others,
                ]
                .into_iter()
                .flatten()
                .cloned(),
            )
            .map(|word| normalize(&word))
            .chain(measure_words.iter().cloned())
            .collect();
        Corpus {
            item_texts,
            excluded,
            measure_words,
        }
    }

    /// How many items use a normalized term.
    fn item_frequency(&self, term: &str) -> usize {
        self.item_texts.iter().filter(|text| text.contains(term)).count()
    }

    /// The normalized form of `term` when it may be a keyword: two characters or more, not
    /// a number, not excluded, and used by few items (two-character terms by one item only).
    fn keyword_form(&self, term: &str) -> Option<String> {
        let normalized = normalize(term);
        let chars = normalized.chars().count();
        let numeric = normalized.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ' ');
        let max_items = if chars <= 2 { 1 } else { 2 };
        (chars >= 2
            && !numeric
            && !self.excluded.contains(&normalized)
            && (chars > 2 || general_frequency(term) <= MAX_GENERAL_FREQUENCY)
            && self.item_frequency(&normalized) <= max_items)
            .then_some(normalized)
    }
}

/// A list of keywords without two of the same normalized form.
#[derive(Default)]
struct KeywordList {
    keywords: Vec<String>,
    seen: HashSet<String>,
}

impl KeywordList {
    /// Adds `keyword` (as written, quotes and spaces trimmed) under its normalized form.
    fn add(&mut self, keyword: &str, normalized: String) -> bool {
        let keyword = keyword.trim_matches(|c: char| c.is_whitespace() || "“”‘’\"'《》「」".contains(c));
        if keyword.is_empty() || !self.seen.insert(normalized) {
            return false;
        }
        self.keywords.push(keyword.to_string());
        true
    }
}

/// The suggested keywords of every item.
pub fn suggest(items: &[RawItem<'_>], shared: Shared<'_>) -> Vec<Suggestion> {
    let corpus = Corpus::new(items, shared.question_words);
    let known = known_words(shared.synonym_groups, shared.concept_terms);
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let mut suggestion = suggest_item(&corpus, index, item, &known);
            add_english(&corpus, index, item, shared.glossary, &mut suggestion);
            suggestion
        })
        .collect()
}

/// The words of an item's headline and facts.
struct ItemWords<'a> {
    headline: SentenceWords<'a>,
    facts: Vec<SentenceWords<'a>>,
}

fn suggest_item(corpus: &Corpus, index: usize, item: &RawItem<'_>, known: &[(String, String)]) -> Suggestion {
    let words = ItemWords {
        headline: sentence_words(item.headline, &corpus.measure_words),
        facts: item
            .facts
            .iter()
            .map(|(_, fact)| sentence_words(fact, &corpus.measure_words))
            .collect(),
    };
    let facts: Vec<String> = item.facts.iter().map(|(_, fact)| normalize(fact)).collect();
    let headline = normalize(item.headline);
    let mut keywords = KeywordList::default();
    let headline_terms = candidate_terms(corpus, &words.headline);
    let fact_terms: Vec<Vec<Candidate>> = words.facts.iter().map(|fact| candidate_terms(corpus, fact)).collect();
    let in_facts = |normalized: &str| facts.iter().filter(|fact| fact.contains(normalized)).count();
    for term in headline_terms {
        keywords.add(&term.text, term.normalized);
    }
    for term in distinctive_terms(corpus, index, &words) {
        if let Some(normalized) = corpus.keyword_form(&term) {
            keywords.add(&term, normalized);
        }
    }
    // What several facts name is the item's subject: a keyword of the item, not of a fact.
    for term in fact_terms.iter().flatten() {
        if in_facts(&term.anchor) >= 2 {
            keywords.add(&term.text, term.normalized.clone());
        }
    }
    for (word, normalized) in used_words(known, &corpus.item_texts[index]) {
        if headline.contains(&normalized) || in_facts(&normalized) >= 2 {
            keywords.add(&word, normalized);
        }
    }
    let mut unnamed_figures = unnamed(corpus, None, &words.headline);
    let mut fact_keywords = Vec::new();
    for (fact_index, terms) in fact_terms.into_iter().enumerate() {
        let mut list = KeywordList::default();
        // A term of the headline names the item's subject, which the whole item is about:
        // it does not point at the one fact that happens to repeat it (托管驿站 of the
        // headline narrows no question about the item to its first sentence).
        let mut own: Vec<Candidate> = terms
            .into_iter()
            .filter(|term| in_facts(&term.anchor) == 1 && !headline.contains(&term.anchor))
            .collect();
        own.sort_by_key(|term| term.rank);
        let limit = MIN_FACT_KEYWORDS + item.facts[fact_index].1.chars().count() / CHARS_PER_FACT_KEYWORD;
        for term in own.into_iter().take(limit) {
            list.add(&term.text, term.normalized);
        }
        for (word, normalized) in used_words(known, &facts[fact_index]) {
            if in_facts(&normalized) == 1 {
                list.add(&word, normalized);
            }
        }
        // A kind that is an everyday word (办法 of 有什么办法) is no keyword.
        for word in document_words(item.facts[fact_index].1) {
            let normalized = normalize(word);
            if !corpus.excluded.contains(&normalized) {
                list.add(word, normalized);
            }
        }
        fact_keywords.push(list.keywords);
        unnamed_figures.extend(unnamed(corpus, Some(fact_index), &words.facts[fact_index]));
    }
    Suggestion {
        keywords: keywords.keywords,
        facts: fact_keywords,
        unnamed_figures,
    }
}

/// A candidate keyword of a sentence and how it ranks among the sentence's candidates:
/// names first, then figure nouns, then phrases by their [`phrase_rank`].
#[derive(Debug, Clone)]
struct Candidate {
    text: String,
    normalized: String,
    /// What the article writes of it, normalized, to count the facts using it: the
    /// candidate itself, or the name of a name with its head noun (心晴童伴 of 心晴童伴热线,
    /// which no sentence writes as such).
    anchor: String,
    rank: (u8, u8),
}

/// How well a phrase serves as a keyword: two words of three to six characters (智慧系统,
/// 网络妇联) best, then one word of three or more, then one of two (said in many ways),
/// then long phrases (rarely asked word for word).
fn phrase_rank(words: usize, chars: usize) -> u8 {
    match (words, chars) {
        (2, 3..=6) => 0,
        (1, 3..) => 1,
        (1, _) => 2,
        _ => 3,
    }
}

/// The candidates of a sentence that may be keywords, without repeats.
fn candidate_terms(corpus: &Corpus, words: &SentenceWords<'_>) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    for (term, name) in &words.named_heads {
        if let Some(normalized) = corpus.keyword_form(term) {
            let rank = (0, phrase_rank(1, normalized.chars().count()));
            let anchor = normalize(name);
            found.push(Candidate {
                text: term.clone(),
                normalized,
                anchor,
                rank,
            });
        }
    }
    let names = words.names.iter().map(|name| ((*name).to_string(), (0, 0)));
    let figure_nouns = words
        .figures
        .iter()
        .flat_map(|figure| figure_terms(corpus, figure))
        .map(|text| (text, (1, 0)));
    let phrases = words
        .runs
        .iter()
        .flat_map(|run| phrases(run, true))
        .map(|(text, count)| (text, (2, count)));
    let terms = names.chain(figure_nouns).chain(phrases).flat_map(|(text, rank)| {
        let shorter = without_common_head(&text).map(|rest| (rest, rank));
        std::iter::once((text, rank)).chain(shorter)
    });
    for (text, (class, count)) in terms {
        let Some(normalized) = corpus.keyword_form(&text) else {
            continue;
        };
        if found.iter().any(|other| other.normalized == normalized) {
            continue;
        }
        let rank = (class, phrase_rank(count, normalized.chars().count()));
        let anchor = normalized.clone();
        found.push(Candidate {
            text,
            normalized,
            anchor,
            rank,
        });
    }
    found
}

/// The shortest term left when the common words opening a term are dropped (儿童心理驿站,
/// an ending of 社区儿童心理驿站 cut 社区|儿童心理|驿站, gives 心理驿站, which no ending
/// gives): residents leave out the words every item uses. `None` when nothing of at least [`MIN_SHORTENED_CHARS`] is left.
fn without_common_head(term: &str) -> Option<String> {
    let mut rest = term;
    let mut shortened = false;
    while let Some(after) = COMMON_WORDS
        .iter()
        .filter_map(|common| rest.strip_prefix(common))
        .min_by_key(|after| after.len())
        .filter(|after| after.chars().count() >= MIN_SHORTENED_CHARS)
    {
        rest = after;
        shortened = true;
    }
    shortened.then(|| rest.to_string())
}

/// The terms naming what a figure counts: its nouns and their endings; when none of them
/// may be a keyword (活动, 家庭: words every item uses), what it counts said more widely
/// ([`Figure::wide`]: 亲子阅读活动, 参与家庭), and that without its generic head (亲子阅读).
fn figure_terms(corpus: &Corpus, figure: &Figure<'_>) -> Vec<String> {
    let terms: Vec<String> = figure.nouns.iter().flat_map(|noun| suffixes(noun)).collect();
    if terms.iter().any(|term| corpus.keyword_form(term).is_some()) {
        return terms;
    }
    let mut terms: Vec<String> = figure.wide.iter().flat_map(|wide| suffixes(wide)).collect();
    // Said without its generic head too (亲子阅读活动 → 亲子阅读): residents name the kind.
    for wide in &figure.wide {
        if let Some((head, kind)) = wide.split_last()
            && corpus.keyword_form(head.text).is_none()
        {
            terms.extend(suffixes(kind));
        }
    }
    terms
}

/// A noun phrase and its endings of two characters or more (the head of a Chinese noun
/// phrase is its last word).
fn suffixes(noun: &[Word<'_>]) -> Vec<String> {
    (0..noun.len())
        .map(|start| joined(&noun[start..]))
        .filter(|text| text.chars().count() >= 2)
        .collect()
}

/// The phrases of a run of words: one to three consecutive words, two to ten characters.
/// Noun phrases end with a noun and have only nouns and modifiers before it (a person's
/// name stands alone); with `rare_verbs`, a verb alone that is rare in general Chinese
/// (托管, 庇护) counts too.
fn phrases(run: &[Word<'_>], rare_verbs: bool) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for start in 0..run.len() {
        for end in start + 1..=(start + MAX_PHRASE_WORDS).min(run.len()) {
            let words = &run[start..end];
            let chars: usize = words.iter().map(|word| word.text.chars().count()).sum();
            if !(2..=MAX_PHRASE_CHARS).contains(&chars) {
                continue;
            }
            let last = &words[words.len() - 1];
            let scoped = words.len() > 1 && (SCOPE_WORDS.contains(&words[0].text) || SCOPE_WORDS.contains(&last.text));
            if scoped {
                continue;
            }
            let noun_phrase = last.is_noun()
                && words.iter().all(|word| word.is_modifier())
                && (words.len() == 1 || !words.iter().any(|word| word.is_person()));
            let rare_verb =
                rare_verbs && words.len() == 1 && last.is_verb() && general_frequency(last.text) <= MAX_VERB_FREQUENCY;
            if noun_phrase || rare_verb {
                found.push((joined(words), words.len()));
            }
        }
    }
    found
}

/// The terms that set an item apart: phrases of its sentences that it uses at least twice
/// and no other item uses, most frequent (then longest) first; a term inside a chosen
/// longer one that is just as frequent adds nothing.
fn distinctive_terms(corpus: &Corpus, index: usize, words: &ItemWords<'_>) -> Vec<String> {
    let text = &corpus.item_texts[index];
    let mut candidates: Vec<(usize, usize, String, String)> = Vec::new();
    let mut seen = HashSet::new();
    for run in std::iter::once(&words.headline)
        .chain(&words.facts)
        .flat_map(|sentence| &sentence.runs)
    {
        for (term, _) in phrases(run, true) {
            let normalized = normalize(&term);
            if !seen.insert(normalized.clone()) {
                continue;
            }
            let count = text.matches(normalized.as_str()).count();
            if count >= 2 && corpus.item_frequency(&normalized) == 1 {
                candidates.push((count, normalized.chars().count(), term, normalized));
            }
        }
    }
    candidates.sort_by_key(|candidate| std::cmp::Reverse((candidate.0, candidate.1)));
    let mut chosen: Vec<(usize, String, String)> = Vec::new();
    for (count, _, term, normalized) in candidates {
        if chosen.len() >= MAX_DISTINCTIVE {
            break;
        }
        let redundant = chosen
            .iter()
            .any(|(other_count, _, other)| *other_count == count && other.contains(normalized.as_str()));
        if !redundant {
            chosen.push((count, term, normalized));
        }
    }
    chosen.into_iter().map(|(_, term, _)| term).collect()
}

/// What the title of a document (《…》) ends with when it is a policy document, and the
/// words residents ask for one with: 政策 for the rules, 文件 for any.
const DOCUMENT_KINDS: &[(&str, bool)] = &[
    ("措施", true),
    ("办法", true),
    ("意见", true),
    ("规定", true),
    ("条例", true),
    ("细则", true),
    ("方案", true),
    ("计划", true),
    ("纲要", true),
    ("通知", true),
    ("指引", false),
    ("规范", false),
    ("指南", false),
    ("标准", false),
    ("手册", false),
];

/// The keywords of a fact naming a document (出台《深圳市支持女性创新创业若干措施》):
/// residents ask for 文件 or 政策文件 (政策 for rules and measures) and by its kind (措施,
/// 指引), not by its full title.
fn document_words(fact: &str) -> Vec<&'static str> {
    let mut words = Vec::new();
    let mut rest = fact;
    while let Some(open) = rest.find('《') {
        let after = &rest[open + '《'.len_utf8()..];
        let Some(close) = after.find('》') else { break };
        // The title without a trailing edition or years in brackets (…方案(2025-2027年)).
        let title = after[..close].trim_end_matches(|c: char| !crate::normalize::is_han(c) || c == '年' || c == '版');
        let title = title.split(['(', '（']).next().unwrap_or(title);
        if let Some(&(kind, policy)) = DOCUMENT_KINDS.iter().find(|(kind, _)| title.ends_with(kind)) {
            words.extend(["文件", "政策文件", kind]);
            if policy {
                words.push("政策");
            }
        }
        rest = &after[close..];
    }
    words
}

/// The most items a glossary term may be used by for its English to be a keyword (an
/// English word every item uses names no item).
const MAX_ENGLISH_ITEMS: usize = 2;

/// Adds the English of the glossary terms the item uses (see the module's doc): on the item
/// when its headline or two of its facts use the term, else on each fact that uses it.
fn add_english(
    corpus: &Corpus,
    index: usize,
    item: &RawItem<'_>,
    glossary: &[GlossaryTerm],
    suggestion: &mut Suggestion,
) {
    let headline = normalize(item.headline);
    let facts: Vec<String> = item.facts.iter().map(|(_, fact)| normalize(fact)).collect();
    let mut item_list = keyword_list(&suggestion.keywords);
    let mut fact_lists: Vec<KeywordList> = suggestion.facts.iter().map(|list| keyword_list(list)).collect();
    // The item's subjects first: an English phrase on the item is on none of its facts.
    let mut on_facts: Vec<(&GlossaryTerm, Vec<usize>)> = Vec::new();
    for term in glossary {
        let zh = normalize(&term.zh);
        if !corpus.item_texts[index].contains(zh.as_str())
            || COMMON_WORDS.iter().any(|common| normalize(common) == zh)
            || corpus.item_frequency(&zh) > MAX_ENGLISH_ITEMS
        {
            continue;
        }
        let using: Vec<usize> = (0..facts.len()).filter(|&f| facts[f].contains(zh.as_str())).collect();
        if headline.contains(zh.as_str()) || using.len() >= 2 {
            for english in &term.en {
                item_list.add(english, normalize(english));
            }
        } else {
            on_facts.push((term, using));
        }
    }
    for (term, using) in on_facts {
        for english in &term.en {
            let normalized = normalize(english);
            if item_list.seen.contains(&normalized) {
                continue;
            }
            for &fact in &using {
                fact_lists[fact].add(english, normalized.clone());
            }
        }
    }
    suggestion.keywords = item_list.keywords;
    suggestion.facts = fact_lists.into_iter().map(|list| list.keywords).collect();
}

/// A keyword list holding `keywords`.
fn keyword_list(keywords: &[String]) -> KeywordList {
    let mut list = KeywordList::default();
    for keyword in keywords {
        list.add(keyword, normalize(keyword));
    }
    list
}

/// The shared words a draft keeps where the article writes them, with their normalized
/// form (two characters or more): the words of the synonym groups (the engine adds the rest
/// of each group) and the concepts' terms (the engine adds their everyday phrases). A
/// concept term every such article uses (妇女) is no keyword.
fn known_words(groups: &[Vec<String>], concept_terms: &[String]) -> Vec<(String, String)> {
    let mut seen = HashSet::new();
    groups
        .iter()
        .flatten()
        .chain(
            concept_terms
                .iter()
                .filter(|term| !COMMON_WORDS.contains(&term.as_str())),
        )
        .map(|word| (word.clone(), normalize(word)))
        .filter(|(_, normalized)| normalized.chars().count() >= 2 && seen.insert(normalized.clone()))
        .collect()
}

/// The words of `known` that `text` (normalized) uses.
fn used_words(known: &[(String, String)], text: &str) -> Vec<(String, String)> {
    known
        .iter()
        .filter(|(_, normalized)| text.contains(normalized.as_str()))
        .cloned()
        .collect()
}

/// The figures of a sentence that count something (not years) and whose noun was not found
/// or is too common to be a keyword.
fn unnamed(corpus: &Corpus, fact: Option<usize>, words: &SentenceWords<'_>) -> Vec<(Option<usize>, String)> {
    words
        .figures
        .iter()
        .filter(|figure| !is_year(&figure.text))
        .filter(|figure| {
            !figure_terms(corpus, figure)
                .iter()
                .any(|term| corpus.keyword_form(term).is_some())
        })
        .map(|figure| (fact, figure.text.clone()))
        .collect()
}

/// Whether a figure is a calendar year (2025年, 2021-2025年 starts with one).
fn is_year(figure: &str) -> bool {
    let digits: String = figure.chars().take_while(char::is_ascii_digit).collect();
    digits.len() == 4
        && digits.parse::<u16>().is_ok_and(|year| (1900..=2100).contains(&year))
        && !figure[4..].starts_with(['万', '亿', '.'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The suggestions for invented items (one item per sentence list), with the default
    /// question words and no synonyms.
    fn suggest_for(items: &[(&str, &[&str])]) -> Vec<Suggestion> {
        suggest_with_concepts(items, &[])
    }

    /// The suggestions for invented items, with the given concept vocabulary terms.
    fn suggest_with_concepts(items: &[(&str, &[&str])], concept_terms: &[String]) -> Vec<Suggestion> {
        let raw: Vec<RawItem<'_>> = items
            .iter()
            .enumerate()
            .map(|(index, (headline, facts))| RawItem {
                number: u8::try_from(index + 1).unwrap_or(u8::MAX),
                line: index + 1,
                headline,
                facts: facts.iter().map(|fact| (1, *fact)).collect(),
            })
            .collect();
        let words = QuestionWords::default();
        let shared = Shared {
            synonym_groups: &[],
            question_words: &words,
            glossary: &[],
            concept_terms,
        };
        suggest(&raw, shared)
    }

    /// Class: a term of the concept vocabulary that an article writes (独居 of 独居老人,
    /// 寒暑假) becomes a keyword, on the item when its headline writes it and on the fact
    /// writing it otherwise, so that the concept's everyday phrases (一个人住, 暑假) reach
    /// it; a term the article does not write, or one every item uses (妇女), gives nothing.
    #[test]
    fn concept_terms_the_article_writes_become_keywords() {
        let items: [(&str, &[&str]); 3] = [
            (
                "关爱独居老人,结对探访1200户",
                &["社工为独居老人每月上门两次。", "组织长者饭堂36家。"],
            ),
            (
                "开办少儿游泳班",
                &["全年开办游泳班80期。", "寒暑假期间加开夜场,服务儿童9000人次。"],
            ),
            ("建设妇女之家", &["建成妇女之家300个。"]),
        ];
        let terms: Vec<String> = ["独居", "寒暑假", "托育", "妇女"].map(String::from).to_vec();
        let found = suggest_with_concepts(&items, &terms);
        // (item, fact (None: the item itself), keyword, expected there)
        let table: [(usize, Option<usize>, &str, bool); 6] = [
            (0, None, "独居", true),
            (1, Some(1), "寒暑假", true),
            (1, Some(0), "寒暑假", false),
            (1, None, "寒暑假", false),
            (0, None, "托育", false),
            (2, None, "妇女", false),
        ];
        for (item, fact, keyword, expected) in table {
            let list = match fact {
                None => &found[item].keywords,
                Some(fact) => &found[item].facts[fact],
            };
            assert_eq!(
                list.iter().any(|k| k == keyword),
                expected,
                "{keyword} in {item}/{fact:?}: {list:?}"
            );
        }
        assert!(found[2].facts[0].iter().all(|k| k != "妇女"), "{:?}", found[2]);
    }

    /// The fact keywords suggested for the facts of invented items (one item per sentence
    /// list), with the default question words and no synonyms.
    fn fact_keywords(items: &[(&str, &[&str])]) -> Vec<Vec<Vec<String>>> {
        suggest_for(items)
            .into_iter()
            .map(|suggestion| suggestion.facts)
            .collect()
    }

    /// Class: a figure whose counted noun is a word every item uses (活动, 家庭) is named by
    /// what it counts said more widely (亲子阅读活动, 参与家庭), not left without a noun.
    #[test]
    fn generic_figure_nouns_keep_what_says_which() {
        let items: [(&str, &[&str]); 3] = [
            (
                "织密儿童阅读服务网络",
                &[
                    "开展“书香童年·悦读鹏城”亲子阅读活动2900余场,参与家庭16.5万户。",
                    "新建社区儿童图书馆分馆215家。",
                ],
            ),
            ("举办女子体育联赛", &["全年举办体育活动300场,服务家庭2万户。"]),
            ("用心办好民生实事", &["建设公共场所母婴室1480间。"]),
        ];
        let found = fact_keywords(&items);
        // (item, fact, keyword)
        for (item, fact, keyword) in [
            (0, 0, "亲子阅读活动"),
            (0, 0, "亲子阅读"),
            (0, 0, "参与家庭"),
            (1, 0, "体育活动"),
            (2, 0, "母婴室"),
        ] {
            assert!(
                found[item][fact].iter().any(|k| k == keyword),
                "{keyword} not in {:?}",
                found[item][fact]
            );
        }
        for generic in ["活动", "家庭"] {
            assert!(found.iter().flatten().flatten().all(|k| k != generic), "{found:?}");
        }
    }

    /// Class: a name in quotes followed by a noun phrase is also said with the phrase's head
    /// (“心晴童伴”儿童心理援助热线 → 心晴童伴热线): on the item when its headline names it,
    /// on the one fact naming it otherwise; a name followed by a verb (结对关爱), by
    /// punctuation or by a figure, or already ending with the head, gives nothing more.
    #[test]
    fn names_are_also_suggested_with_the_head_noun_after_them() {
        let items: [(&str, &[&str]); 3] = [
            (
                "开通“心晴童伴”儿童心理援助热线",
                &[
                    "开通“心晴童伴”儿童心理援助热线,全年接听来电4.7万人次。",
                    "热线由86名咨询师值守。",
                ],
            ),
            (
                "巾帼助力乡村振兴",
                &[
                    "推出“鹏城绣礼”文创产品,设立展销专柜18个。",
                    "2317名“爱心妈妈”结对关爱留守儿童,建成“巧手工坊”52个。",
                ],
            ),
            (
                "建设“幸福家”托育中心",
                &["打造“幸福家”托育中心示范点。", "“童心”,温暖全城。"],
            ),
        ];
        let found = suggest_for(items.as_slice());
        assert!(found[0].keywords.iter().any(|k| k == "心晴童伴热线"), "{:?}", found[0]);
        assert!(found[1].facts[0].iter().any(|k| k == "鹏城绣礼产品"), "{:?}", found[1]);
        assert!(found[2].keywords.iter().any(|k| k == "幸福家中心"), "{:?}", found[2]);
        let all: Vec<&String> = found
            .iter()
            .flat_map(|s| s.keywords.iter().chain(s.facts.iter().flatten()))
            .collect();
        for never in ["爱心妈妈关爱", "爱心妈妈结对", "巧手工坊工坊", "童心温暖"] {
            assert!(all.iter().all(|k| *k != never), "{never} in {all:?}");
        }
    }

    /// Class: a term opening with words every item uses (儿童, 妇女) is also suggested
    /// without them when at least three characters are left; a term without such an
    /// opening, or one that would leave less, gives nothing more.
    #[test]
    fn terms_are_also_suggested_without_their_common_opening() {
        let cases: [(&str, Option<&str>); 5] = [
            ("儿童心理驿站", Some("心理驿站")),
            ("妇女儿童之家", Some("儿童之家")),
            ("社区儿童心理驿站", None),
            ("儿童之家", None),
            ("托管驿站", None),
        ];
        for (term, shorter) in cases {
            assert_eq!(without_common_head(term).as_deref(), shorter, "{term}");
        }
    }
}
