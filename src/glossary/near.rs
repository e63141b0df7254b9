//! Candidate generation for near-miss names: a deletion-neighbourhood
//! (SymSpell-style) index over the glossary's words.
//!
//! Two words within edit distance `d` share at least one string once up to
//! `d` characters are deleted from each, so a lookup costs a few dozen probes
//! instead of a comparison with every word. Each glossary word is indexed
//! with the deletions its role allows (a one-word name by its length, see
//! [`max_distance`]; a word of a multi-word name one deletion from four
//! letters up, since the rest of the name is evidence too), and a word of
//! the text is looked up with [`query_distance`] deletions. The index stores
//! only 64-bit hashes of the deletion strings, sorted, beside the word they
//! came from (12 bytes per entry, plus a radix directory of 4 bytes per two
//! entries that finds a hash in one or two cache lines); it is built without
//! allocating a string per deletion, each hash computed in constant time.
//! A hash collision can only add a candidate, which the caller verifies with
//! the real edit distance.

use super::words::WordId;

/// Distance allowed for a one-word name of `len` characters: none up to
/// five (too many ordinary words and other names sit one edit from a short
/// name: `Merco`, `Merck`), one up to eight, two above.
pub fn max_distance(len: usize) -> usize {
    match len {
        0..=5 => 0,
        6..=8 => 1,
        _ => 2,
    }
}

/// Distance allowed for one word of a multi-word name whose other words are
/// written exactly (`Yunan` in a name `Yunnan ...`): one from four
/// characters up, two from nine.
pub fn word_in_name_distance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// Deletions made from a word of the text when it is looked up: enough to
/// meet a word of either role.
pub fn query_distance(len: usize) -> usize {
    max_distance(len).max(word_in_name_distance(len))
}

/// Words longer than this (in characters) are neither indexed nor looked
/// up: no name is that long, and the deletion neighbourhood of a word costs
/// time cubic in its length (a 100,000-letter "word" would never finish).
pub const MAX_NEAR_LEN: usize = 64;

#[derive(Debug, Default)]
pub struct NearIndex {
    /// One entry per deletion variant, sorted by hash: the low 32 bits of
    /// its hash above the word it came from. (The hash's top bits are the
    /// entry's directory slot, so 32 + `bits` bits of it are compared; a
    /// collision only adds a candidate, which the caller verifies.)
    entries: Vec<u64>,
    /// A radix directory over `entries`: the entries whose hash's top
    /// `bits` bits are `b` are `entries[directory[b]..directory[b + 1]]`.
    /// A lookup reads two or three cache lines instead of binary-searching
    /// millions of entries (which cost twenty cache misses per probe).
    directory: Vec<u32>,
    bits: u32,
}

impl NearIndex {
    /// Indexes each word `(id, text, deletions)` with up to `deletions`
    /// characters deleted (0, 1 or 2; a word with 0 is not indexed).
    ///
    /// Built for speed on large glossaries (millions of variants): the
    /// hashes are made once, in order, into 256 buckets by their top byte
    /// (256 write streams, which the cache follows); each bucket (some
    /// tens of kilobytes) is then sorted where it lies. Scattering into
    /// millions of slots at random cost a cache miss per variant.
    pub(crate) fn new(words: &[(WordId, &str, u8)]) -> Self {
        let mut counts = [0usize; 257];
        for_each_deletion(words, &mut |h, _| counts[(h >> 56) as usize + 1] += 1);
        for b in 1..counts.len() {
            counts[b] += counts[b - 1];
        }
        let total = counts[256];
        let mut next = counts;
        let mut pairs = vec![(0u64, 0u32); total];
        for_each_deletion(words, &mut |h, id| {
            let at = &mut next[(h >> 56) as usize];
            pairs[*at] = (h, id);
            *at += 1;
        });
        let mut entries = Vec::with_capacity(total);
        for b in 0..256 {
            let bucket = &mut pairs[counts[b]..counts[b + 1]];
            bucket.sort_unstable();
            let mut last = None;
            for &pair in bucket.iter() {
                if last != Some(pair) {
                    entries.push(pair);
                    last = Some(pair);
                }
            }
        }
        drop(pairs);
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
            entries: entries
                .iter()
                .map(|&(h, id)| (h & 0xffff_ffff) << 32 | u64::from(id))
                .collect(),
            directory,
            bits,
        }
    }

    /// Number of deletion entries (for statistics and benchmarks).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Words that may be near `folded` (to be verified by the caller: the
    /// distance each role allows), without duplicates: those sharing a
    /// string with it once [`query_distance`] characters are deleted from
    /// it and the indexed deletions from them.
    pub fn candidates(&self, folded: &str) -> Vec<WordId> {
        let mut out: Vec<WordId> = Vec::new();
        if folded.len() > 4 * (MAX_NEAR_LEN + 2) || self.entries.is_empty() {
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
        deletion_hashes(word, query_distance(word.len()), &mut |h| {
            let b = top_bits(h, self.bits);
            let (from, to) = (self.directory[b] as usize, self.directory[b + 1] as usize);
            let low = h & 0xffff_ffff;
            for &e in &self.entries[from..to] {
                let id = e as u32;
                if e >> 32 == low && !out.contains(&id) {
                    out.push(id);
                }
            }
        });
        out
    }
}

/// Calls `emit(hash, word)` for every deletion variant of every indexed
/// word.
fn for_each_deletion(words: &[(WordId, &str, u8)], emit: &mut impl FnMut(u64, WordId)) {
    let mut chars = Vec::new();
    for &(id, word, d) in words {
        if d == 0 {
            continue;
        }
        chars.clear();
        chars.extend(word.chars());
        if chars.len() <= MAX_NEAR_LEN {
            deletion_hashes(&chars, usize::from(d), &mut |h| emit(h, id));
        }
    }
}

fn top_bits(h: u64, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        (h >> (64 - bits)) as usize
    }
}

/// Base of the polynomial hash (odd, so powers never vanish mod 2^64).
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// splitmix64's finaliser: the top bits (which pick the directory slot)
/// depend on every bit of the polynomial.
fn mix(mut h: u64) -> u64 {
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The hash of `word`: sum of `c[k] * BASE^k`, mixed.
#[cfg(test)]
fn hash_of(word: &[char]) -> u64 {
    let mut h = 0u64;
    let mut power = 1u64;
    for &c in word {
        h = h.wrapping_add(u64::from(c as u32 + 1).wrapping_mul(power));
        power = power.wrapping_mul(BASE);
    }
    mix(h)
}

/// Calls `emit` with the hash of `word` and of every string made by deleting
/// up to `d` (0, 1 or 2) of its characters. Duplicates are possible.
///
/// The hash is a polynomial, so each variant's hash comes from prefix and
/// suffix sums in constant time, instead of rehashing the whole word for
/// each of its ~n²/2 variants.
fn deletion_hashes(word: &[char], d: usize, emit: &mut impl FnMut(u64)) {
    let n = word.len();
    let value = |k: usize| u64::from(word[k] as u32 + 1);
    // pre[k]: chars before k at their own positions; suf[s][k]: chars from
    // k on, each moved down `s` positions (as after `s` deletions before it).
    let mut pre = [0u64; MAX_NEAR_LEN + 3];
    let mut suf = [[0u64; MAX_NEAR_LEN + 3]; 3];
    let mut powers = [1u64; MAX_NEAR_LEN + 3];
    for k in 1..=n {
        powers[k] = powers[k - 1].wrapping_mul(BASE);
    }
    for k in 0..n {
        pre[k + 1] = pre[k].wrapping_add(value(k).wrapping_mul(powers[k]));
    }
    for (s, row) in suf.iter_mut().enumerate().take(d + 1) {
        for k in (s..n).rev() {
            row[k] = row[k + 1].wrapping_add(value(k).wrapping_mul(powers[k - s]));
        }
    }
    emit(mix(pre[n]));
    if d == 0 {
        return;
    }
    for i in 0..n {
        // Deleting either of two equal neighbours gives the same string.
        if i > 0 && word[i] == word[i - 1] {
            continue;
        }
        emit(mix(pre[i].wrapping_add(suf[1][i + 1])));
        if d >= 2 {
            for j in i + 1..n {
                if j > i + 1 && word[j] == word[j - 1] {
                    continue;
                }
                // Chars between i and j move down one, chars after j two.
                let middle = suf[1][i + 1].wrapping_sub(suf[1][j]);
                emit(mix(pre[i].wrapping_add(middle).wrapping_add(suf[2][j + 1])));
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
                .map(|s| hash_of(&s.chars().collect::<Vec<_>>()))
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
    fn constant_time_hashes_equal_hashing_each_variant() {
        for word in ["innovent", "glaxosmithkline", "parañaque", "aabbcc"] {
            let chars: Vec<char> = word.chars().collect();
            let mut brute = vec![hash_of(&chars)];
            for i in 0..chars.len() {
                let mut one = chars.clone();
                one.remove(i);
                brute.push(hash_of(&one));
                for j in i..one.len() {
                    let mut two = one.clone();
                    two.remove(j);
                    brute.push(hash_of(&two));
                }
            }
            brute.sort();
            brute.dedup();
            assert_eq!(hashes(word, 2), brute, "{word}");
        }
    }

    #[test]
    fn distances_by_length() {
        assert_eq!(max_distance(5), 0);
        assert_eq!(max_distance(6), 1);
        assert_eq!(max_distance(8), 1);
        assert_eq!(max_distance(9), 2);
        assert_eq!(word_in_name_distance(3), 0);
        assert_eq!(word_in_name_distance(4), 1);
        assert_eq!(word_in_name_distance(9), 2);
        assert_eq!(query_distance(5), 1);
    }

    #[test]
    fn candidates_are_the_words_sharing_a_deletion() {
        let words = [(0, "innovent", 1), (1, "yunnan", 1), (2, "merco", 0)];
        let index = NearIndex::new(&words);
        assert_eq!(index.candidates("innovant"), [0]);
        assert_eq!(index.candidates("yunan"), [1]);
        // A word indexed with no deletion is not found near.
        assert!(index.candidates("mercos").is_empty());
        assert!(index.candidates("zzz").is_empty());
        assert_eq!(hashes("abc", 0).len(), 1);
    }
}
