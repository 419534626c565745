//! One document's state as the repair passes see it (`passes.rs` runs them over it), and the profile of
//! thresholds a region's damage sets.
use foldhash::HashMap;

use super::edit::{Chosen, DamageReport, Decision};
use super::model::{Config, ProfileBits, Repairer};
use super::units::{word_units, Unit};
use crate::token::Token;

/// The thresholds a word is decided with: how much evidence an edit needs, set by how damaged the text
/// around it is. The first pass decides every word with the profile of a heavily damaged page (the
/// [`Config`] values); the `damage` pass then gives each region the profile its own damage calls for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Profile {
    /// Bonus (log10) of a valid word over a reading that only restores å, ä, ö.
    pub(crate) diacritic_margin: f32,
    /// Bonus (log10) of a valid word over any other reading.
    pub(crate) keep_margin: f32,
    /// Score a reading of an unknown word must beat.
    pub(crate) unknown_bar: f32,
    /// Score a reading of an unknown word that only restores å, ä, ö must beat.
    pub(crate) unknown_diacritic_bar: f32,
    /// How much cleaner than a heavily damaged page this one is: the log-odds (log10) of its words being
    /// right, over those of the heavily damaged page (0 for one as damaged or worse).
    pub(crate) lift: f32,
    /// May an unknown word take an edit no channel rule names?
    pub(crate) generic: bool,
    /// Did the OCR keep its diacritics here?
    pub(crate) intact: bool,
    /// Estimated share of å, ä, ö the OCR stripped here.
    pub(crate) strip_rate: f32,
    /// Is the text in older Swedish (the rules of older grammar apply)?
    pub(crate) older: bool,
}

impl Profile {
    /// The profile of a heavily damaged page: the thresholds of `config`.
    pub(crate) fn heavy(config: &Config) -> Profile {
        Profile {
            diacritic_margin: config.keep_margin,
            keep_margin: config.keep_margin,
            unknown_bar: config.unknown_score,
            unknown_diacritic_bar: config.unknown_score,
            lift: 0.0,
            generic: true,
            intact: false,
            strip_rate: 0.0,
            older: false,
        }
    }

    /// The profile as a cache key: the bits of its numbers and its flags.
    pub(crate) fn bits(&self) -> ProfileBits {
        [
            self.diacritic_margin.to_bits(),
            self.keep_margin.to_bits(),
            self.unknown_bar.to_bits(),
            self.unknown_diacritic_bar.to_bits(),
            self.lift.to_bits(),
            self.strip_rate.to_bits(),
            u32::from(self.generic) | u32::from(self.intact) << 1 | u32::from(self.older) << 2,
        ]
    }

    /// A document is stripped when more than this share of its å, ä, ö was lost.
    pub(crate) fn stripped(&self) -> bool {
        self.strip_rate > STRIPPED_DOCUMENT
    }
}

/// A region is stripped when more than this share of its diacritic-bearing words lost their marks.
pub(crate) const STRIPPED_DOCUMENT: f32 = 0.5;

/// Decisions per distinct unit (keyed by its index in [`Doc::distinct`]), one per token of the unit; no
/// entry for a unit not decided with this profile (it occurs in no region of it). A map, not a vector: a
/// long document has dozens of profiles, each deciding a few of its units.
pub(crate) type Decided = HashMap<usize, Vec<Option<Decision>>>;

/// A stretch of the document whose damage is estimated on its own: a page, or a run of paragraphs of a
/// long page.
#[derive(Clone, Debug)]
pub(crate) struct Region {
    /// Where its last token ends (bytes).
    pub(crate) end: usize,
    /// Index into [`Doc::profiles`].
    pub(crate) profile: usize,
}

/// One document's state as the passes see it.
pub(crate) struct Doc<'t> {
    pub(crate) text: &'t str,
    pub(crate) tokens: Vec<Token>,
    /// Every word unit, in text order.
    pub(crate) units: Vec<Unit>,
    /// The distinct units, in the order of their first occurrence.
    pub(crate) distinct: Vec<Unit>,
    /// For each unit, its index in `distinct`.
    pub(crate) unit_ids: Vec<usize>,
    /// The profiles in use; the first is the heavy one pass `words` decides with.
    pub(crate) profiles: Vec<Profile>,
    /// A decision per distinct unit, per profile.
    pub(crate) decided: Vec<Decided>,
    /// The regions, in text order, covering every token.
    pub(crate) regions: Vec<Region>,
    /// Lines in Danish, Norwegian or English (byte ranges, [`crate::lang::foreign_lines`]): no evidence of
    /// the OCR's damage, and no edits.
    pub(crate) foreign: Vec<(usize, usize)>,
    /// What the `damage` pass found, for the report.
    pub(crate) damage: DamageReport,
    /// Passes `occurrences` on: a decision per occurrence.
    pub(crate) chosen: Chosen,
    /// Decide the words on all the pool's threads: false for a window repaired beside others, which keep
    /// the threads busy already (a window's words split across threads make every window wait on the
    /// slowest part of another).
    pub(crate) parallel: bool,
}

impl<'t> Doc<'t> {
    pub(crate) fn new(repairer: &Repairer, text: &'t str, parallel: bool) -> Doc<'t> {
        let tokens = repairer.tokenize(text);
        let units = word_units(text, &tokens);
        // Number the units by their text, the first of equals standing for them. Words and words cut at a
        // line end in maps of their own: a map keyed by a pair of strings hashed several times slower.
        let mut words: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(units.len() / 4, Default::default());
        let mut halves: HashMap<(&str, &str), usize> = HashMap::default();
        let mut distinct: Vec<Unit> = Vec::new();
        let mut number = |u: &Unit| {
            distinct.push(*u);
            distinct.len() - 1
        };
        let unit_ids: Vec<usize> = units
            .iter()
            .map(|u| match u {
                Unit::Word(t) => *words.entry(t.text(text)).or_insert_with(|| number(u)),
                Unit::Hyphenated(..) => *halves.entry(u.key(text)).or_insert_with(|| number(u)),
            })
            .collect();
        Doc {
            text,
            tokens,
            units,
            distinct,
            unit_ids,
            profiles: vec![Profile::heavy(repairer.config())],
            decided: Vec::new(),
            regions: vec![Region {
                end: text.len(),
                profile: 0,
            }],
            foreign: crate::lang::foreign_lines(text),
            damage: DamageReport::default(),
            chosen: HashMap::default(),
            parallel,
        }
    }

    /// The region of the token starting at byte `start`.
    pub(crate) fn region_at(&self, start: usize) -> &Region {
        let i = self.regions.partition_point(|r| r.end <= start);
        &self.regions[i.min(self.regions.len() - 1)]
    }

    /// The profile of the token starting at byte `start`.
    pub(crate) fn profile_at(&self, start: usize) -> &Profile {
        &self.profiles[self.region_at(start).profile]
    }

    /// Is the byte at `pos` in a line of Danish, Norwegian or English?
    pub(crate) fn in_foreign_line(&self, pos: usize) -> bool {
        let i = self.foreign.partition_point(|l| l.1 < pos);
        self.foreign.get(i).is_some_and(|l| l.0 <= pos)
    }

    /// The decisions of unit `u` (an index into `units`) with profile `p`.
    pub(crate) fn decisions(&self, p: usize, u: usize) -> &[Option<Decision>] {
        self.decided[p].get(&self.unit_ids[u]).map_or(&[], Vec::as_slice)
    }
}
