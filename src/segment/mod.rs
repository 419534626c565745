//! Sections: find the headings of a Swedish board document, label them, and collect metadata.
//!
//! Document types: `tjansteutlatande`, `protokoll` / `protokollsutdrag` (one section per § with its
//! number, ärendenummer and title, the standard sub-headings nested under it), `kf_handling` (a KF bundle:
//! board proposal, yrkanden, the tjänsteutlåtanden inside it nested under their own header), `motion`,
//! `interpellation`, `political_proposal`, `political_statement`, `remissvar`; `unknown` when unsure.
//!
//! Headings come from a catalogue (data, not code: `data/headings.tsv`, the same columns as
//! `docs/headings.tsv`: doc type, label id, variants separated by `|`). A line is a heading when the whole
//! line, with diacritics folded and a trailing colon dropped, matches a variant exactly or within a small
//! edit distance, so OCR damage the repair left (`Beddmning`, `Arendet`) still matches. Protocol
//! paragraphs (`§ 12`, and as OCR writes them: `$ 393`, `8 392 Ärendenummer …`) start sections of their own.
//! Variants that end in a placeholder (`Motion av <namn> …`) match a line that begins with them, among the
//! first lines of a document only. Text before the first heading is the `front_matter` section. Page
//! furniture, footnotes, URLs and signatures ([`layout`]) are never headings and stay out of section text.
//!
//! Segmentation works on any text; [`crate::pipeline`] runs it on the repaired text and maps the spans
//! back to the input.
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::text::{fold, MONTHS};

pub mod layout;
use layout::{re, LineKind};
pub use layout::{Footnote, Signatory, Url};

static EMBEDDED_HEADINGS: &str = include_str!("../../data/headings.tsv");

/// One heading variant of the catalogue.
#[derive(Clone, Debug)]
struct Variant {
    doc_type: String,
    label: String,
    folded: String,
    chars: usize,
    /// A variant that ends in a placeholder matches lines that begin with it.
    prefix: bool,
    /// Letter counts, for a cheap bound on the edit distance.
    hist: Hist,
}

/// Character counts in 32 buckets: half the L1 distance of two of them is at most the edit distance of
/// their strings (an edit moves at most two counts by one), so most variants are ruled out unaligned.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Hist([u8; 32]);

impl Hist {
    fn of(s: &str) -> Hist {
        let mut h = [0u8; 32];
        for c in s.chars() {
            let b = &mut h[(c as u32 % 32) as usize];
            *b = b.saturating_add(1);
        }
        Hist(h)
    }

    fn bound(&self, other: &Hist) -> usize {
        let l1: usize = self
            .0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| usize::from(a.abs_diff(*b)))
            .sum();
        l1.div_ceil(2)
    }
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
                return Err(CatalogueError(format!(
                    "line {}: expected doc_type, label and variants separated by tabs",
                    n + 1
                )));
            }
            for v in f[2].split('|') {
                // `Motion av <namn> (<parti>) om ...`: the words before the first placeholder, when there
                // are at least two of them, are a prefix of the document's title line.
                if let Some(i) = v.find(['<', '…']).or_else(|| v.find("...")).filter(|&i| i > 0) {
                    let p = v[..i].trim().trim_end_matches(['–', '-']).trim();
                    if p.split_whitespace().count() >= 2 && !p.contains(['/', '(']) && !p.contains("YYYY") {
                        let folded = normalize(p);
                        let chars = folded.chars().count();
                        variants.push(Variant {
                            doc_type: f[0].to_string(),
                            label: f[1].to_string(),
                            hist: Hist::of(&folded),
                            folded,
                            chars,
                            prefix: true,
                        });
                    }
                    continue;
                }
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
                variants.push(Variant {
                    doc_type: f[0].to_string(),
                    label: f[1].to_string(),
                    hist: Hist::of(&folded),
                    folded,
                    chars,
                    prefix: false,
                });
            }
        }
        if variants.is_empty() {
            return Err(CatalogueError("no headings in the catalogue".into()));
        }
        Ok(Catalogue { variants })
    }

    /// Is `line` (as a whole) a heading of the catalogue?
    pub fn is_heading(&self, line: &str) -> bool {
        self.classify(line, None, None).is_some()
    }

    /// The label and doc type of a title line that begins with a prefix variant (`Motion av Anna Ek (S)
    /// om …`).
    fn classify_prefix(&self, line: &str) -> Option<(&str, &str)> {
        if !line.trim_start().starts_with(char::is_uppercase) {
            return None;
        }
        let n = normalize(line);
        self.variants
            .iter()
            .filter(|v| v.prefix && n.starts_with(&v.folded) && n.len() > v.folded.len())
            .max_by_key(|v| v.chars)
            .map(|v| (v.label.as_str(), v.doc_type.as_str()))
    }

    /// The label and doc type of a heading line, preferring `doc_type`'s label when a variant has several;
    /// with `only`, among the headings of that doc type alone.
    fn classify(&self, line: &str, doc_type: Option<&str>, only: Option<&str>) -> Option<(&str, &str)> {
        let t = line.trim();
        // A line that ends a sentence or a clause is body text, whatever its words; so is a long line, and
        // one that begins in lowercase (`kommunfullmäktige beslutar:` goes on from the line before).
        if t.len() > 120 || (t.ends_with(['.', ',', ';']) && !t.ends_with("...")) || t.starts_with(char::is_lowercase) {
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
        let hist = Hist::of(&n);
        let mut best: Option<(usize, bool, &Variant)> = None;
        for v in self
            .variants
            .iter()
            .filter(|v| !v.prefix && only.is_none_or(|t| t == v.doc_type))
        {
            if v.chars.abs_diff(len) > allowed {
                continue;
            }
            let d = if v.folded == n {
                0
            } else if allowed == 0 || v.hist.bound(&hist) > allowed {
                continue;
            } else {
                strsim::levenshtein(&v.folded, &n)
            };
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
    /// Label id from the catalogue (`summary`, `proposed_decision`, `decision`, …), `paragraph` for a
    /// protocol §, `front_matter` for text before the first heading.
    pub label: String,
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
    /// Ärendenummer on a protocol § line.
    pub case_id: Option<String>,
    /// Title of a protocol § (the lines after the § line) or of a document (`Motion av …`).
    pub title: Option<String>,
    /// The body's running text reflowed into paragraphs, without furniture, footnotes, URLs and signatures.
    pub text: String,
}

/// Facts found in a document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// Case ids (ärendenummer, diarienummer): `SLK-2023-01038`, `0186/24`, `KS 2018/124`, in order of first
    /// mention.
    pub case_ids: Vec<String>,
    /// Dates (ISO `2024-05-29`, and `den 24 april 2024` as `2024-04-24`), in order of first mention.
    pub dates: Vec<String>,
    /// The body a proposed decision is addressed to (`I nämnden för Intraservice:` → `nämnden för Intraservice`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_body: Option<String>,
    /// Protocol paragraph numbers, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<u32>,
    /// `Protokoll nr 14`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol_number: Option<u32>,
    /// `Sammanträdesdatum: 2024-05-08`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_date: Option<String>,
    /// `Handling 2025 nr 32` → `2025 nr 32`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handling_number: Option<String>,
    /// Footnotes at the foot of the pages.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
    /// URLs standing on lines of their own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<Url>,
    /// The people who signed, with their titles.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<Signatory>,
}

/// A segmented document.
#[derive(Clone, Debug, PartialEq)]
pub struct Segmented {
    /// `tjansteutlatande`, `protokoll`, … or `unknown`.
    pub doc_type: String,
    pub sections: Vec<Section>,
    pub metadata: Metadata,
    /// Spans of the page furniture (headers, footers, page numbers) left out of the sections' text.
    pub furniture: Vec<(usize, usize)>,
}

/// Segment `text` with the embedded catalogue.
pub fn segment(text: &str) -> Segmented {
    segment_with(text, Catalogue::embedded())
}

/// Is `w` the word `Ärendenummer` (or `Diarienummer`, `Dnr`), OCR damage allowed?
fn case_word(w: &str) -> bool {
    let f = fold(w.trim_end_matches(':'));
    f == "dnr"
        || (9..=15).contains(&f.chars().count())
            && (strsim::levenshtein(&f, "arendenummer") <= 3 || strsim::levenshtein(&f, "diarienummer") <= 2)
}

/// A protocol § line: its number, its ärendenummer, where a title on the same line begins (a byte offset
/// into `line`), and whether the § sign was read as such. `§ 12`, `§12 Titel`; as OCR writes the sign (`$ 393`, `8 392`, `S 12`, `43900 Ärendenummer`)
/// only before an ärendenummer or where the number is the one expected next.
fn paragraph_line(line: &str, expected: Option<u32>) -> Option<(u32, Option<String>, Option<usize>, bool)> {
    static STRICT: OnceLock<Regex> = OnceLock::new();
    static LOOSE: OnceLock<Regex> = OnceLock::new();
    static GLUED: OnceLock<Regex> = OnceLock::new();
    let strict = re(r"^\s*§\s*(\d{1,4})(?-u:\b)[.:]?\s*", &STRICT);
    let loose = re(r"^\s*[\$8S5&g]\s*(\d{1,4})(?-u:\b)[.:]?\s*", &LOOSE);
    let glued = re(r"^\s*(\d{2,5})\s+", &GLUED);
    let rest_of = |m: regex::Match| &line[m.end()..];
    // After the number: an optional ärendenummer word with its id, then the title.
    let tail = |after: usize| -> (bool, Option<String>, Option<usize>) {
        let rest = &line[after..];
        let mut words = rest.split_whitespace();
        match words.next() {
            Some(w) if case_word(w) => {
                // The id, put together again when OCR split it (`SE R-2022-01235`).
                let mut id_end = None;
                let mut id = String::new();
                let mut from = rest.find(w).map_or(0, |i| i + w.len());
                for part in words.by_ref().take(2) {
                    let at = from + rest[from..].find(part).unwrap_or(0);
                    id.push_str(part.trim_end_matches([',', '.', ';']));
                    from = at + part.len();
                    id_end = Some(after + from);
                    if id.chars().any(|c| c.is_ascii_digit()) {
                        break;
                    }
                }
                let id = (!id.is_empty()).then_some(id);
                let title = id_end
                    .filter(|&e| !line[e..].trim().is_empty())
                    .map(|e| e + (line[e..].len() - line[e..].trim_start().len()));
                (true, id, title)
            }
            Some(_) => (false, None, Some(after)),
            None => (false, None, None),
        }
    };
    if let Some(c) = strict.captures(line) {
        let n: u32 = c[1].parse().ok()?;
        let (_, id, title) = tail(c.get(0)?.end());
        return Some((n, id, title, true));
    }
    if let Some(c) = loose.captures(line) {
        let n: u32 = c[1].parse().ok()?;
        let (case, id, title) = tail(c.get(0)?.end());
        if case || (expected == Some(n) && rest_of(c.get(0)?).trim().is_empty()) {
            return Some((n, id, title, false));
        }
        return None;
    }
    if let Some(c) = glued.captures(line) {
        // `43900 Avendenummer`: the sign read as a digit and glued to the number.
        let (case, id, title) = tail(c.get(0)?.end());
        if !case {
            return None;
        }
        let digits = &c[1][1..];
        let n = match expected {
            Some(x) if digits.starts_with(&x.to_string()) => x,
            _ if digits.len() <= 4 => digits.parse().ok()?,
            _ => return None,
        };
        return Some((n, id, title, false));
    }
    None
}

/// One heading found: where its line starts, where the heading ends, where the body starts, and what it is.
struct Head {
    start: usize,
    end: usize,
    body: usize,
    label: String,
    doc_type: String,
    paragraph: Option<u32>,
    case_id: Option<String>,
    title: Option<String>,
    /// For a § line whose sign OCR misread: the line's leading digits, to check the number against its
    /// neighbours.
    doubtful: Option<String>,
}

/// Segment `text` with `catalogue`.
pub fn segment_with(text: &str, catalogue: &Catalogue) -> Segmented {
    static HANDLING: OnceLock<Regex> = OnceLock::new();
    let handling = re(r"(?i)^handling\s+(\d{4})\s+nr\.?\s*(\d{1,4})(?-u:\b)", &HANDLING);
    let layout = layout::analyse(text, &|t| catalogue.is_heading(t) || paragraph_line(t, None).is_some());
    let lines = &layout.lines;
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| layout.kinds[i] == LineKind::Text)
        .collect();
    let line = |li: usize| &text[lines[li].0..lines[li].1];

    // The kind of document, from its first lines.
    let mut handling_number = None;
    let mut prefix_head: Option<(usize, String, String)> = None;
    for (k, &li) in content.iter().take(10).enumerate() {
        let t = line(li).trim();
        if let Some(c) = handling.captures(t) {
            handling_number.get_or_insert_with(|| format!("{} nr {}", &c[1], &c[2]));
        }
        if k < 6 && prefix_head.is_none() {
            if let Some((label, dt)) = catalogue.classify_prefix(t) {
                prefix_head = Some((li, label.to_string(), dt.to_string()));
            }
        }
    }

    // Pass 1: headings and § lines.
    let mut heads: Vec<Head> = Vec::new();
    let mut last_para: Option<u32> = None;
    let mut li = 0;
    while li < lines.len() {
        if layout.kinds[li] != LineKind::Text {
            li += 1;
            continue;
        }
        let (s, e) = lines[li];
        let l = line(li);
        let found = paragraph_line(l, last_para.map(|p| p + 1)).filter(|(n, case_id, inline, _)| {
            // `§ 242 och den 10 april 2024, § 310.` goes on from the line before: a reference, no paragraph;
            // so is a bare number below the last paragraph's.
            let goes_on =
                inline.is_some_and(|i| l[i..].starts_with(|c: char| c.is_lowercase() || c.is_ascii_punctuation()));
            !goes_on && (case_id.is_some() || last_para.is_none_or(|p| *n > p))
        });
        if let Some((n, case_id, inline, certain)) = found {
            last_para = Some(n);
            let (parts, body) = match inline {
                Some(i) => (vec![l[i..].trim().to_string()], e),
                None => paragraph_title(text, &layout, catalogue, li),
            };
            let title = (!parts.is_empty()).then(|| layout::join_lines(&parts));
            // The digits of the sign and the number as read (`8 863`: 8863; `43900`).
            let doubtful = (!certain).then(|| {
                l.split_whitespace()
                    .take(2)
                    .flat_map(str::chars)
                    .filter(char::is_ascii_digit)
                    .collect()
            });
            heads.push(Head {
                start: s,
                end: e,
                body: body + 1,
                label: "paragraph".into(),
                doc_type: "protokoll".into(),
                paragraph: Some(n),
                case_id,
                title,
                doubtful,
            });
            li = lines
                .iter()
                .position(|&(ls, _)| ls > body)
                .unwrap_or(lines.len())
                .max(li + 1);
            continue;
        }
        if let Some((pli, label, dt)) = &prefix_head {
            if *pli == li {
                heads.push(Head {
                    start: s,
                    end: e,
                    body: e + 1,
                    label: label.clone(),
                    doc_type: dt.clone(),
                    paragraph: None,
                    case_id: None,
                    title: Some(l.trim().to_string()),
                    doubtful: None,
                });
                li += 1;
                continue;
            }
        }
        // The parts of a KF bundle: `Yrkande    (Vänsterpartiet, Miljöpartiet)`, `Yttrande   Socialdemokraterna`,
        // `Yrkande 2022-10-28`, or a title line `Yrkande angående …` at a block start; the title line after
        // a bare part line is its title.
        let at_block = block_start(text, lines, &layout.kinds, li, heads.last().map(|h| h.start));
        if handling_number.is_some() && at_block {
            if let Some((head, skip)) = bundle_header(text, &layout, catalogue, li) {
                heads.push(head);
                li = skip;
                continue;
            }
            if let Some((label, dt)) = catalogue
                .classify_prefix(l)
                .filter(|(_, dt)| *dt != "motion" && *dt != "interpellation")
            {
                heads.push(Head {
                    start: s,
                    end: e,
                    body: e + 1,
                    label: label.into(),
                    doc_type: dt.into(),
                    paragraph: None,
                    case_id: None,
                    title: Some(l.trim().to_string()),
                    doubtful: None,
                });
                li += 1;
                continue;
            }
        }
        if let Some((label, dt)) = catalogue
            .classify(l, None, None)
            .filter(|_| !in_vote_table(&content, li, &line))
        {
            heads.push(Head {
                start: s,
                end: e,
                body: e + 1,
                label: label.into(),
                doc_type: dt.into(),
                paragraph: None,
                case_id: None,
                title: None,
                doubtful: None,
            });
        } else if at_block {
            if let Some((he, bs, label, dt)) = run_in(catalogue, l) {
                heads.push(Head {
                    start: s,
                    end: s + he,
                    body: s + bs,
                    label: label.into(),
                    doc_type: dt.into(),
                    paragraph: None,
                    case_id: None,
                    title: None,
                    doubtful: None,
                });
            }
        }
        li += 1;
    }

    // A § whose sign OCR misread may have a misread number too (`8 863` between nothing and § 865,
    // `43900` before § 391): the one before the next paragraph, when the digits allow it.
    let numbers: Vec<(usize, u32)> = heads
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.paragraph.map(|n| (i, n)))
        .collect();
    for w in numbers.windows(2) {
        let ((i, a), (_, b)) = (w[0], w[1]);
        let Some(raw) = heads[i].doubtful.as_deref() else {
            continue;
        };
        let c = b.saturating_sub(1);
        if c != a && c > 0 && (a.abs_diff(c) <= 9 || raw.contains(&c.to_string())) {
            heads[i].paragraph = Some(c);
        }
    }

    // The doc type.
    let paragraphs = heads.iter().filter(|h| h.paragraph.is_some()).count();
    let mut votes: Vec<(String, usize)> = Vec::new();
    for h in heads.iter().filter(|h| h.paragraph.is_none()) {
        let t = match h.doc_type.as_str() {
            "protokoll_paragraph" | "protokoll_front" => "protokoll",
            t => t,
        };
        match votes.iter_mut().find(|(k, _)| k == t) {
            Some((_, n)) => *n += 1,
            None => votes.push((t.to_string(), 1)),
        }
    }
    let best_vote = votes.iter().max_by_key(|(_, n)| *n).cloned();
    let protocol_votes = votes.iter().find(|v| v.0 == "protokoll").map_or(0, |v| v.1);
    let other_votes = votes
        .iter()
        .filter(|v| v.0 != "protokoll")
        .map(|v| v.1)
        .max()
        .unwrap_or(0);
    let opening: String = content
        .iter()
        .take(8)
        .map(|&li| fold(line(li)))
        .collect::<Vec<_>>()
        .join(" ");
    let doc_type = if handling_number.is_some() {
        "kf_handling".to_string()
    } else if paragraphs >= 1 && paragraphs + protocol_votes > other_votes {
        if opening.contains("utdrag") {
            "protokollsutdrag".to_string()
        } else {
            "protokoll".to_string()
        }
    } else if let Some((_, _, dt)) = &prefix_head {
        dt.clone()
    } else if (layout.protocol_number.is_some() || layout.meeting_date.is_some()) && other_votes < 2 {
        // A protocol page without a § on it (a roll-call table): its running header says what it is.
        "protokoll".to_string()
    } else {
        match best_vote {
            Some((t, n)) if n >= 2 => t,
            _ => "unknown".to_string(),
        }
    };
    let protocol = doc_type.starts_with("protokoll");

    // Pass 2: labels in the doc type's terms, levels and parents.
    let prefer = if protocol {
        Some("protokoll_paragraph")
    } else {
        Some(doc_type.as_str())
    };
    let mut kept: Vec<Head> = Vec::new();
    let mut in_paragraph = false;
    for mut h in heads {
        if h.paragraph.is_some() {
            in_paragraph = true;
        } else if h.title.is_none() {
            let l = &text[h.start..h.end];
            // Inside a protocol's paragraphs only the paragraph sub-headings count (`Ordförande` in a
            // signature or `Ersättare` in the text are none).
            let only = (protocol && in_paragraph).then_some("protokoll_paragraph");
            match catalogue.classify(l, prefer, only) {
                Some((label, dt)) => {
                    h.label = label.to_string();
                    h.doc_type = dt.to_string();
                }
                None => continue,
            }
        }
        kept.push(h);
    }

    let mut sections = Vec::new();
    let first = kept.first().map_or(text.len(), |h| h.start);
    if !text[..first].trim().is_empty() {
        sections.push(Section {
            label: "front_matter".into(),
            heading: None,
            level: 1,
            parent: None,
            heading_span: (0, 0),
            span: (0, first),
            body_span: (0, first),
            paragraph: None,
            case_id: None,
            title: None,
            text: layout::reflow(text, &layout, 0, first),
        });
    }
    let mut parent: Option<usize> = None;
    for (i, h) in kept.iter().enumerate() {
        let end = kept.get(i + 1).map_or(text.len(), |n| n.start);
        let trimmed_start = h.start + (text[h.start..h.end].len() - text[h.start..h.end].trim_start().len());
        let trimmed_end = trimmed_start + text[trimmed_start..h.end].trim_end().len();
        let body_start = h.body.min(end).max(h.end);
        let index = sections.len();
        // A § or a nested document's header opens a group; its sub-headings are level 2.
        // In a KF bundle, each part's header (a tjänsteutlåtande, a yrkande, a yttrande) opens a group and
        // the bundle's own headings (Kommunstyrelsens förslag) close it.
        let bundle = doc_type == "kf_handling";
        let opens = h.paragraph.is_some() || (bundle && h.label == "doc_header" && h.doc_type != "kf_handling");
        let nested = !opens
            && parent.is_some()
            && (h.doc_type == "protokoll_paragraph" || (bundle && h.doc_type != "kf_handling"));
        if opens {
            parent = Some(index);
        } else if !nested && h.doc_type != "protokoll_paragraph" {
            parent = None;
        }
        sections.push(Section {
            label: h.label.clone(),
            heading: Some(text[trimmed_start..trimmed_end].to_string()),
            level: if nested { 2 } else { 1 },
            parent: if nested { parent } else { None },
            heading_span: (trimmed_start, trimmed_end),
            span: (trimmed_start, end),
            body_span: (body_start, end),
            paragraph: h.paragraph,
            case_id: h.case_id.clone(),
            title: h.title.clone(),
            text: layout::reflow(text, &layout, body_start, end),
        });
    }
    let mut metadata = metadata(text, &sections);
    metadata.protocol_number = layout.protocol_number;
    metadata.meeting_date = layout.meeting_date.clone();
    metadata.handling_number = handling_number;
    let furniture = lines
        .iter()
        .zip(&layout.kinds)
        .filter(|(_, k)| **k == LineKind::Furniture)
        .map(|(&sp, _)| sp)
        .collect();
    metadata.footnotes = layout.footnotes;
    metadata.urls = layout.urls;
    metadata.signatories = layout.signatories;
    Segmented {
        doc_type,
        sections,
        metadata,
        furniture,
    }
}

/// The title of the protocol § on line `li` when the § line has none: the next lines of text up to the
/// first sub-heading (`Beslut`) when one follows within four lines, else up to a blank line and before a
/// sentence; a title that is a heading of its own (`Ordningsfråga`) is one line. Returns the title's lines
/// and where they end (the § line's end when there are none).
fn paragraph_title(text: &str, layout: &layout::Layout, catalogue: &Catalogue, li: usize) -> (Vec<String>, usize) {
    let lines = &layout.lines;
    let line = |j: usize| &text[lines[j].0..lines[j].1];
    let mut seen: Vec<usize> = Vec::new();
    let mut j = li + 1;
    let mut reached = false;
    while j < lines.len() && seen.len() < 4 {
        match layout.kinds[j] {
            LineKind::Text => {
                let t = line(j).trim();
                // A sub-heading ends the title; the first line is the title all the same unless it is the
                // decision (`§ 21` / `Ordningsfråga` / `Med anledning av …`).
                let sub = catalogue.classify(t, Some("protokoll_paragraph"), Some("protokoll_paragraph"));
                if sub.is_some_and(|(label, _)| !seen.is_empty() || label == "decision") {
                    reached = true;
                    break;
                }
                if paragraph_line(t, None).is_some() {
                    break;
                }
                seen.push(j);
            }
            LineKind::Blank | LineKind::Furniture => {}
            _ => break,
        }
        j += 1;
    }
    if !reached {
        let first_gap = seen
            .windows(2)
            .position(|w| w[1] != w[0] + 1)
            .map_or(seen.len(), |p| p + 1);
        seen.truncate(first_gap);
        if let Some(&first) = seen.first() {
            let sentence = seen
                .iter()
                .position(|&j| line(j).trim_end().ends_with(['.', '?', '!']))
                .unwrap_or(seen.len());
            let own = catalogue
                .classify(line(first), Some("protokoll_paragraph"), None)
                .is_some();
            seen.truncate(if own { 1 } else { sentence.max(1) });
        }
    }
    let end = seen.last().map_or(lines[li].1, |&j| lines[j].1);
    (seen.iter().map(|&j| line(j).trim().to_string()).collect(), end)
}

/// A part of a KF bundle starting on line `li` (see [`bundle_part`]), with its title: a `Yrkande angående …`
/// line among the next two lines of text (a date line may stand between) with the lines it wraps onto,
/// else the part line itself. Returns the header and the line to go on from.
fn bundle_header(text: &str, layout: &layout::Layout, catalogue: &Catalogue, li: usize) -> Option<(Head, usize)> {
    let lines = &layout.lines;
    let line = |j: usize| &text[lines[j].0..lines[j].1];
    let (s, e) = lines[li];
    let dt = bundle_part(line(li))?;
    let next: Vec<usize> = ((li + 1)..lines.len())
        .filter(|&j| layout.kinds[j] == LineKind::Text)
        .take(2)
        .collect();
    let titled = next.into_iter().find(|&j| catalogue.classify_prefix(line(j)).is_some());
    let (title, body_end, skip) = match titled {
        Some(j) => {
            let mut k = j;
            while k + 1 < lines.len()
                && k < j + 3
                && layout.kinds[k + 1] == LineKind::Text
                && catalogue.classify(line(k + 1), None, None).is_none()
            {
                k += 1;
            }
            let parts: Vec<&str> = (j..=k).map(&line).collect();
            (layout::join_lines(&parts), lines[k].1, k + 1)
        }
        None => (line(li).split_whitespace().collect::<Vec<_>>().join(" "), e, li + 1),
    };
    let head = Head {
        start: s,
        end: e,
        body: body_end + 1,
        label: "doc_header".into(),
        doc_type: dt.into(),
        paragraph: None,
        case_id: None,
        title: Some(title),
        doubtful: None,
    };
    Some((head, skip))
}

/// The doc type of a line that starts a part of a KF bundle on its own: `Yrkande` or `Yttrande` alone, or
/// followed by a wide gap (a second column with the parties), a date or parentheses.
fn bundle_part(line: &str) -> Option<&'static str> {
    static PART: OnceLock<Regex> = OnceLock::new();
    let part = re(
        r"^\s*((?:Tilläggs|Ändrings|Återremiss)yrkande|Yrkande|Reviderat\s+yrkande|Särskilt\s+yttrande|Yttrande)(?:\s*$|\s{3,}\S|\s+\d{4}-\d{2}-\d{2}|\s*\()",
        &PART,
    );
    let c = part.captures(line)?;
    Some(if c[1].to_lowercase().contains("yrkande") {
        "political_proposal"
    } else {
        "political_statement"
    })
}

/// Is line `li` a cell of a roll-call table (`Elisabet Lann` / `KD` / `Ledamot` / `Ja`), where `Ersättare`
/// is a role and no heading? Two or more of its six neighbours on either side are votes or roles.
fn in_vote_table<'t>(content: &[usize], li: usize, line: &dyn Fn(usize) -> &'t str) -> bool {
    let Ok(k) = content.binary_search(&li) else {
        return false;
    };
    let cell = |j: usize| {
        matches!(
            fold(line(j).trim()).as_str(),
            "ja" | "nej" | "avstar" | "ledamot" | "ersattare" | "franvarande"
        )
    };
    let around = content[k.saturating_sub(6)..k]
        .iter()
        .chain(content.iter().skip(k + 1).take(6));
    around.filter(|&&j| cell(j)).count() >= 2
}

/// Does a new block start at line `li`: at the start of the text, after a blank line, a page break or
/// furniture, a line ending a sentence or a clause (`.`, `:`), or right after a heading?
fn block_start(text: &str, lines: &[(usize, usize)], kinds: &[LineKind], li: usize, last_head: Option<usize>) -> bool {
    let Some(prev) = (0..li).rev().find(|&j| kinds[j] != LineKind::Furniture) else {
        return true;
    };
    if prev + 1 != li {
        return true;
    }
    let (ps, pe) = lines[prev];
    let p = text[ps..pe].trim_end();
    p.trim().is_empty()
        || p.ends_with(['.', ':', '!', '?'])
        || text[pe..lines[li].0].contains('\u{c}')
        || last_head == Some(ps)
}

/// A heading that runs into its text on the same line (`Sammanfattning I budget för 2022 fick …`,
/// `Samverkan Samverkan har skett …`): the longest run of one to six words that is a catalogue heading
/// and is followed by a word starting with a capital letter (the text's first sentence). Returns the
/// heading's end and the body's start as offsets into the line, and the heading's label and doc type.
fn run_in<'c>(catalogue: &'c Catalogue, line: &str) -> Option<(usize, usize, &'c str, &'c str)> {
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
        // The body's first word: a capital, or a capital I as OCR writes it (`Ärendet ! budget för 2022`).
        let rest = &line[body..];
        // Or a numbered list (`Bilagor 1. Bakgrund Göteborgs Kulturkalas`).
        let misread_i = ["! ", "| ", "1 ", "[ ", "] ", "l "].iter().any(|p| rest.starts_with(p));
        let numbered = {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            let after = rest[digits..].trim_start_matches('.');
            (1..=2).contains(&digits) && after.starts_with(' ') && after.trim_start().starts_with(char::is_uppercase)
        };
        if !(rest.chars().next().is_some_and(char::is_uppercase) || misread_i || numbered) {
            continue;
        }
        if let Some((label, t)) = catalogue.classify(&line[..he], None, None) {
            return Some((he, body, label, t));
        }
    }
    None
}

fn metadata(text: &str, sections: &[Section]) -> Metadata {
    static CASE: OnceLock<Regex> = OnceLock::new();
    static DATE: OnceLock<Regex> = OnceLock::new();
    static LONG_DATE: OnceLock<Regex> = OnceLock::new();
    static BODY: OnceLock<Regex> = OnceLock::new();
    // SLK-2023-01038 (possibly cut at a line end: SLK-2023-\n01038), 0186/24, Dnr KS 2018/124.
    let case = re(
        r"(?-u:\b)(\p{Lu}{2,6}(?:-\p{Lu}{1,6})?-\d{4}-(?:\s*\n\s*)?\d{2,6})(?-u:\b)|(?i:ärendenummer|diarienummer|dnr\.?)[:\s]+((?:\p{Lu}{1,6}\s+)?\d{1,6}/\d{2,4})(?-u:\b)",
        &CASE,
    );
    let date = re(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)", &DATE);
    let long_date = re(
        r"(?i)(?-u:\b)(\d{1,2})\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(\d{4})(?-u:\b)",
        &LONG_DATE,
    );
    let body = re(r"^\s*I (\p{L}[^:\n]{2,80}):\s*$", &BODY);
    let mut m = Metadata::default();
    for c in case.captures_iter(text) {
        let id: String = match (c.get(1), c.get(2)) {
            (Some(g), _) => g.as_str().split_whitespace().collect(),
            (_, Some(g)) => g.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
            _ => String::new(),
        };
        if !id.is_empty() && !m.case_ids.contains(&id) {
            m.case_ids.push(id);
        }
    }
    // Dates in order of their first mention, whichever way they are written.
    let mut found: Vec<(usize, String)> = Vec::new();
    for c in date.captures_iter(text) {
        let (mo, d): (u32, u32) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if (1..=12).contains(&mo) && (1..=31).contains(&d) {
            found.push((c.get(0).map_or(0, |g| g.start()), c[0].to_string()));
        }
    }
    for c in long_date.captures_iter(text) {
        let d: u32 = c[1].parse().unwrap_or(0);
        let mo = MONTHS
            .iter()
            .position(|m| m.eq_ignore_ascii_case(&c[2]))
            .map_or(0, |i| i + 1);
        if (1..=31).contains(&d) {
            found.push((c.get(0).map_or(0, |g| g.start()), format!("{}-{mo:02}-{d:02}", &c[3])));
        }
    }
    found.sort();
    for (_, d) in found {
        if !m.dates.contains(&d) {
            m.dates.push(d);
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
        assert_eq!(
            s.sections[3].heading.as_deref(),
            Some("Beddmning ur ekonomisk dimension")
        );
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
        assert_eq!(
            labels,
            ["front_matter", "paragraph", "decision", "paragraph", "documents"]
        );
        assert_eq!(s.metadata.paragraphs, [12, 13]);
    }

    #[test]
    fn headings_running_into_their_text() {
        let text = "Tjänsteutlåtande\n\nFörslag till beslut I kommunstyrelsen:\nRapporten antecknas.\n\nSammanfattning I budget för 2022 fick\nkommunstyrelsen ett uppdrag.\nSamverkan har skett i FSG.\n\nSamverkan Samverkan har skett i FSG.\n";
        let s = segment(text);
        let got: Vec<(&str, Option<&str>)> = s
            .sections
            .iter()
            .map(|s| (s.label.as_str(), s.heading.as_deref()))
            .collect();
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
    fn references_to_paragraphs_are_no_paragraphs() {
        let text = "§ 364 Ärendenummer SLK-2023-00785\nTitel\nBeslut\n\nBordlagt den 7 februari 2024, § 101, den 20 mars 2024,\n§ 242 och den 10 april 2024, § 310.\n\nHandlingar\nText.\n";
        let s = segment(text);
        let labels: Vec<&str> = s.sections.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["paragraph", "decision", "documents"]);
        assert_eq!(s.sections[0].title.as_deref(), Some("Titel"));
        assert_eq!(s.sections[0].case_id.as_deref(), Some("SLK-2023-00785"));
    }

    #[test]
    fn paragraph_signs_as_ocr_writes_them() {
        let text = "43900 Avendenummer SEK-2024-00343\n\nRemiss från Trafikverket\nBeslut\nText.\n\n& 391 Arvrendenummer SE R-2024-00274\nDelårsrapport\nBeslut\nText.\n\n8 392 Ärendenummer SLK-2024-00335\nHemställan\nBeslut\nText.\n";
        let s = segment(text);
        assert_eq!(s.metadata.paragraphs, [390, 391, 392]);
        let ids: Vec<&str> = s.sections.iter().filter_map(|s| s.case_id.as_deref()).collect();
        assert_eq!(ids, ["SEK-2024-00343", "SER-2024-00274", "SLK-2024-00335"]);
        assert_eq!(s.doc_type, "protokoll");
    }

    #[test]
    fn metadata_forms_and_furniture() {
        let text = "Kommunfullmäktige\nHandling 2025 nr 32\n\nTjänsteskrivelse\nDnr KS 2018/124\n\nSammanfattning\nBeslutet fattades den 3 mars 2025 och\n\nSida 1 av 2\n\ngäller från 2025-04-01.\n";
        let s = segment(text);
        assert_eq!(s.metadata.case_ids, ["KS 2018/124"]);
        assert_eq!(s.metadata.handling_number.as_deref(), Some("2025 nr 32"));
        assert_eq!(s.metadata.dates, ["2025-03-03", "2025-04-01"]);
        assert_eq!(s.doc_type, "kf_handling");
        let summary = s.sections.iter().find(|x| x.label == "summary").unwrap();
        // The page number is furniture, and the sentence goes on across it.
        assert_eq!(
            summary.text,
            "Beslutet fattades den 3 mars 2025 och gäller från 2025-04-01."
        );
        assert_eq!(s.furniture.len(), 1);
    }

    #[test]
    fn user_catalogue() {
        let c = Catalogue::from_tsv("doc_type\tlabel\tvariants\nbrev\tgreeting\tHej|Hejsan\n").unwrap();
        let s = segment_with("Hej\nText\n", &c);
        assert_eq!(s.sections[0].label, "greeting");
        assert!(Catalogue::from_tsv("h\nbad line\n").is_err());
    }
}
