//! Decoding inputs: UTF-8 (with or without a BOM), and UTF-16 when a BOM
//! says so for certain. Anything else that is not UTF-8 is refused with an
//! error naming the file: Latin-1, Windows-1252 and the like cannot be told
//! apart from each other by their bytes, and guessing would risk rewriting a
//! file in the wrong encoding. UTF-16 without a BOM holds NUL bytes and is
//! skipped as binary, like any other file whose encoding is not certain.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use super::CliError;
use super::write::Stamp;

/// The bytes looked at to tell a binary file (a NUL among them, as git
/// decides) before the rest is read.
const SNIFF: usize = 8192;

/// What reading an input gave.
pub enum Content {
    /// The whole input, and, for a file, what it was when read (to tell
    /// later whether it changed before it is rewritten).
    Bytes(Vec<u8>, Option<Stamp>),
    /// A NUL byte in the first 8 KiB (UTF-16 with a BOM: a NUL character
    /// in its first 8 KiB of text): not read further.
    Binary,
    /// Bigger than `--max-file-size`: not read (further). The size in
    /// bytes of a file; `None` for standard input, whose size is unknown.
    TooBig(Option<u64>),
}

/// Reads the file at `path` (named `name` in errors). Only regular files
/// are read: opening a FIFO with no writer would wait for ever, and a
/// device may never end. A file over `max_size` bytes, or binary by its
/// first bytes, is not read whole, so memory stays bounded by the limit.
pub fn read_file(path: &Path, name: &str, max_size: u64) -> Result<Content, CliError> {
    let io = |e: std::io::Error| CliError::io(name, &e);
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(CliError(format!(
            "{name}: not a regular file (a FIFO, socket or device); not read"
        )));
    }
    if meta.len() > max_size {
        return Ok(Content::TooBig(Some(meta.len())));
    }
    let mut file = std::fs::File::open(path).map_err(io)?;
    // The stamp of the file as opened: a change during the read shows as a
    // newer modification time when the fix is written.
    let stamp = Stamp::of(&file.metadata().map_err(io)?);
    let mut bytes = Vec::with_capacity(2 * SNIFF);
    (&mut file)
        .take(2 * SNIFF as u64)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if looks_binary(&bytes) {
        return Ok(Content::Binary);
    }
    bytes.reserve_exact((stamp.len().min(max_size) as usize + 1).saturating_sub(bytes.len()));
    // One byte more than the limit tells a file that grew past it.
    file.take(max_size + 1 - bytes.len().min(max_size as usize) as u64)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_size {
        return Ok(Content::TooBig(None)); // it grew since its size was read
    }
    Ok(Content::Bytes(bytes, Some(stamp)))
}

/// Reads standard input as [`read_file`] reads a file. Input over
/// `max_size` is reported `TooBig` with what was read so far kept in
/// `head`, so that `--fix -` can still pass it through.
pub fn read_stdin(name: &str, max_size: u64, head: &mut Vec<u8>) -> Result<Content, CliError> {
    let io = |e: std::io::Error| CliError::io(name, &e);
    let mut stdin = std::io::stdin().lock();
    (&mut stdin)
        .take(2 * SNIFF as u64)
        .read_to_end(head)
        .map_err(io)?;
    if looks_binary(head) {
        return Ok(Content::Binary);
    }
    stdin
        .take(max_size + 1 - head.len().min(max_size as usize) as u64)
        .read_to_end(head)
        .map_err(io)?;
    if head.len() as u64 > max_size {
        return Ok(Content::TooBig(None));
    }
    Ok(Content::Bytes(std::mem::take(head), None))
}

/// Whether the first bytes of an input say it is binary: a NUL byte in the
/// first 8 KiB, or, after a UTF-16 BOM, a NUL character in the first 8 KiB
/// of text (as [`decode`] decides on the whole).
fn looks_binary(head: &[u8]) -> bool {
    match head {
        [0xFF, 0xFE, rest @ ..] => utf16_nul(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16_nul(rest, u16::from_be_bytes),
        _ => is_binary(head),
    }
}

fn utf16_nul(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> bool {
    bytes
        .chunks_exact(2)
        .take(SNIFF)
        .any(|pair| unit([pair[0], pair[1]]) == 0)
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

/// Decodes `bytes` read from `name`, taking them when they are UTF-8
/// (which is not copied) and leaving them otherwise. `Ok(None)` for a
/// binary file (a NUL byte in the first 8 KiB, as git decides).
pub fn decode(name: &str, bytes: &mut Vec<u8>) -> Result<Option<Decoded>, CliError> {
    let utf16 = match bytes.as_slice() {
        [0xFF, 0xFE, ..] => Some(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(Encoding::Utf16Be),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        let text = decode_utf16(name, bytes, encoding)?;
        if text.chars().take(SNIFF).any(|c| c == '\0') {
            return Ok(None);
        }
        return Ok(Some(Decoded { text, encoding }));
    }
    if is_binary(bytes) {
        return Ok(None);
    }
    match String::from_utf8(std::mem::take(bytes)) {
        Ok(text) => Ok(Some(Decoded {
            text,
            encoding: Encoding::Utf8,
        })),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            *bytes = e.into_bytes();
            Err(CliError(format!("{name}: not valid UTF-8 (at byte {at})")))
        }
    }
}

/// `text` in `encoding`, as it is written back (UTF-8 is not copied).
pub fn encode(text: &str, encoding: Encoding) -> Cow<'_, [u8]> {
    match encoding {
        Encoding::Utf8 => Cow::Borrowed(text.as_bytes()),
        Encoding::Utf16Le => Cow::Owned(text.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        Encoding::Utf16Be => Cow::Owned(text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
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
    bytes[..bytes.len().min(SNIFF)].contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_round_trips_with_its_bom() {
        for encoding in [Encoding::Utf16Le, Encoding::Utf16Be] {
            let text = "\u{feff}Ang pag-unlad ng Parañaque 𝄞\r\n";
            let bytes = encode(text, encoding);
            let decoded = decode("a.txt", &mut bytes.to_vec()).unwrap().unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.encoding, encoding);
        }
    }

    #[test]
    fn broken_utf16_is_an_error() {
        let e = decode("a.txt", &mut vec![0xFF, 0xFE, 0x41]).err().unwrap();
        assert_eq!(e.0, "a.txt: not valid UTF-16 (odd number of bytes)");
        let e = decode("a.txt", &mut vec![0xFF, 0xFE, 0x41, 0, 0x00, 0xD8, 0x41, 0])
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
            decode(
                "a.txt",
                &mut encode("Ang bata", Encoding::Utf16Le).into_owned()
            )
            .unwrap()
            .is_none()
        );
    }
}
