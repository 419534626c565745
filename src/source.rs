//! Reading input: bytes to text, with the encoding said out loud.
//!
//! Swedish archives hold UTF-8, UTF-16 (with a byte-order mark), Windows-1252 and Latin-1 files. UTF-8 is
//! taken as it is (a byte-order mark is dropped); anything that is not valid UTF-8 is decoded as
//! Windows-1252, the superset of Latin-1's printable range that Swedish Windows tools wrote, so `ö` comes
//! out as `ö`. Files that look binary (NUL bytes outside UTF-16) are refused, never guessed at.
//! All offsets diakrit reports are byte offsets into the decoded UTF-8 text; for a UTF-8 input without a
//! byte-order mark that is the file itself.
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
    /// UTF-16, little-endian, with a byte-order mark.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
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
/// ```
pub fn decode(name: &Path, bytes: &[u8]) -> Result<(String, Encoding), SourceError> {
    let err = |reason: &str| SourceError {
        path: name.to_path_buf(),
        reason: reason.to_string(),
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), Encoding::Utf8Bom))
            .map_err(|e| {
                err(&format!(
                    "invalid UTF-8 after a UTF-8 byte-order mark at byte {}",
                    e.valid_up_to() + 3
                ))
            });
    }
    for (bom, enc, ours) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, Encoding::Utf16Le),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, Encoding::Utf16Be),
    ] {
        if bytes.starts_with(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
            if had_errors {
                return Err(err(&format!("invalid {} text", ours.as_str())));
            }
            return Ok((text.into_owned(), ours));
        }
    }
    if bytes.contains(&0) {
        return Err(err("binary file (NUL bytes), not text"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Encoding::Utf8)),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            // C0 control characters other than tab, line breaks and form feed mean this is no text.
            if text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') && (c as u32) < 0x20)
            {
                return Err(err("not text in UTF-8 or Windows-1252 (control characters)"));
            }
            Ok((text.into_owned(), Encoding::Windows1252))
        }
    }
}

/// Read and decode a file.
pub fn read(path: &Path) -> Result<Source, SourceError> {
    let bytes = std::fs::read(path).map_err(|e| SourceError {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    })?;
    let (text, encoding) = decode(path, &bytes)?;
    Ok(Source {
        name: path.display().to_string(),
        text,
        encoding,
    })
}

/// Read and decode standard input.
pub fn read_stdin() -> Result<Source, SourceError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| SourceError {
        path: PathBuf::from("-"),
        reason: io_reason(&e),
    })?;
    let (text, encoding) = decode(Path::new("-"), &bytes)?;
    Ok(Source {
        name: "-".to_string(),
        text,
        encoding,
    })
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
