//! A document's token stream: every prose segment's words and marks (see
//! `crate::text::tokens`), made once by the checker and shared by every rule
//! through its [`super::Context`].

use crate::input::Segment;
use crate::text::{Mark, MarkKind, Token, tokenize_stream};

use super::{Deadline, Seen};

/// The words and marks of every segment of a document, in two buffers (one
/// allocation each per document, not per segment).
#[derive(Debug, Default)]
pub struct DocumentTokens {
    words: Vec<Token>,
    marks: Vec<Mark>,
    /// Segment `i` owns `words[word_ends[i - 1]..word_ends[i]]`.
    word_ends: Vec<usize>,
    /// Segment `i` owns `marks[mark_ends[i - 1]..mark_ends[i]]`.
    mark_ends: Vec<usize>,
    /// What each segment holds, for the rules' prefilters.
    seen: Vec<Seen>,
}

impl DocumentTokens {
    /// Tokenises every segment of `source`, or gives up (`None`) when the
    /// deadline passes. A segment whose paragraph goes on in the next one
    /// past cut-out material ends with a [`MarkKind::Cut`] mark over it.
    pub fn new(source: &str, segments: &[Segment], deadline: &Deadline) -> Option<Self> {
        let mut tokens = DocumentTokens {
            words: Vec::with_capacity(source.len() / 6),
            marks: Vec::with_capacity(source.len() / 16),
            word_ends: Vec::with_capacity(segments.len()),
            mark_ends: Vec::with_capacity(segments.len()),
            seen: Vec::with_capacity(segments.len()),
        };
        for (i, segment) in segments.iter().enumerate() {
            if deadline.passed_now() {
                return None;
            }
            let first = tokens.words.len();
            tokenize_stream(
                source,
                segment.range.clone(),
                &mut tokens.words,
                &mut tokens.marks,
            );
            if let Some(next) = segments.get(i + 1)
                && paragraph_continues(source, segment, next)
            {
                tokens.marks.push(Mark {
                    range: segment.range.end..next.range.start,
                    kind: MarkKind::Cut,
                    word: (tokens.words.len() - first) as u32,
                });
            }
            tokens.word_ends.push(tokens.words.len());
            tokens.mark_ends.push(tokens.marks.len());
            let i = tokens.word_ends.len() - 1;
            tokens.seen.push(Seen::of(tokens.words(i), tokens.marks(i)));
        }
        Some(tokens)
    }

    /// How many segments.
    pub fn len(&self) -> usize {
        self.word_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.word_ends.is_empty()
    }

    /// The words and numbers of segment `i`.
    pub fn words(&self, i: usize) -> &[Token] {
        let start = if i == 0 { 0 } else { self.word_ends[i - 1] };
        &self.words[start..self.word_ends[i]]
    }

    /// What segment `i` holds.
    pub fn seen(&self, i: usize) -> &Seen {
        &self.seen[i]
    }

    /// The marks of segment `i` (with its closing cut, if any).
    pub fn marks(&self, i: usize) -> &[Mark] {
        let start = if i == 0 { 0 } else { self.mark_ends[i - 1] };
        &self.marks[start..self.mark_ends[i]]
    }
}

/// Whether the paragraph of segment `a` goes on in segment `b`, the next
/// one: they share a block, or only inline material (code, a link) without
/// a line break separates them.
pub fn paragraph_continues(source: &str, a: &Segment, b: &Segment) -> bool {
    a.block == b.block || !source[a.range.end..b.range.start].contains('\n')
}
