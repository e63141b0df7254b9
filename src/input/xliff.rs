//! XLIFF 1.2 (`<trans-unit>`) and 2.0 (`<unit>`/`<segment>`): every
//! `<target>` is a translation unit whose source is the `<source>` beside it.
//! Inline tags (`<g>`, `<x/>`, `<ph>`, `<pc>`, ...) and entities stay intact:
//! only the text between them is prose.

#![allow(clippy::single_range_in_vec_init)] // a value of one piece

use quick_xml::Reader;
use quick_xml::events::Event;

use super::Segment;
use super::l10n::{Escape, Unit, UnitKind, unit_segments};

/// The units and prose segments of an XLIFF file.
pub(super) fn parse(text: &str, body: usize) -> (Vec<Segment>, Vec<Unit>) {
    let mut reader = Reader::from_str(&text[body..]);
    reader.config_mut().check_end_names = false;
    let mut units = Vec::new();
    let mut id = String::new();
    let mut segment = 0usize;
    let mut source: Option<String> = None;
    // The open `<source>` or `<target>`: is-target, depth, inner start.
    let mut open: Option<(bool, usize, usize)> = None;
    let mut depth = 0usize;
    // Inside `<alt-trans>` (1.2: suggestions, not the translation), at this
    // depth.
    let mut alt: Option<usize> = None;
    loop {
        let before = body + reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        let after = body + reader.buffer_position() as usize;
        match event {
            Event::Start(e) => {
                depth += 1;
                let name = e.local_name();
                let name = name.as_ref();
                if open.is_some() || alt.is_some() {
                    continue;
                }
                match name {
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
                    "source" => open = Some((false, depth, after)),
                    "target" => open = Some((true, depth, after)),
                    _ => {}
                }
            }
            Event::Empty(e)
                if open.is_none() && alt.is_none() && e.local_name().as_ref() == "target" =>
            {
                push(
                    &mut units,
                    &id,
                    segment,
                    after..after,
                    source.clone(),
                    before,
                );
            }
            Event::End(_) if alt == Some(depth) => {
                alt = None;
                depth = depth.saturating_sub(1);
            }
            Event::End(_) => {
                if let Some((is_target, d, start)) = open
                    && d == depth
                {
                    open = None;
                    if is_target {
                        push(
                            &mut units,
                            &id,
                            segment,
                            start..before,
                            source.clone(),
                            start,
                        );
                    } else {
                        source = Some(text[start..before].to_string());
                    }
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    (unit_segments(text, &units, Escape::Xml), units)
}

fn push(
    units: &mut Vec<Unit>,
    id: &str,
    segment: usize,
    range: std::ops::Range<usize>,
    source: Option<String>,
    key_at: usize,
) {
    let key = if segment > 1 {
        format!("{id}#{segment}")
    } else {
        id.to_string()
    };
    units.push(Unit {
        kind: UnitKind::Value,
        key,
        key_range: key_at..key_at,
        pieces: vec![range],
        joiner: "\n",
        fuzzy: false,
        source,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<(String, Option<String>, String)> {
        parse(text, 0)
            .1
            .into_iter()
            .map(|u| (u.key.clone(), u.source.clone(), u.text(text)))
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
        let prose: Vec<&str> = parse(text, 0)
            .0
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(prose, ["Kumusta ", "{name}", " lahat"]);
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
    fn broken_xml_does_not_panic() {
        let _ = parse("<xliff><trans-unit><target>a <b", 0);
        let _ = parse("<target></source></target>", 0);
    }
}
