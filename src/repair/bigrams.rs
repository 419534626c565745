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
//! The context pass (`context.rs`) uses these scores.
use std::sync::OnceLock;

use fst::{IntoStreamer, Map, Streamer};

use crate::text::fold;

static EMBEDDED: &[u8] = include_bytes!("../../data/context.fst");

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
    ///
    /// ```
    /// let c = diakrit::repair::Context::embedded();
    /// assert!(c.score("det", "är", Some("viktigt")) > c.score("det", "år", Some("viktigt")));
    /// ```
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
