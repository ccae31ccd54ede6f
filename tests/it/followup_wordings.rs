//! Follow-up wordings that once lost an answerable question (issue 13): internet spellings
//! of everyday words (孩纸, 神马, 有木有) read as the words they stand for, an everyday word
//! for an article's term (牌子 for 品牌) reaches the term, and a whole asked of what those
//! the conversation spoke of did (她们一共帮了多少孩子) is the figure's own total.

use fuer_core::engine::Status;

use crate::support::{check_after, first_fact, shipped_engine};

/// An internet spelling answers as the word it stands for: same status, item and facts.
#[test]
fn internet_spellings_read_as_the_words_they_stand_for() {
    for (spelled, standard) in [
        ("孤独症孩纸有神马帮助", "孤独症孩子有什么帮助"),
        ("女孩纸打HPV疫苗免费吗", "女孩子打HPV疫苗免费吗"),
        ("肿么去妇儿大厦", "怎么去妇儿大厦"),
        ("商场里有木有喂奶的地方", "商场里有没有喂奶的地方"),
        ("帮留守孩纸的爱心妈妈有多少", "帮留守孩子的爱心妈妈有多少"),
        ("妇儿大厦有神马板块", "妇儿大厦有什么板块"),
    ] {
        let (a, b) = (shipped_engine().answer(spelled), shipped_engine().answer(standard));
        assert_eq!(
            (a.status, a.item, first_fact(&a)),
            (b.status, b.item, first_fact(&b)),
            "{spelled} / {standard}"
        );
        assert_ne!(a.status, Status::Declined, "{spelled}");
    }
}

/// An everyday word for an article's term (牌子 for 品牌) keeps a follow-up on the
/// conversation's item and reaches the fact writing the term.
#[test]
fn an_everyday_word_for_a_term_reaches_it() {
    for (first, then, item, phrase) in [
        ("爱心妈妈有多少", "她们有哪些出名的牌子", 8, "阳光守护"),
        ("爱心妈妈结对了多少留守儿童", "有什么特色的关爱牌子", 8, "阳光守护"),
        ("妇儿大厦在哪个区", "周边打造了什么牌子的街区", 4, "品牌街区"),
    ] {
        check_after(first, then, Status::Answered, item, phrase);
    }
}

/// A whole asked of what they did (她们, they, 佢哋 before the question word) is answered
/// by the figure of what they did; without the pronoun, a whole of the population the
/// figure only counts a part of is still related.
#[test]
fn a_whole_asked_of_what_they_did_is_their_figure() {
    for (first, then) in [
        ("爱心妈妈有多少", "她们一共照顾了多少个孩子"),
        ("爱心妈妈有多少", "她们加起来帮了多少小朋友"),
        ("爱心妈妈有多少", "佢哋一共帮咗几多个细路"),
        (
            "How many Caring Mothers are there?",
            "How many children did they help altogether?",
        ),
    ] {
        check_after(first, then, Status::Answered, 8, "3698");
    }
    for (first, then) in [
        ("爱心妈妈有多少", "深圳一共有多少留守儿童"),
        ("爱心妈妈有多少", "全深圳所有留守儿童一共多少个"),
    ] {
        check_after(first, then, Status::Related, 8, "");
    }
}
