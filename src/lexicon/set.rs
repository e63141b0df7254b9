//! A constant set of words, looked up in one hash and one comparison.
//!
//! The word lists are checked for every word of every document; a binary
//! search over them spent most of its time in `memcmp`. The set is built on
//! first use from the sorted list the source keeps for people to read.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: fast for the short keys of word lists.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FnvBuild = BuildHasherDefault<Fnv>;

/// A lazily built set over a static word list.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, FnvBuild>>,
    /// Longest word: longer keys are rejected without hashing.
    max_len: OnceLock<usize>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: OnceLock::new(),
            max_len: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        let max = *self
            .max_len
            .get_or_init(|| self.words.iter().map(|w| w.len()).max().unwrap_or(0));
        word.len() <= max
            && self
                .set
                .get_or_init(|| self.words.iter().copied().collect())
                .contains(word)
    }

    /// The words, as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SET: WordSet = WordSet::new(&["ang", "mga", "sa"]);

    #[test]
    fn membership() {
        assert!(SET.contains("mga"));
        assert!(!SET.contains("mg"));
        assert!(!SET.contains("mgaa"));
        assert_eq!(SET.words().len(), 3);
    }
}
