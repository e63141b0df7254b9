use std::ops::Range;

use super::{Context, Needs, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;
use crate::text::MarkKind;

declare_rule! {
    /// ## What it checks
    /// Punctuation that machine translation garbles:
    /// - a full stop or a comma written twice (`dumalo..`, `isa,, dalawa`);
    /// - French or German quotation marks (`«paghahanap»`, `„oo“`), which
    ///   Filipino does not use;
    /// - a Filipino abbreviation run into what is left of the English one
    ///   it replaced (`hal.g.` for `e.g.`, `atbp.c.`).
    ///
    /// ## Why
    /// Filipino punctuation follows English: one full stop, quotation marks
    /// `“ ”` or `" "` (KWF, *Ortograpiyang Pambansa*). Engines trained on
    /// other languages' text bring their quotation marks along, and
    /// translating an abbreviation letter by letter leaves its tail. An
    /// ellipsis (`...`, `…`), a relative path (`../`) and a range (`1..5`)
    /// are left alone.
    ///
    /// ## Bad
    /// ```text
    /// Marami ang dumalo.. Umuwi sila nang masaya.
    /// Walang resulta para sa «aso» ngayon.
    /// Gumamit ng prutas, hal.g., mangga at saging.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Marami ang dumalo... Umuwi sila nang masaya.
    /// Walang resulta para sa “aso” ngayon.
    /// Gumamit ng prutas, hal., mangga at saging, at buksan ang ../tala.txt.
    /// ```
    ///
    /// ## Fix
    /// Safe for a doubled comma (one goes) and for quotation marks around
    /// what the source quotes with its own marks (the source's are written
    /// instead, as the file escapes them: `«{query}»` → `\"{query}\"`).
    /// Unsafe otherwise: a doubled full stop may have been an ellipsis,
    /// quotation marks become `“ ”`, and the tail of an abbreviation is
    /// dropped (`hal.g.` → `hal.`).
    pub struct PunctuationArtifact {
        name: "punctuation-artifact",
        severity: Warning,
        fix: SafeOrUnsafe,
        summary: "Punctuation garbled by machine translation: `..`, `,,`, `«»` quotes, `hal.g.` for `e.g.`",
    }
}

impl Rule for PunctuationArtifact {
    fn needs(&self) -> Needs {
        Needs::marks(&[MarkKind::Period, MarkKind::Comma, MarkKind::Symbol])
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let text = ctx.text();
        let base = ctx.segment.range.start;
        doubled_marks(text, base, out);
        foreign_quotes(ctx, text, base, out);
        garbled_abbreviations(text, base, out);
    }
}

/// `..` and `,,` that are no ellipsis, path or range.
fn doubled_marks(text: &str, base: usize, out: &mut Reporter<'_>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        let c = bytes[i];
        if !matches!(c, b'.' | b',') || bytes[i + 1] != c {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == c).count();
        let before = text[..i].chars().next_back();
        let after = text[i + run..].chars().next();
        let span = base + i..base + i + run;
        let prose = before.is_some_and(|b| b.is_alphabetic() || matches!(b, ')' | '”' | '"'))
            && after.is_none_or(|a| a.is_whitespace() || a.is_alphabetic());
        if run == 2 && prose {
            let edit = Edit::delete(span.start..span.start + 1);
            if c == b'.' {
                out.report(span, "a full stop written twice")
                    .suggest(".")
                    .fix_unsafe(edit);
            } else {
                out.report(span, "a comma written twice")
                    .suggest(",")
                    .fix_safe(edit);
            }
        }
        i += run;
    }
}

/// Guillemets and German quotation marks, each pair reported once.
fn foreign_quotes(ctx: &Context<'_>, text: &str, base: usize, out: &mut Reporter<'_>) {
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{ab}' | '\u{201e}' | '\u{2039}' => open = Some((i, c)),
            '\u{bb}' | '\u{201c}' | '\u{203a}' => {
                let Some((start, opener)) = open.take() else {
                    continue;
                };
                if !closes(opener, c) {
                    continue;
                }
                let inner = &text[start + opener.len_utf8()..i];
                let span = base + start..base + i + c.len_utf8();
                let message = format!(
                    "`{opener}` and `{c}` are not Filipino quotation marks; write “{inner}”"
                );
                let finding = out.report(span.clone(), message);
                let (open_edit, close_edit) = (
                    span.start..span.start + opener.len_utf8(),
                    span.end - c.len_utf8()..span.end,
                );
                match source_quotes(ctx, inner) {
                    Some((q_open, q_close)) => {
                        finding
                            .suggest(format!("{q_open}{inner}{q_close}"))
                            .fix_edits_safe(vec![
                                Edit::replace(open_edit, q_open),
                                Edit::replace(close_edit, q_close),
                            ]);
                    }
                    None => {
                        finding
                            .suggest(format!("\u{201c}{inner}\u{201d}"))
                            .fix_edits_unsafe(vec![
                                Edit::replace(open_edit, "\u{201c}"),
                                Edit::replace(close_edit, "\u{201d}"),
                            ]);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether `close` closes `open`: `«»`, `‹›`, `„“`.
fn closes(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('\u{ab}', '\u{bb}') | ('\u{2039}', '\u{203a}') | ('\u{201e}', '\u{201c}')
    )
}

/// The quotation marks the unit's source puts around `inner` (its decoded
/// text: the fix encoder writes them as the file needs, `\"` in a JSON
/// string).
fn source_quotes(ctx: &Context<'_>, inner: &str) -> Option<(String, String)> {
    let source = ctx.unit()?.source.as_deref()?;
    if inner.is_empty() {
        return None;
    }
    const QUOTES: &[(&str, &str)] = &[
        ("\u{201c}", "\u{201d}"),
        ("\"", "\""),
        ("'", "'"),
        ("\u{2018}", "\u{2019}"),
    ];
    QUOTES.iter().find_map(|&(o, c)| {
        source
            .contains(&format!("{o}{inner}{c}"))
            .then(|| (o.to_string(), c.to_string()))
    })
}

/// Filipino abbreviations that machine translation puts for English ones,
/// with the English tail it leaves: `hal.g.` (`e.g.`), `atbp.c.`.
fn garbled_abbreviations(text: &str, base: usize, out: &mut Reporter<'_>) {
    for abbreviation in ["hal.", "Hal.", "atbp.", "Atbp."] {
        for (at, _) in text.match_indices(abbreviation) {
            let before = text[..at].chars().next_back();
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let rest = &text[at + abbreviation.len()..];
            let Some(tail) = leftover_tail(rest) else {
                continue;
            };
            let span: Range<usize> = base + at..base + at + abbreviation.len() + tail;
            out.report(
                span.clone(),
                format!(
                    "`{}` is `{abbreviation}` run into what is left of an English abbreviation",
                    &text[at..at + abbreviation.len() + tail]
                ),
            )
            .suggest(abbreviation)
            .fix_unsafe(Edit::delete(span.end - tail..span.end));
        }
    }
}

/// One or two lower-case letters and a full stop (`g.` of `e.g.`), not the
/// start of a word: their length.
fn leftover_tail(rest: &str) -> Option<usize> {
    let letters = rest.chars().take_while(char::is_ascii_lowercase).count();
    let after = rest[letters..].chars().next();
    ((1..=2).contains(&letters) && after == Some('.')).then_some(letters + 1)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::PunctuationArtifact);

    #[test]
    fn doubled_marks() {
        RULE.assert_fixed("Ayon sa kanila,, tama iyon.", "Ayon sa kanila, tama iyon.");
        RULE.assert_fixed_with(
            "Marami ang dumalo.. Umuwi sila.",
            "Marami ang dumalo. Umuwi sila.",
            crate::Applicability::Unsafe,
        );
        assert_eq!(RULE.check("dumalo..")[0].message, "a full stop written twice");
        for silent in [
            "Naghintay kami... at wala.",
            "Buksan ang ../tala.txt at ang ..\\lumang.txt",
            "Mula 1..5 ang bilang.",
            "Ito ang v2.. at iba pa",
        ] {
            RULE.assert_silent(silent);
        }
    }

    #[test]
    fn foreign_quotation_marks() {
        RULE.assert_fixed_with(
            "Walang resulta para sa «aso» at „pusa“ ngayon.",
            "Walang resulta para sa “aso” at “pusa” ngayon.",
            crate::Applicability::Unsafe,
        );
        assert_eq!(
            RULE.check("Hanapin ang «aso».")[0].message,
            "`«` and `»` are not Filipino quotation marks; write “aso”"
        );
        RULE.assert_silent("Sabi niya “oo” at \"hindi\".");
    }

    #[test]
    fn the_source_quotes_decide_the_fix() {
        let found = RULE.pair_findings(
            r#"{"a": "No results for \"{query}\""}"#,
            r#"{"a": "Walang resulta para sa «{query}»"}"#,
        );
        assert_eq!(
            found[0].2.as_deref(),
            Some(r#"{"a": "Walang resulta para sa \"{query}\""}"#)
        );
        let doc = crate::rules::testing::example_document(
            r#"{"a": "No results for \"{query}\""} → {"a": "Walang resulta para sa «{query}»"}"#,
        );
        let fixed = crate::fix::fix_document(&RULE.checker(), &doc, crate::Applicability::Safe);
        assert_eq!(fixed.text, r#"{"a": "Walang resulta para sa \"{query}\""}"#);
    }

    #[test]
    fn garbled_abbreviations() {
        RULE.assert_fixed_with(
            "Gumamit ng prutas, hal.g., mangga.",
            "Gumamit ng prutas, hal., mangga.",
            crate::Applicability::Unsafe,
        );
        assert_eq!(RULE.flagged("Mga bagay, atbp.c. at iba"), ["atbp.c."]);
        for silent in ["Gumamit ng prutas, hal., mangga.", "Halimbawa: hal. mangga.", "ang hal.Mangga", "pihal.ga."] {
            RULE.assert_silent(silent);
        }
    }
}
