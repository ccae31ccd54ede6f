//! English questions of several sentences are read by the sentence that asks (issue 13,
//! `engine/english_sentences.rs`): a self-introduction (I'm a nanny …, my friend is a helper
//! who …) or a yes/no question before the one with a wh-word is context, so a group of
//! people named there asks no condition, a place named there is not the scope, and its cue
//! words decide nothing; a sentence after the question that asks nothing (my employer asked
//! me) is context too. A cue word joined by hyphens to another (school-age) describes the
//! noun after it and is no cue.

use fuer_core::engine::Status;

use crate::support::check_first_fact as check;

#[test]
fn a_self_introduction_before_the_question_is_context() {
    for (question, item, phrase) in [
        (
            "I'm a nanny from Indonesia. How many mother-and-baby rooms does Shenzhen have in public places?",
            5,
            "1480",
        ),
        (
            "We're migrant workers in Longhua. How many people took the free livestream selling training?",
            9,
            "12154",
        ),
        (
            "My friend is a helper who wants to learn online selling. How many people joined the livestream training?",
            9,
            "12154",
        ),
        (
            "I'm a cleaner who works near Futian. How many nursing rooms are there in Shenzhen?",
            5,
            "1480",
        ),
    ] {
        check(question, Status::Answered, item, phrase);
    }
}

#[test]
fn a_place_of_a_context_sentence_is_not_the_scope() {
    for (question, item, phrase) in [
        (
            "My daughter loves the kaleidoscope building in Futian. How many delegations has it received?",
            4,
            "347",
        ),
        (
            "I visited the Women and Children Building in Futian last week. How many public events has it held?",
            4,
            "1458",
        ),
    ] {
        check(question, Status::Answered, item, phrase);
    }
    // Named in the sentence that asks, the place stays the scope.
    check(
        "I live in Nanshan. How many child-friendly sites does Nanshan have?",
        Status::Related,
        7,
        "",
    );
}

#[test]
fn the_later_wh_question_decides_over_a_yes_no_one() {
    for (question, item, phrase) in [
        (
            "Is the HPV vaccine given to school-age girls for free? How many doses did they give last year?",
            5,
            "4.2万",
        ),
        (
            "Is it true girls of school-age get HPV shots? How many doses in 2024?",
            5,
            "4.2万",
        ),
        (
            "Are there nursing rooms in the metro? How many were built in total?",
            5,
            "1480",
        ),
        (
            "Are full-time working mums offered jobs at the fairs? How many mom jobs were there?",
            2,
            "9019",
        ),
        (
            "How many mother-and-baby rooms are there in Shenzhen? My employer asked me.",
            5,
            "1480",
        ),
    ] {
        check(question, Status::Answered, item, phrase);
    }
    // One sentence asking about a group the fact does not name still asks the condition.
    check(
        "I'm a domestic helper. Is the HPV vaccine free for adult women like me?",
        Status::Related,
        5,
        "",
    );
}

#[test]
fn a_cue_inside_a_hyphenated_compound_is_no_cue() {
    check(
        "Do school-age girls get free HPV shots in Shenzhen?",
        Status::Answered,
        5,
        "HPV",
    );
    check(
        "Can first-time mums find mom jobs at the job fairs?",
        Status::Answered,
        2,
        "9019",
    );
}
