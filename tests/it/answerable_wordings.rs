//! Questions the article answers, told with the asker's situation or a modifier around a
//! count (issue 13, classes 1 and 4): a fact keyword outside the head noun (遛娃, 管教孩子)
//! narrows which fact is meant, but when none of its facts gives the asked figure, the item's
//! fact that does (at least half as strongly pointed at) answers; a keyword that is the head
//! noun itself (共建基地有多少名指导老师) still makes the question related.

use fuer_core::engine::Status;

use crate::support::{first_fact, shipped_engine};

/// Asserts the status, the item and words of the first fact.
fn check(question: &str, status: Status, item: u8, first_fact_has: &str) {
    let answer = shipped_engine().answer(question);
    assert_eq!(
        (answer.status, answer.item),
        (status, Some(item)),
        "{question}: {answer:?}"
    );
    let fact = first_fact(&answer);
    assert!(fact.contains(first_fact_has), "{question}: first fact {fact}");
}

#[test]
fn a_situation_keyword_before_a_count_does_not_hide_the_fact_giving_it() {
    for (question, item, fact) in [
        (
            "现在年轻人都不太会教孩子，你们搞那个家教家风的服务一共搞了多少场啊",
            6,
            "1.8万场次",
        ),
        ("爸妈都不会教孩子，你们家教家风服务全年办了几场", 6, "1.8万场次"),
        ("好多家长不会管教孩子，家教家风的服务一年办了多少场", 6, "1.8万场次"),
        ("管教孩子的事我们搞不定，家教家风服务覆盖了多少人", 6, "71万余人"),
        ("遛娃的家长都说好，妇儿大厦开业以来办了多少场活动", 4, "1458场"),
        ("想带孩子去遛娃，妇儿大厦接待过多少批参访团", 4, "347批次"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn a_keyword_that_is_the_counted_head_still_makes_a_count_related() {
    for (question, item, fact) in [
        ("家庭教育指导共建基地有多少名指导老师", 6, "共建基地"),
        ("停学青少年家庭综合干预服务有多少个家庭参加", 6, "停学青少年"),
    ] {
        check(question, Status::Related, item, fact);
    }
}
