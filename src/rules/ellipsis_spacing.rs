use super::{Context, Needs, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;
use crate::text::{Mark, MarkKind};

declare_rule! {
    /// ## What it checks
    /// A space between a word and the ellipsis that ends its phrase:
    /// `Naghintay kami ...`, `Hindi ko alam …`.
    ///
    /// ## Why
    /// Filipino punctuation follows English here: an ellipsis that trails
    /// off hugs the last word (`Naghintay kami...`), like a full stop.
    /// Machine translation, which splits the marks off as tokens, leaves the
    /// space. Only an ellipsis that ends a phrase is judged: at the end of
    /// a line or of the text, before a closing quote or bracket, or before a
    /// new sentence. An ellipsis with spaces on both sides in the middle of
    /// a sentence (`ang ... ng aklat`) marks words left out and stays silent.
    ///
    /// Off by default: informal Filipino often spaces a trailing ellipsis,
    /// and human text draws some 0.06 findings per 1,000 words (select it
    /// with `--select ellipsis-spacing` for machine translation).
    ///
    /// ## Bad
    /// ```text
    /// Naghintay kami nang matagal ...
    /// Hindi ko alam kung bakit … Siguro bukas na lang.
    /// Sabi niya, "Babalik ako ..."
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Naghintay kami nang matagal...
    /// Hindi ko alam kung bakit… Siguro bukas na lang.
    /// Binasa niya ang unang ... ng aklat.
    /// ```
    ///
    /// ## Fix
    /// Unsafe: the space is removed. A blank to fill in (`Ang kabisera ng
    /// Pilipinas ay ...`) is written with the space, and only a person can
    /// tell it from a trailing ellipsis.
    pub struct EllipsisSpacing {
        name: "ellipsis-spacing",
        severity: Warning,
        default_enabled: false,
        fix: Unsafe,
        summary: "Space before an ellipsis that ends a phrase (`kami ...` → `kami...`; off by default)",
    }
}

impl Rule for EllipsisSpacing {
    fn needs(&self) -> Needs {
        Needs::marks(&[MarkKind::Ellipsis])
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        for mark in ctx.marks.iter().filter(|m| m.kind == MarkKind::Ellipsis) {
            if ctx.out_of_time() {
                return;
            }
            if let Some(blanks) = blanks_after_a_word(ctx, mark)
                && ends_a_phrase(ctx, mark)
            {
                let ellipsis = &ctx.source[mark.range.clone()];
                let message = format!("no space belongs before an ellipsis; write `{ellipsis}`");
                out.report(blanks.start..mark.range.end, message)
                    .suggest(ellipsis)
                    .fix(Edit::delete(blanks));
            }
        }
    }
}

/// The blanks (spaces, tabs, no-break spaces, on one line) between the
/// ellipsis and the word before it, when that is all that separates them.
fn blanks_after_a_word(ctx: &Context<'_>, mark: &Mark) -> Option<std::ops::Range<usize>> {
    let word = ctx.tokens.get((mark.word as usize).checked_sub(1)?)?;
    let gap = word.range.end..mark.range.start;
    let blank = |c: char| matches!(c, ' ' | '\t' | '\u{a0}');
    let text = &ctx.source[gap.clone()];
    (!text.is_empty() && text.chars().all(blank)).then_some(gap)
}

/// What follows the ellipsis ends its phrase: nothing (the end of the
/// text), a line break, a closing quote or bracket, or a new sentence.
fn ends_a_phrase(ctx: &Context<'_>, mark: &Mark) -> bool {
    let after = &ctx.source[mark.range.end..ctx.segment.range.end];
    let rest = after.trim_start_matches([' ', '\t', '\u{a0}']);
    let spaced = rest.len() < after.len();
    match rest.chars().next() {
        None | Some('\n' | '\r') => true,
        Some('"' | '\u{201d}' | '\u{2019}' | ')' | ']') => !spaced,
        Some(c) => spaced && c.is_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use crate::Applicability;
    use crate::rules::testing::{Lint, assert_lint, assert_needs_cover};

    const RULE: Lint = Lint(&super::EllipsisSpacing);

    #[test]
    fn a_trailing_ellipsis_hugs_its_word() {
        for (bad, good) in [
            ("Nag-isip siya ...", "Nag-isip siya..."),
            ("Nag-isip siya …", "Nag-isip siya…"),
            ("Nag-isip siya \u{a0}...\nAt umalis.", "Nag-isip siya...\nAt umalis."),
            ("\"Ewan ko ...\" sagot niya.", "\"Ewan ko...\" sagot niya."),
            ("(at iba pa ...)", "(at iba pa...)"),
            ("Baka bukas … Baka hindi.", "Baka bukas… Baka hindi."),
            ("Sandali lang ....", "Sandali lang...."),
        ] {
            RULE.assert_fixed_with(bad, good, Applicability::Unsafe);
            RULE.assert_fixed(bad, bad);
        }
    }

    #[test]
    fn the_finding_names_the_ellipsis() {
        let found = RULE.check("Umuwi na kami ...");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "no space belongs before an ellipsis; write `...`");
        assert_eq!(found[0].suggestion.as_deref(), Some("..."));
        assert_eq!(RULE.flagged("Umuwi na kami …"), [" …"]);
    }

    #[test]
    fn omissions_and_hugging_ellipses_are_silent() {
        for text in [
            "Umuwi na kami...",
            "Umuwi na kami… Bukas ulit.",
            "Binasa ang unang ... ng aklat.",
            "Ang ... ay nawala.",
            "... at saka umalis.",
            "Pumili: ( ... )",
            "Umuwi na kami ... at kumain.",
            "Ito ay 5 .. 10 na metro.",
            "Saan?\n... Ewan.",
        ] {
            assert_lint(&super::EllipsisSpacing, text, 0);
        }
    }

    #[test]
    fn the_prefilter_lets_every_ellipsis_through() {
        assert_needs_cover(&super::EllipsisSpacing, &["kami ...", "kami …", "kami ....."]);
    }
}
