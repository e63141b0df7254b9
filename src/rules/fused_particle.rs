use super::{Context, Reporter, Rule, declare_rule};
use super::helpers::recase;
use crate::diagnostic::Edit;
use crate::text::tokens::fold;

declare_rule! {
    /// ## What it checks
    /// - Two particles written as one word: `nalang`, `nanaman`, `parin`,
    ///   `padin`, `narin`, `nadin` (→ `na lang`, `na naman`, `pa rin`, ...),
    ///   and `palang` before a clause break (→ `pa lang`).
    /// - A hyphen in `iba't-iba` and `isa't-isa` (→ `iba't iba`).
    /// - `Ng` at the start of a sentence, where only `Nang` ("when") fits.
    /// - A repeated verb joined by `ng` (`kain ng kain` → `kain nang kain`).
    ///
    /// ## Why
    /// The KWF *Manwal sa Masinop na Pagsulat* writes the enclitics `na`,
    /// `pa`, `lang`, `naman`, `rin`/`din` as separate words, and `iba't iba`
    /// (from `iba at iba`) without a hyphen. `ng` marks a noun; `nang` links
    /// a repeated action and starts a time clause. Both confusions are common
    /// in machine translation and in informal text. `palang` is also `pala` +
    /// the linker (`siya palang direktor`), so it is flagged only before a
    /// comma, a period or `na`, with an unsafe fix. `ng` between repeated
    /// nouns is correct (`sertipiko ng sertipiko`), so the `nang` check needs
    /// a known verb: a common root (`kain`, `takbo`, `iyak`, ...) or a form
    /// with the infix `-um-` (`tumakbo`).
    ///
    /// ## Bad
    /// ```text
    /// Umuwi nalang siya pagkatapos ng klase.
    /// Umulan nanaman kagabi sa probinsiya.
    /// Hindi parin dumarating ang bus.
    /// Nagluto kami ng iba't-ibang ulam.
    /// Ng dumating ang bagyo, lumikas ang mga residente.
    /// Kain ng kain ang bata buong araw.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Umuwi na lang siya pagkatapos ng klase.
    /// Umulan na naman kagabi sa probinsiya.
    /// Hindi pa rin dumarating ang bus.
    /// Nagluto kami ng iba't ibang ulam.
    /// Nang dumating ang bagyo, lumikas ang mga residente.
    /// Kain nang kain ang bata buong araw.
    /// Siya palang direktor ng proyekto ang sumagot.
    /// Kailangan ang kopya ng sertipiko ng sertipiko ng kapanganakan.
    /// ```
    ///
    /// ## Fix
    /// Safe: the words are split, the hyphen becomes a space, `Ng` becomes
    /// `Nang`, `ng` between a repeated verb becomes `nang`. Unsafe for `palang`.
    pub struct FusedParticle {
        name: "fused-particle",
        severity: Error,
        fix: SafeOrUnsafe,
        summary: "Particles written as one word (`nalang`, `parin`), `iba't-iba`, `Ng` for `Nang`",
    }
}

/// Fused forms and how they split.
const FUSED: &[(&str, &str, &str)] = &[
    ("nadin", "na", "din"),
    ("nalang", "na", "lang"),
    ("nanaman", "na", "naman"),
    ("narin", "na", "rin"),
    ("padin", "pa", "din"),
    ("parin", "pa", "rin"),
];

/// Verb roots that are commonly repeated with `nang` (`kain nang kain`).
const REPEATED_VERB_ROOTS: &[&str] = &[
    "akyat", "away", "bigay", "bili", "dasal", "gastos", "hila", "iyak", "kain", "kanta",
    "kuwento", "kwento", "lakad", "laro", "lipad", "nood", "sayaw", "salita", "sigaw", "sulat",
    "takbo", "tanong", "tawa", "tulog", "ulit", "inom", "isip", "hingi", "basa", "luha",
];

impl Rule for FusedParticle {
    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let source = ctx.source;
        let tokens = ctx.tokens;
        let seg_end = ctx.segment.range.end;
        for i in 0..tokens.len() {
            if ctx.out_of_time() {
                return;
            }
            // Every pattern is a word starting with `n` or `p` (`nalang`,
            // `parin`, `palang`, `Ng`, `ng`) or ending in an apostrophe
            // and `t` (`iba't`): a byte test skips all others.
            let range = tokens[i].range.clone();
            let starts_n_or_p = matches!(tokens[i].first, b'n' | b'N' | b'p' | b'P');
            let last = source.as_bytes()[range.end - 1];
            let ends_in_t = range.len() >= 3 && matches!(last, b't' | b'T');
            if !starts_n_or_p && !ends_in_t {
                continue;
            }
            let word = ctx.word(i);
            let lower = ctx.lower(i);
            let hyphen_before = source[..range.start].ends_with('-');
            let hyphen_after = source[range.end..seg_end].starts_with('-');
            if let Some(&(_, a, b)) = FUSED.iter().find(|(f, _, _)| *f == lower) {
                if hyphen_before || hyphen_after {
                    continue;
                }
                let split = format!("{} {b}", recase(word, a));
                out.report(range.clone(), format!("`{a}` and `{b}` are two words; write `{split}`")).replace_safe(split);
                continue;
            }
            if lower == "palang" && !hyphen_before && !hyphen_after && palang_ends_clause(ctx, i) {
                let split = format!("{} lang", recase(word, "pa"));
                out.report(range.clone(), format!("`pa` and `lang` are two words; write `{split}`")).replace_unsafe(split);
                continue;
            }
            // `iba't-iba`, `isa't-isa`.
            if let Some(stem) = lower
                .strip_suffix("'t")
                .or_else(|| lower.strip_suffix("\u{2019}t"))
                && i + 1 < tokens.len()
                && ctx.gap_after(i) == "-"
                && ctx.lower(i + 1).starts_with(stem)
                && stem.chars().count() >= 2
            {
                let gap = range.end..tokens[i + 1].range.start;
                let next = ctx.word(i + 1);
                out.report(range.start..tokens[i + 1].range.end, format!("no hyphen in `{word} {next}`")).suggest(format!("{word} {next}")).fix_safe(Edit::replace(gap, " "));
                continue;
            }
            if word == "Ng"
                && starts_sentence(ctx, i)
                && next_is_lower_word(ctx, i)
                && !is_noun_phrase_start(&fold(ctx.word(i + 1)))
            {
                out.report(range.clone(), "a sentence cannot start with the marker `ng`; write `Nang` (\"when\")").replace_safe("Nang");
                continue;
            }
            // `kain ng kain`.
            if i >= 1
                && i + 1 < tokens.len()
                && word == "ng"
                && ctx.gap_after(i - 1) == " "
                && ctx.gap_after(i) == " "
                && ctx.lower(i - 1) == ctx.lower(i + 1)
                && is_verb_like(ctx.lower(i + 1))
            {
                let verb = ctx.word(i + 1);
                out.report(range.clone(), format!(
                            "a repeated action is linked with `nang`; write `{} nang {verb}`",
                            ctx.word(i - 1)
                        )).replace_safe("nang");
            }
        }
    }
}

/// `palang` before a comma, a full stop, the end, or `na`: `ngayon palang.`,
/// `pagkatapos palang na`.
fn palang_ends_clause(ctx: &Context<'_>, i: usize) -> bool {
    if i + 1 >= ctx.tokens.len() {
        let rest = &ctx.source[ctx.tokens[i].range.end..ctx.segment.range.end];
        return rest.trim().is_empty() || rest.trim_start().starts_with(['.', ',', '!', '?']);
    }
    let gap = ctx.gap_after(i);
    if gap.trim_start().starts_with(['.', ',', '!', '?', ';']) {
        return true;
    }
    gap == " " && matches!(fold(ctx.word(i + 1)).as_str(), "na" | "ay")
}

/// Token `i` starts a sentence: nothing but white space or a list marker
/// before it on its line, or a sentence-ending mark.
fn starts_sentence(ctx: &Context<'_>, i: usize) -> bool {
    let start = ctx.tokens[i].range.start;
    let before = &ctx.source[..start];
    let line = &before[before.rfind('\n').map_or(0, |j| j + 1)..];
    let trimmed = line.trim();
    if i > 0 && ctx.tokens[i - 1].range.end > start - line.len() {
        // An earlier word on this line: only a sentence end counts.
        return trimmed.ends_with(['.', '!', '?']) && !trimmed.ends_with("..");
    }
    trimmed.is_empty() || matches!(trimmed, "-" | "*" | "+" | ">" | "\"" | "\u{201c}")
}

/// Words that begin a noun phrase: `Ng mga bata` is a fragment (a caption),
/// not a misspelt `Nang`.
fn is_noun_phrase_start(lower: &str) -> bool {
    matches!(
        lower,
        "mga"
            | "ang"
            | "isang"
            | "aking"
            | "iyong"
            | "kanyang"
            | "kaniyang"
            | "ating"
            | "aming"
            | "inyong"
            | "kanilang"
            | "bawat"
            | "lahat"
            | "ilang"
            | "maraming"
    )
}

fn next_is_lower_word(ctx: &Context<'_>, i: usize) -> bool {
    i + 1 < ctx.tokens.len()
        && ctx.gap_after(i) == " "
        && ctx
            .word(i + 1)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// A common verb root, or a form with the actor-focus infix `-um-`
/// (`tumakbo`, `lumaki`, `kumain`).
fn is_verb_like(lower: &str) -> bool {
    if REPEATED_VERB_ROOTS.contains(&lower) {
        return true;
    }
    let chars: Vec<char> = lower.chars().collect();
    chars.len() >= 5
        && !matches!(chars[0], 'a' | 'e' | 'i' | 'o' | 'u')
        && chars[1] == 'u'
        && chars[2] == 'm'
        && matches!(chars[3], 'a' | 'e' | 'i' | 'o' | 'u')
}

#[cfg(test)]
mod tests {
    use crate::Applicability;
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::FusedParticle);

    #[test]
    fn fused_particles_split() {
        for (bad, good) in [
            ("umuwi nalang siya", "umuwi na lang siya"),
            ("Nanaman siyang umalis", "Na naman siyang umalis"),
            ("hindi parin", "hindi pa rin"),
            ("hindi padin", "hindi pa din"),
            ("siya narin ang", "siya na rin ang"),
            ("ako nadin ang", "ako na din ang"),
        ] {
            RULE.assert_fixed(bad, good);
        }
        assert_eq!(
            RULE.check("umuwi nalang siya")[0].message,
            "`na` and `lang` are two words; write `na lang`"
        );
    }

    #[test]
    fn palang_only_before_a_clause_break() {
        RULE.assert_fixed_with(
            "Ngayon palang, marami na.",
            "Ngayon pa lang, marami na.",
            Applicability::Unsafe,
        );
        RULE.assert_fixed("Ngayon palang, marami na.", "Ngayon palang, marami na.");
        assert_eq!(
            RULE.flagged("pagkatapos palang na umalis"),
            ["palang"]
        );
        RULE.assert_silent("siya palang direktor");
        RULE.assert_silent("meron naman palang mga kita");
    }

    #[test]
    fn iba_t_iba_has_no_hyphen() {
        RULE.assert_fixed("ng iba't-ibang ulam", "ng iba't ibang ulam");
        RULE.assert_fixed("sa isa\u{2019}t-isa", "sa isa\u{2019}t isa");
        RULE.assert_silent("ng iba't ibang ulam at isa't isa");
    }

    #[test]
    fn sentence_initial_ng() {
        RULE.assert_fixed(
            "Umalis kami. Ng dumating siya, tulog na kami.",
            "Umalis kami. Nang dumating siya, tulog na kami.",
        );
        RULE.assert_fixed("Ng dumating siya", "Nang dumating siya");
        RULE.assert_silent("kumain ng mangga");
        RULE.assert_silent("Mga larawan ng Ng Ka Tung");
        RULE.assert_silent("Ng Mga Bata");
        RULE.assert_silent("Ng mga bata at ng kanilang magulang");
    }

    #[test]
    fn repeated_verbs_take_nang() {
        RULE.assert_fixed("tawa ng tawa sila", "tawa nang tawa sila");
        RULE.assert_fixed("tumakbo ng tumakbo", "tumakbo nang tumakbo");
        RULE.assert_silent("sertipiko ng sertipiko");
        RULE.assert_silent("anak ng anak");
        RULE.assert_silent("tawa nang tawa");
    }

    #[test]
    fn compounds_and_other_words_are_silent() {
        RULE.assert_silent("ang salitang nalang-nalang at parinig at narinig");
        RULE.assert_silent("Narinig ko parin-");
    }
}
