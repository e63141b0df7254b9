//! The TSV glossary format: one term per line, the canonical form in the first
//! column, accepted variants in further tab-separated columns. `#` starts a
//! comment line; blank lines are ignored.

use std::fmt;

use super::{Origin, Term};

/// A glossary line salin cannot read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlossaryError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for GlossaryError {}

pub fn parse(text: &str, file: &str) -> Result<Vec<Term>, GlossaryError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut terms = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let err = |message: String| GlossaryError {
            file: file.to_string(),
            line,
            message,
        };
        let content = raw.trim_end_matches('\r');
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        let mut columns = content.split('\t').map(str::trim);
        let canonical = columns.next().unwrap_or_default();
        if canonical.is_empty() {
            return Err(err("the first column (the canonical term) is empty".into()));
        }
        if !canonical.chars().any(char::is_alphanumeric) {
            return Err(err(format!("term {canonical:?} has no letters or digits")));
        }
        let variants: Vec<String> = columns
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect();
        terms.push(Term {
            canonical: canonical.to_string(),
            variants,
            origin: Origin {
                file: file.to_string(),
                line,
            },
        });
    }
    Ok(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_terms_variants_comments_and_blank_lines() {
        let text = "# mga kumpanya\nGlaxoSmithKline\tGSK\n\n  Innovent  \r\nCarl Zeiss\t\tZeiss\n";
        let terms = parse(text, "g.tsv").unwrap();
        assert_eq!(terms.len(), 3);
        assert_eq!(terms[0].canonical, "GlaxoSmithKline");
        assert_eq!(terms[0].variants, ["GSK"]);
        assert_eq!(
            terms[0].origin,
            Origin {
                file: "g.tsv".into(),
                line: 2
            }
        );
        assert_eq!(terms[1].canonical, "Innovent");
        assert_eq!(terms[2].variants, ["Zeiss"]);
    }

    #[test]
    fn empty_first_column_names_file_and_line() {
        let err = parse("Innovent\n\tGSK\n", "names.tsv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "names.tsv:2: the first column (the canonical term) is empty"
        );
    }

    #[test]
    fn punctuation_only_term_is_an_error() {
        let err = parse("Innovent\n---\n", "g.tsv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "g.tsv:2: term \"---\" has no letters or digits"
        );
    }
}
