//! Files that change while salin fixes them, and runs stopped by a signal.
//!
//! Both tests act at the moment salin's temporary file appears (it polls
//! the directory), which is while salin writes and flushes the fixed text:
//! the window these guarantees are about.

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn spawn_fix(dir: &Path, paths: &[&str]) -> Child {
    Command::new(crate::common::salin_path())
        .current_dir(dir)
        .args(["check", "--isolated", "--no-dictionary", "--fix"])
        .args(["--format", "json"])
        .args(paths)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn temporary_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".salin-") && n.ends_with(".tmp"))
        .collect()
}

/// Waits until a temporary file exists in `dir` (`true`), or salin exited
/// (`false`).
fn wait_for_temporary(dir: &Path, child: &mut Child) -> bool {
    let started = Instant::now();
    loop {
        if !temporary_files(dir).is_empty() {
            return true;
        }
        if child.try_wait().unwrap().is_some() || started.elapsed() > Duration::from_secs(120) {
            return false;
        }
    }
}

/// Big enough that writing and flushing the fixed text takes a while.
fn big_text() -> String {
    "Ang pag -unlad ng bayan ay mabilis ngayong taon sa buong lalawigan.\n".repeat(40_000)
}

#[test]
fn an_append_while_the_fix_is_written_is_never_lost() {
    let appended = "Idinagdag habang inaayos.\n";
    let mut refused = 0;
    for _ in 0..2 {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("big.txt");
        let text = big_text();
        fs::write(&path, &text).unwrap();
        let mut child = spawn_fix(dir.path(), &["big.txt"]);
        let during = wait_for_temporary(dir.path(), &mut child);
        {
            use std::io::Write;
            let mut file = fs::OpenOptions::new().append(true).open(&path).unwrap();
            file.write_all(appended.as_bytes()).unwrap();
        }
        let out = child.wait_with_output().unwrap();
        let after = fs::read_to_string(&path).unwrap();
        // Whatever the timing, the appended line is there: either salin saw
        // the change and left the file alone, or it had renamed its fixed
        // file before the append.
        assert!(after.ends_with(appended), "the append was lost");
        if after == format!("{text}{appended}") {
            assert_eq!(out.status.code(), Some(2));
            assert_eq!(
                String::from_utf8(out.stderr).unwrap(),
                "salin: error: big.txt: changed on disk while salin was checking it; not written\n"
            );
            refused += usize::from(during);
        } else {
            assert_eq!(after, text.replace("pag -unlad", "pag-unlad") + appended);
        }
        assert!(temporary_files(dir.path()).is_empty());
    }
    eprintln!("{refused} of 2 appends landed while the fix was being written");
}

#[cfg(unix)]
#[test]
fn sigint_and_sigterm_remove_the_temporary_files() {
    let names: Vec<String> = (0..3).map(|i| format!("f{i}.txt")).collect();
    let mut during = 0;
    for (round, signal) in ["INT", "TERM"].iter().enumerate() {
        let dir = tempfile::TempDir::new().unwrap();
        let text = big_text();
        for name in &names {
            fs::write(dir.path().join(name), &text).unwrap();
        }
        let args: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut child = spawn_fix(dir.path(), &args);
        if wait_for_temporary(dir.path(), &mut child) {
            let status = Command::new("kill")
                .args([&format!("-{signal}"), &child.id().to_string()])
                .status()
                .unwrap();
            assert!(status.success());
        }
        let status = child.wait().unwrap();
        if status.code().is_none() {
            during += 1; // it died of the signal
        }
        assert_eq!(
            temporary_files(dir.path()),
            Vec::<String>::new(),
            "round {round}: SIG{signal} left a temporary file"
        );
        let fixed = text.replace("pag -unlad", "pag-unlad");
        for name in &names {
            let now = fs::read_to_string(dir.path().join(name)).unwrap();
            assert!(now == text || now == fixed, "round {round}: {name} mixed");
        }
    }
    assert!(during > 0, "no signal arrived while salin was writing");
}
