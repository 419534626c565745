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
    /// The heading as written, after repair; none for front matter.
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
    /// The title of a § or of a document (`Motion av …`).
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
    /// The body reflowed, after repair, without furniture, footnotes, URLs and signatures.
    pub text: String,
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
    fnv1a64_from(0xcbf2_9ce4_8422_2325, bytes)
}

/// FNV-1a continued from the hash `h` over `bytes`.
fn fnv1a64_from(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Assemble the document of `source`, its repair, and the segmentation of the repaired text.
pub fn document(source: &Source, repaired: &Repaired, seg: &Segmented, words: usize) -> Document {
    let content = fnv1a64(source.text.as_bytes());
    // The path after a byte that UTF-8 text never holds, so text and path cannot run into each other.
    let id = format!(
        "{:016x}",
        fnv1a64_from(fnv1a64_from(content, &[0xff]), source.name.as_bytes())
    );
    let content_id = format!("{content:016x}");
    let offsets = repaired.input_offsets();
    let back = |(s, e): (usize, usize)| (offsets.get(s), offsets.get(e));
    let sections: Vec<SectionOut> = seg
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let heading_span = back(s.heading_span);
            SectionOut {
                id: format!("{id}-{i:02}"),
                index: i,
                label: s.label.clone(),
                heading: s.heading.clone(),
                level: s.level,
                parent: s.parent.map(|p| format!("{id}-{p:02}")),
                paragraph: s.paragraph,
                paragraph_letter: s.paragraph_letter.clone(),
                case_id: s.case_id.clone(),
                title: s.title.clone(),
                decision_body: s.decision_body.clone(),
                span: back(s.span),
                heading_span,
                body_span: back(s.body_span),
                text: s.text.clone(),
            }
        })
        .collect();
    let mut metadata = seg.metadata.clone();
    metadata.orthography = Some(repaired.damage.document.orthography);
    for f in &mut metadata.footnotes {
        f.span = back(f.span);
    }
    for u in &mut metadata.urls {
        u.span = back(u.span);
    }
    Document {
        furniture: seg.furniture.iter().map(|&s| back(s)).collect(),
        schema: SCHEMA,
        id,
        content_id,
        source: source.name.clone(),
        encoding: source.encoding,
        doc_type: seg.doc_type.clone(),
        metadata,
        stats: Stats {
            bytes: source.text.len(),
            words,
            edits: repaired.edits.len(),
            sections: sections.len(),
            damage: repaired.damage.clone(),
        },
        sections,
        edits: repaired.edits.clone(),
        text: repaired.text.clone(),
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
