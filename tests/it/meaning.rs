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
