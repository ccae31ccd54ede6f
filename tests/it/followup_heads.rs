//! A follow-up whose question word determines a noun (哪家公司, 哪些公司) that the
//! conversation's item never writes asks what the article does not say: it is related,
//! on the conversation's item. A noun the item writes (哪些会议, 什么荣誉), a pronoun
//! question word (谁牵头, 哪里先做) or a modifier before another noun (哪些出名的爱心妈妈)
//! is still answered. A count follow-up in a measure word the item counts with (多少批 of
//! 347批次) continues the item, and so does an English one in the item's words (so basically
//! one network for the whole city?).

use fuer_core::engine::Status;

use crate::support::check_after;

#[test]
fn a_follow_up_asking_a_thing_the_item_never_writes_is_related() {
    for (first, then, item) in [
        ("第三件大事讲的是什么", "这个系统是哪家公司做的", 3),
        ("妇儿大厦有多少人去过", "是哪家公司建的", 4),
        ("爱心妈妈结对关爱了多少儿童", "她们来自哪些公司", 8),
    ] {
        check_after(first, then, Status::Related, item, "");
    }
}

#[test]
fn a_follow_up_asking_a_thing_the_item_writes_is_answered() {
    for (first, then, item, phrase) in [
        ("第三件大事讲的是什么", "在哪些会议上作过经验交流", 3, "APEC"),
        ("第三件大事讲的是什么", "它获得了什么荣誉", 3, "十大案例"),
        ("爱心妈妈结对关爱了多少儿童", "有哪些出名的爱心妈妈", 8, "张燕"),
        ("妇儿大厦有多少人去过", "接待过哪些外宾团组", 4, "哥伦比亚"),
    ] {
        check_after(first, then, Status::Answered, item, phrase);
    }
}

/// A count follow-up asking a measure word (多少批) that a figure of the conversation's
/// item counts with (347批次) continues the item despite words the article never uses;
/// a question whose words are all foreign to the item is still a new one.
#[test]
fn a_count_follow_up_in_the_items_measure_word_continues_the_item() {
    for (first, then, item, phrase) in [
        ("妇儿大厦有外国人来过吗", "一共来过多少批参观的人", 4, "347"),
        ("妇儿大厦办了多少场活动", "来访的团一共有几批", 4, "347"),
    ] {
        check_after(first, then, Status::Answered, item, phrase);
    }
    let answer = crate::support::after("妇儿大厦办了多少场活动", "深圳明天有几批冷空气");
    assert_eq!(answer.status, Status::Declined, "{answer:?}");
}

/// An English follow-up without a question word whose content words are all the item's
/// translations', one of them a rare word of the item, goes on about the item; one of
/// words the article never uses does not.
#[test]
fn an_english_follow_up_in_the_items_words_continues_the_item() {
    for (first, then, item, phrase) in [
        (
            "what platforms is the women/kids rights protection system built on?",
            "so basically one network for the whole city?",
            3,
            "",
        ),
        (
            "How many visitors has the Shenzhen Women and Children Building had?",
            "Any foreign ones?",
            4,
            "哥伦比亚",
        ),
        (
            "How many nursing rooms are there?",
            "so basically in every public place?",
            5,
            "1480",
        ),
    ] {
        check_after(first, then, Status::Answered, item, phrase);
    }
    for (first, then) in [
        (
            "How many visitors has the Shenzhen Women and Children Building had?",
            "nice weather tomorrow?",
        ),
        ("母婴室有多少间", "推荐几个深圳好吃的餐厅"),
    ] {
        let answer = crate::support::after(first, then);
        assert_eq!(answer.status, Status::Declined, "{first} → {then}: {answer:?}");
    }
}
