use std::ops::Range;

use strsim::damerau_levenshtein;

use super::{Reporter, Rule, UnitContext, declare_rule};
use crate::glossary::{Glossary, Term, find_matches, scan};
use super::kept_terms::{lost_terms, where_term_went};
use crate::input::{Document, Unit, UnitKind};
use crate::text::tokens::fold;
use crate::text::{Token, tokenize};

declare_rule! {
    /// ## What it checks
    /// A glossary name that the source has and the translation lost: none
    /// of the term's accepted forms (canonical, variants, also with a
    /// Tagalog prefix such as `taga-` or `i-`) is in the translation. The
    /// source has the term when it holds one of the term's `source` forms,
    /// or one of its accepted forms (a name written the same in both
    /// languages, as most names are). A form another term lists as its
    /// `source` may be translated by that term (`Department of Health` →
    /// `Kagawaran ng Kalusugan`).
    ///
    /// The finding points at the word the name probably became when there
    /// is one: a misspelling or a scrambled short name (`WAS` for `AWS`), a
    /// piece of it (`EDDGrid` of `EDDGridFromNcFiles`), the name respelt as
    /// Filipino spells a loan (`Yutubong` for `YouTube`), or the word that
    /// took its place at the start of a one-sentence value; otherwise at
    /// the whole translation. When the translation has the name, but fewer
    /// times than the source, the finding points at the sentence that lost
    /// it when the sentences pair up, and else at the words that resemble
    /// the name.
    ///
    /// The translation's own terms count too: an English word of the source
    /// that the translation keeps unchanged at least twice, in half of the
    /// places the source has it or more (`tickets` in a ticket policy), is
    /// a term; a unit whose source has it more often than its translation
    /// lost it there. The finding points at a word one edit from the term
    /// that is no Filipino word (`Tikcets`), or at a short title or numbered
    /// line (`2. Mga Uri ng Palatandaan` for `2. Types of Tickets`); a long
    /// sentence that lost it gives no place to point at and is not flagged.
    ///
    /// Only for translations whose source is known (a `--source` pair, PO,
    /// XLIFF).
    ///
    /// ## Why
    /// Machine translation paraphrases, translates or drops names and fixed
    /// terms (`Department of Health` → `Kagawaran`; a brand translated as
    /// the word it resembles), which a monolingual check cannot see.
    ///
    /// ## Bad
    /// ```text
    /// The Department of Health announced it. → Inanunsyo ito ng Kagawaran.
    /// GlaxoSmithKline opened a plant. → Nagbukas ng planta ang kumpanya.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// The Department of Health announced it. → Inanunsyo ito ng Kagawaran ng Kalusugan.
    /// We flew to Manila. → Lumipad kami papuntang Maynila.
    /// GlaxoSmithKline opened a plant. → Nagbukas ng planta ang GlaxoSmithKline.
    /// ```
    pub struct GlossaryMissing {
        name: "glossary-missing",
        severity: Warning,
        fix: None,
        summary: "A glossary term of the source missing from the translation",
    }
}

impl Rule for GlossaryMissing {
    fn check_document(&self, doc: &Document, glossary: &Glossary, out: &mut Reporter<'_>) {
        report_lost_kept_terms(glossary, doc, out);
    }

    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let Some(source) = ctx.translated_source() else {
            return;
        };
        let found = terms_in_source(ctx.glossary, source);
        if found.is_empty() {
            return;
        }
        let target = ctx.target.as_str();
        let whole = collapsed(target);
        let sentences = aligned_sentences(source, target);
        for (term, form, count) in found {
            let message = format!(
                "the source has `{form}`, but the translation lacks `{}` (glossary)",
                term.canonical
            );
            if !translated(ctx.glossary, term, form, &whole) {
                // A whole article is too broad a place to point at.
                let span = match where_it_went(ctx, source, 0..target.len(), term, form) {
                    Some(range) => ctx.span(range),
                    None if ctx.unit.kind != UnitKind::Document => ctx.value_span(),
                    None => continue,
                };
                out.report(span, message).suggest(term.canonical.clone());
                continue;
            }
            // There, but fewer times than in the source: the sentence that
            // lost it, when the sentences pair up.
            if occurrences(term, &whole) >= count {
                continue;
            }
            if sentences.is_empty() {
                // Sentences that do not pair up: the words that resemble
                // the name stand for the lost ones.
                for range in resembling_words(target, 0..target.len(), form) {
                    out.report(ctx.span(range), message.clone())
                        .suggest(term.canonical.clone());
                }
                continue;
            }
            for (s, t) in &sentences {
                let part = &source[s.clone()];
                if !has_words(&part.to_lowercase(), &form.to_lowercase())
                    || translated(ctx.glossary, term, form, &collapsed(&target[t.clone()]))
                {
                    continue;
                }
                let span = match where_it_went(ctx, part, t.clone(), term, form) {
                    Some(range) => range,
                    None if ctx.unit.kind != UnitKind::Document => t.clone(),
                    None => continue,
                };
                out.report(ctx.span(span), message.clone())
                    .suggest(term.canonical.clone());
            }
        }
    }
}

/// The terms the translation keeps from the source but lost in places
/// ([`kept_terms`](super::kept_terms)), counted over the document's units
/// (fuzzy ones and ones left as their source aside), unless the term is a
/// glossary word (`Connect` of `MediaMTX Connect`: the glossary's checks
/// speak for names).
fn report_lost_kept_terms(glossary: &Glossary, doc: &Document, out: &mut Reporter<'_>) {
    let units: Vec<(&Unit, String, &str)> = doc
        .units
        .iter()
        .filter(|u| !u.fuzzy && !u.is_empty())
        .filter_map(|u| Some((u, u.text(&doc.text), u.source.as_deref()?)))
        .filter(|(_, target, source)| target.trim() != source.trim())
        .collect();
    let pairs = units.iter().map(|(_, target, source)| (*source, target.as_str()));
    for term in lost_terms(pairs) {
        if glossary.accepts(&term.written) || glossary.word_ids().get_folded(&term.key).is_some() {
            continue;
        }
        let message = format!(
            "the source has `{}`, which the translation keeps elsewhere but not here",
            term.written
        );
        for (unit, target, source) in &units {
            for (range, word) in where_term_went(source, target, &term) {
                let finding = out.report(unit.file_range(range), message.clone());
                if let Some(word) = word {
                    finding.suggest(word);
                }
            }
        }
    }
}

/// `text` in lower case with its white space collapsed (a name wrapped over
/// two lines of a YAML value is still the name).
fn collapsed(text: &str) -> String {
    text.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many times `text` (see [`collapsed`]) has an accepted form of
/// `term` as whole words.
fn occurrences(term: &Term, text: &str) -> usize {
    term.forms()
        .map(|f| count_words(text, &f.to_lowercase()))
        .max()
        .unwrap_or(0)
}

/// The sentences of `source` and `target` paired in order, when both have
/// the same number of them (two or more); otherwise none.
fn aligned_sentences(source: &str, target: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let (s, t) = (sentences(source), sentences(target));
    if s.len() < 2 || s.len() != t.len() {
        return Vec::new();
    }
    s.into_iter().zip(t).collect()
}

/// The sentences of `text`: ended by `.`, `!` or `?` (and closing quotes or
/// brackets) before blanks and a capital or digit, or by a blank line.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end_mark = matches!(bytes[i], b'.' | b'!' | b'?');
        let blank_line = bytes[i] == b'\n' && text[i + 1..].trim_start_matches([' ', '\t']).starts_with('\n');
        if end_mark || blank_line {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            let rest = &text[j..];
            let next = rest.trim_start();
            let starts = next
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if next.len() < rest.len() && (starts || blank_line) {
                if !text[start..j].trim().is_empty() {
                    out.push(start..j);
                }
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

/// The terms the source has, each once with the form it has and how many
/// times: a term whose `source` form is there, or a name written there as
/// the glossary writes it, with its capitals (a lower-case `homebrew` in a
/// path is no mention of `Homebrew`), unless some term translates that
/// name (lists it as its `source`). Names are found by the glossary's scan
/// of the source's words, so the cost does not grow with the glossary.
fn terms_in_source<'g>(glossary: &'g Glossary, source: &str) -> Vec<(&'g Term, &'g str, usize)> {
    let lower = source.to_lowercase();
    let mut out: Vec<(&Term, &str, usize)> = glossary
        .terms_with_source()
        .filter_map(|t| {
            t.source.iter().find_map(|f| {
                let n = count_words(&lower, &f.to_lowercase());
                (!f.is_empty() && n > 0).then_some((t, f.as_str(), n))
            })
        })
        .collect();
    let mut words = Vec::new();
    tokenize(source, 0..source.len(), &mut words);
    for m in find_matches(source, &words, glossary) {
        let form = glossary.form(m.form);
        let written = &source[m.range.clone()];
        let capitals_kept = !form.text.chars().any(char::is_uppercase)
            || written.chars().any(char::is_uppercase);
        let term = glossary.term(form.term);
        let text = form.text;
        if !form.is_accepted() || !capitals_kept || has_translation(glossary, text) {
            continue;
        }
        match out.iter_mut().find(|(t, _, _)| std::ptr::eq(*t, term)) {
            Some(seen) => seen.2 += 1,
            None => out.push((term, text, 1)),
        }
    }
    out
}

/// Whether the translation (lower case) has `term` in an accepted form, or
/// the source form itself when some term accepts it (an English name kept
/// in the Filipino text), or a term that lists `form` as its source (a
/// translation of the name).
fn translated(glossary: &Glossary, term: &Term, form: &str, target: &str) -> bool {
    let accepted = |t: &Term| t.forms().any(|a| target.contains(&a.to_lowercase()));
    accepted(term)
        || target.contains(&form.to_lowercase()) && glossary.accepts(form)
        || glossary
            .terms_with_source()
            .any(|t| t.source.iter().any(|s| s.eq_ignore_ascii_case(form)) && accepted(t))
}

/// Whether some term lists `form` as its source: that term (the name's
/// translation) is the one to ask for when the name is missing.
fn has_translation(glossary: &Glossary, form: &str) -> bool {
    glossary
        .terms_with_source()
        .any(|t| t.source.iter().any(|s| s.eq_ignore_ascii_case(form)))
}

/// How many times `needle` is in `hay` as whole words.
fn count_words(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    hay.match_indices(needle)
        .filter(|&(start, _)| {
            let before = hay[..start].chars().next_back();
            let after = hay[start + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

fn has_words(hay: &str, needle: &str) -> bool {
    count_words(hay, needle) > 0
}

/// The word of the translation (a byte range of [`UnitContext::target`])
/// that `form` of the source (a form of `term`) probably became, if one
/// stands out: a broken form of the term that the glossary's scan finds
/// (`GitHub Sponsor`, `isangfrowave`), a scrambled or misspelt one-word
/// name (`WAS` for `AWS`), a piece of a name in camel case (`EDDGrid`), or
/// the word that took its place ([`took_its_place`]).
fn where_it_went(
    ctx: &UnitContext<'_>,
    source: &str,
    within: Range<usize>,
    term: &Term,
    form: &str,
) -> Option<Range<usize>> {
    let target = ctx.target.as_str();
    let glossary = ctx.glossary;
    let mut words = Vec::new();
    tokenize(target, within.clone(), &mut words);
    let broken = scan(target, &words, glossary)
        .near
        .into_iter()
        .find(|n| std::ptr::eq(glossary.term(glossary.form(n.form).term), term));
    if let Some(near) = broken {
        return Some(near.range);
    }
    if let Some(t) = words.iter().find(|t| resembles(target, t, form)) {
        return Some(t.range.clone());
    }
    took_its_place(source, form, &target[within.clone()], within.start, &words)
}

/// The words of `target[within]` that resemble the one-word name `form`
/// ([`resembles`]), not the name itself.
fn resembling_words(target: &str, within: Range<usize>, form: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    tokenize(target, within, &mut words);
    words
        .iter()
        .filter(|t| resembles(target, t, form))
        .map(|t| t.range.clone())
        .collect()
}

/// Whether word `t` of `target` is the one-word name `form` broken:
/// scrambled (`WAS` for `AWS`), misspelt by one edit, a piece of it in
/// camel case (`EDDGrid`), or respelt the Filipino way ([`respelt`]).
fn resembles(target: &str, t: &Token, form: &str) -> bool {
    let one_word = !form.contains(|c: char| !c.is_alphanumeric());
    let word = fold(&target[t.range.clone()]);
    let name = fold(form);
    let n = word.chars().count();
    if !one_word || n < 3 || word == name {
        return false;
    }
    let scrambled = n == name.chars().count() && same_letters(&word, &name);
    let misspelt = n >= 4 && damerau_levenshtein(&word, &name) <= 1;
    let piece = n >= 4 && name.starts_with(&word) && t.case.has_inner_upper();
    scrambled || misspelt || piece || respelt(&word, &name)
}

/// Whether `word` is the name `name` (both folded) written as Filipino
/// spells a loan: the same consonants in the same order once vowels are
/// added or changed, `y` read as a vowel, `c`/`q` as `k`, `f`/`ph` as `p`,
/// `v` as `b`, `z` as `s`, `x` as `ks`, with the linker `-ng` after it
/// (`drimtekong` for `Drymtek`). Three consonants at least, so that a
/// short name does not match half the dictionary.
fn respelt(word: &str, name: &str) -> bool {
    let stem = match word.strip_suffix("ng") {
        Some(s) if s.ends_with(['a', 'e', 'i', 'o', 'u']) => s,
        _ => word,
    };
    let (a, b) = (consonants(stem), consonants(name));
    a.len() >= 3 && a == b && stem != name
}

/// The consonants of `word` (folded) as [`respelt`] reads them, doubled
/// ones once; none when the word holds other than ASCII letters.
fn consonants(word: &str) -> Vec<u8> {
    let bytes = word.as_bytes();
    if !bytes.iter().all(u8::is_ascii_lowercase) {
        return Vec::new();
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut out: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        let sound = match c {
            b'p' if next == Some(b'h') => {
                i += 1;
                Some(b'p')
            }
            b'y' if !next.is_some_and(vowel) => None,
            b'c' | b'q' => Some(b'k'),
            b'f' => Some(b'p'),
            b'v' => Some(b'b'),
            b'z' => Some(b's'),
            b'x' => {
                if out.last() != Some(&b'k') {
                    out.push(b'k');
                }
                Some(b's')
            }
            c if vowel(c) => None,
            c => Some(c),
        };
        if let Some(s) = sound
            && out.last() != Some(&s)
        {
            out.push(s);
        }
        i += 1;
    }
    out
}

/// `a` and `b` hold the same letters (`was`, `aws`).
fn same_letters(a: &str, b: &str) -> bool {
    let sorted = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    sorted(a) == sorted(b)
}

/// In a one-sentence value whose source starts with the name
/// (`Afrowave operates...`), the capitalised word that starts the
/// translation after its article (`Ang Aprikano ay...`): the name
/// translated as the word it resembles.
fn took_its_place(
    source: &str,
    form: &str,
    target: &str,
    base: usize,
    words: &[Token],
) -> Option<Range<usize>> {
    let one_sentence = |s: &str| {
        let s = s.trim().trim_end_matches(['.', '!', '?']);
        !s.contains(['.', '!', '?', '\n'])
    };
    if !(source.trim_start().starts_with(form) && one_sentence(source) && one_sentence(target)) {
        return None;
    }
    let first = words
        .iter()
        .take(3)
        .find(|t| !(t.class.is_function_word() || t.class.is_filipino_marker()))?;
    (first.case.starts_upper() && first.range.start - base <= 8).then(|| first.range.clone())
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::GlossaryMissing);

    #[test]
    fn missing_term_and_accepted_forms() {
        assert_eq!(
            RULE.pair_findings("The Department of Health said.", "Sinabi ng Kagawaran."),
            [(
                "Sinabi ng Kagawaran.".to_string(),
                "the source has `Department of Health`, but the translation lacks `Kagawaran ng Kalusugan` (glossary)".to_string(),
                None
            )]
        );
        for target in [
            "Sinabi ng Kagawaran ng Kalusugan.",
            "Sinabi ng Department of Health.",
            "Mga taga-Maynila at taga-Manila.",
        ] {
            let source = if target.contains("Maynila") {
                "People of Manila."
            } else {
                "The Department of Health said."
            };
            assert!(
                RULE.pair_findings(source, target).is_empty(),
                "{target}"
            );
        }
        assert!(RULE.pair_findings("Manilason is not a word.", "Wala.").is_empty());
    }

    #[test]
    fn a_name_of_the_source_lost_in_the_translation() {
        // The name itself, written the same in both languages.
        let found = RULE.pair_findings(
            "We thank GlaxoSmithKline and our partners for the grant.",
            "Nagpapasalamat kami sa kumpanya at sa aming mga katuwang.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].1,
            "the source has `GlaxoSmithKline`, but the translation lacks `GlaxoSmithKline` (glossary)"
        );
        assert_eq!(
            found[0].0,
            "Nagpapasalamat kami sa kumpanya at sa aming mga katuwang."
        );
        // Kept, or in lower case in a path of the source: nothing to say.
        for (source, target) in [
            ("Ask GlaxoSmithKline today.", "Tanungin ang GlaxoSmithKline ngayon."),
            ("See glaxosmithkline/docs here.", "Tingnan dito."),
        ] {
            assert!(RULE.pair_findings(source, target).is_empty(), "{target}");
        }
    }

    #[test]
    fn the_finding_points_at_what_the_name_became() {
        let flagged = |source: &str, target: &str| -> Vec<String> {
            RULE.pair_findings(source, target)
                .into_iter()
                .map(|f| f.0)
                .collect()
        };
        // Scrambled, misspelt, or a piece of it.
        assert_eq!(
            flagged("Ask the DOST today.", "Tanungin ang DSOT ngayon, at ang iba pa."),
            ["DSOT"]
        );
        assert_eq!(
            flagged("GlaxoSmithKline said so.", "Sinabi ng GlaxoSmithKlin iyon."),
            ["GlaxoSmithKlin"]
        );
        assert_eq!(
            flagged("GlaxoSmithKline said so.", "Sinabi ng GlaxoSmith Ang iyon."),
            ["GlaxoSmith"]
        );
        // A multi-word name broken in the translation.
        assert_eq!(
            flagged(
                "The Philippine Health Insurance Corporation paid.",
                "Nagbayad ang Philippine Health Insurance Corporaton."
            ),
            ["Philippine Health Insurance Corporaton"]
        );
        // Wrapped over two lines, it is still there.
        assert!(
            flagged(
                "The Philippine Health Insurance Corporation paid.",
                "Nagbayad ang Philippine Health\n    Insurance Corporation."
            )
            .is_empty()
        );
        // A sentence that lost it, in a paragraph that still has it.
        assert_eq!(
            flagged(
                "GlaxoSmithKline opened a plant. It hired people. Then GlaxoSmithKline left.",
                "Ang Glakso ay nagbukas ng planta. Kumuha ito ng mga tao. Umalis ang GlaxoSmithKline."
            ),
            ["Glakso"]
        );
        // Respelt as a Filipino loan, with the linker.
        assert_eq!(
            flagged("Upload it to YouTube.", "I-upload ito sa Yutubong site."),
            ["Yutubong"]
        );
        // Kept once, lost once, in sentences that do not pair up.
        assert_eq!(
            flagged(
                "Watch YouTube. It is free. Share YouTube videos.",
                "Manood ng YouTube. Libre ito, ibahagi ang mga video ng Yutubo."
            ),
            ["Yutubo"]
        );
        // Translated at the start of a one-sentence value.
        assert_eq!(
            flagged("GlaxoSmithKline opened a plant.", "Ang Glakso ay nagbukas ng planta."),
            ["Glakso"]
        );
    }

    #[test]
    fn a_term_the_translation_keeps_elsewhere() {
        let source = r#"{"a": "Tickets", "b": "Buy tickets. Keep tickets.", "c": "Sell tikets and tickets", "d": "Tickets"}"#;
        let target = r#"{"a": "Mga Palatandaan", "b": "Bumili ng tickets. Itago ang tickets.", "c": "Magbenta ng tikets at tickets", "d": "Tickets"}"#;
        let found = RULE.pair_findings(source, target);
        let flagged: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(flagged, ["Mga Palatandaan"]);
        assert_eq!(
            found[0].1,
            "the source has `Tickets`, which the translation keeps elsewhere but not here"
        );
    }

    #[test]
    fn a_name_respelt_as_a_filipino_loan() {
        use super::respelt;
        for (word, name) in [
            ("drimtekong", "drymtek"),
            ("kindel", "kyndel"),
            ("dromteko", "dromtek"),
            ("pilekso", "philex"),
            ("bilog", "blog"),
        ] {
            assert!(respelt(word, name), "{word} ~ {name}");
        }
        for (word, name) in [
            ("drimta", "drymtek"),
            ("dromtek", "dromtek"),
            ("bago", "bg"),
            ("larawan", "lrwnx"),
            ("ñandu", "nand"),
        ] {
            assert!(!respelt(word, name), "{word} !~ {name}");
        }
    }
}
