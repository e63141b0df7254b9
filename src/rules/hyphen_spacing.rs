use super::{Context, Needs, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;
use crate::lexicon::{
    Dictionary, Prefix, is_clock_word, is_compound, is_spelled_cardinal, is_function_word, is_particle, looks_foreign, prefix,
};
use crate::text::MarkKind;
use crate::text::tokens::{fold, starts_upper};

declare_rule! {
    /// ## What it checks
    /// A stray space before, after or around a hyphen that joins a Tagalog
    /// prefix to its root (`pag -unlad`, `I -update`, `taga - Argentina`,
    /// `ika- 5`, `pag - hijack`), the two halves of a reduplication
    /// (`unti -unting`, `pagkakasunud -sunod`, `libu - libong`, with the o/u
    /// alternation and a `-ng` linker), or the parts of a compound that a
    /// lexicon knows (`punong - tanggapan`, `madaling -araw`: salin's short
    /// list of common compounds, or the dictionary when there is one).
    ///
    /// ## Why
    /// Machine translation often tokenises `pag-unlad` as `pag - unlad` and
    /// does not join it again. The KWF *Ortograpiyang Pambansa* writes a
    /// prefix and its root, or a repeated root, as one hyphenated word.
    ///
    /// Not every spaced hyphen is broken: a dash between phrases
    /// (`TWM - Simulan`, `Setting - Mga opsyon`), a range (`10 - 20`), a
    /// product name in title case (`Pinaka - Advanced`) or a suspended hyphen
    /// (`mag- at nag-`) is left alone. The rule needs evidence: a prefix from
    /// a closed list on the left, or a right side that repeats the left. Space
    /// on one side only (`pag -unlad`) is almost never a dash; spaces on both
    /// sides need stronger evidence (a consonant-final prefix before a vowel, a
    /// prefix before a name, a numeral or a root spelt like a loan, a
    /// reduplication, or a known compound). Whether two free words form a
    /// compound is never guessed: without a lexicon, `X - Y` may be a dash.
    /// Spelled-out numbers after `ika`, `ala`, `alas` are left to
    /// `affix-hyphen`, which writes them `ikalima`, `alas-tres`.
    ///
    /// ## Bad
    /// ```text
    /// Mabilis ang pag -unlad ng bayan.
    /// I -update ang app ngayon.
    /// Unti -unting bumuti ang lagay.
    /// Ang pag - aaral ay mahalaga.
    /// Dumating ang mga taga - Argentina.
    /// Ginanap ang ika- 5 na pulong.
    /// Ayon sa pagkakasunud -sunod ng listahan.
    /// Nasa punong - tanggapan ang mga dokumento.
    /// Itinayo ito noong ika - 19 na siglo.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Mabilis ang pag-unlad ng bayan.
    /// Pindutin ang TWM - Simulan sa menu.
    /// Ang iskor ay 10 - 20 sa unang laro.
    /// Bagong labas ang "Pinaka - Advanced" na modelo.
    /// Pareho ang mga mag- at nag- na anyo.
    /// Gamitin ang -click na opsyon sa terminal.
    /// ```
    ///
    /// ## Fix
    /// Safe: the spaces around the hyphen are removed.
    pub struct HyphenSpacing {
        name: "hyphen-spacing",
        severity: Error,
        fix: Safe,
        summary: "Stray space around a hyphen after a Tagalog prefix or in a reduplication (`pag -unlad`)",
    }
}

impl Rule for HyphenSpacing {
    /// Every finding is a gap holding one hyphen.
    fn needs(&self) -> Needs {
        Needs::marks(&[MarkKind::Hyphen])
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let source = ctx.source;
        for i in 0..ctx.tokens.len().saturating_sub(1) {
            if ctx.out_of_time() {
                return;
            }
            // A spaced hyphen takes two bytes or more; most gaps are one space.
            if ctx.tokens[i + 1].range.start - ctx.tokens[i].range.end < 2 {
                continue;
            }
            let gap = ctx.gap_after(i);
            let Some(spacing) = spacing(gap) else {
                continue;
            };
            let left = ctx.word(i);
            let right = ctx.word(i + 1);
            let left_start = ctx.tokens[i].range.start;
            if !left.chars().all(char::is_alphabetic) || in_code_like_token(source, left_start) {
                continue;
            }
            let Some(evidence) = evidence(left, right, spacing, ctx.dictionary) else {
                continue;
            };
            let gap_range = ctx.tokens[i].range.end..ctx.tokens[i + 1].range.start;
            let span = left_start..ctx.tokens[i + 1].range.end;
            let joined = format!("{left}-{right}");
            out.report(span, format!(
                        "stray space {} the hyphen {evidence}; write `{joined}`",
                        spacing.describe()
                    )).suggest(joined).fix(Edit::replace(gap_range, "-"));
        }
    }
}

/// Where the white space around a hyphen is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Spacing {
    Before,
    After,
    Both,
}

impl Spacing {
    fn describe(self) -> &'static str {
        match self {
            Spacing::Before => "before",
            Spacing::After => "after",
            Spacing::Both => "around",
        }
    }
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}'
}

/// A gap of the form `\s*-\s*` (one ASCII hyphen, blanks but no line break on
/// at least one side), or `None`.
fn spacing(gap: &str) -> Option<Spacing> {
    let (before, after) = gap.split_once('-')?;
    if !before.chars().all(is_blank) || !after.chars().all(is_blank) {
        return None;
    }
    match (before.is_empty(), after.is_empty()) {
        (false, true) => Some(Spacing::Before),
        (true, false) => Some(Spacing::After),
        (false, false) => Some(Spacing::Both),
        (true, true) => None,
    }
}

/// Whether the word starting at `start` is glued to a character that makes it
/// part of a path, identifier or handle (`./configure -flag`, `@user -x`).
fn in_code_like_token(source: &str, start: usize) -> bool {
    matches!(
        source[..start].chars().next_back(),
        Some('/' | '\\' | '_' | '.' | '@' | '#' | '$')
    )
}

/// Why the hyphen joins `left` and `right`, as words for the message, or
/// `None` when it may be a dash.
fn evidence(
    left: &str,
    right: &str,
    spacing: Spacing,
    dictionary: Option<&Dictionary>,
) -> Option<String> {
    let first = right.chars().next()?;
    let left_upper = starts_upper(left);
    let right_upper = first.is_uppercase();
    let lower_right = fold(right);
    let lower_left = fold(left);
    if is_spelled_number(&lower_left, &lower_right) {
        return None; // `ika - lima`, `alas -tres`: affix-hyphen rewrites these
    }
    if matches!(spacing, Spacing::After | Spacing::Both) && is_suspension_word(&lower_right) {
        return None; // `mag- at nag-`: a suspended hyphen
    }
    if is_particle(&lower_right) {
        return None; // a root is never `na`, `sa`, `ang`: `nag- na anyo`
    }
    // A title-case pair with spaces on both sides reads as a dash or a
    // product name (`Mag - Log In`, `Pinaka - Advanced`).
    if spacing == Spacing::Both && left_upper && right_upper {
        return None;
    }
    if let Some(p) = prefix(left)
        && prefix_joins(p, first, spacing, left_upper)
    {
        return Some(format!("of the prefix `{}-`", fold(left)));
    }
    if first.is_alphabetic() && is_reduplication(&lower_left, &lower_right) {
        return Some("in the reduplication".to_string());
    }
    // A prefix before a foreign root (`pag - hijack`, `naka - bundle`,
    // `i - click`): the spelling shows it. A prefix that is also a free word
    // must be in lower case (`I - update` may be English).
    if let Some(p) = prefix(left)
        && (!p.free_word || (!left_upper && matches!(p.text, "i" | "ma" | "na" | "pa" | "ipa")))
        && first.is_lowercase()
        && looks_foreign(&lower_right)
    {
        return Some(format!("of the prefix `{}-`", p.text));
    }
    // A compound, only when a lexicon knows the joined form
    // (`punong - tanggapan`, `madaling -araw`): salin's short list of common
    // compounds, or the dictionary.
    if first.is_alphabetic() {
        let joined = format!("{lower_left}-{lower_right}");
        if is_compound(&joined) {
            return Some("in the compound".to_string());
        }
        if dictionary.is_some_and(|d| d.contains(&joined)) {
            return Some("in the compound (dictionary)".to_string());
        }
    }
    None
}

/// `ika`, `ala`, `alas` before a spelled number or clock word.
fn is_spelled_number(left: &str, right: &str) -> bool {
    matches!(left, "ika" | "ala" | "alas")
        && (is_spelled_cardinal(right)
            || is_clock_word(right))
}

fn is_suspension_word(lower: &str) -> bool {
    matches!(lower, "at" | "o" | "and" | "or" | "hanggang" | "to")
}

fn is_vowel(c: char) -> bool {
    matches!(c.to_lowercase().next(), Some('a' | 'e' | 'i' | 'o' | 'u'))
}

/// Whether a prefix is joined to a right side starting with `first`.
fn prefix_joins(p: Prefix, first: char, spacing: Spacing, left_upper: bool) -> bool {
    let numeral = first.is_ascii_digit();
    if spacing != Spacing::Both {
        // One-sided space: the author meant a hyphen. Free words (`na`,
        // `may`, English `I`) still need a lower-case root or a numeral.
        return if p.free_word {
            first.is_lowercase() || (numeral && matches!(p.text, "ika" | "ala" | "alas"))
        } else {
            first.is_alphanumeric()
        };
    }
    if p.free_word {
        return false; // `na - hindi`, `may - ari`: need a lexicon
    }
    if numeral {
        return matches!(
            p.text,
            "ika" | "ikalabing" | "alas" | "ala" | "taga" | "tig" | "labing"
        );
    }
    if p.ends_in_consonant() && is_vowel(first) && first.is_lowercase() {
        return true; // `pag - aaral`, `mang - aawit`
    }
    // Prefix + proper noun (`taga - Argentina`), written by a lower-case hand.
    first.is_uppercase() && !left_upper
}

/// `right` repeats `left` (or its end), allowing the o/u alternation and a
/// `-ng` linker: `unti -unting`, `libu - libong`, `kitang -kita`,
/// `pagkakasunud -sunod`, `kalunus - lunos`.
fn is_reduplication(left: &str, right: &str) -> bool {
    if is_function_word(left) || is_function_word(right) {
        return false;
    }
    let l = ou(left);
    let r = ou(right);
    let strip = |s: &str| s.strip_suffix("ng").unwrap_or(s).to_string();
    let (l_stem, r_stem) = (strip(&l), strip(&r));
    let len = |s: &str| s.chars().count();
    // The right side starts with the whole left (minus linker).
    if len(&l_stem) >= 3 && (r.starts_with(&l_stem) || r_stem == l_stem) {
        return true;
    }
    // The left side ends with the whole right (minus linker): a repeated root
    // after a prefix.
    len(&r_stem) >= 3 && (l.ends_with(&r_stem) || l_stem.ends_with(&r_stem))
}

/// Lower case with `o` written `u`, so `libu`/`libo` compare equal.
fn ou(s: &str) -> String {
    s.chars().map(|c| if c == 'o' { 'u' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{Lint, assert_lint};

    const RULE: Lint = Lint(&super::HyphenSpacing);

    #[test]
    fn the_prefilter_lets_every_spaced_hyphen_through() {
        crate::rules::testing::assert_needs_cover(
            &super::HyphenSpacing,
            &["pag -unlad", "pag- unlad", "pag - unlad", "pag \u{a0}-\tunlad"],
        );
    }


    #[test]
    fn prefixes_and_reduplications_from_mt_output() {
        for (bad, good) in [
            ("pag -unlad", "pag-unlad"),
            ("Mag -alok", "Mag-alok"),
            ("I -update", "I-update"),
            ("naka -bundle", "naka-bundle"),
            ("pinaka -karaniwang", "pinaka-karaniwang"),
            ("unti -unting", "unti-unting"),
            ("pare -pareho", "pare-pareho"),
            ("pagkakasunud -sunod", "pagkakasunud-sunod"),
            ("pag- unlad", "pag-unlad"),
            ("pag - aaral", "pag-aaral"),
            ("Pag - aaral", "Pag-aaral"),
            ("taga - Argentina", "taga-Argentina"),
            ("ika- 5", "ika-5"),
            ("ika - 19 na siglo", "ika-19 na siglo"),
            ("ika- 1,000", "ika-1,000"),
            ("libu - libong", "libu-libong"),
            ("kitang -kita", "kitang-kita"),
            ("kalunus - lunos", "kalunus-lunos"),
            ("mang - aawit", "mang-aawit"),
            ("sumang - ayon", "sumang-ayon"),
            ("pakikipag - ugnayan", "pakikipag-ugnayan"),
            ("may -ari", "may-ari"),
            ("alas- 3", "alas-3"),
        ] {
            let text = format!("Sinabi nila {bad} ngayon.");
            RULE.assert_fixed(&text, &format!("Sinabi nila {good} ngayon."));
            assert_lint(&super::HyphenSpacing, &text, 1);
        }
    }

    #[test]
    fn dashes_ranges_and_code_like_text_are_silent() {
        for text in [
            "TWM - Simulan",
            "Setting - Mga opsyon",
            "Mag - Log In",
            "Pinaka - Advanced",
            "ang iskor na 10 - 20 at 26 - 00",
            "- isang bullet",
            "isa -- dalawa",
            "bahay — mga barb – wakas",
            "gamitin ang -click",
            "ABS -CBN at self -confidence",
            "mga mag- at nag- na anyo",
            "hindi na - hindi talaga",
            "May - isang bagay",
            "sa - bahay",
            "Sambong - ang lugar",
            "dependensiya - hindi nakaayos",
            "pag -\nunlad",
            "ang ./configure -flag",
            "pag - sulat",
            "I - update",
            "na -Maynila",
        ] {
            RULE.assert_silent(text);
        }
    }

    #[test]
    fn foreign_roots_after_consonant_prefixes() {
        RULE.assert_fixed("ang pag - hijack ng barko", "ang pag-hijack ng barko");
        RULE.assert_fixed("nag - shopping sila", "nag-shopping sila");
        RULE.assert_fixed("naka - bundle na", "naka-bundle na");
        RULE.assert_fixed("i - click ang link", "i-click ang link");
        RULE.assert_fixed("na - delete na", "na-delete na");
        RULE.assert_silent("na - install at I - click at na - hindi");
        RULE.assert_silent("pag - sulat at mag - bahay");
    }

    #[test]
    fn compounds_need_a_dictionary() {
        use crate::input::{Document, Format};
        use crate::{Applicability, fix::fix_document};
        let text = "Nasa pangunahing - tanggapan sila bago mag hating -gabi. Sambong - ang lugar.";
        RULE.assert_silent(text);
        let checker = RULE.with_dictionary(&["pangunahing-tanggapan", "hating-gabi"]);
        let doc = Document::new("t.txt", text, Format::Plain);
        let found = checker.check(&doc);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].message,
            "stray space around the hyphen in the compound (dictionary); write `pangunahing-tanggapan`"
        );
        let fixed = fix_document(&checker, &doc, Applicability::Safe);
        assert_eq!(
            fixed.text,
            "Nasa pangunahing-tanggapan sila bago mag hating-gabi. Sambong - ang lugar."
        );
    }

    #[test]
    fn common_compounds_are_known_without_a_dictionary() {
        for (bad, good) in [
            ("sa punong - tanggapan", "sa punong-tanggapan"),
            ("kaninang madaling -araw", "kaninang madaling-araw"),
            ("isang baboy - ramo", "isang baboy-ramo"),
            ("ang tanod - gubat", "ang tanod-gubat"),
            ("Humigit - kumulang", "Humigit-kumulang"),
        ] {
            RULE.assert_fixed(bad, good);
        }
        assert_eq!(
            RULE.check("sa punong - tanggapan")[0].message,
            "stray space around the hyphen in the compound; write `punong-tanggapan`"
        );
    }

    #[test]
    fn spelled_numbers_are_left_to_affix_hyphen() {
        // affix-hyphen's tests: it writes these `ikalima`, `alas-tres`.
        RULE.assert_silent("ang ika -lima at alas -tres");
    }

    #[test]
    fn message_names_the_evidence() {
        let d = RULE.check("ang pag -unlad");
        assert_eq!(
            d[0].message,
            "stray space before the hyphen of the prefix `pag-`; write `pag-unlad`"
        );
        let d = RULE.check("ang libu - libong tao");
        assert_eq!(
            d[0].message,
            "stray space around the hyphen in the reduplication; write `libu-libong`"
        );
    }
}
