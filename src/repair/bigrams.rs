//! The word-context model: a bigram model of the clean corpus with Witten-Bell smoothing, and the groups
//! of ambiguous words (`ar` → `är` | `år`, `for` → `för` | `for`, `var` → `var` | `vår`, `1` → `1` | `i`).
//!
//! `data/context.fst` (built by `scripts/build_corpus_stats.py` and `examples/build_context.rs` from the
//! clean corpus, counts only, with the documents of the evaluation sets held out: `data/heldout.tsv`)
//! holds every word's count n(w), how many distinct words follow it T(w), and every bigram seen twice or
//! more n(l, w); numbers count as `1`, `<y>` (a year) or `<n>`, and `^` is the start of a line. The
//! probability of `w` after `l` is interpolated with the unigram by Witten-Bell:
//!
//! ```text
//! P(w | l) = (n(l, w) + T(l)·P(w)) / (n(l) + T(l)),    P(w) = (n(w) + ½) / N
//! ```
//!
//! (P(w) alone when `l` was never seen), and a reading `c` between `l` and `r` scores
//! log10 P(c | l) + log10 P(r | c): both neighbours, each backing off to the unigram when the pair is rare.
//!
//! The context pass (`context.rs`) uses these scores.
use foldhash::HashMap;
use std::cell::RefCell;
use std::sync::OnceLock;

use fst::{IntoStreamer, Map, Streamer};

use crate::text::fold;

static EMBEDDED: &[u8] = include_bytes!("../../data/context.fst");

/// Counts of the clean corpus around words, for the context pass.
pub struct Context {
    map: Map<&'static [u8]>,
    total: f64,
}

/// How the model writes a year (1800–2099) …
pub const YEAR: &str = "<y>";
/// … and any other number but `1`.
pub const NUMBER: &str = "<n>";

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

    /// A number token as the model sees it: `1` as itself, a year as `<y>`, any other as `<n>`.
    ///
    /// ```
    /// use diakrit::repair::Context;
    /// assert_eq!((Context::number_class("2024"), Context::number_class("17"), Context::number_class("1")), ("<y>", "<n>", "1"));
    /// ```
    pub fn number_class(n: &str) -> &str {
        let year = n.len() == 4 && (n.starts_with("18") || n.starts_with("19") || n.starts_with("20"));
        match n {
            "1" => n,
            _ if year && n.bytes().all(|b| b.is_ascii_digit()) => YEAR,
            _ => NUMBER,
        }
    }

    fn get(&self, tag: Option<u8>, a: &str, b: Option<&str>) -> f64 {
        let mut key = Vec::with_capacity(a.len() + b.map_or(0, str::len) + 2);
        key.extend(tag);
        key.extend(a.as_bytes());
        if let Some(b) = b {
            key.push(0x1f);
            key.extend(b.as_bytes());
        }
        self.map.get(&key).unwrap_or(0) as f64
    }

    /// How often `w` was seen (`^`: how many lines).
    pub fn unigram(&self, w: &str) -> f64 {
        self.get(Some(0x1e), w, None)
    }

    /// How often `l` was followed by `r` (0 for a pair seen once or never).
    pub fn count_pair(&self, l: &str, r: &str) -> f64 {
        self.get(None, l, Some(r))
    }

    /// How many distinct words were seen after `w`.
    pub fn followers(&self, w: &str) -> f64 {
        self.get(Some(0x1d), w, None)
    }

    /// P(w): the unigram, add-half smoothed.
    pub fn p_word(&self, w: &str) -> f64 {
        Counts::p_word(self, w)
    }

    /// P(w | l) by Witten-Bell interpolation with the unigram.
    ///
    /// ```
    /// let c = diakrit::repair::Context::embedded();
    /// assert!(c.p_next("i", "år") > c.p_next("i", "är"));
    /// ```
    pub fn p_next(&self, l: &str, w: &str) -> f64 {
        Counts::p_next(self, l, w)
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

    /// How much more `c` is expected between `left` and `right` than on its own (log10): the context's
    /// evidence for `c` with its frequency taken out, log10 P(c | left) / P(c) + log10 P(right | c) / P(right),
    /// each term 0 for a pair the corpus never saw.
    /// Two readings compare by it when frequency alone must not decide between them.
    ///
    /// ```
    /// let c = diakrit::repair::Context::embedded();
    /// assert!(c.association("^", "år", Some("<y>")) > c.association("^", "är", Some("<y>")));
    /// ```
    pub fn association(&self, left: &str, c: &str, right: Option<&str>) -> f64 {
        Counts::association(self, left, c, right)
    }

    /// Log10 context score of `c` between `left` (`^` at a line start) and `right` (`None` at a line end):
    /// log10 P(c | left) + log10 P(right | c); comparable across candidates for the same position.
    ///
    /// ```
    /// let c = diakrit::repair::Context::embedded();
    /// assert!(c.score("det", "är", Some("viktigt")) > c.score("det", "år", Some("viktigt")));
    /// assert!(c.score("^", "år", Some("<y>")) > c.score("^", "är", Some("<y>")));
    /// ```
    pub fn score(&self, left: &str, c: &str, right: Option<&str>) -> f64 {
        Counts::score(self, left, c, right)
    }
}

/// The model's formulas over its counts, written once for both the model read directly ([`Context`]) and
/// a document's memo of it ([`Scorer`]).
trait Counts {
    /// n(w) and T(w).
    fn counts(&self, w: &str) -> (f64, f64);
    /// n(l, w).
    fn pair(&self, l: &str, w: &str) -> f64;
    /// N.
    fn total(&self) -> f64;

    fn p_word(&self, w: &str) -> f64 {
        (self.counts(w).0 + 0.5) / self.total()
    }

    fn p_next(&self, l: &str, w: &str) -> f64 {
        let (n, t) = self.counts(l);
        let p = self.p_word(w);
        if n == 0.0 || t == 0.0 {
            return p;
        }
        (self.pair(l, w) + t * p) / (n + t)
    }

    fn score(&self, left: &str, c: &str, right: Option<&str>) -> f64 {
        let mut s = self.p_next(left, c).log10();
        if let Some(r) = right {
            s += self.p_next(c, r).log10();
        }
        s
    }

    fn association(&self, left: &str, c: &str, right: Option<&str>) -> f64 {
        // A pair never seen says nothing either way: its interpolated probability is only the back-off
        // weight of the first word, which is lowest for the most frequent words.
        let pmi = |a: &str, b: &str| {
            if self.pair(a, b) > 0.0 {
                (self.p_next(a, b) / self.p_word(b)).log10()
            } else {
                0.0
            }
        };
        let mut s = pmi(left, c);
        if let Some(r) = right {
            s += pmi(c, r);
        }
        s
    }
}

impl Counts for Context {
    fn counts(&self, w: &str) -> (f64, f64) {
        (self.unigram(w), self.followers(w))
    }

    fn pair(&self, l: &str, w: &str) -> f64 {
        self.count_pair(l, w)
    }

    fn total(&self) -> f64 {
        self.total
    }
}

/// The model's scores for one document: each word's own counts are looked up once (a pass asks for the
/// same neighbours over and over), the pairs each time.
pub(crate) struct Scorer<'c> {
    ctx: &'c Context,
    /// n(w) and T(w) by word.
    counts: RefCell<HashMap<String, (f64, f64)>>,
}

impl<'c> Scorer<'c> {
    pub(crate) fn new(ctx: &'c Context) -> Scorer<'c> {
        Scorer {
            ctx,
            counts: RefCell::new(HashMap::default()),
        }
    }

    /// The model itself.
    pub(crate) fn context(&self) -> &'c Context {
        self.ctx
    }

    /// [`Context::score`].
    pub(crate) fn score(&self, left: &str, c: &str, right: Option<&str>) -> f64 {
        Counts::score(self, left, c, right)
    }

    /// [`Context::association`].
    pub(crate) fn association(&self, left: &str, c: &str, right: Option<&str>) -> f64 {
        Counts::association(self, left, c, right)
    }
}

impl Counts for Scorer<'_> {
    fn counts(&self, w: &str) -> (f64, f64) {
        if let Some(&c) = self.counts.borrow().get(w) {
            return c;
        }
        let c = Counts::counts(self.ctx, w);
        self.counts.borrow_mut().insert(w.to_string(), c);
        c
    }

    fn pair(&self, l: &str, w: &str) -> f64 {
        self.ctx.count_pair(l, w)
    }

    fn total(&self) -> f64 {
        self.ctx.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scorer_agrees_with_the_model() {
        let c = Context::embedded();
        let s = Scorer::new(c);
        for (l, w, r) in [
            ("det", "är", Some("viktigt")),
            ("i", "år", None),
            ("^", "qqq", Some("<y>")),
        ] {
            assert_eq!(s.score(l, w, r), c.score(l, w, r));
            assert_eq!(s.association(l, w, r), c.association(l, w, r));
        }
    }

    #[test]
    fn groups_and_counts() {
        let c = Context::embedded();
        let g = c.group("ar");
        assert!(g.iter().any(|w| w == "är") && g.iter().any(|w| w == "år"), "{g:?}");
        assert!(c.unigram("i") > 1000.0);
        assert!(c.followers("i") > 100.0);
        assert_eq!(c.unigram("qqqzzx"), 0.0);
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
