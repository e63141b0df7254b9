//! The integration tests, one binary (`cargo test --test it`): the command
//! line end to end, the formats, the guarantees. A new test file
//! `tests/it/NAME.rs` gets a `mod NAME;` line here and takes shared helpers
//! from `crate::common` (`salin()` runs the binary).

mod common;
mod lsp_client;
mod names;
mod oracle;

mod clean;
mod cli;
mod config;
mod consistency;
mod discovery;
mod format_properties;
mod format_safety;
mod formats;
mod glossary_formats;
mod hostile;
mod html_browser;
mod html_report;
mod hunspell_spellbook;
mod integrations;
mod kill;
mod l10n;
mod l10n_properties;
mod pairing;
mod properties;
mod races;
mod readme;
mod reports;
mod repository;
mod robustness;
mod rule_pairs;
mod samples;
mod server;
mod watch;
