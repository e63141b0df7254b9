//! Hovering over a finding explains it: the finding's message, then the
//! rule's documentation as `salin explain` prints it.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};
use salin::Diagnostic;

use super::documents::OpenDocument;
use super::position::Encoding;
use salin::report::explanation;

pub fn hover(
    doc: &OpenDocument,
    findings: &[Diagnostic],
    position: Position,
    encoding: Encoding,
) -> Option<Hover> {
    let at = doc.lines.offset(&doc.text, position, encoding);
    let here: Vec<&Diagnostic> = findings
        .iter()
        .filter(|d| d.span.start <= at && at <= d.span.end)
        .collect();
    let first = here.first()?;
    let mut value = String::new();
    let mut explained: Vec<&str> = Vec::new();
    for d in &here {
        value.push_str(&format!(
            "**salin** `{}` ({}): {}\n\n",
            d.rule, d.severity, d.message
        ));
    }
    for d in &here {
        if explained.contains(&d.rule) {
            continue;
        }
        explained.push(d.rule);
        if let Some(rule) = salin::rules::by_name(d.rule) {
            value.push_str("---\n\n");
            value.push_str(&explanation(rule.meta()));
        } else if let Some(pattern) = salin::patterns::description(d.rule) {
            value.push_str("---\n\n");
            value.push_str(&pattern.explanation());
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(doc.lines.range(&doc.text, &first.span, encoding)),
    })
}
