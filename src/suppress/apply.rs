//! Applying suppressions, for the checker: suppressed findings are removed,
//! and directives that suppress nothing become `unused-suppression` findings.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::ops::Range;

use super::directives::{Directive, DirectiveKind, directives};
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::input::{Document, Format};
use crate::rules::{Reporter, RuleId, UnusedSuppression};
use crate::text::LineIndex;

/// What one directive, or one rule of it, covers.
struct Cover<'d> {
    /// `None`: every rule.
    rule: Option<&'d str>,
    /// Byte range of the document in which findings are suppressed.
    range: Range<usize>,
    used: bool,
}

/// Removes suppressed findings from `diagnostics` and, when `unused` gives
/// the severity of the `unused-suppression` rule, adds a finding for every
/// directive that suppressed nothing. `enabled` tells whether a rule ran:
/// a directive for a rule that did not run is not reported.
///
/// Linear in the directives and findings (up to a logarithm): one sweep
/// over both in order of position.
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
    let index = LineIndex::new(&doc.text);
    // Each directive's covers, in order.
    let mut covers: Vec<Vec<Cover<'_>>> = covers(doc, &directives, &index);
    let suppressed = suppressed(&diagnostics, &mut covers);
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .zip(suppressed)
        .filter_map(|(d, suppressed)| (!suppressed).then_some(d))
        .collect();
    if let Some(severity) = unused {
        let mut out = Reporter::new(&UnusedSuppression::META, severity, &mut kept);
        for (d, mine) in directives.iter().zip(&covers) {
            report_unused(doc, &index, d, mine, enabled, &mut out);
        }
        kept.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
    }
    kept
}

/// What each directive covers: one cover per rule it names (one for every
/// rule when it names none); none for an `enable`.
fn covers<'d>(
    doc: &Document,
    directives: &'d [Directive],
    index: &LineIndex,
) -> Vec<Vec<Cover<'d>>> {
    let text = &doc.text;
    let ends = disable_ends(directives, text.len() + 1);
    directives
        .iter()
        .zip(ends)
        .map(|(d, ends)| {
            let range = match d.kind {
                DirectiveKind::Enable => return Vec::new(),
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
                DirectiveKind::Ignore => ignore_range(doc.format, text, index, &d.span),
            };
            let names: Vec<Option<&str>> = if d.rules.is_empty() {
                vec![None]
            } else {
                d.rules.iter().map(|(n, _)| Some(n.as_str())).collect()
            };
            names
                .into_iter()
                .zip(ends)
                .map(|(rule, end)| {
                    let mut range = range.clone();
                    if d.kind == DirectiveKind::Disable {
                        range.end = end;
                    }
                    Cover {
                        rule,
                        range,
                        used: false,
                    }
                })
                .collect()
        })
        .collect()
}

/// For each directive, for each rule it names (or once, for every rule),
/// where a `disable` of it would end: at the first later `enable` that
/// names the rule or names none (else `end`). Found in one backward pass.
fn disable_ends(directives: &[Directive], end: usize) -> Vec<Vec<usize>> {
    let mut next_enable_all = end;
    let mut next_enable: HashMap<&str, usize> = HashMap::new();
    let mut out = vec![Vec::new(); directives.len()];
    for (i, d) in directives.iter().enumerate().rev() {
        out[i] = if d.rules.is_empty() {
            vec![next_enable_all]
        } else {
            d.rules
                .iter()
                .map(|(n, _)| {
                    next_enable_all.min(next_enable.get(n.as_str()).copied().unwrap_or(end))
                })
                .collect()
        };
        if d.kind == DirectiveKind::Enable {
            if d.rules.is_empty() {
                next_enable_all = d.span.start;
            }
            for (n, _) in &d.rules {
                next_enable.insert(n, d.span.start);
            }
        }
    }
    out
}

/// Which findings a cover suppresses (marking the covers used): a finding
/// is suppressed by every cover of its rule, or of every rule, holding its
/// start. One sweep in order of position, with the covers in force kept by
/// where they end.
fn suppressed(diagnostics: &[Diagnostic], covers: &mut [Vec<Cover<'_>>]) -> Vec<bool> {
    let mut all: Vec<&mut Cover<'_>> = covers.iter_mut().flatten().collect();
    all.sort_by_key(|c| c.range.start);
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by_key(|&i| diagnostics[i].span.start);
    // Covers in force, by where they end; and, by rule, how many are in
    // force and which of them are not used yet.
    let mut in_force: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let mut count: HashMap<Option<&str>, usize> = HashMap::new();
    let mut unused: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    let mut ended = vec![false; all.len()];
    let mut next = 0;
    let mut out = vec![false; diagnostics.len()];
    for i in order {
        let at = diagnostics[i].span.start;
        while next < all.len() && all[next].range.start <= at {
            let c = &all[next];
            in_force.push(Reverse((c.range.end, next)));
            *count.entry(c.rule).or_default() += 1;
            unused.entry(c.rule).or_default().push(next);
            next += 1;
        }
        while let Some(&Reverse((end, k))) = in_force.peek()
            && end <= at
        {
            in_force.pop();
            ended[k] = true;
            *count.entry(all[k].rule).or_default() -= 1;
        }
        let rule = Some(diagnostics[i].rule);
        for key in [rule, None] {
            if count.get(&key).copied().unwrap_or(0) == 0 {
                continue;
            }
            out[i] = true;
            for k in unused.remove(&key).unwrap_or_default() {
                if !ended[k] {
                    all[k].used = true;
                }
            }
        }
    }
    out
}

/// Reports directive `d` when it suppressed nothing, or names a rule that
/// does not exist; with a fix that deletes it when nothing of it was used.
fn report_unused(
    doc: &Document,
    index: &LineIndex,
    d: &Directive,
    mine: &[Cover<'_>],
    enabled: &dyn Fn(RuleId) -> bool,
    out: &mut Reporter<'_>,
) {
    if d.kind == DirectiveKind::Enable {
        return;
    }
    let mut problems = Vec::new();
    let mut judged = 0;
    for c in mine {
        match c.rule {
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
        return;
    }
    let finding = out.report(
        d.span.clone(),
        format!("`{}` {}", d.kind.keyword(), problems.join("; ")),
    );
    if judged == 0 && mine.iter().all(|c| !c.used) {
        finding
            .suggest("")
            .fix(Edit::delete(removal(&doc.text, index, &d.span)));
    }
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
