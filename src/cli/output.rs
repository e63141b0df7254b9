//! Writing the report while files are still being checked.
//!
//! Formats whose output is a sequence of per-file parts (text, diff, json,
//! jsonl, github, gitlab) are written file by file, in input order, so memory
//! does not grow with the number of files. The HTML page is rendered file by
//! file too, and written at the end, when its summary is known. SARIF, JUnit and `--statistics`
//! describe the whole run at once; for them the checked files are kept (their
//! texts and findings) until the end.

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use super::CliError;
use super::args::{CheckArgs, ColorChoice, OutputFormat};
use super::read::{Encoding, encode};
use super::write::Stamp;
use salin::report::{
    FileReport, HtmlFile, HtmlOptions, HtmlReport, JsonDiagnostic, Summary, TextOptions,
    gitlab_issues, render_github, render_junit, render_statistics, render_text_with, sarif,
    statistics, unified_diff_bytes,
};
use salin::text::LineIndex;
use salin::{Diagnostic, Document};

/// One checked input, ready to report.
pub struct Checked {
    pub name: String,
    /// The file, or `None` for standard input.
    pub path: Option<std::path::PathBuf>,
    pub format: salin::Format,
    /// The text the diagnostics refer to (the fixed text after `--fix`).
    pub text: String,
    /// The text as read, when it differs from `text` (fixes were written).
    pub original: Option<String>,
    /// The text after the fixes a diff would show, when it differs from
    /// `text`.
    pub fixed: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    pub applied: usize,
    /// The encoding read, and written back (`original` encoded in it gives
    /// the bytes as read).
    pub encoding: Encoding,
    /// The source-language document it was paired with.
    pub source: Option<Arc<Document>>,
    /// What the file was when read (`None` for standard input).
    pub stamp: Option<Stamp>,
    /// Why the fixes could not be written (the findings are those of the
    /// text as read).
    pub error: Option<CliError>,
}

impl Checked {
    fn report(&self) -> FileReport<'_> {
        FileReport {
            path: &self.name,
            source: &self.text,
            diagnostics: &self.diagnostics,
        }
    }

    /// Adds this file to the HTML page.
    fn add_to(&self, html: &mut HtmlReport) {
        let mut document = Document::new(self.name.clone(), self.text.clone(), self.format);
        if let Some(source) = &self.source {
            document = document.with_source(Arc::clone(source));
        }
        html.add(&HtmlFile {
            document: &document,
            diagnostics: &self.diagnostics,
            original: self.original(),
            fixed: self.fixed(),
            applied: self.applied,
        });
    }

    /// Calls `write` with each finding as a JSON object, with byte offsets
    /// into the file as it is on disk: for a UTF-16 file, offsets of its
    /// UTF-16 bytes. One at a time, so that none but the one being written
    /// is held as JSON.
    fn each_json(
        &self,
        mut write: impl FnMut(&JsonDiagnostic<'_>) -> Result<(), CliError>,
    ) -> Result<(), CliError> {
        let index = LineIndex::new(&self.text);
        let mut offsets = (self.encoding != Encoding::Utf8).then(|| Utf16Offsets::new(&self.text));
        let source = self.source.as_ref().map(|s| s.name.as_str());
        for d in &self.diagnostics {
            let mut json =
                JsonDiagnostic::new(&self.name, &self.text, &index, d).with_source_path(d, source);
            if let Some(offsets) = offsets.as_mut() {
                json.start_byte = offsets.of(json.start_byte);
                json.end_byte = offsets.of(json.end_byte);
                for e in json.fix.iter_mut().flat_map(|f| f.edits.iter_mut()) {
                    e.start_byte = offsets.of(e.start_byte);
                    e.end_byte = offsets.of(e.end_byte);
                }
            }
            write(&json)?;
        }
        Ok(())
    }

    /// The text as read.
    pub fn original(&self) -> &str {
        self.original.as_deref().unwrap_or(&self.text)
    }

    /// The text with the fixes a diff shows.
    pub fn fixed(&self) -> &str {
        self.fixed.as_deref().unwrap_or(&self.text)
    }
}

/// UTF-8 offsets of a decoded UTF-16 text → byte offsets in its UTF-16
/// encoding, counted on from the last offset asked for (findings come in
/// order), so a file's offsets cost one pass over it.
struct Utf16Offsets<'a> {
    text: &'a str,
    /// The last offset asked for, and its UTF-16 byte offset.
    last: (usize, usize),
}

impl<'a> Utf16Offsets<'a> {
    fn new(text: &'a str) -> Self {
        Utf16Offsets { text, last: (0, 0) }
    }

    fn of(&mut self, offset: usize) -> usize {
        let (from, bytes) = if offset >= self.last.0 {
            self.last
        } else {
            (0, 0)
        };
        let more: usize = self.text[from..offset]
            .chars()
            .map(|c| 2 * c.len_utf16())
            .sum();
        self.last = (offset, bytes + more);
        bytes + more
    }
}

/// Findings rendered at a time by the text report.
const PART: usize = 1024;

/// The report being written.
pub struct Output {
    format: OutputFormat,
    statistics: bool,
    unsafe_fixes: bool,
    text: TextOptions,
    writer: Box<dyn Write>,
    sink: String,
    summary: Summary,
    /// Elements of a JSON array written so far.
    elements: usize,
    /// Files kept for whole-run formats.
    kept: Vec<Checked>,
    /// The HTML page being rendered (`--format html`).
    html: Option<HtmlReport>,
}

impl Output {
    /// The report goes to `--output-file`, else stdout, or stderr when stdout
    /// carries the fixed text of standard input.
    pub fn new(
        args: &CheckArgs,
        format: OutputFormat,
        stdin_fixed: bool,
    ) -> Result<Self, CliError> {
        let (writer, sink, to_terminal): (Box<dyn Write>, String, bool) = match &args.output_file {
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
                Box::new(std::io::BufWriter::new(std::io::stdout())),
                "stdout".into(),
                std::io::stdout().is_terminal(),
            ),
        };
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
        Ok(Output {
            format,
            statistics: args.statistics,
            // Without `--fix`, `--unsafe-fixes` applies nothing: the
            // summary counts what `--fix` alone would fix.
            unsafe_fixes: args.unsafe_fixes && args.fix,
            text: TextOptions { color, width },
            writer,
            sink,
            summary: Summary::default(),
            elements: 0,
            kept: Vec::new(),
            html: (format == OutputFormat::Html).then(|| {
                HtmlReport::new(HtmlOptions {
                    unsafe_fixes: args.unsafe_fixes,
                    fixes_applied: args.fix && !args.diff,
                })
            }),
        })
    }

    fn whole_run(&self) -> bool {
        self.statistics || matches!(self.format, OutputFormat::Sarif | OutputFormat::Junit)
    }

    fn write(&mut self, s: &str) -> Result<(), CliError> {
        self.write_bytes(s.as_bytes())
    }

    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), CliError> {
        let sink = &self.sink;
        self.writer
            .write_all(bytes)
            .map_err(|e| CliError::io(sink, &e))
    }

    /// Writes one element of a pretty-printed JSON array, as
    /// `serde_json::to_string_pretty` would print it inside the array.
    fn json_element<T: serde::Serialize>(&mut self, value: &T) -> Result<(), CliError> {
        let pretty = serde_json::to_string_pretty(value).expect("reports serialise");
        let mut s = String::with_capacity(pretty.len() + 16);
        s.push_str(if self.elements == 0 { "[\n" } else { ",\n" });
        for (i, line) in pretty.lines().enumerate() {
            if i > 0 {
                s.push('\n');
            }
            s.push_str("  ");
            s.push_str(line);
        }
        self.elements += 1;
        self.write(&s)
    }

    /// Reports one file (in input order).
    pub fn file(&mut self, mut r: Checked) -> Result<(), CliError> {
        self.summary.add(&r.diagnostics);
        self.summary.fixed += r.applied;
        if self.whole_run() {
            // Keep only what the report needs.
            r.original = None;
            r.fixed = None;
            self.kept.push(r);
            return Ok(());
        }
        match self.format {
            OutputFormat::Text => {
                if let Some(source) = &r.source {
                    let note = format!("note: {} is checked against {}\n\n", r.name, source.name);
                    self.write(&note)?;
                }
                // A slice of findings at a time: the report of a file with
                // a million findings is not held whole.
                let index = LineIndex::new(&r.text);
                for part in r.diagnostics.chunks(PART) {
                    let report = FileReport {
                        diagnostics: part,
                        ..r.report()
                    };
                    let s = render_text_with(&report, &index, self.text);
                    self.write(&s)?;
                }
                Ok(())
            }
            OutputFormat::Diff => {
                // Of the file's bytes, so that `patch` applies it also to a
                // UTF-16 file.
                let bytes = unified_diff_bytes(
                    &r.name,
                    &encode(r.original(), r.encoding),
                    &encode(r.fixed(), r.encoding),
                );
                self.write_bytes(&bytes)
            }
            OutputFormat::Json => r.each_json(|d| self.json_element(d)),
            OutputFormat::Jsonl => {
                let mut s = String::new();
                r.each_json(|d| {
                    s.push_str(&serde_json::to_string(d).expect("diagnostics serialise"));
                    s.push('\n');
                    if s.len() >= 1 << 16 {
                        self.write(&s)?;
                        s.clear();
                    }
                    Ok(())
                })?;
                self.write(&s)
            }
            OutputFormat::Github => {
                let s = render_github(&r.report());
                self.write(&s)
            }
            OutputFormat::Gitlab => {
                for issue in gitlab_issues(&r.report()) {
                    self.json_element(&issue)?;
                }
                Ok(())
            }
            OutputFormat::Html => {
                if let Some(html) = &mut self.html {
                    r.add_to(html);
                }
                Ok(())
            }
            OutputFormat::Sarif | OutputFormat::Junit => unreachable!("whole-run formats are kept"),
        }
    }

    /// Writes what only the end of the run can say, and flushes. After a
    /// run in which some file could not be read or written (`failed`), the
    /// text report has no summary line: it would count what was not seen.
    pub fn finish(mut self, failed: bool) -> Result<(), CliError> {
        let files: Vec<FileReport<'_>> = self.kept.iter().map(Checked::report).collect();
        let end = if self.statistics {
            let counts = statistics(&files);
            if self.format == OutputFormat::Json {
                json(&counts)
            } else {
                render_statistics(&counts)
            }
        } else {
            match self.format {
                OutputFormat::Text if failed => String::new(),
                OutputFormat::Text => self.summary.line(self.unsafe_fixes) + "\n",
                OutputFormat::Json | OutputFormat::Gitlab => {
                    if self.elements == 0 {
                        "[]\n".into()
                    } else {
                        "\n]\n".into()
                    }
                }
                OutputFormat::Sarif => json(&sarif(&files)),
                OutputFormat::Junit => render_junit(&files),
                OutputFormat::Html => self.html.take().map(HtmlReport::finish).unwrap_or_default(),
                OutputFormat::Diff | OutputFormat::Jsonl | OutputFormat::Github => String::new(),
            }
        };
        drop(files);
        self.write(&end)?;
        let sink = self.sink.clone();
        self.writer.flush().map_err(|e| CliError::io(&sink, &e))
    }
}

/// Pretty JSON, with a final newline, for any serialisable report.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("reports serialise") + "\n"
}
