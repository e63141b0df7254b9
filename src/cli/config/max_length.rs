//! `[[max-length]]`: length limits for the units of some files (a glob)
//! and keys (patterns with `*` and `?`), in characters or as a ratio of the
//! source's length.

use std::path::Path;

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::super::CliError;
use super::schema::{At, RawMaxLength};
use salin::input::{KeyLimit, LengthLimit, LimitMax};

/// One `[[max-length]]` entry.
#[derive(Debug)]
pub struct MaxLength {
    /// The globs, as written (none: every file).
    pub files: Vec<String>,
    matcher: Option<Gitignore>,
    pub keys: Vec<String>,
    pub chars: Option<usize>,
    pub ratio: Option<f64>,
    /// `salin.toml:LINE`, for messages.
    origin: String,
}

impl MaxLength {
    /// An entry as configured, checked: a limit is given and positive, the
    /// globs are valid. `origin` names the entry's line.
    pub(super) fn new(
        raw: RawMaxLength,
        root: &Path,
        at: &At<'_>,
        start: usize,
        origin: String,
    ) -> Result<MaxLength, CliError> {
        let chars = match raw.chars {
            Some(c) if *c.get_ref() <= 0 => {
                return Err(at(
                    c.span().start,
                    "`chars` must be a positive number".into(),
                ));
            }
            Some(c) => Some(*c.get_ref() as usize),
            None => None,
        };
        let ratio = match raw.ratio {
            Some(r) if !(*r.get_ref() > 0.0 && r.get_ref().is_finite()) => {
                return Err(at(
                    r.span().start,
                    "`ratio` must be a positive number".into(),
                ));
            }
            Some(r) => Some(*r.get_ref()),
            None => None,
        };
        if chars.is_none() && ratio.is_none() {
            return Err(at(
                start,
                "a `[[max-length]]` entry needs `chars`, `ratio` or both".into(),
            ));
        }
        let mut files = Vec::new();
        let matcher = match raw.files {
            None => None,
            Some(globs) => {
                let mut builder = GitignoreBuilder::new(root);
                for glob in globs {
                    builder.add_line(None, glob.get_ref()).map_err(|e| {
                        at(
                            glob.span().start,
                            format!("invalid glob `{}`: {e}", glob.get_ref()),
                        )
                    })?;
                    files.push(glob.into_inner());
                }
                Some(
                    builder
                        .build()
                        .map_err(|e| at(start, format!("invalid glob: {e}")))?,
                )
            }
        };
        Ok(MaxLength {
            files,
            matcher,
            keys: raw.keys.unwrap_or_default(),
            chars,
            ratio,
            origin,
        })
    }

    /// Whether the entry applies to `relative` (a path relative to the
    /// project root).
    pub(super) fn matches(&self, relative: &Path) -> bool {
        self.matcher
            .as_ref()
            .is_none_or(|m| m.matched_path_or_any_parents(relative, false).is_ignore())
    }

    /// The entry's limits for units whose keys match it.
    pub(super) fn key_limits(&self) -> Vec<KeyLimit> {
        let mut limits = Vec::new();
        if let Some(chars) = self.chars {
            limits.push(LimitMax::Chars(chars));
        }
        if let Some(ratio) = self.ratio {
            limits.push(LimitMax::SourceRatio((ratio * 100.0).round() as u32));
        }
        limits
            .into_iter()
            .map(|max| KeyLimit {
                keys: self.keys.clone(),
                limit: LengthLimit {
                    max,
                    origin: self.origin.clone(),
                },
            })
            .collect()
    }
}
