//! The OCR channel: what an OCR engine writes for each Swedish letter or letter group, and at what cost.
//!
//! A rule says "the OCR wrote `from` where the text had `to`" with a cost in log10 units, the same scale as
//! Zipf word frequencies: a cost of 1.0 means the misreading is ten times less likely than reading right
//! relative to the prior. Repair scores a candidate word as `zipf(word) - cost(observed | word)`.
//!
//! The costs in use are estimated from data: `scripts/estimate_channel.py` counts, in Tesseract output of
//! 40 Göteborg handlingar made with `scripts/make_ocr_pairs.sh` (eng and swe, four fonts; none of the dev
//! documents), how often each text span was read as each other span, and writes `data/channel.tsv`
//! (counts and -log10 P(ocr | text), no text); [`Channel::default`] applies those costs, scaled by
//! [`LEARNED_SCALE`], to the rules below and adds the confusions they lack. The rules' own costs, used where
//! the data is silent, were set from the confusion counts that `scripts/confusions.py` prints for
//! `../shared/eval/dev` (Tesseract eng and swe on Göteborg texts): plain strips (ä → a: 1,394, å → a: 933,
//! ö → o: 873 of 4,480 wrong words) are cheapest; ö → é (480), ö → d (62), ö → 6 (37), ä → d (32),
//! ä → 4 (15) and the two-letter readings (ä → ia, aé; å → éa) follow; degraded-scan confusions (f → t: 91,
//! ri → n: 40, i → 1: 42, dropped i/l/t; then l → t: 19, r → t: 15, n → m: 13, a → u: 12, r → n: 11,
//! o → e: 10, j → y: 10, i → u: 9, i → t: 8, i → r: 7, l → h: 7) are dearer, and any other single edit
//! dearest.
use super::edit::EditKind;

/// One confusion: the OCR wrote `from` where the text had `to`.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// What the OCR wrote (lowercase). Empty for a letter the OCR dropped.
    pub from: &'static str,
    /// What the text had (lowercase).
    pub to: &'static str,
    /// Cost in log10 units.
    pub cost: f32,
    /// How the edit is reported.
    pub kind: EditKind,
}

const fn r(from: &'static str, to: &'static str, cost: f32, kind: EditKind) -> Rule {
    Rule { from, to, cost, kind }
}

use EditKind::{Diacritic as D, OcrConfusion as C};

/// The built-in rules.
pub const RULES: &[Rule] = &[
    // Plain strips: the engine had no å, ä, ö.
    r("a", "ä", 0.3, D),
    r("a", "å", 0.3, D),
    r("o", "ö", 0.3, D),
    r("e", "é", 1.0, D),
    r("u", "ü", 1.5, D),
    // Accented or wrong vowels for å ä ö.
    r("é", "ö", 0.5, C),
    r("é", "ä", 0.7, C),
    r("é", "å", 0.7, C),
    r("è", "ä", 0.8, C),
    r("á", "å", 0.6, C),
    r("à", "å", 0.7, C),
    r("ó", "ö", 0.6, C),
    r("ò", "ö", 0.7, C),
    r("ô", "ö", 0.7, C),
    // Spurious diacritics of a Swedish-trained engine (`förmer` for former, `söm` for som).
    r("ö", "o", 1.4, C),
    r("ä", "a", 1.4, C),
    r("å", "a", 1.4, C),
    r("ä", "å", 1.2, C),
    r("å", "ä", 1.2, C),
    r("ö", "ä", 1.4, C),
    r("ä", "ö", 1.4, C),
    // Letters and symbols read for å ä ö by an engine without Swedish.
    r("d", "ö", 0.8, C),
    r("d", "ä", 0.8, C),
    r("d", "å", 0.9, C),
    r("6", "ö", 0.5, C),
    r("4", "ä", 0.6, C),
    r("4", "å", 0.6, C),
    r("&", "ä", 0.5, C),
    r("&", "å", 0.9, C),
    r("i", "ä", 1.0, C),
    r("i", "å", 1.3, C),
    // One letter read as two.
    r("ia", "ä", 0.8, C),
    r("id", "ä", 0.9, C),
    r("éd", "ä", 0.9, C),
    r("aé", "ä", 0.8, C),
    r("ai", "ä", 1.1, C),
    r("éa", "å", 0.8, C),
    r("aa", "å", 1.0, C),
    // Degraded scans.
    r("t", "f", 1.0, C),
    r("f", "t", 1.2, C),
    r("l", "i", 1.1, C),
    r("i", "l", 1.2, C),
    r("1", "i", 0.9, C),
    r("1", "l", 0.9, C),
    r("n", "ri", 1.2, C),
    r("m", "rn", 1.1, C),
    r("rn", "m", 1.1, C),
    r("m", "ni", 1.2, C),
    r("m", "in", 1.3, C),
    r("h", "li", 1.2, C),
    r("u", "ti", 1.3, C),
    r("h", "k", 1.3, C),
    r("y", "v", 1.2, C),
    r("y", "tj", 1.1, C),
    r("v", "y", 1.2, C),
    r("q", "g", 1.3, C),
    r("b", "h", 1.4, C),
    r("c", "e", 1.3, C),
    r("e", "c", 1.4, C),
    r("0", "o", 1.0, C),
    r("n", "r", 1.2, C),
    r("t", "l", 1.2, C),
    r("t", "i", 1.2, C),
    r("t", "r", 1.3, C),
    r("m", "n", 1.3, C),
    r("e", "o", 1.3, C),
    r("u", "a", 1.3, C),
    r("u", "i", 1.4, C),
    r("r", "i", 1.4, C),
    r("y", "j", 1.3, C),
    r("h", "l", 1.4, C),
    // Letters the OCR dropped.
    r("", "i", 1.2, C),
    r("", "l", 1.3, C),
    r("", "t", 1.4, C),
    r("", "ö", 1.3, C),
    r("", "ä", 1.3, C),
    r("", "å", 1.4, C),
];

/// A channel model: rules indexed by their first observed character, plus the cost of an edit no rule
/// names.
#[derive(Clone)]
pub struct Channel {
    by_first: Vec<(char, Vec<Rule>)>,
    /// For characters below U+0100: index into `by_first` + 1 (0: no rules). The search asks once per step.
    latin1: [u8; 256],
    insertions: Vec<Rule>,
    /// The cost of the cheapest rule in `insertions`.
    cheapest_insertion: f32,
    /// Cost of one substitution, insertion or deletion that no rule covers.
    pub generic_cost: f32,
}

/// The learned costs are -log10 P(ocr | text) over all the text, right words included; repair weighs a
/// confusion only where a word is wrong or doubtful, where confusions are far likelier. This factor, set on
/// `../shared/eval/dev` (0.35: 84.6%, 0.4: 85.3%, 0.5: 84.7% of errors removed), maps one onto the other.
pub const LEARNED_SCALE: f32 = 0.4;

impl Default for Channel {
    /// The learned channel (`data/channel.tsv`) over the built-in rules, built once.
    fn default() -> Self {
        static DEFAULT: std::sync::OnceLock<Channel> = std::sync::OnceLock::new();
        DEFAULT.get_or_init(|| Channel::learned(LEARNED, LEARNED_SCALE)).clone()
    }
}

static LEARNED: &str = include_str!("../../data/channel.tsv");

impl Channel {
    /// The built-in rules with the costs estimated from data (`data/channel.tsv`, made by
    /// `scripts/estimate_channel.py`) where the data has them, times `scale`; rules the data lacks keep
    /// their set cost, and confusions the data has that no rule names are added.
    pub fn learned(tsv: &str, scale: f32) -> Channel {
        let mut rules: Vec<Rule> = RULES.to_vec();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let (Some(&o), Some(&g), Some(cost)) = (f.first(), f.get(1), f.get(4).and_then(|c| c.parse::<f32>().ok()))
            else {
                continue;
            };
            if o == g || g.is_empty() || o.chars().any(|c| c.is_uppercase()) {
                continue;
            }
            let cost = cost * scale;
            match rules.iter_mut().find(|r| r.from == o && r.to == g) {
                Some(r) => r.cost = cost,
                None => {
                    let kind = if matches!((o, g), ("a", "ä") | ("a", "å") | ("o", "ö")) {
                        D
                    } else {
                        C
                    };
                    rules.push(Rule {
                        from: leak(o),
                        to: leak(g),
                        cost,
                        kind,
                    });
                }
            }
        }
        Channel::new(&rules, 2.0)
    }
}

/// Rule strings live as long as the program: channels are built once.
fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

impl Rule {
    /// Does the rule restore a Swedish vowel (å ä ö) or é, rather than undo a degraded-scan confusion?
    pub fn restores_vowel(&self) -> bool {
        matches!(self.to, "å" | "ä" | "ö" | "é" | "ü")
    }
}

impl Channel {
    /// A channel from rules and the cost of an unnamed edit.
    pub fn new(rules: &[Rule], generic_cost: f32) -> Channel {
        let mut by_first: Vec<(char, Vec<Rule>)> = Vec::new();
        let mut insertions = Vec::new();
        for rule in rules {
            match rule.from.chars().next() {
                None => insertions.push(*rule),
                Some(c) => match by_first.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, v)) => v.push(*rule),
                    None => by_first.push((c, vec![*rule])),
                },
            }
        }
        let mut latin1 = [0u8; 256];
        for (i, (c, _)) in by_first.iter().enumerate() {
            if (*c as u32) < 256 && i < 255 {
                latin1[*c as usize] = (i + 1) as u8;
            }
        }
        let cheapest_insertion = insertions.iter().map(|r| r.cost).fold(f32::INFINITY, f32::min);
        Channel {
            by_first,
            latin1,
            insertions,
            cheapest_insertion,
            generic_cost,
        }
    }

    /// Rules whose observed side starts with `c`.
    ///
    /// ```
    /// let ch = diakrit::repair::Channel::default();
    /// assert!(ch.rules_from('a').iter().any(|r| r.to == "ä"));
    /// ```
    pub fn rules_from(&self, c: char) -> &[Rule] {
        if (c as u32) < 256 && self.by_first.len() < 255 {
            return match self.latin1[c as usize] {
                0 => &[],
                i => &self.by_first[usize::from(i) - 1].1,
            };
        }
        self.by_first
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    /// Rules for letters the OCR dropped.
    pub fn insertions(&self) -> &[Rule] {
        &self.insertions
    }

    /// The cost of the cheapest dropped letter (infinite when there is none): a path with less budget
    /// left need not try them.
    pub fn cheapest_insertion(&self) -> f32 {
        self.cheapest_insertion
    }

    /// Can `c` stand in a word the channel may repair though it is no letter (`&r`, `4rendet`, `6ka`)?
    pub fn is_confusable_symbol(&self, c: char) -> bool {
        !c.is_alphabetic() && self.by_first.iter().any(|(k, _)| *k == c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_rules() {
        let ch = Channel::default();
        assert!(ch.rules_from('a').iter().any(|r| r.to == "ä"));
        assert!(ch.rules_from('i').iter().any(|r| r.from == "ia"));
        assert!(ch.rules_from('x').is_empty());
        assert!(ch.insertions().iter().all(|r| r.from.is_empty()));
        assert!(ch.is_confusable_symbol('&') && ch.is_confusable_symbol('4') && !ch.is_confusable_symbol('a'));
    }

    #[test]
    fn strips_are_cheapest() {
        let strip = RULES
            .iter()
            .filter(|r| r.kind == D && r.to != "é" && r.to != "ü")
            .map(|r| r.cost);
        let other = RULES
            .iter()
            .filter(|r| r.kind == C)
            .map(|r| r.cost)
            .fold(f32::MAX, f32::min);
        assert!(strip.into_iter().all(|c| c < other));
    }
}
