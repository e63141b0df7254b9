//! Applying fixes.
//!
//! Fixes are applied in order of position; a fix that overlaps one already
//! taken is left for the next round, and rounds repeat on the re-checked text
//! until nothing changes, so a second `--fix` run finds nothing to do.

use std::time::Instant;

use crate::checker::{Checker, TimedOut};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::input::Document;
use crate::input::encode::keeps_structure;

/// At most this many check-and-fix rounds per document.
const MAX_ROUNDS: usize = 10;

/// The fixes of `diagnostics` allowed by `allowed` that one round applies:
/// in order of position, skipping any that overlaps one already taken.
pub fn select_fixes(diagnostics: &[Diagnostic], allowed: Applicability) -> Vec<&Fix> {
    let mut fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability >= allowed && !f.edits.is_empty())
        .collect();
    fixes.sort_by_key(|f| (f.range().start, f.range().end));
    let mut taken: Vec<&Fix> = Vec::with_capacity(fixes.len());
    let mut last = 0; // end of the last taken fix
    for fix in fixes {
        let range = fix.range();
        // Overlap, or a second edit at the very point the previous one ended
        // (two insertions at one place have no defined order).
        if !taken.is_empty() && (range.start < last || (range.start == last && range.is_empty())) {
            continue;
        }
        last = range.end;
        taken.push(fix);
    }
    taken
}

/// Applies fixes, which must be sorted and must not overlap (as
/// [`select_fixes`] returns them), to `text`.
pub fn apply(text: &str, fixes: &[&Fix]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for edit in fixes.iter().flat_map(|f| &f.edits) {
        out.push_str(&text[last..edit.range.start]);
        out.push_str(&edit.replacement);
        last = edit.range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Applies the fixes of `diagnostics` allowed by `allowed` to `text`.
/// Returns the new text and how many fixes were applied.
pub fn apply_fixes(
    text: &str,
    diagnostics: &[Diagnostic],
    allowed: Applicability,
) -> (String, usize) {
    let fixes = select_fixes(diagnostics, allowed);
    (apply(text, &fixes), fixes.len())
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Edit;

    fn diag(edits: Vec<Edit>, applicability: Applicability) -> Diagnostic {
        let mut d = Diagnostic::new("test", 0..0, "m");
        d.fix = Some(Fix {
            applicability,
            edits,
        });
        d
    }

    #[test]
    fn overlapping_fixes_apply_first_only() {
        let text = "abcdef";
        let ds = vec![
            diag(vec![Edit::replace(1..3, "X")], Applicability::Safe),
            diag(vec![Edit::replace(2..4, "Y")], Applicability::Safe),
            diag(vec![Edit::replace(4..5, "Z")], Applicability::Safe),
        ];
        assert_eq!(
            apply_fixes(text, &ds, Applicability::Safe),
            ("aXdZf".into(), 2)
        );
    }

    #[test]
    fn unsafe_fixes_need_permission() {
        let ds = vec![diag(vec![Edit::delete(0..1)], Applicability::Unsafe)];
        assert_eq!(
            apply_fixes("ab", &ds, Applicability::Safe),
            ("ab".into(), 0)
        );
        assert_eq!(
            apply_fixes("ab", &ds, Applicability::Unsafe),
            ("b".into(), 1)
        );
    }

    #[test]
    fn two_insertions_at_one_point_take_the_first() {
        let ds = vec![
            diag(vec![Edit::insert(1, "X")], Applicability::Safe),
            diag(vec![Edit::insert(1, "Y")], Applicability::Safe),
        ];
        assert_eq!(
            apply_fixes("ab", &ds, Applicability::Safe),
            ("aXb".into(), 1)
        );
    }
}
