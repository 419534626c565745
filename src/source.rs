//! Reading input: bytes to text, with the encoding said out loud.
//!
//! Swedish archives hold UTF-8, UTF-16 (with or without a byte-order mark), Windows-1252 and Latin-1 files.
//! UTF-8 is taken as it is (a byte-order mark is dropped). A UTF-8 file with a few invalid bytes (a cut
//! download, one stray Latin-1 byte) stays UTF-8: the bad bytes become U+FFFD, their offsets are reported
//! ([`Decoded::replaced`]) and `encoding` says `utf-8-replaced`; it is never decoded as Windows-1252, which
//! would turn every `ö` of the file into `Ã¶`. With `strict`, such a file is refused instead. Text that is
//! not UTF-8 (more invalid sequences than valid multi-byte ones) is decoded as Windows-1252, the superset of
//! Latin-1's printable range that Swedish Windows tools wrote, so `ö` comes out as `ö`. UTF-16 without a
//! byte-order mark is recognised by its zero bytes. Files that look binary (NUL bytes outside UTF-16,
//! control characters) are refused, never guessed at.
//! All offsets diakrit reports are byte offsets into the decoded UTF-8 text; for a UTF-8 input without a
//! byte-order mark and without invalid bytes that is the file itself.
use std::fmt;
use std::path::{Path, PathBuf};

/// A decoded input.
#[derive(Clone, Debug)]
pub struct Source {
    /// Where it came from (`-` for standard input).
    pub name: String,
    /// The text, UTF-8.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: Encoding,
    /// Byte offsets (in the file) of invalid UTF-8 sequences replaced by U+FFFD.
    pub replaced: Vec<usize>,
}

/// Bytes decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, UTF-8.
    pub text: String,
    /// What it was decoded from.
    pub encoding: Encoding,
    /// Byte offsets (in the input bytes) of invalid UTF-8 sequences replaced by U+FFFD.
    pub replaced: Vec<usize>,
}

/// Encodings diakrit reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark: offsets are the file's own.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-8 after a byte-order mark (dropped).
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    /// UTF-8 with invalid bytes, each replaced by U+FFFD (see [`Decoded::replaced`]).
    #[serde(rename = "utf-8-replaced")]
    Utf8Replaced,
    /// UTF-16, little-endian (with a byte-order mark, or recognised without one).
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian (with a byte-order mark, or recognised without one).
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// Windows-1252 (and so Latin-1's printable range).
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    /// The name used in JSON and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf8Replaced => "utf-8-replaced",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// Why an input could not be read.
#[derive(Debug)]
pub struct SourceError {
    /// The input.
    pub path: PathBuf,
    /// Why, in a few lowercase words.
    pub reason: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for SourceError {}

/// Decode `bytes`; `name` is only used in the error.
///
/// ```
/// use diakrit::source::{decode, Encoding};
/// let (text, enc) = decode("x.txt".as_ref(), b"G\xF6teborg").unwrap();
/// assert_eq!((text.as_str(), enc), ("Göteborg", Encoding::Windows1252));
/// // One bad byte in a UTF-8 file: UTF-8 all the same, the byte replaced.
/// let (text, enc) = decode("x.txt".as_ref(), b"G\xC3\xB6teborgs \xFF stad").unwrap();
/// assert_eq!((text.as_str(), enc), ("Göteborgs \u{FFFD} stad", Encoding::Utf8Replaced));
/// ```
pub fn decode(name: &Path, bytes: &[u8]) -> Result<(String, Encoding), SourceError> {
    decode_bytes(name, bytes, false).map(|d| (d.text, d.encoding))
}

/// Decode `bytes`, with the offsets of replaced bytes; `strict` refuses UTF-8 with invalid bytes.
pub fn decode_bytes(name: &Path, bytes: &[u8], strict: bool) -> Result<Decoded, SourceError> {
    let err = |reason: &str| SourceError {
        path: name.to_path_buf(),
        reason: reason.to_string(),
    };
    let plain = |text: String, encoding| Decoded {
        text,
        encoding,
        replaced: Vec::new(),
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| plain(s.to_string(), Encoding::Utf8Bom))
            .map_err(|e| {
                err(&format!(
                    "invalid UTF-8 after a UTF-8 byte-order mark at byte {}",
                    e.valid_up_to() + 3
                ))
            });
    }
    let utf16 = |body: &[u8], enc: &'static encoding_rs::Encoding, ours: Encoding| {
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        if had_errors {
            return Err(err(&format!("invalid {} text", ours.as_str())));
        }
        if has_control(&text) {
            return Err(err(&format!("not text in {} (control characters)", ours.as_str())));
        }
        Ok(plain(text.into_owned(), ours))
    };
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(body, encoding_rs::UTF_16LE, Encoding::Utf16Le);
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(body, encoding_rs::UTF_16BE, Encoding::Utf16Be);
    }
    if bytes.contains(&0) {
        return match utf16_without_bom(bytes) {
            Some(Encoding::Utf16Le) => utf16(bytes, encoding_rs::UTF_16LE, Encoding::Utf16Le),
            Some(_) => utf16(bytes, encoding_rs::UTF_16BE, Encoding::Utf16Be),
            None => Err(err("binary file (NUL bytes), not text")),
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(plain(s.to_string(), Encoding::Utf8));
    }
    let (valid_multibyte, invalid) = utf8_evidence(bytes);
    if valid_multibyte >= invalid.len() {
        if strict {
            return Err(err(&format!(
                "invalid UTF-8 at byte {} (--strict refuses files with invalid bytes)",
                invalid[0]
            )));
        }
        let text = String::from_utf8_lossy(bytes).into_owned();
        if has_control(&text) {
            return Err(err("not text in UTF-8 (control characters)"));
        }
        return Ok(Decoded {
            text,
            encoding: Encoding::Utf8Replaced,
            replaced: invalid,
        });
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    if has_control(&text) {
        return Err(err("not text in UTF-8 or Windows-1252 (control characters)"));
    }
    Ok(plain(text.into_owned(), Encoding::Windows1252))
}

/// C0 control characters other than tab, line breaks and form feed mean this is no text.
fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
}

/// The valid multi-byte UTF-8 sequences in `bytes`, and where each invalid sequence starts: a file with
/// more of the first is UTF-8 with damage; one with more of the second is in another encoding.
pub(crate) fn utf8_evidence(bytes: &[u8]) -> (usize, Vec<usize>) {
    let (mut valid, mut invalid) = (0, Vec::new());
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            invalid.push(at);
            at += chunk.invalid().len();
        }
    }
    (valid, invalid)
}

/// UTF-16 without a byte-order mark: text in the Latin scripts has a zero in most high bytes (every other
/// byte) and almost none in the low ones.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zeros = |parity: usize| bytes.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    let mostly = |n: usize| n * 10 >= pairs * 6;
    let few = |n: usize| n * 20 <= pairs;
    if mostly(odd) && few(even) {
        Some(Encoding::Utf16Le)
    } else if mostly(even) && few(odd) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Read and decode a file.
pub fn read(path: &Path) -> Result<Source, SourceError> {
    read_with(path, false)
}

/// Read and decode a file; `strict` refuses UTF-8 with invalid bytes.
pub fn read_with(path: &Path, strict: bool) -> Result<Source, SourceError> {
    let bytes = std::fs::read(path).map_err(|e| SourceError {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    })?;
    decode_owned(path, bytes, strict)
}

/// [`decode_source`] of bytes the caller gives up: UTF-8 (with or without its byte-order mark) becomes the
/// text without a copy of the whole input, the rest is decoded as [`decode_bytes`] does.
///
/// ```
/// use diakrit::source::{decode_owned, Encoding};
/// let s = decode_owned("a.txt".as_ref(), b"\xEF\xBB\xBFh\xC3\xA4r".to_vec(), false).unwrap();
/// assert_eq!((s.text.as_str(), s.encoding), ("här", Encoding::Utf8Bom));
/// ```
pub fn decode_owned(name: &Path, mut bytes: Vec<u8>, strict: bool) -> Result<Source, SourceError> {
    let source = |text, encoding| Source {
        name: name.display().to_string(),
        text,
        encoding,
        replaced: Vec::new(),
    };
    // The same order of tests as decode_bytes: a UTF-8 BOM first, then UTF-16 marks and NUL bytes.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        if std::str::from_utf8(&bytes[3..]).is_ok() {
            bytes.drain(..3);
            let text = String::from_utf8(bytes).expect("checked above");
            return Ok(source(text, Encoding::Utf8Bom));
        }
    } else if !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") && !bytes.contains(&0) {
        match String::from_utf8(bytes) {
            Ok(text) => return Ok(source(text, Encoding::Utf8)),
            Err(e) => bytes = e.into_bytes(),
        }
    }
    decode_source(name, &bytes, strict)
}

/// Decode the bytes of the input `name` into its [`Source`] (named by `name`); `strict` refuses UTF-8 with
/// invalid bytes.
pub fn decode_source(name: &Path, bytes: &[u8], strict: bool) -> Result<Source, SourceError> {
    let d = decode_bytes(name, bytes, strict)?;
    Ok(Source {
        name: name.display().to_string(),
        text: d.text,
        encoding: d.encoding,
        replaced: d.replaced,
    })
}

/// Read and decode standard input; `strict` refuses UTF-8 with invalid bytes.
pub fn read_stdin(strict: bool) -> Result<Source, SourceError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| SourceError {
        path: PathBuf::from("-"),
        reason: io_reason(&e),
    })?;
    decode_owned(Path::new("-"), bytes, strict)
}

/// A short, lowercase reason for an I/O error, without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(b: &[u8]) -> Result<(String, Encoding), SourceError> {
        decode(Path::new("x.txt"), b)
    }

    #[test]
    fn utf8_and_bom() {
        assert_eq!(dec("Göteborg".as_bytes()).unwrap(), ("Göteborg".into(), Encoding::Utf8));
        assert_eq!(dec(b"\xEF\xBB\xBFG\xC3\xB6").unwrap(), ("Gö".into(), Encoding::Utf8Bom));
    }

    #[test]
    fn windows_1252_and_latin1() {
        // "Göteborg – bedömning" in Windows-1252: ö = F6, en dash = 96.
        let (t, e) = dec(b"G\xF6teborg \x96 bed\xF6mning \xC5r \xE4r").unwrap();
        assert_eq!(t, "Göteborg – bedömning År är");
        assert_eq!(e, Encoding::Windows1252);
    }

    #[test]
    fn utf16() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Gö\n".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        assert_eq!(dec(&b).unwrap(), ("Gö\n".into(), Encoding::Utf16Le));
    }

    #[test]
    fn utf8_with_a_bad_byte_stays_utf8() {
        let d = decode_bytes(Path::new("x.txt"), b"G\xC3\xB6teborg \xE4 bed\xC3\xB6mning", false).unwrap();
        assert_eq!(d.text, "Göteborg \u{FFFD} bedömning");
        assert_eq!((d.encoding, d.replaced), (Encoding::Utf8Replaced, vec![10]));
        let e = decode_bytes(Path::new("x.txt"), b"G\xC3\xB6teborg \xE4 bed\xC3\xB6mning", true).unwrap_err();
        assert!(e.to_string().starts_with("x.txt: invalid UTF-8 at byte 10"), "{e}");
    }

    #[test]
    fn utf16_without_bom() {
        for (be, enc) in [(false, Encoding::Utf16Le), (true, Encoding::Utf16Be)] {
            let b: Vec<u8> = "Göteborgs Stad\n"
                .encode_utf16()
                .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
                .collect();
            assert_eq!(dec(&b).unwrap(), ("Göteborgs Stad\n".into(), enc));
        }
    }

    #[test]
    fn binary_is_refused() {
        let e = dec(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(e.to_string(), "x.txt: binary file (NUL bytes), not text");
        assert!(dec(b"\xff\x01\x02 abc").is_err());
    }

    #[test]
    fn missing_file_names_it() {
        let e = read(Path::new("/no/such/file.txt")).unwrap_err();
        assert_eq!(e.to_string(), "/no/such/file.txt: no such file or directory");
    }
}
