//! Answering by meaning (issue 13), one table per class of question: which item a topic is
//! in, existence and yes/no questions, places the article names, needs in everyday words,
//! whole versus part, English.

use fuer_core::engine::{Answer, Status};

use crate::support::shipped_engine;

fn answer(question: &str) -> Answer {
    shipped_engine().answer(question)
}

/// Class 3: a question asking which item a topic is in is answered with the item, whatever
/// its ordinal words (第几件) say.
#[test]
fn which_item_a_topic_is_in_is_answered_with_the_item() {
    for (question, item) in [
        ("对口帮扶那件事是第几件", 2),
        ("母婴室是第几件大事", 5),
        ("哪件事讲的是爱心妈妈", 8),
        ("十件大事里哪条是讲女性就业的", 2),
        ("父出行动是十件事里哪件的", 6),
        ("十件大事入面边件係讲母婴室", 5),
        ("Which item is about the five-minute rescue circle?", 10),
        ("Which of the ten items is about nursing rooms?", 5),
    ] {
        let answer = answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Answered, Some(item)),
            "{question}: {answer:?}"
        );
        assert_eq!(
            answer.asked.map(|asked| asked.kind),
            Some("item".to_string()),
            "{question}"
        );
    }
}

/// Class 4: needs told in everyday words reach the item through the concept vocabulary
/// (`knowledge/concepts.toml`); off-topic questions stay declined.
#[test]
fn needs_in_everyday_words_reach_the_item() {
    for (question, item) in [
        ("想学怎么在网上卖东西", 9),
        ("出去打工孩子留在老家没人管", 8),
        ("孩子不去上学了天天在家待着", 6),
        ("想找个对象", 5),
        ("宝宝太小上班没人带", 5),
        ("生完孩子想找份时间灵活的工作", 2),
        ("被家暴了晚上没地方去", 10),
        ("孩子有自闭症怎么办", 8),
    ] {
        let answer = answer(question);
        assert_eq!(answer.item, Some(item), "{question}: {answer:?}");
        assert_ne!(answer.status, Status::Declined, "{question}");
    }
    for question in [
        "明天会不会刮台风",
        "附近哪里有好吃的",
        "房价什么时候降",
        "Will there be a typhoon tomorrow?",
    ] {
        assert_eq!(answer(question).status, Status::Declined, "{question}");
    }
}

/// Class 3: a place the article names (坪山区 the pilot district, 福田区 the partner of the
/// building's street project) is no "other place" where the question asks what the article
/// says of it; a count the article gives only for the whole city, asked for such a
/// district, stays related; places outside the article stay related.
#[test]
fn places_the_article_names_are_its_own() {
    for (question, item) in [
        ("坪山区", 10),
        ("坪山区做了什么", 10),
        ("坪山区有几个社区", 10),
        ("福田区参与了什么", 4),
        ("哪件事是在坪山区试点的", 10),
    ] {
        let answer = answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Answered, Some(item)),
            "{question}: {answer:?}"
        );
    }
    for (question, item) in [("福田区有多少母婴室", 5), ("香港有母婴室吗", 5)] {
        let answer = answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Related, Some(item)),
            "{question}: {answer:?}"
        );
    }
}

/// Class 2: an existence or yes/no question answered by a fact that plainly settles it
/// gets a lead (有 / 是的 / Yes); where the fact does not settle it, none (a "how many"
/// question gets the figure lead of issue 14 instead, see `languages.rs`).
#[test]
fn yes_no_questions_get_a_lead_only_where_the_fact_settles_it() {
    use fuer_core::engine::Lead;
    for (question, lead) in [
        ("有没有免费的HPV疫苗", Some(Lead::Exists)),
        ("有没有女科技工作者协会", Some(Lead::Exists)),
        ("妇儿大厦是不是叫万花筒", Some(Lead::Affirms)),
        ("爱心妈妈是不是每年都结对", None),
        ("妇儿大厦是不是叫彩虹桥", None),
        ("母婴室有多少间", None),
    ] {
        let answer = answer(question);
        let yes_no = answer.lead.clone().filter(|lead| lead.figure().is_none());
        assert_eq!(yes_no, lead, "{question}: {answer:?}");
    }
}
