//! The `fuer-bot` binary end to end: `ask`, `ask --json`, `check`, `chat` through stdin.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::support::{copy_knowledge, knowledge_dir};

fn fuer_bot(args: &[&str], stdin: &str) -> Output {
    fuer_bot_bytes(args, stdin.as_bytes())
}

/// Runs the binary with raw bytes (possibly not UTF-8) on standard input, with a data
/// directory of its own (`chat` records; `--data-dir` in `args` takes precedence).
fn fuer_bot_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let data = tempfile::tempdir().expect("temp dir");
    fuer_bot_in(args, stdin, &[("DATA_DIR", data.path().to_str().expect("UTF-8 path"))])
}

/// Runs the binary with `env` set besides the knowledge directory.
fn fuer_bot_in(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fuer-bot"))
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("DATA_DIR")
        .env("KNOWLEDGE_DIR", knowledge_dir())
        .env("RUST_LOG", "off")
        .envs(env.iter().copied())
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start fuer-bot");
    // A process that stops before reading its input (a configuration error) closes the pipe:
    // that is its answer, not a failure of the test, which then checks its exit and output.
    if let Some(mut input) = child.stdin.take()
        && let Err(error) = input.write_all(stdin)
    {
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {error}");
    }
    child.wait_with_output().expect("run fuer-bot")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn ask_prints_the_reply_with_the_figure() {
    let output = fuer_bot(&["ask", "全市建了多少间母婴室？"], "");
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("1480") && text.contains("/item 5"), "{text}");
}

#[test]
fn ask_json_reads_stdin_and_prints_one_object_per_line_in_order() {
    let output = fuer_bot(&["ask", "--json"], "妈妈岗的数量\n明天会下雨吗\n\n第七件是什么\n");
    assert!(output.status.success());
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("valid JSON line"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["question"], "妈妈岗的数量");
    assert_eq!(lines[0]["item"], 2);
    assert!(lines[0]["facts"][0].as_str().unwrap().contains("9019"));
    assert!(lines[0]["score"].as_f64().unwrap() > 0.0);
    assert!(lines[0]["title"].is_string());
    assert!(lines[1]["item"].is_null(), "declined: {}", lines[1]);
    assert!(lines[1]["title"].is_null());
    assert_eq!(lines[1]["facts"].as_array().unwrap().len(), 0);
    assert!(lines[1]["answer"].as_str().unwrap().contains("/list"));
    assert!(lines[2]["item"].is_null(), "empty line: {}", lines[2]);
    assert_eq!(lines[3]["item"], 7);
    assert!(lines[3]["suggestions"].is_array());
}

#[test]
fn check_reports_ok_with_counts() {
    let output = fuer_bot(&["check"], "");
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.starts_with("检查通过：2024-shenzhen：10 件大事，37 条事实，"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("个关键词"));
}

#[test]
fn check_reports_every_problem_with_file_and_line_and_exits_1() {
    let dir = copy_knowledge();
    let first = dir.path().join("2024-shenzhen/01-巾帼宣讲.toml");
    let text = std::fs::read_to_string(&first).unwrap();
    std::fs::write(&first, text.replacen("number = 1", "number = 2", 1)).unwrap();
    std::fs::write(
        dir.path().join("2024-shenzhen/11-extra.toml"),
        "number = 11\nheadline = \"x\"\ntitle = \"x\"\nsummary = \"x\"\nfoo = 1\n",
    )
    .unwrap();
    let knowledge_arg = dir.path().to_str().unwrap();
    let output = fuer_bot(&["check", "--knowledge", knowledge_arg], "");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let second = dir.path().join("2024-shenzhen/02-女性就业.toml");
    assert!(
        text.contains(&format!(
            "{}:14: 编号 2 重复了（{} 第",
            second.display(),
            first.display()
        )) || text.contains(&format!(
            "{}:14: 编号 2 重复了（{} 第",
            first.display(),
            second.display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{}:5: 不认识的字段 `foo`",
            dir.path().join("2024-shenzhen/11-extra.toml").display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}: 缺少第 1 件", dir.path().join("2024-shenzhen").display())),
        "{text}"
    );
    assert!(text.contains("共发现 3 个问题"), "{text}");
}

#[test]
fn a_missing_knowledge_directory_is_a_clear_error() {
    let output = fuer_bot(&["ask", "--knowledge", "/nonexistent/knowledge", "母婴室"], "");
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("无法读取知识库文件夹"), "{error}");
    assert!(!error.contains("panicked"), "{error}");
}

#[test]
fn chat_behaves_like_the_bot_on_stdin() {
    let output = fuer_bot(
        &["chat"],
        "/start\n/list\n/item 5\n/item 99\n/item abc\n/item\n/foo\n母婴是有多少\n/quit\n不会被回答\n",
    );
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("您好！我是"), "{text}");
    assert!(text.contains("10. "), "list: {text}");
    assert!(text.contains("建设公共场所母婴室1480间"), "item 5: {text}");
    assert!(text.contains("编号范围是 1–10"), "/item 99: {text}");
    assert!(text.contains("需要一个数字编号"), "/item abc: {text}");
    assert!(text.contains("没有这个命令"), "/foo: {text}");
    assert!(!text.contains("不会被回答"));
    assert!(text.matches("1480").count() >= 2, "free question answered: {text}");
}

#[test]
fn no_subcommand_without_token_opens_the_console_with_a_note() {
    let output = fuer_bot(&[], "第七件是什么\n");
    assert!(output.status.success());
    assert!(stdout(&output).contains("第7件"));
    let note = String::from_utf8_lossy(&output.stderr);
    assert!(note.contains("TELOXIDE_TOKEN"), "{note}");
}

#[test]
fn ask_explain_shows_the_scoring() {
    let output = fuer_bot(&["ask", "--explain", "母婴是有多少"], "");
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("normalized: 母婴是有多少"), "{text}");
    assert!(text.contains("hit \"母婴室\""), "pinyin hit listed: {text}");
    assert!(text.contains("item scores: 1="), "{text}");
}

#[test]
fn reports_before_any_question_say_so_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for command in ["stats", "unanswered"] {
        let output = fuer_bot(&[command, "--data-dir", data.to_str().unwrap()], "");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{command}: {stderr}");
        let text = stdout(&output);
        assert!(text.starts_with("还没有记录任何问题"), "{command}: {text}");
        assert!(
            text.contains(&data.join("fuer-bot.sqlite3").display().to_string()),
            "{text}"
        );
    }
    assert!(!data.exists(), "a report created the data directory");
}

#[test]
fn reports_read_the_database_without_writing_to_it() {
    use fuer_bot::store::{QuestionRecord, QuestionStore, RecordStatus, database_path, unix_now};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = database_path(&data);
    let mut store = QuestionStore::open(&path).unwrap();
    for (question, status) in [
        ("母婴室有多少间", RecordStatus::Answered),
        ("明天会下雨吗", RecordStatus::Declined),
    ] {
        let item = (status == RecordStatus::Answered).then_some(5);
        let record = QuestionRecord {
            time: unix_now(),
            question: question.to_string(),
            item,
            score: if item.is_some() { 0.8 } else { 0.0 },
            status,
            chat_type: "private".to_string(),
            lang: Default::default(),
            article: String::new(),
        };
        store.record(&record).unwrap();
    }
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let data_arg = data.to_str().unwrap();

    let stats = fuer_bot(&["stats", "--data-dir", data_arg], "");
    assert!(stats.status.success(), "{}", String::from_utf8_lossy(&stats.stderr));
    let text = stdout(&stats);
    assert!(
        text.contains("今天：2 个问题，回答 1 个（50%），给出相关内容 0 个（0%），答不上 1 个（50%）"),
        "{text}"
    );
    let unanswered = fuer_bot(&["unanswered", "--data-dir", data_arg], "");
    assert!(unanswered.status.success());
    assert!(
        stdout(&unanswered).contains("1. “明天会下雨吗” × 1（答不上 1）"),
        "{}",
        stdout(&unanswered)
    );

    let files: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files,
        ["fuer-bot.sqlite3"],
        "the reports created files beside the database"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the reports changed the database"
    );
}

#[test]
fn ask_answers_commands_exactly_like_the_console() {
    for line in [
        "/item 5",
        "/item 0",
        "/item abc",
        "/start",
        "/start item3",
        "/help",
        "/list",
        "/ITEM 2",
        "/unknown",
        "/stats",
        "/list@other_bot",
        "全市建了多少间母婴室？",
    ] {
        let asked = fuer_bot(&["ask", line], "");
        assert!(asked.status.success(), "{line}");
        let console = fuer_bot(&["chat"], &format!("{line}\n"));
        assert_eq!(stdout(&asked).trim_end(), stdout(&console).trim_end(), "{line}");
        let json = fuer_bot(&["ask", "--json", line], "");
        let json: serde_json::Value = serde_json::from_str(stdout(&json).trim()).expect("one JSON line");
        assert_eq!(json["question"], line);
        assert!(
            stdout(&asked).starts_with(json["answer"].as_str().unwrap_or_default()),
            "{line}: {json}"
        );
    }
    let item = stdout(&fuer_bot(&["ask", "/item 5"], ""));
    assert!(item.contains("建设公共场所母婴室1480间"), "{item}");
    assert!(stdout(&fuer_bot(&["ask", "/item 0"], "")).contains("编号范围是 1–10"));
    assert!(stdout(&fuer_bot(&["ask", "/start"], "")).contains("您好！我是"));
    assert_eq!(
        stdout(&fuer_bot(&["ask", "/unknown"], "")).trim_end(),
        fuer_core::texts::UNKNOWN_COMMAND.zh
    );
    // Lines of standard input too.
    let lines = stdout(&fuer_bot(&["ask"], "/item 5\n"));
    assert!(lines.contains("建设公共场所母婴室1480间"), "{lines}");
}

/// Three questions, the second one not UTF-8 (Latin-1 bytes, as a wrongly saved file has).
const WITH_A_BAD_LINE: &[u8] = b"\xe5\xa6\x88\xe5\xa6\x88\xe5\xb2\x97\xe7\x9a\x84\xe6\x95\xb0\xe9\x87\x8f\nqu\xe9 est-ce\n\xe7\xac\xac\xe4\xb8\x83\xe4\xbb\xb6\xe6\x98\xaf\xe4\xbb\x80\xe4\xb9\x88\n";

#[test]
fn a_line_that_is_not_utf8_gets_its_own_error_and_the_rest_is_answered() {
    let output = fuer_bot_bytes(&["ask", "--json"], WITH_A_BAD_LINE);
    assert_eq!(output.status.code(), Some(1), "a bad line is an error");
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("valid JSON line"))
        .collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert_eq!(lines[0]["item"], 2);
    assert_eq!(lines[1]["line"], 2);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap_or_default()
            .contains("not valid UTF-8"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["question"], "第七件是什么");
    assert_eq!(lines[2]["item"], 7);

    let plain = fuer_bot_bytes(&["ask"], WITH_A_BAD_LINE);
    assert_eq!(plain.status.code(), Some(1));
    let text = stdout(&plain);
    assert!(text.contains("line 2: not valid UTF-8"), "{text}");
    assert!(text.contains("9019") && text.contains("第7件"), "{text}");

    let chat = fuer_bot_bytes(&["chat"], WITH_A_BAD_LINE);
    assert!(chat.status.success());
    let text = stdout(&chat);
    assert!(text.contains(fuer_core::texts::INVALID_TEXT.zh), "{text}");
    assert!(text.contains("9019") && text.contains("第7件"), "{text}");

    let explained = fuer_bot_bytes(&["ask", "--explain"], WITH_A_BAD_LINE);
    assert_eq!(explained.status.code(), Some(1));
    let text = stdout(&explained);
    assert!(text.contains("line 2: not valid UTF-8"), "{text}");
    assert!(text.contains("第七件是什么"), "{text}");
}

#[test]
fn every_entry_point_caps_the_question_length() {
    let long = "母婴室".repeat(16_000 / 3 + 1);
    // --explain does not score a question the bot would refuse (it took 12 s before).
    let explained = fuer_bot(&["ask", "--explain", &long], "");
    assert!(explained.status.success());
    let text = stdout(&explained);
    assert!(text.contains("not scored: 16002 characters"), "{text}");
    assert!(!text.contains("item scores"), "{text}");
    // From standard input (where a line is cut at 16 KiB; this one is 48 KB).
    let from_stdin = fuer_bot(&["ask", "--explain"], &format!("{long}\n母婴是有多少\n"));
    let text = stdout(&from_stdin);
    assert!(text.contains("not scored: "), "{text}");
    assert!(text.contains("item scores: 1="), "the next line is scored: {text}");
    // ask, ask --json and the console refuse it politely.
    let too_long = fuer_core::texts::QUESTION_TOO_LONG.zh;
    assert_eq!(stdout(&fuer_bot(&["ask", &long], "")).trim_end(), too_long);
    let json = stdout(&fuer_bot(&["ask", "--json"], &format!("{long}\n")));
    let json: serde_json::Value = serde_json::from_str(json.trim()).expect("one JSON line");
    assert_eq!(json["answer"], too_long);
    assert!(json["item"].is_null());
    assert!(stdout(&fuer_bot(&["chat"], &format!("{long}\n"))).contains(too_long));
}

#[test]
fn check_catches_a_changed_figure_and_an_invented_fact() {
    let dir = copy_knowledge();
    let file = dir.path().join("2024-shenzhen/05-母婴室.toml");
    let original = std::fs::read_to_string(&file).unwrap();
    let changed = original.replacen(
        "text = \"建设公共场所母婴室1480间",
        "text = \"建设公共场所母婴室1490间",
        1,
    ) + "\n[[facts]]\ntext = \"全市新建儿童乐园2000个。\"\n";
    assert_ne!(changed, original);
    std::fs::write(&file, &changed).unwrap();
    let output = fuer_bot(&["check", "--knowledge", dir.path().to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(1), "check must fail");
    let text = stdout(&output);
    let changed_line = crate::support::line_of(&changed, "text = \"建设公共场所母婴室1490间");
    let invented_line = crate::support::line_of(&changed, "全市新建儿童乐园");
    assert!(
        text.contains(&format!(
            "{}:{changed_line}: 这条事实不是原文 source.txt 里的原句：这里写的是“…共场所母婴室1490间",
            file.display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{}:{invented_line}: 这条事实不是原文 source.txt 里的原句",
            file.display()
        )),
        "{text}"
    );
    // Its English no longer says the same figure: an error at the English line too.
    assert!(
        text.contains(&format!(
            "{}:{}: 英文 `en` 里没有中文原文的数字 1490",
            file.display(),
            changed_line + 1
        )),
        "{text}"
    );
    assert!(text.contains("共发现 4 个问题"), "{text}");
    // The bot refuses to start on it (the same loader).
    let asked = fuer_bot(&["ask", "--knowledge", dir.path().to_str().unwrap(), "母婴室"], "");
    assert_eq!(asked.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&asked.stderr).contains("这条事实不是原文 source.txt 里的原句"));
}

#[test]
fn check_names_the_folder_it_was_given_and_every_file_it_cannot_use() {
    // An empty folder elsewhere: the problems name that folder, not `knowledge/`.
    let empty = tempfile::tempdir().unwrap();
    let output = fuer_bot(&["check", "--knowledge", empty.path().to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(&format!("{}: 没有找到文章文件夹", empty.path().display())),
        "{text}"
    );
    assert!(!text.contains("knowledge/"), "{text}");

    // A folder where an item file should be, and a file far too large.
    let dir = copy_knowledge();
    let item = dir.path().join("2024-shenzhen/05-母婴室.toml");
    std::fs::remove_file(&item).unwrap();
    std::fs::create_dir(&item).unwrap();
    let huge = dir.path().join("2024-shenzhen/11-huge.toml");
    std::fs::write(&huge, "# padding\n".repeat(120_000)).unwrap();
    let item_6 = dir.path().join("2024-shenzhen/06-家庭家教家风.toml");
    let original = std::fs::read_to_string(&item_6).unwrap();
    std::fs::write(&item_6, original.replacen("number = 6", "number = \"6\"", 1)).unwrap();
    let output = fuer_bot(&["check", "--knowledge", dir.path().to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(&format!("{}: 无法读取：这是一个文件夹", item.display())),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}: 文件太大：1200000 字节", huge.display())),
        "{text}"
    );
    let line = crate::support::line_of(&original, "number = 6");
    assert!(
        text.contains(&format!(
            "{}:{line}: `number` 应该是数字（例如 5，不加引号），现在是文字 \"6\"",
            item_6.display()
        )),
        "{text}"
    );
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("valid JSON line"))
        .collect()
}

#[test]
fn ask_json_reports_answered_related_and_declined_with_every_item() {
    let output = fuer_bot(
        &["ask", "--json"],
        "妇儿大厦一共来了多少人\n妇儿大厦门票多少钱\n深圳明天会下雨吗\n母婴室和儿童友好建设点各有多少\n",
    );
    assert!(output.status.success());
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 4);
    assert_eq!(
        (lines[0]["status"].as_str(), lines[0]["item"].as_u64()),
        (Some("answered"), Some(4))
    );
    assert!(lines[0]["facts"][0].as_str().unwrap().contains("716万"), "{}", lines[0]);
    assert_eq!(lines[0]["asked"], "quantity");
    assert_eq!(
        (lines[1]["status"].as_str(), lines[1]["item"].as_u64()),
        (Some("related"), Some(4))
    );
    assert!(
        lines[1]["answer"]
            .as_str()
            .unwrap()
            .contains("文章没有提到妇儿大厦的门票价格"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["status"], "declined");
    assert!(lines[2]["item"].is_null());
    assert_eq!(lines[3]["items"], serde_json::json!([5, 7]));
    assert!(
        lines[3]["facts"][1].as_str().unwrap().contains("1000个"),
        "{}",
        lines[3]
    );
}

#[test]
fn ask_dialogue_reads_conversations_separated_by_empty_lines() {
    let input = "母婴室有多少间\n那两癌筛查呢\n其中免费的有多少\n\n其中免费的有多少\n/item 4\n来过多少人\n下一件\n";
    let output = fuer_bot(&["ask", "--json", "--dialogue"], input);
    assert!(output.status.success());
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 7, "one result per non-empty line");
    assert!(
        lines[1]["facts"][0].as_str().unwrap().contains("208.8万"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2]["facts"][0].as_str().unwrap().contains("60.44万"),
        "{}",
        lines[2]
    );
    assert!(lines[2]["from_context"].as_array().unwrap().contains(&"topic".into()));
    // A new conversation starts after the empty line: nothing to follow up on.
    assert_eq!(lines[3]["status"], "declined", "{}", lines[3]);
    assert_eq!(lines[4]["item"], 4);
    assert!(lines[5]["facts"][0].as_str().unwrap().contains("716万"), "{}", lines[5]);
    assert_eq!(lines[6]["item"], 5);
    // Without --dialogue every line stands alone.
    let alone = json_lines(&fuer_bot(&["ask", "--json"], "/item 4\n来过多少人\n"));
    assert_ne!(alone[1]["item"], 4, "{}", alone[1]);
}

#[test]
fn ask_explain_dialogue_shows_what_came_from_the_context() {
    let output = fuer_bot(&["ask", "--explain", "--dialogue"], "/item 4\n来过多少人\n");
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("context: item 4"), "{text}");
    assert!(text.contains("from context: topic true"), "{text}");
    assert!(text.contains("asked: quantity"), "{text}");
}

#[test]
fn the_console_follows_up_within_one_session() {
    let output = fuer_bot(&["chat"], "爱心妈妈有多少名\n她们帮了多少孩子\n下一件\n");
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("3698"), "{text}");
    assert!(text.contains("第9件"), "next item after 8: {text}");
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    // `fuer-bot ask --json < many | head -1`: the pipe closes after the first line.
    let questions = "母婴室有多少间\n".repeat(20_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_fuer-bot"))
        .args(["ask", "--json"])
        .env_remove("TELOXIDE_TOKEN")
        .env("KNOWLEDGE_DIR", knowledge_dir())
        .env("RUST_LOG", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start fuer-bot");
    let mut input = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(questions.as_bytes());
    });
    let mut first = [0u8; 64];
    let mut output = child.stdout.take().expect("stdout");
    std::io::Read::read_exact(&mut output, &mut first).expect("the first answer");
    drop(output);
    let done = child.wait_with_output().expect("fuer-bot ends");
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(done.status.success(), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

/// The questions recorded in `data` as (question, chat type), in order; none when no
/// database was created.
fn recorded(data: &std::path::Path) -> Vec<(String, String)> {
    let path = fuer_bot::store::database_path(data);
    if !path.exists() {
        return Vec::new();
    }
    let connection = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut statement = connection
        .prepare("SELECT question, chat_type FROM questions ORDER BY id")
        .unwrap();
    statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_console_records_questions_and_ask_only_when_asked_to() {
    let questions = "母婴室有多少间\n/list\n/item 5\n明天会下雨吗\n\n";
    // (arguments, what is recorded): questions, never commands; `ask` only with --record.
    let cases: [(&[&str], &[&str]); 7] = [
        (&["chat"], &["母婴室有多少间", "明天会下雨吗"]),
        (&[], &["母婴室有多少间", "明天会下雨吗"]),
        (&["chat", "--no-record"], &[]),
        (&["ask"], &[]),
        (&["ask", "--json"], &[]),
        (&["ask", "--record"], &["母婴室有多少间", "明天会下雨吗"]),
        (
            &["ask", "--json", "--dialogue", "--record"],
            &["母婴室有多少间", "明天会下雨吗"],
        ),
    ];
    for (args, expected) in cases {
        let data = tempfile::tempdir().unwrap();
        let output = fuer_bot_in(
            args,
            questions.as_bytes(),
            &[("DATA_DIR", data.path().to_str().unwrap())],
        );
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let recorded = recorded(data.path());
        let questions: Vec<&str> = recorded.iter().map(|(question, _)| question.as_str()).collect();
        assert_eq!(questions, expected, "{args:?}");
        assert!(
            recorded.iter().all(|(_, chat)| chat == "console"),
            "{args:?}: {recorded:?}"
        );
        if expected.is_empty() {
            let files = std::fs::read_dir(data.path()).unwrap().count();
            assert_eq!(files, 0, "{args:?} wrote to the data directory");
        }
    }
    // One question as an argument.
    let data = tempfile::tempdir().unwrap();
    let output = fuer_bot_in(
        &["ask", "--record", "妈妈岗有多少个"],
        b"",
        &[("DATA_DIR", data.path().to_str().unwrap())],
    );
    assert!(output.status.success());
    assert_eq!(
        recorded(data.path()),
        [("妈妈岗有多少个".to_string(), "console".to_string())]
    );
}

#[test]
fn questions_asked_at_the_console_reach_the_reports() {
    let data = tempfile::tempdir().unwrap();
    let data_arg = data.path().to_str().unwrap();
    let chat = fuer_bot(
        &["chat", "--data-dir", data_arg],
        "母婴室有多少间\n明天会下雨吗\n明天会下雨吗\n",
    );
    assert!(chat.status.success());
    let stats = stdout(&fuer_bot(&["stats", "--data-dir", data_arg], ""));
    assert!(stats.contains("今天：3 个问题，回答 1 个"), "{stats}");
    let unanswered = stdout(&fuer_bot(&["unanswered", "--data-dir", data_arg], ""));
    assert!(unanswered.contains("“明天会下雨吗” × 2"), "{unanswered}");
}

#[test]
fn empty_variables_mean_their_defaults_and_a_file_as_data_directory_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("afile");
    std::fs::write(&file, "x").unwrap();
    let file_arg = file.to_str().unwrap();
    // (environment, arguments, expected exit code, expected on stdout or stderr)
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], i32, &'a str);
    let cases: [Case; 4] = [
        (&[("DATA_DIR", "")], &["stats"], 0, "data/fuer-bot.sqlite3"),
        (&[("QUESTION_RETENTION", "")], &["stats"], 0, "还没有记录任何问题"),
        (
            &[("DATA_DIR", file_arg)],
            &["web-link"],
            1,
            "is a file, not a directory",
        ),
        (
            &[("DATA_DIR", file_arg), ("RUST_LOG", "warn")],
            &["chat"],
            0,
            "is a file, not a directory",
        ),
    ];
    for (env, args, code, expected) in cases {
        let output = fuer_bot_in(args, "母婴室有多少间\n".as_bytes(), env);
        let text = format!("{}{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
        assert_eq!(output.status.code(), Some(code), "{env:?} {args:?}: {text}");
        assert!(text.contains(expected), "{env:?} {args:?}: {text}");
        assert!(
            !text.contains("os error") && !text.contains("a value is required"),
            "{text}"
        );
    }
}

#[test]
fn start_up_hints_name_the_command_that_works_here() {
    for (from_checkout, expected) in [(true, "cargo run --release -- run"), (false, "fuer-bot run")] {
        assert_eq!(fuer_bot::cli::hint_for(from_checkout, "run"), expected);
    }
    // The test binary runs from target/: the note says how to run from the checkout.
    let output = fuer_bot(&[], "第七件是什么\n");
    let note = String::from_utf8_lossy(&output.stderr);
    assert!(note.contains("cargo run --release -- run"), "{note}");
}

/// Runs the binary with these variables set (everything else as in [`fuer_bot`]).
fn fuer_bot_with(args: &[&str], variables: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fuer-bot"));
    command
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env("KNOWLEDGE_DIR", knowledge_dir())
        .env("RUST_LOG", "off")
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null());
    for (name, value) in variables {
        command.env(name, value);
    }
    command.output().expect("run fuer-bot")
}

/// Every variable is read once, by clap, for the subcommands that use it: an invalid value
/// stops those (exit code 2, the variable named).
#[test]
fn settings_come_from_the_environment_through_one_path() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().display().to_string();
    for (args, variables, named) in [
        (
            &["web-link"][..],
            &[("WEB_LISTEN", "nowhere")][..],
            "WEB_LISTEN is invalid",
        ),
        (&["web-link"][..], &[("WEB_URL", "ftp://x/")][..], "WEB_URL is invalid"),
        (&["run"][..], &[("ADMIN_IDS", "x")][..], "ADMIN_IDS is invalid"),
        (&["run"][..], &[("CONTEXT_TTL", "soon")][..], "CONTEXT_TTL is invalid"),
        (
            &["web-link"][..],
            &[("QUESTION_RETENTION", "soon")][..],
            "QUESTION_RETENTION is invalid",
        ),
        // Without a subcommand and with a token, the bot's settings are checked the same way.
        (
            &[][..],
            &[
                ("TELOXIDE_TOKEN", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_"),
                ("TELEGRAM_THROTTLE", "maybe"),
            ][..],
            "TELEGRAM_THROTTLE is invalid",
        ),
    ] {
        let mut with_data: Vec<&str> = vec!["--data-dir", &data_dir];
        with_data.extend(args);
        let output = fuer_bot_with(&with_data, variables);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?} {variables:?}: {stderr}");
        assert!(stderr.contains(named), "{args:?} {variables:?}: {stderr}");
    }
}

/// A blank variable means not set (the defaults apply), a set one is trimmed, and the
/// subcommands that do not read a variable do not care about its value.
#[test]
fn blank_settings_are_not_set_and_other_subcommands_ignore_them() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().display().to_string();
    let blank = [
        ("WEB_LISTEN", " "),
        ("WEB_URL", ""),
        ("QUESTION_RETENTION", ""),
        ("ADMIN_IDS", ""),
    ];
    let link = fuer_bot_with(&["--data-dir", &data_dir, "web-link"], &blank);
    assert!(link.status.success(), "{}", String::from_utf8_lossy(&link.stderr));
    assert!(
        stdout(&link).starts_with("http://127.0.0.1:8080/login?token="),
        "{}",
        stdout(&link)
    );
    let link = fuer_bot_with(
        &["--data-dir", &data_dir, "web-link"],
        &[("WEB_URL", " https://admin.example.org/bot ")],
    );
    assert!(
        stdout(&link).starts_with("https://admin.example.org/bot/login?token="),
        "{}",
        stdout(&link)
    );
    // `check` reads none of the bot's or the page's settings.
    let check = fuer_bot_with(&["check"], &[("ADMIN_IDS", "x"), ("WEB_LISTEN", "nowhere")]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

/// --help names every variable of its subcommand, and never shows a secret's value.
#[test]
fn help_names_every_variable_and_no_secret() {
    let secret = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_";
    let help = fuer_bot_with(
        &["run", "--help"],
        &[("TELOXIDE_TOKEN", secret), ("WEBHOOK_SECRET", "hidden_1")],
    );
    let text = stdout(&help);
    for variable in [
        "TELOXIDE_TOKEN",
        "TELOXIDE_API_URL",
        "WEBHOOK_URL",
        "WEBHOOK_LISTEN",
        "WEBHOOK_SECRET",
        "ADMIN_IDS",
        "TELEGRAM_THROTTLE",
        "CONTEXT_TTL",
        "CONTEXT_CAPACITY",
        "WEB_LISTEN",
        "WEB_URL",
        "KNOWLEDGE_DIR",
        "DATA_DIR",
        "QUESTION_RETENTION",
    ] {
        assert!(text.contains(&format!("[env: {variable}")), "{variable}: {text}");
    }
    assert!(!text.contains("AAHdqTcv") && !text.contains("hidden_1"), "{text}");
}

/// A data directory whose question log holds these questions (question, article; "" for
/// one recorded before articles were), each recorded now with `status`.
fn data_with_questions(questions: &[(&str, &str)], status: fuer_bot::store::RecordStatus) -> tempfile::TempDir {
    use crate::store_support::record_in;
    use fuer_bot::store::{QuestionStore, unix_now};
    let data = tempfile::tempdir().unwrap();
    let mut store = QuestionStore::open(&fuer_bot::store::database_path(data.path())).unwrap();
    for &(question, article) in questions {
        let record = record_in(Default::default(), article, unix_now(), question, status);
        store.record(&record).unwrap();
    }
    data
}

/// Asserts a report run with `argument` holds every one of `present` and none of `absent`.
fn assert_report_holds(argument: Option<&str>, text: &str, present: &[&str], absent: &[&str]) {
    for wanted in present {
        assert!(text.contains(wanted), "{argument:?}: {wanted} missing in\n{text}");
    }
    for unwanted in absent {
        assert!(
            !text.contains(unwanted),
            "{argument:?}: {unwanted} unexpected in\n{text}"
        );
    }
}

/// `fuer-bot stats [ARTICLE]` with two articles (class: the report counts each article
/// apart; questions recorded before articles were belong to the first): the argument is an
/// article's id or year; an unknown one fails naming the articles there are.
#[test]
fn stats_report_each_article_or_the_one_named() {
    let knowledge = crate::support::two_articles();
    let data = data_with_questions(
        &[
            ("母婴室有多少间", ""),
            ("母婴室在哪里", "2024-shenzhen"),
            ("女性创业博览会有多少家企业参展", "2025-shenzhen"),
        ],
        fuer_bot::store::RecordStatus::Answered,
    );
    let (k, d) = (knowledge.path().to_str().unwrap(), data.path().to_str().unwrap());
    // (argument, exit code, present, absent)
    type Case<'a> = (Option<&'a str>, i32, &'a [&'a str], &'a [&'a str]);
    let cases: [Case; 5] = [
        (
            None,
            0,
            &[
                "所有文章合计：",
                "今天：3 个问题",
                "【2024-shenzhen】",
                "今天：2 个问题",
                "【2025-shenzhen】",
                "今天：1 个问题",
            ],
            &[],
        ),
        (
            Some("2024"),
            0,
            &["【2024-shenzhen】", "今天：2 个问题", "第5件 母婴室"],
            &["2025-shenzhen", "所有文章合计"],
        ),
        (
            Some("2025-shenzhen"),
            0,
            &["【2025-shenzhen】", "今天：1 个问题"],
            &["2024-shenzhen"],
        ),
        (
            Some("2025年"),
            0,
            &["【2025-shenzhen】", "今天：1 个问题"],
            &["2024-shenzhen"],
        ),
        (
            Some("上海"),
            1,
            &["没有编号或年份是“上海”的文章", "2024-shenzhen、2025-shenzhen"],
            &["今天"],
        ),
    ];
    for (argument, code, present, absent) in cases {
        let mut args = vec!["--knowledge", k, "stats", "--data-dir", d];
        args.extend(argument);
        let output = fuer_bot(&args, "");
        let text = format!("{}{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
        assert_eq!(output.status.code(), Some(code), "{argument:?}: {text}");
        assert_report_holds(argument, &text, present, absent);
    }
}

/// `fuer-bot unanswered [ARTICLE]` (class: a report of one article of several): every
/// article's questions together without an argument, one article's under its name with one.
#[test]
fn unanswered_report_of_every_article_or_the_one_named() {
    let knowledge = crate::support::two_articles();
    let data = data_with_questions(
        &[("明天会下雨吗", ""), ("创业博览会门票多少钱", "2025-shenzhen")],
        fuer_bot::store::RecordStatus::Declined,
    );
    let (k, d) = (knowledge.path().to_str().unwrap(), data.path().to_str().unwrap());
    // (argument, present, absent)
    let cases: [(Option<&str>, &[&str], &[&str]); 3] = [
        (None, &["明天会下雨吗", "创业博览会门票多少钱"], &["【"]),
        (
            Some("2024"),
            &["【2024-shenzhen】", "明天会下雨吗"],
            &["创业博览会门票多少钱"],
        ),
        (
            Some("2025-shenzhen"),
            &["【2025-shenzhen】", "创业博览会门票多少钱"],
            &["明天会下雨吗"],
        ),
    ];
    for (argument, present, absent) in cases {
        let mut args = vec!["--knowledge", k, "unanswered", "--data-dir", d];
        args.extend(argument);
        let output = fuer_bot(&args, "");
        let text = stdout(&output);
        assert!(output.status.success(), "{argument:?}: {text}");
        assert_report_holds(argument, &text, present, absent);
    }
}
