//! diakrit repairs OCR'd Swedish board texts and splits them into labelled sections.
//!
//! Scanned protocols and tjänsteutlåtanden come out of OCR with å, ä, ö stripped or misread
//! (`Goteborg`, `bedomning`, `ndmnden`, `&r`, `Al` for `AI`). diakrit restores the words with an embedded
//! Swedish lexicon, an OCR channel model and edit distance, keeps every other byte of the input as it was,
//! then finds the document's headings and emits labelled sections as JSON.
//!
//! ```
//! use diakrit::Repairer;
//!
//! let repairer = Repairer::new();
//! let fixed = repairer.repair("Forslag till beslut\n\nI ndmnden for Intraservice:\n");
//! assert_eq!(fixed.text, "Förslag till beslut\n\nI nämnden för Intraservice:\n");
//! assert_eq!(fixed.edits[0].from, "Forslag");
//!
//! let doc = repairer.process("Forslag till beslut\n\nI ndmnden for Intraservice:\n");
//! assert_eq!(doc.sections[0].label, "proposed_decision");
//!
//! let mut json = diakrit::output::Writer::new(Vec::new(), diakrit::output::Format::JsonLines);
//! json.write(&doc).unwrap();
//! ```
//!
//! Stages, from the bottom up (no module imports from a stage above it):
//! - [`text`], [`lang`] (Swedish word lists), [`token`], [`lexicon`], [`catalogue`] (headings),
//!   [`source`] (read and decode);
//! - [`repair`]: the [`Repairer`], its passes and what they decide;
//! - [`stream`]: long files read and decoded in windows (those of [`repair::window`]), in bounded memory;
//! - [`segment`]: headings, sections, metadata;
//! - [`output`]: the JSON schema and its writers; `process` joins repair, segment and output
//!   ([`Repairer::process`]);
//! - [`ocrxml`]: ALTO, hOCR and PAGE XML repaired in place (their words, coordinates and confidences);
//! - [`pipeline`]: files in parallel, in input order; [`eval`]: word-level accuracy.
//!
//! `ARCHITECTURE.md` in the repository says where each kind of decision lives.
#![warn(missing_docs)]

/// A regex compiled once, on first use: `regex!(r"…")`, or `regex!(format!(…))` for a pattern built
/// from a word list (the closure runs once).
macro_rules! regex {
    ($re:expr $(,)?) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new(&$re).expect("static regex"))
    }};
}

pub mod bench;
pub mod catalogue;
pub mod eval;
pub mod lang;
pub mod lexicon;
pub mod names;
pub mod ocrxml;
pub mod output;
pub mod pipeline;
mod process;
pub mod repair;
pub mod report;
pub mod segment;
pub mod source;
pub mod stream;
pub mod text;
pub mod token;

pub use catalogue::{Catalogue, DocType, Label};
pub use lexicon::Lexicon;
pub use output::Document;
pub use repair::{Config, Edit, EditKind, Repaired, Repairer, RepairerBuilder};
