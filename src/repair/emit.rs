//! The emit step: the decisions that survived the passes become edits. Each decision's confidence is
//! calibrated and held against `--min-confidence`, its replacement is written in the observed word's
//! case (or the case the decision asks for, or small where the observed capital was itself a misreading),
//! and with `--join-hyphens` words cut at a line end are joined.
use foldhash::{HashMap, HashSet};

use super::calibration::calibrate;
use super::context::RUN_IN_HEADING_WORDS;
use super::edit::{Casing, Decision, Edit, EditKind};
use super::model::Repairer;
use super::state::Doc;
use super::units::Unit;
use crate::lexicon::Entry;
use crate::text::Case;
use crate::token::{Kind, Token};

impl Repairer {
    /// The edits the decisions of `doc` make, in text order.
    pub(super) fn edits(&self, doc: &Doc) -> Vec<Edit> {
        let (text, tokens) = (doc.text, &doc.tokens);
        let mut edits = Vec::new();
        // The words the document writes capitalised, gathered once when first needed.
        let mut capitalised: Option<HashSet<&str>> = None;
        for (i, tok) in tokens.iter().enumerate() {
            let Some(d) = doc.chosen.get(&tok.start) else { continue };
            let confidence = calibrate(d.confidence);
            if confidence < self.shared.config.min_confidence {
                continue;
            }
            let from = tok.text(text);
            let to = match d.casing {
                Casing::Verbatim => d.to.clone(),
                Casing::Upper => d.to.to_uppercase(),
                Casing::Observed if self.capital_misread(text, tokens, i, d, &mut capitalised) => d.to.clone(),
                // `PA forslag av`: a short word in capitals only because OCR read å as A; `På förslag av`.
                Casing::Observed if short_caps_before_lowercase(text, tokens, i) => Case::Title.apply(&d.to, "Xx"),
                Casing::Observed => Case::of(from).apply(&d.to, from),
            };
            if to != from {
                edits.push(Edit {
                    span: (tok.start, tok.end),
                    from: from.to_string(),
                    to,
                    kind: d.kind,
                    confidence,
                });
            }
        }
        if self.shared.config.join_hyphens {
            edits = self.join_hyphens(text, &doc.units, edits);
        }
        edits
    }

    /// `motas Over generationer`, `se Gver`: an engine without Swedish reads a small ö, å, ä as a capital
    /// O, G or A (and sometimes another small letter as a capital: `Ollaggsyrkandet`). A restored word whose
    /// capital is such a misread, between two lowercase words of one sentence, is written in lowercase when it is a common word and not a name.
    fn capital_misread<'t>(
        &self,
        text: &'t str,
        tokens: &[Token],
        i: usize,
        d: &Decision,
        capitalised: &mut Option<HashSet<&'t str>>,
    ) -> bool {
        let from = tokens[i].text(text);
        let (Some(f), Some(t)) = (from.chars().next(), d.to.chars().next()) else {
            return false;
        };
        // The capital itself was misread: a small å, ä, ö read as O, G, A, or another letter altogether
        // (`Ollaggsyrkandet` for tilläggsyrkandet).
        let misread = f.to_lowercase().next() != Some(t);
        if Case::of(from) != Case::Title || !f.is_ascii() || !misread {
            return false;
        }
        // The first word of a text that a heading runs into on its line (`Stadsledningskontorets
        // bedomning Andring av bolagsordning …`): its capital begins a sentence.
        let line_start = text[..tokens[i].start].rfind(['\n', '\u{c}']).map_or(0, |p| p + 1);
        let heading = text[line_start..tokens[i].start].trim();
        if !heading.is_empty()
            && heading.split_whitespace().count() <= RUN_IN_HEADING_WORDS
            && self.shared.catalogue.is_heading(heading)
        {
            return false;
        }
        if !self
            .shared
            .lexicon
            .lookup_key(&d.to)
            .is_some_and(|e| e.is_valid() && e.flags & Entry::NAME == 0)
        {
            return false;
        }
        // The document writes the word capitalised elsewhere (Österrike): a name, its capital right.
        let title = crate::text::title(&d.to);
        let capitalised = capitalised.get_or_insert_with(|| {
            tokens
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .map(|t| t.text(text))
                .filter(|w| w.starts_with(char::is_uppercase))
                .collect()
        });
        if capitalised.contains(title.as_str()) {
            return false;
        }
        let lower_word =
            |t: Option<&Token>| t.is_some_and(|t| t.kind == Kind::Word && t.text(text).chars().all(char::is_lowercase));
        let single_space = |t: Option<&Token>| t.is_some_and(|t| t.text(text) == " ");
        // The word before: on the same line, or ending the line before (`… same identifiera och nominera⏎
        // Atgardsbehov till …`; a blank line or a page break between is a new paragraph).
        let before = (i >= 2 && single_space(tokens.get(i - 1)) && lower_word(tokens.get(i - 2)))
            || (i >= 2 && tokens[i - 1].kind == Kind::Newline && lower_word(tokens.get(i - 2)))
            || (i >= 3
                && tokens[i - 1].kind == Kind::Newline
                && tokens[i - 2].kind == Kind::Space
                && lower_word(tokens.get(i - 3)));
        let after = match tokens.get(i + 1) {
            None => true,
            Some(t) if t.kind == Kind::Space => single_space(Some(t)) && lower_word(tokens.get(i + 2)),
            Some(t) => matches!(t.kind, Kind::Punct | Kind::Newline | Kind::PageBreak),
        };
        before && after
    }

    /// Rejoin words cut by a hyphen at a line end (`kommu-⏎nen` → `kommunen`) when the joined word, as
    /// repaired, is a word or a compound of words; keep the hyphen where it belongs (`AI-⏎tjänster`: a
    /// word in capitals before it; `SLK-2023-⏎01038` is no word at all). Each join is one edit over the
    /// whole span, taking in the repairs of both halves.
    fn join_hyphens(&self, text: &str, units: &[Unit], edits: Vec<Edit>) -> Vec<Edit> {
        let by_start: HashMap<usize, &Edit> = edits.iter().map(|e| (e.span.0, e)).collect();
        let repaired = |t: &Token| {
            by_start
                .get(&t.start)
                .map_or_else(|| t.text(text).to_string(), |e| e.to.clone())
        };
        let mut joins: Vec<Edit> = Vec::new();
        for u in units {
            let Unit::Hyphenated(l, r) = *u else { continue };
            let (lw, rw) = (repaired(&l), repaired(&r));
            if Case::of(&lw) == Case::Upper || lw.chars().count() < 2 {
                continue;
            }
            let joined = format!("{lw}{rw}");
            if !self.known(&joined) {
                continue;
            }
            let parts: Vec<&Edit> = [l.start, r.start]
                .iter()
                .filter_map(|s| by_start.get(s).copied())
                .collect();
            let kind = parts
                .iter()
                .map(|e| e.kind)
                .max()
                .unwrap_or(EditKind::Hyphenation)
                .max(EditKind::Hyphenation);
            let confidence = parts.iter().map(|e| e.confidence).fold(1.0f32, f32::min);
            joins.push(Edit {
                span: (l.start, r.end),
                from: text[l.start..r.end].to_string(),
                to: joined,
                kind,
                confidence,
            });
        }
        if joins.is_empty() {
            return edits;
        }
        let covered = |e: &Edit| joins.iter().any(|j| e.span.0 >= j.span.0 && e.span.1 <= j.span.1);
        let mut out: Vec<Edit> = edits.into_iter().filter(|e| !covered(e)).collect();
        out.extend(joins);
        out.sort_by_key(|e| e.span.0);
        out
    }
}

/// Is token `i` a word of two or three capitals (`PA`, `AR`) followed on its line by a lowercase word?
fn short_caps_before_lowercase(text: &str, tokens: &[Token], i: usize) -> bool {
    let w = tokens[i].text(text);
    let n = w.chars().count();
    Case::of(w) == Case::Upper
        && (2..=3).contains(&n)
        && tokens.get(i + 1).is_some_and(|t| t.text(text) == " ")
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.kind == Kind::Word && t.text(text).chars().all(char::is_lowercase))
}
