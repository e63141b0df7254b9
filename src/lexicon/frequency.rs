//! How often a word is used in Filipino and in English text: the embedded
//! word-frequency lexicon.
//!
//! The data are the `small` lists of wordfreq 3.1.1 for `fil` and `en`
//! (about 30,000 words each, CC BY-SA 4.0: see `NOTICE`), exported by
//! `scripts/build-wordfreq-lexicon.sh` into `data/wordfreq/*.txt` and
//! embedded in the binary; the build needs no Python. Each frequency is a
//! Zipf value (log10 of occurrences per billion words: `ang` 7.7, a rare
//! word 3.0) rounded to a tenth and kept in one byte, `0` meaning "not in
//! the list", i.e. rarer than Zipf 3.0 (or no word at all).
//!
//! Rules ask it whether a word is an ordinary word of either language (a
//! lower-case non-word that matches a glossary name is a broken name; a
//! capitalised ordinary word mid-sentence is no name), and how English a
//! stretch of text is. Both lists hold names too (wordfreq lower-cases
//! everything): a frequency says a word is *used*, not that it is a common
//! noun; [`super::morphology`] and the context decide that.
//!
//! A lookup is one probe of a packed-key table (see [`super::set`]), as for
//! the other word sets, and costs what a probe of a word set of the same
//! size costs: a word of up to 13 bytes leaves bytes 13 and 14 of its
//! packed key empty, and the two frequencies are kept there, so a slot is
//! 16 bytes and a hit reads nothing else (`cargo bench --bench lexicon`).

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::set::{FnvBuild, pack, pack_lower, slot_of};

const FIL: &str = include_str!("../../data/wordfreq/fil.txt");
const EN: &str = include_str!("../../data/wordfreq/en.txt");

/// The Zipf frequency of a word in each language, times ten (`77` is Zipf
/// 7.7); `0` when the word is not in that language's list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Frequency {
    pub fil: u8,
    pub en: u8,
}

/// The Zipf value (times ten) assumed for a word missing from a list: the
/// lists stop at 3.0, so a missing word is rarer than that.
const ABSENT: u8 = 25;

impl Frequency {
    /// In either list.
    pub fn is_known(self) -> bool {
        self.fil > 0 || self.en > 0
    }

    /// Zipf frequency in Filipino text (0.0 when not in the list).
    pub fn fil_zipf(self) -> f32 {
        f32::from(self.fil) / 10.0
    }

    /// Zipf frequency in English text (0.0 when not in the list).
    pub fn en_zipf(self) -> f32 {
        f32::from(self.en) / 10.0
    }

    /// log10 of how much more often the word occurs in English text than in
    /// Filipino text (positive: more English), or `None` for a word in
    /// neither list. A word missing from one list counts as just below that
    /// list's floor (Zipf 2.5).
    pub fn english_log_ratio(self) -> Option<f32> {
        if !self.is_known() {
            return None;
        }
        let z = |v: u8| f32::from(if v == 0 { ABSENT } else { v }) / 10.0;
        Some(z(self.en) - z(self.fil))
    }

    /// The probability that the word comes from English rather than
    /// Filipino text, with both languages equally likely beforehand.
    pub fn english_probability(self) -> Option<f32> {
        self.english_log_ratio()
            .map(|r| 1.0 / (1.0 + 10f32.powf(-r)))
    }
}

/// The frequencies of `word` (any case; curly apostrophes count as straight
/// ones).
#[inline]
pub fn frequency(word: &str) -> Frequency {
    let lexicon = lexicon();
    let len = word.len();
    if len == 0 || len > lexicon.max_len {
        return Frequency::default();
    }
    if len <= INLINE_MAX
        && let Some(key) = pack_lower(word.as_bytes())
    {
        return lexicon.packed.get(key);
    }
    if word.is_ascii() && len <= LONG_ASCII_MAX {
        // Lower-cased on the stack: most long words are ASCII.
        let mut buf = [0u8; LONG_ASCII_MAX];
        let lower = &mut buf[..len];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).expect("ASCII");
        return lexicon.get(lower);
    }
    let key = normalize(word);
    lexicon.get(&key)
}

/// [`frequency`] of a word already in lower case (as rules have every
/// token, from the checker's token context): no lower-casing on the way.
#[inline]
pub fn frequency_lower(lower: &str) -> Frequency {
    let lexicon = lexicon();
    let len = lower.len();
    if (1..=INLINE_MAX).contains(&len) {
        return lexicon.packed.get(pack(lower.as_bytes()));
    }
    frequency(lower)
}

/// Whether `word` (any case) is in the Filipino or the English list.
pub fn is_known_word(word: &str) -> bool {
    frequency(word).is_known()
}

/// How English a run of words is, weighed by frequency.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Englishness {
    /// Words found in either list.
    pub known: usize,
    /// Words in neither list (names, numbers, typos, rare words).
    pub unknown: usize,
    /// The sum over known words of [`Frequency::english_probability`]: how
    /// many of them are English, in expectation.
    pub english: f32,
    /// The sum over known words of [`Frequency::english_log_ratio`], each
    /// clipped to ±3: the log10 odds that the run is English rather than
    /// Filipino under a word-by-word (unigram) model.
    pub log_odds: f32,
}

impl Englishness {
    /// The share of known words that are English, in expectation (0.0 with
    /// no known word).
    pub fn share(&self) -> f32 {
        if self.known == 0 {
            0.0
        } else {
            self.english / self.known as f32
        }
    }
}

/// [`Englishness`] of `words`.
pub fn englishness<'w>(words: impl IntoIterator<Item = &'w str>) -> Englishness {
    let mut out = Englishness::default();
    for w in words {
        let f = frequency(w);
        match (f.english_probability(), f.english_log_ratio()) {
            (Some(p), Some(r)) => {
                out.known += 1;
                out.english += p;
                out.log_odds += r.clamp(-3.0, 3.0);
            }
            _ => out.unknown += 1,
        }
    }
    out
}

/// Lower case, NFC, straight apostrophes: the form of the lists' words.
fn normalize(word: &str) -> String {
    word.nfc()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

/// Longest ASCII word lower-cased without an allocation.
const LONG_ASCII_MAX: usize = 64;

/// Longest word (in bytes) kept in the packed table: bytes 13 and 14 of
/// its key are free for the two frequencies.
const INLINE_MAX: usize = 13;
const FIL_SHIFT: u32 = 8 * 13;
const EN_SHIFT: u32 = 8 * 14;
/// The key without the frequencies.
const WORD_MASK: u128 = !((0xff << FIL_SHIFT) | (0xff << EN_SHIFT));

/// Packed words of up to 13 bytes with their frequencies inside the key,
/// by linear probing.
struct InlineTable {
    /// 0 is an empty slot.
    slots: Box<[u128]>,
    mask: usize,
}

impl InlineTable {
    fn with_capacity(words: usize) -> Self {
        let size = (words * 2).next_power_of_two().max(4);
        InlineTable {
            slots: vec![0; size].into_boxed_slice(),
            mask: size - 1,
        }
    }

    /// The slot holding `key` (packed, without frequencies), or the empty
    /// slot where it belongs.
    fn slot(&self, key: u128) -> usize {
        let mut i = slot_of(key, self.mask);
        while self.slots[i] != 0 && self.slots[i] & WORD_MASK != key {
            i = (i + 1) & self.mask;
        }
        i
    }

    fn get(&self, key: u128) -> Frequency {
        let mut i = slot_of(key, self.mask);
        loop {
            let slot = self.slots[i];
            // (An empty slot never matches: a key holds its length.)
            if slot & WORD_MASK == key {
                return Frequency {
                    fil: (slot >> FIL_SHIFT) as u8,
                    en: (slot >> EN_SHIFT) as u8,
                };
            }
            if slot == 0 {
                return Frequency::default();
            }
            i = (i + 1) & self.mask;
        }
    }

    fn update(&mut self, key: u128, f: impl FnOnce(&mut Frequency)) {
        let mut freq = self.get(key);
        let i = self.slot(key);
        f(&mut freq);
        self.slots[i] = key | u128::from(freq.fil) << FIL_SHIFT | u128::from(freq.en) << EN_SHIFT;
    }

    fn len(&self) -> usize {
        self.slots.iter().filter(|&&s| s != 0).count()
    }
}

struct Lexicon {
    packed: InlineTable,
    /// Words of more than 13 bytes.
    long: HashMap<String, Frequency, FnvBuild>,
    max_len: usize,
}

impl Lexicon {
    fn get(&self, key: &str) -> Frequency {
        if key.is_empty() {
            return Frequency::default();
        }
        if key.len() <= INLINE_MAX {
            return self.packed.get(pack(key.as_bytes()));
        }
        self.long.get(key).copied().unwrap_or_default()
    }

    fn build() -> Self {
        let capacity = entries(FIL).count() + entries(EN).count();
        let mut lexicon = Lexicon {
            packed: InlineTable::with_capacity(capacity),
            long: HashMap::default(),
            max_len: 0,
        };
        for (list, english) in [(FIL, false), (EN, true)] {
            for (word, zipf10) in entries(list) {
                let owned;
                let word = if word.is_ascii() {
                    word
                } else {
                    owned = normalize(word);
                    owned.as_str()
                };
                // Non-ASCII words are looked up after normalising, which may
                // change their length: allow for the longest form.
                lexicon.max_len = lexicon.max_len.max(word.len() * 2);
                let add = |f: &mut Frequency| {
                    if english {
                        f.en = f.en.max(zipf10);
                    } else {
                        f.fil = f.fil.max(zipf10);
                    }
                };
                if word.len() <= INLINE_MAX {
                    lexicon.packed.update(pack(word.as_bytes()), add);
                } else {
                    add(lexicon.long.entry(word.to_string()).or_default());
                }
            }
        }
        lexicon
    }
}

/// The (word, Zipf × 10) entries of one list file: `=N` lines set the
/// frequency of the words after them; `#` lines are comments.
fn entries(list: &'static str) -> impl Iterator<Item = (&'static str, u8)> {
    let mut zipf10 = 0u8;
    list.lines().filter_map(move |line| {
        if line.is_empty() || line.starts_with('#') {
            None
        } else if let Some(n) = line.strip_prefix('=') {
            zipf10 = n.parse().expect("a Zipf bucket line is `=N`");
            None
        } else {
            Some((line, zipf10))
        }
    })
}

/// Builds the lexicon afresh and returns how many words it holds: for the
/// benchmark of the one-time cost (lookups build it once, on first use).
#[doc(hidden)]
pub fn build_lexicon() -> usize {
    let l = Lexicon::build();
    l.packed.len() + l.long.len()
}

#[inline]
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_well_formed() {
        for list in [FIL, EN] {
            let mut last = u8::MAX;
            let mut words = 0;
            for line in list.lines().filter(|l| !l.starts_with('#')) {
                if let Some(n) = line.strip_prefix('=') {
                    let n: u8 = n.parse().unwrap();
                    assert!(n < last && (30..=80).contains(&n), "{line}");
                    last = n;
                } else {
                    assert!(!line.is_empty() && line.trim() == line, "{line:?}");
                    assert!(!line.chars().any(char::is_uppercase), "{line}");
                    words += 1;
                }
            }
            assert!((25_000..35_000).contains(&words), "{words}");
        }
    }

    #[test]
    fn every_listed_word_is_found_with_its_frequency() {
        // Words of every length: packed with the frequencies inside the key
        // (up to 13 bytes) or in the map of longer words.
        let mut lengths = std::collections::BTreeSet::new();
        for (list, english) in [(FIL, false), (EN, true)] {
            for (word, zipf10) in entries(list) {
                let f = frequency(word);
                let found = if english { f.en } else { f.fil };
                // A word listed twice (two spellings that normalise alike)
                // keeps its higher frequency.
                assert!(found >= zipf10, "{word}: {f:?}, listed {zipf10}");
                lengths.insert(word.len().min(20));
            }
        }
        assert!(lengths.contains(&13) && lengths.contains(&14) && lengths.contains(&16));
        // 58,587 entries, 48,879 distinct words (many are in both lists).
        assert_eq!(build_lexicon(), 48_879);
    }

    #[test]
    fn frequent_words_of_each_language() {
        let ang = frequency("ang");
        assert!(ang.fil >= 70, "{ang:?}");
        let the = frequency("the");
        assert!(the.en >= 70, "{the:?}");
        // Filipino text uses English too (`the` has Zipf 6.0 there): still
        // 50 times likelier in English.
        assert!(the.english_probability().unwrap() > 0.97);
        assert!(frequency("bahay").english_probability().unwrap() < 0.01);
        // Case and curly apostrophes do not matter.
        assert_eq!(frequency("ANG"), ang);
        assert_eq!(frequency_lower("ang"), ang);
        assert_eq!(
            frequency_lower("pakikipagtulungan"),
            frequency("Pakikipagtulungan")
        );
        assert_eq!(frequency_lower(""), Frequency::default());
        assert_eq!(frequency("Iba\u{2019}t"), frequency("iba't"));
        assert!(frequency("iba't").fil > 0);
    }

    #[test]
    fn non_ascii_and_long_words() {
        // NFD input finds the NFC entry.
        let nfc = frequency("parañaque");
        let nfd = frequency("Paran\u{303}aque");
        assert!(nfc.fil > 0, "{nfc:?}");
        assert_eq!(nfc, nfd);
        let long = frequency("pakikipagtulungan");
        assert!(long.fil > 0, "{long:?}");
        assert_eq!(frequency("PAKIKIPAGTULUNGAN"), long);
    }

    #[test]
    fn unknown_words() {
        for w in [
            "",
            "xqzvbn",
            "innovent",
            "glaxosmithklinex",
            "a-b-c-d-e-f-g-h-i-j-k",
        ] {
            assert!(!is_known_word(w), "{w}");
            assert_eq!(frequency(w).english_probability(), None);
        }
    }

    #[test]
    fn englishness_weighs_words() {
        let en = englishness("the file was saved to your computer".split(' '));
        assert_eq!(en.known, 7);
        assert!(en.share() > 0.8 && en.log_odds > 5.0, "{en:?}");
        let fil = englishness("ang bahay ay malaki at maganda".split(' '));
        assert!(fil.share() < 0.1 && fil.log_odds < -5.0, "{fil:?}");
        let mixed = englishness("i-save ang file sa computer".split(' '));
        assert!(mixed.share() > 0.2 && mixed.share() < 0.8, "{mixed:?}");
        let none = englishness(["Qwzx", "12345"]);
        assert_eq!((none.known, none.unknown, none.share()), (0, 2, 0.0));
    }
}
