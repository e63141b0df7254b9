//! JSON localisation files: flat and nested maps (i18next), Chrome
//! `messages.json` (only the `message` of each entry is prose) and Flutter
//! ARB (`@`-metadata keys are skipped). A hand-written scanner that keeps
//! byte offsets; malformed JSON yields the units read before the error.

#![allow(clippy::single_range_in_vec_init)] // a value of one piece

use std::ops::Range;

use super::Segment;
use super::l10n::{Escape, Unit, UnitKind, unit_segments};

/// The units and prose segments of a JSON file.
pub(super) fn parse(text: &str, body: usize) -> (Vec<Segment>, Vec<Unit>) {
    let mut s = Scanner {
        bytes: text.as_bytes(),
        pos: body,
    };
    let mut units = Vec::new();
    let _ = s.value("", &mut units);
    (unit_segments(text, &units, Escape::Backslash), units)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// Keys of a Chrome `messages.json` entry that are not prose.
const CHROME_METADATA: &[&str] = &["description", "placeholders", "example", "content"];

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    /// The content range of the string at the current position (after its
    /// opening quote), leaving the position after the closing quote.
    fn string(&mut self) -> Option<Range<usize>> {
        if self.bytes.get(self.pos) != Some(&b'"') {
            return None;
        }
        let start = self.pos + 1;
        let mut i = start;
        while i < self.bytes.len() {
            match self.bytes[i] {
                b'\\' => i += 2,
                b'"' => {
                    self.pos = i + 1;
                    return Some(start..i);
                }
                _ => i += 1,
            }
        }
        None
    }

    fn value(&mut self, path: &str, out: &mut Vec<Unit>) -> Option<()> {
        self.skip_ws();
        match *self.bytes.get(self.pos)? {
            b'{' => self.object(path, out),
            b'[' => {
                self.pos += 1;
                let mut n = 0;
                loop {
                    self.skip_ws();
                    if self.bytes.get(self.pos) == Some(&b']') {
                        self.pos += 1;
                        return Some(());
                    }
                    self.value(&format!("{path}[{n}]"), out)?;
                    n += 1;
                    self.skip_ws();
                    match self.bytes.get(self.pos)? {
                        b',' => self.pos += 1,
                        b']' => {
                            self.pos += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => {
                let range = self.string()?;
                out.push(Unit {
                    kind: UnitKind::Value,
                    key: path.to_string(),
                    key_range: range.start..range.start,
                    pieces: vec![range],
                    joiner: "\n",
                    fuzzy: false,
                    source: None,
                });
                Some(())
            }
            _ => {
                // Numbers, true, false, null.
                while self.pos < self.bytes.len()
                    && !matches!(self.bytes[self.pos], b',' | b'}' | b']')
                {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }

    fn object(&mut self, path: &str, out: &mut Vec<Unit>) -> Option<()> {
        self.pos += 1;
        let first = out.len();
        let mut keys: Vec<(String, usize)> = Vec::new(); // key, first unit index
        let result = (|| loop {
            self.skip_ws();
            if self.bytes.get(self.pos) == Some(&b'}') {
                self.pos += 1;
                return Some(());
            }
            let key_range = self.string()?;
            let key = String::from_utf8_lossy(&self.bytes[key_range.clone()]).into_owned();
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b':') {
                return None;
            }
            self.pos += 1;
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            let start = out.len();
            keys.push((key.clone(), start));
            let skipped = key.starts_with('@');
            self.value(&child, out)?;
            if skipped {
                out.truncate(start);
            }
            for u in &mut out[start..] {
                if u.key == child {
                    u.key_range = key_range.clone();
                }
            }
            self.skip_ws();
            match self.bytes.get(self.pos)? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        })();
        // A Chrome messages.json entry: only its `message` is prose.
        if keys.iter().any(|(k, _)| k == "message") {
            let prefix = if path.is_empty() {
                String::new()
            } else {
                format!("{path}.")
            };
            let mut own = out.split_off(first);
            own.retain(|u| {
                !out_index_key(&u.key, &prefix).is_some_and(|k| CHROME_METADATA.contains(&k))
            });
            out.extend(own);
        }
        result
    }
}

/// The first key of `key` below `prefix`, when it is below it.
fn out_index_key<'a>(key: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = key.strip_prefix(prefix)?;
    Some(rest.split(['.', '[']).next().unwrap_or(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<(String, String, String)> {
        parse(text, 0)
            .1
            .into_iter()
            .map(|u| {
                (
                    u.key.clone(),
                    text[u.key_range.clone()].to_string(),
                    u.text(text),
                )
            })
            .collect()
    }

    #[test]
    fn nested_i18next() {
        let text = r#"{"home": {"title": "Maligayang \"pagdating\"", "n": 3, "ok": true},
  "list": ["Una", null], "x": "" }"#;
        assert_eq!(
            units(text),
            [
                (
                    "home.title".into(),
                    "title".into(),
                    r#"Maligayang \"pagdating\""#.into()
                ),
                ("list[0]".into(), String::new(), "Una".into()),
                ("x".into(), "x".into(), String::new()),
            ]
        );
        let prose: Vec<&str> = parse(text, 0)
            .0
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(prose, ["Maligayang ", "pagdating", "Una"]);
    }

    #[test]
    fn chrome_messages_and_arb() {
        let chrome = r#"{"appName": {"message": "Aking App", "description": "The name"}}"#;
        assert_eq!(
            units(chrome),
            [(
                "appName.message".into(),
                "message".into(),
                "Aking App".into()
            )]
        );
        let arb = r#"{"@@locale": "tl", "hello": "Kumusta {name}", "@hello": {"description": "Greeting", "placeholders": {"name": {}}}}"#;
        assert_eq!(
            units(arb),
            [("hello".into(), "hello".into(), "Kumusta {name}".into())]
        );
    }

    #[test]
    fn malformed_json_keeps_what_was_read() {
        assert_eq!(units(r#"{"a": "isa", "b": "#).len(), 1);
        let _ = parse("{\"a\": \"\\", 0);
        let _ = parse("[[[", 0);
    }
}
