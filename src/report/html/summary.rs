//! The summary at the top of the page (totals, what `--fix` would change,
//! the severity, rule and file tables with their filters) and the rules'
//! documentation at the bottom.

use std::collections::BTreeMap;

use super::HtmlFile;
use super::HtmlOptions;
use super::body::Body;
use super::document::{fix_flags, format_name, plural_count};
use super::escape::esc;
use super::highlight::{severity_glyph, severity_word};
use super::markdown;
use crate::diagnostic::Severity;
use crate::input::Format;
use crate::report::{Summary, explanation};
use crate::rules;

/// One file's line in the files table.
pub struct FileRow {
    pub id: usize,
    pub name: String,
    pub format: Format,
    pub summary: Summary,
    /// Lines the fixes change.
    pub changed_lines: usize,
    /// Fixes applied by this run.
    pub applied: usize,
}

impl FileRow {
    /// `diff` is the unified diff of the fixes.
    pub fn new(id: usize, file: &HtmlFile<'_>, diff: &str) -> Self {
        let mut summary = Summary::default();
        summary.add(file.diagnostics);
        FileRow {
            id,
            name: file.document.name.clone(),
            format: file.document.format,
            summary,
            changed_lines: diff.lines().skip(2).filter(|l| l.starts_with('-')).count(),
            applied: file.applied,
        }
    }
}

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

fn by_severity(s: &Summary, severity: Severity) -> usize {
    match severity {
        Severity::Error => s.errors,
        Severity::Warning => s.warnings,
        Severity::Info => s.infos,
    }
}

/// "24 findings (✖ 20 errors, ▲ 4 warnings)", or "no findings".
pub fn counts(s: &Summary) -> String {
    if s.total() == 0 {
        return "no findings".into();
    }
    let parts: Vec<String> = SEVERITIES
        .iter()
        .filter(|&&sev| by_severity(s, sev) > 0)
        .map(|&sev| {
            let n = by_severity(s, sev);
            let word = severity_word(sev).to_lowercase();
            format!("{} {}", severity_glyph(sev), plural_count(n, &word))
        })
        .collect();
    format!(
        "{} ({})",
        plural_count(s.total(), "finding"),
        parts.join(", ")
    )
}

/// Writes the summary section; returns the one-line totals (the page's
/// title).
pub fn section(
    out: &mut String,
    files: &[FileRow],
    rules: &BTreeMap<&'static str, Summary>,
    options: HtmlOptions,
) -> String {
    let mut all = Summary::default();
    for f in files {
        add(&mut all, &f.summary);
    }
    let with = files.iter().filter(|f| f.summary.total() > 0).count();
    let totals = format!(
        "{} in {} of {}",
        counts(&all),
        with,
        plural_count(files.len(), "file")
    );
    out.push_str(&format!(
        "<section id=\"summary\" aria-labelledby=\"summary-title\">\n\
         <h2 id=\"summary-title\">Summary</h2>\n<p class=\"totals\">{}.</p>\n",
        esc(&totals)
    ));
    fixes(out, files, &all, options);
    if all.total() > 0 {
        severity_filter(out, &all);
        rule_table(out, rules);
    }
    file_table(out, files, options);
    out.push_str("</section>\n");
    totals
}

fn add(total: &mut Summary, s: &Summary) {
    total.errors += s.errors;
    total.warnings += s.warnings;
    total.infos += s.infos;
    total.fixable += s.fixable;
    total.unsafe_fixable += s.unsafe_fixable;
}

/// What `--fix` would change, or changed.
fn fixes(out: &mut String, files: &[FileRow], all: &Summary, options: HtmlOptions) {
    let lines: usize = files.iter().map(|f| f.changed_lines).sum();
    let changed = files.iter().filter(|f| f.changed_lines > 0).count();
    let where_ = format!(
        "{} in {}",
        plural_count(lines, "line"),
        plural_count(changed, "file")
    );
    let text = if options.fixes_applied {
        let applied: usize = files.iter().map(|f| f.applied).sum();
        format!(
            "<code>{}</code> fixed {}, changing {where_}.",
            fix_flags(options),
            plural_count(applied, "problem")
        )
    } else {
        let (fixable, more) = if options.unsafe_fixes {
            (all.fixable + all.unsafe_fixable, 0)
        } else {
            (all.fixable, all.unsafe_fixable)
        };
        let mut text = format!(
            "<code>{}</code> would fix {} of them, changing {where_}.",
            fix_flags(options),
            fixable
        );
        if more > 0 {
            text.push_str(&format!(
                " <code>--fix --unsafe-fixes</code> would fix {more} more (guesses to review)."
            ));
        }
        text
    };
    if all.total() > 0 || options.fixes_applied {
        out.push_str(&format!("<p class=\"fixes\">{text}</p>\n"));
    }
}

fn severity_filter(out: &mut String, all: &Summary) {
    out.push_str(
        "<fieldset class=\"filter js-only\" id=\"severity-filter\">\
         <legend>Show severities</legend>\n",
    );
    for sev in SEVERITIES {
        let n = by_severity(all, sev);
        if n == 0 {
            continue;
        }
        out.push_str(&format!(
            "<label class=\"sev-{0}\"><input type=\"checkbox\" data-filter=\"sev\" value=\"{0}\" checked> \
             <span class=\"glyph\">{1}</span> {2} ({n})</label>\n",
            sev.as_str(),
            severity_glyph(sev),
            severity_word(sev),
        ));
    }
    out.push_str("</fieldset>\n");
}

fn rule_table(out: &mut String, rules: &BTreeMap<&'static str, Summary>) {
    let mut rows: Vec<(&&str, &Summary)> = rules.iter().collect();
    rows.sort_by_key(|(name, s)| (std::cmp::Reverse(s.total()), **name));
    out.push_str(
        "<h3>Findings by rule</h3>\n<div class=\"table-wrap\"><table id=\"rule-table\">\n\
         <thead><tr><th scope=\"col\" class=\"js-only\">Show</th><th scope=\"col\">Rule</th>\
         <th scope=\"col\">Severity</th><th scope=\"col\" class=\"num\">Findings</th>\
         <th scope=\"col\" class=\"num\">Safe fixes</th><th scope=\"col\" class=\"num\">Unsafe fixes</th></tr></thead>\n<tbody>\n",
    );
    for (name, s) in rows {
        let name = esc(name);
        let severities: Vec<String> = SEVERITIES
            .iter()
            .filter(|&&sev| by_severity(s, sev) > 0)
            .map(|&sev| {
                format!(
                    "<span class=\"sev-{}\"><span class=\"glyph\">{}</span> {}</span>",
                    sev.as_str(),
                    severity_glyph(sev),
                    severity_word(sev)
                )
            })
            .collect();
        out.push_str(&format!(
            "<tr><td class=\"js-only\"><input type=\"checkbox\" data-filter=\"rule\" value=\"{name}\" checked \
             aria-label=\"Show {name}\"></td><th scope=\"row\"><a href=\"#rule-{name}\">{name}</a></th>\
             <td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            severities.join(", "),
            s.total(),
            s.fixable,
            s.unsafe_fixable
        ));
    }
    out.push_str("</tbody></table></div>\n");
}

fn file_table(out: &mut String, files: &[FileRow], options: HtmlOptions) {
    let changes = if options.fixes_applied {
        "Lines fixed"
    } else {
        "Lines <code>--fix</code> changes"
    };
    out.push_str(&format!(
        "<h3>Files</h3>\n<div class=\"table-wrap\"><table id=\"file-table\">\n\
         <thead><tr><th scope=\"col\" class=\"js-only\">Show</th><th scope=\"col\">File</th>\
         <th scope=\"col\">Format</th><th scope=\"col\" class=\"num\">Findings</th>\
         <th scope=\"col\" class=\"num\"><span aria-hidden=\"true\">✖</span> Errors</th>\
         <th scope=\"col\" class=\"num\"><span aria-hidden=\"true\">▲</span> Warnings</th>\
         <th scope=\"col\" class=\"num\"><span aria-hidden=\"true\">●</span> Notes</th>\
         <th scope=\"col\" class=\"num\">{changes}</th></tr></thead>\n<tbody>\n"
    ));
    for f in files {
        let name = esc(&f.name);
        let s = &f.summary;
        out.push_str(&format!(
            "<tr><td class=\"js-only\"><input type=\"checkbox\" data-filter=\"file\" value=\"{}\" checked \
             aria-label=\"Show {name}\"></td><th scope=\"row\"><a href=\"#file-{}\">{name}</a></th>\
             <td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            f.id,
            f.id,
            format_name(f.format),
            s.total(),
            s.errors,
            s.warnings,
            s.infos,
            f.changed_lines
        ));
    }
    out.push_str("</tbody></table></div>\n");
}

/// The documentation of each rule named (`salin explain`'s text), rendered.
pub fn rule_docs<'r>(out: &mut String, names: impl Iterator<Item = &'r str>) {
    let mut docs = String::new();
    for name in names {
        let text = match rules::by_name(name) {
            Some(rule) => explanation(rule.meta()),
            None => match crate::patterns::description(name) {
                Some(pattern) => pattern.explanation(),
                None => format!("# {name}\n\nNo documentation.\n"),
            },
        };
        let mut body = Body::new(&text, &[], 0);
        docs.push_str(&format!(
            "<article class=\"rule-doc\" id=\"rule-{}\">\n{}</article>\n",
            esc(name),
            markdown::blocks(&mut body).concat()
        ));
    }
    if !docs.is_empty() {
        out.push_str(
            "<section id=\"rules\" aria-labelledby=\"rules-title\">\n\
             <h2 id=\"rules-title\">Rules</h2>\n\
             <p>What each rule that found something checks (<code>salin explain RULE</code>).</p>\n",
        );
        out.push_str(&docs);
        out.push_str("</section>\n");
    }
}
