//! The files all articles share besides `questions.toml`: synonym groups, the concept
//! vocabulary, the glossary (Chinese terms of the genre with their English, which the
//! importer gives a draft as English keywords), and the check of the concepts' terms across
//! the loaded articles.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::super::{Concept, GlossaryTerm, KnowledgeBase, messages};
use super::report::{FileReport, Problem, parse_toml};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymsFile {
    #[serde(default)]
    group: Vec<Spanned<SynonymGroup>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymGroup {
    words: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptsFile {
    #[serde(default)]
    concept: Vec<ConceptEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptEntry {
    /// The article's term (a keyword or synonym of some item).
    means: Spanned<String>,
    /// Everyday phrases that mean it.
    phrases: Vec<Spanned<String>>,
    /// Written ahead for articles to import (a term such articles write, which the
    /// importer keeps as a keyword where an article writes it): no note when no loaded
    /// article knows it yet.
    #[serde(default)]
    for_import: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    term: Vec<GlossaryEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryEntry {
    /// A Chinese term of such articles.
    zh: Spanned<String>,
    /// How English questions say it (lowercase words, matched as whole words).
    en: Vec<Spanned<String>>,
}

/// A parsed concept and where its term is written, for the check across files.
pub(super) struct ParsedConcept {
    pub(super) concept: Concept,
    /// Written ahead for articles to import (`for_import = true`).
    for_import: bool,
    path: String,
    line: usize,
}

/// Parses the synonym groups: each group two or more distinct words.
pub(super) fn parse_synonyms(report: &mut FileReport<'_>) -> Vec<Vec<String>> {
    let Some(parsed) = parse_toml::<SynonymsFile>(report) else {
        return Vec::new();
    };
    let mut groups = Vec::new();
    for group in &parsed.group {
        let words = report.check_keywords(&group.get_ref().words);
        if words.len() < 2 {
            report.at(group, messages::SYNONYM_GROUP_TOO_SMALL);
            continue;
        }
        groups.push(words);
    }
    groups
}

/// Parses the concept vocabulary: each concept's term and its everyday phrases.
pub(super) fn parse_concepts(report: &mut FileReport<'_>) -> Vec<ParsedConcept> {
    let Some(parsed) = parse_toml::<ConceptsFile>(report) else {
        return Vec::new();
    };
    let mut concepts = Vec::new();
    for entry in &parsed.concept {
        let means = entry.means.get_ref().trim().to_string();
        if means.is_empty() {
            report.at(&entry.means, messages::fill(messages::EMPTY_FIELD, &[&"means"]));
            continue;
        }
        let phrases = report.check_keywords(&entry.phrases);
        if phrases.is_empty() {
            report.at(&entry.means, messages::CONCEPT_WITHOUT_PHRASES);
            continue;
        }
        for phrase in &entry.phrases {
            if phrase.get_ref().trim().chars().count() < 2 {
                report.at(phrase, messages::CONCEPT_PHRASE_TOO_SHORT);
            }
        }
        concepts.push(ParsedConcept {
            concept: Concept { means, phrases },
            for_import: entry.for_import,
            path: report.file.path.clone(),
            line: report.line_at(entry.means.span().start),
        });
    }
    concepts
}

/// Parses the glossary: each Chinese term (two characters or more, Chinese) with one or
/// more English phrases (lowercase letters, digits, spaces, `-` and `'`).
pub(super) fn parse_glossary(report: &mut FileReport<'_>) -> Vec<GlossaryTerm> {
    let Some(parsed) = parse_toml::<GlossaryFile>(report) else {
        return Vec::new();
    };
    let mut terms: Vec<GlossaryTerm> = Vec::new();
    for entry in &parsed.term {
        let zh = entry.zh.get_ref().trim().to_string();
        if zh.is_empty() {
            report.at(&entry.zh, messages::fill(messages::EMPTY_FIELD, &[&"zh"]));
            continue;
        }
        if zh.chars().count() < 2 || !zh.chars().all(crate::normalize::is_han) {
            report.at(&entry.zh, messages::GLOSSARY_TERM_NOT_CHINESE);
            continue;
        }
        if terms.iter().any(|term| term.zh == zh) {
            report.at(&entry.zh, messages::fill(messages::KEYWORD_TWICE, &[&zh]));
            continue;
        }
        let en = report.check_keywords(&entry.en);
        let mut valid = Vec::new();
        for (phrase, text) in entry.en.iter().zip(&en) {
            let english = text.chars().count() >= 2
                && text
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, ' ' | '-' | '\''));
            if english {
                valid.push(text.clone());
            } else {
                report.at(phrase, messages::GLOSSARY_NOT_ENGLISH);
            }
        }
        if entry.en.is_empty() {
            report.at(&entry.zh, messages::GLOSSARY_WITHOUT_ENGLISH);
            continue;
        }
        terms.push(GlossaryTerm { zh, en: valid });
    }
    terms
}

/// A concept's term should be a keyword or synonym of some item: the engine turns a phrase
/// into its term only where the term is a keyword, so a phrase for a term that only stands in
/// a fact's text (巾帼科技助农, where the keyword is 助农) reaches nothing. The shared file serves every
/// article, so such a term is a note to review (`notes`), not a problem: the 2025 article
/// alone loads although the concepts name 2024's terms (they apply wherever the term is a
/// keyword, and do nothing elsewhere). A concept written ahead for articles to import
/// (`for_import = true`) gets no note: it waits for an article that writes its term.
pub(super) fn check_concept_terms(
    concepts: &[ParsedConcept],
    articles: &[KnowledgeBase],
    synonym_groups: &[Vec<String>],
    notes: &mut Vec<Problem>,
) {
    if articles.is_empty() {
        return;
    }
    // Every word and text in lowercase once, not once per concept.
    let items = || articles.iter().flat_map(|article| &article.items);
    let words: HashSet<String> = synonym_groups
        .iter()
        .flatten()
        .chain(items().flat_map(|item| &item.keywords))
        .chain(items().flat_map(|item| &item.facts).flat_map(|fact| &fact.keywords))
        .map(|word| word.to_lowercase())
        .collect();
    let known = |term: &str| words.contains(&term.to_lowercase());
    for parsed in concepts {
        if !parsed.for_import && !known(&parsed.concept.means) {
            notes.push(Problem {
                path: parsed.path.clone(),
                line: parsed.line,
                message: messages::fill(messages::CONCEPT_UNKNOWN_TERM, &[&parsed.concept.means]),
            });
        }
    }
}
