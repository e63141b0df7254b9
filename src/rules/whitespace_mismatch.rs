use std::ops::Range;

use super::{Reporter, Rule, UnitContext, declare_rule};
use super::helpers::{lead, trail};

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
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let Some((source, target)) = ctx.value_texts() else {
            return;
        };
        // Blanks at the edges can be written only inside quotes (or an XML
        // element): a plain or block YAML scalar is reported, not fixed.
        let start = ctx.value_span().start;
        let quoted = ctx.doc.text[..start].ends_with(['"', '\'', '>']);
        let (sl, tl) = (&source[..lead(source)], &target[..lead(target)]);
        if sl != tl {
            let message = format!(
                "the source starts with {}, the translation with {}",
                show(sl),
                show(tl)
            );
            report_edge(out, ctx.span(0..tl.len()), message, sl, quoted);
        }
        let (st, tt) = (
            &source[source.len() - trail(source)..],
            &target[target.len() - trail(target)..],
        );
        if st != tt {
            let message = format!(
                "the source ends with {}, the translation with {}",
                show(st),
                show(tt)
            );
            let span = ctx.span(target.len() - tt.len()..target.len());
            report_edge(out, span, message, st, quoted);
        }
    }
}

/// Reports blanks at one edge that should read `wanted`: fixed only when
/// the value is quoted (elsewhere the blanks cannot be written).
fn report_edge(
    out: &mut Reporter<'_>,
    span: Range<usize>,
    message: String,
    wanted: &str,
    quoted: bool,
) {
    let finding = out.report(span.clone(), message);
    if quoted {
        finding.replace(wanted);
    } else {
        finding.suggest(wanted);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::WhitespaceMismatch);

    #[test]
    fn blanks_and_escapes_at_the_edges() {
        assert_eq!(
            RULE.pair_findings(
                r#"{"a": "Name: "}"#,
                r#"{"a": "Pangalan:"}"#),
            [(
                String::new(),
                "the source ends with `\u{2423}`, the translation with nothing".to_string(),
                Some(r#"{"a": "Pangalan: "}"#.to_string())
            )]
        );
        assert_eq!(
            RULE.pair_findings(
                r#"{"a": "Done\n"}"#,
                r#"{"a": " Tapos na"}"#),
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
            RULE.pair_findings(
                r#"{"a": "a\\n"}"#,
                r#"{"a": "b\\n"}"#)
            .is_empty()
        );
        assert!(RULE.pair_findings("Name: ", "Pangalan:").is_empty());
    }
}
