//! Reference parsers as oracles: a file that salin fixed must still parse
//! with a maintained parser of its format, with the same structure, the
//! same keys and the same values except the translatable text that was
//! fixed (which stays text). Shared by `tests/format_safety.rs` and the
//! fuzz targets (included by path), so it depends on nothing but the crates
//! both have.
//!
//! - YAML: `saphyr-parser` events (YAML 1.2), and YAML 1.1's reading of
//!   plain scalars (a changed value must not turn into `No`, `1.`, `~`);
//! - JSON: `serde_json`;
//! - PO: `polib`;
//! - XML (XLIFF): `roxmltree`;
//! - Markdown: `pulldown-cmark` (elements without their text).
#![allow(dead_code)]

use salin::{Document, Format};

/// Whether the text parses in its format with the reference parser.
pub fn parses(text: &str, format: Format) -> bool {
    match format {
        Format::Yaml => yaml_events(text).is_some(),
        Format::Json => {
            serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}')).is_ok()
        }
        Format::Po => !polib_misreads(text) && matches!(po_catalog(text), Some(Ok(_))),
        Format::Xliff => roxmltree::Document::parse(text.trim_start_matches('\u{feff}')).is_ok(),
        Format::Markdown | Format::Plain => true,
    }
}

/// Checks that `after` (the fixed text of `before`) keeps everything of
/// `before` but changed translatable values. `Err` says what changed.
pub fn same_but_values(before: &Document, after: &str) -> Result<(), String> {
    let text = before.text.as_str();
    match before.format {
        Format::Yaml => yaml(text, after),
        Format::Json => json(before, after),
        Format::Po => po(text, after),
        Format::Xliff => xml(text, after),
        Format::Markdown => {
            if markdown_shape(text) == markdown_shape(after) {
                Ok(())
            } else {
                Err("Markdown structure changed".into())
            }
        }
        Format::Plain => Ok(()),
    }
}

// ---- YAML ----

#[derive(Debug, PartialEq)]
enum Y {
    Scalar {
        value: String,
        plain: bool,
        tag: Option<String>,
        /// Tagged as a string (`!!str`): text whatever it reads like, as
        /// salin's reader judges it.
        string_tag: bool,
    },
    Other(String),
}

fn yaml_events(text: &str) -> Option<Vec<Y>> {
    use saphyr_parser::{Event, Parser, ScalarStyle};
    let mut out = Vec::new();
    let mut parser = Parser::new_from_str(text.trim_start_matches('\u{feff}'));
    loop {
        let (event, _) = parser.next_event()?.ok()?;
        match event {
            Event::StreamEnd => return Some(out),
            Event::Scalar(value, style, anchor, tag) => out.push(Y::Scalar {
                value: value.to_string(),
                plain: style == ScalarStyle::Plain,
                string_tag: tag.as_ref().is_some_and(|t| {
                    (t.is_yaml_core_schema() && t.suffix == "str")
                        || (t.handle == "!" && t.suffix.is_empty())
                }),
                tag: tag.map(|t| format!("{anchor}{t}")),
            }),
            other => out.push(Y::Other(format!("{other:?}"))),
        }
    }
}

/// A plain scalar YAML 1.1 or 1.2 reads as something other than a string.
fn yaml_non_string(value: &str) -> bool {
    let re = regex::Regex::new(concat!(
        r"^(?:|~|null|Null|NULL",
        r"|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
        r"|[-+]?[0-9][0-9_]*|0o[0-7]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+",
        r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?",
        r"|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?",
        r"|[-+]?[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+",
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*",
        r"|<<|=)$"
    ))
    .unwrap();
    re.is_match(value)
}

fn yaml(before: &str, after: &str) -> Result<(), String> {
    let old = yaml_events(before).ok_or("the original is not YAML")?;
    let new = yaml_events(after).ok_or_else(|| format!("no longer YAML:\n{after}"))?;
    if old.len() != new.len() {
        return Err(format!("YAML structure changed:\n{before}\n---\n{after}"));
    }
    // Open collections: (is a mapping, expects a key next).
    let mut stack: Vec<(bool, bool)> = Vec::new();
    let advance = |stack: &mut Vec<(bool, bool)>| {
        if let Some((true, k)) = stack.last_mut() {
            *k = !*k;
        }
    };
    for (o, n) in old.iter().zip(&new) {
        let is_key = matches!(stack.last(), Some((true, true)));
        match (o, n) {
            (Y::Other(a), Y::Other(b)) => {
                if a != b {
                    return Err(format!("YAML event {a} became {b}"));
                }
                if a.starts_with("MappingStart") || a.starts_with("SequenceStart") {
                    stack.push((a.starts_with("MappingStart"), true));
                } else if a.starts_with("MappingEnd") || a.starts_with("SequenceEnd") {
                    stack.pop();
                    advance(&mut stack);
                } else if a.starts_with("Alias") {
                    advance(&mut stack);
                } else if a.starts_with("Document") {
                    stack.clear();
                }
            }
            (
                Y::Scalar {
                    value: a,
                    plain: pa,
                    tag: ta,
                    string_tag,
                },
                Y::Scalar {
                    value: b,
                    plain: pb,
                    tag: tb,
                    ..
                },
            ) => {
                if ta != tb {
                    return Err(format!("tag of {a:?} changed"));
                }
                if a != b {
                    if is_key {
                        return Err(format!("key {a:?} became {b:?}"));
                    }
                    // A value tagged as a string is text (salin checks it);
                    // any other tag, or a plain non-string, is not.
                    if !string_tag && ((*pa && yaml_non_string(a)) || ta.is_some()) {
                        return Err(format!("non-text value {a:?} became {b:?}"));
                    }
                    if !string_tag && *pb && yaml_non_string(b) {
                        return Err(format!("text {a:?} became the non-string {b:?}"));
                    }
                }
                advance(&mut stack);
            }
            (a, b) => return Err(format!("YAML node {a:?} became {b:?}")),
        }
    }
    Ok(())
}

// ---- JSON ----

fn json(before: &Document, after: &str) -> Result<(), String> {
    let parse =
        |t: &str| serde_json::from_str::<serde_json::Value>(t.trim_start_matches('\u{feff}'));
    let old = parse(&before.text).map_err(|e| format!("the original is not JSON: {e}"))?;
    let new = parse(after).map_err(|e| format!("no longer JSON: {e}\n{after}"))?;
    let units: Vec<&str> = before.units.iter().map(|u| u.key.as_str()).collect();
    json_same(&old, &new, "", &units)
}

fn json_same(
    old: &serde_json::Value,
    new: &serde_json::Value,
    path: &str,
    units: &[&str],
) -> Result<(), String> {
    use serde_json::Value as V;
    match (old, new) {
        (V::Object(a), V::Object(b)) => {
            let ka: Vec<&String> = a.keys().collect();
            let kb: Vec<&String> = b.keys().collect();
            if ka != kb {
                return Err(format!("keys at {path:?} changed: {ka:?} → {kb:?}"));
            }
            for (k, v) in a {
                let child = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                json_same(v, &b[k], &child, units)?;
            }
            Ok(())
        }
        (V::Array(a), V::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                json_same(x, y, &format!("{path}[{i}]"), units)?;
            }
            Ok(())
        }
        (V::String(a), V::String(b)) => {
            // A file paired with its source names its units without the
            // locale root (`tl.a.b` is the unit `a.b`).
            let checked = |key: &str| {
                key == path || path.split_once('.').is_some_and(|(_, rest)| rest == key)
            };
            if a != b && !units.iter().any(|k| checked(k)) {
                return Err(format!(
                    "{path}: {a:?} became {b:?}, but it is no value salin checks"
                ));
            }
            Ok(())
        }
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{path}: {a} became {b}")),
    }
}

// ---- PO ----

/// Whether the file has a keyword written against its string
/// (`msgstr""`: GNU gettext reads it, polib does not read it the same way;
/// the fuzzer's fifth find), a plural index polib does not know, an
/// indented keyword, or a message id twice:
/// such a file cannot be judged with polib.
fn polib_misreads(text: &str) -> bool {
    // Two messages with one id (invalid for msgfmt): polib merges them in
    // its own way (the fuzzer's seventh find).
    let mut ids = std::collections::HashSet::new();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut headers = 0;
    let duplicate = lines.iter().enumerate().any(|(i, l)| {
        if *l == "msgid \"\"" {
            // An empty id (a header) unless strings continue it; two
            // headers are a duplicate too.
            let next = lines[i + 1..].iter().find(|n| !n.is_empty());
            headers += usize::from(next.is_some_and(|n| n.starts_with("msgstr")));
            return headers > 1;
        }
        l.starts_with("msgid ") && !ids.insert(*l)
    });
    // A keyword after blanks: GNU gettext skips them, polib does not (the
    // fuzzer's eighth find).
    let indented = text
        .lines()
        .any(|l| l.starts_with([' ', '\t']) && l.trim_start().starts_with("msg"));
    duplicate
        || indented
        || text.lines().any(|l| {
            let l = l.trim_start();
            ["msgctxt\"", "msgid\"", "msgid_plural\"", "msgstr\""]
                .iter()
                .any(|k| l.starts_with(k))
                || l.strip_prefix("msgstr[")
                    .is_some_and(|rest| !polib_plural_index(rest))
        })
}

/// Whether polib reads the plural form a `msgstr[` line opens: it knows
/// only `msgstr[0] ` to `msgstr[9] `, one digit and a space after the
/// bracket. Any other index (`msgstr[21]`, valid for msgfmt) it skips, and
/// adds the value's continuation lines to the field before (the fuzzer's
/// ninth find).
fn polib_plural_index(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 3 && b[0].is_ascii_digit() && b[1] == b']' && b[2] == b' '
}

/// The catalog polib reads, or `None` when polib panics (it does on some
/// malformed input; the fuzzer found one): such a file cannot be judged.
/// The panic hook is silenced meanwhile, since libFuzzer's aborts.
fn po_catalog(text: &str) -> Option<Result<polib::catalog::Catalog, String>> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read = std::panic::catch_unwind(|| {
        polib::po_file::parse_from_reader(text.as_bytes()).map_err(|e| e.to_string())
    });
    std::panic::set_hook(hook);
    read.ok()
}

fn po(before: &str, after: &str) -> Result<(), String> {
    let old = po_catalog(before)
        .ok_or("polib panics on the original")?
        .map_err(|e| format!("the original is not PO: {e}"))?;
    let new = po_catalog(after)
        .ok_or_else(|| format!("polib panics on the fixed file:\n{after}"))?
        .map_err(|e| format!("no longer PO: {e}\n{after}"))?;
    let ids = |c: &polib::catalog::Catalog| -> Vec<String> {
        // A comment after the last message is read as a message without an
        // id; salin may delete such a comment (an unused suppression).
        c.messages()
            .filter(|m| !m.msgid().is_empty())
            .map(|m| {
                format!(
                    "{:?}|{:?}|{:?}|{:?}|{}",
                    m.msgctxt(),
                    m.msgid(),
                    m.msgid_plural().ok(),
                    m.flags().to_string(),
                    m.is_plural()
                )
            })
            .collect()
    };
    if ids(&old) != ids(&new) {
        return Err(format!("PO messages changed:\n{before}\n---\n{after}"));
    }
    Ok(())
}

// ---- XML ----

fn xml(before: &str, after: &str) -> Result<(), String> {
    let parse = |t: &str| {
        roxmltree::Document::parse(t.trim_start_matches('\u{feff}')).map(|d| xml_shape(&d))
    };
    let old = parse(before).map_err(|e| format!("the original is not XML: {e}"))?;
    let new = parse(after).map_err(|e| format!("no longer well-formed XML: {e}\n{after}"))?;
    if old != new {
        return Err(format!(
            "XML changed outside the text of targets:\n{before}\n---\n{after}"
        ));
    }
    Ok(())
}

/// Every node in document order: elements with their attributes, comments
/// and processing instructions, and text outside `<target>` elements. Inside
/// a target, inline elements count by name (a fix may swap `<g id="2">` for
/// the source's `<g id="1">`), text not at all.
fn xml_shape(doc: &roxmltree::Document) -> Vec<String> {
    let mut out = Vec::new();
    for node in doc.descendants() {
        // `ancestors()` starts with the node itself.
        let in_target = node
            .ancestors()
            .skip(1)
            .any(|a| a.tag_name().name() == "target");
        match node.node_type() {
            roxmltree::NodeType::Element if in_target => {
                out.push(format!("<{}", node.tag_name().name()));
            }
            roxmltree::NodeType::Element => {
                let attrs: Vec<String> = node
                    .attributes()
                    .map(|a| format!("{}={}", a.name(), a.value()))
                    .collect();
                out.push(format!("<{} {}", node.tag_name().name(), attrs.join(" ")));
            }
            // A fix may empty a text node (blanks a source lacks).
            roxmltree::NodeType::Text if in_target => {}
            other => out.push(format!("{other:?} {:?}", node.text())),
        }
    }
    out
}

// ---- Markdown ----

/// The elements of a Markdown text in order, without text, link targets or
/// HTML (salin deletes its own suppression comments).
pub fn markdown_shape(text: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut out: Vec<String> = Vec::new();
    for event in Parser::new_ext(text, options) {
        let item = match event {
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => continue,
            Event::Html(_) | Event::InlineHtml(_) => continue,
            Event::Start(Tag::Link { link_type, .. }) => format!("link {link_type:?}"),
            Event::Start(Tag::Image { link_type, .. }) => format!("image {link_type:?}"),
            Event::Start(Tag::CodeBlock(_)) => "code block".into(),
            Event::Start(tag) => format!("{tag:?}"),
            Event::End(tag) => format!("end {tag:?}"),
            Event::Text(_) => {
                if out.last().is_some_and(|l| l == "text") {
                    continue;
                }
                "text".into()
            }
            Event::Code(_) => "code".into(),
            other => format!("{other:?}"),
        };
        out.push(item);
    }
    out
}
