//! English questions about an imported article, whose facts have no English translation
//! (class: an English question reaches the fact by meaning, through the shared glossary
//! `glossary.toml`). Within the item its keywords chose, the fact writing the Chinese of the
//! glossary phrases the question says ("revenue" → 销售额, "allowance" → 津贴, "warning
//! letters" → 告诫书) is the one answered first. New sentences, not copies of a set's.

use crate::import::ask_json;
use crate::import_quality::imported;

#[test]
fn english_words_reach_untranslated_facts_through_the_glossary() {
    let cases: &[(&str, u64, &str)] = &[
        (
            "How much revenue did the embroidered souvenir line bring in?",
            4,
            "鹏城绣礼",
        ),
        ("How many warning letters did the police issue to abusers?", 6, "告诫书"),
        ("Do library branches let you give back books anywhere?", 5, "就近归还"),
        ("How much money in maternity allowances was handed out?", 3, "46.8亿元"),
        (
            "How many calls came in to the kids' psychological hotline?",
            2,
            "心晴童伴",
        ),
    ];
    let dir = imported(false);
    let questions: Vec<&str> = cases.iter().map(|case| case.0).collect();
    let answers = ask_json(dir.path(), &questions, false);
    for (&(question, item, says), answer) in cases.iter().zip(&answers) {
        assert_eq!(answer["item"].as_u64(), Some(item), "{question}: {answer}");
        let first = answer["facts"][0].as_str().unwrap_or_default();
        assert!(first.contains(says), "{question}: first fact {first:?} lacks {says:?}");
    }
}
