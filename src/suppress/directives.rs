//! Reading suppression comments: the [`Directive`]s of a document, for
//! [`super::apply`] (the checker) and nothing else.

use std::ops::Range;

use pulldown_cmark::{Event, Parser};

use crate::input::{Document, Format, markdown};

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

fn markdown_directives(text: &str) -> Vec<Directive> {
    let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[body_start..];
    // Runs of raw HTML: comments live only there.
    let mut html: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(body, markdown::OPTIONS).into_offset_iter() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Document {
        Document::new("a.md", text, Format::Markdown)
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
}
