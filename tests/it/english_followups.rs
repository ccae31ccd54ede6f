//! English follow-ups that name no topic of their own (issue 13, conversations): the item
//! is the conversation's, and the fact they ask about is the one whose English translation
//! shares their rare words (exhibition, relief, departments issued) — not the fact the
//! previous turn was about. A follow-up sharing only common words keeps the previous fact.

use fuer_core::engine::Status;

use crate::support::check_after;

#[test]
fn an_english_follow_up_reaches_the_fact_by_its_translations_words() {
    for (first, then, item, phrase) in [
        (
            "How many talks did the women federation give?",
            "Who was featured in the exhibition?",
            1,
            "美丽生活季",
        ),
        (
            "How many nursing rooms are there?",
            "How much relief money was given out?",
            5,
            "救助金",
        ),
        (
            "How many caring mothers are there?",
            "How many departments issued the implementation plan?",
            8,
            "8部门",
        ),
    ] {
        check_after(first, then, Status::Answered, item, phrase);
    }
}

#[test]
fn an_english_follow_up_of_common_words_keeps_the_fact() {
    for (first, then, item, phrase) in [
        (
            "How many nursing rooms are there?",
            "how many are there in total?",
            5,
            "1480",
        ),
        (
            "How many talks did the women federation give?",
            "how many were there?",
            1,
            "617",
        ),
    ] {
        check_after(first, then, Status::Answered, item, phrase);
    }
}
