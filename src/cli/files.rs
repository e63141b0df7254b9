//! Which files to check: explicit paths, directories walked with the `ignore`
//! crate (`.gitignore`, `.ignore` and hidden entries skipped, as git and
//! ripgrep do), excludes, file types, and `-` for stdin.
//!
//! Order is deterministic: explicit paths in the order given, each directory
//! walked in sorted path order.

use std::path::{Component, Path, PathBuf};

use clap::ValueEnum;
use ignore::WalkBuilder;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::CliError;
use salin::Format;

/// One input to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

/// The kinds of file salin reads, for `--type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileType {
    /// `.md`, `.markdown`
    Markdown,
    /// `.txt` (and, when named explicitly, files of any other extension)
    Text,
    /// `.yml`, `.yaml` localisation files
    Yaml,
    /// `.json`, `.arb` localisation files
    Json,
    /// gettext `.po`
    Po,
    /// `.xlf`, `.xliff`
    Xliff,
}

impl FileType {
    /// The type of a file met while walking a directory: `None` for files
    /// salin does not read.
    pub fn of_walked(path: &Path) -> Option<FileType> {
        Format::from_path(path).map(FileType::of_format)
    }

    /// The type of a file named explicitly: anything unknown is read as text.
    pub fn of_explicit(path: &Path) -> FileType {
        FileType::of_walked(path).unwrap_or(FileType::Text)
    }

    /// YAML, JSON, PO and XLIFF: read from directories only when their path
    /// names a Filipino locale, or when `--type` asks for them.
    pub fn is_localisation(self) -> bool {
        matches!(
            self,
            FileType::Yaml | FileType::Json | FileType::Po | FileType::Xliff
        )
    }

    fn of_format(format: Format) -> FileType {
        match format {
            Format::Markdown => FileType::Markdown,
            Format::Plain => FileType::Text,
            Format::Yaml => FileType::Yaml,
            Format::Json => FileType::Json,
            Format::Po => FileType::Po,
            Format::Xliff => FileType::Xliff,
        }
    }
}

/// Localisation files salin does not read, found while walking a
/// directory: each is named in a note (an error with `--strict`), so that
/// no translation passes as checked when it was not read.
#[derive(Debug, Default)]
pub struct Found {
    pub inputs: Vec<Input>,
    pub errors: Vec<CliError>,
    /// Files skipped unread, with what they are (`Android string resources`).
    pub unread: Vec<(PathBuf, &'static str)>,
}

/// What a file met in a walk is, when it is a localisation format salin
/// does not read: translation memories and SDLXLIFF always, the others
/// when their path names a Filipino locale (`values-tl/strings.xml`,
/// `fil.lproj/Localizable.strings`, `messages_tl.properties`,
/// `locales/tl/main.ftl`, `tl.csv`).
pub fn unread_locale_format(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let always = match ext.as_str() {
        "tmx" => Some("a TMX translation memory"),
        "sdlxliff" => Some("an SDLXLIFF (Trados) file"),
        _ => None,
    };
    if always.is_some() {
        return always;
    }
    let what = match ext.as_str() {
        "xml" => "Android string resources",
        "strings" | "stringsdict" => "iOS strings",
        "properties" => "Java properties",
        "ftl" => "Fluent messages",
        "csv" => "a CSV file",
        _ => return None,
    };
    let platform_dir = path
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .filter_map(|c| c.as_os_str().to_str())
        .filter_map(|dir| {
            dir.strip_suffix(".lproj")
                .or_else(|| dir.strip_prefix("values-b+"))
                .or_else(|| dir.strip_prefix("values-"))
        })
        .any(|locale| {
            let lang = locale.split(['-', '_', '+']).next().unwrap_or("");
            lang.eq_ignore_ascii_case("tl") || lang.eq_ignore_ascii_case("fil")
        });
    // Android keeps every language's resources in `values-*`: only the
    // Filipino ones are translations to check.
    let android_only = ext == "xml";
    (platform_dir || (!android_only && names_filipino_locale(path))).then_some(what)
}

/// Default `exclude` patterns: directories of installed packages, which are
/// rarely in `.gitignore` of content repositories that have no git at all.
pub const DEFAULT_EXCLUDE: &[&str] = &["node_modules/"];

/// How to discover files.
#[derive(Clone)]
pub struct Discovery {
    /// The current directory, absolute.
    cwd: PathBuf,
    /// Absolute directory that exclude globs are relative to (the directory of
    /// the configuration file, or the current directory).
    root: PathBuf,
    excludes: Gitignore,
    /// Apply excludes to explicitly named files too.
    force_exclude: bool,
    /// Only these types; empty means every type.
    types: Vec<FileType>,
    respect_gitignore: bool,
}

impl Discovery {
    /// `excludes` are gitignore-style globs relative to `root`, which must be
    /// absolute.
    pub fn new(
        root: &Path,
        excludes: &[String],
        force_exclude: bool,
        types: Vec<FileType>,
        respect_gitignore: bool,
    ) -> Result<Self, CliError> {
        let mut builder = GitignoreBuilder::new(root);
        for glob in excludes {
            builder
                .add_line(None, glob)
                .map_err(|e| CliError(format!("invalid exclude pattern `{glob}`: {e}")))?;
        }
        let excludes = builder
            .build()
            .map_err(|e| CliError(format!("invalid exclude pattern: {e}")))?;
        Ok(Discovery {
            cwd: absolute(Path::new(".")),
            root: root.to_path_buf(),
            excludes,
            force_exclude,
            types,
            respect_gitignore,
        })
    }

    /// Whether `path` (relative to the current directory, or absolute) is
    /// matched by an exclude pattern.
    pub fn is_excluded(&self, path: &Path, is_dir: bool) -> bool {
        let Some(relative) = relative_to(&absolute_from(&self.cwd, path), &self.root) else {
            return false; // outside the project: no pattern applies
        };
        if relative.as_os_str().is_empty() {
            return false;
        }
        self.excludes
            .matched_path_or_any_parents(&relative, is_dir)
            .is_ignore()
    }

    fn wants(&self, file_type: FileType) -> bool {
        self.types.is_empty() || self.types.contains(&file_type)
    }

    /// The inputs named by `paths`, in order, directories expanded. Errors (a
    /// missing path) are returned beside the inputs that were found.
    pub fn discover(&self, paths: &[PathBuf]) -> Found {
        let mut found = Found::default();
        let default = [PathBuf::from(".")];
        let paths = if paths.is_empty() {
            &default[..]
        } else {
            paths
        };
        for path in paths {
            if path.as_os_str() == "-" {
                found.inputs.push(Input::Stdin);
                continue;
            }
            match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    if !(self.force_exclude && self.is_excluded(path, true)) {
                        self.walk(path, &mut found);
                    }
                }
                Ok(_) => {
                    if self.force_exclude && self.is_excluded(path, false) {
                        continue;
                    }
                    if self.wants(FileType::of_explicit(path)) {
                        found.inputs.push(Input::File(path.clone()));
                    }
                }
                Err(e) => found
                    .errors
                    .push(CliError::io(&path.display().to_string(), &e)),
            }
        }
        found
    }

    fn walk(&self, dir: &Path, found: &mut Found) {
        let mut builder = WalkBuilder::new(dir);
        builder
            .hidden(true)
            .parents(true)
            .ignore(true)
            .git_ignore(self.respect_gitignore)
            .git_global(self.respect_gitignore)
            .git_exclude(self.respect_gitignore)
            .require_git(false)
            .follow_links(false)
            .sort_by_file_path(|a, b| a.cmp(b));
        // Excluded directories are not entered at all.
        let this = self.clone();
        builder.filter_entry(move |entry| {
            entry.depth() == 0
                || !entry.file_type().is_some_and(|t| t.is_dir())
                || !this.is_excluded(entry.path(), true)
        });
        for entry in builder.build() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    found.errors.push(CliError(walk_error(&e)));
                    continue;
                }
            };
            if entry.depth() == 0 {
                continue;
            }
            let path = entry.path();
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if is_dir || !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            if self.is_excluded(path, false) {
                continue;
            }
            match FileType::of_walked(path) {
                Some(t) if self.wants(t) && walked_file_is_read(path, t, &self.types) => {
                    found.inputs.push(Input::File(path.to_path_buf()));
                }
                Some(_) => {}
                None => {
                    if let Some(what) = unread_locale_format(path).filter(|_| self.types.is_empty())
                    {
                        found.unread.push((path.to_path_buf(), what));
                    }
                }
            }
        }
    }
}

pub use super::locale::names_filipino_locale;

/// Whether a file of type `t` met in a directory walk is checked: an
/// article (`.md`, `.markdown`, `.txt`) unless it is another language's
/// counterpart of a Filipino file (`en.md` beside `tl.md`, `README.es.md`
/// beside `README.tl.md`, `docs/en/a.md` beside `docs/tl/a.md`: a source
/// or another translation); a localisation file (YAML, JSON, PO, XLIFF)
/// when its path names a Filipino locale, or when `--type` asks for its
/// type.
fn walked_file_is_read(path: &Path, t: FileType, types: &[FileType]) -> bool {
    if t.is_localisation() {
        types.contains(&t) || names_filipino_locale(path)
    } else {
        !super::locale::counterpart_of_filipino(path)
    }
}

/// `ignore`'s errors carry the path in different places; give one line.
fn walk_error(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { path, err } => match err.as_ref() {
            ignore::Error::Io(io) => CliError::io(&path.display().to_string(), io).0,
            other => format!("{}: {other}", path.display()),
        },
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(err)
        }
        other => other.to_string(),
    }
}

/// `path` made absolute against the current directory, with `.` and `..`
/// components resolved lexically (symlinks are not followed).
pub fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return normalize(path);
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
    absolute_from(&cwd, path)
}

/// `path` made absolute against `cwd` (absolute), normalised lexically.
pub fn absolute_from(cwd: &Path, path: &Path) -> PathBuf {
    normalize(&cwd.join(path))
}

/// Lexical normalisation: drops `.`, resolves `..`.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` relative to `root`, both absolute and normalised.
pub fn relative_to(path: &Path, root: &Path) -> Option<PathBuf> {
    path.strip_prefix(root).ok().map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_drops_dots() {
        assert_eq!(
            normalize(Path::new("/a/./b/../c/d.md")),
            PathBuf::from("/a/c/d.md")
        );
    }

    #[test]
    fn excludes_match_relative_to_root_and_parents() {
        let d = Discovery::new(
            Path::new("/p"),
            &["docs/legacy/**".into(), "*.tmp.md".into(), "vendor/".into()],
            false,
            vec![],
            true,
        )
        .unwrap();
        assert!(d.is_excluded(Path::new("/p/docs/legacy/a.md"), false));
        assert!(d.is_excluded(Path::new("/p/x/y.tmp.md"), false));
        assert!(d.is_excluded(Path::new("/p/vendor/z/a.md"), false));
        assert!(!d.is_excluded(Path::new("/p/docs/a.md"), false));
        assert!(!d.is_excluded(Path::new("/elsewhere/docs/legacy/a.md"), false));
    }

    #[test]
    fn file_types() {
        assert_eq!(
            FileType::of_walked(Path::new("a.md")),
            Some(FileType::Markdown)
        );
        assert_eq!(FileType::of_walked(Path::new("a.rs")), None);
        assert_eq!(
            FileType::of_walked(Path::new("tl.yml")),
            Some(FileType::Yaml)
        );
        assert_eq!(FileType::of_explicit(Path::new("README")), FileType::Text);
    }

    #[test]
    fn unread_locale_formats() {
        for (path, what) in [
            ("app/res/values-tl/strings.xml", "Android string resources"),
            ("res/values-fil-rPH/strings.xml", "Android string resources"),
            ("res/values-b+fil+PH/arrays.xml", "Android string resources"),
            ("ios/tl.lproj/Localizable.strings", "iOS strings"),
            ("ios/fil.lproj/Plurals.stringsdict", "iOS strings"),
            ("src/messages_tl.properties", "Java properties"),
            ("locales/fil/main.ftl", "Fluent messages"),
            ("i18n/tl.csv", "a CSV file"),
            ("memory/all.tmx", "a TMX translation memory"),
            (
                "jobs/en-de/manual.docx.sdlxliff",
                "an SDLXLIFF (Trados) file",
            ),
        ] {
            assert_eq!(unread_locale_format(Path::new(path)), Some(what), "{path}");
        }
        for path in [
            "res/values/strings.xml",
            "res/values-de/strings.xml",
            "tl/pom.xml",
            "ios/en.lproj/Localizable.strings",
            "src/messages.properties",
            "data/prices.csv",
            "locales/tl.yml",
            "notes.txt",
        ] {
            assert_eq!(unread_locale_format(Path::new(path)), None, "{path}");
        }
    }
}
