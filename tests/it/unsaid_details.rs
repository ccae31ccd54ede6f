//! Details the answering fact does not write (issue 13, out of scope): the names of things
//! it only counts (`[listing]`), whether a group of people it does not name may take part
//! (`[groups]`), a thing asked in 「X有Y吗」 the article never names, and rates, discounts and
//! dialect cues of the asked kinds. Each is *related*, naming what is missing; the questions
//! the fact does answer stay answered.

use fuer_core::dialogue::{Request, Speak, respond_in_context};
use fuer_core::engine::Status;
use fuer_core::lang::Lang;

use crate::support::{check_missing_or_fact as check, shipped_engine};

#[test]
fn the_names_of_things_a_fact_only_counts_are_not_in_the_article() {
    for (question, item) in [
        ("1480间母婴室分别在哪", 5),
        ("13个城中村是哪些", 7),
        ("24个社区叫什么名字", 10),
        ("30个直播领域妇联组织分别是哪些", 9),
        ("What are the names of the 13 urban villages?", 7),
    ] {
        check(question, Status::Related, item, "具体名单");
    }
}

#[test]
fn names_listed_before_the_figure_or_a_noun_the_fact_writes_are_answered() {
    for (question, item, fact) in [
        ("四大板块是哪四个", 4, "儿童友好、女性优能"),
        ("1458场活动都有哪些类型", 4, "公教、展演"),
        ("市委社工部等8部门是哪8个", 8, "市委社工部等8部门"),
        ("1480间母婴室覆盖了哪些场所", 5, "交通枢纽"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn a_group_of_people_the_fact_does_not_name_is_not_said_to_qualify() {
    for (question, item) in [
        ("男孩可以打HPV疫苗吗", 5),
        ("成年女性能免费打HPV疫苗吗", 5),
        ("Can men join the live-streaming training?", 9),
        ("Can adult women get the HPV vaccine for free in Shenzhen?", 5),
        ("Can foreign domestic helper join the free cancer check for women?", 5),
    ] {
        check(question, Status::Related, item, "条件或资格");
    }
}

#[test]
fn a_group_the_fact_names_or_the_askers_own_situation_is_answered() {
    for (question, item, fact) in [
        ("适龄女生可以免费打HPV疫苗吗", 5, "适龄女生"),
        ("困难女性可以参加直播带货培训吗", 9, "困难女性"),
        ("家里两个老人带不动娃，有没有托育的地方", 5, "幸福家"),
        ("女儿13岁，想打预防宫颈癌的那个针，政府有免费的吗", 5, "HPV"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn a_thing_asked_after_the_topic_and_you_that_the_article_never_names_is_related() {
    for (question, item, thing) in [
        ("妇儿大厦有停车场吗", 4, "停车场"),
        ("母婴室里有热水吗", 5, "热水"),
        ("直播培训有证书吗", 9, "证书"),
        ("母婴室有没得热水", 5, "热水"),
    ] {
        check(question, Status::Related, item, thing);
    }
    for (question, item) in [("妇儿大厦有公益活动吗", 4), ("深圳有母婴室吗", 5)] {
        check(question, Status::Answered, item, "");
    }
}

#[test]
fn figures_offered_as_alternatives_and_things_asked_together_are_checked_each() {
    check("免费打的HPV疫苗是二价还是九价", Status::Related, 5, "");
    check("母婴室有没有热水和尿布台", Status::Related, 5, "");
    check("1480间母婴室是累计建成的还是2024年新建的", Status::Related, 5, "");
}

#[test]
fn rates_and_discounts_the_article_does_not_give_are_related() {
    for (question, item, label) in [
        ("HPV疫苗接种率是多少", 5, "比例"),
        ("What is the HPV vaccination rate?", 5, "比例"),
        // (related either way: 优惠 is a price cue and a thing the article never names)
        ("妇儿大厦有没有优惠", 4, ""),
    ] {
        check(question, Status::Related, item, label);
    }
    check("儿童友好社区覆盖率是多少", Status::Answered, 7, "60%");
}

#[test]
fn the_english_reply_names_what_is_missing() {
    let engine = shipped_engine();
    for (question, label_en) in [
        ("What are the names of the 13 urban villages?", "names or list"),
        ("Can men join the live-streaming training?", "conditions or eligibility"),
    ] {
        let reply = respond_in_context(engine, Request::Question(question), None, Speak::Follow(Lang::English)).reply;
        let text = reply.to_plain_text();
        assert!(text.contains(label_en), "{question}: {text}");
    }
}
