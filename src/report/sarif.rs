//! The `sarif` format: SARIF 2.1.0, for GitHub code scanning and other SARIF
//! viewers. Hand-written serde structs for the subset salin needs (as ruff
//! does): the rules with their documentation, results with regions, fixes and
//! partial fingerprints. Columns count Unicode code points
//! (`columnKind: unicodeCodePoints`), as salin's other reports do.

use serde::Serialize;

use super::FileReport;
use super::fingerprint::{fingerprint, occurrences, portable_path};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::rules::{self, RuleMeta};
use crate::text::LineIndex;

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifLog {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
    enabled: bool,
}

#[derive(Serialize)]
struct RuleProperties {
    fix: &'static str,
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    /// The other places the finding concerns (every other location of an
    /// inconsistent translation).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
    partial_fingerprints: PartialFingerprints,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation {
    id: usize,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

#[derive(Serialize)]
struct PartialFingerprints {
    #[serde(rename = "salin/v1")]
    salin: String,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(meta: &'static RuleMeta) -> Rule {
    let docs = meta.documentation();
    Rule {
        id: meta.name,
        short_description: Text {
            text: meta.summary.to_string(),
        },
        full_description: Text {
            text: meta.summary.to_string(),
        },
        help: Help {
            text: format!("{}\n\n{docs}", meta.summary),
            markdown: format!("{}\n\n{docs}", meta.summary),
        },
        default_configuration: Configuration {
            level: level(meta.default_severity),
            enabled: meta.default_enabled,
        },
        properties: RuleProperties {
            fix: meta.fix.as_str(),
            tags: vec!["translation", "tagalog"],
        },
    }
}

/// A relative URI reference for a path: `/` separators, no leading `./`,
/// and every byte outside the unreserved set and `/` percent-encoded.
/// Absolute paths become `file://` URIs.
pub fn uri(path: &str) -> String {
    let portable = portable_path(path);
    let mut out = String::with_capacity(portable.len());
    if portable.starts_with('/') {
        out.push_str("file://");
    }
    for &b in portable.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(source: &str, index: &LineIndex, span: &std::ops::Range<usize>, snippet: bool) -> Region {
    let start = index.line_col(source, span.start);
    let end = index.line_col(source, span.end);
    Region {
        start_line: start.line,
        start_column: start.column,
        end_line: end.line,
        end_column: end.column,
        snippet: snippet.then(|| Text {
            text: source[span.clone()].to_string(),
        }),
    }
}

fn result(
    file: &FileReport<'_>,
    index: &LineIndex,
    d: &Diagnostic,
    occurrence: usize,
) -> SarifResult {
    let uri = uri(file.path);
    let fixes = d
        .fix
        .iter()
        .map(|fix| SarifFix {
            description: Text {
                text: match (fix.applicability, &d.suggestion) {
                    (Applicability::Safe, Some(s)) if s.is_empty() => "Delete (safe fix)".into(),
                    (Applicability::Unsafe, Some(s)) if s.is_empty() => {
                        "Delete (unsafe fix)".into()
                    }
                    (Applicability::Safe, Some(s)) => format!("Write `{s}` (safe fix)"),
                    (Applicability::Unsafe, Some(s)) => format!("Write `{s}` (unsafe fix)"),
                    (Applicability::Safe, None) => "Safe fix".to_string(),
                    (Applicability::Unsafe, None) => "Unsafe fix".to_string(),
                },
            },
            artifact_changes: vec![ArtifactChange {
                artifact_location: ArtifactLocation { uri: uri.clone() },
                replacements: fix
                    .edits
                    .iter()
                    .map(|e| Replacement {
                        deleted_region: region(file.source, index, &e.range, false),
                        inserted_content: Text {
                            text: e.replacement.clone(),
                        },
                    })
                    .collect(),
            }],
        })
        .collect();
    SarifResult {
        rule_id: d.rule,
        rule_index: rules::ALL.iter().position(|r| r.meta().name == d.rule),
        level: level(d.severity),
        message: Text {
            text: d.message.clone(),
        },
        related_locations: d
            .related
            .iter()
            .enumerate()
            .map(|(id, r)| RelatedLocation {
                id: id + 1,
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: r.path.as_deref().map_or_else(|| uri.clone(), self::uri),
                    },
                    region: Region {
                        start_line: r.start.0,
                        start_column: r.start.1,
                        end_line: r.end.0,
                        end_column: r.end.1,
                        snippet: None,
                    },
                },
                message: Text {
                    text: r.message.clone(),
                },
            })
            .collect(),
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri },
                region: region(file.source, index, &d.span, true),
            },
        }],
        fixes,
        partial_fingerprints: PartialFingerprints {
            salin: fingerprint(file.path, d.rule, &file.source[d.span.clone()], occurrence),
        },
    }
}

/// The SARIF log for every file's findings: one run, every rule described.
pub fn sarif(files: &[FileReport<'_>]) -> SarifLog {
    let mut results = Vec::new();
    for file in files {
        let index = file.line_index();
        for (d, occurrence) in file.diagnostics.iter().zip(occurrences(file)) {
            results.push(result(file, &index, d, occurrence));
        }
    }
    SarifLog {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "salin",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: rules::ALL.iter().map(|r| rule(r.meta())).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("./docs/mga ulat/100%.md"), "docs/mga%20ulat/100%25.md");
        assert_eq!(uri("/abs/ñ.md"), "file:///abs/%C3%B1.md");
    }

    #[test]
    fn snapshot() {
        let (path, source, diagnostics) = sample();
        let files = [FileReport {
            path,
            source: &source,
            diagnostics: &diagnostics,
        }];
        let mut log = serde_json::to_value(sarif(&files)).unwrap();
        // Every rule is described, in `rules::ALL` order; the list grows
        // and may be reordered with new rules, so the snapshot shows one
        // rule, found by its id, and each result's `ruleIndex` is checked to
        // point at its rule, then shown as such.
        let rules = log["runs"][0]["tool"]["driver"]["rules"].take();
        let rules = rules.as_array().unwrap();
        assert_eq!(rules.len(), rules::ALL.len());
        for (i, r) in rules.iter().enumerate() {
            assert_eq!(r["id"], rules::ALL[i].meta().name);
            assert!(r["help"]["markdown"].as_str().unwrap().contains("## Bad"));
        }
        for result in log["runs"][0]["results"].as_array_mut().unwrap() {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
            result["ruleIndex"] = "[index of ruleId]".into();
        }
        let mut shown = rules
            .iter()
            .find(|r| r["id"] == "hyphen-spacing")
            .unwrap()
            .clone();
        shown["help"] = "[the rule's documentation]".into();
        log["runs"][0]["tool"]["driver"]["rules"] = serde_json::json!([shown, "..."]);
        log["runs"][0]["tool"]["driver"]["version"] = "[version]".into();
        log["runs"][0]["tool"]["driver"]["semanticVersion"] = "[version]".into();
        insta::assert_snapshot!(serde_json::to_string_pretty(&log).unwrap());
    }
}
