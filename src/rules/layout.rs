//! The layout of an article's lines compared with its source's: blanks at
//! the ends of lines, a space added before every line, the nesting of list
//! items. Pure text work for `whitespace-mismatch`.

use std::ops::Range;

/// One line of a text: where it is, without its line ending.
#[derive(Clone, Debug)]
struct Line {
    start: usize,
    text: String,
}

fn lines(text: &str) -> Vec<Line> {
    let body = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut out = Vec::new();
    let mut start = body;
    for piece in text[body..].split_inclusive('\n') {
        let content = piece.trim_end_matches(['\n', '\r']);
        out.push(Line {
            start,
            text: content.to_string(),
        });
        start += piece.len();
    }
    out
}

/// The blanks (spaces, tabs) at the end of `line`.
fn trailing(line: &str) -> usize {
    line.len() - line.trim_end_matches([' ', '\t']).len()
}

/// The blanks at the ends of the target's lines that the source does not
/// have: line by line when both have as many lines (a translation that kept
/// the source's lines), else every one when the source's lines have none.
/// Lines of blanks only are left alone.
pub fn trailing_blanks(target: &str, source: &str) -> Vec<Range<usize>> {
    let (t, s) = (lines(target), lines(source));
    let has = |l: &Line| trailing(&l.text) > 0 && !l.text.trim().is_empty();
    let blanks = |l: &Line| l.start + l.text.len() - trailing(&l.text)..l.start + l.text.len();
    if t.len() == s.len() {
        t.iter()
            .zip(&s)
            .filter(|(tl, sl)| has(tl) && trailing(&sl.text) != trailing(&tl.text))
            .filter(|(_, sl)| trailing(&sl.text) == 0)
            .map(|(tl, _)| blanks(tl))
            .collect()
    } else if !s.iter().any(has) {
        t.iter().filter(|l| has(l)).map(blanks).collect()
    } else {
        Vec::new()
    }
}

/// The first space of every non-blank line of the target, when each one
/// starts with a space and not every non-blank line of the source does:
/// the translation shifted the whole text by a space.
pub fn leading_space_on_every_line(target: &str, source: &str) -> Option<Vec<Range<usize>>> {
    let filled = |text: &str| -> Vec<Line> {
        lines(text)
            .into_iter()
            .filter(|l| !l.text.trim().is_empty())
            .collect()
    };
    let (t, s) = (filled(target), filled(source));
    let shifted = |ls: &[Line]| !ls.is_empty() && ls.iter().all(|l| l.text.starts_with(' '));
    if t.len() < 2 || !shifted(&t) || shifted(&s) {
        return None;
    }
    Some(t.iter().map(|l| l.start..l.start + 1).collect())
}

/// A list item: where its indentation is, what it is, and how deep it
/// nests.
#[derive(Clone, Debug)]
pub struct Item {
    pub indent: Range<usize>,
    pub indent_text: String,
    pub depth: usize,
}

/// The list items of a Markdown text (`-`, `*`, `+`, `1.`, `1)` after up to
/// any indentation, outside fenced code), each with its nesting depth: an
/// item indented more than the item before it nests one deeper; one
/// indented as an earlier item is at that item's depth.
pub fn list_items(text: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = Vec::new(); // indentations of open levels
    let mut fence: Option<&str> = None;
    for line in lines(text) {
        let trimmed = line.text.trim_start();
        for marker in ["```", "~~~"] {
            if trimmed.starts_with(marker) {
                fence = match fence {
                    Some(open) if open == marker => None,
                    None => Some(marker),
                    other => other,
                };
            }
        }
        if fence.is_some() || trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            continue;
        }
        if trimmed.trim().is_empty() {
            continue;
        }
        let indent = line.text.len() - trimmed.len();
        if !is_item(trimmed) {
            // A line that starts at the margin ends the lists.
            if indent == 0 {
                stack.clear();
            }
            continue;
        }
        while stack.last().is_some_and(|&top| top > indent) {
            stack.pop();
        }
        if stack.last() != Some(&indent) {
            stack.push(indent);
        }
        out.push(Item {
            indent: line.start..line.start + indent,
            indent_text: line.text[..indent].to_string(),
            depth: stack.len() - 1,
        });
    }
    out
}

/// `- x`, `* x`, `+ x`, `1. x`, `1) x`.
fn is_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    let marker = if digits > 0 && digits <= 9 {
        rest.strip_prefix(['.', ')'])
    } else {
        line.strip_prefix(['-', '*', '+'])
    };
    marker.is_some_and(|r| r.starts_with([' ', '\t']))
}

/// The target's list items whose nesting differs from the source's item at
/// the same place, when both have as many items: each with the source's
/// indentation.
pub fn nesting_changes(target: &str, source: &str) -> Vec<(Item, String)> {
    let (t, s) = (list_items(target), list_items(source));
    if t.len() != s.len() {
        return Vec::new();
    }
    t.into_iter()
        .zip(s)
        .filter(|(ti, si)| ti.depth != si.depth)
        .map(|(ti, si)| (ti, si.indent_text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn trailing_blanks_the_source_lacks() {
        let source = "One line.\nTwo  \nthree\n";
        let target = "Isang linya. \nDalawa  \ntatlo\t\n";
        assert_eq!(texts(target, &trailing_blanks(target, source)), [" ", "\t"]);
        // Different line counts: only when the source has none at all.
        let target = "Isa. \nDalawa.\nTatlo. \n\n";
        assert_eq!(trailing_blanks(target, "One.\nTwo.\n").len(), 2);
        assert!(trailing_blanks(target, "One. \nTwo.\n").is_empty());
    }

    #[test]
    fn a_space_before_every_line() {
        let target = " # Pamagat\n\n Isang talata\n na mahaba.\n";
        let found =
            leading_space_on_every_line(target, "# Title\n\nA paragraph\nthat is long.\n").unwrap();
        assert_eq!(found.len(), 3);
        assert!(leading_space_on_every_line(" Isa\nDalawa\n", "One\nTwo\n").is_none());
        assert!(leading_space_on_every_line(" Isa\n Dalawa\n", " One\n Two\n").is_none());
    }

    #[test]
    fn list_nesting() {
        let source = "- one\n  - one.one\n- two\n\n1. first\n2. second\n";
        let depths: Vec<usize> = list_items(source).iter().map(|i| i.depth).collect();
        assert_eq!(depths, [0, 1, 0, 0, 0]);
        let target = "- isa\n- isa.isa\n- dalawa\n\n1. una\n   2. ikalawa\n";
        let changes = nesting_changes(target, source);
        let lines: Vec<(usize, &str)> = changes
            .iter()
            .map(|(item, want)| (item.depth, want.as_str()))
            .collect();
        assert_eq!(lines, [(0, "  "), (1, "")]);
        // The same nesting with other indentation is no change.
        assert!(
            nesting_changes(
                " - isa\n    - isa.isa\n - dalawa\n\n1. una\n2. ikalawa\n",
                source
            )
            .is_empty()
        );
        assert!(list_items("```\n- not a list\n```\n").is_empty());
    }
}
