//! Where a heading is recognised: the first pass of segmentation walks the lines of running text and
//! finds the § lines of a protocol, a document's title line (`Motion av …`), the parts of a KF bundle,
//! catalogue headings on lines of their own, and headings that run into their text on the same line.
use std::ops::RangeInclusive;

use super::bundle::bundle_header;
pub(super) use super::head::Head;
use super::layout::{glued_prefix, join_lines, Layout, LineKind};
use super::paragraphs::{
    glued_first_paragraph, loose_first_paragraph, paragraph_line, paragraph_title, starts_title, ParagraphLine,
};
use crate::catalogue::{Catalogue, DocType, Label, Scope};
use crate::lang::{alternation, roll_call_cell, PARTIES, PROPOSAL_PARTS, STATEMENT_PARTS};
use crate::text::{fold, in_capitals, is_year, title, Hist};

/// What the first lines of a document say about it.
pub(super) struct Opening {
    /// `Handling 2025 nr 32` → `2025 nr 32`: a KF bundle.
    pub(super) handling_number: Option<String>,
    /// A title line that begins with a catalogue prefix (`Motion av Anna Ek (S) om …`): its line, label and
    /// scope.
    pub(super) title_line: Option<(usize, Label, Scope)>,
    /// The first lines of text, folded and joined (`Protokollsutdrag` says what the document is).
    pub(super) folded: String,
    /// Do the first lines, running header included, say `protokoll`?
    pub(super) protocol: bool,
    /// The first [`TOP_LINES`] lines, running header included, folded and joined (the body whose protocol
    /// it is).
    pub(super) top: String,
}

/// Lines of text looked at for the handling number; the title line must be among the first six.
const OPENING_LINES: usize = 10;
const TITLE_LINES: usize = 6;
/// Lines of text whose words say what the document is.
const OPENING_WORDS_LINES: usize = 8;
/// Lines, running header included, that name the body whose document it is.
const TOP_LINES: usize = 3;

impl Opening {
    pub(super) fn read(text: &str, layout: &Layout, catalogue: &Catalogue) -> Opening {
        let handling = regex!(r"(?i)^handling\s+(\d{4})\s+nr\.?\s*(\d{1,4})(?-u:\b)");
        let content = layout.text_lines();
        let mut handling_number = None;
        let mut title_line = None;
        for (k, &li) in content.iter().take(OPENING_LINES).enumerate() {
            let t = layout.line(text, li).trim();
            if let Some(c) = handling.captures(t) {
                handling_number.get_or_insert_with(|| format!("{} nr {}", &c[1], &c[2]));
            }
            if k < TITLE_LINES && title_line.is_none() {
                if let Some((label, scope)) = catalogue.classify_prefix(t) {
                    title_line = Some((li, label.clone(), scope.clone()));
                }
            }
        }
        let folded_lines = |lines: &[usize]| {
            lines
                .iter()
                .map(|&li| fold(layout.line(text, li)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let folded = folded_lines(&content[..content.len().min(OPENING_WORDS_LINES)]);
        let first: Vec<usize> = (0..layout.lines.len())
            .filter(|&li| layout.kinds[li] != LineKind::Blank)
            .take(OPENING_WORDS_LINES)
            .collect();
        let header_says = first
            .iter()
            .any(|&li| layout.kinds[li] == LineKind::Furniture && fold(layout.line(text, li)).contains("protokoll"));
        let top = folded_lines(&first[..first.len().min(TOP_LINES)]);
        Opening {
            handling_number,
            title_line,
            protocol: header_says || folded.contains("protokoll"),
            folded,
            top,
        }
    }
}

/// The first pass: every heading and § line, in order, and the § numbers a table of contents lists.
pub(super) fn find(text: &str, layout: &Layout, catalogue: &Catalogue, opening: &Opening) -> (Vec<Head>, Vec<u32>) {
    let content = layout.text_lines();
    let toc = table_of_contents(text, layout, &content);
    let listed: Vec<u32> = toc
        .iter()
        .filter_map(|&li| paragraph_line(layout.line(text, li), None).map(|p| p.number))
        .collect();
    // A KF bundle or a tjänsteutlåtande numbers lists (remissinstanser, bilagor), not items of an agenda.
    let report = opening.handling_number.is_some()
        || ["tjansteutlatande", "tjansteskrivelse"]
            .iter()
            .any(|w| opening.folded.contains(w));
    let fields = field_lines(text, layout, catalogue, &content);
    // The front page's range of paragraphs (`Paragrafer §54 -§64`) says which number the first § line has.
    let range = regex!(r"(?i)\bparagrafer?\b:?\s*§*\s*(\d{1,4})(?-u:\b)");
    // OCR reads the sign as a digit there too (`Paragrafer 554 -564`): the number without it is a reading.
    // The field's name on a line of its own, the range on the next (`Paragrafer` / `26-42`).
    let bare = regex!(r"(?i)^\s*paragrafer?\s*:?\s*$");
    let range_under = regex!(r"^\s*§*\s*(\d{1,4})\s*(?:[-–]|$)");
    let first_paragraph: Vec<u32> = content
        .iter()
        .take(RANGE_LINES)
        .enumerate()
        .find_map(|(k, &li)| {
            let l = layout.line(text, li);
            range.captures(l).or_else(|| {
                let next = content.get(k + 1).filter(|_| bare.is_match(l))?;
                range_under.captures(layout.line(text, *next))
            })
        })
        .map(|c| {
            let digits = c[1].to_string();
            let mut readings: Vec<u32> = digits.parse().ok().into_iter().collect();
            if digits.len() >= 3 && digits.starts_with(['5', '8']) {
                readings.extend(digits[1..].parse::<u32>().ok());
            }
            readings
        })
        .unwrap_or_else(|| {
            glued_first_paragraph(content.iter().map(|&li| (li, layout.line(text, li))))
                .or_else(|| loose_first_paragraph(content.iter().map(|&li| (li, layout.line(text, li)))))
                .into_iter()
                .collect()
        });
    // The first § line, as the finder will read it (an agenda may stand before it).
    let first_line = content.iter().position(|&li| {
        let l = layout.line(text, li);
        paragraph_line(l, None).is_some() || first_paragraph.iter().any(|&n| paragraph_line(l, Some(n)).is_some())
    });
    let (listed_headings, listing) = listed_headings(text, layout, &content);
    let mut items = if report {
        Vec::new()
    } else {
        agenda_items(text, layout, &content, first_line)
    };
    let mut articles = articles(text, layout, &content);
    // The headings of a numbered series are read as articles are.
    articles.extend(series(text, layout, catalogue, &content));
    articles.sort_unstable();
    articles.dedup();
    let mut outline = outline(text, layout, &content);
    // A report's table of contents (its page numbers on lines of their own, as OCR may leave them) and its
    // numbered chapters are no agenda.
    items.retain(|(li, _)| !listing.iter().any(|r| r.contains(li)) && outline.binary_search(li).is_err());
    // Numbered lines most of whose titles are a report's or a tjänsteutlåtande's headings (`1 Bakgrund`,
    // `2 Rättslig reglering`, `3 Bedömning`) are its chapters, not an agenda's matters.
    if chapters_not_items(text, layout, catalogue, &items) {
        // Only those with a heading's length: a numbered paragraph of running text OCR set apart (`5. Vi
        // bedömer att förutsättningarna för en ändring av föreskrifterna är`) is neither.
        outline.extend(
            items
                .drain(..)
                .filter(|&(li, t)| {
                    li == t && layout.line(text, li).split_whitespace().count() <= FREE_HEADING_WORDS + 1
                })
                .map(|(li, _)| li),
        );
        outline.sort_unstable();
        outline.dedup();
    }
    // Text extracted from a PDF without its blank lines (pdfplumber's): headings stand between sentences.
    // (The empty line a page break makes between a line's end and its form feed is no blank line.)
    let blank = (0..layout.lines.len())
        .filter(|&j| layout.kinds[j] == LineKind::Blank && !text[layout.lines[j].1..].starts_with('\u{c}'))
        .count();
    let dense = content.len() >= DENSE_MIN_LINES && (blank as f32) < DENSE_MAX_BLANK * content.len() as f32;
    // A report's, a policy's or a taxa's title on its first lines; a protocol (a § line), a KF bundle or a
    // document of `Name: value` fields opens otherwise.
    // (A § line that is an entry of a table of contents, in a document whose opening does not say protocol,
    // is a taxa's or a bylaw's article listed: its title stands above.)
    let listed_first = first_line.is_some_and(|k| !opening.protocol && toc.binary_search(&content[k]).is_ok());
    let titles = if (first_line.is_none() || listed_first) && opening.handling_number.is_none() && !fields {
        opening_titles(text, layout, catalogue, &content, &toc, &outline, &articles)
    } else {
        Vec::new()
    };
    let mut f = Finder {
        titles,
        title_heads: 0,
        dense,
        outline,
        listing,
        text,
        layout,
        catalogue,
        opening,
        fields,
        first_paragraph,
        content,
        toc,
        items,
        articles,
        listed_headings,
        heads: Vec::new(),
        last_para: None,
        last_letter: None,
        reference: None,
    };
    let mut li = 0;
    while li < layout.lines.len() {
        li = if layout.kinds[li] == LineKind::Text {
            f.at(li)
        } else {
            li + 1
        };
    }
    f.heads = drop_captions(std::mem::take(&mut f.heads));
    f.heads = drop_form_rows(text, layout, std::mem::take(&mut f.heads));
    // The first number of the front page's range is a second reading of the first §, as a table of contents'
    // are of theirs (`&1` stands under `Paragrafer 1-5` though the § after it was lost).
    let mut listed = listed;
    listed.extend(f.first_paragraph.iter().copied());
    (f.heads, listed)
}

struct Finder<'a> {
    /// The document's title lines (see [`opening_titles`]): first line, last line, the words joined.
    titles: Vec<(usize, usize, String)>,
    /// How many of `heads` are titles.
    title_heads: usize,
    text: &'a str,
    layout: &'a Layout,
    catalogue: &'a Catalogue,
    opening: &'a Opening,
    /// Does the document open with a protocol's fields written `Name: value` (see [`field_lines`])?
    fields: bool,
    /// The number of the first § as the front page's range of paragraphs gives it (its readings).
    first_paragraph: Vec<u32>,
    /// The lines of running text.
    content: Vec<usize>,
    /// The § lines that are entries of a table of contents (see [`table_of_contents`]).
    toc: Vec<usize>,
    /// The numbered items of an agenda (see [`agenda_items`]), with where their titles end.
    items: Vec<(usize, usize)>,
    /// The lines that head the articles of a bylaw (see [`articles`]).
    articles: Vec<usize>,
    /// The numbered headings of a report (see [`outline`]).
    outline: Vec<usize>,
    /// The headings a report's table of contents lists, where the body has them (see [`listed_headings`]).
    listed_headings: Vec<Listed>,
    /// The lines of the entries of such tables.
    listing: Vec<RangeInclusive<usize>>,
    heads: Vec<Head>,
    last_para: Option<u32>,
    last_letter: Option<char>,
    /// The last line read as a § listed in a § (see [`Finder::listed_paragraph`]).
    reference: Option<usize>,
    /// Has the text (almost) no blank lines (see [`DENSE_MAX_BLANK`])?
    dense: bool,
}

impl Finder<'_> {
    /// Look at line `li` of text; returns the line to go on from.
    fn at(&mut self, li: usize) -> usize {
        // Titles stand before any other heading.
        if self.heads.len() > self.title_heads {
            self.titles.clear();
        }
        if let Some((_, last, title)) = self.titles.iter().find(|t| t.0 == li).cloned() {
            // A line the finder reads as a heading of its own (a document's header, a field) is no title, nor
            // is any line after it.
            // (The check above clears the titles at the next line.)
            let before = self.heads.len();
            let next = self.at_line(li);
            if self.heads.len() > before {
                return next;
            }
            // The heading is the first line (a heading's span holds one line); the lines it wraps onto are
            // in its title, and the body begins under the last.
            let (s, e) = self.layout.lines[li];
            self.title_heads += 1;
            self.heads.push(Head {
                body: self.layout.lines[last].1 + 1,
                ..Head::line(s, e, &Label::SECTION, &Scope::Doc(DocType::Unknown), Some(title))
            });
            return last + 1;
        }
        self.at_line(li)
    }

    /// Look at line `li` of text as any line; returns the line to go on from.
    fn at_line(&mut self, li: usize) -> usize {
        let (s, e) = self.layout.lines[li];
        let l = self.layout.line(self.text, li);
        if self.toc.binary_search(&li).is_ok() {
            // An entry of a table of contents: the table's section begins at the first one, with no heading,
            // unless a heading (`Innehållsförteckning`, `Ärendeförteckning`) opened it.
            let open = self.heads.last().is_some_and(|h| h.label == Label::TABLE_OF_CONTENTS);
            if !open {
                let scope = Scope::Doc(DocType::Protokoll);
                self.heads.push(Head {
                    body: s,
                    headless: true,
                    ..Head::line(s, e, &Label::TABLE_OF_CONTENTS, &scope, None)
                });
            }
            return li + 1;
        }
        // A group line between two entries of a table of contents (`Informationsärenden`, `Bilagor:`) is
        // part of the table, no heading.
        let inside_toc = {
            let at = self.toc.partition_point(|&t| t < li);
            at > 0 && at < self.toc.len()
        };
        // An entry of a report's table of contents (`Barnkonventionen` / `17`) is no heading either; a long
        // line without a leader between its entries is the body's, which the extraction put there.
        let listed_entry = self.listing.iter().any(|r| r.contains(&li))
            && (toc_leader().is_match(l) || l.split_whitespace().count() <= LISTED_ENTRY_WORDS);
        if inside_toc || listed_entry {
            return li + 1;
        }
        if self.articles.binary_search(&li).is_ok() {
            // The article of a bylaw: a heading the catalogue does not name, its number and words its title.
            let title = l.split_whitespace().collect::<Vec<_>>().join(" ");
            let scope = Scope::Doc(DocType::Unknown);
            self.heads.push(Head::line(s, e, &Label::SECTION, &scope, Some(title)));
            return li + 1;
        }
        if let Ok(k) = self.items.binary_search_by_key(&li, |&(i, _)| i) {
            // An agenda item: its title is the rest of the line, or the next line under a bare number.
            let title_line = self.items[k].1;
            let title = if title_line == li {
                match agenda_number().find(l) {
                    Some(m) => l[m.end()..].trim().to_string(),
                    // The first item's 1 read as `I`, `l` or `|` (see `agenda_items`).
                    None => {
                        let t = l.trim_start();
                        t[t.chars().next().map_or(0, char::len_utf8)..].trim().to_string()
                    }
                }
            } else {
                self.layout.line(self.text, title_line).trim().to_string()
            };
            let body_end = self.layout.lines[title_line].1;
            self.heads.push(Head {
                body: body_end + 1,
                ..Head::line(s, e, &Label::AGENDA_ITEM, &Scope::Doc(DocType::Kallelse), Some(title))
            });
            return title_line + 1;
        }
        if let Some(p) = self.paragraph(l).or_else(|| self.bare_paragraph(li, l)) {
            if self.listed_paragraph(li, &p) {
                self.reference = Some(li);
                return li + 1;
            }
            if !self.law_reference_goes_on(li) {
                return self.push_paragraph(li, p);
            }
        }
        if let Some((tli, label, scope)) = &self.opening.title_line {
            if *tli == li {
                self.heads
                    .push(Head::line(s, e, label, scope, Some(l.trim().to_string())));
                return li + 1;
            }
        }
        // The parts of a KF bundle: `Yrkande    (Vänsterpartiet, Miljöpartiet)`, `Yttrande   Socialdemokraterna`,
        // `Yrkande 2022-10-28`, or a title line `Yrkande angående …` at a block start; the title line after
        // a bare part line is its title.
        let at_block = self.block_start(li);
        if self.opening.handling_number.is_some() && at_block {
            let runs_in = |t: &str| run_in(self.catalogue, t, false, false).is_some();
            if let Some((head, skip)) = bundle_header(self.text, self.layout, self.catalogue, li, runs_in) {
                self.heads.push(head);
                return skip;
            }
            let part = self.catalogue.classify_prefix(l).filter(|(_, scope)| {
                !matches!(scope, Scope::Doc(DocType::Motion) | Scope::Doc(DocType::Interpellation))
            });
            if let Some((label, scope)) = part {
                self.heads
                    .push(Head::line(s, e, label, scope, Some(l.trim().to_string())));
                return li + 1;
            }
        }
        // A heading whose capital OCR read small (`innehållsförteckning`) counts on a line of its own; a line
        // in lowercase with text around it goes on from the line before.
        let read = match capital_lost(l) {
            Some(c) if self.stands_alone(li) => c,
            _ => l.to_string(),
        };
        // A post alone on its line in a signature block (`Underskrifter  Sekreterare …` / `Johan Ahl` /
        // `Ordförande` / `Lena Holm` / `Justerare`, the dotted lines to sign on lost) is the block's, no heading.
        // So is a post with the name of who holds it after it (`Sekreterare Annette Knutsson`).
        let post = fold(l.trim());
        let first = post.split_whitespace().next().unwrap_or("");
        let is_post = |p: &str| crate::lang::SIGNATURE_ROLES.iter().any(|r| fold(r) == p) || p == "justerare";
        if self.heads.last().is_some_and(|h| h.label == "signatures") && (is_post(&post) || is_post(first) && named(l))
        {
            return li + 1;
        }
        // A heading in capitals wrapped after a word that links it on (`SAMHÄLLSPLANERINGSNÄMNDENS
        // BESLUTSFÖRSLAG TILL` / `KOMMUNFULLMÄKTIGE`): its lines together are the heading.
        if let Some((next, joined)) = self.capitals_wrapped(li, &read) {
            if let Some((label, scope, organ)) = self.catalogue.classify_organ(&joined, None, None) {
                self.heads.push(Head {
                    decision_body: organ,
                    body: self.layout.lines[next].1 + 1,
                    ..Head::line(s, e, label, scope, Some(joined.clone()))
                });
                return next + 1;
            }
        }
        // A margin strip's characters that OCR glued in front of a heading (`c SAMHÄLLSPLANERINGSNÄMNDENS
        // BESLUT`, `a- Beslutsunderlag`) where too little of the strip was read to know the page by it: the
        // rest of the line is a heading of the catalogue, whole.
        if let Some(n) = strip_remnant(l) {
            let found = self
                .catalogue
                .classify_organ(&l[n..], None, None)
                .filter(|_| !self.in_vote_table(li) && !self.leader_follows(li));
            if let Some((label, scope, organ)) = found {
                self.heads.push(Head {
                    decision_body: organ,
                    ..Head::line(s + n, e, label, scope, None)
                });
                return li + 1;
            }
        }
        let front = self.front_page();
        // On a front page a field that takes the label of the block it stands in (`ANSLAG/BEVIS` over
        // `Protokollet är justerat …`, `Organ …`, `Förvaringsplats …`, `Underskrift`) is a line of that block.
        let same_block = |label: &Label, scope: &Scope| {
            front && *scope == Scope::ProtocolFront && self.heads.last().is_some_and(|h| h.label == *label)
        };
        if let Some((label, scope, organ)) = self
            .catalogue
            .classify_organ(&read, None, None)
            .filter(|_| !self.in_vote_table(li) && !self.leader_follows(li))
        {
            if same_block(label, scope) {
                return li + 1;
            }
            self.heads.push(Head {
                decision_body: organ,
                ..Head::line(s, e, label, scope, None)
            });
        } else if self.outline.binary_search(&li).is_ok() {
            // A report's numbered chapter the catalogue does not name: its number and words are its title.
            let title = l.split_whitespace().collect::<Vec<_>>().join(" ");
            self.heads.push(Head::line(
                s,
                e,
                &Label::SECTION,
                &Scope::Doc(DocType::Unknown),
                Some(title),
            ));
        } else if let Ok(k) = self.listed_headings.binary_search_by_key(&li, |h| h.first) {
            // A heading the table of contents lists: the catalogue's label for its words, or a section.
            let h = &self.listed_headings[k];
            let (label, scope) = self
                .catalogue
                .classify(&h.title, None, None)
                .map_or((Label::SECTION, Scope::Doc(DocType::Unknown)), |(l, sc)| {
                    (l.clone(), sc.clone())
                });
            // A heading wrapped over lines is its first line; its body begins under the last.
            self.heads.push(Head {
                body: self.layout.lines[h.last].1 + 1,
                ..Head::line(s, e, &label, &scope, Some(h.title.clone()))
            });
            return h.last + 1;
        } else if at_block || front {
            // On a protocol's front page a field's name runs into its value on any line (`Beslutande Ewa
            // Engdahl (c), ordförande` after the lines of `Plats och tid`, where OCR closed the column gap).
            // In a KF bundle `Yrkande – Motion av …` is the title of a part, no heading and its text.
            let dash = self.opening.handling_number.is_none();
            let found = run_in(self.catalogue, l, front, dash)
                .filter(|r| at_block || *r.3 == Scope::ProtocolFront)
                .filter(|_| !letterhead_labels(l) && !vote_row(l));
            if found.is_some_and(|r| same_block(r.2, r.3)) {
                return li + 1;
            }
            if let Some((he, bs, label, scope)) = found {
                // A heading in capitals is the whole line, its catalogue's words at its start (see `run_in`).
                let title = (bs == l.len()).then(|| l.split_whitespace().collect::<Vec<_>>().join(" "));
                // On a front page, a field whose longer name the column wrapped onto the next line (`Ej
                // tjänstgörande Dimitrios Diamantopolos (S)` / `ersättare Adam Jansson (KD)`) has that name.
                let title = title.or_else(|| front.then(|| self.field_wrapped_on(li, &l[..he], label)).flatten());
                // A proposal run into its text names the body it goes to (`Förslag till beslut i
                // kommunfullmäktige: Stadsbyggnadsnämnden får …`), as one on a line of its own does.
                let organ = (*label == Label::PROPOSED_DECISION)
                    .then(|| self.catalogue.classify_organ(&l[..he], None, None))
                    .flatten()
                    .and_then(|(_, _, organ)| organ)
                    .filter(|o| l[..he].contains(&format!(" i {o}")));
                self.heads.push(Head {
                    end: s + he,
                    body: s + bs,
                    decision_body: organ,
                    ..Head::line(s, e, label, scope, title)
                });
            } else if front {
                // A field's name the page's column wrapped onto the next line (`Justeringens` / `plats och
                // tid`, `Under-` / `skrifter`): the heading is this line's first word.
                if let Some((he, name, label, scope)) = self.wrapped_field(li).filter(|w| !same_block(w.2, w.3)) {
                    // The whole name is its title (the heading's span is this line's part of it).
                    self.heads.push(Head {
                        end: s + he,
                        body: s + he,
                        ..Head::line(s, e, label, scope, Some(name))
                    });
                }
            } else {
                // A heading of the catalogue that OCR damaged beyond its tolerance takes its label (the words
                // as read stay its title): where it stands as a free heading, or set apart over text OCR
                // damaged too (no sentence ends in it as read), the layout and the near variant are the
                // evidence. Any other free heading is one the catalogue does not name.
                let free = self.free_heading(li);
                if !free {
                    if let Some((last, joined)) = self.wrapped_free_heading(li) {
                        // A heading the catalogue names, wrapped (`Förslag till beslut i` / `kommunstyrelsen`),
                        // takes its label; any other is a section.
                        let (label, scope) = self
                            .catalogue
                            .classify(&joined, None, None)
                            .map_or((Label::SECTION, Scope::Doc(DocType::Unknown)), |(l, sc)| {
                                (l.clone(), sc.clone())
                            });
                        self.heads.push(Head {
                            body: self.layout.lines[last].1 + 1,
                            ..Head::line(s, e, &label, &scope, Some(joined))
                        });
                        return last + 1;
                    }
                }
                if free || self.damaged_layout(li) {
                    match self.catalogue.classify_damaged(l, None, None) {
                        Some((label, scope)) => self.heads.push(Head {
                            damaged: true,
                            ..Head::line(s, e, label, scope, None)
                        }),
                        // A catalogue heading with its matter after a dash (`Omröstning – huvudvotering`),
                        // one's perspective as an assessment's (`Bedömning ur ett barnrättsperspektiv`), or
                        // one with a second subject after `och`, takes the heading's label and keeps its
                        // words as title.
                        None if free => {
                            let t = l.trim();
                            // (In a KF bundle `Yrkande – Motion om …` is the title of a part: see `run_in`.)
                            let part = |h: &str| {
                                regex!(format!(
                                    r"^(?i:{}|{})$",
                                    alternation(&PROPOSAL_PARTS),
                                    alternation(&STATEMENT_PARTS)
                                ))
                                .is_match(h.trim())
                            };
                            let (label, scope) = regex!(r"^(.+?)\s+[–-]\s+\S")
                                .captures(t)
                                .filter(|c| self.opening.handling_number.is_none() || !part(&c[1]))
                                .or_else(|| {
                                    regex!(r"^\p{Lu}\p{Ll}+\s+ur\s+(?:ett\s+)?(\p{Ll}+perspektiv)$").captures(t)
                                })
                                .and_then(|c| self.catalogue.classify(&title(&c[1]), None, None))
                                .or_else(|| {
                                    // One with a second subject joined to it (`Bakgrund & syfte`, `Bakgrund och
                                    // nuläge`) is the first one's; or the second's, when only that one is a
                                    // heading of the catalogue (`Revidering och uppföljning`).
                                    regex!(r"^(\p{Lu}\p{Ll}+)\s+(?:&|och|samt)\s+(\p{Ll}+)$")
                                        .captures(t)
                                        .and_then(|c| {
                                            self.catalogue
                                                .classify(&c[1], None, None)
                                                .or_else(|| self.catalogue.classify(&title(&c[2]), None, None))
                                        })
                                })
                                .map_or((&Label::SECTION, &Scope::Doc(DocType::Unknown)), |(l, s)| (l, s));
                            self.heads
                                .push(Head::line(s, e, label, scope, Some(l.trim().to_string())))
                        }
                        None => {}
                    }
                }
            }
        }
        li + 1
    }

    /// Line `li` in capitals, ending in a word that links it on (`TILL`, `I`, `FÖR`, `OCH`, `OM`, `AV`,
    /// `PÅ`), and the next line of text right under it in capitals too, of at most
    /// [`WRAPPED_CAPITALS_WORDS`] words: that line and the two lines joined. None when `read` (line `li` as
    /// read) is a heading by itself.
    fn capitals_wrapped(&self, li: usize, read: &str) -> Option<(usize, String)> {
        let t = read.trim();
        let last = t.split_whitespace().last()?;
        if !in_capitals(t)
            || !["TILL", "I", "FÖR", "OCH", "OM", "AV", "PÅ"].contains(&last)
            || self.catalogue.classify_organ(t, None, None).is_some()
        {
            return None;
        }
        let next = li + 1;
        if self.layout.kinds.get(next) != Some(&LineKind::Text) {
            return None;
        }
        let n = self.layout.line(self.text, next).trim();
        (in_capitals(n) && (1..=WRAPPED_CAPITALS_WORDS).contains(&n.split_whitespace().count()))
            .then(|| (next, format!("{t} {n}")))
    }

    /// Is line `li` a heading the catalogue does not name (`Förutsättningar för dispens`, `Förfarande vid
    /// begäran om dispens`)? It stands after a blank line (in text without blank lines, after a sentence's
    /// end, a caption or a date stamp): two to eight words, begun with a capital and written small after it,
    /// the last word small too and no word that links it on (`att`, `från`), with no full stop, colon,
    /// quote, digit but a final year (`Utblick 2050`) or table's columns in it, no member acting in it
    /// (`Anna Ek (S) ställer …`); and running text follows it, directly or after one blank line (or under a
    /// sub-heading right under it): a new sentence, longer than the heading, that ends within its first
    /// lines. Not the document's first line of text (its title: see [`opening_titles`]). A report's headings in capitals
    /// (`ÖVERGRIPANDE MÅL`, `AGENDA 2030`) stand so too; a chapter's in capitals under its number (`3. MÅL
    /// FÖR KOLLEKTIVTRAFIKEN`) needs only a blank line under it (the chapter's first heading may follow).
    fn free_heading(&self, li: usize) -> bool {
        self.free_heading_over(li, li)
    }

    /// A free heading wrapped onto the line under it (`Plattformsförlängningar Södra Bohusbanan samt ny` /
    /// `station i Brunnsbo`, `Mål – öppna sju nya stationer` / `(Västtågsutredningen)`): the line under it
    /// goes on in small letters, in brackets or with a year, in at most [`WRAPPED_FREE_WORDS`] words and no
    /// sign that ends a sentence or a clause, and the two lines joined pass [`Self::free_heading`]'s test
    /// (the body under the second line), in at most [`WRAPPED_FREE_HEADING_WORDS`] words. Returns the second
    /// line and the heading's words joined.
    fn wrapped_free_heading(&self, li: usize) -> Option<(usize, String)> {
        let kinds = &self.layout.kinds;
        // OCR sets each line of a heading apart (`Olika syn på balansen mellan effektivitet och` / blank /
        // `tillgänglighet en viktig fråga`).
        let next = if kinds.get(li + 1) == Some(&LineKind::Blank) {
            li + 2
        } else {
            li + 1
        };
        if kinds.get(next) != Some(&LineKind::Text) {
            return None;
        }
        let first = self.layout.line(self.text, li).trim();
        let second = self.layout.line(self.text, next).trim();
        let goes_on = second.starts_with(|c: char| c.is_lowercase() || c == '(')
            || second.split_whitespace().next().is_some_and(is_year);
        let n = second.split_whitespace().count();
        // A heading wraps where its line is full: a short line over a word or two is a form's or a table's
        // row (`Konsekvens vid ej genomförd` / `investering`), as is one whose last word is a value in
        // capitals (`Finansieras projektet inom Nej` / `befintlig tilldelad driftram`).
        let value_last = first
            .split_whitespace()
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        // Two lines with a finite verb in them are a sentence whose full stop OCR lost (`Förvaltningen har i
        // samråd med polisen …` / `tagit fram planen`), not a heading.
        let finite = first
            .split_whitespace()
            .chain(second.split_whitespace())
            .skip(1)
            .any(|w| FINITE_VERBS.contains(&fold(w).as_str()));
        if !goes_on
            || !(1..=WRAPPED_FREE_WORDS).contains(&n)
            || first.chars().count() < WRAPPED_FREE_MIN_CHARS
            || value_last
            || first.ends_with(|c: char| c.is_ascii_punctuation())
            || second.ends_with(['.', ',', ':', ';', '!', '?'])
            || first.split_whitespace().count() + n > WRAPPED_FREE_HEADING_WORDS
            || finite
        {
            return None;
        }
        self.free_heading_over(li, next).then(|| {
            (
                next,
                format!("{} {}", first.split_whitespace().collect::<Vec<_>>().join(" "), second),
            )
        })
    }

    /// [`Self::free_heading`]'s test for the heading on lines `li..=last`, its body under `last`.
    fn free_heading_over(&self, li: usize, last: usize) -> bool {
        let kinds = &self.layout.kinds;
        let joined: String;
        let line = if last == li {
            self.layout.line(self.text, li).trim()
        } else {
            joined = (li..=last)
                .map(|k| self.layout.line(self.text, k).trim())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            joined.as_str()
        };
        let (most_words, most_chars) = if last == li {
            (FREE_HEADING_WORDS, FREE_HEADING_CHARS)
        } else {
            (WRAPPED_FREE_HEADING_WORDS, WRAPPED_FREE_HEADING_CHARS)
        };
        // A chapter's number before a heading in capitals.
        let number = regex!(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+")
            .find(line)
            .map_or(0, |m| m.end());
        let capitals = in_capitals(line);
        if number > 0 && !capitals {
            return false;
        }
        // A name or a number in brackets may end it (`Farliga ämnen (Deskriptor 8)`): the words before it are
        // weighed.
        let l = before_bracketed(&line[number..]);
        // A dash between a subject and what is said of it is no word (`Medel – infrastrukturen byggs ut …`).
        let ws: Vec<&str> = l
            .split_whitespace()
            .filter(|w| !matches!(*w, "-" | "–" | "—"))
            .collect();
        let words = ws.len();
        let mut chars = l.chars();
        let title_case = chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase);
        // A year may end it (`AGENDA 2030`, `Utblick 2050`); in capitals one word of five letters is a subject's name
        // (`MILJÖ`): a role or a name in capitals stands in a letter's head, not over running text.
        let year = words >= 2 && ws.last().is_some_and(|w| is_year(w));
        let ws = if year { &ws[..words - 1] } else { &ws[..] };
        // A table's row or a name under a role ends in a capital (`Ansvarig Socialförvaltningen`, `Till
        // Datum`); one word alone is a role or a name as often as a heading (`Ekonomichef`); a post's title
        // names a person (`Regionfullmäktiges ordförande`).
        // But a place or a body named after a preposition ends one as well (`Nya bostadsområden vid
        // Onsalamotet`, `Utredningsområde för Trafik`, `Industriområde väster om E6`).
        // A known place ends one too (`Göteborg – Borås inklusive bibana Mölnlycke`), but not after a word that
        // links a sentence on to the first word of a longer name (`… förhandlingar med Västra` /
        // `Götalandsregionen …`).
        // Nor after a capitalised word: a person's name under a role (`Ansvarig handläggare Karin Lund`; some
        // surnames are places too).
        let named = words >= 3
            && (PLACE_PREPOSITIONS.contains(&ws[ws.len() - 2])
                || (ws.last().is_some_and(|w| crate::names::is_place(w))
                    && ws[ws.len() - 2].starts_with(char::is_lowercase)
                    && !LINKING_LAST.contains(&fold(ws[ws.len() - 2]).as_str())));
        let last_capital = ws
            .last()
            .is_some_and(|w| !capitals && ws.len() > 1 && w.starts_with(char::is_uppercase) && !named);
        // A table's column heads run capitalised words together (`Resor Kostnader Fördelade biljettintäkter`); a
        // heading writes its second and third words small unless they are names (`Södra Bohusbanan`).
        let column_heads = !capitals
            && ws.len() >= 3
            && ws[1..3]
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) && !crate::names::is_name(w));
        // A digit only in a road's or a line's name after a preposition (`E6`, `E20`, `väg 158` is none).
        // A year after the first word is a subject's too (`Delmål 2028 – nödvändig konkretisering på vägen`).
        let digits = ws.iter().enumerate().any(|(i, w)| {
            w.contains(|c: char| c.is_ascii_digit())
                && !(named && i + 1 == ws.len() && w.starts_with(char::is_uppercase))
                && !(i > 0 && is_year(w))
        });
        let role = ends_in_post(&fold(l));
        // A sentence's first line, not a heading: it ends in a word that links it on (`… förslag att yrkandet
        // från`), or a member acts in it (`Axel Darvik (L) ställer följande fråga`).
        let runs_on = words > 1 && ws.last().is_some_and(|w| LINKING_LAST.contains(&fold(w).as_str()));
        // Older protocols write the party small (`(s)`).
        let member = regex!(r"\(([A-ZÅÄÖ]{1,3}|[a-zåäö]{1,3})\)\s+\S")
            .captures(l)
            .is_some_and(|c| PARTIES.contains(&c[1].to_uppercase().as_str()));
        // One word is a heading only when long enough to be a subject's name (`Riskhantering`, `Kostnad`).
        let least = if capitals {
            CAPITALS_HEADING_WORD_CHARS
        } else {
            FREE_HEADING_WORD_CHARS
        };
        // So when a year ends it (`Budget 2027`; not `Mål 2030`). A shorter word alone is a subject's name too
        // (`Mål`, `Metod`, `Taxor`, `Altan`) when it is no name (`Anna`, `Lind` over a paragraph are a speaker's
        // or a signatory's) nor a vote's answer (`Nej` over its reasons): the layout test below must then hold
        // as for any heading.
        let letters = ws.first().map_or(0, |w| w.chars().count());
        let short = !year
            && !capitals
            && letters >= SHORT_HEADING_WORD_CHARS
            && !crate::names::is_name(ws[0])
            && !VOTE_ANSWERS.contains(&fold(ws[0]).as_str());
        let one_word = ws.len() == 1
            && (ws[0].chars().all(char::is_alphabetic) || regex!(r"^\p{Lu}\p{Ll}+/\p{Ll}+$").is_match(ws[0]))
            && (letters >= least || short);
        if !(title_case || capitals)
            || !(one_word || (2..=most_words).contains(&ws.len()))
            || last_capital
            || column_heads
            || role
            || runs_on
            || member
            || l.chars().count() > most_chars
            || l.ends_with(|c: char| (c.is_ascii_punctuation() && c != '?') || c == '–' || c == '—')
            || l.contains([':', ';', '@', '|', '•', '.', '"', '”', '“', '»'])
            // A slash between two words is an alternative (`Antenn/mast`, `Bygga över/vid gräns`); any other is
            // a path, a date or a table's head (`Datum/`, `/ KS`).
            || (l.contains('/') && !regex!(r"^[^/]*\p{Ll}/\p{L}[^/]*$").is_match(l))
            || digits
            || in_columns(l)
            || (self.content.first() == Some(&li) && number == 0)
        {
            return false;
        }
        // Set apart above: a blank line, the page's furniture, or a heading right above it (`Trafikverkets
        // synpunkter` / `Transportsnål planering`); or, when a blank line sets it apart below, a sentence's
        // end (`… basprognosens trafikflöden.` / `Trafikflöde` / blank).
        let above = li.checked_sub(1).map(|p| (p, kinds[p]));
        let set_apart = match above {
            None => false,
            Some((_, LineKind::Blank | LineKind::Furniture)) => true,
            // A page's first line: OCR glues the page before to the form feed, its page number last
            // (`45` / form feed / `Anläggningsavgifter`).
            Some(_) if self.text[..self.layout.lines[li].0].ends_with('\u{c}') => true,
            // A URL on its own line ends the paragraph above in a text without blank lines.
            Some((_, LineKind::Url)) if self.dense => true,
            Some((p, _)) => {
                let (ps, _) = self.layout.lines[p];
                let prev = self.layout.line(self.text, p).trim_end();
                // In a text without blank lines, a sentence's end above is all that sets it apart; not for a
                // question, which is as often a paragraph of one sentence (an interpellation's questions).
                let below = ((self.dense || self.dense_around(li)) && !l.ends_with('?'))
                    || kinds.get(last + 1) == Some(&LineKind::Blank);
                // There a line ending in a date closes a block too (`Artikel uppdaterad 2023-03-13`, `Beslutad
                // av kommunfullmäktige 2020-01-30 (§ 12)`): a stamp under an article.
                let stamp = self.dense && ends_in_date(prev);
                // A figure's or a table's caption (`Figur 5 Syfte med det strategiska dokumentet`) closes the
                // figure above it, in any text.
                let caption = is_caption(prev);
                // (A numbered article's or series' heading holds its title on its line: what stands under it is
                // its text.)
                (self.heads.last().is_some_and(|h| h.start == ps) && self.articles.binary_search(&p).is_err())
                    || ((closes(prev, &['.', '!', '?']) || stamp || caption) && below)
            }
        };
        if !set_apart {
            return false;
        }
        if number > 0 {
            // Set apart below too, or right over its first section (`2 PARTERNAS AVSIKTSFÖRKLARING` / `2.1 —
            // Avledning …`, OCR's `21 Avledning …`), the blank line between lost.
            let first_section = kinds.get(last + 1) == Some(&LineKind::Text) && {
                let chapter = line[..number].trim_end().trim_end_matches('.');
                opens_first_section(self.layout.line(self.text, last + 1), chapter, true)
            };
            return kinds.get(last + 1) == Some(&LineKind::Blank) || first_section;
        }
        // A list's last item begins as the items above it do (`Om bolagets verksamhet …` / `Om bolagets
        // interna kontroll …`, `Antal färdigställda bostäder inom …`), where OCR lost its full stop.
        // The items above may wrap (`Antal … inom fem kilometer från` / blank / `grundläggande service …`).
        let first = |t: &str| t.split_whitespace().next().map(fold);
        let item = (li.saturating_sub(LIST_ITEM_LOOKBACK)..li).any(|p| {
            let ps = self.layout.lines[p].0;
            kinds[p] == LineKind::Text
                && first(self.layout.line(self.text, p)) == first(l)
                && !self.heads.iter().any(|h| h.start == ps)
        });
        if item {
            return false;
        }
        // The paragraph after it: its first line directly under the heading or after one blank line.
        let mut j = last + 1;
        if j < kinds.len() && kinds[j] == LineKind::Blank {
            j += 1;
        }
        // A blank line inside a sentence does not end the paragraph (`… ett stort antal förslag på` / blank /
        // `författningsändringar till följd av …`: a page's layout put it there).
        // One line more is read when a sub-heading may stand first (see `sub` below).
        let mut lines: Vec<&str> = Vec::new();
        let mut k = j;
        // OCR sets a sub-heading apart from the heading over it and from its text alike (`Framtidsspaning,
        // underlag för dialog` / blank / `Infrastrukturutbyggnad` / blank / text): a short first line under a
        // blank line, no heading of the catalogue's (a title over `Sammanfattning` is the document's), may
        // be one, its text read across the blank line under it.
        // Not under a body's name alone (a letterhead's `Kommunfullmäktige` / blank / `Handling 2023 nr 64`), nor
        // over a line with a number (`Bilaga 5`).
        let sub_like = |t: &str| {
            t.starts_with(char::is_uppercase)
                && !t.ends_with(|c: char| c.is_ascii_punctuation())
                && !t.contains(|c: char| c.is_ascii_digit())
                && (1..=FREE_HEADING_WORDS).contains(&t.split_whitespace().count())
                && !self.catalogue.is_heading(t)
                && !names_organ(t)
                && !names_organ(l)
        };
        let mut spaced = false;
        while k < kinds.len() && lines.len() < FREE_HEADING_BODY_LINES + 1 {
            match kinds[k] {
                LineKind::Text => lines.push(self.layout.line(self.text, k).trim()),
                LineKind::Blank
                    if j == last + 2
                        && lines.len() == 1
                        && kinds.get(k + 1) == Some(&LineKind::Text)
                        && sub_like(lines[0]) =>
                {
                    spaced = true;
                }
                LineKind::Blank
                    if lines.last().is_some_and(|l| !l.ends_with(['.', ':', '!', '?']))
                        && kinds.get(k + 1) == Some(&LineKind::Text)
                        && self
                            .layout
                            .line(self.text, k + 1)
                            .trim_start()
                            .starts_with(char::is_lowercase) => {}
                _ => break,
            }
            k += 1;
        }
        let Some(first) = lines.first() else {
            return false;
        };
        // Running text: a sentence ends in its first lines (a list of indicators under a caption has none).
        // A sentence may begin with its date or year (`2021-04-19 yttrade Trafikverket …`, `2016 antog FN …`).
        // A quotation may open it (`”Enligt stadsantikvarien så ska vi …`).
        let begins = first
            .trim_start_matches(['”', '“', '"', '»', '’'])
            .starts_with(|c: char| c.is_uppercase())
            || regex!(r"^\d{4}(?:-\d{2}-\d{2})?\s+\p{Ll}").is_match(first);
        let sentence_in = |lines: &[&str]| {
            lines.iter().take(FREE_HEADING_BODY_LINES).any(|t| {
                // A quotation or a parenthesis may close the sentence (`… och Åsa.” Trafikverket ansåg …`,
                // `… per anställd (dagbefolkning). Medan …`); a colon may end one that a list goes on from
                // (`… med egna karteringar och kunskapsunderlag:`).
                closes(t, &['.', '!', '?', ':']) || regex!(r#"\p{Ll}[”"’)]?[.!?][”"’)]?\s+[“”"]?\p{Lu}"#).is_match(t)
            })
        };
        let sentence = sentence_in(&lines);
        // OCR may drop a sentence's full stop (`… i den svenska f-gasförordningen` / blank), or read it as a
        // comma (`… dess huvudorter, Nätet ska …`): two long lines of prose are running text too (a list's or
        // a table's are short or set in columns), long together, one perhaps shorter for a long compound
        // (`I trafikförsörjningsprogrammet beskrivs också ett utpekat regionalt`).
        let prose_in = |lines: &[&str]| {
            let words = |t: &str| t.split_whitespace().count();
            lines.len() >= 2
                && lines[..2]
                    .iter()
                    .all(|t| words(t) >= PROSE_LINE_WORDS - PROSE_LINE_SLACK && !in_columns(t))
                && words(lines[0]) + words(lines[1]) >= 2 * PROSE_LINE_WORDS
        };
        let prose = prose_in(&lines);
        // A sub-heading may stand right under it (`Bullernivå i bostad` / `Inom detaljplanerat område` / text):
        // then the sub-heading's own text is what must be longer.
        // (Directly under it: a title set apart by a blank line over `Sammanfattning` is the document's.)
        let sub = lines.len() >= 2
            && (j == last + 1 || spaced)
            && !first.ends_with(|c: char| c.is_ascii_punctuation())
            && (1..=FREE_HEADING_WORDS).contains(&first.split_whitespace().count())
            && lines[1].starts_with(char::is_uppercase);
        // (A wrapped heading's body is weighed against its first line: the lines are of a width.)
        let heading_words = if last == li {
            words
        } else {
            self.layout.line(self.text, li).split_whitespace().count()
        };
        let longer = |t: &str| t.split_whitespace().count() > heading_words;
        // A short lead-in may open the text, a list after it (`Tekniska nämnden` / `Ansvarar för:` / `att
        // IT-verksamheten bedrivs så att …`): then the list's first item is what must be longer.
        let lead_in = lines.len() >= 2 && first.ends_with(':') && !first.contains(char::is_numeric);
        begins
            && ((sentence || prose) && longer(first)
                || (sub || lead_in)
                    && longer(lines[1])
                    && (sentence || sentence_in(&lines[1..]) || prose_in(&lines[1..])))
    }

    /// Does line `li` stand as a heading does, its words aside: after a blank line, one to
    /// [`FREE_HEADING_WORDS`] words begun with a capital, no digit, and a line of text under it (after one
    /// blank line at most) that begins with a capital? Not the document's first line of text.
    fn damaged_layout(&self, li: usize) -> bool {
        let kinds = &self.layout.kinds;
        let l = self.layout.line(self.text, li).trim();
        let words = l.split_whitespace().count();
        // OCR may end it with a comma (`Beslutsunderbag,`); a full stop ends a sentence (`Omröstning begärs.`).
        let body = l.trim_end_matches(',');
        if !(1..=FREE_HEADING_WORDS).contains(&words)
            || !l.starts_with(char::is_uppercase)
            || l.chars().count() > FREE_HEADING_CHARS
            || body.contains(|c: char| c.is_ascii_digit() || (c.is_ascii_punctuation() && c != '-'))
            || self.content.first() == Some(&li)
            || li == 0
        {
            return false;
        }
        // Set apart above by a blank line, or by a sentence's end right above it (OCR kept no blank line
        // between a paragraph and the heading under it: `… och Noltorp.` / `Beshusunderlag`).
        let above = kinds[li - 1] == LineKind::Blank
            || (kinds[li - 1] == LineKind::Text && closes(self.layout.line(self.text, li - 1).trim_end(), &['.']));
        if !above {
            return false;
        }
        let mut j = li + 1;
        if j < kinds.len() && kinds[j] == LineKind::Blank {
            j += 1;
        }
        // Text under it that begins with a capital, or a list's first item (`* §72 KSAU …`, `• Tjänsteskrivelse`).
        j < kinds.len() && kinds[j] == LineKind::Text && {
            let next = self.layout.line(self.text, j).trim_start();
            next.starts_with(char::is_uppercase) || regex!(r"^[*•·+–-]\s+\S").is_match(next)
        }
    }

    /// A front-page field's name that begins with the first word of line `li` and ends at the start of the
    /// next line of text, directly under it (`Justeringens Barn- och skolnämndens kontor` / `plats och tid
    /// 2006-05-29`; `Under-` / `skrifter Sekreterare`): where the first word ends in the line, the whole
    /// name, and the field's label and scope.
    fn wrapped_field(&self, li: usize) -> Option<(usize, String, &Label, &Scope)> {
        // Directly under it, or after one blank line OCR put between.
        let kinds = &self.layout.kinds;
        let next = if kinds.get(li + 1) == Some(&LineKind::Blank) {
            li + 2
        } else {
            li + 1
        };
        if next >= self.layout.lines.len() || kinds[next] != LineKind::Text {
            return None;
        }
        let l = self.layout.line(self.text, li);
        let words: Vec<&str> = l.split_whitespace().take(WRAPPED_FIELD_WORDS).collect();
        if !words.first()?.starts_with(char::is_uppercase) {
            return None;
        }
        let under: Vec<&str> = self.layout.line(self.text, next).split_whitespace().take(3).collect();
        let front = Some(&Scope::ProtocolFront);
        // The name's first word or words on this line (`Justeringens plats och` / `tid`, its value between).
        (1..=words.len()).find_map(|w| {
            let head = words[..w].join(" ");
            let last = words[w - 1];
            let end = l
                .match_indices(last)
                .map(|(i, _)| i + last.len())
                .find(|&e| l[..e].split_whitespace().count() == w)?;
            (1..=under.len()).rev().find_map(|k| {
                let name = match head.strip_suffix('-') {
                    Some(cut) => format!("{cut}{}", under[..k].join(" ")),
                    None => format!("{head} {}", under[..k].join(" ")),
                };
                // Only a name of more words than those on this line alone (`Justeringens` is no field).
                self.catalogue
                    .classify(&name, None, front)
                    .filter(|_| self.catalogue.classify(&head, None, front).is_none())
                    .map(|(label, scope)| (end, title(&name), label, scope))
            })
        })
    }

    /// The name of field `label`, whose first words `head` are on line `li` (a field of that label by
    /// themselves), with the word the page's column wrapped onto the next line, directly under it, when
    /// that longer name is a field of the same label (`Ej tjänstgörande` / `ersättare …`).
    fn field_wrapped_on(&self, li: usize, head: &str, label: &Label) -> Option<String> {
        let next = li + 1;
        if self.layout.kinds.get(next) != Some(&LineKind::Text) {
            return None;
        }
        let word = self.layout.line(self.text, next).split_whitespace().next()?;
        if !word.starts_with(char::is_lowercase) {
            return None;
        }
        let name = format!("{} {word}", head.split_whitespace().collect::<Vec<_>>().join(" "));
        self.catalogue
            .classify(&name, None, Some(&Scope::ProtocolFront))
            .filter(|(l, _)| *l == label)
            .map(|_| name)
    }

    /// Does the next line of text begin with a leader (`1.1     Bakgrund` / `........ 4`: an entry of a table
    /// of contents whose leader and page number the extraction put on a line of their own)?
    fn leader_follows(&self, li: usize) -> bool {
        let next = (li + 1..self.layout.lines.len()).find(|&j| self.layout.kinds[j] == LineKind::Text);
        // The leader ends in the page number, or the page number begins the line after it (a signature's
        // dotted line has a name under it, or nothing).
        let leader = regex!(r"^(?:(?:\.\s?){3,}|…+)\s*(\d{1,4}(?:\s|$))?");
        let page_number = regex!(r"^\d{1,4}(?:\s|$)");
        let Some(j) = next else {
            return false;
        };
        let Some(c) = leader.captures(self.layout.line(self.text, j).trim_start()) else {
            return false;
        };
        c.get(1).is_some()
            || (j + 1..self.layout.lines.len())
                .find(|&k| self.layout.kinds[k] == LineKind::Text)
                .is_some_and(|k| page_number.is_match(self.layout.line(self.text, k).trim_start()))
    }

    /// A § line here, unless it is a reference: `§ 242 och den 10 april 2024, § 310.` goes on from the line
    /// before, and so does a bare number below the last paragraph's.
    fn paragraph(&self, l: &str) -> Option<ParagraphLine> {
        // One § whose sign and number OCR lost altogether (`29` alone) is skipped: the next reads as `p + 2`
        // when its sign is no digit (`$ 30`; a roll-call table's `56 Bernmar` is none).
        let sign_read = !l.trim_start().starts_with(|c: char| c.is_ascii_digit());
        let read = match self.last_para {
            Some(p) => paragraph_line(l, Some(p + 1)).or_else(|| paragraph_line(l, Some(p + 2)).filter(|_| sign_read)),
            None => paragraph_line(l, None)
                .or_else(|| self.first_paragraph.iter().find_map(|&n| paragraph_line(l, Some(n)))),
        };
        read.filter(|p| {
            let goes_on = p.title_at.is_some_and(|i| {
                // `$N/2024:323` is a case number whose S OCR read as a sign.
                l[i..].starts_with(|c: char| c.is_lowercase() || (c.is_ascii_punctuation() && !"$&".contains(c)))
            });
            // Numbers rise; `§ 3 a`, `§ 3 b` follow `§ 3`.
            let after_last = self
                .last_para
                .is_none_or(|last| (p.number, p.letter) > (last, self.last_letter));
            // A table's row of an article as it stands and as proposed (`§1 Denna taxa gäller …      Denna taxa
            // gäller …`, `§4      §3 Avgift …`) is none.
            let table_row = p
                .title_at
                .is_some_and(|i| prose_columns(&l[i..]) || l[i..].trim_start().starts_with('§'));
            !goes_on && (p.case_id.is_some() || after_last) && !table_row
        })
    }

    /// Is the § line `li` an item of a list of decisions inside a § (a `Meddelanden` § listing `§ 105 2026.220
    /// KS Stadsskogen …` / `§ 89 2026.112 KS Inskränkning …` / `§ 85 Årsredovisning …`), no § of this
    /// protocol? Its number is not the next one (nor the one after, whose § OCR may have lost), and the next
    /// line of text is a § line too, or the line of text before it was such an item.
    fn listed_paragraph(&self, li: usize, p: &ParagraphLine) -> bool {
        let Some(last) = self.last_para else {
            return false;
        };
        if (last + 1..=last + 2).contains(&p.number) || (p.number == last && p.letter.is_some()) {
            return false;
        }
        let kinds = &self.layout.kinds;
        let next = (li + 1..kinds.len()).find(|&j| kinds[j] == LineKind::Text);
        let prev = (0..li).rev().find(|&j| kinds[j] == LineKind::Text);
        next.is_some_and(|j| paragraph_line(self.layout.line(self.text, j), None).is_some())
            || (prev.is_some() && prev == self.reference)
    }

    /// Does line `li` go on with a law's reference the sentence above left open (`… för vuxna enligt 9` /
    /// `§ 9 LSS.`)? The line above is running text of four words or more that ends in a bare number, not
    /// in a § of its own (`… har rätt att förfoga över. § 23`: a table's other column).
    fn law_reference_goes_on(&self, li: usize) -> bool {
        let Some(p) = li.checked_sub(1).filter(|&p| self.layout.kinds[p] == LineKind::Text) else {
            return false;
        };
        let above = self.layout.line(self.text, p).trim();
        let words: Vec<&str> = above.split_whitespace().collect();
        let n = words.len();
        // Running text: no table's columns in it (`Nuvarande formulering kapitel 1 § 3      Förslag … kapitel 1`).
        n >= 4
            && !in_columns(above)
            && words[n - 1].len() <= 3
            && words[n - 1].chars().all(|c| c.is_ascii_digit())
            && words[n - 2] != "§"
            // A handling's number is no law's (`KF Handling 2024 nr 160` over `§ 701 Ärendenummer …`, a page's
            // header OCR did not set apart).
            && !matches!(words[n - 2].to_lowercase().as_str(), "nr" | "nr." | "nummer")
    }

    /// A § whose sign OCR lost altogether, its number alone on its line (`29` between `§ 28` and `§ 30`):
    /// only the number expected next, set apart from the text around it, with a title under it, and the next
    /// § line the number after it.
    fn bare_paragraph(&self, li: usize, l: &str) -> Option<ParagraphLine> {
        let last = self.last_para?;
        let kinds = &self.layout.kinds;
        let apart = li > 0 && kinds[li - 1] != LineKind::Text && kinds.get(li + 1).is_none_or(|&k| k != LineKind::Text);
        if self.last_letter.is_some() || !apart {
            return None;
        }
        let n = bare_number(l.trim(), last)?;
        let mut texts = (li + 1..self.layout.lines.len())
            .filter(|&j| kinds[j] == LineKind::Text)
            .map(|j| self.layout.line(self.text, j).trim());
        // A title, not a name (`Magnusson, Hampus`) in a table of votes.
        let name = regex!(r"^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?,\s");
        if !texts.next().is_some_and(|t| starts_title(t) && !name.is_match(t)) || self.in_vote_table(li) {
            return None;
        }
        // The next § line reads as the number after it. A number alone on its line confirms it only as the
        // next one expected, some lines of text below (the rows of a numbered table, `41` / `Lindström,
        // Staffan` / `Ledamot`, stand closer).
        let bare = regex!(r"^\d{1,4}$");
        let mut between = 0;
        let confirmed = texts
            .find_map(|t| {
                between += 1;
                if bare.is_match(t) {
                    Some(between > BARE_CONFIRM_LINES && bare_number(t, n) == Some(n + 1))
                } else {
                    paragraph_line(t, Some(n + 1)).map(|q| q.number == n + 1)
                }
            })
            .unwrap_or(false);
        confirmed.then_some(ParagraphLine {
            number: n,
            case_id: None,
            title_at: None,
            certain: false,
            letter: None,
        })
    }

    /// The § line on line `li` as a heading, with its title; returns the line after the title.
    fn push_paragraph(&mut self, li: usize, p: ParagraphLine) -> usize {
        let (s, e) = self.layout.lines[li];
        let l = self.layout.line(self.text, li);
        self.last_para = Some(p.number);
        self.last_letter = p.letter;
        let (parts, body) = match p.title_at {
            Some(i) => (vec![l[i..].trim().to_string()], e),
            None => paragraph_title(self.text, self.layout, self.catalogue, li, p.case_id.is_some()),
        };
        let title = (!parts.is_empty()).then(|| join_lines(&parts));
        // A § with no case number on its line may write it on a line of its own under its title.
        let case_id = p
            .case_id
            .or_else(|| self.case_under(body))
            .or_else(|| self.case_above(li));
        // The digits of the sign and the number as read (`8 863`: 8863; `43900`).
        let doubtful = (!p.certain).then(|| {
            l.split_whitespace()
                .take(2)
                .flat_map(str::chars)
                .filter(char::is_ascii_digit)
                .collect()
        });
        self.heads.push(Head {
            start: s,
            end: e,
            body: body + 1,
            label: Label::PARAGRAPH,
            scope: Scope::Doc(DocType::Protokoll),
            paragraph: Some(p.number),
            letter: p.letter,
            case_id,
            title,
            decision_body: None,
            doubtful,
            damaged: false,
            headless: false,
        });
        let lines = &self.layout.lines;
        lines
            .iter()
            .position(|&(ls, _)| ls > body)
            .unwrap_or(lines.len())
            .max(li + 1)
    }

    /// The case number on a line of its own among the first two lines of text after `body` (a byte offset:
    /// where a § line's title ends), before any heading.
    fn case_under(&self, body: usize) -> Option<String> {
        let lines = &self.layout.lines;
        let from = lines.iter().position(|&(ls, _)| ls > body)?;
        (from..lines.len())
            .filter(|&j| self.layout.kinds[j] == LineKind::Text)
            .take(2)
            .map(|j| self.layout.line(self.text, j))
            .take_while(|l| paragraph_line(l, None).is_none() && !self.catalogue.is_heading(l))
            .find_map(super::paragraphs::case_number_line)
    }

    /// The case number a § line's page prints above it (`BUN/2016:360` / `§ 54`): alone on the line of text
    /// before the § line, with only furniture, a page break or nothing before it.
    fn case_above(&self, li: usize) -> Option<String> {
        let kinds = &self.layout.kinds;
        let j = (0..li).rev().find(|&j| kinds[j] != LineKind::Blank)?;
        if kinds[j] != LineKind::Text {
            return None;
        }
        let before = (0..j).rev().find(|&k| kinds[k] != LineKind::Blank);
        let page_break =
            |a: usize, b: usize| self.text[self.layout.lines[a].1..self.layout.lines[b].0].contains('\u{c}');
        let top = before.is_none_or(|k| kinds[k] == LineKind::Furniture || page_break(k, j));
        if !top {
            return None;
        }
        super::paragraphs::case_number_line(self.layout.line(self.text, j))
    }

    /// Does a new block start at line `li`: at the start of the text, after a blank line, a page break or
    /// furniture, a line ending a sentence or a clause (`.`, `:`), or right after a heading?
    fn block_start(&self, li: usize) -> bool {
        let (lines, kinds) = (&self.layout.lines, &self.layout.kinds);
        let Some(prev) = (0..li).rev().find(|&j| kinds[j] != LineKind::Furniture) else {
            return true;
        };
        if prev + 1 != li {
            return true;
        }
        let (ps, pe) = lines[prev];
        let p = self.text[ps..pe].trim_end();
        // A sentence's end may close a quotation (`… nära att parkera sin cykel i staden.”`).
        p.trim().is_empty()
            || closes(p, &['.', ':', '!', '?'])
            || self.text[pe..lines[li].0].contains('\u{c}')
            || self.heads.last().map(|h| h.start) == Some(ps)
            // The first line under a heading's title (a KF bundle part's `Yrkande angående …`).
            || self.heads.last().is_some_and(|h| h.body == lines[li].0 && h.body > h.end + 1)
            || self.name_block_above(prev)
            || signature_role(p)
            || is_caption(p)
            || (self.dense && ends_in_date(p))
    }

    /// Is line `prev` a block of one line that names an office or a body (`Stadsledningskontoret`,
    /// `Kommunfullmäktige`): one or two capitalised words, no sign, with a blank line or a page's start
    /// above it? What stands under it begins a block of its own (a letterhead's `Tjänsteutlåtande …` whose
    /// blank line OCR lost).
    fn name_block_above(&self, prev: usize) -> bool {
        let (lines, kinds) = (&self.layout.lines, &self.layout.kinds);
        let p = self.layout.line(self.text, prev).trim();
        let words: Vec<&str> = p.split_whitespace().collect();
        let named = (1..=2).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic) && w.chars().count() >= 4
            });
        named
            && (prev == 0
                || kinds[prev - 1] == LineKind::Blank
                || self.text[lines[prev - 1].1..lines[prev].0].contains('\u{c}'))
    }

    /// Is this a protocol's front page: the opening says protocol, and no § line nor a table of contents
    /// has come yet?
    fn on_front_page(&self) -> bool {
        self.last_para.is_none()
            && self.opening.protocol
            && !self.heads.iter().any(|h| h.label == Label::TABLE_OF_CONTENTS)
    }

    /// Is this a protocol's front page, as its opening says ([`Finder::on_front_page`]) or as its fields
    /// show ([`field_lines`]), before any § line or table of contents?
    fn front_page(&self) -> bool {
        self.on_front_page()
            || (self.fields
                && self.last_para.is_none()
                && !self.heads.iter().any(|h| h.label == Label::TABLE_OF_CONTENTS))
    }

    /// Does line `li` stand as a paragraph of its own: blank lines, furniture, a page break or the text's
    /// ends on both sides, and the text before it ends a sentence or is a short line of its own (a title,
    /// a heading, a name)? `… föreslår att` / `kommunfullmäktige beslutar:` goes on over a blank line.
    fn stands_alone(&self, li: usize) -> bool {
        let kinds = &self.layout.kinds;
        let apart = |j: Option<usize>| j.is_none_or(|j| kinds[j] != LineKind::Text);
        let before = (0..li).rev().find(|&j| kinds[j] == LineKind::Text);
        let ended = before.is_none_or(|j| {
            let t = self.layout.line(self.text, j).trim();
            t.ends_with(['.', ':', '!', '?', ')'])
                || t.starts_with(char::is_uppercase) && t.split_whitespace().count() <= SHORT_LINE_WORDS
        });
        ended && apart(li.checked_sub(1)) && apart(Some(li + 1).filter(|&j| j < kinds.len()))
    }

    /// Do the [`LOCAL_DENSE_LINES`] lines on either side of line `li` run on without a blank line (OCR of a
    /// page whose paragraphs it set apart in some places and not in others)? Then a sentence's end above sets
    /// a heading apart there as in a text without blank lines.
    fn dense_around(&self, li: usize) -> bool {
        let kinds = &self.layout.kinds;
        let (a, b) = (
            li.saturating_sub(LOCAL_DENSE_LINES),
            (li + LOCAL_DENSE_LINES + 1).min(kinds.len()),
        );
        b - a == 2 * LOCAL_DENSE_LINES + 1 && kinds[a..b].iter().all(|k| *k == LineKind::Text)
    }

    /// Is line `li` a cell of a roll-call table (`Elisabet Lann` / `KD` / `Ledamot` / `Ja`), where
    /// `Ersättare` is a role and no heading? Two or more of its six neighbours on either side are votes or
    /// roles.
    fn in_vote_table(&self, li: usize) -> bool {
        let content = &self.content;
        let Ok(k) = content.binary_search(&li) else {
            return false;
        };
        let cell = |j: usize| {
            let folded = fold(self.layout.line(self.text, j));
            let words: Vec<&str> = folded.split_whitespace().collect();
            roll_call_cell(&words)
        };
        // Cells on both sides: a heading right after a table (`INNEHÅLLSFÖRTECKNING` under a roll call's
        // `Ja Nej Avstår`) is none of its cells.
        let before = content[k.saturating_sub(6)..k].iter().filter(|&&j| cell(j)).count();
        let after = content.iter().skip(k + 1).take(6).filter(|&&j| cell(j)).count();
        before >= 1 && after >= 1 && before + after >= 2
    }
}

/// Is `t` a table's row of two columns of prose (`Denna taxa gäller avgifter för …      Denna taxa gäller
/// avgifter för …`: a bylaw's or a taxa's article as it stands and as proposed, side by side)? A § line
/// there is the article's, no protocol's paragraph. A title and its case number are no such columns.
fn prose_columns(t: &str) -> bool {
    let prose = |part: &str| {
        part.split_whitespace()
            .filter(|w| w.chars().all(|c| c.is_alphabetic() && c.is_lowercase()))
            .count()
            >= 3
    };
    regex!(r"\s{3,}").split(t.trim()).filter(|part| prose(part)).count() >= 2
}

/// Does `line` begin the first section under chapter `chapter` (`2.1 Avledning …`, `2.1. …` under `2`)?
/// With `dot_lost`, also as OCR reads it with the dot lost (`21 Avledning …`).
fn opens_first_section(line: &str, chapter: &str, dot_lost: bool) -> bool {
    line.trim_start()
        .strip_prefix(chapter)
        .and_then(|r| r.strip_prefix('.').or(if dot_lost { Some(r) } else { None }))
        .and_then(|r| r.strip_prefix('1'))
        .is_some_and(|r| r.starts_with([' ', '.', '\t']))
}

/// Does line `p` end a signature: a short line whose last word names a post (`Direktör Ärende och utredning
/// Stadsdirektör`, `Kommundirektör`)? What stands under it (`Bilagor 1. Motionen …`, where OCR lost the
/// blank line) begins a block.
fn signature_role(p: &str) -> bool {
    let folded = fold(p);
    let words: Vec<&str> = folded.split_whitespace().collect();
    // A page's header that ends in a post (`Utdrag ur protokoll Sammanträdesdatum: 2023-09-20 Ordförande`)
    // is none: no date, no field.
    (1..=SIGNATURE_ROLE_WORDS).contains(&words.len())
        && p.starts_with(char::is_uppercase)
        && !p.contains(|c: char| c.is_ascii_digit() || c == ':')
        && ends_in_post(&folded)
}

/// Does `folded` (a line folded) end in a word that names a post (`… ordforande`, `ekonomichef`,
/// `stadsdirektor`; see [`crate::lang::ROLE_ENDINGS`])?
fn ends_in_post(folded: &str) -> bool {
    folded
        .split_whitespace()
        .next_back()
        .is_some_and(|w| crate::lang::ROLE_ENDINGS.iter().any(|r| w.ends_with(r)))
}

/// A signature's line of posts has at most this many words.
const SIGNATURE_ROLE_WORDS: usize = 6;

/// Does `l` hold a row of a roll-call vote whose columns OCR ran together: a member's role and the vote
/// (`78 Ersättare Ja Håkan Eriksson V 21 1:e v`, `70Ledamot Nej Anders`)? Its role is no heading.
fn vote_row(l: &str) -> bool {
    regex!(r"(?i)(?:^|[\s\d])(?:ledamot|ersättare|ordförande)\s+(?:ja|nej|avstår|frånvarande)(?:\s|$)").is_match(l)
}

/// `l` with its first letter made a capital, when it begins in lowercase: a heading as OCR reads a capital `I`
/// or `Ö` small.
pub(super) fn capital_lost(l: &str) -> Option<String> {
    let t = l.trim_start();
    t.starts_with(char::is_lowercase).then(|| title(t))
}

/// A leader and the page number it leads to at a line's end (`Meddelanden ........ 3`, `… 12`): an entry
/// of a table of contents. The page number is captured.
fn toc_leader() -> &'static regex::Regex {
    regex!(r"(?:(?:\.\s?){3,}|…+)\s*(\d{1,4})[\s_]*$")
}

/// The § lines of `content` that are entries of a table of contents, not paragraphs:
/// - one whose title ends with a leader and a page number (`§ 1 Val av justerare ... 4`, `Meddelanden
///   ........ 3`) within [`TOC_TITLE_LINES`] lines;
/// - a run of three or more § lines with at most [`TOC_TITLE_LINES`] lines under each, at least half of
///   them ending in a page number, the page numbers rising but for one in four (the table as OCR reads
///   it: the leaders lost, `Planbesked för Lyngås 3:8 17`, the number on a line of its own, a number
///   misread, the columns of a page read out of order);
/// - a run of two or more § lines at the top, with at most [`TOC_ENTRY_LINES`] lines under each (or a
///   title ending in a page number), whose numbers the protocol's body takes again (`§ 1 Val av
///   justerare` … `§ 16 Anmälningsärenden`, then `§ 1` with its text), and after at least [`TOC_MIN_RUN`]
///   of those the next in a row that the body does not reach (an extract), skipping numbers whose signs
///   OCR lost (their titles then run together under the entry before, up to [`TOC_TITLE_LINES`] lines).
fn table_of_contents(text: &str, layout: &Layout, content: &[usize]) -> Vec<usize> {
    let leader = toc_leader();
    let page_number = regex!(r"^\s*\p{Lu}.*\p{L}\s+\d{1,3}$");
    // A title's last line ending in the page number (after a letter or a bracket), or the number alone.
    // Or after the entry's case number, a page range too (`§71 Genomlysning … 2023/314 9 - 10`).
    let page_at_end = regex!(r"(?:^|[\p{L})]\s+|\d{4}/\d{1,5}\s+)(\d{1,3})(?:\s?-\s?\d{1,3})?$");
    // A page number on a line of its own after what OCR left of a leader (`. 44`, `.... 12`).
    let leader_left = regex!(r"^[.…·_\s]*[.…·_]\s*\d{1,3}$");
    let line = |li: usize| layout.line(text, li).trim();
    // A sign OCR misread counts on a line with a case number or its word (`$ 140 Diarienummer …`, `5 118
    // Diarienummer`): with no number expected, `paragraph_line` reads no other. After a § line, the next
    // number is expected, as the finder expects it (`863` for `§ 63` after `§ 62`).
    let mut paras: Vec<(usize, usize, u32)> = Vec::new();
    for (k, &li) in content.iter().enumerate() {
        let expected = paras.last().map(|p| p.2 + 1);
        if let Some(p) = paragraph_line(line(li), None).or_else(|| paragraph_line(line(li), expected)) {
            paras.push((k, li, p.number));
        }
    }
    let paras = paras;
    let next_of = |n: usize| paras.get(n + 1).map_or(content.len(), |p| p.0);
    // The lines under each § line up to the next, at most TOC_TITLE_LINES.
    let under = |n: usize| {
        let k = paras[n].0;
        &content[k + 1..next_of(n).min(k + 1 + TOC_TITLE_LINES)]
    };
    let mut toc = Vec::new();
    for (n, &(_, li, _)) in paras.iter().enumerate() {
        if std::iter::once(&li).chain(under(n)).any(|&j| leader.is_match(line(j))) {
            toc.push(li);
        }
    }
    // Runs of short entries that end in page numbers.
    let page = |n: usize| {
        let li = paras[n].1;
        let on_line = leader.captures(line(li)).and_then(|c| c[1].parse::<u32>().ok());
        let title = under(n);
        let led = title.iter().find_map(|&j| leader.captures(line(j)));
        let last = title.last().and_then(|&j| page_at_end.captures(line(j)));
        // Or the § line itself, its title wrapped under it (`§69 Information; Förfrågan om … 2020/858 7` /
        // `köpa västra pirarmen i Vitemölla`).
        let own = page_at_end.captures(line(li));
        on_line.or_else(|| led.or(last).or(own).and_then(|c| c[1].parse::<u32>().ok()))
    };
    // An entry is a title of a few lines, none of them a sentence's end (`§ 16 Övriga frågor Ordförande
    // påminde om …` / `hösten 2023.` is a short § of minutes; a leader OCR cut, `Kungsbacka .`, is none).
    let sentence_end = regex!(r"[\p{L}\d)][.!?:]$");
    let short = |n: usize| {
        next_of(n) - paras[n].0 <= 1 + TOC_TITLE_LINES && under(n).iter().all(|&j| !sentence_end.is_match(line(j)))
    };
    let mut n = 0;
    while n < paras.len() {
        let start = n;
        while n < paras.len() && short(n) {
            n += 1;
        }
        // The table's last entry, followed by the body, is no short one: it counts when its own lines
        // end in a page number after a leader or what OCR left of it (`ON LODASAG eee cece` / `. 44`), and
        // its number follows the entry before.
        let tail = n < paras.len()
            && n > start
            && paras[n].2 > paras[n - 1].2
            && under(n)
                .iter()
                .any(|&j| leader.is_match(line(j)) || leader_left.is_match(line(j)));
        if tail {
            n += 1;
        }
        let run = start..n;
        let pages: Vec<u32> = run.clone().filter_map(page).collect();
        // OCR misreads a page number now and then (`11` as `u`) and may read a two-column page out of order.
        let falls = pages.windows(2).filter(|w| w[0] > w[1]).count();
        if run.len() >= TOC_MIN_RUN && pages.len() * 2 >= run.len() && falls * 4 <= pages.len().saturating_sub(1) {
            toc.extend(run.map(|m| paras[m].1));
        }
        n = n.max(start + 1);
    }
    // The run at the top whose numbers come again.
    let mut run = 0;
    while run < paras.len() {
        let (k, _, number) = paras[run];
        let next = next_of(run);
        // An entry's title that ends in its page number (`Meddelanden 3`) makes it one however many lines
        // follow (a page's running header that OCR did not keep as such).
        let paged = content
            .get(k + 1)
            .is_some_and(|&j| page_number.is_match(line(j)) && paragraph_line(line(j), None).is_none());
        // An article of a reglemente (`§ 7 Nämnden utgör trafiknämnd enligt lag (1978:234) …` ending in a full
        // stop), whose numbers a second reglemente in the same handling takes again, is no entry.
        let prose = content[k..next.min(k + 1 + TOC_ENTRY_LINES)]
            .iter()
            .any(|&j| sentence_end.is_match(line(j)));
        let again = paras[run + 1..].iter().any(|p| p.2 == number);
        let rising = run == 0 || paras[run - 1].2 < number;
        // After entries the body takes again, the next numbers in a row go on the table though the body
        // does not reach them (the protocol's later pages not at hand: an extract, a file cut short). OCR
        // may have lost entries' signs between them (`452 Information` for `§ 52 Information`): each left a
        // line of its title under the entry before; or [`TOC_LOST_ENTRIES`] entries outright (a page's foot).
        let came_again = paras[..run]
            .iter()
            .filter(|p| paras[run..].iter().any(|q| q.2 == p.2))
            .count();
        let in_row = came_again >= TOC_MIN_RUN && {
            let lost = (k - paras[run - 1].0 - 1).clamp(TOC_LOST_ENTRIES, TOC_TITLE_LINES) as u32;
            (1..=1 + lost).contains(&number.saturating_sub(paras[run - 1].2))
        };
        // Entries in a row whose signs OCR lost run together: up to TOC_TITLE_LINES lines then, none of them
        // a sentence's end.
        let merged = in_row
            && next - k <= 1 + TOC_TITLE_LINES
            && content[k..next].iter().all(|&j| !sentence_end.is_match(line(j)));
        let short = (next - k <= 1 + TOC_ENTRY_LINES || paged || merged) && !prose;
        if !(short && (again || in_row) && rising) {
            break;
        }
        run += 1;
    }
    // A protocol of one matter lists it alone (`§ 116` / `beslut om antagande` on the front page, the body's
    // `§ 116 2020.008 KS` on the next).
    // (Its title's few lines alone under it: a line like a page number under it, `Bilaga 1`, is no sign.)
    let alone =
        run == 1 && next_of(0) - paras[0].0 <= 1 + TOC_ENTRY_LINES && paras[1..].iter().any(|p| p.2 == paras[0].2);
    if run >= 2 || alone {
        toc.extend(paras[..run].iter().map(|p| p.1));
    }
    // The run at the top that the body begins again: the first § number comes back after at least
    // [`TOC_MIN_RUN`] entries, most of them with their case numbers, and the lines before it are dense, [`TOC_DENSE_LINES`] or fewer for each entry
    // on average. Page headers inside it, numbers OCR misread and entries the body does not reach (an
    // extract of the protocol) do not matter then.
    // (When the body lost the first §'s sign, or the first two's, the next entry's number is the one that
    // comes back.)
    if let Some(first) = paras.first() {
        let again = (0..paras.len().min(TOC_LOST_ENTRIES + 1)).find_map(|i| {
            let skip = i + TOC_MIN_RUN;
            paras
                .iter()
                .skip(skip)
                .position(|p| p.2 == paras[i].2)
                .map(|b| b + skip)
        });
        if let Some(back) = again {
            let lines = paras[back].0 - first.0;
            // An entry names its case (`§ 38 Dnr KS-2023-00172`): the articles of one reglemente after
            // another (`§ 10 Nämnden ansvarar för …`) begin again too.
            let cased = paras[..back]
                .iter()
                .filter(|p| paragraph_line(line(p.1), None).is_some_and(|q| q.case_id.is_some()))
                .count();
            // Or the rules above found all entries but a few before it: an entry's number OCR misread (`§ 08`
            // for `§ 68`) between them and the body is one too.
            let found = paras[..back].iter().filter(|p| toc.contains(&p.1)).count();
            // (At least TOC_MIN_RUN found: a table of one entry and a page's header that repeats its § are no
            // such table.)
            let filled = found >= TOC_MIN_RUN && found + TOC_LOST_ENTRIES >= back;
            // Or its entries are titles alone, no case numbers (`§ 27` / `Avsägelse av kommunalt uppdrag …` /
            // `Barkhage Foster (V)`, a table's columns as OCR read them): articles end their sentences, titles
            // hardly ever.
            // (Up to the last entry's title: the text under a § whose sign the body lost follows it.)
            let table_end = (paras[back - 1].0 + 1 + TOC_TITLE_LINES).min(paras[back].0);
            let ends = content[first.0..table_end]
                .iter()
                .filter(|&&j| sentence_end.is_match(line(j)))
                .count();
            let titles = ends * TOC_PROSE_SHARE <= back;
            if (lines <= back * TOC_DENSE_LINES && (cased * 2 >= back || titles)) || filled {
                toc.extend(paras[..back].iter().map(|p| p.1));
            }
        }
    }
    // The run under a table's heading (`Innehållsförteckning`, `Ärendelista`): short § lines, their
    // numbers rising, up to the first that falls back (the body's first §) or has a body of its own.
    let heading = regex!(r"^(?:innehallsforteckning|innehall|arendelista|arendeforteckning)$");
    if let Some(h) = content.iter().position(|&li| heading.is_match(&fold(line(li)))) {
        let first = paras.iter().position(|p| p.0 > h);
        if let Some(first) = first.filter(|&f| paras[f].0 <= h + 2) {
            let mut end = first;
            while end < paras.len()
                && next_of(end) - paras[end].0 <= 1 + TOC_ENTRY_LINES
                && (end == first || paras[end].2 > paras[end - 1].2)
            {
                end += 1;
            }
            if end - first >= 2 {
                toc.extend(paras[first..end].iter().map(|p| p.1));
            }
        }
    }
    toc.sort_unstable();
    toc.dedup();
    toc
}

/// A heading of the body that a table of contents lists: its first and last line (a long heading wraps) and
/// its words on one line.
struct Listed {
    first: usize,
    last: usize,
    title: String,
}

/// The form a heading and its entry in a table of contents are compared in: folded, its letters and digits
/// only, one space between words (`Hänsyn   till Nationella  och  regionala  mål`, `Slutsatser – Hur
/// många …` against `Slutsatser - Hur många …`).
/// A chapter's number before the words is dropped: a table may number its entries where the body does not
/// (`8. KOMPLETTERANDE ÅTGÄRDER 106` over `Kompletterande åtgärder`), or the other way round.
fn listed_key(s: &str) -> String {
    let f = fold(s);
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let numbers = words
        .iter()
        .take_while(|w| w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
        .count();
    words[numbers.min(words.len().saturating_sub(1))..].join(" ")
}

/// The headings a report's table of contents lists, found again in its body, and the lines its tables take.
/// A table is a run of at least [`LISTED_MIN_ENTRIES`] lines ending in a leader and a page number
/// (`Demografi ........ 6`; a title that wrapped takes the line above: `Målområde 2 – I Varberg erbjuds …
/// efter` / `invånarnas behov ...... 12`); a bundle of documents has several. Where OCR lost the leaders, it
/// is the lines under a heading `Innehåll` or `Innehållsförteckning` as OCR reads it, their page numbers
/// dropped, up to the page's end, the body's first heading (an entry's words again) or a § line, and then
/// up to the last line ending in a page number; a table whose end nothing marks is none. A line outside the
/// tables that says what an entry says (with one edit in [`LISTED_CHARS_PER_EDIT`] characters: OCR may read
/// the two differently), on its own or with the one or two lines it wrapped onto, is that heading, unless it
/// goes on from a sentence the line above left open. Entries of § lines are a protocol's (see
/// [`table_of_contents`]), not these.
fn listed_headings(text: &str, layout: &Layout, content: &[usize]) -> (Vec<Listed>, Vec<RangeInclusive<usize>>) {
    // A leader to a page number, or a long one whose number the text extraction cut off at the page's
    // edge (`Investeringsäskande.......…` in pdfplumber's text of a Word document).
    let leader = regex!(r"(?:(?:(?:\.\s?){3,}|…+)\s*\d{1,4}|(?:\.\s?){8,})[\s_]*$");
    let line = |li: usize| layout.line(text, li).trim();
    let mut entries: Vec<String> = Vec::new();
    // The tables: runs of lines with leaders (a bundle of documents has one for each that has one), as
    // ranges of `content`, each with its entries.
    let mut tables: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for (k, &li) in content.iter().enumerate() {
        let Some(m) = leader.find(line(li)) else {
            continue;
        };
        match tables.last_mut() {
            Some(t) if k - t.1 <= LISTED_GAP_LINES + 1 => t.1 = k,
            _ => tables.push((k, k, Vec::new())),
        }
        let mut title = line(li)[..m.start()].trim().to_string();
        // A title that begins small goes on from the line above (when that has no leader of its own).
        if title.starts_with(char::is_lowercase) && k > 0 && content[k - 1] + 1 == li {
            let above = line(content[k - 1]);
            if !leader.is_match(above) {
                title = format!("{above} {title}");
            }
        }
        if paragraph_line(&title, None).is_none() {
            tables.last_mut().expect("pushed above").2.push(listed_key(&title));
        }
    }
    // A leader or two is no table (`Datum ........ 3` on a form).
    tables.retain(|t| t.2.len() >= LISTED_MIN_ENTRIES);
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (first, last, keys) in tables {
        ranges.push((first, last));
        entries.extend(keys);
    }
    if ranges.is_empty() {
        // The table under its heading (as OCR may read it: `Innehållstorteckning`), on the rest of the
        // heading's page, up to a line that says what an entry said (the body's first heading).
        let heading = |l: &str| {
            let f = fold(l);
            f == "innehall" || strsim::levenshtein(&f, "innehallsforteckning") <= TOC_HEADING_EDITS
        };
        if let Some(h) = content.iter().position(|&li| heading(line(li))) {
            let mut listed: Vec<(usize, String)> = Vec::new();
            let mut last_numbered = None;
            let mut ended = false;
            let page_end = |from: usize| text[from..].find('\u{c}').map_or(text.len(), |i| from + i);
            let mut end_of_page = page_end(layout.lines[content[h]].0);
            // An entry's page number, or what OCR left of its leader (`Sammanfattning ....`, `Övriga mått och
            // faktorer ..`, `Rekommendationer till revideringen .`): either marks an entry.
            let trailing = regex!(r"(?:\s+\d{1,3}|\s*\.{2,}\s*\d{0,3}|\s+\.)$");
            let numbered = |li: usize| regex!(r"(?:(?:^|\s)\d{1,3}|\.{2,}\s*\d{0,3}|\s\.)$").is_match(line(li));
            for (k, &li) in content.iter().enumerate().skip(h + 1).take(LISTED_TABLE_LINES) {
                let title = trailing.replace(line(li), "");
                let key = listed_key(&title);
                // The table goes on over the page where the next page's first lines are entries with their
                // page numbers.
                if layout.lines[li].0 > end_of_page {
                    if !content[k..].iter().take(2).any(|&j| numbered(j)) {
                        ended = true;
                        break;
                    }
                    end_of_page = page_end(layout.lines[li].0);
                }
                // Where the first words of an entry come again without a page number, the body has begun (a
                // text without pages; a wrapped entry's last line may repeat, `MILJÖBALKEN   64`); a § line
                // is a protocol's (its table is `table_of_contents`'s).
                let letters = key.chars().filter(|c| c.is_alphabetic()).count();
                if (letters >= LISTED_MIN_LETTERS && !numbered(li) && listed.iter().any(|(_, e)| *e == key))
                    || paragraph_line(&title, None).is_some()
                {
                    ended = true;
                    break;
                }
                if numbered(li) {
                    last_numbered = Some(k);
                }
                listed.push((k, key));
            }
            // A table whose end nothing marks (no page break, no heading again within its reach) is not known
            // for one: the body's first lines would be taken for its entries. Where its entries have page
            // numbers, the last number ends it.
            let end = last_numbered.or(listed.last().map(|e| e.0));
            if let Some(end) = end.filter(|_| ended) {
                ranges.push((h + 1, end));
                entries.extend(listed.into_iter().filter(|e| e.0 <= end).map(|e| e.1));
            }
        }
    }
    let Some(&(first_table, _)) = ranges.first() else {
        return (Vec::new(), Vec::new());
    };
    let in_table = |k: usize| ranges.iter().any(|&(a, b)| (a..=b).contains(&k));
    entries.retain(|e| e.chars().filter(|c| c.is_alphabetic()).count() >= LISTED_MIN_LETTERS);
    // Most lines are ruled out against most entries without aligning them (a bundle's tables list hundreds).
    let exact: std::collections::HashSet<&str> = entries.iter().map(String::as_str).collect();
    let fuzzy: Vec<(&str, usize, usize, Hist)> = entries
        .iter()
        .map(|e| {
            let n = e.chars().count();
            (e.as_str(), n, n / LISTED_CHARS_PER_EDIT, Hist::of(e))
        })
        .filter(|f| f.2 > 0)
        .collect();
    let matches = |key: &str| {
        if exact.contains(key) {
            return true;
        }
        let (chars, h) = (key.chars().count(), Hist::of(key));
        fuzzy.iter().any(|&(e, n, allowed, eh)| {
            n.abs_diff(chars) <= allowed && h.bound(&eh) <= allowed && strsim::levenshtein(e, key) <= allowed
        })
    };
    // Could `key` begin an entry (the rest of the heading on the next lines)?
    let begins = |key: &str| {
        entries
            .iter()
            .any(|e| e.len() > key.len() && e.starts_with(key) && e.as_bytes()[key.len()] == b' ')
    };
    // A line of running text that does not end its sentence, with text under it.
    let open =
        |li: usize| !line(li).ends_with(['.', ':', '!', '?']) && layout.kinds.get(li + 1) == Some(&LineKind::Text);
    let mut out = Vec::new();
    let mut k = first_table;
    while k < content.len() {
        if in_table(k) {
            k += 1;
            continue;
        }
        let li = content[k];
        let t = line(li);
        let starts = t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        // (A heading the table lists right above is no sentence that goes on: `Budgetskrivelse för
        // investeringar` / `Investeringsäskande`.)
        let goes_on = k > 0
            && content[k - 1] + 1 == li
            && open(content[k - 1])
            && out.last().is_none_or(|h: &Listed| h.last != content[k - 1]);
        // A line that is an entry of two or more words, exactly, is the heading however the line above ends
        // (`Summa investeringsbudget 37 525 …` / `Förklaring till investeringsprojekt`: a table's last row).
        // Not when the sentence goes on under it (`… Planen gäller` / `Uppföljning av planen 2030` / `och de år
        // som följer.`).
        let goes_on_under =
            layout.kinds.get(li + 1) == Some(&LineKind::Text) && line(li + 1).starts_with(char::is_lowercase);
        let whole = t.split_whitespace().count() >= 2 && exact.contains(listed_key(t).as_str()) && !goes_on_under;
        if !starts || (goes_on && !whole) || t.ends_with('.') || t.split_whitespace().count() > LISTED_MAX_WORDS {
            k += 1;
            continue;
        }
        let mut key = listed_key(t);
        let mut last = k;
        let mut found = matches(&key);
        // A heading wrapped onto the next lines, directly under it or after one blank line.
        while !found && last - k < LISTED_WRAP_LINES && begins(&key) {
            match content.get(last + 1) {
                Some(&next) if next <= content[last] + 2 => {
                    key = format!("{key} {}", listed_key(line(next)));
                    last += 1;
                    found = matches(&key);
                }
                _ => break,
            }
        }
        if found {
            let lines: Vec<&str> = (k..=last).map(|j| line(content[j])).collect();
            out.push(Listed {
                first: li,
                last: content[last],
                title: join_lines(&lines).split_whitespace().collect::<Vec<_>>().join(" "),
            });
            k = last + 1;
        } else {
            k += 1;
        }
    }
    let listing = ranges.iter().map(|&(a, b)| content[a]..=content[b]).collect();
    (out, listing)
}

/// The heading `Innehållsförteckning` as OCR reads it: at most this many edits.
const TOC_HEADING_EDITS: usize = 2;
/// The lines with leaders of one table stand at most this many lines of text apart (an entry's title wraps,
/// a group's name stands between).
const LISTED_GAP_LINES: usize = 3;
/// A line between a table's entries with no leader of its own is one of them when it has at most this many
/// words.
const LISTED_ENTRY_WORDS: usize = 8;
/// A table has at least this many entries with leaders.
const LISTED_MIN_ENTRIES: usize = 3;
/// A table of contents under its heading takes at most this many lines of text.
const LISTED_TABLE_LINES: usize = 80;
/// An entry of a table of contents needs this many letters (a page number and a leader OCR garbled are none).
const LISTED_MIN_LETTERS: usize = 4;
/// A listed heading and its entry may differ by one edit in this many characters.
const LISTED_CHARS_PER_EDIT: usize = 8;
/// A listed heading has at most this many words on its first line.
const LISTED_MAX_WORDS: usize = 14;
/// A listed heading wraps onto at most this many more lines.
const LISTED_WRAP_LINES: usize = 2;

/// The number of an agenda item at a line's start: `1 `, `12. `, `• 11.`, `3)`; the bullet may be any sign
/// (OCR reads `•` as `«`, `+`, `.`).
/// A second number after the first, apart from it, is the item's number in the whole agenda (`2. 5.`: the
/// second item of its group, the fifth of the meeting), or run together when the two stand alone (`1.4.`,
/// OCR's `1. 4.`); numbers run together before a title (`1.1. Bakgrund`) are a report's chapter, no item.
fn agenda_number() -> &'static regex::Regex {
    regex!(
        r"^\s*(?:[^\p{L}\p{N}\s]{1,2}\s*)?(\d{1,3})(?:[.)]\s*(\d{1,3})[.)]\s*$|(?:[.)]\s+|\s+|[.)]?$)(?:(\d{1,3})[.)](?:\s+|$))?)"
    )
}

/// The numbered items of an agenda or a list of decisions (before the first § line, if there are any): lines that
/// stand as a paragraph of their own and begin with a number and a title written with a capital (`1
/// Kommundirektörens rapport`, `1. Årsredovisning 2020`) or with the number alone (`• 11.`, the title
/// the next paragraph), whose numbers rise through the document and which have text of their own between
/// them (a numbered list's items follow each other, or run on to the next line). Returns each item's line and the line its title is on.
fn agenda_items(text: &str, layout: &Layout, content: &[usize], first_paragraph: Option<usize>) -> Vec<(usize, usize)> {
    let line = |li: usize| layout.line(text, li);
    // In a protocol of § lines, an agenda may stand before the first of them (`1 Ordföranden hälsar
    // välkommen.` … `13 Tjänstgöringsordning för ersättare.`, then `§14 Frågestund`; `first_paragraph` is
    // that line's index in `content`): only there, and only as a run of items set apart by blank lines,
    // whose titles may then end as a sentence does.
    let before_paragraphs = first_paragraph.is_some();
    let content = &content[..first_paragraph.unwrap_or(content.len())];
    // A paragraph of its own: a blank line (or nothing) before, and after it a blank line or a line that
    // begins anew (OCR keeps blank lines loosely; a wrapped list item goes on in lowercase).
    let toc_leader = toc_leader();
    let ends_block = |j: usize| {
        j >= layout.lines.len()
            || layout.kinds[j] != LineKind::Text
            || line(j)
                .trim_start()
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    };
    let blank_around = |first: usize, last: usize| {
        let before = first == 0 || layout.kinds[first - 1] == LineKind::Blank;
        // A long title may wrap onto one more line, in lowercase (`… för yttrande` / `senast den 24 maj`).
        // Not a sentence's end (`… finansiering` / `föreligger.`: a numbered decision point), nor an entry
        // of a table of contents (`… för` / `allmän trafikplikt … 5`).
        // Nor a line of prose (`går över Brännö 3:196 kvarstår och att … måste tillåtas. Påtalas`): a title's
        // tail is short.
        let wrapped = last + 1 < layout.lines.len()
            && layout.kinds[last + 1] == LineKind::Text
            && line(last + 1).trim_start().starts_with(char::is_lowercase)
            && !line(last + 1).trim_end().ends_with(['.', ',', ';'])
            && line(last + 1).split_whitespace().count() <= LISTED_ENTRY_WORDS
            && !toc_leader.is_match(line(last + 1))
            && ends_block(last + 2);
        // A sentence that goes on in lowercase after a blank line OCR put in (`27. Brännö Varv AB
        // Inledningsvis kritiseras … ifrågasätts` / blank / `om …`) is running text, no item standing apart.
        let goes_on_after_blank = last + 2 < layout.lines.len()
            && layout.kinds[last + 1] == LineKind::Blank
            && layout.kinds[last + 2] == LineKind::Text
            && line(last + 2).trim_start().starts_with(char::is_lowercase);
        before && ((ends_block(last + 1) && !goes_on_after_blank) || wrapped)
    };
    let block_start = |k: usize| {
        k == 0 || {
            let (prev, li) = (content[k - 1], content[k]);
            prev + 1 != li || line(prev).trim_end().ends_with(['.', ':', '!', '?'])
        }
    };
    let case_number_line = regex!(r"(?i)^(?:dnr|diarienummer|ärendenummer)\b[.:]?\s*\S*\d");
    // The first or the last line of a page (a page number).
    let page_edge = |j: usize| {
        let (s, e) = layout.lines[j];
        text[..s].ends_with('\u{c}') || text[e..].starts_with('\u{c}') || j + 1 >= layout.lines.len()
    };
    let mut candidates: Vec<(usize, usize, usize, u32)> = Vec::new();
    let mut loose: Vec<(usize, usize, usize, u32)> = Vec::new();
    let case_next = |k: usize| {
        content
            .get(k + 1)
            .is_some_and(|&j| case_number_line.is_match(line(j).trim_start()))
    };
    // A sentence's end inside a line (`17 Gemensam verksamhet. Delårsrapporten …`): running text.
    let sentence_inside = regex!(r"\p{Ll}{2}\.\s+\p{Lu}\p{Ll}");
    // `I Kommundirektörens rapport` / `Dnr …`: the first item's 1 as OCR reads it.
    let one_misread = regex!(r"^\s*[Il|]\s+\p{Lu}");
    for (k, &li) in content.iter().enumerate() {
        let l = line(li);
        let (n, rest) = match agenda_number().captures(l) {
            Some(c) => {
                let Ok(n) = c
                    .get(2)
                    .or_else(|| c.get(3))
                    .unwrap_or_else(|| c.get(1).expect("group 1"))
                    .as_str()
                    .parse::<u32>()
                else {
                    continue;
                };
                (n, l[c.get(0).map_or(0, |m| m.end())..].trim())
            }
            // The sign is one ASCII byte.
            None if one_misread.is_match(l) && case_next(k) => (1, l.trim_start()[1..].trim()),
            None => continue,
        };
        let title_at = if rest.is_empty() {
            match content.get(k + 1) {
                Some(&next) if line(next).trim().starts_with(char::is_uppercase) => next,
                _ => continue,
            }
        } else if rest.starts_with(char::is_uppercase)
            && (before_paragraphs || (!rest.ends_with(['.', ',', ';']) && !sentence_inside.is_match(rest)))
        {
            li
        } else {
            continue;
        };
        // An entry of a table of contents (`$ 1 Val av justerare ... 4`, or its leader on the title's next
        // line) is no item.
        let leader_under = content
            .get(k + 1)
            .is_some_and(|&j| j <= title_at + 1 && toc_leader.is_match(line(j)));
        if toc_leader.is_match(line(title_at)) || leader_under {
            continue;
        }
        // A row of a roll-call table (`32 Ledamot`) is no item.
        let folded = fold(rest);
        if roll_call_cell(&folded.split_whitespace().collect::<Vec<_>>()) {
            continue;
        }
        // Nor a row of a table of figures (`1 P 6289 Utrustning uppstart 1 000 500 0 0 1 500`, `… 150 150 150
        // årligen`). A year, a case number or a page (`2 Årsredovisning 2023 2024.0123 5`) is no figure.
        let figures = rest
            .split_whitespace()
            .filter(|w| {
                w.chars().all(|c| c.is_ascii_digit() || c == ',')
                    && w.starts_with(|c: char| c.is_ascii_digit())
                    && !is_year(w)
            })
            .count();
        if figures >= TABLE_ROW_FIGURES {
            continue;
        }
        let standalone = if title_at == li {
            blank_around(li, li)
        } else {
            blank_around(li, li) || (layout.kinds[li + 1] == LineKind::Blank && blank_around(title_at, title_at))
        };
        // A title whose case number follows on the next line (`1 Kommundirektörens rapport` / `Dnr
        // 2017/KS 0001`) is an item wherever it stands: OCR drops the blank lines around it.
        let case_follows = title_at == li && case_next(k);
        // The next item right under an item, its number one up (OCR lost the blank line between); not a
        // numbered paragraph of running text, whose sentence goes on in lowercase on the next line (`3.
        // Enligt 6 kap. 1 § stiftelselagen får förvaltaren ändra en föreskrift i` / `förordnandet …`).
        let runs_on = li + 1 < layout.lines.len()
            && layout.kinds[li + 1] == LineKind::Text
            && line(li + 1).trim_start().starts_with(char::is_lowercase);
        let follows_item = title_at == li
            && !runs_on
            && candidates
                .last()
                .is_some_and(|c| c.0 + 1 == k && c.1 == c.2 && c.3 + 1 == n);
        if (block_start(k) && standalone) || case_follows || follows_item {
            candidates.push((k, li, title_at, n));
        } else if title_at != li && !page_edge(li) {
            loose.push((k, li, title_at, n));
        }
    }
    // A bullet OCR read as a digit glued to the number (`• 14.` as `714`): a number far above the one
    // before whose digits after the first go on from it is that number.
    let mut all: Vec<(usize, bool, usize)> = (0..candidates.len())
        .map(|i| (candidates[i].0, true, i))
        .chain((0..loose.len()).map(|i| (loose[i].0, false, i)))
        .collect();
    all.sort_unstable();
    let mut prev: Option<u32> = None;
    for (_, in_candidates, i) in all {
        let entry = if in_candidates {
            &mut candidates[i]
        } else {
            &mut loose[i]
        };
        if let Some(p) = prev {
            let digits = entry.3.to_string();
            let rest = digits.get(1..).and_then(|d| d.parse::<u32>().ok());
            if entry.3 > p + LOOSE_ITEM_STEP && rest.is_some_and(|m| m > p && m <= p + LOOSE_ITEM_STEP) {
                entry.3 = rest.expect("checked");
            }
        }
        prev = Some(entry.3);
    }
    // Numbers alone on their lines with the title under them, not standing apart (OCR dropped the blank
    // lines): items only in a run of three or more whose numbers rise by one to three (`“1`, `8`, `«9`,
    // `+10`), so that a page number or a number in a table is none.
    let mut r = 0;
    while r < loose.len() {
        let mut end = r + 1;
        while end < loose.len()
            && (1..=LOOSE_ITEM_STEP).contains(&loose[end].3.saturating_sub(loose[end - 1].3))
            && loose[end].3 > loose[end - 1].3
        {
            end += 1;
        }
        if end - r >= LOOSE_ITEM_RUN {
            candidates.extend_from_slice(&loose[r..end]);
        }
        r = end;
    }
    candidates.sort_unstable();
    // Numbered lines with less than two lines of text between them and no blank line are a list
    // (`Bilagor` 1. … 2. …): none of them is an item. Items set apart by blank lines are an agenda's.
    let blank_between =
        |a: usize, b: usize| (candidates[a].1 + 1..candidates[b].1).any(|j| layout.kinds[j] == LineKind::Blank);
    // The runs of numbered lines whose numbers rise by one to three, and whether most of a run's items are
    // set apart by blank lines (OCR drops some): an agenda's items when the run is long enough.
    let mut agenda_run = vec![false; candidates.len()];
    let mut start = 0;
    for i in 1..=candidates.len() {
        let goes_on = i < candidates.len()
            && (1..=LOOSE_ITEM_STEP).contains(&candidates[i].3.saturating_sub(candidates[i - 1].3));
        if !goes_on {
            let gaps = i - start - 1;
            let blank = (start + 1..i).filter(|&j| blank_between(j - 1, j)).count();
            let agenda = i - start >= AGENDA_APART_ITEMS && blank * 2 >= gaps;
            for r in &mut agenda_run[start..i] {
                *r = agenda;
            }
            start = i;
        }
    }
    let listed: Vec<bool> = (0..candidates.len())
        .map(|i| {
            // A number alone on its line, the title under it (`• 7.`), is an agenda's way, never a list's.
            let inline = |a: usize| candidates[a].1 == candidates[a].2;
            // Only in an agenda of some length: a short list set apart (`Bilagor` 1. … 2. … 3.) is a list.
            let apart = |a: usize, _b: usize| agenda_run[a];
            let close =
                |a: usize, b: usize| inline(a) && inline(b) && candidates[b].0 - candidates[a].0 <= 2 && !apart(a, b);
            (i > 0 && close(i - 1, i)) || (i + 1 < candidates.len() && close(i, i + 1))
        })
        .collect();
    let mut items: Vec<(usize, usize, u32)> = Vec::new();
    for ((&(_, li, title_at, n), listed), in_run) in candidates.iter().zip(listed).zip(&agenda_run) {
        if before_paragraphs && !in_run {
            continue;
        }
        if !listed && items.last().is_none_or(|&(_, _, m)| n > m) {
            items.push((li, title_at, n));
        }
    }
    // Numbers rise by a few at most: an agenda may lose an item to OCR, but `4` and then `42` (a report's
    // `4.2` whose dot OCR lost), or a roll call's `61`, `67`, `81`, are no agenda's. Each run of items whose
    // numbers so rise needs [`AGENDA_MIN_ITEMS`] of its own.
    let mut kept: Vec<(usize, usize, u32)> = Vec::new();
    let mut run_start = 0;
    for i in 1..=items.len() {
        if i < items.len() && items[i].2 <= items[i - 1].2 + AGENDA_MAX_STEP {
            continue;
        }
        if i - run_start >= AGENDA_MIN_ITEMS {
            kept.extend_from_slice(&items[run_start..i]);
        }
        run_start = i;
    }
    let items = kept;
    if items.len() < AGENDA_MIN_ITEMS {
        return Vec::new();
    }
    items.into_iter().map(|(li, t, _)| (li, t)).collect()
}

/// Are the numbered `items` a document's chapters: do at least half of their titles (and two or more) name a
/// heading the catalogue knows outside an agenda (`Bakgrund`, `Bedömning`, `Konsekvenser`), or have sections
/// numbered under them? An agenda's items are matters (`Årsredovisning 2024`, `Val av justerare`), which no
/// such heading names.
fn chapters_not_items(text: &str, layout: &Layout, catalogue: &Catalogue, items: &[(usize, usize)]) -> bool {
    let named = items
        .iter()
        .filter(|&&(li, title_line)| {
            let l = layout.line(text, title_line);
            let title = if title_line == li {
                agenda_number().find(l).map_or(l, |m| &l[m.end()..])
            } else {
                l
            };
            catalogue
                .classify(title.trim(), None, None)
                .is_some_and(|(label, scope)| *label != Label::AGENDA_ITEM && *scope.doc_type() != DocType::Kallelse)
        })
        .count();
    // Items with sections numbered under them (`1 BAKGRUND OCH SYFTE` … `1.1 Bakgrund`, `2 …` / `2.1 — …`):
    // an agenda's matters have none.
    let parted = items
        .iter()
        .enumerate()
        .filter(|&(i, &(li, _))| {
            let Some(n) = agenda_number().captures(layout.line(text, li)).and_then(|c| c.get(1)) else {
                return false;
            };
            let end = items.get(i + 1).map_or(layout.lines.len(), |&(next, _)| next);
            (li + 1..end).any(|j| {
                layout.kinds[j] == LineKind::Text && opens_first_section(layout.line(text, j), n.as_str(), false)
            })
        })
        .count();
    (named >= 2 && named * 2 >= items.len()) || (parted >= 2 && parted * 2 >= items.len())
}

/// The number of a § line that is a number alone, after § `last`: the next one (`29`), or, its sign OCR read
/// as a digit glued before it (`83`, `34`), the next or the one after (the § between lost with its line).
fn bare_number(t: &str, last: u32) -> Option<u32> {
    if t == (last + 1).to_string() {
        return Some(last + 1);
    }
    let rest = t.strip_prefix(['8', '5', '3'])?;
    let n: u32 = rest.parse().ok().filter(|_| !rest.starts_with('0'))?;
    (n == last + 1 || n == last + 2).then_some(n)
}

/// A number alone on its line confirms a § line above it only with more than this many lines of text between.
const BARE_CONFIRM_LINES: usize = 4;

/// The articles of a bylaw, a reglemente or an arbetsordning (`1 §  Namn och säte` … `25 § Tvister`): lines that
/// begin with a number before the § sign (a protocol writes the sign first) and go on with a short title
/// begun with a capital, no sentence, in a run of at least [`ARTICLE_RUN`] whose numbers rise by one or two
/// (a reference that a line's wrapping put first, `3 § kommunallagen`, is none).
///
/// Under OCR the sign may be read as another (`4 8 Organisation`, `10.$ Närvarorätt`, `6 & Mandattid`) or
/// glued to the number (`28 Medlemmar` for `2 § Medlemmar`): a glued reading only fills a run in which
/// at least half the lines show their sign apart.
///
/// A document that its first lines call a bylaw (`Stadgar för Stiftelsen Tjolöholm`, `Reglemente för …`,
/// `Förbundsordning`) writes its articles sign first too, alone on their lines (`§ 1`, `§ 4 3` with the number
/// before a change): those are its articles, not a protocol's paragraphs.
fn articles(text: &str, layout: &Layout, content: &[usize]) -> Vec<usize> {
    let article = regex!(r"^\s*(\d{1,3})(?:\s*§|\.?\s[$&8S5]|\.[$&8S5])\s+(\p{Lu}\p{Ll}.*)$");
    let glued = regex!(r"^\s*(\d{1,2})[85]\s+(\p{Lu}\p{Ll}.*)$");
    let bylaw = content.iter().take(BYLAW_TITLE_LINES).any(|&li| {
        regex!(r"(?i)^\s*(?:stadgar|reglemente|arbetsordning|förbundsordning|bolagsordning|stiftelseurkund|taxa|(?:lokala\s+)?(?:ordnings)?föreskrifter)\b")
            .is_match(layout.line(text, li))
    });
    let sign_first = regex!(r"^\s*§\s*(\d{1,3})(?:\s+\d{1,3})?\s*$");
    // Or with its title after it (`§ 5 Anläggningsavgifter för bostadsfastighet`), however long: a page in
    // two columns runs the other column's words into it. Not an entry of the table of contents, which ends in
    // a leader and a page number (a leader's dots the extraction could not read are U+FFFD).
    let sign_titled = regex!(r"^\s*§\s*(\d{1,3})\s+\p{Lu}\p{Ll}");
    let entry = |l: &str| toc_leader().is_match(l) || l.matches('\u{fffd}').count() >= TOC_LEADER_MARKS;
    // Each line's reading: its number, and whether its sign stands apart.
    let readings: Vec<(usize, u32, bool)> = content
        .iter()
        .filter_map(|&li| {
            let l = layout.line(text, li).trim_end();
            if bylaw {
                if let Some(c) = sign_first
                    .captures(l)
                    .or_else(|| sign_titled.captures(l).filter(|_| !entry(l)))
                {
                    return Some((li, c[1].parse().ok()?, true));
                }
            }
            let (c, apart) = match article.captures(l) {
                Some(c) => (c, true),
                None => (glued.captures(l)?, false),
            };
            let title = &c[2];
            let short =
                title.split_whitespace().count() <= FREE_HEADING_WORDS && title.chars().count() <= FREE_HEADING_CHARS;
            // An abbreviation may end it (`Finanspolicy, borgen m.m.`), a word of a sentence not.
            let sentence = regex!(r"\p{Ll}{2}[.,;:]$|\p{Ll}\.\s+\p{Lu}").is_match(title);
            if !short || sentence {
                return None;
            }
            Some((li, c[1].parse().ok()?, apart))
        })
        .collect();
    readings
        .chunk_by(|a, b| (1..=2).contains(&b.1.saturating_sub(a.1)))
        .filter(|run| run.len() >= ARTICLE_RUN && run.iter().filter(|r| r.2).count() * 2 >= run.len())
        .flat_map(|run| run.iter().map(|&(li, _, _)| li))
        .collect()
}

/// The headings of a series numbered after one word, as forms and plans number their parts (`Projekt (1) -
/// Korsavadanläggningen`, `Projekt (2) - Valfisken`, `Åtgärd 3: Fler cykelbanor`, `Etapp 4`): lines that begin
/// with a capitalised word and a number (in brackets or not), then a short title or nothing, no sentence's end
/// or verb or linking last word, no run of numbers (a table's row, `Summa 36 325 15 975 …`, is none) and no
/// sentence ending on the line under it, in a run of at least
/// [`SERIES_RUN`] of the same word whose numbers rise by one, each at least [`SERIES_BODY_LINES`] lines of
/// text after the one before (a list's items stand closer). Captions, page numbers and references to
/// attachments (`Figur 2`, `Sida 3`, `Bilaga 1`) are none, nor a heading the catalogue names.
fn series(text: &str, layout: &Layout, catalogue: &Catalogue, content: &[usize]) -> Vec<usize> {
    let head = regex!(r"^\s*(\p{Lu}\p{Ll}{2,})\s+(?:\((\d{1,2})\)|(\d{1,2}))(?:\s*[-–:.]\s+|\s+|\s*$)(.*)$");
    let sentence = regex!(r"\p{Ll}{2}[.!?]$|\p{Ll}\.\s+\p{Lu}");
    // (k, word folded, number, line) of each line that reads as one.
    let mut found: Vec<(usize, String, u32, usize)> = Vec::new();
    for (k, &li) in content.iter().enumerate() {
        let l = layout.line(text, li).trim();
        let Some(c) = head.captures(l) else { continue };
        let word = fold(&c[1]);
        let rest = c.get(4).map_or("", |m| m.as_str());
        if SERIES_NOT.contains(&word.as_str())
            || rest.split_whitespace().count() > SERIES_TITLE_WORDS
            || regex!(r"\d+\s+\d").is_match(rest)
            || sentence.is_match(rest)
            || rest.ends_with([',', ';', ':'])
            // A sentence that opens with the word and its number (`Alternativ 1 innebär att … och att`).
            || rest.split_whitespace().last().is_some_and(|w| LINKING_LAST.contains(&fold(w).as_str()))
            || rest.split_whitespace().any(|w| FINITE_VERBS.contains(&fold(w).as_str()))
            // (A title wraps on in small letters too, `Projekt (11) - Uppgradera` / `verkstaden på Garvaren`:
            // a sentence's next line ends it.)
            || content.get(k + 1).is_some_and(|&j| {
                let t = layout.line(text, j).trim();
                t.starts_with(char::is_lowercase) && closes(t, &['.', '!', '?'])
            })
            || catalogue.classify(l, None, None).is_some()
        {
            continue;
        }
        let Some(n) = c.get(2).or(c.get(3)).and_then(|m| m.as_str().parse().ok()) else {
            continue;
        };
        found.push((k, word, n, li));
    }
    // Each word's lines in text order, cut into runs where the number goes up by one with text between.
    found.sort_by(|a, b| (&a.1, a.0).cmp(&(&b.1, b.0)));
    let mut out: Vec<usize> = found
        .chunk_by(|a, b| a.1 == b.1 && b.2 == a.2 + 1 && b.0 - a.0 > SERIES_BODY_LINES)
        .filter(|run| run.len() >= SERIES_RUN)
        .flat_map(|run| run.iter().map(|f| f.3))
        .collect();
    out.sort_unstable();
    out
}

/// A numbered series has at least this many headings…
const SERIES_RUN: usize = 3;
/// …with at least this many lines of text under each…
const SERIES_BODY_LINES: usize = 3;
/// …and at most this many words after the number.
const SERIES_TITLE_WORDS: usize = 10;
/// Words before a number that make no series' heading (folded): captions, pages, references.
const SERIES_NOT: [&str; 12] = [
    "figur",
    "fig",
    "tabell",
    "bild",
    "bil",
    "diagram",
    "foto",
    "illustration",
    "sida",
    "bilaga",
    "karta",
    "kalla",
];

/// The numbered headings of a report, riktlinje or policy (`1 Inledning`, `1.1 Syfte`, `1.2 Lagstiftning`,
/// `2 Ansökan`, `2.1. Intyg`): lines that begin with a chapter number and go on with a short title begun
/// with a capital and ending in no sentence's end, with running text under them (a sentence ends within
/// [`FREE_HEADING_BODY_LINES`] lines, before the next numbered line). They are an outline when each number
/// follows the one before as an outline's do (the next at its level, a first child `N.1`, or the next at a
/// level above) and at least [`OUTLINE_MIN_SUBLEVEL`] of them are numbered below the top level: an agenda
/// numbers one level, and its items have no text of their own. A line of a table of contents is none (its
/// entries end in page numbers).
fn outline(text: &str, layout: &Layout, content: &[usize]) -> Vec<usize> {
    // A title may begin with an acronym (`1.5.2 PCI-projekt`) and ask a question (`4 Vad definierar ett
    // onormalt lågt anbud?`).
    // A dash may stand between the number and the title (`2.1 — Avledning av avloppsvatten`, as OCR reads a
    // wide gap).
    let numbered =
        regex!(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?:[-–—]\s+)?(\p{Lu}(?:\p{Ll}|\p{Lu}+-\p{Ll})[^.:;!?]*\??)$");
    let line = |li: usize| layout.line(text, li).trim_end();
    // A footnote's number may follow the full stop (`… i offentliga upphandlingar.6`).
    let sentence_end = regex!(r"[\p{Ll}\d)][.!?]\d{0,2}(?:\s|$)");
    let number_in = |c: &regex::Captures| -> Option<Vec<u32>> { c[1].split('.').map(|p| p.parse().ok()).collect() };
    let mut found: Vec<(usize, Vec<u32>)> = Vec::new();
    for (k, &li) in content.iter().enumerate() {
        let Some(c) = numbered.captures(line(li)) else {
            continue;
        };
        let Some(number) = number_in(&c) else {
            continue;
        };
        let title = c[2].trim();
        if title.split_whitespace().count() > FREE_HEADING_WORDS
            || title.chars().count() > FREE_HEADING_CHARS
            // A page number ends a table's entry; a year (or `Natura 2000`) may end a title.
            || (title.ends_with(|ch: char| ch.is_ascii_digit()) && !regex!(r"\s(?:19|20)\d{2}$").is_match(title))
            || toc_leader().is_match(line(li))
        {
            continue;
        }
        // Running text under it, before the next numbered line; or its first child right under it (`2
        // Uppdraget och dess genomförande` / `2.1 Uppdraget`).
        let body = content[k + 1..]
            .iter()
            .take(FREE_HEADING_BODY_LINES)
            .take_while(|&&j| !numbered.is_match(line(j)))
            .any(|&j| sentence_end.is_match(line(j)));
        // The title may wrap onto lines that go on in lowercase (`5 Ändringar av … i LOU` / `och LUF för att
        // göra det lättare …` / `låga anbud` / `5.1 Utgångspunkter …`).
        let first_child = content[k + 1..]
            .iter()
            .take(OUTLINE_TITLE_LINES + 1)
            .find(|&&j| !line(j).trim_start().starts_with(char::is_lowercase))
            .and_then(|&j| numbered.captures(line(j)))
            .and_then(|c| number_in(&c))
            .is_some_and(|n| first_child(&number, &n));
        if body || first_child {
            found.push((li, number));
        }
    }
    // Does `b` follow `a` in an outline?
    let follows = |a: &[u32], b: &[u32]| {
        let next_at = |level: usize| {
            b.len() == level && a.len() >= level && b[..level - 1] == a[..level - 1] && b[level - 1] == a[level - 1] + 1
        };
        first_child(a, b) || (1..=a.len()).any(next_at)
    };
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=found.len() {
        if i < found.len() && follows(&found[i - 1].1, &found[i].1) {
            continue;
        }
        let run = &found[start..i];
        let deep = run.iter().filter(|(_, n)| n.len() > 1).count();
        if run.len() >= OUTLINE_MIN_HEADINGS && deep >= OUTLINE_MIN_SUBLEVEL {
            out.extend(run.iter().map(|(li, _)| *li));
        }
        start = i;
    }
    out
}

/// Is `t` set in a table's columns: a gap of three spaces or more between words?
fn in_columns(t: &str) -> bool {
    regex!(r"\S\s{3,}\S").is_match(t)
}

/// Does `t` end in one of `ends`, a closing quotation mark or parenthesis after it aside (`… i staden.”`)?
fn closes(t: &str, ends: &[char]) -> bool {
    // (The typesetting may leave a space before the closing mark: `… i bevarandeprogrammet. ”`.)
    t.trim_end_matches(['”', '"', '’', ')']).trim_end().ends_with(ends)
}

/// Is `b` the first number under `a` in an outline (`2` → `2.1`)?
fn first_child(a: &[u32], b: &[u32]) -> bool {
    b.len() == a.len() + 1 && b[..a.len()] == *a && b[a.len()] == 1
}

/// A numbered heading's title wraps onto at most this many more lines.
const OUTLINE_TITLE_LINES: usize = 2;
/// An outline has at least this many numbered headings…
const OUTLINE_MIN_HEADINGS: usize = 3;
/// …and at least this many of them numbered below the top level (`1.1`).
const OUTLINE_MIN_SUBLEVEL: usize = 2;

/// Words that link a line on to the next, folded: a heading does not end in them, a wrapped sentence does
/// (conjunctions, articles, prepositions, and the verbs a clause goes on from: `… antogs 2018 har`).
const LINKING_LAST: [&str; 33] = [
    "att", "och", "som", "samt", "fran", "med", "av", "till", "eller", "det", "den", "en", "ett", "ar", "har", "hade",
    "kan", "ska", "skall", "blir", "blev", "var", "kommer", "maste", "for", "i", "pa", "om", "vid", "mot", "enligt",
    "inom", "hos",
];

/// Does `l` name an organ or an organisation alone (`Kommunfullmäktige`, `Exempelå kommun`,
/// `Samhällsbyggnadskontoret`): at most [`ORGAN_WORDS`] words, the last ending as such a name does?
fn names_organ(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    let last = words.last().map(|w| fold(w)).unwrap_or_default();
    words.len() <= ORGAN_WORDS && ORGAN_ENDINGS.iter().any(|e| last.ends_with(e))
}

/// A line of at most this many words that ends in an organisation's name is a letterhead's.
const ORGAN_WORDS: usize = 3;
/// How the name of an organ or an organisation ends (folded): such a line is no title.
const ORGAN_ENDINGS: [&str; 9] = [
    "fullmaktige",
    "styrelsen",
    "namnden",
    "forvaltningen",
    "kontoret",
    "utskottet",
    "kommun",
    "region",
    "stad",
];

/// Most title lines a document opens with (`Budgetanvisningar` / `Tidplan och anvisningar för budget …`).
const TITLES_MAX: usize = 3;
/// How far down the text the opening titles may stand (a date or a version line may stand between them).
const TITLE_LINES_MAX: usize = 8;
/// Most words of a title line, and of a title wrapped over lines.
const TITLE_LINE_WORDS: usize = 10;
const TITLE_WORDS: usize = 20;
/// Most words of a line a title wraps onto (`kommuns allmänna vatten-`): running text's lines are longer.
const TITLE_WRAP_WORDS: usize = 6;
/// Fewest letters of a title of one word (`Budgetanvisningar`, `Samsynsguiden`; not `Motion`).
const TITLE_WORD_CHARS: usize = 8;

/// The titles a document opens with, before its first field, sentence or heading of the catalogue: lines
/// set as a heading (begun with a capital, no full stop, colon or list mark, at most [`TITLE_LINE_WORDS`]
/// words; one word of eight letters at least), each with the lines it wraps onto (`Taxa för Storköpings` /
/// `kommuns allmänna vatten-` / `och avloppsanläggning`: a line that goes on in lowercase, or after a word
/// that links it on, or a period of years `2027-2031`; under OCR a blank line may stand between them). A date, a version or a page's number between them
/// is passed over. As (first line, last line, the words joined).
fn opening_titles(
    text: &str,
    layout: &Layout,
    catalogue: &Catalogue,
    content: &[usize],
    toc: &[usize],
    outline: &[usize],
    articles: &[usize],
) -> Vec<(usize, usize, String)> {
    let line = |li: usize| layout.line(text, li).trim();
    let years = regex!(r"^(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?$");
    let passed_over = regex!(r"(?i)^(?:\d{4}-\d{2}-\d{2}|\d{1,3}|sida \d+(?: av \d+)?|version [\d.-]+.*)$");
    let number = |l: &str| {
        l.split_whitespace()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()) && !years.is_match(w))
    };
    let shaped = |l: &str| {
        let words: Vec<&str> = l.split_whitespace().collect();
        let mut chars = l.chars();
        let capital = chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(|c| c.is_alphabetic() || c == ' ' || c == '-');
        // A name ends in a capital (`Axel Andersson`), a title only after a preposition (`Taxa för Linköping`).
        let name = words.len() >= 2
            && !in_capitals(l)
            && words[words.len() - 1].starts_with(char::is_uppercase)
            && !PLACE_PREPOSITIONS.contains(&words[words.len() - 2]);
        // An address (`Till Kommunstyrelsen`, `Från …`).
        let address = words
            .first()
            .is_some_and(|w| ["till", "fran"].contains(&fold(w).as_str()));
        // A number other than a year is a list's or a letter's (`Nr 262`, `Stockholm den 26 januari`).
        capital
            && !number(l)
            && !name
            && !address
            && ((2..=TITLE_LINE_WORDS).contains(&words.len())
                || (words.len() == 1
                    && l.chars().count() >= TITLE_WORD_CHARS
                    && l.chars().all(|c| c.is_alphabetic() || c == '-')))
    };
    // No sentence's or list's marks: a line of running text that a page begins with (`Nej, förslaget är
    // icke …`) has them.
    let plain = |l: &str| !l.contains(['.', ',', ';', ':', '!', '?', '@', '|', '•', '»', '(', '§']);
    // A line that names an organ or an organisation (`Kommunfullmäktige`, `Exempelå kommun`,
    // `Samhällsbyggnadskontoret`) heads a letter: no title, passed over.
    // (Not a title that names one after a preposition: `Avfallsföreskrifter för Storköpings kommun`.)
    let organ = |l: &str| names_organ(l) && !l.split_whitespace().any(|w| PLACE_PREPOSITIONS.contains(&w));
    // Does the line end in a word that links it on (`… vatten- och`, `… ställning inom`)?
    let links_on = |l: &str| {
        let last = l.split_whitespace().last().map(fold).unwrap_or_default();
        LINKING_LAST.contains(&last.as_str()) || PLACE_PREPOSITIONS.iter().any(|p| fold(p) == last)
    };
    // `closes`: `next` stands right under `prev` and a blank line (or the end) follows it, so that a word or
    // two there ends the title (`… som utförs i Göteborgs` / `Stad`).
    let goes_on = |prev: &str, next: &str, closes: bool| {
        next.split_whitespace().count() <= TITLE_WRAP_WORDS
            && plain(next)
            && !number(next)
            && (next.starts_with(char::is_lowercase)
                || (closes && next.split_whitespace().count() <= 2)
                || years.is_match(next)
                || prev.ends_with('-')
                || links_on(prev))
    };
    let taken = |li: &usize| toc.contains(li) || outline.contains(li) || articles.contains(li);
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut k = 0;
    while k < content.len().min(TITLE_LINES_MAX) && out.len() < TITLES_MAX {
        let li = content[k];
        let l = line(li);
        // A letterhead's field (`Datum: 2026-05-22 Tekniska nämnden`) stands over the title.
        if passed_over.is_match(l)
            || letterhead_field(l)
            || (organ(l) && plain(l) && l.split_whitespace().count() <= TITLE_WRAP_WORDS)
        {
            k += 1;
            continue;
        }
        if !shaped(l)
            || !plain(l)
            || taken(&li)
            || catalogue.classify_organ(l, None, None).is_some()
            || catalogue.names_doc_header(l)
        {
            break;
        }
        let mut last = k;
        let mut words = l.split_whitespace().count();
        while let Some(&next) = content.get(last + 1) {
            let n = line(next);
            words += n.split_whitespace().count();
            // OCR may set a blank line between the lines of a title in a large type.
            let closes = next == content[last] + 1 && content.get(last + 2).is_none_or(|&after| after > next + 1);
            // A heading of the catalogue or a field under a title is no line of it (`Bakgrund`, `Datum`).
            let heading =
                taken(&next) || catalogue.classify_organ(n, None, None).is_some() || catalogue.names_doc_header(n);
            if next > content[last] + 2 || words > TITLE_WORDS || heading || !goes_on(line(content[last]), n, closes) {
                break;
            }
            last += 1;
        }
        // Running text goes on under it in lowercase, or its last word links it on (`… malmfyndigheter är`,
        // `… ställning inom`): the lines were a sentence's, no title.
        if content
            .get(last + 1)
            .is_some_and(|&n| n <= content[last] + 2 && line(n).starts_with(char::is_lowercase))
            || links_on(line(content[last]))
        {
            break;
        }
        let joined = content[k..=last].iter().map(|&j| line(j)).collect::<Vec<_>>().join(" ");
        out.push((
            li,
            content[last],
            joined.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
        k = last + 1;
    }
    // Titles stand over text: a document of title lines only (a cover) or a title with nothing after it
    // in the opening lines is left alone.
    if content.get(k).is_none() {
        out.clear();
    }
    out
}

/// Prepositions after which a free heading may end in a name (`… vid Onsalamotet`, `… väster om E6`).
const PLACE_PREPOSITIONS: [&str; 9] = ["vid", "för", "om", "i", "på", "mot", "inom", "längs", "kring"];

/// A bylaw's articles are headings in a run of at least this many.
const ARTICLE_RUN: usize = 3;
/// A bylaw names itself among the first this many lines of text.
const BYLAW_TITLE_LINES: usize = 4;

/// Does the document open with a protocol's front page written as fields (`Tid: kl 09:00`, `Plats: …`,
/// `Beslutande Anna Berg`): [`FIELD_LINES`] or more of its first [`FIELD_WINDOW`] lines of text begin with
/// the name of a front-page field, before a colon or its value? Then the fields are read on any line, and
/// a value after a colon may begin any way (a time, a date, a §).
fn field_lines(text: &str, layout: &Layout, catalogue: &Catalogue, content: &[usize]) -> bool {
    let front = Some(&Scope::ProtocolFront);
    content
        .iter()
        .take(FIELD_WINDOW)
        .filter(|&&li| {
            let l = layout.line(text, li);
            // `Tid: kl 09:00`, or a field's name before its value (`Plats och tid Förvaltningskontoret`).
            field_name(l).is_some_and(|name| catalogue.classify(name, None, front).is_some())
                || run_in(catalogue, l, false, false).is_some_and(|r| *r.3 == Scope::ProtocolFront)
        })
        .count()
        >= FIELD_LINES
}

// The three patterns below bound a name's length in code, not in the pattern: a bounded repeat of a
// Unicode class (`[\p{L} -]{1,40}`) is compiled once per repeat, and these took a third of the time a run
// of `process` on a short text took. Each name is the run of letters up to the first colon (or bracket), so
// the run and its bound select what the bounded pattern did (`bounded_patterns_are_kept` checks it).

/// The name of a front page's field before its colon and value (`Tid: kl 09:00` → `Tid`): a capital, then
/// at most 40 letters, spaces and hyphens.
fn field_name(l: &str) -> Option<&str> {
    regex!(r"^\s*(\p{Lu}[\p{L} -]+):\s+\S")
        .captures(l)
        .and_then(|c| c.get(1))
        .filter(|m| m.as_str().chars().count() <= 41)
        .map(|m| m.as_str())
}

/// Is `l` a letterhead's field, its name before a colon and its value (`Datum: 2026-05-22 Tekniska
/// nämnden`, `Handläggare: Anna Ek`, `Diarienr: 2025.032 TEN`, `Vår referens: …`): a capital and at most 20
/// letters or hyphens, and perhaps one word written small?
fn letterhead_field(l: &str) -> bool {
    regex!(r"^\p{Lu}([\p{L}-]+)(?:\s\p{Ll}+)?:\s+\S")
        .captures(l)
        .is_some_and(|c| c[1].chars().count() <= 20)
}

/// `l` without a name or a number in brackets at its end (`Farliga ämnen (Deskriptor 8)` → `Farliga
/// ämnen`): at most 30 letters, digits, spaces, dots and hyphens between the brackets.
fn before_bracketed(l: &str) -> &str {
    regex!(r"^(.*\S)\s+\(([\p{L}\d .-]+)\)$")
        .captures(l)
        .filter(|c| c[2].chars().count() <= 30)
        .and_then(|c| c.get(1))
        .map_or(l, |m| m.as_str())
}

/// The range of paragraphs is looked for among this many first lines of text.
const RANGE_LINES: usize = 60;

/// A front page of fields: this many of…
const FIELD_LINES: usize = 3;
/// …the first this many lines of text.
const FIELD_WINDOW: usize = 20;

/// A line of at most this many words that begins with a capital stands as a line of its own (a title, a
/// heading) when a blank line follows it.
const SHORT_LINE_WORDS: usize = 4;

/// A heading the catalogue does not name has at most this many words…
const FREE_HEADING_WORDS: usize = 8;
/// A front-page field's name takes a value that begins any way when it has at least this many characters
/// (`Beslutande`, `Plats och tid`; not `Tid`, `Organ`).
const FRONT_FIELD_MIN_CHARS: usize = 8;
/// …and a name, a date or a number among the first this many words of its value.
const FRONT_FIELD_VALUE_WORDS: usize = 3;
/// …in a value of at most this many words.
const FRONT_FIELD_MAX_WORDS: usize = 8;
/// A front-page field's name wrapped onto the next line has at most this many words on its first line.
const WRAPPED_FIELD_WORDS: usize = 3;
/// The second line of a heading in capitals wrapped after a linking word has at most this many words.
const WRAPPED_CAPITALS_WORDS: usize = 3;
/// A text of at least this many lines of text …
const DENSE_MIN_LINES: usize = 40;
/// … with fewer blank lines than this share of them is dense: extracted from a PDF without its blank lines.
const DENSE_MAX_BLANK: f32 = 0.02;
/// Lines on either side of a line that run on without a blank line make the text dense there.
const LOCAL_DENSE_LINES: usize = 6;
/// …and characters…
const FREE_HEADING_CHARS: usize = 70;
/// Finite verbs (folded) a sentence holds and a wrapped heading does not.
const FINITE_VERBS: [&str; 11] = [
    "har", "hade", "kan", "ska", "skall", "kommer", "maste", "ar", "var", "blir", "blev",
];
/// A free heading wraps onto a second line from a first of at least this many characters…
const WRAPPED_FREE_MIN_CHARS: usize = 35;
/// …and has at most this many words on the second…
const WRAPPED_FREE_WORDS: usize = 6;
/// …and at most this many words and characters in all.
const WRAPPED_FREE_HEADING_WORDS: usize = 14;
const WRAPPED_FREE_HEADING_CHARS: usize = 100;
/// …or it is one word of at least this many letters…
const FREE_HEADING_WORD_CHARS: usize = 6;
/// …or of at least this many that is no name.
const SHORT_HEADING_WORD_CHARS: usize = 3;
/// A vote's answers (folded): a one-word line of them is none of a heading.
const VOTE_ANSWERS: [&str; 4] = ["ja", "nej", "avstar", "franvarande"];
/// …and a sentence ends in this many first lines of the text after it.
const FREE_HEADING_BODY_LINES: usize = 4;
/// A line is a list's item when a line of these last before it begins with its first word.
const LIST_ITEM_LOOKBACK: usize = 4;
/// A line of running text has at least this many words…
const PROSE_LINE_WORDS: usize = 8;
/// …or this many fewer, when the line under it makes up for them.
const PROSE_LINE_SLACK: usize = 1;
/// A heading in capitals of one word has at least this many letters.
const CAPITALS_HEADING_WORD_CHARS: usize = 5;

/// Numbers alone on their lines that do not stand apart are items only in a run of this many or more…
const LOOSE_ITEM_RUN: usize = 3;
/// …each at most this much above the one before.
const LOOSE_ITEM_STEP: u32 = 3;

/// Numbered lines set apart by blank lines, their numbers rising, are an agenda's items, not a list's, in
/// a run of this many or more.
const AGENDA_APART_ITEMS: usize = 4;

/// An agenda's next item has a number at most this much above the one before.
const AGENDA_MAX_STEP: u32 = 5;

/// An agenda has at least this many numbered items.
const AGENDA_MIN_ITEMS: usize = 2;

/// An entry of a table of contents whose numbers the body takes again has at most this many lines under
/// its § line.
const TOC_ENTRY_LINES: usize = 2;
/// A table of contents the body begins again has at most this many lines for each entry, on average.
const TOC_DENSE_LINES: usize = 4;
/// …and at most one entry in this many has a line that ends a sentence when its entries have no case
/// numbers.
const TOC_PROSE_SHARE: usize = 4;
/// An entry's title, with its leader and page number, has at most this many lines.
const TOC_TITLE_LINES: usize = 4;
/// A table of contents known by its page numbers alone has at least this many entries.
const TOC_MIN_RUN: usize = 3;
/// A numbered line with this many figures after its number is a table's row, no agenda item.
const TABLE_ROW_FIGURES: usize = 3;
/// A line with this many characters the extraction could not read (U+FFFD) has a leader of them.
const TOC_LEADER_MARKS: usize = 3;
/// Entries of a table of contents in a row may miss this many numbers between them (OCR lost the lines).
const TOC_LOST_ENTRIES: usize = 2;

/// Is `line` a letterhead's row of field names (`Datum       Processnummer Diarienummer`, `Datum   Vår
/// beteckning`, `Datum   Version   Beskrivning   Ändrat av`): `Datum` and another field's name? Its first
/// word is no heading running into its text.
fn letterhead_labels(line: &str) -> bool {
    let f = fold(line);
    let mut words = f.split_whitespace();
    words.next() == Some("datum")
        && words.any(|w| {
            [
                "arendenr",
                "arendenummer",
                "diarienummer",
                "diarie",
                "dnr",
                "processnummer",
                "beteckning",
                "version",
                "beskrivning",
                "referens",
                "handlaggare",
            ]
            .contains(&w)
        })
}

/// A heading that runs into its text on the same line (`Sammanfattning I budget för 2022 fick …`,
/// `Samverkan Samverkan har skett …`): the longest run of one to six words that is a catalogue heading
/// and is followed by a word starting with a capital letter (the text's first sentence), or with `dash`
/// by a dash and such a word (`Omröstning – Huvudvotering`). Returns the heading's end and the body's
/// start as offsets into the line, and the heading's label and scope. A line in capitals is one heading
/// whose first words the catalogue names: its end and the line's end.
fn run_in<'c>(
    catalogue: &'c Catalogue,
    line: &str,
    front: bool,
    dash: bool,
) -> Option<(usize, usize, &'c Label, &'c Scope)> {
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
        // On a protocol's front page (`front`) a field's name ended by a colon (`Tid: kl 09:00`,
        // `Justeringsdag: 2013-04-10`) says where it ends: its value may begin any way.
        let colon = front && line[..he].ends_with(':');
        // So does a name the catalogue lists for a front page's field: OCR may begin its value any way
        // (`Beslutande [ngela Andreen (L)`, `Beslutande han-i rik Wallin`), as long as a name, a date or a
        // number follows soon (not the dotted line to sign on that OCR read as letters, `Ordförande occ cece`)
        // and the value is short, a name's or a date's, no sentence (`Paragraf 7 i nu gällande taxa ersätts
        // med …`).
        // (Its label and scope, when it is one.)
        let field = (front
            && !colon
            && line[..he].chars().count() >= FRONT_FIELD_MIN_CHARS
            && rest.split_whitespace().count() <= FRONT_FIELD_MAX_WORDS
            && rest
                .split_whitespace()
                .take(FRONT_FIELD_VALUE_WORDS)
                .any(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())))
        .then(|| catalogue.classify(&line[..he], None, Some(&Scope::ProtocolFront)))
        .flatten();
        // A signature's dotted line after its role (`Underskrift Sekreterare ..........`).
        // A leader and a page number after it make an entry of a table of contents instead.
        let dotted = (rest.starts_with("...") || rest.starts_with('…'))
            && !rest
                .trim_start_matches(['.', '…', ' '])
                .starts_with(|c: char| c.is_ascii_digit());
        // A dash between the heading and its text (`Barn- och utbildningsnämndens beslut − Redovisningen …`).
        let dash = dash
            && ["− ", "– ", "- "].iter().any(|d| rest.starts_with(d))
            && rest[rest.find(' ').map_or(0, |i| i + 1)..].starts_with(char::is_uppercase);
        // A time after the heading (`Ajournering 20:35 till 20:45.`, `Tid 18.00–21.08`).
        let time = regex!(r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?-u:\b)").is_match(rest);
        // A line in capitals is one heading (`UPPFÖLJNING OCH INDIKATORER`), not a heading and its text: the
        // catalogue's heading at its start names it. Not across a column's gap (`YRKANDE      D, M, L`), nor
        // before a reference (`BILAGA 1`, `BILAGA C`).
        let capitals = !colon && !line.chars().any(char::is_lowercase) && body - he < 3;
        let reference = rest.split_whitespace().count() == 1
            && (rest.contains(|c: char| c.is_ascii_digit()) || rest.chars().filter(|c| c.is_alphabetic()).count() <= 2);
        if capitals && !reference {
            if let Some((label, scope)) = catalogue.classify(&line[..he], None, None) {
                let end = line.trim_end().len();
                return Some((end, line.len(), label, scope));
            }
            continue;
        }
        if !(rest.chars().next().is_some_and(char::is_uppercase)
            || misread_i
            || numbered
            || colon
            || field.is_some()
            || dotted
            || dash
            || time)
        {
            continue;
        }
        // `Ärende 1 Diarienummer 2023/KS 0362`, `Bilaga C–E`: a number or a reference, no heading and text.
        let case_line = regex!(r"(?i)^\d{1,3}\s+(?:diarienummer|ärendenummer|dnr)\b");
        let code = rest.split_whitespace().count() == 1
            && (rest.chars().filter(|c| c.is_alphabetic()).count() <= 4 || !rest.chars().any(char::is_lowercase));
        if !colon && (case_line.is_match(rest) || code) {
            continue;
        }
        let only = colon.then_some(&Scope::ProtocolFront);
        if let Some((label, scope)) = field.or_else(|| catalogue.classify(&line[..he], None, only)) {
            return Some((he, body, label, scope));
        }
    }
    None
}

/// Is `line` a post and a name (`Sekreterare Annette Knutsson`): after its first word, two to four words,
/// each begun with a capital?
fn named(line: &str) -> bool {
    let rest: Vec<&str> = line.split_whitespace().skip(1).collect();
    (2..=4).contains(&rest.len()) && rest.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// How many bytes of `line` are a margin strip's remnant before a heading: one or two tokens of one or two
/// small letters, or a letter or digit and a hyphen or colon (`c`, `a-`, `9-`, `e:`), none a word (`i`, `å`),
/// each followed by a space, before a capital. A number alone is a chapter's or an item's, no remnant.
fn strip_remnant(line: &str) -> Option<usize> {
    glued_prefix(line, regex!(r"^((?:[a-zåäö]{1,2}[-:]?|[0-9a-zåäö][-:])) "), 2, false)
}

/// Is `line` a figure's or a table's caption (`Figur 5 Syfte med …`, `Tabell 2.1 Kostnader`)?
fn is_caption(line: &str) -> bool {
    regex!(r"^\s*(?:Figur|Fig\.|Tabell|Diagram|Bild|Karta|Graf)\s+\d{1,3}(?:\.\d{1,2})?[.:]?\s+\p{Lu}").is_match(line)
}

/// Does `line` end in a date (`Artikel uppdaterad 2023-03-13`, `… 2017-10-20 (ej ifrågasatt pga dom)`)?
fn ends_in_date(line: &str) -> bool {
    regex!(r"\b(?:19|20)\d\d-\d\d-\d\d(?:\s*\([^)]*\))?$").is_match(line.trim_end())
}

/// Headings the catalogue does not name that stand [`CAPTION_REPEATS`] times or more with the same words, close
/// together,
/// (`Koppling till god ekonomisk hushållning`, `Nyckeltal` over each of a form's boxes) are a form's captions,
/// not the document's headings: they are left out. A chapter's numbered title never repeats so.
fn drop_captions(heads: Vec<Head>) -> Vec<Head> {
    let key = |h: &Head| {
        (h.label == Label::SECTION && h.paragraph.is_none())
            .then(|| h.title.as_deref().map(fold))
            .flatten()
            .filter(|t| !t.chars().any(|c| c.is_ascii_digit()))
    };
    // (count, first start, last start) of each key.
    let mut seen: std::collections::HashMap<String, (usize, usize, usize)> = std::collections::HashMap::new();
    for h in &heads {
        if let Some(k) = key(h) {
            let e = seen.entry(k).or_insert((0, h.start, h.start));
            e.0 += 1;
            e.2 = h.start;
        }
    }
    // Close together: a long file of many documents repeats its headings far apart.
    let caption = |k: &String| {
        let (n, first, last) = seen[k];
        n >= CAPTION_REPEATS && (last - first) / (n - 1) <= CAPTION_MAX_GAP
    };
    heads
        .into_iter()
        .filter(|h| key(h).is_none_or(|k| !caption(&k)))
        .collect()
}

/// Headings that stand once in each record of a form filled in again and again (a budget's table per project:
/// `Projektnamn …`, `Status Ny`, `Beskrivning av projektet …`, `Barnkonsekvensanalys`, `Projektets
/// genomförandeperiod …`) are the form's row labels, not the document's headings: they are left out, catalogue
/// headings or not. A heading is such a label when it stands [`FORM_RECORDS`] times or more with the same words,
/// no § and few headings between, and between each two of them lie the same [`FORM_FIELDS`] or more other rows, each once: lines
/// of a label and its value, that begin with the same capitalised word. A § or a chapter repeats its headings
/// over prose, whose lines begin with no such regular words.
fn drop_form_rows(text: &str, layout: &Layout, heads: Vec<Head>) -> Vec<Head> {
    let mut groups: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, h) in heads.iter().enumerate() {
        if h.paragraph.is_none() && !h.headless {
            groups.entry(fold(text[h.start..h.end].trim())).or_default().push(i);
        }
    }
    let starts: std::collections::HashSet<usize> = heads.iter().map(|h| h.start).collect();
    // The first line that begins at or after byte `at`.
    let line_at = |at: usize| layout.lines.partition_point(|&(s, _)| s < at);
    let mut rows = vec![false; heads.len()];
    for occurrences in groups.values().filter(|o| o.len() >= FORM_RECORDS) {
        let (first, last) = (occurrences[0], occurrences[occurrences.len() - 1]);
        let gaps = occurrences.len() - 1;
        // The cheap tests first: the heads between are looked at only over records' lengths.
        if line_at(heads[last].start) - line_at(heads[first].start) > gaps * FORM_RECORD_LINES {
            continue;
        }
        let crowded = occurrences.windows(2).filter(|p| p[1] - p[0] > FORM_HEADS).count();
        if !most(gaps - crowded, gaps) || heads[first..=last].iter().any(|h| h.paragraph.is_some()) {
            continue;
        }
        // The first word of each row between two occurrences, and how many gaps hold it exactly once.
        let mut once: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for pair in occurrences.windows(2) {
            let (from, to) = (heads[pair[0]].body, heads[pair[1]].start);
            let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
            for li in line_at(from)..line_at(to) {
                if layout.kinds[li] != LineKind::Text || starts.contains(&layout.lines[li].0) {
                    continue;
                }
                let mut words = layout.line(text, li).split_whitespace();
                let (Some(w), Some(_)) = (words.next(), words.next()) else {
                    continue;
                };
                if w.chars().count() >= FORM_KEY_CHARS
                    && w.starts_with(char::is_uppercase)
                    && w.chars().all(char::is_alphabetic)
                {
                    *counts.entry(fold(w)).or_default() += 1;
                }
            }
            for (k, n) in counts {
                if n == 1 {
                    *once.entry(k).or_default() += 1;
                }
            }
        }
        let fields = once.values().filter(|&&n| most(n, gaps)).count();
        if fields >= FORM_FIELDS {
            for &i in occurrences {
                rows[i] = true;
            }
        }
    }
    heads
        .into_iter()
        .zip(rows)
        .filter_map(|(h, row)| (!row).then_some(h))
        .collect()
}

/// Are `n` of `all` four in five or more (a form's record may leave a row out, OCR may take one for a heading)?
fn most(n: usize, all: usize) -> bool {
    n * 5 >= all * 4
}

/// A heading repeated this many times may be a form's row label …
const FORM_RECORDS: usize = 3;
/// … with at most this many headings from one to the next in most gaps (the record's caption, another row taken
/// for a heading; a bundle of documents repeats its headings with a whole document between) …
const FORM_HEADS: usize = 3;
/// … and at most this many lines from one to the next on average (a record fills a page or two; a letter
/// quoted again and again repeats its headings further apart) …
const FORM_RECORD_LINES: usize = 100;
/// … and when this many rows of a label and its value stand between most two of its repetitions …
const FORM_FIELDS: usize = 3;
/// … each row's label beginning with a word of at least this many letters.
const FORM_KEY_CHARS: usize = 4;

/// A free heading repeated this many times …
const CAPTION_REPEATS: usize = 3;
/// … at most this many bytes apart on average is a form's caption.
const CAPTION_MAX_GAP: usize = 4000;

#[cfg(test)]
mod tests {
    use super::*;

    /// The names' bounds in code select what the bounded patterns they replace selected.
    #[test]
    fn bounded_patterns_are_kept() {
        let long = |n: usize| "a".repeat(n);
        let front = regex::Regex::new(r"^\s*(\p{Lu}[\p{L} -]{1,40}):\s+\S").unwrap();
        let letterhead = regex::Regex::new(r"^\p{Lu}[\p{L}-]{1,20}(?:\s\p{Ll}+)?:\s+\S").unwrap();
        let bracketed = regex::Regex::new(r"^(.*\S)\s+\([\p{L}\d .-]{1,30}\)$").unwrap();
        let mut lines: Vec<String> = [
            "Tid: kl 09:00",
            "  Plats och tid: Stadshuset",
            "Tid:09",
            "tid: kl 9",
            "Ärende: a: b",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for n in [19, 20, 21, 39, 40, 41, 42] {
            lines.push(format!("B{}: värde", long(n)));
            lines.push(format!("Vår {} referens: värde", long(n)));
            lines.push(format!("D{} ref: värde", long(n)));
            lines.push(format!("Farliga ämnen ({})", long(n)));
            lines.push(format!("Farliga (x) ämnen (Deskriptor {})", long(n)));
        }
        lines.push("Farliga ämnen (Deskriptor (8))".into());
        lines.push("Rubrik (8)".into());
        for l in &lines {
            let old = front.captures(l).map(|c| c[1].to_string());
            assert_eq!(field_name(l).map(str::to_string), old, "{l}");
            assert_eq!(letterhead_field(l), letterhead.is_match(l), "{l}");
            let old = bracketed.captures(l).map_or(l.as_str(), |c| c.get(1).unwrap().as_str());
            assert_eq!(before_bracketed(l), old, "{l}");
        }
        assert_eq!(field_name(&format!("B{}: x", long(40))).map(str::len), Some(41));
        assert!(field_name(&format!("B{}: x", long(41))).is_none());
    }
}
