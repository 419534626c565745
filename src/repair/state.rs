//! One document's state as the repair passes see it (`passes.rs` runs them over it).
use std::collections::HashMap;

use super::edit::{Chosen, Decision};
use super::model::Repairer;
use super::units::{word_units, Unit};
use crate::token::Token;

/// What a document says of its OCR (pass `strip-evidence`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Evidence {
    /// Of the words that carry or lack å, ä, ö, the share the OCR evidently stripped (0 with too little
    /// evidence).
    pub(crate) stripped: f32,
    /// The OCR evidently kept its diacritics: many words written with å, ä, ö, few stripped ones.
    pub(crate) intact: bool,
}

/// A document is stripped when more than this share of its diacritic-bearing words lost their marks.
const STRIPPED_DOCUMENT: f32 = 0.5;

impl Evidence {
    /// Did the OCR evidently strip most of the document's å, ä, ö?
    pub(crate) fn is_stripped(&self) -> bool {
        self.stripped > STRIPPED_DOCUMENT
    }
}

/// Decisions per distinct unit as written, one per token of the unit.
pub(crate) type Decided<'t> = HashMap<(&'t str, &'t str), Vec<Option<Decision>>>;

/// One document's state as the passes see it.
pub(crate) struct Doc<'t> {
    pub(crate) text: &'t str,
    pub(crate) tokens: Vec<Token>,
    /// Every word unit, in text order.
    pub(crate) units: Vec<Unit>,
    /// The distinct units, sorted by their text.
    pub(crate) distinct: Vec<Unit>,
    /// Passes 1 and 2: a decision per distinct unit.
    pub(crate) decided: Decided<'t>,
    /// Pass 2: what the document says of its OCR.
    pub(crate) evidence: Evidence,
    /// Passes 3 on: a decision per occurrence.
    pub(crate) chosen: Chosen,
}

impl<'t> Doc<'t> {
    pub(crate) fn new(repairer: &Repairer, text: &'t str) -> Doc<'t> {
        let tokens = repairer.tokenize(text);
        let units = word_units(text, &tokens);
        let mut distinct = units.clone();
        distinct.sort_by(|a, b| a.key(text).cmp(&b.key(text)));
        distinct.dedup_by(|a, b| a.key(text) == b.key(text));
        Doc {
            text,
            tokens,
            units,
            distinct,
            decided: HashMap::new(),
            evidence: Evidence::default(),
            chosen: HashMap::new(),
        }
    }
}
