//! Suppressions written in the document.
//!
//! Markdown uses HTML comments, which do not show when the page is rendered:
//!
//! ```text
//! <!-- salin-disable hyphen-spacing, repeated-word -->   from here on
//! <!-- salin-enable hyphen-spacing -->                   ... until here
//! <!-- salin-disable -->                                 every rule
//! <!-- salin-enable -->                                  every rule again
//! <!-- salin-disable-next-line glossary-case -->         the next line only
//! ```
//!
//! A directive applies to findings that *start* after it (`disable`), or on
//! the line after the one where the comment ends (`disable-next-line`).
//! Rule names are separated by commas or spaces; none means every rule.
//! Directives in code blocks or inline code are text, not directives.
//!
//! A directive that suppresses nothing is reported by the
//! `unused-suppression` rule, and so is an unknown rule name in one.
//!
//! Plain text has no comment syntax and no suppressions. Other formats
//! (YAML `# salin: ignore[rule]`, PO translator comments) add their own
//! [`directives`] parser producing the same [`Directive`]s.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser};

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::input::{Document, Format};
use crate::rules;
use crate::text::LineIndex;

/// The name of the rule that reports unused suppressions.
pub const UNUSED: &str = "unused-suppression";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    Disable,
    Enable,
    DisableNextLine,
    /// `# salin: ignore[rules]` in YAML and PO: the line it ends, or, alone
    /// on its line, the entry that follows.
    Ignore,
}

impl DirectiveKind {
    pub fn keyword(self) -> &'static str {
        match self {
            DirectiveKind::Disable => "salin-disable",
            DirectiveKind::Enable => "salin-enable",
            DirectiveKind::DisableNextLine => "salin-disable-next-line",
            DirectiveKind::Ignore => "salin: ignore",
        }
    }
}

/// One suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// The rule names, each with its byte range; empty means every rule.
    pub rules: Vec<(String, Range<usize>)>,
    /// The whole comment.
    pub span: Range<usize>,
}

/// The suppression directives of a document, in order.
pub fn directives(doc: &Document) -> Vec<Directive> {
    match doc.format {
        Format::Markdown if doc.text.contains("salin-") => markdown_directives(&doc.text),
        Format::Yaml | Format::Po if doc.text.contains("salin:") => hash_directives(&doc.text),
        _ => Vec::new(),
    }
}

/// `# salin: ignore` and `# salin: ignore[rule, rule]` comments (YAML, and
/// PO translator comments). In YAML a `#` inside a quoted value is not a
/// comment, so only a `#` at the start of the line or after a blank counts,
/// and only outside quotes.
fn hash_directives(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let Some(hash) = comment_start(content) else {
            continue;
        };
        let comment = &content[hash + 1..];
        let body = comment.trim_start();
        let Some(rest) = body.strip_prefix("salin:") else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(after) = rest.strip_prefix("ignore") else {
            continue;
        };
        let list_at = start + content.len() - after.len();
        let mut rules = Vec::new();
        if let Some(inner) = after.strip_prefix('[')
            && let Some(close) = inner.find(']')
        {
            let mut at = list_at + 1;
            for piece in inner[..close].split(',') {
                let name = piece.trim();
                if !name.is_empty() {
                    let lead = piece.len() - piece.trim_start().len();
                    rules.push((name.to_string(), at + lead..at + lead + name.len()));
                }
                at += piece.len() + 1;
            }
        } else if !after.trim().is_empty() {
            continue;
        }
        out.push(Directive {
            kind: DirectiveKind::Ignore,
            rules,
            span: start + hash..start + content.len(),
        });
    }
    out
}

/// Where a `#` comment starts on a line: at its start or after a blank,
/// outside single and double quotes.
fn comment_start(line: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '#' && prev.is_whitespace() => return Some(i),
            None if (c == '"' || c == '\'') && (prev.is_whitespace() || prev == ':') => {
                quote = Some(c);
            }
            None => {}
        }
        prev = c;
    }
    None
}

/// What an `ignore` comment covers: its own line when it follows text;
/// alone on a line, the entry after it (PO: up to the next blank line;
/// YAML: the next line and the more indented lines below it).
fn ignore_range(
    format: Format,
    text: &str,
    index: &LineIndex,
    span: &Range<usize>,
) -> Range<usize> {
    let line = index.line_of(span.start);
    let r = index.line_range(text, line);
    if !text[r.start..span.start].trim().is_empty() {
        return r.start..span.end;
    }
    let indent = |l: usize| {
        let r = index.line_range(text, l);
        let t = &text[r.clone()];
        (
            t.len() - t.trim_start().len(),
            t.trim().is_empty(),
            t.trim_start().starts_with('#'),
        )
    };
    let mut next = line + 1;
    while next < index.line_count() && indent(next).2 {
        next += 1;
    }
    if next >= index.line_count() {
        return span.end..span.end;
    }
    let (first_indent, _, _) = indent(next);
    let mut last = next;
    while last + 1 < index.line_count() {
        let (i, blank, _) = indent(last + 1);
        let more = match format {
            Format::Po => !blank,
            _ => blank || i > first_indent,
        };
        if !more {
            break;
        }
        last += 1;
    }
    index.line_range(text, next).start..index.line_range(text, last).end.max(span.end + 1)
}

fn markdown_directives(text: &str) -> Vec<Directive> {
    let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[body_start..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    // Runs of raw HTML: comments live only there.
    let mut html: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        if matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
            let range = range.start + body_start..range.end + body_start;
            match html.last_mut() {
                Some(last) if last.end >= range.start => last.end = last.end.max(range.end),
                _ => html.push(range),
            }
        }
    }
    let mut out = Vec::new();
    for run in html {
        let mut at = run.start;
        while let Some(open) = text[at..run.end].find("<!--") {
            let start = at + open;
            let Some(close) = text[start + 4..run.end].find("-->") else {
                break;
            };
            let end = start + 4 + close + 3;
            if let Some(d) = parse_comment(text, start + 4..end - 3) {
                out.push(Directive {
                    span: start..end,
                    ..d
                });
            }
            at = end;
        }
    }
    out
}

/// A directive from the inside of a comment, `inner` being its byte range.
fn parse_comment(text: &str, inner: Range<usize>) -> Option<Directive> {
    let content = &text[inner.clone()];
    let lead = content.len() - content.trim_start().len();
    let rest = &content[lead..];
    let kind = [
        DirectiveKind::DisableNextLine,
        DirectiveKind::Disable,
        DirectiveKind::Enable,
    ]
    .into_iter()
    .find(|k| {
        rest.starts_with(k.keyword())
            && rest[k.keyword().len()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
    })?;
    let list_start = inner.start + lead + kind.keyword().len();
    let mut rules = Vec::new();
    let mut pos = list_start;
    for piece in text[list_start..inner.end].split([',', ' ', '\t', '\n', '\r']) {
        if !piece.is_empty() {
            rules.push((piece.to_string(), pos..pos + piece.len()));
        }
        pos += piece.len() + 1;
    }
    Some(Directive {
        kind,
        rules,
        span: inner,
    })
}

/// What one directive, or one rule of it, covers.
struct Cover {
    directive: usize,
    /// `None`: every rule.
    rule: Option<String>,
    /// Byte range of the document in which findings are suppressed.
    range: Range<usize>,
    used: bool,
}

/// Removes suppressed findings from `diagnostics` and, when `unused` gives
/// the severity of the `unused-suppression` rule, adds a finding for every
/// directive that suppressed nothing. `enabled` tells whether a rule ran:
/// a directive for a rule that did not run is not reported.
pub fn apply(
    doc: &Document,
    diagnostics: Vec<Diagnostic>,
    enabled: &dyn Fn(&str) -> bool,
    unused: Option<Severity>,
) -> Vec<Diagnostic> {
    let directives = directives(doc);
    if directives.is_empty() {
        return diagnostics;
    }
    let text = &doc.text;
    let index = LineIndex::new(text);
    let mut covers: Vec<Cover> = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        let names: Vec<Option<String>> = if d.rules.is_empty() {
            vec![None]
        } else {
            d.rules.iter().map(|(n, _)| Some(n.clone())).collect()
        };
        let range = match d.kind {
            DirectiveKind::Enable => continue,
            DirectiveKind::DisableNextLine => {
                let next = index.line_of(d.span.end) + 1;
                if next >= index.line_count() {
                    d.span.end..d.span.end
                } else {
                    let r = index.line_range(text, next);
                    r.start..r.end.max(r.start + 1)
                }
            }
            DirectiveKind::Disable => d.span.end..text.len() + 1,
            DirectiveKind::Ignore => ignore_range(doc.format, text, &index, &d.span),
        };
        for name in names {
            // A disable region ends at the first later enable that names the
            // rule, or names none.
            let mut range = range.clone();
            if d.kind == DirectiveKind::Disable {
                let end = directives[i + 1..]
                    .iter()
                    .find(|e| {
                        e.kind == DirectiveKind::Enable
                            && (e.rules.is_empty()
                                || name
                                    .as_ref()
                                    .is_some_and(|n| e.rules.iter().any(|(r, _)| r == n)))
                    })
                    .map_or(text.len() + 1, |e| e.span.start);
                range.end = end;
            }
            covers.push(Cover {
                directive: i,
                rule: name,
                range,
                used: false,
            });
        }
    }

    let mut kept = Vec::with_capacity(diagnostics.len());
    for diag in diagnostics {
        let mut suppressed = false;
        for c in &mut covers {
            if c.range.contains(&diag.span.start)
                && c.rule.as_deref().is_none_or(|r| r == diag.rule)
            {
                c.used = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(diag);
        }
    }

    if let Some(severity) = unused {
        for (i, d) in directives.iter().enumerate() {
            if d.kind == DirectiveKind::Enable {
                continue;
            }
            let mine: Vec<&Cover> = covers.iter().filter(|c| c.directive == i).collect();
            let mut problems = Vec::new();
            let mut judged = 0;
            for c in &mine {
                match &c.rule {
                    None if !c.used => problems.push("suppresses nothing".to_string()),
                    None => {}
                    Some(name) if rules::by_name(name).is_none() => {
                        problems.push(format!("names an unknown rule `{name}`"));
                    }
                    Some(name) if !enabled(name) || c.used => judged += usize::from(c.used),
                    Some(name) => problems.push(format!("suppresses no `{name}` finding")),
                }
            }
            if problems.is_empty() {
                continue;
            }
            let all_unused = judged == 0 && mine.iter().all(|c| !c.used);
            let mut diag = Diagnostic::new(
                UNUSED,
                d.span.clone(),
                format!("`{}` {}", d.kind.keyword(), problems.join("; ")),
            );
            diag.severity = severity;
            if all_unused {
                diag = diag
                    .with_fix(Fix::safe(vec![Edit::delete(removal(
                        text, &index, &d.span,
                    ))]))
                    .with_suggestion("");
            }
            kept.push(diag);
        }
        kept.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
    }
    kept
}

/// What to delete to remove a comment: its whole line when it is alone on
/// it, else the comment and the spaces before it.
fn removal(text: &str, index: &LineIndex, span: &Range<usize>) -> Range<usize> {
    let line = index.line_of(span.start);
    let r = index.line_range(text, line);
    if index.line_of(span.end) == line
        && text[r.start..span.start].trim().is_empty()
        && text[span.end..r.end].trim().is_empty()
    {
        let next = if line + 1 < index.line_count() {
            index.line_range(text, line + 1).start
        } else {
            text.len()
        };
        return r.start..next;
    }
    let before = text[..span.start].trim_end_matches([' ', '\t']).len();
    before..span.end
}

/// YAML and PO: a `# salin: ignore[rules]` line before each entry with
/// findings (in YAML, before the line of the value's key, indented like it,
/// so that it covers the value's lines; in PO, before the entry's comments).
/// Findings outside any value (`missing-key`) are left.
fn add_hash_suppressions(doc: &Document, diagnostics: &[Diagnostic]) -> (String, usize) {
    let text = &doc.text;
    let index = LineIndex::new(text);
    let mut by_line: Vec<(usize, Vec<&'static str>)> = Vec::new();
    for d in diagnostics.iter().filter(|d| d.rule != UNUSED) {
        let Some(unit) = doc.units.iter().find(|u| {
            let r = u.range();
            (r.start <= d.span.start && d.span.start <= r.end) || u.key_range == d.span
        }) else {
            continue;
        };
        let mut line = index.line_of(unit.key_range.start.min(unit.range().start));
        if doc.format == Format::Po {
            // The first line of the entry: after the blank line before it.
            while line > 0 && !text[index.line_range(text, line - 1)].trim().is_empty() {
                line -= 1;
            }
        }
        match by_line.iter_mut().find(|(l, _)| *l == line) {
            Some((_, names)) => names.push(d.rule),
            None => by_line.push((line, vec![d.rule])),
        }
    }
    let order = |n: &str| rules::ALL.iter().position(|r| r.meta().name == n);
    let mut edits = Vec::new();
    for (line, mut names) in by_line {
        names.sort_by_key(|n| order(n));
        names.dedup();
        let r = index.line_range(text, line);
        let line_text = &text[r.clone()];
        let indent = &line_text[..line_text.len() - line_text.trim_start().len()];
        let indent = if doc.format == Format::Po { "" } else { indent };
        let eol = if text[r.end..].starts_with("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        edits.push(Edit::insert(
            r.start,
            format!("{indent}# salin: ignore[{}]{eol}", names.join(", ")),
        ));
    }
    let count = edits.len();
    let fix = Fix::safe(edits);
    (crate::fix::apply(text, &[&fix]), count)
}

/// The text of `doc` with a `salin-disable-next-line` comment for the rules
/// of `diagnostics` (findings in `doc`) before each line that has some, and
/// how many comments were added. Markdown only; other formats are returned
/// unchanged.
///
/// After a blank line (or at the start) the comment goes on its own line,
/// indented like the flagged line; inside a paragraph, list or table it is
/// appended to the end of the previous line, so that the block is not split.
pub fn add_suppressions(doc: &Document, diagnostics: &[Diagnostic]) -> (String, usize) {
    let text = &doc.text;
    if matches!(doc.format, Format::Yaml | Format::Po) {
        return add_hash_suppressions(doc, diagnostics);
    }
    if doc.format != Format::Markdown {
        return (text.clone(), 0);
    }
    let index = LineIndex::new(text);
    let mut by_line: Vec<(usize, Vec<&'static str>)> = Vec::new();
    for d in diagnostics.iter().filter(|d| d.rule != UNUSED) {
        let line = index.line_of(d.span.start);
        match by_line.iter_mut().find(|(l, _)| *l == line) {
            Some((_, names)) => names.push(d.rule),
            None => by_line.push((line, vec![d.rule])),
        }
    }
    let order = |n: &str| rules::ALL.iter().position(|r| r.meta().name == n);
    let mut edits = Vec::new();
    for (line, mut names) in by_line {
        names.sort_by_key(|n| order(n));
        names.dedup();
        let comment = format!("<!-- salin-disable-next-line {} -->", names.join(", "));
        let r = index.line_range(text, line);
        let previous = (line > 0).then(|| index.line_range(text, line - 1));
        match previous {
            Some(p) if !text[p.clone()].trim().is_empty() && !is_structural(&text[p.clone()]) => {
                // Before a hard break (trailing `\` or two spaces), if any.
                let prev = &text[p.clone()];
                let body = prev.trim_end_matches([' ', '\t']);
                let at = if prev.len() - body.len() >= 2 {
                    p.start + body.len()
                } else if let Some(b) = body.strip_suffix('\\') {
                    p.start + b.trim_end().len()
                } else {
                    p.start + body.len()
                };
                edits.push(Edit::insert(at, format!(" {comment}")));
            }
            _ => {
                let line_text = &text[r.clone()];
                let indent = &line_text[..line_text.len() - line_text.trim_start().len()];
                let eol = if text[r.end..].starts_with("\r\n") {
                    "\r\n"
                } else {
                    "\n"
                };
                edits.push(Edit::insert(r.start, format!("{indent}{comment}{eol}")));
            }
        }
    }
    let count = edits.len();
    let fix = Fix::safe(edits);
    (crate::fix::apply(text, &[&fix]), count)
}

/// A line that text must not be appended to: a code fence, a thematic break,
/// a setext underline, a table's delimiter row, a front-matter fence.
fn is_structural(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("```") || t.starts_with("~~~") || t.chars().all(|c| "-=*_+|: \t".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checker, Glossary};

    fn md(text: &str) -> Document {
        Document::new("a.md", text, Format::Markdown)
    }

    fn found(text: &str) -> Vec<(&'static str, String)> {
        let doc = md(text);
        Checker::new(Glossary::embedded())
            .check(&doc)
            .into_iter()
            .map(|d| (d.rule, text[d.span].to_string()))
            .collect()
    }

    #[test]
    fn directives_are_parsed_outside_code_only() {
        let text = "<!-- salin-disable hyphen-spacing, repeated-word -->\n\n\
                    Isa `<!-- salin-enable -->` dalawa <!--salin-enable-->\n\n\
                    ```\n<!-- salin-disable -->\n```\n<!-- salin-disabled -->\n";
        let ds = directives(&md(text));
        assert_eq!(ds.len(), 2);
        assert_eq!(ds[0].kind, DirectiveKind::Disable);
        let names: Vec<&str> = ds[0].rules.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["hyphen-spacing", "repeated-word"]);
        assert_eq!(&text[ds[0].rules[1].1.clone()], "repeated-word");
        assert_eq!(ds[1].kind, DirectiveKind::Enable);
        assert!(ds[1].rules.is_empty());
        assert!(directives(&Document::new("a.txt", text, Format::Plain)).is_empty());
    }

    #[test]
    fn disable_enable_and_next_line() {
        let text = "Ang pag -unlad.\n\n\
                    <!-- salin-disable hyphen-spacing -->\n\
                    Ang pag -unlad at ang ang.\n\
                    <!-- salin-enable -->\n\n\
                    <!-- salin-disable-next-line -->\n\
                    Ang pag -unlad at ang ang.\n\
                    Ang pag -agaw.\n";
        assert_eq!(
            found(text),
            [
                ("hyphen-spacing", "pag -unlad".to_string()),
                ("repeated-word", "ang ang".to_string()),
                ("hyphen-spacing", "pag -agaw".to_string()),
            ]
        );
    }

    #[test]
    fn unused_suppressions_are_reported_with_a_fix() {
        let text = "<!-- salin-disable-next-line repeated-word -->\n\
                    Malinis.\n\n\
                    Isa <!-- salin-disable hyphen-spacing, no-such-rule --> pag -unlad.\n";
        let doc = md(text);
        let checker = Checker::new(Glossary::embedded());
        let got = checker.check(&doc);
        let messages: Vec<&str> = got.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`salin-disable-next-line` suppresses no `repeated-word` finding",
                "`salin-disable` names an unknown rule `no-such-rule`",
            ]
        );
        assert!(got.iter().all(|d| d.rule == UNUSED));
        // Only the wholly unused one is fixed: its line goes.
        let fixed = crate::fix::fix_document(&checker, &doc, crate::Applicability::Safe);
        assert_eq!(
            fixed.text,
            "Malinis.\n\nIsa <!-- salin-disable hyphen-spacing, no-such-rule --> pag -unlad.\n"
        );
    }

    #[test]
    fn added_suppressions_silence_every_finding_without_splitting_blocks() {
        let text = "# Pag -unlad\n\
                    Ang pag -unlad\n\
                    at ang ang balita.  \n\
                    ng Glaxosmithkline.\n\n\
                    - isa\n\
                    - pag -unlad\n\n\
                    ---\n\
                    pag -unlad\n";
        let doc = md(text);
        let checker = Checker::new(Glossary::embedded());
        let (new, n) = add_suppressions(&doc, &checker.check(&doc));
        assert_eq!(
            new,
            "<!-- salin-disable-next-line hyphen-spacing -->\n\
             # Pag -unlad <!-- salin-disable-next-line hyphen-spacing -->\n\
             Ang pag -unlad <!-- salin-disable-next-line repeated-word -->\n\
             at ang ang balita. <!-- salin-disable-next-line glossary-case -->  \n\
             ng Glaxosmithkline.\n\n\
             - isa <!-- salin-disable-next-line hyphen-spacing -->\n\
             - pag -unlad\n\n\
             ---\n\
             <!-- salin-disable-next-line hyphen-spacing -->\n\
             pag -unlad\n"
        );
        assert_eq!(n, 6);
        assert_eq!(found(&new), []);
    }

    #[test]
    fn yaml_and_po_suppressions_are_added_and_then_silence() {
        let checker = crate::Checker::new(crate::Glossary::embedded());
        for (name, format, text, expected) in [
            (
                "tl.yml",
                Format::Yaml,
                "a:\n  b: I -save\n  c: >-\n    Ang pag -unlad\n    ng bayan\n  d: ok\n",
                "a:\n  # salin: ignore[hyphen-spacing]\n  b: I -save\n  # salin: ignore[hyphen-spacing]\n  c: >-\n    Ang pag -unlad\n    ng bayan\n  d: ok\n",
            ),
            (
                "tl.po",
                Format::Po,
                "#: a.c:1\nmsgid \"Save\"\nmsgstr \"I -save\"\n\nmsgid \"x\"\nmsgstr \"y\"\n",
                "# salin: ignore[hyphen-spacing]\n#: a.c:1\nmsgid \"Save\"\nmsgstr \"I -save\"\n\nmsgid \"x\"\nmsgstr \"y\"\n",
            ),
        ] {
            let doc = Document::new(name, text, format);
            let found = checker.check(&doc);
            assert!(!found.is_empty());
            let (new, n) = add_suppressions(&doc, &found);
            assert_eq!(new, expected);
            assert_eq!(n, found.len());
            assert!(checker.check(&Document::new(name, new, format)).is_empty());
        }
    }
}
