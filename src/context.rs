//! Word context for the ambiguous families: `ar` → `är` | `år`, `for` → `för` | `for`, `var` → `var` |
//! `vår`, `1` → `1` | `i`, …
//!
//! `data/context.fst` (built by `scripts/build_corpus_stats.py` and `examples/build_context.rs` from the
//! clean corpus, counts only) maps `left 0x1F word 0x1F right` to a count, for every word that shares its
//! diacritic-folded form with another corpus word, plus `i` and `1`: one-sided bigrams (`left` or `right`
//! empty, `^` for a line start) and unigrams (both empty). A candidate `c` between `l` and `r` scores
//!
//! ```text
//! log10(n(l, c) + κ·p(c)) + log10((n(c, r) + 1) / (n(c) + V))
//! ```
//!
//! the first term being P(c | l) up to a factor shared by all candidates, smoothed toward the unigram
//! p(c), the second P(r | c) with add-one smoothing over V words.
//!
//! `apply` is the pass of [`crate::repair`] that uses these scores, and the rules for `i` read as `1`,
//! `|` or `I`.
use std::sync::OnceLock;

use std::collections::HashMap;

use fst::{IntoStreamer, Map, Streamer};

use crate::lexicon::{Entry, Lexicon};
use crate::repair::{round3, Decision, EditKind};
use crate::text::{fold, lower_nfc};
use crate::token::{Kind, Token};

static EMBEDDED: &[u8] = include_bytes!("../data/context.fst");

/// Weight of the unigram in the left factor: an unseen `l c` counts as KAPPA·p(c).
const KAPPA: f64 = 10.0;
/// Add-one smoothing of the right factor over a vocabulary of V words.
const V: f64 = 10_000.0;

/// Bigram counts around ambiguous words.
pub struct Context {
    map: Map<&'static [u8]>,
    total: f64,
}

impl Context {
    /// The counts compiled into the binary (read in place: nothing is parsed at start-up).
    pub fn embedded() -> &'static Context {
        static C: OnceLock<Context> = OnceLock::new();
        C.get_or_init(|| {
            let map = Map::new(EMBEDDED).expect("data/context.fst is a valid FST map");
            let total = map.get([0x1bu8]).unwrap_or(1).max(1) as f64;
            Context { map, total }
        })
    }

    fn count(&self, l: &str, w: &str, r: &str) -> f64 {
        let key = format!("{l}\x1f{w}\x1f{r}");
        self.map.get(key.as_bytes()).unwrap_or(0) as f64
    }

    /// How often `w` was followed by `r` (0 when unseen or `w` is not an ambiguous word).
    pub fn count_pair(&self, w: &str, r: &str) -> f64 {
        self.count("", w, r)
    }

    /// How often `w` was seen (0 when it is not an ambiguous word).
    pub fn unigram(&self, w: &str) -> f64 {
        self.count("", w, "")
    }

    /// The ambiguous words that fold to the same form as `w` (`ar` → `ar`, `är`, `år`), or none.
    pub fn group(&self, w: &str) -> Vec<String> {
        let prefix = format!("\x1c{}\x1f", fold(w));
        let mut end = prefix.clone().into_bytes();
        *end.last_mut().expect("non-empty") = 0x20;
        let mut out = Vec::new();
        let mut s = self.map.range().ge(prefix.as_bytes()).lt(&end).into_stream();
        while let Some((k, _)) = s.next() {
            if let Ok(k) = std::str::from_utf8(&k[prefix.len()..]) {
                out.push(k.to_string());
            }
        }
        out
    }

    /// Log10 context score of `c` between `left` (`^` at a line start) and `right` (`None` at a line end);
    /// comparable across candidates for the same position.
    pub fn score(&self, left: &str, c: &str, right: Option<&str>) -> f64 {
        let n = self.unigram(c);
        let p = (n + 0.5) / self.total;
        let mut s = (self.count(left, c, "") + KAPPA * p).log10();
        if let Some(r) = right {
            s += ((self.count("", c, r) + 1.0) / (n + V)).log10();
        }
        s
    }
}

/// Decide the ambiguous families by their neighbours: for each word whose folded form the context
/// model knows several words for (`ar`: ar, är, år), and each `1` or `|` standing alone between words
/// (`i`), score every reading by its left and right neighbour (as repaired) minus the cost of reading
/// it so, and take the best when it beats the current choice clearly. Left to right, so a repaired
/// word is the context of the next.
#[allow(clippy::too_many_arguments)]
pub(crate) fn apply(
    ctx: &Context,
    lexicon: &Lexicon,
    context_margin: f64,
    text: &str,
    tokens: &[Token],
    chosen: &mut HashMap<usize, Decision>,
    stripped: f32,
    intact: bool,
) {
    // Cost of restoring one diacritic, by what the document says of its OCR.
    // In a stripped document P(a | ä) is about the share of stripped words, so the cost of the reading
    // is -log10 of that share; in one that kept its diacritics it is dear, otherwise moderate.
    let strip = if intact {
        2.0
    } else if stripped > 0.5 {
        (-f64::from(stripped).log10()).max(0.05)
    } else {
        1.0
    };
    let digit = if intact { 2.0 } else { 0.6 };
    // Slots: words, and `1` / `|` tokens, with their line number; other numbers are skipped, as the
    // corpus counts skip them.
    let mut slots: Vec<(usize, Token)> = Vec::new();
    let mut line = 0;
    for t in tokens {
        match t.kind {
            Kind::Newline | Kind::PageBreak => line += 1,
            Kind::Word => slots.push((line, *t)),
            Kind::Number if t.text(text) == "1" => slots.push((line, *t)),
            Kind::Punct if t.text(text) == "|" => slots.push((line, *t)),
            _ => {}
        }
    }
    let current = |chosen: &HashMap<usize, Decision>, t: &Token| -> String {
        chosen
            .get(&t.start)
            .map_or_else(|| lower_nfc(t.text(text)), |d| d.to.clone())
    };
    for k in 0..slots.len() {
        let (ln, tok) = slots[k];
        let orig = lower_nfc(tok.text(text));
        let cur = current(chosen, &tok);
        let mut cands: Vec<(String, f64)> = Vec::new();
        if tok.text(text) == "I" {
            // A capital I inside a sentence, after a small word, is the preposition i.
            let left_small = k
                .checked_sub(1)
                .map(|j| slots[j])
                .filter(|(l, _)| *l == ln)
                .is_some_and(|(_, t)| {
                    let w = t.text(text);
                    w.chars().count() > 1 && w.chars().all(char::is_lowercase)
                });
            let right_small = slots
                .get(k + 1)
                .filter(|(l, _)| *l == ln)
                .is_some_and(|(_, t)| t.text(text).chars().all(char::is_lowercase));
            if left_small
                && right_small
                && single_spaced(text, tok.start, tok.end)
                && !capital_i(text, tok.start, "", true)
            {
                chosen.insert(
                    tok.start,
                    Decision {
                        to: "i".into(),
                        kind: EditKind::OcrConfusion,
                        confidence: 0.9,
                        upper: false,
                        scan: false,
                        verbatim: true,
                    },
                );
            }
            continue;
        }
        if tok.kind != Kind::Word {
            cands.push((orig.clone(), 0.0));
            cands.push(("i".to_string(), digit));
        } else {
            for w in &ctx.group(&orig) {
                let valid = *w == orig || lexicon.lookup_key(w).is_some_and(Entry::is_valid);
                if valid {
                    let changed = w.chars().zip(orig.chars()).filter(|(a, b)| a != b).count();
                    cands.push((w.clone(), strip * changed as f64));
                }
            }
            // Where the OCR kept its diacritics, a valid word written with å, ä, ö is as written.
            if intact && orig.contains(['å', 'ä', 'ö']) && lexicon.lookup_key(&orig).is_some_and(Entry::is_valid) {
                continue;
            }
            if cands.len() < 2 || !cands.iter().any(|c| c.0 == cur) {
                continue;
            }
        }
        let left = match k.checked_sub(1).map(|j| slots[j]) {
            Some((l, t)) if l == ln => current(chosen, &t),
            _ => "^".to_string(),
        };
        let right = slots
            .get(k + 1)
            .filter(|(l, _)| *l == ln)
            .map(|(_, t)| current(chosen, t));
        // A lone `1` or `|` is only read as `i` between words, with a space before it (`andra.1` is a
        // footnote mark).
        let spaced = text[..tok.start].chars().next_back().is_none_or(char::is_whitespace);
        if tok.kind != Kind::Word && (right.is_none() || !spaced || left == "^" && tok.kind == Kind::Number) {
            continue;
        }
        // A `|` is read as `i` only between words set off by single spaces, before a small word that the
        // corpus has seen after `i` (a column rule `2023   |   Förvaltning` or `Göteborg | Telefon` is no `i`).
        if tok.kind == Kind::Punct {
            let r = right.as_deref().unwrap_or("");
            let small = slots
                .get(k + 1)
                .is_some_and(|(_, t)| t.text(text).chars().next().is_some_and(char::is_lowercase));
            if !small || ctx.count_pair("i", r) < 2.0 || (left != "^" && !single_spaced(text, tok.start, tok.end)) {
                continue;
            }
        }
        let score = |c: &str, cost: f64| ctx.score(&left, c, right.as_deref()) - cost;
        let mut best: Option<(f64, &str)> = None;
        let mut cur_score = f64::MIN;
        for (c, cost) in &cands {
            let sc = score(c, *cost);
            if *c == cur {
                cur_score = sc;
            }
            if best.is_none_or(|(b, _)| sc > b) {
                best = Some((sc, c));
            }
        }
        let Some((best_score, best)) = best else { continue };
        let margin = best_score - cur_score;
        if best == cur || margin < context_margin {
            continue;
        }
        if best == orig {
            chosen.remove(&tok.start);
            continue;
        }
        let kind = if tok.kind == Kind::Word {
            EditKind::Diacritic
        } else {
            EditKind::OcrConfusion
        };
        let upper = tok.kind != Kind::Word && capital_i(text, tok.start, &left, false);
        let confidence = round3(1.0 / (1.0 + 10f32.powf(-(margin as f32))));
        chosen.insert(
            tok.start,
            Decision {
                to: best.to_string(),
                kind,
                confidence,
                upper,
                scan: false,
                verbatim: false,
            },
        );
    }
}

/// Is an `i` at `pos` the capital `I`: at a sentence start, at a line start (`left` is `^`), or right
/// after a heading on the same line (`Förslag till beslut | kommunstyrelsen` is the heading and
/// `I kommunstyrelsen:`)?
/// With `unknown_headings`, also a paragraph's first short run of words that begins with a capital
/// (a heading the catalogue lacks): used to keep a capital I as written, not to write one.
fn capital_i(text: &str, pos: usize, left: &str, unknown_headings: bool) -> bool {
    if left == "^" || sentence_start(text, pos) {
        return true;
    }
    // A heading that runs into its text: `Förslag till beslut I kommunstyrelsen`, `Sammanfattning I budget`;
    // the heading may have started on the line before.
    let catalogue = crate::segment::Catalogue::embedded();
    let line_start = text[..pos].rfind(['\n', '\u{c}']).map_or(0, |i| i + 1);
    let prev_start = text[..line_start.saturating_sub(1)]
        .rfind(['\n', '\u{c}'])
        .map_or(0, |i| i + 1);
    let words: Vec<&str> = text[prev_start..pos].split_whitespace().collect();
    if (1..=words.len().min(6)).any(|n| catalogue.is_heading(&words[words.len() - n..].join(" "))) {
        return true;
    }
    // A heading the catalogue does not know, running into its text: a paragraph's first line that begins
    // with a capital and reaches the I within six words (`Kommunala nämnder och styrelser I dagsläget`).
    let line_words: Vec<&str> = text[line_start..pos].split_whitespace().collect();
    let paragraph_start = line_start == 0 || text[prev_start..line_start].trim().is_empty();
    unknown_headings
        && paragraph_start
        && !line_words.is_empty()
        && line_words.len() <= 6
        && line_words[0].chars().next().is_some_and(char::is_uppercase)
}

/// Is the token at `start..end` set off by exactly one space on each side from word characters: `x I y`,
/// `x | y`, not a column separator (`2023   |   Förvaltning`) or a mark after a bracket (`nivå) I det`)?
fn single_spaced(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    let word_before = before
        .strip_suffix(' ')
        .and_then(|b| b.chars().next_back())
        .is_some_and(char::is_alphanumeric);
    let word_after = after
        .strip_prefix(' ')
        .and_then(|a| a.chars().next())
        .is_some_and(char::is_alphabetic);
    word_before && word_after
}

/// Does a sentence start at `pos`: at the start of the text, after `.` `!` `?` `:`, or after a blank line?
fn sentence_start(text: &str, pos: usize) -> bool {
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
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_counts() {
        let c = Context::embedded();
        let g = c.group("ar");
        assert!(g.iter().any(|w| w == "är") && g.iter().any(|w| w == "år"), "{g:?}");
        assert!(c.unigram("i") > 1000.0);
        assert_eq!(c.unigram("göteborgsregionen"), 0.0);
    }

    #[test]
    fn context_decides_families() {
        let c = Context::embedded();
        // "i år" vs "i är": the year.
        assert!(c.score("i", "år", None) > c.score("i", "är", None));
        // "det är viktigt" vs "det år viktigt".
        assert!(c.score("det", "är", Some("viktigt")) > c.score("det", "år", Some("viktigt")));
        // "bilaga 1" vs "bilaga i"; "beslut i enlighet" vs "beslut 1 enlighet".
        assert!(c.score("bilaga", "1", None) > c.score("bilaga", "i", None));
        assert!(c.score("beslut", "i", Some("enlighet")) > c.score("beslut", "1", Some("enlighet")));
    }
}
