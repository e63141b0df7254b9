//! What localisation files (YAML, JSON, PO, XLIFF) share: translation
//! [`Unit`]s (one per value, with its key and, when known, its source text)
//! and the cutting of values into prose segments around escapes.

use std::ops::Range;

use super::{Segment, SegmentKind};

/// What a unit is: a value of a localisation file, a paragraph aligned with
/// the source article, or a whole article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// A translatable value (YAML/JSON value, PO `msgstr`, XLIFF `target`).
    Value,
    /// A block of an article aligned with the same block of its source.
    Paragraph,
    /// A whole article whose blocks could not be aligned with its source.
    Document,
}

/// One translation unit: a value of a localisation file (or a paragraph of an
/// article), with its key and, when known, the source text it translates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub kind: UnitKind,
    /// The key path (`home.greeting`, `items[2]`), the PO `msgctxt` and
    /// `msgid`, the XLIFF `id`, or `¶N` for paragraph N of an article.
    pub key: String,
    /// Where the key is written in the file (for `extra-key`); for units
    /// without a key, the start of the value.
    pub key_range: Range<usize>,
    /// The raw bytes of the value in the original file, in order: one range
    /// for a one-line value, one per line of a block scalar or PO string.
    /// An empty value has one empty range at its position.
    pub pieces: Vec<Range<usize>>,
    /// What joins the pieces into the value's text: `\n` for the lines of a
    /// YAML scalar, nothing for PO strings (`"abc" "def"` is `abcdef`).
    pub joiner: &'static str,
    /// A PO entry marked `#, fuzzy` (a guess awaiting review): skipped
    /// unless the checker is asked to include such entries.
    pub fuzzy: bool,
    /// The raw source text the value translates (the source file's value as
    /// written, PO `msgid`, XLIFF `source`), when known.
    pub source: Option<String>,
}

impl Unit {
    /// The bytes from the start of the first piece to the end of the last.
    pub fn range(&self) -> Range<usize> {
        let start = self.pieces.first().map_or(0, |p| p.start);
        let end = self.pieces.last().map_or(start, |p| p.end);
        start..end
    }

    /// The value's raw text: its pieces joined with [`Unit::joiner`].
    pub fn text(&self, doc: &str) -> String {
        let mut out = String::new();
        for (i, p) in self.pieces.iter().enumerate() {
            if i > 0 {
                out.push_str(self.joiner);
            }
            out.push_str(&doc[p.clone()]);
        }
        out
    }

    /// The byte of the original file at `offset` into [`Unit::text`].
    pub fn to_file(&self, offset: usize) -> usize {
        let mut at = 0;
        for p in &self.pieces {
            if offset <= at + p.len() {
                return p.start + (offset - at);
            }
            at += p.len() + self.joiner.len();
            if offset < at {
                return p.end; // inside a joiner
            }
        }
        self.range().end
    }

    /// Whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.pieces.iter().all(|p| p.is_empty())
    }
}

/// How a format escapes characters inside a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escape {
    /// Nothing is escaped (YAML plain and block scalars).
    None,
    /// `\n`, `\"`, `\u00e9` (JSON, YAML double-quoted, PO).
    Backslash,
    /// `''` (YAML single-quoted).
    DoubledQuote,
    /// `&amp;`, `&#233;` and tags (XML).
    Xml,
}

/// The prose segments of every unit's value pieces, one block per unit.
pub fn unit_segments(text: &str, units: &[Unit], escape: Escape) -> Vec<Segment> {
    let mut segments = Vec::new();
    for (block, unit) in units.iter().enumerate() {
        for p in &unit.pieces {
            push_value(text, p.clone(), escape, block as u32, &mut segments);
        }
    }
    segments
}

/// Pushes the prose segments of the value piece `range`: the runs between
/// escapes, so that no rule checks or fixes across one.
pub fn push_value(
    text: &str,
    range: Range<usize>,
    escape: Escape,
    block: u32,
    out: &mut Vec<Segment>,
) {
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Segment>| {
        if slice[s..e].trim().is_empty() {
            return;
        }
        out.push(Segment {
            range: range.start + s..range.start + e,
            kind: SegmentKind::Prose,
            block,
        });
    };
    while i < bytes.len() {
        let skip = match (escape, bytes[i]) {
            (Escape::Backslash, b'\\') => {
                let len = match bytes.get(i + 1) {
                    Some(b'u') => 6,
                    Some(b'x') => 4,
                    Some(b'U') => 10,
                    Some(_) => 2,
                    None => 1,
                };
                Some(len.min(bytes.len() - i))
            }
            (Escape::DoubledQuote, b'\'') if bytes.get(i + 1) == Some(&b'\'') => Some(2),
            (Escape::Xml, b'&') => slice[i..]
                .find(';')
                .filter(|&n| n <= 10)
                .map(|n| n + 1)
                .or(Some(1)),
            (Escape::Xml, b'<') => slice[i..].find('>').map(|n| n + 1).or(Some(1)),
            _ => None,
        };
        match skip {
            Some(len) => {
                push(start, i, out);
                i += len;
                while !slice.is_char_boundary(i) {
                    i += 1;
                }
                start = i;
            }
            None => i += 1,
        }
    }
    push(start, bytes.len(), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, escape: Escape) -> Vec<&str> {
        let mut out = Vec::new();
        push_value(text, 0..text.len(), escape, 0, &mut out);
        out.into_iter().map(|s| &text[s.range]).collect()
    }

    #[test]
    fn values_are_cut_at_escapes() {
        assert_eq!(
            pieces(r#"Una\nIkalawa \"sipi\" \u00e9 wakas"#, Escape::Backslash),
            ["Una", "Ikalawa ", "sipi", " wakas"]
        );
        assert_eq!(
            pieces("Si Juan''s aso", Escape::DoubledQuote),
            ["Si Juan", "s aso"]
        );
        assert_eq!(
            pieces("Mag-<b>click</b> &amp; tapos", Escape::Xml),
            ["Mag-", "click", " tapos"]
        );
        assert_eq!(pieces("a \\", Escape::Backslash), ["a "]);
    }

    #[test]
    fn unit_offsets_map_to_the_file() {
        let doc = "k: |\n  isa\n  dalawa\n";
        let unit = Unit {
            kind: UnitKind::Value,
            key: "k".into(),
            key_range: 0..1,
            pieces: vec![7..10, 13..19],
            joiner: "\n",
            fuzzy: false,
            source: None,
        };
        assert_eq!(unit.text(doc), "isa\ndalawa");
        assert_eq!(unit.to_file(4), 13);
        assert_eq!(&doc[unit.to_file(4)..unit.to_file(10)], "dalawa");
        assert_eq!(unit.range(), 7..19);
    }
}
