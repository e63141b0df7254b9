//! `--add-suppressions`: a suppression comment written before every finding,
//! so that a project can adopt salin and fix its findings later. Used by the
//! command line only; the checker never writes comments.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Edit, Fix, apply_edits};
use crate::input::{Document, Format};
use crate::rules::{self, UnusedSuppression};
use crate::text::LineIndex;

/// YAML and PO: a `# salin: ignore[rules]` line before each entry with
/// findings (in YAML, before the line of the value's key, indented like it,
/// so that it covers the value's lines; in PO, before the entry's comments).
/// Findings outside any value (`missing-key`) are left.
fn add_hash_suppressions(doc: &Document, diagnostics: &[Diagnostic]) -> (String, usize) {
    let text = &doc.text;
    let index = LineIndex::new(text);
    let by_line = rules_by_line(diagnostics, |d| {
        let unit = doc.units.iter().find(|u| {
            let r = u.range();
            (r.start <= d.span.start && d.span.start <= r.end) || u.key_range == d.span
        })?;
        let mut line = index.line_of(unit.key_range.start.min(unit.range().start));
        if doc.format == Format::Po {
            // The first line of the entry: after the blank line before it.
            while line > 0 && !text[index.line_range(text, line - 1)].trim().is_empty() {
                line -= 1;
            }
        }
        Some(line)
    });
    let mut edits = Vec::new();
    for (line, names) in by_line {
        let r = index.line_range(text, line);
        let line_text = &text[r.clone()];
        let indent = &line_text[..line_text.len() - line_text.trim_start().len()];
        let indent = if doc.format == Format::Po { "" } else { indent };
        let eol = line_end(text, &r);
        edits.push(Edit::insert(
            r.start,
            format!("{indent}# salin: ignore[{}]{eol}", names.join(", ")),
        ));
    }
    let count = edits.len();
    let fix = Fix::safe(edits);
    (apply_edits(text, &[&fix]), count)
}

/// The text of `doc` with a `salin-disable-next-line` comment for the rules
/// of `diagnostics` (findings in `doc`) before each line that has some, and
/// how many comments were added. Markdown only; other formats are returned
/// unchanged.
///
/// After a blank line (or at the start) the comment goes on its own line,
/// indented like the flagged line; inside a paragraph, list or table it is
/// appended to the end of the previous line, so that the block is not split.
pub fn add_suppressions(doc: &Document, diagnostics: &[Diagnostic]) -> (String, usize) {
    let text = &doc.text;
    if matches!(doc.format, Format::Yaml | Format::Po) {
        return add_hash_suppressions(doc, diagnostics);
    }
    if doc.format != Format::Markdown {
        return (text.clone(), 0);
    }
    let index = LineIndex::new(text);
    let by_line = rules_by_line(diagnostics, |d| Some(index.line_of(d.span.start)));
    let mut edits = Vec::new();
    for (line, names) in by_line {
        let comment = format!("<!-- salin-disable-next-line {} -->", names.join(", "));
        let r = index.line_range(text, line);
        let previous = (line > 0).then(|| index.line_range(text, line - 1));
        match previous {
            Some(p) if !text[p.clone()].trim().is_empty() && !is_structural(&text[p.clone()]) => {
                // Before a hard break (trailing `\` or two spaces), if any.
                let prev = &text[p.clone()];
                let body = prev.trim_end_matches([' ', '\t']);
                let at = if prev.len() - body.len() >= 2 {
                    p.start + body.len()
                } else if let Some(b) = body.strip_suffix('\\') {
                    p.start + b.trim_end().len()
                } else {
                    p.start + body.len()
                };
                edits.push(Edit::insert(at, format!(" {comment}")));
            }
            _ => {
                let line_text = &text[r.clone()];
                let indent = &line_text[..line_text.len() - line_text.trim_start().len()];
                let eol = line_end(text, &r);
                edits.push(Edit::insert(r.start, format!("{indent}{comment}{eol}")));
            }
        }
    }
    let count = edits.len();
    let fix = Fix::safe(edits);
    (apply_edits(text, &[&fix]), count)
}

/// The rules of `diagnostics` (suppression findings left out) by the line
/// `line_of` puts each on (findings it puts on none are left), each line's
/// rules in `rules::ALL` order, once.
fn rules_by_line(
    diagnostics: &[Diagnostic],
    line_of: impl Fn(&Diagnostic) -> Option<usize>,
) -> BTreeMap<usize, Vec<&'static str>> {
    let mut by_line: BTreeMap<usize, Vec<&'static str>> = BTreeMap::new();
    for d in diagnostics
        .iter()
        .filter(|d| UnusedSuppression::ID != d.rule)
    {
        if let Some(line) = line_of(d) {
            by_line.entry(line).or_default().push(d.rule);
        }
    }
    let order = |n: &str| rules::ALL.iter().position(|r| r.meta().name == n);
    for names in by_line.values_mut() {
        names.sort_by_key(|n| order(n));
        names.dedup();
    }
    by_line
}

/// The line ending of the line at `r`, to write a new line like it.
fn line_end(text: &str, r: &Range<usize>) -> &'static str {
    if text[r.end..].starts_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// A line that text must not be appended to: a code fence, a thematic break,
/// a setext underline, a table's delimiter row, a front-matter fence.
fn is_structural(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("```") || t.starts_with("~~~") || t.chars().all(|c| "-=*_+|: \t".contains(c))
}
