use std::ops::Range;

use super::{Context, Needs, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;
use crate::lexicon::morphology::{Confidence, HyphenJoin, HyphenKind, Morphology, Spacing};
use crate::lexicon::{is_clock_word, is_compound, is_spelled_cardinal};
use crate::text::tokens::fold;
use crate::text::{MarkKind, TokenKind};

declare_rule! {
    /// ## What it checks
    /// A stray space before, after or around a hyphen inside one word, or a
    /// space where its hyphen belongs, as the Tagalog morphology and the
    /// embedded lexicon read the word:
    /// - a prefix, single or stacked, and its stem: `pag -unlad`,
    ///   `I -update`, `nai - upload`, `nakaka -antok`, `taga - Argentina`,
    ///   `pa -Europa`, `ika- 5`;
    /// - a prefix with the copied first syllable of a loan, written as it
    ///   sounds: `nagpi -print`, `magba -backup`, `ini -import`,
    ///   `kino -compute` (c → k);
    /// - full or partial reduplication: `unti -unting`, `dahan - dahan`,
    ///   `sari -saring`, `kalunus -lunos`;
    /// - a compound whose first word carries the linker *-ng*:
    ///   `walang -humpay`, `kawalang -gana`, `mahabang -panahon`; and
    ///   compounds that salin's short list or the dictionary knows
    ///   (`punong - tanggapan`);
    /// - a space after a prefix before a copied loan (`mag i-import` →
    ///   `mag-i-import`).
    ///
    /// ## Why
    /// Machine translation often tokenises `pag-unlad` as `pag - unlad` and
    /// does not join it again. The KWF *Ortograpiyang Pambansa* writes a
    /// prefix and its root, a repeated root, or a compound whose linking
    /// word was dropped as one hyphenated word.
    ///
    /// Not every spaced hyphen is broken: a dash between phrases
    /// (`TWM - Simulan`, `Setting - Mga opsyon`), a command-line option
    /// (`mkdir -p`), a range (`10 - 20`) or a suspended hyphen (`mag- at
    /// nag-`) is left alone. The morphology must explain the word: a prefix
    /// from the closed inventory of Tagalog affixes on the left, a copy of
    /// the stem's first syllable, a repeated root, or a linked word before a
    /// known word (the lexicon says which words are known). A hyphen glued
    /// to one side (`pag -unlad`) is almost never a dash; between two spaces
    /// the reading must be stronger (`pag - sulat` may be a dash, `pag -
    /// aaral` is not). Spelled-out numbers after `ika`, `ala`, `alas` are
    /// left to `affix-hyphen`, which writes them `ikalima`, `alas-tres`.
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
    /// Kasalukuyang nagda -upload ang mga larawan.
    /// Hindi nai - print ang resibo.
    /// Nagtrabaho sila nang walang -pahinga.
    /// Nagbabago ang lagay ng panahon nang pana - panahon.
    /// Kailangan mong mag i-import ng mga file.
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
    /// Patakbuhin ang mkdir -p para gumawa ng folder.
    /// ```
    ///
    /// ## Fix
    /// Safe when the reading is certain: the spaces around the hyphen are
    /// removed (when the KWF writes the word without a hyphen, as
    /// `pagsulat`, the message says so). Unsafe when it is only probable
    /// (`di - kilala`, `walang - humpay` between two spaces, a title in
    /// capitals, a space for a hyphen).
    pub struct HyphenSpacing {
        name: "hyphen-spacing",
        severity: Error,
        fix: SafeOrUnsafe,
        summary: "Stray space around a hyphen inside a word: after a Tagalog prefix, in a reduplication or a linked compound (`pag -unlad`, `nagda -download`)",
    }
}

impl Rule for HyphenSpacing {
    /// Every finding has a hyphen: in the gap, or in the word after a
    /// space that stands for one (`mag i-install`).
    fn needs(&self) -> Needs {
        Needs::marks(&[MarkKind::Hyphen])
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let morphology = Morphology::new(ctx.dictionary);
        for i in 0..ctx.tokens.len().saturating_sub(1) {
            if ctx.out_of_time() {
                return;
            }
            let Some(candidate) = Candidate::at(ctx, i) else {
                continue;
            };
            if is_spelled_number(ctx.lower(i), ctx.lower(i + 1)) {
                continue; // `ika - lima`, `alas -tres`: affix-hyphen rewrites these
            }
            let right = &ctx.source[candidate.right.clone()];
            if let Some(join) = morphology.explain_hyphen(ctx.word(i), right, candidate.spacing) {
                report(ctx, i, &candidate, &join, out);
            }
        }
    }
}

/// A word, then a spaced hyphen (or a space before a hyphenated word), then
/// what may be the rest of the same word.
struct Candidate {
    spacing: Spacing,
    /// The right side: one word, or a hyphenated pair (`i-install`).
    right: Range<usize>,
    /// The gap after the left word.
    gap: Range<usize>,
}

impl Candidate {
    fn at(ctx: &Context<'_>, i: usize) -> Option<Candidate> {
        let tokens = ctx.tokens;
        let gap = ctx.gap_after(i);
        // The right side goes on through a hyphen glued to both words.
        let hyphenated = i + 2 < tokens.len() && ctx.gap_after(i + 1) == "-";
        let spacing = if gap == " " {
            if !hyphenated {
                return None; // most gaps: one space, no hyphen after
            }
            Spacing::Plain
        } else {
            spacing(gap)?
        };
        let left = &tokens[i];
        if !left.case.has_letter()
            || !ctx.word(i).chars().all(char::is_alphabetic)
            || glued_to_code(ctx, i)
        {
            return None;
        }
        let right_end = if hyphenated { i + 2 } else { i + 1 };
        let right = tokens[i + 1].range.start..tokens[right_end].range.end;
        // A one-letter right side is a command-line option (`ls -l`).
        if !hyphenated && tokens[i + 1].range.len() < 2 && tokens[i + 1].kind == TokenKind::Word {
            return None;
        }
        Some(Candidate {
            spacing,
            right,
            gap: left.range.end..tokens[i + 1].range.start,
        })
    }
}

/// Reports `join` when it is at least probable: a safe fix when certain.
fn report(
    ctx: &Context<'_>,
    i: usize,
    candidate: &Candidate,
    join: &HyphenJoin,
    out: &mut Reporter<'_>,
) {
    if join.confidence < Confidence::Probable {
        return;
    }
    let span = ctx.tokens[i].range.start..candidate.right.end;
    let joined = &join.joined;
    let evidence = evidence(ctx.lower(i), join);
    let mut message = match candidate.spacing {
        Spacing::Plain => format!("a space where the hyphen {evidence} belongs; write `{joined}`"),
        spacing => format!(
            "stray space {} the hyphen {evidence}; write `{joined}`",
            describe(spacing)
        ),
    };
    if let Some(standard) = &join.standard {
        message.push_str(&format!(" (the KWF writes it without a hyphen: `{standard}`)"));
    }
    let edit = Edit::replace(candidate.gap.clone(), "-");
    let finding = out.report(span, message).suggest(joined.clone());
    if join.confidence == Confidence::Certain {
        finding.fix_safe(edit);
    } else {
        finding.fix_unsafe(edit);
    }
}

/// Why the hyphen joins the two sides, as words for the message.
fn evidence(left: &str, join: &HyphenJoin) -> String {
    match &join.kind {
        HyphenKind::Prefix { .. }
        | HyphenKind::PrefixName { .. }
        | HyphenKind::PrefixNumber { .. } => format!("of the prefix `{left}-`"),
        HyphenKind::PrefixCopy {
            prefix: Some(p),
            copy,
            ..
        } => format!("after the prefix `{p}-` and the copied syllable `{copy}`"),
        HyphenKind::PrefixCopy { copy, .. } => format!("after the copied syllable `{copy}`"),
        HyphenKind::Reduplication { .. } => "in the reduplication".to_string(),
        HyphenKind::LinkerCompound { base } => {
            let linker = left.strip_prefix(base.as_str()).unwrap_or("ng");
            format!("in the compound after the linker `-{linker}` of `{base}`")
        }
        HyphenKind::Compound if is_compound(&fold(&join.joined)) => "in the compound".to_string(),
        HyphenKind::Compound => "in the compound (dictionary)".to_string(),
    }
}

fn describe(spacing: Spacing) -> &'static str {
    match spacing {
        Spacing::Before => "before",
        Spacing::After => "after",
        Spacing::Both | Spacing::Plain => "around",
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

/// Whether word `i` is glued to a character that makes it part of a path,
/// an identifier, a handle or an option (`./configure -flag`, `@user -x`,
/// `--dry-run -v`).
fn glued_to_code(ctx: &Context<'_>, i: usize) -> bool {
    matches!(
        ctx.char_before(i),
        Some('/' | '\\' | '_' | '.' | '@' | '#' | '$' | '-' | '=')
    )
}

/// `ika`, `ala`, `alas` before a spelled number or clock word.
fn is_spelled_number(left: &str, right: &str) -> bool {
    matches!(left, "ika" | "ala" | "alas") && (is_spelled_cardinal(right) || is_clock_word(right))
}

#[cfg(test)]
mod tests {
    use crate::Applicability;
    use crate::rules::testing::{Lint, assert_lint};

    const RULE: Lint = Lint(&super::HyphenSpacing);

    /// Each `bad` form, written between `before` and `after`, is fixed
    /// safely into the `good` one.
    #[track_caller]
    fn assert_all_fixed(before: &str, after: &str, pairs: &[(&str, &str)]) {
        for (bad, good) in pairs {
            RULE.assert_fixed(&format!("{before}{bad}{after}"), &format!("{before}{good}{after}"));
        }
    }

    /// The finding in `text`: (flagged text, suggestion, safe fix?).
    fn finding(text: &str) -> (String, String, bool) {
        let found = RULE.check(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let d = &found[0];
        let safe = d.fix.as_ref().expect("a fix").applicability == Applicability::Safe;
        (
            text[d.span.clone()].to_string(),
            d.suggestion.clone().expect("a suggestion"),
            safe,
        )
    }

    #[test]
    fn the_prefilter_lets_every_spaced_hyphen_through() {
        crate::rules::testing::assert_needs_cover(
            &super::HyphenSpacing,
            &[
                "pag -unlad",
                "pag- unlad",
                "pag - unlad",
                "pag \u{a0}-\tunlad",
                "mag i-import",
            ],
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
    fn loans_with_a_copied_first_syllable_after_a_prefix() {
        // Prefix (or infix) + the loan's first syllable as it sounds + the
        // loan: every spacing, safe.
        assert_all_fixed(
            "Kanina pa ",
            " ang lahat.",
            &[
                ("nagpi -print", "nagpi-print"),
                ("magba - backup", "magba-backup"),
                ("nire- reset", "nire-reset"),
                ("ini -import", "ini-import"),
                ("nagta - type", "nagta-type"),
                ("kino -compute", "kino-compute"),
                ("magfo - format", "magfo-format"),
                ("nagsi -sync", "nagsi-sync"),
                ("pinapa -approve", "pinapa-approve"),
            ],
        );
    }

    #[test]
    fn stacked_and_rarer_prefixes() {
        assert_all_fixed(
            "Hindi ",
            " ang mensahe.",
            &[
                ("nai - upload", "nai-upload"),
                ("mai -share", "mai-share"),
                ("maipa - print", "maipa-print"),
                ("nakaka -stress", "nakaka-stress"),
                ("makiki - chat", "makiki-chat"),
                ("ipinag - utos", "ipinag-utos"),
                ("nakikipag - usap", "nakikipag-usap"),
                ("tagapag - ayos", "tagapag-ayos"),
            ],
        );
    }

    #[test]
    fn linker_compounds_are_joined() {
        // A word with the linker `-ng` asks for the word after it.
        assert_all_fixed(
            "Dahil sa ",
            " nila.",
            &[
                ("walang -humpay", "walang-humpay"),
                ("mahabang- panahon", "mahabang-panahon"),
                ("kawalang -gana", "kawalang-gana"),
                ("ipagwalang -pansin", "ipagwalang-pansin"),
            ],
        );
        // Between two spaces, or in a title in capitals: probable, so the
        // fix is unsafe.
        for text in ["sa walang - humpay na ulan", "Walang - Humpay", "Mahabang - Panahon"] {
            let (_, suggestion, safe) = finding(text);
            assert!(!safe, "{text}");
            assert!(suggestion.contains('-') && !suggestion.contains(' '));
        }
        RULE.assert_fixed_with(
            "sa walang - humpay na ulan",
            "sa walang-humpay na ulan",
            Applicability::Unsafe,
        );
        // A word that ends in `-ng` by itself may end a phrase before a
        // dash: `Tulong - Suporta` is a menu label.
        RULE.assert_silent("Tulong - Suporta at tanong - sagot");
    }

    #[test]
    fn prefixes_that_are_also_words_are_probable() {
        // `pa` (towards) before a place, `di` and `na` before a stem.
        for (text, flagged) in [
            ("Lumipad sila pa -Australia kahapon.", "pa -Australia"),
            ("isang di - kilalang manunulat", "di - kilalang"),
            ("Ang file ay na - install na.", "na - install"),
        ] {
            let (span, _, safe) = finding(text);
            assert_eq!((span.as_str(), safe), (flagged, false), "{text}");
        }
    }

    #[test]
    fn a_space_where_the_hyphen_after_a_prefix_belongs() {
        let (span, suggestion, safe) = finding("Kailangan mong mag i-import ng file.");
        assert_eq!((span.as_str(), suggestion.as_str(), safe), ("mag i-import", "mag-i-import", false));
        RULE.assert_fixed_with(
            "Sila ay mag u-upload bukas.",
            "Sila ay mag-u-upload bukas.",
            Applicability::Unsafe,
        );
        assert_eq!(
            RULE.check("mag i-import")[0].message,
            "a space where the hyphen of the prefix `mag-` belongs; write `mag-i-import`"
        );
        // Not a copy of the loan's first syllable, not a bound prefix, not
        // a hyphenated word that starts with its own prefix.
        RULE.assert_silent("ang i-print, na i-update, pang nag-share, sa pag-unlad, mag sign-in");
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
    fn command_line_options_are_silent() {
        for text in [
            "Patakbuhin ang mkdir -p para sa folder.",
            "Gamitin ang sudo apt install -y ngayon.",
            "Subukan ang npm i -g at pip install -r requirements.txt",
            "Idagdag ang git commit -m at grep -i -n sa script.",
            "Ilagay ang --no-deps -v sa utos.",
            "Itakda ang ls -la at tar -xzf.",
        ] {
            RULE.assert_silent(text);
        }
    }

    #[test]
    fn foreign_roots_after_prefixes() {
        RULE.assert_fixed("ang pag - hijack ng barko", "ang pag-hijack ng barko");
        RULE.assert_fixed("nag - shopping sila", "nag-shopping sila");
        RULE.assert_fixed("naka - bundle na", "naka-bundle na");
        RULE.assert_fixed("i - click ang link", "i-click ang link");
        RULE.assert_fixed("pa -Cebu ang barko", "pa -Cebu ang barko"); // probable: unsafe
        RULE.assert_silent("I - click at na - hindi");
        RULE.assert_silent("pag - sulat at mag - bahay");
    }

    #[test]
    fn compounds_a_lexicon_knows() {
        use crate::input::{Document, Format};
        use crate::{Applicability, fix::fix_document};
        // Without a dictionary, `pangunahing - tanggapan` may be a dash
        // (`pangunahing` is far commoner than `pangunahin`); `hating -gabi`
        // is a linked word with a hyphen glued to the next.
        let text = "Nasa pangunahing - tanggapan sila bago mag hating -gabi. Sambong - ang lugar.";
        assert_eq!(RULE.flagged(text), ["hating -gabi"]);
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
        assert_all_fixed(
            "",
            "",
            &[
                ("sa punong - tanggapan", "sa punong-tanggapan"),
                ("kaninang madaling -araw", "kaninang madaling-araw"),
                ("isang baboy - ramo", "isang baboy-ramo"),
                ("ang tanod - gubat", "ang tanod-gubat"),
                ("Humigit - kumulang", "Humigit-kumulang"),
            ],
        );
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
        for (text, message) in [
            (
                "ang pag -unlad",
                "stray space before the hyphen of the prefix `pag-`; write `pag-unlad`",
            ),
            (
                "ang libu - libong tao",
                "stray space around the hyphen in the reduplication; write `libu-libong`",
            ),
            (
                "ay nagda- upload",
                "stray space after the hyphen after the prefix `nag-` and the copied syllable `da`; write `nagda-upload`",
            ),
            (
                "ay walang -humpay",
                "stray space before the hyphen in the compound after the linker `-ng` of `wala`; write `walang-humpay`",
            ),
            (
                "ang pag -sulat",
                "stray space before the hyphen of the prefix `pag-`; write `pag-sulat` (the KWF writes it without a hyphen: `pagsulat`)",
            ),
        ] {
            assert_eq!(RULE.check(text)[0].message, message, "{text}");
        }
    }
}
