use super::extract::{Number, numbers, spelled};
use super::{Reporter, Rule, UnitContext, declare_rule};
use crate::diagnostic::Edit;

declare_rule! {
    /// ## What it checks
    /// Every number of the source appears in the translation with the same
    /// value, and the translation adds none. Grouping and decimal marks may
    /// change (`1,500`, `1 500` and `1.500` are all fifteen hundred; `2.5`
    /// and `2,5` are two and a half), and a number from one to ten may be
    /// spelled out in Filipino, with or without its linker (`3` →
    /// `tatlo`, `tatlong`; `4` → `apat`) or in the Spanish-derived words used
    /// for prices and times (`dos`, `tres`). Numbers inside placeholders,
    /// URLs and e-mail addresses, or glued to letters (`mp3`, `2FA`), are not
    /// compared.
    ///
    /// Only for translations whose source is known.
    ///
    /// ## Why
    /// Machine translation drops numbers, swaps digits, and garbles dates
    /// and amounts. Filipino writes numbers as English does (comma for
    /// thousands, point for decimals, as in the Komisyon sa Wikang Filipino's
    /// style guide and Philippine newspapers), and spells out small counts in
    /// running text (`tatlong araw`), so those differences are accepted.
    ///
    /// ## Bad
    /// ```text
    /// Only 1,500 seats left. → 1,050 na upuan na lang ang natitira.
    /// Save 20% today. → Makatipid ngayon.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Only 1,500 seats left. → 1,500 na upuan na lang ang natitira.
    /// Wait 3 days. → Maghintay ng tatlong araw.
    /// ```
    ///
    /// ## Fix
    /// Unsafe, when one number of the translation is not in the source and
    /// one of the source is missing: the source's number replaces it.
    pub struct NumberMismatch {
        name: "number-mismatch",
        severity: Error,
        fix: Unsafe,
        summary: "A number of the source missing or changed in the translation",
    }
}

/// English words for one to ten, for a source that spells a number the
/// translation writes in digits.
fn english(n: u32) -> &'static str {
    [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ][n as usize]
}

fn small(n: &Number) -> Option<u32> {
    n.values
        .first()
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|v| (1..=10).contains(v))
}

fn has_word(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| words.contains(&w))
}

impl Rule for NumberMismatch {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let Some(source) = ctx.translated_source() else {
            return;
        };
        let mut missing = numbers(source);
        let mut extra = Vec::new();
        for t in numbers(&ctx.target) {
            match missing
                .iter()
                .position(|s| s.values.iter().any(|v| t.values.contains(v)))
            {
                Some(i) => {
                    missing.remove(i);
                }
                None => extra.push(t),
            }
        }
        // Spelled-out small numbers, either way.
        missing.retain(|s| !small(s).is_some_and(|n| has_word(&ctx.target, spelled(n))));
        extra.retain(|t| !small(t).is_some_and(|n| has_word(source, &[english(n)])));
        if missing.len() == 1 && extra.len() == 1 {
            let (s, t) = (&missing[0], &extra[0]);
            let span = ctx.span(t.range.clone());
            out.report(span.clone(), format!("`{}` does not match the source's `{}`", t.text, s.text)).suggest(s.text.clone()).fix(Edit::replace(span, s.text.clone()));
            return;
        }
        for t in &extra {
            out.report(ctx.span(t.range.clone()), format!("`{}` is not a number of the source", t.text));
        }
        if !missing.is_empty() {
            let list: Vec<String> = missing.iter().map(|s| format!("`{}`", s.text)).collect();
            out.report(ctx.value_span(), format!(
                    "the source's {} {} missing",
                    list.join(", "),
                    if list.len() == 1 { "is" } else { "are" }
                ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::NumberMismatch);

    fn messages(source: &str, target: &str) -> Vec<(String, String)> {
        RULE.pair_findings(source, target)
            .into_iter()
            .map(|f| (f.0, f.1))
            .collect()
    }

    #[test]
    fn changed_number_with_fix() {
        assert_eq!(
            RULE.pair_findings(
                "Only 1,500 seats.",
                "1,050 na upuan lang."),
            [(
                "1,050".to_string(),
                "`1,050` does not match the source's `1,500`".to_string(),
                Some("1,500 na upuan lang.".to_string())
            )]
        );
    }

    #[test]
    fn missing_and_extra_numbers() {
        assert_eq!(
            messages("From 9 to 5, 2 breaks.", "Mula alas-nuwebe, may pahinga."),
            [(
                "Mula alas-nuwebe, may pahinga.".to_string(),
                "the source's `5`, `2` are missing".to_string()
            )]
        );
        assert_eq!(
            messages("Open now.", "Bukas ngayon, 24 at 7."),
            [
                (
                    "24".to_string(),
                    "`24` is not a number of the source".to_string()
                ),
                (
                    "7".to_string(),
                    "`7` is not a number of the source".to_string()
                ),
            ]
        );
    }

    #[test]
    fn formatting_and_spelled_numbers_are_accepted() {
        for (s, t) in [
            ("1,500 users", "1 500 na user"),
            ("2.5 km", "2,5 km"),
            ("3 days", "tatlong araw"),
            ("two steps", "2 hakbang"),
            ("Call %1$s at 10:30", "Tawagan si %1$s nang 10:30"),
            ("Visit https://x.ph/2024", "Bisitahin ang https://x.ph/2024"),
        ] {
            assert!(messages(s, t).is_empty(), "{s} → {t}: {:?}", messages(s, t));
        }
    }
}
