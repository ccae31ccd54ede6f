//! Reload time of the knowledge base.
//!
//! - `reload/reload_now`: read and validate every knowledge file, build the engine,
//!   swap it in (what `/reload` does).
//! - `reload/edit_saved_to_new_answer_served`: with the watcher running, save an edit
//!   (write a temporary file and rename it over the item file, as editors do) and poll
//!   the served engine until its answer shows the new figure. This includes the
//!   watcher's 300 ms debounce, which dominates.
//!
//! Run: `cargo bench --bench reload`.

use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_bot::reload::{reload_now, watch_knowledge_dir};
use fuer_core::dialogue::{Request, respond};
use fuer_core::library::Library;

const ITEM_5: &str = "2024-shenzhen/05-母婴室.toml";
const QUESTION: &str = "全市建了多少间母婴室？";

/// The knowledge files, with an article that also has item 5's lines with 1999间 (the
/// figure the benchmark switches to), so that both versions of item 5 are valid.
fn copy_knowledge() -> tempfile::TempDir {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let dir = tempfile::tempdir().expect("temp dir");
    fuer_bot::knowledge_dir::copy_knowledge_dir(&source, dir.path()).expect("copy the knowledge");
    let article = dir
        .path()
        .join("2024-shenzhen")
        .join(fuer_core::knowledge::ARTICLE_FILE_NAME);
    let text = fs::read_to_string(&article).expect("the article");
    let corrected: Vec<String> = text
        .lines()
        .filter(|line| line.contains("1480间"))
        .map(|line| line.replace("1480间", "1999间"))
        .collect();
    fs::write(&article, format!("{text}\n{}\n", corrected.join("\n"))).expect("write the article");
    dir
}

fn answer(library: &Library) -> String {
    respond(library.engine(0), Request::Question(QUESTION))
        .reply
        .to_plain_text()
}

fn save_by_rename(dir: &Path, contents: &str) {
    let temporary = dir.join(".edit.tmp");
    fs::write(&temporary, contents).expect("write");
    fs::rename(&temporary, dir.join(ITEM_5)).expect("rename");
}

fn reload(c: &mut Criterion) {
    let dir = copy_knowledge();
    let engine = Arc::new(ArcSwap::from_pointee(Library::new(
        load_knowledge_dir(dir.path()).expect("knowledge loads"),
    )));
    let mut group = c.benchmark_group("reload");

    group.sample_size(20);
    group.bench_function("reload_now", |b| {
        b.iter(|| assert!(reload_now(dir.path(), &engine).is_reloaded()));
    });

    let original = fs::read_to_string(dir.path().join(ITEM_5)).expect("item 5");
    let versions = [
        (original.replace("1480间", "1999间").replace("1,480", "1,999"), "1999间"),
        (original.clone(), "1480间"),
    ];
    let _guard = watch_knowledge_dir(dir.path(), Arc::clone(&engine), |_| {}).expect("watch");
    let mut round = 0usize;
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("edit_saved_to_new_answer_served", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let (contents, figure) = &versions[round % 2];
                round += 1;
                let saved = Instant::now();
                save_by_rename(dir.path(), contents);
                while !answer(&engine.load()).contains(figure) {
                    // A hang guard, not a speed requirement.
                    assert!(saved.elapsed() < Duration::from_secs(60), "the edit was never served");
                    std::thread::sleep(Duration::from_millis(1));
                }
                total += saved.elapsed();
            }
            total
        });
    });
    group.finish();
}

criterion_group!(benches, reload);
criterion_main!(benches);
