//! Small judgements that several rules share. A rule takes what it needs
//! from here (or from `crate::lexicon`, `crate::text`), never from another
//! rule's file, so rules stay independent: changing one cannot break another.

use std::ops::Range;

use super::{Reporter, UnitContext};
use crate::glossary::Term;
use crate::text::tokens::starts_upper;

/// `replacement` with the first letter upper-cased when `word` starts upper.
pub(super) fn recase(word: &str, replacement: &str) -> String {
    if starts_upper(word) {
        let mut c = replacement.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        replacement.to_string()
    }
}

/// The term's note, as a message suffix.
pub(super) fn glossary_note(term: &Term) -> String {
    term.note
        .as_ref()
        .map_or_else(String::new, |n| format!(": {n}"))
}

/// The length of the blanks (space, tab, line break) at the start of `s`,
/// a decoded value.
pub(super) fn lead(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t', '\n', '\r']).len()
}

/// The length of the blanks at the end of `s`, a decoded value.
pub(super) fn trail(s: &str) -> usize {
    s.len() - s.trim_end_matches([' ', '\t', '\n', '\r']).len()
}

/// Reports strings of `tgt` not in `src` (at their place) and strings of
/// `src` not in `tgt` (on the whole value). One each: a change.
pub(super) fn compare_strings(
    ctx: &UnitContext<'_>,
    src: &[(Range<usize>, &str)],
    tgt: &[(Range<usize>, &str)],
    what: &str,
    out: &mut Reporter<'_>,
) {
    let mut missing: Vec<&str> = src.iter().map(|s| s.1).collect();
    let mut extra = Vec::new();
    for (range, t) in tgt {
        match missing.iter().position(|s| s == t) {
            Some(i) => {
                missing.remove(i);
            }
            None => extra.push((range.clone(), *t)),
        }
    }
    if missing.len() == 1 && extra.len() == 1 {
        out.report(
            ctx.span(extra[0].0.clone()),
            format!(
                "{what} `{}` differs from the source's `{}`",
                extra[0].1, missing[0]
            ),
        )
        .suggest(missing[0]);
        return;
    }
    for (range, t) in extra {
        out.report(
            ctx.span(range),
            format!("{what} `{t}` is not in the source"),
        );
    }
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
        out.report(
            ctx.value_span(),
            format!("the source's {what} {} missing", {
                let verb = if list.len() == 1 { "is" } else { "are" };
                format!("{} {verb}", list.join(", "))
            }),
        );
    }
}
