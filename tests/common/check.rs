//! Running `salin check` for integration tests: `#[path = "common/check.rs"]
//! mod check;` in the tests that use it.

use std::process::Command;

/// Runs `salin check --isolated --no-dictionary ARGS` in the repository;
/// returns stdout and the exit code.
pub fn salin_check(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_salin"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--isolated", "--no-dictionary"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}
