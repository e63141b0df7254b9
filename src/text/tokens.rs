//! The token stream shared by every rule, made in one pass over a segment.
//!
//! Words and numbers are [`Token`]s. A word is a run of letters, digits and
//! combining marks, with apostrophes allowed inside it (`iba't`, `sa'yo`).
//! Hyphens are *not* word characters: `pag-unlad` is two words, so rules see
//! the hyphen and the spacing around it. Each token carries what rules ask of
//! nearly every word, computed here once: its [`Case`], its first byte, its
//! lower-case [`Key`] and its lexicon [`WordClass`]es.
//!
//! Everything else but blanks is a [`Mark`]: punctuation (an ellipsis `...`
//! or `…` and a dash `--`, `–`, `—` are one mark each), quotes, brackets,
//! symbols, and line breaks (one line ending; or a blank line, which ends a
//! paragraph). The marks between two words say what the gap holds without a
//! rule rescanning it.
//!
//! Runs over bytes: ASCII (most of any text, even Filipino) is classified
//! with a table lookup, and only non-ASCII characters are decoded.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::lexicon::WordClass;
use crate::lexicon::set::Key;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains at least one letter.
    Word,
    /// Digits only.
    Number,
}

/// A word or a number, with what rules ask of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Absolute byte range in the document.
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// How the word is capitalised.
    pub case: Case,
    /// The word's first byte, as written: a quick test (`b'n' | b'N'`)
    /// before the word is sliced.
    pub first: u8,
    /// The closed classes of the word in lower case (function word,
    /// particle, Filipino marker...).
    pub class: WordClass,
    /// The word lower-cased and packed for one-probe lookups, when it is
    /// ASCII and at most 15 bytes long; [`Key::NONE`] otherwise.
    pub key: Key,
}

impl Token {
    /// The token of `source[range]`, a word or number as the tokeniser
    /// would make it, with its features: for tokens cut out of others (a
    /// prefix split off a name, `taga|Maynila`).
    pub fn new(source: &str, range: Range<usize>, kind: TokenKind) -> Token {
        let word = &source[range.clone()];
        let mut chars = word.chars();
        let first = chars.next().map_or(0, char_flags);
        let rest = chars.fold(0, |f, c| f | char_flags(c));
        token(source, range, kind, first, rest)
    }

    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.range.clone()]
    }
}

/// How a word is capitalised: which kinds of character it has, first and
/// after the first. Each question is one bit test, and answers exactly what
/// the `char` predicate named in its documentation would.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Case(u16);

impl Case {
    // Bits of one character (see `char_flags`).
    const UPPER: u16 = 1;
    const LOWER: u16 = 2;
    /// Not lower-case: a capital, a digit, a mark, an apostrophe...
    const NOT_LOWER: u16 = 4;
    const LETTER: u16 = 8;
    const NON_ASCII: u16 = 16;
    // Bits of the whole word.
    const FIRST_UPPER: u16 = 32;
    const REST_UPPER: u16 = 64;
    const REST_NOT_LOWER: u16 = 128;

    fn of(first: u16, rest: u16) -> Case {
        let mut bits = first | rest;
        if first & Self::UPPER != 0 {
            bits |= Self::FIRST_UPPER;
        }
        if rest & Self::UPPER != 0 {
            bits |= Self::REST_UPPER;
        }
        if rest & Self::NOT_LOWER != 0 {
            bits |= Self::REST_NOT_LOWER;
        }
        Case(bits)
    }

    /// The first character is upper-case (`char::is_uppercase`).
    #[inline]
    pub fn starts_upper(self) -> bool {
        self.0 & Self::FIRST_UPPER != 0
    }

    /// Some character is upper-case.
    #[inline]
    pub fn has_upper(self) -> bool {
        self.0 & Self::UPPER != 0
    }

    /// Some character after the first is upper-case (`McDonald`, `NBA`).
    #[inline]
    pub fn has_inner_upper(self) -> bool {
        self.0 & Self::REST_UPPER != 0
    }

    /// Some character is lower-case.
    #[inline]
    pub fn has_lower(self) -> bool {
        self.0 & Self::LOWER != 0
    }

    /// Every character is lower-case (`char::is_lowercase`): no capital,
    /// digit, mark or apostrophe.
    #[inline]
    pub fn is_lowercase(self) -> bool {
        self.0 & Self::NOT_LOWER == 0
    }

    /// Every character after the first is lower-case.
    #[inline]
    pub fn rest_is_lowercase(self) -> bool {
        self.0 & Self::REST_NOT_LOWER == 0
    }

    /// Only ASCII characters.
    #[inline]
    pub fn is_ascii(self) -> bool {
        self.0 & Self::NON_ASCII == 0
    }

    /// Some character is a letter (`char::is_alphabetic`).
    #[inline]
    pub fn has_letter(self) -> bool {
        self.0 & Self::LETTER != 0
    }
}

/// What is not a word: a punctuation mark, a quote, a bracket, a symbol, a
/// line break, or material cut out of the prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Absolute byte range in the document.
    pub range: Range<usize>,
    pub kind: MarkKind,
    /// How many words of the segment come before the mark: the marks
    /// between word `i` and word `i + 1` have `word == i + 1`.
    pub word: u32,
}

/// The kinds of [`Mark`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    /// `.`
    Period,
    /// `,`
    Comma,
    /// `;`
    Semicolon,
    /// `:`
    Colon,
    /// `!`
    Exclamation,
    /// `?`
    Question,
    /// Three periods or more (`...`), or `…`.
    Ellipsis,
    /// One `-`.
    Hyphen,
    /// Two hyphens or more (`--`), `–` (en dash), `—` (em dash) or `―`.
    Dash,
    /// `"`.
    StraightQuote,
    /// `“`.
    OpeningQuote,
    /// `”`.
    ClosingQuote,
    /// `'`, `‘` or `’` outside a word.
    SingleQuote,
    /// `(`, `[` or `{`.
    OpeningBracket,
    /// `)`, `]` or `}`.
    ClosingBracket,
    /// Any other character that is neither a word character nor blank:
    /// `/`, `<`, `=`, `&`, `*`, `#`, an emoji...
    Symbol,
    /// One line ending (`\n`, `\r\n`, `\r`, U+2028): the line ends, the
    /// paragraph goes on.
    LineBreak,
    /// A blank line (line endings with only blanks between them): the
    /// paragraph ends.
    ParagraphBreak,
    /// Material cut out of the prose after this segment (inline code, a
    /// link, a placeholder) while its paragraph goes on in the next
    /// segment: the text the mark covers is not prose.
    Cut,
}

impl MarkKind {
    /// The kind of a single non-word, non-blank character (a run of `.` or
    /// `-` is told apart by the tokeniser).
    pub fn of_char(c: char) -> MarkKind {
        match c {
            '.' => MarkKind::Period,
            ',' => MarkKind::Comma,
            ';' => MarkKind::Semicolon,
            ':' => MarkKind::Colon,
            '!' => MarkKind::Exclamation,
            '?' => MarkKind::Question,
            '\u{2026}' => MarkKind::Ellipsis,
            '-' => MarkKind::Hyphen,
            '\u{2013}' | '\u{2014}' | '\u{2015}' => MarkKind::Dash,
            '"' => MarkKind::StraightQuote,
            '\u{201c}' => MarkKind::OpeningQuote,
            '\u{201d}' => MarkKind::ClosingQuote,
            '\'' | '\u{2018}' | '\u{2019}' => MarkKind::SingleQuote,
            '(' | '[' | '{' => MarkKind::OpeningBracket,
            ')' | ']' | '}' => MarkKind::ClosingBracket,
            '\n' | '\r' | '\u{2028}' => MarkKind::LineBreak,
            '\u{2029}' => MarkKind::ParagraphBreak,
            _ => MarkKind::Symbol,
        }
    }

    /// A line break or a paragraph break.
    pub fn is_break(self) -> bool {
        matches!(self, MarkKind::LineBreak | MarkKind::ParagraphBreak)
    }

    /// The bit of this kind in a [`MarkSet`].
    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// A set of [`MarkKind`]s, as one integer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MarkSet(u32);

impl MarkSet {
    pub const EMPTY: MarkSet = MarkSet(0);

    /// The set of `kinds`.
    pub const fn of(kinds: &[MarkKind]) -> MarkSet {
        let mut bits = 0;
        let mut i = 0;
        while i < kinds.len() {
            bits |= kinds[i].bit();
            i += 1;
        }
        MarkSet(bits)
    }

    pub fn insert(&mut self, kind: MarkKind) {
        self.0 |= kind.bit();
    }

    pub fn contains(self, kind: MarkKind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// Whether the two sets share a kind.
    pub fn meets(self, other: MarkSet) -> bool {
        self.0 & other.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
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

/// Where the marks of [`tokenize_stream`] go: a vector, or nowhere (for the
/// words of a glossary form, whose marks nobody reads).
trait MarkSink {
    const WANTED: bool;
    fn push(&mut self, mark: Mark);
}

impl MarkSink for Vec<Mark> {
    const WANTED: bool = true;
    #[inline]
    fn push(&mut self, mark: Mark) {
        Vec::push(self, mark);
    }
}

struct NoMarks;

impl MarkSink for NoMarks {
    const WANTED: bool = false;
    fn push(&mut self, _: Mark) {}
}

/// Tokenise the words and numbers of `source[range]`, with absolute
/// offsets (the marks are not made).
pub fn tokenize(source: &str, range: Range<usize>, out: &mut Vec<Token>) {
    scan(source, range, out, &mut NoMarks);
}

/// Tokenise `source[range]` into its words and numbers (onto `words`) and
/// its marks (onto `marks`), with absolute offsets.
pub fn tokenize_stream(
    source: &str,
    range: Range<usize>,
    words: &mut Vec<Token>,
    marks: &mut Vec<Mark>,
) {
    scan(source, range, words, marks);
}

#[inline(always)]
fn scan<M: MarkSink>(source: &str, range: Range<usize>, out: &mut Vec<Token>, marks: &mut M) {
    let text = &source[range.clone()];
    let bytes = text.as_bytes();
    let base = range.start;
    let first_word = out.len();
    let mut i = 0;
    while i < bytes.len() {
        // Skip blanks and, when nobody wants marks, the rest of ASCII that
        // is no word character, in a tight loop; decode only what is left.
        let b = bytes[i];
        if b < 0x80 && ASCII[usize::from(b)] & WORD == 0 {
            if !M::WANTED || ASCII[usize::from(b)] == BLANK {
                i += 1;
            } else {
                let words = (out.len() - first_word) as u32;
                i = ascii_mark(bytes, i, base, words, marks);
            }
            continue;
        }
        let (c, len) = char_at(text, i);
        if b >= 0x80 && !is_word_char(c) {
            if M::WANTED && (!c.is_whitespace() || matches!(c, '\u{2028}' | '\u{2029}')) {
                let kind = MarkKind::of_char(c);
                let word = (out.len() - first_word) as u32;
                let range = base + i..base + i + len;
                marks.push(Mark { range, kind, word });
            }
            i += len;
            continue;
        }
        let start = i;
        let first = if b < 0x80 {
            u16::from(ASCII[usize::from(b)])
        } else {
            char_flags(c)
        };
        let mut rest = 0;
        i += len;
        while i < bytes.len() {
            // The letters and digits of an ASCII word, in a tight loop.
            let b = bytes[i];
            if b < 0x80 && ASCII[usize::from(b)] & WORD != 0 {
                rest |= u16::from(ASCII[usize::from(b)]);
                i += 1;
                continue;
            }
            let (d, len) = char_at(text, i);
            // An apostrophe stays only when a word character follows it.
            let inside = is_word_char(d)
                || (is_apostrophe(d)
                    && i + len < bytes.len()
                    && is_word_char(char_at(text, i + len).0));
            if !inside {
                break;
            }
            rest |= char_flags(d);
            i += len;
        }
        let kind = if (first | rest) & Case::LETTER != 0 {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        out.push(token(source, base + start..base + i, kind, first, rest));
    }
}

/// The token with the features its characters' flags give.
#[inline(always)]
fn token(source: &str, range: Range<usize>, kind: TokenKind, first: u16, rest: u16) -> Token {
    let bytes = &source.as_bytes()[range.clone()];
    let case = Case::of(first, rest);
    let key = Key::of_lower(bytes);
    let class = if !key.is_none() {
        if bytes.len() <= WordClass::max_len() {
            WordClass::of_key(key)
        } else {
            WordClass::default()
        }
    } else if bytes.len() <= 3 * WordClass::max_len() && source[range.clone()].contains('\u{212a}')
    {
        // The Kelvin sign is the one non-ASCII character whose lower case
        // is ASCII (`k`): the only way a non-ASCII word is in a list.
        WordClass::of_lower(&fold(&source[range.clone()]))
    } else {
        WordClass::default()
    };
    Token {
        first: bytes.first().copied().unwrap_or(0),
        range,
        kind,
        case,
        class,
        key,
    }
}

/// The mark (or marks) starting at byte `i`, an ASCII character that is
/// neither blank nor a word character; returns where the next token may
/// start.
#[inline]
fn ascii_mark<M: MarkSink>(bytes: &[u8], i: usize, base: usize, word: u32, marks: &mut M) -> usize {
    let run = |byte: u8| bytes[i..].iter().take_while(|&&b| b == byte).count();
    let (kind, end) = match bytes[i] {
        b'.' => match run(b'.') {
            n if n >= 3 => (MarkKind::Ellipsis, i + n),
            _ => (MarkKind::Period, i + 1),
        },
        b'-' => match run(b'-') {
            n if n >= 2 => (MarkKind::Dash, i + n),
            _ => (MarkKind::Hyphen, i + 1),
        },
        b'\n' | b'\r' => line_break(bytes, i),
        b => (MarkKind::of_char(char::from(b)), i + 1),
    };
    marks.push(Mark {
        range: base + i..base + end,
        kind,
        word,
    });
    end
}

/// The line break starting at byte `i` (`\n`, `\r\n` or `\r`): one line
/// ending, or, when only blanks stand before the next line ending, a
/// paragraph break taking in every blank line of the run.
fn line_break(bytes: &[u8], i: usize) -> (MarkKind, usize) {
    let ending = |at: usize| match bytes.get(at) {
        Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => 2,
        Some(b'\r' | b'\n') => 1,
        _ => 0,
    };
    let mut end = i + ending(i);
    let mut kind = MarkKind::LineBreak;
    loop {
        let mut next = end;
        while bytes.get(next).is_some_and(|&b| b == b' ' || b == b'\t') {
            next += 1;
        }
        match ending(next) {
            0 => return (kind, end),
            n => {
                kind = MarkKind::ParagraphBreak;
                end = next + n;
            }
        }
    }
}

// Classes of the ASCII bytes, for the tight loops: the `Case` bits of a
// word character, or one of these for the others.
const OTHER: u8 = 0x80;
const BLANK: u8 = 0x40;
const UPPER: u8 = (Case::UPPER | Case::NOT_LOWER | Case::LETTER) as u8;
const LOWER: u8 = (Case::LOWER | Case::LETTER) as u8;
const DIGIT: u8 = Case::NOT_LOWER as u8;
/// Mask of the classes that are word characters.
const WORD: u8 = 0x1f;

/// Classes of the ASCII bytes.
static ASCII: [u8; 128] = {
    let mut table = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            b' ' | b'\t' | 0x0b | 0x0c => BLANK,
            _ => OTHER,
        };
        b += 1;
    }
    table
};

/// The `Case` bits of a word character.
fn char_flags(c: char) -> u16 {
    if c.is_ascii() {
        return match ASCII[c as usize] {
            class if class & WORD != 0 => u16::from(class),
            _ => Case::NOT_LOWER, // an apostrophe inside a word
        };
    }
    let mut flags = Case::NON_ASCII;
    if c.is_uppercase() {
        flags |= Case::UPPER;
    }
    if c.is_lowercase() {
        flags |= Case::LOWER;
    } else {
        flags |= Case::NOT_LOWER;
    }
    if c.is_alphabetic() {
        flags |= Case::LETTER;
    }
    flags
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
mod tests;
