//! Fixes never fight (proptest): for every pair of rules, on generated
//! documents of every format (localisation files paired with a source, so
//! the source-aware rules fix too), `--fix --unsafe-fixes` with just those
//! two rules reaches a text that a second run leaves unchanged, with no
//! fixable finding left. (`company-suffix` adding the period of `Co.,
//! Ltd.` and `punctuation-mismatch` removing it went round for ever.)

use std::sync::Arc;

use proptest::prelude::*;
use salin::fix::fix_document;
use salin::rules::ALL;
use salin::{Applicability, Checker, Document, Format, Glossary};

const FRAGMENTS: &[&str] = &[
    "Acme Co, Ltd",
    "Acme Co., Ltd.",
    "Rizhi Co Ltd.",
    "Ang pag -unlad",
    "Award Award Award",
    "ang ang",
    "Maynila , at",
    "temperatura.Ang",
    "Glaxosmithkline",
    "Innovant",
    "nalang",
    "ng Mga tao",
    "\" Ang sipi",
    "{{pangalan}}",
    "1,500",
    "tagaMaynila",
    "ika 5",
    "dito rin",
    ":",
    "...",
    ".",
    " ",
];

const SOURCES: &[&str] = &[
    "Acme Co, Ltd",
    "Name:",
    "Save as...",
    "Done.",
    "Hello, {{name}}!",
    "1,050 items",
    " Cancel ",
];

fn value() -> impl Strategy<Value = String> {
    prop::collection::vec(0..FRAGMENTS.len(), 1..4).prop_map(|v| {
        v.into_iter()
            .map(|i| FRAGMENTS[i])
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn json(values: &[String]) -> String {
    let body: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("\"k{i}\": {}", serde_json::to_string(v).unwrap()))
        .collect();
    format!("{{{}}}\n", body.join(", "))
}

fn yaml(values: &[String]) -> String {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("k{i}: {}\n", serde_json::to_string(v).unwrap()))
        .collect()
}

fn documents(values: &[String], sources: &[usize]) -> Vec<Document> {
    let source_values: Vec<String> = sources[..values.len()]
        .iter()
        .map(|&s| SOURCES[s].to_string())
        .collect();
    let en = Arc::new(Document::new("en.json", json(&source_values), Format::Json));
    let prose = values.join(" ");
    let po: String = values
        .iter()
        .zip(&source_values)
        .enumerate()
        .map(|(i, (t, s))| {
            format!(
                "msgid \"{i} {}\"\nmsgstr {}\n\n",
                s.replace('"', "\\\""),
                serde_json::to_string(t).unwrap()
            )
        })
        .collect();
    // The pair that fought: `company-suffix` adds the period of `Ltd.`,
    // `punctuation-mismatch` saw a full stop the source lacks.
    let fought = Arc::new(Document::new("en.yml", "a: Acme Co, Ltd\n", Format::Yaml));
    vec![
        Document::new("tl.yml", "a: Acme Co, Ltd\n", Format::Yaml).with_source(fought),
        Document::new("a.txt", prose.clone(), Format::Plain),
        Document::new("a.md", format!("# Ulo\n\n*{prose}*\n"), Format::Markdown),
        Document::new("tl.yml", yaml(values), Format::Yaml).with_source(Arc::clone(&en)),
        Document::new("tl.json", json(values), Format::Json).with_source(en),
        Document::new("tl.po", po, Format::Po),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    #[test]
    fn no_two_rules_fight(
        values in prop::collection::vec(value(), 1..5),
        sources in prop::collection::vec(0..SOURCES.len(), 5),
    ) {
        let docs = documents(&values, &sources);
        for (i, a) in ALL.iter().enumerate() {
            for b in &ALL[i..] {
                let checker = Checker::with_rules(Glossary::embedded(), vec![*a, *b]).with_dictionary(None);
                for doc in &docs {
                    let fixed = fix_document(&checker, doc, Applicability::Unsafe);
                    let again = fix_document(&checker, &doc.with_text(fixed.text.clone()), Applicability::Unsafe);
                    prop_assert_eq!(
                        &again.text, &fixed.text,
                        "{} and {} fight in {}:\n{}", a.meta().name, b.meta().name, doc.name, doc.text
                    );
                    prop_assert!(
                        again.remaining.iter().all(|d| !d.is_fixable(Applicability::Unsafe)),
                        "{} and {} leave fixes in {}: {:?}", a.meta().name, b.meta().name, doc.name, again.remaining
                    );
                }
            }
        }
    }
}
