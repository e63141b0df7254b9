//! The diagnostic model shared by every rule, the fixer and every report:
//! findings, the edits that fix them, and applying edits to a text.
//!
//! Spans are byte ranges into the *original* document text (BOM, CRLF and all),
//! so that reports point at what the user sees and fixes touch only the bytes
//! they mean to. Applying edits is pure text work ([`select_fixes`],
//! [`apply_edits`], [`apply_fixes`]): it runs no check, so the checker, the
//! suppressions and the fix loop (`crate::fix`) can all use it.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a human looking at it.
///
/// `Safe` fixes are applied by `--fix`; `Unsafe` ones (a guess, such as a
/// near-miss glossary correction) only with `--unsafe-fixes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Unsafe,
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// One replacement of a byte range of the original text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

impl Edit {
    pub fn replace(range: Range<usize>, replacement: impl Into<String>) -> Self {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }

    pub fn delete(range: Range<usize>) -> Self {
        Edit::replace(range, "")
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Edit::replace(at..at, text)
    }
}

/// A set of edits that together correct one finding. Edits of one fix never
/// overlap and are kept sorted by position.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::Safe, edits)
    }

    pub fn unsafe_(edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::Unsafe, edits)
    }

    fn new(applicability: Applicability, mut edits: Vec<Edit>) -> Self {
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        Fix {
            applicability,
            edits,
        }
    }

    /// The smallest byte range covering every edit.
    pub fn range(&self) -> Range<usize> {
        let start = self.edits.first().map_or(0, |e| e.range.start);
        let end = self
            .edits
            .iter()
            .map(|e| e.range.end)
            .max()
            .unwrap_or(start);
        start..end
    }
}

/// Another place a finding concerns: the other units of an inconsistent
/// translation, in this file or another one of the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// The file, as reports name it; `None` for the finding's own file.
    pub path: Option<String>,
    /// Byte range in that file's text.
    pub span: Range<usize>,
    /// 1-based line and column (in characters) of the start and of the
    /// end, worked out when the finding was made: another file's text is
    /// not at hand when the finding is reported.
    pub start: (usize, usize),
    pub end: (usize, usize),
    /// What is there (`translated as "I-save"`).
    pub message: String,
}

/// One finding of one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's stable kebab-case name.
    pub rule: &'static str,
    pub severity: Severity,
    /// What is wrong and why, in English.
    pub message: String,
    /// Byte range of the flagged text in the original document.
    pub span: Range<usize>,
    /// What the flagged text should read, for people (also when there is no
    /// fix or the fix is unsafe).
    pub suggestion: Option<String>,
    pub fix: Option<Fix>,
    /// The other places the finding concerns, in order (every location of
    /// an inconsistency but the flagged one).
    pub related: Vec<Related>,
    /// The finding compares the text with its source (a source-aware rule
    /// on a unit that has one): reports name the source file.
    pub uses_source: bool,
}

impl Diagnostic {
    pub fn new(rule: &'static str, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: Severity::Warning,
            message: message.into(),
            span,
            suggestion: None,
            fix: None,
            related: Vec::new(),
            uses_source: false,
        }
    }

    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn is_fixable(&self, allowed: Applicability) -> bool {
        self.fix
            .as_ref()
            .is_some_and(|f| f.applicability >= allowed)
    }
}

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
pub fn apply_edits(text: &str, fixes: &[&Fix]) -> String {
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
    (apply_edits(text, &fixes), fixes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

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
