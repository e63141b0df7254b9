//! `salin check --watch`: a first report, then another for each change to a
//! checked file, and everything again when the configuration changes.

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

struct Watching {
    child: Child,
    lines: Receiver<String>,
}

impl Watching {
    /// Reads report lines until one equal to `wanted`; returns those read.
    fn until(&self, wanted: &str) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            match self.lines.recv_timeout(Duration::from_secs(30)) {
                Ok(line) if line == wanted => return seen,
                Ok(line) => seen.push(line),
                Err(e) => panic!("no `{wanted}` ({e}); read {seen:#?}"),
            }
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn changes_are_checked_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("docs")).unwrap();
    fs::write(root.join("docs/a.md"), "Malinis ang pag-aaral.\n").unwrap();
    fs::write(root.join("salin.toml"), "").unwrap();
    let mut child = Command::new(crate::common::salin_path())
        .args([
            "check",
            "--watch",
            "--no-dictionary",
            "--color",
            "never",
            "docs",
        ])
        .current_dir(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (sender, lines) = channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                return;
            }
        }
    });
    let watching = Watching { child, lines };
    watching.until("No problems found.");

    fs::write(root.join("docs/a.md"), "Ang pag -unlad.\n").unwrap();
    let report = watching.until("Found 1 problem (1 error). 1 fixable with `--fix`.");
    assert!(
        report.contains(&" --> docs/a.md:1:5".to_string()),
        "{report:#?}"
    );

    // A new file in a watched directory: only it is checked.
    fs::write(root.join("docs/b.md"), "Nanalo ng Award Award.\n").unwrap();
    let report =
        watching.until("Found 1 problem (1 error). 1 fixable with `--fix --unsafe-fixes`.");
    assert!(
        report.iter().any(|l| l == " --> docs/b.md:1:11"),
        "{report:#?}"
    );
    assert!(
        !report.iter().any(|l| l.contains("docs/a.md")),
        "{report:#?}"
    );

    // The configuration: everything again, with the new rules.
    fs::write(
        root.join("salin.toml"),
        "ignore = [\"hyphen-spacing\", \"repeated-word\"]\n",
    )
    .unwrap();
    watching.until("No problems found.");
}
