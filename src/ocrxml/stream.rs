//! A long OCR file repaired in bounded memory: its XML is read as it goes, its plain text handed on in the
//! windows [`crate::repair::window::cut`] cuts (those the repair of the whole text would use, so the result
//! is the same), and each word is settled as soon as the repair has passed it; only the words of the
//! windows not yet repaired are kept, and the changes to the file go to a temporary file in file order.
//! The file is then copied with the changes made ([`Changes::copy`]), so nothing of it is held whole. What
//! [`super::repair`] does to a file in memory, this does to one of any length. [`spool_plain`] and
//! [`WordBoxes`] do the same for `process`: the plain text and the words' places spooled, the boxes of
//! each section read back in order.
//!
//! ```
//! use diakrit::ocrxml::{stream::XmlStream, OcrFormat};
//! use diakrit::Repairer;
//! let alto = r#"<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page><TextBlock><TextLine>
//! <String CONTENT="Forslag"/><SP/><String CONTENT="till"/><SP/><String CONTENT="beslut"/></TextLine></TextBlock></Page></Layout></alto>"#;
//! let repairer = Repairer::builder().build();
//! let mut xml = XmlStream::new(alto.as_bytes(), OcrFormat::Alto);
//! let mut edits = Vec::new();
//! while let Some((start, window)) = xml.next_window().unwrap() {
//!     edits.extend(xml.take(start, window.len(), &repairer.repair_window(&window)));
//! }
//! assert_eq!(edits[0].to, "Förslag");
//! let mut out = Vec::new();
//! xml.finish().unwrap().copy(alto.as_bytes(), &mut |b| { out.extend_from_slice(b); Ok(()) }).unwrap();
//! assert!(String::from_utf8(out).unwrap().contains(r#"CONTENT="Förslag""#));
//! ```
use std::io::{self, BufRead, Read, Seek, Write};
use std::ops::Range;

use super::{note, OcrFormat, Parser, Rewriter};
use crate::repair::window::cut;
use crate::repair::{Edit, Repaired};

/// Plain text read ahead at a time before the window's cut is asked again (bytes).
const READ_AHEAD: usize = 64 * 1024;

/// Changes held before those that stand early enough are spooled.
const SPOOL_AT: usize = 4096;

/// An OCR file being read, repaired window by window and settled word by word.
pub struct XmlStream<R> {
    parser: Parser<R>,
    rewriter: Rewriter,
    /// Has the file ended?
    eof: bool,
    /// How far (in the whole plain text) windows have been handed out.
    cut_at: usize,
    /// How far the repairs taken back reach.
    taken_to: usize,
    /// Words repaired so far.
    repaired: usize,
    /// Changes made and not yet spooled (a later one may still come before them in the file).
    held: Vec<(Range<usize>, String)>,
    /// The changes in file order, on disk ([`Changes`]), and the first error writing them.
    spool: Option<io::BufWriter<std::fs::File>>,
    spool_error: Option<io::Error>,
}

/// Where and why a file could not be read: its byte offset, and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StreamError {
    /// The offset (bytes from the start of what was read) of the markup that failed.
    pub offset: usize,
    /// Why.
    pub reason: String,
}

impl StreamError {
    /// The [`super::XmlError`] of this error: its line and column, found by reading the file (`source`,
    /// from its start) again as far as the error.
    pub fn locate(&self, source: impl Read) -> io::Result<super::XmlError> {
        let (mut line, mut column) = (1, 1);
        let mut left = self.offset;
        let mut reader = io::BufReader::new(source);
        while left > 0 {
            let buf = reader.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let n = buf.len().min(left);
            for &byte in &buf[..n] {
                if byte == b'\n' {
                    line += 1;
                    column = 1;
                } else if byte & 0xC0 != 0x80 {
                    column += 1;
                }
            }
            reader.consume(n);
            left -= n;
        }
        Ok(super::XmlError {
            line,
            column,
            reason: self.reason.clone(),
        })
    }
}

impl<R: BufRead> XmlStream<R> {
    /// Read `source` (the file's bytes after any byte-order mark: offsets count from there) as `format`.
    pub fn new(source: R, format: OcrFormat) -> XmlStream<R> {
        XmlStream {
            parser: Parser::new(source, format, 0),
            rewriter: Rewriter::new(format),
            eof: false,
            cut_at: 0,
            taken_to: 0,
            repaired: 0,
            held: Vec::new(),
            spool: None,
            spool_error: None,
        }
    }

    /// The next window of the file's plain text, with its start in the whole text; `None` at the end.
    pub fn next_window(&mut self) -> Result<Option<(usize, String)>, StreamError> {
        loop {
            let b = &self.parser.b;
            let rest = &b.text[self.cut_at - b.text_base..];
            if rest.is_empty() && self.eof {
                return Ok(None);
            }
            if let Some(n) = cut(rest, self.eof) {
                let window = (self.cut_at, rest[..n].to_string());
                self.cut_at += n;
                return Ok(Some(window));
            }
            self.read_ahead()?;
        }
    }

    /// Read on until the plain text has grown by [`READ_AHEAD`] bytes, or the file ends.
    fn read_ahead(&mut self) -> Result<(), StreamError> {
        let until = self.parser.b.text_len() + READ_AHEAD;
        while self.parser.b.text_len() < until {
            let more = self
                .parser
                .step()
                .map_err(|(offset, reason)| StreamError { offset, reason })?;
            if !more {
                self.parser.finish();
                self.eof = true;
                break;
            }
        }
        Ok(())
    }

    /// The repair of the window that starts at `start` and is `len` bytes long (the next one not taken:
    /// windows are taken in order): the words it settles that changed, as edits in offsets of the file.
    pub fn take(&mut self, start: usize, len: usize, repaired: &Repaired) -> Vec<Edit> {
        debug_assert_eq!(start, self.taken_to, "windows are taken in order");
        self.taken_to = start + len;
        let moved: Vec<Edit> = repaired.edits.iter().map(|e| e.clone().moved(start)).collect();
        let b = &mut self.parser.b;
        self.rewriter.assign(b, &moved);
        // The last window settles every word (the text's last line end is past them all).
        let upto = if self.eof && self.taken_to >= b.text_len() {
            usize::MAX
        } else {
            self.taken_to
        };
        let edits = self.rewriter.settle(b, upto);
        let mut containers = std::mem::take(&mut b.containers);
        self.rewriter.settle_containers(b, &mut containers);
        b.containers = containers;
        self.repaired += edits.len();
        self.forget();
        self.held.append(&mut self.rewriter.replacements);
        if self.held.len() >= SPOOL_AT {
            self.spool_before(self.settled_from());
        }
        edits.into_iter().map(|w| w.edit).collect()
    }

    /// Where in the file the first word kept begins (its `SUBS_CONTENT`, in ALTO, may stand before its
    /// `CONTENT`): no change to come stands before it. Past the end when no word is kept.
    fn settled_from(&self) -> usize {
        self.parser.b.words.first().map_or(usize::MAX, |w| {
            w.subs.as_ref().map_or(w.span.start, |(s, _)| s.start.min(w.span.start))
        })
    }

    /// Spool the changes held that stand before `at`, in file order (changes at one place in the order
    /// made, as [`super::repair`] sorts them).
    fn spool_before(&mut self, at: usize) {
        self.held.sort_by_key(|(r, _)| (r.start, r.end));
        let n = self.held.partition_point(|(r, _)| r.start < at);
        if n == 0 || self.spool_error.is_some() {
            return;
        }
        let done: Vec<_> = self.held.drain(..n).collect();
        if let Err(e) = self.write_spool(&done) {
            self.spool_error = Some(e);
        }
    }

    fn write_spool(&mut self, changes: &[(Range<usize>, String)]) -> io::Result<()> {
        if self.spool.is_none() {
            self.spool = Some(io::BufWriter::new(tempfile::tempfile()?));
        }
        let spool = self.spool.as_mut().expect("made above");
        for (r, s) in changes {
            spool.write_all(&(r.start as u64).to_le_bytes())?;
            spool.write_all(&(r.end as u64).to_le_bytes())?;
            spool.write_all(&(s.len() as u64).to_le_bytes())?;
            spool.write_all(s.as_bytes())?;
        }
        Ok(())
    }

    /// Drop the words and text no longer needed: those before the last settled word, unless a line's or
    /// region's own text (PAGE) may still need them.
    fn forget(&mut self) {
        let b = &mut self.parser.b;
        let mut keep = self.rewriter.settled.saturating_sub(1);
        if b.format == OcrFormat::Page {
            keep = keep.min(b.line_first).min(b.region_first);
            if let Some(held) = &b.held {
                keep = keep.min(held.0.start);
            }
        }
        for c in &b.containers {
            keep = keep.min(c.words.start);
        }
        let keep = keep.max(b.word_base);
        let drop = keep - b.word_base;
        // Only in large steps: each drop moves what is kept.
        if drop < 4096 {
            return;
        }
        b.words.drain(..drop);
        b.facts.drain(..drop);
        b.word_base = keep;
        self.rewriter.pending.drain(..drop);
        self.rewriter.new_text.drain(..drop);
        self.rewriter.first = keep;
        let text_keep = b
            .words
            .first()
            .map_or(self.cut_at, |w| w.in_text.start)
            .min(self.cut_at);
        let text_drop = text_keep - b.text_base;
        b.text.drain(..text_drop);
        b.text_base = text_keep;
    }

    /// Every window taken: the changes to write.
    pub fn finish(mut self) -> io::Result<Changes> {
        self.spool_before(usize::MAX);
        if let Some(e) = self.spool_error.take() {
            return Err(e);
        }
        let p = &self.parser;
        let note = note(p.b.format, p.alto_version, &p.note_at, self.repaired);
        let spool = match self.spool.take() {
            Some(w) => {
                let mut file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
                file.seek(io::SeekFrom::Start(0))?;
                Some(file)
            }
            None => None,
        };
        Ok(Changes {
            spool,
            note,
            words: self.repaired,
        })
    }
}

/// Where the bytes of a file copied go.
pub type Put<'a> = dyn FnMut(&[u8]) -> io::Result<()> + 'a;

/// The changes to an OCR file: what to write where, in file order, spooled to a temporary file, and the
/// ALTO processing note (at the file's head, known last).
#[derive(Debug)]
pub struct Changes {
    spool: Option<std::fs::File>,
    note: Option<(Range<usize>, String)>,
    /// How many words were repaired.
    pub words: usize,
}

impl Changes {
    /// Copy `source` (the file's bytes after any byte-order mark, from the start) to `put`, block by
    /// block, with the changes made. A change that overlaps one already made is not made (as in
    /// [`super::repair`]). A source shorter than the file read is an error (it changed in between).
    pub fn copy(self, source: impl Read, put: &mut Put) -> io::Result<()> {
        let mut reader = io::BufReader::with_capacity(1 << 16, source);
        let mut spooled = self.spool.map(io::BufReader::new);
        let mut note = self.note;
        let mut next_spooled = || -> io::Result<Option<(Range<usize>, String)>> {
            match spooled.as_mut() {
                Some(r) => read_change(r),
                None => Ok(None),
            }
        };
        let mut upcoming = next_spooled()?;
        let mut at = 0usize;
        loop {
            // The next change in file order: the note goes after spooled changes at its place.
            let take_note = match (&note, &upcoming) {
                (Some(n), Some(u)) => (n.0.start, n.0.end) < (u.0.start, u.0.end),
                (Some(_), None) => true,
                (None, _) => false,
            };
            let (r, s) = if take_note {
                note.take().expect("checked")
            } else {
                match upcoming.take() {
                    Some(c) => {
                        upcoming = next_spooled()?;
                        c
                    }
                    None => break,
                }
            };
            if r.start < at {
                continue;
            }
            pass(&mut reader, &mut at, Some(r.start), Some(&mut *put))?;
            put(s.as_bytes())?;
            pass(&mut reader, &mut at, Some(r.end), None)?;
        }
        pass(&mut reader, &mut at, None, Some(put))
    }
}

/// The next change of a spool, if any.
fn read_change(r: &mut impl Read) -> io::Result<Option<(Range<usize>, String)>> {
    let mut head = [0u8; 24];
    match r.read_exact(&mut head) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let num = |i: usize| u64::from_le_bytes(head[i..i + 8].try_into().expect("8 bytes")) as usize;
    let mut text = vec![0u8; num(16)];
    r.read_exact(&mut text)?;
    let text = String::from_utf8(text).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    Ok(Some((num(0)..num(8), text)))
}

/// Move on in `reader` from `at` to `to` (or its end), handing what is passed to `put`, if given.
fn pass(reader: &mut impl BufRead, at: &mut usize, to: Option<usize>, mut put: Option<&mut Put>) -> io::Result<()> {
    while to != Some(*at) {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return match to {
                None => Ok(()),
                Some(_) => Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the file grew shorter while it was read",
                )),
            };
        }
        let n = to.map_or(buf.len(), |t| buf.len().min(t - *at));
        if let Some(put) = put.as_mut() {
            put(&buf[..n])?;
        }
        reader.consume(n);
        *at += n;
    }
    Ok(())
}

/// The plain text of a long OCR file and where its words stand, read as it goes for `process`: the text
/// (the [`super::OcrLayout::text`] of the whole file) is written to `text`, and each word's place in it,
/// page and box to `words` (read back by [`WordBoxes`]); nothing of the file is held but the words of a
/// stretch of it. The file's format, pages and words, or where it is malformed; the outer error is one
/// writing the spools.
pub fn spool_plain<R: BufRead>(
    source: R,
    format: OcrFormat,
    text: &mut dyn Write,
    words: &mut dyn Write,
) -> io::Result<Result<crate::output::OcrSource, StreamError>> {
    let mut p = Parser::new(source, format, 0);
    let mut count = 0usize;
    loop {
        let more = match p.step() {
            Ok(more) => more,
            Err((offset, reason)) => return Ok(Err(StreamError { offset, reason })),
        };
        if !more {
            p.finish();
        }
        let b = &mut p.b;
        if !more || b.words.len() >= 4096 {
            for w in b.words.drain(..) {
                write_word(words, &w)?;
                count += 1;
            }
            b.facts.clear();
            b.word_base = count;
            // Lines' and regions' own texts are for rewriting the file, not wanted here.
            b.containers.clear();
            // All the text but its last character (the reader looks back at it at the file's end).
            let keep = if more {
                b.text.char_indices().next_back().map_or(0, |(i, _)| i)
            } else {
                b.text.len()
            };
            text.write_all(&b.text.as_bytes()[..keep])?;
            b.text.drain(..keep);
            b.text_base += keep;
        }
        if !more {
            return Ok(Ok(crate::output::OcrSource {
                format: format.as_str(),
                pages: b.pages.max(1),
                words: count,
            }));
        }
    }
}

/// Bytes of a word's record in the spool of [`spool_plain`]: where it stands in the text, its page, its box.
const WORD_RECORD: usize = 8 + 8 + 8 + 1 + 16;

fn write_word(out: &mut dyn Write, w: &super::OcrWord) -> io::Result<()> {
    let mut rec = [0u8; WORD_RECORD];
    rec[0..8].copy_from_slice(&(w.in_text.start as u64).to_le_bytes());
    rec[8..16].copy_from_slice(&(w.in_text.end as u64).to_le_bytes());
    rec[16..24].copy_from_slice(&(w.page as u64).to_le_bytes());
    if let Some(b) = w.bbox {
        rec[24] = 1;
        for (i, v) in b.iter().enumerate() {
            rec[25 + 4 * i..29 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
    }
    out.write_all(&rec)
}

/// A word as [`WordBoxes`] reads it back.
#[derive(Clone, Copy, Debug)]
struct WordPlace {
    start: usize,
    end: usize,
    page: usize,
    bbox: Option<[f32; 4]>,
}

/// The words' places spooled by [`spool_plain`], read forward to give each section its boxes, as
/// [`super::process`] does with the whole layout in memory.
pub struct WordBoxes<R: Read + Seek> {
    reader: io::BufReader<R>,
    /// A word read and not yet passed (it stands after the last span asked about).
    ahead: Option<WordPlace>,
    /// Where the last span asked about ended: a span before it is found by reading again from the start.
    passed: usize,
}

impl<R: Read + Seek> WordBoxes<R> {
    /// The places in `spool`, from its start.
    pub fn new(spool: R) -> WordBoxes<R> {
        WordBoxes {
            reader: io::BufReader::new(spool),
            ahead: None,
            passed: 0,
        }
    }

    fn next_word(&mut self) -> io::Result<Option<WordPlace>> {
        if let Some(w) = self.ahead.take() {
            return Ok(Some(w));
        }
        let mut rec = [0u8; WORD_RECORD];
        match self.reader.read_exact(&mut rec) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
            Err(e) => return Err(e),
        }
        let num = |i: usize| u64::from_le_bytes(rec[i..i + 8].try_into().expect("8 bytes")) as usize;
        let f = |i: usize| f32::from_le_bytes(rec[25 + 4 * i..29 + 4 * i].try_into().expect("4 bytes"));
        Ok(Some(WordPlace {
            start: num(0),
            end: num(8),
            page: num(16),
            bbox: (rec[24] == 1).then(|| [f(0), f(1), f(2), f(3)]),
        }))
    }

    /// The box around the words of `span` (offsets of the text) on each page they are on.
    pub fn boxes(&mut self, span: (usize, usize)) -> io::Result<Vec<crate::output::PageBox>> {
        if span.0 < self.passed {
            self.reader.seek(io::SeekFrom::Start(0))?;
            self.ahead = None;
        }
        self.passed = span.0.max(span.1);
        let mut out = Vec::new();
        while let Some(w) = self.next_word()? {
            if w.end <= span.0 {
                continue;
            }
            if w.start >= span.1 {
                self.ahead = Some(w);
                break;
            }
            super::add_box(&mut out, w.page, w.bbox);
            // A word across the span's end may stand in the next span too.
            if w.end > span.1 {
                self.ahead = Some(w);
                break;
            }
        }
        Ok(out)
    }

    /// A section's layout (its heading's and body's boxes).
    pub fn section_layout(
        &mut self,
        heading: (usize, usize),
        body: (usize, usize),
    ) -> io::Result<Option<crate::output::SectionLayout>> {
        let heading = self.boxes(heading)?;
        let body = self.boxes(body)?;
        Ok(super::section_layout(heading, body))
    }
}
