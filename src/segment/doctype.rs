//! Where the doc type is decided: the headings found vote for the kind of document they belong to, with
//! the § lines, a KF handling number, a title line and the running header as stronger evidence; then every
//! heading is labelled again in that type's terms.
use super::head::Head;
use super::headings::{capital_lost, Opening};
use super::layout::Layout;
use super::paragraphs::paragraph_line;
use crate::catalogue::{Catalogue, DocType, Label, Scope};
use crate::text::fold;

/// A type needs this many headings' votes to be chosen on votes alone.
const MIN_VOTES: usize = 2;

/// The doc type, from the headings found and what the opening and the layout say.
pub(super) fn decide(heads: &[Head], opening: &Opening, layout: &Layout) -> DocType {
    let paragraphs = heads.iter().filter(|h| h.paragraph.is_some()).count();
    // Votes in the order the types are first seen; on a tie the last of them wins.
    let mut votes: Vec<(&DocType, usize)> = Vec::new();
    // A heading the catalogue does not name votes for no type.
    for h in heads
        .iter()
        .filter(|h| h.paragraph.is_none() && h.label != Label::SECTION)
    {
        let t = h.scope.doc_type();
        match votes.iter_mut().find(|(k, _)| *k == t) {
            Some((_, n)) => *n += 1,
            None => votes.push((t, 1)),
        }
    }
    let best_vote = votes.iter().max_by_key(|(_, n)| *n);
    let protocol_votes = votes.iter().find(|v| *v.0 == DocType::Protokoll).map_or(0, |v| v.1);
    let other_votes = votes
        .iter()
        .filter(|v| *v.0 != DocType::Protokoll)
        .map(|v| v.1)
        .max()
        .unwrap_or(0);
    if opening.handling_number.is_some() {
        DocType::KfHandling
    } else if paragraphs >= 1 && (opening.protocol || paragraphs + protocol_votes > other_votes) {
        // A § line in a document whose opening or running header says protocol (`SAMMANTRÄDESPROTOKOLL`
        // over one §) is a protocol, whatever its headings would vote: those of a § (`Sammanfattning av
        // ärendet`, `Beslutsunderlag`) are a tjänsteutlåtande's too.
        if opening.folded.contains("utdrag") {
            DocType::Protokollsutdrag
        } else {
            DocType::Protokoll
        }
    } else if let Some((_, _, scope)) = &opening.title_line {
        scope.doc_type().clone()
    } else if (layout.protocol_number.is_some() || layout.meeting_date.is_some()) && other_votes < MIN_VOTES {
        // A protocol page without a § on it (a roll-call table): its running header says what it is.
        DocType::Protokoll
    } else {
        match best_vote {
            Some((t, n)) if *n >= MIN_VOTES => (*t).clone(),
            _ => DocType::Unknown,
        }
    }
}

/// The second pass: each heading labelled in the doc type's terms (a variant several types share takes
/// this type's label), and dropped when it is no heading there: inside a protocol's paragraphs only the
/// catalogue's paragraph sub-headings count (`Ordförande` in a signature or `Ersättare` in the text are
/// none), beside the headings the catalogue does not name.
pub(super) fn relabel(
    text: &str,
    catalogue: &Catalogue,
    heads: Vec<Head>,
    doc_type: &DocType,
    opening: &Opening,
) -> Vec<Head> {
    let protocol = doc_type.is_protocol();
    let prefer = if protocol {
        Scope::Paragraph
    } else {
        Scope::Doc(doc_type.clone())
    };
    // Does a heading name the protocol's own body (`Kommunfullmäktiges handläggning` in kommunfullmäktige's)?
    let own_body = |h: &Head| {
        h.decision_body
            .as_deref()
            .map(fold)
            .is_some_and(|o| o.len() >= 4 && opening.top.contains(o.trim_end_matches('s')))
    };
    let mut kept: Vec<Head> = Vec::new();
    let mut in_paragraph = false;
    for mut h in heads {
        // The first entry of a protocol's table of contents that no heading opened stands for the table
        // (a statute's § lines in a bundle, which repeat when old and new stand side by side, do not).
        let toc_entry = protocol
            && h.label == Label::TABLE_OF_CONTENTS
            && (h.headless || paragraph_line(&text[h.start..h.end], None).is_some());
        // Its entry is no heading to label by its words in any other document.
        if h.headless && !toc_entry {
            continue;
        }
        if h.paragraph.is_some() {
            in_paragraph = true;
        } else if h.label == Label::SECTION {
            // Not in a protocol's front matter, which is read by its fields, nor in a KF bundle; under a §
            // it is a heading of the report the § decides on (other kommuner copy the tjänsteskrivelse in).
            if (protocol && !in_paragraph) || *doc_type == DocType::KfHandling {
                continue;
            }
        } else if h.title.is_none() && !toc_entry {
            let only = (protocol && in_paragraph).then_some(&Scope::Paragraph);
            // The first pass took a line in lowercase only where it stands alone (see `capital_lost`).
            let line = &text[h.start..h.end];
            let read = capital_lost(line).unwrap_or_else(|| line.to_string());
            let found = if h.damaged {
                catalogue.classify_damaged(&read, Some(&prefer), only)
            } else {
                catalogue.classify(&read, Some(&prefer), only)
            };
            match found {
                Some((label, scope)) => {
                    h.label = label.clone();
                    h.scope = scope.clone();
                }
                None => continue,
            }
        }
        // Under a §, a proposal to another body right after the decision (`Beslut` / its text / `Förslag till
        // beslut i kommunfullmäktige:`) is this body's proposal to the next organ, as `Kommunstyrelsens
        // förslag` is in a KF bundle; before the decision it is the proposal this body decided on.
        let decided = in_paragraph && kept.last().is_some_and(|p| p.label == Label::DECISION);
        if protocol && decided && h.label == Label::PROPOSED_DECISION && h.decision_body.is_some() && !own_body(&h) {
            h.label = Label::new("board_proposal");
        }
        // In a tjänsteskrivelse, `Förvaltningens yttrande` (the office, unnamed) is the writing office's own
        // assessment; a KF bundle quotes other offices' statements under the same words.
        let office = h.decision_body.as_deref().is_some_and(|o| fold(o) == "forvaltningen");
        if *doc_type == DocType::Tjansteutlatande && h.label == "statement" && office {
            h.label = Label::new("office_assessment");
        }
        // `Kommunfullmäktiges handläggning` in kommunfullmäktige's own protocol is its handling at this
        // meeting (the proposals and how they were decided), not an earlier one of another body.
        if protocol && h.label == "previous_handling" && own_body(&h) {
            h.label = Label::new("proposals_in_meeting");
        }
        // A heading ending in a colon right under another is that one's first line of text
        // (`Beslut` / `Kommunfullmäktiges beslut:`, `Förslag till beslut på sammanträdet` / `Arbetsutskottets
        // förslag till beslut:`).
        let alone = text[h.end..]
            .split('\n')
            .next()
            .is_none_or(|rest| rest.trim().is_empty());
        // Only under a §, of the heading above's kind (a decision's, a proposal's), not a front page's field
        // names stacked over their values (`Plats och tid:` / `Beslutande:`).
        let lead_in = alone
            && in_paragraph
            && h.paragraph.is_none()
            && text[h.start..h.end].trim_end().ends_with(':')
            && kept.last().is_some_and(|p| {
                p.paragraph.is_none()
                    && p.end <= h.start
                    && text[p.end..h.start].trim().is_empty()
                    && (p.label == h.label || (p.label == "proposals_in_meeting" && h.label == "proposed_decision"))
            });
        if lead_in {
            continue;
        }
        kept.push(h);
    }
    kept
}
