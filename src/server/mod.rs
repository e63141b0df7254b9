//! `salin server`: a Language Server Protocol server over stdio.
//!
//! Synchronous, like `ruff server`: one thread reads and frames messages
//! ([`transport`]), the main thread handles them in order and checks
//! documents with the library's [`salin::Checker`] ([`session`]). Checks
//! after an edit are debounced; checks on open and save are immediate.
//!
//! - [`documents`]: open documents, their format and incremental changes;
//! - [`position`]: byte offsets ↔ LSP positions (UTF-16, UTF-8, UTF-32);
//! - [`workspace`]: configuration per workspace folder, as on the command
//!   line, with pairing to source files;
//! - [`diagnostics`], [`rule_docs`], [`hover`]: findings as diagnostics,
//!   links to and explanations of the rules;
//! - [`actions`], [`edits`], [`glossary_edit`]: code actions and the edits
//!   they carry.
//!
//! Nothing but protocol messages is written to stdout; notes and errors go
//! to stderr, which editors keep as the server's log.

mod actions;
mod diagnostics;
mod documents;
mod edits;
mod glossary_edit;
mod hover;
mod position;
mod rule_docs;
mod session;
mod transport;
mod uri;
mod workspace;

use std::io::BufReader;

use crate::cli::{CliError, ServerArgs};

/// Serves until the client says `exit`, or the connection ends. The exit
/// status is the protocol's: 0 after `shutdown` then `exit`, 1 otherwise.
pub fn run(_args: &ServerArgs) -> Result<i32, CliError> {
    let incoming = transport::spawn_reader(BufReader::new(std::io::stdin()));
    let writer = transport::Writer::new(std::io::stdout().lock());
    let clean = session::serve(incoming, writer);
    Ok(if clean { 0 } else { 1 })
}
