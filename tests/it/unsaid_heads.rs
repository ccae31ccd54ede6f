//! What a question asks that the answering fact does not state (issue 13, "answered
//! although the question's head is not what the fact states"), in an article that answers
//! other attributes of the same topic (the imported 2025 article beside the shipped one):
//!
//! - the attribute asked right before the question word, of a kind the article never says
//!   (工资多少, 薪水多少), decides over a cue that only qualifies it (一个月, which this
//!   article answers with its fee per month);
//! - a figure asked of a place (福田区) needs a fitting fact that names the place where it
//!   gives its figures, not a sentence quoting someone from there; a keyword holding the
//!   whole place (福田区莲花街道) keeps it a place.
//!
//! Each is *related*; the questions the facts do answer stay answered.

use std::sync::OnceLock;

use fuer_bot::console::LocalConversation;
use fuer_core::engine::Status;
use fuer_core::library::Library;

use crate::support::two_articles;

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = two_articles();
        fuer_bot::cli::load_library(dir.path()).expect("both articles load")
    })
}

/// Asks each question on its own; checks its status and item, and that the reply holds
/// `says` (empty: anything).
fn check(lines: &[(&str, Status, u8, &str)]) {
    let library = library();
    for &(question, status, item, says) in lines {
        let mut conversation = LocalConversation::default();
        let routed = conversation.respond(library, question);
        let text = routed.response.reply.to_plain_text();
        let answer = routed.response.answer.expect("a question gets an answer");
        assert_eq!((answer.status, answer.item), (status, Some(item)), "{question}: {text}");
        assert!(text.contains(says), "{question}: expected {says:?} in {text}");
    }
}

#[test]
fn an_attribute_the_article_never_says_decides_over_the_cues_qualifying_it() {
    check(&[
        ("驿站看护人员每月工资多少", Status::Related, 8, ""),
        ("托管驿站的老师一个月薪水多少", Status::Related, 8, ""),
        ("托管驿站每个月收费多少", Status::Answered, 8, "300元"),
    ]);
}

#[test]
fn a_figure_asked_of_a_place_needs_a_fact_giving_figures_there() {
    check(&[
        ("福田区建了几个托管驿站", Status::Related, 8, ""),
        ("莲花街道有多少个托管驿站", Status::Related, 8, ""),
        ("龙华区试点设了多少个儿童心理驿站", Status::Answered, 2, "12个"),
        ("紫金县有多少个姐妹加入工坊", Status::Answered, 4, "42名"),
    ]);
}
