//! The closed inventory of Tagalog affixes: prefix chains (single and
//! stacked), the aspect doubling inside a chain, suffixes, the linker and the
//! enclitics.

/// A prefix chain as written before a stem: one prefix (`mag`) or a fixed
/// stack (`makipag`, `ipinag`, `maipa`). Lower-case, sorted. `free` marks
/// chains that are also ordinary free words of Filipino or English (`na`,
/// `may`, `di`, the English `I`, `in`, `tag`): a space after them is no
/// evidence of a broken hyphen.
///
/// The aspect doubling of a chain's syllable (`naka` → `nakaka`, `maki` →
/// `makiki`, `nagpa` → `nagpapa`, `pakipag` → `pakikipag`) is not listed: see
/// [`prefix_chain`].
const CHAINS: &[(&str, bool)] = &[
    ("ala", true),
    ("alas", false),
    ("anti", false),
    ("de", true),
    ("di", true),
    ("i", true),
    ("ika", false),
    ("ikalabing", false),
    ("ikapag", false),
    ("ikina", false),
    ("in", true),
    ("ipa", false),
    ("ipag", false),
    ("ipam", false),
    ("ipan", false),
    ("ipang", false),
    ("ipina", false),
    ("ipinag", false),
    ("ipinam", false),
    ("ipinan", false),
    ("ipinang", false),
    // `ipa-`/`pa-` verbs in progress: the copied `pa` follows the infix.
    ("ipinapa", false),
    ("ka", true),
    ("kasing", false),
    ("kontra", false),
    ("labing", false),
    ("ma", true),
    ("mag", false),
    ("magka", false),
    ("magkasing", false),
    ("magpa", false),
    ("magpaka", false),
    ("magsi", false),
    ("magsipag", false),
    ("mai", false),
    ("maipa", false),
    ("maipag", false),
    ("maka", false),
    ("makapag", false),
    ("makapang", false),
    ("maki", false),
    ("makipag", false),
    ("makipang", false),
    ("mala", false),
    ("mam", false),
    ("man", true),
    ("mang", false),
    ("mapa", false),
    ("mapag", false),
    ("mapang", false),
    ("may", true),
    ("na", true),
    ("nag", false),
    ("nagka", false),
    ("nagpa", false),
    ("nagpaka", false),
    ("nagsi", false),
    ("nagsipag", false),
    ("nai", false),
    ("naipa", false),
    ("naipag", false),
    ("naka", false),
    ("nakapag", false),
    ("nakapang", false),
    ("naki", false),
    ("nakipag", false),
    ("nakipang", false),
    ("nam", false),
    ("nan", false),
    ("nang", true),
    ("napa", false),
    ("napag", false),
    ("napang", false),
    ("ni", true),
    ("pa", true),
    ("pag", false),
    ("pagka", false),
    ("pagpa", false),
    ("pagpaka", false),
    ("paka", false),
    ("paki", false),
    ("pakipag", false),
    ("pam", false),
    ("pampa", false),
    ("pan", false),
    ("pang", false),
    ("pina", false),
    ("pinag", false),
    ("pinaka", false),
    ("pinang", false),
    ("pinapa", false),
    ("pro", true),
    ("sang", true),
    ("sing", true),
    ("sumang", false),
    ("tag", true),
    ("taga", false),
    ("tagapag", false),
    ("tagapang", false),
    ("tig", false),
    ("um", true),
];

/// Suffixes, longest first: `-han`/`-hin` and `-nan`/`-nin` follow a
/// vowel-final stem (`basahin`, `tawanan`), `-an`/`-in` a consonant-final one.
pub const SUFFIXES: &[&str] = &["han", "hin", "nan", "nin", "an", "in"];

/// Enclitic particles and pronouns: they follow the first word of a clause
/// and are never a stem (`nag- na anyo` is a suspended prefix, not
/// `nag-na`). Lower-case, sorted.
const ENCLITICS: &[&str] = &[
    "ba", "daw", "din", "ho", "ka", "kami", "kayo", "ko", "kong", "lamang", "lang", "man", "mo",
    "muna", "na", "naman", "nga", "niya", "pa", "pala", "po", "raw", "rin", "sana", "sila", "siya",
    "tayo", "tuloy", "yata",
];

/// Whether `lower` is an enclitic (`na`, `pa`, `rin`, `po`, `lang`, ...).
pub fn is_enclitic(lower: &str) -> bool {
    ENCLITICS.binary_search(&lower).is_ok()
}

/// The contractions written with an apostrophe on a host word:
/// `ako'y` = `ako ay`, `iba't` = `iba at`, `ano'ng` = `ano ang`. Returns the
/// host and the full form of the contracted word.
pub fn split_contraction(lower: &str) -> Option<(&str, &'static str)> {
    let (host, tail) = lower.rsplit_once(['\'', '\u{2019}'])?;
    let full = match tail {
        "y" => "ay",
        "t" => "at",
        "ng" => "ang",
        _ => return None,
    };
    (!host.is_empty()).then_some((host, full))
}

pub fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// A prefix chain found at the start of a word or as a whole left side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chain {
    /// The chain's dictionary form (`naka` for `nakaka`).
    pub base: &'static str,
    /// Bytes of the written form (`nakaka` is 6).
    pub len: usize,
    /// One syllable is doubled for aspect (`nakaka`, `nagpapa`).
    pub doubled: bool,
    /// Also an ordinary free word (see [`CHAINS`]).
    pub free: bool,
}

impl Chain {
    /// Ends in a consonant: such a prefix takes a hyphen before a vowel
    /// (`pag-asa`, `mag-aral`).
    pub fn ends_in_consonant(&self) -> bool {
        !self.base.ends_with(is_vowel)
    }

    /// A nasal prefix assimilated to the stem's first consonant (`pam-`,
    /// `man-`, `ipinan-` for `pang-`, `mang-`, `ipinang-`): only before a
    /// native stem, never before a name or a loan kept as spelt.
    pub fn is_assimilated(&self) -> bool {
        // (`um` and `in` are infixes written as prefixes: `umalis`, `inalis`.)
        self.base.len() >= 3
            && (self.base.ends_with('m')
                || (self.base.ends_with('n') && !self.base.ends_with("in")))
    }
}

fn lookup(s: &str) -> Option<(&'static str, bool)> {
    CHAINS
        .binary_search_by(|(c, _)| c.cmp(&s))
        .ok()
        .map(|i| CHAINS[i])
}

/// `s` (lower-case) read as a whole prefix chain, with at most one doubled
/// consonant-vowel syllable: `mag`, `makipag`, `nakaka` (`naka`),
/// `pakikipag` (`pakipag`), `nagpapa` (`nagpa`).
pub fn prefix_chain(s: &str) -> Option<Chain> {
    if s.len() > 12 || !s.is_ascii() {
        return None;
    }
    if let Some((base, free)) = lookup(s) {
        return Some(Chain {
            base,
            len: s.len(),
            doubled: false,
            free,
        });
    }
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(3) {
        let cv = &b[i..i + 2];
        if !is_vowel(char::from(cv[0])) && is_vowel(char::from(cv[1])) && b[i + 2..i + 4] == *cv {
            let undoubled = format!("{}{}", &s[..i + 2], &s[i + 4..]);
            if let Some((base, _)) = lookup(&undoubled) {
                return Some(Chain {
                    base,
                    len: s.len(),
                    doubled: true,
                    free: false,
                });
            }
        }
    }
    None
}

/// A prefix chain (lower-case) that is no free word (`taga`, `maka`,
/// `ipinag`, `mag`; not `pa`, `na`, `i`: `iPhone`) and keeps its own
/// spelling: before a name or a placeholder a nasal prefix is written
/// `pang-`, never assimilated (`pamMaynila` is no `pang` + name). Such a
/// prefix joins what follows it (`tagaMaynila`, `mag{verb}`).
pub fn is_bound_prefix(lower: &str) -> bool {
    prefix_chain(lower).is_some_and(|c| !c.free && !c.is_assimilated())
}

/// Every prefix chain that `word` (lower-case) starts with, leaving at least
/// `min_rest` bytes after it: `nakakapagod` → `naka`, `nakaka`, `na`.
pub fn chains_at_start(word: &str, min_rest: usize) -> Vec<Chain> {
    let mut out = Vec::new();
    let max = word.len().saturating_sub(min_rest).min(12);
    for end in 1..=max {
        if word.is_char_boundary(end)
            && let Some(c) = prefix_chain(&word[..end])
        {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        assert!(CHAINS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ENCLITICS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn assimilated_nasal_prefixes() {
        for p in ["pam", "pan", "mam", "man", "nam", "nan", "ipinam", "ipan"] {
            assert!(prefix_chain(p).unwrap().is_assimilated(), "{p}");
        }
        for p in [
            "pang", "mang", "in", "um", "ikina", "pag", "taga", "ipinang",
        ] {
            assert!(!prefix_chain(p).unwrap().is_assimilated(), "{p}");
        }
    }

    #[test]
    fn stacked_and_doubled_chains() {
        for (written, base, doubled) in [
            ("nakaka", "naka", true),
            ("makiki", "maki", true),
            ("pakikipag", "pakipag", true),
            ("nakikipag", "nakipag", true),
            ("nagpapa", "nagpa", true),
            ("magpapaka", "magpaka", true),
            ("pagkaka", "pagka", true),
            ("nagsisi", "nagsi", true),
            ("ipinapa", "ipinapa", false),
            ("pinapa", "pinapa", false),
            ("maipa", "maipa", false),
            ("nai", "nai", false),
            ("ipinag", "ipinag", false),
            ("tagapag", "tagapag", false),
        ] {
            let c = prefix_chain(written).expect(written);
            assert_eq!((c.base, c.doubled, c.len), (base, doubled, written.len()));
        }
        for no in ["bahay", "nakakaka", "magmag", "", "nagda", "ñag"] {
            assert_eq!(prefix_chain(no), None, "{no}");
        }
        assert!(prefix_chain("pag").unwrap().ends_in_consonant());
        assert!(!prefix_chain("nakaka").unwrap().ends_in_consonant());
        assert!(prefix_chain("na").unwrap().free);
        assert!(!prefix_chain("nakaka").unwrap().free);
    }

    #[test]
    fn chains_at_the_start_of_a_word() {
        let found: Vec<_> = chains_at_start("nakakapagod", 2)
            .iter()
            .map(|c| c.base)
            .collect();
        assert_eq!(found, ["na", "naka", "naka", "nakapag"]);
    }

    #[test]
    fn enclitics_and_contractions() {
        assert!(is_enclitic("rin") && is_enclitic("po") && !is_enclitic("bahay"));
        assert_eq!(split_contraction("ako'y"), Some(("ako", "ay")));
        assert_eq!(split_contraction("iba\u{2019}t"), Some(("iba", "at")));
        assert_eq!(split_contraction("ano'ng"), Some(("ano", "ang")));
        assert_eq!(split_contraction("'y"), None);
        assert_eq!(split_contraction("o'neil"), None);
    }
}
