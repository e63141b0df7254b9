//! The configuration file as written: every key optional, unknown keys an
//! error (serde does the reading; each value keeps its span for messages),
//! and the checks of rule names and globs that turn it into settings.

use std::collections::BTreeMap;
use std::path::Path;

use ignore::gitignore::GitignoreBuilder;
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

pub(super) fn check_glob(root: &Path, glob: &str) -> Result<(), String> {
    GitignoreBuilder::new(root)
        .add_line(None, glob)
        .map(|_| ())
        .map_err(|e| format!("invalid exclude pattern `{glob}`: {e}"))
}
