use super::helpers::glossary_note;
use super::name_context::{in_code, in_dateline, is_ordinary_word, rewritten};
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
    /// When two glossaries hold the same name, the one given later wins
    /// (`--glossary` over the configured ones, any of them over the embedded
    /// one): its spelling is the one asked for.
    ///
    /// A one-word name with only an initial capital, written all in lower
    /// case (or in capitals among other words in capitals, a headline run
    /// into the text), is flagged only when the word is no word of Filipino
    /// or English (`innovent`); an ordinary word (`merck`, `pagasa`) may be
    /// meant.
    ///
    /// A name the glossary writes with a trademark sign (`Solarvane™`) and
    /// the text follows with the sign spelt out (`Solarvane TM`,
    /// `Solarvane (TM)`) is flagged too.
    ///
    /// Not flagged: an acronym of the glossary written with a capital after
    /// a small letter (`DoH` is DNS over HTTPS, not `DOH`: machine
    /// translation re-cases to `Doh` or `doh`, never so); a name inside a
    /// line written all in capitals (a heading or a shouted label) or in a news dateline (`MAYNILA —`,
    /// `DAVAO CITY (PNA) —`); ordinary words in lower case before the rest of
    /// a name written as the glossary has it (`lungsod Quezon`, the city of
    /// Quezon; `de los Angeles` in a surname); a name in code or markup (a
    /// path, a file name, a tag's attribute).
    ///
    /// ## Bad
    /// ```text
    /// Nakipagpulong ang Glaxosmithkline sa mga doktor.
    /// Napanood ito sa Youtube kagabi.
    /// Gumamit ng gamot ng innovent ang ospital.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Nakipagpulong ang GlaxoSmithKline sa mga doktor.
    /// Napanood ito sa YouTube kagabi.
    /// BALITA MULA SA GLAXOSMITHKLINE
    /// MAYNILA — Nagbukas muli ang mga paaralan.
    /// Bumisita sila sa lungsod Quezon kahapon.
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
            } else if let Some((range, marked)) = mark_spelt_out(ctx, m) {
                let text = &ctx.source[range.clone()];
                let message =
                    format!("`{text}` is written `{marked}` (glossary): the trademark sign spelt out");
                out.report(range, message).replace(marked);
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
    let words = written_words(ctx, m);
    if written_as_a_form(glossary, m.form, &words) {
        return false;
    }
    let text = &ctx.source[m.range.clone()];
    let has_lower = text.chars().any(char::is_lowercase);
    if !has_lower && (ctx.line_is_upper_case(m.range.start) || in_dateline(ctx, &m.range)) {
        return false;
    }
    if !has_upper(text) && in_code(ctx, &m.range) {
        return false;
    }
    let cased = form.cased();
    if form.len() == 1 && is_acronym(&cased[0]) && has_inner_capital(text) {
        // Machine translation re-cases an acronym to `Doh` or `doh`; `DoH`
        // (DNS over HTTPS) is another acronym, written so on purpose.
        return false;
    }
    if form.len() == 1 && !has_inner_capital(&cased[0]) {
        // A word in lower case, or in capitals among words in capitals (a
        // headline run into the text), may be an ordinary word (`merck`,
        // `pagasa`, `GULO`); one that is no word of either language is the
        // name (`innovent`).
        let shouted = !has_lower && next_to_capitals(ctx, m);
        if !has_upper(text) || shouted {
            return !is_ordinary_word(ctx, text);
        }
    }
    !ordinary_words_before_the_name(ctx, &cased, &words)
}

/// The signs a glossary form may end with, and how machine translation
/// spells them out after the name.
const MARKS: &[(char, &str)] = &[('™', "TM"), ('®', "R")];

/// A name written as a form of the glossary and followed by its trademark
/// sign spelt out (`Solarvane TM`, `Solarvane (TM)`) when the glossary writes
/// the name with the sign (`Solarvane™`): the range of both and the form with the
/// sign.
fn mark_spelt_out(ctx: &Context<'_>, m: &Match) -> Option<(std::ops::Range<usize>, String)> {
    let glossary: &Glossary = ctx.glossary;
    let form = glossary.form(m.form);
    if !form.is_accepted() {
        return None;
    }
    let rest = &ctx.source[m.range.end..];
    let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let after = &rest[blanks..];
    let term = glossary.term(form.term);
    MARKS.iter().find_map(|&(sign, letters)| {
        let plain = after.strip_prefix(letters).map(|r| (letters.len(), r));
        let bracketed = after
            .strip_prefix('(')
            .and_then(|r| r.strip_prefix(letters))
            .and_then(|r| r.strip_prefix(')'))
            .map(|r| (letters.len() + 2, r));
        let (len, tail) = bracketed.or(plain)?;
        if tail.chars().next().is_some_and(char::is_alphanumeric) || (blanks == 0 && len == letters.len()) {
            return None; // `SolarvaneTM`, `Solarvane TMS`: no sign
        }
        let marked = format!("{}{sign}", form.text);
        term.forms()
            .any(|f| f == marked)
            .then(|| (m.range.start..m.range.end + blanks + len, marked))
    })
}

/// Whether `words` (as written) are written exactly as the matched form or
/// as another form with the same words and separators (two terms may
/// share them, `Comelec` and `COMELEC` in one glossary).
fn written_as_a_form(glossary: &Glossary, matched: u32, words: &[String]) -> bool {
    let form = glossary.form(matched);
    glossary
        .forms_starting_with(form.ids[0])
        .iter()
        .map(|&f| glossary.form(f))
        .filter(|f| f.same_words(&form) && f.role != Role::Forbidden)
        .any(|f| f.cased() == words)
}

/// Whether the only words written in another case are ordinary words in
/// lower case before the rest of the name, written as the glossary has
/// it: `lungsod Quezon` (the city of Quezon), `de los Angeles` (part of a
/// surname). The writer lower-cased them on purpose.
fn ordinary_words_before_the_name(ctx: &Context<'_>, cased: &[String], words: &[String]) -> bool {
    let Some(first_right) = (0..words.len()).find(|&k| words[k] == cased[k]) else {
        return false;
    };
    first_right > 0
        && words[first_right..] == cased[first_right..]
        && cased[first_right].chars().any(char::is_uppercase)
        && words[..first_right]
            .iter()
            .all(|w| !w.chars().any(char::is_uppercase) && is_ordinary_word(ctx, w))
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
    let cased = form.cased();
    let edits: Vec<Edit> = m
        .tokens
        .clone()
        .enumerate()
        .filter(|&(k, _)| words[k] != cased[k])
        .map(|(k, t)| Edit::replace(tokens[t].range.clone(), cased[k].clone()))
        .collect();
    let suggestion = rewritten(ctx, tokens, m.tokens.clone(), |k| Some(cased[k].as_str()));
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

/// Whether a word next to the match (on its line) is written in capitals
/// too, two letters or more.
fn next_to_capitals(ctx: &Context<'_>, m: &Match) -> bool {
    let tokens = &ctx.names().tokens;
    let shouted = |k: usize| {
        let t = &tokens[k];
        let word = &ctx.source[t.range.clone()];
        !t.case.has_lower() && word.chars().filter(|c| c.is_uppercase()).count() >= 2
    };
    let same_line = |a: usize, b: usize| !ctx.source[a..b].contains('\n');
    let before = m.tokens.start > 0
        && shouted(m.tokens.start - 1)
        && same_line(tokens[m.tokens.start - 1].range.end, m.range.start);
    let after = m.tokens.end < tokens.len()
        && shouted(m.tokens.end)
        && same_line(m.range.end, tokens[m.tokens.end].range.start);
    before || after
}

fn has_upper(text: &str) -> bool {
    text.chars().any(char::is_uppercase)
}

/// A word of two letters or more, all of them capitals (`DOH`, `NASA`).
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase)
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
    use crate::Applicability;
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
            "ang Shanghai\npharmaceutical holding ay",
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
            // Another acronym in mixed case: DNS over HTTPS, not `DOH`.
            "Gamitin ang DoH URL",
        ] {
            RULE.assert_silent(text);
        }
    }

    /// Invented names, after the embedded glossary.
    const NAMES: &str = "Brightwave\nBahaghari\nLungsod Malvarin\nMalvarin City\nLos Altares\nComelec\n";

    #[test]
    fn a_lower_case_word_that_is_no_word_is_the_name() {
        let rule = RULE.with_glossary(NAMES);
        assert_eq!(rule.flagged("Gumamit sila ng brightwave at innovent."), ["brightwave", "innovent"]);
        rule.assert_fixed_with(
            "Gumamit sila ng brightwave.",
            "Gumamit sila ng Brightwave.",
            Applicability::Safe,
        );
        assert_eq!(rule.flagged("Gumamit ng BRIGHTWAVE ang ospital."), ["BRIGHTWAVE"]);
        // An ordinary word, or the name in a path, file name or tag.
        for text in [
            "Kita ang bahaghari sa langit.",
            "Ulat: MAKULAY NA BAHAGHARI sa langit.",
            "brew install brightwave/core",
            "ang file na brightwave.toml",
            "<a data-name=\"brightwave-link\">Oo</a>",
        ] {
            rule.assert_silent(text);
        }
    }

    #[test]
    fn datelines_in_capitals_are_left_alone() {
        let rule = RULE.with_glossary(NAMES);
        for text in [
            "MALVARIN CITY — Umulan nang malakas kahapon.",
            "MAYNILA — Nagbukas ang paaralan.",
            "DAVAO CITY (PNA) — Dumating ang bagyo.",
            "MAYNILA, Hunyo 3 — Nagbukas ang paaralan.",
        ] {
            rule.assert_silent(text);
        }
        // Capitals in the middle of a sentence are no dateline.
        assert_eq!(
            rule.flagged("Pumunta kami sa MALVARIN CITY kahapon — at umulan."),
            ["MALVARIN CITY"]
        );
    }

    #[test]
    fn ordinary_words_in_lower_case_before_a_name_are_meant() {
        let rule = RULE.with_glossary(NAMES);
        rule.assert_silent("Bumisita kami sa lungsod Malvarin noong Lunes.");
        rule.assert_silent("Nagsalita si Celso de los Altares kahapon.");
        assert_eq!(
            rule.flagged("Bumisita kami sa Lungsod malvarin."),
            ["Lungsod malvarin"]
        );
    }

    #[test]
    fn a_trademark_sign_spelt_out_is_the_sign() {
        let rule = RULE.with_glossary("Solarvane\tSolarvane™\nKelpora®\n");
        rule.assert_fixed_with(
            "Gamitin ang Solarvane TM sa server.",
            "Gamitin ang Solarvane™ sa server.",
            Applicability::Safe,
        );
        rule.assert_fixed_with(
            "Ang Solarvane (TM) ay libre.",
            "Ang Solarvane™ ay libre.",
            Applicability::Safe,
        );
        let found = rule.check("Gamitin ang Solarvane TM.");
        assert_eq!(
            found[0].message,
            "`Solarvane TM` is written `Solarvane™` (glossary): the trademark sign spelt out"
        );
        for text in [
            "Gamitin ang Solarvane™ o Solarvane.",
            "Gamitin ang Solarvane TMS ngayon.",
            "Gamitin ang Solarvane R ngayon.",
            "Ang Kelpora TM ay iba.",
        ] {
            rule.assert_silent(text);
        }
    }

    #[test]
    fn a_later_glossary_spelling_wins() {
        // The embedded glossary writes `COMELEC`; the user's `Comelec`.
        let rule = RULE.with_glossary(NAMES);
        let found = rule.check("Ayon sa COMELEC, tuloy ang halalan.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "`COMELEC` is written `Comelec` (glossary)");
        assert_eq!(found[0].suggestion.as_deref(), Some("Comelec"));
        rule.assert_silent("Ayon sa Comelec, tuloy ang halalan.");
        RULE.assert_silent("Ayon sa COMELEC, tuloy ang halalan.");
    }
}
