//! Project checklists: the configuration's `[[patterns]]`, house rules a
//! team writes as a regular expression, a message and an optional
//! replacement, each under a rule name of its choosing.
//!
//! A pattern is searched in the checked text only (the document's prose
//! segments: never keys, markup, inline code or placeholders), so its spans
//! are byte-exact in the original text and its fixes go through the one fix
//! pipeline (encoded for where they land, like every fix).
//!
//! Rule names are `&'static str` in [`Diagnostic`]: a pattern's name is
//! interned once per process ([`intern`]), so reloading a configuration
//! (`salin server`, `--watch`) leaks nothing new for names already seen.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Mutex, OnceLock};

use regex::Regex;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::input::Document;
use crate::rules::extract::placeholders;

/// One `[[patterns]]` entry, checked.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The rule name the findings carry (interned).
    pub name: &'static str,
    pub regex: Regex,
    pub message: String,
    /// What a match becomes (`$1`, `${name}` expand captures).
    pub replacement: Option<String>,
    /// The replacement is applied by `--fix` (else only by
    /// `--unsafe-fixes`).
    pub safe: bool,
    /// The severity unless `[severity]` or an override sets another.
    pub severity: Severity,
    /// `salin.toml:LINE`, where the entry is written.
    pub origin: String,
}

impl Pattern {
    /// The findings of this pattern in segment text `text`, which starts at
    /// byte `offset` of the document. A match that already reads as its
    /// replacement is no finding; a replacement that the pattern would
    /// change again is offered as a suggestion only, so fixing twice
    /// changes nothing the second time.
    fn find(&self, text: &str, offset: usize, severity: Severity, out: &mut Vec<Diagnostic>) {
        for caps in self.regex.captures_iter(text) {
            let m = caps.get(0).expect("group 0 always matches");
            if m.is_empty() {
                continue;
            }
            let span = offset + m.start()..offset + m.end();
            let mut d = Diagnostic::new(self.name, span.clone(), self.message.clone());
            d.severity = severity;
            if let Some(template) = &self.replacement {
                let mut new = String::new();
                caps.expand(template, &mut new);
                if new == m.as_str() {
                    continue;
                }
                if self.is_stable(&new) {
                    let applicability = if self.safe {
                        Applicability::Safe
                    } else {
                        Applicability::Unsafe
                    };
                    d.fix = Some(Fix {
                        applicability,
                        edits: vec![Edit::replace(span, new.clone())],
                    });
                }
                d.suggestion = Some(new);
            }
            out.push(d);
        }
    }

    /// Whether the pattern leaves `replaced` as it is: every match in it
    /// already reads as its own replacement.
    fn is_stable(&self, replaced: &str) -> bool {
        let template = self.replacement.as_deref().unwrap_or_default();
        self.regex.captures_iter(replaced).all(|caps| {
            let mut again = String::new();
            caps.expand(template, &mut again);
            caps.get(0)
                .is_some_and(|m| m.is_empty() || again == m.as_str())
        })
    }
}

/// The findings of `patterns` in `doc`'s checked text, at the severity
/// `severity` gives each (`None`: the pattern is not enabled). Segments for
/// which `skip_segment` holds are not searched (fuzzy PO entries); a match
/// that touches a placeholder, tag or entity is no finding (those are
/// protected like inline code, which is never in a segment).
pub fn check(
    doc: &Document,
    patterns: &[Pattern],
    severity: &dyn Fn(&Pattern) -> Option<Severity>,
    skip_segment: &dyn Fn(usize) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let enabled: Vec<(&Pattern, Severity)> = patterns
        .iter()
        .filter_map(|p| severity(p).map(|s| (p, s)))
        .collect();
    if enabled.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for (i, segment) in doc.segments.iter().enumerate() {
        if skip_segment(i) {
            continue;
        }
        let range = segment.range.clone();
        let text = &doc.text[range.clone()];
        for &(p, level) in &enabled {
            p.find(text, range.start, level, &mut found);
        }
        if found.is_empty() {
            continue;
        }
        let protected = placeholders(text);
        found.retain(|d| {
            let (start, end) = (d.span.start - range.start, d.span.end - range.start);
            !protected
                .iter()
                .any(|p| p.range.start < end && start < p.range.end)
        });
        out.append(&mut found);
    }
}

/// Why `name` cannot name a pattern rule, if it cannot: it must be
/// lower-case kebab (`house-email`) and not a built-in rule's name.
pub fn invalid_name(name: &str) -> Option<String> {
    let kebab = !name.is_empty()
        && name.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && name.as_bytes()[0].is_ascii_lowercase();
    if !kebab {
        return Some(format!(
            "pattern name `{name}` must be lower-case kebab (like `house-email`)"
        ));
    }
    if crate::rules::by_name(name).is_some() {
        return Some(format!(
            "pattern name `{name}` is a built-in rule's name (see `salin rules`)"
        ));
    }
    None
}

fn interned() -> &'static Mutex<BTreeSet<&'static str>> {
    static NAMES: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
    NAMES.get_or_init(Mutex::default)
}

/// `name` as a `&'static str`, leaked once per process per distinct name.
pub fn intern(name: &str) -> &'static str {
    let mut names = interned().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(leaked);
    leaked
}

/// The interned name `name`, if a pattern of this process has it.
pub fn interned_name(name: &str) -> Option<&'static str> {
    let names = interned().lock().unwrap_or_else(|e| e.into_inner());
    names.get(name).copied()
}

/// What reports say about a pattern rule (its SARIF description, its
/// documentation in the HTML report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Described {
    pub name: &'static str,
    pub message: String,
    pub regex: String,
    pub replacement: Option<String>,
    pub safe: bool,
    pub severity: Severity,
    pub origin: String,
}

impl Described {
    pub fn of(p: &Pattern) -> Self {
        Described {
            name: p.name,
            message: p.message.clone(),
            regex: p.regex.as_str().to_string(),
            replacement: p.replacement.clone(),
            safe: p.safe,
            severity: p.severity,
            origin: p.origin.clone(),
        }
    }

    /// `salin explain NAME` for a pattern rule, as Markdown.
    pub fn explanation(&self) -> String {
        let fix = match (&self.replacement, self.safe) {
            (None, _) => "none (report only)".to_string(),
            (Some(r), true) => format!("`{r}` (safe: applied by `--fix`)"),
            (Some(r), false) => format!("`{r}` (unsafe: applied by `--unsafe-fixes`)"),
        };
        format!(
            "# {}\n\nA project pattern (`[[patterns]]` at {}).\n\n\
             - Message: {}\n- Regex: `{}`\n- Replacement: {fix}\n- Severity: {}\n",
            self.name, self.origin, self.message, self.regex, self.severity
        )
    }
}

fn described() -> &'static Mutex<BTreeMap<&'static str, Described>> {
    static DESCRIBED: OnceLock<Mutex<BTreeMap<&'static str, Described>>> = OnceLock::new();
    DESCRIBED.get_or_init(Mutex::default)
}

/// Makes `patterns` the ones reports describe (the last configuration
/// read replaces what an earlier one said).
pub fn describe(patterns: &[Pattern]) {
    let mut map = described().lock().unwrap_or_else(|e| e.into_inner());
    map.clear();
    map.extend(patterns.iter().map(|p| (p.name, Described::of(p))));
}

/// The pattern rules reports describe, by name.
pub fn descriptions() -> Vec<Described> {
    let map = described().lock().unwrap_or_else(|e| e.into_inner());
    map.values().cloned().collect()
}

/// The description of pattern rule `name`, if the configuration has it.
pub fn description(name: &str) -> Option<Described> {
    let map = described().lock().unwrap_or_else(|e| e.into_inner());
    map.get(name).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Format;
    use crate::{Applicability, Checker, Glossary};

    fn pattern(name: &str, regex: &str, replacement: Option<&str>, safe: bool) -> Pattern {
        Pattern {
            name: intern(name),
            regex: Regex::new(regex).unwrap(),
            message: "m".into(),
            replacement: replacement.map(str::to_string),
            safe,
            severity: Severity::Info,
            origin: "salin.toml:1".into(),
        }
    }

    /// Findings of `patterns` alone in `text` read as `format`: rule, the
    /// flagged text, the fix's replacement and whether it is safe.
    fn found(
        format: Format,
        text: &str,
        patterns: Vec<Pattern>,
    ) -> Vec<(&'static str, String, Option<String>, Option<Applicability>)> {
        let mut doc = Document::new("t", text, format);
        doc.patterns = patterns;
        Checker::with_rules(Glossary::default(), Vec::new())
            .check(&doc)
            .into_iter()
            .map(|d| {
                let fix = d.fix.as_ref().map(|f| f.edits[0].replacement.clone());
                let safety = d.fix.as_ref().map(|f| f.applicability);
                (d.rule, text[d.span].to_string(), fix, safety)
            })
            .collect()
    }

    #[test]
    fn names_are_kebab_and_not_built_in() {
        assert_eq!(invalid_name("house-email"), None);
        assert_eq!(invalid_name("rule2"), None);
        for bad in ["", "House", "a_b", "-a", "a-", "a--b", "2a", "ä"] {
            assert!(invalid_name(bad).is_some(), "{bad}");
        }
        assert_eq!(
            invalid_name("repeated-word").unwrap(),
            "pattern name `repeated-word` is a built-in rule's name (see `salin rules`)"
        );
    }

    #[test]
    fn interned_once() {
        let a = intern("test-interned-once");
        let b = intern(&String::from("test-interned-once"));
        assert!(std::ptr::eq(a, b));
        assert_eq!(interned_name("test-interned-once"), Some(a));
        assert_eq!(interned_name("test-never-interned"), None);
    }

    /// Inline code, placeholders, tags and keys are not searched; captures
    /// expand; a match that reads as its replacement is no finding.
    #[test]
    fn only_checked_text_is_searched() {
        let email = || pattern("t-email", r"\b([Ee])-?mail\b", Some("${1}mail"), true);
        assert_eq!(
            found(
                Format::Markdown,
                "Ang E-mail, `e-mail` at email.\n",
                vec![email()]
            ),
            [(
                "t-email",
                "E-mail".to_string(),
                Some("Email".to_string()),
                Some(Applicability::Safe)
            )]
        );
        // The text between tags is text; the tags, placeholders and the
        // key are not.
        let text = "{\"e-mail\": \"<b>e-mail</b> {e-mail} %{e-mail} e-mail\"}";
        let mut doc = Document::new("t.json", text, Format::Json);
        doc.patterns = vec![email()];
        let spans: Vec<_> = Checker::with_rules(Glossary::default(), Vec::new())
            .check(&doc)
            .into_iter()
            .map(|d| d.span)
            .collect();
        assert_eq!(spans, [15..21, 45..51]);
    }

    /// A replacement the pattern would change again is a suggestion
    /// without a fix; an unsafe one is marked so; no replacement, no fix.
    #[test]
    fn unstable_replacements_are_not_fixes() {
        let got = found(
            Format::Plain,
            "a b c\n",
            vec![
                pattern("t-grow", "a", Some("aa"), true),
                pattern("t-guess", "b", Some("B"), false),
                pattern("t-only", "c", None, false),
            ],
        );
        assert_eq!(
            got,
            [
                ("t-grow", "a".to_string(), None, None),
                (
                    "t-guess",
                    "b".to_string(),
                    Some("B".to_string()),
                    Some(Applicability::Unsafe)
                ),
                ("t-only", "c".to_string(), None, None),
            ]
        );
    }
}
