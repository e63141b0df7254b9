//! `salin check`: read each input, check it, fix it if asked, report.

use std::collections::HashMap;
use std::io::{Read, Write};

use std::path::{Path, PathBuf};

use super::args::{CheckArgs, OutputFormat};
use super::config::{Settings, display};
use super::files::{Discovery, Input, absolute};
use super::ordered::for_each_ordered;
use super::output::{Checked, Output};
use super::pairing::Pairing;
use super::progress;
use super::read::{decode, encode, read_file};
use super::write::write_atomically;
use super::{CliError, EXIT_CLEAN, EXIT_ERROR, EXIT_FOUND, report_error};
use indicatif::ProgressBar;
use salin::baseline::Baseline;
use salin::fix::fix_document_within;
use salin::glossary::{self, Glossary, Term};
use salin::lexicon::Dictionary;
use salin::suppress;
use salin::{Applicability, Checker, Document, Format, RuleSelection};

pub fn run(args: &CheckArgs) -> Result<i32, CliError> {
    let settings = Settings::load(&args.config)?;
    let cli_rules = cli_selection(args)?;
    let glossary = build_glossary(args, &settings)?;
    let base = Checker::with_settings(glossary, &settings.rule_set(&cli_rules, &[]))
        .with_dictionary(load_dictionary(args)?)
        .with_allow_untranslated(settings.allow_untranslated.clone())
        .with_fuzzy(args.include_fuzzy || settings.include_fuzzy);
    let pairing = Pairing::new(args.source.as_deref())?;
    let attach = |doc: Document, path: Option<&Path>| pairing.attach(doc, path, &settings);
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
    let threads = args.threads.unwrap_or(0);
    let mut output = Output::new(args, format, stdin_fixed)?;
    let key = |r: &Checked| baseline_key(r, &settings.root);
    let baseline = match &args.baseline {
        Some(path) => {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| CliError::io(&name, &e))?;
            Some(
                Baseline::from_json(&text)
                    .map_err(|e| CliError(format!("{name}: not a salin baseline: {e}")))?,
            )
        }
        None => None,
    };
    let mut new_baseline = args.write_baseline.as_ref().map(|_| Baseline::new());
    let mut suppressions = Suppressions::default();
    let mut found = false;

    // Files under per-file overrides get their own rule set (built once).
    let overrides: Vec<Vec<usize>> = inputs
        .iter()
        .map(|input| match input {
            Input::Stdin => PathBuf::from(args.stdin_filename.as_deref().unwrap_or("-")),
            Input::File(path) => path.clone(),
        })
        .map(|path| settings.overrides_for(&path))
        .collect();
    for o in &overrides {
        if !o.is_empty() && !checkers.contains_key(o) {
            let checker = base.with_rule_set(&settings.rule_set(&cli_rules, o));
            checkers.insert(o.clone(), checker);
        }
    }
    let jobs: Vec<(&Input, &Checker)> = inputs
        .iter()
        .zip(&overrides)
        .map(|(input, o)| (input, if o.is_empty() { &base } else { &checkers[o] }))
        .collect();

    // Files are checked in parallel and reported in input order as each is
    // next in line, so the output is deterministic and memory stays bounded.
    let work = |&(input, checker): &(&Input, &Checker)| {
        let r = check_input(
            checker, input, args, format, allowed, write, &progress, &attach,
        );
        progress.inc(1);
        r
    };
    let report = |result: Result<Option<Checked>, CliError>| -> Result<(), CliError> {
        let mut r = match result {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(()),
            Err(e) => {
                progress.suspend(|| report_error(&e));
                failed = true;
                return Ok(());
            }
        };
        if let Some(b) = new_baseline.as_mut() {
            b.add(&key(&r), &r.text, &r.diagnostics);
            return Ok(());
        }
        if let Some(b) = &baseline {
            let diagnostics = std::mem::take(&mut r.diagnostics);
            r.diagnostics = b.filter(&key(&r), &r.text, diagnostics);
        }
        if args.add_suppressions {
            return suppressions.add(&r);
        }
        if stdin_fixed && r.path.is_none() {
            write_stdout(&r)?;
        }
        found |= !r.diagnostics.is_empty();
        output.file(r)
    };
    for_each_ordered(&jobs, threads, work, report)?;
    drop(jobs);
    progress.finish_and_clear();

    if let (Some(path), Some(baseline)) = (&args.write_baseline, &new_baseline) {
        let name = path.display().to_string();
        std::fs::write(path, baseline.to_json()).map_err(|e| CliError::io(&name, &e))?;
        eprintln!(
            "Wrote {} {} to {name}.",
            baseline.findings.len(),
            plural(baseline.findings.len(), "finding")
        );
        return Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN });
    }
    if args.add_suppressions {
        return Ok(suppressions.finish(failed));
    }
    output.finish()?;
    // The process ends now: freeing a big glossary's many small allocations
    // one by one would cost more than the whole check of a small file, and
    // the system reclaims the memory anyway.
    std::mem::forget(checkers);
    std::mem::forget(base);

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

/// `--add-suppressions`: a comment before every line with a finding, file by
/// file.
#[derive(Default)]
struct Suppressions {
    added: usize,
    files: usize,
    /// Findings that could not be suppressed.
    left: usize,
}

impl Suppressions {
    fn add(&mut self, r: &Checked) -> Result<(), CliError> {
        let findings = r
            .diagnostics
            .iter()
            .filter(|d| d.rule != suppress::UNUSED)
            .count();
        let Some(path) = &r.path else {
            self.left += findings;
            return Ok(());
        };
        let doc = Document::new(r.name.clone(), r.original.clone(), r.format);
        let (new, n) = suppress::add_suppressions(&doc, &r.diagnostics);
        if n == 0 {
            self.left += findings;
            return Ok(());
        }
        write_atomically(
            path,
            &encode(&r.original, r.encoding),
            &encode(&new, r.encoding),
        )?;
        self.added += n;
        self.files += 1;
        Ok(())
    }

    fn finish(self, failed: bool) -> i32 {
        eprintln!(
            "Added {} {} to {} {}.",
            self.added,
            plural(self.added, "suppression"),
            self.files,
            plural(self.files, "file")
        );
        if self.left > 0 {
            eprintln!(
                "salin: note: {} {} in plain text or standard input cannot be suppressed (no comment syntax)",
                self.left,
                plural(self.left, "finding")
            );
        }
        if failed {
            EXIT_ERROR
        } else if self.left > 0 {
            EXIT_FOUND
        } else {
            EXIT_CLEAN
        }
    }
}

/// With `--fix` on standard input, stdout carries the fixed text and nothing
/// else.
fn write_stdout(r: &Checked) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(&encode(&r.text, r.encoding))
        .and_then(|()| out.flush())
        .map_err(|e| CliError::io("stdout", &e))
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

#[allow(clippy::too_many_arguments)]
fn check_input(
    checker: &Checker,
    input: &Input,
    args: &CheckArgs,
    output: OutputFormat,
    allowed: Applicability,
    write: bool,
    progress: &ProgressBar,
    attach: &(dyn Fn(Document, Option<&Path>) -> Document + Sync),
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
    // Malformed input is refused, never checked in part.
    let doc = Document::parse(name.clone(), text.clone(), format, deadline).map_err(|e| {
        if e.is_time_out() {
            CliError(timeout.clone())
        } else {
            CliError(format!("{name}:{}: {}", e.line, e.message))
        }
    })?;
    let doc = attach(doc, file_path(input).as_deref());
    let wants_fix = args.fix || output == OutputFormat::Diff;
    if wants_fix && format == Format::Plain && Format::is_foreign_text(Path::new(&name)) {
        progress.suspend(|| {
            eprintln!(
                "salin: note: {name}: not a format salin parses; checked as plain text, not fixed"
            )
        });
    }
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
