//! The `junit` format: JUnit XML, which CI systems (GitLab, Jenkins, Azure)
//! show as test results. One test suite per file, one failing test case per
//! finding; a file without findings is one passing test case.

use std::fmt::Write as _;

use super::FileReport;
use super::fingerprint::portable_path;

/// Escapes text for XML content and attribute values; characters XML 1.0
/// cannot carry are dropped.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The whole JUnit document for every checked file.
pub fn render_junit(files: &[FileReport<'_>]) -> String {
    let total: usize = files.iter().map(|f| f.diagnostics.len().max(1)).sum();
    let failures: usize = files.iter().map(|f| f.diagnostics.len()).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"salin\" tests=\"{total}\" failures=\"{failures}\" errors=\"0\">"
    );
    for file in files {
        let path = escape_xml(&portable_path(file.path));
        let n = file.diagnostics.len();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{n}\" errors=\"0\" skipped=\"0\">",
            n.max(1)
        );
        if n == 0 {
            let _ = writeln!(out, "    <testcase name=\"{path}\" classname=\"salin\"/>");
        }
        let index = file.line_index();
        for d in file.diagnostics {
            let at = index.line_col(file.source, d.span.start);
            let _ = writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"{path}\" file=\"{path}\" line=\"{}\">",
                escape_xml(&format!(
                    "{} at line {}, column {}",
                    d.rule, at.line, at.column
                )),
                at.line,
            );
            let mut also = String::new();
            for line in super::related_lines(d, &portable_path(file.path)) {
                also.push('\n');
                also.push_str(&escape_xml(&line));
            }
            let _ = writeln!(
                out,
                "      <failure message=\"{}\" type=\"{}\">{}:{}:{}: {}[{}] {}{also}</failure>",
                escape_xml(&d.message),
                d.severity,
                path,
                at.line,
                at.column,
                d.severity,
                d.rule,
                escape_xml(&d.message),
            );
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample;

    #[test]
    fn escaping() {
        assert_eq!(
            escape_xml("a<b>&\"c\"'\u{1}\n"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;&#10;"
        );
    }

    #[test]
    fn snapshot() {
        let (path, source, diagnostics) = sample();
        let files = [
            FileReport {
                path,
                source: &source,
                diagnostics: &diagnostics,
            },
            FileReport {
                path: "./malinis & maayos.md",
                source: "Malinis.",
                diagnostics: &[],
            },
        ];
        insta::assert_snapshot!(render_junit(&files));
    }
}
