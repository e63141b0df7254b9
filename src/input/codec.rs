//! How a value is written in its file, and back.
//!
//! A localisation value is text written in some syntax: a JSON string with
//! backslash escapes, a YAML scalar in one of five styles, a PO string. Its
//! *decoded* text is what the application shows; its *raw* bytes are what
//! the file holds. [`Decoded`] is the decoded text with, for every part of
//! it, the raw bytes it comes from ([`Run`]s), so that a position in the
//! value maps to a position in the file; [`encode`] writes decoded text for
//! a place ([`Quoting`]) in the file.
//!
//! Each decoder follows its format's specification exactly (YAML 1.2 line
//! folding, chomping and escapes; JSON's escapes; PO's C escapes), so that
//! the source-aware rules compare what users see, and the fix encoder can
//! check that a fix changes a value exactly as intended by decoding the
//! fixed bytes again.

use std::ops::Range;

/// Where a piece of translatable text is written, and so how text must be
/// written there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quoting {
    /// Plain text: no syntax, text is written as it is.
    Raw,
    /// A top-level Markdown block: fixes must keep its structure.
    Markdown,
    /// The characters between the quotes of a JSON string.
    Json,
    /// The characters between the quotes of a PO string.
    Po,
    /// A YAML plain (unquoted) scalar; `flow` inside `[...]` or `{...}`.
    YamlPlain { flow: bool },
    /// The characters between the quotes of a single-quoted YAML scalar.
    YamlSingle,
    /// The characters between the quotes of a double-quoted YAML scalar.
    YamlDouble,
    /// The lines of a YAML block scalar (`|` literal or `>` folded),
    /// indented by `indent` columns.
    YamlBlock {
        literal: bool,
        indent: usize,
        chomp: Chomp,
    },
    /// The content of an XML element (an XLIFF `<target>`): text, inline
    /// tags, entities, comments and CDATA sections.
    XmlContent,
    /// Checked, never edited (a Markdown reference-link label, a value salin
    /// cannot write back exactly, a file in a format salin does not parse).
    Frozen,
}

/// How a YAML block scalar treats its final line breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chomp {
    /// `-`: none.
    Strip,
    /// (default): one.
    Clip,
    /// `+`: all.
    Keep,
}

/// A stretch of the file holding translatable text, and how it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub range: Range<usize>,
    pub quoting: Quoting,
}

/// A part of a decoded value and the raw bytes of the file it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub decoded: Range<usize>,
    pub raw: Range<usize>,
    /// The decoded text is the raw bytes themselves (no escape, no fold).
    pub verbatim: bool,
}

/// A decoded value: its text and where each part of it is written. The runs
/// are in order and cover the raw bytes without gaps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub runs: Vec<Run>,
}

impl Decoded {
    fn start_at(raw: usize) -> Self {
        Decoded {
            text: String::new(),
            runs: vec![Run {
                decoded: 0..0,
                raw: raw..raw,
                verbatim: true,
            }],
        }
    }

    /// A value that maps to its raw bytes only as a whole.
    pub(crate) fn opaque(text: String, raw: Range<usize>) -> Self {
        Decoded {
            runs: vec![Run {
                decoded: 0..text.len(),
                raw,
                verbatim: false,
            }],
            text,
        }
    }

    /// Puts `n` line breaks before the text, written nowhere (the empty
    /// lines before a block scalar's first line, outside its span).
    pub(crate) fn prepend_breaks(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        let at = self.raw().start;
        self.text.insert_str(0, &"\n".repeat(n));
        for r in &mut self.runs {
            r.decoded = r.decoded.start + n..r.decoded.end + n;
        }
        self.runs.insert(
            0,
            Run {
                decoded: 0..n,
                raw: at..at,
                verbatim: false,
            },
        );
    }

    /// Appends the raw bytes `raw` of `doc`, which decode to themselves.
    fn verbatim(&mut self, doc: &str, raw: Range<usize>) {
        if raw.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(&doc[raw.clone()]);
        if let Some(last) = self.runs.last_mut()
            && last.verbatim
            && last.raw.end == raw.start
        {
            last.raw.end = raw.end;
            last.decoded.end = self.text.len();
            return;
        }
        self.runs.push(Run {
            decoded: start..self.text.len(),
            raw,
            verbatim: true,
        });
    }

    /// Appends the raw bytes `raw`, which decode to `text` (an escape, a
    /// folded line break, the gap between two PO strings).
    fn escaped(&mut self, text: &str, raw: Range<usize>) {
        let start = self.text.len();
        self.text.push_str(text);
        self.runs.push(Run {
            decoded: start..self.text.len(),
            raw,
            verbatim: false,
        });
    }

    /// Appends another decoded value (the next string of a PO message).
    pub(crate) fn extend(&mut self, other: Decoded) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        for r in other.runs {
            if r.raw.is_empty() && r.decoded.is_empty() {
                continue;
            }
            self.runs.push(Run {
                decoded: r.decoded.start + base..r.decoded.end + base,
                ..r
            });
        }
    }

    /// Appends a run for the raw bytes `raw` that decode to nothing (the
    /// quotes and line break between two PO strings).
    pub(crate) fn gap(&mut self, raw: Range<usize>) {
        self.escaped("", raw);
    }

    /// The raw bytes the whole value spans.
    pub fn raw(&self) -> Range<usize> {
        let start = self.runs.first().map_or(0, |r| r.raw.start);
        let end = self.runs.last().map_or(start, |r| r.raw.end);
        start..end
    }

    /// The file byte where decoded text starting at `at` starts.
    fn start_of(&self, at: usize) -> usize {
        let first = self.runs.partition_point(|r| r.decoded.end <= at);
        for r in &self.runs[first..] {
            if r.decoded.start <= at && at < r.decoded.end {
                return if r.verbatim {
                    r.raw.start + (at - r.decoded.start)
                } else {
                    r.raw.start
                };
            }
        }
        self.end_of(at)
    }

    /// The file byte where decoded text ending at `at` ends.
    fn end_of(&self, at: usize) -> usize {
        let last = self.runs.partition_point(|r| r.decoded.start < at);
        for r in self.runs[..last].iter().rev() {
            if r.decoded.start < at && at <= r.decoded.end {
                return if r.verbatim {
                    r.raw.start + (at - r.decoded.start)
                } else {
                    r.raw.end
                };
            }
        }
        self.raw().start
    }

    /// The bytes of the file that decoded `range` comes from; escapes and
    /// folded line breaks are taken whole.
    pub fn file_range(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            // At the start, before the first text (a PO message's `msgstr
            // ""` line holds none); elsewhere, after the text before.
            let at = if range.start == 0 {
                self.start_of(0)
            } else {
                self.end_of(range.start)
            };
            return at..at;
        }
        self.start_of(range.start)..self.end_of(range.end)
    }

    /// The decoded offset of file byte `at`, when it is not inside an escape
    /// or folded line break.
    pub fn decoded_at(&self, at: usize) -> Option<usize> {
        // Runs are sorted by raw position: start from the first that may
        // hold `at`.
        let first = self.runs.partition_point(|r| r.raw.end < at);
        for r in &self.runs[first..] {
            if r.raw.start <= at && at <= r.raw.end {
                if r.verbatim {
                    return Some(r.decoded.start + (at - r.raw.start));
                }
                if at == r.raw.start {
                    return Some(r.decoded.start);
                }
                if at == r.raw.end {
                    return Some(r.decoded.end);
                }
                return None;
            }
        }
        None
    }
}

/// Decodes the raw bytes `range` of `doc` written with `quoting`; `None`
/// for invalid escapes and for quotings that have no decoder.
pub fn decode(doc: &str, range: Range<usize>, quoting: Quoting) -> Option<Decoded> {
    match quoting {
        Quoting::Json => backslash(doc, range, Escapes::Json),
        Quoting::Po => backslash(doc, range, Escapes::Po),
        Quoting::YamlDouble => folded(doc, range, Escapes::YamlDouble),
        Quoting::YamlSingle => folded(doc, range, Escapes::YamlSingle),
        Quoting::YamlPlain { .. } => folded(doc, range, Escapes::None),
        Quoting::YamlBlock {
            literal,
            indent,
            chomp,
        } => block(doc, range, literal, indent, chomp),
        Quoting::Raw | Quoting::Markdown | Quoting::XmlContent | Quoting::Frozen => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Escapes {
    Json,
    Po,
    YamlDouble,
    YamlSingle,
    None,
}

/// One escape at the start of `s` (which starts with its introducer): its
/// raw length and decoded text, or `None` if invalid.
fn escape_at(s: &str, escapes: Escapes) -> Option<(usize, String)> {
    let b = s.as_bytes();
    if escapes == Escapes::YamlSingle {
        return (b.len() >= 2 && b[1] == b'\'').then(|| (2, "'".to_string()));
    }
    let c = *b.get(1)?;
    let simple = |out: char| Some((2, out.to_string()));
    let hex = |len: usize| -> Option<(usize, String)> {
        let digits = s.get(2..2 + len)?;
        if !digits.bytes().all(|d| d.is_ascii_hexdigit()) {
            return None;
        }
        let n = u32::from_str_radix(digits, 16).ok()?;
        Some((2 + len, char::from_u32(n)?.to_string()))
    };
    match escapes {
        Escapes::Json => match c {
            b'"' => simple('"'),
            b'\\' => simple('\\'),
            b'/' => simple('/'),
            b'b' => simple('\u{8}'),
            b'f' => simple('\u{c}'),
            b'n' => simple('\n'),
            b'r' => simple('\r'),
            b't' => simple('\t'),
            b'u' => {
                let digits = s.get(2..6)?;
                if !digits.bytes().all(|d| d.is_ascii_hexdigit()) {
                    return None;
                }
                let hi = u32::from_str_radix(digits, 16).ok()?;
                if (0xD800..0xDC00).contains(&hi) {
                    // A surrogate pair: `\uD83D\uDE00`.
                    let lo = s.get(6..12)?.strip_prefix("\\u")?;
                    if !lo.bytes().all(|d| d.is_ascii_hexdigit()) {
                        return None;
                    }
                    let lo = u32::from_str_radix(lo, 16).ok()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return None;
                    }
                    let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?;
                    return Some((12, c.to_string()));
                }
                Some((6, char::from_u32(hi)?.to_string()))
            }
            _ => None,
        },
        Escapes::Po => match c {
            b'"' => simple('"'),
            b'\\' => simple('\\'),
            b'\'' => simple('\''),
            b'?' => simple('?'),
            b'a' => simple('\u{7}'),
            b'b' => simple('\u{8}'),
            b'f' => simple('\u{c}'),
            b'n' => simple('\n'),
            b'r' => simple('\r'),
            b't' => simple('\t'),
            b'v' => simple('\u{b}'),
            b'0'..=b'7' => {
                let len = b[1..]
                    .iter()
                    .take(3)
                    .take_while(|d| (b'0'..=b'7').contains(d))
                    .count();
                let n = u32::from_str_radix(&s[1..1 + len], 8).ok()?;
                Some((1 + len, char::from_u32(n)?.to_string()))
            }
            b'x' => {
                let len = b[2..].iter().take_while(|d| d.is_ascii_hexdigit()).count();
                if len == 0 || len > 2 {
                    return None;
                }
                hex(len)
            }
            _ => None,
        },
        Escapes::YamlDouble => match c {
            b'0' => simple('\0'),
            b'a' => simple('\u{7}'),
            b'b' => simple('\u{8}'),
            b't' | b'\t' => simple('\t'),
            b'n' => simple('\n'),
            b'v' => simple('\u{b}'),
            b'f' => simple('\u{c}'),
            b'r' => simple('\r'),
            b'e' => simple('\u{1b}'),
            b' ' => simple(' '),
            b'"' => simple('"'),
            b'/' => simple('/'),
            b'\\' => simple('\\'),
            b'N' => simple('\u{85}'),
            b'_' => simple('\u{a0}'),
            b'L' => simple('\u{2028}'),
            b'P' => simple('\u{2029}'),
            b'x' => hex(2),
            b'u' => hex(4),
            b'U' => hex(8),
            _ => None,
        },
        Escapes::YamlSingle | Escapes::None => None,
    }
}

fn introducer(escapes: Escapes) -> Option<u8> {
    match escapes {
        Escapes::Json | Escapes::Po | Escapes::YamlDouble => Some(b'\\'),
        Escapes::YamlSingle => Some(b'\''),
        Escapes::None => None,
    }
}

/// Decodes one line of escaped text (no raw line break inside).
fn line(doc: &str, range: Range<usize>, escapes: Escapes, out: &mut Decoded) -> Option<()> {
    let bytes = doc.as_bytes();
    let intro = introducer(escapes);
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        if Some(bytes[i]) == intro {
            out.verbatim(doc, start..i);
            let (len, text) = escape_at(&doc[i..range.end], escapes)?;
            out.escaped(&text, i..i + len);
            i += len;
            start = i;
        } else {
            i += 1;
        }
    }
    out.verbatim(doc, start..range.end);
    Some(())
}

/// JSON and PO strings: escapes, no raw line breaks.
fn backslash(doc: &str, range: Range<usize>, escapes: Escapes) -> Option<Decoded> {
    if doc[range.clone()].contains(['\n', '\r']) {
        return None;
    }
    let mut out = Decoded::start_at(range.start);
    line(doc, range, escapes, &mut out)?;
    Some(out)
}

/// Where the content of a line of a flow scalar ends: before its trailing
/// blanks, which are not content when a line break follows. An escaped blank
/// (`\ `, `\t`) is content.
fn content_end(doc: &str, range: Range<usize>, escapes: Escapes) -> usize {
    let bytes = doc.as_bytes();
    let mut end = range.start;
    let mut i = range.start;
    while i < range.end {
        if escapes == Escapes::YamlDouble && bytes[i] == b'\\' {
            i = (i + 2).min(range.end);
            end = i;
        } else {
            if !matches!(bytes[i], b' ' | b'\t') {
                end = i + 1;
            }
            i += 1;
        }
    }
    // Keep `end` on a character boundary (it follows an ASCII byte or a
    // whole escape, but an escape may end inside a multi-byte character).
    while !doc.is_char_boundary(end) {
        end += 1;
    }
    end
}

/// YAML flow scalars (plain, single- and double-quoted): escapes and line
/// folding. A line break between two lines of text becomes a space, `n`
/// empty lines between them become `n` line breaks; blanks around line
/// breaks are not content; in double quotes a `\` before the line break
/// joins the lines without a space.
fn folded(doc: &str, range: Range<usize>, escapes: Escapes) -> Option<Decoded> {
    let text = &doc[range.clone()];
    let mut out = Decoded::start_at(range.start);
    if !text.contains('\n') {
        line(doc, range, escapes, &mut out)?;
        return Some(out);
    }
    // Lines: (start, end) without the line break.
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut at = range.start;
    for l in text.split('\n') {
        let end = at + l.len();
        let content_end = if l.ends_with('\r') { end - 1 } else { end };
        lines.push(at..content_end);
        at = end + 1;
    }
    let last = lines.len() - 1;
    let mut i = 0;
    // The content of line 0 starts where the scalar starts.
    let mut content_start = lines[0].start;
    while i <= last {
        let l = &lines[i];
        let end = if i == last {
            l.end
        } else {
            content_end(doc, content_start..l.end, escapes)
        };
        // An escaped line break: the line ends with an odd `\`.
        let escaped_break = i < last
            && escapes == Escapes::YamlDouble
            && doc[content_start..end].ends_with('\\')
            && doc[content_start..end]
                .bytes()
                .rev()
                .take_while(|&b| b == b'\\')
                .count()
                % 2
                == 1;
        let text_end = if escaped_break { end - 1 } else { end };
        line(doc, content_start..text_end, escapes, &mut out)?;
        if i == last {
            break;
        }
        // Skip empty lines to the next line with content.
        let mut j = i + 1;
        let mut empty = 0;
        let next_start = loop {
            let nl = &lines[j];
            let lead =
                doc[nl.clone()].len() - doc[nl.clone()].trim_start_matches([' ', '\t']).len();
            let s = nl.start + lead;
            if j == last || s < nl.end {
                break s;
            }
            empty += 1;
            j += 1;
        };
        let joined = if escaped_break {
            "\n".repeat(empty)
        } else if empty == 0 {
            " ".to_string()
        } else {
            "\n".repeat(empty)
        };
        out.escaped(&joined, text_end..next_start);
        content_start = next_start;
        i = j;
    }
    Some(out)
}

/// YAML block scalars: the lines from `range.start` (the content of the
/// first line with text, after the indentation) to `range.end` (after the
/// last line break), `indent` columns of indentation removed from each;
/// folded (`>`) lines joined by spaces where neither is more indented.
/// Empty lines before the first line of text are not in `range` (the
/// parser's span starts at the text) and are not represented.
fn block(
    doc: &str,
    range: Range<usize>,
    literal: bool,
    indent: usize,
    chomp: Chomp,
) -> Option<Decoded> {
    let text = &doc[range.clone()];
    let mut out = Decoded::start_at(range.start);
    // (content start, content end) of each line; the first line's content
    // starts at `range.start`.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut at = range.start;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        let body = l.trim_end_matches('\n').trim_end_matches('\r');
        let end = at + body.len();
        let start = if n == 0 {
            at
        } else {
            let spaces = body.len() - body.trim_start_matches(' ').len();
            at + spaces.min(indent)
        };
        lines.push((start, end));
        at += l.len();
    }
    if !text.ends_with('\n') {
        // The last line has no break (end of file): it is a line anyway.
    }
    // Lines with text; the rest are empty lines (breaks only).
    let has_text = |&(s, e): &(usize, usize)| s < e;
    let last_text = lines.iter().rposition(has_text)?;
    let more = |&(s, _): &(usize, usize)| matches!(doc.as_bytes()[s], b' ' | b'\t');
    let mut i = 0;
    loop {
        let (s, e) = lines[i];
        out.verbatim(doc, s..e);
        if i == last_text {
            break;
        }
        let mut j = i + 1;
        while !has_text(&lines[j]) {
            j += 1;
        }
        let empty = j - i - 1;
        let joined = if !literal && !more(&lines[i]) && !more(&lines[j]) && empty == 0 {
            " ".to_string()
        } else if !literal && !more(&lines[i]) && !more(&lines[j]) {
            "\n".repeat(empty)
        } else {
            "\n".repeat(empty + 1)
        };
        out.escaped(&joined, e..lines[j].0);
        i = j;
    }
    let end = lines[last_text].1;
    let breaks = text.matches('\n').count() - doc[range.start..end].matches('\n').count();
    let tail = match chomp {
        Chomp::Strip => String::new(),
        Chomp::Clip => "\n".repeat(breaks.min(1)),
        Chomp::Keep => "\n".repeat(breaks),
    };
    out.escaped(&tail, end..range.end);
    Some(out)
}

/// `text` written for `quoting`, or `None` when it cannot be written there.
/// (Plain YAML scalars and XML content have their own checks in the fix
/// encoder; here they take the text as it is.)
pub fn encode(text: &str, quoting: Quoting) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    match quoting {
        Quoting::Raw | Quoting::YamlPlain { .. } => out.push_str(text),
        Quoting::Json | Quoting::Po | Quoting::YamlDouble => {
            for c in text.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    // A tab may stand in a YAML string; JSON and PO escape it.
                    '\t' if quoting == Quoting::YamlDouble => out.push('\t'),
                    '\t' => out.push_str("\\t"),
                    c if quoting == Quoting::Json && (c as u32) < 0x20 => {
                        out.push_str(&format!("\\u{:04x}", c as u32))
                    }
                    c if quoting == Quoting::YamlDouble && needs_yaml_escape(c) => {
                        out.push_str(&format!("\\u{:04x}", c as u32))
                    }
                    // PO has no escape every reader knows for the others.
                    c if quoting == Quoting::Po && c.is_control() => return None,
                    c => out.push(c),
                }
            }
        }
        Quoting::YamlSingle => {
            for c in text.chars() {
                match c {
                    '\'' => out.push_str("''"),
                    '\t' => out.push('\t'),
                    c if c == '\n' || c == '\r' || needs_yaml_escape(c) => return None,
                    c => out.push(c),
                }
            }
        }
        Quoting::YamlBlock { .. } => {
            if text
                .chars()
                .any(|c| c != '\t' && (c.is_control() || needs_yaml_escape(c)))
            {
                return None;
            }
            out.push_str(text);
        }
        Quoting::XmlContent => {
            for c in text.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => return None,
                    c => out.push(c),
                }
            }
        }
        Quoting::Markdown => {
            for c in text.chars() {
                if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|') {
                    out.push('\\');
                }
                out.push(c);
            }
        }
        Quoting::Frozen => return None,
    }
    Some(out)
}

/// Characters YAML does not allow unescaped (non-printable ones, and line
/// separators that some readers take for line breaks).
fn needs_yaml_escape(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(raw: &str, quoting: Quoting) -> Option<String> {
        decode(raw, 0..raw.len(), quoting).map(|d| d.text)
    }

    #[test]
    fn json_and_po_escapes() {
        assert_eq!(
            dec(r#"a\"b\\c\n\u00e9\ud83d\ude00"#, Quoting::Json).unwrap(),
            "a\"b\\c\né😀"
        );
        assert_eq!(dec(r"a\x", Quoting::Json), None);
        assert_eq!(dec(r"a\101\x42\t", Quoting::Po).unwrap(), "aAB\t");
    }

    #[test]
    fn yaml_folding_and_escapes() {
        assert_eq!(dec("Si Juan''s", Quoting::YamlSingle).unwrap(), "Si Juan's");
        assert_eq!(
            dec(
                "isa  \n   dalawa\n\n  tatlo",
                Quoting::YamlPlain { flow: false }
            )
            .unwrap(),
            "isa dalawa\ntatlo"
        );
        assert_eq!(
            dec("x\\\n   y \\t\n\n  z", Quoting::YamlDouble).unwrap(),
            "xy \t\nz"
        );
    }

    #[test]
    fn block_scalars_fold_and_chomp() {
        let doc = " more\n  normal\n  fold\n\n  para\n";
        let folded = |chomp| {
            decode(
                doc,
                0..doc.len(),
                Quoting::YamlBlock {
                    literal: false,
                    indent: 2,
                    chomp,
                },
            )
            .unwrap()
            .text
        };
        assert_eq!(folded(Chomp::Clip), " more\nnormal fold\npara\n");
        assert_eq!(folded(Chomp::Strip), " more\nnormal fold\npara");
        let lit = "x\n   y\n\n  z\n\n\n";
        let d = decode(
            lit,
            0..lit.len(),
            Quoting::YamlBlock {
                literal: true,
                indent: 2,
                chomp: Chomp::Keep,
            },
        )
        .unwrap();
        assert_eq!(d.text, "x\n y\n\nz\n\n\n");
    }

    #[test]
    fn positions_map_both_ways() {
        let raw = r#"Kain\"tayo\n na"#;
        let d = decode(raw, 0..raw.len(), Quoting::Json).unwrap();
        assert_eq!(d.text, "Kain\"tayo\n na");
        // "tayo" is decoded 5..9, raw 6..10.
        assert_eq!(d.file_range(5..9), 6..10);
        // The quote (decoded 4..5) is the whole escape.
        assert_eq!(d.file_range(4..5), 4..6);
        assert_eq!(d.decoded_at(6), Some(5));
        assert_eq!(d.decoded_at(5), None);
    }

    #[test]
    fn encoding_round_trips() {
        for (text, quoting) in [
            ("Toys\"R\"Us \\ AT&T\n", Quoting::Json),
            ("Toys\"R\"Us \\\n\t", Quoting::Po),
            ("McDonald's", Quoting::YamlSingle),
            ("Toys\"R\"Us\n\u{1}", Quoting::YamlDouble),
        ] {
            let raw = encode(text, quoting).unwrap();
            assert_eq!(dec(&raw, quoting).as_deref(), Some(text), "{raw}");
        }
        assert_eq!(encode("a\nb", Quoting::YamlSingle), None);
        assert_eq!(
            encode("AT&T <b>", Quoting::XmlContent).unwrap(),
            "AT&amp;T &lt;b&gt;"
        );
    }
}
