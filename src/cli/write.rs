//! Writing fixed files atomically: a temporary file in the same directory,
//! flushed and given the original's permissions, then renamed over it. A
//! crash leaves either the old file or the new one, never half of each.

use std::fs;
use std::io::Write;
use std::path::Path;

use super::CliError;

/// Replaces `path`, whose content was `original` when read, with `new`.
/// Refuses when the file changed on disk since it was read.
pub fn write_atomically(path: &Path, original: &[u8], new: &[u8]) -> Result<(), CliError> {
    let name = path.display().to_string();
    let target = fs::canonicalize(path).map_err(|e| CliError::io(&name, &e))?;
    let now = fs::read(&target).map_err(|e| CliError::io(&name, &e))?;
    if now != original {
        return Err(CliError(format!(
            "{name}: changed on disk while salin was checking it; not written"
        )));
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = fs::metadata(&target)
        .map_err(|e| CliError::io(&name, &e))?
        .permissions();
    // Renaming would replace a read-only file (even as root): refuse.
    if permissions.readonly() {
        return Err(CliError(format!("{name}: read-only file; not written")));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".salin-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| CliError::io(&name, &e))?;
    tmp.write_all(new)
        .and_then(|()| tmp.as_file().sync_all())
        .and_then(|()| fs::set_permissions(tmp.path(), permissions))
        .map_err(|e| CliError::io(&name, &e))?;
    tmp.persist(&target)
        .map_err(|e| CliError::io(&name, &e.error))?;
    Ok(())
}
