//! The Swedish word lists of board documents, each written once: months, the conjunctions that follow a
//! suspended hyphen, party marks, roll-call words, signature roles, the words that introduce a case
//! number, the names of boards, the parts of a KF bundle.
//!
//! Lists of plain words are constants; a list that a regular expression needs is joined into an
//! alternation by [`alternation`], so the regexes never spell a list again. Words that are matched after
//! [`crate::text::fold`] are written folded here (`avstar`, not `avstår`).

/// The Swedish month names, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// English month names an engine with an English dictionary writes for the Swedish ones (`28 august
/// 2024`), with the Swedish month. Only those that differ in more than one letter from the Swedish.
pub const ENGLISH_MONTHS: [(&str, &str); 6] = [
    ("may", "maj"),
    ("june", "juni"),
    ("july", "juli"),
    ("august", "augusti"),
    ("march", "mars"),
    ("october", "oktober"),
];

/// Words that follow a suspended first part of a compound (`skol- och fritidsförvaltningen`,
/// `plan- liksom bygglagen`): after `word-` at a line end, the next line starting with one of them means
/// the hyphen is no cut word.
pub const SUSPENSION_CONJUNCTIONS: [&str; 7] = ["och", "eller", "samt", "resp", "respektive", "liksom", "till"];

/// The party abbreviations of Swedish councils, as protocols write them (`M, L och KD`, `Karin Holm (V)`).
pub const PARTIES: [&str; 9] = ["S", "M", "L", "C", "V", "D", "KD", "MP", "SD"];

/// Words of a roll-call table's vote column, folded (`Ja`, `Nej`, `Avstår`, `Frånvarande`).
pub const VOTES: [&str; 4] = ["ja", "nej", "avstar", "franvarande"];

/// Words of a roll-call table's role column, folded (`Ledamot`, `Ersättare`).
pub const ROLL_CALL_ROLES: [&str; 2] = ["ledamot", "ersattare"];

/// Is a line whose words (folded) are `words` a cell of a roll-call table: a vote or a role alone, or a
/// role after one other word (`KD Ledamot`)?
pub fn roll_call_cell(words: &[&str]) -> bool {
    match words {
        [w] => VOTES.contains(w) || ROLL_CALL_ROLES.contains(w),
        [_, w] => ROLL_CALL_ROLES.contains(w),
        _ => false,
    }
}

/// The roles of a protocol's signature block (`Vid protokollet Sekreterare …`, `Ordförande`, `Justerande`).
pub const SIGNATURE_ROLES: [&str; 5] = ["Sekreterare", "Ordförande", "Justerande", "Justeras", "Protokollförare"];

/// How a protocol's signature block begins.
pub const SIGNATURE_OPENING: &str = "Vid protokollet";

/// The words that introduce a case number (`Ärendenummer SLK-2024-00001`, `diarienummer 0186/24`), with
/// the edit distance OCR damage may add to each on a § line (`Avendenummer`, `Arvrendenummer`).
pub const CASE_NUMBER_WORDS: [(&str, usize); 2] = [("ärendenummer", 3), ("diarienummer", 2)];

/// The abbreviation of diarienummer.
pub const CASE_NUMBER_ABBREVIATION: &str = "dnr";

/// How the name of a board or committee ends, folded (`Kommunstyrelsen`, `Kommunfullmäktige`,
/// `Byggnadsnämnden`, `Arbetsutskottet`, `Valberedningen`); longest first where one is a prefix of another.
pub const BOARD_ENDINGS: [&str; 6] = [
    "styrelsen",
    "fullmaktige",
    "namnden",
    "namnd",
    "utskottet",
    "beredningen",
];

/// The part headers of a KF bundle that are proposals (`Yrkande`, `Tilläggsyrkande`, …), as a regex
/// alternation, most specific first.
pub const PROPOSAL_PARTS: [&str; 3] = [
    r"(?:Tilläggs|Ändrings|Återremiss)yrkande",
    "Yrkande",
    r"Reviderat\s+yrkande",
];

/// The part headers of a KF bundle that are statements (`Yttrande`, `Särskilt yttrande`).
pub const STATEMENT_PARTS: [&str; 2] = [r"Särskilt\s+yttrande", "Yttrande"];

/// `a|b|c`: a list as a regex alternation (the words are regex-safe, or regex fragments by design).
pub fn alternation(words: &[&str]) -> String {
    words.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn folded_lists_are_folded() {
        for w in VOTES.iter().chain(&ROLL_CALL_ROLES).chain(&BOARD_ENDINGS) {
            assert_eq!(fold(w), *w);
        }
    }

    #[test]
    fn roll_call_cells() {
        assert!(roll_call_cell(&["ja"]) && roll_call_cell(&["kd", "ledamot"]) && roll_call_cell(&["franvarande"]));
        assert!(!roll_call_cell(&["s"]) && !roll_call_cell(&["ja", "nej"]) && !roll_call_cell(&[]));
    }
}
