//! End to end in webhook mode: `setWebhook` with the secret, updates posted to the local
//! server are answered, a wrong secret is refused, and the webhook is removed at shutdown.

use fuer_bot::telegram::WebhookConfig;
use fuer_core::dialogue::Request;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::telegram_harness::{TestBot, load_library, test_options};

const SECRET: &str = "webhook_Secret-123";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

/// Posts JSON like Telegram does; returns the HTTP status.
async fn post(port: u16, path: &str, secret: Option<&str>, body: &str) -> u16 {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect to the webhook");
    let secret_header = secret
        .map(|s| format!("X-Telegram-Bot-Api-Secret-Token: {s}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n{secret_header}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.expect("send the update");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read the response");
    response
        .split_whitespace()
        .nth(1)
        .and_then(|status| status.parse().ok())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_mode_receives_updates_and_checks_the_secret() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/telegram/hook");
    let options = fuer_bot::telegram::Options {
        webhook: Some(WebhookConfig {
            url: url.parse().expect("a URL"),
            listen: format!("127.0.0.1:{port}").parse().expect("an address"),
            secret: Some(SECRET.to_string()),
        }),
        ..test_options()
    };
    let bot = TestBot::start_with(load_library(), options).await;
    let registered = bot.fake.state().webhook.clone().expect("setWebhook was called");
    assert_eq!(registered["url"], url.as_str());
    assert_eq!(registered["secret_token"], SECRET);

    let user = 9_990_001;
    let forged = bot.fake.private_text_update(user, "/list");
    assert_eq!(
        post(port, "/telegram/hook", Some("wrong"), &forged.to_string()).await,
        401
    );
    assert_eq!(post(port, "/telegram/hook", None, &forged.to_string()).await, 401);

    let update = bot.fake.private_text_update(user, "/help");
    assert_eq!(
        post(port, "/telegram/hook", Some(SECRET), &update.to_string()).await,
        200
    );
    let sent = bot.fake.wait_sent(user, 1).await;
    assert_eq!(sent[0].html, bot.expected(Request::Help).messages[0]);

    // Once stopped, the bot has handled everything it took.
    let fake = bot.stop().await;
    assert_eq!(
        fake.state().sent_to(user).len(),
        1,
        "the forged updates were not handled"
    );
    assert!(
        fake.state().calls_to("getUpdates").is_empty(),
        "no polling in webhook mode"
    );
    assert!(fake.state().webhook_deleted >= 1, "the webhook is removed at shutdown");
}
