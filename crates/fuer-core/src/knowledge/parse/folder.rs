//! One article's folder: its `source.toml`, its article text (`source.txt`) and its item
//! files, each fact checked against the article; then the items' numbers (duplicates, gaps,
//! items missing at the end) and the size of the whole.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::super::article::{ARTICLE_FILE_NAME, Article, Mismatch};
use super::super::questions::QuestionWords;
use super::super::syntax::line_of_offset;
use super::super::translation;
use super::super::{Fact, Item, ItemEnglish, KnowledgeBase, MAX_TITLE_CHARS, SourceInfo, is_plausible_year, messages};
use super::SOURCE_FILE_NAME;
use super::files::{file_name, join_path};
use super::report::{FileReport, KnowledgeFile, Problem, Warnings, parse_toml};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    title: Spanned<String>,
    publisher: Spanned<String>,
    date: Spanned<String>,
    /// How many items the article has: a removed item file is then noticed.
    item_count: Spanned<i64>,
    /// The year of the events, when the title names none.
    year: Option<Spanned<i64>>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemFile {
    number: Spanned<i64>,
    headline: Spanned<String>,
    title: Spanned<String>,
    summary: Spanned<String>,
    /// The English title, headline and summary (optional: a warning when missing).
    title_en: Option<Spanned<String>>,
    headline_en: Option<Spanned<String>>,
    summary_en: Option<Spanned<String>>,
    #[serde(default)]
    keywords: Vec<Spanned<String>>,
    #[serde(default)]
    facts: Vec<Spanned<FactEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactEntry {
    text: Spanned<String>,
    #[serde(default)]
    keywords: Vec<Spanned<String>>,
    /// The fact in English (optional: a warning when missing).
    en: Option<Spanned<String>>,
}
/// One article's folder: its source, its article text and its items.
pub(super) fn parse_article<'a>(
    id: &str,
    directory: &str,
    files: &[&'a KnowledgeFile],
    unreadable: &[&'a str],
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> Option<KnowledgeBase> {
    let mut source = None;
    let mut items: Vec<(Item, &KnowledgeFile, usize)> = Vec::new();
    // Names of item files that could not be read or parsed (their problems are reported
    // already).
    let mut unparsed_items: Vec<&str> = unreadable.to_vec();
    let article_file = files.iter().find(|file| file_name(&file.path) == ARTICLE_FILE_NAME);
    let article = article_file.map(|file| Article::new(&file.contents));
    if let (Some(file), Some(article)) = (article_file, &article)
        && article.is_empty()
    {
        problems.push(Problem {
            path: file.path.clone(),
            line: 0,
            message: messages::ARTICLE_EMPTY.to_string(),
        });
    }
    // Facts are checked against a usable article only (no noise when it is missing).
    let article = article.filter(|article| !article.is_empty());
    let mut source_seen = false;
    for file in files {
        let name = file_name(&file.path);
        let mut report = FileReport { file, problems };
        let mut file_warnings = Warnings { file, warnings };
        if name == ARTICLE_FILE_NAME {
            continue;
        } else if name == SOURCE_FILE_NAME {
            source_seen = true;
            source = parse_source(&mut report);
        } else if let Some((item, number_line)) = parse_item(&mut report, &mut file_warnings, article.as_ref()) {
            items.push((item, file, number_line));
        } else {
            unparsed_items.push(name);
        }
    }
    if !source_seen && !unreadable.contains(&SOURCE_FILE_NAME) {
        problems.push(Problem {
            path: join_path(directory, SOURCE_FILE_NAME),
            line: 0,
            message: messages::FILE_MISSING_SOURCE.to_string(),
        });
    }
    if article_file.is_none() && !unreadable.contains(&ARTICLE_FILE_NAME) {
        problems.push(Problem {
            path: join_path(directory, ARTICLE_FILE_NAME),
            line: 0,
            message: messages::FILE_MISSING_ARTICLE.to_string(),
        });
    }
    let declared_count = source.as_ref().map(|source: &ParsedSource| source.item_count);
    check_item_numbers(&items, &unparsed_items, declared_count, directory, problems);
    check_size(directory, &items, problems);
    let source = source?;
    let mut items: Vec<Item> = items.into_iter().map(|(item, _, _)| item).collect();
    items.sort_by_key(|item| item.number);
    Some(KnowledgeBase {
        id: id.to_string(),
        year: source.year,
        source: source.info,
        items,
        synonym_groups: Vec::new(),
        concepts: Vec::new(),
        question_words: QuestionWords::default(),
        glossary: Vec::new(),
    })
}
/// What `source.toml` says: the article's metadata, its year and its number of items.
struct ParsedSource {
    info: SourceInfo,
    year: u16,
    item_count: u8,
}

/// The source metadata, the year of the events (`year`, or the year the title names:
/// 2024 for 「2024年…十件大事」) and the declared number of items.
fn parse_source(report: &mut FileReport<'_>) -> Option<ParsedSource> {
    let parsed: SourceFile = parse_toml(report)?;
    let title = report.check_text("title", &parsed.title);
    let publisher = report.check_text("publisher", &parsed.publisher);
    let date = report.check_text("date", &parsed.date);
    let item_count = report.check_item_number("item_count", &parsed.item_count);
    let year = match &parsed.year {
        Some(year) => report.check_year(year),
        None => year_of_title(&title).unwrap_or_else(|| {
            report.at(&parsed.title, messages::TITLE_NAMES_NO_YEAR);
            0
        }),
    };
    Some(ParsedSource {
        info: SourceInfo { title, publisher, date },
        year,
        item_count,
    })
}

/// The year a title names: the first four digits followed by 年 (「2024年深圳…」 → 2024).
pub(crate) fn year_of_title(title: &str) -> Option<u16> {
    let chars: Vec<char> = title.chars().collect();
    chars.windows(5).find_map(|window| {
        let digits: String = window[..4].iter().collect();
        let year: u16 = digits.parse().ok()?;
        (window[4] == '年' && window[..4].iter().all(char::is_ascii_digit) && is_plausible_year(year)).then_some(year)
    })
}
/// Parses one item file; returns the item and the line of its `number` field. With the
/// article, checks that the headline, the facts and the summary's figures come from it.
fn parse_item(
    report: &mut FileReport<'_>,
    warnings: &mut Warnings<'_>,
    article: Option<&Article<'_>>,
) -> Option<(Item, usize)> {
    let parsed: ItemFile = parse_toml(report)?;
    let number_line = line_of_offset(&report.file.contents, parsed.number.span().start);
    let number = report.check_item_number("number", &parsed.number);
    let headline = report.check_text("headline", &parsed.headline);
    let title = report.check_text("title", &parsed.title);
    let title_chars = title.chars().count();
    if title_chars > MAX_TITLE_CHARS {
        report.at(
            &parsed.title,
            messages::fill(messages::TITLE_TOO_LONG, &[&title_chars, &MAX_TITLE_CHARS]),
        );
    }
    let summary = report.check_text("summary", &parsed.summary);
    if let Some(article) = article {
        if !headline.is_empty() && !article.has_headline(&headline) {
            report.at(&parsed.headline, messages::HEADLINE_NOT_IN_ARTICLE);
        }
        for figure in article.unknown_figures(&summary) {
            report.at(
                &parsed.summary,
                messages::fill(messages::SUMMARY_FIGURE_NOT_IN_ARTICLE, &[&figure]),
            );
        }
    }
    let keywords = report.check_keywords(&parsed.keywords);
    if parsed.facts.is_empty() {
        report.at(&parsed.number, messages::NO_FACTS);
    }
    let mut facts = Vec::new();
    for fact in &parsed.facts {
        let fact = fact.get_ref();
        let text = report.check_text("text", &fact.text);
        if let Some(mismatch) = article
            .filter(|_| !text.is_empty())
            .and_then(|article| article.check_fact(&text))
        {
            report.at(&fact.text, not_verbatim_message(&mismatch));
        }
        let keywords = report.check_keywords(&fact.keywords);
        let en = translation::check(report, warnings, "en", &text, fact.en.as_ref(), &fact.text);
        facts.push(Fact { text, keywords, en });
    }
    let en = ItemEnglish {
        title: translation::check_title(report, warnings, &title, parsed.title_en.as_ref(), &parsed.title),
        headline: translation::check(
            report,
            warnings,
            "headline_en",
            &headline,
            parsed.headline_en.as_ref(),
            &parsed.headline,
        ),
        summary: translation::check(
            report,
            warnings,
            "summary_en",
            &summary,
            parsed.summary_en.as_ref(),
            &parsed.summary,
        ),
    };
    let item = Item {
        number,
        headline,
        title,
        summary,
        keywords,
        facts,
        en,
    };
    Some((item, number_line))
}

/// The problem of a fact that is not a sentence of the article.
fn not_verbatim_message(mismatch: &Mismatch) -> String {
    match mismatch.line {
        Some(line) => messages::fill(
            messages::FACT_CHANGED,
            &[&mismatch.fact_excerpt, &line, &mismatch.article_excerpt],
        ),
        None => messages::FACT_NOT_IN_ARTICLE.to_string(),
    }
}

/// The most keywords in all (item and fact keywords, synonym words): about twenty times what
/// the article has; more would make loading and every reload take seconds.
pub(crate) const MAX_KEYWORDS: usize = 20_000;
/// The most facts in all (the article has a few dozen).
pub(crate) const MAX_FACTS: usize = 2_000;

/// Refuses a knowledge base so large that building the engine would take seconds.
fn check_size(directory: &str, items: &[(Item, &KnowledgeFile, usize)], problems: &mut Vec<Problem>) {
    let facts: usize = items.iter().map(|(item, _, _)| item.facts.len()).sum();
    let keywords: usize = items
        .iter()
        .map(|(item, _, _)| item.keywords.len() + item.facts.iter().map(|fact| fact.keywords.len()).sum::<usize>())
        .sum::<usize>();
    if keywords > MAX_KEYWORDS {
        problems.push(Problem {
            path: directory.to_string(),
            line: 0,
            message: messages::fill(messages::TOO_MANY_KEYWORDS, &[&keywords, &MAX_KEYWORDS]),
        });
    }
    if facts > MAX_FACTS {
        problems.push(Problem {
            path: directory.to_string(),
            line: 0,
            message: messages::fill(messages::TOO_MANY_FACTS, &[&facts, &MAX_FACTS]),
        });
    }
}

/// The item number a file name starts with (`05-母婴室.toml` → 5).
fn number_of_file_name(name: &str) -> Option<u8> {
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Duplicate numbers, gaps, and (when `source.toml` declares it) missing items at the end.
/// A number is not reported missing when a file named for it could not be parsed: that
/// file's own problem says what is wrong.
fn check_item_numbers(
    items: &[(Item, &KnowledgeFile, usize)],
    unparsed_items: &[&str],
    declared_count: Option<u8>,
    directory: &str,
    problems: &mut Vec<Problem>,
) {
    let mut first_seen: BTreeMap<u8, (&str, usize)> = BTreeMap::new();
    for (item, file, line) in items {
        if item.number == 0 {
            continue;
        }
        match first_seen.get(&item.number) {
            Some((other_path, other_line)) => problems.push(Problem {
                path: file.path.clone(),
                line: *line,
                message: messages::fill(messages::DUPLICATE_ITEM, &[&item.number, other_path, other_line]),
            }),
            None => {
                first_seen.insert(item.number, (file.path.as_str(), *line));
            }
        }
    }
    if items.is_empty() && unparsed_items.is_empty() {
        problems.push(Problem {
            path: directory.to_string(),
            line: 0,
            message: messages::NO_ITEM_FILES.to_string(),
        });
        return;
    }
    let found_highest = first_seen.keys().next_back().copied().unwrap_or(0);
    let highest = match declared_count {
        Some(count) if count > 0 => count,
        _ => found_highest,
    };
    for (&number, &(path, line)) in first_seen.iter().filter(|&(&n, _)| n > highest) {
        problems.push(Problem {
            path: path.to_string(),
            line,
            message: messages::fill(messages::ITEM_ABOVE_COUNT, &[&number, &highest]),
        });
    }
    let unparsed: Vec<u8> = unparsed_items
        .iter()
        .filter_map(|name| number_of_file_name(name))
        .collect();
    for number in 1..=highest {
        if !first_seen.contains_key(&number) && !unparsed.contains(&number) {
            problems.push(Problem {
                path: directory.to_string(),
                line: 0,
                message: messages::fill(messages::ITEM_MISSING, &[&number, &highest]),
            });
        }
    }
}
