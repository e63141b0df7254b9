//! The default `text` format: rustc-style snippets with the flagged span
//! underlined (annotate-snippets), then the fix as a `-`/`+` pair of lines
//! showing the text before and after, cut to the terminal width around the
//! change.

use std::fmt::Write as _;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

use super::FileReport;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::text::LineIndex;

#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    pub color: bool,
    /// Width to which long lines are cut around the flagged text.
    pub width: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            color: false,
            width: 100,
        }
    }
}

/// Renders every finding of `file`, each followed by a blank line.
pub fn render_text(file: &FileReport<'_>, options: TextOptions) -> String {
    render_text_with(file, &file.line_index(), options)
}

/// [`render_text`] with the line index of `file.source` made by the
/// caller: a file with very many findings can be rendered a slice of
/// findings at a time without indexing its text again for each.
pub fn render_text_with(file: &FileReport<'_>, index: &LineIndex, options: TextOptions) -> String {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(options.width)
    .decor_style(DecorStyle::Ascii);
    let mut columns = Columns::default();
    let mut out = String::new();
    for d in file.diagnostics {
        render_one(&mut out, &renderer, file, index, &mut columns, d, options);
        out.push_str("\n\n");
    }
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Lines longer than this are cut to a window around the finding before
/// rendering, so that many findings on one huge line (a minified file, a
/// 50 MB paragraph) cost time in proportion to the findings, not to the
/// findings times the line.
const LONG_LINE: usize = 4096;

/// The window of `start..end` (a line range of `source`) to show around
/// `span`: the whole range when it is not long, else `margin` bytes on each
/// side of the span, on character boundaries.
fn window(
    source: &str,
    start: usize,
    end: usize,
    span: std::ops::Range<usize>,
    margin: usize,
) -> (usize, usize) {
    if end - start <= LONG_LINE {
        return (start, end);
    }
    let mut from = span.start.saturating_sub(margin).max(start);
    while !source.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = span.end.saturating_add(margin).min(end);
    while !source.is_char_boundary(to) {
        to += 1;
    }
    (from, to)
}

/// The 1-based character column of offsets met in increasing order, counted
/// from where the last one was (findings come sorted by position).
#[derive(Default)]
struct Columns {
    line: usize,
    offset: usize,
    column: usize,
}

impl Columns {
    fn column(&mut self, source: &str, line: usize, line_start: usize, offset: usize) -> usize {
        if self.column == 0 || line != self.line || offset < self.offset || self.offset < line_start
        {
            self.line = line;
            self.offset = line_start;
            self.column = 1;
        }
        self.column += source[self.offset..offset].chars().count();
        self.offset = offset;
        self.column
    }
}

fn render_one(
    out: &mut String,
    renderer: &Renderer,
    file: &FileReport<'_>,
    index: &LineIndex,
    columns: &mut Columns,
    d: &Diagnostic,
    options: TextOptions,
) {
    let source = file.source;
    let first = index.line_of(d.span.start);
    let last = index.line_of(d.span.end);
    let line_start = index.line_range(source, first).start;
    let line_end = index.line_range(source, last).end;
    let margin = options.width.max(100) * 8;
    let (mut start, end) = window(source, line_start, line_end, d.span.clone(), margin);
    if start == 0 && source.starts_with('\u{feff}') && d.span.start >= 3 {
        // The BOM is not a column: the snippet starts after it.
        start = 3;
    }
    let lines = &source[start..end];
    let local = (d.span.start - start)..(d.span.end - start);
    let label = d.suggestion.as_ref().map(|s| match s.as_str() {
        "" => "delete".to_string(),
        s => format!("write `{s}`"),
    });
    let group = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.rule)
        .element(
            Snippet::source(lines)
                .line_start(first + 1)
                .path(file.path)
                .annotation(AnnotationKind::Primary.span(local).label(label)),
        );
    let rendered = renderer.render(&[group]);
    if start == line_start {
        out.push_str(&rendered);
    } else {
        // A cut line: the snippet counted the column from the cut; put the
        // column in the line back in the ` --> path:line:column` header.
        let mut line_start = line_start;
        if first == 0 && source.starts_with('\u{feff}') {
            line_start = line_start.max(3);
        }
        let column = columns.column(source, first, line_start, d.span.start);
        let cut = source[start..d.span.start].chars().count() + 1;
        let line = first + 1;
        let path = file.path;
        out.push_str(&rendered.replacen(
            &format!("{path}:{line}:{cut}\n"),
            &format!("{path}:{line}:{column}\n"),
            1,
        ));
    }
    for line in super::related_lines(d, file.path) {
        let _ = write!(out, "\n  = note: {line}");
    }
    if let Some(fix) = &d.fix {
        render_fix(out, source, index, fix, options);
    }
}

/// The fix as rustc shows a suggestion: the old and new text of the changed
/// lines, `-` and `+`.
fn render_fix(out: &mut String, source: &str, index: &LineIndex, fix: &Fix, options: TextOptions) {
    let range = fix.range();
    let first = index.line_of(range.start);
    let last = index.line_of(range.end);
    let (start, end) = window(
        source,
        index.line_range(source, first).start,
        index.line_range(source, last).end,
        range.clone(),
        options.width.max(100) * 8,
    );
    let old = &source[start..end];
    let mut new = String::with_capacity(old.len());
    let mut pos = start;
    for e in &fix.edits {
        new.push_str(&source[pos..e.range.start]);
        new.push_str(&e.replacement);
        pos = e.range.end;
    }
    new.push_str(&source[pos..end]);

    let number_width = (last + 1).to_string().len();
    let budget = options.width.saturating_sub(number_width + 3).max(20);
    // The changed part of the line, in both versions.
    let change_old = (range.start - start)..(range.end - start);
    let grown = new.len() as isize - old.len() as isize;
    let change_new = change_old.start..(change_old.end as isize + grown) as usize;
    let (title, style) = match fix.applicability {
        Applicability::Safe => ("safe fix (`--fix`)", Style::new()),
        Applicability::Unsafe => ("unsafe fix (`--fix --unsafe-fixes`)", Style::new()),
    };
    let paint = |s: &str, st: Style| {
        if options.color {
            format!("{}{s}{}", st.render(), st.render_reset())
        } else {
            s.to_string()
        }
    };
    let help = AnsiColor::BrightCyan.on_default().bold();
    let margin = AnsiColor::BrightBlue.on_default().bold();
    let pad = " ".repeat(number_width + 1);
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}{}",
        paint("help", help),
        paint(&format!(": {title}"), style.bold())
    );
    let _ = writeln!(out, "{}", paint(&format!("{pad}|"), margin));
    for (sign, text, change, color) in [
        ('-', old, change_old, AnsiColor::BrightRed),
        ('+', new.as_str(), change_new, AnsiColor::BrightGreen),
    ] {
        for (k, line) in excerpt(text, change, budget).lines().enumerate() {
            let number = format!("{:>number_width$} {sign} ", first + 1 + k);
            let _ = writeln!(
                out,
                "{}{}",
                paint(&number, margin),
                paint(line, color.on_default())
            );
        }
    }
    let _ = write!(out, "{}", paint(&format!("{pad}|"), margin));
}

/// `text` cut to about `budget` characters around `change`, with `...` where
/// something was left out. Cuts fall on spaces when one is near.
fn excerpt(text: &str, change: std::ops::Range<usize>, budget: usize) -> String {
    if text.chars().count() <= budget {
        return text.to_string();
    }
    let change_chars = text[change.clone()].chars().count();
    let side = budget.saturating_sub(change_chars) / 2;
    let before = &text[..change.start];
    let after = &text[change.end..];
    let mut left_start = before
        .char_indices()
        .rev()
        .nth(side.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if side == 0 {
        left_start = change.start;
    }
    if left_start > 0
        && let Some(sp) = text[left_start..change.start].find(' ')
    {
        left_start += sp + 1;
    }
    let mut right_end = change.end
        + after
            .char_indices()
            .nth(side)
            .map_or(after.len(), |(i, _)| i);
    if right_end < text.len()
        && let Some(sp) = text[change.end..right_end].rfind(' ')
    {
        right_end = change.end + sp;
    }
    let mut out = String::new();
    if left_start > 0 {
        out.push_str("...");
    }
    out.push_str(&text[left_start..right_end]);
    if right_end < text.len() {
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::with_sample;

    #[test]
    fn snapshot() {
        let text = with_sample(|file| render_text(file, TextOptions::default()));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(excerpt("ang pag -unlad", 4..14, 40), "ang pag -unlad");
    }

    #[test]
    fn long_text_is_cut_at_spaces_around_the_change() {
        let text = "isa dalawa tatlo apat lima anim pito walo siyam sampu";
        let at = text.find("lima").unwrap();
        assert_eq!(excerpt(text, at..at + 4, 20), "...apat lima anim...");
    }
}
