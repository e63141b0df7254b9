//! The terms a translation keeps from its source: English words of the
//! source that the Filipino translation writes unchanged, twice or more
//! (`tickets` in a ticket policy, `folder` in a file manager's guide). A
//! translation that keeps a word treats it as a term; where the source has
//! the term and the translation has it fewer times, the term was translated
//! or mangled there (`Palatandaan` or `Tikcets` for `Tickets`). This is the
//! translation's own glossary, which `glossary-missing` checks as it checks
//! the user's.
//!
//! Where the lost term went is found two ways, and nothing is said when
//! neither finds it (a long sentence gives no place to point at):
//! - a word one edit from the term (singular or plural) that is no Filipino
//!   word and three times rarer in English than the term (`Tikcet` for `Ticket`);
//! - a short numbered line or the title (the first line), paired with the
//!   source's line of the same number, that lacks the term the source's
//!   line has (`2. Mga Uri ng Palatandaan` for `2. Types of Tickets`).

use std::ops::Range;

use strsim::damerau_levenshtein;

use crate::lexicon::frequency::frequency_lower;

/// A term the translation keeps, and how often each side has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct KeptTerm {
    /// The term in lower case, singular (`ticket`).
    pub key: String,
    /// The term as the source first writes it (`Tickets`).
    pub written: String,
    pub in_source: usize,
    pub in_target: usize,
}

/// The source's words shorter than this are not terms (`the`, `for`).
const MIN_LEN: usize = 4;

/// Words more frequent than this in English (Zipf × 10) are function
/// words (`with`, `this`, `from`), kept in Taglish without being terms.
const MAX_EN_ZIPF: u8 = 60;

/// Lines of more words than this are no heading or label.
const SHORT_LINE: usize = 8;

/// The terms the translation keeps at least twice and in half the places
/// the source has them or more (a translation that mostly translates a
/// word does not treat it as a term), but has fewer times than the source:
/// the terms lost somewhere. `pairs` are the (source, translation) of a
/// document's translated units: a value left as its source keeps every
/// word and says nothing of terms.
pub(super) fn lost_terms<'a>(
    pairs: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> Vec<KeptTerm> {
    let mut terms: Vec<KeptTerm> = Vec::new();
    for (source, _) in pairs.clone() {
        for (range, lower) in words(source) {
            if !is_term_word(&lower) {
                continue;
            }
            let key = singular(&lower);
            match terms.iter_mut().find(|t| t.key == key) {
                Some(t) => t.in_source += 1,
                None => terms.push(KeptTerm {
                    key: key.to_string(),
                    written: source[range].to_string(),
                    in_source: 1,
                    in_target: 0,
                }),
            }
        }
    }
    for (_, target) in pairs {
        for (_, lower) in words(target) {
            let key = singular(&lower);
            if let Some(t) = terms.iter_mut().find(|t| t.key == key) {
                t.in_target += 1;
            }
        }
    }
    terms.retain(|t| {
        t.in_target >= 2 && t.in_target < t.in_source && 2 * t.in_target >= t.in_source
    });
    terms
}

/// The places of `target` (a unit's translation, whose source is
/// `source`) where `term` went, found as the module says, with the word
/// each place should have when one is known.
pub(super) fn where_term_went(
    source: &str,
    target: &str,
    term: &KeptTerm,
) -> Vec<(Range<usize>, Option<String>)> {
    let count = |text: &str| {
        words(text)
            .iter()
            .filter(|(_, w)| singular(w) == term.key)
            .count()
    };
    if count(target) >= count(source) {
        return Vec::new();
    }
    let mut out: Vec<(Range<usize>, Option<String>)> = words(target)
        .into_iter()
        .filter_map(|(range, lower)| {
            let like = mangled(&lower, &term.key)?;
            let written = &target[range.clone()];
            Some((range, Some(cased_like(&like, written))))
        })
        .collect();
    for (s, t) in paired_lines(source, target) {
        let (s_text, t_text) = (&source[s], &target[t.clone()]);
        let short = words(s_text).len() <= SHORT_LINE;
        let overlaps = out.iter().any(|(r, _)| r.start < t.end && t.start < r.end);
        if short && !overlaps && count(t_text) < count(s_text) {
            out.push((t, None));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Whether `lower` (a word of the source in lower case) can be a kept
/// term: a word of English letters, in the English list at least as
/// frequent as in the Filipino one (a loan, not a Filipino word), and no
/// function word.
fn is_term_word(lower: &str) -> bool {
    if lower.len() < MIN_LEN || !lower.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let known = |w: &str| {
        let f = frequency_lower(w);
        f.en > 0 && f.en >= f.fil && f.en < MAX_EN_ZIPF
    };
    known(lower) || known(singular(lower))
}

/// `lower` without an English plural `-s` (`tickets` → `ticket`, not
/// `class` or `bus`).
fn singular(lower: &str) -> &str {
    match lower.strip_suffix('s') {
        Some(stem) if stem.len() >= MIN_LEN && !stem.ends_with(['s', 'u', 'i']) => stem,
        _ => lower,
    }
}

/// The form of `key` (singular or plural) that `lower` is a mangled
/// spelling of: one edit from it, not the term itself, no Filipino word,
/// and three times rarer in English than the term at least (`tikcet`,
/// not `rocket` for `socket`).
fn mangled(lower: &str, key: &str) -> Option<String> {
    if lower.len() < MIN_LEN || singular(lower) == key {
        return None;
    }
    let word = frequency_lower(lower);
    if word.fil > 0 || word.en + 5 > frequency_lower(key).en {
        return None;
    }
    let plural = format!("{key}s");
    [key.to_string(), plural]
        .into_iter()
        .find(|form| damerau_levenshtein(lower, form) <= 1)
}

/// `key` with `written`'s first capital (`Tikcet` → `Ticket`).
fn cased_like(key: &str, written: &str) -> String {
    let mut chars = key.chars();
    match (written.chars().next(), chars.next()) {
        (Some(w), Some(k)) if w.is_uppercase() => k.to_uppercase().chain(chars).collect(),
        _ => key.to_string(),
    }
}

/// The words of `text` (letters and digits) in lower case, with their
/// byte ranges.
fn words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Lines of the source and the translation that surely translate each
/// other: the first lines (a title) and the lines numbered alike
/// (`2. …`, `b) …`), when both texts number the same lines in the same
/// order. The ranges are the lines' text after the number.
fn paired_lines(source: &str, target: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let (s, t) = (numbered_lines(source), numbered_lines(target));
    let mut out = Vec::new();
    if let (Some(a), Some(b)) = (first_line(source), first_line(target)) {
        out.push((a, b));
    }
    let numbers =
        |v: &[(String, Range<usize>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    if !s.is_empty() && numbers(&s) == numbers(&t) {
        out.extend(s.into_iter().zip(t).map(|((_, a), (_, b))| (a, b)));
    }
    out
}

/// The first line with text, trimmed.
fn first_line(text: &str) -> Option<Range<usize>> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = at + (line.len() - line.trim_start().len());
            return Some(start..start + trimmed.len());
        }
        at += line.len();
    }
    None
}

/// The lines that start with a number or a letter and `.` or `)`: the
/// number and the range of the rest of the line, trimmed.
fn numbered_lines(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        let len = match digits {
            0 if body.len() > 2 && body.as_bytes()[0].is_ascii_lowercase() => 1,
            0 => 0,
            n => n,
        };
        let mark = body.as_bytes().get(len);
        let space = body.as_bytes().get(len + 1);
        if len > 0 && matches!(mark, Some(b'.' | b')')) && space == Some(&b' ') {
            let start = at + lead + len + 2;
            let rest = &line[lead + len + 2..];
            out.push((
                body[..len].to_string(),
                start..start + rest.trim_end().len(),
            ));
        }
        at += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An invented policy: `tickets` kept as a term four times, lost three
    /// times.
    const SOURCE: &str = "Tickets Policy\n\
        \n\
        1. What Are Tickets?\n\
        Tickets are small notes. We keep tickets for you.\n\
        2. Types of Tickets We Keep\n\
        You can delete tickets in your settings, and other tickets too.\n";
    const TARGET: &str = "Patakaran sa Palatandaan\n\
        \n\
        1. Ano ang mga Tikcets?\n\
        Ang mga tickets ay maliliit na tala. Itinatago namin ang mga tickets.\n\
        2. Mga Uri ng Palatandaan na Itinatago Namin\n\
        Maaari mong burahin ang mga tickets sa iyong settings, at ang iba pang tickets.\n";

    #[test]
    fn a_kept_term_lost_in_places() {
        let lost = lost_terms([(SOURCE, TARGET)].into_iter());
        assert_eq!(
            lost,
            [KeptTerm {
                key: "ticket".into(),
                written: "Tickets".into(),
                in_source: 7,
                in_target: 4,
            }]
        );
        let places: Vec<(&str, Option<String>)> = where_term_went(SOURCE, TARGET, &lost[0])
            .into_iter()
            .map(|(r, s)| (&TARGET[r], s))
            .collect();
        assert_eq!(
            places,
            [
                ("Patakaran sa Palatandaan", None),
                ("Tikcets", Some("Tickets".into())),
                ("Mga Uri ng Palatandaan na Itinatago Namin", None),
            ]
        );
    }

    #[test]
    fn terms_kept_everywhere_or_never_are_no_finding() {
        // `settings` is kept as often as the source has it; `notes` is never
        // kept; a word kept in fewer than half its places is translated.
        let lost = lost_terms([(SOURCE, TARGET)].into_iter());
        assert!(lost.iter().all(|t| t.key != "setting" && t.key != "note"));
        let mostly_translated = [(
            "Tickets, tickets, tickets and tickets, and tickets.",
            "Mga tiket, tickets, tiket at tickets, at tiket.",
        )];
        assert!(lost_terms(mostly_translated.into_iter()).is_empty());
        // Kept once only: no term of the translation's.
        let once = [
            ("The tickets.", "Ang mga tickets."),
            ("The tickets.", "Ang tala."),
        ];
        assert!(lost_terms(once.into_iter()).is_empty());
        // Counted over the document: one unit lost it, another kept it twice.
        let units = [
            ("Tickets", "Mga Palatandaan"),
            (
                "Buy tickets. Keep tickets.",
                "Bumili ng tickets. Itago ang tickets.",
            ),
        ];
        let lost = lost_terms(units.into_iter());
        assert_eq!(lost.len(), 1);
        let places = where_term_went(units[0].0, units[0].1, &lost[0]);
        assert_eq!(places, [(0..15, None)]);
        assert!(where_term_went(units[1].0, units[1].1, &lost[0]).is_empty());
        // Function words and Filipino words are no terms.
        assert!(!is_term_word("with"));
        assert!(!is_term_word("bilog"));
        assert!(is_term_word("ticket"));
    }

    #[test]
    fn mangled_words_and_lines() {
        assert_eq!(mangled("tikcet", "ticket").as_deref(), Some("ticket"));
        assert_eq!(mangled("tikcets", "ticket").as_deref(), Some("tickets"));
        assert_eq!(mangled("tickets", "ticket"), None);
        assert_eq!(mangled("rocket", "socket"), None); // a commoner English word
        assert_eq!(singular("class"), "class");
        assert_eq!(singular("tokens"), "token");
        assert_eq!(
            numbered_lines("1. Uno\n  b) Dos\n10.Tres\nc Cuatro\n"),
            [("1".to_string(), 3..6), ("b".to_string(), 12..15)]
        );
    }
}
