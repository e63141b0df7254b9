use super::{Reporter, Rule, UnitContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A glossary term whose `source` form is in the source but none of
    /// whose accepted forms (canonical, variants, also with a Tagalog prefix
    /// such as `taga-` or `i-`) is in the translation. The source form itself
    /// is accepted when it is also an accepted spelling in the glossary (an
    /// English name kept in the Filipino text).
    ///
    /// Only for translations whose source is known, and only for glossary
    /// terms that have a `source` (TOML `source`, CSV `source` column, TBX
    /// source-language terms).
    ///
    /// ## Why
    /// Machine translation paraphrases or drops names and fixed terms
    /// (`Department of Health` → `Kagawaran`), which a monolingual check
    /// cannot see.
    ///
    /// ## Bad
    /// ```text
    /// The Department of Health announced it. → Inanunsyo ito ng Kagawaran.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// The Department of Health announced it. → Inanunsyo ito ng Kagawaran ng Kalusugan.
    /// We flew to Manila. → Lumipad kami papuntang Maynila.
    /// ```
    pub struct GlossaryMissing {
        name: "glossary-missing",
        severity: Warning,
        fix: None,
        summary: "A glossary term of the source missing from the translation",
    }
}

/// Whether `needle` (lower case) is in `hay` (lower case) as whole words.
fn has_words(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = start + needle.len().max(1);
    }
    false
}

impl Rule for GlossaryMissing {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let Some(source) = ctx.translated_source() else {
            return;
        };
        let source = source.to_lowercase();
        let target = ctx.target.to_lowercase();
        let terms = ctx.glossary.terms();
        let accepted_anywhere = |form: &str| {
            terms.iter().any(|t| {
                t.canonical.eq_ignore_ascii_case(form)
                    || t.variants.iter().any(|v| v.eq_ignore_ascii_case(form))
            })
        };
        for term in terms.iter().filter(|t| !t.source.is_empty()) {
            let Some(form) = term
                .source
                .iter()
                .find(|f| !f.is_empty() && has_words(&source, &f.to_lowercase()))
            else {
                continue;
            };
            let present = std::iter::once(&term.canonical)
                .chain(&term.variants)
                .any(|a| target.contains(&a.to_lowercase()))
                || (accepted_anywhere(form) && target.contains(&form.to_lowercase()));
            if !present {
                out.report(ctx.value_span(), format!(
                            "the source has `{form}`, but the translation lacks `{}` (glossary)",
                            term.canonical
                        )).suggest(term.canonical.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::GlossaryMissing);

    #[test]
    fn missing_term_and_accepted_forms() {
        assert_eq!(
            RULE.pair_findings("The Department of Health said.", "Sinabi ng Kagawaran."),
            [(
                "Sinabi ng Kagawaran.".to_string(),
                "the source has `Department of Health`, but the translation lacks `Kagawaran ng Kalusugan` (glossary)".to_string(),
                None
            )]
        );
        for target in [
            "Sinabi ng Kagawaran ng Kalusugan.",
            "Sinabi ng Department of Health.",
            "Mga taga-Maynila at taga-Manila.",
        ] {
            let source = if target.contains("Maynila") {
                "People of Manila."
            } else {
                "The Department of Health said."
            };
            assert!(
                RULE.pair_findings(source, target).is_empty(),
                "{target}"
            );
        }
        assert!(RULE.pair_findings("Manilason is not a word.", "Wala.").is_empty());
    }
}
