//! The diagnostic model shared by every rule, the fixer and every report.
//!
//! Spans are byte ranges into the *original* document text (BOM, CRLF and all),
//! so that reports point at what the user sees and fixes touch only the bytes
//! they mean to.

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
