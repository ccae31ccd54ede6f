//! Criterion benchmarks of the answer engine: answering questions and building the index.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use fuer_bot::engine::Engine;
use fuer_bot::knowledge::load::load_knowledge_dir;

const QUESTIONS: [&str; 8] = [
    "全市建了多少间母婴室？",
    "母婴是有多少",
    "請問兩癌篩查做了多少例",
    "How many nursing rooms are there?",
    "12154是什么意思",
    "第七件是什么",
    "深圳房价多少",
    "五分钟救助服务圈覆盖了多少个社区",
];

fn knowledge_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge"))
}

fn answering(c: &mut Criterion) {
    let knowledge = load_knowledge_dir(knowledge_dir()).expect("shipped knowledge loads");
    let engine = Engine::new(knowledge);
    for (index, question) in QUESTIONS.iter().enumerate() {
        c.bench_function(&format!("answer/{index}"), |b| {
            b.iter(|| engine.answer(black_box(question)))
        });
    }
}

fn loading(c: &mut Criterion) {
    c.bench_function("load_and_index", |b| {
        b.iter(|| Engine::new(load_knowledge_dir(black_box(knowledge_dir())).expect("shipped knowledge loads")))
    });
}

criterion_group!(benches, answering, loading);
criterion_main!(benches);
