//! A heading as the first pass finds it, before it becomes a section.
use crate::catalogue::{Label, Scope};

/// One heading found: where its line starts, where the heading ends, where the body starts, and what it is.
#[derive(Clone, Debug)]
pub(super) struct Head {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) body: usize,
    pub(super) label: Label,
    pub(super) scope: Scope,
    pub(super) paragraph: Option<u32>,
    /// The letter of a § inserted between two (`§ 3 a`).
    pub(super) letter: Option<char>,
    pub(super) case_id: Option<String>,
    pub(super) title: Option<String>,
    /// The organ a heading of a variable shape names (`Förslag till beslut i byggnadsnämnden`).
    pub(super) decision_body: Option<String>,
    /// For a § line whose sign OCR misread: the line's leading digits, to check the number against its
    /// neighbours.
    pub(super) doubtful: Option<String>,
    /// A heading of the catalogue known only by the layout, its words damaged beyond the catalogue's
    /// tolerance (see `Catalogue::classify_damaged`): labelled again on the same terms.
    pub(super) damaged: bool,
    /// A section with no heading of its own that begins at `start` (a table of contents that no
    /// `Innehåll` opens begins at its first entry, which is no heading).
    pub(super) headless: bool,
}

impl Head {
    /// A heading that is the line `start..end`, its body on the next line.
    pub(super) fn line(start: usize, end: usize, label: &Label, scope: &Scope, title: Option<String>) -> Head {
        Head {
            start,
            end,
            body: end + 1,
            label: label.clone(),
            scope: scope.clone(),
            paragraph: None,
            letter: None,
            case_id: None,
            title,
            decision_body: None,
            doubtful: None,
            damaged: false,
            headless: false,
        }
    }
}
