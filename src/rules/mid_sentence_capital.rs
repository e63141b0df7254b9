use super::{ByteSet, Context, Needs, Reporter, Rule, declare_rule};
use crate::input::SegmentKind;
use crate::text::TokenKind;

declare_rule! {
    /// ## What it checks
    /// A Filipino function word capitalised in the middle of a sentence:
    /// `... ng Ang module`, `para sa Mga panlabas na`, `kaya Sa gayon`. The
    /// words are `Ang`, `Mga`, `Ng`, `Nang`, `Sa`, `Ay`, `At`, `Na`.
    ///
    /// ## Why
    /// Machine translation translates segments (titles, table cells, UI
    /// strings) one by one and joins them, keeping the capital that began a
    /// segment. Filipino capitalises these words only at the start of a
    /// sentence and in titles. The rule looks for a lower-case word, a space
    /// (or a comma) and the capitalised function word followed by a
    /// lower-case word; so titles and names in title case (`sa Ang Probinsyano
    /// Ngayon`, `ang Mga Setting`), headings, the start of a line, and text
    /// after a colon, quote or bracket are left alone.
    ///
    /// ## Bad
    /// ```text
    /// Pinalitan ang bersiyon ng Ang module sa bagong server.
    /// Naglaan sila ng pondo para sa Mga panlabas na proyekto.
    /// Tumaas ang presyo ng bigas, Sa gayon ay nagreklamo ang mga mamimili.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Pinalitan ang bersiyon ng module sa bagong server.
    /// Napanood namin ang Ang Probinsyano Ngayon sa telebisyon.
    /// Buksan ang Mga Setting para baguhin ang wika.
    /// Tandaan: Ang pulong ay bukas.
    /// ```
    ///
    /// ## Fix
    /// Safe: the word is written in lower case.
    pub struct MidSentenceCapital {
        name: "mid-sentence-capital",
        severity: Warning,
        fix: Safe,
        summary: "Filipino function word capitalised mid-sentence (`ng Ang module`)",
    }
}

const WORDS: &[&str] = &["Ang", "At", "Ay", "Mga", "Na", "Nang", "Ng", "Sa"];

/// Words that begin lines of verse: when one of them is capitalised in the
/// middle of the same sentence, the sentence is verse whose line breaks were
/// lost, and its capitals are line starts.
const VERSE_STARTERS: &[&str] = &[
    "Dahil", "Hindi", "Kaya", "Kung", "Ngunit", "Pero", "Sadya", "Sapagkat", "Subalit", "Upang",
];

/// The first bytes of [`WORDS`].
const FIRST: ByteSet = ByteSet::first_bytes(WORDS);

impl Rule for MidSentenceCapital {
    fn needs(&self) -> Needs {
        Needs::first_bytes(FIRST)
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        if ctx.segment.kind == SegmentKind::Heading {
            return;
        }
        let tokens = ctx.tokens;
        // Which sentences are verse: worked out only if a candidate occurs.
        let verse = std::cell::OnceCell::new();
        for i in 1..tokens.len().saturating_sub(1) {
            if ctx.out_of_time() {
                return;
            }
            if !FIRST.contains(tokens[i].first) {
                continue;
            }
            let word = ctx.word(i);
            if !WORDS.contains(&word) || verse.get_or_init(|| verse_sentences(ctx))[i] {
                continue;
            }
            let prev = ctx.word(i - 1);
            let next = ctx.word(i + 1);
            let lower_prev = tokens[i - 1].kind == TokenKind::Word
                && prev
                    .chars()
                    .all(|c| c.is_lowercase() || c == '\'' || c == '\u{2019}');
            let lower_next = next.chars().next().is_some_and(char::is_lowercase);
            if !lower_prev
                || !lower_next
                || !matches!(ctx.gap_after(i - 1), " " | ", ")
                || ctx.gap_after(i) != " "
                || code_like_before(ctx, i - 1)
            {
                continue;
            }
            let range = tokens[i].range.clone();
            let lower = word.to_lowercase();
            out.report(range.clone(), format!("`{word}` is capitalised in the middle of a sentence; write `{lower}`")).replace(lower);
        }
    }
}

/// Token `i` is capitalised between two lower-case words on one line.
fn capital_inside(ctx: &Context<'_>, i: usize) -> bool {
    i >= 1
        && i + 1 < ctx.tokens.len()
        && ctx.word(i - 1).chars().all(char::is_lowercase)
        && ctx
            .word(i + 1)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        && matches!(ctx.gap_after(i - 1), " " | ", ")
        && ctx.gap_after(i) == " "
}

/// For each token, whether its sentence reads as verse with lost line breaks
/// (a capitalised `Kaya`, `Upang`, `Kung`... between lower-case words).
fn verse_sentences(ctx: &Context<'_>) -> Vec<bool> {
    let n = ctx.tokens.len();
    let mut out = vec![false; n];
    let mut start = 0;
    for i in 0..n {
        let end = i + 1 == n || ctx.gap_after(i).contains(['.', '!', '?', '\n']);
        if end {
            if (start..=i).any(|k| VERSE_STARTERS.contains(&ctx.word(k)) && capital_inside(ctx, k))
            {
                out[start..=i].iter_mut().for_each(|v| *v = true);
            }
            start = i + 1;
        }
    }
    out
}

/// The word at `i` is glued to a path or identifier character.
fn code_like_before(ctx: &Context<'_>, i: usize) -> bool {
    matches!(
        ctx.source[..ctx.tokens[i].range.start].chars().next_back(),
        Some('/' | '\\' | '_' | '.' | '@' | '#' | '$' | '-' | '<' | '{')
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::MidSentenceCapital);

    #[test]
    fn the_prefilter_covers_the_words() {
        crate::rules::testing::assert_needs_cover(&super::MidSentenceCapital, super::WORDS);
    }

    use crate::input::{Document, Format};

    #[test]
    fn capitalised_function_words_mid_sentence() {
        RULE.assert_fixed("ang bersiyon ng Ang module", "ang bersiyon ng ang module");
        RULE.assert_fixed("para sa Mga panlabas na", "para sa mga panlabas na");
        RULE.assert_fixed("bigas, Sa gayon ay", "bigas, sa gayon ay");
        assert_eq!(
            RULE.flagged("para sa Mga panlabas"),
            ["Mga"]
        );
        assert_eq!(
            RULE.check("para sa Mga panlabas")[0].message,
            "`Mga` is capitalised in the middle of a sentence; write `mga`"
        );
    }

    #[test]
    fn titles_sentence_starts_and_names_are_silent() {
        for text in [
            "Ang bahay ay malaki.",
            "Napanood ang Ang Probinsyano Ngayon",
            "Buksan ang Mga Setting",
            "Tandaan: Ang pulong ay bukas.",
            "Sinabi niya: \"Ang bahay ay malaki.\"",
            "ang linya\nAng susunod na linya",
            "nagwagi si Ang Lee at si Na Young",
            "isang pulong. Ang bahay",
            "ang (Mga tala) at [Sa loob]",
            "ang NBA Ang bahay",
            "tingnan ang /tmp/x Ang bahay",
            "sabit ang media sa kakasuhan Sa isang gulo na alam natin Kaya naman nagtanong kami",
        ] {
            RULE.assert_silent(text);
        }
    }

    #[test]
    fn headings_are_silent() {
        let doc = Document::new("t.md", "# Gabay para sa Mga baguhan\n", Format::Markdown);
        assert!(RULE.checker().check(&doc).is_empty());
    }
}
