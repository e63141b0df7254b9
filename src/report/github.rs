//! The `github` format: GitHub Actions workflow commands, one per finding,
//! which GitHub shows as annotations on the pull request's diff:
//!
//! ```text
//! ::error file=a.md,line=1,col=5,endLine=1,endColumn=15,title=salin (hyphen-spacing)::message
//! ```
//!
//! Escaping follows the runner (`toolkit/packages/core/src/command.ts`): in the
//! message `%`, `\r` and `\n` are percent-encoded; in property values `:` and
//! `,` are too.

use std::fmt::Write as _;

use super::FileReport;
use super::fingerprint::portable_path;
use crate::diagnostic::Severity;

/// Escapes a workflow command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command per finding.
pub fn render_github(file: &FileReport<'_>) -> String {
    let index = file.line_index();
    let path = escape_property(&portable_path(file.path));
    let mut out = String::new();
    for d in file.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let start = index.line_col(file.source, d.span.start);
        let end = index.line_col(file.source, d.span.end);
        let title = escape_property(&format!("salin ({})", d.rule));
        let mut message = format!("{}: {}", d.rule, d.message);
        for line in super::related_lines(d, &portable_path(file.path)) {
            message.push('\n');
            message.push_str(&line);
        }
        let _ = writeln!(
            out,
            "::{command} file={path},line={},col={},endLine={},endColumn={},title={title}::{}",
            start.line,
            start.column,
            end.line,
            end.column,
            escape_data(&message),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn snapshot() {
        let (_, source, diagnostics) = sample();
        let file = FileReport {
            path: "./mga ulat/a,b:c.md",
            source: &source,
            diagnostics: &diagnostics,
        };
        insta::assert_snapshot!(render_github(&file));
    }

    /// Every line is a well-formed workflow command.
    #[test]
    fn syntax() {
        let (path, source, diagnostics) = sample();
        let file = FileReport {
            path,
            source: &source,
            diagnostics: &diagnostics,
        };
        let out = render_github(&file);
        assert_eq!(out.lines().count(), diagnostics.len());
        for line in out.lines() {
            let rest = line.strip_prefix("::").unwrap();
            let (command, rest) = rest.split_once(' ').unwrap();
            assert!(["error", "warning", "notice"].contains(&command), "{line}");
            let (properties, message) = rest.split_once("::").unwrap();
            assert!(!message.is_empty() && !message.contains(['\r', '\n']));
            let keys: Vec<&str> = properties
                .split(',')
                .map(|kv| {
                    let (k, v) = kv.split_once('=').unwrap();
                    assert!(!v.contains([':', ',', '\r', '\n']), "{line}");
                    k
                })
                .collect();
            assert_eq!(
                keys,
                ["file", "line", "col", "endLine", "endColumn", "title"]
            );
        }
    }
}
