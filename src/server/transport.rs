//! JSON-RPC over stdio: `Content-Length` framing around `lsp-server`'s
//! messages.
//!
//! `lsp-server`'s own stdio transport ends the connection on the first
//! message it cannot parse. Here a message whose body is not JSON, or not a
//! JSON-RPC message, is answered with a JSON-RPC error and the server reads
//! on: the framing said where the body ends, so the stream is still in step.
//! Only broken framing (no `Content-Length`, input ending mid-message) ends
//! the connection, because then nothing says where the next message starts.

use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::{Receiver, Sender, channel};

use lsp_server::{ErrorCode, Message, RequestId};

/// What the reader thread hands the main loop.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// A message that could not be understood; it gets this error as its
    /// response (to `id` when the message had one, else to `null`).
    Malformed {
        id: Option<RequestId>,
        code: ErrorCode,
        message: String,
    },
    /// Nothing more can be read: the input ended (`None`), or its framing
    /// broke (the reason).
    Closed(Option<String>),
}

/// Longest header line accepted; a client's are a few dozen bytes.
const MAX_HEADER_LINE: u64 = 8 * 1024;

/// Reads messages from `input` on a thread of its own, so that the main
/// loop can wait for a message *or* a debounce deadline.
pub fn spawn_reader<R: BufRead + Send + 'static>(input: R) -> Receiver<Incoming> {
    let (sender, receiver) = channel();
    std::thread::Builder::new()
        .name("salin-lsp-reader".into())
        .spawn(move || read_all(input, &sender))
        .expect("the reader thread starts");
    receiver
}

fn read_all<R: BufRead>(mut input: R, sender: &Sender<Incoming>) {
    loop {
        let incoming = match read_body(&mut input) {
            Ok(Some(body)) => parse(&body),
            Ok(None) => Incoming::Closed(None),
            Err(reason) => Incoming::Closed(Some(reason)),
        };
        let last = matches!(incoming, Incoming::Closed(_))
            || matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == "exit");
        if sender.send(incoming).is_err() || last {
            return;
        }
    }
}

/// The body of the next message; `Ok(None)` at the end of the input.
fn read_body(input: &mut impl BufRead) -> Result<Option<Vec<u8>>, String> {
    let mut length: Option<usize> = None;
    let mut first = true;
    loop {
        let mut line = String::new();
        let n = input
            .by_ref()
            .take(MAX_HEADER_LINE)
            .read_line(&mut line)
            .map_err(|e| format!("cannot read a message header: {e}"))?;
        if n == 0 {
            return if first {
                Ok(None)
            } else {
                Err("the input ended inside a message header".into())
            };
        }
        first = false;
        let Some(line) = line.strip_suffix('\n') else {
            return Err(format!("malformed message header: {line:?}"));
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            break;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("malformed message header: {line:?}"));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            let value = value.trim();
            length = Some(
                value
                    .parse()
                    .map_err(|_| format!("malformed Content-Length: {value:?}"))?,
            );
        }
    }
    let length = length.ok_or("a message without a Content-Length header")?;
    let mut body = Vec::new();
    // Read as the bytes come rather than allocating what the header claims.
    input
        .by_ref()
        .take(length as u64)
        .read_to_end(&mut body)
        .map_err(|e| format!("cannot read a message: {e}"))?;
    if body.len() < length {
        return Err(format!(
            "the input ended inside a message ({} of {length} bytes)",
            body.len()
        ));
    }
    Ok(Some(body))
}

fn parse(body: &[u8]) -> Incoming {
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Incoming::Malformed {
                id: None,
                code: ErrorCode::ParseError,
                message: format!("not JSON: {e}"),
            };
        }
    };
    let id = value
        .get("id")
        .and_then(|id| serde_json::from_value::<RequestId>(id.clone()).ok());
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(e) => Incoming::Malformed {
            id,
            code: ErrorCode::InvalidRequest,
            message: format!("not a JSON-RPC request, response or notification: {e}"),
        },
    }
}

/// Writes messages, each flushed at once.
pub struct Writer<W: Write> {
    out: W,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W) -> Self {
        Writer { out }
    }

    pub fn send(&mut self, message: impl Into<Message>) -> io::Result<()> {
        message.into().write(&mut self.out)
    }

    /// An error response to a message whose id is unknown (`"id": null`,
    /// which `lsp-server`'s `Response` cannot express).
    pub fn send_error_without_id(&mut self, code: ErrorCode, message: &str) -> io::Result<()> {
        let body = serde_json::json!({
            "jsonrpc": "2.0",
            "id": null,
            "error": { "code": code as i32, "message": message },
        })
        .to_string();
        write!(self.out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
        self.out.flush()
    }

    #[cfg(test)]
    pub fn into_inner(self) -> W {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn read(input: &str) -> Vec<Incoming> {
        let receiver = spawn_reader(io::Cursor::new(input.as_bytes().to_vec()));
        receiver.iter().collect()
    }

    #[test]
    fn malformed_bodies_are_answered_and_reading_goes_on() {
        let input = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":5}"#),
            frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
        ]
        .concat();
        let got = read(&input);
        assert!(matches!(
            &got[0],
            Incoming::Malformed {
                id: None,
                code: ErrorCode::ParseError,
                ..
            }
        ));
        assert!(matches!(
            &got[1],
            Incoming::Malformed { id: Some(id), code: ErrorCode::InvalidRequest, .. } if *id == 7.into()
        ));
        assert!(
            matches!(&got[2], Incoming::Message(Message::Notification(n)) if n.method == "initialized")
        );
        assert!(matches!(&got[3], Incoming::Closed(None)));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn broken_framing_closes_the_connection() {
        let got = read("Content-Type: x\r\n\r\n{}");
        assert!(
            matches!(&got[0], Incoming::Closed(Some(r)) if r == "a message without a Content-Length header")
        );
        let got = read("Content-Length: 99\r\n\r\n{}");
        assert!(
            matches!(&got[0], Incoming::Closed(Some(r)) if r == "the input ended inside a message (2 of 99 bytes)")
        );
        let got = read("Content-Length: lots\r\n\r\n");
        assert!(
            matches!(&got[0], Incoming::Closed(Some(r)) if r.starts_with("malformed Content-Length"))
        );
    }

    #[test]
    fn headers_may_end_in_bare_newlines() {
        let got = read("Content-Length: 2\n\n{}");
        assert!(matches!(
            &got[0],
            Incoming::Malformed {
                code: ErrorCode::InvalidRequest,
                ..
            }
        ));
    }

    #[test]
    fn messages_are_framed() {
        let mut w = Writer::new(Vec::new());
        w.send_error_without_id(ErrorCode::ParseError, "x").unwrap();
        let out = String::from_utf8(w.into_inner()).unwrap();
        let body = r#"{"error":{"code":-32700,"message":"x"},"id":null,"jsonrpc":"2.0"}"#;
        assert_eq!(out, frame(body));
    }
}
