//! OCR as the archives store it: ALTO (v2–v4), hOCR and PAGE XML, read into the plain text repair works on
//! and written back with only the repaired words changed.
//!
//! [`read`] walks the file with `quick-xml` and keeps, for every word, where its text stands in the file
//! (the `CONTENT` attribute of an ALTO `String`, the text of an hOCR `ocrx_word`, the `Unicode` of a PAGE
//! `Word`'s first `TextEquiv`, or of a `TextLine`'s when the line has no words), its confidence
//! (`WC`, `x_wconf`, `conf`), its box on the page image and its page. The words become a plain text
//! ([`OcrLayout::text`]): words in a line joined by spaces, lines by line ends, blocks (ALTO `TextBlock`,
//! hOCR `ocr_par`/`ocr_carea`, PAGE `TextRegion`) by blank lines, pages by form feeds, an ALTO `HYP` as
//! the hyphen it stands for at the line's end. [`repair`] repairs that text and writes the file again:
//! every byte as it was except the text of a repaired word, plus the note of the change the format has
//! room for (see [`repair`]).
use std::ops::Range;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::output::{Document, OcrSource, PageBox, SectionLayout};
use crate::repair::{Edit, Repaired, Repairer};
use crate::source::Source;

pub mod stream;

/// An OCR XML format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OcrFormat {
    /// ALTO, the METS/ALTO standard of libraries and archives (v2, v3, v4).
    Alto,
    /// hOCR, the HTML of Tesseract and OCRopus.
    Hocr,
    /// PAGE XML (Transkribus, eScriptorium, OCR-D).
    Page,
}

impl OcrFormat {
    /// Its name, as the CLI and the JSON say it.
    pub fn as_str(self) -> &'static str {
        match self {
            OcrFormat::Alto => "alto",
            OcrFormat::Hocr => "hocr",
            OcrFormat::Page => "page",
        }
    }
}

/// How far into a file [`detect`] looks.
pub const DETECT_BYTES: usize = 4096;

/// The format of an OCR file, from its content (its root element or hOCR's classes in its first 4 KB),
/// whatever its name: none for plain text or other XML.
///
/// ```
/// use diakrit::ocrxml::{detect, OcrFormat};
/// assert_eq!(detect(br#"<?xml version="1.0"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">"#), Some(OcrFormat::Alto));
/// assert_eq!(detect(b"<html><body><div class='ocr_page'>"), Some(OcrFormat::Hocr));
/// assert_eq!(detect(b"Sammanfattning <alto>"), None);
/// ```
pub fn detect(bytes: &[u8]) -> Option<OcrFormat> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes[start] != b'<' {
        return None;
    }
    let head = &bytes[start..bytes.len().min(start + DETECT_BYTES)];
    let has = |s: &[u8]| head.windows(s.len()).any(|w| w == s);
    if has(b"<alto") || has(b":alto ") || has(b":alto>") {
        Some(OcrFormat::Alto)
    } else if has(b"<PcGts") || has(b":PcGts") {
        Some(OcrFormat::Page)
    } else if has(b"ocr_page") || has(b"ocrx_word") || has(b"ocr-system") || has(b"ocr-capabilities") {
        Some(OcrFormat::Hocr)
    } else {
        None
    }
}

/// One word of an OCR file (or, in PAGE XML, a line without words).
#[derive(Clone, Debug, PartialEq)]
pub struct OcrWord {
    /// Where its text stands in the file (bytes, as written there: escaped).
    pub span: Range<usize>,
    /// Its text.
    pub text: String,
    /// Where it stands in [`OcrLayout::text`].
    pub in_text: Range<usize>,
    /// The engine's confidence, 0 to 1 (ALTO `WC`, hOCR `x_wconf` / 100, PAGE `conf`).
    pub conf: Option<f32>,
    /// Its box on the page image: left, top, right, bottom, in the file's units.
    pub bbox: Option<[f32; 4]>,
    /// Its id in the file, if it has one.
    pub id: Option<String>,
    /// Its page, from 1.
    pub page: usize,
    /// May its text be replaced? Not when markup stands inside it (hOCR `<em>`, alternatives already there).
    pub editable: bool,
    /// ALTO: the `SUBS_CONTENT` of a word cut at a line end (where the attribute's value stands) and which
    /// part this is (1 or 2).
    pub subs: Option<(Range<usize>, u8)>,
}

/// An OCR file as repair sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct OcrLayout {
    /// Its format.
    pub format: OcrFormat,
    /// Its words, in reading order.
    pub words: Vec<OcrWord>,
    /// The plain text of its words (see the module's comment).
    pub text: String,
    /// How many pages.
    pub pages: usize,
    /// ALTO: the major version (2, 3, 4) by its namespace; 0 when unknown.
    pub alto_version: u8,
    /// PAGE: the texts lines and regions hold of their words (their own `TextEquiv`), kept in step when a
    /// word changes.
    pub containers: Vec<Container>,
    /// ALTO: where the processing note goes (before `</Description>`), when the file has a description,
    /// and the namespace prefix its elements take there (`alto:`, or none).
    pub note_at: Option<(usize, String)>,
}

/// PAGE: a line's or region's own text of the words it holds (`TextLine/TextEquiv/Unicode` beside
/// `Word`s, `TextRegion/TextEquiv/Unicode` beside `TextLine`s).
#[derive(Clone, Debug, PartialEq)]
pub struct Container {
    /// Its words (indexes into [`OcrLayout::words`]).
    pub words: Range<usize>,
    /// Where its text stands in the file.
    pub span: Range<usize>,
    /// Its text.
    pub text: String,
}

/// An OCR file that could not be read: where (line and column, from 1) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlError {
    /// Line, from 1.
    pub line: usize,
    /// Column (characters), from 1.
    pub column: usize,
    /// Why.
    pub reason: String,
}

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "malformed XML at line {}, column {}: {}",
            self.line, self.column, self.reason
        )
    }
}

impl XmlError {
    fn at(xml: &str, pos: usize, reason: impl Into<String>) -> XmlError {
        let pos = pos.min(xml.len());
        let before = &xml.as_bytes()[..pos];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        XmlError {
            line,
            column,
            reason: reason.into(),
        }
    }
}

/// What separates the next word from the text before it (the strongest asked for since the last word).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Line,
    Block,
    Page,
}

/// An element open around the reader, as far as the layout cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    Page,
    Block,
    Line,
    Word,
    TextEquiv,
    Unicode,
    /// PAGE: a line's or region's own `TextEquiv` (of the words it holds), and its `Unicode`.
    HeldEquiv,
    HeldUnicode,
    /// Inside a word: markup (hOCR `<em>`, `<ins>`).
    Inner,
    /// hOCR: the original kept as an alternative (`<del class="alt">`): not the word's text.
    Deleted,
    Other,
}

/// The plain text and words being built. A reader that hands the text on as it goes ([`stream`]) drops
/// what it no longer needs from the front of `text` and `words`: `text_base` and `word_base` say how much,
/// so that offsets and word indexes stay those of the whole file.
struct Builder {
    format: OcrFormat,
    words: Vec<OcrWord>,
    /// What rewriting each word needs of the markup around it (one per word of `words`).
    facts: Vec<WordXml>,
    text: String,
    text_base: usize,
    word_base: usize,
    gap: Gap,
    pages: usize,
    /// The word being read (its text comes in pieces: text and entity references).
    open: Option<(OcrWord, WordXml)>,
    /// Markup seen inside the open word.
    inner: bool,
    /// PAGE: did the open line have words (then its own `TextEquiv` is the line's text, not a unit)?
    line_words: bool,
    /// PAGE: `TextEquiv`s seen in the open word or line (only the first is its text).
    equivs: usize,
    /// PAGE: the first word of the open line and region, the `TextEquiv`s of the open region, the
    /// container being read (its text is `None` once it cannot be rewritten: an entity in it) and those read.
    line_first: usize,
    line_equivs: usize,
    region_first: usize,
    region_equivs: usize,
    held: Option<(Range<usize>, Range<usize>, Option<String>)>,
    containers: Vec<Container>,
    /// PAGE: the open line's or word's box and id, for a line read as one unit.
    pending_box: Option<[f32; 4]>,
    pending_id: Option<String>,
}

/// What rewriting a word needs of the markup around it, noted as it is read (a reader that streams the
/// file has no whole text to look back in).
#[derive(Clone, Debug, Default, PartialEq)]
struct WordXml {
    /// Its text as written in the file (escaped), when it is one stretch.
    raw: String,
    /// ALTO: the quote around its `CONTENT`, and around its `SUBS_CONTENT`.
    quote: u8,
    subs_quote: u8,
    /// PAGE: the namespace prefix of its elements (`pc:`), and where the `TextEquiv` that holds its text
    /// ends.
    prefix: String,
    equiv_end: Option<usize>,
}

impl Builder {
    /// Has any text been written (of the whole file, not only what is kept)?
    fn started(&self) -> bool {
        self.text_base > 0 || !self.text.is_empty()
    }

    /// How many words have been read (of the whole file).
    fn word_count(&self) -> usize {
        self.word_base + self.words.len()
    }

    /// The whole file's text length so far.
    fn text_len(&self) -> usize {
        self.text_base + self.text.len()
    }

    fn ask(&mut self, gap: Gap) {
        if self.started() || self.word_count() > 0 {
            self.gap = self.gap.max(gap);
        }
    }

    fn push_gap(&mut self) {
        if !self.started() {
            self.gap = Gap::None;
            return;
        }
        self.text.push_str(match self.gap {
            Gap::None => "",
            Gap::Space => " ",
            Gap::Line => "\n",
            Gap::Block => "\n\n",
            Gap::Page => "\n\u{c}",
        });
        self.gap = Gap::None;
    }

    /// A word whose text stands at `span` of the file (escaped) and reads `text`.
    fn start_word(&mut self, span: Range<usize>, text: String, rest: WordFacts, xml: WordXml) {
        self.ask(Gap::Space);
        self.push_gap();
        let at = self.text_len();
        self.text.push_str(&text);
        self.facts.push(xml);
        self.words.push(OcrWord {
            span,
            in_text: at..self.text_len(),
            text,
            conf: rest.conf,
            bbox: rest.bbox,
            id: rest.id,
            page: self.pages.max(1),
            editable: true,
            subs: rest.subs,
        });
        self.gap = Gap::None;
    }

    /// A word opens whose text comes next (hOCR, PAGE), in pieces ([`Builder::add_text`]).
    fn open_word(&mut self, conf: Option<f32>, bbox: Option<[f32; 4]>, id: Option<String>) {
        let xml = WordXml::default();
        self.open = Some((
            OcrWord {
                span: 0..0,
                text: String::new(),
                in_text: 0..0,
                conf,
                bbox,
                id,
                page: 0,
                editable: true,
                subs: None,
            },
            xml,
        ));
    }

    /// A page, block or line opens: the gap the text takes before its first word, and the page count.
    fn begin(&mut self, frame: Frame) -> Frame {
        match frame {
            Frame::Page => {
                self.ask(Gap::Page);
                self.pages += 1;
            }
            Frame::Block => self.ask(Gap::Block),
            Frame::Line => self.ask(Gap::Line),
            _ => {}
        }
        frame
    }

    /// Text of the open word (hOCR, PAGE): its raw bytes (`raw`) stand at `span`.
    fn add_text(&mut self, span: Range<usize>, raw: &str, text: &str) {
        if let Some((w, xml)) = self.open.as_mut() {
            xml.raw.push_str(raw);
            if w.text.is_empty() && w.span.is_empty() {
                w.span = span;
            } else if w.span.end == span.start {
                w.span.end = span.end;
            } else {
                // Text on either side of markup: not one stretch to replace.
                w.editable = false;
                w.span.end = span.end;
            }
            w.text.push_str(text);
        }
    }

    /// The open word ends; `equiv_end` is where the element that held its text ends (PAGE).
    fn finish_word(&mut self, equiv_end: Option<usize>) {
        let Some((mut w, mut xml)) = self.open.take() else {
            return;
        };
        xml.equiv_end = equiv_end;
        if self.inner {
            w.editable = false;
        }
        self.inner = false;
        if w.text.trim().is_empty() {
            return;
        }
        let editable = w.editable;
        let facts = WordFacts {
            conf: w.conf,
            bbox: w.bbox,
            id: w.id.take(),
            subs: None,
        };
        self.start_word(w.span, w.text, facts, xml);
        if let Some(last) = self.words.last_mut() {
            last.editable = editable;
        }
    }
}

/// What a word carries besides its text.
#[derive(Default)]
struct WordFacts {
    conf: Option<f32>,
    bbox: Option<[f32; 4]>,
    id: Option<String>,
    subs: Option<(Range<usize>, u8)>,
}

/// The text repair reads of `text`: the plain text of its words ([`OcrLayout::text`]) when it is ALTO, hOCR
/// or PAGE XML ([`detect`]), none when it is not.
pub fn words_text(text: &str) -> Result<Option<String>, XmlError> {
    match detect(text.as_bytes()) {
        Some(format) => Ok(Some(read(text, format)?.text)),
        None => Ok(None),
    }
}

/// Read an OCR file of `format` (see [`detect`]).
pub fn read(xml: &str, format: OcrFormat) -> Result<OcrLayout, XmlError> {
    Ok(parse_whole(xml, format)?.into_layout())
}

/// The reader of `xml` run to its end.
fn parse_whole(xml: &str, format: OcrFormat) -> Result<Parser<&[u8]>, XmlError> {
    // The words counted first: a vector grown by doubling held twice a long file's words at its last move.
    let mut p = Parser::new(xml.as_bytes(), format, xml.matches(format.word_marker()).count());
    while p.step().map_err(|(pos, reason)| XmlError::at(xml, pos, reason))? {}
    p.finish();
    Ok(p)
}

impl OcrFormat {
    /// What each word of the format has once in its markup (to count them before reading).
    fn word_marker(self) -> &'static str {
        match self {
            OcrFormat::Alto => "<String",
            OcrFormat::Hocr => "ocrx_word",
            OcrFormat::Page => "<TextEquiv",
        }
    }
}

/// The reader of an OCR file, an event at a time, from a whole text ([`read`]) or from a file read as it
/// goes ([`stream`]). Offsets are those of the bytes `R` gives.
struct Parser<R> {
    reader: Reader<R>,
    /// Bytes before the reader's positions: a byte-order mark at the start, which quick-xml skips
    /// without counting.
    base: usize,
    buf: Vec<u8>,
    stack: Vec<Frame>,
    b: Builder,
    alto_version: u8,
    note_at: Option<(usize, String)>,
}

impl<R: std::io::BufRead> Parser<R> {
    fn new(mut source: R, format: OcrFormat, words: usize) -> Parser<R> {
        let base = match source.fill_buf() {
            Ok(head) if head.starts_with(b"\xEF\xBB\xBF") => 3,
            _ => 0,
        };
        let mut reader = Reader::from_reader(source);
        reader.config_mut().trim_text(false);
        // hOCR is often HTML, with elements that never close (`<meta>`, `<br>`).
        reader.config_mut().check_end_names = format != OcrFormat::Hocr;
        Parser {
            reader,
            base,
            buf: Vec::new(),
            stack: Vec::new(),
            b: Builder {
                format,
                words: Vec::with_capacity(words),
                facts: Vec::with_capacity(words),
                text: String::new(),
                text_base: 0,
                word_base: 0,
                gap: Gap::None,
                pages: 0,
                open: None,
                inner: false,
                line_words: false,
                equivs: 0,
                line_first: 0,
                line_equivs: 0,
                region_first: 0,
                region_equivs: 0,
                held: None,
                containers: Vec::new(),
                pending_box: None,
                pending_id: None,
            },
            alto_version: 0,
            note_at: None,
        }
    }

    /// Read the next event: `false` at the end of the file, an error as its offset and reason.
    fn step(&mut self) -> Result<bool, (usize, String)> {
        let format = self.b.format;
        let before = self.base + self.reader.buffer_position() as usize;
        self.buf.clear();
        let event = match self.reader.read_event_into(&mut self.buf) {
            Ok(event) => event,
            Err(e) => return Err((self.base + self.reader.error_position() as usize, e.to_string())),
        };
        let end = self.base + self.reader.buffer_position() as usize;
        let (b, stack) = (&mut self.b, &mut self.stack);
        match event {
            Event::Start(e) => {
                let frame = b.open_element(&e, before + 1, &mut self.alto_version, stack);
                if format == OcrFormat::Hocr && is_void(e.local_name().as_ref()) {
                    return Ok(true);
                }
                stack.push(frame);
            }
            Event::Empty(e) => {
                let frame = b.open_element(&e, before + 1, &mut self.alto_version, stack);
                b.close_element(frame, end, None);
            }
            Event::End(e) => {
                if format == OcrFormat::Hocr && is_void(e.local_name().as_ref()) {
                    return Ok(true);
                }
                if format == OcrFormat::Alto && e.local_name().as_ref() == "Description" {
                    let name = e.name();
                    let name: &str = name.as_ref();
                    self.note_at = Some((before, name[..name.len() - "Description".len()].to_string()));
                }
                let frame = stack.pop().unwrap_or(Frame::Other);
                let name = e.name();
                b.close_element(frame, end, Some(name.as_ref()));
            }
            Event::Text(t) if stack.last() == Some(&Frame::HeldUnicode) => {
                let raw: &str = &t;
                if let Some((_, span, Some(text))) = b.held.as_mut() {
                    if span.start == span.end {
                        *span = before..before + raw.len();
                    } else {
                        span.end = before + raw.len();
                    }
                    text.push_str(raw);
                }
            }
            Event::GeneralRef(_) | Event::CData(_) if stack.last() == Some(&Frame::HeldUnicode) => {
                // Not text this reader rewrites: the container is left as it is.
                if let Some(held) = b.held.as_mut() {
                    held.2 = None;
                }
            }
            Event::Text(t) if b.open.is_some() && !stack.contains(&Frame::Deleted) && word_text_here(format, stack) => {
                let raw: &str = &t;
                b.add_text(before..before + raw.len(), raw, raw);
            }
            Event::CData(t) if b.open.is_some() && word_text_here(format, stack) => {
                // Text in a CDATA section: kept, never replaced.
                if let Some((w, _)) = b.open.as_mut() {
                    w.editable = false;
                    w.text.push_str(&t);
                }
            }
            Event::GeneralRef(r)
                if b.open.is_some() && !stack.contains(&Frame::Deleted) && word_text_here(format, stack) =>
            {
                let raw = format!("&{};", &*r);
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&r).map(str::to_string),
                };
                match resolved {
                    Some(s) => b.add_text(before..end, &raw, &s),
                    None => {
                        // An entity only a DTD knows: the word stays as written.
                        if let Some((w, _)) = b.open.as_mut() {
                            w.editable = false;
                        }
                        b.add_text(before..end, &raw, &raw);
                    }
                }
            }
            // A file cut short (a copy that stopped, a disk that filled) ends inside its elements; HTML
            // (hOCR) may leave some open by its own rules.
            Event::Eof if format != OcrFormat::Hocr && !stack.is_empty() => {
                let n = stack.len();
                return Err((
                    end,
                    format!(
                        "the file ends with {n} element{} still open (cut short?)",
                        if n == 1 { "" } else { "s" }
                    ),
                ));
            }
            Event::Eof => return Ok(false),
            _ => {}
        }
        Ok(true)
    }

    /// The layout read (of a file read whole: nothing was dropped).
    fn into_layout(self) -> OcrLayout {
        let b = self.b;
        OcrLayout {
            format: b.format,
            words: b.words,
            text: b.text,
            pages: b.pages.max(1),
            alto_version: self.alto_version,
            note_at: self.note_at,
            containers: b.containers,
        }
    }

    /// The file has ended: the last word, and the text's last line end.
    fn finish(&mut self) {
        self.b.finish_word(None);
        if self.b.started() && !self.b.text.ends_with(['\n', '\u{c}']) {
            self.b.text.push('\n');
        }
    }
}

/// Is text at this depth a word's text (hOCR: anywhere inside the word; PAGE: in a `Unicode` of the
/// first `TextEquiv`)?
fn word_text_here(format: OcrFormat, stack: &[Frame]) -> bool {
    match format {
        OcrFormat::Hocr => stack.contains(&Frame::Word),
        OcrFormat::Page => stack.last() == Some(&Frame::Unicode),
        OcrFormat::Alto => false,
    }
}

/// HTML elements that never close.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "meta" | "link" | "br" | "img" | "hr" | "input" | "area" | "base" | "col" | "wbr"
    )
}

/// Where `part` (a slice of `whole`) starts in it.
fn offset_in(whole: &str, part: &[u8]) -> Option<usize> {
    let (w, p) = (whole.as_ptr() as usize, part.as_ptr() as usize);
    (p >= w && p + part.len() <= w + whole.len()).then(|| p - w)
}

impl Builder {
    /// An element opens (or stands empty): what it is for the layout, and the word it is, if one.
    /// `at` is where the element's content (its name, after `<`) stands in the file.
    fn open_element(&mut self, e: &BytesStart, at: usize, alto_version: &mut u8, stack: &[Frame]) -> Frame {
        let name = e.local_name();
        let name = name.as_ref();
        let content: &str = e;
        // An attribute's value, where it stands in the file, and the quote around it.
        let attr_quoted = |key: &str| -> Option<(String, Range<usize>, u8)> {
            e.attributes()
                .flatten()
                .find(|a| a.key.local_name().as_ref() == key)
                .and_then(|a| {
                    let inner = offset_in(content, a.value.as_bytes())?;
                    let quote = inner.checked_sub(1).map_or(b'"', |i| content.as_bytes()[i]);
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .ok()?
                        .into_owned();
                    Some((value, at + inner..at + inner + a.value.len(), quote))
                })
        };
        let attr = |key: &str| attr_quoted(key).map(|(v, r, _)| (v, r));
        let inside_word = stack.contains(&Frame::Word);
        match self.format {
            OcrFormat::Alto => match name {
                "alto" => {
                    // The version from the namespace (`xmlns` or `xmlns:alto`): …/alto/ns-v4#.
                    let ns = e.attributes().flatten().find_map(|a| {
                        let v = a.value;
                        v.contains("standards/alto/ns-v").then(|| v.into_owned())
                    });
                    if let Some(ns) = ns {
                        *alto_version = ns
                            .rsplit("ns-v")
                            .next()
                            .and_then(|v| v.trim_end_matches('#').parse().ok())
                            .unwrap_or(0);
                    }
                    Frame::Other
                }
                "Page" => self.begin(Frame::Page),
                "TextBlock" => self.begin(Frame::Block),
                "TextLine" => self.begin(Frame::Line),
                "String" => {
                    if let Some((content, span)) = attr("CONTENT") {
                        let num = |k: &str| attr(k).and_then(|(v, _)| v.trim().parse::<f32>().ok());
                        let bbox = match (num("HPOS"), num("VPOS"), num("WIDTH"), num("HEIGHT")) {
                            (Some(x), Some(y), Some(w), Some(h)) => Some([x, y, x + w, y + h]),
                            _ => None,
                        };
                        let part = attr("SUBS_TYPE").and_then(|(t, _)| match t.as_str() {
                            "HypPart1" => Some(1),
                            "HypPart2" => Some(2),
                            _ => None,
                        });
                        let subs_quoted = part.and_then(|p| attr_quoted("SUBS_CONTENT").map(|(_, s, q)| (s, p, q)));
                        let quote = attr_quoted("CONTENT").map_or(b'"', |(_, _, q)| q);
                        if !content.is_empty() {
                            let xml = WordXml {
                                quote,
                                subs_quote: subs_quoted.as_ref().map_or(b'"', |s| s.2),
                                ..WordXml::default()
                            };
                            self.start_word(
                                span,
                                content,
                                WordFacts {
                                    conf: num("WC"),
                                    bbox,
                                    id: attr("ID").map(|(v, _)| v),
                                    subs: subs_quoted.map(|(s, p, _)| (s, p)),
                                },
                                xml,
                            );
                        }
                    }
                    Frame::Word
                }
                "HYP" => {
                    // The hyphen of a word cut at the line's end: part of the text, not a word.
                    let hyphen = attr("CONTENT").map_or_else(|| "-".to_string(), |(v, _)| v);
                    if self.started() {
                        self.text.push_str(&hyphen);
                    }
                    Frame::Other
                }
                _ => Frame::Other,
            },
            OcrFormat::Hocr => {
                if inside_word {
                    self.inner = true;
                    let deleted = name == "del";
                    return if deleted { Frame::Deleted } else { Frame::Inner };
                }
                let class = attr("class").map(|(c, _)| c).unwrap_or_default();
                let classes: Vec<&str> = class.split_whitespace().collect();
                let title = attr("title").map(|(t, _)| t).unwrap_or_default();
                if classes.contains(&"ocr_page") {
                    self.begin(Frame::Page)
                } else if classes
                    .iter()
                    .any(|c| matches!(*c, "ocr_carea" | "ocr_par" | "ocr_separator"))
                {
                    self.begin(Frame::Block)
                } else if classes
                    .iter()
                    .any(|c| matches!(*c, "ocr_line" | "ocr_header" | "ocr_caption" | "ocr_textfloat"))
                {
                    self.begin(Frame::Line)
                } else if classes.contains(&"ocrx_word") {
                    let conf = hocr_property(&title, "x_wconf")
                        .and_then(|v| v.first().and_then(|c| c.parse::<f32>().ok()))
                        .map(|c| c / 100.0);
                    let bbox = hocr_property(&title, "bbox").and_then(|v| {
                        let n: Vec<f32> = v.iter().filter_map(|x| x.parse().ok()).collect();
                        (n.len() == 4).then(|| [n[0], n[1], n[2], n[3]])
                    });
                    self.open_word(conf, bbox, attr("id").map(|(v, _)| v));
                    self.inner = false;
                    Frame::Word
                } else {
                    Frame::Other
                }
            }
            OcrFormat::Page => match name {
                "Page" => self.begin(Frame::Page),
                "TextRegion" => {
                    self.region_first = self.word_count();
                    self.region_equivs = 0;
                    self.begin(Frame::Block)
                }
                "TextLine" => {
                    self.line_words = false;
                    self.equivs = 0;
                    self.line_equivs = 0;
                    self.line_first = self.word_count();
                    self.pending_box = None;
                    self.pending_id = attr("id").map(|(v, _)| v);
                    self.begin(Frame::Line)
                }
                "Word" => {
                    self.line_words = true;
                    self.equivs = 0;
                    self.pending_box = None;
                    self.pending_id = attr("id").map(|(v, _)| v);
                    Frame::Word
                }
                "Coords" => {
                    if matches!(stack.last(), Some(Frame::Word | Frame::Line)) {
                        self.pending_box = attr("points").and_then(|(p, _)| page_box(&p));
                    }
                    Frame::Other
                }
                "TextEquiv" => {
                    let owner = stack.last().copied();
                    let unit = owner == Some(Frame::Word) || (owner == Some(Frame::Line) && !self.line_words);
                    match owner {
                        Some(Frame::Block) => self.region_equivs += 1,
                        Some(Frame::Line) => self.line_equivs += 1,
                        _ => {}
                    }
                    // A line's own text beside its words, or a region's beside its lines (the first only).
                    let held = match owner {
                        Some(Frame::Line) if self.line_words && self.line_equivs == 1 => Some(self.line_first),
                        Some(Frame::Block) if self.region_equivs == 1 => Some(self.region_first),
                        _ => None,
                    };
                    if let Some(first) = held {
                        self.held = Some((first..self.word_count(), 0..0, Some(String::new())));
                        return Frame::HeldEquiv;
                    }
                    self.equivs += 1;
                    if unit && self.equivs == 1 {
                        let conf = attr("conf").and_then(|(c, _)| c.trim().parse().ok());
                        self.open_word(conf, self.pending_box, self.pending_id.clone());
                        Frame::TextEquiv
                    } else {
                        Frame::Other
                    }
                }
                "Unicode" if stack.last() == Some(&Frame::TextEquiv) => {
                    // Its prefix names the `TextEquiv` a repair's original goes after ([`rewrite`]).
                    if let Some((_, xml)) = self.open.as_mut() {
                        let qname = e.name();
                        let qname: &str = qname.as_ref();
                        xml.prefix = qname[..qname.len() - "Unicode".len()].to_string();
                    }
                    Frame::Unicode
                }
                "Unicode" if stack.last() == Some(&Frame::HeldEquiv) => Frame::HeldUnicode,
                _ => Frame::Other,
            },
        }
    }

    /// An element closes; `end` is where its end tag ends, `name` its name as written there (none for an
    /// empty element).
    fn close_element(&mut self, frame: Frame, end: usize, name: Option<&str>) {
        match frame {
            Frame::Word if self.format == OcrFormat::Hocr => self.finish_word(None),
            Frame::TextEquiv => {
                // The original of a repaired word goes after this end tag, when it is the one its `Unicode`'s
                // prefix names.
                let named = self
                    .open
                    .as_ref()
                    .is_some_and(|(_, xml)| name == Some(format!("{}TextEquiv", xml.prefix).as_str()));
                self.finish_word(named.then_some(end));
            }
            Frame::HeldEquiv => {
                if let Some((words, span, Some(text))) = self.held.take() {
                    if !words.is_empty() && !span.is_empty() {
                        self.containers.push(Container { words, span, text });
                    }
                }
            }
            Frame::Line => self.ask(Gap::Line),
            Frame::Block => self.ask(Gap::Block),
            _ => {}
        }
    }
}

/// The values of property `name` in an hOCR `title` (`bbox 10 20 30 40; x_wconf 93`).
fn hocr_property<'t>(title: &'t str, name: &str) -> Option<Vec<&'t str>> {
    title.split(';').find_map(|p| {
        let mut it = p.split_whitespace();
        (it.next() == Some(name)).then(|| it.collect())
    })
}

/// The box around a PAGE `points` list (`x,y x,y …`).
fn page_box(points: &str) -> Option<[f32; 4]> {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    let mut any = false;
    for p in points.split_whitespace() {
        let (x, y) = p.split_once(',')?;
        let (x, y): (f32, f32) = (x.trim().parse().ok()?, y.trim().parse().ok()?);
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        any = true;
    }
    any.then_some(b)
}

/// A word's change: which word, what it was, what it is now, how, how sure.
#[derive(Clone, Debug, PartialEq)]
pub struct WordEdit {
    /// Index into [`OcrLayout::words`].
    pub word: usize,
    /// The edit in file offsets: the word's text as written there, and its new text.
    pub edit: Edit,
}

/// An OCR file repaired.
#[derive(Clone, Debug)]
pub struct OcrRepaired {
    /// The file, written again.
    pub xml: String,
    /// The file as read.
    pub layout: OcrLayout,
    /// The repair of its plain text (every edit, in offsets of [`OcrLayout::text`]).
    pub repaired: Repaired,
    /// The words changed, in file offsets.
    pub edits: Vec<WordEdit>,
}

/// Repair the words of an OCR file and write it again: every byte as it was except
///
/// - the text of a repaired word (ALTO `CONTENT`, and `SUBS_CONTENT` of both parts of a word cut at a
///   line end; hOCR: the word's text; PAGE: the `Unicode` of its `TextEquiv`), escaped as the file escapes;
/// - the note of the change: ALTO, a processing step before `</Description>` (`Processing` from v4 on,
///   a `postProcessingStep` of an `OCRProcessing` in v2 and v3); hOCR, the original kept as the word's alternative
///   (`<span class='alternatives'><ins class='alt'>new</ins><del class='alt'>old</del></span>`, the hOCR
///   spec's form); PAGE, the original kept in a second `TextEquiv` with `index="2"`.
///
/// An edit that does not fall inside one word (it would join or cut words the file keeps apart) is not
/// applied. A file with no repairs comes back byte for byte.
pub fn repair(repairer: &Repairer, xml: &str, format: OcrFormat) -> Result<OcrRepaired, XmlError> {
    let p = parse_whole(xml, format)?;
    let repaired = repairer.repair(&p.b.text);
    Ok(rewritten(p, xml, repaired))
}

/// Write an OCR file again with the edits of `repaired`, a repair of the plain text of its words
/// ([`OcrLayout::text`]) or any part of one (the edits a review accepted): as [`repair`] writes it.
///
/// ```
/// use diakrit::ocrxml::{read, repair_with, OcrFormat};
/// let alto = r#"<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page><TextBlock><TextLine>
/// <String CONTENT="Forslag"/><SP/><String CONTENT="ndmnden"/></TextLine></TextBlock></Page></Layout></alto>"#;
/// let text = read(alto, OcrFormat::Alto).unwrap().text;
/// let mut r = diakrit::Repairer::new().repair(&text);
/// r.edits.retain(|e| e.from == "ndmnden"); // "Forslag" kept as the OCR read it
/// let out = repair_with(alto, OcrFormat::Alto, r).unwrap();
/// assert!(out.xml.contains(r#"CONTENT="Forslag""#) && out.xml.contains(r#"CONTENT="nämnden""#));
/// ```
pub fn repair_with(xml: &str, format: OcrFormat, repaired: Repaired) -> Result<OcrRepaired, XmlError> {
    Ok(rewritten(parse_whole(xml, format)?, xml, repaired))
}

/// The file `p` read from `xml`, written again with the edits of `repaired`.
fn rewritten(p: Parser<&[u8]>, xml: &str, repaired: Repaired) -> OcrRepaired {
    let format = p.b.format;
    let mut rw = Rewriter::new(format);
    rw.assign(&p.b, &repaired.edits);
    let edits = rw.settle(&p.b, p.b.text.len());
    let mut containers = p.b.containers.clone();
    rw.settle_containers(&p.b, &mut containers);
    let mut replacements = std::mem::take(&mut rw.replacements);
    if let Some(note) = note(format, p.alto_version, &p.note_at, edits.len()) {
        replacements.push(note);
    }
    replacements.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(xml.len() + replacements.len() * 16);
    let mut at = 0;
    for (r, s) in &replacements {
        if r.start < at {
            continue;
        }
        out.push_str(&xml[at..r.start]);
        out.push_str(s);
        at = r.end;
    }
    out.push_str(&xml[at..]);
    OcrRepaired {
        xml: out,
        layout: p.into_layout(),
        repaired,
        edits,
    }
}

/// ALTO: the processing step that says what diakrit did, where it goes, when words were repaired and
/// the file has a description.
fn note(
    format: OcrFormat,
    version: u8,
    note_at: &Option<(usize, String)>,
    words: usize,
) -> Option<(Range<usize>, String)> {
    let (at, prefix) = note_at.as_ref()?;
    (format == OcrFormat::Alto && words > 0).then(|| (*at..*at, alto_note(version, words, prefix)))
}

/// Turns the repair of a file's plain text into replacements in the file, word by word, as the repairs
/// come in text order: a word is settled once the repair has passed its end ([`Rewriter::settle`]).
/// The words and text it looks at are the [`Builder`]'s, which keeps every word not yet settled (and, in
/// PAGE, those a line's or region's own text may still need).
struct Rewriter {
    format: OcrFormat,
    /// The edits of each word kept by the builder, from `first` on, not yet settled.
    pending: std::collections::VecDeque<Vec<Edit>>,
    /// The new text of each kept word settled, from `first` on.
    new_text: std::collections::VecDeque<Option<String>>,
    /// The first word `pending` and `new_text` hold.
    first: usize,
    /// The first word not settled.
    settled: usize,
    /// The file's changes, in the order made.
    replacements: Vec<(Range<usize>, String)>,
}

impl Rewriter {
    fn new(format: OcrFormat) -> Rewriter {
        Rewriter {
            format,
            pending: Default::default(),
            new_text: Default::default(),
            first: 0,
            settled: 0,
            replacements: Vec::new(),
        }
    }

    /// Each edit (in offsets of the whole text) to the word it falls in, if it falls inside one that may
    /// change.
    fn assign(&mut self, b: &Builder, edits: &[Edit]) {
        while self.first + self.pending.len() < b.word_count() {
            self.pending.push_back(Vec::new());
            self.new_text.push_back(None);
        }
        for e in edits {
            let i = b.words.partition_point(|w| w.in_text.end <= e.span.0);
            if let Some(w) = b.words.get(i) {
                if w.editable && w.in_text.start <= e.span.0 && e.span.1 <= w.in_text.end {
                    self.pending[b.word_base + i - self.first].push(e.clone());
                }
            }
        }
    }

    /// Settle every word that ends by `upto` (an offset of the whole text the repair has passed): its
    /// new text, the file's changes for it and for what depends on it (ALTO: the `SUBS_CONTENT` of a word
    /// cut at a line end; PAGE: a line's or region's own text, once all its words are settled). The
    /// words changed, in file offsets.
    fn settle(&mut self, b: &Builder, upto: usize) -> Vec<WordEdit> {
        let mut edits = Vec::new();
        let text_at = |at: usize| at - b.text_base;
        while self.settled < b.word_count() && b.words[self.settled - b.word_base].in_text.end <= upto {
            let i = self.settled;
            self.settled += 1;
            let (w, xml) = (&b.words[i - b.word_base], &b.facts[i - b.word_base]);
            let word_edits = std::mem::take(&mut self.pending[i - self.first]);
            if !word_edits.is_empty() {
                let mut text = String::new();
                let mut at = w.in_text.start;
                for e in &word_edits {
                    text.push_str(&b.text[text_at(at)..text_at(e.span.0)]);
                    text.push_str(&e.to);
                    at = e.span.1;
                }
                text.push_str(&b.text[text_at(at)..text_at(w.in_text.end)]);
                if text != w.text {
                    edits.push(WordEdit {
                        word: i,
                        edit: Edit {
                            span: (w.span.start, w.span.end),
                            from: w.text.clone(),
                            to: text.clone(),
                            kind: word_edits[0].kind,
                            confidence: word_edits.iter().map(|e| e.confidence).fold(1.0, f32::min),
                        },
                    });
                    self.replacements.extend(rewrite(self.format, w, xml, &text));
                    self.new_text[i - self.first] = Some(text);
                }
            }
            // ALTO: both parts of a word cut at a line end name the whole word in SUBS_CONTENT.
            if self.format == OcrFormat::Alto && i > self.first {
                let (a, b2) = (&b.words[i - 1 - b.word_base], w);
                let (na, nb) = (&self.new_text[i - 1 - self.first], &self.new_text[i - self.first]);
                if let (Some((sa, 1)), Some((sb, 2))) = (&a.subs, &b2.subs) {
                    if na.is_some() || nb.is_some() {
                        let whole = format!(
                            "{}{}",
                            na.as_deref().unwrap_or(&a.text),
                            nb.as_deref().unwrap_or(&b2.text)
                        );
                        let qa = b.facts[i - 1 - b.word_base].subs_quote;
                        self.replacements.push((sa.clone(), escape_attr(&whole, qa)));
                        self.replacements
                            .push((sb.clone(), escape_attr(&whole, xml.subs_quote)));
                    }
                }
            }
        }
        edits
    }

    /// PAGE: the lines' and regions' own texts of `containers` whose words are all settled, kept in step
    /// with their words when they were their words' text; the others are kept.
    fn settle_containers(&mut self, b: &Builder, containers: &mut Vec<Container>) {
        containers.retain(|c| {
            if c.words.end > self.settled {
                return true;
            }
            let ws = &b.words[c.words.start - b.word_base..c.words.end - b.word_base];
            let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
                return false;
            };
            let at = |i: usize| i - b.text_base;
            let new = |i: usize| self.new_text[i - self.first].as_deref();
            if c.text != b.text[at(first.in_text.start)..at(last.in_text.end)]
                || !c.words.clone().any(|i| new(i).is_some())
            {
                return false;
            }
            let mut text = String::new();
            let mut pos = first.in_text.start;
            for (i, w) in c.words.clone().zip(ws) {
                text.push_str(&b.text[at(pos)..at(w.in_text.start)]);
                text.push_str(new(i).unwrap_or(&w.text));
                pos = w.in_text.end;
            }
            self.replacements.push((c.span.clone(), escape_text(&text)));
            false
        });
    }
}

/// The replacements that write word `w` as `new` (escaped as the file escapes; in hOCR and PAGE with the
/// original kept beside it).
fn rewrite(format: OcrFormat, w: &OcrWord, xml: &WordXml, new: &str) -> Vec<(Range<usize>, String)> {
    let old_raw = &xml.raw;
    match format {
        OcrFormat::Alto => vec![(w.span.clone(), escape_attr(new, xml.quote))],
        OcrFormat::Hocr => vec![(
            w.span.clone(),
            format!(
                "<span class='alternatives'><ins class='alt'>{}</ins><del class='alt'>{old_raw}</del></span>",
                escape_text(new)
            ),
        )],
        OcrFormat::Page => {
            let mut out = vec![(w.span.clone(), escape_text(new))];
            // The original in a second TextEquiv, right after the one that now holds the repair.
            if let Some(at) = xml.equiv_end {
                let p = &xml.prefix;
                out.push((
                    at..at,
                    format!(
                        "<{p}TextEquiv index=\"2\" dataType=\"other\" dataTypeDetails=\"as read by the OCR, before diakrit\"><{p}Unicode>{old_raw}</{p}Unicode></{p}TextEquiv>"
                    ),
                ));
            }
            out
        }
    }
}

/// `s` escaped for an attribute value between `quote`s.
fn escape_attr(s: &str, quote: u8) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' if quote == b'"' => out.push_str("&quot;"),
            '\'' if quote == b'\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` escaped for element text.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The ALTO processing step that says what diakrit did.
fn alto_note(version: u8, words: usize, prefix: &str) -> String {
    let p = prefix;
    let what = format!(
        "OCR post-correction of Swedish: {words} word{} repaired (lexicon, OCR channel model, context)",
        if words == 1 { "" } else { "s" }
    );
    let software = format!(
        "<{p}processingSoftware><{p}softwareCreator>diakrit</{p}softwareCreator><{p}softwareName>diakrit</{p}softwareName><{p}softwareVersion>{}</{p}softwareVersion></{p}processingSoftware>",
        env!("CARGO_PKG_VERSION")
    );
    // ALTO 4 deprecated OCRProcessing for Processing; 2 and 3 have only the former.
    if (1..=3).contains(&version) {
        format!(
            "<{p}OCRProcessing ID=\"diakrit\"><{p}postProcessingStep><{p}processingStepDescription>{what}</{p}processingStepDescription>{software}</{p}postProcessingStep></{p}OCRProcessing>"
        )
    } else {
        format!(
            "<{p}Processing ID=\"diakrit\"><{p}processingCategory>postOperation</{p}processingCategory><{p}processingStepDescription>{what}</{p}processingStepDescription>{software}</{p}Processing>"
        )
    }
}

/// Process an OCR file: the document of the plain text of its words ([`Repairer::process_source`]), with
/// the file's format, pages and words, and each section's pages and boxes (the union of its heading's and
/// its body's word boxes, page by page), so that a search hit can be shown on the page image. Spans and
/// edits are in offsets of that plain text ([`OcrLayout::text`]).
pub fn process(repairer: &Repairer, src: &Source, format: OcrFormat) -> Result<Document, XmlError> {
    let layout = read(&src.text, format)?;
    let plain = Source {
        name: src.name.clone(),
        text: layout.text.clone(),
        encoding: src.encoding,
        replaced: Vec::new(),
    };
    let mut doc = repairer.process_source(&plain);
    doc.ocr = Some(OcrSource {
        format: format.as_str(),
        pages: layout.pages,
        words: layout.words.len(),
    });
    for s in &mut doc.sections {
        s.layout = section_layout(boxes(&layout, s.heading_span), boxes(&layout, s.body_span));
    }
    Ok(doc)
}

/// A section's layout from the boxes of its heading and body: none when its words have no boxes.
fn section_layout(heading: Vec<PageBox>, body: Vec<PageBox>) -> Option<SectionLayout> {
    let pages = heading.iter().chain(&body).map(|b| b.page);
    let (first, last) = (pages.clone().min()?, pages.max()?);
    Some(SectionLayout {
        pages: (first, last),
        heading,
        body,
    })
}

/// The box around the words of `span` (offsets of the layout's text) on each page they are on.
fn boxes(layout: &OcrLayout, span: (usize, usize)) -> Vec<PageBox> {
    let first = layout.words.partition_point(|w| w.in_text.end <= span.0);
    let mut out = Vec::new();
    for w in layout.words[first..].iter().take_while(|w| w.in_text.start < span.1) {
        add_box(&mut out, w.page, w.bbox);
    }
    out
}

/// Widen the box of the last page in `out` by a word's box on `page`, or start the box of its page.
fn add_box(out: &mut Vec<PageBox>, page: usize, bbox: Option<[f32; 4]>) {
    let Some(b) = bbox else { return };
    match out.last_mut() {
        Some(p) if p.page == page => {
            p.bbox = [
                p.bbox[0].min(b[0]),
                p.bbox[1].min(b[1]),
                p.bbox[2].max(b[2]),
                p.bbox[3].max(b[3]),
            ];
        }
        _ => out.push(PageBox { page, bbox: b }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALTO: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">
<Description><MeasurementUnit>pixel</MeasurementUnit></Description>
<Layout><Page ID="p1" WIDTH="100" HEIGHT="100" PHYSICAL_IMG_NR="1">
<PrintSpace><TextBlock ID="b1"><TextLine ID="l1">
<String ID="s1" HPOS="10" VPOS="20" WIDTH="30" HEIGHT="10" WC="0.91" CONTENT="Forslag"/><SP/>
<String ID="s2" HPOS="45" VPOS="20" WIDTH="20" HEIGHT="10" WC="0.88" CONTENT="till"/><SP/>
<String ID="s3" HPOS="70" VPOS="20" WIDTH="25" HEIGHT="10" WC="0.90" CONTENT="beslut"/>
</TextLine><TextLine ID="l2">
<String ID="s4" CONTENT="I" WC="0.5"/><SP/><String ID="s5" CONTENT="ndmnden" WC="0.41"/><SP/><String ID="s6" CONTENT="for" WC="0.93"/><SP/><String ID="s7" CONTENT="kommu" SUBS_TYPE="HypPart1" SUBS_CONTENT="kommunfullmaktige"/><HYP CONTENT="-"/>
</TextLine><TextLine ID="l3"><String ID="s8" CONTENT="nfullmaktige" SUBS_TYPE="HypPart2" SUBS_CONTENT="kommunfullmaktige"/><SP/><String ID="s9" CONTENT="&amp;r"/></TextLine>
</TextBlock></PrintSpace></Page></Layout></alto>
"#;

    #[test]
    fn a_byte_order_mark_in_the_text_keeps_every_span_in_place() {
        // quick-xml skips a leading mark without counting it: the reader counts it back (a fuzz find).
        let xml = format!("\u{feff}{ALTO}");
        let l = read(&xml, OcrFormat::Alto).unwrap();
        assert_eq!(&xml[l.words[0].span.clone()], "Forslag");
        let r = repair(&Repairer::new(), &xml, OcrFormat::Alto).unwrap();
        assert!(r.xml.starts_with('\u{feff}'));
        assert!(r.xml.contains(r#"CONTENT="Förslag""#), "{}", &r.xml[..400]);
        assert_eq!(read(&r.xml, OcrFormat::Alto).unwrap().words.len(), l.words.len());
    }

    #[test]
    fn detects_by_content() {
        assert_eq!(detect(ALTO.as_bytes()), Some(OcrFormat::Alto));
        assert_eq!(detect(b"\xEF\xBB\xBF<PcGts xmlns='x'>"), Some(OcrFormat::Page));
        assert_eq!(detect(b"  plain text"), None);
        assert_eq!(detect(b"<note>hej</note>"), None);
    }

    #[test]
    fn alto_reads_words_lines_and_hyphens() {
        let l = read(ALTO, OcrFormat::Alto).unwrap();
        assert_eq!(l.text, "Forslag till beslut\nI ndmnden for kommu-\nnfullmaktige &r\n");
        assert_eq!(l.words.len(), 9);
        assert_eq!(&ALTO[l.words[0].span.clone()], "Forslag");
        assert_eq!(l.words[0].bbox, Some([10.0, 20.0, 40.0, 30.0]));
        assert_eq!(l.words[1].conf, Some(0.88));
        assert_eq!(l.words[8].text, "&r");
        assert_eq!(&ALTO[l.words[8].span.clone()], "&amp;r");
        assert_eq!(l.alto_version, 3);
        assert!(l.note_at.is_some());
    }

    #[test]
    fn alto_repairs_only_word_contents() {
        let r = repair(&Repairer::new(), ALTO, OcrFormat::Alto).unwrap();
        let out = &r.xml;
        assert!(out.contains(r#"CONTENT="Förslag""#), "{out}");
        assert!(out.contains(r#"CONTENT="nämnden""#), "{out}");
        assert!(out.contains(r#"HPOS="10" VPOS="20" WIDTH="30" HEIGHT="10" WC="0.91""#));
        // Both halves of the word cut at the line's end, and their SUBS_CONTENT.
        assert!(out.contains(r#"SUBS_CONTENT="kommunfullmäktige""#), "{out}");
        assert!(
            out.contains("<OCRProcessing ID=\"diakrit\"><postProcessingStep>"),
            "{out}"
        );
        // Every byte outside the word values and the note is as it was.
        let values = regex::Regex::new(r#"CONTENT="[^"]*""#).unwrap();
        let note = regex::Regex::new(r"<OCRProcessing ID=.diakrit.>.*?</OCRProcessing>").unwrap();
        let blank = |x: &str| {
            values
                .replace_all(&note.replace_all(x, ""), "CONTENT=\"\"")
                .into_owned()
        };
        assert_eq!(blank(out), blank(ALTO));
        assert_eq!(r.edits.len(), 5, "{:?}", r.edits);
        // Idempotent: the repaired file has nothing left to repair but what it had.
        let again = repair(&Repairer::new(), out, OcrFormat::Alto).unwrap();
        assert!(again.edits.is_empty(), "{:?}", again.edits);
    }

    #[test]
    fn alto_versions_and_prefixes_get_their_own_note() {
        let v4 = ALTO
            .replace("ns-v3#", "ns-v4#")
            .replace("<alto xmlns=", "<a:alto xmlns:a=")
            .replace("</alto>", "</a:alto>")
            .replace("Description>", "a:Description>");
        let v4 = regex::Regex::new(r"<(/?)(MeasurementUnit|Layout|Page|PrintSpace|TextBlock|TextLine|String|SP|HYP)\b")
            .unwrap()
            .replace_all(&v4, "<${1}a:$2")
            .into_owned();
        let l = read(&v4, OcrFormat::Alto).unwrap();
        assert_eq!(l.alto_version, 4);
        assert_eq!(l.words.len(), 9);
        let r = repair(&Repairer::new(), &v4, OcrFormat::Alto).unwrap();
        assert!(
            r.xml
                .contains("<a:Processing ID=\"diakrit\"><a:processingCategory>postOperation</a:processingCategory>"),
            "{}",
            r.xml
        );
        assert!(r.xml.contains(r#"CONTENT="Förslag""#));
        let v2 = ALTO.replace("ns-v3#", "ns-v2#");
        let r = repair(&Repairer::new(), &v2, OcrFormat::Alto).unwrap();
        assert!(r.xml.contains("<OCRProcessing ID=\"diakrit\"><postProcessingStep>"));
    }

    #[test]
    fn a_file_without_repairs_comes_back_byte_for_byte() {
        let clean = ALTO
            .replace("Forslag", "Förslag")
            .replace("ndmnden", "nämnden")
            .replace(r#""for""#, r#""för""#)
            .replace("maktige", "mäktige")
            .replace("&amp;r", "är");
        let r = repair(&Repairer::new(), &clean, OcrFormat::Alto).unwrap();
        assert!(r.edits.is_empty(), "{:?}", r.edits);
        assert_eq!(r.xml, clean);
    }

    const HOCR: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta name='ocr-system' content='tesseract 5.3.0' /></head><body>\n<div class='ocr_page' id='page_1' title='bbox 0 0 100 100'>\n<p class='ocr_par' id='par_1'>\n<span class='ocr_line' id='line_1' title='bbox 1 2 3 4'>\n<span class='ocrx_word' id='word_1' title='bbox 10 20 40 30; x_wconf 91'>Forslag</span>\n<span class='ocrx_word' id='word_2' title='bbox 45 20 65 30; x_wconf 96'>till</span>\n<span class='ocrx_word' id='word_3' title='bbox 70 20 95 30; x_wconf 95'><strong>beslut</strong></span>\n</span></p></div></body></html>\n";

    #[test]
    fn hocr_keeps_the_original_as_an_alternative() {
        let l = read(HOCR, OcrFormat::Hocr).unwrap();
        assert_eq!(l.text, "Forslag till beslut\n");
        assert_eq!(l.words[0].conf, Some(0.91));
        assert!(!l.words[2].editable);
        let r = repair(&Repairer::new(), HOCR, OcrFormat::Hocr).unwrap();
        assert!(r.xml.contains("title='bbox 10 20 40 30; x_wconf 91'><span class='alternatives'><ins class='alt'>Förslag</ins><del class='alt'>Forslag</del></span></span>"), "{}", r.xml);
        let again = read(&r.xml, OcrFormat::Hocr).unwrap();
        assert_eq!(again.text, "Förslag till beslut\n");
        assert!(repair(&Repairer::new(), &r.xml, OcrFormat::Hocr)
            .unwrap()
            .edits
            .is_empty());
    }

    const PAGE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page imageFilename="a.png" imageWidth="100" imageHeight="100">
<TextRegion id="r1"><Coords points="0,0 100,0 100,100 0,100"/>
<TextLine id="l1"><Coords points="0,0 100,0 100,10 0,10"/>
<Word id="w1"><Coords points="10,20 40,20 40,30 10,30"/><TextEquiv conf="0.91"><Unicode>Forslag</Unicode></TextEquiv></Word>
<Word id="w2"><Coords points="45,20 65,20 65,30 45,30"/><TextEquiv conf="0.96"><Unicode>till</Unicode></TextEquiv></Word>
</TextLine>
<TextLine id="l2"><Coords points="0,40 100,40 100,50 0,50"/><TextEquiv><Unicode>I ndmnden for Intraservice</Unicode></TextEquiv></TextLine>
</TextRegion></Page></PcGts>
"#;

    #[test]
    fn page_words_and_lines_without_words() {
        let l = read(PAGE, OcrFormat::Page).unwrap();
        assert_eq!(l.text, "Forslag till\nI ndmnden for Intraservice\n");
        assert_eq!(l.words[0].bbox, Some([10.0, 20.0, 40.0, 30.0]));
        assert_eq!(l.words[2].id.as_deref(), Some("l2"));
        let r = repair(&Repairer::new(), PAGE, OcrFormat::Page).unwrap();
        assert!(
            r.xml
                .contains(r#"<TextEquiv conf="0.91"><Unicode>Förslag</Unicode></TextEquiv><TextEquiv index="2""#),
            "{}",
            r.xml
        );
        assert!(
            r.xml.contains("<Unicode>I nämnden för Intraservice</Unicode>"),
            "{}",
            r.xml
        );
        let again = read(&r.xml, OcrFormat::Page).unwrap();
        assert_eq!(again.text, "Förslag till\nI nämnden för Intraservice\n");
    }

    #[test]
    fn page_lines_and_regions_keep_their_own_text_in_step() {
        let page = PAGE
            .replace(
                "<TextEquiv conf=\"0.96\"><Unicode>till</Unicode></TextEquiv></Word>\n</TextLine>",
                "<TextEquiv conf=\"0.96\"><Unicode>till</Unicode></TextEquiv></Word>\n<TextEquiv><Unicode>Forslag till</Unicode></TextEquiv></TextLine>",
            )
            .replace(
                "</TextRegion>",
                "<TextEquiv><Unicode>Forslag till\nI ndmnden for Intraservice</Unicode></TextEquiv></TextRegion>",
            );
        let l = read(&page, OcrFormat::Page).unwrap();
        assert_eq!(l.words.len(), 3);
        assert_eq!(l.containers.len(), 2);
        let r = repair(&Repairer::new(), &page, OcrFormat::Page).unwrap();
        assert!(
            r.xml
                .contains("<TextEquiv><Unicode>Förslag till</Unicode></TextEquiv></TextLine>"),
            "{}",
            r.xml
        );
        assert!(
            r.xml
                .contains("<Unicode>Förslag till\nI nämnden för Intraservice</Unicode></TextEquiv></TextRegion>"),
            "{}",
            r.xml
        );
        // A line's text that is not its words' is left as it is.
        let other = page.replace("<Unicode>Forslag till</Unicode>", "<Unicode>Forslag  till!</Unicode>");
        let r = repair(&Repairer::new(), &other, OcrFormat::Page).unwrap();
        assert!(r.xml.contains("<Unicode>Forslag  till!</Unicode>"));
    }

    #[test]
    fn malformed_xml_says_where() {
        let e = read("<alto>\n<Layout><Page></Layout>", OcrFormat::Alto).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().starts_with("malformed XML at line 2, column"), "{e}");
    }
}
