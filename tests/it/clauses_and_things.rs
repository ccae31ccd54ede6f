//! Answering by meaning (issue 13), the classes of the fourth tuning round, one table each:
//! a clause that only tells the asker's situation yields to the clause that asks; an
//! existence question about a thing the article never names is *related*; a date asked is
//! not answered by a year; the noun the question asks about decides which fact answers; a
//! count of a mistyped keyword counts the keyword; the English names of the translations
//! reach their facts.

use fuer_core::engine::{Answer, Status};

use crate::support::{check_first_fact as check, shipped_engine};

fn answer(question: &str) -> Answer {
    shipped_engine().answer(question)
}

/// A clause with no question word tells the asker's situation (失业, 单亲妈妈, 被欺负):
/// its strong word does not pull the answer away from the item the asking clause names,
/// or the need told just before a question naming no topic (想学直播卖货，有没有培训).
/// Two topics asked each in a clause of their own stay two parts; a clause asking about
/// the telling one (是线上线下合计吗) keeps it.
#[test]
fn a_clause_that_only_tells_yields_to_the_clause_that_asks() {
    for (question, item, phrase) in [
        ("我刚失业了，想学直播卖货，有没有培训", 9, "直播带货"),
        ("家里老公失业了，想学网上开店，有课吗", 9, "直播带货"),
        ("我是单亲妈妈，想找个时间灵活的工作，有这样的岗位吗", 2, "妈妈岗"),
        ("单亲妈妈带娃，只能做灵活的工作，有合适的吗", 2, "妈妈岗"),
        ("孩子在学校被欺负了，附近有没有能就近救助的地方", 10, ""),
        // Telling and asking about the same item: the telling clause still narrows.
        ("我是单亲妈妈，家里困难，有没有救助", 5, "单亲"),
        ("直播带货培训覆盖12154人次，是线上线下合计吗", 9, "12154"),
    ] {
        check(question, Status::Answered, item, phrase);
    }
    let both = answer("母婴室有多少间，爱心妈妈有多少人");
    assert_eq!(both.item, Some(5), "{both:?}");
    assert!(
        both.more.iter().any(|part| part.item == 8),
        "two asking clauses are two parts: {both:?}"
    );
}

/// 「X有没有Y」 where Y is a thing the article never names (热水, 停车场, 尿布台): the
/// facts of X say nothing of it, so the reply is related. Y naming help in general
/// (人管, 帮手), a question word (啥), or an everyday phrase of a keyword (喂奶的地方)
/// is no such thing.
#[test]
fn an_existence_question_about_a_thing_the_article_never_names_is_related() {
    for (question, item) in [
        ("母婴室有没有热水", 5),
        ("妇儿大厦有没有停车场", 4),
        ("母婴室有冇尿布台", 5),
    ] {
        check(question, Status::Related, item, "");
    }
    for (question, item) in [
        ("母婴室有没有人管", 5),
        ("自闭症有冇帮手", 8),
        ("妇儿大厦有没有活动", 4),
        ("政务中心里有没有喂奶的地方", 5),
    ] {
        check(question, Status::Answered, item, "");
    }
}

/// A day asked (哪天, 几月几号) is not answered by a year (2024年): the article gives no
/// dates. A year asked is.
#[test]
fn a_date_asked_is_not_answered_by_a_year() {
    for (question, item) in [
        ("集体婚礼是几月几号", 6),
        ("妇儿大厦哪一天开业", 4),
        ("儿童友好社区日是哪一天", 7),
    ] {
        check(question, Status::Related, item, "");
    }
    check("集体婚礼是哪一年办的", Status::Answered, 6, "2024年");
}

/// The noun the interrogative governs (着力点, 运营模式) decides which of the item's facts
/// answers, over words the facts share with the topic's name.
#[test]
fn the_asked_noun_decides_the_fact() {
    for (question, item, phrase) in [
        ("五分钟妇儿救助服务圈的着力点是什么", 10, "着力点"),
        ("五分钟救助圈的着力点在哪", 10, "着力点"),
        ("妇儿大厦的运营模式是什么", 4, "运营模式"),
    ] {
        check(question, Status::Answered, item, phrase);
    }
}

/// A count of a mistyped keyword (留手儿童, 母音室) counts what the keyword names: the
/// figure followed by the keyword's words answers it.
#[test]
fn a_count_of_a_mistyped_keyword_counts_the_keyword() {
    for (question, item, phrase) in [
        ("爱心马妈管了几个留手儿童", 8, "3698名"),
        ("爱心妈妈结对了几个留手儿童", 8, "3698名"),
        ("母音室有几间", 5, "1480间"),
    ] {
        check(question, Status::Answered, item, phrase);
    }
    // Written right, it stays as written (困境儿童, not a near keyword 困难儿童): a whole
    // asked of a part stays related.
    check("深圳一共有多少困境儿童", Status::Related, 8, "");
}

/// The English names the facts' translations give the article's named things
/// (“Child-Friendly Community Day” (儿童友好社区日)) reach their facts, as their Chinese
/// names do.
#[test]
fn english_names_of_the_translations_reach_their_facts() {
    for (question, item, phrase) in [
        ("How many Child-Friendly Community Day events were held?", 7, "600余场"),
        ("What is the Extraordinary Families Plan?", 8, "非凡家庭计划"),
        ("Tell me about Love in Pengcheng", 5, "鹏城有爱"),
        ("What is Her Power in Sci-Tech Innovation?", 2, "科创她力量"),
        ("What are the Parents' Performance Report Meetings?", 6, "父母述职大会"),
    ] {
        check(question, Status::Answered, item, phrase);
    }
}

/// Foreign visitors in everyday words (外国客人, 老外, foreigners; the concept vocabulary's
/// 外宾) reach the fact that names the article's foreign delegations, while 外国 asking about
/// a thing the article counts only for Shenzhen stays another place (*related*).
#[test]
fn foreign_visitors_in_everyday_words_reach_the_delegations() {
    for question in [
        "有哪些外国客人去过妇儿大厦",
        "有冇外國人嚟過妇儿大厦",
        "妇儿大厦有老外来参观过吗",
        "Have any foreigners visited the Women and Children Building?",
    ] {
        check(question, Status::Answered, 4, "哥伦比亚");
    }
    check("外国有没有母婴室", Status::Related, 5, "");
}
