//! What source-aware rules compare between a source and its translation:
//! placeholders, numbers, URLs and e-mail addresses, found in raw values
//! with their offsets.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// The syntax of a placeholder, so that a translated one is paired only with
/// a source placeholder of the same syntax.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Syntax {
    /// `{{name}}` (i18next, Handlebars, Vue)
    DoubleBrace,
    /// `{name}`, `{0}`
    Brace,
    /// `{ $name }` (Fluent)
    Fluent,
    /// `{count, plural, one {...} other {...}}`: keywords and selectors
    Icu,
    /// `${x}`
    Dollar,
    /// `%{name}` (Ruby, Rails i18n)
    PercentBrace,
    /// `$NAME$` (Chrome `messages.json`), `$t(key)` (i18next nesting)
    DollarName,
    /// `%s`, `%1$s`, `%(name)s`, `%.2f`
    Printf,
    /// `:name` (Laravel)
    Colon,
    /// `<b>`, `</a>`, `<x id="1"/>`
    Tag,
    /// `&amp;`, `&#233;`
    Entity,
    /// `](https://...)` (a Markdown link target)
    LinkTarget,
}

/// One placeholder: where it is and what it reads (ICU constructs read as
/// their keywords and selectors, `{count, plural, one other}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub range: Range<usize>,
    pub text: String,
    pub syntax: Syntax,
}

static PRINTF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"%(?:\([A-Za-z_][A-Za-z0-9_]*\))?(?:[1-9][0-9]*\$)?[-+#0]*[0-9]*(?:\.[0-9]+)?(?:hh|ll|[hlLqjzt])?[diouxXeEfFgGcsp@]").unwrap()
});
static COLON: LazyLock<Regex> = LazyLock::new(|| Regex::new(r":[a-z_][a-z0-9_]*").unwrap());
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"</?[A-Za-z][A-Za-z0-9:-]*(?:\s+[^<>]*?)?/?>"#).unwrap());
static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);").unwrap());
static DOLLAR_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\$[A-Za-z_][A-Za-z0-9_@]*\$|\$t\([^()]*\)").unwrap());
static LINK_TARGET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\]\([^()\s]+\)").unwrap());
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?:https?://|www\.)[^\s<>"'`\\)\]]+"#).unwrap());
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").unwrap()
});
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+(?:[.,\u{a0}\u{202f} ][0-9]+)*").unwrap());

/// Byte ranges kept as disjoint runs by start, so whether a range overlaps
/// any of them is one lookup: the run starting last before the range ends
/// is the only one that may overlap it. Keeps the checks of a unit of
/// thousands of placeholders n log n instead of n².
pub struct RangeSet(std::collections::BTreeMap<usize, usize>);

impl RangeSet {
    /// The union of `ranges` (overlapping ones merged).
    pub fn new(ranges: impl IntoIterator<Item = Range<usize>>) -> Self {
        let mut sorted: Vec<Range<usize>> = ranges.into_iter().filter(|r| !r.is_empty()).collect();
        sorted.sort_by_key(|r| r.start);
        let mut set = RangeSet(std::collections::BTreeMap::new());
        let mut last: Option<Range<usize>> = None;
        for r in sorted {
            match &mut last {
                Some(l) if r.start < l.end => l.end = l.end.max(r.end),
                _ => {
                    if let Some(l) = last.replace(r) {
                        set.0.insert(l.start, l.end);
                    }
                }
            }
        }
        if let Some(l) = last {
            set.0.insert(l.start, l.end);
        }
        set
    }

    /// Whether `r` shares a byte with a range of the set.
    pub fn overlaps(&self, r: &Range<usize>) -> bool {
        self.0
            .range(..r.end)
            .next_back()
            .is_some_and(|(_, &end)| r.start < end)
    }

    /// Adds `r`, which must not overlap the set (see [`RangeSet::overlaps`]).
    pub fn insert(&mut self, r: Range<usize>) {
        debug_assert!(!self.overlaps(&r));
        if !r.is_empty() {
            self.0.insert(r.start, r.end);
        }
    }
}

/// Every placeholder of `text`, in order of position.
pub fn placeholders(text: &str) -> Vec<Placeholder> {
    let mut out = Vec::new();
    braces(text, 0, text.len(), &mut out);
    // The bytes taken so far, ICU arguments aside (other placeholders nest
    // in their messages).
    let mut taken = RangeSet::new(
        out.iter()
            .filter(|p| p.syntax != Syntax::Icu)
            .map(|p| p.range.clone()),
    );
    let found: Vec<Placeholder> = [
        (&*PRINTF, Syntax::Printf),
        (&*COLON, Syntax::Colon),
        (&*TAG, Syntax::Tag),
        (&*ENTITY, Syntax::Entity),
        (&*LINK_TARGET, Syntax::LinkTarget),
        (&*DOLLAR_NAME, Syntax::DollarName),
    ]
    .into_iter()
    .flat_map(|(re, syntax)| {
        re.find_iter(text).map(move |m| Placeholder {
            range: m.range(),
            text: m.as_str().to_string(),
            syntax,
        })
    })
    .collect();
    for p in found {
        if p.syntax == Syntax::Colon {
            // `:name` only after a blank, a bracket or the start, and not
            // followed by a word character or another colon (`12:30`, `a:b`).
            let before = text[..p.range.start].chars().next_back();
            let after = text[p.range.end..].chars().next();
            if before.is_some_and(|c| !(c.is_whitespace() || c == '(' || c == '"'))
                || after.is_some_and(|c| c.is_alphanumeric() || c == ':' || c == '_')
            {
                continue;
            }
        }
        if p.syntax == Syntax::Tag && !is_markup(&p.text) {
            continue;
        }
        if p.syntax == Syntax::Printf
            && p.range.start > 0
            && text.as_bytes()[p.range.start - 1] == b'%'
        {
            continue;
        }
        if !taken.overlaps(&p.range) {
            taken.insert(p.range.clone());
            out.push(p);
        }
    }
    out.sort_by_key(|p| (p.range.start, p.range.end));
    out
}

/// Brace placeholders of `text[from..to]`: `{{x}}`, `${x}`, `{ $x }`,
/// `{x}`, and ICU arguments, whose messages are searched in turn.
fn braces(text: &str, from: usize, to: usize, out: &mut Vec<Placeholder>) {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < to {
        if bytes[i] != b'{' {
            i += 1;
            continue;
        }
        if bytes.get(i + 1) == Some(&b'{') {
            if let Some(end) = text[i + 2..to].find("}}") {
                let end = i + 2 + end + 2;
                push(out, text, i..end, Syntax::DoubleBrace);
                i = end;
                continue;
            }
            i += 2;
            continue;
        }
        let Some(close) = matching(bytes, i, to) else {
            i += 1;
            continue;
        };
        let inner = &text[i + 1..close];
        let dollar = i > 0 && bytes[i - 1] == b'$';
        let trimmed = inner.trim();
        let percent = i > 0 && bytes[i - 1] == b'%';
        if dollar {
            push(out, text, i - 1..close + 1, Syntax::Dollar);
        } else if percent && !trimmed.is_empty() && !trimmed.contains(['{', ',']) {
            push(out, text, i - 1..close + 1, Syntax::PercentBrace);
        } else if trimmed.starts_with('$') && !trimmed.contains('{') {
            push(out, text, i..close + 1, Syntax::Fluent);
        } else if !trimmed.is_empty()
            && trimmed
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        {
            push(out, text, i..close + 1, Syntax::Brace);
        } else if let Some(icu) = icu(text, i, close, out) {
            out.push(icu);
        }
        i = close + 1;
    }
}

/// HTML and XLIFF inline elements: a `<word>` of another name is a
/// metavariable of a usage message (`<version>`, `<pakete>`), which a
/// translator may translate.
const MARKUP: &[&str] = &[
    "a", "abbr", "b", "bpt", "br", "bx", "code", "del", "div", "ec", "em", "ept", "ex", "font",
    "g", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "it", "kbd", "li", "link",
    "mark", "mrk", "ol", "p", "pc", "ph", "pre", "q", "s", "sc", "small", "sm", "em", "span",
    "strong", "sub", "sup", "table", "td", "th", "tr", "u", "ul", "x",
];

/// Whether a `<...>` is markup: a known element, or one with attributes or
/// a `/`.
fn is_markup(tag: &str) -> bool {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    let name = inner
        .trim_start_matches('/')
        .trim_end_matches('/')
        .split_whitespace()
        .next()
        .unwrap_or("");
    inner.contains(char::is_whitespace)
        || inner.ends_with('/')
        || inner.starts_with('/')
        || MARKUP.contains(&name.to_ascii_lowercase().as_str())
}

fn push(out: &mut Vec<Placeholder>, text: &str, range: Range<usize>, syntax: Syntax) {
    out.push(Placeholder {
        text: text[range.clone()].to_string(),
        range,
        syntax,
    });
}

/// The `}` closing the `{` at `open`.
fn matching(bytes: &[u8], open: usize, to: usize) -> Option<usize> {
    let mut depth = 0;
    for (j, &b) in bytes[open..to].iter().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + j);
                }
            }
            _ => {}
        }
    }
    None
}

/// An ICU argument `{name, type[, style]}` between `open` and `close`; for
/// `plural`, `select` and `selectordinal`, its selectors, with the
/// placeholders of its messages pushed onto `out`.
fn icu(text: &str, open: usize, close: usize, out: &mut Vec<Placeholder>) -> Option<Placeholder> {
    let inner = &text[open + 1..close];
    let (name, rest) = inner.split_once(',')?;
    let name = name.trim();
    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let (kind, rest) = rest.split_once(',').unwrap_or((rest, ""));
    let kind = kind.trim();
    if !kind.chars().all(|c| c.is_ascii_alphabetic()) || kind.is_empty() {
        return None;
    }
    let mut label = format!("{{{name}, {kind}");
    if matches!(kind, "plural" | "select" | "selectordinal") {
        let bytes = text.as_bytes();
        let mut i = close - rest.len();
        let mut selectors = Vec::new();
        while i < close {
            if bytes[i] == b'{' {
                let end = matching(bytes, i, close + 1)?;
                braces(text, i + 1, end, out);
                i = end + 1;
            } else if bytes[i].is_ascii_whitespace() {
                i += 1;
            } else {
                let start = i;
                while i < close && !bytes[i].is_ascii_whitespace() && bytes[i] != b'{' {
                    i += 1;
                }
                selectors.push(&text[start..i]);
            }
        }
        label.push_str(", ");
        label.push_str(&selectors.join(" "));
    } else if !rest.trim().is_empty() {
        label.push_str(", ");
        label.push_str(rest.trim());
    }
    label.push('}');
    Some(Placeholder {
        range: open..close + 1,
        text: label,
        syntax: Syntax::Icu,
    })
}

/// URLs of `text` (trailing sentence punctuation left out).
pub fn urls(text: &str) -> Vec<(Range<usize>, &str)> {
    URL.find_iter(text)
        .map(|m| {
            let s = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?']);
            (m.start()..m.start() + s.len(), s)
        })
        .collect()
}

/// E-mail addresses of `text`.
pub fn emails(text: &str) -> Vec<(Range<usize>, &str)> {
    EMAIL
        .find_iter(text)
        .map(|m| (m.range(), m.as_str()))
        .collect()
}

/// One number: where it is and its value, grouping separators removed (the
/// digits, and the decimal part when there is one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    pub range: Range<usize>,
    pub text: String,
    /// What the number may mean: `1,500` is 1500; `1,5` is 1.5 or 15 (a
    /// decimal comma, or a grouping one); `2.5` is 2.5.
    pub values: Vec<String>,
}

/// Numbers of `text` that stand alone: not inside placeholders, URLs or
/// e-mail addresses, and not glued to letters (`mp3`, `2FA`).
pub fn numbers(text: &str) -> Vec<Number> {
    let skip = RangeSet::new(
        placeholders(text)
            .into_iter()
            .map(|p| p.range)
            .chain(urls(text).into_iter().map(|u| u.0))
            .chain(emails(text).into_iter().map(|e| e.0)),
    );
    let mut out = Vec::new();
    for m in NUMBER.find_iter(text) {
        let mut s = m.as_str();
        // A space-separated group is a thousands group only with 3 digits.
        if let Some(cut) = bad_space_group(s) {
            s = &s[..cut];
        }
        let range = m.start()..m.start() + s.len();
        if skip.overlaps(&range) {
            continue;
        }
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() || c == '_');
        if glued(text[..range.start].chars().next_back()) || glued(text[range.end..].chars().next())
        {
            continue;
        }
        out.push(Number {
            values: values(s),
            text: s.to_string(),
            range,
        });
    }
    out
}

fn bad_space_group(s: &str) -> Option<usize> {
    let seps: Vec<(usize, char)> = s
        .char_indices()
        .filter(|(_, c)| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    for (k, &(at, c)) in seps.iter().enumerate() {
        let start = at + c.len_utf8();
        let end = seps.get(k + 1).map_or(s.len(), |x| x.0);
        if end - start != 3 {
            return Some(at);
        }
    }
    None
}

/// The values a written number may have.
fn values(s: &str) -> Vec<String> {
    let clean: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let mut out = Vec::new();
    // `.` and `,` each either group thousands or mark decimals.
    for (group, decimal) in [(',', '.'), ('.', ',')] {
        let (int, frac) = match clean.rsplit_once(decimal) {
            Some((i, f)) if !i.contains(decimal) && !f.contains(group) => (i, Some(f)),
            None => (clean.as_str(), None),
            _ => continue,
        };
        if int.contains(group) && !int.split(group).skip(1).all(|p| p.len() == 3) {
            continue;
        }
        let digits: String = int.chars().filter(|c| c.is_ascii_digit()).collect();
        let digits = digits.trim_start_matches('0');
        let digits = if digits.is_empty() { "0" } else { digits };
        let value = match frac {
            Some(f) if !f.is_empty() => format!("{digits}.{f}"),
            _ => digits.to_string(),
        };
        if !out.contains(&value) {
            out.push(value);
        }
    }
    if out.is_empty() {
        out.push(clean);
    }
    out
}

/// Filipino words for the numbers one to ten, with the linked forms
/// (`tatlong`, `apat na`), and the Spanish-derived ones used for prices and
/// times (`dos`, `tres`).
pub fn spelled(n: u32) -> &'static [&'static str] {
    match n {
        1 => &["isa", "isang", "uno"],
        2 => &["dalawa", "dalawang", "dos"],
        3 => &["tatlo", "tatlong", "tres"],
        4 => &["apat", "kwatro", "kuwatro"],
        5 => &["lima", "limang", "singko"],
        6 => &["anim", "sais"],
        7 => &["pito", "pitong", "siyete"],
        8 => &["walo", "walong", "otso"],
        9 => &["siyam", "nuwebe"],
        10 => &["sampu", "sampung", "diyes"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        placeholders(text).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn placeholder_syntaxes() {
        assert_eq!(
            texts(
                "Hi {{name}}, {0} {user} { $count } ${x} %s %1$s %(n)d %.2f :file <b>x</b> &amp; [a](https://x.ph)"
            ),
            [
                "{{name}}",
                "{0}",
                "{user}",
                "{ $count }",
                "${x}",
                "%s",
                "%1$s",
                "%(n)d",
                "%.2f",
                ":file",
                "<b>",
                "</b>",
                "&amp;",
                "](https://x.ph)"
            ]
        );
    }

    #[test]
    fn rails_chrome_and_i18next_nesting() {
        assert_eq!(
            texts("%{count} na file, $USER$ at $t(common.save)"),
            ["%{count}", "$USER$", "$t(common.save)"]
        );
        assert!(texts("Nagkakahalaga ng $5 at $10").is_empty());
    }

    #[test]
    fn icu_keywords_and_selectors() {
        assert_eq!(
            texts("{count, plural, =0 {Walang file} one {# file ni {name}} other {# na file}}"),
            ["{count, plural, =0 one other}", "{name}"]
        );
        assert_eq!(texts("{d, date, short}"), ["{d, date, short}"]);
    }

    #[test]
    fn metavariables_are_not_tags() {
        assert_eq!(
            texts("<version> <b>x</b> <x id=\"1\"/> </custom> <br>"),
            ["<b>", "</b>", "<x id=\"1\"/>", "</custom>", "<br>"]
        );
    }

    #[test]
    fn not_placeholders() {
        assert!(
            texts("50% ng tao, oras 12:30, a:b, 100%% {} { }").is_empty(),
            "{:?}",
            texts("50% ng tao, oras 12:30, a:b, 100%% {} { }")
        );
    }

    #[test]
    fn numbers_and_their_values() {
        let found: Vec<(String, Vec<String>)> =
            numbers("1,500 at 2.5 at 1 000 000 at 3,5 ng mp3 %1$s sa {0}")
                .into_iter()
                .map(|n| (n.text, n.values))
                .collect();
        assert_eq!(
            found,
            [
                ("1,500".into(), vec!["1500".into(), "1.500".into()]),
                ("2.5".into(), vec!["2.5".into()]),
                ("1 000 000".into(), vec!["1000000".into()]),
                ("3,5".into(), vec!["3.5".into()]),
            ]
        );
    }

    #[test]
    fn urls_and_emails() {
        let text = "Tingnan ang https://x.ph/a. O sumulat sa tulong@x.ph.";
        assert_eq!(
            urls(text).iter().map(|u| u.1).collect::<Vec<_>>(),
            ["https://x.ph/a"]
        );
        assert_eq!(
            emails(text).iter().map(|u| u.1).collect::<Vec<_>>(),
            ["tulong@x.ph"]
        );
    }
}
