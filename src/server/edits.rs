//! Text edits in LSP terms: salin's byte edits converted, the difference
//! between two texts as small edits, and edits wrapped for the client.

use std::collections::HashMap;

use lsp_types::{
    OneOf, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};
use salin::Edit;
use similar::{DiffTag, TextDiff};

use super::position::{Encoding, Lines};

/// salin's edits (byte ranges of `text`) as LSP edits.
pub fn convert(text: &str, lines: &Lines, edits: &[Edit], encoding: Encoding) -> Vec<TextEdit> {
    edits
        .iter()
        .map(|e| TextEdit::new(lines.range(text, &e.range, encoding), e.replacement.clone()))
        .collect()
}

/// Edits that turn `old` into `new`: one per changed run of lines, trimmed
/// to the characters that differ, so that the editor keeps the cursor and
/// folds everywhere else.
pub fn between(old: &str, new: &str, lines: &Lines, encoding: Encoding) -> Vec<TextEdit> {
    let diff = TextDiff::from_lines(old, new);
    // Byte offset of each line's start, and of the end.
    let starts = |slices: &mut dyn Iterator<Item = &str>| -> Vec<usize> {
        let mut at = 0;
        let mut out = vec![0];
        for s in slices {
            at += s.len();
            out.push(at);
        }
        out
    };
    let old_at = starts(&mut diff.iter_old_slices());
    let new_at = starts(&mut diff.iter_new_slices());
    let mut edits = Vec::new();
    for op in diff.ops() {
        if op.tag() == DiffTag::Equal {
            continue;
        }
        let (o, n) = (op.old_range(), op.new_range());
        let mut old_span = old_at[o.start]..old_at[o.end];
        let mut new_span = new_at[n.start]..new_at[n.end];
        trim_common(old, new, &mut old_span, &mut new_span);
        edits.push(TextEdit::new(
            lines.range(old, &old_span, encoding),
            new[new_span].to_string(),
        ));
    }
    edits
}

/// Shrinks two spans by their common prefix and suffix (whole characters).
fn trim_common(
    old: &str,
    new: &str,
    a: &mut std::ops::Range<usize>,
    b: &mut std::ops::Range<usize>,
) {
    let prefix: usize = old[a.clone()]
        .chars()
        .zip(new[b.clone()].chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    a.start += prefix;
    b.start += prefix;
    let suffix: usize = old[a.clone()]
        .chars()
        .rev()
        .zip(new[b.clone()].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    a.end -= suffix;
    b.end -= suffix;
}

/// How the client wants workspace edits.
#[derive(Clone, Copy, Debug, Default)]
pub struct EditSupport {
    /// `documentChanges` (versioned, so a stale edit is refused), rather
    /// than `changes`.
    pub document_changes: bool,
    /// Files may be created (`CreateFile` operations).
    pub create_files: bool,
}

impl EditSupport {
    /// Edits of one document, `version` being the one they were made for.
    pub fn document(&self, uri: &Uri, version: Option<i32>, edits: Vec<TextEdit>) -> WorkspaceEdit {
        if self.document_changes {
            WorkspaceEdit {
                document_changes: Some(lsp_types::DocumentChanges::Edits(vec![
                    text_document_edit(uri, version, edits),
                ])),
                ..Default::default()
            }
        } else {
            WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), edits)])),
                ..Default::default()
            }
        }
    }
}

pub fn text_document_edit(
    uri: &Uri,
    version: Option<i32>,
    edits: Vec<TextEdit>,
) -> TextDocumentEdit {
    TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier {
            uri: uri.clone(),
            version,
        },
        edits: edits.into_iter().map(OneOf::Left).collect(),
    }
}

/// Applies LSP edits (non-overlapping, as one response gives them) to a
/// text, as a client would: for tests.
#[cfg(test)]
pub fn apply(text: &str, edits: &[TextEdit], encoding: Encoding) -> String {
    let lines = Lines::new(text);
    let mut spans: Vec<(std::ops::Range<usize>, &str)> = edits
        .iter()
        .map(|e| (lines.span(text, e.range, encoding), e.new_text.as_str()))
        .collect();
    spans.sort_by_key(|(r, _)| r.start);
    let mut out = String::new();
    let mut last = 0;
    for (r, t) in spans {
        out.push_str(&text[last..r.start]);
        out.push_str(t);
        last = r.end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_become_small_edits() {
        let old = "Isa 😀 pag -unlad.\r\nwalang mali\r\nAward Award.\r\n";
        let new = "Isa 😀 pag-unlad.\r\nwalang mali\r\nAward.\r\n";
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let lines = Lines::new(old);
            let edits = between(old, new, &lines, encoding);
            assert_eq!(edits.len(), 2, "{edits:?}");
            assert_eq!(edits[0].new_text, "");
            assert_eq!(apply(old, &edits, encoding), new);
        }
        let lines = Lines::new(old);
        let edits = between(old, new, &lines, Encoding::Utf16);
        // `pag -unlad`: the space after `pag`, at UTF-16 column 10
        // (`Isa `, two units of emoji, ` pag`).
        assert_eq!(edits[0].range.start, lsp_types::Position::new(0, 10));
        assert_eq!(edits[0].range.end, lsp_types::Position::new(0, 11));
    }

    #[test]
    fn insertions_at_the_end_without_a_final_newline() {
        let old = "a\nb";
        let new = "a\nb\nc\n";
        let lines = Lines::new(old);
        let edits = between(old, new, &lines, Encoding::Utf16);
        assert_eq!(apply(old, &edits, Encoding::Utf16), new);
    }
}
