use std::ops::Range;

use super::helpers::{lead, trail};
use super::layout::{leading_space_on_every_line, nesting_changes, trailing_blanks};
use super::{Reporter, Rule, UnitContext, declare_rule};
use crate::diagnostic::Edit;
use crate::input::{Document, UnitKind};

declare_rule! {
    /// ## What it checks
    /// A value whose leading or trailing blanks differ from its source's:
    /// spaces, tabs and line breaks, compared in the decoded values (the
    /// escape `\n` of a JSON, YAML or PO string is a line break)
    /// (`"Name: "` → `"Pangalan:"`, `"Done\n"` → `"Tapos na"`), and a blank
    /// before the final mark that the source writes close (`"Loading..."` →
    /// `"Naglo-load ..."`).
    ///
    /// In an article paired with its source article:
    /// - blanks at the end of a line that the source's line lacks (line by
    ///   line when the translation kept the source's lines, else any when
    ///   the source has none);
    /// - a space added before every line;
    /// - a list item indented so that it nests otherwise than the source's
    ///   (`  - b` under `- a` written as `- b`).
    ///
    /// Only for translations whose source is known.
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
    /// {"label": "Loading..."} → {"label": "Naglo-load ..."}
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
    /// fixed). The blank before a final mark, the blanks at the ends of
    /// lines and the space before every line are removed. A list item that
    /// nests otherwise is reported with the source's indentation, not
    /// fixed: a fix never changes the structure of a Markdown block.
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
        final_mark_spacing(ctx, source, target, out);
    }

    fn check_document(&self, doc: &Document, out: &mut Reporter<'_>) {
        let Some(source) = &doc.source else {
            return;
        };
        if doc.format.is_localisation() {
            return;
        }
        let (target, source) = (doc.text.as_str(), source.text.as_str());
        for blanks in trailing_blanks(target, source) {
            out.report(blanks.clone(), "blanks at the end of the line, which the source's line does not have")
                .replace("");
        }
        if let Some(spaces) = leading_space_on_every_line(target, source) {
            let first = spaces[0].clone();
            let count = spaces.len();
            out.report(first, format!("every line starts with a space ({count} lines), which the source's do not"))
                .suggest("")
                .fix_edits(spaces.into_iter().map(Edit::delete).collect());
        }
        for (item, wanted) in nesting_changes(target, source) {
            let message = format!(
                "this list item is indented {}; the source's item nests at another depth, indented {}",
                show(&item.indent_text),
                show(&wanted)
            );
            let span = item.indent.start..item.indent.end.max(item.indent.start);
            // Reported, not fixed: a fix never changes the structure of a
            // Markdown block, and this one would.
            out.report(span, message).suggest(wanted);
        }
    }
}

/// `Naglo-load ...` for `Loading...`: the value (or paragraph) ends with
/// the source's final mark, with blanks before it that the source does
/// not have.
fn final_mark_spacing(ctx: &UnitContext<'_>, source: &str, target: &str, out: &mut Reporter<'_>) {
    if !matches!(ctx.unit.kind, UnitKind::Value | UnitKind::Paragraph) {
        return;
    }
    let (s, t) = (source.trim_end(), target.trim_end());
    let mark = |x: &str| -> usize {
        x.len() - x.trim_end_matches(['.', '\u{2026}', ':', '!', '?', ';']).len()
    };
    let (sm, tm) = (mark(s), mark(t));
    if sm == 0 || s[s.len() - sm..] != t[t.len() - tm..] {
        return;
    }
    let before = |x: &str, m: usize| x[..x.len() - m].len() - x[..x.len() - m].trim_end_matches([' ', '\t']).len();
    let (sb, tb) = (before(s, sm), before(t, tm));
    if sb != 0 || tb == 0 || t[..t.len() - tm - tb].is_empty() {
        return;
    }
    let blanks = t.len() - tm - tb..t.len() - tm;
    let final_mark = &t[t.len() - tm..];
    out.report(
        ctx.span(blanks.start..t.len()),
        format!("a blank before the final `{final_mark}`, which the source writes close to its text"),
    )
    .suggest(final_mark)
    .fix(Edit::delete(ctx.span(blanks)));
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
    fn a_blank_before_the_final_mark() {
        assert_eq!(
            RULE.pair_findings(r#"{"a": "Loading..."}"#, r#"{"a": "Naglo-load ..."}"#),
            [(
                " ...".to_string(),
                "a blank before the final `...`, which the source writes close to its text".to_string(),
                Some(r#"{"a": "Naglo-load..."}"#.to_string())
            )]
        );
        assert!(RULE.pair_findings(r#"{"a": "Wait ..."}"#, r#"{"a": "Sandali ..."}"#).is_empty());
        assert!(RULE.pair_findings(r#"{"a": "Done."}"#, r#"{"a": "Tapos na!"}"#).is_empty());
    }

    fn article(source: &str, target: &str) -> Vec<(String, String)> {
        let source = crate::input::Document::new("en.md", source, crate::input::Format::Markdown);
        let doc = crate::input::Document::new("tl.md", target, crate::input::Format::Markdown)
            .with_source(std::sync::Arc::new(source));
        let fixed = crate::fix::fix_document(&RULE.checker(), &doc, crate::Applicability::Safe);
        RULE.checker()
            .check(&doc)
            .into_iter()
            .map(|d| (d.message, fixed.text.clone()))
            .collect()
    }

    #[test]
    fn article_lines_against_the_source() {
        let found = article("One line.\nAnother.\n", "Isang linya. \nIsa pa.\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "blanks at the end of the line, which the source's line does not have");
        assert_eq!(found[0].1, "Isang linya.\nIsa pa.\n");
        let found = article("# Title\n\nText here.\n", " # Pamagat\n\n Teksto rito.\n");
        assert_eq!(found[0].0, "every line starts with a space (2 lines), which the source's do not");
        assert_eq!(found[0].1, "# Pamagat\n\nTeksto rito.\n");
        let found = article("- a\n  - b\n- c\n", "- a\n- b\n- c\n");
        assert_eq!(found[0].0, "this list item is indented nothing; the source's item nests at another depth, indented `␣␣`");
        assert_eq!(found[0].1, "- a\n- b\n- c\n");
        assert!(article("- a\n  - b\n", "- isa\n    - dalawa\n").is_empty());
        assert!(article("Two  \nlines\n", "Dalawang  \nlinya\n").is_empty());
    }

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
