//! Tagalog prefixes that are written with a hyphen before a vowel-initial
//! root, a proper noun, a numeral or a foreign word (KWF *Ortograpiyang
//! Pambansa*, "Gamit ng Gitling").

/// What salin knows about one prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    pub text: &'static str,
    /// Also an ordinary free word (`may` "there is", `na`, `pa`, `di`, the
    /// English `I`): spacing around a hyphen after it is weaker evidence.
    pub free_word: bool,
}

impl Prefix {
    /// Prefixes ending in a consonant take a hyphen before any vowel-initial
    /// root (`pag-asa`, `mag-aral`).
    pub fn ends_in_consonant(&self) -> bool {
        !self.text.ends_with(['a', 'e', 'i', 'o', 'u'])
    }
}

/// Prefixes, lower-case, sorted for binary search.
const PREFIXES: &[(&str, bool)] = &[
    ("ala", true),
    ("alas", false),
    ("anti", false),
    ("de", true),
    ("di", true),
    ("i", true),
    ("ika", false),
    ("ikalabing", false),
    ("ikapag", false),
    ("ipa", false),
    ("ipag", false),
    ("ipang", false),
    ("ipina", false),
    ("ipinag", false),
    ("ipinang", false),
    ("ka", true),
    ("kasing", false),
    ("kontra", false),
    ("labing", false),
    ("ma", true),
    ("mag", false),
    ("magkasing", false),
    ("magpa", false),
    ("magsipag", false),
    ("maka", false),
    ("makapag", false),
    ("makapang", false),
    ("maki", false),
    ("makikipag", false),
    ("makipag", false),
    ("mala", false),
    ("mang", false),
    ("mapag", false),
    ("may", true),
    ("na", true),
    ("nag", false),
    ("nagpa", false),
    ("nagsipag", false),
    ("naka", false),
    ("nakakapag", false),
    ("nakapag", false),
    ("nakapang", false),
    ("naki", false),
    ("nakikipag", false),
    ("nakipag", false),
    ("nang", true),
    ("napag", false),
    ("pa", true),
    ("pag", false),
    ("pagka", false),
    ("pagkaka", false),
    ("paki", false),
    ("pakiki", false),
    ("pakikipag", false),
    ("pang", false),
    ("pina", false),
    ("pinag", false),
    ("pinaka", false),
    ("pinang", false),
    ("pro", true),
    ("sang", true),
    ("sing", true),
    ("sumang", false),
    ("tag", true),
    ("taga", false),
    ("tagapag", false),
    ("tig", false),
];

/// The prefix `word` is, compared case-insensitively.
pub fn prefix(word: &str) -> Option<Prefix> {
    if word.len() > 10 || !word.is_ascii() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    PREFIXES
        .binary_search_by(|(p, _)| p.cmp(&lower.as_str()))
        .ok()
        .map(|i| Prefix {
            text: PREFIXES[i].0,
            free_word: PREFIXES[i].1,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_unique() {
        assert!(PREFIXES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn lookup_ignores_case() {
        assert_eq!(prefix("Pag").map(|p| p.text), Some("pag"));
        assert!(prefix("I").unwrap().free_word);
        assert!(!prefix("pinaka").unwrap().ends_in_consonant());
        assert!(prefix("mang").unwrap().ends_in_consonant());
        assert_eq!(prefix("bahay"), None);
    }
}
