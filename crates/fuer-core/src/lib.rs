//! fuer-core: the domain core of fuer-bot, which answers questions about
//! 2024年深圳妇女儿童发展十件大事.
//!
//! Everything here is pure: the knowledge model and its validation (from file contents, not
//! files), normalization, the answer engine, one dialogue step, replies as plain structures
//! and every user-facing sentence. No file, terminal, network, clock or async runtime is
//! touched; the edges (the `fuer-bot` crate: console, Telegram, web page, question log,
//! reloading) do that. Cargo enforces it: this crate depends on none of them.

mod automaton;
pub mod command;
pub mod conversation;
pub mod dialogue;
pub mod engine;
pub mod import;
pub mod knowledge;
pub mod lang;
pub mod library;
pub mod normalize;
pub mod reply;
pub mod segment;
pub mod texts;
