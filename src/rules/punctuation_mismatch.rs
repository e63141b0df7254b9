use super::helpers::trail;
use super::{Reporter, Rule, UnitContext, declare_rule};
use crate::diagnostic::Edit;

declare_rule! {
    /// ## What it checks
    /// A value whose final punctuation differs from its source's: a final
    /// `:`, `...` (or `…`), `?` or `.` of the source dropped or changed, or
    /// a `.` added to a source that ends without punctuation (a button or
    /// menu label). Closing quotes and brackets after the mark are looked
    /// through.
    ///
    /// Only for values of localisation files whose source is known.
    ///
    /// ## Why
    /// A label ending in `:` introduces a field; `...` on a menu item means
    /// a dialog follows; machine translation drops both, and adds full stops
    /// to labels that had none.
    ///
    /// ## Bad
    /// ```text
    /// {"a": "Email address:"} → {"a": "Email address"}
    /// {"a": "Save as..."} → {"a": "I-save bilang"}
    /// {"a": "Cancel"} → {"a": "Kanselahin."}
    /// ```
    ///
    /// ## Good
    /// ```text
    /// {"a": "Email address:"} → {"a": "Email address:"}
    /// {"a": "Save as..."} → {"a": "I-save bilang…"}
    /// ```
    ///
    /// ## Fix
    /// Unsafe: the source's final mark replaces or joins the value's, or the
    /// added full stop is removed (not the period of an abbreviation such as
    /// `Ltd.`, which `company-suffix` adds).
    pub struct PunctuationMismatch {
        name: "punctuation-mismatch",
        severity: Warning,
        fix: Unsafe,
        summary: "Final punctuation of a value differs from the source's (a `:` or `...` dropped)",
    }
}

/// The final mark of `s` (blanks and closing quotes and brackets looked
/// through): its byte range in `s` and its kind (`…` for `...`).
/// `None` when the value ends in a way that cannot be judged (a lone
/// backslash: an escape that must not be split).
fn final_mark(s: &str) -> Option<(std::ops::Range<usize>, Option<&'static str>)> {
    let body = &s[..s.len() - trail(s)];
    let mut body = body;
    // Closing quotes and brackets, also escaped (`\"`), as a whole.
    loop {
        let t = body.trim_end_matches([')', ']', '\u{201d}', '\u{2019}', '\u{bb}']);
        let t = t
            .strip_suffix("\\\"")
            .or_else(|| t.strip_suffix("\\'"))
            .or_else(|| t.strip_suffix(['"', '\'']))
            .unwrap_or(t);
        if t.len() == body.len() {
            break;
        }
        body = t;
    }
    if body.ends_with('\\') && !body.ends_with("\\\\") {
        // A lone backslash left at the end: never split an escape.
        return None;
    }
    let end = body.len();
    for (mark, kind) in [
        ("...", "…"),
        ("…", "…"),
        (":", ":"),
        ("?", "?"),
        ("!", "!"),
        (".", "."),
    ] {
        if body.ends_with(mark) {
            return Some((end - mark.len()..end, Some(kind)));
        }
    }
    Some((end..end, None))
}

/// Whether `s` ends with an abbreviation that takes a period (`Ltd`,
/// `Inc`, `Jr`).
fn ends_with_abbreviation(s: &str) -> bool {
    let word = s
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    crate::lexicon::is_abbreviation(&word.to_lowercase())
}

impl Rule for PunctuationMismatch {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let Some((source, target)) = ctx.value_texts() else {
            return;
        };
        let (Some((srange, smark)), Some((trange, tmark))) =
            (final_mark(source), final_mark(target))
        else {
            return;
        };
        if smark == tmark {
            return;
        }
        let span = ctx.span(trange.clone());
        match smark {
            Some(":" | "…" | "?" | ".") => {
                let written = &source[srange];
                let message = match tmark {
                    Some(_) => format!(
                        "the source ends with `{written}`, the translation with `{}`",
                        &target[trange]
                    ),
                    None => format!("the source ends with `{written}`, the translation does not"),
                };
                out.report(span.clone(), message).replace(written);
            }
            // Not when the mark is all the value has, nor when it ends an
            // abbreviation (`Co., Ltd.`: `company-suffix` wants it).
            None if tmark == Some(".")
                && target[..trange.start].chars().any(char::is_alphanumeric)
                && !ends_with_abbreviation(&target[..trange.start]) =>
            {
                out.report(span.clone(), "the translation ends with `.`, the source does not").suggest("").fix(Edit::delete(span));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::PunctuationMismatch);

    fn found(s: &str, t: &str) -> Vec<(String, String, Option<String>)> {
        RULE.pair_findings(
            &format!(r#"{{"a": "{s}"}}"#),
            &format!(r#"{{"a": "{t}"}}"#))
    }

    #[test]
    fn dropped_changed_and_added_marks() {
        assert_eq!(
            found("Email:", "Email"),
            [(
                String::new(),
                "the source ends with `:`, the translation does not".to_string(),
                Some(r#"{"a": "Email:"}"#.to_string())
            )]
        );
        assert_eq!(
            found("Open...", "Buksan."),
            [(
                ".".to_string(),
                "the source ends with `...`, the translation with `.`".to_string(),
                Some(r#"{"a": "Buksan..."}"#.to_string())
            )]
        );
        assert_eq!(
            found("Cancel", "Kanselahin."),
            [(
                ".".to_string(),
                "the translation ends with `.`, the source does not".to_string(),
                Some(r#"{"a": "Kanselahin"}"#.to_string())
            )]
        );
    }

    #[test]
    fn equivalent_and_ignored_marks() {
        for (s, t) in [
            ("Open...", "Buksan…"),
            ("Say \\\"hi.\\\"", "Sabihin ang \\\"hi.\\\""),
            ("Great!", "Magaling"),
            ("Done", "Tapos na!"),
            ("Acme Co, Ltd", "Acme Co., Ltd."),
        ] {
            assert!(found(s, t).is_empty(), "{s} → {t}: {:?}", found(s, t));
        }
    }
}
