//! The damage pass: how damaged the document's OCR is, estimated from the text itself, per document and
//! per region, and the thresholds ([`Profile`]) that follows for each region.
//!
//! From the first pass's decisions each word is evidence: a word written with å, ä, ö that is right as it
//! stands says the OCR kept its diacritics; a word that only lacks them says it stripped them; a word that
//! is no word at all (or one with OCR symbols for letters, `&r`) says the OCR damaged it. Two rates follow,
//! each a Beta posterior so that a short text with little evidence falls back on its prior:
//!
//! - the strip rate `r = (stripped + 0.5) / (stripped + kept + 4.5)`: 0.11 with no evidence, so a short text
//!   is taken as a page that kept its diacritics unless it shows stripped words;
//! - the error rate `e = (unknown + 50 · 0.02) / (words + 50)`: 0.02 with no evidence (the rate at which
//!   right words of older or rarer Swedish are unknown to the lexicon).
//!
//! A region (a page, or a run of paragraphs of a long page) is estimated the same way with the document's
//! rates as its prior. The profile: on a page as damaged as the heavily damaged tuning set the thresholds
//! are [`Config`](super::Config)'s; the cleaner the page, the larger the bonus of the word as written (by
//! the log-odds of the page being right), and on a page that kept its diacritics a reading that restores
//! them needs more evidence still, by the log-odds of its strip rate.
use foldhash::HashSet;

use super::edit::{Damage, DamageReport, Decision, EditKind};
use super::model::Repairer;
use super::state::{Doc, Profile, Region, STRIPPED_DOCUMENT};
use super::units::Unit;
use crate::lang::{modern_spellings, pre_reform_pattern, reform_spelling, OLDER_MARKERS, OLDER_WORDS};
use crate::text::{lower_nfc, Case};
use crate::token::Kind;

/// Beta prior of the strip rate: pseudo-counts of stripped and of kept words (mean 0.11).
const STRIP_PRIOR: (f32, f32) = (0.5, 4.0);
/// Prior of the error rate: its mean, and its weight in words.
const ERROR_PRIOR: (f32, f32) = (0.02, 50.0);
/// Weight, in words, of the document's rates as the prior of a region's.
const REGION_PRIOR_WORDS: f32 = 20.0;
/// The error rate of the pages the heavy profile was tuned on (`../shared/eval/dev`): pages at least this
/// damaged get the [`Config`](super::Config) thresholds.
const HEAVY_ERROR_RATE: f32 = 0.15;
/// How much of the log-odds of a page being right goes into the keep bonus of a valid word …
const KEEP_SLOPE: f32 = 1.0;
/// … and into the score an unknown word's reading must beat.
const UNKNOWN_SLOPE: f32 = 2.0;
/// How much of the log-odds of a page having kept its diacritics goes into the bonus of a valid word
/// over a reading that restores them.
const DIACRITIC_SLOPE: f32 = 0.8;
/// Below this error rate an unknown word takes no edit that no channel rule names.
const GENERIC_MIN_ERROR: f32 = 0.05;
/// A page kept its diacritics when its strip rate is at most this …
const INTACT_STRIP_RATE: f32 = 0.2;
/// … and its document writes at least this many words with å, ä, ö as they stand: a text with no
/// such evidence either way (a heading of four words) is not taken as kept.
const INTACT_MIN_KEPT: usize = 2;
/// A page that kept its diacritics is clean when its error rate is at most this.
const CLEAN_ERROR_RATE: f32 = 0.05;
/// Pages longer than this many words are cut into regions at blank lines.
const REGION_WORDS: usize = 400;
/// A document is in older spelling or grammar when at least this many of its words are markers of it.
const ORTHOGRAPHY_MARKERS: usize = 2;
/// … and at least this share of its words.
const ORTHOGRAPHY_RATE: f32 = 0.005;

/// The evidence of one stretch of text.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    words: usize,
    kept: usize,
    stripped: f32,
    unknown: f32,
    symbols: usize,
    pre_reform: usize,
    older: usize,
    /// Weak markers of older text (see [`Marker::Weak`]).
    weak: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.words += o.words;
        self.kept += o.kept;
        self.stripped += o.stripped;
        self.unknown += o.unknown;
        self.symbols += o.symbols;
        self.pre_reform += o.pre_reform;
        self.older += o.older;
        self.weak += o.weak;
    }
}

/// The two rates of a stretch, given the prior `(strip mean, strip weight, error mean, error weight)`.
fn rates(c: &Counts, prior: (f32, f32, f32, f32)) -> (f32, f32) {
    let (rm, rw, em, ew) = prior;
    let r = (c.stripped + rm * rw) / (c.stripped + c.kept as f32 + rw);
    let e = (c.unknown + em * ew) / (c.words as f32 + ew);
    (r, e)
}

fn log_odds(x: f32) -> f32 {
    let x = x.clamp(0.001, 0.999);
    ((1.0 - x) / x).log10()
}

/// Pass `damage`: estimate, assign each region its profile, and decide the words of every region whose
/// profile is not the heavy one again with its own.
pub(super) fn estimate(r: &Repairer, doc: &mut Doc) {
    let spans = region_spans(doc);
    let counts = count(r, doc, &spans);
    let mut total = Counts::default();
    for c in &counts {
        total += *c;
    }
    let (dr, de) = document_rates(&total);
    let doc_orthography = orthography(&total);
    let heavy = doc.profiles[0];
    let mut regions_out = Vec::new();
    doc.regions.clear();
    for (&(a, b), c) in spans.iter().zip(&counts) {
        // A document of one region is that region: its evidence is not counted twice.
        let (rr, re) = if spans.len() == 1 {
            (dr, de)
        } else {
            rates(c, (dr, REGION_PRIOR_WORDS * 0.25, de, REGION_PRIOR_WORDS))
        };
        // The forms of the older grammar are read only in older text that kept its diacritics.
        let older = doc_orthography != "modern" && rr <= STRIPPED_DOCUMENT;
        let intact = rr <= INTACT_STRIP_RATE && total.kept >= INTACT_MIN_KEPT;
        let profile = profile(&heavy, r.config().strip_adaptation, rr, re, older, intact);
        let idx = match doc.profiles.iter().position(|p| *p == profile) {
            Some(i) => i,
            None => {
                doc.profiles.push(profile);
                doc.profiles.len() - 1
            }
        };
        doc.regions.push(Region {
            end: span(doc, a, b).1,
            profile: idx,
        });
        regions_out.push(report(c, rr, re, intact, orthography(c), span(doc, a, b)));
    }
    let intact = dr <= INTACT_STRIP_RATE && total.kept >= INTACT_MIN_KEPT;
    let document = report(&total, dr, de, intact, doc_orthography, (0, doc.text.len()));
    doc.damage = DamageReport {
        document,
        regions: regions_out,
    };
    redecide(r, doc);
}

/// The damage of a text repaired in windows (`window.rs`), from the report of each window and where it
/// starts: the regions of all, moved to offsets in the whole text of `len` bytes, and the document's rates
/// from the counts of all windows. Its orthography is the one of the windows holding most words.
pub(super) fn join(parts: &[(usize, DamageReport)], len: usize) -> DamageReport {
    let mut total = Counts::default();
    let mut regions = Vec::new();
    let mut by_orthography: Vec<(&'static str, usize)> = Vec::new();
    for (offset, r) in parts {
        let d = &r.document;
        total += Counts {
            words: d.words,
            kept: d.kept,
            stripped: d.stripped,
            unknown: d.unknown,
            symbols: d.symbols,
            ..Counts::default()
        };
        match by_orthography.iter_mut().find(|(o, _)| *o == d.orthography) {
            Some((_, n)) => *n += d.words,
            None => by_orthography.push((d.orthography, d.words)),
        }
        regions.extend(r.regions.iter().map(|g| g.clone().moved(*offset)));
    }
    let (dr, de) = document_rates(&total);
    let intact = dr <= INTACT_STRIP_RATE && total.kept >= INTACT_MIN_KEPT;
    // The first of equals: the text's own order decides a tie.
    let orthography = by_orthography
        .iter()
        .fold(("modern", 0), |best, &(o, n)| if n > best.1 { (o, n) } else { best })
        .0;
    DamageReport {
        document: report(&total, dr, de, intact, orthography, (0, len)),
        regions,
    }
}

/// The two rates of a whole document, from its counts and the priors.
fn document_rates(total: &Counts) -> (f32, f32) {
    let (strip_prior, error_prior) = (STRIP_PRIOR.0 / (STRIP_PRIOR.0 + STRIP_PRIOR.1), ERROR_PRIOR.0);
    rates(
        total,
        (strip_prior, STRIP_PRIOR.0 + STRIP_PRIOR.1, error_prior, ERROR_PRIOR.1),
    )
}

/// The thresholds of a page with strip rate `sr` and error rate `er`.
fn profile(heavy: &Profile, strip_adaptation: f32, sr: f32, er: f32, older: bool, intact: bool) -> Profile {
    // Quantised, so that regions alike share their decisions.
    let (sr, er) = ((sr * 100.0).round() / 100.0, (er * 100.0).round() / 100.0);
    // A page that stripped its diacritics is heavily damaged whatever its other errors.
    let lift = if sr > STRIPPED_DOCUMENT {
        0.0
    } else {
        (log_odds(er) - log_odds(HEAVY_ERROR_RATE)).max(0.0)
    };
    let keep_margin = heavy.keep_margin + KEEP_SLOPE * lift;
    // On a page that kept its diacritics a reading that restores them needs the log-odds of the page
    // having stripped them on top.
    let restore = DIACRITIC_SLOPE * (log_odds(sr) - log_odds(STRIPPED_DOCUMENT)).max(0.0);
    let diacritic_margin = if sr > STRIPPED_DOCUMENT {
        keep_margin * (1.0 - strip_adaptation * sr)
    } else {
        keep_margin + restore
    };
    Profile {
        diacritic_margin,
        keep_margin,
        unknown_bar: heavy.unknown_bar + UNKNOWN_SLOPE * lift,
        unknown_diacritic_bar: heavy.unknown_bar + UNKNOWN_SLOPE * lift + restore,
        lift,
        generic: er >= GENERIC_MIN_ERROR,
        intact,
        strip_rate: sr,
        older,
    }
}

fn report(c: &Counts, sr: f32, er: f32, intact: bool, orthography: &'static str, span: (usize, usize)) -> Damage {
    let class = if sr > STRIPPED_DOCUMENT {
        "stripped"
    } else if intact && er <= CLEAN_ERROR_RATE {
        "clean"
    } else if intact {
        "light"
    } else {
        "mixed"
    };
    let r3 = |x: f32| (x * 1000.0).round() / 1000.0;
    Damage {
        words: c.words,
        kept: c.kept,
        stripped: c.stripped,
        unknown: c.unknown,
        symbols: c.symbols,
        strip_rate: r3(sr),
        error_rate: r3(er),
        class,
        orthography,
        span,
    }
}

fn orthography(c: &Counts) -> &'static str {
    // At least two markers, and at least one in ORTHOGRAPHY_RATE⁻¹ words: a long modern text may hold a
    // quotation or a name that looks older.
    // Weak markers count only beside a strong one.
    let enough = |strong: usize| {
        let n = strong + c.weak;
        strong > 0 && n >= ORTHOGRAPHY_MARKERS && n as f32 >= ORTHOGRAPHY_RATE * c.words as f32
    };
    if enough(c.pre_reform) && c.pre_reform >= c.older {
        "pre-reform"
    } else if enough(c.older + c.pre_reform) {
        "older"
    } else {
        "modern"
    }
}

/// The byte span of tokens `[a, b)`.
fn span(doc: &Doc, a: usize, b: usize) -> (usize, usize) {
    let start = doc.tokens.get(a).map_or(doc.text.len(), |t| t.start);
    let end = if b == 0 {
        0
    } else {
        doc.tokens.get(b - 1).map_or(doc.text.len(), |t| t.end)
    };
    (start, end.max(start))
}

/// The regions as token ranges: pages (form feeds), and a page of more than [`REGION_WORDS`] words cut
/// at the first blank line after every [`REGION_WORDS`] words.
fn region_spans(doc: &Doc) -> Vec<(usize, usize)> {
    let tokens = &doc.tokens;
    let mut out = Vec::new();
    let (mut start, mut words, mut newlines) = (0, 0, 0);
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            Kind::Word => {
                words += 1;
                newlines = 0;
            }
            Kind::Newline => newlines += 1,
            Kind::Space => {}
            _ => newlines = 0,
        }
        let page = t.kind == Kind::PageBreak;
        let paragraph = newlines >= 2 && words >= REGION_WORDS;
        if (page && words > 0) || paragraph {
            out.push((start, i + 1));
            (start, words, newlines) = (i + 1, 0, 0);
        }
    }
    if start < tokens.len() || out.is_empty() {
        match out.last_mut() {
            // A tail without words joins the region before it.
            Some(last) if words == 0 => last.1 = tokens.len(),
            _ => out.push((start, tokens.len())),
        }
    }
    out
}

/// What a distinct word as written is: a word (or a form or compound of words), a marker of the spelling
/// before 1906, a marker of the older grammar.
#[derive(Clone, Copy)]
struct Written {
    word: bool,
    marker: Marker,
}

/// What [`count`] weighs of a word as written (a distinct unit's word, or one half of a word cut at a line
/// end that is no word joined), found once per distinct unit.
#[derive(Clone, Copy)]
struct Evidence {
    /// The right half's token (of a word cut at a line end whose halves count apart), else the first.
    right: bool,
    /// Capitalised: may be a name inside a sentence.
    title: bool,
    /// Has a symbol an engine puts for a letter.
    symbols: bool,
    /// Has å, ä or ö.
    diacritics: bool,
    written: Written,
    /// The kind of the first pass's edit of it.
    edit: Option<EditKind>,
}

/// A word of a unit as written, and whether it is the right half's.
type HalfWord<'t> = (bool, std::borrow::Cow<'t, str>);

/// The evidence of distinct unit `u` (one word, or the halves of a word cut at a line end): none for a word
/// that is no evidence of the OCR (typeset, too short, an acronym).
fn evidence(r: &Repairer, doc: &Doc, u: &Unit, decisions: &[Option<Decision>]) -> [Option<Evidence>; 2] {
    let text = doc.text;
    let first = decisions.first().and_then(Option::as_ref);
    // A word cut at a line end is one word when joined (kommu-/nen), else its halves are two (AI-/tjänster).
    let (words, edit): ([Option<HalfWord<'_>>; 2], _) = match *u {
        Unit::Hyphenated(left, right) => {
            let joined = format!("{}{}", left.text(text), right.text(text));
            if first.is_some() || r.written_is_word_cached(&lower_nfc(&joined)) {
                ([Some((false, joined.into())), None], first)
            } else {
                (
                    [
                        Some((false, left.text(text).into())),
                        Some((true, right.text(text).into())),
                    ],
                    None,
                )
            }
        }
        Unit::Word(t) => ([Some((false, t.text(text).into())), None], first),
    };
    words.map(|w| {
        let (right, w) = w?;
        // A word with a soft hyphen or a zero-width character was typeset, not scanned: no evidence of the OCR.
        if w.contains(crate::token::invisible_in_word) {
            return None;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let case = Case::of(&w);
        if letters < 2 || (case == Case::Upper && letters <= 5) {
            return None;
        }
        let lower = lower_nfc(&w);
        let (word, marker) = r.cached_facts(&lower, || (r.written_is_word_cached(&lower), markers(r, &lower) as u8));
        Some(Evidence {
            right,
            title: case == Case::Title,
            symbols: w.chars().any(|ch| !ch.is_alphabetic() && r.is_confusable_symbol(ch)),
            diacritics: w.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']),
            written: Written {
                word,
                marker: Marker::from(marker),
            },
            edit: edit.map(|d| d.kind),
        })
    })
}

/// The evidence of each region (token ranges `spans`), from the first pass's decisions.
fn count(r: &Repairer, doc: &Doc, spans: &[(usize, usize)]) -> Vec<Counts> {
    let text = doc.text;
    let mut out = vec![Counts::default(); spans.len()];
    // What each distinct unit's words are as written, found at its first occurrence.
    let mut found: Vec<Option<[Option<Evidence>; 2]>> = vec![None; doc.distinct.len()];
    // Units come in text order: the token index and the region of each only move forward.
    let (mut at, mut region) = (0, 0);
    for (ui, u) in doc.units.iter().enumerate() {
        let start = u.first().start;
        while at < doc.tokens.len() && doc.tokens[at].start < start {
            at += 1;
        }
        while region + 1 < spans.len() && spans[region].1 <= at {
            region += 1;
        }
        let c = &mut out[region];
        if doc.in_foreign_line(u.first().start) {
            continue;
        }
        let id = doc.unit_ids[ui];
        let items = *found[id].get_or_insert_with(|| evidence(r, doc, u, doc.decisions(0, ui)));
        for e in items.iter().flatten() {
            c.words += 1;
            // A capitalised word inside a sentence may be a name: half the weight as evidence.
            let start = match *u {
                Unit::Hyphenated(_, right) if e.right => right.start,
                _ => u.first().start,
            };
            let weight = if e.title && !crate::text::sentence_start(text, start, crate::text::LIST_MARKS) {
                0.5
            } else {
                1.0
            };
            c.symbols += usize::from(e.symbols);
            // A word that only lacks its diacritics is stripped evidence, never a marker of older text.
            let restored = e.edit == Some(EditKind::Diacritic);
            let marker = e.written.marker;
            let old_form = !restored && marker != Marker::None;
            if !restored {
                match marker {
                    Marker::PreReform => c.pre_reform += 1,
                    Marker::Older => c.older += 1,
                    Marker::Weak => c.weak += 1,
                    Marker::None => {}
                }
            }
            match e.edit {
                Some(EditKind::Diacritic) => c.stripped += weight,
                Some(_) if old_form => {}
                Some(_) => c.unknown += if e.symbols { 1.0 } else { weight },
                None if e.written.word => c.kept += usize::from(e.diacritics),
                None if old_form => {}
                None => c.unknown += weight,
            }
        }
    }
    out
}

/// What a word as written says of the text's age.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Marker {
    None = 0,
    /// The spelling before 1906: a spelling the reform's rules map onto a word (`hvilka`, `behöfver`, `af`,
    /// `vigtig`) and no likelier modern word itself, or e for ä (`tjenst`, `eger`, `sjelf`).
    PreReform = 1,
    /// The older grammar: an older word (`äro`, `voro`, `huru`) or ending (`hemställes`, `kommo`,
    /// `tagarne`).
    Older = 2,
    /// What older text writes but a modern one may too: `icke`, `vore`, `torde`, a single consonant for a
    /// double one (`skilnaden`; a word the OCR lost a letter of looks the same), the -e forms (`antoge`).
    Weak = 3,
}

impl From<u8> for Marker {
    fn from(v: u8) -> Marker {
        match v {
            1 => Marker::PreReform,
            2 => Marker::Older,
            3 => Marker::Weak,
            _ => Marker::None,
        }
    }
}

/// What `key` (lowercase) says of the text's age (see [`Marker`]).
fn markers(r: &Repairer, key: &str) -> Marker {
    let lexicon = r.lexicon();
    let valid = |w: &str| lexicon.lookup_key(w).is_some_and(|e| e.is_valid());
    let own = lexicon.lookup_key(key).filter(|e| e.is_valid());
    if pre_reform_pattern(key) || reform_spelling(key) != key {
        // The modern spelling must be a word, and likelier than the word as written (af: av; not afton,
        // affär, whose reform spellings are no words).
        let modern = modern_spellings(key, false)
            .iter()
            .filter_map(|m| lexicon.lookup_key(m).filter(|e| e.is_valid()))
            .map(|e| e.zipf100)
            .max();
        if modern.is_some_and(|m| own.is_none_or(|o| m > o.zipf100)) {
            return Marker::PreReform;
        }
    }
    if OLDER_MARKERS.contains(&key) {
        return Marker::Older;
    }
    if OLDER_WORDS.contains(&key) {
        return Marker::Weak;
    }
    if own.is_some() {
        return Marker::None;
    }
    if modern_spellings(key, false).iter().any(|m| valid(m)) {
        return Marker::Older;
    }
    // e for ä, which no engine makes of a modern word.
    let e_for_ä = key
        .char_indices()
        .filter(|&(_, c)| c == 'e')
        .any(|(i, _)| valid(&format!("{}ä{}", &key[..i], &key[i + 1..])));
    if e_for_ä {
        return Marker::PreReform;
    }
    if modern_spellings(key, true).iter().any(|m| valid(m)) {
        Marker::Weak
    } else {
        Marker::None
    }
}

/// Decide, with each region's profile, the units of the regions whose profile is not the heavy one.
///
/// A unit the heavy profile left alone is left alone by a stricter one, and only needs deciding again when
/// its region's profile is laxer somewhere: on a stripped page, for a reading that only restores å, ä, ö.
fn redecide(r: &Repairer, doc: &mut Doc) {
    let mut per_profile: Vec<Vec<usize>> = vec![Vec::new(); doc.profiles.len()];
    let mut seen: HashSet<(usize, usize)> = HashSet::default();
    for (ui, u) in doc.units.iter().enumerate() {
        let p = doc.region_at(u.first().start).profile;
        let id = doc.unit_ids[ui];
        if p == 0 || !seen.insert((id, p)) {
            continue;
        }
        if may_change(r, doc, id, &doc.profiles[p]) {
            per_profile[p].push(id);
        }
    }
    let decided: Vec<_> = per_profile
        .iter()
        .enumerate()
        .skip(1)
        .map(|(p, which)| r.decide_all(doc.text, &doc.distinct, which, &doc.profiles[p], doc.parallel))
        .collect();
    doc.decided.extend(decided);
}

/// Could profile `p` decide distinct unit `id` otherwise than the heavy profile did? Every threshold of a
/// profile that is not stripped is at least the heavy one's (the bonus of the word as written, the bars
/// of unknown words; no unnamed edits where the heavy profile allowed them; more older forms valid), so a
/// unit the heavy profile kept stays kept. A stripped profile lowers only the bar of readings that restore
/// å, ä, ö for a word as written: a kept unit changes only if it is one and the search found such a
/// reading.
fn may_change(r: &Repairer, doc: &Doc, id: usize, p: &Profile) -> bool {
    let heavy = doc.decided[0].get(&id).map_or(&[][..], Vec::as_slice);
    // An older profile makes more words valid, which lifts the name guards of unknown words: decide again.
    if heavy.iter().any(Option::is_some) || p.older {
        return true;
    }
    match doc.distinct[id] {
        Unit::Word(t) if p.stripped() => {
            // The lower bar is that of a word as written (a word of the lexicon, a form or compound of
            // words): an unknown word's readings face the heavy profile's bar there too.
            let key = lower_nfc(t.text(doc.text));
            (r.written_is_word_cached(&key) || r.older_form_of(&key, p.older).is_some())
                && r.cached_candidates(&key, false).is_none_or(|cands| {
                    cands
                        .iter()
                        .any(|c| c.kind == EditKind::Diacritic && c.scan_rules == 0 && c.word != key)
                })
        }
        Unit::Word(_) => false,
        Unit::Hyphenated(..) => true,
    }
}
