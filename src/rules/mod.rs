//! Rules: each one a file, a struct and a doc comment that is also its user
//! documentation (`salin explain RULE`).
//!
//! A rule sees one prose segment at a time, already tokenised, and pushes
//! [`Diagnostic`]s with byte spans into the original document.

mod affix_hyphen;
mod company_suffix;
mod d_r_alternation;
mod date_artifact;
mod email_mismatch;
mod empty_translation;
mod extra_key;
mod extract;
mod fused_particle;
mod glossary_case;
mod glossary_forbidden;
mod glossary_missing;
mod glossary_near_miss;
mod hyphen_spacing;
mod mid_sentence_capital;
mod missing_key;
mod number_mismatch;
mod placeholder_mismatch;
mod punctuation_mismatch;
mod punctuation_spacing;
mod quote_balance;
mod repeated_word;
mod untranslated;
mod untranslated_segment;
mod unused_suppression;
mod url_mismatch;
mod whitespace_mismatch;

use crate::diagnostic::{Diagnostic, Severity};
use std::cell::OnceCell;

use crate::glossary::{Glossary, Match, find_matches, name_tokens};
use crate::input::{Document, Segment, Unit, UnitKind};
use crate::lexicon::Dictionary;
use crate::text::Token;

pub use affix_hyphen::AffixHyphen;
pub use company_suffix::CompanySuffix;
pub use d_r_alternation::DRAlternation;
pub use date_artifact::DateArtifact;
pub use email_mismatch::EmailMismatch;
pub use empty_translation::EmptyTranslation;
pub use extra_key::ExtraKey;
pub use fused_particle::FusedParticle;
pub use glossary_case::GlossaryCase;
pub use glossary_forbidden::GlossaryForbidden;
pub use glossary_missing::GlossaryMissing;
pub use glossary_near_miss::GlossaryNearMiss;
pub use hyphen_spacing::HyphenSpacing;
pub use mid_sentence_capital::MidSentenceCapital;
pub use missing_key::MissingKey;
pub use number_mismatch::NumberMismatch;
pub use placeholder_mismatch::PlaceholderMismatch;
pub use punctuation_mismatch::PunctuationMismatch;
pub use punctuation_spacing::PunctuationSpacing;
pub use quote_balance::QuoteBalance;
pub use repeated_word::RepeatedWord;
pub use untranslated::Untranslated;
pub use untranslated_segment::UntranslatedSegment;
pub use unused_suppression::UnusedSuppression;
pub use url_mismatch::UrlMismatch;
pub use whitespace_mismatch::WhitespaceMismatch;

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

/// What a rule sees of one segment.
pub struct Context<'a> {
    /// The whole original document text; all ranges index into it.
    pub source: &'a str,
    pub segment: &'a Segment,
    /// The segment's words, in order.
    pub tokens: &'a [Token],
    pub glossary: &'a Glossary,
    /// Every prose segment of the document, in order; `segment` is
    /// `segments[index]`. Rules that judge a whole paragraph (quotes) look
    /// at its neighbours.
    pub segments: &'a [Segment],
    pub index: usize,
    /// A Tagalog word list, when the user has one (`--dictionary`, or the
    /// system's Hunspell list). Rules must work without it.
    pub dictionary: Option<&'a Dictionary>,
    /// Counts of Filipino and English function words over the whole
    /// document, to tell a Filipino document from an English one.
    pub language: &'a DocLanguage,
    /// How many English function words (`the`, `of`, `is`) the segment has:
    /// rules about English text skip segments with too few.
    pub english_words: u32,
    /// The document's lower-case words, shared by all its segments.
    words: &'a DocumentWords<'a>,
    /// Glossary names in the segment, found once and shared by the glossary
    /// rules.
    names: OnceCell<Names<'a>>,
    /// The segment's words in lower case, made once and shared by the rules.
    lower: OnceCell<Lowered>,
}

/// Every token of a segment in lower case, in one buffer.
enum Lowered {
    /// An ASCII segment lower-cased whole: token `t` is
    /// `text[t.start - base..t.end - base]`.
    Ascii { text: String, base: usize },
    /// The tokens lower-cased one after another, ending at `ends`.
    Words { text: String, ends: Vec<usize> },
}

/// How Filipino a document is, by its function words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocLanguage {
    pub filipino: usize,
    pub english: usize,
}

impl DocLanguage {
    /// Mostly Filipino: Filipino function words outnumber English ones.
    pub fn is_filipino(&self) -> bool {
        self.filipino >= 3 && self.filipino > self.english
    }
}

/// The segment's words as the glossary sees them (prefixes glued to a name
/// split off), and the glossary forms found among them.
pub struct Names<'a> {
    pub tokens: std::borrow::Cow<'a, [Token]>,
    pub matches: Vec<Match>,
}

/// What every segment of one document shares.
#[derive(Clone, Copy)]
pub struct DocumentContext<'a> {
    pub source: &'a str,
    pub segments: &'a [Segment],
    pub glossary: &'a Glossary,
    pub dictionary: Option<&'a Dictionary>,
    pub language: &'a DocLanguage,
    /// English function words per segment.
    pub english_words: &'a [u32],
    /// The document's lower-case words, made on first use (see
    /// [`Context::document_has_word`]).
    pub words: &'a DocumentWords<'a>,
}

/// Answers "is this lower-case word written anywhere in the document, as a
/// whole word (code and markup included)?". The first few questions scan
/// the text, which is fastest for the usual document with few questions;
/// after [`DocumentWords::SCANS`] of them the document's words are listed
/// once and each later question is one lookup, so a big document with many
/// questions stays linear (a scan per question took minutes on 20 MB).
#[derive(Default)]
pub struct DocumentWords<'a> {
    asked: std::cell::Cell<usize>,
    /// Maximal runs of word characters without a capital.
    set: OnceCell<std::collections::HashSet<&'a str, crate::lexicon::set::FnvBuild>>,
}

impl<'a> DocumentWords<'a> {
    const SCANS: usize = 8;

    fn contains(&self, source: &'a str, word: &str) -> bool {
        use crate::text::tokens::is_word_char;
        if self.set.get().is_none() && self.asked.get() < Self::SCANS {
            self.asked.set(self.asked.get() + 1);
            let is_word = |c: Option<char>| c.is_some_and(is_word_char);
            return source.match_indices(word).any(|(i, _)| {
                !is_word(source[..i].chars().next_back())
                    && !is_word(source[i + word.len()..].chars().next())
            });
        }
        self.set
            .get_or_init(|| {
                source
                    .split(|c: char| !is_word_char(c))
                    .filter(|w| !w.is_empty() && !w.chars().any(char::is_uppercase))
                    .collect()
            })
            .contains(word)
    }
}

impl<'a> Context<'a> {
    /// The context of segment `index` of a document, whose words are
    /// `tokens`.
    pub fn new(doc: &DocumentContext<'a>, index: usize, tokens: &'a [Token]) -> Self {
        Context {
            source: doc.source,
            segment: &doc.segments[index],
            tokens,
            glossary: doc.glossary,
            segments: doc.segments,
            index,
            dictionary: doc.dictionary,
            language: doc.language,
            english_words: doc.english_words.get(index).copied().unwrap_or(u32::MAX),
            words: doc.words,
            names: OnceCell::new(),
            lower: OnceCell::new(),
        }
    }

    /// Token `i` in lower case (computed once per segment for all tokens, so
    /// rules need not allocate a folded copy per word).
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        let range = &self.tokens[i].range;
        match self.lower.get_or_init(|| self.lowered()) {
            Lowered::Ascii { text, base } => &text[range.start - base..range.end - base],
            Lowered::Words { text, ends } => {
                let start = if i == 0 { 0 } else { ends[i - 1] };
                &text[start..ends[i]]
            }
        }
    }

    fn lowered(&self) -> Lowered {
        let segment = &self.source[self.segment.range.clone()];
        if segment.is_ascii() {
            // One pass over the whole segment; tokens keep their offsets.
            return Lowered::Ascii {
                text: segment.to_ascii_lowercase(),
                base: self.segment.range.start,
            };
        }
        let mut text = String::with_capacity(self.segment.range.len());
        let mut ends = Vec::with_capacity(self.tokens.len());
        for t in self.tokens {
            let word = &self.source[t.range.clone()];
            if word.is_ascii() {
                let start = text.len();
                text.push_str(word);
                text[start..].make_ascii_lowercase();
            } else {
                text.extend(word.chars().flat_map(char::to_lowercase));
            }
            ends.push(text.len());
        }
        Lowered::Words { text, ends }
    }

    /// Glossary names in the segment.
    pub fn names(&self) -> &Names<'a> {
        self.names.get_or_init(|| {
            let tokens = name_tokens(self.source, self.tokens);
            let matches = find_matches(self.source, &tokens, self.glossary);
            Names { tokens, matches }
        })
    }

    /// The text of the segment.
    pub fn text(&self) -> &'a str {
        &self.source[self.segment.range.clone()]
    }

    /// The text of token `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        &self.source[self.tokens[i].range.clone()]
    }

    /// Whether the word at byte `offset` begins a sentence or a line: only
    /// blanks and Markdown markup stand between it and the start of the text
    /// or of its line, a sentence mark (`.`, `!`, `?`, `:`, `;`), an opening
    /// quote or bracket, a dash, or a table cell border. (A line start counts
    /// because line-oriented text, such as UI strings or one paragraph per
    /// line, starts each line with a capital.)
    pub fn starts_sentence(&self, offset: usize) -> bool {
        let before = self.source[..offset].chars().rev().find(|&c| {
            c == '\n'
                || !(c.is_whitespace()
                    || matches!(c, '*' | '_' | '#' | '>' | '-' | '[' | '`' | '\u{feff}'))
        });
        match before {
            None => true,
            Some(c) => matches!(
                c,
                '\n' | '.'
                    | '!'
                    | '?'
                    | ':'
                    | ';'
                    | '"'
                    | '\u{201c}'
                    | '\u{2018}'
                    | '('
                    | '|'
                    | '\u{2014}'
                    | '\u{2013}'
            ),
        }
    }

    /// Whether `word` (lower case, no apostrophe) is written somewhere in
    /// the document as a whole word: between characters that are not word
    /// characters, anywhere in the text, code and markup included.
    ///
    /// Linear in the document over all calls (see [`DocumentWords`]).
    pub fn document_has_word(&self, word: &str) -> bool {
        self.words.contains(self.source, word)
    }

    /// Whether the line holding byte `offset` has no lower-case letter (a
    /// heading or label written in capitals).
    pub fn line_is_upper_case(&self, offset: usize) -> bool {
        // Look outwards from `offset` and stop at the first lower-case
        // letter: on an ordinary line it is a few characters away, so a
        // 20 MB line costs what a short one does.
        let before = self.source[..offset]
            .chars()
            .rev()
            .take_while(|&c| c != '\n');
        let after = self.source[offset..].chars().take_while(|&c| c != '\n');
        !before.chain(after).any(char::is_lowercase)
    }

    /// The text between tokens `i` and `i + 1`.
    #[inline]
    pub fn gap_after(&self, i: usize) -> &'a str {
        &self.source[self.tokens[i].range.end..self.tokens[i + 1].range.start]
    }
}

/// What a source-aware rule sees of one translation unit: the target value
/// and, when known, the source text it translates.
pub struct UnitContext<'a> {
    pub doc: &'a Document,
    pub unit: &'a Unit,
    /// The value's raw text ([`Unit::text`]); offsets into it map to the
    /// file with [`UnitContext::span`].
    pub target: String,
    pub glossary: &'a Glossary,
    /// Values that may stay the same as the source (`OK`, `Wi-Fi`), from the
    /// configuration's `allow-untranslated`.
    pub allow_untranslated: &'a [String],
}

impl<'a> UnitContext<'a> {
    pub fn new(
        doc: &'a Document,
        unit: &'a Unit,
        glossary: &'a Glossary,
        allow_untranslated: &'a [String],
    ) -> Self {
        UnitContext {
            doc,
            unit,
            target: unit.text(&doc.text),
            glossary,
            allow_untranslated,
        }
    }

    /// The source text, when the unit has one.
    pub fn source(&self) -> Option<&'a str> {
        self.unit.source.as_deref()
    }

    /// The source text, when the unit has one and a translation to compare
    /// with it (an empty translation is `empty-translation`'s alone).
    pub fn translated_source(&self) -> Option<&'a str> {
        self.source().filter(|_| !self.unit.is_empty())
    }

    /// The byte range of the file for `range` of [`UnitContext::target`].
    pub fn span(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.unit.file_range(range)
    }

    /// The whole value in the file (an empty range where an empty value is).
    pub fn value_span(&self) -> std::ops::Range<usize> {
        self.unit.range()
    }

    /// Whether the unit is a value of a localisation file (not an article
    /// paragraph or a whole article).
    pub fn is_value(&self) -> bool {
        self.unit.kind == UnitKind::Value
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Rules about prose: one segment. (Source-aware and document rules
    /// have none.)
    fn check(&self, _ctx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
    /// Source-aware rules: one translation unit. Called for every unit of
    /// the document, with or without a source.
    fn check_unit(&self, _ctx: &UnitContext<'_>, _out: &mut Vec<Diagnostic>) {}
    /// Rules about a whole document (keys missing from a paired file).
    fn check_document(&self, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
}

/// Declares a rule struct whose doc comment becomes its `RuleMeta::docs`.
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
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                name: $rule,
                default_severity: $crate::diagnostic::Severity::$severity,
                default_enabled: $crate::rules::enabled_default(&[$($enabled)?]),
                fix: $crate::rules::FixKind::$fix,
                summary: $summary,
                docs: concat!($($doc, "\n"),+),
            };
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

/// Every rule, in the order `salin rules` lists them.
pub static ALL: &[&dyn Rule] = &[
    &HyphenSpacing,
    &AffixHyphen,
    &RepeatedWord,
    &PunctuationSpacing,
    &CompanySuffix,
    &GlossaryCase,
    &GlossaryForbidden,
    &GlossaryNearMiss,
    &FusedParticle,
    &MidSentenceCapital,
    &QuoteBalance,
    &DateArtifact,
    &Untranslated,
    &DRAlternation,
    &PlaceholderMismatch,
    &NumberMismatch,
    &UrlMismatch,
    &EmailMismatch,
    &GlossaryMissing,
    &UntranslatedSegment,
    &EmptyTranslation,
    &MissingKey,
    &ExtraKey,
    &WhitespaceMismatch,
    &PunctuationMismatch,
    &UnusedSuppression,
];

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

    /// Odd text (non-ASCII capitals, combining marks, emoji, stray marks at
    /// the edges) makes no rule panic, with or without a dictionary.
    #[test]
    fn odd_text_does_not_panic() {
        let dict = crate::lexicon::Dictionary::from_words(["pag-unlad", "ñandu-ñandu"]);
        let with_dict = crate::Checker::with_rules(Glossary::embedded(), ALL.to_vec())
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
