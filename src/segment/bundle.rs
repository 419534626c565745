//! The parts of a KF bundle (a KF handling): each yrkande, tilläggsyrkande or yttrande starts on a part
//! line of its own (`Yrkande    (Vänsterpartiet, Miljöpartiet)`, `Yttrande   Socialdemokraterna`,
//! `Yrkande 2022-10-28`) with its title below (`Yrkande angående …`).
use super::head::Head;
use super::layout::{join_lines, Layout, LineKind};
use crate::catalogue::{Catalogue, DocType, Label, Scope};
use crate::lang::{alternation, PROPOSAL_PARTS, STATEMENT_PARTS};

/// A part of a KF bundle starting on line `li` (see [`bundle_part`]), with its title: a `Yrkande angående …`
/// line among the next two lines of text (a date line may stand between) with the lines it wraps onto,
/// else the part line itself. Returns the header and the line to go on from.
pub(super) fn bundle_header(
    text: &str,
    layout: &Layout,
    catalogue: &Catalogue,
    li: usize,
    runs_in: impl Fn(&str) -> bool,
) -> Option<(Head, usize)> {
    let lines = &layout.lines;
    let line = |j: usize| layout.line(text, j);
    let (s, e) = lines[li];
    let doc_type = bundle_part(line(li))?;
    let next: Vec<usize> = ((li + 1)..lines.len())
        .filter(|&j| layout.kinds[j] == LineKind::Text)
        .take(2)
        .collect();
    let titled = next.into_iter().find(|&j| catalogue.classify_prefix(line(j)).is_some());
    let (title, body_end, skip) = match titled {
        Some(j) => {
            let mut k = j;
            // The title ends at a heading under it, also one that runs into its text (`Förslag till beslut:
            // I kommunstyrelsen …`, where OCR lost the blank line between).
            while k + 1 < lines.len()
                && k < j + 3
                && layout.kinds[k + 1] == LineKind::Text
                && catalogue.classify(line(k + 1), None, None).is_none()
                && !runs_in(line(k + 1))
            {
                k += 1;
            }
            let parts: Vec<&str> = (j..=k).map(&line).collect();
            (join_lines(&parts), lines[k].1, k + 1)
        }
        None => (line(li).split_whitespace().collect::<Vec<_>>().join(" "), e, li + 1),
    };
    let head = Head {
        body: body_end + 1,
        ..Head::line(s, e, &Label::DOC_HEADER, &Scope::Doc(doc_type), Some(title))
    };
    Some((head, skip))
}

/// The doc type of a line that starts a part of a KF bundle on its own: `Yrkande` or `Yttrande` alone, or
/// followed by a wide gap (a second column with the parties), a date, parentheses or the parties' list.
fn bundle_part(line: &str) -> Option<DocType> {
    let part = regex!(format!(
        r"^\s*({}|{})(?:\s*$|\s{{3,}}\S|\s+\d{{4}}-\d{{2}}-\d{{2}}|\s*\(|\s+{party}(?:\s*(?:,|och)\s*{party})+\s*$)",
        alternation(&PROPOSAL_PARTS),
        alternation(&STATEMENT_PARTS),
        // The parties' column, its gap closed by OCR (`Yttrande M, D, L, KD`): their letters or names.
        party = r"(?:\p{Lu}{1,3}|\p{Lu}\p{Ll}+(?:erna|partiet))"
    ));
    let c = part.captures(line)?;
    Some(if c[1].to_lowercase().contains("yrkande") {
        DocType::PoliticalProposal
    } else {
        DocType::PoliticalStatement
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_lines() {
        assert_eq!(
            bundle_part("Yrkande    (Vänsterpartiet)"),
            Some(DocType::PoliticalProposal)
        );
        assert_eq!(
            bundle_part("Tilläggsyrkande 2022-10-28"),
            Some(DocType::PoliticalProposal)
        );
        assert_eq!(bundle_part("Särskilt yttrande"), Some(DocType::PoliticalStatement));
        assert_eq!(bundle_part("Yrkande angående budget"), None);
    }
}
