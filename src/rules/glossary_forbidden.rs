use super::helpers::glossary_note as note;
use super::{Context, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;
use crate::glossary::Role;

declare_rule! {
    /// ## What it checks
    /// A spelling the glossary lists as wrong for a name (its `forbidden`
    /// forms, or terms marked deprecated in a TBX file): a misspelling seen
    /// before, or a translated name that must stay as it is
    /// (`Bayan ng Huacao` for `Huacao Town`).
    ///
    /// ## Why
    /// Known wrong forms come back again and again from machine translation;
    /// a glossary that lists them catches them with certainty. The match
    /// ignores case, Unicode normalisation and spacing inside the name, like
    /// every glossary match.
    ///
    /// ## Bad
    /// ```text
    /// Ayon sa ulat ng Glaxo Smith Kline, ligtas ang bakuna.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Ayon sa ulat ng GlaxoSmithKline, ligtas ang bakuna.
    /// ```
    ///
    /// ## Fix
    /// Safe: the form is replaced by the canonical one.
    pub struct GlossaryForbidden {
        name: "glossary-forbidden",
        severity: Error,
        fix: Safe,
        summary: "A form the glossary lists as wrong (`Bayan ng Huacao` → `Huacao Town`)",
    }
}

impl Rule for GlossaryForbidden {
    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        for m in &ctx.names().matches {
            let form = ctx.glossary.form(m.form);
            if form.role != Role::Forbidden {
                continue;
            }
            let term = ctx.glossary.term(form.term);
            let text = &ctx.source[m.range.clone()];
            out.report(m.range.clone(), format!(
                        "`{text}` is a wrong form of `{}` (glossary){}",
                        term.canonical,
                        note(term)
                    )).suggest(term.canonical.clone()).fix(Edit::replace(
                    m.range.clone(),
                    term.canonical.clone(),
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;
    use crate::checker::Checker;
    use crate::glossary::{Glossary, toml};
    use crate::input::{Document, Format};

    const RULE: Lint = Lint(&super::GlossaryForbidden);

    fn checker() -> Checker {
        let terms = toml::parse(
            "[[term]]\ncanonical = \"Huacao Town\"\nvariants = [\"Huacao\"]\nforbidden = [\"Bayan ng Huacao\"]\nnote = \"the name stays untranslated\"\n",
            "g.toml",
        )
        .unwrap();
        Checker::with_rules(Glossary::new(terms), vec![RULE.0])
    }

    #[test]
    fn forbidden_forms_are_replaced_by_the_canonical() {
        let doc = Document::new("t.txt", "Sa bayan ng\nHuacao, ginanap ito.", Format::Plain);
        let found = checker().check(&doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "glossary-forbidden");
        assert_eq!(
            found[0].message,
            "`bayan ng\nHuacao` is a wrong form of `Huacao Town` (glossary): the name stays untranslated"
        );
        let fixed = crate::fix::fix_document(&checker(), &doc, crate::Applicability::Safe);
        assert_eq!(fixed.text, "Sa Huacao Town, ginanap ito.");
    }

    #[test]
    fn accepted_forms_are_silent() {
        let doc = Document::new(
            "t.txt",
            "Sa Huacao Town at sa Huacao, at ang bayan ng Minhang.",
            Format::Plain,
        );
        assert!(checker().check(&doc).is_empty());
    }
}
