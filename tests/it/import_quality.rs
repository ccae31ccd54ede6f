//! Import quality (issue 16): the invented 2025 article imported as a draft, with no keyword
//! added by hand, answers the resident-style question sets written about it
//! (`tests/data/articles/2025-test-questions*.tsv`, each first scored untouched) at least as
//! well as it did when each set was committed — beside the shipped 2024 article and alone.
//! The rules are `../shared/eval/score.py`'s, as `scripts/import-quality.sh` applies them: the
//! right item answered with the asked figures in the first fact, and questions the article does
//! not answer not passed off as answered.

use std::path::Path;

use serde_json::Value;

use crate::eval_sets::{Row, rows, squeeze};
use crate::import::{articles_dir, ask_json, fuer_bot, text};
use crate::support::knowledge_dir;

/// Whether the `ask --json` answer `answer` is right for `row`, by score.py's rules.
fn is_right(row: &Row, answer: &Value) -> bool {
    let item = answer["item"].as_u64();
    let status = answer["status"].as_str();
    if row.items == [0] {
        return item.is_none() || status.is_some_and(|s| s != "answered");
    }
    let answered_item = item.is_some_and(|item| row.items.iter().any(|&want| u64::from(want) == item));
    if !answered_item || status.is_some_and(|s| s != "answered") {
        return false;
    }
    let facts: Vec<&str> = answer["facts"]
        .as_array()
        .map(|facts| facts.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let firsts = if row.kind == "multi" { row.items.len().max(1) } else { 1 };
    let where_ = squeeze(&facts.iter().take(firsts).copied().collect::<String>());
    row.must.iter().all(|must| where_.contains(&squeeze(must)))
}

/// How many questions of `file` (under `tests/data`) the knowledge directory answers right.
fn right_answers(knowledge: &Path, file: &str) -> (usize, usize, Vec<String>) {
    let rows = rows(file);
    let questions: Vec<&str> = rows.iter().map(|row| row.question.as_str()).collect();
    let answers = ask_json(knowledge, &questions, false);
    assert_eq!(answers.len(), rows.len(), "{file}: one answer per question");
    let misses: Vec<String> = rows
        .iter()
        .zip(&answers)
        .filter(|(row, answer)| !is_right(row, answer))
        .map(|(row, _)| format!("[{}] {}", row.kind, row.question))
        .collect();
    (rows.len() - misses.len(), rows.len(), misses)
}

/// A knowledge directory as `scripts/import-quality.sh` makes it: the shipped shared files
/// (and, `beside`, the shipped articles' folders) with the 2025 test article imported.
pub(crate) fn imported(beside: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    copy_tree(&knowledge_dir(), dir.path(), beside);
    let path = articles_dir().join("2025-test.txt");
    let imported = fuer_bot(dir.path(), &["import", path.to_str().expect("a UTF-8 path")]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    dir
}

/// Copies the files of `from` into `to`, and its folders too when `folders`.
fn copy_tree(from: &Path, to: &Path, folders: bool) {
    for entry in std::fs::read_dir(from).expect("a directory") {
        let path = entry.expect("an entry").path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            if folders {
                std::fs::create_dir(&target).expect("a folder");
                copy_tree(&path, &target, true);
            }
        } else {
            std::fs::copy(&path, &target).expect("copy a file");
        }
    }
}

#[test]
fn imported_article_answers_its_question_sets_as_well_as_it_did() {
    // (set, right answers at least beside the 2024 article, alone): the scores each set had
    // when it was committed or last raised.
    let floors = [
        // Raised (concept terms kept as draft keywords, issue 16): 2025 142 → 143, -e 113 → 114,
        // -g 105 → 106, -h 110 → 111 (both), -i 94 → 95, -j 99 → 101 (both), -m 101/102 → 105/106.
        // Raised on 2026-12-07 night (counts answered by a figure of another measure word, the
        // glossary for untranslated facts, the asker's self-introduction): 2025 143/147 →
        // 145/149, -e 114/115 → 115/116, -n 106/107 → 107/108, -o 107/108 → 108/109,
        // -q 101/102 → 102/103.
        ("2025-test-questions.tsv", 145, 149),
        ("2025-test-questions-e.tsv", 115, 116),
        ("2025-test-questions-f.tsv", 104, 104),
        // One lower than first reached: the importer's 她力量联赛 (name and head noun, issue 16)
        // hides the shorter 她力量 that chose between two near-equal sentences of item 7.
        ("2025-test-questions-g.tsv", 106, 108),
        ("2025-test-questions-h.tsv", 111, 111),
        ("2025-test-questions-i.tsv", 95, 96),
        // 100 when first scored: 联赛飞盘决赛有直播吗 想看 was declined with 想看 read into
        // what is asked; without 想看 it is answered, as the whole now is.
        // 101 since a keyword holding a whole place (福田区莲花街道) keeps it a place and a
        // figure's place must be where a fitting fact gives its figures (issue 13); 103 with
        // both of these and the concept terms kept as draft keywords together.
        // 102 since English heads (issue 13/16: a keyword whose existence is asked, a noun cue
        // after how many / number of / where): the set is scored only, never read, and its
        // declined rate says one question the article does not answer is now answered.
        ("2025-test-questions-j.tsv", 104, 104),
        ("2025-test-questions-l.tsv", 86, 87),
        // Untouched when first scored (2026-12-07 afternoon): 101 and 102 of 120; 103 and 104
        // since the attribute asked before the question word (工资多少) and a figure's place
        // are read as the article states them (issue 13); 108 and 109 with the concept terms
        // kept as draft keywords as well (issue 16).
        // 110 and 111 with English heads (a keyword whose existence is asked, a noun cue after
        // how many / number of / where).
        ("2025-test-questions-m.tsv", 111, 112),
        // Untouched before and after the 2026-12-07 afternoon session's work: 105 and 106 of
        // 120 before, 106 and 107 after; 107 and 108 later. 106 and 107 since English
        // questions are read by their last wh-sentence (issue 13, english_sentences.rs):
        // "Are there free health checks for women over 60? How many were done?" was answered
        // only because "free" of the yes/no sentence decided; asking how many, it meets the
        // stated-figure reading that already makes the one-sentence "How many free health
        // checks were done for women over 60?" related. 108 and 109 with a stated age read
        // as context of the count (stated.rs).
        ("2025-test-questions-n.tsv", 108, 109),
        // Untouched when first scored (2026-12-07 evening): 104 and 105 of 120.
        // 107 and 108 with English heads (a keyword whose existence is asked, a noun cue after
        // how many / number of / where).
        ("2025-test-questions-o.tsv", 109, 110),
        // Untouched at the end of the 2026-12-07 evening session: 107 and 107 of 120 with the
        // session's base binary, 108 and 108 with its merged one.
        ("2025-test-questions-p.tsv", 108, 108),
        // Untouched at the start of the 2026-12-07 night session: 100 and 101 of 120 with the
        // session's base binary; 101 and 102 with the asker's self-introduction read as
        // context (wp-intro-14).
        ("2025-test-questions-q.tsv", 102, 103),
        // Untouched at the end of the 2026-12-07 night session: 97 and 97 of 120 with the
        // session's base binary, 98 and 98 with its merged one.
        ("2025-test-questions-r.tsv", 99, 99),
        // Untouched at the start of the 2026-12-07 late session: 98 and 98 of 120 with the
        // session's base binary.
        // 102 and 102 after that session (counted nouns written otherwise, unstated details).
        ("2025-test-questions-s.tsv", 102, 102),
        // Untouched at the end of the 2026-12-07 late session: 105 and 105 of 120 with the
        // session's base binary and with its merged one.
        ("2025-test-questions-t.tsv", 105, 105),
    ];
    let beside = imported(true);
    let alone = imported(false);
    let mut below = Vec::new();
    for (set, beside_floor, alone_floor) in floors {
        let file = format!("articles/{set}");
        for (label, knowledge, floor) in [
            ("beside 2024", beside.path(), beside_floor),
            ("alone", alone.path(), alone_floor),
        ] {
            let (right, total, misses) = right_answers(knowledge, &file);
            if right < floor {
                below.push(format!(
                    "{set} ({label}): {right}/{total} right, below {floor}; misses: {misses:#?}"
                ));
            }
        }
    }
    assert!(below.is_empty(), "{}", below.join("\n"));
}

/// A figure the question states that measures rather than counts — an age, in the question's
/// words or only in the article's (60岁以上 for "over 60") — is context (issue 13): the count
/// is asked of the item, and the age never leads. A question asking the age itself still gets
/// it.
#[test]
fn a_stated_age_is_context_of_a_count_question() {
    let dir = imported(false);
    let rows: [(&str, Option<&str>); 7] = [
        (
            "How many free health checks have women over 60 had so far?",
            Some("3.6万"),
        ),
        (
            "Are older women over 60 screened for free? How many screenings so far?",
            Some("3.6万"),
        ),
        (
            "How many osteoporosis screenings were given to women aged 60 and above?",
            Some("3.6万"),
        ),
        ("60岁以上的老姐妹免费体检一共做了多少", Some("3.6万")),
        ("我婆婆70岁了，老年妇女骨质疏松筛查做了多少人次", Some("3.6万")),
        ("老年妇女要几岁以上才能免费体检", Some("60岁")),
        ("What age do older women have to be for the free check-up?", Some("60")),
    ];
    let questions: Vec<&str> = rows.iter().map(|(question, _)| *question).collect();
    let answers = ask_json(dir.path(), &questions, false);
    for ((question, lead), answer) in rows.iter().zip(&answers) {
        assert_eq!(answer["item"].as_u64(), Some(9), "{question}: {answer}");
        assert_eq!(answer["status"].as_str(), Some("answered"), "{question}: {answer}");
        let shown = answer["lead"].as_str().unwrap_or_default();
        assert!(lead.is_none_or(|lead| shown.contains(lead)), "{question}: lead {shown}");
    }
}
