//! Candidate generation: every lexicon word (or compound of lexicon words) that the channel can turn into
//! the observed word within a cost budget.
//!
//! The search walks the lexicon FST and the observed word together, depth first: at each position it
//! follows the observed letter, every channel rule that matches there, and (within a budget) one edit no
//! rule names. Paths that leave the lexicon's prefixes die at once, so the cost is proportional to the
//! number of plausible spellings, not to the size of the lexicon. Compounds are found in the same walk: at
//! a word end whose Hunspell bits allow it to begin (or continue) a compound, the walk restarts at the
//! root for the next part.
use foldhash::HashMap;
use std::borrow::Cow;

use fst::raw::{Fst, Node, Output};

use super::channel::Channel;
use super::edit::EditKind;
use crate::lexicon::{Entry, Lexicon};

/// How far a search may go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Highest total channel cost of a candidate.
    pub max_cost: f32,
    /// How many edits no rule names (0 or 1 is sensible).
    pub generic_edits: u8,
    /// May the channel restore letters the OCR dropped?
    pub insertions: bool,
    /// Most parts of a compound (1 = no compounds).
    pub max_parts: u8,
    /// Shortest compound part, in characters.
    pub min_part_chars: usize,
    /// Safety valve on the walk's size.
    pub max_steps: usize,
    /// What each part after the first takes off a compound's prior (the repairer's
    /// [`crate::repair::Config::compound_penalty`]): a word the lexicon lists whole, found also as a
    /// compound of its parts at the same cost, weighs at least as that compound does.
    pub compound_penalty: f32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_cost: 3.0,
            generic_edits: 1,
            insertions: true,
            max_parts: 3,
            min_part_chars: 3,
            max_steps: 200_000,
            compound_penalty: 1.5,
        }
    }
}

/// A word the observed one may have been.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The word, lowercase.
    pub word: String,
    /// Its lexicon entry (for a compound, the last part's, marked valid).
    pub entry: Entry,
    /// Channel cost of reading `word` as the observed word.
    pub cost: f32,
    /// The dearest kind of edit used.
    pub kind: EditKind,
    /// Zipf values of the parts (one for a plain word).
    pub parts: Vec<f32>,
    /// How many letters the channel restored that the OCR had dropped.
    pub insertions: u8,
    /// How many degraded-scan confusions (not å/ä/ö/é restorations) it took.
    pub scan_rules: u8,
}

impl Candidate {
    /// The observed word read as itself, as the search finds a lexicon word: no cost, no edit.
    pub(super) fn itself(key: &str, entry: Entry) -> Candidate {
        Candidate {
            word: key.to_string(),
            entry,
            cost: 0.0,
            kind: EditKind::Diacritic,
            parts: vec![entry.zipf()],
            insertions: 0,
            scan_rules: 0,
        }
    }

    /// Is this a compound of several lexicon words?
    pub fn is_compound(&self) -> bool {
        self.parts.len() > 1
    }
}

/// The prior of a compound whose parts have the Zipf values `parts`: its last part's or the mean, whichever
/// is lower, less `penalty` for each part after the first.
pub(super) fn compound_prior(parts: &[f32], penalty: f32) -> f32 {
    let mean = parts.iter().sum::<f32>() / parts.len() as f32;
    let last = parts.last().copied().unwrap_or(0.0);
    last.min(mean) - penalty * parts.len().saturating_sub(1) as f32
}

type RawFst = Fst<Cow<'static, [u8]>>;

struct Walk<'a> {
    fst: &'a RawFst,
    input: &'a [char],
    channel: &'a Channel,
    limits: Limits,
    buf: String,
    parts: Vec<(usize, Entry)>,
    steps: usize,
    insertions: u8,
    /// Rules used that restore something other than å, ä, ö, é (degraded-scan confusions).
    scan_rules: u8,
    /// Unnamed edits used on the path.
    generic_used: u8,
    found: &'a mut HashMap<String, Candidate>,
}

/// All candidates for the lowercased `observed` word, cheapest first (ties by word).
///
/// ```
/// use diakrit::repair::{candidates::search, Channel, Limits};
/// let found = search(diakrit::Lexicon::embedded(), &Channel::default(), "ndmnden", Limits::default());
/// assert!(found.iter().any(|c| c.word == "nämnden"));
/// ```
pub fn search(lexicon: &Lexicon, channel: &Channel, observed: &str, limits: Limits) -> Vec<Candidate> {
    let input: Vec<char> = observed.chars().collect();
    let mut found: HashMap<String, Candidate> = HashMap::default();
    for fst in lexicon.fsts() {
        let mut w = Walk {
            fst,
            input: &input,
            channel,
            limits,
            buf: String::with_capacity(observed.len() + 8),
            parts: Vec::new(),
            steps: 0,
            insertions: 0,
            scan_rules: 0,
            generic_used: 0,
            found: &mut found,
        };
        w.step(&At {
            node: fst.root(),
            acc: Output::zero(),
            pos: 0,
            cost: 0.0,
            kind: EditKind::Diacritic,
            generic: limits.generic_edits,
            part_chars: 0,
        });
    }
    // A word that is in two maps (user words) is found twice; merge its entries. With the embedded map
    // alone the walk's entry is already the lexicon's.
    let mut out: Vec<Candidate> = found.into_values().collect();
    let several_maps = lexicon.fsts().nth(1).is_some();
    for c in out.iter_mut().filter(|_| several_maps) {
        if !c.is_compound() {
            if let Some(e) = lexicon.lookup_key(&c.word) {
                c.entry = e;
                c.parts = vec![e.zipf()];
            }
        }
    }
    out.sort_by(|a, b| a.cost.total_cmp(&b.cost).then_with(|| a.word.cmp(&b.word)));
    out
}

/// Where a path of the walk stands: the lexicon node and the output so far, the position in the observed
/// word, the cost and boldest kind of edit so far, the unnamed edits left, and how many letters the
/// current compound part has so far.
#[derive(Clone, Copy)]
struct At<'f> {
    node: Node<'f>,
    acc: Output,
    pos: usize,
    cost: f32,
    kind: EditKind,
    generic: u8,
    part_chars: usize,
}

impl<'a> Walk<'a> {
    fn step(&mut self, at: &At<'a>) {
        self.steps += 1;
        if self.steps > self.limits.max_steps || at.cost > self.limits.max_cost {
            return;
        }
        if at.node.is_final() {
            self.at_word_end(at);
        }
        if at.pos < self.input.len() {
            self.observed_and_rules(at);
        }
        self.dropped_letters(at);
        if at.generic > 0
            && at.cost + self.channel.generic_cost <= self.limits.max_cost
            && at.pos > 0
            && self.parts.is_empty()
        {
            self.unnamed_edit(at);
        }
    }

    /// At a lexicon word's end: the candidate, if the input is used up, or the next part of a compound.
    #[inline]
    fn at_word_end(&mut self, at: &At<'a>) {
        let part_chars = at.part_chars;
        let entry = Entry::unpack(at.acc.cat(at.node.final_output()).value());
        if at.pos == self.input.len() {
            self.finish(entry, at.cost, at.kind, part_chars);
        } else if self.can_continue_compound(entry, part_chars) {
            self.parts.push((self.buf.len(), entry));
            self.step(&At {
                node: self.fst.root(),
                acc: Output::zero(),
                part_chars: 0,
                ..*at
            });
            self.parts.pop();
        }
    }

    /// The next observed letter as written, and every channel rule whose observed side stands here.
    #[inline]
    fn observed_and_rules(&mut self, at: &At<'a>) {
        let c = self.input[at.pos];
        let mut tmp = [0u8; 4];
        self.follow(at, at.pos + 1, at.cost, at.kind, at.generic, c.encode_utf8(&mut tmp));
        for rule in self.channel.rules_from(c) {
            if at.cost + rule.cost > self.limits.max_cost {
                continue;
            }
            // Does the rule's observed side stand here? (One pass: no count, no second walk.)
            let mut end = at.pos;
            let matches = rule.from.chars().all(|a| {
                let hit = self.input.get(end) == Some(&a);
                end += 1;
                hit
            });
            if !matches {
                continue;
            }
            let scan = !rule.restores_vowel();
            if scan && !self.parts.is_empty() {
                continue;
            }
            self.scan_rules += u8::from(scan);
            self.follow(
                at,
                end,
                at.cost + rule.cost,
                at.kind.max(rule.kind),
                at.generic,
                rule.to,
            );
            self.scan_rules -= u8::from(scan);
        }
    }

    /// A letter the OCR dropped, restored: at most one per word, and not at its very start unless it is an
    /// å, ä, ö (ver: över): more make too many false words and most of the walk.
    #[inline]
    fn dropped_letters(&mut self, at: &At<'a>) {
        if !(self.limits.insertions && self.insertions == 0 && self.parts.is_empty())
            || at.cost + self.channel.cheapest_insertion() > self.limits.max_cost
        {
            return;
        }
        for rule in self.channel.insertions() {
            if at.pos > 0 || rule.restores_vowel() {
                // A vowel put back at the start takes no unnamed edit after it.
                let generic = if at.pos == 0 { 0 } else { at.generic };
                self.insertions += 1;
                self.follow(
                    at,
                    at.pos,
                    at.cost + rule.cost,
                    at.kind.max(rule.kind),
                    generic,
                    rule.to,
                );
                self.insertions -= 1;
            }
        }
    }

    /// One edit no rule names: a deletion, substitution or insertion of any letter.
    fn unnamed_edit(&mut self, at: &At<'a>) {
        self.generic_used += 1;
        let at = At {
            cost: at.cost + self.channel.generic_cost,
            kind: at.kind.max(EditKind::Spelling),
            generic: at.generic - 1,
            ..*at
        };
        // Deletion of an observed character.
        if at.pos < self.input.len() {
            self.step(&At { pos: at.pos + 1, ..at });
        }
        // The letters that can follow the node, walked in place (no list per node: this is the walk's
        // widest fan-out). Two-byte UTF-8 letters (å, ä, ö, é, ü, …) are read through their lead byte's node.
        let fst = self.fst;
        for t in at.node.transitions() {
            if t.inp < 0x80 {
                if (t.inp as char).is_ascii_alphabetic() {
                    self.substitute_or_insert(&at, t.inp as char, fst.node(t.addr), at.acc.cat(t.out));
                }
            } else if (0xC2..=0xDF).contains(&t.inp) {
                let lead = fst.node(t.addr);
                for t2 in lead.transitions() {
                    let ch = std::str::from_utf8(&[t.inp, t2.inp])
                        .ok()
                        .and_then(|s| s.chars().next())
                        .filter(|c| c.is_alphabetic());
                    if let Some(ch) = ch {
                        self.substitute_or_insert(&at, ch, fst.node(t2.addr), at.acc.cat(t.out).cat(t2.out));
                    }
                }
            }
        }
        self.generic_used -= 1;
    }

    /// The unnamed edit that writes `ch` (reaching `node` with output `acc`): in place of the observed
    /// character (a substitution, unless it is that character), or before it (an insertion).
    fn substitute_or_insert(&mut self, at: &At<'a>, ch: char, node: Node<'a>, acc: Output) {
        let len = self.buf.len();
        self.buf.push(ch);
        if at.pos < self.input.len() && ch != self.input[at.pos] {
            self.step(&At {
                node,
                acc,
                pos: at.pos + 1,
                part_chars: at.part_chars + 1,
                ..*at
            });
        }
        self.step(&At {
            node,
            acc,
            part_chars: at.part_chars + 1,
            ..*at
        });
        self.buf.truncate(len);
    }

    /// Walk `to` from `at`'s node and go on from there at position `pos` (past what `to` reads) with `cost`,
    /// `kind` and `generic` unnamed edits left.
    #[inline]
    fn follow(&mut self, at: &At<'a>, pos: usize, cost: f32, kind: EditKind, generic: u8, to: &str) {
        if cost > self.limits.max_cost {
            return;
        }
        if let Some((node, acc)) = self.walk(at.node, at.acc, to) {
            let len = self.buf.len();
            self.buf.push_str(to);
            self.step(&At {
                node,
                acc,
                pos,
                cost,
                kind,
                generic,
                part_chars: at.part_chars + to.chars().count(),
            });
            self.buf.truncate(len);
        }
    }

    fn can_continue_compound(&self, entry: Entry, part_chars: usize) -> bool {
        if self.parts.len() + 1 >= usize::from(self.limits.max_parts) || part_chars < self.limits.min_part_chars {
            return false;
        }
        // `finish` refuses a compound that took more than vowel restorations: do not walk one.
        if !self.plain() {
            return false;
        }
        let bit = if self.parts.is_empty() {
            Entry::BEGIN
        } else {
            Entry::MIDDLE
        };
        entry.compound & bit != 0
    }

    /// Has the path so far only restored vowels (so it may still become a compound)?
    fn plain(&self) -> bool {
        self.insertions == 0 && self.scan_rules == 0 && self.generic_used == 0
    }

    fn finish(&mut self, entry: Entry, cost: f32, kind: EditKind, part_chars: usize) {
        let cand = if self.parts.is_empty() {
            if !entry.is_valid() {
                return;
            }
            Candidate {
                word: self.buf.clone(),
                entry,
                cost,
                kind,
                parts: vec![entry.zipf()],
                insertions: self.insertions,
                scan_rules: self.scan_rules,
            }
        } else {
            // A compound is only offered when its parts need no edit that the channel does not name: an
            // unknown compound is far likelier a new word than a damaged one (hubb is no klubb). So its
            // parts may only have å, ä, ö restored.
            if entry.compound & Entry::END == 0
                || part_chars < self.limits.min_part_chars
                || kind == EditKind::Spelling
                || self.insertions > 0
                || self.scan_rules > 0
            {
                return;
            }
            // A first part with a linking s weighs as its word (förmåns-: förmån, 4.1; not förmåns, 1.2), so
            // the likelier word wins between twins (förmånsportalen, not förmansportalen).
            let mut start = 0;
            let mut parts: Vec<f32> = Vec::with_capacity(self.parts.len() + 1);
            for &(end, e) in &self.parts {
                let part = &self.buf[start..end];
                let linked = part
                    .strip_suffix('s')
                    .filter(|stem| stem.chars().count() >= 3)
                    .and_then(|stem| self.fst.get(stem.as_bytes()));
                let stem_zipf = linked.map_or(0.0, |o| Entry::unpack(o.value()).zipf());
                parts.push(e.zipf().max(stem_zipf));
                start = end;
            }
            parts.push(entry.zipf());
            let e = Entry {
                flags: Entry::VALID,
                ..entry
            };
            Candidate {
                word: self.buf.clone(),
                entry: e,
                cost,
                kind,
                parts,
                insertions: self.insertions,
                scan_rules: self.scan_rules,
            }
        };
        match self.found.get_mut(&cand.word) {
            Some(old) => {
                // Prefer the cheaper reading; between equal costs, the plain word over a compound, weighing
                // at least as the compound does (`ärendelista`, rare as a whole, is `ärende` + `lista`).
                if cand.cost == old.cost && cand.is_compound() != old.is_compound() {
                    let (plain, compound) = if old.is_compound() {
                        (&cand, &*old)
                    } else {
                        (&*old, &cand)
                    };
                    let zipf = plain
                        .entry
                        .zipf()
                        .max(compound_prior(&compound.parts, self.limits.compound_penalty));
                    let mut keep = plain.clone();
                    keep.entry.zipf100 = (zipf * 100.0).round() as _;
                    keep.parts = vec![keep.entry.zipf()];
                    *old = keep;
                } else if cand.cost < old.cost || (cand.cost == old.cost && cand.parts.len() < old.parts.len()) {
                    *old = cand;
                }
            }
            None => {
                self.found.insert(cand.word.clone(), cand);
            }
        }
    }

    fn walk<'f>(&self, mut node: Node<'f>, mut acc: Output, s: &str) -> Option<(Node<'f>, Output)>
    where
        Self: 'f,
    {
        for b in s.bytes() {
            let i = node.find_input(b)?;
            let t = node.transition(i);
            acc = acc.cat(t.out);
            node = self.fst.node(t.addr);
        }
        Some((node, acc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(observed: &str, limits: Limits) -> Vec<String> {
        search(Lexicon::embedded(), &Channel::default(), observed, limits)
            .into_iter()
            .map(|c| c.word)
            .collect()
    }

    #[test]
    fn plain_strips_and_confusions() {
        let l = Limits {
            generic_edits: 0,
            max_parts: 1,
            ..Limits::default()
        };
        assert!(words("goteborgs", l).contains(&"göteborgs".to_string()));
        assert!(words("ndmnden", l).contains(&"nämnden".to_string()));
        assert!(words("beddmning", l).contains(&"bedömning".to_string()));
        assert!(words("&r", l).contains(&"är".to_string()));
        assert!(words("anvianda", l).contains(&"använda".to_string()));
        assert!(words("forméagor", l).contains(&"förmågor".to_string()));
        let with_compounds = Limits {
            generic_edits: 0,
            ..Limits::default()
        };
        assert!(words("4rendenummer", with_compounds).contains(&"ärendenummer".to_string()));
    }

    #[test]
    fn the_observed_word_itself_is_a_candidate_at_no_cost() {
        let c = search(Lexicon::embedded(), &Channel::default(), "för", Limits::default());
        assert_eq!(c[0].word, "för");
        assert_eq!(c[0].cost, 0.0);
    }

    #[test]
    fn compounds_are_split_and_repaired() {
        let l = Limits {
            generic_edits: 0,
            ..Limits::default()
        };
        let c = search(Lexicon::embedded(), &Channel::default(), "ekonomisammantradet", l);
        let hit = c.iter().find(|c| c.word == "ekonomisammanträdet").expect("found");
        assert!(hit.is_compound());
        // "idag" may not end a compound, so strateg+idag is not offered as a split.
        let c = search(Lexicon::embedded(), &Channel::default(), "strategidag", l);
        assert!(c.iter().all(|c| c.word == "strategidag"));
        assert!(c.iter().all(|c| c.parts.len() == 2));
    }

    #[test]
    fn one_generic_edit() {
        let c = words("tll", Limits::default());
        assert!(c.contains(&"till".to_string()), "{c:?}");
    }
}
