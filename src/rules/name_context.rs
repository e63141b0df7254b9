//! What the glossary rules ask about the place of a name in the text:
//! is it a news dateline, a word of a longer name, code, or an ordinary
//! word? Asked only about the few candidates the glossary scan found, so
//! each question may look around (a line, a neighbour word) without
//! costing the scan anything.

use std::ops::Range;

use super::Context;
use crate::lexicon::frequency::frequency;
use crate::lexicon::morphology::{Morphology, affixes};
use crate::text::Token;
use crate::text::tokens::{fold, is_word_char};

/// The words `window` of `tokens` as the text has them, separators
/// included, with word `k` (counted from the window's start) replaced by
/// `replacement(k)` when it gives one.
pub(super) fn rewritten<'r>(
    ctx: &Context<'_>,
    tokens: &[Token],
    window: Range<usize>,
    replacement: impl Fn(usize) -> Option<&'r str>,
) -> String {
    let mut out = String::new();
    for t in window.clone() {
        if t > window.start {
            out.push_str(&ctx.source[tokens[t - 1].range.end..tokens[t].range.start]);
        }
        let k = t - window.start;
        out.push_str(replacement(k).unwrap_or(&ctx.source[tokens[t].range.clone()]));
    }
    out
}

/// Whether `word` is an ordinary word of Filipino or English: in the
/// embedded lexicon or the dictionary, affixes around a known stem
/// (`Senador`, `Bilog`), an English word with an ending the lexicon does
/// not list (`hashes`), or an English loan in `-y` spelt the Tagalog way
/// with a linker (`derbing`); not `innovent`, `homebrew`. Soft hyphens
/// (invisible) are ignored.
pub(super) fn is_ordinary_word(ctx: &Context<'_>, word: &str) -> bool {
    let word = word.replace('\u{ad}', "");
    if Morphology::new(ctx.dictionary).is_known_word(&word) {
        return true;
    }
    let lower = fold(&word);
    english_inflection(&lower) || linked_loan(&lower)
}

/// An English word and an inflection: `hashes`, `prologs`, `parsed`.
fn english_inflection(lower: &str) -> bool {
    const ENDINGS: &[(&str, &str)] = &[
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ers", ""),
        ("er", ""),
        ("ly", ""),
    ];
    ENDINGS.iter().any(|(ending, back)| {
        lower
            .strip_suffix(ending)
            .filter(|stem| stem.chars().count() >= 3)
            .is_some_and(|stem| frequency(&format!("{stem}{back}")).en > 0)
    })
}

/// An English word in `-y`, spelt with `-i` as Tagalog spells it, with the
/// linker `-ng`: `derbing` (derby), `partying`.
fn linked_loan(lower: &str) -> bool {
    lower
        .strip_suffix("ing")
        .filter(|stem| stem.len() >= 3)
        .is_some_and(|stem| frequency(&format!("{stem}y")).en > 0)
}

/// Whether token `i` of `tokens` follows a personal article (`si`, `ni`,
/// `kay`, `sina`, `nina`, `kina`): it names a person.
pub(super) fn after_personal_article(ctx: &Context<'_>, tokens: &[Token], i: usize) -> bool {
    const ARTICLES: &[&str] = &["kay", "kina", "ni", "nina", "si", "sina"];
    i > 0 && ARTICLES.contains(&fold(&ctx.source[tokens[i - 1].range.clone()]).as_str())
}

/// Whether the text at `range`, written in capitals, belongs to a news
/// dateline at the start of its line: `MAYNILA —`, `QUEZON CITY —`,
/// `DAVAO CITY (PNA) —`, `LUNGSOD NG CEBU, Hunyo 3 —`. Only capitals,
/// blanks, markup and abbreviations (`STA.`) before it on the line; a dash
/// soon after it, with no end of sentence in between.
pub(super) fn in_dateline(ctx: &Context<'_>, range: &Range<usize>) -> bool {
    /// The most a dateline holds after the name: agency, date, place.
    const TAIL: usize = 48;
    let source = ctx.source;
    let line_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let head = &source[line_start..range.start];
    let head_ok = head.len() <= TAIL
        && head
            .chars()
            .all(|c| !c.is_lowercase() && !matches!(c, '!' | '?' | ':' | ';'));
    if !head_ok {
        return false;
    }
    let rest = &source[range.end..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let dash = ["\u{2014}", "\u{2013}", "--", " - "]
        .iter()
        .filter_map(|d| line.find(d))
        .min();
    dash.is_some_and(|at| at <= TAIL && !ends_a_sentence(&line[..at]))
}

/// Whether `text` holds the end of a sentence: `!`, `?`, `;`, or a full
/// stop after a word with a lower-case letter (`kabisera.`; not the
/// abbreviation `STA.` of a place in capitals).
fn ends_a_sentence(text: &str) -> bool {
    text.contains(['!', '?', ';'])
        || text.match_indices(". ").any(|(i, _)| {
            text[..i]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| w.chars().any(char::is_lowercase))
        })
}

/// Lower-case words that join the parts of a personal or place name
/// (`Celso de los Angeles`, `Ludwig van Beethoven`).
const NAME_PARTICLES: &[&str] = &[
    "da", "dal", "de", "dela", "del", "di", "dos", "du", "la", "las", "los", "van", "von",
];

/// Words after a company's name that belong to it (`Innovant Inc.`).
const LEGAL_SUFFIXES: &[&str] = &[
    "ag",
    "co",
    "company",
    "corp",
    "corporation",
    "gmbh",
    "inc",
    "incorporated",
    "limited",
    "llc",
    "ltd",
    "plc",
];

/// Whether the words `window` of `tokens` (the glossary's view of the
/// segment) stand inside a longer run of capitalised words, which is some
/// other name (`Gilbert Bulawan`, `Cherry Mae Quizon`, `South America`,
/// `Celso de los Angeles`): a capitalised neighbour across a blank, or a
/// name particle between the window and a capitalised word. Function words
/// (`Ang` starting a sentence) and legal suffixes (`Inc`) do not count.
pub(super) fn in_longer_name(ctx: &Context<'_>, tokens: &[Token], window: &Range<usize>) -> bool {
    let source = ctx.source;
    let blank_between = |a: &Token, b: &Token| {
        let gap = &source[a.range.end..b.range.start];
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    };
    let name_word = |t: &Token| {
        let word = &source[t.range.clone()];
        t.case.starts_upper()
            && !t.class.is_function_word()
            && !t.class.is_filipino_marker()
            && !LEGAL_SUFFIXES.contains(&fold(word).as_str())
    };
    let particle =
        |t: &Token| t.case.is_lowercase() && NAME_PARTICLES.contains(&&source[t.range.clone()]);
    // Walks away from the window over particles; true at a capitalised word.
    let reaches_name = |mut k: usize, step: fn(usize) -> Option<usize>, from: usize| {
        let mut prev = from;
        loop {
            let t = &tokens[k];
            let (a, b) = if k < prev {
                (t, &tokens[prev])
            } else {
                (&tokens[prev], t)
            };
            if !blank_between(a, b) {
                return false;
            }
            if name_word(t) {
                return true;
            }
            if !particle(t) {
                return false;
            }
            prev = k;
            match step(k).filter(|&n| n < tokens.len()) {
                Some(n) => k = n,
                None => return false,
            }
        }
    };
    let before =
        window.start > 0 && reaches_name(window.start - 1, |k| k.checked_sub(1), window.start);
    let after =
        window.end < tokens.len() && reaches_name(window.end, |k| Some(k + 1), window.end - 1);
    before || after
}

/// Whether the word at `range` is part of code or markup rather than prose:
/// glued to a path, file, identifier or address character (`/`, `_`, `@`,
/// `=`, `:`, `.` before a letter), joined by a hyphen to a word that is no
/// Tagalog prefix (`rclone-brightwave`, `brightwave-core`; `taga-` and
/// `i-` are prose), or inside an HTML or XML tag
/// (`data-l10n-name="ios-link"`).
pub(super) fn in_code(ctx: &Context<'_>, range: &Range<usize>) -> bool {
    let source = ctx.source;
    let head = &source[..range.start];
    let tail = &source[range.end..];
    let mut before = head.chars().rev();
    let (prev, prev2) = (before.next(), before.next());
    let mut after = tail.chars();
    let (next, next2) = (after.next(), after.next());
    let word_char = |c: Option<char>| c.is_some_and(is_word_char);
    let glued_before = prev
        .is_some_and(|c| matches!(c, '/' | '\\' | '_' | '@' | '=' | '.' | '$' | '#'))
        || (prev == Some(':') && word_char(prev2))
        || (prev == Some('-') && word_char(prev2) && !after_a_prefix(head));
    let glued_after = next.is_some_and(|c| matches!(c, '/' | '\\' | '_' | '@' | '=' | '('))
        || (matches!(next, Some('.' | ':' | '-')) && word_char(next2));
    glued_before || glued_after || inside_tag(source, range.start)
}

/// Whether `head` (the text before a word and its hyphen) ends with a
/// Tagalog prefix: `taga-`, `i-`, `mag-`.
fn after_a_prefix(head: &str) -> bool {
    let head = &head[..head.len() - 1]; // the hyphen
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    affixes::prefix_chain(&fold(&head[start..])).is_some()
}

/// Whether byte `at` is inside a markup tag on its line: a `<` opening a
/// tag (a letter or `/` after it) comes before it with no `>` in between.
fn inside_tag(source: &str, at: usize) -> bool {
    let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let head = &source[line_start..at];
    match head.rfind(['<', '>']) {
        Some(i) if head.as_bytes()[i] == b'<' => head[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Document, Format};
    use crate::rules::testing::with_context;

    /// `f` of the context of the first segment of plain `text`, and the byte
    /// range of `word` in it.
    fn ask<T>(text: &str, word: &str, f: impl Fn(&Context<'_>, Range<usize>) -> T) -> T {
        let doc = Document::new("t.txt", text, Format::Plain);
        let at = text.find(word).expect("word in text");
        with_context(&doc, 0, |ctx| f(ctx, at..at + word.len()))
    }

    #[test]
    fn ordinary_words() {
        for (word, ordinary) in [
            ("Senador", true),
            ("hashes", true),
            ("derbing", true),
            ("misi\u{ad}s", true),
            ("innovent", false),
            ("brightwave", false),
            ("Pamhalen", false),
        ] {
            assert_eq!(
                ask("salita", "salita", |c, _| is_ordinary_word(c, word)),
                ordinary,
                "{word}"
            );
        }
    }

    #[test]
    fn person_articles() {
        let doc = Document::new("t.txt", "si Velantrex at ang Velantrex", Format::Plain);
        let (first, second) = with_context(&doc, 0, |c| {
            let t = c.tokens;
            (
                after_personal_article(c, t, 1),
                after_personal_article(c, t, 4),
            )
        });
        assert!(first && !second);
    }

    #[test]
    fn datelines() {
        for (text, name) in [
            ("MAYNILA — Umulan kahapon.", "MAYNILA"),
            ("QUEZON CITY — Umulan.", "QUEZON CITY"),
            ("DAVAO CITY (PNA) — Umulan.", "DAVAO"),
            ("**LUNGSOD NG CEBU**, Hunyo 3 — Umulan.", "CEBU"),
            ("Balita\nMAYNILA -- Umulan.", "MAYNILA"),
            ("STA. ROSA, Laguna — Umulan.", "ROSA"),
        ] {
            assert!(ask(text, name, |c, r| in_dateline(c, &r)), "{text}");
        }
        for (text, name) in [
            ("Pumunta sa MAYNILA — at umulan.", "MAYNILA"),
            ("MAYNILA ang kabisera. Umulan — malakas.", "MAYNILA"),
            ("MAYNILA", "MAYNILA"),
        ] {
            assert!(!ask(text, name, |c, r| in_dateline(c, &r)), "{text}");
        }
    }

    #[test]
    fn code_and_markup() {
        for (text, word) in [
            ("i-install ang brightwave/core", "brightwave"),
            ("ang file na brightwave.toml", "brightwave"),
            ("<a data-name=\"brightwave-link\">Oo</a>", "brightwave"),
            ("ang my_brightwave", "brightwave"),
            ("systemctl status rclone-brightwave", "brightwave"),
            ("rclone lsd bw:brightwave-data", "brightwave"),
        ] {
            assert!(ask(text, word, |c, r| in_code(c, &r)), "{text}");
        }
        for text in [
            "ang brightwave ay",
            "ang brightwave.",
            "<b>ang</b> brightwave ay",
            "mga taga-brightwave ay",
            "ayon sa brightwave: oo",
        ] {
            assert!(!ask(text, "brightwave", |c, r| in_code(c, &r)), "{text}");
        }
    }
}
