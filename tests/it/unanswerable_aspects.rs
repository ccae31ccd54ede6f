//! Aspects a question asks that the matched fact cannot state (issue 13, wrong answers on
//! out-of-scope questions): a duration or a date that only a numeral inside a name seems to
//! give (五分钟救助服务圈 answers no 多久), the name of a thing a fact only mentions (出台……
//! 的政策性文件 gives no name), what a person named in a list does for a living, where she
//! lives. Each is *related*, naming what is missing; the questions the facts do
//! answer stay answered.

use fuer_core::dialogue::{Request, Speak, respond_in_context};
use fuer_core::engine::Status;
use fuer_core::lang::Lang;

use crate::support::{check_missing_or_fact as check, shipped_engine};

#[test]
fn a_numeral_inside_a_name_states_no_duration() {
    for (question, item) in [
        ("临时保护中心一次最多能住多久", 10),
        ("五分钟救助服务圈的临时保护中心能待几天", 10),
        ("How long can a woman stay at the temporary protection centre?", 10),
    ] {
        check(question, Status::Related, item, "时长");
    }
}

#[test]
fn durations_dates_and_ordinals_the_article_writes_are_answered() {
    for (question, item, fact) in [
        ("第几次全市妇女儿童工作会议", 1, "第七次"),
        ("深圳连续几年参与世界儿童日亮灯活动", 7, "连续8年"),
        ("儿童友好型城市的意见是哪几年的", 7, "2021-2025年"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn the_name_of_a_thing_a_fact_only_mentions_is_not_in_the_article() {
    for (question, item) in [
        ("关爱孤独症儿童的政策性文件叫什么名字", 8),
        ("支持孤独症儿童家庭的那份政策性文件的名称是什么", 8),
    ] {
        check(question, Status::Related, item, "名称");
    }
}

#[test]
fn a_name_the_facts_clause_writes_is_answered() {
    for (question, item, fact) in [
        ("孤独症儿童家庭支持服务的计划叫什么名字", 8, "非凡家庭计划"),
        ("致敬女性的宣传展览叫什么名字", 1, "美丽生活季"),
        ("深圳首个网络妇联叫什么名字", 9, "深圳妈妈网妇联"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn what_a_person_named_in_a_list_does_or_where_she_lives_is_not_said() {
    for (question, item, label) in [
        ("杜玉涛靠什么为生", 1, "负责人或职务"),
        ("张燕住哪", 8, "具体地址"),
        ("廖雪梅住在哪里", 8, "具体地址"),
    ] {
        check(question, Status::Related, item, label);
    }
}

#[test]
fn the_english_reply_names_the_missing_name() {
    let engine = shipped_engine();
    let question = "关爱孤独症儿童的政策性文件叫什么名字";
    let reply = respond_in_context(engine, Request::Question(question), None, Speak::Only(Lang::English)).reply;
    let text = reply.to_plain_text();
    assert!(text.contains("name"), "{question}: {text}");
}

#[test]
fn a_place_asked_by_its_rank_needs_a_fact_naming_one() {
    // 哪个区 / 哪些区: 社区, 城中村 name no district, and the district the question itself
    // names (除坪山外) is not another one.
    for (question, item) in [
        ("哪个区的儿童友好建设点最多", 7),
        ("母婴室最多的是哪个区", 5),
        ("五分钟救助服务圈除坪山外还推广到了哪些区", 10),
    ] {
        check(question, Status::Related, item, "地点");
    }
}

#[test]
fn a_place_of_the_asked_rank_the_article_names_is_answered() {
    for (question, item, fact) in [
        ("五分钟救助服务圈在哪个区试点", 10, "坪山区"),
        ("妇儿大厦和哪个区一起推进周边街区改造", 4, "福田区"),
        ("对口帮扶的是哪个县", 2, "海丰县"),
        ("对口帮扶的是哪个城市", 2, "汕尾市"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn a_goal_figure_does_not_say_what_was_actually_reached() {
    for question in [
        "儿童友好社区覆盖率实际达到了百分之多少",
        "儿童友好社区的覆盖率真正达到了多少",
        "What was the actual coverage rate of child-friendly communities?",
    ] {
        check(question, Status::Related, 7, "实际达到的数字");
    }
}

#[test]
fn a_goal_figure_answers_the_rate_or_the_goal_asked() {
    for question in [
        "儿童友好社区覆盖率达到多少",
        "儿童友好社区覆盖率60%是年度目标还是实际达成值",
    ] {
        check(question, Status::Answered, 7, "60%");
    }
}

#[test]
fn one_half_of_a_paired_whole_is_not_counted_by_the_whole() {
    // 线上线下开展宣讲活动617场次 counts both halves together.
    for question in ["宣讲活动里线上的有多少场", "宣讲活动线下办了多少场"] {
        check(question, Status::Related, 1, "");
    }
}

#[test]
fn a_half_the_article_counts_alone_or_both_halves_are_answered() {
    for (question, item, fact) in [
        ("线上线下宣讲多少场", 1, "617场次"),
        ("线下直播带货培训办了几场", 9, "15场"),
        ("直播带货线上课程培训几场", 9, "4场"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn a_locative_between_the_topic_and_the_asking_words_keeps_an_unnamed_thing_unnamed() {
    for (question, thing) in [("母婴室里头有没有热水", "热水"), ("母婴室里面有没有尿布台", "尿布台")]
    {
        check(question, Status::Related, 5, thing);
    }
    check("妇儿大厦里头有没有市集", Status::Answered, 4, "市集");
}
