//! XLIFF 1.2 (`<trans-unit>`) and 2.0 (`<unit>`/`<segment>`): every
//! `<target>` is a translation unit whose source is the `<source>` beside it.
//! Only the text between inline tags (`<g>`, `<x/>`, `<ph>`, `<pc>`, ...),
//! entities and comments is prose, and CDATA sections are text; attributes
//! (`equiv-text="a > b"`) never are. The file must be well-formed XML: a
//! truncated file, a mismatched end tag or a bare `&` is an error naming the
//! line. Nesting is counted, never recursed into, so deep inline markup
//! costs linear time.

use std::ops::Range;
use std::time::Instant;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::codec::{Quoting, Region};
use super::l10n::Collector;
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
        match event {
            Event::Start(e) => {
                depth += 1;
                names.push(e.name().as_ref().to_string());
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
                if open.is_none() && alt.is_none() && e.local_name().as_ref() == "target" =>
            {
                push(
                    &mut out,
                    &id,
                    segment,
                    after..after,
                    source.clone(),
                    before,
                    &[],
                );
            }
            Event::End(_) => {
                names.pop();
                if alt == Some(depth) {
                    alt = None;
                } else if let Some(o) = open.as_ref().filter(|o| o.depth == depth) {
                    if o.is_target {
                        let start = o.start;
                        push(
                            &mut out,
                            &id,
                            segment,
                            start..before,
                            source.clone(),
                            start,
                            &prose,
                        );
                    } else {
                        source = Some(text[o.start..before].to_string());
                    }
                    open = None;
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(_) if in_target => add_prose(text, before..after, &mut prose),
            Event::CData(_) if in_target => {
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

fn push(
    out: &mut Collector,
    id: &str,
    segment: usize,
    range: Range<usize>,
    source: Option<String>,
    key_at: usize,
    prose: &[Segment],
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
