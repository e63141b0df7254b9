use super::extract::{Syntax, placeholders, urls};
use super::{Rule, RuleMeta, UnitContext, declare_rule};
use crate::diagnostic::Diagnostic;

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
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Vec<Diagnostic>) {
        if let Some(source) = ctx.translated_source() {
            let (src, tgt) = (bare_urls(source), bare_urls(&ctx.target));
            compare(ctx, &src, &tgt, "URL", Self::META.name, out);
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

/// Reports strings of `tgt` not in `src` (at their place) and strings of
/// `src` not in `tgt` (on the whole value). One each: a change.
pub(super) fn compare(
    ctx: &UnitContext<'_>,
    src: &[(std::ops::Range<usize>, &str)],
    tgt: &[(std::ops::Range<usize>, &str)],
    what: &str,
    rule: &'static str,
    out: &mut Vec<Diagnostic>,
) {
    let mut missing: Vec<&str> = src.iter().map(|s| s.1).collect();
    let mut extra = Vec::new();
    for (range, t) in tgt {
        match missing.iter().position(|s| s == t) {
            Some(i) => {
                missing.remove(i);
            }
            None => extra.push((range.clone(), *t)),
        }
    }
    if missing.len() == 1 && extra.len() == 1 {
        out.push(
            Diagnostic::new(
                rule,
                ctx.span(extra[0].0.clone()),
                format!(
                    "{what} `{}` differs from the source's `{}`",
                    extra[0].1, missing[0]
                ),
            )
            .with_suggestion(missing[0]),
        );
        return;
    }
    for (range, t) in extra {
        out.push(Diagnostic::new(
            rule,
            ctx.span(range),
            format!("{what} `{t}` is not in the source"),
        ));
    }
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
        out.push(Diagnostic::new(
            rule,
            ctx.value_span(),
            format!("the source's {what} {} missing", {
                let verb = if list.len() == 1 { "is" } else { "are" };
                format!("{} {verb}", list.join(", "))
            }),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::pair_findings;

    #[test]
    fn changed_dropped_and_added_urls() {
        assert_eq!(
            pair_findings(
                "Go to https://x.ph/help.",
                "Pumunta sa https://x.ph/tulong.",
                "url-mismatch"
            ),
            [(
                "https://x.ph/tulong".to_string(),
                "URL `https://x.ph/tulong` differs from the source's `https://x.ph/help`"
                    .to_string(),
                None
            )]
        );
        assert_eq!(
            pair_findings("Go to www.x.ph now", "Pumunta ngayon", "url-mismatch")[0].1,
            "the source's URL `www.x.ph` is missing"
        );
        assert!(
            pair_findings(
                "Go to https://x.ph/a.",
                "Pumunta sa https://x.ph/a.",
                "url-mismatch"
            )
            .is_empty()
        );
    }
}
