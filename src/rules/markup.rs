//! Markup compared as what it means, not as the bytes it is written in: an
//! HTML tag by its name and attributes (however the attributes are spaced or
//! ordered, translatable ones such as `alt` left out), a link by the file
//! it names (a relative path may gain `../` when the translation lives
//! elsewhere, and a language switcher names each language's file), an
//! entity by the character it stands for.

use std::collections::HashSet;

/// Attributes whose values are text for people, translated with the rest.
const TRANSLATABLE: &[&str] = &[
    "alt",
    "title",
    "aria-label",
    "aria-description",
    "placeholder",
    "label",
    "summary",
];

/// Attributes whose values are links.
const LINKS: &[&str] = &["href", "src", "srcset", "action", "poster", "cite", "data"];

/// A tag as it means: `<A  href='x'\n class="b">` and `<a class="b"
/// href="x">` are the same tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub closing: bool,
    /// Attributes other than the translatable ones, sorted by name, with
    /// values whose blanks are collapsed.
    pub attributes: Vec<(String, String)>,
}

/// Parses `<name attr="value" ...>`, `</name>`, `<name/>`.
pub fn parse_tag(text: &str) -> Option<Tag> {
    let inner = text.strip_prefix('<')?.strip_suffix('>')?;
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_end = inner
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    let mut attributes = Vec::new();
    let mut rest = inner[name_end..].trim_start_matches(|c: char| c.is_whitespace() || c == '/');
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let attr = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, left) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    (&body[..close], body.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..close], &after[close..])
                }
            };
            value = v.split_whitespace().collect::<Vec<_>>().join(" ");
            rest = left;
        }
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if !attr.is_empty() && !TRANSLATABLE.contains(&attr.as_str()) {
            attributes.push((attr, value));
        }
    }
    attributes.sort();
    Some(Tag {
        name,
        closing,
        attributes,
    })
}

/// Whether two tags are the same: name, kind and attributes, with links
/// compared by [`same_link`].
pub fn same_tag(source: &str, target: &str, anchors: &Anchors) -> bool {
    let (Some(s), Some(t)) = (parse_tag(source), parse_tag(target)) else {
        return source == target;
    };
    s.name == t.name
        && s.closing == t.closing
        && s.attributes.len() == t.attributes.len()
        && s.attributes.iter().zip(&t.attributes).all(|(a, b)| {
            a.0 == b.0
                && if LINKS.contains(&a.0.as_str()) {
                    same_link(&a.1, &b.1, anchors)
                } else {
                    a.1 == b.1
                }
        })
}

/// The anchors a document's links may point to: the slugs of its headings
/// (as GitHub makes them) and the `id`s and `name`s it declares.
#[derive(Debug, Default)]
pub struct Anchors(HashSet<String>);

impl Anchors {
    /// The anchors of `headings` (their text) and of the `id="..."` and
    /// `name="..."` attributes written in `text`.
    pub fn new<'a>(headings: impl IntoIterator<Item = &'a str>, text: &str) -> Self {
        let mut set: HashSet<String> = headings.into_iter().map(slug).collect();
        for attr in ["id=\"", "name=\""] {
            for (at, _) in text.match_indices(attr) {
                let rest = &text[at + attr.len()..];
                if let Some(end) = rest.find('"') {
                    set.insert(rest[..end].to_string());
                }
            }
        }
        Anchors(set)
    }

    pub fn contains(&self, anchor: &str) -> bool {
        self.0.contains(anchor)
    }
}

/// A heading's anchor as GitHub makes it: lower case, punctuation dropped,
/// blanks as `-`.
pub fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Whether the target's link names what the source's does: the same text;
/// or the same file by a relative path seen from another directory
/// (`docs/a.md` and `../../docs/a.md`, `./i18n/README.es.md` and
/// `./README.es.md`); or each language's version of one file
/// (`README.md`, `README.tl.md`); or an anchor of a heading that the
/// translation has (`#pag-install` for its heading `Pag-install`).
pub fn same_link(source: &str, target: &str, anchors: &Anchors) -> bool {
    if source == target {
        return true;
    }
    let (s_path, s_fragment) = split_fragment(source);
    let (t_path, t_fragment) = split_fragment(target);
    if t_path.is_empty() {
        // An anchor in the same document.
        return s_path.is_empty() && t_fragment.is_some_and(|f| anchors.contains(f));
    }
    if is_absolute(s_path) || is_absolute(t_path) {
        return false;
    }
    let (s_parts, t_parts) = (relative_parts(s_path), relative_parts(t_path));
    let (short, long) = if s_parts.len() <= t_parts.len() {
        (&s_parts, &t_parts)
    } else {
        (&t_parts, &s_parts)
    };
    // Another file's anchors are not known: its headings may be translated.
    let _ = (s_fragment, t_fragment);
    !short.is_empty() && long.ends_with(short)
}

/// `path#fragment` → (`path`, `fragment`).
fn split_fragment(link: &str) -> (&str, Option<&str>) {
    match link.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (link, None),
    }
}

/// A link with a scheme (`https:`, `mailto:`) or from the site's root.
fn is_absolute(path: &str) -> bool {
    path.starts_with('/')
        || path.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '+')
        })
}

/// The components of a relative path without its leading `./` and `../`,
/// the file name without its language tags (`README.es.md` →
/// `README.md`), the query left out.
fn relative_parts(path: &str) -> Vec<String> {
    let path = path.split('?').next().unwrap_or("");
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .skip_while(|p| *p == "..")
        .collect();
    let last = parts.len().saturating_sub(1);
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i == last {
                without_language_tags(p)
            } else {
                p.to_string()
            }
        })
        .collect()
}

/// A file name without the language tags among its dot-separated parts
/// (`README.zh-tw.md` → `README.md`; the first part and the extension
/// stay).
fn without_language_tags(name: &str) -> String {
    let parts: Vec<&str> = name.split('.').collect();
    if parts.len() < 3 {
        return name.to_string();
    }
    let last = parts.len() - 1;
    parts
        .iter()
        .enumerate()
        .filter(|&(i, p)| i == 0 || i == last || !is_language_tag(p))
        .map(|(_, p)| *p)
        .collect::<Vec<_>>()
        .join(".")
}

/// `tl`, `fil`, `pt-br`, `zh_TW`, `es-419`.
fn is_language_tag(s: &str) -> bool {
    let (lang, region) = match s.split_once(['-', '_']) {
        Some((l, r)) => (l, Some(r)),
        None => (s, None),
    };
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && region.is_none_or(|r| {
            (r.len() == 2 || r.len() == 4) && r.chars().all(|c| c.is_ascii_alphabetic())
                || r.len() == 3 && r.chars().all(|c| c.is_ascii_digit())
        })
}

/// The character an HTML entity stands for (`&amp;`, `&#33;`, `&#x21;`),
/// for the common named ones and every numeric one.
pub fn decode_entity(entity: &str) -> Option<char> {
    let name = entity.strip_prefix('&')?.strip_suffix(';')?;
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// Named entities that text written by people or machine translation uses.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("excl", '!'),
    ("num", '#'),
    ("percnt", '%'),
    ("lpar", '('),
    ("rpar", ')'),
    ("comma", ','),
    ("period", '.'),
    ("colon", ':'),
    ("semi", ';'),
    ("quest", '?'),
    ("commat", '@'),
    ("lsqb", '['),
    ("rsqb", ']'),
    ("lcub", '{'),
    ("rcub", '}'),
    ("verbar", '|'),
    ("ast", '*'),
    ("plus", '+'),
    ("equals", '='),
    ("dollar", '$'),
    ("lowbar", '_'),
    ("grave", '`'),
    ("hellip", '…'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("middot", '·'),
    ("bull", '•'),
    ("deg", '°'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("times", '×'),
    ("divide", '÷'),
    ("sect", '§'),
    ("para", '¶'),
    ("shy", '\u{ad}'),
    ("ntilde", 'ñ'),
    ("Ntilde", 'Ñ'),
    ("aacute", 'á'),
    ("eacute", 'é'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_by_meaning() {
        let none = Anchors::default();
        assert!(same_tag(
            "<a href=\"https://x.ph/a\" class=\"b\">",
            "<A\n  class='b'   href=\"https://x.ph/a\">",
            &none
        ));
        assert!(same_tag(
            "<img src=\"logo.png\" alt=\"Logo\">",
            "<img alt=\"Ang logo\" src=\"logo.png\">",
            &none
        ));
        assert!(!same_tag("<b>", "</b>", &none));
        assert!(!same_tag("<b>", "<strong>", &none));
        assert!(!same_tag(
            "<a href=\"https://x.ph/help\">",
            "<a href=\"https://x.ph/tulong\">",
            &none
        ));
        assert!(!same_tag("<span class=\"x\">", "<span>", &none));
    }

    #[test]
    fn links_by_the_file_they_name() {
        let none = Anchors::default();
        for (a, b) in [
            ("docs/FEATURES.md", "../../docs/FEATURES.md"),
            ("./docs/i18n/README.es.md", "./README.es.md"),
            ("./docs/i18n/README.tl.md", "../../README.md"),
            ("guide.md#install", "../guide.md#pag-install"),
            ("./a/b.png?raw=1", "b.png?raw=1"),
        ] {
            assert!(same_link(a, b, &none), "{a} {b}");
        }
        for (a, b) in [
            ("docs/guide/index.md", "docs/gabay/index.md"),
            ("/path/to/file", "/landas/sa/file"),
            ("https://x.ph/en", "https://x.ph/tl"),
            ("#installation", "#pag-install"),
            ("docs/a.md", "https://x.ph/docs/a.md"),
        ] {
            assert!(!same_link(a, b, &none), "{a} {b}");
        }
        let anchors = Anchors::new(["Pag-install", "Mga Tala!"], "<a name=\"simula\"></a>");
        assert!(same_link("#installation", "#pag-install", &anchors));
        assert!(same_link("#notes", "#mga-tala", &anchors));
        assert!(same_link("#top", "#simula", &anchors));
        assert!(!same_link("#installation", "#Pag-install", &anchors));
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entity("&#33;"), Some('!'));
        assert_eq!(decode_entity("&#x21;"), Some('!'));
        assert_eq!(decode_entity("&quot;"), Some('"'));
        assert_eq!(decode_entity("&nbsp;"), Some('\u{a0}'));
        assert_eq!(decode_entity("&bogus;"), None);
    }
}
