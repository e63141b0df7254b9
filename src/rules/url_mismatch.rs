use super::extract::{Syntax, placeholders, urls};
use super::helpers::compare_strings;
use super::{Reporter, Rule, UnitContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every URL of the source (`https://...`, `www....`) appears unchanged
    /// in the translation, and the translation adds none.
    ///
    /// Only for translations whose source is known.
    ///
    /// ## Why
    /// Machine translation translates words inside URLs, changes their case
    /// or drops them. A localised URL (`/en/` → `/tl/`) may be deliberate, so
    /// the rule reports and does not fix.
    ///
    /// ## Bad
    /// ```text
    /// See https://example.com/help for details. → Tingnan ang https://example.com/tulong para sa detalye.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// See https://example.com/help for details. → Tingnan ang https://example.com/help para sa detalye.
    /// ```
    pub struct UrlMismatch {
        name: "url-mismatch",
        severity: Warning,
        fix: None,
        summary: "A URL of the source changed, dropped or added in the translation",
    }
}

impl Rule for UrlMismatch {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        if let Some(source) = ctx.translated_source() {
            let (src, tgt) = (bare_urls(source), bare_urls(&ctx.target));
            compare_strings(ctx, &src, &tgt, "URL", out);
        }
    }
}

/// URLs not inside a Markdown link target (`](...)`): those are compared by
/// `placeholder-mismatch`.
fn bare_urls(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let targets: Vec<_> = placeholders(text)
        .into_iter()
        .filter(|p| p.syntax == Syntax::LinkTarget)
        .map(|p| p.range)
        .collect();
    urls(text)
        .into_iter()
        .filter(|(r, _)| !targets.iter().any(|t| t.start < r.end && r.start < t.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::UrlMismatch);

    #[test]
    fn changed_dropped_and_added_urls() {
        assert_eq!(
            RULE.pair_findings(
                "Go to https://x.ph/help.",
                "Pumunta sa https://x.ph/tulong."),
            [(
                "https://x.ph/tulong".to_string(),
                "URL `https://x.ph/tulong` differs from the source's `https://x.ph/help`"
                    .to_string(),
                None
            )]
        );
        assert_eq!(
            RULE.pair_findings("Go to www.x.ph now", "Pumunta ngayon")[0].1,
            "the source's URL `www.x.ph` is missing"
        );
        assert!(
            RULE.pair_findings(
                "Go to https://x.ph/a.",
                "Pumunta sa https://x.ph/a.")
            .is_empty()
        );
    }
}
