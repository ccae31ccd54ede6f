//! Unit tests of the engine on a two-item knowledge base.

use super::topics::split_topics;
use super::*;
use crate::knowledge::questions::{AnswerRule, AskedKind, Lexicon, QuestionWords, Scope, UnitClass};
use crate::knowledge::{Fact, Item, SourceInfo};

fn fact(text: &str, keywords: &[&str]) -> Fact {
    Fact {
        text: text.to_string(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        en: None,
    }
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn asked(kind: &str, label: &str, answer: AnswerRule, cues: &[&str]) -> AskedKind {
    AskedKind {
        kind: kind.to_string(),
        label: label.to_string(),
        label_en: String::new(),
        answer,
        cues: strings(cues),
        units: Vec::new(),
        words: Vec::new(),
        scope: false,
    }
}

/// An item of the test engine, its headline and summary made from its title.
fn item(number: u8, title: &str, keywords: &[&str], facts: Vec<Fact>) -> Item {
    Item {
        number,
        headline: format!("{title}的标题"),
        title: title.to_string(),
        summary: format!("{title}的摘要。"),
        keywords: strings(keywords),
        facts,
        en: Default::default(),
    }
}

fn engine() -> Engine {
    Engine::new(KnowledgeBase {
        id: "test".into(),
        year: 2024,
        source: SourceInfo {
            title: "T".into(),
            publisher: "P".into(),
            date: "2025-02-05".into(),
        },
        items: vec![
            item(
                1,
                "母婴室",
                &["母婴室", "nursing room", "民生实事"],
                vec![
                    fact("为哺乳期妈妈提供人性化关怀。", &[]),
                    fact("建设公共场所母婴室1480间。", &["母婴室"]),
                    fact("免费接种疫苗4.2万剂,服务1.2万人次。", &["疫苗", "hpv"]),
                ],
            ),
            item(
                2,
                "集体婚礼",
                &["集体婚礼", "彩礼"],
                vec![fact("75对新人参加集体婚礼。", &[])],
            ),
        ],
        synonym_groups: vec![vec!["母婴室".into(), "哺乳室".into()]],
        concepts: Vec::new(),
        question_words: QuestionWords {
            asked: vec![
                asked("price", "门票价格", AnswerRule::None, &["门票", "多少钱"]),
                asked("quantity", "具体数字", AnswerRule::Figure, &["多少", "几"]),
            ],
            units: vec![
                UnitClass {
                    label_en: String::new(),
                    label: "人数".into(),
                    asked: strings(&["人", "人次"]),
                    answered_by: strings(&["人", "人次", "对"]),
                },
                UnitClass {
                    label_en: String::new(),
                    label: "数量".into(),
                    asked: strings(&["间", "剂"]),
                    answered_by: strings(&["间", "剂"]),
                },
            ],
            scope: Scope {
                year: 2024,
                home: "深圳".into(),
                home_en: "Shenzhen".into(),
                other_places: strings(&["上海"]),
            },
            follow_up: Default::default(),
            whole: Default::default(),
            compare: Default::default(),
            alternative: Default::default(),
            limits: Default::default(),
            listing: Default::default(),
            groups: Default::default(),
            naming: Default::default(),
            target: Default::default(),
            dialect: Vec::new(),
            lexicon: Lexicon {
                particles: strings(&["的", "了", "吗", "呢"]),
                ..Lexicon::default()
            },
        },
        glossary: Vec::new(),
    })
}

#[test]
fn exact_pinyin_fuzzy_and_synonym_hits_find_the_item() {
    let engine = engine();
    for question in [
        "母婴室在哪",
        "母婴是在哪",
        "母音室在哪",
        "哺乳室",
        "nursing rooms",
        "集体婚里",
        "集体婚礼礼",
    ] {
        assert!(engine.answer(question).item.is_some(), "{question}");
    }
    assert_eq!(engine.answer("集体婚里").item, Some(2));
    assert_eq!(engine.answer("哺乳室").item, Some(1));
}

#[test]
fn the_fact_with_a_figure_of_the_asked_unit_comes_first() {
    let engine = engine();
    // 民生实事 is a keyword of the whole item: the unit alone picks the fact.
    let rooms = engine.answer("民生实事建了多少间");
    assert_eq!((rooms.item, rooms.facts.first()), (Some(1), Some(&1)), "{rooms:?}");
    let people = engine.answer("民生实事一共服务了多少人次");
    assert_eq!(people.facts.first(), Some(&2), "{people:?}");
}

#[test]
fn fact_keywords_route_to_their_fact() {
    assert_eq!(engine().answer("HPV").facts.first(), Some(&2));
}

#[test]
fn a_bare_figure_finds_its_fact() {
    let answer = engine().answer("4.2万");
    assert_eq!((answer.item, answer.facts.first()), (Some(1), Some(&2)));
    assert_eq!(engine().answer("75").item, Some(2));
}

#[test]
fn positions_are_bounded_by_the_item_count() {
    let engine = engine();
    assert_eq!(engine.answer("第2件").item, Some(2));
    assert_eq!(engine.answer("最后一件").item, Some(2));
    for question in ["第3件", "第-1件"] {
        let answer = engine.answer(question);
        assert_eq!((answer.intent, answer.item), (Intent::NoSuchItem, None), "{question}");
    }
}

#[test]
fn unrelated_questions_are_declined() {
    let engine = engine();
    for question in ["天气怎么样", "asdf", "哈哈哈哈", "1+1等于几"] {
        let answer = engine.answer(question);
        assert_eq!(
            (answer.intent, answer.status),
            (Intent::Declined, Status::Declined),
            "{question}"
        );
    }
    assert_eq!(engine.answer("!!!").intent, Intent::Empty);
}

#[test]
fn what_the_article_does_not_say_is_related_not_answered() {
    let engine = engine();
    let price = engine.answer("母婴室门票多少钱");
    assert_eq!((price.status, price.item), (Status::Related, Some(1)));
    assert_eq!(
        price.missing,
        Some(Missing::Asked {
            topic: "母婴室".into(),
            label: "门票价格".into()
        })
    );
    // A quantity whose unit no fact of the topic has: rooms are counted, not people.
    let people = engine.answer("母婴室有多少人");
    assert_eq!(people.status, Status::Related, "{people:?}");
    let elsewhere = engine.answer("上海有多少间母婴室");
    assert!(matches!(elsewhere.missing, Some(Missing::Place { ref place, .. }) if place == "上海"));
    let other_year = engine.answer("2023年建了多少间母婴室");
    assert!(matches!(other_year.missing, Some(Missing::Year { asked: 2023, .. })));
}

#[test]
fn several_topics_get_one_part_each_in_order() {
    let answer = engine().answer("集体婚礼和母婴室各有多少");
    assert_eq!(answer.items(), vec![2, 1]);
    assert_eq!(answer.more.first().and_then(|part| part.facts.first()), Some(&1));
}

#[test]
fn questions_are_cut_at_every_separator() {
    assert_eq!(
        split_topics("母婴室和两癌筛查,还有hpv and vaccine?"),
        vec!["母婴室", "两癌筛查", "", "hpv", "vaccine", ""]
    );
    assert_eq!(split_topics("以及"), vec!["", ""]);
    assert_eq!(split_topics("没有"), vec!["没有"]);
}

#[test]
fn explain_is_the_trace_of_the_same_pipeline() {
    let engine = engine();
    for question in ["母婴室门票多少钱", "第2件", "集体婚礼和母婴室各有多少", "天气"] {
        let (answer, trace) = engine.answer_traced(question);
        assert_eq!(answer, engine.answer(question), "{question}");
        assert!(trace.render().starts_with("normalized: "), "{question}");
    }
    let explained = engine.explain("母婴室门票多少钱");
    assert!(explained.contains("asked: price"), "{explained}");
    assert!(explained.contains("decision: related"), "{explained}");
}
