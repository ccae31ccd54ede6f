//! Figures in questions (issue 13), one table per class: a yes/no question comparing a
//! figure with the article's, an alternative question a fact may or may not settle, and a
//! count question stating one of the article's figures (it asks for another one).

use fuer_core::engine::{Answer, Lead, Relation, Status};

use crate::support::{check_leads, first_fact, shipped_engine};

fn answer(question: &str) -> Answer {
    shipped_engine().answer(question)
}

/// A yes/no question comparing a figure is answered by the fact holding the article's
/// figure of that unit; `holds` says whether that figure plainly settles it (a lower bound
/// such as 超2.3万 does not settle "more than 30,000"); a comparison that holds gets the
/// lead 是的, one that plainly does not 不是, one left open none.
#[test]
fn a_compared_figure_is_answered_by_the_articles_figure() {
    for (question, item, figure, relation, holds) in [
        ("两癌筛查做了超过200万例吗", 5, "208.8万", Relation::More, Some(true)),
        ("母婴室是不是已经超过1500间了", 5, "1480间", Relation::More, Some(false)),
        ("集体婚礼有没有超过一百对新人", 6, "75对", Relation::More, Some(false)),
        ("爱心妈妈是不是有2000多名", 8, "2317名", Relation::More, Some(true)),
        (
            "妇儿大厦接待的参访团是不是不到300批",
            4,
            "347批次",
            Relation::Less,
            Some(false),
        ),
        (
            "儿童友好建设点有没有达到1000个",
            7,
            "1000个",
            Relation::Reached,
            Some(true),
        ),
        ("招聘会的岗位是不是超过3万个", 2, "2.3万", Relation::More, None),
        ("母婴室是不是大概1500间", 5, "1480间", Relation::About, None),
        ("母婴室是不是1480间", 5, "1480间", Relation::Equal, Some(true)),
        (
            "Are there more than 1,000 nursing rooms in Shenzhen?",
            5,
            "1480间",
            Relation::More,
            Some(true),
        ),
    ] {
        let answer = check_leads(question, item, figure);
        let comparison = answer.comparison.clone().expect("a comparison");
        assert!(comparison.found.contains(figure), "{question}: {comparison:?}");
        assert_eq!((comparison.relation, comparison.holds), (relation, holds), "{question}");
        let lead = match holds {
            Some(true) => Some(Lead::Affirms),
            Some(false) => Some(Lead::Denies),
            None => None,
        };
        assert_eq!(answer.lead, lead, "{question}");
    }
    // A figure that is the question's subject, or a name's (五分钟), compares nothing.
    for question in [
        "1480间母婴室是不是都在公共场所",
        "五分钟妇儿救助服务圈是不是在坪山",
        "母婴室有多少间",
    ] {
        assert_eq!(answer(question).comparison, None, "{question}");
    }
}

/// A question whose four digits count something (2000间) names no year outside the article.
#[test]
fn a_count_of_four_digits_is_no_year() {
    for question in ["母婴室有没有2000间", "爱心妈妈有2000多名吗"] {
        let answer = answer(question);
        assert_eq!(answer.status, Status::Answered, "{question}: {answer:?}");
    }
    assert_eq!(answer("2023年母婴室有多少间").status, Status::Related);
}

/// An alternative question is answered when the fact says one of the alternatives, and is
/// related (the article does not say which) when it says neither.
#[test]
fn an_alternative_is_answered_only_where_the_fact_says_it() {
    for (question, item) in [
        ("妇儿大厦的活动是开业以来累计的还是今年的", 4),
        ("两癌筛查是免费的还是自费的", 5),
        ("HPV疫苗4.2万说的是剂数还是人数", 5),
        ("国家标准是已经发布了还是只立了项", 7),
    ] {
        let answer = answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Answered, Some(item)),
            "{question}: {answer:?}"
        );
    }
    for (question, item) in [
        ("2317名爱心妈妈是全职的还是志愿的", 8),
        ("13个城中村是改造完成的还是正在改造", 7),
        ("24个社区是今年建成的还是以前就有的", 10),
        ("母婴室1480间是今年新建的还是历年累计的", 5),
        ("1480間母嬰室係今年新起定係累計", 5),
    ] {
        let answer = answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Related, Some(item)),
            "{question}: {answer:?}"
        );
    }
    // 还是 with 吗 means "still"; with a question word it joins no alternatives.
    for question in ["两癌筛查现在还是免费的吗", "我还是想问母婴室有多少间"] {
        assert_eq!(answer(question).status, Status::Answered, "{question}");
    }
}

/// An alternative between figures (600场还是6000场) is said by a fact's figure of that value
/// and measure word however the fact writes it: a lower bound (716万余人次 for 716万人次), the
/// scale spelled out (1.8万场次 for 18000场次); a fact with neither figure leaves it related.
#[test]
fn an_alternative_between_figures_is_said_by_the_figure_however_written() {
    for (question, item, figure) in [
        ("妇儿大厦累计到访是716万人次还是71万人次", 4, "716万"),
        ("家庭家教家风服务办了18000场次还是1800场次?", 6, "1.8万"),
        ("家庭服务覆盖的是7万人还是71万人", 6, "71万"),
        ("社区日活动搞了6000场还是600场", 7, "600"),
        ("救助金发了36万元还是3.6万元", 5, "36万"),
    ] {
        let answer = answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Answered, Some(item)),
            "{question}: {answer:?}"
        );
        assert!(first_fact(&answer).contains(figure), "{question}: {answer:?}");
    }
    for (question, item) in [
        ("儿童友好社区日是700场还是7000场", 7),
        ("家庭家教家风服务是2万场次还是20万场次", 6),
    ] {
        let answer = answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Related, Some(item)),
            "{question}: {answer:?}"
        );
    }
}

/// A count question stating one of the article's figures asks for another one: a part of
/// it (related unless the article counts that part), another figure the question's words
/// name, or another measure of the same thing.
#[test]
fn a_stated_figure_is_not_its_own_answer() {
    for (question, item, figure) in [
        ("1458场活动吸引了多少人次", 4, "716万"),
        ("3698名儿童是多少名爱心妈妈结对的", 8, "2317"),
        ("标题说超2万个岗位，招聘会实际提供了多少个", 2, "2.3万"),
        ("12154人次的培训里线上办了几场", 9, "4场"),
    ] {
        let answer = check_leads(question, item, figure);
        let shown = answer
            .lead
            .as_ref()
            .and_then(|lead| lead.figure())
            .map(|figure| figure.text.clone())
            .unwrap_or_default();
        assert!(
            shown.is_empty() || shown.contains(figure),
            "{question}: {shown} {}",
            first_fact(&answer)
        );
    }
    for (question, item) in [
        ("1458场活动里面线上的有几场", 4),
        ("3698名儿童中困境儿童有多少名", 8),
        ("75对新人里有多少对是深圳本地的", 6),
        ("4.2万剂疫苗打了多少个男生", 5),
    ] {
        let answer = answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (Status::Related, Some(item)),
            "{question}: {answer:?}"
        );
    }
}

/// The class "a count answered by a figure of another measure word counting the asked noun"
/// (issue 13, a needless *related*): the fact writes the counted noun right before its
/// figure (入驻女性创业团队97个, 参与家庭16.5万户), even where the question's measure word
/// swallows the noun's first character (几家庭 read as 家 + 庭). A noun the fact counts
/// nowhere stays related.
#[test]
fn a_count_is_answered_by_the_figure_its_noun_stands_before() {
    use fuer_core::engine::Status::{Answered, Related};
    crate::support::check_each_on_two_articles(&[
        ("悦读鹏城活动有几家庭参与", Answered, 5, "16.5万户"),
        ("孵化基地目前有多少团队入驻", Answered, 1, "97个"),
        ("孵化基地有多少家庭入驻", Related, 1, ""),
    ]);
}
