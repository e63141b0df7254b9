//! Pairing checked files with their source-language files: `--source FILE`
//! for every file, else the first `[[pairs]]` entry whose glob matches,
//! else the English counterpart by convention (`Settings::source_for`);
//! none with `--no-source`. Source files are read once and shared.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::CliError;
use super::config::{Settings, display};
use salin::{Document, Format};

pub struct Pairing {
    /// `--source`, read up front.
    given: Option<Arc<Document>>,
    /// `--no-source`: no file is paired.
    none: bool,
    /// Sources named by `[[pairs]]`, by absolute path (`None`: unreadable).
    read: Mutex<HashMap<PathBuf, Option<Arc<Document>>>>,
}

impl Pairing {
    /// Reads `--source` when given; a missing or unreadable one is an error.
    pub fn new(source: Option<&Path>) -> Result<Self, CliError> {
        Pairing::with_sources(source, true)
    }

    /// Like [`Pairing::new`]; without `sources` (`--no-source`), no file is
    /// paired.
    pub fn with_sources(source: Option<&Path>, sources: bool) -> Result<Self, CliError> {
        let given = match source {
            Some(path) => Some(Arc::new(read(path)?)),
            None => None,
        };
        Ok(Pairing {
            given,
            none: !sources,
            read: Mutex::new(HashMap::new()),
        })
    }

    /// `doc` (read from `path`, `None` for stdin) paired with its source,
    /// when it has one. A configured source that cannot be read is reported
    /// with a note, and the file is checked without it.
    pub fn attach(&self, mut doc: Document, path: Option<&Path>, settings: &Settings) -> Document {
        if let Some(path) = path {
            doc.limits = settings.limits_for(path);
        }
        if self.none {
            return doc;
        }
        if let Some(source) = &self.given {
            return doc.with_source(Arc::clone(source));
        }
        let Some(source_path) = path.and_then(|p| settings.source_for(p)) else {
            return doc;
        };
        let mut read_files = self.read.lock().unwrap_or_else(|e| e.into_inner());
        let source = read_files
            .entry(source_path.clone())
            .or_insert_with(|| match read(&source_path) {
                Ok(d) => Some(Arc::new(d)),
                Err(e) => {
                    eprintln!(
                        "salin: note: {}: source not read ({}); checked without it",
                        doc.name, e.0
                    );
                    None
                }
            })
            .clone();
        match source {
            Some(source) => doc.with_source(source),
            None => doc,
        }
    }
}

/// A source file, as a document of the format its extension names.
fn read(path: &Path) -> Result<Document, CliError> {
    let name = display(path);
    let text = std::fs::read_to_string(path).map_err(|e| CliError::io(&name, &e))?;
    let format = Format::from_path(path).unwrap_or(Format::Plain);
    Document::parse(name.clone(), text, format, None)
        .map_err(|e| CliError(format!("{name}:{}: {}", e.line, e.message)))
}
