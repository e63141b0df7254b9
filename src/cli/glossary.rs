//! `salin glossary check` and `salin glossary stats`.

use std::path::PathBuf;

use super::args::GlossaryCommand;
use super::{CliError, EXIT_CLEAN, EXIT_FOUND};
use salin::glossary::{self, DEFAULT_TOML, Term, check};

pub fn run(command: &GlossaryCommand) -> Result<i32, CliError> {
    match command {
        GlossaryCommand::Check { files } => check_files(files),
        GlossaryCommand::Stats { files } => {
            let terms = if files.is_empty() {
                glossary::toml::parse(DEFAULT_TOML, "glossary/default.toml")
                    .map_err(|e| CliError(e.to_string()))?
            } else {
                load_all(files)?
            };
            print!("{}", check::stats(&terms));
            Ok(EXIT_CLEAN)
        }
    }
}

fn load_all(files: &[PathBuf]) -> Result<Vec<Term>, CliError> {
    let mut terms = Vec::new();
    for path in files {
        terms.extend(glossary::load(path).map_err(|e| CliError(e.to_string()))?);
    }
    Ok(terms)
}

fn check_files(files: &[PathBuf]) -> Result<i32, CliError> {
    let terms = load_all(files)?;
    let problems = check::problems(&terms);
    for p in &problems {
        println!("{p}");
    }
    let files_word = if files.len() == 1 { "file" } else { "files" };
    if problems.is_empty() {
        println!(
            "{} terms in {} {files_word}: no problems.",
            terms.len(),
            files.len()
        );
        Ok(EXIT_CLEAN)
    } else {
        println!(
            "{} terms in {} {files_word}: {} {}.",
            terms.len(),
            files.len(),
            problems.len(),
            if problems.len() == 1 {
                "problem"
            } else {
                "problems"
            }
        );
        Ok(EXIT_FOUND)
    }
}
