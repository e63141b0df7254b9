//! The words of a paragraph in order, across the segments the document cut
//! it into (around inline code, a link target, a placeholder, or at the
//! line ends of a YAML scalar), for rules that judge a word by its
//! neighbours: the word before a capital may sit in the previous segment,
//! past a code span (``Ang `types` Ang module``).
//!
//! Stepping to a neighbour costs a few comparisons: the segments of a
//! paragraph are linked by the [`MarkKind::Cut`] that ends all but the
//! last of them.

use super::Context;
use crate::text::{MarkKind, Token};

/// A word of the document: token `token` of segment `segment`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct At {
    pub segment: usize,
    pub token: usize,
}

/// What lies between two neighbouring words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Between<'a> {
    /// The prose around the cut-out material (or the whole gap when the
    /// words share a segment).
    pub before_cut: &'a str,
    pub after_cut: &'a str,
    /// The material cut out of the prose between them, if any.
    pub cut: Option<&'a str>,
}

impl Between<'_> {
    /// The prose of the gap, both sides of a cut.
    pub fn prose(&self) -> impl Iterator<Item = char> + '_ {
        self.before_cut.chars().chain(self.after_cut.chars())
    }

    /// The prose of the gap without HTML tags left in it (`<a `, `</b>`:
    /// markup that a value of a localisation file may hold), which a
    /// reader does not see.
    /// A tag may run across the cut (`<a href=` | `>Gabay`).
    pub fn visible(&self) -> impl Iterator<Item = char> + '_ {
        without_tags(self.prose())
    }
}

/// The characters of `text` outside HTML tags; a tag cut off at the end
/// of `text` (`<a `) runs to its end.
pub fn without_tags(text: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    let mut in_tag = false;
    let mut chars = text.peekable();
    std::iter::from_fn(move || {
        loop {
            let c = chars.next()?;
            if in_tag {
                in_tag = c != '>';
                continue;
            }
            if c == '<'
                && chars
                    .peek()
                    .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/')
            {
                in_tag = true;
                continue;
            }
            return Some(c);
        }
    })
}

/// The words of the paragraphs of a context's document.
pub struct Flow<'c, 'a> {
    ctx: &'c Context<'a>,
}

impl<'c, 'a> Flow<'c, 'a> {
    pub fn new(ctx: &'c Context<'a>) -> Self {
        Flow { ctx }
    }

    pub fn token(&self, at: At) -> &'a Token {
        &self.ctx.tokens_of(at.segment)[at.token]
    }

    pub fn word(&self, at: At) -> &'a str {
        &self.ctx.source[self.token(at).range.clone()]
    }

    /// Whether the paragraph of segment `j` goes on in the next segment.
    fn continues(&self, j: usize) -> bool {
        self.ctx
            .marks_of(j)
            .last()
            .is_some_and(|m| m.kind == MarkKind::Cut)
    }

    /// Whether the token at `at` is inside an HTML tag left in the prose
    /// (`<a `, `</b>`, `class="x"`: a value of a localisation file may
    /// hold markup). Looks back a little way on the token's line.
    pub fn is_in_tag(&self, at: At) -> bool {
        let source = self.ctx.source;
        let start = self.token(at).range.start;
        let mut from = start.saturating_sub(200);
        while !source.is_char_boundary(from) {
            from += 1;
        }
        let before = &source[from..start];
        for (i, c) in before.char_indices().rev() {
            match c {
                '>' | '\n' => return false,
                '<' => {
                    return source[from + i + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_alphabetic() || n == '/');
                }
                _ => {}
            }
        }
        false
    }

    /// The word before `at` in its paragraph (tag names skipped).
    pub fn prev(&self, at: At) -> Option<At> {
        let mut here = at;
        loop {
            here = self.step_back(here)?;
            if !self.is_in_tag(here) {
                return Some(here);
            }
        }
    }

    /// The word after `at` in its paragraph (tag names skipped).
    pub fn next(&self, at: At) -> Option<At> {
        let mut here = at;
        loop {
            here = self.step(here)?;
            if !self.is_in_tag(here) {
                return Some(here);
            }
        }
    }

    fn step_back(&self, at: At) -> Option<At> {
        if at.token > 0 {
            return Some(At {
                token: at.token - 1,
                ..at
            });
        }
        let mut j = at.segment;
        while j > 0 && self.continues(j - 1) {
            j -= 1;
            let n = self.ctx.tokens_of(j).len();
            if n > 0 {
                return Some(At {
                    segment: j,
                    token: n - 1,
                });
            }
        }
        None
    }

    fn step(&self, at: At) -> Option<At> {
        if at.token + 1 < self.ctx.tokens_of(at.segment).len() {
            return Some(At {
                token: at.token + 1,
                ..at
            });
        }
        let mut j = at.segment;
        while j + 1 < self.ctx.segments.len() && self.continues(j) {
            j += 1;
            if !self.ctx.tokens_of(j).is_empty() {
                return Some(At {
                    segment: j,
                    token: 0,
                });
            }
        }
        None
    }

    /// What lies between `a` and `b`, the word after it.
    pub fn between(&self, a: At, b: At) -> Between<'a> {
        let source = self.ctx.source;
        let (end, start) = (self.token(a).range.end, self.token(b).range.start);
        if a.segment == b.segment {
            return Between {
                before_cut: &source[end..start],
                after_cut: "",
                cut: None,
            };
        }
        // The cuts of the segments from `a`'s to the one before `b`'s.
        let first = self.ctx.marks_of(a.segment).last().map(|m| m.range.start);
        let last = self.ctx.marks_of(b.segment - 1).last().map(|m| m.range.end);
        let cut_start = first.unwrap_or(end).clamp(end, start);
        let cut_end = last.unwrap_or(start).clamp(cut_start, start);
        Between {
            before_cut: &source[end..cut_start],
            after_cut: &source[cut_end..start],
            cut: Some(&source[cut_start..cut_end]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Document, Format};
    use crate::rules::{Deadline, DocLanguage, DocumentContext, DocumentTokens, DocumentWords};

    /// Every word of the document with the word before it and what lies
    /// between them.
    fn pairs(doc: &Document) -> Vec<(String, String, Option<String>)> {
        let deadline = Deadline::new(None);
        let tokens = DocumentTokens::new(&doc.text, &doc.segments, &deadline).unwrap();
        let (language, words) = (DocLanguage::default(), DocumentWords::default());
        let glossary = crate::Glossary::new(Vec::new());
        let english = vec![0; doc.segments.len()];
        let shared = DocumentContext {
            document: doc,
            source: &doc.text,
            segments: &doc.segments,
            glossary: &glossary,
            dictionary: None,
            language: &language,
            english_words: &english,
            words: &words,
            tokens: &tokens,
            deadline: &deadline,
        };
        let mut out = Vec::new();
        for index in 0..doc.segments.len() {
            let ctx = Context::new(&shared, index);
            let flow = Flow::new(&ctx);
            for token in 0..ctx.tokens.len() {
                let at = At {
                    segment: index,
                    token,
                };
                if flow.is_in_tag(at) {
                    continue;
                }
                if let Some(p) = flow.prev(at) {
                    assert_eq!(flow.next(p), Some(at));
                    let b = flow.between(p, at);
                    out.push((
                        flow.word(p).to_string(),
                        flow.word(at).to_string(),
                        b.cut.map(str::to_string),
                    ));
                }
            }
        }
        out
    }

    #[test]
    fn words_inside_tags_are_skipped() {
        let yaml = Document::new(
            "t.yml",
            "a: ang <b class=\"x\">Mga</b> tao at ñ <i>Iba</i>\n",
            Format::Yaml,
        );
        let found = pairs(&yaml);
        assert!(
            found.contains(&("ang".into(), "Mga".into(), None)),
            "{found:?}"
        );
        assert!(
            found.contains(&("ñ".into(), "Iba".into(), None)),
            "{found:?}"
        );
    }

    #[test]
    fn tags_are_invisible() {
        // A tag runs across the cut of its link target.
        let b = Between {
            before_cut: " <b>x</b> <a href=\"",
            after_cut: "\">y",
            cut: Some("https://x.ph"),
        };
        assert_eq!(b.visible().collect::<String>(), " x y");
        let lone = Between {
            before_cut: "a < b",
            after_cut: "",
            cut: None,
        };
        assert_eq!(lone.visible().collect::<String>(), "a < b");
    }

    #[test]
    fn words_follow_each_other_across_code_spans_and_scalar_lines() {
        let md = Document::new(
            "t.md",
            "Ang `mga uri` Ang aklat.\n\nIsa pa.\n",
            Format::Markdown,
        );
        let found = pairs(&md);
        assert!(found.contains(&("Ang".into(), "Ang".into(), Some("`mga uri`".into()))));
        // A new paragraph has no word before it.
        assert!(!found.iter().any(|(_, w, _)| w == "Isa"));
        let yaml = Document::new("t.yml", "a: >\n  isang aklat ng\n  Mga tao\n", Format::Yaml);
        let found = pairs(&yaml);
        assert!(
            found.iter().any(|(p, w, cut)| p == "ng"
                && w == "Mga"
                && cut.as_deref().is_some_and(|c| c.trim().is_empty())),
            "{found:?}"
        );
    }
}
