//! The TSV glossary format: one term per line, the canonical form in the first
//! column, accepted variants in further tab-separated columns. `#` starts a
//! comment line; blank lines are ignored.

use super::{GlossaryError, Origin, Term};

pub fn parse(text: &str, file: &str) -> Result<Vec<Term>, GlossaryError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut terms = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = raw.trim_end_matches('\r');
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        let mut columns = content.split('\t').map(str::trim);
        let canonical = columns.next().unwrap_or_default();
        if canonical.is_empty() {
            return Err(GlossaryError::at(
                file,
                line,
                "the first column (the canonical term) is empty",
            ));
        }
        let mut term = Term::new(canonical, Origin::new(file, line));
        term.variants = columns
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect();
        term.validate()
            .map_err(|m| GlossaryError::at(file, line, m))?;
        terms.push(term);
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
        assert_eq!(terms[0].origin, Origin::new("g.tsv", 2));
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
