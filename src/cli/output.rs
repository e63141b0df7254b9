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
use super::read::Encoding;
use salin::report::{
    FileReport, HtmlFile, HtmlOptions, HtmlReport, Summary, TextOptions, gitlab_issues,
    json_diagnostics, render_github, render_junit, render_statistics, render_text, sarif,
    statistics, unified_diff,
};
use salin::{Diagnostic, Document};

/// One checked input, ready to report.
pub struct Checked {
    pub name: String,
    /// The file, or `None` for standard input.
    pub path: Option<std::path::PathBuf>,
    pub format: salin::Format,
    /// The text the diagnostics refer to (the fixed text after `--fix`).
    pub text: String,
    /// The text as read.
    pub original: String,
    /// The text after the fixes a diff would show.
    pub fixed: String,
    pub diagnostics: Vec<Diagnostic>,
    pub applied: usize,
    /// The encoding read, and written back (`original` encoded in it gives
    /// the bytes as read).
    pub encoding: Encoding,
    /// The source-language document it was paired with.
    pub source: Option<Arc<Document>>,
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
            original: &self.original,
            fixed: &self.fixed,
            applied: self.applied,
        });
    }
}

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
            unsafe_fixes: args.unsafe_fixes,
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
        let sink = &self.sink;
        self.writer
            .write_all(s.as_bytes())
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
            r.original = String::new();
            r.fixed = String::new();
            self.kept.push(r);
            return Ok(());
        }
        match self.format {
            OutputFormat::Text => {
                let s = render_text(&r.report(), self.text);
                self.write(&s)
            }
            OutputFormat::Diff => {
                let s = unified_diff(&r.name, &r.original, &r.fixed);
                self.write(&s)
            }
            OutputFormat::Json => {
                for d in json_diagnostics(&r.report()) {
                    self.json_element(&d)?;
                }
                Ok(())
            }
            OutputFormat::Jsonl => {
                let mut s = String::new();
                for d in json_diagnostics(&r.report()) {
                    s.push_str(&serde_json::to_string(&d).expect("diagnostics serialise"));
                    s.push('\n');
                }
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

    /// Writes what only the end of the run can say, and flushes.
    pub fn finish(mut self) -> Result<(), CliError> {
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
