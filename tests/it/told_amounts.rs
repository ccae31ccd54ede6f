//! Amount words in a clause before the asking one that tell, not ask (好几个, 好多, 有几位…是…):
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
    ] {
        check(question, Status::Answered, item, fact);
    }
}
