//! Long texts in windows: a text longer than [`WINDOW`] bytes is cut at page breaks or paragraph ends into
//! windows of at most that size, each repaired as a document of its own (its own damage estimate and
//! document cache), in parallel, and the results joined in text order with every offset in the whole
//! text. The cut depends only on the text, so the result is the same at any number of threads and
//! whether the text was read whole or streamed ([`crate::stream`]); a text of at most one window is
//! repaired whole, as before.
//!
//! Why windows: the passes keep per-occurrence state of about 50 bytes per input byte, and a year of
//! protocols dumped as one file runs to hundreds of megabytes. A window of a quarter of a megabyte holds
//! some forty pages, enough for the document-level evidence (a page's damage, a word written with å, ä, ö
//! elsewhere); 27 of Göteborg's 329 corpus files are longer. Half a megabyte gave the same words within
//! a few per file but 25 MB more memory at `-j2`.
use rayon::prelude::*;

use super::damage;
use super::edit::Repaired;
use super::model::Repairer;

/// The largest text repaired as one document (bytes).
pub const WINDOW: usize = 1 << 18;

/// The most text segmented together (bytes): a text of at most 1 MiB (every document of Göteborg's
/// corpus) is segmented whole, a longer one in groups of consecutive repair windows of at most this much,
/// each segmented on its own and assembled (`crate::process`). A group is long enough that a bundle's parts, a table of
/// contents and the headings under a § are seen whole almost always, and short enough that segmenting it
/// costs some 40 MB.
pub const SEGMENT_BYTES: usize = 4 * WINDOW;

/// A cut is looked for in the last half of a window: at a page break, else a blank line, else a line end,
/// else a space.
const SEARCH_FROM: usize = WINDOW / 2;

/// Where the window at the start of `rest` ends (bytes into `rest`): all of it when it is the end of the
/// text (`eof`) and fits; `None` when more text is needed to decide. Only the first [`WINDOW`] bytes are
/// looked at, so the cut does not depend on how much more was read.
///
/// ```
/// use diakrit::repair::window::{cut, WINDOW};
/// assert_eq!(cut("kort text", true), Some(9));
/// assert_eq!(cut("kort text", false), None);
/// // The first window of a long text ends at the page break in its second half.
/// let long = "ord ".repeat(WINDOW / 8) + "\u{c}" + &"ord ".repeat(WINDOW / 4);
/// assert_eq!(cut(&long, false), Some(WINDOW / 2 + 1));
/// ```
pub fn cut(rest: &str, eof: bool) -> Option<usize> {
    if rest.len() <= WINDOW {
        return eof.then_some(rest.len());
    }
    let mut end = WINDOW;
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let head = &rest[..end];
    let from = SEARCH_FROM.min(end);
    let bytes = head.as_bytes();
    // A cut may not part a word broken by a hyphen at a line end (`kommu-⏎⏎nen` is one word).
    let clean = |at: usize| !ends_in_hyphen(&head[..at]);
    let after = |b: u8| (from..end).rev().filter(move |&i| bytes[i] == b).map(|i| i + 1);
    let found = after(b'\x0c')
        .find(|&at| clean(at))
        .or_else(|| after(b'\n').find(|&at| blank_line_before(head, at) && clean(at)))
        .or_else(|| after(b'\n').find(|&at| clean(at)))
        .or_else(|| after(b' ').find(|&at| clean(at)));
    Some(found.unwrap_or(end))
}

/// Does the line that ends at `at` (just after its `\n`) hold nothing but white space?
fn blank_line_before(text: &str, at: usize) -> bool {
    let line = &text[..at - 1];
    let start = line.rfind('\n').map_or(0, |i| i + 1);
    start > 0 && line[start..].chars().all(char::is_whitespace)
}

/// Does `text` end in a hyphen, white space and page breaks after it?
fn ends_in_hyphen(text: &str) -> bool {
    text.trim_end_matches(|c: char| c.is_whitespace())
        .ends_with(['-', '‐', '¬'])
}

/// The windows of `text`, as byte ranges.
pub fn windows(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let n = cut(&text[at..], true).expect("the whole text is there");
        out.push((at, at + n));
        at += n;
    }
    out
}

impl Repairer {
    /// Repair one window of a longer text (at most [`WINDOW`] bytes, cut by [`windows`]), as
    /// [`Repairer::repair`] repairs it there, for a caller that repairs several windows side by side: its
    /// words are decided on the calling thread only.
    pub fn repair_window(&self, window: &str) -> Repaired {
        self.repair_whole(window, false)
    }

    /// Repair `text` window by window (in parallel), or whole when it fits one window.
    pub(super) fn repair_windows(&self, text: &str) -> Repaired {
        if text.len() <= WINDOW {
            return self.repair_whole(text, true);
        }
        let parts: Vec<(usize, Repaired)> = windows(text)
            .into_par_iter()
            .map(|(a, b)| (a, self.repair_whole(&text[a..b], false)))
            .collect();
        join(parts, text.len())
    }
}

/// Join the repairs of consecutive windows (each with its start in the whole text) into the repair of
/// the whole text of `len` bytes: the texts one after the other, the edits and the damage regions moved to
/// whole-text offsets, the document's damage counted over all.
pub fn join(parts: Vec<(usize, Repaired)>, len: usize) -> Repaired {
    let mut out = Repaired::default();
    let mut reports = Vec::with_capacity(parts.len());
    for (offset, r) in parts {
        out.text.push_str(&r.text);
        out.edits.extend(r.edits.into_iter().map(|e| e.moved(offset)));
        reports.push((offset, r.damage));
    }
    out.damage = damage::join(&reports, len);
    out
}

/// The damage of a text of `len` bytes repaired in windows, from each window's report and start (what
/// [`join`] computes, for a caller that hands the windows on one by one).
pub fn join_damage(reports: &[(usize, super::DamageReport)], len: usize) -> super::DamageReport {
    damage::join(reports, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_page_breaks_then_paragraphs_never_inside_a_hyphenated_word() {
        let para = "Nämnden beslutar enligt förslaget.\n\n";
        let mut text = para.repeat(WINDOW / para.len() + 10);
        assert!(text.len() > WINDOW);
        let at = cut(&text, true).unwrap();
        assert!(at <= WINDOW && at > WINDOW - para.len());
        assert!(text[..at].ends_with("\n\n"), "a paragraph end");
        // A page break in the second half wins over later paragraph ends.
        text.insert(WINDOW * 3 / 4, '\u{c}');
        let at = cut(&text, true).unwrap();
        assert_eq!(&text[at - 1..at], "\u{c}");
        // … but not one that follows a hyphen: the word goes on over the page.
        let mut t2 = "x".repeat(WINDOW * 3 / 4) + "kommu-\n\u{c}nen ";
        t2.push_str(&para.repeat(WINDOW / para.len()));
        let at = cut(&t2, true).unwrap();
        assert!(!ends_in_hyphen(&t2[..at]));
        assert!(at > WINDOW * 3 / 4 + 10);
    }

    #[test]
    fn the_cut_does_not_depend_on_what_follows() {
        let text = "ett två tre\n".repeat(WINDOW / 6);
        let a = cut(&text, false).unwrap();
        let b = cut(&text[..WINDOW + 1], false).unwrap();
        assert_eq!(a, b);
        assert!(cut(&text[..WINDOW], false).is_none());
    }

    #[test]
    fn windows_cover_the_text() {
        let text = "Goteborg ar en stad. ".repeat(3 * WINDOW / 20);
        let w = windows(&text);
        assert!(w.len() >= 3);
        assert_eq!(w[0].0, 0);
        assert_eq!(w.last().unwrap().1, text.len());
        assert!(w.windows(2).all(|p| p[0].1 == p[1].0));
    }
}
