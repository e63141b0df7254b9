//! Small closed word classes.

use super::set::{Key, WordLists, WordSet};

/// Filipino and English function words: a doubled one (`ang ang`, `the the`)
/// is a repetition error, never style. Lower-case, sorted. `na` is not here:
/// the adverb `na` ("already") before the linker `na` is grammatical
/// (`nakuha na na file`).
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "ang", "at", "ay", "for", "in", "is", "kay", "kina", "mga", "nang", "ng",
    "ni", "nina", "of", "on", "or", "sa", "si", "sina", "the", "to", "with",
];
static FUNCTION_WORDS_SET: WordSet = WordSet::new(FUNCTION_WORDS);

pub fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS_SET.contains(lower)
}

/// Enclitic particles and pronouns that are never the root of an affixed word.
/// Lower-case, sorted.
const PARTICLES: &[&str] = &[
    "ba", "daw", "din", "ka", "ko", "lang", "man", "mo", "na", "nga", "pa", "po", "raw", "rin",
];
static PARTICLES_SET: WordSet = WordSet::new(PARTICLES);

/// A function word or particle: a free word, never a root after a prefix.
pub fn is_particle(lower: &str) -> bool {
    is_function_word(lower) || PARTICLES_SET.contains(lower)
}

/// English function words: a run of them in a Filipino sentence is English
/// left untranslated. Words that are also Filipino (`at`, `may`, `man`, `na`)
/// and Taglish fillers (`so`) are left out. Lower-case, sorted.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "an", "and", "are", "as", "be", "been", "before", "being",
    "between", "but", "by", "can", "could", "did", "do", "does", "during", "for", "from", "had",
    "has", "have", "he", "her", "his", "how", "if", "in", "into", "is", "it", "its", "more",
    "most", "not", "of", "on", "or", "our", "over", "she", "should", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "under",
    "upon", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose",
    "will", "with", "within", "without", "would", "you", "your",
];
static ENGLISH_FUNCTION_WORDS_SET: WordSet = WordSet::new(ENGLISH_FUNCTION_WORDS);

pub fn is_english_function_word(lower: &str) -> bool {
    ENGLISH_FUNCTION_WORDS_SET.contains(lower)
}

/// Filipino function words and pronouns that English never uses: a clause
/// with one of them is Filipino. Lower-case, sorted.
const FILIPINO_MARKERS: &[&str] = &[
    "ako", "ang", "ay", "ba", "dahil", "daw", "din", "hindi", "ito", "iyon", "kami", "kanila",
    "kaniya", "kanya", "kasi", "kay", "kayo", "kina", "ko", "kung", "lamang", "lang", "mga", "mo",
    "na", "naman", "namin", "nang", "natin", "ng", "nga", "ngunit", "ni", "nila", "nina", "niya",
    "pa", "para", "pero", "po", "raw", "rin", "sa", "si", "sila", "sina", "siya", "tayo", "upang",
    "wala", "yung",
];
static FILIPINO_MARKERS_SET: WordSet = WordSet::new(FILIPINO_MARKERS);

pub fn is_filipino_marker(lower: &str) -> bool {
    FILIPINO_MARKERS_SET.contains(lower)
}

/// Which language a function word (any case) belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionWord {
    /// A Filipino marker ([`is_filipino_marker`]).
    Filipino,
    /// An English function word ([`is_english_function_word`]).
    English,
}

/// Whether `word` (ASCII, any case) is a Filipino marker or an English
/// function word, in one lookup (a Filipino marker first).
pub fn function_word_language(word: &str) -> Option<FunctionWord> {
    WordClass::of_key(Key::of_lower(word.as_bytes())).language()
}

/// The closed classes a word belongs to, computed once per word by the
/// tokeniser (one probe of one table for all of them) and kept on its token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct WordClass(u8);

/// The lists of [`WordClass`], bit `n` for list `n`.
static CLASSES: WordLists = WordLists::new(&[
    FILIPINO_MARKERS,
    ENGLISH_FUNCTION_WORDS,
    FUNCTION_WORDS,
    PARTICLES,
]);

impl WordClass {
    const FILIPINO_MARKER: u8 = 1;
    const ENGLISH_FUNCTION_WORD: u8 = 2;
    const FUNCTION_WORD: u8 = 4;
    const PARTICLE: u8 = 8;

    /// The classes of the lower-case ASCII word whose key is `key` (none
    /// for [`Key::NONE`]).
    #[inline]
    pub fn of_key(key: Key) -> WordClass {
        WordClass(CLASSES.lists_of(key))
    }

    /// The classes of `lower`, a lower-case word.
    pub fn of_lower(lower: &str) -> WordClass {
        WordClass::of_key(Key::of_lower(lower.as_bytes()))
    }

    /// The longest word of any class, in bytes: longer words have none.
    pub fn max_len() -> usize {
        CLASSES.max_len()
    }

    /// [`is_filipino_marker`].
    pub fn is_filipino_marker(self) -> bool {
        self.0 & Self::FILIPINO_MARKER != 0
    }

    /// [`is_english_function_word`].
    pub fn is_english_function_word(self) -> bool {
        self.0 & Self::ENGLISH_FUNCTION_WORD != 0
    }

    /// [`is_function_word`].
    pub fn is_function_word(self) -> bool {
        self.0 & Self::FUNCTION_WORD != 0
    }

    /// [`is_particle`]: a function word or a particle.
    pub fn is_particle(self) -> bool {
        self.0 & (Self::FUNCTION_WORD | Self::PARTICLE) != 0
    }

    /// The language the word marks, a Filipino marker first.
    pub fn language(self) -> Option<FunctionWord> {
        if self.is_filipino_marker() {
            Some(FunctionWord::Filipino)
        } else if self.is_english_function_word() {
            Some(FunctionWord::English)
        } else {
            None
        }
    }
}

/// Spelling that native Tagalog words do not have: `c`, `f`, `j`, `q`, `v`,
/// `x`, `z`, `th`, `sh`, `ph`, doubled `ee`/`oo`, ... or a final silent `e`
/// after a consonant (`file`, `device`, `online`). Such a word is a loan or
/// English. `lower` is lower-case.
pub fn looks_foreign(lower: &str) -> bool {
    if lower.contains(['c', 'f', 'j', 'q', 'v', 'x', 'z']) {
        return true;
    }
    if ["th", "sh", "ph", "ee", "oo", "ck", "gh", "wh"]
        .iter()
        .any(|p| lower.contains(p))
    {
        return true;
    }
    let chars: Vec<char> = lower.chars().collect();
    let n = chars.len();
    n >= 3 && chars[n - 1] == 'e' && !matches!(chars[n - 2], 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Abbreviations that end in a period and may be followed directly by a
/// capitalised word (`Sta.Rosa` is odd spacing, but not a missing sentence
/// break). Lower-case, sorted.
const ABBREVIATIONS: &[&str] = &[
    "atbp", "atty", "bb", "blg", "brgy", "capt", "co", "corp", "dr", "engr", "etc", "fr", "gen",
    "gng", "hon", "inc", "jr", "ltd", "ma", "mr", "mrs", "ms", "mt", "no", "pres", "prof", "rep",
    "sen", "sgt", "sr", "st", "sta", "sto", "vs",
];
static ABBREVIATIONS_SET: WordSet = WordSet::new(ABBREVIATIONS);

pub fn is_abbreviation(lower: &str) -> bool {
    ABBREVIATIONS_SET.contains(lower)
}

/// Filipino nicknames are often a doubled short syllable (`Bong Bong`,
/// `Zsa Zsa`, `Jun Jun`); a capitalised doubled word of at most four letters
/// is taken to be such a name.
pub fn is_doubled_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() <= 4
        && chars.all(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_lookup_agrees_with_the_lists() {
        for &w in FILIPINO_MARKERS {
            assert_eq!(
                function_word_language(w),
                Some(FunctionWord::Filipino),
                "{w}"
            );
            let upper = w.to_ascii_uppercase();
            assert_eq!(
                function_word_language(&upper),
                Some(FunctionWord::Filipino),
                "{w}"
            );
        }
        for &w in ENGLISH_FUNCTION_WORDS {
            let expected = if is_filipino_marker(w) {
                FunctionWord::Filipino
            } else {
                FunctionWord::English
            };
            assert_eq!(function_word_language(w), Some(expected), "{w}");
        }
        assert_eq!(function_word_language("bahay"), None);
    }

    /// The one-probe classes say what the list lookups say, for every word
    /// of every list and in any case.
    #[test]
    fn classes_agree_with_the_lists() {
        let every = [
            FUNCTION_WORDS,
            PARTICLES,
            ENGLISH_FUNCTION_WORDS,
            FILIPINO_MARKERS,
        ];
        for &w in every.iter().flat_map(|l| l.iter()) {
            for written in [w.to_string(), w.to_ascii_uppercase()] {
                let class = WordClass::of_key(Key::of_lower(written.as_bytes()));
                assert_eq!(class.is_function_word(), is_function_word(w), "{w}");
                assert_eq!(class.is_particle(), is_particle(w), "{w}");
                assert_eq!(class.is_filipino_marker(), is_filipino_marker(w), "{w}");
                let english = is_english_function_word(w);
                assert_eq!(class.is_english_function_word(), english, "{w}");
                assert!(w.len() <= WordClass::max_len());
            }
        }
        assert_eq!(WordClass::of_lower("bahay"), WordClass::default());
        assert_eq!(WordClass::of_lower("ñ"), WordClass::default());
    }

    #[test]
    fn lists_are_sorted() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(PARTICLES.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(FILIPINO_MARKERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn doubled_names() {
        assert!(is_doubled_name("Zsa"));
        assert!(is_doubled_name("Bong"));
        assert!(!is_doubled_name("Award"));
        assert!(!is_doubled_name("ang"));
        assert!(!is_doubled_name("NBA"));
    }
}
