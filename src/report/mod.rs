//! Reports: one renderer per output format, all fed the same per-file results.

mod diff;
mod explain;
pub mod fingerprint;
mod github;
mod gitlab;
mod html;
mod json;
mod junit;
mod sarif;
mod statistics;
mod text;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::text::LineIndex;

pub use diff::{unified_diff, unified_diff_bytes};
pub use explain::explanation;
pub use github::render_github;
pub use gitlab::{CodeQualityIssue, gitlab_issues};
pub use html::{HtmlFile, HtmlOptions, HtmlReport};
pub use json::{JsonDiagnostic, JsonRelated, json_diagnostics};
pub use junit::render_junit;
pub use sarif::{SarifLog, sarif, uri as path_uri};
pub use statistics::{RuleCount, render_statistics, statistics};
pub use text::{TextOptions, render_text, render_text_with};

/// The findings for one document, with what is needed to show them.
pub struct FileReport<'a> {
    /// The name shown in reports.
    pub path: &'a str,
    /// The text the diagnostics' spans refer to.
    pub source: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

impl FileReport<'_> {
    pub fn line_index(&self) -> LineIndex {
        LineIndex::new(self.source)
    }
}

/// The other places a finding concerns, one line each for the text-based
/// reports: `also at PATH:LINE:COLUMN: MESSAGE` (`path` names the finding's
/// own file).
pub fn related_lines(d: &Diagnostic, path: &str) -> Vec<String> {
    d.related
        .iter()
        .map(|r| {
            format!(
                "also at {}:{}:{}: {}",
                r.path.as_deref().unwrap_or(path),
                r.start.0,
                r.start.1,
                r.message
            )
        })
        .collect()
}

/// Counts for the closing summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings `--fix` would fix.
    pub fixable: usize,
    /// Findings only `--unsafe-fixes` would fix.
    pub unsafe_fixable: usize,
    /// Fixes applied by this run.
    pub fixed: usize,
}

impl Summary {
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            if d.is_fixable(Applicability::Safe) {
                self.fixable += 1;
            } else if d.is_fixable(Applicability::Unsafe) {
                self.unsafe_fixable += 1;
            }
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// One line, for the end of the text report.
    pub fn line(&self, unsafe_enabled: bool) -> String {
        let mut out = String::new();
        if self.fixed > 0 {
            out.push_str(&format!(
                "Fixed {} {}. ",
                self.fixed,
                plural(self.fixed, "problem")
            ));
        }
        if self.total() == 0 {
            out.push_str(if self.fixed > 0 {
                "No problems remain."
            } else {
                "No problems found."
            });
            return out;
        }
        let mut parts = Vec::new();
        for (n, what) in [
            (self.errors, "error"),
            (self.warnings, "warning"),
            (self.infos, "note"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {}", plural(n, what)));
            }
        }
        out.push_str(&format!(
            "Found {} {} ({}).",
            self.total(),
            plural(self.total(), "problem"),
            parts.join(", ")
        ));
        let fixable = if unsafe_enabled {
            self.fixable + self.unsafe_fixable
        } else {
            self.fixable
        };
        if fixable > 0 {
            out.push_str(&format!(" {fixable} fixable with `--fix`."));
        }
        if !unsafe_enabled && self.unsafe_fixable > 0 {
            let more = if fixable > 0 { " more" } else { " fixable" };
            out.push_str(&format!(
                " {}{more} with `--fix --unsafe-fixes`.",
                self.unsafe_fixable
            ));
        }
        out
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diagnostic::Related;
    use crate::{Checker, Document, Format, Glossary};

    /// A Markdown document with findings of several rules and severities,
    /// safe and unsafe fixes, a repeated finding and non-ASCII text: the
    /// input of every format's snapshot.
    pub(crate) fn sample() -> (&'static str, String, Vec<Diagnostic>) {
        let source = "# Ulat ng Glaxosmithkline\n\n\
                      Ayon sa ulat , mabilis ang pag -unlad ng Innovant Co, Ltd.\n\
                      Nanalo ang “Award Award” at ang pag -unlad ay 100% totoo.\n";
        let doc = Document::new("docs/balita.md", source, Format::Markdown);
        let mut diagnostics = Checker::new(Glossary::embedded()).check(&doc);
        // A finding of a check across units, with its other places in
        // this file and in another one (made by hand: the checks across
        // units need translation units, which Markdown has not).
        let first = source.find("pag -unlad").unwrap();
        let second = source.rfind("pag -unlad").unwrap();
        let mut inconsistent = Diagnostic::new(
            "inconsistent-translation",
            first..first + 10,
            "the source text `development` is translated in 2 ways: `pag -unlad` (2), `pag-unlad` (1)",
        );
        inconsistent.related = vec![
            Related {
                path: None,
                span: second..second + 10,
                start: (4, 33),
                end: (4, 43),
                message: "translated `pag -unlad`".to_string(),
            },
            Related {
                path: Some("docs/iba pa.md".to_string()),
                span: 20..29,
                start: (2, 5),
                end: (2, 14),
                message: "translated `pag-unlad`".to_string(),
            },
        ];
        diagnostics.push(inconsistent);
        diagnostics.sort_by_key(|d| d.span.start);
        ("./docs/balita.md", source.to_string(), diagnostics)
    }

    /// `f` of the [`sample`]'s report.
    pub(crate) fn with_sample<R>(f: impl FnOnce(&FileReport<'_>) -> R) -> R {
        let (path, source, diagnostics) = sample();
        f(&FileReport {
            path,
            source: &source,
            diagnostics: &diagnostics,
        })
    }

    #[test]
    fn summary_lines() {
        let mut s = Summary::default();
        assert_eq!(s.line(false), "No problems found.");
        s.errors = 2;
        s.warnings = 1;
        s.fixable = 2;
        s.unsafe_fixable = 1;
        assert_eq!(
            s.line(false),
            "Found 3 problems (2 errors, 1 warning). 2 fixable with `--fix`. 1 more with `--fix --unsafe-fixes`."
        );
        assert_eq!(
            s.line(true),
            "Found 3 problems (2 errors, 1 warning). 3 fixable with `--fix`."
        );
        let fixed = Summary {
            fixed: 4,
            ..Summary::default()
        };
        assert_eq!(fixed.line(false), "Fixed 4 problems. No problems remain.");
    }
}
