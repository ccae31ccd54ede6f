//! The admin web page over HTTP (issue 10): every route, and the safety list — nobody gets
//! in without logging in, a login link works once and for 10 minutes, every change needs
//! the CSRF token, recorded HTML is shown as text, nothing outside `KNOWLEDGE_DIR` can be
//! reached, an invalid or stale save writes nothing, and no user id is ever shown.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use fuer_bot::store::{database_path, unix_now};
use fuer_core::engine::Status;
use fuer_core::texts;
use reqwest::StatusCode;

use crate::web_harness::{TestWeb, session_cookie};

pub(crate) const ITEM_5: &str = "2024-shenzhen/05-母婴室.toml";
/// Declined today; item 5 answers it once 集乳室 is one of its keywords.
pub(crate) const NEW_WORDING: &str = "集乳室有多少";
/// Another recorded question the keyword changes.
pub(crate) const OTHER_WORDING: &str = "集乳室在哪里";

/// Every file of a directory and of its folders with its contents, by relative path.
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).expect("the directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let name = path.strip_prefix(root).expect("inside").to_string_lossy().into_owned();
                files.insert(name, fs::read(&path).expect("a file"));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

pub(crate) fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

fn preview_path(item: &str, keyword: &str, question: &str) -> String {
    format!(
        "preview?op=add_keyword&item={}&keyword={}&question={}",
        encode(item),
        encode(keyword),
        encode(question)
    )
}

#[tokio::test]
async fn every_page_and_action_refuses_anyone_not_logged_in() {
    let web = TestWeb::start().await;
    web.record("不该被看到的问题", 2, 60);
    let forged = "fuer_session=99999999999.00000000000000000000000000000000.00";
    for cookie in [None, Some(forged), Some("fuer_session=")] {
        for path in [
            "",
            "unanswered",
            "try?q=%E6%AF%8D%E5%A9%B4%E5%AE%A4",
            "knowledge",
            &preview_path("5", "集乳室", NEW_WORDING),
            "history",
            "history/1",
            "nosuchpage",
        ] {
            let page = web.get(path, cookie).await;
            let expected = if path == "nosuchpage" {
                StatusCode::NOT_FOUND
            } else {
                StatusCode::UNAUTHORIZED
            };
            assert_eq!(page.status, expected, "GET /{path} with {cookie:?}");
            assert!(!page.body.contains("不该被看到的问题"), "/{path}");
            if expected == StatusCode::UNAUTHORIZED {
                assert!(page.body.contains(texts::WEB_NOT_LOGGED_IN), "/{path}");
            }
        }
        let before = snapshot(web.dir());
        let hash = fuer_bot::web::changes::content_hash(&fs::read_to_string(web.dir().join(ITEM_5)).unwrap());
        let save = web
            .post(
                "save",
                cookie,
                &[
                    ("op", "add_keyword"),
                    ("item", "5"),
                    ("keyword", "集乳室"),
                    ("hash", &hash),
                    ("csrf", "x"),
                ],
            )
            .await;
        assert_eq!(save.status, StatusCode::UNAUTHORIZED);
        assert_eq!(snapshot(web.dir()), before, "nothing saved");
        let undo = web.post("undo", cookie, &[("version", "1"), ("csrf", "x")]).await;
        assert_eq!(undo.status, StatusCode::UNAUTHORIZED);
        let logout = web.post("logout", cookie, &[("csrf", "x")]).await;
        assert_eq!(logout.status, StatusCode::UNAUTHORIZED);
    }
    web.stop().await;
}

#[tokio::test]
async fn a_login_link_works_once_and_logging_out_ends_the_session() {
    let web = TestWeb::start().await;
    let link = web.login_link();
    let token = link.split("token=").nth(1).unwrap().to_string();
    assert!(link.starts_with(&format!("{}login?token=", web.url)), "{link}");

    // Opening the link (or a link preview fetching it) does not use it up.
    for _ in 0..2 {
        let page = web.get(&format!("login?token={token}"), None).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.input("token"), token);
        assert_eq!(page.headers["referrer-policy"], "no-referrer");
    }
    let login = web.post("login", None, &[("token", &token)]).await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    assert_eq!(login.location(), "/");
    let set_cookie = login.headers["set-cookie"].to_str().unwrap().to_string();
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    assert!(!set_cookie.contains("Secure"), "plain http in the test: {set_cookie}");
    let cookie = session_cookie(&login);
    let overview = web.get("", Some(&cookie)).await;
    assert_eq!(overview.status, StatusCode::OK);

    // The same link again: refused, on the page and for logging in.
    let again = web.post("login", None, &[("token", &token)]).await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
    assert!(again.body.contains(texts::WEB_LOGIN_USED));
    assert!(again.headers.get("set-cookie").is_none());
    let opened = web.get(&format!("login?token={token}"), None).await;
    assert_eq!(opened.status, StatusCode::FORBIDDEN);
    assert!(opened.body.contains(texts::WEB_LOGIN_USED));

    // Logging out needs the CSRF token, clears the cookie and ends the session for good.
    let without = web.post("logout", Some(&cookie), &[]).await;
    assert_eq!(without.status, StatusCode::FORBIDDEN);
    assert_eq!(web.get("", Some(&cookie)).await.status, StatusCode::OK);
    let csrf = overview.input("csrf");
    let logout = web.post("logout", Some(&cookie), &[("csrf", &csrf)]).await;
    assert_eq!(logout.status, StatusCode::OK);
    assert!(logout.body.contains(texts::WEB_LOGGED_OUT));
    assert!(logout.headers["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
    let after = web.get("", Some(&cookie)).await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED, "the old cookie no longer works");
    web.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_32_simultaneous_logins_with_one_link_exactly_one_gets_a_session() {
    let web = TestWeb::start().await;
    let link = web.login_link();
    let token = link.split("token=").nth(1).unwrap().to_string();
    let form = [("token", token.as_str())];
    let pages = futures_util::future::join_all((0..32).map(|_| web.post("login", None, &form))).await;
    let sessions: Vec<_> = pages
        .iter()
        .filter(|page| page.status == StatusCode::SEE_OTHER)
        .map(session_cookie)
        .collect();
    assert_eq!(sessions.len(), 1, "exactly one login gets a session");
    for page in pages.iter().filter(|page| page.status != StatusCode::SEE_OTHER) {
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        assert!(page.body.contains(texts::WEB_LOGIN_USED), "{}", page.body);
        assert!(page.headers.get("set-cookie").is_none());
    }
    assert_eq!(web.get("", Some(&sessions[0])).await.status, StatusCode::OK);
    web.stop().await;
}

#[tokio::test]
async fn expired_and_made_up_links_are_refused_and_slowed_down() {
    let web = TestWeb::start().await;
    let expired = web.state.auth().login_token(unix_now() - 601);
    let page = web.post("login", None, &[("token", &expired)]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.body.contains(texts::WEB_LOGIN_EXPIRED));
    assert!(page.headers.get("set-cookie").is_none());
    let opened = web.get(&format!("login?token={expired}"), None).await;
    assert_eq!(opened.status, StatusCode::FORBIDDEN);
    assert!(opened.body.contains(texts::WEB_LOGIN_EXPIRED));

    // Made-up tokens: refused, and each answer comes later than the one before.
    let started = Instant::now();
    let made_up = web.post("login", None, &[("token", "1.2.3")]).await;
    assert_eq!(made_up.status, StatusCode::FORBIDDEN);
    assert!(made_up.body.contains(texts::WEB_LOGIN_INVALID));
    let third = web.get("login?token=garbage", None).await;
    assert_eq!(third.status, StatusCode::FORBIDDEN);
    // Four bad tokens so far: 0.4 s + 0.8 s + 1.2 s + 1.6 s of waiting at least.
    assert!(
        started.elapsed() >= Duration::from_millis(2800),
        "bad tokens are slowed down: {:?}",
        started.elapsed()
    );
    // A good link still works.
    web.log_in().await;
    web.stop().await;
}

#[tokio::test]
async fn a_post_without_the_csrf_token_is_refused_and_changes_nothing() {
    let web = TestWeb::start().await;
    let cookie = web.log_in().await;
    let preview = web.get(&preview_path("5", "集乳室", NEW_WORDING), Some(&cookie)).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let hash = preview.input("hash");
    let csrf = preview.input("csrf");
    let before = snapshot(web.dir());
    let fields = |csrf: &'static str| {
        vec![
            ("op", "add_keyword"),
            ("item", "5"),
            ("keyword", "集乳室"),
            ("question", NEW_WORDING),
            ("csrf", csrf),
        ]
    };
    for token in ["", "00", "not hex"] {
        let mut form = fields(token);
        form.push(("hash", &hash));
        let refused = web.post("save", Some(&cookie), &form).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "csrf {token:?}");
        assert!(refused.body.contains(texts::WEB_CSRF_REFUSED));
    }
    // Another session's token does not do either.
    let other = web.log_in().await;
    let other_csrf = web.get("", Some(&other)).await.input("csrf");
    assert_ne!(other_csrf, csrf);
    let mut form: Vec<(&str, &str)> = fields("");
    form.retain(|(name, _)| *name != "csrf");
    form.push(("csrf", &other_csrf));
    form.push(("hash", &hash));
    assert_eq!(
        web.post("save", Some(&cookie), &form).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(snapshot(web.dir()), before, "no file changed");
    assert_eq!(web.engine().answer(NEW_WORDING).status, Status::Declined);
    web.stop().await;
}

#[tokio::test]
async fn recorded_html_and_script_are_shown_as_text() {
    let web = TestWeb::start().await;
    let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";
    web.record(hostile, 3, 60);
    let cookie = web.log_in().await;
    let escaped =
        "&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;";
    for path in [
        String::new(),
        "unanswered".to_string(),
        format!("try?q={}", encode(hostile)),
        preview_path("5", "<b>集乳</b>", hostile),
    ] {
        let page = web.get(&path, Some(&cookie)).await;
        assert_eq!(page.status, StatusCode::OK, "/{path}: {}", page.body);
        assert!(!page.body.contains("<script"), "/{path}");
        assert!(!page.body.contains("<img"), "/{path}");
        assert!(!page.body.contains("<b>集乳"), "/{path}");
        assert!(page.body.contains(escaped), "/{path}: {}", page.body);
    }
    let csp = web.get("", Some(&cookie)).await.headers["content-security-policy"].clone();
    assert!(
        csp.to_str().unwrap().contains("default-src 'none'"),
        "no script runs at all"
    );
    web.stop().await;
}

#[tokio::test]
async fn item_numbers_and_names_cannot_reach_files_outside_the_knowledge() {
    let web = TestWeb::start().await;
    let cookie = web.log_in().await;
    // A file beside the knowledge directory that looks like an item file.
    let outside = web.dir().parent().unwrap().join("outside-item.toml");
    fs::write(&outside, "number = 5\nkeywords = [\"x\"]\n").unwrap();
    let before = snapshot(web.dir());
    for (item, status) in [
        ("../outside-item", StatusCode::BAD_REQUEST),
        ("../../etc/passwd", StatusCode::BAD_REQUEST),
        ("05-母婴室.toml", StatusCode::BAD_REQUEST),
        ("0", StatusCode::BAD_REQUEST),
        ("-5", StatusCode::BAD_REQUEST),
        ("256", StatusCode::BAD_REQUEST),
        ("99", StatusCode::NOT_FOUND),
    ] {
        let page = web.get(&preview_path(item, "集乳室", ""), Some(&cookie)).await;
        assert_eq!(page.status, status, "item {item:?}");
    }
    for (op, group) in [("remove_group", "../synonyms"), ("add_synonym", "-1"), ("../x", "0")] {
        let page = web
            .get(
                &format!("preview?op={}&group={}&word=x", encode(op), encode(group)),
                Some(&cookie),
            )
            .await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{op} {group}");
    }
    let missing_group = web.get("preview?op=remove_group&group=9999", Some(&cookie)).await;
    assert_eq!(missing_group.status, StatusCode::NOT_FOUND);
    let csrf = web.get("", Some(&cookie)).await.input("csrf");
    let save = web
        .post(
            "save",
            Some(&cookie),
            &[
                ("op", "add_keyword"),
                ("item", "../outside-item"),
                ("keyword", "y"),
                ("csrf", &csrf),
                ("hash", ""),
            ],
        )
        .await;
    assert_eq!(save.status, StatusCode::BAD_REQUEST);
    assert_eq!(snapshot(web.dir()), before);
    assert_eq!(
        fs::read_to_string(&outside).unwrap(),
        "number = 5\nkeywords = [\"x\"]\n"
    );
    web.stop().await;
}

#[tokio::test]
async fn a_save_that_would_make_the_knowledge_invalid_changes_no_file() {
    let web = TestWeb::start().await;
    let cookie = web.log_in().await;
    let before = snapshot(web.dir());
    // 母婴室 is already a keyword of item 5: check reports it listed twice.
    let preview = web.get(&preview_path("5", "母婴室", ""), Some(&cookie)).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.body.contains("id=\"problems\""), "{}", preview.body);
    assert!(preview.body.contains("写了两次"), "{}", preview.body);
    assert!(!preview.body.contains("id=\"save\""), "no save button");
    let hash = fuer_bot::web::changes::content_hash(&fs::read_to_string(web.dir().join(ITEM_5)).unwrap());
    let csrf = web.get("", Some(&cookie)).await.input("csrf");
    let save = web
        .post(
            "save",
            Some(&cookie),
            &[
                ("op", "add_keyword"),
                ("item", "5"),
                ("keyword", "母婴室"),
                ("csrf", &csrf),
                ("hash", &hash),
            ],
        )
        .await;
    assert_eq!(save.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(save.body.contains(texts::WEB_INVALID_CHANGE));
    assert!(save.body.contains("05-母婴室.toml:"), "file:line: {}", save.body);
    // An empty keyword and a line break are refused before any file is looked at.
    for keyword in ["  ", "a\nb"] {
        let page = web
            .post(
                "save",
                Some(&cookie),
                &[
                    ("op", "add_keyword"),
                    ("item", "5"),
                    ("keyword", keyword),
                    ("csrf", &csrf),
                    ("hash", &hash),
                ],
            )
            .await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{keyword:?}");
    }
    assert_eq!(snapshot(web.dir()), before, "no file changed, no temporary file left");
    web.stop().await;
}

#[tokio::test]
async fn a_file_changed_since_the_preview_is_not_overwritten() {
    let web = TestWeb::start().await;
    let cookie = web.log_in().await;
    let preview = web.get(&preview_path("5", "集乳室", NEW_WORDING), Some(&cookie)).await;
    let (hash, csrf) = (preview.input("hash"), preview.input("csrf"));
    // Someone edits the file meanwhile.
    let path = web.dir().join(ITEM_5);
    let edited = format!("{}\n# 另一位管理员的修改\n", fs::read_to_string(&path).unwrap());
    fs::write(&path, &edited).unwrap();
    let save = web
        .post(
            "save",
            Some(&cookie),
            &[
                ("op", "add_keyword"),
                ("item", "5"),
                ("keyword", "集乳室"),
                ("question", NEW_WORDING),
                ("csrf", &csrf),
                ("hash", &hash),
            ],
        )
        .await;
    assert_eq!(save.status, StatusCode::CONFLICT);
    assert!(save.body.contains(texts::WEB_FILE_CHANGED));
    assert_eq!(fs::read_to_string(&path).unwrap(), edited, "the other edit is kept");
    web.stop().await;
}

#[tokio::test]
async fn an_unanswered_question_gets_a_keyword_with_a_preview_and_is_answered_after_the_save() {
    let web = TestWeb::start().await;
    web.record(NEW_WORDING, 4, 3600);
    web.record(OTHER_WORDING, 2, 7200);
    web.record("全市建了多少间母婴室？", 5, 60);
    assert_eq!(web.engine().answer(NEW_WORDING).status, Status::Declined);
    let cookie = web.log_in().await;

    // The overview: chart, shares, most asked items, most frequent unanswered.
    let overview = web.get("", Some(&cookie)).await;
    assert_eq!(overview.status, StatusCode::OK);
    assert!(overview.body.contains("<svg id=\"chart\""));
    assert_eq!(overview.body.matches("<g><title>").count(), 30, "one bar per day");
    assert!(
        overview.body.contains("<div class=\"big\" id=\"questions\">11</div>"),
        "{}",
        overview.body
    );
    assert!(overview.body.contains("第5件 母婴室与民生实事"));
    assert!(overview.body.contains(NEW_WORDING));

    // The unanswered page: the question with a keyword to start from.
    let unanswered = web.get("unanswered", Some(&cookie)).await;
    assert_eq!(unanswered.status, StatusCode::OK);
    let row = unanswered
        .body
        .split("<tr class=\"question\">")
        .find(|row| row.contains(NEW_WORDING))
        .expect("the question is listed");
    assert!(row.contains("name=\"keyword\" value=\"集乳室\""), "{row}");
    assert!(row.contains(texts::WEB_STATUS_DECLINED));

    // The preview: the new reply, and the other recorded question that changes too.
    let preview = web.get(&preview_path("5", "集乳室", NEW_WORDING), Some(&cookie)).await;
    assert_eq!(preview.status, StatusCode::OK);
    let new_reply = preview.body.split("id=\"new-reply\"").nth(1).unwrap();
    assert!(new_reply.contains("第5件｜母婴室与民生实事"), "{new_reply}");
    let changed = preview.body.split("id=\"changed\"").nth(1).expect("changed questions");
    assert!(changed.contains(OTHER_WORDING), "{changed}");
    assert!(
        !changed.contains("全市建了多少间母婴室"),
        "unchanged questions are not listed"
    );
    assert_eq!(
        web.engine().answer(NEW_WORDING).status,
        Status::Declined,
        "nothing saved yet"
    );

    // Saving: the file keeps its comments, the engine answers, the page shows the answer.
    let original = fs::read_to_string(web.dir().join(ITEM_5)).unwrap();
    let save = web
        .post(
            "save",
            Some(&cookie),
            &[
                ("op", "add_keyword"),
                ("item", "5"),
                ("keyword", &preview.input("keyword")),
                ("question", NEW_WORDING),
                ("csrf", &preview.input("csrf")),
                ("hash", &preview.input("hash")),
            ],
        )
        .await;
    assert_eq!(save.status, StatusCode::SEE_OTHER, "{}", save.body);
    let saved = fs::read_to_string(web.dir().join(ITEM_5)).unwrap();
    assert!(saved.contains("\"集乳室\""));
    let comments = |text: &str| text.lines().filter(|line| line.trim_start().starts_with('#')).count();
    assert_eq!(comments(&saved), comments(&original), "comments kept");
    assert_eq!(saved.lines().count(), original.lines().count(), "layout kept");
    let answer = web.engine().answer(NEW_WORDING);
    assert_eq!((answer.status, answer.item), (Status::Answered, Some(5)));
    assert!(save.location().starts_with("/try?q="), "{}", save.location());
    let result = web.get(save.location().trim_start_matches('/'), Some(&cookie)).await;
    assert!(result.body.contains("id=\"saved\""), "{}", result.body);
    assert!(result.body.contains("第5件｜母婴室与民生实事"));
    assert!(fuer_bot::cli::load_library(web.dir()).is_ok(), "fuer-bot check passes");
    web.stop().await;
}

#[tokio::test]
async fn try_shows_the_reply_as_the_bot_sends_it_and_the_trace() {
    let web = TestWeb::start().await;
    let cookie = web.log_in().await;
    let page = web
        .get(&format!("try?q={}", encode("全市建了多少间母婴室？")), Some(&cookie))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let expected = fuer_bot::console::respond_to_line(&web.library(), "全市建了多少间母婴室？")
        .response
        .reply;
    for span in expected.paragraphs.iter().flat_map(|paragraph| &paragraph.spans) {
        assert!(page.body.contains(&span.text), "{}", span.text);
    }
    assert!(page.body.contains("<b>第5件｜母婴室与民生实事</b>"));
    // The answer first, the figure bold there and in the fact, as on Telegram.
    assert!(page.body.contains("答：<b>1480间</b>"), "{}", page.body);
    assert!(page.body.contains("母婴室<b>1480间</b>,基本实现"), "{}", page.body);
    assert!(page.body.contains("normalized: "), "the trace");
    let list = web.get("try?q=%2Flist", Some(&cookie)).await;
    assert!(list.body.contains("10. "), "commands answer as on Telegram");
    let empty = web.get("try", Some(&cookie)).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(!empty.body.contains("id=\"reply\""));
    web.stop().await;
}

/// Previews `query` and saves it with the preview's fields; returns the redirect.
pub(crate) async fn preview_and_save(web: &TestWeb, cookie: &str, query: &str) -> String {
    let preview = web.get(&format!("preview?{query}"), Some(cookie)).await;
    assert_eq!(preview.status, StatusCode::OK, "{query}: {}", preview.body);
    let form: Vec<(String, String)> = [
        "op", "item", "keyword", "group", "word", "words", "question", "hash", "csrf",
    ]
    .iter()
    .map(|name| (name.to_string(), preview.input(name)))
    .filter(|(_, value)| !value.is_empty())
    .collect();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = web.post("save", Some(cookie), &form).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{query}: {}", saved.body);
    saved.location()
}

#[tokio::test]
async fn the_knowledge_page_edits_keywords_and_synonym_groups() {
    let web = TestWeb::start().await;
    let cookie = web.log_in().await;
    let page = web.get("knowledge", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    let knowledge = web.engine().knowledge().clone();
    for item in &knowledge.items {
        assert!(page.body.contains(&format!("id=\"item-{}\"", item.number)));
        assert!(page.body.contains(&item.facts[0].text), "facts are shown");
    }
    assert!(
        page.body
            .contains("op=remove_keyword&amp;article=2024-shenzhen&amp;item=5&amp;keyword=")
    );

    // A keyword removed.
    let location = preview_and_save(
        &web,
        &cookie,
        &format!("op=remove_keyword&item=5&keyword={}", encode("喂奶间")),
    )
    .await;
    assert!(location.starts_with("/knowledge?saved="), "{location}");
    assert!(
        !web.engine()
            .knowledge()
            .item(5)
            .unwrap()
            .keywords
            .contains(&"喂奶间".to_string())
    );
    // A new synonym group, a word added to it, and the group removed again.
    let groups = knowledge.synonym_groups.len();
    preview_and_save(
        &web,
        &cookie,
        &format!("op=add_group&words={}", encode("集乳室，背奶室")),
    )
    .await;
    assert_eq!(web.engine().knowledge().synonym_groups.len(), groups + 1);
    preview_and_save(
        &web,
        &cookie,
        &format!("op=add_synonym&group={groups}&word={}", encode("储奶室")),
    )
    .await;
    assert_eq!(
        web.engine().knowledge().synonym_groups[groups],
        ["集乳室", "背奶室", "储奶室"]
    );
    preview_and_save(
        &web,
        &cookie,
        &format!("op=remove_synonym&group={groups}&word={}", encode("背奶室")),
    )
    .await;
    preview_and_save(&web, &cookie, &format!("op=remove_group&group={groups}")).await;
    assert_eq!(web.engine().knowledge().synonym_groups, knowledge.synonym_groups);
    let synonyms = fs::read_to_string(web.dir().join("synonyms.toml")).unwrap();
    let shipped = fs::read_to_string(crate::support::knowledge_dir().join("synonyms.toml")).unwrap();
    assert_eq!(
        synonyms.trim_end(),
        shipped.trim_end(),
        "back to the file as it was, comments and all"
    );
    // A group left with one word is invalid: the preview says so.
    let first = &knowledge.synonym_groups[0];
    let mut query = String::from("op=remove_synonym&group=0&word=");
    query.push_str(&encode(&first[0]));
    let fine = web.get(&format!("preview?{query}"), Some(&cookie)).await;
    assert!(!fine.body.contains("id=\"problems\""), "{}", fine.body);
    web.stop().await;
}

#[tokio::test]
async fn the_question_log_never_shows_user_ids() {
    let web = TestWeb::start().await;
    web.record("母婴室在哪里可以找到", 2, 60);
    web.record("今天天气怎么样", 2, 60);
    let cookie = web.log_in().await;
    // The records have no id of a user or chat: the database has no column for one.
    let connection = rusqlite::Connection::open(database_path(web.data.path())).unwrap();
    let mut tables = connection
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap();
    let names: Vec<String> = tables
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(names.len() >= 4, "{names:?}");
    for table in &names {
        let mut columns = Vec::new();
        connection
            .pragma(None, "table_info", table, |row| {
                columns.push(row.get::<_, String>(1)?);
                Ok(())
            })
            .unwrap();
        for column in &columns {
            for id in ["user", "chat_id", "username", "sender", "from"] {
                assert!(!column.contains(id), "{table}.{column}");
            }
        }
    }
    // And the pages show questions, counts and times only.
    for path in ["", "unanswered"] {
        let page = web.get(path, Some(&cookie)).await;
        assert!(page.body.contains("今天天气怎么样"));
        assert!(!page.body.contains("private"), "not even the chat type");
    }
    web.stop().await;
}

/// `fuer-bot web` and `fuer-bot web-link` as separate processes, as on a server.
#[test]
fn the_binary_serves_the_page_and_prints_links_it_accepts() {
    let knowledge = crate::support::copy_knowledge();
    let data = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    // Recorded before: one question past the retention period, one within it.
    let now = fuer_bot::store::unix_now();
    let database = fuer_bot::store::database_path(data.path());
    let mut store = fuer_bot::store::QuestionStore::open(&database).unwrap();
    for (age_days, question) in [(45, "四十五天前的问题"), (1, "昨天的问题")] {
        store
            .record(&crate::store_support::record(
                now - age_days * 86_400,
                question,
                None,
                0.0,
                fuer_bot::store::RecordStatus::Declined,
            ))
            .unwrap();
    }
    drop(store);
    let command = |arguments: &[&str]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_fuer-bot"));
        command
            .args(["--knowledge", &knowledge.path().display().to_string()])
            .args(["--data-dir", &data.path().display().to_string()])
            .args(arguments)
            .env("WEB_LISTEN", &listen)
            .env("WEB_URL", format!("http://{listen}/"))
            .env("NO_PROXY", "127.0.0.1,localhost")
            .env("QUESTION_RETENTION", "30d")
            .env_remove("TELOXIDE_TOKEN");
        command
    };
    let mut server = command(&["web"]).stderr(std::process::Stdio::piped()).spawn().unwrap();
    let link = command(&["web-link"]).output().unwrap();
    assert!(link.status.success(), "{link:?}");
    let link = String::from_utf8(link.stdout).unwrap().trim().to_string();
    assert!(link.starts_with(&format!("http://{listen}/login?token=")), "{link}");
    let token = link.split("token=").nth(1).unwrap().to_string();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let status = runtime.block_on(async {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .unwrap();
        crate::support::log_in_when_up(&client, &format!("http://{listen}/"), &token)
            .await
            .status()
    });
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(status, StatusCode::SEE_OTHER);
    // The retention period was applied before the page served anything.
    let store = fuer_bot::store::QuestionStore::open_read_only(&database)
        .unwrap()
        .expect("questions");
    let kept = store.frequent_questions(10).unwrap();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0].text, "昨天的问题");
    assert_eq!(store.stats(now).unwrap().all_time.questions, 2, "the daily counts stay");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(data.path().join(fuer_bot::web::auth::SECRET_FILE_NAME))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// Where the browser test saves its screenshots: `docs/` when `FUER_BOT_SCREENSHOTS=docs`
/// (to refresh the README's pictures), else a temporary directory.
pub(crate) fn screenshot_dir(temporary: &Path) -> std::path::PathBuf {
    match std::env::var("FUER_BOT_SCREENSHOTS").as_deref() {
        Ok("docs") => std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs"),
        _ => temporary.to_path_buf(),
    }
}

/// The whole loop in a real browser (headless Chromium through ChromeDriver): log in
/// through a link, see the chart, pick an unanswered question, preview a keyword, save,
/// and the bot answers the question.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_real_browser_an_admin_teaches_the_bot_a_keyword() {
    let Some(chromedriver) = crate::webdriver::chromedriver_path() else {
        crate::webdriver::skip_without_chromedriver("in_a_real_browser_an_admin_teaches_the_bot_a_keyword");
        return;
    };
    let web = TestWeb::start().await;
    record_a_month(&web);
    assert_eq!(web.engine().answer(NEW_WORDING).status, Status::Declined);
    let pictures = tempfile::tempdir().unwrap();
    let pictures = screenshot_dir(pictures.path());
    fs::create_dir_all(&pictures).unwrap();

    let browser = crate::webdriver::Browser::start(&chromedriver).await;
    log_in_and_see_the_chart(&browser, &web, &pictures).await;

    // The unanswered question: pick item 5, keep the keyword suggested, preview.
    let link = browser.find("//a[contains(@href, 'unanswered') and not(@class)]").await;
    browser.click(&link).await;
    let row = format!("//tr[contains(@class, 'question')][.//span[@class='text' and text()='{NEW_WORDING}']]");
    let keyword = browser.wait_for(&format!("{row}//input[@name='keyword']")).await;
    assert_eq!(browser.property(&keyword, "value").await, "集乳室");
    fs::write(pictures.join("web-unanswered.png"), browser.screenshot().await).unwrap();
    let option = browser.find(&format!("{row}//option[@value='5']")).await;
    browser.click(&option).await;
    browser.type_into(&keyword, "集乳室").await;
    let preview = browser.find(&format!("{row}//button")).await;
    browser.click(&preview).await;

    // The preview: the new reply, and the other question that changes with it.
    let new_reply = browser.wait_for("//div[@id='new-reply']").await;
    assert!(browser.text(&new_reply).await.contains("第5件｜母婴室与民生实事"));
    let changed = browser.find("//table[@id='changed']").await;
    assert!(browser.text(&changed).await.contains(OTHER_WORDING));
    assert_eq!(
        web.engine().answer(NEW_WORDING).status,
        Status::Declined,
        "not saved yet"
    );
    fs::write(pictures.join("web-preview.png"), browser.screenshot().await).unwrap();

    // Save: the page shows the new answer, and the bot gives it.
    let save = browser.find("//button[@id='save']").await;
    browser.click(&save).await;
    let saved = browser.wait_for("//div[@id='saved']").await;
    assert!(browser.text(&saved).await.contains("知识库已更新"));
    let reply = browser.find("//div[@id='reply']").await;
    assert!(browser.text(&reply).await.contains("第5件｜母婴室与民生实事"));
    browser.quit().await;
    let engine = web.engine();
    let answer = engine.answer(NEW_WORDING);
    assert_eq!((answer.status, answer.item), (Status::Answered, Some(5)));
    let bot_reply = fuer_core::dialogue::respond(&engine, fuer_core::dialogue::Request::Question(NEW_WORDING));
    assert!(
        bot_reply.reply.to_plain_text().contains("母婴室"),
        "{}",
        bot_reply.reply.to_plain_text()
    );
    assert!(
        fs::read_to_string(web.dir().join(ITEM_5))
            .unwrap()
            .contains("\"集乳室\"")
    );
    web.stop().await;
}

/// A month of questions, for the chart, and the unanswered wordings the test teaches.
fn record_a_month(web: &TestWeb) {
    for day in 0..30 {
        let age = day * 86_400 + 600;
        web.record("全市建了多少间母婴室？", 3 + (day as usize * 7) % 11, age);
        web.record("爱心妈妈结对关爱了多少名儿童？", 1 + (day as usize * 5) % 6, age);
        web.record("明天深圳的股票行情怎么样？", (day as usize * 3) % 4, age);
        web.record("妇儿大厦门票多少钱", (day as usize) % 3, age);
    }
    web.record(NEW_WORDING, 9, 3600);
    web.record(OTHER_WORDING, 4, 7200);
    web.record("喂奶的地方有几个", 2, 5000);
}

/// Logs in through a link and finds the overview with its chart: 30 days, three bars each.
async fn log_in_and_see_the_chart(browser: &crate::webdriver::Browser, web: &TestWeb, pictures: &Path) {
    browser.go(&web.login_link()).await;
    let button = browser.find("//button[@id='login']").await;
    browser.click(&button).await;
    let questions = browser.wait_for("//div[@id='questions']").await;
    assert_eq!(browser.url().await, web.url, "the overview after logging in");
    assert_eq!(
        browser
            .count("//*[local-name()='svg' and @id='chart']//*[local-name()='g']")
            .await,
        30
    );
    assert_eq!(
        browser
            .count("//*[local-name()='svg' and @id='chart']//*[local-name()='g']/*[local-name()='rect']")
            .await,
        90
    );
    assert_ne!(browser.text(&questions).await, "0");
    fs::write(pictures.join("web-overview.png"), browser.screenshot().await).unwrap();
}

/// A newcomer's page: empty, it says where questions come from and how to try (`chat`); a
/// question the bot has no guess for offers no item until one is chosen, and a preview
/// without an item cannot be saved.
#[tokio::test]
async fn the_empty_overview_explains_and_no_item_is_chosen_for_the_admin() {
    let web = TestWeb::start().await;
    let cookie = web.log_in().await;
    let empty = web.get("", Some(&cookie)).await;
    assert_eq!(empty.status, StatusCode::OK);
    for expected in ["id=\"empty-hint\"", "fuer-bot chat", "Telegram", "--record"] {
        assert!(empty.body.contains(expected), "{expected}: {}", empty.body);
    }

    web.record("明天会下雨吗", 3, 60);
    let overview = web.get("", Some(&cookie)).await;
    assert!(
        !overview.body.contains("id=\"empty-hint\""),
        "the hint goes once questions are recorded"
    );

    // (question, whether the page preselects an item)
    let rows = web.get("unanswered", Some(&cookie)).await;
    assert_eq!(rows.status, StatusCode::OK);
    let row = rows
        .body
        .split("<tr class=\"question\">")
        .find(|row| row.contains("明天会下雨吗"))
        .expect("the weather question is listed");
    for (expected, present) in [
        ("<option value=\"\" selected>请选择</option>", true),
        (" required>", true),
        ("（机器人猜的）", false),
        ("<option value=\"1\" selected", false),
    ] {
        assert_eq!(row.contains(expected), present, "{expected}: {row}");
    }
    // Sent anyway without an item: no save button.
    let preview = web
        .get(
            &format!(
                "preview?op=add_keyword&item=&keyword={}&question={}",
                encode("下雨"),
                encode("明天会下雨吗")
            ),
            Some(&cookie),
        )
        .await;
    assert!(!preview.body.contains("id=\"save\""), "{}", preview.body);
    web.stop().await;
}

/// A recorded question is personal data: the unanswered page deletes it (after a
/// confirmation, with the CSRF token) from the lists and the summaries.
#[tokio::test]
async fn an_admin_deletes_a_recorded_question_everywhere() {
    let web = TestWeb::start().await;
    web.record("我叫张三住在福田区某某路想问补贴", 2, 60);
    web.record("明天会下雨吗", 1, 60);
    let cookie = web.log_in().await;
    let page = web.get("unanswered", Some(&cookie)).await;
    assert!(page.body.contains("确定删除"), "{}", page.body);
    let csrf = page.input("csrf");
    // (form, expected status): no token refused, then the deletion.
    for (form, status) in [
        (
            vec![("question", "我叫张三住在福田区某某路想问补贴")],
            StatusCode::FORBIDDEN,
        ),
        (
            vec![
                ("question", "我叫张三住在福田区某某路想问补贴"),
                ("csrf", csrf.as_str()),
            ],
            StatusCode::SEE_OTHER,
        ),
    ] {
        let response = web.post("delete", Some(&cookie), &form).await;
        assert_eq!(response.status, status, "{form:?}: {}", response.body);
    }
    for path in ["unanswered", ""] {
        let page = web.get(path, Some(&cookie)).await;
        assert!(!page.body.contains("张三"), "{path}: {}", page.body);
        assert!(page.body.contains("明天会下雨吗"), "{path}: the other question stays");
    }
    web.stop().await;
}

/// A preview that would make a question the bot declines answered warns in plain words;
/// one that changes nothing for the question does not.
#[tokio::test]
async fn a_preview_warns_before_an_out_of_scope_question_gets_answered() {
    let web = TestWeb::start().await;
    let cookie = web.log_in().await;
    // (question, item, keyword, warned)
    for (question, item, keyword, warned) in [
        ("明天会下雨吗", "1", "下雨", true),
        ("全市建了多少间母婴室？", "5", "喂奶房", false),
    ] {
        let preview = web
            .get(
                &format!(
                    "preview?op=add_keyword&item={item}&keyword={}&question={}",
                    encode(keyword),
                    encode(question)
                ),
                Some(&cookie),
            )
            .await;
        assert_eq!(preview.status, StatusCode::OK, "{question}: {}", preview.body);
        assert_eq!(preview.body.contains("id=\"scope-warning\""), warned, "{question}");
    }
    web.stop().await;
}
