//! The invariants every fuzz target asserts on the check-and-fix pipeline.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use salin::fix::{apply, fix_document, select_fixes};
use salin::{Applicability, Checker, Document, Format, Glossary};

#[path = "../../tests/it/names.rs"]
mod names;
#[path = "../../tests/it/oracle.rs"]
mod oracle;

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

/// Every rule, the embedded glossary and names that need escaping in every
/// format.
pub fn all_rules() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(names::checker_with_every_rule)
}

/// A localisation file or article, optionally with a source: the bytes
/// before the first NUL are the source (same format), the rest the target.
/// Asserts that reading never panics, that a file salin refuses is refused
/// by `Document::parse` too, the pipeline invariants, and, with the format's
/// reference parser as oracle, that fixing (safe, then unsafe) leaves a
/// file that still parses with the same structure, keys and non-text
/// values, and that fixing again changes nothing.
pub fn format(data: &[u8], format: Format) {
    let (source, target) = match data.iter().position(|&b| b == 0) {
        Some(n) => (Some(&data[..n]), &data[n + 1..]),
        None => (None, data),
    };
    let Ok(text) = std::str::from_utf8(target) else {
        return;
    };
    let doc = Document::new("fuzz", text.to_string(), format);
    if doc.syntax.error.is_some() {
        assert!(Document::parse("fuzz", text.to_string(), format, None).is_err());
        return;
    }
    let mut doc = doc;
    if let Some(Ok(source)) = source.map(std::str::from_utf8) {
        let source = Document::new("source", source.to_string(), format);
        if source.syntax.error.is_none() {
            doc = doc.with_source(std::sync::Arc::new(source));
        }
    }
    let checker = all_rules();
    // The pipeline invariants of prose; in a localisation file a fix may add
    // a line break inside a value (the source's trailing `\n`).
    if doc.source.is_none() && format == Format::Markdown {
        check_invariants(checker, text, format);
    }
    if !oracle::parses(text, format) {
        return;
    }
    for allowed in [Applicability::Safe, Applicability::Unsafe] {
        let fixed = fix_document(checker, &doc, allowed);
        if let Err(e) = oracle::same_but_values(&doc, &fixed.text) {
            panic!("{e}\n--- before:\n{text}\n--- after:\n{}", fixed.text);
        }
        let after = doc.with_text(fixed.text.clone());
        assert!(after.syntax.error.is_none(), "salin cannot read its own fix:\n{}", fixed.text);
        let again = fix_document(checker, &after, allowed);
        assert_eq!(again.text, fixed.text, "fix is not idempotent");
    }
}
