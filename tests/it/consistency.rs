//! The checks across segments and files (`inconsistent-translation`,
//! `inconsistent-source`), length limits and their every location in every
//! report format.

use std::fs;

use tempfile::TempDir;

use crate::common::salin_check_in;

/// Two translated files of one app: `Save` is `I-save` in one and `Itago`
/// in the other, twice.
fn app() -> TempDir {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    for (path, text) in [
        ("one/en.json", r#"{"save": "Save", "open": "Open"}"#),
        (
            "one/tl.json",
            "{\"save\": \"I-save\", \"open\": \"Buksan\"}\n",
        ),
        ("two/en.json", r#"{"keep": "Save", "store": "Save"}"#),
        (
            "two/tl.json",
            "{\n  \"keep\": \"Itago\",\n  \"store\": \"Itago\"\n}\n",
        ),
    ] {
        let p = d.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    dir
}

fn run(dir: &TempDir, format: &str) -> String {
    let out = salin_check_in(dir.path())
        .args([
            "--select",
            "inconsistent-translation",
            "--format",
            format,
            "one",
            "two",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Each file reports the inconsistency once, on its own first place, and
/// lists every other place, in this file and the other.
#[test]
fn every_location_in_json_and_jsonl() {
    let dir = app();
    let json: serde_json::Value = serde_json::from_str(&run(&dir, "json")).unwrap();
    let findings = json.as_array().unwrap();
    let places = |f: &serde_json::Value| -> Vec<String> {
        f["related"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                format!(
                    "{}:{}:{} {}",
                    r["path"].as_str().unwrap(),
                    r["line"],
                    r["column"],
                    r["message"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["path"], "one/tl.json");
    assert_eq!(
        findings[0]["message"],
        "the source text `Save` is translated in 2 ways: `I-save` (1), `Itago` (2)"
    );
    assert_eq!(findings[0]["source_path"], "one/en.json");
    assert_eq!(
        places(&findings[0]),
        [
            "two/tl.json:2:12 translated `Itago`",
            "two/tl.json:3:13 translated `Itago`"
        ]
    );
    assert_eq!(findings[1]["path"], "two/tl.json");
    assert_eq!(
        places(&findings[1]),
        [
            "two/tl.json:3:13 translated `Itago`",
            "one/tl.json:1:11 translated `I-save`"
        ]
    );
    let jsonl = run(&dir, "jsonl");
    assert_eq!(jsonl.lines().count(), 2);
    assert!(jsonl.contains("\"related\":[{\"path\":\"two/tl.json\",\"line\":2,\"column\":12"));
}

#[test]
fn every_location_in_sarif() {
    let sarif: serde_json::Value = serde_json::from_str(&run(&app(), "sarif")).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let related = results[0]["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 2);
    assert_eq!(related[0]["id"], 1);
    assert_eq!(
        related[0]["physicalLocation"]["artifactLocation"]["uri"],
        "two/tl.json"
    );
    assert_eq!(related[0]["physicalLocation"]["region"]["startLine"], 2);
    assert_eq!(related[1]["message"]["text"], "translated `Itago`");
}

#[test]
fn every_location_in_the_text_formats() {
    let dir = app();
    let text = run(&dir, "text");
    assert!(
        text.contains("  = note: also at two/tl.json:2:12: translated `Itago`\n"),
        "{text}"
    );
    assert!(
        text.contains("  = note: also at one/tl.json:1:11: translated `I-save`"),
        "{text}"
    );
    let github = run(&dir, "github");
    assert!(
        github
            .contains("%0Aalso at two/tl.json:2:12: translated `Itago`%0Aalso at two/tl.json:3:13"),
        "{github}"
    );
    let gitlab: serde_json::Value = serde_json::from_str(&run(&dir, "gitlab")).unwrap();
    let issue = &gitlab[0];
    assert!(issue["description"].as_str().unwrap().ends_with(
        "; also at two/tl.json:2:12: translated `Itago`; also at two/tl.json:3:13: translated `Itago`"
    ));
    assert_eq!(issue["other_locations"][1]["path"], "two/tl.json");
    assert_eq!(issue["other_locations"][1]["positions"]["begin"]["line"], 3);
    let junit = run(&dir, "junit");
    assert!(
        junit.contains("\nalso at two/tl.json:2:12: translated `Itago`"),
        "{junit}"
    );
    let html = run(&dir, "html");
    assert!(
        html.contains("<span class=\"where\">two/tl.json, line 2, column 12</span>: translated <code>Itago</code>"),
        "html lacks the related places"
    );
}

/// A single file is checked for consistency within itself.
#[test]
fn within_one_file_and_the_source_check() {
    let dir = app();
    let check = || {
        let out = salin_check_in(dir.path())
            .args(["--format", "jsonl", "--select"])
            .args([
                "inconsistent-translation,inconsistent-source",
                "two/tl.json",
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(check(), "");
    let sources = r#"{"keep": "Keep", "store": "Store"}"#;
    fs::write(dir.path().join("two/en.json"), sources).unwrap();
    let stdout = check();
    assert!(
        stdout.contains(
            "the translation `Itago` stands for 2 different source texts: `Keep`, `Store`"
        ),
        "{stdout}"
    );
}

/// `[[max-length]]` in the configuration, per file glob and key pattern.
#[test]
fn configured_length_limits() {
    let dir = app();
    fs::write(
        dir.path().join("salin.toml"),
        "[[max-length]]\nfiles = [\"one/*.json\"]\nkeys = [\"open\"]\nchars = 5\n",
    )
    .unwrap();
    let out = crate::common::salin_in(dir.path())
        .args([
            "check",
            "--no-dictionary",
            "--format",
            "jsonl",
            "--select",
            "length-limit",
            ".",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains("\"message\":\"the translation has 6 characters; salin.toml:1 allows 5\"")
    );
    assert!(stdout.contains("\"path\":\"./one/tl.json\""));
}

/// An article's paragraphs are compared within the article, not with
/// other articles: each document is translated in its own context.
#[test]
fn articles_are_compared_within_themselves() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    for (path, text) in [
        (
            "a.en.md",
            "Contact us by phone.\n\nWe open at nine.\n\nContact us by phone.\n",
        ),
        (
            "a.tl.md",
            "Tawagan kami.\n\nBukas kami sa alas-nuwebe.\n\nKontakin kami sa telepono.\n",
        ),
        ("b.en.md", "Contact us by phone.\n"),
        ("b.tl.md", "Makipag-ugnayan sa amin sa telepono.\n"),
    ] {
        fs::write(d.join(path), text).unwrap();
    }
    let out = salin_check_in(d)
        .args([
            "--select",
            "inconsistent-translation",
            "--format",
            "jsonl",
            "a.tl.md",
            "b.tl.md",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let findings: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(findings.len(), 1, "{stdout}");
    assert_eq!(findings[0]["path"], "a.tl.md");
    assert_eq!(findings[0]["line"], 1);
    assert_eq!(findings[0]["related"].as_array().unwrap().len(), 1);
    assert_eq!(findings[0]["related"][0]["path"], "a.tl.md");
    assert_eq!(findings[0]["related"][0]["line"], 5);
}
