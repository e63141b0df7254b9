//! Writing fixed files atomically: a temporary file in the same directory,
//! written, flushed and given the original's owner and permissions, then
//! renamed over it. A crash leaves either the old file or the new one,
//! never half of each; SIGINT and SIGTERM remove the temporary files first
//! (see [`super::interrupt`]).
//!
//! What is guaranteed about a file that changes while salin works on it:
//! the file is stamped (device, inode, size, modification and change
//! times) when it is opened for reading. After the temporary file is
//! written and flushed, the file is read again and compared with what was
//! checked, and right before the rename its stamp is taken again: any
//! difference and the file is left as it is, with an error. The only
//! change that can still be lost is one made in the few microseconds
//! between that last stamp and the rename (no portable lock closes it).

use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::CliError;
use super::interrupt;

/// What a file was when read: enough to tell that it changed since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        Stamp {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
        }
    }

    pub fn len(&self) -> u64 {
        self.len
    }
}

/// Replaces `path`, whose content was `original` (stamped `stamp`) when
/// read, with `new`. Refuses when the file changed on disk since it was
/// read, when it is read-only, when it has other hard links (replacing it
/// would split them) and when its owner cannot be kept.
pub fn write_atomically(
    path: &Path,
    original: &[u8],
    stamp: Option<Stamp>,
    new: &[u8],
) -> Result<(), CliError> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| CliError::io(&name, &e);
    let changed = || {
        CliError(format!(
            "{name}: changed on disk while salin was checking it; not written"
        ))
    };
    let target = fs::canonicalize(path).map_err(io)?;
    let meta = fs::metadata(&target).map_err(io)?;
    if stamp.is_some_and(|s| s != Stamp::of(&meta)) {
        return Err(changed());
    }
    // Renaming would replace a read-only file (even as root): refuse.
    if meta.permissions().readonly() {
        return Err(CliError(format!("{name}: read-only file; not written")));
    }
    if meta.nlink() > 1 {
        return Err(CliError(format!(
            "{name}: has {} hard links; not written (replacing it would split them)",
            meta.nlink()
        )));
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let tmp = Temporary::create(dir).map_err(io)?;
    let mut file = tmp.file();
    file.write_all(new)
        .and_then(|()| file.sync_all())
        .map_err(io)?;
    // Owner first: changing it clears the set-user-ID and set-group-ID
    // bits, which the permissions then restore.
    if (meta.uid(), meta.gid()) != current_owner(file).map_err(io)? {
        std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).map_err(|e| {
            if e.kind() == std::io::ErrorKind::PermissionDenied {
                CliError(format!(
                    "{name}: owned by another user or group; not written (the new file would not keep its owner)"
                ))
            } else {
                io(e)
            }
        })?;
    }
    file.set_permissions(meta.permissions()).map_err(io)?;
    if !same_content(&target, original).map_err(io)? {
        return Err(changed());
    }
    // The last look, a single `stat`, right before the rename.
    let now = fs::metadata(&target).map_err(io)?;
    if Stamp::of(&now) != Stamp::of(&meta) {
        return Err(changed());
    }
    tmp.persist(&target).map_err(io)
}

/// Writes `bytes` to `path` through a temporary file renamed over it (for
/// reports and baselines salin creates: never a half-written file).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| CliError::io(&name, &e);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // A new file gets the permissions any new file would (0666 less the
    // umask, applied by the system); a replaced one keeps its own.
    let mode =
        fs::metadata(path).map_or_else(|_| fs::Permissions::from_mode(0o666), |m| m.permissions());
    let tmp = Temporary::create_with(dir, Some(mode)).map_err(io)?;
    let mut file = tmp.file();
    file.write_all(bytes).map_err(io)?;
    tmp.persist(path).map_err(io)
}

fn current_owner(file: &fs::File) -> std::io::Result<(u32, u32)> {
    let meta = file.metadata()?;
    Ok((meta.uid(), meta.gid()))
}

/// Whether the file at `path` still holds exactly `expected`, read in
/// blocks so that a big file is not held twice in memory.
fn same_content(path: &Path, expected: &[u8]) -> std::io::Result<bool> {
    let mut file = fs::File::open(path)?;
    let mut block = vec![0u8; 1 << 16];
    let mut at = 0;
    loop {
        let n = file.read(&mut block)?;
        if n == 0 {
            return Ok(at == expected.len());
        }
        if expected.get(at..at + n) != Some(&block[..n]) {
            return Ok(false);
        }
        at += n;
    }
}

/// A temporary file (`.salin-XXXXXX.tmp`, hidden, so never read as input)
/// known to the interrupt handler until it is renamed or removed.
struct Temporary {
    /// `None` once renamed.
    file: Option<tempfile::NamedTempFile>,
    path: PathBuf,
}

impl Temporary {
    fn create(dir: &Path) -> std::io::Result<Temporary> {
        Temporary::create_with(dir, None)
    }

    /// A temporary file created with `mode` (the umask applies), or the
    /// owner-only default.
    fn create_with(dir: &Path, mode: Option<fs::Permissions>) -> std::io::Result<Temporary> {
        let file = interrupt::register(|| {
            let mut builder = tempfile::Builder::new();
            builder.prefix(".salin-").suffix(".tmp");
            if let Some(mode) = mode {
                builder.permissions(mode);
            }
            builder.tempfile_in(dir)
        })?;
        let path = file.path().to_path_buf();
        Ok(Temporary {
            file: Some(file),
            path,
        })
    }

    fn file(&self) -> &fs::File {
        self.file.as_ref().expect("not yet renamed").as_file()
    }

    fn persist(mut self, target: &Path) -> std::io::Result<()> {
        let file = self.file.take().expect("renamed once");
        // On failure the temporary file comes back and is removed.
        file.persist(target).map(drop).map_err(|e| e.error)
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        // Removed (when not renamed) before the handler forgets it.
        drop(self.file.take());
        interrupt::forget(&self.path);
    }
}
