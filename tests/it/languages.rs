//! Issue 14: the three languages and the answer first.
//!
//! - Traditional Chinese is converted (s2hk): a property test (digits, Latin words and
//!   commands never change) and a table of item titles and facts against their expected
//!   Traditional text.
//! - The reply's language follows the question's script; `ask --lang` forces one.
//! - The figure lead (class: questions asking for a figure): a table of questions and the
//!   figure each must lead with, the figure bold in the fact in every language.
//! - `check` holds English facts to the Chinese figures (an error with `file:line`) and
//!   warns (exit 0) for a translation not written.

use std::process::{Command, Output};

use proptest::prelude::*;

use fuer_core::dialogue::{Request, Speak, respond_in_context};
use fuer_core::lang::{Lang, to_traditional};
use fuer_core::reply::Style;

use crate::support::{copy_knowledge, knowledge_dir, line_of, shipped_engine, shipped_knowledge};

fn fuer_bot(args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let data = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_fuer-bot"))
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env("KNOWLEDGE_DIR", knowledge_dir())
        .env("DATA_DIR", data.path())
        .env("RUST_LOG", "off")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    child.wait_with_output().expect("the binary ends")
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

proptest! {
    /// Conversion changes Chinese characters only: every ASCII character (digits, Latin
    /// words, commands, punctuation) stays, in order.
    #[test]
    fn conversion_never_changes_digits_latin_words_or_commands(
        text in "[a-zA-Z0-9 /@._%-]{0,12}[母婴室与民生实事发展爱心妈妈结对关爱儿童万余人次间个场]{0,12}[a-zA-Z0-9 /@._%-]{0,12}"
    ) {
        let converted = to_traditional(&text);
        let ascii = |text: &str| text.chars().filter(char::is_ascii).collect::<String>();
        prop_assert_eq!(ascii(&converted), ascii(&text));
        prop_assert_eq!(converted.chars().count(), text.chars().count());
    }
}

#[test]
fn commands_and_english_are_left_as_they_are() {
    for text in [
        "/item 5",
        "/start item5",
        "/help@fuer_bot",
        "HPV 2021-2025 60% 1,480",
        "nursing rooms",
    ] {
        assert_eq!(to_traditional(text), text);
    }
}

/// Item titles and a few facts in Traditional, Hong Kong standard (checked by a reader).
#[test]
fn titles_and_facts_in_traditional() {
    let knowledge = shipped_knowledge();
    let titles: Vec<String> = knowledge.items.iter().map(|item| to_traditional(&item.title)).collect();
    assert_eq!(
        titles,
        [
            "巾幗大學習與大宣講",
            "女性就業與科技創新",
            "婦兒維權智慧系統",
            "深圳婦兒大廈萬花筒",
            "母嬰室與民生實事",
            "家庭家教家風與集體婚禮",
            "一米高度兒童友好城市",
            "愛心媽媽守護留守兒童",
            "三新領域婦聯組織",
            "五分鐘婦兒救助服務圈",
        ]
    );
    for (simplified, traditional) in [
        (
            "建设公共场所母婴室1480间,基本实现公共场所全覆盖",
            "建設公共場所母嬰室1480間,基本實現公共場所全覆蓋",
        ),
        ("累计到访716万余人次", "累計到訪716萬餘人次"),
        (
            "深圳2317名“爱心妈妈”结对关爱3698名留守儿童和困境儿童",
            "深圳2317名“愛心媽媽”結對關愛3698名留守兒童和困境兒童",
        ),
        ("为适龄女生免费接种HPV疫苗4.2万剂", "為適齡女生免費接種HPV疫苗4.2萬劑"),
    ] {
        assert!(
            knowledge
                .items
                .iter()
                .flat_map(|item| &item.facts)
                .any(|fact| fact.text.contains(simplified)),
            "{simplified} is in a fact"
        );
        assert_eq!(to_traditional(simplified), traditional);
    }
}

/// Class: the language of a reply follows the question's script.
#[test]
fn replies_speak_the_questions_language() {
    let engine = shipped_engine();
    for (question, lang) in [
        ("How many nursing rooms are there?", Lang::English),
        ("nursing rooms", Lang::English),
        ("女大學生崗位有多少", Lang::Traditional),
        ("母嬰室有幾間", Lang::Traditional),
        ("母婴室有多少间", Lang::Simplified),
        ("HPV疫苗打了多少", Lang::Simplified),
    ] {
        let response = respond_in_context(
            engine,
            Request::Question(question),
            None,
            Speak::Follow(Lang::Simplified),
        );
        assert_eq!(response.lang, lang, "{question}");
    }
    // A question without a script of its own keeps the conversation's language.
    let digits = respond_in_context(engine, Request::Question("1480"), None, Speak::Follow(Lang::English));
    assert_eq!(digits.lang, Lang::English);
}

/// Class: a question asking for a figure leads with the figure it asks for, as the article
/// writes it, and the figure is bold in the fact.
#[test]
fn figure_questions_lead_with_the_asked_figure() {
    fn check(question: &str, lead: &str) {
        let answer = shipped_engine().answer(question);
        let figure = answer.lead.as_ref().and_then(|lead| lead.figure());
        assert_eq!(
            figure.map(|figure| figure.text.as_str()),
            Some(lead),
            "{question}: {answer:?}"
        );
    }
    check("全市建了多少间母婴室？", "1480间");
    check("妇儿大厦到访人次是多少", "716万余人次");
    check("婦兒大廈到訪人次是多少", "716万余人次");
    check("妈妈岗有多少个", "9019个");
    check("女大学生岗位有多少", "1.4万个");
    check("免费筛查了多少例", "60.44万例");
    check("爱心妈妈结对关爱了多少孩子", "3698名");
    check("爱心妈妈有多少位", "2317名");
    check("How many left-behind children are cared for?", "3698名");
    check(
        "How much relief money was given to poor women and children?",
        "逾36万元",
    );
    check(
        "How many visitors has the Women and Children Building had?",
        "716万余人次",
    );
    // Not a figure question, or a figure the fact does not hold: no figure lead.
    for question in ["妇儿大厦是什么", "巾帼大学习", "第七件大事讲什么"] {
        let answer = shipped_engine().answer(question);
        assert!(
            answer.lead.as_ref().and_then(|lead| lead.figure()).is_none(),
            "{question}: {answer:?}"
        );
    }
}

/// After 「爱心妈妈结对关爱了多少孩子」, 「爱心妈妈本身有几位」 leads with 2317名.
#[test]
fn a_follow_up_leads_with_the_figure_it_asks_for() {
    let output = fuer_bot(
        &["ask", "--json", "--dialogue"],
        "爱心妈妈结对关爱了多少孩子\n爱心妈妈本身有几位\n",
    );
    let leads: Vec<String> = json_lines(&output)
        .iter()
        .map(|result| result["lead"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(leads, ["3698名", "2317名"]);
}

#[test]
fn the_lead_is_first_and_bold_in_every_language() {
    let engine = shipped_engine();
    for (lang, line, bold) in [
        (Lang::Simplified, "答：1480间", "1480间"),
        (Lang::Traditional, "答：1480間", "1480間"),
        (Lang::English, "Answer: 1,480", "1,480"),
    ] {
        let reply = respond_in_context(engine, Request::Question("母婴室有多少间"), None, Speak::Only(lang)).reply;
        assert_eq!(reply.paragraphs[0].text(), line, "{lang:?}");
        let bold_spans: Vec<&str> = reply
            .paragraphs
            .iter()
            .flat_map(|paragraph| &paragraph.spans)
            .filter(|span| span.style == Style::Bold && span.text == bold)
            .map(|span| span.text.as_str())
            .collect();
        assert_eq!(
            bold_spans.len(),
            2,
            "bold in the lead and in the fact ({lang:?}): {reply:?}"
        );
    }
}

/// Class (English): "in 2024" is the article's year and "in 2023" / "in 2025" another one
/// (related); four digits counting something (2,000 nursing rooms, more than 2,000) or
/// stating the article's figure (1,480) are no year.
#[test]
fn english_years_and_english_counts() {
    use fuer_core::engine::Status;
    let engine = shipped_engine();
    for (question, status, item) in [
        (
            "How many \"caring mothers\" volunteers were there in 2024?",
            Status::Answered,
            8,
        ),
        ("How many nursing rooms were built in 2024?", Status::Answered, 5),
        ("How many caring mothers were there in 2025?", Status::Related, 8),
        ("How many nursing rooms did Shenzhen have in 2023?", Status::Related, 5),
        ("Are there more than 2,000 nursing rooms?", Status::Answered, 5),
        ("Are there 2000 nursing rooms in Shenzhen?", Status::Answered, 5),
        ("Is it true there are 1,480 nursing rooms?", Status::Answered, 5),
    ] {
        let answer = engine.answer(question);
        assert_eq!(
            (answer.status, answer.item),
            (status, Some(item)),
            "{question}: {answer:?}"
        );
    }
}

/// Class (English): plurals in -ies and -es read as their singular on both sides of
/// matching (communities → community, branches → branch), and a unit word right after
/// "how many" is the unit asked for (how many people → 人数: 12154人次, not 15场), and the
/// words it counts lead to the figure the English fact writes them after.
#[test]
fn english_plurals_and_units() {
    use fuer_core::normalize::normalize;
    for (plural, singular) in [
        ("communities", "community"),
        ("cities", "city"),
        ("branches", "branch"),
        ("wishes", "wish"),
        ("boxes", "box"),
        ("classes", "class"),
        ("businesses", "business"),
        ("doses", "dose"),
        ("rooms", "room"),
        ("class", "class"),
        ("campus", "campus"),
        ("series", "series"),
    ] {
        assert_eq!(normalize(plural), singular, "{plural}");
    }
    let engine = shipped_engine();
    for (question, lead) in [
        ("How many people were trained in livestream selling?", "12154人次"),
        ("How many people did the family services reach?", "71万余人"),
        (
            "How many visitors came to the Women and Children Building?",
            "716万余人次",
        ),
        ("How many left-behind kids get help from the caring mums?", "3698名"),
        (
            "How many branches of the women federation are in the new sectors?",
            "1767个",
        ),
        ("How many doses of HPV vaccine did girls get?", "4.2万剂"),
        ("How many couples got married at the group wedding?", "75对"),
        // What "how many" counts is written after the English figure (3,698 left-behind
        // children), whichever words the question adds.
        ("How many left-behind children do caring mothers look after?", "3698名"),
        ("How many caring mothers look after left-behind children?", "2317名"),
    ] {
        let answer = engine.answer(question);
        let figure = answer.lead.as_ref().and_then(|lead| lead.figure());
        assert_eq!(
            figure.map(|figure| figure.text.as_str()),
            Some(lead),
            "{question}: {answer:?}"
        );
    }
}

/// Class (English): "Did …?" is a yes/no question (a `yesno` cue of `questions.toml`),
/// opening with Yes only where the fact says what it says; "did" inside a "how many"
/// question leaves it a count.
#[test]
fn english_did_questions() {
    let engine = shipped_engine();
    for (question, kind, first) in [
        (
            "Did the caring mothers help left-behind children?",
            "yesno",
            Some("Yes."),
        ),
        ("Did Shenzhen hold a mass wedding?", "yesno", None),
        (
            "How many people did the family services reach?",
            "quantity",
            Some("Answer: more than 710,000"),
        ),
    ] {
        let answer = engine.answer(question);
        assert_eq!(
            answer.asked.as_ref().map(|asked| asked.kind.as_str()),
            Some(kind),
            "{question}: {answer:?}"
        );
        let reply = respond_in_context(engine, Request::Question(question), None, Speak::Follow(Lang::English)).reply;
        let opening = reply.paragraphs.first().map(|paragraph| paragraph.text());
        let lead = opening.filter(|text| text == "Yes." || text.starts_with("Answer:"));
        assert_eq!(lead.as_deref(), first, "{question}: {reply:?}");
    }
}

/// Class (English): the verb of an item question (which item *talks about* …, *is about*,
/// *covers*) names no topic: item 1's "talks" (lectures) do not take the question.
#[test]
fn english_item_questions() {
    let engine = shipped_engine();
    for (question, item) in [
        ("Which item talks about jobs for women?", 2),
        ("Which item talks about the kaleidoscope building?", 4),
        ("Which item is about nursing rooms?", 5),
        ("Which item mentions talks on the plenum?", 1),
    ] {
        let answer = engine.answer(question);
        assert_eq!(answer.item, Some(item), "{question}: {answer:?}");
        assert_eq!(
            answer.asked.as_ref().map(|asked| asked.kind.as_str()),
            Some("item"),
            "{question}"
        );
    }
}

/// Class: a yes/no question comparing a figure opens with 是的 / Yes only when the article's
/// figure plainly makes it true, with 不是 / No when it plainly makes it false, and with
/// neither when the figure does not tell (超2.3万 against 3万) — in every language.
#[test]
fn a_comparison_opens_with_yes_or_no_only_where_the_figure_settles_it() {
    let engine = shipped_engine();
    for (question, lang, first) in [
        ("母婴室是不是超过2000间", Lang::Simplified, Some("不是。")),
        ("母嬰室是不是超過2000間", Lang::Traditional, Some("不是。")),
        ("Are there more than 2,000 nursing rooms?", Lang::English, Some("No.")),
        ("集体婚礼有没有超过一百对新人", Lang::Simplified, Some("不是。")),
        ("妇儿大厦接待的参访团是不是不到300批", Lang::Simplified, Some("不是。")),
        ("母婴室是不是超过1000间", Lang::Simplified, Some("是的。")),
        ("母嬰室是不是超過1000間", Lang::Traditional, Some("是的。")),
        (
            "Are there more than 1,000 nursing rooms in Shenzhen?",
            Lang::English,
            Some("Yes."),
        ),
        ("招聘会的岗位是不是超过3万个", Lang::Simplified, None),
        (
            "Were there more than 30,000 jobs at the job fairs?",
            Lang::English,
            None,
        ),
    ] {
        let response = respond_in_context(
            engine,
            Request::Question(question),
            None,
            Speak::Follow(Lang::Simplified),
        );
        assert_eq!(response.lang, lang, "{question}");
        let opening = response.reply.paragraphs.first().map(|paragraph| paragraph.text());
        let leads = ["不是。", "是的。", "No.", "Yes.", "有。"];
        let lead = opening.filter(|text| leads.contains(&text.as_str()));
        assert_eq!(lead.as_deref(), first, "{question}: {:?}", response.reply);
        if first.is_some() {
            assert_eq!(response.reply.paragraphs[0].spans[0].style, Style::Bold, "{question}");
        }
    }
}

#[test]
fn ask_json_has_the_language_the_shown_facts_and_the_lead() {
    let output = fuer_bot(
        &["ask", "--json"],
        "How many nursing rooms are there?\n婦兒大廈到訪人次是多少\n母婴室有多少间\n",
    );
    let results = json_lines(&output);
    let field = |index: usize, name: &str| results[index][name].clone();
    assert_eq!(field(0, "lang"), "en");
    assert_eq!(field(1, "lang"), "zh-Hant");
    assert_eq!(field(2, "lang"), "zh-Hans");
    // `facts` stay the article's Simplified sentences; `shown` is what the reply shows.
    let fact = field(0, "facts")[0].as_str().unwrap_or_default().to_string();
    assert!(fact.contains("母婴室1480间"), "{fact}");
    let shown = field(0, "shown")[0].as_str().unwrap_or_default().to_string();
    assert!(shown.contains("1,480 nursing rooms"), "{shown}");
    assert!(
        field(1, "shown")[0]
            .as_str()
            .unwrap_or_default()
            .contains("716萬餘人次")
    );
    assert_eq!(field(1, "lead"), "716万余人次");
    assert_eq!(field(2, "lead"), "1480间");
    // --lang forces a language.
    let forced = json_lines(&fuer_bot(&["ask", "--json", "--lang", "en"], "母婴室有多少间\n"));
    assert_eq!(forced[0]["lang"], "en");
    assert!(
        forced[0]["answer"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Answer: 1,480")
    );
    let refused = fuer_bot(&["ask", "--lang", "fr", "母婴室"], "");
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn check_holds_english_to_the_chinese_figures_and_warns_for_a_missing_one() {
    let dir = copy_knowledge();
    let file = dir.path().join("2024-shenzhen/05-母婴室.toml");
    let original = std::fs::read_to_string(&file).expect("item 5");
    // A wrong figure in English: an error at the English line.
    let wrong = original.replacen("en = \"1,480 nursing rooms", "en = \"1,408 nursing rooms", 1);
    assert_ne!(wrong, original);
    std::fs::write(&file, &wrong).expect("written");
    let knowledge = dir.path().to_str().expect("UTF-8");
    let output = fuer_bot(&["check", "--knowledge", knowledge], "");
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    assert_eq!(output.status.code(), Some(1), "{text}");
    let line = line_of(&wrong, "en = \"1,408 nursing rooms");
    assert!(
        text.contains(&format!(
            "{}:{line}: 英文 `en` 里没有中文原文的数字 1480",
            file.display()
        )),
        "{text}"
    );
    assert!(text.contains("英文 `en` 里的数字 1,408 在中文原文里没有"), "{text}");
    // A missing translation: a warning, and the check passes.
    let missing: String = original
        .lines()
        .filter(|line| !line.starts_with("en = \"1,480 nursing rooms"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&file, &missing).expect("written");
    let output = fuer_bot(&["check", "--knowledge", knowledge], "");
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    assert_eq!(output.status.code(), Some(0), "{text}");
    let line = line_of(&missing, "text = \"建设公共场所母婴室1480间");
    assert!(
        text.contains(&format!("{}:{line}: 提醒：还没有英文 `en`", file.display())),
        "{text}"
    );
    assert!(text.contains("另有 1 条提醒：不影响机器人回答"), "{text}");
    // The English asker then gets the Chinese fact with a short English note.
    let asked = fuer_bot(
        &["ask", "--knowledge", knowledge, "How many nursing rooms are there?"],
        "",
    );
    let reply = String::from_utf8_lossy(&asked.stdout).to_string();
    assert!(reply.starts_with("Answer: 1,480"), "{reply}");
    assert!(
        reply.contains("No English translation") && reply.contains("母婴室1480间"),
        "{reply}"
    );
}
