//! Runs the selected rules over every prose segment of a document.

use crate::diagnostic::{Diagnostic, Severity};
use crate::glossary::Glossary;
use crate::input::Document;
use crate::lexicon::{Dictionary, is_english_function_word, is_filipino_marker};
use crate::rules::{self, Context, DocLanguage, Rule};
use crate::text::tokens::fold;
use crate::text::{Token, tokenize};

/// Which rules run, and with what glossary. Built once, shared by all files.
pub struct Checker {
    rules: Vec<&'static dyn Rule>,
    severities: Vec<Severity>,
    glossary: Glossary,
    dictionary: Option<Dictionary>,
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
            dictionary: None,
        }
    }

    /// Use a Tagalog word list to confirm compounds and hyphenated forms.
    pub fn with_dictionary(mut self, dictionary: Option<Dictionary>) -> Self {
        self.dictionary = dictionary;
        self
    }

    pub fn dictionary(&self) -> Option<&Dictionary> {
        self.dictionary.as_ref()
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
        let all_tokens: Vec<Vec<Token>> = doc
            .segments
            .iter()
            .map(|s| {
                let mut tokens = Vec::new();
                tokenize(&doc.text, s.range.clone(), &mut tokens);
                tokens
            })
            .collect();
        let mut language = DocLanguage::default();
        for t in all_tokens.iter().flatten() {
            let w = fold(t.text(&doc.text));
            if is_filipino_marker(&w) {
                language.filipino += 1;
            } else if is_english_function_word(&w) {
                language.english += 1;
            }
        }
        for (index, (segment, tokens)) in doc.segments.iter().zip(&all_tokens).enumerate() {
            let ctx = Context {
                source: &doc.text,
                segment,
                tokens,
                glossary: &self.glossary,
                segments: &doc.segments,
                index,
                dictionary: self.dictionary.as_ref(),
                language: &language,
            };
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
