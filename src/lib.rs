//! diakrit repairs OCR'd Swedish board texts and splits them into labelled sections.
//!
//! Scanned protocols and tjänsteutlåtanden come out of OCR with å, ä, ö stripped or misread
//! (`Goteborg`, `bedomning`, `ndmnden`, `&r`, `Al` for `AI`). diakrit restores the words with an embedded
//! Swedish lexicon, an OCR channel model and edit distance, keeps every other byte of the input as it was,
//! then finds the document's headings and emits labelled sections as JSON.
//!
//! ```
//! use diakrit::{Repairer, segment};
//!
//! let repairer = Repairer::new();
//! let fixed = repairer.repair("Forslag till beslut\n\nI ndmnden for Intraservice:\n");
//! assert_eq!(fixed.text, "Förslag till beslut\n\nI nämnden för Intraservice:\n");
//! assert_eq!(fixed.edits[0].from, "Forslag");
//!
//! let doc = segment::segment(&fixed.text);
//! assert_eq!(doc.sections[0].label, "proposed_decision");
//! ```
//!
//! Stages, one module each: [`source`] (read and decode), [`token`] (byte-offset tokens), [`lexicon`],
//! [`channel`] and [`candidates`] (what a word may have been), [`repair`] (decide and splice),
//! [`segment`] (headings, sections, metadata), [`output`] (the JSON schema), [`pipeline`] (files in
//! parallel).
pub mod candidates;
pub mod channel;
pub mod context;
pub mod eval;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod repair;
mod rules;
pub mod segment;
pub mod source;
pub mod text;
pub mod token;

pub use lexicon::Lexicon;
pub use repair::{Edit, EditKind, Repaired, Repairer};
