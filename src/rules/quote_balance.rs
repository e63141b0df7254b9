use std::ops::Range;

use super::paragraph::{At, Paragraph};
use super::{Context, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;
use crate::text::{Mark, MarkKind};

declare_rule! {
    /// ## What it checks
    /// Inside one paragraph:
    /// - a double quote (straight `"` or curly `“ ”`) without its partner;
    /// - a bracket `(` `)` `[` `]` without its partner;
    /// - a space just inside an opening quote (`" Ang bahay"`), and inside
    ///   the closing one when both quotes of a pair stand free
    ///   (`" Ang bahay . "`);
    /// - an opening quote written twice (`“ “Ang bahay”`).
    ///
    /// ## Why
    /// Machine translation drops or duplicates quotation marks when it
    /// reorders a sentence, and tokenised training data leaves a space after
    /// the opening quote. Filipino punctuation follows English: quotes hug the
    /// text they enclose. Some unbalanced marks are normal and stay silent: a
    /// quotation that runs on into the next paragraph (opened at the start of
    /// the paragraph or after `sabi niya,` and never closed), an inch mark
    /// (`5"`), list labels (`a)`, `1)`), smileys (`:)`), and apostrophes,
    /// which are never counted. A bracket left open in the last sentence of a
    /// paragraph, or closed in its first sentence, is not reported either:
    /// that is how sentence-split text looks.
    ///
    /// ## Bad
    /// ```text
    /// Dumalo sila sa pulong na "Ligtas na Bayan at sa isang forum. Tumagal ito nang dalawang oras.
    /// Sinabi ng alkalde na " Ang kalusugan ay kayamanan" ang tema ngayong taon.
    /// Sinabi ng alkalde na " Ang kalusugan ay kayamanan " ang tema ngayong taon.
    /// Naglabas ang DOH (Kagawaran ng Kalusugan ng paalala. Sinunod ito ng lahat.
    /// Ang palabas na “ “pambata” ay para sa lahat.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Dumalo sila sa pulong na "Ligtas na Bayan" at sa isang forum.
    /// Sinabi ng alkalde na "Ang kalusugan ay kayamanan" ang tema ngayong taon.
    /// Naglabas ang DOH (Kagawaran ng Kalusugan) ng paalala.
    /// Sabi niya, "Babalik kami bukas.
    /// May 6.5" na screen ang telepono, at a) mura, b) magaan :)
    /// ```
    ///
    /// ## Fix
    /// Safe for a space inside a quote (the space is removed) and for a
    /// doubled opening quote (one is removed). A missing
    /// quote or bracket is reported only: where it belongs is a guess.
    pub struct QuoteBalance {
        name: "quote-balance",
        severity: Warning,
        fix: Safe,
        summary: "Unbalanced quotes or brackets in a paragraph, or a space inside quotes (`\" Ang`)",
    }
}

impl Rule for QuoteBalance {
    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let Some(para) = Paragraph::ending_at(ctx) else {
            return;
        };
        let Some(marks) = Marks::of(&para, ctx) else {
            return;
        };
        straight_quotes(&para, &marks.straight, out);
        curly_quotes(&para, &marks.curly, out);
        brackets(&para, &marks, out);
    }
}

/// A quote or bracket: where it is and which.
#[derive(Clone, Copy, Debug)]
struct Glyph {
    at: At,
    c: char,
}

/// The quotes and brackets of a paragraph that are judged.
#[derive(Default)]
struct Marks {
    /// Straight double quotes, each with its line (counted in the prose).
    straight: Vec<(Glyph, usize)>,
    curly: Vec<Glyph>,
    /// Brackets never closed.
    open: Vec<Glyph>,
    /// Closing brackets that close nothing.
    stray: Vec<Glyph>,
}

impl Marks {
    /// The paragraph's quotes and brackets, outside markup (`<a href="x">`);
    /// `None` when it has none, or when time is up. A kind of mark whose
    /// partner may be in the material cut out of the prose (inline code, a
    /// URL) is not judged.
    fn of(para: &Paragraph<'_, '_>, ctx: &Context<'_>) -> Option<Marks> {
        let judged = |(_, m): &(usize, &Mark)| {
            use MarkKind::*;
            matches!(
                m.kind,
                StraightQuote | OpeningQuote | ClosingQuote | OpeningBracket | ClosingBracket
            )
        };
        if !para.marks().any(|pm| judged(&pm)) {
            return None;
        }
        let mut marks = Marks::default();
        let (mut line, mut in_tag) = (0, false);
        for (piece, m) in para.marks() {
            if ctx.out_of_time() {
                return None;
            }
            let text = &para.source()[m.range.clone()];
            if m.kind.is_break() {
                line += text.bytes().filter(|&b| b == b'\n').count();
            }
            let mut chars = text.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                continue; // an ellipsis, a dash, a blank line: none matters
            };
            let g = Glyph {
                at: At {
                    piece,
                    byte: m.range.start,
                },
                c,
            };
            // Markup (`<a href="x">`): its quotes are attribute values.
            if in_tag {
                in_tag = c != '>';
                continue;
            }
            if c == '<' && para.char_after(g.at, c).is_some_and(|n| n.is_ascii_alphabetic() || n == '/') {
                in_tag = true;
                continue;
            }
            marks.add(para, g, line);
        }
        let cut: String = para.cuts().collect();
        if cut.contains(['"', '\u{201c}', '\u{201d}']) {
            marks.straight.clear();
            marks.curly.clear();
        }
        if cut.contains(['(', ')', '[', ']']) {
            marks.open.clear();
            marks.stray.clear();
        }
        Some(marks)
    }

    fn add(&mut self, para: &Paragraph<'_, '_>, g: Glyph, line: usize) {
        let prev = para.char_before(g.at);
        let smiley = matches!(prev, Some(':' | ';' | '='));
        match g.c {
            '"' => {
                let next = para.char_after(g.at, g.c);
                // An inch mark (`5"`), or `name="value"` in markup.
                let inch = prev.is_some_and(|p| p.is_ascii_digit())
                    && !next.is_some_and(char::is_alphanumeric);
                if !inch && prev != Some('=') {
                    self.straight.push((g, line));
                }
            }
            '\u{201c}' | '\u{201d}' => self.curly.push(g),
            '(' | '[' if !smiley => self.open.push(g),
            ')' | ']' if !smiley && !is_list_label(para, g) => {
                let opener = if g.c == ')' { '(' } else { '[' };
                match self.open.last() {
                    Some(o) if o.c == opener => {
                        self.open.pop();
                    }
                    _ => self.stray.push(g),
                }
            }
            _ => {}
        }
    }
}

/// Straight quotes: an odd count leaves one unpaired; blanks inside a pair.
fn straight_quotes(para: &Paragraph<'_, '_>, quotes: &[(Glyph, usize)], out: &mut Reporter<'_>) {
    let glyphs: Vec<Glyph> = quotes.iter().map(|&(g, _)| g).collect();
    if let Some(g) = unpaired_straight(quotes)
        && !opens_running_quotation(para, g)
    {
        report_unpaired(g, out);
    }
    // `na " Ang kalusugan"`: a quote with blanks on both sides opens when
    // the next quote closes (hugs the word before it).
    for w in glyphs.windows(2) {
        if hugs_the_text_before(para, w[1])
            && let Some(space) = space_inside_opening(para, w[0])
        {
            space.report(out);
        }
    }
    // `" Ang proyekto . "`: with an even count, a pair whose two quotes
    // both stand free has blanks inside on both sides.
    if glyphs.len().is_multiple_of(2) {
        for pair in glyphs.chunks(2) {
            let (open, close) = (pair[0], pair[1]);
            if stands_free(para, close)
                && let Some(opening) = space_inside_opening(para, open)
                && let Some(closing) = space_inside_closing(para, close, open)
            {
                opening.report(out);
                closing.report(out);
            }
        }
    }
}

/// With an odd count, the unpaired quote: the last of those on lines with
/// an odd count of their own (machine translation writes a paragraph per
/// line, and a plain-text paragraph may hold many, so a line whose quotes
/// pair up is settled), or else the last.
fn unpaired_straight(quotes: &[(Glyph, usize)]) -> Option<Glyph> {
    if quotes.len().is_multiple_of(2) {
        return None;
    }
    let mut last_odd = None;
    // Quotes come in order of lines: each line's are a run.
    for run in quotes.chunk_by(|a, b| a.1 == b.1) {
        if run.len() % 2 == 1 {
            last_odd = run.last().map(|&(g, _)| g);
        }
    }
    last_odd.or(quotes.last().map(|&(g, _)| g))
}

/// Curly quotes: openers and closers must pair up; no blank after an
/// opener.
fn curly_quotes(para: &Paragraph<'_, '_>, quotes: &[Glyph], out: &mut Reporter<'_>) {
    // `“ “Ang`: one opener too many, which is the whole imbalance.
    let mut kept: Vec<Glyph> = Vec::with_capacity(quotes.len());
    for &g in quotes {
        match kept.last() {
            Some(&first) if doubled_opener(para, first, g) => {
                let end = g.at.byte + g.c.len_utf8();
                out.report(first.at.byte..end, "an opening quotation mark written twice")
                    .suggest("\u{201c}")
                    .fix(Edit::delete(first.at.byte..g.at.byte));
                *kept.last_mut().expect("just matched") = g;
            }
            _ => kept.push(g),
        }
    }
    if let Some(g) = unpaired_curly(&kept)
        && !(g.c == '\u{201c}' && opens_running_quotation(para, g))
    {
        report_unpaired(g, out);
    }
    for &g in kept.iter().filter(|g| g.c == '\u{201c}') {
        if let Some(space) = space_inside_opening(para, g) {
            space.report(out);
        }
    }
}

/// `first` and `second` are opening quotes with nothing but blanks between.
fn doubled_opener(para: &Paragraph<'_, '_>, first: Glyph, second: Glyph) -> bool {
    first.c == '\u{201c}'
        && second.c == '\u{201c}'
        && first.at.piece == second.at.piece
        && para.source()[first.at.byte + first.c.len_utf8()..second.at.byte]
            .chars()
            .all(is_blank)
}

/// The first closer without an opener, or the last opener left open, when
/// the openers and closers cannot pair up.
fn unpaired_curly(quotes: &[Glyph]) -> Option<Glyph> {
    let opens = quotes.iter().filter(|g| g.c == '\u{201c}').count();
    if opens == quotes.len() - opens || quotes.len().is_multiple_of(2) {
        return None;
    }
    let mut depth = 0;
    let mut unpaired = None;
    for &g in quotes {
        if g.c == '\u{201c}' {
            if depth == 0 {
                unpaired = Some(g);
            }
            depth += 1;
        } else if depth == 0 {
            unpaired = Some(g);
            break;
        } else {
            depth -= 1;
            if depth == 0 {
                unpaired = None;
            }
        }
    }
    unpaired.or(quotes.last().copied())
}

/// Brackets: one left open before a later sentence, or closed after an
/// earlier one. (One open in the last sentence, or closed in the first, is
/// how sentence-split text looks.)
fn brackets(para: &Paragraph<'_, '_>, marks: &Marks, out: &mut Reporter<'_>) {
    if marks.open.is_empty() && marks.stray.is_empty() {
        return;
    }
    let breaks = para.sentence_breaks();
    for &g in &marks.open {
        if breaks.after(g.at.byte) {
            report_unpaired(g, out);
        }
    }
    for &g in &marks.stray {
        if breaks.before(g.at.byte) {
            report_unpaired(g, out);
        }
    }
}

/// `a)`, `1)`, `iv)` at the start of the paragraph or after white space.
fn is_list_label(para: &Paragraph<'_, '_>, g: Glyph) -> bool {
    let mut before = para.chars_before(g.at).map(|(_, c)| c);
    let mut label = Vec::with_capacity(3);
    let stop = loop {
        match before.next() {
            Some(c) if c.is_alphanumeric() => {
                if label.len() == 3 {
                    return false;
                }
                label.push(c);
            }
            other => break other,
        }
    };
    !label.is_empty()
        && stop.is_none_or(char::is_whitespace)
        && (label.iter().all(char::is_ascii_digit)
            || label.len() == 1
            || label.iter().all(|c| matches!(c, 'i' | 'v' | 'x')))
}

/// The quote at `g` opens a quotation that may continue in the next
/// paragraph: it stands at the start of the paragraph, or after a colon or
/// comma that introduces speech (`sabi niya, "…`), and nothing closes it.
fn opens_running_quotation(para: &Paragraph<'_, '_>, g: Glyph) -> bool {
    let before = para.source()[para.start()..g.at.byte].trim_end();
    let next = para.char_after(g.at, g.c);
    next.is_some_and(|c| !c.is_whitespace()) && (before.is_empty() || before.ends_with([',', ':']))
}

/// The quote at `g` closes what comes before it: no blank before it, and
/// no letter or digit after it.
fn hugs_the_text_before(para: &Paragraph<'_, '_>, g: Glyph) -> bool {
    !para.char_before(g.at).is_some_and(char::is_whitespace)
        && !para.char_after(g.at, g.c).is_some_and(char::is_alphanumeric)
}

/// The quote at `g` has a blank before it and no letter or digit after it.
fn stands_free(para: &Paragraph<'_, '_>, g: Glyph) -> bool {
    para.char_before(g.at).is_some_and(char::is_whitespace)
        && !para.char_after(g.at, g.c).is_some_and(char::is_alphanumeric)
}

fn report_unpaired(g: Glyph, out: &mut Reporter<'_>) {
    let what = match g.c {
        '"' | '\u{201c}' | '\u{201d}' => "quotation mark",
        _ => "bracket",
    };
    out.report(
        g.at.byte..g.at.byte + g.c.len_utf8(),
        format!("this {what} `{}` has no partner in the paragraph", g.c),
    );
}

/// Blanks inside a quotation mark: the quote and the character beside it
/// (flagged), what they should read, and the blanks to delete.
struct Spaced {
    span: Range<usize>,
    suggestion: String,
    blanks: Range<usize>,
    message: &'static str,
}

impl Spaced {
    fn report(self, out: &mut Reporter<'_>) {
        out.report(self.span, self.message)
            .suggest(self.suggestion)
            .fix(Edit::delete(self.blanks));
    }
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

/// `" Ang`: an opening quote, at the start or after a blank, a bracket or a
/// colon, followed by blanks and a word.
fn space_inside_opening(para: &Paragraph<'_, '_>, g: Glyph) -> Option<Spaced> {
    let at = g.at.byte;
    let prev = para.source()[para.start()..at].chars().next_back();
    if prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | ':')) {
        return None;
    }
    let after = At {
        byte: at + g.c.len_utf8(),
        ..g.at
    };
    let (blanks, (word, first)) = para
        .chars_from(after)
        .enumerate()
        .find(|&(_, (_, c))| !is_blank(c))?;
    if blanks == 0 || !first.is_alphanumeric() {
        return None;
    }
    Some(Spaced {
        span: at..word.byte + first.len_utf8(),
        suggestion: format!("{}{first}", g.c),
        blanks: after.byte..word.byte,
        message: "no space belongs inside an opening quotation mark",
    })
}

/// `taon . "`: blanks before the closing quote `close`, after the text it
/// closes (which starts after `open`).
fn space_inside_closing(para: &Paragraph<'_, '_>, close: Glyph, open: Glyph) -> Option<Spaced> {
    let mut blanks_start = None;
    for (at, c) in para.chars_before(close.at) {
        if at.byte <= open.at.byte {
            return None; // nothing but blanks inside the quotes
        }
        if is_blank(c) {
            blanks_start = Some(at.byte);
            continue;
        }
        let blanks_start = blanks_start?;
        if c == '\n' {
            return None;
        }
        return Some(Spaced {
            span: at.byte..close.at.byte + close.c.len_utf8(),
            suggestion: format!("{c}{}", close.c),
            blanks: blanks_start..close.at.byte,
            message: "no space belongs inside a closing quotation mark",
        });
    }
    None
}

#[cfg(test)]
mod line_tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::QuoteBalance);

    #[test]
    fn the_unpaired_quote_is_sought_on_the_unbalanced_line() {
        let text = "Sa \"Ang Bayan\" at \"Ito.\nSa \"isa\" at \"dalawa\" rin.\n";
        let found = RULE.check(text);
        assert_eq!(found.len(), 1);
        let q = &found[0];
        assert!(
            q.span.start < text.find('\n').unwrap(),
            "reported on line 2: {q:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::input::{Document, Format};
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::QuoteBalance);

    #[test]
    fn unpaired_quote_mid_paragraph() {
        assert_eq!(
            RULE.flagged("ang talakayang \"Ang Bayan\" na Bayan \"Mga Hakbang at iba pa."),
            ["\""]
        );
        let d = RULE.check("ang \"Ligtas at iba pa. Tapos na.");
        assert_eq!(
            d[0].message,
            "this quotation mark `\"` has no partner in the paragraph"
        );
        assert!(d[0].fix.is_none());
    }

    #[test]
    fn space_inside_opening_quote_is_fixed() {
        RULE.assert_fixed(
            "sinabi na \" Ang bahay\" ang tema",
            "sinabi na \"Ang bahay\" ang tema",
        );
        RULE.assert_fixed("ang “ Bayan” at", "ang “Bayan” at");
    }

    #[test]
    fn blanks_inside_both_quotes() {
        RULE.assert_fixed(
            "Sinabi niya na \" Ang proyekto ay tuloy . \" Umalis siya.",
            "Sinabi niya na \"Ang proyekto ay tuloy .\" Umalis siya.",
        );
        RULE.assert_silent("\" Sinagot niya ng, \"Oo naman!");
        RULE.assert_silent("Sabi ko \"oo\" at \"hindi\" lang.");
    }

    #[test]
    fn doubled_opening_quotes() {
        RULE.assert_fixed(
            "Ang palabas na “ “ pambata” ay para sa lahat.",
            "Ang palabas na “pambata” ay para sa lahat.",
        );
        assert_eq!(RULE.flagged("na ““pambata” at"), ["““"]);
        RULE.assert_silent("Sabi niya “isa” at “dalawa”.");
    }

    #[test]
    fn curly_quotes_and_brackets() {
        assert_eq!(
            RULE.flagged("ang “Bayan at iba pa. Tapos na."),
            ["“"]
        );
        assert_eq!(
            RULE.flagged("Una ito. Ang DOH) ay nagsabi."),
            [")"]
        );
        RULE.assert_silent("ang “Bayan” at ang (DOH) at [1]");
    }

    #[test]
    fn running_quotations_sentence_splits_and_labels_are_silent() {
        for text in [
            "Sabi niya, \"Babalik kami bukas.",
            "\"Ito ang simula ng mahabang talumpati.",
            "Ayon sa ulat (na inilabas noong 14.",
            "gagawin kaagad). Pagkatapos ay umalis.",
            "Pumili: a) oo, b) hindi, 1) isa :)",
            "Isang 6.5\" na screen",
            "ang <div class=\"x",
            "Pindutin ang <a data-name=\"link\">Alamin</a> at <b>ito</b>.",
            "ang 'yun at ‘yung",
            "\" Sinagot niya ng, \"Oo naman!",
        ] {
            RULE.assert_silent(text);
        }
    }

    #[test]
    fn a_paragraph_split_by_inline_code_is_one_paragraph() {
        let doc = Document::new(
            "t.md",
            "Patakbuhin ang \"salin `check` ngayon\" sa terminal.\n",
            Format::Markdown,
        );
        assert!(RULE.checker().check(&doc).is_empty());
        let doc = Document::new(
            "t.md",
            "Basahin ang [ulat](https://x.ph/a b) at ang \"`code\"` dito.\n",
            Format::Markdown,
        );
        assert!(RULE.checker().check(&doc).is_empty());
        let doc = Document::new(
            "t.md",
            "Sabi niya, \"talata.\n\nAt isa \"pa. Tapos.\n",
            Format::Markdown,
        );
        let found = RULE.checker().check(&doc);
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
