//! The published article (`source.txt`, verbatim) and the checks that keep the knowledge
//! files faithful to it: every fact is one of its sentences, every headline one of its
//! headlines, and every figure of a summary one of its figures. Pure: takes the text.

use std::collections::HashSet;

use crate::engine::params::CLOSE_SENTENCE_SIMILARITY;

/// The file holding the article's text, verbatim, in the knowledge directory.
pub const ARTICLE_FILE_NAME: &str = "source.txt";

/// Characters that end a sentence of the article.
const SENTENCE_ENDS: [char; 3] = ['。', '！', '？'];
/// How much of a fact and of the article is quoted around the first difference.
const QUOTE_BEFORE: usize = 8;
const QUOTE_AFTER: usize = 12;

/// The article, split into what the checks compare against.
#[derive(Debug)]
pub struct Article<'a> {
    text: &'a str,
    /// Every sentence with its 1-based line: text up to and including `。`, `！` or `？`,
    /// or to the end of the line; trimmed.
    sentences: Vec<(usize, &'a str)>,
    /// The numbers written with digits anywhere in the article.
    figures: HashSet<String>,
}

/// How a fact differs from the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The 1-based line of `source.txt` holding the most similar sentence, if any is similar.
    pub line: Option<usize>,
    /// Around the first difference: the fact's text and the article's.
    pub fact_excerpt: String,
    pub article_excerpt: String,
}

impl<'a> Article<'a> {
    pub fn new(text: &'a str) -> Article<'a> {
        let sentences = text
            .lines()
            .enumerate()
            .flat_map(|(index, line)| {
                line.split_inclusive(SENTENCE_ENDS)
                    .map(str::trim)
                    .filter(|sentence| !sentence.is_empty())
                    .map(move |sentence| (index + 1, sentence))
            })
            .collect();
        Article {
            text,
            sentences,
            figures: figures(text).into_iter().collect(),
        }
    }

    /// Whether the article has no text at all.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// `None` when `fact` is one whole sentence of the article; otherwise how it differs
    /// from the most similar sentence.
    pub fn check_fact(&self, fact: &str) -> Option<Mismatch> {
        if self.sentences.iter().any(|(_, sentence)| *sentence == fact) {
            return None;
        }
        let closest = self
            .sentences
            .iter()
            .map(|&(line, sentence)| (strsim::normalized_levenshtein(fact, sentence), line, sentence))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .filter(|(similarity, _, _)| *similarity >= CLOSE_SENTENCE_SIMILARITY);
        Some(match closest {
            Some((_, line, sentence)) => {
                let (fact_excerpt, article_excerpt) = first_difference(fact, sentence);
                Mismatch {
                    line: Some(line),
                    fact_excerpt,
                    article_excerpt,
                }
            }
            None => Mismatch {
                line: None,
                fact_excerpt: String::new(),
                article_excerpt: String::new(),
            },
        })
    }

    /// Whether `headline` is a headline of the article: a whole line, possibly after the
    /// item's numbering (`五、`).
    pub fn has_headline(&self, headline: &str) -> bool {
        self.text.lines().map(str::trim).any(|line| {
            line == headline
                || line
                    .split_once('、')
                    .is_some_and(|(numbering, rest)| is_chinese_numeral(numbering) && rest.trim() == headline)
        })
    }

    /// The figures (`1480`, `208.8`) of `text` that the article does not have.
    pub fn unknown_figures(&self, text: &str) -> Vec<String> {
        let mut unknown: Vec<String> = Vec::new();
        for figure in figures(text) {
            if !self.figures.contains(&figure) && !unknown.contains(&figure) {
                unknown.push(figure);
            }
        }
        unknown
    }
}

fn is_chinese_numeral(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| "一二三四五六七八九十".contains(c))
}

/// The numbers written with digits in `text`, with their decimals.
fn figures(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let continues_number =
            c.is_ascii_digit() || (c == '.' && !current.is_empty() && chars.peek().is_some_and(char::is_ascii_digit));
        if continues_number {
            current.push(c);
        } else if !current.is_empty() {
            found.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        found.push(current);
    }
    found
}

/// Both texts around their first difference (`…` marks what is left out).
fn first_difference(fact: &str, sentence: &str) -> (String, String) {
    let fact: Vec<char> = fact.chars().collect();
    let sentence: Vec<char> = sentence.chars().collect();
    let common = fact.iter().zip(&sentence).take_while(|(a, b)| a == b).count();
    let start = common.saturating_sub(QUOTE_BEFORE);
    let excerpt = |chars: &[char]| {
        let end = (common + QUOTE_AFTER).min(chars.len());
        let mut text: String = chars[start.min(end)..end].iter().collect();
        if start > 0 {
            text.insert(0, '…');
        }
        if end < chars.len() {
            text.push('…');
        }
        text
    };
    (excerpt(&fact), excerpt(&sentence))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "标题\n五、用心用情办好民生实事,1480间母婴室基本覆盖全市公共场所\n建设公共场所母婴室1480间,基本实现全覆盖。同时,打造示范点。\n视角低下去、温度提上来。";

    #[test]
    fn facts_must_be_whole_sentences() {
        let article = Article::new(TEXT);
        assert_eq!(article.check_fact("建设公共场所母婴室1480间,基本实现全覆盖。"), None);
        assert_eq!(article.check_fact("同时,打造示范点。"), None);
        assert_eq!(
            article.check_fact("标题"),
            None,
            "a line without a full stop is a sentence"
        );
        let changed = article
            .check_fact("建设公共场所母婴室1490间,基本实现全覆盖。")
            .expect("changed");
        assert_eq!(changed.line, Some(3));
        assert_eq!(changed.fact_excerpt, "…共场所母婴室1490间,基本实现全覆盖。");
        assert_eq!(changed.article_excerpt, "…共场所母婴室1480间,基本实现全覆盖。");
        let invented = article.check_fact("全市建成了一万个儿童乐园。").expect("invented");
        assert_eq!(invented.line, None);
        assert!(
            article.check_fact("建设公共场所母婴室1480间").is_some(),
            "part of a sentence"
        );
    }

    #[test]
    fn headlines_and_figures() {
        let article = Article::new(TEXT);
        assert!(article.has_headline("用心用情办好民生实事,1480间母婴室基本覆盖全市公共场所"));
        assert!(article.has_headline("标题"));
        assert!(!article.has_headline("用心用情办好民生实事,1490间母婴室基本覆盖全市公共场所"));
        assert!(!article.has_headline("视角低下去"), "a headline is a whole line");
        assert_eq!(article.unknown_figures("母婴室1480间,筛查208.8万例"), ["208.8"]);
        assert!(article.unknown_figures("母婴室1480间。").is_empty());
        assert_eq!(figures("a1.5b.2 3."), ["1.5", "2", "3"]);
        assert!(Article::new(" \n").is_empty());
    }
}
