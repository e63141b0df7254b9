//! Is a spaced hyphen (`nagda -download`, `kawalang - tatag`) a broken
//! hyphen inside one word, and which word?
//!
//! A hyphen joins, in Tagalog: a prefix and its stem (`pag-asa`,
//! `i-update`, `taga-Cebu`, `ika-5`), a prefix with the copied first
//! syllable of a loan and the loan (`nagda-download`, `kina-cancel`), two
//! halves of a reduplication (`sabay-sabay`, `pana-panahon`,
//! `kapaki-pakinabang`), and a compound whose linker or linking word was
//! dropped (`walang-tigil`, `kawalang-interes`, `punong-tanggapan`). A dash
//! between phrases looks the same once spaces surround it; a hyphen with a
//! space on one side only is rarely a dash. So each explanation gets a
//! [`Confidence`] from what it is and from the spacing.

use super::affixes::{Chain, is_enclitic, is_vowel, prefix_chain};
use super::syllable::{CopyMatch, copy_matches, parse_copy, syllables};
use super::word::linker_bases;
use super::{Confidence, Morphology};
use crate::lexicon::{is_compound, is_particle, looks_foreign};
use crate::text::tokens::{fold, starts_upper};

/// The white space around the hyphen (or in its place).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spacing {
    /// `pag -unlad`
    Before,
    /// `pag- unlad`
    After,
    /// `pag - unlad`
    Both,
    /// No hyphen, a space: `mag i-install`.
    Plain,
}

impl Spacing {
    fn one_sided(self) -> bool {
        matches!(self, Spacing::Before | Spacing::After)
    }
}

/// What the hyphen joins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HyphenKind {
    /// A prefix chain and its stem: `pag-unlad`, `i-update`, `nai-save`,
    /// `nakaka-inis`.
    Prefix { prefix: &'static str },
    /// A prefix and a proper noun: `taga-Argentina`, `pa-Amerika`.
    PrefixName { prefix: &'static str },
    /// A prefix and a numeral: `ika-5`, `alas-3`.
    PrefixNumber { prefix: &'static str },
    /// A prefix (or none) with the copied first syllable of the stem:
    /// `nagda-download`, `ina-update`, `kina-cancel`, `magpo-index` (a copy
    /// that does not repeat the stem: [`CopyMatch::None`]).
    PrefixCopy {
        prefix: Option<&'static str>,
        copy: String,
        matches: CopyMatch,
    },
    /// Both halves repeat: `sabay-sabay` (full), `pana-panahon`,
    /// `karaka-raka`, `kapaki-pakinabang` (partial).
    Reduplication { full: bool },
    /// A linked modifier and a word: `walang-tigil` (`wala` + `-ng`).
    LinkerCompound { base: String },
    /// A compound that salin's list or the dictionary knows.
    Compound,
}

/// A spaced hyphen explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HyphenJoin {
    pub kind: HyphenKind,
    /// The two sides joined by a hyphen, as written (`nagda-download`).
    pub joined: String,
    /// The KWF spelling when it has no hyphen at all: a vowel-final prefix
    /// before a native vowel-initial stem (`nakakainis`), a prefix before a
    /// native consonant-initial stem (`pagsulat`), a native CV copy
    /// (`maglalaba`).
    pub standard: Option<String>,
    pub confidence: Confidence,
}

/// Prefixes that take a numeral: `ika-5`, `alas-3`, `taga-1990`, `tig-5`.
const NUMERAL_PREFIXES: &[&str] = &["ala", "alas", "ika", "ikalabing", "labing", "taga", "tig"];

/// Words after a hyphen that show a suspended prefix (`mag- at nag-`).
fn is_conjunction(lower: &str) -> bool {
    matches!(lower, "at" | "o" | "and" | "or" | "hanggang" | "to")
}

impl Morphology<'_> {
    /// Explains `left`, a spaced hyphen and `right` as one word, or `None`
    /// when nothing joins them (a dash, a range, a suspended prefix).
    pub fn explain_hyphen(&self, left: &str, right: &str, spacing: Spacing) -> Option<HyphenJoin> {
        let first = right.chars().next()?;
        if left.is_empty() || !left.chars().all(char::is_alphabetic) {
            return None;
        }
        let l = fold(left);
        let r = fold(right);
        let joined = format!("{left}-{right}");
        let make = |kind, standard: Option<String>, confidence| {
            Some(HyphenJoin {
                kind,
                joined: joined.clone(),
                standard,
                confidence,
            })
        };
        if first.is_ascii_digit() {
            let c = prefix_chain(&l).filter(|c| NUMERAL_PREFIXES.contains(&c.base))?;
            let confidence = if spacing == Spacing::Plain {
                Confidence::Possible
            } else {
                Confidence::Certain
            };
            return make(
                HyphenKind::PrefixNumber { prefix: c.base },
                None,
                confidence,
            );
        }
        if !right
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            return None;
        }
        if is_particle(&r) || is_enclitic(&r) || is_conjunction(&r) {
            return None; // `nag- na anyo`, `mag- at nag-`: a suspended prefix
        }
        // Both halves capitalised around a spaced dash reads as a title or a
        // product name (`Mag - Log In`, `Pinaka - Advanced`): one step less
        // sure of anything.
        let title = starts_upper(left) && first.is_uppercase() && spacing == Spacing::Both;
        let tone = |c: Confidence| if title { c.weaker() } else { c };

        if let Some(c) = prefix_chain(&l) {
            let (kind, standard, confidence) = self.prefix_and_stem(c, left, right, &r, spacing)?;
            return make(kind, standard, tone(confidence));
        }
        if let Some((kind, standard, confidence)) = self.copy_and_stem(&l, &r, spacing) {
            return make(kind, standard, tone(confidence));
        }
        if let Some(full) = reduplication(&l, &r) {
            let confidence = if spacing == Spacing::Plain {
                Confidence::Possible
            } else {
                Confidence::Certain
            };
            return make(HyphenKind::Reduplication { full }, None, tone(confidence));
        }
        let lower_joined = format!("{l}-{r}");
        if is_compound(&lower_joined) || self.dictionary.is_some_and(|d| d.contains(&lower_joined))
        {
            return make(HyphenKind::Compound, None, tone(Confidence::Certain));
        }
        if spacing != Spacing::Plain
            && self.is_known_word(&r)
            && let Some((base, _)) = linker_bases(&l)
                .into_iter()
                .find(|(b, _)| b.chars().count() >= 3 && self.is_known_word(b))
        {
            // A linker asks for the word after it, and a hyphen glued to
            // one side is no dash; between two spaces it may be one. When
            // `-ng` may belong to the word itself (`tulong` is no `tulo` +
            // `-ng`), one step less sure; when it is surely a linker, a
            // title in capitals (`Walang - Sala`) is no dash either: a
            // linked word cannot end a phrase.
            let strong = is_surely_linked(&l);
            let confidence = match (spacing.one_sided(), strong) {
                (true, true) => Confidence::Certain,
                (true, false) | (false, true) => Confidence::Probable,
                (false, false) => Confidence::Possible,
            };
            return make(
                HyphenKind::LinkerCompound {
                    base: base.to_string(),
                },
                None,
                if strong { confidence } else { tone(confidence) },
            );
        }
        None
    }

    /// Whether `lower` reads as a loan: spelt like one, or used about as
    /// much in English text as in Filipino text (within a factor of three:
    /// Filipino writing borrows `upload`, `share`, `post` freely, while
    /// native words that happen to be English too, such as `halo` or
    /// `hiya`, are far commoner in Filipino).
    pub fn is_loan(&self, lower: &str) -> bool {
        let f = crate::lexicon::frequency(lower);
        looks_foreign(lower) || (f.en >= 30 && f.en + 5 >= f.fil)
    }

    /// A prefix chain on the left (`pag`, `nakaka`, `nai`) and a stem.
    fn prefix_and_stem(
        &self,
        c: Chain,
        left: &str,
        right: &str,
        r: &str,
        spacing: Spacing,
    ) -> Option<(HyphenKind, Option<String>, Confidence)> {
        use Confidence::*;
        let first = right.chars().next()?;
        let one_sided = spacing.one_sided();
        // A free word (`na`, `may`, `I`) written with a capital is most
        // likely the word, not a prefix.
        let free_capital = c.free && starts_upper(left);
        if first.is_uppercase() {
            if starts_upper(left) && !one_sided {
                return None;
            }
            let confidence = match (c.free, one_sided) {
                (false, _) => Certain,
                // `pa-Maynila` (towards Manila) is the free word's prefix use.
                (true, true) if c.base == "pa" => Probable,
                _ => Possible,
            };
            if spacing == Spacing::Plain {
                return None; // `taga Maynila` is affix-hyphen's
            }
            return Some((HyphenKind::PrefixName { prefix: c.base }, None, confidence));
        }
        let loan = self.is_loan(r) || r.contains('-');
        let known = loan || self.is_known_word(r);
        let vowel_initial = r.starts_with(is_vowel);
        let kind = HyphenKind::Prefix { prefix: c.base };
        if spacing == Spacing::Plain {
            // `mag i-install`: a bound prefix before a copy and its loan;
            // not before a word with its own prefix (`pang nag-champion`,
            // `pang` being `pa` + `ang` there) or a hyphenated loan
            // (`mag sign-in`).
            let (copied, stem) = r.split_once('-')?;
            let copy = parse_copy(copied)?;
            let repeats = copy_matches(&copy, stem, self.is_loan(stem)) != CopyMatch::None;
            return (!c.free && repeats).then_some((kind, None, Probable));
        }
        let written = format!("{}{}", fold(left), r);
        // `di-kilala`, `i-update`, `nai-save`, `pag-asa` always take a
        // hyphen; `nakakainis`, `pagsulat` none.
        let strong = c.base == "di" || loan || (vowel_initial && c.ends_in_consonant());
        let standard = (!strong).then_some(written);
        let confidence = if !known {
            Possible
        } else if one_sided {
            // The writer attached the hyphen to one word: never a dash.
            Certain
        } else if !c.free {
            // `pag - aaral`, `nag - download`; but `pag - sulat` may be a dash.
            if strong { Certain } else { Possible }
        } else if free_capital {
            Possible // `I - update`, `May - isang`: the word, then a dash
        } else if looks_foreign(r) {
            Certain // `i - click`: spelt as a loan
        } else if strong {
            Probable // `di - kilala`, `na - install`
        } else {
            Possible // `na - hindi`
        };
        Some((kind, standard, confidence))
    }

    /// A prefix chain (or none) plus a copied syllable on the left:
    /// `nagda` + `download`, `ina` + `update`, `kina` + `cancel`.
    fn copy_and_stem(
        &self,
        l: &str,
        r: &str,
        spacing: Spacing,
    ) -> Option<(HyphenKind, Option<String>, Confidence)> {
        use Confidence::*;
        if spacing == Spacing::Plain || !l.is_ascii() {
            return None;
        }
        let loan = self.is_loan(r);
        let mut best: Option<(HyphenKind, Option<String>, Confidence)> = None;
        for split in 0..l.len() {
            let (head, tail) = l.split_at(split);
            let Some(copy) = parse_copy(tail) else {
                continue;
            };
            let chain = if head.is_empty() {
                None
            } else {
                match prefix_chain(head) {
                    Some(c) => Some(c),
                    None => continue,
                }
            };
            // A bare copy needs its infix (`kina`, `hino`) to be a verb form.
            if chain.is_none() && copy.infix.is_none() {
                continue;
            }
            let matches = copy_matches(&copy, r, loan);
            let known = loan || self.is_known_word(r);
            let (standard, confidence) = match (matches, loan) {
                // A copy that repeats nothing is a guess, unless the left
                // side is no common word by itself (`magpo`; but `ito`,
                // `mali`). Not "no word at all": the lexicon's source split
                // words at hyphens, so fragments such as `magpo` are in it,
                // rarely.
                (CopyMatch::None, true) if self.is_common(l) => continue,
                // Between two spaces, a dash would need a word before it;
                // a rare fragment such as `magpo` is none.
                (CopyMatch::None, true) => (
                    None,
                    if spacing.one_sided() || self.is_rare(l) {
                        Probable
                    } else {
                        Possible
                    },
                ),
                (CopyMatch::None, false) => continue,
                (_, true) => (None, Certain),
                // A native stem's copy takes no hyphen: `maglalaba`.
                (_, false) => (
                    Some(format!("{l}{r}")),
                    if spacing.one_sided() {
                        Probable
                    } else {
                        Possible
                    },
                ),
            };
            if !known {
                continue;
            }
            // The left side may itself be a word (`kina`, the plural of
            // `kay`): with spaces on both sides, less sure.
            let confidence = if !spacing.one_sided() && self.is_common_filipino(l) {
                confidence.weaker()
            } else {
                confidence
            };
            let candidate = (
                HyphenKind::PrefixCopy {
                    prefix: chain.map(|c| c.base),
                    copy: tail.to_string(),
                    matches,
                },
                standard,
                confidence,
            );
            if best.as_ref().is_none_or(|b| candidate.2 > b.2) {
                best = Some(candidate);
            }
        }
        best
    }

    /// A word of Zipf 4.5 or more in either language.
    fn is_common(&self, lower: &str) -> bool {
        let f = crate::lexicon::frequency(lower);
        f.fil >= 45 || f.en >= 45
    }

    /// A word below Zipf 4.0 in Filipino and absent from English: a
    /// fragment of hyphenated text or no word at all.
    fn is_rare(&self, lower: &str) -> bool {
        let f = crate::lexicon::frequency(lower);
        f.fil < 40 && f.en == 0
    }

    /// A frequent Filipino word (Zipf 4.5 or more) that English seldom uses.
    fn is_common_filipino(&self, lower: &str) -> bool {
        let f = crate::lexicon::frequency(lower);
        f.fil >= 45 && f.fil > f.en
    }
}

/// Whether the `-ng`/`-g` of `linked` (lower-case) is surely a linker: the
/// word without it is about as common as with it (within one
/// Zipf unit: `walang`/`wala`, `maraming`/`marami`, a form the lexicon
/// lacks), not a word of its own that happens to end in `-ng` (`tulong` is
/// twenty times commoner than `tulo`, `tanong` than `tano`).
fn is_surely_linked(linked: &str) -> bool {
    let whole = crate::lexicon::frequency(linked).fil;
    linker_bases(linked)
        .into_iter()
        .any(|(base, _)| crate::lexicon::frequency(base).fil + 10 >= whole)
}

/// Whether `l` and `r` (lower-case) are the two halves of a reduplication,
/// and whether fully: `sabay-sabay`, `unti-unting`, `kitang-kita` (full);
/// `pana-panahon`, `karaka-raka`, `kalunus-lunos`, `kapaki-pakinabang`,
/// `kani-kanyang` (partial). `o`/`u` and `i`/`y` count as one letter.
fn reduplication(l: &str, r: &str) -> Option<bool> {
    if is_particle(l) || is_particle(r) {
        return None;
    }
    let norm = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                'o' => 'u',
                'y' => 'i',
                c => c,
            })
            .collect()
    };
    let (l, r) = (norm(l), norm(r));
    // Each side as written and without a linker (`dahang` is `daha` + `ng`
    // or `dahan` + `g`).
    let forms = |s: &str| -> Vec<String> {
        let mut out = vec![s.to_string()];
        out.extend(linker_bases(s).into_iter().map(|(b, _)| b.to_string()));
        out
    };
    let long = |s: &str| s.chars().count() >= 3 && syllables(s) >= 1;
    let (l_forms, r_forms) = (forms(&l), forms(&r));
    if l_forms.iter().any(|a| long(a) && r_forms.contains(a)) {
        return Some(true);
    }
    let l_stem = l_forms.last().cloned().unwrap_or_default();
    let r_stem = r_forms.last().cloned().unwrap_or_default();
    // `pana-panahon`, `kani-kaniang`: the right begins with the left.
    if long(&l) && syllables(&l) >= 2 && r.starts_with(&l) {
        return Some(false);
    }
    // `karaka-raka`, `kalunus-lunus`: the left ends with the right.
    if long(&r_stem)
        && syllables(&r_stem) >= 2
        && (l.ends_with(&r_stem) || l_stem.ends_with(&r_stem))
    {
        return Some(false);
    }
    // `kapaki-pakinabang`: a prefix and the right's first two syllables.
    for end in 1..l.len() {
        if !l.is_char_boundary(end) {
            continue;
        }
        let (head, copied) = l.split_at(end);
        if prefix_chain(head).is_some()
            && syllables(copied) >= 2
            && long(copied)
            && r.starts_with(copied)
        {
            return Some(false);
        }
    }
    None
}
