use super::flow::{At, Between, Flow};
use super::{ByteSet, Context, Needs, Reporter, Rule, declare_rule, source_case};
use crate::input::{Format, SegmentKind};
use crate::lexicon::frequency;
use crate::lexicon::morphology::{Morphology, Ordinary, is_enclitic};
use crate::text::TokenKind;
use crate::text::tokens::fold;

declare_rule! {
    /// ## What it checks
    /// A word capitalised in the middle of a sentence that is no name:
    /// - a Filipino function word: `... ng Ang module`, `para sa Mga
    ///   panlabas na`, `kaya Sa gayon` (`Ang`, `Mga`, `Ng`, `Nang`, `Sa`,
    ///   `Ay`, `At`, `Na`);
    /// - a word the Tagalog morphology reads as inflected (`ay Isinusulat
    ///   ng`, `puna Pagbutihin`) or as a modifier with the linker *-ng*
    ///   before the word it modifies (`sa Pangkalahatang pagsubok`);
    /// - with the English source of a translation unit: an ordinary
    ///   Filipino word when the source is in sentence case (`Hanapin ang
    ///   mga Dokumento` for `Search the documentation`), or a word the
    ///   source capitalises only because it starts its sentence (`Ang
    ///   Plugins ay` for `Plugins are`, when `plugins` is written in lower
    ///   case elsewhere).
    ///
    /// A sentence goes on past a code span (``Ang `types` Ang module``),
    /// the line break of a wrapped Markdown paragraph or of a folded YAML
    /// scalar (`isang koleksyon ng` / `Mga uri`), and, in plain text, past
    /// a line break after a word that cannot end a sentence (`ng`, `sa`,
    /// `ang`).
    ///
    /// ## Why
    /// Machine translation translates segments (titles, table cells, UI
    /// strings) one by one and joins them, keeping the capital that began a
    /// segment, and copies the capital of an English sentence's first word
    /// after the article it adds. Filipino capitalises only names, the start
    /// of a sentence and titles. So the rule leaves alone names (glossary
    /// names, a capitalised run, a word after `si`/`ni`/`kay`, a name joined
    /// by `ng`/`sa`/`de` such as `Araw ng Kalayaan`, a pronoun capitalised in
    /// reverence), titles and short labels in title case (unless the source
    /// is in sentence case), verse whose line breaks were lost, a byline run
    /// into the text, headings, and any word after a colon, a quote or a
    /// bracket. Frequent words alone prove nothing (place names are frequent
    /// words), so they need the source.
    ///
    /// ## Bad
    /// ```text
    /// Pinalitan ang bersiyon ng Ang module sa bagong server.
    /// Naglaan sila ng pondo para sa Mga panlabas na proyekto.
    /// Tumaas ang presyo ng bigas, Sa gayon ay nagreklamo ang mga mamimili.
    /// Ang mga ulat ay Isinusulat ng kalihim tuwing gabi.
    /// Binuksan niya ang Pangunahing pahina ng site.
    /// Search the documentation → Hanapin ang mga Dokumento
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Pinalitan ang bersiyon ng module sa bagong server.
    /// Napanood namin ang Ang Probinsyano Ngayon sa telebisyon.
    /// Buksan ang Mga Setting para baguhin ang wika.
    /// Tandaan: Ang pulong ay bukas.
    /// Dumalaw si Bayani sa Malolos kahapon.
    /// Sumulat siya sa Kagawaran ng Edukasyon tungkol dito.
    /// Search the documentation → Hanapin ang mga dokumento
    /// ```
    ///
    /// ## Fix
    /// The word in lower case. Safe for a function word or an inflected
    /// word when the sentence surely goes on: after a word that cannot end
    /// one (`ng`, `sa`, `ang`, `ay`), or when the source is one sentence.
    /// Otherwise unsafe: the real error may be a missing full stop (a
    /// headline run into its text), or the word a name.
    pub struct MidSentenceCapital {
        name: "mid-sentence-capital",
        severity: Warning,
        fix: SafeOrUnsafe,
        summary: "Word capitalised mid-sentence that is no name: a function word, an inflected or linked word (`ng Ang module`)",
    }
}

/// Filipino function words that machine translation capitalises.
const FUNCTION_WORDS: &[&str] = &["Ang", "At", "Ay", "Mga", "Na", "Nang", "Ng", "Sa"];

/// Why a function word is flagged.
const FUNCTION_WORD: &str = "a function word";

/// Words that cannot end a sentence: a capital after them is surely
/// inside one. Lower-case.
const NEEDS_MORE: &[&str] = &[
    "ang", "at", "ay", "dahil", "kay", "kina", "kung", "mga", "ng", "ngunit", "ni", "nina", "o",
    "para", "pero", "sa", "si", "sina", "upang",
];

/// Personal articles: a capitalised word after them is a name.
const NAME_ARTICLES: &[&str] = &["kay", "kina", "ni", "nina", "si", "sina"];

/// Words that join the capitalised words of a name (`Araw ng Kalayaan`,
/// `Pamantasan de La Salle`).
const NAME_JOINERS: &[&str] = &["de", "del", "ng", "of", "sa", "y"];

/// Pronouns that religious writing capitalises for God (`ang Kanyang mga
/// gawa`).
const PRONOUNS: &[&str] = &[
    "ikaw", "iyo", "iyong", "ka", "kanya", "kanyang", "kaniya", "kaniyang", "mo", "niya", "siya",
];

/// Words that begin lines of verse: capitalised inside a sentence, they show
/// verse whose line breaks were lost.
const VERSE_STARTERS: &[&str] = &[
    "Dahil", "Hindi", "Kaya", "Kung", "Ngunit", "Pero", "Sadya", "Sapagkat", "Subalit", "Upang",
];

/// How far a sentence is read around a capital, in words each way.
const SENTENCE_REACH: usize = 64;

impl Rule for MidSentenceCapital {
    /// Every finding is a word that starts with a capital.
    fn needs(&self) -> Needs {
        const UPPER: ByteSet = ByteSet::first_bytes(&[
            "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q",
            "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
        ]);
        Needs::first_bytes(UPPER.with_non_ascii())
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        if ctx.segment.kind == SegmentKind::Heading {
            return;
        }
        let judge = Judge::new(ctx);
        for i in 0..ctx.tokens.len() {
            if ctx.out_of_time() {
                return;
            }
            let t = &ctx.tokens[i];
            if t.kind != TokenKind::Word
                || !t.case.starts_upper()
                || !t.case.has_lower()
                || !t.case.rest_is_lowercase()
            {
                continue;
            }
            let at = At {
                segment: ctx.index,
                token: i,
            };
            if let Some(finding) = judge.capital(at) {
                finding.report(ctx, i, out);
            }
        }
    }
}

/// What a capital gets: how sure the rule is of the word and of the
/// sentence going on.
struct Finding {
    why: &'static str,
    /// The word is surely no name (a function word, an inflected word).
    certain_word: bool,
    /// The sentence surely goes on before the word.
    certain_boundary: bool,
}

impl Finding {
    fn report(&self, ctx: &Context<'_>, i: usize, out: &mut Reporter<'_>) {
        let word = ctx.word(i);
        let lower = ctx.lower(i).to_string();
        let safe = self.certain_word && self.certain_boundary;
        let mut message = format!(
            "`{word}` is capitalised in the middle of a sentence ({}); write `{lower}`",
            self.why
        );
        if !self.certain_boundary {
            message.push_str(", or end the sentence before it");
        }
        let finding = out.report(ctx.tokens[i].range.clone(), message);
        if safe {
            finding.replace_safe(lower);
        } else {
            finding.replace_unsafe(lower);
        }
    }
}

/// Where a capital stands: what lies between it and the word before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// Blanks, markup, a trademark sign; or a soft line break.
    Inside,
    /// The same, with a comma.
    Comma,
    /// A code span or other cut-out material that reads as a word.
    Code,
    /// A sentence mark, a quote, a bracket, a line that may end a sentence.
    Boundary,
}

/// Judges the capitals of one segment.
struct Judge<'c, 'a> {
    ctx: &'c Context<'a>,
    flow: Flow<'c, 'a>,
    morphology: Morphology<'a>,
    /// The unit's English source, when it has its own (not a whole
    /// article's), with the unit's target text.
    source: Option<&'a str>,
    /// Whether that source is in sentence case (worked out on first use).
    sentence_case: std::cell::OnceCell<bool>,
}

impl<'c, 'a> Judge<'c, 'a> {
    fn new(ctx: &'c Context<'a>) -> Self {
        Judge {
            ctx,
            flow: Flow::new(ctx),
            morphology: Morphology::new(ctx.dictionary),
            source: ctx.unit_source(),
            sentence_case: std::cell::OnceCell::new(),
        }
    }

    /// The finding for the capital at `at`, if it is one.
    fn capital(&self, at: At) -> Option<Finding> {
        let prev = self.flow.prev(at)?;
        // After a number a capital may start a list item or a new line of
        // a table (`WebGL 1 Mga extensyon`).
        if self.flow.token(prev).kind != TokenKind::Word {
            return None;
        }
        let gap = self.gap(prev, at);
        if gap == Gap::Boundary || self.glued_to_code(prev) || self.code_follows(at) {
            return None;
        }
        // Part of a hyphenated word (`Di-Naaalam`, `Pang-update`): the
        // word is judged whole by the hyphen rules, and titles capitalise it.
        let hyphen = |a: At, b: At| self.flow.between(a, b).prose().eq(['-']);
        if hyphen(prev, at) || self.flow.next(at).is_some_and(|n| hyphen(at, n)) {
            return None;
        }
        let word = self.flow.word(at);
        let lower = fold(word);
        let prev_lower = fold(self.flow.word(prev));
        let next = self
            .flow
            .next(at)
            .filter(|&n| matches!(self.gap(at, n), Gap::Inside));
        let next_word = next.map(|n| self.flow.word(n));
        let next_lower = next_word.is_some_and(|w| w.starts_with(char::is_lowercase));
        if self.is_name(at, prev, &prev_lower, next, &lower) {
            return None;
        }
        let (why, certain_word) = self.evidence(word, &lower, next_word, next_lower, gap)?;
        if self.sentence_excuses(at, why == FUNCTION_WORD, certain_word) {
            return None;
        }
        let certain_boundary = NEEDS_MORE.contains(&prev_lower.as_str())
            || gap == Gap::Code
            || self.source_is_one_sentence();
        Some(Finding {
            why,
            certain_word,
            certain_boundary,
        })
    }

    /// Why the word is no name, and whether that is certain; `None` when
    /// nothing shows it.
    fn evidence(
        &self,
        word: &str,
        lower: &str,
        next_word: Option<&str>,
        next_lower: bool,
        gap: Gap,
    ) -> Option<(&'static str, bool)> {
        if FUNCTION_WORDS.contains(&word) {
            return next_lower.then_some((FUNCTION_WORD, true));
        }
        let facts = self.morphology.word_facts(word);
        let ordinary = facts.ordinary();
        if ordinary == Ordinary::Inflected {
            return Some(("an inflected word", true));
        }
        // After a comma a capital may start a greeting or a quoted clause
        // (`Lubos na gumagalang, Magandang araw`): only the surest words.
        if gap != Gap::Comma
            && ordinary == Ordinary::Affixed
            && facts.analysis.as_ref().is_some_and(|a| a.linker.is_some() && is_word_of_its_own(&a.stem))
            && next_word.is_some_and(|n| next_lower && modified_word(n))
        {
            return Some(("a linked modifier", false));
        }
        let source = self.source?;
        if self.ctx.writes_in_lower_case(lower)
            && source_case::capital_copied_from_start(source, &self.ctx.unit_text(), lower)
        {
            return Some(("the source capitalises it only to start a sentence", false));
        }
        if ordinary >= Ordinary::Frequent
            && !self.ctx.source_is_whole_document()
            && self.source_in_sentence_case()
            && !source_case::has_word(source, lower)
        {
            return Some(("an ordinary word, and the source is in sentence case", false));
        }
        None
    }
}

impl Judge<'_, '_> {
    /// What lies between `a` and the word after it, `b`.
    fn gap(&self, a: At, b: At) -> Gap {
        let between = self.flow.between(a, b);
        let mut gap = match between.cut.map(cut_reads_as) {
            Some(Gap::Code) => Gap::Code,
            Some(Gap::Boundary) => return Gap::Boundary,
            _ => Gap::Inside,
        };
        // A hyphenated word (`I-reset`) goes on.
        if between.prose().eq(['-']) {
            return gap;
        }
        let mut breaks = 0;
        let mut last = None;
        for c in between.visible() {
            match c {
                ' ' | '\t' | '\u{a0}' | '\r' | '*' | '_' | '™' | '®' | '©' => {}
                ',' if gap == Gap::Inside => gap = Gap::Comma,
                // A code span closed just before (`` `code` Ang ``).
                '`' if last.is_none() => gap = Gap::Code,
                '\n' => breaks += 1,
                _ => return Gap::Boundary,
            }
            last = Some(c);
        }
        // A cut of blanks only is the line end of a YAML or PO value.
        let cut_break = between.cut.is_some_and(|c| c.contains('\n'));
        if breaks + usize::from(cut_break) > 1 {
            return Gap::Boundary;
        }
        if breaks == 1 && !self.soft_break(a, &between) {
            return Gap::Boundary;
        }
        gap
    }

    /// Whether the line break between word `a` and the next word is soft:
    /// a wrapped line of a Markdown paragraph (no hard break: two blanks or
    /// a backslash before it), or, in plain text, a line that cannot end
    /// after `a` (`ng`, `sa`, `ang`).
    fn soft_break(&self, a: At, between: &Between<'_>) -> bool {
        match self.ctx.format() {
            Format::Markdown => {
                let before = between.before_cut.split('\n').next().unwrap_or("");
                !(before.ends_with("  ") || before.ends_with('\\'))
            }
            Format::Plain => NEEDS_MORE.contains(&fold(self.flow.word(a)).as_str()),
            // A line break inside a value: a folded or wrapped scalar.
            _ => true,
        }
    }

    /// The word at `at` is glued to a path or identifier character.
    fn glued_to_code(&self, at: At) -> bool {
        let start = self.flow.token(at).range.start;
        matches!(
            self.ctx.source[..start].chars().next_back(),
            Some('/' | '\\' | '_' | '.' | '@' | '#' | '$' | '-' | '<' | '{' | '=' | '%')
        )
    }

    /// The word at `at` goes on in a key, path or identifier
    /// (`User=ubuntu`, `Docs/index`).
    fn code_follows(&self, at: At) -> bool {
        let end = self.flow.token(at).range.end;
        let mut after = self.ctx.source[end..].chars();
        match after.next() {
            Some('=' | '/' | '\\' | '_' | '@' | '(') => true,
            Some('.' | ':') => after.next().is_some_and(|c| !c.is_whitespace()),
            _ => false,
        }
    }

    /// Whether the capital at `at` belongs to a name: a glossary name, a
    /// capitalised run, a name after a personal article or joined by `ng`,
    /// a reverential pronoun.
    fn is_name(&self, at: At, prev: At, prev_lower: &str, next: Option<At>, lower: &str) -> bool {
        let range = &self.flow.token(at).range;
        let ctx = self.ctx;
        // The matches are in order and disjoint: the one that may hold the
        // word is the last starting at or before it (a scan would make a
        // long paragraph quadratic).
        let matches = &ctx.names().matches;
        let before = matches.partition_point(|m| m.range.start <= range.start);
        if before > 0 && range.end <= matches[before - 1].range.end {
            return true;
        }
        let upper = |a: At| self.flow.word(a).starts_with(char::is_uppercase);
        let title = |a: At| upper(a) && self.flow.word(a).chars().any(char::is_lowercase);
        if NAME_ARTICLES.contains(&prev_lower) || PRONOUNS.contains(&lower) {
            return true;
        }
        // Set off in italics or bold: the title of a work (`ang sulating
        // <em>Sanggunian</em>`), a term being named.
        let before = &ctx.source[..range.start];
        if ["<em>", "<i>", "<cite>", "<b>", "<strong>", "*", "_"]
            .iter()
            .any(|open| before.ends_with(open))
        {
            return true;
        }
        // `Ang Probinsyano Ngayon`, `sa NBA Finals`: a run of capitals.
        if next.is_some_and(upper) {
            return true;
        }
        // After a word in title case that does not start the sentence
        // (`Mas Bagong`, `Una, ERDDAP Ang` are no names).
        if title(prev) && !self.starts_sentence(prev) && !crate::lexicon::is_filipino_marker(prev_lower) {
            return true;
        }
        // `Araw ng Kalayaan`, `Kagawaran ng Kalusugan ng Lungsod`; not a
        // verb that starts the sentence (`Inayos ng Ang pangkat`).
        let starts_name = |a: At| {
            upper(a)
                && (!self.starts_sentence(a)
                    || self.morphology.word_facts(self.flow.word(a)).ordinary() < Ordinary::Inflected)
        };
        // A function word before a lower-case word joins no name.
        if FUNCTION_WORDS.contains(&self.flow.word(at)) {
            return false;
        }
        let joined_before = NAME_JOINERS.contains(&prev_lower)
            && self.flow.prev(prev).is_some_and(starts_name);
        let joined_after = next.is_some_and(|n| {
            NAME_JOINERS.contains(&fold(self.flow.word(n)).as_str())
                && self.flow.next(n).is_some_and(upper)
        });
        joined_before || joined_after
    }

    /// Whether the word at `at` starts its sentence.
    fn starts_sentence(&self, at: At) -> bool {
        self.flow
            .prev(at)
            .is_none_or(|p| self.gap(p, at) == Gap::Boundary)
    }

    /// The words of the sentence around `at`, at most [`SENTENCE_REACH`]
    /// each way, and whether the sentence ends with `.`, `!` or `?`.
    fn sentence(&self, at: At) -> Vec<At> {
        let mut before = Vec::new();
        let mut here = at;
        while before.len() < SENTENCE_REACH
            && let Some(p) = self.flow.prev(here)
            && self.gap(p, here) != Gap::Boundary
        {
            before.push(p);
            here = p;
        }
        before.reverse();
        before.push(at);
        let mut here = at;
        while before.len() < 2 * SENTENCE_REACH
            && let Some(n) = self.flow.next(here)
            && self.gap(here, n) != Gap::Boundary
        {
            before.push(n);
            here = n;
        }
        before
    }

    /// Whether the sentence of the capital at `at` explains it: verse, a
    /// title or label in capitals, a byline run into the text.
    fn sentence_excuses(&self, at: At, function_word: bool, certain_word: bool) -> bool {
        let words = self.sentence(at);
        let index = words.iter().position(|&w| w == at).unwrap_or(0);
        let word = |k: usize| self.flow.word(words[k]);
        let upper = |k: usize| word(k).starts_with(char::is_uppercase);
        // Verse: line starts capitalised inside one sentence.
        let line_starts = (1..words.len())
            .filter(|&k| {
                let f = frequency(&fold(word(k)));
                upper(k)
                    && word(k - 1).starts_with(char::is_lowercase)
                    && (VERSE_STARTERS.contains(&word(k)) || (f.fil >= 45 && f.fil > f.en + 5))
            })
            .count();
        let starter = (1..words.len()).any(|k| k != index && VERSE_STARTERS.contains(&word(k)) && word(k - 1).starts_with(char::is_lowercase));
        if starter || line_starts >= 3 {
            return true;
        }
        // A byline or headline of names run into the text: every word
        // before the capital is a capitalised rare word.
        if (0..index).all(|k| upper(k) && frequency(&fold(word(k))).fil < 40) {
            return true;
        }
        // A label before a colon (`Mga Detalye:`) is a title, whatever
        // the source.
        let label = self.label(&words);
        if !function_word && label == Some(':') && words.len() <= 4 {
            return true;
        }
        if self.source_in_sentence_case() {
            return false;
        }
        // Titles in capitals, and short labels, which UI text capitalises
        // (`Huling Binago`, `Panatilihin ang mga Pagbabago`).
        let long: Vec<usize> = (1..words.len())
            .filter(|&k| word(k).chars().count() >= 4 && word(k).chars().any(char::is_lowercase))
            .collect();
        let capitalised = long.iter().filter(|&&k| upper(k)).count();
        if capitalised >= 2 && capitalised * 2 >= long.len() {
            return true;
        }
        label.is_some() && (!certain_word || self.title_label(&words))
    }

    /// Whether every content word of `words` is capitalised, two words or
    /// more (`Huling Binago`, `Mga Pagsusuri`, `I-reset ang
    /// Pagkakasunud-sunod`): a hyphenated word counts once, capitalised if
    /// any part is (`i-Save`).
    fn title_label(&self, words: &[At]) -> bool {
        let mut capitals = 0;
        let mut all = true;
        let mut k = 0;
        while k < words.len() {
            let class = self.flow.token(words[k]).class;
            let mut upper = self.flow.word(words[k]).starts_with(char::is_uppercase);
            while k + 1 < words.len() && self.flow.between(words[k], words[k + 1]).prose().eq(['-']) {
                k += 1;
                upper |= self.flow.word(words[k]).starts_with(char::is_uppercase);
            }
            capitals += usize::from(upper);
            all &= upper || class.is_particle() || class.is_filipino_marker();
            k += 1;
        }
        all && capitals >= 2
    }

    /// Whether the sentence `words` is a short label: six words or fewer
    /// on a line of their own, or before a colon, a dash or a placeholder,
    /// with no full stop. Says what ends it (`\n` for a line end or the
    /// end of the text).
    fn label(&self, words: &[At]) -> Option<char> {
        let (&first, &last) = (words.first()?, words.last()?);
        if words.len() > 6 {
            return None;
        }
        // After a line break or a separator (`A > Z`, `Larawan | `), not
        // after a full stop or a comma.
        let starts_line = self.flow.prev(first).is_none_or(|p| {
            let between = self.flow.between(p, first);
            between.cut.is_some_and(|c| c.contains('\n'))
                || between.visible().any(|c| c == '\n')
                || !between.visible().any(|c| matches!(c, '.' | '!' | '?' | ','))
        });
        let end = match self.flow.next(last) {
            None => {
                let segment_end = self.ctx.segments[last.segment].range.end;
                let after = &self.ctx.source[self.flow.token(last).range.end..segment_end];
                after.trim_start().chars().next().unwrap_or('\n')
            }
            Some(n) => {
                let between = self.flow.between(last, n);
                let first_mark = between.visible().find(|c| !matches!(c, ' ' | '\t' | '\r'));
                first_mark.unwrap_or('\n')
            }
        };
        (starts_line && !matches!(end, '.' | '!' | '?' | ',' | ';')).then_some(end)
    }

    /// Whether the unit's own source is in sentence case.
    fn source_in_sentence_case(&self) -> bool {
        *self.sentence_case.get_or_init(|| {
            let Some(source) = self.source else {
                return false;
            };
            if self.ctx.source_is_whole_document() {
                return false;
            }
            let target = self.ctx.unit_text();
            source_case::is_sentence_case(source, &target)
        })
    }

    /// Whether the unit's own source is one sentence: the translation then
    /// is one too.
    fn source_is_one_sentence(&self) -> bool {
        self.source.is_some_and(|s| {
            !self.ctx.source_is_whole_document() && source_case::sentences(s) == 1
        })
    }
}

/// What cut-out material reads as in a sentence: a link target, a tag or
/// emphasis markup is invisible; code or a placeholder is a word; an
/// address that ends a sentence (`x.ph/a</a>.`) ends it.
fn cut_reads_as(cut: &str) -> Gap {
    let c = cut.trim();
    let without_tags: String = super::flow::without_tags(c.chars()).collect();
    if without_tags.trim_end().ends_with(['.', '!', '?']) && !c.starts_with('`') {
        return Gap::Boundary;
    }
    if c.is_empty()
        || c.starts_with("](")
        || (c.starts_with('<') && !c.starts_with("<code"))
        || c.chars().all(|c| matches!(c, '*' | '_' | '~'))
    {
        Gap::Inside
    } else {
        Gap::Code
    }
}

/// A stem that is a word of its own, not a fragment that a name happens to
/// contain (`Ising` is no `isi` + `-ng`): frequent, or long.
fn is_word_of_its_own(stem: &str) -> bool {
    frequency(stem).fil >= 40 || crate::lexicon::morphology::syllable::syllables(stem) >= 3
}

/// A word a linked modifier can modify: a content word, not an enclitic
/// or a function word that cannot follow a linker (`Barong na gawa`: the
/// `-ng` of `Barong` is no linker), nor a demonstrative, which a linker
/// joins to a noun, and nouns may be titles (`ang Patakarang ito`).
fn modified_word(next: &str) -> bool {
    let lower = fold(next);
    !is_enclitic(&lower)
        && !matches!(
            lower.as_str(),
            "ay" | "at" | "ng" | "nang" | "o" | "kung" | "ito" | "iyan" | "iyon" | "yan" | "yon"
                | "yun" | "nito" | "niyan" | "niyon" | "dito" | "diyan" | "doon"
                // Conjunctions start a clause: `bagyong Ising habang`.
                | "habang" | "kapag" | "dahil" | "upang" | "para" | "hanggang" | "saka" | "kaya"
                | "pero" | "ngunit" | "subalit" | "sapagkat" | "samantalang"
        )
}

#[cfg(test)]
mod tests {
    use crate::Applicability;
    use crate::input::{Document, Format};
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::MidSentenceCapital);

    /// `(flagged word, safe fix?)` of every finding in `doc`.
    fn findings(doc: &Document) -> Vec<(String, bool)> {
        RULE.checker()
            .check(doc)
            .into_iter()
            .map(|d| {
                let safe = d.fix.expect("a fix").applicability == Applicability::Safe;
                (doc.text[d.span].to_string(), safe)
            })
            .collect()
    }

    fn plain(text: &str) -> Vec<(String, bool)> {
        findings(&Document::new("t.txt", text, Format::Plain))
    }

    fn markdown(text: &str) -> Vec<(String, bool)> {
        findings(&Document::new("t.md", text, Format::Markdown))
    }

    fn flagged(list: &[(&str, bool)]) -> Vec<(String, bool)> {
        list.iter().map(|&(w, s)| (w.to_string(), s)).collect()
    }

    #[test]
    fn function_and_inflected_words_after_a_word_that_cannot_end_a_sentence_are_fixed_safely() {
        assert_eq!(
            plain("Inayos ng Ang pangkat ang mga upuan."),
            flagged(&[("Ang", true)])
        );
        assert_eq!(
            plain("Ang mga liham ay Ipinadadala ng kalihim tuwing Lunes."),
            flagged(&[("Ipinadadala", true)])
        );
        RULE.assert_fixed(
            "Naglaan sila ng pondo para sa Mga lumang aklatan.",
            "Naglaan sila ng pondo para sa mga lumang aklatan.",
        );
    }

    #[test]
    fn an_uncertain_sentence_boundary_makes_the_fix_unsafe() {
        // A headline may have run into its text without a full stop.
        assert_eq!(
            plain("Bumaha sa bayan Sa mga bukid ay lumubog ang palay."),
            flagged(&[("Sa", false)])
        );
        // A linked modifier may be a title word: unsafe.
        assert_eq!(
            plain("Binasa niya ang Karaniwang tanong ng mga mag-aaral."),
            flagged(&[("Karaniwang", false)])
        );
    }

    #[test]
    fn code_spans_and_soft_line_breaks_do_not_end_a_sentence() {
        assert_eq!(
            markdown("Ang `mga_uri` Ang aklatan ay bago.\n"),
            flagged(&[("Ang", true)])
        );
        assert_eq!(
            markdown("Ito ay isang tipunan ng\nMga lumang larawan.\n"),
            flagged(&[("Mga", true)])
        );
        // A hard break (two blanks) and a new paragraph end the line.
        assert!(markdown("Ito ay isang tipunan  \nMga lumang larawan.\n").is_empty());
        assert!(markdown("Ito ay isang tipunan\n\nMga lumang larawan.\n").is_empty());
        // An address that ends a sentence ends it.
        assert!(markdown("Tingnan ang <a href=\"https://x.ph/a\">x.ph/a</a>.\nBasahin ang gabay.\n").is_empty());
        // In plain text a line may end a sentence unless its last word
        // cannot.
        assert!(plain("Ito ay isang tipunan\nMga lumang larawan.").is_empty());
        assert_eq!(
            plain("Ito ay isang tipunan ng\nMga lumang larawan."),
            flagged(&[("Mga", true)])
        );
    }

    #[test]
    fn names_titles_and_sentence_starts_are_silent() {
        for text in [
            "Dumalaw si Bayani sa Malolos kahapon.",
            "Ipinagdiwang nila ang Araw ng Kalayaan sa plasa.",
            "Napanood namin ang Ang Probinsyano Ngayon sa telebisyon.",
            "Tandaan: Ang pulong ay bukas.",
            "Sumulat siya sa Kagawaran ng Edukasyon tungkol dito.",
            "Purihin ang Kanyang pangalan.",
            "Sumulat siya ng aklat na <em>Pinagtibay</em> noong bata pa.",
            "Sumulat siya ng aklat na *Pinagtibay* noong bata pa.",
            "Huling Binago",
        ] {
            assert!(plain(text).is_empty(), "{text}: {:?}", plain(text));
        }
    }

    #[test]
    fn the_source_shows_a_capital_copied_from_its_first_word() {
        // The English value starts with the word; the translation added
        // an article before it, and the word is written in lower case
        // elsewhere: no name.
        let source = "{\"a\": \"Gadgets in <a href=\\\"https://x.io/y\\\">acme/gadgets</a> need review (see <a href=\\\"https://x.io/w\\\">Good Gadgets</a>).\", \"b\": \"Teams keep their own gadgets.\"}";
        let target = "{\"a\": \"Ang Gadgets sa <a href=\\\"https://x.io/y\\\">acme/gadgets</a> ay sinusuri (tingnan ang <a href=\\\"https://x.io/w\\\">Good Gadgets</a>).\", \"b\": \"May sariling gadgets ang mga pangkat.\"}";
        let found = RULE.pair_findings(source, target);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Gadgets");
        // Used as a name inside a sentence of the source: silent.
        let named = "{\"a\": \"Gadgets in the core need review.\", \"b\": \"Open Gadgets to add one.\"}";
        let target = "{\"a\": \"Ang Gadgets sa core ay sinusuri.\", \"b\": \"Buksan ang Gadgets para magdagdag.\"}";
        assert!(RULE.pair_findings(named, target).is_empty());
        // A frequent Filipino word capitalised where the source, in
        // sentence case, has none.
        let found = RULE.pair_findings("Search the documentation", "Hanapin ang mga Dokumento");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Dokumento");
        assert!(RULE.pair_findings("Search the Documents", "Hanapin ang mga Dokumento").is_empty());
    }
}
