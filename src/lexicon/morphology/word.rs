//! One word taken apart: linker, suffix, prefix chain, infix, aspect copy,
//! and a stem that the lexicon (or the dictionary) knows.
//!
//! `pinagbubuti` = `pinag` + copy `bu` + `buti`; `kumakain` = `k` `-um-`
//! `a` `kain`; `pangkalahatang` = `pangkalahatan` + linker `-g`;
//! `basahin` = `basa` + `-hin`; `mamili` = `mang` + `pili` (the nasal of
//! the prefix replaces the stem's first consonant).

use super::affixes::{Chain, SUFFIXES, chains_at_start, is_enclitic, is_vowel};
use super::syllable::syllables;
use crate::lexicon::Frequency;

/// Where a stem was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// In the lexicon, with its frequencies.
    Lexicon(Frequency),
    /// In the user's or the system's dictionary only.
    Dictionary,
}

/// One reading of a word as affixes around a known stem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    pub prefix: Option<Chain>,
    pub infix: Option<&'static str>,
    /// The stem's first syllable is copied (aspect): `nagsasalita`.
    pub copy: bool,
    pub suffix: Option<&'static str>,
    /// `ng` after a vowel, `g` after `n`.
    pub linker: Option<&'static str>,
    pub stem: String,
    pub known: Known,
}

impl Analysis {
    /// Verbal inflection: an infix, an aspect copy, a doubled or stacked
    /// prefix chain, or a prefix with a suffix. Names are seldom inflected
    /// (a bare `ma-` or `mag-` is: `Makati`, `Magsaysay`). A nominal
    /// circumfix (`ka-...-an`, `pa-...-an`, `pang-...-an`) makes nouns,
    /// which titles and names capitalise (`Kasaysayan`, `Kagawaran`,
    /// `Pamahalaan`): no inflection.
    pub fn is_inflected(&self) -> bool {
        self.infix.is_some()
            || self.copy
            || self.prefix.is_some_and(|p| p.doubled || p.base.len() > 4)
            || (self.prefix.is_some() && self.suffix.is_some() && !self.is_nominal_circumfix())
    }

    /// `ka-`, `pa-` or `pang-` (and its nasal forms) with `-an`.
    fn is_nominal_circumfix(&self) -> bool {
        let nominal = self
            .prefix
            .is_some_and(|p| matches!(p.base, "ka" | "pa" | "pam" | "pan" | "pang"));
        nominal && matches!(self.suffix, Some("an" | "han" | "nan"))
    }

    /// Only a linker: `walang`, `awtomatikong`.
    pub fn is_linked_only(&self) -> bool {
        self.linker.is_some() && self.pieces() == 1
    }

    /// Any affix at all (a linker counts).
    pub fn is_affixed(&self) -> bool {
        self.prefix.is_some()
            || self.infix.is_some()
            || self.copy
            || self.suffix.is_some()
            || self.linker.is_some()
    }

    fn pieces(&self) -> usize {
        usize::from(self.prefix.is_some())
            + usize::from(self.infix.is_some())
            + usize::from(self.copy)
            + usize::from(self.suffix.is_some())
            + usize::from(self.linker.is_some())
    }
}

/// Function words, pronouns and enclitics: never the stem of an affixed
/// word (`maynila` is not `may` + `nila`). `wala` ("there is none") is
/// listed with the function words but takes affixes like a content word
/// (`kawalan`, `mawala`, `ipagwalang-bahala`).
fn is_closed_class(stem: &str) -> bool {
    stem != "wala" && is_closed_class_word(stem)
}

fn is_closed_class_word(stem: &str) -> bool {
    is_enclitic(stem)
        || crate::lexicon::is_particle(stem)
        || crate::lexicon::is_filipino_marker(stem)
        || crate::lexicon::is_english_function_word(stem)
}

/// A stem Filipino text uses more than English text does (three times as
/// much), or one only the dictionary knows.
fn is_native(known: Known) -> bool {
    match known {
        Known::Lexicon(f) => f.fil > 0 && (f.en < 30 || f.en + 5 < f.fil),
        Known::Dictionary => true,
    }
}

/// `lower` without a linker: (`walang` → `wala`, `ng`), (`kawalang` →
/// `kawalan`, `g`; and `kawala`, `ng`).
pub fn linker_bases(lower: &str) -> Vec<(&str, &'static str)> {
    let mut out = Vec::new();
    if let Some(base) = lower.strip_suffix("ng")
        && base.ends_with(is_vowel)
        && base.chars().count() >= 2
    {
        out.push((base, "ng"));
    }
    if let Some(base) = lower.strip_suffix('g')
        && base.ends_with('n')
        && base.chars().count() >= 3
    {
        out.push((base, "g"));
    }
    out
}

/// `word` without a suffix: (`basahin` → `basa`, `hin`), (`balikan` →
/// `balik`, `an`).
fn suffix_bases(word: &str) -> Vec<(&str, &'static str)> {
    SUFFIXES
        .iter()
        .filter_map(|&s| {
            let base = word.strip_suffix(s)?;
            let ok = base.len() >= 3
                && match s {
                    "han" | "hin" | "nan" | "nin" => base.ends_with(is_vowel),
                    _ => true,
                };
            ok.then_some((base, s))
        })
        .collect()
}

/// `word` without an infix after its first consonant: `kumain` → `kain`,
/// `binasa` → `basa`.
fn infix_bases(word: &str) -> Vec<(String, &'static str)> {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Vec::new();
    };
    if is_vowel(first) {
        return Vec::new();
    }
    let rest = chars.as_str();
    ["um", "in"]
        .into_iter()
        .filter_map(|infix| {
            let after = rest.strip_prefix(infix)?;
            (after.starts_with(is_vowel) && after.len() >= 2)
                .then(|| (format!("{first}{after}"), infix))
        })
        .collect()
}

/// `word` without the copy of its first syllable: `sasalita` → `salita`,
/// `aaral` → `aral`, `bubuti` → `buti`.
fn copy_base(word: &str) -> Option<&str> {
    let b = word.as_bytes();
    if b.len() >= 4 && is_vowel(char::from(b[0])) && b[1] == b[0] {
        return Some(&word[1..]);
    }
    if b.len() >= 5
        && !is_vowel(char::from(b[0]))
        && is_vowel(char::from(b[1]))
        && b[2..4] == b[..2]
    {
        return Some(&word[2..]);
    }
    None
}

/// Stems a nasal prefix may have eaten: `mamili` (`mam` + `ili`) → `pili`,
/// `bili`; `manakot` → `takot`; `manguha` → `kuha`.
fn nasal_stems(chain: &Chain, rest: &str) -> Vec<String> {
    let eaten: &[&str] = if chain.base.ends_with("ng") {
        &["k"]
    } else if chain.base.ends_with('m') {
        &["p", "b"]
    } else if chain.base.ends_with('n') {
        &["t", "d", "s"]
    } else {
        &[]
    };
    if !rest.starts_with(is_vowel) {
        return Vec::new();
    }
    eaten.iter().map(|c| format!("{c}{rest}")).collect()
}

/// Every reading of `lower` (lower-case) as affixes around a stem that
/// `known` accepts, simplest first. The bare word, when known, is the
/// first reading.
pub fn analyses(lower: &str, known: &dyn Fn(&str) -> Option<Known>) -> Vec<Analysis> {
    let mut out = Vec::new();
    // A function word is one piece (`upang` is no `upa` + `-ng`).
    if is_closed_class(lower) {
        return known(lower)
            .map(|k| Analysis {
                prefix: None,
                infix: None,
                copy: false,
                suffix: None,
                linker: None,
                stem: lower.to_string(),
                known: k,
            })
            .into_iter()
            .collect();
    }
    // A linker follows any word (`kanyang`, `walang`); other affixes need
    // a native content word of two syllables or more, as Tagalog roots
    // are: `incoming` is no `in` + `com` + `-ing`, `minsan` no `mins` +
    // `-an`. (Affixes on loans are written with a hyphen: `i-save`.)
    let stem_ok = |stem: &str, t: &Analysis| {
        t.is_linked_only()
            || (stem.chars().count() >= 4 && syllables(stem) >= 2 && !is_closed_class(stem))
    };
    let try_stem = |stem: &str, template: &Analysis, out: &mut Vec<Analysis>| {
        if template.is_affixed() && !stem_ok(stem, template) {
            return;
        }
        if let Some(k) = known(stem) {
            if template.is_affixed() && !template.is_linked_only() && !is_native(k) {
                return;
            }
            out.push(Analysis {
                stem: stem.to_string(),
                known: k,
                ..template.clone()
            });
        }
    };
    let empty = Analysis {
        prefix: None,
        infix: None,
        copy: false,
        suffix: None,
        linker: None,
        stem: String::new(),
        known: Known::Dictionary,
    };
    let mut linked: Vec<(&str, Option<&'static str>)> = vec![(lower, None)];
    linked.extend(linker_bases(lower).into_iter().map(|(b, l)| (b, Some(l))));
    for (w1, linker) in linked {
        let mut suffixed: Vec<(&str, Option<&'static str>)> = vec![(w1, None)];
        suffixed.extend(suffix_bases(w1).into_iter().map(|(b, s)| (b, Some(s))));
        for (w2, suffix) in suffixed {
            let mut prefixed: Vec<(&str, Option<Chain>)> = vec![(w2, None)];
            prefixed.extend(
                chains_at_start(w2, 3)
                    .into_iter()
                    .map(|c| (&w2[c.len..], Some(c))),
            );
            for (w3, prefix) in prefixed {
                let template = Analysis {
                    prefix,
                    linker,
                    suffix,
                    ..empty.clone()
                };
                let mut infixed = vec![(w3.to_string(), None)];
                // Infixes follow no prefix but `i-` and `ika-`
                // (`isinulat`, `ikinabit`).
                if prefix.is_none_or(|p| matches!(p.base, "i" | "ika")) {
                    infixed.extend(infix_bases(w3).into_iter().map(|(b, i)| (b, Some(i))));
                }
                for (w4, infix) in infixed {
                    let t = Analysis {
                        infix,
                        ..template.clone()
                    };
                    try_stem(&w4, &t, &mut out);
                    if let Some(base) = copy_base(&w4) {
                        try_stem(
                            base,
                            &Analysis {
                                copy: true,
                                ..t.clone()
                            },
                            &mut out,
                        );
                    }
                    if let Some(p) = prefix {
                        for stem in nasal_stems(&p, &w4) {
                            try_stem(&stem, &t, &mut out);
                        }
                    }
                }
            }
        }
    }
    out.sort_by_key(Analysis::pieces);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lexicon of a few stems, so the readings are exact.
    fn known(stem: &str) -> Option<Known> {
        const STEMS: &[&str] = &[
            "aral",
            "basa",
            "balik",
            "buti",
            "kain",
            "salita",
            "kalahatan",
            "wala",
            "kawalan",
            "takot",
            "pili",
            "bili",
            "kuha",
            "sulat",
            "ganda",
            "walang",
            "nila",
            "linis",
        ];
        STEMS.contains(&stem).then_some(Known::Dictionary)
    }

    fn first(word: &str) -> Analysis {
        analyses(word, &known)
            .into_iter()
            .find(Analysis::is_affixed)
            .unwrap_or_else(|| panic!("no affixed reading of {word}"))
    }

    #[test]
    fn readings_of_inflected_words() {
        // (word, prefix, infix, copy, suffix, linker, stem)
        type Row = (
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            bool,
            Option<&'static str>,
            Option<&'static str>,
            &'static str,
        );
        let rows: &[Row] = &[
            ("pinagbubuti", Some("pinag"), None, true, None, None, "buti"),
            ("kumakain", None, Some("um"), true, None, None, "kain"),
            ("binabasa", None, Some("in"), true, None, None, "basa"),
            ("nagsasalita", Some("nag"), None, true, None, None, "salita"),
            ("basahin", None, None, false, Some("hin"), None, "basa"),
            ("balikan", None, None, false, Some("an"), None, "balik"),
            (
                "pagbutihin",
                Some("pag"),
                None,
                false,
                Some("hin"),
                None,
                "buti",
            ),
            (
                "pangkalahatang",
                Some("pang"),
                None,
                false,
                None,
                Some("g"),
                "kalahatan",
            ),
            ("manakot", Some("man"), None, false, None, None, "takot"),
            ("manguha", Some("mang"), None, false, None, None, "kuha"),
            (
                "nakakapagsulat",
                Some("nakapag"),
                None,
                false,
                None,
                None,
                "sulat",
            ),
            (
                "makikipagsulatan",
                Some("makipag"),
                None,
                false,
                Some("an"),
                None,
                "sulat",
            ),
            ("magaaral", Some("mag"), None, true, None, None, "aral"),
            ("maganda", Some("ma"), None, false, None, None, "ganda"),
        ];
        for &(word, prefix, infix, copy, suffix, linker, stem) in rows {
            let a = analyses(word, &known);
            let found = a.iter().any(|a| {
                a.prefix.map(|p| p.base) == prefix
                    && a.infix == infix
                    && a.copy == copy
                    && a.suffix == suffix
                    && a.linker == linker
                    && a.stem == stem
            });
            assert!(found, "{word}: {a:#?}");
        }
        assert_eq!(first("walang").linker, Some("ng"));
        assert!(first("pinagbubuti").is_inflected());
        assert!(first("kumakain").is_inflected());
        assert!(!first("maganda").is_inflected());
        // A noun made with a circumfix is no inflection: `kabalikan`.
        let noun = analyses("kabalikan", &known)
            .into_iter()
            .find(|a| a.prefix.is_some() && a.suffix.is_some())
            .expect("ka + balik + an");
        assert!(!noun.is_inflected());
        let verb = analyses("pagbalikan", &known)
            .into_iter()
            .find(|a| a.prefix.is_some() && a.suffix.is_some())
            .expect("pag + balik + an");
        assert!(verb.is_inflected());
    }

    #[test]
    fn bare_known_words_come_first_and_function_words_are_no_stems() {
        let a = analyses("walang", &known);
        assert!(!a[0].is_affixed() && a[0].stem == "walang");
        // `maynila` is not `may` + `nila`: a pronoun is never a stem.
        assert!(analyses("maynila", &known).is_empty());
        assert!(analyses("quezon", &known).is_empty());
        assert!(analyses("", &known).is_empty());
    }
}
