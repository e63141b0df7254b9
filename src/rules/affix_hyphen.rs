use std::ops::Range;

use super::{ByteSet, Context, Needs, Reporter, Rule, declare_rule};
use super::helpers::recase;
use crate::diagnostic::Edit;
use crate::lexicon::{is_clock_word, ordinal};
use crate::text::TokenKind;
use crate::text::tokens::starts_upper;

declare_rule! {
    /// ## What it checks
    /// A hyphen missing or misplaced between a Tagalog prefix and what
    /// follows it:
    /// - a prefix glued to a proper noun, acronym or number: `tagaMaynila`,
    ///   `makaDiyos`, `ika5` (→ `taga-Maynila`, `maka-Diyos`, `ika-5`);
    /// - a space instead of the hyphen: `taga Maynila`, `maka Diyos`,
    ///   `ika 5`;
    /// - a hyphen in a spelled-out ordinal, which is one word: `ika-lima` →
    ///   `ikalima`, and the irregular `ika-dalawa` → `ikalawa`, `ika-tatlo`
    ///   → `ikatlo`;
    /// - clock times: `alas-una` → `ala-una`, `ala-dos` → `alas-dos`,
    ///   `alas tres` → `alas-tres`;
    /// - with a dictionary only: a prefix fused to a vowel-initial root
    ///   (`pagunlad` → `pag-unlad`), when the word list has the hyphenated
    ///   form and not the fused one.
    ///
    /// ## Why
    /// The KWF *Ortograpiyang Pambansa* hyphenates a prefix before a proper
    /// noun, an acronym or a numeral, keeping the name's spelling
    /// (`taga-Cebu`, `ika-100`), writes spelled ordinals as one word
    /// (`ikalima`), and writes clock time `ala-una`, `alas-dos` ... `alas-dose`.
    /// Without a dictionary the rule never inserts a hyphen into a native
    /// word: `magaling`, `nagalit`, `pangalan` and `pagasa` look prefixed and
    /// are not. Only `taga` and `maka` are joined across a space: `pa`, `na`
    /// and `ka` are also free words (`ka Juan`).
    ///
    /// ## Bad
    /// ```text
    /// Ang mga tagaMaynila ay dumalo sa pista.
    /// Dumating ang mga taga Cebu kahapon.
    /// Nasa ika5 palapag ang opisina.
    /// Ipinagdiwang ang ika 100 anibersaryo ng bayan.
    /// Nanalo siya sa ika-limang pagkakataon.
    /// Nagtapos siya sa ika-dalawang puwesto.
    /// Dumating sila nang alas-una ng hapon.
    /// Magsisimula ang misa nang alas tres ng hapon.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Ang mga taga-Maynila ay dumalo sa pista.
    /// Nasa ika-5 palapag ang opisina, sa ikalimang pinto.
    /// Nagtapos siya sa ikalawang puwesto, at ikatlo ang kapatid niya.
    /// Dumating sila nang ala-una at umalis nang alas-tres.
    /// Magaling at nagalit ang pinuno dahil sa pangalan ng pagasa.
    /// Bumili siya ng iPhone at nagbasa ng eBook, ika nga nila.
    /// Sumayaw siya ala Hayden sa entablado.
    /// ```
    ///
    /// ## Fix
    /// Safe: the hyphen is inserted, removed or moved, or the time word
    /// rewritten. Unsafe for the dictionary-confirmed native words.
    pub struct AffixHyphen {
        name: "affix-hyphen",
        severity: Error,
        fix: SafeOrUnsafe,
        summary: "Missing hyphen after a prefix before a name or number (`tagaMaynila`, `ika 5`), `ika-lima`, `alas-una`",
    }
}

/// Prefixes that may be glued to a capitalised name by mistake
/// (`tagaMaynila`). `i`, `pa`, `ma`, `na` are left out: `iPhone`, `eBook`.
const CAMEL_PREFIXES: &[&str] = &[
    "ika", "ipag", "kontra", "maka", "maki", "mala", "mag", "mang", "naka", "nag", "naki", "pag",
    "pagka", "pang", "pinaka", "taga",
];

/// Consonant-final prefixes whose hyphen before a vowel a dictionary can
/// confirm (`pagunlad` → `pag-unlad`).
const VOWEL_PREFIXES: &[&str] = &[
    "ipag",
    "ipinag",
    "mag",
    "makipag",
    "mang",
    "may",
    "nag",
    "nakipag",
    "pag",
    "pakikipag",
    "pang",
    "pinag",
    "sang",
    "tag",
];

/// The words a two-word pattern starts with.
const PAIR_STARTS: &[&str] = &["ika", "ala", "alas", "taga", "maka"];

/// First bytes of the words each pattern starts at, in either case.
const PAIR_FIRST: ByteSet = ByteSet::first_bytes(PAIR_STARTS).either_case();
const CAMEL_FIRST: ByteSet = ByteSet::first_bytes(CAMEL_PREFIXES).either_case();
const VOWEL_FIRST: ByteSet = ByteSet::first_bytes(VOWEL_PREFIXES).either_case();

impl Rule for AffixHyphen {
    fn needs(&self) -> Needs {
        Needs::first_bytes(PAIR_FIRST.union(CAMEL_FIRST).union(VOWEL_FIRST))
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let mut i = 0;
        while i < ctx.tokens.len() {
            if ctx.out_of_time() {
                return;
            }
            i += if may_start_pattern(ctx, i) && !glued_before(ctx, i) {
                check_at(ctx, i, out)
            } else {
                1
            };
        }
    }
}

/// Looks for each pattern at token `i`, reports what it finds, and returns
/// how many tokens it judged (2 for a pattern of two words).
fn check_at(ctx: &Context<'_>, i: usize, out: &mut Reporter<'_>) -> usize {
    let glued_after = ctx.after(i).starts_with(['-', '_', '/', '@']);
    if !glued_after && let Some((prefix, rest)) = camel_split(ctx.word(i)) {
        report_glued_prefix(ctx, i, prefix, rest, out);
        return 1;
    }
    if let Some(pair) = Pair::at(ctx, i)
        && (spelled_ordinal(&pair, out)
            || clock_time(&pair, out)
            || ika_numeral(&pair, out)
            || prefix_before_name(&pair, out))
    {
        return 2;
    }
    if !glued_after {
        fused_vowel_prefix(ctx, i, out);
    }
    1
}

/// A cheap test that rules out nearly every word before it is sliced: a
/// pattern starts at a prefix glued to a capital or digit (four bytes or
/// more), at one of [`PAIR_STARTS`], or, with a dictionary, at a word that
/// may start with one of [`VOWEL_PREFIXES`].
fn may_start_pattern(ctx: &Context<'_>, i: usize) -> bool {
    let t = &ctx.tokens[i];
    let bytes = ctx.word(i).as_bytes();
    (matches!(bytes.len(), 3 | 4) && PAIR_FIRST.contains(t.first))
        || (may_glue_prefix(bytes) && CAMEL_FIRST.contains(t.first))
        || (ctx.dictionary.is_some() && VOWEL_FIRST.contains(t.first))
}

/// The word is glued to what comes before it (`pag-ika5`, `www.taga`,
/// `@ika`): part of a longer word or a code, not judged.
fn glued_before(ctx: &Context<'_>, i: usize) -> bool {
    ctx.char_before(i)
        .is_some_and(|c| matches!(c, '-' | '_' | '/' | '.' | '@' | '#' | '$' | '\\'))
}

/// `tagaMaynila`, `ika5` → `taga-Maynila`, `ika-5`.
fn report_glued_prefix(
    ctx: &Context<'_>,
    i: usize,
    prefix: &str,
    rest: &str,
    out: &mut Reporter<'_>,
) {
    let range = ctx.tokens[i].range.clone();
    let fixed = format!("{prefix}-{rest}");
    let message = format!("a hyphen joins the prefix `{prefix}-` to `{rest}`; write `{fixed}`");
    out.report(range.clone(), message)
        .suggest(fixed)
        .fix_safe(Edit::insert(range.start + prefix.len(), "-"));
}

/// One of [`PAIR_STARTS`] (token `i`) and the word after it.
struct Pair<'c, 'a> {
    ctx: &'c Context<'a>,
    i: usize,
    word: &'a str,
    lower: &'c str,
    next: &'a str,
    next_lower: &'c str,
    gap: &'a str,
    /// The gap is a hyphen, perhaps with spaces, on one line.
    hyphen_gap: bool,
}

impl<'c, 'a> Pair<'c, 'a> {
    fn at(ctx: &'c Context<'a>, i: usize) -> Option<Self> {
        let lower = ctx.lower(i);
        if i + 1 >= ctx.tokens.len() || !PAIR_STARTS.contains(&lower) {
            return None;
        }
        let gap = ctx.gap_after(i);
        Some(Pair {
            ctx,
            i,
            word: ctx.word(i),
            lower,
            next: ctx.word(i + 1),
            next_lower: ctx.lower(i + 1),
            gap,
            hyphen_gap: !gap.is_empty()
                && gap.trim_matches([' ', '\u{a0}']) == "-"
                && !gap.contains('\n'),
        })
    }

    /// Both words.
    fn span(&self) -> Range<usize> {
        self.ctx.tokens[self.i].range.start..self.ctx.tokens[self.i + 1].range.end
    }

    /// The bytes between the words.
    fn gap_range(&self) -> Range<usize> {
        self.ctx.tokens[self.i].range.end..self.ctx.tokens[self.i + 1].range.start
    }
}

/// `ika-lima` → `ikalima`, `ika-dalawang` → `ikalawang`.
fn spelled_ordinal(p: &Pair<'_, '_>, out: &mut Reporter<'_>) -> bool {
    let Some((ordinal, tail)) = ordinal(p.next_lower).filter(|_| p.lower == "ika" && p.hyphen_gap)
    else {
        return false;
    };
    if !p.next.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let fused = format!("{}{tail}", recase(p.word, ordinal));
    let message = format!("a spelled-out ordinal is one word; write `{fused}`");
    out.report(p.span(), message).replace_safe(fused);
    true
}

/// Clock time: `ala-una`, `alas-dos` ... `alas-dose`. A pair that already
/// reads so is judged (and left) too.
fn clock_time(p: &Pair<'_, '_>, out: &mut Reporter<'_>) -> bool {
    if !matches!(p.lower, "ala" | "alas")
        || !(p.hyphen_gap || p.gap == " ")
        || !is_clock_word(p.next)
        || p.ctx.after(p.i + 1).starts_with(['-', '\''])
    {
        return false;
    }
    let right = if p.next == "una" { "ala" } else { "alas" };
    if p.lower != right || p.gap != "-" {
        let fixed = format!("{}-{}", recase(p.word, right), p.next);
        let message = if p.lower != right {
            format!("clock time is written `{right}-{}`", p.next)
        } else {
            format!("a hyphen joins `{right}` to the hour; write `{fixed}`")
        };
        out.report(p.span(), message).replace_safe(fixed);
    }
    true
}

/// `ika 5` → `ika-5`.
fn ika_numeral(p: &Pair<'_, '_>, out: &mut Reporter<'_>) -> bool {
    let next = &p.ctx.tokens[p.i + 1];
    if p.lower != "ika" || p.gap != " " || next.kind != TokenKind::Number || p.next.len() > 4 {
        return false;
    }
    let number = number_with_separators(p.ctx.source, next.range.start, p.ctx.segment.range.end);
    let fixed = format!("{}-{number}", p.word);
    let message = format!("a hyphen joins `ika` to a numeral; write `{fixed}`");
    out.report(p.span().start..next.range.start + number.len(), message)
        .suggest(fixed)
        .fix_safe(Edit::replace(p.gap_range(), "-"));
    true
}

/// `taga Maynila`, `maka Diyos` → `taga-Maynila`, `maka-Diyos`: a prefix
/// written in lower case (or capitalised at the start of a sentence) before
/// a proper noun.
fn prefix_before_name(p: &Pair<'_, '_>, out: &mut Reporter<'_>) -> bool {
    let (word, lower) = (p.word, p.lower);
    if !matches!(lower, "taga" | "maka")
        || p.gap != " "
        || !starts_upper(p.next)
        || !p.next.chars().skip(1).any(char::is_alphabetic)
    {
        return false;
    }
    // Written by a lower-case hand: a capital only where a sentence starts
    // (`Taga Davao siya`), not in a name (`ang Taga Santos`).
    let lower_hand = word == lower
        || (starts_upper(word) && word[1..] == lower[1..] && starts_sentence(p.ctx, p.i));
    if !lower_hand {
        return false;
    }
    let fixed = format!("{word}-{}", p.next);
    let message =
        format!("a hyphen joins the prefix `{lower}-` to a proper noun; write `{fixed}`");
    out.report(p.span(), message)
        .suggest(fixed)
        .fix_safe(Edit::replace(p.gap_range(), "-"));
    true
}

/// With a dictionary: `pagunlad` → `pag-unlad`, when the word list has the
/// hyphenated form and not the fused one.
fn fused_vowel_prefix(ctx: &Context<'_>, i: usize, out: &mut Reporter<'_>) {
    let Some(dict) = ctx.dictionary else {
        return;
    };
    let (word, lower) = (ctx.word(i), ctx.lower(i));
    if ctx.tokens[i].kind != TokenKind::Word
        || !word.chars().all(char::is_alphabetic)
        || !word.is_ascii()
        || !(word == lower || (starts_upper(word) && word[1..] == lower[1..]))
        || dict.contains(lower)
    {
        return;
    }
    let Some(p) = VOWEL_PREFIXES.iter().copied().find(|p| {
        lower.len() > p.len() + 2
            && lower.starts_with(p)
            && lower[p.len()..].starts_with(['a', 'e', 'i', 'o', 'u'])
            && dict.contains(&format!("{p}-{}", &lower[p.len()..]))
    }) else {
        return;
    };
    let range = ctx.tokens[i].range.clone();
    let fixed = format!("{}-{}", &word[..p.len()], &word[p.len()..]);
    let message =
        format!("the prefix `{p}-` takes a hyphen before a vowel; write `{fixed}` (dictionary)");
    out.report(range.clone(), message)
        .suggest(fixed)
        .fix_unsafe(Edit::insert(range.start + p.len(), "-"));
}

/// Token `i` begins a sentence (or the segment).
fn starts_sentence(ctx: &Context<'_>, i: usize) -> bool {
    i == 0
        || ctx
            .gap_after(i - 1)
            .trim()
            .ends_with(['.', '!', '?', ':', '"', '\u{201c}'])
}

/// Whether `word` may be a prefix glued to a capital or digit: every prefix
/// has three letters or more, and what follows it starts with a capital or
/// a digit (or a non-ASCII letter, told apart by [`camel_split`]). Most
/// words are neither, and are rejected before the prefixes are tried.
fn may_glue_prefix(word: &[u8]) -> bool {
    word.len() >= 4
        && word[3..]
            .iter()
            .any(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b >= 0x80)
}

/// `tagaMaynila` → (`taga`, `Maynila`); `ika5` → (`ika`, `5`).
fn camel_split(word: &str) -> Option<(&str, &str)> {
    if !may_glue_prefix(word.as_bytes()) {
        return None;
    }
    for p in CAMEL_PREFIXES {
        // `tagaMaynila`, or `TagaMaynila` at the start of a sentence.
        let Some(head) = word.get(..p.len()) else {
            continue;
        };
        // Capitalised only for prefixes no brand starts with (`MagSafe`).
        let matches_prefix = head == *p
            || (matches!(*p, "taga" | "maka" | "pagka" | "ika")
                && head.is_ascii()
                && head[..1] == p[..1].to_ascii_uppercase()
                && head[1..] == p[1..]);
        if !matches_prefix {
            continue;
        }
        let rest = &word[p.len()..];
        let mut chars = rest.chars();
        let Some(first) = chars.next() else {
            continue;
        };
        let tail: Vec<char> = chars.collect();
        // `Maynila` (a capital, then two or more lower-case letters) or an
        // acronym (`IT`, `DOH`).
        let proper = first.is_uppercase()
            && !tail.is_empty()
            && ((tail.len() >= 2 && tail.iter().all(|c| c.is_lowercase()))
                || tail.iter().all(|c| c.is_uppercase()));
        let numeral = *p == "ika"
            && first.is_ascii_digit()
            && tail.iter().all(char::is_ascii_digit)
            && tail.len() < 4;
        if proper || numeral {
            return Some((&word[..p.len()], rest));
        }
    }
    None
}

/// The numeral starting at `start`, with its thousands separators (`1,000`).
fn number_with_separators(source: &str, start: usize, end: usize) -> &str {
    let text = &source[start..end];
    let mut len = 0;
    let bytes = text.as_bytes();
    while len < bytes.len() {
        let b = bytes[len];
        if b.is_ascii_digit()
            || (b == b',' && bytes.get(len + 1).is_some_and(u8::is_ascii_digit) && len > 0)
        {
            len += 1;
        } else {
            break;
        }
    }
    &text[..len]
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::AffixHyphen);

    #[test]
    fn the_prefilter_covers_every_prefix() {
        use super::{AffixHyphen, CAMEL_PREFIXES, PAIR_STARTS, VOWEL_PREFIXES};
        let capitalised: Vec<String> = CAMEL_PREFIXES
            .iter()
            .chain(PAIR_STARTS)
            .chain(VOWEL_PREFIXES)
            .map(|p| crate::rules::helpers::recase("X", p))
            .collect();
        let mut words: Vec<&str> = capitalised.iter().map(String::as_str).collect();
        words.extend(CAMEL_PREFIXES.iter().chain(PAIR_STARTS).chain(VOWEL_PREFIXES));
        crate::rules::testing::assert_needs_cover(&AffixHyphen, &words);
    }

    use crate::Applicability;
    
    use crate::input::{Document, Format};
    
    use crate::fix::fix_document;

    #[test]
    fn glued_prefixes() {
        for (bad, good) in [
            ("ang mga tagaMaynila", "ang mga taga-Maynila"),
            ("isang makaDiyos na tao", "isang maka-Diyos na tao"),
            ("ang pagkaPilipino", "ang pagka-Pilipino"),
            ("mga tagaDOH", "mga taga-DOH"),
            ("TagaCebu siya", "Taga-Cebu siya"),
            ("ang magIT", "ang mag-IT"),
            ("sa ika5 palapag", "sa ika-5 palapag"),
        ] {
            RULE.assert_fixed(bad, good);
        }
        assert_eq!(
            RULE.check("ang mga tagaMaynila")[0].message,
            "a hyphen joins the prefix `taga-` to `Maynila`; write `taga-Maynila`"
        );
    }

    #[test]
    fn spaces_for_hyphens() {
        RULE.assert_fixed("ang mga taga Cebu", "ang mga taga-Cebu");
        RULE.assert_fixed("Taga Davao siya", "Taga-Davao siya");
        RULE.assert_fixed("isang maka Diyos", "isang maka-Diyos");
        RULE.assert_fixed("sa ika 5 na palapag", "sa ika-5 na palapag");
        RULE.assert_fixed("ang ika 1,000 na bisita", "ang ika-1,000 na bisita");
        assert_eq!(
            RULE.flagged("ang ika 1,000 na bisita"),
            ["ika 1,000"]
        );
    }

    #[test]
    fn spelled_ordinals_are_fused() {
        for (bad, good) in [
            ("sa ika-lima", "sa ikalima"),
            ("sa ika-limang araw", "sa ikalimang araw"),
            ("ang ika-dalawang puwesto", "ang ikalawang puwesto"),
            ("Ika-tatlo siya", "Ikatlo siya"),
            ("ang ika-labing-isang", "ang ikalabing-isang"),
            ("ika-sampung", "ikasampung"),
            ("ang ika - apat", "ang ikaapat"),
        ] {
            RULE.assert_fixed(bad, good);
        }
        RULE.assert_silent("ang ika-5 at ika-100 at ikalima at ikalawa at ika-19 na siglo");
    }

    /// Spelled numbers with a spaced hyphen are this rule's, not
    /// hyphen-spacing's (which leaves them).
    #[test]
    fn spelled_numbers_with_a_spaced_hyphen() {
        assert_eq!(
            RULE.flagged("ang ika -lima at alas -tres"),
            ["ika -lima", "alas -tres"]
        );
    }

    #[test]
    fn clock_times() {
        for (bad, good) in [
            ("nang alas-una", "nang ala-una"),
            ("nang ala-dos ng hapon", "nang alas-dos ng hapon"),
            ("nang ala-siyete ng umaga", "nang alas-siyete ng umaga"),
            ("nang alas tres", "nang alas-tres"),
            ("Ala una na", "Ala-una na"),
            ("nang alas - singko", "nang alas-singko"),
        ] {
            RULE.assert_fixed(bad, good);
        }
        RULE.assert_silent("nang ala-una, alas-dos, alas-3:30, alas-6 at alas-dose");
        RULE.assert_silent("sumayaw ala Hayden, alas");
    }

    #[test]
    fn native_words_and_brands_are_silent() {
        for text in [
            "magaling nagalit pangalan pangako pagod pagitan magulang nagulat mangga magasin pagasa",
            "iPhone iPad eBook YouTube PayPal McDonald",
            "ang pa Maynila at ka Juan",
            "ika nga ng matatanda",
            "ang taga-Maynila at maka-Diyos at ika-5",
            "ang Taga Santos",
            "ang www.tagaMaynila.ph",
            "µs Ωmega ñandu MagSafe PagIBIG NaCl",
        ] {
            RULE.assert_silent(text);
        }
    }

    #[test]
    fn a_dictionary_confirms_fused_vowel_prefixes() {
        let checker = RULE.with_dictionary(&["pag-unlad", "pag-asa", "pagasa", "magaling"]);
        let doc = Document::new(
            "t.txt",
            "Ang pagunlad ng bayan ay pagasa ng magaling. Ñandu Éclair.",
            Format::Plain,
        );
        let found = checker.check(&doc);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].suggestion.as_deref(), Some("pag-unlad"));
        let fixed = fix_document(&checker, &doc, Applicability::Unsafe);
        assert_eq!(
            fixed.text,
            "Ang pag-unlad ng bayan ay pagasa ng magaling. Ñandu Éclair."
        );
        // Without the dictionary, nothing.
        RULE.assert_silent("Ang pagunlad ng bayan.");
    }
}
