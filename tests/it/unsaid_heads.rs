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

use fuer_core::engine::Status;

use crate::support::check_each_on_two_articles as check;

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
