//! Every distinct word of the glossary's forms, folded (NFC, lower case,
//! straight apostrophes) and numbered: the glossary compares words of the
//! text with its forms by these numbers, so a multi-word name is matched by
//! comparing integers, and a word of the text is looked up once however many
//! forms hold it.
//!
//! A lookup is a Bloom-filter probe (a certain "no" for nearly every word of
//! a text, from one cache line) and then, for ASCII words of up to 15 bytes
//! (nearly all), one probe of a table of packed integers with the token's
//! key, which the tokeniser has already made: no lower-casing, no string
//! hashing, no `memcmp`. Other words are folded and looked up as strings.

use std::collections::HashMap;
use std::hash::Hasher;

use crate::lexicon::set::{Fnv, FnvBuild, Key, PACKED_MAX, PackedTable, WordFilter, pack};

/// A word's number.
pub type WordId = u32;

/// Words up to this long are lower-cased on the stack for a lookup.
const STACK_WORD: usize = 64;

#[derive(Debug, Default)]
pub(crate) struct WordIds {
    /// The folded words one after another; word `id` ends at `ends[id]`.
    text: String,
    ends: Vec<u32>,
    /// Any word of any form: a certain "no" for most words of a text.
    filter: WordFilter,
    /// ASCII words of up to 15 bytes, packed (`set::pack`).
    packed: PackedTable<u32>,
    /// Every other word, by its folded text.
    other: HashMap<Box<str>, WordId, FnvBuild>,
}

/// Builds a [`WordIds`]: [`WordIdsBuilder::intern`] each folded word, then
/// [`WordIdsBuilder::finish`]. The words go into one string and an
/// open-addressing table of their numbers, so interning a glossary of
/// 100,000 names allocates nothing per word.
#[derive(Default)]
pub(crate) struct WordIdsBuilder {
    text: String,
    ends: Vec<u32>,
    /// Slot → word number + 1 (0: empty), by the word's hash.
    slots: Vec<u32>,
}

impl WordIdsBuilder {
    /// The id of `folded`, numbering it if it is new.
    pub fn intern(&mut self, folded: &str) -> WordId {
        if 2 * (self.ends.len() + 1) > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = hash(folded) as usize & mask;
        loop {
            match self.slots[i] {
                0 => break,
                n if self.text(n - 1) == folded => return n - 1,
                _ => i = (i + 1) & mask,
            }
        }
        let id = self.ends.len() as WordId;
        self.text.push_str(folded);
        self.ends.push(self.text.len() as u32);
        self.slots[i] = id + 1;
        id
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        self.slots = vec![0; size];
        let mask = size - 1;
        for id in 0..self.ends.len() as u32 {
            let mut i = hash(self.text(id)) as usize & mask;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = id + 1;
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn text(&self, id: WordId) -> &str {
        word_of(&self.text, &self.ends, id)
    }

    pub fn finish(self) -> WordIds {
        let mut packed = PackedTable::with_capacity(self.ends.len());
        let mut other = HashMap::default();
        for id in 0..self.ends.len() as WordId {
            let word = self.text(id);
            if word.is_ascii() && (1..=PACKED_MAX).contains(&word.len()) {
                packed.insert(pack(word.as_bytes()), id);
            } else {
                other.insert(word.into(), id);
            }
        }
        let filter = WordFilter::new((0..self.ends.len() as WordId).map(|id| self.text(id)));
        WordIds {
            text: self.text,
            ends: self.ends,
            filter,
            packed,
            other,
        }
    }
}

/// Word `id` of words stored one after another in `text`, ending at `ends`.
fn word_of<'a>(text: &'a str, ends: &[u32], id: WordId) -> &'a str {
    let start = if id == 0 { 0 } else { ends[id as usize - 1] };
    &text[start as usize..ends[id as usize] as usize]
}

/// FNV-1a of `word`'s bytes.
pub(crate) fn hash(word: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(word.as_bytes());
    h.finish()
}

impl WordIds {
    /// The id of `word` as written in a text (any case, NFC or not), whose
    /// token key is `key` (`Key::of_lower(word)`), if it is a glossary word.
    #[inline]
    pub fn get(&self, word: &str, key: Key) -> Option<WordId> {
        if !self.filter.may_contain(word, key) {
            return None;
        }
        if !key.is_none() {
            return self.packed.get(key.packed());
        }
        with_folded(word, |folded| self.get_folded(folded))
    }

    /// The id of a word already folded ([`super::Glossary::key`]).
    pub fn get_folded(&self, folded: &str) -> Option<WordId> {
        if folded.is_ascii() && (1..=PACKED_MAX).contains(&folded.len()) {
            self.packed.get(pack(folded.as_bytes()))
        } else {
            self.other.get(folded).copied()
        }
    }

    /// The folded text of word `id`.
    pub fn text(&self, id: WordId) -> &str {
        word_of(&self.text, &self.ends, id)
    }
}

/// `f` of `word` folded as the glossary folds it
/// ([`super::Glossary::key`]): lower-cased on the stack when it is short
/// ASCII (nearly always), without an allocation.
pub(crate) fn with_folded<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    if word.is_ascii() && word.len() <= STACK_WORD {
        let mut buf = [0u8; STACK_WORD];
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        f(std::str::from_utf8(buf).expect("ASCII"))
    } else {
        f(&super::Glossary::key(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_by_key_and_by_folded_text() {
        let mut b = WordIdsBuilder::default();
        let zeiss = b.intern("zeiss");
        let long = b.intern("pharmaceuticalsandmore");
        let accented = b.intern("parañaque");
        assert_eq!(b.intern("zeiss"), zeiss);
        let ids = b.finish();
        let get = |w: &str| ids.get(w, Key::of_lower(w.as_bytes()));
        assert_eq!(get("ZEISS"), Some(zeiss));
        assert_eq!(get("Zeiss"), Some(zeiss));
        assert_eq!(get("PharmaceuticalsAndMore"), Some(long));
        assert_eq!(get("PARAN\u{303}AQUE"), Some(accented));
        assert_eq!(get("Zeis"), None);
        assert_eq!(ids.text(accented), "parañaque");
        assert_eq!(ids.text(zeiss), "zeiss");
    }
}
