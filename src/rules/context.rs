//! What a rule sees: [`Context`] for one prose segment (its words, the
//! document around it, the glossary, the dictionary), [`UnitContext`] for one
//! translation unit, and what the segments of a document share.

use std::cell::{Cell, OnceCell};
use std::time::Instant;

use crate::glossary::{Glossary, Match, Near, name_tokens, scan};
use crate::input::{Document, Segment, Unit, UnitKind};
use crate::lexicon::Dictionary;
use crate::text::{Mark, Token};

use super::stream::DocumentTokens;

/// What a rule sees of one segment.
pub struct Context<'a> {
    /// The whole original document text; all ranges index into it.
    pub source: &'a str,
    /// The document: its format, its translation units and the source
    /// document it is paired with (see [`Context::unit_source`]).
    pub document: &'a Document,
    pub segment: &'a Segment,
    /// The segment's words and numbers, in order.
    pub tokens: &'a [Token],
    /// The segment's marks (punctuation, quotes, breaks), in order; the
    /// marks between tokens `i` and `i + 1` are [`Context::marks_after`]`(i)`.
    pub marks: &'a [Mark],
    pub glossary: &'a Glossary,
    /// Every prose segment of the document, in order; `segment` is
    /// `segments[index]`. Rules that judge a whole paragraph (quotes) look
    /// at its neighbours.
    pub segments: &'a [Segment],
    pub index: usize,
    /// A Tagalog word list, when the user has one (`--dictionary`, or the
    /// system's Hunspell list). Rules must work without it.
    pub dictionary: Option<&'a Dictionary>,
    /// Counts of Filipino and English function words over the whole
    /// document, to tell a Filipino document from an English one.
    pub language: &'a DocLanguage,
    /// How many English function words (`the`, `of`, `is`) the segment has:
    /// rules about English text skip segments with too few.
    pub english_words: u32,
    /// The document's lower-case words, shared by all its segments.
    words: &'a DocumentWords<'a>,
    /// Every segment's tokens and marks.
    stream: &'a DocumentTokens,
    /// When the check must give up (`--timeout`).
    deadline: &'a Deadline,
    /// Glossary names in the segment, found once and shared by the glossary
    /// rules.
    names: OnceCell<Names<'a>>,
    /// The segment's words in lower case, made once and shared by the rules.
    lower: OnceCell<Lowered>,
    /// The last answer of [`Context::line_is_upper_case`].
    upper_line: Cell<Option<LineCase>>,
}

/// A stretch `start..=end` of one line (no line break in it): the whole
/// line, in capitals (`upper`), or a stretch holding a lower-case letter.
#[derive(Clone, Copy, Debug)]
struct LineCase {
    start: usize,
    end: usize,
    upper: bool,
}

/// Every token of a segment in lower case, in one buffer.
enum Lowered {
    /// An ASCII segment lower-cased whole: token `t` is
    /// `text[t.start - base..t.end - base]`.
    Ascii { text: String, base: usize },
    /// The tokens lower-cased one after another, ending at `ends`.
    Words { text: String, ends: Vec<usize> },
}

/// How Filipino a document is, by its function words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocLanguage {
    pub filipino: usize,
    pub english: usize,
}

impl DocLanguage {
    /// Mostly Filipino: Filipino function words outnumber English ones.
    pub fn is_filipino(&self) -> bool {
        self.filipino >= 3 && self.filipino > self.english
    }
}

/// The segment's words as the glossary sees them (prefixes glued to a name
/// split off), the glossary forms found among them, and the probable broken
/// names (see [`crate::glossary::scan`]): one scan shared by the glossary
/// rules.
pub struct Names<'a> {
    pub tokens: std::borrow::Cow<'a, [Token]>,
    pub matches: Vec<Match>,
    pub near: Vec<Near>,
}

/// What every segment of one document shares.
#[derive(Clone, Copy)]
pub struct DocumentContext<'a> {
    pub source: &'a str,
    pub segments: &'a [Segment],
    /// The document itself (its format, units and source).
    pub document: &'a Document,
    pub glossary: &'a Glossary,
    pub dictionary: Option<&'a Dictionary>,
    pub language: &'a DocLanguage,
    /// English function words per segment.
    pub english_words: &'a [u32],
    /// The document's lower-case words, made on first use (see
    /// [`Context::document_has_word`]).
    pub words: &'a DocumentWords<'a>,
    /// Every segment's tokens and marks.
    pub tokens: &'a DocumentTokens,
    pub deadline: &'a Deadline,
}

/// Answers "is this lower-case word written anywhere in the document, as a
/// whole word (code and markup included)?". The first few questions scan
/// the text, which is fastest for the usual document with few questions;
/// after [`DocumentWords::SCANS`] of them the document's words are listed
/// once and each later question is one lookup, so a big document with many
/// questions stays linear (a scan per question took minutes on 20 MB).
#[derive(Default)]
pub struct DocumentWords<'a> {
    asked: std::cell::Cell<usize>,
    /// Maximal runs of word characters without a capital.
    set: OnceCell<std::collections::HashSet<&'a str, crate::lexicon::set::FnvBuild>>,
    /// Words of prose written in lower case, in the document and in its
    /// paired source (see [`Context::writes_in_lower_case`]).
    prose: OnceCell<std::collections::HashSet<&'a str, crate::lexicon::set::FnvBuild>>,
}

/// Words of `text` written in lower case as prose: not glued to a
/// character of a path, an identifier or an address (`acme/plugins`,
/// `my-plugins`, `plugins_dir`, `plugins.json`).
fn lower_case_prose_words<'t>(
    text: &'t str,
    into: &mut std::collections::HashSet<&'t str, crate::lexicon::set::FnvBuild>,
) {
    use crate::text::tokens::is_word_char;
    let glued = |c: Option<char>| matches!(c, Some('/' | '_' | '.' | '@' | '-' | '\\' | '='));
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else {
            continue;
        };
        let word = &text[s..i];
        let after = text[i..].chars().next();
        // A full stop glues only when a word character follows it
        // (`plugins.json`, not `the plugins.`).
        let full_stop_ends =
            after == Some('.') && !text[i + 1..].starts_with(|n: char| n.is_alphanumeric());
        let after_glued = glued(after) && !full_stop_ends;
        if !word.chars().any(char::is_uppercase)
            && !glued(text[..s].chars().next_back())
            && !after_glued
        {
            into.insert(word);
        }
    }
}

impl<'a> DocumentWords<'a> {
    const SCANS: usize = 8;

    fn contains(&self, source: &'a str, word: &str) -> bool {
        use crate::text::tokens::is_word_char;
        if self.set.get().is_none() && self.asked.get() < Self::SCANS {
            self.asked.set(self.asked.get() + 1);
            let is_word = |c: Option<char>| c.is_some_and(is_word_char);
            return source.match_indices(word).any(|(i, _)| {
                !is_word(source[..i].chars().next_back())
                    && !is_word(source[i + word.len()..].chars().next())
            });
        }
        self.set
            .get_or_init(|| {
                source
                    .split(|c: char| !is_word_char(c))
                    .filter(|w| !w.is_empty() && !w.chars().any(char::is_uppercase))
                    .collect()
            })
            .contains(word)
    }
}

impl<'a> Context<'a> {
    /// The context of segment `index` of a document.
    pub fn new(doc: &DocumentContext<'a>, index: usize) -> Self {
        Context {
            source: doc.source,
            document: doc.document,
            segment: &doc.segments[index],
            tokens: doc.tokens.words(index),
            marks: doc.tokens.marks(index),
            stream: doc.tokens,
            glossary: doc.glossary,
            segments: doc.segments,
            index,
            dictionary: doc.dictionary,
            language: doc.language,
            english_words: doc.english_words.get(index).copied().unwrap_or(u32::MAX),
            words: doc.words,
            deadline: doc.deadline,
            names: OnceCell::new(),
            lower: OnceCell::new(),
            upper_line: Cell::new(None),
        }
    }

    /// Token `i` in lower case (computed once per segment for all tokens, so
    /// rules need not allocate a folded copy per word).
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        let range = &self.tokens[i].range;
        match self.lower.get_or_init(|| self.lowered()) {
            Lowered::Ascii { text, base } => &text[range.start - base..range.end - base],
            Lowered::Words { text, ends } => {
                let start = if i == 0 { 0 } else { ends[i - 1] };
                &text[start..ends[i]]
            }
        }
    }

    fn lowered(&self) -> Lowered {
        let segment = &self.source[self.segment.range.clone()];
        if segment.is_ascii() {
            // One pass over the whole segment; tokens keep their offsets.
            return Lowered::Ascii {
                text: segment.to_ascii_lowercase(),
                base: self.segment.range.start,
            };
        }
        let mut text = String::with_capacity(self.segment.range.len());
        let mut ends = Vec::with_capacity(self.tokens.len());
        for t in self.tokens {
            let word = &self.source[t.range.clone()];
            if word.is_ascii() {
                let start = text.len();
                text.push_str(word);
                text[start..].make_ascii_lowercase();
            } else {
                text.extend(word.chars().flat_map(char::to_lowercase));
            }
            ends.push(text.len());
        }
        Lowered::Words { text, ends }
    }

    /// Glossary names in the segment.
    pub fn names(&self) -> &Names<'a> {
        self.names.get_or_init(|| {
            let tokens = name_tokens(self.source, self.tokens);
            let found = scan(self.source, &tokens, self.glossary);
            Names {
                tokens,
                matches: found.matches,
                near: found.near,
            }
        })
    }

    /// The source text that the segment's translation unit translates,
    /// when the document has one: the source value of a localisation
    /// file's key, the aligned source paragraph of an article, or the whole
    /// source of an article whose paragraphs could not be aligned
    /// ([`Context::source_is_whole_document`]).
    pub fn unit_source(&self) -> Option<&'a str> {
        self.translation_unit().and_then(|u| u.source.as_deref())
    }

    /// The text of the segment's translation unit (markup, links and code
    /// included), the text [`Context::unit_source`] is the source of; the
    /// segment's own text when it has no unit.
    pub fn unit_text(&self) -> String {
        match self.translation_unit() {
            Some(unit) => unit.text(self.source),
            None => self.text().to_string(),
        }
    }

    /// Whether [`Context::unit_source`] is a whole source article rather
    /// than the text of this segment's unit.
    pub fn source_is_whole_document(&self) -> bool {
        self.translation_unit()
            .is_some_and(|u| u.kind == UnitKind::Document)
    }

    /// The translation unit holding the segment, if any: the unit of a
    /// localisation file, or the paragraph (or whole article) of an
    /// article paired with its source.
    fn translation_unit(&self) -> Option<&'a Unit> {
        let doc = self.document;
        if doc.format.is_localisation() {
            return doc.unit_of(self.index);
        }
        // Articles: the units are paragraphs in order, or one whole unit.
        let at = self.segment.range.start;
        let i = doc.units.partition_point(|u| u.range().end < at);
        doc.units.get(i).filter(|u| u.range().start <= at)
    }

    /// The translation unit the segment belongs to, in a localisation file
    /// (its key and the source text it translates).
    pub fn unit(&self) -> Option<&'a Unit> {
        self.document.unit_of(self.index)
    }

    /// The document's format.
    pub fn format(&self) -> crate::input::Format {
        self.document.format
    }

    /// The text of the segment.
    pub fn text(&self) -> &'a str {
        &self.source[self.segment.range.clone()]
    }

    /// The text of token `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        &self.source[self.tokens[i].range.clone()]
    }

    /// Whether the word at byte `offset` begins a sentence or a line: only
    /// blanks and Markdown markup stand between it and the start of the text
    /// or of its line, a sentence mark (`.`, `!`, `?`, `:`, `;`), an opening
    /// quote or bracket, a dash, or a table cell border. (A line start counts
    /// because line-oriented text, such as UI strings or one paragraph per
    /// line, starts each line with a capital.)
    pub fn starts_sentence(&self, offset: usize) -> bool {
        let before = self.source[..offset].chars().rev().find(|&c| {
            c == '\n'
                || !(c.is_whitespace()
                    || matches!(c, '*' | '_' | '#' | '>' | '-' | '[' | '`' | '\u{feff}'))
        });
        match before {
            None => true,
            Some(c) => matches!(
                c,
                '\n' | '.'
                    | '!'
                    | '?'
                    | ':'
                    | ';'
                    | '"'
                    | '\u{201c}'
                    | '\u{2018}'
                    | '('
                    | '|'
                    | '\u{2014}'
                    | '\u{2013}'
            ),
        }
    }

    /// Whether `word` (lower case) is written in lower case as a word of
    /// prose (not inside a path or identifier) somewhere in the document
    /// or in the source document it is paired with: then it is a common
    /// word, not a name. Linear in the documents over all calls.
    pub fn writes_in_lower_case(&self, word: &str) -> bool {
        let document = self.document;
        self.words
            .prose
            .get_or_init(|| {
                let mut set = std::collections::HashSet::default();
                lower_case_prose_words(&document.text, &mut set);
                if let Some(source) = &document.source {
                    lower_case_prose_words(&source.text, &mut set);
                }
                set
            })
            .contains(word)
    }

    /// Whether `word` (lower case, no apostrophe) is written somewhere in
    /// the document as a whole word: between characters that are not word
    /// characters, anywhere in the text, code and markup included.
    ///
    /// Linear in the document over all calls (see [`DocumentWords`]).
    pub fn document_has_word(&self, word: &str) -> bool {
        self.words.contains(self.source, word)
    }

    /// Whether the line holding byte `offset` has no lower-case letter (a
    /// heading or label written in capitals).
    ///
    /// Linear over all questions about one segment: the answer for a
    /// stretch of the line is remembered (a whole line in capitals, or the
    /// stretch scanned up to a lower-case letter), and a later question on
    /// the same line stops where it meets that stretch. (Scanning from
    /// scratch each time took quadratic time on a long line in capitals.)
    pub fn line_is_upper_case(&self, offset: usize) -> bool {
        let known = self.upper_line.get();
        if let Some(k) = known
            && k.start <= offset
            && offset <= k.end
        {
            return k.upper;
        }
        // A stretch with a lower-case letter, met without a line break in
        // between, answers for the whole line.
        let meets = |i: usize| known.filter(|k| !k.upper && k.start <= i && i <= k.end);
        let remember = |start, end, upper| {
            self.upper_line.set(Some(LineCase { start, end, upper }));
            upper
        };
        // Outwards from `offset`, stopping at the first lower-case letter:
        // on an ordinary line it is a few characters away.
        let mut start = offset;
        for (i, c) in self.source[..offset].char_indices().rev() {
            if c == '\n' {
                break;
            }
            if let Some(k) = meets(i) {
                return remember(k.start, offset, false);
            }
            if c.is_lowercase() {
                return remember(i, offset, false);
            }
            start = i;
        }
        let mut end = self.source.len();
        for (i, c) in self.source[offset..].char_indices() {
            let i = offset + i;
            if c == '\n' {
                end = i;
                break;
            }
            if let Some(k) = meets(i) {
                return remember(start, k.end, false);
            }
            if c.is_lowercase() {
                return remember(start, i, false);
            }
        }
        remember(start, end, true)
    }

    /// The text between tokens `i` and `i + 1`.
    #[inline]
    pub fn gap_after(&self, i: usize) -> &'a str {
        &self.source[self.tokens[i].range.end..self.tokens[i + 1].range.start]
    }

    /// The marks between tokens `i` and `i + 1` (after the last token when
    /// `i + 1` is the number of tokens).
    pub fn marks_after(&self, i: usize) -> &'a [Mark] {
        let word = (i + 1) as u32;
        let start = self.marks.partition_point(|m| m.word < word);
        let end = start + self.marks[start..].partition_point(|m| m.word == word);
        &self.marks[start..end]
    }

    /// The tokens of segment `j` of the document (for rules that judge a
    /// paragraph of several segments).
    pub fn tokens_of(&self, j: usize) -> &'a [Token] {
        self.stream.words(j)
    }

    /// The marks of segment `j` of the document.
    pub fn marks_of(&self, j: usize) -> &'a [Mark] {
        self.stream.marks(j)
    }

    /// The character just before token `i` (in the document, so it may lie
    /// before the segment): what a word is glued to (`/`, `-`, `@`).
    #[inline]
    pub fn char_before(&self, i: usize) -> Option<char> {
        self.source[..self.tokens[i].range.start]
            .chars()
            .next_back()
    }

    /// The segment's text after token `i`.
    #[inline]
    pub fn after(&self, i: usize) -> &'a str {
        &self.source[self.tokens[i].range.end..self.segment.range.end]
    }

    /// Whether the check has run out of time (`--timeout`): a rule with a
    /// loop that may be long on a big segment asks at each step and returns
    /// when told so (what it reported is discarded). Cheap: the clock is read
    /// once every few hundred questions.
    #[inline]
    pub fn out_of_time(&self) -> bool {
        self.deadline.expired()
    }
}

/// What a source-aware rule sees of one translation unit: the target value
/// and, when known, the source text it translates.
pub struct UnitContext<'a> {
    pub doc: &'a Document,
    pub unit: &'a Unit,
    /// The value's raw text ([`Unit::text`]); offsets into it map to the
    /// file with [`UnitContext::span`].
    pub target: String,
    pub glossary: &'a Glossary,
    /// Values that may stay the same as the source (`OK`, `Wi-Fi`), from the
    /// configuration's `allow-untranslated`.
    pub allow_untranslated: &'a [String],
    pub deadline: &'a Deadline,
}

impl<'a> UnitContext<'a> {
    pub fn new(
        doc: &'a Document,
        unit: &'a Unit,
        glossary: &'a Glossary,
        allow_untranslated: &'a [String],
        deadline: &'a Deadline,
    ) -> Self {
        UnitContext {
            doc,
            unit,
            target: unit.text(&doc.text),
            glossary,
            allow_untranslated,
            deadline,
        }
    }

    /// Whether the check has run out of time (`--timeout`); see
    /// [`Context::out_of_time`].
    #[inline]
    pub fn out_of_time(&self) -> bool {
        self.deadline.expired()
    }

    /// The source text, when the unit has one.
    pub fn source(&self) -> Option<&'a str> {
        self.unit.source.as_deref()
    }

    /// The source text, when the unit has one and a translation to compare
    /// with it (an empty translation is `empty-translation`'s alone).
    pub fn translated_source(&self) -> Option<&'a str> {
        self.source().filter(|_| !self.unit.is_empty())
    }

    /// The source and the translation of a value of a localisation file,
    /// when both hold more than blanks: what the rules comparing a value's
    /// edges (blanks, final punctuation) judge.
    pub fn value_texts(&self) -> Option<(&'a str, &str)> {
        let source = self.source()?;
        let target = self.target.as_str();
        let filled = |s: &str| !s.trim().is_empty();
        (self.is_value() && filled(target) && filled(source)).then_some((source, target))
    }

    /// The byte range of the file for `range` of [`UnitContext::target`].
    pub fn span(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.unit.file_range(range)
    }

    /// The whole value in the file (an empty range where an empty value is).
    pub fn value_span(&self) -> std::ops::Range<usize> {
        self.unit.range()
    }

    /// Whether the unit is a value of a localisation file (not an article
    /// paragraph or a whole article).
    pub fn is_value(&self) -> bool {
        self.unit.kind == UnitKind::Value
    }
}

/// When a check must give up (`--timeout`): asked by the checker between
/// rules and segments, and by rules inside their loops
/// ([`Context::out_of_time`]). Once passed, it stays passed.
#[derive(Debug, Default)]
pub struct Deadline {
    at: Option<Instant>,
    /// Questions left before the clock is read again.
    countdown: Cell<u32>,
    passed: Cell<bool>,
}

impl Deadline {
    /// Questions answered from the last reading of the clock: a reading costs
    /// some 25 ns, a step of a rule's loop a few, so a loop may ask every
    /// step and overrun the deadline by a few microseconds at most.
    const QUESTIONS_PER_READING: u32 = 256;

    pub fn new(at: Option<Instant>) -> Self {
        Deadline {
            at,
            countdown: Cell::new(0),
            passed: Cell::new(false),
        }
    }

    /// Whether the deadline has passed, reading the clock now (between
    /// rules: a rule may have run long).
    pub fn passed_now(&self) -> bool {
        let passed = self.passed.get() || self.at.is_some_and(|at| Instant::now() >= at);
        self.passed.set(passed);
        passed
    }

    /// Whether the deadline has passed, reading the clock only every few
    /// hundred questions (inside a rule's loop).
    #[inline]
    pub fn expired(&self) -> bool {
        let Some(at) = self.at else {
            return false;
        };
        if self.passed.get() {
            return true;
        }
        let left = self.countdown.get();
        if left > 0 {
            self.countdown.set(left - 1);
            return false;
        }
        self.countdown.set(Self::QUESTIONS_PER_READING);
        let passed = Instant::now() >= at;
        self.passed.set(passed);
        passed
    }
}
