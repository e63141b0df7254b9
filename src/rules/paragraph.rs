//! A paragraph read as one text, for rules that judge a whole paragraph
//! (quotes and brackets pair up within one): the document may have cut it
//! into several segments around inline code, a link or a placeholder, and
//! the paragraph's prose is those segments (its pieces) read one after the
//! other, with what was cut out left out.

use std::ops::Range;

use super::Context;
use crate::text::{Mark, MarkKind};

/// A place in a paragraph's prose: a byte of the document and the piece
/// (the paragraph's segment, counted from its first) it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct At {
    pub piece: usize,
    pub byte: usize,
}

/// The paragraph that ends with a context's segment.
pub struct Paragraph<'c, 'a> {
    ctx: &'c Context<'a>,
    /// The segments of the paragraph; the context's is the last.
    segments: Range<usize>,
}

impl<'c, 'a> Paragraph<'c, 'a> {
    /// The paragraph that ends with the context's segment, or `None` when
    /// the paragraph goes on in a later segment (then it is judged there,
    /// once, with all its pieces).
    pub fn ending_at(ctx: &'c Context<'a>) -> Option<Self> {
        let continues = |j: usize| {
            ctx.marks_of(j)
                .last()
                .is_some_and(|m| m.kind == MarkKind::Cut)
        };
        if continues(ctx.index) {
            return None;
        }
        let mut start = ctx.index;
        while start > 0 && continues(start - 1) {
            start -= 1;
        }
        Some(Paragraph {
            ctx,
            segments: start..ctx.index + 1,
        })
    }

    pub fn source(&self) -> &'a str {
        self.ctx.source
    }

    /// The first byte of the paragraph.
    pub fn start(&self) -> usize {
        self.piece(0).start
    }

    /// The byte after the paragraph.
    pub fn end(&self) -> usize {
        self.piece(self.segments.len() - 1).end
    }

    fn piece(&self, piece: usize) -> Range<usize> {
        self.ctx.segments[self.segments.start + piece].range.clone()
    }

    /// The marks of the paragraph's prose, in order, each with its piece
    /// (the cuts between the pieces left out).
    pub fn marks(&self) -> impl Iterator<Item = (usize, &'a Mark)> + '_ {
        self.segments.clone().enumerate().flat_map(|(piece, j)| {
            self.ctx
                .marks_of(j)
                .iter()
                .filter(|m| m.kind != MarkKind::Cut)
                .map(move |m| (piece, m))
        })
    }

    /// The text cut out between the pieces.
    pub fn cuts(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.segments.clone().filter_map(|j| {
            let last = self.ctx.marks_of(j).last()?;
            (last.kind == MarkKind::Cut).then(|| &self.ctx.source[last.range.clone()])
        })
    }

    /// The characters of the prose before `at`, nearest first.
    pub fn chars_before(&self, at: At) -> impl Iterator<Item = (At, char)> + '_ {
        let here = (at.piece, self.piece(at.piece).start..at.byte);
        let earlier = (0..at.piece).rev().map(|p| (p, self.piece(p)));
        std::iter::once(here)
            .chain(earlier)
            .flat_map(|(piece, range)| {
                self.ctx.source[range.clone()]
                    .char_indices()
                    .rev()
                    .map(move |(i, c)| {
                        let byte = range.start + i;
                        (At { piece, byte }, c)
                    })
            })
    }

    /// The characters of the prose from `at` on.
    pub fn chars_from(&self, at: At) -> impl Iterator<Item = (At, char)> + '_ {
        let here = (at.piece, at.byte..self.piece(at.piece).end);
        let later = (at.piece + 1..self.segments.len()).map(|p| (p, self.piece(p)));
        std::iter::once(here)
            .chain(later)
            .flat_map(|(piece, range)| {
                self.ctx.source[range.clone()]
                    .char_indices()
                    .map(move |(i, c)| {
                        let byte = range.start + i;
                        (At { piece, byte }, c)
                    })
            })
    }

    /// The character of the prose before `at`.
    pub fn char_before(&self, at: At) -> Option<char> {
        self.chars_before(at).next().map(|(_, c)| c)
    }

    /// The character of the prose after the character `c` at `at`.
    pub fn char_after(&self, at: At, c: char) -> Option<char> {
        let next = At {
            byte: at.byte + c.len_utf8(),
            ..at
        };
        self.chars_from(next).next().map(|(_, c)| c)
    }

    /// The sentence breaks of the paragraph's text (cut material included):
    /// a `.`, `!` or `?`, blanks, and a capital. Found in one pass, so
    /// that asking whether a break falls before or after each of many
    /// marks stays linear.
    pub fn sentence_breaks(&self) -> SentenceBreaks {
        let text = &self.ctx.source[self.start()..self.end()];
        let mut breaks = SentenceBreaks::default();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let mut spaced = false;
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
                spaced = true;
            }
            if let Some(&(u, next)) = chars.peek()
                && spaced
                && next.is_uppercase()
            {
                let (mark, capital) = (self.start() + i, self.start() + u);
                breaks.first_capital.get_or_insert(capital);
                breaks.last_mark = Some(mark);
            }
        }
        breaks
    }
}

/// Where a paragraph's sentence breaks fall ([`Paragraph::sentence_breaks`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct SentenceBreaks {
    /// The capital that starts the second sentence.
    first_capital: Option<usize>,
    /// The stop that ends the next-to-last sentence.
    last_mark: Option<usize>,
}

impl SentenceBreaks {
    /// Whether a sentence ends after byte `at` (a mark at `at` is not in
    /// the last sentence).
    pub fn after(&self, at: usize) -> bool {
        self.last_mark.is_some_and(|m| m >= at)
    }

    /// Whether a sentence starts before byte `at` (a mark at `at` is not in
    /// the first sentence).
    pub fn before(&self, at: usize) -> bool {
        self.first_capital.is_some_and(|u| u < at)
    }
}
