//! Long files in bounded memory: read, decoded and handed on window by window
//! ([`crate::repair::window`]), so that a file of a gigabyte is repaired with a few windows in memory and
//! its output starts before its input ends.
//!
//! A file is read twice. The first pass ([`scan`]) settles its encoding as [`crate::source::decode_bytes`]
//! would on the whole file (UTF-8, UTF-8 after a byte-order mark, UTF-8 with invalid bytes replaced, or
//! Windows-1252) and refuses what that would refuse, keeping only counts; the second ([`Windows`]) decodes
//! block by block and cuts the text where [`crate::repair::window::cut`] says. The windows are those of the
//! whole decoded text, so the result is the one of reading it whole. Files with NUL bytes (UTF-16, or
//! binary) are left to the whole-file reader ([`scan`] answers `None`).
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::repair::window::{cut, WINDOW};
use crate::source::{Encoding, SourceError};

/// Bytes read at a time.
const BLOCK: usize = 1 << 20;

/// At most this many replaced offsets are kept (the count is kept whole).
const REPLACED_KEPT: usize = 1000;

/// What the first pass found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scanned {
    /// The encoding, as the whole-file decoder would choose it.
    pub encoding: Encoding,
    /// Byte offsets (in the file) of the first invalid UTF-8 sequences replaced by U+FFFD.
    pub replaced: Vec<usize>,
    /// How many invalid sequences were replaced in all.
    pub replaced_count: usize,
}

/// Scan `file` (named `name` in errors) from its start and leave it at its start again: its encoding,
/// or `None` when it holds NUL bytes (UTF-16 or binary: the whole-file reader decides). `strict` refuses
/// UTF-8 with invalid bytes, as the whole-file reader does.
pub fn scan(file: &mut File, name: &Path, strict: bool) -> Result<Option<Scanned>, SourceError> {
    let err = |reason: String| SourceError {
        path: name.to_path_buf(),
        reason,
    };
    let io_err = |e: &io::Error| err(crate::source::io_reason(e));
    file.seek(SeekFrom::Start(0)).map_err(|e| io_err(&e))?;
    let mut block = vec![0u8; BLOCK];
    // Bytes of a sequence cut by the block's end, carried into the next.
    let mut carry: Vec<u8> = Vec::new();
    let (mut at, mut multibyte, mut invalid) = (0usize, 0usize, Vec::new());
    let mut invalid_count = 0usize;
    let (mut control, mut first) = (false, true);
    let mut bom = false;
    loop {
        let n = read_full(file, &mut block).map_err(|e| io_err(&e))?;
        let mut bytes = std::mem::take(&mut carry);
        bytes.extend_from_slice(&block[..n]);
        if first {
            first = false;
            if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
                return rewind(file, name, None);
            }
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                bom = true;
                bytes.drain(..3);
                at = 3;
            }
        }
        if bytes.contains(&0) {
            return rewind(file, name, None);
        }
        control |= bytes
            .iter()
            .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c));
        let last = n == 0;
        // A sequence cut by the block's end waits for the next block (at the file's end it is invalid).
        if !last {
            carry = bytes.split_off(complete_prefix(&bytes));
        }
        // The evidence the whole-file decoder weighs, counted block by block.
        let (m, bad) = crate::source::utf8_evidence(&bytes);
        multibyte += m;
        invalid_count += bad.len();
        let room = REPLACED_KEPT.saturating_sub(invalid.len());
        invalid.extend(bad.iter().take(room).map(|i| at + i));
        at += bytes.len();
        if last {
            break;
        }
    }
    let plain = |encoding| Scanned {
        encoding,
        replaced: Vec::new(),
        replaced_count: 0,
    };
    let found = if invalid_count == 0 {
        plain(if bom { Encoding::Utf8Bom } else { Encoding::Utf8 })
    } else if bom {
        return Err(err(format!(
            "invalid UTF-8 after a UTF-8 byte-order mark at byte {}",
            invalid[0]
        )));
    } else if multibyte >= invalid_count {
        if strict {
            return Err(err(format!(
                "invalid UTF-8 at byte {} (--strict refuses files with invalid bytes)",
                invalid[0]
            )));
        }
        if control {
            return Err(err("not text in UTF-8 (control characters)".into()));
        }
        Scanned {
            encoding: Encoding::Utf8Replaced,
            replaced: invalid,
            replaced_count: invalid_count,
        }
    } else if control {
        return Err(err("not text in UTF-8 or Windows-1252 (control characters)".into()));
    } else {
        plain(Encoding::Windows1252)
    };
    rewind(file, name, Some(found))
}

/// The length of `bytes` without a UTF-8 sequence cut short at its end (its last one to three bytes, when
/// they start a sequence that needs more).
fn complete_prefix(bytes: &[u8]) -> usize {
    let from = bytes.len().saturating_sub(3);
    match (from..bytes.len()).rev().find(|&i| bytes[i] & 0xC0 != 0x80) {
        Some(i) => match std::str::from_utf8(&bytes[i..]) {
            Err(e) if e.error_len().is_none() => i,
            _ => bytes.len(),
        },
        None => bytes.len(),
    }
}

/// Back to the file's start, answering `found`.
fn rewind(file: &mut File, name: &Path, found: Option<Scanned>) -> Result<Option<Scanned>, SourceError> {
    file.seek(SeekFrom::Start(0)).map_err(|e| SourceError {
        path: name.to_path_buf(),
        reason: crate::source::io_reason(&e),
    })?;
    Ok(found)
}

/// Read until `buf` is full or the input ends; how many bytes were read.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// The windows of a file's decoded text, in order, each with its start in the decoded text: an iterator
/// of `(start, text)`.
pub struct Windows<R: Read> {
    reader: R,
    decoder: encoding_rs::Decoder,
    block: Vec<u8>,
    /// Decoded text not yet handed out; it starts at `start` in the whole text.
    buf: String,
    start: usize,
    eof: bool,
    /// The input's name, for errors.
    name: PathBuf,
    encoding: Encoding,
}

impl<R: Read> Windows<R> {
    /// The windows of `reader`, read from its start, whose text is in `encoding` ([`scan`]'s answer).
    pub fn new(mut reader: R, encoding: Encoding, name: &Path) -> io::Result<Windows<R>> {
        if encoding == Encoding::Utf8Bom {
            let mut bom = [0u8; 3];
            reader.read_exact(&mut bom)?;
        }
        let decoder = match encoding {
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252.new_decoder_without_bom_handling(),
            // UTF-16 is never streamed ([`scan`] leaves files with NUL bytes to the whole-file reader).
            _ => encoding_rs::UTF_8.new_decoder_without_bom_handling(),
        };
        Ok(Windows {
            reader,
            decoder,
            block: vec![0u8; BLOCK],
            buf: String::new(),
            start: 0,
            eof: false,
            name: name.to_path_buf(),
            encoding,
        })
    }

    /// Decode one more block into the buffer.
    fn fill(&mut self) -> io::Result<()> {
        let n = read_full(&mut self.reader, &mut self.block)?;
        self.eof = n == 0;
        let need = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
        self.buf.reserve(need);
        let (_, _, _) = self.decoder.decode_to_string(&self.block[..n], &mut self.buf, self.eof);
        Ok(())
    }

    /// The next window, or `None` at the end.
    pub fn next_window(&mut self) -> io::Result<Option<(usize, String)>> {
        loop {
            if let Some(n) = cut(&self.buf, self.eof) {
                if n == 0 {
                    return Ok(None);
                }
                let rest = self.buf.split_off(n);
                let text = std::mem::replace(&mut self.buf, rest);
                let start = self.start;
                self.start += n;
                return Ok(Some((start, text)));
            }
            self.fill()?;
        }
    }

    /// The input's name.
    pub fn name(&self) -> &Path {
        &self.name
    }
}

impl<R: Read + Seek> Windows<R> {
    /// The same windows again, from the start.
    pub fn rewind(mut self) -> io::Result<Windows<R>> {
        self.reader.seek(SeekFrom::Start(0))?;
        let encoding = self.encoding;
        Windows::new(self.reader, encoding, &self.name)
    }
}

impl<R: Read> Iterator for Windows<R> {
    type Item = io::Result<(usize, String)>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_window().transpose()
    }
}

/// An input longer than this (bytes) is read in windows rather than whole: 1 MiB, the most `process`
/// segments together (`crate::process::SEGMENT_BYTES`), so that a file read in windows is segmented in
/// groups as the whole-text path would segment it.
pub const STREAM_ABOVE: u64 = 4 * WINDOW as u64;

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file_with(bytes: &[u8]) -> (tempfile::NamedTempFile, File) {
        let mut t = tempfile::NamedTempFile::new().unwrap();
        t.write_all(bytes).unwrap();
        let f = t.reopen().unwrap();
        (t, f)
    }

    /// Decode `bytes` in windows and join them.
    fn streamed(bytes: &[u8]) -> Result<Option<(String, Scanned)>, SourceError> {
        let (_t, mut f) = file_with(bytes);
        let Some(s) = scan(&mut f, Path::new("x.txt"), false)? else {
            return Ok(None);
        };
        let mut text = String::new();
        for w in Windows::new(f, s.encoding, Path::new("x.txt")).unwrap() {
            let (start, t) = w.unwrap();
            assert_eq!(start, text.len());
            text.push_str(&t);
        }
        Ok(Some((text, s)))
    }

    #[test]
    fn decodes_as_the_whole_file_reader_does() {
        let long = "Nämnden beslutar att godkänna förslaget.\n\n".repeat(3 * BLOCK / 40);
        let mut cases: Vec<Vec<u8>> = vec![
            long.as_bytes().to_vec(),
            [b"\xEF\xBB\xBF".as_slice(), long.as_bytes()].concat(),
            // Invalid bytes among many valid ones; one cut by a block's end.
            [long.as_bytes(), b"\xFF x \xC3", long.as_bytes(), b"\xE4"].concat(),
            // Windows-1252: ä and ö as single bytes.
            long.chars().map(|c| c as u8).collect(),
        ];
        // A multi-byte character across the first block's end.
        let mut at_edge = "a".repeat(BLOCK - 1).into_bytes();
        at_edge.extend("ö".repeat(10).bytes());
        cases.push(at_edge);
        // A sequence cut short across the first block's end: one invalid sequence, where it starts.
        let mut cut_short = "a".repeat(BLOCK - 1).into_bytes();
        cut_short.extend(b"\xE2\x82x ");
        cut_short.extend("ö".repeat(10).bytes());
        cases.push(cut_short);
        for bytes in cases {
            let whole = crate::source::decode_bytes(Path::new("x.txt"), &bytes, false).unwrap();
            let (text, s) = streamed(&bytes).unwrap().unwrap();
            assert_eq!(s.encoding, whole.encoding);
            assert_eq!(s.replaced, whole.replaced);
            assert!(text == whole.text, "{:?}", s.encoding);
        }
    }

    #[test]
    fn refuses_what_the_whole_file_reader_refuses() {
        let bad = [b"ab\x01c".repeat(10), b"\xFF".to_vec()].concat();
        let whole = crate::source::decode_bytes(Path::new("x.txt"), &bad, false).unwrap_err();
        let e = streamed(&bad).unwrap_err();
        assert_eq!(e.reason, whole.reason);
        // NUL bytes: left to the whole-file reader.
        assert!(streamed(b"a\0b\0").unwrap().is_none());
    }
}
