//! Details a question asks that the matched fact does not state (issue 13, tune19's wrong
//! answers): the venue of an event, an amount per household or per day, the size of a
//! building, the next session of a course, the exact figure where the fact gives a goal,
//! a thing asked with 有没有 whose last word the article never writes, a count of a thing
//! the article never names asked beside a clause telling the asker's situation. Each is
//! *related*, naming what is missing; the questions the facts do answer stay answered.

use fuer_core::engine::Status;

use crate::support::check_missing_or_fact as check;

#[test]
fn a_detail_the_fact_does_not_state_is_related() {
    for (question, item, label) in [
        ("75对新人的集体婚礼在什么场地举行的", 6, "具体地址"),
        ("科创她力量交流活动是在哪个场地搞的", 2, "具体地址"),
        ("贫困妇儿救助金一天能领多少钱", 5, "每人的标准"),
        ("妇儿大厦占地多大", 4, "面积或大小"),
        (
            "How many floors does the Women and Children's Building have?",
            4,
            "面积或大小",
        ),
        ("When is the next job fair for mothers?", 2, "今后的安排"),
        ("When's the next free livestream course?", 9, "今后的安排"),
        ("儿童友好社区覆盖率确切是多少", 7, "实际达到的数字"),
        ("妈妈岗一个月工钱多少", 2, ""),
    ] {
        check(question, Status::Related, item, label);
    }
}

#[test]
fn a_thing_or_a_count_the_article_never_names_is_related() {
    for (question, item, label) in [
        ("母婴室里有没有免费奶粉", 5, "免费奶粉"),
        ("律师行业妇联有多少会员?我想入会", 9, "会员"),
    ] {
        check(question, Status::Related, item, label);
    }
}

#[test]
fn what_the_facts_state_stays_answered() {
    for (question, item, fact) in [
        ("集体婚礼有多少对新人参加", 6, "75对"),
        ("妇儿大厦分成几大板块来运营", 4, "四大板块"),
        ("儿童友好社区覆盖率的年度目标定的是多少", 7, "60%"),
        ("How many mom jobs were offered at the job fairs?", 2, "9019"),
        ("母婴室有没有覆盖交通枢纽", 5, "交通枢纽"),
        ("有没有免费的直播带货课程", 9, "免费"),
        ("妇儿大厦开业以来办了多少场公益活动?我想带孩子去", 4, "1458场"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}
