//! Candidate generation for near-miss names: a deletion-neighbourhood
//! (SymSpell-style) index over the case-folded single-word glossary forms.
//!
//! Two words within edit distance `d` share at least one string once up to
//! `d` characters are deleted from each, so a lookup costs a few dozen probes
//! instead of a comparison with every term. The index stores only 64-bit
//! hashes of the deletion strings, sorted, beside the form they came from:
//! about 16 bytes per entry, built without allocating a string per deletion.
//! A hash collision can only add a candidate, which the caller verifies with
//! the real edit distance.

use std::collections::HashSet;

use super::{Form, Role};
use crate::lexicon::set::FnvBuild;

/// Distance allowed for a word of `len` characters: none up to five (too many
/// ordinary words and other names sit one edit from a short name: `Merco`,
/// `Merck`), one up to eight, two above.
pub fn max_distance(len: usize) -> usize {
    match len {
        0..=5 => 0,
        6..=8 => 1,
        _ => 2,
    }
}

/// Words longer than this (in characters) are neither indexed nor looked
/// up: no name is that long, and the deletion neighbourhood of a word costs
/// time cubic in its length (a 100,000-letter "word" would never finish).
pub const MAX_NEAR_LEN: usize = 64;

#[derive(Debug, Default)]
pub struct NearIndex {
    /// Hashes of the deletion variants, sorted.
    hashes: Vec<u64>,
    /// The form each hash came from.
    ids: Vec<u32>,
    /// A radix directory over `hashes`: the entries whose top `bits` bits
    /// are `b` are `hashes[directory[b]..directory[b + 1]]`. A lookup reads
    /// two or three cache lines instead of binary-searching millions of
    /// entries (which cost twenty cache misses per probe).
    directory: Vec<u32>,
    bits: u32,
    /// Every folded word of every form.
    words: HashSet<String, FnvBuild>,
}

impl NearIndex {
    pub(crate) fn new(forms: &[Form]) -> Self {
        let mut words: HashSet<String, FnvBuild> = HashSet::default();
        let mut entries = Vec::new();
        let mut chars = Vec::new();
        for (id, form) in forms.iter().enumerate() {
            for w in &form.words {
                if !words.contains(w) {
                    words.insert(w.clone());
                }
            }
            if form.words.len() != 1 || form.role == Role::Forbidden {
                continue;
            }
            chars.clear();
            chars.extend(form.words[0].chars());
            let d = max_distance(chars.len());
            if d > 0 && chars.len() <= MAX_NEAR_LEN {
                deletion_hashes(&chars, d, &mut |h| entries.push((h, id as u32)));
            }
        }
        entries.sort_unstable();
        entries.dedup();
        // About two entries per directory slot.
        let bits = (usize::BITS - entries.len().leading_zeros()).saturating_sub(1);
        let mut directory = vec![0u32; (1usize << bits) + 1];
        for &(h, _) in &entries {
            directory[top_bits(h, bits) + 1] += 1;
        }
        for b in 1..directory.len() {
            directory[b] += directory[b - 1];
        }
        NearIndex {
            hashes: entries.iter().map(|e| e.0).collect(),
            ids: entries.iter().map(|e| e.1).collect(),
            directory,
            bits,
            words,
        }
    }

    pub fn contains(&self, folded: &str) -> bool {
        self.words.contains(folded)
    }

    /// Number of deletion entries (for statistics and benchmarks).
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Single-word forms that may be within the allowed distance of `folded`
    /// (to be verified by the caller), without duplicates.
    pub fn candidates(&self, folded: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        if folded.len() > 4 * (MAX_NEAR_LEN + 2) {
            return out; // more than MAX_NEAR_LEN + 2 characters
        }
        let mut buf = ['\0'; MAX_NEAR_LEN + 2];
        let mut n = 0;
        for c in folded.chars() {
            if n == buf.len() {
                return out;
            }
            buf[n] = c;
            n += 1;
        }
        let word = &buf[..n];
        let d = max_distance(word.len());
        if d == 0 || self.hashes.is_empty() {
            return out;
        }
        deletion_hashes(word, d, &mut |h| {
            let b = top_bits(h, self.bits);
            let (from, to) = (self.directory[b] as usize, self.directory[b + 1] as usize);
            for k in from..to {
                if self.hashes[k] == h && !out.contains(&self.ids[k]) {
                    out.push(self.ids[k]);
                }
            }
        });
        out
    }
}

fn top_bits(h: u64, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        (h >> (64 - bits)) as usize
    }
}

/// A hash of the chars of `word`, skipping the positions in `skip`: one
/// multiply per character, finished with a mix so the top bits (which pick
/// the directory slot) depend on every character.
fn hash_without(word: &[char], skip: &[usize]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &c) in word.iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        h = (h ^ u64::from(c as u32)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    // splitmix64's finaliser.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Calls `emit` with the hash of `word` and of every string made by deleting
/// one, or (when `d` is 2) two of its characters. Duplicates are possible.
fn deletion_hashes(word: &[char], d: usize, emit: &mut impl FnMut(u64)) {
    emit(hash_without(word, &[]));
    for i in 0..word.len() {
        // Deleting either of two equal neighbours gives the same string.
        if i > 0 && word[i] == word[i - 1] {
            continue;
        }
        emit(hash_without(word, &[i]));
        if d >= 2 {
            for j in i + 1..word.len() {
                if j > i + 1 && word[j] == word[j - 1] {
                    continue;
                }
                emit(hash_without(word, &[i, j]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(w: &str, d: usize) -> Vec<u64> {
        let chars: Vec<char> = w.chars().collect();
        let mut out = Vec::new();
        deletion_hashes(&chars, d, &mut |h| out.push(h));
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn deletion_neighbourhood_matches_the_strings() {
        let expect = |strings: &[&str]| {
            let mut v: Vec<u64> = strings
                .iter()
                .map(|s| hash_without(&s.chars().collect::<Vec<_>>(), &[]))
                .collect();
            v.sort();
            v
        };
        assert_eq!(hashes("abc", 1), expect(&["abc", "bc", "ac", "ab"]));
        assert_eq!(hashes("aab", 1), expect(&["aab", "ab", "aa"]));
        assert_eq!(
            hashes("abc", 2),
            expect(&["abc", "bc", "ac", "ab", "a", "b", "c"])
        );
    }

    #[test]
    fn distances_by_length() {
        assert_eq!(max_distance(5), 0);
        assert_eq!(max_distance(6), 1);
        assert_eq!(max_distance(8), 1);
        assert_eq!(max_distance(9), 2);
    }
}
