//! The glossary of proper nouns: the canonical spelling of each name and its
//! accepted variants.
//!
//! Loading ([`tsv`]) produces [`Term`]s; [`Glossary::new`] indexes them for the
//! two glossary rules: exact matching on case-folded words (`matcher`) and a
//! deletion-neighbourhood index for near misses (`near`).

mod matcher;
pub mod near;
pub mod tsv;

use std::collections::HashMap;

pub use matcher::{Match, find_matches};
pub(crate) use matcher::{normalize_gap, normalize_word, split_form};
pub use near::NearIndex;

use crate::text::tokens::fold;

/// The glossary compiled into the binary from `glossary/default.tsv`.
pub const DEFAULT_TSV: &str = include_str!("../../glossary/default.tsv");

/// Where a term was defined, for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

/// One glossary entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The spelling salin suggests.
    pub canonical: String,
    /// Other spellings that are also correct.
    pub variants: Vec<String>,
    pub origin: Origin,
}

impl Term {
    /// The canonical form followed by the variants.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.canonical.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

/// One spelling (canonical or variant) of a term, split into words.
#[derive(Clone, Debug)]
pub(crate) struct Form {
    pub term: u32,
    pub text: String,
    /// The words as written in the glossary (NFC).
    pub cased: Vec<String>,
    /// The same words case-folded.
    pub words: Vec<String>,
    /// Normalised separators between consecutive words (`" "`, `"&"`, `", "`).
    pub gaps: Vec<String>,
}

/// An indexed glossary.
#[derive(Debug, Default)]
pub struct Glossary {
    terms: Vec<Term>,
    forms: Vec<Form>,
    /// First folded word → indices into `forms`, longest form first.
    by_first_word: HashMap<String, Vec<u32>>,
    near: NearIndex,
}

impl Glossary {
    pub fn new(terms: Vec<Term>) -> Self {
        let mut forms = Vec::new();
        for (id, term) in terms.iter().enumerate() {
            for text in term.forms() {
                let (cased, gaps) = matcher::split_form(text);
                if cased.is_empty() {
                    continue;
                }
                forms.push(Form {
                    term: id as u32,
                    text: text.to_string(),
                    words: cased.iter().map(|w| fold(w)).collect(),
                    cased,
                    gaps,
                });
            }
        }
        let mut by_first_word: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, form) in forms.iter().enumerate() {
            by_first_word
                .entry(form.words[0].clone())
                .or_default()
                .push(i as u32);
        }
        for ids in by_first_word.values_mut() {
            ids.sort_by_key(|&i| std::cmp::Reverse(forms[i as usize].words.len()));
        }
        let near = NearIndex::new(&forms);
        Glossary {
            terms,
            forms,
            by_first_word,
            near,
        }
    }

    /// The embedded default glossary.
    pub fn embedded() -> Self {
        let terms = tsv::parse(DEFAULT_TSV, "<embedded glossary>")
            .expect("the embedded glossary is valid (checked by a test)");
        Glossary::new(terms)
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub(crate) fn form(&self, i: u32) -> &Form {
        &self.forms[i as usize]
    }

    pub(crate) fn term(&self, i: u32) -> &Term {
        &self.terms[i as usize]
    }

    pub(crate) fn forms_starting_with(&self, folded: &str) -> &[u32] {
        self.by_first_word.get(folded).map_or(&[], Vec::as_slice)
    }

    /// Whether `folded` is a word of some glossary form.
    pub(crate) fn knows_word(&self, folded: &str) -> bool {
        self.by_first_word.contains_key(folded) || self.near.contains(folded)
    }

    pub(crate) fn near(&self) -> &NearIndex {
        &self.near
    }

    /// Folded key for a word of text: NFC, lower case.
    pub(crate) fn key(word: &str) -> String {
        matcher::normalize_word(&fold(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_glossary_loads() {
        let g = Glossary::embedded();
        assert!(g.terms().iter().any(|t| t.canonical == "GlaxoSmithKline"));
        assert!(g.terms().len() > 50);
    }
}
