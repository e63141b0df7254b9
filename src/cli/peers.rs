//! The run's values for the checks across files: before the files are
//! checked, every localisation file is read and parsed once more, and its
//! comparable values are collected, so that each file's
//! `inconsistent-translation` and `inconsistent-source` findings list the
//! places in the other files too.

use std::path::Path;
use std::sync::Arc;

use super::args::CheckArgs;
use super::files::Input;
use super::ordered::for_each_ordered;
use super::read::{Content, decode, read_file};
use salin::input::Peers;
use salin::rules::{InconsistentSource, InconsistentTranslation};
use salin::{Checker, Document, Format};

/// Whether a run needs the units of its files: more than one file, and a
/// check across files enabled for some of them.
pub fn needed<'a>(inputs: &[Input], checkers: impl IntoIterator<Item = &'a Checker>) -> bool {
    let files = inputs
        .iter()
        .filter(|i| matches!(i, Input::File(_)))
        .count();
    files > 1
        && checkers.into_iter().any(|c| {
            c.severity_of(InconsistentTranslation::ID).is_some()
                || c.severity_of(InconsistentSource::ID).is_some()
        })
}

/// The comparable units of every input file, read `threads` at a time.
/// Files that cannot be read or parsed are left out: the check reports them.
pub fn collect(
    inputs: &[Input],
    args: &CheckArgs,
    attach: &(dyn Fn(Document, Option<&Path>) -> Document + Sync),
    threads: usize,
) -> Arc<Peers> {
    let files: Vec<&Path> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(path) => Some(path.as_path()),
            Input::Stdin => None,
        })
        .filter(|p| has_units(p))
        .collect();
    let mut peers = Peers::default();
    let read = |path: &&Path| -> Option<Peers> {
        let name = path.display().to_string();
        let Ok(Content::Bytes(mut bytes, _)) = read_file(path, &name, args.max_file_size) else {
            return None;
        };
        let decoded = decode(&name, &mut bytes).ok()??;
        let format = Format::from_path(path).unwrap_or(Format::Plain);
        let doc = attach(Document::new(name, decoded.text, format), Some(path));
        let mut one = Peers::default();
        one.add(&doc);
        Some(one)
    };
    let _ = for_each_ordered(&files, threads, read, |found| {
        if let Some(found) = found {
            peers.append(found);
        }
        Ok::<(), ()>(())
    });
    Arc::new(peers)
}

/// Whether the file at `path` may have values to compare across files: a
/// localisation file (articles are compared within themselves only).
fn has_units(path: &Path) -> bool {
    Format::from_path(path).is_some_and(Format::is_localisation)
}
