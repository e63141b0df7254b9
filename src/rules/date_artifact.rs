use super::{Context, Needs, Reporter, Rule, declare_rule};
use crate::lexicon::set::WordSet;
use crate::text::TokenKind;
use crate::text::tokens::fold;

declare_rule! {
    /// ## What it checks
    /// A date with stray digits glued to its year: `JUL-04-20244804`,
    /// `HUL-04-20249917`, `04-JUL-20241`, `2024-07-0412`, `04/07/202412`,
    /// `Hulyo 4, 20244804`.
    ///
    /// ## Why
    /// Machine translation and the pipelines around it join a date to the
    /// next number (a page number, a view counter, an article id). The year
    /// then has five or more digits. Where the date ends is a guess, so the
    /// rule reports and suggests the likely date but does not fix it.
    ///
    /// ## Bad
    /// ```text
    /// Petsa ng paglathala: JUL-04-20244804
    /// Inilabas noong HUL-04-20249917 ang ulat.
    /// Huling binago: 2024-07-0412
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Petsa ng paglathala: JUL-04-2024
    /// Inilabas noong HUL-04-2024 ang ulat na may 4804 na pahina.
    /// Huling binago: 2024-07-04, bersiyon 12.
    /// ```
    ///
    /// ## Fix
    /// None: the split between date and number is ambiguous.
    pub struct DateArtifact {
        name: "date-artifact",
        severity: Error,
        fix: None,
        summary: "Date glued to stray digits (`JUL-04-20244804`)",
    }
}

/// English and Filipino month abbreviations, lower-case.
const MONTHS: &[&str] = &[
    "abr", "ago", "apr", "aug", "dec", "dis", "ene", "feb", "hul", "hun", "jan", "jul", "jun",
    "mar", "may", "nob", "nov", "oct", "okt", "peb", "sep", "set",
];

impl Rule for DateArtifact {
    /// Every pattern holds a day, a month number or a year in digits.
    fn needs(&self) -> Needs {
        Needs::numbers()
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let tokens = ctx.tokens;
        let mut i = 0;
        while i + 2 < tokens.len() {
            if ctx.out_of_time() {
                return;
            }
            let sep = ctx.gap_after(i);
            // Every pattern is a month name, a space and a day of one or two
            // digits; or three parts with the same `-`, `/` or `.` between.
            let plausible = match sep {
                " " => tokens[i + 1].kind == TokenKind::Number && tokens[i + 1].range.len() <= 2,
                "-" | "/" | "." => ctx.gap_after(i + 1) == sep,
                _ => false,
            };
            if !plausible {
                i += 1;
                continue;
            }
            let (a, b, c) = (ctx.word(i), ctx.word(i + 1), ctx.word(i + 2));
            // `Hulyo 4, 20244804`: a month name, a day, a comma, the year.
            if sep == " "
                && is_day(b)
                && is_month_name(a)
                && ctx.gap_after(i + 1) == ", "
                && tokens[i + 2].kind == TokenKind::Number
                && !glued_before(ctx, i)
                && let Some(year) = long_year(c)
            {
                let span = tokens[i].range.start..tokens[i + 2].range.end;
                let likely = format!("{a} {b}, {year}");
                out.report(span, format!(
                            "date followed by stray digits `{}`; probably `{likely}` and a separate number",
                            &c[4..]
                        )).suggest(likely);
                i += 3;
                continue;
            }
            // The rest need the same `-`, `/` or `.` twice (`plausible`
            // checked the second).
            if sep == " " {
                i += 1;
                continue;
            }
            let glued_after = ctx.source[tokens[i + 2].range.end..ctx.segment.range.end]
                .chars()
                .next()
                .is_some_and(|ch| ch.is_alphanumeric());
            if glued_after || glued_before(ctx, i) {
                i += 1;
                continue;
            }
            let likely = if is_month(a) && is_day(b) && tokens[i + 2].kind == TokenKind::Number {
                // MON-DD-YYYY…
                long_year(c).map(|y| format!("{a}{sep}{b}{sep}{y}"))
            } else if is_day(a) && is_month(b) && tokens[i + 2].kind == TokenKind::Number {
                // DD-MON-YYYY…
                long_year(c).map(|y| format!("{a}{sep}{b}{sep}{y}"))
            } else if is_year(a) && is_month_number(b) && is_long_day(c) {
                // YYYY-MM-DD…
                Some(format!("{a}{sep}{b}{sep}{}", &c[..2]))
            } else if is_day(a) && is_day(b) && tokens[i + 2].kind == TokenKind::Number {
                // DD/MM/YYYY…
                long_year(c).map(|y| format!("{a}{sep}{b}{sep}{y}"))
            } else {
                None
            };
            if let Some(likely) = likely {
                let span = tokens[i].range.start..tokens[i + 2].range.end;
                let text = &ctx.source[span.clone()];
                let stray = &text[likely.len()..];
                out.report(span, format!(
                            "date followed by stray digits `{stray}`; probably `{likely}` and a separate number"
                        )).suggest(likely);
                i += 3;
                continue;
            }
            i += 1;
        }
    }
}

/// A letter, digit or separator right before token `i` (part of a longer
/// code such as `ID-JUL-04-20241`).
fn glued_before(ctx: &Context<'_>, i: usize) -> bool {
    ctx.source[..ctx.tokens[i].range.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | '_'))
}

fn is_month(word: &str) -> bool {
    word.len() == 3
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && (word.chars().all(|c| c.is_ascii_uppercase())
            || word[1..].chars().all(|c| c.is_ascii_lowercase()))
        && MONTHS.contains(&fold(word).as_str())
}

/// Full month names, English and Filipino, capitalised.
const MONTH_NAMES: &[&str] = &[
    "Abril",
    "Agosto",
    "April",
    "August",
    "December",
    "Disyembre",
    "Enero",
    "February",
    "Hulyo",
    "Hunyo",
    "January",
    "July",
    "June",
    "Marso",
    "March",
    "May",
    "Mayo",
    "Nobyembre",
    "November",
    "October",
    "Oktubre",
    "Pebrero",
    "September",
    "Setyembre",
];

fn is_month_name(word: &str) -> bool {
    MONTH_NAMES_SET.contains(word)
}

static MONTH_NAMES_SET: WordSet = WordSet::new(MONTH_NAMES);

fn number(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 9 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

fn is_day(word: &str) -> bool {
    (1..=2).contains(&word.len()) && number(word).is_some_and(|d| (1..=31).contains(&d))
}

fn is_month_number(word: &str) -> bool {
    word.len() == 2 && number(word).is_some_and(|m| (1..=12).contains(&m))
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && number(word).is_some_and(|y| (1900..=2099).contains(&y))
}

/// A year of 19xx/20xx followed by one or more stray digits: the year.
fn long_year(word: &str) -> Option<&str> {
    (word.len() > 4 && word.bytes().all(|b| b.is_ascii_digit()) && is_year(&word[..4]))
        .then(|| &word[..4])
}

/// A two-digit day followed by stray digits (`0412`).
fn is_long_day(word: &str) -> bool {
    word.len() > 2 && word.bytes().all(|b| b.is_ascii_digit()) && is_day(&word[..2])
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::DateArtifact);

    #[test]
    fn the_prefilter_lets_every_date_through() {
        crate::rules::testing::assert_needs_cover(
            &super::DateArtifact,
            &["Hulyo 4, 20244", "JUL-04-20241", "04-JUL-20241", "2024-07-0412"],
        );
    }


    #[test]
    fn glued_dates_are_reported_without_a_fix() {
        for (text, date, likely) in [
            ("Petsa: JUL-04-20244804", "JUL-04-20244804", "JUL-04-2024"),
            (
                "noong HUL-04-20249917 ang",
                "HUL-04-20249917",
                "HUL-04-2024",
            ),
            ("noong 04-Hul-20241.", "04-Hul-20241", "04-Hul-2024"),
            ("binago: 2024-07-0412", "2024-07-0412", "2024-07-04"),
            ("sa 04/07/202412", "04/07/202412", "04/07/2024"),
            (
                "noong Hulyo 4, 20244804.",
                "Hulyo 4, 20244804",
                "Hulyo 4, 2024",
            ),
        ] {
            assert_eq!(RULE.flagged(text), [date]);
            let d = &RULE.check(text)[0];
            assert_eq!(d.suggestion.as_deref(), Some(likely));
            assert!(d.fix.is_none());
        }
        assert_eq!(
            RULE.check("Petsa: JUL-04-20244804")[0].message,
            "date followed by stray digits `4804`; probably `JUL-04-2024` and a separate number"
        );
    }

    #[test]
    fn real_dates_codes_and_scores_are_silent() {
        for text in [
            "JUL-04-2024 at 2024-07-04 at 04/07/2024",
            "ang iskor na 84-83 at 12-10-2023",
            "code ID-JUL-04-20241 at JUL-04-20241X",
            "MAY-04-99999",
            "Mar-04-2024",
            "noong ika-4 ng Hulyo 2024",
            "noong Hulyo 4, 2024 at May 5, 12345 na tao",
        ] {
            RULE.assert_silent(text);
        }
    }
}
