//! Invariants of localisation files (proptest), on generated YAML, JSON, PO
//! and XLIFF files whose values hold errors, escapes and placeholders, paired
//! with a generated source:
//! - parsing any text in any format does not panic, and every segment and
//!   unit piece lies inside the text on character boundaries;
//! - every span and edit is well formed;
//! - fixing (unsafe fixes too) changes only the bytes of values: with every
//!   value cut out, the file is the same; and fixing again changes nothing.

use crate::common::skeleton;
use std::sync::Arc;

use proptest::prelude::*;
use salin::fix::fix_document;
use salin::{Applicability, Checker, Document, Format, Glossary};

/// Value fragments, written as in a backslash-escaped string.
const FRAGMENTS: &[&str] = &[
    "Ang pag -unlad",
    "I -save",
    "{{name}}",
    "{{pangalan}}",
    "%s",
    "%d",
    "1,500",
    "1,050",
    "\\n",
    "\\\"",
    "Award Award Award",
    "ng Mga tao",
    "ñandu",
    "https://x.ph/a",
    "help@x.ph",
    ":",
    "...",
    " ",
    ".",
    "Maynila , at",
];

fn value() -> impl Strategy<Value = String> {
    prop::collection::vec(0..FRAGMENTS.len(), 0..6)
        .prop_map(|v| v.into_iter().map(|i| FRAGMENTS[i]).collect())
}

/// A value written for `format`.
fn written(value: &str, format: Format) -> String {
    match format {
        Format::Xliff => value
            .replace("\\n", "&amp;")
            .replace("\\\"", "<g id=\"1\">x</g>"),
        _ => value.to_string(),
    }
}

fn file(format: Format, values: &[(String, bool)]) -> String {
    let mut out = String::new();
    match format {
        Format::Yaml => {
            out.push_str("# komento\ntl:\n  group:\n");
            for (i, (v, block)) in values.iter().enumerate() {
                let plain = v.replace("\\n", "").replace("\\\"", "");
                if *block && !plain.trim().is_empty() {
                    out.push_str(&format!("    k{i}: >-\n      {}\n", plain.trim()));
                } else {
                    out.push_str(&format!("    k{i}: \"{v}\"  # tala\n"));
                }
            }
        }
        Format::Json => {
            out.push_str("{\n  \"group\": {\n");
            for (i, (v, _)) in values.iter().enumerate() {
                let comma = if i + 1 < values.len() { "," } else { "" };
                out.push_str(&format!("    \"k{i}\": \"{v}\"{comma}\n"));
            }
            out.push_str("  }\n}\n");
        }
        _ => unreachable!(),
    }
    out
}

fn catalogue(format: Format, pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    match format {
        Format::Po => {
            out.push_str("msgid \"\"\nmsgstr \"\"\n\"Language: tl\\n\"\n\n");
            for (i, (s, t)) in pairs.iter().enumerate() {
                out.push_str(&format!(
                    "#: f.c:{i}\nmsgid \"{i} {s}\"\nmsgstr \"\"\n\"{t}\"\n\n"
                ));
            }
        }
        Format::Xliff => {
            out.push_str("<xliff version=\"1.2\"><file><body>\n");
            for (i, (s, t)) in pairs.iter().enumerate() {
                out.push_str(&format!(
                    "  <trans-unit id=\"u{i}\"><source>{}</source>\n    <target>{}</target></trans-unit>\n",
                    written(s, Format::Xliff),
                    written(t, Format::Xliff)
                ));
            }
            out.push_str("</body></file></xliff>\n");
        }
        _ => unreachable!(),
    }
    out
}

fn checker() -> &'static Checker {
    static CHECKER: std::sync::OnceLock<Checker> = std::sync::OnceLock::new();
    CHECKER.get_or_init(|| {
        Checker::with_rules(Glossary::embedded(), salin::rules::ALL.to_vec()).with_dictionary(None)
    })
}

fn check_fixing(doc: &Document) -> Result<(), TestCaseError> {
    let text = &doc.text;
    for d in checker().check(doc) {
        prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        if let Some(fix) = &d.fix {
            for e in &fix.edits {
                prop_assert!(e.range.end <= text.len());
                prop_assert!(
                    text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end)
                );
            }
        }
    }
    let fixed = fix_document(checker(), doc, Applicability::Unsafe);
    let after = doc.with_text(fixed.text.clone());
    prop_assert_eq!(skeleton(&after), skeleton(doc));
    let again = fix_document(checker(), &after, Applicability::Unsafe);
    prop_assert_eq!(again.applied, 0, "{}", fixed.text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn key_value_files_fix_only_values(
        pairs in prop::collection::vec((value(), value(), any::<bool>()), 1..6),
        json in any::<bool>(),
    ) {
        let format = if json { Format::Json } else { Format::Yaml };
        let source: Vec<(String, bool)> = pairs.iter().map(|p| (p.0.clone(), p.2)).collect();
        let target: Vec<(String, bool)> = pairs.iter().map(|p| (p.1.clone(), p.2)).collect();
        let source = Document::new("en", file(format, &source), format);
        let doc = Document::new("tl", file(format, &target), format).with_source(Arc::new(source));
        prop_assert_eq!(doc.units.len(), doc.units.iter().filter(|u| u.source.is_some()).count());
        check_fixing(&doc)?;
    }

    #[test]
    fn catalogues_fix_only_values(
        pairs in prop::collection::vec((value(), value()), 1..6),
        po in any::<bool>(),
    ) {
        let format = if po { Format::Po } else { Format::Xliff };
        let doc = Document::new("tl", catalogue(format, &pairs), format);
        prop_assert_eq!(doc.units.len(), pairs.len());
        check_fixing(&doc)?;
    }

    #[test]
    fn any_text_parses_in_any_format(text in "[ -~\\n\\tñ’é]{0,200}") {
        for format in [Format::Yaml, Format::Json, Format::Po, Format::Xliff] {
            let doc = Document::new("t", text.clone(), format);
            for s in &doc.segments {
                prop_assert!(s.range.start <= s.range.end && s.range.end <= text.len());
                prop_assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
            }
            for u in &doc.units {
                for p in &u.pieces {
                    prop_assert!(p.start <= p.end && p.end <= text.len());
                    prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
                }
            }
            let _ = checker().check(&doc);
        }
    }
}
