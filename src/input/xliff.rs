//! XLIFF 1.2 (`<trans-unit>`) and 2.0 (`<unit>`/`<segment>`): every
//! `<target>` is a translation unit whose source is the `<source>` beside it.
//! Only the text between inline tags (`<g>`, `<x/>`, `<ph>`, `<pc>`, ...),
//! entities and comments is prose, and CDATA sections are text; attributes
//! (`equiv-text="a > b"`) never are. The file must be well-formed XML: a
//! truncated file, a mismatched end tag or a bare `&` is an error naming the
//! line. Nesting is counted, never recursed into, so deep inline markup
//! costs linear time.
//!
//! A unit marked `translate="no"` (on it, or on the `<group>` or `<file>`
//! around it) is neither checked nor fixed, and text marked so inside a
//! target (`<mrk translate="no">`, 1.2's `<mrk mtype="protected">`) is not
//! prose. Length limits set on a unit become its [`LengthLimit`]s: 1.2's
//! `maxwidth` when `size-unit` is `char`, `glyph` or `col` (characters) or
//! `byte`, and `maxbytes`; 2.0's `slr:sizeRestriction` (characters, the
//! default profile) and `slr:storageRestriction` (UTF-8 bytes).

use std::ops::Range;
use std::time::Instant;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::codec::{Quoting, Region};
use super::l10n::{Collector, LengthLimit, LimitMax};
use super::{ParseError, Segment, SegmentKind, Unit, UnitKind, text_line};

/// The open `<source>` or `<target>`.
struct Open {
    is_target: bool,
    depth: usize,
    /// Where its content starts.
    start: usize,
}

/// The units and prose segments of an XLIFF file, or where it is not
/// well-formed.
pub(super) fn parse(
    text: &str,
    body: usize,
    deadline: Option<Instant>,
) -> (Collector, Option<ParseError>) {
    let mut out = Collector::default();
    let mut reader = Reader::from_str(&text[body..]);
    reader.config_mut().check_end_names = true;
    reader.config_mut().check_comments = true;
    let mut id = String::new();
    let mut segment = 0usize;
    let mut source: Option<String> = None;
    let mut open: Option<Open> = None;
    let mut depth = 0usize;
    // Prose segments of the open target, and the innermost open element.
    let mut prose: Vec<Segment> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    // Inside `<alt-trans>` (1.2: suggestions, not the translation), at this
    // depth.
    let mut alt: Option<usize> = None;
    // Whether each open element is translatable (`translate` is inherited),
    // the open unit's limits, and the depth of a `translate="no"` element
    // inside the open target.
    let mut translatable: Vec<bool> = vec![true];
    let mut limits: Vec<LengthLimit> = Vec::new();
    let mut protected: Option<usize> = None;
    let mut events = 0usize;
    let error = |at: usize, message: String| {
        Some(ParseError {
            line: text_line(text, at),
            message: format!("not well-formed XML: {message}"),
        })
    };
    loop {
        events += 1;
        if events.is_multiple_of(4096) && deadline.is_some_and(|d| Instant::now() >= d) {
            return (out, Some(ParseError::timed_out()));
        }
        let before = body + reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(e) => e,
            Err(e) => {
                let at = body + reader.error_position() as usize;
                return (out, error(at, e.to_string()));
            }
        };
        let after = body + reader.buffer_position() as usize;
        let in_target = open.as_ref().is_some_and(|o| o.is_target) && alt.is_none();
        let skipped = !translatable.last().copied().unwrap_or(true);
        match event {
            Event::Start(e) => {
                depth += 1;
                names.push(e.name().as_ref().to_string());
                let inherited = translatable.last().copied().unwrap_or(true);
                translatable.push(match translate_attribute(&e) {
                    Some(value) => value,
                    None => inherited,
                });
                if in_target && protected.is_none() && is_protected(&e) {
                    protected = Some(depth);
                }
                if open.is_some() || alt.is_some() {
                    continue;
                }
                match e.local_name().as_ref() {
                    "alt-trans" => alt = Some(depth),
                    "trans-unit" | "unit" => {
                        id = e
                            .try_get_attribute("id")
                            .ok()
                            .flatten()
                            .map(|a| a.value.to_string())
                            .unwrap_or_default();
                        segment = 0;
                        source = None;
                        limits = unit_limits(&e);
                    }
                    "segment" => {
                        segment += 1;
                        source = None;
                    }
                    "source" | "target" => {
                        open = Some(Open {
                            is_target: e.local_name().as_ref() == "target",
                            depth,
                            start: after,
                        });
                        prose.clear();
                    }
                    _ => {}
                }
            }
            Event::Empty(e)
                if open.is_none()
                    && alt.is_none()
                    && !skipped
                    && e.local_name().as_ref() == "target" =>
            {
                push(
                    &mut out,
                    &id,
                    segment,
                    after..after,
                    source.clone(),
                    before,
                    &[],
                    &limits,
                );
            }
            Event::End(_) => {
                names.pop();
                let was_translatable = translatable.pop().unwrap_or(true);
                if protected == Some(depth) {
                    protected = None;
                }
                if alt == Some(depth) {
                    alt = None;
                } else if let Some(o) = open.as_ref().filter(|o| o.depth == depth) {
                    if o.is_target && was_translatable {
                        let start = o.start;
                        push(
                            &mut out,
                            &id,
                            segment,
                            start..before,
                            source.clone(),
                            start,
                            &prose,
                            &limits,
                        );
                    } else if !o.is_target {
                        source = Some(text[o.start..before].to_string());
                    }
                    open = None;
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(_) if in_target && protected.is_none() => {
                add_prose(text, before..after, &mut prose)
            }
            Event::CData(_) if in_target && protected.is_none() => {
                // `<![CDATA[` ... `]]>`: the content is text.
                add_prose(
                    text,
                    before + 9..after.saturating_sub(3).max(before + 9),
                    &mut prose,
                );
            }
            _ => {}
        }
    }
    if let Some(name) = names.last() {
        return (
            out,
            error(text.len(), format!("the file ends inside <{name}>")),
        );
    }
    (out, None)
}

fn add_prose(text: &str, range: Range<usize>, prose: &mut Vec<Segment>) {
    if !text[range.clone()].trim().is_empty() {
        prose.push(Segment {
            range,
            kind: SegmentKind::Prose,
            block: 0,
        });
    }
}

/// `translate="yes"` or `"no"` on an element, when it says.
fn translate_attribute(e: &BytesStart<'_>) -> Option<bool> {
    let value = e.try_get_attribute("translate").ok().flatten()?;
    match value.value.as_ref() {
        "no" => Some(false),
        "yes" => Some(true),
        _ => None,
    }
}

/// An inline element whose text is not to be translated:
/// `<mrk translate="no">` (2.0), `<mrk mtype="protected">` (1.2).
fn is_protected(e: &BytesStart<'_>) -> bool {
    translate_attribute(e) == Some(false)
        || e.try_get_attribute("mtype")
            .ok()
            .flatten()
            .is_some_and(|a| a.value == "protected")
}

/// The length limits a `<trans-unit>` or `<unit>` sets on its targets.
fn unit_limits(e: &BytesStart<'_>) -> Vec<LengthLimit> {
    let mut attrs: Vec<(String, String)> = Vec::new();
    for a in e.attributes().flatten() {
        let local = a.key.local_name().as_ref().to_string();
        let value = a.value.into_owned();
        attrs.push((local, value));
    }
    let get = |name: &str| {
        attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let number = |name: &str| get(name).and_then(|v| v.trim().parse::<usize>().ok());
    let mut out = Vec::new();
    let mut add = |max: LimitMax, origin: String| out.push(LengthLimit { max, origin });
    if let Some(width) = number("maxwidth") {
        let unit = get("size-unit").unwrap_or("pixel");
        match unit {
            "char" | "glyph" | "col" => add(
                LimitMax::Chars(width),
                format!("maxwidth=\"{width}\" size-unit=\"{unit}\""),
            ),
            "byte" => add(
                LimitMax::Bytes(width),
                format!("maxwidth=\"{width}\" size-unit=\"byte\""),
            ),
            _ => {} // pixels, points, ...: a width salin cannot measure
        }
    }
    if let Some(bytes) = number("maxbytes") {
        add(LimitMax::Bytes(bytes), format!("maxbytes=\"{bytes}\""));
    }
    if let Some(size) = number("sizeRestriction") {
        add(
            LimitMax::Chars(size),
            format!("slr:sizeRestriction=\"{size}\""),
        );
    }
    if let Some(bytes) = number("storageRestriction") {
        add(
            LimitMax::Bytes(bytes),
            format!("slr:storageRestriction=\"{bytes}\""),
        );
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Collector,
    id: &str,
    segment: usize,
    range: Range<usize>,
    source: Option<String>,
    key_at: usize,
    prose: &[Segment],
    limits: &[LengthLimit],
) {
    let key = if segment > 1 {
        format!("{id}#{segment}")
    } else {
        id.to_string()
    };
    let block = out.units.len() as u32;
    out.segments
        .extend(prose.iter().map(|s| Segment { block, ..s.clone() }));
    out.regions.push(Region {
        range: range.clone(),
        quoting: Quoting::XmlContent,
    });
    out.units.push(Unit {
        kind: UnitKind::Value,
        key,
        key_range: key_at..key_at,
        pieces: vec![range],
        joiner: "\n",
        fuzzy: false,
        source,
        decoded: None,
        limits: limits.to_vec(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<(String, Option<String>, String)> {
        let (found, error) = parse(text, 0, None);
        assert_eq!(error, None);
        found
            .units
            .into_iter()
            .map(|u| (u.key.clone(), u.source.clone(), u.text(text)))
            .collect()
    }

    fn prose(text: &str) -> Vec<&str> {
        parse(text, 0, None)
            .0
            .segments
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect()
    }

    #[test]
    fn xliff_1_2() {
        let text = r#"<?xml version="1.0"?>
<xliff version="1.2"><file source-language="en" target-language="tl"><body>
<trans-unit id="greet"><source>Hello <g id="1">{name}</g> &amp; all</source>
<target>Kumusta <g id="1">{name}</g> &amp; lahat</target></trans-unit>
<trans-unit id="none"><source>Empty</source><target/><alt-trans><source>Empty</source><target>Walang laman</target></alt-trans></trans-unit>
</body></file></xliff>"#;
        assert_eq!(
            units(text),
            [
                (
                    "greet".into(),
                    Some(r#"Hello <g id="1">{name}</g> &amp; all"#.into()),
                    r#"Kumusta <g id="1">{name}</g> &amp; lahat"#.into()
                ),
                ("none".into(), Some("Empty".into()), String::new()),
            ]
        );
        assert_eq!(prose(text), ["Kumusta ", "{name}", " lahat"]);
    }

    #[test]
    fn xliff_2_0() {
        let text = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="tl">
<file id="f"><unit id="u1"><segment><source>Save <pc id="1">now</pc></source><target>I-save <pc id="1">ngayon</pc></target></segment>
<segment><source>Done.</source><target>Tapos na.</target></segment></unit></file></xliff>"#;
        assert_eq!(
            units(text),
            [
                (
                    "u1".into(),
                    Some(r#"Save <pc id="1">now</pc>"#.into()),
                    r#"I-save <pc id="1">ngayon</pc>"#.into()
                ),
                ("u1#2".into(), Some("Done.".into()), "Tapos na.".into()),
            ]
        );
    }

    #[test]
    fn attributes_comments_and_cdata() {
        let text = r#"<xliff><file><body><trans-unit id="a"><target>I-<ph id="1" equiv-text="a > I -update"/>click <!-- pag -unlad --><![CDATA[x < pag -unlad]]></target></trans-unit></body></file></xliff>"#;
        assert_eq!(prose(text), ["I-", "click ", "x < pag -unlad"]);
    }

    #[test]
    fn untranslatable_units_and_text_are_not_read() {
        let text = r#"<xliff version="1.2"><file><body>
<trans-unit id="a" translate="no"><source>ACME</source><target>ACME pag -unlad</target></trans-unit>
<group translate="no"><trans-unit id="b"><source>X</source><target>pag -unlad</target></trans-unit></group>
<group translate="no"><trans-unit id="c" translate="yes"><source>Y</source><target>Oo</target></trans-unit></group>
<trans-unit id="d"><source>Use <mrk mtype="protected">git pull</mrk> now</source><target>Gamitin ang <mrk mtype="protected">git pag -unlad</mrk> ngayon</target></trans-unit>
</body></file></xliff>"#;
        let keys: Vec<String> = units(text).into_iter().map(|u| u.0).collect();
        assert_eq!(keys, ["c", "d"]);
        assert_eq!(prose(text), ["Oo", "Gamitin ang ", " ngayon"]);
        let v2 = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"><file id="f">
<unit id="u1" translate="no"><segment><source>Brand</source><target>Tatak</target></segment></unit>
<unit id="u2"><segment><source>Save <mrk id="m" translate="no">Ctrl+S</mrk></source><target>I-save <mrk id="m" translate="no">Ctrl+S</mrk></target></segment></unit>
</file></xliff>"#;
        let keys: Vec<String> = units(v2).into_iter().map(|u| u.0).collect();
        assert_eq!(keys, ["u2"]);
        assert_eq!(prose(v2), ["I-save "]);
    }

    #[test]
    fn length_limits() {
        let text = r#"<xliff version="1.2" xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0"><file><body>
<trans-unit id="a" maxwidth="12" size-unit="char"><source>Save</source><target>I-save</target></trans-unit>
<trans-unit id="b" maxwidth="200" size-unit="pixel" maxbytes="30"><source>Open</source><target>Buksan</target></trans-unit>
<trans-unit id="c" maxwidth="9"><source>Go</source><target>Tara</target></trans-unit>
<trans-unit id="d" slr:sizeRestriction="8" slr:storageRestriction="16"><source>Go</source><target>Tara</target></trans-unit>
</body></file></xliff>"#;
        let (found, error) = parse(text, 0, None);
        assert_eq!(error, None);
        let limits: Vec<Vec<(LimitMax, String)>> = found
            .units
            .iter()
            .map(|u| u.limits.iter().map(|l| (l.max, l.origin.clone())).collect())
            .collect();
        assert_eq!(
            limits,
            [
                vec![(
                    LimitMax::Chars(12),
                    "maxwidth=\"12\" size-unit=\"char\"".to_string()
                )],
                vec![(LimitMax::Bytes(30), "maxbytes=\"30\"".to_string())],
                vec![],
                vec![
                    (LimitMax::Chars(8), "slr:sizeRestriction=\"8\"".to_string()),
                    (
                        LimitMax::Bytes(16),
                        "slr:storageRestriction=\"16\"".to_string()
                    ),
                ],
            ]
        );
    }

    #[test]
    fn broken_xml_is_an_error_with_its_line() {
        for (text, line) in [
            ("<xliff><trans-unit><target>a <b", 1),
            ("<xliff>\n<target></source></target>", 2),
            (
                "<xliff>\n<file>\n<trans-unit id=\"a\"><target>AT&T</target>",
                3,
            ),
            ("<xliff>\n<file>\n", 3),
        ] {
            let error = parse(text, 0, None)
                .1
                .unwrap_or_else(|| panic!("{text:?} parsed"));
            assert_eq!(error.line, line, "{text:?}: {error:?}");
            assert!(
                error.message.starts_with("not well-formed XML: "),
                "{error:?}"
            );
        }
    }

    #[test]
    fn deep_inline_markup_is_read() {
        let n = 30_000;
        let text = format!(
            "<xliff><trans-unit id=\"a\"><target>{}pag -unlad{}</target></trans-unit></xliff>",
            "<g id=\"1\">".repeat(n),
            "</g>".repeat(n)
        );
        let (found, error) = parse(&text, 0, None);
        assert_eq!(error, None);
        assert_eq!(found.segments.len(), 1);
    }
}
