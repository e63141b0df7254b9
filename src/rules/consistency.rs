//! What the checks across units share (`inconsistent-translation`,
//! `inconsistent-source`): every comparable unit of the document and of the
//! other files of the run, grouped, and one finding per group in this
//! document with every other place listed.

use std::collections::HashMap;
use std::ops::Range;

use super::Reporter;
use crate::diagnostic::Related;
use crate::input::Document;
use crate::input::peers::{Peers, comparable, consistency_key, normalise};
use crate::text::LineIndex;

/// One unit, of this document (`path` is `None`) or of another file.
#[derive(Clone, Debug)]
pub(super) struct Entry<'a> {
    pub path: Option<&'a str>,
    pub span: Range<usize>,
    /// Line and column of the start and end, for another file's unit.
    pub place: Option<((usize, usize), (usize, usize))>,
    pub context: String,
    pub source: String,
    pub target: String,
}

/// What the units are grouped by: their source text (and context), or
/// their translation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum By {
    Source,
    Target,
}

/// The comparable units of `doc`, and those of the other files of its run
/// that share a source text (`By::Source`) or a translation
/// (`By::Target`) with one of them, in run order.
pub(super) fn entries(doc: &Document, by: By) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for unit in doc.units.iter().filter(|u| comparable(u)) {
        let Some((context, source)) = consistency_key(doc.format, unit) else {
            continue;
        };
        out.push(Entry {
            path: None,
            span: unit.range(),
            place: None,
            context,
            source,
            target: normalise(&unit.text(&doc.text)),
        });
    }
    let Some(peers) = &doc.peers else {
        return out;
    };
    let mut shared: Vec<usize> = out
        .iter()
        .flat_map(|e| match by {
            By::Source => peers.with_source(&Peers::source_key(&e.context, &e.source)),
            By::Target => peers.with_target(&e.target),
        })
        .copied()
        .collect();
    shared.sort_unstable();
    shared.dedup();
    for p in shared.into_iter().map(|i| &peers.units[i]) {
        if p.path == doc.name {
            continue;
        }
        out.push(Entry {
            path: Some(&p.path),
            span: p.span.clone(),
            place: Some((p.start, p.end)),
            context: p.key.clone(),
            source: p.source.clone(),
            target: p.target.clone(),
        });
    }
    out
}

/// Groups `entries` by `key`, in order of first appearance, keeping the
/// groups that have an entry of this document and more than one distinct
/// `value`.
pub(super) fn inconsistent<'e, 'a>(
    entries: &'e [Entry<'a>],
    key: impl Fn(&Entry<'a>) -> String,
    value: impl Fn(&Entry<'a>) -> String,
) -> Vec<Vec<&'e Entry<'a>>> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<Vec<&Entry>> = Vec::new();
    for e in entries {
        let i = *index.entry(key(e)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[i].push(e);
    }
    groups
        .into_iter()
        .filter(|g| g.iter().any(|e| e.path.is_none()))
        .filter(|g| {
            let first = value(g[0]);
            g.iter().any(|e| value(e) != first)
        })
        .collect()
}

/// Reports `group` once, on its first entry in this document, with every
/// other entry as a related place described by `describe`.
pub(super) fn report_group(
    doc: &Document,
    index: &mut Option<LineIndex>,
    group: &[&Entry<'_>],
    message: String,
    describe: impl Fn(&Entry<'_>) -> String,
    out: &mut Reporter<'_>,
) {
    let Some(first) = group.iter().find(|e| e.path.is_none()) else {
        return;
    };
    let index = index.get_or_insert_with(|| LineIndex::new(&doc.text));
    let mut finding = out.report(first.span.clone(), message);
    for e in group.iter().filter(|e| !std::ptr::eq(**e, *first)) {
        let (start, end) = match e.place {
            Some(place) => place,
            None => {
                let at = |o: usize| {
                    let p = index.line_col(&doc.text, o);
                    (p.line, p.column)
                };
                (at(e.span.start), at(e.span.end))
            }
        };
        finding = finding.related(Related {
            path: e.path.map(str::to_string),
            span: e.span.clone(),
            start,
            end,
            message: describe(e),
        });
    }
}

/// A text for a message, cut at 60 characters.
pub(super) fn quoted(text: &str) -> String {
    let mut chars = text.chars();
    let cut: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("`{cut}…`")
    } else {
        format!("`{cut}`")
    }
}

/// The distinct values of a group, in order, each with how often it occurs.
pub(super) fn tally<'a>(
    group: &[&Entry<'a>],
    value: impl Fn(&Entry<'a>) -> String,
) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for e in group {
        let v = value(e);
        match out.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => out.push((v, 1)),
        }
    }
    out
}
