//! The Swedish lexicon: which words exist, how frequent they are, and how they compound.
//!
//! The embedded lexicon (`data/lexicon.fst`, built by `scripts/build_lexicon.py` from Hunspell sv_SE forms
//! and wordfreq's Swedish frequencies, see `data/LEXICON.md`) is an FST map from a lowercased word to a
//! packed [`Entry`]. It is memory-mapped straight from the binary, so loading costs nothing measurable; it
//! is read-only and shared across threads. Users add words with [`Lexicon::with_extra_words`]; those go into
//! a second, small FST that every lookup and candidate search consults too.
use std::borrow::Cow;
use std::sync::OnceLock;

use fst::{Map, MapBuilder};

static EMBEDDED_FST: &[u8] = include_bytes!("../data/lexicon.fst");

/// Zipf value given to a valid word that wordfreq does not list (rarer than anything it lists, 1.0).
pub const UNLISTED_ZIPF: f32 = 0.8;

/// What the lexicon knows of one lowercased word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Zipf frequency × 100 from wordfreq (100 = once per 10⁸ words, 700 = once per 100 words);
    /// 0 when wordfreq does not list the word.
    pub zipf100: u16,
    /// Hunspell compounding bits: [`Entry::STANDALONE`], [`Entry::BEGIN`], [`Entry::MIDDLE`], [`Entry::END`].
    pub compound: u8,
    /// [`Entry::VALID`], [`Entry::NAME`], [`Entry::ACRONYM`], [`Entry::SETTLED`].
    pub flags: u8,
}

impl Entry {
    /// A Hunspell form of its own (not compound-only).
    pub const STANDALONE: u8 = 1;
    /// May begin a compound.
    pub const BEGIN: u8 = 2;
    /// May stand inside a compound.
    pub const MIDDLE: u8 = 4;
    /// May end a compound.
    pub const END: u8 = 8;

    /// A word of its own: repair keeps it unless the evidence for another word is clearly better.
    pub const VALID: u8 = 1;
    /// Written capitalised only (a name: Göteborg, Söderström).
    pub const NAME: u8 = 2;
    /// Written in capitals only (AI, EU).
    pub const ACRONYM: u8 = 4;
    /// A valid word for which the first stage of the candidate search (the readings the OCR channel names)
    /// finds no word but itself, so repair need not search it: what [`crate::Repairer::settles`] answers,
    /// recorded for every key of the embedded lexicon by `examples/settle_lexicon.rs`. Read only with the
    /// embedded lexicon alone and the default search limits, the ones it was recorded with.
    pub const SETTLED: u8 = 8;

    /// The value stored in the FST.
    pub fn pack(self) -> u64 {
        u64::from(self.zipf100) | u64::from(self.compound) << 16 | u64::from(self.flags) << 24
    }

    /// The inverse of [`Entry::pack`].
    pub fn unpack(v: u64) -> Entry {
        Entry {
            zipf100: (v & 0xffff) as u16,
            compound: (v >> 16 & 0xff) as u8,
            flags: (v >> 24 & 0xff) as u8,
        }
    }

    /// Is this a word of its own?
    pub fn is_valid(self) -> bool {
        self.flags & Entry::VALID != 0
    }

    /// Zipf frequency (log10 of frequency per 10⁹ words); [`UNLISTED_ZIPF`] when wordfreq lacks the word.
    pub fn zipf(self) -> f32 {
        if self.zipf100 == 0 {
            UNLISTED_ZIPF
        } else {
            f32::from(self.zipf100) / 100.0
        }
    }

    fn merge(self, other: Entry) -> Entry {
        Entry {
            zipf100: self.zipf100.max(other.zipf100),
            compound: self.compound | other.compound,
            flags: self.flags | other.flags,
        }
    }
}

/// An error building a lexicon from user words.
#[derive(Debug)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LexiconError {}

/// A set of FST maps from lowercased word to [`Entry`]: the embedded one and, optionally, user words.
pub struct Lexicon {
    maps: Vec<Map<Cow<'static, [u8]>>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("maps", &self.maps.len())
            .field("keys", &self.len())
            .finish()
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

impl Lexicon {
    /// The lexicon compiled into the binary, loaded once and shared.
    pub fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::new)
    }

    /// The embedded lexicon, shared (what a [`crate::Repairer`] holds by default).
    pub(crate) fn embedded_arc() -> std::sync::Arc<Lexicon> {
        static LEX: OnceLock<std::sync::Arc<Lexicon>> = OnceLock::new();
        std::sync::Arc::clone(LEX.get_or_init(|| std::sync::Arc::new(Lexicon::new())))
    }

    /// The embedded lexicon plus the words of a word list: one word a line, optionally followed by a tab
    /// and a Zipf frequency (0–9, default 3); `#` starts a comment. Errors name the line.
    ///
    /// ```
    /// let lex = diakrit::Lexicon::from_word_list("# local names\nTånghag\t4.0\nSörred\n").unwrap();
    /// assert!(lex.contains("tånghag") && lex.contains("Sörred"));
    /// assert_eq!(diakrit::Lexicon::from_word_list("x\ty").unwrap_err().to_string(), "line 1: frequency \"y\" is not a number");
    /// ```
    pub fn from_word_list(text: &str) -> Result<Lexicon, LexiconError> {
        let mut words = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            let w = f.next().unwrap_or("").trim();
            let z = match f.next().map(str::trim) {
                None | Some("") => None,
                Some(z) => Some(
                    z.parse::<f32>()
                        .map_err(|_| LexiconError(format!("line {}: frequency {z:?} is not a number", n + 1)))?,
                ),
            };
            words.push((w.to_string(), z));
        }
        Lexicon::with_extra_words(words)
    }

    /// An owned handle on the lexicon compiled into the binary (no copy: the FST is read in place).
    pub fn new() -> Lexicon {
        Lexicon {
            maps: vec![embedded_map()],
        }
    }

    /// The embedded lexicon plus user words. `words` yields `(word, zipf)`; a word without a frequency gets
    /// Zipf 3.0 (a moderately common word), so it is kept when seen and preferred to rare lookalikes.
    /// Words are valid standalone words and may begin or end compounds.
    ///
    /// ```
    /// let lex = diakrit::Lexicon::with_extra_words([("Tånghag", None), ("Sörredsvägen", Some(2.5))]).unwrap();
    /// assert_eq!(lex.lookup("sörredsvägen").unwrap().zipf(), 2.5);
    /// ```
    pub fn with_extra_words<I, S>(words: I) -> Result<Lexicon, LexiconError>
    where
        I: IntoIterator<Item = (S, Option<f32>)>,
        S: AsRef<str>,
    {
        let mut entries: Vec<(String, Entry)> = Vec::new();
        for (w, z) in words {
            let key = crate::text::lower_nfc(w.as_ref().trim());
            if key.is_empty() {
                continue;
            }
            let z = z.unwrap_or(3.0);
            if !(0.0..=9.0).contains(&z) {
                return Err(LexiconError(format!(
                    "frequency {z} of {key:?} is not a Zipf value (0..9)"
                )));
            }
            let w = w.as_ref().trim();
            let mut flags = Entry::VALID;
            if w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()) {
                flags |= Entry::ACRONYM;
            } else if w.chars().next().is_some_and(char::is_uppercase) {
                flags |= Entry::NAME;
            }
            let e = Entry {
                zipf100: (z * 100.0).round() as u16,
                compound: Entry::STANDALONE | Entry::BEGIN | Entry::END,
                flags,
            };
            entries.push((key, e));
        }
        entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        entries.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 = a.1.merge(b.1);
                true
            } else {
                false
            }
        });
        let mut b = MapBuilder::memory();
        for (k, e) in &entries {
            b.insert(k.as_bytes(), e.pack())
                .map_err(|e| LexiconError(e.to_string()))?;
        }
        let bytes = b.into_inner().map_err(|e| LexiconError(e.to_string()))?;
        let extra = Map::new(Cow::Owned(bytes)).map_err(|e| LexiconError(e.to_string()))?;
        Ok(Lexicon {
            maps: vec![embedded_map(), extra],
        })
    }

    /// Look up a word in any case; the key is lowercased and NFC-normalised first.
    ///
    /// ```
    /// let e = diakrit::Lexicon::embedded().lookup("Bedömning").unwrap();
    /// assert!(e.is_valid() && e.zipf() > 3.0);
    /// assert!(!diakrit::Lexicon::embedded().contains("bedomning"));
    /// ```
    pub fn lookup(&self, word: &str) -> Option<Entry> {
        self.lookup_key(&crate::text::lower_nfc(word))
    }

    /// Look up an already lowercased NFC key.
    pub fn lookup_key(&self, key: &str) -> Option<Entry> {
        let mut found: Option<Entry> = None;
        for m in &self.maps {
            if let Some(v) = m.get(key.as_bytes()) {
                let e = Entry::unpack(v);
                found = Some(found.map_or(e, |f| f.merge(e)));
            }
        }
        found
    }

    /// Is `word` (any case) a valid word?
    pub fn contains(&self, word: &str) -> bool {
        self.lookup(word).is_some_and(Entry::is_valid)
    }

    /// The valid words of at least `min_zipf`, with their frequency, in key order (of every map; a word in
    /// two maps comes twice). For tools that make text from the lexicon (the throughput benches).
    ///
    /// ```
    /// let common = diakrit::Lexicon::embedded().words_above(6.0);
    /// assert!(common.iter().any(|(w, _)| w == "och"));
    /// ```
    pub fn words_above(&self, min_zipf: f32) -> Vec<(String, f32)> {
        use fst::Streamer;
        let mut out = Vec::new();
        for m in &self.maps {
            let mut s = m.stream();
            while let Some((k, v)) = s.next() {
                let e = Entry::unpack(v);
                if e.is_valid() && e.zipf() >= min_zipf {
                    if let Ok(w) = std::str::from_utf8(k) {
                        out.push((w.to_string(), e.zipf()));
                    }
                }
            }
        }
        out
    }

    /// Number of keys (all maps together, a key in two maps counted twice).
    pub fn len(&self) -> usize {
        self.maps.iter().map(|m| m.len()).sum()
    }

    /// True when there are no keys at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Is this the embedded lexicon and nothing else (no user words), the one whose [`Entry::SETTLED`]
    /// marks hold?
    pub(crate) fn is_embedded(&self) -> bool {
        self.maps.len() == 1 && std::ptr::eq(self.maps[0].as_fst().as_bytes().as_ptr(), EMBEDDED_FST.as_ptr())
    }

    pub(crate) fn fsts(&self) -> impl Iterator<Item = &fst::raw::Fst<Cow<'static, [u8]>>> {
        self.maps.iter().map(|m| m.as_fst())
    }
}

fn embedded_map() -> Map<Cow<'static, [u8]>> {
    // The file is produced by our own build script and checked by the tests; a corrupt one is a build bug.
    Map::new(Cow::Borrowed(EMBEDDED_FST)).expect("data/lexicon.fst is a valid FST map")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_roundtrip() {
        let e = Entry {
            zipf100: 715,
            compound: 15,
            flags: 3,
        };
        assert_eq!(Entry::unpack(e.pack()), e);
    }

    #[test]
    fn embedded_has_swedish_forms_and_frequencies() {
        let lex = Lexicon::embedded();
        assert!(lex.len() > 900_000, "{}", lex.len());
        for w in [
            "för",
            "Göteborg",
            "bedömning",
            "nämnden",
            "är",
            "AI",
            "Söderström",
            "förvaltningens",
        ] {
            assert!(lex.contains(w), "{w} should be valid");
        }
        assert!(lex.lookup("för").unwrap().zipf() > 7.0);
        assert!(lex.lookup("AI").unwrap().flags & Entry::ACRONYM != 0);
        assert!(lex.lookup("Söderström").unwrap().flags & Entry::NAME != 0);
    }

    #[test]
    fn stripped_web_spellings_are_not_words() {
        let lex = Lexicon::embedded();
        for w in ["goteborg", "fran", "pa", "maste", "aven", "bedomning", "ndmnden"] {
            assert!(!lex.contains(w), "{w} must not be valid");
        }
    }

    #[test]
    fn compound_bits_guard_false_splits() {
        let lex = Lexicon::embedded();
        let idag = lex.lookup("idag").unwrap();
        assert_eq!(idag.compound & Entry::END, 0, "idag may not end a compound");
        assert_ne!(lex.lookup("nämnds").unwrap().compound & Entry::BEGIN, 0);
    }

    #[test]
    fn extra_words_are_found_and_merged() {
        let lex = Lexicon::with_extra_words([("Tånghag", None), ("Sörredsvägen", Some(2.5))]).unwrap();
        assert!(lex.contains("tånghag"));
        assert_eq!(lex.lookup("Sörredsvägen").unwrap().zipf100, 250);
        assert!(lex.lookup("Tånghag").unwrap().flags & Entry::NAME != 0);
        assert!(lex.contains("för"));
        assert!(Lexicon::with_extra_words([("x", Some(12.0))]).is_err());
    }

    #[test]
    fn is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Lexicon>();
    }
}
