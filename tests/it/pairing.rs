//! Pairing by convention: a Filipino file is checked against the English
//! file at the same path with `en` for its `tl`/`fil` tag, with no flag;
//! `--no-source` and `auto-pair = false` turn that off.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use crate::common::salin_check_in;

/// A tree of files under a new temporary directory.
fn tree(files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    dir
}

/// `path rule source_path` of every finding of `salin check ARGS` in `dir`.
fn findings(dir: &Path, args: &[&str]) -> Vec<String> {
    let out = salin_check_in(dir)
        .args(["--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.code().unwrap() < 2, "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let d: serde_json::Value = serde_json::from_str(l).unwrap();
            let source = d["source_path"].as_str().unwrap_or("-");
            format!(
                "{} {} {source}",
                d["path"].as_str().unwrap(),
                d["rule"].as_str().unwrap()
            )
        })
        .collect()
}

/// Every layout of the issue: the English file is found beside the
/// Filipino one, its placeholders compared, and the JSON names it.
#[test]
fn every_layout_pairs_with_its_english_file() {
    let json_en = r#"{"greeting": "Hello, {{name}}!"}"#;
    let json_tl = r#"{"greeting": "Kumusta, {{pangalan}}!"}"#;
    let dir = tree(&[
        ("locales/tl/common.json", json_tl),
        ("locales/en/common.json", json_en),
        (
            "config/locales/tl.yml",
            "tl:\n  greeting: \"Kumusta, %{pangalan}!\"\n",
        ),
        (
            "config/locales/en.yml",
            "en:\n  greeting: \"Hello, %{name}!\"\n",
        ),
        (
            "lib/l10n/app_fil.arb",
            r#"{"greeting": "Kumusta, {pangalan}!"}"#,
        ),
        ("lib/l10n/app_en.arb", r#"{"greeting": "Hello, {name}!"}"#),
        (
            "_locales/fil/messages.json",
            r#"{"greeting": {"message": "Kumusta, $PANGALAN$!"}}"#,
        ),
        (
            "_locales/en/messages.json",
            r#"{"greeting": {"message": "Hello, $NAME$!"}}"#,
        ),
        (
            "news/ulat.tl.md",
            "Basahin ang [gabay](https://halimbawa.ph/tl).\n",
        ),
        (
            "news/ulat.en.md",
            "Read the [guide](https://example.com/en).\n",
        ),
    ]);
    assert_eq!(
        findings(dir.path(), &["."]),
        [
            "./_locales/fil/messages.json placeholder-mismatch ./_locales/en/messages.json",
            "./config/locales/tl.yml placeholder-mismatch ./config/locales/en.yml",
            "./lib/l10n/app_fil.arb placeholder-mismatch ./lib/l10n/app_en.arb",
            "./locales/tl/common.json placeholder-mismatch ./locales/en/common.json",
            "./news/ulat.tl.md placeholder-mismatch ./news/ulat.en.md",
        ]
    );
    // Named explicitly, a file is paired the same way.
    assert_eq!(
        findings(dir.path(), &["locales/tl/common.json"]),
        ["locales/tl/common.json placeholder-mismatch locales/en/common.json"]
    );
}

/// The text report says once which source each file was checked against.
#[test]
fn the_text_report_names_the_source() {
    let dir = tree(&[
        (
            "locales/tl.json",
            r#"{"a": "Kumusta, {pangalan}!", "b": "Oo"}"#,
        ),
        ("locales/en.json", r#"{"a": "Hello, {name}!", "b": "Yes"}"#),
        ("locales/fil.json", r#"{"a": "Kumusta, {name}!"}"#),
    ]);
    let out = salin_check_in(dir.path())
        .args(["locales/tl.json", "locales/fil.json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout
            .matches("note: locales/tl.json is checked against locales/en.json\n")
            .count(),
        1,
        "{stdout}"
    );
    assert_eq!(
        stdout
            .matches("note: locales/fil.json is checked against locales/en.json\n")
            .count(),
        1,
        "{stdout}"
    );
    assert!(stdout.contains("placeholder `{pangalan}` is not in the source"));
}

/// Without an English file, a file is checked without a source, and that
/// is no error.
#[test]
fn a_missing_english_file_is_no_error() {
    let dir = tree(&[
        (
            "locales/tl/common.json",
            r#"{"a": "Kumusta, {{pangalan}}! Ang pag -unlad"}"#,
        ),
        ("locales/fr/common.json", r#"{"a": "Bonjour, {{nom}} !"}"#),
    ]);
    let out = salin_check_in(dir.path()).arg(".").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!stdout.contains("checked against"), "{stdout}");
    assert_eq!(
        findings(dir.path(), &["."]),
        ["./locales/tl/common.json hyphen-spacing -"]
    );
}

/// `--no-source` and `auto-pair = false` check without the English file;
/// `[[pairs]]` still applies with `auto-pair = false`, not with
/// `--no-source`.
#[test]
fn no_source_and_auto_pair_false() {
    let dir = tree(&[
        ("locales/tl.json", r#"{"a": "Kumusta, {pangalan}!"}"#),
        ("locales/en.json", r#"{"a": "Hello, {name}!"}"#),
        ("other/en-GB.json", r#"{"a": "Hello, {user}!"}"#),
    ]);
    let d = dir.path();
    let paired = ["locales/tl.json placeholder-mismatch locales/en.json"];
    assert_eq!(findings(d, &["locales/tl.json"]), paired);
    assert!(findings(d, &["--no-source", "locales/tl.json"]).is_empty());
    fs::write(d.join("salin.toml"), "auto-pair = false\n").unwrap();
    let configured = |args: &[&str]| {
        let out = crate::common::salin_in(d)
            .args(["check", "--no-dictionary", "--format", "jsonl"])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().lines().count()
    };
    assert_eq!(configured(&["locales/tl.json"]), 0);
    fs::write(
        d.join("salin.toml"),
        "auto-pair = false\n[[pairs]]\ntarget = \"locales/tl.json\"\nsource = \"other/en-GB.json\"\n",
    )
    .unwrap();
    assert_eq!(configured(&["locales/tl.json"]), 1);
    assert_eq!(configured(&["--no-source", "locales/tl.json"]), 0);
    // `--source` and `--no-source` contradict each other.
    let out = salin_check_in(d)
        .args([
            "--no-source",
            "--source",
            "locales/en.json",
            "locales/tl.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A directory walk reads articles and Filipino locale files, and skips the
/// other languages' counterparts of Filipino files (the sources).
#[test]
fn walks_skip_the_counterparts_of_filipino_files() {
    let dir = tree(&[
        ("a/tl.md", "Ang pag -unlad.\n"),
        ("a/en.md", "The pag -unlad.\n"),
        ("b/README.tl.md", "Ang pag -unlad.\n"),
        ("b/README.es.md", "El pag -unlad.\n"),
        ("b/NOTES.md", "Ang pag -unlad.\n"),
        ("docs/tl/intro.txt", "Ang pag -unlad.\n"),
        ("docs/en/intro.txt", "The pag -unlad.\n"),
        ("docs/en/only.txt", "Ang pag -unlad.\n"),
        ("locales/en.yml", "a: pag -unlad\n"),
        ("locales/tl.yml", "a: pag -unlad\n"),
    ]);
    let mut paths: Vec<String> = findings(dir.path(), &["--no-source", "."])
        .into_iter()
        .map(|f| f.split(' ').next().unwrap().to_string())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "./a/tl.md",
            "./b/NOTES.md",
            "./b/README.tl.md",
            "./docs/en/only.txt",
            "./docs/tl/intro.txt",
            "./locales/tl.yml",
        ]
    );
}
