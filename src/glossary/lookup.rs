//! What the glossary scan asks about a word of the text, each in one call
//! that hides how it is answered: a filter that says "no" to nearly every
//! word at once (one probe with the word's key, already made by the
//! tokeniser), then the exact lookup; and, for near misses, a per-thread
//! cache of answers that the glossary owns and drops with itself.

use std::cell::RefCell;
use std::collections::HashMap;

use strsim::damerau_levenshtein;

use super::Glossary;
use super::near::query_distance;
use super::words::{WordId, hash, with_folded};
use crate::lexicon::set::{FnvBuild, Key};

/// Words repeat (Zipf), so each thread remembers the near-miss answer for
/// the words it has already looked up. The cache is emptied when it grows
/// past `CACHE_LIMIT` words, so memory stays bounded on any corpus.
const CACHE_LIMIT: usize = 200_000;

/// Folded word → the glossary words near it.
pub(super) type NearMissCache = RefCell<HashMap<Box<str>, Box<[NearWord]>, FnvBuild>>;

/// A glossary word near a word of the text: its number and the edit
/// distance (Damerau-Levenshtein, on folded words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NearWord {
    pub word: WordId,
    pub distance: u8,
}

impl Glossary {
    /// The glossary word that `word` (as written; `key` is its token's key,
    /// `Key::of_lower(word)`) is, if any.
    #[inline]
    pub fn word_id(&self, word: &str, key: Key) -> Option<WordId> {
        self.word_ids().get(word, key)
    }

    /// The forms (longest first, accepted before forbidden) whose first word
    /// is `word`, as written in the text; `key` is its token's key.
    pub fn forms_starting_with_word(&self, word: &str, key: Key) -> &[u32] {
        self.word_id(word, key)
            .map_or(&[], |id| self.forms_starting_with(id))
    }

    /// The multi-word form that `word` (with its key) spells without its
    /// spaces (`CarlZeiss`), if any.
    pub fn joined_form_of(&self, word: &str, key: Key) -> Option<u32> {
        let (filter, joined) = self.joined_index();
        if !filter.may_contain(word, key) {
            return None;
        }
        // The table is keyed by hash: the words are checked.
        with_folded(word, |folded| {
            let form = *joined.get(&hash(folded))?;
            let mut rest = folded;
            for &w in self.form(form).ids {
                rest = rest.strip_prefix(self.word_text(w))?;
            }
            rest.is_empty().then_some(form)
        })
    }

    /// The glossary words within reach of `folded` (a folded word of the
    /// text that is no glossary word: [`Glossary::key`]), nearest first:
    /// with the same first letter and at most two edits apart. Which
    /// distance a word's role allows (a one-word name, a word of a longer
    /// one) is the caller's to check.
    ///
    /// Answered from a per-thread cache for words seen before.
    pub fn near_words(&self, folded: &str) -> Vec<NearWord> {
        let cell = self.near_cache.get_or_default();
        if let Some(hit) = cell.borrow().get(folded) {
            return hit.to_vec(); // nearly always empty: no allocation
        }
        let answer = self.closest_words(folded, true);
        let mut cache = cell.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(folded.into(), answer.clone().into_boxed_slice());
        answer
    }

    /// [`Glossary::near_words`] for a piece of a word whose first letter
    /// may be the one lost (`frowave` of a glued `isangfrowave`), not
    /// cached (asked only about rare words).
    pub fn near_words_any_start(&self, folded: &str) -> Vec<NearWord> {
        self.closest_words(folded, false)
    }

    fn closest_words(&self, folded: &str, same_start: bool) -> Vec<NearWord> {
        let len = folded.chars().count();
        if query_distance(len) == 0 {
            return Vec::new();
        }
        let first = folded.chars().next();
        let mut out: Vec<NearWord> = self
            .near_index()
            .candidates(folded)
            .into_iter()
            .filter_map(|w| {
                let target = self.word_text(w);
                if same_start && target.chars().next() != first {
                    return None;
                }
                let d = damerau_levenshtein(folded, target);
                (1..=2).contains(&d).then_some(NearWord {
                    word: w,
                    distance: d as u8,
                })
            })
            .collect();
        out.sort_by_key(|n| (n.distance, n.word));
        out
    }
}
