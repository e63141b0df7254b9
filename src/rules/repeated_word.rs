use super::{Context, Rule, RuleMeta, declare_rule};
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::lexicon::{is_doubled_name, is_function_word};
use crate::text::TokenKind;
use crate::text::tokens::{fold, starts_upper};

declare_rule! {
    /// ## What it checks
    /// The same word written two or more times in a row: `Award Award Award`,
    /// `ang ang`, `mga mga`.
    ///
    /// ## Why
    /// Machine translation sometimes loops on a word, and segment joining
    /// doubles function words. Three or more repeats are always an error. Two
    /// are flagged only for function words (`ang`, `mga`, `ng`, `sa`, `the`,
    /// ...) and capitalised words, because ordinary Filipino writes some words
    /// twice on purpose (`ano ano`, `major major`). Doubled nicknames of up to
    /// four letters (`Zsa Zsa`, `Bong Bong`, `Jun Jun`) are names, not errors.
    /// A repeat across a line break or punctuation is not flagged.
    ///
    /// ## Bad
    /// ```text
    /// Nanalo siya ng Award Award Award sa gabi ng parangal.
    /// Dumalo ang ang mga opisyal.
    /// Nagbigay sila ng tulong sa mga mga pamilya.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Nanalo siya ng Award sa gabi ng parangal.
    /// Kumanta si Zsa Zsa at si Bong Bong.
    /// Ano ano ang mga dala mo?
    /// ```
    ///
    /// ## Fix
    /// The repeats are removed. Safe for three or more; unsafe for two, since
    /// the doubling may hide a different dropped word.
    pub struct RepeatedWord {
        name: "repeated-word",
        severity: Error,
        fix: SafeOrUnsafe,
        summary: "The same word repeated (`Award Award Award`, `ang ang`)",
    }
}

impl Rule for RepeatedWord {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let tokens = ctx.tokens;
        let mut i = 0;
        while i < tokens.len() {
            let word = ctx.word(i);
            let key = fold(word);
            let mut j = i + 1;
            while j < tokens.len()
                && fold(ctx.word(j)) == key
                && is_plain_space(ctx.gap_after(j - 1))
                // `na na-diagnose`: the second is a prefix, not a repeat.
                && !ctx.source[tokens[j].range.end..].starts_with('-')
            {
                j += 1;
            }
            let count = j - i;
            if count == 2 && starts_title(ctx, i + 1) {
                // `ang Ang Probinsyano`: the second word begins a title.
                i += 1;
                continue;
            }
            if count >= 2 && tokens[i].kind == TokenKind::Word && is_error(word, &key, count) {
                let span = tokens[i].range.start..tokens[j - 1].range.end;
                let removed = tokens[i].range.end..tokens[j - 1].range.end;
                let fix = if count >= 3 {
                    Fix::safe(vec![Edit::delete(removed)])
                } else {
                    Fix::unsafe_(vec![Edit::delete(removed)])
                };
                let times = match count {
                    2 => "twice".to_string(),
                    n => format!("{n} times"),
                };
                out.push(
                    Diagnostic::new(
                        Self::META.name,
                        span,
                        format!("`{word}` is written {times} in a row; keep one"),
                    )
                    .with_suggestion(word)
                    .with_fix(fix),
                );
            }
            i = j;
        }
    }
}

/// Token `i` is capitalised after a lower-case twin and followed by another
/// capitalised word: the start of a title (`ang Ang Probinsyano`).
fn starts_title(ctx: &Context<'_>, i: usize) -> bool {
    starts_upper(ctx.word(i))
        && !starts_upper(ctx.word(i - 1))
        && i + 1 < ctx.tokens.len()
        && starts_upper(ctx.word(i + 1))
}

/// Only blanks, no line break or punctuation.
fn is_plain_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
}

fn is_error(word: &str, key: &str, count: usize) -> bool {
    if count >= 3 {
        return true;
    }
    if is_function_word(key) {
        return true;
    }
    starts_upper(word) && !is_doubled_name(word) && word.chars().count() > 1
}

#[cfg(test)]
mod tests {
    use crate::Applicability;
    use crate::rules::testing::{assert_fixed, assert_fixed_with, assert_silent, check, flagged};

    #[test]
    fn three_repeats_are_fixed_safely() {
        assert_fixed(
            "nanalo ng Award Award Award, at iba pa",
            "nanalo ng Award, at iba pa",
        );
        let d = check("nanalo ng Award Award Award.");
        assert_eq!(
            d[0].message,
            "`Award` is written 3 times in a row; keep one"
        );
        assert_eq!(d[0].suggestion.as_deref(), Some("Award"));
    }

    #[test]
    fn two_repeats_of_function_words_are_unsafe_fixes() {
        assert_eq!(
            flagged("dumalo ang ang mga"),
            [("repeated-word", "ang ang".to_string())]
        );
        assert_fixed("dumalo ang ang mga", "dumalo ang ang mga");
        assert_fixed_with(
            "dumalo Ang ang mga",
            "dumalo ang mga",
            Applicability::Unsafe,
        );
        assert_eq!(
            flagged("sa mga mga bata"),
            [("repeated-word", "mga mga".to_string())]
        );
    }

    #[test]
    fn names_reduplication_line_breaks_and_punctuation_are_silent() {
        for text in [
            "si Zsa Zsa at si Bong Bong",
            "ano ano ang dala mo",
            "major major na problema",
            "ang\nang",
            "Award. Award",
            "ang, ang",
            "1 1 1",
            "pag-aaral aaral",
            "I I",
            "ang ulat na na-diagnose siya",
            "nakuha na na file",
        ] {
            assert_silent(text);
        }
    }

    #[test]
    fn capitalised_doubles_are_flagged() {
        // Four letters or fewer reads as a doubled nickname.
        assert_silent("ng Town Town na");
        assert_eq!(
            flagged("ng Award Award na"),
            [("repeated-word", "Award Award".to_string())]
        );
    }
}
