//! Candidates of the three rules in one document, each with the model's
//! verdict (see `morphology_eval.rs`).

use std::collections::HashMap;

use salin::Document;
use salin::lexicon::morphology::{Confidence, Morphology, Ordinary, Spacing};
use salin::lexicon::{frequency, is_filipino_marker};
use salin::text::{Token, tokenize};
use strsim::damerau_levenshtein;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Hyphen,
    Capital,
    Glossary,
}

impl Class {
    pub fn name(self) -> &'static str {
        match self {
            Class::Hyphen => "hyphen",
            Class::Capital => "capital",
            Class::Glossary => "glossary",
        }
    }
}

/// What the model would do with a candidate. `Probable` and `Certain`
/// would be findings (an unsafe and a safe fix); the rest would not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// The gold item produced no candidate at all.
    NoCandidate,
    /// Explained as innocent (a dash, a name, an ordinary word).
    Leave,
    Possible,
    Probable,
    Certain,
}

impl Verdict {
    pub fn flags(self) -> bool {
        self >= Verdict::Probable
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::NoCandidate => "no-candidate",
            Verdict::Leave => "leave",
            Verdict::Possible => "possible",
            Verdict::Probable => "FLAG-probable",
            Verdict::Certain => "FLAG-certain",
        }
    }

    fn from(c: Confidence) -> Self {
        match c {
            Confidence::Possible => Verdict::Possible,
            Confidence::Probable => Verdict::Probable,
            Confidence::Certain => Verdict::Certain,
        }
    }
}

pub struct Candidate {
    pub class: Class,
    /// 1-based line and column (in characters) of the start.
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub verdict: Verdict,
    pub detail: String,
}

pub struct Context<'m> {
    morphology: &'m Morphology<'m>,
    /// Single-word glossary forms by their lower-case key.
    names: HashMap<String, Vec<String>>,
}

/// Personal articles: a capitalised word after them is a name.
const NAME_ARTICLES: &[&str] = &["kay", "kina", "ni", "nina", "si", "sina"];

/// Pronouns that religious writing capitalises for God (`ang Kanyang mga
/// gawa`).
const PRONOUNS: &[&str] = &[
    "iyo", "iyong", "ikaw", "kanya", "kaniya", "kanyang", "kaniyang", "niya", "siya", "ka", "mo",
];

/// Lower-case words inside names (`Pamantasan ng Lungsod ng Maynila`).
const NAME_JOINERS: &[&str] = &["de", "del", "ng", "of", "sa", "y"];

/// Filipino function words that MT capitalises (the class the rule checks
/// today).
const FUNCTION_WORDS: &[&str] = &["Ang", "At", "Ay", "Mga", "Na", "Nang", "Ng", "Sa"];

fn blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}')
}

impl<'m> Context<'m> {
    pub fn new(morphology: &'m Morphology<'m>, forms: &[String]) -> Self {
        let mut names: HashMap<String, Vec<String>> = HashMap::new();
        for f in forms
            .iter()
            .filter(|f| !f.contains(' ') && f.chars().count() >= 3)
        {
            names.entry(f.to_lowercase()).or_default().push(f.clone());
        }
        Context { morphology, names }
    }

    pub fn candidates(&self, doc: &Document) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut tokens = Vec::new();
        for (index, seg) in doc.segments.iter().enumerate() {
            tokens.clear();
            tokenize(&doc.text, seg.range.clone(), &mut tokens);
            let source = doc.unit_of(index).and_then(|u| u.source.as_deref());
            let s = Segment {
                text: &doc.text,
                tokens: &tokens,
                source_sentence_case: source.map(|src| self.sentence_case(src)),
            };
            for i in 0..tokens.len() {
                if let Some(c) = self.hyphen(&s, i) {
                    out.push(c);
                }
                if let Some(c) = self.capital(&s, i) {
                    out.push(c);
                }
                if let Some(c) = self.glossary(&s, i) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// The English source capitalises no word but its first, acronyms and
    /// glossary names: so a capital inside the translation is no title case
    /// copied from it.
    fn sentence_case(&self, source: &str) -> bool {
        // Drop markup (`<a href="...">`) and placeholders (`{name}`).
        let mut plain = String::new();
        let mut depth = 0;
        for c in source.chars() {
            match c {
                '<' | '{' => depth += 1,
                '>' | '}' => depth = (depth - 1).max(0),
                _ if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        let mut first = true;
        for sentence in plain.split(['.', '!', '?', ':', '\n']) {
            for w in sentence
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                let capital =
                    w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase);
                if capital && !first && !self.names.contains_key(&w.to_lowercase()) {
                    return false;
                }
                first = false;
            }
            first = true;
        }
        true
    }

    fn hyphen(&self, s: &Segment<'_>, i: usize) -> Option<Candidate> {
        let n = s.tokens.len();
        if i + 1 >= n || s.code_like_before(i) {
            return None;
        }
        let gap = s.gap(i);
        let (spacing, right_end) = if gap == " " && i + 2 < n && s.gap(i + 1) == "-" {
            (Spacing::Plain, i + 2)
        } else {
            let (before, after) = gap.split_once('-')?;
            if !before.chars().all(blank) || !after.chars().all(blank) || after.contains('-') {
                return None;
            }
            let spacing = match (before.is_empty(), after.is_empty()) {
                (false, true) => Spacing::Before,
                (true, false) => Spacing::After,
                (false, false) => Spacing::Both,
                (true, true) => return None,
            };
            // A right side hyphenated itself (`mag - i-install`) is read whole.
            let end = if i + 2 < n && s.gap(i + 1) == "-" {
                i + 2
            } else {
                i + 1
            };
            (spacing, end)
        };
        let left = s.word(i);
        let right = &s.text[s.tokens[i + 1].range.start..s.tokens[right_end].range.end];
        let join = self.morphology.explain_hyphen(left, right, spacing);
        if spacing == Spacing::Plain && join.is_none() {
            return None;
        }
        let (verdict, detail) = match join {
            None => (Verdict::Leave, "unexplained (dash?)".to_string()),
            Some(j) => (
                Verdict::from(j.confidence),
                format!(
                    "{:?} → {}{}",
                    j.kind,
                    j.joined,
                    j.standard.map_or(String::new(), |s| format!(" (KWF: {s})"))
                ),
            ),
        };
        Some(s.candidate(Class::Hyphen, i, right_end, verdict, detail))
    }

    /// A capitalised word inside a sentence: after a word, with nothing but
    /// blanks, a comma or one line break between them.
    fn mid_sentence(&self, s: &Segment<'_>, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let w = s.word(i);
        let mut chars = w.chars();
        let starts_upper = chars.next().is_some_and(char::is_uppercase);
        let gap = s.gap(i - 1);
        starts_upper
            && chars.any(char::is_lowercase)
            && gap
                .chars()
                .all(|c| blank(c) || matches!(c, ',' | '\n' | '™' | '®' | '©'))
            && gap.matches('\n').count() <= 1
            && !s.code_like_before(i - 1)
    }

    fn capital(&self, s: &Segment<'_>, i: usize) -> Option<Candidate> {
        if !self.mid_sentence(s, i) {
            return None;
        }
        let w = s.word(i);
        let prev = s.word(i - 1);
        let next =
            (i + 1 < s.tokens.len() && matches!(s.gap(i), " " | ", ")).then(|| s.word(i + 1));
        let next_lower = next.is_some_and(|n| n.starts_with(char::is_lowercase));
        // A capitalised word before it, unless that word begins the
        // sentence (`Mas Bagong mga`) or is an acronym (`ERDDAP Ang`).
        let prev_upper = prev.starts_with(char::is_uppercase)
            && prev.chars().any(char::is_lowercase)
            && s.first_word() != Some(i - 1);
        let lower = w.to_lowercase();
        let leave = |why: &str| Some(s.candidate(Class::Capital, i, i, Verdict::Leave, why.into()));
        if self.names.contains_key(&lower) {
            return leave("a glossary name");
        }
        if NAME_ARTICLES.contains(&prev.to_lowercase().as_str()) {
            return leave("after a personal article");
        }
        if next.is_some_and(|n| n.starts_with(char::is_uppercase)) {
            return leave("in a capitalised run");
        }
        if prev_upper && !is_filipino_marker(&prev.to_lowercase()) {
            return leave("after a capitalised word");
        }
        // Title case and labels are excused, unless the English source is
        // in sentence case (then the capital was not copied from it).
        let excused = s.source_sentence_case != Some(true);
        if excused && s.title_case() {
            return leave("a string in title case");
        }
        if s.all_capitalised_before(i) {
            return leave("after a run-in byline or heading: the sentence boundary is uncertain");
        }
        if s.capitals_after_lower_case(i) >= 3 {
            return leave("verse or a title whose line breaks were lost");
        }
        if s.in_name_with_joiner(i) {
            return leave("in a name joined by `ng`/`sa`/`de` (`Araw ng X`)");
        }
        if PRONOUNS.contains(&lower.as_str()) {
            return leave("a pronoun, capitalised in reverence");
        }
        if excused && s.short_label() {
            return leave("a short label (UI strings capitalise nouns)");
        }
        if FUNCTION_WORDS.contains(&w) {
            let v = if next_lower {
                Verdict::Certain
            } else {
                Verdict::Possible
            };
            return Some(s.candidate(Class::Capital, i, i, v, "function word".into()));
        }
        let facts = self.morphology.word_facts(w);
        let (verdict, why) = match facts.ordinary() {
            Ordinary::Inflected => (Verdict::Certain, "inflected"),
            Ordinary::Affixed
                if next_lower && facts.analysis.as_ref().is_some_and(|a| a.linker.is_some()) =>
            {
                (
                    Verdict::Probable,
                    "linked modifier before a lower-case word",
                )
            }
            Ordinary::Affixed => (Verdict::Possible, "affixed"),
            // With an English source in sentence case, a capitalised word
            // was capitalised by the translation: a frequent word is then
            // no name.
            Ordinary::Frequent if s.source_sentence_case == Some(true) => (
                Verdict::Probable,
                "frequent Filipino word, source in sentence case",
            ),
            Ordinary::Frequent => (Verdict::Possible, "frequent Filipino word"),
            Ordinary::None => (Verdict::Leave, "no evidence"),
        };
        // A source with capitals inside may be where this one comes from
        // (`Cookies Policy` → `Patakarang ito ng Cookies`).
        let verdict = if s.source_sentence_case == Some(false) {
            verdict.min(Verdict::Possible)
        } else {
            verdict
        };
        let detail = match &facts.analysis {
            Some(a) => format!("{why}: stem {} ({:?})", a.stem, facts.frequency),
            None => format!("{why} ({:?})", facts.frequency),
        };
        Some(s.candidate(Class::Capital, i, i, verdict, detail))
    }

    fn glossary(&self, s: &Segment<'_>, i: usize) -> Option<Candidate> {
        let w = s.word(i);
        if w.chars().count() < 3 {
            return None;
        }
        let lower = w.to_lowercase();
        if let Some(forms) = self.names.get(&lower) {
            let name = &forms[0];
            if forms.iter().any(|f| f == w) || !w.chars().all(char::is_lowercase) {
                return None; // exact, or mis-cased: glossary-case's today
            }
            let (v, why) = if self.morphology.is_known_word(w) {
                (Verdict::Leave, "lower case, but an ordinary word")
            } else {
                (
                    Verdict::Certain,
                    "lower case, and no word of either language",
                )
            };
            return Some(s.candidate(Class::Glossary, i, i, v, format!("{why}: {name}")));
        }
        if !self.mid_sentence(s, i) || w.chars().count() < 5 {
            return None;
        }
        let len = lower.chars().count();
        let limit = if len >= 9 { 2 } else { 1 };
        let (d, name) = self
            .names
            .iter()
            .filter(|(k, _)| k.chars().next() == lower.chars().next())
            .map(|(k, v)| (damerau_levenshtein(&lower, k), &v[0]))
            .filter(|(d, _)| *d > 0 && *d <= limit)
            .min()?;
        let facts = self.morphology.word_facts(w);
        let ordinary = facts.ordinary() >= Ordinary::Frequent
            || frequency(w).en >= 40
            || self.morphology.is_known_word(w);
        // The model only says which near misses are ordinary words; the
        // others stay with the rule's own distance and context criteria.
        let (v, why) = if ordinary {
            (Verdict::Leave, "an ordinary word")
        } else {
            (
                Verdict::Possible,
                "no ordinary word: the rule's criteria decide",
            )
        };
        Some(s.candidate(
            Class::Glossary,
            i,
            i,
            v,
            format!("near {name} (distance {d}): {why} ({:?})", facts.frequency),
        ))
    }
}

struct Segment<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Whether the English source of this unit is in sentence case, when
    /// the file is paired with one.
    source_sentence_case: Option<bool>,
}

impl Segment<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.tokens[i].range.clone()]
    }

    fn gap(&self, i: usize) -> &str {
        &self.text[self.tokens[i].range.end..self.tokens[i + 1].range.start]
    }

    /// Most words of four letters or more (after the first) are
    /// capitalised: a title, a heading or a UI label in title case.
    fn title_case(&self) -> bool {
        let (mut upper, mut all) = (0, 0);
        let Some(first) = self.first_word() else {
            return false;
        };
        for i in first + 1..self.tokens.len() {
            let w = self.word(i);
            if w.chars().count() >= 4 && w.chars().any(char::is_lowercase) {
                all += 1;
                upper += usize::from(w.starts_with(char::is_uppercase));
            }
        }
        upper >= 2 && upper * 2 >= all
    }

    /// Token `i` is part of a capitalised run joined by a lower-case name
    /// word: `Pamantasan ng Lungsod`, `Araw ng Manggagawa`.
    fn in_name_with_joiner(&self, i: usize) -> bool {
        let upper = |k: usize| self.word(k).starts_with(char::is_uppercase);
        let joiner = |k: usize| NAME_JOINERS.contains(&self.word(k));
        let n = self.tokens.len();
        (i >= 2 && joiner(i - 1) && upper(i - 2)) || (i + 2 < n && joiner(i + 1) && upper(i + 2))
    }

    /// Every word before token `i` is a capitalised name, no ordinary
    /// Filipino word, with no comma after it (`MARIZA Maraming ...`,
    /// `Lauro Kinasahan ...`): a byline run into the text. (`Mas Bagong`,
    /// `Una, ERDDAP Ang` begin with ordinary words.)
    fn all_capitalised_before(&self, i: usize) -> bool {
        (0..i).all(|k| {
            let w = self.word(k);
            !w.chars().any(char::is_alphabetic)
                || (w.starts_with(char::is_uppercase)
                    && frequency(w).fil < 40
                    && !self.gap(k).contains(','))
        })
    }

    /// How many common Filipino words are capitalised after a lower-case
    /// word in the sentence of token `i` (names do not count: a sentence
    /// may name many things).
    fn capitals_after_lower_case(&self, i: usize) -> usize {
        let ends = |k: usize| self.gap(k).contains(['.', '!', '?']);
        let start = (0..i).rev().find(|&k| ends(k)).map_or(0, |k| k + 1);
        let end = (i..self.tokens.len() - 1)
            .find(|&k| ends(k))
            .unwrap_or(self.tokens.len() - 1);
        (start.max(1)..=end)
            .filter(|&k| {
                let w = self.word(k);
                let f = frequency(w);
                w.starts_with(char::is_uppercase)
                    && self.word(k - 1).starts_with(char::is_lowercase)
                    && f.fil >= 45
                    && f.fil > f.en + 5
            })
            .count()
    }

    /// The first token with a letter (a list number may come before it).
    fn first_word(&self) -> Option<usize> {
        (0..self.tokens.len()).find(|&k| self.word(k).chars().any(char::is_alphabetic))
    }

    /// Six words or fewer and no sentence punctuation: a menu item, a
    /// button, a column header.
    fn short_label(&self) -> bool {
        let (Some(first), Some(last)) = (self.tokens.first(), self.tokens.last()) else {
            return false;
        };
        let span = &self.text[first.range.start..last.range.end];
        let after = self.text[last.range.end..].chars().next();
        self.tokens.len() <= 6
            && !span.contains(['.', '!', '?', ';'])
            && !matches!(after, Some('.' | '!' | '?'))
    }

    /// Token `i` is glued to a path or identifier character.
    fn code_like_before(&self, i: usize) -> bool {
        matches!(
            self.text[..self.tokens[i].range.start].chars().next_back(),
            Some('/' | '\\' | '_' | '.' | '@' | '#' | '$' | '-' | '<' | '{' | '`')
        )
    }

    fn candidate(
        &self,
        class: Class,
        first: usize,
        last: usize,
        verdict: Verdict,
        detail: String,
    ) -> Candidate {
        let start = self.tokens[first].range.start;
        let end = self.tokens[last].range.end;
        let line_start = self.text[..start].rfind('\n').map_or(0, |p| p + 1);
        Candidate {
            class,
            line: self.text[..start].matches('\n').count() + 1,
            column: self.text[line_start..start].chars().count() + 1,
            text: self.text[start..end].to_string(),
            verdict,
            detail,
        }
    }
}
