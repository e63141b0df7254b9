//! Runs the selected rules over every prose segment of a document.

use std::sync::Arc;
use std::time::Instant;

use crate::diagnostic::{Diagnostic, Severity};
use crate::glossary::Glossary;
use crate::input::Document;
use crate::lexicon::{Dictionary, FunctionWord, function_word_language};
use crate::rules::{self, Context, DocLanguage, DocumentContext, DocumentWords, Rule, UnitContext};
use crate::settings::RuleSet;
use crate::suppress;
use crate::text::{Token, tokenize};

/// Which rules run, at what severity, with what glossary and dictionary.
/// Built once, shared by all files; [`Checker::with_rule_set`] makes variants
/// (for files with per-file overrides) that share the glossary and
/// dictionary.
#[derive(Clone)]
pub struct Checker {
    rules: Vec<&'static dyn Rule>,
    severities: Vec<Severity>,
    glossary: Arc<Glossary>,
    dictionary: Option<Arc<Dictionary>>,
    allow_untranslated: Arc<Vec<String>>,
    include_fuzzy: bool,
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
            dictionary: None,
            allow_untranslated: Arc::default(),
            include_fuzzy: false,
        }
    }

    /// The rules enabled in `set`, at its severities.
    pub fn with_settings(glossary: Glossary, set: &RuleSet) -> Self {
        Checker::with_rules(glossary, Vec::new()).with_rule_set(set)
    }

    /// A checker with the same glossary and dictionary (shared, not copied)
    /// and the rules and severities of `set`.
    pub fn with_rule_set(&self, set: &RuleSet) -> Self {
        let (rules, severities) = set.rules().into_iter().unzip();
        Checker {
            rules,
            severities,
            glossary: Arc::clone(&self.glossary),
            dictionary: self.dictionary.clone(),
            allow_untranslated: Arc::clone(&self.allow_untranslated),
            include_fuzzy: self.include_fuzzy,
        }
    }

    /// Use a Tagalog word list to confirm compounds and hyphenated forms.
    pub fn with_dictionary(mut self, dictionary: Option<Dictionary>) -> Self {
        self.dictionary = dictionary.map(Arc::new);
        self
    }

    /// Values that `untranslated-segment` accepts unchanged from the source
    /// (`OK`, `Wi-Fi`, brand names), compared ignoring case.
    pub fn with_allow_untranslated(mut self, values: Vec<String>) -> Self {
        self.allow_untranslated = Arc::new(values);
        self
    }

    /// Also check PO entries marked `#, fuzzy` (skipped by default).
    pub fn with_fuzzy(mut self, include: bool) -> Self {
        self.include_fuzzy = include;
        self
    }

    pub fn dictionary(&self) -> Option<&Dictionary> {
        self.dictionary.as_deref()
    }

    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    pub fn rules(&self) -> &[&'static dyn Rule] {
        &self.rules
    }

    /// All findings in `doc`, ordered by position, then rule name, with
    /// suppressed findings removed.
    pub fn check(&self, doc: &Document) -> Vec<Diagnostic> {
        match self.check_within(doc, None) {
            Ok(found) => found,
            Err(TimedOut) => unreachable!("no deadline, no time-out"),
        }
    }

    /// Like [`Checker::check`], but gives up with [`TimedOut`] once
    /// `deadline` has passed. The deadline is polled between segments and
    /// between rules, so a check overruns it by at most one rule on one
    /// segment; nothing is interrupted mid-way and no thread is killed.
    pub fn check_within(
        &self,
        doc: &Document,
        deadline: Option<Instant>,
    ) -> Result<Vec<Diagnostic>, TimedOut> {
        let expired = || deadline.is_some_and(|d| Instant::now() >= d);
        let mut out = Vec::new();
        // Every segment's tokens in one buffer (one allocation per document,
        // not per segment); segment `i` owns `tokens[ends[i - 1]..ends[i]]`.
        let mut flat: Vec<Token> = Vec::with_capacity(doc.text.len() / 6);
        let mut ends: Vec<usize> = Vec::with_capacity(doc.segments.len());
        for s in &doc.segments {
            if expired() {
                return Err(TimedOut);
            }
            tokenize(&doc.text, s.range.clone(), &mut flat);
            ends.push(flat.len());
        }
        let all_tokens: Vec<&[Token]> = ends
            .iter()
            .scan(0, |start, &end| {
                let tokens = &flat[*start..end];
                *start = end;
                Some(tokens)
            })
            .collect();
        let (language, english_words) = language_of(&doc.text, &all_tokens);
        let words = DocumentWords::default();
        let shared = DocumentContext {
            source: &doc.text,
            segments: &doc.segments,
            glossary: &self.glossary,
            dictionary: self.dictionary.as_deref(),
            language: &language,
            english_words: &english_words,
            words: &words,
        };
        let skipped = |unit: Option<&crate::input::Unit>| {
            !self.include_fuzzy && unit.is_some_and(|u| u.fuzzy)
        };
        for (index, tokens) in all_tokens.iter().enumerate() {
            if skipped(doc.unit_of(index)) {
                continue;
            }
            let ctx = Context::new(&shared, index, tokens);
            for (rule, &severity) in self.rules.iter().zip(&self.severities) {
                if expired() {
                    return Err(TimedOut);
                }
                let first = out.len();
                rule.check(&ctx, &mut out);
                for d in &mut out[first..] {
                    d.severity = severity;
                }
            }
        }
        for unit in doc.units.iter().filter(|u| !skipped(Some(u))) {
            let ctx = UnitContext::new(doc, unit, &self.glossary, &self.allow_untranslated);
            for (rule, &severity) in self.rules.iter().zip(&self.severities) {
                if expired() {
                    return Err(TimedOut);
                }
                let first = out.len();
                rule.check_unit(&ctx, &mut out);
                for d in &mut out[first..] {
                    d.severity = severity;
                }
            }
        }
        for (rule, &severity) in self.rules.iter().zip(&self.severities) {
            let first = out.len();
            rule.check_document(doc, &mut out);
            for d in &mut out[first..] {
                d.severity = severity;
            }
        }
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
        let unused = self
            .rules
            .iter()
            .zip(&self.severities)
            .find(|(r, _)| r.meta().name == suppress::UNUSED)
            .map(|(_, &s)| s);
        let enabled = |name: &str| self.rules.iter().any(|r| r.meta().name == name);
        let mut out = suppress::apply(doc, out, &enabled, unused);
        // Every fix written for where it lands, or dropped (the one place).
        crate::input::encode::encode_fixes(doc, &mut out);
        Ok(out)
    }
}

/// A check gave up because its deadline passed (see
/// [`Checker::check_within`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimedOut;

impl std::fmt::Display for TimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("timed out")
    }
}

impl std::error::Error for TimedOut {}

/// Counts Filipino and English function words, to tell a Filipino document
/// from an English one; and the English function words of each segment.
fn language_of(text: &str, tokens: &[&[Token]]) -> (DocLanguage, Vec<u32>) {
    let mut language = DocLanguage::default();
    let mut per_segment = Vec::with_capacity(tokens.len());
    for segment in tokens {
        let english = language.english;
        tally(text, segment, &mut language);
        per_segment.push((language.english - english) as u32);
    }
    (language, per_segment)
}

fn tally(text: &str, tokens: &[Token], language: &mut DocLanguage) {
    for t in tokens {
        // Every function word is short and ASCII; the lookups lower-case
        // ASCII words on the fly and find no other.
        let word = t.text(text);
        if word.len() > 8 {
            continue;
        }
        match function_word_language(word) {
            Some(FunctionWord::Filipino) => language.filipino += 1,
            Some(FunctionWord::English) => language.english += 1,
            None => {}
        }
    }
}
