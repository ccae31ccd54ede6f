//! Needs told in everyday words reach the article's term (issue 13, class 4), for wordings
//! seen in several independent question sets: 讲政策 / 下基层 / 开会的精神 for 宣讲,
//! 表扬厉害的女人 for 致敬了不起的她, 菜卖不出去 for 消费帮扶, 一次遛够 for 一站式遛娃,
//! 推来推去 and 快不快 for the facts of the rights system that say so; and 几 that says
//! "a few" (那几个“一”, 几分钟内有没有…) asks no count.

use fuer_core::engine::Status;

use crate::support::{check_first_fact as check, shipped_engine};

/// Everyday wordings of the concept vocabulary (`knowledge/concepts.toml`) and of the
/// facts' own keywords reach the item and the fact that answers.
#[test]
fn everyday_wordings_reach_the_item_and_the_fact() {
    for (question, item, fact) in [
        ("听说妇联的人常去社区给居民讲政策，去年一共讲了多少场？", 1, "617场次"),
        ("妇联是不是下基层讲过三中全会的精神？", 1, "三中全会"),
        ("街道那边说妇联来讲过中央开会的精神，全市搞了几场？", 1, "617场次"),
        ("有个展览是专门表扬厉害的女人的，叫什么名字？", 1, "美丽生活季"),
        ("我舅舅在乡下种菜，菜卖不出去，妇联有没有帮忙卖的活动？", 2, "消费帮扶"),
        ("农村亲戚种的东西卖不掉，深圳妇联有帮过吗？", 2, "消费帮扶"),
        ("有没有一个地方带娃一次遛够的？", 4, "一站式遛娃宝地"),
        ("想找个一站式带孩子玩的地方", 4, "一站式遛娃宝地"),
        (
            "我朋友被家暴，去了几个部门都推来推去，现在能不能一次分给相关部门？",
            3,
            "一键分拨",
        ),
        ("那个维权系统用起来快不快？", 3, "智能高效"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

/// 几 after 这/那, or 几 of a span (几分钟内, 走几步就) in a question that asks with
/// another word, says "a few": what is asked is that other word's, and the answer is the
/// fact, not "the article does not give the number".
#[test]
fn a_few_is_not_a_count_asked() {
    for (question, item, fact) in [
        ("在那几个“一”里面，一屏掌控指的是什么？", 3, "一屏掌控"),
        ("这几个城中村改造了什么？", 7, "13个城中村"),
        ("附近几分钟内有没有能帮被家暴妇女的地方？", 10, "五分钟妇儿救助服务圈"),
    ] {
        check(question, Status::Answered, item, fact);
    }
    let explained = shipped_engine().explain("附近几分钟内有没有能帮被家暴妇女的地方？");
    assert!(explained.contains("head: interrogative \"有没有\""), "{explained}");
}

/// Alone, 几 of a span still asks how many (在几小时内上报?): the article does not say.
#[test]
fn a_span_asked_alone_is_still_a_count() {
    let explained = shipped_engine().explain("网格员发现家暴线索，应该在几小时内上报？");
    assert!(explained.contains("head: interrogative \"几\""), "{explained}");
}
