//! How long importing an article takes (`fuer_core::import::import_article`: layout, words,
//! keywords, the draft's files, the review list), for articles of 3 000 to 5 000 characters.
//! The first import of a process also loads the word dictionary; later ones do not.
//! `cargo run --release --example import` (`ROUNDS=20` by default).

use std::path::Path;
use std::time::Instant;

use fuer_core::import::{Shared, import_article};
use fuer_core::knowledge::{KnowledgeFile, parse_shared, parse_shared_concept_terms, parse_shared_glossary};

/// An article made of `base` with the items of `others` appended, renumbered after its own.
fn combined(base: &str, others: &[&str]) -> String {
    const NUMERALS: [&str; 10] = [
        "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
    ];
    let mut text = base.trim_end().to_string();
    let mut next = 0;
    for other in others {
        for line in other.lines().skip(2) {
            let heading = fuer_core::knowledge::numbered_heading(line);
            text.push('\n');
            match heading {
                Some(heading) if next < NUMERALS.len() => {
                    text.push_str(&format!("{}、{}", NUMERALS[next], heading.text));
                    next += 1;
                }
                _ => text.push_str(line),
            }
        }
    }
    text.push('\n');
    text
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rounds: u32 = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(20);
    let files: Vec<KnowledgeFile> = ["synonyms.toml", "questions.toml", "glossary.toml"]
        .iter()
        .map(|name| {
            Ok(KnowledgeFile {
                path: format!("knowledge/{name}"),
                contents: std::fs::read_to_string(root.join("knowledge").join(name))?,
            })
        })
        .collect::<std::io::Result<_>>()?;
    let (synonym_groups, question_words) =
        parse_shared("knowledge", &files).map_err(|problems| format!("{} problems", problems.len()))?;
    let glossary =
        parse_shared_glossary("knowledge", &files).map_err(|problems| format!("{} problems", problems.len()))?;
    let concept_terms =
        parse_shared_concept_terms("knowledge", &files).map_err(|problems| format!("{} problems", problems.len()))?;
    let shared = Shared {
        synonym_groups: &synonym_groups,
        question_words: &question_words,
        glossary: &glossary,
        concept_terms: &concept_terms,
    };
    let read = |path: &str| std::fs::read_to_string(root.join(path));
    let test_2025 = read("tests/data/articles/2025-test.txt")?;
    let paren = read("tests/data/articles/layout-paren.txt")?;
    let ordinal = read("tests/data/articles/layout-di.txt")?;
    let articles = [
        ("2025-test.txt", test_2025.clone()),
        ("2024-shenzhen/source.txt", read("knowledge/2024-shenzhen/source.txt")?),
        ("2025-test + layout-paren items", combined(&test_2025, &[&paren])),
        (
            "2025-test + layout-paren + layout-di items",
            combined(&test_2025, &[&paren, &ordinal]),
        ),
    ];
    let started = Instant::now();
    import_article(&articles[0].1, None, shared)?;
    println!(
        "first import of the process (with the dictionary): {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    for (name, text) in &articles {
        let mut times = Vec::new();
        let mut draft = None;
        for _ in 0..rounds {
            let started = Instant::now();
            draft = Some(import_article(text, Some("bench"), shared)?);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let draft = draft.ok_or("no rounds")?;
        println!(
            "{name}: {} characters, {} items, {} facts, {} keywords: median {:.1} ms, max {:.1} ms ({rounds} rounds)",
            text.chars().count(),
            draft.items.len(),
            draft.fact_count(),
            draft.keyword_count(),
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
    Ok(())
}
