//! The units repair decides: a word token, or the two halves of a word cut by a hyphen at a line end
//! (`kommu-⏎nen`), which are decided as one word.
use crate::lang::SUSPENSION_CONJUNCTIONS;
use crate::token::{Kind, Token};

/// A word to decide: one token, or the two halves of a word cut by a hyphen at a line end.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Unit {
    Word(Token),
    Hyphenated(Token, Token),
}

impl Unit {
    /// The unit as written: the word, or both halves.
    pub(crate) fn key<'t>(&self, text: &'t str) -> (&'t str, &'t str) {
        match self {
            Unit::Word(t) => (t.text(text), ""),
            Unit::Hyphenated(l, r) => (l.text(text), r.text(text)),
        }
    }

    /// Its tokens, one decision each.
    pub(crate) fn tokens(&self) -> impl Iterator<Item = Token> {
        let (first, second) = match *self {
            Unit::Word(t) => (t, None),
            Unit::Hyphenated(l, r) => (l, Some(r)),
        };
        std::iter::once(first).chain(second)
    }

    /// Its first token.
    pub(crate) fn first(&self) -> Token {
        match *self {
            Unit::Word(t) | Unit::Hyphenated(t, _) => t,
        }
    }
}

/// A word cut inside a line (`förekom- mande`) goes on with at least this many letters.
const INLINE_CUT_MIN_CHARS: usize = 3;

/// A run of letters longer than this (in bytes) is no word to repair: the lexicon's longest word has 40
/// letters, and the search makes compounds of at most three parts. Such a run is a code, base64, a
/// table's letters run together or a line that lost its spaces; the analyses of a word (its older and
/// modern spellings, one per letter) grow with the square of its length, and a run of a million letters
/// took 24 GB.
const MAX_WORD_BYTES: usize = 256;

/// Is token `t` a word to repair?
fn is_word(t: &Token) -> bool {
    t.kind == Kind::Word && t.end - t.start <= MAX_WORD_BYTES
}

/// Group word tokens into units, pairing `word-⏎word` across a line end, and `word- word` inside a line.
pub(crate) fn word_units(text: &str, tokens: &[Token]) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if !is_word(&t) {
            i += 1;
            continue;
        }
        // word, "-", [space], newline, [space | page break], word
        let mut j = i + 1;
        let is = |j: usize, k: Kind| {
            tokens
                .get(j)
                .is_some_and(|t| t.kind == k && (k != Kind::Word || is_word(t)))
        };
        if tokens
            .get(j)
            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.text(text), "-" | "‐" | "¬"))
        {
            j += 1;
            // `förekom- mande`, `Nords- tan`: a word cut at a line end of an earlier layout, joined into
            // one line with the hyphen and one space kept, goes on in lowercase; a short word after the
            // hyphen may be a conjunction OCR damaged (`barn- oc b`).
            let one_space = tokens
                .get(j)
                .is_some_and(|s| s.kind == Kind::Space && s.text(text) == " ");
            if one_space && is(j + 1, Kind::Word) {
                let right = tokens[j + 1];
                let r = right.text(text);
                if r.starts_with(char::is_lowercase)
                    && r.chars().count() >= INLINE_CUT_MIN_CHARS
                    && !SUSPENSION_CONJUNCTIONS.contains(&r)
                {
                    units.push(Unit::Hyphenated(t, right));
                    i = j + 2;
                    continue;
                }
            }
            if is(j, Kind::Space) {
                j += 1;
            }
            if is(j, Kind::Newline) {
                j += 1;
                while is(j, Kind::Space) || is(j, Kind::PageBreak) || is(j, Kind::Newline) {
                    j += 1;
                }
                // `plan-⏎och bygglagen`: a suspended first part before a conjunction is no cut word.
                let conjunction = is(j, Kind::Word) && SUSPENSION_CONJUNCTIONS.contains(&tokens[j].text(text));
                if is(j, Kind::Word) && !conjunction {
                    units.push(Unit::Hyphenated(t, tokens[j]));
                    i = j + 1;
                    continue;
                }
            }
        }
        units.push(Unit::Word(t));
        i += 1;
    }
    units
}

/// Cut `new` where `old` is cut after `left_chars` characters, following a character alignment of the two:
/// the cut falls after the last character of `new` aligned to the left part of `old`.
pub(crate) fn split_like(old: &str, left_chars: usize, new: &str) -> (String, String) {
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    let (_, pairs) = crate::text::align(&a, &b);
    let j = pairs
        .iter()
        .filter(|(i, _)| *i < left_chars)
        .map(|(_, j)| j + 1)
        .max()
        .unwrap_or(0);
    (b[..j].iter().collect(), b[j..].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Letters with no word in them, `n` long (a fixed pseudo-random draw).
    fn run_of_letters(n: usize) -> String {
        let mut x: u32 = 12345;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                char::from(b'a' + ((x >> 16) % 26) as u8)
            })
            .collect()
    }

    #[test]
    fn a_run_of_letters_longer_than_any_word_is_no_unit() {
        let run = run_of_letters(MAX_WORD_BYTES + 1);
        let text = format!("Goteborg {run} ndmnden {run}-\nnen kommu-\n{run}");
        let tokens = crate::token::tokenize(&text, |_| false);
        let units: Vec<(&str, &str)> = word_units(&text, &tokens).iter().map(|u| u.key(&text)).collect();
        // The long runs are no units, nor halves of a cut word; `kommu-` before one is a word of its own.
        assert_eq!(units, [("Goteborg", ""), ("ndmnden", ""), ("nen", ""), ("kommu", "")]);
        let just = run_of_letters(MAX_WORD_BYTES);
        let tokens = crate::token::tokenize(&just, |_| false);
        assert_eq!(word_units(&just, &tokens).len(), 1);
    }

    #[test]
    fn split_like_follows_alignment() {
        assert_eq!(
            split_like("kommunfullmaktige", 10, "kommunfullmäktige"),
            ("kommunfull".into(), "mäktige".into())
        );
        let (a, b) = split_like("anviandning", 4, "användning");
        assert_eq!(format!("{a}{b}"), "användning");
        assert!(a.starts_with("anv") && b.ends_with("ndning"));
    }
}
