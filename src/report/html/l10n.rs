//! Localisation files (YAML, JSON, PO, XLIFF) as a table: one row per
//! value with its key, its source text when known, and the translation with
//! its findings marked and their cards below it; a row for each key of the
//! paired source that the file lacks.

use super::body::Body;
use super::escape::{esc, push};
use crate::input::{Document, Unit};

/// One row, placed by its byte in the file.
struct Row {
    at: usize,
    html: String,
}

/// Appends the table of `doc`, whose text is `body`'s.
pub fn table(out: &mut String, body: &mut Body<'_>, doc: &Document) {
    let has_source = doc.units.iter().any(|u| u.source.is_some()) || !doc.missing.is_empty();
    let mut rows = Vec::new();
    // Missing keys first: a key is missing right where the value before it
    // ends, and a finding at that point is about the missing key.
    for (key, at) in &doc.missing {
        let mut html = format!(
            "<tr class=\"missing\"><th scope=\"row\"><code>{}</code></th>",
            esc(key)
        );
        if has_source {
            html.push_str(&format!(
                "<td lang=\"en\">{}</td>",
                esc(&missing_source(doc, key).unwrap_or_default())
            ));
        }
        html.push_str("<td lang=\"fil\"><span class=\"absent\">(missing)</span> ");
        body.write(&mut html, *at..*at, true);
        body.cards(&mut html);
        html.push_str("</td></tr>\n");
        rows.push(Row { at: *at, html });
    }
    for unit in &doc.units {
        rows.push(Row {
            at: unit.range().start,
            html: unit_row(body, unit, has_source),
        });
    }
    rows.sort_by_key(|r| r.at);
    out.push_str(
        "<div class=\"table-wrap\"><table class=\"l10n\">\n<thead><tr><th scope=\"col\">Key</th>",
    );
    if has_source {
        out.push_str("<th scope=\"col\">Source</th>");
    }
    out.push_str("<th scope=\"col\">Translation</th></tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str(&row.html);
    }
    out.push_str("</tbody></table></div>\n");
}

fn unit_row(body: &mut Body<'_>, unit: &Unit, has_source: bool) -> String {
    let text = body.text();
    let class = if unit.fuzzy { " class=\"fuzzy\"" } else { "" };
    let mut html = format!("<tr{class}><th scope=\"row\"><code>");
    // The key as a path, with the part written in the file marked (a
    // finding about the key, such as `extra-key`, is there).
    let written = &text[unit.key_range.clone()];
    match unit.key.strip_suffix(written) {
        Some(path) if !written.is_empty() => {
            push(&mut html, path);
            body.write(&mut html, unit.key_range.clone(), false);
        }
        _ => push(&mut html, &unit.key),
    }
    html.push_str("</code>");
    if unit.fuzzy {
        html.push_str(" <span class=\"tag\">fuzzy</span>");
    }
    html.push_str("</th>");
    if has_source {
        html.push_str(&format!(
            "<td lang=\"en\">{}</td>",
            esc(unit.source.as_deref().unwrap_or(""))
        ));
    }
    html.push_str("<td lang=\"fil\">");
    let last = unit.pieces.len().saturating_sub(1);
    for (i, piece) in unit.pieces.iter().enumerate() {
        if i > 0 && !unit.joiner.is_empty() {
            html.push_str("<br>");
        }
        body.write(&mut html, piece.clone(), i == last);
    }
    body.cards(&mut html);
    html.push_str("</td></tr>\n");
    html
}

/// The source text of a key the file lacks: the paired source's value whose
/// key path ends with it (the source's locale root comes first).
fn missing_source(doc: &Document, key: &str) -> Option<String> {
    let source = doc.source.as_ref()?;
    let dotted = format!(".{key}");
    source
        .units
        .iter()
        .find(|u| u.key == key || u.key.ends_with(&dotted))
        .map(|u| u.text(&source.text))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::input::Format;

    #[test]
    fn rows_have_key_source_and_translation_and_missing_keys_their_own() {
        let en = Document::new("en.yml", "en:\n  a: Save\n  b: Skip\n", Format::Yaml);
        let tl = Document::new("tl.yml", "tl:\n  a: I -save\n  c: <b>\n", Format::Yaml)
            .with_source(Arc::new(en));
        let at = tl.text.find("I -save").unwrap();
        let hyphen = Diagnostic::new("hyphen-spacing", at..at + 7, "h");
        let end = tl.missing[0].1;
        let missing = Diagnostic::new("missing-key", end..end, "m");
        let findings = [&hyphen, &missing];
        let mut body = Body::new(&tl.text, &findings, 1);
        let mut out = String::new();
        table(&mut out, &mut body, &tl);
        let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("<tr")).collect();
        assert_eq!(rows.len(), 3, "{out}");
        assert!(rows[0].starts_with("<tr><th scope=\"row\"><code>a</code></th><td lang=\"en\">Save</td><td lang=\"fil\"><mark class=\"f h sev-warning\" id=\"f1\""), "{}", rows[0]);
        assert!(rows[1].starts_with("<tr class=\"missing\"><th scope=\"row\"><code>b</code></th><td lang=\"en\">Skip</td><td lang=\"fil\"><span class=\"absent\">(missing)</span> <mark class=\"f h pt sev-warning\" id=\"f2\""), "{}", rows[1]);
        assert!(
            rows[2].contains("<td lang=\"fil\">&lt;b&gt;</td>"),
            "{}",
            rows[2]
        );
    }
}
