//! gettext PO files: every `msgstr` (and `msgstr[n]` of plural entries) is a
//! translation unit whose source is the entry's `msgid` (`msgid_plural` for
//! every plural form). Strings spread over several quoted lines are one
//! unit, decoded from their C escapes and joined. The header entry and
//! obsolete (`#~`) entries are skipped (the entry before them is not); `#,
//! fuzzy` entries are units marked [`Unit::fuzzy`], which the checker skips
//! unless asked; comments are not prose. A line that is not PO (an
//! unterminated string, an unknown keyword, an invalid escape) is an error
//! naming its line.

use std::ops::Range;

use super::ParseError;
use super::codec::{Decoded, Quoting, decode};
use super::l10n::{Collector, Value};

#[derive(Default)]
struct Entry {
    fuzzy: bool,
    obsolete: bool,
    ctxt: Vec<Range<usize>>,
    id: Vec<Range<usize>>,
    plural: Vec<Range<usize>>,
    strs: Vec<Msgstr>,
}

impl Entry {
    fn has_message(&self) -> bool {
        !self.strs.is_empty()
    }
}

/// `(index, keyword range, strings)`: index `None` for a plain `msgstr`.
type Msgstr = (Option<usize>, Range<usize>, Vec<Range<usize>>);

#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Ctxt,
    Id,
    Plural,
    Str,
}

/// The units and prose segments of a PO file, or the first line that is not
/// PO.
pub(super) fn parse(text: &str, body: usize) -> (Collector, Option<ParseError>) {
    let mut out = Collector::default();
    let mut entry = Entry::default();
    let mut field = Field::None;
    let mut pos = body;
    let mut line_no = text[..body].matches('\n').count();
    let error = |line: usize, message: &str| {
        Some(ParseError {
            line,
            message: format!("not valid PO: {message}"),
        })
    };
    for raw in text[body..].split_inclusive('\n') {
        let line_start = pos;
        pos += raw.len();
        line_no += 1;
        let line = raw.trim_end_matches(['\n', '\r']);
        let line_end = line_start + line.len();
        let trimmed = line.trim_start();
        let at = line_start + (line.len() - trimmed.len());
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("#~") {
            // Obsolete entries (msgmerge puts them at the end): the entry
            // before them is complete.
            if entry.has_message() && !entry.obsolete {
                finish(text, std::mem::take(&mut entry), &mut out);
            }
            entry.obsolete = true;
            field = Field::None;
            continue;
        }
        if entry.obsolete {
            entry = Entry::default();
        }
        if let Some(flags) = trimmed.strip_prefix("#,") {
            if entry.has_message() {
                finish(text, std::mem::take(&mut entry), &mut out);
            }
            entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            field = Field::None;
            continue;
        }
        if trimmed.starts_with('#') {
            if entry.has_message() {
                finish(text, std::mem::take(&mut entry), &mut out);
            }
            field = Field::None;
            continue;
        }
        let (keyword, strings_at) = if trimmed.starts_with('"') {
            (None, at)
        } else {
            let keyword = trimmed.split([' ', '\t', '"']).next().unwrap_or(trimmed);
            let after = &trimmed[keyword.len()..];
            (
                Some((keyword, at..at + keyword.len())),
                line_end - after.trim_start().len(),
            )
        };
        let strings = match strings(text, strings_at, line_end) {
            Ok(s) if s.is_empty() => return (out, error(line_no, "expected a quoted string")),
            Ok(s) => s,
            Err(message) => return (out, error(line_no, message)),
        };
        let Some((keyword, key_range)) = keyword else {
            match field {
                Field::Ctxt => entry.ctxt.extend(strings),
                Field::Id => entry.id.extend(strings),
                Field::Plural => entry.plural.extend(strings),
                Field::Str => {
                    if let Some(last) = entry.strs.last_mut() {
                        last.2.extend(strings);
                    }
                }
                Field::None => {
                    return (out, error(line_no, "a string without a keyword before it"));
                }
            }
            continue;
        };
        if matches!(keyword, "msgctxt" | "msgid") && entry.has_message() {
            finish(text, std::mem::take(&mut entry), &mut out);
        }
        match keyword {
            "msgctxt" => {
                field = Field::Ctxt;
                entry.ctxt.extend(strings);
            }
            "msgid" => {
                field = Field::Id;
                entry.id.extend(strings);
            }
            "msgid_plural" => {
                field = Field::Plural;
                entry.plural.extend(strings);
            }
            k if k == "msgstr" || k.starts_with("msgstr[") => {
                let index = match k.strip_prefix("msgstr[") {
                    None => None,
                    Some(n) => match n.strip_suffix(']').and_then(|n| n.parse().ok()) {
                        Some(n) => Some(n),
                        None => return (out, error(line_no, &format!("unknown keyword `{k}`"))),
                    },
                };
                field = Field::Str;
                entry.strs.push((index, key_range, strings));
            }
            k => return (out, error(line_no, &format!("unknown keyword `{k}`"))),
        }
    }
    if entry.has_message() && !entry.obsolete {
        finish(text, entry, &mut out);
    }
    (out, None)
}

/// The content ranges of the quoted strings from `at` to the end of the
/// line, or what is wrong with them.
fn strings(text: &str, mut at: usize, end: usize) -> Result<Vec<Range<usize>>, &'static str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    loop {
        while at < end && matches!(bytes[at], b' ' | b'\t') {
            at += 1;
        }
        if at == end {
            return Ok(out);
        }
        if bytes[at] != b'"' {
            return Err("expected a quoted string");
        }
        let mut i = at + 1;
        loop {
            match bytes.get(i) {
                Some(b'\\') if i + 1 < end => i += 2,
                Some(b'"') if i < end => break,
                Some(_) if i < end => i += 1,
                _ => return Err("unterminated string"),
            }
        }
        let content = at + 1..i;
        if decode(text, content.clone(), Quoting::Po).is_none() {
            return Err("invalid escape sequence in a string");
        }
        out.push(content);
        at = i + 1;
    }
}

/// A PO string's pieces decoded and joined (adjacent strings concatenate).
fn decoded(text: &str, strings: &[Range<usize>]) -> Option<Decoded> {
    let mut out: Option<Decoded> = None;
    for s in strings {
        let d = decode(text, s.clone(), Quoting::Po)?;
        match &mut out {
            None => out = Some(d),
            Some(o) => {
                o.gap(o.raw().end..s.start);
                o.extend(d);
            }
        }
    }
    out
}

fn po_text(text: &str, strings: &[Range<usize>]) -> String {
    decoded(text, strings).map(|d| d.text).unwrap_or_default()
}

fn finish(text: &str, entry: Entry, out: &mut Collector) {
    if entry.obsolete || entry.id.iter().all(|r| r.is_empty()) {
        return; // obsolete, or the header
    }
    let id = po_text(text, &entry.id);
    let key = if entry.ctxt.is_empty() {
        id.clone()
    } else {
        format!("{}\u{4}{id}", po_text(text, &entry.ctxt))
    };
    let plural = po_text(text, &entry.plural);
    for (index, key_range, strings) in entry.strs {
        // Every plural form is compared with `msgid_plural`, as `msgfmt
        // --check` does: the forms differ by number, not by placeholders.
        let source = match index {
            Some(_) if !entry.plural.is_empty() => plural.clone(),
            _ => id.clone(),
        };
        let key = match index {
            Some(n) => format!("{key}[{n}]"),
            None => key.clone(),
        };
        let raw = match (strings.first(), strings.last()) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => key_range.end..key_range.end,
        };
        out.push(
            text,
            Value {
                key,
                key_range,
                raw,
                strings: strings.clone(),
                quoting: Quoting::Po,
                expected: None,
                fuzzy: entry.fuzzy,
                source: Some(source),
            },
            decoded(text, &strings),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<(String, String, String)> {
        let (found, error) = parse(text, 0);
        assert_eq!(error, None);
        found
            .units
            .into_iter()
            .map(|u| (u.key.clone(), u.source.clone().unwrap(), u.text(text)))
            .collect()
    }

    const PO: &str = r#"# Translation of the app.
msgid ""
msgstr ""
"Language: tl\n"

#. A comment for translators
#: src/main.c:10
msgid "Hello, %s!"
msgstr "Kumusta, %s!"

#, fuzzy
msgid "Old"
msgstr "Luma"

msgctxt "menu"
msgid ""
"Open the "
"file"
msgstr ""
"Buksan ang "
"file"

msgid "One file"
msgid_plural "%d files"
msgstr[0] "%d file"
msgstr[1] "%d na file"

msgid "Empty"
msgstr ""
"#;

    #[test]
    fn entries_plurals_and_multi_line_strings() {
        assert_eq!(
            units(PO),
            [
                (
                    "Hello, %s!".into(),
                    "Hello, %s!".into(),
                    "Kumusta, %s!".into()
                ),
                ("Old".into(), "Old".into(), "Luma".into()),
                (
                    "menu\u{4}Open the file".into(),
                    "Open the file".into(),
                    "Buksan ang file".into()
                ),
                ("One file[0]".into(), "%d files".into(), "%d file".into()),
                ("One file[1]".into(), "%d files".into(), "%d na file".into()),
                ("Empty".into(), "Empty".into(), String::new()),
            ]
        );
        let prose: Vec<&str> = parse(PO, 0)
            .0
            .segments
            .iter()
            .map(|s| &PO[s.range.clone()])
            .collect();
        assert_eq!(
            prose,
            [
                "Kumusta, %s!",
                "Luma",
                "Buksan ang ",
                "file",
                "%d file",
                "%d na file"
            ]
        );
        let fuzzy: Vec<bool> = parse(PO, 0).0.units.iter().map(|u| u.fuzzy).collect();
        assert_eq!(fuzzy, [false, true, false, false, false, false]);
    }

    #[test]
    fn strings_are_decoded() {
        assert_eq!(
            units("msgid \"Say \\\"hi\\\"\\n\"\nmsgstr \"\"\n\"Sabihin \"\n\"\\\"hi\\\"\\n\"\n"),
            [(
                "Say \"hi\"\n".into(),
                "Say \"hi\"\n".into(),
                "Sabihin \"hi\"\n".into()
            )]
        );
    }

    #[test]
    fn the_entry_before_obsolete_ones_is_checked() {
        let text = "msgid \"a\"\nmsgstr \"Isa\"\n#~ msgid \"b\"\n#~ msgstr \"Dalawa\"\n\nmsgid \"c\"\nmsgstr \"Tatlo\"\n";
        assert_eq!(
            units(text),
            [
                ("a".into(), "a".into(), "Isa".into()),
                ("c".into(), "c".into(), "Tatlo".into())
            ]
        );
    }

    #[test]
    fn broken_lines_are_errors_with_their_line() {
        for (text, line, message) in [
            (
                "msgid \"a\"\nmsgstr \"hindi tapos\n",
                2,
                "unterminated string",
            ),
            (
                "msgid \"a\"\nmsgstr \"x\" y\n",
                2,
                "expected a quoted string",
            ),
            ("msgid \"a\"\nmsgtsr \"x\"\n", 2, "unknown keyword `msgtsr`"),
            ("\"x\"\n", 1, "a string without a keyword before it"),
            (
                "msgid \"a\"\nmsgstr \"\\q\"\n",
                2,
                "invalid escape sequence in a string",
            ),
            ("msgid \"a\"\nmsgstr\n", 2, "expected a quoted string"),
        ] {
            let error = parse(text, 0)
                .1
                .unwrap_or_else(|| panic!("{text:?} parsed"));
            assert_eq!(
                (error.line, error.message),
                (line, format!("not valid PO: {message}")),
                "{text:?}"
            );
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert!(parse("msgid \"a\nmsgstr \"\\", 0).1.is_some());
        let _ = parse("msgstr[x] \"a\"\n\"b\"\n", 0);
    }
}
