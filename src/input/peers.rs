//! The translation units of the other files of a run, for the checks
//! across files (`inconsistent-translation`, `inconsistent-source`): each
//! with its file, where it is, and its source and translation as the
//! checks compare them.

use std::collections::HashMap;
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
/// shared by the documents of the run, indexed by what the checks group
/// them by: each document looks up the places that share its own texts
/// instead of walking every unit of the run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Peers {
    pub units: Vec<Peer>,
    /// Indices into `units` by [`Peers::source_key`].
    by_source: HashMap<String, Vec<usize>>,
    /// Indices into `units` by translation.
    by_target: HashMap<String, Vec<usize>>,
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
            let at_index = self.units.len();
            self.by_source
                .entry(Peers::source_key(&key.0, &key.1))
                .or_default()
                .push(at_index);
            let target = normalise(&unit.text(&doc.text));
            self.by_target
                .entry(target.clone())
                .or_default()
                .push(at_index);
            self.units.push(Peer {
                path: doc.name.clone(),
                source: key.1,
                key: key.0,
                target,
                start: at(span.start),
                end: at(span.end),
                span,
            });
        }
    }
}

impl Peers {
    /// What units with one source text share: the context and the source.
    pub fn source_key(context: &str, source: &str) -> String {
        format!("{context}\u{0}{source}")
    }

    /// Adds the units of `other` (another file's), after these.
    pub fn append(&mut self, other: Peers) {
        let offset = self.units.len();
        for (map, theirs) in [
            (&mut self.by_source, other.by_source),
            (&mut self.by_target, other.by_target),
        ] {
            for (key, indices) in theirs {
                map.entry(key)
                    .or_default()
                    .extend(indices.into_iter().map(|i| i + offset));
            }
        }
        self.units.extend(other.units);
    }

    /// The units with this [`Peers::source_key`], in run order.
    pub fn with_source(&self, key: &str) -> &[usize] {
        self.by_source.get(key).map_or(&[], Vec::as_slice)
    }

    /// The units with this translation (normalised), in run order.
    pub fn with_target(&self, target: &str) -> &[usize] {
        self.by_target.get(target).map_or(&[], Vec::as_slice)
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn paired(name: &str, source: &str, target: &str) -> Document {
        let source = Arc::new(Document::new("en.json", source, Format::Json));
        Document::new(name, target, Format::Json).with_source(source)
    }

    /// Files collected apart and appended are indexed as if added to one.
    #[test]
    fn appended_files_keep_their_index() {
        let one = paired(
            "one.json",
            r#"{"a": "Save", "b": "Open"}"#,
            r#"{"a": "I-save", "b": "Buksan"}"#,
        );
        let two = paired("two.json", r#"{"x": "Save"}"#, r#"{"x": "Buksan"}"#);
        let (mut apart, mut first, mut second) =
            (Peers::default(), Peers::default(), Peers::default());
        apart.add(&one);
        apart.add(&two);
        first.add(&one);
        second.add(&two);
        first.append(second);
        assert_eq!(first, apart);
        let save = Peers::source_key("", "Save");
        let paths = |ix: &[usize]| {
            ix.iter()
                .map(|&i| first.units[i].path.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(paths(first.with_source(&save)), ["one.json", "two.json"]);
        assert_eq!(paths(first.with_target("Buksan")), ["one.json", "two.json"]);
        assert!(first.with_target("Itago").is_empty());
    }
}
