//! The asker's self-introduction is context, not the question (issue 13): a place named
//! only in the clause where the asker says who they are and where they live or work (我是…,
//! 我喺…, 本人…, I'm …, we live in …: `[words] askers`) is the asker's, so a figure the
//! article gives for the whole city is answered; a place the question proper names (again),
//! or one of a clause that itself asks, stays the question's scope and the answer related.

use fuer_core::engine::{Answer, Status};

use crate::support::{check_first_fact as check, shipped_engine};

fn answer(question: &str) -> Answer {
    shipped_engine().answer(question)
}

/// The place of a self-introduction is where the asker lives or works: the city's figure
/// answers, in Simplified, Traditional and Cantonese, and English.
#[test]
fn a_place_in_the_askers_introduction_is_not_the_scope() {
    for (question, item, phrase) in [
        (
            "我是南山一家超市的收银员，想问下全市的母婴室一共建了多少间？",
            5,
            "1480",
        ),
        ("我在龙华开面馆的，妇联去年搞的宣讲活动有几场啊", 1, "617"),
        ("我住坂田属于龙岗的，爱心妈妈结对关爱了多少个孩子？", 8, "3698"),
        ("本人罗湖退休教师，请问儿童友好城中村改造了几个？", 7, "13"),
        ("作为一个在宝安上班的宝妈，妈妈岗现在有多少个？", 2, "9019"),
        (
            "你好，我一个外地来的打工妹在福田住，直播带货培训覆盖了多少人次？",
            9,
            "12154",
        ),
        ("我係澳門人，想問深圳HPV疫苗免費打咗幾多劑？", 5, "4.2万"),
        ("我喺香港讀書，返深圳探親，母嬰室總共有幾多間呀？", 5, "1480"),
        (
            "I'm a bus driver in Nanshan. How many nursing rooms has Shenzhen built?",
            5,
            "1480",
        ),
        ("We live in Longgang, how many Caring Mothers are there?", 8, "2317"),
    ] {
        check(question, Status::Answered, item, phrase);
    }
}

/// The other side of the boundary: the question proper names the place (again), the
/// clause naming it asks, no one is introduced, or the question asks whether the asker
/// may do something: the article does not speak of the place, so the answer stays related.
#[test]
fn a_place_the_question_itself_scopes_stays_the_scope() {
    for (question, item) in [
        ("我住南山，南山区的母婴室有多少间？", 5),
        ("我是宝安的，我们宝安有多少个儿童友好城中村？", 7),
        ("我们龙华的爱心妈妈有多少位", 8),
        ("我在罗湖哪里能找到母婴室？", 5),
        ("龙岗区的妈妈岗有多少个", 2),
        ("I live in Futian. How many nursing rooms does Futian have?", 5),
        // Whether the asker may: who they are is the condition asked about.
        ("我係澳門人，可唔可以喺深圳免費打HPV疫苗？", 5),
        ("我是外地的，能不能去妇儿大厦参加活动", 4),
    ] {
        let answer = answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Related, Some(item)),
            "{question}: {answer:?}"
        );
    }
}
