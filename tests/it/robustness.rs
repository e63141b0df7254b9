//! Issue 12, the command line's half: pipes, races, failed writes, files
//! passed unread, and bounded memory. Each case with its exact input and
//! its exact outcome.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

use crate::common::{BROKEN, FIXED, run_check_in as run, salin_check_in as salin, stderr, stdout};

/// The text report of `BROKEN` in a file named `name`.
fn broken_report(name: &str) -> String {
    format!(
        "error[hyphen-spacing]: stray space before the hyphen of the prefix `pag-`; write `pag-unlad`\n \
         --> {name}:1:5\n  |\n1 | Ang pag -unlad ng bayan.\n  |     ^^^^^^^^^^ write `pag-unlad`\n\
         help: safe fix (`--fix`)\n  |\n1 - Ang pag -unlad ng bayan.\n1 + Ang pag-unlad ng bayan.\n  |\n\n"
    )
}

// --- 13. No summary for a run in which a file could not be read ----------

#[test]
fn a_missing_file_prints_no_summary() {
    let dir = TempDir::new().unwrap();
    let out = run(dir.path(), &["wala.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "salin: error: wala.txt: no such file or directory\n"
    );
    // The files that were read are still reported, without a summary.
    fs::write(dir.path().join("a.txt"), BROKEN).unwrap();
    let out = run(dir.path(), &["a.txt", "wala.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), broken_report("a.txt"));
    // JSON stays a valid document.
    let out = run(dir.path(), &["--format", "json", "wala.txt"]);
    assert_eq!(
        (out.status.code(), stdout(&out).as_str()),
        (Some(2), "[]\n")
    );
}

// --- 9. A failed write still reports the findings -------------------------

#[test]
fn a_read_only_file_is_reported_with_its_findings() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("ro.txt");
    fs::write(&path, BROKEN).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let out = run(dir.path(), &["--fix", "ro.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "salin: error: ro.txt: read-only file; not written\n"
    );
    assert_eq!(stdout(&out), broken_report("ro.txt"));
    let out = run(dir.path(), &["--fix", "--format", "jsonl", "ro.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(
        (&lines[0]["rule"], &lines[0]["start_byte"]),
        (&serde_json::json!("hyphen-spacing"), &serde_json::json!(4))
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), BROKEN);
}

#[test]
fn a_read_only_directory_is_reported_with_the_findings() {
    let dir = TempDir::new().unwrap();
    let sub = dir.path().join("locked");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("a.txt"), BROKEN).unwrap();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o555)).unwrap();
    let mut cmd = salin(dir.path());
    if is_root() {
        // Root writes whatever the directory's permission bits say: run
        // salin as `nobody`, which owns the file but not the directory.
        if !Path::new("/usr/bin/setpriv").exists() {
            fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
            return; // util-linux's setpriv is on every Debian; not here
        }
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        std::os::unix::fs::chown(sub.join("a.txt"), Some(65534), Some(65534)).unwrap();
        cmd = salin_as_nobody(dir.path());
    }
    let out = cmd.args(["--fix", "locked/a.txt"]).output().unwrap();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "salin: error: locked/a.txt: permission denied\n"
    );
    assert_eq!(stdout(&out), broken_report("locked/a.txt"));
    assert_eq!(fs::read_to_string(sub.join("a.txt")).unwrap(), BROKEN);
    assert_eq!(
        fs::read_dir(&sub).unwrap().count(),
        1,
        "a temporary file was left"
    );
}

/// `salin check` run by root as `nobody` (setpriv, util-linux), to meet
/// permission bits as an ordinary user does. The binary is copied into
/// `dir` (which `nobody` must be able to enter), so that it runs wherever
/// the build directory is.
fn salin_as_nobody(dir: &Path) -> Command {
    let salin = dir.join("salin");
    fs::copy(assert_cmd::cargo::cargo_bin("salin"), &salin).unwrap();
    let mut cmd = Command::new("/usr/bin/setpriv");
    cmd.current_dir(dir)
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(salin)
        .args(["check", "--isolated", "--no-dictionary"]);
    cmd
}

/// Whether this process runs as root (permission bits do not stop it).
fn is_root() -> bool {
    let dir = TempDir::new().unwrap();
    fs::metadata(dir.path()).unwrap().uid() == 0
}

#[test]
fn add_suppressions_goes_on_after_a_file_it_cannot_write() {
    let dir = TempDir::new().unwrap();
    let text = "Ang pag -unlad ng bayan.\n";
    fs::write(dir.path().join("a.md"), text).unwrap();
    fs::write(dir.path().join("b.md"), text).unwrap();
    fs::set_permissions(dir.path().join("a.md"), fs::Permissions::from_mode(0o444)).unwrap();
    let out = run(dir.path(), &["--add-suppressions", "a.md", "b.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "salin: error: a.md: read-only file; not written\nAdded 1 suppression to 1 file.\n"
    );
    assert_eq!(fs::read_to_string(dir.path().join("a.md")).unwrap(), text);
    assert_eq!(
        fs::read_to_string(dir.path().join("b.md")).unwrap(),
        "<!-- salin-disable-next-line hyphen-spacing -->\nAng pag -unlad ng bayan.\n"
    );
}

// --- 8. Pipes: `--fix -` never empties its output -------------------------

fn fix_stdin(dir: &Path, input: &[u8], extra: &[&str]) -> Output {
    salin(dir)
        .args(["--fix"])
        .args(extra)
        .arg("-")
        .write_stdin(input.to_vec())
        .output()
        .unwrap()
}

#[test]
fn fix_on_binary_stdin_echoes_it() {
    let dir = TempDir::new().unwrap();
    let input = b"pag -unlad\0\x01\x02\xff".to_vec();
    let out = fix_stdin(dir.path(), &input, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, input);
    assert_eq!(
        stderr(&out),
        "salin: note: -: binary file, skipped\nNo problems found.\n"
    );
    // Longer than the bytes looked at to tell a binary file: all of it.
    let mut long = vec![0u8; 10];
    long.extend(BROKEN.repeat(5_000).as_bytes());
    let out = fix_stdin(dir.path(), &long, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, long);
}

#[test]
fn fix_on_stdin_it_cannot_decode_echoes_it_and_fails() {
    let dir = TempDir::new().unwrap();
    let input = b"Ang Paran\xe1aque pag -unlad\n".to_vec();
    let out = fix_stdin(dir.path(), &input, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, input);
    assert_eq!(
        stderr(&out),
        "salin: error: -: not valid UTF-8 (at byte 9)\n"
    );
}

#[test]
fn fix_on_stdin_that_times_out_echoes_it() {
    let dir = TempDir::new().unwrap();
    let input = "Ang pag -unlad ng bayan ay Award Award.\n".repeat(50_000);
    let out = fix_stdin(dir.path(), input.as_bytes(), &["--timeout", "0.001"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, input.as_bytes());
    assert_eq!(
        stderr(&out),
        "salin: error: -: timed out after 0.001 s; not checked\n"
    );
}

#[test]
fn fix_on_stdin_over_the_size_limit_echoes_it() {
    let dir = TempDir::new().unwrap();
    let input = BROKEN.repeat(100); // 2,500 bytes
    let out = fix_stdin(dir.path(), input.as_bytes(), &["--max-file-size", "1K"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, input.as_bytes());
    assert_eq!(
        stderr(&out),
        "salin: note: -: over --max-file-size (1.0 KiB), skipped\nNo problems found.\n"
    );
}

// --- 8. Reports never overwrite what the run reads -----------------------

#[test]
fn output_files_naming_an_input_are_refused() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), BROKEN).unwrap();
    fs::write(dir.path().join("g.tsv"), "Innovent\n").unwrap();
    fs::create_dir(dir.path().join("docs")).unwrap();
    fs::write(dir.path().join("docs/b.md"), BROKEN).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--output-file", "a.txt", "a.txt"],
            "salin: error: --output-file a.txt: is a file this run reads; not overwritten\n",
        ),
        (
            &["--output-file", "./docs/../a.txt", "a.txt"],
            "salin: error: --output-file ./docs/../a.txt: is a file this run reads; not overwritten\n",
        ),
        (
            &["--write-baseline", "docs/b.md", "docs"],
            "salin: error: --write-baseline docs/b.md: is a file this run reads; not overwritten\n",
        ),
        (
            &["--output-file", "g.tsv", "--glossary", "g.tsv", "a.txt"],
            "salin: error: --output-file g.tsv: is a file this run reads; not overwritten\n",
        ),
    ];
    for (args, expected) in cases {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), *expected, "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        BROKEN
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("docs/b.md")).unwrap(),
        BROKEN
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("g.tsv")).unwrap(),
        "Innovent\n"
    );
}

#[test]
fn a_baseline_is_written_whole_and_only_it() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), BROKEN).unwrap();
    let out = run(dir.path(), &["--write-baseline", "b.json", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "Wrote 1 finding to b.json.\n");
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.txt", "b.json"]);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("b.json")).unwrap()).unwrap();
    assert_eq!(json["findings"][0]["path"], "a.txt");
    // Created as any new file is (0666 less the umask: the test's own file
    // shows what that gives), not owner-only like a temporary file.
    let mode = |name: &str| fs::metadata(dir.path().join(name)).unwrap().mode() & 0o777;
    assert_eq!(mode("b.json"), mode("a.txt"));
    // Rewritten, it keeps the permissions it has.
    fs::set_permissions(dir.path().join("b.json"), fs::Permissions::from_mode(0o640)).unwrap();
    let out = run(dir.path(), &["--write-baseline", "b.json", "a.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(mode("b.json"), 0o640);
}

// --- 8. Rewrites keep what the file was ----------------------------------

#[test]
fn a_rewrite_keeps_mode_and_owner() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, BROKEN).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o2640)).unwrap();
    let root = is_root();
    if root {
        std::os::unix::fs::chown(&path, Some(4321), Some(8765)).unwrap();
        // chown clears the set-group-ID bit: set it again.
        fs::set_permissions(&path, fs::Permissions::from_mode(0o2640)).unwrap();
    }
    let before = fs::metadata(&path).unwrap();
    let out = run(dir.path(), &["--fix", "a.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
    let after = fs::metadata(&path).unwrap();
    assert_ne!(after.ino(), before.ino(), "replaced, not edited in place");
    assert_eq!(after.mode() & 0o7777, 0o2640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    if root {
        assert_eq!((after.uid(), after.gid()), (4321, 8765));
    }
}

#[test]
fn a_file_whose_owner_cannot_be_kept_is_not_rewritten() {
    if !is_root() || !Path::new("/usr/bin/setpriv").exists() {
        return; // needs a file of another user: root sets one up
    }
    // A file of root's that anybody may write, in a directory anybody may
    // write: `nobody` could replace it, but the new file would be nobody's.
    let dir = TempDir::new().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let path = dir.path().join("shared.txt");
    fs::write(&path, BROKEN).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o666)).unwrap();
    let out = salin_as_nobody(dir.path())
        .args(["--fix", "shared.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "salin: error: shared.txt: owned by another user or group; not written (the new file would not keep its owner)\n"
    );
    assert_eq!(stdout(&out), broken_report("shared.txt"));
    assert_eq!(fs::read_to_string(&path).unwrap(), BROKEN);
    assert_eq!(fs::metadata(&path).unwrap().uid(), 0);
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "a temporary file was left: {names:?}");
}

#[test]
fn a_hard_linked_file_is_not_split() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, BROKEN).unwrap();
    fs::hard_link(&path, dir.path().join("link.txt")).unwrap();
    let out = run(dir.path(), &["--fix", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "salin: error: a.txt: has 2 hard links; not written (replacing it would split them)\n"
    );
    assert_eq!(stdout(&out), broken_report("a.txt"));
    assert_eq!(fs::read_to_string(&path).unwrap(), BROKEN);
    let (a, b) = (
        fs::metadata(&path).unwrap(),
        fs::metadata(dir.path().join("link.txt")).unwrap(),
    );
    assert_eq!((a.ino(), a.nlink()), (b.ino(), 2));
}

#[test]
fn a_symlinked_file_is_fixed_through_the_link() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("real.txt"), BROKEN).unwrap();
    std::os::unix::fs::symlink("real.txt", dir.path().join("link.txt")).unwrap();
    let out = run(dir.path(), &["--fix", "link.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("real.txt")).unwrap(),
        FIXED
    );
    assert!(
        fs::symlink_metadata(dir.path().join("link.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

// --- 12. Locale files a walk does not read --------------------------------

fn unread_tree(dir: &Path) {
    for (path, text) in [
        ("res/values-tl/strings.xml", "<resources/>\n"),
        ("res/values/strings.xml", "<resources/>\n"),
        ("ios/tl.lproj/Localizable.strings", "\"a\" = \"b\";\n"),
        ("messages_tl.properties", "a=b\n"),
        ("locales/tl/main.ftl", "a = b\n"),
        ("tm/all.tmx", "<tmx/>\n"),
        ("jobs/manual.docx.sdlxliff", "<xliff/>\n"),
        ("tl.csv", "en,tl\n"),
        ("data/prices.csv", "a,b\n"),
        ("a.md", "Ang pag-unlad.\n"),
    ] {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

#[test]
fn a_walk_names_the_locale_files_it_does_not_read() {
    let dir = TempDir::new().unwrap();
    unread_tree(dir.path());
    let out = run(dir.path(), &["."]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "No problems found.\n");
    assert_eq!(
        stderr(&out),
        "salin: note: ./ios/tl.lproj/Localizable.strings: iOS strings, which salin does not read; skipped\n\
         salin: note: ./jobs/manual.docx.sdlxliff: an SDLXLIFF (Trados) file, which salin does not read; skipped\n\
         salin: note: ./locales/tl/main.ftl: Fluent messages, which salin does not read; skipped\n\
         salin: note: ./messages_tl.properties: Java properties, which salin does not read; skipped\n\
         salin: note: ./res/values-tl/strings.xml: Android string resources, which salin does not read; skipped\n\
         salin: note: ./tl.csv: a CSV file, which salin does not read; skipped\n\
         salin: note: ./tm/all.tmx: a TMX translation memory, which salin does not read; skipped\n"
    );
    // `--type` asks for some types only: nothing else is worth a note.
    let out = run(dir.path(), &["--type", "markdown", "."]);
    assert_eq!((out.status.code(), stderr(&out).as_str()), (Some(0), ""));
}

#[test]
fn strict_makes_every_file_skipped_unread_an_error() {
    let dir = TempDir::new().unwrap();
    unread_tree(dir.path());
    let out = run(dir.path(), &["--strict", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 7, "{err}");
    assert!(err.starts_with(
        "salin: error: ./ios/tl.lproj/Localizable.strings: iOS strings, which salin does not read; not checked (--strict)\n"
    ), "{err}");
    // Binary files and files over the size limit too.
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("blob.txt"), b"pag -unlad\0\x01").unwrap();
    fs::write(dir.path().join("big.txt"), BROKEN.repeat(100)).unwrap();
    let out = run(
        dir.path(),
        &["--strict", "--max-file-size", "2K", "blob.txt", "big.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "salin: error: blob.txt: binary file; not checked (--strict)\n\
         salin: error: big.txt: 2.4 KiB, over --max-file-size (2.0 KiB); not checked (--strict)\n"
    );
}

// --- 15. Bounded memory ---------------------------------------------------

#[test]
fn files_over_the_size_limit_are_skipped_with_a_note() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("big.txt"), BROKEN.repeat(100)).unwrap();
    fs::write(dir.path().join("small.txt"), BROKEN).unwrap();
    let out = run(
        dir.path(),
        &["--fix", "--max-file-size", "2K", "big.txt", "small.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "salin: note: big.txt: 2.4 KiB, over --max-file-size (2.0 KiB), skipped\n"
    );
    assert_eq!(stdout(&out), "Fixed 1 problem. No problems remain.\n");
    assert_eq!(
        fs::read_to_string(dir.path().join("big.txt")).unwrap(),
        BROKEN.repeat(100)
    );
    let out = run(dir.path(), &["--max-file-size", "2X", "small.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid value '2X' for '--max-file-size <SIZE>': expected a number of bytes, e.g. 5000, 100K, 100M or 2G"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_default_limit_is_100_mib() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("sparse.txt");
    // A sparse file: no disk space, and skipped before a byte is read.
    let file = fs::File::create(&path).unwrap();
    file.set_len(100 * 1024 * 1024 + 1).unwrap();
    let out = run(dir.path(), &["sparse.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stderr(&out),
        "salin: note: sparse.txt: 100.0 MiB, over --max-file-size (100.0 MiB), skipped\n"
    );
}

#[test]
fn a_binary_file_is_recognised_from_its_first_bytes() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("disk.img");
    // 1 GiB of zeros (sparse, so it takes no disk space): read whole, it
    // would not fit in the 600 MiB of address space the run is given.
    let file = fs::File::create(&path).unwrap();
    file.set_len(1 << 30).unwrap();
    let out = std::process::Command::new("sh")
        .current_dir(dir.path())
        .args(["-c", "ulimit -v 614400 && exec \"$0\" \"$@\""])
        .arg(assert_cmd::cargo::cargo_bin("salin"))
        .args([
            "check",
            "--isolated",
            "--no-dictionary",
            "--threads",
            "1",
            "--max-file-size",
            "2G",
            "disk.img",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "salin: note: disk.img: binary file, skipped\n"
    );
    assert_eq!(out.status.code(), Some(0));
}
