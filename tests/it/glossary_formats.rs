//! The four glossary formats load the same glossary and find the same
//! matches; broken glossaries are errors naming file and line.

use crate::common::salin;
use std::path::Path;

use salin::glossary::{self, Term};
use salin::{Checker, Document, Format, Glossary};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/glossary")
        .join(name)
}

/// canonical, variants, forbidden, source, kind, note
type Essence = (
    String,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    &'static str,
    Option<String>,
);

/// The parts of a term that do not depend on the file it came from.
fn essence(t: &Term) -> Essence {
    (
        t.canonical.clone(),
        t.variants.clone(),
        t.forbidden.clone(),
        t.source.clone(),
        t.kind.as_str(),
        t.note.clone(),
    )
}

const TEXT: &str = "Sa bayan ng Huacao, nagpulong ang Glaxosmithkline, ang Glaxo Smith Kline,\n\
                    ang Innovant, ang INNOVENT biologics at ang Shanghai Pharmaceutical Holdings.\n";

fn findings(terms: Vec<Term>) -> Vec<(String, String, Option<String>)> {
    let checker = Checker::new(Glossary::new(terms));
    let doc = Document::new("t.txt", TEXT, Format::Plain);
    checker
        .check(&doc)
        .into_iter()
        .filter(|d| d.rule.starts_with("glossary-"))
        .map(|d| (d.rule.to_string(), TEXT[d.span].to_string(), d.suggestion))
        .collect()
}

#[test]
fn every_format_loads_the_same_terms_and_matches() {
    let csv = glossary::load(&fixture("names.csv")).unwrap();
    let toml = glossary::load(&fixture("names.toml")).unwrap();
    let tbx = glossary::load(&fixture("names.tbx")).unwrap();
    let tsv = glossary::load(&fixture("names.tsv")).unwrap();
    let csv_e: Vec<_> = csv.iter().map(essence).collect();
    assert_eq!(csv_e, toml.iter().map(essence).collect::<Vec<_>>());
    assert_eq!(csv_e, tbx.iter().map(essence).collect::<Vec<_>>());
    let accepted = |ts: &[Term]| -> Vec<(String, Vec<String>)> {
        ts.iter()
            .map(|t| (t.canonical.clone(), t.variants.clone()))
            .collect()
    };
    assert_eq!(accepted(&csv), accepted(&tsv));

    let expected = [
        ("glossary-forbidden", "bayan ng Huacao", Some("Huacao Town")),
        ("glossary-case", "Glaxosmithkline", Some("GlaxoSmithKline")),
        (
            "glossary-forbidden",
            "Glaxo Smith Kline",
            Some("GlaxoSmithKline"),
        ),
        ("glossary-forbidden", "Innovant", Some("Innovent")),
        (
            "glossary-case",
            "INNOVENT biologics",
            Some("Innovent Biologics"),
        ),
        (
            "glossary-near-miss",
            "Shanghai Pharmaceutical Holdings",
            Some("Shanghai Pharmaceutical Holding"),
        ),
    ]
    .map(|(r, t, s)| (r.to_string(), t.to_string(), s.map(str::to_string)))
    .to_vec();
    assert_eq!(findings(csv), expected);
    assert_eq!(findings(toml), expected);
    assert_eq!(findings(tbx), expected);
    // TSV has no forbidden forms: `Innovant` is then only a near miss.
    let tsv_expected: Vec<_> = vec![
        ("glossary-case", "Glaxosmithkline", Some("GlaxoSmithKline")),
        ("glossary-near-miss", "Innovant", Some("Innovent")),
        (
            "glossary-case",
            "INNOVENT biologics",
            Some("Innovent Biologics"),
        ),
        (
            "glossary-near-miss",
            "Shanghai Pharmaceutical Holdings",
            Some("Shanghai Pharmaceutical Holding"),
        ),
    ]
    .into_iter()
    .map(|(r, t, s)| (r.to_string(), t.to_string(), s.map(str::to_string)))
    .collect();
    assert_eq!(findings(tsv), tsv_expected);
}

#[test]
fn glossary_check_reports_duplicates_and_conflicts() {
    let dir = tempfile::TempDir::new().unwrap();
    std::fs::write(dir.path().join("a.tsv"), "Innovent\nHuacao Town\tHuacao\n").unwrap();
    std::fs::write(
        dir.path().join("b.toml"),
        "[[term]]\ncanonical = \"INNOVENT\"\n\n[[term]]\ncanonical = \"Minhang\"\nforbidden = [\"Huacao\"]\n",
    )
    .unwrap();
    let out = salin()
        .current_dir(dir.path())
        .args(["glossary", "check", "a.tsv", "b.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "b.toml:1: duplicate: `INNOVENT` is also accepted by `Innovent` at a.tsv:1\n\
         b.toml:4: conflict: `Huacao` is forbidden here but accepted by `Huacao Town` at a.tsv:2\n\
         4 terms in 2 files: 2 problems.\n"
    );
    let ok = salin()
        .args(["glossary", "check"])
        .arg(fixture("names.toml"))
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    assert!(
        String::from_utf8(ok.stdout)
            .unwrap()
            .ends_with("4 terms in 1 file: no problems.\n")
    );
}

#[test]
fn malformed_glossaries_name_file_and_line() {
    let dir = tempfile::TempDir::new().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "bad.csv",
            b"term,kind\nInnovent,company\n",
            "bad.csv:2: unknown kind `company` (expected person, organization, place, product or other)",
        ),
        (
            "bad.tbx",
            b"<martif><text><body>\n<termEntry>\n<langSet xml:lang=\"tl\"><tig><term>X</tig>\n",
            "bad.tbx:3: malformed XML",
        ),
        (
            "bad.toml",
            b"[[term]]\ncanonical = \"X\"\nkind = 5\n",
            "bad.toml:3: ",
        ),
        (
            "bad.tsv",
            b"Innovent\n\xff\xfe\n",
            "bad.tsv:2: not valid UTF-8",
        ),
        (
            "names.json",
            b"[]",
            "names.json: unknown glossary format (expected .tsv, .csv, .toml or .tbx)",
        ),
    ];
    for (name, content, expected) in cases {
        std::fs::write(dir.path().join(name), content).unwrap();
        let out = salin()
            .current_dir(dir.path())
            .args(["check", "--glossary", name, "-"])
            .write_stdin("x\n")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with(&format!("salin: error: {expected}")),
            "{name}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
    }
}

#[test]
fn glossary_stats_summarises() {
    let out = salin()
        .args(["glossary", "stats"])
        .arg(fixture("names.csv"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "terms:            4\nmulti-word:       2\nvariants:         3\nforbidden forms:  3\n"
        ),
        "{text}"
    );
}
