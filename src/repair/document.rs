//! The document passes: what the document as a whole says about its OCR and its words.
//!
//! - `strip-evidence`: how much of its å, ä, ö the OCR stripped (from the word decisions), and whether it
//!   kept them; a stripped document weighs its valid ASCII words against their diacritic twins again with
//!   a smaller keep bonus (`innebar` is far likelier `innebär` there than in clean text).
//! - `occurrences`: each occurrence takes its word's decision, unless the document kept its diacritics and
//!   the edit is doubtful there (a name as written: `Arby`), or it would break a suspended compound part.
//! - `document-cache`: the document as its own dictionary (`Söderström` somewhere restores `Soderstrom`).
use std::collections::HashMap;

use super::edit::{Casing, Decision, EditKind, RULE_CONFIDENCE};
use super::model::Repairer;
use super::state::{Decided, Doc, Evidence};
use super::units::Unit;
use crate::lexicon::Entry;
use crate::text::{fold, lower_nfc, Case};
use crate::token::{Kind, Token};

/// Fewer stripped words than this are no evidence of stripping.
const MIN_STRIPPED_WORDS: usize = 5;
/// A document kept its diacritics when it has at least this many words written with å, ä, ö …
const INTACT_MIN_KEPT: usize = 20;
/// … and more than this many times as many of them as stripped ones.
const INTACT_KEPT_PER_STRIPPED: usize = 5;
/// Where the OCR kept its diacritics, a valid word yields only to a reading at least this sure (raw).
const INTACT_MIN_CONFIDENCE: f32 = 0.9;
/// Where the OCR kept its diacritics, an unknown word of at least this many characters that only lacks
/// them is stripped all the same (`Sammantradesdatum`); a shorter one may be a name (`Arby`).
const INTACT_LONG_STRIP_CHARS: usize = 9;
/// Shortest word the document cache restores.
const CACHE_MIN_CHARS: usize = 3;

/// Pass `strip-evidence`: measure the stripping, and in a stripped document decide the valid ASCII words
/// again with the keep bonus shrunk by [`Config::strip_adaptation`](super::Config::strip_adaptation).
pub(super) fn adapt_to_stripping(r: &Repairer, doc: &mut Doc) {
    doc.evidence = strip_evidence(doc.text, &doc.units, &doc.decided);
    let config = &r.shared.config;
    if doc.evidence.is_stripped() && config.strip_adaptation > 0.0 {
        let margin = config.keep_margin * (1.0 - config.strip_adaptation * doc.evidence.stripped);
        let text = doc.text;
        let again: Vec<&Unit> = doc
            .distinct
            .iter()
            .filter(|u| {
                matches!(u, Unit::Word(_))
                    && doc.decided[&u.key(text)].iter().all(Option::is_none)
                    && u.key(text).0.contains(['a', 'o', 'A', 'O'])
            })
            .collect();
        let redecided = r.decide_all(text, &again, margin);
        doc.decided.extend(redecided);
    }
}

/// Of the words that carry or lack å, ä, ö, the share the OCR evidently stripped: words repaired by
/// restoring diacritics only, against words written with å, ä, ö that are right as they stand. Near 1
/// for an engine without Swedish, near 0 for a Swedish engine or clean text. 0 with too little evidence.
/// Also says whether the document evidently kept its diacritics (many words written with å, ä, ö, few
/// stripped ones): there an unknown capitalised word is a name as written (Arby, Sanda), not a
/// stripped Årby or Sända, and a valid word yields only to a near-certain reading.
fn strip_evidence(text: &str, units: &[Unit], decided: &Decided) -> Evidence {
    let (mut stripped, mut kept) = (0usize, 0usize);
    for u in units {
        for (tok, d) in u.tokens().into_iter().zip(&decided[&u.key(text)]) {
            match d {
                Some(d) if d.kind == EditKind::Diacritic => stripped += 1,
                None if tok.text(text).contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) => kept += 1,
                _ => {}
            }
        }
    }
    let intact = kept >= INTACT_MIN_KEPT && stripped * INTACT_KEPT_PER_STRIPPED < kept;
    if stripped < MIN_STRIPPED_WORDS {
        return Evidence { stripped: 0.0, intact };
    }
    Evidence {
        stripped: stripped as f32 / (stripped + kept) as f32,
        intact,
    }
}

/// Pass `occurrences`: per occurrence, the decisions that survive the document-level checks.
pub(super) fn choose_occurrences(r: &Repairer, doc: &mut Doc) {
    let text = doc.text;
    for u in &doc.units {
        for (tok, d) in u.tokens().into_iter().zip(&doc.decided[&u.key(text)]) {
            let Some(d) = d else { continue };
            let doubtful = doc.evidence.intact && r.doubtful_in_intact_text(tok.text(text), d);
            if !(doubtful || r.breaks_suspended_prefix(text, &tok, d)) {
                doc.chosen.insert(tok.start, d.clone());
            }
        }
    }
}

impl Repairer {
    /// `skol- och fritidsförvaltningen`: a word before a suspended hyphen is the first part of a compound.
    /// It is kept when it can begin a compound as written, and only repaired into a form that can.
    fn breaks_suspended_prefix(&self, text: &str, tok: &Token, d: &Decision) -> bool {
        let after = &text[tok.end..];
        if !(after.starts_with("- ") || after.starts_with("-, ")) {
            return false;
        }
        let begins = |w: &str| {
            self.shared
                .lexicon
                .lookup(w)
                .is_some_and(|e| e.compound & Entry::BEGIN != 0)
        };
        begins(tok.text(text)) || !begins(&d.to)
    }

    /// In a document that kept its diacritics: is this edit of a name or of a valid word too doubtful?
    fn doubtful_in_intact_text(&self, from: &str, d: &Decision) -> bool {
        let valid = self.shared.lexicon.contains(from);
        // A long unknown word that only lacks its diacritics is stripped (`Sammantradesdatum`); a short one
        // may be a name as written (`Arby`).
        let long_strip = d.kind == EditKind::Diacritic && d.to.chars().count() >= INTACT_LONG_STRIP_CHARS;
        (Case::of(from) == Case::Title && !valid && !d.scan && !long_strip)
            || (valid && d.confidence < INTACT_MIN_CONFIDENCE)
    }
}

/// Pass `document-cache`: the document as its own dictionary: a word it writes with å, ä, ö somewhere
/// (Gårda, Söderström) restores the stripped spelling of the same word elsewhere in it (Garda,
/// Soderstrom), even where the lexicon does not know the word or a name guard held the repair back. Only
/// unknown stripped words are touched, and only when one spelling with diacritics folds to them.
pub(super) fn apply_document_cache(r: &Repairer, doc: &mut Doc) {
    let (text, tokens, chosen) = (doc.text, &doc.tokens, &mut doc.chosen);
    let mut seen: HashMap<String, Option<String>> = HashMap::new();
    for t in tokens
        .iter()
        .filter(|t| t.kind == Kind::Word && !chosen.contains_key(&t.start))
    {
        let w = lower_nfc(t.text(text));
        if w.chars().count() >= CACHE_MIN_CHARS && w.contains(['å', 'ä', 'ö']) {
            let slot = seen.entry(fold(&w)).or_insert_with(|| Some(w.clone()));
            if slot.as_ref().is_some_and(|s| *s != w) {
                *slot = None;
            }
        }
    }
    if seen.is_empty() {
        return;
    }
    let undecided: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.kind == Kind::Word && !chosen.contains_key(&t.start))
        .collect();
    for t in undecided {
        let w = lower_nfc(t.text(text));
        if w.contains(['å', 'ä', 'ö']) || r.shared.lexicon.lookup_key(&w).is_some_and(Entry::is_valid) {
            continue;
        }
        if let Some(Some(to)) = seen.get(&w) {
            let d = Decision {
                to: to.clone(),
                kind: EditKind::Diacritic,
                confidence: RULE_CONFIDENCE,
                casing: Casing::Observed,
                scan: false,
            };
            chosen.insert(t.start, d);
        }
    }
}
