//! Small text helpers shared by the stages: normalisation, diacritic folding and letter case.
use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// NFC form of `s`, borrowed when it already is NFC (the common case).
///
/// ```
/// assert_eq!(diakrit::text::nfc("go\u{308}teborg"), "göteborg");
/// ```
pub fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Lowercased NFC form of `s`.
pub fn lower_nfc(s: &str) -> String {
    nfc(s).to_lowercase()
}

/// Fold the Swedish diacritics and common accents away, lowercase: `Göteborgs` → `goteborgs`,
/// `Beddmning` → `beddmning`. Used to compare headings and to key documents, never to rewrite text.
///
/// ```
/// assert_eq!(diakrit::text::fold("Göteborgs BEDÖMNING"), "goteborgs bedomning");
/// ```
pub fn fold(s: &str) -> String {
    let s = nfc(s);
    // Sized once; an ASCII letter is lowered without the Unicode tables (most of any line is ASCII).
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        out.extend(c.to_lowercase().map(unaccent));
    }
    out
}

/// A lowercase letter without its Swedish diacritic or common accent (`ö` → `o`, `é` → `e`).
fn unaccent(c: char) -> char {
    match c {
        'å' | 'ä' | 'á' | 'à' | 'â' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ú' => 'u',
        'í' | 'ì' => 'i',
        c => c,
    }
}

/// Character counts in 32 buckets: half the L1 distance of two of them is at most the edit distance of
/// their strings (an edit moves at most two counts by one), so most pairs are ruled out before they are
/// aligned (catalogue variants against a line, a page's edge lines against each other, a body's lines
/// against a table of contents' entries).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Hist([u8; 32]);

impl Hist {
    pub(crate) fn of(s: &str) -> Hist {
        let mut h = [0u8; 32];
        for c in s.chars() {
            let b = &mut h[(c as u32 % 32) as usize];
            *b = b.saturating_add(1);
        }
        Hist(h)
    }

    /// A lower bound on the edit distance of the two strings.
    pub(crate) fn bound(&self, other: &Hist) -> usize {
        let l1: usize = self
            .0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| usize::from(a.abs_diff(*b)))
            .sum();
        l1.div_ceil(2)
    }
}

/// The letter case of a word as written, to carry over to its replacement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// `bedomning`, or no cased letters at all.
    Lower,
    /// `Goteborg`: first letter upper, the rest lower.
    Title,
    /// `GOTEBORG`: every cased letter upper, at least two of them.
    Upper,
    /// Anything else (`GöteBorg`, `Al` is Title).
    Mixed,
}

impl Case {
    /// Classify `word`. Digits and symbols (`4rendet`, `&r`) do not count.
    ///
    /// ```
    /// use diakrit::text::Case;
    /// assert_eq!(Case::of("GOTEBORG"), Case::Upper);
    /// assert_eq!(Case::of("Goteborg").apply("göteborg", "Goteborg"), "Göteborg");
    /// ```
    pub fn of(word: &str) -> Case {
        let mut cased = word.chars().filter(|c| c.is_lowercase() || c.is_uppercase());
        let Some(first) = cased.next() else { return Case::Lower };
        let (mut upper, mut lower) = (0usize, 0usize);
        for c in cased {
            if c.is_uppercase() {
                upper += 1
            } else {
                lower += 1
            }
        }
        match (first.is_uppercase(), upper, lower) {
            (false, 0, _) => Case::Lower,
            (true, 0, _) => Case::Title,
            (true, _, 0) => Case::Upper,
            _ => Case::Mixed,
        }
    }

    /// Write the lowercase `word` in this case. `Mixed` follows the first letter: OCR writes capitals for
    /// small å ä ö (`sAdan` for `sådan`), so a mixed word starting small is written small, one starting
    /// with a capital is written with a capital first.
    pub fn apply(self, word: &str, original: &str) -> String {
        match self {
            Case::Lower => word.to_string(),
            Case::Upper => word.to_uppercase(),
            Case::Title => title(word),
            Case::Mixed => {
                if original
                    .chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase)
                {
                    title(word)
                } else {
                    word.to_string()
                }
            }
        }
    }
}

/// `göteborg` → `Göteborg`.
pub fn title(word: &str) -> String {
    let mut cs = word.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Is `w` a year of the last two centuries, as a word (`2030`, `1998`)?
pub(crate) fn is_year(w: &str) -> bool {
    regex!(r"^(?:19|20)\d\d$").is_match(w)
}

/// Is `s` written in capitals: a capital in it and no small letter (`BESLUT`, `§ 12 BESLUT`)?
pub(crate) fn in_capitals(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

/// Levenshtein alignment of two sequences: the distance and the aligned (equal or substituted) index
/// pairs, in order. Ties are broken as wordmetrics.py does: diagonal first, then a deletion from `a`.
pub fn align<T: PartialEq>(a: &[T], b: &[T]) -> (usize, Vec<(usize, usize)>) {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]));
        }
    }
    let (mut i, mut j, mut pairs) = (n, m, Vec::new());
    while i > 0 && j > 0 {
        if d[i][j] == d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]) {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if d[i][j] == d[i - 1][j] + 1 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    (d[n][m], pairs)
}

/// Marks that begin an item of a list (`• Förslag`, `- Yrkande`): a sentence starts after them.
pub const LIST_MARKS: &[char] = &['•', '-', '–'];

/// Byte offsets of `text` turned into offsets in another unit, `units` counting a piece of text in it
/// (code points for Python, UTF-16 code units for JavaScript). Ask in ascending order and each answer
/// costs only the text since the last; an offset before the last starts again from the beginning.
///
/// ```
/// let mut at = diakrit::text::offsets_in("Göteborg är", |s: &str| s.chars().count());
/// assert_eq!((at(3), at(13), at(0)), (2, 11, 0));
/// ```
pub fn offsets_in<'t>(text: &'t str, units: impl Fn(&str) -> usize + 't) -> impl FnMut(usize) -> usize + 't {
    let (mut byte, mut counted) = (0usize, 0usize);
    move |b: usize| {
        if b < byte {
            (byte, counted) = (0, 0);
        }
        counted += units(&text[byte..b]);
        byte = b;
        counted
    }
}

/// Where the line holding byte `pos` begins: just after the last line break (a newline or a page break)
/// before it, or 0.
///
/// ```
/// use diakrit::text::line_start;
/// let t = "ett\ntvå\u{c}tre";
/// assert_eq!((line_start(t, 2), line_start(t, 6), line_start(t, 10)), (0, 4, 9));
/// ```
pub fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind(['\n', '\u{c}']).map_or(0, |i| i + 1)
}

/// The start of the line of byte `pos` when only whitespace stands before `pos` on that line (the
/// [`line_start`] of a line's first word), found by looking back over that whitespace only.
///
/// ```
/// use diakrit::text::first_on_line;
/// assert_eq!(first_on_line("ab\n  cd", 5), Some(3));
/// assert_eq!(first_on_line("ab cd", 3), None);
/// assert_eq!(first_on_line("  cd", 2), Some(0));
/// ```
pub fn first_on_line(text: &str, pos: usize) -> Option<usize> {
    for (i, c) in text[..pos].char_indices().rev() {
        match c {
            '\n' | '\u{c}' => return Some(i + 1),
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    Some(0)
}

/// The starts of the lines of a text (after each `\n` or form feed), for [`line_start`] of many
/// positions in time that does not grow with the length of a line.
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    /// The line starts of `text`.
    pub fn new(text: &str) -> LineStarts {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n' || b == 0x0c)
                .map(|(i, _)| i + 1),
        );
        LineStarts(starts)
    }

    /// [`line_start`] of `pos`.
    ///
    /// ```
    /// use diakrit::text::{line_start, LineStarts};
    /// let t = "ab\ncd\u{c}ef\n";
    /// let lines = LineStarts::new(t);
    /// assert!((0..=t.len()).all(|p| lines.start_of(p) == line_start(t, p)));
    /// ```
    pub fn start_of(&self, pos: usize) -> usize {
        self.0[self.0.partition_point(|&s| s <= pos) - 1]
    }
}

/// Does a sentence start at byte `pos` of `text`: at its start, after `.`, `!`, `?`, `:` or one of
/// `also` (with only spaces between), or after a blank line or a page break with a line before it?
///
/// ```
/// use diakrit::text::{sentence_start, LIST_MARKS};
/// let t = "Slut. Nu\n\nRubrik\n- Punkt";
/// assert!(sentence_start(t, 6, &[]) && sentence_start(t, 10, &[]) && !sentence_start(t, 3, &[]));
/// assert!(sentence_start(t, 19, LIST_MARKS) && !sentence_start(t, 19, &[]));
/// ```
pub fn sentence_start(text: &str, pos: usize, also: &[char]) -> bool {
    let mut newlines = 0;
    for c in text[..pos].chars().rev() {
        match c {
            '\n' | '\u{c}' => {
                newlines += 1;
                if newlines >= 2 {
                    return true;
                }
            }
            c if c.is_whitespace() => {}
            '.' | '!' | '?' | ':' => return true,
            c if also.contains(&c) => return true,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lowers_every_letter_as_unicode_does() {
        // The ASCII fast path gives what the Unicode tables give; letters that lower to two (`İ`), other
        // scripts, decomposed diacritics and the Swedish and common accents fold as before.
        let by_tables = |s: &str| -> String { nfc(s).chars().flat_map(char::to_lowercase).map(unaccent).collect() };
        for s in [
            "Göteborgs BEDÖMNING 2024-05-29 § 12",
            "ÅÄÖ åäö Éé Ü Ø İstanbul ẞ Σίσυφος КОМ",
            "Beddmning\u{301} o\u{308}versyn A\u{30a}R",
            "",
            "\t Tab\u{c}FF – dash ½",
        ] {
            assert_eq!(fold(s), by_tables(s), "{s:?}");
        }
        assert_eq!(fold("İ"), "i\u{307}");
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Göteborgs BEDÖMNING"), "goteborgs bedomning");
        assert_eq!(fold("Ärendet"), "arendet");
        assert_eq!(fold("framét"), "framet");
        assert_eq!(fold("o\u{308}ver"), "over");
    }

    #[test]
    fn nfc_borrows_when_normal() {
        assert!(matches!(nfc("göteborg"), Cow::Borrowed(_)));
        assert_eq!(nfc("go\u{308}teborg"), "göteborg");
    }

    #[test]
    fn case_roundtrip() {
        let cases = [
            ("goteborg", "göteborg", "göteborg"),
            ("Goteborg", "göteborg", "Göteborg"),
            ("GOTEBORG", "göteborg", "GÖTEBORG"),
            ("Arendet", "ärendet", "Ärendet"),
            ("4rendenummer", "ärendenummer", "ärendenummer"),
            ("GoteBorg", "göteborg", "Göteborg"),
            ("sAdan", "sådan", "sådan"),
        ];
        for (orig, lower, want) in cases {
            assert_eq!(Case::of(orig).apply(lower, orig), want, "{orig}");
        }
        assert_eq!(Case::of("Al"), Case::Title);
        assert_eq!(Case::of("&r"), Case::Lower);
    }
}
