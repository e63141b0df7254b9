//! Helpers for rule unit tests: check a plain-text snippet with every rule
//! and the embedded glossary.

use std::sync::OnceLock;

use crate::checker::Checker;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::fix::fix_document;
use crate::glossary::Glossary;
use crate::input::{Document, Format};

pub fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::new(Glossary::embedded()))
}

/// A checker running every rule, the off-by-default ones included.
pub fn checker_all() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::with_rules(Glossary::embedded(), crate::rules::ALL.to_vec()))
}

/// `text` as plain text, or as Markdown when it holds an HTML comment
/// (suppression comments exist only in Markdown).
pub fn document(text: &str) -> Document {
    if text.contains("<!--") {
        Document::new("test.md", text, Format::Markdown)
    } else {
        Document::new("test.txt", text, Format::Plain)
    }
}

/// Findings of the default rules in `text` (see [`document`]).
pub fn check(text: &str) -> Vec<Diagnostic> {
    checker().check(&document(text))
}

/// `(rule, flagged text)` for every finding.
pub fn flagged(text: &str) -> Vec<(&'static str, String)> {
    check(text)
        .into_iter()
        .map(|d| (d.rule, text[d.span].to_string()))
        .collect()
}

#[track_caller]
pub fn assert_silent(text: &str) {
    let found = flagged(text);
    assert!(
        found.is_empty(),
        "expected no findings in {text:?}, got {found:?}"
    );
}

/// Safe fixes turn `text` into `expected`, and `expected` is then clean of
/// fixable findings.
#[track_caller]
pub fn assert_fixed(text: &str, expected: &str) {
    assert_fixed_with(text, expected, Applicability::Safe);
}

#[track_caller]
pub fn assert_fixed_with(text: &str, expected: &str, allowed: Applicability) {
    let doc = Document::new("test.txt", text, Format::Plain);
    let fixed = fix_document(checker(), &doc, allowed);
    assert_eq!(fixed.text, expected, "fixing {text:?}");
    assert!(
        fixed.remaining.iter().all(|d| !d.is_fixable(allowed)),
        "fixable findings remain after fixing {text:?}: {:?}",
        fixed.remaining
    );
}

/// The lines of the ```` ```text ```` block under `## {heading}` in a rule's
/// documentation.
pub fn doc_examples(docs: &str, heading: &str) -> Vec<String> {
    let mut lines = docs.lines().map(|l| l.strip_prefix(' ').unwrap_or(l));
    let marker = format!("## {heading}");
    lines.by_ref().find(|l| *l == marker);
    lines.by_ref().find(|l| l.starts_with("```"));
    lines
        .take_while(|l| !l.starts_with("```"))
        .map(str::to_string)
        .collect()
}

/// A one-line example: `SOURCE → TARGET` is a translation paired with its
/// source (JSON files when the source starts with `{"`, else plain text); anything
/// else is [`document`].
pub fn example_document(line: &str) -> Document {
    match line.split_once(" → ") {
        Some((source, target)) => {
            let format = if source.trim_start().starts_with("{\"") {
                Format::Json
            } else {
                Format::Plain
            };
            let ext = if format == Format::Json {
                "json"
            } else {
                "txt"
            };
            let source = Document::new(format!("en.{ext}"), source, format);
            Document::new(format!("tl.{ext}"), target, format)
                .with_source(std::sync::Arc::new(source))
        }
        None => document(line),
    }
}

/// `(flagged text, message, text after the fix)` for every finding of
/// `rule` (run with every other rule) in `target` paired with `source`
/// (plain text, or JSON when the source starts with `{"`).
pub fn pair_findings(
    source: &str,
    target: &str,
    rule: &str,
) -> Vec<(String, String, Option<String>)> {
    let doc = example_document(&format!("{source} → {target}"));
    checker_all()
        .check(&doc)
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| {
            let fixed = d.fix.as_ref().map(|f| crate::fix::apply(&doc.text, &[f]));
            (doc.text[d.span.clone()].to_string(), d.message, fixed)
        })
        .collect()
}

/// Each of `texts` (a word or a phrase, in a sentence of its own) meets
/// what `rule` needs: its prefilter lets through every word of the lists
/// it was built from.
#[track_caller]
pub fn assert_needs_cover(rule: &dyn crate::rules::Rule, texts: &[&str]) {
    use crate::rules::Seen;
    use crate::text::tokenize_stream;
    for text in texts {
        let sentence = format!("Isa {text} dalawa.");
        let (mut tokens, mut marks) = (Vec::new(), Vec::new());
        tokenize_stream(&sentence, 0..sentence.len(), &mut tokens, &mut marks);
        assert!(
            rule.needs().met_by(&Seen::of(&tokens, &marks)),
            "{}: the prefilter skips {sentence:?}",
            rule.meta().name
        );
    }
}
