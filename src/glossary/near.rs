//! Candidate generation for near-miss names: a deletion-neighbourhood
//! (SymSpell-style) index over the case-folded single-word glossary forms.
//!
//! A word within edit distance `d` of a glossary word shares at least one
//! string with it once up to `d` characters are deleted from each, so a lookup
//! costs a handful of hash probes instead of a comparison with every term.

use std::collections::{HashMap, HashSet};

use super::Form;

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

#[derive(Debug, Default)]
pub struct NearIndex {
    /// Deletion variant → single-word forms it came from.
    deletions: HashMap<String, Vec<u32>>,
    /// Every folded word of every form.
    words: HashSet<String>,
}

impl NearIndex {
    pub(crate) fn new(forms: &[Form]) -> Self {
        let mut index = NearIndex::default();
        for (id, form) in forms.iter().enumerate() {
            index.words.extend(form.words.iter().cloned());
            if form.words.len() != 1 || form.role == super::Role::Forbidden {
                continue;
            }
            let word: Vec<char> = form.words[0].chars().collect();
            let d = max_distance(word.len());
            if d == 0 {
                continue;
            }
            for variant in deletions(&word, d) {
                let ids = index.deletions.entry(variant).or_default();
                if !ids.contains(&(id as u32)) {
                    ids.push(id as u32);
                }
            }
        }
        index
    }

    pub fn contains(&self, folded: &str) -> bool {
        self.words.contains(folded)
    }

    /// Single-word forms that may be within the allowed distance of `folded`
    /// (to be verified by the caller).
    pub fn candidates(&self, folded: &str) -> Vec<u32> {
        let word: Vec<char> = folded.chars().collect();
        let d = max_distance(word.len());
        let mut out: Vec<u32> = Vec::new();
        if d == 0 {
            return out;
        }
        for variant in deletions(&word, d) {
            if let Some(ids) = self.deletions.get(&variant) {
                for &id in ids {
                    if !out.contains(&id) {
                        out.push(id);
                    }
                }
            }
        }
        out
    }
}

/// `word` itself and every string made by deleting up to `d` characters.
fn deletions(word: &[char], d: usize) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut frontier = vec![word.to_vec()];
    out.insert(word.iter().collect());
    for _ in 0..d {
        let mut next = Vec::new();
        for w in &frontier {
            for i in 0..w.len() {
                let mut v = w.clone();
                v.remove(i);
                if out.insert(v.iter().collect()) {
                    next.push(v);
                }
            }
        }
        frontier = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_neighbourhood() {
        let chars: Vec<char> = "abc".chars().collect();
        let mut got: Vec<_> = deletions(&chars, 1).into_iter().collect();
        got.sort();
        assert_eq!(got, ["ab", "abc", "ac", "bc"]);
    }

    #[test]
    fn distances_by_length() {
        assert_eq!(max_distance(5), 0);
        assert_eq!(max_distance(6), 1);
        assert_eq!(max_distance(8), 1);
        assert_eq!(max_distance(9), 2);
    }
}
