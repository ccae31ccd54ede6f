//! English heads on an imported article (issues 13 and 16), whose draft keywords are the
//! glossary's English (hotline, book, sign up), some of them also cue words of kinds the
//! article never answers:
//!
//! - a keyword that is the only cue of its kind, in a question with no wh-word asking
//!   whether the thing exists (is there a hotline …) or, opening with an auxiliary, what it
//!   does (is the hotline staffed …), is the thing asked about, not a contact detail asked;
//!   beside another cue of its kind (a phone number for the hotline) or after a wh-word
//!   (what's the hotline number) it still asks;
//! - after an English word that governs the rest (how many, number of, where), a noun cue
//!   is the counted thing or the event placed (the number of books, where did the league
//!   open), unless its own kind is asked with that word (where is the nearest …: an address).

use fuer_core::engine::Status;

use crate::support::check_each_on_two_articles as check;

#[test]
fn a_keyword_whose_existence_or_doing_is_asked_is_no_detail_asked() {
    check(&[
        (
            "Is there a psychological hotline that children can call?",
            Status::Answered,
            2,
            "心晴童伴",
        ),
        (
            "Is the children's hotline run by trained counsellors?",
            Status::Answered,
            2,
            "86名",
        ),
        (
            "Are there any hotline volunteers taking calls at night?",
            Status::Answered,
            2,
            "24小时",
        ),
    ]);
}

#[test]
fn a_keyword_asked_beside_its_detail_still_asks_the_detail() {
    check(&[
        (
            "Is there a phone number for the children's psychological hotline?",
            Status::Related,
            2,
            "",
        ),
        (
            "What's the psychological hotline number for kids?",
            Status::Related,
            2,
            "",
        ),
    ]);
}

#[test]
fn after_an_english_governing_word_a_noun_cue_narrows() {
    check(&[
        (
            "Where did the women's league open its first season?",
            Status::Answered,
            7,
            "深圳湾体育中心",
        ),
        (
            "What was the number of books added to the children's libraries?",
            Status::Answered,
            5,
            "38万",
        ),
        (
            "Where is the nearest children's library branch to my home?",
            Status::Related,
            5,
            "",
        ),
    ]);
}
