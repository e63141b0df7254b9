//! SIGINT, SIGTERM and SIGHUP during a run that writes files: the
//! temporary files being written are removed, then the process dies of the
//! signal as it would have without a handler (so a shell sees the usual
//! status, 130 for Ctrl-C).
//!
//! A temporary file is created and registered under one lock, and the
//! handler takes that lock before it removes them, so no file is created
//! unseen: once the handler holds the lock, no new one is made.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

#[derive(Default)]
struct Live {
    paths: HashSet<PathBuf>,
    /// Set by the handler: no more temporary files.
    stopping: bool,
}

fn live() -> MutexGuard<'static, Live> {
    static LIVE: OnceLock<Mutex<Live>> = OnceLock::new();
    LIVE.get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

/// Installs the handler (once; later calls do nothing). Only runs that
/// write files install it, so the others keep the default behaviour.
pub fn install() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return; // no handler: a kill may leave a temporary file, as before
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let mut live = live();
                live.stopping = true;
                for path in live.paths.drain() {
                    let _ = std::fs::remove_file(path);
                }
                // The default action of the signal ends the process.
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
}

/// Creates a temporary file with `create` and registers its path, under
/// the lock; fails once the handler has started removing files.
pub fn register(
    create: impl FnOnce() -> std::io::Result<tempfile::NamedTempFile>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut live = live();
    if live.stopping {
        return Err(std::io::Error::other("interrupted"));
    }
    let file = create()?;
    live.paths.insert(file.path().to_path_buf());
    Ok(file)
}

/// The temporary file at `path` was renamed or removed.
pub fn forget(path: &Path) {
    live().paths.remove(path);
}
