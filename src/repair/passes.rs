//! The passes of repair, in the order they run, and why that order: the one place that names it.
//!
//! Every pass reads and writes one document's state ([`Doc`]); the emit step (`emit.rs`) then turns the
//! decisions that survived into edits.
//!
//! 1. `words` (`word.rs`): each distinct word (or word cut at a line end) is decided on its own, with the
//!    full keep bonus. Cheap, parallel, and the evidence every later pass reads.
//! 2. `damage` (`damage.rs`): from the word decisions, how damaged the OCR of the document and of each
//!    region is (how much of its å, ä, ö it stripped, how many words it broke otherwise, whether it is in
//!    older Swedish); each region gets the profile of thresholds that follows, and its words are decided
//!    again with it. Needs all of pass 1.
//! 3. `occurrences` (`document.rs`): each occurrence takes its region's decision unless the region kept
//!    its diacritics and the edit is doubtful there, it would break a suspended compound part
//!    (`skol- och`), it is an abbreviation before its dot, or a name. Needs the regions of pass 2.
//! 4. `document-cache` (`document.rs`): a word the document writes with å, ä, ö somewhere restores its
//!    stripped spelling elsewhere. Only words no earlier pass decided, so it runs after them.
//! 5. `months`, `party-lists`, `party-marks`, `number-abbreviations` (`rules.rs`): phrases whose
//!    neighbours name the reading (`28 august 2024`, `Loch KD`, `(SI)`, `or 279`); they overrule the word
//!    decisions, and the party marks read the decisions before them (a brace around a repaired mark).
//! 6. `context` (`context.rs`): the ambiguous families (`ar` → är | år, `1` → i) by their neighbours as
//!    repaired, left to right. After the others, so that it sees every other repair around it.
//! 7. `protect` (here): lines in Danish, Norwegian or English (a quoted law, a Nordic report, a title;
//!    [`crate::lang::foreign_lines`]) and addresses the OCR broke at their dots keep every word as
//!    written. Last, as it overrules all.
use super::edit::splice;
use super::model::Repairer;
use super::state::Doc;
use super::{context, damage, document, rules, word, Repaired};

/// A pass: a name (for the docs and for profiling) and what it does to a document.
pub(crate) struct Pass {
    /// The name used above.
    pub(crate) name: &'static str,
    pub(crate) run: fn(&Repairer, &mut Doc),
}

/// The passes, in order (see the module's comment for why).
pub(crate) const PASSES: [Pass; 10] = [
    Pass {
        name: "words",
        run: word::decide_words,
    },
    Pass {
        name: "damage",
        run: damage::estimate,
    },
    Pass {
        name: "occurrences",
        run: document::choose_occurrences,
    },
    Pass {
        name: "document-cache",
        run: document::apply_document_cache,
    },
    Pass {
        name: "months",
        run: |_, d| rules::apply_month_names(d.text, &d.tokens, &mut d.chosen),
    },
    Pass {
        name: "party-lists",
        run: |_, d| rules::split_party_lists(d.text, &d.tokens, &mut d.chosen),
    },
    Pass {
        name: "party-marks",
        run: |_, d| rules::apply_party_marks(d.text, &d.tokens, &mut d.chosen),
    },
    Pass {
        name: "number-abbreviations",
        run: |_, d| rules::apply_number_abbreviations(d.text, &d.tokens, &mut d.chosen),
    },
    Pass {
        name: "context",
        run: context::apply,
    },
    Pass {
        name: "protect",
        run: protect,
    },
];

/// Pass `protect`: no edit in a line of Danish, Norwegian or English, nor in an address the OCR broke at
/// its dots, whichever pass made it.
fn protect(_: &Repairer, doc: &mut Doc) {
    let protected: Vec<usize> = doc
        .chosen
        .keys()
        .copied()
        .filter(|&p| {
            doc.in_foreign_line(p) || {
                let i = doc.tokens.partition_point(|t| t.start < p);
                document::in_broken_address(doc.text, &doc.tokens, &doc.tokens[i])
            }
        })
        .collect();
    for p in protected {
        doc.chosen.remove(&p);
    }
}

/// Most rounds of repair (see [`Repairer::repair`]); a text that still changes after them is left as the
/// last round made it.
const MAX_ROUNDS: usize = 4;

impl Repairer {
    /// The names of the repair passes, in the order they run (see `src/repair/passes.rs`).
    ///
    /// ```
    /// let names: Vec<&str> = diakrit::Repairer::pass_names().collect();
    /// assert_eq!((names[0], names[names.len() - 1]), ("words", "protect"));
    /// ```
    pub fn pass_names() -> impl Iterator<Item = &'static str> {
        PASSES.iter().map(|p| p.name)
    }

    /// Repair `text`: the text with damaged words restored, and every edit. Runs the passes in order over
    /// the document and turns their decisions into edits; then again over the repaired text, which the
    /// first round's repairs make easier to read (a word's neighbours restored, the damage estimate of
    /// the text as it now stands), until a round changes nothing: repair is idempotent, so a second run over
    /// its own output finds nothing to do. The edits are always in offsets of `text`. A text longer than
    /// [`super::window::WINDOW`] is repaired in windows cut at page breaks and paragraph ends (`window.rs`).
    ///
    /// ```
    /// let r = diakrit::Repairer::new();
    /// let once = r.repair("Sammanfattning: bedomning av ndmnden i Goteborg");
    /// assert!(r.repair(&once.text).edits.is_empty());
    /// ```
    pub fn repair(&self, text: &str) -> Repaired {
        self.repair_windows(text)
    }

    /// [`Repairer::repair`] of a text as one document, however long; `parallel`: see [`Doc::parallel`].
    pub(super) fn repair_whole(&self, text: &str, parallel: bool) -> Repaired {
        let mut r = self.repair_round(text, parallel);
        for _ in 1..MAX_ROUNDS {
            if r.edits.is_empty() {
                break;
            }
            let next = self.repair_round(&r.text, parallel);
            if next.edits.is_empty() {
                break;
            }
            r = r.then(text, next);
        }
        r
    }

    /// One round of repair: every pass once.
    fn repair_round(&self, text: &str, parallel: bool) -> Repaired {
        let mut doc = Doc::new(self, text, parallel);
        for pass in PASSES {
            (pass.run)(self, &mut doc);
        }
        let edits = self.edits(&doc);
        Repaired {
            text: splice(text, &edits),
            edits,
            damage: doc.damage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct() {
        let mut names: Vec<&str> = PASSES.iter().map(|p| p.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PASSES.len());
    }
}
