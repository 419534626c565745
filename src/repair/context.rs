//! The context pass: the ambiguous families (`ar` → är | år, `for` → för | for, `var` → var | vår) and
//! `i` as OCR writes it (`1`, `|`, `I`), decided by their neighbours with the bigram model
//! ([`crate::repair::Context`], `bigrams.rs`).
//!
//! For each word whose folded form the model knows several words for, and each `1` or `|` standing alone
//! between words, every reading is scored by its left and right neighbour (as repaired) minus the cost of
//! reading it so, and the best is taken when it beats the current choice clearly. Left to right, so a
//! repaired word is the context of the next.
use foldhash::HashMap;
use std::cell::RefCell;

use super::bigrams::{Context, Scorer};
use super::edit::{confidence_of_margin, Casing, Chosen, Decision, EditKind, RULE_CONFIDENCE};
use super::model::Repairer;
use super::state::{Doc, Profile};
use crate::catalogue::Catalogue;
use crate::lexicon::{Entry, Lexicon};
use crate::text::{fold, lower_nfc};
use crate::token::{Kind, Token};

/// Cost (log10) of restoring one diacritic where the OCR kept them, and of reading a `1` or `|` as `i`
/// there (plus the page's lift): such readings need overwhelming context.
const INTACT_READING_COST: f64 = 2.0;
/// Cost of restoring one diacritic in a document with no clear evidence either way.
const UNSURE_STRIP_COST: f64 = 1.0;
/// Least cost of restoring a diacritic, however stripped the document.
const MIN_STRIP_COST: f64 = 0.05;
/// How much more (log10) the neighbours must be associated with a reading than with the word as written
/// for a real-word edit, frequency aside.
const MIN_ASSOCIATION: f64 = 0.3;

/// A real-word edit the neighbours favour by this much (log10, frequency included) beyond what it needs
/// stands without the association check.
const STRONG_SUPPORT: f64 = 2.0;

/// Cost (log10) of reading an å, ä, ö the OCR wrote as another letter (`år` → `är`, `här` → `har`).
const SWAP_COST: f64 = 3.0;
/// Cost of reading a `1` or `|` as `i` where the OCR did not keep its diacritics.
const DIGIT_I_COST: f64 = 0.6;
/// A `|` is read as `i` only before a word the corpus has seen at least this often after `i`.
const MIN_PIPE_PAIR: f64 = 2.0;
/// A heading running into its text that ends in a capital `I` has at most this many words.
pub(super) const RUN_IN_HEADING_WORDS: usize = 6;

/// Pass `context`.
pub(super) fn apply(r: &Repairer, doc: &mut Doc) {
    let Some(ctx) = r.shared.context else { return };
    let slots = slots(doc.text, &doc.tokens);
    let costs = slots.iter().map(|s| Costs::of(doc.profile_at(s.token.start))).collect();
    let pass = Pass {
        repairer: r,
        ctx: Scorer::new(ctx),
        lexicon: &r.shared.lexicon,
        catalogue: &r.shared.catalogue,
        margin: f64::from(r.shared.config.context_margin),
        real_word_support: f64::from(r.shared.config.real_word_support),
        text: doc.text,
        lines: crate::text::LineStarts::new(doc.text),
        costs,
        slots,
        valid: RefCell::new(HashMap::default()),
        groups: RefCell::new(HashMap::default()),
        written: RefCell::new(HashMap::default()),
    };
    for k in 0..pass.slots.len() {
        pass.decide(k, &mut doc.chosen);
    }
}

/// What a reading costs, by what the document says of its OCR.
struct Costs {
    /// Restoring one diacritic. In a stripped document P(a | ä) is about the share of stripped words, so
    /// the cost is -log10 of that share; in one that kept its diacritics it is dear, otherwise moderate.
    strip: f64,
    /// Reading a `1` or `|` as `i`.
    digit: f64,
    /// The document kept its diacritics.
    intact: bool,
    /// … and has so few unknown words that no unnamed edit is allowed on it ([`Profile::generic`]).
    clean: bool,
    /// The page's lift (see [`Profile`]).
    lift: f64,
}

impl Costs {
    fn of(p: &Profile) -> Costs {
        // A page with no clear evidence either way: a moderate cost, raised by what the page's profile
        // asks of a diacritic reading (its log-odds of having kept them, and of being right at all).
        let unsure = UNSURE_STRIP_COST + f64::from(p.diacritic_margin - p.keep_margin + p.lift);
        let strip = if p.intact {
            INTACT_READING_COST
        } else if p.stripped() {
            (-f64::from(p.strip_rate).log10()).max(MIN_STRIP_COST)
        } else {
            unsure
        };
        // On a page that kept its diacritics a `1` is read as `i` only against the page's odds of being
        // right too (its lift): a clean page's `1 svensk krona` is a number.
        let digit = if p.intact {
            INTACT_READING_COST + f64::from(p.lift)
        } else {
            DIGIT_I_COST
        };
        Costs {
            strip,
            digit,
            intact: p.intact,
            clean: p.intact && !p.generic,
            lift: f64::from(p.lift),
        }
    }
}

/// A slot: a word, a number or a `|`, with its line and paragraph number.
#[derive(Clone, Copy)]
struct Slot {
    line: usize,
    paragraph: usize,
    token: Token,
}

/// Slots: words, numbers and `|` tokens, with their line and paragraph number (a paragraph ends at a
/// blank line or a page break; a line break inside one is the wrapping of running text). Other numbers
/// than `1` are neighbours only, as the model sees them (a year, or a number).
fn slots(text: &str, tokens: &[Token]) -> Vec<Slot> {
    let mut slots = Vec::new();
    let (mut line, mut paragraph, mut newlines) = (0, 0, 0);
    for t in tokens {
        match t.kind {
            Kind::Newline | Kind::PageBreak => {
                line += 1;
                newlines += 1;
                if newlines == 2 || t.kind == Kind::PageBreak {
                    paragraph += 1;
                }
                continue;
            }
            Kind::Space => continue,
            Kind::Word | Kind::Number => slots.push(Slot {
                line,
                paragraph,
                token: *t,
            }),
            Kind::Punct if t.text(text) == "|" => slots.push(Slot {
                line,
                paragraph,
                token: *t,
            }),
            _ => {}
        }
        newlines = 0;
    }
    slots
}

struct Pass<'a> {
    repairer: &'a Repairer,
    ctx: Scorer<'a>,
    lexicon: &'a Lexicon,
    catalogue: &'a Catalogue,
    margin: f64,
    real_word_support: f64,
    text: &'a str,
    lines: crate::text::LineStarts,
    /// The costs of each slot's region.
    costs: Vec<Costs>,
    slots: Vec<Slot>,
    /// Which members of groups are words of the lexicon.
    valid: RefCell<HashMap<String, bool>>,
    /// The groups of the words of this document (each distinct word asks the repairer's shared memo once,
    /// not every occurrence: no key to allocate, no lock per word).
    groups: RefCell<HashMap<String, std::sync::Arc<Vec<String>>>>,
    /// The same groups by the word as written: most occurrences need nothing else, so they need no
    /// lowercase copy made.
    written: RefCell<HashMap<&'a str, std::sync::Arc<Vec<String>>>>,
}

impl<'a> Pass<'a> {
    /// The reading of slot `k` as it stands: its decision, or the word as written.
    fn current(&self, chosen: &Chosen, t: &Token) -> String {
        if t.kind == Kind::Number {
            return Context::number_class(t.text(self.text)).to_string();
        }
        chosen
            .get(&t.start)
            .map_or_else(|| lower_nfc(t.text(self.text)), |d| d.to.clone())
    }

    /// The slot before or after `k` on the same line.
    fn neighbour(&self, k: usize, after: bool) -> Option<&Token> {
        let j = if after { k + 1 } else { k.checked_sub(1)? };
        self.slots
            .get(j)
            .filter(|s| s.line == self.slots[k].line)
            .map(|s| &s.token)
    }

    /// The slot before or after `k` in the same paragraph: across the wrapping of running text.
    fn paragraph_neighbour(&self, k: usize, after: bool) -> Option<&Token> {
        let j = if after { k + 1 } else { k.checked_sub(1)? };
        self.slots
            .get(j)
            .filter(|s| s.paragraph == self.slots[k].paragraph)
            .map(|s| &s.token)
    }

    /// The readings of the neighbours of word slot `k` as they stand (`^` at a paragraph's start).
    fn word_neighbours(&self, k: usize, chosen: &Chosen) -> (String, Option<String>) {
        let left = self
            .paragraph_neighbour(k, false)
            .map_or_else(|| "^".to_string(), |t| self.current(chosen, t));
        let right = self.paragraph_neighbour(k, true).map(|t| self.current(chosen, t));
        (left, right)
    }

    fn decide(&self, k: usize, chosen: &mut Chosen) {
        let tok = self.slots[k].token;
        if tok.kind == Kind::Number && tok.text(self.text) != "1" {
            return;
        }
        if tok.text(self.text) == "I" {
            self.capital_i_as_preposition(k, chosen);
            return;
        }
        self.confirm_real_word(k, chosen);
        // A word has readings to weigh only where the OCR did not keep its diacritics (where it kept them,
        // no word is read as its twin with or without them: the page did not strip them, and it does not
        // add them) and its fold group has two words or more: most words stop here.
        let group = if tok.kind == Kind::Word {
            let Some(g) = (!self.costs[k].intact)
                .then(|| self.group_as_written(tok.text(self.text)))
                .filter(|g| g.len() >= 2)
            else {
                return;
            };
            Some(g)
        } else {
            None
        };
        let orig = lower_nfc(tok.text(self.text));
        let cur = self.current(chosen, &tok);
        let Some(cands) = self.readings(&self.costs[k], group.as_deref().map(Vec::as_slice), &orig, &cur) else {
            return;
        };
        let (left, right) = if tok.kind == Kind::Word {
            self.word_neighbours(k, chosen)
        } else {
            let left = self
                .neighbour(k, false)
                .map_or_else(|| "^".to_string(), |t| self.current(chosen, t));
            (left, self.neighbour(k, true).map(|t| self.current(chosen, t)))
        };
        if tok.kind != Kind::Word && !self.may_read_i(k, &tok, &left, right.as_deref()) {
            return;
        }
        let Some((best, margin)) = self.best(&cands, &cur, &left, right.as_deref()) else {
            return;
        };
        if best == orig {
            chosen.remove(&tok.start);
            return;
        }
        // A word of the lexicon is read as another only when the neighbours, frequency aside, favour it.
        if tok.kind == Kind::Word
            && margin < self.margin + STRONG_SUPPORT
            && self.lexicon.lookup_key(&orig).is_some_and(Entry::is_valid)
            && !self.associated(&left, best, &orig, right.as_deref())
        {
            chosen.remove(&tok.start);
            return;
        }
        let kind = if tok.kind == Kind::Word {
            EditKind::Diacritic
        } else {
            EditKind::OcrConfusion
        };
        let upper = tok.kind != Kind::Word && self.capital_i(tok.start, &left, false);
        let d = Decision {
            to: best.to_string(),
            kind,
            confidence: confidence_of_margin(margin as f32),
            casing: if upper { Casing::Upper } else { Casing::Observed },
            scan: false,
            real_word: false,
            parts: 1,
        };
        chosen.insert(tok.start, d);
    }

    /// A real-word edit (a word of the lexicon read as another: `inre` → `inte`, `kor` → `kör`) stands only
    /// when the neighbours support it: the reading must fit them at least
    /// [`Config::real_word_support`](super::Config::real_word_support) (log10) better than the word as
    /// written, else the word stays.
    fn confirm_real_word(&self, k: usize, chosen: &mut Chosen) {
        let tok = self.slots[k].token;
        let Some(d) = chosen.get(&tok.start).filter(|d| d.real_word) else {
            return;
        };
        let orig = lower_nfc(tok.text(self.text));
        let (left, right) = self.word_neighbours(k, chosen);
        let support = self.ctx.score(&left, &d.to, right.as_deref()) - self.ctx.score(&left, &orig, right.as_deref());
        // On a page cleaner than a heavily damaged one the word as written is the likelier by its lift; and
        // the neighbours themselves, frequency aside, must not speak against the reading.
        let needed = self.real_word_support + self.costs[k].lift;
        // A reading through a degraded-scan confusion (tall: till) is another word, not the same one with
        // its marks back: frequency alone never carries it.
        let strong = !d.scan && support >= needed + STRONG_SUPPORT;
        let associated = strong || self.associated(&left, &d.to, &orig, right.as_deref());

        if support < needed || !associated {
            chosen.remove(&tok.start);
        }
    }

    /// Do the neighbours, frequency aside, favour `reading` over the word as written `orig` by at least
    /// [`MIN_ASSOCIATION`]?
    fn associated(&self, left: &str, reading: &str, orig: &str, right: Option<&str>) -> bool {
        let gain = self.ctx.association(left, reading, right) - self.ctx.association(left, orig, right);
        gain >= MIN_ASSOCIATION
    }

    /// A capital I inside a sentence, after a small word and before one, is the preposition i — except on a
    /// clean page (its diacritics kept, few unknown words), where such an I is far likelier a heading run
    /// into its paragraph by a text extraction that joined the lines (`… fortsatt utveckling I de dialoger`,
    /// `Tabell 3 – Förslag till justerade styrande dokument I nedanstående tabell`).
    fn capital_i_as_preposition(&self, k: usize, chosen: &mut Chosen) {
        if self.costs[k].clean {
            return;
        }
        let tok = self.slots[k].token;
        let text = self.text;
        let left_small = self.neighbour(k, false).is_some_and(|t| {
            let w = t.text(text);
            w.chars().count() > 1 && w.chars().all(char::is_lowercase)
        });
        let right_small = self
            .neighbour(k, true)
            .is_some_and(|t| t.text(text).chars().all(char::is_lowercase));
        if left_small && right_small && single_spaced(text, tok.start, tok.end) && !self.capital_i(tok.start, "", true)
        {
            let d = Decision {
                to: "i".into(),
                kind: EditKind::OcrConfusion,
                confidence: RULE_CONFIDENCE,
                casing: Casing::Verbatim,
                scan: false,
                real_word: false,
                parts: 1,
            };
            chosen.insert(tok.start, d);
        }
    }

    /// The readings of a slot with their costs, when there is a choice to make: a `1` or `|` (no `group`)
    /// and `i`; the valid words of a word's fold group `group`, when the current reading is one of them.
    fn readings(&self, costs: &Costs, group: Option<&[String]>, orig: &str, cur: &str) -> Option<Vec<(String, f64)>> {
        let Some(group) = group else {
            return Some(vec![(orig.to_string(), 0.0), ("i".to_string(), costs.digit)]);
        };
        let mut cands = Vec::new();
        for w in group {
            if w == orig || self.valid_in_group(w) {
                // Restoring a stripped å, ä, ö costs what the page's stripping says; removing or swapping one
                // the OCR wrote is what an engine that writes them rarely does.
                let cost: f64 = w
                    .chars()
                    .zip(orig.chars())
                    .filter(|(a, b)| a != b)
                    .map(|(_, o)| {
                        if matches!(o, 'å' | 'ä' | 'ö') {
                            SWAP_COST
                        } else {
                            costs.strip
                        }
                    })
                    .sum();
                cands.push((w.clone(), cost));
            }
        }
        (cands.len() >= 2 && cands.iter().any(|c| c.0 == cur)).then_some(cands)
    }

    /// The words that fold as `orig` does: those the corpus has or, when it has none and `orig` is a word
    /// of the lexicon, the readings restoring only å, ä, ö that the word pass found and the corpus has
    /// seen (`dar`: där, which the corpus never saw stripped).
    fn group(&self, orig: &str) -> std::sync::Arc<Vec<String>> {
        if let Some(g) = self.groups.borrow().get(orig) {
            return g.clone();
        }
        let g = self.repairer.cached_group(orig, || self.find_group(orig));
        self.groups.borrow_mut().insert(orig.to_string(), g.clone());
        g
    }

    /// [`Pass::group`] of a word as written, found once per distinct spelling in the document.
    fn group_as_written(&self, word: &'a str) -> std::sync::Arc<Vec<String>> {
        if let Some(g) = self.written.borrow().get(word) {
            return g.clone();
        }
        let g = self.group(&lower_nfc(word));
        self.written.borrow_mut().insert(word, g.clone());
        g
    }

    /// Is a member of a group a word of the lexicon (looked up once per document)?
    fn valid_in_group(&self, w: &str) -> bool {
        if let Some(&v) = self.valid.borrow().get(w) {
            return v;
        }
        let v = self.lexicon.lookup_key(w).is_some_and(Entry::is_valid);
        self.valid.borrow_mut().insert(w.to_string(), v);
        v
    }

    fn find_group(&self, orig: &str) -> Vec<String> {
        let mut group = self.ctx.context().group(orig);
        if !group.is_empty() {
            return group;
        }
        // Only a word of the lexicon (a real-word error: dar for där), and only readings the corpus has seen,
        // so that the neighbours can speak for them.
        if !self.lexicon.lookup_key(orig).is_some_and(Entry::is_valid) {
            return group;
        }
        let folded = fold(orig);
        for c in self.repairer.first_stage(orig).iter() {
            if c.kind == EditKind::Diacritic
                && c.scan_rules == 0
                && !group.contains(&c.word)
                && fold(&c.word) == folded
                && self.ctx.context().unigram(&c.word) > 0.0
            {
                group.push(c.word.clone());
            }
        }
        if !group.is_empty() && !group.iter().any(|w| w == orig) {
            group.push(orig.to_string());
        }
        group
    }

    /// May a lone `1` or `|` be read as `i` here? Only between words, with a space before it (`andra.1` is
    /// a footnote mark); a `|` only between words set off by single spaces, before a small word that the
    /// corpus has seen after `i` (a column rule `2023   |   Förvaltning` or `Göteborg | Telefon` is no `i`).
    fn may_read_i(&self, k: usize, tok: &Token, left: &str, right: Option<&str>) -> bool {
        let text = self.text;
        let spaced = text[..tok.start].chars().next_back().is_none_or(char::is_whitespace);
        // The preposition has its object after it: a number right before a comma or a full stop
        // (`Furuhällsplan 1, Kungsängen`) ends a phrase.
        let ends_phrase = text[tok.end..].starts_with([',', '.', ';', ':', ')']);
        if right.is_none() || !spaced || ends_phrase || left == "^" && tok.kind == Kind::Number {
            return false;
        }
        if tok.kind == Kind::Punct {
            let small = self
                .slots
                .get(k + 1)
                .is_some_and(|s| s.token.text(text).chars().next().is_some_and(char::is_lowercase));
            if !small
                || self.ctx.context().count_pair("i", right.unwrap_or("")) < MIN_PIPE_PAIR
                || (left != "^" && !single_spaced(text, tok.start, tok.end))
            {
                return false;
            }
        }
        true
    }

    /// The best reading and its margin over the current one, when it is another and clearly better.
    fn best<'c>(
        &self,
        cands: &'c [(String, f64)],
        cur: &str,
        left: &str,
        right: Option<&str>,
    ) -> Option<(&'c str, f64)> {
        let mut best: Option<(f64, &str)> = None;
        let mut cur_score = f64::MIN;
        for (c, cost) in cands {
            let sc = self.ctx.score(left, c, right) - cost;
            if *c == cur {
                cur_score = sc;
            }
            if best.is_none_or(|(b, _)| sc > b) {
                best = Some((sc, c));
            }
        }
        let (best_score, best) = best?;
        let margin = best_score - cur_score;
        (best != cur && margin >= self.margin).then_some((best, margin))
    }

    /// Is an `i` at `pos` the capital `I`: at a sentence start, at a line start (`left` is `^`), or right
    /// after a heading on the same line (`Förslag till beslut | kommunstyrelsen` is the heading and
    /// `I kommunstyrelsen:`)?
    /// With `unknown_headings`, also a paragraph's first short run of words that begins with a capital
    /// (a heading the catalogue lacks): used to keep a capital I as written, not to write one.
    fn capital_i(&self, pos: usize, left: &str, unknown_headings: bool) -> bool {
        let text = self.text;
        if left == "^" || crate::text::sentence_start(text, pos, &[]) {
            return true;
        }
        // A heading that runs into its text: `Förslag till beslut I kommunstyrelsen`, `Sammanfattning I
        // budget`; the heading may have started on the line before.
        // Only the last few words before the I are read, back from it: a text of one long line costs no
        // more than one of many.
        let line_start = self.lines.start_of(pos);
        let prev_start = self.lines.start_of(line_start.saturating_sub(1));
        let mut words: Vec<&str> = text[prev_start..pos]
            .split_whitespace()
            .rev()
            .take(RUN_IN_HEADING_WORDS)
            .collect();
        words.reverse();
        if (1..=words.len()).any(|n| self.catalogue.is_heading(&words[words.len() - n..].join(" "))) {
            return true;
        }
        // A heading the catalogue does not know, running into its text: a paragraph's first line that
        // begins with a capital and reaches the I within six words (`Kommunala nämnder och styrelser I
        // dagsläget`).
        // The line's words before the I, last first, one more than a heading may have.
        let line_words: Vec<&str> = text[line_start..pos]
            .split_whitespace()
            .rev()
            .take(RUN_IN_HEADING_WORDS + 1)
            .collect();
        let paragraph_start = line_start == 0 || text[prev_start..line_start].trim().is_empty();
        // A chapter's number before the heading (`3.3.1 Kartläggning av processer I dialogerna`) is no word of
        // it; a number with no dot may be a decision's point (`2 Kommunstyrelsen tar I uppdrag`).
        let chapter = regex!(r"^\d{1,2}(?:\.\d{1,2}){1,4}\.?$|^\d{1,2}\.$");
        let mut line_words = line_words;
        if line_words.len() > 1 && line_words.last().is_some_and(|w| chapter.is_match(w)) {
            line_words.pop();
        }
        unknown_headings
            && paragraph_start
            && !line_words.is_empty()
            && line_words.len() <= RUN_IN_HEADING_WORDS
            && line_words[line_words.len() - 1]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

/// Is the token at `start..end` set off by exactly one space on each side from word characters: `x I y`,
/// `x | y`, not a column separator (`2023   |   Förvaltning`) or a mark after a bracket (`nivå) I det`)?
fn single_spaced(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    let word_before = before
        .strip_suffix(' ')
        .and_then(|b| b.chars().next_back())
        .is_some_and(char::is_alphanumeric);
    let word_after = after
        .strip_prefix(' ')
        .and_then(|a| a.chars().next())
        .is_some_and(char::is_alphabetic);
    word_before && word_after
}
