//! English follow-ups that name no topic of their own (issue 13, conversations): the item
//! is the conversation's, and the fact they ask about is the one whose English translation
//! shares their rare words (exhibition, relief, departments issued) — not the fact the
//! previous turn was about. A follow-up sharing only common words keeps the previous fact.

use fuer_core::engine::Status;

use crate::support::{after, check_after};

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

/// Class: an English turn whose content words no fact's translation (nor English keyword)
/// uses is a new question, not a follow-up, as a Chinese one bringing pairs the article
/// never uses is (深圳北站有没有): it is declined, not answered from the previous item.
#[test]
fn an_english_turn_of_words_the_article_never_uses_leaves_the_item() {
    for (first, then) in [
        (
            "How many nursing rooms are there?",
            "Where can I buy a transit card in Shenzhen?",
        ),
        (
            "How many nursing rooms are there?",
            "Is there a good dim sum restaurant nearby?",
        ),
        ("How many caring mothers are there?", "Where do I renew my visa?"),
        (
            "How many talks did the women federation give?",
            "Which hospital is best for a broken arm?",
        ),
    ] {
        let answer = after(first, then);
        assert_eq!(answer.status, Status::Declined, "{first} → {then}: {answer:?}");
    }
}

/// Class: an English district the article does not say the thing of ("in Futian too?",
/// as 福田有吗) is another place: the reply is *related*, not the item's facts as if they
/// held there. Written as the translation names it ("Pingshan District", the pilot
/// district, as the keyword 坪山区) it is the article's own place and is answered.
#[test]
fn an_english_district_is_checked_against_the_places_as_a_chinese_one_is() {
    let circle = "What is the five-minute rescue service circle?";
    for then in ["Is there one in Futian as well?", "Is there one in Luohu too?"] {
        let answer = after(circle, then);
        assert_eq!(answer.status, Status::Related, "{then}: {answer:?}");
    }
    let answer = after(circle, "How many communities in Pingshan District are covered?");
    assert_eq!(answer.status, Status::Answered, "{answer:?}");
    assert_eq!(answer.item, Some(10), "{answer:?}");
}

/// Class: an English turn opening with a yes/no word (can, does, is there) asks whether,
/// a kind of its own, as 「…吗」 does: it takes over no kind from the previous turn (a
/// count) however few words it has.
#[test]
fn an_english_yes_no_turn_takes_over_no_asked_kind() {
    for (first, then) in [
        ("How many caring mothers are there?", "can foreigners volunteer?"),
        ("How many nursing rooms are there?", "does it cost anything?"),
        (
            "How many talks did the women federation give?",
            "is it open to everyone?",
        ),
    ] {
        let answer = after(first, then);
        assert!(!answer.context_use.attribute, "{first} → {then}: {answer:?}");
    }
}
