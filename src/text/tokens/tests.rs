use super::*;
use crate::lexicon::{is_english_function_word, is_filipino_marker, is_function_word, is_particle};

fn words(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    tokenize(s, 0..s.len(), &mut out);
    out.iter().map(|t| t.text(s)).collect()
}

/// `(kind, text, words before)` of every mark of `s`.
fn marks(s: &str) -> Vec<(MarkKind, &str, u32)> {
    let (mut words, mut marks) = (Vec::new(), Vec::new());
    tokenize_stream(s, 0..s.len(), &mut words, &mut marks);
    marks
        .iter()
        .map(|m| (m.kind, &s[m.range.clone()], m.word))
        .collect()
}

#[test]
fn splits_on_hyphens_and_keeps_inner_apostrophes() {
    assert_eq!(
        words("pag -unlad, iba't ibang 'yan 1,000 ika5"),
        ["pag", "unlad", "iba't", "ibang", "yan", "1", "000", "ika5"]
    );
}

#[test]
fn combining_marks_stay_in_the_word() {
    let nfd = "Paran\u{303}aque";
    assert_eq!(words(nfd), [nfd]);
}

#[test]
fn marks_between_the_words() {
    use MarkKind::*;
    assert_eq!(
        marks("Aba... “Oo” -- pag-asa — (1) [x] {y}? ‘a’ \"b\" …!;:/"),
        [
            (Ellipsis, "...", 1),
            (OpeningQuote, "“", 1),
            (ClosingQuote, "”", 2),
            (Dash, "--", 2),
            (Hyphen, "-", 3),
            (Dash, "—", 4),
            (OpeningBracket, "(", 4),
            (ClosingBracket, ")", 5),
            (OpeningBracket, "[", 5),
            (ClosingBracket, "]", 6),
            (OpeningBracket, "{", 6),
            (ClosingBracket, "}", 7),
            (Question, "?", 7),
            (SingleQuote, "‘", 7),
            (SingleQuote, "’", 8),
            (StraightQuote, "\"", 8),
            (StraightQuote, "\"", 9),
            (Ellipsis, "…", 9),
            (Exclamation, "!", 9),
            (Semicolon, ";", 9),
            (Colon, ":", 9),
            (Symbol, "/", 9),
        ]
    );
    assert_eq!(
        marks("a.. b, c"),
        [(Period, ".", 1), (Period, ".", 1), (Comma, ",", 2)]
    );
}

#[test]
fn line_and_paragraph_breaks() {
    use MarkKind::*;
    assert_eq!(
        marks("isa\ndalawa\r\ntatlo \n \n\napat\r\u{2028}lima\u{2029}"),
        [
            (LineBreak, "\n", 1),
            (LineBreak, "\r\n", 2),
            (ParagraphBreak, "\n \n\n", 3),
            (LineBreak, "\r", 4),
            (LineBreak, "\u{2028}", 4),
            (ParagraphBreak, "\u{2029}", 5),
        ]
    );
}

#[test]
fn mark_sets() {
    let set = MarkSet::of(&[MarkKind::Ellipsis, MarkKind::Dash]);
    assert!(set.contains(MarkKind::Dash) && !set.contains(MarkKind::Hyphen));
    assert!(set.meets(MarkSet::of(&[MarkKind::Ellipsis])));
    assert!(!set.meets(MarkSet::of(&[MarkKind::Cut])) && MarkSet::EMPTY.is_empty());
}

/// Every feature of every token is what the `char` and lexicon
/// predicates say of its text.
#[test]
fn features_agree_with_the_predicates() {
    let text = "Ang ANG aNG mga Ng KO ko \u{212a}o Ñandu ñandu İstanbul ǅemal µs Ωmega iPhone \
                McDonald iba't Iba’t 2024 ika5 Ⅳ Paran\u{303}aque na\u{ad}ting the OF ito ⓐb";
    let mut tokens = Vec::new();
    tokenize(text, 0..text.len(), &mut tokens);
    assert_eq!(tokens.len(), text.split(' ').count());
    for t in &tokens {
        let w = t.text(text);
        let case = t.case;
        assert_eq!(case.starts_upper(), starts_upper(w), "{w}");
        assert_eq!(case.has_upper(), !is_all_lower(w), "{w}");
        assert_eq!(case.has_lower(), w.chars().any(char::is_lowercase), "{w}");
        assert_eq!(
            case.is_lowercase(),
            w.chars().all(char::is_lowercase),
            "{w}"
        );
        let rest_lower = w.chars().skip(1).all(char::is_lowercase);
        assert_eq!(case.rest_is_lowercase(), rest_lower, "{w}");
        let inner_upper = w.chars().skip(1).any(char::is_uppercase);
        assert_eq!(case.has_inner_upper(), inner_upper, "{w}");
        assert_eq!(case.is_ascii(), w.is_ascii(), "{w}");
        assert_eq!(case.has_letter(), w.chars().any(char::is_alphabetic), "{w}");
        assert_eq!(t.first, w.as_bytes()[0], "{w}");
        let lower = fold(w);
        assert_eq!(t.class.is_function_word(), is_function_word(&lower), "{w}");
        assert_eq!(t.class.is_particle(), is_particle(&lower), "{w}");
        assert_eq!(
            t.class.is_filipino_marker(),
            is_filipino_marker(&lower),
            "{w}"
        );
        let english = is_english_function_word(&lower);
        assert_eq!(t.class.is_english_function_word(), english, "{w}");
        assert_eq!(t.key, Key::of_lower(w.as_bytes()), "{w}");
        assert_eq!(*t, Token::new(text, t.range.clone(), t.kind), "{w}");
    }
}

/// The tokeniser as first written, char by char: the reference the
/// byte-level one must agree with.
fn reference(text: &str) -> Vec<(Range<usize>, TokenKind)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut has_letter = c.is_alphabetic();
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                has_letter |= d.is_alphabetic();
                end = j + d.len_utf8();
                chars.next();
            } else if is_apostrophe(d)
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char)
            {
                chars.next();
                end = j + d.len_utf8();
            } else {
                break;
            }
        }
        let kind = if has_letter {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        out.push((i..end, kind));
    }
    out
}

#[test]
fn agrees_with_the_char_by_char_reference() {
    let pieces = [
        "a", "Z", "0", "9", "'", "\u{2019}", " ", "-", "ñ", "Ñ", "\u{303}", "\u{ad}", "é", "٣",
        "ⅷ", "中", "🙂", ".", "_", "\n", "''", "x'", "'y", "\r", "…", "\u{2028}",
    ];
    // Every sequence of three pieces, and a longer mix.
    let mut texts = Vec::new();
    for a in pieces {
        for b in pieces {
            for c in pieces {
                texts.push(format!("{a}{b}{c}"));
            }
        }
    }
    texts.push("Iba't ibang ka\u{2019}y Paran\u{303}aque 1,000 ika-5 pag -unlad".into());
    for text in &texts {
        let mut got = Vec::new();
        tokenize(text, 0..text.len(), &mut got);
        let got: Vec<_> = got.into_iter().map(|t| (t.range, t.kind)).collect();
        assert_eq!(got, reference(text), "{text:?}");
        // With the marks, the same words; and every byte is in a word, a
        // mark or a blank.
        let (mut words, mut marks) = (Vec::new(), Vec::new());
        tokenize_stream(text, 0..text.len(), &mut words, &mut marks);
        let stream: Vec<_> = words.iter().map(|t| (t.range.clone(), t.kind)).collect();
        assert_eq!(stream, got, "{text:?}");
        let mut covered = vec![false; text.len()];
        for r in words
            .iter()
            .map(|t| &t.range)
            .chain(marks.iter().map(|m| &m.range))
        {
            for b in r.clone() {
                assert!(!covered[b], "{text:?}: byte {b} twice");
                covered[b] = true;
            }
        }
        for (i, c) in text.char_indices() {
            // Blanks are in no token, but inside a paragraph break.
            let blank = c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            assert!(blank || covered[i], "{text:?}: {c:?} at {i}");
        }
    }
}

#[test]
fn kinds() {
    let s = "2024 Award";
    let mut out = Vec::new();
    tokenize(s, 0..s.len(), &mut out);
    assert_eq!(out[0].kind, TokenKind::Number);
    assert_eq!(out[1].kind, TokenKind::Word);
}
