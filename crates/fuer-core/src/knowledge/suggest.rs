//! Suggesting the keyword an admin adds for a question the bot could not answer (the
//! unanswered page of the admin web page): the noun phrase the question asks about. Pure.

use crate::knowledge::KnowledgeBase;
use crate::normalize::normalize;

/// Suggests a keyword for a question: the noun phrase it asks about. What it asks (the cue
/// words of `questions.toml`), the words that point back and the article's city are taken
/// out; the question is cut at interrogatives and particles (有, 吗, 呢, 多少, 什么 …) —
/// except inside a word the knowledge already holds (鹏城有爱 stays whole); particles are
/// trimmed at the ends of each piece; and of the pieces the longest one that is not a
/// keyword yet is suggested (a keyword already there would change nothing), else the
/// longest. Normalized like every keyword. Built once per page.
pub struct KeywordSuggester {
    /// Normalized cue words, longest first.
    cues: Vec<String>,
    /// Normalized keywords and synonyms of the knowledge (two characters or more).
    known: Vec<String>,
    /// The particles of `questions.toml` (`[words]`), trimmed at the ends of a piece.
    particles: Vec<char>,
}

/// Where a question is cut: interrogatives and particles, longest first.
const SEPARATORS: [&str; 22] = [
    "有没有",
    "是不是",
    "能不能",
    "可不可以",
    "多少",
    "什么",
    "怎么",
    "怎样",
    "如何",
    "哪里",
    "哪些",
    "哪个",
    "为什么",
    "请问",
    "几",
    "吗",
    "呢",
    "吧",
    "么",
    "啊",
    "有",
    "是",
];

/// The first of the longest pieces (the question's subject comes first).
fn first_longest<'a>(pieces: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    pieces.fold(None, |best, piece| match best {
        Some(best) if best.chars().count() >= piece.chars().count() => Some(best),
        _ => Some(piece),
    })
}

impl KeywordSuggester {
    pub fn new(knowledge: &KnowledgeBase) -> KeywordSuggester {
        let words = &knowledge.question_words;
        let mut cues: Vec<String> = words
            .asked
            .iter()
            .flat_map(|kind| kind.cues.iter())
            .chain(
                words
                    .follow_up
                    .references
                    .iter()
                    .filter(|word| word.chars().count() > 1),
            )
            .chain(std::iter::once(&words.scope.home))
            .map(|cue| normalize(cue))
            .filter(|cue| !cue.is_empty())
            .collect();
        cues.sort_by_key(|cue| std::cmp::Reverse(cue.chars().count()));
        cues.dedup();
        let mut known: Vec<String> = knowledge
            .items
            .iter()
            .flat_map(|item| item.keywords.iter())
            .chain(knowledge.synonym_groups.iter().flatten())
            .map(|word| normalize(word))
            .filter(|word| word.chars().count() >= 2)
            .collect();
        known.sort();
        known.dedup();
        let particles = words
            .lexicon
            .particles
            .iter()
            .filter_map(|particle| particle.chars().next())
            .collect();
        KeywordSuggester { cues, known, particles }
    }

    /// The keyword to start from for `question`.
    pub fn suggest(&self, question: &str) -> String {
        let normalized = normalize(question);
        let mut text = normalized.clone();
        for cue in &self.cues {
            if text.contains(cue.as_str()) && text.replace(cue.as_str(), "").trim().chars().count() >= 2 {
                text = text.replace(cue.as_str(), " ");
            }
        }
        let text = self.cut_at_separators(&text);
        let pieces: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .map(|piece| piece.trim_matches(|c| self.particles.contains(&c)))
            .filter(|piece| piece.chars().count() >= 2)
            .collect();
        let new = first_longest(pieces.iter().copied().filter(|piece| !self.is_known(piece)));
        let chosen = new
            .or_else(|| first_longest(pieces.iter().copied()))
            .unwrap_or(normalized.as_str());
        chosen.chars().take(crate::knowledge::edit::MAX_WORD_CHARS).collect()
    }

    fn is_known(&self, word: &str) -> bool {
        self.known.binary_search_by(|known| known.as_str().cmp(word)).is_ok()
    }

    /// `text` with a space in place of every separator that is not inside a known word.
    fn cut_at_separators(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        // Which characters belong to a known word.
        let mut protected = vec![false; chars.len()];
        for known in &self.known {
            let word: Vec<char> = known.chars().collect();
            if word.len() > chars.len() {
                continue;
            }
            for start in 0..=chars.len() - word.len() {
                if chars[start..start + word.len()] == word[..] {
                    protected[start..start + word.len()].fill(true);
                }
            }
        }
        let mut out = String::with_capacity(text.len());
        let mut index = 0;
        while index < chars.len() {
            let separator = SEPARATORS.iter().find_map(|separator| {
                let length = separator.chars().count();
                let end = index + length;
                (end <= chars.len()
                    && chars[index..end].iter().copied().eq(separator.chars())
                    && !protected[index..end].iter().any(|&inside| inside))
                .then_some(length)
            });
            match separator {
                Some(length) => {
                    out.push(' ');
                    index += length;
                }
                None => {
                    out.push(chars[index]);
                    index += 1;
                }
            }
        }
        out
    }
}
