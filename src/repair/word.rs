//! The word pass: each distinct word, on its own, against the candidates the channel and the lexicon
//! offer for it. A candidate scores `prior(w) - cost(o | w)`; the word as written keeps a bonus that the
//! best candidate must beat, and guards for short words, words with digits, names and acronyms decide
//! which kinds of edit a word may take at all.
use rayon::prelude::*;

use super::candidates::{Candidate, Limits};
use super::edit::{confidence_of_margin, Casing, Decision, EditKind};
use super::model::Repairer;
use super::state::{Decided, Doc, Profile};
use super::units::{split_like, Unit};
use crate::lexicon::Entry;
use crate::text::{lower_nfc, Case};

/// A valid word is weighed only against readings that cost at most this (log10 units).
const VALID_MAX_COST: f32 = 2.0;
/// Words of at most this many characters are short: they are replaced only by common words, and a valid
/// one may take a dropped letter (`fr` for för, `til` for till).
const SHORT_CHARS: usize = 3;
/// A short word is replaced only by a word at least this frequent (Zipf): short rare words are noise.
const SHORT_MIN_ZIPF: f32 = 3.0;
/// A short word with digits in it becomes a very common word (`p4`: på) or nothing (`b4`, `D1` are codes).
const DIGITS_MIN_ZIPF: f32 = 5.0;
/// A word in capitals of at most this many characters is an acronym, known or not.
const ACRONYM_MAX_CHARS: usize = 5;
/// A capitalised word shorter than this is not searched for dropped letters or unnamed edits: a name.
const NAME_FULL_SEARCH_CHARS: usize = 6;
/// A capitalised word this long may take one unnamed edit into a common word (`Besknivning`).
const LONG_CHARS: usize = 8;
/// A common word: a scan confusion into it is allowed for a capitalised word (`Stittelsen`: Stiftelsen).
const COMMON_ZIPF: f32 = 3.5;
/// A very common word: a capitalised word of six or seven letters may take a dropped letter into it.
const VERY_COMMON_ZIPF: f32 = 4.5;
/// An unknown capitalised word is not read through a reading dearer than this (a name, not damage).
const NAME_MAX_COST: f32 = 2.0;
/// Zipf × 100 an older word (`lärer`, `härå`) weighs at least, however rare the lexicon says it is.
const OLDER_WORD_ZIPF100: u16 = 300;
/// How much likelier (log10) than the observed word an acronym must be to replace it (`Al` → `AI`).
const ACRONYM_BONUS: f32 = 1.0;
/// A word this long ending in `-s` is valid when its stem is (a genitive or s-passive).
const S_FORM_MIN_CHARS: usize = 5;
/// Decide the distinct words in parallel from this many on.
const PARALLEL_MIN_WORDS: usize = 64;
/// The forms of a verb of the first conjugation (kalla, kallar, kallade, kallat, kallad, kallas, …).
const FIRST_CONJUGATION: [&str; 9] = ["a", "ar", "ade", "at", "ad", "as", "ades", "ats", "ande"];
/// A word is a form of such a verb when its stem has at least this many letters …
const PARADIGM_MIN_STEM: usize = 4;
/// … and the lexicon lists at least this many of its other forms.
const PARADIGM_MIN_FORMS: usize = 2;

/// Pass `words`: decide every distinct unit of the document with the profile of a heavily damaged page.
pub(super) fn decide_words(r: &Repairer, doc: &mut Doc) {
    let all: Vec<usize> = (0..doc.distinct.len()).collect();
    let heavy = doc.profiles[0];
    doc.decided = vec![r.decide_all(doc.text, &doc.distinct, &all, &heavy, doc.parallel)];
}

impl Repairer {
    /// Decide the units `which` (indexes into `distinct`) of `text` with `profile`, in parallel when there
    /// are many and `parallel` allows; the others are left undecided.
    pub(super) fn decide_all(
        &self,
        text: &str,
        distinct: &[Unit],
        which: &[usize],
        profile: &Profile,
        parallel: bool,
    ) -> Decided {
        let decide = |&i: &usize| (i, self.decide_unit(text, &distinct[i], profile));
        if parallel && which.len() > PARALLEL_MIN_WORDS {
            which.par_iter().map(decide).collect()
        } else {
            which.iter().map(decide).collect()
        }
    }

    /// The candidates of the first search stage for `key` (lowercase), as the word pass finds them.
    pub(super) fn first_stage(&self, key: &str) -> std::sync::Arc<Vec<Candidate>> {
        self.cached_search(key, false, self.limits_for(key, false))
    }

    /// Does `word` stand alone in the first search stage: is it a valid word for which the channel names no
    /// reading but itself? Repair then has nothing to weigh against it. The embedded lexicon records the
    /// answer for each of its words ([`Entry::SETTLED`]); this asks the search.
    ///
    /// ```
    /// let r = diakrit::Repairer::new();
    /// assert!(!r.settles("for")); // för
    /// assert!(!r.settles("bedomning")); // no word
    /// assert!(r.settles("protokoll"));
    /// ```
    pub fn settles(&self, word: &str) -> bool {
        let key = lower_nfc(word);
        let shared = &self.shared;
        shared.lexicon.lookup_key(&key).is_some_and(Entry::is_valid) && {
            let found = super::candidates::search(&shared.lexicon, &shared.channel, &key, self.limits_for(&key, false));
            found.len() == 1 && found[0].word == key
        }
    }

    /// All candidates within the full limits (what `explain` shows, and what `known` looks at).
    pub(super) fn search(&self, key: &str) -> std::sync::Arc<Vec<Candidate>> {
        self.cached_search(key, true, self.limits_for(key, true))
    }

    /// Search limits for `key`: a valid word is only weighed against readings the channel names (no
    /// compounds, no dropped letters, no unnamed edits); `full` = false gives the cheap first stage.
    pub(super) fn limits_for(&self, key: &str, full: bool) -> Limits {
        let chars = key.chars().count();
        let valid = self.shared.lexicon.lookup_key(key).is_some_and(Entry::is_valid);
        let mut limits = self.shared.config.limits;
        limits.compound_penalty = self.shared.config.compound_penalty;
        if valid || !full || chars < self.shared.config.generic_min_chars {
            limits.generic_edits = 0;
        }
        // A short word is the one place a dropped letter is common and cheap to weigh (fr for för, til for
        // till): a valid one of at most three letters is weighed against its readings with one restored.
        let short_valid = valid && chars <= SHORT_CHARS;
        if !short_valid && (valid || !full) {
            limits.insertions = false;
        }
        if valid {
            limits.max_parts = 1;
            limits.max_cost = limits.max_cost.min(VALID_MAX_COST);
        }
        limits
    }

    pub(super) fn score(&self, c: &Candidate) -> f32 {
        self.prior(c) - c.cost
    }

    pub(super) fn prior(&self, c: &Candidate) -> f32 {
        if c.is_compound() {
            super::candidates::compound_prior(&c.parts, self.shared.config.compound_penalty)
        } else {
            c.entry.zipf()
        }
    }

    pub(super) fn decide_unit(&self, text: &str, u: &Unit, p: &Profile) -> Vec<Option<Decision>> {
        match *u {
            Unit::Word(t) if fragment(text, t) => vec![None],
            Unit::Word(t) => vec![self.decide(t.text(text), p)],
            Unit::Hyphenated(l, r) => {
                let (lt, rt) = (l.text(text), r.text(text));
                let lkey = lower_nfc(lt);
                let joined = format!("{lt}{rt}");
                // A word cut at a line end is decided whole, then the replacement is cut again: its halves
                // are no words of their own (kommu-/nen is neither komma nor ner).
                if let Some(d) = self.decide(&joined, p) {
                    let (a, b) = split_like(&lower_nfc(&joined), lkey.chars().count(), &d.to);
                    let mk = |to: String| Decision { to, ..d.clone() };
                    return vec![Some(mk(a)), Some(mk(b))];
                }
                if self.known(&joined) {
                    return vec![None, None];
                }
                // No word when joined: the hyphen belongs (AI-/tjdnster); the halves are words of their own,
                // but a left half that is no word is left alone.
                let lvalid = self.shared.lexicon.lookup_key(&lkey).is_some_and(Entry::is_valid);
                vec![if lvalid { self.decide(lt, p) } else { None }, self.decide(rt, p)]
            }
        }
    }

    /// Is `word` valid as written, as a word or as a compound of words?
    pub(super) fn known(&self, word: &str) -> bool {
        let key = lower_nfc(word);
        self.shared.lexicon.lookup_key(&key).is_some_and(Entry::is_valid)
            || self.search(&key).iter().any(|c| c.word == key && c.cost == 0.0)
    }

    pub(super) fn decide(&self, word: &str, p: &Profile) -> Option<Decision> {
        self.cached_decision(word, p.bits(), || self.decide_uncached(word, p))
    }

    fn decide_uncached(&self, word: &str, p: &Profile) -> Option<Decision> {
        // A word with a soft hyphen or a zero-width character in it was typeset, not scanned: it is kept as written.
        let key = lower_nfc(word);
        if word.contains(crate::token::invisible_in_word) {
            return None;
        }
        if key.chars().count() < self.shared.config.min_chars || !key.chars().any(char::is_alphabetic) {
            return None;
        }
        // Digits stand for letters only where an engine without Swedish writes them for å, ä, ö (4, 6),
        // or inside a longer word (ti1l); elsewhere the token is a code (D1, E1, v5, 1a).
        let cs: Vec<char> = key.chars().collect();
        let digit_ok = |i: usize, c: char| {
            matches!(c, '4' | '6')
                || (cs.len() >= 4
                    && i > 0
                    && i + 1 < cs.len()
                    && cs[i - 1].is_alphabetic()
                    && cs[i + 1].is_alphabetic())
        };
        if cs
            .iter()
            .enumerate()
            .any(|(i, &c)| c.is_ascii_digit() && !digit_ok(i, c))
        {
            return None;
        }
        let entry = self.shared.lexicon.lookup_key(&key);
        // An older spelling of a word (blifvande, hvar, hemställes) is that word: it weighs as the modern
        // spelling does. An older word the lexicon lists as rare (lärer, härå) weighs as a common one.
        let older = if entry.is_some_and(Entry::is_valid) {
            crate::lang::OLDER_WORDS
                .contains(&key.as_str())
                .then(|| {
                    entry.map(|e| Entry {
                        zipf100: e.zipf100.max(OLDER_WORD_ZIPF100),
                        ..e
                    })
                })
                .flatten()
        } else {
            self.older_form_of(&key, p.older)
        };
        let valid = entry.is_some_and(Entry::is_valid) || older.is_some() || self.inflection_of_valid(&key);
        let entry = older.or(entry.filter(|e| e.is_valid()));
        let case = Case::of(word);
        // An all-capitals word the lexicon knows, or any short one, is an acronym: leave it.
        if case == Case::Upper && (valid || key.chars().count() <= ACRONYM_MAX_CHARS) {
            return None;
        }
        if let Some(d) = self.acronym_reading(word, entry) {
            return Some(d);
        }
        // Two stages: the readings the channel names first; dropped letters and unnamed edits only when
        // they found nothing better than the word as written. Most damage is found by the first, cheaply.
        let mut decision = None;
        // A capitalised word may not take a dropped letter or an unnamed edit unless it is long (see
        // `choose`), nor a word in capitals anything but diacritics: the full search cannot help them.
        let chars = key.chars().count();
        let stages: &[bool] = if (case == Case::Title && chars < NAME_FULL_SEARCH_CHARS) || case == Case::Upper {
            &[false]
        } else {
            &[false, true]
        };
        for &full in stages {
            let limits = self.limits_for(&key, full);
            let cands = self.cached_search(&key, full, limits);
            decision = self.choose(&key, word, entry, valid, &cands, p);
            let known = valid || cands.iter().any(|c| c.word == key && c.cost == 0.0);
            // A first-stage reading that only restores å, ä, ö is taken; one that needed a degraded-scan
            // confusion is weighed against the full search (tll: til by l→i, or till by a dropped i).
            if known || decision.as_ref().is_some_and(|d| !d.scan) {
                break;
            }
        }
        decision
    }

    /// Pick the best candidate if it beats the word as written.
    fn choose(
        &self,
        key: &str,
        word: &str,
        entry: Option<Entry>,
        valid: bool,
        cands: &[Candidate],
        p: &Profile,
    ) -> Option<Decision> {
        let case = Case::of(word);
        let own = cands.iter().find(|c| c.word == key);
        // What a candidate must beat: the word as written plus a keep bonus (the adapted `margin` for a
        // diacritic-only reading, the full one otherwise), or the score of an unknown word.
        let written = match (valid, own) {
            (true, _) => Some(entry.map_or(0.0, Entry::zipf)),
            // Unknown as a word but a compound of known words: keep it like a valid word.
            (false, Some(c)) if c.cost == 0.0 => Some(self.prior(c)),
            _ => None,
        };
        let bar = |c: &Candidate| match written {
            Some(w) if c.kind == EditKind::Diacritic && c.scan_rules == 0 => w + p.diacritic_margin,
            Some(w) => w + p.keep_margin,
            None if c.kind == EditKind::Diacritic && c.scan_rules == 0 => p.unknown_diacritic_bar,
            None => p.unknown_bar,
        };
        // A short word is only replaced by a common one: short rare words are mostly noise. A word of two
        // letters, or a capitalised one of three, is not read through a degraded-scan confusion (of is no
        // oj, Ra no Ta, Dec no Det). A word with digits in it becomes a very common word or nothing (p4: på;
        // b4, Q4, D1 are codes).
        let chars = key.chars().count();
        let short = chars <= SHORT_CHARS;
        let no_scan = chars <= 2 || (short && case == Case::Title);
        let digits = key.chars().any(|c| c.is_ascii_digit());
        let mut scored: Vec<(f32, &Candidate)> = cands
            .iter()
            .filter(|c| c.word != key && !(short && c.entry.zipf() < SHORT_MIN_ZIPF))
            .filter(|c| !(no_scan && c.scan_rules > 0))
            .filter(|c| !(digits && short && c.entry.zipf() < DIGITS_MIN_ZIPF))
            // A word written small is no name that is only ever written capitalised (utlånta: no Atlanta). A
            // word only the board texts have, written capitalised there, that no name list has is a label
            // (Ärendenummer), no name.
            .filter(|c| !(case == Case::Lower && c.entry.flags & Entry::NAME != 0 && is_name_entry(c)))
            .map(|c| (self.score(c), c))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.word.cmp(&b.1.word)));
        let (best_score, best) = *scored.first()?;
        // Where no unnamed edit is allowed, a word whose best reading needs one is kept (not read through
        // the next best: a stricter profile never edits what a laxer one keeps).
        if !p.generic && best.kind == EditKind::Spelling {
            return None;
        }
        // The best reading is the word's own modern spelling (behöfligt: behövligt): an older spelling,
        // right as written.
        if !valid && crate::lang::modern_spellings(key, p.older).contains(&best.word) {
            return None;
        }
        let base = bar(best);
        if best_score <= base {
            return None;
        }
        // An unknown capitalised word may be a name: only restore diacritics or cheap OCR confusions,
        // never a dropped letter, a degraded-scan confusion or an unnamed edit (Akbas is no Aktbas, Hulter no
        // Kulter). Capitals: diacritics only.
        // A scan confusion is allowed when it yields a common word that is no name (Stittelsen: Stiftelsen).
        let common = best.entry.flags & Entry::NAME == 0 && best.entry.zipf() >= COMMON_ZIPF && best.scan_rules <= 1;
        // A long capitalised word may even take one unnamed edit into a common word (Besknivning).
        // One of six or seven a dropped letter into a very common word (Motonen: Motionen, Handing: Handling).
        let long = chars >= LONG_CHARS
            || (chars >= NAME_FULL_SEARCH_CHARS
                && best.kind != EditKind::Spelling
                && best.entry.zipf() >= VERY_COMMON_ZIPF);
        let unnamed = best.kind == EditKind::Spelling || best.insertions > 0;
        let bold = (unnamed && !(common && long)) || (best.scan_rules > 0 && !common);
        if !valid
            && ((case == Case::Title && (bold || best.cost > NAME_MAX_COST))
                || (case == Case::Upper && best.kind != EditKind::Diacritic))
        {
            return None;
        }
        let rival = scored.get(1).map_or(base, |s| s.0.max(base));
        let margin = best_score - rival;
        let upper = best.entry.flags & Entry::ACRONYM != 0 && case != Case::Lower;
        Some(Decision {
            to: best.word.clone(),
            kind: best.kind,
            confidence: confidence_of_margin(margin),
            casing: if upper { Casing::Upper } else { Casing::Observed },
            scan: best.scan_rules > 0 || best.insertions > 0,
            real_word: valid,
            parts: best.parts.len() as u8,
        })
    }

    /// The entry of the modern word an older spelling stands for (`blifvande` → blivande, `hvar` → var,
    /// `hemställes` → hemställas; with `older_grammar` also `der` → där), when there is one.
    pub(super) fn older_form_of(&self, key: &str, older_grammar: bool) -> Option<Entry> {
        let lexicon = &self.shared.lexicon;
        // An older word, alone or after a first part that is a word (pågingo, tillkommo).
        let older_word = crate::lang::OLDER_WORDS.iter().any(|o| {
            key.strip_suffix(o).is_some_and(|head| {
                head.is_empty()
                    || (o.chars().count() >= 4
                        && head.chars().count() >= 2
                        && lexicon.lookup_key(head).is_some_and(|e| e.is_valid()))
            })
        });
        if older_word {
            return Some(Entry {
                zipf100: OLDER_WORD_ZIPF100,
                compound: 0,
                flags: Entry::VALID,
            });
        }
        let modern = crate::lang::modern_spellings(key, older_grammar);
        let listed = modern
            .iter()
            .filter_map(|m| lexicon.lookup_key(m).filter(|e| e.is_valid()))
            .max_by(|a, b| a.zipf100.cmp(&b.zipf100));
        // A modern spelling may be a compound no list has (afslöts: av + slöts).
        listed.or_else(|| {
            modern
                .iter()
                .any(|m| m != key && self.written_is_word(m))
                .then_some(Entry {
                    zipf100: 0,
                    compound: 0,
                    flags: Entry::VALID,
                })
        })
    }

    /// Is `key` (lowercase) a word as written: in the lexicon, a form grammar makes of one, or a compound
    /// of lexicon words (by a search of the first stage)?
    pub(super) fn written_is_word(&self, key: &str) -> bool {
        if self.shared.lexicon.lookup_key(key).is_some_and(Entry::is_valid) || self.inflection_of_valid(key) {
            return true;
        }
        self.first_stage(key).iter().any(|c| c.word == key && c.cost == 0.0)
    }

    /// [`Repairer::written_is_word`], searching only if the word pass has not (a code, an acronym, half of
    /// a word cut at a line end): the answer never depends on what else the batch held.
    pub(super) fn written_is_word_cached(&self, key: &str) -> bool {
        if self.shared.lexicon.lookup_key(key).is_some_and(Entry::is_valid) || self.inflection_of_valid(key) {
            return true;
        }
        match self.cached_candidates(key, false) {
            Some(cands) => cands.iter().any(|c| c.word == key && c.cost == 0.0),
            None => self.written_is_word(key),
        }
    }

    /// Swedish forms the word lists do not enumerate but grammar makes of any word: the genitive or
    /// s-passive `-s` (`klimateffekternas`, `samverkats`), and a footnote mark glued to a word (`stånd1`).
    fn inflection_of_valid(&self, key: &str) -> bool {
        let valid = |k: &str| !k.is_empty() && self.shared.lexicon.lookup_key(k).is_some_and(Entry::is_valid);
        let stem = key.trim_end_matches(|c: char| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹".contains(c));
        if stem.len() < key.len() && valid(stem) {
            return true;
        }
        if key.chars().count() >= S_FORM_MIN_CHARS && key.strip_suffix('s').is_some_and(valid) {
            return true;
        }
        // A form of a verb of the first conjugation whose other forms the lexicon lists (uppflyttas: the
        // lexicon has uppflyttad and uppflyttade).
        FIRST_CONJUGATION.iter().any(|suffix| {
            key.strip_suffix(suffix).is_some_and(|stem| {
                stem.chars().count() >= PARADIGM_MIN_STEM
                    && FIRST_CONJUGATION
                        .iter()
                        .filter(|&o| o != suffix && valid(&format!("{stem}{o}")))
                        .take(PARADIGM_MIN_FORMS)
                        .count()
                        >= PARADIGM_MIN_FORMS
            })
        })
    }

    /// `Al` for `AI`: in many fonts a capital I and a small l are the same glyph, so a capitalised word of
    /// capitals and small l's is read as the acronym with I's when the lexicon has that acronym.
    fn acronym_reading(&self, word: &str, entry: Option<Entry>) -> Option<Decision> {
        let mut chars = word.chars();
        let first = chars.next()?;
        let rest: Vec<char> = chars.collect();
        if !first.is_uppercase() || !rest.contains(&'l') || !rest.iter().all(|&c| c == 'l' || c.is_uppercase()) {
            return None;
        }
        let reading: String = std::iter::once(first)
            .chain(rest.iter().map(|&c| if c == 'l' { 'I' } else { c }))
            .collect();
        let acr = self.shared.lexicon.lookup(&reading)?;
        if acr.flags & Entry::ACRONYM == 0 {
            return None;
        }
        // The observed word, if a word at all, is a common noun written capitalised (al, All): the
        // acronym wins unless the observed word is far more frequent.
        let own = entry.filter(|e| e.is_valid()).map_or(f32::MIN, Entry::zipf);
        let margin = acr.zipf() + ACRONYM_BONUS - own;
        (margin > 0.0).then(|| Decision {
            to: reading.to_lowercase(),
            kind: EditKind::OcrConfusion,
            confidence: confidence_of_margin(margin),
            casing: Casing::Upper,
            scan: true,
            real_word: false,
            parts: 1,
        })
    }
}

/// Is word token `t` a piece of a word rather than a word: one touching a character the text extraction
/// could not map (`kommunika�on`, a lost `ti` ligature), or a short first part joined by a hyphen
/// written small (`re-investeringar`, `re-⏎och ersättningsinvesteringar`, `e-tjänst`)? Such a piece is kept as
/// written.
fn fragment(text: &str, t: crate::token::Token) -> bool {
    let (before, after) = (&text[..t.start], &text[t.end..]);
    if before.ends_with('\u{fffd}') || after.starts_with('\u{fffd}') {
        return true;
    }
    // Written small: `Al-funktioner` is the acronym AI misread, to be read as such.
    let w = t.text(text);
    let short = w.chars().count() <= HYPHEN_PART_MAX_CHARS && w.chars().all(char::is_lowercase);
    short && after.starts_with('-') && after[1..].starts_with(|c: char| c.is_alphabetic() || c == '\n' || c == '\r')
}

/// A first part joined by a hyphen is a piece of a word, no word to repair, up to this many letters.
const HYPHEN_PART_MAX_CHARS: usize = 3;

/// Is a candidate the lexicon writes capitalised a name: a Hunspell form, or, capitalised, a known first
/// name, surname or place?
fn is_name_entry(c: &Candidate) -> bool {
    let mut cs = c.word.chars();
    c.entry.compound & Entry::STANDALONE != 0
        || cs
            .next()
            .is_some_and(|f| crate::names::is_name(&(f.to_uppercase().collect::<String>() + cs.as_str())))
}
