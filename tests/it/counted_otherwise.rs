//! Counts asked in other words than the fact's (issues 13/16): the question's measure word
//! ends the fact's longer one (几块 → 四大板块), or the counted noun is written with a
//! variant, a same-sound typo or after other words of the fact's noun phrase (几个砖家 →
//! 120名家庭教育专家). The fact that holds the count answers; the counts the article never
//! gives stay unanswered.

use fuer_core::engine::Status;

use crate::support::{check_each_on_two_articles, check_first_fact};

/// A measure word the fact writes inside a longer one (板块 for 块) still asks for that count.
#[test]
fn a_measure_word_inside_the_facts_longer_one_fits() {
    for question in ["妇儿大厦里头分几块", "万花筒大厦分几大块来运营"] {
        check_first_fact(question, Status::Answered, 4, "四大板块");
    }
}

/// The counted noun written with a same-sound typo, a Cantonese variant, or as the last word
/// of the fact's noun phrase (120名家庭教育专家 counts 专家), with the general measure word 个.
#[test]
fn a_counted_noun_written_otherwise_fits() {
    check_each_on_two_articles(&[
        ("家庭教育讲师团里一共几个专家", Status::Answered, 10, "120名"),
        ("讲师团请了多少个专佳来讲课", Status::Answered, 10, "120名"),
        ("钟秀兰帶咗幾個姊妹入工坊", Status::Answered, 4, "42名"),
    ]);
    check_first_fact("去年爱心妈妈结对了多少个困境儿童", Status::Answered, 8, "3698名");
}

/// A name's numeral (五分钟) counts nothing written after it: a count the article never
/// gives stays unanswered.
#[test]
fn a_names_numeral_does_not_count_the_noun_after_it() {
    let answer = crate::support::shipped_engine().answer("坪山一共建了几个妇儿临时保护中心啊");
    assert_ne!(answer.status, Status::Answered, "{answer:?}");
}
