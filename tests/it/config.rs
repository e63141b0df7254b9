//! The configuration file: discovery, keys, overrides, errors, `salin config`
//! and `salin init`.

use crate::common::salin_in;
use std::fs;
use std::path::Path;

use tempfile::TempDir;

fn put(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// `(path, rule, severity)` of each finding of `salin check --format jsonl ARGS`.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, String, String)> {
    let out = salin_in(dir)
        .args(["check", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code() != Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            (s("path"), s("rule"), s("severity"))
        })
        .collect()
}

fn f(path: &str, rule: &str, severity: &str) -> (String, String, String) {
    (path.into(), rule.into(), severity.into())
}

const TEXT: &str = "Ang pag -unlad ng Acme Widgets  ngayon.\n";

fn project() -> TempDir {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    put(
        d,
        "salin.toml",
        "glossaries = [\"terms/names.tsv\"]\n\
         extend-exclude = [\"/drafts/\"]\n\
         [severity]\n\
         punctuation-spacing = \"info\"\n\
         [[overrides]]\n\
         files = [\"docs/legacy/**\"]\n\
         ignore = [\"hyphen-spacing\"]\n",
    );
    put(d, "terms/names.tsv", "Acme Widgets\n");
    put(d, "docs/a.md", TEXT);
    put(d, "docs/legacy/old.md", TEXT);
    put(d, "drafts/d.md", TEXT);
    put(d, "docs/drafts/kept.md", "pag -unlad\n");
    dir
}

#[test]
fn configuration_is_found_upward_and_applies_overrides_and_severities() {
    let dir = project();
    let from_docs = findings(&dir.path().join("docs"), &[]);
    assert_eq!(
        from_docs,
        [
            f("./a.md", "hyphen-spacing", "error"),
            f("./a.md", "punctuation-spacing", "info"),
            f("./drafts/kept.md", "hyphen-spacing", "error"),
            f("./legacy/old.md", "punctuation-spacing", "info"),
        ]
    );
    // The configured glossary is read relative to the configuration file.
    let out = salin_in(&dir.path().join("docs"))
        .args(["check", "--format", "jsonl", "-"])
        .write_stdin("Ang acme widgets.\n")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("\"suggestion\":\"Acme Widgets\""),
    );
    // The command line comes after the configuration, overrides after both.
    assert_eq!(
        findings(dir.path(), &["--select", "hyphen-spacing", "docs"]),
        [
            f("docs/a.md", "hyphen-spacing", "error"),
            f("docs/drafts/kept.md", "hyphen-spacing", "error"),
        ]
    );
}

#[test]
fn isolated_and_explicit_config() {
    let dir = project();
    let d = dir.path();
    let isolated = findings(d, &["--isolated", "docs/legacy"]);
    assert_eq!(
        isolated,
        [
            f("docs/legacy/old.md", "hyphen-spacing", "error"),
            f("docs/legacy/old.md", "punctuation-spacing", "warning"),
        ]
    );
    put(
        d,
        "other/strict.toml",
        "select = [\"punctuation-spacing\"]\n",
    );
    assert_eq!(
        findings(d, &["--config", "other/strict.toml", "docs/a.md"]),
        [f("docs/a.md", "punctuation-spacing", "warning")]
    );
    let out = salin_in(d)
        .args(["check", "--config", "nowhere.toml", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "salin: error: nowhere.toml: no such file or directory\n"
    );
}

#[test]
fn bad_configuration_is_an_error_with_file_and_line() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    for (text, message) in [
        (
            "select = [\"hyphen-spacing\"]\nignored = []\n",
            "salin.toml:2: unknown field `ignored`, expected one of",
        ),
        (
            "[[overrides]]\nfiles = [\"a/**\"]\nignore = [\"hyphen-space\"]\n",
            "salin.toml:3: unknown rule `hyphen-space` (see `salin rules`)",
        ),
        (
            "glossaries = [\n\"g.tsv\",\n\"missing.tsv\"]\n",
            "salin.toml:3: glossary missing.tsv: no such file or directory",
        ),
    ] {
        put(d, "salin.toml", text);
        put(d, "g.tsv", "Acme\n");
        let out = salin_in(d)
            .args(["check", "-"])
            .write_stdin("x\n")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{text}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!("salin: error: {message}")) && stderr.lines().count() == 1,
            "{stderr}"
        );
    }
}

#[test]
fn format_from_configuration() {
    let dir = TempDir::new().unwrap();
    put(dir.path(), ".salin.toml", "format = \"json\"\n");
    let out = salin_in(dir.path())
        .args(["check", "-"])
        .write_stdin("pag -unlad\n")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["rule"], "hyphen-spacing");
}

#[test]
fn init_writes_a_starter_that_config_reads() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    salin_in(d).arg("init").assert().code(0);
    assert!(
        fs::read_to_string(d.join("salin.toml"))
            .unwrap()
            .contains("[[overrides]]")
    );
    let out = salin_in(d).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "salin: error: salin.toml: already exists; not overwritten\n"
    );
    let shown = String::from_utf8(salin_in(d).arg("config").output().unwrap().stdout).unwrap();
    assert!(shown.starts_with("# Configuration file: "), "{shown}");
    assert!(
        shown.contains("select = [\"hyphen-spacing\", \"affix-hyphen\", \"repeated-word\""),
        "{shown}"
    );
    assert!(
        shown.contains("[severity]\naffix-hyphen = \"error\"\ncode-mismatch = \"warning\"\ncompany-suffix = \"error\""),
        "{shown}"
    );
    let isolated = String::from_utf8(
        salin_in(d)
            .args(["config", "--isolated"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        isolated.starts_with("# No configuration file"),
        "{isolated}"
    );
}
