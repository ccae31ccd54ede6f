//! The word lists that used to be hard-coded in the engine are data of `questions.toml`
//! (issue 15): `[limits]` (至少, 不少于), `[whole] said_by` (全市, 全年, 累计), `[words]
//! weekdays` (三 of 周三), `[words] name_verbs` (介绍 after a quoted name) and `[alternative]
//! offered` (或者). A word an admin adds to one of
//! them takes effect with no code change, and `check` reports a malformed list at its line.

use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_core::engine::{Engine, Status};

use crate::support::{copy_knowledge, knowledge_dir};

/// An invented article whose sentences write a limit (不少于, 以上), days of the week (周五,
/// 周末) and a whole (全区发放) in words the lists may or may not hold.
const ARTICLE: &str = "2033年某市妇女儿童工作三件事\n\
    一、“暖心”课后托管站达120个,全年服务儿童8万人次\n\
    依托社区党群服务中心建设“暖心”课后托管站120个,提供作业辅导、安全看护等服务,全年服务儿童8万人次。\n\
    全年为托管站新增图书2万册。\n\
    印发《托管站服务规范》,要求每个托管站图书不少于500册。\n\
    托管站每周五晚开展家长课堂。\n\
    托管站每周末开展亲子阅读。\n\
    二、社区书屋延长开放时间\n\
    全年社区书屋共开放2万小时。\n\
    每个社区书屋每周开放30小时以上。\n\
    三、助学保障更加有力\n\
    全区发放助学金5.6亿元,惠及学生12万人次。\n\
    北湖区学生林小雨领到了3000元助学金,她说,“这笔钱帮了我们家大忙。”\n\
    北湖区助学项目负责人周明宣布,助学金当天到账。\n";

/// A knowledge directory with the shared files and [`ARTICLE`] imported as a draft.
fn imported_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for name in ["synonyms.toml", "questions.toml"] {
        std::fs::copy(knowledge_dir().join(name), dir.path().join(name)).expect("copy a shared file");
    }
    let article = dir.path().join("article.txt");
    std::fs::write(&article, ARTICLE).expect("write the article");
    let imported = std::process::Command::new(env!("CARGO_BIN_EXE_fuer-bot"))
        .arg("--knowledge")
        .arg(dir.path())
        .arg("import")
        .arg(&article)
        .env("RUST_LOG", "off")
        .output()
        .expect("run fuer-bot import");
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    std::fs::remove_file(&article).expect("remove the article's text");
    dir
}

/// The engine of a knowledge directory after `questions.toml` is rewritten by `edit`.
fn engine_after(dir: &std::path::Path, original: &str, edit: impl Fn(&str) -> String) -> Engine {
    let edited = edit(original);
    std::fs::write(dir.join("questions.toml"), &edited).expect("write questions.toml");
    let knowledge = load_knowledge_dir(dir)
        .unwrap_or_else(|problems| panic!("{problems:#?}"))
        .into_first();
    Engine::new(knowledge)
}

/// The first fact of an answer, from the engine's own article.
fn first_fact(engine: &Engine, answer: &fuer_core::engine::Answer) -> String {
    answer
        .item
        .zip(answer.facts.first())
        .and_then(|(item, &fact)| engine.knowledge().item(item)?.sentence(fact))
        .unwrap_or_default()
        .to_string()
}

/// `text` with `word` put first in the list that `list` (unique in `questions.toml`) begins:
/// right after the last `[` of `list`.
fn add_word(text: &str, list: &str, word: &str) -> String {
    assert_eq!(text.matches(list).count(), 1, "not one {list} in questions.toml");
    let start = text.find(list).unwrap_or_default();
    let bracket = start + list.rfind('[').unwrap_or_default() + 1;
    format!("{}\"{word}\", {}", &text[..bracket], &text[bracket..])
}

/// One list, one word an admin adds: the question's answer (status, what its first fact
/// holds) before and after.
struct Case {
    list: &'static str,
    word: &'static str,
    question: &'static str,
    before: (Status, &'static str),
    after: (Status, &'static str),
}

#[test]
fn a_word_an_admin_adds_to_a_list_takes_effect() {
    let dir = imported_article();
    let original = std::fs::read_to_string(dir.path().join("questions.toml")).expect("questions.toml");
    let cases = [
        // A new way of asking for a limit: the sentence writing one (不少于500册) leads.
        Case {
            list: "[limits]\nasked = [",
            word: "起步",
            question: "托管站起步要有多少册图书",
            before: (Status::Answered, "2万册"),
            after: (Status::Answered, "不少于500册"),
        },
        // A new way of writing a limit (30小时以上) answers 至少.
        Case {
            list: "written = [",
            word: "以上",
            question: "社区书屋至少开放多少小时",
            before: (Status::Answered, "2万小时"),
            after: (Status::Answered, "30小时以上"),
        },
        // A new word of a whole (全区发放…): the district's figure is the total 一共 asks.
        Case {
            list: "said_by = [\"全市\"",
            word: "全区",
            question: "一共发了多少助学金",
            before: (Status::Related, "5.6亿元"),
            after: (Status::Answered, "5.6亿元"),
        },
        // A new verb after a quoted person's name (负责人周明宣布): the name answers 是谁.
        Case {
            list: "name_verbs = [",
            word: "宣布",
            question: "发助学金的负责人是谁",
            before: (Status::Related, "周明"),
            after: (Status::Answered, "周明"),
        },
        // A new day in place of 几 (周末 for 周几).
        Case {
            list: "weekdays = [",
            word: "末",
            question: "亲子阅读每周几开展",
            before: (Status::Related, "周末"),
            after: (Status::Answered, "周末"),
        },
    ];
    for case in &cases {
        for (engine, (status, holds)) in [
            (engine_after(dir.path(), &original, str::to_string), case.before),
            (
                engine_after(dir.path(), &original, |text| add_word(text, case.list, case.word)),
                case.after,
            ),
        ] {
            let answer = engine.answer(case.question);
            let first = first_fact(&engine, &answer);
            assert_eq!(
                answer.status, status,
                "{} + {}: {}: {first}",
                case.list, case.word, case.question
            );
            assert!(
                first.contains(holds),
                "{} + {}: {}: {first}",
                case.list,
                case.word,
                case.question
            );
        }
    }
}

/// A word the list holds is what makes it work: a day taken out of `weekdays` (五) no longer
/// answers 周几 with the day the article writes (周五).
#[test]
fn a_weekday_taken_out_of_the_list_answers_no_more() {
    let dir = imported_article();
    let original = std::fs::read_to_string(dir.path().join("questions.toml")).expect("questions.toml");
    let question = "家长课堂每周几开";
    let shipped = engine_after(dir.path(), &original, str::to_string);
    assert_eq!(shipped.answer(question).status, Status::Answered);
    let without = engine_after(dir.path(), &original, |text| {
        text.replacen("\"四\", \"五\", ", "\"四\", ", 1)
    });
    assert_eq!(without.answer(question).status, Status::Related);
}

/// `[alternative] offered`: a place next to one of its words (河源或汕尾 once 或 is added) is
/// offered as one of several, not a place the article does not cover.
#[test]
fn a_word_offering_a_place_as_an_alternative_takes_effect() {
    let dir = copy_knowledge();
    let original = std::fs::read_to_string(dir.path().join("questions.toml")).expect("questions.toml");
    for (question, shipped_status, added_status) in [
        ("对口帮扶的是河源或者汕尾", Status::Answered, Status::Answered),
        ("对口帮扶的是汕尾还是河源", Status::Answered, Status::Answered),
        ("对口帮扶的是河源或汕尾", Status::Related, Status::Answered),
    ] {
        let shipped = engine_after(dir.path(), &original, str::to_string);
        assert_eq!(shipped.answer(question).status, shipped_status, "{question}");
        let added = engine_after(dir.path(), &original, |text| add_word(text, "offered = [", "或"));
        let answer = added.answer(question);
        assert_eq!(answer.status, added_status, "{question}");
        assert!(first_fact(&added, &answer).contains("汕尾"), "{question}");
    }
}
