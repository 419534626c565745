//! The whole job on one text: repair it, segment the repaired text, and assemble the [`Document`] with
//! every span mapped back to the input.
use rayon::prelude::*;

use crate::output::{self, Assembly, Document};
use crate::repair::window::{windows, WINDOW};
use crate::repair::{Repaired, Repairer};
use crate::segment::{self, Segmented};
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

    /// Repair and segment a decoded input into its document. A text longer than a window
    /// ([`crate::repair::window::WINDOW`]) is repaired and segmented window by window, in parallel, and
    /// assembled ([`output::Assembly`]): the document a long file read in windows gets.
    pub fn process_source(&self, src: &Source) -> Document {
        if src.text.len() <= WINDOW {
            let (repaired, seg, words) = self.process_window(&src.text);
            return output::document(src, &repaired, &seg, words);
        }
        let done: Vec<(usize, Repaired, Segmented, usize)> = windows(&src.text)
            .into_par_iter()
            .map(|(a, b)| {
                let (r, seg, words) = self.process_window(&src.text[a..b]);
                (a, r, seg, words)
            })
            .collect();
        let mut assembly = Assembly::new(&src.name, src.encoding, output::fnv1a64(src.text.as_bytes()));
        let mut pieces = Vec::new();
        for (start, r, seg, words) in done {
            pieces.push(assembly.add(start, r, &seg, words));
        }
        let (mut doc, last) = assembly.finish();
        for p in pieces {
            doc.sections.extend(p.sections);
            doc.furniture.extend(p.furniture);
            doc.edits.extend(p.edits);
            doc.text.push_str(&p.text);
        }
        doc.sections.extend(last);
        doc
    }

    /// Repair and segment one text of at most a window: its repair, the segmentation of the repaired text,
    /// and its word count.
    pub fn process_window(&self, text: &str) -> (Repaired, Segmented, usize) {
        let repaired = self.repair(text);
        let seg = segment::segment_with(&repaired.text, self.catalogue());
        let words = self.tokenize(text).iter().filter(|t| t.kind == Kind::Word).count();
        (repaired, seg, words)
    }
}
