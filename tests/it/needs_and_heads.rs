//! Answerable questions answered with the right item and the right fact (issue 13): needs
//! told in everyday words (Cantonese, English) reach the item through the concept
//! vocabulary; a which-question's head noun picks the fact saying that aspect; a count
//! question's counted keyword picks the fact whose figure counts it; a rank within the
//! province (处于什么水平) is answered by the rank the article gives.

use fuer_core::engine::{Answer, Status};

use crate::support::{first_fact, shipped_engine};

fn answer(question: &str) -> Answer {
    shipped_engine().answer(question)
}

/// Asserts an answered question's item and words of its first fact.
fn check_answered(question: &str, item: u8, first_fact_has: &str) {
    let answer = answer(question);
    assert_eq!(
        (answer.status, answer.item),
        (Status::Answered, Some(item)),
        "{question}: {answer:?}"
    );
    let fact = first_fact(&answer);
    assert!(fact.contains(first_fact_has), "{question}: first fact {fact}");
}

/// Needs in everyday words that never name the article's terms: Cantonese (细路, 嫲嫲,
/// 乡下), English (husband hits, kids building) and colloquial Mandarin (家长管不了,
/// 为小朋友改造过的).
#[test]
fn needs_in_everyday_and_dialect_words_reach_the_item() {
    for (question, item, fact) in [
        ("啲愛心媽媽結對關愛咗幾多個細路?", 8, "3698名"),
        ("個孫喺鄉下俾爺爺嫲嫲湊,深圳有冇人專門關心呢啲細路?", 8, "留守儿童"),
        ("My husband hits me. Where can I get help in Shenzhen?", 3, ""),
        ("辖区有孩子停学在家,家长管不了,有没有相关的服务?", 6, "停学"),
        (
            "带孩子出门,想知道哪些地方是专门为小朋友改造过的,这种点多不多?",
            7,
            "1000个",
        ),
        ("The big kids building, how many people visit already?", 4, "716万"),
        (
            "我是搞科研的女生,深圳有没有女科技人员的协会可以加入?",
            2,
            "女科技工作者协会",
        ),
        ("周末孩子没地方玩,深圳有没有专门给娃和家长去的大楼?", 4, ""),
        ("一户人家夫妻三天两头吵架，孩子夹在中间，妇联这边有什么能帮的", 6, ""),
        ("线上培训几场", 9, "线上课程培训4场"),
    ] {
        check_answered(question, item, fact);
    }
    for question in ["细路仔几点放学", "Will my husband get a raise?"] {
        assert_ne!(answer(question).status, Status::Answered, "{question}");
    }
}

/// A need told by whom it serves (带孩子的妈妈, 教家长怎么带娃的课) reaches its item: a keyword
/// near-matched only because a function word stands at its edge (带儿童的, 带儿童怎 are not
/// 带儿童玩) pulls no item, and teaching parents (教家长, 教爸妈, 带娃方法) is 家庭教育.
#[test]
fn a_need_told_by_whom_it_serves_reaches_its_item() {
    for (question, item, fact) in [
        ("适合带孩子的妈妈的那种灵活岗位,提供了多少个?", 2, "9019"),
        ("方便带孩子的时间灵活的工作有多少个", 2, "9019"),
        ("带孩子怎么找时间灵活的工作", 2, "妈妈岗"),
        ("教爸妈怎么带娃的课一年搞了多少场", 6, "1.8万场次"),
        ("教家长育儿方法的服务一共办了多少场次", 6, "1.8万场次"),
        ("教家长的活动覆盖了多少人", 6, "71万"),
    ] {
        check_answered(question, item, fact);
    }
}

/// A which-question asks for what its head noun names: the fact saying that aspect comes
/// first (哪份文件 → 《…》, 特色品牌 → 品牌), even past a keyword narrowing to another fact.
#[test]
fn a_which_questions_head_noun_picks_the_fact() {
    for (question, item, fact) in [
        ("深圳推进儿童友好城市建设依据的是哪份文件？", 7, "《关于先行示范"),
        ("关爱留守儿童有哪些特色品牌？", 8, "阳光守护"),
        (
            "Which policy document frames Shenzhen's child-friendly city work?",
            7,
            "《关于先行示范",
        ),
    ] {
        check_answered(question, item, fact);
    }
}

/// A count question counts the keyword of its head noun nearest the interrogative; the
/// ones before it, or a clause before it naming the same item, only frame it.
#[test]
fn a_count_questions_counted_keyword_picks_the_fact() {
    for (question, item, fact) in [
        ("在“三新”领域妇联组织里,直播领域的有多少个?", 9, "30个"),
        ("三新领域妇联组织里直播领域的有多少个", 9, "30个"),
        ("三新领域妇联组织有多少个", 9, "1767个"),
    ] {
        check_answered(question, item, fact);
    }
}

/// A rank within the province asked in other words (处于什么水平, 处于什么位置) is
/// answered by the rank the article gives (位居全省前列), not declined as a whole place.
#[test]
fn a_rank_within_the_province_is_answered_by_the_articles_rank() {
    for question in [
        "三新领域妇联组织的数量在全省处于什么水平",
        "“三新”领域妇联组织建了多少个?在全省处于什么位置?",
    ] {
        check_answered(question, 9, "位居全省前列");
    }
}

/// English questions name the article's things by the English of its facts (“Salute to
/// Her”, the streets around the building): the fact naming them answers, with its whose/which
/// head read as a which-question.
#[test]
fn english_names_of_the_articles_things_reach_the_fact() {
    for (question, item, fact) in [
        (
            "Whose stories were told in the \"Salute to Her\" exhibition?",
            1,
            "杜玉涛",
        ),
        (
            "Which outstanding women had their stories told in the \"Salute to Her\" exhibition?",
            1,
            "杜玉涛",
        ),
        (
            "Which item mentions the renovation of the streets around the building?",
            4,
            "福田区",
        ),
    ] {
        check_answered(question, item, fact);
    }
}
