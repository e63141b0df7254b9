//! "Add this word to the project glossary": the workspace edit that makes a
//! flagged word a glossary term.
//!
//! The term goes into the first glossary the configuration names, in that
//! file's format. Without one, it goes into a new `glossary/project.tsv`
//! under the project root, which is recorded in `salin.toml` (created when
//! the project has no configuration file).

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use lsp_types::{
    CreateFile, CreateFileOptions, DocumentChangeOperation, DocumentChanges, Position, Range,
    ResourceOp, TextEdit, WorkspaceEdit,
};
use regex::Regex;
use serde::Deserialize;

use super::edits::{EditSupport, text_document_edit};
use super::position::{Encoding, Lines};
use super::uri;
use super::workspace::Workspace;

/// Where a new project glossary goes, relative to the project root.
pub const PROJECT_GLOSSARY: &str = "glossary/project.tsv";

/// A file's text as the editor has it (with its version), or as on disk.
pub struct FileText {
    pub text: String,
    pub version: Option<i32>,
}

/// The title's name for the glossary and the edit that adds `word` to it;
/// `None` when the workspace's configuration is broken (it would be
/// overwritten) or the client cannot create the files needed.
pub fn add_term(
    ws: &Workspace,
    word: &str,
    support: EditSupport,
    encoding: Encoding,
    read: &dyn Fn(&Path) -> Option<FileText>,
) -> Option<(String, WorkspaceEdit)> {
    if ws.error.is_some() || !support.document_changes {
        return None;
    }
    let root = &ws.settings.root;
    let mut ops = Vec::new();
    let glossary = match ws.settings.glossaries.first() {
        Some((path, _)) => {
            let file = read(path)?;
            ops.push(append(path, &file, word, encoding)?);
            path.clone()
        }
        None => {
            if !support.create_files {
                return None;
            }
            let path = root.join(PROJECT_GLOSSARY);
            match read(&path) {
                Some(file) => ops.push(append(&path, &file, word, encoding)?),
                None => ops.extend(create(&path, &format!("{word}\n"))),
            }
            ops.extend(record_glossary(ws, read, encoding)?);
            path
        }
    };
    let name = glossary
        .strip_prefix(root)
        .unwrap_or(&glossary)
        .display()
        .to_string();
    let edit = WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(ops)),
        ..Default::default()
    };
    Some((name, edit))
}

/// The operations that create `path` holding `text`.
fn create(path: &Path, text: &str) -> [DocumentChangeOperation; 2] {
    let uri = uri::from_path(path);
    [
        DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
            uri: uri.clone(),
            options: Some(CreateFileOptions {
                overwrite: Some(false),
                ignore_if_exists: Some(true),
            }),
            annotation_id: None,
        })),
        DocumentChangeOperation::Edit(text_document_edit(
            &uri,
            None,
            vec![TextEdit::new(Range::default(), text.to_string())],
        )),
    ]
}

/// The edit inserting `word` as a term of the glossary `file` at `path`.
fn append(
    path: &Path,
    file: &FileText,
    word: &str,
    encoding: Encoding,
) -> Option<DocumentChangeOperation> {
    let (at, insert) = entry(path, &file.text, word)?;
    Some(insert_at(path, file, at, insert, encoding))
}

fn insert_at(
    path: &Path,
    file: &FileText,
    at: usize,
    insert: String,
    encoding: Encoding,
) -> DocumentChangeOperation {
    let lines = Lines::new(&file.text);
    let position: Position = lines.position(&file.text, at, encoding);
    DocumentChangeOperation::Edit(text_document_edit(
        &uri::from_path(path),
        file.version,
        vec![TextEdit::new(Range::new(position, position), insert)],
    ))
}

/// Where to insert the term and what, in the glossary's format (by its
/// extension, as salin reads it).
fn entry(path: &Path, text: &str, word: &str) -> Option<(usize, String)> {
    let eol = line_ending(text);
    let end = text.len();
    // Text appended after the last line, which may lack its newline.
    let after_last = |line: String| {
        if text.is_empty() || text.ends_with('\n') {
            line
        } else {
            format!("{eol}{line}")
        }
    };
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref().unwrap_or_default() {
        "tsv" | "txt" => Some((end, after_last(format!("{word}{eol}")))),
        "csv" => {
            let header = text
                .trim_start_matches('\u{feff}')
                .lines()
                .find(|l| !l.trim().is_empty() && !l.starts_with('#'))?;
            let columns: Vec<String> = header
                .split(',')
                .map(|c| c.trim().to_ascii_lowercase())
                .collect();
            let term = columns.iter().position(|c| c == "term")?;
            let mut cells = vec![String::new(); columns.len()];
            cells[term] = csv_cell(word);
            Some((end, after_last(format!("{}{eol}", cells.join(",")))))
        }
        "toml" => {
            let quoted = toml::Value::String(word.to_string()).to_string();
            Some((
                end,
                after_last(format!("{eol}[[term]]{eol}canonical = {quoted}{eol}")),
            ))
        }
        "tbx" | "xml" => {
            let at = text.rfind("</body>")?;
            let term = xml_escape(word);
            let entry = if text.contains("<conceptEntry") {
                format!(
                    "<conceptEntry><langSec xml:lang=\"tl\"><termSec><term>{term}</term></termSec></langSec></conceptEntry>{eol}"
                )
            } else {
                format!(
                    "<termEntry><langSet xml:lang=\"tl\"><tig><term>{term}</term></tig></langSet></termEntry>{eol}"
                )
            };
            Some((at, entry))
        }
        _ => None,
    }
}

/// The edits that name the new project glossary in the configuration:
/// `glossaries = ["glossary/project.tsv"]` added to `salin.toml` (before
/// its first table, where top-level keys must be), an empty `glossaries`
/// list filled, or a new `salin.toml` at the project root.
fn record_glossary(
    ws: &Workspace,
    read: &dyn Fn(&Path) -> Option<FileText>,
    encoding: Encoding,
) -> Option<Vec<DocumentChangeOperation>> {
    let list = format!("[\"{PROJECT_GLOSSARY}\"]");
    let Some(config) = &ws.settings.config else {
        let path: PathBuf = ws.settings.root.join(crate::cli::config::CONFIG_NAMES[0]);
        return Some(create(&path, &format!("glossaries = {list}\n")).to_vec());
    };
    let file = read(config)?;
    #[derive(Deserialize)]
    struct Glossaries {
        glossaries: Option<toml::Spanned<Vec<String>>>,
    }
    let parsed: Glossaries = toml::from_str(&file.text).ok()?;
    if let Some(existing) = parsed.glossaries {
        // Empty (else the configuration would have a first glossary).
        let lines = Lines::new(&file.text);
        let range = lines.range(&file.text, &existing.span(), encoding);
        return Some(vec![DocumentChangeOperation::Edit(text_document_edit(
            &uri::from_path(config),
            file.version,
            vec![TextEdit::new(range, list)],
        ))]);
    }
    static TABLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?m)^[ \t]*\[\[?[ \t]*[A-Za-z0-9_.\-" ]+[ \t]*\]\]?[ \t]*(#.*)?\r?$"#)
            .expect("valid regex")
    });
    let eol = line_ending(&file.text);
    let line = format!("glossaries = {list}{eol}");
    let (at, insert) = match TABLE.find(&file.text) {
        Some(m) => (m.start(), format!("{line}{eol}")),
        None if file.text.is_empty() || file.text.ends_with('\n') => (file.text.len(), line),
        None => (file.text.len(), format!("{eol}{line}")),
    };
    Some(vec![insert_at(config, &file, at, insert, encoding)])
}

fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.trim() != s {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The glossary text after the insertion, and the terms it then has.
    fn add(name: &str, text: &str, word: &str) -> (String, Vec<String>) {
        let path = Path::new(name);
        let (at, insert) = entry(path, text, word).unwrap();
        let mut new = text.to_string();
        new.insert_str(at, &insert);
        let terms = salin::glossary::parse(&new, name, path)
            .unwrap_or_else(|e| panic!("{e}\n{new}"))
            .into_iter()
            .map(|t| t.canonical)
            .collect();
        (new, terms)
    }

    #[test]
    fn each_format_gets_a_term_it_parses() {
        let (new, terms) = add("g.tsv", "Innovent\tInnovent Biologics", "Innovant");
        assert_eq!(new, "Innovent\tInnovent Biologics\nInnovant\n");
        assert_eq!(terms, ["Innovent", "Innovant"]);

        let (new, terms) = add("g.csv", "note,term\r\n\"x\",Innovent\r\n", "Smith, Jr.");
        assert_eq!(new, "note,term\r\n\"x\",Innovent\r\n,\"Smith, Jr.\"\r\n");
        assert_eq!(terms, ["Innovent", "Smith, Jr."]);

        let (_, terms) = add("g.toml", "[[term]]\ncanonical = \"Innovent\"\n", "Sa\"bi");
        assert_eq!(terms, ["Innovent", "Sa\"bi"]);

        let tbx2 = "<martif type=\"TBX\"><text><body>\n<termEntry><langSet xml:lang=\"tl\"><tig><term>Innovent</term></tig></langSet></termEntry>\n</body></text></martif>\n";
        let (_, terms) = add("g.tbx", tbx2, "A&B");
        assert_eq!(terms, ["Innovent", "A&B"]);
        let tbx3 = "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n<conceptEntry id=\"c1\"><langSec xml:lang=\"tl\"><termSec><term>Innovent</term></termSec></langSec></conceptEntry>\n</body></text></tbx>\n";
        let (_, terms) = add("g.tbx", tbx3, "Innovant");
        assert_eq!(terms, ["Innovent", "Innovant"]);
    }

    #[test]
    fn the_key_goes_before_the_first_table() {
        let re = |text: &str| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("salin.toml"), text).unwrap();
            let ws = Workspace::load(dir.path(), &super::super::workspace::DictionaryChoice::None);
            let read = |p: &Path| {
                std::fs::read_to_string(p).ok().map(|text| FileText {
                    text,
                    version: None,
                })
            };
            let ops = record_glossary(&ws, &read, Encoding::Utf16).unwrap();
            let DocumentChangeOperation::Edit(edit) = &ops[0] else {
                panic!()
            };
            let OneOf::Left(e) = &edit.edits[0] else {
                panic!()
            };
            crate::server::edits::apply(text, std::slice::from_ref(e), Encoding::Utf16)
        };
        use lsp_types::OneOf;
        assert_eq!(
            re(
                "# salin\nignore = [\n  \"untranslated\",\n]\n\n[severity]\nrepeated-word = \"info\"\n"
            ),
            "# salin\nignore = [\n  \"untranslated\",\n]\n\nglossaries = [\"glossary/project.tsv\"]\n\n[severity]\nrepeated-word = \"info\"\n"
        );
        assert_eq!(
            re("glossaries = []\nformat = \"json\""),
            "glossaries = [\"glossary/project.tsv\"]\nformat = \"json\""
        );
        assert_eq!(
            re("format = \"json\""),
            "format = \"json\"\nglossaries = [\"glossary/project.tsv\"]\n"
        );
    }
}
