//! Where the start-up time of one `fuer-bot ask` goes: reading and checking the knowledge
//! files, then building the engine (analysis, index, intents). `cargo run --release --example startup`.

use std::path::Path;
use std::time::Instant;

use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_core::engine::Engine;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge"));
    let rounds: u32 = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(20);
    let (mut load, mut build, mut first) = (0.0, 0.0, 0.0);
    for _ in 0..rounds {
        let started = Instant::now();
        let knowledge = load_knowledge_dir(dir).map_err(|problems| format!("{} problems", problems.len()))?;
        let loaded = Instant::now();
        let engine = Engine::new(knowledge.into_first());
        let built = Instant::now();
        std::hint::black_box(engine.answer("全市建了多少间母婴室？"));
        let answered = Instant::now();
        load += (loaded - started).as_secs_f64();
        build += (built - loaded).as_secs_f64();
        first += (answered - built).as_secs_f64();
    }
    let ms = |total: f64| total * 1000.0 / f64::from(rounds);
    println!(
        "load+check {:.2} ms, engine {:.2} ms, first answer {:.3} ms (mean of {rounds})",
        ms(load),
        ms(build),
        ms(first)
    );
    Ok(())
}
