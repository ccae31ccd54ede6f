//! A fake Telegram Bot API server for end-to-end tests.
//!
//! It listens on `127.0.0.1:0`, serves `/bot<token>/<method>` like api.telegram.org,
//! queues updates (in the exact JSON Telegram sends) for `getUpdates`, records every
//! message the bot sends or edits, checks what real Telegram checks (text length after
//! entity parsing ≤ 4096, well-formed HTML with only the allowed tags, callback data
//! ≤ 64 bytes, each callback query answered once, command scopes…) and can inject faults:
//! 429 with `retry_after`, 5xx, API errors and connections dropped mid-response. Chats can
//! be made unreachable (a user who never started the bot): sending there or registering a
//! command menu for them fails as on Telegram, which is not a violation.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use tokio::sync::Notify;

/// Telegram's limit on message text (UTF-16 code units after entity parsing).
pub const MAX_TEXT_LEN: usize = 4096;
/// Telegram's limit on callback data (bytes).
pub const MAX_CALLBACK_DATA: usize = 64;
/// A fixed date for the updates (2025-01-01).
const DATE: i64 = 1_735_689_600;
/// How long `wait_for` waits before failing a test: a hang guard, not a speed requirement
/// (the events waited for take milliseconds).
pub const WAIT: Duration = Duration::from_secs(60);
/// The longest a `getUpdates` call is held open, whatever timeout the bot asks for.
const MAX_LONG_POLL: Duration = Duration::from_secs(1);

/// A fault to inject into the next call of a method.
#[derive(Debug, Clone)]
pub enum Fault {
    /// `429 Too Many Requests` with `parameters.retry_after`.
    RetryAfter(u32),
    /// An HTTP error status with Telegram's JSON error body (e.g. 502).
    Status(u16),
    /// An HTTP error status with an HTML body, as a proxy in front of Telegram sends.
    HtmlStatus(u16),
    /// A Bot API error (`{"ok":false,"error_code":code,"description":…}`).
    Api(u16, String),
    /// The connection is dropped in the middle of the response.
    Drop,
}

/// A message as the bot sent or last edited it.
#[derive(Debug, Clone)]
pub struct Sent {
    /// `sendMessage` or `editMessageText`.
    pub method: String,
    pub chat_id: i64,
    pub message_id: i64,
    /// The text as sent (HTML source when `parse_mode` is HTML).
    pub html: String,
    /// The text as the user sees it (tags removed, entities decoded).
    pub text: String,
    pub parse_mode: Option<String>,
    pub markup: Option<Value>,
    pub reply_to: Option<i64>,
    pub at: Instant,
}

impl Sent {
    /// The buttons as (label, callback data), row by row.
    pub fn buttons(&self) -> Vec<(String, String)> {
        self.markup
            .as_ref()
            .and_then(|m| m["inline_keyboard"].as_array())
            .into_iter()
            .flatten()
            .filter_map(Value::as_array)
            .flatten()
            .map(|b| {
                (
                    b["text"].as_str().unwrap_or_default().to_string(),
                    b["callback_data"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// Just the callback data of the buttons.
    pub fn callback_data(&self) -> Vec<String> {
        self.buttons().into_iter().map(|(_, data)| data).collect()
    }
}

/// One request the bot made.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub payload: Value,
    pub at: Instant,
    /// HTTP status answered (0 for a dropped connection).
    pub status: u16,
}

impl Call {
    fn now(method: &str, payload: Value, status: u16) -> Call {
        Call {
            method: method.to_string(),
            payload,
            at: Instant::now(),
            status,
        }
    }
}

/// Everything the fake knows; tests inspect it through [`FakeApi::state`] and `wait_for`.
#[derive(Debug, Default)]
pub struct FakeState {
    pending: VecDeque<Value>,
    next_update_id: i64,
    next_message_id: i64,
    next_query_id: u64,
    /// Every successful `sendMessage` and `editMessageText`, in order.
    pub deliveries: Vec<Sent>,
    /// Every request, including failed ones.
    pub calls: Vec<Call>,
    /// Everything real Telegram would have refused.
    pub violations: Vec<String>,
    faults: HashMap<String, VecDeque<Fault>>,
    /// `answerCallbackQuery` payloads.
    pub callback_answers: Vec<Value>,
    callback_ids: HashSet<String>,
    /// `answerInlineQuery` payloads.
    pub inline_answers: Vec<Value>,
    inline_ids: HashSet<String>,
    /// Successful `setMyCommands` payloads (with their `scope`, if any).
    pub commands: Vec<Value>,
    /// Private chats the bot cannot reach (users who never started it).
    pub unreachable_chats: HashSet<i64>,
    /// The last `setWebhook` payload, cleared by `deleteWebhook`.
    pub webhook: Option<Value>,
    pub webhook_deleted: usize,
    messages: HashMap<(i64, i64), Sent>,
    /// The highest offset the bot confirmed with `getUpdates`.
    pub confirmed_offset: i64,
    /// `getUpdates` calls started (calls are recorded when they end, after the long poll).
    pub polls_started: usize,
    /// The highest update id `getUpdates` has returned.
    pub returned_up_to: i64,
    /// Methods whose calls are held (not answered) until released.
    held: HashSet<String>,
    /// Calls waiting because their method is held, by method.
    pub waiting: HashMap<String, usize>,
}

impl FakeState {
    /// Messages sent (not edits) to a chat, in order.
    pub fn sent_to(&self, chat_id: i64) -> Vec<Sent> {
        self.deliveries
            .iter()
            .filter(|s| s.chat_id == chat_id && s.method == "sendMessage")
            .cloned()
            .collect()
    }

    pub fn edits_in(&self, chat_id: i64) -> Vec<Sent> {
        self.deliveries
            .iter()
            .filter(|s| s.chat_id == chat_id && s.method == "editMessageText")
            .cloned()
            .collect()
    }

    /// The command names of every successful `setMyCommands` for a scope: `"default"`
    /// (also when no scope was given) or `"chat"` with `chat_id`.
    pub fn command_menus(&self, scope: &str, chat_id: Option<i64>) -> Vec<Vec<String>> {
        self.commands
            .iter()
            .filter(|payload| {
                let kind = payload["scope"]["type"].as_str().unwrap_or("default");
                kind == scope && (chat_id.is_none() || payload["scope"]["chat_id"].as_i64() == chat_id)
            })
            .map(|payload| {
                payload["commands"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|command| command["command"].as_str().map(str::to_string))
                    .collect()
            })
            .collect()
    }

    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        self.calls.iter().filter(|c| c.method == method).cloned().collect()
    }

    /// The current content of a message (after edits).
    pub fn message(&self, chat_id: i64, message_id: i64) -> Option<Sent> {
        self.messages.get(&(chat_id, message_id)).cloned()
    }
}

struct Shared {
    token: String,
    me: Value,
    state: Mutex<FakeState>,
    changed: Notify,
}

/// The running fake server.
pub struct FakeApi {
    /// Base URL to give `Bot::set_api_url`.
    pub url: String,
    pub username: String,
    pub bot_id: i64,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl FakeApi {
    /// Starts a fake for the bot with this token and username.
    pub async fn start(token: &str, username: &str) -> FakeApi {
        let bot_id: i64 = token.split(':').next().and_then(|id| id.parse().ok()).unwrap_or(1);
        let me = json!({
            "id": bot_id, "is_bot": true, "first_name": "妇儿十件大事", "username": username,
            "can_join_groups": true, "can_read_all_group_messages": false,
            "supports_inline_queries": true, "can_connect_to_business": false, "has_main_web_app": false
        });
        let shared = Arc::new(Shared {
            token: token.to_string(),
            me,
            state: Mutex::new(FakeState {
                next_update_id: 100_000,
                next_message_id: 1,
                ..FakeState::default()
            }),
            changed: Notify::new(),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake API");
        let address = listener.local_addr().expect("fake API address");
        let app = Router::new().fallback(handle).with_state(Arc::clone(&shared));
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeApi {
            url: format!("http://{address}/"),
            username: username.to_string(),
            bot_id,
            shared,
            server,
        }
    }

    /// Locks the recorded state for inspection.
    pub fn state(&self) -> MutexGuard<'_, FakeState> {
        lock(&self.shared)
    }

    /// Makes a private chat unreachable, like a user who never started the bot.
    pub fn make_unreachable(&self, chat_id: i64) {
        lock(&self.shared).unreachable_chats.insert(chat_id);
    }

    /// Queues a fault for the next call(s) of `method`, in order.
    pub fn inject(&self, method: &str, fault: Fault) {
        lock(&self.shared)
            .faults
            .entry(method.to_string())
            .or_default()
            .push_back(fault);
    }

    /// Holds every call of `method` (new ones and those already waiting) unanswered until
    /// [`FakeApi::release`]: a slow Telegram.
    pub fn hold(&self, method: &str) {
        lock(&self.shared).held.insert(method.to_string());
    }

    /// Answers the held calls of `method` and stops holding it.
    pub fn release(&self, method: &str) {
        lock(&self.shared).held.remove(method);
        self.shared.changed.notify_waiters();
    }

    /// Waits until every fault injected into `method` has been served.
    pub async fn wait_faults_served(&self, method: &str) {
        self.wait_for(&format!("the faults of {method} to be served"), |s| {
            s.faults.get(method).is_none_or(VecDeque::is_empty).then_some(())
        })
        .await;
    }

    /// Waits (up to [`WAIT`]) until `check` returns `Some`, and returns it.
    pub async fn wait_for<T>(&self, what: &str, check: impl Fn(&FakeState) -> Option<T>) -> T {
        let deadline = Instant::now() + WAIT;
        loop {
            let notified = self.shared.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(value) = check(&lock(&self.shared)) {
                return value;
            }
            let now = Instant::now();
            if now >= deadline {
                let state = lock(&self.shared);
                let recent: Vec<String> = state
                    .deliveries
                    .iter()
                    .rev()
                    .take(5)
                    .map(|s| {
                        format!(
                            "{} {}: {}",
                            s.method,
                            s.chat_id,
                            s.text.chars().take(80).collect::<String>()
                        )
                    })
                    .collect();
                panic!(
                    "timed out waiting for {what}; last deliveries: {recent:#?}; violations: {:?}",
                    state.violations
                );
            }
            let _ = tokio::time::timeout((deadline - now).min(Duration::from_millis(100)), notified).await;
        }
    }

    /// Waits until `count` messages have been sent to `chat_id`, and returns them.
    pub async fn wait_sent(&self, chat_id: i64, count: usize) -> Vec<Sent> {
        self.wait_for(&format!("{count} message(s) to chat {chat_id}"), |s| {
            let sent = s.sent_to(chat_id);
            (sent.len() >= count).then_some(sent)
        })
        .await
    }

    /// Waits until the bot has confirmed (fetched past) every queued update.
    pub async fn wait_consumed(&self) {
        self.wait_for("the bot to consume all updates", |s| {
            (s.pending.is_empty() || s.confirmed_offset > s.next_update_id - 1).then_some(())
        })
        .await;
    }

    // ----- Updates, in the JSON Telegram sends -----

    /// Queues an update; returns its id.
    pub fn push_update(&self, kind: &str, payload: Value) -> i64 {
        let id = {
            let mut state = lock(&self.shared);
            let id = state.next_update_id;
            state.next_update_id += 1;
            let mut update = json!({ "update_id": id });
            update[kind] = payload;
            state.pending.push_back(update);
            id
        };
        self.shared.changed.notify_waiters();
        id
    }

    /// The id of the last update queued so far.
    pub fn queued_up_to(&self) -> i64 {
        lock(&self.shared).next_update_id - 1
    }

    fn next_message_id(&self) -> i64 {
        let mut state = lock(&self.shared);
        let id = state.next_message_id;
        state.next_message_id += 1;
        id
    }

    /// A text message from a user in a private chat (chat id = user id).
    pub fn private_text(&self, user_id: i64, text: &str) -> i64 {
        let message = self.text_message(chat_json(user_id), user_id, text);
        let id = message["message_id"].as_i64().unwrap_or_default();
        self.push_update("message", message);
        id
    }

    /// A text message in a group or supergroup, optionally replying to one of the bot's messages.
    pub fn group_text(&self, chat_id: i64, user_id: i64, text: &str, reply_to: Option<&Sent>) -> i64 {
        let mut message = self.text_message(chat_json(chat_id), user_id, text);
        if let Some(replied) = reply_to {
            message["reply_to_message"] = self.bot_message_json(replied);
        }
        let id = message["message_id"].as_i64().unwrap_or_default();
        self.push_update("message", message);
        id
    }

    /// A private text message as a whole update, not queued (to post to a webhook).
    pub fn private_text_update(&self, user_id: i64, text: &str) -> Value {
        let message = self.text_message(chat_json(user_id), user_id, text);
        let mut state = lock(&self.shared);
        let id = state.next_update_id;
        state.next_update_id += 1;
        json!({ "update_id": id, "message": message })
    }

    /// An edited text message in a private chat.
    pub fn edited_private_text(&self, user_id: i64, message_id: i64, text: &str) {
        let mut message = self.text_message(chat_json(user_id), user_id, text);
        message["message_id"] = json!(message_id);
        message["edit_date"] = json!(DATE + 60);
        self.push_update("edited_message", message);
    }

    /// A sticker from a user (private chat when `chat_id == user_id`).
    pub fn sticker(&self, chat_id: i64, user_id: i64) -> i64 {
        let id = self.next_message_id();
        self.push_update(
            "message",
            json!({
                "message_id": id, "from": user_json(user_id), "chat": chat_json(chat_id), "date": DATE,
                "sticker": {
                    "width": 512, "height": 512, "emoji": "😀", "set_name": "HotCherry", "is_animated": false,
                    "is_video": false, "type": "regular",
                    "thumbnail": {"file_id": "AAMCAgADGQEAAQ", "file_unique_id": "AQADdBkAAkq", "file_size": 5416, "width": 128, "height": 128},
                    "file_id": "CAACAgIAAxkBAAEBQ2", "file_unique_id": "AgADdBkAAkq", "file_size": 23092
                }
            }),
        );
        id
    }

    /// A photo with a caption from a user.
    pub fn photo(&self, chat_id: i64, user_id: i64) -> i64 {
        let id = self.next_message_id();
        self.push_update(
            "message",
            json!({
                "message_id": id, "from": user_json(user_id), "chat": chat_json(chat_id), "date": DATE,
                "photo": [
                    {"file_id": "AgACAgUAAxkBAAIBb2", "file_unique_id": "AQADxrgxG", "file_size": 1480, "width": 90, "height": 67},
                    {"file_id": "AgACAgUAAxkBAAIBb3", "file_unique_id": "AQADxrgxG-", "file_size": 20123, "width": 320, "height": 240}
                ],
                "caption": "看看这个"
            }),
        );
        id
    }

    /// A button press on one of the bot's messages; returns the callback query id.
    pub fn press(&self, user_id: i64, message: &Sent, data: &str) -> String {
        let id = {
            let mut state = lock(&self.shared);
            state.next_query_id += 1;
            format!(
                "{}{}",
                4_382_000_000_000_000_000_u64 + state.next_query_id,
                user_id.unsigned_abs() % 100
            )
        };
        let current = self
            .state()
            .message(message.chat_id, message.message_id)
            .unwrap_or_else(|| message.clone());
        self.push_update(
            "callback_query",
            json!({
                "id": id, "from": user_json(user_id), "message": self.bot_message_json(&current),
                "chat_instance": "-7421904758233012891", "data": data
            }),
        );
        id
    }

    /// An inline query (`@bot query`); returns its id.
    pub fn inline_query(&self, user_id: i64, query: &str) -> String {
        let id = {
            let mut state = lock(&self.shared);
            state.next_query_id += 1;
            format!("{}", 1_234_000_000_000_000_000_u64 + state.next_query_id)
        };
        self.push_update(
            "inline_query",
            json!({ "id": id, "from": user_json(user_id), "query": query, "offset": "", "chat_type": "sender" }),
        );
        id
    }

    fn text_message(&self, chat: Value, user_id: i64, text: &str) -> Value {
        let mut message = json!({
            "message_id": self.next_message_id(), "from": user_json(user_id), "chat": chat, "date": DATE, "text": text
        });
        let entities = entities(text);
        if !entities.is_empty() {
            message["entities"] = Value::Array(entities);
        }
        message
    }

    /// One of the bot's messages as it appears inside updates.
    fn bot_message_json(&self, sent: &Sent) -> Value {
        let mut message = json!({
            "message_id": sent.message_id, "from": self.shared.me_user(), "chat": chat_json(sent.chat_id),
            "date": DATE, "text": sent.text
        });
        if let Some(markup) = &sent.markup {
            message["reply_markup"] = markup.clone();
        }
        message
    }
}

impl Shared {
    fn me_user(&self) -> Value {
        json!({
            "id": self.me["id"], "is_bot": true, "first_name": self.me["first_name"], "username": self.me["username"]
        })
    }
}

fn lock(shared: &Shared) -> MutexGuard<'_, FakeState> {
    shared.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The `language_code` of test users set with [`set_user_language`] (others: `zh-hans`).
static USER_LANGUAGES: Mutex<Option<HashMap<i64, String>>> = Mutex::new(None);

/// Makes every update from `user_id` carry this `language_code` (as the user's Telegram
/// app is set).
pub fn set_user_language(user_id: i64, code: &str) {
    let mut languages = USER_LANGUAGES.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    languages
        .get_or_insert_with(HashMap::new)
        .insert(user_id, code.to_string());
}

pub fn user_json(user_id: i64) -> Value {
    let language = USER_LANGUAGES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .as_ref()
        .and_then(|languages| languages.get(&user_id).cloned())
        .unwrap_or_else(|| "zh-hans".to_string());
    json!({
        "id": user_id, "is_bot": false, "first_name": "测试用户", "last_name": format!("{user_id}"),
        "username": format!("user{user_id}"), "language_code": language
    })
}

/// Private chat for positive ids, supergroup for `-100…` ids, basic group otherwise.
pub fn chat_json(chat_id: i64) -> Value {
    if chat_id > 0 {
        json!({ "id": chat_id, "first_name": "测试用户", "last_name": format!("{chat_id}"), "username": format!("user{chat_id}"), "type": "private" })
    } else if chat_id <= -1_000_000_000_000 {
        json!({ "id": chat_id, "title": "深圳妇联工作群", "type": "supergroup" })
    } else {
        json!({ "id": chat_id, "title": "妇联小组", "type": "group" })
    }
}

/// The entities Telegram attaches: bot commands at the start, @mentions anywhere.
fn entities(text: &str) -> Vec<Value> {
    let mut found = Vec::new();
    let mut offset = 0; // UTF-16 units
    let chars: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        let ch = chars[index];
        let starts_word = index == 0 || !(chars[index - 1].is_ascii_alphanumeric() || chars[index - 1] == '_');
        if (ch == '/' && index == 0) || (ch == '@' && starts_word) {
            let mut end = index + 1;
            while end < chars.len()
                && (chars[end].is_ascii_alphanumeric() || chars[end] == '_' || (ch == '/' && chars[end] == '@'))
            {
                end += 1;
            }
            if end > index + 1 {
                let length: usize = chars[index..end].iter().map(|c| c.len_utf16()).sum();
                let kind = if ch == '/' { "bot_command" } else { "mention" };
                found.push(json!({ "offset": offset, "length": length, "type": kind }));
                offset += length;
                index = end;
                continue;
            }
        }
        offset += ch.len_utf16();
        index += 1;
    }
    found
}

// ----- The server -----

fn telegram_ok(result: Value) -> Response {
    axum::Json(json!({ "ok": true, "result": result })).into_response()
}

fn telegram_error(code: u16, description: &str) -> Response {
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_REQUEST);
    (
        status,
        axum::Json(json!({ "ok": false, "error_code": code, "description": description })),
    )
        .into_response()
}

fn fault_response(fault: &Fault) -> Response {
    match fault {
        Fault::RetryAfter(seconds) => {
            let body = json!({
                "ok": false, "error_code": 429,
                "description": format!("Too Many Requests: retry after {seconds}"),
                "parameters": { "retry_after": seconds }
            });
            (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response()
        }
        Fault::Status(code) => {
            let reason = StatusCode::from_u16(*code)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("Error");
            telegram_error(*code, reason)
        }
        Fault::HtmlStatus(code) => {
            let status = StatusCode::from_u16(*code).unwrap_or(StatusCode::BAD_GATEWAY);
            let html = format!(
                "<html><head><title>{code}</title></head><body><center><h1>{code}</h1></center><hr><center>nginx</center></body></html>"
            );
            (status, [(header::CONTENT_TYPE, "text/html")], html).into_response()
        }
        Fault::Api(code, description) => telegram_error(*code, description),
        Fault::Drop => {
            // Headers go out, then the body fails: the connection is cut mid-response.
            let stream = futures_util::stream::once(async {
                Err::<Bytes, std::io::Error>(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "connection lost",
                ))
            });
            Response::builder()
                .status(StatusCode::OK)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from_stream(stream))
                .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
    }
}

/// The fields of a `multipart/form-data` body (teloxide sends `setWebhook` that way), as a
/// JSON object of strings (values that are JSON themselves are parsed); `None` for a body
/// that is not valid multipart.
async fn parse_multipart(content_type: &str, body: Bytes) -> Option<Value> {
    let boundary = multer::parse_boundary(content_type).ok()?;
    let stream = futures_util::stream::once(async move { Ok::<Bytes, std::convert::Infallible>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut fields = serde_json::Map::new();
    while let Some(field) = multipart.next_field().await.ok()? {
        let name = field.name()?.to_string();
        let value = field.text().await.ok()?;
        let parsed = match serde_json::from_str::<Value>(&value) {
            Ok(json) if json.is_array() || json.is_object() || json.is_boolean() || json.is_number() => json,
            _ => Value::String(value),
        };
        fields.insert(name, parsed);
    }
    Some(Value::Object(fields))
}

async fn handle(State(shared): State<Arc<Shared>>, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let path = uri.path().trim_start_matches('/');
    let Some(rest) = path.strip_prefix("bot") else {
        return telegram_error(404, "Not Found");
    };
    let Some((token, method)) = rest.split_once('/') else {
        return telegram_error(404, "Not Found");
    };
    if token != shared.token {
        return telegram_error(401, "Unauthorized");
    }
    // Method names are case-insensitive (teloxide sends `GetMe`); record the documented spelling.
    let method = canonical_method(method);
    let method = method.as_str();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let payload: Value = if body.is_empty() {
        json!({})
    } else if content_type.starts_with("multipart/form-data") {
        match parse_multipart(&content_type, body.clone()).await {
            Some(fields) => fields,
            None => {
                lock(&shared)
                    .violations
                    .push(format!("{method}: malformed multipart body"));
                return telegram_error(400, "Bad Request: invalid multipart body");
            }
        }
    } else {
        match serde_json::from_slice(&body) {
            Ok(value) => value,
            Err(error) => {
                lock(&shared)
                    .violations
                    .push(format!("{method}: body is not JSON: {error}"));
                return telegram_error(400, "Bad Request: invalid JSON");
            }
        }
    };
    wait_while_held(&shared, method).await;
    let fault = lock(&shared).faults.get_mut(method).and_then(VecDeque::pop_front);
    let status_of = |response: &Response| match fault {
        Some(Fault::Drop) => 0,
        _ => response.status().as_u16(),
    };
    let response = if fault.is_none() && method == "getUpdates" {
        let response = get_updates(&shared, &payload).await;
        let status = status_of(&response);
        lock(&shared).calls.push(Call::now(method, payload, status));
        response
    } else {
        // The call is recorded under the same lock as the message it delivers, so a test that
        // sees the delivery also sees the call (and every call before it).
        let mut state = lock(&shared);
        let response = match &fault {
            Some(fault) => fault_response(fault),
            None => call(&shared, &mut state, method, &payload),
        };
        let status = status_of(&response);
        state.calls.push(Call::now(method, payload, status));
        response
    };
    shared.changed.notify_waiters();
    response
}

/// Waits while `method` is held (see [`FakeApi::hold`]), counted in `waiting`.
async fn wait_while_held(shared: &Shared, method: &str) {
    let mut counted = false;
    loop {
        let notified = shared.changed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let newly_waiting = {
            let mut state = lock(shared);
            let held = state.held.contains(method);
            let waiting = state.waiting.entry(method.to_string()).or_default();
            if !held {
                if counted {
                    *waiting -= 1;
                }
                return;
            }
            let newly_waiting = !counted;
            if newly_waiting {
                *waiting += 1;
                counted = true;
            }
            newly_waiting
        };
        if newly_waiting {
            // Tell the tests' `wait_for` that a call is now waiting.
            shared.changed.notify_waiters();
        }
        notified.await;
    }
}

async fn get_updates(shared: &Shared, payload: &Value) -> Response {
    let offset = payload["offset"].as_i64().unwrap_or(0);
    let limit = payload["limit"].as_u64().unwrap_or(100).clamp(1, 100) as usize;
    let timeout = Duration::from_secs(payload["timeout"].as_u64().unwrap_or(0)).min(MAX_LONG_POLL);
    let deadline = Instant::now() + timeout;
    lock(shared).polls_started += 1;
    shared.changed.notify_waiters();
    loop {
        let notified = shared.changed.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        {
            let mut state = lock(shared);
            if offset > 0 {
                state
                    .pending
                    .retain(|u| u["update_id"].as_i64().unwrap_or_default() >= offset);
                state.confirmed_offset = state.confirmed_offset.max(offset);
            }
            if !state.pending.is_empty() || Instant::now() >= deadline {
                let updates: Vec<Value> = state.pending.iter().take(limit).cloned().collect();
                if let Some(last) = updates.last().and_then(|u| u["update_id"].as_i64()) {
                    state.returned_up_to = state.returned_up_to.max(last);
                }
                return telegram_ok(Value::Array(updates));
            }
        }
        let _ = tokio::time::timeout(deadline.saturating_duration_since(Instant::now()), notified).await;
    }
}

const METHODS: [&str; 12] = [
    "getMe",
    "getUpdates",
    "getWebhookInfo",
    "deleteWebhook",
    "setWebhook",
    "setMyCommands",
    "sendMessage",
    "editMessageText",
    "answerCallbackQuery",
    "answerInlineQuery",
    "deleteMessage",
    "getChat",
];

fn canonical_method(method: &str) -> String {
    METHODS
        .iter()
        .find(|known| known.eq_ignore_ascii_case(method))
        .map_or_else(|| method.to_string(), |known| known.to_string())
}

fn call(shared: &Shared, state: &mut FakeState, method: &str, payload: &Value) -> Response {
    match method {
        "getMe" => telegram_ok(shared.me.clone()),
        "getWebhookInfo" => {
            let url = state
                .webhook
                .as_ref()
                .and_then(|w| w["url"].as_str())
                .unwrap_or_default()
                .to_string();
            telegram_ok(
                json!({ "url": url, "has_custom_certificate": false, "pending_update_count": state.pending.len() }),
            )
        }
        "deleteWebhook" => {
            state.webhook = None;
            state.webhook_deleted += 1;
            telegram_ok(json!(true))
        }
        "setWebhook" => set_webhook(state, payload),
        "setMyCommands" => set_my_commands(state, payload),
        "sendMessage" => send_message(shared, state, payload),
        "editMessageText" => edit_message_text(shared, state, payload),
        "answerCallbackQuery" => answer_callback_query(state, payload),
        "answerInlineQuery" => answer_inline_query(state, payload),
        _ => refuse(state, method, "Not Found: method not found"),
    }
}

/// `setWebhook`: an HTTPS URL (or the tests' local one) is kept.
fn set_webhook(state: &mut FakeState, payload: &Value) -> Response {
    let url = payload["url"].as_str().unwrap_or_default();
    if !(url.starts_with("https://") || url.starts_with("http://127.0.0.1")) {
        return refuse(
            state,
            "setWebhook",
            "Bad Request: bad webhook: HTTPS url must be provided for webhook",
        );
    }
    state.webhook = Some(payload.clone());
    telegram_ok(json!(true))
}

/// `setMyCommands`: checks the scope and every command as Telegram does, then keeps it.
fn set_my_commands(state: &mut FakeState, payload: &Value) -> Response {
    const METHOD: &str = "setMyCommands";
    let commands = payload["commands"].as_array().cloned().unwrap_or_default();
    if commands.is_empty() || commands.len() > 100 {
        return refuse(state, METHOD, "Bad Request: BOT_COMMANDS_TOO_MUCH");
    }
    if let Some(response) = check_command_scope(state, &payload["scope"]) {
        return response;
    }
    for command in &commands {
        let name = command["command"].as_str().unwrap_or_default();
        let name = name.strip_prefix('/').unwrap_or(name);
        let description = command["description"].as_str().unwrap_or_default();
        let name_ok = (1..=32).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !name_ok || !(1..=256).contains(&description.chars().count()) {
            return refuse(state, METHOD, "Bad Request: BOT_COMMAND_INVALID");
        }
    }
    state.commands.push(payload.clone());
    telegram_ok(json!(true))
}

/// The refusal of a command menu's `scope`, if Telegram would refuse it.
fn check_command_scope(state: &mut FakeState, scope: &Value) -> Option<Response> {
    const METHOD: &str = "setMyCommands";
    if scope.is_null() {
        return None;
    }
    let kind = scope["type"].as_str().unwrap_or_default();
    let known = [
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    ];
    if !known.contains(&kind) {
        return Some(refuse(state, METHOD, "Bad Request: BOT_COMMAND_SCOPE_INVALID"));
    }
    if kind.starts_with("chat") {
        let Some(chat_id) = scope["chat_id"].as_i64() else {
            return Some(refuse(state, METHOD, "Bad Request: chat_id is empty"));
        };
        if state.unreachable_chats.contains(&chat_id) {
            // Not a violation: the bot cannot know who has started it.
            return Some(telegram_error(400, "Bad Request: chat not found"));
        }
    }
    None
}

/// `answerCallbackQuery`: each query answered once, its text at most 200 characters.
fn answer_callback_query(state: &mut FakeState, payload: &Value) -> Response {
    const METHOD: &str = "answerCallbackQuery";
    let id = payload["callback_query_id"].as_str().unwrap_or_default().to_string();
    if payload["text"].as_str().is_some_and(|t| t.chars().count() > 200) {
        return refuse(state, METHOD, "Bad Request: MESSAGE_TOO_LONG");
    }
    if !state.callback_ids.insert(id.clone()) {
        return refuse(
            state,
            METHOD,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
        );
    }
    state.callback_answers.push(payload.clone());
    telegram_ok(json!(true))
}

/// Records a violation and answers like Telegram does.
fn refuse(state: &mut FakeState, method: &str, description: &str) -> Response {
    state.violations.push(format!("{method}: {description}"));
    let code = if description.starts_with("Not Found") { 404 } else { 400 };
    telegram_error(code, description)
}

/// Validates a message text with its parse mode; returns the visible text.
fn check_text(text: Option<&str>, parse_mode: Option<&str>) -> Result<String, String> {
    let text = text.ok_or("Bad Request: message text is empty")?;
    let visible = match parse_mode {
        None => text.to_string(),
        Some("HTML") => parse_html(text).map_err(|e| format!("Bad Request: can't parse entities: {e}"))?,
        Some(other) => return Err(format!("Bad Request: unsupported parse_mode {other}")),
    };
    if visible.trim().is_empty() {
        return Err("Bad Request: message text is empty".to_string());
    }
    let length: usize = visible.chars().map(char::len_utf16).sum();
    if length > MAX_TEXT_LEN {
        return Err(format!("Bad Request: message is too long ({length} > {MAX_TEXT_LEN})"));
    }
    Ok(visible)
}

/// Telegram's HTML subset: only these tags, properly nested; `<`, `>`, `&` only as
/// tags or entities. Returns the visible text.
pub fn parse_html(html: &str) -> Result<String, String> {
    const ALLOWED: [&str; 15] = [
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
    ];
    let mut visible = String::new();
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(ch) = rest.chars().next() {
        match ch {
            '<' => {
                let end = rest.find('>').ok_or("unclosed start tag")?;
                let tag = &rest[1..end];
                if let Some(name) = tag.strip_prefix('/') {
                    let name = name.trim();
                    match open.pop() {
                        Some(expected) if expected == name => {}
                        other => return Err(format!("unexpected end tag </{name}> (open: {other:?})")),
                    }
                } else {
                    let name = tag.split_whitespace().next().unwrap_or_default();
                    if !ALLOWED.contains(&name) {
                        return Err(format!("unsupported start tag \"{name}\""));
                    }
                    if name != "a"
                        && name != "span"
                        && name != "code"
                        && name != "pre"
                        && name != "blockquote"
                        && tag != name
                    {
                        return Err(format!("unexpected attributes in <{tag}>"));
                    }
                    open.push(name.to_string());
                }
                rest = &rest[end + 1..];
            }
            '>' => return Err("unescaped '>'".to_string()),
            '&' => {
                let end = rest.find(';').filter(|&e| e <= 10).ok_or("unescaped '&'")?;
                let entity = &rest[1..end];
                let decoded = match entity {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "quot" => '"',
                    _ => entity
                        .strip_prefix('#')
                        .and_then(|n| n.parse::<u32>().ok())
                        .and_then(char::from_u32)
                        .ok_or_else(|| format!("unsupported entity &{entity};"))?,
                };
                visible.push(decoded);
                rest = &rest[end + 1..];
            }
            _ => {
                visible.push(ch);
                rest = &rest[ch.len_utf8()..];
            }
        }
    }
    if let Some(unclosed) = open.pop() {
        return Err(format!("can't find end tag corresponding to start tag \"{unclosed}\""));
    }
    Ok(visible)
}

fn check_markup(markup: &Value) -> Result<(), String> {
    if markup.is_null() {
        return Ok(());
    }
    let rows = markup["inline_keyboard"]
        .as_array()
        .ok_or("Bad Request: unsupported reply_markup")?;
    for row in rows {
        for button in row.as_array().ok_or("Bad Request: keyboard row is not an array")? {
            let text = button["text"].as_str().unwrap_or_default();
            if text.trim().is_empty() {
                return Err("Bad Request: BUTTON_TEXT_EMPTY".to_string());
            }
            let data = button["callback_data"]
                .as_str()
                .ok_or("Bad Request: button without callback_data")?;
            if data.is_empty() || data.len() > MAX_CALLBACK_DATA {
                return Err(format!("Bad Request: BUTTON_DATA_INVALID ({} bytes)", data.len()));
            }
        }
    }
    Ok(())
}

fn chat_id_of(payload: &Value) -> Option<i64> {
    payload["chat_id"].as_i64()
}

fn send_message(shared: &Shared, state: &mut FakeState, payload: &Value) -> Response {
    let Some(chat_id) = chat_id_of(payload) else {
        return refuse(state, "sendMessage", "Bad Request: chat not found");
    };
    if state.unreachable_chats.contains(&chat_id) {
        return telegram_error(403, "Forbidden: bot can't initiate conversation with a user");
    }
    let parse_mode = payload["parse_mode"].as_str();
    let visible = match check_text(payload["text"].as_str(), parse_mode) {
        Ok(visible) => visible,
        Err(error) => return refuse(state, "sendMessage", &error),
    };
    if let Err(error) = check_markup(&payload["reply_markup"]) {
        return refuse(state, "sendMessage", &error);
    }
    let message_id = state.next_message_id;
    state.next_message_id += 1;
    let sent = Sent {
        method: "sendMessage".to_string(),
        chat_id,
        message_id,
        html: payload["text"].as_str().unwrap_or_default().to_string(),
        text: visible,
        parse_mode: parse_mode.map(str::to_string),
        markup: (!payload["reply_markup"].is_null()).then(|| payload["reply_markup"].clone()),
        reply_to: payload["reply_parameters"]["message_id"].as_i64(),
        at: Instant::now(),
    };
    state.messages.insert((chat_id, message_id), sent.clone());
    state.deliveries.push(sent.clone());
    telegram_ok(message_json(shared, &sent, false))
}

fn edit_message_text(shared: &Shared, state: &mut FakeState, payload: &Value) -> Response {
    let (Some(chat_id), Some(message_id)) = (chat_id_of(payload), payload["message_id"].as_i64()) else {
        return refuse(state, "editMessageText", "Bad Request: message to edit not found");
    };
    let Some(current) = state.messages.get(&(chat_id, message_id)).cloned() else {
        return refuse(state, "editMessageText", "Bad Request: message to edit not found");
    };
    let parse_mode = payload["parse_mode"].as_str();
    let visible = match check_text(payload["text"].as_str(), parse_mode) {
        Ok(visible) => visible,
        Err(error) => return refuse(state, "editMessageText", &error),
    };
    if let Err(error) = check_markup(&payload["reply_markup"]) {
        return refuse(state, "editMessageText", &error);
    }
    let markup = (!payload["reply_markup"].is_null()).then(|| payload["reply_markup"].clone());
    if current.html == payload["text"].as_str().unwrap_or_default() && current.markup == markup {
        // Not a violation: Telegram refuses it and the bot must cope.
        return telegram_error(
            400,
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        );
    }
    let edited = Sent {
        method: "editMessageText".to_string(),
        html: payload["text"].as_str().unwrap_or_default().to_string(),
        text: visible,
        parse_mode: parse_mode.map(str::to_string),
        markup,
        at: Instant::now(),
        ..current
    };
    state.messages.insert((chat_id, message_id), edited.clone());
    state.deliveries.push(edited.clone());
    telegram_ok(message_json(shared, &edited, true))
}

fn message_json(shared: &Shared, sent: &Sent, edited: bool) -> Value {
    let mut message = json!({
        "message_id": sent.message_id, "from": shared.me_user(), "chat": chat_json(sent.chat_id),
        "date": DATE, "text": sent.text
    });
    if edited {
        message["edit_date"] = json!(DATE + 1);
    }
    if let Some(markup) = &sent.markup {
        message["reply_markup"] = markup.clone();
    }
    message
}

fn answer_inline_query(state: &mut FakeState, payload: &Value) -> Response {
    let method = "answerInlineQuery";
    let id = payload["inline_query_id"].as_str().unwrap_or_default().to_string();
    if !state.inline_ids.insert(id) {
        return refuse(
            state,
            method,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
        );
    }
    let results = payload["results"].as_array().cloned().unwrap_or_default();
    if results.len() > 50 {
        return refuse(state, method, "Bad Request: RESULTS_TOO_MUCH");
    }
    let mut ids = HashSet::new();
    for result in &results {
        let result_id = result["id"].as_str().unwrap_or_default();
        if result_id.is_empty() || result_id.len() > 64 || !ids.insert(result_id.to_string()) {
            return refuse(state, method, "Bad Request: RESULT_ID_INVALID");
        }
        if result["type"] != "article" || result["title"].as_str().is_none_or(str::is_empty) {
            return refuse(state, method, "Bad Request: RESULT_TYPE_INVALID");
        }
        let content = &result["input_message_content"];
        if let Err(error) = check_text(content["message_text"].as_str(), content["parse_mode"].as_str()) {
            return refuse(state, method, &error);
        }
    }
    state.inline_answers.push(payload.clone());
    telegram_ok(json!(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_checker_accepts_telegram_html_and_rejects_the_rest() {
        assert_eq!(
            parse_html("<b>粗</b> &lt;x&gt; &amp; <i>斜</i>").as_deref(),
            Ok("粗 <x> & 斜")
        );
        assert!(parse_html("<b>unclosed").is_err());
        assert!(parse_html("<b><i>x</b></i>").is_err());
        assert!(parse_html("a < b").is_err());
        assert!(parse_html("a & b").is_err());
        assert!(parse_html("<script>x</script>").is_err());
        assert!(parse_html("x > y").is_err());
    }

    #[tokio::test]
    async fn multipart_bodies_become_json_fields() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://b.example/hook\r\n\
                    --XyZ\r\nContent-Disposition: form-data; name=\"allowed_updates\"\r\n\r\n[\"message\"]\r\n\
                    --XyZ\r\nContent-Disposition: form-data; name=\"secret_token\"\r\n\r\n12345\r\n--XyZ--\r\n";
        let fields = parse_multipart("multipart/form-data; boundary=XyZ", Bytes::from(body))
            .await
            .expect("valid multipart");
        assert_eq!(fields["url"], "https://b.example/hook");
        assert_eq!(fields["allowed_updates"], json!(["message"]));
        assert_eq!(fields["secret_token"], 12345, "JSON values are parsed");
        assert!(
            parse_multipart("multipart/form-data", Bytes::from(body))
                .await
                .is_none(),
            "no boundary"
        );
        let cut = &body[..body.len() - 20];
        assert!(
            parse_multipart("multipart/form-data; boundary=XyZ", Bytes::from(cut.to_string()))
                .await
                .is_none(),
            "a body cut short"
        );
    }

    #[test]
    fn entities_mark_commands_and_mentions() {
        let found = entities("/item@fuer_bot 5 @someone");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0]["type"], "bot_command");
        assert_eq!(found[0]["length"], 14);
        assert_eq!(found[1]["type"], "mention");
        assert_eq!(found[1]["offset"], 17);
    }
}
