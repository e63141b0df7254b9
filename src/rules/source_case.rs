//! What the English source of a translation says about capitals: whether
//! it is written in sentence case, and which words it capitalises only
//! because they start a sentence. A capital in the translation that the
//! source does not have was added by the translation (`Hanapin ang mga
//! Dokumento` for `Search the documentation`); one the source has on its
//! first word was copied from there (`Ang Casks ay` for `Casks are`).

use crate::text::tokens::{fold, is_word_char};

/// The words of a source text, markup, placeholders, code and addresses
/// left out, each with whether it starts a sentence (or a line).
pub fn source_words(source: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut starts = true;
    let mut skip_until: Option<char> = None;
    let mut word_start: Option<usize> = None;
    let bytes = source.as_bytes();
    for (i, c) in source.char_indices() {
        if let Some(close) = skip_until {
            if c == close {
                skip_until = None;
            }
            continue;
        }
        let in_word = is_word_char(c) || (word_start.is_some() && matches!(c, '\'' | '\u{2019}'));
        if in_word {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(from) = word_start.take() {
            push_word(&source[from..i], &mut out, &mut starts);
        }
        match c {
            '<' => skip_until = Some('>'),
            // A character reference (`&amp;`, `&#33;`) is no word and its
            // `;` ends no sentence.
            '&' if is_entity(&source[i + 1..]) => skip_until = Some(';'),
            '{' => skip_until = Some('}'),
            '`' => skip_until = Some('`'),
            // A link target or an address: up to the next blank.
            '(' if i > 0 && bytes[i - 1] == b']' => skip_until = Some(')'),
            ':' if source[i..].starts_with("://") => {
                out.pop(); // the scheme
                skip_until = Some(' ');
            }
            '.' | '!' | '?' | ':' | ';' => starts = true,
            // A new line starts a sentence when it starts a paragraph or
            // an item; a wrapped line goes on.
            '\n' => starts |= new_block(&source[i + 1..]),
            _ => {}
        }
    }
    if let Some(from) = word_start {
        push_word(&source[from..], &mut out, &mut starts);
    }
    out
}

/// Whether `rest` (after a `&`) is the rest of a character reference:
/// letters or `#` and digits, then `;`.
fn is_entity(rest: &str) -> bool {
    rest.find(';').is_some_and(|end| {
        let name = &rest[..end];
        (1..=10).contains(&name.len())
            && name
                .strip_prefix('#')
                .map_or(name.chars().all(|c| c.is_ascii_alphanumeric()), |n| {
                    !n.is_empty() && n.chars().all(|c| c.is_ascii_hexdigit() || c == 'x')
                })
    })
}

/// Whether the line `rest` starts a new block: a blank line, or a list
/// item, quote or heading.
fn new_block(rest: &str) -> bool {
    let line = rest.trim_start_matches([' ', '\t']);
    let mut chars = line.chars();
    match chars.next() {
        None | Some('\n' | '\r' | '#' | '>' | '|') => true,
        Some('-' | '*' | '+') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => line
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['.', ')']),
        _ => false,
    }
}

fn push_word<'s>(word: &'s str, out: &mut Vec<(bool, &'s str)>, starts: &mut bool) {
    let w = word.trim_end_matches(['\'', '\u{2019}']);
    if !w.is_empty() {
        out.push((*starts, w));
        *starts = false;
    }
}

/// A word capitalised as a title or a name is (`Policy`, `Homebrew`): a
/// capital, then lower case only (no acronym, no `iPhone`).
fn title_cased(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(|c| !c.is_uppercase())
}

/// Whether `source` is in sentence case: it writes a word inside a
/// sentence in lower case (a one-word label shows no style), and every
/// word it capitalises inside a sentence is a name, one the translation
/// `target` keeps as written (`Homebrew`, `Ubuntu`). A capitalised word
/// the translation translated (`Cookies Policy` → `Patakaran sa Cookies`)
/// shows a title in capitals.
pub fn is_sentence_case(source: &str, target: &str) -> bool {
    let target_words: Vec<String> = source_words(target)
        .into_iter()
        .map(|(_, w)| fold(w))
        .collect();
    let words = source_words(source);
    let inside = || words.iter().filter(|&&(starts, _)| !starts);
    inside().any(|&(_, w)| w.starts_with(char::is_lowercase))
        && inside()
            .filter(|&&(_, w)| title_cased(w))
            .all(|&(_, w)| target_words.contains(&fold(w)))
}

/// Whether the capital of `lower` (lower-case) in a translation was copied
/// from the start of a sentence of `source`: a sentence of the source in
/// sentence case ([`is_sentence_case`], names being words kept in
/// `target`) starts with the word, and the source never capitalises it
/// alone inside a sentence, as it would a name (`Add Connect alongside`;
/// inside a title, `Acceptable Formulae`, it proves nothing).
pub fn capital_copied_from_start(source: &str, target: &str, lower: &str) -> bool {
    let words = source_words(source);
    let target_words: Vec<String> = source_words(target)
        .into_iter()
        .map(|(_, w)| fold(w))
        .collect();
    let kept = |w: &str| target_words.contains(&fold(w));
    let mut starts_one = false;
    for (k, &(starts, w)) in words.iter().enumerate() {
        if fold(w) != lower || !title_cased(w) {
            continue;
        }
        if starts {
            // The sentence it starts: no title in it.
            let end = words[k + 1..]
                .iter()
                .position(|&(s, _)| s)
                .map_or(words.len(), |e| k + 1 + e);
            starts_one |= words[k + 1..end]
                .iter()
                .all(|&(_, w)| !title_cased(w) || kept(w));
            continue;
        }
        let capital = |i: Option<&(bool, &str)>| i.is_some_and(|&(s, w)| !s && title_cased(w));
        let in_run = capital(words.get(k + 1)) || (k > 0 && capital(words.get(k - 1)));
        if !in_run {
            return false;
        }
    }
    starts_one
}

/// Whether `lower` (lower-case) is a word of `source` in any case.
pub fn has_word(source: &str, lower: &str) -> bool {
    source_words(source)
        .into_iter()
        .any(|(_, w)| fold(w) == lower)
}

/// How many sentences `source` has (a line counts as one).
pub fn sentences(source: &str) -> usize {
    source_words(source)
        .into_iter()
        .filter(|&(starts, _)| starts)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_without_markup_with_sentence_starts() {
        let words = source_words(
            "Read <a href=\"https://x.io/a\">the Guide</a> for {count} files. \
             See [docs](https://y.io/b) or `brew help`: Done",
        );
        assert_eq!(
            words,
            [
                (true, "Read"),
                (false, "the"),
                (false, "Guide"),
                (false, "for"),
                (false, "files"),
                (true, "See"),
                (false, "docs"),
                (false, "or"),
                (true, "Done"),
            ]
        );
        assert_eq!(sentences("One. Two!\n- Three"), 3);
        // A wrapped line goes on; a list item or a blank line does not.
        assert_eq!(sentences("One two\nthree Four\n\nFive\n- Six"), 3);
    }

    #[test]
    fn sentence_case_keeps_names_and_translates_words() {
        assert!(is_sentence_case(
            "Search the documentation",
            "Hanapin ang dokumentasyon"
        ));
        assert!(is_sentence_case(
            "Install Nginx on Debian servers.",
            "I-install ang Nginx sa mga server ng Debian."
        ));
        assert!(is_sentence_case(
            "Back up the NAS and your iPhone",
            "I-back up ang NAS"
        ));
        assert!(!is_sentence_case(
            "Read the Privacy Notice",
            "Basahin ang Paunawa sa Privacy"
        ));
        // One word shows no style.
        assert!(!is_sentence_case("Tags", "Mga Tag"));
    }

    #[test]
    fn words_at_sentence_starts_and_in_lower_case() {
        let s = "Plugins extend the editor. Some plugins are slow.";
        let t = "Ang Plugins ay nagpapalawak ng editor.";
        assert!(capital_copied_from_start(s, t, "plugins"));
        assert!(!capital_copied_from_start(s, t, "editor"));
        // Used as a name alone inside a sentence: no copy.
        let named = "Widgets help. Add Widgets to the bar.";
        assert!(!capital_copied_from_start(named, "", "widgets"));
        // Inside a title it proves nothing; a title starting with it is
        // no sentence.
        let titled = "Widgets help. See the Fancy Widgets page.";
        assert!(capital_copied_from_start(titled, "", "widgets"));
        assert!(!capital_copied_from_start(
            "Widget Settings",
            "Mga Setting ng Widget",
            "widget"
        ));
        assert!(has_word(s, "some") && !has_word(s, "slower"));
    }
}
