//! One document's section: its heading and counts, what `--fix` changes in
//! it (the diff, folded), and its text with the findings marked, beside its
//! source when it has one.

use super::body::Body;
use super::escape::esc;
use super::summary::{FileRow, counts};
use super::{HtmlFile, HtmlOptions, l10n, markdown, plain};
use crate::diagnostic::Diagnostic;
use crate::input::{Document, Format};
use crate::report::plural;

/// A diff longer than this is not embedded: `salin check --diff` prints it.
const MAX_DIFF: usize = 64 * 1024;

/// The text is laid out in chunks of about this much HTML, which the
/// browser lays out and paints only near the screen (`content-visibility`):
/// a 1 MB article opens in a third of the time. Whole chunks rather than
/// every paragraph, because thousands of such elements cost more on every
/// frame of scrolling than they save.
const CHUNK: usize = 12 * 1024;

pub fn section(
    out: &mut String,
    row: &FileRow,
    file: &HtmlFile<'_>,
    diff: &str,
    findings: &[&Diagnostic],
    first: usize,
    options: HtmlOptions,
) {
    let id = row.id;
    let doc = file.document;
    out.push_str(&format!(
        "<section class=\"file\" id=\"file-{id}\" data-file=\"{id}\" aria-labelledby=\"file-{id}-title\">\n\
         <h2 id=\"file-{id}-title\"><span class=\"path\">{}</span></h2>\n\
         <p class=\"file-meta\">{} · {}",
        esc(&doc.name),
        format_name(doc.format),
        counts(&row.summary),
    ));
    if let Some(source) = &doc.source {
        out.push_str(&format!(
            " · source <span class=\"path\">{}</span>",
            esc(&source.name)
        ));
    }
    out.push_str("</p>\n");
    fix_summary(out, row, diff, options);

    let mut body = Body::new(&doc.text, findings, first);
    let mut content = String::new();
    match doc.format {
        Format::Markdown | Format::Plain => {
            let blocks = blocks(&mut body, doc.format);
            layout(&mut content, &blocks, doc.source.as_deref());
        }
        _ => l10n::table(&mut content, &mut body, doc),
    }
    body.finish(&mut content);
    if findings.is_empty() {
        out.push_str("<details class=\"clean\"><summary>Show the text</summary>\n");
        out.push_str(&content);
        out.push_str("</details>\n");
    } else {
        out.push_str(&content);
    }
    out.push_str("</section>\n");
}

fn blocks(body: &mut Body<'_>, format: Format) -> Vec<String> {
    if format == Format::Markdown {
        markdown::blocks(body)
    } else {
        plain::blocks(body)
    }
}

/// The translation's blocks alone, or beside the source's: block by block
/// when both have as many, else as two whole columns.
fn layout(out: &mut String, blocks: &[String], source: Option<&Document>) {
    let Some(source) = source else {
        out.push_str("<div class=\"doc\" lang=\"fil\">\n");
        chunks(out, blocks.iter().map(String::as_str));
        out.push_str("</div>\n");
        return;
    };
    let mut source_body = Body::new(&source.text, &[], 0);
    let source_blocks = self::blocks(&mut source_body, source.format);
    out.push_str(
        "<div class=\"pairs\">\n<div class=\"pair pair-head\"><p class=\"src\">Source</p>\
         <p class=\"tgt\">Translation</p></div>\n",
    );
    if source_blocks.len() == blocks.len() {
        let rows: Vec<String> = source_blocks
            .iter()
            .zip(blocks)
            .map(|(s, t)| {
                format!(
                    "<div class=\"pair\"><div class=\"src\" lang=\"en\">\n{s}</div>\
                     <div class=\"tgt\" lang=\"fil\">\n{t}</div></div>\n"
                )
            })
            .collect();
        chunks(out, rows.iter().map(String::as_str));
    } else {
        out.push_str(&format!(
            "<div class=\"pair\"><div class=\"src\" lang=\"en\">\n{}</div>\
             <div class=\"tgt\" lang=\"fil\">\n{}</div></div>\n",
            source_blocks.concat(),
            blocks.concat()
        ));
    }
    out.push_str("</div>\n");
}

/// `blocks` grouped in `div.chunk`s of about [`CHUNK`] bytes.
fn chunks<'b>(out: &mut String, blocks: impl Iterator<Item = &'b str>) {
    let mut size = 0;
    out.push_str("<div class=\"chunk\">\n");
    for block in blocks {
        if size >= CHUNK {
            out.push_str("</div>\n<div class=\"chunk\">\n");
            size = 0;
        }
        out.push_str(block);
        size += block.len();
    }
    out.push_str("</div>\n");
}

/// What `--fix` changes (or changed) in the file, with the diff folded.
fn fix_summary(out: &mut String, row: &FileRow, diff: &str, options: HtmlOptions) {
    if diff.is_empty() {
        return;
    }
    let lines = row.changed_lines;
    let what = plural(lines, "line");
    let flags = fix_flags(options);
    out.push_str("<details class=\"diff\"><summary>");
    if options.fixes_applied {
        out.push_str(&format!(
            "<code>{flags}</code> fixed {} and changed {lines} {what}",
            plural_count(row.applied, "problem")
        ));
    } else {
        out.push_str(&format!("<code>{flags}</code> would change {lines} {what}"));
    }
    out.push_str(" (diff)</summary>\n");
    if diff.len() > MAX_DIFF {
        out.push_str(&format!(
            "<p>The diff is too long to show here: <code>salin check --diff {}</code> prints it.</p>\n",
            esc(&row.name)
        ));
    } else {
        out.push_str("<pre class=\"diff\">");
        for line in diff.lines() {
            let class = if line.starts_with("+++") || line.starts_with("---") {
                "file"
            } else if line.starts_with('+') {
                "add"
            } else if line.starts_with('-') {
                "del"
            } else if line.starts_with("@@") {
                "hunk"
            } else {
                "same"
            };
            out.push_str(&format!("<span class=\"{class}\">{}</span>\n", esc(line)));
        }
        out.push_str("</pre>\n");
    }
    out.push_str("</details>\n");
}

/// The flags that make the fixes shown.
pub fn fix_flags(options: HtmlOptions) -> &'static str {
    if options.unsafe_fixes {
        "--fix --unsafe-fixes"
    } else {
        "--fix"
    }
}

pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::Plain => "plain text",
        Format::Markdown => "Markdown",
        Format::Yaml => "YAML",
        Format::Json => "JSON",
        Format::Po => "gettext PO",
        Format::Xliff => "XLIFF",
    }
}

pub fn plural_count(n: usize, word: &str) -> String {
    format!("{n} {}", plural(n, word))
}
