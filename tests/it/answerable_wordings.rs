//! Questions the article answers, told with the asker's situation or a modifier around a
//! count (issue 13, classes 1 and 4): a fact keyword outside the head noun (遛娃, 管教孩子)
//! narrows which fact is meant, but when none of its facts gives the asked figure, the item's
//! fact that does (at least half as strongly pointed at) answers; a keyword that is the head
//! noun itself (共建基地有多少名指导老师) still makes the question related. An asking clause
//! whose items cannot answer does not set aside the topic a telling clause names.

use fuer_core::engine::Status;

use crate::support::check_first_fact as check;

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

/// A clause that only tells names the topic (想了解妇联的宣讲工作); the asking clause counts
/// and holds only an incidental keyword of an item that cannot give the count (上线 inside
/// 线上线下): the telling clause's item answers. Where the asking clause's item can answer
/// (有培训吗), the telling clause is still set aside.
#[test]
fn an_asking_clause_that_cannot_answer_does_not_set_aside_the_told_topic() {
    for (question, item, fact) in [
        ("我想了解一下妇联的宣讲工作，线上线下一共开展了多少场次", 1, "617场次"),
        (
            "本人想了解深圳婦聯的宣講工作，線上線下合共舉辦了多少場次？",
            1,
            "617场次",
        ),
        ("想问问宣讲的事，线上线下加起来办了几场", 1, "617场次"),
        ("家里老公失业了，我想学网上卖货，有培训吗", 9, "直播带货"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

/// A figure after an enumeration of examples (公教、展演、阅读…等1458场公益服务活动) counts
/// them all: a whole asked (一共) is answered by it, a kind of them asked is not.
#[test]
fn a_figure_after_examples_is_the_whole() {
    for (question, status, item, fact) in [
        ("妇儿大厦一共办了多少场公益活动", Status::Answered, 4, "1458场"),
        ("大厦开业以来总共搞过多少场公益服务活动", Status::Answered, 4, "1458场"),
        ("妇儿大厦一共办了多少场阅读活动", Status::Related, 4, "1458场"),
    ] {
        check(question, status, item, fact);
    }
}

/// A place the item names followed by a demonstrative (福田那座大厦) says where the one thing
/// asked about is: its count is the item's, not a part of the city's; a place asked as the
/// scope of a count (福田区有多少母婴室) stays related.
#[test]
fn a_place_locating_the_one_thing_asked_about_is_no_scope() {
    for (question, status, item, fact) in [
        ("福田那座妇儿大厦接待过多少批参访团", Status::Answered, 4, "347批次"),
        ("福田这个妇儿大厦一共来过多少人", Status::Answered, 4, "716万"),
        ("福田区有多少母婴室", Status::Related, 5, "1480间"),
        ("福田区建了多少间母婴室", Status::Related, 5, ""),
    ] {
        check(question, status, item, fact);
    }
}
