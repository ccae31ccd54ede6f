//! Which article a request goes to when several are served (class: several articles), as a
//! table: commands, deep links, questions naming a year or a topic of one article, and
//! conversations whose follow-ups stay in their article. The same step
//! (`fuer_core::library::respond`) serves Telegram, the console, `ask` and the web page.

use fuer_bot::console::LocalConversation;

use crate::support::two_article_library as library;

const OLD: &str = "2024-shenzhen";
const NEW: &str = "2025-shenzhen";

/// Asks `lines` in one conversation; checks each went to its article and its reply says
/// what it should.
fn check(lines: &[(&str, &str, &str)]) {
    let library = library();
    let mut conversation = LocalConversation::default();
    for &(line, article, says) in lines {
        let routed = conversation.respond(library, line);
        let text = routed.response.reply.to_plain_text();
        assert_eq!(library.id(routed.article), article, "{line}: {text}");
        assert!(text.contains(says), "{line}: expected {says:?} in {text}");
    }
}

#[test]
fn commands_and_links_go_to_their_article() {
    let cases: &[(&str, &str, &str)] = &[
        ("/list", NEW, "2025年深圳妇女儿童发展十件大事"),
        ("/list", NEW, "/list 2024"),
        ("/list 2024", OLD, "2024年深圳妇女儿童发展十件大事"),
        ("/list 2024年", OLD, "母婴室"),
        ("/list 2025-shenzhen", NEW, "女性创新创业"),
        ("/list 1999", NEW, "没有找到“1999”的文章"),
        ("/item 2024 5", OLD, "1480间"),
        ("/item 2025-shenzhen 1", NEW, "326家"),
        ("/start item5", OLD, "1480间"),
        ("/start 2025-shenzhen_item1", NEW, "326家"),
        ("/start 2024-shenzhen_item99", OLD, "没有这一件"),
    ];
    for &case in cases {
        check(&[case]);
    }
}

#[test]
fn questions_go_to_the_article_they_name_or_that_answers_them() {
    let cases: &[(&str, &str, &str)] = &[
        ("2024年全市建了多少间母婴室", OLD, "1480间"),
        ("全市建了多少间母婴室", OLD, "出自《2024年深圳妇女儿童发展十件大事》"),
        ("女性创业博览会有多少家企业参展", NEW, "326家"),
        (
            "女性创业博览会有多少家企业参展",
            NEW,
            "出自《2025年深圳妇女儿童发展十件大事》",
        ),
    ];
    for &case in cases {
        check(&[case]);
    }
}

#[test]
fn conversations_stay_in_their_article() {
    check(&[
        ("2024年全市建了多少间母婴室", OLD, "1480间"),
        ("下一件", OLD, "家庭家教家风"),
    ]);
    check(&[
        ("女性创业博览会有多少家企业参展", NEW, "326家"),
        ("下一件", NEW, "心晴童伴"),
        ("/item 5", NEW, "儿童图书馆"),
    ]);
    // A list chosen by year: /item then means that year's item.
    check(&[("/list 2024", OLD, "母婴室"), ("/item 5", OLD, "1480间")]);
    // A question of its own moves the conversation to the article that answers it.
    check(&[
        ("女性创业博览会有多少家企业参展", NEW, "326家"),
        ("妈妈岗有多少个", OLD, "妈妈岗"),
    ]);
}

/// Class: a quantity asked with a measure word that the figure itself uses (多少期 → 640期,
/// 多少支队伍 → 486支) is answered, even when the word's unit class is answered by other
/// words (支 asks for vaccine doses, answered by 剂, in the shared question words).
#[test]
fn a_figure_with_the_asked_measure_word_answers() {
    let cases: &[(&str, &str, &str)] = &[
        ("她力量女子体育联赛有多少支队伍参加？", NEW, "486支"),
        ("银发学堂手机课开了多少期", NEW, "640期"),
        ("家教直播间一年播了几期", NEW, "48期"),
        ("HPV疫苗打了多少剂", OLD, "4.2万剂"),
    ];
    for &(question, article, figure) in cases {
        let library = library();
        let routed = library.route(question);
        assert_eq!(library.id(routed.article), article, "{question}");
        assert_eq!(routed.answer.status, fuer_core::engine::Status::Answered, "{question}");
        let item = routed.answer.item.expect("an item");
        let fact = routed.answer.facts[0];
        let text = library
            .engine(routed.article)
            .knowledge()
            .item(item)
            .expect("the item")
            .sentence(fact)
            .expect("the fact");
        assert!(text.contains(figure), "{question}: {text}");
    }
}

/// Class: a question that holds one article's keyword as written and another's only by a
/// guess (one edit, a sound) or by a position word goes to the article whose keyword it
/// holds; a question every article answers alike by position goes to the latest; a
/// question that names nothing of any article is declined, whatever its digits.
#[test]
fn a_keyword_as_written_beats_a_guess_in_another_article() {
    // (question, article, item; 0: declined)
    let cases: &[(&str, &str, u8)] = &[
        // 就业 is 2024's; 2025's 女性创业 is one edit from 女性就业.
        ("哪件事跟女性就业有关", OLD, 2),
        // 网络妇联 is 2024's; 2025 would read 第一个 as its item 1.
        ("全市第一个网络妇联是哪个", OLD, 9),
        ("律师行业", OLD, 9),
        // Exact keywords in 2025 only.
        ("心晴童伴热线接了多少来电", NEW, 2),
        // Positions mean the latest article (both answer alike).
        ("第七件是什么", NEW, 7),
        // One digit and nothing counted names no figure of either article.
        ("1+1等于几", NEW, 0),
    ];
    let library = library();
    for &(question, article, item) in cases {
        let routed = library.route(question);
        assert_eq!(library.id(routed.article), article, "{question}");
        match item {
            0 => assert_eq!(routed.answer.status, fuer_core::engine::Status::Declined, "{question}"),
            _ => assert_eq!(routed.answer.item, Some(item), "{question}"),
        }
    }
}

/// Class: a conversation leaves its article only for another article's topic, not for a
/// detail word the other article's keywords happen to hold (依托, 板块), and a position
/// answer of the conversation's article does not keep a question naming another's topic.
#[test]
fn conversations_leave_their_article_only_for_another_topic() {
    check(&[
        ("深圳那个妇儿维权的智能系统拿了什么荣誉?", OLD, "十大案例"),
        ("它依托的是哪些平台?", OLD, "深平安"),
    ]);
    check(&[
        ("/item 2024 4", OLD, "妇儿大厦"),
        ("里面都有哪些板块?", OLD, "女性优能"),
    ]);
    check(&[
        ("/item 9", NEW, "银龄姐妹"),
        ("第一个网络妇联是哪个", OLD, "深圳妈妈网妇联"),
    ]);
}

/// Routing skips the articles that cannot rank higher than the best answer so far; it
/// must pick exactly what answering in every article picks, on every question set.
#[test]
fn routing_that_skips_articles_agrees_with_answering_all() {
    let library = library();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&data)
        .expect("tests/data")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tsv"))
        .collect();
    files.push(data.join("articles/2025-test-questions.tsv"));
    let mut asked = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a question set");
        for line in text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        {
            let question = line.rsplit('\t').next().expect("a question");
            let skipping = library.route(question);
            let all = library.route_answering_all(question);
            assert_eq!(skipping.article, all.article, "{question}");
            assert_eq!(skipping.answer, all.answer, "{question}");
            asked += 1;
        }
    }
    assert!(asked > 500, "only {asked} questions");
}
