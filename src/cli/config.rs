//! The configuration file (`salin.toml` or `.salin.toml`), discovered upward
//! from the current directory, and the settings it makes together with the
//! command line.
//!
//! Every error names the file and line: `salin.toml:3: unknown rule `x``.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::CliError;
use super::args::{ConfigArgs, OutputFormat};
use super::files::{DEFAULT_EXCLUDE, absolute, normalize};
use salin::{RuleSelection, RuleSet, Severity};

/// The names looked for, in each directory, in this order.
pub const CONFIG_NAMES: &[&str] = &["salin.toml", ".salin.toml"];

/// The file as written. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    glossaries: Option<Vec<Spanned<String>>>,
    default_glossary: Option<bool>,
    select: Option<Vec<Spanned<String>>>,
    extend_select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Severity>>,
    exclude: Option<Vec<Spanned<String>>>,
    extend_exclude: Option<Vec<Spanned<String>>>,
    force_exclude: Option<bool>,
    respect_gitignore: Option<bool>,
    format: Option<Spanned<String>>,
    allow_untranslated: Option<Vec<String>>,
    include_fuzzy: Option<bool>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    pairs: Vec<RawPair>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPair {
    target: Spanned<String>,
    source: Spanned<String>,
}

/// `[[pairs]]`: translations matching `target` (a gitignore-style glob
/// relative to the project root) are checked against the file that
/// `source` names (see [`Pair::source_for`]).
#[derive(Debug)]
pub struct Pair {
    pub target: String,
    matcher: Gitignore,
    pub source: String,
}

/// The placeholders a `source` template may use.
const PAIR_PLACEHOLDERS: &[&str] = &["dir", "parent", "name", "stem", "base", "ext"];

impl Pair {
    /// The source file for `relative` (a path relative to the project root
    /// that the pair's glob matches), relative to the root: the template
    /// with `{dir}` (the target's directory), `{parent}` (the directory above
    /// that), `{name}` (its file name), `{stem}` (the name without its
    /// extension), `{base}` (the name up to its first dot) and `{ext}` (the
    /// extension) filled in.
    pub fn source_for(&self, relative: &Path) -> PathBuf {
        let dir = relative.parent().unwrap_or(Path::new(""));
        let parent = dir.parent().unwrap_or(Path::new(""));
        let os = |p: Option<&std::ffi::OsStr>| p.and_then(|s| s.to_str()).unwrap_or("").to_string();
        let fill = |p: &Path| {
            let s = p.to_string_lossy().into_owned();
            if s.is_empty() { ".".to_string() } else { s }
        };
        let expanded = self
            .source
            .replace("{dir}", &fill(dir))
            .replace("{parent}", &fill(parent))
            .replace("{name}", &os(relative.file_name()))
            .replace("{stem}", &os(relative.file_stem()))
            .replace(
                "{base}",
                os(relative.file_name()).split('.').next().unwrap_or(""),
            )
            .replace("{ext}", &os(relative.extension()));
        normalize(Path::new(&expanded))
    }
}

/// A `source` template's problem: an unknown `{placeholder}` or an empty
/// template.
fn check_template(template: &str) -> Result<(), String> {
    if template.trim().is_empty() {
        return Err("`source` of a pair is empty".into());
    }
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(format!("unclosed `{{` in `{template}`"));
        };
        let name = &after[..close];
        if !PAIR_PLACEHOLDERS.contains(&name) {
            return Err(format!(
                "unknown placeholder `{{{name}}}` in `{template}` (expected {})",
                PAIR_PLACEHOLDERS
                    .iter()
                    .map(|p| format!("`{{{p}}}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    files: Spanned<Vec<Spanned<String>>>,
    select: Option<Vec<Spanned<String>>>,
    extend_select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Severity>>,
}

/// `[[overrides]]`: a rule selection for the files matching some globs.
#[derive(Debug)]
pub struct Override {
    pub files: Vec<String>,
    matcher: Gitignore,
    pub rules: RuleSelection,
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
            let start = o.files.span().start;
            let spanned = o.files.into_inner();
            if spanned.is_empty() {
                return Err(at(start, "`files` of an override is empty".into()));
            }
            let mut builder = GitignoreBuilder::new(&root);
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
            let rules = selection(o.select, o.extend_select, o.ignore, o.severity, &at)?;
            settings.overrides.push(Override {
                files,
                matcher,
                rules,
            });
        }
        for p in raw.pairs {
            let glob = p.target.get_ref();
            let mut builder = GitignoreBuilder::new(&root);
            builder
                .add_line(None, glob)
                .map_err(|e| at(p.target.span().start, format!("invalid glob `{glob}`: {e}")))?;
            let matcher = builder
                .build()
                .map_err(|e| at(p.target.span().start, format!("invalid glob: {e}")))?;
            check_template(p.source.get_ref()).map_err(|e| at(p.source.span().start, e))?;
            settings.pairs.push(Pair {
                target: p.target.into_inner(),
                matcher,
                source: p.source.into_inner(),
            });
        }
        settings.allow_untranslated = raw.allow_untranslated.unwrap_or_default();
        settings.include_fuzzy = raw.include_fuzzy.unwrap_or(false);
        Ok(settings)
    }

    /// The source file that `[[pairs]]` names for `path`, absolute, if a
    /// pair's glob matches it.
    pub fn source_for(&self, path: &Path) -> Option<PathBuf> {
        let relative = absolute(path).strip_prefix(&self.root).ok()?.to_path_buf();
        let pair = self.pairs.iter().find(|p| {
            p.matcher
                .matched_path_or_any_parents(&relative, false)
                .is_ignore()
        })?;
        Some(normalize(&self.root.join(pair.source_for(&relative))))
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

type At<'a> = dyn Fn(usize, String) -> CliError + 'a;

fn selection(
    select: Option<Vec<Spanned<String>>>,
    extend_select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Severity>>,
    at: &At<'_>,
) -> Result<RuleSelection, CliError> {
    let names = |v: Option<Vec<Spanned<String>>>| -> Result<Vec<String>, CliError> {
        v.unwrap_or_default()
            .into_iter()
            .map(|n| known_rule(n, at))
            .collect()
    };
    let select = match select {
        Some(v) => Some(names(Some(v))?),
        None => None,
    };
    let mut severities = BTreeMap::new();
    for (name, level) in severity.unwrap_or_default() {
        severities.insert(known_rule(name, at)?, level);
    }
    Ok(RuleSelection {
        select,
        extend_select: names(extend_select)?,
        ignore: names(ignore)?,
        severity: severities,
    })
}

fn known_rule(name: Spanned<String>, at: &At<'_>) -> Result<String, CliError> {
    if salin::rules::by_name(name.get_ref()).is_some() {
        Ok(name.into_inner())
    } else {
        Err(at(
            name.span().start,
            format!("unknown rule `{}` (see `salin rules`)", name.get_ref()),
        ))
    }
}

fn check_glob(root: &Path, glob: &str) -> Result<(), String> {
    GitignoreBuilder::new(root)
        .add_line(None, glob)
        .map(|_| ())
        .map_err(|e| format!("invalid exclude pattern `{glob}`: {e}"))
}

/// 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

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

/// What `salin config` prints: the effective configuration, as TOML.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Effective<'a> {
    default_glossary: bool,
    glossaries: Vec<String>,
    /// The rules enabled for files that no override matches.
    select: Vec<&'static str>,
    exclude: &'a [String],
    extend_exclude: &'a [String],
    force_exclude: bool,
    respect_gitignore: bool,
    format: String,
    allow_untranslated: &'a [String],
    include_fuzzy: bool,
    severity: BTreeMap<&'static str, Severity>,
    overrides: Vec<EffectiveOverride<'a>>,
    pairs: Vec<EffectivePair<'a>>,
}

#[derive(Serialize)]
struct EffectivePair<'a> {
    target: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct EffectiveOverride<'a> {
    files: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    select: Option<&'a [String]>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    extend_select: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    ignore: &'a [String],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    severity: &'a BTreeMap<String, Severity>,
}

/// The text of `salin config`.
pub fn render_effective(settings: &Settings) -> String {
    let set = settings.rule_set(&RuleSelection::default(), &[]);
    let format = settings
        .format
        .unwrap_or(OutputFormat::Text)
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    let effective = Effective {
        default_glossary: settings.default_glossary,
        glossaries: settings
            .glossaries
            .iter()
            .map(|(p, _)| p.display().to_string())
            .collect(),
        select: set.enabled().to_vec(),
        exclude: &settings.exclude,
        extend_exclude: &settings.extend_exclude,
        force_exclude: settings.force_exclude,
        respect_gitignore: settings.respect_gitignore,
        format,
        allow_untranslated: &settings.allow_untranslated,
        include_fuzzy: settings.include_fuzzy,
        severity: salin::rules::ALL
            .iter()
            .map(|r| r.meta().name)
            .filter_map(|n| set.severity(n).map(|s| (n, s)))
            .collect(),
        overrides: settings
            .overrides
            .iter()
            .map(|o| EffectiveOverride {
                files: &o.files,
                select: o.rules.select.as_deref(),
                extend_select: &o.rules.extend_select,
                ignore: &o.rules.ignore,
                severity: &o.rules.severity,
            })
            .collect(),
        pairs: settings
            .pairs
            .iter()
            .map(|p| EffectivePair {
                target: &p.target,
                source: &p.source,
            })
            .collect(),
    };
    let source = match &settings.config {
        Some(p) => format!("# Configuration file: {}\n", p.display()),
        None => "# No configuration file: built-in defaults.\n".to_string(),
    };
    format!(
        "{source}# Project root (globs are relative to it): {}\n\n{}",
        settings.root.display(),
        toml::to_string(&effective).expect("settings serialise")
    )
}

/// The starter configuration `salin init` writes.
pub const STARTER: &str = r#"# salin configuration (README, "Configuration").
# Every key is optional; remove the `#` to use one. `salin config` prints the
# effective configuration.

# Glossaries (.tsv, .csv, .toml or .tbx; README, "Glossary"), relative to
# this file. They are added to the embedded glossary unless
# `default-glossary = false`.
# glossaries = ["glossary/names.tsv"]
# default-glossary = true

# Rules (`salin rules` lists them). `select` replaces the default set,
# `extend-select` adds to it, `ignore` removes from it.
# select = ["hyphen-spacing", "repeated-word"]
# extend-select = []
# ignore = ["punctuation-spacing"]

# Files to skip (gitignore-style globs relative to this file). `exclude`
# replaces the default (`node_modules/`); `extend-exclude` adds to it.
# `.gitignore`, `.ignore` and hidden files are skipped too.
# exclude = ["node_modules/"]
# extend-exclude = ["docs/generated/"]
# force-exclude = false     # also skip excluded files named explicitly
# respect-gitignore = true

# The default report format: text, diff, json, jsonl, sarif, github, gitlab, junit.
# format = "text"

# Values that may stay as in the source (untranslated-segment).
# allow-untranslated = ["OK", "Wi-Fi"]
# include-fuzzy = false     # also check PO entries marked `#, fuzzy`

# Severity of a rule's findings: "error", "warning" or "info".
# [severity]
# punctuation-spacing = "info"

# Settings for some files only, applied after the ones above, in order.
# [[overrides]]
# files = ["docs/legacy/**"]
# ignore = ["punctuation-spacing"]
# [overrides.severity]
# glossary-near-miss = "info"

# Localisation files and their source files (README, "Localisation files and
# pairs"). `target` is a glob; in `source`, {dir} is the target's directory,
# {parent} the one above it, {name} its file name, {stem} the name without
# extension, {base} the name up to its first dot, {ext} the extension.
# [[pairs]]
# target = "**/tl.yml"
# source = "{dir}/en.yml"
# [[pairs]]
# target = "**/tl/*.json"
# source = "{parent}/en/{name}"
"#;

/// `salin config`.
pub fn print(args: &ConfigArgs) -> Result<i32, CliError> {
    let settings = Settings::load(args)?;
    print!("{}", render_effective(&settings));
    Ok(super::EXIT_CLEAN)
}

/// `salin init`: writes `salin.toml` unless a configuration file is already
/// in the current directory.
pub fn init() -> Result<i32, CliError> {
    for name in CONFIG_NAMES {
        if Path::new(name).exists() {
            return Err(CliError(format!("{name}: already exists; not overwritten")));
        }
    }
    let name = CONFIG_NAMES[0];
    std::fs::write(name, STARTER).map_err(|e| CliError::io(name, &e))?;
    eprintln!("Wrote {name}; `salin config` shows the effective configuration.");
    Ok(super::EXIT_CLEAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, String> {
        Settings::parse(
            text,
            "salin.toml",
            Path::new("/p/salin.toml"),
            PathBuf::from("/p"),
        )
        .map_err(|e| e.0)
    }

    #[test]
    fn the_starter_parses_and_changes_nothing() {
        let s = parse(STARTER).unwrap();
        assert!(s.rules.is_empty());
        assert_eq!(s.exclude, ["node_modules/"]);
        // Every key the starter mentions is a real key: uncommented, it parses.
        let uncommented: String = STARTER
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase() || c == '['))
            .filter(|l| l.contains(" = ") || l.starts_with('['))
            .map(|l| format!("{l}\n"))
            .collect();
        parse(&uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
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
    fn errors_name_the_line() {
        assert_eq!(
            parse("select = []\n\nfoo = 1\n").unwrap_err(),
            "salin.toml:3: unknown field `foo`, expected one of `glossaries`, `default-glossary`, `select`, `extend-select`, `ignore`, `severity`, `exclude`, `extend-exclude`, `force-exclude`, `respect-gitignore`, `format`, `allow-untranslated`, `include-fuzzy`, `overrides`, `pairs`"
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

    #[test]
    fn pairs_expand_their_source_templates() {
        let s = parse(
            "allow-untranslated = [\"OK\"]\n[[pairs]]\ntarget = \"**/tl.yml\"\nsource = \"{dir}/en.yml\"\n[[pairs]]\ntarget = \"**/tl/*.json\"\nsource = \"{parent}/en/{stem}.{ext}\"\n",
        )
        .unwrap();
        assert_eq!(s.allow_untranslated, ["OK"]);
        assert_eq!(
            s.source_for(Path::new("/p/config/locales/tl.yml")),
            Some(PathBuf::from("/p/config/locales/en.yml"))
        );
        assert_eq!(
            s.source_for(Path::new("/p/tl.yml")),
            Some(PathBuf::from("/p/en.yml"))
        );
        assert_eq!(
            s.source_for(Path::new("/p/public/locales/tl/common.json")),
            Some(PathBuf::from("/p/public/locales/en/common.json"))
        );
        assert_eq!(s.source_for(Path::new("/p/en.yml")), None);
        let s =
            parse("[[pairs]]\ntarget = \"**/*.tl.md\"\nsource = \"{dir}/{base}.en.md\"\n").unwrap();
        assert_eq!(
            s.source_for(Path::new("/p/news/ulat.tl.md")),
            Some(PathBuf::from("/p/news/ulat.en.md"))
        );
    }

    #[test]
    fn pair_errors_name_the_line() {
        assert_eq!(
            parse("[[pairs]]\ntarget = \"**/tl.yml\"\nsource = \"{folder}/en.yml\"\n").unwrap_err(),
            "salin.toml:3: unknown placeholder `{folder}` in `{folder}/en.yml` (expected `{dir}`, `{parent}`, `{name}`, `{stem}`, `{base}`, `{ext}`)"
        );
        assert_eq!(
            parse("[[pairs]]\ntarget = \"**/tl.yml\"\n").unwrap_err(),
            "salin.toml:1: missing field `source`"
        );
        assert_eq!(
            parse("[[pairs]]\n\ntarget = \"{a\"\nsource = \"en.yml\"\n")
                .unwrap_err()
                .split(':')
                .take(2)
                .collect::<Vec<_>>(),
            ["salin.toml", "3"]
        );
    }
}
