//! The README's examples, run: each output shown there is what salin
//! prints, each configuration shown there is accepted. (Its Rust example
//! runs as a doctest, `ReadmeDoctests` in `src/lib.rs`.)

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

fn readme() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The body of the first fenced block of language `lang` after `marker`.
fn block_after(marker: &str, lang: &str) -> String {
    let readme = readme();
    let at = readme
        .find(marker)
        .unwrap_or_else(|| panic!("README lacks {marker:?}"));
    let fence = format!("```{lang}\n");
    let start = at + readme[at..].find(&fence).unwrap() + fence.len();
    let end = start + readme[start..].find("```\n").unwrap();
    readme[start..end].to_string()
}

use crate::common::salin_check_in as salin;

fn balita(dir: &Path) {
    fs::write(dir.join("balita.txt"), block_after("`balita.txt`:", "text")).unwrap();
}

#[test]
fn the_example_report_is_what_salin_prints() {
    let dir = TempDir::new().unwrap();
    balita(dir.path());
    let out = salin(dir.path()).arg("balita.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        block_after("`salin check balita.txt` (exit status 1):", "text")
    );
}

#[test]
fn the_example_diff_is_what_salin_prints() {
    let dir = TempDir::new().unwrap();
    balita(dir.path());
    let out = salin(dir.path())
        .args(["--diff", "balita.txt"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        block_after("`salin check --diff balita.txt`:", "diff")
    );
}

#[test]
fn the_stdin_example_prints_the_fixed_text_and_reports_the_rest() {
    let dir = TempDir::new().unwrap();
    balita(dir.path());
    let fixed = block_after("`salin check --diff balita.txt`:", "diff")
        .lines()
        .filter_map(|l| l.strip_prefix('+').filter(|l| !l.starts_with("++")))
        .map(|l| format!("{l}\n"))
        .collect::<String>();
    let out = salin(dir.path())
        .args(["--fix", "-"])
        .write_stdin(fs::read(dir.path().join("balita.txt")).unwrap())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), fixed);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("warning[glossary-near-miss]"), "{err}");
    assert!(err.ends_with("Fixed 4 problems. Found 1 problem (1 warning). 1 fixable with `--fix --unsafe-fixes`.\n"), "{err}");
}

#[test]
fn the_suppression_example_suppresses_what_it_names() {
    let example = block_after("## Suppressions", "markdown");
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.md"), &example).unwrap();
    let out = salin(dir.path()).arg("a.md").output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "No problems found.\n"
    );
    assert_eq!(out.status.code(), Some(0));
    // Without its comments, the text has the findings they name.
    let bare: String = example
        .lines()
        .filter(|l| !l.starts_with("<!--"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(dir.path().join("b.md"), bare).unwrap();
    let out = salin(dir.path())
        .args(["--format", "jsonl", "b.md"])
        .output()
        .unwrap();
    let rules: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["rule"].to_string())
        .collect();
    assert_eq!(
        rules,
        [
            "\"glossary-case\"",
            "\"repeated-word\"",
            "\"punctuation-spacing\""
        ]
    );
}

#[test]
fn the_json_example_is_what_salin_prints() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("balita.txt"), "Ang pag -unlad.\n").unwrap();
    let out = salin(dir.path())
        .args(["--format", "json", "balita.txt"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        block_after("## JSON output (stable)", "json")
    );
}

#[test]
fn the_configuration_examples_are_accepted() {
    for marker in [
        "## Configuration",
        "with `[[pairs]]` in\n`salin.toml` (which wins over the convention)",
    ] {
        let dir = TempDir::new().unwrap();
        fs::write(dir.path().join("salin.toml"), block_after(marker, "toml")).unwrap();
        let out = Command::cargo_bin("salin")
            .unwrap()
            .current_dir(dir.path())
            .arg("config")
            .output()
            .unwrap();
        assert_eq!(
            (out.status.code(), String::from_utf8(out.stderr).unwrap()),
            (Some(0), String::new()),
            "{marker}"
        );
    }
}

#[test]
fn the_glossary_example_loads() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("names.toml"),
        block_after("hand-written glossaries", "toml"),
    )
    .unwrap();
    let out = Command::cargo_bin("salin")
        .unwrap()
        .current_dir(dir.path())
        .args(["glossary", "check", "names.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    // The forbidden form is flagged with the canonical form as its fix.
    let out = salin(dir.path())
        .args(["--no-default-glossary", "--glossary", "names.toml"])
        .args(["--format", "jsonl", "--stdin-filename", "a.txt", "-"])
        .write_stdin("Nasa Bayan ng Huacao sila.\n")
        .output()
        .unwrap();
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    assert_eq!(
        (v["rule"].as_str(), v["suggestion"].as_str()),
        (Some("glossary-forbidden"), Some("Huacao Town"))
    );
}
