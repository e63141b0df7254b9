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
mod index;
mod lookup;
mod matcher;
pub mod near;
pub mod scan;
pub mod tbx;
pub mod toml;
pub mod tsv;
mod words;

use std::path::Path;

pub use error::GlossaryError;
pub use index::Glossary;
pub use matcher::Match;
pub(crate) use matcher::{name_tokens, normalize_word};
pub use near::NearIndex;
pub use scan::{NameScan, Near, NearKind, find_matches, scan};
pub use words::WordId;

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
