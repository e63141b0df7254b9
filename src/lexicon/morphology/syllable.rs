//! Partial (consonant-vowel) reduplication: the copied syllable before a
//! stem, and how a loanword's first syllable is respelled when Tagalog
//! copies it.
//!
//! Aspect is marked by copying the stem's first syllable: `mag-aaral`
//! (`a` + `aral`), `tatakbo`. A loan keeps its spelling and takes a hyphen,
//! and the copy is written as it sounds: `nagda-download`, `magse-save`,
//! `ina-update`, `kina-cancel` (c → k), `magpo-photocopy` (ph → p),
//! `magsha-shopping`. The copy may carry the infix (`kina-cancel` is
//! `ka` + `-in-`, `hino-host`). So a copy matches a loan when its consonant
//! is one of the respellings of the loan's first consonant; its vowel says
//! how the loan's first vowel sounds (`download` → `da`), which spelling
//! cannot predict, so any vowel is accepted for a loan. A native stem's
//! copy repeats the stem's first consonant and vowel exactly.

use super::affixes::is_vowel;

/// A copied syllable: an optional consonant (one letter or a digraph such
/// as `sh`, `ts`, `ng`), the infix it may carry, and its vowel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copy {
    pub consonant: String,
    pub infix: Option<&'static str>,
    pub vowel: char,
}

const DIGRAPHS: &[&str] = &["ch", "ng", "ph", "sh", "th", "ts"];

/// `s` (lower-case) as one copied syllable: `a`, `da`, `sha`, `kina`
/// (`ka` with `-in-`), `tumi` (`ti` with `-um-`).
pub fn parse_copy(s: &str) -> Option<Copy> {
    let chars: Vec<char> = s.chars().collect();
    let vowel = *chars.last()?;
    if !is_vowel(vowel) || !s.is_ascii() {
        return None;
    }
    let head = &s[..s.len() - 1];
    let consonant_ok = |c: &str| c.len() == 1 && !c.starts_with(is_vowel) || DIGRAPHS.contains(&c);
    if head.is_empty() {
        return Some(Copy {
            consonant: String::new(),
            infix: None,
            vowel,
        });
    }
    if consonant_ok(head) {
        return Some(Copy {
            consonant: head.to_string(),
            infix: None,
            vowel,
        });
    }
    for infix in ["in", "um"] {
        if let Some(c) = head.strip_suffix(infix)
            && consonant_ok(c)
        {
            return Some(Copy {
                consonant: c.to_string(),
                infix: Some(infix),
                vowel,
            });
        }
    }
    None
}

/// How the first consonant of `word` (lower-case) may be written in a
/// Tagalog copy of its first syllable: `cancel` → `k`, `cellphone` → `s`,
/// `photo` → `p`/`f`, `chat` → `ts`/`ch`/`k`. Empty for a vowel-initial word.
pub fn onset_spellings(word: &str) -> Vec<String> {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Vec::new();
    };
    if is_vowel(first) {
        return Vec::new();
    }
    let second = chars.next();
    let two: String = word.chars().take(2).collect();
    let alternatives: &[&str] = match two.as_str() {
        "ch" => &["ts", "ch", "k", "s"],
        "sh" => &["sh", "s"],
        "ph" => &["p", "f"],
        "th" => &["t", "th"],
        "qu" => &["k"],
        "kn" => &["n"],
        "wr" => &["r"],
        "ps" => &["s"],
        "gh" => &["g"],
        "wh" => &["w"],
        "ng" => &["ng", "n"],
        "ts" => &["ts", "t"],
        _ => match first {
            'c' if matches!(second, Some('e' | 'i' | 'y')) => &["s"],
            'c' => &["k"],
            'f' => &["f", "p"],
            'v' => &["v", "b"],
            'j' => &["j", "dy"],
            'z' => &["z", "s"],
            'x' => &["s", "eks"],
            _ => &[],
        },
    };
    if alternatives.is_empty() {
        vec![first.to_string()]
    } else {
        alternatives.iter().map(|s| s.to_string()).collect()
    }
}

/// How well `copy` repeats the first syllable of `stem` (lower-case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CopyMatch {
    /// The copy does not repeat the stem's first syllable.
    None,
    /// The consonant matches (respelled, for a loan), the vowel is the
    /// loan's sound, not its letter: `nagda-download`.
    Sound,
    /// The copy is the stem's first consonant (or vowel) and vowel, letter
    /// for letter: `mag-aaral`, `naglo-load`, `magse-send`.
    Exact,
}

/// Whether `copy` repeats the first syllable of `stem`; `loan` allows the
/// respelled consonant and any vowel.
pub fn copy_matches(copy: &Copy, stem: &str, loan: bool) -> CopyMatch {
    let Some(first) = stem.chars().next() else {
        return CopyMatch::None;
    };
    let first_vowel = stem.chars().find(|&c| is_vowel(c));
    if is_vowel(first) {
        // `ina-update`, `ini-install`: a bare vowel.
        return match (copy.consonant.is_empty(), copy.vowel == first) {
            (false, _) => CopyMatch::None,
            (true, true) => CopyMatch::Exact,
            (true, false) if loan => CopyMatch::Sound,
            (true, false) => CopyMatch::None,
        };
    }
    let exact_consonant = stem.starts_with(copy.consonant.as_str()) && !copy.consonant.is_empty();
    let consonant = exact_consonant || (loan && onset_spellings(stem).contains(&copy.consonant));
    if !consonant {
        return CopyMatch::None;
    }
    // The vowel of the first syllable: the first vowel letter after the
    // onset (`load` → `o`, `download` → `o`).
    match first_vowel {
        Some(v) if v == copy.vowel && exact_consonant => CopyMatch::Exact,
        _ if loan => CopyMatch::Sound,
        _ => CopyMatch::None,
    }
}

/// The number of syllables of a Tagalog word: one per vowel, since Tagalog
/// has no diphthongs (`ka-in`, `a-a-ral`; `panahon` 3, `raka` 2).
pub fn syllables(word: &str) -> usize {
    word.chars().filter(|&c| is_vowel(c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(s: &str) -> Copy {
        parse_copy(s).expect(s)
    }

    #[test]
    fn copies_parse() {
        assert_eq!(copy("a").consonant, "");
        assert_eq!(copy("da").consonant, "d");
        assert_eq!(copy("sha").consonant, "sh");
        let kina = copy("kina");
        assert_eq!(
            (kina.consonant.as_str(), kina.infix, kina.vowel),
            ("k", Some("in"), 'a')
        );
        assert_eq!(copy("tumi").infix, Some("um"));
        for no in ["", "d", "dra", "bahay", "aa", "kana", "ñа"] {
            assert_eq!(parse_copy(no), None, "{no}");
        }
    }

    #[test]
    fn loan_onsets_are_respelled() {
        assert_eq!(onset_spellings("cancel"), ["k"]);
        assert_eq!(onset_spellings("cellphone"), ["s"]);
        assert_eq!(onset_spellings("photocopy"), ["p", "f"]);
        assert_eq!(onset_spellings("quit"), ["k"]);
        assert_eq!(onset_spellings("download"), ["d"]);
        assert_eq!(onset_spellings("upload"), Vec::<String>::new());
    }

    #[test]
    fn copies_match_stems() {
        use CopyMatch::*;
        for (c, stem, loan, expected) in [
            // Loans: the consonant as it sounds, any vowel.
            ("da", "download", true, Sound),
            ("se", "save", true, Sound),
            ("lo", "load", true, Exact),
            ("re", "restart", true, Exact),
            ("ka", "cancel", true, Sound),
            ("kina", "cancel", true, Sound),
            ("ho", "host", true, Exact),
            ("a", "update", true, Sound),
            ("i", "install", true, Exact),
            ("pi", "print", true, Exact),
            ("po", "photocopy", true, Exact),
            ("sha", "shopping", true, Sound),
            ("si", "sync", true, Sound),
            ("se", "cellphone", true, Sound),
            ("bu", "browse", true, Sound),
            // Not the stem's first syllable.
            ("po", "index", true, None),
            ("ka", "download", true, None),
            ("da", "update", true, None),
            // Native stems: letter for letter.
            ("a", "aral", false, Exact),
            ("ta", "takbo", false, Exact),
            ("ti", "takbo", false, None),
            ("i", "aral", false, None),
        ] {
            assert_eq!(copy_matches(&copy(c), stem, loan), expected, "{c} {stem}");
        }
    }

    #[test]
    fn syllable_counts() {
        assert_eq!(syllables("panahon"), 3);
        assert_eq!(syllables("raka"), 2);
        assert_eq!(syllables("aaral"), 3);
        assert_eq!(syllables("kain"), 2);
        assert_eq!(syllables("ng"), 0);
    }
}
