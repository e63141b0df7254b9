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
        }
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
