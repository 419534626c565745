//! The whole job on one text: repair it, segment the repaired text, and assemble the [`Document`] with
//! every span mapped back to the input.
use crate::output::{self, Assembly, Document};
use crate::repair::window::windows;

use crate::repair::{Repaired, Repairer};
use crate::segment::{self, Segmented};
use crate::source::{Encoding, Source};
use crate::token::Kind;

pub use crate::repair::window::SEGMENT_BYTES;

/// Does a window of `next` bytes still go into a group of `so_far` bytes? The first window always does.
pub fn joins_group(so_far: usize, next: usize) -> bool {
    so_far == 0 || so_far + next <= SEGMENT_BYTES
}

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
    /// ([`crate::repair::window::WINDOW`]) is repaired window by window, in parallel; one longer than
    /// [`SEGMENT_BYTES`] is segmented in groups of consecutive windows of at most that much, each on its
    /// own, and assembled ([`output::Assembly`]): the document a long file read in windows gets.
    pub fn process_source(&self, src: &Source) -> Document {
        let text = &src.text;
        if text.len() <= SEGMENT_BYTES {
            let (repaired, seg, words) = self.process_window(text);
            return output::document(src, &repaired, &seg, words);
        }
        let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut size = 0;
        for (a, b) in windows(text) {
            if !joins_group(size, b - a) || groups.is_empty() {
                groups.push(Vec::new());
                size = 0;
            }
            size += b - a;
            groups.last_mut().expect("pushed above").push((a, b));
        }
        let mut assembly = Assembly::new(&src.name, src.encoding, output::fnv1a64(text.as_bytes()));
        let mut pieces = Vec::new();
        for group in &groups {
            // A group starts at a window's start, so its own windows are those of the whole text.
            let (a, b) = (group[0].0, group[group.len() - 1].1);
            let (repaired, seg, words) = self.process_window(&text[a..b]);
            pieces.push(assembly.add(a, repaired, &seg, words));
        }
        let (mut doc, last) = assembly.finish();
        for p in pieces {
            p.listed.extend_into(&mut doc.metadata);
            doc.sections.extend(p.sections);
            doc.furniture.extend(p.furniture);
            doc.edits.extend(p.edits);
            doc.text.push_str(&p.text);
            doc.stats.damage.regions.extend(p.regions);
        }
        doc.sections.extend(last);
        doc
    }

    /// The segmentation of `repaired`, the repair of `input`, and the word count of `input`.
    pub fn segment_repaired(&self, input: &str, repaired: &Repaired) -> (Segmented, usize) {
        let seg = segment::segment_with(&repaired.text, self.catalogue());
        let words = self.tokenize(input).iter().filter(|t| t.kind == Kind::Word).count();
        (seg, words)
    }

    /// Repair and segment one text as one document: its repair, the segmentation of the repaired text,
    /// and its word count.
    pub fn process_window(&self, text: &str) -> (Repaired, Segmented, usize) {
        let repaired = self.repair(text);
        let (seg, words) = self.segment_repaired(text, &repaired);
        (repaired, seg, words)
    }
}
