use super::{ByteSet, Context, Needs, Reporter, Rule, declare_rule};
use crate::lexicon::looks_foreign;
use crate::text::TokenKind;
use crate::text::tokens::fold;

declare_rule! {
    /// ## What it checks
    /// The d/r alternation of the clitics `din`/`rin`, `daw`/`raw` and the
    /// demonstratives `dito`/`rito`, `doon`/`roon`, `diyan`/`riyan`: the
    /// r-form after a word ending in a vowel or in `w`/`y` (`masaya rin`,
    /// `ikaw raw`), the d-form after a consonant (`malungkot din`).
    ///
    /// ## Why
    /// This is the rule of the KWF *Manwal sa Masinop na Pagsulat*, with its
    /// exception: after a word ending in `-ri`, `-ra`, `-raw` or `-ray` the
    /// d-form stays (`maaari din`, `kapara daw`, `araw daw`). It is off by
    /// default (`--select d-r-alternation`): about 7% of published Filipino
    /// (`pa dito`, `sinasabi din`) does not follow it, so it is a style hint,
    /// not an error. The rule looks only at a clitic that follows its word
    /// after one space, in lower case; it skips a sentence-initial `Dito` or
    /// `Doon`, words after numbers and acronyms, and words that look English
    /// (`file dito`, `device dito`: the final `e` is silent), and, with a
    /// dictionary, any word the dictionary does not know.
    ///
    /// ## Bad
    /// ```text
    /// Masaya din ang mga bata sa parke.
    /// Umalis rin ang bus kaninang umaga.
    /// Nandito na daw ang mga bisita.
    /// Maaari rin kayong sumama.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Masaya rin ang mga bata sa parke.
    /// Umalis din ang bus kaninang umaga.
    /// Nandito na raw ang mga bisita.
    /// Maaari din kayong sumama at ikaw raw ang mauuna.
    /// Dito ka na lang maghintay.
    /// I-save ang file dito.
    /// ```
    ///
    /// ## Fix
    /// Safe: `d` and `r` are swapped.
    pub struct DRAlternation {
        name: "d-r-alternation",
        severity: Info,
        default_enabled: false,
        fix: Safe,
        summary: "din/rin, daw/raw, dito/rito, doon/roon after vowels and consonants (KWF; off by default)",
    }
}

/// The d-form and r-form of each alternating word.
const PAIRS: &[(&str, &str)] = &[
    ("din", "rin"),
    ("daw", "raw"),
    ("dito", "rito"),
    ("doon", "roon"),
    ("diyan", "riyan"),
];

/// The first bytes of the words of [`PAIRS`].
const FIRST: ByteSet = {
    let mut set = ByteSet::EMPTY;
    let mut i = 0;
    while i < PAIRS.len() {
        set = set.union(ByteSet::first_bytes(&[PAIRS[i].0, PAIRS[i].1]));
        i += 1;
    }
    set
};

impl Rule for DRAlternation {
    fn needs(&self) -> Needs {
        Needs::first_bytes(FIRST)
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let tokens = ctx.tokens;
        let seg_end = ctx.segment.range.end;
        for i in 1..tokens.len() {
            if ctx.out_of_time() {
                return;
            }
            let word = ctx.word(i);
            let Some(&(d_form, r_form)) = PAIRS.iter().find(|(d, r)| word == *d || word == *r)
            else {
                continue;
            };
            if ctx.gap_after(i - 1) != " " || tokens[i - 1].kind != TokenKind::Word {
                continue;
            }
            let after = &ctx.source[tokens[i].range.end..seg_end];
            if after.starts_with(['-', '"', '\'', '\u{2019}', '\u{201d}']) {
                continue;
            }
            let prev = ctx.word(i - 1);
            if ctx.source[..tokens[i - 1].range.start].ends_with(['-', '\'', '\u{2019}']) {
                continue; // the end of a hyphenated or contracted word
            }
            let lower_word = prev.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
            let title_word = prev.chars().next().is_some_and(char::is_uppercase)
                && prev.chars().skip(1).all(char::is_lowercase);
            if !(lower_word || title_word) {
                continue; // acronyms, mixed case, digits
            }
            let lower_prev = fold(prev);
            if looks_foreign(&lower_prev) {
                continue;
            }
            if let Some(dict) = ctx.dictionary
                && !dict.contains(&lower_prev)
            {
                continue;
            }
            let Some(want_r) = wants_r(&lower_prev) else {
                continue;
            };
            let expected = if want_r { r_form } else { d_form };
            if word == expected {
                continue;
            }
            let range = tokens[i].range.clone();
            let why = if want_r {
                "after a vowel or `w`/`y`".to_string()
            } else if ends_with_r_syllable(&lower_prev) {
                format!("after `-{}`", r_ending(&lower_prev))
            } else {
                "after a consonant".to_string()
            };
            out.report(range.clone(), format!("write `{expected}` {why} (`{prev} {expected}`)")).replace(expected);
        }
    }
}

/// `Some(true)` when the r-form follows `prev`, `Some(false)` for the d-form.
fn wants_r(prev: &str) -> Option<bool> {
    let last = prev.chars().last()?;
    if ends_with_r_syllable(prev) {
        return Some(false);
    }
    Some(matches!(last, 'a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'y'))
}

/// The KWF exception: `-ri`, `-ra`, `-raw`, `-ray` keep the d-form.
fn ends_with_r_syllable(prev: &str) -> bool {
    ["ri", "ra", "raw", "ray"].iter().any(|e| prev.ends_with(e))
}

fn r_ending(prev: &str) -> &'static str {
    ["raw", "ray", "ri", "ra"]
        .into_iter()
        .find(|e| prev.ends_with(e))
        .unwrap_or("r")
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::DRAlternation);

    #[test]
    fn the_prefilter_covers_the_pairs() {
        let words: Vec<&str> = super::PAIRS.iter().flat_map(|&(d, r)| [d, r]).collect();
        crate::rules::testing::assert_needs_cover(&DRAlternation, &words);
    }

    
    use crate::input::{Document, Format};
    use crate::rules::{ALL, DRAlternation};
    use crate::{Applicability, Checker, fix::fix_document};

    fn checker() -> Checker {
        RULE.checker()
    }

    fn fixed(text: &str) -> String {
        let doc = Document::new("t.txt", text, Format::Plain);
        fix_document(&checker(), &doc, Applicability::Safe).text
    }

    fn found(text: &str) -> usize {
        checker()
            .check(&Document::new("t.txt", text, Format::Plain))
            .len()
    }

    #[test]
    fn off_by_default() {
        const { assert!(!DRAlternation::META.default_enabled) };
        assert!(ALL.iter().any(|r| r.meta().name == "d-r-alternation"));
        let text = "Masaya din ang mga bata.";
        let doc = Document::new("t.txt", text, Format::Plain);
        assert!(crate::rules::testing::checker().check(&doc).is_empty());
        assert_eq!(RULE.flagged(text), ["din"]);
    }

    #[test]
    fn vowels_take_r_consonants_take_d() {
        assert_eq!(fixed("masaya din"), "masaya rin");
        assert_eq!(fixed("ikaw daw"), "ikaw raw");
        assert_eq!(fixed("bahay dito"), "bahay rito");
        assert_eq!(fixed("umalis rin"), "umalis din");
        assert_eq!(fixed("pinsan raw"), "pinsan daw");
        assert_eq!(fixed("pumunta doon"), "pumunta roon");
        assert_eq!(fixed("Aalis riyan"), "Aalis diyan");
        let d = checker().check(&Document::new("t.txt", "masaya din", Format::Plain));
        assert_eq!(
            d[0].message,
            "write `rin` after a vowel or `w`/`y` (`masaya rin`)"
        );
    }

    #[test]
    fn kwf_exceptions() {
        assert_eq!(fixed("maaari rin"), "maaari din");
        assert_eq!(fixed("araw raw"), "araw daw");
        assert_eq!(found("maaari din at kapara daw at biray din"), 0);
    }

    #[test]
    fn skipped_contexts() {
        for text in [
            "Dito ka na lang.",
            "Doon sila nakatira.",
            "ang file dito at ang device dito",
            "sa DOH din at sa 2024 din",
            "Oo, dito ka na.",
            "ang taga-Cebu din",
            "sabi niya \"din\"",
            "ng iPhone din",
        ] {
            assert_eq!(found(text), 0, "{text}");
        }
    }

    #[test]
    fn a_dictionary_skips_unknown_words() {
        let dict = crate::lexicon::Dictionary::from_words(["masaya"]);
        let c = checker().with_dictionary(Some(dict));
        let doc = Document::new("t.txt", "masaya din at basketbola din", Format::Plain);
        assert_eq!(c.check(&doc).len(), 1);
    }
}
