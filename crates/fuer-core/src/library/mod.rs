//! Several articles served at once: one [`Engine`] per article and the routing of a question
//! to one of them, a layer above the engines (they stay unaware of each other).
//!
//! A question that names an article's year (「2025年…」) or its title or id goes to that
//! article (every article of that year competes when several share it); otherwise the best
//! answer of every article wins — answered before related before declined, then an article
//! whose keywords the question holds as written, then the higher confidence ([`Rank`]) — the
//! latest article on a tie. Each article is first looked at with its exact keywords alone
//! ([`Engine::look`]); one that cannot rank above the best answer so far does not answer. Each article's engine takes its own
//! year as the year in scope, so a question about 2025 is not "another year" for the 2025
//! article. [`respond`] is one conversation step over the articles (commands, buttons,
//! deep links, follow-ups), shared by every front end.

mod dialogue;

pub use dialogue::{ArticleResponse, respond, respond_in_article};

use crate::engine::hits::Look;
use crate::engine::{Answer, Engine, Intent, Status};
use crate::knowledge::{Knowledge, KnowledgeBase};
use crate::normalize::normalize;

/// Every article's engine, oldest first (by year, then id); never empty.
#[derive(Debug)]
pub struct Library {
    engines: Vec<Engine>,
    /// Each article's title, normalized (a question naming it goes there).
    titles: Vec<String>,
    /// Whether every article normalizes questions alike (the same measure words): a
    /// question is then normalized once for every article's look and answer
    /// ([`Engine::prepare`], [`Engine::answer_normalized`]).
    one_normalizer: bool,
}

/// Where a question was routed and the answer it got there.
#[derive(Debug, Clone)]
pub struct Routed {
    /// The index of the article in [`Library::engines`].
    pub article: usize,
    pub answer: Answer,
}

impl Library {
    /// One engine per article, each with its own year in scope.
    pub fn new(knowledge: Knowledge) -> Library {
        Library::of(knowledge.into_articles().into_iter().map(article_engine).collect())
    }

    fn of(engines: Vec<Engine>) -> Library {
        let titles = engines
            .iter()
            .map(|engine| normalize(&engine.knowledge().source.title))
            .collect();
        let measure_words = |engine: &Engine| -> Vec<String> {
            engine
                .knowledge()
                .question_words
                .measure_words()
                .map(str::to_string)
                .collect()
        };
        let one_normalizer = engines
            .windows(2)
            .all(|pair| measure_words(&pair[0]) == measure_words(&pair[1]));
        Library {
            engines,
            titles,
            one_normalizer,
        }
    }

    /// A library of one article (the bot as it served before several articles).
    pub fn single(knowledge: KnowledgeBase) -> Library {
        Library::of(vec![article_engine(knowledge)])
    }

    /// A library of engines already built (tests, benchmarks), in the order given.
    pub fn of_engines(engines: Vec<Engine>) -> Option<Library> {
        (!engines.is_empty()).then(|| Library::of(engines))
    }

    /// Whether this library serves exactly `knowledge` (a reload would change nothing).
    pub fn serves(&self, knowledge: &Knowledge) -> bool {
        let articles: Vec<&KnowledgeBase> = knowledge.articles().collect();
        articles.len() == self.engines.len()
            && articles
                .iter()
                .zip(&self.engines)
                .all(|(article, engine)| *engine.knowledge() == in_scope((*article).clone()))
    }

    /// The id of the article at `index` (the latest's when there is none).
    pub fn id(&self, index: usize) -> &str {
        &self.engine(index).knowledge().id
    }

    /// Every article's engine, oldest first.
    pub fn engines(&self) -> &[Engine] {
        &self.engines
    }

    /// The engine of the article at `index`, or the latest when there is none.
    pub fn engine(&self, index: usize) -> &Engine {
        self.engines.get(index).unwrap_or_else(|| self.latest())
    }

    /// The latest article's engine (by year, then id).
    pub fn latest(&self) -> &Engine {
        // `Library::new` takes a `Knowledge`, which is never empty.
        &self.engines[self.engines.len() - 1]
    }

    /// The index of the latest article.
    pub fn latest_index(&self) -> usize {
        self.engines.len() - 1
    }

    /// The index of the article with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.engines.iter().position(|engine| engine.knowledge().id == id)
    }

    /// The indexes of the articles of this year, oldest first.
    pub fn of_year(&self, year: u16) -> Vec<usize> {
        (0..self.engines.len())
            .filter(|&index| self.engines[index].knowledge().year == year)
            .collect()
    }

    /// The articles a question names: by id, by title, or by year (all of that year);
    /// empty when it names none of them.
    pub fn named_articles(&self, question: &str) -> Vec<usize> {
        let normalized = normalize(question);
        let by_name: Vec<usize> = (0..self.engines.len())
            .filter(|&index| {
                let title = &self.titles[index];
                normalized.contains(&self.engines[index].knowledge().id)
                    || (!title.is_empty() && normalized.contains(title.as_str()))
            })
            .collect();
        if !by_name.is_empty() {
            return by_name;
        }
        let mut found = Vec::new();
        for year in years_named(&normalized) {
            for index in self.of_year(year) {
                if !found.contains(&index) {
                    found.push(index);
                }
            }
        }
        found.sort_unstable();
        found
    }

    /// Routes a question asked on its own: to the article it names, else the best answer
    /// of all articles (see [`rank`]), the latest on a tie.
    pub fn route(&self, question: &str) -> Routed {
        if self.engines.len() == 1 {
            return Routed {
                article: 0,
                answer: self.engines[0].answer(question),
            };
        }
        let named = self.named_articles(question);
        let candidates: Vec<usize> = if named.is_empty() {
            (0..self.engines.len()).collect()
        } else {
            named
        };
        self.best_of(question, &candidates)
    }

    /// What the keywords of the article at `index` say about the question, found
    /// exactly: a cheap look, without answering ([`Look`]).
    pub fn look(&self, index: usize, question: &str) -> Look {
        self.engine(index).look(question)
    }

    /// The best answer among `candidates` (indexes, oldest first), the latest on a tie.
    ///
    /// Not every candidate answers: the articles whose keywords the question holds come
    /// first (latest first among equals), and an article is skipped when even its
    /// best possible answer could not rank above the best one so far. A question naming a
    /// topic of one article only is therefore answered once. An answer decided before any
    /// keyword (a greeting, thanks, help, the source, navigation) is the same in every
    /// article, so the first one stands.
    fn best_of(&self, question: &str, candidates: &[usize]) -> Routed {
        // Normalized once for every article when they normalize alike.
        let prepared = self.one_normalizer.then(|| self.latest().prepare(question));
        let answer = |index: usize| match &prepared {
            Some(prepared) => self.engine(index).answer_normalized(question, prepared),
            None => self.engine(index).answer(question),
        };
        let mut looks: Vec<(usize, bool)> = candidates
            .iter()
            .rev()
            .map(|&index| {
                let look = match &prepared {
                    Some(prepared) => self.engine(index).look_at(prepared.normalized()),
                    None => self.look(index, question),
                };
                (index, look.names_a_topic())
            })
            .collect();
        // Stable: among equals, the latest stays first.
        looks.sort_by_key(|&(_, names)| !names);
        let mut best: Option<(Routed, Rank)> = None;
        for (index, names) in looks {
            if best.as_ref().is_some_and(|(_, best)| *best >= Rank::ceiling(names)) {
                continue;
            }
            let answer = answer(index);
            if best.is_none() && answered_before_keywords(&answer) {
                return Routed { article: index, answer };
            }
            let rank = Rank::of(&answer, names);
            if best.as_ref().is_none_or(|(_, best)| rank > *best) {
                best = Some((Routed { article: index, answer }, rank));
            }
        }
        match best {
            Some((routed, _)) => routed,
            None => {
                let article = self.latest_index();
                Routed {
                    article,
                    answer: answer(article),
                }
            }
        }
    }

    /// [`Library::route`] by answering in every candidate article, nothing skipped: what
    /// routing must always agree with (tests and benchmarks compare the two).
    #[doc(hidden)]
    pub fn route_answering_all(&self, question: &str) -> Routed {
        let named = self.named_articles(question);
        let candidates: Vec<usize> = if named.is_empty() {
            (0..self.engines.len()).collect()
        } else {
            named
        };
        let mut best: Option<(Routed, Rank)> = None;
        for &index in candidates.iter().rev() {
            let answer = self.engine(index).answer(question);
            let rank = self.rank(index, question, &answer);
            if best.as_ref().is_none_or(|(_, best)| rank > *best) {
                best = Some((Routed { article: index, answer }, rank));
            }
        }
        match best {
            Some((routed, _)) => routed,
            None => self.route(question),
        }
    }

    /// How an article's answer ranks against another article's (see [`Rank`]).
    pub fn rank(&self, index: usize, question: &str, answer: &Answer) -> Rank {
        Rank::of(answer, self.look(index, question).names_a_topic())
    }
}

/// How good an article's answer is for routing, compared in this order: its status
/// (answered, then related, then declined); whether the question holds one of the
/// article's keywords as written (it beats an article whose keywords are only guessed
/// from a typo or a sound: 女性就业 is 2024's 就业, not 2025's 女性创业 one edit away; and an
/// item chosen by a position word in an article the question names nothing of: 「第一个网络
/// 妇联是哪个」 is about the article with 网络妇联, not item 1 of another); then the
/// confidence.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Rank {
    status: u8,
    names_a_topic: bool,
    confidence: f32,
}

impl Rank {
    fn of(answer: &Answer, names_a_topic: bool) -> Rank {
        let status = match answer.status {
            Status::Answered => 2,
            Status::Related => 1,
            Status::Declined => 0,
        };
        // Confidences are in 0..=1; a NaN ranks lowest.
        let confidence = if answer.confidence.is_nan() {
            -1.0
        } else {
            answer.confidence.min(1.0)
        };
        Rank {
            status,
            names_a_topic,
            confidence,
        }
    }

    /// The best rank an article can reach, knowing whether the question holds its keywords.
    fn ceiling(names_a_topic: bool) -> Rank {
        Rank {
            status: 2,
            names_a_topic,
            confidence: 1.0,
        }
    }
}

/// Whether an answer was decided before the article's keywords were looked at (every
/// article answers such a question alike).
fn answered_before_keywords(answer: &Answer) -> bool {
    matches!(
        answer.intent,
        Intent::Greeting | Intent::Thanks | Intent::Help | Intent::Source | Intent::Empty | Intent::Navigation(_)
    )
}

/// An article's engine with the article's own year in scope.
fn article_engine(knowledge: KnowledgeBase) -> Engine {
    Engine::new(in_scope(knowledge))
}

/// An article's knowledge with its own year as the year in scope.
fn in_scope(mut knowledge: KnowledgeBase) -> KnowledgeBase {
    if knowledge.year != 0 {
        knowledge.question_words.scope.year = knowledge.year;
    }
    knowledge
}

/// The years a (normalized) question names: four digits 1900–2099 not part of a longer
/// number (「2025年」, 「2025的」, "in 2025").
pub fn years_named(normalized: &str) -> Vec<u16> {
    let chars: Vec<char> = normalized.chars().collect();
    let mut years = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        if !chars[index].is_ascii_digit() {
            index += 1;
            continue;
        }
        let start = index;
        while index < chars.len() && chars[index].is_ascii_digit() {
            index += 1;
        }
        let decimal = chars.get(index) == Some(&'.') || (start > 0 && chars[start - 1] == '.');
        if index - start == 4 && !decimal {
            let digits: String = chars[start..index].iter().collect();
            if let Ok(year) = digits.parse::<u16>()
                && (1900..2100).contains(&year)
                && !years.contains(&year)
                && !is_counted(&chars[index..])
            {
                years.push(year);
            }
        }
    }
    years
}

/// Whether the text right after four digits makes them a count, not a year (2000元, 1480间).
fn is_counted(after: &[char]) -> bool {
    match after.first() {
        None => false,
        Some(c) if *c == '年' => false,
        Some(c) => crate::normalize::is_han(*c) && !matches!(*c, '的' | '有' | '在' | '是' | '那' | '这' | '哪'),
    }
}

#[cfg(test)]
mod tests {
    use super::years_named;

    #[test]
    fn years_named_in_questions() {
        let cases: &[(&str, &[u16])] = &[
            ("2025年母婴室有多少间", &[2025]),
            ("2024的十件大事", &[2024]),
            ("what happened in 2025", &[2025]),
            ("母婴室1480间", &[]),
            ("补贴2000元", &[]),
            ("2024年和2025年比", &[2024, 2025]),
            ("12025年", &[]),
            ("20.25年", &[]),
            ("三年", &[]),
        ];
        for (question, expected) in cases {
            assert_eq!(&years_named(question), expected, "{question}");
        }
    }
}
