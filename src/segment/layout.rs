//! Page layout: the lines of a page that are no part of the running text, and the text reflowed.
//!
//! - **Furniture**: page numbers (`3 (74)`, `Sida 1 av 2`, `- 4 -`), running headers and footers
//!   (`Göteborgs Stad Kommunfullmäktige, protokoll` or any `… Stad …, protokoll`, `Protokoll nr 8`, `Sammanträdesdatum: 2024-05-08`, the
//!   board's name above them), lines repeated from page to page next to those, and footer noise
//!   (`Justerandes sign`).
//! - **Footnotes**: a line at the foot of a page that starts with a mark (`¹`, `2`, or `!` and `™`, which
//!   are how OCR reads a superscript one) and is followed by another footnote, a URL, furniture, a new page
//!   or the end.
//! - **URLs** standing on lines of their own.
//! - **Signatories**: the name / title pair at the end of a document (`Carina Helgesson Björk Peter
//!   Söderström` over `Avdelningschef Kund- och servicecenter Förvaltningsdirektör`), split into people at
//!   first names (`data/first_names.tsv`, counted from the corpus) and into titles at capitalised title
//!   words.
//!
//! Section text leaves all of these out; [`reflow`] joins the rest into paragraphs.
use std::collections::HashMap;

use serde::Serialize;

pub use super::lines::{line_spans, LineKind};
pub use super::signatures::Signatory;
use crate::lang::{alternation, BOARD_ENDINGS, SUSPENSION_CONJUNCTIONS};
use crate::text::{fold, Hist};

/// A footnote: its mark as written, its number in the order of the document, its text and span.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Footnote {
    /// The mark as written (`!`, `2`, `¹`).
    pub mark: String,
    /// Its number, counting the document's footnotes from 1.
    pub number: u32,
    /// Its text, lines joined.
    pub text: String,
    /// Where it stands.
    pub span: (usize, usize),
}

/// A URL standing on a line of its own.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Url {
    /// The URL.
    pub url: String,
    /// Where it stands.
    pub span: (usize, usize),
}

/// The layout of a text: a kind for every line, and what was collected from the lines that are no text.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Byte spans of the lines, without line breaks.
    pub lines: Vec<(usize, usize)>,
    /// What each line is.
    pub kinds: Vec<LineKind>,
    /// The footnotes.
    pub footnotes: Vec<Footnote>,
    /// The URL lines.
    pub urls: Vec<Url>,
    /// Who signed.
    pub signatories: Vec<Signatory>,
    /// `Protokoll nr 14`, `Protokoll (nr 1)`.
    pub protocol_number: Option<u32>,
    /// `Sammanträdesdatum: 2024-05-08`.
    pub meeting_date: Option<String>,
}

impl Layout {
    /// Line `li` of `text`, without its line break.
    pub fn line<'t>(&self, text: &'t str, li: usize) -> &'t str {
        &text[self.lines[li].0..self.lines[li].1]
    }

    /// The lines of running text.
    pub fn text_lines(&self) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|&i| self.kinds[i] == LineKind::Text)
            .collect()
    }

    /// The spans of the furniture lines.
    pub fn furniture(&self) -> Vec<(usize, usize)> {
        self.lines
            .iter()
            .zip(&self.kinds)
            .filter(|(_, k)| **k == LineKind::Furniture)
            .map(|(&sp, _)| sp)
            .collect()
    }
}

/// The form a line is compared in when looking for repeats: folded, lowercase, digits as `#` (a page's
/// number changes from page to page) but a date's kept (a running header's date is the same on every page;
/// the lines of a list that differ in their dates, `Förvaltningens tjänsteskrivelse, 2024-01-05` and `…,
/// 2024-04-04`, are no repeat).
fn shape(line: &str) -> String {
    let folded = fold(line.trim());
    let dates: Vec<(usize, usize)> = if folded.contains('-') {
        regex!(r"(?:19|20)\d\d-\d\d-\d\d")
            .find_iter(&folded)
            .map(|m| (m.start(), m.end()))
            .collect()
    } else {
        Vec::new()
    };
    // The dates come in order: the one a character may stand in is the first not yet passed (a line of
    // many dates took time in the square of its length when each character asked every date).
    let mut dates = dates.iter().peekable();
    let f: String = folded
        .char_indices()
        .map(|(i, c)| {
            while dates.next_if(|&&(_, b)| b <= i).is_some() {}
            let in_date = dates.peek().is_some_and(|&&(a, b)| (a..b).contains(&i));
            if c.is_ascii_digit() && !in_date {
                '#'
            } else {
                c
            }
        })
        .collect();
    f.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Does a page start at line `li`: after a form feed, or (the page-start pattern of PDF text extraction)
/// on a line that begins with one space after a line that ends without one?
fn page_start(text: &str, lines: &[(usize, usize)], li: usize) -> bool {
    let (s, _) = lines[li];
    if s > 0 && text[..s].ends_with('\u{c}') {
        return true;
    }
    li > 0 && text[s..].starts_with(' ') && !text[s..].starts_with("  ")
}

/// Analyse the layout of `text`. `is_heading` says whether a line is a catalogue heading (never furniture).
pub fn analyse(text: &str, is_heading: &dyn Fn(&str) -> bool) -> Layout {
    let mut lines = line_spans(text);
    let mut kinds: Vec<LineKind> = lines
        .iter()
        .map(|&(s, e)| {
            if text[s..e].trim().is_empty() {
                LineKind::Blank
            } else {
                LineKind::Text
            }
        })
        .collect();
    let mut layout = Layout::default();
    margin_strips(text, &mut lines, &mut kinds);
    seed_furniture(text, &lines, &mut kinds, &mut layout);
    footer_boxes(text, &lines, &mut kinds);
    contact_blocks(text, &lines, &mut kinds);
    bare_page_numbers(text, &lines, &mut kinds);
    signature_margins(text, &lines, &mut kinds);
    page_edges(text, &lines, &mut kinds, is_heading);
    grow_furniture(text, &lines, &mut kinds, is_heading);
    footnotes(text, &lines, &mut kinds, &mut layout);
    super::signatures::find(text, &lines, &mut kinds, &mut layout.signatories);
    layout.lines = lines;
    layout.kinds = kinds;
    layout
}

/// A Swedish telephone number (`031-335 26 00`, `0771 25 26 27`).
fn phone_number() -> &'static regex::Regex {
    regex!(r"\b0\d{1,3}[- ]\d{2,3}(?: ?\d{2}){2,3}\b")
}

/// A postcode and its town (`402 24 Göteborg`, `411 05 GÖTEBORG`).
fn postal_place() -> &'static regex::Regex {
    regex!(r"\b\d{3} ?\d{2} \p{Lu}\p{L}+")
}

/// An e-mail or web address (`namn@kommun.se`, `www.kommun.se`, `kommun.se`), in any case.
fn mail_or_web() -> &'static regex::Regex {
    regex!(r"(?i)[\w.-]+@[\w-]+\.\w+|\bwww\.\S+|\b[\w-]+\.(?:se|nu|com|org)\b")
}

/// A post box (`Box 5204`).
fn post_box() -> &'static regex::Regex {
    regex!(r"\bBox \d{1,5}\b")
}

/// Seeds: lines that are furniture by their form (page numbers, also as OCR reads them: see
/// [`misread_page_number`]; running headers, `Protokoll nr 14`,
/// `Sammanträdesdatum: …`), and URL lines.
fn seed_furniture(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind], layout: &mut Layout) {
    let page = regex!(
        r"(?i)^(?:sida\s+)?\d{1,4}\s*(?:[\(\{\[]\s*\d{1,4}\s*[\)\}\]]|av\s+\d{1,4}|/\s*\d{1,4})$|^-\s*\d{1,4}\s*-$"
    );
    let proto = regex!(r"(?i)^protokoll\s*(?:\(\s*[nou]?r\.?\s*(\d{1,3})\s*\)|[nou]?r\.?\s*(\d{1,3}))$");
    // The word as OCR may damage it (`Sammantradesdatunr:`, `Sammanträdesdatuom:`), before its date.
    let date = regex!(r"(?i)^sammantr\S{0,12}:?\s*(\d{4}-\d{2}-\d{2})$");
    let header = regex!(
        r"(?i)^\S+(?: \S+)? stad(?-u:\b).{0,60},\s*protokoll(?:sutdrag)?$|^justerandes sign|^utdragsbestyrkande$"
    );
    // A short line that ends in the page's number (`2022-10-19   2 (5)`, `Datum  Vår beteckning  2 (2)`,
    // `EXEMPELSTADS KOMMUN  SAMMANTRÄDESPROTOKOLL  9 (27)`): a running header.
    let numbered = regex!(r"^(?:\S+\s+){1,6}\d{1,4}\s*\(\s*\d{1,4}\s*\)$");
    // The footer of a digitally signed document, and a letterhead's address line (`Postadress: …`,
    // `Mölndals stad, Göteborgsvägen 11, 431 82 Mölndal   molndal.se`).
    let signed = regex!(
        r"(?i)^(?:det har dokumentet ar (?:digitalt|elektroniskt) signerat|detta dokument (?:ar|har) (?:digitalt|elektroniskt) signera|dokumentet (?:ar|har) (?:digitalt|elektroniskt) signera|transaktions-?(?:identitet|id)\b|elektroniskt signerad av|signerat (?:digitalt )?av\s*:|verifikat(?:ion)?\s*[:#]?\s*[0-9a-f-]{6,})"
    );
    let address = regex!(r"(?i)^(?:postadress|besoksadress|bes\.?adr|post- och besoksadress)\b");
    let labels = regex!(
        r"(?i)\b(?:postadress|besoksadress|telefon|tel|vaxel|e-post|epost|fax|telefax|webb|webbadress|hemsida|bankgiro|plusgiro|org\.? ?nr|organisationsnummer)\b"
    );
    let postal = postal_place();
    let domain = regex!(r"(?i)\b[\w-]+\.(?:se|nu|com|org)\b");
    // The values of a letterhead whose labels stand on the line above (`Telefon, växel:  E-post:  Postadress:`
    // / `031-335 26 00   Box 5204   402 24 GÖTEBORG`): kinds of contact detail, two of which make one.
    let contact = [
        phone_number(),
        postal_place(),
        mail_or_web(),
        post_box(),
        regex!(r"\b\d{6}-\d{4}\b"),
    ];
    let url = regex!(r"^(?:https?://|www\.)\S+$");
    // How many lines of text follow each line on its page: a letterhead's address stands at the foot.
    let mut below = vec![0usize; lines.len()];
    let mut count = 0;
    for li in (0..lines.len()).rev() {
        below[li] = count;
        let (s, e) = lines[li];
        if page_start(text, lines, li) {
            count = 0;
        } else if !text[s..e].trim().is_empty() {
            count += 1;
        }
    }
    // How many lines of text stand above each line on its page: a running header stands at the head.
    let mut above = vec![0usize; lines.len()];
    let mut count = 0;
    for li in 0..lines.len() {
        if page_start(text, lines, li) {
            count = 0;
        }
        above[li] = count;
        let (s, e) = lines[li];
        if !text[s..e].trim().is_empty() {
            count += 1;
        }
    }
    for (li, &(s, e)) in lines.iter().enumerate() {
        let t = text[s..e].trim();
        if t.is_empty() {
            continue;
        }
        let folded = fold(t);
        // A running header or footer that ends in its page number as OCR reads it (`2022-12-14 215)`:
        // `2 (5)` with the bracket read as a 1).
        let words: Vec<&str> = t.split_whitespace().collect();
        let misread_numbered = (above[li] < FOOTER_LINES || below[li] < FOOTER_LINES)
            && (2..=7).contains(&words.len())
            && words.last().is_some_and(|w| misread_page_number(w));
        // At the foot of a page: among its last lines, or just above its page number.
        let foot = below[li] < FOOTER_LINES
            || lines[li + 1..]
                .iter()
                .take(FOOTER_LINES + 2)
                .any(|&(a, b)| page.is_match(text[a..b].trim()));
        let letterhead = foot
            && (address.is_match(&folded)
                || labels.find_iter(&folded).count() >= 2
                || (postal.is_match(t)
                    && domain.is_match(t)
                    && !t.ends_with('.')
                    && t.split_whitespace().count() <= 15)
                || (contact.iter().filter(|c| c.is_match(t)).count() >= 2
                    && !t.ends_with('.')
                    && t.split_whitespace().count() <= 15)
                // With a digit somewhere: hyphenated words are no reference.
                || (signature_reference().is_match(t) && t.contains(|c: char| c.is_ascii_digit())));
        let edge = above[li] < EDGE_NUMBER_LINES || below[li] < EDGE_NUMBER_LINES;
        if page.is_match(t)
            || misread_page_number(t)
            || (edge && bracket_lost_page_number(t))
            || header.is_match(&folded)
            || numbered.is_match(t)
            || misread_numbered
            || signed.is_match(&folded)
            || letterhead
        {
            kinds[li] = LineKind::Furniture;
        } else if let Some(c) = proto.captures(t) {
            kinds[li] = LineKind::Furniture;
            if layout.protocol_number.is_none() {
                layout.protocol_number = c.get(1).or(c.get(2)).and_then(|m| m.as_str().parse().ok());
            }
        } else if let Some(c) = date.captures(&folded) {
            kinds[li] = LineKind::Furniture;
            layout.meeting_date.get_or_insert_with(|| c[1].to_string());
        } else if url.is_match(t) {
            kinds[li] = LineKind::Url;
            let lead = text[s..e].len() - text[s..e].trim_start().len();
            layout.urls.push(Url {
                url: t.to_string(),
                span: (s + lead, s + lead + t.len()),
            });
        }
    }
}

/// A letterhead's contact box under the page number at a page's foot (`1 (4)` / `Kommunstyrelsens
/// förvaltning   Kungsbacka kommun` / `434 81 Kungsbacka` / `Telefon 0300-83 40 00` / `www.kungsbacka.se`):
/// the lines between the page number and the page break are furniture when at most
/// [`FOOTER_BOX_LINES`] and when two or more kinds of contact detail stand in them (a postal code, a phone
/// number, an e-mail or web address, an address label).
fn footer_boxes(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind]) {
    let page = regex!(r"(?i)^(?:sida\s+)?\d{1,4}\s*(?:[\(\{\[]\s*\d{1,4}\s*[\)\}\]]|av\s+\d{1,4}|/\s*\d{1,4})$");
    let details = [
        regex!(r"\b\d{3} ?\d{2} \p{Lu}\p{Ll}+"),
        phone_number(),
        regex!(r"[\w.-]+@[\w-]+\.\w+|\bwww\.\S+|\b[\w-]+\.(?:se|nu|com|org)\b"),
        regex!(r"(?i)\b(?:postadress|besöksadress|besoksadress|telefon|växel|e-post|webbplats|organisationsnummer)\b"),
    ];
    for on_page in form_feed_pages(text, lines) {
        let (li, end) = (on_page.start, on_page.end - 1);
        let text_of = |j: usize| text[lines[j].0..lines[j].1].trim();
        let number = (li..=end)
            .rev()
            .find(|&j| page.is_match(text_of(j)) || misread_page_number(text_of(j)));
        if let Some(n) = number {
            let boxed: Vec<usize> = (n + 1..=end).filter(|&j| !text_of(j).is_empty()).collect();
            let found = details
                .iter()
                .filter(|d| boxed.iter().any(|&j| d.is_match(text_of(j))))
                .count();
            if !boxed.is_empty() && boxed.len() <= FOOTER_BOX_LINES && found >= 2 {
                for j in boxed {
                    kinds[j] = LineKind::Furniture;
                }
            }
        }
    }
}

/// A letterhead's contact block at the foot of a page that another page follows (a cover's or a letter's
/// first page): the page's last lines of text, with no blank line between them, at least
/// [`CONTACT_BLOCK_LINES`] of them contact details (`BESÖK: STOCKHOLM – VIRKESVÄGEN 2`, `POST: 106 48
/// STOCKHOLM`, `TEL: 010-698 10 00`, `(hiss)   TELEFAX   WEBBPLATS`, `432 80 Varberg   www.varberg.se`) and
/// never two others in a row (`ÖSTERSUND – FORSKARENS VÄG 5, HUS UB`, `Östra Vallgatan 12`), are furniture.
/// The last page is left alone: a letter's contact lines there are its text (`Vid frågor kontakta: …`).
fn contact_blocks(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind]) {
    let label = regex!(
        r"(?i)^(?:besok|besoksadress|post|postadress|tel|telefon|vaxel|e-post|epost|internet|webb|webbplats|hemsida|fax|telefax|org\.? ?nr|organisationsnummer|bankgiro|plusgiro)\s*:"
    );
    let labels = regex!(
        r"(?i)\b(?:postadress|besoksadress|telefon|vaxel|e-post|e-postadress|telefax|webbplats|hemsida|organisationsnummer|bankgiro|plusgiro)\b"
    );
    let details = [phone_number(), postal_place(), mail_or_web(), post_box()];
    let contact = |t: &str| {
        let f = fold(t);
        label.is_match(&f)
            || (t.split_whitespace().count() <= CONTACT_LINE_WORDS
                && !t.ends_with('.')
                && (labels.is_match(&f) || details.iter().any(|d| d.is_match(t))))
    };
    let pages = form_feed_pages(text, lines);
    for on_page in pages.iter().take(pages.len().saturating_sub(1)) {
        let mut block = Vec::new();
        let (mut found, mut other_above) = (0, false);
        for li in on_page.clone().rev() {
            let t = text[lines[li].0..lines[li].1].trim();
            match kinds[li] {
                // A line of the block already known (`POSTADRESS   BESÖKSADRESS …`) counts for it.
                LineKind::Furniture => {
                    if contact(t) {
                        found += 1;
                        other_above = false;
                    }
                    continue;
                }
                LineKind::Blank if block.is_empty() => continue,
                LineKind::Blank => break,
                _ => {}
            }
            if contact(t) {
                found += 1;
                other_above = false;
            } else if other_above || block.is_empty() {
                break;
            } else {
                other_above = true;
            }
            block.push(li);
        }
        // The block begins with a contact detail.
        if other_above {
            block.pop();
        }
        if found >= CONTACT_BLOCK_LINES {
            for li in block {
                kinds[li] = LineKind::Furniture;
            }
        }
    }
}

/// A letterhead's contact block has at least this many lines of contact details…
const CONTACT_BLOCK_LINES: usize = 3;
/// …each of at most this many words (or begun with a contact label and a colon).
const CONTACT_LINE_WORDS: usize = 10;

/// Page numbers written as a bare number (`1`, `2`) as the last or the first line of text of their pages:
/// furniture when on two or more pages the number is the page's place plus the same offset (a report
/// numbers its pages from after its table of contents). A number alone on one page's edge may be a table's
/// last cell and stays.
fn bare_page_numbers(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind]) {
    let bare = regex!(r"^\d{1,3}$");
    let pages = form_feed_pages(text, lines);
    for edge in [true, false] {
        // (page, line, offset of its number from the page's place)
        let mut numbered: Vec<(usize, usize, i64)> = Vec::new();
        for (p, page) in pages.iter().enumerate() {
            let mut of_text = page
                .clone()
                .filter(|&j| !text[lines[j].0..lines[j].1].trim().is_empty());
            let at = if edge { of_text.next_back() } else { of_text.next() };
            if let Some(j) = at {
                let t = text[lines[j].0..lines[j].1].trim();
                if let (true, Ok(n)) = (bare.is_match(t), t.parse::<i64>()) {
                    numbered.push((p, j, n - p as i64));
                }
            }
        }
        for &(_, j, offset) in &numbered {
            if numbered.iter().filter(|&&(_, _, o)| o == offset).count() >= 2 {
                kinds[j] = LineKind::Furniture;
            }
        }
    }
}

/// The reference of an electronic signature: groups of hexadecimal digits (`460bdf57-…`), or of capitals
/// and digits (`OFBSJ-VKCPI-VUNL4-…`).
fn signature_reference() -> &'static regex::Regex {
    regex!(r"^(?:[0-9a-f]{4,}(?:-[0-9a-f]{4,}){3,}|[0-9A-Z]{4,}(?:-[0-9A-Z]{4,}){3,})$")
}

/// An electronic signature's reference stands in the page's margin, printed sideways; text extraction
/// reads its label as single words, often reversed (`:ecnerefer`, `erutangiS`). Single words of at most
/// [`MARGIN_WORD_CHARS`] characters on the lines right after a signature reference that is furniture, up to the
/// page's end, are furniture too.
fn signature_margins(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind]) {
    let reference = signature_reference();
    for page in form_feed_pages(text, lines) {
        let text_of = |j: usize| text[lines[j].0..lines[j].1].trim();
        let Some(id) = page
            .clone()
            .find(|&j| kinds[j] == LineKind::Furniture && reference.is_match(text_of(j)))
        else {
            continue;
        };
        let rest: Vec<usize> = (id + 1..page.end).filter(|&j| !text_of(j).is_empty()).collect();
        let single = |j: &usize| {
            let t = text_of(*j);
            !t.contains(char::is_whitespace) && t.chars().count() <= MARGIN_WORD_CHARS
        };
        if rest.len() <= MARGIN_WORDS && rest.iter().all(single) {
            for j in rest {
                kinds[j] = LineKind::Furniture;
            }
        }
    }
}

/// A signature's margin label is at most this many words, each at most [`MARGIN_WORD_CHARS`] long.
const MARGIN_WORDS: usize = 3;
const MARGIN_WORD_CHARS: usize = 24;

/// A line of a margin strip is at most this many characters, without a space in it.
const STRIP_CHARS: usize = 4;
/// A page carries a margin strip when it has at least this many strip lines …
const STRIP_MIN_LINES: usize = 10;
/// … and at least this share of its non-blank lines are strip lines.
const STRIP_MIN_SHARE: f32 = 0.2;
/// … and at least this share of its strip lines are pieces no table writes (see `margin_strips`).
const STRIP_MIN_ODD: f32 = 0.08;
/// … and at least this many.
const STRIP_MIN_ODD_LINES: usize = 3;
/// A strip's characters glued in front of a line of text: at most this many tokens.
const STRIP_MAX_PREFIX: usize = 8;

/// Could `t` (trimmed) be a piece of a margin strip: a few characters, no space, not a § sign?
fn strip_piece(t: &str) -> bool {
    !t.is_empty() && t.chars().count() <= STRIP_CHARS && !t.contains(char::is_whitespace) && !t.contains('§')
}

/// Is `t` (trimmed) nothing but a strip's characters side by side (`d 5 b 2`, `e: e: n c`): tokens of one
/// or two characters, none a word?
fn strip_only(t: &str) -> bool {
    let token = regex!(r"^[0-9A-Za-zÅÄÖåäö]{1,2}[-:]?$");
    t.contains(' ') && t.split_whitespace().all(|w| token.is_match(w) && !is_short_word(w))
}

/// Text printed sideways in a page's margin (an electronic signature's strip: `Signerat av … Verifikat …`)
/// comes out of PDF text extraction as lines of one to four characters (`c`, `e:`, `a-`, `6f`, `SiSi`)
/// between the lines of the page or side by side (`d 5 b 2`), and as such characters glued in front of a line of text
/// (`9- Beslutet expedieras till:`, `4 7 Beslutsgång`). On a page where such lines are many (at least
/// [`STRIP_MIN_LINES`], a [`STRIP_MIN_SHARE`] of its lines, most with a letter in them, some of them
/// pieces no table writes: a column of numbers or a roll call's cells are no strip), they are furniture, and a line of text next to one loses the strip's characters
/// in front of it (its span starts after them) when a word with a capital or a bullet follows them and
/// they are no common word (`I`, `En`, `i Simrishamn`).
fn margin_strips(text: &str, lines: &mut [(usize, usize)], kinds: &mut [LineKind]) {
    for page in form_feed_pages(text, lines) {
        let text_of = |j: usize| text[lines[j].0..lines[j].1].trim();
        let non_blank = page.clone().filter(|&j| kinds[j] != LineKind::Blank).count();
        let pieces: Vec<usize> = page
            .clone()
            .filter(|&j| kinds[j] == LineKind::Text && strip_piece(text_of(j)))
            .collect();
        let runs: Vec<usize> = page
            .clone()
            .filter(|&j| kinds[j] == LineKind::Text && strip_only(text_of(j)))
            .collect();
        let lettered = pieces
            .iter()
            .filter(|&&j| text_of(j).chars().any(char::is_alphabetic))
            .count();
        // What no table writes: a letter and a digit together (`6f`, `a0`), or a letter or digit cut off by a
        // hyphen or colon (`a-`, `e:`, `9-`). A roll call's cells (`Ja`, `S`, `76`) are none.
        let odd = pieces
            .iter()
            .filter(|&&j| {
                let t = text_of(j);
                let mixed = t.chars().any(|c| c.is_ascii_digit()) && t.chars().any(char::is_alphabetic);
                mixed || (t.chars().count() >= 2 && t.ends_with(['-', ':']))
            })
            .count();
        if pieces.len() < STRIP_MIN_LINES
            || (pieces.len() as f32) < STRIP_MIN_SHARE * non_blank as f32
            || 2 * lettered < pieces.len()
            || odd < STRIP_MIN_ODD_LINES
            || (odd as f32) < STRIP_MIN_ODD * pieces.len() as f32
        {
            continue;
        }
        for &j in pieces.iter().chain(&runs) {
            kinds[j] = LineKind::Furniture;
        }
        let beside = |k: usize| page.contains(&k) && kinds[k] == LineKind::Furniture && strip_piece(text_of(k));
        let cuts: Vec<(usize, usize)> = page
            .clone()
            .filter(|&j| kinds[j] == LineKind::Text && (beside(j.wrapping_sub(1)) || beside(j + 1)))
            .filter_map(|j| strip_prefix(&text[lines[j].0..lines[j].1]).map(|cut| (j, cut)))
            .collect();
        for (j, cut) in cuts {
            lines[j].0 += cut;
        }
    }
}

/// How many bytes of `line` are a margin strip's characters in front of its text: up to
/// [`STRIP_MAX_PREFIX`] tokens of one or two letters or digits (a hyphen or colon after them), each
/// followed by one space, before a word that begins with a capital or a bullet; none when a token
/// is a common word or the first of a numbered line's marks (`2.`, `3)`).
fn strip_prefix(line: &str) -> Option<usize> {
    glued_prefix(line, regex!(r"^([0-9A-Za-zÅÄÖåäö]{1,2}[-:]?) "), STRIP_MAX_PREFIX, true)
}

/// How many bytes of `line` (its leading white space included) are up to `max` tokens a margin strip glued
/// in front of its text: each a match of `token` (its group 1, then one space), a word of one or two letters
/// ([`is_short_word`]) ending them, and a capital (or, with `bullet`, a bullet) after them. The one reading
/// of such tokens for the strips [`margin_strips`] finds and the remnants headings find without them.
pub(super) fn glued_prefix(line: &str, token: &regex::Regex, max: usize, bullet: bool) -> Option<usize> {
    let mut at = line.len() - line.trim_start().len();
    let mut n = 0;
    while n < max {
        let Some(m) = token.captures(&line[at..]) else { break };
        let tok = m.get(1).map_or("", |t| t.as_str());
        let word = tok.trim_end_matches(['-', ':']);
        if tok == word && is_short_word(word) {
            break;
        }
        at += m.get(0).map_or(0, |m| m.end());
        n += 1;
    }
    let rest = &line[at..];
    (n > 0 && rest.starts_with(|c: char| c.is_uppercase() || bullet && c == '•')).then_some(at)
}

/// A token of two letters this common as a word (`en`, `om`, `av`) is a word, not a strip's characters.
const STRIP_WORD_ZIPF: f32 = 4.0;

/// Is `t` a word of one or two letters: `i`, `å`, `ö` (the one-letter words), or a common two-letter word?
pub(super) fn is_short_word(t: &str) -> bool {
    match t.chars().count() {
        1 => matches!(t, "i" | "I" | "å" | "Å" | "ö" | "Ö"),
        _ => {
            t.chars().all(char::is_alphabetic)
                && crate::lexicon::Lexicon::embedded()
                    .lookup(t)
                    .is_some_and(|e| e.is_valid() && e.zipf() >= STRIP_WORD_ZIPF)
        }
    }
}

/// The lines of each page, as ranges of line indices: pages end at form feeds (a text without one is one
/// page).
fn form_feed_pages(text: &str, lines: &[(usize, usize)]) -> Vec<std::ops::Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    for (li, &(s, _)) in lines.iter().enumerate().skip(1) {
        if text[..s].ends_with('\u{c}') {
            pages.push(start..li);
            start = li;
        }
    }
    if start < lines.len() {
        pages.push(start..lines.len());
    }
    pages
}

/// Lines at a page's edge that OCR damaged differently on each page (`Diarienummer: GRFS 2023-00121` /
/// `Diarienummer: FS$2023-00121`): for each key of `seen` (an edge line, and on how many pages it stands)
/// that is a frequent key (on two or more pages; the [`FUZZY_KEYS`] most frequent) or within a few edits of
/// a more frequent one (one per [`FUZZY_CHARS_PER_EDIT`] characters), on how many pages that frequent line
/// stands, its damaged copies counted. Keys shorter than [`FUZZY_MIN_CHARS`] are compared only exactly.
fn fuzzy_repeats(seen: &HashMap<String, usize>) -> HashMap<String, usize> {
    let long = |k: &str| k.chars().filter(|c| c.is_alphanumeric()).count() >= FUZZY_MIN_CHARS;
    let mut frequent: Vec<(&String, usize)> = seen
        .iter()
        .filter(|(k, &n)| n >= 2 && long(k))
        .map(|(k, &n)| (k, n))
        .collect();
    frequent.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    frequent.truncate(FUZZY_KEYS);
    // Every other key may be a damaged copy, also one OCR damaged alike on two pages (`Handkngsplan …`).
    let mut rare: Vec<(&String, usize)> = seen.iter().filter(|(k, _)| long(k)).map(|(k, &n)| (k, n)).collect();
    rare.sort_unstable();
    // Most lines are far from every frequent one: `Hist` rules them out before they are aligned.
    let frequent_bins: Vec<(Hist, usize, usize)> = frequent
        .iter()
        .map(|(f, _)| {
            let flen = f.chars().count();
            (Hist::of(f), flen, (flen / FUZZY_CHARS_PER_EDIT).max(1))
        })
        .collect();
    // Each damaged key and the frequent key it is a copy of.
    let copies: Vec<(&String, usize, usize)> = rare
        .into_iter()
        .filter_map(|(k, n)| {
            let len = k.chars().count();
            let h = Hist::of(k);
            frequent
                .iter()
                .zip(&frequent_bins)
                .position(|((f, fn_), (fh, flen, allowed))| {
                    *f != k
                        && *fn_ > n
                        && flen.abs_diff(len) <= *allowed
                        && h.bound(fh) <= *allowed
                        && strsim::levenshtein(f, k) <= *allowed
                })
                .map(|i| (k, n, i))
        })
        .collect();
    let mut total: Vec<usize> = frequent.iter().map(|f| f.1).collect();
    for &(_, n, i) in &copies {
        total[i] += n;
    }
    let mut out: HashMap<String, usize> = frequent
        .iter()
        .zip(&total)
        .map(|((f, _), &n)| ((*f).clone(), n))
        .collect();
    out.extend(copies.into_iter().map(|(k, _, i)| (k.clone(), total[i])));
    out
}

/// A line is compared with damage allowed only with at least this many letters and digits…
const FUZZY_MIN_CHARS: usize = 10;
/// …and one edit per this many characters of the frequent line.
const FUZZY_CHARS_PER_EDIT: usize = 8;
/// The frequent lines a damaged one is compared with.
const FUZZY_KEYS: usize = 16;

/// A letterhead's contact box has at most this many lines.
const FOOTER_BOX_LINES: usize = 10;

/// Lines that stand at the same place on most pages: at the head of a page (among its first
/// [`EDGE_LINES`] lines of text, with only furniture or other such lines above them) or at its foot, the
/// same text on at least two pages and on at least half of them (`Datum` / `2024-02-20` under the running
/// header). A line that reads like a heading is one only between furniture and the page's edge (under the
/// running header: `Datum`); one that opens the page (`Beslut` where the page break fell) stays text. A §
/// line is never one. Pages are known only by form feeds.
fn page_edges(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind], is_heading: &dyn Fn(&str) -> bool) {
    // The lines of text of each page.
    let pages: Vec<Vec<usize>> = form_feed_pages(text, lines)
        .into_iter()
        .map(|page| {
            page.filter(|&li| !text[lines[li].0..lines[li].1].trim().is_empty())
                .collect()
        })
        .collect();
    if pages.len() < 2 {
        return;
    }
    // The running header of the first page often lacks the page number the others end in
    // (`KOMMUN  SAMMANTRÄDESPROTOKOLL` / `KOMMUN  SAMMANTRÄDESPROTOKOLL  2 (45)`): compared without it.
    // OCR reads `2 (5)` as `215)` too: the bracket as a digit.
    let page_number = regex!(r"\s*(?:\d{1,4}\s*[\(\[{1lI|]?\s*\d{1,4}\s*[\)\]}]|\d{1,4}\s*(?:av|/)\s*\d{1,4})$");
    // A report's running footer carries the bare page number on the outer side, so at the start on even
    // pages and at the end on odd ones (`4   Handlingsplan … | Varbergs kommun` / `Handlingsplan … |
    // Varbergs kommun 5`), and its dash may be typeset differently on the two (`-`, `–`): compared with the
    // number in either place as one mark, and with one dash.
    let bare_number = regex!(r"^\d{1,4}\s+|\s+\d{1,4}$");
    let case_word = regex!(r"\b(?:dnr|diarienummer|arendenummer)\b");
    let numbered_case = regex!(r"^\S{0,2}\d{1,4}\s+(?:dnr|diarienummer|arendenummer)\b");
    // The gap between a header's columns differs from page to page (`KOMMUNFULLMÄKTIGE      SAMMANTRÄDES…`):
    // compared with single spaces.
    let key = |li: usize| {
        let folded = fold(text[lines[li].0..lines[li].1].trim()).replace(['–', '—'], "-");
        let single = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        // A case number's `2025/118` is no page number `2/5`.
        let numbered = if case_word.is_match(&single) {
            std::borrow::Cow::Borrowed(single.as_str())
        } else {
            page_number.replace(&single, "")
        };
        // Marked as numbered: a title with its page number in a table of contents (`Förord 1`) is no copy
        // of the heading that opens that page (`Förord`).
        match bare_number.replace_all(&numbered, "") {
            std::borrow::Cow::Owned(bare) => format!("{bare} #"),
            std::borrow::Cow::Borrowed(_) => numbered.into_owned(),
        }
    };
    // A § line (`§ 38 Dnr …`, `KS § 12`) opens a paragraph, wherever it stands.
    let section_sign = regex!(r"^(?:\p{Lu}{2,6}\s+)?§\s*\d");
    let edge = |page: &Vec<usize>, top: bool| -> Vec<usize> {
        if top {
            page.iter().take(EDGE_LINES).copied().collect()
        } else {
            page.iter().rev().take(EDGE_LINES).copied().collect()
        }
    };
    for top in [true, false] {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for page in &pages {
            let mut keys: Vec<String> = edge(page, top).into_iter().map(key).collect();
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                *seen.entry(k).or_default() += 1;
            }
        }
        let needed = pages.len().div_ceil(2).max(2);
        let fuzzy = fuzzy_repeats(&seen);
        for page in &pages {
            let mut outer_furniture = false;
            for li in edge(page, top) {
                let t = text[lines[li].0..lines[li].1].trim();
                let k = key(li);
                let exact = seen.get(&k).is_some_and(|&n| n >= needed);
                // A number before a case number that repeats only nearly (`521 Dnr KS 2025/118`, `522 Dnr KS
                // 2025/87`: § lines whose sign OCR misread, at the head of each page) is each page's own; a
                // letterhead's case number stands alone (damaged or not: `Diarienummer: FS$2023-00121`).
                let own_case = !exact && numbered_case.is_match(&fold(t));
                let repeated = exact || (fuzzy.get(&k).is_some_and(|&n| n >= needed) && !own_case);
                if kinds[li] == LineKind::Furniture {
                    outer_furniture = true;
                    continue;
                }
                let folded = key(li);
                if !repeated
                    || folded.chars().filter(|c| c.is_alphanumeric()).count() < EDGE_MIN_CHARS
                    || crate::lang::roll_call_cell(&fold(t).split_whitespace().collect::<Vec<_>>())
                    || section_sign.is_match(t)
                    || (!outer_furniture && is_heading(t))
                {
                    break;
                }
                kinds[li] = LineKind::Furniture;
                outer_furniture = true;
            }
        }
    }
}

/// How many lines of text at the head and the foot of a page [`page_edges`] looks at.
const EDGE_LINES: usize = 6;
/// A line at a page's edge with fewer letters and digits than this (`ja` closing a roll-call table on
/// two pages) is no furniture by its place alone.
const EDGE_MIN_CHARS: usize = 4;

/// A page number `N (M)` as OCR reads it with the bracket taken for a `1`, `l`, `I` or `|` (`1 (3)` as
/// `113)`, `2 (5)` as `215)`): some split of the digits gives a page no higher than the page count (`2014)`
/// at a line's start, a year closing a bracket, gives none).
fn misread_page_number(t: &str) -> bool {
    let Some(body) = t.strip_suffix(')') else {
        return false;
    };
    let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if body.len() < 3 || body.len() > 7 || !body.is_ascii() {
        return false;
    }
    (1..body.len() - 1).any(|i| {
        let (n, rest) = body.split_at(i);
        let (sign, m) = rest.split_at(1);
        matches!(sign, "1" | "l" | "I" | "|") && page_of(n, m)
    })
}

/// Are `n` and `m` digits that read as page `n` of `m` (1 ≤ n ≤ m ≤ 999)?
fn page_of(n: &str, m: &str) -> bool {
    n.chars().all(|c| c.is_ascii_digit())
        && m.chars().all(|c| c.is_ascii_digit())
        && matches!((n.parse::<u32>(), m.parse::<u32>()), (Ok(a), Ok(b)) if a >= 1 && a <= b && b <= 999)
}

/// A page number `N (M)` whose opening bracket OCR read as a `0` or an `o`, or lost (`2 (7)` as `207)` or
/// `27)`): some split of the digits gives a page no higher than the page count, and the whole is no year
/// closing a bracket (`2014)`). Only as one of a page's [`EDGE_NUMBER_LINES`] first or last lines.
fn bracket_lost_page_number(t: &str) -> bool {
    let Some(body) = t.strip_suffix(')') else {
        return false;
    };
    let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if body.len() < 2 || body.len() > 7 || !body.is_ascii() || crate::text::is_year(&body) {
        return false;
    }
    (1..body.len()).any(|i| {
        let (n, rest) = body.split_at(i);
        page_of(n, rest)
            || rest
                .strip_prefix(['0', 'o', 'O'])
                .is_some_and(|m| !m.is_empty() && page_of(n, m))
    })
}

/// A page number whose bracket OCR lost is read among this many first or last lines of text of a page.
const EDGE_NUMBER_LINES: usize = 2;

/// A letterhead's address lines stand among the last this many lines of text of a page.
const FOOTER_LINES: usize = 4;

/// Grow: lines repeated from page to page, and the board's name, next to furniture. A repeated line must
/// touch furniture (blank lines between at most); the board's name may stand one line of text away
/// (`Kommunstyrelsen` / `Protokollsanteckning` / `Protokoll nr 14`). Headings never become furniture.
fn grow_furniture(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind], is_heading: &dyn Fn(&str) -> bool) {
    let organ = regex!(format!(
        r"(?i)^\S*(?:{})(?:\s+\S+){{0,2}}$",
        alternation(&BOARD_ENDINGS)
    ));
    let line_shapes: Vec<String> = lines.iter().map(|&(s, e)| shape(&text[s..e])).collect();
    let mut shapes: HashMap<&str, usize> = HashMap::new();
    for sh in &line_shapes {
        if sh.chars().count() >= 6 {
            *shapes.entry(sh.as_str()).or_default() += 1;
        }
    }
    let repeats = if text.contains('\u{c}') { 2 } else { 3 };
    loop {
        // A line counts as repeated where it repeats next to furniture: a § title that a table of contents
        // lists too (`Meddelanden`, once above a page's footer) is text.
        let mut at_edges: HashMap<&str, usize> = HashMap::new();
        for li in 0..lines.len() {
            let near = kinds[li] == LineKind::Furniture
                || (kinds[li] == LineKind::Text
                    && (near_furniture(kinds, li, -1, 1) || near_furniture(kinds, li, 1, 1)));
            if near && shapes.contains_key(line_shapes[li].as_str()) {
                *at_edges.entry(line_shapes[li].as_str()).or_default() += 1;
            }
        }
        let mut changed = false;
        for li in 0..lines.len() {
            if kinds[li] != LineKind::Text {
                continue;
            }
            let t = text[lines[li].0..lines[li].1].trim();
            // A line that ends a sentence or introduces what follows (`Kommunstyrelsen beslutar:`, repeated
            // in every §) is text.
            let introduces = t.ends_with(':') && t.matches(':').count() == 1 && t.split_whitespace().count() <= 6;
            if t.ends_with(['.', ',', ';']) || introduces {
                continue;
            }
            let repeated = at_edges.get(line_shapes[li].as_str()).is_some_and(|&n| n >= repeats);
            // The board's name, alone or with a word or two (`Kommunstyrelsen`, `Samhällsplaneringsnämnden
            // Sammanträdesprotokoll`); not with a remark in brackets (`Kommunstyrelsen (för kännedom)`, a
            // distribution list's line).
            let board = !repeated && organ.is_match(&line_shapes[li]) && !t.contains('(');
            if !(repeated || board) || is_heading(t) {
                continue;
            }
            let reach = if board { 2 } else { 1 };
            if near_furniture(kinds, li, -1, reach) || near_furniture(kinds, li, 1, reach) {
                kinds[li] = LineKind::Furniture;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Is there furniture in direction `dir` from line `li`, with blank lines and fewer than `reach` lines of
/// anything else between?
fn near_furniture(kinds: &[LineKind], li: usize, dir: isize, reach: usize) -> bool {
    let mut j = li as isize;
    let mut seen = 0;
    loop {
        j += dir;
        if j < 0 || j as usize >= kinds.len() || seen >= reach {
            return false;
        }
        match kinds[j as usize] {
            LineKind::Blank => {}
            LineKind::Furniture => return true,
            _ => seen += 1,
        }
    }
}

/// A footnote's first line: a mark, a space, and text that begins with a capital, a digit or a quote.
fn footnote_start(t: &str) -> Option<(&str, &str)> {
    let start = regex!(r#"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}|[!™*†])\s+([\p{Lu}\d"”“'].*)$"#);
    let c = start.captures(t)?;
    let (m, rest) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    // `2 000 kronor`, `3 kap.`: numbers and references, not marks. A report's later chapters number their
    // notes past thirty (`37 European Monitoring and Evaluation Programme`).
    if m.chars().all(|c| c.is_ascii_digit())
        && (rest.starts_with(|c: char| c.is_ascii_digit()) || m.parse::<u32>().map_or(true, |n| n == 0))
    {
        return None;
    }
    // A table's numbered row (`1 P 6289 Utrustning uppstart 1 000 500 0 0 0 1 500`): its columns are bare
    // numbers; a note's numbers stand in its prose (`Lag (2018:597) …, 11 kap. 3 §`).
    if rest
        .split_whitespace()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .count()
        >= TABLE_ROW_NUMBERS
    {
        return None;
    }
    Some((m, rest))
}

fn footnotes(text: &str, lines: &[(usize, usize)], kinds: &mut [LineKind], layout: &mut Layout) {
    let line = |li: usize| text[lines[li].0..lines[li].1].trim();
    let mut li = 0;
    let mut number = 0;
    while li < lines.len() {
        if kinds[li] != LineKind::Text {
            li += 1;
            continue;
        }
        let Some((mark, first)) = footnote_start(line(li)) else {
            li += 1;
            continue;
        };
        // The footnote's lines: the first, the text lines straight after it, and a short parenthesised
        // line after a blank one (`(digg.se)`).
        let mut end = li;
        let mut parts = vec![first.to_string()];
        let mut j = li + 1;
        while j < lines.len() {
            match kinds[j] {
                LineKind::Text if footnote_start(line(j)).is_none() && !page_start(text, lines, j) => {
                    parts.push(line(j).to_string());
                    end = j;
                    j += 1;
                }
                LineKind::Blank
                    if j + 1 < lines.len()
                        && kinds[j + 1] == LineKind::Text
                        && line(j + 1).starts_with('(')
                        && line(j + 1).len() < 40 =>
                {
                    parts.push(line(j + 1).to_string());
                    end = j + 1;
                    j += 2;
                }
                _ => break,
            }
        }
        // What follows must be the foot of a page: another footnote, a URL, furniture, a new page, the end.
        let mut k = end + 1;
        while k < lines.len() && kinds[k] == LineKind::Blank {
            k += 1;
        }
        let foot = k >= lines.len()
            || matches!(kinds[k], LineKind::Url | LineKind::Furniture)
            || footnote_start(line(k)).is_some()
            || page_start(text, lines, k);
        // The first footnote of a run needs its mark in the text above (`intelligens™!.`, `staden²`), or,
        // where the text lost its superscripts, to be the document's first under a line of prose; the next
        // ones follow it in order. A mark past thirty is a note only where the text refers to it.
        let n = mark.parse::<u32>().ok();
        let follows = number > 0 && n.is_some_and(|n| n == number + 1);
        let first_under_prose = number == 0 && n == Some(1) && {
            let above = (0..li).rev().find(|&j| kinds[j] != LineKind::Blank);
            above.is_some_and(|j| {
                kinds[j] == LineKind::Text
                    && footnote_start(line(j)).is_none()
                    && line(j).split_whitespace().count() >= FOOTNOTE_PROSE_WORDS
            })
        };
        // The text above is read only where it decides (it is most of a page, and most candidate lines are
        // no footnote): not for a line that is no foot of a page, nor after the footnote before it.
        let shaped = foot && parts.len() <= 4;
        let referenced = shaped && !follows && !first_under_prose && referenced(page_before(text, lines[li].0), mark);
        let known = follows || referenced || first_under_prose;
        if !shaped || !known || (n.is_some_and(|n| n > FOOTNOTE_MAX_UNREFERENCED) && !referenced && !follows) {
            li += 1;
            continue;
        }
        number += 1;
        let (s, e) = (
            lines[li].0 + (text[lines[li].0..lines[li].1].len() - text[lines[li].0..lines[li].1].trim_start().len()),
            lines[end].1,
        );
        layout.footnotes.push(Footnote {
            mark: mark.to_string(),
            number,
            text: parts.join(" "),
            span: (s, text[..e].trim_end().len().max(s)),
        });
        for kind in kinds.iter_mut().take(end + 1).skip(li) {
            if *kind == LineKind::Text {
                *kind = LineKind::Footnote;
            }
        }
        li = end + 1;
    }
}

/// The text of the page before `at` (from the last page break, at most [`FOOTNOTE_REACH`] bytes): where
/// the reference to a footnote at `at` stands.
fn page_before(text: &str, at: usize) -> &str {
    // The page break is looked for only within reach: no search back through a long text without one.
    let mut reach = at.saturating_sub(FOOTNOTE_REACH);
    while !text.is_char_boundary(reach) {
        reach += 1;
    }
    let from = text[reach..at].rfind('\u{c}').map_or(reach, |i| reach + i + 1);
    &text[from..at]
}

/// A document's first footnote whose mark its text lost stands under a line of prose of at least this many
/// words.
const FOOTNOTE_PROSE_WORDS: usize = 6;
/// A line with this many bare numbers after its mark is a table's row, no footnote.
const TABLE_ROW_NUMBERS: usize = 4;
/// A footnote's number above this needs a reference to it in the text, or a note before it.
const FOOTNOTE_MAX_UNREFERENCED: u32 = 30;

/// How far before a footnote its reference may stand, in bytes: a page and more.
const FOOTNOTE_REACH: usize = 20_000;

/// Does `before` refer to a footnote marked `mark`: the mark (or, for `!`, `™` and `*`, any of the marks OCR
/// makes of a superscript one) right after a letter or a closing quote, and not followed by a digit?
fn referenced(before: &str, mark: &str) -> bool {
    let symbols: &[char] = &['!', '™', '*', '†', '¹'];
    let chars: Vec<char> = before.chars().collect();
    let m: Vec<char> = mark.chars().collect();
    // OCR reads a superscript one as `!`, `™`, `*` or `1`: any of them refers to a first footnote.
    let symbol = m.len() == 1 && (symbols.contains(&m[0]) || m[0] == '1');
    for i in 1..chars.len() {
        let prev = chars[i - 1];
        if !(prev.is_alphabetic() || matches!(prev, '"' | '”' | ')' | '.')) {
            continue;
        }
        if symbol && symbols.contains(&chars[i]) && chars[i] != '!' {
            // A `!` after a letter is an exclamation; the other marks are references.
            return true;
        }
        if !m.iter().any(|c| symbols.contains(c))
            && chars[i..].starts_with(&m)
            && !chars.get(i + m.len()).is_some_and(char::is_ascii_digit)
            && prev != '.'
        {
            return true;
        }
    }
    false
}

/// Append line `t` to the paragraph `cur`: after a space, or straight on after a word cut at the line end
/// (`kommu-⏎nen` → `kommunen`; `AI-⏎tjänster` and `2023-⏎01038` keep the hyphen, `skol-⏎och` a space).
fn append(cur: &mut String, t: &str) {
    if cur.is_empty() {
        cur.push_str(t);
    } else if let Some(stem) = cur.strip_suffix('-') {
        let conjunction = t
            .split_whitespace()
            .next()
            .is_some_and(|w| SUSPENSION_CONJUNCTIONS.contains(&w));
        if conjunction {
            cur.push(' ');
        } else if stem.chars().next_back().is_some_and(char::is_lowercase) && t.starts_with(char::is_lowercase) {
            cur.truncate(stem.len());
        }
        cur.push_str(t);
    } else {
        cur.push(' ');
        cur.push_str(t);
    }
}

/// Lines joined into one, as [`reflow`] joins the lines of a paragraph.
pub fn join_lines<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for l in lines {
        append(&mut out, l.as_ref().trim());
    }
    out
}

/// The text of the lines between `start` and `end` (byte offsets) that are running text, reflowed: lines
/// of a paragraph joined with spaces, a word cut at a line end (`kommu-⏎nen`) joined, paragraphs separated
/// by a blank line. A paragraph goes on across furniture and page breaks unless the line before them ended a
/// sentence.
pub fn reflow(text: &str, layout: &Layout, start: usize, end: usize) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut gap = false;
    let mut skipped = false;
    // The lines from the first that can reach `start`: one binary search, not a walk over the document.
    let first = layout.lines.partition_point(|&(_, e)| e < start);
    for (li, &(s, e)) in layout.lines.iter().enumerate().skip(first) {
        if s >= end {
            break;
        }
        if e < start || (e == start && s < start) {
            continue;
        }
        let (s, e) = (s.max(start), e.min(end));
        match layout.kinds[li] {
            LineKind::Blank => gap = true,
            LineKind::Text => {
                let t = text[s..e].trim();
                if t.is_empty() {
                    gap = true;
                    continue;
                }
                let list = t.starts_with(['-', '•', '–', '*'])
                    || t.split_once(". ")
                        .is_some_and(|(n, _)| n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()));
                let ended = cur.trim_end().ends_with(['.', ':', '!', '?', ';']);
                let new_para = if skipped {
                    ended
                } else {
                    gap && (ended || t.starts_with(char::is_uppercase) && !cur.ends_with('-'))
                };
                if !cur.is_empty() && (list || new_para) {
                    paras.push(std::mem::take(&mut cur));
                }
                gap = false;
                skipped = false;
                append(&mut cur, t);
            }
            // Furniture, footnotes, URLs and signatures are left out; a paragraph goes on across them unless
            // the line before ended a sentence.
            _ => skipped = true,
        }
    }
    if !cur.is_empty() {
        paras.push(cur);
    }
    paras.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_before_a_footnote_starts_at_its_page_break_or_within_reach() {
        // A page break within reach: the page from it.
        let text = format!("första sidan\u{c}{}", "ö".repeat(100));
        assert_eq!(page_before(&text, text.len()), "ö".repeat(100));
        // A page break farther back than the reach (or none): the reach, on a character's boundary.
        let long = "ö".repeat(FOOTNOTE_REACH);
        for text in [format!("a\u{c}{long}"), long.clone(), format!("x{long}")] {
            let page = page_before(&text, text.len());
            assert!(
                page.len() <= FOOTNOTE_REACH && page.len() >= FOOTNOTE_REACH - 1,
                "{}",
                page.len()
            );
            assert!(page.chars().all(|c| c == 'ö'));
        }
    }

    #[test]
    fn a_shape_keeps_dates_and_hides_other_digits() {
        assert_eq!(
            shape("  Sida 12   Beslut 2024-01-05, dnr 2023-00123 och 2024-04-04 kl 10 "),
            "sida ## beslut 2024-01-05, dnr ####-##### och 2024-04-04 kl ##"
        );
        // Dates side by side, and a date-like run inside a longer number.
        assert_eq!(shape("2024-01-052024-02-06 1"), "2024-01-052024-02-06 #");
        assert_eq!(shape("12024-01-05"), "#2024-01-05");
    }

    #[test]
    fn page_numbers_as_ocr_reads_them() {
        for t in ["113)", "215)", "1114)", "5 l5)"] {
            assert!(misread_page_number(t), "{t}");
        }
        for t in ["2014)", "2011)", "12)", "(113)", "113"] {
            assert!(!misread_page_number(t), "{t}");
        }
        for t in ["207)", "37)", "102)", "1o5)", "12)"] {
            assert!(bracket_lost_page_number(t), "{t}");
        }
        for t in ["2014)", "1999)", "73)", "(12)", "12", "a3)"] {
            assert!(!bracket_lost_page_number(t), "{t}");
        }
    }

    fn furniture_of(text: &str) -> Vec<&str> {
        let l = analyse(text, &|_| false);
        l.lines
            .iter()
            .zip(&l.kinds)
            .filter(|(_, k)| **k == LineKind::Furniture)
            .map(|(&(s, e), _)| text[s..e].trim())
            .collect()
    }

    #[test]
    fn bare_page_numbers_letterhead_values_and_signature_ids() {
        // Pages numbered from after the table of contents: a bare number ends two pages, one more than the
        // page's place less two. A number alone ending one page only stays.
        let report = "Innehåll\n\nFörord 1\n\u{c}Förord\n\nText om planen.\n\n1\n\u{c}Planen\n\nMer text.\n\n2\n";
        assert_eq!(furniture_of(report), ["1", "2"]);
        let table = "Tabell\n\nAntal ärenden\n\n12\n\u{c}Nästa sida\n\nText.\n";
        assert!(furniture_of(table).is_empty());
        // A letterhead whose labels stand above its values, and an electronic signature's reference.
        let foot = "Beslut\n\nText som förklarar beslutet.\n\n\
            Förbundet  Telefon, växel:  E-post:  Postadress:  Besöksadress:\n\
            Storstaden   031-335 26 00   Box 5204   Åvägen 2\n\
            031-335 27 71 www.exempel.se   222000-0752\n\
            460bdf57-f2fa-6374-e9bb-474ca026\n";
        assert_eq!(
            furniture_of(foot),
            [
                "Förbundet  Telefon, växel:  E-post:  Postadress:  Besöksadress:",
                "Storstaden   031-335 26 00   Box 5204   Åvägen 2",
                "031-335 27 71 www.exempel.se   222000-0752",
                "460bdf57-f2fa-6374-e9bb-474ca026",
            ]
        );
        // The label of the reference, printed sideways in the margin, read as reversed single words.
        assert_eq!(
            furniture_of("Text.\n\nJusteras:   8 (18)\n460bdf57-f2fa-6374-e9bb-474ca026\n:ecnerefer\nerutangiS\n"),
            [
                "Justeras:   8 (18)",
                "460bdf57-f2fa-6374-e9bb-474ca026",
                ":ecnerefer",
                "erutangiS"
            ]
        );
        assert_eq!(
            furniture_of("Text.\n\nOFBSJ-VKCPI-VUNL4-KQLZC-5WYQL-JT853\n:lekcyntnemukod\noenneP\n"),
            ["OFBSJ-VKCPI-VUNL4-KQLZC-5WYQL-JT853", ":lekcyntnemukod", "oenneP"]
        );
        // Hyphenated names are no reference.
        assert!(furniture_of("Text.\n\nGöteborg-Borås-Alingsås-Lerum\n").is_empty());
        // A sentence with a phone number and a web address is text.
        let body = "Ring 031-335 26 00 eller se www.exempel.se för mer.\n\nMer text här.\n";
        assert!(furniture_of(body).is_empty());
    }

    #[test]
    fn a_running_header_ocr_damaged_differently_on_each_page() {
        // The header's case number read three ways on four pages; the date line under it the same way on
        // each; a heading at the top of a page is never furniture.
        let page =
            |header: &str, body: &str| format!("{header}\nDatum: 2023-10-26\n\n{body}\n\nMer text om ärendet här.\n");
        let text = [
            page("Diarienummer: GRFS 2023-00121", "Första sidans text."),
            page("Diarienummer: FS$2023-00121", "Andra sidans text."),
            page("Diarienummer: GRFS 2023-00121", "Tredje sidans text."),
            page("Diarienummer: GRFS 2O23-0O121", "Fjärde sidans text."),
        ]
        .join("\u{c}");
        let furniture = furniture_of(&text);
        for header in [
            "Diarienummer: GRFS 2023-00121",
            "Diarienummer: FS$2023-00121",
            "Diarienummer: GRFS 2O23-0O121",
        ] {
            assert!(furniture.contains(&header), "{header}: {furniture:?}");
        }
        assert!(!furniture.iter().any(|f| f.contains("sidans")), "{furniture:?}");
        // A footer damaged alike on two pages of eight (`Handkngsplan` for `Handlingsplan`) is still the footer.
        let pages: Vec<String> = (1..=8)
            .map(|n| {
                let name = if n == 3 || n == 6 {
                    "Handkngsplan"
                } else {
                    "Handlingsplan"
                };
                format!("Text på sidan {n} om planen.\n\nMer text om punkt {n} här.\n\n{name} för bostäder | Exempelby kommun {n}")
            })
            .collect();
        let text = pages.join("\u{c}");
        let furniture = furniture_of(&text);
        assert!(
            furniture.contains(&"Handkngsplan för bostäder | Exempelby kommun 3"),
            "{furniture:?}"
        );
        // One header line damaged and one page that says something else: the other stays text.
        let text = [
            page("Diarienummer: GRFS 2023-00121", "Ett."),
            page("Sammanfattning av ett helt annat slag", "Två."),
        ]
        .join("\u{c}");
        assert!(!furniture_of(&text).contains(&"Sammanfattning av ett helt annat slag"));
        // A header line OCR ended in its page number misread (`2 (5)` as `215)`).
        assert_eq!(
            furniture_of("2022-12-14 215)\n\nText om beslutet.\n"),
            ["2022-12-14 215)"]
        );
    }

    #[test]
    fn furniture_of_protocol_pages() {
        let text = "§3\nTitel\nBeslut\n\nRapporten antecknas.\n\nGöteborgs Stad Kommunfullmäktige, protokoll\n\n3 (74)\n\nKommunfullmäktige\n\nProtokoll (nr 1)\nSammanträdesdatum: 2023-01-26\n\u{c}§4\nAnnan titel\n";
        let l = analyse(text, &|t| t == "Beslut");
        let furniture: Vec<&str> = l
            .lines
            .iter()
            .zip(&l.kinds)
            .filter(|(_, k)| **k == LineKind::Furniture)
            .map(|(&(s, e), _)| &text[s..e])
            .collect();
        assert_eq!(
            furniture,
            [
                "Göteborgs Stad Kommunfullmäktige, protokoll",
                "3 (74)",
                "Kommunfullmäktige",
                "Protokoll (nr 1)",
                "Sammanträdesdatum: 2023-01-26"
            ]
        );
        assert_eq!(l.protocol_number, Some(1));
        assert_eq!(l.meeting_date.as_deref(), Some("2023-01-26"));
        // The field's word as OCR damages it, before its date, is the same running header.
        for damaged in ["Sammantradesdatunr: 2024-11-07", "Sammanträdesdatuom: 2024-11-07"] {
            let text = format!("Omröstning\n\nProtokoll nr 10\n\n{damaged}\n\nGodkänd voteringsproposition.\n");
            assert!(furniture_of(&text).contains(&damaged), "{damaged}");
        }
    }

    #[test]
    fn footnotes_urls_and_signatures() {
        let text = "Text om AI™ och mer.\n\n! Slutrapport: Uppdrag om AI\n\n(digg.se)\n2 AI och kompetens 2024.pdf\n https://www.digg.se/x.pdf\n\nMer text.\n\nCarina Helgesson Björk Peter Söderström\nAvdelningschef Kund- och servicecenter Förvaltningsdirektör\n";
        let l = analyse(text, &|_| false);
        let notes: Vec<(&str, u32, &str)> = l
            .footnotes
            .iter()
            .map(|f| (f.mark.as_str(), f.number, f.text.as_str()))
            .collect();
        assert_eq!(
            notes,
            [
                ("!", 1, "Slutrapport: Uppdrag om AI (digg.se)"),
                ("2", 2, "AI och kompetens 2024.pdf")
            ]
        );
        assert_eq!(l.urls.len(), 1);
        assert_eq!(&text[l.urls[0].span.0..l.urls[0].span.1], "https://www.digg.se/x.pdf");
        let people: Vec<(&str, Option<&str>)> = l
            .signatories
            .iter()
            .map(|s| (s.name.as_str(), s.title.as_deref()))
            .collect();
        assert_eq!(
            people,
            [
                ("Carina Helgesson Björk", Some("Avdelningschef Kund- och servicecenter")),
                ("Peter Söderström", Some("Förvaltningsdirektör"))
            ]
        );
        assert_eq!(reflow(text, &l, 0, text.len()), "Text om AI™ och mer.\n\nMer text.");
    }

    #[test]
    fn list_lines_at_a_pages_foot_are_no_furniture() {
        // Each page: a header with the meeting's date (the same on every page, furniture), a §, and at its
        // foot a `Beslutsunderlag` item that differs in its date, or a distribution line with a remark.
        let page = |n: usize, last: &str| {
            format!("Samhällsplaneringsnämnden Sammanträdesprotokoll\n2024-04-25\n§{n} Dnr 2024/{n}\nText om saken.\n\nBeslutsunderlag\n{last}\n{n} (9)\n")
        };
        let text = [
            page(1, "Förvaltningens tjänsteskrivelse, 2024-01-05"),
            page(2, "Förvaltningens tjänsteskrivelse, 2024-04-04"),
            page(3, "Kommunstyrelsen (för kännedom)"),
            page(4, "Förvaltningens tjänsteskrivelse, 2024-02-11"),
        ]
        .join("\u{c}");
        let l = analyse(&text, &|_| false);
        let furniture: Vec<&str> = l.furniture().iter().map(|&(a, b)| text[a..b].trim()).collect();
        assert!(
            furniture.contains(&"2024-04-25") && furniture.contains(&"Samhällsplaneringsnämnden Sammanträdesprotokoll")
        );
        for kept in [
            "Förvaltningens tjänsteskrivelse, 2024-01-05",
            "Förvaltningens tjänsteskrivelse, 2024-04-04",
            "Kommunstyrelsen (för kännedom)",
        ] {
            assert!(!furniture.contains(&kept), "{kept}: {furniture:?}");
        }
    }

    #[test]
    fn a_tables_numbered_rows_are_no_footnotes() {
        // A budget's table: rows numbered 1, 2, 3 under a head of columns, at a page's foot. Their text is
        // the body's, not notes taken out of it.
        let text = "Investeringsäskande\nPri Stat Proj Investeringar (tkr) Budget Plan Plan Plan Plan Total utgift\no us Nr 2027 2028 2029 2030 2031\n\
                    1 P 6289 Utrustning uppstart 1 000 500 0 0 0 1 500\nKorsavadsanläggningen\n2 N Valfisken inklusive 1 450 750 0 0 0 2 200\ngamingrum\n\
                    3 N Kulturbuss 0 3 000 0 0 0 3 000\n\u{c}Nästa sida.\n";
        let l = analyse(text, &|_| false);
        assert!(l.footnotes.is_empty(), "{:?}", l.footnotes);
        assert!(reflow(text, &l, 0, text.len()).contains("Kulturbuss 0 3 000"));
        // A note that cites numbers in prose is still a note.
        let note = "Beslutet fattades i fullmäktige enligt den nya lagen om kommunal redovisning¹.\n\n\
                    ¹ Lag (2018:597) om kommunal bokföring och redovisning, 11 kap. 3 §.\n\u{c}Nästa sida.\n";
        assert_eq!(analyse(note, &|_| false).footnotes.len(), 1);
    }

    #[test]
    fn protocol_signature_blocks() {
        let text = "Beslut\n\nText.\n\nVid protokollet Sekreterare Sirpa Bernhardsson\n\nOrdförande                                 Justerande Mats Ahdrian (S)\nThomas Larsson\n";
        let l = analyse(text, &|_| false);
        let people: Vec<(&str, Option<&str>)> = l
            .signatories
            .iter()
            .map(|s| (s.name.as_str(), s.title.as_deref()))
            .collect();
        assert_eq!(
            people,
            [
                ("Sirpa Bernhardsson", Some("Sekreterare")),
                ("Mats Ahdrian (S)", Some("Justerande")),
                ("Thomas Larsson", Some("Ordförande"))
            ]
        );
        assert_eq!(reflow(text, &l, 0, text.len()), "Beslut\n\nText.");
        // The blocks other kommuner open with the role: the name on the role's line (Simrishamn), or under it
        // (Alingsås); double names too.
        for (text, want) in [
            (
                "Underskrifter Paragrafer 66-89\nSekreterare Annette Knutsson\nOrdförande Carl-Göran Svensson\nJusterande Inga-Lill Bjartén\nANSLAG/BEVIS\nProtokollet är justerat.\n",
                vec![("Annette Knutsson", "Sekreterare"), ("Carl-Göran Svensson", "Ordförande"), ("Inga-Lill Bjartén", "Justerande")],
            ),
            (
                "Utdragsbestyrkande\n2\nSekreterare\nUlrika Månsson\nOrdförande\nJan-Erik Wallin (M)\nJusterande\nAnton César\nProtokollet är justerat.\n",
                vec![("Ulrika Månsson", "Sekreterare"), ("Jan-Erik Wallin (M)", "Ordförande"), ("Anton César", "Justerande")],
            ),
            // Two columns, and two people in one role.
            (
                "Sekreterare\n\nJohan Hörnberg\n\nOrdförande                                Justerande\n\nJonas Attenius                            Axel Josefson\n\nProtokollet är justerat.\n",
                vec![("Johan Hörnberg", "Sekreterare"), ("Jonas Attenius", "Ordförande"), ("Axel Josefson", "Justerande")],
            ),
            (
                "Sekreterare\nUlrika Månsson\nOrdförande\nLinda Espeving (M)\nJusterande\nIngbritt Johansson Marcus Wallin\nProtokollet är justerat.\n",
                vec![("Ulrika Månsson", "Sekreterare"), ("Linda Espeving (M)", "Ordförande"), ("Ingbritt Johansson", "Justerande"), ("Marcus Wallin", "Justerande")],
            ),
        ] {
            let l = analyse(text, &|_| false);
            let people: Vec<(&str, &str)> = l
                .signatories
                .iter()
                .map(|s| (s.name.as_str(), s.title.as_deref().unwrap_or("")))
                .collect();
            assert_eq!(people, want, "{text}");
            assert!(reflow(text, &l, 0, text.len()).contains("Protokollet är justerat."));
        }
        // A role in the text is no signature: one role, and words after the name.
        let text = "Beslut\n\nOrdförande Anna Ek (S) finner att nämnden beslutat enligt förslaget.\nSekreterare\nför mötet var Per Berg.\n";
        assert!(analyse(text, &|_| false).signatories.is_empty());
        // A board's letter, signed under place and date.
        let text = "Kommunfullmäktige föreslås besluta.\n\nGöteborg den 9 november 2022 Göteborgs kommunstyrelse\n\nAxel Josefson\n\nMathias Sköld\n\nKommunstyrelsen\n";
        let l = analyse(text, &|_| false);
        let people: Vec<&str> = l.signatories.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(people, ["Axel Josefson", "Mathias Sköld"]);
        assert_eq!(
            reflow(text, &l, 0, text.len()),
            "Kommunfullmäktige föreslås besluta.\n\nKommunstyrelsen"
        );
        // A roll-call cell `Ordförande` is no signature.
        let l = analyse("Ordförande\n\nJa\n\nAnn-Christine Andersson\n\nS\n", &|_| false);
        assert!(l.signatories.is_empty());
    }

    #[test]
    fn numbers_in_text_are_no_footnotes() {
        let l = analyse("Kostnaden blir\n2 000 kronor per år.\n3 Kap. 4 gäller\n", &|_| false);
        assert!(l.footnotes.is_empty());
    }

    #[test]
    fn reflow_joins_lines_and_cut_words() {
        let text =
            "Kommu-\nnen och AI-\ntjänster i skol-\noch fritidsförvaltningen\n\nNy del.\n- punkt ett\n- punkt två\n";
        let l = analyse(text, &|_| false);
        assert_eq!(
            reflow(text, &l, 0, text.len()),
            "Kommunen och AI-tjänster i skol- och fritidsförvaltningen\n\nNy del.\n\n- punkt ett\n\n- punkt två"
        );
    }
}
