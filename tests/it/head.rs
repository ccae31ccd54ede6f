//! The head of a question decides what is asked (issue 13, class 1): the interrogative and
//! the noun it governs; a noun cue elsewhere is a modifier that may narrow the facts but never
//! makes an answerable question unanswerable; a cue inside a keyword of the question is no cue.

use fuer_core::engine::Status;

use crate::support::{check_first_fact as check, shipped_engine};

#[test]
fn a_noun_cue_that_only_modifies_a_yes_no_question_does_not_decide_it() {
    for (question, item, fact) in [
        ("爱心妈妈是不是每年都结对", 8, "结对关爱"),
        ("深圳是不是每年都参加世界儿童日亮灯", 7, "连续8年"),
        ("附近有没有能临时保护妇女儿童的地方", 10, "临时保护中心"),
        ("政务中心里有没有喂奶的地方", 5, "政务服务中心"),
        ("是不是每个社区都有妇儿临时保护中心", 10, "临时保护中心"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn a_cue_inside_a_keyword_of_the_question_is_no_cue() {
    for (question, item, fact) in [
        ("Is there any campaign against high bride prices?", 6, "彩礼"),
        ("习近平总书记关于妇女工作的重要论述是怎么学习的", 1, "总书记"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn a_noun_the_question_asks_about_still_decides() {
    for (question, item) in [
        ("妇儿大厦门票多少钱", 4),
        ("母婴室是不是收费的", 5),
        ("离我最近的母婴室在哪", 5),
        ("救助金每个人能领多少", 5),
        ("妇儿大厦周末开放吗", 4),
        ("爱心妈妈每月有补贴吗", 8),
        ("What are the opening hours of the Women and Children Building?", 4),
    ] {
        check(question, Status::Related, item, "");
    }
}

#[test]
fn explain_shows_the_head_and_each_modifier() {
    let explained = shipped_engine().explain("爱心妈妈是不是每年都结对");
    assert!(explained.contains("head: interrogative \"是不是\""), "{explained}");
    assert!(explained.contains("governs \"每年都结对\""), "{explained}");
    assert!(
        explained.contains("modifier \"每年\" (per_person): not what is asked"),
        "{explained}"
    );
    assert!(
        explained.contains("does not narrow: the article never says such things"),
        "{explained}"
    );
    let inside = shipped_engine().explain("Is there any campaign against high bride prices?");
    assert!(
        inside.contains("modifier \"price\" (price): inside a keyword"),
        "{inside}"
    );
    let quantity = shipped_engine().explain("全市建了多少间母婴室");
    assert!(
        quantity.contains("head: interrogative \"多少\" (quantity); governs \"母婴室\""),
        "{quantity}"
    );
}

/// A price or a reimbursement asked (要多少钱, 能报销多少, 治疗费) is a price the article never
/// gives, even where another cue (自费: whether it is free) comes first or a count word
/// (多少) would find a figure: the reply is related, with what the article does say.
#[test]
fn a_price_or_reimbursement_asked_is_related() {
    for (question, item) in [
        ("HPV疫苗自费要多少钱", 5),
        ("两癌筛查查出问题后治疗费能报销多少", 5),
        ("母婴室用一次需要多少钱", 5),
        ("去妇儿大厦玩得多少钱", 4),
    ] {
        check(question, Status::Related, item, "");
    }
}

/// A rank asked within a whole the city is part of (全省排第几名) is answered only by a fact
/// giving a rank within that whole (全省首个); 位居全省前列 gives no rank, and a rank within
/// the city (全市首个网络妇联) is no rank in the province.
#[test]
fn a_rank_within_a_whole_is_answered_only_by_a_rank_in_it() {
    for (question, status, item, fact) in [
        ("三新领域妇联组织全省排第几名", Status::Related, 9, ""),
        ("三新领域1767个妇联组织具体排全省第几名", Status::Related, 9, ""),
        ("家庭教育指导共建基地是全省第几个", Status::Answered, 6, "全省首个"),
    ] {
        check(question, status, item, fact);
    }
}

/// A duration asked in a unit the cue names (几天, 多少个小时) is answered only by a figure in
/// that unit or its class (钟头 for 小时): the five minutes of the rescue circle do not say
/// how many days a shelter keeps anyone; 多久 takes any duration.
#[test]
fn a_duration_asked_in_a_named_unit_is_answered_only_in_that_unit() {
    for (question, status, item, fact) in [
        ("妇儿临时保护中心能住几天", Status::Related, 10, ""),
        ("妇儿临时保护中心最多能住多少天", Status::Related, 10, ""),
        ("五分钟救助圈是几分钟能到", Status::Answered, 10, "五分钟"),
        ("五分钟救助圈多久能到", Status::Answered, 10, "五分钟"),
    ] {
        check(question, status, item, fact);
    }
}

/// A count asked of a thing (多少个妇儿临时保护中心) is not answered by a figure of the same
/// measure word that counts another thing the fact names beside it (24个社区: the communities
/// covered, not the centres): the article does not give that count. A figure counting the
/// thing, or one with nothing after it, still answers.
#[test]
fn a_count_is_not_answered_by_a_figure_counting_another_thing() {
    for (question, status, item, fact) in [
        ("坪山区一共建了多少个妇儿临时保护中心", Status::Related, 10, ""),
        ("五分钟救助服务圈目前建了多少个临时保护中心", Status::Related, 10, ""),
        ("坪山有多少个社区", Status::Answered, 10, "24个社区"),
        ("直播领域建立了多少个妇联组织", Status::Answered, 9, "30个"),
        ("儿童友好建设点有多少个", Status::Answered, 7, "1000个"),
    ] {
        check(question, status, item, fact);
    }
}

/// A cue setting the time (明年: `scope = true` in questions.toml) before the question word
/// decides what is asked, even where a count follows: the article does not cover next year.
/// After the question word, or in the asker's own plans (我们明年结婚), it tells the asker's
/// situation and the question is answered.
#[test]
fn a_time_cue_before_the_question_word_sets_the_time_asked() {
    for (question, status, item, fact) in [
        ("明年计划再建多少个儿童友好建设点", Status::Related, 7, ""),
        ("集体婚礼明年还办吗", Status::Related, 6, ""),
        ("女大学生岗位有多少个啊?我姐明年毕业", Status::Answered, 2, "1.4万"),
        (
            "我们明年结婚，听说有集体婚礼，去年深圳几对参加",
            Status::Answered,
            6,
            "75对",
        ),
    ] {
        check(question, status, item, fact);
    }
}

/// A figure the question gives as a lower bound (六百多场) is the asker's guess to check: it
/// does not pull the question to another item holding the same round digits (600余场) over the
/// keyword naming the topic (宣讲活动); with that item's own keyword it still finds it.
#[test]
fn an_approximate_figure_does_not_outweigh_the_topic_named() {
    for (question, item, fact) in [
        ("宣讲活动真的搞了六百多场吗", 1, "617场次"),
        ("儿童友好社区日活动有六百多场吗", 7, "600余场"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

/// Places and Cantonese wording are read like the rest: a Shenzhen district the article does
/// not name, in English (Nanshan, Longgang), is another place; 畀钱 asks whether it is free.
#[test]
fn other_districts_in_english_and_cantonese_cues_are_read() {
    for (question, item) in [
        ("Which parks in Nanshan have been made child-friendly?", 7),
        ("How many nursing rooms are there in Longgang?", 5),
        ("Which other districts will get the five-minute rescue circle next?", 10),
        ("妇儿临时保护中心要唔要畀钱", 10),
    ] {
        check(question, Status::Related, item, "");
    }
}

/// A change from another year (比前一年多了多少, 同比, than last year: the kind `change`, a
/// scope kind) is asked only of what the article says; it gives each year's figure alone,
/// so the reply is related. A difference between two figures it states (线下比线上多了几场)
/// is still answered.
#[test]
fn a_change_from_another_year_is_related() {
    for (question, status, item, fact) in [
        ("家风服务覆盖71万余人，比前一年多了多少？", Status::Related, 6, ""),
        ("母婴室数量同比增长了吗", Status::Related, 5, ""),
        ("How many more nursing rooms than last year?", Status::Related, 5, ""),
        ("线下培训比线上多了几场", Status::Answered, 9, "15场"),
    ] {
        check(question, status, item, fact);
    }
}

/// The outcome of a measure (多少女性成功入职, 查出了多少病例: the kind `outcome`) is answered
/// only by a fact saying it (入职, 检出); the jobs offered or the screenings done are not it.
/// What the article does count is still answered.
#[test]
fn an_outcome_the_article_does_not_state_is_related() {
    for (question, status, item, fact) in [
        ("这些招聘会最后有多少女性成功入职？", Status::Related, 2, ""),
        ("两癌筛查查出了多少病例", Status::Related, 5, ""),
        ("招聘会提供了多少岗位", Status::Answered, 2, "2.3万"),
        ("两癌筛查做了多少例", Status::Answered, 5, "208.8万例"),
    ] {
        check(question, status, item, fact);
    }
}
