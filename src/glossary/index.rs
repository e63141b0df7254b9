//! The indexed glossary: every form split into numbered words
//! ([`super::words`]), the forms each word starts, the one-word forms and the
//! places of each word in multi-word forms (for a name with one word
//! misspelt), names run together, and the deletion index of near misses.
//!
//! Glossaries given later override earlier ones: when a later glossary
//! (a `--glossary` file after the configured ones, any of them after the
//! embedded one) has a form with the same words and separators as an
//! earlier one, only the later form is matched, so its spelling is the one
//! suggested (`Comelec` in the user's glossary over the embedded `COMELEC`).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use thread_local::ThreadLocal;

use super::lookup::NearMissCache;
use super::near::{NearIndex, max_distance, word_in_name_distance};
use super::words::{WordId, WordIds, WordIdsBuilder};
use super::{DEFAULT_TOML, Role, Term, matcher, toml};
use crate::lexicon::set::{Fnv, FnvBuild, WordFilter};
use crate::text::tokens::fold;

/// Marks "no form" in per-word tables.
const NONE: u32 = u32::MAX;

/// Word places tracked for a multi-word form: the first eight.
const MAX_PLACES: usize = 8;

/// One spelling (canonical, variant or forbidden) of a term, split into
/// words.
#[derive(Clone, Debug)]
pub(crate) struct Form {
    pub term: u32,
    pub role: Role,
    pub text: String,
    /// The words as written in the glossary (NFC).
    pub cased: Vec<String>,
    /// The same words case-folded, by number.
    pub ids: Vec<WordId>,
    /// Normalised separators between consecutive words (`" "`, `"&"`, `", "`).
    pub gaps: Vec<String>,
    /// A glossary given later has a form with the same words and
    /// separators: this one is never matched.
    pub shadowed: bool,
}

impl Form {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_accepted(&self) -> bool {
        self.role != Role::Forbidden
    }
}

/// An indexed glossary.
#[derive(Debug, Default)]
pub struct Glossary {
    terms: Vec<Term>,
    forms: Vec<Form>,
    words: WordIds,
    /// The matched forms whose first word is word `w` are
    /// `first_forms[first_start[w]..first_start[w + 1]]`, longest first,
    /// accepted before forbidden.
    first_start: Vec<u32>,
    first_forms: Vec<u32>,
    /// Per word: the accepted one-word form that is this word, or `NONE`.
    single: Vec<u32>,
    /// Per word: bit `p` set when it is word `p` of an accepted multi-word
    /// form.
    places: Vec<u8>,
    /// A multi-word accepted form with its words run together (`carlzeiss`)
    /// → the form.
    joined: HashMap<String, u32, FnvBuild>,
    joined_words: WordFilter,
    near: NearIndex,
    /// The terms that name their source-language forms (few).
    with_source: Vec<u32>,
    /// Near-miss answers, per thread (see [`Glossary::near_words`]).
    pub(super) near_cache: ThreadLocal<NearMissCache>,
}

impl Glossary {
    pub fn new(terms: Vec<Term>) -> Self {
        let mut builder = WordIdsBuilder::default();
        let mut forms = Vec::new();
        for (id, term) in terms.iter().enumerate() {
            let roles = std::iter::once(Role::Canonical)
                .chain(std::iter::repeat_n(Role::Variant, term.variants.len()))
                .chain(std::iter::repeat_n(Role::Forbidden, term.forbidden.len()));
            let texts = term
                .forms()
                .chain(term.forbidden.iter().map(String::as_str));
            for (text, role) in texts.zip(roles) {
                let (cased, gaps) = matcher::split_form(text);
                if cased.is_empty() {
                    continue;
                }
                let ids = cased.iter().map(|w| builder.intern(&fold(w))).collect();
                forms.push(Form {
                    term: id as u32,
                    role,
                    text: text.to_string(),
                    cased,
                    ids,
                    gaps,
                    shadowed: false,
                });
            }
        }
        shadow_overridden(&terms, &mut forms);
        let words = builder.len();
        let (first_start, first_forms) = first_word_index(&forms, words);
        let mut single = vec![NONE; words];
        let mut places = vec![0u8; words];
        let mut joined: HashMap<String, u32, FnvBuild> = HashMap::default();
        for (i, form) in forms.iter().enumerate() {
            if form.shadowed || !form.is_accepted() {
                continue;
            }
            if let [only] = form.ids[..] {
                if single[only as usize] == NONE {
                    single[only as usize] = i as u32;
                }
                continue;
            }
            for (p, &w) in form.ids.iter().enumerate().take(MAX_PLACES) {
                places[w as usize] |= 1 << p;
            }
            let run: String = form.ids.iter().map(|&w| builder.text(w)).collect();
            joined.entry(run).or_insert(i as u32);
        }
        // Each word with the deletions its roles allow.
        let indexed: Vec<(WordId, &str, u8)> = (0..words)
            .map(|w| {
                let text = builder.text(w as WordId);
                let len = text.chars().count();
                let as_name = if single[w] == NONE {
                    0
                } else if len >= 4 && text.bytes().any(|b| b.is_ascii_digit()) {
                    max_distance(len).max(1) // see `scan::one_word_distance`
                } else {
                    max_distance(len)
                };
                let in_name = if places[w] == 0 {
                    0
                } else {
                    word_in_name_distance(len)
                };
                (w as WordId, text, as_name.max(in_name) as u8)
            })
            .collect();
        let near = NearIndex::new(&indexed);
        drop(indexed);
        let with_source = (0..terms.len() as u32)
            .filter(|&t| !terms[t as usize].source.is_empty())
            .collect();
        Glossary {
            terms,
            forms,
            words: builder.finish(),
            first_start,
            first_forms,
            single,
            places,
            joined_words: WordFilter::new(joined.keys().map(String::as_str)),
            joined,
            near,
            with_source,
            near_cache: ThreadLocal::new(),
        }
    }

    /// A glossary of `names` (canonical forms, one file), for tests.
    #[cfg(test)]
    pub(crate) fn of_names(names: &[&str]) -> Self {
        let origin = super::Origin::new("t", 1);
        Glossary::new(names.iter().map(|n| Term::new(n, origin.clone())).collect())
    }

    /// The embedded default glossary.
    pub fn embedded() -> Self {
        let terms = toml::parse(DEFAULT_TOML, "glossary/default.toml")
            .expect("the embedded glossary is valid (checked by a test)");
        Glossary::new(terms)
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether some term accepts `text` (any case) as a spelling.
    pub fn accepts(&self, text: &str) -> bool {
        let (cased, gaps) = matcher::split_form(text);
        let ids: Option<Vec<WordId>> = cased
            .iter()
            .map(|w| self.words.get_folded(&fold(w)))
            .collect();
        let Some(&first) = ids.as_ref().and_then(|ids| ids.first()) else {
            return false;
        };
        let ids = ids.unwrap_or_default();
        self.forms_starting_with(first).iter().any(|&f| {
            let form = self.form(f);
            form.is_accepted() && form.ids == ids && form.gaps == gaps
        })
    }

    /// The terms that have `source` forms.
    pub fn terms_with_source(&self) -> impl Iterator<Item = &Term> {
        self.with_source.iter().map(|&t| &self.terms[t as usize])
    }

    pub(crate) fn form(&self, i: u32) -> &Form {
        &self.forms[i as usize]
    }

    pub(crate) fn term(&self, i: u32) -> &Term {
        &self.terms[i as usize]
    }

    pub(crate) fn word_ids(&self) -> &WordIds {
        &self.words
    }

    /// The folded text of glossary word `id`.
    pub fn word_text(&self, id: WordId) -> &str {
        self.words.text(id)
    }

    /// The matched forms (longest first, accepted before forbidden) whose
    /// first word is `id`.
    pub fn forms_starting_with(&self, id: WordId) -> &[u32] {
        let (from, to) = (
            self.first_start[id as usize] as usize,
            self.first_start[id as usize + 1] as usize,
        );
        &self.first_forms[from..to]
    }

    /// The accepted one-word form that is word `id`, if any.
    pub fn single_form(&self, id: WordId) -> Option<u32> {
        Some(self.single[id as usize]).filter(|&f| f != NONE)
    }

    /// The places (bit `p`: word `p`, of the first eight) word `id` has in
    /// accepted multi-word forms.
    pub fn places(&self, id: WordId) -> u8 {
        self.places[id as usize]
    }

    pub(super) fn joined_index(&self) -> (&WordFilter, &HashMap<String, u32, FnvBuild>) {
        (&self.joined_words, &self.joined)
    }

    pub(super) fn near_index(&self) -> &NearIndex {
        &self.near
    }

    /// Folded key for a word of text: NFC, lower case, straight
    /// apostrophes, no soft hyphens. ASCII words (most of them) skip the
    /// Unicode work.
    pub(crate) fn key(word: &str) -> String {
        if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            matcher::normalize_word(&fold(word))
        }
    }
}

/// Marks the forms that a glossary given later overrides: same words, same
/// separators. Terms come glossary by glossary, in the order given (the
/// embedded one first); a new file name starts the next glossary. Within
/// one glossary nothing is shadowed (the first of two equal forms is
/// matched, as the matcher takes forms in order).
fn shadow_overridden(terms: &[Term], forms: &mut [Form]) {
    let mut layer_of_term = Vec::with_capacity(terms.len());
    let mut layer = 0u32;
    for (i, term) in terms.iter().enumerate() {
        if i > 0 && term.origin.file != terms[i - 1].origin.file {
            layer += 1;
        }
        layer_of_term.push(layer);
    }
    if layer == 0 {
        return; // one glossary: nothing to override
    }
    let key = |form: &Form| {
        let mut h = Fnv::default();
        form.ids.hash(&mut h);
        form.gaps.hash(&mut h);
        h.finish()
    };
    let mut last: HashMap<u64, u32, FnvBuild> = HashMap::default();
    for form in forms.iter() {
        let layer = layer_of_term[form.term as usize];
        let top = last.entry(key(form)).or_insert(layer);
        *top = (*top).max(layer);
    }
    for form in forms.iter_mut() {
        form.shadowed = last[&key(form)] > layer_of_term[form.term as usize];
    }
}

/// The forms each word starts (not shadowed), longest first and accepted
/// before forbidden, in glossary order among equals: (start of each word's
/// list, the lists one after another).
fn first_word_index(forms: &[Form], words: usize) -> (Vec<u32>, Vec<u32>) {
    let mut start = vec![0u32; words + 1];
    for form in forms.iter().filter(|f| !f.shadowed) {
        start[form.ids[0] as usize + 1] += 1;
    }
    for w in 1..start.len() {
        start[w] += start[w - 1];
    }
    let mut next: Vec<u32> = start[..words].to_vec();
    let mut lists = vec![0u32; start[words] as usize];
    for (i, form) in forms.iter().enumerate().filter(|(_, f)| !f.shadowed) {
        let slot = &mut next[form.ids[0] as usize];
        lists[*slot as usize] = i as u32;
        *slot += 1;
    }
    for w in 0..words {
        let list = &mut lists[start[w] as usize..start[w + 1] as usize];
        if list.len() > 1 {
            // Stable: glossary order among equals.
            list.sort_by_key(|&i| {
                let f = &forms[i as usize];
                (std::cmp::Reverse(f.len()), f.role == Role::Forbidden)
            });
        }
    }
    (start, lists)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Origin;

    fn term(name: &str, file: &str) -> Term {
        Term::new(name, Origin::new(file, 1))
    }

    #[test]
    fn a_later_glossary_overrides_an_equal_form() {
        let mut embedded = term("SOLARCOM", "embedded.toml");
        embedded.variants.push("Solarcom Grid".into());
        let g = Glossary::new(vec![embedded, term("Solarcom", "user.tsv")]);
        let shadowed: Vec<(&str, bool)> = (0..3)
            .map(|i| (g.form(i).text.as_str(), g.form(i).shadowed))
            .collect();
        assert_eq!(
            shadowed,
            [
                ("SOLARCOM", true),
                ("Solarcom Grid", false),
                ("Solarcom", false)
            ]
        );
        let id = g.word_ids().get_folded("solarcom").unwrap();
        // Longest first; the shadowed form is not matched.
        assert_eq!(g.forms_starting_with(id), [1, 2]);
        assert_eq!(g.single_form(id), Some(2));
        assert_eq!(g.places(id), 1);
    }

    #[test]
    fn within_one_glossary_the_first_of_equal_forms_is_matched() {
        let g = Glossary::new(vec![term("Solarcom", "a.tsv"), term("SOLARCOM", "a.tsv")]);
        assert!(!g.form(0).shadowed && !g.form(1).shadowed);
        let id = g.word_ids().get_folded("solarcom").unwrap();
        assert_eq!(g.single_form(id), Some(0));
    }
}
