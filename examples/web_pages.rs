//! How long each page of the admin web page takes with 1,000,000 recorded questions.
//!
//! Run: `cargo run --release --example web_pages` (the first run fills
//! `target/web-bench/fuer-bot.sqlite3`, which takes a minute; later runs reuse it).
//! With `-- --serve`, it serves the pages on 127.0.0.1:8099 over that database until
//! stopped, after printing a session cookie: `scripts/lighthouse.sh` audits them so.
//!
//! The questions are spread over the last 60 days (about 500,000 in the 30 days the pages
//! show), over 20,000 different wordings with a skewed frequency: a few hundred real
//! questions asked often (answered, related, low confidence) and a long tail of questions
//! the bot declines. Each page is fetched over HTTP from the server running in this
//! process, once (the first request after start: the unanswered summary is rebuilt for
//! the period then, as after each new day) and 30 more times; the table shows the first,
//! the median and the slowest time from sending the request to the last byte of the page.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use fuer_bot::store::{QuestionRecord, QuestionStore, Recorder, database_path, unix_now};
use fuer_bot::web::{Auth, WebConfig, WebSetup, WebState, changes};
use fuer_core::engine::Engine;
use fuer_core::knowledge::edit::Edit;
use fuer_core::library::Library;

const QUESTIONS: u64 = 1_000_000;
const WORDINGS: u64 = 20_000;
const DAYS: u64 = 60;
const ROUNDS: usize = 30;

/// Questions people ask, answered in several ways; variants are made with endings.
const REAL: [&str; 16] = [
    "全市建了多少间母婴室",
    "爱心妈妈结对关爱了多少名儿童",
    "两癌筛查做了多少例",
    "妈妈岗有多少个",
    "妇儿大厦门票多少钱",
    "儿童友好建设点有多少个",
    "五分钟救助圈覆盖了多少个社区",
    "妇儿大厦几点开门",
    "HPV疫苗打了多少剂",
    "集体婚礼有多少对新人",
    "第七件是什么",
    "妇联组织有多少个",
    "上海的母婴室有多少",
    "2023年的母婴室有多少",
    "家庭教育讲座办了几场",
    "巾帼宣讲有多少场",
];
const ENDINGS: [&str; 12] = ["", "？", "呢", "啊", "吗", "?", "呀", "。", "啦", "哦", "！", "嘛"];

/// A skewed pick in 0..n from a uniform number in 0..1 (small indexes far more often).
fn skewed(uniform: f64, n: u64) -> u64 {
    ((uniform.powi(3)) * n as f64) as u64 % n
}

fn wording(index: u64) -> String {
    let real = (REAL.len() * ENDINGS.len()) as u64;
    if index < real {
        let base = REAL[(index as usize) % REAL.len()];
        let ending = ENDINGS[(index as usize / REAL.len()) % ENDINGS.len()];
        format!("{base}{ending}")
    } else {
        format!("深圳第{index}号小区附近哪里可以办理居住证")
    }
}

fn fill(path: &std::path::Path, engine: &Engine) {
    if let Ok(Some(store)) = QuestionStore::open_read_only(path)
        && store.count().unwrap_or(0) == QUESTIONS
    {
        return;
    }
    let _ = std::fs::remove_file(path);
    let mut store = QuestionStore::open(path).expect("the database");
    let now = unix_now();
    let answers: Vec<_> = (0..WORDINGS).map(|index| engine.answer(&wording(index))).collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let started = Instant::now();
    let mut batch = Vec::with_capacity(10_000);
    for _ in 0..QUESTIONS {
        let uniform = (next() % 1_000_000) as f64 / 1_000_000.0;
        let index = skewed(uniform, WORDINGS);
        let age = (next() % (DAYS * 86_400)) as i64;
        let question = wording(index);
        batch.push(QuestionRecord::from_answer(
            now - age,
            &question,
            &answers[index as usize],
            "private",
        ));
        if batch.len() == batch.capacity() {
            store.record_many(&batch).expect("record");
            batch.clear();
        }
    }
    store.record_many(&batch).expect("record");
    println!(
        "filled {} with {QUESTIONS} questions in {:.1} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("target").join("web-bench");
    let knowledge = tempfile::tempdir().expect("a temporary directory");
    fuer_bot::knowledge_dir::copy_knowledge_dir(&root.join("knowledge"), knowledge.path()).expect("copy the knowledge");
    let library = fuer_bot::cli::load_library(knowledge.path()).expect("the knowledge");
    let path = database_path(&data);
    std::fs::create_dir_all(&data).expect("the data directory");
    fill(&path, library.latest());

    let serve = std::env::args().any(|argument| argument == "--serve");
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let port = if serve { "127.0.0.1:8099" } else { "127.0.0.1:0" };
        let listener = tokio::net::TcpListener::bind(port).await.expect("a port");
        let address = listener.local_addr().expect("the address");
        // The history of saves starts empty at each run.
        let history = tempfile::tempdir().expect("a temporary directory");
        let auth = Arc::new(Auth::open(&data).expect("the secret"));
        let state = web_state(library, &path, knowledge.path(), history.path(), address, &auth);
        save_once(knowledge.path(), &state);
        let serving = tokio::spawn(fuer_bot::web::serve_on(listener, state, std::future::pending()));
        let session = auth
            .log_in(&auth.login_token(unix_now()), unix_now())
            .expect("a session");
        let cookie = format!("fuer_session={}", auth.session_cookie(&session));
        if serve {
            println!("url=http://{address}/");
            println!("cookie={cookie}");
            let _ = serving.await;
            return;
        }
        let client = reqwest::Client::builder().no_proxy().build().expect("a client");
        println!("| page | first request | median | slowest | bytes |");
        println!("| --- | --- | --- | --- | --- |");
        for (name, page) in pages() {
            let timed = time_page(&client, &format!("http://{address}/{page}"), &cookie, name).await;
            println!(
                "| {name} | {:.1} ms | {:.1} ms | {:.1} ms | {} |",
                timed.first.as_secs_f64() * 1000.0,
                timed.rounds[timed.rounds.len() / 2].as_secs_f64() * 1000.0,
                timed.rounds[timed.rounds.len() - 1].as_secs_f64() * 1000.0,
                timed.bytes
            );
        }
    });
}

/// The page's state over the filled database, the knowledge copy and an empty history.
fn web_state(
    library: Library,
    database: &Path,
    knowledge: &Path,
    history: &Path,
    address: std::net::SocketAddr,
    auth: &Arc<Auth>,
) -> WebState {
    let config = WebConfig {
        listen: address,
        url: url::Url::parse(&format!("http://{address}/")).expect("a URL"),
    };
    WebState::new(
        Arc::new(ArcSwap::from_pointee(library)),
        Some(Arc::new(Recorder::open(database))),
        knowledge.to_path_buf(),
        WebSetup {
            config,
            auth: Arc::clone(auth),
            data_dir: history.to_path_buf(),
        },
    )
}

/// One save, for the history's pages.
fn save_once(knowledge: &Path, state: &WebState) {
    let edit = Edit::AddKeyword {
        item: 5,
        keyword: "背奶室".to_string(),
    };
    let plan = changes::plan(knowledge, "2024-shenzhen", &edit).expect("a plan");
    changes::save(
        knowledge,
        "2024-shenzhen",
        &edit,
        &plan.hash,
        "第5件（母婴室与民生实事）加关键词“背奶室”",
        state.history(),
        state.library_swap(),
    )
    .expect("a save");
}

/// The pages measured: their names and paths.
fn pages() -> [(&'static str, String); 8] {
    let encode = |text: &str| -> String { url::form_urlencoded::byte_serialize(text.as_bytes()).collect() };
    [
        ("overview", String::new()),
        ("unanswered", "unanswered".to_string()),
        ("try", format!("try?q={}", encode("全市建了多少间母婴室？"))),
        ("knowledge", "knowledge".to_string()),
        (
            "preview (add a keyword)",
            format!(
                "preview?op=add_keyword&item=5&keyword={}&question={}",
                encode("集乳室"),
                encode("集乳室有多少")
            ),
        ),
        (
            "preview (remove a synonym)",
            format!("preview?op=remove_synonym&group=0&word={}", encode("母乳室")),
        ),
        ("history", "history".to_string()),
        ("a save's changes", "history/1".to_string()),
    ]
}

/// The times of one page: the first request, the next [`ROUNDS`] sorted, the page's size.
struct Timed {
    first: Duration,
    rounds: Vec<Duration>,
    bytes: usize,
}

/// Fetches `url` once and [`ROUNDS`] more times, from sending to the last byte.
async fn time_page(client: &reqwest::Client, url: &str, cookie: &str, name: &str) -> Timed {
    let mut timed = Timed {
        first: Duration::ZERO,
        rounds: Vec::new(),
        bytes: 0,
    };
    for round in 0..=ROUNDS {
        let started = Instant::now();
        let response = client
            .get(url)
            .header("cookie", cookie)
            .send()
            .await
            .expect("a response");
        assert!(response.status().is_success(), "{name}: {}", response.status());
        timed.bytes = response.bytes().await.expect("a body").len();
        if round > 0 {
            timed.rounds.push(started.elapsed());
        } else {
            timed.first = started.elapsed();
        }
    }
    timed.rounds.sort();
    timed
}
