//! The integration tests, one binary (`cargo test --test it`): the command
//! line end to end, the formats, the guarantees. A new test file
//! `tests/it/NAME.rs` gets a `mod NAME;` line here and takes shared helpers
//! from `crate::common` (`salin()` runs the binary).

mod common;

mod clean;
mod cli;
mod config;
mod discovery;
mod formats;
mod glossary_formats;
mod hostile;
mod integrations;
mod kill;
mod l10n;
mod l10n_properties;
mod properties;
mod repository;
mod samples;
