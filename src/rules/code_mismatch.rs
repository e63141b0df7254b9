use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Reporter, Rule, UnitContext, declare_rule};
use crate::diagnostic::Edit;
use crate::input::{Document, Format};

declare_rule! {
    /// ## What it checks
    /// Code that the translation changed, against the source:
    /// - a line of a fenced code block of a Markdown article
    ///   (`-v /landas/sa/mga-recording:/data` for `-v /path/to/recordings:/data`);
    /// - a command-line option whose dash became a dash run into the word
    ///   before it (`rclone–vv` for `rclone -vv`), or that lost one of its
    ///   two hyphens (`-read-only` for `--read-only`);
    /// - a file extension split from its name by a space (`ulat .txt` for
    ///   `ulat.txt`).
    ///
    /// Only for translations whose source is known.
    ///
    /// ## Why
    /// Readers copy code and commands as they are written: a translated
    /// path, a mangled option or a split file name breaks them. Comments in
    /// code (`# ...`, `// ...`) and quoted strings may be translated and are
    /// left alone; so are code blocks when the translation has not as many
    /// as the source.
    ///
    /// ## Bad
    /// ```text
    /// Run rclone -vv mount now. → Patakbuhin ang rclone–vv mount ngayon.
    /// Open report.txt first. → Buksan muna ang report .txt.
    /// ```
    ///
    /// ## Good
    /// ```text
    /// Run rclone -vv mount now. → Patakbuhin ang rclone -vv mount ngayon.
    /// Open report.txt first. → Buksan muna ang report.txt.
    /// ```
    ///
    /// ## Fix
    /// Safe where the source shows the text: the option as the source
    /// writes it, the space before the extension removed. Unsafe for a
    /// changed word of code (the source's is written back), since a
    /// translation may adapt an example on purpose.
    pub struct CodeMismatch {
        name: "code-mismatch",
        severity: Warning,
        fix: SafeOrUnsafe,
        summary: "Code, a command-line option or a file name of the source changed in the translation",
    }
}

impl Rule for CodeMismatch {
    fn check_unit(&self, ctx: &UnitContext<'_>, out: &mut Reporter<'_>) {
        let Some(source) = ctx.translated_source() else {
            return;
        };
        let target = ctx.target.as_str();
        dashed_options(ctx, source, target, out);
        split_extensions(ctx, source, target, out);
    }

    fn check_document(&self, doc: &Document, out: &mut Reporter<'_>) {
        let Some(source) = doc.source.as_deref() else {
            return;
        };
        if doc.format != Format::Markdown || source.format != Format::Markdown {
            return;
        }
        let (t_blocks, s_blocks) = (fenced_blocks(&doc.text), fenced_blocks(&source.text));
        if t_blocks.len() != s_blocks.len() {
            return;
        }
        for (t, s) in t_blocks.iter().zip(&s_blocks) {
            if t.len() != s.len() {
                continue;
            }
            for (&(t_start, t_line), &(_, s_line)) in t.iter().zip(s) {
                changed_words(&doc.text[t_start..t_start + t_line.len()], s_line, t_start, out);
            }
        }
    }
}

/// Options of the source (`-vv`, `--read-only`), after a blank or at the
/// start.
static OPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s(`])(--?[A-Za-z][A-Za-z0-9-]*)").unwrap());

/// A word, a dash glued to it and a name: `rclone–vv`.
static DASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9][\u{2013}\u{2014}]([A-Za-z][A-Za-z0-9-]*)").unwrap());

/// An option of one hyphen and a long name: `-read-only`.
static SHORTENED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(-[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]+)").unwrap());

/// `rclone–vv` for `rclone -vv`, and `-read-only` for `--read-only`.
fn dashed_options(ctx: &UnitContext<'_>, source: &str, target: &str, out: &mut Reporter<'_>) {
    let options: Vec<&str> = OPTION.captures_iter(source).map(|c| c.get(1).unwrap().as_str()).collect();
    if options.is_empty() {
        return;
    }
    for c in DASHED.captures_iter(target) {
        let name = c.get(1).unwrap();
        let Some(option) = options
            .iter()
            .find(|o| o.trim_start_matches('-') == name.as_str())
        else {
            continue;
        };
        let dash_start = c.get(0).unwrap().start() + target[c.get(0).unwrap().start()..].chars().next().map_or(1, char::len_utf8);
        let dash = dash_start..name.start();
        let span = c.get(0).unwrap().start()..name.end();
        let word_start = target[..span.start].rfind(|ch: char| ch.is_whitespace()).map_or(0, |i| i + 1);
        let flagged = word_start..name.end();
        out.report(
            ctx.span(flagged.clone()),
            format!("the option `{option}` of the source is written with a dash run into the word before it"),
        )
        .suggest(format!("{} {option}", &target[word_start..dash.start]))
        .fix_safe(Edit::replace(ctx.span(dash.start..name.end()), format!(" {option}")));
    }
    for c in SHORTENED.captures_iter(target) {
        let m = c.get(1).unwrap();
        let long = format!("-{}", m.as_str());
        if options.contains(&long.as_str()) && !options.contains(&m.as_str()) {
            out.report(
                ctx.span(m.range()),
                format!("the source's option is `{long}`, with two hyphens"),
            )
            .suggest(long.clone())
            .fix_safe(Edit::insert(ctx.span(m.start()..m.start()).start, "-"));
        }
    }
}

/// A name and its extension in the source (`report.txt`).
static EXTENSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\s.]\.([A-Za-z][A-Za-z0-9]{0,4})\b").unwrap());

/// `report .txt` where the source writes `report.txt`: a blank before an
/// extension that the source always writes attached.
fn split_extensions(ctx: &UnitContext<'_>, source: &str, target: &str, out: &mut Reporter<'_>) {
    let attached: Vec<&str> = EXTENSION
        .captures_iter(source)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    if attached.is_empty() {
        return;
    }
    for (at, _) in target.match_indices(" .") {
        let ext_start = at + 2;
        let len = target[ext_start..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .count();
        let ext = &target[ext_start..ext_start + len];
        let before = target[..at].chars().next_back();
        let after = target[ext_start + len..].chars().next();
        let spaced_in_source = source.contains(&format!(" .{ext}"));
        if len == 0
            || !attached.contains(&ext)
            || spaced_in_source
            || !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            || after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let span: Range<usize> = at..ext_start + len;
        out.report(
            ctx.span(span),
            format!("a space splits the extension `.{ext}` from its file name, which the source writes whole"),
        )
        .suggest(format!(".{ext}"))
        .fix_safe(Edit::delete(ctx.span(at..at + 1)));
    }
}

/// The fenced code blocks of a Markdown text: each a list of its lines
/// (their start and text), fences left out.
fn fenced_blocks(text: &str) -> Vec<Vec<(usize, &str)>> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, Vec<(usize, &str)>)> = None;
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let line = piece.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let fence: String = trimmed.chars().take_while(|&c| c == '`' || c == '~').collect();
        match &mut open {
            Some((marker, lines)) => {
                if trimmed.starts_with(marker.as_str()) && trimmed.trim_end() == fence {
                    blocks.push(std::mem::take(lines));
                    open = None;
                } else {
                    lines.push((start, line));
                }
            }
            None => {
                if fence.len() >= 3 && fence.chars().all(|c| c == fence.chars().next().unwrap()) {
                    open = Some((fence, Vec::new()));
                }
            }
        }
        start += piece.len();
    }
    blocks
}

/// Words of a code line changed from the source's line: with as many words
/// on both, each differing word outside a comment or a quoted string.
fn changed_words(target: &str, source: &str, base: usize, out: &mut Reporter<'_>) {
    if target == source {
        return;
    }
    let words = |line: &str| -> Vec<(usize, String)> {
        let code = code_part(line);
        code.split_whitespace()
            .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w.to_string()))
            .collect()
    };
    let (t, s) = (words(target), words(source));
    if t.len() != s.len() {
        return;
    }
    for ((at, tw), (_, sw)) in t.iter().zip(&s) {
        if tw == sw || tw.starts_with(['"', '\'']) {
            continue;
        }
        out.report(
            base + at..base + at + tw.len(),
            format!("code of the source changed: `{tw}` for `{sw}`"),
        )
        .suggest(sw.clone())
        .fix_unsafe(Edit::replace(base + at..base + at + tw.len(), sw.clone()));
    }
}

/// A line of code without its comment (`# ...` or `// ...` after a blank or
/// at the start).
fn code_part(line: &str) -> &str {
    let mut prev_blank = true;
    for (i, c) in line.char_indices() {
        if prev_blank && (c == '#' || line[i..].starts_with("//")) {
            return &line[..i];
        }
        prev_blank = c.is_whitespace();
    }
    line
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::Lint;

    const RULE: Lint = Lint(&super::CodeMismatch);

    fn fixed(source: &str, target: &str) -> Vec<(String, Option<String>)> {
        RULE.pair_findings(source, target).into_iter().map(|f| (f.0, f.2)).collect()
    }

    #[test]
    fn options_run_into_a_word() {
        assert_eq!(
            fixed("Run rclone -vv mount now.", "Patakbuhin ang rclone–vv mount ngayon."),
            [("rclone–vv".to_string(), Some("Patakbuhin ang rclone -vv mount ngayon.".to_string()))]
        );
        assert_eq!(
            fixed("Add --read-only \\ to it.", "Idagdag ang -read-only \\ dito."),
            [("-read-only".to_string(), Some("Idagdag ang --read-only \\ dito.".to_string()))]
        );
        for (source, target) in [
            ("Run rclone -vv mount.", "Patakbuhin ang rclone -vv mount."),
            ("Pages 1–5 of the guide", "Pahina 1–5 ng gabay"),
            ("Use -v or --verbose.", "Gamitin ang -v o --verbose."),
            ("Use -v now.", "Mula Maynila–Cebu ang biyahe."),
        ] {
            assert_eq!(fixed(source, target), [], "{target}");
        }
    }

    #[test]
    fn split_extensions() {
        assert_eq!(
            fixed("Open report.txt first.", "Buksan muna ang report .txt."),
            [(" .txt".to_string(), Some("Buksan muna ang report.txt.".to_string()))]
        );
        for (source, target) in [
            ("Open report.txt first.", "Buksan muna ang report.txt."),
            ("Install .NET now.", "I-install ang .NET ngayon."),
            ("Open report.txt first.", "Buksan. Tapos na ."),
        ] {
            assert_eq!(fixed(source, target), [], "{target}");
        }
    }

    #[test]
    fn code_blocks_line_by_line() {
        let source = "Run:\n\n```sh\ndocker run -v /path/to/data:/data img # mount it\necho \"Hello\"\n```\n";
        let doc = |target: &str| {
            let source = crate::input::Document::new("en.md", source, crate::input::Format::Markdown);
            crate::input::Document::new("tl.md", target, crate::input::Format::Markdown)
                .with_source(std::sync::Arc::new(source))
        };
        let found = |target: &str| -> Vec<(String, String)> {
            let d = doc(target);
            RULE.checker()
                .check(&d)
                .into_iter()
                .map(|x| (d.text[x.span].to_string(), x.message))
                .collect()
        };
        assert_eq!(
            found("Patakbuhin:\n\n```sh\ndocker run -v /landas/sa/datos:/data img # i-mount ito\necho \"Kumusta\"\n```\n"),
            [(
                "/landas/sa/datos:/data".to_string(),
                "code of the source changed: `/landas/sa/datos:/data` for `/path/to/data:/data`".to_string()
            )]
        );
        assert!(found("Patakbuhin:\n\n```sh\ndocker run -v /path/to/data:/data img # i-mount\necho \"Hello\"\n```\n").is_empty());
        // Not as many blocks: nothing to compare.
        assert!(found("Patakbuhin:\n\n```sh\ndocker run -v /x:/data img\n```\n\n```\nmore\n```\n").is_empty());
    }
}
