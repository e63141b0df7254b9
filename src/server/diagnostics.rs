//! salin's findings as LSP diagnostics.

use lsp_types::{CodeDescription, DiagnosticSeverity, DiagnosticTag, NumberOrString};
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
        ..Default::default()
    }
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
