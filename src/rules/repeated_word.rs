use super::{Context, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;
use crate::lexicon::set::WordSet;
use crate::lexicon::is_doubled_name;
use crate::text::{Token, TokenKind};
use crate::text::tokens::fold;

declare_rule! {
    /// ## What it checks
    /// - The same word written two or more times in a row: `Award Award
    ///   Award`, `ang ang`, `mga mga`.
    /// - A part repeated three or more times inside a hyphenated word:
    ///   `hilaga-hilagang-hilagang-kanluran` (→ `hilagang-kanluran`).
    /// - A reduplication written with a space instead of a hyphen, for a
    ///   short list of words that are always reduplicated that way:
    ///   `araw araw`, `isa isa`, `unti unting`, `dahan dahan`, `paulit ulit`
    ///   (→ `araw-araw`, `isa-isa`, ...).
    ///
    /// ## Why
    /// Machine translation sometimes loops on a word, and segment joining
    /// doubles function words. Three or more repeats are always an error. Two
    /// are flagged only for function words (`ang`, `mga`, `ng`, `sa`, `the`,
    /// ...) and capitalised words, because ordinary Filipino writes some words
    /// twice on purpose (`ano ano`, `major major`). Doubled nicknames of up to
    /// four letters (`Zsa Zsa`, `Bong Bong`, `Jun Jun`) are names, not errors.
    /// A repeat across a line break or punctuation is not flagged. The
    /// spaced-reduplication list leaves out `ano ano` and `sino sino`, which
    /// published Filipino writes both ways.
    ///
    /// ## Bad
    /// ```text
    /// Nanalo siya ng Award Award Award sa gabi ng parangal.
    /// Dumalo ang ang mga opisyal.
    /// Nagbigay sila ng tulong sa mga mga pamilya.
    /// Umihip ang hangin mula sa hilaga-hilagang-hilagang-kanluran.
    /// Araw araw siyang naglalakad sa parke.
    /// Unti unting bumuti ang panahon.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Nanalo siya ng Award sa gabi ng parangal.
    /// Kumanta si Zsa Zsa at si Bong Bong.
    /// Ano ano ang mga dala mo?
    /// Araw-araw siyang naglalakad mula sa hilagang-kanluran ng parke.
    /// Unti-unting bumuti ang panahon sa sari-sari store.
    /// ```
    ///
    /// ## Fix
    /// The repeats are removed. Safe for three or more; unsafe for two, since
    /// the doubling may hide a different dropped word, and unsafe inside a
    /// hyphenated word. Safe for a spaced reduplication: the space becomes a
    /// hyphen.
    pub struct RepeatedWord {
        name: "repeated-word",
        severity: Error,
        fix: SafeOrUnsafe,
        summary: "The same word repeated (`Award Award Award`, `ang ang`)",
    }
}

impl Rule for RepeatedWord {
    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        hyphen_chains(ctx, out);
        spaced_reduplications(ctx, out);
        repeats(ctx, out);
    }
}

/// `ang ang`, `Award Award Award`: a word written twice or more in a row.
fn repeats(ctx: &Context<'_>, out: &mut Reporter<'_>) {
    let mut i = 0;
    while i < ctx.tokens.len() {
        if ctx.out_of_time() {
            return;
        }
        let count = repeat_count(ctx, i);
        if count == 2 {
            let folded = fold(ctx.word(i));
            if is_spaced_reduplication(&folded, &folded) {
                i += 2; // reported by `spaced_reduplications`
                continue;
            }
            if starts_title(ctx, i + 1) {
                i += 1; // `ang Ang Probinsyano`: the second word begins a title.
                continue;
            }
        }
        let t = &ctx.tokens[i];
        if count >= 2 && t.kind == TokenKind::Word && is_error(t, ctx.word(i), count) {
            report_repeat(ctx, i, count, out);
        }
        i += count;
    }
}

/// How many times token `i` is written in a row, separated by blanks only
/// (1 when the next word differs).
fn repeat_count(ctx: &Context<'_>, i: usize) -> usize {
    let tokens = ctx.tokens;
    // Different first letters (nearly every pair of neighbours) rule out a
    // repeat before any word is sliced.
    if i + 1 < tokens.len() && first_letters_differ(tokens[i].first, tokens[i + 1].first) {
        return 1;
    }
    let word = ctx.word(i);
    let mut j = i + 1;
    while j < tokens.len()
        && same_word(ctx.word(j), word)
        && is_plain_space(ctx.gap_after(j - 1))
        // `na na-diagnose`: the second is a prefix, not a repeat.
        && !ctx.source[tokens[j].range.end..].starts_with('-')
    {
        j += 1;
    }
    j - i
}

/// Reports token `i` written `count` times; the fix keeps one. Three in a
/// row is surely a slip; two may be meant, so removing one is a guess.
fn report_repeat(ctx: &Context<'_>, i: usize, count: usize, out: &mut Reporter<'_>) {
    let (first, last) = (&ctx.tokens[i], &ctx.tokens[i + count - 1]);
    let word = ctx.word(i);
    let times = match count {
        2 => "twice".to_string(),
        n => format!("{n} times"),
    };
    let removed = Edit::delete(first.range.end..last.range.end);
    let finding = out
        .report(
            first.range.start..last.range.end,
            format!("`{word}` is written {times} in a row; keep one"),
        )
        .suggest(word);
    if count >= 3 {
        finding.fix_safe(removed);
    } else {
        finding.fix_unsafe(removed);
    }
}

/// Equal ignoring case, without allocating.
fn same_word(a: &str, b: &str) -> bool {
    if let (Some(&x), Some(&y)) = (a.as_bytes().first(), b.as_bytes().first())
        && first_letters_differ(x, y)
    {
        return false;
    }
    // Byte-equal ignoring ASCII case (this checks the lengths first, so
    // most pairs of words are told apart at once).
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether two words starting with the bytes `a` and `b` certainly start
/// with different letters, ignoring case: both ASCII and unequal. (A
/// non-ASCII first byte says nothing without decoding.)
fn first_letters_differ(a: u8, b: u8) -> bool {
    a.is_ascii() && b.is_ascii() && !a.eq_ignore_ascii_case(&b)
}

/// Words whose reduplication is written with a hyphen, and never as two
/// free words: left part and the right parts it takes.
const REDUPLICATED: &[(&str, &[&str])] = &[
    ("agad", &["agad"]),
    ("araw", &["araw"]),
    ("buwan", &["buwan"]),
    ("dahan", &["dahan", "dahang"]),
    ("dalawa", &["dalawa", "dalawang"]),
    ("gabi", &["gabi"]),
    ("hiwa", &["hiwalay"]),
    ("iba", &["iba", "ibang"]),
    ("isa", &["isa", "isang"]),
    ("kani", &["kanila", "kanilang", "kaniya", "kaniyang"]),
    ("linggo", &["linggo"]),
    ("oras", &["oras"]),
    ("paminsan", &["minsan"]),
    ("pare", &["pareho", "parehong"]),
    ("paulit", &["ulit"]),
    ("sabay", &["sabay"]),
    ("sama", &["sama"]),
    ("sari", &["sari", "saring"]),
    ("taon", &["taon"]),
    ("tuloy", &["tuloy"]),
    ("unti", &["unti", "unting"]),
];

/// The left parts of [`REDUPLICATED`], for a one-probe test of a word.
static LEFTS: WordSet = WordSet::new(&[
    "agad", "araw", "buwan", "dahan", "dalawa", "gabi", "hiwa", "iba", "isa", "kani", "linggo",
    "oras", "paminsan", "pare", "paulit", "sabay", "sama", "sari", "taon", "tuloy", "unti",
]);

fn is_spaced_reduplication(left: &str, right: &str) -> bool {
    // Most words are no left part: one probe answers them.
    LEFTS.contains(left)
        && REDUPLICATED
            .iter()
            .any(|(l, rights)| *l == left && rights.contains(&right))
}

/// `araw araw` → `araw-araw`.
fn spaced_reduplications(ctx: &Context<'_>, out: &mut Reporter<'_>) {
    let tokens = ctx.tokens;
    let seg_end = ctx.segment.range.end;
    for i in 0..tokens.len().saturating_sub(1) {
        if ctx.out_of_time() {
            return;
        }
        // The right part starts with the left's letter, but for
        // `paminsan minsan` and `paulit ulit`: a cheap test first.
        let (l0, r0) = (tokens[i].first, tokens[i + 1].first);
        if first_letters_differ(l0, r0) && !matches!(l0, b'p' | b'P') {
            continue;
        }
        let (left, right) = (ctx.word(i), ctx.word(i + 1));
        if ctx.gap_after(i) != " "
            || !is_spaced_reduplication(ctx.lower(i), right)
            || !right.chars().all(char::is_lowercase)
            || ctx.source[..tokens[i].range.start].ends_with('-')
            || ctx.source[tokens[i + 1].range.end..seg_end].starts_with('-')
            || (i + 2 < tokens.len()
                && ctx.lower(i + 2) == ctx.lower(i + 1)
                && ctx.gap_after(i + 1) == " ")
        {
            continue;
        }
        let joined = format!("{left}-{right}");
        let gap = tokens[i].range.end..tokens[i + 1].range.start;
        out.report(tokens[i].range.start..tokens[i + 1].range.end, format!("a reduplication is written with a hyphen; write `{joined}`")).suggest(joined).fix_safe(Edit::replace(gap, "-"));
    }
}

/// `hilaga-hilagang-hilagang-kanluran`: three or more parts of a hyphenated
/// word with one stem (ignoring a `-ng` linker) collapse to the last one.
fn hyphen_chains(ctx: &Context<'_>, out: &mut Reporter<'_>) {
    let tokens = ctx.tokens;
    let stem = |i: usize| {
        let w = ctx.lower(i);
        w.strip_suffix("ng").unwrap_or(w)
    };
    let mut i = 0;
    while i < tokens.len() {
        if ctx.out_of_time() {
            return;
        }
        // Parts of a hyphenated word: tokens with exactly `-` between them.
        let bytes = ctx.source.as_bytes();
        let hyphen_after = |k: usize| {
            bytes[tokens[k].range.end] == b'-'
                && tokens[k + 1].range.start == tokens[k].range.end + 1
        };
        let mut j = i + 1;
        while j < tokens.len() && hyphen_after(j - 1) {
            j += 1;
        }
        if j == i + 1 {
            i = j;
            continue;
        }
        // Parts i..j form one hyphenated word; look for a run of one stem.
        let mut a = i;
        while a < j {
            let mut b = a + 1;
            while b < j && stem(b) == stem(a) {
                b += 1;
            }
            if b - a >= 3 && stem(a).chars().count() >= 2 && tokens[a].kind == TokenKind::Word {
                let chain = tokens[i].range.start..tokens[j - 1].range.end;
                let run = tokens[a].range.start..tokens[b - 1].range.end;
                let kept = ctx.word(b - 1);
                let suggestion = format!(
                    "{}{kept}{}",
                    &ctx.source[chain.start..run.start],
                    &ctx.source[run.end..chain.end]
                );
                out.report(chain, format!(
                            "`{kept}` is repeated {} times inside a hyphenated word; keep one",
                            b - a
                        )).suggest(suggestion).fix_unsafe(Edit::replace(run, kept));
            }
            a = b;
        }
        i = j;
    }
}

/// Token `i` is capitalised after a lower-case twin and followed by another
/// capitalised word: the start of a title (`ang Ang Probinsyano`).
fn starts_title(ctx: &Context<'_>, i: usize) -> bool {
    let upper = |k: usize| ctx.tokens[k].case.starts_upper();
    upper(i) && !upper(i - 1) && i + 1 < ctx.tokens.len() && upper(i + 1)
}

/// Only blanks, no line break or punctuation.
fn is_plain_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
}

/// Whether `count` repeats of `word` (token `t`) are a mistake: three or
/// more always; two of a function word (`ang ang`) or of a capitalised word
/// that is not a doubled nickname (`Award Award`, not `Bong Bong`).
fn is_error(t: &Token, word: &str, count: usize) -> bool {
    count >= 3
        || t.class.is_function_word()
        || (t.case.starts_upper() && !is_doubled_name(word) && word.chars().count() > 1)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::RepeatedWord);

    #[test]
    fn lefts_list_the_left_parts() {
        let lefts: Vec<&str> = super::REDUPLICATED.iter().map(|(l, _)| *l).collect();
        assert_eq!(super::LEFTS.words(), lefts.as_slice());
    }

    use crate::Applicability;

    #[test]
    fn three_repeats_are_fixed_safely() {
        RULE.assert_fixed(
            "nanalo ng Award Award Award, at iba pa",
            "nanalo ng Award, at iba pa",
        );
        let d = RULE.check("nanalo ng Award Award Award.");
        assert_eq!(
            d[0].message,
            "`Award` is written 3 times in a row; keep one"
        );
        assert_eq!(d[0].suggestion.as_deref(), Some("Award"));
    }

    #[test]
    fn two_repeats_of_function_words_are_unsafe_fixes() {
        assert_eq!(
            RULE.flagged("dumalo ang ang mga"),
            ["ang ang"]
        );
        RULE.assert_fixed("dumalo ang ang mga", "dumalo ang ang mga");
        RULE.assert_fixed_with(
            "dumalo Ang ang mga",
            "dumalo Ang mga",
            Applicability::Unsafe,
        );
        assert_eq!(
            RULE.flagged("sa mga mga bata"),
            ["mga mga"]
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
            RULE.assert_silent(text);
        }
    }

    #[test]
    fn repetition_inside_hyphenated_words() {
        let text = "mula sa hilaga-hilagang-hilagang-kanluran ang hangin";
        assert_eq!(
            RULE.flagged(text),
            ["hilaga-hilagang-hilagang-kanluran"]
        );
        let d = RULE.check(text);
        assert_eq!(d[0].suggestion.as_deref(), Some("hilagang-kanluran"));
        assert_eq!(
            d[0].message,
            "`hilagang` is repeated 3 times inside a hyphenated word; keep one"
        );
        RULE.assert_fixed_with(
            text,
            "mula sa hilagang-kanluran ang hangin",
            Applicability::Unsafe,
        );
        for text in [
            "araw-araw at sari-sari-store at kabi-kabila",
            "isang 10-10-10 na iskor",
            "ang hilaga-hilagang-kanluran",
        ] {
            RULE.assert_silent(text);
        }
    }

    #[test]
    fn spaced_reduplication_takes_a_hyphen() {
        for (bad, good) in [
            ("Araw araw siyang naglalakad", "Araw-araw siyang naglalakad"),
            ("isa isang tinawag", "isa-isang tinawag"),
            ("unti unting bumuti", "unti-unting bumuti"),
            ("dahan dahang bumaba", "dahan-dahang bumaba"),
            ("paulit ulit na sinabi", "paulit-ulit na sinabi"),
            ("sa kani kanilang bahay", "sa kani-kanilang bahay"),
            ("pare parehong sagot", "pare-parehong sagot"),
            ("sabay sabay silang", "sabay-sabay silang"),
        ] {
            RULE.assert_fixed(bad, good);
        }
        assert_eq!(
            RULE.check("araw araw")[0].message,
            "a reduplication is written with a hyphen; write `araw-araw`"
        );
        for text in [
            "ano ano ang dala mo at sino sino ang dumating",
            "isang araw\naraw ulit",
            "noong isang araw, araw din ng pista",
            "araw-araw araw",
        ] {
            RULE.assert_silent(text);
        }
    }

    #[test]
    fn same_word_ignores_case_in_any_script() {
        assert!(super::same_word("Award", "award"));
        assert!(!super::same_word("Award", "Aware"));
        assert!(super::same_word("Ñino", "ñino"));
        assert!(!super::same_word("Ñino", "nino"));
    }

    #[test]
    fn capitalised_doubles_are_flagged() {
        // Four letters or fewer reads as a doubled nickname.
        RULE.assert_silent("ng Town Town na");
        assert_eq!(
            RULE.flagged("ng Award Award na"),
            ["Award Award"]
        );
    }
}
