//! Where a diagnostic's `codeDescription` points: the rule's documentation.
//!
//! salin has no documentation web site of its own, so by default the
//! server writes each rule's documentation (what `salin explain RULE`
//! prints) as a Markdown file in the user's cache directory and links to
//! that `file:` URI, which every editor can open. A team that publishes
//! the documentation sets `ruleDocumentationUrl` in the initialization
//! options, a URL in which `{rule}` is replaced by the rule's name.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

use super::uri;
use salin::report::explanation;

pub struct RuleDocs {
    links: HashMap<&'static str, Uri>,
}

impl RuleDocs {
    /// Links for every rule: `template` filled in, or files written in
    /// `cache` (none if they cannot be written; the reason is logged).
    pub fn new(template: Option<&str>, cache: Option<PathBuf>) -> Self {
        let names = salin::rules::ALL.iter().map(|r| r.meta().name);
        let links = match (template, cache) {
            (Some(t), _) => names
                .filter_map(|n| Uri::from_str(&t.replace("{rule}", n)).ok().map(|u| (n, u)))
                .collect(),
            (None, Some(dir)) => match write_all(&dir) {
                Ok(()) => names
                    .map(|n| (n, uri::from_path(&dir.join(format!("{n}.md")))))
                    .collect(),
                Err(e) => {
                    eprintln!(
                        "salin server: rule documentation not written to {}: {e}",
                        dir.display()
                    );
                    HashMap::new()
                }
            },
            (None, None) => HashMap::new(),
        };
        RuleDocs { links }
    }

    pub fn link(&self, rule: &str) -> Option<&Uri> {
        self.links.get(rule)
    }
}

/// The directory for the documentation files of this version of salin:
/// `$XDG_CACHE_HOME/salin/VERSION/rules`, else under `~/.cache`, else the
/// system's temporary directory.
pub fn default_cache_dir() -> PathBuf {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = env("XDG_CACHE_HOME")
        .or_else(|| env("HOME").map(|h| h.join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("salin")
        .join(env!("CARGO_PKG_VERSION"))
        .join("rules")
}

/// Writes each rule's documentation, skipping files that already hold it.
/// Each file is written whole and renamed into place, so two servers
/// starting at once never leave a half-written one.
fn write_all(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for rule in salin::rules::ALL {
        let meta = rule.meta();
        let path = dir.join(format!("{}.md", meta.name));
        let text = explanation(meta);
        if std::fs::read_to_string(&path).is_ok_and(|t| t == text) {
            continue;
        }
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        std::io::Write::write_all(&mut tmp, text.as_bytes())?;
        tmp.persist(&path).map_err(|e| e.error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_hold_the_explanation() {
        let dir = tempfile::tempdir().unwrap();
        let docs = RuleDocs::new(None, Some(dir.path().to_path_buf()));
        let link = docs.link("hyphen-spacing").unwrap();
        let path = uri::to_path(link).unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.starts_with("# hyphen-spacing\n\n"), "{text}");
        assert_eq!(docs.links.len(), salin::rules::ALL.len());
    }

    #[test]
    fn a_template_names_the_rule() {
        let docs = RuleDocs::new(Some("https://docs.example/rules/{rule}.html"), None);
        assert_eq!(
            docs.link("repeated-word").unwrap().as_str(),
            "https://docs.example/rules/repeated-word.html"
        );
    }
}
