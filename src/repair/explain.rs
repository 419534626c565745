//! What `diakrit explain` shows: a word's candidates with their scores, how its neighbours weigh the
//! ambiguous readings, and what repair makes of it.
use std::fmt;

use super::candidates::Candidate;
use super::edit::Damage;
use super::model::Repairer;
use crate::lexicon::Entry;
use crate::text::lower_nfc;
use crate::token::Kind;

/// Candidates shown.
const SHOWN: usize = 15;

/// One reading of a word in context, with the (repaired) neighbours it was scored between.
#[derive(Clone, Debug, PartialEq)]
pub struct ContextScore {
    /// The reading.
    pub reading: String,
    /// The word before (`^` at a line start).
    pub left: String,
    /// The word after (none at a line end).
    pub right: Option<String>,
    /// Log10 context score; comparable across the readings of one position.
    pub score: f64,
}

/// Why repair does what it does with one word. Its `Display` is the text `diakrit explain` prints.
///
/// ```
/// let e = diakrit::Repairer::new().explain("ndmnden", None);
/// assert!(e.to_string().contains("repair: ndmnden -> nämnden"));
/// ```
#[derive(Clone, Debug)]
pub struct Explanation {
    /// The word as given.
    pub word: String,
    /// Its lexicon entry, when it is a valid word.
    pub entry: Option<Entry>,
    /// The candidates, best first, with their scores.
    pub candidates: Vec<(Candidate, f32)>,
    /// The line it was explained in (its first occurrence in the text given), and that line repaired.
    pub context: Option<(String, String)>,
    /// The context scores of its readings (with a context only).
    pub context_scores: Vec<ContextScore>,
    /// How damaged the text it was explained in looks: the whole text, and the region the word stands in
    /// (with a context only). The damage sets how much evidence an edit needs there.
    pub damage: Option<(Damage, Damage)>,
    /// The edit repair makes of it: `(to, kind, confidence)`; none when it is kept.
    pub edit: Option<(String, &'static str, f32)>,
}

impl Repairer {
    /// Explain what repair makes of `word`, alone or in `context`: a line or a whole document that contains
    /// it (its first occurrence is explained).
    pub fn explain(&self, word: &str, context: Option<&str>) -> Explanation {
        let entry = self.shared.lexicon.lookup(word).filter(|e| e.is_valid());
        let text = context.unwrap_or(word);
        let fixed = self.repair(text);
        let start = self
            .tokenize(text)
            .iter()
            .find(|t| t.text(text) == word)
            .map_or(0, |t| t.start);
        let context_scores = if context.is_some() {
            self.context_scores(text, word)
        } else {
            Vec::new()
        };
        // The line of the occurrence, as written and repaired (repair keeps the line count).
        let line_no = text[..start].matches('\n').count();
        let line = |t: &str| t.lines().nth(line_no).unwrap_or("").to_string();
        let damage = context.map(|_| {
            let d = &fixed.damage;
            let region = d
                .regions
                .iter()
                .find(|r| r.span.0 <= start && start < r.span.1.max(r.span.0 + 1))
                .or(d.regions.last())
                .unwrap_or(&d.document);
            (d.document.clone(), region.clone())
        });
        let edit = fixed
            .edits
            .iter()
            .find(|e| e.span.0 == start && e.from == word)
            .map(|e| (e.to.clone(), e.kind.as_str(), e.confidence));
        Explanation {
            word: word.to_string(),
            entry,
            candidates: self.candidates(word),
            context: context.map(|_| (line(text), line(&fixed.text))),
            context_scores,
            damage,
            edit,
        }
    }

    /// The candidates for one word, best first, with their scores.
    pub fn candidates(&self, word: &str) -> Vec<(Candidate, f32)> {
        let key = lower_nfc(word);
        let mut c: Vec<(Candidate, f32)> = self.search(&key).iter().map(|c| (c.clone(), self.score(c))).collect();
        c.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.word.cmp(&b.0.word)));
        c
    }

    /// The context score of each reading of the first occurrence of `word` in `text`, with the (repaired)
    /// neighbours it was scored between.
    pub fn context_scores(&self, text: &str, word: &str) -> Vec<ContextScore> {
        let Some(ctx) = self.shared.context else {
            return Vec::new();
        };
        let repaired = self.repair(text);
        let tokens = self.tokenize(&repaired.text);
        let orig_tokens = self.tokenize(text);
        let Some(pos) = orig_tokens.iter().position(|t| t.text(text) == word) else {
            return Vec::new();
        };
        // Neighbours in the repaired text: the same token positions, since repair keeps the token count.
        let words: Vec<String> = tokens
            .iter()
            .filter(|t| t.kind == Kind::Word || (t.kind == Kind::Number && t.text(&repaired.text) == "1"))
            .map(|t| lower_nfc(t.text(&repaired.text)))
            .collect();
        let k = orig_tokens[..pos]
            .iter()
            .filter(|t| t.kind == Kind::Word || (t.kind == Kind::Number && t.text(text) == "1"))
            .count();
        let left = if k == 0 { "^".to_string() } else { words[k - 1].clone() };
        let right = words.get(k + 1).cloned();
        let key = lower_nfc(word);
        let mut readings: Vec<String> = ctx.group(&key);
        if key == "1" || key == "|" {
            readings = vec![key.clone(), "i".into()];
        }
        readings
            .into_iter()
            .map(|reading| {
                let score = ctx.score(&left, &reading, right.as_deref());
                ContextScore {
                    reading,
                    left: left.clone(),
                    right: right.clone(),
                    score,
                }
            })
            .collect()
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = &self.word;
        match self.entry {
            Some(e) => writeln!(f, "{word}: a word of the lexicon (Zipf {:.2})", e.zipf())?,
            None => writeln!(f, "{word}: not a word of the lexicon")?,
        }
        writeln!(
            f,
            "{:<28} {:>6} {:>6} {:>6}  kind",
            "candidate", "prior", "cost", "score"
        )?;
        for (c, score) in self.candidates.iter().take(SHOWN) {
            let parts = if c.is_compound() {
                format!(" ({} parts)", c.parts.len())
            } else {
                String::new()
            };
            writeln!(
                f,
                "{:<28} {:>6.2} {:>6.2} {:>6.2}  {}{parts}",
                c.word,
                score + c.cost,
                c.cost,
                score,
                c.kind.as_str()
            )?;
        }
        if let Some((document, region)) = &self.damage {
            writeln!(f, "damage of the text:   {}", describe(document))?;
            writeln!(f, "damage of its region: {}", describe(region))?;
        }
        if let Some((line, repaired)) = &self.context {
            writeln!(f, "in context: {line}\n        ->  {repaired}")?;
            for s in &self.context_scores {
                writeln!(
                    f,
                    "  context {} [{}] {}: {:.2}",
                    s.left,
                    s.reading,
                    s.right.as_deref().unwrap_or("$"),
                    s.score
                )?;
            }
        }
        match &self.edit {
            Some((to, kind, confidence)) => writeln!(f, "repair: {word} -> {to} ({kind}, confidence {confidence:.2})"),
            None => writeln!(f, "repair: kept {word}"),
        }
    }
}

/// One line on a damage estimate: its class, its two rates and the evidence behind them.
fn describe(d: &Damage) -> String {
    format!(
        "{} ({} orthography): strip rate {:.2}, error rate {:.3}; {} words, {} kept with å/ä/ö, {} stripped, {} no word",
        d.class, d.orthography, d.strip_rate, d.error_rate, d.words, d.kept, d.stripped, d.unknown
    )
}
