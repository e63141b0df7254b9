//! Keeping in step with the editor: documents opened, changed, saved and
//! closed, files changed on disk, workspace folders added and removed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use lsp_types::{
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidChangeWorkspaceFoldersParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, MessageType,
    Uri,
};

use super::{DEBOUNCE, MAX_DELAY, Session};
use crate::server::documents::OpenDocument;
use crate::server::uri;
use crate::server::workspace::Workspace;

impl<W: Write> Session<W> {
    pub(super) fn opened(&mut self, p: DidOpenTextDocumentParams) {
        let d = p.text_document;
        let doc = OpenDocument::new(d.uri.clone(), &d.language_id, d.text, d.version);
        self.documents.insert(d.uri.clone(), doc);
        self.check(&d.uri);
    }

    pub(super) fn changed(&mut self, p: DidChangeTextDocumentParams) {
        let uri = p.text_document.uri;
        let Some(doc) = self.documents.get_mut(&uri) else {
            return;
        };
        doc.change(p.content_changes, p.text_document.version, self.encoding);
        let changed = doc.path.clone();
        self.schedule(&uri);
        // Translations paired with this document as their source.
        if let Some(path) = changed {
            for dependent in self.paired_with(&path) {
                self.schedule(&dependent);
            }
        }
    }

    /// Schedules a check of a changed document (see [`DEBOUNCE`]).
    pub(super) fn schedule(&mut self, uri: &Uri) {
        let now = Instant::now();
        let after_pause = self
            .documents
            .get(uri)
            .and_then(|d| d.checked_at)
            .is_none_or(|at| now.duration_since(at) >= DEBOUNCE);
        let (first, due) = match self.pending.get(uri) {
            Some(&(first, _)) => (first, (now + DEBOUNCE).min(first + MAX_DELAY)),
            None if after_pause => (now, now),
            None => (now, now + DEBOUNCE),
        };
        self.pending.insert(uri.clone(), (first, due));
    }

    pub(super) fn saved(&mut self, p: DidSaveTextDocumentParams) {
        let path = uri::to_path(&p.text_document.uri);
        if let Some(path) = &path
            && self.workspaces.values().any(|w| w.depends_on(path))
        {
            self.reload(std::slice::from_ref(path));
            return;
        }
        for ws in self.workspaces.values_mut() {
            ws.forget_sources();
        }
        self.check(&p.text_document.uri);
        if let Some(path) = path {
            for dependent in self.paired_with(&path) {
                self.check(&dependent);
            }
        }
    }

    pub(super) fn closed(&mut self, p: DidCloseTextDocumentParams) {
        let uri = p.text_document.uri;
        self.pending.remove(&uri);
        if self.documents.remove(&uri).is_some() {
            self.publish(uri, Vec::new(), None);
        }
    }

    pub(super) fn files_changed(&mut self, p: DidChangeWatchedFilesParams) {
        let paths: Vec<PathBuf> = p
            .changes
            .iter()
            .filter_map(|c| uri::to_path(&c.uri))
            .collect();
        self.reload(&paths);
    }

    pub(super) fn folders_changed(&mut self, p: DidChangeWorkspaceFoldersParams) {
        for removed in &p.event.removed {
            if let Some(path) = uri::to_path(&removed.uri) {
                self.folders.retain(|f| *f != path);
                self.workspaces.remove(&path);
            }
        }
        for added in &p.event.added {
            if let Some(path) = uri::to_path(&added.uri) {
                self.folders.push(path);
            }
        }
        self.recheck_all();
    }

    /// Reloads the configurations that the changed files belong to, and
    /// checks every open document again (a source file may have changed).
    pub(super) fn reload(&mut self, changed: &[PathBuf]) {
        let stale: Vec<PathBuf> = self
            .workspaces
            .iter()
            .filter(|(_, w)| changed.iter().any(|c| w.depends_on(c)))
            .map(|(key, _)| key.clone())
            .collect();
        for key in stale {
            let old = self.workspaces.remove(&key).and_then(|w| w.error);
            let ws = Workspace::load(&key, &self.dictionary);
            match &ws.error {
                Some(e) if old.as_ref() != Some(e) => self.show(MessageType::ERROR, e),
                None if old.is_some() => {
                    let what = ws.settings.config.as_ref().map_or_else(
                        || "the default settings".to_string(),
                        |c| c.display().to_string(),
                    );
                    self.show(MessageType::INFO, &format!("configuration loaded: {what}"));
                }
                _ => {}
            }
            self.workspaces.insert(key, ws);
        }
        for ws in self.workspaces.values_mut() {
            ws.forget_sources();
        }
        self.recheck_all();
    }

    pub(super) fn recheck_all(&mut self) {
        let uris: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in uris {
            self.check(&uri);
        }
    }

    /// Open documents whose configured source is the file at `path`.
    pub(super) fn paired_with(&mut self, path: &Path) -> Vec<Uri> {
        let candidates: Vec<(Uri, PathBuf)> = self
            .documents
            .values()
            .filter_map(|d| Some((d.uri.clone(), d.path.clone()?)))
            .filter(|(_, p)| p != path)
            .collect();
        candidates
            .into_iter()
            .filter(|(_, p)| {
                let key = self.workspace_key(Some(p));
                self.workspaces
                    .get(&key)
                    .and_then(|w| w.source_for(p))
                    .is_some_and(|s| s == path)
            })
            .map(|(uri, _)| uri)
            .collect()
    }
}
