//! JSON localisation files: flat and nested maps (i18next), Chrome
//! `messages.json` (only the `message` of each entry is prose) and Flutter
//! ARB (`@`-metadata keys are skipped).
//!
//! Parsed by `jsonc-parser` with every extension switched off (no comments,
//! no trailing or missing commas, no single quotes): malformed JSON is an
//! error naming the line, and nesting deeper than the parser's limit (512
//! levels) is an error too, never a stack overflow. Every string value is a
//! unit, decoded from its escapes; keys are never prose.

use jsonc_parser::ast::{ObjectPropName, Value as Json};
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions, parse_to_ast};

use super::ParseError;
use super::codec::Quoting;
use super::l10n::{Collector, Value};
use super::text_line;

/// Keys of a Chrome `messages.json` entry that are not prose.
const CHROME_METADATA: &[&str] = &["description", "placeholders", "example", "content"];

/// The units and prose segments of a JSON file, or where it is malformed.
pub(super) fn parse(text: &str, body: usize) -> (Collector, Option<ParseError>) {
    let mut out = Collector::default();
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        tokens: false,
    };
    match parse_to_ast(&text[body..], &collect, &options) {
        Ok(parsed) => {
            if let Some(value) = &parsed.value {
                walk(text, body, value, "", &mut out);
            }
            (out, None)
        }
        Err(e) => {
            let at = body + e.range().start;
            let error = ParseError {
                line: text_line(text, at),
                message: format!("not valid JSON: {}", e.kind()),
            };
            (out, Some(error))
        }
    }
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Adds the string values of `value` (at key path `path`) to `out`.
fn walk(text: &str, body: usize, value: &Json, path: &str, out: &mut Collector) {
    match value {
        Json::StringLit(s) => {
            let raw = body + s.range.start + 1..body + s.range.end - 1;
            out.push(
                text,
                Value {
                    key: path.to_string(),
                    key_range: raw.start..raw.start,
                    raw,
                    strings: Vec::new(),
                    quoting: Quoting::Json,
                    expected: Some(s.value.to_string()),
                    fuzzy: false,
                    source: None,
                },
                None,
            );
        }
        Json::Array(a) => {
            for (n, v) in a.elements.iter().enumerate() {
                walk(text, body, v, &format!("{path}[{n}]"), out);
            }
        }
        Json::Object(o) => {
            // A Chrome messages.json entry: only its `message` is prose.
            let chrome = o.properties.iter().any(|p| p.name.as_str() == "message");
            for prop in &o.properties {
                let (name, name_range) = match &prop.name {
                    ObjectPropName::String(s) => (
                        s.value.to_string(),
                        body + s.range.start + 1..body + s.range.end - 1,
                    ),
                    ObjectPropName::Word(w) => (
                        w.value.to_string(),
                        body + w.range.start..body + w.range.end,
                    ),
                };
                if name.starts_with('@') || (chrome && CHROME_METADATA.contains(&name.as_str())) {
                    continue;
                }
                let key = child(path, &name);
                let first = out.units.len();
                walk(text, body, &prop.value, &key, out);
                for u in &mut out.units[first..] {
                    if u.key == key {
                        u.key_range = name_range.clone();
                    }
                }
            }
        }
        Json::NumberLit(_) | Json::BooleanLit(_) | Json::NullKeyword(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<(String, String, String)> {
        parse(text, 0)
            .0
            .units
            .into_iter()
            .map(|u| {
                (
                    u.key.clone(),
                    text[u.key_range.clone()].to_string(),
                    u.text(text),
                )
            })
            .collect()
    }

    #[test]
    fn nested_i18next() {
        let text = r#"{"home": {"title": "Maligayang \"pagdating\"", "n": 3, "ok": true},
  "list": ["Una", null], "x": "" }"#;
        assert_eq!(
            units(text),
            [
                (
                    "home.title".into(),
                    "title".into(),
                    r#"Maligayang "pagdating""#.into()
                ),
                ("list[0]".into(), String::new(), "Una".into()),
                ("x".into(), "x".into(), String::new()),
            ]
        );
        let prose: Vec<&str> = parse(text, 0)
            .0
            .segments
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(prose, ["Maligayang ", "pagdating", "Una"]);
    }

    #[test]
    fn chrome_messages_and_arb() {
        let chrome = r#"{"appName": {"message": "Aking App", "description": "The name"}}"#;
        assert_eq!(
            units(chrome),
            [(
                "appName.message".into(),
                "message".into(),
                "Aking App".into()
            )]
        );
        let arb = r#"{"@@locale": "tl", "hello": "Kumusta {name}", "@hello": {"description": "Greeting", "placeholders": {"name": {}}}}"#;
        assert_eq!(
            units(arb),
            [("hello".into(), "hello".into(), "Kumusta {name}".into())]
        );
    }

    #[test]
    fn malformed_json_is_an_error_with_its_line() {
        for (text, line, message) in [
            (
                "{\"a\": \"isa\",\n \"b\": ",
                2,
                "not valid JSON: Expected value after colon in object property",
            ),
            (
                "{\n  // komento\n  \"a\": \"x\"\n}",
                2,
                "not valid JSON: Comments are not allowed",
            ),
            (
                "{\n  \"a\": \"x\"\n  \"b\": \"y\"\n}",
                2,
                "not valid JSON: Expected comma",
            ),
        ] {
            let (_, error) = parse(text, 0);
            let error = error.unwrap_or_else(|| panic!("{text:?} parsed"));
            assert_eq!(
                (error.line, error.message.as_str()),
                (line, message),
                "{text:?}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(6000);
        let error = parse(&text, 0).1.unwrap();
        assert_eq!(error.line, 1);
        assert_eq!(
            error.message,
            "not valid JSON: Maximum nesting depth exceeded"
        );
    }
}
