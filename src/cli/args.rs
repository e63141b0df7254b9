//! Command-line arguments. Flag names are a public interface: scripts and CI
//! configurations depend on them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use super::files::FileType;

#[derive(Debug, Parser)]
#[command(
    name = "salin",
    version,
    about = "Checks machine-translated Filipino (Tagalog) text before it is published",
    long_about = "Checks machine-translated Filipino (Tagalog) text before it is published: \
                  broken hyphens (`pag -unlad`), mangled or re-cased proper nouns, repeated \
                  words, broken company suffixes and spacing. Reports each finding with the \
                  corrected line, and applies the safe fixes with --fix."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files, directories or standard input (`-`).
    Check(Box<CheckArgs>),
    /// List every rule: name, default severity, fix, summary.
    Rules(RulesArgs),
    /// Print a rule's documentation, with examples.
    Explain {
        /// The rule's name, e.g. `hyphen-spacing`.
        rule: String,
    },
    /// Print the effective configuration (configuration file and defaults).
    Config(ConfigArgs),
    /// Write a commented starter `salin.toml` in the current directory.
    Init,
    /// Print a shell completion script (e.g. `salin completions bash >
    /// /etc/bash_completion.d/salin`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff): `salin man > salin.1`, or a
    /// subcommand's, `salin man check > salin-check.1`.
    Man {
        /// The subcommand whose page to print.
        subcommand: Option<String>,
    },
    /// Run the language server (LSP over standard input and output) for
    /// editors: diagnostics as you type, fixes and suppressions as code
    /// actions.
    Server(ServerArgs),
    /// Validate or summarise glossary files.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Check glossary files (.tsv, .csv, .toml, .tbx): syntax, duplicate
    /// spellings, and spellings both accepted and forbidden.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Summarise glossary files (by default, the embedded glossary).
    Stats {
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// Which configuration file to use.
#[derive(Clone, Debug, Args, Default)]
pub struct ConfigArgs {
    /// Use this configuration file instead of discovering `salin.toml` or
    /// `.salin.toml` upward from the current directory.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
}

#[derive(Clone, Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (directories: the `.txt`, `.md` and
    /// `.markdown` files below them that are not git-ignored, hidden or
    /// excluded). `-` reads standard input. Default: `.`.
    pub paths: Vec<PathBuf>,

    /// A glossary file (.tsv, .csv, .toml or .tbx). Repeatable; added to the
    /// embedded glossary.
    #[arg(long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,

    /// How many files to check at once (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Do not use the embedded default glossary.
    #[arg(long)]
    pub no_default_glossary: bool,

    /// A Tagalog word list to confirm compounds and hyphenated forms: a
    /// Hunspell `.dic` (its `.aff` beside it) or a list, one word a line.
    /// Default: /usr/share/hunspell/tl.dic when installed.
    #[arg(long, value_name = "PATH", conflicts_with = "no_dictionary")]
    pub dictionary: Option<PathBuf>,

    /// Do not use any word list, not even the system's.
    #[arg(long)]
    pub no_dictionary: bool,

    /// Output format [default: `format` in the configuration, else text].
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,

    /// Apply safe fixes in place (with `-`, print the fixed text to stdout).
    #[arg(long)]
    pub fix: bool,

    /// Also apply unsafe fixes (guesses such as near-miss names) with `--fix`
    /// or `--diff`.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of the fixes instead of applying them.
    #[arg(long)]
    pub diff: bool,

    /// Exit with 0 even when problems are found (errors still exit with 2).
    #[arg(long)]
    pub exit_zero: bool,

    /// The lowest severity that makes the run fail (exit 1): `error`,
    /// `warning` or `info` (every finding). Findings below it are still
    /// reported.
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = FailOn::Info)]
    pub fail_on: FailOn,

    /// Make every file that is skipped unread an error (exit 2): a locale
    /// format salin does not read met in a directory (Android, iOS,
    /// .properties, Fluent, TMX, SDLXLIFF, CSV), a binary file, a file over
    /// `--max-file-size`.
    #[arg(long)]
    pub strict: bool,

    /// Skip files bigger than this, with a note (e.g. `100M`, `2G`, `5000`
    /// bytes; suffixes K, M and G are powers of 1024). Default: 100M.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "100M")]
    pub max_file_size: u64,

    /// The name to report for standard input; its extension picks the format
    /// (`.md` for Markdown).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Only run these rules (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,

    /// Run these rules too (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,

    /// Do not run these rules (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,

    /// When to colour the text report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Skip files and directories matching this gitignore-style glob
    /// (relative to the project root). Repeatable; replaces the configured
    /// and default excludes.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Like `--exclude`, but adds to the configured and default excludes.
    #[arg(long, value_name = "GLOB")]
    pub extend_exclude: Vec<String>,

    /// Apply excludes to files and directories named on the command line too
    /// (for pre-commit and other tools that pass every changed file).
    #[arg(long)]
    pub force_exclude: bool,

    /// The source-language file that the checked files translate: a YAML or
    /// JSON file whose keys match theirs, or the source article
    /// (`article.en.md`) of an article. Overrides `[[pairs]]` and the
    /// pairing by convention.
    #[arg(long, value_name = "FILE")]
    pub source: Option<PathBuf>,

    /// Check every file without a source: no `[[pairs]]`, and no pairing by
    /// convention (`locales/tl.yml` with `locales/en.yml`).
    #[arg(long, conflicts_with = "source")]
    pub no_source: bool,

    /// Also check PO entries marked `#, fuzzy` (skipped by default).
    #[arg(long)]
    pub include_fuzzy: bool,

    /// Only check files of this type (repeatable).
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub types: Vec<FileType>,

    /// Print how many findings each rule made instead of the findings
    /// (a table; JSON with `--format json`).
    #[arg(long)]
    pub statistics: bool,

    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// Add a suppression comment for every current finding (Markdown, YAML
    /// and PO files), so that the next run is clean.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    pub add_suppressions: bool,

    /// Record every current finding in FILE (JSON) and exit 0; check later
    /// with `--baseline FILE` to see only new findings.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "fix", "diff"])]
    pub write_baseline: Option<PathBuf>,

    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Give up on a file after SECONDS (e.g. `10`, `0.5`): it is reported as
    /// an error (exit 2) and left untouched, and the other files are checked.
    #[arg(long, value_name = "SECONDS", value_parser = parse_timeout)]
    pub timeout: Option<f64>,

    /// Keep running: check again whenever a checked file, the
    /// configuration or a glossary changes (Ctrl-C stops).
    #[arg(long, conflicts_with_all = ["write_baseline", "add_suppressions", "output_file"])]
    pub watch: bool,

    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Args)]
pub struct ServerArgs {
    /// Talk over standard input and output (the only transport, and the
    /// default; accepted because editors' LSP clients pass it).
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Annotated snippets with the fixed line beside each finding.
    Text,
    /// A unified diff of the fixed text.
    Diff,
    /// One JSON array of findings.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// JUnit XML.
    Junit,
    /// A self-contained HTML page for editors: each document with its
    /// findings marked in place (use with `--output-file report.html`).
    Html,
}

/// `--fail-on`: the lowest severity that fails the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> salin::Severity {
        match self {
            FailOn::Error => salin::Severity::Error,
            FailOn::Warning => salin::Severity::Warning,
            FailOn::Info => salin::Severity::Info,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A positive, finite number of seconds.
fn parse_timeout(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if t.is_finite() && t > 0.0 && t < 1e9 => Ok(t),
        _ => Err("expected a positive number of seconds".into()),
    }
}

/// A size in bytes: a number with an optional K, M or G (powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&s[..i], c.to_ascii_uppercase()),
        _ => (s, 'B'),
    };
    let factor: u64 = match unit {
        'B' => 1,
        'K' => 1 << 10,
        'M' => 1 << 20,
        'G' => 1 << 30,
        _ => return Err("expected a number of bytes, e.g. 5000, 100K, 100M or 2G".into()),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .filter(|&n| n > 0)
        .ok_or_else(|| "expected a number of bytes, e.g. 5000, 100K, 100M or 2G".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("5000"), Ok(5000));
        assert_eq!(parse_size("100M"), Ok(100 << 20));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert_eq!(parse_size("1K"), Ok(1024));
        assert!(parse_size("0").is_err());
        assert!(parse_size("10X").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("-1").is_err());
    }
}
