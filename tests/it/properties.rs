//! Invariants of checking and fixing, on generated documents with injected
//! errors of every class (proptest):
//! - every span and edit lies inside the text, on character boundaries, and
//!   a fix's edits are sorted and do not overlap;
//! - one round of fixes changes only the bytes inside the edits it applies;
//! - fixing preserves line endings (LF, CRLF, mixed), a BOM and the presence
//!   or absence of a final newline;
//! - fixing is idempotent and leaves no fixable finding;
//! - the diff report, applied with `patch`, gives exactly the fixed text.

use proptest::prelude::*;
use salin::fix::{apply, fix_document, select_fixes};
use salin::report::unified_diff;
use salin::{Applicability, Checker, Document, Format, Glossary};

/// Fragments that trigger every rule, and fragments that must not.
const FRAGMENTS: &[&str] = &[
    "Ang pag -unlad ng bayan",
    "unti -unting bumuti",
    "taga - Argentina",
    "ika- 5 na pulong",
    "pag- unlad",
    "Award Award Award",
    "ang ang mga",
    "Rizhi Co, Ltd ay",
    "Co, Ltd., at",
    "Acme Inc sa",
    "Maynila , at",
    "temperatura.Ang ulan",
    "ay  bukas",
    "Glaxosmithkline",
    "shanghai\npharmaceutical holding",
    "Innovant",
    "Takeda Pharmaceuticals",
    "CarlZeiss",
    "pag-aaral at i-sync",
    "COVID-19 at 10 - 20",
    "TWM - Simulan",
    "Ñino at Parañaque",
    "Paran\u{303}aque",
    "iba\u{2019}t ibang",
    "`pag -unlad`",
    "https://x.ph/pag -unlad",
    "— isang dash –",
    "Zsa Zsa",
    "3.5 at 1,000",
    "é",
    "日本",
    "",
];

const SEPARATORS: &[&str] = &[" ", " ", "\n", "\r\n", "\n\n", ", ", ". ", "\t", "  "];

fn document() -> impl Strategy<Value = (String, Format)> {
    (
        any::<bool>(),
        prop::collection::vec((0..FRAGMENTS.len(), 0..SEPARATORS.len()), 0..24),
        prop_oneof![Just(""), Just("\n"), Just("\r\n")],
        any::<bool>(),
    )
        .prop_map(|(bom, parts, end, markdown)| {
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            for (f, s) in parts {
                text.push_str(FRAGMENTS[f]);
                text.push_str(SEPARATORS[s]);
            }
            text.push_str(end);
            (
                text,
                if markdown {
                    Format::Markdown
                } else {
                    Format::Plain
                },
            )
        })
}

fn checker() -> &'static Checker {
    static CHECKER: std::sync::OnceLock<Checker> = std::sync::OnceLock::new();
    CHECKER.get_or_init(|| Checker::new(Glossary::embedded()))
}

fn line_endings(text: &str) -> (usize, usize) {
    let crlf = text.matches("\r\n").count();
    (crlf, text.matches('\n').count() - crlf)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_and_edits_are_well_formed((text, format) in document()) {
        let doc = Document::new("t", text.clone(), format);
        for d in checker().check(&doc) {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len());
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            if let Some(fix) = &d.fix {
                let mut last = 0;
                for e in &fix.edits {
                    prop_assert!(e.range.start >= last, "edits overlap or are unsorted: {:?}", fix);
                    prop_assert!(e.range.end <= text.len());
                    prop_assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
                    last = e.range.end;
                }
            }
        }
    }

    #[test]
    fn one_round_changes_only_the_edited_bytes((text, format) in document()) {
        let doc = Document::new("t", text.clone(), format);
        let diagnostics = checker().check(&doc);
        let fixes = select_fixes(&diagnostics, Applicability::Unsafe);
        let out = apply(&text, &fixes);
        // Walk both texts: outside the edits they must agree byte for byte.
        let (mut old, mut new) = (0, 0);
        for e in fixes.iter().flat_map(|f| &f.edits) {
            let keep = e.range.start - old;
            prop_assert_eq!(&text[old..e.range.start], &out[new..new + keep]);
            new += keep;
            prop_assert_eq!(&out[new..new + e.replacement.len()], e.replacement.as_str());
            new += e.replacement.len();
            old = e.range.end;
        }
        prop_assert_eq!(&text[old..], &out[new..]);
    }

    #[test]
    fn fixing_preserves_layout_is_idempotent_and_complete((text, format) in document()) {
        for allowed in [Applicability::Safe, Applicability::Unsafe] {
            let doc = Document::new("t", text.clone(), format);
            let fixed = fix_document(checker(), &doc, allowed);
            prop_assert_eq!(line_endings(&fixed.text), line_endings(&text));
            prop_assert_eq!(fixed.text.starts_with('\u{feff}'), text.starts_with('\u{feff}'));
            prop_assert_eq!(fixed.text.ends_with('\n'), text.ends_with('\n'));
            prop_assert!(fixed.remaining.iter().all(|d| !d.is_fixable(allowed)), "{:?}", fixed.remaining);
            let again = fix_document(checker(), &Document::new("t", fixed.text.clone(), format), allowed);
            prop_assert_eq!(&again.text, &fixed.text);
            prop_assert_eq!(again.applied, 0);
        }
    }
}

proptest! {
    // Each case runs `patch`: fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_diff_report_patches_to_the_fixed_text((text, format) in document()) {
        if !std::path::Path::new("/usr/bin/patch").exists() {
            return Ok(());
        }
        let doc = Document::new("doc.txt", text.clone(), format);
        let fixed = fix_document(checker(), &doc, Applicability::Safe);
        let diff = unified_diff("doc.txt", &text, &fixed.text);
        let dir = tempfile::TempDir::new().unwrap();
        std::fs::write(dir.path().join("doc.txt"), &text).unwrap();
        if !diff.is_empty() {
            use std::io::Write;
            let mut child = std::process::Command::new("patch")
                .current_dir(dir.path())
                .args(["-p0", "--quiet", "--binary"])
                .stdin(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            child.stdin.take().unwrap().write_all(diff.as_bytes()).unwrap();
            prop_assert!(child.wait().unwrap().success(), "patch failed on:\n{}", diff);
        }
        prop_assert_eq!(std::fs::read_to_string(dir.path().join("doc.txt")).unwrap(), fixed.text);
    }
}
