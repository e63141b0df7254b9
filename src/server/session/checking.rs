//! Checking documents, and the requests that need their findings.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use lsp_types::{CodeActionParams, HoverParams, MessageType, Uri};
use salin::{Diagnostic, Document};

use super::Session;
use crate::server::actions;
use crate::server::diagnostics::to_lsp;
use crate::server::documents::format_of;
use crate::server::glossary_edit::FileText;
use crate::server::hover;
use crate::server::workspace::Workspace;

impl<W: Write> Session<W> {
    /// Checks a document now and publishes its diagnostics.
    pub(super) fn check(&mut self, uri: &Uri) {
        self.pending.remove(uri);
        let Some((checked, key, path)) = self.prepare(uri) else {
            return;
        };
        let ws = &self.workspaces[&key];
        let findings = ws.checker_for(path.as_deref()).check(&checked);
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        let diagnostics = findings
            .iter()
            .map(|d| to_lsp(d, doc, self.encoding, &self.docs))
            .collect();
        doc.findings = Some(findings);
        doc.checked_at = Some(Instant::now());
        let version = Some(doc.version);
        self.publish(uri.clone(), diagnostics, version);
    }

    /// The document to check (paired with its source), with the key of its
    /// workspace (loaded if need be) and its path; `None` for a document
    /// salin does not read.
    pub(super) fn prepare(&mut self, uri: &Uri) -> Option<(Document, PathBuf, Option<PathBuf>)> {
        let doc = self.documents.get(uri)?;
        let format = doc.format?;
        let path = doc.path.clone();
        let key = self.workspace_key(path.as_deref());
        self.load_workspace(&key);
        let doc = self.documents.get(uri)?;
        let document = Document::new(doc.name(), doc.text.clone(), format);
        let ws = &self.workspaces[&key];
        let open = |p: &Path| {
            let source = self
                .documents
                .values()
                .find(|d| d.path.as_deref() == Some(p))?;
            let format = format_of(Some(p), "")?;
            Some(Document::new(source.name(), source.text.clone(), format))
        };
        Some((ws.pair(document, path.as_deref(), open), key, path))
    }

    /// The findings of a document's current text, checking it first if an
    /// edit is pending.
    pub(super) fn current(&mut self, uri: &Uri) -> Option<Vec<Diagnostic>> {
        let doc = self.documents.get(uri)?;
        if doc.findings.is_none() || self.pending.contains_key(uri) {
            self.check(uri);
        }
        self.documents.get(uri)?.findings.clone()
    }

    pub(super) fn code_actions(
        &mut self,
        p: CodeActionParams,
    ) -> Vec<lsp_types::CodeActionOrCommand> {
        let uri = p.text_document.uri;
        let Some(findings) = self.current(&uri) else {
            return Vec::new();
        };
        let Some((checked, key, path)) = self.prepare(&uri) else {
            return Vec::new();
        };
        let ws = &self.workspaces[&key];
        let checker = ws.checker_for(path.as_deref());
        let read = |p: &Path| -> Option<FileText> {
            match self
                .documents
                .values()
                .find(|d| d.path.as_deref() == Some(p))
            {
                Some(d) => Some(FileText {
                    text: d.text.clone(),
                    version: Some(d.version),
                }),
                None => std::fs::read_to_string(p).ok().map(|text| FileText {
                    text,
                    version: None,
                }),
            }
        };
        let input = actions::Input {
            doc: &self.documents[&uri],
            checked: &checked,
            findings: &findings,
            checker: &checker,
            workspace: ws,
            encoding: self.encoding,
            support: self.support,
            docs: &self.docs,
            read: &read,
        };
        actions::code_actions(&input, p.range, p.context.only.as_deref())
    }

    pub(super) fn hover(&mut self, p: HoverParams) -> Option<lsp_types::Hover> {
        let uri = p.text_document_position_params.text_document.uri;
        let findings = self.current(&uri)?;
        let position = p.text_document_position_params.position;
        hover::hover(&self.documents[&uri], &findings, position, self.encoding)
    }

    /// The workspace a document belongs to: the innermost workspace folder
    /// holding it; else its own directory (a file opened outside every
    /// folder); else, without a path, the first folder or the current
    /// directory.
    pub(super) fn workspace_key(&self, path: Option<&Path>) -> PathBuf {
        let folder = path.and_then(|p| {
            self.folders
                .iter()
                .filter(|f| p.starts_with(f))
                .max_by_key(|f| f.components().count())
        });
        match (folder, path) {
            (Some(f), _) => f.clone(),
            (None, Some(p)) => p.parent().unwrap_or(Path::new("/")).to_path_buf(),
            (None, None) => self
                .folders
                .first()
                .cloned()
                .unwrap_or_else(|| crate::cli::files::absolute(Path::new("."))),
        }
    }

    pub(super) fn load_workspace(&mut self, key: &Path) {
        if self.workspaces.contains_key(key) {
            return;
        }
        let ws = Workspace::load(key, &self.dictionary);
        if let Some(e) = &ws.error {
            let e = e.clone();
            self.show(MessageType::ERROR, &e);
        }
        self.workspaces.insert(key.to_path_buf(), ws);
    }
}
