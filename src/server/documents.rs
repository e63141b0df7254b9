//! The documents the editor has open: their text as the editor has it (not
//! as on disk), its version, and the findings of the last check.

use std::path::{Path, PathBuf};
use std::time::Instant;

use lsp_types::{TextDocumentContentChangeEvent, Uri};
use salin::{Diagnostic, Format};

use super::position::{Encoding, Lines};
use super::uri;

/// An open document.
pub struct OpenDocument {
    pub uri: Uri,
    /// The file, for `file:` URIs.
    pub path: Option<PathBuf>,
    /// How salin reads it; `None`: a kind of file salin does not check.
    pub format: Option<Format>,
    pub text: String,
    pub version: i32,
    pub lines: Lines,
    /// The findings in this version of the text, once checked.
    pub findings: Option<Vec<Diagnostic>>,
    /// When it was last checked (for debouncing).
    pub checked_at: Option<Instant>,
}

impl OpenDocument {
    pub fn new(uri: Uri, language_id: &str, text: String, version: i32) -> Self {
        let path = uri::to_path(&uri);
        let format = format_of(path.as_deref(), language_id);
        OpenDocument {
            uri,
            path,
            format,
            lines: Lines::new(&text),
            text,
            version,
            findings: None,
            checked_at: None,
        }
    }

    /// Applies the editor's changes, in order: each range refers to the text
    /// as the changes before it left it.
    pub fn change(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = self.lines.span(&self.text, range, encoding);
                    self.text.replace_range(span, &change.text);
                }
                None => self.text = change.text,
            }
            self.lines = Lines::new(&self.text);
        }
        self.version = version;
        self.findings = None;
    }

    /// The name shown in messages: the path, or the URI.
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => self.uri.as_str().to_string(),
        }
    }
}

/// The format of a document: by its extension when salin knows it, as on
/// the command line; otherwise by the editor's language id.
pub fn format_of(path: Option<&Path>, language_id: &str) -> Option<Format> {
    if let Some(format) = path.and_then(Format::from_path) {
        return Some(format);
    }
    match language_id.to_ascii_lowercase().as_str() {
        "markdown" => Some(Format::Markdown),
        "plaintext" | "text" => Some(Format::Plain),
        "yaml" => Some(Format::Yaml),
        "json" | "jsonc" => Some(Format::Json),
        "po" | "gettext" => Some(Format::Po),
        "xliff" | "xlf" => Some(Format::Xliff),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};
    use std::str::FromStr;

    #[test]
    fn extension_first_then_language_id() {
        let p = |s: &str| Some(PathBuf::from(s));
        assert_eq!(
            format_of(p("/a/tl.yml").as_deref(), "plaintext"),
            Some(Format::Yaml)
        );
        assert_eq!(
            format_of(p("/a/app_tl.arb").as_deref(), "json"),
            Some(Format::Json)
        );
        assert_eq!(
            format_of(p("/a/BALITA").as_deref(), "markdown"),
            Some(Format::Markdown)
        );
        assert_eq!(format_of(None, "po"), Some(Format::Po));
        assert_eq!(format_of(p("/a/main.rs").as_deref(), "rust"), None);
    }

    #[test]
    fn incremental_changes_apply_in_order() {
        let uri = Uri::from_str("file:///t/a.md").unwrap();
        let mut doc = OpenDocument::new(uri, "markdown", "😀 pag -unlad\r\nisa\r\n".into(), 1);
        let change = |l1, c1, l2, c2, text: &str| TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.into(),
        };
        // UTF-16: the emoji is two units; delete the stray space, then
        // append to the second line.
        doc.change(
            vec![change(0, 6, 0, 7, ""), change(1, 3, 1, 3, " dalawa")],
            2,
            Encoding::Utf16,
        );
        assert_eq!(doc.text, "😀 pag-unlad\r\nisa dalawa\r\n");
        assert_eq!(doc.version, 2);
        doc.change(
            vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "bago".into(),
            }],
            3,
            Encoding::Utf16,
        );
        assert_eq!(doc.text, "bago");
    }
}
