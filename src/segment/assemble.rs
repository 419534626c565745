//! Sections from the headings: spans, levels and parents, and each body's text reflowed.
use super::head::Head;
use super::layout::{reflow, Layout};
use serde::Serialize;

use crate::catalogue::{DocType, Label, Scope};

/// A labelled part of a document. Offsets are byte offsets into the segmented text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    /// Label id from the catalogue (`summary`, `proposed_decision`, `decision`, …), `paragraph` for a
    /// protocol §, `front_matter` for text before the first heading.
    pub label: Label,
    /// The heading as written (trimmed), none for front matter.
    pub heading: Option<String>,
    /// 1 for top-level headings and protocol paragraphs, 2 for the sub-headings of a paragraph (`Beslut`,
    /// `Yrkanden`) and for the headings of a tjänsteutlåtande inside a KF handling.
    pub level: u8,
    /// Index of the enclosing section (a level-2 section's paragraph or nested document header).
    pub parent: Option<usize>,
    /// The heading line's span (empty for front matter).
    pub heading_span: (usize, usize),
    /// The whole section's span: heading and body.
    pub span: (usize, usize),
    /// The body's span (after the heading line, and after the title of a paragraph).
    pub body_span: (usize, usize),
    /// Paragraph number of a protocol § section.
    pub paragraph: Option<u32>,
    /// The letter of a § inserted between two (`§ 3 a`: 3 and `a`).
    pub paragraph_letter: Option<String>,
    /// Ärendenummer on a protocol § line.
    pub case_id: Option<String>,
    /// Title of a protocol § (the lines after the § line), of a document (`Motion av …`), or of a heading the
    /// catalogue does not name (label `section`).
    pub title: Option<String>,
    /// The organ a heading names in its variable part (`Förslag till beslut i byggnadsnämnden`,
    /// `Kommunstyrelsens förslag till beslut`, `Yttrande Miljö- och hälsoskyddsnämnden`).
    pub decision_body: Option<String>,
    /// The body's running text reflowed into paragraphs, without furniture, footnotes, URLs and signatures.
    pub text: String,
}

/// Labels of headings over a field's value or a list, not over prose that may quote headings of its own: a
/// free heading after one of them is not under it.
const LISTS_AND_FIELDS: [&str; 20] = [
    "table_of_contents",
    "time_place",
    "members_voting",
    "substitutes_present",
    "others_present",
    "attendance_list",
    "adjusters",
    "adjustment",
    "signatures",
    "signatories",
    "notice_of_adjustment",
    "extract_certification",
    "distribution",
    "attachments",
    "decision_basis",
    "documents",
    "paragraph_range",
    "agenda",
    "consultation_bodies",
    "immediate_adjustment",
];

/// The sections of `text`: the front matter before the first heading, then one per heading. A § or a
/// nested document's header opens a group and its sub-headings are level 2; in a KF bundle each part's
/// header (a tjänsteutlåtande, a yrkande, a yttrande) opens a group and the bundle's own headings
/// (Kommunstyrelsens förslag) close it.
pub(super) fn sections(text: &str, layout: &Layout, heads: &[Head], doc_type: &DocType) -> Vec<Section> {
    let mut sections = Vec::new();
    let first = heads.first().map_or(text.len(), |h| h.start);
    if !text[..first].trim().is_empty() {
        sections.push(Section {
            label: Label::FRONT_MATTER,
            heading: None,
            level: 1,
            parent: None,
            heading_span: (0, 0),
            span: (0, first),
            body_span: (0, first),
            paragraph: None,
            paragraph_letter: None,
            case_id: None,
            title: None,
            decision_body: None,
            text: reflow(text, layout, 0, first),
        });
    }
    let bundle = *doc_type == DocType::KfHandling;
    let bundle_scope = Scope::Doc(DocType::KfHandling);
    let mut parent: Option<usize> = None;
    // The last top-level section of a heading the catalogue names: a heading it does not name after it is
    // a sub-heading of it (`Övergripande slutsats` quoted under `Ärendet`).
    let mut named: Option<usize> = None;
    for (i, h) in heads.iter().enumerate() {
        let end = heads.get(i + 1).map_or(text.len(), |n| n.start);
        let trimmed_start = h.start + (text[h.start..h.end].len() - text[h.start..h.end].trim_start().len());
        // A headless section's heading is the empty span where it begins, and its body all of it.
        let (trimmed_end, body_start) = if h.headless {
            (trimmed_start, h.body.min(end))
        } else {
            (
                trimmed_start + text[trimmed_start..h.end].trim_end().len(),
                h.body.min(end).max(h.end),
            )
        };
        let index = sections.len();
        let opens = h.paragraph.is_some() || (bundle && h.label == Label::DOC_HEADER && h.scope != bundle_scope);
        let nested = !opens && parent.is_some() && (h.scope == Scope::Paragraph || (bundle && h.scope != bundle_scope));
        if opens {
            parent = Some(index);
        } else if !nested && h.scope != Scope::Paragraph {
            parent = None;
        }
        // The enclosing section, if any.
        let up = if nested {
            parent
        } else if h.label == Label::SECTION {
            named
        } else {
            None
        };
        if up.is_none() && h.label != Label::SECTION {
            // A field or a list (a table of contents, `Datum`, `Närvarande`, `Bilagor`) quotes no headings:
            // those after it are not under it.
            named = (!LISTS_AND_FIELDS.contains(&h.label.as_str())).then_some(index);
        }
        sections.push(Section {
            label: h.label.clone(),
            heading: (!h.headless).then(|| text[trimmed_start..trimmed_end].to_string()),
            level: if up.is_some() { 2 } else { 1 },
            parent: up,
            heading_span: (trimmed_start, trimmed_end),
            span: (trimmed_start, end),
            body_span: (body_start, end),
            paragraph: h.paragraph,
            paragraph_letter: h.letter.map(String::from),
            case_id: h.case_id.clone(),
            title: h.title.clone(),
            decision_body: h.decision_body.clone(),
            text: reflow(text, layout, body_start, end),
        });
    }
    sections
}
