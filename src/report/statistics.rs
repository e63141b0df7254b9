//! `--statistics`: how many findings each rule made, most first.

use std::fmt::Write as _;

use serde::Serialize;

use super::FileReport;
use crate::diagnostic::Applicability;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    pub rule: &'static str,
    pub count: usize,
    /// How many of them `--fix` fixes.
    pub fixable: usize,
}

/// Counts per rule over every file, by count (descending), then rule name.
pub fn statistics(files: &[FileReport<'_>]) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = Vec::new();
    for d in files.iter().flat_map(|f| f.diagnostics) {
        let fixable = usize::from(d.is_fixable(Applicability::Safe));
        match counts.iter_mut().find(|c| c.rule == d.rule) {
            Some(c) => {
                c.count += 1;
                c.fixable += fixable;
            }
            None => counts.push(RuleCount {
                rule: d.rule,
                count: 1,
                fixable,
            }),
        }
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    counts
}

/// A table: count, rule, how many `--fix` fixes. Empty when nothing was found.
pub fn render_statistics(counts: &[RuleCount]) -> String {
    if counts.is_empty() {
        return String::new();
    }
    let width = counts
        .iter()
        .map(|c| c.rule.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("{:>5}  {:width$}  FIXABLE\n", "COUNT", "RULE");
    for c in counts {
        let _ = writeln!(out, "{:>5}  {:width$}  {:>7}", c.count, c.rule, c.fixable);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample;

    #[test]
    fn snapshot() {
        let (path, source, diagnostics) = sample();
        let files = [FileReport {
            path,
            source: &source,
            diagnostics: &diagnostics,
        }];
        let counts = statistics(&files);
        assert_eq!(
            counts.iter().map(|c| c.count).sum::<usize>(),
            diagnostics.len()
        );
        insta::assert_snapshot!(render_statistics(&counts));
        assert_eq!(render_statistics(&[]), "");
    }
}
