//! fuer-bot: answers questions about 2024年深圳妇女儿童发展十件大事.
//!
//! The domain core (knowledge model, normalization, matching, replies) is pure and
//! does no I/O; loading files, the console and Telegram live at the edges.

pub mod cli;
pub mod command;
pub mod console;
pub mod conversation;
pub mod dialogue;
pub mod engine;
pub mod input;
pub mod knowledge;
pub mod normalize;
pub mod recording;
pub mod reload;
pub mod reply;
pub mod shutdown;
pub mod state;
pub mod store;
pub mod telegram;
pub mod texts;
pub mod web;
