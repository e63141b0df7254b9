use super::{Reporter, Rule, UnitContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A value that is empty (or only blanks) while its source is not: an
    /// empty YAML/JSON value, `msgstr ""` in a PO file, an empty `<target>`
    /// in XLIFF.
    ///
    /// Only for translations whose source is known.
    ///
    /// ## Why
    /// An empty translation shows nothing in the application, or (in PO)
    /// falls back to the English source without anyone noticing.
    ///
    /// ## Bad
    /// ```text
    /// {"save": "Save"} → {"save": ""}
    /// ```
    ///
    /// ## Good
    /// ```text
    /// {"save": "Save"} → {"save": "I-save"}
    /// ```
    pub struct EmptyTranslation {
        name: "empty-translation",
        severity: Warning,
        fix: None,
        summary: "An empty translation of a source that is not empty",
    }
}

impl Rule for EmptyTranslation {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let Some(source) = ctx.source() else {
            return;
        };
        if ctx.target.trim().is_empty() && !source.trim().is_empty() {
            out.report(ctx.value_span(), format!(
                    "`{}` has no translation",
                    ctx.unit.key.replace('\u{4}', " | ")
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::input::{Document, Format};
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::EmptyTranslation);

    #[test]
    fn empty_values_po_and_xliff() {
        assert_eq!(
            RULE.pair_findings(r#"{"a": "Save"}"#, r#"{"a": ""}"#),
            [(String::new(), "`a` has no translation".to_string(), None)]
        );
        let po = "msgid \"Open\"\nmsgstr \"\"\n\nmsgid \"Close\"\nmsgstr \"Isara\"\n";
        let found = RULE.checker().check(&Document::new("tl.po", po, Format::Po));
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].rule, found[0].span.clone()),
            ("empty-translation", 21..21)
        );
        let xlf = r#"<xliff version="1.2"><file><body><trans-unit id="t"><source>Open</source><target></target></trans-unit></body></file></xliff>"#;
        let found = RULE.checker().check(&Document::new("tl.xlf", xlf, Format::Xliff));
        assert_eq!(
            found.iter().map(|d| d.rule).collect::<Vec<_>>(),
            ["empty-translation"]
        );
    }
}
