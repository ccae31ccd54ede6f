//! Criterion benchmarks of the answer engine: answering questions and building the index.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use fuer_bot::knowledge_dir::load_knowledge_dir;
use fuer_core::engine::Engine;

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
    let knowledge = load_knowledge_dir(knowledge_dir())
        .expect("shipped knowledge loads")
        .into_first();
    let engine = Engine::new(knowledge);
    for (index, question) in QUESTIONS.iter().enumerate() {
        c.bench_function(&format!("answer/{index}"), |b| {
            b.iter(|| engine.answer(black_box(question)))
        });
    }
}

fn loading(c: &mut Criterion) {
    c.bench_function("load_and_index", |b| {
        b.iter(|| {
            Engine::new(
                load_knowledge_dir(black_box(knowledge_dir()))
                    .expect("shipped knowledge loads")
                    .into_first(),
            )
        })
    });
}

/// What a conversation adds to an answer: the look-up of the context in a full store
/// (50 000 conversations), the answer with the context, and storing the new context.
fn conversations(c: &mut Criterion) {
    use fuer_bot::conversations::{ConversationKey, ConversationStore};
    use fuer_core::conversation::ContextChange;
    use fuer_core::dialogue::{Request, Speak, respond, respond_in_context};

    let knowledge = load_knowledge_dir(knowledge_dir())
        .expect("shipped knowledge loads")
        .into_first();
    let engine = Engine::new(knowledge);
    let store = ConversationStore::default();
    let start = respond(&engine, Request::Question("母婴室有多少间"));
    let ContextChange::Set(context) = start.context else {
        panic!("the first question sets a context");
    };
    for chat in 0..50_000i64 {
        store.apply(
            ConversationKey { chat, user: None },
            ContextChange::Set(context.clone()),
        );
    }
    let key = ConversationKey { chat: 42, user: None };
    c.bench_function("context/lookup_and_store", |b| {
        b.iter(|| {
            let found = store.get(black_box(key));
            store.apply(key, ContextChange::Set(found.unwrap_or_else(|| context.clone())));
        })
    });
    for (index, question) in ["那两癌筛查呢", "其中免费的有多少", "全市建了多少间母婴室？"]
        .iter()
        .enumerate()
    {
        c.bench_function(&format!("context/respond_alone/{index}"), |b| {
            b.iter(|| respond(&engine, Request::Question(black_box(question))))
        });
        c.bench_function(&format!("context/respond_in_conversation/{index}"), |b| {
            b.iter(|| {
                let context = store.get(key);
                let response = respond_in_context(
                    &engine,
                    Request::Question(black_box(question)),
                    context.as_ref(),
                    Speak::default(),
                );
                store.apply(key, response.context.clone());
                response
            })
        });
    }
}

criterion_group!(conversation_benches, conversations);
criterion_group!(benches, answering, loading);
criterion_main!(benches, conversation_benches);
