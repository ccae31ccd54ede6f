//! What `check` tells an admin: every message is in the guide's table (in Chinese), and the
//! mistakes admins make with a Chinese keyboard or Windows tools each give one message, on
//! the line to change.

use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_core::knowledge::messages;

use crate::support::{ARTICLE, copy_knowledge, knowledge_dir, line_of};

const ITEM_5: &str = "05-母婴室.toml";

#[test]
fn every_message_check_can_print_is_in_the_guide() {
    let guide = std::fs::read_to_string(knowledge_dir().join("README.md")).expect("the guide");
    let table = guide
        .split("## 错误信息对照表")
        .nth(1)
        .expect("the guide has a table of messages");
    for template in messages::ALL {
        assert!(
            table.contains(template),
            "the guide's table of messages lacks: {template}"
        );
        assert!(
            template.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "not in Chinese: {template}"
        );
    }
}

/// The problems `check` reports after `edit` changes item 5's file (as bytes).
fn problems_after(edit: impl FnOnce(&str) -> Vec<u8>) -> (Vec<String>, String) {
    let dir = copy_knowledge();
    let path = dir.path().join(ARTICLE).join(ITEM_5);
    let original = std::fs::read_to_string(&path).expect("item 5");
    std::fs::write(&path, edit(&original)).expect("write item 5");
    let listing = match load_knowledge_dir(dir.path()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    };
    let display = path.display().to_string();
    let relative: Vec<String> = listing.iter().map(|line| line.replacen(&display, ITEM_5, 1)).collect();
    (relative, original)
}

/// The 1-based line of the first line containing `needle` in item 5 as shipped.
fn shipped_line(needle: &str) -> usize {
    let text = std::fs::read_to_string(knowledge_dir().join(ARTICLE).join(ITEM_5)).expect("item 5");
    line_of(&text, needle)
}

/// An edit of item 5's text, as an admin might make it.
type Edit = fn(&str) -> Vec<u8>;

/// A mistake: what it is, the edit, the line its message names (0: the whole file), the message.
type Mistake = (&'static str, Edit, usize, String);

/// Mistakes of TOML syntax an admin makes on one line.
fn syntax_mistakes() -> Vec<Mistake> {
    let keywords_line = shipped_line("\"母婴室\", \"母乳室\"");
    let headline_line = shipped_line("headline = ");
    let last_keyword_line = shipped_line("\"single mother\", \"financial aid\",");
    vec![
        (
            "Chinese quotes around a keyword",
            |text| {
                text.replacen("\"母婴室\", \"母乳室\"", "“母婴室”, \"母乳室\"", 1)
                    .into_bytes()
            },
            keywords_line,
            messages::CHINESE_QUOTES.to_string(),
        ),
        (
            "a Chinese comma between keywords",
            |text| {
                text.replacen("\"母婴室\", \"母乳室\"", "\"母婴室\"， \"母乳室\"", 1)
                    .into_bytes()
            },
            keywords_line,
            messages::CHINESE_COMMA.to_string(),
        ),
        (
            "a missing closing quote",
            |text| {
                text.replacen(
                    "headline = \"用心用情办好民生实事,1480间母婴室基本覆盖全市公共场所\"",
                    "headline = \"用心用情办好民生实事,1480间母婴室基本覆盖全市公共场所",
                    1,
                )
                .into_bytes()
            },
            headline_line,
            messages::MISSING_CLOSING_QUOTE.to_string(),
        ),
        (
            "a missing ] at the end of a list",
            |text| {
                text.replacen(
                    "  \"single mother\", \"financial aid\",\n]\n",
                    "  \"single mother\", \"financial aid\",\n\n",
                    1,
                )
                .into_bytes()
            },
            last_keyword_line,
            messages::MISSING_CLOSING_BRACKET.to_string(),
        ),
        (
            "full-width brackets",
            |text| {
                text.replacen("keywords = [\"宝妈\",", "keywords = 【\"宝妈\",", 1)
                    .into_bytes()
            },
            shipped_line("keywords = [\"宝妈\","),
            messages::fill(messages::FULL_WIDTH_BRACKET, &[&'【']),
        ),
    ]
}

/// Mistakes of encoding: the file's bytes, not its TOML.
fn encoding_mistakes() -> Vec<Mistake> {
    let keywords_line = shipped_line("\"母婴室\", \"母乳室\"");
    vec![
        (
            "a file saved as GBK",
            |text| {
                // The file's first comment line in GBK: 母婴室 is C4B8 D3A4 CAD2 there.
                let mut bytes = b"# \xc4\xb8\xd3\xa4\xca\xd2\n".to_vec();
                bytes.extend_from_slice(text.as_bytes());
                bytes
            },
            0,
            messages::NOT_UTF8.to_string(),
        ),
        (
            "a byte order mark, Windows line ends and a Chinese comma",
            |text| {
                let windows = text
                    .replacen("\"母婴室\", \"母乳室\"", "\"母婴室\"，\"母乳室\"", 1)
                    .replace('\n', "\r\n");
                let mut bytes = "\u{feff}".as_bytes().to_vec();
                bytes.extend_from_slice(windows.as_bytes());
                bytes
            },
            keywords_line,
            messages::CHINESE_COMMA.to_string(),
        ),
    ]
}

#[test]
fn each_admin_mistake_gives_one_plain_message_on_its_line() {
    let cases = syntax_mistakes().into_iter().chain(encoding_mistakes());
    for (what, edit, line, message) in cases {
        let (problems, _) = problems_after(edit);
        let expected = if line == 0 {
            format!("{ITEM_5}: {message}")
        } else {
            format!("{ITEM_5}:{line}: {message}")
        };
        assert_eq!(problems, vec![expected], "{what}");
    }
}

#[test]
fn a_byte_order_mark_and_windows_line_ends_are_no_mistake() {
    let (problems, _) = problems_after(|text| {
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
        bytes
    });
    assert_eq!(problems, Vec::<String>::new());
    // The article saved the same way by Notepad is still the article.
    let dir = copy_knowledge();
    let article = dir.path().join(ARTICLE).join("source.txt");
    let text = std::fs::read_to_string(&article).expect("the article");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    std::fs::write(&article, bytes).expect("write the article");
    assert!(load_knowledge_dir(dir.path()).is_ok());
}

/// The problems `check` reports with `concepts` as the concept vocabulary.
fn concept_problems(concepts: &str) -> Vec<String> {
    let dir = copy_knowledge();
    std::fs::write(dir.path().join("concepts.toml"), concepts).expect("write concepts");
    match load_knowledge_dir(dir.path()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

/// The concept vocabulary is checked like the keywords: a phrase of one character, a
/// concept without phrases and a term no item knows each give a message on their line.
#[test]
fn concept_mistakes_are_reported_on_their_line() {
    let cases = [
        (
            "[[concept]]\nmeans = \"母婴室\"\nphrases = [\"奶\"]\n",
            3,
            messages::CONCEPT_PHRASE_TOO_SHORT.to_string(),
        ),
        (
            "[[concept]]\nmeans = \"托育\"\nphrases = []\n",
            2,
            messages::CONCEPT_WITHOUT_PHRASES.to_string(),
        ),
    ];
    for (concepts, line, message) in cases {
        let problems = concept_problems(concepts);
        assert_eq!(problems.len(), 1, "{concepts}: {problems:?}");
        assert!(
            problems[0].ends_with(&format!("concepts.toml:{line}: {message}")),
            "{concepts}: {problems:?}"
        );
    }
    assert!(concept_problems("[[concept]]\nmeans = \"直播带货\"\nphrases = [\"网上卖东西\"]\n").is_empty());
}

/// A concept whose term no loaded article knows is a note on its line, not a problem: the
/// shared file serves every article, and the knowledge still loads.
#[test]
fn a_concept_no_article_knows_is_a_note_not_a_problem() {
    let dir = copy_knowledge();
    let concepts = "# 火星\n[[concept]]\nmeans = \"火星基地\"\nphrases = [\"去火星\"]\n";
    std::fs::write(dir.path().join("concepts.toml"), concepts).expect("write concepts");
    let knowledge = load_knowledge_dir(dir.path()).unwrap_or_else(|problems| panic!("{problems:?}"));
    let notes: Vec<String> = knowledge.notes().iter().map(ToString::to_string).collect();
    let message = messages::fill(messages::CONCEPT_UNKNOWN_TERM, &[&"火星基地"]);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].ends_with(&format!("concepts.toml:3: {message}")), "{notes:?}");
    let mut output = Vec::new();
    let code = fuer_bot::cli::check(dir.path(), &mut output).expect("check runs");
    let output = String::from_utf8(output).expect("UTF-8");
    assert_eq!(code, std::process::ExitCode::SUCCESS, "{output}");
    assert!(output.contains(&message), "{output}");
    assert!(
        output.contains(&messages::fill(messages::CHECK_NOTES, &[&1])),
        "{output}"
    );
}

/// Class: a concept written ahead for articles to import (`for_import = true`) whose term
/// no loaded article knows yet is no note; the same concept without the flag is one.
#[test]
fn a_concept_written_for_import_is_no_note() {
    for (flag, notes_expected) in [("for_import = true\n", 0), ("for_import = false\n", 1), ("", 1)] {
        let dir = copy_knowledge();
        let concepts = format!("[[concept]]\nmeans = \"托老所\"\n{flag}phrases = [\"白天照看老人\"]\n");
        std::fs::write(dir.path().join("concepts.toml"), concepts).expect("write concepts");
        let knowledge = load_knowledge_dir(dir.path()).unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(
            knowledge.notes().len(),
            notes_expected,
            "{flag}: {:?}",
            knowledge.notes()
        );
    }
}

/// A term that stands only in a fact's text (巾帼科技助农; the keyword is 助农) reaches
/// nothing either: the engine turns phrases into keywords only. It gets the same note.
#[test]
fn a_concept_term_only_in_a_facts_text_is_a_note() {
    for term in ["巾帼科技助农", "消费帮扶直播周等活动"] {
        let dir = copy_knowledge();
        let concepts = format!("[[concept]]\nmeans = \"{term}\"\nphrases = [\"帮农民卖\"]\n");
        std::fs::write(dir.path().join("concepts.toml"), concepts).expect("write concepts");
        let knowledge = load_knowledge_dir(dir.path()).unwrap_or_else(|problems| panic!("{problems:?}"));
        let notes: Vec<String> = knowledge.notes().iter().map(ToString::to_string).collect();
        let message = messages::fill(messages::CONCEPT_UNKNOWN_TERM, &[&term]);
        assert_eq!(notes.len(), 1, "{term}: {notes:?}");
        assert!(notes[0].ends_with(&format!("concepts.toml:2: {message}")), "{notes:?}");
    }
}
