//! Plain text: one block per paragraph (lines up to a blank line), shown
//! with its line breaks. In a file written one paragraph per line (no blank
//! lines, long lines), each long line is a paragraph.

use super::body::Body;

/// The HTML of each paragraph of `body`, with the cards of its findings
/// after it.
pub fn blocks(body: &mut Body<'_>) -> Vec<String> {
    let text = body.text();
    let mut blocks = Vec::new();
    for range in paragraphs(text) {
        let mut out = String::from("<p class=\"plain\">");
        body.write(&mut out, range, true);
        out.push_str("</p>\n");
        body.cards(&mut out);
        blocks.push(out);
    }
    blocks
}

/// A line longer than this is a paragraph of its own: text wrapped by hand
/// has shorter lines.
const PARAGRAPH_LINE: usize = 100;

/// The byte ranges of the paragraphs of `text`: runs of lines that are not
/// blank, without their final line break (and without a byte-order mark);
/// a long line ends its paragraph.
fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut at = if text.starts_with('\u{feff}') { 3 } else { 0 };
    for line in text[at..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            start.get_or_insert(at);
            end = at + content.len();
            if content.len() > PARAGRAPH_LINE {
                out.push(start.take().unwrap_or(at)..end);
            }
        }
        at += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_end_at_blank_lines() {
        let long = "mahaba ".repeat(20);
        let text = format!("\u{feff}Una\nlinya\r\n\n  \nIkalawa\n{long}\n{long}\nHuli");
        let got: Vec<&str> = paragraphs(&text).into_iter().map(|r| &text[r]).collect();
        let first = format!("Ikalawa\n{long}");
        assert_eq!(got, ["Una\nlinya", &first, &long, "Huli"]);
    }
}
