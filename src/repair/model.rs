//! The repairer itself: its data (lexicon, channel, context counts, heading catalogue), its thresholds,
//! and the candidate cache the passes share. Every pass is written as methods of [`Repairer`] in its own
//! file; the order they run in is `passes.rs`.
use foldhash::HashMap;
use std::sync::{Arc, Mutex};

use super::bigrams::Context;
use super::candidates::{Candidate, Limits};
use super::channel::Channel;
use super::edit::Decision;
use crate::catalogue::Catalogue;
use crate::lexicon::{Entry, Lexicon};
use crate::token::{self, Token};

/// Candidate lists by (word, full search).
type SearchCache = Memo<(String, bool), Arc<Vec<Candidate>>>;
/// The context pass's fold groups, by word (see `context.rs`).
type GroupCache = Memo<String, Arc<Vec<String>>>;
/// What the damage pass asks of a word as written (lowercase), by word: see `damage.rs`.
type FactsCache = Memo<String, (bool, u8)>;
/// A profile of thresholds as a cache key: its numbers' bits and its flags (see `state.rs`).
pub(super) type ProfileBits = [u32; 7];
/// Decisions already made, by word as written and profile.
type DecisionCache = Memo<(String, ProfileBits), Option<Decision>>;

/// Shards of a [`Memo`]: two threads rarely ask the same one at once.
const SHARDS: usize = 16;

/// A memo the threads share: split into shards by the key's hash, so that threads deciding the windows of
/// one file, or the files of a batch, seldom wait on each other's lock. Each shard keeps two generations:
/// new entries go to the young one; when it is full, it becomes the old one and the old one is dropped; an
/// entry found in the old generation moves back to the young. So the words a long text keeps using (most
/// of its occurrences) stay while the one-offs pass through, in at most the bound. What it holds is pure
/// (the same key always gives the same value), so neither sharing nor dropping changes an output.
pub(super) struct Memo<K, V> {
    shards: Vec<Mutex<Generations<K, V>>>,
    per_generation: usize,
}

/// One shard of a [`Memo`]: its young and its old generation.
struct Generations<K, V> {
    young: HashMap<K, V>,
    old: HashMap<K, V>,
}

impl<K: std::hash::Hash + Eq, V: Clone> Generations<K, V> {
    /// Keep `k` in the young generation, turning it old first when it holds `max`.
    fn keep(&mut self, k: K, v: V, max: usize) {
        if self.young.len() >= max {
            self.old = std::mem::take(&mut self.young);
        }
        self.young.insert(k, v);
    }
}

impl<K: std::hash::Hash + Eq, V: Clone> Memo<K, V> {
    /// A memo of at most about `max` entries.
    fn new(max: usize) -> Memo<K, V> {
        Memo {
            shards: (0..SHARDS)
                .map(|_| {
                    Mutex::new(Generations {
                        young: HashMap::default(),
                        old: HashMap::default(),
                    })
                })
                .collect(),
            per_generation: max.div_ceil(2 * SHARDS).max(1),
        }
    }

    /// The shard of a key (a borrowed key hashes as its owner: `str` as `String`).
    fn shard<Q: std::hash::Hash + ?Sized>(&self, k: &Q) -> std::sync::MutexGuard<'_, Generations<K, V>> {
        use std::hash::BuildHasher;
        let h = foldhash::fast::FixedState::with_seed(0).hash_one(k);
        self.shards[(h >> 59) as usize % SHARDS]
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// The value of `k`, if known (moved to the young generation when it was in the old one). Asked by a
    /// borrowed key, so that a look-up allocates nothing.
    fn get<Q>(&self, k: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        let mut shard = self.shard(k);
        if let Some(v) = shard.young.get(k) {
            return Some(v.clone());
        }
        let (k, v) = shard.old.remove_entry(k)?;
        shard.keep(k, v.clone(), self.per_generation);
        Some(v)
    }

    /// The value of `k`: known, or made by `make` (outside the lock) and kept (the key owned only then).
    fn get_or<Q>(&self, k: &Q, make: impl FnOnce() -> V) -> V
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(v) = self.get(k) {
            return v;
        }
        let v = make();
        self.shard(k).keep(k.to_owned(), v.clone(), self.per_generation);
        v
    }

    /// [`Memo::get_or`] with a key the caller owns already (kept as it is when the value is made).
    fn get_or_owned(&self, k: K, make: impl FnOnce() -> V) -> V {
        if let Some(v) = self.get(&k) {
            return v;
        }
        let v = make();
        self.shard(&k).keep(k, v.clone(), self.per_generation);
        v
    }
}

/// Most decisions, facts and fold groups kept between words (each a hundred bytes or so). With two
/// generations every shard stands near its bound, where clearing left half of them empty on average: 30,000
/// peak as high as 50,000 cleared did, and keep the words a long text uses again.
const CACHE_MAX: usize = 30_000;
/// Most candidate lists kept between words. Most lists are short (a valid word's few readings): on varied
/// OCR-like text 18,000 of them took about 6 MB, and were evicted so soon that 45% of the first-stage
/// searches of 10 MB of it were searches made before (a window's words outnumber the bound, so the damage
/// pass and the regions' second decisions searched again). At 36,000, `process --format jsonl -j2` of 100 MB of it took
/// 59 s instead of 68 s at the same peak (165 MB); 72,000 gained nothing more and peaked at 183 MB.
const SEARCH_CACHE_MAX: usize = 36_000;

/// Tunable thresholds of the decision. Build it from [`Config::default`] and set what you need; new
/// fields may be added in any release.
///
/// ```
/// let mut config = diakrit::Config::default();
/// config.min_confidence = 0.9;
/// let r = diakrit::Repairer::builder().config(config).build();
/// assert_eq!(r.config().min_confidence, 0.9);
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Config {
    /// Bonus of a valid observed word over its candidates, log10 units (1.0: a candidate must be ten times
    /// likelier). Set on `../shared/eval/dev`.
    pub keep_margin: f32,
    /// How far the keep bonus shrinks for diacritic-only readings in a document whose OCR evidently had
    /// no å, ä, ö (0 = never, 1 = to nothing): there `innebar` is far likelier `innebär` than in clean text.
    /// Set on dev (0.7).
    pub strip_adaptation: f32,
    /// How much better (log10) a reading must fit its neighbours than the current choice to replace it.
    pub context_margin: f32,
    /// How much better (log10) a real-word edit (a word of the lexicon read as another) must fit its
    /// neighbours than the word as written. Set on the tune halves of the evaluation sets (0.5: such edits
    /// were right 99.1% of the time, against 98.4% with no check; see the issue notes).
    pub real_word_support: f32,
    /// Score of an unknown observed word: a candidate must score above it to replace it.
    pub unknown_score: f32,
    /// Penalty per extra part of a compound, log10 units.
    pub compound_penalty: f32,
    /// Edits below this (calibrated) confidence are not applied.
    pub min_confidence: f32,
    /// Rejoin words cut by a hyphen at a line end (changes the line structure).
    pub join_hyphens: bool,
    /// Words shorter than this (in characters) are not touched.
    pub min_chars: usize,
    /// Unknown words at least this long may get one edit no confusion rule names.
    pub generic_min_chars: usize,
    /// Search limits for unknown words.
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            keep_margin: 1.0,
            strip_adaptation: 0.7,
            context_margin: 0.5,
            real_word_support: 0.5,
            unknown_score: -1.0,
            compound_penalty: 1.5,
            min_confidence: 0.5,
            join_hyphens: false,
            min_chars: 2,
            generic_min_chars: 5,
            limits: Limits::default(),
        }
    }
}

/// A repairer: lexicon, channel, context model, heading catalogue and thresholds. Build once and share:
/// it owns its data behind an [`Arc`], so a clone is cheap, and it is `Send + Sync`.
///
/// ```
/// let repairer = diakrit::Repairer::new();
/// let fixed = repairer.repair("Forslag till beslut\n\nI ndmnden for Intraservice:\n");
/// assert_eq!(fixed.text, "Förslag till beslut\n\nI nämnden för Intraservice:\n");
/// let copy = repairer.clone(); // shares the lexicon and the candidate cache
/// std::thread::spawn(move || copy.repair("Goteborg")).join().unwrap();
/// ```
#[derive(Clone)]
pub struct Repairer {
    pub(super) shared: Arc<Shared>,
}

pub(super) struct Shared {
    pub(super) lexicon: Arc<Lexicon>,
    pub(super) catalogue: Arc<Catalogue>,
    pub(super) context: Option<&'static Context>,
    pub(super) channel: Channel,
    pub(super) config: Config,
    /// May the first search stage trust the lexicon's [`crate::lexicon::Entry::SETTLED`] marks? Only with
    /// the embedded lexicon alone and the default limits, with which they were recorded.
    settled: bool,
    /// Candidates already found, by (word, full search): a word is decided again with another keep bonus
    /// in stripped documents, and words repeat across the documents of a batch. Pure, so sharing it
    /// changes no output; cleared when it grows past `SEARCH_CACHE_MAX` entries.
    cache: SearchCache,
    /// Decisions already made, by word as written and profile: a word decided with the same thresholds
    /// in another document of the batch, or another region, is decided alike. Pure, like `cache`.
    decisions: DecisionCache,
    /// What the damage pass found of a word as written (is it a word, a marker of older spelling or
    /// grammar), by word. Pure, like `cache`.
    facts: FactsCache,
    /// The context pass's fold group of a word, by word. Pure, like `cache`.
    groups: GroupCache,
}

/// Builds a [`Repairer`] with other data or thresholds than the defaults.
///
/// ```
/// use diakrit::{Lexicon, Repairer};
/// let lexicon = Lexicon::with_extra_words([("Tånghag", None)]).unwrap();
/// let r = Repairer::builder().lexicon(lexicon).min_confidence(0.9).build();
/// assert_eq!(r.repair("Tanghag").text, "Tånghag");
/// ```
#[derive(Clone)]
pub struct RepairerBuilder {
    lexicon: Option<Arc<Lexicon>>,
    catalogue: Option<Arc<Catalogue>>,
    context: bool,
    config: Config,
}

impl RepairerBuilder {
    /// Use `lexicon` instead of the embedded one (see [`Lexicon::with_extra_words`]).
    pub fn lexicon(mut self, lexicon: impl Into<Arc<Lexicon>>) -> Self {
        self.lexicon = Some(lexicon.into());
        self
    }

    /// Use `catalogue` for headings (in repair, a heading running into its text keeps a capital `I`; in
    /// [`Repairer::process`], the sections).
    pub fn catalogue(mut self, catalogue: impl Into<Arc<Catalogue>>) -> Self {
        self.catalogue = Some(catalogue.into());
        self
    }

    /// With `false`, no word-context model: every word is decided on its own.
    pub fn context(mut self, on: bool) -> Self {
        self.context = on;
        self
    }

    /// Replace all thresholds.
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    /// Apply only edits with at least this confidence ([`Config::min_confidence`]).
    pub fn min_confidence(mut self, x: f32) -> Self {
        self.config.min_confidence = x;
        self
    }

    /// Rejoin words cut by a hyphen at a line end ([`Config::join_hyphens`]).
    pub fn join_hyphens(mut self, on: bool) -> Self {
        self.config.join_hyphens = on;
        self
    }

    /// The repairer.
    pub fn build(self) -> Repairer {
        let lexicon = self.lexicon.unwrap_or_else(Lexicon::embedded_arc);
        let defaults = Config::default();
        let settled = lexicon.is_embedded()
            && self.config.limits == defaults.limits
            && self.config.compound_penalty == defaults.compound_penalty;
        Repairer {
            shared: Arc::new(Shared {
                lexicon,
                catalogue: self.catalogue.unwrap_or_else(Catalogue::embedded_arc),
                context: self.context.then(Context::embedded),
                channel: Channel::default(),
                config: self.config,
                settled,
                cache: Memo::new(SEARCH_CACHE_MAX),
                decisions: Memo::new(CACHE_MAX),
                facts: Memo::new(CACHE_MAX),
                groups: Memo::new(CACHE_MAX),
            }),
        }
    }
}

impl Default for Repairer {
    fn default() -> Self {
        Repairer::new()
    }
}

impl Repairer {
    /// A repairer over the embedded lexicon, context model and heading catalogue, with the default
    /// channel and thresholds.
    pub fn new() -> Repairer {
        Repairer::builder().build()
    }

    /// A builder starting from the defaults.
    pub fn builder() -> RepairerBuilder {
        RepairerBuilder {
            lexicon: None,
            catalogue: None,
            context: true,
            config: Config::default(),
        }
    }

    /// The thresholds in use.
    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.shared.lexicon
    }

    /// The heading catalogue in use.
    pub fn catalogue(&self) -> &Catalogue {
        &self.shared.catalogue
    }

    /// Can `c` stand for a letter in a word although it is none (`&r`, `4rendet`)?
    pub(super) fn is_confusable_symbol(&self, c: char) -> bool {
        self.shared.channel.is_confusable_symbol(c)
    }

    /// Tokenize `text` with this repairer's idea of which symbols may stand for letters.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        token::tokenize(text, |c| self.shared.channel.is_confusable_symbol(c))
    }

    /// The decision for `word` with the profile whose bits are `p`, made by `decide` unless this repairer
    /// made it before.
    pub(super) fn cached_decision(
        &self,
        word: &str,
        p: ProfileBits,
        decide: impl FnOnce() -> Option<Decision>,
    ) -> Option<Decision> {
        self.shared.decisions.get_or_owned((word.to_string(), p), decide)
    }

    /// The context pass's fold group of `key`, found by `find` unless this repairer found it before.
    pub(super) fn cached_group(&self, key: &str, find: impl FnOnce() -> Vec<String>) -> Arc<Vec<String>> {
        self.shared.groups.get_or(key, || Arc::new(find()))
    }

    /// The damage pass's facts of `key`, found by `find` unless this repairer found them before.
    pub(super) fn cached_facts(&self, key: &str, find: impl FnOnce() -> (bool, u8)) -> (bool, u8) {
        self.shared.facts.get_or(key, find)
    }

    /// The candidates this repairer has already found for `key` in the given stage, without searching (a
    /// settled word's first stage is known without one).
    pub(super) fn cached_candidates(&self, key: &str, full: bool) -> Option<Arc<Vec<Candidate>>> {
        self.settled(key, full)
            .or_else(|| self.shared.cache.get(&(key.to_string(), full)))
    }

    /// The first search stage (`full` = false) of a settled word: the word itself (see
    /// [`Shared::settled`]); `None` for any other word or stage.
    fn settled(&self, key: &str, full: bool) -> Option<Arc<Vec<Candidate>>> {
        if full || !self.shared.settled {
            return None;
        }
        let entry = self
            .shared
            .lexicon
            .lookup_key(key)
            .filter(|e| e.flags & Entry::SETTLED != 0)?;
        Some(Arc::new(vec![Candidate::itself(key, entry)]))
    }

    /// The candidates for `key` (lowercase) within `limits`, from the cache when this repairer has
    /// searched them before; `full` tells the two search stages apart in the cache. A settled word's first
    /// stage is the word itself, found without searching.
    pub(super) fn cached_search(&self, key: &str, full: bool, limits: Limits) -> Arc<Vec<Candidate>> {
        if let Some(alone) = self.settled(key, full) {
            return alone;
        }
        self.shared.cache.get_or_owned((key.to_string(), full), || {
            Arc::new(super::candidates::search(
                &self.shared.lexicon,
                &self.shared.channel,
                key,
                limits,
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_send_sync_and_cheap_to_clone() {
        fn check<T: Send + Sync + Clone>() {}
        check::<Repairer>();
        let a = Repairer::new();
        let b = a.clone();
        assert!(Arc::ptr_eq(&a.shared, &b.shared));
        assert_eq!(b.repair("Goteborg").text, "Göteborg");
    }

    #[test]
    fn a_memo_keeps_what_is_used_again_and_stays_within_its_bound() {
        let memo: Memo<String, usize> = Memo::new(64);
        let made = std::cell::Cell::new(0);
        for i in 0..10_000 {
            memo.get_or_owned(format!("once{i}"), || i);
            // A word used all through a long text is found once, however many one-offs pass by (asked by
            // a borrowed key or an owned one alike).
            let v = memo.get_or("hot", || {
                made.set(made.get() + 1);
                7
            });
            assert_eq!(v, 7);
        }
        assert_eq!(made.get(), 1);
        let held: usize = memo
            .shards
            .iter()
            .map(|s| {
                let g = s.lock().unwrap();
                g.young.len() + g.old.len()
            })
            .sum();
        assert!(held <= 64, "{held}");
        assert_eq!(memo.get(&"once9999".to_string()), Some(9999));
    }
}
