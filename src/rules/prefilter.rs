//! Declared prefilters: what a segment must hold for a rule to find
//! anything in it. A rule declares its [`Needs`] ([`super::Rule::needs`]),
//! built from the very word lists and marks it looks for, so the filter
//! cannot drift from the rule; the checker notes what each segment holds
//! ([`Seen`]) while tokenising and skips a rule on a segment that has none
//! of its needs. (Most segments have no `-`, no number, no word starting
//! with `Co`: most rules then cost nothing there.)

use crate::text::{Mark, MarkKind, MarkSet, Token, TokenKind};

/// A set of bytes, for the first bytes of words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    pub const EMPTY: ByteSet = ByteSet([0; 4]);

    /// The bytes of `bytes`.
    pub const fn of(bytes: &[u8]) -> ByteSet {
        let mut set = ByteSet::EMPTY;
        let mut i = 0;
        while i < bytes.len() {
            set = set.with(bytes[i]);
            i += 1;
        }
        set
    }

    /// The first bytes of `words`, as written.
    pub const fn first_bytes(words: &[&str]) -> ByteSet {
        let mut set = ByteSet::EMPTY;
        let mut i = 0;
        while i < words.len() {
            if let Some(&b) = words[i].as_bytes().first() {
                set = set.with(b);
            }
            i += 1;
        }
        set
    }

    /// `self` and `other`.
    pub const fn union(self, other: ByteSet) -> ByteSet {
        let (a, b) = (self.0, other.0);
        ByteSet([a[0] | b[0], a[1] | b[1], a[2] | b[2], a[3] | b[3]])
    }

    /// `self` with every ASCII letter in both cases (for a rule that
    /// compares words in lower case).
    pub const fn either_case(self) -> ByteSet {
        let mut set = self;
        let mut b = b'A';
        while b <= b'Z' {
            if self.contains(b) || self.contains(b + 32) {
                set = set.with(b).with(b + 32);
            }
            b += 1;
        }
        set
    }

    /// `self` with every byte that starts a non-ASCII character.
    pub const fn with_non_ascii(self) -> ByteSet {
        let mut set = self;
        let mut b = 0xC0u8;
        loop {
            set = set.with(b);
            if b == 0xFF {
                return set;
            }
            b += 1;
        }
    }

    pub const fn with(self, b: u8) -> ByteSet {
        let mut words = self.0;
        words[(b >> 6) as usize] |= 1 << (b & 63);
        ByteSet(words)
    }

    #[inline]
    pub const fn contains(self, b: u8) -> bool {
        self.0[(b >> 6) as usize] & (1 << (b & 63)) != 0
    }

    /// Whether the sets share a byte.
    fn meets(self, other: ByteSet) -> bool {
        self.0.iter().zip(other.0).any(|(a, b)| a & b != 0)
    }
}

/// What a rule needs to find in a segment, any one of which will do: a
/// mark of some kinds, a word starting with some bytes, a number. A rule
/// that declares nothing ([`Needs::ANYTHING`]) runs on every segment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    marks: MarkSet,
    first_bytes: ByteSet,
    numbers: bool,
}

impl Needs {
    /// No prefilter: the rule runs on every segment.
    pub const ANYTHING: Needs = Needs {
        marks: MarkSet::EMPTY,
        first_bytes: ByteSet::EMPTY,
        numbers: false,
    };

    /// A mark of one of `kinds`.
    pub const fn marks(kinds: &[MarkKind]) -> Needs {
        Needs {
            marks: MarkSet::of(kinds),
            ..Needs::ANYTHING
        }
    }

    /// A word (or number) whose first byte is in `set`.
    pub const fn first_bytes(set: ByteSet) -> Needs {
        Needs {
            first_bytes: set,
            ..Needs::ANYTHING
        }
    }

    /// A number (a token of digits).
    pub const fn numbers() -> Needs {
        Needs {
            numbers: true,
            ..Needs::ANYTHING
        }
    }

    /// Whether a segment that holds `seen` may have a finding.
    #[inline]
    pub fn met_by(&self, seen: &Seen) -> bool {
        *self == Needs::ANYTHING
            || self.marks.meets(seen.marks)
            || self.first_bytes.meets(seen.first_bytes)
            || (self.numbers && seen.numbers)
    }
}

/// What one segment holds, for [`Needs::met_by`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    marks: MarkSet,
    first_bytes: ByteSet,
    numbers: bool,
}

impl Seen {
    /// What the tokens and marks of a segment hold.
    pub fn of(tokens: &[Token], marks: &[Mark]) -> Seen {
        let mut seen = Seen::default();
        for t in tokens {
            seen.first_bytes = seen.first_bytes.with(t.first);
            seen.numbers |= t.kind == TokenKind::Number;
        }
        for m in marks {
            seen.marks.insert(m.kind);
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize_stream;

    fn seen(text: &str) -> Seen {
        let (mut tokens, mut marks) = (Vec::new(), Vec::new());
        tokenize_stream(text, 0..text.len(), &mut tokens, &mut marks);
        Seen::of(&tokens, &marks)
    }

    #[test]
    fn byte_sets() {
        const SET: ByteSet = ByteSet::first_bytes(&["ika", "Taga"]).either_case();
        assert!(SET.contains(b'i') && SET.contains(b'I') && SET.contains(b't'));
        assert!(!SET.contains(b'a') && !SET.contains(0xC3));
        assert!(SET.with_non_ascii().contains(0xC3) && !SET.with_non_ascii().contains(0x80));
        assert_eq!(
            ByteSet::of(b"ab").union(ByteSet::of(b"c")),
            ByteSet::of(b"abc")
        );
    }

    #[test]
    fn needs_are_met_by_any_one_thing() {
        let hyphen = Needs::marks(&[MarkKind::Hyphen]);
        assert!(hyphen.met_by(&seen("pag -unlad")));
        assert!(!hyphen.met_by(&seen("pag unlad -- at — iba")));
        let co = Needs::first_bytes(ByteSet::of(b"cC"));
        assert!(co.met_by(&seen("ang Co Ltd")) && !co.met_by(&seen("ang bahay")));
        assert!(Needs::numbers().met_by(&seen("Hulyo 4")));
        assert!(!Needs::numbers().met_by(&seen("ika5 na")));
        assert!(Needs::ANYTHING.met_by(&seen("")));
    }
}
