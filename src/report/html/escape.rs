//! Escaping for everything the page embeds. Every byte of a document, a
//! message or a file name goes through one of these functions; nothing from
//! the input is ever written raw, so a document containing `<script>`,
//! `</textarea>` or `"onload=` stays text.

/// `s` escaped (for `format!` arguments).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push(&mut out, s);
    out
}

/// Appends `s` escaped. One escape serves text and double- or single-quoted
/// attribute values: `&`, `<`, `>`, `"` and `'` become entities. NUL and the
/// other control characters that HTML forbids (except tab, line feed and
/// carriage return) become U+FFFD, as a browser would show them anyway.
pub fn push(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            0..=8 | 11 | 12 | 14..=31 | 127 => "\u{fffd}",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_become_entities() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"</textarea>\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;&lt;/textarea&gt;&quot;"
        );
    }

    #[test]
    fn control_characters_are_replaced_and_text_kept() {
        assert_eq!(esc("a\0b\tc\nd\u{7f}é"), "a\u{fffd}b\tc\nd\u{fffd}é");
    }
}
