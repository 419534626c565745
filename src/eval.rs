//! Word-level accuracy of a repair against a gold text: the figures of `../shared/eval/wordmetrics.py`.
//!
//! Words are maximal runs of letters and digits (NFC), compared case-sensitively. OCR lines are paired with
//! gold lines by character-trigram similarity of their folded forms (greedy, best pairs first, each gold
//! line once, similarity ≥ 0.3), words are aligned within each pair by Levenshtein distance, and unpaired
//! lines count as inserted or deleted words. The repaired text is paired with the OCR text line by line,
//! which holds for diakrit's output (it never adds or removes a line break). When the line counts differ,
//! the three texts are compared as single word sequences (plain Levenshtein; wordmetrics.py uses difflib
//! blocks there, so figures may differ slightly in that case only).
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::text::nfc;

/// Raw counts; add them up over files and call [`Counts::figures`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Words of the gold text.
    pub words: usize,
    /// Word edits from OCR to gold.
    pub err_ocr: usize,
    /// Word edits from repaired text to gold.
    pub err_out: usize,
    /// OCR words aligned to an equal gold word.
    pub right_ocr: usize,
    /// Of those, words the repair made wrong.
    pub broken: usize,
    /// OCR words the repair changed.
    pub changed: usize,
    /// Words of the OCR text.
    pub ocr_words: usize,
}

/// Rates derived from [`Counts`].
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Figures {
    /// Words of the gold text.
    pub words: usize,
    /// Word error rate of the OCR text.
    pub wer_ocr: f64,
    /// Word error rate of the repaired text.
    pub wer_out: f64,
    /// Share of the OCR's word errors the repair removed (`None` when the OCR had none).
    pub reduction: Option<f64>,
    /// Share of right OCR words the repair broke.
    pub broken: f64,
    /// Share of OCR words the repair changed.
    pub changed: f64,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.words += o.words;
        self.err_ocr += o.err_ocr;
        self.err_out += o.err_out;
        self.right_ocr += o.right_ocr;
        self.broken += o.broken;
        self.changed += o.changed;
        self.ocr_words += o.ocr_words;
    }
}

impl Counts {
    /// The rates.
    pub fn figures(&self) -> Figures {
        let n = self.words.max(1) as f64;
        let (wer_ocr, wer_out) = (self.err_ocr as f64 / n, self.err_out as f64 / n);
        Figures {
            words: self.words,
            wer_ocr,
            wer_out,
            reduction: (wer_ocr > 0.0).then(|| 1.0 - wer_out / wer_ocr),
            broken: self.broken as f64 / self.right_ocr.max(1) as f64,
            changed: self.changed as f64 / self.ocr_words.max(1) as f64,
        }
    }
}

impl Figures {
    /// The figures as `wordmetrics.py` prints them: `NAME: words N wer_ocr X wer_out X reduction X broken X`,
    /// and `changed X` on the total line. Rounded as Python rounds (to 5 places, on the exact binary
    /// value, then printed with 4), so the lines compare equal.
    ///
    /// ```
    /// let c = diakrit::eval::score("pa fran", "på från", "på från");
    /// assert_eq!(c.figures().line("ALL", true), "ALL: words 2 wer_ocr 1.0000 wer_out 0.0000 reduction 1.0 broken 0.0000 changed 1.0000");
    /// ```
    pub fn line(&self, name: &str, total: bool) -> String {
        let r5 = |x: f64| format!("{x:.5}").parse::<f64>().unwrap_or(x);
        let red = self.reduction.map_or("None".to_string(), |r| {
            let r = r5(r);
            if r.fract() == 0.0 {
                format!("{r:.1}")
            } else {
                format!("{r}")
            }
        });
        let mut line = format!(
            "{name}: words {} wer_ocr {:.4} wer_out {:.4} reduction {red} broken {:.4}",
            self.words,
            r5(self.wer_ocr),
            r5(self.wer_out),
            r5(self.broken)
        );
        if total {
            line += &format!(" changed {:.4}", r5(self.changed));
        }
        line
    }
}

/// The OCR/gold pairs to score: for two folders, every `*.txt` of `gold` (sorted) with the OCR file of
/// the same name; for two files, that pair under the OCR file's name.
pub fn pairs(ocr: &Path, gold: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>, String> {
    if !ocr.is_dir() {
        return Ok(vec![(ocr.display().to_string(), ocr.to_path_buf(), gold.to_path_buf())]);
    }
    let entries =
        std::fs::read_dir(gold).map_err(|e| format!("{}: {}", gold.display(), crate::source::io_reason(&e)))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("{}: no .txt files", gold.display()));
    }
    Ok(names
        .into_iter()
        .map(|n| (n.clone(), ocr.join(&n), gold.join(&n)))
        .collect())
}

/// The words of `text`.
pub fn words(text: &str) -> Vec<String> {
    let t = nfc(text);
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in t.chars() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn lev_pairs(a: &[String], b: &[String]) -> (usize, Vec<(usize, usize)>) {
    crate::text::align(a, b)
}

fn fold_alnum(line: &str) -> Vec<char> {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    line.to_lowercase()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn grams(line: &str) -> HashSet<String> {
    let t = fold_alnum(line);
    if t.len() < 3 {
        return if t.is_empty() {
            HashSet::new()
        } else {
            std::iter::once(t.iter().collect()).collect()
        };
    }
    t.windows(3).map(|w| w.iter().collect()).collect()
}

/// Pair OCR lines with gold lines (OCR index → gold index).
fn pair_lines(ocr: &[&str], gold: &[&str]) -> HashMap<usize, usize> {
    let og: Vec<HashSet<String>> = ocr.iter().map(|l| grams(l)).collect();
    let gg: Vec<HashSet<String>> = gold.iter().map(|l| grams(l)).collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, g) in gg.iter().enumerate() {
        for t in g {
            index.entry(t.as_str()).or_default().push(j);
        }
    }
    let (no, ng) = (ocr.len().max(1) as f64, gold.len().max(1) as f64);
    let mut cand: Vec<(f64, f64, usize, usize)> = Vec::new();
    for (i, o) in og.iter().enumerate() {
        if o.is_empty() {
            continue;
        }
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for t in o {
            for &j in index.get(t.as_str()).map_or(&[][..], |v| v.as_slice()) {
                *hits.entry(j).or_default() += 1;
            }
        }
        for (j, h) in hits {
            let sim = h as f64 / (o.len() + gg[j].len() - h) as f64;
            if sim >= 0.3 {
                cand.push((sim, -(i as f64 / no - j as f64 / ng).abs(), i, j));
            }
        }
    }
    // Python sorts the tuples in reverse: by similarity, then closeness, then index, all descending.
    cand.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(b.2.cmp(&a.2))
            .then(b.3.cmp(&a.3))
    });
    let (mut used_o, mut used_g, mut pairs) = (HashSet::new(), HashSet::new(), HashMap::new());
    for (_, _, i, j) in cand {
        if used_o.contains(&i) || used_g.contains(&j) {
            continue;
        }
        used_o.insert(i);
        used_g.insert(j);
        pairs.insert(i, j);
    }
    pairs
}

fn lines(t: &str) -> Vec<&str> {
    t.split(['\n', '\u{c}']).collect()
}

/// Score one document.
///
/// ```
/// let c = diakrit::eval::score("Detta ar fran Goteborg.", "Detta är från Goteborg.", "Detta är från Göteborg.");
/// assert_eq!((c.err_ocr, c.err_out, c.broken), (3, 1, 0));
/// ```
pub fn score(ocr: &str, out: &str, gold: &str) -> Counts {
    let (ol, sl, gl) = (lines(ocr), lines(out), lines(gold));
    if ol.len() != sl.len() {
        return score_sequence(ocr, out, gold);
    }
    let pairs = pair_lines(&ol, &gl);
    let mut t = Counts {
        words: words(gold).len(),
        ocr_words: words(ocr).len(),
        ..Counts::default()
    };
    for (i, line) in ol.iter().enumerate() {
        let (o, s) = (words(line), words(sl[i]));
        let (_, s2o) = lev_pairs(&s, &o);
        let o2s: HashMap<usize, usize> = s2o.iter().map(|&(p, q)| (q, p)).collect();
        t.changed += (0..o.len())
            .filter(|k| o2s.get(k).is_none_or(|&p| s[p] != o[*k]))
            .count();
        let Some(&gi) = pairs.get(&i) else {
            t.err_ocr += o.len();
            t.err_out += s.len();
            continue;
        };
        let g = words(gl[gi]);
        let (e_o, o_g) = lev_pairs(&o, &g);
        let (e_s, _) = lev_pairs(&s, &g);
        t.err_ocr += e_o;
        t.err_out += e_s;
        for (oi, gi) in o_g {
            if o[oi] == g[gi] {
                t.right_ocr += 1;
                if o2s.get(&oi).is_none_or(|&p| s[p] != g[gi]) {
                    t.broken += 1;
                }
            }
        }
    }
    let paired: HashSet<usize> = pairs.values().copied().collect();
    for (j, line) in gl.iter().enumerate() {
        if !paired.contains(&j) {
            let n = words(line).len();
            t.err_ocr += n;
            t.err_out += n;
        }
    }
    t
}

fn score_sequence(ocr: &str, out: &str, gold: &str) -> Counts {
    let (o, s, g) = (words(ocr), words(out), words(gold));
    let (e_ocr, o_g) = lev_pairs(&o, &g);
    let (e_out, _) = lev_pairs(&s, &g);
    let (_, s_o) = lev_pairs(&s, &o);
    let o2s: HashMap<usize, usize> = s_o.iter().map(|&(p, q)| (q, p)).collect();
    let mut t = Counts {
        words: g.len(),
        err_ocr: e_ocr,
        err_out: e_out,
        ocr_words: o.len(),
        ..Counts::default()
    };
    for (oi, gi) in o_g {
        if o[oi] == g[gi] {
            t.right_ocr += 1;
            if o2s.get(&oi).is_none_or(|&p| s[p] != g[gi]) {
                t.broken += 1;
            }
        }
    }
    t.changed = (0..o.len())
        .filter(|k| o2s.get(k).is_none_or(|&p| s[p] != o[*k]))
        .count();
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_errors_fixes_and_breaks() {
        let gold = "Detta är från Göteborg.\nAndra raden här.";
        let ocr = "Detta ar fran Goteborg.\nAndra raden har.";
        let out = "Detta är från Goteborg.\nÄndra raden här.";
        let c = score(ocr, out, gold);
        assert_eq!(c.words, 7);
        assert_eq!(c.err_ocr, 4);
        assert_eq!(c.err_out, 2);
        assert_eq!(c.right_ocr, 3);
        assert_eq!(c.broken, 1);
        assert_eq!(c.changed, 4);
        let f = c.figures();
        assert!((f.reduction.unwrap() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn perfect_repair() {
        let c = score("pa fran", "på från", "på från");
        assert_eq!(c.figures().reduction, Some(1.0));
        assert_eq!(c.broken, 0);
    }

    #[test]
    fn words_are_alnum_runs() {
        assert_eq!(
            words("AI-tjänster, 2024-05-29!"),
            ["AI", "tjänster", "2024", "05", "29"]
        );
    }
}
