//! The lexical lists of `questions.toml` (`[words]`: measure words, greetings, particles)
//! and the unit classes are data: what an admin adds there changes how questions are read,
//! with no code change.

use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_core::engine::{Engine, Intent};

use crate::support::{copy_knowledge, shipped_engine};

/// The normalized form of a question, as the engine reads it (the first line of its trace).
fn normalized(engine: &Engine, question: &str) -> String {
    let explained = engine.explain(question);
    let first = explained.lines().next().unwrap_or_default();
    first.strip_prefix("normalized: ").unwrap_or(first).to_string()
}

/// The shipped engine with `questions.toml` edited by `edit`.
fn engine_with_questions(edit: impl Fn(&str) -> String) -> Engine {
    let dir = copy_knowledge();
    let path = dir.path().join("questions.toml");
    let text = std::fs::read_to_string(&path).expect("questions.toml");
    std::fs::write(&path, edit(&text)).expect("write questions.toml");
    let knowledge = load_knowledge_dir(dir.path())
        .unwrap_or_else(|problems| panic!("{problems:#?}"))
        .into_first();
    Engine::new(knowledge)
}

#[test]
fn a_single_numeral_before_a_listed_measure_word_is_a_number() {
    let engine = shipped_engine();
    for (question, expected) in [
        ("两户人家", "2户人家"),
        ("三场培训", "3场培训"),
        ("两张照片", "2张照片"),
        ("五分钟救助圈", "5分钟救助圈"),
        ("两癌筛查", "两癌筛查"),
        ("三新领域", "三新领域"),
        ("一站式遛娃", "一站式遛儿童"),
    ] {
        assert_eq!(normalized(engine, question), expected, "{question}");
    }
}

#[test]
fn a_measure_word_an_admin_adds_is_read_like_the_others() {
    for (question, before, after) in [("两栋楼", "两栋楼", "2栋楼"), ("三栋", "三栋", "3栋")] {
        assert_eq!(normalized(shipped_engine(), question), before, "{question}");
        // In the [words] list …
        let listed = engine_with_questions(|text| text.replace("measure_words = [", "measure_words = [\"栋\", "));
        assert_eq!(normalized(&listed, question), after, "{question}");
        // … or as a unit a question may ask for.
        let unit = engine_with_questions(|text| format!("{text}\n[[unit]]\nlabel = \"楼数\"\nasked = [\"栋\"]\n"));
        assert_eq!(normalized(&unit, question), after, "{question}");
    }
}

#[test]
fn greetings_are_the_listed_words_with_particles() {
    let engine = shipped_engine();
    for question in ["你好", "你好呀", "hello bot", "在吗", "早上好啊"] {
        assert_eq!(engine.answer(question).intent, Intent::Greeting, "{question}");
    }
    assert_ne!(engine.answer("早晨").intent, Intent::Greeting);
    let edited = engine_with_questions(|text| text.replace("greetings = [", "greetings = [\"早晨\", "));
    for question in ["早晨", "早晨呀", "你好早晨"] {
        assert_eq!(edited.answer(question).intent, Intent::Greeting, "{question}");
    }
    assert_ne!(edited.answer("早晨母婴室有多少间").intent, Intent::Greeting);
}

/// The class "Cantonese questions not read": the `[dialect]` words of `questions.toml` turn
/// a Cantonese question (Traditional or Simplified) into the Mandarin the article's words
/// are matched with, so both read alike; 系 of Mandarin words (体系) stays.
#[test]
fn cantonese_questions_read_as_their_mandarin() {
    let engine = shipped_engine();
    for (cantonese, mandarin) in [
        ("妇儿大厦喺边度", "妇儿大厦在哪里"),
        ("母嬰室有冇熱水", "母嬰室有没有熱水"),
        ("直播培訓班係唔係免費嘅", "直播培訓班是不是免費的"),
        ("旧年开咗几多场宣讲", "去年开了多少场宣讲"),
        ("嗰个服务圈覆盖咗边啲社区", "那个服务圈覆盖了哪些社区"),
        ("服务体系有冇内容", "服务体系有没有内容"),
    ] {
        assert_eq!(
            normalized(engine, cantonese),
            normalized(engine, mandarin),
            "{cantonese}"
        );
    }
}

/// The class "Sichuanese (southwestern Mandarin) questions not read": the `[dialect]
/// sichuanese` words turn 啥子, 咋个, 没得, 屋头, 娃儿, 一哈, 晓得 into the Mandarin the
/// article's words are matched with; Mandarin 好多 (many) stays as written.
#[test]
fn sichuanese_questions_read_as_their_mandarin() {
    let engine = shipped_engine();
    for (sichuanese, mandarin) in [
        ("母婴室是啥子时候建的", "母婴室是什么时候建的"),
        ("我咋个报名参加培训嘛", "我怎么报名参加培训嘛"),
        ("屋头娃儿放学没得人管", "家里孩子放学没有人管"),
        ("想问一哈妇儿大厦咋个走", "想问一下妇儿大厦怎么走"),
        ("不晓得妇联有没得心理热线", "不知道妇联有没有心理热线"),
        ("出去做活路娃儿哪个带", "出去干活孩子哪个带"),
        ("好多人去过妇儿大厦", "好多人去过妇儿大厦"),
    ] {
        assert_eq!(
            normalized(engine, sichuanese),
            normalized(engine, mandarin),
            "{sichuanese}"
        );
    }
}

/// A dialect word written in both lists is reported (one word, one Mandarin meaning).
#[test]
fn a_dialect_word_in_both_lists_is_reported() {
    let dir = copy_knowledge();
    let path = dir.path().join("questions.toml");
    let text = std::fs::read_to_string(&path).expect("questions.toml");
    std::fs::write(&path, text.replace("sichuanese = [", "sichuanese = [\"几多=好多\", ")).expect("write");
    assert!(load_knowledge_dir(dir.path()).is_err());
}

/// An empty `[dialect]` list leaves dialect words as they are (the list is the only source).
#[test]
fn dialect_words_are_data() {
    let engine = engine_with_questions(|text| {
        let start = text.find("[dialect]").expect("[dialect]");
        text[..start].to_string()
    });
    assert!(normalized(&engine, "幾多").contains("几多"));
    assert!(normalized(&engine, "啥子").contains("啥子"));
}
