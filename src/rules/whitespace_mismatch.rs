use super::{Rule, RuleMeta, UnitContext, declare_rule};
use crate::diagnostic::{Diagnostic, Edit, Fix};

trait FixIf {
    fn with_fix_if(self, condition: bool, fix: Fix) -> Self;
}

impl FixIf for Diagnostic {
    fn with_fix_if(self, condition: bool, fix: Fix) -> Self {
        if condition { self.with_fix(fix) } else { self }
    }
}

declare_rule! {
    /// ## What it checks
    /// A value whose leading or trailing blanks differ from its source's:
    /// spaces, tabs and line breaks, compared in the decoded values (the
    /// escape `\n` of a JSON, YAML or PO string is a line break)
    /// (`"Name: "` → `"Pangalan:"`, `"Done\n"` → `"Tapos na"`).
    ///
    /// Only for values of localisation files whose source is known.
    ///
    /// ## Why
    /// Applications join strings: a dropped trailing space runs two words
    /// together on screen, an added leading one misaligns a label, and
    /// gettext's `msgfmt --check` rejects a `msgstr` whose leading or
    /// trailing `\n` differs from the `msgid`.
    ///
    /// ## Bad
    /// ```text
    /// {"label": "Name: "} → {"label": "Pangalan:"}
    /// {"label": "Done"} → {"label": " Tapos na"}
    /// ```
    ///
    /// ## Good
    /// ```text
    /// {"label": "Name: "} → {"label": "Pangalan: "}
    /// ```
    ///
    /// ## Fix
    /// Safe: the value's leading or trailing blanks become the source's,
    /// written as the target's format writes them (`\n` in a JSON string),
    /// in quoted values (and XML elements) only: in a plain or block YAML
    /// scalar, edge blanks are not part of the value, and a single-quoted
    /// YAML value cannot hold a line break on one line (reported, not
    /// fixed).
    pub struct WhitespaceMismatch {
        name: "whitespace-mismatch",
        severity: Warning,
        fix: Safe,
        summary: "Leading or trailing blanks of a value differ from the source's",
    }
}

/// The length of the blanks (space, tab, line break) at the start of `s`,
/// a decoded value.
fn lead(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t', '\n', '\r']).len()
}

/// The length of the blanks at the end of `s`, a decoded value.
pub(super) fn trail(s: &str) -> usize {
    s.len() - s.trim_end_matches([' ', '\t', '\n', '\r']).len()
}

fn show(s: &str) -> String {
    if s.is_empty() {
        "nothing".to_string()
    } else {
        format!("`{s}`")
            .replace(' ', "\u{2423}")
            .replace('\n', "\\n")
            .replace('\r', "\\r")
            .replace('\t', "\\t")
    }
}

impl Rule for WhitespaceMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Vec<Diagnostic>) {
        let Some(source) = ctx.source() else {
            return;
        };
        let target = ctx.target.as_str();
        if !ctx.is_value() || target.trim().is_empty() || source.trim().is_empty() {
            return;
        }
        // Blanks at the edges can be written only inside quotes (or an XML
        // element): a plain or block YAML scalar is reported, not fixed.
        let start = ctx.value_span().start;
        let quoted = ctx.doc.text[..start].ends_with(['"', '\'', '>']);
        let (sl, tl) = (&source[..lead(source)], &target[..lead(target)]);
        if sl != tl {
            let span = ctx.span(0..tl.len());
            out.push(
                Diagnostic::new(
                    Self::META.name,
                    span.clone(),
                    format!(
                        "the source starts with {}, the translation with {}",
                        show(sl),
                        show(tl)
                    ),
                )
                .with_suggestion(sl)
                .with_fix_if(quoted, Fix::safe(vec![Edit::replace(span, sl)])),
            );
        }
        let (st, tt) = (
            &source[source.len() - trail(source)..],
            &target[target.len() - trail(target)..],
        );
        if st != tt {
            let span = ctx.span(target.len() - tt.len()..target.len());
            out.push(
                Diagnostic::new(
                    Self::META.name,
                    span.clone(),
                    format!(
                        "the source ends with {}, the translation with {}",
                        show(st),
                        show(tt)
                    ),
                )
                .with_suggestion(st)
                .with_fix_if(quoted, Fix::safe(vec![Edit::replace(span, st)])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::pair_findings;

    #[test]
    fn blanks_and_escapes_at_the_edges() {
        assert_eq!(
            pair_findings(
                r#"{"a": "Name: "}"#,
                r#"{"a": "Pangalan:"}"#,
                "whitespace-mismatch"
            ),
            [(
                String::new(),
                "the source ends with `\u{2423}`, the translation with nothing".to_string(),
                Some(r#"{"a": "Pangalan: "}"#.to_string())
            )]
        );
        assert_eq!(
            pair_findings(
                r#"{"a": "Done\n"}"#,
                r#"{"a": " Tapos na"}"#,
                "whitespace-mismatch"
            ),
            [
                (
                    " ".to_string(),
                    "the source starts with nothing, the translation with `\u{2423}`".to_string(),
                    Some(r#"{"a": "Tapos na"}"#.to_string())
                ),
                (
                    String::new(),
                    "the source ends with `\\n`, the translation with nothing".to_string(),
                    Some(r#"{"a": " Tapos na\n"}"#.to_string())
                ),
            ]
        );
        assert!(
            pair_findings(
                r#"{"a": "a\\n"}"#,
                r#"{"a": "b\\n"}"#,
                "whitespace-mismatch"
            )
            .is_empty()
        );
        assert!(pair_findings("Name: ", "Pangalan:", "whitespace-mismatch").is_empty());
    }
}
