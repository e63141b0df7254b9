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
        // Skip ASCII that is no word character (blanks, punctuation) in a
        // tight loop; decode only what is left.
        if bytes[i] < 0x80 && ASCII[usize::from(bytes[i])] & WORD == 0 {
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        let first = class(c);
        if first == Class::Other {
            i += len;
            continue;
        }
        let start = i;
        let mut has_letter = first == Class::Letter;
        i += len;
        while i < bytes.len() {
            // The letters and digits of an ASCII word, in a tight loop.
            let b = bytes[i];
            if b < 0x80 && ASCII[usize::from(b)] & WORD != 0 {
                has_letter |= ASCII[usize::from(b)] == LETTER;
                i += 1;
                continue;
            }
            let (d, len) = char_at(text, i);
            match class(d) {
                Class::Letter => has_letter = true,
                Class::Digit | Class::Mark => {}
                // An apostrophe stays only when a word character follows it.
                Class::Other
                    if is_apostrophe(d)
                        && i + len < bytes.len()
                        && is_word_char(char_at(text, i + len).0) => {}
                Class::Other => break,
            }
            i += len;
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

const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
/// Mask of the classes that are word characters.
const WORD: u8 = LETTER | DIGIT;

/// Classes of the ASCII bytes, for the tight loops.
static ASCII: [u8; 128] = {
    let mut table = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            _ => OTHER,
        };
        b += 1;
    }
    table
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Alphabetic (makes a token a word).
    Letter,
    /// Numeric but not alphabetic.
    Digit,
    /// Combining mark or soft hyphen: part of a word, not a letter.
    Mark,
    Other,
}

/// The class of a character, matching [`is_word_char`] and
/// `char::is_alphabetic`.
fn class(c: char) -> Class {
    if c.is_ascii() {
        return match ASCII[c as usize] {
            LETTER => Class::Letter,
            DIGIT => Class::Digit,
            _ => Class::Other,
        };
    }
    if c.is_alphabetic() {
        Class::Letter
    } else if c.is_alphanumeric() {
        Class::Digit
    } else if is_word_char(c) {
        Class::Mark
    } else {
        Class::Other
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
            "ⅷ", "中", "🙂", ".", "_", "\n", "''", "x'", "'y",
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
}
