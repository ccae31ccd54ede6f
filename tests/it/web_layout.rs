//! The admin page where admins open it (issue 18), in a real browser (headless Chromium
//! through ChromeDriver): every page at a phone's width (390 px) and at a desktop's
//! (1280 px) is no wider than the screen, has no tap target under 24 × 24 px (links inside
//! a sentence excepted, as WCAG 2.2's target-size rule does), and offers the same actions
//! at both widths — nothing hidden to fit. With `FUER_BOT_SCREENSHOTS=docs` it refreshes
//! the phone screenshots of the README.

use std::collections::BTreeSet;
use std::fs;

use reqwest::StatusCode;
use serde_json::Value;

use crate::web::{NEW_WORDING, OTHER_WORDING, encode, screenshot_dir};
use crate::web_harness::TestWeb;
use crate::webdriver::{Browser, chromedriver_path, skip_without_chromedriver};

/// The widths (CSS pixels) every page is checked at, with the window's height.
const SCREENS: [(u32, u32); 2] = [(390, 844), (1280, 1000)];

/// Measures the page: its width against the viewport's, every visible tap target (links,
/// buttons, form fields, `summary`), and those under 24 × 24 px (the smallest WCAG 2.2 AA
/// allows, 2.5.8). A link inside a sentence
/// (an inline link whose block has other text) is exempt, as in WCAG 2.2.
const MEASURE: &str = r#"
const doc = document.documentElement;
const result = {
  viewport: window.innerWidth,
  width: Math.max(doc.scrollWidth, document.body.scrollWidth),
  targets: [],
  small: [],
};
const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
for (const element of document.querySelectorAll(selector)) {
  if (element.getClientRects().length === 0) continue;
  const rect = element.getBoundingClientRect();
  // The skip link waits off screen until it has the focus.
  if (rect.right <= 0) continue;
  const name = element.getAttribute('href') || element.getAttribute('name') || element.id || '';
  const key = element.tagName.toLowerCase() + ' ' + name + ' ' + element.textContent.trim().slice(0, 40);
  result.targets.push(key);
  const style = getComputedStyle(element);
  const block = element.parentElement ? element.parentElement.textContent.trim() : '';
  const inSentence = style.display === 'inline' && block !== element.textContent.trim();
  if (!inSentence && (rect.width < 24 || rect.height < 24)) {
    result.small.push(key + ' (' + rect.width.toFixed(1) + ' × ' + rect.height.toFixed(1) + ')');
  }
}
return result;
"#;

/// What [`MEASURE`] found on one page.
#[derive(Debug)]
struct Measure {
    viewport: u64,
    width: u64,
    targets: BTreeSet<String>,
    small: Vec<String>,
}

async fn measure(browser: &Browser) -> Measure {
    let value = browser.script(MEASURE).await;
    let strings = |name: &str| -> Vec<String> {
        value[name]
            .as_array()
            .map(|list| list.iter().filter_map(Value::as_str).map(String::from).collect())
            .unwrap_or_default()
    };
    Measure {
        viewport: value["viewport"].as_u64().unwrap_or(0),
        width: value["width"].as_u64().unwrap_or(u64::MAX),
        targets: strings("targets").into_iter().collect(),
        small: strings("small"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_real_browser_every_page_fits_a_phone_and_a_desktop() {
    let Some(chromedriver) = chromedriver_path() else {
        skip_without_chromedriver("in_a_real_browser_every_page_fits_a_phone_and_a_desktop");
        return;
    };
    let web = TestWeb::start().await;
    record_a_month_and_save_once(&web).await;
    let pages = layout_pages();
    let pictures = tempfile::tempdir().unwrap();
    let pictures = screenshot_dir(pictures.path());
    fs::create_dir_all(&pictures).unwrap();

    let browser = Browser::start(&chromedriver).await;
    browser.go(&web.login_link()).await;
    let login = browser.find("//button[@id='login']").await;
    browser.click(&login).await;
    browser.wait_for("//div[@id='questions']").await;
    let mut problems = Vec::new();
    // The tap targets of each page at each width, closed and with every <details> open.
    let mut targets: Vec<Vec<BTreeSet<String>>> = vec![Vec::new(); pages.len()];
    for (width, height) in SCREENS {
        let viewport = browser.resize(width, height).await;
        assert_eq!(viewport, u64::from(width), "the page's viewport at {width} px");
        for (index, (name, path)) in pages.iter().enumerate() {
            browser.go(&format!("{}{path}", web.url)).await;
            browser.wait_for("//main[@id='main']").await;
            if width == 390 && matches!(*name, "overview" | "unanswered" | "preview" | "history" | "articles") {
                fs::write(
                    pictures.join(format!("web-phone-{name}.png")),
                    browser.screenshot().await,
                )
                .unwrap();
            }
            for opened in [false, true] {
                if opened {
                    browser
                        .script("document.querySelectorAll('details').forEach(d => d.open = true); return 0;")
                        .await;
                }
                let found = measure(&browser).await;
                let what = format!("/{path} at {width} px{}", if opened { ", details open" } else { "" });
                if found.width > found.viewport {
                    problems.push(format!(
                        "{what}: {} px wide, the screen {} px",
                        found.width, found.viewport
                    ));
                }
                for small in &found.small {
                    problems.push(format!("{what}: tap target under 24 px: {small}"));
                }
                assert!(found.targets.len() > 3, "{what}: {:?}", found.targets);
                targets[index].push(found.targets);
            }
        }
    }
    browser.quit().await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Nothing hidden at a phone's width that a desktop shows, and the other way round.
    for ((_, path), found) in pages.iter().zip(&targets) {
        let (phone, desktop) = (&found[..2], &found[2..]);
        assert_eq!(phone, desktop, "/{path}: the same actions at 390 px and at 1280 px");
    }
    web.stop().await;
}

/// A month of questions (long ones and recorded HTML among them, which must wrap, not
/// widen the page) and one save, for the history and its page of changed lines.
async fn record_a_month_and_save_once(web: &TestWeb) {
    for day in 0..30 {
        let age = day * 86_400 + 600;
        web.record("全市建了多少间母婴室？", 3 + (day as usize * 7) % 11, age);
        web.record("明天深圳的股票行情怎么样？", (day as usize * 3) % 4, age);
        web.record("妇儿大厦门票多少钱", (day as usize) % 3, age);
    }
    web.record(NEW_WORDING, 9, 3600);
    web.record(OTHER_WORDING, 4, 7200);
    // A long question without a break, and recorded HTML: they must wrap, not widen the page.
    web.record(&"我想问一下关于母婴室的事情".repeat(12), 2, 5000);
    web.record(
        "<b>母婴室</b>&nbsp;https://example.org/a/very/long/path/that/does/not/break/anywhere",
        1,
        5000,
    );
    let cookie = web.log_in().await;
    let preview_path = format!(
        "preview?op=add_keyword&item=5&keyword={}&question={}",
        encode("背奶室"),
        encode(NEW_WORDING)
    );
    let preview = web.get(&preview_path, Some(&cookie)).await;
    let form = [
        ("op", "add_keyword".to_string()),
        ("item", "5".to_string()),
        ("keyword", "背奶室".to_string()),
        ("hash", preview.input("hash")),
        ("csrf", preview.input("csrf")),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        web.post("save", Some(&cookie), &form).await.status,
        StatusCode::SEE_OTHER
    );
}

/// The pages measured: (name for the screenshot, path).
fn layout_pages() -> [(&'static str, String); 8] {
    [
        ("overview", String::new()),
        ("unanswered", "unanswered".to_string()),
        ("try", format!("try?q={}", encode("全市建了多少间母婴室？"))),
        ("knowledge", "knowledge".to_string()),
        (
            "preview",
            format!(
                "preview?op=add_keyword&item=5&keyword={}&question={}",
                encode("集乳室"),
                encode(NEW_WORDING)
            ),
        ),
        ("history", "history".to_string()),
        ("version", "history/1".to_string()),
        ("articles", "articles".to_string()),
    ]
}
