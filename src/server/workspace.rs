//! Configuration per workspace folder, found and applied as on the command
//! line: the `salin.toml` (or `.salin.toml`) that `salin check` run in the
//! folder would use, its glossaries, `[[overrides]]` per file and
//! `[[pairs]]` for source files.
//!
//! A configuration or glossary that cannot be read does not stop the
//! server: the folder is checked with the default settings (or without the
//! glossary) and the error is shown to the user until it is fixed.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use salin::{Checker, Dictionary, Document, Glossary, RuleSelection};

use crate::cli::check::{configured_checker, load_glossary};
use crate::cli::config::{Settings, discover};
use crate::cli::pairing::Pairing;

/// Which word list to confirm compounds with (initialization options
/// `dictionary` and `noDictionary`; by default the system's, as on the
/// command line).
#[derive(Clone, Debug, Default)]
pub enum DictionaryChoice {
    #[default]
    System,
    File(PathBuf),
    None,
}

pub struct Workspace {
    /// Where configuration discovery starts: a workspace folder, or the
    /// directory of a file outside every folder.
    pub folder: PathBuf,
    pub settings: Settings,
    checker: Checker,
    /// Source files read from disk, kept until something is saved or
    /// changes on disk.
    pairing: Pairing,
    /// Why the configuration or a glossary is not in use, for the user.
    pub error: Option<String>,
}

impl Workspace {
    pub fn load(folder: &Path, dictionary: &DictionaryChoice) -> Workspace {
        let mut error = None;
        let settings = match discover(folder) {
            Some(path) => Settings::read(&path).unwrap_or_else(|e| {
                error = Some(format!("{e}; checking with the default settings"));
                Settings::defaults(folder.to_path_buf())
            }),
            None => Settings::defaults(folder.to_path_buf()),
        };
        let glossary = load_glossary(&settings, true, &[]).unwrap_or_else(|e| {
            error = Some(format!("{e}; checking without the configured glossaries"));
            if settings.default_glossary {
                Glossary::embedded()
            } else {
                Glossary::new(Vec::new())
            }
        });
        let dictionary = match dictionary {
            DictionaryChoice::System => Dictionary::system(),
            DictionaryChoice::None => None,
            DictionaryChoice::File(path) => Dictionary::load(path)
                .map_err(|e| error = Some(format!("{e}; checking without a word list")))
                .ok(),
        };
        let checker = configured_checker(
            &settings,
            glossary,
            &RuleSelection::default(),
            dictionary,
            false,
        );
        Workspace {
            folder: folder.to_path_buf(),
            settings,
            checker,
            pairing: fresh_pairing(),
            error,
        }
    }

    /// The checker for the file at `path`: the folder's, with the
    /// `[[overrides]]` that match the file applied.
    pub fn checker_for(&self, path: Option<&Path>) -> Checker {
        let overrides = path
            .map(|p| self.settings.overrides_for(p))
            .unwrap_or_default();
        if overrides.is_empty() {
            self.checker.clone()
        } else {
            self.checker.with_rule_set(
                &self
                    .settings
                    .rule_set(&RuleSelection::default(), &overrides),
            )
        }
    }

    /// The source file `[[pairs]]` names for `path`.
    pub fn source_for(&self, path: &Path) -> Option<PathBuf> {
        self.settings.source_for(path)
    }

    /// `doc` paired with its source: `open` gives the text the editor has
    /// for a file, which wins over the file on disk.
    pub fn pair(
        &self,
        doc: Document,
        path: Option<&Path>,
        open: impl Fn(&Path) -> Option<Document>,
    ) -> Document {
        if let Some(source) = path.and_then(|p| self.source_for(p)).and_then(|s| open(&s)) {
            let mut doc = doc.with_source(Arc::new(source));
            if let Some(path) = path {
                doc.limits = self.settings.limits_for(path);
            }
            return doc;
        }
        self.pairing.attach(doc, path, &self.settings)
    }

    /// Forget the source files read so far (they may have changed).
    pub fn forget_sources(&mut self) {
        self.pairing = fresh_pairing();
    }

    /// Whether a change to the file at `path` changes this workspace's
    /// configuration: its configuration file, a glossary it reads, or a new
    /// configuration file where discovery would find it.
    pub fn depends_on(&self, path: &Path) -> bool {
        let is_config_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| crate::cli::config::CONFIG_NAMES.contains(&n));
        self.settings.config.as_deref() == Some(path)
            || self.settings.glossaries.iter().any(|(g, _)| g == path)
            || (is_config_name
                && path
                    .parent()
                    .is_some_and(|dir| self.folder.starts_with(dir)))
    }
}

fn fresh_pairing() -> Pairing {
    Pairing::new(None).expect("pairing without --source reads nothing")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_configuration_falls_back_to_defaults_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("salin.toml"), "select = [\"nope\"]\n").unwrap();
        let ws = Workspace::load(dir.path(), &DictionaryChoice::None);
        let error = ws.error.unwrap();
        assert!(
            error.ends_with(
                "salin.toml:1: unknown rule `nope` (see `salin rules`); checking with the default settings"
            ),
            "{error}"
        );
        assert!(ws.settings.config.is_none());
    }

    #[test]
    fn configuration_and_glossaries_are_dependencies() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join("salin.toml"), "glossaries = [\"g.tsv\"]\n").unwrap();
        std::fs::write(root.join("g.tsv"), "Innovant\n").unwrap();
        let sub = root.join("docs");
        std::fs::create_dir(&sub).unwrap();
        let ws = Workspace::load(&sub, &DictionaryChoice::None);
        assert_eq!(ws.error, None);
        assert!(ws.depends_on(&root.join("salin.toml")));
        assert!(ws.depends_on(&root.join("g.tsv")));
        assert!(ws.depends_on(&sub.join(".salin.toml")));
        assert!(!ws.depends_on(&sub.join("other/salin.toml")));
        assert!(!ws.depends_on(&root.join("a.md")));
    }
}
