use std::ops::Range;

use super::{Context, Reporter, Rule, declare_rule};
use crate::diagnostic::Edit;

declare_rule! {
    /// ## What it checks
    /// Inside one paragraph:
    /// - a double quote (straight `"` or curly `“ ”`) without its partner;
    /// - a bracket `(` `)` `[` `]` without its partner;
    /// - a space just inside an opening quote (`" Ang bahay"`), and inside
    ///   the closing one when both quotes of a pair stand free
    ///   (`" Ang bahay . "`).
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
    /// Safe for a space inside a quote (the space is removed). A missing
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
        let Some(group) = paragraph_group(ctx) else {
            return;
        };
        let source = ctx.source;
        let pieces: Vec<Range<usize>> = ctx.segments[group]
            .iter()
            .map(|s| s.range.clone())
            .collect();
        // Most paragraphs have no mark to judge: skip them without building
        // the character table.
        // (A byte test: 0xE2 leads the curly quotes, and a few other
        // characters, which the full pass then tells apart.)
        let may_have_mark = |r: &Range<usize>| {
            source.as_bytes()[r.clone()]
                .iter()
                .any(|b| matches!(b, b'"' | b'(' | b')' | b'[' | b']' | 0xE2))
        };
        if !pieces.iter().any(may_have_mark) {
            return;
        }
        // Every character of the paragraph with its absolute offset.
        let chars: Vec<(usize, char)> = pieces
            .iter()
            .flat_map(|r| {
                source[r.clone()]
                    .char_indices()
                    .map(move |(i, c)| (r.start + i, c))
            })
            .collect();
        let para_start = pieces[0].start;
        let para_end = pieces[pieces.len() - 1].end;
        // Material cut out between the pieces (inline code, a URL) may hold
        // the partner of a mark: then that kind of mark is not judged.
        let cut: String = pieces
            .windows(2)
            .map(|w| &source[w[0].end..w[1].start])
            .collect();
        let quotes_cut = cut.contains(['"', '\u{201c}', '\u{201d}']);
        let brackets_cut = cut.contains(['(', ')', '[', ']']);

        let mut straight = Vec::new(); // indices into `chars`
        let mut curly = Vec::new();
        let mut brackets: Vec<usize> = Vec::new(); // open-bracket stack
        let mut stray_closers = Vec::new();
        let mut in_tag = false;
        for (k, &(_, c)) in chars.iter().enumerate() {
            let prev = k.checked_sub(1).map(|j| chars[j].1);
            let next = chars.get(k + 1).map(|&(_, c)| c);
            // Markup (`<a href="x">`): its quotes are attribute values.
            if in_tag {
                in_tag = c != '>';
                continue;
            }
            if c == '<' && next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/') {
                in_tag = true;
                continue;
            }
            match c {
                '"' => {
                    let inch = prev.is_some_and(|p| p.is_ascii_digit())
                        && !next.is_some_and(char::is_alphanumeric);
                    // `name="value"` in markup.
                    let attribute = prev == Some('=');
                    if !inch && !attribute {
                        straight.push(k);
                    }
                }
                '\u{201c}' | '\u{201d}' => curly.push(k),
                '(' | '[' if !matches!(prev, Some(':' | ';' | '=')) => brackets.push(k),
                ')' | ']' => {
                    let open = if c == ')' { '(' } else { '[' };
                    if matches!(prev, Some(':' | ';' | '=')) || is_list_label(&chars, k) {
                        continue;
                    }
                    match brackets.last() {
                        Some(&j) if chars[j].1 == open => {
                            brackets.pop();
                        }
                        Some(_) => stray_closers.push(k),
                        None => stray_closers.push(k),
                    }
                }
                _ => {}
            }
        }

        if quotes_cut {
            straight.clear();
            curly.clear();
        }
        if brackets_cut {
            brackets.clear();
            stray_closers.clear();
        }

        // Straight quotes: an odd count leaves the last one unpaired. A line
        // whose own quotes pair up is settled (machine translation writes a
        // paragraph per line, and a plain-text paragraph may hold many), so
        // the unpaired quote is sought among the lines with an odd count.
        if straight.len() % 2 == 1 {
            let k = *unsettled(&chars, &straight)
                .last()
                .unwrap_or(straight.last().unwrap());
            if !opens_running_quotation(&chars, k, para_start, source) {
                report_unpaired(out, &chars, k);
            }
        }
        // `na " Ang kalusugan"`: a quote with blanks on both sides opens when
        // the next quote closes (hugs the word before it).
        for w in straight.windows(2) {
            let next = w[1];
            let closes = !chars[next - 1].1.is_whitespace()
                && !chars
                    .get(next + 1)
                    .is_some_and(|&(_, c)| c.is_alphanumeric());
            if closes && let Some(d) = space_inside_opening(&chars, w[0], para_start, source) {
                d.report(out);
            }
        }
        // `" Ang proyekto . "`: with an even count, a pair whose two quotes
        // both stand free has blanks inside on both sides.
        if straight.len() % 2 == 0 {
            for pair in straight.chunks(2) {
                let (open, close) = (pair[0], pair[1]);
                let free_close = chars[close - 1].1.is_whitespace()
                    && !chars
                        .get(close + 1)
                        .is_some_and(|&(_, c)| c.is_alphanumeric());
                if !free_close {
                    continue;
                }
                if let Some(d) = space_inside_opening(&chars, open, para_start, source)
                    && let Some(c) = space_inside_closing(&chars, close, open)
                {
                    d.report(out);
                    c.report(out);
                }
            }
        }

        // Curly quotes: openers and closers must pair up.
        let opens = curly.iter().filter(|&&k| chars[k].1 == '\u{201c}').count();
        let closes = curly.len() - opens;
        if opens != closes && curly.len() % 2 == 1 {
            let mut depth = 0i32;
            let mut unpaired_at = None;
            for &k in &curly {
                if chars[k].1 == '\u{201c}' {
                    if depth == 0 {
                        unpaired_at = Some(k);
                    }
                    depth += 1;
                } else if depth == 0 {
                    unpaired_at = Some(k);
                    break;
                } else {
                    depth -= 1;
                    if depth == 0 {
                        unpaired_at = None;
                    }
                }
            }
            if let Some(k) = unpaired_at.or(curly.last().copied())
                && !(chars[k].1 == '\u{201c}'
                    && opens_running_quotation(&chars, k, para_start, source))
            {
                report_unpaired(out, &chars, k);
            }
        }
        for &k in curly.iter().filter(|&&k| chars[k].1 == '\u{201c}') {
            if let Some(d) = space_inside_opening(&chars, k, para_start, source) {
                d.report(out);
            }
        }

        // Brackets.
        for &k in &brackets {
            let at = chars[k].0;
            if sentence_break_between(source, at, para_end) {
                report_unpaired(out, &chars, k);
            }
        }
        for &k in &stray_closers {
            let at = chars[k].0;
            if sentence_break_between(source, para_start, at) {
                report_unpaired(out, &chars, k);
            }
        }
    }
}

/// The quotes (indices into `chars`) on lines holding an odd number of them.
fn unsettled(chars: &[(usize, char)], quotes: &[usize]) -> Vec<usize> {
    let mut line_of = Vec::with_capacity(quotes.len());
    let mut line = 0;
    let mut next = quotes.iter().peekable();
    for (k, &(_, c)) in chars.iter().enumerate() {
        if next.peek() == Some(&&k) {
            line_of.push(line);
            next.next();
        }
        if c == '\n' {
            line += 1;
        }
    }
    quotes
        .iter()
        .zip(&line_of)
        .filter(|&(_, l)| line_of.iter().filter(|m| *m == l).count() % 2 == 1)
        .map(|(&q, _)| q)
        .collect()
}

/// The index range of the segments forming the paragraph that ends with
/// `ctx.segment`, or `None` when the paragraph continues in a later segment.
/// Segments join when they share a block, or when only inline material
/// (code, a link) without a line break separates them.
fn paragraph_group(ctx: &Context<'_>) -> Option<Range<usize>> {
    let segs = ctx.segments;
    let joins = |a: usize, b: usize| {
        segs[a].block == segs[b].block
            || !ctx.source[segs[a].range.end..segs[b].range.start].contains('\n')
    };
    let i = ctx.index;
    if i + 1 < segs.len() && joins(i, i + 1) {
        return None;
    }
    let mut start = i;
    while start > 0 && joins(start - 1, start) {
        start -= 1;
    }
    Some(start..i + 1)
}

/// `a)`, `1)`, `iv)` at the start of the paragraph or after white space.
fn is_list_label(chars: &[(usize, char)], k: usize) -> bool {
    let mut j = k;
    while j > 0 && chars[j - 1].1.is_alphanumeric() {
        j -= 1;
    }
    let label = k - j;
    (1..=3).contains(&label)
        && (j == 0 || chars[j - 1].1.is_whitespace())
        && (chars[j..k].iter().all(|&(_, c)| c.is_ascii_digit())
            || label == 1
            || chars[j..k]
                .iter()
                .all(|&(_, c)| matches!(c, 'i' | 'v' | 'x')))
}

/// The quote at `k` opens a quotation that may continue in the next
/// paragraph: it stands at the start of the paragraph, or after a colon or
/// comma that introduces speech (`sabi niya, "…`), and nothing closes it.
fn opens_running_quotation(
    chars: &[(usize, char)],
    k: usize,
    para_start: usize,
    source: &str,
) -> bool {
    let at = chars[k].0;
    let before = source[para_start..at].trim_end();
    let next = chars.get(k + 1).map(|&(_, c)| c);
    next.is_some_and(|c| !c.is_whitespace()) && (before.is_empty() || before.ends_with([',', ':']))
}

fn report_unpaired(out: &mut Reporter<'_>, chars: &[(usize, char)], k: usize) {
    let (at, c) = chars[k];
    let what = match c {
        '"' | '\u{201c}' | '\u{201d}' => "quotation mark",
        _ => "bracket",
    };
    out.report(
        at..at + c.len_utf8(),
        format!("this {what} `{c}` has no partner in the paragraph"),
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

/// `" Ang`: an opening quote followed by blanks and a word.
fn space_inside_opening(
    chars: &[(usize, char)],
    k: usize,
    para_start: usize,
    source: &str,
) -> Option<Spaced> {
    let (at, q) = chars[k];
    let prev = source[para_start..at].chars().next_back();
    if prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | ':')) {
        return None;
    }
    let mut j = k + 1;
    while chars
        .get(j)
        .is_some_and(|&(_, c)| c == ' ' || c == '\u{a0}')
    {
        j += 1;
    }
    let &(word_at, first) = chars.get(j)?;
    if j == k + 1 || !first.is_alphanumeric() {
        return None;
    }
    Some(Spaced {
        span: at..word_at + first.len_utf8(),
        suggestion: format!("{q}{first}"),
        blanks: at + q.len_utf8()..word_at,
        message: "no space belongs inside an opening quotation mark",
    })
}

/// `taon . "`: blanks before a closing quote, after the text it closes
/// (which starts after `open`).
fn space_inside_closing(chars: &[(usize, char)], close: usize, open: usize) -> Option<Spaced> {
    let mut j = close;
    while j > open + 1 && matches!(chars[j - 1].1, ' ' | '\u{a0}') {
        j -= 1;
    }
    if j == close || j <= open + 1 || chars[j - 1].1 == '\n' {
        return None;
    }
    let (last_at, last) = chars[j - 1];
    let (at, q) = chars[close];
    Some(Spaced {
        span: last_at..at + q.len_utf8(),
        suggestion: format!("{last}{q}"),
        blanks: chars[j].0..at,
        message: "no space belongs inside a closing quotation mark",
    })
}

/// A sentence ends and another starts (`. A`, `? A`) in `source[from..to]`.
fn sentence_break_between(source: &str, from: usize, to: usize) -> bool {
    let text = &source[from..to];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '.' | '!' | '?') {
            let mut spaced = false;
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
                spaced = true;
            }
            if spaced && chars.peek().is_some_and(|c| c.is_uppercase()) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod line_tests {
    use crate::rules::testing::flagged;

    #[test]
    fn the_unpaired_quote_is_sought_on_the_unbalanced_line() {
        let text = "Sa \"Ang Bayan\" at \"Ito.\nSa \"isa\" at \"dalawa\" rin.\n";
        let found: Vec<_> = flagged(text)
            .into_iter()
            .filter(|(r, _)| *r == "quote-balance")
            .collect();
        assert_eq!(found.len(), 1);
        let d = crate::rules::testing::check(text);
        let q = d.iter().find(|d| d.rule == "quote-balance").unwrap();
        assert!(
            q.span.start < text.find('\n').unwrap(),
            "reported on line 2: {q:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::input::{Document, Format};
    use crate::rules::testing::{assert_fixed, assert_silent, check, checker, flagged};

    #[test]
    fn unpaired_quote_mid_paragraph() {
        assert_eq!(
            flagged("ang talakayang \"Ang Bayan\" na Bayan \"Mga Hakbang at iba pa."),
            [("quote-balance", "\"".to_string())]
        );
        let d = check("ang \"Ligtas at iba pa. Tapos na.");
        assert_eq!(
            d[0].message,
            "this quotation mark `\"` has no partner in the paragraph"
        );
        assert!(d[0].fix.is_none());
    }

    #[test]
    fn space_inside_opening_quote_is_fixed() {
        assert_fixed(
            "sinabi na \" Ang bahay\" ang tema",
            "sinabi na \"Ang bahay\" ang tema",
        );
        assert_fixed("ang “ Bayan” at", "ang “Bayan” at");
    }

    #[test]
    fn blanks_inside_both_quotes() {
        assert_fixed(
            "Sinabi niya na \" Ang proyekto ay tuloy . \" Umalis siya.",
            "Sinabi niya na \"Ang proyekto ay tuloy.\" Umalis siya.",
        );
        assert_silent("\" Sinagot niya ng, \"Oo naman!");
        assert_silent("Sabi ko \"oo\" at \"hindi\" lang.");
    }

    #[test]
    fn curly_quotes_and_brackets() {
        assert_eq!(
            flagged("ang “Bayan at iba pa. Tapos na."),
            [("quote-balance", "“".to_string())]
        );
        assert_eq!(
            flagged("Una ito. Ang DOH) ay nagsabi."),
            [("quote-balance", ")".to_string())]
        );
        assert_silent("ang “Bayan” at ang (DOH) at [1]");
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
            assert_silent(text);
        }
    }

    #[test]
    fn a_paragraph_split_by_inline_code_is_one_paragraph() {
        let doc = Document::new(
            "t.md",
            "Patakbuhin ang \"salin `check` ngayon\" sa terminal.\n",
            Format::Markdown,
        );
        assert!(checker().check(&doc).is_empty());
        let doc = Document::new(
            "t.md",
            "Basahin ang [ulat](https://x.ph/a b) at ang \"`code\"` dito.\n",
            Format::Markdown,
        );
        assert!(checker().check(&doc).is_empty());
        let doc = Document::new(
            "t.md",
            "Sabi niya, \"talata.\n\nAt isa \"pa. Tapos.\n",
            Format::Markdown,
        );
        let found = checker().check(&doc);
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
