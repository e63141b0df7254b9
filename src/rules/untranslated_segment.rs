use super::extract::{emails, placeholders, urls};
use super::{Reporter, Rule, UnitContext, declare_rule};
use crate::lexicon::{is_english_function_word, is_filipino_marker};

declare_rule! {
    /// ## What it checks
    /// A translation that is the same as its source, or mostly English, for
    /// a value long enough to need translating: at least two words that are
    /// not names (written in lower case), or for "mostly English", at least
    /// four words with two or more English function words (`the`, `of`,
    /// `your`) and no Filipino ones (`ang`, `ng`, `sa`). Placeholders, tags,
    /// URLs and e-mail addresses are not words.
    ///
    /// Values that may stay as they are (`OK`, `Wi-Fi`, brand names) go in
    /// the configuration's `allow-untranslated` list; names in the glossary
    /// and values of capitalised words (`Google Maps`) are never reported.
    ///
    /// Only for translations whose source is known.
    ///
    /// ## Why
    /// Machine translation leaves strings it cannot parse untouched, and
    /// auto-translated locale files keep English where a request failed.
    ///
    /// ## Bad
    /// ```text
    /// Save your changes → Save your changes
    /// Check your inbox for the link. → Check your inbox for the link po.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Save your changes → I-save ang iyong mga pagbabago
    /// Google Maps → Google Maps
    /// ```
    pub struct UntranslatedSegment {
        name: "untranslated-segment",
        severity: Warning,
        fix: None,
        summary: "A translation identical to its source, or mostly English",
    }
}

/// The words of `text`, placeholders, tags, URLs and addresses left out.
fn words(text: &str) -> Vec<String> {
    let mut cut: Vec<std::ops::Range<usize>> =
        placeholders(text).into_iter().map(|p| p.range).collect();
    cut.extend(urls(text).into_iter().map(|u| u.0));
    cut.extend(emails(text).into_iter().map(|u| u.0));
    // Marked once per cut, so a value of thousands of tags stays linear.
    let mut blank = vec![false; text.len()];
    for r in cut {
        blank[r].fill(true);
    }
    let mut clean = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        clean.push(if blank[i] { ' ' } else { c });
    }
    clean
        .split(|c: char| !(c.is_alphabetic() || c == '\''))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .map(str::to_string)
        .collect()
}

impl Rule for UntranslatedSegment {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let Some(source) = ctx.source() else {
            return;
        };
        let target = ctx.target.trim();
        if target.is_empty()
            || ctx
                .allow_untranslated
                .iter()
                .any(|a| a.trim().eq_ignore_ascii_case(target))
            || ctx.glossary.terms().iter().any(|t| {
                t.canonical.eq_ignore_ascii_case(target)
                    || t.variants.iter().any(|v| v.eq_ignore_ascii_case(target))
            })
        {
            return;
        }
        let tw = words(target);
        let lower_words = tw
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .count();
        if target == source.trim() && lower_words >= 2 {
            out.report(ctx.value_span(), "the translation is the same as the source");
            return;
        }
        let folded: Vec<String> = tw.iter().map(|w| w.to_lowercase()).collect();
        let english = folded
            .iter()
            .filter(|w| is_english_function_word(w))
            .count();
        let filipino = folded.iter().filter(|w| is_filipino_marker(w)).count();
        if folded.len() >= 4 && english >= 2 && filipino <= 1 && english > filipino {
            out.report(ctx.value_span(), "the translation is mostly English");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::UntranslatedSegment);

    #[test]
    fn same_as_source_or_english() {
        assert_eq!(
            RULE.pair_findings(
                "Delete this file?",
                "Delete this file?"),
            [(
                "Delete this file?".to_string(),
                "the translation is the same as the source".to_string(),
                None
            )]
        );
        assert_eq!(
            RULE.pair_findings(
                "Click here to see all of your files",
                "Click here to see all of your files ngayon")[0]
            .1,
            "the translation is mostly English"
        );
    }

    #[test]
    fn short_names_and_placeholders_are_silent() {
        for s in [
            "OK",
            "Wi-Fi",
            "{{count}} / {{total}}",
            "Google Maps",
            "iPhone",
            "Email",
        ] {
            assert!(
                RULE.pair_findings(s, s).is_empty(),
                "{s}"
            );
        }
        assert!(
            RULE.pair_findings(
                "Delete this file?",
                "Burahin ang file na ito?")
            .is_empty()
        );
    }
}
