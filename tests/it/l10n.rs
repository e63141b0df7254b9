//! Localisation files: each format round-trips under `--fix` (only the
//! fixed values' bytes change; comments and layout stay), and an
//! auto-translated YAML locale paired with its English source gets every
//! placeholder, number and hyphen problem reported at its line and column.

use crate::common::{salin, skeleton};
use std::fs;
use std::path::Path;
use std::sync::Arc;

use salin::fix::fix_document;
use salin::{Applicability, Checker, Document, Format, Glossary};
use tempfile::TempDir;

fn fixture(name: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

/// Fixes `target` (paired with `source`, if any) with every fix, checks that
/// only values changed, and returns the fixed text.
fn round_trip(target: &str, format: Format, source: Option<&str>) -> String {
    let text = fixture(target);
    let mut doc = Document::new(target, text, format);
    if let Some(source) = source {
        let format = Format::from_path(Path::new(source)).unwrap();
        doc = doc.with_source(Arc::new(Document::new(source, fixture(source), format)));
    }
    let checker = Checker::new(Glossary::embedded()).with_dictionary(None);
    let fixed = fix_document(&checker, &doc, Applicability::Unsafe);
    assert_ne!(fixed.text, doc.text, "{target}: nothing was fixed");
    let after = Document::new(target, fixed.text.clone(), format);
    assert_eq!(skeleton(&after), skeleton(&doc), "{target}: layout changed");
    assert_eq!(after.units.len(), doc.units.len());
    fixed.text
}

#[test]
fn yaml_round_trips() {
    insta::assert_snapshot!(round_trip(
        "samples/l10n/tl.yml",
        Format::Yaml,
        Some("samples/l10n/en.yml")
    ));
}

#[test]
fn json_round_trips() {
    insta::assert_snapshot!(round_trip(
        "tests/fixtures/l10n/tl.json",
        Format::Json,
        Some("tests/fixtures/l10n/en.json")
    ));
}

#[test]
fn po_round_trips() {
    insta::assert_snapshot!(round_trip("tests/fixtures/l10n/tl.po", Format::Po, None));
}

#[test]
fn xliff_round_trips() {
    insta::assert_snapshot!(round_trip(
        "tests/fixtures/l10n/tl.xlf",
        Format::Xliff,
        None
    ));
}

/// `line:column rule text` of every finding of `salin check ARGS`.
fn findings(args: &[&str]) -> Vec<String> {
    let out = salin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--no-dictionary", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let d: serde_json::Value = serde_json::from_str(l).unwrap();
            format!(
                "{}:{} {} {}",
                d["line"],
                d["column"],
                d["rule"].as_str().unwrap(),
                d["text"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn yaml_pair_reports_every_problem_at_its_place() {
    assert_eq!(
        findings(&["--source", "samples/l10n/en.yml", "samples/l10n/tl.yml"]),
        [
            "5:11 hyphen-spacing I -save",
            "6:23 punctuation-mismatch .",
            "8:38 placeholder-mismatch {{pangalan}}",
            "9:33 punctuation-mismatch ",
            "11:33 hyphen-spacing pag -reset",
            "12:35 number-mismatch 13",
            "14:26 placeholder-mismatch {{bilang}}",
            "16:70 number-mismatch 1,050",
            "20:31 placeholder-mismatch {{minuto}}",
            "22:20 hyphen-spacing I -update",
            "23:12 hyphen-spacing I -sync",
            "26:44 missing-key ",
            "27:5 extra-key skipp",
        ]
    );
}

#[test]
fn source_aware_rules_are_silent_without_a_source() {
    let found = findings(&["--no-source", "samples/l10n/tl.yml"]);
    assert!(
        found.iter().all(|f| f.contains("hyphen-spacing")),
        "{found:?}"
    );
    assert_eq!(found.len(), 4);
}

#[test]
fn pairs_in_the_configuration() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("locales/en")).unwrap();
    fs::create_dir_all(d.join("locales/tl")).unwrap();
    fs::write(
        d.join("salin.toml"),
        "[[pairs]]\ntarget = \"locales/tl/*.json\"\nsource = \"{parent}/en/{name}\"\n",
    )
    .unwrap();
    fs::write(
        d.join("locales/en/app.json"),
        r#"{"hi": "Hello, {name}!", "bye": "Bye"}"#,
    )
    .unwrap();
    fs::write(
        d.join("locales/tl/app.json"),
        r#"{"hi": "Kumusta, {pangalan}!"}"#,
    )
    .unwrap();
    // An English file beside it is not read when walking: its path names no
    // Filipino locale.
    let out = salin()
        .current_dir(d)
        .args(["check", "--format", "jsonl", "--no-dictionary", "."])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rules: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!(
                "{} {}",
                v["path"].as_str().unwrap(),
                v["rule"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        rules,
        [
            "./locales/tl/app.json placeholder-mismatch",
            "./locales/tl/app.json missing-key"
        ]
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn article_pairs_align_paragraphs() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    fs::write(
        d.join("a.en.md"),
        "# Rates\n\nThe fee is 250 pesos.\n\nSee [the table](https://x.ph/rates).\n",
    )
    .unwrap();
    fs::write(
        d.join("a.tl.md"),
        "# Mga singil\n\nAng bayad ay 520 piso.\n\nTingnan ang [talaan](https://x.ph/singil).\n",
    )
    .unwrap();
    let out = salin()
        .current_dir(d)
        .args([
            "check",
            "--format",
            "jsonl",
            "--no-dictionary",
            "--source",
            "a.en.md",
            "a.tl.md",
        ])
        .output()
        .unwrap();
    let found: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!(
                "{}:{} {}",
                v["line"],
                v["column"],
                v["rule"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(found, ["3:14 number-mismatch", "5:20 placeholder-mismatch"]);
}

#[test]
fn missing_source_is_an_error() {
    salin()
        .args(["check", "--source", "no-such-en.yml", "-"])
        .write_stdin("a: b\n")
        .assert()
        .code(2)
        .stderr("salin: error: no-such-en.yml: no such file or directory\n");
}

#[test]
fn yaml_suppression_on_the_line() {
    let out = salin()
        .args(["check", "--format", "jsonl", "--no-dictionary", "--stdin-filename", "tl.yml", "-"])
        .write_stdin("a: I -save # salin: ignore[hyphen-spacing]\nb: I -sync\nc: x # salin: ignore[repeated-word]\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rules: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!("{} {}", v["line"], v["rule"].as_str().unwrap())
        })
        .collect();
    assert_eq!(rules, ["2 hyphen-spacing", "3 unused-suppression"]);
}

#[test]
fn fuzzy_po_entries_only_when_asked() {
    let po = "#, fuzzy\nmsgid \"Save\"\nmsgstr \"I -save\"\n";
    let run = |extra: &[&str]| {
        salin()
            .args([
                "check",
                "--no-dictionary",
                "--format",
                "jsonl",
                "--stdin-filename",
                "tl.po",
            ])
            .args(extra)
            .arg("-")
            .write_stdin(po)
            .output()
            .unwrap()
            .stdout
            .len()
    };
    assert_eq!(run(&[]), 0);
    assert!(run(&["--include-fuzzy"]) > 0);
}

#[test]
fn explain_shows_a_source_aware_rule() {
    let out = salin()
        .args(["explain", "placeholder-mismatch"])
        .output()
        .unwrap();
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(
        doc.contains("Hello, {{name}}! → Kumusta, {{pangalan}}!"),
        "{doc}"
    );
}
