//! Sections: find the headings of a Swedish board document, label them, and collect metadata.
//!
//! Headings come from a catalogue (data, not code: `data/headings.tsv`, the same columns as
//! `docs/headings.tsv`: doc type, label id, variants separated by `|`). A line is a heading when the whole
//! line, with diacritics folded and a trailing colon dropped, matches a variant exactly or within a small
//! edit distance, so OCR damage the repair left (`Beddmning`, `Arendet`) still matches. Protocol
//! paragraphs (`§ 12`) start sections of their own. Text before the first heading is the
//! `front_matter` section.
//!
//! Segmentation works on any text; [`crate::pipeline`] runs it on the repaired text and maps the spans
//! back to the input.
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::text::fold;

static EMBEDDED_HEADINGS: &str = include_str!("../data/headings.tsv");

/// One heading variant of the catalogue.
#[derive(Clone, Debug)]
struct Variant {
    doc_type: String,
    label: String,
    folded: String,
    chars: usize,
}

/// A catalogue of headings.
#[derive(Clone, Debug)]
pub struct Catalogue {
    variants: Vec<Variant>,
}

/// An error in a catalogue file.
#[derive(Debug)]
pub struct CatalogueError(pub String);

impl std::fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CatalogueError {}

impl Catalogue {
    /// The catalogue compiled into the binary.
    pub fn embedded() -> &'static Catalogue {
        static C: OnceLock<Catalogue> = OnceLock::new();
        C.get_or_init(|| Catalogue::from_tsv(EMBEDDED_HEADINGS).expect("data/headings.tsv parses"))
    }

    /// Parse a catalogue: a header line, then `doc_type<TAB>label<TAB>variant|variant|…[<TAB>…]`.
    /// Variants that are descriptions rather than headings (placeholders such as `YYYY`, `<namn>`, `/`,
    /// or a leading parenthesis) are skipped; a parenthesised remark after a variant is dropped.
    pub fn from_tsv(tsv: &str) -> Result<Catalogue, CatalogueError> {
        let mut variants = Vec::new();
        for (n, line) in tsv.lines().enumerate().skip(1) {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                return Err(CatalogueError(format!("line {}: expected doc_type, label and variants separated by tabs", n + 1)));
            }
            for v in f[2].split('|') {
                let v = v.split(" (").next().unwrap_or(v).trim().trim_end_matches(':').trim();
                if v.is_empty()
                    || v.starts_with('(')
                    || v.starts_with('§')
                    || ["/", "<", "YYYY", "---", "..."].iter().any(|p| v.contains(p))
                    || v.split_whitespace().any(|w| w == "N")
                {
                    continue;
                }
                let folded = normalize(v);
                let chars = folded.chars().count();
                variants.push(Variant { doc_type: f[0].to_string(), label: f[1].to_string(), folded, chars });
            }
        }
        if variants.is_empty() {
            return Err(CatalogueError("no headings in the catalogue".into()));
        }
        Ok(Catalogue { variants })
    }

    /// Is `line` (as a whole) a heading of the catalogue?
    pub fn is_heading(&self, line: &str) -> bool {
        self.classify(line, None).is_some()
    }

    /// The label and doc type of a heading line, preferring `doc_type`'s label when a variant has several.
    fn classify(&self, line: &str, doc_type: Option<&str>) -> Option<(&str, &str)> {
        let t = line.trim();
        // A line that ends a sentence or a clause is body text, whatever its words; so is a long line.
        if t.len() > 120 || (t.ends_with(['.', ',', ';']) && !t.ends_with("...")) {
            return None;
        }
        let n = normalize(line);
        let len = n.chars().count();
        if len < 3 || n.split_whitespace().count() > 8 {
            return None;
        }
        let allowed = match len {
            0..=5 => 0,
            6..=14 => 1,
            _ => 2,
        };
        let mut best: Option<(usize, bool, &Variant)> = None;
        for v in &self.variants {
            if v.chars.abs_diff(len) > allowed {
                continue;
            }
            let d = if v.folded == n { 0 } else if allowed == 0 { continue } else { strsim::levenshtein(&v.folded, &n) };
            if d > allowed {
                continue;
            }
            let preferred = doc_type.is_some_and(|t| t == v.doc_type);
            let better = match best {
                None => true,
                Some((bd, bp, _)) => d < bd || (d == bd && preferred && !bp),
            };
            if better {
                best = Some((d, preferred, v));
            }
        }
        best.map(|(_, _, v)| (v.label.as_str(), v.doc_type.as_str()))
    }
}

/// Fold, drop a trailing colon and collapse spaces: the form headings are compared in.
fn normalize(s: &str) -> String {
    let f = fold(s.trim().trim_end_matches(':'));
    f.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A labelled part of a document. Offsets are byte offsets into the segmented text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    /// Label id from the catalogue (`summary`, `proposed_decision`, …), `paragraph` for a protocol §,
    /// `front_matter` for text before the first heading.
    pub label: String,
    /// The heading as written (trimmed), none for front matter.
    pub heading: Option<String>,
    /// 1 for top-level headings and protocol paragraphs.
    pub level: u8,
    /// The heading line's span (empty for front matter).
    pub heading_span: (usize, usize),
    /// The whole section's span: heading and body.
    pub span: (usize, usize),
    /// The body's span (after the heading line).
    pub body_span: (usize, usize),
    /// Paragraph number of a protocol § section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
}

/// Facts found in a document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// Case ids (ärendenummer, diarienummer): `SLK-2023-01038`, `0186/24`, in order of first mention.
    pub case_ids: Vec<String>,
    /// ISO dates (`2024-05-29`), in order of first mention.
    pub dates: Vec<String>,
    /// The body a proposed decision is addressed to (`I nämnden för Intraservice:` → `nämnden för Intraservice`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_body: Option<String>,
    /// Protocol paragraph numbers, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<u32>,
}

/// A segmented document.
#[derive(Clone, Debug, PartialEq)]
pub struct Segmented {
    /// `tjansteutlatande`, `protokoll`, … or `unknown`.
    pub doc_type: String,
    pub sections: Vec<Section>,
    pub metadata: Metadata,
}

/// Segment `text` with the embedded catalogue.
pub fn segment(text: &str) -> Segmented {
    segment_with(text, Catalogue::embedded())
}

fn re(pat: &'static str, cell: &'static OnceLock<Regex>) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("static regex"))
}

/// Segment `text` with `catalogue`.
pub fn segment_with(text: &str, catalogue: &Catalogue) -> Segmented {
    static PARA: OnceLock<Regex> = OnceLock::new();
    let para = re(r"^\s*§\s*(\d{1,4})\b", &PARA);
    let lines = line_spans(text);

    // First pass: which doc type do the headings speak for?
    let mut votes: Vec<(String, usize)> = Vec::new();
    let mut paragraphs = 0;
    // (line start, heading end, body start)
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (li, &(s, e)) in lines.iter().enumerate() {
        let line = &text[s..e];
        let heading = if para.is_match(line) {
            paragraphs += 1;
            candidates.push((s, e, e + 1));
            None
        } else if let Some((_, t)) = catalogue.classify(line, None) {
            candidates.push((s, e, e + 1));
            Some(t)
        } else if block_start(text, &lines, li, &candidates) {
            run_in(catalogue, line).map(|(he, bs, t)| {
                candidates.push((s, s + he, s + bs));
                t
            })
        } else {
            None
        };
        if let Some(t) = heading {
            match votes.iter_mut().find(|(k, _)| k == t) {
                Some((_, n)) => *n += 1,
                None => votes.push((t.to_string(), 1)),
            }
        }
    }
    let best_vote = votes.iter().max_by_key(|(_, n)| *n).map(|(t, n)| (t.clone(), *n));
    let doc_type = match best_vote {
        _ if paragraphs >= 1 && paragraphs >= best_vote_count(&votes) / 2 => "protokoll".to_string(),
        Some((t, n)) if n >= 2 => match t.as_str() {
            "protokoll_paragraph" | "protokoll_front" => "protokoll".to_string(),
            _ => t,
        },
        _ => "unknown".to_string(),
    };
    let prefer = match doc_type.as_str() {
        "protokoll" => Some("protokoll_paragraph"),
        t => Some(t),
    };

    // Second pass over the heading lines: labels, preferring the doc type's.
    let mut heads: Vec<(usize, usize, usize, String, Option<u32>)> = Vec::new();
    for &(s, e, b) in &candidates {
        let line = &text[s..e];
        if let Some(c) = para.captures(line) {
            heads.push((s, e, b, "paragraph".into(), c[1].parse().ok()));
        } else if let Some((label, _)) = catalogue.classify(line, prefer) {
            heads.push((s, e, b, label.to_string(), None));
        }
    }

    let mut sections = Vec::new();
    let first = heads.first().map_or(text.len(), |h| h.0);
    if !text[..first].trim().is_empty() {
        sections.push(Section {
            label: "front_matter".into(),
            heading: None,
            level: 1,
            heading_span: (0, 0),
            span: (0, first),
            body_span: (0, first),
            paragraph: None,
        });
    }
    for (i, (s, e, b, label, num)) in heads.iter().enumerate() {
        let end = heads.get(i + 1).map_or(text.len(), |h| h.0);
        let trimmed_start = s + (text[*s..*e].len() - text[*s..*e].trim_start().len());
        let trimmed_end = trimmed_start + text[trimmed_start..*e].trim_end().len();
        let body_start = (*b).min(end).max(*e);
        sections.push(Section {
            label: label.clone(),
            heading: Some(text[trimmed_start..trimmed_end].to_string()),
            level: 1,
            heading_span: (trimmed_start, trimmed_end),
            span: (trimmed_start, end),
            body_span: (body_start, end),
            paragraph: *num,
        });
    }
    let metadata = metadata(text, &sections);
    Segmented { doc_type, sections, metadata }
}

/// Does a new block start at line `li`: at the start of the text, after a blank line, a page break, a
/// line ending a sentence or a clause (`.`, `:`), or right after a heading?
fn block_start(text: &str, lines: &[(usize, usize)], li: usize, heads: &[(usize, usize, usize)]) -> bool {
    let Some(&(ps, pe)) = li.checked_sub(1).map(|j| &lines[j]) else { return true };
    let prev = text[ps..pe].trim_end();
    prev.trim().is_empty()
        || prev.ends_with(['.', ':', '!', '?'])
        || text[pe..lines[li].0].contains('\u{c}')
        || heads.last().is_some_and(|h| h.0 == ps)
}

/// A heading that runs into its text on the same line (`Sammanfattning I budget för 2022 fick …`,
/// `Samverkan Samverkan har skett …`): the longest run of one to six words that is a catalogue heading
/// and is followed by a word starting with a capital letter (the text's first sentence). Returns the
/// heading's end and the body's start as offsets into the line, and the heading's doc type.
fn run_in<'c>(catalogue: &'c Catalogue, line: &str) -> Option<(usize, usize, &'c str)> {
    let lead = line.len() - line.trim_start().len();
    let mut ends = Vec::new();
    let mut in_word = false;
    for (i, c) in line.char_indices().skip_while(|(i, _)| *i < lead) {
        if c.is_whitespace() {
            if in_word {
                ends.push(i);
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    for &he in ends.iter().take(6).rev() {
        let rest = &line[he..];
        let body = he + (rest.len() - rest.trim_start().len());
        if !line[body..].chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        if let Some((_, t)) = catalogue.classify(&line[..he], None) {
            return Some((he, body, t));
        }
    }
    None
}

fn best_vote_count(votes: &[(String, usize)]) -> usize {
    votes.iter().map(|(_, n)| *n).max().unwrap_or(0)
}

/// Byte spans of the lines of `text`, without their line breaks; form feeds split lines too.
fn line_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\u{c}' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
            out.push((start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn metadata(text: &str, sections: &[Section]) -> Metadata {
    static CASE: OnceLock<Regex> = OnceLock::new();
    static DATE: OnceLock<Regex> = OnceLock::new();
    static BODY: OnceLock<Regex> = OnceLock::new();
    // SLK-2023-01038 (possibly cut at a line end: SLK-2023-\n01038), 0186/24, Dnr KS 2018/124.
    let case = re(r"\b(\p{Lu}{2,6}(?:-\p{Lu}{1,6})?-\d{4}-(?:\s*\n\s*)?\d{2,6})\b|(?i:ärendenummer|diarienummer|dnr|dnr\.)[:\s]+(?:\p{Lu}{1,6}\s+)?(\d{1,6}/\d{2,4})\b", &CASE);
    let date = re(r"\b(\d{4})-(\d{2})-(\d{2})\b", &DATE);
    let body = re(r"^\s*I (\p{L}[^:\n]{2,80}):\s*$", &BODY);
    let mut m = Metadata::default();
    for c in case.captures_iter(text) {
        let id: String = c.get(1).or(c.get(2)).map_or(String::new(), |g| g.as_str().split_whitespace().collect());
        if !id.is_empty() && !m.case_ids.contains(&id) {
            m.case_ids.push(id);
        }
    }
    for c in date.captures_iter(text) {
        let (mo, d): (u32, u32) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if (1..=12).contains(&mo) && (1..=31).contains(&d) && !m.dates.contains(&c[0].to_string()) {
            m.dates.push(c[0].to_string());
        }
    }
    if let Some(s) = sections.iter().find(|s| s.label == "proposed_decision") {
        for line in text[s.body_span.0..s.body_span.1].lines() {
            if let Some(c) = body.captures(line) {
                m.decision_body = Some(c[1].trim().to_string());
                break;
            }
        }
    }
    m.paragraphs = sections.iter().filter_map(|s| s.paragraph).collect();
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    const TU: &str = "Tjänsteutlåtande\nUtfärdat 2024-11-28\nÄrendenummer SLK-2024-\n00123\n\nForslag till beslut\n\nI nämnden för Intraservice:\n\nRapporten antecknas.\n\nSammanfattning\n\nText om saken.\n Beddmning ur ekonomisk dimension\n\nIngen påverkan.\n\nSamverkan\nÄrendet har samverkats.\n\nBilagor\n1. Rapport\n Arendet\n\nBeskrivning av ärendet\n\nMer text (diarienummer 0186/24).\n\nFörvaltningens bedömning\n\nBra.\n";

    #[test]
    fn labels_tjansteutlatande_headings_in_order() {
        let s = segment(TU);
        let labels: Vec<&str> = s.sections.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "doc_header",
                "proposed_decision",
                "summary",
                "assessment_economic",
                "union_consultation",
                "attachments",
                "matter",
                "case_description",
                "office_assessment"
            ]
        );
        assert_eq!(s.doc_type, "tjansteutlatande");
        assert_eq!(s.sections[3].heading.as_deref(), Some("Beddmning ur ekonomisk dimension"));
    }

    #[test]
    fn spans_cover_heading_and_body() {
        let s = segment(TU);
        for sec in &s.sections {
            assert!(sec.span.0 <= sec.body_span.0 && sec.body_span.1 == sec.span.1);
            if let Some(h) = &sec.heading {
                assert_eq!(&TU[sec.heading_span.0..sec.heading_span.1], h);
            }
        }
        let last = s.sections.last().unwrap();
        assert_eq!(&TU[last.body_span.0..last.body_span.1], "\nBra.\n");
    }

    #[test]
    fn metadata_found() {
        let s = segment(TU);
        assert_eq!(s.metadata.case_ids, ["SLK-2024-00123", "0186/24"]);
        assert_eq!(s.metadata.dates, ["2024-11-28"]);
        assert_eq!(s.metadata.decision_body.as_deref(), Some("nämnden för Intraservice"));
    }

    #[test]
    fn sentences_are_not_headings() {
        let s = segment("Sammanfattning av läget är att vi väntar.\nBakgrunden är lång och vi beskriver den här.\n");
        assert_eq!(s.sections.len(), 1);
        assert_eq!(s.sections[0].label, "front_matter");
        assert_eq!(s.doc_type, "unknown");
    }

    #[test]
    fn protocol_paragraphs() {
        let s = segment("Protokoll\n\n§ 12 Ärendenummer SLK-2024-00001\nVal av justerare\n\nBeslut\nKommunstyrelsen beslutar.\n\n§ 13\nAnmälan\n\nHandlingar\nTjänsteutlåtande.\n");
        assert_eq!(s.doc_type, "protokoll");
        let labels: Vec<&str> = s.sections.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["front_matter", "paragraph", "decision", "paragraph", "documents"]);
        assert_eq!(s.metadata.paragraphs, [12, 13]);
    }

    #[test]
    fn headings_running_into_their_text() {
        let text = "Tjänsteutlåtande\n\nFörslag till beslut I kommunstyrelsen:\nRapporten antecknas.\n\nSammanfattning I budget för 2022 fick\nkommunstyrelsen ett uppdrag.\nSamverkan har skett i FSG.\n\nSamverkan Samverkan har skett i FSG.\n";
        let s = segment(text);
        let got: Vec<(&str, Option<&str>)> = s.sections.iter().map(|s| (s.label.as_str(), s.heading.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("doc_header", Some("Tjänsteutlåtande")),
                ("proposed_decision", Some("Förslag till beslut")),
                ("summary", Some("Sammanfattning")),
                ("union_consultation", Some("Samverkan")),
            ]
        );
        let summary = &s.sections[2];
        assert!(text[summary.body_span.0..].starts_with("I budget för 2022"));
        assert_eq!(s.metadata.decision_body.as_deref(), Some("kommunstyrelsen"));
    }

    #[test]
    fn user_catalogue() {
        let c = Catalogue::from_tsv("doc_type\tlabel\tvariants\nbrev\tgreeting\tHej|Hejsan\n").unwrap();
        let s = segment_with("Hej\nText\n", &c);
        assert_eq!(s.sections[0].label, "greeting");
        assert!(Catalogue::from_tsv("h\nbad line\n").is_err());
    }
}
