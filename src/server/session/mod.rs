//! The server's state and its message loop: after the handshake
//! ([`handshake`]), every request and notification in order, with
//! debounced checks in between. Keeping documents in step with the editor
//! is in [`sync`]; checking them and answering requests about their
//! findings in [`checking`].

mod checking;
mod handshake;
mod sync;

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionParams, HoverParams, MessageType, PublishDiagnosticsParams, ShowMessageParams, Uri,
    notification, request,
};

use super::documents::OpenDocument;
use super::edits::EditSupport;
use super::position::Encoding;
use super::rule_docs::RuleDocs;
use super::transport::{Incoming, Writer};
use super::workspace::{DictionaryChoice, Workspace};

/// An edit after a pause is checked at once (after the messages that have
/// already arrived: a burst of edits is one check). An edit that follows
/// another, or a check, within this long is checked this long after the
/// last edit: a paste, a multi-cursor edit or a client sending every
/// keystroke of a fast typist is checked once at the end.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// A document being edited without pause is still checked this often.
const MAX_DELAY: Duration = Duration::from_millis(250);

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
                self.guarded("a check", |s| s.check(&uri));
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
            Message::Request(r) => {
                let id = r.id.clone();
                let method = r.method.clone();
                if self.guarded(&method, |s| s.request(r)).is_none() {
                    self.send(Response::new_err(
                        id,
                        ErrorCode::InternalError as i32,
                        format!("salin failed on `{method}` (a bug: its log on stderr says where)"),
                    ));
                }
            }
            Message::Notification(n) => {
                let method = n.method.clone();
                self.guarded(&method, |s| s.notification(n));
            }
            // Answers to our requests (registering the file watchers).
            Message::Response(_) => {}
        }
    }

    /// Runs `f`, surviving a panic in it (a bug in a rule must not take the
    /// editor's diagnostics away for the rest of the session): the panic is
    /// logged on stderr by the default hook, and `None` returned.
    fn guarded<T>(&mut self, what: &str, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self))) {
            Ok(value) => Some(value),
            Err(_) => {
                eprintln!("salin server: internal error while handling `{what}`; carrying on");
                None
            }
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
