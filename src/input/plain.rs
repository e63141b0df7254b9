//! Plain text: each paragraph (lines up to a blank line) is one block.

use super::{Segment, SegmentKind};

pub(super) fn segments(text: &str, body_start: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut block = 0;
    let mut para: Option<(usize, usize)> = None;
    let mut pos = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some((s, e)) = para.take() {
                out.push(seg(s, e, block));
                block += 1;
            }
        } else {
            let end = pos + content.len();
            para = Some(match para {
                Some((s, _)) => (s, end),
                None => (pos, end),
            });
        }
        pos += line.len();
    }
    if let Some((s, e)) = para {
        out.push(seg(s, e, block));
    }
    out
}

fn seg(start: usize, end: usize, block: u32) -> Segment {
    Segment {
        range: start..end,
        kind: SegmentKind::Prose,
        block,
    }
}

#[cfg(test)]
mod tests {
    use crate::input::Format;
    use crate::input::tests::prose;

    #[test]
    fn paragraphs_are_segments() {
        let text = "Una\r\nlinya dalawa\r\n\r\n  \nIkalawa\n";
        assert_eq!(
            prose(text, Format::Plain),
            ["Una\r\nlinya dalawa", "Ikalawa"]
        );
    }
}
