//! Protocol paragraphs: the § line (`§ 12 Ärendenummer SLK-2024-00001`, and as OCR writes it: `$ 393`,
//! `8 392 Ärendenummer …`, `43900 Avendenummer …`), its title, and the numbers of § lines whose sign OCR
//! misread, checked against their neighbours.
use super::head::Head;
use super::layout::{Layout, LineKind};
use crate::catalogue::{Catalogue, Label, Scope};
use crate::lang::{roll_call_cell, CASE_NUMBER_ABBREVIATION, CASE_NUMBER_SHORT_WORDS, CASE_NUMBER_WORDS};
use crate::text::fold;

/// A protocol § line as read.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ParagraphLine {
    pub(super) number: u32,
    /// The ärendenummer on the line.
    pub(super) case_id: Option<String>,
    /// Where a title on the same line begins (a byte offset into the line).
    pub(super) title_at: Option<usize>,
    /// Was the § sign read as such (not `$`, `8`, a glued digit)?
    pub(super) certain: bool,
    /// The letter of a § inserted between two (`§ 3 a`, `KS § 3 b`).
    pub(super) letter: Option<char>,
}

/// Most lines of a § title.
const TITLE_MAX_LINES: usize = 4;

/// Is `w` the word `Ärendenummer` (or `Diarienummer`, `Dnr`), OCR damage allowed?
fn case_word(w: &str) -> bool {
    let f = fold(w.trim_end_matches([':', '.']));
    f == CASE_NUMBER_ABBREVIATION
        || CASE_NUMBER_SHORT_WORDS.contains(&f.as_str())
        || (9..=15).contains(&f.chars().count())
            && CASE_NUMBER_WORDS
                .iter()
                .any(|(word, edits)| strsim::levenshtein(&f, &fold(word)) <= *edits)
}

/// `DNR:KU/2007.9`: a case-number word glued to its id by a colon; where the id begins in `w`.
fn glued_case_word(w: &str) -> Option<usize> {
    let i = w.find(':')?;
    (i + 1 < w.len() && case_word(&w[..i])).then_some(i + 1)
}

/// `Onr`, `Dnt`: the abbreviation `Dnr` with one letter misread (taken only before a case number).
fn misread_abbreviation(w: &str) -> bool {
    let f = fold(w.trim_end_matches([':', '.']));
    f.chars().count() == 3
        && f.chars().all(char::is_alphabetic)
        && strsim::levenshtein(&f, CASE_NUMBER_ABBREVIATION) == 1
}

/// A case number in the shapes Swedish boards write them, at the start of `s`: `KS/2025:41`, `BUN/2024:88`,
/// `KS 2018/124`, `BN-2023-001234`, `SLK-2023-01038`, `IKN 2025–00217` (an en dash), `KS.2024.123`, `0186/24`, `00305/2022`, `0015/13 - 200`
/// (with its archive code), `KS KF/2024:8` (the diarium's code before the id), `Bun/2015:608`, `2018/KS 0001`,
/// `2023/KS 0362`, `2026.016 KS` (year, number and the diarium's code). Returns its length in bytes.
fn case_number_at(s: &str) -> Option<usize> {
    let shapes = regex!(
        r"^(?:\p{Lu}{2,6}\s+\p{Lu}{2,8}[/.-](?:19|20)\d\d[/:.-]\d{1,6}|\p{Lu}{1,8}(?:-\p{Lu}{1,6})?(?:[/ .-]|\s)?(?:19|20)\d\d[/:.\-–]\d{1,6}(?:[:.-]\d{1,6})?|\p{Lu}\p{Ll}{1,4}/(?:19|20)\d\d[/:.-]\d{1,6}|\d{1,6}/(?:(?:19|20)\d\d|\d\d)(?:[:.-]\d{1,6}|\s?-\s?\d{3}(?:\.\d{1,3})?(?-u:\b))?|(?:19|20)\d\d/\p{Lu}{1,6}\s?\d{1,6}(?:[ .:-]\d{1,4})?|(?:19|20)\d\d\.\d{1,5}\s\p{Lu}{2,6})(?-u:\b)"
    );
    shapes.find(s).map(|m| m.end())
}

/// Case numbers after a word that names them (`Diarienr: 2025.032 TEN`, `Dnr: KS/2025:41`, `Ärendenummer
/// SLK-2023-01038`), in any of [`case_number_at`]'s shapes: where each stands, and the id.
pub(super) fn labelled_case_ids(text: &str) -> Vec<(usize, String)> {
    let label = regex!(r"(?i)(?:^|[^\p{L}\d])((?:ärende|diarie)(?:nummer|nr)|dnr)\.?:?[ \t]*");
    label
        .captures_iter(text)
        .filter_map(|c| {
            let end = c.get(0)?.end();
            let len = case_number_at(&text[end..])?;
            Some((end, clean_case_id(&text[end..end + len])))
        })
        .collect()
}

/// A diarienummer whose year ran into what stands after it in the layout (`00305/20221.1.`: the year
/// is four digits): cut at the year.
fn clean_case_id(id: &str) -> String {
    let bled = regex!(r"^(\d{1,6}/(?:19|20)\d\d)\d");
    match bled.captures(id) {
        Some(c) => c[1].to_string(),
        None => id.trim_end_matches([',', '.', ';']).to_string(),
    }
}

/// After the § number at `after`: an optional ärendenummer word with its id (put together again when OCR
/// split it: `SE R-2022-01235`), or an id in one of the common shapes without a word (`KS/2025:41`), then
/// the title. Returns whether a case number was there, the id, and where the title begins.
fn tail(line: &str, after: usize) -> (bool, Option<String>, Option<usize>) {
    let (case, id, mut title) = tail_one(line, after);
    // More ids after the first (`SN/2025:23, SN/2024:120`): the first is the case's, the others no title.
    let more = regex!(r"^(?:[,;]|\s+och)\s*");
    while let Some(at) = title.filter(|_| case) {
        let Some(m) = more.find(&line[at..]) else { break };
        let Some(len) = case_number_at(&line[at + m.end()..]) else {
            break;
        };
        title = title_from(line, at + m.end() + len);
    }
    (case, id, title)
}

/// Where the text of `line` from `e` on begins, if there is any.
fn title_from(line: &str, e: usize) -> Option<usize> {
    (!line[e..].trim().is_empty()).then(|| e + (line[e..].len() - line[e..].trim_start().len()))
}

/// [`tail`] up to the first id.
fn tail_one(line: &str, after: usize) -> (bool, Option<String>, Option<usize>) {
    let rest = &line[after..];
    let title_from = |e: usize| title_from(line, e);
    let mut words = rest.split_whitespace();
    let first = words.next();
    // Where a word ends in `rest`, and where the text after it begins.
    let end_of = |w: &str| rest.find(w).map_or(0, |i| i + w.len());
    let skip_space = |from: usize| from + (rest[from..].len() - rest[from..].trim_start().len());
    if let Some((w, at)) = first.and_then(|w| glued_case_word(w).map(|i| (w, i))) {
        // `DNR:KU/2007.9`: the id is the rest of the word, or a whole id from there.
        let from = rest.find(w).unwrap_or(0) + at;
        if let Some(len) = case_number_at(&rest[from..]) {
            return (
                true,
                Some(clean_case_id(&rest[from..from + len])),
                title_from(after + from + len),
            );
        }
        let id = clean_case_id(&rest[from..end_of(w)]);
        return (true, Some(id), title_from(after + end_of(w)));
    }
    match first {
        Some(w)
            if case_word(w) || misread_abbreviation(w) && case_number_at(&rest[skip_space(end_of(w))..]).is_some() =>
        {
            let mut id_end = None;
            let mut from = end_of(w);
            let start = skip_space(from);
            // A whole id in one of the shapes (`KS 2018/124`, `2018/KS 0001`), else the parts that make one.
            if let Some(len) = case_number_at(&rest[start..]) {
                let id = clean_case_id(&rest[start..start + len]);
                return (true, Some(id), title_from(after + start + len));
            }
            let mut id = String::new();
            for part in words.by_ref().take(2) {
                let at = from + rest[from..].find(part).unwrap_or(0);
                id.push_str(part.trim_end_matches([',', '.', ';']));
                from = at + part.len();
                id_end = Some(after + from);
                if id.chars().any(|c| c.is_ascii_digit()) {
                    break;
                }
            }
            let id = (!id.is_empty()).then(|| clean_case_id(&id));
            (true, id, id_end.and_then(title_from))
        }
        Some(_) => {
            let start = rest.len() - rest.trim_start().len();
            match case_number_at(&rest[start..]) {
                Some(len) => (
                    true,
                    Some(clean_case_id(&rest[start..start + len])),
                    title_from(after + start + len),
                ),
                None => (false, None, Some(after)),
            }
        }
        None => (false, None, None),
    }
}

/// Does `s` begin as a title does: a capital, then a small letter?
pub(super) fn starts_title(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.next().is_some_and(char::is_lowercase)
}

/// The number of the first § of a protocol whose § signs OCR read as a digit glued to the number (`814
/// Frågestund` … `815 Inlämnande av motioner`) and whose front page gives no range: the first of two such
/// lines, text between them, whose numbers without that digit follow each other. Only from § 10 on (a
/// footnote `51 Sveriges stadsmissioner` is note 1), and only before a title: no sentence's end inside
/// it, no columns of a table (`57 Ledamot      Ja`). `lines` are the document's lines of text in order,
/// with their line numbers.
///
/// The number may also stand alone on its line with the title on the next (`81` / `Bestämmande av tid för
/// justering` … `52` / `Frågestund`): then from § 1 on, as a footnote's number is never alone on its line.
pub(super) fn glued_first_paragraph<'t>(lines: impl Iterator<Item = (usize, &'t str)>) -> Option<u32> {
    let glued = regex!(r"^\s*[58](\d{2,3})\s+(\S.*)$");
    let alone = regex!(r"^\s*[58](\d{1,3})\s*$");
    let not_title = regex!(r"\p{Ll}{2}\.\s+\p{Lu}|\S\s{3,}\S");
    let lines: Vec<(usize, &str)> = lines.collect();
    let mut prev: Option<(usize, u32)> = None;
    for (k, &(li, l)) in lines.iter().enumerate() {
        let (digits, title) = match (glued.captures(l), alone.captures(l)) {
            (Some(c), _) => (c.get(1), c.get(2).map(|m| m.as_str())),
            // The title right under the number, no blank line between, and no roll call's cell (`55` /
            // `Ersättare` / `Nej`: a member's number, role and vote, one to a line).
            (None, Some(c)) => (
                c.get(1),
                lines
                    .get(k + 1)
                    .filter(|&&(next, t)| {
                        let folded = fold(t);
                        next == li + 1 && !roll_call_cell(&folded.split_whitespace().collect::<Vec<_>>())
                    })
                    .map(|&(_, t)| t.trim()),
            ),
            _ => continue,
        };
        let (Some(digits), Some(title)) = (digits.map(|m| m.as_str()), title) else {
            continue;
        };
        if !starts_title(title) || digits.starts_with('0') || not_title.is_match(title) {
            continue;
        }
        let Ok(n) = digits.parse::<u32>() else { continue };
        if let Some((pl, pn)) = prev {
            if pn + 1 == n && li > pl + 1 {
                return Some(pn);
            }
        }
        prev = Some((li, n));
    }
    None
}

/// The number of the first § of a text whose § signs OCR read as another sign before the number, set
/// apart (`5 7 Namnden utgor trafiknämnd …`, `£ 8 Namnden ska …`, `& 13 …`) and that no reading before
/// it starts: the first of a run of [`LOOSE_RUN`] such lines whose numbers rise by one, each with text
/// between it and the next, and a capitalised word after its number (no table's columns).
pub(super) fn loose_first_paragraph<'t>(lines: impl Iterator<Item = (usize, &'t str)>) -> Option<u32> {
    let loose = regex!(format!(r"^\s*[{MISREAD_SIGN}]\s*(\d{{1,3}})\s+(\S.*)$"));
    let columns = regex!(r"\S\s{3,}\S");
    let mut run: Vec<(usize, u32)> = Vec::new();
    for (li, l) in lines {
        let Some(c) = loose.captures(l) else { continue };
        let Ok(n) = c[1].parse::<u32>() else { continue };
        // A roll call's row (`S 61 Ersättare Ja`: party, number, role) is none.
        let first = fold(c[2].split_whitespace().next().unwrap_or(""));
        if !starts_title(&c[2]) || c[1].starts_with('0') || columns.is_match(&c[2]) || roll_call_cell(&[&first]) {
            continue;
        }
        match run.last() {
            Some(&(pl, pn)) if pn + 1 == n && li > pl + 1 => run.push((li, n)),
            _ => run = vec![(li, n)],
        }
        if run.len() >= LOOSE_RUN {
            return Some(run[0].1);
        }
    }
    None
}

/// The signs OCR reads a § as, before its number (`$ 12`, `8 12`, `S 12`, `5 12`, `& 12`, `g 12`, `£ 12`,
/// `€ 12`), as a regex class's members.
const MISREAD_SIGN: &str = r"\$8S5&g£€";

/// A run of this many § lines whose sign OCR misread starts the reading of them (see [`loose_first_paragraph`]).
const LOOSE_RUN: usize = 3;

/// A line that holds a case number and nothing else, as a § that has none on its line writes it under its
/// title (`Diarienummer: GRFS 2023-121`, `Dnr KS 2024/118`, `KS/2025:41`): the id.
pub(super) fn case_number_line(line: &str) -> Option<String> {
    let t = line.trim();
    let first = t.split_whitespace().next()?;
    let worded = case_word(first) || glued_case_word(first).is_some() || misread_abbreviation(first);
    if !worded && case_number_at(t).is_none() {
        return None;
    }
    // The id alone, or with an archive code after it (`Bun/2015:608   609`).
    let code = regex!(r"^\d{1,4}$");
    match tail(t, 0) {
        (true, Some(id), at) if id.chars().any(|c| c.is_ascii_digit()) && at.is_none_or(|i| code.is_match(&t[i..])) => {
            Some(id)
        }
        _ => None,
    }
}

/// A protocol § line: `§ 12`, `§12 Titel`, `KS § 12   KS/2025:41`, `§ 63/20 Titel` (numbered per year); as OCR writes the sign (`$ 393`, `8 392`, `S 12`,
/// `43900 Ärendenummer`) only before an ärendenummer or where the number is the one `expected` next.
pub(super) fn paragraph_line(line: &str, expected: Option<u32>) -> Option<ParagraphLine> {
    // The sign, after the abbreviation of the body when the protocol writes one (`KS § 12`, `BUN § 7`,
    // `Kf § 76`): two to six capitals (`I § 5` is a sentence), or the usual short forms written small
    // (`Se § 4` is a reference).
    // The number, then a letter of a § inserted between two (`§ 3 a DNR …`) standing on its own.
    let strict = regex!(
        r"^\s*(?:(?:\p{Lu}{2,6}(?:-\p{Lu}{1,6})?|Ks|Kf|Kfu|Ksu|Ksau)\s*)?§\s*(\d{1,4})(?:/(?:19|20)?\d\d(?-u:\b))?(?:\s?([a-h])(?:[.:)]?\s+|[.:)]?$)|(?-u:\b)[.:]?\s*)"
    );
    // The sign misread, after the body's abbreviation too (`KS 85 DNR: …` is `KS § 5`, `KS &9`).
    // A sign OCR read as two symbols (`£$32`; `$54` is `$` and 54, no `$5` and 4), or as a currency's
    // (`£38 Dnr …`).
    // The number may be one of its year's (`& 63/20`).
    // The letter of a § inserted between two as the strict form reads it (`KS 83a DNR: …`).
    let loose = regex!(format!(
        r"^\s*(?:\p{{Lu}}{{2,6}}\s+)?(?:[^\p{{L}}\p{{N}}\s][\$&£€]|[{MISREAD_SIGN}])\s*(\d{{1,4}})(?:/(?:19|20)?\d\d)?(?:([a-h])(?:[.:)]?\s+|[.:)]?$)|(?-u:\b)[.:]?\s*)"
    ));
    let glued = regex!(r"^\s*(\d{2,5})\s+");
    // `KU § 317 06-12-05`: a § of another meeting cited with its date (an earlier handling in the margin).
    let cited = regex!(r"^(?:19|20)?\d\d-\d\d-\d\d(?-u:\b)");
    let read = |number, (_, case_id, title_at): (bool, Option<String>, Option<usize>), certain| {
        Some(ParagraphLine {
            number,
            case_id,
            title_at,
            certain,
            letter: None,
        })
    };
    if let Some(c) = strict.captures(line) {
        // `§ 9:31 c.`: a law's chapter and section (9 kap. 31 c §), cited at a line's start, no paragraph;
        // nor `§ 5.1 Anläggningsavgift ska betalas …`, the first item of a regulation's article.
        if line[c.get(1)?.end()..].starts_with([':', '.'])
            && line[c.get(1)?.end() + 1..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            return None;
        }
        let n: u32 = c[1].parse().ok()?;
        let end = c.get(0)?.end();
        let t = tail(line, end);
        if t.1.is_none() && cited.is_match(line[end..].trim_start()) {
            return None;
        }
        let letter = c.get(2).and_then(|m| m.as_str().chars().next());
        return read(n, t, true).map(|p| ParagraphLine { letter, ..p });
    }
    // The number lost, its sign left before the case number (`g 2026.001 BMN` for `§ 57 2026.001 BMN`):
    // only the number expected next, and only before a case number that begins with its year (one that
    // begins with letters may be the number's digits read as letters: `8 AL 2026.002 TEN`, see below).
    let sign = regex!(format!(r"^\s*[{MISREAD_SIGN}]\s+"))
        .find(line)
        .filter(|m| line[m.end()..].starts_with(|c: char| c.is_ascii_digit()));
    if let (Some(m), Some(x)) = (sign, expected) {
        if case_number_at(&line[m.end()..]).is_some() {
            let t = tail(line, m.end());
            if t.1.is_some() {
                return read(x, t, false);
            }
        }
    }
    if let Some(c) = loose.captures(line) {
        let n: u32 = c[1].parse().ok()?;
        let end = c.get(0)?.end();
        let t = tail(line, end);
        // With no case number, only the number expected next, alone or before a title (`814 Frågestund`).
        let titled = t.2.is_some_and(|i| starts_title(&line[i..]));
        if t.0 || (expected == Some(n) && (line[end..].trim().is_empty() || titled)) {
            let letter = c.get(2).and_then(|m| m.as_str().chars().next());
            return read(n, t, false).map(|p| ParagraphLine { letter, ..p });
        }
        return None;
    }
    // The number's digits read as letters too (`8 AL 2026.002 TEN` for `§ 41 2026.002 TEN`): only the number
    // expected next, and only before a case number.
    let letters = regex!(format!(r"^\s*[{MISREAD_SIGN}§]\s+([0-9AIlLOoSBZ|]{{1,4}})\s+"));
    if let (Some(c), Some(x)) = (letters.captures(line), expected) {
        let n: Option<u32> = c[1]
            .chars()
            .map(|ch| match ch {
                'A' => Some('4'),
                'I' | 'l' | 'L' | '|' => Some('1'),
                'O' | 'o' => Some('0'),
                'S' => Some('5'),
                'B' => Some('8'),
                'Z' => Some('2'),
                d if d.is_ascii_digit() => Some(d),
                _ => None,
            })
            .collect::<Option<String>>()
            .and_then(|d| d.parse().ok());
        let t = tail(line, c.get(0)?.end());
        if n == Some(x) && t.0 && t.1.is_some() {
            return read(x, t, false);
        }
    }
    if let Some(c) = glued.captures(line) {
        // `43900 Avendenummer`: the sign read as a digit and glued to the number.
        let t = tail(line, c.get(0)?.end());
        if !t.0 {
            return None;
        }
        let digits = &c[1][1..];
        let n = match expected {
            Some(x) if digits.starts_with(&x.to_string()) => x,
            _ if digits.len() <= 4 => digits.parse().ok()?,
            _ => return None,
        };
        return read(n, t, false);
    }
    None
}

/// The title of the protocol § on line `li` when the § line has none: the next lines of text up to the
/// first sub-heading (`Beslut`) when one follows within four lines, else up to a blank line and before a
/// sentence; a title that is a heading of its own (`Ordningsfråga`) is one line. A case number on a line
/// of its own under it ends it unless the § line has its case (`cased`: then `SOU 2023:55` is the title's).
/// Returns the title's lines and where they end (the § line's end when there are none).
pub(super) fn paragraph_title(
    text: &str,
    layout: &Layout,
    catalogue: &Catalogue,
    li: usize,
    cased: bool,
) -> (Vec<String>, usize) {
    let lines = &layout.lines;
    let line = |j: usize| &text[lines[j].0..lines[j].1];
    let sub_headings = Some(&Scope::Paragraph);
    let mut seen: Vec<usize> = Vec::new();
    let mut j = li + 1;
    let mut reached = false;
    while j < lines.len() && seen.len() < TITLE_MAX_LINES {
        match layout.kinds[j] {
            LineKind::Text => {
                let t = line(j).trim();
                // A sub-heading ends the title; the first line is the title all the same unless it is the
                // decision (`§ 21` / `Ordningsfråga` / `Med anledning av …`).
                let sub = catalogue.classify(t, sub_headings, sub_headings);
                if sub.is_some_and(|(label, _)| !seen.is_empty() || *label == Label::DECISION) {
                    reached = true;
                    break;
                }
                // A § line ends it, and so does the case number on a line of its own under the title
                // (`Bun/2015:608   609`): the § line's own, not part of the title.
                if paragraph_line(t, None).is_some() || (!seen.is_empty() && !cased && case_number_line(t).is_some()) {
                    break;
                }
                seen.push(j);
            }
            LineKind::Blank | LineKind::Furniture => {}
            _ => break,
        }
        j += 1;
    }
    let first_gap = seen
        .windows(2)
        .position(|w| w[1] != w[0] + 1)
        .map_or(seen.len(), |p| p + 1);
    // Under a blank line a sentence is the text, not the title, even when a sub-heading follows it: the
    // heading between whose words OCR damaged (`Forslag till beslut 1 byggnadsnamnden` over `Detaljplanen
    // tillstyrks.`).
    if reached
        && seen[first_gap..]
            .iter()
            .any(|&j| line(j).trim_end().ends_with(['.', '?', '!']))
    {
        seen.truncate(first_gap);
    }
    if !reached {
        seen.truncate(first_gap);
        if let Some(&first) = seen.first() {
            let sentence = seen
                .iter()
                .position(|&j| line(j).trim_end().ends_with(['.', '?', '!']))
                .unwrap_or(seen.len());
            let own = catalogue.classify(line(first), sub_headings, None).is_some();
            seen.truncate(if own { 1 } else { sentence.max(1) });
        }
    }
    let end = seen.last().map_or(lines[li].1, |&j| lines[j].1);
    (seen.iter().map(|&j| line(j).trim().to_string()).collect(), end)
}

/// A § whose sign OCR misread may have a misread number too (`8 863` between nothing and § 865,
/// `43900` before § 391): the one before the next paragraph, when the digits allow it. A number the table of
/// contents lists (`listed`) stands: two readings agree.
pub(super) fn renumber(heads: &mut [Head], listed: &[u32]) {
    let at: Vec<usize> = (0..heads.len()).filter(|&i| heads[i].paragraph.is_some()).collect();
    let number = |heads: &[Head], k: usize| heads[at[k]].paragraph.unwrap_or(0);
    let mut mended = vec![false; at.len()];
    for k in 0..at.len().saturating_sub(1) {
        let i = at[k];
        let (a, b) = (number(heads, k), number(heads, k + 1));
        // The § before as mended: a misread number after it is weighed against the one it should be.
        let prev = k.checked_sub(1).map(|p| number(heads, p));
        // A § inserted between two (`KS 83a`, `KS &3h`) shares its number with its neighbours.
        if heads[i].letter.is_some() {
            continue;
        }
        let expected = prev.map(|p| p + 1);
        // (Only a § before read with its sign, or mended, names the next: `& 911` before `& 912` is no
        // § 911.)
        let named = k
            .checked_sub(1)
            .is_some_and(|p| heads[at[p]].doubtful.is_none() || mended[p]);
        let Some(raw) = heads[i].doubtful.as_deref() else {
            // A § written with its sign whose number OCR misread (`§69` read `§60`, `§54` read `§ 4`) is the
            // one after the § before, when the next § leaves room for that one only and the number read is
            // it with a digit misread or lost; not a number in order, nor one that repeats a neighbour's (a §
            // continued on the next page). (With more room it may be a § of another protocol cited: `§ 10
            // Dnr 1721/11` among §§ 13–20.)
            if let Some(e) = expected.filter(|&e| e + 1 == b && !(e - 1 <= a && a <= b)) {
                if one_digit_apart(a, e) || one_digit_lost(a, e) {
                    heads[i].paragraph = Some(e);
                    mended[k] = true;
                }
            }
            continue;
        };
        // A number as read that falls in order between its neighbours stands: a protocol may skip
        // numbers (an extract, paragraphs held elsewhere). So does the one right after the § before, whatever
        // the next (`853` for § 53 before `§ 4` for § 54, which OCR misread too).
        if (prev.is_some_and(|p| p < a) || listed.contains(&a)) && a < b || (named && expected == Some(a)) {
            continue;
        }
        let c = b.saturating_sub(1);
        if c != a && c > 0 && (a.abs_diff(c) <= 9 || raw.contains(&c.to_string())) {
            heads[i].paragraph = Some(c);
            mended[k] = true;
        }
    }
}

/// Is `a` written as `b` with one digit lost (`4` for `54`, `53` for `513`)?
fn one_digit_lost(a: u32, b: u32) -> bool {
    let (a, b) = (a.to_string(), b.to_string());
    a.len() + 1 == b.len() && (0..b.len()).any(|k| b[..k].to_string() + &b[k + 1..] == a)
}

/// Are `a` and `b` written with as many digits, all but one the same?
fn one_digit_apart(a: u32, b: u32) -> bool {
    let (a, b) = (a.to_string(), b.to_string());
    a.len() == b.len() && a.bytes().zip(b.bytes()).filter(|(x, y)| x != y).count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_number_on_a_line_of_its_own() {
        assert_eq!(
            case_number_line("Diarienummer: GRFS 2023-121").as_deref(),
            Some("GRFS 2023-121")
        );
        assert_eq!(case_number_line("  Dnr KS 2024/118").as_deref(), Some("KS 2024/118"));
        assert_eq!(case_number_line("KS/2025:41").as_deref(), Some("KS/2025:41"));
        assert_eq!(case_number_line("DNR:KU/2007.9").as_deref(), Some("KU/2007.9"));
        // A sentence that names a case number, or a title, is none.
        assert_eq!(case_number_line("Diarienummer KS 2024/118 gäller budgeten"), None);
        assert_eq!(case_number_line("Budget för 2025"), None);
        assert_eq!(case_number_line("Diarienummer"), None);
    }

    #[test]
    fn paragraph_lines_as_ocr_writes_them() {
        let p = paragraph_line("§ 12 Ärendenummer SLK-2024-00001", None).unwrap();
        assert_eq!(
            (p.number, p.case_id.as_deref(), p.certain),
            (12, Some("SLK-2024-00001"), true)
        );
        assert_eq!(paragraph_line("$ 393", Some(393)).map(|p| p.number), Some(393));
        assert_eq!(paragraph_line("$ 393", Some(12)), None);
        // A sign read as two symbols; a `$` before digits is the sign, its number whole.
        assert_eq!(paragraph_line("£$32", Some(32)).map(|p| p.number), Some(32));
        assert_eq!(paragraph_line("$54", Some(54)).map(|p| p.number), Some(54));
        assert_eq!(paragraph_line("$54", Some(4)), None);
        // A law's chapter and section is no paragraph.
        assert_eq!(paragraph_line("§ 9:31 c.", None), None);
        // Nor is an article's first item in a regulation.
        assert_eq!(paragraph_line("§ 5.1 Anläggningsavgift ska betalas.", None), None);
        assert_eq!(
            paragraph_line("§ 5. Anläggningsavgift", None).map(|p| p.number),
            Some(5)
        );
        let p = paragraph_line("43900 Avendenummer SEK-2024-00343", Some(390)).unwrap();
        assert_eq!((p.number, p.certain), (390, false));
        // The number lost, the sign before the case number: the number expected, or none.
        let p = paragraph_line("g 2026.001 BMN", Some(57)).unwrap();
        assert_eq!(
            (p.number, p.case_id.as_deref(), p.certain),
            (57, Some("2026.001 BMN"), false)
        );
        assert_eq!(paragraph_line("g 2026.001 BMN", None), None);
        assert_eq!(paragraph_line("S 2026 var ett bra år", Some(57)), None);
        assert_eq!(
            paragraph_line("§12 Titel", None).and_then(|p| p.title_at),
            Some("§12 ".len())
        );
    }

    #[test]
    fn paragraph_lines_of_other_boards() {
        let read = |l: &str| {
            let p = paragraph_line(l, None).unwrap();
            (p.number, p.case_id, p.title_at.map(|i| l[i..].to_string()))
        };
        let id = |s: &str| Some(s.to_string());
        assert_eq!(read("KS § 12   KS/2025:41"), (12, id("KS/2025:41"), None));
        // Year, number and the diarium's code (Alingsås); read through a § glued to its number by OCR.
        assert_eq!(read("§ 95 2026.016 KS"), (95, id("2026.016 KS"), None));
        assert_eq!(
            paragraph_line("895 2026.016 KS", Some(95)).map(|p| (p.number, p.case_id)),
            Some((95, id("2026.016 KS")))
        );
        // Its digits read as letters, where it is the number expected, before a case number.
        assert_eq!(
            paragraph_line("8 AL 2026.002 TEN", Some(41)).map(|p| (p.number, p.case_id, p.certain)),
            Some((41, id("2026.002 TEN"), false))
        );
        assert_eq!(paragraph_line("8 AL 2026.002 TEN", Some(42)).map(|p| p.number), None);
        assert_eq!(paragraph_line("S AL Ledamot", Some(41)).map(|p| p.number), None);
        assert_eq!(read("KF § 76"), (76, None, None));
        assert_eq!(read("BUN § 7   BUN/2024:88"), (7, id("BUN/2024:88"), None));
        assert_eq!(read("§ 3 Dnr BN-2023-001234"), (3, id("BN-2023-001234"), None));
        assert_eq!(
            read("Ks § 5 Dnr KS 2018/124 Budget 2019"),
            (5, id("KS 2018/124"), id("Budget 2019"))
        );
        assert_eq!(read("§ 140 Diarienummer 00305/20221.1."), (140, id("00305/2022"), None));
        assert_eq!(
            read("§ 12 Dnr 2018/KS 0001 Val av justerare"),
            (12, id("2018/KS 0001"), id("Val av justerare"))
        );
        assert_eq!(
            read("§ 8 KS 2024/00123 Delårsrapport"),
            (8, id("KS 2024/00123"), id("Delårsrapport"))
        );
        assert_eq!(read("KS § 1 DNR:KU/2007.9"), (1, id("KU/2007.9"), None));
        assert_eq!(read("KS § 2 DNR:KNSLI/20014197"), (2, id("KNSLI/20014197"), None));
        assert_eq!(read("§ 40 Onr KS-2024-00014"), (40, id("KS-2024-00014"), None));
        let p = paragraph_line("KS § 3 b DNR: KF/2006.366", None).unwrap();
        assert_eq!(
            (p.number, p.letter, p.case_id.as_deref()),
            (3, Some('b'), Some("KF/2006.366"))
        );
        assert_eq!(paragraph_line("§ 3 bedömning", None).map(|p| p.letter), Some(None));
        // An earlier handling cited in the margin is no § of this protocol.
        assert!(paragraph_line("KU § 317 06-12-05", None).is_none());
        // As OCR writes the sign after the abbreviation.
        assert_eq!(read("KS 85 DNR: KF/2006.366"), (5, id("KF/2006.366"), None));
        assert_eq!(read("KS &9 DNR: KF/2006.437"), (9, id("KF/2006.437"), None));
        assert_eq!(read("KS§8 DNR:KU/2006.435"), (8, id("KU/2006.435"), None));
        // References and sentences are no § lines.
        assert!(paragraph_line("Se § 4 i förra protokollet", None).is_none());
        assert!(paragraph_line("Enligt § 12 ska nämnden", None).is_none());
        assert!(paragraph_line("I § 5 anges att", None).is_none());
    }
}
