//! The CI report formats end to end: SARIF validated against the official
//! SARIF 2.1.0 schema, GitHub workflow commands, GitLab Code Quality, JUnit,
//! `--statistics` and `--output-file`.

use crate::common::salin_in;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// `salin check --isolated` in the repository.
fn check() -> Command {
    let mut cmd = salin_in(Path::new(env!("CARGO_MANIFEST_DIR")));
    cmd.args(["check", "--isolated"]);
    cmd
}

fn run(args: &[&str]) -> (i32, String) {
    let out = check().args(args).output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// The official schema (vendored unchanged), with one erratum worked around
/// in memory: the pattern of the `language` properties,
/// `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, has a stray `]` that only
/// JavaScript's lenient regex syntax accepts, so a strict validator rejects
/// the schema itself. salin never writes a `language`.
fn sarif_schema() -> serde_json::Value {
    const BAD: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    fn fix(v: &mut serde_json::Value, fixed: &mut usize) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    if k == "pattern" && v == BAD {
                        *v = BAD.replace("}]?", "}\\]?").into();
                        *fixed += 1;
                    } else {
                        fix(v, fixed);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| fix(v, fixed)),
            _ => {}
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-2.1.0-rtm.5.json");
    let mut schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let mut fixed = 0;
    fix(&mut schema, &mut fixed);
    assert_eq!(fixed, 2, "the erratum is where it was");
    schema
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema = sarif_schema();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let (code, out) = run(&["--format", "sarif", "samples"]);
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() > 10);
    // The validator does catch mistakes.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
    // Every result points at a described rule.
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        assert!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("samples/")
        );
    }
    // A clean run is valid too.
    let (code, clean) = run(&["--format", "sarif", "tests/clean"]);
    assert_eq!(code, 0);
    assert!(validator.is_valid(&serde_json::from_str(&clean).unwrap()));
}

#[test]
fn github_workflow_commands() {
    let (code, out) = run(&["--format", "github", "samples/mt-article.md"]);
    assert_eq!(code, 1);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=samples/mt-article.md,line=")
            && first.contains(",title=salin ("),
        "{first}"
    );
    for line in out.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
    }
}

#[test]
fn gitlab_code_quality() {
    let (_, out) = run(&["--format", "gitlab", "samples"]);
    let issues: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(!issues.is_empty());
    for i in &issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[key].is_string(), "{key} in {i}");
        }
        assert!(["info", "minor", "major"].contains(&i["severity"].as_str().unwrap()));
        assert!(
            i["location"]["path"]
                .as_str()
                .unwrap()
                .starts_with("samples/")
        );
        assert!(i["location"]["positions"]["begin"]["line"].is_u64());
    }
    let mut prints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    prints.sort();
    prints.dedup();
    assert_eq!(prints.len(), issues.len());
}

#[test]
fn junit_counts_failures() {
    let (_, out) = run(&[
        "--format",
        "junit",
        "samples/mt-article.md",
        "tests/clean/news-1.txt",
    ]);
    assert!(
        out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"salin\"")
    );
    assert_eq!(out.matches("<testsuite ").count(), 2);
    assert_eq!(
        out.matches("<failure ").count(),
        out.matches("<testcase ").count() - 1
    );
    assert!(out.contains("<testcase name=\"tests/clean/news-1.txt\" classname=\"salin\"/>"));
}

#[test]
fn statistics_and_output_file() {
    let (code, table) = run(&["--statistics", "samples/mt-article.md"]);
    assert_eq!(code, 1);
    assert!(table.starts_with("COUNT  RULE"), "{table}");
    let (_, json) = run(&["--statistics", "--format", "json", "samples/mt-article.md"]);
    let counts: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let (_, all) = run(&["--format", "json", "samples/mt-article.md"]);
    let all: Vec<serde_json::Value> = serde_json::from_str(&all).unwrap();
    assert_eq!(
        counts
            .iter()
            .map(|c| c["count"].as_u64().unwrap())
            .sum::<u64>(),
        all.len() as u64
    );

    let dir = TempDir::new().unwrap();
    let report = dir.path().join("salin.sarif");
    let out = check()
        .args(["--format", "sarif", "--output-file"])
        .arg(&report)
        .arg("samples")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let log: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
    // With --fix on stdin, stdout keeps the fixed text; the report goes to the file.
    let out = check()
        .args(["--fix", "--format", "json", "--output-file"])
        .arg(&report)
        .arg("-")
        .write_stdin("pag -unlad ng Innovant\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "pag-unlad ng Innovant\n"
    );
    let remaining: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(remaining[0]["rule"], "glossary-near-miss");
    let out = check()
        .args(["--output-file", "/nonexistent/dir/r.txt", "tests/clean"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "salin: error: /nonexistent/dir/r.txt: no such file or directory\n"
    );
}
