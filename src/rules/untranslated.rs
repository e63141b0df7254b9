use super::{Context, Reporter, Rule, declare_rule};
use crate::lexicon::frequency::englishness;
use crate::lexicon::is_english_function_word;
use crate::text::tokens::{fold, starts_upper};

declare_rule! {
    /// ## What it checks
    /// English left untranslated in Filipino text:
    /// - a stretch of five or more words without a Filipino function word
    ///   that holds three or more English function words (`the`, `of`,
    ///   `and`, `with`, `which`, `is`, `for`, `to`, `by`, `from`, ...);
    /// - a whole sentence of four or more words in English (two or more
    ///   English function words, no Filipino one) in a document that is
    ///   otherwise Filipino;
    /// - the text of a `title`, `alt`, `placeholder` or `aria-label`
    ///   attribute (a tooltip, the text of an image) of three or more words
    ///   that the word frequencies weigh as English, in a Filipino segment:
    ///   the reader sees it, and machine translation skips markup.
    ///
    /// ## Why
    /// Machine translation leaves clauses it could not parse in the source
    /// language. But English is normal in Filipino writing: Taglish phrases
    /// (`in the future`, `one of a kind`), names (`Office of the
    /// Ombudsman`, `University of the Philippines`) and quotations. So the
    /// rule skips names in title case, text in quotes or brackets, and short
    /// phrases, and it never fixes: translating is a person's job. On human
    /// Filipino news it fires about once per 5,000 words, on Taglish the
    /// author meant.
    ///
    /// ## Bad
    /// ```text
    /// Inilunsad ng lungsod ang programa which is part of the plan para sa kalusugan.
    /// Ang mga tiket ay nasa <a href="/x" title="List of open tickets">listahan</a> na ito at sa mga ulat.
    /// Dumalo ang mga opisyal ng lungsod sa pulong. The meeting was held in the city hall. Natapos ito nang tanghali at umuwi na sila.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Magkakatrabaho raw sila in the future, ayon sa kanilang manager.
    /// Inireklamo siya sa Office of the Ombudsman ng isang kawani.
    /// Nag-aral siya sa University of the Philippines sa Diliman.
    /// Sabi niya, "It is what it is, and that is all."
    /// Isa siyang one of a kind na artista.
    /// Ang mga tiket ay nasa <a href="/x" title="Listahan ng mga tiket">listahan</a> na ito at sa mga ulat.
    /// ```
    ///
    /// ## Fix
    /// None: a person translates.
    pub struct Untranslated {
        name: "untranslated",
        severity: Warning,
        fix: None,
        summary: "English left untranslated in a Filipino sentence",
    }
}

/// Lower-case words that join the capitalised words of a name
/// (`Office of the Ombudsman`, `Department of Trade and Industry`).
const NAME_JOINERS: &[&str] = &[
    "and", "at", "de", "del", "for", "in", "ng", "of", "on", "sa", "the", "y",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Inside quotes or brackets, or part of a name.
    Skip,
    Filipino,
    EnglishFunction,
    Other,
}

impl Rule for Untranslated {
    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let n = ctx.tokens.len();
        if n == 0 {
            return;
        }
        if ctx.text().contains("=\"") {
            report_attributes(ctx, &quoted_tokens(ctx).1, out);
        }
        // The checks of prose need two English function words or more.
        if ctx.english_words < 2 {
            return;
        }
        let (quoted, _) = quoted_tokens(ctx);
        let names = name_tokens(ctx);
        let classes: Vec<Class> = (0..n)
            .map(|i| {
                if quoted[i] || names[i] {
                    Class::Skip
                } else if ctx.tokens[i].class.is_filipino_marker() {
                    Class::Filipino
                } else if ctx.tokens[i].class.is_english_function_word() {
                    Class::EnglishFunction
                } else {
                    Class::Other
                }
            })
            .collect();

        // Sentences: split at `.`, `!`, `?` followed by white space, and at
        // line breaks.
        let mut start = 0;
        for i in 0..n {
            if ctx.out_of_time() {
                return;
            }
            let last = i + 1 == n || sentence_ends(ctx.gap_after(i));
            if !last {
                continue;
            }
            let sentence = start..i + 1;
            start = i + 1;
            let cls = &classes[sentence.clone()];
            let words = cls.len();
            let english = cls.iter().filter(|&&c| c == Class::EnglishFunction).count();
            let filipino = cls.iter().filter(|&&c| c == Class::Filipino).count();
            let skipped = cls.iter().filter(|&&c| c == Class::Skip).count();
            if ctx.language.is_filipino()
                && words >= 4
                && english >= 2
                && filipino == 0
                && skipped * 2 < words
            {
                let span = ctx.tokens[sentence.start].range.start..ctx.tokens[i].range.end;
                out.report(span, "an English sentence in Filipino text: translate it");
                continue;
            }
            // Runs of English inside a Filipino sentence.
            if filipino == 0 && !ctx.language.is_filipino() {
                continue;
            }
            let mut j = sentence.start;
            while j < sentence.end {
                let mut k = j;
                while k < sentence.end
                    && matches!(classes[k], Class::EnglishFunction | Class::Other)
                    && (k == j || plain_gap(ctx.gap_after(k - 1)))
                {
                    k += 1;
                }
                if k == j {
                    j += 1;
                    continue;
                }
                // The run starts at its first English function word: the
                // words before it are usually Filipino content words.
                let run_end = k;
                while j < k && classes[j] != Class::EnglishFunction {
                    j += 1;
                }
                let fn_words = classes[j..k]
                    .iter()
                    .filter(|&&c| c == Class::EnglishFunction)
                    .count();
                if k - j >= 5 && fn_words >= 3 {
                    let span = ctx.tokens[j].range.start..ctx.tokens[k - 1].range.end;
                    let text = &ctx.source[span.clone()];
                    out.report(span, format!("English left untranslated: `{text}`"));
                }
                j = run_end;
            }
        }
    }
}

fn sentence_ends(gap: &str) -> bool {
    gap.contains('\n')
        || gap.char_indices().any(|(i, c)| {
            matches!(c, '.' | '!' | '?' | ';' | ':')
                && gap[i + 1..].starts_with(char::is_whitespace)
        })
}

/// Words in a run are separated by spaces, or a comma and a space.
fn plain_gap(gap: &str) -> bool {
    matches!(gap, " " | ", " | "-")
}

/// Attributes whose text a reader sees: a tooltip, the text of an image,
/// a field's hint or its spoken label.
const VISIBLE_ATTRIBUTES: &[&str] = &["alt", "aria-label", "placeholder", "title"];

/// Reports each attribute value of `attribute` (the index of its value
/// for every token, see [`quoted_tokens`]) that is English text: three
/// words or more, the words the frequency lists know mostly English, and
/// most words known.
fn report_attributes(ctx: &Context<'_>, attribute: &[Option<usize>], out: &mut Reporter<'_>) {
    if !ctx.language.is_filipino() {
        return;
    }
    let mut i = 0;
    while i < attribute.len() {
        let Some(value) = attribute[i] else {
            i += 1;
            continue;
        };
        let end = (i..attribute.len())
            .find(|&k| attribute[k] != Some(value))
            .unwrap_or(attribute.len());
        let words = (i..end).map(|k| ctx.word(k));
        let weight = englishness(words);
        if end - i >= 3 && weight.known * 2 > end - i && weight.share() >= 0.8 {
            let span = ctx.tokens[i].range.start..ctx.tokens[end - 1].range.end;
            let text = &ctx.source[span.clone()];
            out.report(
                span,
                format!("English left untranslated in an attribute the reader sees: `{text}`"),
            );
        }
        i = end;
    }
}

/// Tokens inside double quotes, brackets or markup tags (`<a href="x">`),
/// and, for each token inside the quoted value of a visible attribute
/// (`title="..."`), which such value holds it.
fn quoted_tokens(ctx: &Context<'_>) -> (Vec<bool>, Vec<Option<usize>>) {
    let mut out = Vec::with_capacity(ctx.tokens.len());
    let mut attribute = Vec::with_capacity(ctx.tokens.len());
    let mut in_attribute = None;
    let mut values = 0;
    let mut straight = false;
    let mut curly = 0i32;
    let mut brackets = 0i32;
    let mut tag = false;
    let mut pos = ctx.segment.range.start;
    for (k, t) in ctx.tokens.iter().enumerate() {
        let gap = &ctx.source[pos..t.range.start];
        for (i, c) in gap.char_indices() {
            // `title="`: the word before names a visible attribute (the
            // segment may start inside the tag, after a link target).
            let opens_attribute = || {
                c == '"'
                    && gap[..i].trim_end() == "="
                    && k > 0
                    && VISIBLE_ATTRIBUTES.contains(&attribute_name(ctx, k - 1))
            };
            if in_attribute.is_some() {
                if c == '"' {
                    in_attribute = None;
                    straight = false;
                }
                continue;
            }
            if (tag || !straight) && opens_attribute() {
                values += 1;
                in_attribute = Some(values);
                straight = !tag;
                continue;
            }
            if tag {
                tag = c != '>';
                continue;
            }
            match c {
                '<' if gap[i + 1..].is_empty() || gap[i + 1..].starts_with('/') => tag = true,
                '"' => straight = !straight,
                '\u{201c}' => curly += 1,
                '\u{201d}' => curly = (curly - 1).max(0),
                '(' | '[' => brackets += 1,
                ')' | ']' => brackets = (brackets - 1).max(0),
                _ => {}
            }
        }
        pos = t.range.end;
        out.push(tag || straight || curly > 0 || brackets > 0 || in_attribute.is_some());
        attribute.push(in_attribute);
    }
    (out, attribute)
}

/// The attribute name ending at token `k` (`title`, `aria-label`).
fn attribute_name<'a>(ctx: &Context<'a>, k: usize) -> &'a str {
    let end = ctx.tokens[k].range.end;
    let start = ctx.source[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &ctx.source[start..end]
}

/// Tokens that belong to a name in title case: two or more capitalised
/// words, possibly joined by `of`, `the`, `and`... A capitalised English
/// function word alone (`The` starting a sentence) is not a name.
fn name_tokens(ctx: &Context<'_>) -> Vec<bool> {
    let n = ctx.tokens.len();
    let mut out = vec![false; n];
    let cap = |i: usize| {
        let w = ctx.word(i);
        starts_upper(w) && !is_english_function_word(&fold(w))
    };
    let mut i = 0;
    while i < n {
        let starts_name = cap(i) || (starts_upper(ctx.word(i)) && i + 1 < n && cap(i + 1));
        if !starts_name {
            i += 1;
            continue;
        }
        // Extend over capitalised words and joiners followed by a capital.
        let mut end = i + 1;
        loop {
            if end < n && starts_upper(ctx.word(end)) && plain_gap(ctx.gap_after(end - 1)) {
                end += 1;
                continue;
            }
            let mut k = end;
            while k < n && NAME_JOINERS.contains(&ctx.word(k)) && plain_gap(ctx.gap_after(k - 1)) {
                k += 1;
            }
            if k > end && k < n && starts_upper(ctx.word(k)) && plain_gap(ctx.gap_after(k - 1)) {
                end = k + 1;
                continue;
            }
            break;
        }
        // A single capitalised word counts as a name too (`Hollywood`).
        for flag in &mut out[i..end] {
            *flag = true;
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::input::{Document, Format};
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::Untranslated);

    #[test]
    fn english_runs_in_filipino_sentences() {
        assert_eq!(
            RULE.flagged("Inilunsad ang programa which is part of the plan para sa kalusugan."),
            ["which is part of the plan"]
        );
        let d = RULE.check("Inilunsad ang programa which is part of the plan para sa kalusugan.");
        assert_eq!(
            d[0].message,
            "English left untranslated: `which is part of the plan`"
        );
        assert!(d[0].fix.is_none());
    }

    #[test]
    fn whole_english_sentences_in_a_filipino_document() {
        let text = "Dumalo ang mga opisyal sa pulong. The meeting was held in the city hall. Natapos ito nang tanghali at umuwi na ang lahat.";
        assert_eq!(
            RULE.flagged(text),
            ["The meeting was held in the city hall"]
        );
        // An English document is not Filipino text with English in it.
        let doc = Document::new(
            "en.txt",
            "The meeting was held in the city hall. It was a long day for all of us.",
            Format::Plain,
        );
        assert!(RULE.checker().check(&doc).is_empty());
    }

    #[test]
    fn english_text_of_visible_attributes() {
        let text = "Ang mga tiket ay nasa <a href=\"/t\" title=\"Show all open tickets\">listahan</a> na ito at sa mga ulat ng pangkat.";
        assert_eq!(RULE.flagged(text), ["Show all open tickets"]);
        // After a link target, which the prose is cut around.
        let text = "Ang mga tiket ay nasa <a href=\"https://x.ph/t\"\ntitle=\"Show all open tickets\">listahan</a> na ito at sa mga ulat ng pangkat.";
        assert_eq!(RULE.flagged(text), ["Show all open tickets"]);
        // Translated, too short, or an attribute no reader sees.
        for text in [
            "Ang mga tiket ay nasa <a href=\"/t\" title=\"Ipakita ang lahat ng tiket\">listahan</a> na ito at sa mga ulat ng pangkat.",
            "Ang mga tiket ay nasa <a href=\"/t\" title=\"Open tickets\">listahan</a> na ito at sa mga ulat ng pangkat.",
            "Buksan ang <a href=\"/t\" data-note=\"Show all open tickets\">listahan</a> na ito at sa mga ulat ng pangkat.",
            "Ang mga tiket ay nasa <a href=\"/t\" dé=\"Show all open tickets\">listahan</a> na ito at sa mga ulat ng pangkat.",
        ] {
            RULE.assert_silent(text);
        }
    }

    #[test]
    fn taglish_names_and_quotes_are_silent() {
        for text in [
            "Magkakatrabaho raw sila in the future.",
            "Inireklamo siya sa Office of the Ombudsman ng isang kawani.",
            "Dumalo ang Department of Trade and Industry at ang Integrated Bar of the Philippines.",
            "Sabi niya, \"It is what it is, and that is all.\"",
            "Ayon sa kanya (where it is legal to do so) ay puwede.",
            "Isa siyang one of a kind na artista.",
            "Napanood namin ang The Battle of East and West kagabi.",
            "On the other hand, hindi pa rin sila nagkakasundo.",
            "Hindi ito gumagana. <a data-name=\"learn-more-link\">Alamin</a> ang dahilan.",
        ] {
            RULE.assert_silent(text);
        }
    }
}
