//! The admin web page's articles over HTTP: paste or upload an article → the draft's
//! preview (writes nothing) → save as a new article (validated, atomic, reloaded live) →
//! edit its keywords with the knowledge page's tools; hiding an article and showing it
//! again; the refusals (not logged in, no CSRF token, not an article, a taken id, the last
//! article); and the overview and unanswered list filtered by article.

use std::fs;
use std::path::Path;

use fuer_core::texts;
use reqwest::StatusCode;

use crate::support::articles_dir;
use crate::web_harness::{Page, TestWeb};

const OLD: &str = "2024-shenzhen";
const NEW: &str = "2025-shenzhen";

fn article_text() -> String {
    fs::read_to_string(articles_dir().join("2025-test.txt")).expect("the test article")
}

/// The names in the knowledge directory (top level), sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the knowledge directory")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Logs in and returns the cookie and the CSRF token of the articles page.
async fn logged_in(web: &TestWeb) -> (String, String) {
    let cookie = web.log_in().await;
    let page = web.get("articles", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = page.input("csrf");
    (cookie, csrf)
}

async fn preview(web: &TestWeb, cookie: &str, csrf: &str, text: &str) -> crate::web_harness::Page {
    web.post_multipart(
        "articles/preview",
        Some(cookie),
        &[
            ("csrf", csrf.as_bytes(), None),
            ("text", text.as_bytes(), None),
            ("id", b"", None),
        ],
    )
    .await
}

#[tokio::test]
async fn every_article_route_needs_a_session_and_every_change_its_csrf_token() {
    let web = TestWeb::start().await;
    let before = names(web.dir());
    assert_eq!(web.get("articles", None).await.status, StatusCode::UNAUTHORIZED);
    let text = article_text();
    let anonymous = web
        .post_multipart("articles/preview", None, &[("text", text.as_bytes(), None)])
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    for route in ["articles/save", "articles/hide", "articles/show"] {
        let page = web.post(route, None, &[("text", &text), ("article", OLD)]).await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED, "{route}");
    }
    let cookie = web.log_in().await;
    let no_token = web
        .post_multipart("articles/preview", Some(&cookie), &[("text", text.as_bytes(), None)])
        .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    for route in ["articles/save", "articles/hide", "articles/show"] {
        let page = web
            .post(
                route,
                Some(&cookie),
                &[("csrf", "forged"), ("text", &text), ("article", OLD)],
            )
            .await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{route}");
    }
    assert_eq!(names(web.dir()), before, "nothing was written");
    assert_eq!(web.library().engines().len(), 1);
    web.stop().await;
}

/// Saves `text` as a new article (under the id it names) and returns where the page sends
/// the admin next.
async fn save_article(web: &TestWeb, cookie: &str, csrf: &str, text: &str) -> String {
    let saved = web
        .post(
            "articles/save",
            Some(cookie),
            &[("csrf", csrf), ("text", text), ("id", "")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    saved.location()
}

/// Posts the hide or show form (`route`) of an article.
async fn article_action(web: &TestWeb, cookie: &str, csrf: &str, route: &str, article: &str) -> Page {
    web.post(route, Some(cookie), &[("csrf", csrf), ("article", article)])
        .await
}

/// The page, logged in (the cookie and the CSRF token), with `text` saved as a second
/// article.
async fn web_with_an_article_saved(text: &str) -> (TestWeb, String, String) {
    let web = TestWeb::start().await;
    let (cookie, csrf) = logged_in(&web).await;
    save_article(&web, &cookie, &csrf, text).await;
    (web, cookie, csrf)
}

/// The 2025 article as a browser uploads it (CRLF line ends).
fn article_text_crlf() -> String {
    article_text().replace('\n', "\r\n")
}

#[tokio::test]
async fn a_pasted_or_uploaded_article_is_previewed_and_nothing_is_written() {
    let web = TestWeb::start().await;
    let (cookie, csrf) = logged_in(&web).await;
    let before = names(web.dir());
    let text = article_text();

    // The draft's preview: items, facts, suggested keywords, the review list; nothing written.
    let page = preview(&web, &cookie, &csrf, &text).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("2025年深圳妇女儿童发展十件大事"));
    assert!(page.body.contains(NEW));
    for number in 1..=10 {
        assert!(
            page.body.contains(&format!("id=\"draft-item-{number}\"")),
            "item {number}"
        );
    }
    assert!(page.body.contains("326家女性创业企业"), "facts are shown");
    assert!(page.body.contains("class=\"keyword\""), "suggested keywords are shown");
    assert!(page.body.contains("id=\"review\""), "the review list is shown");
    assert!(page.body.contains("action=\"/articles/save\""));
    assert_eq!(names(web.dir()), before, "a preview writes nothing");

    // An uploaded file gives the same draft (a browser's CRLF line ends included).
    let crlf = article_text_crlf();
    let uploaded = web
        .post_multipart(
            "articles/preview",
            Some(&cookie),
            &[
                ("csrf", csrf.as_bytes(), None),
                ("text", b"", None),
                ("file", crlf.as_bytes(), Some("2025.txt")),
            ],
        )
        .await;
    assert_eq!(uploaded.status, StatusCode::OK, "{}", uploaded.body);
    assert!(uploaded.body.contains("id=\"draft-item-10\""));
    assert_eq!(names(web.dir()), before, "a preview writes nothing");
    web.stop().await;
}

#[tokio::test]
async fn an_article_is_saved_verbatim_and_reloaded_live() {
    let web = TestWeb::start().await;
    let (cookie, csrf) = logged_in(&web).await;
    let text = article_text();
    // Saved: a new folder, reloaded live, and the knowledge page opens its keywords.
    let location = save_article(&web, &cookie, &csrf, &article_text_crlf()).await;
    assert!(location.starts_with("/knowledge?saved="), "{location}");
    assert!(location.ends_with(&format!("article={NEW}")), "{location}");
    assert!(web.dir().join(NEW).join("source.txt").is_file());
    assert_eq!(
        fs::read_to_string(web.dir().join(NEW).join("source.txt")).expect("source.txt"),
        text,
        "the article is kept verbatim, with Unix line ends"
    );
    assert!(
        names(web.dir()).iter().all(|name| !name.starts_with("_import-")),
        "no temporary folder is left"
    );
    let library = web.library();
    assert_eq!(library.engines().len(), 2);
    assert_eq!(library.id(library.latest_index()), NEW);
    let routed = library.route("女性创业博览会有多少家企业参展");
    assert_eq!(library.id(routed.article), NEW);
    let knowledge = web.get(&location[1..], Some(&cookie)).await;
    assert_eq!(knowledge.status, StatusCode::OK);
    assert!(knowledge.body.contains("已保存新文章"));
    assert!(knowledge.body.contains("知识库：2025年深圳妇女儿童发展十件大事"));
    assert!(knowledge.body.contains(&format!("name=\"article\" value=\"{NEW}\"")));
    web.stop().await;
}

/// A saved article's keywords, with today's tools: preview and save an added keyword of
/// item 1; it goes to the new article, the older one is untouched.
#[tokio::test]
async fn a_saved_articles_keywords_are_edited_with_the_knowledge_pages_tools() {
    let (web, cookie, csrf) = web_with_an_article_saved(&article_text_crlf()).await;
    let old_file = fs::read_to_string(web.dir().join(OLD).join("01-巾帼宣讲.toml")).expect("2024's item 1");
    let query = format!("preview?op=add_keyword&article={NEW}&item=1&keyword=%E5%88%9B%E4%B8%9A%E5%B1%95");
    let preview_page = web.get(&query, Some(&cookie)).await;
    assert_eq!(preview_page.status, StatusCode::OK, "{}", preview_page.body);
    assert_eq!(preview_page.input("article"), NEW);
    let hash = preview_page.input("hash");
    let saved_keyword = web
        .post(
            "save",
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("hash", &hash),
                ("op", "add_keyword"),
                ("article", NEW),
                ("item", "1"),
                ("keyword", "创业展"),
            ],
        )
        .await;
    assert_eq!(saved_keyword.status, StatusCode::SEE_OTHER, "{}", saved_keyword.body);
    let item_files: Vec<_> = fs::read_dir(web.dir().join(NEW))
        .expect("the new folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("01-"))
        })
        .collect();
    let new_item = fs::read_to_string(&item_files[0]).expect("2025's item 1");
    assert!(new_item.contains("\"创业展\""), "the keyword went to the 2025 article");
    assert_eq!(
        fs::read_to_string(web.dir().join(OLD).join("01-巾帼宣讲.toml")).expect("2024's item 1"),
        old_file,
        "the 2024 article is untouched"
    );
    web.stop().await;
}

/// The text of a saved article (saved with CRLF line ends) again: already imported,
/// nothing changes; another text with a taken id: refused.
#[tokio::test]
async fn a_saved_article_again_changes_nothing_and_a_taken_id_is_refused() {
    let (web, cookie, csrf) = web_with_an_article_saved(&article_text_crlf()).await;
    let text = article_text();
    let snapshot = names(&web.dir().join(NEW));
    let again = web
        .post(
            "articles/save",
            Some(&cookie),
            &[("csrf", &csrf), ("text", &text), ("id", "")],
        )
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(again.body.contains(&texts::web_import_already(NEW)), "{}", again.body);
    assert_eq!(names(&web.dir().join(NEW)), snapshot);
    // Another text with a taken id: refused, nothing written.
    let other = text.replace("326家", "327家");
    let taken = web
        .post(
            "articles/save",
            Some(&cookie),
            &[("csrf", &csrf), ("text", &other), ("id", NEW)],
        )
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT, "{}", taken.body);
    assert!(taken.body.contains("已经被另一篇文章用了"));
    web.stop().await;
}

#[tokio::test]
async fn texts_that_are_not_articles_are_refused_in_chinese_and_nothing_is_written() {
    let web = TestWeb::start().await;
    let (cookie, csrf) = logged_in(&web).await;
    let before = names(web.dir());
    let text = article_text();
    let no_year = text.replacen("2025年深圳", "深圳", 1);
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("empty", b"  \n".to_vec(), texts::WEB_IMPORT_EMPTY),
        (
            "no items",
            "2025年某市的消息\n今天天气很好。\n".as_bytes().to_vec(),
            texts::WEB_IMPORT_NO_ITEMS,
        ),
        (
            "binary",
            vec![0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff],
            texts::WEB_IMPORT_NOT_TEXT,
        ),
        ("no year", no_year.into_bytes(), texts::WEB_IMPORT_NO_YEAR),
        ("too large", vec![b'a'; 1024 * 1024 + 1], texts::WEB_IMPORT_TOO_LARGE),
    ];
    for (name, bytes, expected) in cases {
        let page = web
            .post_multipart(
                "articles/preview",
                Some(&cookie),
                &[("csrf", csrf.as_bytes(), None), ("file", &bytes, Some("article.txt"))],
            )
            .await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{name}: {}", page.body);
        assert!(page.body.contains(expected), "{name}: {}", page.body);
    }
    let bad_id = web
        .post_multipart(
            "articles/preview",
            Some(&cookie),
            &[
                ("csrf", csrf.as_bytes(), None),
                ("text", text.as_bytes(), None),
                ("id", b"../etc", None),
            ],
        )
        .await;
    assert_eq!(bad_id.status, StatusCode::BAD_REQUEST);
    assert!(bad_id.body.contains(texts::WEB_IMPORT_BAD_ID));
    let bad_save = web
        .post(
            "articles/save",
            Some(&cookie),
            &[("csrf", &csrf), ("text", "不是文章"), ("id", "")],
        )
        .await;
    assert_eq!(bad_save.status, StatusCode::BAD_REQUEST);
    assert_eq!(names(web.dir()), before);
    web.stop().await;
}

/// The only article cannot be hidden (no button, and the route refuses); with two, each
/// has a hide button behind a confirmation.
#[tokio::test]
async fn the_only_article_cannot_be_hidden_and_hiding_asks_for_a_confirmation() {
    let web = TestWeb::start().await;
    let (cookie, csrf) = logged_in(&web).await;
    let page = web.get("articles", Some(&cookie)).await;
    assert!(
        !page.body.contains("articles/hide"),
        "no hide button for the only article"
    );
    let last = article_action(&web, &cookie, &csrf, "articles/hide", OLD).await;
    assert_eq!(last.status, StatusCode::CONFLICT);
    assert!(last.body.contains(texts::WEB_LAST_ARTICLE));

    save_article(&web, &cookie, &csrf, &article_text()).await;
    let page = web.get("articles", Some(&cookie)).await;
    assert!(page.body.contains("action=\"/articles/hide\""));
    assert!(
        page.body
            .contains("<details class=\"delete\"><summary>隐藏这篇文章</summary>"),
        "a confirmation first"
    );
    web.stop().await;
}

#[tokio::test]
async fn hiding_an_article_is_one_confirmed_click_and_it_can_be_shown_again() {
    let (web, cookie, csrf) = web_with_an_article_saved(&article_text()).await;

    // Hiding 2024 leaves 2025 alone, although concepts.toml's terms are 2024's keywords
    // (they are notes then, not problems); and 2024 can be shown again.
    let hidden = article_action(&web, &cookie, &csrf, "articles/hide", OLD).await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER, "{}", hidden.body);
    assert!(web.dir().join("_hidden").join(OLD).join("source.txt").is_file());
    let library = web.library();
    assert_eq!(library.engines().len(), 1);
    assert_eq!(library.id(0), NEW);
    let shown = article_action(&web, &cookie, &csrf, "articles/show", OLD).await;
    assert_eq!(shown.status, StatusCode::SEE_OTHER, "{}", shown.body);
    assert!(web.dir().join(OLD).join("source.txt").is_file());
    assert_eq!(web.library().engines().len(), 2);

    // Hide 2025: the folder moves to _hidden/, the bot stops answering from it.
    let hidden = article_action(&web, &cookie, &csrf, "articles/hide", NEW).await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER, "{}", hidden.body);
    assert!(hidden.location().starts_with("/articles?saved="));
    assert!(!web.dir().join(NEW).exists());
    assert!(
        web.dir().join("_hidden").join(NEW).join("source.txt").is_file(),
        "it stays on disk"
    );
    let library = web.library();
    assert_eq!(library.engines().len(), 1);
    assert_eq!(library.id(0), OLD);
    assert!(fuer_bot::cli::load_library(web.dir()).is_ok(), "fuer-bot check passes");
    let page = web.get("articles", Some(&cookie)).await;
    assert!(page.body.contains("class=\"hidden-article\""));
    // Unknown ids and paths are refused.
    for id in ["2023-nowhere", "../2025-shenzhen", OLD] {
        let refused = article_action(&web, &cookie, &csrf, "articles/show", id).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{id}");
    }
    // Shown again.
    let shown = article_action(&web, &cookie, &csrf, "articles/show", NEW).await;
    assert_eq!(shown.status, StatusCode::SEE_OTHER, "{}", shown.body);
    assert!(web.dir().join(NEW).join("source.txt").is_file());
    assert_eq!(web.library().engines().len(), 2);
    web.stop().await;
}

#[tokio::test]
async fn the_overview_and_the_unanswered_list_are_filtered_by_article() {
    let (web, cookie, _csrf) = web_with_an_article_saved(&article_text()).await;
    web.record_in("妇儿大厦门票多少钱", OLD, 3);
    web.record_in("心理热线的电话号码是多少", NEW, 2);

    let all = web.get("unanswered", Some(&cookie)).await;
    assert!(all.body.contains("妇儿大厦门票多少钱") && all.body.contains("心理热线的电话号码是多少"));
    assert!(all.body.contains("按文章筛选"));
    let only_new = web.get(&format!("unanswered?article={NEW}"), Some(&cookie)).await;
    assert_eq!(only_new.status, StatusCode::OK);
    assert!(only_new.body.contains("心理热线的电话号码是多少"));
    assert!(!only_new.body.contains("妇儿大厦门票多少钱"));
    // The keyword form of a row names its article.
    assert!(only_new.body.contains(&format!("name=\"article\" value=\"{NEW}\"")));
    let only_old = web.get(&format!("?article={OLD}"), Some(&cookie)).await;
    assert!(only_old.body.contains("妇儿大厦门票多少钱"));
    assert!(!only_old.body.contains("心理热线的电话号码是多少"));
    // An unknown article means every article.
    let unknown = web.get("unanswered?article=1999-x", Some(&cookie)).await;
    assert!(unknown.body.contains("妇儿大厦门票多少钱") && unknown.body.contains("心理热线的电话号码是多少"));
    web.stop().await;
}
