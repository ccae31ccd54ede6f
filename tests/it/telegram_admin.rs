//! End to end, issue 4: a bot with a temporary knowledge directory and data directory,
//! against the fake Bot API. Live reload (a new figure answered after the save; a broken or
//! deleted file keeps the old answers and tells the admins `file:line`; the fix is
//! confirmed with counts), admin-only commands invisible to everyone else, questions
//! recorded without ids and reported by `/stats` and `/unanswered`, and a damaged database
//! that does not stop the bot.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_bot::store::{QuestionStore, database_path};
use fuer_bot::telegram::Options;
use fuer_bot::web::{Auth, WebConfig, WebSetup};
use fuer_core::texts;

use crate::fake_api::Sent;
use crate::support::{copy_knowledge, correct_article, line_of, save_by_rename};
use crate::telegram_harness::{ADMIN_ID, BOT_USERNAME, TestBot, logs, test_options};

const ADMIN: i64 = ADMIN_ID as i64;
const ITEM_5: &str = "2024-shenzhen/05-母婴室.toml";
const NURSING_ROOMS: &str = "全市建了多少间母婴室？";
const LOVING_MOTHERS: &str = "爱心妈妈结对关爱了多少名儿童？";
const OUT_OF_SCOPE: &str = "明天深圳的股票行情怎么样？";
/// How long a test waits for an event before failing: a hang guard, not a speed requirement.
const PATIENCE: Duration = Duration::from_secs(60);

const PUBLIC_COMMANDS: [&str; 4] = ["start", "help", "list", "item"];
const ADMIN_COMMANDS: [&str; 8] = ["start", "help", "list", "item", "reload", "stats", "unanswered", "web"];

/// A bot on its own copy of the knowledge and its own data directory.
struct AdminBot {
    bot: TestBot,
    knowledge: tempfile::TempDir,
    data: tempfile::TempDir,
}

impl AdminBot {
    async fn start(admins: Vec<u64>, unreachable: &[i64]) -> AdminBot {
        let data = tempfile::tempdir().expect("a temporary data directory");
        AdminBot::start_in(admins, unreachable, data, |data| data.join("data")).await
    }

    /// Starts with the data directory `data_dir(data)` (which may be prepared to fail).
    async fn start_in(
        admins: Vec<u64>,
        unreachable: &[i64],
        data: tempfile::TempDir,
        data_dir: impl FnOnce(&Path) -> PathBuf,
    ) -> AdminBot {
        let knowledge = copy_knowledge();
        // The tests change item 5's figure: the article has those versions too.
        correct_article(knowledge.path(), "1480间", "1999间");
        correct_article(knowledge.path(), "1480间", "1777间");
        let library = fuer_bot::cli::load_library(knowledge.path()).expect("the copied knowledge loads");
        // The admin web page beside the bot, on a free port.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let web = WebConfig::new(([127, 0, 0, 1], port).into(), None).expect("a web configuration");
        let auth = Auth::open(&data.path().join("web")).expect("the web secret");
        let options = Options {
            knowledge_dir: Some(knowledge.path().to_path_buf()),
            data_dir: Some(data_dir(data.path())),
            web: Some(WebSetup {
                config: web,
                auth: Arc::new(auth),
                data_dir: data.path().join("web"),
            }),
            ..test_options()
        };
        let bot = TestBot::launch(library, options, admins, unreachable).await;
        AdminBot { bot, knowledge, data }
    }

    fn dir(&self) -> &Path {
        self.knowledge.path()
    }

    fn database(&self) -> PathBuf {
        database_path(&self.data.path().join("data"))
    }

    /// Sends `text` in a private chat and returns the (first message of the) reply.
    async fn ask(&self, user: i64, text: &str) -> Sent {
        let before = self.bot.fake.state().sent_to(user).len();
        self.bot.fake.private_text(user, text);
        self.bot.fake.wait_sent(user, before + 1).await.remove(before)
    }

    /// Waits for the `n`-th (1-based) message to the admin chat.
    async fn admin_message(&self, n: usize) -> Sent {
        self.bot.fake.wait_sent(ADMIN, n).await.remove(n - 1)
    }

    /// The confirmation admins get after a successful reload of the current files.
    fn confirmation(&self) -> String {
        let knowledge = load_knowledge_dir(self.dir())
            .expect("the files are valid")
            .into_first();
        format!(
            "知识库已更新：{} 件大事，{} 条事实，{} 个关键词。",
            knowledge.items.len(),
            knowledge.fact_count(),
            knowledge.keyword_count()
        )
    }

    /// The number of recorded questions, once it reaches `count` (recording is queued).
    async fn wait_recorded(&self, count: u64) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let recorded = match QuestionStore::open_read_only(&self.database()) {
                Ok(Some(store)) => store.count().unwrap_or(0),
                _ => 0,
            };
            if recorded >= count {
                assert_eq!(recorded, count, "more questions recorded than asked");
                return;
            }
            assert!(
                Instant::now() < deadline,
                "only {recorded} of {count} questions were recorded"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_reload_serves_new_figures_and_keeps_the_last_good_version() {
    const USER: i64 = 6_610_001;
    // A second admin who never started the bot: messages to them fail, nothing else does.
    const SILENT_ADMIN: u64 = 6_619_999;
    let bot = AdminBot::start(vec![ADMIN_ID, SILENT_ADMIN], &[SILENT_ADMIN as i64]).await;
    let dir = bot.dir().to_path_buf();
    assert!(bot.ask(USER, NURSING_ROOMS).await.text.contains("1480间"));

    // A changed figure is answered after the save, without a restart.
    let original = fs::read_to_string(dir.join(ITEM_5)).expect("item 5");
    let changed = original.replace("1480间", "1999间").replace("1,480", "1,999");
    assert_ne!(changed, original);
    let saved = Instant::now();
    save_by_rename(&dir, ITEM_5, &changed);
    loop {
        if bot.ask(USER, NURSING_ROOMS).await.text.contains("1999间") {
            break;
        }
        assert!(saved.elapsed() < PATIENCE, "the new figure was never served");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let confirmation = bot.admin_message(1).await;
    assert_eq!(confirmation.text, bot.confirmation());

    // A TOML syntax error: the old answers stay, admins get `file:line`, the log has it too.
    let line = line_of(&changed, "title = \"母婴室与民生实事\"");
    let broken = changed.replace("title = \"母婴室与民生实事\"", "title = \"母婴室与民生实事");
    save_by_rename(&dir, ITEM_5, &broken);
    let problem = bot.admin_message(2).await;
    let location = format!("{ITEM_5}:{line}: ");
    assert!(problem.text.contains(&location), "{}", problem.text);
    assert!(problem.text.contains("没有生效"), "{}", problem.text);
    assert!(bot.ask(USER, NURSING_ROOMS).await.text.contains("1999间"));
    let item = bot.ask(USER, "/item 5").await;
    assert!(
        item.text.contains("1999间"),
        "the whole item is still served: {}",
        item.text
    );
    assert!(!logs::wait_for(&location, &location).await.is_empty());

    // Fixed: the new version loads and admins get the confirmation with the counts.
    save_by_rename(&dir, ITEM_5, &changed);
    let fixed = bot.admin_message(3).await;
    assert_eq!(fixed.text, bot.confirmation());
    assert!(bot.ask(USER, NURSING_ROOMS).await.text.contains("1999间"));

    // A deleted file: still the old answers, and admins learn which item is missing.
    fs::remove_file(dir.join(ITEM_5)).expect("delete item 5");
    let missing = bot.admin_message(4).await;
    assert!(missing.text.contains("缺少第 5 件"), "{}", missing.text);
    assert!(bot.ask(USER, NURSING_ROOMS).await.text.contains("1999间"));
    assert!(bot.ask(USER, "/list").await.text.contains("10. "));
    save_by_rename(&dir, ITEM_5, &changed);
    assert_eq!(bot.admin_message(5).await.text, bot.confirmation());

    // The admin who cannot be reached was tried every time and only logged.
    logs::wait_for(
        &SILENT_ADMIN.to_string(),
        "cannot send the knowledge reload message to admin",
    )
    .await;
    let fake = bot.bot.stop().await;
    let state = fake.state();
    assert_eq!(state.sent_to(ADMIN).len(), 5, "one message per reload outcome");
    assert!(state.sent_to(SILENT_ADMIN as i64).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_commands_are_in_the_admin_menu_only() {
    const ABSENT_ADMIN: u64 = 6_629_999;
    let bot = AdminBot::start(vec![ADMIN_ID, ABSENT_ADMIN], &[ABSENT_ADMIN as i64]).await;
    logs::wait_for(
        &ABSENT_ADMIN.to_string(),
        "cannot register the admin command menu for admin",
    )
    .await;
    {
        let state = bot.bot.fake.state();
        // The public menu in each language (default, zh, en), the admin menu for the admin.
        assert_eq!(
            state.command_menus("default", None),
            [PUBLIC_COMMANDS, PUBLIC_COMMANDS, PUBLIC_COMMANDS]
        );
        assert_eq!(state.command_menus("chat", Some(ADMIN)), [ADMIN_COMMANDS]);
        assert!(state.command_menus("chat", Some(ABSENT_ADMIN as i64)).is_empty());
        assert_eq!(state.commands.len(), 4, "no other menu anywhere");
        let admin_menu = state
            .commands
            .iter()
            .find(|payload| payload["scope"]["type"] == "chat")
            .cloned()
            .unwrap_or_default();
        let descriptions: Vec<&str> = admin_menu["commands"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|command| command["description"].as_str())
            .collect();
        assert_eq!(
            descriptions[4..],
            [
                texts::COMMAND_RELOAD_DESCRIPTION,
                texts::COMMAND_STATS_DESCRIPTION,
                texts::COMMAND_UNANSWERED_DESCRIPTION,
                texts::COMMAND_WEB_DESCRIPTION
            ]
        );
    }
    // The bot runs normally all the same.
    let reply = bot.ask(6_620_001, NURSING_ROOMS).await;
    assert!(reply.text.contains("1480间"));
    bot.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_commands_answer_admins_and_look_unknown_to_everyone_else() {
    const USER: i64 = 6_630_001;
    const GROUP: i64 = -1_001_663_000_001;
    let bot = AdminBot::start(vec![ADMIN_ID], &[]).await;

    // A non-admin gets exactly the reply to an unknown command.
    let unknown = bot.ask(USER, "/nosuchcommand").await;
    assert_eq!(unknown.text, texts::UNKNOWN_COMMAND.zh);
    for command in [
        "/reload",
        "/stats",
        "/unanswered",
        "/web",
        "/Reload",
        &format!("/stats@{BOT_USERNAME}"),
        "/unanswered 20",
    ] {
        let reply = bot.ask(USER, command).await;
        assert_eq!(
            (&reply.html, &reply.parse_mode, &reply.markup),
            (&unknown.html, &unknown.parse_mode, &unknown.markup),
            "{command}"
        );
    }

    // Admin commands are private-chat only: in a group, even an admin's are unknown.
    bot.bot
        .fake
        .group_text(GROUP, ADMIN, &format!("/stats@{BOT_USERNAME}"), None);
    bot.bot.fake.group_text(GROUP, ADMIN, "/reload", None);
    bot.bot.fake.group_text(GROUP, ADMIN, "/help", None);
    let group = bot.bot.fake.wait_sent(GROUP, 2).await;
    assert_eq!(group[0].text, texts::UNKNOWN_COMMAND.zh);
    assert!(
        group[1].text.contains("/item"),
        "bare /reload was ignored: {}",
        group[1].text
    );

    // An admin's /reload reloads and replies with the result.
    let reload = bot.ask(ADMIN, "/reload").await;
    assert_eq!(reload.text, bot.confirmation());
    // A changed figure, reloaded by hand at once. The watcher also reloads it and tells
    // the admin: two messages with the same confirmation, in either order.
    let changed = fs::read_to_string(bot.dir().join(ITEM_5))
        .expect("item 5")
        .replace("1480间", "1777间")
        .replace("1,480", "1,777");
    save_by_rename(bot.dir(), ITEM_5, &changed);
    bot.bot.fake.private_text(ADMIN, "/reload");
    let replies = bot.bot.fake.wait_sent(ADMIN, 3).await;
    for reply in &replies[1..] {
        assert_eq!(reply.text, bot.confirmation());
    }
    assert!(bot.ask(USER, NURSING_ROOMS).await.text.contains("1777间"));

    let stats = bot.ask(ADMIN, "/stats").await;
    assert!(stats.text.starts_with("问答统计"), "{}", stats.text);
    let unanswered = bot.ask(ADMIN, "/unanswered").await;
    assert!(unanswered.text.starts_with("最近30天"), "{}", unanswered.text);
    bot.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_are_recorded_without_ids_and_reported_to_admins() {
    const USER: i64 = 6_640_001;
    const GROUP: i64 = -1_001_664_000_001;
    const MEMBER: i64 = 6_640_002;
    let bot = AdminBot::start(vec![ADMIN_ID], &[]).await;

    assert!(bot.ask(USER, NURSING_ROOMS).await.text.contains("1480间"));
    let declined = bot.ask(USER, OUT_OF_SCOPE).await;
    assert!(declined.text.contains("/list"), "{}", declined.text);
    bot.ask(USER, OUT_OF_SCOPE).await;
    bot.bot
        .fake
        .group_text(GROUP, MEMBER, &format!("@{BOT_USERNAME} {LOVING_MOTHERS}"), None);
    bot.bot.fake.wait_sent(GROUP, 1).await;
    // Commands and chatter are not questions.
    bot.ask(USER, "/list").await;
    bot.bot.fake.group_text(GROUP, MEMBER, "大家好", None);
    bot.wait_recorded(4).await;

    // /stats and /unanswered, for the admin.
    let stats = bot.ask(ADMIN, "/stats").await;
    assert!(
        stats
            .text
            .contains("今天：4 个问题，回答 2 个（50%），给出相关内容 0 个（0%），答不上 2 个（50%）"),
        "{}",
        stats.text
    );
    assert!(stats.text.contains("第5件"), "{}", stats.text);
    let unanswered = bot.ask(ADMIN, "/unanswered").await;
    assert!(
        unanswered
            .text
            .contains(&format!("1. “{OUT_OF_SCOPE}” × 2（答不上 2）")),
        "{}",
        unanswered.text
    );
    assert!(!unanswered.text.contains(NURSING_ROOMS), "{}", unanswered.text);
    let expected_item = bot.bot.engine.answer(LOVING_MOTHERS).item;
    let database = bot.database();
    bot.bot.stop().await;

    // What is stored: no column or value that identifies a user or a chat.
    let raw = rusqlite::Connection::open(&database).expect("open the database");
    assert_tables_hold_no_ids(&raw);
    assert_rows_hold_no_ids(&raw, expected_item, &[USER, GROUP, MEMBER]);
}

/// The question log's tables and the questions table's columns: none for a user or a chat.
fn assert_tables_hold_no_ids(raw: &rusqlite::Connection) {
    let mut columns = Vec::new();
    raw.pragma(None, "table_info", "questions", |row| {
        columns.push(row.get::<_, String>(1)?);
        Ok(())
    })
    .expect("the questions table");
    assert_eq!(
        columns,
        [
            "id",
            "asked_at",
            "question",
            "item",
            "score",
            "status",
            "chat_type",
            "normalized",
            "lang",
            "article"
        ]
    );
    let tables: Vec<String> = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut statement| statement.query_map([], |row| row.get(0)).and_then(Iterator::collect))
        .expect("the tables");
    // The questions, and the web page's summaries of them (their columns are checked in
    // tests/it/store.rs: counts, days, question texts — no ids either).
    assert_eq!(
        tables,
        [
            "questions",
            "day_totals",
            "unanswered_days",
            "question_totals",
            "unanswered_recent",
            "summary_state"
        ]
    );
}

/// The recorded questions of `questions_are_recorded_without_ids_and_reported_to_admins`,
/// none holding an id of `ids` or the bot's mention.
fn assert_rows_hold_no_ids(raw: &rusqlite::Connection, expected_item: Option<u8>, ids: &[i64]) {
    let rows: Vec<(String, Option<u8>, String, String)> = raw
        .prepare("SELECT question, item, status, chat_type FROM questions ORDER BY id")
        .and_then(|mut statement| {
            statement
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))
                .and_then(Iterator::collect)
        })
        .expect("the recorded questions");
    assert_eq!(
        rows,
        [
            (
                NURSING_ROOMS.to_string(),
                Some(5),
                "answered".to_string(),
                "private".to_string()
            ),
            (
                OUT_OF_SCOPE.to_string(),
                None,
                "declined".to_string(),
                "private".to_string()
            ),
            (
                OUT_OF_SCOPE.to_string(),
                None,
                "declined".to_string(),
                "private".to_string()
            ),
            (
                LOVING_MOTHERS.to_string(),
                expected_item,
                "answered".to_string(),
                "supergroup".to_string()
            ),
        ]
    );
    for (question, _, _, chat_type) in &rows {
        for id in ids {
            assert!(!question.contains(&id.to_string()) && !chat_type.contains(&id.to_string()));
        }
        assert!(
            !question.contains(BOT_USERNAME),
            "the mention is not stored: {question}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_or_unusable_database_does_not_stop_the_bot() {
    const USER: i64 = 6_650_001;
    // Garbage bytes where the database should be.
    let garbage: Vec<u8> = (0..16_384_u32)
        .map(|n| (n.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let damaged = tempfile::tempdir().expect("a temporary directory");
    let damaged_file = database_path(&damaged.path().join("data"));
    fs::create_dir_all(damaged.path().join("data")).expect("the data directory");
    fs::write(&damaged_file, &garbage).expect("write garbage");
    // A data directory that cannot be created (a file is in the way).
    let blocked = tempfile::tempdir().expect("a temporary directory");
    fs::write(blocked.path().join("data"), "not a directory").expect("a file in the way");

    let mut databases = Vec::new();
    for data in [damaged, blocked] {
        let bot = AdminBot::start_in(vec![ADMIN_ID], &[], data, |data| data.join("data")).await;
        let database = bot.database().display().to_string();
        logs::wait_for(&database, "question recording is off").await;
        databases.push(database);
        assert!(bot.ask(USER, NURSING_ROOMS).await.text.contains("1480间"));
        assert!(bot.ask(USER, OUT_OF_SCOPE).await.text.contains("/list"));
        for command in ["/stats", "/unanswered"] {
            let reply = bot.ask(ADMIN, command).await;
            assert!(reply.text.starts_with("问题记录不可用"), "{command}: {}", reply.text);
            assert!(
                reply.text.contains(&bot.database().display().to_string()),
                "{command} names the file: {}",
                reply.text
            );
        }
        // Live reload still works.
        let reload = bot.ask(ADMIN, "/reload").await;
        assert_eq!(reload.text, bot.confirmation());
        let database = bot.database();
        let data = bot.data.path().to_path_buf();
        bot.bot.stop().await;
        if data.join("data").is_dir() {
            assert_eq!(
                fs::read(&database).expect("the damaged file"),
                garbage,
                "left untouched"
            );
        }
    }
    assert_eq!(databases.len(), 2, "both bots logged that recording is off");
}

/// `fuer-bot run` applies the retention period (180 days by default) as it starts: the
/// older questions are gone before the first update is handled, their daily counts stay.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_past_the_retention_period_are_deleted_at_start() {
    const USER: i64 = 6_650_101;
    let data = tempfile::tempdir().expect("a temporary data directory");
    let now = fuer_bot::store::unix_now();
    let mut store = QuestionStore::open(&database_path(&data.path().join("data"))).expect("a database");
    for (age_days, question) in [(400, "一年多以前的问题"), (2, "前天的问题")] {
        let old = crate::store_support::record(
            now - age_days * 86_400,
            question,
            None,
            0.0,
            fuer_bot::store::RecordStatus::Declined,
        );
        store.record(&old).expect("record");
    }
    drop(store);
    let bot = AdminBot::start_in(vec![ADMIN_ID], &[], data, |data| data.join("data")).await;
    assert!(bot.ask(USER, NURSING_ROOMS).await.text.contains("1480间"));
    bot.wait_recorded(2).await;
    let store = QuestionStore::open_read_only(&bot.database())
        .expect("readable")
        .expect("questions");
    let texts: Vec<String> = store
        .frequent_questions(10)
        .expect("questions")
        .into_iter()
        .map(|question| question.text)
        .collect();
    assert!(!texts.iter().any(|text| text == "一年多以前的问题"), "{texts:?}");
    assert!(texts.iter().any(|text| text == "前天的问题"), "{texts:?}");
    assert_eq!(store.stats(now).expect("stats").all_time.questions, 3, "counts kept");
    drop(store);
    bot.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn web_sends_admins_a_login_link_to_the_page_served_beside_the_bot() {
    const USER: i64 = 6_640_001;
    let bot = AdminBot::start(vec![ADMIN_ID], &[]).await;
    let reply = bot.ask(ADMIN, "/web").await;
    let link = reply
        .text
        .lines()
        .find(|line| line.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("a login link: {}", reply.text))
        .to_string();
    assert!(reply.text.starts_with(&texts::web_login_link("")), "{}", reply.text);
    assert!(link.contains("/login?token="), "{link}");
    // The page runs beside the bot and takes the link once.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("a client");
    let token = link.split("token=").nth(1).expect("a token").to_string();
    let base = link.split("login?").next().expect("the base").to_string();
    let login = client
        .post(format!("{base}login"))
        .form(&[("token", &token)])
        .send()
        .await
        .expect("the page answers");
    assert_eq!(login.status(), reqwest::StatusCode::SEE_OTHER);
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .expect("a cookie")
        .split(';')
        .next()
        .expect("name=value")
        .to_string();
    // It shows what the bot answers now: same engine, same question log.
    assert!(bot.ask(USER, NURSING_ROOMS).await.text.contains("1480间"));
    bot.wait_recorded(1).await;
    let overview = client
        .get(&base)
        .header("cookie", &cookie)
        .send()
        .await
        .expect("the overview");
    assert_eq!(overview.status(), reqwest::StatusCode::OK);
    let body = overview.text().await.expect("a body");
    assert!(body.contains("<div class=\"big\" id=\"questions\">1</div>"), "{body}");
    let again = client
        .post(format!("{base}login"))
        .form(&[("token", &token)])
        .send()
        .await
        .expect("the page answers");
    assert_eq!(again.status(), reqwest::StatusCode::FORBIDDEN, "used once");
    // For anyone else /web is an unknown command.
    assert_eq!(bot.ask(USER, "/web").await.text, texts::UNKNOWN_COMMAND.zh);
    bot.bot.stop().await;
}

/// An admin bot with the invented 2025 article imported and reloaded, and three questions
/// recorded: one of the shipped article, two of the 2025 one.
async fn admin_bot_with_two_articles_asked() -> AdminBot {
    const USER: i64 = 6_640_101;
    let bot = AdminBot::start(vec![ADMIN_ID], &[]).await;
    let mut import_report = Vec::new();
    fuer_bot::import::import(
        &crate::support::articles_dir().join("2025-test.txt"),
        bot.dir(),
        None,
        &mut import_report,
    )
    .expect("the test article imports");
    let reloaded = bot.ask(ADMIN, "/reload").await;
    assert!(reloaded.text.contains("知识库已更新"), "{}", reloaded.text);

    assert!(bot.ask(USER, NURSING_ROOMS).await.text.contains("1480间"));
    let expo = bot.ask(USER, "女性创业博览会有多少家企业参展").await;
    assert!(expo.text.contains("326家"), "{}", expo.text);
    bot.ask(USER, "女性创业博览会办了几天").await;
    bot.wait_recorded(3).await;
    bot
}

/// Sends the admin's `command` and asserts its report holds every one of `present` and none
/// of `absent`.
async fn check_admin_report(bot: &AdminBot, command: &str, present: &[String], absent: &[&str]) {
    // The watcher's reload message may come in between: the report is the reply that
    // is not one.
    let before = bot.bot.fake.state().sent_to(ADMIN).len();
    bot.bot.fake.private_text(ADMIN, command);
    let mut seen = before + 1;
    let report = loop {
        let message = bot.bot.fake.wait_sent(ADMIN, seen).await.remove(seen - 1);
        if !message.text.starts_with("知识库已更新") {
            break message.text;
        }
        seen += 1;
    };
    for text in present {
        assert!(report.contains(text.as_str()), "{command}: {text} missing in\n{report}");
    }
    for text in absent {
        assert!(!report.contains(text), "{command}: {text} unexpected in\n{report}");
    }
}

/// `/stats` with two articles (class: an admin report of several articles counts each
/// article apart, since item numbers are per article): every article's counts together
/// and each one's, `/stats 2025` or `/stats <id>` one article's, an unknown article named;
/// `/unanswered 2025` one article's list.
#[tokio::test]
async fn stats_count_each_article_apart() {
    let bot = admin_bot_with_two_articles_asked().await;
    let one_line = |count: u64| format!("今天：{count} 个问题，回答 {count} 个（100%）");
    let cases: [(&str, &[String], &[&str]); 6] = [
        (
            "/unanswered 2025",
            &["【2025-shenzhen】".to_string(), "最近30天没有".to_string()],
            &["【2024-shenzhen】"],
        ),
        ("/unanswered 2030", &["没有编号或年份是“2030”的文章".to_string()], &[]),
        (
            "/stats",
            &[
                texts::STATS_EVERY_ARTICLE.to_string(),
                one_line(3),
                "【2024-shenzhen】".to_string(),
                one_line(1),
                "【2025-shenzhen】".to_string(),
                one_line(2),
                texts::STATS_ONE_ARTICLE_HINT.to_string(),
            ],
            &[],
        ),
        (
            "/stats 2025",
            &["【2025-shenzhen】".to_string(), one_line(2), "第1件".to_string()],
            &["【2024-shenzhen】", "母婴室"],
        ),
        (
            "/stats 2024-shenzhen",
            &["【2024-shenzhen】".to_string(), one_line(1), "第5件 母婴室".to_string()],
            &["【2025-shenzhen】", texts::STATS_EVERY_ARTICLE],
        ),
        (
            "/stats 2030",
            &[
                "没有编号或年份是“2030”的文章".to_string(),
                "2024-shenzhen、2025-shenzhen".to_string(),
            ],
            &["今天"],
        ),
    ];
    for (command, present, absent) in cases {
        check_admin_report(&bot, command, present, absent).await;
    }
    bot.bot.stop().await;
}
