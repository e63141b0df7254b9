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
use super::words::{WordId, WordIds, WordIdsBuilder, hash};
use super::{DEFAULT_TOML, Role, Term, matcher, toml};
use crate::lexicon::set::{Fnv, FnvBuild, WordFilter};
use crate::text::{Token, tokenize};

/// Marks "no form" in per-word tables.
const NONE: u32 = u32::MAX;

/// Word places tracked for a multi-word form: the first eight.
const MAX_PLACES: usize = 8;

/// How the glossary keeps a form: its term, which of the term's spellings
/// it is, and where its words and separators lie in the glossary's arrays
/// (no string of its own: a glossary of 100,000 names is built without an
/// allocation per name).
#[derive(Clone, Copy, Debug)]
struct FormEntry {
    term: u32,
    /// The canonical form is 0, then the variants, then the forbidden forms.
    spelling: u32,
    start: u32,
    len: u32,
    role: Role,
    /// A glossary given later has a form with the same words and
    /// separators: this one is never matched.
    shadowed: bool,
}

/// One spelling (canonical, variant or forbidden) of a term, split into
/// words: a view of the glossary.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Form<'g> {
    pub term: u32,
    pub role: Role,
    pub text: &'g str,
    /// The words, case-folded, by number.
    pub ids: &'g [WordId],
    /// The separator before each word after the first, by number.
    gaps: &'g [u16],
    gap_text: &'g [Box<str>],
}

impl<'g> Form<'g> {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_accepted(&self) -> bool {
        self.role != Role::Forbidden
    }

    /// The separator between word `k` and word `k + 1`, white space
    /// collapsed to one space (`" "`, `"&"`, `", "`).
    pub fn gap(&self, k: usize) -> &'g str {
        &self.gap_text[usize::from(self.gaps[k])]
    }

    /// The words as written in the glossary (NFC), made on demand (for a
    /// finding's fix).
    pub fn cased(&self) -> Vec<String> {
        matcher::split_form(self.text).0
    }

    /// The same words and separators as `other` (the same name, perhaps
    /// another spelling of its capitals).
    pub fn same_words(&self, other: &Form<'_>) -> bool {
        self.ids == other.ids && self.gaps == other.gaps
    }
}

/// An indexed glossary.
#[derive(Debug, Default)]
pub struct Glossary {
    terms: Vec<Term>,
    forms: Vec<FormEntry>,
    /// The words of every form one after another (`FormEntry::start`), and
    /// the separator before each (the first of a form's is unused).
    form_words: Vec<WordId>,
    form_gaps: Vec<u16>,
    /// The separators, by number; 0 is one space.
    gap_text: Vec<Box<str>>,
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
    /// The hash of a multi-word accepted form's words run together
    /// (`carlzeiss`) → the form; the filter holds the run-together words.
    joined: HashMap<u64, u32, FnvBuild>,
    joined_words: WordFilter,
    near: NearIndex,
    /// The terms that name their source-language forms (few).
    with_source: Vec<u32>,
    /// Near-miss answers, per thread (see [`Glossary::near_words`]).
    pub(super) near_cache: ThreadLocal<NearMissCache>,
}

impl Glossary {
    pub fn new(terms: Vec<Term>) -> Self {
        let mut build = Build::default();
        for (id, term) in terms.iter().enumerate() {
            let roles = std::iter::once(Role::Canonical)
                .chain(std::iter::repeat_n(Role::Variant, term.variants.len()))
                .chain(std::iter::repeat_n(Role::Forbidden, term.forbidden.len()));
            for (spelling, (text, role)) in spellings(term).zip(roles).enumerate() {
                build.add(id as u32, spelling as u32, text, role);
            }
        }
        let Build {
            words: builder,
            mut forms,
            form_words,
            form_gaps,
            gap_text,
            ..
        } = build;
        shadow_overridden(&terms, &mut forms, &form_words, &form_gaps);
        let words = builder.len();
        let (first_start, first_forms) = first_word_index(&forms, &form_words, words);
        let mut single = vec![NONE; words];
        let mut places = vec![0u8; words];
        let mut joined: HashMap<u64, u32, FnvBuild> = HashMap::default();
        let mut runs = String::new();
        let mut run_ends = Vec::new();
        for (i, form) in forms.iter().enumerate() {
            if form.shadowed || form.role == Role::Forbidden {
                continue;
            }
            let ids = &form_words[form.start as usize..(form.start + form.len) as usize];
            if let [only] = ids[..] {
                if single[only as usize] == NONE {
                    single[only as usize] = i as u32;
                }
                continue;
            }
            for (p, &w) in ids.iter().enumerate().take(MAX_PLACES) {
                places[w as usize] |= 1 << p;
            }
            let start = runs.len();
            for &w in ids {
                runs.push_str(builder.text(w));
            }
            run_ends.push(runs.len());
            joined.entry(hash(&runs[start..])).or_insert(i as u32);
        }
        let joined_words = WordFilter::new(run_ends.iter().scan(0, |start, &end| {
            Some(&runs[std::mem::replace(start, end)..end])
        }));
        drop(runs);
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
            form_words,
            form_gaps,
            gap_text,
            words: builder.finish(),
            first_start,
            first_forms,
            single,
            places,
            joined_words,
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
            .map(|w| self.words.get_folded(&Glossary::key(w)))
            .collect();
        let Some(&first) = ids.as_ref().and_then(|ids| ids.first()) else {
            return false;
        };
        let ids = ids.unwrap_or_default();
        self.forms_starting_with(first).iter().any(|&f| {
            let form = self.form(f);
            form.is_accepted()
                && form.ids == ids
                && (0..ids.len() - 1).all(|k| form.gap(k) == gaps[k])
        })
    }

    /// The terms that have `source` forms.
    pub fn terms_with_source(&self) -> impl Iterator<Item = &Term> {
        self.with_source.iter().map(|&t| &self.terms[t as usize])
    }

    pub(crate) fn form(&self, i: u32) -> Form<'_> {
        let entry = self.forms[i as usize];
        let term = &self.terms[entry.term as usize];
        let words = entry.start as usize..(entry.start + entry.len) as usize;
        Form {
            term: entry.term,
            role: entry.role,
            text: spellings(term)
                .nth(entry.spelling as usize)
                .expect("the form's spelling"),
            ids: &self.form_words[words.clone()],
            gaps: &self.form_gaps[words.start + 1..words.end.max(words.start + 1)],
            gap_text: &self.gap_text,
        }
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

    pub(super) fn joined_index(&self) -> (&WordFilter, &HashMap<u64, u32, FnvBuild>) {
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
            matcher::normalize_word(&crate::text::tokens::fold(word))
        }
    }
}

/// A term's spellings: the canonical form, the variants, the forbidden
/// forms (the order of `FormEntry::spelling`).
fn spellings(term: &Term) -> impl Iterator<Item = &str> {
    term.forms()
        .chain(term.forbidden.iter().map(String::as_str))
}

/// The forms, their words and separators as they are read.
#[derive(Default)]
struct Build {
    words: WordIdsBuilder,
    forms: Vec<FormEntry>,
    form_words: Vec<WordId>,
    form_gaps: Vec<u16>,
    gap_text: Vec<Box<str>>,
    tokens: Vec<Token>,
    folded: String,
}

impl Build {
    /// Splits `text` (spelling `spelling` of term `term`) into words and
    /// separators and numbers them.
    fn add(&mut self, term: u32, spelling: u32, text: &str, role: Role) {
        self.tokens.clear();
        tokenize(text, 0..text.len(), &mut self.tokens);
        if self.tokens.is_empty() {
            return;
        }
        let start = self.form_words.len() as u32;
        for k in 0..self.tokens.len() {
            let range = self.tokens[k].range.clone();
            let word = &text[range.clone()];
            let id = if word.is_ascii() {
                self.folded.clear();
                self.folded.push_str(word);
                self.folded.make_ascii_lowercase();
                self.words.intern(&self.folded)
            } else {
                self.words.intern(&Glossary::key(word))
            };
            let gap = match k {
                0 => 0,
                _ => self.gap_id(&text[self.tokens[k - 1].range.end..range.start]),
            };
            self.form_words.push(id);
            self.form_gaps.push(gap);
        }
        self.forms.push(FormEntry {
            term,
            spelling,
            start,
            len: self.tokens.len() as u32,
            role,
            shadowed: false,
        });
    }

    /// The number of a separator (collapsed: [`matcher::normalize_gap`]).
    fn gap_id(&mut self, gap: &str) -> u16 {
        if self.gap_text.is_empty() {
            self.gap_text.push(" ".into());
        }
        if gap == " " {
            return 0;
        }
        let gap = matcher::normalize_gap(gap);
        match self.gap_text.iter().position(|g| **g == *gap) {
            Some(i) => i as u16,
            None => {
                self.gap_text.push(gap.into());
                (self.gap_text.len() - 1) as u16
            }
        }
    }
}

/// Marks the forms that a glossary given later overrides: same words, same
/// separators. Terms come glossary by glossary, in the order given (the
/// embedded one first); a new file name starts the next glossary. Within
/// one glossary nothing is shadowed (the first of two equal forms is
/// matched, as the matcher takes forms in order).
fn shadow_overridden(terms: &[Term], forms: &mut [FormEntry], words: &[WordId], gaps: &[u16]) {
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
    let key = |form: &FormEntry| {
        let range = form.start as usize..(form.start + form.len) as usize;
        let mut h = Fnv::default();
        words[range.clone()].hash(&mut h);
        gaps[range.start + 1..range.end.max(range.start + 1)].hash(&mut h);
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
fn first_word_index(forms: &[FormEntry], ids: &[WordId], words: usize) -> (Vec<u32>, Vec<u32>) {
    let first = |f: &FormEntry| ids[f.start as usize] as usize;
    let mut start = vec![0u32; words + 1];
    for form in forms.iter().filter(|f| !f.shadowed) {
        start[first(form) + 1] += 1;
    }
    for w in 1..start.len() {
        start[w] += start[w - 1];
    }
    let mut next: Vec<u32> = start[..words].to_vec();
    let mut lists = vec![0u32; start[words] as usize];
    for (i, form) in forms.iter().enumerate().filter(|(_, f)| !f.shadowed) {
        let slot = &mut next[first(form)];
        lists[*slot as usize] = i as u32;
        *slot += 1;
    }
    for w in 0..words {
        let list = &mut lists[start[w] as usize..start[w + 1] as usize];
        if list.len() > 1 {
            // Stable: glossary order among equals.
            list.sort_by_key(|&i| {
                let f = &forms[i as usize];
                (std::cmp::Reverse(f.len), f.role == Role::Forbidden)
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
            .map(|i| (g.form(i).text, g.forms[i as usize].shadowed))
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
        assert!(!g.forms[0].shadowed && !g.forms[1].shadowed);
        let id = g.word_ids().get_folded("solarcom").unwrap();
        assert_eq!(g.single_form(id), Some(0));
    }
}
