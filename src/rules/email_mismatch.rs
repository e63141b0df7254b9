use super::extract::emails;
use super::helpers::compare_strings;
use super::{Reporter, Rule, UnitContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every e-mail address of the source appears unchanged in the
    /// translation, and the translation adds none.
    ///
    /// Only for translations whose source is known.
    ///
    /// ## Why
    /// Machine translation translates the words of an address
    /// (`support@` → `suporta@`) or drops it.
    ///
    /// ## Bad
    /// ```text
    /// Write to support@example.com. → Sumulat sa suporta@example.com.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Write to support@example.com. → Sumulat sa support@example.com.
    /// ```
    pub struct EmailMismatch {
        name: "email-mismatch",
        severity: Warning,
        fix: None,
        summary: "An e-mail address of the source changed, dropped or added in the translation",
    }
}

impl Rule for EmailMismatch {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        if let Some(source) = ctx.translated_source() {
            compare_strings(ctx, &emails(source), &emails(&ctx.target), "e-mail address", out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::EmailMismatch);

    #[test]
    fn changed_and_dropped_addresses() {
        assert_eq!(
            RULE.pair_findings(
                "Write to help@x.ph.",
                "Sumulat sa tulong@x.ph."),
            [(
                "tulong@x.ph".to_string(),
                "e-mail address `tulong@x.ph` differs from the source's `help@x.ph`".to_string(),
                None
            )]
        );
        assert_eq!(
            RULE.pair_findings("Write to help@x.ph", "Sumulat sa amin")[0].1,
            "the source's e-mail address `help@x.ph` is missing"
        );
    }
}
