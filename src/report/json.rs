//! The `json` and `jsonl` formats. The field names are a stable, documented
//! interface (README, "JSON output").

use serde::Serialize;

use super::FileReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::LineIndex;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonDiagnostic {
    pub path: String,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    pub text: String,
    pub suggestion: Option<String>,
    pub fix: Option<JsonFix>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonFix {
    pub applicability: &'static str,
    pub edits: Vec<JsonEdit>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonEdit {
    pub start_byte: usize,
    pub end_byte: usize,
    pub replacement: String,
}

impl JsonDiagnostic {
    pub fn new(path: &str, source: &str, index: &LineIndex, d: &Diagnostic) -> Self {
        let start = index.line_col(source, d.span.start);
        let end = index.line_col(source, d.span.end);
        JsonDiagnostic {
            path: path.to_string(),
            rule: d.rule.to_string(),
            severity: d.severity,
            message: d.message.clone(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            start_byte: d.span.start,
            end_byte: d.span.end,
            text: source[d.span.clone()].to_string(),
            suggestion: d.suggestion.clone(),
            fix: d.fix.as_ref().map(|f| JsonFix {
                applicability: f.applicability.as_str(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        start_byte: e.range.start,
                        end_byte: e.range.end,
                        replacement: e.replacement.clone(),
                    })
                    .collect(),
            }),
        }
    }
}

/// The JSON objects for one file's findings.
pub fn json_diagnostics(file: &FileReport<'_>) -> Vec<JsonDiagnostic> {
    let index = file.line_index();
    file.diagnostics
        .iter()
        .map(|d| JsonDiagnostic::new(file.path, file.source, &index, d))
        .collect()
}
