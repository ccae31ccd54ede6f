//! Details a sentence says only where it writes them (`[listing]` and `[groups]` of
//! `questions.toml`), checked against the fact chosen to answer:
//!
//! - **the names of counted things**: a question stating one of the fact's figures and
//!   asking which ones they are (1480间母婴室分别在哪, 13个城中村是哪些, the names of the 13
//!   urban villages) is answered only where the figure's clause lists names (、, “…”, 等:
//!   “儿童友好、女性优能……”四大板块). A noun after the asking word that the fact writes
//!   (1480间母婴室覆盖了哪些场所: 公共场所) asks what the fact says, not a list.
//! - **a group of people the asker names** (男孩, 成年女性, 外籍, 60岁, adult, men): whether
//!   they may take part is said only by a fact naming them (适龄女生 says nothing of boys or
//!   of women of 38).
//!
//! Either makes the answer *related*: the article does not say it, the fact is offered.

use super::Engine;
use super::analysis::{WordMatcher, byte_to_char_map, on_word_boundaries};
use super::english_sentences::english_sentences;
use super::params::LISTED_NOUN_MAX_CHARS;
use super::pipeline::Question;
use super::ranking::FactRanking;
use super::topics::QUESTION_CLAUSE_ENDS;
use super::vocabulary::Vocabulary;
use crate::knowledge::questions::DetailWords;
use crate::normalize::is_han;

/// The compiled `[listing]` and `[groups]` words.
#[derive(Debug)]
pub(crate) struct DetailMatcher {
    listing: WordMatcher,
    listed_by: Vec<String>,
    listing_label: String,
    groups: WordMatcher,
    groups_label: String,
}

impl DetailMatcher {
    pub(crate) fn new(listing: &DetailWords, groups: &DetailWords, vocabulary: &Vocabulary) -> DetailMatcher {
        DetailMatcher {
            listing: WordMatcher::new(&listing.asks, vocabulary),
            // Punctuation is kept as written: normalizing would drop it.
            listed_by: listing.listed_by.clone(),
            listing_label: listing.label.clone(),
            groups: WordMatcher::new(&groups.asks, vocabulary),
            groups_label: groups.label.clone(),
        }
    }
}

impl Engine {
    /// The label of a detail the question asks that the first fact listed does not say
    /// (see the module's documentation), if any.
    pub(crate) fn unsaid_detail(&self, question: &Question, ranking: &FactRanking) -> Option<String> {
        if question.analysis.asks_item {
            return None;
        }
        let &first = ranking.listed.first()?;
        let doc = *self.index.answer_docs(ranking.item).get(first)?;
        if self.lists_none_of_the_counted(question, doc) {
            return Some(self.details.listing_label.clone());
        }
        if self.names_an_unnamed_group(question, ranking.item, doc) {
            return Some(self.details.groups_label.clone());
        }
        if let Some(label) = self.goal_for_actual(question, doc) {
            return Some(label);
        }
        self.unnamed_name(question, doc)
    }

    /// Whether the question asks the names of things the fact (`doc`) counts with one of
    /// the question's figures, and the figure's clause lists none.
    fn lists_none_of_the_counted(&self, question: &Question, doc: usize) -> bool {
        let asks = self
            .details
            .listing
            .find(&question.normalized, &byte_to_char_map(&question.normalized));
        if asks.is_empty() {
            return false;
        }
        let doc = &self.index.docs[doc];
        // 哪些场所 of a fact writing 公共场所 asks what the fact says.
        let asks_a_written_noun = asks.iter().any(|(_, (_, end))| {
            let noun: Vec<char> = question.chars[*end..]
                .iter()
                .take(LISTED_NOUN_MAX_CHARS)
                .take_while(|&&c| is_han(c) && !self.vocabulary.is_particle(c))
                .copied()
                .collect();
            noun.windows(2)
                .any(|pair| doc.text.contains(&pair.iter().collect::<String>()))
        });
        if asks_a_written_noun {
            return false;
        }
        let stated: Vec<_> = doc
            .counts
            .iter()
            .filter(|phrase| phrase.figure.is_count() && !self.analyzer.is_kind_unit(&phrase.figure.unit))
            .filter(|phrase| {
                question
                    .analysis
                    .figures
                    .iter()
                    .any(|figure| figure.is_count() && figure.same_number(&phrase.figure))
            })
            .collect();
        !stated.is_empty()
            && !stated.iter().any(|phrase| {
                let before = before_figure(&phrase.written, &phrase.figure.digits);
                self.details.listed_by.iter().any(|mark| before.contains(mark.as_str()))
            })
    }

    /// Whether the question names a group of people (outside its keywords) that the fact
    /// (`doc` of `item`), in Chinese or in English, does not name.
    fn names_an_unnamed_group(&self, question: &Question, item: usize, doc: usize) -> bool {
        let found = self
            .details
            .groups
            .find(&question.normalized, &byte_to_char_map(&question.normalized));
        let groups: Vec<&String> = found
            .iter()
            .filter(|(_, (start, end))| {
                !question
                    .scoring
                    .hits
                    .iter()
                    .any(|hit| hit.start < *end && *start < hit.end)
            })
            .map(|(group, _)| group)
            .collect();
        if groups.is_empty() {
            return false;
        }
        // Only the asking clause: 家里两个老人带不动娃,有没有托育的地方 tells the asker's
        // situation before it asks.
        let asking = self.asking_clauses(&question.raw);
        let groups: Vec<&String> = groups
            .into_iter()
            .filter(|group| asking.iter().any(|clause| clause.contains(group.as_str())))
            .collect();
        if groups.is_empty() {
            return false;
        }
        let doc = &self.index.docs[doc];
        let english = doc
            .fact
            .and_then(|fact| self.knowledge.items.get(item)?.facts.get(fact)?.en.as_deref())
            .map(|en| self.vocabulary.normalize(en))
            .unwrap_or_default();
        !groups.iter().any(|group| {
            let chars: Vec<char> = group.chars().collect();
            // 老年人 is named by 老年妇女: any two of its characters will do.
            holds_word(&english, group)
                || chars
                    .windows(2)
                    .any(|pair| is_han(pair[0]) && doc.text.contains(&pair.iter().collect::<String>()))
        })
    }
}

impl Engine {
    /// The clauses of a question (`raw`: NFKC, lowercase, separators kept), normalized, that
    /// hold a question word or a yes/no word; all of them when none does.
    fn asking_clauses(&self, raw: &str) -> Vec<String> {
        // An English full stop ends a clause too (I'm a helper. How many …).
        // A statement before another sentence asks nothing (a helper who wants …).
        let clauses: Vec<(String, bool)> = raw
            .split(QUESTION_CLAUSE_ENDS)
            .flat_map(english_sentences)
            .filter(|(clause, _)| !self.vocabulary.normalize(clause).trim().is_empty())
            .collect();
        let asking: Vec<String> = clauses
            .iter()
            .filter(|(clause, statement)| !statement && self.clause_asks(clause))
            .map(|(clause, _)| clause.clone())
            .collect();
        let clauses: Vec<String> = clauses.into_iter().map(|(clause, _)| clause).collect();
        let chosen = if asking.is_empty() { clauses } else { asking };
        chosen.iter().map(|clause| self.vocabulary.normalize(clause)).collect()
    }
}

/// What a clause as written says before its figure (`digits`), where names listed for it
/// stand (公教、展演……等1458场); the whole clause when the figure is written in words
/// (“儿童友好、女性优能……”四大板块).
fn before_figure<'a>(written: &'a str, digits: &str) -> &'a str {
    written.find(digits).map_or(written, |start| &written[..start])
}

/// Whether an English text holds a word on word boundaries (men is not in women).
fn holds_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(start, _)| on_word_boundaries(text, start, start + word.len()))
}
