//! Fixes written for the place they land.
//!
//! Rules say what a value should read (decoded text: `McDonald's`, a line
//! break, `Co., Ltd.`); [`encode_fixes`] turns every edit into the bytes
//! that say so where the edit lands ([`Syntax::regions`]): escaped in a JSON,
//! PO or double-quoted YAML string, `''` in a single-quoted one, entities in
//! XML. It runs once on every finding after the rules, so every consumer
//! (`--fix`, `--diff`, the JSON report, a language server) gets the same
//! encoded edits.
//!
//! A fix that cannot be written exactly is dropped and its finding kept:
//! every encoded edit is checked by decoding the fixed bytes again, which
//! must give the intended value and nothing else. A plain YAML scalar must
//! stay a plain string (not `No`, a boolean to YAML 1.1, nor `1.`, a float,
//! nor `Pangalan:`, a syntax error): if it would not, the whole scalar is
//! written double-quoted instead. A Markdown block must keep its structure
//! (emphasis, links, lists, tables), and reference-link labels are never
//! edited. In XML, text is escaped, and markup is replaced only by markup of
//! the same kind.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use super::codec::{Decoded, Quoting, Region, decode, encode};
use super::{Document, Format, Syntax};
use crate::diagnostic::{Diagnostic, Edit, Fix};

/// Encodes the fixes of `diagnostics` (findings in `doc`) for where they
/// land; fixes that cannot be written exactly are removed. The fixes of
/// `unused-suppression`, which delete salin's own comments, are kept as
/// they are.
pub fn encode_fixes(doc: &Document, diagnostics: &mut [Diagnostic]) {
    let mut encoder = Encoder::new(doc);
    for d in diagnostics.iter_mut() {
        if d.rule == crate::suppress::UNUSED {
            continue;
        }
        if let Some(fix) = d.fix.take() {
            d.fix = encoder.fix(fix);
        }
    }
}

/// `fix` with every edit written for its region, or `None`.
pub fn encode_fix(doc: &Document, fix: Fix) -> Option<Fix> {
    Encoder::new(doc).fix(fix)
}

/// Regions larger than this are verified only where an edit lands: a fix
/// whose check needs the whole region (a multi-line YAML scalar, a Markdown
/// block whose structure an edit may touch) is dropped there, so that many
/// fixes in one huge value or paragraph cost linear time, not quadratic.
const WHOLE_CHECK_LIMIT: usize = 64 * 1024;

/// Encodes the fixes of one document, decoding each region once.
struct Encoder<'a> {
    doc: &'a Document,
    decoded: HashMap<usize, Option<Decoded>>,
    pieces: HashMap<usize, Vec<(Range<usize>, Piece)>>,
    /// The structure of each Markdown block, once one of its fixes needs it.
    shapes: HashMap<usize, Option<u64>>,
}

impl<'a> Encoder<'a> {
    fn new(doc: &'a Document) -> Self {
        Encoder {
            doc,
            decoded: HashMap::new(),
            pieces: HashMap::new(),
            shapes: HashMap::new(),
        }
    }

    fn fix(&mut self, fix: Fix) -> Option<Fix> {
        let syntax = &self.doc.syntax;
        let edits = &fix.edits;
        let mut out = Vec::with_capacity(edits.len());
        let mut i = 0;
        while i < edits.len() {
            if is_frozen(syntax, &edits[i].range) {
                return None;
            }
            let region = region_of(syntax, &edits[i].range)?;
            let mut j = i + 1;
            while j < edits.len() && inside(&edits[j].range, &region.range) {
                if is_frozen(syntax, &edits[j].range) {
                    return None;
                }
                j += 1;
            }
            out.extend(self.encode_in(region, &edits[i..j])?);
            i = j;
        }
        Some(Fix {
            applicability: fix.applicability,
            edits: out,
        })
    }

    fn encode_in(&mut self, region: &Region, edits: &[Edit]) -> Option<Vec<Edit>> {
        let text = &self.doc.text;
        match region.quoting {
            Quoting::Raw => Some(edits.to_vec()),
            Quoting::Frozen => None,
            Quoting::Markdown => {
                let shape = self.shapes.entry(region.range.start).or_insert(None);
                markdown(self.doc, region, edits, shape)
            }
            Quoting::XmlContent => {
                let pieces = self
                    .pieces
                    .entry(region.range.start)
                    .or_insert_with(|| xml_pieces(text, region.range.clone()));
                xml(text, region, pieces, edits)
            }
            Quoting::YamlPlain { flow } => {
                if region.range.len() > WHOLE_CHECK_LIMIT {
                    return None;
                }
                plain(text, region, edits, flow)
            }
            Quoting::Json
            | Quoting::Po
            | Quoting::YamlSingle
            | Quoting::YamlDouble
            | Quoting::YamlBlock { .. } => {
                let one_line = !text[region.range.clone()].contains('\n');
                if one_line && !matches!(region.quoting, Quoting::YamlBlock { .. }) {
                    let old = self
                        .decoded
                        .entry(region.range.start)
                        .or_insert_with(|| decode(text, region.range.clone(), region.quoting))
                        .as_ref()?;
                    return escaped_locally(old, region.quoting, edits);
                }
                if region.range.len() > WHOLE_CHECK_LIMIT {
                    return None;
                }
                escaped(text, region, edits)
            }
        }
    }
}

/// A one-line escaped string (JSON, PO, quoted YAML): escapes are
/// self-delimiting, so an edit that starts and ends between escapes and
/// whose encoding decodes to its replacement changes the value exactly as
/// intended, whatever surrounds it.
fn escaped_locally(old: &Decoded, quoting: Quoting, edits: &[Edit]) -> Option<Vec<Edit>> {
    edits
        .iter()
        .map(|e| {
            old.decoded_at(e.range.start)?;
            old.decoded_at(e.range.end)?;
            let encoded = encode(&e.replacement, quoting)?;
            decodes_to(&encoded, quoting, &e.replacement)
                .then(|| Edit::replace(e.range.clone(), encoded))
        })
        .collect()
}

fn inside(range: &Range<usize>, region: &Range<usize>) -> bool {
    region.start <= range.start && range.end <= region.end
}

/// The region holding all of `range`.
fn region_of<'a>(syntax: &'a Syntax, range: &Range<usize>) -> Option<&'a Region> {
    let after = syntax
        .regions
        .partition_point(|r| r.range.start <= range.start);
    // An insertion at the boundary of two regions belongs to either: take
    // the one it ends.
    syntax.regions[..after]
        .iter()
        .rev()
        .take(2)
        .find(|r| inside(range, &r.range))
}

fn is_frozen(syntax: &Syntax, range: &Range<usize>) -> bool {
    // Frozen ranges are sorted and do not overlap (reference-link labels):
    // skip those that end before the edit.
    let first = syntax.frozen.partition_point(|f| f.end <= range.start);
    syntax.frozen[first..]
        .iter()
        .take_while(|f| f.start <= range.end)
        .any(|f| {
            if range.is_empty() {
                f.start < range.start && range.start < f.end
            } else {
                range.start < f.end && f.start < range.end
            }
        })
}

/// The value the region decodes to after `edits` (whose replacements are
/// decoded text), or `None` if an edit starts or ends inside an escape.
fn intended(text: &str, region: &Region, edits: &[Edit]) -> Option<String> {
    let old = decode(text, region.range.clone(), region.quoting)?;
    let mut out = String::with_capacity(old.text.len());
    let mut last = 0;
    for e in edits {
        let start = old.decoded_at(e.range.start)?;
        let end = old.decoded_at(e.range.end)?;
        if start < last || end < start {
            return None;
        }
        out.push_str(&old.text[last..start]);
        out.push_str(&e.replacement);
        last = end;
    }
    out.push_str(&old.text[last..]);
    Some(out)
}

/// The region's bytes with `edits` (already encoded) applied.
fn applied(text: &str, region: &Region, edits: &[Edit]) -> String {
    let mut out = String::new();
    let mut last = region.range.start;
    for e in edits {
        out.push_str(&text[last..e.range.start]);
        out.push_str(&e.replacement);
        last = e.range.end;
    }
    out.push_str(&text[last..region.range.end]);
    out
}

fn decodes_to(raw: &str, quoting: Quoting, want: &str) -> bool {
    decode(raw, 0..raw.len(), quoting).is_some_and(|d| d.text == want)
}

/// JSON, PO, quoted and block YAML: each replacement escaped; the fixed
/// bytes must decode to the intended value.
fn escaped(text: &str, region: &Region, edits: &[Edit]) -> Option<Vec<Edit>> {
    let want = intended(text, region, edits)?;
    let encoded = edits
        .iter()
        .map(|e| {
            Some(Edit::replace(
                e.range.clone(),
                encode(&e.replacement, region.quoting)?,
            ))
        })
        .collect::<Option<Vec<Edit>>>()?;
    decodes_to(&applied(text, region, &encoded), region.quoting, &want).then_some(encoded)
}

/// A plain YAML scalar: kept plain when the fixed text is still a plain
/// string that decodes to the intended value; otherwise the whole scalar is
/// written double-quoted.
fn plain(text: &str, region: &Region, edits: &[Edit], flow: bool) -> Option<Vec<Edit>> {
    let want = intended(text, region, edits)?;
    let raw = applied(text, region, edits);
    if super::yaml::plain_is_string(&want)
        && plain_writable(&raw, flow)
        && decodes_to(&raw, region.quoting, &want)
    {
        return Some(edits.to_vec());
    }
    // Double quotes: the original bytes keep their line breaks (which fold
    // the same way inside quotes), `\` and `"` escaped; replacements escaped
    // in full.
    let quote = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let mut inner = String::new();
    let mut last = region.range.start;
    for e in edits {
        inner.push_str(&quote(&text[last..e.range.start]));
        inner.push_str(&encode(&e.replacement, Quoting::YamlDouble)?);
        last = e.range.end;
    }
    inner.push_str(&quote(&text[last..region.range.end]));
    if !decodes_to(&inner, Quoting::YamlDouble, &want) {
        return None;
    }
    Some(vec![Edit::replace(
        region.range.clone(),
        format!("\"{inner}\""),
    )])
}

/// Whether `raw` can be written as a plain scalar (block context, or flow
/// context with `flow`): no leading indicator, no `: ` or ` #`, no blanks
/// at its ends, no flow indicators inside a flow collection, nothing a YAML
/// reader must not see unescaped.
fn plain_writable(raw: &str, flow: bool) -> bool {
    let Some(first) = raw.chars().next() else {
        return false;
    };
    let second = raw[first.len_utf8()..].chars().next();
    let flow_indicator = |c: char| matches!(c, ',' | '[' | ']' | '{' | '}');
    let blank = |c: Option<char>| c.is_none_or(|c| c.is_whitespace());
    if first.is_whitespace() || raw.ends_with(char::is_whitespace) {
        return false;
    }
    if matches!(
        first,
        ',' | '['
            | ']'
            | '{'
            | '}'
            | '#'
            | '&'
            | '*'
            | '!'
            | '|'
            | '>'
            | '\''
            | '"'
            | '%'
            | '@'
            | '`'
    ) {
        return false;
    }
    if matches!(first, '-' | '?' | ':')
        && (blank(second) || (flow && second.is_some_and(flow_indicator)))
    {
        return false;
    }
    let chars: Vec<char> = raw.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        if c == ':' && (blank(next) || (flow && next.is_some_and(flow_indicator))) {
            return false;
        }
        if c == '#' && prev.is_some_and(char::is_whitespace) {
            return false;
        }
        if flow && flow_indicator(c) {
            return false;
        }
        if (c.is_control() && c != '\t' && c != '\n' && c != '\r') || c == '\u{feff}' {
            return false;
        }
    }
    true
}

/// Markdown: replacements inside prose are escaped, others (a link target
/// of a paired article) are Markdown already; the block must parse to the
/// same structure afterwards.
fn markdown(
    doc: &Document,
    region: &Region,
    edits: &[Edit],
    shape: &mut Option<u64>,
) -> Option<Vec<Edit>> {
    let segments = &doc.segments;
    let in_prose = |r: &Range<usize>| {
        let after = segments.partition_point(|s| s.range.start <= r.start);
        after > 0 && inside(r, &segments[after - 1].range)
    };
    let encoded = edits
        .iter()
        .map(|e| {
            if in_prose(&e.range) {
                Some(Edit::replace(
                    e.range.clone(),
                    encode(&e.replacement, Quoting::Markdown)?,
                ))
            } else {
                Some(e.clone())
            }
        })
        .collect::<Option<Vec<Edit>>>()?;
    if encoded.iter().all(|e| inert(&doc.text, e)) {
        return Some(encoded);
    }
    if region.range.len() > WHOLE_CHECK_LIMIT {
        return None;
    }
    let old = *shape.get_or_insert_with(|| markdown_shape(&doc.text[region.range.clone()]));
    let new = applied(&doc.text, region, &encoded);
    (old == markdown_shape(&new)).then_some(encoded)
}

/// Whether an edit cannot change Markdown structure: neither the text it
/// removes nor the text it writes holds a character with a meaning in
/// Markdown, it touches no emphasis delimiter (whose meaning depends on its
/// neighbours), does not start a line (block markers) and does not change
/// the blanks before a line break (hard breaks).
fn inert(text: &str, edit: &Edit) -> bool {
    let special = |s: &str| {
        s.contains([
            '*', '_', '~', '`', '[', ']', '(', ')', '<', '>', '!', '|', '\\', '&', '#', '\n', '\r',
        ])
    };
    let before = text[..edit.range.start].chars().next_back();
    let after = text[edit.range.end..].chars().next();
    let delimiter = |c: Option<char>| matches!(c, Some('*' | '_' | '~'));
    // Only blanks before it on its line (looked at back to the first
    // character that is not a blank: constant time on a long line).
    let line_start = matches!(
        text[..edit.range.start]
            .chars()
            .rev()
            .find(|&c| c == '\n' || !c.is_whitespace()),
        None | Some('\n')
    );
    let blank_end = |s: &str| s.ends_with(char::is_whitespace);
    // At the start of a line only a letter cannot begin a block marker
    // (`-`, `1.`, `#`, `>`, an indented code line).
    let starts_with_letter = match edit.replacement.chars().next() {
        Some(c) => c.is_alphabetic(),
        None => after.is_some_and(char::is_alphabetic),
    };
    !special(&text[edit.range.clone()])
        && !special(&edit.replacement)
        && !delimiter(before)
        && !delimiter(after)
        && (!line_start || starts_with_letter)
        && !(matches!(after, None | Some('\n' | '\r'))
            && (blank_end(&edit.replacement) || blank_end(&text[edit.range.clone()])))
}

/// The structure of a Markdown text, as a digest: its elements in order,
/// without their text, link targets or HTML.
pub(crate) fn markdown_shape(text: &str) -> u64 {
    use std::fmt::Write;
    use std::hash::{DefaultHasher, Hasher};
    let mut hash = DefaultHasher::new();
    let mut item = String::new();
    let mut after_text = false;
    for event in Parser::new_ext(text, super::markdown::OPTIONS) {
        item.clear();
        let _ = match event {
            // HTML is never edited by a fix, but salin deletes its own
            // suppression comments.
            Event::Start(Tag::HtmlBlock) | Event::End(pulldown_cmark::TagEnd::HtmlBlock) => {
                continue;
            }
            Event::Html(_) | Event::InlineHtml(_) => continue,
            // Adjacent text events are one run of text.
            Event::Text(_) if after_text => continue,
            Event::Text(_) => write!(item, "text"),
            Event::Start(tag) => match tag {
                Tag::Link { link_type, .. } => write!(item, "<link {link_type:?}"),
                Tag::Image { link_type, .. } => write!(item, "<image {link_type:?}"),
                Tag::Heading { level, .. } => write!(item, "<{level:?}"),
                Tag::CodeBlock(CodeBlockKind::Fenced(_)) => write!(item, "<fence"),
                Tag::CodeBlock(CodeBlockKind::Indented) => write!(item, "<indented"),
                other => write!(item, "<{other:?}"),
            },
            Event::End(tag) => write!(item, ">{tag:?}"),
            Event::Code(_) => write!(item, "code"),
            other => write!(item, "{other:?}"),
        };
        after_text = item == "text";
        hash.write(item.as_bytes());
        hash.write_u8(0);
    }
    hash.finish()
}

/// One piece of XML content.
#[derive(Debug, PartialEq)]
enum Piece {
    Text,
    /// `<![CDATA[` ... `]]>`: its content.
    CData(Range<usize>),
    /// A start tag, end tag, empty tag, entity, comment or processing
    /// instruction: its kind and name.
    Markup(&'static str, String),
}

/// The pieces of XML content, with their byte ranges in `text`.
fn xml_pieces(text: &str, range: Range<usize>) -> Vec<(Range<usize>, Piece)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end;
    let upto = |from: usize, pat: &str| {
        text[from..end]
            .find(pat)
            .map_or(end, |n| from + n + pat.len())
    };
    while i < end {
        let rest = &text[i..end];
        let (len, piece) = if rest.starts_with("<!--") {
            (upto(i, "-->") - i, Piece::Markup("comment", String::new()))
        } else if rest.starts_with("<![CDATA[") {
            let stop = upto(i, "]]>");
            (
                stop - i,
                Piece::CData(i + 9..stop.saturating_sub(3).max(i + 9)),
            )
        } else if rest.starts_with("<?") {
            (upto(i, "?>") - i, Piece::Markup("pi", String::new()))
        } else if rest.starts_with('<') {
            let mut j = i + 1;
            let mut quote = None;
            while j < end {
                match (quote, bytes[j]) {
                    (None, b'>') => break,
                    (None, q @ (b'"' | b'\'')) => quote = Some(q),
                    (Some(q), b) if b == q => quote = None,
                    _ => {}
                }
                j += 1;
            }
            let tag = &text[i..(j + 1).min(end)];
            let kind = if tag.starts_with("</") {
                "end"
            } else if tag.ends_with("/>") {
                "empty"
            } else {
                "start"
            };
            let name: String = tag
                .trim_start_matches(['<', '/'])
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '/' && *c != '>')
                .collect();
            ((j + 1).min(end) - i, Piece::Markup(kind, name))
        } else if rest.starts_with('&') {
            let stop = rest.find(';').map_or(rest.len(), |n| n + 1);
            (stop, Piece::Markup("entity", String::new()))
        } else {
            let stop = rest.find(['<', '&']).unwrap_or(rest.len());
            (stop, Piece::Text)
        };
        out.push((i..i + len, piece));
        i += len.max(1);
    }
    out
}

/// XML content: text escaped, CDATA content kept free of `]]>`, a markup
/// piece replaced only by one piece of the same kind and name; the fixed
/// content must be well-formed.
fn xml(
    text: &str,
    region: &Region,
    pieces: &[(Range<usize>, Piece)],
    edits: &[Edit],
) -> Option<Vec<Edit>> {
    let mut out = Vec::with_capacity(edits.len());
    let mut markup = false;
    let piece_at = |at: usize| {
        let after = pieces.partition_point(|(r, _)| r.start <= at);
        after.checked_sub(1).map(|i| &pieces[i])
    };
    for e in edits {
        let holder = piece_at(e.range.start).filter(|(r, _)| inside(&e.range, r));
        let replacement = match holder {
            // An insertion between two pieces or inside text is text; inside
            // a comment, a tag or an entity it is refused (the fuzzer's
            // thirteenth find: a space inserted in a comment); inside CDATA
            // it is written as it is.
            _ if e.range.is_empty() => match piece_at(e.range.start) {
                Some((r, _)) if r.start == e.range.start => {
                    encode(&e.replacement, Quoting::XmlContent)?
                }
                Some((_, Piece::Markup(..))) => return None,
                Some((_, Piece::CData(inner))) => {
                    if !(inner.start..=inner.end).contains(&e.range.start)
                        || e.replacement.contains("]]>")
                    {
                        return None;
                    }
                    e.replacement.clone()
                }
                _ => encode(&e.replacement, Quoting::XmlContent)?,
            },
            Some((_, Piece::Text)) => encode(&e.replacement, Quoting::XmlContent)?,
            Some((_, Piece::CData(inner))) if inside(&e.range, inner) => {
                if e.replacement.contains("]]>") {
                    return None;
                }
                e.replacement.clone()
            }
            Some((r, Piece::Markup(kind, name))) if *r == e.range && *kind != "comment" => {
                let new = xml_pieces(&e.replacement, 0..e.replacement.len());
                match new.as_slice() {
                    [(_, Piece::Markup(k, n))] if k == kind && n == name => {
                        markup = true;
                        e.replacement.clone()
                    }
                    _ => return None,
                }
            }
            _ => return None,
        };
        out.push(Edit::replace(e.range.clone(), replacement));
    }
    // Escaped text cannot break the element; swapped markup is checked.
    if markup {
        if region.range.len() > WHOLE_CHECK_LIMIT {
            return None;
        }
        let fixed = format!("<t>{}</t>", applied(text, region, &out));
        if !well_formed(&fixed) {
            return None;
        }
    }
    Some(out)
}

fn well_formed(xml: &str) -> bool {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return depth == 0,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(_) => {}
            Err(_) => return false,
        }
    }
}

/// Whether `new` (the text of `old` after a round of fixes) has the same
/// structure as `old`: it parses as well, has the same keys in the same
/// order, and (Markdown) the same elements.
pub fn keeps_structure(old: &Document, new: &Document) -> bool {
    if old.syntax.error.is_none() && new.syntax.error.is_some() {
        return false;
    }
    if old.units.len() != new.units.len()
        || old
            .units
            .iter()
            .zip(&new.units)
            .any(|(a, b)| a.key != b.key)
    {
        return false;
    }
    old.format != Format::Markdown || markdown_shape(&old.text) == markdown_shape(&new.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;

    /// The text after the fix `range` → `replacement` encoded for `doc`, or
    /// `None` when it is dropped.
    fn fixed(
        name: &str,
        format: Format,
        text: &str,
        find: &str,
        replacement: &str,
    ) -> Option<String> {
        let doc = Document::new(name, text, format);
        let at = text.find(find).unwrap();
        let fix = Fix::safe(vec![Edit::replace(at..at + find.len(), replacement)]);
        let fix = encode_fix(&doc, fix)?;
        Some(crate::fix::apply(text, &[&fix]))
    }

    #[test]
    fn replacements_are_escaped_for_their_string() {
        let cases = [
            (
                "a.yml",
                Format::Yaml,
                "a: 'Kumain sa Mcdonald’s kahapon'\n",
                "Mcdonald’s",
                "McDonald's",
                "a: 'Kumain sa McDonald''s kahapon'\n",
            ),
            (
                "a.yml",
                Format::Yaml,
                "a: \"Sa Toys R Us\"\n",
                "Toys R Us",
                "Toys\"R\"Us",
                "a: \"Sa Toys\\\"R\\\"Us\"\n",
            ),
            (
                "a.json",
                Format::Json,
                "{\"a\": \"Sa Toys R Us\"}",
                "Toys R Us",
                "Toys\"R\"Us",
                "{\"a\": \"Sa Toys\\\"R\\\"Us\"}",
            ),
            (
                "a.po",
                Format::Po,
                "msgid \"x\"\nmsgstr \"Sa Toys R Us\"\n",
                "Toys R Us",
                "Toys\"R\"Us",
                "msgid \"x\"\nmsgstr \"Sa Toys\\\"R\\\"Us\"\n",
            ),
            (
                "a.xlf",
                Format::Xliff,
                "<xliff><trans-unit id=\"a\"><target>Sa ATT</target></trans-unit></xliff>",
                "ATT",
                "AT&T",
                "<xliff><trans-unit id=\"a\"><target>Sa AT&amp;T</target></trans-unit></xliff>",
            ),
        ];
        for (name, format, text, find, replacement, want) in cases {
            assert_eq!(
                fixed(name, format, text, find, replacement).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn plain_scalars_stay_strings_or_get_quoted() {
        for (text, find, replacement, want) in [
            ("a: No No No\n", "No No No", "No", "a: \"No\"\n"),
            ("b: 1 .\n", "1 .", "1.", "b: \"1.\"\n"),
            (
                "a: Pangalan\n",
                "Pangalan",
                "Pangalan:",
                "a: \"Pangalan:\"\n",
            ),
            (
                "a: Sa \"Toys R Us\" ngayon\n",
                "Toys R Us",
                "Toys-R-Us",
                "a: Sa \"Toys-R-Us\" ngayon\n",
            ),
            ("- ang ang\n", "ang ang", "ang", "- ang\n"),
        ] {
            assert_eq!(
                fixed("a.yml", Format::Yaml, text, find, replacement).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn single_quoted_yaml_cannot_take_a_line_break() {
        assert_eq!(
            fixed("a.yml", Format::Yaml, "a: 'Tapos na'\n", "na", "na\n"),
            None
        );
        assert_eq!(
            fixed("a.yml", Format::Yaml, "a: \"Tapos na\"\n", "na", "na\n").as_deref(),
            Some("a: \"Tapos na\\n\"\n")
        );
    }

    #[test]
    fn markdown_keeps_labels_and_emphasis() {
        let md = |text: &str, find: &str, replacement: &str| {
            fixed("a.md", Format::Markdown, text, find, replacement)
        };
        assert_eq!(
            md(
                "Ang [Co, Ltd] dito.\n\n[Co, Ltd]: https://x.ph\n",
                "Co, Ltd",
                "Co., Ltd."
            ),
            None
        );
        assert_eq!(
            md("Ang *Acme Co, Ltd*ay dito.\n", "Co, Ltd", "Co., Ltd."),
            None
        );
        assert_eq!(
            md("Ang *Acme Co, Ltd* dito.\n", "Co, Ltd", "Co., Ltd.").as_deref(),
            Some("Ang *Acme Co., Ltd.* dito.\n")
        );
        assert_eq!(
            md("Ang Nsync dito.\n", "Nsync", "*NSYNC").as_deref(),
            Some("Ang \\*NSYNC dito.\n")
        );
    }

    #[test]
    fn xml_markup_is_kept() {
        let text = "<xliff><trans-unit id=\"a\"><target>Isa <g id=\"2\">x</g> <!-- pag -unlad --></target></trans-unit></xliff>";
        let doc =
            |find: &str, replacement: &str| fixed("a.xlf", Format::Xliff, text, find, replacement);
        assert!(doc("<g id=\"2\">", "<g id=\"1\">").is_some());
        assert_eq!(doc("<g id=\"2\">", "<x id=\"1\"/>"), None);
        assert_eq!(doc("pag -unlad", "pag-unlad"), None);
        // Insertions: into text (escaped) yes, into a comment or a tag no.
        let insert = |at: &str, what: &str| {
            let doc = Document::new("a.xlf", text, Format::Xliff);
            let at = text.find(at).unwrap();
            let fix = encode_fix(&doc, Fix::safe(vec![Edit::insert(at, what)]))?;
            Some(crate::fix::apply(text, &[&fix]))
        };
        assert_eq!(
            insert("<g id", "&").unwrap(),
            text.replace("Isa <g", "Isa &amp;<g")
        );
        assert_eq!(insert("-unlad --", " "), None);
        assert_eq!(insert("id=\"2\"", " "), None);
    }

    #[test]
    fn files_salin_does_not_parse_are_not_fixed() {
        assert_eq!(
            fixed(
                "bilingual.csv",
                Format::Plain,
                "en,tl\nx,pag -unlad\n",
                "pag -unlad",
                "pag-unlad"
            ),
            None
        );
        assert!(
            fixed(
                "notes.txt",
                Format::Plain,
                "pag -unlad\n",
                "pag -unlad",
                "pag-unlad"
            )
            .is_some()
        );
        assert!(
            fixed(
                "README",
                Format::Plain,
                "pag -unlad\n",
                "pag -unlad",
                "pag-unlad"
            )
            .is_some()
        );
    }
}
