//! Per-question latency distribution of the answer engine (median, p99, max).
//!
//! `cargo run --release --example latency [QUESTIONS_FILE]` — one question per line; without a
//! file, a built-in mix of kinds. Each question is answered many times; every call is timed.
//! The engine of the first article answers alone (and normalizes alone: what routing saves
//! per article by normalizing a question once); routing across every article as it was
//! (every article answers, `Library::route_answering_all`) and as it is (articles looked at
//! first, `Library::route`); and the whole library as the bot answers
//! (`fuer_core::library::respond`, the reply built). The five take turns every round. `KNOWLEDGE_DIR=…`
//! measures another knowledge directory (e.g. one with a second article imported).

use std::path::Path;
use std::time::Instant;

use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_core::dialogue::{Request, Speak};
use fuer_core::engine::Engine;
use fuer_core::library::{self, Library};

const BUILT_IN: &str = "全市建了多少间母婴室？\n母婴是有多少\n請問兩癌篩查做了多少例\nHow many nursing rooms are there?\n12154是什么意思\n第七件是什么\n深圳房价多少\n五分钟救助服务圈覆盖了多少个社区\n你好\n十件大事有哪些\nqwertyuiop\n妇儿大厦接待了多少外宾";
const ROUNDS: usize = 2000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let questions = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => BUILT_IN.to_string(),
    };
    let questions: Vec<&str> = questions
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    let started = Instant::now();
    let dir = std::env::var("KNOWLEDGE_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge").to_string());
    let knowledge =
        load_knowledge_dir(Path::new(&dir)).map_err(|problems| format!("{} knowledge problems", problems.len()))?;
    let engine = Engine::new(knowledge.articles().next().cloned().ok_or("no article")?);
    let library = Library::new(knowledge);
    let load = started.elapsed();
    println!("articles: {}", library.engines().len());
    // Interleaved round by round, so a busy moment of the shared machine weighs on each alike.
    report(
        &questions,
        &[
            ("engine (first article)", &|question| {
                std::hint::black_box(engine.answer(std::hint::black_box(question)));
            }),
            (
                "normalizing a question (Engine::prepare, once per routing)",
                &|question| {
                    std::hint::black_box(engine.prepare(std::hint::black_box(question)));
                },
            ),
            ("routing, every article answers (before)", &|question| {
                std::hint::black_box(library.route_answering_all(std::hint::black_box(question)));
            }),
            ("routing, articles looked at first (now)", &|question| {
                std::hint::black_box(library.route(std::hint::black_box(question)));
            }),
            ("library (every article, as the bot)", &|question| {
                std::hint::black_box(library::respond(
                    &library,
                    Request::Question(std::hint::black_box(question)),
                    None,
                    Speak::default(),
                ));
            }),
        ],
    );
    println!("load+index: {:.2} ms", load.as_secs_f64() * 1000.0);
    Ok(())
}

/// A named way of answering a question, to time.
type Timed<'a> = (&'a str, &'a dyn Fn(&str));

/// Times each way on every question, [`ROUNDS`] times (the ways taking turns each round),
/// and prints each one's distribution.
fn report(questions: &[&str], ways: &[Timed]) {
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(questions.len() * ROUNDS); ways.len()];
    for _ in 0..ROUNDS {
        for (way, (_, answer)) in ways.iter().enumerate() {
            for question in questions {
                let start = Instant::now();
                answer(question);
                samples[way].push(start.elapsed().as_nanos() as f64 / 1000.0);
            }
        }
    }
    for ((what, _), samples) in ways.iter().zip(&mut samples) {
        samples.sort_by(f64::total_cmp);
        let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize];
        println!("{what}: questions: {}, calls: {}", questions.len(), samples.len());
        println!(
            "{what}: answer latency µs: median {:.1}, p90 {:.1}, p99 {:.1}, max {:.1}",
            at(0.5),
            at(0.9),
            at(0.99),
            at(1.0)
        );
    }
}
