//! Shared helpers for the integration tests: the shipped knowledge base and engine.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_core::engine::Engine;
use fuer_core::knowledge::KnowledgeBase;

/// The folder of the shipped article in the knowledge directory.
pub const ARTICLE: &str = "2024-shenzhen";

/// The repository's `knowledge/` directory.
pub fn knowledge_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

/// The shipped knowledge base, loaded once.
pub fn shipped_knowledge() -> &'static KnowledgeBase {
    static KNOWLEDGE: OnceLock<KnowledgeBase> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| match load_knowledge_dir(&knowledge_dir()) {
        Ok(knowledge) => knowledge.into_first(),
        Err(problems) => panic!("shipped knowledge is invalid: {problems:?}"),
    })
}

/// The first fact of an answer of the shipped article, as its item writes it (empty when
/// the answer has no item or no fact).
pub fn first_fact(answer: &fuer_core::engine::Answer) -> String {
    answer
        .item
        .zip(answer.facts.first())
        .and_then(|(item, &fact)| shipped_knowledge().item(item)?.sentence(fact))
        .unwrap_or_default()
        .to_string()
}

/// Asserts the question is answered from `item` of the shipped article and its first fact
/// holds `phrase`; returns the answer for more checks.
pub fn check_leads(question: &str, item: u8, phrase: &str) -> fuer_core::engine::Answer {
    let answer = shipped_engine().answer(question);
    assert_eq!(
        (answer.status, answer.item),
        (fuer_core::engine::Status::Answered, Some(item)),
        "{question}: {answer:?}"
    );
    assert!(
        first_fact(&answer).contains(phrase),
        "{question}: {}",
        first_fact(&answer)
    );
    answer
}

/// Asserts the status and the item of the shipped engine's answer to `question` and (when
/// given) words of its first fact.
pub fn check_first_fact(question: &str, status: fuer_core::engine::Status, item: u8, first_fact_has: &str) {
    let answer = shipped_engine().answer(question);
    assert_eq!(
        (answer.status, answer.item),
        (status, Some(item)),
        "{question}: {answer:?}"
    );
    if first_fact_has.is_empty() {
        return;
    }
    let fact = first_fact(&answer);
    assert!(fact.contains(first_fact_has), "{question}: first fact {fact}");
}

/// Asserts the status and the item of the shipped engine's answer to `question`; for a
/// related answer, the label of what is missing (when given); for an answered one, words of
/// the first fact (when given).
pub fn check_missing_or_fact(question: &str, status: fuer_core::engine::Status, item: u8, expected: &str) {
    if status != fuer_core::engine::Status::Related {
        check_first_fact(question, status, item, expected);
        return;
    }
    let answer = shipped_engine().answer(question);
    assert_eq!(
        (answer.status, answer.item),
        (status, Some(item)),
        "{question}: {answer:?}"
    );
    if expected.is_empty() {
        return;
    }
    let label = match &answer.missing {
        Some(fuer_core::engine::Missing::Asked { label, .. }) => label.clone(),
        other => panic!("{question}: missing {other:?}"),
    };
    assert_eq!(label, expected, "{question}");
}

/// An engine over the shipped knowledge base, built once.
pub fn shipped_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(shipped_knowledge().clone()))
}

/// A library over the shipped knowledge (every article), built once.
pub fn shipped_library() -> &'static fuer_core::library::Library {
    static LIBRARY: OnceLock<fuer_core::library::Library> = OnceLock::new();
    LIBRARY.get_or_init(|| match load_knowledge_dir(&knowledge_dir()) {
        Ok(knowledge) => fuer_core::library::Library::new(knowledge),
        Err(problems) => panic!("shipped knowledge is invalid: {problems:?}"),
    })
}

/// The shipped knowledge files (and the article), copied to a temporary directory a test
/// may edit.
pub fn copy_knowledge() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    fuer_bot::knowledge_dir::copy_knowledge_dir(&knowledge_dir(), dir.path()).expect("copy the knowledge");
    dir
}

/// Appends to the article in `dir` every line that contains `from`, with `to` instead: the
/// article then has both versions, so the facts are valid before and after a test changes
/// a figure in them (a test's edit is one save, never half of one).
pub fn correct_article(dir: &Path, from: &str, to: &str) {
    let path = dir.join(ARTICLE).join(fuer_core::knowledge::ARTICLE_FILE_NAME);
    let text = std::fs::read_to_string(&path).expect("the article");
    let corrected: Vec<String> = text
        .lines()
        .filter(|line| line.contains(from))
        .map(|line| line.replace(from, to))
        .collect();
    assert!(!corrected.is_empty(), "{from} is not in the article");
    std::fs::write(&path, format!("{text}\n{}\n", corrected.join("\n"))).expect("write the article");
}

/// Saves like most editors: write a temporary file, then rename it over the old one.
pub fn save_by_rename(dir: &Path, file: &str, contents: &str) {
    let target = dir.join(file);
    let name = target.file_name().expect("a file name").to_string_lossy().into_owned();
    let temporary = target.with_file_name(format!(".{name}.tmp~"));
    std::fs::write(&temporary, contents).expect("write the temporary file");
    std::fs::rename(&temporary, &target).expect("rename over the file");
}

/// 1-based number of the first line containing `needle`.
pub fn line_of(contents: &str, needle: &str) -> usize {
    contents
        .lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not found"))
        + 1
}

/// The invented test articles (`tests/data/articles/`).
pub fn articles_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles")
}

/// A copy of the shipped knowledge with the invented 2025 test article imported as an admin
/// would (`fuer-bot import`, no keyword added by hand): two articles, 2024-shenzhen and
/// 2025-shenzhen.
pub fn two_articles() -> tempfile::TempDir {
    let dir = copy_knowledge();
    let mut report = Vec::new();
    fuer_bot::import::import(&articles_dir().join("2025-test.txt"), dir.path(), None, &mut report)
        .expect("the test article imports");
    dir
}

/// The shipped knowledge beside the imported 2025 test article ([`two_articles`]), loaded
/// once for the whole test binary.
pub fn two_article_library() -> &'static fuer_core::library::Library {
    static LIBRARY: OnceLock<fuer_core::library::Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = two_articles();
        fuer_bot::cli::load_library(dir.path()).expect("both articles load")
    })
}

/// Asks each question of [`two_article_library`] on its own (a new conversation each);
/// checks its status and item, and that the reply holds `says` (empty: anything).
pub fn check_each_on_two_articles(lines: &[(&str, fuer_core::engine::Status, u8, &str)]) {
    let library = two_article_library();
    for &(question, status, item, says) in lines {
        let mut conversation = fuer_bot::console::LocalConversation::default();
        let routed = conversation.respond(library, question);
        let text = routed.response.reply.to_plain_text();
        let answer = routed.response.answer.expect("a question gets an answer");
        assert_eq!((answer.status, answer.item), (status, Some(item)), "{question}: {text}");
        assert!(text.contains(says), "{question}: expected {says:?} in {text}");
    }
}

/// Posts a one-time login token to the web page at `base` (`http://host:port/`) once the
/// server answers, and returns its response. The deadline is a hang guard while a server
/// process starts, not a speed requirement.
pub async fn log_in_when_up(client: &reqwest::Client, base: &str, token: &str) -> reqwest::Response {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        match client
            .post(format!("{base}login"))
            .form(&[("token", token)])
            .send()
            .await
        {
            Ok(response) => return response,
            Err(error) => {
                assert!(std::time::Instant::now() < deadline, "the page never answered: {error}");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        }
    }
}

/// The answer to the last of `turns`, asked in one conversation with the shipped knowledge.
pub fn last_of(turns: &[&str]) -> fuer_core::engine::Answer {
    let mut conversation = fuer_bot::console::LocalConversation::default();
    let (last, before) = turns.split_last().expect("a turn");
    for turn in before {
        conversation.respond(shipped_library(), turn);
    }
    conversation
        .respond(shipped_library(), last)
        .response
        .answer
        .expect("an answer")
}

/// The answer to `then`, asked after `first` in one conversation.
pub fn after(first: &str, then: &str) -> fuer_core::engine::Answer {
    last_of(&[first, then])
}

/// Asks `first`, then `then` in the same conversation, and asserts the reply's status and
/// item, and that its first fact holds `phrase` (when not empty).
pub fn check_after(first: &str, then: &str, status: fuer_core::engine::Status, item: u8, phrase: &str) {
    let answer = after(first, then);
    assert_eq!(
        (answer.status, answer.item),
        (status, Some(item)),
        "{first} → {then}: {answer:?}"
    );
    if !phrase.is_empty() {
        let engine = shipped_library().engines().first().expect("an engine");
        let fact = &engine.knowledge().items[usize::from(item) - 1].facts[answer.facts[0]].text;
        assert!(fact.contains(phrase), "{first} → {then}: {fact}");
    }
}
