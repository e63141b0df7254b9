//! The initialize handshake: the client's capabilities and options in,
//! the server's capabilities out; then the file watchers.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use lsp_server::{ErrorCode, Message, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionProviderCapability,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, InitializeResult, MessageType, Registration,
    RegistrationParams, ResourceOperationKind, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
    notification, request,
};
use serde::Deserialize;

use super::{Session, invalid_params, log_closed, reply_malformed};
use crate::server::actions::FIX_ALL;
use crate::server::edits::EditSupport;
use crate::server::position::Encoding;
use crate::server::rule_docs::{RuleDocs, default_cache_dir};
use crate::server::transport::{Incoming, Writer};
use crate::server::uri;
use crate::server::workspace::DictionaryChoice;

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

impl<W: Write> Session<W> {
    /// The handshake: waits for `initialize`, answering anything else as
    /// the protocol says, and answers it with the server's capabilities.
    pub(super) fn initialize(incoming: &Receiver<Incoming>, writer: Writer<W>) -> Option<Self> {
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

    pub(super) fn new(writer: Writer<W>, params: &InitializeParams) -> Self {
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

    pub(super) fn capabilities(&self) -> ServerCapabilities {
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

    /// Asks the client to tell the server when a configuration file or a
    /// glossary changes on disk.
    pub(super) fn register_watchers(&mut self) {
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
