//! Dispatch of the subcommands, and the exit-code contract:
//! 0 nothing found, 1 problems found, 2 usage or I/O error.

mod args;
pub mod check;
mod check_one;
pub mod config;
pub mod files;
mod generated;
mod glossary;
mod interrupt;
pub mod locale;
mod ordered;
mod output;
pub mod pairing;
mod peers;
mod progress;
mod read;
pub mod rules;
mod watch;
mod write;

use std::fmt;

use clap::Parser;

pub use args::{Cli, ServerArgs};

pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FOUND: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// An error for the user: one line, naming the file it concerns.
#[derive(Debug)]
pub struct CliError(pub String);

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl CliError {
    pub fn io(path: &str, err: &std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            // The reader went away (`salin check ... | head`): it knows,
            // and a message would only clutter its terminal, as it would
            // for ripgrep. The exit code still says the output is cut.
            return CliError(String::new());
        }
        CliError(format!("{path}: {}", describe_io(err)))
    }

    /// An error with nothing worth saying (a closed output pipe).
    fn is_silent(&self) -> bool {
        self.0.is_empty()
    }
}

/// `std::io::Error` without the `(os error N)` suffix, in lower case.
fn describe_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match err.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "is a directory".into(),
        _ => {
            let s = err.to_string();
            let s = match s.find(" (os error") {
                Some(i) => &s[..i],
                None => &s,
            };
            // "Too many levels of symbolic links" → "too many ...".
            let mut chars = s.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

pub fn report_error(err: &CliError) {
    if !err.is_silent() {
        eprintln!("salin: error: {err}");
    }
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
        }
    };
    let result = match cli.command {
        args::Command::Check(args) if args.watch => watch::run(&args),
        args::Command::Check(args) => check::run(&args),
        args::Command::Server(args) => crate::server::run(&args),
        args::Command::Rules(args) => rules::list(&args),
        args::Command::Explain { rule } => rules::explain(&rule),
        args::Command::Glossary(command) => glossary::run(&command),
        args::Command::Config(args) => config::print(&args),
        args::Command::Init => config::init(),
        args::Command::Completions { shell } => generated::completions(shell),
        args::Command::Man { subcommand } => generated::man(subcommand.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            report_error(&err);
            EXIT_ERROR
        }
    }
}
