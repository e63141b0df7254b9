//! Runs the selected rules over every prose segment of a document.

use std::sync::Arc;
use std::time::Instant;

use crate::diagnostic::{Diagnostic, Severity};
use crate::glossary::Glossary;
use crate::input::Document;
use crate::lexicon::{Dictionary, FunctionWord};
use crate::rules::{
    self, Context, Deadline, DocLanguage, DocumentContext, DocumentTokens, DocumentWords, Needs,
    Reporter, Rule, RuleId, UnitContext, UnusedSuppression,
};
use crate::settings::RuleSet;
use crate::suppress;

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
    /// Skip a rule on a segment that lacks what it [`Rule::needs`] (off only
    /// in the test that proves the prefilters drop no finding).
    prefilters: bool,
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
            prefilters: true,
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
            prefilters: self.prefilters,
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

    /// Run every rule on every segment, whatever it [`Rule::needs`]: for
    /// tests and measurements of the prefilters.
    pub fn without_prefilters(mut self) -> Self {
        self.prefilters = false;
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

    /// The severity of rule `id`, when it is enabled.
    pub fn severity_of(&self, id: RuleId) -> Option<Severity> {
        self.rules
            .iter()
            .zip(&self.severities)
            .find(|(r, _)| r.id() == id)
            .map(|(_, &s)| s)
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
    /// between rules, and rules poll it inside their long loops
    /// ([`Context::out_of_time`]), so a check overruns it by little even on
    /// one huge segment; no thread is killed.
    pub fn check_within(
        &self,
        doc: &Document,
        deadline: Option<Instant>,
    ) -> Result<Vec<Diagnostic>, TimedOut> {
        let deadline = Deadline::new(deadline);
        let mut out = Vec::new();
        let Some(tokens) = DocumentTokens::new(&doc.text, &doc.segments, &deadline) else {
            return Err(TimedOut);
        };
        let (language, english_words) = language_of(&tokens);
        let words = DocumentWords::default();
        let shared = DocumentContext {
            source: &doc.text,
            segments: &doc.segments,
            document: doc,
            glossary: &self.glossary,
            dictionary: self.dictionary.as_deref(),
            language: &language,
            english_words: &english_words,
            words: &words,
            tokens: &tokens,
            deadline: &deadline,
        };
        let skipped = |unit: Option<&crate::input::Unit>| {
            !self.include_fuzzy && unit.is_some_and(|u| u.fuzzy)
        };
        let rules = || self.rules.iter().zip(&self.severities);
        let needs: Vec<Needs> = self.rules.iter().map(|r| r.needs()).collect();
        for index in 0..doc.segments.len() {
            if skipped(doc.unit_of(index)) {
                continue;
            }
            let ctx = Context::new(&shared, index);
            let seen = tokens.seen(index);
            for ((rule, &severity), needs) in rules().zip(&needs) {
                if self.prefilters && !needs.met_by(seen) {
                    continue;
                }
                if deadline.passed_now() {
                    return Err(TimedOut);
                }
                rule.check(&ctx, &mut Reporter::new(rule.meta(), severity, &mut out));
            }
        }
        for unit in doc.units.iter().filter(|u| !skipped(Some(u))) {
            if deadline.passed_now() {
                return Err(TimedOut);
            }
            let ctx = UnitContext::new(doc, unit, &self.glossary, &self.allow_untranslated);
            let before = out.len();
            for (rule, &severity) in rules() {
                if deadline.passed_now() {
                    return Err(TimedOut);
                }
                rule.check_unit(&ctx, &mut Reporter::new(rule.meta(), severity, &mut out));
            }
            if unit.source.is_some() {
                out[before..].iter_mut().for_each(|d| d.uses_source = true);
            }
        }
        let before = out.len();
        for (rule, &severity) in rules() {
            rule.check_document(doc, &mut Reporter::new(rule.meta(), severity, &mut out));
        }
        if doc.source.is_some() {
            out[before..].iter_mut().for_each(|d| d.uses_source = true);
        }
        // A rule that stopped early left its findings incomplete.
        if deadline.passed_now() {
            return Err(TimedOut);
        }
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
        let unused = self.severity_of(UnusedSuppression::ID);
        let enabled = |id: RuleId| self.rules.iter().any(|r| r.id() == id);
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
fn language_of(tokens: &DocumentTokens) -> (DocLanguage, Vec<u32>) {
    let mut language = DocLanguage::default();
    let mut per_segment = Vec::with_capacity(tokens.len());
    for i in 0..tokens.len() {
        let english = language.english;
        for t in tokens.words(i) {
            // Only ASCII words are counted: every function word is ASCII.
            if !t.case.is_ascii() {
                continue;
            }
            match t.class.language() {
                Some(FunctionWord::Filipino) => language.filipino += 1,
                Some(FunctionWord::English) => language.english += 1,
                None => {}
            }
        }
        per_segment.push((language.english - english) as u32);
    }
    (language, per_segment)
}

#[cfg(test)]
mod suppression_tests {
    use crate::input::{Document, Format};
    use crate::suppress::{UNUSED, add_suppressions};
    use crate::{Checker, Glossary};

    fn md(text: &str) -> Document {
        Document::new("a.md", text, Format::Markdown)
    }

    fn found(text: &str) -> Vec<(&'static str, String)> {
        let doc = md(text);
        Checker::new(Glossary::embedded())
            .check(&doc)
            .into_iter()
            .map(|d| (d.rule, text[d.span].to_string()))
            .collect()
    }

    #[test]
    fn disable_enable_and_next_line() {
        let text = "Ang pag -unlad.\n\n\
                    <!-- salin-disable hyphen-spacing -->\n\
                    Ang pag -unlad at ang ang.\n\
                    <!-- salin-enable -->\n\n\
                    <!-- salin-disable-next-line -->\n\
                    Ang pag -unlad at ang ang.\n\
                    Ang pag -agaw.\n";
        assert_eq!(
            found(text),
            [
                ("hyphen-spacing", "pag -unlad".to_string()),
                ("repeated-word", "ang ang".to_string()),
                ("hyphen-spacing", "pag -agaw".to_string()),
            ]
        );
    }

    #[test]
    fn unused_suppressions_are_reported_with_a_fix() {
        let text = "<!-- salin-disable-next-line repeated-word -->\n\
                    Malinis.\n\n\
                    Isa <!-- salin-disable hyphen-spacing, no-such-rule --> pag -unlad.\n";
        let doc = md(text);
        let checker = Checker::new(Glossary::embedded());
        let got = checker.check(&doc);
        let messages: Vec<&str> = got.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`salin-disable-next-line` suppresses no `repeated-word` finding",
                "`salin-disable` names an unknown rule `no-such-rule`",
            ]
        );
        assert!(got.iter().all(|d| d.rule == UNUSED));
        // Only the wholly unused one is fixed: its line goes.
        let fixed = crate::fix::fix_document(&checker, &doc, crate::Applicability::Safe);
        assert_eq!(
            fixed.text,
            "Malinis.\n\nIsa <!-- salin-disable hyphen-spacing, no-such-rule --> pag -unlad.\n"
        );
    }

    #[test]
    fn added_suppressions_silence_every_finding_without_splitting_blocks() {
        let text = "# Pag -unlad\n\
                    Ang pag -unlad\n\
                    at ang ang balita.  \n\
                    ng Glaxosmithkline.\n\n\
                    - isa\n\
                    - pag -unlad\n\n\
                    ---\n\
                    pag -unlad\n";
        let doc = md(text);
        let checker = Checker::new(Glossary::embedded());
        let (new, n) = add_suppressions(&doc, &checker.check(&doc));
        assert_eq!(
            new,
            "<!-- salin-disable-next-line hyphen-spacing -->\n\
             # Pag -unlad <!-- salin-disable-next-line hyphen-spacing -->\n\
             Ang pag -unlad <!-- salin-disable-next-line repeated-word -->\n\
             at ang ang balita. <!-- salin-disable-next-line glossary-case -->  \n\
             ng Glaxosmithkline.\n\n\
             - isa <!-- salin-disable-next-line hyphen-spacing -->\n\
             - pag -unlad\n\n\
             ---\n\
             <!-- salin-disable-next-line hyphen-spacing -->\n\
             pag -unlad\n"
        );
        assert_eq!(n, 6);
        assert_eq!(found(&new), []);
    }

    #[test]
    fn yaml_and_po_suppressions_are_added_and_then_silence() {
        let checker = crate::Checker::new(crate::Glossary::embedded());
        for (name, format, text, expected) in [
            (
                "tl.yml",
                Format::Yaml,
                "a:\n  b: I -save\n  c: >-\n    Ang pag -unlad\n    ng bayan\n  d: ok\n",
                "a:\n  # salin: ignore[hyphen-spacing]\n  b: I -save\n  # salin: ignore[hyphen-spacing]\n  c: >-\n    Ang pag -unlad\n    ng bayan\n  d: ok\n",
            ),
            (
                "tl.po",
                Format::Po,
                "#: a.c:1\nmsgid \"Save\"\nmsgstr \"I -save\"\n\nmsgid \"x\"\nmsgstr \"y\"\n",
                "# salin: ignore[hyphen-spacing]\n#: a.c:1\nmsgid \"Save\"\nmsgstr \"I -save\"\n\nmsgid \"x\"\nmsgstr \"y\"\n",
            ),
        ] {
            let doc = Document::new(name, text, format);
            let found = checker.check(&doc);
            assert!(!found.is_empty());
            let (new, n) = add_suppressions(&doc, &found);
            assert_eq!(new, expected);
            assert_eq!(n, found.len());
            assert!(checker.check(&Document::new(name, new, format)).is_empty());
        }
    }
}

#[cfg(test)]
#[allow(dead_code)] // the test rule's `ID`
mod deadline_tests {
    use std::time::{Duration, Instant};

    use crate::rules::{Context, Reporter, Rule, declare_rule};
    use crate::{Checker, Document, Format, Glossary};

    declare_rule! {
        /// A rule that would run forever but for the deadline it polls.
        ///
        /// ## Bad
        /// ```text
        /// x
        /// ```
        ///
        /// ## Good
        /// ```text
        /// x
        /// ```
        pub struct Endless {
            name: "endless",
            severity: Info,
            fix: None,
            summary: "Polls the deadline and nothing else",
        }
    }

    impl Rule for Endless {
        fn check(&self, ctx: &Context<'_>, _out: &mut Reporter<'_>) {
            while !ctx.out_of_time() {
                std::hint::spin_loop();
            }
        }
    }

    /// A rule that polls the deadline inside its loop gives up when it
    /// passes, and the check reports a time-out, not partial findings.
    #[test]
    fn rules_stop_at_the_deadline_inside_their_loops() {
        let checker = Checker::with_rules(Glossary::default(), vec![&Endless]);
        let doc = Document::new("t.txt", "Isang talata.", Format::Plain);
        let started = Instant::now();
        let result = checker.check_within(&doc, Some(started + Duration::from_millis(50)));
        assert_eq!(result, Err(crate::TimedOut));
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
