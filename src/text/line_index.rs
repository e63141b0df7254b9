//! Byte offset → line and column, for reports.

use std::cell::Cell;

/// Line starts of a text, built once per document.
///
/// Lines are 1-based. Columns are 1-based and count Unicode scalar values
/// (characters), as editors and GitHub annotations do; a leading byte-order
/// mark is not counted.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    bom_len: usize,
    /// The last position asked for: (byte where its column counting
    /// starts, byte offset, characters between them). Reports ask in order, so each column is counted
    /// from the previous one instead of from the start of its line, which
    /// was quadratic on a long line with many findings.
    last: Cell<(usize, usize, usize)>,
}

/// A position for people: 1-based line and character column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let bom_len = if text.starts_with('\u{feff}') { 3 } else { 0 };
        LineIndex {
            starts,
            bom_len,
            last: Cell::new((usize::MAX, 0, 0)),
        }
    }

    /// 0-based index of the line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte range of 0-based line `line`, without its line terminator
    /// (`\n` or `\r\n`).
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).map_or(text.len(), |&s| s - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The line and column of a byte offset (which must be on a char boundary).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        let mut start = self.starts[line];
        if line == 0 {
            start = start.max(self.bom_len.min(offset));
        }
        let (last_start, last_offset, last_chars) = self.last.get();
        let chars = if last_start == start {
            if offset >= last_offset {
                last_chars + text[last_offset..offset].chars().count()
            } else {
                last_chars - text[offset..last_offset].chars().count()
            }
        } else {
            text[start..offset].chars().count()
        };
        self.last.set((start, offset, chars));
        LineCol {
            line: line + 1,
            column: chars + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_asked_in_any_order_are_right() {
        let text = "\u{feff}Ñino ay\nsa Parañaque -unlad at ñ ñ ñ wakas\r\n\u{feff}x";
        let idx = LineIndex::new(text);
        let fresh = |offset: usize| LineIndex::new(text).line_col(text, offset);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        // Forwards, backwards, and jumping between lines.
        let mut order = offsets.clone();
        order.extend(offsets.iter().rev());
        order.extend(
            offsets
                .iter()
                .step_by(3)
                .zip(offsets.iter().rev())
                .flat_map(|(a, b)| [*a, *b]),
        );
        for offset in order {
            assert_eq!(idx.line_col(text, offset), fresh(offset), "{offset}");
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "Ñino ay\nsa Parañaque -unlad\r\nwakas";
        let idx = LineIndex::new(text);
        let at = text.find("-unlad").unwrap();
        assert_eq!(
            idx.line_col(text, at),
            LineCol {
                line: 2,
                column: 14
            }
        );
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(
            idx.line_col(text, text.len()),
            LineCol { line: 3, column: 6 }
        );
    }

    #[test]
    fn line_range_strips_crlf_and_bom_is_not_a_column() {
        let text = "\u{feff}una\r\nikalawa\n";
        let idx = LineIndex::new(text);
        assert_eq!(&text[idx.line_range(text, 0)], "\u{feff}una");
        assert_eq!(&text[idx.line_range(text, 1)], "ikalawa");
        assert_eq!(&text[idx.line_range(text, 2)], "");
        assert_eq!(idx.line_col(text, 3), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_count(), 3);
    }
}
