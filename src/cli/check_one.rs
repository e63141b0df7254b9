//! One input of `salin check`: read it, decode it, check it, fix it and
//! write it back as asked.
//!
//! Memory: the input is held once as text (UTF-8 is not copied on
//! decoding), lent to the document while it is checked and taken back for
//! the report; the fixed text is a second copy only when it differs.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use indicatif::ProgressBar;

use super::CliError;
use super::args::{CheckArgs, OutputFormat};
use super::files::Input;
use super::output::Checked;
use super::read::{Content, decode, encode, read_file, read_stdin};
use super::write::write_atomically;
use salin::fix::fix_document_within;
use salin::{Applicability, Checker, Document, Format};

/// What every input of a run is checked with.
pub struct Job<'a> {
    pub args: &'a CheckArgs,
    pub output: OutputFormat,
    pub allowed: Applicability,
    /// Fixes are written to the files (and the fixed standard input to
    /// stdout).
    pub write: bool,
    pub progress: &'a ProgressBar,
    pub attach: &'a (dyn Fn(Document, Option<&Path>) -> Document + Sync),
}

impl Job<'_> {
    /// Checks `input`: `Ok(None)` when it was skipped with a note.
    pub fn run(&self, checker: &Checker, input: &Input) -> Result<Option<Checked>, CliError> {
        let name = match input {
            Input::Stdin => self
                .args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "-".into()),
            Input::File(path) => path.display().to_string(),
        };
        let max = self.args.max_file_size;
        let content = match input {
            Input::File(path) => read_file(path, &name, max)?,
            Input::Stdin => {
                let mut head = Vec::new();
                let content = read_stdin(&name, max, &mut head);
                if self.write && !matches!(content, Ok(Content::Bytes(..))) {
                    // `--fix -` passes what it does not fix through: a
                    // pipeline never loses its data to a skipped input.
                    echo_stdin(&head, &name)?;
                }
                content?
            }
        };
        let (mut bytes, stamp) = match content {
            Content::Bytes(bytes, stamp) => (bytes, stamp),
            Content::Binary => return self.skip(&name, "binary file"),
            Content::TooBig(size) => {
                let limit = format!("over --max-file-size ({})", human_size(max));
                let what = match size {
                    Some(size) => format!("{}, {limit}", human_size(size)),
                    None => limit,
                };
                return self.skip(&name, &what);
            }
        };
        let path = match input {
            Input::Stdin => None,
            Input::File(path) => Some(path.clone()),
        };
        let stdin_fixed = self.write && path.is_none();
        let echo = |bytes: &[u8], name: &str| {
            if stdin_fixed {
                echo_stdin(bytes, name)?;
            }
            Ok::<(), CliError>(())
        };
        let decoded = match decode(&name, &mut bytes) {
            Ok(Some(decoded)) => decoded,
            Ok(None) => {
                echo(&bytes, &name)?;
                return self.skip(&name, "binary file");
            }
            Err(e) => {
                echo(&bytes, &name)?;
                return Err(e);
            }
        };
        drop(bytes);
        let format = Format::from_path(Path::new(&name)).unwrap_or(Format::Plain);
        let deadline = self
            .args
            .timeout
            .map(|s| Instant::now() + Duration::from_secs_f64(s));
        // Malformed input is refused, never checked in part; with `--fix -`
        // it is still passed through.
        let passed_through =
            stdin_fixed.then(|| encode(&decoded.text, decoded.encoding).into_owned());
        let doc = match Document::parse(name.clone(), decoded.text, format, deadline) {
            Ok(doc) => doc,
            Err(e) => {
                if let Some(bytes) = &passed_through {
                    echo(bytes, &name)?;
                }
                return Err(if e.is_time_out() {
                    self.timed_out(&name)
                } else {
                    CliError(format!("{name}:{}: {}", e.line, e.message))
                });
            }
        };
        drop(passed_through);
        if self.wants_fix() && format == Format::Plain && Format::is_foreign_text(Path::new(&name))
        {
            self.progress.suspend(|| {
                eprintln!(
                    "salin: note: {name}: not a format salin parses; checked as plain text, not fixed"
                )
            });
        }
        let doc = (self.attach)(doc, path.as_deref());
        let mut checked = Checked {
            name,
            path,
            format,
            text: String::new(),
            original: None,
            fixed: None,
            diagnostics: Vec::new(),
            applied: 0,
            encoding: decoded.encoding,
            stamp,
            error: None,
            source: doc.source.clone(),
        };
        let result = self.check(checker, doc, &mut checked, deadline);
        if result.is_err() {
            echo(&encode(&checked.text, checked.encoding), &checked.name)?;
        }
        result.map(|()| Some(checked))
    }

    /// Checks (and fixes) `doc` into `checked`, whose text is the
    /// document's text afterwards, also on error.
    fn check(
        &self,
        checker: &Checker,
        mut doc: Document,
        checked: &mut Checked,
        deadline: Option<Instant>,
    ) -> Result<(), CliError> {
        let timed_out = |_| self.timed_out(&checked.name);
        let wants_fix = self.wants_fix();
        let result = if !wants_fix {
            checker.check_within(&doc, deadline).map(|diagnostics| {
                checked.diagnostics = diagnostics;
            })
        } else {
            fix_document_within(checker, &doc, self.allowed, deadline).and_then(|fixed| {
                let changed = fixed.text != doc.text;
                if self.write {
                    checked.diagnostics = fixed.remaining;
                    checked.applied = fixed.applied;
                } else {
                    // Report the findings in the text as it is; the diff
                    // shows the fixes.
                    checked.diagnostics = checker.check_within(&doc, deadline)?;
                }
                if changed {
                    checked.fixed = Some(fixed.text);
                }
                Ok(())
            })
        };
        checked.text = std::mem::take(&mut doc.text);
        result.map_err(timed_out)?;
        let fixed = match checked.fixed.take() {
            Some(fixed) if self.write => fixed,
            other => {
                checked.fixed = other;
                return Ok(());
            }
        };
        let Some(path) = &checked.path else {
            // Standard input: the fixed text goes to stdout.
            checked.original = Some(std::mem::replace(&mut checked.text, fixed));
            return Ok(());
        };
        let written = write_atomically(
            path,
            &encode(&checked.text, checked.encoding),
            checked.stamp,
            &encode(&fixed, checked.encoding),
        );
        match written {
            Ok(()) => checked.original = Some(std::mem::replace(&mut checked.text, fixed)),
            Err(e) => {
                // Nothing was written: report every finding of the text as
                // it is, beside the error.
                doc.text = std::mem::take(&mut checked.text);
                let all = checker.check_within(&doc, deadline).map_err(timed_out);
                checked.text = std::mem::take(&mut doc.text);
                checked.diagnostics = all?;
                checked.applied = 0;
                checked.error = Some(e);
            }
        }
        Ok(())
    }

    /// Whether fixes are computed: to write them, or because the diff and
    /// the HTML page show what they change.
    fn wants_fix(&self) -> bool {
        self.args.fix || matches!(self.output, OutputFormat::Diff | OutputFormat::Html)
    }

    /// The error of a file that ran past `--timeout`.
    fn timed_out(&self, name: &str) -> CliError {
        CliError(format!(
            "{name}: timed out after {} s; not checked",
            self.args.timeout.unwrap_or_default()
        ))
    }

    /// A file not read: a note, or an error with `--strict`.
    fn skip(&self, name: &str, what: &str) -> Result<Option<Checked>, CliError> {
        if self.args.strict {
            return Err(CliError(format!("{name}: {what}; not checked (--strict)")));
        }
        self.progress
            .suspend(|| eprintln!("salin: note: {name}: {what}, skipped"));
        Ok(None)
    }
}

/// `--fix -` with an input it does not fix: `head` (what was read) and the
/// rest of standard input go to stdout unchanged.
fn echo_stdin(head: &[u8], name: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(head)
        .and_then(|()| std::io::copy(&mut std::io::stdin().lock(), &mut out).map(drop))
        .and_then(|()| out.flush())
        .map_err(|e| CliError::io(name, &e))
}

/// A size for people: `150.0 MiB`, `2.0 GiB`, `5000 bytes`.
fn human_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size {
            return format!("{:.1} {unit}", bytes as f64 / size as f64);
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_size(5000), "4.9 KiB");
        assert_eq!(human_size(999), "999 bytes");
        assert_eq!(human_size(150 << 20), "150.0 MiB");
        assert_eq!(human_size(3 << 29), "1.5 GiB");
    }
}
