//! The `json` and `jsonl` formats. The field names are a stable, documented
//! interface (README, "JSON output").

use serde::Serialize;

use super::FileReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::LineIndex;

/// One finding as the JSON reports print it. It borrows the report's text,
/// so writing a report allocates nothing per finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub path: &'a str,
    pub rule: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    pub text: &'a str,
    pub suggestion: Option<&'a str>,
    pub fix: Option<JsonFix<'a>>,
    /// The source file the finding compares with (findings of source-aware
    /// rules in a file paired with a source file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_path: Option<&'a str>,
    /// The other places the finding concerns (every other location of an
    /// inconsistency).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<JsonRelated<'a>>,
}

/// Another place a finding concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonRelated<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonFix<'a> {
    pub applicability: &'static str,
    pub edits: Vec<JsonEdit<'a>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonEdit<'a> {
    pub start_byte: usize,
    pub end_byte: usize,
    pub replacement: &'a str,
}

impl<'a> JsonDiagnostic<'a> {
    pub fn new(path: &'a str, source: &'a str, index: &LineIndex, d: &'a Diagnostic) -> Self {
        let start = index.line_col(source, d.span.start);
        let end = index.line_col(source, d.span.end);
        JsonDiagnostic {
            path,
            rule: d.rule,
            severity: d.severity,
            message: &d.message,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            start_byte: d.span.start,
            end_byte: d.span.end,
            text: &source[d.span.clone()],
            suggestion: d.suggestion.as_deref(),
            fix: d.fix.as_ref().map(|f| JsonFix {
                applicability: f.applicability.as_str(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        start_byte: e.range.start,
                        end_byte: e.range.end,
                        replacement: &e.replacement,
                    })
                    .collect(),
            }),
            source_path: None,
            related: d
                .related
                .iter()
                .map(|r| JsonRelated {
                    path: r.path.as_deref().unwrap_or(path),
                    line: r.start.0,
                    column: r.start.1,
                    end_line: r.end.0,
                    end_column: r.end.1,
                    message: &r.message,
                })
                .collect(),
        }
    }

    /// Names the source file of a finding that compares with it.
    pub fn with_source_path(mut self, d: &Diagnostic, source: Option<&'a str>) -> Self {
        if d.uses_source {
            self.source_path = source;
        }
        self
    }
}

/// The JSON objects for one file's findings.
pub fn json_diagnostics<'a>(file: &FileReport<'a>) -> Vec<JsonDiagnostic<'a>> {
    let index = file.line_index();
    file.diagnostics
        .iter()
        .map(|d| JsonDiagnostic::new(file.path, file.source, &index, d))
        .collect()
}
