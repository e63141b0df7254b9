//! The configuration file (`salin.toml` or `.salin.toml`), discovered upward
//! from the current directory, and the settings it makes together with the
//! command line.
//!
//! Every error names the file and line: `salin.toml:3: unknown rule `x``.
//!
//! One concern a file: [`schema`] (the file as written), this module (the
//! settings it makes, and how a file's rules, pairs and excludes are
//! resolved), [`pairs`] (source templates), [`discover`] (finding the
//! file), [`effective`] (`salin config`) and [`init`] (`salin init`).

mod discover;
mod effective;
mod init;
mod max_length;
mod pairs;
mod schema;

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use toml::Spanned;

use super::CliError;
use super::args::{ConfigArgs, OutputFormat};
use super::files::{DEFAULT_EXCLUDE, absolute, normalize};
use super::locale::english_source;
pub use discover::display;
pub use discover::{CONFIG_NAMES, discover};
pub use effective::print;
pub use init::init;
pub use max_length::MaxLength;
pub use pairs::Pair;
use salin::{RuleSelection, RuleSet};
use schema::{At, RawConfig, RawOverride, check_glob, selection};

/// `[[overrides]]`: a rule selection for the files matching some globs.
#[derive(Debug)]
pub struct Override {
    pub files: Vec<String>,
    matcher: Gitignore,
    pub rules: RuleSelection,
}

impl Override {
    /// An override as configured, its globs and rule names checked.
    fn new(raw: RawOverride, root: &Path, at: &At<'_>) -> Result<Override, CliError> {
        let start = raw.files.span().start;
        let spanned = raw.files.into_inner();
        if spanned.is_empty() {
            return Err(at(start, "`files` of an override is empty".into()));
        }
        let mut builder = GitignoreBuilder::new(root);
        for glob in &spanned {
            builder.add_line(None, glob.get_ref()).map_err(|e| {
                at(
                    glob.span().start,
                    format!("invalid glob `{}`: {e}", glob.get_ref()),
                )
            })?;
        }
        let files: Vec<String> = spanned.into_iter().map(Spanned::into_inner).collect();
        let matcher = builder
            .build()
            .map_err(|e| at(start, format!("invalid glob: {e}")))?;
        let rules = selection(raw.select, raw.extend_select, raw.ignore, raw.severity, at)?;
        Ok(Override {
            files,
            matcher,
            rules,
        })
    }
}

/// The effective settings: defaults, then the configuration file, then the
/// command line.
#[derive(Debug)]
pub struct Settings {
    /// The configuration file used, if any.
    pub config: Option<PathBuf>,
    /// Absolute directory that globs are relative to: the configuration
    /// file's directory, or the current directory.
    pub root: PathBuf,
    /// Glossary files from the configuration, resolved against its
    /// directory, with the line naming each (for errors).
    pub glossaries: Vec<(PathBuf, usize)>,
    pub default_glossary: bool,
    /// Rule selection from the configuration file.
    pub rules: RuleSelection,
    pub exclude: Vec<String>,
    pub extend_exclude: Vec<String>,
    pub force_exclude: bool,
    pub respect_gitignore: bool,
    pub format: Option<OutputFormat>,
    pub overrides: Vec<Override>,
    /// `[[pairs]]`, in order: the first whose glob matches a file pairs it.
    pub pairs: Vec<Pair>,
    /// Values `untranslated-segment` accepts unchanged.
    pub allow_untranslated: Vec<String>,
    /// Check PO entries marked `#, fuzzy` too.
    pub include_fuzzy: bool,
    /// Pair a Filipino file with its English counterpart by convention
    /// (`auto-pair`, on by default).
    pub auto_pair: bool,
    /// `[[max-length]]`, in order.
    pub max_lengths: Vec<MaxLength>,
}

impl Settings {
    /// Settings without any configuration file.
    pub fn defaults(root: PathBuf) -> Self {
        Settings {
            config: None,
            root,
            glossaries: Vec::new(),
            default_glossary: true,
            rules: RuleSelection::default(),
            exclude: DEFAULT_EXCLUDE.iter().map(|s| s.to_string()).collect(),
            extend_exclude: Vec::new(),
            force_exclude: false,
            respect_gitignore: true,
            format: None,
            overrides: Vec::new(),
            pairs: Vec::new(),
            allow_untranslated: Vec::new(),
            include_fuzzy: false,
            auto_pair: true,
            max_lengths: Vec::new(),
        }
    }

    /// Finds and reads the configuration as `--config`/`--isolated` say.
    pub fn load(args: &ConfigArgs) -> Result<Self, CliError> {
        let cwd = absolute(Path::new("."));
        if args.isolated {
            return Ok(Settings::defaults(cwd));
        }
        let path = match &args.config {
            Some(path) => {
                if !path.is_file() {
                    let name = path.display().to_string();
                    return Err(match std::fs::metadata(path) {
                        Err(e) => CliError::io(&name, &e),
                        Ok(_) => CliError(format!("{name}: is a directory")),
                    });
                }
                Some(absolute(path))
            }
            None => discover(&cwd),
        };
        match path {
            Some(path) => Settings::read(&path),
            None => Ok(Settings::defaults(cwd)),
        }
    }

    /// Reads the configuration file at `path` (absolute).
    pub fn read(path: &Path) -> Result<Self, CliError> {
        let name = display(path);
        let bytes = std::fs::read(path).map_err(|e| CliError::io(&name, &e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..valid]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            CliError(format!("{name}:{line}: not valid UTF-8"))
        })?;
        let root = path.parent().map_or_else(|| PathBuf::from("/"), normalize);
        Settings::parse(&text, &name, path, root)
    }

    /// Parses configuration `text`; `name` is shown in errors.
    pub fn parse(text: &str, name: &str, path: &Path, root: PathBuf) -> Result<Self, CliError> {
        let at = |offset: usize, message: String| {
            CliError(format!("{name}:{}: {message}", line_of(text, offset)))
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            CliError(format!("{name}:{line}: {}", e.message().trim_end()))
        })?;
        let mut settings = Settings::defaults(root.clone());
        settings.config = Some(path.to_path_buf());
        for g in raw.glossaries.unwrap_or_default() {
            let line = line_of(text, g.span().start);
            settings
                .glossaries
                .push((normalize(&root.join(g.get_ref())), line));
        }
        if let Some(v) = raw.default_glossary {
            settings.default_glossary = v;
        }
        settings.rules = selection(raw.select, raw.extend_select, raw.ignore, raw.severity, &at)?;
        let globs = |v: Vec<Spanned<String>>| -> Result<Vec<String>, CliError> {
            v.into_iter()
                .map(|g| {
                    check_glob(&root, g.get_ref()).map_err(|e| at(g.span().start, e))?;
                    Ok(g.into_inner())
                })
                .collect()
        };
        if let Some(v) = raw.exclude {
            settings.exclude = globs(v)?;
        }
        settings.extend_exclude = globs(raw.extend_exclude.unwrap_or_default())?;
        if let Some(v) = raw.force_exclude {
            settings.force_exclude = v;
        }
        if let Some(v) = raw.respect_gitignore {
            settings.respect_gitignore = v;
        }
        if let Some(f) = raw.format {
            let value = f.get_ref();
            let format = OutputFormat::from_str(value, false).map_err(|_| {
                let known: Vec<String> = OutputFormat::value_variants()
                    .iter()
                    .filter_map(|v| v.to_possible_value())
                    .map(|v| format!("`{}`", v.get_name()))
                    .collect();
                at(
                    f.span().start,
                    format!(
                        "unknown format `{value}`, expected one of {}",
                        known.join(", ")
                    ),
                )
            })?;
            settings.format = Some(format);
        }
        for o in raw.overrides {
            settings.overrides.push(Override::new(o, &root, &at)?);
        }
        for p in raw.pairs {
            settings.pairs.push(Pair::new(p, &root, &at)?);
        }
        settings.allow_untranslated = raw.allow_untranslated.unwrap_or_default();
        settings.include_fuzzy = raw.include_fuzzy.unwrap_or(false);
        settings.auto_pair = raw.auto_pair.unwrap_or(true);
        let entries = toml_table_lines(text, "max-length");
        for (i, m) in raw.max_length.into_iter().enumerate() {
            let start = entries.get(i).copied().unwrap_or(0);
            let origin = format!("{name}:{}", line_of(text, start));
            settings
                .max_lengths
                .push(MaxLength::new(m, &root, &at, start, origin)?);
        }
        Ok(settings)
    }

    /// The source file of `path`: the one the first `[[pairs]]` entry
    /// whose glob matches it names (absolute), else, unless `auto-pair =
    /// false`, its English counterpart by convention when that exists
    /// (`locales/tl.yml` → `locales/en.yml`, see [`english_source`]).
    pub fn source_for(&self, path: &Path) -> Option<PathBuf> {
        self.paired_source(path)
            .or_else(|| self.auto_pair.then(|| english_source(path)).flatten())
    }

    /// The source file that `[[pairs]]` names for `path`, absolute, if a
    /// pair's glob matches it.
    fn paired_source(&self, path: &Path) -> Option<PathBuf> {
        let relative = absolute(path).strip_prefix(&self.root).ok()?.to_path_buf();
        let pair = self.pairs.iter().find(|p| p.matches(&relative))?;
        Some(normalize(&self.root.join(pair.source_for(&relative))))
    }

    /// The `[[max-length]]` limits that apply to `path`'s units, by key.
    pub fn limits_for(&self, path: &Path) -> Vec<salin::input::KeyLimit> {
        let Ok(relative) = absolute(path)
            .strip_prefix(&self.root)
            .map(Path::to_path_buf)
        else {
            return Vec::new();
        };
        self.max_lengths
            .iter()
            .filter(|m| m.matches(&relative))
            .flat_map(MaxLength::key_limits)
            .collect()
    }

    /// The overrides (their indices) that apply to `path`.
    pub fn overrides_for(&self, path: &Path) -> Vec<usize> {
        let Ok(relative) = absolute(path)
            .strip_prefix(&self.root)
            .map(Path::to_path_buf)
        else {
            return Vec::new();
        };
        if relative.as_os_str().is_empty() {
            return Vec::new();
        }
        self.overrides
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                o.matcher
                    .matched_path_or_any_parents(&relative, false)
                    .is_ignore()
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The rules for a file: defaults, configuration, command line, then the
    /// matching overrides in order.
    pub fn rule_set(&self, cli: &RuleSelection, overrides: &[usize]) -> RuleSet {
        let mut set = RuleSet::defaults().with(&self.rules).with(cli);
        for &i in overrides {
            set.apply(&self.overrides[i].rules);
        }
        set
    }

    /// The excludes: the configured ones (or the defaults) replaced by
    /// `exclude` when given, plus every `extend` from both.
    pub fn excludes(&self, exclude: &[String], extend: &[String]) -> Vec<String> {
        let mut out = if exclude.is_empty() {
            self.exclude.clone()
        } else {
            exclude.to_vec()
        };
        out.extend(self.extend_exclude.iter().cloned());
        out.extend(extend.iter().cloned());
        out
    }
}

/// Where each `[[NAME]]` header of a TOML text starts, in order (serde
/// gives no spans for a table in an array of tables).
fn toml_table_lines(text: &str, name: &str) -> Vec<usize> {
    let header = format!("[[{name}]]");
    let mut at = 0;
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.trim() == header {
            out.push(at);
        }
        at += line.len();
    }
    out
}

/// 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use salin::Severity;

    pub(super) fn parse(text: &str) -> Result<Settings, String> {
        Settings::parse(
            text,
            "salin.toml",
            Path::new("/p/salin.toml"),
            PathBuf::from("/p"),
        )
        .map_err(|e| e.0)
    }

    #[test]
    fn keys_are_read() {
        let s = parse(
            "glossaries = [\"g/names.tsv\"]\nselect = [\"hyphen-spacing\"]\nformat = \"json\"\n\
             [severity]\nhyphen-spacing = \"warning\"\n\
             [[overrides]]\nfiles = [\"docs/legacy/**\"]\nignore = [\"hyphen-spacing\"]\n",
        )
        .unwrap();
        assert_eq!(s.glossaries, [(PathBuf::from("/p/g/names.tsv"), 1)]);
        assert_eq!(s.format, Some(OutputFormat::Json));
        let base = s.rule_set(&RuleSelection::default(), &[]);
        assert_eq!(base.enabled(), ["hyphen-spacing"]);
        assert_eq!(base.severity("hyphen-spacing"), Some(Severity::Warning));
        assert_eq!(s.overrides_for(Path::new("/p/docs/legacy/a/b.md")), [0]);
        assert!(s.overrides_for(Path::new("/p/docs/a.md")).is_empty());
        assert!(
            s.rule_set(&RuleSelection::default(), &[0])
                .enabled()
                .is_empty()
        );
    }

    #[test]
    fn max_length_entries() {
        let s = parse(
            "select = []\n\n[[max-length]]\nfiles = [\"locales/**\"]\nkeys = [\"button.*\"]\nchars = 20\n\n[[max-length]]\nratio = 1.5\n",
        )
        .unwrap();
        let limits = s.limits_for(Path::new("/p/locales/tl.json"));
        let shown: Vec<(Vec<String>, salin::input::LimitMax, String)> = limits
            .into_iter()
            .map(|l| (l.keys, l.limit.max, l.limit.origin))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    vec!["button.*".to_string()],
                    salin::input::LimitMax::Chars(20),
                    "salin.toml:3".to_string()
                ),
                (
                    vec![],
                    salin::input::LimitMax::SourceRatio(150),
                    "salin.toml:8".to_string()
                ),
            ]
        );
        assert_eq!(s.limits_for(Path::new("/p/docs/a.md")).len(), 1);
        assert_eq!(
            parse("[[max-length]]\nkeys = [\"a\"]\n").unwrap_err(),
            "salin.toml:1: a `[[max-length]]` entry needs `chars`, `ratio` or both"
        );
        assert_eq!(
            parse("[[max-length]]\n\nchars = 0\n").unwrap_err(),
            "salin.toml:3: `chars` must be a positive number"
        );
        assert_eq!(
            parse("[[max-length]]\nratio = -1.0\n").unwrap_err(),
            "salin.toml:2: `ratio` must be a positive number"
        );
        assert_eq!(
            parse("[[max-length]]\nchars = 3\nwidth = 2\n").unwrap_err(),
            "salin.toml:3: unknown field `width`, expected one of `files`, `keys`, `chars`, `ratio`"
        );
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            parse("select = []\n\nfoo = 1\n").unwrap_err(),
            "salin.toml:3: unknown field `foo`, expected one of `glossaries`, `default-glossary`, `select`, `extend-select`, `ignore`, `severity`, `exclude`, `extend-exclude`, `force-exclude`, `respect-gitignore`, `format`, `allow-untranslated`, `include-fuzzy`, `auto-pair`, `overrides`, `pairs`, `max-length`"
        );
        assert_eq!(
            parse("\nignore = [\n  \"hyphen-spacing\",\n  \"nope\",\n]\n").unwrap_err(),
            "salin.toml:4: unknown rule `nope` (see `salin rules`)"
        );
        assert_eq!(
            parse("[severity]\nhyphen-spacing = \"fatal\"\n").unwrap_err(),
            "salin.toml:2: unknown variant `fatal`, expected one of `info`, `warning`, `error`"
        );
        assert_eq!(
            parse("format = \"xml\"\n").unwrap_err(),
            "salin.toml:1: unknown format `xml`, expected one of `text`, `diff`, `json`, `jsonl`, `sarif`, `github`, `gitlab`, `junit`, `html`"
        );
        assert_eq!(
            parse("select = []\n\nextend-exclude = [\"a/**\", \"{a,b\"]\n").unwrap_err(),
            "salin.toml:3: invalid exclude pattern `{a,b`: error parsing glob '{a,b': unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)"
        );
        assert_eq!(
            parse("[[overrides]]\nfiles = [\n\"a\",\n\"{b\"]\n").unwrap_err(),
            "salin.toml:4: invalid glob `{b`: error parsing glob '{b': unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)"
        );
        assert_eq!(
            parse("[[overrides]]\nfiles = []\n").unwrap_err(),
            "salin.toml:2: `files` of an override is empty"
        );
        assert_eq!(
            parse("force-exclude = \"yes\"\n").unwrap_err(),
            "salin.toml:1: invalid type: string \"yes\", expected a boolean"
        );
        assert_eq!(
            parse("[[overrides]]\nignore = [\"hyphen-spacing\"]\n").unwrap_err(),
            "salin.toml:1: missing field `files`"
        );
        assert_eq!(
            parse("[[overrides]]\nfiles = [\"a\"]\nsevere = 1\n").unwrap_err(),
            "salin.toml:3: unknown field `severe`, expected one of `files`, `select`, `extend-select`, `ignore`, `severity`"
        );
        assert_eq!(
            parse("select = [\"a\"\n")
                .unwrap_err()
                .lines()
                .next()
                .unwrap(),
            "salin.toml:1: unclosed array, expected `]`"
        );
    }
}
