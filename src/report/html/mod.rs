//! The `html` format: one self-contained review page for editors.
//!
//! The page has a summary (files, findings per rule and severity, what
//! `--fix` would change), then every document as readable text with its
//! findings marked in place (Markdown rendered, plain text by paragraph,
//! localisation files as a table of key, source and translation; the source
//! beside the translation when a source is paired), each finding's card
//! after the block that shows it, and the documentation of every rule that
//! found something. Its style sheet and script are inline (`assets/`), and a
//! Content-Security-Policy lets the page load nothing and run only that
//! script, so a document can never run code in it: everything taken from
//! the input is escaped ([`escape`]), and no input is embedded in a script.
//!
//! Files are rendered as they are added ([`HtmlReport::add`]), so a run keeps
//! the rendered sections, not the documents.

mod body;
mod cards;
mod document;
mod escape;
mod highlight;
mod l10n;
mod markdown;
mod page;
mod plain;
mod summary;

use std::collections::BTreeMap;

use super::{Summary, unified_diff};
use crate::checker::Checker;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::fix::fix_document;
use crate::input::Document;

/// What the run does with fixes, for the summary's wording.
#[derive(Clone, Copy, Debug, Default)]
pub struct HtmlOptions {
    /// `--unsafe-fixes`: the fixed text includes unsafe fixes.
    pub unsafe_fixes: bool,
    /// `--fix`: the fixes were applied, and the findings are those left.
    pub fixes_applied: bool,
}

/// One checked document, as the report needs it.
pub struct HtmlFile<'a> {
    /// The checked text, parsed as its format and paired with its source
    /// when it has one ([`Document::with_source`]); the findings' spans
    /// index its text.
    pub document: &'a Document,
    pub diagnostics: &'a [Diagnostic],
    /// The text as read.
    pub original: &'a str,
    /// The text after the fixes (`--fix` applied, or would apply).
    pub fixed: &'a str,
    /// Fixes this run applied (with `--fix`).
    pub applied: usize,
}

/// The report being built, file by file.
pub struct HtmlReport {
    options: HtmlOptions,
    files: Vec<summary::FileRow>,
    rules: BTreeMap<&'static str, Summary>,
    sections: String,
    /// Findings numbered so far (numbers run over the whole report).
    numbered: usize,
}

impl HtmlReport {
    pub fn new(options: HtmlOptions) -> Self {
        HtmlReport {
            options,
            files: Vec::new(),
            rules: BTreeMap::new(),
            sections: String::new(),
            numbered: 0,
        }
    }

    /// Renders one document's section and counts its findings.
    pub fn add(&mut self, file: &HtmlFile<'_>) {
        let mut sorted: Vec<&Diagnostic> = file.diagnostics.iter().collect();
        sorted.sort_by_key(|d| (d.span.start, d.span.end));
        for d in &sorted {
            self.rules
                .entry(d.rule)
                .or_default()
                .add(std::slice::from_ref(*d));
        }
        let id = self.files.len() + 1;
        let diff = unified_diff(&file.document.name, file.original, file.fixed);
        let row = summary::FileRow::new(id, file, &diff);
        document::section(
            &mut self.sections,
            &row,
            file,
            &diff,
            &sorted,
            self.numbered + 1,
            self.options,
        );
        self.numbered += sorted.len();
        self.files.push(row);
    }

    /// Checks `doc` with `checker` and adds it with what `--fix` would
    /// change (`--fix --unsafe-fixes` when the options say so): the page
    /// from the library, without the command line. Returns how many
    /// findings the document has.
    pub fn check_and_add(&mut self, checker: &Checker, doc: &Document) -> usize {
        let diagnostics = checker.check(doc);
        let allowed = if self.options.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        let fixed = fix_document(checker, doc, allowed);
        self.add(&HtmlFile {
            document: doc,
            diagnostics: &diagnostics,
            original: &doc.text,
            fixed: &fixed.text,
            applied: 0,
        });
        diagnostics.len()
    }

    /// The whole page.
    pub fn finish(self) -> String {
        let mut main = String::new();
        let totals = summary::section(&mut main, &self.files, &self.rules, self.options);
        main.push_str("<section id=\"files\" aria-label=\"Documents\">\n");
        main.push_str(&self.sections);
        main.push_str("</section>\n");
        summary::rule_docs(&mut main, self.rules.keys().copied());
        page::page(&totals, &main)
    }
}
