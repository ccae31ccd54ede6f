//! Conversation turns (issue 13) that were answered wrongly or declined needlessly: a
//! follow-up asking what is inside the topic leads with the fact listing its parts (里面有啲咩,
//! what's inside it), one in dialect question words (有没得啥子) continues the item, and a count
//! of a thing the article never names (它有多少会员) is related, naming the item, not answered
//! with another figure of it. A follow-up pointing back (佢, 它) that asks an aspect (边个区)
//! said by another fact of the item than the one said before gets that fact; one asking
//! how a figure ranks (在全省是什么水平) is answered by the rank the article gives.

use fuer_core::engine::Status;

use crate::support::{check_after, last_of, shipped_library};

#[test]
fn a_follow_up_asking_what_is_inside_leads_with_the_parts() {
    for (first, then, item, phrase) in [
        ("妇儿大厦叫什么", "里面有啲咩", 4, "四大板块"),
        ("妇儿大厦叫什么", "里面有什么", 4, "四大板块"),
        (
            "What do locals call the Women and Children's Building?",
            "what's inside it?",
            4,
            "四大板块",
        ),
        ("妇儿大厦有多少人去过", "有哪些板块", 4, "四大板块"),
    ] {
        check_after(first, then, Status::Answered, item, phrase);
    }
}

#[test]
fn a_follow_up_in_dialect_question_words_stays_with_the_item() {
    for (first, then, item, phrase) in [
        ("娃儿自闭症,深镇有啥子帮忙的没得?", "有没得啥子关爱活动?", 8, "点亮星星"),
        ("孤独症儿童有什么帮助", "有没得啥子关爱活动", 8, "关爱活动"),
    ] {
        check_after(first, then, Status::Answered, item, phrase);
    }
}

/// The count of a thing the article never names is related on the conversation's item (or
/// the question's own); a count of what the article counts, or a rough figure (几百场), is
/// still answered.
#[test]
fn a_count_of_a_thing_the_article_never_names_is_related() {
    for (first, then, item) in [
        ("首个市级行业党委妇联是哪个?", "它有多少会员?", 9),
        ("三新领域妇联组织有多少个", "律师行业妇联有几多会员", 9),
        ("妇儿大厦是什么", "它有多少保安", 4),
    ] {
        check_after(first, then, Status::Related, item, "");
    }
    for (first, then, item, phrase) in [
        ("妇联宣讲是什么", "妇联去基层宣讲了几百场？", 1, "617"),
        ("三新领域妇联组织有多少个", "其中直播领域的呢", 9, "30个"),
        ("首个市级行业党委妇联是哪个?", "在直播领域建了多少个妇联组织", 9, "30个"),
    ] {
        check_after(first, then, Status::Answered, item, phrase);
    }
}

#[test]
fn a_follow_up_pointing_back_finds_the_fact_saying_the_aspect_it_asks() {
    for (turns, item, phrase) in [
        (
            &[
                "深圳婦兒大廈開咗之後，有幾多人去過？",
                "咁佢搞過幾多場活動呀？",
                "佢係邊個區㗎？",
            ][..],
            4,
            "福田区",
        ),
        (
            &["妇儿大厦有多少人去过", "它办了多少场活动", "它在哪个区"][..],
            4,
            "福田区",
        ),
        (
            &["三新领域妇联组织有多少个", "这个数在全省是什么水平？"][..],
            9,
            "位居全省前列",
        ),
    ] {
        let answer = last_of(turns);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Answered, Some(item)),
            "{turns:?}: {answer:?}"
        );
        let engine = shipped_library().engines().first().expect("an engine");
        let fact = &engine.knowledge().items[usize::from(item) - 1].facts[answer.facts[0]].text;
        assert!(fact.contains(phrase), "{turns:?}: {fact}");
    }
}
