//! What a question's own words say of the thing asked (issue 13): examples the asker offers
//! (地铁站、商场这种算不算) are things asked about, not an address asked; a full name asked
//! (系统全称叫什么) is said by a clause writing the name the item keeps as a keyword
//! (维权关爱智慧系统), or by a long compound the fact joins to the thing with no particle
//! (…思想政治引领暨新媒体宣传信息工作培训班) holding words of the question; the occupation
//! of a person or the business of a company the article only names (杜玉涛是干什么工作的)
//! is not said by the fact naming it.

use fuer_core::engine::Status;

use crate::support::{check_after, check_first_fact};

#[test]
fn examples_the_asker_offers_do_not_decide_what_is_asked() {
    for (first, then) in [
        ("母婴室建了多少间", "都覆盖哪些地方？地铁站、商场这种算不算？"),
        ("母婴室建了多少间", "覆盖什么地方，地铁站这样的算不算"),
    ] {
        check_after(first, then, Status::Answered, 5, "交通枢纽");
    }
    for question in [
        "母婴室都建在哪些场所？地铁站这类算不算",
        "哪些公共场所有母婴室，地铁站之类的有吗",
    ] {
        check_first_fact(question, Status::Answered, 5, "交通枢纽");
    }
    // Without a word closing examples, a station asked is an address the article never gives.
    check_first_fact("离我最近的母婴室在哪个地铁站", Status::Related, 5, "");
}

#[test]
fn a_full_name_is_said_by_the_name_the_item_keeps() {
    check_after(
        "第三件大事讲的是啥？",
        "这个智慧系统的全称是什么",
        Status::Answered,
        3,
        "维权关爱智慧系统",
    );
    check_first_fact(
        "妇女儿童维权的那个系统全名叫什么",
        Status::Answered,
        3,
        "维权关爱智慧系统",
    );
    // A thing the clause only mentions, with no kept name ending with it, is still unnamed.
    check_first_fact("关爱孤独症儿童的政策性文件叫什么名字", Status::Related, 8, "");
}

/// A person or a company the article only names: its occupation or line of business is an
/// attribute the article never gives, so the fact naming it is only related; what the fact
/// does say of them stays answered.
#[test]
fn an_occupation_or_a_business_of_a_thing_only_named_is_not_said() {
    for (question, item) in [
        ("张莹莹是做哪一行的", 1),
        ("杜玉涛从事什么职业", 1),
        ("深圳妈妈网主营什么业务", 9),
        ("轻喜到家科技有限公司做什么生意", 9),
        ("What line of business is 轻喜到家 in?", 9),
    ] {
        check_first_fact(question, Status::Related, item, "");
    }
    check_first_fact("轻喜到家有多少家分公司成立了妇女小组", Status::Answered, 9, "68");
    check_first_fact("宣传展览讲了哪些优秀女性的故事", Status::Answered, 1, "杜玉涛");
    check_first_fact("直播领域建了多少个妇联组织", Status::Answered, 9, "30");
    check_first_fact("律师这个行业有没有成立妇联", Status::Answered, 9, "律师");
}

/// A full name asked is said by a long compound the fact joins to the thing asked with no
/// particle, when it holds words of the question.
#[test]
fn a_full_name_is_said_by_a_compound_joined_to_the_thing() {
    for question in [
        "妇联搞的新媒体宣传那个培训班，正式名称是什么",
        "思想政治引领的培训班全称叫啥",
        "宣传信息工作培训班叫什么名字",
        "妇联新媒体信息培训班嘅全名叫咩",
    ] {
        check_first_fact(question, Status::Answered, 1, "思想政治引领暨新媒体宣传信息工作培训班");
    }
    // A thing joined to its description by 的 is only described, not named.
    check_first_fact("支持孤独症儿童家庭的政策性文件全称是什么", Status::Related, 8, "");
}
