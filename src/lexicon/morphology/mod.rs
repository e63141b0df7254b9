//! Tagalog morphology: what rules ask about the shape of Filipino words.
//!
//! salin's rules used to rely on lists (prefixes, compounds, function
//! words); real text goes past them. This module reads words the way a
//! Tagalog reader does, from a closed inventory of affixes and the embedded
//! word-frequency lexicon ([`crate::lexicon::frequency`]), plus the user's
//! dictionary when there is one:
//!
//! - **prefixes**, single and stacked (`mag-`, `makipag-`, `ipinag-`,
//!   `nai-`, `maipa-`, `pakikipag-`), with the aspect doubling of a prefix
//!   syllable (`nakaka-`, `makiki-`, `nagpapa-`) — [`affixes`];
//! - **infixes** `-um-` and `-in-` (`kumain`, `binasa`; `kina-cancel`);
//! - **reduplication**: the copied first syllable of a stem (`mag-aaral`),
//!   of a loan as it sounds (`nagda-download`, `magse-save`, `ina-update`,
//!   `kina-cancel` with c → k) — [`syllable`] — and full or partial
//!   reduplication of a word (`sabay-sabay`, `pana-panahon`,
//!   `kapaki-pakinabang`) — [`hyphen`];
//! - **suffixes** `-an`/`-in` (`-han`/`-hin` after a vowel), the **linker**
//!   `-ng`/`-g` (`walang`, `pangkalahatang`), **enclitics** and the
//!   apostrophe contractions (`ako'y`, `iba't`) — [`word`], [`affixes`].
//!
//! The questions, on [`Morphology`]:
//!
//! - [`Morphology::explain_hyphen`]: is `X -Y` (a spaced hyphen) one word
//!   (prefix + stem, prefix + copy + stem, reduplication, linker
//!   compound), what is the joined form, and how sure is that?
//! - [`Morphology::word_facts`]: is this capitalised word an ordinary word
//!   (inflected, linked, frequent) rather than a name?
//! - [`Morphology::is_known_word`]: is this word known in either language,
//!   as it stands or as affixes around a known stem?
//! - [`crate::lexicon::englishness`]: how English is this run of words?
//!
//! Answers carry a [`Confidence`]; the rules decide what to do with it.
//!
//! Using it in a rule: make one `Morphology::new(ctx.dictionary)` per
//! check (it is two words wide), and ask it only about candidates that
//! cheap byte tests have kept (a spaced hyphen, a capital after a
//! lower-case word): `explain_hyphen` costs about a microsecond,
//! `word_facts` about two, a frequency probe a few nanoseconds (`cargo bench
//! --bench lexicon`). `examples/morphology_eval.rs` shows the judgement of
//! every candidate of the corpora with the context checks a rule needs
//! around it (title case, labels, bylines, verse, names).

pub mod affixes;
pub mod hyphen;
pub mod syllable;
pub mod word;

#[cfg(test)]
mod tests;

pub use affixes::{is_enclitic, split_contraction};
pub use hyphen::{HyphenJoin, HyphenKind, Spacing};
pub use syllable::CopyMatch;
pub use word::{Analysis, Known};

use crate::lexicon::{Dictionary, Frequency, frequency};
use crate::text::tokens::fold;

/// How sure an explanation is. Rules map it to what they do: a safe fix
/// needs [`Confidence::Certain`]; a finding with a suggestion (an unsafe
/// fix) [`Confidence::Probable`]; [`Confidence::Possible`] means the
/// reading exists but so does an innocent one (a dash, a name), and is no
/// finding on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    Possible,
    Probable,
    Certain,
}

impl Confidence {
    /// One step less sure.
    pub fn weaker(self) -> Self {
        match self {
            Confidence::Certain => Confidence::Probable,
            _ => Confidence::Possible,
        }
    }
}

/// The morphology, with the dictionary of the run (if any) as an extra
/// source of known stems.
#[derive(Clone, Copy, Debug, Default)]
pub struct Morphology<'d> {
    dictionary: Option<&'d Dictionary>,
}

/// What the lexicon and the morphology say about one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordFacts {
    pub frequency: Frequency,
    /// The most telling reading with affixes around a known stem, if any:
    /// an inflected one before one with a bare prefix or linker.
    pub analysis: Option<Analysis>,
}

/// Why a capitalised word is (or may be) an ordinary word, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ordinary {
    /// No evidence: unknown, or only an English word.
    None,
    /// A frequent Filipino word (names are in the lexicon too).
    Frequent,
    /// A prefix, suffix or linker on a known stem (`Makati` is `ma` +
    /// `kati`, so names can be).
    Affixed,
    /// Verbal inflection on a known stem: infix, aspect copy, stacked
    /// prefixes, prefix with suffix (`Pagbutihin`, `Isinasagawa`).
    Inflected,
}

impl WordFacts {
    /// How strongly the word reads as an ordinary Filipino word.
    pub fn ordinary(&self) -> Ordinary {
        match &self.analysis {
            Some(a) if a.is_inflected() => Ordinary::Inflected,
            Some(_) => Ordinary::Affixed,
            None if self.frequency.fil >= 40 && self.frequency.fil >= self.frequency.en => {
                Ordinary::Frequent
            }
            None => Ordinary::None,
        }
    }
}

impl<'d> Morphology<'d> {
    pub fn new(dictionary: Option<&'d Dictionary>) -> Self {
        Morphology { dictionary }
    }

    /// `lower` as a stem: in the lexicon (not a bare prefix such as `pag`,
    /// which the lexicon holds because its source split words at hyphens)
    /// or in the dictionary.
    pub fn known(&self, lower: &str) -> Option<Known> {
        // (A doubled chain may be a word: `tatag` is no `tag` doubled.)
        if affixes::prefix_chain(lower).is_some_and(|c| !c.free && !c.doubled) {
            return None;
        }
        let f = frequency(lower);
        if f.is_known() {
            return Some(Known::Lexicon(f));
        }
        // (English-only words are known too: `i-save`, `mag-share`.)
        self.dictionary
            .is_some_and(|d| d.contains(lower))
            .then_some(Known::Dictionary)
    }

    /// Every reading of `word` (any case) as affixes around a known stem.
    pub fn analyses(&self, word: &str) -> Vec<Analysis> {
        let lower = fold(word);
        word::analyses(&lower, &|s| self.known(s))
    }

    /// Whether `word` (any case) is a word of Filipino or English: in the
    /// lexicon or dictionary, or affixes around a stem that is. For a
    /// lower-case word that matches a glossary name, `false` means a broken
    /// name (`innovent`), `true` an ordinary word (`apple`).
    pub fn is_known_word(&self, word: &str) -> bool {
        let lower = fold(word);
        if let Some((host, _)) = split_contraction(&lower) {
            return self.is_known_word(host);
        }
        if self.known(&lower).is_some() {
            return true;
        }
        if let Some((a, b)) = lower.split_once('-') {
            // `i-install`, `mag-aaral`: a prefix and a known stem, or two
            // known words.
            let prefix_ok = affixes::prefix_chain(a).is_some() || self.is_known_word(a);
            return prefix_ok && self.is_known_word(b);
        }
        !word::analyses(&lower, &|s| self.known(s)).is_empty()
    }

    /// What the lexicon and the morphology say about `word` (any case).
    pub fn word_facts(&self, word: &str) -> WordFacts {
        let lower = fold(word);
        let all = word::analyses(&lower, &|s| self.known(s));
        let rank = |a: &Analysis| {
            let stem_fil = match a.known {
                Known::Lexicon(f) => f.fil,
                Known::Dictionary => 30,
            };
            (a.is_inflected(), stem_fil)
        };
        let whole = frequency(&lower);
        // A reading with a bare prefix or suffix whose stem is rarer than
        // the word itself is a coincidence of spelling (`minsan` is no
        // `mins` + `-an`, `makati` the place no `ma` + `kati`); inflection
        // and the linker are not (`awtomatikong` is commoner than
        // `awtomatiko`: modifiers are mostly linked).
        let analysis = all
            .into_iter()
            .filter(|a| {
                a.is_affixed()
                    && (a.is_inflected()
                        || a.is_linked_only()
                        || match a.known {
                            Known::Lexicon(f) => f.fil >= whole.fil,
                            Known::Dictionary => whole.fil == 0,
                        })
            })
            .max_by_key(|a| rank(a));
        WordFacts {
            frequency: whole,
            analysis,
        }
    }
}
