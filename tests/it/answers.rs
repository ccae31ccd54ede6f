//! Answer quality, table-driven: a question in, the expected item and figure out.

use fuer_core::dialogue::{Request, respond};
use fuer_core::engine::{Answer, Intent, Status};

use crate::support::{first_fact, shipped_engine, shipped_knowledge};

fn answer(question: &str) -> Answer {
    shipped_engine().answer(question)
}

/// Asserts the question is answered by `item` and its first fact contains `figure` (a figure
/// or the words that make it the right fact; never empty, which would match anything).
fn check(question: &str, item: u8, figure: &str) {
    assert!(!figure.is_empty(), "{question:?}: say what the first fact must contain");
    let answer = answer(question);
    assert_eq!(answer.item, Some(item), "{question:?} answered with {answer:?}");
    let fact = first_fact(&answer);
    assert!(
        fact.contains(figure),
        "{question:?}: first fact {fact:?} lacks {figure:?}"
    );
}

fn check_declined(question: &str) {
    let answer = answer(question);
    assert_eq!(answer.item, None, "{question:?} should be declined, got {answer:?}");
    assert_eq!(answer.intent, Intent::Declined, "{question:?}");
}

fn check_intent(question: &str, intent: Intent) {
    let answer = answer(question);
    assert_eq!(answer.intent, intent, "{question:?} got {answer:?}");
    assert_eq!(answer.item, None);
}

#[test]
fn figure_questions_get_the_fact_with_the_figure_first() {
    check("全市建了多少间母婴室？", 5, "1480");
    check("宣讲活动一共搞了几场", 1, "617");
    check("妈妈岗有几个", 2, "9019");
    check("HPV疫苗打了多少针", 5, "4.2万");
    check("两癌筛查免费的有多少", 5, "60.44万");
    check("妇儿大厦接待了多少外宾", 4, "347");
    check("多少对新人参加集体婚礼", 6, "75");
    check("城中村适儿化改造了几个", 7, "13");
    check("爱心妈妈有多少名", 8, "2317");
    check("直播领域建了几个妇联", 9, "30");
    check("救助服务圈覆盖几个社区", 10, "24");
}

#[test]
fn paraphrases_and_colloquial_words_match() {
    check("哪里可以给宝宝喂奶", 5, "母婴室1480间");
    check("孤独症孩子有什么帮助", 8, "孤独症");
    check("孩子自闭了怎么办", 8, "孤独症");
    check("周末去哪遛娃", 4, "遛娃");
    check("我老公打我怎么办", 3, "维权");
    check("托儿所", 5, "托育");
    check("高价彩礼", 6, "彩礼");
    check("小区里有没有临时保护的地方", 10, "临时保护中心");
}

#[test]
fn pinyin_typos_and_near_misses_match() {
    check("母婴是有多少", 5, "1480");
    check("集体婚里有多少对新人", 6, "75");
    check("五分钟就助圈", 10, "五分钟妇儿救助服务圈");
    check("两爱筛查", 5, "208.8万");
    check("留手儿童", 8, "3698名留守儿童");
    check("儿童有好城市", 7, "儿童友好城市");
}

#[test]
fn traditional_chinese_and_full_width_digits_match() {
    check("深圳有幾間母嬰室", 5, "1480");
    check("請問兩癌篩查做了多少例", 5, "208.8万");
    check("集體婚禮有幾對新人", 6, "75");
    check("五分鐘救助服務圈覆蓋幾多社區", 10, "24");
    check("１２１５４是什么", 9, "12154");
}

#[test]
fn english_questions_match_by_english_keywords() {
    check("How many nursing rooms are there?", 5, "1480");
    check("mom jobs", 2, "9019");
    check("domestic violence", 3, "反家庭暴力");
    check("left-behind kids", 8, "留守儿童");
    check("how many couples got married", 6, "75");
    check("Women and Children Building", 4, "妇儿大厦");
    check("five minute service circle", 10, "五分钟妇儿救助服务圈");
}

#[test]
fn bare_numbers_find_their_fact() {
    check("12154是什么意思", 9, "12154");
    check("1767", 9, "1767");
    check("716万", 4, "716万");
    check("60.44万是什么", 5, "60.44万");
    check("24个社区", 10, "24");
    check("1.8万", 6, "1.8万");
    check("4场", 9, "线上课程培训4场");
    check("Where can I breastfeed in Shenzhen", 5, "1480");
    // 两 and 四 inside words are not figures: no pull towards items with a 2 or a 4.
    assert!(answer("两癌筛查").suggestions.is_empty());
    assert!(answer("四大板块").suggestions.is_empty());
}

#[test]
fn ordinals_name_an_item() {
    for (question, item) in [
        ("第二件讲什么", 2),
        ("第9条", 9),
        ("第十件大事", 10),
        ("最后一件", 10),
        ("第一个大事", 1),
        ("item 5", 5),
        ("the third item", 3),
        ("8", 8),
    ] {
        let answer = answer(question);
        assert_eq!(answer.intent, Intent::Ordinal, "{question:?}");
        assert_eq!(answer.item, Some(item), "{question:?}");
    }
    // The rest of the question ranks the item's facts; without any, the headline's figure leads.
    check("第五件的数字是多少", 5, "1480");
    check("第7件", 7, "1000个");
    // 第七次 is a figure of item 1, not an ordinal.
    check("第七次妇女儿童工作会议", 1, "第七次");
}

#[test]
fn list_greeting_thanks_and_help_are_recognized() {
    check_intent("十件大事有哪些", Intent::List);
    check_intent("列表", Intent::List);
    check_intent("十大事件", Intent::List);
    check_intent("妇联做了哪些事", Intent::List);
    check_intent("你好", Intent::Greeting);
    check_intent("Hello!", Intent::Greeting);
    check_intent("谢谢", Intent::Thanks);
    check_intent("你能做什么", Intent::Help);
    check_intent("这篇文章是谁发布的", Intent::Source);
    check_intent("who published this", Intent::Source);
    check_intent("😀😀", Intent::Empty);
    check_intent("？？？", Intent::Empty);
}

/// "List", "overview" or "summary of" asks for the list of the items only when what follows
/// is the items (or the article); a list of something else is a question about an item.
#[test]
fn english_list_of_asks_for_the_items_only_when_it_names_them() {
    for question in [
        "Give me a list of the ten events",
        "Can I see an overview of all the items?",
        "summary of the article please",
        "Show me a list of everything",
    ] {
        check_intent(question, Intent::List);
    }
    for (question, item) in [
        (
            "Which ministries put the Women and Children's Building on a list of good examples?",
            4,
        ),
        ("Is there a list of the places that got nursing rooms?", 5),
        ("Who drew up the list of model caring mothers?", 8),
    ] {
        let answer = answer(question);
        assert_ne!(answer.intent, Intent::List, "{question:?} got {answer:?}");
        assert_eq!(answer.item, Some(item), "{question:?} got {answer:?}");
    }
}

#[test]
fn out_of_scope_questions_are_declined() {
    for question in [
        "明天会下雨吗",
        "怎么考驾照",
        "给我讲个笑话",
        "who won the world cup",
        "qwertyuiop",
        "深圳房价多少",
        "怎么办理护照",
        "深圳妇联电话是多少",
        "儿童医院在哪里",
        "深圳地铁几点关门",
        "1+1等于几",
        "深圳市妇联主席是谁",
    ] {
        check_declined(question);
    }
}

#[test]
fn a_question_about_two_items_answers_both_in_order() {
    let answer = answer("母婴室和集体婚礼");
    assert_eq!(answer.items(), vec![5, 6]);
    let text = respond(shipped_engine(), Request::Question("母婴室和集体婚礼"))
        .reply
        .to_plain_text();
    assert!(text.contains("/item 5") && text.contains("/item 6"), "{text}");
    assert!(text.find("第5件") < text.find("第6件"), "{text}");
}

#[test]
fn source_questions_name_the_publisher_and_date() {
    let text = respond(shipped_engine(), Request::Question("信息来源是哪里"))
        .reply
        .to_plain_text();
    assert!(
        text.contains("福田区妇女联合会") && text.contains("2025-02-05"),
        "{text}"
    );
}

#[test]
fn declined_questions_never_carry_facts() {
    let answer = answer("深圳天气怎么样");
    assert!(answer.facts.is_empty());
    assert_eq!(answer.confidence, 0.0);
}

#[test]
fn confident_answers_score_higher_than_weak_ones() {
    let strong = answer("全市建了多少间母婴室");
    let weak = answer("妇儿大夏");
    assert!(strong.confidence > weak.confidence, "{strong:?} vs {weak:?}");
    assert!((0.0..=1.0).contains(&strong.confidence));
}

#[test]
fn item_replies_show_the_figure_title_and_pointer() {
    let response = respond(shipped_engine(), Request::Question("全市建了多少间母婴室？"));
    let text = response.reply.to_plain_text();
    assert!(text.contains("1480"), "{text}");
    assert!(text.contains("第5件"), "{text}");
    assert!(text.contains("/item 5"), "{text}");
}

#[test]
fn full_item_shows_headline_every_fact_and_source() {
    let knowledge = shipped_knowledge();
    for item in &knowledge.items {
        let response = respond(shipped_engine(), Request::Item(&item.number.to_string()));
        let text = response.reply.to_plain_text();
        assert!(text.contains(&item.headline));
        for fact in &item.facts {
            assert!(text.contains(&fact.text), "item {} lacks a fact", item.number);
        }
        assert!(text.contains("福田区妇女联合会") && text.contains("2025-02-05"));
    }
}

#[test]
fn bad_item_arguments_get_clear_errors() {
    for (argument, expected) in [
        ("99", "1–10"),
        ("0", "1–10"),
        ("-1", "1–10"),
        ("abc", "数字"),
        ("5.5", "数字"),
    ] {
        let text = respond(shipped_engine(), Request::Item(argument)).reply.to_plain_text();
        assert!(text.contains(expected), "/item {argument}: {text}");
    }
    let list = respond(shipped_engine(), Request::Item("")).reply.to_plain_text();
    assert!(list.contains("十件大事"), "{list}");
    let full_width = respond(shipped_engine(), Request::Item("５")).reply.to_plain_text();
    assert!(full_width.contains("1480"), "{full_width}");
}

#[test]
fn overlong_questions_get_a_polite_refusal() {
    let question = "母婴室".repeat(2000);
    let response = respond(shipped_engine(), Request::Question(&question));
    assert!(response.answer.is_none());
    assert!(response.reply.to_plain_text().contains("太长"));
}

#[test]
fn hostile_input_never_panics() {
    for question in [
        "",
        " ",
        "\u{0}",
        "第",
        "第99件",
        "最后",
        "第0条",
        "item 0",
        "🙂🙂🙂",
        "<b>母婴室</b>",
        "１".repeat(400).as_str(),
    ] {
        let _ = answer(question);
    }
    assert_eq!(answer("第99件").item, None);
}

/// Asserts the question is about `item` but asks what the article does not say: the reply
/// is *related* and says so, naming `what` (the topic, the asked thing or the place/year).
fn check_related(question: &str, item: u8, what: &str) {
    let answer = answer(question);
    assert_eq!(
        (answer.item, answer.status),
        (Some(item), Status::Related),
        "{question:?} should be related to item {item}, got {answer:?}"
    );
    let text = respond(shipped_engine(), Request::Question(question))
        .reply
        .to_plain_text();
    // The reply speaks the question's language.
    let article = if question.is_ascii() { "article" } else { "文章" };
    assert!(text.contains(article) && text.contains(what), "{question:?}: {text}");
}

#[test]
fn questions_the_article_does_not_answer_say_so_and_offer_what_it_says() {
    check_related("妇儿大厦门票多少钱", 4, "妇儿大厦的门票价格");
    check_related("母婴室一般几点开放", 5, "开放时间");
    check_related("妈妈岗在哪里报名", 2, "报名");
    check_related("五分钟救助圈的求助电话是多少", 10, "联系方式");
    check_related("妈妈岗工资多少", 2, "工资");
    check_related("HPV疫苗几岁可以打", 5, "年龄");
    check_related("HPV疫苗是几价的", 5, "HPV疫苗");
    check_related("当爱心妈妈有补贴吗", 8, "补贴");
    check_related("集体婚礼明年还办吗", 6, "今后");
    check_related("妇儿大厦有多大", 4, "面积");
    // A quantity whose unit no fact of the topic has: the talks are counted in 场次, not people.
    check_related("巾帼大宣讲有多少人参加", 1, "人数");
    // Places and years outside the article.
    check_related("上海有多少间母婴室", 5, "上海");
    check_related("福田区有多少母婴室", 5, "福田");
    check_related("2023年建了多少间母婴室", 5, "2023年");
    check_related(
        "How much does a ticket to the Women and Children Building cost?",
        4,
        "ticket prices",
    );
    // The related reply still shows what the article says about the topic.
    let text = respond(shipped_engine(), Request::Question("上海有多少间母婴室"))
        .reply
        .to_plain_text();
    assert!(text.contains("1480"), "{text}");
}

#[test]
fn what_the_article_does_say_is_answered_even_when_it_sounds_like_a_gap() {
    check("直播带货培训要钱吗", 9, "免费直播带货");
    check("HPV疫苗免费吗", 5, "免费接种");
    check("坪山区有多少个社区", 10, "24个社区");
    check("五分钟救助圈在哪个区试点", 10, "坪山区");
    check("全市第一个网络妇联是哪个", 9, "深圳妈妈网妇联");
    check("集体婚礼是哪一年办的", 6, "2024年");
    check("救助金发了多少钱", 5, "36万元");
    check("开的是第几次全市妇女儿童工作会议", 1, "第七次");
    check("妇儿大厦有几大板块", 4, "四大板块");
}

#[test]
fn what_only_a_headline_says_is_answered_from_the_headline() {
    check("妇儿大厦被列入的推广清单是第几批", 4, "第一批");
    check("妇儿大厦是被哪些部委列入推广清单的", 4, "住建部");
    // A body sentence with the same figure still comes first.
    check("全市建了多少间母婴室", 5, "建设公共场所母婴室1480间");
}

#[test]
fn the_fact_with_the_asked_unit_comes_first() {
    // One item, several figures: the unit and what is counted pick the figure.
    check("妇儿大厦一共来了多少人", 4, "716万");
    check("妇儿大厦办了多少场活动", 4, "1458");
    check("接待了多少批参访团", 4, "347");
    check("免费筛查了多少例", 5, "60.44万");
    check("困境女性关爱服务多少人次", 5, "1.2万");
    check("轻喜到家有多少家分公司", 9, "68家");
    check("直播带货线上培训几场", 9, "12154");
    check("儿童友好社区覆盖率是多少", 7, "60%");
    check("亮灯活动连续参加了几年", 7, "8年");
    check("五分鐘救助服務圈覆蓋幾多社區", 10, "24个");
}

#[test]
fn several_topics_get_one_answer_each_in_order() {
    let both = answer("母婴室和儿童友好建设点各有多少");
    assert_eq!(both.items(), vec![5, 7]);
    let second = &both.more[0];
    let fact = shipped_knowledge()
        .item(7)
        .expect("item 7")
        .sentence(second.facts[0])
        .expect("a sentence");
    assert!(fact.contains("1000个"), "{fact}");
    // Two topics of one item: both facts, in the question's order.
    let same_item = answer("母婴室和两癌筛查各有多少");
    assert_eq!(same_item.items(), vec![5]);
    let facts: Vec<&str> = same_item
        .facts
        .iter()
        .filter_map(|&f| shipped_knowledge().item(5).expect("item 5").sentence(f))
        .collect();
    assert!(facts[0].contains("1480") && facts[1].contains("208.8万"), "{facts:?}");
    // Two questions in one message, each with its own unit.
    let asked = answer("HPV疫苗打了多少剂，留守儿童关爱了多少名");
    assert_eq!(asked.items(), vec![5, 8]);
    // One topic with a 和 inside stays one answer.
    assert_eq!(answer("留守儿童和困境儿童有多少").items(), vec![8]);
}

#[test]
fn near_homophone_typos_from_pinyin_input_match() {
    check("母音室有多少间", 5, "1480"); // yin / ying
    check("经国大宣讲办了多少场", 1, "617"); // jing / jin
    check("两癌删查做了多少", 5, "208.8万"); // one wrong character
    check("三心领域妇联有几个", 9, "1767");
    check("陈中村适儿化改造了几个", 7, "13"); // chen / cheng
    check("湖儿大厦来了多少人", 4, "716万"); // hu / fu
    // Everyday words that merely sound like a keyword stay out.
    check_declined("一秒钟有多长");
}

#[test]
fn only_real_numerals_become_digits() {
    // 一共 / 一站式 / 统一 keep their 一; 两癌 and 三新 keep their characters.
    check("妇儿大厦一共来了多少人", 4, "716万");
    check("一站式遛娃宝地是哪里", 4, "一站式遛娃宝地");
    check("两癌筛查做了多少例", 5, "208.8万");
    check("第一个网络妇联是哪个", 9, "深圳妈妈网妇联");
    check("二十四个社区", 10, "24个");
}

#[test]
fn positions_outside_the_list_are_no_such_item() {
    for question in ["第-1件", "第11件", "第十一件大事", "item -3"] {
        let answer = answer(question);
        assert_eq!(answer.intent, Intent::NoSuchItem, "{question:?}: {answer:?}");
        let text = respond(shipped_engine(), Request::Question(question))
            .reply
            .to_plain_text();
        assert!(text.contains("1–10"), "{question:?}: {text}");
    }
    // A bare number outside 1–10 is a figure to look up, not a position.
    check("75", 6, "75对");
    // A numeral alone is a position.
    assert_eq!(answer("九").item, Some(9));
}

/// A place name read across the edge of a word a keyword holds is no place (issue 17):
/// 大厦门口 is the building's door (大厦 of 妇儿大厦), not Xiamen; the same place named on
/// its own, or beside ordinary words, still is one.
#[test]
fn a_place_across_the_edge_of_a_word_of_the_article_is_no_place() {
    // (question, item, what the first fact contains)
    for (question, item, figure) in [
        ("大厦门口的母婴室有多少间", 5, "1480间"),
        ("大厦门前的母婴室有几间", 5, "1480间"),
    ] {
        check(question, item, figure);
    }
    // (question, item, the place the reply names)
    for (question, item, place) in [
        ("厦门有多少间母婴室", 5, "厦门"),
        ("在厦门的母婴室有多少间", 5, "厦门"),
        ("深圳和厦门的母婴室有多少间", 5, "厦门"),
        ("上海有多少间母婴室", 5, "上海"),
        ("福田区有多少母婴室", 5, "福田"),
    ] {
        check_related(question, item, place);
    }
}
