//! `salin check --watch`: check, then check again whenever something
//! changes, for people who stay in a terminal.
//!
//! A change to a checked file (or a new file that discovery would check)
//! checks those files again; a change to the configuration or a glossary
//! checks everything again, since every finding may change. Changes are
//! gathered for a moment first, so that an editor's save (often a write
//! and a rename) or a `git checkout` is one re-check, not many.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use super::args::CheckArgs;
use super::config::{CONFIG_NAMES, Settings};
use super::files::{Input, absolute};
use super::{CliError, check, report_error};

/// How long to wait for more changes after one arrives.
const SETTLE: Duration = Duration::from_millis(150);

pub fn run(args: &CheckArgs) -> Result<i32, CliError> {
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(CliError(
            "--watch cannot check standard input (`-`); name files or directories".into(),
        ));
    }
    let (sender, events) = channel();
    let mut watcher = notify::recommended_watcher(sender)
        .map_err(|e| CliError(format!("cannot watch for changes: {e}")))?;
    for (path, mode) in watched(args) {
        watcher
            .watch(&path, mode)
            .map_err(|e| CliError(format!("{}: cannot watch: {e}", path.display())))?;
    }
    check_and_report(args, None);
    eprintln!("salin: watching for changes (Ctrl-C to stop)");
    while let Some(changed) = next_changes(&events) {
        let Some(targets) = to_check(args, &changed) else {
            eprintln!("salin: the configuration or a glossary changed; checking everything again");
            check_and_report(args, None);
            continue;
        };
        if targets.is_empty() {
            continue;
        }
        let names: Vec<String> = targets.iter().map(|p| p.display().to_string()).collect();
        eprintln!("salin: {} changed; checking again", names.join(", "));
        check_and_report(args, Some(targets));
    }
    Ok(super::EXIT_CLEAN)
}

/// What to watch: the paths given (directories recursively; a file through
/// its directory, since editors often save by writing a new file and
/// renaming it over the old one), and the directories of the configuration
/// file and the glossaries.
fn watched(args: &CheckArgs) -> Vec<(PathBuf, RecursiveMode)> {
    let mut out: Vec<(PathBuf, RecursiveMode)> = Vec::new();
    let mut add = |path: PathBuf, mode| {
        if !out.iter().any(|(p, m)| *p == path && *m == mode) {
            out.push((path, mode));
        }
    };
    let default = [PathBuf::from(".")];
    let paths = if args.paths.is_empty() {
        &default[..]
    } else {
        &args.paths
    };
    for path in paths {
        let path = absolute(path);
        if path.is_dir() {
            add(path, RecursiveMode::Recursive);
        } else if let Some(dir) = path.parent() {
            add(dir.to_path_buf(), RecursiveMode::NonRecursive);
        }
    }
    let settings = Settings::load(&args.config).ok();
    let config_dir = settings
        .as_ref()
        .map_or_else(|| absolute(Path::new(".")), |s| s.root.clone());
    add(config_dir, RecursiveMode::NonRecursive);
    let glossaries = settings
        .iter()
        .flat_map(|s| s.glossaries.iter().map(|(p, _)| p.clone()))
        .chain(args.glossaries.iter().map(|p| absolute(p)));
    for g in glossaries {
        if let Some(dir) = g.parent().filter(|d| d.is_dir()) {
            add(dir.to_path_buf(), RecursiveMode::NonRecursive);
        }
    }
    out
}

/// The files that changed, gathered until things settle; `None` when the
/// watcher is gone.
fn next_changes(events: &Receiver<notify::Result<notify::Event>>) -> Option<BTreeSet<PathBuf>> {
    let mut changed = BTreeSet::new();
    let add = |changed: &mut BTreeSet<PathBuf>, event: notify::Result<notify::Event>| match event {
        // Reading a file (as checking it does) is not a change.
        Ok(e) if !matches!(e.kind, EventKind::Access(_)) => changed.extend(e.paths),
        Ok(_) => {}
        Err(e) => eprintln!("salin: note: watching: {e}"),
    };
    loop {
        add(&mut changed, events.recv().ok()?);
        loop {
            match events.recv_timeout(SETTLE) {
                Ok(event) => add(&mut changed, event),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        // Ignore salin's own temporary files of `--fix`.
        changed.retain(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(".salin-") && n.ends_with(".tmp"))
        });
        if !changed.is_empty() {
            return Some(changed);
        }
    }
}

/// The checked files among `changed`; `None` when the configuration or a
/// glossary changed, and everything must be checked again.
fn to_check(args: &CheckArgs, changed: &BTreeSet<PathBuf>) -> Option<Vec<PathBuf>> {
    let settings = Settings::load(&args.config).ok()?;
    let changed: BTreeSet<PathBuf> = changed.iter().map(|p| absolute(p)).collect();
    let is_config = |p: &PathBuf| {
        settings.config.as_ref() == Some(p)
            || p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| CONFIG_NAMES.contains(&n))
            || settings.glossaries.iter().any(|(g, _)| g == p)
            || args.glossaries.iter().any(|g| absolute(g) == *p)
    };
    if changed.iter().any(is_config) {
        return None;
    }
    let discovery = check::discovery(args, &settings).ok()?;
    let inputs = discovery.discover(&args.paths).inputs;
    Some(
        inputs
            .into_iter()
            .filter_map(|input| match input {
                Input::File(path) if changed.contains(&absolute(&path)) => Some(path),
                _ => None,
            })
            .collect(),
    )
}

/// One run of `salin check`, over `only` these files when given; its
/// errors are reported and watching goes on.
fn check_and_report(args: &CheckArgs, only: Option<Vec<PathBuf>>) {
    let result = match only {
        Some(paths) => check::run(&CheckArgs {
            paths,
            ..args.clone()
        }),
        None => check::run(args),
    };
    if let Err(e) = result {
        report_error(&e);
    }
}
