use super::{Context, Reporter, Rule, declare_rule, paragraph_continues};
use crate::diagnostic::Edit;
use crate::lexicon::is_abbreviation;
use crate::text::tokens::fold;

declare_rule! {
    /// ## What it checks
    /// Spacing around punctuation inside a line:
    /// - a space before `,` `.` `;` `:` `!` `?` (`Maynila ,`), also after a
    ///   closing bracket or quote, a trademark sign, a link, inline code or
    ///   a placeholder (`(PNA) ,`, `ACME™ .`, ``[gabay](url) .``,
    ///   `` `--index` , ``, `{{d}} ,`);
    /// - the space before a mark instead of after it (`matagumpay .Sinabi`,
    ///   `isa ,dalawa`);
    /// - a space inside a number (`1 ,500`);
    /// - a space after an opening bracket or before a closing one
    ///   (`( Buksan sa tab)`, `(PNA )`), when the other side of the pair
    ///   has none (`( PNA )`, spaced on both sides, is a writer's style);
    /// - no space after a sentence's full stop, question or exclamation mark
    ///   before the next sentence (`temperatura.Ang`), or after a comma or
    ///   semicolon between words (`isa,dalawa`);
    /// - two or three spaces between words (`Carl  Zeiss`).
    ///
    /// ## Why
    /// Filipino follows the English convention: no space before these marks,
    /// one after. Machine translation that joins segments drops or doubles
    /// the spaces. Abbreviations (`Sta.Rosa`, `Gng.`), decimals (`3.5`),
    /// thousands (`1,000`), times (`10:30`), domains and URLs, an ellipsis, and
    /// runs of four or more spaces (column alignment) are left alone.
    ///
    /// ## Bad
    /// ```text
    /// Dumating sila sa Maynila , at nagpulong.
    /// Mainit ang temperatura.Ang ulan ay darating bukas.
    /// Tatlong bagay ang kailangan:isa,dalawa at tatlo.
    /// Ang pulong ay  bukas ng umaga.
    /// Ayon sa ulat ng ( PNA ) , dumalo ang 1 ,500 katao.
    /// Naging matagumpay ang pulong .Sinabi ng alkalde na babalik siya.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Dumating sila sa Maynila, at nagpulong.
    /// Tumaas ito ng 3.5 porsiyento sa 1,000 bahay noong 10:30 n.u.
    /// Bisitahin ang pagasa.dost.gov.ph para sa ulat.
    /// Si Gng. Santos ay taga-Sta.Rosa at mahilig sa .NET at Node.js.
    /// Hintayin mo ... at saka sumagot.
    /// Ayon sa ulat ng (PNA), dumalo ang 1,500 katao, at :( ang mukha niya.
    /// ```
    ///
    /// ## Fix
    /// Safe: the space before the mark is removed, a missing space is added,
    /// a doubled space becomes one.
    pub struct PunctuationSpacing {
        name: "punctuation-spacing",
        severity: Warning,
        fix: Safe,
        summary: "Space before punctuation, missing space after it, or doubled spaces",
    }
}

impl Rule for PunctuationSpacing {
    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let text = ctx.text();
        if !may_need_spacing(text.as_bytes()) {
            return;
        }
        let base = ctx.segment.range.start;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let mut k = 0;
        while k < chars.len() {
            if ctx.out_of_time() {
                return;
            }
            let (i, c) = chars[k];
            if c == ' ' {
                // A run of spaces.
                let mut e = k;
                while at(e + 1) == Some(' ') {
                    e += 1;
                }
                let run = e - k + 1;
                // At the start of a segment that continues a paragraph or a
                // value after a cut (a link, inline code, an escape), the
                // text before the spaces is what was cut out.
                let before = match k.checked_sub(1) {
                    Some(j) => at(j),
                    None => text_before_cut(ctx),
                };
                let after = at(e + 1);
                let end = chars.get(e + 1).map_or(text.len(), |&(j, _)| j);
                if let (Some(b), Some(a)) = (before, after) {
                    let spaces = base + i..base + end;
                    if ends_a_phrase(b) && is_closing_mark(a) && mark_stands_alone(&chars, e + 1)
                    {
                        out.report(spaces.start..spaces.end + a.len_utf8(), format!("no space belongs before `{a}`")).suggest(a.to_string()).fix(Edit::delete(spaces));
                    } else if let Some(moved) = moved_space(text, &chars, b, e + 1) {
                        let mark_end = spaces.end + a.len_utf8();
                        out.report(spaces.start..mark_end + moved.len(), format!("the space belongs after `{a}`, not before it")).suggest(format!("{a} {moved}")).fix_edits(vec![Edit::delete(spaces), Edit::insert(mark_end, " ")]);
                    } else if matches!(a, ')' | ']') && ends_a_phrase(b) && !b.is_ascii_digit() && !padded_both_sides(&chars, e + 1) {
                        out.report(spaces.start..spaces.end + 1, format!("no space belongs before `{a}`")).suggest(a.to_string()).fix(Edit::delete(spaces));
                    } else if k > 0 && matches!(b, '(' | '[') && a.is_alphanumeric() && opens_freely(text, &chars, k) && !padded_both_sides(&chars, k - 1) {
                        let open = spaces.start - 1;
                        out.report(open..spaces.end + a.len_utf8(), format!("no space belongs after `{b}`")).suggest(format!("{b}{a}")).fix(Edit::delete(spaces));
                    } else if b.is_ascii_digit() && a == ',' && thousands_follow(&chars, e + 2) {
                        out.report(spaces.start..spaces.end + 1, "no space belongs inside a number").suggest(",").fix(Edit::delete(spaces));
                    } else if (2..=3).contains(&run) && !b.is_whitespace() && !a.is_whitespace() {
                        out.report(spaces, format!("{run} spaces between words; use one")).replace(" ");
                    }
                }
                k = e + 1;
                continue;
            }
            if matches!(c, '.' | '?' | '!' | ',' | ';') && missing_space_after(text, &chars, k) {
                let next = chars[k + 1].1;
                out.report(base + i..base + i + c.len_utf8() + next.len_utf8(), format!("missing space after `{c}`")).suggest(format!("{c} {next}")).fix(Edit::insert(base + i + 1, " "));
            }
            k += 1;
        }
    }
}

/// Whether `text` has any of the byte pairs every finding starts with: two
/// spaces, a space before a closing mark or bracket or after an opening
/// bracket, a space at the start (after a cut), or a mark that white space
/// does not follow. Most paragraphs have none and skip the character-level pass.
fn may_need_spacing(text: &[u8]) -> bool {
    if text.first() == Some(&b' ')
        || [&b"  "[..], b" )", b" ]", b"( ", b"[ "]
            .iter()
            .any(|pair| memchr::memmem::find(text, pair).is_some())
    {
        return true;
    }
    // Marks are rarer than spaces: look at each mark's neighbours.
    let suspicious = |i: usize| {
        (i > 0 && text[i - 1] == b' ')
            || (text[i] != b':' && text.get(i + 1).is_some_and(|n| !n.is_ascii_whitespace()))
    };
    memchr::memchr3_iter(b'.', b',', b'?', text).any(suspicious)
        || memchr::memchr3_iter(b'!', b';', b':', text).any(suspicious)
}

/// The character just before the segment, when the segment continues a
/// paragraph or value after something cut out of its prose (a link, inline
/// code, an escape) and nothing blank stands between.
fn text_before_cut(ctx: &Context<'_>) -> Option<char> {
    let previous = ctx.index.checked_sub(1).map(|j| &ctx.segments[j])?;
    if !paragraph_continues(ctx.source, previous, ctx.segment) {
        return None;
    }
    ctx.source[..ctx.segment.range.start]
        .chars()
        .next_back()
        .filter(|c| !c.is_whitespace())
}

/// A character after which a clause may end, so that a space between it
/// and a closing mark is a stray one: a letter or digit, a closing bracket
/// or quotation mark, a trademark or percent sign, or the end of a tag or
/// of inline code.
fn ends_a_phrase(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            ')' | ']' | '}' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{2122}' | '\u{ae}' | '%' | '>' | '`'
        )
}

/// `matagumpay .Sinabi`, `isa ,dalawa`: a mark between two words with the
/// space before it instead of after; the word after it, when so.
fn moved_space<'t>(text: &'t str, chars: &[(usize, char)], before: char, k: usize) -> Option<&'t str> {
    let (at, mark) = *chars.get(k)?;
    if !before.is_alphabetic() || !matches!(mark, '.' | ',' | ';' | '!' | '?') {
        return None;
    }
    let start = at + mark.len_utf8();
    let word = text[start..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .filter(|w| w.chars().count() >= 2)?;
    let after = text[start + word.len()..].chars().next();
    if after.is_some_and(|c| !(c.is_whitespace() || is_closing_mark(c))) {
        return None; // `.NET/Core`, `.tar.gz`
    }
    let first = word.chars().next()?;
    let rest_lower = word.chars().skip(1).all(char::is_lowercase);
    let next_is_sentence = first.is_uppercase() && rest_lower && is_filipino_word(word);
    let next_is_clause = mark != '.' && word.chars().all(char::is_lowercase) && is_filipino_word(word);
    (next_is_sentence || next_is_clause).then_some(word)
}

/// A word that Filipino text uses more than English text (so not `.Net`,
/// `.Docx`), or a Filipino function word.
fn is_filipino_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    if crate::lexicon::is_function_word(&lower) {
        return true;
    }
    let f = crate::lexicon::frequency_lower(&lower);
    f.fil > 0 && f.fil >= f.en
}

/// The bracket just before `chars[k]` opens a phrase: it starts the text
/// or follows a blank or an opening quotation mark (not `:(`, `f(`).
fn opens_freely(text: &str, chars: &[(usize, char)], k: usize) -> bool {
    let _ = text;
    match k.checked_sub(2).map(|j| chars[j].1) {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '"' | '\u{201c}' | '\u{2018}'),
    }
}

/// The bracket at `chars[k]` and its partner both have a space inside
/// (`( LP )`): a house style some writers keep throughout, not a slip.
/// Machine translation spaces one side only (`( Buksan sa bagong tab)`).
fn padded_both_sides(chars: &[(usize, char)], k: usize) -> bool {
    let (open, close) = match chars[k].1 {
        '(' | ')' => ('(', ')'),
        _ => ('[', ']'),
    };
    let forward = chars[k].1 == open;
    let mut depth = 0usize;
    let mut j = k;
    loop {
        j = match forward {
            true if j + 1 < chars.len() => j + 1,
            false if j > 0 => j - 1,
            _ => return false,
        };
        let c = chars[j].1;
        if c == '\n' {
            return false;
        }
        if c == chars[k].1 {
            depth += 1;
        } else if c == if forward { close } else { open } {
            if depth == 0 {
                let inside = if forward { j.checked_sub(1) } else { Some(j + 1) };
                return inside.and_then(|i| chars.get(i)).is_some_and(|&(_, c)| c == ' ');
            }
            depth -= 1;
        }
    }
}

/// Exactly three digits at `chars[k..]`, then no digit: the group after a
/// thousands comma (`1 ,500`).
fn thousands_follow(chars: &[(usize, char)], k: usize) -> bool {
    (k..k + 3).all(|j| chars.get(j).is_some_and(|&(_, c)| c.is_ascii_digit()))
        && !chars.get(k + 3).is_some_and(|&(_, c)| c.is_ascii_digit())
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?')
}

/// The mark at `k` ends a clause: white space or the end follows it (so `.NET`,
/// `:00` and an ellipsis ` ...` are not flagged).
fn mark_stands_alone(chars: &[(usize, char)], k: usize) -> bool {
    let mark = chars[k].1;
    match chars.get(k + 1).map(|&(_, c)| c) {
        None => true,
        Some(c) if c.is_whitespace() => true,
        // A smiley, `:)` or `;(`.
        Some(')' | '(') if matches!(mark, ':' | ';') => false,
        Some(c) => {
            matches!(c, '"' | '\u{201d}' | ')')
                || (matches!(mark, '!' | '?') && matches!(c, '!' | '?'))
        }
    }
}

/// A mark glued between two words that should be separated by a space.
fn missing_space_after(text: &str, chars: &[(usize, char)], k: usize) -> bool {
    let (i, c) = chars[k];
    let Some(&(_, next)) = chars.get(k + 1) else {
        return false;
    };
    let next2 = chars.get(k + 2).map(|&(_, c)| c);
    // The word before the mark (a number, before a sentence start).
    let alnum_word = matches!(c, '.' | '?' | '!') && starts_filipino_sentence(text, chars, k + 1);
    let word_start = text[..i]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || (alnum_word && c.is_ascii_digit()))
        .last()
        .map_or(i, |(j, _)| j);
    let word = &text[word_start..i];
    let before_word = text[..word_start].chars().next_back();
    if word.chars().count() < 2
        // `&nbsp;Cask`: the `;` closes an HTML entity, which is no mark.
        || before_word.is_some_and(|b| matches!(b, '.' | '/' | '@' | '-' | '_' | '&'))
    {
        return false;
    }
    match c {
        '.' | '?' | '!' => {
            // `temperatura.Ang`: lower-case word, then a capitalised word;
            // or any word or number, then a capitalised Filipino function
            // word that starts sentences (`Pilipinas.Ang`, `2024.Ang`).
            let lower_word = word.chars().all(char::is_lowercase);
            let marker_next = starts_filipino_sentence(text, chars, k + 1);
            (lower_word || marker_next)
                && !(c == '.' && is_abbreviation(&fold(word)))
                && next.is_uppercase()
                && next2.is_some_and(char::is_lowercase)
                && !rest_is_code_like(text, chars, k + 1)
        }
        _ => {
            // `isa,dalawa`: letters on both sides of a comma or semicolon, but
            // not a list of values (`left,top,right`).
            word.chars().all(char::is_alphabetic)
                && next.is_alphabetic()
                && next2.is_some_and(char::is_alphabetic)
                && before_word != Some(c)
                && !next_word_followed_by(text, chars, k + 1, c)
        }
    }
}

/// The word starting at `chars[k]` is a capitalised Filipino function word
/// that begins sentences (`Ang`, `Mga`, `Sa`, `Ito`, ...), followed by a
/// space.
fn starts_filipino_sentence(text: &str, chars: &[(usize, char)], k: usize) -> bool {
    let Some(&(start, first)) = chars.get(k) else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let word: String = text[start..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let after = text[start + word.len()..].chars().next();
    after == Some(' ')
        && matches!(
            word.as_str(),
            "Ang" | "Mga" | "Sa" | "Ito" | "Ayon" | "Si" | "Hindi" | "Dahil" | "Noong" | "Nang"
        )
}

/// The word starting at `chars[k]` is directly followed by `mark`.
fn next_word_followed_by(text: &str, chars: &[(usize, char)], k: usize, mark: char) -> bool {
    let start = chars[k].0;
    text[start..]
        .chars()
        .find(|c| !c.is_alphabetic())
        .is_some_and(|c| c == mark)
}

/// The word after the mark continues as a dotted name (`Node.Js.Core`).
fn rest_is_code_like(text: &str, chars: &[(usize, char)], k: usize) -> bool {
    let start = chars[k].0;
    text[start..]
        .split(|c: char| c.is_whitespace())
        .next()
        .is_some_and(|w| {
            w.trim_end_matches(['.', ',', '!', '?', ';', ':'])
                .contains(['.', '/', '@'])
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::PunctuationSpacing);

    #[test]
    fn space_before_punctuation() {
        RULE.assert_fixed("sa Maynila , at sa Cebu .", "sa Maynila, at sa Cebu.");
        assert_eq!(
            RULE.flagged("sa Maynila , at"),
            [" ,"]
        );
        assert_eq!(
            RULE.check("sa Maynila , at")[0].message,
            "no space belongs before `,`"
        );
    }

    #[test]
    fn missing_space_after_sentence_end_and_comma() {
        RULE.assert_fixed(
            "Mainit ang temperatura.Ang ulan ay darating.",
            "Mainit ang temperatura. Ang ulan ay darating.",
        );
        RULE.assert_fixed("Ano ito?Hindi ko alam.", "Ano ito? Hindi ko alam.");
        RULE.assert_fixed("isa,dalawa at tatlo", "isa, dalawa at tatlo");
        assert_eq!(
            RULE.flagged("ang temperatura.Ang"),
            [".A"]
        );
        RULE.assert_silent("ang Acme&nbsp;Ulap at Acme&thinsp;Kahon");
    }

    #[test]
    fn a_bracket_ending_a_cut_link_is_not_this_segments() {
        // The `(` before the spaces ends the link cut out before the
        // segment (the `yaml` fuzz target's find: it was read at index -1).
        assert_eq!(RULE.flagged("Pumunta sa https://x.ph/a((  Buksan ito."), ["  "]);
    }

    #[test]
    fn missing_space_before_a_filipino_sentence() {
        RULE.assert_fixed(
            "sa Unibersidad ng Pilipinas.Ang resulta",
            "sa Unibersidad ng Pilipinas. Ang resulta",
        );
        RULE.assert_fixed(
            "noong Hunyo 2024.Ang mga ito",
            "noong Hunyo 2024. Ang mga ito",
        );
        RULE.assert_silent("ang Node.Js at Sta.Ana at v2.Ang");
    }

    #[test]
    fn space_before_a_mark_after_brackets_quotes_signs_and_cuts() {
        RULE.assert_fixed(
            "Salamat (sa lahat!) . Ito ang ACME™ . Sabi niya “oo” , at 50% .",
            "Salamat (sa lahat!). Ito ang ACME™. Sabi niya “oo”, at 50%.",
        );
        let md = |text: &str| crate::input::Document::new("a.md", text, crate::input::Format::Markdown);
        let fixed = |text: &str| {
            crate::fix::fix_document(&RULE.checker(), &md(text), crate::Applicability::Safe).text
        };
        assert_eq!(
            fixed("Ipasa ang `-I` / `--index` , ang halaga (na may `(` ) dito.\n"),
            "Ipasa ang `-I` / `--index`, ang halaga (na may `(`) dito.\n"
        );
        assert_eq!(
            fixed("Basahin ang [gabay](https://x.ph/a) . Tapos na.\n"),
            "Basahin ang [gabay](https://x.ph/a). Tapos na.\n"
        );
        // A paragraph that starts with a space after a line break is not
        // glued to the line before.
        assert_eq!(fixed("Isa `x`\n\n, dalawa\n"), "Isa `x`\n\n, dalawa\n");
    }

    #[test]
    fn the_space_on_the_wrong_side_of_a_mark() {
        RULE.assert_fixed(
            "Naging matagumpay .Sinabi ng alkalde na babalik siya.",
            "Naging matagumpay. Sinabi ng alkalde na babalik siya.",
        );
        RULE.assert_fixed("isa ,dalawa at tatlo", "isa, dalawa at tatlo");
        assert_eq!(
            RULE.check("Naging matagumpay .Sinabi niya.")[0].message,
            "the space belongs after `.`, not before it"
        );
        // File types and names are not sentences.
        RULE.assert_silent("Gamit ang .NET at ang .Docx at ang .Net Framework.");
        RULE.assert_silent("Buksan ang .gitignore at ang .env ngayon.");
    }

    #[test]
    fn spaces_inside_numbers_and_brackets() {
        RULE.assert_fixed("Dumalo ang 1 ,500 katao.", "Dumalo ang 1,500 katao.");
        RULE.assert_silent("Ang mga numero ay 1, 500 at 3.");
        RULE.assert_fixed("Ayon sa ( PNA) kahapon.", "Ayon sa (PNA) kahapon.");
        RULE.assert_fixed("Ayon sa (PNA ) kahapon.", "Ayon sa (PNA) kahapon.");
        RULE.assert_fixed("( Buksan sa bagong tab)", "(Buksan sa bagong tab)");
        RULE.assert_fixed("[ Talababa]", "[Talababa]");
        RULE.assert_fixed("( isa (dalawa) tatlo)", "(isa (dalawa) tatlo)");
        // Both sides spaced is a writer's style, kept through a text.
        RULE.assert_silent("Ayon sa ( PNA ) kahapon, at sa [ DZMM ] din.");
        RULE.assert_silent("Ang ( isa (dalawa) tatlo ) ay pangkat.");
        for silent in [":( malungkot", "f( x) at g(y)", "ang [ ] kahon", "ang ( ) kahon", "a) isa b) dalawa"] {
            RULE.assert_silent(silent);
        }
    }

    #[test]
    fn doubled_spaces() {
        RULE.assert_fixed("Ang pulong ay  bukas.", "Ang pulong ay bukas.");
        assert_eq!(
            RULE.check("Ang pulong ay   bukas.")[0].message,
            "3 spaces between words; use one"
        );
    }

    #[test]
    fn numbers_abbreviations_domains_and_alignment_are_silent() {
        for text in [
            "Tumaas ng 3.5 porsiyento sa 1,000 bahay noong 10:30 n.u.",
            "Bisitahin ang pagasa.dost.gov.ph at ang gov.ph/Balita",
            "Si Gng.Santos at si Dr.Reyes mula Sta.Rosa",
            "gumagamit ng .NET at Node.js at ASP.NET",
            "Hintayin mo ... at saka sumagot.",
            "Pangalan    Edad",
            "Ha?!",
            "isang linya  \nna may hard break",
            "e.g.Ang",
            "v1.2.Beta",
            "a,b",
            ":) masaya",
            "masaya kami :) at ;(",
            "ang format na \"left,top,right,bottom\"",
            "sa 127.0.0.1/8 at ::1 lamang",
        ] {
            RULE.assert_silent(text);
        }
    }
}
