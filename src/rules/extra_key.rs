use super::{Reporter, Rule, UnitContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A key of the translation that its source file does not have (a typo
    /// in a key, a key renamed or deleted in the source). Reported at the
    /// key.
    ///
    /// Only for YAML and JSON files paired with their source (`--source`,
    /// `[[pairs]]`).
    ///
    /// ## Why
    /// The application never reads such a key; the translation it holds is
    /// lost, and the key it was meant for is missing.
    ///
    /// ## Bad
    /// ```text
    /// {"save": "Save"} → {"save": "I-save", "sav": "I-save"}
    /// ```
    ///
    /// ## Good
    /// ```text
    /// {"save": "Save"} → {"save": "I-save"}
    /// ```
    pub struct ExtraKey {
        name: "extra-key",
        severity: Warning,
        fix: None,
        summary: "A key of the translation that the source file does not have",
    }
}

impl Rule for ExtraKey {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        if let Some(source) = &ctx.doc.source
            && ctx.is_value()
            && ctx.unit.source.is_none()
            && ctx.doc.format.is_localisation()
        {
            out.report(ctx.unit.key_range.clone(), format!(
                    "key `{}` is not in the source `{}`",
                    ctx.unit.key, source.name
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::ExtraKey);

    #[test]
    fn extra_key_at_the_key() {
        assert_eq!(
            RULE.pair_findings(
                r#"{"a": "A"}"#,
                r#"{"a": "Isa", "b": {"c": "Dagdag"}}"#),
            [(
                "c".to_string(),
                "key `b.c` is not in the source `en.json`".to_string(),
                None
            )]
        );
    }
}
