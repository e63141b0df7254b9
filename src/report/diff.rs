//! The `diff` format: a unified diff of each file after fixing, with
//! `--- path` / `+++ path` headers for `patch -p0`.
//!
//! Lines end at `\n` only, as `patch` reads them: a file of lone-CR line
//! ends is one line, and a `\r` before a `\n` is part of its line. The diff
//! is of bytes, so a UTF-16 file is diffed in UTF-16, which `patch` applies
//! as it applies any other. A path with a blank, a quote, a backslash or a
//! control character is written quoted with C escapes (`"a b.txt"`), which
//! GNU patch reads.

use std::borrow::Cow;

use similar::{Algorithm, DiffTag, capture_diff_slices, group_diff_ops};

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// A unified diff from `old` to `new`, or an empty string when they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    String::from_utf8(unified_diff_bytes(path, old.as_bytes(), new.as_bytes()))
        .expect("UTF-8 lines and a UTF-8 path make a UTF-8 diff")
}

/// [`unified_diff`] of bytes (a UTF-16 file's, say).
pub fn unified_diff_bytes(path: &str, old: &[u8], new: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    if old == new {
        return out;
    }
    let old_lines = lines(old);
    let new_lines = lines(new);
    let ops = capture_diff_slices(Algorithm::Myers, &old_lines, &new_lines);
    let path = quoted(path);
    out.extend_from_slice(format!("--- {path}\n+++ {path}\n").as_bytes());
    for group in group_diff_ops(ops, CONTEXT) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let old_range = first.old_range().start..last.old_range().end;
        let new_range = first.new_range().start..last.new_range().end;
        out.extend_from_slice(
            format!(
                "@@ -{} +{} @@\n",
                hunk_range(&old_range),
                hunk_range(&new_range)
            )
            .as_bytes(),
        );
        for op in &group {
            let (tag, old_ops, new_ops) = op.as_tag_tuple();
            let old_part = &old_lines[old_ops];
            let new_part = &new_lines[new_ops];
            match tag {
                DiffTag::Equal => write_lines(&mut out, b' ', old_part),
                DiffTag::Delete => write_lines(&mut out, b'-', old_part),
                DiffTag::Insert => write_lines(&mut out, b'+', new_part),
                DiffTag::Replace => {
                    write_lines(&mut out, b'-', old_part);
                    write_lines(&mut out, b'+', new_part);
                }
            }
        }
    }
    out
}

/// The lines of `text`, each with its `\n` (the last may have none).
fn lines(text: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text) {
        out.push(&text[start..=end]);
        start = end + 1;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn write_lines(out: &mut Vec<u8>, sign: u8, lines: &[&[u8]]) {
    for line in lines {
        out.push(sign);
        out.extend_from_slice(line);
        if !line.ends_with(b"\n") {
            out.extend_from_slice(b"\n\\ No newline at end of file\n");
        }
    }
}

/// `start,count` of a hunk, 1-based, as diff writes it: `,1` left out, and
/// an empty range numbered by the line before it.
fn hunk_range(range: &std::ops::Range<usize>) -> String {
    match range.len() {
        0 => format!("{},0", range.start),
        1 => format!("{}", range.start + 1),
        n => format!("{},{n}", range.start + 1),
    }
}

/// `path` as a diff header names it: as it is, or in double quotes with C
/// escapes when a blank or special character would cut it short.
fn quoted(path: &str) -> Cow<'_, str> {
    let special = |c: char| c.is_whitespace() || c.is_control() || c == '"' || c == '\\';
    if !path.contains(special) {
        return Cow::Borrowed(path);
    }
    let mut out = String::from("\"");
    for c in path.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_ascii_control() => out.push_str(&format!("\\{:03o}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_has_headers_and_hunks() {
        let got = unified_diff(
            "a.txt",
            "isa\npag -unlad\ntatlo\n",
            "isa\npag-unlad\ntatlo\n",
        );
        assert_eq!(
            got,
            "--- a.txt\n+++ a.txt\n@@ -1,3 +1,3 @@\n isa\n-pag -unlad\n+pag-unlad\n tatlo\n"
        );
        assert_eq!(unified_diff("a", "x", "x"), "");
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let got = unified_diff("a.txt", "pag -unlad", "pag-unlad");
        assert_eq!(
            got,
            "--- a.txt\n+++ a.txt\n@@ -1 +1 @@\n-pag -unlad\n\\ No newline at end of file\n+pag-unlad\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn lone_carriage_returns_do_not_end_lines() {
        let got = unified_diff("cr.txt", "pag -unlad\risa\r", "pag-unlad\risa\r");
        assert_eq!(
            got,
            "--- cr.txt\n+++ cr.txt\n@@ -1 +1 @@\n-pag -unlad\risa\r\n\\ No newline at end of file\n+pag-unlad\risa\r\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn far_apart_changes_make_two_hunks_and_an_empty_side_is_numbered_before() {
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new: String = (1..=20)
            .filter(|&i| i != 19)
            .map(|i| match i {
                2 => "dalawa\n".to_string(),
                i => format!("{i}\n"),
            })
            .collect();
        assert_eq!(
            unified_diff("n.txt", &old, &new),
            "--- n.txt\n+++ n.txt\n@@ -1,5 +1,5 @@\n 1\n-2\n+dalawa\n 3\n 4\n 5\n\
             @@ -16,5 +16,4 @@\n 16\n 17\n 18\n-19\n 20\n"
        );
        assert_eq!(
            unified_diff("e.txt", "", "isa\n"),
            "--- e.txt\n+++ e.txt\n@@ -0,0 +1 @@\n+isa\n"
        );
    }

    #[test]
    fn special_paths_are_quoted() {
        assert_eq!(quoted("docs/a.txt"), "docs/a.txt");
        assert_eq!(quoted("ñ/ulat.md"), "ñ/ulat.md");
        assert_eq!(quoted("a b.txt"), "\"a b.txt\"");
        assert_eq!(quoted("a\tb\n\"c\\.txt"), "\"a\\tb\\n\\\"c\\\\.txt\"");
        assert_eq!(quoted("x\u{1}"), "\"x\\001\"");
    }
}
