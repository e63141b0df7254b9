//! `salin check`: read each input, check it, fix it if asked, report.

use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use super::args::{CheckArgs, ColorChoice, OutputFormat};
use super::config::{Settings, display};
use super::files::{Discovery, Input, absolute};
use super::progress;
use super::read::{Encoding, decode, encode, read_file};
use super::write::write_atomically;
use super::{CliError, EXIT_CLEAN, EXIT_ERROR, EXIT_FOUND, report_error};
use indicatif::ProgressBar;
use salin::baseline::Baseline;
use salin::fix::fix_document_within;
use salin::glossary::{self, Glossary, Term};
use salin::lexicon::Dictionary;
use salin::report::{
    CodeQualityIssue, FileReport, JsonDiagnostic, Summary, TextOptions, gitlab_issues,
    json_diagnostics, render_github, render_junit, render_statistics, render_text, sarif,
    statistics, unified_diff,
};
use salin::suppress;
use salin::{Applicability, Checker, Diagnostic, Document, Format, RuleSelection};

/// One checked input, ready to report.
struct Checked {
    name: String,
    /// The file, or `None` for standard input.
    path: Option<PathBuf>,
    format: Format,
    /// The text the diagnostics refer to (the fixed text after `--fix`).
    text: String,
    /// The text as read.
    original: String,
    /// The text after the fixes a diff would show.
    fixed: String,
    diagnostics: Vec<Diagnostic>,
    applied: usize,
    /// The encoding read, and written back (`original` encoded in it gives
    /// the bytes as read).
    encoding: Encoding,
}

pub fn run(args: &CheckArgs) -> Result<i32, CliError> {
    let settings = Settings::load(&args.config)?;
    let cli_rules = cli_selection(args)?;
    let glossary = build_glossary(args, &settings)?;
    let base = Checker::with_settings(glossary, &settings.rule_set(&cli_rules, &[]))
        .with_dictionary(load_dictionary(args)?);
    let mut checkers: HashMap<Vec<usize>, Checker> = HashMap::new();
    let format = if args.diff {
        OutputFormat::Diff
    } else {
        args.format
            .or(settings.format)
            .unwrap_or(OutputFormat::Text)
    };
    let allowed = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let write = args.fix && !args.diff;

    let discovery = Discovery::new(
        &settings.root,
        &settings.excludes(&args.exclude, &args.extend_exclude),
        args.force_exclude || settings.force_exclude,
        args.types.clone(),
        settings.respect_gitignore,
    )?;
    let (inputs, errors) = discovery.discover(&args.paths);
    let mut failed = !errors.is_empty();
    for e in &errors {
        report_error(e);
    }
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err(CliError(
            "`-` (standard input) can be given only once".into(),
        ));
    }

    let stdin_fixed = write && inputs.contains(&Input::Stdin);
    let progress = progress::bar(inputs.len(), stdin_fixed && args.output_file.is_none());
    let mut results = Vec::new();
    for input in &inputs {
        let path = match input {
            Input::Stdin => PathBuf::from(args.stdin_filename.as_deref().unwrap_or("-")),
            Input::File(path) => path.clone(),
        };
        let overrides = settings.overrides_for(&path);
        let checker = if overrides.is_empty() {
            &base
        } else {
            checkers
                .entry(overrides)
                .or_insert_with_key(|o| base.with_rule_set(&settings.rule_set(&cli_rules, o)))
        };
        match check_input(checker, input, args, format, allowed, write, &progress) {
            Ok(Some(r)) => results.push(r),
            Ok(None) => {}
            Err(e) => {
                progress.suspend(|| report_error(&e));
                failed = true;
            }
        }
        progress.inc(1);
    }
    progress.finish_and_clear();

    let key = |r: &Checked| baseline_key(r, &settings.root);
    if let Some(path) = &args.write_baseline {
        let mut baseline = Baseline::new();
        for r in &results {
            baseline.add(&key(r), &r.text, &r.diagnostics);
        }
        let name = path.display().to_string();
        std::fs::write(path, baseline.to_json()).map_err(|e| CliError::io(&name, &e))?;
        eprintln!(
            "Wrote {} {} to {name}.",
            baseline.findings.len(),
            plural(baseline.findings.len(), "finding")
        );
        return Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN });
    }
    if let Some(path) = &args.baseline {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| CliError::io(&name, &e))?;
        let baseline = Baseline::from_json(&text)
            .map_err(|e| CliError(format!("{name}: not a salin baseline: {e}")))?;
        for r in &mut results {
            let diagnostics = std::mem::take(&mut r.diagnostics);
            r.diagnostics = baseline.filter(&key(r), &r.text, diagnostics);
        }
    }
    if args.add_suppressions {
        return add_suppressions(&results, failed);
    }

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

/// A file's name in baselines: relative to the project root, `/` separators.
fn baseline_key(r: &Checked, root: &Path) -> String {
    let Some(path) = &r.path else {
        return r.name.clone();
    };
    let absolute = absolute(path);
    match absolute.strip_prefix(root) {
        Ok(relative) => relative.display().to_string(),
        Err(_) => absolute.display().to_string(),
    }
}

/// `--add-suppressions`: a comment before every line with a finding.
fn add_suppressions(results: &[Checked], failed: bool) -> Result<i32, CliError> {
    let (mut added, mut files, mut left) = (0, 0, 0);
    for r in results {
        let findings = r
            .diagnostics
            .iter()
            .filter(|d| d.rule != suppress::UNUSED)
            .count();
        let Some(path) = &r.path else {
            left += findings;
            continue;
        };
        let doc = Document::new(r.name.clone(), r.original.clone(), r.format);
        let (new, n) = suppress::add_suppressions(&doc, &r.diagnostics);
        if n == 0 {
            left += findings;
            continue;
        }
        write_atomically(
            path,
            &encode(&r.original, r.encoding),
            &encode(&new, r.encoding),
        )?;
        added += n;
        files += 1;
    }
    eprintln!(
        "Added {added} {} to {files} {}.",
        plural(added, "suppression"),
        plural(files, "file")
    );
    if left > 0 {
        eprintln!(
            "salin: note: {left} {} in plain text or standard input cannot be suppressed (no comment syntax)",
            plural(left, "finding")
        );
    }
    Ok(if failed {
        EXIT_ERROR
    } else if left > 0 {
        EXIT_FOUND
    } else {
        EXIT_CLEAN
    })
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// The glossary: the embedded one (unless switched off), the configured
/// glossaries, then the `--glossary` files.
/// The word list of `--dictionary`, else the system's Hunspell list when
/// installed, unless `--no-dictionary`.
fn load_dictionary(args: &CheckArgs) -> Result<Option<Dictionary>, CliError> {
    if args.no_dictionary {
        Ok(None)
    } else if let Some(path) = &args.dictionary {
        Dictionary::load(path)
            .map(Some)
            .map_err(|e| CliError(e.to_string()))
    } else {
        Ok(Dictionary::system())
    }
}

fn build_glossary(args: &CheckArgs, settings: &Settings) -> Result<Glossary, CliError> {
    let mut terms: Vec<Term> = Vec::new();
    if settings.default_glossary && !args.no_default_glossary {
        terms.extend(Glossary::embedded().terms().iter().cloned());
    }
    let configured = settings.glossaries.iter().map(|(path, line)| {
        let config = settings.config.as_deref().map(display).unwrap_or_default();
        (
            path.clone(),
            display(path),
            Some(format!("{config}:{line}")),
        )
    });
    let given = args
        .glossaries
        .iter()
        .map(|p| (p.clone(), p.display().to_string(), None));
    for (path, name, origin) in configured.chain(given) {
        let loaded = glossary::load_as(&path, &name).map_err(|e| match &origin {
            Some(at) => CliError(format!("{at}: glossary {e}")),
            None => CliError(e.to_string()),
        })?;
        terms.extend(loaded);
    }
    Ok(Glossary::new(terms))
}

/// `--select`, `--extend-select` and `--ignore`, as one layer.
fn cli_selection(args: &CheckArgs) -> Result<RuleSelection, CliError> {
    let layer = RuleSelection {
        select: (!args.select.is_empty()).then(|| args.select.clone()),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        severity: Default::default(),
    };
    if let Some(name) = layer.unknown() {
        return Err(CliError(format!(
            "unknown rule `{name}` (see `salin rules`)"
        )));
    }
    Ok(layer)
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
            let bytes = read_file(path, &name)?;
            let format = Format::from_path(path).unwrap_or(Format::Plain);
            Ok((name, bytes, format))
        }
    }
}

fn check_input(
    checker: &Checker,
    input: &Input,
    args: &CheckArgs,
    output: OutputFormat,
    allowed: Applicability,
    write: bool,
    progress: &ProgressBar,
) -> Result<Option<Checked>, CliError> {
    let (name, bytes, format) = read_input(input, args)?;
    let Some(decoded) = decode(&name, &bytes)? else {
        progress.suspend(|| eprintln!("salin: note: {name}: binary file, skipped"));
        return Ok(None);
    };
    let (text, encoding) = (decoded.text, decoded.encoding);
    let deadline = args
        .timeout
        .map(|s| std::time::Instant::now() + std::time::Duration::from_secs_f64(s));
    let timeout = format!(
        "{name}: timed out after {} s; not checked",
        args.timeout.unwrap_or_default()
    );
    let timed_out = |_| CliError(timeout.clone());
    let doc = Document::new(name.clone(), text.clone(), format);
    let wants_fix = args.fix || output == OutputFormat::Diff;
    if !wants_fix {
        let diagnostics = checker.check_within(&doc, deadline).map_err(timed_out)?;
        return Ok(Some(Checked {
            name,
            path: file_path(input),
            format,
            fixed: text.clone(),
            original: text.clone(),
            text,
            diagnostics,
            applied: 0,
            encoding,
        }));
    }
    let fixed = fix_document_within(checker, &doc, allowed, deadline).map_err(timed_out)?;
    if write {
        if let Input::File(path) = input
            && fixed.text != text
        {
            write_atomically(path, &bytes, &encode(&fixed.text, encoding))?;
        }
        Ok(Some(Checked {
            name,
            path: file_path(input),
            format,
            original: text,
            text: fixed.text.clone(),
            fixed: fixed.text,
            diagnostics: fixed.remaining,
            applied: fixed.applied,
            encoding,
        }))
    } else {
        // Report the findings in the text as it is; the diff shows the fixes.
        Ok(Some(Checked {
            name,
            path: file_path(input),
            format,
            diagnostics: checker.check_within(&doc, deadline).map_err(timed_out)?,
            original: text.clone(),
            text,
            fixed: fixed.text,
            applied: 0,
            encoding,
        }))
    }
}

fn file_path(input: &Input) -> Option<PathBuf> {
    match input {
        Input::Stdin => None,
        Input::File(path) => Some(path.clone()),
    }
}

fn emit(
    results: &[Checked],
    format: OutputFormat,
    args: &CheckArgs,
    stdin_fixed: bool,
) -> Result<(), CliError> {
    // With `--fix` on stdin, stdout carries the fixed text and nothing else;
    // the report goes to stderr (or the --output-file).
    if stdin_fixed {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        for r in results {
            if r.name == args.stdin_filename.clone().unwrap_or_else(|| "-".into())
                || results.len() == 1
            {
                out.write_all(&encode(&r.text, r.encoding))
                    .map_err(stdout_error)?;
            }
        }
        out.flush().map_err(stdout_error)?;
    }
    let (mut w, sink, to_terminal): (Box<dyn Write>, String, bool) = match &args.output_file {
        Some(path) => {
            let name = path.display().to_string();
            let file = std::fs::File::create(path).map_err(|e| CliError::io(&name, &e))?;
            (Box::new(std::io::BufWriter::new(file)), name, false)
        }
        None if stdin_fixed => (
            Box::new(std::io::stderr()),
            "stderr".into(),
            std::io::stderr().is_terminal(),
        ),
        None => (
            Box::new(std::io::stdout().lock()),
            "stdout".into(),
            std::io::stdout().is_terminal(),
        ),
    };
    let report = render(results, format, args, to_terminal);
    w.write_all(report.as_bytes())
        .and_then(|()| w.flush())
        .map_err(|e| CliError::io(&sink, &e))
}

/// The whole report, in `format`.
fn render(
    results: &[Checked],
    format: OutputFormat,
    args: &CheckArgs,
    to_terminal: bool,
) -> String {
    let files: Vec<FileReport<'_>> = results.iter().map(file_report).collect();
    if args.statistics {
        let counts = statistics(&files);
        return if format == OutputFormat::Json {
            json(&counts)
        } else {
            render_statistics(&counts)
        };
    }
    let mut out = String::new();
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
            for (r, file) in results.iter().zip(&files) {
                out.push_str(&render_text(file, options));
                summary.add(&r.diagnostics);
                summary.fixed += r.applied;
            }
            out.push_str(&summary.line(args.unsafe_fixes));
            out.push('\n');
        }
        OutputFormat::Diff => {
            for r in results {
                out.push_str(&unified_diff(&r.name, &r.original, &r.fixed));
            }
        }
        OutputFormat::Json => {
            let all: Vec<JsonDiagnostic> = files.iter().flat_map(json_diagnostics).collect();
            out = json(&all);
        }
        OutputFormat::Jsonl => {
            for d in files.iter().flat_map(json_diagnostics) {
                out.push_str(&serde_json::to_string(&d).expect("diagnostics serialise"));
                out.push('\n');
            }
        }
        OutputFormat::Sarif => out = json(&sarif(&files)),
        OutputFormat::Github => {
            for file in &files {
                out.push_str(&render_github(file));
            }
        }
        OutputFormat::Gitlab => {
            let all: Vec<CodeQualityIssue> = files.iter().flat_map(gitlab_issues).collect();
            out = json(&all);
        }
        OutputFormat::Junit => out = render_junit(&files),
    }
    out
}

/// Pretty JSON, with a final newline, for any serialisable report.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("reports serialise") + "\n"
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
