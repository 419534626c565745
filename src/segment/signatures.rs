//! Signatories: who signed a document, with their titles or roles. Three shapes: the name / title pair at
//! the end of a document (`Carina Helgesson Björk Peter Söderström` over `Avdelningschef Kund- och
//! servicecenter Förvaltningsdirektör`), split into people at first names (`data/first_names.tsv`,
//! counted from the corpus) and into titles at capitalised title words; a protocol's signature block
//! (`Vid protokollet Sekreterare …`); and the names under a board's letter (`Göteborg den … <board>`).
use std::collections::HashSet;

use serde::Serialize;

use super::lines::LineKind;
use crate::lang::{alternation, MONTHS, SIGNATURE_OPENING, SIGNATURE_ROLES};

/// A person who signed the document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Signatory {
    /// The name, with a party in parentheses when given.
    pub name: String,
    /// The title or signing role (`Förvaltningsdirektör`, `Justerande`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Lines of text a protocol's signature block reaches over.
const BLOCK_MAX_LINES: usize = 5;

/// The first names signature lines split at.
fn first_names() -> &'static HashSet<&'static str> {
    crate::names::corpus_first_names()
}

/// A word of a name: a capital and lowercase letters, parts joined by hyphens (`Helgesson`,
/// `Sundén-Andersson`, `Jan-Erik`).
fn name_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.len() > 1
        && w.split('-').all(|part| {
            let mut cs = part.chars();
            cs.next().is_some_and(char::is_alphabetic) && cs.all(char::is_lowercase)
        })
}

/// Split a line of names into people: a new person starts at a first name after at least two words.
fn split_names(words: &[&str]) -> Vec<String> {
    let names = first_names();
    let mut people: Vec<Vec<&str>> = Vec::new();
    for &w in words {
        match people.last_mut() {
            Some(p) if !(p.len() >= 2 && names.contains(w)) => p.push(w),
            _ => people.push(vec![w]),
        }
    }
    people.into_iter().map(|p| p.join(" ")).collect()
}

/// Split a line of titles into `n`: a title starts at a capitalised word that does not end in a hyphen
/// (`Kund-` continues `Avdelningschef Kund- och servicecenter`); runs are merged from the left when there
/// are more than `n`.
fn split_titles(line: &str, n: usize) -> Vec<String> {
    let mut titles: Vec<Vec<&str>> = Vec::new();
    for w in line.split_whitespace() {
        let starts = w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with('-');
        match titles.last_mut() {
            Some(t) if !starts => t.push(w),
            _ => titles.push(vec![w]),
        }
    }
    while titles.len() > n && titles.len() > 1 {
        // Merge the run whose first word is likeliest a continuation: the shortest one after the first.
        let i = (1..titles.len())
            .min_by_key(|&i| titles[i].iter().map(|w| w.len()).sum::<usize>())
            .unwrap_or(1);
        let t = titles.remove(i);
        titles[i - 1].extend(t);
    }
    titles.into_iter().map(|t| t.join(" ")).collect()
}

/// The signature block of a protocol or an extract: `Vid protokollet Sekreterare Sirpa Bernhardsson` /
/// `Ordförande      Justerande Mats Ahdrian` / `Thomas Larsson`. A role followed by a name on its line
/// signs with it; a role without one (the left column) takes the next name standing alone below.
///
/// Other kommuner open the block with the role, the name on its line or under it (`Sekreterare Annette
/// Knutsson` / `Ordförande Carl-Göran Svensson`; `Sekreterare` / `Ulrika Månsson` / `Ordförande` / …): such a
/// block holds nothing but roles and names, and at least two people in two roles.
fn protocol_signatures(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind], out: &mut Vec<Signatory>) {
    let mut li = 0;
    while li < lines.len() {
        if kinds[li] != LineKind::Text {
            li += 1;
            continue;
        }
        let block = if text[lines[li].0..lines[li].1].trim().starts_with(SIGNATURE_OPENING) {
            Some(opened_block(text, lines, kinds, li))
        } else {
            role_block(text, lines, kinds, li)
        };
        let Some((found, used, next)) = block else {
            li += 1;
            continue;
        };
        if !found.is_empty() {
            for u in used {
                kinds[u] = LineKind::Signature;
            }
            out.extend(found);
        }
        li = next;
    }
}

/// What a block read from line `li` signs: its signatories, the lines they stand on, and the line to go on
/// from.
type Block = (Vec<Signatory>, Vec<usize>, usize);

/// The block opened by `Vid protokollet` at line `li`, over at most [`BLOCK_MAX_LINES`] lines of text (other
/// lines between are passed over); it ends at the first line that signs nothing.
fn opened_block(text: &str, lines: &[(usize, usize)], kinds: &[LineKind], li: usize) -> Block {
    let line = |j: usize| text[lines[j].0..lines[j].1].trim();
    let mut pending: Vec<&str> = Vec::new();
    let mut found: Vec<Signatory> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    let mut j = li;
    let mut seen_text = 0;
    while j < lines.len() && seen_text < BLOCK_MAX_LINES {
        if kinds[j] != LineKind::Text {
            j += 1;
            continue;
        }
        seen_text += 1;
        let words: Vec<&str> = line(j)
            .split_whitespace()
            .filter(|w| !w.chars().all(|c| c == '_'))
            .collect();
        let skip = if j == li {
            SIGNATURE_OPENING.split_whitespace().count()
        } else {
            0
        };
        if !signature_line(&words, skip, &mut pending, &mut found) && j != li {
            break;
        }
        used.push(j);
        j += 1;
    }
    (found, used, j.max(li + 1))
}

/// Does a line hold nothing but signature roles, names and parties (`Ordförande Jan-Erik Wallin (M)`)?
fn roles_and_names(words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| role(w) || name_word(w) || regex!(r"^\(\p{Lu}{1,3}\)$").is_match(w))
}

/// A signature block opened by a role at line `li` (`Sekreterare Annette Knutsson`, `Sekreterare`): what it
/// signs, when it signs at least two people in two roles within [`ROLE_BLOCK_MAX_LINES`] lines of text that
/// hold only roles and names.
fn role_block(text: &str, lines: &[(usize, usize)], kinds: &[LineKind], li: usize) -> Option<Block> {
    let line = |j: usize| text[lines[j].0..lines[j].1].trim();
    if !line(li).split_whitespace().next().is_some_and(role) {
        return None;
    }
    let mut pending: Vec<&str> = Vec::new();
    let mut found: Vec<Signatory> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    let mut seen = 0;
    for (j, kind) in kinds.iter().enumerate().skip(li) {
        match kind {
            LineKind::Blank => continue,
            LineKind::Text if seen < ROLE_BLOCK_MAX_LINES => {}
            _ => break,
        }
        seen += 1;
        let words: Vec<&str> = line(j).split_whitespace().collect();
        if !roles_and_names(&words) || !signature_line(&words, 0, &mut pending, &mut found) {
            break;
        }
        used.push(j);
    }
    let roles: HashSet<&str> = found.iter().filter_map(|s| s.title.as_deref()).collect();
    let next = used.last().map_or(li, |&u| u) + 1;
    (found.len() >= 2 && roles.len() >= 2).then_some((found, used, next))
}

/// Lines of text a signature block opened by a role reaches over (three roles, each name under its role).
const ROLE_BLOCK_MAX_LINES: usize = 8;

/// Is `w` a signature role (`Sekreterare`, `Justerande:`)?
fn role(w: &str) -> bool {
    SIGNATURE_ROLES.contains(&w.trim_end_matches(':'))
}

/// Read one line of a signature block from word `k` on: roles with the names after them, or a name
/// standing alone for a role waiting in `pending`. Returns whether the line signed anything.
fn signature_line<'w>(words: &[&'w str], mut k: usize, pending: &mut Vec<&'w str>, found: &mut Vec<Signatory>) -> bool {
    let mut any = false;
    while k < words.len() {
        let w = words[k].trim_end_matches(':');
        if role(w) {
            // The name after the role, if any: capitalised words, a party in parentheses.
            let mut e = k + 1;
            while e < words.len() && !role(words[e]) && (name_word(words[e]) || words[e].starts_with('(')) {
                e += 1;
            }
            if e > k + 2 || (e == k + 2 && !words[k + 1].starts_with('(')) {
                found.push(Signatory {
                    name: words[k + 1..e].join(" "),
                    title: Some(w.to_string()),
                });
            } else {
                pending.push(w);
            }
            any = true;
            k = e;
        } else if words[k..]
            .iter()
            .all(|w| name_word(w) || w.starts_with('(') || w.chars().all(|c| c.is_ascii_digit() || c == '-'))
            && k == 0
            && !pending.is_empty()
        {
            // A name standing alone (a date after it is the signing date), or the names of two columns
            // (`Ordförande   Justerande` / `Jonas Attenius   Axel Josefson`) or of two people in one role
            // (`Justerande` / `Ingbritt Johansson Marcus Wallin`), split at first names and signed in the
            // waiting roles' order, the last role taking any more.
            let name: Vec<&str> = words
                .iter()
                .copied()
                .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
                .collect();
            let people = split_names(&name);
            // Two people in one role are its adjusters; a secretary's or a chair's line of two names is
            // another layout (names over their roles), not signed here.
            let adjusting = |r: &str| r.starts_with("Juster");
            let fits = people.len() <= pending.len() || pending.last().is_some_and(|r| adjusting(r));
            if name.len() >= 2 && fits {
                let mut role = pending[0];
                for person in people {
                    if !pending.is_empty() {
                        role = pending.remove(0);
                    }
                    found.push(Signatory {
                        name: person,
                        title: Some(role.to_string()),
                    });
                }
                any = true;
            }
            break;
        } else {
            break;
        }
    }
    any
}

/// The signatures under a board's letter: `Göteborg den 9 november 2022 Göteborgs kommunstyrelse`, then
/// the names on lines of their own (a first name and one to three more names each).
fn dated_signatures(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind], out: &mut Vec<Signatory>) {
    let dated = regex!(format!(
        r"^\p{{Lu}}\p{{Ll}}+ den \d{{1,2}} (?:{}) \d{{4}}(?:\s+\S.*)?$",
        alternation(&MONTHS)
    ));
    let line = |li: usize| text[lines[li].0..lines[li].1].trim();
    for li in 0..lines.len() {
        if kinds[li] != LineKind::Text || !dated.is_match(line(li)) {
            continue;
        }
        let mut names = Vec::new();
        for (j, kind) in kinds.iter().enumerate().skip(li + 1) {
            match kind {
                LineKind::Blank => continue,
                LineKind::Text => {
                    let words: Vec<&str> = line(j).split_whitespace().collect();
                    if (2..=4).contains(&words.len())
                        && words.iter().all(|w| name_word(w))
                        && first_names().contains(words[0])
                        && names.len() < 4
                    {
                        names.push(j);
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        for &j in &names {
            out.push(Signatory {
                name: line(j).split_whitespace().collect::<Vec<_>>().join(" "),
                title: None,
            });
            kinds[j] = LineKind::Signature;
        }
        if !names.is_empty() {
            kinds[li] = LineKind::Signature;
        }
    }
}

pub(super) fn find(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind], out: &mut Vec<Signatory>) {
    protocol_signatures(text, lines, kinds, out);
    dated_signatures(text, lines, kinds, out);
    let content: Vec<usize> = (0..lines.len()).filter(|&i| kinds[i] == LineKind::Text).collect();
    let line = |li: usize| text[lines[li].0..lines[li].1].trim();
    // The names line and the titles line among the last lines of text.
    for w in content.windows(2).rev().take(4) {
        let (n, t) = (w[0], w[1]);
        if t != n + 1 {
            continue;
        }
        let words: Vec<&str> = line(n).split_whitespace().collect();
        if !(2..=8).contains(&words.len()) || !words.iter().all(|w| name_word(w)) || !first_names().contains(words[0]) {
            continue;
        }
        let titles_line = line(t);
        if titles_line.ends_with(['.', ':', ','])
            || titles_line.split_whitespace().count() > 12
            || !titles_line.starts_with(char::is_uppercase)
        {
            continue;
        }
        let people = split_names(&words);
        let titles = split_titles(titles_line, people.len());
        let same = titles.len() == people.len();
        for (i, name) in people.into_iter().enumerate() {
            let title = if same { titles.get(i).cloned() } else { None };
            out.push(Signatory { name, title });
        }
        kinds[n] = LineKind::Signature;
        kinds[t] = LineKind::Signature;
        return;
    }
}
