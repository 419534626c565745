//! Repairs that look past the single word, for what Swedish board documents hold: dates with a month
//! written out (`den 28 august 2024`), party abbreviations in lists, parentheses and roll-call tables
//! (`M, D, Loch KD`, `Johannes Hulter (SI)`, `(D}`), and `nr` / `dnr` before their numbers. Each pass adds
//! its decisions to those [`crate::repair`] made word by word.
use super::edit::{Casing, Chosen, Decision, EditKind, RULE_CONFIDENCE};
use crate::lang::{roll_call_cell, ENGLISH_MONTHS, MONTHS, PARTIES};
use crate::text::{fold, lower_nfc};
use crate::token::{Kind, Token};

/// Raw confidence of a month read between a day and a year (calibrates to 0.949): the frame names it.
const MONTH_CONFIDENCE: f32 = 0.95;

/// `den 28 august 2024`, `15 may 2024`, `3 ma 2024`: an engine with an English dictionary writes a
/// Swedish month as the English one, or loses a letter. A word between a day number and a year that is
/// an English month name, or one edit from a Swedish one, is that month.
pub(crate) fn apply_month_names(text: &str, tokens: &[Token], chosen: &mut Chosen) {
    let number =
        |t: Option<&Token>, ok: &dyn Fn(&str) -> bool| t.is_some_and(|t| t.kind == Kind::Number && ok(t.text(text)));
    let day = |s: &str| s.len() <= 2 && s.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    let year = |s: &str| (4..=5).contains(&s.len()) && (s.starts_with("19") || s.starts_with("20"));
    for i in 2..tokens.len().saturating_sub(2) {
        let t = &tokens[i];
        if t.kind != Kind::Word || tokens[i - 1].kind != Kind::Space || tokens[i + 1].kind != Kind::Space {
            continue;
        }
        if !(number(tokens.get(i - 2), &day) && number(tokens.get(i + 2), &year)) {
            continue;
        }
        let w = lower_nfc(t.text(text));
        if MONTHS.contains(&w.as_str()) {
            continue;
        }
        let to = ENGLISH_MONTHS
            .iter()
            .find(|(e, _)| *e == w)
            .map(|(_, s)| *s)
            .or_else(|| {
                let near: Vec<&str> = MONTHS
                    .iter()
                    .copied()
                    .filter(|m| strsim::levenshtein(m, &fold(&w)) == 1)
                    .collect();
                (near.len() == 1).then(|| near[0])
            });
        if let Some(to) = to {
            chosen.insert(
                t.start,
                Decision {
                    to: to.to_string(),
                    kind: EditKind::OcrConfusion,
                    confidence: MONTH_CONFIDENCE,
                    casing: Casing::Observed,
                    scan: true,
                    real_word: false,
                    parts: 1,
                },
            );
        }
    }
}

/// `M, D, Loch KD`: the OCR lost the space between a party and `och` in a list of parties. A word made
/// of a party abbreviation and `och`, next to another party or after a comma, is split again.
pub(crate) fn split_party_lists(text: &str, tokens: &[Token], chosen: &mut Chosen) {
    let party = |t: Option<&Token>| t.is_some_and(|t| t.kind == Kind::Word && PARTIES.contains(&t.text(text)));
    for (i, t) in tokens.iter().enumerate() {
        let w = t.text(text);
        let Some(p) = w.strip_suffix("och") else { continue };
        if t.kind != Kind::Word || !PARTIES.contains(&p) {
            continue;
        }
        let after = tokens.get(i + 1).is_some_and(|s| s.kind == Kind::Space) && party(tokens.get(i + 2));
        let comma = i >= 2 && tokens[i - 1].kind == Kind::Space && tokens[i - 2].text(text) == ",";
        if after || comma {
            chosen.insert(t.start, Decision::rule(format!("{p} och"), RULE_CONFIDENCE));
        }
    }
}

/// `SBU-rapport or 279`, `Dar: 6958/17`: `nr` and `dnr` as OCR writes them, before the number they
/// introduce (`or` is no Swedish word; `där` is one, so `dar` only becomes `dnr` before a case number).
pub(crate) fn apply_number_abbreviations(text: &str, tokens: &[Token], chosen: &mut Chosen) {
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != Kind::Word {
            continue;
        }
        let w = t.text(text);
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|n| n.text(text) == ":") {
            j += 1;
        }
        if !tokens
            .get(j)
            .is_some_and(|n| n.kind == Kind::Space && n.text(text) == " ")
        {
            continue;
        }
        let Some(next) = tokens.get(j + 1) else { continue };
        let number = matches!(next.kind, Kind::Number | Kind::CaseId)
            && next.text(text).starts_with(|c: char| c.is_ascii_digit());
        let case_number = number && next.text(text).contains('/');
        let to = match w {
            "or" if number && j == i + 1 => "nr",
            "dar" | "dor" | "dur" if case_number => "dnr",
            "Dar" | "Dor" | "Dur" if case_number => "Dnr",
            _ => continue,
        };
        chosen.insert(t.start, Decision::rule(to, RULE_CONFIDENCE));
    }
}

/// The party a mangled party mark stands for (a mark in small letters is none: it is right): `0` → D, `1` → L, `5` / `8` → S (digits for letters), `sD`
/// → SD, `Ss` → S, `SI` / `SY` / `DJ` → S / D (a closing parenthesis read as a letter), `SO` / `ST` → SD.
fn party_reading(tok: &str) -> Option<&'static str> {
    let upper = tok.to_uppercase();
    if let Some(p) = PARTIES.iter().find(|p| **p == upper) {
        // A mark in small letters is how the Riksdag print writes parties (`(m)`, `(fp)`): right as it
        // stands. Mixed case (`sD`) is a misreading.
        return (tok != *p && tok != upper.to_lowercase()).then_some(*p);
    }
    let map = match upper.as_str() {
        "0" => "D",
        "1" => "L",
        "5" | "8" => "S",
        "SO" | "ST" => "SD",
        "KO" => "KD",
        "NP" => "MP",
        _ => {
            let mut cs = upper.chars();
            let (Some(a), Some(b), None) = (cs.next(), cs.next(), cs.next()) else {
                return None;
            };
            // A doubled letter (`Ss`, `Vv`) or a parenthesis read as I, Y, J, L or 1.
            if a == b || matches!(b, 'I' | 'Y' | 'J' | '1' | '|') {
                let single = a.to_string();
                return PARTIES.iter().find(|p| **p == single).copied();
            }
            return None;
        }
    };
    Some(map)
}

/// Party marks as OCR mangles them: in parentheses after a name (`Johannes Hulter (SI)`, `Martin Wannholt
/// (0}`) and in the cells of a roll-call table (a line of its own among `Ja`, `Nej`, `Avstår`, `Ledamot`).
pub(crate) fn apply_party_marks(text: &str, tokens: &[Token], chosen: &mut Chosen) {
    party_marks_in_tables(text, tokens, chosen);
    party_marks_after_names(text, tokens, chosen);
    braces_around_marks(text, tokens, chosen);
}

/// A party mark's decision.
fn mark(to: &str) -> Decision {
    Decision::rule(to, RULE_CONFIDENCE)
}

/// Party marks in the cells of a roll-call table: a line of one short word with at least two vote or role
/// cells among its eight neighbours (`Ss` → `S`, `sD` → `SD`; digits there are seat numbers).
fn party_marks_in_tables(text: &str, tokens: &[Token], chosen: &mut Chosen) {
    // Lines as token ranges, and which of them are vote or role cells.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if matches!(t.kind, Kind::Newline | Kind::PageBreak) {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, tokens.len()));
    // Each line's tokens other than spaces: how many, and the first.
    let cells: Vec<(usize, Option<&Token>)> = lines
        .iter()
        .map(|&(a, b)| {
            let mut content = tokens[a..b].iter().filter(|t| t.kind != Kind::Space);
            let first = content.next();
            (usize::from(first.is_some()) + content.count(), first)
        })
        .collect();
    // Is a line a vote or role cell (one or two words)? Decided once per line, and only for lines near a
    // mark's: most texts have none.
    let votes: Vec<std::cell::OnceCell<bool>> = vec![std::cell::OnceCell::new(); lines.len()];
    let vote = |li: usize| {
        *votes[li].get_or_init(|| {
            if cells[li].0 > 2 {
                return false;
            }
            let (a, b) = lines[li];
            let words: Vec<String> = tokens[a..b]
                .iter()
                .filter(|t| t.kind != Kind::Space)
                .map(|t| fold(t.text(text)))
                .collect();
            let w: Vec<&str> = words.iter().map(String::as_str).collect();
            roll_call_cell(&w)
        })
    };
    let nonblank: Vec<usize> = (0..cells.len()).filter(|&i| cells[i].0 > 0).collect();
    for (k, &li) in nonblank.iter().enumerate() {
        let (n, Some(&first)) = cells[li] else { continue };
        if n != 1 || first.text(text).chars().count() > 2 || !matches!(first.kind, Kind::Word | Kind::Number) {
            continue;
        }
        let near = nonblank[k.saturating_sub(4)..(k + 5).min(nonblank.len())]
            .iter()
            .filter(|&&j| j != li && vote(j))
            .count();
        if near < 2 {
            continue;
        }
        // Digits in a table are seat numbers, not parties.
        let w = first.text(text);
        let to = match w {
            "ja" => Some("Ja"),
            _ if first.kind == Kind::Number => None,
            _ => party_reading(w),
        };
        if let Some(to) = to {
            chosen.insert(first.start, mark(to));
        }
    }
}

/// `First Last (X)`: two capitalised words (a name: `röstar Nej (5)` is a count), a space, an opening
/// parenthesis, the mark, then a closing sign.
fn party_marks_after_names(text: &str, tokens: &[Token], chosen: &mut Chosen) {
    let capital = |t: &Token| {
        t.kind == Kind::Word && t.text(text).starts_with(char::is_uppercase) && t.text(text).chars().count() > 1
    };
    for i in 5..tokens.len() {
        let t = &tokens[i];
        if !matches!(t.kind, Kind::Word | Kind::Number) || t.text(text).chars().count() > 2 {
            continue;
        }
        let open = tokens[i - 1].text(text) == "(" && tokens[i - 2].kind == Kind::Space;
        let name = capital(&tokens[i - 3])
            && tokens[i - 3].text(text).chars().count() > 2
            && tokens[i - 4].kind == Kind::Space
            && capital(&tokens[i - 5]);
        let close = tokens
            .get(i + 1)
            .is_some_and(|n| matches!(n.text(text), ")" | "}" | "]" | ","));
        if open && name && close {
            if let Some(to) = party_reading(t.text(text)) {
                chosen.insert(t.start, mark(to));
            }
        }
    }
}

/// `(D}` and `{D)`: a brace read for a parenthesis around a party (as written or as repaired).
fn braces_around_marks(text: &str, tokens: &[Token], chosen: &mut Chosen) {
    for i in 1..tokens.len().saturating_sub(1) {
        let (l, t, r) = (tokens[i - 1].text(text), tokens[i].text(text), tokens[i + 1].text(text));
        let party = PARTIES.contains(&t)
            || chosen
                .get(&tokens[i].start)
                .is_some_and(|d| PARTIES.contains(&d.to.as_str()));
        if !party || tokens[i].kind != Kind::Word && tokens[i].kind != Kind::Number {
            continue;
        }
        match (l, r) {
            ("(", "}" | "]") => {
                chosen.insert(tokens[i + 1].start, mark(")"));
            }
            ("{" | "[", ")") => {
                chosen.insert(tokens[i - 1].start, mark("("));
            }
            _ => {}
        }
    }
}
