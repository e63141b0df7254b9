//! One document's text as the renderers write it: ranges of the original
//! text with their findings marked, and the findings' cards after the block
//! that shows them.

use std::ops::Range;

use super::cards::card;
use super::highlight::Highlighter;
use crate::diagnostic::Diagnostic;
use crate::text::LineIndex;

/// Lines longer than this are shown as a window around the finding in the
/// "elsewhere in the file" list.
const LINE_WINDOW: usize = 240;

pub struct Body<'a> {
    text: &'a str,
    lines: LineIndex,
    marks: Highlighter<'a>,
}

impl<'a> Body<'a> {
    /// `findings` sorted by span; `first` is the report-wide number of the
    /// first.
    pub fn new(text: &'a str, findings: &'a [&'a Diagnostic], first: usize) -> Self {
        Body {
            text,
            lines: LineIndex::new(text),
            marks: Highlighter::new(text, findings, first),
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Writes `text[range]` with its findings marked (see
    /// [`Highlighter::write`]).
    pub fn write(&mut self, out: &mut String, range: Range<usize>, take_end: bool) {
        self.marks.write(out, range, take_end);
    }

    /// The cards of the findings marked since the last call.
    pub fn cards(&mut self, out: &mut String) {
        let pending = self.marks.take_pending();
        if pending.is_empty() {
            return;
        }
        out.push_str("<div class=\"cards\">\n");
        for i in pending {
            card(
                out,
                self.text,
                &self.lines,
                self.marks.number(i),
                self.marks.diagnostic(i),
            );
        }
        out.push_str("</div>\n");
    }

    /// Shows the findings no block showed (in markup the page does not
    /// render, such as a link's destination), each on its line.
    pub fn finish(mut self, out: &mut String) {
        let left = self.marks.unheaded();
        if left.is_empty() {
            return;
        }
        out.push_str(
            "<section class=\"elsewhere\">\n<h4>Elsewhere in the file</h4>\n\
             <p>In parts of the file that the text above does not show:</p>\n",
        );
        for i in left {
            if self.marks.is_headed(i) {
                continue; // shown on the line of an earlier one
            }
            let span = self.marks.diagnostic(i).span.clone();
            let line = self.lines.line_of(span.start);
            let range = window(self.text, self.lines.line_range(self.text, line), &span);
            out.push_str(&format!(
                "<p class=\"line\"><span class=\"ln\">line {}</span> <code>",
                line + 1
            ));
            self.write(out, range, true);
            out.push_str("</code></p>\n");
            self.cards(out);
        }
        out.push_str("</section>\n");
    }
}

/// `line`, or a window of it around `span` when it is long, on character
/// boundaries; always covering the span's start.
fn window(text: &str, line: Range<usize>, span: &Range<usize>) -> Range<usize> {
    if line.len() <= LINE_WINDOW {
        return line;
    }
    let mut start = span.start.saturating_sub(LINE_WINDOW / 2).max(line.start);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end.max(span.start) + LINE_WINDOW / 2).min(line.end.max(span.end));
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
