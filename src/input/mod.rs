//! Input documents and the prose segments inside them.
//!
//! A [`Document`] owns the original text exactly as read (BOM and line endings
//! included). Its format's parser lists the [`Segment`]s that are prose, as
//! byte ranges of that original text, so every rule and fix works on original
//! positions and never has to map offsets back.

pub mod codec;
pub mod encode;
mod json;
pub mod l10n;
pub(crate) mod markdown;
mod pair;
pub mod peers;
mod plain;
mod po;
mod protect;
mod xliff;
mod yaml;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

pub use codec::{Quoting, Region};
pub use l10n::{KeyLimit, LengthLimit, LimitMax, Unit, UnitKind, key_matches};
pub use peers::{Peer, Peers};

/// How a document is parsed into prose segments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: every paragraph is prose.
    Plain,
    /// CommonMark + GFM tables: code, HTML, URLs and front matter are skipped.
    Markdown,
    /// YAML localisation file: string values are prose, keys are not.
    Yaml,
    /// JSON localisation file (i18next, Chrome `messages.json`, ARB).
    Json,
    /// gettext PO: `msgstr` values are prose; `msgid` is their source.
    Po,
    /// XLIFF 1.2 or 2.0: `<target>` text is prose; `<source>` is its source.
    Xliff,
}

impl Format {
    /// The format for a file name, or `None` when salin does not read it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Plain),
            "yml" | "yaml" => Some(Format::Yaml),
            "json" | "arb" => Some(Format::Json),
            "po" => Some(Format::Po),
            "xlf" | "xliff" => Some(Format::Xliff),
            _ => None,
        }
    }

    /// Whether a file salin reads as plain text (`-f` `notes.txt`, `README`)
    /// is in fact structured text of another kind (`.csv`, `.properties`,
    /// `.strings`, `.html`, ...): anything named with an extension other
    /// than `.txt` or `.text`. Such a file is checked as plain text but never
    /// fixed, because a fix cannot know its syntax.
    pub fn is_foreign_text(path: &Path) -> bool {
        match path.extension().and_then(|e| e.to_str()) {
            None => false,
            Some(ext) => {
                Format::from_path(path).is_none()
                    && !matches!(ext.to_ascii_lowercase().as_str(), "txt" | "text")
            }
        }
    }

    /// Whether the format is a key-value localisation file, whose values are
    /// translation units.
    pub fn is_localisation(self) -> bool {
        !matches!(self, Format::Plain | Format::Markdown)
    }
}

/// What kind of prose a segment is, for rules whose judgement depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// Running text: paragraphs, list items, table cells, plain-text lines.
    Prose,
    /// A Markdown heading.
    Heading,
}

/// A contiguous run of prose in the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub range: Range<usize>,
    pub kind: SegmentKind,
    /// Segments with the same block number belong to one paragraph, heading or
    /// table cell.
    pub block: u32,
}

/// Where a file is not what its format says: the line (1-based) and what
/// is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl ParseError {
    /// The parse gave up because its deadline passed (line 0).
    pub(crate) fn timed_out() -> Self {
        ParseError {
            line: 0,
            message: "timed out".into(),
        }
    }

    pub fn is_time_out(&self) -> bool {
        self.line == 0
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// The 1-based line of byte `at` of `text`.
pub(crate) fn text_line(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() + 1
}

/// How a document is written: where its translatable text is and how text
/// must be written there (for the fix encoder, [`encode`]), and whether it
/// parsed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Syntax {
    /// The stretches holding translatable text, sorted, not overlapping.
    pub regions: Vec<Region>,
    /// Text inside regions that is checked but never edited, sorted.
    pub frozen: Vec<Range<usize>>,
    /// Where the file is not valid in its format: what was read before it
    /// is checked ([`Document::new`]), or the file is refused
    /// ([`Document::parse`]).
    pub error: Option<ParseError>,
}

/// A document to check.
#[derive(Clone, Debug)]
pub struct Document {
    /// The name shown in reports (a path, or the `--stdin-filename`).
    pub name: String,
    pub text: String,
    pub format: Format,
    pub segments: Vec<Segment>,
    /// Translation units: the values of a localisation file (segments of
    /// value `i` have block number `i`), or, for an article paired with its
    /// source, its aligned paragraphs or the whole article.
    pub units: Vec<Unit>,
    /// The source-language document this one translates, when paired
    /// (`--source`, `[[pairs]]`). PO and XLIFF carry their source in each
    /// unit instead.
    pub source: Option<Arc<Document>>,
    /// Keys of the paired source that this document lacks, in source order,
    /// each with the byte where it belongs: the end of the value of the
    /// closest key before it in the source that this document has (or the
    /// start of the text).
    pub missing: Vec<(String, usize)>,
    /// Where text is written and how (see [`Syntax`]).
    pub syntax: Syntax,
    /// Length limits that apply to units of this document by their keys
    /// (the configuration's `[[max-length]]`).
    pub limits: Vec<KeyLimit>,
    /// The units of the other files of the run, for the checks across
    /// files; `None` when the document is checked alone.
    pub peers: Option<Arc<Peers>>,
}

impl Document {
    /// The document `text` read as `format`. Malformed input is read as far
    /// as it is well-formed, with the error in [`Syntax::error`]; use
    /// [`Document::parse`] to refuse it.
    pub fn new(name: impl Into<String>, text: impl Into<String>, format: Format) -> Self {
        Document::read(name.into(), text.into(), format, None)
    }

    /// The document `text` read as `format`, or where it is malformed.
    /// Parsing gives up once `deadline` has passed (an error for which
    /// [`ParseError::is_time_out`] holds).
    pub fn parse(
        name: impl Into<String>,
        text: impl Into<String>,
        format: Format,
        deadline: Option<Instant>,
    ) -> Result<Self, ParseError> {
        let doc = Document::read(name.into(), text.into(), format, deadline);
        match doc.syntax.error {
            Some(e) => Err(e),
            None => Ok(doc),
        }
    }

    fn read(name: String, text: String, format: Format, deadline: Option<Instant>) -> Self {
        let (segments, units, mut syntax) = parse(&text, format, deadline);
        if format == Format::Plain && Format::is_foreign_text(Path::new(&name)) {
            for r in &mut syntax.regions {
                r.quoting = Quoting::Frozen;
            }
        }
        Document {
            name,
            text,
            format,
            segments,
            units,
            source: None,
            missing: Vec::new(),
            syntax,
            limits: Vec::new(),
            peers: None,
        }
    }

    /// This document paired with `source`, the document it translates: each
    /// unit of a YAML or JSON file gets the source text of the same key, or
    /// an article's blocks are aligned with the source's when their
    /// structure matches (otherwise the whole article is one unit). PO and
    /// XLIFF files keep their own sources, and files of kinds that do not
    /// pair (a YAML file and an article) stay unpaired.
    pub fn with_source(mut self, source: Arc<Document>) -> Self {
        if pair::pair(&mut self, &source) {
            self.source = Some(source);
        }
        self
    }

    /// The same document (name, format, source) with new text, parsed again:
    /// for the next round of fixes.
    pub fn with_text(&self, text: String) -> Self {
        let mut doc = Document::new(self.name.clone(), text, self.format);
        doc.limits = self.limits.clone();
        doc.peers = self.peers.clone();
        match &self.source {
            Some(source) => doc.with_source(Arc::clone(source)),
            None => doc,
        }
    }

    /// The unit that segment `index` belongs to, in a localisation file.
    pub fn unit_of(&self, index: usize) -> Option<&Unit> {
        if !self.format.is_localisation() {
            return None;
        }
        self.units.get(self.segments.get(index)?.block as usize)
    }
}

fn parse(
    text: &str,
    format: Format,
    deadline: Option<Instant>,
) -> (Vec<Segment>, Vec<Unit>, Syntax) {
    let body = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let whole = || {
        vec![Region {
            range: body..text.len(),
            quoting: Quoting::Raw,
        }]
    };
    let (raw, units, syntax) = match format {
        Format::Plain => (
            plain::segments(text, body),
            Vec::new(),
            Syntax {
                regions: whole(),
                ..Syntax::default()
            },
        ),
        Format::Markdown => {
            let parsed = markdown::parse(text, body);
            let syntax = Syntax {
                regions: parsed.regions,
                frozen: parsed.frozen,
                error: None,
            };
            (parsed.segments, Vec::new(), syntax)
        }
        Format::Yaml | Format::Json | Format::Po | Format::Xliff => {
            let (found, error) = match format {
                Format::Yaml => yaml::parse(text, body, deadline),
                Format::Json => json::parse(text, body),
                Format::Po => po::parse(text, body),
                _ => xliff::parse(text, body, deadline),
            };
            let mut regions = found.regions;
            regions.sort_by_key(|r| (r.range.start, r.range.end));
            let syntax = Syntax {
                regions,
                frozen: Vec::new(),
                error,
            };
            (found.segments, found.units, syntax)
        }
    };
    let mut out = Vec::with_capacity(raw.len());
    for seg in raw {
        protect::split_out_links(text, seg, &mut out);
    }
    (out, units, syntax)
}

/// The prose segments of `text` read as `format`, with URLs and e-mail
/// addresses cut out.
pub fn segments(text: &str, format: Format) -> Vec<Segment> {
    parse(text, format, None).0
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn prose(text: &str, format: Format) -> Vec<&str> {
        segments(text, format)
            .into_iter()
            .map(|s| &text[s.range])
            .collect()
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(
            Format::from_path(Path::new("a/b.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::from_path(Path::new("a.markdown")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("a.txt")), Some(Format::Plain));
        assert_eq!(Format::from_path(Path::new("a.rs")), None);
        assert_eq!(Format::from_path(Path::new("tl.yml")), Some(Format::Yaml));
        assert_eq!(Format::from_path(Path::new("tl.YAML")), Some(Format::Yaml));
        assert_eq!(Format::from_path(Path::new("tl.json")), Some(Format::Json));
        assert_eq!(
            Format::from_path(Path::new("app_tl.arb")),
            Some(Format::Json)
        );
        assert_eq!(Format::from_path(Path::new("tl.po")), Some(Format::Po));
        assert_eq!(Format::from_path(Path::new("a.xlf")), Some(Format::Xliff));
        assert_eq!(Format::from_path(Path::new("a.xliff")), Some(Format::Xliff));
        assert_eq!(Format::from_path(Path::new("README")), None);
    }

    #[test]
    fn bom_is_not_prose() {
        assert_eq!(prose("\u{feff}Ang una.\n", Format::Plain), ["Ang una."]);
        assert_eq!(prose("\u{feff}# Pamagat\n", Format::Markdown), ["Pamagat"]);
    }
}
