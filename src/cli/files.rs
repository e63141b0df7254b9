//! Which files to check: explicit paths, directories walked for `.txt`, `.md`
//! and `.markdown` files (hidden entries skipped), and `-` for stdin.

use std::fs;
use std::path::{Path, PathBuf};

use super::CliError;
use salin::Format;

/// One input to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

/// The inputs named by `paths`, in order, directories expanded (sorted).
/// Errors (a missing path) are returned beside the inputs that were found.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<CliError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.clone())),
            Err(e) => errors.push(CliError::io(&path.display().to_string(), &e)),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<CliError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(CliError::io(&dir.display().to_string(), &e));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // Do not follow directory symlinks: they can loop.
        let Ok(meta) = fs::symlink_metadata(&child) else {
            continue;
        };
        if meta.is_dir() {
            walk(&child, inputs, errors);
        } else if Format::from_path(&child).is_some() {
            inputs.push(Input::File(child));
        }
    }
}
