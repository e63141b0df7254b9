//! The command line end to end: exit codes, stdin, fixes on disk, formats.

use crate::common::salin;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

const BROKEN: &str =
    "Ang pag -unlad ng Glaxosmithkline Co, Ltd ay mabilis.\nNanalo ito ng Award Award Award.\n";
const FIXED: &str =
    "Ang pag-unlad ng GlaxoSmithKline Co., Ltd. ay mabilis.\nNanalo ito ng Award.\n";

#[test]
fn exit_codes_clean_found_and_missing_file() {
    salin()
        .args(["check", "-"])
        .write_stdin("Malinis ang pag-aaral.\n")
        .assert()
        .code(0);
    salin()
        .args(["check", "-"])
        .write_stdin(BROKEN)
        .assert()
        .code(1);
    salin()
        .args(["check", "--exit-zero", "-"])
        .write_stdin(BROKEN)
        .assert()
        .code(0);
    let out = salin().args(["check", "wala-ito.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "salin: error: wala-ito.txt: no such file or directory\n"
    );
}

#[test]
fn stdin_fix_prints_only_the_fixed_text() {
    let out = salin()
        .args(["check", "--fix", "-"])
        .write_stdin(BROKEN)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), FIXED);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "Fixed 4 problems. No problems remain.\n"
    );
    // Fixing the output again changes nothing.
    let again = salin()
        .args(["check", "--fix", "-"])
        .write_stdin(FIXED)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(again.stdout).unwrap(), FIXED);
}

#[test]
fn stdin_fix_reports_what_remains_on_stderr() {
    let out = salin()
        .args(["check", "--fix", "-"])
        .write_stdin("Ang pag -unlad ng Innovant.\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Ang pag-unlad ng Innovant.\n"
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "warning[glossary-near-miss]: `Innovant` looks like a misspelling of `Innovent`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(
            "Fixed 1 problem. Found 1 problem (1 warning). 1 fixable with `--fix --unsafe-fixes`.\n"
        ),
        "{stderr}"
    );
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn fix_in_place_keeps_crlf_bom_and_missing_final_newline_and_is_idempotent() {
    let dir = TempDir::new().unwrap();
    let input = "\u{feff}Ang pag -unlad\r\nng Glaxosmithkline\r\nay  mabilis";
    let path = write(dir.path(), "balita.txt", input);
    salin().args(["check", "--fix"]).arg(&path).assert().code(0);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "\u{feff}Ang pag-unlad\r\nng GlaxoSmithKline\r\nay mabilis"
    );
    let before = fs::read(&path).unwrap();
    let out = salin()
        .args(["check", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "No problems found.\n"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    // No temporary files are left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn fix_keeps_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "a.txt", "pag -unlad\n");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    salin().args(["check", "--fix"]).arg(&path).assert().code(0);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn diff_writes_nothing_and_patches_to_the_fix_result() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "a.txt", BROKEN);
    let out = salin()
        .current_dir(dir.path())
        .args(["check", "--diff", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        diff,
        "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n\
         -Ang pag -unlad ng Glaxosmithkline Co, Ltd ay mabilis.\n\
         -Nanalo ito ng Award Award Award.\n\
         +Ang pag-unlad ng GlaxoSmithKline Co., Ltd. ay mabilis.\n\
         +Nanalo ito ng Award.\n"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), BROKEN);
    if Path::new("/usr/bin/patch").exists() {
        let status = std::process::Command::new("patch")
            .current_dir(dir.path())
            .args(["-p0", "--quiet"])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(diff.as_bytes())?;
                child.wait()
            })
            .unwrap();
        assert!(status.success());
        assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
    }
}

#[test]
fn json_and_jsonl_carry_the_documented_fields() {
    let out = stdout_of(
        salin()
            .args([
                "check",
                "--format",
                "json",
                "--stdin-filename",
                "balita.txt",
                "-",
            ])
            .write_stdin("Ang pag -unlad.\n"),
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "path": "balita.txt",
            "rule": "hyphen-spacing",
            "severity": "error",
            "message": "stray space before the hyphen of the prefix `pag-`; write `pag-unlad`",
            "line": 1, "column": 5, "end_line": 1, "end_column": 15,
            "start_byte": 4, "end_byte": 14,
            "text": "pag -unlad",
            "suggestion": "pag-unlad",
            "fix": {"applicability": "safe", "edits": [{"start_byte": 7, "end_byte": 9, "replacement": "-"}]}
        }])
    );
    let lines = stdout_of(
        salin()
            .args(["check", "--format", "jsonl", "-"])
            .write_stdin(BROKEN),
    );
    assert_eq!(lines.lines().count(), 4);
    for line in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["path"], "-");
    }
}

#[test]
fn markdown_code_is_not_checked_and_positions_are_original() {
    let md = "---\ntitle: pag -unlad\n---\n\n# Ulat\n\nIsang `pag -unlad` at pag -agaw.\n\n```\npag -unlad\n```\n";
    let out = stdout_of(
        salin()
            .args([
                "check",
                "--format",
                "jsonl",
                "--stdin-filename",
                "a.md",
                "-",
            ])
            .write_stdin(md),
    );
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["text"], "pag -agaw");
    assert_eq!(
        (v["line"].as_u64(), v["column"].as_u64()),
        (Some(7), Some(23))
    );
}

#[test]
fn directories_are_walked_for_text_and_markdown_only() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.md", "pag -unlad\n");
    write(dir.path(), "b.txt", "pag -agaw\n");
    write(dir.path(), "c.rs", "pag -unlad\n");
    fs::create_dir(dir.path().join(".hidden")).unwrap();
    write(&dir.path().join(".hidden"), "d.md", "pag -unlad\n");
    fs::create_dir(dir.path().join("sub")).unwrap();
    write(&dir.path().join("sub"), "e.markdown", "pag -unlad\n");
    let out = stdout_of(
        salin()
            .current_dir(dir.path())
            .args(["check", "--format", "jsonl", "."]),
    );
    let paths: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["./a.md", "./b.txt", "./sub/e.markdown"]);
}

#[test]
fn bad_glossary_and_unknown_rule_are_usage_errors() {
    let dir = TempDir::new().unwrap();
    let g = write(dir.path(), "g.tsv", "Innovent\n\tGSK\n");
    let out = salin()
        .current_dir(dir.path())
        .args(["check", "--glossary", "g.tsv", "-"])
        .write_stdin("x\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "salin: error: g.tsv:2: the first column (the canonical term) is empty\n"
    );
    drop(g);
    let out = salin()
        .args(["check", "--select", "no-such-rule", "-"])
        .write_stdin("x\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "salin: error: unknown rule `no-such-rule` (see `salin rules`)\n"
    );
}

#[test]
fn user_glossary_adds_terms_and_select_limits_rules() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "g.tsv", "# mga pangalan\nHuacao Town\tHuacao\n");
    let out = stdout_of(
        salin()
            .current_dir(dir.path())
            .args([
                "check",
                "--format",
                "jsonl",
                "--glossary",
                "g.tsv",
                "--select",
                "glossary-case",
                "-",
            ])
            .write_stdin("Sa huacao town at pag -unlad.\n"),
    );
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(
        (v["rule"].as_str(), v["suggestion"].as_str()),
        (Some("glossary-case"), Some("Huacao Town"))
    );
}

#[test]
fn not_utf8_is_an_error_and_the_file_is_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("latin1.txt");
    fs::write(&path, b"Paran\xe1aque pag -unlad\n").unwrap();
    let out = salin()
        .current_dir(dir.path())
        .args(["check", "--fix", "latin1.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "salin: error: latin1.txt: not valid UTF-8 (at byte 5)\n"
    );
    assert_eq!(fs::read(&path).unwrap(), b"Paran\xe1aque pag -unlad\n");
}

#[test]
fn rules_and_explain() {
    let list = stdout_of(salin().arg("rules"));
    for name in [
        "hyphen-spacing",
        "repeated-word",
        "punctuation-spacing",
        "company-suffix",
        "glossary-case",
        "glossary-near-miss",
    ] {
        assert!(list.contains(name), "{name} missing from:\n{list}");
    }
    let doc = stdout_of(salin().args(["explain", "hyphen-spacing"]));
    assert!(doc.starts_with("# hyphen-spacing\n"), "{doc}");
    assert!(
        doc.contains("## Bad\n```text\nMabilis ang pag -unlad ng bayan.\n"),
        "{doc}"
    );
    salin().args(["explain", "no-such-rule"]).assert().code(2);
}

#[test]
fn readme_documents_every_rule() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for rule in salin::rules::ALL {
        let m = rule.meta();
        let row = format!(
            "| `{}` | {} | {} | {} |",
            m.name,
            m.default_severity,
            m.fix.as_str(),
            m.summary
        );
        assert!(
            readme.contains(&row),
            "README's rules table lacks or misstates:\n{row}"
        );
    }
}

#[test]
fn dictionary_flags() {
    let dir = TempDir::new().unwrap();
    let dic = dir.path().join("mini.dic");
    // A tiny Hunspell pair written for this test, in ISO-8859-1.
    fs::write(&dic, b"2\nbahay-aliwan\nPara\xf1aque\n").unwrap();
    fs::write(dir.path().join("mini.aff"), "SET ISO8859-1\n").unwrap();
    let text = "Nasa bahay - aliwan sila.\n";
    let out = salin()
        .args(["check", "--format", "jsonl", "--dictionary"])
        .arg(&dic)
        .arg("-")
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("\"suggestion\":\"bahay-aliwan\""),
        "{report}"
    );
    // Without a word list the compound is left alone: it may be a dash.
    salin()
        .args(["check", "--no-dictionary", "-"])
        .write_stdin(text)
        .assert()
        .code(0);
    // A missing dictionary is a usage error naming the file.
    let out = salin()
        .args(["check", "--dictionary", "wala.dic", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "salin: error: wala.dic: no such file or directory\n"
    );
    salin()
        .args(["check", "--dictionary", "x.dic", "--no-dictionary", "-"])
        .write_stdin(text)
        .assert()
        .code(2);
}
