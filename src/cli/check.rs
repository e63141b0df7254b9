//! `salin check`: read each input, check it, fix it if asked, report.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::{CheckArgs, OutputFormat};
use super::check_one::Job;
use super::config::{CONFIG_NAMES, Settings, display};
use super::files::{Discovery, Input, absolute};
use super::interrupt;
use super::ordered::for_each_ordered;
use super::output::{Checked, Output};
use super::pairing::Pairing;
use super::progress;
use super::read::encode;
use super::write::{write_atomically, write_new};
use super::{CliError, EXIT_CLEAN, EXIT_ERROR, EXIT_FOUND, report_error};
use clap::ValueEnum;
use salin::baseline::Baseline;
use salin::glossary::{self, Glossary, Term};
use salin::lexicon::Dictionary;
use salin::suppress;
use salin::{Applicability, Checker, Document, RuleSelection};

pub fn run(args: &CheckArgs) -> Result<i32, CliError> {
    let settings = Settings::load(&args.config)?;
    let cli_rules = cli_selection(args)?;
    let format = output_format(args, &settings)?;
    let glossary = load_glossary(&settings, !args.no_default_glossary, &args.glossaries)?;
    let base = configured_checker(
        &settings,
        glossary,
        &cli_rules,
        load_dictionary(args)?,
        args.include_fuzzy,
    );
    let pairing = Pairing::with_sources(args.source.as_deref(), !args.no_source)?;
    let attach = |doc: Document, path: Option<&Path>| pairing.attach(doc, path, &settings);
    let mut checkers: HashMap<Vec<usize>, Checker> = HashMap::new();
    let allowed = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let write = args.fix && !args.diff;
    if args.fix && args.diff {
        eprintln!(
            "salin: note: --diff shows the fixes and writes nothing; drop --diff to apply them"
        );
    }

    let discovery = discovery(args, &settings)?;
    let found = discovery.discover(&args.paths);
    let inputs = found.inputs;
    let mut failed = !found.errors.is_empty();
    for e in &found.errors {
        report_error(e);
    }
    for (path, what) in &found.unread {
        if args.strict {
            failed = true;
            report_error(&CliError(format!(
                "{}: {what}, which salin does not read; not checked (--strict)",
                path.display()
            )));
        } else {
            eprintln!(
                "salin: note: {}: {what}, which salin does not read; skipped",
                path.display()
            );
        }
    }
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err(CliError(
            "`-` (standard input) can be given only once".into(),
        ));
    }
    refuse_overwriting_inputs(args, &settings, &inputs)?;
    if write || args.add_suppressions || args.write_baseline.is_some() {
        interrupt::install();
    }

    let stdin_fixed = write && inputs.contains(&Input::Stdin);
    let progress = progress::bar(inputs.len(), stdin_fixed && args.output_file.is_none());
    let threads = args.threads.unwrap_or(0);
    let mut output = Output::new(args, format, stdin_fixed)?;
    let root = project_root(args, &settings);
    let key = |r: &Checked| baseline_key(r, &root);
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
    let fail_on = args.fail_on.severity();
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

    // The checks across files see the units of every file of the run.
    let run_units = super::peers::needed(&inputs, jobs.iter().map(|(_, c)| *c))
        .then(|| super::peers::collect(&inputs, args, &attach, threads));
    let attach_in_run = |doc: Document, path: Option<&Path>| {
        let mut doc = attach(doc, path);
        doc.peers = run_units.clone();
        doc
    };
    // Files are checked in parallel and reported in input order as each is
    // next in line, so the output is deterministic and memory stays bounded.
    let job = Job {
        args,
        output: format,
        allowed,
        write,
        progress: &progress,
        attach: &attach_in_run,
    };
    let work = |&(input, checker): &(&Input, &Checker)| {
        let r = job.run(checker, input);
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
        if let Some(e) = r.error.take() {
            // The fixes were not written; the findings are still reported.
            progress.suspend(|| report_error(&e));
            failed = true;
        }
        if let Some(b) = new_baseline.as_mut() {
            b.add(&key(&r), &r.text, &r.diagnostics);
            return Ok(());
        }
        if let Some(b) = &baseline {
            let diagnostics = std::mem::take(&mut r.diagnostics);
            r.diagnostics = b.filter(&key(&r), &r.text, diagnostics);
        }
        if args.add_suppressions {
            if let Err(e) = suppressions.add(&r) {
                progress.suspend(|| report_error(&e));
                failed = true;
            }
            return Ok(());
        }
        if stdin_fixed && r.path.is_none() {
            write_stdout(&r)?;
        }
        found |= r.diagnostics.iter().any(|d| d.severity >= fail_on);
        output.file(r)
    };
    for_each_ordered(&jobs, threads, work, report)?;
    drop(jobs);
    progress.finish_and_clear();

    if let (Some(path), Some(baseline)) = (&args.write_baseline, &new_baseline) {
        write_new(path, baseline.to_json().as_bytes())?;
        eprintln!(
            "Wrote {} {} to {}.",
            baseline.findings.len(),
            plural(baseline.findings.len(), "finding"),
            path.display()
        );
        return Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN });
    }
    if args.add_suppressions {
        return Ok(suppressions.finish(failed));
    }
    output.finish(failed)?;
    // The process ends now: freeing a big glossary's many small allocations
    // one by one would cost more than the whole check of a small file, and
    // the system reclaims the memory anyway. Not so under `--watch`, which
    // checks again and again.
    if !args.watch {
        std::mem::forget(checkers);
        std::mem::forget(base);
    }

    Ok(if failed {
        EXIT_ERROR
    } else if found && !args.exit_zero {
        EXIT_FOUND
    } else {
        EXIT_CLEAN
    })
}

/// How files are found, as the command line and the configuration say.
pub fn discovery(args: &CheckArgs, settings: &Settings) -> Result<Discovery, CliError> {
    Discovery::new(
        &settings.root,
        &settings.excludes(&args.exclude, &args.extend_exclude),
        args.force_exclude || settings.force_exclude,
        args.types.clone(),
        settings.respect_gitignore,
    )
}

/// The report format: `--diff`, `--format`, the configured format, text.
/// `--statistics` has a table and a JSON form only: another format asked
/// for on the command line is an error (a configured one gives the table).
fn output_format(args: &CheckArgs, settings: &Settings) -> Result<OutputFormat, CliError> {
    let asked = if args.diff {
        Some(OutputFormat::Diff)
    } else {
        args.format
    };
    if args.statistics {
        return match asked {
            None | Some(OutputFormat::Text) => Ok(OutputFormat::Text),
            Some(OutputFormat::Json) => Ok(OutputFormat::Json),
            Some(other) => Err(CliError(format!(
                "--statistics prints a table (`--format text`) or JSON (`--format json`), not `{}`",
                other
                    .to_possible_value()
                    .map_or_else(String::new, |v| v.get_name().to_string())
            ))),
        };
    }
    Ok(asked.or(settings.format).unwrap_or(OutputFormat::Text))
}

/// `--output-file` and `--write-baseline` must not name a file this run
/// reads: the report would replace a checked file (or a glossary, the
/// configuration, a source) before or after it is read.
fn refuse_overwriting_inputs(
    args: &CheckArgs,
    settings: &Settings,
    inputs: &[Input],
) -> Result<(), CliError> {
    let outputs = [
        ("--output-file", args.output_file.as_ref()),
        ("--write-baseline", args.write_baseline.as_ref()),
    ];
    let ids: Vec<(&str, &PathBuf, (u64, u64))> = outputs
        .into_iter()
        .filter_map(|(flag, path)| Some((flag, path?)))
        .filter_map(|(flag, path)| file_id(path).map(|id| (flag, path, id)))
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let files = inputs.iter().filter_map(|i| match i {
        Input::File(path) => Some(path.clone()),
        Input::Stdin => None,
    });
    let sources = files
        .clone()
        .filter(|_| !args.no_source)
        .filter_map(|p| settings.source_for(&p));
    let read: Vec<PathBuf> = files
        .chain(sources)
        .chain(args.glossaries.iter().cloned())
        .chain(settings.glossaries.iter().map(|(p, _)| p.clone()))
        .chain(settings.config.iter().cloned())
        .chain(args.dictionary.iter().cloned())
        .chain(args.source.iter().cloned())
        .chain(args.baseline.iter().cloned())
        .collect();
    for (flag, path, id) in ids {
        if read.iter().any(|r| file_id(r) == Some(id)) {
            return Err(CliError(format!(
                "{flag} {}: is a file this run reads; not overwritten",
                path.display()
            )));
        }
    }
    Ok(())
}

/// The device and inode of an existing file.
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// The directory baselines name files relative to: the configuration
/// file's with `--config`, else the closest directory at or above the
/// current one that holds `salin.toml`, `.salin.toml` or `.git`, else the
/// current directory. So a baseline written at the root of a repository
/// matches from any directory in it, with or without a configuration file.
fn project_root(args: &CheckArgs, settings: &Settings) -> PathBuf {
    if args.config.config.is_some() {
        return settings.root.clone();
    }
    let cwd = absolute(Path::new("."));
    cwd.ancestors()
        .find(|d| CONFIG_NAMES.iter().any(|n| d.join(n).is_file()) || d.join(".git").exists())
        .map_or_else(|| cwd.clone(), Path::to_path_buf)
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
        let doc = Document::new(r.name.clone(), r.text.clone(), r.format);
        let (new, n) = suppress::add_suppressions(&doc, &r.diagnostics);
        if n == 0 {
            self.left += findings;
            return Ok(());
        }
        write_atomically(
            path,
            &encode(&r.text, r.encoding),
            r.stamp,
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

/// The glossary of a configuration: the embedded one (unless `use_default`
/// is false or the configuration switches it off), the configured
/// glossaries, then the `extra` files (`--glossary`).
pub fn load_glossary(
    settings: &Settings,
    use_default: bool,
    extra: &[PathBuf],
) -> Result<Glossary, CliError> {
    let mut terms: Vec<Term> = Vec::new();
    if settings.default_glossary && use_default {
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
    let given = extra
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

/// The checker of a configuration for files that no override matches: the
/// rules of the defaults, the configuration and the `cli` layer, and the
/// configuration's other settings. `include_fuzzy` adds to the
/// configuration's `include-fuzzy`.
pub fn configured_checker(
    settings: &Settings,
    glossary: Glossary,
    cli: &RuleSelection,
    dictionary: Option<Dictionary>,
    include_fuzzy: bool,
) -> Checker {
    Checker::with_settings(glossary, &settings.rule_set(cli, &[]))
        .with_dictionary(dictionary)
        .with_allow_untranslated(settings.allow_untranslated.clone())
        .with_fuzzy(include_fuzzy || settings.include_fuzzy)
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
