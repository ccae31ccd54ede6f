//! Nothing of the source is lost: every sentence and every figure of the article is in the
//! knowledge base, verbatim, and every fact is a verbatim excerpt of the article.

use regex::Regex;

use crate::support::shipped_knowledge;

const ARTICLE: &str = include_str!("../data/source-article.txt");

/// The article's body lines: everything after the title and the date line, without headlines.
fn body_lines() -> Vec<&'static str> {
    let headline = Regex::new(r"^[一二三四五六七八九十]+、").unwrap();
    ARTICLE
        .lines()
        .skip(2)
        .filter(|line| !line.trim().is_empty() && !headline.is_match(line))
        .collect()
}

fn headlines() -> Vec<String> {
    let headline = Regex::new(r"^[一二三四五六七八九十]+、(.*)$").unwrap();
    ARTICLE
        .lines()
        .filter_map(|line| headline.captures(line).map(|c| c[1].trim().to_string()))
        .collect()
}

fn sentences(line: &str) -> Vec<String> {
    line.split_inclusive('。')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn all_fact_text() -> String {
    shipped_knowledge()
        .items
        .iter()
        .flat_map(|item| item.facts.iter().map(|f| f.text.clone()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_sentence_of_the_article_is_a_fact() {
    let facts = all_fact_text();
    let missing: Vec<String> = body_lines()
        .iter()
        .flat_map(|line| sentences(line))
        .filter(|sentence| !facts.contains(sentence.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "sentences missing from the knowledge base: {missing:#?}"
    );
}

#[test]
fn every_fact_is_verbatim_from_the_article() {
    for item in &shipped_knowledge().items {
        for fact in &item.facts {
            assert!(
                ARTICLE.contains(&fact.text),
                "item {} fact not in the article: {}",
                item.number,
                fact.text
            );
        }
    }
}

#[test]
fn every_figure_of_the_article_body_is_in_some_fact() {
    let facts = all_fact_text();
    let figure = Regex::new(r"\d+(?:\.\d+)?(?:万|%)?").unwrap();
    let mut figures: Vec<&str> = body_lines()
        .iter()
        .flat_map(|line| figure.find_iter(line).map(|m| m.as_str()))
        .collect();
    figures.sort_unstable();
    figures.dedup();
    assert!(figures.len() >= 30, "expected the article's figures, found {figures:?}");
    for figure in figures {
        assert!(facts.contains(figure), "figure {figure} of the article is in no fact");
    }
    for named in [
        "617",
        "2.3万",
        "9019",
        "1.4万",
        "1458",
        "716万",
        "347",
        "1480",
        "208.8万",
        "60.44万",
        "4.2万",
        "36万",
        "1.2万",
        "71万",
        "75对",
        "1.8万",
        "1000",
        "60%",
        "13个",
        "600",
        "8年",
        "2317",
        "3698",
        "8部门",
        "1767",
        "68家",
        "30个",
        "15场",
        "12154",
        "24个",
        "第七次",
        "第十届",
        "十大案例",
    ] {
        assert!(facts.contains(named), "figure {named} is in no fact");
    }
}

#[test]
fn headlines_are_exactly_as_published_and_in_order() {
    let knowledge = shipped_knowledge();
    let published = headlines();
    assert_eq!(published.len(), 10);
    assert_eq!(knowledge.items.len(), 10);
    for (item, headline) in knowledge.items.iter().zip(&published) {
        assert_eq!(&item.headline, headline, "headline of item {}", item.number);
    }
    // Figures only in headlines (超2万个岗位) still reach users through /item.
    assert!(knowledge.items[1].headline.contains("超2万个岗位"));
}

#[test]
fn source_metadata_matches_the_article() {
    let source = &shipped_knowledge().source;
    assert_eq!(source.title, ARTICLE.lines().next().unwrap().trim());
    assert_eq!(source.publisher, "福田区妇女联合会");
    assert_eq!(source.date, "2025-02-05");
    assert!(ARTICLE.contains(&source.date) && ARTICLE.contains(&source.publisher));
}

#[test]
fn titles_are_short_and_keywords_plentiful() {
    for item in &shipped_knowledge().items {
        assert!(item.title.chars().count() <= 16, "title too long: {}", item.title);
        assert!(
            item.keywords.len() >= 20,
            "item {} has only {} keywords",
            item.number,
            item.keywords.len()
        );
        assert!(
            item.keywords.iter().any(|k| k.is_ascii()),
            "item {} has no English keyword",
            item.number
        );
    }
}

#[test]
fn the_shipped_article_is_the_published_one() {
    let shipped = std::fs::read_to_string(
        crate::support::knowledge_dir()
            .join(crate::support::ARTICLE)
            .join(fuer_core::knowledge::ARTICLE_FILE_NAME),
    )
    .expect("knowledge/2024-shenzhen/source.txt");
    assert_eq!(
        shipped, ARTICLE,
        "knowledge/2024-shenzhen/source.txt differs from the published article"
    );
}
