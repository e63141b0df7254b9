//! Issue 6's "done when": in a git repository with ignored files, a
//! configuration with overrides, suppressions in the text and a baseline,
//! `salin check` reports exactly the expected findings. Also
//! `--add-suppressions` and `--write-baseline` end to end.

use crate::common::salin_in;
use std::fs;
use std::path::Path;

use tempfile::TempDir;

fn put(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
        .status()
        .unwrap();
    assert!(status.success());
}

/// `path:line rule (severity) text` for each finding of `salin check ARGS`,
/// and the exit status.
fn check(dir: &Path, args: &[&str]) -> (Vec<String>, i32) {
    let out = salin_in(dir)
        .args(["check", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.is_empty(), "{stderr}");
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!(
                "{}:{} {} ({}) {}",
                v["path"].as_str().unwrap(),
                v["line"],
                v["rule"].as_str().unwrap(),
                v["severity"].as_str().unwrap(),
                v["text"].as_str().unwrap()
            )
        })
        .collect();
    (lines, out.status.code().unwrap())
}

fn repository() -> TempDir {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    put(
        d,
        "salin.toml",
        "extend-exclude = [\"vendor/\"]\n\
         [severity]\n\
         punctuation-spacing = \"info\"\n\
         [[overrides]]\n\
         files = [\"docs/legacy/**\"]\n\
         ignore = [\"hyphen-spacing\"]\n",
    );
    put(d, ".gitignore", "build/\n");
    put(d, "build/gen.md", "pag -unlad\n");
    put(d, "vendor/lib.md", "pag -unlad\n");
    put(d, ".hidden/x.md", "pag -unlad\n");
    put(
        d,
        "docs/balita.md",
        "# Balita\n\n\
         Ang pag -unlad ng bayan.\n\n\
         <!-- salin-disable-next-line repeated-word -->\n\
         Nanalo ito ng Award Award Award.\n\n\
         <!-- salin-disable -->\n\
         Ang ang pag -agaw ng Glaxosmithkline.\n\
         <!-- salin-enable -->\n\n\
         <!-- salin-disable-next-line glossary-case -->\n\
         Walang mali rito.\n",
    );
    put(
        d,
        "docs/legacy/luma.md",
        "Ang pag -unlad ng Glaxosmithkline , noon.\n",
    );
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "content"]);
    dir
}

#[test]
fn check_reports_exactly_the_expected_findings() {
    let dir = repository();
    let d = dir.path();
    let (found, code) = check(d, &[]);
    assert_eq!(
        found,
        [
            "./docs/balita.md:3 hyphen-spacing (error) pag -unlad",
            "./docs/balita.md:12 unused-suppression (warning) <!-- salin-disable-next-line glossary-case -->",
            "./docs/legacy/luma.md:1 glossary-case (error) Glaxosmithkline",
            "./docs/legacy/luma.md:1 punctuation-spacing (info)  ,",
        ]
    );
    assert_eq!(code, 1);

    // Record them as the baseline, then change the text: lines move, an old
    // finding is fixed, a new one appears.
    let out = salin_in(d)
        .args(["check", "--write-baseline", "salin-baseline.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "Wrote 4 findings to salin-baseline.json.\n"
    );
    let baseline = fs::read_to_string(d.join("salin-baseline.json")).unwrap();
    assert!(
        baseline.contains("\"path\": \"docs/balita.md\""),
        "{baseline}"
    );
    let (found, code) = check(d, &["--baseline", "salin-baseline.json"]);
    assert_eq!((found.len(), code), (0, 0));

    let balita = fs::read_to_string(d.join("docs/balita.md")).unwrap();
    put(
        d,
        "docs/balita.md",
        &format!("Panimula.\n\nIsa pa.\n\n{balita}Bago: ang pag -unlad muli.\n"),
    );
    put(
        d,
        "docs/legacy/luma.md",
        "Ang pag -unlad ng GlaxoSmithKline , noon.\n",
    );
    let (found, code) = check(d, &["--baseline", "salin-baseline.json"]);
    assert_eq!(
        found,
        ["./docs/balita.md:18 hyphen-spacing (error) pag -unlad"]
    );
    assert_eq!(code, 1);
    // Run from a subdirectory on one file: the same keys apply.
    let (found, _) = check(
        &d.join("docs"),
        &["--baseline", "../salin-baseline.json", "balita.md"],
    );
    assert_eq!(found, ["balita.md:18 hyphen-spacing (error) pag -unlad"]);
}

#[test]
fn add_suppressions_makes_the_next_run_clean() {
    let dir = repository();
    let d = dir.path();
    put(d, "docs/notes.txt", "pag -unlad\n");
    let out = salin_in(d)
        .args(["check", "--add-suppressions"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "Added 2 suppressions to 2 files.\n\
         salin: note: 1 finding in plain text or standard input cannot be suppressed (no comment syntax)\n"
    );
    assert_eq!(out.status.code(), Some(1));
    let (found, _) = check(d, &["docs"]);
    assert_eq!(
        found,
        [
            "docs/balita.md:13 unused-suppression (warning) <!-- salin-disable-next-line glossary-case -->",
            "docs/notes.txt:1 hyphen-spacing (error) pag -unlad",
        ]
    );
    assert!(
        fs::read_to_string(d.join("docs/legacy/luma.md"))
            .unwrap()
            .starts_with("<!-- salin-disable-next-line punctuation-spacing, glossary-case -->\nAng pag -unlad")
    );
    // The unused one goes with --fix.
    salin_in(d)
        .args(["check", "--fix", "docs/balita.md"])
        .assert()
        .code(0);
}

#[test]
fn bad_baseline_is_an_error() {
    let dir = repository();
    let d = dir.path();
    put(d, "b.json", "{\"version\": 1}");
    let out = salin_in(d)
        .args(["check", "--baseline", "b.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "salin: error: b.json: not a salin baseline: missing field `findings` at line 1 column 14\n"
    );
}
