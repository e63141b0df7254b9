//! Marking findings in place.
//!
//! The renderers (Markdown, plain text, localisation tables) write the
//! document's text through a [`Highlighter`], one byte range of the original
//! text at a time. It escapes the text and wraps the parts that findings
//! cover in `<mark>` elements. Each finding gets exactly one *head* mark
//! (`mark.h`, with the id `fN` the keyboard and the card link to) where its
//! text is first written, and plain continuation marks in later ranges
//! (a finding that runs over emphasis, a soft break or several lines of a
//! value). A finding with an empty span (something missing) is a point mark.
//! Marks never cross the range they are written in, so they always nest
//! inside the renderer's elements.
//!
//! Findings whose text no renderer writes (inside a link's destination, say)
//! stay unheaded; [`Highlighter::unheaded`] lists them for the file's
//! closing "elsewhere in the file" list, so every finding is shown once.

use std::ops::Range;

use super::escape;
use crate::diagnostic::{Diagnostic, Severity};

/// Spans longer than this (a whole untranslated paragraph) are few; they are
/// tested against every range instead of being found by position.
const LONG: usize = 512;

pub struct Highlighter<'a> {
    text: &'a str,
    /// The file's findings in document order (by start, then end).
    findings: &'a [&'a Diagnostic],
    /// The report-wide number of `findings[0]`; the others follow.
    first: usize,
    /// Starts of the short findings, and their indices, in order.
    short_starts: Vec<usize>,
    short: Vec<usize>,
    long: Vec<usize>,
    headed: Vec<bool>,
    /// Findings headed since the last [`Highlighter::take_pending`].
    pending: Vec<usize>,
}

/// The glyph that marks a severity without colour.
pub fn severity_glyph(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "●",
    }
}

/// The severity as the page names it.
pub fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

impl<'a> Highlighter<'a> {
    /// `findings` must be sorted by span (start, then end).
    pub fn new(text: &'a str, findings: &'a [&'a Diagnostic], first: usize) -> Self {
        let mut short_starts = Vec::new();
        let mut short = Vec::new();
        let mut long = Vec::new();
        for (i, d) in findings.iter().enumerate() {
            if d.span.len() > LONG {
                long.push(i);
            } else {
                short_starts.push(d.span.start);
                short.push(i);
            }
        }
        Highlighter {
            text,
            findings,
            first,
            short_starts,
            short,
            long,
            headed: vec![false; findings.len()],
            pending: Vec::new(),
        }
    }

    /// The report-wide number of finding `i`.
    pub fn number(&self, i: usize) -> usize {
        self.first + i
    }

    pub fn diagnostic(&self, i: usize) -> &'a Diagnostic {
        self.findings[i]
    }

    /// The findings headed since the last call, in the order headed.
    pub fn take_pending(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.pending)
    }

    pub fn is_headed(&self, i: usize) -> bool {
        self.headed[i]
    }

    /// The findings no range has shown yet.
    pub fn unheaded(&self) -> Vec<usize> {
        (0..self.findings.len())
            .filter(|&i| !self.headed[i])
            .collect()
    }

    /// Findings that touch `a..b`: spans that overlap it, and empty spans
    /// inside it (at `b` only when `take_end`).
    fn touching(&self, a: usize, b: usize, take_end: bool) -> Vec<usize> {
        let touches = |i: &usize| {
            let s = &self.findings[*i].span;
            if s.is_empty() {
                a <= s.start && (s.start < b || (take_end && s.start == b))
            } else {
                s.start < b && s.end > a
            }
        };
        let from = self.short_starts.partition_point(|&s| s + LONG < a);
        let to = self.short_starts.partition_point(|&s| s <= b);
        let mut out: Vec<usize> = self.short[from..to.max(from)]
            .iter()
            .copied()
            .filter(touches)
            .collect();
        out.extend(self.long.iter().copied().filter(touches));
        out.sort_unstable();
        out
    }

    /// Writes `text[range]`, escaped, with the findings that touch it marked.
    /// Empty findings at the very end of the range are taken only when
    /// `take_end` (the end of a value: a missing `:`), so that the next
    /// range can take those at its start.
    pub fn write(&mut self, out: &mut String, range: Range<usize>, take_end: bool) {
        let (a, b) = (range.start, range.end);
        let touching = self.touching(a, b, take_end);
        if touching.is_empty() {
            escape::push(out, &self.text[a..b]);
            return;
        }
        let mut cuts = vec![a, b];
        for &i in &touching {
            let s = &self.findings[i].span;
            cuts.push(s.start.clamp(a, b));
            cuts.push(s.end.clamp(a, b));
        }
        cuts.sort_unstable();
        cuts.dedup();
        for (k, &x) in cuts.iter().enumerate() {
            for &i in &touching {
                let s = &self.findings[i].span;
                if s.is_empty() && s.start == x && !self.headed[i] {
                    self.open(out, i, true);
                    out.push_str("<span aria-hidden=\"true\">‸</span>");
                    self.close(out, i, true);
                }
            }
            let Some(&y) = cuts.get(k + 1) else { break };
            // The spans covering x..y, outermost first.
            let mut active: Vec<usize> = touching
                .iter()
                .copied()
                .filter(|&i| {
                    let s = &self.findings[i].span;
                    !s.is_empty() && s.start <= x && s.end >= y
                })
                .collect();
            active.sort_by_key(|&i| {
                let s = &self.findings[i].span;
                (s.start, std::cmp::Reverse(s.end))
            });
            let heads: Vec<bool> = active.iter().map(|&i| !self.headed[i]).collect();
            for (&i, &head) in active.iter().zip(&heads) {
                self.open(out, i, head);
            }
            escape::push(out, &self.text[x..y]);
            for (&i, &head) in active.iter().zip(&heads).rev() {
                self.close(out, i, head);
            }
        }
    }

    fn open(&mut self, out: &mut String, i: usize, head: bool) {
        let d = self.findings[i];
        let n = self.number(i);
        let severity = d.severity.as_str();
        let rule = escape::esc(d.rule);
        if head {
            let point = if d.span.is_empty() { " pt" } else { "" };
            out.push_str(&format!(
                "<mark class=\"f h{point} sev-{severity}\" id=\"f{n}\" tabindex=\"-1\" \
                 data-f=\"{n}\" data-rule=\"{rule}\" data-sev=\"{severity}\">"
            ));
            self.headed[i] = true;
            self.pending.push(i);
        } else {
            out.push_str(&format!(
                "<mark class=\"f sev-{severity}\" data-f=\"{n}\" data-rule=\"{rule}\" \
                 data-sev=\"{severity}\">"
            ));
        }
    }

    /// Closes a mark; after a head, its badge: the severity's glyph and the
    /// number, linking to the finding's card.
    fn close(&self, out: &mut String, i: usize, head: bool) {
        out.push_str("</mark>");
        if head {
            let d = self.findings[i];
            let n = self.number(i);
            out.push_str(&format!(
                "<a class=\"b sev-{}\" href=\"#c{n}\" aria-label=\"{} {n}: {}\">{}{n}</a>",
                d.severity.as_str(),
                severity_word(d.severity),
                escape::esc(d.rule),
                severity_glyph(d.severity),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(rule: &'static str, span: Range<usize>) -> Diagnostic {
        Diagnostic::new(rule, span, "m")
    }

    /// The output with tags reduced to `[n` / `]` (heads), `(n` / `)`
    /// (continuations), `^n` (points), `{n}` (badges): the shape to check.
    /// Marks open and close within each piece between two span ends.
    fn shape(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        let mut stack = Vec::new();
        while let Some(lt) = rest.find('<') {
            out.push_str(&rest[..lt]);
            let gt = rest[lt..].find('>').unwrap() + lt;
            let tag = &rest[lt..=gt];
            let attr = |name: &str| {
                let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                tag[at..at + tag[at..].find('"').unwrap()].to_string()
            };
            if tag.starts_with("<mark") {
                let n = attr("data-f");
                let (open, close) = if tag.contains(" pt ") {
                    ("^", "")
                } else if tag.contains(" h ") {
                    ("[", "]")
                } else {
                    ("(", ")")
                };
                out.push_str(&format!("{open}{n}"));
                stack.push(close);
            } else if tag == "</mark>" {
                out.push_str(stack.pop().unwrap());
            } else if tag.starts_with("<a ") {
                let href = attr("href");
                out.push_str(&format!("{{{}}}", &href[2..]));
                rest = &rest[rest[gt..].find("</a>").unwrap() + gt + 4..];
                continue;
            } else if tag.starts_with("<span") {
                rest = &rest[rest[gt..].find("</span>").unwrap() + gt + 7..];
                continue;
            }
            rest = &rest[gt + 1..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn heads_once_then_continues_and_nests() {
        let text = "ang ang pag -unlad <b>";
        let a = diag("repeated-word", 0..7);
        let b = diag("hyphen-spacing", 8..18);
        let c = diag("x", 4..12);
        let findings = vec![&a, &c, &b];
        let mut h = Highlighter::new(text, &findings, 1);
        let mut out = String::new();
        h.write(&mut out, 0..10, false);
        out.push('|');
        h.write(&mut out, 10..text.len(), false);
        assert_eq!(
            shape(&out),
            "[1ang ]{1}(1[2ang]{2})(2 )(2[3pa]{3})|(2(3g ))(3-unlad) &lt;b&gt;"
        );
        assert_eq!(h.take_pending(), [0, 1, 2]);
        assert!(h.unheaded().is_empty());
    }

    #[test]
    fn empty_spans_are_points_taken_at_the_end_only_when_asked() {
        let text = "Email address";
        let a = diag("punctuation-mismatch", 13..13);
        let b = diag("y", 0..0);
        let findings = vec![&b, &a];
        let mut h = Highlighter::new(text, &findings, 5);
        let mut out = String::new();
        h.write(&mut out, 0..13, false);
        assert_eq!(shape(&out), "^5{5}Email address");
        assert_eq!(h.unheaded(), [1]);
        out.clear();
        h.write(&mut out, 0..13, true);
        assert_eq!(shape(&out), "Email address^6{6}");
    }

    #[test]
    fn long_spans_are_found_from_any_range() {
        let text = "x".repeat(2000);
        let a = diag("untranslated-segment", 0..2000);
        let b = diag("y", 1500..1501);
        let findings = vec![&a, &b];
        let mut h = Highlighter::new(&text, &findings, 1);
        let mut out = String::new();
        h.write(&mut out, 1499..1502, false);
        assert_eq!(shape(&out), "[1x]{1}(1[2x]{2})(1x)");
    }
}
