//! The history of the web page's saves (issue 17): every save keeps the file's previous
//! version in `DATA_DIR/knowledge-history/` (never in the knowledge directory), the page
//! shows what a save changed and undoes it — with the CSRF token, validated and reloaded
//! like a save, refused when the file changed since, and kept in the history itself.

use std::fs;

use fuer_bot::web::history::{HISTORY_DIR_NAME, History};
use fuer_core::engine::Status;
use fuer_core::texts;
use reqwest::StatusCode;

use crate::web::{ITEM_5, NEW_WORDING, encode, preview_and_save, snapshot};
use crate::web_harness::TestWeb;

fn add_keyword(keyword: &str) -> String {
    format!(
        "op=add_keyword&item=5&keyword={}&question={}",
        encode(keyword),
        encode(NEW_WORDING)
    )
}

#[tokio::test]
async fn a_save_is_kept_in_the_history_and_undone_from_the_page() {
    let web = TestWeb::start().await;
    web.record(NEW_WORDING, 3, 60);
    let cookie = web.log_in().await;
    let original = fs::read(web.dir().join(ITEM_5)).unwrap();
    let files_before = snapshot(web.dir());

    let location = preview_and_save(&web, &cookie, &add_keyword("集乳室")).await;
    assert!(location.ends_with("&version=1"), "{location}");
    assert_eq!(web.engine().answer(NEW_WORDING).status, Status::Answered);
    // The note after the save links to the save in the history.
    let note = web.get(location.trim_start_matches('/'), Some(&cookie)).await;
    assert!(
        note.body.contains("href=\"/history/1\" id=\"undo-link\""),
        "{}",
        note.body
    );
    // The previous version is in the data directory; the knowledge has only the saved file changed.
    let versions = History::in_data_dir(web.data.path()).list().unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].before.as_bytes(), original.as_slice());
    assert_eq!(versions[0].file, ITEM_5);
    assert!(web.data.path().join(HISTORY_DIR_NAME).join("v000001.json").is_file());
    let files_after = snapshot(web.dir());
    assert_eq!(
        files_after.keys().collect::<Vec<_>>(),
        files_before.keys().collect::<Vec<_>>(),
        "no file added to the knowledge"
    );

    let csrf = the_history_shows_the_save(&web, &cookie).await;

    // Undo: refused without the CSRF token, then done.
    let refused = web.post("undo", Some(&cookie), &[("version", "1")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(snapshot(web.dir()), files_after, "nothing undone without the token");
    let undone = web
        .post("undo", Some(&cookie), &[("version", "1"), ("csrf", &csrf)])
        .await;
    assert_eq!(undone.status, StatusCode::SEE_OTHER, "{}", undone.body);
    assert!(
        undone.location().starts_with("/history?saved="),
        "{}",
        undone.location()
    );
    assert_eq!(
        fs::read(web.dir().join(ITEM_5)).unwrap(),
        original,
        "the file as it was"
    );
    assert_eq!(
        web.engine().answer(NEW_WORDING).status,
        Status::Declined,
        "reloaded: the bot answers as before the save"
    );
    let after_undo = web.get(undone.location().trim_start_matches('/'), Some(&cookie)).await;
    assert!(after_undo.body.contains("已撤销"), "{}", after_undo.body);
    assert!(
        after_undo
            .body
            .contains("撤销：第5件（母婴室与民生实事）加关键词“集乳室”")
    );
    // The save undone cannot be undone twice; the undo itself can (it is a save too).
    let again = web
        .post("undo", Some(&cookie), &[("version", "1"), ("csrf", &csrf)])
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.body.contains(texts::WEB_CHANGED_SINCE), "{}", again.body);
    let redo = web
        .post("undo", Some(&cookie), &[("version", "2"), ("csrf", &csrf)])
        .await;
    assert_eq!(redo.status, StatusCode::SEE_OTHER, "{}", redo.body);
    assert_eq!(web.engine().answer(NEW_WORDING).status, Status::Answered);
    assert_eq!(History::in_data_dir(web.data.path()).list().unwrap().len(), 3);
    web.stop().await;
}

/// The list and what changed: the keyword's line before and after, no name of anyone; a
/// save that does not exist is not found. Returns the list's CSRF token.
async fn the_history_shows_the_save(web: &TestWeb, cookie: &str) -> String {
    let history = web.get("history", Some(cookie)).await;
    assert_eq!(history.status, StatusCode::OK);
    for expected in [
        "第5件（母婴室与民生实事）加关键词“集乳室”",
        ITEM_5,
        "确定撤销",
        "aria-current=\"page\">改动记录",
    ] {
        assert!(history.body.contains(expected), "{expected}: {}", history.body);
    }
    let change = web.get("history/1", Some(cookie)).await;
    assert_eq!(change.status, StatusCode::OK);
    let diff = change.body.split("id=\"diff\"").nth(1).expect("the changed lines");
    let lines = |class: &str| -> Vec<String> {
        diff.split(&format!("<div class=\"{class}\">"))
            .skip(1)
            .map(|line| line.split("</div>").next().unwrap_or_default().to_string())
            .collect()
    };
    let (added, removed) = (lines("added"), lines("removed"));
    assert_eq!((added.len(), removed.len()), (1, 1), "{diff}");
    assert!(added[0].contains("集乳室") && !removed[0].contains("集乳室"), "{diff}");
    for path in ["history/999", "history/abc", "history/..%2F1"] {
        assert_eq!(
            web.get(path, Some(cookie)).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }

    history.input("csrf")
}

#[tokio::test]
async fn an_undo_is_refused_when_the_file_changed_since_or_the_result_is_invalid() {
    let web = TestWeb::start().await;
    let cookie = web.log_in().await;
    preview_and_save(&web, &cookie, &add_keyword("集乳室")).await;
    preview_and_save(&web, &cookie, &add_keyword("背奶室")).await;
    let csrf = web.get("history", Some(&cookie)).await.input("csrf");
    let before = snapshot(web.dir());
    // Version 1 is not the file's last save: undoing it would drop 背奶室 too.
    let history = web.get("history", Some(&cookie)).await;
    let first = history.body.split("id=\"version-1\"").nth(1).unwrap();
    assert!(!first.split("</tr>").next().unwrap().contains("确定撤销"), "{first}");
    let stale = web
        .post("undo", Some(&cookie), &[("version", "1"), ("csrf", &csrf)])
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    // A version whose previous file is not valid knowledge (damaged in the data directory).
    let path = web.data.path().join(HISTORY_DIR_NAME).join("v000002.json");
    let mut version: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    version["before"] = serde_json::Value::String("number = 5\nkeywords = [\n".to_string());
    fs::write(&path, version.to_string()).unwrap();
    let invalid = web
        .post("undo", Some(&cookie), &[("version", "2"), ("csrf", &csrf)])
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", invalid.body);
    assert!(invalid.body.contains(texts::WEB_INVALID_CHANGE));
    for bad in ["", "x", "-1", "999"] {
        let response = web
            .post("undo", Some(&cookie), &[("version", bad), ("csrf", &csrf)])
            .await;
        assert!(
            [StatusCode::BAD_REQUEST, StatusCode::NOT_FOUND].contains(&response.status),
            "{bad:?}: {}",
            response.status
        );
    }
    assert_eq!(snapshot(web.dir()), before, "no file changed");
    assert_eq!(
        History::in_data_dir(web.data.path()).list().unwrap().len(),
        2,
        "no version added"
    );
    web.stop().await;
}

#[tokio::test]
async fn a_save_whose_previous_version_cannot_be_kept_writes_nothing() {
    let web = TestWeb::start().await;
    let cookie = web.log_in().await;
    fs::write(web.data.path().join(HISTORY_DIR_NAME), "a file where the folder goes").unwrap();
    let before = snapshot(web.dir());
    let preview = web
        .get(&format!("preview?{}", add_keyword("集乳室")), Some(&cookie))
        .await;
    let form = [
        ("op", "add_keyword".to_string()),
        ("item", "5".to_string()),
        ("keyword", "集乳室".to_string()),
        ("hash", preview.input("hash")),
        ("csrf", preview.input("csrf")),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = web.post("save", Some(&cookie), &form).await;
    assert_eq!(refused.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(refused.body.contains(texts::WEB_HISTORY_FAILED), "{}", refused.body);
    assert_eq!(snapshot(web.dir()), before, "no file changed");
    assert_eq!(web.engine().answer(NEW_WORDING).status, Status::Declined);
    web.stop().await;
}
