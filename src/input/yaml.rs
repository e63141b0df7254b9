//! YAML localisation files (i18next, Rails): every string value of the
//! nested maps and sequences is a translation unit; keys never are prose.
//!
//! A hand-written line scanner that keeps exact byte offsets: plain,
//! single- and double-quoted scalars (also spread over lines), block scalars
//! (`|`, `>`, `|-`, `>+`, `|2`), anchors, tags, comments and documents.
//! Aliases (`*name`) are references, not text: they are skipped, never
//! expanded. Flow collections (`[a, b]`, `{a: b}`) are skipped.

#![allow(clippy::single_range_in_vec_init)] // a value of one piece

use std::collections::HashMap;
use std::ops::Range;

use super::Segment;
use super::l10n::{Escape, Unit, UnitKind, push_value};

struct Line {
    start: usize,
    /// End of the line's content (before `\r\n` or `\n`).
    end: usize,
}

fn lines(text: &str, body: usize) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = body;
    for line in text[body..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        out.push(Line {
            start: pos,
            end: pos + content.len(),
        });
        pos += line.len();
    }
    out
}

fn indent_of(text: &str, line: &Line) -> usize {
    text[line.start..line.end].len() - text[line.start..line.end].trim_start_matches(' ').len()
}

fn is_blank_or_comment(text: &str, line: &Line) -> bool {
    let t = text[line.start..line.end].trim();
    t.is_empty() || t.starts_with('#')
}

struct Entry {
    indent: usize,
    key: String,
    item: bool,
}

/// The units and prose segments of a YAML file.
pub(super) fn parse(text: &str, body: usize) -> (Vec<Segment>, Vec<Unit>) {
    let lines = lines(text, body);
    let mut p = Parser {
        text,
        segments: Vec::new(),
        units: Vec::new(),
        stack: Vec::new(),
        counters: HashMap::new(),
    };
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let content = &text[line.start..line.end];
        if content.starts_with("---") || content.starts_with("...") || content.starts_with('%') {
            p.stack.clear();
            p.counters.clear();
            i += 1;
            continue;
        }
        if is_blank_or_comment(text, line) {
            i += 1;
            continue;
        }
        let indent = indent_of(text, line);
        i = p.node(&lines, i, line.start + indent, indent);
    }
    (p.segments, p.units)
}

struct Parser<'a> {
    text: &'a str,
    segments: Vec<Segment>,
    units: Vec<Unit>,
    stack: Vec<Entry>,
    counters: HashMap<String, usize>,
}

impl Parser<'_> {
    fn path(&self) -> String {
        let mut out = String::new();
        for e in &self.stack {
            if !(e.item || out.is_empty()) {
                out.push('.');
            }
            out.push_str(&e.key);
        }
        out
    }

    /// Parses the node starting at byte `at` (column `col`) of line `i`;
    /// returns the index of the next line to read.
    fn node(&mut self, lines: &[Line], i: usize, at: usize, col: usize) -> usize {
        let text = self.text;
        let line = &lines[i];
        let rest = &text[at..line.end];
        if rest == "-" || rest.starts_with("- ") {
            // A sequence item.
            while self
                .stack
                .last()
                .is_some_and(|e| e.indent > col || (e.indent == col && e.item))
            {
                self.stack.pop();
            }
            let parent = self.path();
            let n = self.counters.entry(parent).or_insert(0);
            let key = format!("[{n}]");
            *n += 1;
            self.stack.push(Entry {
                indent: col,
                key,
                item: true,
            });
            let after = &rest[1..];
            let skip = after.len() - after.trim_start_matches(' ').len();
            let next = at + 1 + skip;
            if next >= line.end || text[next..line.end].starts_with('#') {
                return i + 1;
            }
            return self.node(lines, i, next, col + 1 + skip);
        }
        while self.stack.last().is_some_and(|e| e.indent >= col) {
            self.stack.pop();
        }
        match key_at(text, at, line.end) {
            Some((key, key_range, value_at)) => {
                let mut path = self.path();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key);
                self.value(lines, i, value_at, col, path, key_range, Some(key))
            }
            None => {
                // A scalar on its own (a sequence item's value).
                let path = self.path();
                self.value(lines, i, at, col, path, at..at, None)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn value(
        &mut self,
        lines: &[Line],
        i: usize,
        mut at: usize,
        col: usize,
        path: String,
        key_range: Range<usize>,
        key: Option<String>,
    ) -> usize {
        let text = self.text;
        let end = lines[i].end;
        // Anchors and tags before the value.
        loop {
            let rest = &text[at..end];
            if rest.starts_with('&') || rest.starts_with('!') {
                let len = rest.find(' ').unwrap_or(rest.len());
                at += len;
                at += text[at..end].len() - text[at..end].trim_start().len();
            } else {
                break;
            }
        }
        let rest = &text[at..end];
        if rest.is_empty() || rest.starts_with('#') {
            if let Some(key) = key {
                self.stack.push(Entry {
                    indent: col,
                    key,
                    item: false,
                });
            }
            return i + 1;
        }
        let first = rest.as_bytes()[0];
        match first {
            b'*' | b'[' | b'{' => i + 1,
            b'|' | b'>' => self.block_scalar(lines, i, col, path, key_range),
            b'"' | b'\'' => {
                let (close, escape) = if first == b'"' {
                    (closing_double(text, at + 1), Escape::Backslash)
                } else {
                    (closing_single(text, at + 1), Escape::DoubledQuote)
                };
                let Some(close) = close else {
                    return lines.len();
                };
                let pieces = quoted_pieces(text, at + 1, close);
                self.push(path, key_range, pieces, escape);
                let mut j = i;
                while j < lines.len() && lines[j].end < close {
                    j += 1;
                }
                j + 1
            }
            _ => {
                let value_end = at + plain_len(rest);
                let mut pieces = vec![at..value_end];
                let mut j = i + 1;
                // Continuation lines of a multi-line plain scalar.
                while j < lines.len()
                    && !is_blank_or_comment(text, &lines[j])
                    && indent_of(text, &lines[j]) > col
                {
                    let s = lines[j].start + indent_of(text, &lines[j]);
                    pieces.push(s..s + plain_len(&text[s..lines[j].end]));
                    j += 1;
                }
                if !(pieces.len() == 1 && is_not_text(&text[at..value_end])) {
                    self.push(path, key_range, pieces, Escape::None);
                }
                j
            }
        }
    }

    fn block_scalar(
        &mut self,
        lines: &[Line],
        i: usize,
        col: usize,
        path: String,
        key_range: Range<usize>,
    ) -> usize {
        let text = self.text;
        let mut j = i + 1;
        let mut content_indent = None;
        let mut pieces = Vec::new();
        while j < lines.len() {
            let line = &lines[j];
            let content = &text[line.start..line.end];
            if content.trim().is_empty() {
                j += 1;
                continue;
            }
            let indent = indent_of(text, line);
            let ci = *content_indent.get_or_insert(indent);
            if indent < ci || indent <= col {
                break;
            }
            let s = line.start + ci;
            // Trailing blanks of a block scalar line are content.
            pieces.push(s..line.end.max(s));
            j += 1;
        }
        // Blank lines after the block belong to whatever follows.
        while j > i + 1 && text[lines[j - 1].start..lines[j - 1].end].trim().is_empty() {
            j -= 1;
        }
        if content_indent.is_some_and(|ci| ci <= col) || pieces.is_empty() {
            let at = lines[i].end;
            self.push(path, key_range, vec![at..at], Escape::None);
            return j;
        }
        self.push(path, key_range, pieces, Escape::None);
        j
    }

    fn push(
        &mut self,
        key: String,
        key_range: Range<usize>,
        pieces: Vec<Range<usize>>,
        escape: Escape,
    ) {
        let block = self.units.len() as u32;
        for p in &pieces {
            push_value(self.text, p.clone(), escape, block, &mut self.segments);
        }
        let key_range = if key_range.is_empty() {
            let s = pieces.first().map_or(0, |p| p.start);
            s..s
        } else {
            key_range
        };
        self.units.push(Unit {
            kind: UnitKind::Value,
            key,
            key_range,
            pieces,
            joiner: "\n",
            fuzzy: false,
            source: None,
        });
    }
}

/// A mapping key at `at`: its text, its range and where its value starts.
fn key_at(text: &str, at: usize, end: usize) -> Option<(String, Range<usize>, usize)> {
    let rest = &text[at..end];
    let first = *rest.as_bytes().first()?;
    let (key, key_range, after) = if first == b'"' || first == b'\'' {
        let close = if first == b'"' {
            closing_double(text, at + 1)?
        } else {
            closing_single(text, at + 1)?
        };
        if close >= end {
            return None;
        }
        (text[at + 1..close].to_string(), at + 1..close, close + 1)
    } else {
        if matches!(
            first,
            b'[' | b'{' | b'#' | b'|' | b'>' | b'*' | b'&' | b'!' | b'%' | b'@'
        ) {
            return None;
        }
        let colon = find_key_colon(rest)?;
        let key = rest[..colon].trim_end();
        (key.to_string(), at..at + key.len(), at + colon)
    };
    let after_text = &text[after..end];
    let trimmed = after_text.trim_start_matches(' ');
    let colon_at = after + (after_text.len() - trimmed.len());
    if !trimmed.starts_with(':') {
        return None;
    }
    let v = &text[colon_at + 1..end];
    if !(v.is_empty() || v.starts_with(' ') || v.starts_with('\t')) {
        return None;
    }
    let value_at = colon_at + 1 + (v.len() - v.trim_start().len());
    Some((key, key_range, value_at))
}

/// The position of the `:` that ends a plain key: followed by a blank or the
/// end of the line, before any comment.
fn find_key_colon(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && i > 0 && bytes[i - 1] == b' ' {
            return None;
        }
        if b == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ' || bytes[i + 1] == b'\t') {
            return Some(i);
        }
    }
    None
}

fn closing_double(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

fn closing_single(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            if bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The lines of a quoted scalar from `start` to `close`, each without its
/// indentation and trailing blanks.
fn quoted_pieces(text: &str, start: usize, close: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = start;
    for (n, line) in text[start..close].split('\n').enumerate() {
        let lead = if n == 0 {
            0
        } else {
            line.len() - line.trim_start().len()
        };
        let is_last = pos + line.len() >= close;
        let body = if is_last { line } else { line.trim_end() };
        let s = pos + lead.min(body.len());
        if !(n > 0 && body.trim().is_empty() && !is_last) {
            out.push(s..pos + body.len().max(lead.min(body.len())));
        }
        pos += line.len() + 1;
    }
    out
}

/// The length of a plain scalar: up to a ` #` comment, trailing blanks cut.
fn plain_len(rest: &str) -> usize {
    let end = rest
        .find(" #")
        .or_else(|| rest.find("\t#"))
        .unwrap_or(rest.len());
    rest[..end].trim_end().len()
}

/// Booleans, nulls and numbers are not text.
fn is_not_text(value: &str) -> bool {
    matches!(
        value.to_ascii_lowercase().as_str(),
        "true" | "false" | "null" | "~" | ""
    ) || value.parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<(String, String)> {
        parse(text, 0)
            .1
            .into_iter()
            .map(|u| (u.key.clone(), u.text(text)))
            .collect()
    }

    fn prose(text: &str) -> Vec<&str> {
        parse(text, 0)
            .0
            .into_iter()
            .map(|s| &text[s.range])
            .collect()
    }

    #[test]
    fn nested_maps_and_scalars() {
        let text = "tl:\n  home:\n    title: Maligayang pagdating # komento\n    'quoted key': 'Si Juan''s'\n    dq: \"Una\\nIkalawa\"\n  count: 3\n  flag: true\n  empty: \"\"\n";
        assert_eq!(
            units(text),
            [
                ("tl.home.title".into(), "Maligayang pagdating".into()),
                ("tl.home.quoted key".into(), "Si Juan''s".into()),
                ("tl.home.dq".into(), "Una\\nIkalawa".into()),
                ("tl.empty".into(), String::new()),
            ]
        );
        assert_eq!(
            prose(text),
            ["Maligayang pagdating", "Si Juan", "s", "Una", "Ikalawa"]
        );
    }

    #[test]
    fn block_scalars() {
        let text = "a:\n  b: >-\n    Ang una\n    linya.\n\n    Talata.\n  c: |\n    isa\n  d: x\n";
        assert_eq!(
            units(text),
            [
                ("a.b".into(), "Ang una\nlinya.\nTalata.".into()),
                ("a.c".into(), "isa".into()),
                ("a.d".into(), "x".into()),
            ]
        );
    }

    #[test]
    fn sequences_anchors_and_aliases() {
        let text = "days:\n- Lunes\n- Martes\nbase: &b Isang anchor\ncopy: *b\nlist:\n  - name: Una\n    note: Ikalawa\n  - Ikatlo\nflow: [a, b]\n";
        assert_eq!(
            units(text),
            [
                ("days[0]".into(), "Lunes".into()),
                ("days[1]".into(), "Martes".into()),
                ("base".into(), "Isang anchor".into()),
                ("list[0].name".into(), "Una".into()),
                ("list[0].note".into(), "Ikalawa".into()),
                ("list[1]".into(), "Ikatlo".into()),
            ]
        );
    }

    #[test]
    fn multi_line_plain_and_quoted() {
        let text = "a: Ang isang\n  mahabang linya\nb: \"Una\n  ikalawa\"\nc: ok\n";
        assert_eq!(
            units(text),
            [
                ("a".into(), "Ang isang\nmahabang linya".into()),
                ("b".into(), "Una\nikalawa".into()),
                ("c".into(), "ok".into()),
            ]
        );
    }

    #[test]
    fn unterminated_quote_does_not_panic() {
        let _ = parse("a: \"hindi tapos\nb: x\n", 0);
        let _ = parse("- - - x\n-\n  -\n: x\n\"\n'", 0);
    }
}
