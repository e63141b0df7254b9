//! A scripted LSP client for `salin server`: starts the binary, speaks
//! JSON-RPC over its stdin and stdout as an editor would, and checks that
//! stdout carries nothing but well-framed protocol messages. Shared by the
//! server's integration tests and its benchmark.

#![allow(dead_code)] // each user needs a different part of it

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Longest wait for any one message; only reached when the server fails.
pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Messages that arrived while waiting for another.
    backlog: VecDeque<Value>,
    next_id: i64,
    /// What stdout carried that is not a well-framed JSON-RPC message.
    stray: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<String>>,
}

pub struct Exit {
    pub status: ExitStatus,
    pub stderr: String,
    pub stray: Vec<String>,
}

impl Client {
    /// Starts `salin server` in `dir`, with `XDG_CACHE_HOME` there too (the
    /// server writes the rules' documentation into the cache).
    pub fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_salin"))
            .arg("server")
            .current_dir(dir)
            .env("XDG_CACHE_HOME", dir.join(".cache"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("salin server starts");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let stray = Arc::new(Mutex::new(Vec::new()));
        let (sender, incoming) = channel();
        let stray_seen = Arc::clone(&stray);
        std::thread::spawn(move || read_frames(BufReader::new(stdout), &sender, &stray_seen));
        let log = Arc::new(Mutex::new(String::new()));
        let log_sink = Arc::clone(&log);
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = BufReader::new(stderr).read_to_string(&mut text);
            log_sink.lock().unwrap().push_str(&text);
        });
        Client {
            child,
            stdin,
            incoming,
            backlog: VecDeque::new(),
            next_id: 0,
            stray,
            stderr: log,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Writes `body` framed, as it is (it need not be JSON).
    pub fn send_raw(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        stdin.write_all(body).unwrap();
        stdin.flush().unwrap();
    }

    /// Writes bytes with no framing at all.
    pub fn send_unframed(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    pub fn send(&mut self, message: &Value) {
        self.send_raw(message.to_string().as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The first message (received or waiting) that `wanted` accepts.
    pub fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&wanted) {
            return self.backlog.remove(i).unwrap();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.incoming.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => panic!(
                    "no awaited message within {TIMEOUT:?}; received {:?}; stderr: {}",
                    self.backlog,
                    self.stderr()
                ),
                Err(RecvTimeoutError::Disconnected) => panic!(
                    "the server closed stdout; received {:?}; stderr: {}",
                    self.backlog,
                    self.stderr()
                ),
            };
            self.answer_server_request(&message);
            if wanted(&message) {
                return message;
            }
            self.backlog.push_back(message);
        }
    }

    /// Whether a message `wanted` accepts arrives within `wait`.
    pub fn arrives_within(&mut self, wait: Duration, wanted: impl Fn(&Value) -> bool) -> bool {
        if self.backlog.iter().any(&wanted) {
            return true;
        }
        let deadline = Instant::now() + wait;
        while let Ok(m) = self
            .incoming
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.answer_server_request(&m);
            let hit = wanted(&m);
            self.backlog.push_back(m);
            if hit {
                return true;
            }
        }
        false
    }

    /// Takes the messages that arrived while waiting for others.
    pub fn take_backlog(&mut self) -> Vec<Value> {
        self.backlog.drain(..).collect()
    }

    /// The server's own requests (registering file watchers) get a reply.
    fn answer_server_request(&mut self, m: &Value) {
        if m.get("method").is_some() && m.get("id").is_some() {
            let reply = json!({"jsonrpc": "2.0", "id": m["id"], "result": null});
            self.send(&reply);
        }
    }

    /// The next `publishDiagnostics` for `uri` (of `version`, when given).
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let m = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == v)
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// `initialize` then `initialized`; returns the result. `encodings` is
    /// what the client offers in `general.positionEncodings`.
    pub fn initialize(&mut self, root: &Path, encodings: Option<&[&str]>) -> Value {
        let mut capabilities = json!({
            "workspace": {
                "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]},
                "didChangeWatchedFiles": {"dynamicRegistration": true},
                "workspaceFolders": true
            },
            "textDocument": {"publishDiagnostics": {"versionSupport": true}}
        });
        if let Some(e) = encodings {
            capabilities["general"] = json!({"positionEncodings": e});
        }
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": file_uri(root),
                "workspaceFolders": [{"uri": file_uri(root), "name": "proyekto"}],
                "capabilities": capabilities,
                "initializationOptions": {"noDictionary": true}
            }),
        );
        self.notify("initialized", json!({}));
        response["result"].clone()
    }

    pub fn open(&mut self, uri: &str, language: &str, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    /// One `didChange`: `range` as `[line, character, line, character]`
    /// replaced by `text`, or, without a range, the whole text.
    pub fn change(&mut self, uri: &str, version: i64, range: Option<[u32; 4]>, text: &str) {
        let mut change = json!({"text": text});
        if let Some([l1, c1, l2, c2]) = range {
            change["range"] = json!({
                "start": {"line": l1, "character": c1},
                "end": {"line": l2, "character": c2}
            });
        }
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        );
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// `shutdown`, `exit`, and waits for the process to end.
    pub fn shutdown(mut self) -> Exit {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", Value::Null);
        self.finish()
    }

    /// Closes stdin and waits for the process to end.
    pub fn finish(mut self) -> Exit {
        drop(self.stdin.take());
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        // Let the reader threads see the end of both pipes.
        std::thread::sleep(Duration::from_millis(50));
        Exit {
            status,
            stderr: self.stderr(),
            stray: self.stray.lock().unwrap().clone(),
        }
    }
}

/// Reads framed messages from the server's stdout; anything that is not a
/// `Content-Length` header, a blank line ending the headers, or a JSON-RPC
/// 2.0 body of that length is recorded as stray output.
fn read_frames(
    mut out: impl BufRead,
    sender: &std::sync::mpsc::Sender<Value>,
    stray: &Mutex<Vec<String>>,
) {
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match out.read_line(&mut line) {
                Ok(0) => return,
                Ok(_) => {}
                Err(e) => {
                    stray.lock().unwrap().push(format!("unreadable: {e}"));
                    return;
                }
            }
            if line == "\r\n" {
                break;
            }
            match line
                .strip_prefix("Content-Length: ")
                .and_then(|l| l.strip_suffix("\r\n"))
            {
                Some(n) => length = n.parse::<usize>().ok(),
                None => stray.lock().unwrap().push(line),
            }
        }
        let Some(length) = length else {
            stray
                .lock()
                .unwrap()
                .push("a message without Content-Length".into());
            continue;
        };
        let mut body = vec![0; length];
        if out.read_exact(&mut body).is_err() {
            stray.lock().unwrap().push("a truncated message".into());
            return;
        }
        match serde_json::from_slice::<Value>(&body) {
            Ok(v) if v["jsonrpc"] == "2.0" => {
                if sender.send(v).is_err() {
                    return;
                }
            }
            _ => stray
                .lock()
                .unwrap()
                .push(String::from_utf8_lossy(&body).into_owned()),
        }
    }
}

pub fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Applies LSP text edits as a client does: positions in `encoding`'s code
/// units (`utf-8`, `utf-16`), lines ending at `\n`, `\r\n` or `\r`.
pub fn apply_edits(text: &str, edits: &[Value], encoding: &str) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let start = offset(text, &e["range"]["start"], encoding);
            let end = offset(text, &e["range"]["end"], encoding);
            (start, end, e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    spans.sort_by_key(|s| s.0);
    let mut out = String::new();
    let mut last = 0;
    for (start, end, new) in spans {
        assert!(start >= last, "overlapping edits {edits:?}");
        out.push_str(&text[last..start]);
        out.push_str(&new);
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// The byte offset of an LSP position in `text`.
pub fn offset(text: &str, position: &Value, encoding: &str) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let mut line_start = 0;
    let mut seen = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while seen < line && i < bytes.len() {
        if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            seen += 1;
            line_start = i + 1;
        }
        i += 1;
    }
    let mut units = 0;
    for (at, c) in text[line_start..].char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return line_start + at;
        }
        units += match encoding {
            "utf-8" => c.len_utf8(),
            _ => c.len_utf16(),
        };
    }
    text.len()
}

/// Every `TextEdit` of a workspace edit for `uri`, from `documentChanges`
/// or `changes`.
pub fn edits_for(edit: &Value, uri: &str) -> Vec<Value> {
    if let Some(changes) = edit["documentChanges"].as_array() {
        return changes
            .iter()
            .filter(|c| c["textDocument"]["uri"] == uri)
            .flat_map(|c| c["edits"].as_array().unwrap().clone())
            .collect();
    }
    edit["changes"][uri].as_array().cloned().unwrap_or_default()
}
