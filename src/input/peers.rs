//! The translation units of the other files of a run, for the checks
//! across files (`inconsistent-translation`, `inconsistent-source`): each
//! with its file, where it is, and its source and translation as the
//! checks compare them.

use std::ops::Range;

use super::{Document, Format, Unit, UnitKind};
use crate::text::LineIndex;

/// One unit of another file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    /// The file, as reports name it.
    pub path: String,
    /// What keeps translations apart that may differ (a PO `msgctxt`, a
    /// plural form), with the source text: see [`consistency_key`].
    pub key: String,
    /// The source text, normalised ([`normalise`]).
    pub source: String,
    /// The translation, normalised.
    pub target: String,
    pub span: Range<usize>,
    /// 1-based line and column (characters) of the start and end.
    pub start: (usize, usize),
    pub end: (usize, usize),
}

/// The units of every file of a run that the checks across files compare,
/// shared by the documents of the run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Peers {
    pub units: Vec<Peer>,
}

impl Peers {
    /// Adds the comparable values of `doc` (see [`comparable`]). An
    /// article's paragraphs are compared within the article only: the same
    /// paragraph in two documents is translated each in its own context,
    /// while the strings of localisation files make one product's wording.
    pub fn add(&mut self, doc: &Document) {
        let index = LineIndex::new(&doc.text);
        let values = doc
            .units
            .iter()
            .filter(|u| u.kind == UnitKind::Value && comparable(u));
        for unit in values {
            let Some(key) = consistency_key(doc.format, unit) else {
                continue;
            };
            let span = unit.range();
            let at = |o: usize| {
                let p = index.line_col(&doc.text, o);
                (p.line, p.column)
            };
            self.units.push(Peer {
                path: doc.name.clone(),
                source: key.1,
                key: key.0,
                target: normalise(&unit.text(&doc.text)),
                start: at(span.start),
                end: at(span.end),
                span,
            });
        }
    }
}

/// Whether the checks across units compare `unit`: a value or aligned
/// paragraph with a source and a translation, not a draft (`#, fuzzy`).
pub fn comparable(unit: &Unit) -> bool {
    matches!(unit.kind, UnitKind::Value | UnitKind::Paragraph)
        && !unit.fuzzy
        && !unit.is_empty()
        && unit.source.as_deref().is_some_and(|s| !s.trim().is_empty())
}

/// What two units must share to be compared, and the unit's normalised
/// source: a PO entry's `msgctxt` and plural form keep translations apart
/// that may rightly differ; other units only their source text.
pub fn consistency_key(format: Format, unit: &Unit) -> Option<(String, String)> {
    let source = normalise(unit.source.as_deref()?);
    let context = if format == Format::Po {
        let context = unit.key.split_once('\u{4}').map_or("", |(c, _)| c);
        let plural = unit
            .key
            .rsplit_once('[')
            .filter(|(_, n)| n.ends_with(']'))
            .map_or("", |(_, n)| n);
        format!("{context}\u{4}{plural}")
    } else {
        String::new()
    };
    Some((context, source))
}

/// A text as the checks compare it: trimmed, runs of blanks as one space.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
