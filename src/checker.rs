//! Runs the selected rules over every prose segment of a document.

use crate::diagnostic::{Diagnostic, Severity};
use crate::glossary::Glossary;
use crate::input::Document;
use crate::rules::{self, Context, Rule};
use crate::text::tokenize;

/// Which rules run, and with what glossary. Built once, shared by all files.
pub struct Checker {
    rules: Vec<&'static dyn Rule>,
    severities: Vec<Severity>,
    glossary: Glossary,
}

impl Checker {
    /// The default rules, with their default severities.
    pub fn new(glossary: Glossary) -> Self {
        Checker::with_rules(glossary, rules::default_rules())
    }

    pub fn with_rules(glossary: Glossary, rules: Vec<&'static dyn Rule>) -> Self {
        let severities = rules.iter().map(|r| r.meta().default_severity).collect();
        Checker {
            rules,
            severities,
            glossary,
        }
    }

    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    pub fn rules(&self) -> &[&'static dyn Rule] {
        &self.rules
    }

    /// All findings in `doc`, ordered by position, then rule name.
    pub fn check(&self, doc: &Document) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut tokens = Vec::new();
        for segment in &doc.segments {
            tokens.clear();
            tokenize(&doc.text, segment.range.clone(), &mut tokens);
            let ctx = Context::new(&doc.text, segment, &tokens, &self.glossary);
            for (rule, &severity) in self.rules.iter().zip(&self.severities) {
                let first = out.len();
                rule.check(&ctx, &mut out);
                for d in &mut out[first..] {
                    d.severity = severity;
                }
            }
        }
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        out
    }
}
