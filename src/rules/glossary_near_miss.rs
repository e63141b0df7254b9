use std::ops::Range;

use strsim::damerau_levenshtein;

use super::helpers::glossary_note as note;
use super::{Context, Reporter, Rule, declare_rule};
use crate::glossary::near::max_distance;
use crate::glossary::{Glossary, Role, normalize_gap, write_key};
use crate::text::Token;
use crate::text::tokens::{fold, starts_upper};

declare_rule! {
    /// ## What it checks
    /// A probable misspelling of a glossary name: `Innovant` for `Innovent`,
    /// `Takeda Pharmaceuticals` for `Takeda Pharmaceutical`.
    ///
    /// ## Why
    /// Machine translation "corrects" unknown names towards words it knows.
    /// Only capitalised words are considered, and only when they are not
    /// themselves a glossary word. A word of five to eight letters may differ
    /// from the name by one edit (Damerau-Levenshtein), a longer one by two;
    /// shorter words are never matched, so ordinary words are not dragged onto
    /// names. The first letter must agree. A Tagalog linker (`Maynilang`) or a
    /// possessive (`Innovent's`) is not a misspelling. For a multi-word name,
    /// the first word must be exact and the whole name within the distance.
    ///
    /// A single word at the start of a sentence or line, in a line written in
    /// capitals, or written in lower case elsewhere in the document is not
    /// considered: there the capital is no evidence of a name, and ordinary
    /// words (`Maling`, `Bagong`) sit one letter from some name in any large
    /// glossary.
    ///
    /// ## Bad
    /// ```text
    /// Nagbukas ng planta ang Innovant sa Suzhou.
    /// Ayon sa Takeda Pharmaceuticals, ligtas ang gamot.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Nagbukas ng planta ang Innovent sa Suzhou.
    /// Ayon sa Takeda Pharmaceutical, ligtas ang gamot.
    /// Maraming Maynilang bahay ang binaha.
    /// ```
    ///
    /// ## Fix
    /// Unsafe: the suggestion is a guess, applied only with `--unsafe-fixes`.
    pub struct GlossaryNearMiss {
        name: "glossary-near-miss",
        severity: Warning,
        fix: Unsafe,
        summary: "Probable misspelling of a glossary name (`Innovant` → `Innovent`)",
    }
}

impl Rule for GlossaryNearMiss {
    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let glossary = ctx.glossary;
        if glossary.is_empty() {
            return;
        }
        let names = ctx.names();
        let tokens = &names.tokens;
        // The tokens an exact match covers, sorted, each with that match:
        // (token, (first token, length)); a later match wins, as it did when
        // this was a table with an entry for every token (24 bytes a word:
        // on a 50 MB paragraph, 200 MB for a handful of names).
        let mut covered: Vec<(usize, (usize, usize))> = names
            .matches
            .iter()
            .flat_map(|m| {
                m.tokens
                    .clone()
                    .map(move |t| (t, (m.tokens.start, m.tokens.len())))
            })
            .collect();
        covered.reverse();
        covered.sort_by_key(|&(t, _)| t); // stable: the last match first
        covered.dedup_by_key(|&mut (t, _)| t);
        let mut scan = Scan {
            ctx,
            glossary,
            tokens,
            covered: &covered,
            next: std::cell::Cell::new(0),
            key: String::new(),
        };
        let mut i = 0;
        while i < tokens.len() {
            if ctx.out_of_time() {
                return;
            }
            // A word starting with an ASCII lower-case letter or digit can
            // only be a name run together (`carlzeiss`).
            let first = tokens[i].first;
            let may_be_name = !(first.is_ascii_lowercase() || first.is_ascii_digit());
            if may_be_name && let Some((len, miss)) = scan.multi_word(i) {
                miss.report(ctx, out);
                i += len;
                continue;
            }
            if scan.covering(i).is_none()
                && let Some(miss) = scan
                    .joined(i)
                    .or_else(|| may_be_name.then(|| scan.single_word(i)).flatten())
            {
                miss.report(ctx, out);
            }
            i += 1;
        }
    }
}

/// A probable misspelling: the flagged words, the glossary form they
/// resemble, and how (`looks like a misspelling of`).
struct Miss {
    range: Range<usize>,
    form: u32,
    what: &'static str,
}

impl Miss {
    fn report(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let text = &ctx.source[self.range.clone()];
        let term = ctx.glossary.term(ctx.glossary.form(self.form).term);
        let canonical = &term.canonical;
        let message = format!("`{text}` {} `{canonical}` (glossary){}", self.what, note(term));
        out.report(self.range.clone(), message)
            .replace(canonical.clone());
    }
}

/// One segment's words, with what the exact matcher already found.
struct Scan<'a, 'c> {
    ctx: &'a Context<'c>,
    glossary: &'a Glossary,
    tokens: &'a [Token],
    covered: &'a [(usize, (usize, usize))],
    /// Where in `covered` the last question was answered.
    next: std::cell::Cell<usize>,
    /// Scratch buffer for folded words: most words need no key of their own.
    key: String,
}

impl<'a> Scan<'a, '_> {
    /// The exact match covering token `i`: (first token, length).
    fn covering(&self, i: usize) -> Option<(usize, usize)> {
        // Asked mostly in increasing order: walk on from the last answer,
        // and search only when asked about an earlier token.
        let mut at = self.next.get();
        if at > 0 && self.covered[at - 1].0 >= i {
            at = self.covered.partition_point(|&(t, _)| t < i);
        }
        while self.covered.get(at).is_some_and(|&(t, _)| t < i) {
            at += 1;
        }
        self.next.set(at);
        self.covered
            .get(at)
            .filter(|&&(t, _)| t == i)
            .map(|&(_, m)| m)
    }

    fn word(&self, i: usize) -> &'a str {
        &self.ctx.source[self.tokens[i].range.clone()]
    }

    fn miss(&self, range: Range<usize>, form: u32, what: &'static str) -> Miss {
        Miss { range, form, what }
    }

    /// A multi-word name written as one word: `CarlZeiss`.
    fn joined(&mut self, i: usize) -> Option<Miss> {
        let t = &self.tokens[i];
        let form = self.glossary.joined_form_of(self.word(i), t.key)?;
        Some(self.miss(t.range.clone(), form, "lacks the spaces of"))
    }

    fn single_word(&mut self, i: usize) -> Option<Miss> {
        let word = self.word(i);
        if !starts_upper(word) || word.contains(['\'', '\u{2019}']) {
            return None;
        }
        // A capital at the start of a sentence, or in a line written in
        // capitals, is no evidence of a name: `Maling`, `Bagong`, `HULING`
        // are ordinary words one letter from some name in a big glossary.
        let start = self.tokens[i].range.start;
        if self.ctx.starts_sentence(start) {
            return None;
        }
        write_key(word, &mut self.key);
        let form = self.glossary.near_miss(&self.key)?;
        let key = &self.key;
        // Written in lower case elsewhere in the document, it is an ordinary
        // word (`bagong`, `status`), whatever name it resembles. (These scans
        // run only for the rare words that resemble a name.)
        if self.ctx.line_is_upper_case(start) || self.ctx.document_has_word(key) {
            return None;
        }
        Some(self.miss(
            self.tokens[i].range.clone(),
            form,
            "looks like a misspelling of",
        ))
    }

    /// A multi-word glossary name whose first word is exact and whose whole
    /// text is within the allowed distance: `Takeda Pharmaceuticals`.
    fn multi_word(&mut self, i: usize) -> Option<(usize, Miss)> {
        let first_word = self.word(i);
        if !self.tokens[i].case.starts_upper() {
            return None;
        }
        let candidates = self
            .glossary
            .forms_starting_with_word(first_word, self.tokens[i].key);
        if candidates.is_empty() {
            return None;
        }
        let first = Glossary::key(first_word);
        let mut best: Option<(usize, usize, u32)> = None;
        for &f in candidates {
            let form = self.glossary.form(f);
            let n = form.words.len();
            if n < 2 || i + n > self.tokens.len() || form.role == Role::Forbidden {
                continue;
            }
            // The window may only overlap a shorter exact match at its start
            // (`Takeda` of `Takeda Pharmaceuticals`).
            let clash = (i..i + n).any(|k| {
                self.covering(k)
                    .is_some_and(|(start, len)| start != i || len >= n)
            });
            if clash {
                continue;
            }
            let mut window = first.clone();
            for k in 1..n {
                let gap = &self.ctx.source
                    [self.tokens[i + k - 1].range.end..self.tokens[i + k].range.start];
                if normalize_gap(gap) != form.gaps[k - 1] {
                    window.clear();
                    break;
                }
                window.push_str(&form.gaps[k - 1]);
                window.push_str(&Glossary::key(self.word(i + k)));
            }
            if window.is_empty() {
                continue;
            }
            let target = fold(&form.text);
            let d = damerau_levenshtein(&window, &target);
            // The last word must be near its counterpart, so a different
            // following word is not taken for a misspelling.
            let last_key = Glossary::key(self.word(i + n - 1));
            let last_limit = max_distance(form.words[n - 1].chars().count()).max(1);
            let last_ok = damerau_levenshtein(&last_key, &form.words[n - 1]) <= last_limit;
            if d > 0
                && d <= max_distance(target.chars().count()).min(2)
                && last_ok
                && best.is_none_or(|b| d < b.0)
            {
                best = Some((d, n, f));
            }
        }
        let (_, n, f) = best?;
        let range = self.tokens[i].range.start..self.tokens[i + n - 1].range.end;
        Some((n, self.miss(range, f, "looks like a misspelling of")))
    }
}

#[cfg(test)]
mod tests {
    use crate::Applicability;
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::GlossaryNearMiss);

    #[test]
    fn single_word_misspelling() {
        assert_eq!(
            RULE.flagged("ang Innovant ay"),
            ["Innovant"]
        );
        let d = RULE.check("ang Innovant ay");
        assert_eq!(
            d[0].message,
            "`Innovant` looks like a misspelling of `Innovent` (glossary): Chinese biopharmaceutical company; often misspelt \"Innovant\"."
        );
        assert_eq!(d[0].suggestion.as_deref(), Some("Innovent"));
        // Unsafe: not applied by a plain --fix.
        RULE.assert_fixed("ang Innovant ay", "ang Innovant ay");
        RULE.assert_fixed_with("ang Innovant ay", "ang Innovent ay", Applicability::Unsafe);
    }

    #[test]
    fn multi_word_misspelling() {
        assert_eq!(
            RULE.flagged("ayon sa Takeda Pharmaceuticals, ligtas"),
            ["Takeda Pharmaceuticals"]
        );
        RULE.assert_fixed_with(
            "ayon sa Takeda Pharmaceuticals, ligtas",
            "ayon sa Takeda Pharmaceutical, ligtas",
            Applicability::Unsafe,
        );
    }

    #[test]
    fn names_run_together_and_prefixed_names() {
        assert_eq!(
            RULE.flagged("ang CarlZeiss na lente"),
            ["CarlZeiss"]
        );
        RULE.assert_fixed_with(
            "ang CarlZeiss na lente",
            "ang Carl Zeiss na lente",
            Applicability::Unsafe,
        );
        // Only the name part of `taga-` + name is judged and replaced.
        RULE.assert_fixed_with(
            "mga tagaMaynilla",
            "mga tagaMaynila",
            Applicability::Unsafe,
        );
        RULE.assert_fixed_with(
            "mga taga-Maynilla",
            "mga taga-Maynila",
            Applicability::Unsafe,
        );
    }

    #[test]
    fn lower_case_inside_a_longer_word_is_no_evidence() {
        // `innovants` and `xinnovant` are other words: `Innovant` is still
        // a probable misspelling.
        for text in [
            "ayon sa Innovant at innovants rito",
            "ayon sa Innovant at xinnovant rito",
        ] {
            assert_eq!(
                RULE.flagged(text),
                ["Innovant"],
                "{text}"
            );
        }
    }

    #[test]
    fn ordinary_words_affixes_and_exact_names_are_silent() {
        for text in [
            "ang Innovent ay",
            "Maraming Maynilang bahay",
            "ang Innovent's na gamot",
            "Ang Takeda ay",
            "Bahay Kubo",
            "innovant",
            "Nagmamadali ang lahat",
            "Innovant ang pangalan sa ulat.",
            "Sinabi niya: Innovant.",
            "BALITA TUNGKOL SA INNOVANT",
            "ayon sa Innovant, ang innovant ay salita rito",
            // Lower case anywhere counts, code included, as a whole word.
            "ayon sa Innovant.\n\n```\nlet innovant = 1;\n```\n",
        ] {
            RULE.assert_silent(text);
        }
    }
}
