//! The configuration file as written: every key optional, unknown keys an
//! error (serde does the reading; each value keeps its span for messages),
//! and the checks of rule names and globs that turn it into settings.

use std::collections::BTreeMap;
use std::path::Path;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;
use toml::Spanned;

use super::super::CliError;
use salin::{RuleSelection, Severity};

/// The file as written. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawConfig {
    pub glossaries: Option<Vec<Spanned<String>>>,
    pub default_glossary: Option<bool>,
    pub select: Option<Vec<Spanned<String>>>,
    pub extend_select: Option<Vec<Spanned<String>>>,
    pub ignore: Option<Vec<Spanned<String>>>,
    pub severity: Option<BTreeMap<Spanned<String>, Severity>>,
    pub exclude: Option<Vec<Spanned<String>>>,
    pub extend_exclude: Option<Vec<Spanned<String>>>,
    pub force_exclude: Option<bool>,
    pub respect_gitignore: Option<bool>,
    pub format: Option<Spanned<String>>,
    pub allow_untranslated: Option<Vec<String>>,
    pub include_fuzzy: Option<bool>,
    pub auto_pair: Option<bool>,
    #[serde(default)]
    pub overrides: Vec<RawOverride>,
    #[serde(default)]
    pub pairs: Vec<RawPair>,
    #[serde(default)]
    pub max_length: Vec<RawMaxLength>,
    #[serde(default)]
    pub patterns: Vec<RawPattern>,
}

/// `[[patterns]]`: a house rule, a regular expression with a message.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawPattern {
    pub name: Spanned<String>,
    pub regex: Spanned<String>,
    pub message: String,
    pub replacement: Option<String>,
    pub safe: Option<bool>,
    pub severity: Option<Severity>,
    pub files: Option<Vec<Spanned<String>>>,
}

/// `[[max-length]]`: a length limit for some files and keys.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawMaxLength {
    pub files: Option<Vec<Spanned<String>>>,
    pub keys: Option<Vec<String>>,
    pub chars: Option<Spanned<i64>>,
    pub ratio: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawOverride {
    pub files: Spanned<Vec<Spanned<String>>>,
    pub select: Option<Vec<Spanned<String>>>,
    pub extend_select: Option<Vec<Spanned<String>>>,
    pub ignore: Option<Vec<Spanned<String>>>,
    pub severity: Option<BTreeMap<Spanned<String>, Severity>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawPair {
    pub target: Spanned<String>,
    pub source: Spanned<String>,
}

pub(super) type At<'a> = dyn Fn(usize, String) -> CliError + 'a;

pub(super) fn selection(
    select: Option<Vec<Spanned<String>>>,
    extend_select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Severity>>,
    at: &At<'_>,
    patterns: &[&str],
) -> Result<RuleSelection, CliError> {
    let names = |v: Option<Vec<Spanned<String>>>| -> Result<Vec<String>, CliError> {
        v.unwrap_or_default()
            .into_iter()
            .map(|n| known_rule(n, at, patterns))
            .collect()
    };
    let select = match select {
        Some(v) => Some(names(Some(v))?),
        None => None,
    };
    let mut severities = BTreeMap::new();
    for (name, level) in severity.unwrap_or_default() {
        severities.insert(known_rule(name, at, patterns)?, level);
    }
    Ok(RuleSelection {
        select,
        extend_select: names(extend_select)?,
        ignore: names(ignore)?,
        severity: severities,
    })
}

/// `name` when it names a built-in rule or one of `patterns`.
fn known_rule(name: Spanned<String>, at: &At<'_>, patterns: &[&str]) -> Result<String, CliError> {
    if salin::rules::by_name(name.get_ref()).is_some()
        || patterns.contains(&name.get_ref().as_str())
    {
        Ok(name.into_inner())
    } else {
        Err(at(
            name.span().start,
            format!("unknown rule `{}` (see `salin rules`)", name.get_ref()),
        ))
    }
}

pub(super) fn check_glob(root: &Path, glob: &str) -> Result<(), String> {
    GitignoreBuilder::new(root)
        .add_line(None, glob)
        .map(|_| ())
        .map_err(|e| format!("invalid exclude pattern `{glob}`: {e}"))
}

/// Optional `files` globs of an entry: the globs as written and their
/// matcher (`None`: every file). `start` is the entry's offset, for errors
/// that name no glob.
pub(super) fn optional_globs(
    globs: Option<Vec<Spanned<String>>>,
    root: &Path,
    at: &At<'_>,
    start: usize,
) -> Result<(Vec<String>, Option<Gitignore>), CliError> {
    let Some(globs) = globs else {
        return Ok((Vec::new(), None));
    };
    let mut files = Vec::new();
    let mut builder = GitignoreBuilder::new(root);
    for glob in globs {
        builder.add_line(None, glob.get_ref()).map_err(|e| {
            at(
                glob.span().start,
                format!("invalid glob `{}`: {e}", glob.get_ref()),
            )
        })?;
        files.push(glob.into_inner());
    }
    let matcher = builder
        .build()
        .map_err(|e| at(start, format!("invalid glob: {e}")))?;
    Ok((files, Some(matcher)))
}
