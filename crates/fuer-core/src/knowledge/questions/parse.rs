//! Reading `questions.toml`: serde parses it (unknown fields are errors), then each section
//! is checked, every problem reported at its `file:line`.
//!
//! Size (about 555 lines): the serde shapes of every section (the first 200 lines) sit
//! beside the checks that read them, so that a field added to one is checked in the other.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::super::messages;
use super::super::parse::FileReport;
use super::{
    AlternativeWords, AnswerRule, AskedKind, AspectFacts, CompareWords, DetailWords, FollowUpWords, Lexicon,
    LimitWords, QuestionWords, Scope, UnitClass, WholeWords,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    scope: Spanned<ScopeEntry>,
    #[serde(default)]
    followup: Option<Spanned<FollowUpEntry>>,
    #[serde(default)]
    asked: Vec<Spanned<AskedEntry>>,
    #[serde(default)]
    unit: Vec<Spanned<UnitEntry>>,
    #[serde(default)]
    words: Option<Spanned<WordsEntry>>,
    #[serde(default)]
    whole: Option<Spanned<WholeEntry>>,
    #[serde(default)]
    compare: Option<Spanned<CompareEntry>>,
    #[serde(default)]
    alternative: Option<Spanned<AlternativeEntry>>,
    #[serde(default)]
    limits: Option<Spanned<LimitsEntry>>,
    #[serde(default)]
    listing: Option<Spanned<DetailEntry>>,
    #[serde(default)]
    groups: Option<Spanned<DetailEntry>>,
    #[serde(default)]
    naming: Option<Spanned<DetailEntry>>,
    #[serde(default)]
    target: Option<Spanned<DetailEntry>>,
    #[serde(default)]
    dialect: Option<Spanned<DialectEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DialectEntry {
    #[serde(default)]
    cantonese: Vec<Spanned<String>>,
    #[serde(default)]
    sichuanese: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitsEntry {
    #[serde(default)]
    asked: Vec<Spanned<String>>,
    #[serde(default)]
    written: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DetailEntry {
    label: Spanned<String>,
    #[serde(default)]
    label_en: Option<Spanned<String>>,
    #[serde(default)]
    asks: Vec<Spanned<String>>,
    #[serde(default)]
    listed_by: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompareEntry {
    #[serde(default)]
    more: Vec<Spanned<String>>,
    #[serde(default)]
    less: Vec<Spanned<String>>,
    #[serde(default)]
    reached: Vec<Spanned<String>>,
    #[serde(default)]
    about: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AlternativeEntry {
    label: Spanned<String>,
    #[serde(default)]
    words: Vec<Spanned<String>>,
    #[serde(default)]
    offered: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WholeEntry {
    label: Spanned<String>,
    #[serde(default)]
    totals: Vec<Spanned<String>>,
    #[serde(default)]
    places: Vec<Spanned<String>>,
    #[serde(default)]
    ranks: Vec<Spanned<String>>,
    #[serde(default)]
    part_markers: Vec<Spanned<String>>,
    #[serde(default)]
    part_asking: Vec<Spanned<String>>,
    #[serde(default)]
    paired: Vec<Spanned<String>>,
    #[serde(default)]
    said_by: Vec<Spanned<String>>,
    #[serde(default)]
    agents: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsEntry {
    #[serde(default)]
    measure_words: Vec<Spanned<String>>,
    #[serde(default)]
    greetings: Vec<Spanned<String>>,
    #[serde(default)]
    particles: Vec<Spanned<String>>,
    #[serde(default)]
    interrogatives: Vec<Spanned<String>>,
    #[serde(default)]
    yes_no: Vec<Spanned<String>>,
    #[serde(default)]
    weekdays: Vec<Spanned<String>>,
    #[serde(default)]
    name_verbs: Vec<Spanned<String>>,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
    #[serde(default)]
    confirmations: Vec<Spanned<String>>,
    #[serde(default)]
    askers: Vec<Spanned<String>>,
    #[serde(default)]
    permission: Vec<Spanned<String>>,
    #[serde(default)]
    personas: Vec<Spanned<String>>,
    #[serde(default)]
    city_wide: Vec<Spanned<String>>,
    #[serde(default)]
    hearsay: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScopeEntry {
    year: Spanned<i64>,
    home: Spanned<String>,
    /// The home's English name (optional).
    #[serde(default)]
    home_en: Option<Spanned<String>>,
    #[serde(default)]
    other_places: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FollowUpEntry {
    #[serde(default)]
    next: Vec<Spanned<String>>,
    #[serde(default)]
    previous: Vec<Spanned<String>>,
    #[serde(default)]
    more: Vec<Spanned<String>>,
    #[serde(default)]
    references: Vec<Spanned<String>>,
    #[serde(default)]
    continuations: Vec<Spanned<String>>,
    #[serde(default)]
    fillers: Vec<Spanned<String>>,
    #[serde(default)]
    aspects: Vec<Spanned<String>>,
    #[serde(default)]
    others: Vec<Spanned<String>>,
    #[serde(default)]
    aspect_facts: Vec<Spanned<AspectFactsEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AspectFactsEntry {
    asks: Vec<Spanned<String>>,
    said_by: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AskedEntry {
    kind: Spanned<String>,
    label: Spanned<String>,
    #[serde(default)]
    label_en: Option<Spanned<String>>,
    answer: Spanned<AnswerRule>,
    cues: Vec<Spanned<String>>,
    #[serde(default)]
    units: Vec<Spanned<String>>,
    #[serde(default)]
    words: Vec<Spanned<String>>,
    #[serde(default)]
    scope: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitEntry {
    label: Spanned<String>,
    #[serde(default)]
    label_en: Option<Spanned<String>>,
    asked: Vec<Spanned<String>>,
    #[serde(default)]
    answered_by: Vec<Spanned<String>>,
}

/// Parses and checks `questions.toml`; problems go to the report.
pub(in crate::knowledge) fn parse_questions(report: &mut FileReport<'_>) -> Option<QuestionWords> {
    let parsed: QuestionsFile = report.parse_toml()?;
    let problems_before = report.problem_count();

    let scope_entry = parsed.scope.get_ref();
    let year = report.check_year(&scope_entry.year);
    let home = report.check_text("home", &scope_entry.home);
    let home_en = scope_entry
        .home_en
        .as_ref()
        .map(|home_en| home_en.get_ref().trim().to_string())
        .unwrap_or_default();
    let other_places = report.check_keywords(&scope_entry.other_places);
    let asked = parse_asked(report, &parsed.asked);
    if parsed.asked.is_empty() {
        report.at(&parsed.scope, messages::NO_ASKED_KINDS);
    }
    let units = parse_units(report, &parsed.unit);
    let follow_up = parse_follow_up(report, parsed.followup.as_ref());
    let lexicon = parse_lexicon(report, parsed.words.as_ref());
    let whole = parse_whole(report, parsed.whole.as_ref());
    let compare = parsed.compare.as_ref().map_or_else(CompareWords::default, |entry| {
        let entry = entry.get_ref();
        CompareWords {
            more: report.check_keywords(&entry.more),
            less: report.check_keywords(&entry.less),
            reached: report.check_keywords(&entry.reached),
            about: report.check_keywords(&entry.about),
        }
    });
    let alternative = parsed
        .alternative
        .as_ref()
        .map_or_else(AlternativeWords::default, |entry| {
            let entry = entry.get_ref();
            AlternativeWords {
                label: report.check_text("label", &entry.label),
                words: report.check_keywords(&entry.words),
                offered: report.check_keywords(&entry.offered),
            }
        });
    let limits = parsed.limits.as_ref().map_or_else(LimitWords::default, |entry| {
        let entry = entry.get_ref();
        LimitWords {
            asked: report.check_keywords(&entry.asked),
            written: report.check_keywords(&entry.written),
        }
    });
    let listing = parse_detail(report, parsed.listing.as_ref());
    let groups = parse_detail(report, parsed.groups.as_ref());
    let naming = parse_detail(report, parsed.naming.as_ref());
    let target = parse_detail(report, parsed.target.as_ref());
    let dialect = parse_dialect(report, parsed.dialect.as_ref());
    if report.problem_count() > problems_before {
        return None;
    }
    Some(QuestionWords {
        asked,
        units,
        scope: Scope {
            year,
            home,
            home_en,
            other_places,
        },
        follow_up,
        lexicon,
        whole,
        compare,
        alternative,
        limits,
        listing,
        groups,
        naming,
        target,
        dialect,
    })
}

/// The `[dialect]` pairs of every list (`cantonese`: `"几多=多少"`, `sichuanese`:
/// `"啥子=什么"`: the dialect's words, the Mandarin they mean; none when the table is
/// missing). Each entry must be two non-empty sides around one `=`, and a dialect word is
/// written once across the lists.
fn parse_dialect(report: &mut FileReport<'_>, entry: Option<&Spanned<DialectEntry>>) -> Vec<(String, String)> {
    let Some(entry) = entry else {
        return Vec::new();
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    let lists = entry.get_ref();
    for written in lists.cantonese.iter().chain(&lists.sichuanese) {
        let text = written.get_ref().trim();
        let sides: Vec<&str> = text.split('=').map(str::trim).collect();
        match sides.as_slice() {
            [from, to] if !from.is_empty() && !to.is_empty() && from != to => {
                if pairs.iter().any(|(seen, _)| seen == from) {
                    report.at(written, messages::fill(messages::KEYWORD_TWICE, &[from]));
                } else {
                    pairs.push(((*from).to_string(), (*to).to_string()));
                }
            }
            _ => report.at(written, messages::fill(messages::DIALECT_PAIR, &[&text])),
        }
    }
    pairs
}

/// A `[listing]`, `[groups]` or `[naming]` table (empty when missing).
fn parse_detail(report: &mut FileReport<'_>, entry: Option<&Spanned<DetailEntry>>) -> DetailWords {
    let Some(entry) = entry else {
        return DetailWords::default();
    };
    let entry = entry.get_ref();
    DetailWords {
        label: report.check_text("label", &entry.label),
        label_en: optional_text(entry.label_en.as_ref()),
        asks: report.check_keywords(&entry.asks),
        listed_by: report.check_keywords(&entry.listed_by),
    }
}

/// The `[whole]` words (none when the table is missing).
fn parse_whole(report: &mut FileReport<'_>, entry: Option<&Spanned<WholeEntry>>) -> WholeWords {
    let Some(entry) = entry else {
        return WholeWords::default();
    };
    let entry = entry.get_ref();
    WholeWords {
        label: report.check_text("label", &entry.label),
        totals: report.check_keywords(&entry.totals),
        places: report.check_keywords(&entry.places),
        ranks: report.check_keywords(&entry.ranks),
        part_markers: report.check_keywords(&entry.part_markers),
        part_asking: check_character_count(report, &entry.part_asking, 1, messages::PART_ASKING_NOT_ONE_CHARACTER),
        paired: check_character_count(report, &entry.paired, 2, messages::PAIRED_NOT_TWO_CHARACTERS),
        said_by: report.check_keywords(&entry.said_by),
        agents: report.check_keywords(&entry.agents),
    }
}

/// Words of `count` characters each (`[whole] part_asking`, `[words] weekdays`: one;
/// `[whole] paired`: two): another length is a problem at its line, told with `message`.
fn check_character_count(
    report: &mut FileReport<'_>,
    words: &[Spanned<String>],
    count: usize,
    message: &str,
) -> Vec<String> {
    for word in words {
        // An empty word is `check_keywords`' problem.
        let length = word.get_ref().trim().chars().count();
        if length != 0 && length != count {
            report.at(word, messages::fill(message, &[&word.get_ref().trim()]));
        }
    }
    report
        .check_keywords(words)
        .into_iter()
        .filter(|word| word.chars().count() == count)
        .collect()
}

/// The `[[asked]]` kinds, in order; every cue belongs to one kind.
fn parse_asked(report: &mut FileReport<'_>, entries: &[Spanned<AskedEntry>]) -> Vec<AskedKind> {
    let mut asked = Vec::new();
    // Every cue belongs to one kind: the same cue under two kinds would be ambiguous.
    // (The owner's place is kept as the span's start; its line is counted only when needed.)
    let mut cue_owner: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for entry in entries {
        let entry_ref = entry.get_ref();
        let kind = report.check_text("kind", &entry_ref.kind);
        if !kind.is_empty() && !kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-') {
            report.at(&entry_ref.kind, messages::fill(messages::KIND_NOT_ENGLISH, &[&kind]));
        }
        let label = report.check_text("label", &entry_ref.label);
        let answer = *entry_ref.answer.get_ref();
        let cues = report.check_keywords(&entry_ref.cues);
        if cues.is_empty() {
            report.at(entry, messages::fill(messages::KIND_WITHOUT_CUES, &[&kind]));
        }
        check_cue_owners(report, &entry_ref.cues, &kind, &mut cue_owner);
        let units = report.check_keywords(&entry_ref.units);
        let words = report.check_keywords(&entry_ref.words);
        check_answer_rule(report, &entry_ref.answer, &units, &words);
        let label_en = optional_text(entry_ref.label_en.as_ref());
        asked.push(AskedKind {
            kind,
            label,
            label_en,
            answer,
            cues,
            units,
            words,
            scope: entry_ref.scope,
        });
    }
    asked
}

/// Each cue once per file (repeats inside one list are reported by `check_keywords`).
fn check_cue_owners(
    report: &mut FileReport<'_>,
    cues: &[Spanned<String>],
    kind: &str,
    cue_owner: &mut BTreeMap<String, (String, usize)>,
) {
    let mut seen_here: Vec<&str> = Vec::new();
    for spanned in cues {
        let cue = spanned.get_ref().trim();
        if cue.is_empty() || seen_here.contains(&cue) {
            continue;
        }
        seen_here.push(cue);
        if let Some((other_kind, other_start)) = cue_owner.get(cue) {
            let other_line = report.line_at(*other_start);
            report.at(
                spanned,
                messages::fill(messages::CUE_TWICE, &[&cue, other_kind, &other_line]),
            );
            continue;
        }
        cue_owner.insert(cue.to_string(), (kind.to_string(), spanned.span().start));
    }
}

/// `words` only with answer = "words" (and then required), `units` only with "figure".
fn check_answer_rule(report: &mut FileReport<'_>, answer: &Spanned<AnswerRule>, units: &[String], words: &[String]) {
    let rule = *answer.get_ref();
    match rule {
        AnswerRule::Words if words.is_empty() => {
            report.at(answer, messages::WORDS_NEEDED);
        }
        AnswerRule::Any | AnswerRule::None | AnswerRule::Figure if !words.is_empty() => {
            report.at(answer, messages::fill(messages::WORDS_UNUSED, &[&rule.name()]));
        }
        _ => {}
    }
    if rule != AnswerRule::Figure && !units.is_empty() {
        report.at(answer, messages::fill(messages::UNITS_UNUSED, &[&rule.name()]));
    }
}

/// An optional text field, trimmed; empty when not written.
fn optional_text(value: Option<&Spanned<String>>) -> String {
    value
        .map(|value| value.get_ref().trim().to_string())
        .unwrap_or_default()
}

/// The `[[unit]]` classes.
fn parse_units(report: &mut FileReport<'_>, entries: &[Spanned<UnitEntry>]) -> Vec<UnitClass> {
    let mut units = Vec::new();
    for entry in entries {
        let entry_ref = entry.get_ref();
        let label = report.check_text("label", &entry_ref.label);
        let asked_words = report.check_keywords(&entry_ref.asked);
        if asked_words.is_empty() {
            report.at(entry, messages::UNIT_WITHOUT_WORDS);
        }
        let answered_by = report.check_keywords(&entry_ref.answered_by);
        units.push(UnitClass {
            label,
            label_en: optional_text(entry_ref.label_en.as_ref()),
            asked: asked_words,
            answered_by,
        });
    }
    units
}

/// The `[followup]` words (none when the table is missing).
fn parse_follow_up(report: &mut FileReport<'_>, entry: Option<&Spanned<FollowUpEntry>>) -> FollowUpWords {
    let Some(entry) = entry else {
        return FollowUpWords::default();
    };
    let entry = entry.get_ref();
    FollowUpWords {
        next: report.check_keywords(&entry.next),
        previous: report.check_keywords(&entry.previous),
        more: report.check_keywords(&entry.more),
        references: report.check_keywords(&entry.references),
        continuations: report.check_keywords(&entry.continuations),
        fillers: report.check_keywords(&entry.fillers),
        aspects: report.check_keywords(&entry.aspects),
        others: report.check_keywords(&entry.others),
        aspect_facts: entry
            .aspect_facts
            .iter()
            .map(|aspect| AspectFacts {
                asks: report.check_keywords(&aspect.get_ref().asks),
                said_by: report.check_keywords(&aspect.get_ref().said_by),
            })
            .collect(),
    }
}

/// The `[words]` lists (empty when the table is missing); particles are single characters.
fn parse_lexicon(report: &mut FileReport<'_>, entry: Option<&Spanned<WordsEntry>>) -> Lexicon {
    let Some(entry) = entry else {
        return Lexicon::default();
    };
    let entry = entry.get_ref();
    for particle in &entry.particles {
        if particle.get_ref().trim().chars().count() > 1 {
            report.at(
                particle,
                messages::fill(messages::PARTICLE_NOT_ONE_CHARACTER, &[&particle.get_ref().trim()]),
            );
        }
    }
    Lexicon {
        measure_words: report.check_keywords(&entry.measure_words),
        greetings: report.check_keywords(&entry.greetings),
        particles: report.check_keywords(&entry.particles),
        interrogatives: report.check_keywords(&entry.interrogatives),
        yes_no: report.check_keywords(&entry.yes_no),
        weekdays: check_character_count(report, &entry.weekdays, 1, messages::WEEKDAY_NOT_ONE_CHARACTER),
        name_verbs: report.check_keywords(&entry.name_verbs),
        examples: report.check_keywords(&entry.examples),
        confirmations: report.check_keywords(&entry.confirmations),
        askers: report.check_keywords(&entry.askers),
        permission: report.check_keywords(&entry.permission),
        personas: report.check_keywords(&entry.personas),
        city_wide: report.check_keywords(&entry.city_wide),
        hearsay: report.check_keywords(&entry.hearsay),
    }
}
