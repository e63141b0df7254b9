//! Helpers shared by the integration tests: the one way to run the `salin`
//! binary, and what several test files compare.

#![allow(dead_code)] // each test file uses some of these

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use salin::Document;

/// The `salin` binary built for these tests.
pub fn salin_path() -> PathBuf {
    assert_cmd::cargo::cargo_bin("salin")
}

/// `salin` with a predictable environment: no terminal width, no colour,
/// and `CI` set (no progress bar).
pub fn salin() -> Command {
    let mut cmd = Command::new(salin_path());
    cmd.env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env("CI", "true");
    cmd
}

/// [`salin`] run in `dir`.
pub fn salin_in(dir: &Path) -> Command {
    let mut cmd = salin();
    cmd.current_dir(dir);
    cmd
}

/// The text with every unit's value replaced by `<>`: what must not change.
pub fn skeleton(doc: &Document) -> String {
    let mut out = String::new();
    let mut last = 0;
    for unit in &doc.units {
        let r = unit.range();
        out.push_str(&doc.text[last..r.start]);
        out.push_str("<>");
        last = r.end;
    }
    out.push_str(&doc.text[last..]);
    out
}

/// `salin check --isolated --no-dictionary` run in `dir`: the command
/// without configuration files or word lists from the machine.
pub fn salin_check_in(dir: &Path) -> Command {
    let mut cmd = salin_in(dir);
    cmd.args(["check", "--isolated", "--no-dictionary"]);
    cmd
}

/// Runs `salin check --isolated --no-dictionary ARGS` in the repository;
/// returns stdout and the exit code.
pub fn salin_check(args: &[&str]) -> (String, i32) {
    let out = salin_check_in(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

/// A run's standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A run's standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// `salin check --isolated --no-dictionary ARGS` run in `dir`.
pub fn run_check_in(dir: &Path, args: &[&str]) -> Output {
    salin_check_in(dir).args(args).output().unwrap()
}

/// A line with a stray space before a hyphen, and the line fixed.
pub const BROKEN: &str = "Ang pag -unlad ng bayan.\n";
pub const FIXED: &str = "Ang pag-unlad ng bayan.\n";
