//! Cuts URLs and e-mail addresses out of prose segments: `www.ka-bayan.ph`
//! must never meet the hyphen or punctuation rules.

use super::Segment;

/// Pushes the parts of `seg` that are not links onto `out`.
///
/// A link chunk holds a `.`, `:` or `@`, so only the white-space-delimited
/// chunks around those bytes are looked at: most prose has a few, at the
/// ends of sentences.
pub(super) fn split_out_links(text: &str, seg: Segment, out: &mut Vec<Segment>) {
    let slice = &text[seg.range.clone()];
    let mut start = 0; // first byte of `slice` not yet pushed
    let mut from = 0; // where the search for the next mark resumes
    while let Some(found) = memchr::memchr3(b'.', b':', b'@', &slice.as_bytes()[from..]) {
        let mark = from + found;
        let chunk_start = slice[..mark]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let chunk_end = slice[mark..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(slice.len(), |(i, _)| mark + i);
        // A link in an HTML attribute ends with its tag: the text after
        // the `>` (`href="https://x.ph">Gabay</a>`) is prose.
        let chunk_end = slice[mark..chunk_end]
            .find('>')
            .map_or(chunk_end, |i| mark + i + 1);
        if is_link(&slice[chunk_start..chunk_end]) {
            if chunk_start > start {
                out.push(Segment {
                    range: seg.range.start + start..seg.range.start + chunk_start,
                    ..seg.clone()
                });
            }
            start = chunk_end;
        }
        from = chunk_end;
    }
    if start < slice.len() {
        out.push(Segment {
            range: seg.range.start + start..seg.range.end,
            ..seg
        });
    }
}

/// A whitespace-delimited chunk that is a URL, a bare `www.` address or an
/// e-mail address.
fn is_link(chunk: &str) -> bool {
    let chunk = chunk.trim_start_matches(['(', '<', '[', '"', '\'', '\u{201c}']);
    if chunk.contains("://") || chunk.starts_with("www.") || chunk.starts_with("mailto:") {
        return true;
    }
    if is_domain(chunk) {
        return true;
    }
    match chunk.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty() && domain.contains('.') && !domain.starts_with('.')
        }
        None => false,
    }
}

/// Top-level domains common in Filipino text; `Node.js` is not a domain.
const TLDS: &[&str] = &[
    "asia", "biz", "cn", "co", "com", "edu", "gov", "info", "io", "jp", "mil", "net", "org", "ph",
    "uk", "us",
];

/// `pagasa.dost.gov.ph`, `gov.ph/Balita`, `example.com`.
fn is_domain(chunk: &str) -> bool {
    let chunk = chunk.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'', '\u{201d}']);
    let host = chunk.split('/').next().unwrap_or(chunk);
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        && TLDS.contains(&tld.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use crate::input::Format;
    use crate::input::tests::prose;

    #[test]
    fn links_are_cut_out() {
        let text = "Tingnan ang https://ka-bayan.ph/pag-unlad at www.x.ph o sumulat sa info@ka-bayan.ph ngayon.";
        assert_eq!(
            prose(text, Format::Plain),
            ["Tingnan ang ", " at ", " o sumulat sa ", " ngayon."]
        );
    }

    #[test]
    fn bare_domains_are_cut_out_but_not_dotted_names() {
        assert_eq!(
            prose(
                "Sa pagasa.dost.gov.ph, gov.ph/Balita at Node.js",
                Format::Plain
            ),
            ["Sa ", " ", " at Node.js"]
        );
    }

    #[test]
    fn the_text_of_an_html_link_stays() {
        assert_eq!(
            prose(
                "Basahin ang <a href=\"https://x.ph/gabay\">Gabay</a> ngayon.",
                Format::Plain
            ),
            ["Basahin ang <a ", "Gabay</a> ngayon."]
        );
    }

    #[test]
    fn at_signs_that_are_not_addresses_stay() {
        assert_eq!(
            prose("Kita @ 5 n.h. kay @juan", Format::Plain),
            ["Kita @ 5 n.h. kay @juan"]
        );
    }
}
