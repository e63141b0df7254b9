//! Precision: clean, human-written Filipino must produce no findings at all.
//! The corpus in `tests/clean/` and the clean samples are full of legitimate
//! hyphens (`pag-aaral`, `i-sync`, `taga-bantay`), dashes, Taglish,
//! acronyms and code.

use std::fs;
use std::path::Path;

use salin::{Checker, Document, Format, Glossary};

#[test]
fn clean_texts_have_no_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = fs::read_dir(root.join("tests/clean"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.push(root.join("samples/clean-article.md"));
    files.push(root.join("samples/clean-article.txt"));
    assert!(files.len() >= 6, "the clean corpus is missing");

    let checker = Checker::new(Glossary::embedded());
    let mut words = 0;
    let mut found = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        words += text.split_whitespace().count();
        let format = Format::from_path(path).unwrap();
        let doc = Document::new(path.display().to_string(), text, format);
        for d in checker.check(&doc) {
            found.push(format!(
                "{}: {} {:?}",
                path.display(),
                d.rule,
                &doc.text[d.span]
            ));
        }
    }
    assert!(words > 2000, "clean corpus too small: {words} words");
    assert!(found.is_empty(), "false positives:\n{}", found.join("\n"));
}
