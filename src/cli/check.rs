//! `salin check`: read each input, check it, fix it if asked, report.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use super::args::{CheckArgs, ColorChoice, OutputFormat};
use super::files::{Input, discover};
use super::write::write_atomically;
use super::{CliError, EXIT_CLEAN, EXIT_ERROR, EXIT_FOUND, report_error};
use salin::fix::fix_document;
use salin::glossary::{Glossary, Term, tsv};
use salin::lexicon::Dictionary;
use salin::report::{
    FileReport, JsonDiagnostic, Summary, TextOptions, json_diagnostics, render_text, unified_diff,
};
use salin::rules::{self, Rule};
use salin::{Applicability, Checker, Diagnostic, Document, Format};

/// One checked input, ready to report.
struct Checked {
    name: String,
    /// The text the diagnostics refer to (the fixed text after `--fix`).
    text: String,
    /// The text as read.
    original: String,
    /// The text after the fixes a diff would show.
    fixed: String,
    diagnostics: Vec<Diagnostic>,
    applied: usize,
}

pub fn run(args: &CheckArgs) -> Result<i32, CliError> {
    let checker = build_checker(args)?;
    let format = if args.diff {
        OutputFormat::Diff
    } else {
        args.format
    };
    let allowed = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let write = args.fix && !args.diff;

    let (inputs, errors) = discover(&args.paths);
    let mut failed = !errors.is_empty();
    for e in &errors {
        report_error(e);
    }
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err(CliError(
            "`-` (standard input) can be given only once".into(),
        ));
    }

    let mut results = Vec::new();
    for input in &inputs {
        match check_input(&checker, input, args, allowed, write) {
            Ok(r) => results.push(r),
            Err(e) => {
                report_error(&e);
                failed = true;
            }
        }
    }

    let stdin_fixed = write && inputs.contains(&Input::Stdin);
    emit(&results, format, args, stdin_fixed)?;

    let found = results.iter().any(|r| !r.diagnostics.is_empty());
    Ok(if failed {
        EXIT_ERROR
    } else if found && !args.exit_zero {
        EXIT_FOUND
    } else {
        EXIT_CLEAN
    })
}

fn build_checker(args: &CheckArgs) -> Result<Checker, CliError> {
    let mut terms: Vec<Term> = Vec::new();
    if !args.no_default_glossary {
        terms.extend(Glossary::embedded().terms().iter().cloned());
    }
    for path in &args.glossaries {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => CliError(format!("{name}: not valid UTF-8")),
            _ => CliError::io(&name, &e),
        })?;
        terms.extend(tsv::parse(&text, &name).map_err(|e| CliError(e.to_string()))?);
    }
    let selected = select_rules(&args.select, &args.ignore)?;
    let dictionary = if args.no_dictionary {
        None
    } else if let Some(path) = &args.dictionary {
        Some(Dictionary::load(path).map_err(|e| CliError(e.to_string()))?)
    } else {
        Dictionary::system()
    };
    Ok(Checker::with_rules(Glossary::new(terms), selected).with_dictionary(dictionary))
}

fn select_rules(select: &[String], ignore: &[String]) -> Result<Vec<&'static dyn Rule>, CliError> {
    for name in select.iter().chain(ignore) {
        if rules::by_name(name).is_none() {
            return Err(CliError(format!(
                "unknown rule `{name}` (see `salin rules`)"
            )));
        }
    }
    Ok(rules::ALL
        .iter()
        .copied()
        .filter(|r| {
            if select.is_empty() {
                r.meta().default_enabled
            } else {
                select.iter().any(|s| s == r.meta().name)
            }
        })
        .filter(|r| !ignore.iter().any(|s| s == r.meta().name))
        .collect())
}

fn read_input(input: &Input, args: &CheckArgs) -> Result<(String, Vec<u8>, Format), CliError> {
    match input {
        Input::Stdin => {
            let name = args.stdin_filename.clone().unwrap_or_else(|| "-".into());
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| CliError::io(&name, &e))?;
            let format = Format::from_path(Path::new(&name)).unwrap_or(Format::Plain);
            Ok((name, bytes, format))
        }
        Input::File(path) => {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| CliError::io(&name, &e))?;
            let format = Format::from_path(path).unwrap_or(Format::Plain);
            Ok((name, bytes, format))
        }
    }
}

fn check_input(
    checker: &Checker,
    input: &Input,
    args: &CheckArgs,
    allowed: Applicability,
    write: bool,
) -> Result<Checked, CliError> {
    let (name, bytes, format) = read_input(input, args)?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t.to_string(),
        Err(e) => {
            return Err(CliError(format!(
                "{name}: not valid UTF-8 (at byte {})",
                e.valid_up_to()
            )));
        }
    };
    let doc = Document::new(name.clone(), text.clone(), format);
    let wants_fix = args.fix || args.diff || args.format == OutputFormat::Diff;
    if !wants_fix {
        let diagnostics = checker.check(&doc);
        return Ok(Checked {
            name,
            fixed: text.clone(),
            original: text.clone(),
            text,
            diagnostics,
            applied: 0,
        });
    }
    let fixed = fix_document(checker, &doc, allowed);
    if write {
        if let Input::File(path) = input
            && fixed.text != text
        {
            write_atomically(path, &bytes, &fixed.text)?;
        }
        Ok(Checked {
            name,
            original: text,
            text: fixed.text.clone(),
            fixed: fixed.text,
            diagnostics: fixed.remaining,
            applied: fixed.applied,
        })
    } else {
        // Report the findings in the text as it is; the diff shows the fixes.
        Ok(Checked {
            name,
            diagnostics: checker.check(&doc),
            original: text.clone(),
            text,
            fixed: fixed.text,
            applied: 0,
        })
    }
}

fn emit(
    results: &[Checked],
    format: OutputFormat,
    args: &CheckArgs,
    stdin_fixed: bool,
) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // With `--fix` on stdin, stdout carries the fixed text and nothing else;
    // the report goes to stderr.
    let mut report_to: Box<dyn Write> = if stdin_fixed {
        for r in results {
            if r.name == args.stdin_filename.clone().unwrap_or_else(|| "-".into())
                || results.len() == 1
            {
                out.write_all(r.text.as_bytes()).map_err(stdout_error)?;
            }
        }
        Box::new(std::io::stderr())
    } else {
        Box::new(out)
    };
    let to_terminal = if stdin_fixed {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let w = &mut report_to;
    match format {
        OutputFormat::Text => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            let width = std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(100);
            let options = TextOptions { color, width };
            let mut summary = Summary::default();
            for r in results {
                let file = FileReport {
                    path: &r.name,
                    source: &r.text,
                    diagnostics: &r.diagnostics,
                };
                w.write_all(render_text(&file, options).as_bytes())
                    .map_err(stdout_error)?;
                summary.add(&r.diagnostics);
                summary.fixed += r.applied;
            }
            writeln!(w, "{}", summary.line(args.unsafe_fixes)).map_err(stdout_error)?;
        }
        OutputFormat::Diff => {
            for r in results {
                w.write_all(unified_diff(&r.name, &r.original, &r.fixed).as_bytes())
                    .map_err(stdout_error)?;
            }
        }
        OutputFormat::Json => {
            let all: Vec<JsonDiagnostic> = results
                .iter()
                .flat_map(|r| json_diagnostics(&file_report(r)))
                .collect();
            serde_json::to_writer_pretty(&mut *w, &all)
                .map_err(|e| CliError(format!("stdout: {e}")))?;
            writeln!(w).map_err(stdout_error)?;
        }
        OutputFormat::Jsonl => {
            for r in results {
                for d in json_diagnostics(&file_report(r)) {
                    serde_json::to_writer(&mut *w, &d)
                        .map_err(|e| CliError(format!("stdout: {e}")))?;
                    writeln!(w).map_err(stdout_error)?;
                }
            }
        }
    }
    w.flush().map_err(stdout_error)
}

fn file_report(r: &Checked) -> FileReport<'_> {
    FileReport {
        path: &r.name,
        source: &r.text,
        diagnostics: &r.diagnostics,
    }
}

fn stdout_error(e: std::io::Error) -> CliError {
    CliError::io("stdout", &e)
}
