//! `salin config`: the effective configuration, printed as TOML.

use std::collections::BTreeMap;

use clap::ValueEnum;
use serde::Serialize;

use super::super::CliError;
use super::super::args::{ConfigArgs, OutputFormat};
use super::Settings;
use salin::{RuleSelection, Severity};

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
    auto_pair: bool,
    severity: BTreeMap<&'static str, Severity>,
    overrides: Vec<EffectiveOverride<'a>>,
    pairs: Vec<EffectivePair<'a>>,
    max_length: Vec<EffectiveMaxLength<'a>>,
}

#[derive(Serialize)]
struct EffectiveMaxLength<'a> {
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    files: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    keys: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    chars: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ratio: Option<f64>,
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
        auto_pair: settings.auto_pair,
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
        max_length: settings
            .max_lengths
            .iter()
            .map(|m| EffectiveMaxLength {
                files: &m.files,
                keys: &m.keys,
                chars: m.chars,
                ratio: m.ratio,
            })
            .collect(),
    };
    let source = match &settings.config {
        Some(p) => format!("# Configuration file: {}\n", p.display()),
        None => "# No configuration file: built-in defaults.\n".to_string(),
    };
    let mut body = toml::to_string(&effective).expect("settings serialise");
    if !body.ends_with('\n') {
        body.push('\n');
    }
    format!(
        "{source}# Project root (globs are relative to it): {}\n\n{body}",
        settings.root.display(),
    )
}

/// `salin config`.
pub fn print(args: &ConfigArgs) -> Result<i32, CliError> {
    let settings = Settings::load(args)?;
    print!("{}", render_effective(&settings));
    Ok(super::super::EXIT_CLEAN)
}
