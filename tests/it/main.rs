//! The single integration-test crate of fuer-bot: engine, CLI, knowledge checks, store,
//! reload, and the Telegram bot end to end against a fake Bot API server.

mod answers;
mod check_messages;
mod cli;
mod dialogue_steps;
mod eval_sets;
mod fake_api;
mod head;
mod house;
mod import;
mod install;
mod keyword_suggestions;
mod knowledge_check;
mod lexicon;
mod meaning;
mod properties;
mod readme;
mod reload;
mod source_coverage;
mod store;
mod store_forget;
mod store_schema;
mod store_support;
mod support;
mod telegram_admin;
mod telegram_commands;
mod telegram_conversations;
mod telegram_escaping;
mod telegram_faults;
mod telegram_groups;
mod telegram_harness;
mod telegram_process;
mod telegram_webhook;
mod web;
mod web_harness;
mod webdriver;
