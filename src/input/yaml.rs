//! YAML localisation files (i18next, Rails): every string value of the
//! nested maps and sequences is a translation unit; keys never are prose.
//!
//! The structure comes from a YAML 1.2 parser (`saphyr-parser`'s events, an
//! iterative parser: deep nesting is handled or is an error, never a stack
//! overflow), so complex keys (`? ...`), tagged keys (`!!str k: v`), flow
//! collections over several lines and documents are what the YAML
//! specification says they are. Malformed YAML is an error naming the line.
//! Each string value is decoded from its style (plain, single- or
//! double-quoted, literal or folded block) with where each part is written,
//! and the decoding is checked against the parser's value.
//!
//! Values that YAML 1.1 or 1.2 readers take for something other than a
//! string (`No`, `1.5`, `~`, `2024-01-01`) are not text. Aliases (`*name`)
//! are references, not text: they are skipped, never expanded.

use std::ops::Range;
use std::sync::OnceLock;
use std::time::Instant;

use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};

use super::ParseError;
use super::codec::{Chomp, Quoting};
use super::l10n::{Collector, Value};
use super::text_line;

/// Char indices (the parser's positions) to byte offsets, for positions
/// met in roughly increasing order: a cursor that walks the text.
struct Bytes<'a> {
    text: &'a str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl Bytes<'_> {
    fn at(&mut self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.text.len());
        }
        while self.chars < index {
            let Some(c) = self.text[self.bytes..].chars().next() else {
                return self.text.len();
            };
            self.bytes += c.len_utf8();
            self.chars += 1;
        }
        while self.chars > index {
            let c = self.text[..self.bytes].chars().next_back().unwrap_or('\0');
            self.bytes -= c.len_utf8();
            self.chars -= 1;
        }
        self.bytes
    }

    fn span(&mut self, span: &Span) -> Range<usize> {
        let start = self.at(span.start.index());
        start..self.at(span.end.index()).max(start)
    }
}

/// A mapping or sequence being read.
struct Frame {
    map: bool,
    flow: bool,
    /// The node is (inside) a mapping key: nothing in it is a value.
    in_key: bool,
    /// Mapping: the next node is a key. Sequence: unused.
    expect_key: bool,
    /// Mapping: the current key and where it is written. Sequence: the
    /// current item's index.
    key: Option<(String, Range<usize>)>,
    index: usize,
}

/// The units and prose segments of a YAML file, or where it is malformed.
pub(super) fn parse(
    text: &str,
    body: usize,
    deadline: Option<Instant>,
) -> (Collector, Option<ParseError>) {
    let source = &text[body..];
    let mut out = Collector::default();
    let mut bytes = Bytes {
        text: source,
        ascii: source.is_ascii(),
        chars: 0,
        bytes: 0,
    };
    let mut stack: Vec<Frame> = Vec::new();
    // Where the last event ended: a block scalar's indicator comes after it.
    let mut last_end = 0;
    let mut parser = Parser::new_from_str(source);
    let mut events = 0usize;
    loop {
        events += 1;
        if events.is_multiple_of(4096) && deadline.is_some_and(|d| Instant::now() >= d) {
            return (out, Some(ParseError::timed_out()));
        }
        let (event, span) = match parser.next_event() {
            None => break,
            Some(Ok(e)) => e,
            Some(Err(e)) => {
                let at = body + bytes.at(e.marker().index());
                let error = ParseError {
                    line: text_line(text, at),
                    message: format!("not valid YAML: {}", e.info()),
                };
                return (out, Some(error));
            }
        };
        let range = bytes.span(&span);
        let in_key =
            stack.iter().any(|f| f.in_key) || stack.last().is_some_and(|f| f.map && f.expect_key);
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart(_) | Event::DocumentEnd => stack.clear(),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let map = matches!(event, Event::MappingStart(..));
                let flow = source[range.clone()].starts_with(['{', '[']);
                stack.push(Frame {
                    map,
                    flow,
                    in_key,
                    expect_key: true,
                    key: None,
                    index: 0,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                advance(&mut stack, None);
            }
            Event::Alias(_) => advance(&mut stack, Some(("*".to_string(), range.clone()))),
            Event::Scalar(value, style, _, tag) => {
                let raw = without_properties(source, range.clone());
                let key_position = stack.last().is_some_and(|f| f.map && f.expect_key);
                if key_position {
                    let inner = match style {
                        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
                            raw.start + 1..closing_quote(source, raw.clone(), style)
                        }
                        _ => raw.clone(),
                    };
                    let key = (value.to_string(), body + inner.start..body + inner.end);
                    advance(&mut stack, Some(key));
                } else {
                    if !in_key && is_text(&value, style, tag.as_deref()) {
                        let flow = stack.last().is_some_and(|f| f.flow);
                        let found = Found {
                            value: &value,
                            style,
                            raw,
                            flow,
                            last_end,
                        };
                        push(text, body, &stack, found, &mut out);
                    }
                    advance(&mut stack, None);
                }
            }
            _ => {}
        }
        last_end = last_end.max(range.end);
    }
    (out, None)
}

/// After a node of the innermost collection: a mapping key (`Some`) is
/// remembered and its value expected next; after a value the next key is
/// expected; a sequence moves to its next item.
fn advance(stack: &mut [Frame], key: Option<(String, Range<usize>)>) {
    let Some(top) = stack.last_mut() else {
        return;
    };
    if top.map {
        if top.expect_key {
            top.key = Some(key.unwrap_or_else(|| ("?".to_string(), 0..0)));
            top.expect_key = false;
        } else {
            top.expect_key = true;
        }
    } else {
        top.index += 1;
    }
}

/// The key path of the node the innermost collection expects next.
fn path(stack: &[Frame]) -> String {
    let mut out = String::new();
    for f in stack {
        if f.map {
            let key = f.key.as_ref().map_or("?", |k| k.0.as_str());
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(key);
        } else {
            out.push_str(&format!("[{}]", f.index));
        }
    }
    out
}

/// The range without the anchor (`&name`) and tag (`!!str`, `!<...>`)
/// written before the node.
fn without_properties(source: &str, mut range: Range<usize>) -> Range<usize> {
    loop {
        let rest = &source[range.clone()];
        if !(rest.starts_with('&') || rest.starts_with('!')) {
            return range;
        }
        let len = if rest.starts_with("!<") {
            rest.find('>').map_or(rest.len(), |n| n + 1)
        } else {
            rest.find([' ', '\t', '\n', '\r']).unwrap_or(rest.len())
        };
        let after = &rest[len..];
        range.start += len + (after.len() - after.trim_start().len());
    }
}

/// Whether a scalar is text: not tagged as something else, and, when plain,
/// not read as a null, boolean, number, date or merge key by YAML 1.1 (as
/// Ruby's Psych and PyYAML read it) or 1.2.
fn is_text(value: &str, style: ScalarStyle, tag: Option<&Tag>) -> bool {
    match tag {
        Some(t) if t.is_yaml_core_schema() => return t.suffix == "str",
        Some(t) if !(t.handle == "!" && t.suffix.is_empty()) => return false,
        Some(_) => return true,
        None => {}
    }
    style != ScalarStyle::Plain || plain_is_string(value)
}

/// Whether a plain scalar reads as a string in YAML 1.1 and 1.2 alike.
pub(crate) fn plain_is_string(value: &str) -> bool {
    static NOT_STRING: OnceLock<regex::Regex> = OnceLock::new();
    let re = NOT_STRING.get_or_init(|| {
        regex::Regex::new(concat!(
            r"^(?:~|null|Null|NULL",
            r"|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
            r"|[-+]?[0-9][0-9_]*|0o[0-7]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+",
            r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?",
            r"|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?",
            r"|[-+]?[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+",
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
            r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?",
            r"|<<|=)$"
        ))
        .expect("valid pattern")
    });
    !value.is_empty() && !re.is_match(value)
}

/// Where the closing quote of a quoted scalar starting at `raw.start` is.
/// The parser's span of a quoted scalar runs on over blanks and a comment
/// after it (`"a" # note` spans to the line's end), so the quote is found
/// by reading the scalar: `''` is a quote inside single quotes, `\` escapes
/// the next character inside double quotes.
fn closing_quote(source: &str, raw: Range<usize>, style: ScalarStyle) -> usize {
    let bytes = source.as_bytes();
    let (quote, escape) = if style == ScalarStyle::SingleQuoted {
        (b'\'', None)
    } else {
        (b'"', Some(b'\\'))
    };
    let mut i = raw.start + 1;
    while i < raw.end {
        let b = bytes[i];
        // `\x` in double quotes, `''` in single quotes: two bytes of content.
        let pair = Some(b) == escape
            || (b == quote && escape.is_none() && bytes.get(i + 1) == Some(&quote));
        if pair {
            i += 2;
        } else if b == quote {
            return i;
        } else {
            i += 1;
        }
    }
    // Not reached for a scalar the parser read; stay on a character.
    let mut end = raw.end.saturating_sub(1).max(raw.start + 1);
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// A string scalar found by the parser.
struct Found<'a> {
    value: &'a str,
    style: ScalarStyle,
    /// Its bytes in the body, properties removed.
    raw: Range<usize>,
    flow: bool,
    /// Where the event before it ended (its block indicator follows).
    last_end: usize,
}

fn push(text: &str, body: usize, stack: &[Frame], found: Found<'_>, out: &mut Collector) {
    let source = &text[body..];
    let raw = found.raw.clone();
    let (quoting, inner, key_at) = match found.style {
        ScalarStyle::Plain => (
            Quoting::YamlPlain { flow: found.flow },
            raw.clone(),
            raw.start,
        ),
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
            let quoting = if found.style == ScalarStyle::SingleQuoted {
                Quoting::YamlSingle
            } else {
                Quoting::YamlDouble
            };
            let end = closing_quote(source, raw.clone(), found.style);
            (quoting, raw.start + 1..end, raw.start)
        }
        ScalarStyle::Literal | ScalarStyle::Folded => {
            let Some((indicator, chomp)) = block_header(source, found.last_end, raw.start) else {
                return;
            };
            let line_start = source[..raw.start].rfind('\n').map_or(0, |n| n + 1);
            let quoting = Quoting::YamlBlock {
                literal: found.style == ScalarStyle::Literal,
                indent: raw.start - line_start,
                chomp,
            };
            (quoting, raw.clone(), indicator)
        }
    };
    let inner = body + inner.start..body + inner.end;
    let key_at = body + key_at;
    let (key, key_range) = match stack.last() {
        Some(f) if f.map => {
            let range = f.key.as_ref().map_or(key_at..key_at, |k| k.1.clone());
            (
                path(stack),
                if range.is_empty() {
                    key_at..key_at
                } else {
                    range
                },
            )
        }
        _ => (path(stack), key_at..key_at),
    };
    let mut decoded = super::codec::decode(text, inner.clone(), quoting);
    if let (Some(d), Quoting::YamlBlock { .. }) = (&mut decoded, quoting) {
        // Empty lines before the first line of text are outside the span.
        let lead = |s: &str| s.len() - s.trim_start_matches('\n').len();
        if lead(&d.text) == 0 {
            d.prepend_breaks(lead(found.value));
        }
    }
    out.push(
        text,
        Value {
            key,
            key_range,
            raw: inner,
            strings: Vec::new(),
            quoting,
            expected: Some(found.value.to_string()),
            fuzzy: false,
            source: None,
        },
        decoded,
    );
}

/// The position of a block scalar's indicator (`|` or `>`) between `from`
/// and `to`, and its chomping (`-`, `+`). Comments are skipped.
fn block_header(source: &str, from: usize, to: usize) -> Option<(usize, Chomp)> {
    let bytes = source.as_bytes();
    let mut i = from;
    while i < to {
        match bytes[i] {
            b'#' if i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n') => {
                while i < to && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'!' | b'&' => {
                while i < to && !matches!(bytes[i], b' ' | b'\t' | b'\n') {
                    i += 1;
                }
            }
            b'|' | b'>' => {
                let header = &source[i + 1..to];
                let indicators = header
                    .find([' ', '\t', '\n', '\r', '#'])
                    .map_or(header, |n| &header[..n]);
                let chomp = if indicators.contains('-') {
                    Chomp::Strip
                } else if indicators.contains('+') {
                    Chomp::Keep
                } else {
                    Chomp::Clip
                };
                return Some((i, chomp));
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<(String, String)> {
        let (found, error) = parse(text, 0, None);
        assert_eq!(error, None);
        found
            .units
            .into_iter()
            .map(|u| (u.key.clone(), u.text(text)))
            .collect()
    }

    fn prose(text: &str) -> Vec<&str> {
        parse(text, 0, None)
            .0
            .segments
            .into_iter()
            .map(|s| &text[s.range])
            .collect()
    }

    #[test]
    fn nested_maps_and_scalars() {
        let text = "tl:\n  home:\n    title: Maligayang pagdating # komento\n    'quoted key': 'Si Juan''s'\n    dq: \"Una\\nIkalawa\"\n  count: 3\n  flag: true\n  no: No\n  empty: \"\"\n";
        assert_eq!(
            units(text),
            [
                ("tl.home.title".into(), "Maligayang pagdating".into()),
                ("tl.home.quoted key".into(), "Si Juan's".into()),
                ("tl.home.dq".into(), "Una\nIkalawa".into()),
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
                ("a.b".into(), "Ang una linya.\nTalata.".into()),
                ("a.c".into(), "isa\n".into()),
                ("a.d".into(), "x".into()),
            ]
        );
    }

    #[test]
    fn sequences_anchors_and_aliases() {
        let text = "days:\n- Lunes\n- Martes\nbase: &b Isang anchor\ncopy: *b\nlist:\n  - name: Una\n    note: Ikalawa\n  - Ikatlo\nflow: [a b, c d]\n";
        assert_eq!(
            units(text),
            [
                ("days[0]".into(), "Lunes".into()),
                ("days[1]".into(), "Martes".into()),
                ("base".into(), "Isang anchor".into()),
                ("list[0].name".into(), "Una".into()),
                ("list[0].note".into(), "Ikalawa".into()),
                ("list[1]".into(), "Ikatlo".into()),
                ("flow[0]".into(), "a b".into()),
                ("flow[1]".into(), "c d".into()),
            ]
        );
    }

    #[test]
    fn multi_line_plain_and_quoted() {
        let text = "a: Ang isang\n  mahabang linya\nb: \"Una\n  ikalawa\"\nc: ok\n";
        assert_eq!(
            units(text),
            [
                ("a".into(), "Ang isang mahabang linya".into()),
                ("b".into(), "Una ikalawa".into()),
                ("c".into(), "ok".into()),
            ]
        );
    }

    #[test]
    fn keys_are_never_values() {
        // A complex key, a tagged key, keys inside a flow mapping over two
        // lines, and text after its continuation at column 0.
        let text = "? I -update\n: Isang halaga\n!!str I -load: y\ng: { a: b,\n  c: Co, Ltd }\n";
        assert_eq!(
            units(text),
            [
                ("I -update".into(), "Isang halaga".into()),
                ("g.a".into(), "b".into()),
                ("g.c".into(), "Co".into()),
            ]
        );
        // A flow collection continued at column 0 is not YAML.
        let error = parse("h: [x,\ny: I -update]\n", 0, None).1.unwrap();
        assert_eq!(
            (error.line, error.message.as_str()),
            (2, "not valid YAML: invalid indentation in flow construct")
        );
    }

    #[test]
    fn malformed_yaml_is_an_error_with_its_line() {
        let error = parse("a: x\nb: \"hindi tapos\nc: y\n", 0, None).1.unwrap();
        assert_eq!(error.line, 2);
        assert!(error.message.starts_with("not valid YAML: "), "{error:?}");
        let _ = parse("- - - x\n-\n  -\n: x\n\"\n'", 0, None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let (found, error) = parse(&"- ".repeat(10_000), 0, None);
        assert_eq!(error, None);
        assert!(found.units.is_empty());
        let error = parse(&"[".repeat(6000), 0, None).1.unwrap();
        assert_eq!(error.line, 1);
    }

    #[test]
    fn non_strings_are_not_text() {
        for v in [
            "No",
            "yes",
            "~",
            "1.",
            "1_000",
            "0x1F",
            "12:30",
            ".inf",
            "2024-01-01",
            "<<",
        ] {
            assert!(!plain_is_string(v), "{v}");
        }
        for v in ["Nope", "1 .", "Oo", "1.2.3", "12:30 n.u."] {
            assert!(plain_is_string(v), "{v}");
        }
    }
}
