//! The format-safety property (proptest): documents of every format, with
//! every scalar style and markup, hold text that triggers every rule
//! (glossary names that need escaping included); after `--fix` and
//! `--fix --unsafe-fixes` the file still parses with the format's reference
//! parser (`tests/common/oracle.rs`) with the same structure, keys and
//! non-text values, and fixing again changes nothing. The same check runs
//! in the fuzz targets `yaml`, `json`, `po`, `xliff` and
//! `markdown_structure`.

use std::sync::{Arc, OnceLock};

use crate::oracle;
use proptest::prelude::*;
use salin::fix::fix_document;
use salin::{Applicability, Checker, Document, Format};

/// Decoded text: errors for every rule, names that need escaping, marks
/// with a meaning in some syntax.
const FRAGMENTS: &[&str] = &[
    "Ang pag -unlad",
    "I -update",
    "Mcdonald\u{2019}s",
    "Toys R Us",
    "AT and T",
    "Ben and Jerrys",
    "Back Slash",
    "No No No",
    "1 .",
    "Acme Co, Ltd",
    "Award Award Award",
    "ng Mga tao",
    "ñandu",
    "{{name}}",
    "{{pangalan}}",
    "%s",
    "Tapos na",
    "Pangalan",
    ":",
    "'",
    "\"",
    "#",
    "*",
    "&",
    "<b>",
    "Maynila , at",
    "Yes Yes Yes",
    "\\",
    "Glaxosmithkline",
    "...",
    ".",
];

/// Source texts for paired files.
const SOURCES: &[&str] = &[
    "Name:",
    "Done\n",
    " Hello",
    "Hello, {{name}}!",
    "Acme Co, Ltd",
    "Save as...",
    "Cancel",
    "<a href=\"/x\">See</a>",
    "%s files",
];

fn value() -> impl Strategy<Value = String> {
    prop::collection::vec((0..FRAGMENTS.len(), prop::bool::ANY), 1..5).prop_map(|v| {
        let mut out = String::new();
        for (i, (f, newline)) in v.into_iter().enumerate() {
            if i > 0 {
                out.push(if newline { '\n' } else { ' ' });
            }
            out.push_str(FRAGMENTS[f]);
        }
        out
    })
}

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(crate::names::checker_with_every_rule)
}

// ---- writers: decoded text → the file's syntax ----

fn double(v: &str) -> String {
    let mut out = String::from("\"");
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `v` can be written as a YAML plain scalar that reads back as
/// the same string (conservatively).
fn plain_ok(v: &str) -> bool {
    let first = v.chars().next();
    !v.is_empty()
        && v.trim() == v
        && !v.contains([
            '\n', '#', ':', '"', '\'', '\\', '*', '&', '[', ']', '{', '}', ',', '%', '<', '>', '|',
            '!', '`', '@',
        ])
        && !first.is_some_and(|c| matches!(c, '-' | '?'))
        && !["No No No", "Yes Yes Yes"].contains(&v)
        && v.parse::<f64>().is_err()
        && !matches!(v, "No" | "Yes" | "." | "...")
}

/// A YAML value in one of the styles, indented for a mapping value at
/// `indent`.
fn yaml_value(v: &str, style: u8, indent: usize) -> String {
    let pad = " ".repeat(indent + 2);
    let blockable = v.trim() == v && !v.is_empty() && !v.contains(['\\', '\t']);
    match style % 6 {
        0 if plain_ok(v) => v.to_string(),
        1 if !v.contains('\n') => format!("'{}'", v.replace('\'', "''")),
        2 if blockable => {
            let lines: Vec<String> = v.lines().map(|l| format!("{pad}{l}")).collect();
            format!("|-\n{}", lines.join("\n"))
        }
        3 if blockable && !v.contains('\n') => format!(">\n{pad}{v}"),
        4 if plain_ok(v) && v.contains(' ') => {
            // A plain scalar over two lines.
            let (a, b) = v.split_once(' ').unwrap();
            format!("{a}\n{pad}{b}")
        }
        _ => double(v),
    }
}

fn yaml(values: &[(String, u8)]) -> String {
    let mut out = String::from("# komento\ntl:\n  count: 3\n  flag: No\n");
    for (i, (v, style)) in values.iter().enumerate() {
        match i % 5 {
            0 => out.push_str(&format!("  k{i}: {}\n", yaml_value(v, *style, 2))),
            1 => out.push_str(&format!(
                "  k{i}:\n    - {}\n    - 2\n",
                yaml_value(v, *style, 4)
            )),
            2 => out.push_str(&format!("  k{i}: &a{i} {}  # tala\n", double(v))),
            3 => out.push_str(&format!("  ? k{i}\n  : {}\n", yaml_value(v, *style, 2))),
            _ => out.push_str(&format!("  k{i}: [{}, 1]\n", double(v))),
        }
    }
    if values.len() > 2 {
        out.push_str("  alias: *a2\n");
    }
    out
}

fn json(values: &[(String, u8)]) -> String {
    let mut out = String::from("{\n  \"tl\": {\n    \"n\": 3,\n");
    for (i, (v, _)) in values.iter().enumerate() {
        let s = serde_json::to_string(v).unwrap();
        out.push_str(&format!(
            "    \"k{i}\": {s},\n    \"@k{i}\": {{\"description\": {s}}},\n"
        ));
    }
    out.push_str("    \"end\": [true, null]\n  }\n}\n");
    out
}

fn po_string(v: &str) -> String {
    let mut out = String::new();
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

fn po(pairs: &[(String, String, u8)]) -> String {
    let mut out = String::from("msgid \"\"\nmsgstr \"\"\n\"Language: tl\\n\"\n\n");
    for (i, (s, t, style)) in pairs.iter().enumerate() {
        out.push_str(&format!("#: f.c:{i}\nmsgid \"{i} {}\"\n", po_string(s)));
        match style % 3 {
            0 => out.push_str(&format!("msgstr \"{}\"\n\n", po_string(t))),
            1 => {
                let mut half = t.len() / 2;
                while !t.is_char_boundary(half) {
                    half += 1;
                }
                let (a, b) = t.split_at(half);
                out.push_str(&format!(
                    "msgstr \"\"\n\"{}\"\n\"{}\"\n\n",
                    po_string(a),
                    po_string(b)
                ));
            }
            _ => out.push_str(&format!("#, fuzzy\nmsgstr \"{}\"\n\n", po_string(t))),
        }
    }
    out.push_str("#~ msgid \"old\"\n#~ msgstr \"I -luma\"\n");
    out
}

fn xml_text(v: &str, style: u8) -> String {
    let escaped = v
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    match style % 4 {
        0 => escaped,
        1 => format!("<g id=\"1\">{escaped}</g> <x id=\"2\" equiv-text=\"a > I -update\"/>"),
        2 => format!("{escaped} <!-- pag -unlad --> &#233;"),
        _ if !v.contains("]]>") => format!("<![CDATA[{v}]]> at {escaped}"),
        _ => escaped,
    }
}

fn xliff(pairs: &[(String, String, u8)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"tl\"><body>\n",
    );
    for (i, (s, t, style)) in pairs.iter().enumerate() {
        out.push_str(&format!(
            "<trans-unit id=\"u{i}\"><source>{}</source>\n  <target>{}</target></trans-unit>\n",
            xml_text(s, *style),
            // A renumbered tag: the unsafe placeholder fix swaps it back.
            xml_text(t, *style).replace("<g id=\"1\">", "<g id=\"2\">")
        ));
    }
    out.push_str("</body></file></xliff>\n");
    out
}

fn markdown(values: &[(String, u8)]) -> String {
    let mut out = String::from("# Pamagat Co, Ltd\n\n");
    let mut defs = String::new();
    for (i, (v, style)) in values.iter().enumerate() {
        let v = v.replace('\n', " ");
        match style % 6 {
            0 => out.push_str(&format!("{v}\n\n")),
            1 => out.push_str(&format!("Ang *{v}*ay at **{v}** dito.\n\n")),
            2 => {
                out.push_str(&format!("Tingnan ang [{v}] at [iba][r{i}].\n\n"));
                defs.push_str(&format!(
                    "[{v}]: https://example.com/{i}\n[r{i}]: https://example.com/r\n"
                ));
            }
            3 => out.push_str(&format!("- {v}\n- [{v}](https://x.ph)\n\n")),
            4 => out.push_str(&format!("| a | b |\n|---|---|\n| {v} | x |\n\n")),
            _ => out.push_str(&format!("> {v} `pag -unlad`\n\n")),
        }
    }
    out.push('\n');
    out.push_str(&defs);
    out
}

/// Fixes `doc` (safe, then unsafe) and asserts the format-safety property.
fn assert_safe(doc: &Document) -> Result<(), TestCaseError> {
    prop_assert!(
        doc.syntax.error.is_none(),
        "generated file unreadable: {:?}\n{}",
        doc.syntax.error,
        doc.text
    );
    prop_assert!(
        oracle::parses(&doc.text, doc.format),
        "generated file not valid:\n{}",
        doc.text
    );
    for allowed in [Applicability::Safe, Applicability::Unsafe] {
        let fixed = fix_document(checker(), doc, allowed);
        if let Err(e) = oracle::same_but_values(doc, &fixed.text) {
            return Err(TestCaseError::fail(format!(
                "{e}\n--- before:\n{}\n--- after:\n{}",
                doc.text, fixed.text
            )));
        }
        let after = doc.with_text(fixed.text.clone());
        prop_assert!(
            after.syntax.error.is_none(),
            "salin cannot read its fix:\n{}",
            fixed.text
        );
        let again = fix_document(checker(), &after, allowed);
        prop_assert_eq!(&again.text, &fixed.text);
        prop_assert_eq!(again.applied, 0);
    }
    Ok(())
}

fn values() -> impl Strategy<Value = Vec<(String, u8)>> {
    prop::collection::vec((value(), any::<u8>()), 1..7)
}

fn pairs() -> impl Strategy<Value = Vec<(String, String, u8)>> {
    prop::collection::vec((value(), value(), any::<u8>()), 1..6)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn yaml_fixes_keep_the_file(values in values(), sources in prop::collection::vec(0..SOURCES.len(), 7)) {
        let doc = Document::new("tl.yml", yaml(&values), Format::Yaml);
        assert_safe(&doc)?;
        // Paired with a source (JSON, so quoting differs): the
        // source-aware fixes too.
        let source: Vec<(String, u8)> = sources.iter().map(|&s| (SOURCES[s].to_string(), 0)).collect();
        let source = Document::new("en.json", json(&source[..values.len()]), Format::Json);
        assert_safe(&doc.with_source(Arc::new(source)))?;
    }

    #[test]
    fn json_fixes_keep_the_file(values in values(), sources in prop::collection::vec((0..SOURCES.len(), any::<u8>()), 7)) {
        let doc = Document::new("tl.json", json(&values), Format::Json);
        assert_safe(&doc)?;
        let source: Vec<(String, u8)> = sources.iter().map(|&(s, style)| (SOURCES[s].to_string(), style)).collect();
        let source = Document::new("en.yml", yaml(&source[..values.len()]), Format::Yaml);
        assert_safe(&doc.with_source(Arc::new(source)))?;
    }

    #[test]
    fn po_fixes_keep_the_file(pairs in pairs()) {
        assert_safe(&Document::new("tl.po", po(&pairs), Format::Po))?;
    }

    #[test]
    fn xliff_fixes_keep_the_file(pairs in pairs()) {
        assert_safe(&Document::new("tl.xlf", xliff(&pairs), Format::Xliff))?;
    }

    #[test]
    fn markdown_fixes_keep_the_structure(values in values()) {
        assert_safe(&Document::new("a.md", markdown(&values), Format::Markdown))?;
    }
}
