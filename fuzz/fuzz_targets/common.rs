//! The invariants every fuzz target asserts on the check-and-fix pipeline.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use salin::fix::{apply, fix_document, select_fixes};
use salin::{Applicability, Checker, Document, Format, Glossary};

pub fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::new(Glossary::embedded()))
}

/// The line endings of `text`, in order: `true` for CRLF, `false` for LF.
fn line_endings(text: &str) -> Vec<bool> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&i| bytes[i] == b'\n')
        .map(|i| i > 0 && bytes[i - 1] == b'\r')
        .collect()
}

/// Whether `short` is `long` with some items left out.
fn is_subsequence(short: &[bool], long: &[bool]) -> bool {
    let mut long = long.iter();
    short.iter().all(|s| long.any(|l| l == s))
}

/// Checks `text`, fixes it, and asserts the invariants:
/// - every span and edit is in bounds, on character boundaries, edits sorted;
/// - one round of fixes changes only the bytes inside its edits;
/// - fixing keeps line endings (never adds or converts one), a BOM and the
///   final newline;
/// - fixing leaves no fixable finding and a second fix changes nothing.
pub fn check_invariants(checker: &Checker, text: &str, format: Format) {
    let doc = Document::new("fuzz", text.to_string(), format);
    let diagnostics = checker.check(&doc);
    for d in &diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{d:?}");
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{d:?}");
        if let Some(fix) = &d.fix {
            let mut last = 0;
            for e in &fix.edits {
                assert!(e.range.start >= last, "edits overlap or unsorted: {fix:?}");
                assert!(e.range.start <= e.range.end && e.range.end <= text.len(), "{fix:?}");
                assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end), "{fix:?}");
                last = e.range.end;
            }
        }
    }

    // One round: bytes outside the edits are untouched.
    let fixes = select_fixes(&diagnostics, Applicability::Unsafe);
    let out = apply(text, &fixes);
    let (mut old, mut new) = (0, 0);
    for e in fixes.iter().flat_map(|f| &f.edits) {
        let keep = e.range.start - old;
        assert_eq!(&text[old..e.range.start], &out[new..new + keep]);
        new += keep;
        assert_eq!(&out[new..new + e.replacement.len()], e.replacement.as_str());
        new += e.replacement.len();
        old = e.range.end;
    }
    assert_eq!(&text[old..], &out[new..]);

    for allowed in [Applicability::Safe, Applicability::Unsafe] {
        let fixed = fix_document(checker, &doc, allowed);
        // Fixes may delete whole lines (an unused suppression comment), but
        // never add a line ending or turn LF into CRLF or back.
        assert!(
            is_subsequence(&line_endings(&fixed.text), &line_endings(text)),
            "line endings changed"
        );
        assert_eq!(fixed.text.starts_with('\u{feff}'), text.starts_with('\u{feff}'), "BOM changed");
        assert_eq!(fixed.text.ends_with('\n'), text.ends_with('\n'), "final newline changed");
        assert!(
            fixed.remaining.iter().all(|d| !d.is_fixable(allowed)),
            "fixable findings left: {:?}",
            fixed.remaining
        );
        let again = fix_document(checker, &Document::new("fuzz", fixed.text.clone(), format), allowed);
        assert_eq!(again.text, fixed.text, "fix is not idempotent");
        assert_eq!(again.applied, 0, "a second fix applied something");
    }
}

/// A short Filipino text with errors of several classes, checked with a
/// fuzzed glossary.
pub const SAMPLE: &str = "Ang pag -unlad ng Glaxosmithkline Co, Ltd sa Maynila , at\r\nNanalo ang Innovant ng Award Award.\n";

/// Parses `data` as a glossary of the format `ext` says; when it parses,
/// builds a checker with it and asserts the invariants on a sample text and
/// on the glossary text itself.
pub fn glossary(data: &[u8], ext: &str) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let name = format!("fuzz.{ext}");
    match salin::glossary::parse(text, &name, Path::new(&name)) {
        Ok(terms) => {
            let checker = Checker::new(Glossary::new(terms));
            check_invariants(&checker, SAMPLE, Format::Plain);
            if text.len() < 512 {
                check_invariants(&checker, text, Format::Plain);
            }
        }
        Err(e) => {
            // Errors name the file, and the line when given is inside it.
            assert_eq!(e.file, name);
            if let Some(line) = e.line {
                assert!(line >= 1 && line <= text.lines().count().max(1) + 1, "{e}");
            }
        }
    }
}
