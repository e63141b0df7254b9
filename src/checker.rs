//! Runs the selected rules over every prose segment of a document.

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Severity};
use crate::glossary::Glossary;
use crate::input::Document;
use crate::rules::{self, Context, Rule};
use crate::settings::RuleSet;
use crate::suppress;
use crate::text::tokenize;

/// Which rules run, at what severity, and with what glossary. Built once,
/// shared by all files; [`Checker::with_rule_set`] makes variants (for files
/// with per-file overrides) that share the glossary.
#[derive(Clone)]
pub struct Checker {
    rules: Vec<&'static dyn Rule>,
    severities: Vec<Severity>,
    glossary: Arc<Glossary>,
}

impl Checker {
    /// The default rules, with their default severities.
    pub fn new(glossary: Glossary) -> Self {
        Checker::with_rules(glossary, rules::default_rules())
    }

    /// These rules, at their default severities.
    pub fn with_rules(glossary: Glossary, rules: Vec<&'static dyn Rule>) -> Self {
        let severities = rules.iter().map(|r| r.meta().default_severity).collect();
        Checker {
            rules,
            severities,
            glossary: Arc::new(glossary),
        }
    }

    /// The rules enabled in `set`, at its severities.
    pub fn with_settings(glossary: Glossary, set: &RuleSet) -> Self {
        Checker::with_rules(glossary, Vec::new()).with_rule_set(set)
    }

    /// A checker with the same glossary (shared, not copied) and the rules
    /// and severities of `set`.
    pub fn with_rule_set(&self, set: &RuleSet) -> Self {
        let (rules, severities) = set.rules().into_iter().unzip();
        Checker {
            rules,
            severities,
            glossary: Arc::clone(&self.glossary),
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
        let unused = self
            .rules
            .iter()
            .zip(&self.severities)
            .find(|(r, _)| r.meta().name == suppress::UNUSED)
            .map(|(_, &s)| s);
        let enabled = |name: &str| self.rules.iter().any(|r| r.meta().name == name);
        suppress::apply(doc, out, &enabled, unused)
    }
}
