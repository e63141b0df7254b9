//! Input documents and the prose segments inside them.
//!
//! A [`Document`] owns the original text exactly as read (BOM and line endings
//! included). Its format's parser lists the [`Segment`]s that are prose, as
//! byte ranges of that original text, so every rule and fix works on original
//! positions and never has to map offsets back.

mod markdown;
mod plain;
mod protect;

use std::ops::Range;
use std::path::Path;

/// How a document is parsed into prose segments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: every paragraph is prose.
    Plain,
    /// CommonMark + GFM tables: code, HTML, URLs and front matter are skipped.
    Markdown,
}

impl Format {
    /// The format for a file name, or `None` when salin does not read it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Plain),
            _ => None,
        }
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

/// A document to check.
#[derive(Clone, Debug)]
pub struct Document {
    /// The name shown in reports (a path, or the `--stdin-filename`).
    pub name: String,
    pub text: String,
    pub format: Format,
    pub segments: Vec<Segment>,
}

impl Document {
    pub fn new(name: impl Into<String>, text: impl Into<String>, format: Format) -> Self {
        let text = text.into();
        let segments = segments(&text, format);
        Document {
            name: name.into(),
            text,
            format,
            segments,
        }
    }
}

/// The prose segments of `text` read as `format`, with URLs and e-mail
/// addresses cut out.
pub fn segments(text: &str, format: Format) -> Vec<Segment> {
    let body = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let raw = match format {
        Format::Plain => plain::segments(text, body),
        Format::Markdown => markdown::segments(text, body),
    };
    let mut out = Vec::with_capacity(raw.len());
    for seg in raw {
        protect::split_out_links(text, seg, &mut out);
    }
    out
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
        assert_eq!(Format::from_path(Path::new("README")), None);
    }

    #[test]
    fn bom_is_not_prose() {
        assert_eq!(prose("\u{feff}Ang una.\n", Format::Plain), ["Ang una."]);
        assert_eq!(prose("\u{feff}# Pamagat\n", Format::Markdown), ["Pamagat"]);
    }
}
