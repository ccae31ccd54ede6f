//! A place is the question's scope only where it bounds what is asked (issue 13): the scope
//! is a place of the clause holding the question's interrogative. A place another clause
//! names is the asker's context where that clause says who the asker is (…开水果店的,
//! …的司机, 我…那边的: `[words] personas`), where the asking clause names the whole city
//! (全市, 市里, 深圳: `[words] city_wide`), or where it is a guess at the place asked
//! (哪个区…? 是不是龙岗): the city's figure is then answered. A place of the asking clause,
//! of a clause that names the topic before asking, of a clause asking again, or after
//! hearsay (听人讲宝安有个…) stays the scope, and the answer related.

use fuer_core::engine::{Answer, Status};

use crate::support::{check_first_fact as check, shipped_engine};

fn answer(question: &str) -> Answer {
    shipped_engine().answer(question)
}

/// The place is only who the asker is, or beside a clause asking the whole city's figure.
#[test]
fn a_place_outside_the_asking_clause_is_context() {
    for (question, item, phrase) in [
        // Who the asker is: a persona word, or the clause ends in 的.
        ("福田卖水果的,顺便问下,去年妇联线上线下宣讲一共搞了几场?", 1, "617"),
        ("龙岗开网约车的司机大哥问一句,妈妈岗有多少个?", 2, "9019"),
        ("盐田开士多店的老板娘,想知道集体婚礼深圳分会场有多少对新人?", 6, "75对"),
        ("深圳一共有多少名爱心妈妈?我光明那边的,想报名", 8, "2317"),
        ("母婴室全市建了多少间?我大鹏上班的", 5, "1480"),
        ("香港社工一枚,想問深圳母嬰室總共有幾多間?", 5, "1480"),
        // The asking clause names the whole city.
        ("龙华这边街道让我们报名,全市儿童友好建设点一共有多少个?", 7, "1000"),
        ("三新领域妇联组织全市有多少个?罗湖这边好像很少见", 9, "1767"),
        ("市里的母婴室一共多少间?龙岗这边我都没怎么见过", 5, "1480"),
        // A guess at the place asked.
        (
            "妇儿大厦周边的街区改造是和哪个区合作的?我住龙岗,想知道是不是龙岗",
            4,
            "福田区",
        ),
    ] {
        check(question, Status::Answered, item, phrase);
    }
}

/// The place bounds what is asked: it is in the asking clause, names the topic before the
/// question, is asked about again, or is what the asker heard of.
#[test]
fn a_place_bounding_the_question_stays_the_scope() {
    for (question, item) in [
        ("光明区有多少间母婴室?", 5),
        ("龙岗区的爱心妈妈,一共有多少名?", 8),
        ("罗湖区的母婴室,有多少间?", 5),
        ("全市有多少个儿童友好建设点?南山有多少个?", 7),
        ("听人讲宝安有个五分钟妇儿救助服务圈,覆盖了多少个社区?", 10),
        ("我是福田的老师,福田区有几个儿童友好建设点?", 7),
    ] {
        let answer = answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Related, Some(item)),
            "{question}: {answer:?}"
        );
    }
}
