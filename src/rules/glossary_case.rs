use super::helpers::glossary_note;
use super::{Context, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;
use crate::glossary::{CaseMode, Glossary, Match, Role};

declare_rule! {
    /// ## What it checks
    /// A glossary name written with the right letters but the wrong
    /// capitalisation: `Glaxosmithkline` for `GlaxoSmithKline`, `Youtube` for
    /// `YouTube`, `shanghai pharmaceutical holding`.
    ///
    /// ## Why
    /// Machine translation re-cases names it does not know, and an editor's
    /// eye slides over it. The glossary (`--glossary`, plus the embedded one)
    /// says how each name is written; variants listed there are accepted too.
    /// Matching ignores case, Unicode normalisation (NFC/NFD), curly versus
    /// straight apostrophes, and line breaks or doubled spaces inside a name.
    ///
    /// Not flagged: a name inside a line written all in capitals (a heading or
    /// a shouted label), and a one-word name with only an initial capital
    /// written all in lower case (it may be an ordinary word).
    ///
    /// ## Bad
    /// ```text
    /// Nakipagpulong ang Glaxosmithkline sa mga doktor.
    /// Napanood ito sa Youtube kagabi.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Nakipagpulong ang GlaxoSmithKline sa mga doktor.
    /// Napanood ito sa YouTube kagabi.
    /// BALITA MULA SA GLAXOSMITHKLINE
    /// ```
    ///
    /// ## Fix
    /// Safe: the name is rewritten as the glossary spells it; the spacing
    /// inside it is kept.
    pub struct GlossaryCase {
        name: "glossary-case",
        severity: Error,
        fix: Safe,
        summary: "Glossary name with the wrong capitalisation (`Glaxosmithkline` → `GlaxoSmithKline`)",
    }
}

impl Rule for GlossaryCase {
    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        for m in &ctx.names().matches {
            if ctx.out_of_time() {
                return;
            }
            if is_miscased(ctx, m) {
                report(ctx, m, out);
            }
        }
    }
}

/// Whether the glossary name matched by `m` is written with a case none of
/// its forms has, and surely by mistake.
fn is_miscased(ctx: &Context<'_>, m: &Match) -> bool {
    let glossary: &Glossary = ctx.glossary;
    let form = glossary.form(m.form);
    let term = glossary.term(form.term);
    if form.role == Role::Forbidden || term.case == CaseMode::Insensitive {
        return false;
    }
    // Written exactly as some form of the term: fine.
    let words = written_words(ctx, m);
    let exact = term.forms().any(|f| {
        let (cased, _) = crate::glossary::split_form(f);
        cased == words
    });
    if exact {
        return false;
    }
    let text = &ctx.source[m.range.clone()];
    if !text.chars().any(char::is_lowercase) && ctx.line_is_upper_case(m.range.start) {
        return false;
    }
    // A lower-case word may be an ordinary word (`merck`, `pagasa`); only a
    // name with inner capitals (`glaxosmithkline`) is surely misspelt.
    !(form.words.len() == 1
        && text.chars().all(|c| !c.is_uppercase())
        && !has_inner_capital(&form.cased[0]))
}

/// The words of `m` as written (NFC, straight apostrophes).
fn written_words(ctx: &Context<'_>, m: &Match) -> Vec<String> {
    let tokens = &ctx.names().tokens;
    m.tokens
        .clone()
        .map(|t| crate::glossary::normalize_word(&ctx.source[tokens[t].range.clone()]))
        .collect()
}

/// Reports `m`, whose fix replaces only the words whose case differs and
/// keeps the separators.
fn report(ctx: &Context<'_>, m: &Match, out: &mut Reporter<'_>) {
    let form = ctx.glossary.form(m.form);
    let term = ctx.glossary.term(form.term);
    let tokens = &ctx.names().tokens;
    let words = written_words(ctx, m);
    let mut edits = Vec::new();
    let mut suggestion = String::new();
    for (k, t) in m.tokens.clone().enumerate() {
        let range = tokens[t].range.clone();
        if k > 0 {
            suggestion.push_str(&ctx.source[tokens[t - 1].range.end..range.start]);
        }
        suggestion.push_str(&form.cased[k]);
        if words[k] != form.cased[k] {
            edits.push(Edit::replace(range, form.cased[k].clone()));
        }
    }
    let text = &ctx.source[m.range.clone()];
    let message = format!(
        "`{text}` is written `{}` (glossary){}",
        form.text,
        glossary_note(term)
    );
    out.report(m.range.clone(), message)
        .suggest(suggestion)
        .fix_edits(edits);
}

/// A capital after a lower-case letter (`GlaxoSmithKline`, `iPhone`), as
/// opposed to `Merck` or `PAGASA`.
fn has_inner_capital(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::GlossaryCase);

    #[test]
    fn wrong_case_is_fixed_to_the_glossary_form() {
        RULE.assert_fixed(
            "ang Glaxosmithkline at glaxoSmithKline",
            "ang GlaxoSmithKline at GlaxoSmithKline",
        );
        let d = RULE.check("ang Glaxosmithkline ay");
        assert_eq!(
            d[0].message,
            "`Glaxosmithkline` is written `GlaxoSmithKline` (glossary): One word with three capitals; machine translation writes \"Glaxosmithkline\"."
        );
        assert_eq!(d[0].suggestion.as_deref(), Some("GlaxoSmithKline"));
        assert_eq!(
            RULE.flagged("sa Youtube"),
            ["Youtube"]
        );
    }

    #[test]
    fn prefix_glued_to_a_name_keeps_the_prefix() {
        // Only the name part is fixed (affix-hyphen adds the hyphen).
        RULE.assert_fixed("ang mga tagaYoutube", "ang mga tagaYouTube");
        RULE.assert_fixed("ang taga-youtube", "ang taga-YouTube");
    }

    #[test]
    fn multi_word_names_keep_their_spacing() {
        RULE.assert_fixed(
            "ang shanghai\npharmaceutical Holding ay",
            "ang Shanghai\nPharmaceutical Holding ay",
        );
    }

    #[test]
    fn correct_capitals_lowercase_common_words_and_shouting_are_silent() {
        for text in [
            "ang GlaxoSmithKline at Innovent",
            "BALITA MULA SA GLAXOSMITHKLINE",
            "kumain ng merck",
            "ayon sa pagasa",
            "ang GSK ay",
        ] {
            RULE.assert_silent(text);
        }
    }
}
