//! Decoding inputs: UTF-8 (with or without a BOM), and UTF-16 when a BOM
//! says so for certain. Anything else that is not UTF-8 is refused with an
//! error naming the file: Latin-1, Windows-1252 and the like cannot be told
//! apart from each other by their bytes, and guessing would risk rewriting a
//! file in the wrong encoding. UTF-16 without a BOM holds NUL bytes and is
//! skipped as binary, like any other file whose encoding is not certain.

use std::path::Path;

use super::CliError;

/// The bytes of the file at `path` (named `name` in errors). Only regular
/// files are read: opening a FIFO with no writer would wait for ever, and a
/// device may never end.
pub fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, CliError> {
    let meta = std::fs::metadata(path).map_err(|e| CliError::io(name, &e))?;
    if !meta.is_file() {
        return Err(CliError(format!(
            "{name}: not a regular file (a FIFO, socket or device); not read"
        )));
    }
    std::fs::read(path).map_err(|e| CliError::io(name, &e))
}

/// The encoding a file was read in, and is written back in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Little-endian, with a BOM (`FF FE`).
    Utf16Le,
    /// Big-endian, with a BOM (`FE FF`).
    Utf16Be,
}

/// A decoded input: its text (a UTF-16 BOM becomes U+FEFF at the start, as a
/// UTF-8 BOM stays there) and its encoding.
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Decodes `bytes` read from `name`. `Ok(None)` for a binary file (a NUL
/// byte in the first 8 KiB, as git decides).
pub fn decode(name: &str, bytes: &[u8]) -> Result<Option<Decoded>, CliError> {
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(Encoding::Utf16Be),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        let text = decode_utf16(name, bytes, encoding)?;
        if text.chars().take(8192).any(|c| c == '\0') {
            return Ok(None);
        }
        return Ok(Some(Decoded { text, encoding }));
    }
    if is_binary(bytes) {
        return Ok(None);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Some(Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
        })),
        Err(e) => Err(CliError(format!(
            "{name}: not valid UTF-8 (at byte {})",
            e.valid_up_to()
        ))),
    }
}

/// `text` in `encoding`, as it is written back.
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Encoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
    }
}

fn decode_utf16(name: &str, bytes: &[u8], encoding: Encoding) -> Result<String, CliError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(CliError(format!(
            "{name}: not valid UTF-16 (odd number of bytes)"
        )));
    }
    let units = bytes.chunks_exact(2).map(|pair| match encoding {
        Encoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
        _ => u16::from_le_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut at = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                at += 2 * c.len_utf16();
                text.push(c);
            }
            Err(_) => {
                return Err(CliError(format!(
                    "{name}: not valid UTF-16 (unpaired surrogate at byte {at})"
                )));
            }
        }
    }
    Ok(text)
}

/// A file is binary when its first 8 KiB hold a NUL byte (as git decides).
fn is_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_round_trips_with_its_bom() {
        for encoding in [Encoding::Utf16Le, Encoding::Utf16Be] {
            let text = "\u{feff}Ang pag-unlad ng Parañaque 𝄞\r\n";
            let bytes = encode(text, encoding);
            let decoded = decode("a.txt", &bytes).unwrap().unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, encoding);
        }
    }

    #[test]
    fn broken_utf16_is_an_error() {
        let e = decode("a.txt", &[0xFF, 0xFE, 0x41]).err().unwrap();
        assert_eq!(e.0, "a.txt: not valid UTF-16 (odd number of bytes)");
        let e = decode("a.txt", &[0xFF, 0xFE, 0x41, 0, 0x00, 0xD8, 0x41, 0])
            .err()
            .unwrap();
        assert_eq!(
            e.0,
            "a.txt: not valid UTF-16 (unpaired surrogate at byte 4)"
        );
    }

    #[test]
    fn utf16_without_a_bom_is_binary() {
        assert!(
            decode("a.txt", &encode("Ang bata", Encoding::Utf16Le))
                .unwrap()
                .is_none()
        );
    }
}
