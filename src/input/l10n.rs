//! What localisation files (YAML, JSON, PO, XLIFF) share: translation
//! [`Unit`]s (one per value, with its key and, when known, its source text)
//! and the cutting of values into prose segments around escapes.

use std::ops::Range;

use super::codec::{Decoded, Quoting, Region, decode};
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
    /// The source text the value translates (the source file's value, PO
    /// `msgid`, decoded; XLIFF `source` as written), when known.
    pub source: Option<String>,
    /// The value decoded (escapes and line folding of JSON, YAML, PO), with
    /// where each part of it is written; `None` when the value is its raw
    /// pieces joined (XLIFF, article units).
    pub decoded: Option<Decoded>,
    /// Length limits the file sets on this unit (XLIFF `maxwidth`,
    /// `maxbytes`, `slr:sizeRestriction`, `slr:storageRestriction`).
    pub limits: Vec<LengthLimit>,
}

/// How long a translation may be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LengthLimit {
    pub max: LimitMax,
    /// Where the limit is set, for messages (`maxwidth="20"`,
    /// `salin.toml:12`).
    pub origin: String,
}

/// The measure of a [`LengthLimit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitMax {
    /// At most this many characters (Unicode code points) of text.
    Chars(usize),
    /// At most this many bytes of UTF-8.
    Bytes(usize),
    /// At most this many hundredths of the source's length in characters
    /// (`150`: one and a half times).
    SourceRatio(u32),
}

/// Length limits for the units whose keys match patterns: a configured
/// `[[max-length]]` entry that applies to a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyLimit {
    /// Key patterns (`*` any run of characters, `?` one); none: every key.
    pub keys: Vec<String>,
    pub limit: LengthLimit,
}

impl KeyLimit {
    /// Whether the limit applies to the unit keyed `key`.
    pub fn applies_to(&self, key: &str) -> bool {
        self.keys.is_empty() || self.keys.iter().any(|p| key_matches(p, key))
    }
}

/// Whether `key` matches `pattern`, where `*` stands for any run of
/// characters and `?` for one character.
pub fn key_matches(pattern: &str, key: &str) -> bool {
    let (p, k): (Vec<char>, Vec<char>) = (pattern.chars().collect(), key.chars().collect());
    // Greedy matching with backtracking to the last `*`: linear in practice.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < k.len() {
        if i < p.len() && (p[i] == '?' || p[i] == k[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

impl Unit {
    /// The bytes from the start of the first piece to the end of the last.
    pub fn range(&self) -> Range<usize> {
        let start = self.pieces.first().map_or(0, |p| p.start);
        let end = self.pieces.last().map_or(start, |p| p.end);
        start..end
    }

    /// The value's text: decoded, or else its raw pieces joined with
    /// [`Unit::joiner`].
    pub fn text(&self, doc: &str) -> String {
        if let Some(d) = &self.decoded {
            return d.text.clone();
        }
        let mut out = String::new();
        for (i, p) in self.pieces.iter().enumerate() {
            if i > 0 {
                out.push_str(self.joiner);
            }
            out.push_str(&doc[p.clone()]);
        }
        out
    }

    /// The bytes of the original file that `range` of [`Unit::text`] comes
    /// from (whole escapes and line breaks where it starts or ends in one).
    pub fn file_range(&self, range: Range<usize>) -> Range<usize> {
        match &self.decoded {
            Some(d) => d.file_range(range),
            None => self.to_file(range.start)..self.to_file(range.end),
        }
    }

    /// The byte of the original file at `offset` into [`Unit::text`] (for
    /// units without a decoding; see [`Unit::file_range`]).
    pub fn to_file(&self, offset: usize) -> usize {
        if let Some(d) = &self.decoded {
            return d.file_range(offset..offset).start;
        }
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
        if let Some(d) = &self.decoded {
            return d.text.is_empty();
        }
        self.pieces.iter().all(|p| p.is_empty())
    }
}

/// What a parser of a localisation file collects: the units, their prose
/// segments and the regions where their values are written.
#[derive(Default)]
pub(crate) struct Collector {
    pub segments: Vec<Segment>,
    pub units: Vec<Unit>,
    pub regions: Vec<Region>,
}

/// A value found by a parser, before it becomes a [`Unit`].
pub(crate) struct Value {
    pub key: String,
    pub key_range: Range<usize>,
    /// Where the value is written (inside its quotes).
    pub raw: Range<usize>,
    /// Where each of its strings is written, when it has several (PO), each
    /// a region of the value's quoting; else just `raw`.
    pub strings: Vec<Range<usize>>,
    pub quoting: Quoting,
    /// The value as the format's reference parser read it, when known: the
    /// decoding must agree with it.
    pub expected: Option<String>,
    pub fuzzy: bool,
    pub source: Option<String>,
}

impl Collector {
    /// Adds `value`, decoded from `text`, or, with `decoded`, decoded
    /// already. A value whose decoding fails or disagrees with the reference
    /// parser is kept as a unit (so the source-aware rules still compare
    /// it) but has no prose segments and is never edited.
    pub fn push(&mut self, text: &str, value: Value, decoded: Option<Decoded>) {
        let decoded = decoded.or_else(|| decode(text, value.raw.clone(), value.quoting));
        let agrees = |d: &Decoded| value.expected.as_deref().is_none_or(|e| e == d.text);
        let block = self.units.len() as u32;
        let strings = if value.strings.is_empty() {
            vec![value.raw.clone()]
        } else {
            value.strings.clone()
        };
        // The unit's pieces: its non-empty strings (or the last, when all are
        // empty).
        let mut pieces: Vec<Range<usize>> =
            strings.iter().filter(|r| !r.is_empty()).cloned().collect();
        if pieces.is_empty() {
            pieces.push(strings.last().cloned().unwrap_or(value.raw.clone()));
        }
        let decoded = match decoded {
            Some(d) if agrees(&d) => {
                decoded_segments(text, &d, block, &mut self.segments);
                self.regions.extend(strings.iter().map(|r| Region {
                    range: r.clone(),
                    quoting: value.quoting,
                }));
                d
            }
            _ => {
                self.regions.extend(strings.iter().map(|r| Region {
                    range: r.clone(),
                    quoting: Quoting::Frozen,
                }));
                Decoded::opaque(
                    value
                        .expected
                        .clone()
                        .unwrap_or_else(|| text[value.raw.clone()].to_string()),
                    value.raw.clone(),
                )
            }
        };
        self.units.push(Unit {
            kind: UnitKind::Value,
            key: value.key,
            key_range: value.key_range,
            pieces,
            joiner: "",
            fuzzy: value.fuzzy,
            source: value.source,
            decoded: Some(decoded),
            limits: Vec::new(),
        });
    }
}

/// The prose segments of a decoded value: its verbatim runs (the text
/// between escapes and line breaks), so that no rule checks or fixes across
/// an escape.
pub fn decoded_segments(text: &str, decoded: &Decoded, block: u32, out: &mut Vec<Segment>) {
    for run in decoded.runs.iter().filter(|r| r.verbatim) {
        if !text[run.raw.clone()].trim().is_empty() {
            out.push(Segment {
                range: run.raw.clone(),
                kind: SegmentKind::Prose,
                block,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_cut_at_escapes() {
        let text = r#"Una\nIkalawa \"sipi\" \u00e9 wakas"#;
        let decoded =
            super::super::codec::decode(text, 0..text.len(), super::super::codec::Quoting::Json)
                .unwrap();
        let mut out = Vec::new();
        decoded_segments(text, &decoded, 0, &mut out);
        let got: Vec<&str> = out.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(got, ["Una", "Ikalawa ", "sipi", " wakas"]);
    }

    #[test]
    fn key_patterns() {
        for (pattern, key, matches) in [
            ("button.*", "button.save", true),
            ("button.*", "menu.button.save", false),
            ("*.title", "page.home.title", true),
            ("*", "anything", true),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("a*b*c", "aXbYbZc", true),
            ("a*b*c", "aXbYbZ", false),
            ("exact", "exact", true),
            ("exact", "exactly", false),
        ] {
            assert_eq!(key_matches(pattern, key), matches, "{pattern} {key}");
        }
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
            decoded: None,
            limits: Vec::new(),
        };
        assert_eq!(unit.text(doc), "isa\ndalawa");
        assert_eq!(unit.to_file(4), 13);
        assert_eq!(&doc[unit.to_file(4)..unit.to_file(10)], "dalawa");
        assert_eq!(unit.range(), 7..19);
    }
}
