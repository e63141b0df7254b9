//! The fix loop: check, apply the fixes, check again.
//!
//! Fixes are applied in order of position; a fix that overlaps one already
//! taken is left for the next round, and rounds repeat on the re-checked text
//! until nothing changes, so a second `--fix` run finds nothing to do.
//! Applying edits to a text is the diagnostic model's
//! ([`crate::diagnostic::apply_fixes`]); this module only runs the rounds on
//! top of the checker.

use std::time::Instant;

use crate::checker::{Checker, TimedOut};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::input::Document;
use crate::input::encode::keeps_structure;

/// Edit application, re-exported where callers have always found it.
pub use crate::diagnostic::{apply_edits as apply, apply_fixes, select_fixes};

/// At most this many check-and-fix rounds per document.
const MAX_ROUNDS: usize = 10;

/// The outcome of fixing one document.
#[derive(Debug)]
pub struct Fixed {
    /// The document with every applicable fix applied.
    pub text: String,
    /// How many fixes were applied, over all rounds.
    pub applied: usize,
    /// What remains to report in the fixed text.
    pub remaining: Vec<Diagnostic>,
}

/// Checks and fixes `doc` until no applicable fix is left (or `MAX_ROUNDS`).
pub fn fix_document(checker: &Checker, doc: &Document, allowed: Applicability) -> Fixed {
    match fix_document_within(checker, doc, allowed, None) {
        Ok(fixed) => fixed,
        Err(TimedOut) => unreachable!("no deadline, no time-out"),
    }
}

/// Like [`fix_document`], but gives up with [`TimedOut`] once `deadline` has
/// passed (see [`Checker::check_within`]); nothing is returned half-fixed.
pub fn fix_document_within(
    checker: &Checker,
    doc: &Document,
    allowed: Applicability,
    deadline: Option<Instant>,
) -> Result<Fixed, TimedOut> {
    let mut current = doc.clone();
    let mut diagnostics = checker.check_within(&current, deadline)?;
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let (text, n) = apply_fixes(&current.text, &diagnostics, allowed);
        if n == 0 || text == current.text {
            break;
        }
        let next = current.with_text(text);
        let (next, n) = if keeps_structure(&current, &next) {
            (next, n)
        } else {
            one_by_one(&current, &mut diagnostics, allowed)
        };
        if n == 0 {
            break;
        }
        applied += n;
        current = next;
        diagnostics = checker.check_within(&current, deadline)?;
    }
    Ok(Fixed {
        text: current.text,
        applied,
        remaining: diagnostics,
    })
}

/// A round whose fixes together changed the document's structure (each
/// keeps it alone, but two in one YAML scalar or one Markdown paragraph may
/// not): the fixes applied one at a time, from the last, each kept only if
/// the structure holds. The fixes that do not are removed from
/// `diagnostics`, so they are reported, not offered again.
fn one_by_one(
    current: &Document,
    diagnostics: &mut [Diagnostic],
    allowed: Applicability,
) -> (Document, usize) {
    let fixes: Vec<Fix> = select_fixes(diagnostics, allowed)
        .into_iter()
        .cloned()
        .collect();
    let mut doc = current.clone();
    let mut kept = 0;
    for fix in fixes.iter().rev() {
        let next = doc.with_text(apply(&doc.text, &[fix]));
        if keeps_structure(current, &next) {
            doc = next;
            kept += 1;
        } else {
            for d in diagnostics.iter_mut() {
                if d.fix.as_ref() == Some(fix) {
                    d.fix = None;
                }
            }
        }
    }
    (doc, kept)
}
