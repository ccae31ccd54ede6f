//! The project's own question sets, written from the article by people who never saw the
//! engine (`tests/data/fresh-*.tsv` before tuning; `review*-*.tsv`, three further sets that
//! were first measured untouched and then used to find what the engine missed; `tune2-*.tsv` and
//! `tune3-*.tsv` to `tune20-*.tsv`, issue 13's tuning sets in new voices, kept at the share they reached), scored as
//! `../shared/eval/score.py` scores them: the right item, the asked figure in the first
//! fact, and questions the article does not answer not passed off as answered. A regression
//! here means a change hurt answers of a kind residents ask.

use fuer_bot::console::{LocalConversation, respond_to_line};
use fuer_core::dialogue::Response;
use fuer_core::engine::Status;

use crate::support::{shipped_knowledge, shipped_library};

pub(crate) struct Row {
    pub(crate) conversation: Option<String>,
    pub(crate) items: Vec<u8>,
    pub(crate) must: Vec<String>,
    pub(crate) kind: String,
    pub(crate) question: String,
}

/// The rows of a question set under `tests/data` (score.py's format).
pub(crate) fn rows(file: &str) -> Vec<Row> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("the question set");
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut fields: Vec<&str> = line.split('\t').collect();
            let conversation = (fields.len() == 5).then(|| fields.remove(0).to_string());
            assert_eq!(fields.len(), 4, "{file}: {line:?}");
            Row {
                conversation,
                items: fields[0]
                    .split(',')
                    .map(|n| n.trim().parse().expect("an item number"))
                    .collect(),
                must: fields[1]
                    .split('|')
                    .filter(|m| !m.is_empty())
                    .map(str::to_string)
                    .collect(),
                kind: fields[2].to_string(),
                question: fields[3].to_string(),
            }
        })
        .collect()
}

/// `text` as score.py compares it: NFKC, no white space.
pub(crate) fn squeeze(text: &str) -> String {
    let nfkc: String = unicode_normalization::UnicodeNormalization::nfkc(text).collect();
    nfkc.split_whitespace().collect()
}

/// Whether a response is right for a row, by score.py's rules.
fn is_right(row: &Row, response: &Response) -> bool {
    let knowledge = shipped_knowledge();
    let answer = response.answer.clone();
    let item = answer.as_ref().and_then(|a| a.item);
    let status = answer.as_ref().map(|a| a.status);
    if row.items == [0] {
        return item.is_none() || status.is_some_and(|s| s != Status::Answered);
    }
    let Some(answer) = answer else {
        return false;
    };
    if !item.is_some_and(|item| row.items.contains(&item)) || answer.status != Status::Answered {
        return false;
    }
    // The first fact of each topic, in order (several topics: one per listed item).
    let firsts: Vec<String> = answer
        .parts()
        .iter()
        .filter_map(|part| Some(knowledge.item(part.item)?.sentence(*part.facts.first()?)?.to_string()))
        .collect();
    let where_: String = if row.kind == "multi" {
        squeeze(&firsts.iter().take(row.items.len()).cloned().collect::<String>())
    } else {
        firsts.first().map(|f| squeeze(f)).unwrap_or_default()
    };
    row.must.iter().all(|must| where_.contains(&squeeze(must)))
}

fn report(name: &str, results: &[(&Row, bool)], at_least: f64) {
    let right = results.iter().filter(|(_, ok)| *ok).count();
    let share = right as f64 / results.len() as f64;
    let misses: Vec<String> = results
        .iter()
        .filter(|(_, ok)| !*ok)
        .map(|(row, _)| format!("[{}] {}", row.kind, row.question))
        .collect();
    assert!(
        share >= at_least,
        "{name}: {right}/{} right ({:.1}%), below {:.0}%; misses: {misses:#?}",
        results.len(),
        share * 100.0,
        at_least * 100.0
    );
}

fn score_singles(file: &str) {
    score_singles_at(file, 0.97, 0.93);
}

/// Single questions: at least `at_least` right, and `unanswerable_at_least` of the questions
/// the article does not answer not passed off as answered.
fn score_singles_at(file: &str, at_least: f64, unanswerable_at_least: f64) {
    let rows = rows(file);
    assert!(rows.len() >= 150, "{file}");
    let results: Vec<(&Row, bool)> = rows
        .iter()
        .map(|row| {
            (
                row,
                is_right(row, &respond_to_line(shipped_library(), &row.question).response),
            )
        })
        .collect();
    report(file, &results, at_least);
    let unanswerable: Vec<(&Row, bool)> = results.iter().filter(|(row, _)| row.items == [0]).copied().collect();
    report(
        &format!("{file}, questions the article does not answer"),
        &unanswerable,
        unanswerable_at_least,
    );
}

fn score_conversations(file: &str) {
    score_conversations_at(file, 0.97);
}

fn score_conversations_at(file: &str, at_least: f64) {
    let rows = rows(file);
    assert!(rows.len() >= 80, "{file}");
    let mut conversation = LocalConversation::default();
    let mut current: Option<String> = None;
    let results: Vec<(&Row, bool)> = rows
        .iter()
        .map(|row| {
            if row.conversation != current {
                conversation.forget();
                current = row.conversation.clone();
            }
            (
                row,
                is_right(row, &conversation.respond(shipped_library(), &row.question).response),
            )
        })
        .collect();
    report(file, &results, at_least);
}

#[test]
fn fresh_single_questions_stay_right() {
    score_singles("fresh-questions.tsv");
}

#[test]
fn fresh_conversations_stay_right() {
    score_conversations("fresh-dialogues.tsv");
}

#[test]
fn review_single_questions_stay_right() {
    for file in [
        "review1-questions.tsv",
        "review2-questions.tsv",
        "review3-questions.tsv",
    ] {
        score_singles(file);
    }
}

#[test]
fn review_conversations_stay_right() {
    for file in [
        "review1-dialogues.tsv",
        "review2-dialogues.tsv",
        "review3-dialogues.tsv",
    ] {
        score_conversations(file);
    }
}

/// Issue 13's tuning sets (a grandmother, an expat, a Hong Kong visitor, a journalist, a
/// social worker): 176/220 and 91/112 untouched; kept at what tuning reached (207/220 =
/// 94.1%, 100/112 = 89.3%; 215/220 after the 2026-12-07 morning session; 216/220 and 108/112
/// after the 2026-12-07 midday session). Raise these as the engine learns the classes still missed
/// (whole versus part in English and for named categories, needs in everyday words,
/// follow-ups whose words the article never uses).
#[test]
fn tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune2-questions.tsv", 0.98, 0.89);
    score_conversations_at("tune2-dialogues.tsv", 0.96);
}

/// Issue 13's second tuning sets (`tune3-*.tsv`, new voices again), used to check that what
/// was built for the first ones generalizes: 192/220 = 87.3% and 97/113 = 85.8% before the
/// figure classes and short follow-ups, 202/220 = 91.8% and 100/113 = 88.5% after; kept there.
#[test]
fn second_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune3-questions.tsv", 0.98, 0.91);
    score_conversations_at("tune3-dialogues.tsv", 0.945);
}

/// Issue 13's third tuning sets (`tune4-*.tsv`, written on 2026-12-06 from the article alone
/// by a helper who saw no code: nine voices, a fifth not answerable). First score, before any
/// tuning: 178/200 = 89.0% (37/44 of the unanswerable declined) and 84/103 = 81.6%
/// (`../shared/eval/score.py`); after the telling-clause, aspect-word, unnamed-thing, date,
/// asked-noun, mistyped-count, English-name and English-unit classes: 185/200 = 92.5%
/// (39/44) and 92/103 = 89.3% (93 on that branch alone, 92 once merged with the speed and
/// import work).
#[test]
fn third_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune4-questions.tsv", 0.975, 0.95);
    score_conversations_at("tune4-dialogues.tsv", 0.96);
}

/// The sets written on 2026-12-06 as the untouched measure of that session (`tune5-*.tsv`,
/// eleven new voices, a fifth not answerable), scored once before the session's engine work
/// (184/200 = 92.0%, 35/40 declined; 85/100 = 85.0%) and once after it, untouched (188/200 =
/// 94.0%, 36/40; 89/100 = 89.0%); from now on a tuning set, kept at what tuning reached
/// (194/200 and 95/100 after the 2026-12-07 morning session).
#[test]
fn fourth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune5-questions.tsv", 0.97, 0.92);
    score_conversations_at("tune5-dialogues.tsv", 0.95);
}

/// Issue 13's fifth tuning sets (`tune6-*.tsv`, written on 2026-12-06 from the article alone
/// by a helper who saw no code). First score, before any tuning on them (main 1059162):
/// 183/200 = 91.5% (23/30 declined) and 82/104 = 78.8%; after that session's merge: 184/200
/// (24/30) and 85/104; after the scope classes of the wp-scope-8 session (a count of another
/// thing, a time cue, a change from another year, other districts, demonstrative names):
/// 190/200 (25/30); with the follow-up classes of wp-dialog-8 merged beside them: 191/200
/// (26/30) and 92/104; after the 2026-12-07 morning session's classes (modifier keywords,
/// English follow-ups, unstated names and durations, places asked by rank) 194/200 and 95/104;
/// with the asker's self-introduction read as context (wp-intro-14) 96/104; kept there.
#[test]
fn fifth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune6-questions.tsv", 0.975, 0.93);
    score_conversations_at("tune6-dialogues.tsv", 0.92);
}

/// The untouched measure of the 2026-12-06 afternoon session (`tune7-*.tsv`, heldF there),
/// scored once after that session's merge and never opened before: 181/200 = 90.5% (22/30
/// declined) and 84/100 = 84.0%; from then on a tuning set, kept at that score; after the
/// wp-scope-8 session's scope classes 189/200 (27/30), and after wp-dialog-8's follow-up
/// classes 90/100; after the 2026-12-07 morning session's English follow-ups 96/100; kept
/// there.
#[test]
fn sixth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune7-questions.tsv", 0.975, 0.93);
    score_conversations_at("tune7-dialogues.tsv", 0.97);
}

/// The untouched measure of the 2026-12-06 evening session (`tune8-*.tsv`, heldG there:
/// ten new voices, a fifth not answerable), scored once before that session's engine work
/// (171/200 = 85.5%, 33/43 declined; 88/100) and once after it (172/200 = 86.0%, 33/43;
/// 89/100), never opened before; from then on a tuning set. The 2026-12-06/07 night session's
/// classes (unsaid details, counted keywords, which-heads, everyday needs, follow-up aspects)
/// reached 190/200 = 95.0% (38/43) and 91/100, and 92/100 after the 2026-12-07 morning
/// session; 192/200 (40/43) and 93/100 after the midday session (goal against actual figures,
/// halves of paired wholes, follow-up heads); kept there.
#[test]
fn seventh_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune8-questions.tsv", 0.96, 0.93);
    score_conversations_at("tune8-dialogues.tsv", 0.93);
}

/// The untouched measure of the 2026-12-06/07 night session (`tune9-*.tsv`, heldH there: a
/// fifth not answerable), scored once before that session's engine work (172/200 = 86.0%,
/// 31/44 declined; 92/100) and once after it (175/200 = 87.5%, 31/44; 93/100), never opened
/// before; from then on a tuning set, kept at the second score (176/200 once clauses telling
/// after the question were set aside, 2026-12-07 midday).
#[test]
fn eighth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune9-questions.tsv", 0.885, 0.70);
    score_conversations_at("tune9-dialogues.tsv", 0.93);
}

/// The untouched measure of the 2026-12-07 morning session (`tune10-*.tsv`, heldI there: a
/// fifth of the questions not answerable), scored once before that session's engine work
/// (184/200 = 92.0%, 37/41 declined; 80/101 = 79.2%) and once after it (184/200, 37/41;
/// 83/101 = 82.2%), never opened before; from then on a tuning set, kept at the second score.
#[test]
fn ninth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune10-questions.tsv", 0.93, 0.90);
    score_conversations_at("tune10-dialogues.tsv", 0.83);
}

/// The untouched measure of the 2026-12-07 midday session (`tune11-*.tsv`, heldJ there: ten
/// voices, a fifth of the questions not answerable), scored once before that session's engine
/// work (184/200 = 92.0%, 35/40 declined; 91/100 = 91.0%) and once after it, with the same
/// totals (184/200, 35/40; 91/100), never opened before; from then on a tuning set: 187/200
/// once clauses telling after the question were set aside (`told_amounts.rs`); kept there.
#[test]
fn tenth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune11-questions.tsv", 0.935, 0.875);
    score_conversations_at("tune11-dialogues.tsv", 0.91);
}

/// Sets written on 2026-12-07 from the article alone by a helper who saw no code
/// (`tune12-*.tsv`, eight voices, a fifth of the questions not answerable) for that midday
/// session's helpers to develop on: 143/160 = 89.4% (28/32 declined) and 71/80 = 88.8% at
/// first sight, 146/160 and 72/80 after the session's classes; 147/160 once Cantonese
/// questions were read as Mandarin (`[dialect]`, 2026-12-07 afternoon); kept there.
#[test]
fn eleventh_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune12-questions.tsv", 0.91875, 0.875);
    score_conversations_at("tune12-dialogues.tsv", 0.9125);
}

/// The untouched measure of the 2026-12-07 afternoon session (`tune13-*.tsv`, heldM there:
/// fourteen voices, a fifth of the questions not answerable), written from the article alone
/// by a helper who saw no code and scored once before that session's engine work: 186/200 =
/// 93.0% (36/40 declined; wrong 4.5%, needless 2.5%) and 94/100 = 94.0%; from then on a
/// tuning set, kept at least there.
#[test]
fn twelfth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune13-questions.tsv", 0.93, 0.90);
    score_conversations_at("tune13-dialogues.tsv", 0.94);
}

/// The untouched measure at the end of the 2026-12-07 afternoon session (`tune14-*.tsv`, heldN
/// there: eleven voices, a fifth of the questions not answerable), written from the article
/// alone by a helper who saw no code: 195/200 = 97.5% (wrong 1.0%, needless 1.5%) and 93/100
/// before that session's work, 194/200 and 94/100 after its merge (a place rule made one
/// question related; fixed once seen, 195/200); from then on a tuning set.
#[test]
fn thirteenth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune14-questions.tsv", 0.975, 0.975);
    score_conversations_at("tune14-dialogues.tsv", 0.94);
}

/// The untouched measure of the 2026-12-07 evening session (`tune15-*.tsv`, heldO there: nine
/// voices for the single questions, five for the conversations, a fifth of the questions not
/// answerable), written from the article alone by helpers who saw no code and scored once
/// before that session's work: 193/200 = 96.5% (wrong 2.5%, needless 1.0%) and 94/100 (wrong
/// 3.0%, needless 3.0%); from then on a tuning set: 196/200 and 98/100 after that session's
/// classes (alternatives between figures, near hits at a keyword's edge, everyday needs,
/// internet spellings, a whole asked of what "they" did, full names, offered examples).
#[test]
fn fourteenth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune15-questions.tsv", 0.98, 0.95);
    score_conversations_at("tune15-dialogues.tsv", 0.98);
}

/// The untouched measure at the end of the 2026-12-07 evening session (`tune16-*.tsv`, heldP
/// there: nine voices for the single questions, five for the conversations, a fifth of the
/// questions not answerable), written from the article alone by helpers who saw no code and
/// scored with that session's base and merged binaries: 182/200 = 91.0% (37/40 declined) and
/// 91/100 with both; from then on a tuning set.
#[test]
fn fifteenth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune16-questions.tsv", 0.935, 0.925);
    score_conversations_at("tune16-dialogues.tsv", 0.91);
}

/// The untouched measure at the start of the 2026-12-07 night session (`tune17-*.tsv`, heldQ
/// there: eleven voices for the single questions, eight for the conversations, a fifth of the
/// questions not answerable), written from the article alone by helpers who saw no code and
/// scored once with that session's base binary: 181/200 = 90.5% (37/40 declined) and 84/100;
/// from then on a tuning set. With the asker's self-introduction read as context (a place
/// named there is no scope, wp-intro-14): 187/200 = 93.5% and 90/100.
#[test]
fn sixteenth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune17-questions.tsv", 0.95, 0.95);
    score_conversations_at("tune17-dialogues.tsv", 0.90);
}

/// The untouched measure at the end of the 2026-12-07 night session (`tune18-*.tsv`, heldR
/// there: eleven voices for the single questions, eight for the conversations, a fifth of the
/// questions not answerable), written from the article alone by helpers who saw no code and
/// scored with that session's base and merged binaries: 182 → 183/200 (33/40 declined) and
/// 86 → 88/100; from then on a tuning set (185/200 and 89/100 after that session's
/// second round, developed with its misses in view).
#[test]
fn seventeenth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune18-questions.tsv", 0.93, 0.85);
    score_conversations_at("tune18-dialogues.tsv", 0.90);
}

/// The untouched measure at the start of the 2026-12-07 late session (`tune19-*.tsv`, heldS
/// there: eleven voices for the single questions, six for the conversations, a fifth of the
/// questions not answerable), written from the article alone by helpers who saw no code and
/// scored once with that session's base binary: 154/200 = 77.0% (31/40 declined, wrong 9.5%,
/// needless 13.5%) and 84/100; from then on a tuning set (181/200, 38/40 declined, and 91/100
/// after that session's two rounds).
#[test]
fn eighteenth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune19-questions.tsv", 0.905, 0.95);
    score_conversations_at("tune19-dialogues.tsv", 0.91);
}

/// The untouched measure at the end of the 2026-12-07 late session (`tune20-*.tsv`, heldT
/// there: eleven voices for the single questions, six for the conversations, a fifth of the
/// questions not answerable), written from the article alone by helpers who saw no code and
/// scored with that session's base and merged binaries: 169 → 171/200 (34/40 declined) and
/// 88 → 89/100; from then on a tuning set.
#[test]
fn nineteenth_tuning_sets_stay_at_what_they_reached() {
    score_singles_at("tune20-questions.tsv", 0.855, 0.85);
    score_conversations_at("tune20-dialogues.tsv", 0.89);
}
