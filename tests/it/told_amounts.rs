//! Amount words in a clause before the asking one that tell, not ask (好几个, 好多, 有几位…是…,
//! 过几 / 了几):
//! the asker's situation. The asking clause decides what is asked and which item answers;
//! a count asked in the last clause, or in a clause ending with a question mark, still asks.

use fuer_core::engine::Status;

use crate::support::check_first_fact as check;

#[test]
fn an_amount_told_before_the_asking_clause_does_not_decide_what_is_asked() {
    for (question, item, fact) in [
        ("办公室好几个同事还没结婚，妇联那个婚恋交友的项目叫什么", 5, "鹏城有爱"),
        ("我们科室有几位护士是宝妈，招聘会上给妈妈的岗位有多少个", 2, "9019"),
        ("小区里好多年轻人单身，妇联有婚恋交友活动吗", 5, "鹏城有爱"),
        // 过几 / 了几: what the asker did (a few times), not a count asked.
        (
            "我做社工的，跟过几个家暴个案，那个维权智慧系统得了什么奖？",
            3,
            "十大案例",
        ),
        ("去年带孩子去了几次妇儿大厦，它一共接待过多少人次？", 4, "716万"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

#[test]
fn an_amount_in_the_asking_clause_still_asks() {
    for (question, item, fact) in [
        ("免费的筛查有好多例", 5, "60.44万例"),
        ("母婴室有多少间，都在哪些地方", 5, "1480间"),
        ("三新领域妇联组织有多少个，在全省排得怎么样？", 9, "1767个"),
        ("妇儿大厦办过几场公益活动", 4, "1458场"),
    ] {
        check(question, Status::Answered, item, fact);
    }
}

/// Clauses that tell after the question asks (毕业了想冲一波, 我想打过去问一下) are not what
/// its question word governs: the question is answered as it would be without them.
#[test]
fn a_clause_telling_after_the_question_changes_nothing() {
    for (question, tail) in [
        ("女大学生岗位有多少", "毕业了想冲一波"),
        ("坪山区妇儿临时保护中心的电话是多少", "我想打过去问一下"),
        ("母婴室建了多少间", "带娃出门方便多了"),
        ("妈妈岗有多少个", "我想去试试"),
    ] {
        let alone = crate::support::shipped_engine().answer(question);
        for joined in [format!("{question} {tail}"), format!("{question},{tail}")] {
            let answer = crate::support::shipped_engine().answer(&joined);
            assert_eq!(
                (answer.status, answer.item, &answer.facts),
                (alone.status, alone.item, &alone.facts),
                "{joined}"
            );
        }
    }
    check("女大学生岗位有多少 毕业了想冲一波", Status::Answered, 2, "1.4万");
    let contact = crate::support::shipped_engine().answer("坪山区妇儿临时保护中心的电话是多少 我想打过去问一下");
    assert_ne!(contact.status, Status::Answered);
}

/// A later clause that may ask (a question mark, or a cue of `questions.toml` such as
/// 搭地铁) still counts: only the clauses after it tell.
#[test]
fn a_later_clause_that_may_ask_is_not_set_aside() {
    for question in [
        "婦兒大廈喺邊度 點搭地鐵去",
        "深港澳女性交流服务中心在哪，澳门居民可否预约使用？",
    ] {
        let answer = crate::support::shipped_engine().answer(question);
        assert_ne!(answer.status, Status::Answered, "{question}");
    }
}
