//! The head of a question decides what is asked (issue 13, class 1): the interrogative and
//! the noun it governs; a noun cue elsewhere is a modifier that may narrow the facts but never
//! makes an answerable question unanswerable; a cue inside a keyword of the question is no cue.

use fuer_core::engine::Status;

use crate::support::{first_fact, shipped_engine};

/// Asserts the status, the item and (when given) words of the first fact.
fn check(question: &str, status: Status, item: u8, first_fact_has: &str) {
    let answer = shipped_engine().answer(question);
    assert_eq!(
        (answer.status, answer.item),
        (status, Some(item)),
        "{question}: {answer:?}"
    );
    if first_fact_has.is_empty() {
        return;
    }
    let fact = first_fact(&answer);
    assert!(fact.contains(first_fact_has), "{question}: first fact {fact}");
}

#[test]
fn a_noun_cue_that_only_modifies_a_yes_no_question_does_not_decide_it() {
    for (question, item, fact) in [
        ("爱心妈妈是不是每年都结对", 8, "结对关爱"),
        ("深圳是不是每年都参加世界儿童日亮灯", 7, "连续8年"),
        ("附近有没有能临时保护妇女儿童的地方", 10, "临时保护中心"),
        ("政务中心里有没有喂奶的地方", 5, "政务服务中心"),
        ("是不是每个社区都有妇儿临时保护中心", 10, "临时保护中心"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn a_cue_inside_a_keyword_of_the_question_is_no_cue() {
    for (question, item, fact) in [
        ("Is there any campaign against high bride prices?", 6, "彩礼"),
        ("习近平总书记关于妇女工作的重要论述是怎么学习的", 1, "总书记"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn a_noun_the_question_asks_about_still_decides() {
    for (question, item) in [
        ("妇儿大厦门票多少钱", 4),
        ("母婴室是不是收费的", 5),
        ("离我最近的母婴室在哪", 5),
        ("救助金每个人能领多少", 5),
        ("妇儿大厦周末开放吗", 4),
        ("爱心妈妈每月有补贴吗", 8),
        ("What are the opening hours of the Women and Children Building?", 4),
    ] {
        check(question, Status::Related, item, "");
    }
}

#[test]
fn explain_shows_the_head_and_each_modifier() {
    let explained = shipped_engine().explain("爱心妈妈是不是每年都结对");
    assert!(explained.contains("head: interrogative \"是不是\""), "{explained}");
    assert!(explained.contains("governs \"每年都结对\""), "{explained}");
    assert!(
        explained.contains("modifier \"每年\" (per_person): not what is asked"),
        "{explained}"
    );
    assert!(
        explained.contains("does not narrow: the article never says such things"),
        "{explained}"
    );
    let inside = shipped_engine().explain("Is there any campaign against high bride prices?");
    assert!(
        inside.contains("modifier \"price\" (price): inside a keyword"),
        "{inside}"
    );
    let quantity = shipped_engine().explain("全市建了多少间母婴室");
    assert!(
        quantity.contains("head: interrogative \"多少\" (quantity); governs \"母婴室\""),
        "{quantity}"
    );
}

/// A price or a reimbursement asked (要多少钱, 能报销多少, 治疗费) is a price the article never
/// gives, even where another cue (自费: whether it is free) comes first or a count word
/// (多少) would find a figure: the reply is related, with what the article does say.
#[test]
fn a_price_or_reimbursement_asked_is_related() {
    for (question, item) in [
        ("HPV疫苗自费要多少钱", 5),
        ("两癌筛查查出问题后治疗费能报销多少", 5),
        ("母婴室用一次需要多少钱", 5),
        ("去妇儿大厦玩得多少钱", 4),
    ] {
        check(question, Status::Related, item, "");
    }
}

/// A rank asked within a whole the city is part of (全省排第几名) is answered only by a fact
/// giving a rank within that whole (全省首个); 位居全省前列 gives no rank, and a rank within
/// the city (全市首个网络妇联) is no rank in the province.
#[test]
fn a_rank_within_a_whole_is_answered_only_by_a_rank_in_it() {
    for (question, status, item, fact) in [
        ("三新领域妇联组织全省排第几名", Status::Related, 9, ""),
        ("三新领域1767个妇联组织具体排全省第几名", Status::Related, 9, ""),
        ("家庭教育指导共建基地是全省第几个", Status::Answered, 6, "全省首个"),
    ] {
        check(question, status, item, fact);
    }
}

/// A duration asked in a unit the cue names (几天, 多少个小时) is answered only by a figure in
/// that unit or its class (钟头 for 小时): the five minutes of the rescue circle do not say
/// how many days a shelter keeps anyone; 多久 takes any duration.
#[test]
fn a_duration_asked_in_a_named_unit_is_answered_only_in_that_unit() {
    for (question, status, item, fact) in [
        ("妇儿临时保护中心能住几天", Status::Related, 10, ""),
        ("妇儿临时保护中心最多能住多少天", Status::Related, 10, ""),
        ("五分钟救助圈是几分钟能到", Status::Answered, 10, "五分钟"),
        ("五分钟救助圈多久能到", Status::Answered, 10, "五分钟"),
    ] {
        check(question, status, item, fact);
    }
}
