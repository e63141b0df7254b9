//! Reports that must say exactly what happened: diffs `patch` applies to
//! every file, positions of the file's own bytes, labels, key names, exit
//! statuses and flag combinations. Each case with its exact outcome.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

use crate::common::{run_check_in as run, salin_check_in as salin, stderr, stdout};

/// `text` in UTF-16LE (its `\u{feff}` is the BOM `FF FE`).
fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Applies `diff` with `patch -p0` in `dir`; `false` when `patch` is not
/// installed (CI installs it).
fn patch(dir: &Path, diff: &[u8]) -> bool {
    use std::io::Write;
    if !Path::new("/usr/bin/patch").exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have patch installed"
        );
        return false;
    }
    let mut child = std::process::Command::new("patch")
        .current_dir(dir)
        .args(["-p0", "--quiet", "--force"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(diff).unwrap();
    assert!(child.wait().unwrap().success(), "patch failed");
    true
}

#[test]
fn the_diff_applies_to_awkward_names_lone_cr_files_and_utf16() {
    let files: &[(&str, Vec<u8>)] = &[
        ("may puwang.txt", b"Ang pag -unlad ng bayan.\n".to_vec()),
        ("may\ttab.txt", b"Ang pag -unlad ng bayan.\n".to_vec()),
        ("may\nlinya.txt", b"Ang pag -unlad ng bayan.\n".to_vec()),
        ("\"sipi\".txt", b"Ang pag -unlad ng bayan.\n".to_vec()),
        ("cr.txt", b"Ang pag -unlad ng bayan.\rIsa pa.\r".to_vec()),
        ("u16.txt", utf16le("\u{feff}Ang pag -unlad\r\nIsa pa.\r\n")),
    ];
    let dir = TempDir::new().unwrap();
    let fixed = TempDir::new().unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
        fs::write(fixed.path().join(name), bytes).unwrap();
    }
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    let out = salin(dir.path())
        .arg("--diff")
        .args(&names)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diff = out.stdout;
    let head = String::from_utf8_lossy(&diff);
    assert!(
        head.starts_with(
            "--- \"may puwang.txt\"\n+++ \"may puwang.txt\"\n@@ -1 +1 @@\n-Ang pag -unlad ng bayan.\n+Ang pag-unlad ng bayan.\n\
             --- \"may\\ttab.txt\"\n"
        ),
        "{head}"
    );
    assert!(
        head.contains(
            "--- cr.txt\n+++ cr.txt\n@@ -1 +1 @@\n-Ang pag -unlad ng bayan.\rIsa pa.\r\n\\ No newline at end of file\n\
             +Ang pag-unlad ng bayan.\rIsa pa.\r\n\\ No newline at end of file\n"
        ),
        "{head}"
    );
    let out = salin(fixed.path())
        .arg("--fix")
        .args(&names)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    if patch(dir.path(), &diff) {
        for (name, _) in files {
            assert_eq!(
                fs::read(dir.path().join(name)).unwrap(),
                fs::read(fixed.path().join(name)).unwrap(),
                "{name:?}"
            );
        }
    }
    assert_eq!(
        fs::read(fixed.path().join("u16.txt")).unwrap(),
        utf16le("\u{feff}Ang pag-unlad\r\nIsa pa.\r\n")
    );
}

#[test]
fn utf16_positions_are_offsets_of_the_file_and_the_bom_is_no_column() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("u16.txt"),
        utf16le("\u{feff}Ang pag -unlad\n"),
    )
    .unwrap();
    let out = run(dir.path(), &["--format", "jsonl", "u16.txt"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    // BOM (2 bytes) + `Ang ` (8): `pag` starts at byte 10 of the file.
    assert_eq!(
        (
            &v["line"],
            &v["column"],
            &v["start_byte"],
            &v["end_byte"],
            &v["fix"]["edits"][0]
        ),
        (
            &serde_json::json!(1),
            &serde_json::json!(5),
            &serde_json::json!(10),
            &serde_json::json!(30),
            &serde_json::json!({"start_byte": 16, "end_byte": 20, "replacement": "-"})
        )
    );
    for (name, bytes) in [
        ("u16.txt", utf16le("\u{feff}Ang pag -unlad\n")),
        ("bom8.txt", b"\xef\xbb\xbfAng pag -unlad\n".to_vec()),
    ] {
        fs::write(dir.path().join(name), bytes).unwrap();
        let out = run(dir.path(), &[name]);
        assert!(
            stdout(&out).starts_with(&format!(
                "error[hyphen-spacing]: stray space before the hyphen of the prefix `pag-`; write `pag-unlad`\n \
                 --> {name}:1:5\n  |\n1 | Ang pag -unlad\n  |     ^^^^^^^^^^ write `pag-unlad`\n"
            )),
            "{}",
            stdout(&out)
        );
    }
}

#[test]
fn a_deletion_is_labelled_delete() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("a.md"),
        "<!-- salin-disable-next-line glossary-case -->\nAng bata.\n",
    )
    .unwrap();
    let out = run(dir.path(), &["a.md"]);
    assert_eq!(
        stdout(&out),
        "warning[unused-suppression]: `salin-disable-next-line` suppresses no `glossary-case` finding\n \
         --> a.md:1:1\n  |\n1 | <!-- salin-disable-next-line glossary-case -->\n  \
         | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ delete\nhelp: safe fix (`--fix`)\n  |\n\
         1 - <!-- salin-disable-next-line glossary-case -->\n2 - Ang bata.\n1 + Ang bata.\n  |\n\n\
         Found 1 problem (1 warning). 1 fixable with `--fix`.\n"
    );
    let out = run(dir.path(), &["--format", "sarif", "a.md"]);
    assert!(
        stdout(&out).contains("\"text\": \"Delete (safe fix)\""),
        "{}",
        stdout(&out)
    );
}

#[test]
fn missing_and_extra_keys_are_named_alike() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("en.yml"),
        "en:\n  onboarding:\n    skip: \"Skip\"\n    next: \"Next\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("tl.yml"),
        "tl:\n  onboarding:\n    skipp: \"Laktawan\"\n    next: \"Susunod\"\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "--source",
            "en.yml",
            "--select",
            "missing-key,extra-key",
            "--format",
            "jsonl",
            "tl.yml",
        ],
    );
    let messages: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["message"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        messages,
        [
            "key `onboarding.skip` of the source `en.yml` is missing",
            "key `onboarding.skipp` is not in the source `en.yml`"
        ]
    );
}

#[test]
fn fail_on_sets_the_lowest_severity_that_fails() {
    let dir = TempDir::new().unwrap();
    // One warning (a doubled space), no error.
    fs::write(dir.path().join("w.txt"), "Ang  bata.\n").unwrap();
    // One error.
    fs::write(dir.path().join("e.txt"), "Ang pag -unlad.\n").unwrap();
    let cases: &[(&[&str], i32)] = &[
        (&["w.txt"], 1),
        (&["--fail-on", "info", "w.txt"], 1),
        (&["--fail-on", "warning", "w.txt"], 1),
        (&["--fail-on", "error", "w.txt"], 0),
        (&["--fail-on", "error", "e.txt"], 1),
        (&["--fail-on", "error", "--exit-zero", "e.txt"], 0),
        // `info` findings: d-r-alternation is one.
        (
            &[
                "--select",
                "d-r-alternation",
                "--fail-on",
                "warning",
                "i.txt",
            ],
            0,
        ),
        (&["--select", "d-r-alternation", "i.txt"], 1),
    ];
    fs::write(dir.path().join("i.txt"), "Pumunta siya dito kahapon.\n").unwrap();
    for (args, code) in cases {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {}", stdout(&out));
    }
    // The findings below the threshold are still reported.
    let out = run(dir.path(), &["--fail-on", "error", "w.txt"]);
    assert!(stdout(&out).ends_with("Found 1 problem (1 warning). 1 fixable with `--fix`.\n"));
    let out = run(dir.path(), &["--fail-on", "fatal", "w.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn fix_with_diff_says_that_nothing_is_written() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), "Ang pag -unlad.\n").unwrap();
    let out = run(dir.path(), &["--fix", "--diff", "a.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "salin: note: --diff shows the fixes and writes nothing; drop --diff to apply them\n"
    );
    assert_eq!(
        stdout(&out),
        "--- a.txt\n+++ a.txt\n@@ -1 +1 @@\n-Ang pag -unlad.\n+Ang pag-unlad.\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "Ang pag -unlad.\n"
    );
}

#[test]
fn statistics_refuse_a_format_they_have_no_form_for() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), "Ang pag -unlad.\n").unwrap();
    for format in ["sarif", "jsonl", "github", "gitlab", "junit", "diff"] {
        let out = run(dir.path(), &["--statistics", "--format", format, "a.txt"]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert_eq!(
            stderr(&out),
            format!(
                "salin: error: --statistics prints a table (`--format text`) or JSON (`--format json`), not `{format}`\n"
            )
        );
        assert_eq!(stdout(&out), "");
    }
    let out = run(dir.path(), &["--statistics", "--format", "json", "a.txt"]);
    assert_eq!(
        stdout(&out),
        "[\n  {\n    \"rule\": \"hyphen-spacing\",\n    \"count\": 1,\n    \"fixable\": 1\n  }\n]\n"
    );
    // A format from the configuration file is a default, not a request:
    // the statistics are the table.
    fs::write(dir.path().join("salin.toml"), "format = \"sarif\"\n").unwrap();
    let out = Command::cargo_bin("salin")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--no-dictionary", "--statistics", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "COUNT  RULE            FIXABLE\n    1  hyphen-spacing        1\n"
    );
}

#[test]
fn unsafe_fixes_without_fix_count_what_fix_would_fix() {
    let dir = TempDir::new().unwrap();
    // One safe fix (the hyphen), one unsafe (the near-miss name).
    fs::write(dir.path().join("a.txt"), "Ang pag -unlad ng Innovant.\n").unwrap();
    for args in [&["a.txt"][..], &["--unsafe-fixes", "a.txt"]] {
        let out = run(dir.path(), args);
        assert!(
            stdout(&out).ends_with(
                "Found 2 problems (1 error, 1 warning). 1 fixable with `--fix`. 1 more with `--fix --unsafe-fixes`.\n"
            ),
            "{args:?}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn a_baseline_written_at_the_root_of_a_repository_matches_from_below() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::create_dir(dir.path().join("docs")).unwrap();
    fs::write(dir.path().join("docs/a.txt"), "Ang pag -unlad.\n").unwrap();
    let out = run(dir.path(), &["--write-baseline", "baseline.json", "docs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(json["findings"][0]["path"], "docs/a.txt");
    // From the subdirectory, the same finding is the recorded one.
    let out = run(
        &dir.path().join("docs"),
        &["--baseline", "../baseline.json", "a.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "No problems found.\n");
    // A new finding is still new.
    fs::write(
        dir.path().join("docs/a.txt"),
        "Ang pag -unlad.\nAng pag -agaw.\n",
    )
    .unwrap();
    let out = run(
        &dir.path().join("docs"),
        &[
            "--baseline",
            "../baseline.json",
            "--format",
            "jsonl",
            "a.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(stdout(&out).contains("\"text\":\"pag -agaw\""));
}
