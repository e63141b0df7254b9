//! Shell completions and manual pages, generated from the clap definitions;
//! the pre-commit hook and GitHub Action definitions.

use crate::common::salin;
use std::fs;
use std::path::Path;

fn stdout(args: &[&str]) -> String {
    let out = salin().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_for_every_shell_know_the_flags() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains("force-exclude"), "{shell}");
        assert!(script.contains("add-suppressions"), "{shell}");
    }
    // The bash script is valid bash.
    if Path::new("/bin/bash").exists() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("salin.bash");
        fs::write(&path, stdout(&["completions", "bash"])).unwrap();
        let status = std::process::Command::new("bash")
            .arg("-n")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

#[test]
fn man_pages() {
    let main = stdout(&["man"]);
    assert!(main.contains(".TH salin 1"), "{main}");
    assert!(main.contains("completions"));
    let check = stdout(&["man", "check"]);
    assert!(check.contains(".TH salin-check 1"), "{check}");
    assert!(check.contains("force\\-exclude"));
    let out = salin().args(["man", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

fn repo_file(name: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

/// The hook runs for real in `scripts/test-pre-commit.sh` (it installs
/// pre-commit from PyPI and builds salin in release mode: too slow for
/// `cargo test`). Here: the definitions name real flags.
#[test]
fn pre_commit_hook_and_action_use_real_flags() {
    let hooks = repo_file(".pre-commit-hooks.yaml");
    assert!(hooks.contains("- id: salin\n"));
    assert!(hooks.contains("language: rust"));
    assert!(hooks.contains("entry: salin check --force-exclude"));
    let action = repo_file("action.yml");
    assert!(action.contains("using: composite"));
    assert!(action.contains("--format sarif --output-file"));
    assert!(action.contains("github/codeql-action/upload-sarif"));
    // Both parse as YAML of the expected shape, when PyYAML is at hand.
    let script = "import sys, yaml\n\
                  hooks = yaml.safe_load(open('.pre-commit-hooks.yaml'))\n\
                  assert [h['id'] for h in hooks] == ['salin', 'salin-fix'], hooks\n\
                  assert all(h['language'] == 'rust' for h in hooks)\n\
                  action = yaml.safe_load(open('action.yml'))\n\
                  assert action['runs']['using'] == 'composite'\n\
                  assert all('shell' in s or 'uses' in s for s in action['runs']['steps'])\n";
    if let Ok(out) = std::process::Command::new("python3")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["-c", "import yaml"])
        .output()
        && out.status.success()
    {
        let out = std::process::Command::new("python3")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["-c", script])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let help = stdout(&["check", "--help"]);
    for flag in [
        "--force-exclude",
        "--format",
        "--output-file",
        "--exit-zero",
    ] {
        assert!(help.contains(flag), "{flag}");
    }
}

/// On a terminal (made with util-linux `script`, when present) a run over
/// many files draws a progress bar on stderr; with `CI` set, or without a
/// terminal, nothing is drawn.
#[cfg(unix)]
#[test]
fn progress_bar_only_on_a_terminal_outside_ci() {
    let dir = tempfile::TempDir::new().unwrap();
    for i in 0..25 {
        fs::write(dir.path().join(format!("f{i}.md")), "pag -unlad\n").unwrap();
    }
    let out = salin()
        .current_dir(dir.path())
        .env_remove("CI")
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty());
    if !Path::new("/usr/bin/script").exists() {
        return;
    }
    let on_terminal = |ci: Option<&str>| {
        let mut cmd = std::process::Command::new("script");
        cmd.current_dir(dir.path()).args([
            "-qec",
            &format!(
                "'{}' check --format json --output-file /dev/null .",
                env!("CARGO_BIN_EXE_salin")
            ),
            "/dev/null",
        ]);
        match ci {
            Some(v) => cmd.env("CI", v),
            None => cmd.env_remove("CI"),
        };
        String::from_utf8_lossy(&cmd.output().unwrap().stdout).into_owned()
    };
    assert!(on_terminal(None).contains("checking"), "no progress bar");
    assert!(!on_terminal(Some("true")).contains("checking"));
}
