//! `salin completions SHELL` and `salin man`: both generated from the clap
//! definitions, so they never fall behind the flags.

use std::io::Write;

use clap::CommandFactory;

use super::args::Cli;
use super::{CliError, EXIT_CLEAN};

pub fn completions(shell: clap_complete::Shell) -> Result<i32, CliError> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "salin", &mut out);
    write_stdout(&out)
}

pub fn man(subcommand: Option<&str>) -> Result<i32, CliError> {
    let main = Cli::command();
    let command = match subcommand {
        None => main,
        Some(name) => {
            let Some(sub) = main.find_subcommand(name) else {
                let known: Vec<&str> = main.get_subcommands().map(|s| s.get_name()).collect();
                return Err(CliError(format!(
                    "unknown subcommand `{name}` (known: {})",
                    known.join(", ")
                )));
            };
            let full = format!("salin-{name}");
            sub.clone()
                .name(full)
                .bin_name(format!("salin {name}"))
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .map_err(|e| CliError::io("stdout", &e))?;
    write_stdout(&out)
}

fn write_stdout(bytes: &[u8]) -> Result<i32, CliError> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| CliError::io("stdout", &e))?;
    Ok(EXIT_CLEAN)
}
