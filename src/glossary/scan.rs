//! The glossary's one pass over a segment: every word of the text is looked
//! up once (a filter probe, then for the few glossary words an integer
//! probe), and from those numbers come the exact names, the names with one
//! word misspelt (any word of a multi-word name: `Yunan Baiyao`,
//! `Deparmtent of Health`), one-word near misses, names run together
//! (`CarlZeiss`) and names glued to a Filipino word (`isangfrowave`).
//!
//! The scan finds candidates; the rules judge them in their context (a
//! sentence start, a dateline, a longer name around them, whether the word
//! is an ordinary word). What costs more than a probe is done only for a
//! word that is no glossary word and could be a broken name, and is
//! remembered per distinct word ([`Glossary::near_words`]).

use std::ops::Range;

use super::Glossary;
use super::lookup::NearWord;
use super::matcher::Match;
use super::near::{max_distance, word_in_name_distance};
use super::words::{WordId, with_folded};
use crate::lexicon::frequency;
use crate::text::{Token, TokenKind};

/// "No glossary word" in the per-token table.
const NO_WORD: WordId = WordId::MAX;

/// What the glossary found in a segment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameScan {
    /// Glossary forms written exactly (any case), leftmost-longest, without
    /// overlaps.
    pub matches: Vec<Match>,
    /// Probable broken names, in text order, none overlapping another or a
    /// match (except matches inside a longer near-miss window:
    /// `Takeda` of `Takeda Pharmaceuticals`).
    pub near: Vec<Near>,
}

/// A probable broken name: the words, the accepted form they resemble, and
/// how they differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Near {
    pub form: u32,
    /// The tokens of the window, as for [`Match::tokens`].
    pub tokens: Range<usize>,
    /// Byte range in the document.
    pub range: Range<usize>,
    pub kind: NearKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NearKind {
    /// The words of a multi-word name run together (`CarlZeiss`).
    Joined,
    /// Token `token` is a misspelling of its word of the form, `distance`
    /// edits away; the window's other words are the form's, exactly.
    Misspelt { token: usize, distance: u8 },
    /// A lower-case word made of a Filipino word (`prefix` bytes of it) and,
    /// glued to it, the name or a misspelling of it (`isangfrowave`).
    Glued { prefix: usize, distance: u8 },
}

/// Filipino words that stand before a name and that machine translation
/// glues to one.
const GLUED_BEFORE_NAMES: &[&str] = &[
    "ang", "at", "ay", "isang", "kay", "mga", "na", "ng", "ni", "para", "sa", "si",
];

/// Every glossary form in `tokens`, leftmost-longest, without overlaps.
pub fn find_matches(source: &str, tokens: &[Token], glossary: &Glossary) -> Vec<Match> {
    if glossary.is_empty() {
        return Vec::new();
    }
    let ids = word_ids(source, tokens, glossary);
    exact_matches(source, tokens, &ids, glossary)
}

/// The exact names and the probable broken names of `tokens`.
pub fn scan(source: &str, tokens: &[Token], glossary: &Glossary) -> NameScan {
    if glossary.is_empty() {
        return NameScan::default();
    }
    let ids = word_ids(source, tokens, glossary);
    let matches = exact_matches(source, tokens, &ids, glossary);
    let near = NearScan {
        source,
        tokens,
        ids: &ids,
        glossary,
        matches: &matches,
    }
    .run();
    NameScan { matches, near }
}

/// The glossary word each token is, or [`NO_WORD`].
fn word_ids(source: &str, tokens: &[Token], glossary: &Glossary) -> Vec<WordId> {
    tokens
        .iter()
        .map(|t| {
            glossary
                .word_id(&source[t.range.clone()], t.key)
                .unwrap_or(NO_WORD)
        })
        .collect()
}

fn exact_matches(
    source: &str,
    tokens: &[Token],
    ids: &[WordId],
    glossary: &Glossary,
) -> Vec<Match> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = (ids[i] != NO_WORD)
            .then(|| {
                glossary
                    .forms_starting_with(ids[i])
                    .iter()
                    .copied()
                    .find(|&f| form_at(source, tokens, ids, glossary, f, i, None))
            })
            .flatten();
        match found {
            Some(f) => {
                let len = glossary.form(f).len();
                out.push(Match {
                    form: f,
                    tokens: i..i + len,
                    range: tokens[i].range.start..tokens[i + len - 1].range.end,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether form `f` is written at token `at`: each word the form's (word
/// `except.0` may instead be word `except.1`, its misspelling), each
/// separator the form's once white space is collapsed.
fn form_at(
    source: &str,
    tokens: &[Token],
    ids: &[WordId],
    glossary: &Glossary,
    f: u32,
    at: usize,
    except: Option<(usize, WordId)>,
) -> bool {
    let form = glossary.form(f);
    let n = form.len();
    if at + n > tokens.len() {
        return false;
    }
    (0..n).all(|k| {
        let word_ok = match except {
            Some((p, w)) if p == k => form.ids[k] == w,
            _ => ids[at + k] == form.ids[k],
        };
        word_ok
            && (k == 0
                || gap_is(
                    &source[tokens[at + k - 1].range.end..tokens[at + k].range.start],
                    form.gap(k - 1),
                ))
    })
}

/// Whether `gap` of the text, its white space runs collapsed to one space
/// and curly apostrophes made straight, is `normalised` (a form's gap),
/// without building the collapsed string.
fn gap_is(gap: &str, normalised: &str) -> bool {
    if gap == normalised {
        return true; // nearly always: one space
    }
    let mut want = normalised.chars();
    let mut in_space = false;
    for c in gap.chars() {
        if c.is_whitespace() {
            if !in_space && want.next() != Some(' ') {
                return false;
            }
            in_space = true;
        } else {
            let c = if c == '\u{2019}' { '\'' } else { c };
            if want.next() != Some(c) {
                return false;
            }
            in_space = false;
        }
    }
    want.next().is_none()
}

/// The search for broken names among the words no exact match covers.
struct NearScan<'a> {
    source: &'a str,
    tokens: &'a [Token],
    ids: &'a [WordId],
    glossary: &'a Glossary,
    matches: &'a [Match],
}

impl NearScan<'_> {
    fn run(&self) -> Vec<Near> {
        let mut out: Vec<Near> = Vec::new();
        let mut next_match = 0;
        let mut i = 0;
        while i < self.tokens.len() {
            while next_match < self.matches.len() && self.matches[next_match].tokens.end <= i {
                next_match += 1;
            }
            let covered = self
                .matches
                .get(next_match)
                .is_some_and(|m| m.tokens.start <= i);
            let after_last = out.last().map_or(0, |n| n.tokens.end);
            if covered || i < after_last || self.ids[i] != NO_WORD {
                i += 1;
                continue;
            }
            if let Some(near) = self.near_at(i, after_last) {
                i = near.tokens.end.max(i + 1);
                out.push(near);
            } else {
                i += 1;
            }
        }
        out
    }

    fn word(&self, i: usize) -> &str {
        &self.source[self.tokens[i].range.clone()]
    }

    /// The broken name token `i` (no glossary word, not in a match) is part
    /// of, if any; its window starts at `from` or later.
    fn near_at(&self, i: usize, from: usize) -> Option<Near> {
        let t = &self.tokens[i];
        let word = self.word(i);
        if let Some(form) = self.glossary.joined_form_of(word, t.key) {
            return Some(Near {
                form,
                tokens: i..i + 1,
                range: t.range.clone(),
                kind: NearKind::Joined,
            });
        }
        if !may_be_broken_name(t, word) {
            return None;
        }
        let near = with_folded(word, |folded| self.glossary.near_words(folded));
        let found = near
            .iter()
            .find_map(|n| self.in_longer_name(i, *n, from))
            .or_else(|| near.iter().find_map(|n| self.as_one_word(i, *n)));
        if found.is_none() && t.case.is_lowercase() {
            return self.glued(i);
        }
        found
    }

    /// A multi-word form with word `near.word` at token `i` and its other
    /// words exact around it, starting at token `from` or later; the longest
    /// such window.
    fn in_longer_name(&self, i: usize, near: NearWord, from: usize) -> Option<Near> {
        let places = self.glossary.places(near.word);
        let mut best: Option<(usize, u32, usize)> = None;
        for p in (0..8).filter(|p| places & (1 << p) != 0) {
            if p > i || i - p < from {
                continue;
            }
            let start = i - p;
            let first = if p == 0 { near.word } else { self.ids[start] };
            if first == NO_WORD {
                continue;
            }
            for &f in self.glossary.forms_starting_with(first) {
                let form = self.glossary.form(f);
                let n = form.len();
                let fits = n > p
                    && n > 1
                    && form.is_accepted()
                    && form.ids[p] == near.word
                    && best.is_none_or(|b| n > b.0)
                    && form_at(
                        self.source,
                        self.tokens,
                        self.ids,
                        self.glossary,
                        f,
                        start,
                        Some((p, near.word)),
                    )
                    && self.matches_inside(start..start + n);
                if fits {
                    best = Some((n, f, start));
                }
            }
        }
        let (n, form, start) = best?;
        Some(Near {
            form,
            tokens: start..start + n,
            range: self.tokens[start].range.start..self.tokens[start + n - 1].range.end,
            kind: NearKind::Misspelt {
                token: i,
                distance: near.distance,
            },
        })
    }

    /// Whether every exact match touching `window` lies inside it.
    fn matches_inside(&self, window: Range<usize>) -> bool {
        let first = self
            .matches
            .partition_point(|m| m.tokens.end <= window.start);
        self.matches[first..]
            .iter()
            .take_while(|m| m.tokens.start < window.end)
            .all(|m| m.tokens.start >= window.start && m.tokens.end <= window.end)
    }

    /// The one-word form `near.word` is, when token `i` is within the
    /// distance a one-word name allows.
    fn as_one_word(&self, i: usize, near: NearWord) -> Option<Near> {
        let form = self.glossary.single_form(near.word)?;
        let word = self.word(i);
        let target = self.glossary.word_text(near.word);
        if usize::from(near.distance) > one_word_distance(word, target)
            || is_inflection_of(&crate::glossary::Glossary::key(word), target)
        {
            return None;
        }
        Some(Near {
            form,
            tokens: i..i + 1,
            range: self.tokens[i].range.clone(),
            kind: NearKind::Misspelt {
                token: i,
                distance: near.distance,
            },
        })
    }

    /// A lower-case word that is a Filipino word before a name glued to
    /// the name or a misspelling of it: `isangfrowave`.
    fn glued(&self, i: usize) -> Option<Near> {
        let word = self.word(i);
        if !word.is_ascii() {
            return None;
        }
        let folded = word.to_ascii_lowercase();
        GLUED_BEFORE_NAMES.iter().find_map(|prefix| {
            let rest = folded.strip_prefix(prefix)?;
            if rest.len() < 6 {
                return None;
            }
            let (form, distance) = self.one_word_form_near(rest)?;
            Some(Near {
                form,
                tokens: i..i + 1,
                range: self.tokens[i].range.clone(),
                kind: NearKind::Glued {
                    prefix: prefix.len(),
                    distance,
                },
            })
        })
    }

    /// The one-word form `rest` (a folded piece of a word) is, or is one
    /// edit from (its first letter may be the one lost: `frowave`).
    fn one_word_form_near(&self, rest: &str) -> Option<(u32, u8)> {
        if let Some(id) = self.glossary.word_ids().get_folded(rest) {
            return self.glossary.single_form(id).map(|f| (f, 0));
        }
        self.glossary
            .near_words_any_start(rest)
            .into_iter()
            .filter(|n| n.distance == 1)
            .find_map(|n| self.glossary.single_form(n.word).map(|f| (f, 1)))
    }
}

/// Whether a word that is no glossary word may be a broken name worth a
/// near-miss lookup: four characters or more, and capitalised, or holding
/// a digit, or in lower case and no word of the lexicon (a lower-case
/// ordinary word is never a broken name; the lookup costs one probe).
fn may_be_broken_name(t: &Token, word: &str) -> bool {
    if t.kind != TokenKind::Word || word.len() < 4 {
        return false;
    }
    if t.case.starts_upper() || word.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    t.case.is_lowercase() && !frequency::frequency(word).is_known()
}

/// Edits allowed between a word of the text and a one-word name: by the
/// shorter one's length ([`max_distance`]), and one for a word with digits
/// of four characters or more whose digits are the name's (`GES17` for
/// `GOES17`: a model or satellite number, never an ordinary word).
pub fn one_word_distance(word: &str, target: &str) -> usize {
    let len = |w: &str| w.chars().count();
    let allowed = max_distance(len(word).min(len(target)));
    let digits = |w: &str| w.chars().filter(char::is_ascii_digit).collect::<String>();
    if allowed == 0 && len(word).min(len(target)) >= 4 {
        let d = digits(word);
        if !d.is_empty() && d == digits(target) {
            return 1;
        }
    }
    allowed
}

/// Edits allowed between a word of the text and its word in a multi-word
/// name whose other words are exact.
pub fn word_in_name_allowed(word: &str, target: &str) -> usize {
    word_in_name_distance(word.chars().count().min(target.chars().count()))
}

/// `key` is `target` with a Tagalog linker or an English plural or
/// possessive (`Maynilang`, `Innovents`): the name itself, inflected.
pub fn is_inflection_of(key: &str, target: &str) -> bool {
    key.strip_prefix(target)
        .is_some_and(|rest| matches!(rest, "ng" | "g" | "s" | "es"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn glossary(names: &[&str]) -> Glossary {
        Glossary::of_names(names)
    }

    /// The near misses of `text`: (the window's text, the form's text).
    fn near(text: &str, g: &Glossary) -> Vec<(String, String)> {
        let mut tokens = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens);
        scan(text, &tokens, g)
            .near
            .into_iter()
            .map(|n| (text[n.range].to_string(), g.form(n.form).text.to_string()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn any_word_of_a_multi_word_name_may_be_the_misspelt_one() {
        let g = glossary(&[
            "Quorvane Baitang",
            "Department of Fisheries",
            "Solmira Holdings",
        ]);
        assert_eq!(
            near(
                "ang Quorane Baitang, ang Deparmtent of Fisheries at ang Solmira Holdngs",
                &g
            ),
            pairs(&[
                ("Quorane Baitang", "Quorvane Baitang"),
                ("Deparmtent of Fisheries", "Department of Fisheries"),
                ("Solmira Holdngs", "Solmira Holdings"),
            ])
        );
        // Two words misspelt, other separators, or an unrelated word: no.
        assert!(near("ang Quorane Baitnag", &g).is_empty());
        assert!(near("ang Quorane, Baitang", &g).is_empty());
        assert!(near("ang Department of Fishing", &g).is_empty());
    }

    #[test]
    fn one_word_near_misses_by_length_and_digits() {
        let g = glossary(&["Velantrix", "Kordava", "ORB27"]);
        assert_eq!(
            near("ang Velantrex, Kordova at OB27 pero hindi Korva", &g),
            pairs(&[
                ("Velantrex", "Velantrix"),
                ("Kordova", "Kordava"),
                ("OB27", "ORB27"),
            ])
        );
        // Other digits, a linker or plural, another first letter: no.
        assert!(near("ORB28 Kordavang Kordavas Gordava", &g).is_empty());
    }

    #[test]
    fn names_run_together_and_glued_to_a_word() {
        let g = glossary(&["Tessaro Lumen", "Brightwave"]);
        assert_eq!(
            near("ang TessaroLumen at isangrightwave at angbrightwave", &g),
            pairs(&[
                ("TessaroLumen", "Tessaro Lumen"),
                ("isangrightwave", "Brightwave"),
                ("angbrightwave", "Brightwave"),
            ])
        );
        // A capitalised word is never read as glued.
        assert!(near("Angbrightwave", &g).is_empty());
    }

    #[test]
    fn exact_matches_inside_a_near_window_are_kept() {
        let g = glossary(&["Takora", "Takora Pharmaceutical"]);
        let text = "ayon sa Takora Pharmaceuticals";
        let mut tokens = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens);
        let found = scan(text, &tokens, &g);
        assert_eq!(found.matches.len(), 1);
        assert_eq!(
            near(text, &g),
            pairs(&[("Takora Pharmaceuticals", "Takora Pharmaceutical")])
        );
    }

    #[test]
    fn gaps_compare_collapsed() {
        assert!(gap_is(" ", " "));
        assert!(gap_is("\n  ", " "));
        assert!(gap_is(" \u{2019}", " '"));
        assert!(!gap_is(" ", ", "));
        assert!(!gap_is(",", ", "));
    }
}
