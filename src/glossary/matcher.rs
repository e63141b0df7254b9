//! Exact matching of glossary forms in a segment, ignoring case.
//!
//! Text and glossary are compared word by word on NFC, case-folded words with
//! straight apostrophes; the separators between the words of a multi-word name
//! must agree once white space (line breaks, doubled spaces) is collapsed.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::text::{Token, tokenize};

/// A glossary form found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Index of the form (see `Glossary::form`).
    pub form: u32,
    /// Indices of the first and one-past-last matched token.
    pub tokens: Range<usize>,
    /// Byte range in the document.
    pub range: Range<usize>,
}

/// NFC with typographic apostrophes made straight and soft hyphens (U+00AD,
/// invisible) removed.
pub(crate) fn normalize_word(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string(); // already NFC, no soft hyphen or curly apostrophe
    }
    word.nfc()
        .filter(|&c| c != '\u{ad}')
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

/// Separator between two words, with white space runs collapsed to one space.
pub(crate) fn normalize_gap(gap: &str) -> String {
    let mut out = String::with_capacity(gap.len());
    let mut in_space = false;
    for c in gap.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(if c == '\u{2019}' { '\'' } else { c });
            in_space = false;
        }
    }
    out
}

/// Splits a glossary form into its NFC words and normalised separators.
pub(crate) fn split_form(text: &str) -> (Vec<String>, Vec<String>) {
    let mut tokens = Vec::new();
    tokenize(text, 0..text.len(), &mut tokens);
    let words = tokens
        .iter()
        .map(|t| normalize_word(&text[t.range.clone()]))
        .collect();
    let gaps = tokens
        .windows(2)
        .map(|w| normalize_gap(&text[w[0].range.end..w[1].range.start]))
        .collect();
    (words, gaps)
}

/// The tokens to match names against: `tokens`, with a word that glues a
/// lower-case Tagalog prefix to a capitalised name (`tagaMaynila`,
/// `iGoogle` is left alone: `i` needs a hyphen to count) split into the
/// prefix and the name, so the name part is judged on its own.
///
/// Borrows `tokens` when no word splits (nearly always).
pub(crate) fn name_tokens<'t>(source: &str, tokens: &'t [Token]) -> Cow<'t, [Token]> {
    let Some(first) = tokens
        .iter()
        .position(|t| split_point(&source[t.range.clone()]).is_some())
    else {
        return Cow::Borrowed(tokens);
    };
    let mut out = Vec::with_capacity(tokens.len() + 1);
    out.extend_from_slice(&tokens[..first]);
    for t in &tokens[first..] {
        match split_point(&source[t.range.clone()]) {
            Some(i) => {
                out.push(Token::new(source, t.range.start..t.range.start + i, t.kind));
                out.push(Token::new(source, t.range.start + i..t.range.end, t.kind));
            }
            None => out.push(t.clone()),
        }
    }
    Cow::Owned(out)
}

/// Where a known lower-case prefix ends and a capitalised name begins in
/// `word` (`taga|Maynila`), if it is such a word.
fn split_point(word: &str) -> Option<usize> {
    // Words with neither a capital nor a non-ASCII byte after their second
    // byte (nearly all words) cannot split.
    if !word
        .as_bytes()
        .iter()
        .skip(2)
        .any(|&b| b.is_ascii_uppercase() || b >= 0x80)
    {
        return None;
    }
    word.char_indices()
        .find(|&(_, c)| c.is_uppercase())
        .map(|(i, _)| i)
        .filter(|&i| i >= 2 && crate::lexicon::morphology::affixes::is_bound_prefix(&word[..i]))
        .filter(|&i| word[..i].chars().all(char::is_lowercase))
        .filter(|&i| word[i..].chars().skip(1).any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Glossary, find_matches};

    fn glossary(names: &[&str]) -> Glossary {
        Glossary::of_names(names)
    }

    fn found(text: &str, g: &Glossary) -> Vec<String> {
        let mut tokens = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens);
        find_matches(text, &tokens, g)
            .into_iter()
            .map(|m| text[m.range].to_string())
            .collect()
    }

    #[test]
    fn multi_word_names_across_line_breaks_and_doubled_spaces() {
        let g = glossary(&["Shanghai Pharmaceutical Holding", "Shanghai", "R&D"]);
        assert_eq!(
            found(
                "ang Shanghai\nPharmaceutical  Holding at Shanghai lang, R&D",
                &g
            ),
            ["Shanghai\nPharmaceutical  Holding", "Shanghai", "R&D"]
        );
    }

    #[test]
    fn case_nfd_and_curly_apostrophes_are_folded() {
        let g = glossary(&["Parañaque", "McDonald's"]);
        assert_eq!(
            found("sa PARAN\u{303}AQUE at mcdonald\u{2019}s", &g),
            ["PARAN\u{303}AQUE", "mcdonald\u{2019}s"]
        );
    }

    #[test]
    fn soft_hyphens_are_invisible() {
        let g = glossary(&["Department of Education"]);
        assert_eq!(
            found("ng Department of Edu\u{ad}cation", &g),
            ["Department of Edu\u{ad}cation"]
        );
    }

    #[test]
    fn prefix_glued_to_a_name_is_split_off() {
        let text = "mga tagaMaynila at taga-Maynila, hindi ang iPhone o TagaLog, \
            nakikipagGoogle, mapaCebu, paMaynila, panAsia, naiBenta";
        let mut tokens = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens);
        let words: Vec<&str> = name_tokens(text, &tokens)
            .iter()
            .map(|t| &text[t.range.clone()])
            .collect();
        assert_eq!(
            words,
            [
                "mga",
                "taga",
                "Maynila",
                "at",
                "taga",
                "Maynila",
                "hindi",
                "ang",
                "iPhone",
                "o",
                "TagaLog",
                "nakikipag",
                "Google",
                "mapa",
                "Cebu",
                "paMaynila",
                "panAsia",
                "nai",
                "Benta"
            ]
        );
    }

    #[test]
    fn separators_must_agree() {
        let g = glossary(&["R&D"]);
        assert!(found("R at D", &g).is_empty());
    }
}
