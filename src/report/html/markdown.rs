//! Markdown as rendered prose, with the findings marked in place.
//!
//! salin's own writer over pulldown-cmark's events rather than its HTML
//! renderer: every piece of text goes through the [`Body`] (escaped and
//! marked), the document's raw HTML is shown as code instead of being
//! passed through, links keep an `href` only for `http`, `https` and
//! `mailto`, images are not loaded (their alt text is shown), and ids and
//! classes written in the document are dropped.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::body::Body;
use super::escape::{esc, push};
use crate::input::markdown::OPTIONS;

/// Renders the Markdown of `body`, returning the HTML of each top-level
/// block (a paragraph, a heading, a list, a table...) with the cards of its
/// findings after it.
pub fn blocks(body: &mut Body<'_>) -> Vec<String> {
    let text = body.text();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut writer = Writer {
        body,
        text,
        out: String::new(),
        blocks: Vec::new(),
        closes: Vec::new(),
        depth: 0,
        table: None,
    };
    for (event, range) in Parser::new_ext(&text[start..], OPTIONS).into_offset_iter() {
        writer.event(event, range.start + start..range.end + start);
        if writer.depth == 0 && !writer.out.is_empty() {
            writer.body.cards(&mut writer.out);
            writer.blocks.push(std::mem::take(&mut writer.out));
        }
    }
    writer.blocks
}

struct Writer<'w, 'a> {
    body: &'w mut Body<'a>,
    text: &'a str,
    out: String,
    blocks: Vec<String>,
    /// What closes each open element, innermost last.
    closes: Vec<&'static str>,
    /// Open block-level elements.
    depth: usize,
    /// In a table: its columns' alignments, whether in the head, and the
    /// column of the current cell.
    table: Option<Table>,
}

struct Table {
    alignments: Vec<pulldown_cmark::Alignment>,
    head: bool,
    column: usize,
}

impl Writer<'_, '_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.verbatim(&t, range),
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.out.push_str("<code>");
                self.verbatim(&t, range);
                self.out.push_str("</code>");
            }
            // Raw HTML is shown, never interpreted.
            Event::Html(t) => self.verbatim(&t, range),
            Event::InlineHtml(t) => {
                self.out.push_str("<code class=\"raw-html\">");
                self.verbatim(&t, range);
                self.out.push_str("</code>");
            }
            Event::FootnoteReference(label) => {
                self.out
                    .push_str(&format!("<sup class=\"fnref\">[{}]</sup>", esc(&label)));
            }
            Event::SoftBreak => self.body.write(&mut self.out, range, true),
            Event::HardBreak => self.out.push_str("<br>\n"),
            Event::Rule => self.out.push_str("<hr>\n"),
            Event::TaskListMarker(done) => self.out.push_str(if done {
                "<span class=\"task\" aria-label=\"done\">☑</span> "
            } else {
                "<span class=\"task\" aria-label=\"to do\">☐</span> "
            }),
        }
    }

    /// Text that is the source's own bytes is written through the body
    /// (escaped, findings marked); text that differs from its source (an
    /// entity, an escape) is only escaped: no finding can be in it.
    fn verbatim(&mut self, rendered: &str, range: Range<usize>) {
        let source = &self.text[range.clone()];
        let at = if source == rendered {
            Some(0)
        } else if rendered.is_empty() {
            None
        } else {
            source.find(rendered)
        };
        match at {
            Some(at) => {
                let start = range.start + at;
                self.body
                    .write(&mut self.out, start..start + rendered.len(), true);
            }
            None => push(&mut self.out, rendered),
        }
    }

    fn cards(&mut self) {
        if self.table.is_none() {
            self.body.cards(&mut self.out);
        }
    }

    fn open_block(&mut self, open: &str, close: &'static str) {
        self.depth += 1;
        self.out.push_str(open);
        self.closes.push(close);
    }

    fn open_inline(&mut self, open: &str, close: &'static str) {
        self.out.push_str(open);
        self.closes.push(close);
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.open_block("<p>", "</p>\n"),
            Tag::Heading { level, .. } => {
                // The page's own headings take levels 1 and 2.
                let (open, close) = match level as usize + 2 {
                    3 => ("<h3 class=\"md\">", "</h3>\n"),
                    4 => ("<h4 class=\"md\">", "</h4>\n"),
                    5 => ("<h5 class=\"md\">", "</h5>\n"),
                    _ => ("<h6 class=\"md\">", "</h6>\n"),
                };
                self.open_block(open, close);
            }
            Tag::BlockQuote(_) => self.open_block("<blockquote>\n", "</blockquote>\n"),
            Tag::CodeBlock(_) => self.open_block("<pre class=\"code\"><code>", "</code></pre>\n"),
            Tag::HtmlBlock => self.open_block("<pre class=\"raw-html\">", "</pre>\n"),
            Tag::MetadataBlock(_) => self.open_block(
                "<pre class=\"front-matter\" aria-label=\"front matter\">",
                "</pre>\n",
            ),
            Tag::List(first) => {
                // A nested list follows its item's text: that text's cards
                // come before it.
                self.cards();
                match first {
                    Some(n) => self.open_block(&format!("<ol start=\"{n}\">\n"), "</ol>\n"),
                    None => self.open_block("<ul>\n", "</ul>\n"),
                }
            }
            Tag::Item => self.open_block("<li>", "</li>\n"),
            Tag::FootnoteDefinition(label) => self.open_block(
                &format!(
                    "<div class=\"footnote\"><span class=\"fn-label\">[{}]</span> ",
                    esc(&label)
                ),
                "</div>\n",
            ),
            Tag::DefinitionList => self.open_block("<dl>\n", "</dl>\n"),
            Tag::DefinitionListTitle => self.open_block("<dt>", "</dt>\n"),
            Tag::DefinitionListDefinition => self.open_block("<dd>", "</dd>\n"),
            Tag::Table(alignments) => {
                self.table = Some(Table {
                    alignments,
                    head: false,
                    column: 0,
                });
                self.open_block(
                    "<div class=\"table-wrap\"><table>\n",
                    "</tbody></table></div>\n",
                );
            }
            Tag::TableHead => {
                self.set_row(true);
                self.open_block("<thead><tr>", "</tr></thead>\n<tbody>\n");
            }
            Tag::TableRow => {
                self.set_row(false);
                self.open_block("<tr>", "</tr>\n");
            }
            Tag::TableCell => {
                let (head, align) = match &mut self.table {
                    Some(t) => {
                        let align = t.alignments.get(t.column).copied();
                        t.column += 1;
                        (t.head, align)
                    }
                    None => (false, None),
                };
                let class = match align {
                    Some(pulldown_cmark::Alignment::Center) => " class=\"center\"",
                    Some(pulldown_cmark::Alignment::Right) => " class=\"right\"",
                    _ => "",
                };
                if head {
                    self.open_block(&format!("<th{class}>"), "</th>");
                } else {
                    self.open_block(&format!("<td{class}>"), "</td>");
                }
            }
            Tag::Emphasis => self.open_inline("<em>", "</em>"),
            Tag::Strong => self.open_inline("<strong>", "</strong>"),
            Tag::Strikethrough => self.open_inline("<s>", "</s>"),
            Tag::Superscript => self.open_inline("<sup>", "</sup>"),
            Tag::Subscript => self.open_inline("<sub>", "</sub>"),
            Tag::Link {
                dest_url, title, ..
            } => {
                let title = esc(if title.is_empty() { &dest_url } else { &title });
                if is_safe_link(&dest_url) {
                    self.open_inline(
                        &format!(
                            "<a href=\"{}\" title=\"{title}\" rel=\"noopener noreferrer\">",
                            esc(dest_url.trim())
                        ),
                        "</a>",
                    );
                } else {
                    self.open_inline(
                        &format!("<span class=\"link\" title=\"{title}\">"),
                        "</span>",
                    );
                }
            }
            // Images are never loaded: the page fetches nothing.
            Tag::Image { dest_url, .. } => self.open_inline(
                &format!("<span class=\"img\" title=\"{}\">[image: ", esc(&dest_url)),
                "]</span>",
            ),
        }
    }

    fn set_row(&mut self, head: bool) {
        if let Some(t) = &mut self.table {
            t.head = head;
            t.column = 0;
        }
    }

    fn end(&mut self, tag: TagEnd) {
        let close = self.closes.pop().unwrap_or("");
        let block = !matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        );
        // Cards of a list item or a footnote go inside it.
        let inside = matches!(
            tag,
            TagEnd::Item | TagEnd::FootnoteDefinition | TagEnd::DefinitionListDefinition
        );
        if inside {
            self.cards();
        }
        self.out.push_str(close);
        if tag == TagEnd::Table {
            self.table = None;
        }
        if block {
            self.depth -= 1;
            if !inside {
                self.cards();
            }
        }
    }
}

/// Links the page may follow: web and mail addresses. `javascript:`,
/// `data:` and relative links (which would not resolve from the report)
/// stay text.
fn is_safe_link(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| url.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn render(text: &str, findings: &[&Diagnostic]) -> String {
        let mut body = Body::new(text, findings, 1);
        let blocks = blocks(&mut body);
        let mut out = blocks.join("");
        body.finish(&mut out);
        out
    }

    #[test]
    fn prose_is_rendered_and_raw_html_shown_as_text() {
        let text = "# Ulat\n\nIsang *pag -unlad* at <b>x</b>.\n\n<script>alert(1)</script>\n";
        assert_eq!(
            render(text, &[]),
            "<h3 class=\"md\">Ulat</h3>\n<p>Isang <em>pag -unlad</em> at \
             <code class=\"raw-html\">&lt;b&gt;</code>x<code class=\"raw-html\">&lt;/b&gt;</code>.</p>\n\
             <pre class=\"raw-html\">&lt;script&gt;alert(1)&lt;/script&gt;\n</pre>\n"
        );
    }

    #[test]
    fn links_keep_only_web_and_mail_addresses_and_images_are_not_loaded() {
        let text = "[a](https://x.ph/\"q) [b](javascript:alert(1)) [c](other.md) ![d](https://x.ph/i.png)\n";
        assert_eq!(
            render(text, &[]),
            "<p><a href=\"https://x.ph/&quot;q\" title=\"https://x.ph/&quot;q\" rel=\"noopener noreferrer\">a</a> \
             <span class=\"link\" title=\"javascript:alert(1)\">b</span> \
             <span class=\"link\" title=\"other.md\">c</span> \
             <span class=\"img\" title=\"https://x.ph/i.png\">[image: d]</span></p>\n"
        );
    }

    #[test]
    fn cards_follow_their_block_and_a_list_item_keeps_its_own() {
        let text = "- pag -unlad\n  - ang ang\n\nIsa.\n";
        let a = Diagnostic::new("hyphen-spacing", 2..12, "a");
        let b = Diagnostic::new("repeated-word", 17..24, "b");
        let html = render(text, &[&a, &b]);
        let nested = html.match_indices("<ul>").nth(1).unwrap().0;
        let card_a = html.find("id=\"c1\"").unwrap();
        let card_b = html.find("id=\"c2\"").unwrap();
        assert!(html.find("id=\"f1\"").unwrap() < card_a && card_a < nested);
        assert!(nested < card_b && card_b < html.find("<p>Isa.</p>").unwrap());
    }

    #[test]
    fn a_finding_in_a_link_destination_is_listed_elsewhere() {
        let text = "Basahin ang [ulat](https://x.ph/a \"pag -unlad\").\n";
        let at = text.find("pag -unlad").unwrap();
        let a = Diagnostic::new("hyphen-spacing", at..at + 10, "a");
        let html = render(text, &[&a]);
        assert!(html.contains("<h4>Elsewhere in the file</h4>"), "{html}");
        assert_eq!(html.matches("class=\"f h ").count(), 1);
    }
}
