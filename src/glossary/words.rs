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

use crate::lexicon::set::{FnvBuild, Key, PACKED_MAX, PackedTable, WordFilter, pack};

/// A word's number.
pub type WordId = u32;

/// Words up to this long are lower-cased on the stack for a lookup.
const STACK_WORD: usize = 64;

#[derive(Debug, Default)]
pub(crate) struct WordIds {
    /// Folded word of each id.
    text: Vec<Box<str>>,
    /// Any word of any form: a certain "no" for most words of a text.
    filter: WordFilter,
    /// ASCII words of up to 15 bytes, packed (`set::pack`).
    packed: PackedTable<u32>,
    /// Every other word, by its folded text.
    other: HashMap<Box<str>, WordId, FnvBuild>,
}

/// Builds a [`WordIds`]: [`WordIdsBuilder::intern`] each folded word, then
/// [`WordIdsBuilder::finish`].
#[derive(Default)]
pub(crate) struct WordIdsBuilder {
    text: Vec<Box<str>>,
    ids: HashMap<Box<str>, WordId, FnvBuild>,
}

impl WordIdsBuilder {
    /// The id of `folded`, numbering it if it is new.
    pub fn intern(&mut self, folded: &str) -> WordId {
        if let Some(&id) = self.ids.get(folded) {
            return id;
        }
        let id = self.text.len() as WordId;
        let boxed: Box<str> = folded.into();
        self.text.push(boxed.clone());
        self.ids.insert(boxed, id);
        id
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn text(&self, id: WordId) -> &str {
        &self.text[id as usize]
    }

    pub fn finish(self) -> WordIds {
        let mut packed = PackedTable::with_capacity(self.text.len());
        let mut other = HashMap::default();
        for (id, word) in self.text.iter().enumerate() {
            if word.is_ascii() && (1..=PACKED_MAX).contains(&word.len()) {
                packed.insert(pack(word.as_bytes()), id as WordId);
            } else {
                other.insert(word.clone(), id as WordId);
            }
        }
        WordIds {
            filter: WordFilter::new(self.text.iter().map(|w| &**w)),
            text: self.text,
            packed,
            other,
        }
    }
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
        &self.text[id as usize]
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
    }
}
