//! Atomic writes under failure: salin is killed (SIGKILL) at a random moment
//! while it fixes many files; every file must then be either the original or
//! the fully fixed version, never truncated or mixed. Slow, so ignored by
//! default: `scripts/kill-test.sh` runs it for 100 rounds
//! (`SALIN_KILL_ROUNDS`).

use crate::common::salin_path;
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const FILES: usize = 300;

/// `salin --fix` over `dir`, as a process to kill.
fn fix_process(dir: &Path) -> Command {
    let mut cmd = Command::new(salin_path());
    cmd.current_dir(dir)
        .args([
            "check",
            "--isolated",
            "--no-dictionary",
            "--fix",
            "--format",
            "json",
            ".",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// A small xorshift generator seeded from the clock: no dependency needed.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn contents(dir: &Path) -> HashMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
#[ignore]
fn killed_fix_leaves_every_file_original_or_fixed() {
    let rounds: usize = std::env::var("SALIN_KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut random = Random(seed | 1);
    // The originals, and what a complete run makes of them.
    let originals = tempfile::TempDir::new().unwrap();
    for i in 0..FILES {
        let body = "Ang pag -unlad ng Glaxosmithkline Co, Ltd sa Maynila , at Award Award.\r\n"
            .repeat(1 + i % 40);
        let ext = if i % 2 == 0 { "md" } else { "txt" };
        fs::write(originals.path().join(format!("f{i:03}.{ext}")), body).unwrap();
    }
    let original = contents(originals.path());
    let done = tempfile::TempDir::new().unwrap();
    for (name, bytes) in &original {
        fs::write(done.path().join(name), bytes).unwrap();
    }
    let start = std::time::Instant::now();
    assert!(fix_process(done.path()).status().unwrap().code().is_some());
    let full_run = start.elapsed();
    let fixed = contents(done.path());
    assert_eq!(
        fixed.len(),
        FILES,
        "a complete run leaves no temporary file"
    );
    assert!(fixed.iter().all(|(n, b)| original[n] != *b));

    let mut partial = 0;
    for round in 0..rounds {
        let dir = tempfile::TempDir::new().unwrap();
        for (name, bytes) in &original {
            fs::write(dir.path().join(name), bytes).unwrap();
        }
        let mut child = fix_process(dir.path()).spawn().unwrap();
        let wait = random.below(full_run.as_micros() as u64 + 1);
        std::thread::sleep(Duration::from_micros(wait));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let mut changed = 0;
        for (name, bytes) in contents(dir.path()) {
            if name.starts_with(".salin-") && name.ends_with(".tmp") {
                continue; // a temporary file the kill left behind
            }
            assert!(
                bytes == original[&name] || bytes == fixed[&name],
                "round {round} (seed {seed}): {name} is neither original nor fixed"
            );
            changed += usize::from(bytes == fixed[&name]);
        }
        if changed > 0 && changed < FILES {
            partial += 1;
        }
        // A normal run afterwards finishes the job; stale temporary files
        // are not read as input and are left alone.
        let stale: Vec<String> = contents(dir.path())
            .into_keys()
            .filter(|n| n.starts_with(".salin-"))
            .collect();
        fix_process(dir.path()).status().unwrap();
        let after = contents(dir.path());
        for (name, bytes) in &fixed {
            assert_eq!(&after[name], bytes, "round {round}: {name} after a rerun");
        }
        assert_eq!(after.len(), FILES + stale.len());
    }
    eprintln!("{rounds} rounds, {partial} killed mid-way through the files (seed {seed})");
}
