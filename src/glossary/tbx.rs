//! TBX (TermBase eXchange, ISO 30042) as CAT tools export it: TBX-Basic /
//! TBX v2 (`martif`, `termEntry`, `langSet`, `tig`/`ntig`) and TBX v3
//! (`tbx`, `conceptEntry`, `langSec`, `termSec`, in either the `termNote`
//! or the namespaced element style).
//!
//! For each entry, the terms of the target language (`tl` or `fil`, any
//! region) are the accepted spellings: the first preferred one is canonical,
//! and terms marked deprecated or superseded (`administrativeStatus`) are
//! forbidden. Terms of every other language are the `source`. An entry with
//! no Filipino terms keeps its names as they are in the first language given
//! (names usually stay untranslated).

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::error::line_of;
use super::{GlossaryError, Kind, Origin, Term};

#[derive(Default)]
struct Entry {
    line: usize,
    /// (language, term, status) in document order.
    terms: Vec<(String, String, Status)>,
    note: Option<String>,
    kind: Option<Kind>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Status {
    #[default]
    Unmarked,
    Preferred,
    Admitted,
    Forbidden,
}

impl Status {
    fn parse(s: &str) -> Status {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("preferred") {
            Status::Preferred
        } else if s.starts_with("admitted") {
            Status::Admitted
        } else if s.starts_with("deprecated")
            || s.starts_with("superseded")
            || s.contains("forbidden")
        {
            Status::Forbidden
        } else {
            Status::Unmarked
        }
    }
}

/// What the text being read belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    None,
    Term,
    Status,
    Note,
    Kind,
}

pub fn parse(text: &str, file: &str) -> Result<Vec<Term>, GlossaryError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    let mut terms = Vec::new();
    let mut entry: Option<Entry> = None;
    let mut lang = String::new();
    let mut capture = Capture::None;
    let mut buf = String::new();
    // Status of the term group being read, and its term.
    let mut pending: Option<(String, Status)> = None;
    let mut saw_root = false;
    // Open elements: a file that ends inside one is truncated.
    let mut open: Vec<String> = Vec::new();

    loop {
        let position = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let at = reader.error_position() as usize;
            GlossaryError::at(file, line_of(text, at), format!("malformed XML: {e}"))
        })?;
        let ends = matches!(event, Event::End(_));
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let is_empty = matches!(event, Event::Empty(_));
                let name = local_name(e);
                if !is_empty {
                    open.push(name.clone());
                }
                saw_root |= matches!(name.as_str(), "martif" | "tbx");
                match name.as_str() {
                    "termEntry" | "conceptEntry" => {
                        entry = Some(Entry {
                            line: line_of(text, position),
                            ..Entry::default()
                        })
                    }
                    "langSet" | "langSec" => lang = xml_lang(e).unwrap_or_default(),
                    "tig" | "ntig" | "termSec" => pending = Some((String::new(), Status::Unmarked)),
                    "term" if !is_empty => start(&mut capture, &mut buf, Capture::Term),
                    "termNote" | "descrip" | "admin" if !is_empty => {
                        let kind = type_attr(e).unwrap_or_default();
                        match kind.as_str() {
                            "administrativeStatus" | "normativeAuthorization" => {
                                start(&mut capture, &mut buf, Capture::Status)
                            }
                            "definition" => start(&mut capture, &mut buf, Capture::Note),
                            "conceptType" | "termType"
                                if entry.as_ref().is_some_and(|e| e.kind.is_none()) =>
                            {
                                start(&mut capture, &mut buf, Capture::Kind)
                            }
                            _ => {}
                        }
                    }
                    "administrativeStatus" | "normativeAuthorization" if !is_empty => {
                        start(&mut capture, &mut buf, Capture::Status)
                    }
                    "note" | "definition" if !is_empty => {
                        start(&mut capture, &mut buf, Capture::Note)
                    }
                    _ => {}
                }
            }
            Event::Text(t) if capture != Capture::None => buf.push_str(&t.xml10_content()),
            Event::CData(t) if capture != Capture::None => buf.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if capture != Capture::None => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                match resolved {
                    Some(c) => buf.push(c),
                    None => {
                        return Err(GlossaryError::at(
                            file,
                            line_of(text, position),
                            format!("unknown entity `&{};`", r.xml10_content()),
                        ));
                    }
                }
            }
            Event::End(ref e) => {
                let name = e.local_name().as_ref().to_string();
                let value = std::mem::take(&mut buf).trim().to_string();
                let captured = std::mem::replace(&mut capture, Capture::None);
                match (captured, name.as_str()) {
                    (Capture::Term, _) => {
                        if let Some((term, _)) = pending.as_mut() {
                            *term = value;
                        } else if let Some(en) = entry.as_mut() {
                            en.terms.push((lang.clone(), value, Status::Unmarked));
                        }
                    }
                    (Capture::Status, _) => {
                        if let Some((_, status)) = pending.as_mut() {
                            *status = Status::parse(&value);
                        }
                    }
                    (Capture::Note, _) => {
                        if let Some(en) = entry.as_mut() {
                            en.note.get_or_insert(value);
                        }
                    }
                    (Capture::Kind, _) => {
                        if let Some(en) = entry.as_mut() {
                            en.kind = kind_of(&value);
                        }
                    }
                    (Capture::None, _) => {}
                }
                match name.as_str() {
                    "tig" | "ntig" | "termSec" => {
                        if let (Some((term, status)), Some(en)) = (pending.take(), entry.as_mut())
                            && !term.is_empty()
                        {
                            en.terms.push((lang.clone(), term, status));
                        }
                    }
                    "termEntry" | "conceptEntry" => {
                        if let Some(en) = entry.take() {
                            terms.push(build(en, file)?);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if ends {
            open.pop();
        }
    }
    if let Some(name) = open.last() {
        return Err(GlossaryError::at(
            file,
            line_of(text, text.len()),
            format!("malformed XML: the file ends inside <{name}>"),
        ));
    }
    if !saw_root {
        return Err(GlossaryError::at(
            file,
            1,
            "not a TBX file (no <martif> or <tbx> root element)",
        ));
    }
    Ok(terms)
}

fn start(capture: &mut Capture, buf: &mut String, what: Capture) {
    *capture = what;
    buf.clear();
}

fn local_name(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

fn attr(e: &BytesStart, wanted: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == wanted)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn xml_lang(e: &BytesStart) -> Option<String> {
    attr(e, "xml:lang").or_else(|| attr(e, "lang"))
}

fn type_attr(e: &BytesStart) -> Option<String> {
    attr(e, "type")
}

fn kind_of(value: &str) -> Option<Kind> {
    let v = value.to_ascii_lowercase();
    Kind::parse(&v).or(match v.as_str() {
        "properNoun" | "propernoun" | "proper noun" => Some(Kind::Other),
        _ => None,
    })
}

fn is_target(lang: &str) -> bool {
    let l = lang.to_ascii_lowercase();
    l == "tl" || l == "fil" || l.starts_with("tl-") || l.starts_with("fil-") || l.starts_with("tl_")
}

fn build(entry: Entry, file: &str) -> Result<Term, GlossaryError> {
    let has_target = entry.terms.iter().any(|(l, _, _)| is_target(l));
    let first_lang = entry
        .terms
        .first()
        .map(|(l, _, _)| l.clone())
        .unwrap_or_default();
    let in_target = |l: &str| {
        if has_target {
            is_target(l)
        } else {
            l == first_lang
        }
    };
    let accepted: Vec<&(String, String, Status)> = entry
        .terms
        .iter()
        .filter(|(l, _, s)| in_target(l) && *s != Status::Forbidden)
        .collect();
    let Some(canonical) = accepted
        .iter()
        .find(|(_, _, s)| *s == Status::Preferred)
        .or_else(|| accepted.first())
        .map(|(_, t, _)| t.clone())
    else {
        return Err(GlossaryError::at(
            file,
            entry.line,
            "this entry has no accepted term (all are missing or deprecated)",
        ));
    };
    let mut term = Term::new(&canonical, Origin::new(file, entry.line));
    term.variants = accepted
        .iter()
        .map(|(_, t, _)| t.clone())
        .filter(|t| *t != canonical)
        .collect();
    term.forbidden = entry
        .terms
        .iter()
        .filter(|(l, _, s)| in_target(l) && *s == Status::Forbidden)
        .map(|(_, t, _)| t.clone())
        .collect();
    term.source = entry
        .terms
        .iter()
        .filter(|(l, _, _)| !is_target(l))
        .map(|(_, t, _)| t.clone())
        .collect();
    term.kind = entry.kind.unwrap_or_default();
    term.note = entry.note;
    term.validate()
        .map_err(|m| GlossaryError::at(file, entry.line, m))?;
    Ok(term)
}

#[cfg(test)]
mod tests {
    use super::*;

    const V2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <text><body>
    <termEntry id="t1">
      <descrip type="definition">Town in Minhang &amp; Shanghai</descrip>
      <langSet xml:lang="zh"><tig><term>华漕镇</term></tig></langSet>
      <langSet xml:lang="en"><tig><term>Huacao Town</term></tig></langSet>
      <langSet xml:lang="tl-PH">
        <tig><term>Huacao Town</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>Huacao</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
        <ntig><termGrp><term>Bayan ng Huacao</term></termGrp><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></ntig>
      </langSet>
    </termEntry>
    <termEntry id="t2">
      <langSet xml:lang="en"><tig><term>GlaxoSmithKline</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>"#;

    #[test]
    fn tbx_v2_basic() {
        let terms = parse(V2, "g.tbx").unwrap();
        assert_eq!(terms.len(), 2);
        let t = &terms[0];
        assert_eq!(t.canonical, "Huacao Town");
        assert_eq!(t.variants, ["Huacao"]);
        assert_eq!(t.forbidden, ["Bayan ng Huacao"]);
        assert_eq!(t.source, ["华漕镇", "Huacao Town"]);
        assert_eq!(t.note.as_deref(), Some("Town in Minhang & Shanghai"));
        assert_eq!(t.origin, Origin::new("g.tbx", 4));
        // No Filipino terms: the name stays as it is in English.
        assert_eq!(terms[1].canonical, "GlaxoSmithKline");
        assert!(terms[1].variants.is_empty());
    }

    #[test]
    fn tbx_v3_both_styles() {
        let text = r#"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="c1">
  <langSec xml:lang="en"><termSec><term>Innovent Biologics</term></termSec></langSec>
  <langSec xml:lang="fil">
    <termSec><term>Innovent</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>Innovant</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
  </langSec>
</conceptEntry>
<conceptEntry id="c2" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <langSec xml:lang="tl">
    <termSec><term>Takeda Pharmaceutical</term></termSec>
    <termSec><term>Takeda Pharmaceuticals</term><basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec>
  </langSec>
</conceptEntry>
</body></text></tbx>"#;
        let terms = parse(text, "g.tbx").unwrap();
        assert_eq!(terms[0].canonical, "Innovent");
        assert_eq!(terms[0].forbidden, ["Innovant"]);
        assert_eq!(terms[0].source, ["Innovent Biologics"]);
        assert_eq!(terms[1].canonical, "Takeda Pharmaceutical");
        assert_eq!(terms[1].forbidden, ["Takeda Pharmaceuticals"]);
    }

    #[test]
    fn malformed_xml_names_the_line() {
        let text =
            "<martif>\n<text><body>\n<termEntry>\n<langSet xml:lang=\"tl\"><tig><term>X</tig>\n";
        let e = parse(text, "g.tbx").unwrap_err();
        assert_eq!(e.file, "g.tbx");
        assert_eq!(e.line, Some(4));
        assert!(e.message.starts_with("malformed XML"), "{e}");
        // Truncated after a whole entry: an error, not a shorter glossary.
        let text = "<martif><text><body>\n<termEntry><langSet xml:lang=\"tl\"><tig><term>Innovent</term></tig></langSet></termEntry>\n<termEntry>";
        let e = parse(text, "g.tbx").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.tbx:3: malformed XML: the file ends inside <termEntry>"
        );
        let e = parse("<glossary/>", "g.tbx").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.tbx:1: not a TBX file (no <martif> or <tbx> root element)"
        );
        let e = parse("<martif><termEntry>\n<langSet xml:lang=\"tl\"><tig><term></term></tig></langSet></termEntry></martif>", "g.tbx").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.tbx:1: this entry has no accepted term (all are missing or deprecated)"
        );
    }
}
