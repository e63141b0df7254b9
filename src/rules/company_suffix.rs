use super::{ByteSet, Context, Needs, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;
use crate::text::tokens::starts_upper;

declare_rule! {
    /// ## What it checks
    /// Company suffixes that lost their periods: `Co, Ltd`, `Co. Ltd`,
    /// `Co Ltd` and `Co., Ltd` for `Co., Ltd.`; and `Inc`, `Corp` or `Ltd`
    /// without a period after a company name (`Acme Inc` → `Acme Inc.`).
    ///
    /// ## Why
    /// These are abbreviations and keep their periods in Filipino as in
    /// English. Machine translation drops or moves them, most often in the
    /// names of Chinese companies (`Co, Ltd`). The final period is not
    /// doubled at the end of a sentence, and a comma after the suffix stays
    /// (`Co, Ltd.,` → `Co., Ltd.,`). The registered style `Co.,Ltd.` is left
    /// alone.
    ///
    /// ## Bad
    /// ```text
    /// Pumirma ang Shanghai Rizhi Logistics Co, Ltd sa kasunduan.
    /// Kasama ang Huaxin Co, Ltd., ang Dali Co. Ltd at ang Kaiyuan Co Ltd sa listahan.
    /// Nagbukas ng opisina ang Acme Inc sa Taguig.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Pumirma ang Shanghai Rizhi Logistics Co., Ltd. sa kasunduan.
    /// Kasama ang Huaxin Co., Ltd., ang Dali Co.,Ltd. at ang Kaiyuan Co., Ltd.
    /// Nagbukas ng opisina ang Acme Inc. sa Taguig.
    /// Ayon kay Co, hindi ito totoo.
    /// ```
    ///
    /// ## Fix
    /// Safe: the suffix is rewritten with its periods.
    pub struct CompanySuffix {
        name: "company-suffix",
        severity: Error,
        fix: Safe,
        summary: "Company suffix without its periods (`Co, Ltd` → `Co., Ltd.`)",
    }
}

/// The words every pattern starts at, in any case: `Co` (of `Co., Ltd.`),
/// `Inc`, `Corp`, `Ltd`.
const STARTS: ByteSet = ByteSet::first_bytes(&["Co", "Inc", "Corp", "Ltd"]).either_case();

impl Rule for CompanySuffix {
    fn needs(&self) -> Needs {
        Needs::first_bytes(STARTS)
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let source = ctx.source;
        let tokens = ctx.tokens;
        let seg_end = ctx.segment.range.end;
        let mut i = 0;
        while i < tokens.len() {
            if ctx.out_of_time() {
                return;
            }
            // A byte test skips the words no pattern starts at.
            if !STARTS.contains(tokens[i].first) {
                i += 1;
                continue;
            }
            let word = ctx.word(i);
            // `Co` + separator + `Ltd`.
            if word.eq_ignore_ascii_case("co")
                && i + 1 < tokens.len()
                && ctx.word(i + 1).eq_ignore_ascii_case("ltd")
            {
                let gap = ctx.gap_after(i);
                let ltd = &tokens[i + 1];
                let period_after = source[ltd.range.end..seg_end].starts_with('.');
                let well_formed = matches!(gap, "., " | ".,") && period_after;
                let broken = matches!(gap, ", " | ". " | " " | "., " | "," | ".,");
                if broken && !well_formed && starts_upper(word) {
                    // The span takes in a period already there, so the
                    // suggestion reads as the whole suffix.
                    let end = ltd.range.end + usize::from(period_after);
                    let replacement = format!("{word}., {}.", ctx.word(i + 1));
                    let span = tokens[i].range.start..end;
                    out.report(span.clone(), format!(
                                "write the company suffix as `{}`",
                                suffix_display(word, ctx.word(i + 1))
                            )).replace(replacement);
                }
                i += 2;
                continue;
            }
            // `Inc`, `Corp`, `Ltd` after a capitalised name, without a period.
            if matches!(word, "Inc" | "Corp" | "Ltd" | "INC" | "CORP" | "LTD")
                && i > 0
                && follows_company_name(ctx, i)
                && !source[tokens[i].range.end..seg_end].starts_with(['.', '\''])
            {
                let span = tokens[i].range.clone();
                out.report(span.clone(), format!("`{word}` is an abbreviation; write `{word}.`")).suggest(format!("{word}.")).fix(Edit::insert(span.end, "."));
            }
            i += 1;
        }
    }
}

fn suffix_display(co: &str, ltd: &str) -> String {
    format!("{co}., {ltd}.")
}

/// The word before token `i` is a capitalised name, separated by a space or
/// `, `.
fn follows_company_name(ctx: &Context<'_>, i: usize) -> bool {
    matches!(ctx.gap_after(i - 1), " " | ", ") && starts_upper(ctx.word(i - 1))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::CompanySuffix);

    #[test]
    fn the_prefilter_covers_the_suffixes() {
        crate::rules::testing::assert_needs_cover(
            &super::CompanySuffix,
            &["Co Ltd", "co, ltd", "Inc", "INC", "Corp", "CORP", "Ltd", "LTD"],
        );
    }


    #[test]
    fn co_ltd_variants() {
        for (bad, good) in [
            ("ang Rizhi Co, Ltd ay", "ang Rizhi Co., Ltd. ay"),
            ("ang Rizhi Co, Ltd. ay", "ang Rizhi Co., Ltd. ay"),
            ("ang Rizhi Co, Ltd., ang", "ang Rizhi Co., Ltd., ang"),
            ("ang Rizhi Co. Ltd ay", "ang Rizhi Co., Ltd. ay"),
            ("ang Rizhi Co Ltd ay", "ang Rizhi Co., Ltd. ay"),
            ("ang Rizhi Co., Ltd ay", "ang Rizhi Co., Ltd. ay"),
            ("ang Rizhi CO, LTD ay", "ang Rizhi CO., LTD. ay"),
            ("nagtatag ng Rizhi Co, Ltd", "nagtatag ng Rizhi Co., Ltd."),
        ] {
            RULE.assert_fixed(bad, good);
        }
        let d = RULE.check("ang Rizhi Co, Ltd ay");
        assert_eq!(d[0].message, "write the company suffix as `Co., Ltd.`");
        assert_eq!(d[0].suggestion.as_deref(), Some("Co., Ltd."));
        assert_eq!(
            RULE.flagged("ang Rizhi Co, Ltd ay"),
            ["Co, Ltd"]
        );
        assert_eq!(
            RULE.flagged("ang Rizhi Co, Ltd., at"),
            ["Co, Ltd."]
        );
    }

    #[test]
    fn inc_corp_ltd() {
        RULE.assert_fixed("ang Acme Inc sa Taguig", "ang Acme Inc. sa Taguig");
        RULE.assert_fixed("ang Acme, Inc ay", "ang Acme, Inc. ay");
        RULE.assert_fixed("ang Tala Holdings Ltd ay", "ang Tala Holdings Ltd. ay");
        RULE.assert_fixed("ng Meralco Corp", "ng Meralco Corp.");
    }

    #[test]
    fn well_formed_and_unrelated_text_is_silent() {
        for text in [
            "ang Rizhi Co., Ltd. ay",
            "ang Rizhi Co., Ltd.",
            "ang Rizhi Co.,Ltd. ay",
            "Ayon kay Co, hindi ito totoo.",
            "ang Acme Inc. sa Taguig",
            "ang Acme Inc.'s na produkto",
            "inc at corp",
            "ang Inc ay",
        ] {
            RULE.assert_silent(text);
        }
    }
}
