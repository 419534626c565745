//! Metadata: the facts of a document that indexers filter on (case ids, dates, the deciding body, §
//! numbers), collected from its text and sections; the layout adds footnotes, URLs, signatories and the
//! running header's protocol number and meeting date.
use serde::Serialize;

use super::assemble::Section;
use super::layout::{Footnote, Layout, LineKind, Signatory, Url};
use crate::catalogue::Label;
use crate::lang::{alternation, CASE_NUMBER_ABBREVIATION, CASE_NUMBER_WORDS, MONTHS};
use crate::text::fold;

/// Facts found in a document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// Case ids (ärendenummer, diarienummer): `SLK-2023-01038`, `0186/24`, `KS 2018/124`, in order of first
    /// mention.
    pub case_ids: Vec<String>,
    /// Dates (ISO `2024-05-29`, and `den 24 april 2024` as `2024-04-24`), in order of first mention.
    pub dates: Vec<String>,
    /// The body a proposed decision is addressed to (`I nämnden för Intraservice:` → `nämnden för Intraservice`);
    /// none for a protocol of several §, whose sections each carry their own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_body: Option<String>,
    /// Protocol paragraph numbers, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<u32>,
    /// `Protokoll nr 14`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol_number: Option<u32>,
    /// `Sammanträdesdatum: 2024-05-08`; in a protocol with no such label, the date alone in its running header
    /// (`Kommunstyrelsen` / `Protokoll` / `2026-06-01` on every page) or under `Protokoll` at its head.
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
    /// `modern`, `older` (`äro`, `voro`, `hemställes`) or `pre-reform` (`hvilka`, `behöfver`, `af`): the
    /// spelling of the text, as repair found it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orthography: Option<&'static str>,
}

/// The metadata found in `text` and its sections (the layout's part is added by the caller); `protocol`:
/// is the document a protocol (not an extract of one)?
pub(super) fn collect(text: &str, sections: &[Section], protocol: bool) -> Metadata {
    // The case numbers of the § lines (in any of their shapes: `KS/2025:41`), then those of the text.
    let ids = sections.iter().filter_map(|s| s.case_id.clone()).chain(case_ids(text));
    Metadata {
        case_ids: once_each(ids),
        dates: dates(text),
        decision_body: decision_body(text, sections, protocol),
        paragraphs: sections.iter().filter_map(|s| s.paragraph).collect(),
        ..Metadata::default()
    }
}

/// Case ids in the order they are mentioned, each mention (`collect` lists each id once): SLK-2023-01038 (possibly cut at a line end: SLK-2023-⏎01038),
/// 0186/24, Dnr KS 2018/124, and after a word that names it any shape of a § line's (`Diarienr: 2025.032 TEN`,
/// `Dnr: KS/2025:41`).
fn case_ids(text: &str) -> impl Iterator<Item = String> {
    let words: Vec<&str> = CASE_NUMBER_WORDS.iter().map(|(w, _)| *w).collect();
    let case = regex!(format!(
        r"(?-u:\b)(\p{{Lu}}{{2,6}}(?:-\p{{Lu}}{{1,6}})?-\d{{4}}-(?:\s*\n\s*)?\d{{2,6}})(?-u:\b)|(?i:{}|{}\.?)[:\s]+((?:\p{{Lu}}{{1,6}}\s+)?\d{{1,6}}/\d{{2,4}})(?-u:\b)",
        alternation(&words),
        CASE_NUMBER_ABBREVIATION
    ));
    let mut found: Vec<(usize, String)> = Vec::new();
    for c in case.captures_iter(text) {
        let (at, id): (usize, String) = match (c.get(1), c.get(2)) {
            (Some(g), _) => (g.start(), g.as_str().split_whitespace().collect()),
            (_, Some(g)) => (g.start(), g.as_str().split_whitespace().collect::<Vec<_>>().join(" ")),
            _ => continue,
        };
        found.push((at, id));
    }
    // After a word that names it, a case number in any shape a § line may hold (`Diarienr: 2025.032 TEN`).
    for (at, id) in super::paragraphs::labelled_case_ids(text) {
        if !found.iter().any(|(a, _)| *a == at) {
            found.push((at, id));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, id)| id)
}

/// `ids` each once, in order: one id written two ways (`EXF-2023-01410`, `EXF 2023-01410`), on a § line and
/// in the text or twice in the text, is listed once, as first written.
fn once_each(ids: impl Iterator<Item = String>) -> Vec<String> {
    let key = |id: &str| -> String { id.chars().filter(|c| !matches!(c, ' ' | '-' | '–')).collect() };
    let mut seen = std::collections::HashSet::new();
    ids.filter(|id| !id.is_empty() && seen.insert(key(id))).collect()
}

/// Dates in order of their first mention, whichever way they are written (ISO, `den 3 mars 2025`).
fn dates(text: &str) -> Vec<String> {
    let date = regex!(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)");
    let long_date = regex!(format!(
        r"(?i)(?-u:\b)(\d{{1,2}})\s+({})\s+(\d{{4}})(?-u:\b)",
        alternation(&MONTHS)
    ));
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
    let mut dates: Vec<String> = Vec::new();
    for (_, d) in found {
        if !dates.contains(&d) {
            dates.push(d);
        }
    }
    dates
}

/// The meeting's date of a protocol that writes it with no label: the date alone on a line of the running
/// header, the same on at least two pages (`Kommunstyrelsen` / `Protokoll` / `2026-06-01`), or alone on the
/// line under the word `Protokoll` among the document's first lines (`Sammanträdesprotokoll` / `16 juni
/// 2026`). (`Sammanträdesdatum: …` is read with the page furniture.)
pub(super) fn header_date(text: &str, layout: &Layout) -> Option<String> {
    let alone = |li: usize| -> Option<String> {
        let t = layout.line(text, li).trim();
        let ds = dates(t);
        let bare = regex!(r"^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\s+\d{4})$");
        (ds.len() == 1 && bare.is_match(t)).then(|| ds[0].clone())
    };
    let mut repeated: Vec<(String, usize)> = Vec::new();
    for li in (0..layout.lines.len()).filter(|&li| layout.kinds[li] == LineKind::Furniture) {
        if let Some(d) = alone(li) {
            match repeated.iter_mut().find(|(r, _)| *r == d) {
                Some((_, n)) => *n += 1,
                None => repeated.push((d, 1)),
            }
        }
    }
    if let Some((d, _)) = repeated.into_iter().find(|(_, n)| *n >= HEADER_DATE_PAGES) {
        return Some(d);
    }
    let first: Vec<usize> = (0..layout.lines.len())
        .filter(|&li| !layout.line(text, li).trim().is_empty())
        .take(HEADER_DATE_LINES)
        .collect();
    first.windows(2).find_map(|w| {
        fold(layout.line(text, w[0]))
            .split_whitespace()
            .any(|word| word.ends_with("protokoll"))
            .then(|| alone(w[1]))
            .flatten()
    })
}

/// A date the running header repeats on this many pages is the meeting's.
const HEADER_DATE_PAGES: usize = 2;
/// A protocol's head (`Kommunstyrelsen` / `Protokoll` / `2026-06-01`) stands in this many first lines.
const HEADER_DATE_LINES: usize = 6;

/// The body a proposed decision is addressed to: `I nämnden för Intraservice:` under `Förslag till beslut`.
/// Or the organ the (first such) heading itself names (`Förslag till beslut i byggnadsnämnden`). None for a protocol
/// of several §: each § proposes to a body of its own (its section says which), the document to none. (A
/// KF bundle's § extracts stand over one matter, whose tjänsteutlåtande names the body.)
fn decision_body(text: &str, sections: &[Section], protocol: bool) -> Option<String> {
    let mut paragraphs = sections.iter().filter_map(|s| s.paragraph);
    if protocol && paragraphs.next().is_some_and(|first| paragraphs.any(|p| p != first)) {
        return None;
    }
    // The first proposal that names its body (`Förslag till beslut` over `Förslag till beslut i tekniska
    // nämnden` and `… i kommunstyrelsen`: the first body named is the one addressed).
    sections
        .iter()
        .filter(|s| s.label == Label::PROPOSED_DECISION)
        .find_map(|s| {
            text[s.body_span.0..s.body_span.1]
                .lines()
                .find_map(addressed_body)
                .or_else(|| s.decision_body.clone())
        })
}

/// The body a proposal's line addresses (`I kommunstyrelsen:` → `kommunstyrelsen`): a letter and 2 to 80
/// characters up to the colon that ends the line. (The length is bounded in code: a bounded repeat of a
/// Unicode class is compiled once per repeat.)
fn addressed_body(line: &str) -> Option<String> {
    regex!(r"^\s*I (\p{L}[^:\n]+):\s*$")
        .captures(line)
        .filter(|c| (3..=81).contains(&c[1].chars().count()))
        .map(|c| c[1].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bound in code selects what the bounded pattern it replaces selected.
    #[test]
    fn addressed_body_is_the_bounded_pattern() {
        let bounded = regex::Regex::new(r"^\s*I (\p{L}[^:\n]{2,80}):\s*$").unwrap();
        let mut lines = vec![
            "I kommunstyrelsen:".to_string(),
            "  I Tekniska nämnden:  ".into(),
            "I ks:".into(),
            "I k:".into(),
        ];
        lines.extend([
            "I kf: x:".to_string(),
            "I a:b:".into(),
            "Inte i kommunstyrelsen:".into(),
        ]);
        for n in [1, 2, 79, 80, 81] {
            lines.push(format!("I n{}:", "ä".repeat(n)));
        }
        for l in &lines {
            let old = bounded.captures(l).map(|c| c[1].trim().to_string());
            assert_eq!(addressed_body(l), old, "{l}");
        }
        assert_eq!(addressed_body("I kommunstyrelsen:").as_deref(), Some("kommunstyrelsen"));
    }
}
