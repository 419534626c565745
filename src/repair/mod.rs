//! Repair: restore the words an OCR engine damaged, change nothing else.
//!
//! Each word token is scored as a noisy channel: a candidate `w` for the observed word `o` scores
//! `zipf(w) - cost(o | w)` (see [`channel`]). A valid observed word keeps a bonus
//! ([`Config::keep_margin`]) that a candidate must beat, so right words survive unless the evidence is
//! clearly better (`for` → `för`, `giller` → `gäller`, but never `var` → `vår`). Only word tokens are looked
//! at; URLs, e-mail addresses, case ids, dates and numbers are other token classes and pass through. The
//! output is the input with the repaired words spliced in: every other byte, line breaks included, is kept.
//!
//! The work is a list of passes over one document's state, run in the order `passes.rs` names and
//! explains: the word pass decides each distinct word on its own, the document passes weigh what the
//! document says of its OCR, the phrase rules and the context model look past the single word; then the
//! emit step turns the surviving decisions into edits.
//!
//! Files, from the bottom up (none imports from a file above it): `edit` (edits and decisions),
//! [`channel`] and [`candidates`] (what a word may have been), `calibration`, `bigrams` (the context
//! counts), `model` (the [`Repairer`], its data and thresholds), `units` and `state` (one document as the
//! passes see it), the passes `word`, `document`, `rules` and `context`, then `emit`, `passes` and
//! `explain`.
mod bigrams;
mod calibration;
pub mod candidates;
pub mod channel;
mod context;
mod damage;
mod document;
mod edit;
mod emit;
mod explain;
mod model;
mod passes;
mod rules;
mod state;
mod units;
pub mod window;
mod word;

pub use bigrams::Context;
pub use candidates::{Candidate, Limits};
pub use channel::Channel;
pub(crate) use edit::splice;
pub use edit::{Damage, DamageReport, Edit, EditKind, InputOffsets, Repaired};
pub use explain::{ContextScore, Explanation};
pub use model::{Config, Repairer, RepairerBuilder};

#[cfg(test)]
mod tests;
