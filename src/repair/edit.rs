//! The bottom of the repair stage: what an edit is, and the decision a pass makes about one word before it
//! becomes an edit. Every other repair module builds on these; this one imports none of them.
use foldhash::HashMap;

use serde::Serialize;

/// How an edit was made, from the mildest to the boldest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditKind {
    /// A word cut by a hyphen at a line end rejoined (`--join-hyphens`), nothing else changed.
    Hyphenation,
    /// Only stripped diacritics restored (`Goteborg` → `Göteborg`).
    Diacritic,
    /// OCR confusions (`ndmnden` → `nämnden`, `&r` → `är`, `Al` → `AI`).
    OcrConfusion,
    /// An edit no confusion rule names.
    Spelling,
}

impl EditKind {
    /// The name used in JSON.
    ///
    /// ```
    /// assert_eq!(diakrit::EditKind::OcrConfusion.as_str(), "ocr-confusion");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EditKind::Hyphenation => "hyphenation",
            EditKind::Diacritic => "diacritic",
            EditKind::OcrConfusion => "ocr-confusion",
            EditKind::Spelling => "spelling",
        }
    }

    /// The kind of a name [`EditKind::as_str`] gives (an edits log read back).
    ///
    /// ```
    /// use diakrit::EditKind;
    /// assert_eq!(EditKind::from_name("diacritic"), Some(EditKind::Diacritic));
    /// assert_eq!(EditKind::from_name("magic"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<EditKind> {
        [
            EditKind::Hyphenation,
            EditKind::Diacritic,
            EditKind::OcrConfusion,
            EditKind::Spelling,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }
}

/// One change: the byte span it replaced in the input, what stood there and what replaced it.
///
/// ```
/// let r = diakrit::Repairer::new().repair("fran Goteborg");
/// let e = &r.edits[1];
/// assert_eq!((e.span, e.from.as_str(), e.to.as_str()), ((5, 13), "Goteborg", "Göteborg"));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edit {
    /// Byte offsets `[start, end)` into the input text.
    pub span: (usize, usize),
    /// The input's text at `span`.
    pub from: String,
    /// What replaces it.
    pub to: String,
    /// How the edit was made.
    pub kind: EditKind,
    /// How likely the edit is right: the share of edits of this confidence that were right on the dev set
    /// (0.689 to 0.986; see `data/calibration.tsv`).
    pub confidence: f32,
}

impl Edit {
    /// The edit moved `by` bytes on: a window's edit in offsets of the whole text.
    pub fn moved(mut self, by: usize) -> Edit {
        self.span = (self.span.0 + by, self.span.1 + by);
        self
    }
}

/// How damaged a text's OCR looks, as repair estimated it from the text itself: the prior that an
/// observed word is right. Reported for the document and for each region (a page, or a run of paragraphs
/// of a long page).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Damage {
    /// Word tokens of two letters or more.
    pub words: usize,
    /// Words written with å, ä, ö that are right as they stand.
    pub kept: usize,
    /// Words that only lack their å, ä, ö (capitalised ones count half: they may be names).
    pub stripped: f32,
    /// Words that are no word as written and do not only lack diacritics (OCR confusions, garble).
    pub unknown: f32,
    /// Words with OCR symbols for letters (`&r`, `4rendet`, `6ka`): the mark of an engine without Swedish.
    pub symbols: usize,
    /// Estimated share of å, ä, ö the OCR stripped (a Beta posterior: 0.11 with no evidence).
    pub strip_rate: f32,
    /// Estimated share of words the OCR damaged otherwise (a Beta posterior: 0.02 with no evidence).
    pub error_rate: f32,
    /// `clean` (diacritics kept, few errors: almost no edits), `light` (diacritics kept, some errors),
    /// `stripped` (an engine without å, ä, ö: the full repair) or `mixed`.
    pub class: &'static str,
    /// `modern`, `older` (the grammar of the early 20th century: `äro`, `voro`, `hemställes`) or
    /// `pre-reform` (the spelling before 1906: `hvilka`, `behöfver`, `af`).
    pub orthography: &'static str,
    /// Byte span `[start, end)` of the region (the whole text for the document).
    pub span: (usize, usize),
}

impl Damage {
    /// The damage moved `by` bytes on: a window's region in offsets of the whole text.
    pub fn moved(mut self, by: usize) -> Damage {
        self.span = (self.span.0 + by, self.span.1 + by);
        self
    }
}

/// The damage of a document and of each of its regions.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DamageReport {
    /// The document as a whole.
    pub document: Damage,
    /// Its regions in text order (one when the document is short).
    pub regions: Vec<Damage>,
}

/// The repaired text and the edits that made it.
///
/// ```
/// let r = diakrit::Repairer::new().repair("pa fran x");
/// assert_eq!(r.text, "på från x");
/// assert_eq!(r.to_input_offset(r.text.find('x').unwrap()), 8);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Repaired {
    /// The input with the edits spliced in.
    pub text: String,
    /// The edits, in input order, not overlapping.
    pub edits: Vec<Edit>,
    /// How damaged the input looked.
    pub damage: DamageReport,
}

impl Repaired {
    /// Map a byte offset in the repaired text back to the input (an offset inside a replaced word maps to
    /// that word's start in the input; past its end, to its end). For many positions, [`Repaired::input_offsets`] builds the table once.
    pub fn to_input_offset(&self, pos: usize) -> usize {
        self.input_offsets().get(pos)
    }

    /// The length of the input (bytes): the repaired text's, less what the edits put in, plus what they took out.
    pub fn original_len(&self) -> usize {
        let (put, took) = self
            .edits
            .iter()
            .fold((0, 0), |(p, t), e| (p + e.to.len(), t + e.span.1 - e.span.0));
        self.text.len() + took - put
    }

    /// [`Repaired::to_input_offset`] for many positions: a table built once, each look-up a binary search.
    pub fn input_offsets(&self) -> InputOffsets<'_> {
        let mut starts = Vec::with_capacity(self.edits.len());
        let mut shift: isize = 0;
        for e in &self.edits {
            let out_start = (e.span.0 as isize + shift) as usize;
            shift += e.to.len() as isize - (e.span.1 - e.span.0) as isize;
            starts.push((out_start, shift));
        }
        InputOffsets {
            edits: &self.edits,
            starts,
        }
    }

    /// The input, rebuilt from the repaired text and the edits: every original byte is recoverable.
    /// `None` only if the edits do not belong to the text.
    ///
    /// ```
    /// let input = "Beslut om bedomning i Goteborg";
    /// let r = diakrit::Repairer::new().repair(input);
    /// assert_eq!(r.original().as_deref(), Some(input));
    /// ```
    pub fn original(&self) -> Option<String> {
        let mut out = String::with_capacity(self.text.len());
        let (mut at, mut shift) = (0usize, 0isize);
        for e in &self.edits {
            let start = usize::try_from(e.span.0 as isize + shift).ok()?;
            out.push_str(self.text.get(at..start)?);
            out.push_str(&e.from);
            at = start.checked_add(e.to.len())?;
            self.text.get(start..at).filter(|t| *t == e.to)?;
            shift += e.to.len() as isize - e.from.len() as isize;
        }
        out.push_str(self.text.get(at..)?);
        Some(out)
    }

    /// This repair of `input` followed by `next`, a repair of this one's text: one repair of `input`, its
    /// edits in input offsets. Edits of the two that touch become one (`from` as in the input, `to` as
    /// `next` left it, the lower confidence); one that `next` undid disappears.
    pub(crate) fn then(self, input: &str, next: Repaired) -> Repaired {
        // Where a position of this text lies in the input: inside a replacement, at its start (`snap_end`:
        // at its end). Asked in rising order, so one sweep over the edits answers all.
        let mut back = Sweep::new(&self.edits);
        let mut regions: Vec<(usize, usize, Vec<&Edit>)> =
            self.edits.iter().map(|e| (e.span.0, e.span.1, vec![e])).collect();
        for e in &next.edits {
            let s = back.back_to_input(e.span.0, false);
            regions.push((s, back.back_to_input(e.span.1, true), vec![e]));
        }
        regions.sort_by_key(|r| (r.0, r.1));
        let mut merged: Vec<(usize, usize, Vec<&Edit>)> = Vec::new();
        for r in regions {
            match merged.last_mut() {
                Some(m) if r.0 < m.1 || (r.0 == m.1 && r.0 == r.1) => {
                    m.1 = m.1.max(r.1);
                    m.2.extend(r.2);
                }
                _ => merged.push(r),
            }
        }
        // A region's boundaries lie outside every edit of this repair, so they map to its text exactly, and
        // from there to `next`'s text; they rise, so one sweep over each list of edits maps them all.
        let (mut mine, mut theirs) = (Sweep::new(&self.edits), Sweep::new(&next.edits));
        let mut through = |pos: usize| theirs.forward(mine.forward(pos));
        let mut edits = Vec::new();
        for (s, e, by) in merged {
            let from = &input[s..e];
            let to = &next.text[through(s)..through(e)];
            if from == to {
                continue;
            }
            // The kind of the later round's edit where there is one: it made the text as it now reads.
            let later = next.edits.as_ptr_range();
            let last = by
                .iter()
                .find(|x| later.contains(&std::ptr::from_ref(**x)))
                .unwrap_or(&by[0]);
            let confidence = by.iter().map(|x| x.confidence).fold(f32::INFINITY, f32::min);
            edits.push(Edit {
                span: (s, e),
                from: from.to_string(),
                to: to.to_string(),
                kind: last.kind,
                confidence,
            });
        }
        debug_assert_eq!(splice(input, &edits), next.text);
        Repaired {
            text: next.text,
            edits,
            damage: self.damage,
        }
    }
}

/// Offsets of the repaired text mapped back to the input (see [`Repaired::input_offsets`]).
pub struct InputOffsets<'e> {
    edits: &'e [Edit],
    /// Each edit's start in the repaired text, and the length all edits up to it added.
    starts: Vec<(usize, isize)>,
}

impl InputOffsets<'_> {
    /// A byte offset in the repaired text mapped back to the input (see [`Repaired::to_input_offset`]).
    pub fn get(&self, pos: usize) -> usize {
        let k = self.starts.partition_point(|&(s, _)| s <= pos);
        let Some(j) = k.checked_sub(1) else {
            return pos;
        };
        let (out_start, after) = self.starts[j];
        let e = &self.edits[j];
        if pos < out_start + e.to.len() {
            return e.span.0;
        }
        (pos as isize - after) as usize
    }
}

/// A walk over edits in order, mapping rising positions between the input and the repaired text in one
/// pass (see [`Repaired::then`]).
struct Sweep<'e> {
    edits: &'e [Edit],
    /// Edits passed so far, and the length they added.
    next: usize,
    shift: isize,
}

impl<'e> Sweep<'e> {
    fn new(edits: &'e [Edit]) -> Sweep<'e> {
        Sweep {
            edits,
            next: 0,
            shift: 0,
        }
    }

    /// A position of the repaired text in the input; inside a replacement, its start (`snap_end`: its
    /// end). Positions must not fall from one call to the next.
    fn back_to_input(&mut self, pos: usize, snap_end: bool) -> usize {
        while let Some(e) = self.edits.get(self.next) {
            let out_start = (e.span.0 as isize + self.shift) as usize;
            let out_end = out_start + e.to.len();
            if pos < out_start || (pos == out_start && !snap_end) {
                break;
            }
            if pos < out_end || (snap_end && pos == out_end && out_start < pos) {
                return if snap_end { e.span.1 } else { e.span.0 };
            }
            self.shift += e.to.len() as isize - (e.span.1 - e.span.0) as isize;
            self.next += 1;
        }
        (pos as isize - self.shift) as usize
    }

    /// A position of the input outside every replacement, in the repaired text. Positions must not fall.
    fn forward(&mut self, pos: usize) -> usize {
        while let Some(e) = self.edits.get(self.next).filter(|e| e.span.1 <= pos) {
            self.shift += e.to.len() as isize - (e.span.1 - e.span.0) as isize;
            self.next += 1;
        }
        (pos as isize + self.shift) as usize
    }
}

/// How a decision's replacement is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Casing {
    /// In the observed word's case (`Goteborg` → `Göteborg`, `GOTEBORG` → `GÖTEBORG`), unless the
    /// observed capital was itself a misreading (see the emit step).
    Observed,
    /// In capitals whatever the observed case (acronyms: `Al` → `AI`).
    Upper,
    /// Exactly as decided (`Ss` → `S`, `Loch` → `L och`).
    Verbatim,
}

/// What to do with one word (lowercase, before case is applied): the passes' common currency.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Decision {
    pub(crate) to: String,
    pub(crate) kind: EditKind,
    /// Raw confidence: the logistic of the score margin ([`confidence_of_margin`]), or a rule's own.
    pub(crate) confidence: f32,
    pub(crate) casing: Casing,
    /// Did it take a degraded-scan confusion or a dropped letter (not only å/ä/ö restored)?
    pub(crate) scan: bool,
    /// Is the word as written a word too (a real-word edit: `här` → `har`, `inre` → `inte`)? The context
    /// pass keeps such an edit only when the neighbours support it.
    pub(crate) real_word: bool,
    /// How many lexicon words the reading is made of (1, or the parts of a compound).
    pub(crate) parts: u8,
}

impl Decision {
    /// A phrase rule's decision: an OCR confusion written exactly as given.
    pub(crate) fn rule(to: impl Into<String>, confidence: f32) -> Decision {
        Decision {
            to: to.into(),
            kind: EditKind::OcrConfusion,
            confidence,
            casing: Casing::Verbatim,
            scan: true,
            real_word: false,
            parts: 1,
        }
    }
}

/// Decisions per occurrence, keyed by the token's start offset.
pub(crate) type Chosen = HashMap<usize, Decision>;

/// Raw confidence of a phrase rule's edit (calibrates to 0.949): the rules fire only in the narrow
/// contexts that name them, where they were right in every case seen on dev.
pub(crate) const RULE_CONFIDENCE: f32 = 0.9;

/// Three decimals are all a confidence means; they also keep the JSON short.
pub(crate) fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// Raw confidence of a choice that won by `margin` (log10 units): the logistic `1 / (1 + 10^-margin)`,
/// rounded to three decimals. A margin of 0 is a coin toss (0.5), 1 is 0.909, 2 is 0.990.
pub(crate) fn confidence_of_margin(margin: f32) -> f32 {
    round3(1.0 / (1.0 + 10f32.powf(-margin)))
}

/// The text with each edit's span replaced by its `to`; edits are sorted and do not overlap.
pub(crate) fn splice(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + edits.len() * 2);
    let mut pos = 0;
    for e in edits {
        out.push_str(&text[pos..e.span.0]);
        out.push_str(&e.to);
        pos = e.span.1;
    }
    out.push_str(&text[pos..]);
    out
}
