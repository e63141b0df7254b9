//! How a rule reports a finding: through a [`Reporter`] that knows the
//! rule (its name, the severity the user chose, the kind of fix it
//! declares), so a rule writes only what is particular to the finding:
//!
//! ```ignore
//! out.report(span, format!("stray space before the hyphen; write `{joined}`"))
//!     .suggest(joined)
//!     .fix(Edit::replace(gap, "-"));
//! ```

use std::ops::Range;

use super::{FixKind, RuleMeta};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};

/// Collects one rule's findings, with the rule's name and severity.
pub struct Reporter<'a> {
    meta: &'static RuleMeta,
    severity: Severity,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    /// Findings of the rule described by `meta`, at `severity` (the rule's
    /// default, or the user's choice: the checker decides, here only),
    /// pushed onto `out`.
    pub fn new(meta: &'static RuleMeta, severity: Severity, out: &'a mut Vec<Diagnostic>) -> Self {
        Reporter {
            meta,
            severity,
            out,
        }
    }

    /// Reports a finding: `span` is the flagged text (bytes of the
    /// document), `message` says what is wrong and why. The returned
    /// [`Finding`] adds a suggestion and a fix.
    pub fn report(&mut self, span: Range<usize>, message: impl Into<String>) -> Finding<'_> {
        self.out.push(Diagnostic {
            rule: self.meta.name,
            severity: self.severity,
            message: message.into(),
            span,
            suggestion: None,
            fix: None,
            related: Vec::new(),
            uses_source: false,
        });
        Finding {
            diagnostic: self.out.last_mut().expect("just pushed"),
            meta: self.meta,
        }
    }
}

/// A finding just reported, to add what the flagged text should read and
/// how to fix it.
///
/// A fix's applicability comes from the rule's declaration: [`Finding::fix`]
/// and [`Finding::replace`] make a safe fix in a `fix: Safe` rule and an
/// unsafe one in a `fix: Unsafe` rule; a rule that offers both
/// (`SafeOrUnsafe`) says which with the `_safe` and `_unsafe` forms. A fix
/// the declaration does not allow is a bug, caught by the tests (debug
/// builds).
pub struct Finding<'a> {
    diagnostic: &'a mut Diagnostic,
    meta: &'static RuleMeta,
}

impl Finding<'_> {
    /// Another place the finding concerns (see [`Related`]).
    pub fn related(self, related: Related) -> Self {
        self.diagnostic.related.push(related);
        self
    }

    /// What the flagged text should read, for people.
    pub fn suggest(self, text: impl Into<String>) -> Self {
        self.diagnostic.suggestion = Some(text.into());
        self
    }

    /// A fix of one edit, with the rule's declared applicability.
    pub fn fix(self, edit: Edit) -> Self {
        let applicability = self.declared();
        self.with_fix(applicability, vec![edit])
    }

    /// A fix of several edits (which must not overlap), with the rule's
    /// declared applicability.
    pub fn fix_edits(self, edits: Vec<Edit>) -> Self {
        let applicability = self.declared();
        self.with_fix(applicability, edits)
    }

    /// A safe fix of several edits (for a rule that offers safe and unsafe
    /// ones).
    pub fn fix_edits_safe(self, edits: Vec<Edit>) -> Self {
        self.with_fix(Applicability::Safe, edits)
    }

    /// An unsafe fix of several edits.
    pub fn fix_edits_unsafe(self, edits: Vec<Edit>) -> Self {
        self.with_fix(Applicability::Unsafe, edits)
    }

    /// A safe fix of one edit (for a rule that offers safe and unsafe ones).
    pub fn fix_safe(self, edit: Edit) -> Self {
        self.with_fix(Applicability::Safe, vec![edit])
    }

    /// An unsafe fix of one edit: a guess, applied only with
    /// `--unsafe-fixes`.
    pub fn fix_unsafe(self, edit: Edit) -> Self {
        self.with_fix(Applicability::Unsafe, vec![edit])
    }

    /// The flagged text should read `text`: the suggestion, and a fix that
    /// replaces the whole span with it (declared applicability).
    pub fn replace(self, text: impl Into<String>) -> Self {
        let applicability = self.declared();
        self.replace_with(applicability, text.into())
    }

    /// Like [`Finding::replace`], with a safe fix.
    pub fn replace_safe(self, text: impl Into<String>) -> Self {
        self.replace_with(Applicability::Safe, text.into())
    }

    /// Like [`Finding::replace`], with an unsafe fix.
    pub fn replace_unsafe(self, text: impl Into<String>) -> Self {
        self.replace_with(Applicability::Unsafe, text.into())
    }

    fn replace_with(self, applicability: Applicability, text: String) -> Self {
        let edit = Edit::replace(self.diagnostic.span.clone(), text.clone());
        self.suggest(text).with_fix(applicability, vec![edit])
    }

    /// The applicability the rule declares for all its fixes.
    fn declared(&self) -> Applicability {
        match self.meta.fix {
            FixKind::Safe => Applicability::Safe,
            FixKind::Unsafe => Applicability::Unsafe,
            kind => panic!(
                "{} declares `fix: {kind:?}`: say fix_safe or fix_unsafe",
                self.meta.name
            ),
        }
    }

    fn with_fix(self, applicability: Applicability, edits: Vec<Edit>) -> Self {
        debug_assert!(
            matches!(
                (self.meta.fix, applicability),
                (FixKind::Safe | FixKind::SafeOrUnsafe, Applicability::Safe)
                    | (
                        FixKind::Unsafe | FixKind::SafeOrUnsafe,
                        Applicability::Unsafe
                    )
            ),
            "{} declares `fix: {:?}` but offers a {} fix",
            self.meta.name,
            self.meta.fix,
            applicability.as_str()
        );
        self.diagnostic.fix = Some(match applicability {
            Applicability::Safe => Fix::safe(edits),
            Applicability::Unsafe => Fix::unsafe_(edits),
        });
        self
    }
}
