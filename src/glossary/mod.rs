//! The glossary of proper nouns: how each name is written, which other
//! spellings are accepted, which are known to be wrong.
//!
//! Four file formats ([`tsv`], [`csv`], [`toml`], [`tbx`]) load into the same
//! [`Term`] model; [`Glossary::new`] indexes the terms for the glossary rules:
//! exact matching on case-folded words (`matcher`) and a deletion-neighbourhood
//! index for near misses (`near`).

pub mod check;
pub mod csv;
mod error;
mod lookup;
mod matcher;
pub mod near;
pub mod tbx;
pub mod toml;
pub mod tsv;

use std::collections::HashMap;
use std::path::Path;

pub use error::GlossaryError;
pub use matcher::{Match, find_matches};
pub(crate) use matcher::{name_tokens, normalize_gap, normalize_word, split_form, write_key};

use lookup::NearMissCache;
pub use near::NearIndex;

use thread_local::ThreadLocal;

use crate::lexicon::set::{FnvBuild, WordFilter};
use crate::text::tokens::fold;

/// The glossary compiled into the binary from `glossary/default.toml`.
pub const DEFAULT_TOML: &str = include_str!("../../glossary/default.toml");

/// Where a term was defined, for messages.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl Origin {
    pub fn new(file: &str, line: usize) -> Self {
        Origin {
            file: file.to_string(),
            line,
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// What a term names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Organization,
    Place,
    Product,
    #[default]
    Other,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "person" => Kind::Person,
            "organization" | "organisation" => Kind::Organization,
            "place" => Kind::Place,
            "product" => Kind::Product,
            "other" | "" => Kind::Other,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Product => "product",
            Kind::Other => "other",
        }
    }
}

/// Whether capitalisation is part of the term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CaseMode {
    /// `glossary-case` flags any other capitalisation (the default).
    #[default]
    Exact,
    /// Any capitalisation is fine.
    Insensitive,
}

impl CaseMode {
    pub fn parse(s: &str) -> Option<CaseMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "exact" | "" => Some(CaseMode::Exact),
            "insensitive" => Some(CaseMode::Insensitive),
            _ => None,
        }
    }
}

/// One glossary entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The spelling salin suggests.
    pub canonical: String,
    /// Other spellings that are also correct.
    pub variants: Vec<String>,
    /// Known wrong spellings or translations (`Bayan ng Huacao` for
    /// `Huacao Town`), each flagged with the canonical form as the fix.
    pub forbidden: Vec<String>,
    /// The term in the source language, for bilingual checks.
    pub source: Vec<String>,
    pub kind: Kind,
    pub case: CaseMode,
    /// Shown in messages about the term.
    pub note: Option<String>,
    pub origin: Origin,
}

impl Term {
    pub fn new(canonical: &str, origin: Origin) -> Self {
        Term {
            canonical: canonical.to_string(),
            variants: Vec::new(),
            forbidden: Vec::new(),
            source: Vec::new(),
            kind: Kind::Other,
            case: CaseMode::Exact,
            note: None,
            origin,
        }
    }

    /// The canonical form followed by the variants: the accepted spellings.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.canonical.as_str()).chain(self.variants.iter().map(String::as_str))
    }

    /// Checks that every form can be matched, and that no form is both
    /// accepted and forbidden. Returns the message for an error.
    pub fn validate(&self) -> Result<(), String> {
        for form in self
            .forms()
            .chain(self.forbidden.iter().map(String::as_str))
        {
            if !form.chars().any(char::is_alphanumeric) {
                return Err(format!("term {form:?} has no letters or digits"));
            }
        }
        for bad in &self.forbidden {
            if self.forms().any(|f| f == bad) {
                return Err(format!("{bad:?} is both accepted and forbidden"));
            }
        }
        Ok(())
    }
}

/// Reads a glossary file, choosing the format by extension: `.tsv` (and
/// `.txt`), `.csv`, `.toml`, `.tbx` (and `.xml`).
pub fn load(path: &Path) -> Result<Vec<Term>, GlossaryError> {
    load_as(path, &path.display().to_string())
}

/// Like [`load`], naming the file `name` in errors and origins.
pub fn load_as(path: &Path, name: &str) -> Result<Vec<Term>, GlossaryError> {
    let bytes = std::fs::read(path).map_err(|e| GlossaryError::file(name, io_message(&e)))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let line = error::line_of(
            &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
            e.valid_up_to(),
        );
        GlossaryError::at(name, line, "not valid UTF-8")
    })?;
    parse(text, name, path)
}

/// Parses glossary text named `name`, in the format `path`'s extension says.
pub fn parse(text: &str, name: &str, path: &Path) -> Result<Vec<Term>, GlossaryError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "tsv" | "txt" => tsv::parse(text, name),
        "csv" => csv::parse(text, name),
        "toml" => toml::parse(text, name),
        "tbx" | "xml" => tbx::parse(text, name),
        _ => Err(GlossaryError::file(
            name,
            "unknown glossary format (expected .tsv, .csv, .toml or .tbx)",
        )),
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

/// Whether a form is an accepted spelling or a known wrong one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Canonical,
    Variant,
    Forbidden,
}

/// One spelling (canonical or variant) of a term, split into words.
#[derive(Clone, Debug)]
pub(crate) struct Form {
    pub term: u32,
    pub role: Role,
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
    by_first_word: HashMap<String, Vec<u32>, FnvBuild>,
    /// A multi-word accepted form with its words run together (`carlzeiss`)
    /// → the form.
    joined: HashMap<String, u32, FnvBuild>,
    /// The keys of `by_first_word` and of `joined`, for a quick "no" to the
    /// nearly all words of a text that start no form.
    first_words: WordFilter,
    joined_words: WordFilter,
    near: NearIndex,
    /// Near-miss answers, per thread (see [`Glossary::near_miss`]).
    near_cache: ThreadLocal<NearMissCache>,
}

impl Glossary {
    pub fn new(terms: Vec<Term>) -> Self {
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
                forms.push(Form {
                    term: id as u32,
                    role,
                    text: text.to_string(),
                    words: cased.iter().map(|w| fold(w)).collect(),
                    cased,
                    gaps,
                });
            }
        }
        let mut by_first_word: HashMap<String, Vec<u32>, FnvBuild> = HashMap::default();
        for (i, form) in forms.iter().enumerate() {
            by_first_word
                .entry(form.words[0].clone())
                .or_default()
                .push(i as u32);
        }
        // Longest first; among equals, accepted spellings before forbidden.
        for ids in by_first_word.values_mut() {
            ids.sort_by_key(|&i| {
                let f = &forms[i as usize];
                (std::cmp::Reverse(f.words.len()), f.role == Role::Forbidden)
            });
        }
        let mut joined: HashMap<String, u32, FnvBuild> = HashMap::default();
        for (i, form) in forms.iter().enumerate() {
            if form.words.len() > 1 && form.role != Role::Forbidden {
                joined.entry(form.words.concat()).or_insert(i as u32);
            }
        }
        let near = NearIndex::new(&forms);
        Glossary {
            terms,
            forms,
            first_words: WordFilter::new(by_first_word.keys().map(String::as_str)),
            joined_words: WordFilter::new(joined.keys().map(String::as_str)),
            by_first_word,
            joined,
            near,
            near_cache: ThreadLocal::new(),
        }
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

    pub(crate) fn form(&self, i: u32) -> &Form {
        &self.forms[i as usize]
    }

    pub(crate) fn term(&self, i: u32) -> &Term {
        &self.terms[i as usize]
    }

    /// The forms whose first word is `folded`: see
    /// [`Glossary::forms_starting_with_word`] for a word of the text.
    fn forms_starting_with(&self, folded: &str) -> &[u32] {
        self.by_first_word.get(folded).map_or(&[], Vec::as_slice)
    }

    /// Whether `folded` is a word of some glossary form.
    fn knows_word(&self, folded: &str) -> bool {
        self.by_first_word.contains_key(folded) || self.near.contains(folded)
    }

    fn near(&self) -> &NearIndex {
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
