//! The bundled samples: snapshots of every report format, and the fixer's
//! promises (only flagged lines change; a second run changes nothing).

use std::fs;
use std::path::Path;

use salin::fix::fix_document;
use salin::report::{FileReport, TextOptions, json_diagnostics, render_text, unified_diff};
use salin::{Applicability, Checker, Document, Format, Glossary};

fn checker() -> Checker {
    Checker::new(Glossary::embedded())
}

fn load(path: &str) -> Document {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let format = Format::from_path(Path::new(path)).unwrap();
    Document::new(path, text, format)
}

fn reports(path: &str) -> (String, String, String) {
    let checker = checker();
    let doc = load(path);
    let diagnostics = checker.check(&doc);
    let file = FileReport {
        path,
        source: &doc.text,
        diagnostics: &diagnostics,
    };
    let text = render_text(&file, TextOptions::default());
    let fixed = fix_document(&checker, &doc, Applicability::Safe);
    let diff = unified_diff(path, &doc.text, &fixed.text);
    let json = serde_json::to_string_pretty(&json_diagnostics(&file)).unwrap();
    (text, diff, json)
}

#[test]
fn mt_article_txt_reports() {
    let (text, diff, json) = reports("samples/mt-article.txt");
    insta::assert_snapshot!("mt_article_txt_text", text);
    insta::assert_snapshot!("mt_article_txt_diff", diff);
    insta::assert_snapshot!("mt_article_txt_json", json);
}

#[test]
fn mt_article_md_reports() {
    let (text, diff, json) = reports("samples/mt-article.md");
    insta::assert_snapshot!("mt_article_md_text", text);
    insta::assert_snapshot!("mt_article_md_diff", diff);
    insta::assert_snapshot!("mt_article_md_json", json);
}

/// Fixing changes only lines that had a fixable finding, leaves no fixable
/// finding behind, and a second run changes nothing.
#[test]
fn fixes_touch_only_flagged_lines_and_are_idempotent() {
    let checker = checker();
    for path in ["samples/mt-article.txt", "samples/mt-article.md"] {
        for allowed in [Applicability::Safe, Applicability::Unsafe] {
            let doc = load(path);
            let diagnostics = checker.check(&doc);
            let flagged_lines: Vec<usize> = diagnostics
                .iter()
                .filter(|d| d.is_fixable(allowed))
                .map(|d| doc.text[..d.span.start].matches('\n').count())
                .collect();
            let fixed = fix_document(&checker, &doc, allowed);
            let old: Vec<&str> = doc.text.split('\n').collect();
            let new: Vec<&str> = fixed.text.split('\n').collect();
            assert_eq!(old.len(), new.len(), "{path}: line count changed");
            for (i, (a, b)) in old.iter().zip(&new).enumerate() {
                if a != b {
                    assert!(
                        flagged_lines.contains(&i),
                        "{path}: unflagged line {} changed",
                        i + 1
                    );
                }
            }
            assert!(
                fixed.remaining.iter().all(|d| !d.is_fixable(allowed)),
                "{path}"
            );
            let again = fix_document(
                &checker,
                &Document::new(path, fixed.text.clone(), doc.format),
                allowed,
            );
            assert_eq!(
                again.text, fixed.text,
                "{path}: second fix changed the text"
            );
            assert_eq!(again.applied, 0);
        }
    }
}
