//! fuer-bot: answers questions about 2024年深圳妇女儿童发展十件大事.
//!
//! This crate holds the edges around the pure domain core (`fuer-core`): reading the
//! knowledge directory, the console and `ask`, the question log, live reloading, Telegram
//! and the admin web page.

pub mod app;
pub mod cli;
pub mod console;
pub mod conversations;
pub mod data_dir;
pub mod import;
pub mod input;
pub mod knowledge_dir;
pub mod memory;
pub mod recording;
pub mod reload;
pub mod settings;
pub mod shutdown;
pub mod state;
pub mod store;
pub mod telegram;
pub mod web;
