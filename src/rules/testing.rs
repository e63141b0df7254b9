//! Helpers for rule unit tests. A rule's tests run that rule alone
//! ([`Lint`], [`assert_lint`]), so adding or changing a rule never breaks
//! another rule's tests; how the rules get along is checked across all of
//! them by the documented-examples test (`rules::tests`) and the clean
//! corpus (`tests/clean`).
//!
//! ```ignore
//! const RULE: Lint = Lint(&HyphenSpacing);
//! RULE.assert_fixed("ang pag -unlad", "ang pag-unlad");
//! assert_eq!(RULE.flagged("ang pag -unlad"), ["pag -unlad"]);
//! assert_lint(&HyphenSpacing, "TWM - Simulan", 0);
//! ```

use std::sync::OnceLock;

use crate::checker::Checker;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::fix::fix_document;
use crate::glossary::Glossary;
use crate::input::{Document, Format};
use crate::lexicon::Dictionary;
use crate::rules::Rule;
use crate::settings::{RuleSelection, RuleSet};

/// A checker running the default rules.
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

/// `rule` finds exactly `n` problems in `text` (see [`document`]).
#[track_caller]
pub fn assert_lint(rule: &'static dyn Rule, text: &str, n: usize) {
    let found = Lint(rule).check(text);
    assert_eq!(
        found.len(),
        n,
        "{} in {text:?}: {found:?}",
        rule.meta().name
    );
}

/// One rule under test, run alone with the embedded glossary.
#[derive(Clone, Copy)]
pub struct Lint(pub &'static dyn Rule);

impl Lint {
    /// A checker running this rule alone (to add a dictionary to).
    pub fn checker(self) -> Checker {
        let only = RuleSelection {
            select: Some(vec![self.0.meta().name.to_string()]),
            ..RuleSelection::default()
        };
        checker_all().with_rule_set(&RuleSet::defaults().with(&only))
    }

    /// The same, with a dictionary of `words`.
    pub fn with_dictionary(self, words: &[&str]) -> Checker {
        self.checker()
            .with_dictionary(Some(Dictionary::from_words(words.iter().copied())))
    }

    /// The rule's findings in `text` (see [`document`]).
    pub fn check(self, text: &str) -> Vec<Diagnostic> {
        self.checker().check(&document(text))
    }

    /// The flagged text of every finding.
    pub fn flagged(self, text: &str) -> Vec<String> {
        self.check(text)
            .into_iter()
            .map(|d| text[d.span].to_string())
            .collect()
    }

    #[track_caller]
    pub fn assert_silent(self, text: &str) {
        let found = self.flagged(text);
        assert!(
            found.is_empty(),
            "{}: expected no findings in {text:?}, got {found:?}",
            self.0.meta().name
        );
    }

    /// The rule's safe fixes turn `text` into `expected`, in which the rule
    /// then finds nothing to fix.
    #[track_caller]
    pub fn assert_fixed(self, text: &str, expected: &str) {
        self.assert_fixed_with(text, expected, Applicability::Safe);
    }

    #[track_caller]
    pub fn assert_fixed_with(self, text: &str, expected: &str, allowed: Applicability) {
        let doc = Document::new("test.txt", text, Format::Plain);
        let fixed = fix_document(&self.checker(), &doc, allowed);
        assert_eq!(fixed.text, expected, "fixing {text:?}");
        assert!(
            fixed.remaining.iter().all(|d| !d.is_fixable(allowed)),
            "fixable findings remain after fixing {text:?}: {:?}",
            fixed.remaining
        );
    }

    /// `(flagged text, message, text after the fix)` for every finding in
    /// `target` paired with `source` (plain text, or JSON when the source
    /// starts with `{"`).
    pub fn pair_findings(
        self,
        source: &str,
        target: &str,
    ) -> Vec<(String, String, Option<String>)> {
        let doc = example_document(&format!("{source} → {target}"));
        self.checker()
            .check(&doc)
            .into_iter()
            .map(|d| {
                let fixed = d.fix.as_ref().map(|f| crate::fix::apply(&doc.text, &[f]));
                (doc.text[d.span.clone()].to_string(), d.message, fixed)
            })
            .collect()
    }
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
/// source (JSON files when the source starts with `{"`, else plain text); a
/// line starting with `<xliff` an XLIFF file; anything else is
/// [`document`].
pub fn example_document(line: &str) -> Document {
    if line.starts_with("<xliff") {
        return Document::new("tl.xlf", line, Format::Xliff);
    }
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

/// Each of `texts` (a word or a phrase, in a sentence of its own) meets
/// what `rule` needs: its prefilter lets through every word of the lists
/// it was built from.
#[track_caller]
pub fn assert_needs_cover(rule: &dyn Rule, texts: &[&str]) {
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
