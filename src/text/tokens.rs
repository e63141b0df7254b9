//! Word tokeniser shared by every rule, run once per segment.
//!
//! A word is a run of letters, digits and combining marks, with apostrophes
//! allowed inside it (`iba't`, `sa'yo`). Hyphens are *not* word characters:
//! `pag-unlad` is two words, so rules see the hyphen and the spacing around it.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains at least one letter.
    Word,
    /// Digits only.
    Number,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Absolute byte range in the document.
    pub range: Range<usize>,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.range.clone()]
    }
}

/// Letters, digits, combining marks, and the invisible soft hyphen (U+00AD)
/// that typesetting leaves inside words (`na\u{ad}ting`).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c) || c == '\u{ad}'
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokenise `source[range]`, returning tokens with absolute offsets.
///
/// Runs over bytes: ASCII (most of any text, even Filipino) is classified
/// with a table lookup, and only non-ASCII characters are decoded.
pub fn tokenize(source: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let text = &source[range.clone()];
    let bytes = text.as_bytes();
    let base = range.start;
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(text, i);
        if !is_word_char(c) {
            i += len;
            continue;
        }
        let start = i;
        let mut has_letter = c.is_alphabetic();
        i += len;
        while i < bytes.len() {
            let (d, len) = char_at(text, i);
            if is_word_char(d) {
                has_letter |= d.is_alphabetic();
                i += len;
            } else if is_apostrophe(d)
                && i + len < bytes.len()
                && is_word_char(char_at(text, i + len).0)
            {
                // An apostrophe stays only when a word character follows it.
                i += len;
            } else {
                break;
            }
        }
        out.push(Token {
            range: base + start..base + i,
            kind: if has_letter {
                TokenKind::Word
            } else {
                TokenKind::Number
            },
        });
    }
}

/// The character starting at byte `i` of `text` (a char boundary) and its
/// length, with no decoding for ASCII.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = text[i..].chars().next().expect("i is a char boundary");
        (c, c.len_utf8())
    }
}

/// Lower-cased copy of a word, for comparisons. (ASCII words, most of them,
/// take a fast path.)
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.chars().flat_map(char::to_lowercase).collect()
    }
}

pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub fn is_all_lower(word: &str) -> bool {
    !word.chars().any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out);
        out.iter().map(|t| t.text(s)).collect()
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
    fn kinds() {
        let s = "2024 Award";
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out);
        assert_eq!(out[0].kind, TokenKind::Number);
        assert_eq!(out[1].kind, TokenKind::Word);
    }
}
