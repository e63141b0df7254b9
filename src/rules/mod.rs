//! Rules: each one a file, a struct and a doc comment that is also its user
//! documentation (`salin explain RULE`).
//!
//! A rule sees one prose segment at a time ([`Context`]: its words, already
//! tokenised, and the document around it), one translation unit
//! ([`UnitContext`]) or the whole document, and reports findings with byte
//! spans into the original document through a [`Reporter`] that knows the
//! rule. Adding a rule: a file here, one line in the registry below, a row
//! in README's table (CONTRIBUTING.md walks through it).

mod consistency;
mod context;
pub(crate) mod extract;
mod flow;
mod helpers;
mod kept_terms;
mod layout;
mod markup;
mod name_context;
mod paragraph;
mod prefilter;
mod report;
mod source_case;
mod stream;

use crate::diagnostic::Severity;
use crate::glossary::Glossary;
use crate::input::Document;

pub use context::{
    Context, Deadline, DocLanguage, DocumentContext, DocumentWords, Names, UnitContext,
};
pub use prefilter::{ByteSet, Needs, Seen};
pub use report::{Finding, Reporter};
pub use stream::{DocumentTokens, paragraph_continues};

/// Declares every rule: its module (the file `src/rules/<module>.rs`) and
/// its struct. Makes the modules, re-exports the structs and lists them in
/// [`ALL`], in this order (the order of `salin rules`).
macro_rules! registry {
    ($($module:ident::$rule:ident,)+) => {
        $(
            mod $module;
            pub use $module::$rule;
        )+

        /// Every rule, in the order `salin rules` lists them.
        pub static ALL: &[&dyn Rule] = &[$(&$rule),+];
    };
}

registry! {
    hyphen_spacing::HyphenSpacing,
    affix_hyphen::AffixHyphen,
    repeated_word::RepeatedWord,
    punctuation_spacing::PunctuationSpacing,
    company_suffix::CompanySuffix,
    glossary_case::GlossaryCase,
    glossary_forbidden::GlossaryForbidden,
    glossary_near_miss::GlossaryNearMiss,
    fused_particle::FusedParticle,
    mid_sentence_capital::MidSentenceCapital,
    quote_balance::QuoteBalance,
    date_artifact::DateArtifact,
    untranslated::Untranslated,
    d_r_alternation::DRAlternation,
    placeholder_mismatch::PlaceholderMismatch,
    number_mismatch::NumberMismatch,
    url_mismatch::UrlMismatch,
    email_mismatch::EmailMismatch,
    glossary_missing::GlossaryMissing,
    untranslated_segment::UntranslatedSegment,
    empty_translation::EmptyTranslation,
    missing_key::MissingKey,
    extra_key::ExtraKey,
    whitespace_mismatch::WhitespaceMismatch,
    punctuation_mismatch::PunctuationMismatch,
    unused_suppression::UnusedSuppression,
    ellipsis_spacing::EllipsisSpacing,
    punctuation_artifact::PunctuationArtifact,
    placeholder_spacing::PlaceholderSpacing,
    code_mismatch::CodeMismatch,
    length_limit::LengthLimit,
    inconsistent_translation::InconsistentTranslation,
    inconsistent_source::InconsistentSource,
}

/// Which kinds of fix a rule can offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixKind {
    /// Every finding carries a fix that is safe to apply.
    Safe,
    /// Findings carry fixes, some or all of them unsafe (guesses).
    Unsafe,
    /// Some findings carry a safe fix, others an unsafe one.
    SafeOrUnsafe,
    /// Report only.
    None,
}

impl FixKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FixKind::Safe => "safe",
            FixKind::Unsafe => "unsafe",
            FixKind::SafeOrUnsafe => "safe/unsafe",
            FixKind::None => "no",
        }
    }
}

/// A rule's identity, for code that must single out a rule (the checker
/// finding `unused-suppression`, a suppression naming a rule): compared as a
/// value, and made only by [`declare_rule!`] or from a known name, so a
/// typo cannot compile into a silent mismatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(&'static str);

impl RuleId {
    /// For [`declare_rule!`] only.
    #[doc(hidden)]
    pub const fn declared(name: &'static str) -> Self {
        RuleId(name)
    }

    /// The id of the rule called `name`, if there is one.
    /// A pattern rule's name (`[[patterns]]`) is one too once a
    /// configuration of this process has named it.
    pub fn from_name(name: &str) -> Option<RuleId> {
        by_name(name)
            .map(|r| r.id())
            .or_else(|| crate::patterns::interned_name(name).map(RuleId))
    }

    /// The stable kebab-case name (`hyphen-spacing`).
    pub const fn name(self) -> &'static str {
        self.0
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Static facts about a rule.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case name: part of the public interface.
    pub name: &'static str,
    pub default_severity: Severity,
    /// Whether the rule runs when no selection names it. Style hints that
    /// disagree with much human usage are off by default.
    pub default_enabled: bool,
    pub fix: FixKind,
    /// One line for `salin rules`.
    pub summary: &'static str,
    /// The rule's doc comment, Markdown.
    pub docs: &'static str,
}

impl RuleMeta {
    /// The documentation with rustdoc's leading space removed from each line.
    pub fn documentation(&self) -> String {
        let mut out = String::new();
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }
}

/// What every rule declares about itself: written by [`declare_rule!`].
pub trait Declared {
    fn meta(&self) -> &'static RuleMeta;
    fn id(&self) -> RuleId {
        RuleId(self.meta().name)
    }
}

/// A rule: its checks. Each has a default that does nothing, so a rule
/// writes only the ones it needs.
pub trait Rule: Declared + Send + Sync {
    /// What a segment must hold for [`Rule::check`] to find anything: the
    /// checker skips the segments without it. Declare it from the word
    /// lists and marks the rule looks for, never by hand.
    fn needs(&self) -> Needs {
        Needs::ANYTHING
    }
    /// Rules about prose: one segment.
    fn check(&self, _ctx: &Context<'_>, _out: &mut Reporter<'_>) {}
    /// Source-aware rules: one translation unit. Called for every unit of
    /// the document, with or without a source.
    fn check_unit(&self, _ctx: &UnitContext<'_>, _out: &mut Reporter<'_>) {}
    /// Rules about a whole document (keys missing from a paired file, terms
    /// counted over all units).
    fn check_document(&self, _doc: &Document, _glossary: &Glossary, _out: &mut Reporter<'_>) {}
}

/// Declares a rule struct whose doc comment becomes its `RuleMeta::docs`,
/// with its [`RuleId`] and [`RuleMeta`] as constants and its [`Declared`]
/// implementation.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub struct $name:ident {
            name: $rule:literal,
            severity: $severity:ident,
            $(default_enabled: $enabled:literal,)?
            fix: $fix:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name;

        impl $name {
            pub const ID: $crate::rules::RuleId = $crate::rules::RuleId::declared($rule);
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                name: $rule,
                default_severity: $crate::diagnostic::Severity::$severity,
                default_enabled: $crate::rules::enabled_default(&[$($enabled)?]),
                fix: $crate::rules::FixKind::$fix,
                summary: $summary,
                docs: concat!($($doc, "\n"),+),
            };
        }

        impl $crate::rules::Declared for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }
        }
    };
}
pub(crate) use declare_rule;

/// `true` unless the rule declares `default_enabled: false`.
pub const fn enabled_default(declared: &[bool]) -> bool {
    match declared {
        [value] => *value,
        _ => true,
    }
}

/// The rules that run when no selection is given.
pub fn default_rules() -> Vec<&'static dyn Rule> {
    ALL.iter()
        .copied()
        .filter(|r| r.meta().default_enabled)
        .collect()
}

/// The rule called `name`.
pub fn by_name(name: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|r| r.meta().name == name)
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::testing::{checker, checker_all, doc_examples, example_document};
    use super::*;
    use crate::input::{Document, Format};

    /// Every rule's documented examples are true: each "Bad" line is flagged
    /// by that rule, each "Good" line by no default rule, nor by the rule
    /// itself when it is off by default.
    #[test]
    fn documented_examples_hold() {
        for rule in ALL {
            let meta = rule.meta();
            let bad = doc_examples(meta.docs, "Bad");
            let good = doc_examples(meta.docs, "Good");
            assert!(
                !bad.is_empty() && !good.is_empty(),
                "{} lacks examples",
                meta.name
            );
            let with_all = |line: &str| checker_all().check(&example_document(line));
            for line in bad {
                let found = with_all(&line);
                assert!(
                    found.iter().any(|d| d.rule == meta.name),
                    "{}: bad example not flagged: {line:?} (got {found:?})",
                    meta.name
                );
            }
            for line in good {
                let mut found = checker().check(&example_document(&line));
                found.extend(with_all(&line).into_iter().filter(|d| d.rule == meta.name));
                assert!(
                    found.is_empty(),
                    "{}: good example flagged: {line:?}: {found:?}",
                    meta.name
                );
            }
        }
    }

    /// A rule's prefilter skips only segments where the rule would find
    /// nothing: every documented example of every rule, checked by each
    /// rule with and without prefilters, gives the same findings.
    #[test]
    fn prefilters_drop_no_finding() {
        let dict = crate::lexicon::Dictionary::from_words(["pag-unlad", "pag-asa", "hating-gabi"]);
        let mut texts: Vec<String> = ALL
            .iter()
            .flat_map(|r| {
                let docs = r.meta().docs;
                let mut lines = doc_examples(docs, "Bad");
                lines.extend(doc_examples(docs, "Good"));
                lines
            })
            .collect();
        texts.push("Ang pagunlad at pag-asa ng Co Ltd noong Hulyo 4, 20244 at ika 5.".into());
        for rule in ALL {
            let with = crate::Checker::with_rules(crate::Glossary::embedded(), vec![*rule])
                .with_dictionary(Some(dict.clone()));
            let without = with.clone().without_prefilters();
            for text in &texts {
                let doc = example_document(text);
                assert_eq!(
                    with.check(&doc),
                    without.check(&doc),
                    "{}: {text:?}",
                    rule.meta().name
                );
            }
        }
    }

    /// Odd text (non-ASCII capitals, combining marks, emoji, stray marks at
    /// the edges) makes no rule panic, with or without a dictionary.
    #[test]
    fn odd_text_does_not_panic() {
        let dict = crate::lexicon::Dictionary::from_words(["pag-unlad", "ñandu-ñandu"]);
        let with_dict = crate::Checker::with_rules(crate::Glossary::embedded(), ALL.to_vec())
            .with_dictionary(Some(dict));
        for text in [
            "Ñandu İstanbul ǅemal µs Ωmega 😀 e\u{301}ka",
            "\"",
            "“ ” ( ) [ ] - -- — ‘ ’ ' :) ;(",
            "ika",
            "ika -",
            "alas -",
            "- ika",
            "Ng",
            "ng ng ng",
            "nalang-",
            "ÑagaMaynila tagaÑandu ikaⅣ ika ٣ JUL-04-٢٠٢٤٤",
            "pagÑandu Pagunlad ñandu -ñandu ÑANDU ÑANDU ÑANDU",
            "\" Ñ . \" at “ Ñ ”. The is of the and to by. Sa Ang Mga ng Ang ñ",
            "araw araw\r\naraw\u{a0}araw",
        ] {
            for doc in [
                Document::new("t.txt", text, Format::Plain),
                Document::new("t.md", text, Format::Markdown),
            ] {
                let _ = checker_all().check(&doc);
                let _ = with_dict.check(&doc);
                let _ = crate::fix::fix_document(&with_dict, &doc, crate::Applicability::Unsafe);
            }
        }
    }

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<&str> = ALL.iter().map(|r| r.meta().name).collect();
        for n in &names {
            assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{n}");
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
    }
}
