//! Baselines: the findings a repository already had, recorded once
//! (`--write-baseline`), so that later runs (`--baseline`) report only new
//! ones.
//!
//! A finding is identified by its file (relative to the project root), its
//! rule, the text it flags and its occurrence index: the how-manieth finding
//! of that rule with that text in that file. Line numbers are not part of it,
//! so adding or removing lines elsewhere does not turn old findings into new
//! ones; a second copy of an old mistake is new.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::report::FileReport;
use crate::report::fingerprint::{occurrences, portable_path};

/// The format version written to and required of baseline files.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: BTreeSet<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub text: String,
    pub occurrence: usize,
}

impl Baseline {
    pub fn new() -> Self {
        Baseline {
            version: VERSION,
            findings: BTreeSet::new(),
        }
    }

    /// Records the findings of one file; `path` is its key (relative to the
    /// project root).
    pub fn add(&mut self, path: &str, source: &str, diagnostics: &[Diagnostic]) {
        for (d, occurrence) in diagnostics
            .iter()
            .zip(Self::occurrences(source, diagnostics))
        {
            self.findings.insert(entry(path, source, d, occurrence));
        }
    }

    /// The findings of one file that the baseline does not hold.
    pub fn filter(
        &self,
        path: &str,
        source: &str,
        diagnostics: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        let occurrences = Self::occurrences(source, &diagnostics);
        diagnostics
            .into_iter()
            .zip(occurrences)
            .filter(|(d, occurrence)| !self.findings.contains(&entry(path, source, d, *occurrence)))
            .map(|(d, _)| d)
            .collect()
    }

    fn occurrences(source: &str, diagnostics: &[Diagnostic]) -> Vec<usize> {
        occurrences(&FileReport {
            path: "",
            source,
            diagnostics,
        })
    }

    /// Pretty JSON, one finding per line group, sorted: diffs stay readable.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("baselines serialise") + "\n"
    }

    pub fn from_json(text: &str) -> Result<Self, String> {
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if baseline.version != VERSION {
            return Err(format!(
                "baseline version {} is not supported (expected {VERSION})",
                baseline.version
            ));
        }
        Ok(baseline)
    }
}

fn entry(path: &str, source: &str, d: &Diagnostic, occurrence: usize) -> Entry {
    Entry {
        path: portable_path(path),
        rule: d.rule.to_string(),
        text: source[d.span.clone()].to_string(),
        occurrence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checker, Document, Format, Glossary};

    fn check(text: &str) -> Vec<Diagnostic> {
        Checker::new(Glossary::embedded()).check(&Document::new("a.txt", text, Format::Plain))
    }

    #[test]
    fn old_findings_survive_line_shifts_and_new_copies_are_new() {
        let old = "Ang pag -unlad.\nNanalo ng Award Award Award.\n";
        let mut baseline = Baseline::new();
        baseline.add("./docs/a.txt", old, &check(old));
        assert_eq!(baseline.findings.len(), 2);
        let round = Baseline::from_json(&baseline.to_json()).unwrap();
        assert_eq!(round, baseline);

        let new = "Bagong simula.\n\nAng pag -unlad.\nNanalo ng Award Award Award.\nAt pag -unlad muli.\n";
        let left = baseline.filter("docs/a.txt", new, check(new));
        assert_eq!(left.len(), 1);
        assert_eq!(&new[left[0].span.clone()], "pag -unlad");
        assert!(left[0].span.start > new.find("muli").unwrap() - 12);
        // Another file with the same text is not covered.
        assert_eq!(baseline.filter("docs/b.txt", old, check(old)).len(), 2);
    }

    #[test]
    fn bad_files_are_refused() {
        assert!(Baseline::from_json("[]").is_err());
        assert_eq!(
            Baseline::from_json("{\"version\": 9, \"findings\": []}").unwrap_err(),
            "baseline version 9 is not supported (expected 1)"
        );
    }
}
