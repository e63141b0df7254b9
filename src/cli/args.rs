//! Command-line arguments. Flag names are a public interface: scripts and CI
//! configurations depend on them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    Check(CheckArgs),
    /// List every rule: name, default severity, fix, summary.
    Rules(RulesArgs),
    /// Print a rule's documentation, with examples.
    Explain {
        /// The rule's name, e.g. `hyphen-spacing`.
        rule: String,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (directories: `.txt`, `.md`, `.markdown`
    /// files below them). `-` reads standard input. Default: `.`.
    pub paths: Vec<PathBuf>,

    /// A glossary file (TSV: canonical term, then tab-separated variants).
    /// Repeatable; added to the embedded glossary.
    #[arg(long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,

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

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

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

    /// The name to report for standard input; its extension picks the format
    /// (`.md` for Markdown).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Only run these rules (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,

    /// Do not run these rules (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,

    /// When to colour the text report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
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
