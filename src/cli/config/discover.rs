//! Finding the configuration file: `salin.toml` or `.salin.toml`, in the
//! current directory or the closest one above it.

use std::path::{Path, PathBuf};

use super::super::files::absolute;

/// The names looked for, in each directory, in this order.
pub const CONFIG_NAMES: &[&str] = &["salin.toml", ".salin.toml"];

/// The closest configuration file at or above `dir`.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let mut dir = Some(dir);
    while let Some(d) = dir {
        for name in CONFIG_NAMES {
            let candidate = d.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        dir = d.parent();
    }
    None
}

/// A path for messages: relative to the current directory when below it.
pub fn display(path: &Path) -> String {
    let cwd = absolute(Path::new("."));
    match path.strip_prefix(&cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.display().to_string(),
        _ => path.display().to_string(),
    }
}
