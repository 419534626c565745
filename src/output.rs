//! The JSON wire format, schema `diakrit/1`.
//!
//! One [`Document`] per input:
//!
//! ```json
//! {
//!   "schema": "diakrit/1",
//!   "id": "7e01eef7f15441e9",
//!   "source": "fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt",
//!   "encoding": "utf-8",
//!   "doc_type": "tjansteutlatande",
//!   "metadata": {"case_ids": ["SLK-2023-01038", "0186/24"], "dates": ["2024-05-29", "2024-05-30", "2024-11-21"],
//!                "decision_body": "nämnden för Intraservice",
//!                "footnotes": [{"mark": "!", "number": 1, "text": "Slutrapport: …", "span": [4819, 4931]}, …],
//!                "urls": [{"url": "https://www.digg.se/…", "span": [5019, 5226]}, …],
//!                "signatories": [{"name": "Carina Helgesson Björk", "title": "Avdelningschef Kund- och servicecenter"},
//!                                {"name": "Peter Söderström", "title": "Förvaltningsdirektör"}]},
//!   "sections": [
//!     {"id": "7e01eef7f15441e9-01", "index": 1, "label": "proposed_decision",
//!      "heading": "Förslag till beslut", "level": 1,
//!      "span": [136, 466], "heading_span": [136, 155], "body_span": [156, 466],
//!      "text": "I nämnden för Intraservice:\n\nSlutredovisning av uppdrag …"}
//!   ],
//!   "furniture": [],
//!   "edits": [{"span": [111, 117], "from": "utfors", "to": "utförs", "kind": "diacritic", "confidence": 0.977}],
//!   "text": "…the whole repaired text…",
//!   "stats": {"bytes": 9545, "words": 1162, "edits": 290, "sections": 11}
//! }
//! ```
//!
//! - `id`: 16 hex digits of a 64-bit FNV-1a hash of the input text and its `source` path: the same file
//!   always gets the same id, and two files with the same bytes (a page scanned twice, a copy in another
//!   box) stay two records. `content_id` is the hash of the text alone: equal for equal inputs wherever they
//!   are. A section's id is the document id and the section's index.
//! - Every span is `[start, end)` in bytes of the input text (the file itself when it is UTF-8 without a
//!   byte-order mark; otherwise its UTF-8 decoding, see `encoding`). `heading` and `text` (the section
//!   body, trimmed) are after repair; the input as written is at `heading_span` and `body_span`.
//! - `edits[].kind` is `hyphenation`, `diacritic`, `ocr-confusion` or `spelling`; `confidence` (in
//!   `[0.5, 1]`) is the share of edits of that confidence that were right on the dev set.
//! - The JSON Schema is `schema/diakrit-1.schema.json`; `--granularity section` writes records of
//!   `schema/diakrit-1-section.schema.json`.
//! - A section's `text` is its body reflowed (lines and cut words joined, paragraphs separated by a blank
//!   line) without page furniture, footnotes, URL lines and signatures; `furniture` lists the spans of
//!   running headers, footers and page numbers.
//! - Level-2 sections (the `Beslut`, `Yrkanden`, … of a protocol §, the headings of a tjänsteutlåtande
//!   inside a KF handling) name their enclosing section in `parent`.
//! - `paragraph`, `paragraph_letter` (`§ 3 a`), `case_id` and `title` (protocol §), `decision_body`, `parent`, and the metadata fields other than
//!   `case_ids` and `dates` appear only when found. Fields are only ever added within `diakrit/1`; a change of meaning gets a new schema id.
use std::io::{self, Write};

use serde::Serialize;

use crate::catalogue::{DocType, Label};
use crate::repair::{DamageReport, Edit, Repaired};
use crate::segment::{Metadata, Segmented};
use crate::source::{Encoding, Source};

/// The schema id written in every document.
pub const SCHEMA: &str = "diakrit/1";

/// A processed input.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// 16 hex digits of the FNV-1a hash of the input text and its source path.
    pub id: String,
    /// 16 hex digits of the FNV-1a hash of the input text alone.
    pub content_id: String,
    /// The input's path (`-` for standard input).
    pub source: String,
    /// What the input was decoded from.
    pub encoding: Encoding,
    /// An OCR file in XML (ALTO, hOCR, PAGE): its format, pages and words. Its text, spans and edits are
    /// then those of the plain text of its words ([`crate::ocrxml`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocr: Option<OcrSource>,
    /// The kind of document.
    pub doc_type: DocType,
    /// What was found in it.
    pub metadata: Metadata,
    /// Its sections, in order.
    pub sections: Vec<SectionOut>,
    /// Spans of page furniture (headers, footers, page numbers), left out of every section's text.
    pub furniture: Vec<(usize, usize)>,
    /// Every edit repair made, in input order.
    pub edits: Vec<Edit>,
    /// The whole repaired text.
    pub text: String,
    /// Counts.
    pub stats: Stats,
}

/// A section as emitted.
#[derive(Clone, Debug, Serialize)]
pub struct SectionOut {
    /// The document id and the index: `7e01eef7f15441e9-03`.
    pub id: String,
    /// Its place in the document, from 0.
    pub index: usize,
    /// What it is (`summary`, `paragraph`, …).
    pub label: Label,
    /// The heading as written, after repair; none for front matter and for a table of contents that no
    /// heading opens (its section begins at its first entry).
    pub heading: Option<String>,
    /// 1, or 2 for the sub-headings of a § or of a nested document.
    pub level: u8,
    /// The id of the enclosing section (the § of a `Beslut`), for level-2 sections.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The § number of a protocol paragraph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The letter of a § inserted between two: `§ 3 a` is paragraph 3, letter `a`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph_letter: Option<String>,
    /// The ärendenummer on a § line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// The title of a §, of a document (`Motion av …`), or the words of a heading the catalogue does not name (label `section`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The organ a heading names in its variable part (`Förslag till beslut i byggnadsnämnden`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_body: Option<String>,
    /// Heading and body, in input bytes.
    pub span: (usize, usize),
    /// The heading line, in input bytes.
    pub heading_span: (usize, usize),
    /// The body as written, in input bytes.
    pub body_span: (usize, usize),
    /// Where it stands on the page images, for an OCR file in XML.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<SectionLayout>,
    /// The body reflowed, after repair, without furniture, footnotes, URLs and signatures.
    pub text: String,
}

/// What an OCR file in XML was.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OcrSource {
    /// `alto`, `hocr` or `page`.
    pub format: &'static str,
    /// Pages.
    pub pages: usize,
    /// Words (ALTO `String`s, hOCR `ocrx_word`s, PAGE `Word`s or lines without words).
    pub words: usize,
}

/// Where a section stands on the page images of an OCR file: its pages, and the box around its heading's
/// words and around its body's words on each page (left, top, right, bottom, in the file's units).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SectionLayout {
    /// First and last page, from 1.
    pub pages: (usize, usize),
    /// The heading's box on each page it is on (none for front matter).
    pub heading: Vec<PageBox>,
    /// The body's box on each page it is on.
    pub body: Vec<PageBox>,
}

/// A box on one page.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PageBox {
    /// The page, from 1.
    pub page: usize,
    /// Left, top, right, bottom.
    pub bbox: [f32; 4],
}

/// Counts for a document.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    /// Bytes of the (decoded) input.
    pub bytes: usize,
    /// Word tokens of the input.
    pub words: usize,
    /// Edits made.
    pub edits: usize,
    /// Sections found.
    pub sections: usize,
    /// How damaged the OCR looked, for the document and each region: the prior repair gave an observed
    /// word being right.
    pub damage: DamageReport,
}

/// 64-bit FNV-1a: small, stable across platforms and releases, good enough to key documents.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    fnv1a64_from(FNV_START, bytes)
}

/// FNV-1a continued from the hash `h` over `bytes`.
fn fnv1a64_from(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The `id` and `content_id` of a text whose FNV-1a hash is `content`, read from `source`.
pub fn ids(content: u64, source: &str) -> (String, String) {
    // The path after a byte that UTF-8 text never holds, so text and path cannot run into each other.
    let id = format!(
        "{:016x}",
        fnv1a64_from(fnv1a64_from(content, &[0xff]), source.as_bytes())
    );
    (id, format!("{content:016x}"))
}

/// FNV-1a continued from the hash `h` over `bytes`: the hash of a text read in pieces.
pub fn fnv1a64_more(h: u64, bytes: &[u8]) -> u64 {
    fnv1a64_from(h, bytes)
}

/// The FNV-1a hash of no bytes, where [`fnv1a64_more`] starts.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Assemble the document of `source`, its repair, and the segmentation of the repaired text.
pub fn document(source: &Source, repaired: &Repaired, seg: &Segmented, words: usize) -> Document {
    let (id, content_id) = ids(fnv1a64(source.text.as_bytes()), &source.name);
    let mapped = map_back(repaired, seg, &id, 0, 0);
    let mut metadata = mapped.metadata;
    metadata.orthography = Some(repaired.damage.document.orthography);
    Document {
        furniture: mapped.furniture,
        schema: SCHEMA,
        id,
        content_id,
        source: source.name.clone(),
        encoding: source.encoding,
        ocr: None,
        doc_type: seg.doc_type.clone(),
        metadata,
        stats: Stats {
            bytes: source.text.len(),
            words,
            edits: repaired.edits.len(),
            sections: mapped.sections.len(),
            damage: repaired.damage.clone(),
        },
        sections: mapped.sections,
        edits: repaired.edits.clone(),
        text: repaired.text.clone(),
    }
}

/// What the segmentation of a repaired text says, in offsets of the input.
struct Mapped {
    sections: Vec<SectionOut>,
    metadata: Metadata,
    furniture: Vec<(usize, usize)>,
}

/// The sections (numbered from `first`, ids under the document `id`), metadata and furniture of `seg`, with
/// every span mapped back through `repaired` to its input and moved by `shift`.
fn map_back(repaired: &Repaired, seg: &Segmented, id: &str, first: usize, shift: usize) -> Mapped {
    let offsets = repaired.input_offsets();
    let back = |(s, e): (usize, usize)| (offsets.get(s) + shift, offsets.get(e) + shift);
    let sections = seg
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| SectionOut {
            id: format!("{id}-{:02}", first + i),
            index: first + i,
            label: s.label.clone(),
            heading: s.heading.clone(),
            level: s.level,
            parent: s.parent.map(|p| format!("{id}-{:02}", first + p)),
            paragraph: s.paragraph,
            paragraph_letter: s.paragraph_letter.clone(),
            case_id: s.case_id.clone(),
            title: s.title.clone(),
            decision_body: s.decision_body.clone(),
            span: back(s.span),
            heading_span: back(s.heading_span),
            body_span: back(s.body_span),
            layout: None,
            text: s.text.clone(),
        })
        .collect();
    let mut metadata = seg.metadata.clone();
    for f in &mut metadata.footnotes {
        f.span = back(f.span);
    }
    for u in &mut metadata.urls {
        u.span = back(u.span);
    }
    Mapped {
        sections,
        metadata,
        furniture: seg.furniture.iter().map(|&s| back(s)).collect(),
    }
}

/// A document assembled window by window (a long text, [`crate::repair::window`]): each window's repair
/// and segmentation are added in text order and come back as a [`Piece`] in whole-text offsets, ready to
/// be written; [`Assembly::finish`] gives the rest. A window whose text starts without a heading goes on
/// with the section the window before ended in, so a section cut by a window's end stays one section; a
/// section longer than [`crate::repair::window::SEGMENT_BYTES`] (a long text without headings) goes on in a
/// section of its own with the same label, so that memory never holds more of one section than that.
///
/// The document's metadata is the first window's, with the case ids and dates of all (each once, in order
/// of first mention), their paragraphs, footnotes, URLs and signatories; its type is the first window's.
pub struct Assembly {
    id: String,
    content_id: String,
    source: String,
    encoding: Encoding,
    doc_type: Option<DocType>,
    metadata: Metadata,
    /// The last section so far: the next window may go on with it.
    held: Option<SectionOut>,
    /// Sections numbered so far (the held one included).
    numbered: usize,
    /// The case ids and the dates in the metadata so far, to add each once in time linear in their number.
    seen: [std::collections::HashSet<String>; 2],
    edits: usize,
    words: usize,
    bytes: usize,
    reports: Vec<(usize, DamageReport)>,
}

/// What one window adds to a document assembled window by window, in whole-text offsets.
#[derive(Default)]
pub struct Piece {
    /// Sections complete (the last of the window is held back until the next window shows where it ends).
    pub sections: Vec<SectionOut>,
    /// Furniture spans.
    pub furniture: Vec<(usize, usize)>,
    /// Edits.
    pub edits: Vec<Edit>,
    /// The window's repaired text.
    pub text: String,
    /// The damage of its regions (pages).
    pub regions: Vec<crate::repair::Damage>,
    /// Its part of the document's metadata lists that grow with the text.
    pub listed: Listed,
}

/// The lists of a document's metadata that grow with its length (§ numbers, footnotes, URLs,
/// signatories): a window's part of each, in whole-text offsets. They go to temporary files as they come,
/// as the sections do ([`Spooled`]): a gigabyte of text holds hundreds of thousands of them (the mission
/// document repeated: 60 MB of them held till the end made 284 MB peak).
#[derive(Clone, Debug, Default)]
pub struct Listed {
    /// Protocol paragraph numbers.
    pub paragraphs: Vec<u32>,
    /// Footnotes.
    pub footnotes: Vec<crate::segment::layout::Footnote>,
    /// URLs on lines of their own.
    pub urls: Vec<crate::segment::layout::Url>,
    /// Signatories.
    pub signatories: Vec<crate::segment::layout::Signatory>,
}

impl Listed {
    /// Take the lists out of `m`, leaving them empty.
    fn take(m: &mut Metadata) -> Listed {
        Listed {
            paragraphs: std::mem::take(&mut m.paragraphs),
            footnotes: std::mem::take(&mut m.footnotes),
            urls: std::mem::take(&mut m.urls),
            signatories: std::mem::take(&mut m.signatories),
        }
    }

    /// Add the lists to `m`'s.
    pub fn extend_into(self, m: &mut Metadata) {
        m.paragraphs.extend(self.paragraphs);
        m.footnotes.extend(self.footnotes);
        m.urls.extend(self.urls);
        m.signatories.extend(self.signatories);
    }
}

impl Assembly {
    /// The assembly of the text read from `source` in `encoding`, whose FNV-1a hash is `content` (the ids
    /// need the whole text's hash before the first section is numbered).
    pub fn new(source: &str, encoding: Encoding, content: u64) -> Assembly {
        let (id, content_id) = ids(content, source);
        Assembly {
            id,
            content_id,
            source: source.to_string(),
            encoding,
            doc_type: None,
            metadata: Metadata::default(),
            held: None,
            numbered: 0,
            seen: Default::default(),
            edits: 0,
            words: 0,
            bytes: 0,
            reports: Vec::new(),
        }
    }

    /// Add the window that starts at `start` in the input text: its repair, the segmentation of its
    /// repaired text, and its word count.
    pub fn add(&mut self, start: usize, repaired: Repaired, seg: &Segmented, words: usize) -> Piece {
        let len = repaired.original_len();
        // A window that starts without a heading goes on with the last section of the one before …
        let opens_headless = seg.sections.first().is_some_and(|s| s.label == Label::FRONT_MATTER);
        // … unless that section is already as long as a group: memory holds at most that much of a
        // section, and the rest goes on in a section of its own, under the same label.
        let held_len = self.held.as_ref().map_or(0, |h| h.span.1 - h.span.0);
        let goes_on = opens_headless && self.held.is_some() && held_len < crate::repair::window::SEGMENT_BYTES;
        // Going on, the window's first section is the held one, and the numbers follow from its.
        let first = self.numbered - usize::from(goes_on);
        let mut mapped = map_back(&repaired, seg, &self.id, first, start);
        if let (true, Some(held)) = (opens_headless && !goes_on, &self.held) {
            let opening = &mut mapped.sections[0];
            opening.label = held.label.clone();
            opening.level = held.level;
            opening.parent.clone_from(&held.parent);
        }
        if goes_on {
            let mut rest = mapped.sections.remove(0);
            let held = self.held.as_mut().expect("checked above");
            held.span.1 = rest.span.1;
            held.body_span.1 = rest.body_span.1;
            if !rest.text.is_empty() {
                if !held.text.is_empty() {
                    held.text.push_str("\n\n");
                }
                held.text.push_str(&std::mem::take(&mut rest.text));
            }
        }
        self.numbered += mapped.sections.len();
        let mut sections: Vec<SectionOut> = self.held.take().into_iter().collect();
        sections.extend(mapped.sections);
        self.held = sections.pop();
        let listed = self.merge_metadata(mapped.metadata, seg);
        self.edits += repaired.edits.len();
        self.words += words;
        self.bytes = start + len;
        // The document's counts are kept for the document's damage; its regions go with the piece.
        let DamageReport { document, regions } = repaired.damage;
        self.reports.push((
            start,
            DamageReport {
                document,
                regions: Vec::new(),
            },
        ));
        Piece {
            sections,
            furniture: mapped.furniture,
            edits: repaired.edits.into_iter().map(|e| e.moved(start)).collect(),
            text: repaired.text,
            regions: regions.into_iter().map(|g| g.moved(start)).collect(),
            listed,
        }
    }

    /// Take a window's metadata into the document's; its lists that grow with the text go with the piece.
    fn merge_metadata(&mut self, mut m: Metadata, seg: &Segmented) -> Listed {
        let listed = Listed::take(&mut m);
        let d = &mut self.metadata;
        let [ids, dates] = &mut self.seen;
        if self.doc_type.is_none() {
            self.doc_type = Some(seg.doc_type.clone());
            ids.extend(m.case_ids.iter().cloned());
            dates.extend(m.dates.iter().cloned());
            *d = m;
            return listed;
        }
        for id in m.case_ids {
            if ids.insert(id.clone()) {
                d.case_ids.push(id);
            }
        }
        for date in m.dates {
            if dates.insert(date.clone()) {
                d.dates.push(date);
            }
        }
        d.decision_body = d.decision_body.take().or(m.decision_body);
        d.protocol_number = d.protocol_number.or(m.protocol_number);
        d.meeting_date = d.meeting_date.take().or(m.meeting_date);
        d.handling_number = d.handling_number.take().or(m.handling_number);
        listed
    }

    /// The document without its sections, furniture, edits, text and damage regions (those came in the
    /// pieces), and the last section, held back till now.
    pub fn finish(self) -> (Document, Option<SectionOut>) {
        let damage = crate::repair::window::join_damage(&self.reports, self.bytes);
        let mut metadata = self.metadata;
        metadata.orthography = Some(damage.document.orthography);
        let doc = Document {
            schema: SCHEMA,
            id: self.id,
            content_id: self.content_id,
            source: self.source,
            encoding: self.encoding,
            ocr: None,
            doc_type: self.doc_type.unwrap_or(DocType::Unknown),
            metadata,
            sections: Vec::new(),
            furniture: Vec::new(),
            edits: Vec::new(),
            text: String::new(),
            stats: Stats {
                bytes: self.bytes,
                words: self.words,
                edits: self.edits,
                sections: self.numbered,
                damage,
            },
        };
        (doc, self.held)
    }
}

/// A document written piece by piece in bounded memory ([`Assembly`]): the sections, furniture, edits and
/// text go to temporary files as they come, already in the JSON of `format`, and [`Spooled::finish`]
/// writes the document (or its section records) around them once its metadata and counts are known.
/// The bytes are those [`Writer`] writes for the same document.
pub struct Spooled {
    format: Format,
    sections: Spool,
    furniture: Spool,
    edits: Spool,
    text: Spool,
    regions: Spool,
    /// The metadata's lists ([`Listed`]), in the order of their fields.
    listed: [Spool; 4],
}

/// The names of the metadata's lists that are spooled, in the order of their fields in [`Metadata`].
const LISTED: [&str; 4] = ["paragraphs", "footnotes", "urls", "signatories"];

/// What stands in a spooled list of text until it is filled: no text has a NUL character.
const LIST_MARK: &str = "\u{0}diakrit: spooled\u{0}";

/// What stands in the spooled list of paragraph numbers: no paragraph has that number.
const PARAGRAPH_MARK: u32 = u32::MAX;

/// Put `mark` in place of `list` (empty: its elements were spooled) and give the marked list as serde
/// writes it in a document: compact, and pretty with its lines indented as a field of the metadata is.
fn mark_list<T: Serialize>(list: &mut Vec<T>, mark: T) -> io::Result<(String, String)> {
    if !list.is_empty() {
        return Err(io::Error::other("a metadata list both spooled and held"));
    }
    *list = vec![mark];
    let pretty = serde_json::to_string_pretty(list)?.replace('\n', "\n    ");
    Ok((serde_json::to_string(list)?, pretty))
}

/// `json` with its first `marked` replaced by `by`; an error if it has none (the mark would be written).
fn unmark(json: &str, marked: &str, by: &str) -> io::Result<String> {
    if !json.contains(marked) {
        return Err(io::Error::other("a spooled metadata list not found"));
    }
    Ok(json.replacen(marked, by, 1))
}

/// A temporary file of JSON fragments: compact ones on lines of their own, for the section records;
/// otherwise separated as the elements of an array in a field of the document are.
struct Spool {
    file: io::BufWriter<std::fs::File>,
    count: usize,
    /// How deep the array's field is in the document (1 for a field of the document itself): pretty
    /// elements are indented one level deeper.
    depth: usize,
}

impl Spool {
    fn new(depth: usize) -> io::Result<Spool> {
        Ok(Spool {
            file: io::BufWriter::new(tempfile::tempfile()?),
            count: 0,
            depth,
        })
    }

    /// Add one fragment: `value` as JSON in `format` (pretty: indented as an element of the array).
    fn push(&mut self, value: &impl Serialize, format: Format) -> io::Result<()> {
        match format {
            Format::Json => {
                if self.count > 0 {
                    self.file.write_all(b",\n")?;
                }
                let indent = "  ".repeat(self.depth + 1);
                let s = serde_json::to_string_pretty(value)?;
                for (i, line) in s.lines().enumerate() {
                    if i > 0 {
                        self.file.write_all(b"\n")?;
                    }
                    self.file.write_all(indent.as_bytes())?;
                    self.file.write_all(line.as_bytes())?;
                }
            }
            Format::JsonLines => {
                if self.count > 0 {
                    self.file.write_all(b",")?;
                }
                serde_json::to_writer(&mut self.file, value)?;
            }
            Format::Sections => {
                serde_json::to_writer(&mut self.file, value)?;
                self.file.write_all(b"\n")?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Add each of `values` ([`Spool::push`]).
    fn push_all<T: Serialize>(&mut self, values: &[T], format: Format) -> io::Result<()> {
        values.iter().try_for_each(|v| self.push(v, format))
    }

    /// The file, from its start.
    fn into_file(self) -> io::Result<std::fs::File> {
        use io::Seek;
        let mut f = self.file.into_inner().map_err(io::IntoInnerError::into_error)?;
        f.seek(io::SeekFrom::Start(0))?;
        Ok(f)
    }
}

impl Spooled {
    /// A document to be written in `format`.
    pub fn new(format: Format) -> io::Result<Spooled> {
        Ok(Spooled {
            format,
            sections: Spool::new(1)?,
            furniture: Spool::new(1)?,
            edits: Spool::new(1)?,
            text: Spool::new(1)?,
            // stats.damage.regions
            regions: Spool::new(3)?,
            // metadata.paragraphs, …
            listed: [Spool::new(2)?, Spool::new(2)?, Spool::new(2)?, Spool::new(2)?],
        })
    }

    /// The format of the metadata's spooled lists: for section records compact and comma-separated (the
    /// metadata is repeated whole in each record), else the document's.
    fn listed_format(&self) -> Format {
        match self.format {
            Format::Sections => Format::JsonLines,
            f => f,
        }
    }

    /// Spool a window's piece.
    pub fn add(&mut self, piece: &Piece) -> io::Result<()> {
        let format = self.format;
        self.sections.push_all(&piece.sections, format)?;
        let f = self.listed_format();
        let [paragraphs, footnotes, urls, signatories] = &mut self.listed;
        paragraphs.push_all(&piece.listed.paragraphs, f)?;
        footnotes.push_all(&piece.listed.footnotes, f)?;
        urls.push_all(&piece.listed.urls, f)?;
        signatories.push_all(&piece.listed.signatories, f)?;
        if format == Format::Sections {
            return Ok(());
        }
        self.furniture.push_all(&piece.furniture, format)?;
        self.edits.push_all(&piece.edits, format)?;
        self.regions.push_all(&piece.regions, format)?;
        // The text as the inside of a JSON string: escaping goes character by character, so the pieces
        // joined are the whole text escaped.
        let quoted = serde_json::to_string(&piece.text)?;
        self.text.file.write_all(&quoted.as_bytes()[1..quoted.len() - 1])?;
        Ok(())
    }

    /// Write the document `doc` (from [`Assembly::finish`], with its held-back last section `last`) with
    /// what was spooled, to `out`.
    pub fn finish(mut self, doc: &Document, last: Option<&SectionOut>, out: &mut dyn Write) -> io::Result<()> {
        if let Some(s) = last {
            self.sections.push(s, self.format)?;
        }
        // The metadata's spooled lists stand in the document as one element each that no text has, so that
        // serde writes each where it belongs (an empty list is not written at all); `marks` holds each
        // marked list as serde writes it there, compact and pretty.
        let mut marked = doc.clone();
        let mut marks: [Option<(String, String)>; 4] = Default::default();
        let spooled = self.listed.each_ref().map(|l| l.count > 0);
        let m = &mut marked.metadata;
        if spooled[0] {
            marks[0] = Some(mark_list(&mut m.paragraphs, PARAGRAPH_MARK)?);
        }
        if spooled[1] {
            let footnote = crate::segment::layout::Footnote {
                mark: LIST_MARK.into(),
                number: 0,
                text: LIST_MARK.into(),
                span: (0, 0),
            };
            marks[1] = Some(mark_list(&mut m.footnotes, footnote)?);
        }
        if spooled[2] {
            let url = crate::segment::layout::Url {
                url: LIST_MARK.into(),
                span: (0, 0),
            };
            marks[2] = Some(mark_list(&mut m.urls, url)?);
        }
        if spooled[3] {
            let signatory = crate::segment::layout::Signatory {
                name: LIST_MARK.into(),
                title: None,
            };
            marks[3] = Some(mark_list(&mut m.signatories, signatory)?);
        }
        match self.format {
            Format::Sections => {
                // The metadata whole, its lists read back from their files.
                let mut metadata = serde_json::to_string(&marked.metadata)?;
                for ((name, spool), mark) in LISTED.iter().zip(self.listed).zip(&marks) {
                    if let Some((compact, _)) = mark {
                        let mut items = String::new();
                        io::Read::read_to_string(&mut spool.into_file()?, &mut items)?;
                        let key = format!("\"{name}\":");
                        metadata = unmark(&metadata, &format!("{key}{compact}"), &format!("{key}[{items}]"))?;
                    }
                }
                let head = format!(
                    "{{\"schema\":{},\"document_id\":{},\"source\":{},\"doc_type\":{},\"metadata\":{},",
                    serde_json::to_string(SECTION_SCHEMA)?,
                    serde_json::to_string(&doc.id)?,
                    serde_json::to_string(&doc.source)?,
                    serde_json::to_string(&doc.doc_type)?,
                    metadata,
                );
                use io::BufRead;
                for line in io::BufReader::new(self.sections.into_file()?).lines() {
                    let line = line?;
                    out.write_all(head.as_bytes())?;
                    out.write_all(&line.as_bytes()[1..])?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            }
            Format::Json | Format::JsonLines => {
                let pretty = self.format == Format::Json;
                let mut skeleton = if pretty {
                    serde_json::to_string_pretty(&marked)?
                } else {
                    serde_json::to_string(&marked)?
                };
                let (colon, empty_text) = if pretty {
                    (": ", "\"text\": \"\"")
                } else {
                    (":", "\"text\":\"\"")
                };
                // A marked list becomes an empty one, to be filled as the others are.
                for (name, mark) in LISTED.iter().zip(&marks) {
                    if let Some((compact, indented)) = mark {
                        let key = format!("\"{name}\"{colon}");
                        let marked = if pretty { indented } else { compact };
                        skeleton = unmark(&skeleton, &format!("{key}{marked}"), &format!("{key}[]"))?;
                    }
                }
                // The first field of each name after the one before is the one to fill: a name inside a
                // string is escaped (`\"sections\"`), and metadata and stats hold no such list or text.
                let mut rest = skeleton.as_str();
                let fill = |key: &str, spool: Spool, rest: &mut &str, out: &mut dyn Write| -> io::Result<()> {
                    let at = rest.find(key).ok_or_else(|| io::Error::other("no field to fill"))?;
                    out.write_all(&rest.as_bytes()[..at + key.len() - 1])?;
                    *rest = &rest[at + key.len() - 1..];
                    if spool.count > 0 && pretty && key.ends_with("[]") {
                        out.write_all(b"\n")?;
                    }
                    let depth = spool.depth;
                    let any = spool.count > 0;
                    io::copy(&mut spool.into_file()?, out)?;
                    if any && pretty && key.ends_with("[]") {
                        out.write_all(b"\n")?;
                        out.write_all("  ".repeat(depth).as_bytes())?;
                    }
                    Ok(())
                };
                let list = |name: &str| format!("\"{name}\"{colon}[]");
                for (name, spool) in LISTED.iter().zip(self.listed) {
                    if spool.count > 0 {
                        fill(&list(name), spool, &mut rest, out)?;
                    }
                }
                // The metadata first: its footnotes hold `text` fields of their own.
                let after_metadata = rest
                    .find(&list("sections"))
                    .ok_or_else(|| io::Error::other("no sections"))?;
                out.write_all(&rest.as_bytes()[..after_metadata])?;
                rest = &rest[after_metadata..];
                fill(&list("sections"), self.sections, &mut rest, out)?;
                fill(&list("furniture"), self.furniture, &mut rest, out)?;
                fill(&list("edits"), self.edits, &mut rest, out)?;
                fill(empty_text, self.text, &mut rest, out)?;
                fill(&list("regions"), self.regions, &mut rest, out)?;
                out.write_all(rest.as_bytes())?;
                out.write_all(b"\n")
            }
        }
    }
}

/// One section as a record of its own, for `--granularity section`: the shape search-engine bulk loaders
/// take (one JSON line per indexed unit), with the document's id, source, type and metadata repeated.
/// Schema `schema/diakrit-1-section.schema.json`.
#[derive(Serialize)]
pub struct SectionRecord<'a> {
    /// Always [`SECTION_SCHEMA`].
    pub schema: &'static str,
    /// The document's id.
    pub document_id: &'a str,
    /// The document's source.
    pub source: &'a str,
    /// The document's type.
    pub doc_type: &'a DocType,
    /// The document's metadata.
    pub metadata: &'a Metadata,
    /// The section, its fields at the top level of the record.
    #[serde(flatten)]
    pub section: &'a SectionOut,
}

/// The schema id of a section record.
pub const SECTION_SCHEMA: &str = "diakrit/1#section";

impl Document {
    /// The document's sections as records of their own.
    pub fn section_records(&self) -> Vec<SectionRecord<'_>> {
        self.sections
            .iter()
            .map(|section| SectionRecord {
                schema: SECTION_SCHEMA,
                document_id: &self.id,
                source: &self.source,
                doc_type: &self.doc_type,
                metadata: &self.metadata,
                section,
            })
            .collect()
    }
}

/// One line of the `--edits` audit trail.
#[derive(Serialize)]
pub struct EditRecord<'a> {
    /// The input the edit belongs to.
    pub file: &'a str,
    /// The edit, its fields at the top level of the record.
    #[serde(flatten)]
    pub edit: &'a Edit,
}

/// How documents are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Pretty-printed JSON; several documents one after another, each followed by a newline.
    Json,
    /// One document per line (JSON Lines).
    JsonLines,
    /// One [`SectionRecord`] per line, for search-engine bulk loaders.
    Sections,
}

impl Format {
    /// The extension of an output file in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::JsonLines | Format::Sections => "jsonl",
        }
    }
}

/// Writes documents in one [`Format`] to any [`Write`].
///
/// ```
/// use diakrit::output::{Format, Writer};
/// let doc = diakrit::Repairer::new().process("Sammanfattning\n\nNamnden beslutar.\n");
/// let mut w = Writer::new(Vec::new(), Format::Sections);
/// w.write(&doc).unwrap();
/// let out = String::from_utf8(w.into_inner()).unwrap();
/// let record: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
/// assert_eq!(record["label"], "summary");
/// assert_eq!(record["text"], "Nämnden beslutar.");
/// ```
pub struct Writer<W: Write> {
    inner: W,
    format: Format,
}

impl<W: Write> Writer<W> {
    /// A writer of `format` over `inner`.
    pub fn new(inner: W, format: Format) -> Writer<W> {
        Writer { inner, format }
    }

    /// Write one document (for [`Format::Sections`], its section records).
    pub fn write(&mut self, doc: &Document) -> io::Result<()> {
        match self.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut self.inner, doc)?;
                self.inner.write_all(b"\n")
            }
            Format::JsonLines => {
                serde_json::to_writer(&mut self.inner, doc)?;
                self.inner.write_all(b"\n")
            }
            Format::Sections => {
                for record in doc.section_records() {
                    serde_json::to_writer(&mut self.inner, &record)?;
                    self.inner.write_all(b"\n")?;
                }
                Ok(())
            }
        }
    }

    /// Flush the underlying writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }

    /// The underlying writer.
    pub fn into_inner(self) -> W {
        self.inner
    }
}

/// Writes the `--edits` audit trail: one [`EditRecord`] line per edit.
///
/// ```
/// let r = diakrit::Repairer::new().repair("fran");
/// let mut log = diakrit::output::EditLog::new(Vec::new());
/// log.write("scan.txt", &r.edits).unwrap();
/// let line = String::from_utf8(log.into_inner()).unwrap();
/// assert!(line.starts_with(r#"{"file":"scan.txt","span":[0,4],"from":"fran","to":"från""#));
/// ```
pub struct EditLog<W: Write> {
    inner: W,
}

impl<W: Write> EditLog<W> {
    /// A log over `inner`.
    pub fn new(inner: W) -> EditLog<W> {
        EditLog { inner }
    }

    /// The underlying writer, to reach it in place.
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }

    /// Log the edits of `file`.
    pub fn write(&mut self, file: &str, edits: &[Edit]) -> io::Result<()> {
        for edit in edits {
            serde_json::to_writer(&mut self.inner, &EditRecord { file, edit })?;
            self.inner.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Flush the underlying writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }

    /// The underlying writer.
    pub fn into_inner(self) -> W {
        self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_known_values() {
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
    }
}
