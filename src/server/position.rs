//! Byte offsets ↔ LSP positions.
//!
//! salin's spans are byte ranges of the text; LSP positions are a 0-based
//! line and a column counted in the code units of the negotiated encoding:
//! UTF-16 (the default every client understands), UTF-8 or UTF-32. Lines
//! end at `\n`, `\r\n` or a lone `\r`, as the protocol says, so a CRLF file
//! has the same line numbers on both sides and `\r` is never counted in a
//! column.

use lsp_types::{Position, PositionEncodingKind, Range};

/// How columns are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// The encoding to use for a client that offers `offered` (in its order
    /// of preference): UTF-8 when offered, since salin counts in bytes and
    /// it costs nothing to convert; else UTF-32; else the mandatory UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        let has = |kind: &PositionEncodingKind| offered.iter().any(|o| o == kind);
        if has(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else if has(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// Where the lines of a text start, built once per version of a document.
#[derive(Clone, Debug)]
pub struct Lines {
    /// Byte offset of the start of every line; the first is 0.
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // `\r\n` ends one line, at its `\n`.
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(at + 1);
        }
        Lines {
            starts,
            len: text.len(),
        }
    }

    /// The byte range of line `line` without its terminator.
    fn content(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).map_or(self.len, |&s| s - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end.max(start)
    }

    /// The position of byte `offset` (clamped to the text, moved back to a
    /// character boundary).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let content = self.content(text, line);
        // An offset inside a line terminator counts as the end of the line.
        let end = offset.min(content.end);
        let column = match encoding {
            Encoding::Utf8 => end - content.start,
            _ => text[content.start..end]
                .chars()
                .map(|c| encoding.units(c))
                .sum(),
        };
        Position::new(line as u32, column as u32)
    }

    pub fn range(&self, text: &str, span: &std::ops::Range<usize>, encoding: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, encoding),
            self.position(text, span.end, encoding),
        )
    }

    /// The byte offset of `position`. A line past the end means the end of
    /// the text; a column past the end of its line means the end of the line
    /// (as the protocol says); a column inside a character (half of a
    /// surrogate pair, part of a UTF-8 sequence) means the start of it.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let content = self.content(text, line);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in text[content.clone()].char_indices() {
            let next = units + encoding.units(c);
            if next > wanted {
                return content.start + i;
            }
            units = next;
        }
        content.end
    }

    /// The byte range of an LSP range, start and end in order.
    pub fn span(&self, text: &str, range: Range, encoding: Encoding) -> std::ops::Range<usize> {
        let start = self.offset(text, range.start, encoding);
        let end = self.offset(text, range.end, encoding);
        start.min(end)..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, encoding: Encoding) {
        let lines = Lines::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let p = lines.position(text, offset, encoding);
            let back = lines.offset(text, p, encoding);
            // Offsets inside a terminator map to the end of their line.
            let at_terminator = matches!(text.as_bytes().get(offset), Some(b'\n'))
                && offset > 0
                && text.as_bytes()[offset - 1] == b'\r';
            if !at_terminator {
                assert_eq!(back, offset, "{encoding:?} {offset} {p:?} in {text:?}");
            }
        }
    }

    #[test]
    fn columns_count_code_units_of_the_encoding() {
        // 😀 is one character, two UTF-16 units, four bytes; é written as
        // e + a combining accent is two characters.
        let text = "a😀e\u{301}b\n";
        let lines = Lines::new(text);
        let b = text.find('b').unwrap();
        let column = |e| lines.position(text, b, e).character;
        assert_eq!(
            [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32].map(column),
            [8, 5, 4]
        );
    }

    #[test]
    fn offsets_round_trip_through_positions() {
        for text in ["a😀e\u{301}b\n", "isa\r\ndalawa\rtatlo\napat", "", "\r\n\r"] {
            for e in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                round_trip(text, e);
            }
        }
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "isa\r\ndalawa\rtatlo\napat";
        let lines = Lines::new(text);
        let at = |offset: usize| {
            let p = lines.position(text, offset, Encoding::Utf16);
            (p.line, p.character)
        };
        let starts = ["dalawa", "tatlo", "apat"].map(|w| at(text.find(w).unwrap()));
        assert_eq!(starts, [(1, 0), (2, 0), (3, 0)]);
        // The `\r` of `\r\n` is not a column of its line.
        assert_eq!([at(3), at(4)], [(0, 3), (0, 3)]);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\r\n😀\n";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(text, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(
            lines.offset(text, Position::new(9, 0), Encoding::Utf16),
            text.len()
        );
        // Inside the surrogate pair: the start of the character.
        assert_eq!(lines.offset(text, Position::new(1, 1), Encoding::Utf16), 4);
        assert_eq!(lines.offset(text, Position::new(1, 2), Encoding::Utf8), 4);
        assert_eq!(lines.offset(text, Position::new(1, 4), Encoding::Utf8), 8);
    }

    #[test]
    fn utf8_is_preferred_when_offered() {
        let kinds = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&kinds)), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF16])),
            Encoding::Utf16
        );
    }
}
