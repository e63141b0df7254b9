//! A constant set of words, looked up in one hash and one comparison.
//!
//! The word lists are checked for every word of every document. A binary
//! search over them spent most of its time in `memcmp`, and even a hash set
//! of strings pays for a `memcmp` call per probe; so words of up to 15 bytes
//! (all but a handful) are packed into one `u128` with their length, and the
//! set is an open-addressing table of those integers: a probe is a multiply,
//! a load and an integer comparison. The set is built on first use from the
//! sorted list the source keeps for people to read.

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

/// Longest word (in bytes) that is packed into an integer.
pub const PACKED_MAX: usize = 15;

/// A word of 1 to 15 ASCII bytes, lower-cased and packed into an integer
/// (see [`pack`]): what the tokeniser computes once per word, so that every
/// later lookup of the word (its lexicon class, a glossary's first words) is
/// a probe with no copy and no second pass over its bytes. Kept as two
/// halves so that a token holding one stays 8-byte aligned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Key {
    lo: u64,
    hi: u64,
}

impl Key {
    /// No key: the word is not ASCII, or longer than 15 bytes.
    pub const NONE: Key = Key { lo: 0, hi: 0 };

    /// The key of `word` with its ASCII letters lower-cased, or
    /// [`Key::NONE`].
    #[inline]
    pub fn of_lower(word: &[u8]) -> Key {
        if !(1..=PACKED_MAX).contains(&word.len()) {
            return Key::NONE;
        }
        match pack_lower(word) {
            Some(k) => Key {
                lo: k as u64,
                hi: (k >> 64) as u64,
            },
            None => Key::NONE,
        }
    }

    pub fn is_none(self) -> bool {
        self == Key::NONE
    }

    pub(crate) fn packed(self) -> u128 {
        u128::from(self.lo) | u128::from(self.hi) << 64
    }
}

/// `word` (1 to 15 bytes) as an integer: its bytes, little-endian, and its
/// length in the top byte. Never 0, the empty slot.
pub(crate) fn pack(word: &[u8]) -> u128 {
    let (lo, hi) = load(word);
    u128::from(lo) | (u128::from(hi | (word.len() as u64) << 56) << 64)
}

/// [`pack`] of `word` with its ASCII letters lower-cased, or `None` if it
/// is not ASCII.
pub(crate) fn pack_lower(word: &[u8]) -> Option<u128> {
    let (lo, hi) = load(word);
    if (lo | hi) & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    let hi = lower_ascii(hi) | (word.len() as u64) << 56;
    Some(u128::from(lower_ascii(lo)) | (u128::from(hi) << 64))
}

/// Bytes 0..8 and 8..15 of `word` (1 to 15 bytes) as little-endian
/// integers, zero-padded. Read with (possibly overlapping) loads straight
/// into registers: copying the bytes to a buffer and reading it back as one
/// integer stalled store-to-load forwarding, which was most of a lookup's
/// cost.
#[inline(always)]
fn load(word: &[u8]) -> (u64, u64) {
    let n = word.len();
    debug_assert!((1..=PACKED_MAX).contains(&n));
    let u64_at = |i: usize| u64::from_le_bytes(word[i..i + 8].try_into().expect("8 bytes"));
    let u32_at = |i: usize| {
        u64::from(u32::from_le_bytes(
            word[i..i + 4].try_into().expect("4 bytes"),
        ))
    };
    match n {
        // The loads overlap on equal bytes at equal places, so OR joins them.
        8..=15 => (
            u64_at(0),
            if n == 8 {
                0
            } else {
                u64_at(n - 8) >> (8 * (16 - n))
            },
        ),
        4..=7 => (u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0),
        _ => {
            let mut lo = 0;
            for (k, &b) in word.iter().enumerate() {
                lo |= u64::from(b) << (8 * k);
            }
            (lo, 0)
        }
    }
}

/// ASCII upper-case letters of the eight ASCII bytes of `x` made lower-case
/// (SWAR: each byte's high bit computes "is between `A` and `Z`").
#[inline(always)]
fn lower_ascii(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let ge_a = x + ONES * (0x80 - u64::from(b'A'));
    let gt_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = ge_a & !gt_z & (ONES * 0x80);
    x | (upper >> 2)
}

pub(crate) fn slot_of(key: u128, mask: usize) -> usize {
    let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask
}

/// Packed words (see [`pack`]) with a small value each, by linear probing.
/// Keys and values are kept apart, so a probe scans 16-byte keys only (a
/// set, with `V = ()`, stores no values at all) and reads its value on a hit.
#[derive(Debug)]
pub(crate) struct PackedTable<V = u8> {
    /// Packed words; 0 is an empty slot.
    keys: Box<[u128]>,
    values: Box<[V]>,
    mask: usize,
}

impl<V: Copy + Default> Default for PackedTable<V> {
    fn default() -> Self {
        PackedTable::with_capacity(0)
    }
}

impl<V: Copy + Default> PackedTable<V> {
    pub(crate) fn with_capacity(words: usize) -> Self {
        let size = (words * 2).next_power_of_two().max(4);
        PackedTable {
            keys: vec![0; size].into_boxed_slice(),
            values: vec![V::default(); size].into_boxed_slice(),
            mask: size - 1,
        }
    }

    fn slot(&self, key: u128) -> usize {
        let mut i = slot_of(key, self.mask);
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) & self.mask;
        }
        i
    }

    /// Adds `key` with `value`, unless it is there already (the first value
    /// stays).
    pub(crate) fn insert(&mut self, key: u128, value: V) {
        let i = self.slot(key);
        if self.keys[i] == 0 {
            self.keys[i] = key;
            self.values[i] = value;
        }
    }

    pub(crate) fn get(&self, key: u128) -> Option<V> {
        let mut i = slot_of(key, self.mask);
        loop {
            match self.keys[i] {
                0 => return None,
                k if k == key => return Some(self.values[i]),
                _ => i = (i + 1) & self.mask,
            }
        }
    }
}

impl PackedTable<u8> {
    /// Adds `bits` to the value of `key` (inserting it with `bits`).
    fn or_insert(&mut self, key: u128, bits: u8) {
        let i = self.slot(key);
        self.keys[i] = key;
        self.values[i] |= bits;
    }
}

/// A set of words: open addressing over packed integers for words of up to
/// 15 bytes, a hash set for longer ones.
#[derive(Debug, Default)]
pub struct WordTable {
    packed: PackedTable<()>,
    /// Words too long to pack.
    long: HashSet<String, FnvBuild>,
    /// Longest word: longer keys are rejected without hashing.
    max_len: usize,
}

impl WordTable {
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let words: Vec<&str> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let mut packed = PackedTable::with_capacity(words.len());
        let mut long = HashSet::default();
        for w in &words {
            if w.len() > PACKED_MAX {
                long.insert(w.to_string());
            } else {
                packed.insert(pack(w.as_bytes()), ());
            }
        }
        let max_len = words.iter().map(|w| w.len()).max().unwrap_or(0);
        WordTable {
            packed,
            long,
            max_len,
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        let len = word.len();
        if len == 0 || len > self.max_len {
            return false;
        }
        if len > PACKED_MAX {
            return self.long.contains(word);
        }
        self.packed.get(pack(word.as_bytes())).is_some()
    }
}

/// A Bloom filter over lower-case words, for a quick and certain "no" to the
/// many words of a text that are in no big list (a glossary's first words):
/// about 16 bits per word, so it stays in cache where an exact table of
/// 50,000 words would not, and two bits of one 64-bit block per word (one
/// memory access, ~3% false positives, which the caller's exact lookup
/// weeds out).
#[derive(Debug, Default)]
pub struct WordFilter {
    blocks: Box<[u64]>,
    /// Shortest and longest word (bytes): other lengths are rejected
    /// without hashing.
    min_len: usize,
    max_len: usize,
}

impl WordFilter {
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let words: Vec<&str> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let mut blocks = vec![0u64; (words.len() / 4).next_power_of_two()].into_boxed_slice();
        for w in words.iter().filter(|w| w.len() <= PACKED_MAX) {
            let (block, bits) = Self::locate(pack(w.as_bytes()), blocks.len());
            blocks[block] |= bits;
        }
        let min_len = words.iter().map(|w| w.len()).min().unwrap_or(usize::MAX);
        let max_len = words.iter().map(|w| w.len()).max().unwrap_or(0);
        WordFilter {
            blocks,
            min_len,
            max_len,
        }
    }

    fn locate(key: u128, blocks: usize) -> (usize, u64) {
        let mut h = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h = (h ^ (h >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 29;
        let block = (h >> 32) as usize & (blocks - 1);
        (block, 1 << (h & 63) | 1 << ((h >> 6) & 63))
    }

    /// Whether `word`, lower-cased, may be in the list: a `false` is
    /// certain; a `true` must be confirmed. ASCII words are lower-cased on
    /// the fly, without a copy; others (whose folded and NFC form may differ
    /// in length) and words over 15 bytes always answer `true`.
    pub fn may_contain_lower(&self, word: &str) -> bool {
        self.may_contain(word, Key::of_lower(word.as_bytes()))
    }

    /// [`WordFilter::may_contain_lower`] for a word whose key is already
    /// known (`key` must be `Key::of_lower(word)`).
    #[inline]
    pub fn may_contain(&self, word: &str, key: Key) -> bool {
        let len = word.len();
        if len == 0 {
            return false;
        }
        if len > PACKED_MAX {
            return !word.is_ascii() || len <= self.max_len;
        }
        if key.is_none() {
            return true; // not ASCII: folding and NFC may change its length
        }
        if len > self.max_len || len < self.min_len {
            return false;
        }
        let (block, bits) = Self::locate(key.packed(), self.blocks.len());
        self.blocks[block] & bits == bits
    }
}

/// Words of up to eight static lists in one table, each word with the set
/// of lists holding it (bit `n` for list `n`): one probe tells which lists
/// (if any) an ASCII word is in, where a set per list took a probe per list.
pub struct WordLists {
    lists: &'static [&'static [&'static str]],
    /// Each word with its lists.
    table: OnceLock<PackedTable>,
    /// The longest word: longer keys are answered without a probe.
    max_len: OnceLock<usize>,
}

impl WordLists {
    /// The lists (eight at most) must hold words of 1 to 15 ASCII bytes.
    pub const fn new(lists: &'static [&'static [&'static str]]) -> Self {
        assert!(lists.len() <= 8);
        WordLists {
            lists,
            table: OnceLock::new(),
            max_len: OnceLock::new(),
        }
    }

    fn build(&self) -> PackedTable {
        let mut table = PackedTable::with_capacity(self.lists.iter().map(|l| l.len()).sum());
        for (n, list) in self.lists.iter().enumerate() {
            for w in *list {
                assert!((1..=PACKED_MAX).contains(&w.len()) && w.is_ascii(), "{w}");
                table.or_insert(pack(w.as_bytes()), 1 << n);
            }
        }
        table
    }

    /// The longest word of any list, in bytes.
    pub fn max_len(&self) -> usize {
        *self.max_len.get_or_init(|| {
            self.lists
                .iter()
                .flat_map(|l| l.iter())
                .map(|w| w.len())
                .max()
                .unwrap_or(0)
        })
    }

    /// The lists holding the word of `key`, as bits (bit `n`: list `n`);
    /// 0 for none or [`Key::NONE`].
    #[inline]
    pub fn lists_of(&self, key: Key) -> u8 {
        if key.is_none() {
            return 0;
        }
        self.table
            .get_or_init(|| self.build())
            .get(key.packed())
            .unwrap_or(0)
    }

    /// The index of the first list holding `word` with its ASCII letters
    /// lower-cased (lower-cased on the fly, without a copy).
    pub fn which_ascii_lower(&self, word: &str) -> Option<usize> {
        match self.lists_of(Key::of_lower(word.as_bytes())) {
            0 => None,
            bits => Some(bits.trailing_zeros() as usize),
        }
    }
}

/// A lazily built set over a static word list.
pub struct WordSet {
    words: &'static [&'static str],
    table: OnceLock<WordTable>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            table: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.table
            .get_or_init(|| WordTable::new(self.words.iter().copied()))
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
    fn packing_is_little_endian_bytes_and_length() {
        let mut expected = [0u8; 16];
        expected[..11].copy_from_slice(b"glaxosmithk");
        expected[15] = 11;
        assert_eq!(pack(b"glaxosmithk"), u128::from_le_bytes(expected));
        assert_eq!(pack_lower(b"GlaxoSmithK"), Some(pack(b"glaxosmithk")));
        assert_eq!(pack_lower(b"a[@Z`"), Some(pack(b"a[@z`")));
        assert_eq!(pack_lower("Ñ".as_bytes()), None);
        // Every length, every byte value next to the letters.
        let all: Vec<u8> = (0u8..128).collect();
        for len in 1..=15 {
            for chunk in all.chunks(len) {
                let mut buf = [0u8; 16];
                buf[..chunk.len()].copy_from_slice(chunk);
                buf[15] = chunk.len() as u8;
                assert_eq!(pack(chunk), u128::from_le_bytes(buf), "{chunk:?}");
                buf[..chunk.len()].make_ascii_lowercase();
                assert_eq!(
                    pack_lower(chunk),
                    Some(u128::from_le_bytes(buf)),
                    "{chunk:?}"
                );
            }
        }
    }

    #[test]
    fn membership() {
        assert!(SET.contains("mga"));
        assert!(!SET.contains("mg"));
        assert!(!SET.contains("mgaa"));
        assert!(!SET.contains(""));
        assert_eq!(SET.words().len(), 3);
    }

    static MIXED: WordSet = WordSet::new(&[
        "a",
        "fifteen-letters",
        "sixteen-letters!",
        "pakikipagtulungan",
        "ñ",
    ]);

    #[test]
    fn filter_says_no_for_certain_and_rarely_wrongly_yes() {
        let mut words: Vec<String> = (0..50_000).map(|i| format!("name{i}")).collect();
        words.push("a-very-long-glossary-word".into());
        let filter = WordFilter::new(words.iter().map(String::as_str));
        assert!(words.iter().all(|w| filter.may_contain_lower(w)));
        assert!(filter.may_contain_lower("NAME123"));
        assert!(!filter.may_contain_lower(""));
        // Unknown, for the caller to look up: non-ASCII and long words.
        assert!(filter.may_contain_lower("Parañaque"));
        assert!(filter.may_contain_lower("a-very-long-glossary-wort"));
        assert!(!filter.may_contain_lower("longer-than-any-glossary-word"));
        assert!(!filter.may_contain_lower("nam"), "shorter than any word");
        let false_positives = (0..50_000)
            .filter(|i| filter.may_contain_lower(&format!("word{i}")))
            .count();
        assert!(false_positives < 50_000 / 10, "{false_positives}");
    }

    static LISTS: WordLists = WordLists::new(&[&["ang", "mga"], &["the", "of", "ang"]]);

    #[test]
    fn word_lists_tell_which_lists() {
        assert_eq!(LISTS.lists_of(Key::of_lower(b"ANG")), 0b11);
        assert_eq!(LISTS.lists_of(Key::of_lower(b"of")), 0b10);
        assert_eq!(LISTS.lists_of(Key::of_lower(b"sa")), 0);
        assert_eq!(LISTS.lists_of(Key::NONE), 0);
        assert_eq!(LISTS.max_len(), 3);
        assert_eq!(Key::of_lower("ñ".as_bytes()), Key::NONE);
        assert_eq!(Key::of_lower(b"sixteen-letters!"), Key::NONE);
        assert_eq!(Key::of_lower(b"Mga").packed(), pack(b"mga"));
    }

    #[test]
    fn word_lists_tell_which_list() {
        assert_eq!(LISTS.which_ascii_lower("Ang"), Some(0));
        assert_eq!(LISTS.which_ascii_lower("MGA"), Some(0));
        assert_eq!(LISTS.which_ascii_lower("The"), Some(1));
        assert_eq!(LISTS.which_ascii_lower("sa"), None);
        assert_eq!(LISTS.which_ascii_lower(""), None);
        assert_eq!(LISTS.which_ascii_lower("añg"), None);
    }

    #[test]
    fn packed_and_long_words() {
        for w in MIXED.words() {
            assert!(MIXED.contains(w), "{w}");
        }
        assert!(!MIXED.contains("a\0"));
        assert!(!MIXED.contains("fifteen-letterz"));
        assert!(!MIXED.contains("sixteen-letters?"));
        assert!(!MIXED.contains("pakikipagtulunga"));
        assert!(!MIXED.contains("n"));
    }

    #[test]
    fn every_listed_word_is_found_and_its_neighbours_are_not() {
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let words: &'static [&'static str] = Vec::leak(
            words
                .into_iter()
                .map(|w| &*String::leak(w))
                .collect::<Vec<_>>(),
        );
        let set = WordSet::new(words);
        assert!(words.iter().all(|w| set.contains(w)));
        assert!((500..1000).all(|i| !set.contains(&format!("w{i}"))));
    }
}
