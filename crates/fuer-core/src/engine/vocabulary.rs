//! The lexical knowledge of `questions.toml` every stage shares, compiled once: the
//! normalizer (with every measure word), the words that name no topic, the places outside
//! the article and the particles. Built before the index and the analysis, so that both can
//! be built at the same time.

use crate::knowledge::QuestionWords;
use crate::normalize::{Dialect, Normalizer};

#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Normalizes keywords, facts and questions alike (it knows every measure word).
    pub normalizer: Normalizer,
    /// Words that never name a topic: the measure words of two or more characters that
    /// figures carry (人次, 场次, 批次), normalized.
    pub not_topics: Vec<String>,
    /// The places outside the article's scope, normalized.
    pub other_places: Vec<String>,
    /// Characters that carry no topic (了, 的, 吗), normalized.
    pub particles: Vec<char>,
    /// Question words (多少, 几, how), normalized.
    pub interrogatives: Vec<String>,
    /// Words of yes/no questions (吗, 有没有, is there), normalized.
    pub yes_no: Vec<String>,
    /// Dialect words of questions and their Mandarin (`[dialect]`): questions only.
    pub dialect: Dialect,
}

impl Vocabulary {
    pub fn new(words: &QuestionWords) -> Vocabulary {
        let normalizer = Normalizer::new(words.measure_words());
        let normalize = |word: &String| normalizer.normalize(word);
        let not_topics = words
            .units
            .iter()
            .flat_map(|class| &class.answered_by)
            .map(normalize)
            .filter(|word| word.chars().count() >= 2)
            .collect();
        let other_places = words
            .scope
            .other_places
            .iter()
            .map(normalize)
            .filter(|place| !place.is_empty())
            .collect();
        let mut particles: Vec<char> = words
            .lexicon
            .particles
            .iter()
            .flat_map(|p| normalize(p).chars().collect::<Vec<char>>())
            .collect();
        particles.dedup();
        let listed = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|word| normalizer.normalize(word))
                .filter(|word| !word.is_empty())
                .collect()
        };
        Vocabulary {
            interrogatives: listed(&words.lexicon.interrogatives),
            yes_no: listed(&words.lexicon.yes_no),
            dialect: Dialect::new(words.dialect.iter().map(|(from, to)| (from.as_str(), to.as_str()))),
            normalizer,
            not_topics,
            other_places,
            particles,
        }
    }

    /// Normalizes a text (see [`Normalizer::normalize`]).
    pub fn normalize(&self, text: &str) -> String {
        self.normalizer.normalize(text)
    }

    /// A question with its dialect words in Mandarin (幾多 → 多少), before it is normalized.
    pub fn question<'t>(&self, question: &'t str) -> std::borrow::Cow<'t, str> {
        self.dialect.rewrite(question)
    }

    /// A word of the question-side lists (cues, concept phrases, follow-up phrases),
    /// normalized as a question is: its dialect words in Mandarin, so that 有冇钱攞 of a list
    /// still meets the question it was written for.
    pub fn normalize_asked(&self, word: &str) -> String {
        self.normalize(&self.question(word))
    }

    /// Every measure word, normalized, longest first (for reading figures).
    pub fn measure_words(&self) -> &[Vec<char>] {
        self.normalizer.measure_words()
    }

    /// Whether a character carries no topic.
    pub fn is_particle(&self, c: char) -> bool {
        self.particles.contains(&c)
    }
}
