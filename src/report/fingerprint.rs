//! Stable identities of findings, independent of line numbers: the file, the
//! rule, the flagged text and the occurrence index (the how-manieth finding
//! of that rule with that text in that file). Used for GitLab fingerprints,
//! SARIF partial fingerprints and baselines, so a finding keeps its identity
//! when lines are added above it.

use super::FileReport;

/// For each diagnostic of `file`, in order, its occurrence index among the
/// diagnostics with the same rule and flagged text (0 for the first).
pub fn occurrences(file: &FileReport<'_>) -> Vec<usize> {
    let mut seen: Vec<(&str, &str, usize)> = Vec::new();
    file.diagnostics
        .iter()
        .map(|d| {
            let text = &file.source[d.span.clone()];
            match seen.iter_mut().find(|(r, t, _)| *r == d.rule && *t == text) {
                Some((_, _, n)) => {
                    *n += 1;
                    *n - 1
                }
                None => {
                    seen.push((d.rule, text, 1));
                    0
                }
            }
        })
        .collect()
}

/// A path as reports show it to other tools: `/` separators, no leading `./`.
pub fn portable_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut p = path.as_str();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    p.to_string()
}

/// A 64-bit FNV-1a hash of the finding's identity, as 16 hex digits. The
/// algorithm is fixed: fingerprints stay the same across salin versions.
pub fn fingerprint(path: &str, rule: &str, text: &str, occurrence: usize) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let occurrence = occurrence.to_string();
    for part in [
        portable_path(path).as_str(),
        rule,
        text,
        occurrence.as_str(),
    ] {
        for &b in part.as_bytes().iter().chain(&[0u8]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Diagnostic;

    #[test]
    fn occurrences_count_same_rule_and_text() {
        let source = "ab ab ab";
        let diagnostics = vec![
            Diagnostic::new("r", 0..2, "m"),
            Diagnostic::new("s", 0..2, "m"),
            Diagnostic::new("r", 3..5, "m"),
            Diagnostic::new("r", 6..8, "m"),
        ];
        let file = FileReport {
            path: "a",
            source,
            diagnostics: &diagnostics,
        };
        assert_eq!(occurrences(&file), [0, 0, 1, 2]);
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(portable_path("./docs\\a.md"), "docs/a.md");
        let a = fingerprint("./a.md", "hyphen-spacing", "pag -unlad", 0);
        assert_eq!(a, fingerprint("a.md", "hyphen-spacing", "pag -unlad", 0));
        assert_ne!(a, fingerprint("a.md", "hyphen-spacing", "pag -unlad", 1));
        // Fixed forever: changing this value breaks users' GitLab history
        // and baselines.
        assert_eq!(
            fingerprint("docs/balita.md", "glossary-case", "Glaxosmithkline", 0),
            "961ae22ff2b893e9"
        );
        assert_eq!(a.len(), 16);
    }
}
