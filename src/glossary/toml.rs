//! The TOML glossary format, for hand-written glossaries:
//!
//! ```toml
//! [[term]]
//! canonical = "Huacao Town"
//! variants = ["Huacao"]
//! forbidden = ["Bayan ng Huacao"]   # known wrong forms, flagged with the fix
//! source = "华漕镇"                   # or a list
//! kind = "place"                     # person, organization, place, product, other
//! case = "exact"                     # or "insensitive"
//! note = "A town in Minhang, Shanghai; the name stays untranslated."
//! ```

use serde::Deserialize;

use super::error::line_of;
use super::{CaseMode, GlossaryError, Kind, Origin, Term};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    term: Vec<toml::Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    canonical: String,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    forbidden: Vec<String>,
    #[serde(default)]
    source: OneOrMany,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    case: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(untagged)]
enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

pub fn parse(text: &str, file: &str) -> Result<Vec<Term>, GlossaryError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed: File = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        GlossaryError::at(file, line, e.message().trim().to_string())
    })?;
    let mut terms = Vec::with_capacity(parsed.term.len());
    for spanned in parsed.term {
        let line = line_of(text, spanned.span().start);
        let entry = spanned.into_inner();
        let err = |m: String| GlossaryError::at(file, line, m);
        let canonical = entry.canonical.trim();
        if canonical.is_empty() {
            return Err(err("`canonical` is empty".into()));
        }
        let mut term = Term::new(canonical, Origin::new(file, line));
        term.variants = entry.variants;
        term.forbidden = entry.forbidden;
        term.source = match entry.source {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        };
        let kind = entry.kind.unwrap_or_default();
        term.kind = Kind::parse(&kind).ok_or_else(|| {
            err(format!(
                "unknown kind `{kind}` (expected person, organization, place, product or other)"
            ))
        })?;
        let case = entry.case.unwrap_or_default();
        term.case = CaseMode::parse(&case).ok_or_else(|| {
            err(format!(
                "unknown case `{case}` (expected exact or insensitive)"
            ))
        })?;
        term.note = entry.note.filter(|n| !n.trim().is_empty());
        term.validate().map_err(err)?;
        terms.push(term);
    }
    Ok(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tables() {
        let text = r#"
# Mga pangalan
[[term]]
canonical = "Huacao Town"
variants = ["Huacao"]
forbidden = ["Bayan ng Huacao"]
source = "华漕镇"
kind = "place"
note = "Stays untranslated."

[[term]]
canonical = "Innovent"
source = ["信达生物", "Innovent Biologics"]
case = "insensitive"
"#;
        let terms = parse(text, "g.toml").unwrap();
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0].canonical, "Huacao Town");
        assert_eq!(terms[0].forbidden, ["Bayan ng Huacao"]);
        assert_eq!(terms[0].source, ["华漕镇"]);
        assert_eq!(terms[0].kind, Kind::Place);
        assert_eq!(terms[0].origin, Origin::new("g.toml", 3));
        assert_eq!(terms[1].source.len(), 2);
        assert_eq!(terms[1].case, CaseMode::Insensitive);
        assert_eq!(terms[1].origin.line, 11);
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_line() {
        let e = parse("[[term]]\ncanonical = \"X\"\nvariant = [\"Y\"]\n", "g.toml").unwrap_err();
        assert_eq!(e.file, "g.toml");
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("unknown field `variant`"), "{e}");
        let e = parse("[[term]]\ncanonical = \"X\"\nkind = \"city\"\n", "g.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.toml:1: unknown kind `city` (expected person, organization, place, product or other)"
        );
        let e = parse("[[term]]\ncanonical = \n", "g.toml").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = parse("[[term]]\nvariants = [\"Y\"]\n", "g.toml").unwrap_err();
        assert!(e.message.contains("missing field `canonical`"), "{e}");
    }
}
