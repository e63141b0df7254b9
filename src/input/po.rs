//! gettext PO files: every `msgstr` (and `msgstr[n]` of plural entries) is a
//! translation unit whose source is the entry's `msgid` (`msgid_plural` for
//! every plural form). Strings spread over several quoted
//! lines are one unit with one piece per line. The header entry and obsolete
//! (`#~`) entries are skipped; `#, fuzzy` entries are units marked
//! [`Unit::fuzzy`], which the checker skips unless asked; comments are not
//! prose.

#![allow(clippy::single_range_in_vec_init)] // a value of one piece

use std::ops::Range;

use super::Segment;
use super::l10n::{Escape, Unit, UnitKind, unit_segments};

#[derive(Default)]
struct Entry {
    fuzzy: bool,
    obsolete: bool,
    ctxt: Vec<Range<usize>>,
    id: Vec<Range<usize>>,
    plural: Vec<Range<usize>>,
    strs: Vec<Msgstr>,
}

/// `(index, keyword range, pieces)`: index `None` for a plain `msgstr`.
type Msgstr = (Option<usize>, Range<usize>, Vec<Range<usize>>);

#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Ctxt,
    Id,
    Plural,
    Str,
}

/// The units and prose segments of a PO file.
pub(super) fn parse(text: &str, body: usize) -> (Vec<Segment>, Vec<Unit>) {
    let mut units = Vec::new();
    let mut entry = Entry::default();
    let mut field = Field::None;
    let mut pos = body;
    let mut seen_str = false;
    for raw in text[body..].split_inclusive('\n') {
        let line_start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        let at = line_start + lead;
        if trimmed.is_empty() {
            continue;
        }
        if let Some(flags) = trimmed.strip_prefix("#,") {
            if seen_str {
                finish(text, std::mem::take(&mut entry), &mut units);
                seen_str = false;
            }
            entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            field = Field::None;
            continue;
        }
        if trimmed.starts_with("#~") {
            entry.obsolete = true;
            continue;
        }
        if trimmed.starts_with('#') {
            if seen_str {
                finish(text, std::mem::take(&mut entry), &mut units);
                seen_str = false;
            }
            field = Field::None;
            continue;
        }
        if trimmed.starts_with('"') {
            if let Some(r) = string_at(text, at, line_start + line.len()) {
                match field {
                    Field::Ctxt => entry.ctxt.push(r),
                    Field::Id => entry.id.push(r),
                    Field::Plural => entry.plural.push(r),
                    Field::Str => {
                        if let Some(last) = entry.strs.last_mut() {
                            last.2.push(r);
                        }
                    }
                    Field::None => {}
                }
            }
            continue;
        }
        let (keyword, rest) = trimmed.split_once([' ', '\t']).unwrap_or((trimmed, ""));
        let value_at = line_start + line.len() - rest.trim_start().len();
        let string = string_at(text, value_at, line_start + line.len());
        let key_range = at..at + keyword.len();
        match keyword {
            "msgctxt" | "msgid" if seen_str => {
                finish(text, std::mem::take(&mut entry), &mut units);
                seen_str = false;
            }
            _ => {}
        }
        match keyword {
            "msgctxt" => {
                field = Field::Ctxt;
                entry.ctxt.extend(string);
            }
            "msgid" => {
                field = Field::Id;
                entry.id.extend(string);
            }
            "msgid_plural" => {
                field = Field::Plural;
                entry.plural.extend(string);
            }
            k if k.starts_with("msgstr") => {
                field = Field::Str;
                seen_str = true;
                let index = k
                    .strip_prefix("msgstr[")
                    .and_then(|n| n.strip_suffix(']'))
                    .and_then(|n| n.parse().ok());
                let pieces = string.into_iter().collect();
                entry.strs.push((index, key_range, pieces));
            }
            _ => field = Field::None,
        }
    }
    if seen_str {
        finish(text, entry, &mut units);
    }
    (unit_segments(text, &units, Escape::Backslash), units)
}

/// The content range of the quoted string at `at` on a line ending at `end`.
fn string_at(text: &str, at: usize, end: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let mut i = at + 1;
    while i < end {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(at + 1..i),
            _ => i += 1,
        }
    }
    None
}

/// Joins a PO string's pieces: adjacent strings concatenate.
fn po_text(text: &str, pieces: &[Range<usize>]) -> String {
    pieces.iter().map(|p| &text[p.clone()]).collect()
}

fn finish(text: &str, entry: Entry, units: &mut Vec<Unit>) {
    let id = po_text(text, &entry.id);
    if entry.obsolete || id.is_empty() {
        return; // obsolete, or the header
    }
    let ctxt = po_text(text, &entry.ctxt);
    let key = if entry.ctxt.is_empty() {
        id.clone()
    } else {
        format!("{ctxt}\u{4}{id}")
    };
    let plural = po_text(text, &entry.plural);
    for (index, key_range, mut pieces) in entry.strs {
        // Empty lines of a multi-line string (`msgstr ""` before the text)
        // are not pieces, unless the whole string is empty.
        if pieces.iter().any(|p| !p.is_empty()) {
            pieces.retain(|p| !p.is_empty());
        } else if let Some(last) = pieces.pop() {
            // An empty value is where its last string is.
            pieces = vec![last];
        }
        if pieces.is_empty() {
            pieces.push(key_range.end..key_range.end);
        }
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
        units.push(Unit {
            kind: UnitKind::Value,
            key,
            key_range,
            pieces,
            joiner: "",
            fuzzy: entry.fuzzy,
            source: Some(source),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<(String, String, String)> {
        parse(text, 0)
            .1
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
        let fuzzy: Vec<bool> = parse(PO, 0).1.iter().map(|u| u.fuzzy).collect();
        assert_eq!(fuzzy, [false, true, false, false, false, false]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let _ = parse("msgid \"a\nmsgstr \"\\", 0);
        let _ = parse("msgstr[x] \"a\"\n\"b\"\n", 0);
    }
}
