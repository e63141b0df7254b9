//! A finding's card: its number and severity (glyph and word), the rule
//! (linking to its documentation below), the message, and the fix as the
//! text before and after, with a button that copies the fixed text.

use std::ops::Range;

use super::escape::{esc, push};
use super::highlight::{severity_glyph, severity_word};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::text::LineIndex;

/// How far the shown change reaches out from the edit, each way, to show
/// whole words.
const WORD_REACH: usize = 40;

/// Appends the card of finding number `n`.
pub fn card(out: &mut String, text: &str, lines: &LineIndex, n: usize, d: &Diagnostic) {
    let severity = d.severity.as_str();
    let rule = esc(d.rule);
    let at = lines.line_col(text, d.span.start);
    out.push_str(&format!(
        "<div class=\"card sev-{severity}\" id=\"c{n}\" data-f=\"{n}\" data-rule=\"{rule}\" \
         data-sev=\"{severity}\">\n<p class=\"card-head\"><a class=\"b sev-{severity}\" \
         href=\"#f{n}\" aria-label=\"Finding {n} in the text\">{}{n}</a> \
         <span class=\"sev\">{}</span> <a class=\"rule\" href=\"#rule-{rule}\">{rule}</a> \
         <span class=\"where\">line {}, column {}</span></p>\n<p class=\"msg\">",
        severity_glyph(d.severity),
        severity_word(d.severity),
        at.line,
        at.column,
    ));
    message(out, &d.message);
    out.push_str("</p>\n");
    related(out, d);
    match (&d.fix, &d.suggestion) {
        (Some(fix), _) if !fix.edits.is_empty() => {
            let (before, after) = change(text, &d.span, fix);
            let label = match fix.applicability {
                Applicability::Safe => "Safe fix (<code>--fix</code>):",
                Applicability::Unsafe => "Unsafe fix, a guess (<code>--fix --unsafe-fixes</code>):",
            };
            out.push_str(&format!(
                "<p class=\"fix\"><span class=\"label\">{label}</span> <del>{}</del> \
                 <span aria-hidden=\"true\">→</span><span class=\"sr\"> becomes </span> \
                 <ins>{}</ins>{COPY}</p>\n",
                esc(&before),
                esc(&after),
            ));
        }
        (_, Some(suggestion)) if !suggestion.is_empty() => {
            out.push_str(&format!(
                "<p class=\"fix\"><span class=\"label\">Suggestion:</span> <ins>{}</ins>{COPY}</p>\n",
                esc(suggestion)
            ));
        }
        _ => {}
    }
    out.push_str("</div>\n");
}

/// The other places the finding concerns, as a list: file, line and
/// column (the file only when it is another one), and what is there.
fn related(out: &mut String, d: &Diagnostic) {
    if d.related.is_empty() {
        return;
    }
    out.push_str("<ul class=\"related\">\n");
    for r in &d.related {
        out.push_str("<li>");
        let place = match &r.path {
            Some(path) => format!("{path}, line {}, column {}", r.start.0, r.start.1),
            None => format!("line {}, column {}", r.start.0, r.start.1),
        };
        out.push_str(&format!("<span class=\"where\">{}</span>: ", esc(&place)));
        message(out, &r.message);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// A message, with its `quoted` words as code (messages quote the text
/// they talk about in backticks).
fn message(out: &mut String, text: &str) {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        // An odd number of backticks: no pairs to trust.
        push(out, text);
        return;
    }
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            push(out, part);
            out.push_str("</code>");
        } else {
            push(out, part);
        }
    }
}

/// The copy button; the page's script copies the `<ins>` beside it.
const COPY: &str = " <button type=\"button\" class=\"copy js-only\">Copy</button>";

/// The text a fix changes, widened to whole words, before and after the
/// fix: `pag -unlad` → `pag-unlad`, `Manila ,` → `Manila,`.
pub fn change(text: &str, span: &Range<usize>, fix: &Fix) -> (String, String) {
    let edits = fix.range();
    let start = span.start.min(edits.start);
    let end = span.end.max(edits.end);
    let before = &text[..start];
    let start = match before
        .char_indices()
        .rev()
        .take(WORD_REACH)
        .find(|&(_, c)| ends_word(c))
    {
        Some((i, c)) => i + c.len_utf8(),
        None => before
            .char_indices()
            .rev()
            .nth(WORD_REACH - 1)
            .map_or(0, |(i, _)| i),
    };
    let rest = &text[end..];
    let end = end
        + match rest
            .char_indices()
            .take(WORD_REACH)
            .find(|&(_, c)| ends_word(c))
        {
            Some((i, _)) => i,
            None => rest
                .char_indices()
                .nth(WORD_REACH)
                .map_or(rest.len(), |(i, _)| i),
        };
    let mut after = String::new();
    let mut at = start;
    for e in &fix.edits {
        after.push_str(&text[at..e.range.start]);
        after.push_str(&e.replacement);
        at = e.range.end;
    }
    after.push_str(&text[at..end]);
    (text[start..end].to_string(), after)
}

/// Where widening to a whole word stops: white space, punctuation after a
/// word, and the marks of Markdown and of quoted values.
fn ends_word(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '"'
                | '*'
                | '_'
                | '`'
                | '['
                | ']'
                | '('
                | ')'
                | '<'
                | '>'
                | '|'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Edit;

    fn shown(text: &str, span: Range<usize>, edits: Vec<Edit>) -> (String, String) {
        change(text, &span, &Fix::safe(edits))
    }

    #[test]
    fn changes_are_widened_to_whole_words() {
        let t = "Ang pag -unlad ng Metro Manila , at iba pa";
        assert_eq!(
            shown(t, 4..14, vec![Edit::delete(7..8)]),
            ("pag -unlad".into(), "pag-unlad".into())
        );
        let at = t.find(" ,").unwrap();
        assert_eq!(
            shown(t, at..at + 2, vec![Edit::delete(at..at + 1)]),
            ("Manila ,".into(), "Manila,".into())
        );
    }

    #[test]
    fn quoted_words_of_messages_are_code_and_escaped() {
        let mut out = String::new();
        message(&mut out, "write `Co., Ltd.` not `<b>`");
        assert_eq!(
            out,
            "write <code>Co., Ltd.</code> not <code>&lt;b&gt;</code>"
        );
        out.clear();
        message(&mut out, "a ` b");
        assert_eq!(out, "a ` b");
    }

    #[test]
    fn quotes_and_line_ends_bound_the_change() {
        let t = "  login_prompt: \"Email address\"\n";
        let at = t.find("\"\n").unwrap();
        assert_eq!(
            shown(t, at..at, vec![Edit::insert(at, ":")]),
            ("address".into(), "address:".into())
        );
        let t = "Kanselahin.";
        assert_eq!(
            shown(t, 10..11, vec![Edit::delete(10..11)]),
            ("Kanselahin.".into(), "Kanselahin".into())
        );
    }

    #[test]
    fn related_places_are_listed_escaped() {
        let mut d = Diagnostic::new("inconsistent-translation", 0..3, "two ways");
        d.related = vec![
            crate::diagnostic::Related {
                path: None,
                span: 10..13,
                start: (2, 4),
                end: (2, 7),
                message: "translated `Isa`".into(),
            },
            crate::diagnostic::Related {
                path: Some("a<b>.json".into()),
                span: 0..1,
                start: (1, 1),
                end: (1, 2),
                message: "translated `<i>`".into(),
            },
        ];
        let mut out = String::new();
        related(&mut out, &d);
        assert_eq!(
            out,
            "<ul class=\"related\">\n\
             <li><span class=\"where\">line 2, column 4</span>: translated <code>Isa</code></li>\n\
             <li><span class=\"where\">a&lt;b&gt;.json, line 1, column 1</span>: translated <code>&lt;i&gt;</code></li>\n\
             </ul>\n"
        );
        out.clear();
        related(&mut out, &Diagnostic::new("x", 0..1, "m"));
        assert_eq!(out, "");
    }
}
