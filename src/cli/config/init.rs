//! `salin init`: the starter configuration, written to `salin.toml`.

use std::path::Path;

use super::super::CliError;
use super::discover::CONFIG_NAMES;

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
# auto-pair = true          # pair tl/fil files with their en files (see [[pairs]])

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
# pairs"). A file whose path carries `tl` or `fil` is paired with the same
# path carrying `en` when that file exists (locales/tl.yml with
# locales/en.yml); auto-pair turns that off when false. `[[pairs]]` names
# sources that the convention does not find. `target` is a glob; in `source`, {dir} is the target's directory,
# {parent} the one above it, {name} its file name, {stem} the name without
# extension, {base} the name up to its first dot, {ext} the extension.
# [[pairs]]
# target = "**/tl.yml"
# source = "{dir}/en.yml"
# [[pairs]]
# target = "**/tl/*.json"
# source = "{parent}/en/{name}"
"#;

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
    Ok(super::super::EXIT_CLEAN)
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse;
    use super::*;

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
}
