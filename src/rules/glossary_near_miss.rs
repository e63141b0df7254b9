use strsim::damerau_levenshtein;

use super::helpers::glossary_note as note;
use super::name_context::{
    after_personal_article, in_code, in_longer_name, is_ordinary_word, rewritten,
};
use super::{Context, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;
use crate::glossary::scan::word_in_name_allowed;
use crate::glossary::{Kind, Near, NearKind};
use crate::text::tokens::fold;

declare_rule! {
    /// ## What it checks
    /// A probable misspelling of a glossary name: `Innovant` for `Innovent`,
    /// `Takeda Pharmaceuticals` for `Takeda Pharmaceutical`.
    ///
    /// ## Why
    /// Machine translation "corrects" unknown names towards words it knows,
    /// drops or swaps a letter, or glues a name to the word before it.
    ///
    /// - **One-word names.** A word of five to eight letters may differ from
    ///   the name by one edit (Damerau-Levenshtein), a longer one by two; a
    ///   word with digits of four characters or more by one when its digits
    ///   are the name's (`GES17` for `GOES17`); shorter words are never
    ///   matched. The first letter must agree. A Tagalog linker
    ///   (`Maynilang`) or a plural or possessive (`Innovent's`) is not a
    ///   misspelling.
    /// - **Multi-word names.** Any one word may be the misspelt one
    ///   (`Deparmtent of Health`, `Yunan Baiyao`, `Takeda Pharmaceuticals`)
    ///   when the other words and the separators are the name's: one edit
    ///   from four letters, two from nine. The misspelt word must be no
    ///   ordinary word, or only the name's word with an English plural ending
    ///   added or dropped (`GitHub Sponsor`).
    /// - **Names run together** (`CarlZeiss`) or **glued to the word before**
    ///   (`isanginnovent` for `isang Innovent`).
    ///
    /// Not flagged, since there the word is no evidence of the name: an
    /// ordinary word of Filipino or English (`Senador` is no misspelt
    /// `Senado`); a word of a longer run of capitalised words, which is
    /// another name (`Gilbert Bulawan`, `South America`, `Celso de los
    /// Angeles`; a legal suffix such as `Inc.` does not count); a
    /// capitalised one-word candidate at the start of a sentence or line, in
    /// a line written in capitals, or written in lower case elsewhere in the
    /// document (`Maling`, `Bagong` sit one letter from some name in any
    /// large glossary); a lower-case word in code or markup.
    ///
    /// ## Bad
    /// ```text
    /// Nagbukas ng planta ang Innovant sa Suzhou.
    /// Ayon sa Takeda Pharmaceuticals, ligtas ang gamot.
    /// Ayon sa Deparmtent of Health, ligtas ang gamot.
    /// Gumawa ng bakuna ang innovant.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Nagbukas ng planta ang Innovent sa Suzhou.
    /// Ayon sa Takeda Pharmaceutical, ligtas ang gamot.
    /// Maraming Maynilang bahay ang binaha.
    /// Dumating si Gilbert Bulawan kahapon.
    /// ```
    ///
    /// ## Fix
    /// Unsafe: the suggestion is a guess, applied only with `--unsafe-fixes`.
    /// The name as the glossary writes it replaces the flagged words; in a
    /// multi-word name only the misspelt word is replaced, so the spacing
    /// and line breaks inside the name stay.
    pub struct GlossaryNearMiss {
        name: "glossary-near-miss",
        severity: Warning,
        fix: Unsafe,
        summary: "Probable misspelling of a glossary name (`Innovant` → `Innovent`)",
    }
}

impl Rule for GlossaryNearMiss {
    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        for near in &ctx.names().near {
            if ctx.out_of_time() {
                return;
            }
            match near.kind {
                NearKind::Joined => report_joined(ctx, near, out),
                NearKind::Glued { prefix, .. } => {
                    if is_glued_name(ctx, near) {
                        report_glued(ctx, near, prefix, out);
                    }
                }
                NearKind::Misspelt { token, .. } if near.tokens.len() > 1 => {
                    if is_misspelt_word_of_name(ctx, near, token) {
                        report_word_of_name(ctx, near, token, out);
                    }
                }
                NearKind::Misspelt { .. } => {
                    if is_misspelt_name(ctx, near) {
                        report_whole(ctx, near, "looks like a misspelling of", out);
                    }
                }
            }
        }
    }
}

/// The word of the glossary's view of the segment at token `i`.
fn word<'c>(ctx: &Context<'c>, i: usize) -> &'c str {
    &ctx.source[ctx.names().tokens[i].range.clone()]
}

/// A one-word near miss is a misspelt name unless its context says it is
/// a word or another name: a capital at the start of a sentence or in a
/// line of capitals is no evidence of a name; an ordinary word (`Senador`),
/// a word written in lower case elsewhere in the document, a word of a
/// longer run of capitalised words (`Gilbert Bulawan`), or a person's name
/// after `si`, `ni`, `kay` (unless the glossary's name is a person's) is
/// not the name; a lower-case word must be no word of either language and
/// not code.
fn is_misspelt_name(ctx: &Context<'_>, near: &Near) -> bool {
    let tokens = &ctx.names().tokens;
    let t = &tokens[near.tokens.start];
    let text = word(ctx, near.tokens.start);
    let term = ctx.glossary.term(ctx.glossary.form(near.form).term);
    if is_ordinary_word(ctx, text)
        || (term.kind != Kind::Person && after_personal_article(ctx, tokens, near.tokens.start))
    {
        return false;
    }
    if !t.case.starts_upper() {
        return !in_code(ctx, &near.range);
    }
    if text.contains(['\'', '\u{2019}']) || ctx.starts_sentence(t.range.start) {
        return false;
    }
    // These scans run only for the rare words that resemble a name.
    !(ctx.line_is_upper_case(t.range.start)
        || ctx.document_has_word(&fold(text))
        || in_longer_name(ctx, &ctx.names().tokens, &near.tokens))
}

/// A multi-word name with one word misspelt (`Deparmtent of Health`,
/// `Takeda Pharmaceuticals`) is reported when the word is within the
/// distance a word of a name allows, the window is written as a name
/// (with a capital, when the name has one), and the word is no ordinary
/// word, or only the name's word with an English plural ending added or
/// dropped (`GitHub Sponsor`).
fn is_misspelt_word_of_name(ctx: &Context<'_>, near: &Near, token: usize) -> bool {
    let form = ctx.glossary.form(near.form);
    let target = ctx.glossary.word_text(form.ids[token - near.tokens.start]);
    let written = fold(word(ctx, token));
    let distance = damerau_levenshtein(&written, target);
    if distance > word_in_name_allowed(&written, target) {
        return false;
    }
    let tokens = &ctx.names().tokens;
    let has_capital = |w: &str| w.chars().any(char::is_uppercase);
    if has_capital(form.text) && !near.tokens.clone().any(|k| tokens[k].case.starts_upper()) {
        return false;
    }
    !is_ordinary_word(ctx, &written) || differs_by_plural(&written, target)
}

/// `a` and `b` differ by an English plural ending only.
fn differs_by_plural(a: &str, b: &str) -> bool {
    let plural_of = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| matches!(rest, "s" | "es"))
    };
    plural_of(a, b) || plural_of(b, a)
}

/// A name glued to a Filipino word is reported when the whole is no word
/// and not code.
fn is_glued_name(ctx: &Context<'_>, near: &Near) -> bool {
    !is_ordinary_word(ctx, word(ctx, near.tokens.start)) && !in_code(ctx, &near.range)
}

/// `words` joined by the text's own separators.
fn canonical_of(ctx: &Context<'_>, near: &Near) -> String {
    let form = ctx.glossary.form(near.form);
    ctx.glossary.term(form.term).canonical.clone()
}

fn report_whole(ctx: &Context<'_>, near: &Near, what: &str, out: &mut Reporter<'_>) {
    let text = &ctx.source[near.range.clone()];
    let term = ctx.glossary.term(ctx.glossary.form(near.form).term);
    let canonical = canonical_of(ctx, near);
    let message = format!("`{text}` {what} `{canonical}` (glossary){}", note(term));
    out.report(near.range.clone(), message).replace(canonical);
}

fn report_joined(ctx: &Context<'_>, near: &Near, out: &mut Reporter<'_>) {
    report_whole(ctx, near, "lacks the spaces of", out);
}

/// The misspelt word alone is replaced by the form's word, so the rest of
/// the name and its separators (a line break in a wrapped paragraph) stay.
fn report_word_of_name(ctx: &Context<'_>, near: &Near, token: usize, out: &mut Reporter<'_>) {
    let form = ctx.glossary.form(near.form);
    let term = ctx.glossary.term(form.term);
    let tokens = &ctx.names().tokens;
    let misspelt = token - near.tokens.start;
    let cased = form.cased();
    let replacement = &cased[misspelt];
    let suggestion = rewritten(ctx, tokens, near.tokens.clone(), |k| {
        (k == misspelt).then_some(replacement.as_str())
    });
    let text = &ctx.source[near.range.clone()];
    let message = format!(
        "`{text}` looks like a misspelling of `{}` (glossary){}",
        form.text,
        note(term)
    );
    out.report(near.range.clone(), message)
        .suggest(suggestion)
        .fix(Edit::replace(tokens[token].range.clone(), replacement.clone()));
}

/// `isangfrowave`: the Filipino word, a space, the name.
fn report_glued(ctx: &Context<'_>, near: &Near, prefix: usize, out: &mut Reporter<'_>) {
    let text = &ctx.source[near.range.clone()];
    let term = ctx.glossary.term(ctx.glossary.form(near.form).term);
    let before = &text[..prefix];
    let canonical = &term.canonical;
    let message = format!(
        "`{text}` looks like `{before}` glued to `{canonical}` (glossary){}",
        note(term)
    );
    out.report(near.range.clone(), message)
        .replace(format!("{before} {canonical}"));
}

#[cfg(test)]
mod tests {
    use crate::Applicability;
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::GlossaryNearMiss);

    #[test]
    fn single_word_misspelling() {
        assert_eq!(
            RULE.flagged("ang Innovant ay"),
            ["Innovant"]
        );
        let d = RULE.check("ang Innovant ay");
        assert_eq!(
            d[0].message,
            "`Innovant` looks like a misspelling of `Innovent` (glossary): Chinese biopharmaceutical company; often misspelt \"Innovant\"."
        );
        assert_eq!(d[0].suggestion.as_deref(), Some("Innovent"));
        // Unsafe: not applied by a plain --fix.
        RULE.assert_fixed("ang Innovant ay", "ang Innovant ay");
        RULE.assert_fixed_with("ang Innovant ay", "ang Innovent ay", Applicability::Unsafe);
    }

    #[test]
    fn multi_word_misspelling() {
        assert_eq!(
            RULE.flagged("ayon sa Takeda Pharmaceuticals, ligtas"),
            ["Takeda Pharmaceuticals"]
        );
        RULE.assert_fixed_with(
            "ayon sa Takeda Pharmaceuticals, ligtas",
            "ayon sa Takeda Pharmaceutical, ligtas",
            Applicability::Unsafe,
        );
    }

    #[test]
    fn names_run_together_and_prefixed_names() {
        assert_eq!(
            RULE.flagged("ang CarlZeiss na lente"),
            ["CarlZeiss"]
        );
        RULE.assert_fixed_with(
            "ang CarlZeiss na lente",
            "ang Carl Zeiss na lente",
            Applicability::Unsafe,
        );
        // Only the name part of `taga-` + name is judged and replaced.
        RULE.assert_fixed_with(
            "mga tagaMaynilla",
            "mga tagaMaynila",
            Applicability::Unsafe,
        );
        RULE.assert_fixed_with(
            "mga taga-Maynilla",
            "mga taga-Maynila",
            Applicability::Unsafe,
        );
    }

    #[test]
    fn lower_case_inside_a_longer_word_is_no_evidence() {
        // `innovants` and `xinnovant` are other words: `Innovant` is still
        // a probable misspelling.
        for text in [
            "ayon sa Innovant at innovants rito",
            "ayon sa Innovant at xinnovant rito",
        ] {
            assert_eq!(
                RULE.flagged(text),
                ["Innovant"],
                "{text}"
            );
        }
    }

    #[test]
    fn ordinary_words_affixes_and_exact_names_are_silent() {
        for text in [
            "ang Innovent ay",
            "Maraming Maynilang bahay",
            "ang Innovent's na gamot",
            "Ang Takeda ay",
            "Bahay Kubo",
            "Nagmamadali ang lahat",
            "Innovant ang pangalan sa ulat.",
            "Sinabi niya: Innovant.",
            "BALITA TUNGKOL SA INNOVANT",
        ] {
            RULE.assert_silent(text);
        }
        // Written in lower case elsewhere, as a whole word: a word,
        // whatever it resembles; a lower-case one is judged on its own.
        assert_eq!(
            RULE.flagged("ayon sa Innovant.\n\nlet innovant = 1;\n"),
            ["innovant"]
        );
    }

    /// Invented names, after the embedded glossary.
    const NAMES: &str = "Quorvane Baitang\nDepartment of Fisheries\nSolmira Holdings\n\
        Tessaro Builders\nTessaro Ladders\nVelantrix\nPamahalen\nBrightwave\nORB27\n";

    #[test]
    fn any_word_of_a_multi_word_name_may_be_misspelt() {
        let rule = RULE.with_glossary(NAMES);
        assert_eq!(
            rule.flagged(
                "Ayon sa Quorane Baitang, ang Deparmtent of Fisheries at ang Solmira Holdngs ay \
                 pumirma, at ang Tessaro Builder din."
            ),
            [
                "Quorane Baitang",
                "Deparmtent of Fisheries",
                "Solmira Holdngs",
                "Tessaro Builder"
            ]
        );
        // At the start of a sentence too: the rest of the name is evidence.
        assert_eq!(
            rule.flagged("Quorane Baitang ang nanalo."),
            ["Quorane Baitang"]
        );
        let found = rule.check("ang Deparmtent of Fisheries");
        assert_eq!(
            found[0].message,
            "`Deparmtent of Fisheries` looks like a misspelling of `Department of Fisheries` (glossary)"
        );
        // Only the misspelt word is replaced: the line break stays.
        rule.assert_fixed_with(
            "ang Quorane\nBaitang ay",
            "ang Quorvane\nBaitang ay",
            Applicability::Unsafe,
        );
        // An ordinary word that is no plural of the name's word, two words
        // misspelt, a name in lower case: no.
        for text in [
            "ang Tessaro Leaders ay",
            "ang Quorane Baitnag ay",
            "ang quorane baitang ay",
        ] {
            rule.assert_silent(text);
        }
    }

    #[test]
    fn ordinary_words_and_other_names_are_no_misspellings() {
        let rule = RULE.with_glossary(NAMES);
        assert_eq!(rule.flagged("ayon sa Pamhalen ngayon"), ["Pamhalen"]);
        assert_eq!(rule.flagged("ayon sa Velantrex Inc. ngayon"), ["Velantrex"]);
        for text in [
            // An ordinary word (`pamahalaan`, government) one letter away.
            "ayon sa Pamahalaan ngayon",
            // Part of a longer name.
            "ayon kay Marco Velantrex ngayon",
            "ayon kay Velantrex Dizon ngayon",
            "ayon kay Ana de Velantrex ngayon",
            // A person's name after `kay`, `si`, `ni`.
            "ayon kay Velantrex ngayon",
        ] {
            rule.assert_silent(text);
        }
    }

    #[test]
    fn lower_case_non_words_near_a_name() {
        let rule = RULE.with_glossary(NAMES);
        assert_eq!(
            rule.flagged("gumamit ng innovant at velantrex"),
            ["innovant", "velantrex"]
        );
        rule.assert_silent("brew install velantrex/core");
        assert_eq!(rule.flagged("ayon sa OB27 na satellite"), ["OB27"]);
    }

    #[test]
    fn a_name_glued_to_a_word() {
        let rule = RULE.with_glossary(NAMES);
        let found = rule.check("hindi mananagot ang isangrightwave sa pinsala");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "`isangrightwave` looks like `isang` glued to `Brightwave` (glossary)"
        );
        assert_eq!(found[0].suggestion.as_deref(), Some("isang Brightwave"));
    }
}
