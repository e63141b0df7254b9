//! `[[patterns]]`: a team's house rules (an Xbench checklist, Vale's
//! `existence` and `substitution`), each a regular expression, a message,
//! an optional replacement and a rule name of the team's choosing, for some
//! files (globs, as `[[max-length]]` has them) or all.

use std::path::Path;

use ignore::gitignore::Gitignore;
use regex::Regex;

use super::super::CliError;
use super::schema::{At, RawPattern, optional_globs};
use salin::Severity;
use salin::patterns::{Pattern, intern, invalid_name};

/// One `[[patterns]]` entry, checked, with the files it applies to.
#[derive(Debug)]
pub struct ConfiguredPattern {
    pub pattern: Pattern,
    /// The globs, as written (none: every file).
    pub files: Vec<String>,
    matcher: Option<Gitignore>,
}

impl ConfiguredPattern {
    /// An entry as configured, checked: its name is kebab and no built-in
    /// rule's, its regex and globs are valid. `origin` names its line.
    pub(super) fn new(
        raw: RawPattern,
        root: &Path,
        at: &At<'_>,
        start: usize,
        origin: String,
    ) -> Result<ConfiguredPattern, CliError> {
        if let Some(problem) = invalid_name(raw.name.get_ref()) {
            return Err(at(raw.name.span().start, problem));
        }
        let regex = Regex::new(raw.regex.get_ref()).map_err(|e| {
            // The regex crate's message spans lines (a caret under the
            // error); the one-line form keeps its last line, the reason.
            let reason = e.to_string();
            let reason = reason.lines().last().unwrap_or_default().trim().to_string();
            let reason = reason
                .strip_prefix("error: ")
                .unwrap_or(&reason)
                .to_string();
            at(
                raw.regex.span().start,
                format!("invalid regex `{}`: {reason}", raw.regex.get_ref()),
            )
        })?;
        let (files, matcher) = optional_globs(raw.files, root, at, start)?;
        Ok(ConfiguredPattern {
            pattern: Pattern {
                name: intern(raw.name.get_ref()),
                regex,
                message: raw.message,
                replacement: raw.replacement,
                safe: raw.safe.unwrap_or(false),
                severity: raw.severity.unwrap_or(Severity::Warning),
                origin,
            },
            files,
            matcher,
        })
    }

    /// Whether the entry applies to `relative` (a path relative to the
    /// project root).
    pub(super) fn matches(&self, relative: &Path) -> bool {
        self.matcher
            .as_ref()
            .is_none_or(|m| m.matched_path_or_any_parents(relative, false).is_ignore())
    }
}
