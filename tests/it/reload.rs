//! Live reload of the knowledge directory: new figures served after a save, broken edits
//! keep the last good version and report `file:line`, the swap is atomic.

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_bot::reload::{ReloadOutcome, WatcherGuard, reload_now, watch_knowledge_dir};
use fuer_core::dialogue::{Request, respond};
use fuer_core::library::Library;

use crate::support::{copy_knowledge, correct_article, line_of, save_by_rename};

const ITEM_5: &str = "2024-shenzhen/05-母婴室.toml";
const ITEM_6: &str = "2024-shenzhen/06-家庭家教家风.toml";
const NURSING_ROOMS: &str = "全市建了多少间母婴室？";
/// How long a test waits for a reload before failing: a hang guard, not a speed requirement
/// (a reload follows a save by the debounce time, a fraction of a second).
const OUTCOME_TIMEOUT: Duration = Duration::from_secs(60);

fn serving(dir: &Path) -> Arc<ArcSwap<Library>> {
    let knowledge = load_knowledge_dir(dir).expect("the copied knowledge loads");
    Arc::new(ArcSwap::from_pointee(Library::new(knowledge)))
}

/// The reply text the bot would send (from the shipped article, the only one here).
fn reply(library: &Library, question: &str) -> String {
    respond(library.engine(0), Request::Question(question))
        .reply
        .to_plain_text()
}

fn read(dir: &Path, file: &str) -> String {
    fs::read_to_string(dir.join(file)).unwrap()
}

/// Saves in place (truncate and write), like `echo > file` or some editors.
fn save_in_place(dir: &Path, file: &str, contents: &str) {
    fs::write(dir.join(file), contents).unwrap();
}

struct Watched {
    dir: tempfile::TempDir,
    engine: Arc<ArcSwap<Library>>,
    outcomes: Receiver<ReloadOutcome>,
    guard: WatcherGuard,
}

/// A watched copy of the knowledge whose article also has item 5's nursing-room lines with
/// 1999间 and 2024间 (see [`correct_article`]): the tests change that figure.
fn watched() -> Watched {
    let dir = copy_knowledge();
    correct_article(dir.path(), "1480间", "1999间");
    correct_article(dir.path(), "1480间", "2024间");
    let engine = serving(dir.path());
    let (sender, outcomes) = mpsc::channel();
    let sender = Mutex::new(sender);
    let guard = watch_knowledge_dir(dir.path(), Arc::clone(&engine), move |outcome| {
        let _ = sender.lock().unwrap().send(outcome);
    })
    .expect("watch the knowledge directory");
    Watched {
        dir,
        engine,
        outcomes,
        guard,
    }
}

impl Watched {
    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn next_outcome(&self) -> ReloadOutcome {
        self.outcomes
            .recv_timeout(OUTCOME_TIMEOUT)
            .expect("a reload outcome after the change")
    }

    fn answer(&self, question: &str) -> String {
        reply(&self.engine.load(), question)
    }

    /// Breaks the files, expects a failure naming `expected` (`file:line: ...` text),
    /// checks the old knowledge is still served, then restores and expects a reload.
    fn break_and_fix(&self, file: &str, broken: Option<&str>, expected: &[&str]) {
        let original = read(self.path(), file);
        let before = Arc::clone(&self.engine.load());
        assert!(self.answer(NURSING_ROOMS).contains("1480间"));
        match broken {
            Some(contents) => save_by_rename(self.path(), file, contents),
            None => fs::remove_file(self.path().join(file)).unwrap(),
        }
        let outcome = self.next_outcome();
        let ReloadOutcome::Failed(problems) = &outcome else {
            panic!("expected a failure, got {outcome}");
        };
        let listing: Vec<String> = problems.iter().map(ToString::to_string).collect();
        for needle in expected {
            assert!(
                listing.iter().any(|line| line.contains(needle)),
                "{needle:?} not in {listing:#?}"
            );
        }
        // The last good version keeps serving, whole.
        assert!(Arc::ptr_eq(&before, &self.engine.load()));
        assert_eq!(self.engine.load().engine(0).knowledge().items.len(), 10);
        assert!(self.answer(NURSING_ROOMS).contains("1480间"));
        assert!(outcome.admin_message().contains(expected[0]));

        save_by_rename(self.path(), file, &original);
        let outcome = self.next_outcome();
        assert!(
            matches!(outcome, ReloadOutcome::Reloaded { items: 10, .. }),
            "expected a reload, got {outcome}"
        );
        assert!(!Arc::ptr_eq(&before, &self.engine.load()));
        assert!(self.answer(NURSING_ROOMS).contains("1480间"));
    }
}

#[test]
fn a_changed_figure_is_answered_after_the_save() {
    let watched = watched();
    assert!(watched.answer(NURSING_ROOMS).contains("1480间"));
    let changed = read(watched.path(), ITEM_5)
        .replace("1480间", "1999间")
        .replace("1,480", "1,999");
    let saved = Instant::now();
    save_by_rename(watched.path(), ITEM_5, &changed);
    while !watched.answer(NURSING_ROOMS).contains("1999间") {
        assert!(saved.elapsed() < OUTCOME_TIMEOUT, "the new figure was never served");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!watched.answer(NURSING_ROOMS).contains("1480间"));
    let outcome = watched.next_outcome();
    let expected = load_knowledge_dir(watched.path()).unwrap().into_first();
    assert_eq!(
        outcome,
        ReloadOutcome::Reloaded {
            articles: 1,
            items: 10,
            facts: expected.fact_count(),
            keywords: expected.keyword_count()
        }
    );
    assert!(outcome.admin_message().starts_with("知识库已更新：10 件大事"));
}

#[test]
fn an_in_place_save_is_picked_up_too() {
    let watched = watched();
    let changed = read(watched.path(), ITEM_5)
        .replace("1480间", "2024间")
        .replace("1,480", "2,024");
    save_in_place(watched.path(), ITEM_5, &changed);
    assert!(watched.next_outcome().is_reloaded());
    assert!(watched.answer(NURSING_ROOMS).contains("2024间"));
}

#[test]
fn a_toml_syntax_error_keeps_the_old_version() {
    let watched = watched();
    let original = read(watched.path(), ITEM_5);
    let line = line_of(&original, "title = \"母婴室与民生实事\"");
    let broken = original.replace("title = \"母婴室与民生实事\"", "title = \"母婴室与民生实事");
    watched.break_and_fix(ITEM_5, Some(&broken), &[&format!("{ITEM_5}:{line}: ")]);
}

#[test]
fn an_unknown_field_keeps_the_old_version() {
    let watched = watched();
    let original = read(watched.path(), ITEM_5);
    let line = line_of(&original, "number = 5") + 1;
    let broken = original.replace("number = 5\n", "number = 5\ncolour = \"red\"\n");
    watched.break_and_fix(ITEM_5, Some(&broken), &[&format!("{ITEM_5}:{line}: "), "colour"]);
}

#[test]
fn a_duplicate_item_number_keeps_the_old_version() {
    let watched = watched();
    let original = read(watched.path(), ITEM_6);
    let line = line_of(&original, "number = 6");
    let broken = original.replace("number = 6\n", "number = 5\n");
    watched.break_and_fix(
        ITEM_6,
        Some(&broken),
        &[&format!("{ITEM_6}:{line}: 编号 5 重复了"), "缺少第 6 件"],
    );
}

#[test]
fn an_empty_fact_keeps_the_old_version() {
    let watched = watched();
    let original = read(watched.path(), ITEM_5);
    let needle = "text = \"深圳全力为“宝妈”出行";
    let line = line_of(&original, needle);
    let old_line = original.lines().nth(line - 1).unwrap();
    let broken = original.replace(old_line, "text = \"\"");
    watched.break_and_fix(ITEM_5, Some(&broken), &[&format!("{ITEM_5}:{line}: `text` 是空的")]);
}

#[test]
fn a_deleted_item_file_keeps_the_old_version() {
    let watched = watched();
    watched.break_and_fix(ITEM_5, None, &["缺少第 5 件"]);
}

#[test]
fn saving_unchanged_files_and_editor_temporary_files_report_nothing() {
    let watched = watched();
    let original = read(watched.path(), ITEM_5);
    save_by_rename(watched.path(), ITEM_5, &original);
    fs::write(watched.path().join(".05-母婴室.toml.swp"), "vim swap").unwrap();
    fs::write(watched.path().join("notes.txt"), "not knowledge").unwrap();
    match watched.outcomes.recv_timeout(Duration::from_millis(1500)) {
        Err(RecvTimeoutError::Timeout) => {}
        other => panic!("expected no report, got {other:?}"),
    }
    // The same broken file saved twice is reported once.
    let broken = original.replace("number = 5\n", "number = 5\ncolour = \"red\"\n");
    save_by_rename(watched.path(), ITEM_5, &broken);
    assert!(!watched.next_outcome().is_reloaded());
    save_by_rename(watched.path(), ITEM_5, &broken);
    match watched.outcomes.recv_timeout(Duration::from_millis(1500)) {
        Err(RecvTimeoutError::Timeout) => {}
        other => panic!("expected no second report, got {other:?}"),
    }
    // However late a second report would come, it would come before this one.
    save_by_rename(watched.path(), ITEM_5, &original);
    assert!(watched.next_outcome().is_reloaded());
}

#[test]
fn dropping_the_guard_stops_watching() {
    let Watched {
        dir,
        engine,
        outcomes,
        guard,
    } = watched();
    drop(guard);
    // The watcher thread is gone, and with it the callback.
    assert!(matches!(
        outcomes.recv_timeout(OUTCOME_TIMEOUT),
        Err(RecvTimeoutError::Disconnected)
    ));
    // A second watcher of the same directory is the barrier: once it has reloaded the save,
    // the first one, were it still watching, would have seen the same change.
    let witness = serving(dir.path());
    let (sender, witnessed) = mpsc::channel();
    let sender = Mutex::new(sender);
    let _witness = watch_knowledge_dir(dir.path(), Arc::clone(&witness), move |outcome| {
        let _ = sender.lock().unwrap().send(outcome);
    })
    .expect("watch the knowledge directory");
    let changed = read(dir.path(), ITEM_5)
        .replace("1480间", "1999间")
        .replace("1,480", "1,999");
    save_by_rename(dir.path(), ITEM_5, &changed);
    let outcome = witnessed.recv_timeout(OUTCOME_TIMEOUT).expect("the witness reloads");
    assert!(outcome.is_reloaded(), "{outcome:?}");
    assert!(reply(&witness.load(), NURSING_ROOMS).contains("1999间"));
    assert!(reply(&engine.load(), NURSING_ROOMS).contains("1480间"));
}

#[test]
fn reload_now_swaps_only_valid_knowledge() {
    let dir = copy_knowledge();
    correct_article(dir.path(), "1480间", "1999间");
    let engine = serving(dir.path());
    let first = Arc::clone(&engine.load());

    let original = read(dir.path(), ITEM_5);
    save_in_place(
        dir.path(),
        ITEM_5,
        &original.replace("1480间", "1999间").replace("1,480", "1,999"),
    );
    let outcome = reload_now(dir.path(), &engine);
    assert!(outcome.is_reloaded(), "{outcome}");
    assert!(outcome.problems().is_empty());
    assert!(reply(&engine.load(), NURSING_ROOMS).contains("1999间"));
    let second = Arc::clone(&engine.load());
    assert!(!Arc::ptr_eq(&first, &second));

    let line = line_of(&original, "number = 5");
    save_in_place(
        dir.path(),
        ITEM_5,
        &original.replace("number = 5\n", "number = \"five\"\n"),
    );
    let outcome = reload_now(dir.path(), &engine);
    let listing: Vec<String> = outcome.problems().iter().map(ToString::to_string).collect();
    assert!(
        listing
            .iter()
            .any(|line_text| line_text.contains(&format!("{ITEM_5}:{line}: "))),
        "{listing:#?}"
    );
    assert!(outcome.to_string().starts_with("knowledge not reloaded"), "{outcome}");
    assert!(Arc::ptr_eq(&second, &engine.load()));

    // A missing directory is a failure too, not an empty knowledge base.
    let outcome = reload_now(&dir.path().join("missing"), &engine);
    assert!(!outcome.is_reloaded());
    assert!(Arc::ptr_eq(&second, &engine.load()));
}

/// The figure of the nursing-room fact and headline of an engine's item 5.
fn figures(library: &Library) -> (String, String) {
    let engine = library.engine(0);
    let item = engine.knowledge().item(5).expect("item 5");
    let figure = |text: &str| {
        ["1480间", "1999间"]
            .into_iter()
            .find(|figure| text.contains(figure))
            .unwrap_or("none")
            .to_string()
    };
    (figure(&item.headline), figure(&reply(library, NURSING_ROOMS)))
}

#[test]
fn readers_see_the_old_or_the_new_engine_never_a_mix() {
    // Two versions of the knowledge that differ in item 5's figure (headline and facts).
    let old_dir = copy_knowledge();
    let new_dir = copy_knowledge();
    correct_article(new_dir.path(), "1480间", "1999间");
    let changed = read(new_dir.path(), ITEM_5)
        .replace("1480间", "1999间")
        .replace("1,480", "1,999");
    save_in_place(new_dir.path(), ITEM_5, &changed);

    let engine = serving(old_dir.path());
    let stop = Arc::new(AtomicBool::new(false));
    let seen_old = Arc::new(AtomicUsize::new(0));
    let seen_new = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let engine = Arc::clone(&engine);
            let stop = Arc::clone(&stop);
            let seen_old = Arc::clone(&seen_old);
            let seen_new = Arc::clone(&seen_new);
            std::thread::spawn(move || {
                let mut checked = 0;
                while !stop.load(Ordering::Relaxed) || checked == 0 {
                    let current = engine.load();
                    let (headline, answer) = figures(&current);
                    assert_eq!(headline, answer, "one engine answered from another's knowledge");
                    match headline.as_str() {
                        "1480间" => seen_old.fetch_add(1, Ordering::Relaxed),
                        "1999间" => seen_new.fetch_add(1, Ordering::Relaxed),
                        other => panic!("unexpected figure {other}"),
                    };
                    checked += 1;
                }
                checked
            })
        })
        .collect();
    for round in 0..6 {
        let (dir, seen) = if round % 2 == 0 {
            (&new_dir, &seen_new)
        } else {
            (&old_dir, &seen_old)
        };
        let before = seen.load(Ordering::Relaxed);
        assert!(reload_now(dir.path(), &engine).is_reloaded());
        // A reader has answered from the engine just swapped in before the next swap.
        let swapped = Instant::now();
        while seen.load(Ordering::Relaxed) == before {
            assert!(swapped.elapsed() < OUTCOME_TIMEOUT, "no reader saw round {round}");
            std::thread::yield_now();
        }
    }
    stop.store(true, Ordering::Relaxed);
    let checked: usize = readers.into_iter().map(|reader| reader.join().unwrap()).sum();
    assert!(checked > 0);
    assert!(seen_old.load(Ordering::Relaxed) > 0 && seen_new.load(Ordering::Relaxed) > 0);
    // The last round loaded the old version.
    assert_eq!(figures(&engine.load()).0, "1480间");
}

#[test]
fn the_examples_of_the_editing_guide_are_valid() {
    let guide = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/README.md")).unwrap();
    let blocks: Vec<&str> = guide
        .split("```toml\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap())
        .collect();
    assert!(
        blocks.len() >= 3,
        "the guide shows an item file, source.toml and synonyms.toml"
    );
    let dir = copy_knowledge();
    save_in_place(dir.path(), ITEM_5, blocks[0]);
    save_in_place(dir.path(), "2024-shenzhen/source.toml", blocks[1]);
    save_in_place(dir.path(), "synonyms.toml", blocks[2]);
    // The guide's concept vocabulary example (its terms are the example's keywords).
    let concepts = blocks
        .iter()
        .find(|block| block.contains("[[concept]]"))
        .expect("the guide shows concepts.toml");
    save_in_place(dir.path(), "concepts.toml", concepts);
    let knowledge = load_knowledge_dir(dir.path())
        .unwrap_or_else(|problems| panic!("{problems:#?}"))
        .into_first();
    assert_eq!(knowledge.items.len(), 10);
    assert!(guide.contains("检查通过：2024-shenzhen：10 件大事，"));
}

#[test]
fn an_edit_that_changes_a_figure_of_the_article_is_refused_with_file_and_line() {
    let watched = watched();
    let original = read(watched.path(), ITEM_5);
    let line = line_of(&original, "text = \"建设公共场所母婴室1480间");
    // 1490 is in no version of the article.
    let changed = original.replacen(
        "text = \"建设公共场所母婴室1480间",
        "text = \"建设公共场所母婴室1490间",
        1,
    );
    watched.break_and_fix(
        ITEM_5,
        Some(&changed),
        &[&format!(
            "{ITEM_5}:{line}: 这条事实不是原文 source.txt 里的原句：这里写的是“…共场所母婴室1490间"
        )],
    );
    // Editing the article itself is watched too: a fact it no longer has is reported.
    let article = read(watched.path(), "2024-shenzhen/source.txt");
    save_by_rename(
        watched.path(),
        "2024-shenzhen/source.txt",
        &article.replace("托育中心示范点", "托育中心"),
    );
    let outcome = watched.next_outcome();
    let listing: Vec<String> = outcome.problems().iter().map(ToString::to_string).collect();
    assert!(
        listing
            .iter()
            .any(|problem| problem.contains("这条事实不是原文 source.txt 里的原句")),
        "{listing:#?}"
    );
    assert!(
        watched.answer(NURSING_ROOMS).contains("1480间"),
        "the last good version serves"
    );
}
