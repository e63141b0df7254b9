//! The server's state and its message loop: the initialize handshake, then
//! every request and notification in order, with debounced checks in
//! between.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionParams,
    CodeActionProviderCapability, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidChangeWorkspaceFoldersParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileSystemWatcher, GlobPattern, HoverParams, HoverProviderCapability, InitializeParams,
    InitializeResult, MessageType, PublishDiagnosticsParams, Registration, RegistrationParams,
    ResourceOperationKind, SaveOptions, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri, WorkspaceFoldersServerCapabilities,
    WorkspaceServerCapabilities, notification, request,
};
use salin::{Diagnostic, Document};
use serde::Deserialize;

use super::actions::{self, FIX_ALL};
use super::diagnostics::to_lsp;
use super::documents::{OpenDocument, format_of};
use super::edits::EditSupport;
use super::glossary_edit::FileText;
use super::position::Encoding;
use super::rule_docs::{RuleDocs, default_cache_dir};
use super::transport::{Incoming, Writer};
use super::workspace::{DictionaryChoice, Workspace};
use super::{hover, uri};

/// An edit after a pause is checked at once (after the messages that have
/// already arrived: a burst of edits is one check). An edit that follows
/// another, or a check, within this long is checked this long after the
/// last edit: a paste, a multi-cursor edit or a client sending every
/// keystroke of a fast typist is checked once at the end.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// A document being edited without pause is still checked this often.
const MAX_DELAY: Duration = Duration::from_millis(250);

/// Settings the client passes in `initializationOptions`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
struct Options {
    /// A word list (Hunspell `.dic` or one word a line), as `--dictionary`.
    dictionary: Option<PathBuf>,
    /// No word list, not even the system's, as `--no-dictionary`.
    no_dictionary: bool,
    /// Where `codeDescription` links point: a URL with `{rule}`.
    rule_documentation_url: Option<String>,
}

/// Serves until `exit`; `true` when the client shut the server down first.
pub fn serve<W: Write>(incoming: Receiver<Incoming>, writer: Writer<W>) -> bool {
    let mut session = match Session::initialize(&incoming, writer) {
        Some(session) => session,
        None => return false,
    };
    session.run(&incoming)
}

struct Session<W: Write> {
    writer: Writer<W>,
    /// The connection to the client is gone.
    broken: bool,
    encoding: Encoding,
    support: EditSupport,
    watch_registration: bool,
    dictionary: DictionaryChoice,
    docs: RuleDocs,
    /// Workspace folders, innermost matched first when looking one up.
    folders: Vec<PathBuf>,
    /// Loaded configurations, by the directory their discovery starts in.
    workspaces: HashMap<PathBuf, Workspace>,
    documents: HashMap<Uri, OpenDocument>,
    /// Documents to check, with when they were first changed and when they
    /// are due.
    pending: HashMap<Uri, (Instant, Instant)>,
    shutdown: bool,
}

impl<W: Write> Session<W> {
    /// The handshake: waits for `initialize`, answering anything else as
    /// the protocol says, and answers it with the server's capabilities.
    fn initialize(incoming: &Receiver<Incoming>, writer: Writer<W>) -> Option<Self> {
        let mut writer = writer;
        loop {
            let message = match incoming.recv() {
                Ok(Incoming::Message(m)) => m,
                Ok(Incoming::Malformed { id, code, message }) => {
                    reply_malformed(&mut writer, id, code, &message);
                    continue;
                }
                Ok(Incoming::Closed(reason)) => {
                    log_closed(reason);
                    return None;
                }
                Err(_) => return None,
            };
            let request = match message {
                Message::Request(r) if r.method == request::Initialize::METHOD => r,
                Message::Request(r) => {
                    let _ = writer.send(Response::new_err(
                        r.id,
                        ErrorCode::ServerNotInitialized as i32,
                        "the server is not initialized yet".into(),
                    ));
                    continue;
                }
                Message::Notification(n) if n.method == notification::Exit::METHOD => return None,
                _ => continue,
            };
            let params: InitializeParams = match serde_json::from_value(request.params) {
                Ok(p) => p,
                Err(e) => {
                    let _ = writer.send(invalid_params(request.id, &e));
                    continue;
                }
            };
            let mut session = Session::new(writer, &params);
            let result = InitializeResult {
                capabilities: session.capabilities(),
                server_info: Some(ServerInfo {
                    name: "salin".into(),
                    version: Some(env!("CARGO_PKG_VERSION").into()),
                }),
            };
            session.send(Response::new_ok(request.id, result));
            return Some(session);
        }
    }

    fn new(writer: Writer<W>, params: &InitializeParams) -> Self {
        let caps: &ClientCapabilities = &params.capabilities;
        let encoding = Encoding::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let edit_caps = caps
            .workspace
            .as_ref()
            .and_then(|w| w.workspace_edit.as_ref());
        let support = EditSupport {
            document_changes: edit_caps.and_then(|e| e.document_changes) == Some(true),
            create_files: edit_caps
                .and_then(|e| e.resource_operations.as_ref())
                .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create)),
        };
        let watch_registration = caps
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            == Some(true);
        let mut problems = Vec::new();
        let options: Options = match &params.initialization_options {
            None | Some(serde_json::Value::Null) => Options::default(),
            Some(value) => serde_json::from_value(value.clone()).unwrap_or_else(|e| {
                problems.push(format!("initializationOptions: {e}; using the defaults"));
                Options::default()
            }),
        };
        let dictionary = match (options.no_dictionary, options.dictionary) {
            (true, _) => DictionaryChoice::None,
            (false, Some(path)) => DictionaryChoice::File(path),
            (false, None) => DictionaryChoice::System,
        };
        let mut session = Session {
            writer,
            broken: false,
            encoding,
            support,
            watch_registration,
            dictionary,
            docs: RuleDocs::new(
                options.rule_documentation_url.as_deref(),
                Some(default_cache_dir()),
            ),
            folders: workspace_folders(params),
            workspaces: HashMap::new(),
            documents: HashMap::new(),
            pending: HashMap::new(),
            shutdown: false,
        };
        for p in problems {
            session.show(MessageType::ERROR, &p);
        }
        session
    }

    fn capabilities(&self) -> ServerCapabilities {
        ServerCapabilities {
            position_encoding: Some(self.encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                    ..Default::default()
                },
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::SOURCE_FIX_ALL,
                    CodeActionKind::new(FIX_ALL),
                ]),
                ..Default::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            workspace: Some(WorkspaceServerCapabilities {
                workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                    supported: Some(true),
                    change_notifications: Some(lsp_types::OneOf::Left(true)),
                }),
                file_operations: None,
            }),
            ..Default::default()
        }
    }

    fn run(&mut self, incoming: &Receiver<Incoming>) -> bool {
        loop {
            let next = self.pending.values().map(|&(_, due)| due).min();
            let first = match next {
                Some(due) => incoming.recv_timeout(due.saturating_duration_since(Instant::now())),
                None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            let first = match first {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return false,
            };
            // Everything that has already arrived is handled before any
            // check, so that a burst of edits is checked once.
            for message in first
                .into_iter()
                .chain(std::iter::from_fn(|| incoming.try_recv().ok()))
            {
                if let Some(clean) = self.receive(message) {
                    return clean;
                }
            }
            if self.broken {
                return false;
            }
            let now = Instant::now();
            let due: Vec<Uri> = self
                .pending
                .iter()
                .filter(|(_, (_, due))| *due <= now)
                .map(|(uri, _)| uri.clone())
                .collect();
            for uri in due {
                self.check(&uri);
            }
        }
    }

    /// Handles one incoming message; `Some(clean)` when the server must
    /// stop (`clean`: after `shutdown`).
    fn receive(&mut self, incoming: Incoming) -> Option<bool> {
        match incoming {
            Incoming::Message(Message::Notification(n))
                if n.method == notification::Exit::METHOD =>
            {
                return Some(self.shutdown);
            }
            Incoming::Message(message) => self.handle(message),
            Incoming::Malformed { id, code, message } => {
                reply_malformed(&mut self.writer, id, code, &message);
            }
            Incoming::Closed(reason) => {
                log_closed(reason);
                return Some(false);
            }
        }
        None
    }

    fn handle(&mut self, message: Message) {
        match message {
            Message::Request(r) => self.request(r),
            Message::Notification(n) => self.notification(n),
            // Answers to our requests (registering the file watchers).
            Message::Response(_) => {}
        }
    }

    fn request(&mut self, r: Request) {
        if self.shutdown {
            self.send(Response::new_err(
                r.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            ));
            return;
        }
        let id = r.id.clone();
        let response = match r.method.as_str() {
            request::Shutdown::METHOD => {
                self.shutdown = true;
                Response::new_ok(id, ())
            }
            request::CodeActionRequest::METHOD => match parse::<CodeActionParams>(r) {
                Ok(params) => Response::new_ok(id, self.code_actions(params)),
                Err(e) => invalid_params(id, &e),
            },
            request::HoverRequest::METHOD => match parse::<HoverParams>(r) {
                Ok(params) => Response::new_ok(id, self.hover(params)),
                Err(e) => invalid_params(id, &e),
            },
            _ => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("salin does not handle `{}`", r.method),
            ),
        };
        self.send(response);
    }

    fn notification(&mut self, n: Notification) {
        let method = n.method.clone();
        let result = match method.as_str() {
            notification::Initialized::METHOD => {
                self.register_watchers();
                Ok(())
            }
            notification::DidOpenTextDocument::METHOD => self.with(n, Self::opened),
            notification::DidChangeTextDocument::METHOD => self.with(n, Self::changed),
            notification::DidSaveTextDocument::METHOD => self.with(n, Self::saved),
            notification::DidCloseTextDocument::METHOD => self.with(n, Self::closed),
            notification::DidChangeWatchedFiles::METHOD => self.with(n, Self::files_changed),
            notification::DidChangeWorkspaceFolders::METHOD => self.with(n, Self::folders_changed),
            // `$/cancelRequest`, `$/setTrace`, configuration changes (salin
            // reads salin.toml, not editor settings): nothing to do.
            _ => Ok(()),
        };
        if let Err(e) = result {
            eprintln!("salin server: ignored `{method}`: invalid parameters: {e}");
        }
    }

    /// Runs `handler` on the notification's parameters, if they parse.
    fn with<P: serde::de::DeserializeOwned>(
        &mut self,
        n: Notification,
        handler: fn(&mut Self, P),
    ) -> Result<(), serde_json::Error> {
        serde_json::from_value(n.params).map(|p| handler(self, p))
    }

    fn opened(&mut self, p: DidOpenTextDocumentParams) {
        let d = p.text_document;
        let doc = OpenDocument::new(d.uri.clone(), &d.language_id, d.text, d.version);
        self.documents.insert(d.uri.clone(), doc);
        self.check(&d.uri);
    }

    fn changed(&mut self, p: DidChangeTextDocumentParams) {
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
    fn schedule(&mut self, uri: &Uri) {
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

    fn saved(&mut self, p: DidSaveTextDocumentParams) {
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

    fn closed(&mut self, p: DidCloseTextDocumentParams) {
        let uri = p.text_document.uri;
        self.pending.remove(&uri);
        if self.documents.remove(&uri).is_some() {
            self.publish(uri, Vec::new(), None);
        }
    }

    fn files_changed(&mut self, p: DidChangeWatchedFilesParams) {
        let paths: Vec<PathBuf> = p
            .changes
            .iter()
            .filter_map(|c| uri::to_path(&c.uri))
            .collect();
        self.reload(&paths);
    }

    fn folders_changed(&mut self, p: DidChangeWorkspaceFoldersParams) {
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
    fn reload(&mut self, changed: &[PathBuf]) {
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

    fn recheck_all(&mut self) {
        let uris: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in uris {
            self.check(&uri);
        }
    }

    /// Open documents whose configured source is the file at `path`.
    fn paired_with(&mut self, path: &Path) -> Vec<Uri> {
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

    /// Checks a document now and publishes its diagnostics.
    fn check(&mut self, uri: &Uri) {
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
    fn prepare(&mut self, uri: &Uri) -> Option<(Document, PathBuf, Option<PathBuf>)> {
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
    fn current(&mut self, uri: &Uri) -> Option<Vec<Diagnostic>> {
        let doc = self.documents.get(uri)?;
        if doc.findings.is_none() || self.pending.contains_key(uri) {
            self.check(uri);
        }
        self.documents.get(uri)?.findings.clone()
    }

    fn code_actions(&mut self, p: CodeActionParams) -> Vec<lsp_types::CodeActionOrCommand> {
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

    fn hover(&mut self, p: HoverParams) -> Option<lsp_types::Hover> {
        let uri = p.text_document_position_params.text_document.uri;
        let findings = self.current(&uri)?;
        let position = p.text_document_position_params.position;
        hover::hover(&self.documents[&uri], &findings, position, self.encoding)
    }

    /// The workspace a document belongs to: the innermost workspace folder
    /// holding it; else its own directory (a file opened outside every
    /// folder); else, without a path, the first folder or the current
    /// directory.
    fn workspace_key(&self, path: Option<&Path>) -> PathBuf {
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

    fn load_workspace(&mut self, key: &Path) {
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

    /// Asks the client to tell the server when a configuration file or a
    /// glossary changes on disk.
    fn register_watchers(&mut self) {
        if !self.watch_registration {
            return;
        }
        let globs = [
            "**/salin.toml",
            "**/.salin.toml",
            "**/*.tsv",
            "**/*.csv",
            "**/*.toml",
            "**/*.tbx",
        ];
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: globs
                .iter()
                .map(|g| FileSystemWatcher {
                    glob_pattern: GlobPattern::String(g.to_string()),
                    kind: None,
                })
                .collect(),
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "salin-watched-files".into(),
                method: notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send(Request::new(
            RequestId::from("salin-register-watchers".to_string()),
            request::RegisterCapability::METHOD.into(),
            params,
        ));
    }

    fn publish(&mut self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.send(Notification::new(
            notification::PublishDiagnostics::METHOD.into(),
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        ));
    }

    /// Tells the user (`window/showMessage`), and logs it on stderr.
    fn show(&mut self, typ: MessageType, message: &str) {
        eprintln!("salin server: {message}");
        self.send(Notification::new(
            notification::ShowMessage::METHOD.into(),
            ShowMessageParams {
                typ,
                message: format!("salin: {message}"),
            },
        ));
    }

    fn send(&mut self, message: impl Into<Message>) {
        if self.writer.send(message).is_err() {
            self.broken = true;
        }
    }
}

#[allow(deprecated)] // `root_uri` and `root_path`: older clients send only them.
fn workspace_folders(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders {
        return folders
            .iter()
            .filter_map(|f| uri::to_path(&f.uri))
            .collect();
    }
    if let Some(root) = params.root_uri.as_ref().and_then(uri::to_path) {
        return vec![root];
    }
    params.root_path.iter().map(PathBuf::from).collect()
}

fn parse<P: serde::de::DeserializeOwned>(r: Request) -> Result<P, serde_json::Error> {
    serde_json::from_value(r.params)
}

fn invalid_params(id: RequestId, e: &serde_json::Error) -> Response {
    Response::new_err(
        id,
        ErrorCode::InvalidParams as i32,
        format!("invalid parameters: {e}"),
    )
}

fn reply_malformed<W: Write>(
    writer: &mut Writer<W>,
    id: Option<RequestId>,
    code: ErrorCode,
    message: &str,
) {
    eprintln!("salin server: {message}");
    let _ = match id {
        Some(id) => writer.send(Response::new_err(id, code as i32, message.into())),
        None => writer.send_error_without_id(code, message),
    };
}

fn log_closed(reason: Option<String>) {
    match reason {
        Some(r) => eprintln!("salin server: {r}; stopping"),
        None => eprintln!("salin server: the client closed the connection; stopping"),
    }
}
