//! Which article a request goes to when several are served (class: several articles), as a
//! table: commands, deep links, questions naming a year or a topic of one article, and
//! conversations whose follow-ups stay in their article. The same step
//! (`fuer_core::library::respond`) serves Telegram, the console, `ask` and the web page.

use std::sync::OnceLock;

use fuer_bot::console::LocalConversation;
use fuer_core::library::Library;

use crate::support::two_articles;

const OLD: &str = "2024-shenzhen";
const NEW: &str = "2025-shenzhen";

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = two_articles();
        fuer_bot::cli::load_library(dir.path()).expect("both articles load")
    })
}

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
