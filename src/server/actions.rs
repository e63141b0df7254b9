//! Code actions on salin's findings:
//!
//! - apply the finding's fix (quick fix, labelled safe or unsafe; a safe
//!   fix is the preferred action);
//! - ignore the rule with a suppression comment, in formats that have one
//!   (Markdown, YAML, PO), as `--add-suppressions` writes it;
//! - add the flagged word to the project glossary, for the rules the
//!   glossary decides;
//! - fix all safe problems of the document (`source.fixAll.salin`), as
//!   `--fix` does.

use std::ops::Range as Span;
use std::path::Path;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Range};
use salin::{Applicability, Checker, Diagnostic, Document, Fix};

use super::diagnostics::to_lsp;
use super::documents::OpenDocument;
use super::edits::{self, EditSupport};
use super::glossary_edit::{self, FileText};
use super::position::Encoding;
use super::rule_docs::RuleDocs;
use super::workspace::Workspace;

/// The kind of the fix-all action, under `source.fixAll`.
pub const FIX_ALL: &str = "source.fixAll.salin";

/// Rules whose findings a glossary term silences: the flagged word is a
/// name of its own, not a misspelling of a known one.
const GLOSSARY_DECIDES: &[&str] = &["glossary-near-miss"];

/// What the actions are computed from.
pub struct Input<'a> {
    pub doc: &'a OpenDocument,
    /// The document as checked (paired with its source, if any).
    pub checked: &'a Document,
    pub findings: &'a [Diagnostic],
    pub checker: &'a Checker,
    pub workspace: &'a Workspace,
    pub encoding: Encoding,
    pub support: EditSupport,
    pub docs: &'a RuleDocs,
    /// A file's text as the editor has it, else as on disk.
    pub read: &'a dyn Fn(&Path) -> Option<FileText>,
}

/// The actions for the findings that touch `range`, and the fix-all action,
/// limited to the kinds in `only` when given.
pub fn code_actions(
    input: &Input<'_>,
    range: Range,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeActionOrCommand> {
    let doc = input.doc;
    let wanted = |kind: &CodeActionKind| {
        only.is_none_or(|only| {
            only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind
                        .as_str()
                        .strip_prefix(o.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    };
    let mut out = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX) {
        let span = doc.lines.span(&doc.text, range, input.encoding);
        for finding in input.findings.iter().filter(|d| touches(&d.span, &span)) {
            out.extend(quick_fixes(input, finding));
        }
    }
    let fix_all = CodeActionKind::new(FIX_ALL);
    if wanted(&fix_all)
        && input
            .findings
            .iter()
            .any(|d| d.is_fixable(Applicability::Safe))
    {
        let fixed = salin::fix::fix_document(input.checker, input.checked, Applicability::Safe);
        if fixed.text != doc.text {
            let edits = edits::between(&doc.text, &fixed.text, &doc.lines, input.encoding);
            out.push(action(
                "salin: fix all safe problems".into(),
                fix_all,
                input.support.document(&doc.uri, Some(doc.version), edits),
                None,
            ));
        }
    }
    out.into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// Whether a finding's span meets the requested one (a cursor at either
/// end of a finding counts).
fn touches(finding: &Span<usize>, requested: &Span<usize>) -> bool {
    finding.start <= requested.end && requested.start <= finding.end
}

fn quick_fixes(input: &Input<'_>, finding: &Diagnostic) -> Vec<CodeAction> {
    let doc = input.doc;
    let diagnostic = to_lsp(finding, doc, input.encoding, input.docs);
    let document_edit = |edits| input.support.document(&doc.uri, Some(doc.version), edits);
    let mut out = Vec::new();
    if let Some(fix) = &finding.fix {
        let edits = edits::convert(&doc.text, &doc.lines, &fix.edits, input.encoding);
        let mut a = action(
            fix_title(finding, fix, &doc.text),
            CodeActionKind::QUICKFIX,
            document_edit(edits),
            Some(diagnostic.clone()),
        );
        a.is_preferred = Some(fix.applicability == Applicability::Safe);
        out.push(a);
    }
    if finding.rule != salin::suppress::UNUSED {
        let (suppressed, added) =
            salin::suppress::add_suppressions(input.checked, std::slice::from_ref(finding));
        if added > 0 {
            let edits = edits::between(&doc.text, &suppressed, &doc.lines, input.encoding);
            let place = match input.checked.format {
                salin::Format::Markdown => "on this line",
                _ => "in this entry",
            };
            out.push(action(
                format!("salin: ignore `{}` {place}", finding.rule),
                CodeActionKind::QUICKFIX,
                document_edit(edits),
                Some(diagnostic.clone()),
            ));
        }
    }
    if GLOSSARY_DECIDES.contains(&finding.rule) {
        let word = &doc.text[finding.span.clone()];
        if let Some((glossary, edit)) = glossary_edit::add_term(
            input.workspace,
            word,
            input.support,
            input.encoding,
            input.read,
        ) {
            out.push(action(
                format!("salin: add `{word}` to the glossary ({glossary})"),
                CodeActionKind::QUICKFIX,
                edit,
                Some(diagnostic),
            ));
        }
    }
    out
}

fn fix_title(finding: &Diagnostic, fix: &Fix, text: &str) -> String {
    let label = match fix.applicability {
        Applicability::Safe => "safe fix",
        Applicability::Unsafe => "unsafe fix: a guess, check it",
    };
    match finding.suggestion.as_deref() {
        Some("") => format!(
            "salin: remove `{}` ({label})",
            shorten(&text[finding.span.clone()])
        ),
        Some(s) => format!("salin: write `{}` ({label})", shorten(s)),
        None => format!("salin: fix `{}` ({label})", finding.rule),
    }
}

/// At most 40 characters of `s`, on one line.
fn shorten(s: &str) -> String {
    let one_line = s.replace(['\r', '\n'], " ");
    if one_line.chars().count() <= 40 {
        one_line
    } else {
        format!("{}…", one_line.chars().take(39).collect::<String>())
    }
}

fn action(
    title: String,
    kind: CodeActionKind,
    edit: lsp_types::WorkspaceEdit,
    diagnostic: Option<lsp_types::Diagnostic>,
) -> CodeAction {
    CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(edit),
        ..Default::default()
    }
}
