//! salin's findings as LSP diagnostics.

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location,
    NumberOrString,
};
use salin::{Diagnostic, Severity};

use super::documents::OpenDocument;
use super::position::Encoding;
use super::rule_docs::RuleDocs;

/// `source` of every diagnostic, shown by editors beside the message.
pub const SOURCE: &str = "salin";

pub fn to_lsp(
    d: &Diagnostic,
    doc: &OpenDocument,
    encoding: Encoding,
    docs: &RuleDocs,
) -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        range: doc.lines.range(&doc.text, &d.span, encoding),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: docs
            .link(d.rule)
            .map(|href| CodeDescription { href: href.clone() }),
        source: Some(SOURCE.to_string()),
        message: d.message.clone(),
        // Editors fade text tagged unnecessary: a suppression that
        // suppresses nothing is just that.
        tags: (d.rule == salin::suppress::UNUSED).then(|| vec![DiagnosticTag::UNNECESSARY]),
        related_information: related(d, doc, encoding),
        ..Default::default()
    }
}

/// The finding's other places in the same document (an inconsistent
/// translation's other values). The server checks one document at a time,
/// so places in other files do not arise.
fn related(
    d: &Diagnostic,
    doc: &OpenDocument,
    encoding: Encoding,
) -> Option<Vec<DiagnosticRelatedInformation>> {
    let places: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter(|r| r.path.is_none() && r.span.end <= doc.text.len())
        .map(|r| DiagnosticRelatedInformation {
            location: Location {
                uri: doc.uri.clone(),
                range: doc.lines.range(&doc.text, &r.span, encoding),
            },
            message: r.message.clone(),
        })
        .collect();
    (!places.is_empty()).then_some(places)
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
