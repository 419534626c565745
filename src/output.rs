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
//! - `id`: 16 hex digits of a 64-bit FNV-1a hash of the input bytes: the same input always gets the same
//!   id, wherever and however often it is processed. A section's id is the document id and the section's
//!   index.
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
//! - `paragraph`, `case_id` and `title` (protocol §), `parent`, and the metadata fields other than
//!   `case_ids` and `dates` appear only when found. Fields are only ever added within `diakrit/1`; a change of meaning gets a new schema id.
use serde::Serialize;

use crate::repair::{Edit, Repaired};
use crate::segment::{Metadata, Segmented};
use crate::source::{Encoding, Source};

/// The schema id written in every document.
pub const SCHEMA: &str = "diakrit/1";

/// A processed input.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    pub schema: &'static str,
    pub id: String,
    pub source: String,
    pub encoding: Encoding,
    pub doc_type: String,
    pub metadata: Metadata,
    pub sections: Vec<SectionOut>,
    /// Spans of page furniture (headers, footers, page numbers), left out of every section's text.
    pub furniture: Vec<(usize, usize)>,
    pub edits: Vec<Edit>,
    pub text: String,
    pub stats: Stats,
}

/// A section as emitted.
#[derive(Clone, Debug, Serialize)]
pub struct SectionOut {
    pub id: String,
    pub index: usize,
    pub label: String,
    pub heading: Option<String>,
    pub level: u8,
    /// The id of the enclosing section (the § of a `Beslut`), for level-2 sections.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub span: (usize, usize),
    pub heading_span: (usize, usize),
    pub body_span: (usize, usize),
    pub text: String,
}

/// Counts for a document.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    pub bytes: usize,
    pub words: usize,
    pub edits: usize,
    pub sections: usize,
}

/// 64-bit FNV-1a: small, stable across platforms and releases, good enough to key documents.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Assemble the document of `source`, its repair, and the segmentation of the repaired text.
pub fn document(source: &Source, repaired: &Repaired, seg: &Segmented, words: usize) -> Document {
    let id = format!("{:016x}", fnv1a64(source.text.as_bytes()));
    let back = |(s, e): (usize, usize)| (repaired.to_input_offset(s), repaired.to_input_offset(e));
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
                case_id: s.case_id.clone(),
                title: s.title.clone(),
                span: back(s.span),
                heading_span,
                body_span: back(s.body_span),
                text: s.text.clone(),
            }
        })
        .collect();
    let mut metadata = seg.metadata.clone();
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
        source: source.name.clone(),
        encoding: source.encoding,
        doc_type: seg.doc_type.clone(),
        metadata,
        stats: Stats {
            bytes: source.text.len(),
            words,
            edits: repaired.edits.len(),
            sections: sections.len(),
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
    pub schema: &'static str,
    pub document_id: &'a str,
    pub source: &'a str,
    pub doc_type: &'a str,
    pub metadata: &'a Metadata,
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
    pub file: &'a str,
    #[serde(flatten)]
    pub edit: &'a Edit,
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
