//! Applying suppressions, for the checker: suppressed findings are removed,
//! and directives that suppress nothing become `unused-suppression` findings.

use std::ops::Range;

use super::directives::{DirectiveKind, directives};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::input::{Document, Format};
use crate::rules::{RuleId, UnusedSuppression};
use crate::text::LineIndex;

/// What one directive, or one rule of it, covers.
struct Cover {
    directive: usize,
    /// `None`: every rule.
    rule: Option<String>,
    /// Byte range of the document in which findings are suppressed.
    range: Range<usize>,
    used: bool,
}

/// Removes suppressed findings from `diagnostics` and, when `unused` gives
/// the severity of the `unused-suppression` rule, adds a finding for every
/// directive that suppressed nothing. `enabled` tells whether a rule ran:
/// a directive for a rule that did not run is not reported.
pub fn apply(
    doc: &Document,
    diagnostics: Vec<Diagnostic>,
    enabled: &dyn Fn(RuleId) -> bool,
    unused: Option<Severity>,
) -> Vec<Diagnostic> {
    let directives = directives(doc);
    if directives.is_empty() {
        return diagnostics;
    }
    let text = &doc.text;
    let index = LineIndex::new(text);
    let mut covers: Vec<Cover> = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        let names: Vec<Option<String>> = if d.rules.is_empty() {
            vec![None]
        } else {
            d.rules.iter().map(|(n, _)| Some(n.clone())).collect()
        };
        let range = match d.kind {
            DirectiveKind::Enable => continue,
            DirectiveKind::DisableNextLine => {
                let next = index.line_of(d.span.end) + 1;
                if next >= index.line_count() {
                    d.span.end..d.span.end
                } else {
                    let r = index.line_range(text, next);
                    r.start..r.end.max(r.start + 1)
                }
            }
            DirectiveKind::Disable => d.span.end..text.len() + 1,
            DirectiveKind::Ignore => ignore_range(doc.format, text, &index, &d.span),
        };
        for name in names {
            // A disable region ends at the first later enable that names the
            // rule, or names none.
            let mut range = range.clone();
            if d.kind == DirectiveKind::Disable {
                let end = directives[i + 1..]
                    .iter()
                    .find(|e| {
                        e.kind == DirectiveKind::Enable
                            && (e.rules.is_empty()
                                || name
                                    .as_ref()
                                    .is_some_and(|n| e.rules.iter().any(|(r, _)| r == n)))
                    })
                    .map_or(text.len() + 1, |e| e.span.start);
                range.end = end;
            }
            covers.push(Cover {
                directive: i,
                rule: name,
                range,
                used: false,
            });
        }
    }

    let mut kept = Vec::with_capacity(diagnostics.len());
    for diag in diagnostics {
        let mut suppressed = false;
        for c in &mut covers {
            if c.range.contains(&diag.span.start)
                && c.rule.as_deref().is_none_or(|r| r == diag.rule)
            {
                c.used = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(diag);
        }
    }

    if let Some(severity) = unused {
        for (i, d) in directives.iter().enumerate() {
            if d.kind == DirectiveKind::Enable {
                continue;
            }
            let mine: Vec<&Cover> = covers.iter().filter(|c| c.directive == i).collect();
            let mut problems = Vec::new();
            let mut judged = 0;
            for c in &mine {
                match &c.rule {
                    None if !c.used => problems.push("suppresses nothing".to_string()),
                    None => {}
                    Some(name) => match RuleId::from_name(name) {
                        None => problems.push(format!("names an unknown rule `{name}`")),
                        Some(id) if !enabled(id) || c.used => judged += usize::from(c.used),
                        Some(_) => problems.push(format!("suppresses no `{name}` finding")),
                    },
                }
            }
            if problems.is_empty() {
                continue;
            }
            let all_unused = judged == 0 && mine.iter().all(|c| !c.used);
            let mut diag = Diagnostic::new(
                UnusedSuppression::ID.name(),
                d.span.clone(),
                format!("`{}` {}", d.kind.keyword(), problems.join("; ")),
            );
            diag.severity = severity;
            if all_unused {
                diag = diag
                    .with_fix(Fix::safe(vec![Edit::delete(removal(
                        text, &index, &d.span,
                    ))]))
                    .with_suggestion("");
            }
            kept.push(diag);
        }
        kept.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
    }
    kept
}

/// What to delete to remove a comment: its whole line when it is alone on
/// it, else the comment and the spaces before it.
fn removal(text: &str, index: &LineIndex, span: &Range<usize>) -> Range<usize> {
    let line = index.line_of(span.start);
    let r = index.line_range(text, line);
    if index.line_of(span.end) == line
        && text[r.start..span.start].trim().is_empty()
        && text[span.end..r.end].trim().is_empty()
    {
        let next = if line + 1 < index.line_count() {
            index.line_range(text, line + 1).start
        } else {
            text.len()
        };
        return r.start..next;
    }
    let before = text[..span.start].trim_end_matches([' ', '\t']).len();
    before..span.end
}

/// What an `ignore` comment covers: its own line when it follows text;
/// alone on a line, the entry after it (PO: up to the next blank line;
/// YAML: the next line and the more indented lines below it).
fn ignore_range(
    format: Format,
    text: &str,
    index: &LineIndex,
    span: &Range<usize>,
) -> Range<usize> {
    let line = index.line_of(span.start);
    let r = index.line_range(text, line);
    if !text[r.start..span.start].trim().is_empty() {
        return r.start..span.end;
    }
    let indent = |l: usize| {
        let r = index.line_range(text, l);
        let t = &text[r.clone()];
        (
            t.len() - t.trim_start().len(),
            t.trim().is_empty(),
            t.trim_start().starts_with('#'),
        )
    };
    let mut next = line + 1;
    while next < index.line_count() && indent(next).2 {
        next += 1;
    }
    if next >= index.line_count() {
        return span.end..span.end;
    }
    let (first_indent, _, _) = indent(next);
    let mut last = next;
    while last + 1 < index.line_count() {
        let (i, blank, _) = indent(last + 1);
        let more = match format {
            Format::Po => !blank,
            _ => blank || i > first_indent,
        };
        if !more {
            break;
        }
        last += 1;
    }
    index.line_range(text, next).start..index.line_range(text, last).end.max(span.end + 1)
}
