//! `salin glossary check` and `salin glossary stats`: problems and figures of
//! a set of glossary terms.

use std::collections::{BTreeMap, HashMap};

use super::{Kind, Term, matcher::split_form};
use crate::text::tokens::fold;

/// A problem in a glossary, located at a term's origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// The key two spellings share when salin cannot tell them apart when
/// matching: NFC, case-folded words and their separators.
fn key(form: &str) -> String {
    let (words, gaps) = split_form(form);
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(&gaps[i - 1]);
        }
        out.push_str(&fold(w));
    }
    out
}

/// Duplicates (the same spelling accepted by two entries) and conflicts (a
/// spelling accepted by one entry and forbidden by another).
pub fn problems(terms: &[Term]) -> Vec<Problem> {
    let mut accepted: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, term) in terms.iter().enumerate() {
        for form in term.forms() {
            let k = key(form);
            match accepted.get(&k) {
                Some(&j) if j != i => out.push(Problem {
                    at: term.origin.to_string(),
                    message: format!(
                        "duplicate: `{form}` is also accepted by `{}` at {}",
                        terms[j].canonical, terms[j].origin
                    ),
                }),
                Some(_) => {}
                None => {
                    accepted.insert(k, i);
                }
            }
        }
    }
    for term in terms {
        for bad in &term.forbidden {
            if let Some(&j) = accepted.get(&key(bad)) {
                out.push(Problem {
                    at: term.origin.to_string(),
                    message: format!(
                        "conflict: `{bad}` is forbidden here but accepted by `{}` at {}",
                        terms[j].canonical, terms[j].origin
                    ),
                });
            }
        }
    }
    out
}

/// Figures for `salin glossary stats`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub terms: usize,
    pub variants: usize,
    pub forbidden: usize,
    pub with_source: usize,
    pub with_note: usize,
    pub multi_word: usize,
    pub case_insensitive: usize,
    pub by_kind: BTreeMap<Kind, usize>,
    pub by_file: BTreeMap<String, usize>,
}

pub fn stats(terms: &[Term]) -> Stats {
    let mut s = Stats {
        terms: terms.len(),
        ..Stats::default()
    };
    for t in terms {
        s.variants += t.variants.len();
        s.forbidden += t.forbidden.len();
        s.with_source += usize::from(!t.source.is_empty());
        s.with_note += usize::from(t.note.is_some());
        s.multi_word += usize::from(split_form(&t.canonical).0.len() > 1);
        s.case_insensitive += usize::from(t.case == super::CaseMode::Insensitive);
        *s.by_kind.entry(t.kind).or_default() += 1;
        *s.by_file.entry(t.origin.file.clone()).or_default() += 1;
    }
    s
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "terms:            {}", self.terms)?;
        writeln!(f, "multi-word:       {}", self.multi_word)?;
        writeln!(f, "variants:         {}", self.variants)?;
        writeln!(f, "forbidden forms:  {}", self.forbidden)?;
        writeln!(f, "with source:      {}", self.with_source)?;
        writeln!(f, "with note:        {}", self.with_note)?;
        writeln!(f, "case-insensitive: {}", self.case_insensitive)?;
        writeln!(f, "by kind:")?;
        for (kind, n) in &self.by_kind {
            writeln!(f, "  {:<14} {n}", kind.as_str())?;
        }
        writeln!(f, "by file:")?;
        for (file, n) in &self.by_file {
            writeln!(f, "  {file}: {n}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::tsv;

    #[test]
    fn duplicates_and_conflicts() {
        let mut terms = tsv::parse(
            "Innovent\tInnovent Biologics\nINNOVENT\nHuacao Town\tHuacao\n",
            "a.tsv",
        )
        .unwrap();
        let mut more = crate::glossary::toml::parse(
            "[[term]]\ncanonical = \"Minhang\"\nforbidden = [\"huacao\"]\n",
            "b.toml",
        )
        .unwrap();
        terms.append(&mut more);
        let got: Vec<String> = problems(&terms).iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "a.tsv:2: duplicate: `INNOVENT` is also accepted by `Innovent` at a.tsv:1",
                "b.toml:1: conflict: `huacao` is forbidden here but accepted by `Huacao Town` at a.tsv:3",
            ]
        );
    }

    #[test]
    fn stats_count() {
        let terms = tsv::parse("Innovent\tInnovent Biologics\nCarl Zeiss\n", "a.tsv").unwrap();
        let s = stats(&terms);
        assert_eq!((s.terms, s.variants, s.multi_word), (2, 1, 1));
        assert_eq!(s.by_file["a.tsv"], 2);
    }
}
