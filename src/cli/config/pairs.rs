//! `[[pairs]]`: which source file a translation is checked against, by a
//! glob on the translation and a template for the source's path.

use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::super::CliError;
use super::super::files::normalize;
use super::schema::{At, RawPair};

/// `[[pairs]]`: translations matching `target` (a gitignore-style glob
/// relative to the project root) are checked against the file that
/// `source` names (see [`Pair::source_for`]).
#[derive(Debug)]
pub struct Pair {
    pub target: String,
    matcher: Gitignore,
    pub source: String,
}

/// The placeholders a `source` template may use.
const PAIR_PLACEHOLDERS: &[&str] = &["dir", "parent", "name", "stem", "base", "ext"];

impl Pair {
    /// The source file for `relative` (a path relative to the project root
    /// that the pair's glob matches), relative to the root: the template
    /// with `{dir}` (the target's directory), `{parent}` (the directory above
    /// that), `{name}` (its file name), `{stem}` (the name without its
    /// extension), `{base}` (the name up to its first dot) and `{ext}` (the
    /// extension) filled in.
    pub fn source_for(&self, relative: &Path) -> PathBuf {
        let dir = relative.parent().unwrap_or(Path::new(""));
        let parent = dir.parent().unwrap_or(Path::new(""));
        let os = |p: Option<&std::ffi::OsStr>| p.and_then(|s| s.to_str()).unwrap_or("").to_string();
        let fill = |p: &Path| {
            let s = p.to_string_lossy().into_owned();
            if s.is_empty() { ".".to_string() } else { s }
        };
        let expanded = self
            .source
            .replace("{dir}", &fill(dir))
            .replace("{parent}", &fill(parent))
            .replace("{name}", &os(relative.file_name()))
            .replace("{stem}", &os(relative.file_stem()))
            .replace(
                "{base}",
                os(relative.file_name()).split('.').next().unwrap_or(""),
            )
            .replace("{ext}", &os(relative.extension()));
        normalize(Path::new(&expanded))
    }
}

/// A `source` template's problem: an unknown `{placeholder}` or an empty
/// template.
fn check_template(template: &str) -> Result<(), String> {
    if template.trim().is_empty() {
        return Err("`source` of a pair is empty".into());
    }
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(format!("unclosed `{{` in `{template}`"));
        };
        let name = &after[..close];
        if !PAIR_PLACEHOLDERS.contains(&name) {
            return Err(format!(
                "unknown placeholder `{{{name}}}` in `{template}` (expected {})",
                PAIR_PLACEHOLDERS
                    .iter()
                    .map(|p| format!("`{{{p}}}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

impl Pair {
    /// A pair as configured, its glob and template checked; errors name the
    /// line through `at`.
    pub(super) fn new(raw: RawPair, root: &Path, at: &At<'_>) -> Result<Pair, CliError> {
        let glob = raw.target.get_ref();
        let mut builder = GitignoreBuilder::new(root);
        builder.add_line(None, glob).map_err(|e| {
            at(
                raw.target.span().start,
                format!("invalid glob `{glob}`: {e}"),
            )
        })?;
        let matcher = builder
            .build()
            .map_err(|e| at(raw.target.span().start, format!("invalid glob: {e}")))?;
        check_template(raw.source.get_ref()).map_err(|e| at(raw.source.span().start, e))?;
        Ok(Pair {
            target: raw.target.into_inner(),
            matcher,
            source: raw.source.into_inner(),
        })
    }

    /// Whether the pair's glob matches `relative` (a path relative to the
    /// project root).
    pub(super) fn matches(&self, relative: &Path) -> bool {
        self.matcher
            .matched_path_or_any_parents(relative, false)
            .is_ignore()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse;
    use std::path::{Path, PathBuf};

    #[test]
    fn pairs_expand_their_source_templates() {
        let s = parse(
            "allow-untranslated = [\"OK\"]\n[[pairs]]\ntarget = \"**/tl.yml\"\nsource = \"{dir}/en.yml\"\n[[pairs]]\ntarget = \"**/tl/*.json\"\nsource = \"{parent}/en/{stem}.{ext}\"\n",
        )
        .unwrap();
        assert_eq!(s.allow_untranslated, ["OK"]);
        assert_eq!(
            s.source_for(Path::new("/p/config/locales/tl.yml")),
            Some(PathBuf::from("/p/config/locales/en.yml"))
        );
        assert_eq!(
            s.source_for(Path::new("/p/tl.yml")),
            Some(PathBuf::from("/p/en.yml"))
        );
        assert_eq!(
            s.source_for(Path::new("/p/public/locales/tl/common.json")),
            Some(PathBuf::from("/p/public/locales/en/common.json"))
        );
        assert_eq!(s.source_for(Path::new("/p/en.yml")), None);
        let s =
            parse("[[pairs]]\ntarget = \"**/*.tl.md\"\nsource = \"{dir}/{base}.en.md\"\n").unwrap();
        assert_eq!(
            s.source_for(Path::new("/p/news/ulat.tl.md")),
            Some(PathBuf::from("/p/news/ulat.en.md"))
        );
    }

    #[test]
    fn pair_errors_name_the_line() {
        assert_eq!(
            parse("[[pairs]]\ntarget = \"**/tl.yml\"\nsource = \"{folder}/en.yml\"\n").unwrap_err(),
            "salin.toml:3: unknown placeholder `{folder}` in `{folder}/en.yml` (expected `{dir}`, `{parent}`, `{name}`, `{stem}`, `{base}`, `{ext}`)"
        );
        assert_eq!(
            parse("[[pairs]]\ntarget = \"**/tl.yml\"\n").unwrap_err(),
            "salin.toml:1: missing field `source`"
        );
        assert_eq!(
            parse("[[pairs]]\n\ntarget = \"{a\"\nsource = \"en.yml\"\n")
                .unwrap_err()
                .split(':')
                .take(2)
                .collect::<Vec<_>>(),
            ["salin.toml", "3"]
        );
    }
}
