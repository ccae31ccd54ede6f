//! In a real browser (headless Chromium through ChromeDriver): an admin adds next year's
//! article on the web page — pastes it, reads the draft's preview, saves it — and the bot
//! answers from it. The browser steps are one function, [`import_an_article`], using only
//! six operations of the browser (go, find, wait for, click, type, text), so that it is easy
//! to re-wire when the WebDriver client changes.

use crate::web_harness::TestWeb;
use crate::webdriver::Browser;

/// The steps: open 文章, paste the article, preview (the draft's items and the review list),
/// save, and land on the new article's knowledge page.
pub async fn import_an_article(browser: &Browser, web: &TestWeb, article: &str) {
    browser.go(&format!("{}articles", web.url)).await;
    let text = browser.wait_for("//textarea[@id='article-text']").await;
    browser.type_into(&text, article).await;
    let preview = browser.find("//form[@id='import-form']//button[@type='submit']").await;
    browser.click(&preview).await;
    let review = browser.wait_for("//section[@id='review']").await;
    assert!(browser.text(&review).await.contains("需要人工检查的地方"));
    let last_item = browser.find("//section[@id='draft-item-10']").await;
    assert!(browser.text(&last_item).await.contains("第10件"));
    let save = browser.find("//form[@id='import-save']//button").await;
    browser.click(&save).await;
    let saved = browser.wait_for("//div[@id='saved']").await;
    assert!(browser.text(&saved).await.contains("已保存新文章"));
    let heading = browser.find("//h1").await;
    assert!(browser.text(&heading).await.contains("2025年深圳妇女儿童发展十件大事"));
}

#[tokio::test]
async fn in_a_real_browser_an_admin_imports_next_years_article() {
    let Some(chromedriver) = crate::webdriver::chromedriver_path() else {
        crate::webdriver::skip_without_chromedriver("in_a_real_browser_an_admin_imports_next_years_article");
        return;
    };
    let web = TestWeb::start().await;
    let article =
        std::fs::read_to_string(crate::support::articles_dir().join("2025-test.txt")).expect("the test article");
    let browser = Browser::start(&chromedriver).await;
    browser.go(&web.login_link()).await;
    let login = browser.find("//button[@id='login']").await;
    browser.click(&login).await;
    browser.wait_for("//div[@id='questions']").await;

    import_an_article(&browser, &web, &article).await;

    let library = web.library();
    assert_eq!(library.engines().len(), 2);
    let routed = library.route("女性创业博览会有多少家企业参展");
    assert_eq!(library.id(routed.article), "2025-shenzhen");
    assert!(web.dir().join("2025-shenzhen").join("source.txt").is_file());
    browser.quit().await;
    web.stop().await;
}
