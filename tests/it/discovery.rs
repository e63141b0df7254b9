//! File discovery: ignore files, hidden entries, excludes, types, binary files.

use crate::common::salin_in;
use std::fs;
use std::path::Path;

use tempfile::TempDir;

fn put(dir: &Path, name: &str, text: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The paths reported by `salin check --format jsonl ARGS`, in order.
fn reported(dir: &Path, args: &[&str]) -> (Vec<String>, String) {
    let out = salin_in(dir)
        .args(["check", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    let paths = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    (paths, String::from_utf8(out.stderr).unwrap())
}

const BAD: &[u8] = b"pag -unlad\n";

fn repository() -> TempDir {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(d)
        .status()
        .unwrap();
    put(d, ".gitignore", b"build/\n*.draft.md\n");
    put(d, ".ignore", b"private/\n");
    put(d, "a.md", BAD);
    put(d, "b.txt", BAD);
    put(d, "c.rs", BAD);
    put(d, "build/out.md", BAD);
    put(d, "notes.draft.md", BAD);
    put(d, "private/p.md", BAD);
    put(d, ".github/h.md", BAD);
    put(d, "node_modules/pkg/readme.md", BAD);
    put(d, "docs/legacy/old.md", BAD);
    put(d, "docs/new.md", BAD);
    put(d, "docs/z.txt", BAD);
    dir
}

#[test]
fn ignore_files_hidden_and_default_excludes_are_skipped_in_sorted_order() {
    let dir = repository();
    let (paths, _) = reported(dir.path(), &[]);
    assert_eq!(
        paths,
        [
            "./a.md",
            "./b.txt",
            "./docs/legacy/old.md",
            "./docs/new.md",
            "./docs/z.txt"
        ]
    );
    // The same without git: `.gitignore` still applies.
    fs::remove_dir_all(dir.path().join(".git")).unwrap();
    let (again, _) = reported(dir.path(), &["."]);
    assert_eq!(again, paths);
}

#[test]
fn exclude_extend_exclude_and_force_exclude() {
    let dir = repository();
    let d = dir.path();
    let (paths, _) = reported(d, &["--extend-exclude", "docs/legacy/", "docs"]);
    assert_eq!(paths, ["docs/new.md", "docs/z.txt"]);
    // `--exclude` replaces the defaults: node_modules comes back.
    let (paths, _) = reported(d, &["--exclude", "*.txt", "."]);
    assert_eq!(
        paths,
        [
            "./a.md",
            "./docs/legacy/old.md",
            "./docs/new.md",
            "./node_modules/pkg/readme.md"
        ]
    );
    // Named files are checked even when excluded, unless --force-exclude.
    let (paths, _) = reported(
        d,
        &["--extend-exclude", "docs/legacy", "docs/legacy/old.md"],
    );
    assert_eq!(paths, ["docs/legacy/old.md"]);
    let out = salin_in(d)
        .args([
            "check",
            "--force-exclude",
            "--extend-exclude",
            "docs/legacy",
            "docs/legacy/old.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // Without a configuration file, the root is the current directory.
    let (paths, _) = reported(
        &d.join("docs"),
        &[
            "--force-exclude",
            "--extend-exclude",
            "/new.md",
            "new.md",
            "z.txt",
        ],
    );
    assert_eq!(paths, ["z.txt"]);
}

#[test]
fn type_filter() {
    let dir = repository();
    let (paths, _) = reported(dir.path(), &["--type", "text"]);
    assert_eq!(paths, ["./b.txt", "./docs/z.txt"]);
    let (paths, _) = reported(dir.path(), &["--type", "markdown", "b.txt", "a.md"]);
    assert_eq!(paths, ["a.md"]);
}

#[test]
fn binary_files_are_skipped_with_a_note() {
    let dir = TempDir::new().unwrap();
    put(dir.path(), "a.txt", b"\x00\x01PNG pag -unlad");
    put(dir.path(), "b.txt", BAD);
    let (paths, stderr) = reported(dir.path(), &["."]);
    assert_eq!(paths, ["./b.txt"]);
    assert_eq!(stderr, "salin: note: ./a.txt: binary file, skipped\n");
}
