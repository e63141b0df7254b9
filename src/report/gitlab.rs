//! The `gitlab` format: GitLab Code Quality JSON (a subset of the Code
//! Climate format), shown in merge requests. Fingerprints are stable across
//! line shifts (see [`super::fingerprint`]), so GitLab can tell new findings
//! from old ones.

use serde::Serialize;

use super::FileReport;
use super::fingerprint::{fingerprint, occurrences, portable_path};
use crate::diagnostic::Severity;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeQualityIssue {
    pub description: String,
    pub check_name: &'static str,
    pub fingerprint: String,
    pub severity: &'static str,
    pub location: CodeQualityLocation,
    /// The other places the finding concerns (Code Climate's
    /// `other_locations`; GitLab shows them in the description too).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_locations: Vec<CodeQualityLocation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeQualityLocation {
    pub path: String,
    pub positions: Positions,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Positions {
    pub begin: Position,
    pub end: Position,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// GitLab's severities: `info`, `minor`, `major`, `critical`, `blocker`.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// The Code Quality issues for one file.
pub fn gitlab_issues(file: &FileReport<'_>) -> Vec<CodeQualityIssue> {
    let index = file.line_index();
    let path = portable_path(file.path);
    file.diagnostics
        .iter()
        .zip(occurrences(file))
        .map(|(d, occurrence)| {
            let start = index.line_col(file.source, d.span.start);
            let end = index.line_col(file.source, d.span.end);
            let mut description = format!("{}: {}", d.rule, d.message);
            for line in super::related_lines(d, &path) {
                description.push_str("; ");
                description.push_str(&line);
            }
            let other_locations = d
                .related
                .iter()
                .map(|r| CodeQualityLocation {
                    path: r
                        .path
                        .as_deref()
                        .map_or_else(|| path.clone(), portable_path),
                    positions: Positions {
                        begin: Position {
                            line: r.start.0,
                            column: r.start.1,
                        },
                        end: Position {
                            line: r.end.0,
                            column: r.end.1,
                        },
                    },
                })
                .collect();
            CodeQualityIssue {
                description,
                other_locations,
                check_name: d.rule,
                fingerprint: fingerprint(&path, d.rule, &file.source[d.span.clone()], occurrence),
                severity: severity(d.severity),
                location: CodeQualityLocation {
                    path: path.clone(),
                    positions: Positions {
                        begin: Position {
                            line: start.line,
                            column: start.column,
                        },
                        end: Position {
                            line: end.line,
                            column: end.column,
                        },
                    },
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample;

    #[test]
    fn snapshot() {
        let (path, source, diagnostics) = sample();
        let file = FileReport {
            path,
            source: &source,
            diagnostics: &diagnostics,
        };
        let issues = gitlab_issues(&file);
        let mut prints: Vec<&str> = issues.iter().map(|i| i.fingerprint.as_str()).collect();
        prints.sort();
        prints.dedup();
        assert_eq!(prints.len(), issues.len(), "fingerprints are unique");
        insta::assert_snapshot!(serde_json::to_string_pretty(&issues).unwrap());
    }

    #[test]
    fn fingerprints_survive_line_shifts() {
        let (path, source, diagnostics) = sample();
        let file = FileReport {
            path,
            source: &source,
            diagnostics: &diagnostics,
        };
        let shifted_source = format!("Bagong linya.\n\n{source}");
        let shifted: Vec<_> = diagnostics
            .iter()
            .cloned()
            .map(|mut d| {
                d.span = d.span.start + 15..d.span.end + 15;
                d
            })
            .collect();
        let moved = FileReport {
            path,
            source: &shifted_source,
            diagnostics: &shifted,
        };
        let a: Vec<String> = gitlab_issues(&file)
            .into_iter()
            .map(|i| i.fingerprint)
            .collect();
        let b: Vec<String> = gitlab_issues(&moved)
            .into_iter()
            .map(|i| i.fingerprint)
            .collect();
        assert_eq!(a, b);
    }
}
