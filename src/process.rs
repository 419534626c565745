//! The whole job on one text: repair it, segment the repaired text, and assemble the [`Document`] with
//! every span mapped back to the input.
use crate::output::{self, Document};
use crate::repair::Repairer;
use crate::segment;
use crate::source::{Encoding, Source};
use crate::token::Kind;

impl Repairer {
    /// Repair and segment `text` into its `diakrit/1` document (source `-`).
    ///
    /// ```
    /// let doc = diakrit::Repairer::new().process("Forslag till beslut\n\nI ndmnden for Intraservice:\n\nRapporten antecknas.\n");
    /// assert_eq!(doc.sections[0].label, "proposed_decision");
    /// assert_eq!(doc.metadata.decision_body.as_deref(), Some("nämnden för Intraservice"));
    /// assert_eq!(doc.edits[0].from, "Forslag");
    /// ```
    pub fn process(&self, text: &str) -> Document {
        self.process_source(&Source {
            name: "-".into(),
            text: text.to_string(),
            encoding: Encoding::Utf8,
            replaced: Vec::new(),
        })
    }

    /// Repair and segment a decoded input into its document.
    pub fn process_source(&self, src: &Source) -> Document {
        let repaired = self.repair(&src.text);
        let seg = segment::segment_with(&repaired.text, self.catalogue());
        let words = self.tokenize(&src.text).iter().filter(|t| t.kind == Kind::Word).count();
        output::document(src, &repaired, &seg, words)
    }
}
