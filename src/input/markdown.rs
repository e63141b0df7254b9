//! Markdown: only prose is checked.
//!
//! Code blocks, inline code, raw HTML, autolinks, link destinations and YAML
//! (`---`) or TOML (`+++`) front matter are skipped. Text whose source bytes
//! differ from its rendered form (entities, backslash escapes) is skipped too,
//! because a fix computed on the rendered form could not be mapped back.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use std::ops::Range;

use super::codec::{Quoting, Region};
use super::{Segment, SegmentKind};

/// What the Markdown parser found: prose segments, the top-level blocks
/// (regions whose structure fixes must keep) and the text that must not be
/// edited (reference-link labels: `[Co, Ltd]` is both the link text and the
/// label its definition `[Co, Ltd]: https://...` is found by).
pub(super) struct Parsed {
    pub segments: Vec<Segment>,
    pub regions: Vec<Region>,
    pub frozen: Vec<Range<usize>>,
}

/// The Markdown salin reads: CommonMark with GFM tables, footnotes,
/// strikethrough and task lists, and YAML or TOML front matter. Every parse
/// of a document (its prose here, its suppression comments in
/// `crate::suppress`, the fix encoder's structure check, the HTML report)
/// uses these, so all see the same blocks.
pub(crate) const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
    .union(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);

pub(super) fn parse(text: &str, body_start: usize) -> Parsed {
    let body = &text[body_start..];

    let mut out: Vec<Segment> = Vec::new();
    let mut skip_depth = 0u32; // inside code blocks, HTML blocks, front matter, autolinks
    let mut heading_depth = 0u32;
    let mut block = 0u32;
    let mut depth = 0usize;
    let mut regions = Vec::new();
    let mut frozen = Vec::new();
    let shift = |r: Range<usize>| r.start + body_start..r.end + body_start;
    // A top-level block's region takes in the blanks that indent its first
    // line, so that a fix may change them (a translation that indented
    // every line by a space).
    let with_indent = |r: Range<usize>| {
        let indent = body[..r.start]
            .bytes()
            .rev()
            .take_while(|&b| b == b' ' || b == b'\t')
            .count();
        let at_line_start = r.start == indent || body.as_bytes()[r.start - indent - 1] == b'\n';
        let start = if at_line_start {
            r.start - indent
        } else {
            r.start
        };
        shift(start..r.end)
    };

    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    regions.push(Region {
                        range: with_indent(range.clone()),
                        quoting: Quoting::Markdown,
                    });
                }
                depth += 1;
                if starts_block(&tag) {
                    block += 1;
                }
                match tag {
                    Tag::Link {
                        link_type: LinkType::Shortcut | LinkType::Collapsed,
                        ..
                    }
                    | Tag::Image {
                        link_type: LinkType::Shortcut | LinkType::Collapsed,
                        ..
                    } => {
                        // Kept sorted and disjoint: a label inside a label
                        // is frozen with it.
                        let r = shift(range.clone());
                        if frozen
                            .last()
                            .is_none_or(|l: &Range<usize>| l.end <= r.start)
                        {
                            frozen.push(r);
                        }
                    }
                    _ => {}
                }
                match tag {
                    Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => skip_depth += 1,
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    } => skip_depth += 1,
                    Tag::Heading { .. } => heading_depth += 1,
                    _ => {}
                }
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                match tag {
                    TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                        skip_depth -= 1
                    }
                    TagEnd::Link if skip_depth > 0 && is_autolink(&body[range.clone()]) => {
                        skip_depth -= 1
                    }
                    TagEnd::Heading(_) => heading_depth -= 1,
                    _ => {}
                }
                if ends_block(&tag) {
                    block += 1;
                }
            }
            Event::Text(ref t) if skip_depth == 0 => {
                if &body[range.clone()] == t.as_ref() {
                    let kind = if heading_depth > 0 {
                        SegmentKind::Heading
                    } else {
                        SegmentKind::Prose
                    };
                    push_piece(&mut out, body, body_start, range, kind, block);
                } else {
                    // An escape or entity: the rendered text is not the source.
                    block += 1;
                }
            }
            Event::SoftBreak if skip_depth == 0 => {
                let kind = out.last().map_or(SegmentKind::Prose, |s| s.kind);
                push_piece(&mut out, body, body_start, range, kind, block);
            }
            // Inline code, HTML, hard breaks, footnote references and task
            // markers end a run of prose.
            _ => {
                if depth == 0 {
                    regions.push(Region {
                        range: shift(range.clone()),
                        quoting: Quoting::Markdown,
                    });
                }
                block += u32::from(skip_depth == 0)
            }
        }
    }
    Parsed {
        segments: out,
        regions,
        frozen,
    }
}

fn is_autolink(source: &str) -> bool {
    source.starts_with('<')
}

fn starts_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
    )
}

fn ends_block(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

/// Adds a prose piece, joining it to the previous one when only white space
/// separates them inside the same block.
fn push_piece(
    out: &mut Vec<Segment>,
    body: &str,
    offset: usize,
    range: std::ops::Range<usize>,
    kind: SegmentKind,
    block: u32,
) {
    if let Some(last) = out.last_mut() {
        let last_end = last.range.end - offset;
        if last.block == block
            && last_end <= range.start
            && body[last_end..range.start].chars().all(char::is_whitespace)
        {
            last.range.end = range.end + offset;
            return;
        }
    }
    out.push(Segment {
        range: range.start + offset..range.end + offset,
        kind,
        block,
    });
}

#[cfg(test)]
mod tests {
    use crate::input::tests::prose;
    use crate::input::{Format, SegmentKind, segments};

    #[test]
    fn code_html_front_matter_and_autolinks_are_skipped() {
        let text = "---\ntitle: pag -unlad\n---\n\n# Ang Pag-unlad\n\nIsang `pag -unlad` at <b>pag -agaw</b> sa <https://x.ph/a-b>.\n\n```\npag -unlad\n```\n\n    indented -code\n\n<div>\npag -unlad\n</div>\n";
        assert_eq!(
            prose(text, Format::Markdown),
            ["Ang Pag-unlad", "Isang ", " at ", "pag -agaw", " sa ", "."]
        );
    }

    #[test]
    fn soft_breaks_and_emphasis_keep_positions() {
        let text = "Unang linya\nikalawang **linya** na [Innovent](https://innovent.cn) ito.\n";
        let segs = segments(text, Format::Markdown);
        let got: Vec<_> = segs.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(
            got,
            [
                "Unang linya\nikalawang ",
                "linya",
                " na ",
                "Innovent",
                " ito."
            ]
        );
        // Emphasis and link text stay in the paragraph's block.
        assert!(segs.iter().all(|s| s.block == segs[0].block));
    }

    #[test]
    fn headings_are_marked_and_escapes_skipped() {
        let text = "## Mga Balita\n\nIsa \\* dalawa &amp; tatlo\n";
        let segs = segments(text, Format::Markdown);
        assert_eq!(segs[0].kind, SegmentKind::Heading);
        assert_eq!(&text[segs[0].range.clone()], "Mga Balita");
        let rest: Vec<_> = segs[1..].iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(rest, ["Isa ", "* dalawa ", " tatlo"]);
    }

    #[test]
    fn toml_front_matter_and_tables() {
        let text = "+++\ntitle = \"x -y\"\n+++\n\n| Ulo | Iba |\n|---|---|\n| pag -unlad | isa |\n";
        assert_eq!(
            prose(text, Format::Markdown),
            ["Ulo", "Iba", "pag -unlad", "isa"]
        );
    }
}
