//! What rules ask the glossary about a word of the text, each in one call
//! that hides how it is answered: a filter that says "no" to nearly every
//! word at once (one probe with the word's key, already made by the
//! tokeniser), then the exact lookup; and, for near misses, a per-thread
//! cache of answers that the glossary owns and drops with itself.

use std::cell::RefCell;
use std::collections::HashMap;

use strsim::damerau_levenshtein;

use super::Glossary;
use super::near::max_distance;
use crate::lexicon::set::{FnvBuild, Key};

/// Words repeat (Zipf), so each thread remembers the near-miss answer for
/// the words it has already looked up. The cache is emptied when it grows
/// past `CACHE_LIMIT` words, so memory stays bounded on any corpus.
const CACHE_LIMIT: usize = 200_000;

/// Folded word → the form it misspells, if any.
pub(super) type NearMissCache = RefCell<HashMap<String, Option<u32>, FnvBuild>>;

/// Words up to this long are lower-cased on the stack for a lookup.
const STACK_WORD: usize = 64;

impl Glossary {
    /// The forms (longest first, accepted before forbidden) whose first word
    /// is `word`, as written in the text; `key` is its token's key
    /// (`Key::of_lower(word)`).
    pub fn forms_starting_with_word(&self, word: &str, key: Key) -> &[u32] {
        if !self.first_words.may_contain(word, key) {
            return &[];
        }
        with_folded(word, |folded| self.forms_starting_with(folded))
    }

    /// The multi-word form that `word` (with its key) spells without its
    /// spaces (`CarlZeiss`), if any.
    pub fn joined_form_of(&self, word: &str, key: Key) -> Option<u32> {
        if !self.joined_words.may_contain(word, key) {
            return None;
        }
        with_folded(word, |folded| self.joined.get(folded).copied())
    }

    /// The single-word form that `key` (a folded word: [`Glossary::key`])
    /// most probably misspells, if any: within the edit distance its length
    /// allows, with the same first letter, and not the form with a linker or
    /// a plural (`Maynilang`, `Innovents`).
    pub fn near_miss(&self, key: &str) -> Option<u32> {
        let cell = self.near_cache.get_or_default();
        if let Some(&hit) = cell.borrow().get(key) {
            return hit;
        }
        let answer = self.closest(key);
        let mut cache = cell.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key.to_owned(), answer);
        answer
    }

    fn closest(&self, key: &str) -> Option<u32> {
        if self.knows_word(key) {
            return None;
        }
        let (_, form) = self
            .near()
            .candidates(key)
            .into_iter()
            .filter_map(|f| {
                let target = &self.form(f).words[0];
                let d = damerau_levenshtein(key, target);
                let ok = d > 0
                    && d <= max_distance(target.chars().count().min(key.chars().count()))
                    && key.chars().next() == target.chars().next()
                    && !is_affixed_form(key, target);
                ok.then_some((d, f))
            })
            .min()?;
        Some(form)
    }
}

/// `key` is `target` with a Tagalog linker or English plural/possessive.
fn is_affixed_form(key: &str, target: &str) -> bool {
    key.strip_prefix(target)
        .is_some_and(|rest| matches!(rest, "ng" | "g" | "s" | "es"))
}

/// `f` of `word` folded as the glossary folds it ([`Glossary::key`]):
/// lower-cased on the stack when it is short ASCII (nearly always), without
/// an allocation.
fn with_folded<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    if word.is_ascii() && word.len() <= STACK_WORD {
        let mut buf = [0u8; STACK_WORD];
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        f(std::str::from_utf8(buf).expect("ASCII"))
    } else {
        f(&Glossary::key(word))
    }
}
