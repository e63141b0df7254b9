use super::extract::{Placeholder, Syntax, placeholders};
use super::{Context, Needs, Reporter, Rule, UnitContext, declare_rule};
use crate::diagnostic::Edit;
use crate::lexicon::morphology::affixes::is_bound_prefix;
use crate::lexicon::{frequency_lower, is_function_word};
use crate::text::MarkKind;

declare_rule! {
    /// ## What it checks
    /// The spaces next to placeholders and inline tags:
    /// - against the source, when there is one: a placeholder run into a
    ///   word where the source has a space (`sa{heading}`, `{count}mga`
    ///   for `in {heading}`, `{count} items`); the text between two
    ///   placeholders spaced otherwise than in the source (`{h} : {m}` for
    ///   `{h}:{m}`, `{siteTitle}{versionLabel}` for `{siteTitle}
    ///   {versionLabel}`, `{author}-{posts}` for `{author} - {posts}`); a
    ///   space before a mark that the source writes right after the
    ///   placeholder (`{d} ,` for `{d},`);
    /// - without a source: a Filipino word run into a `{…}` placeholder
    ///   (`ang{name}`, `{count}na`).
    ///
    /// ## Why
    /// Machine translation drops or adds the spaces next to what it must
    /// not translate, and the application then shows `sa{heading}` as
    /// `saPanimula`. What the source writes is what the placeholders need.
    /// Placeholders spaced as in the source, and a prefix joined to a
    /// placeholder (`ika-{n}`, `mag{verb}`), are left alone.
    ///
    /// ## Bad
    /// ```text
    /// {"a": "Posts in {heading}"} → {"a": "Mga post sa{heading}"}
    /// {"a": "{h}:{m}"} → {"a": "{h} : {m}"}
    /// Nakakita ng {count}mga resulta.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// {"a": "Posts in {heading}"} → {"a": "Mga post sa {heading}"}
    /// {"a": "{h}:{m}"} → {"a": "{h}:{m}"}
    /// Nakakita ng {count} resulta sa ika-{n} na pahina.
    /// ```
    ///
    /// ## Fix
    /// Safe: the spaces become the source's (a space is inserted, removed,
    /// or the text between two placeholders is written as the source
    /// writes it); without a source, a space goes between the word and the
    /// placeholder.
    pub struct PlaceholderSpacing {
        name: "placeholder-spacing",
        severity: Warning,
        fix: Safe,
        summary: "Spaces next to a placeholder differ from the source's, or a word runs into a placeholder (`sa{heading}`)",
    }
}

impl Rule for PlaceholderSpacing {
    fn needs(&self) -> Needs {
        Needs::marks(&[MarkKind::OpeningBracket])
    }

    /// Without a source: a Filipino word run into a placeholder.
    fn check(&self, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        if ctx.unit().is_some_and(|u| u.source.is_some()) {
            return; // judged against the source, in `check_unit`
        }
        let text = ctx.text();
        let base = ctx.segment.range.start;
        for p in placeholders(text).iter().filter(|p| is_braced(p.syntax)) {
            if let Some(word) = glued_word_before(text, p.range.start) {
                out.report(
                    base + p.range.start - word.len()..base + p.range.end,
                    format!("`{word}` runs into `{}`; write a space between them", p.text),
                )
                .suggest(format!("{word} {}", p.text))
                .fix(Edit::insert(base + p.range.start, " "));
            }
            if let Some(word) = glued_word_after(text, p.range.end) {
                out.report(
                    base + p.range.start..base + p.range.end + word.len(),
                    format!("`{}` runs into `{word}`; write a space between them", p.text),
                )
                .suggest(format!("{} {word}", p.text))
                .fix(Edit::insert(base + p.range.end, " "));
            }
        }
    }

    /// With a source: the spaces next to each placeholder as the source's.
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let Some(source) = ctx.translated_source() else {
            return;
        };
        let target = ctx.target.as_str();
        let src: Vec<Placeholder> = placeholders(source).into_iter().filter(|p| spaced(p.syntax)).collect();
        let tgt: Vec<Placeholder> = placeholders(target).into_iter().filter(|p| spaced(p.syntax)).collect();
        let pairs = pair_up(&src, &tgt);
        // `pairs[k]` pairs `tgt[k]` with a source placeholder.
        for (k, t) in tgt.iter().enumerate() {
            let Some(s_index) = pairs[k] else {
                continue;
            };
            let s = &src[s_index];
            let mut edits: Vec<Edit> = Vec::new();
            let mut why: Vec<String> = Vec::new();
            // The left side, unless the gap after the previous placeholder
            // covered it.
            let previous_paired = k > 0
                && pairs[k - 1].is_some_and(|p| p + 1 == s_index)
                && gap_is_marks(target, tgt[k - 1].range.end, t.range.start)
                && gap_is_marks(source, src[s_index - 1].range.end, s.range.start);
            if !previous_paired {
                left_side(source, s, target, t, &mut edits, &mut why);
            }
            let next_paired = tgt.get(k + 1).is_some()
                && pairs.get(k + 1).copied().flatten() == Some(s_index + 1)
                && gap_is_marks(target, t.range.end, tgt[k + 1].range.start)
                && gap_is_marks(source, s.range.end, src[s_index + 1].range.start);
            if next_paired {
                let (sg, tg) = (
                    s.range.end..src[s_index + 1].range.start,
                    t.range.end..tgt[k + 1].range.start,
                );
                let (s_gap, t_gap) = (&source[sg], &target[tg.clone()]);
                if s_gap != t_gap && without_blanks(s_gap) == without_blanks(t_gap) {
                    why.push(format!(
                        "the source writes `{}{s_gap}{}`",
                        s.text,
                        src[s_index + 1].text
                    ));
                    edits.push(Edit::replace(tg, s_gap));
                }
            } else {
                right_side(source, s, target, t, &mut edits, &mut why);
            }
            if edits.is_empty() {
                continue;
            }
            report(ctx, t, edits, &why, out);
        }
    }
}

/// Reports the edits around placeholder `t` of the unit's text as one
/// finding: the placeholder and what the edits touch, and the fixed text.
fn report(ctx: &UnitContext<'_>, t: &Placeholder, edits: Vec<Edit>, why: &[String], out: &mut Reporter<'_>) {
    let target = ctx.target.as_str();
    let start = edits.iter().map(|e| e.range.start).min().unwrap_or(t.range.start).min(t.range.start);
    let end = edits.iter().map(|e| e.range.end).max().unwrap_or(t.range.end).max(t.range.end);
    let mut fixed = String::new();
    let mut at = start;
    for e in &edits {
        fixed.push_str(&target[at..e.range.start]);
        fixed.push_str(&e.replacement);
        at = e.range.end;
    }
    fixed.push_str(&target[at..end]);
    let message = format!("the spaces next to `{}` differ from the source's: {}", t.text, why.join("; "));
    let file_edits = edits
        .into_iter()
        .map(|e| Edit::replace(ctx.span(e.range), e.replacement))
        .collect();
    out.report(ctx.span(start..end), message)
        .suggest(fixed)
        .fix_edits(file_edits);
}

/// Placeholders whose spacing is compared: all but link targets and
/// entities, which are part of the text around them.
fn spaced(syntax: Syntax) -> bool {
    !matches!(syntax, Syntax::LinkTarget | Syntax::Entity | Syntax::Colon)
}

/// `{x}`, `{{x}}`, `${x}`, `%{x}`, `{ $x }`: placeholders that stand for a
/// whole word or value.
fn is_braced(syntax: Syntax) -> bool {
    matches!(
        syntax,
        Syntax::Brace | Syntax::DoubleBrace | Syntax::Dollar | Syntax::PercentBrace | Syntax::Fluent
    )
}

/// For each target placeholder, the source placeholder of the same text
/// (the first one not yet taken, in order).
fn pair_up(src: &[Placeholder], tgt: &[Placeholder]) -> Vec<Option<usize>> {
    // The source's placeholders by text, each text's in order: linear in a
    // unit of thousands of tags.
    let mut by_text: std::collections::HashMap<&str, std::collections::VecDeque<usize>> =
        std::collections::HashMap::new();
    for (i, s) in src.iter().enumerate() {
        by_text.entry(s.text.as_str()).or_default().push_back(i);
    }
    tgt.iter()
        .map(|t| by_text.get_mut(t.text.as_str())?.pop_front())
        .collect()
}

/// Whether `text[from..to]` holds no letter or digit (only marks and
/// blanks, or nothing): two placeholders side by side.
fn gap_is_marks(text: &str, from: usize, to: usize) -> bool {
    from <= to && !text[from..to].chars().any(char::is_alphanumeric) && !text[from..to].contains('\n')
}

fn without_blanks(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The blanks (spaces and tabs) just after `at`, and the character after
/// them.
fn blanks_after(text: &str, at: usize) -> (usize, Option<char>) {
    let n = text[at..].bytes().take_while(|b| matches!(b, b' ' | b'\t')).count();
    (n, text[at + n..].chars().next())
}

/// The blanks just before `at`, and the character before them.
fn blanks_before(text: &str, at: usize) -> (usize, Option<char>) {
    let n = text[..at].bytes().rev().take_while(|b| matches!(b, b' ' | b'\t')).count();
    (n, text[..at - n].chars().next_back())
}

/// After the placeholder: a space the source has and the translation lost
/// before a word, or a space the translation added before a mark the
/// source writes right after it.
fn right_side(source: &str, s: &Placeholder, target: &str, t: &Placeholder, edits: &mut Vec<Edit>, why: &mut Vec<String>) {
    let (s_blanks, s_next) = blanks_after(source, s.range.end);
    let (t_blanks, t_next) = blanks_after(target, t.range.end);
    if s_blanks > 0 && t_blanks == 0 && t_next.is_some_and(char::is_alphanumeric) {
        edits.push(Edit::insert(t.range.end, " "));
        why.push("the source has a space after it".into());
    } else if s_blanks == 0
        && t_blanks > 0
        && s_next.is_some_and(is_closing)
        && t_next == s_next
    {
        edits.push(Edit::delete(t.range.end..t.range.end + t_blanks));
        why.push(format!("the source writes `{}` right after it", s_next.unwrap_or(' ')));
    }
}

/// Before the placeholder: a space the source has and the translation lost
/// after a word or a mark, or a space the translation added after an
/// opening bracket or quote the source writes right before it.
fn left_side(source: &str, s: &Placeholder, target: &str, t: &Placeholder, edits: &mut Vec<Edit>, why: &mut Vec<String>) {
    let (s_blanks, s_prev) = blanks_before(source, s.range.start);
    let (t_blanks, t_prev) = blanks_before(target, t.range.start);
    let glued = t_prev.is_some_and(|c| {
        c.is_alphanumeric() || (matches!(c, ',' | ';' | ':' | '!' | '?') && s_prev == Some(c))
    });
    if s_blanks > 0 && t_blanks == 0 && glued {
        edits.push(Edit::insert(t.range.start, " "));
        why.push("the source has a space before it".into());
    } else if s_blanks == 0
        && t_blanks > 0
        && s_prev.is_some_and(is_opening)
        && t_prev == s_prev
    {
        edits.push(Edit::delete(t.range.start - t_blanks..t.range.start));
        why.push(format!("the source writes `{}` right before it", s_prev.unwrap_or(' ')));
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '\u{201d}' | '\u{2019}')
}

fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '\u{201c}' | '\u{2018}')
}

/// The Filipino word run into the placeholder at `at` (no blank between),
/// unless it is a prefix that joins a placeholder (`mag{verb}`).
fn glued_word_before(text: &str, at: usize) -> Option<&str> {
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    let word = &text[start..at];
    let joins = is_bound_prefix(&word.to_lowercase());
    (!joins && is_filipino_word(word)).then_some(word)
}

/// The Filipino word the placeholder ending at `at` runs into, unless it
/// is the linker (`{n}ng`), which belongs to it.
fn glued_word_after(text: &str, at: usize) -> Option<&str> {
    let len: usize = text[at..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    let word = &text[at..at + len];
    (!matches!(word, "ng" | "g") && is_filipino_word(word)).then_some(word)
}

/// A Filipino function word, or a word of two letters or more that
/// Filipino text uses at least as often as English text.
fn is_filipino_word(word: &str) -> bool {
    if word.chars().count() < 2 {
        return false;
    }
    let lower = word.to_lowercase();
    if is_function_word(&lower) {
        return true;
    }
    let f = frequency_lower(&lower);
    f.fil > 0 && f.fil >= f.en
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::PlaceholderSpacing);

    fn fixed(source: &str, target: &str) -> Vec<String> {
        RULE.pair_findings(&format!(r#"{{"a": "{source}"}}"#), &format!(r#"{{"a": "{target}"}}"#))
            .into_iter()
            .map(|f| f.2.unwrap_or_default())
            .collect()
    }

    #[test]
    fn spaces_the_source_has() {
        assert_eq!(
            fixed("Posts in {heading}", "Mga post sa{heading}"),
            [r#"{"a": "Mga post sa {heading}"}"#]
        );
        assert_eq!(
            fixed("{count} docs found", "{count}mga doc ang nakita"),
            [r#"{"a": "{count} mga doc ang nakita"}"#]
        );
        assert_eq!(
            fixed("Version: {v}", "Bersiyon:{v}"),
            [r#"{"a": "Bersiyon: {v}"}"#]
        );
        // Both sides and the gap between two placeholders at once.
        assert_eq!(
            fixed("docs for {site} {version} here", "dokumento para sa{site}{version}dito"),
            [
                r#"{"a": "dokumento para sa {site} {version}dito"}"#,
                r#"{"a": "dokumento para sa{site}{version} dito"}"#,
            ]
        );
    }

    #[test]
    fn gaps_between_placeholders_as_the_source_writes_them() {
        assert_eq!(fixed("{h}:{m}", "{h} : {m}"), [r#"{"a": "{h}:{m}"}"#]);
        assert_eq!(
            fixed("{{MMM}} {{d}}, {{YYYY}}", "{{MMM}} {{d}} , {{YYYY}}"),
            [r#"{"a": "{{MMM}} {{d}}, {{YYYY}}"}"#]
        );
        assert_eq!(
            fixed("{author} - {posts}", "{author}-{posts}"),
            [r#"{"a": "{author} - {posts}"}"#]
        );
        assert_eq!(
            fixed("see {link} ({label}).", "tingnan ang{link}({label})."),
            [r#"{"a": "tingnan ang {link} ({label})."}"#]
        );
        let message = &RULE.pair_findings(r#"{"a": "{h}:{m}"}"#, r#"{"a": "{h} : {m}"}"#)[0].1;
        assert_eq!(message, "the spaces next to `{h}` differ from the source's: the source writes `{h}:{m}`");
    }

    #[test]
    fn marks_and_brackets_the_source_writes_close() {
        assert_eq!(fixed("On {date}, we left", "Noong {date} , umalis kami"), [r#"{"a": "Noong {date}, umalis kami"}"#]);
        assert_eq!(fixed("({count} new)", "( {count} bago)"), [r#"{"a": "({count} bago)"}"#]);
    }

    #[test]
    fn spacing_as_in_the_source_is_silent() {
        for (source, target) in [
            ("Posts in {heading}", "Mga post sa {heading}"),
            ("Last edited{atDate}{byUser}", "Huling binago{atDate}{byUser}"),
            ("the {n}th page", "ang ika-{n} na pahina"),
            ("{count} items", "{count} na item"),
            ("Hello {name}!", "Kumusta {name}!"),
            ("%s | Site", "%s | Site"),
            ("Click <b>Save</b> now", "I-click ang <b>Save</b> ngayon"),
            ("{n, plural, one {# file} other {# files}}", "{n, plural, one {# file} other {# na file}}"),
        ] {
            assert_eq!(fixed(source, target), Vec::<String>::new(), "{target}");
        }
    }

    #[test]
    fn words_run_into_placeholders_without_a_source() {
        RULE.assert_fixed("Nakakita ng {count}mga resulta sa{heading}.", "Nakakita ng {count} mga resulta sa {heading}.");
        for silent in [
            "Nakakita ng {count} resulta sa ika-{n} na pahina.",
            "Ang {n}th at {size}MB at mag{verb} at {x}ng",
            "Ang {count} na file.",
        ] {
            RULE.assert_silent(silent);
        }
    }
}
