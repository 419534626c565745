//! The document passes: each occurrence takes the decision of its region's profile unless the document
//! says otherwise, and the document serves as its own dictionary.
//!
//! - `occurrences`: an occurrence keeps its word as written when the region kept its diacritics and the
//!   edit is doubtful there (a name as written: `Arby`), when the edit would break a suspended compound
//!   part (`skol- och`), when the word is an abbreviation before its dot (`mom.`, `fr.`, `m. m.`), and
//!   when it is a name: a capitalised word that is no word of the lexicon, next to a party mark (`(S)`),
//!   after a title or a first name, written the same way elsewhere in the document, or known as a name;
//!   inside a sentence of a page that kept its diacritics any such word. A name is still repaired where
//!   the document writes it with å, ä, ö, or where the page stripped them and only they are restored.
//! - `document-cache`: a word the document writes with å, ä, ö somewhere restores its stripped spelling
//!   elsewhere (`Söderström` … `Soderstrom`).
use foldhash::{HashMap, HashSet};

use super::edit::{Casing, Decision, EditKind, RULE_CONFIDENCE};
use super::model::Repairer;
use super::state::{Doc, Profile};
use super::units::Unit;
use crate::lang::{ABBREVIATIONS, PARTIES, TITLES};
use crate::lexicon::Entry;
use crate::text::{fold, lower_nfc, Case};
use crate::token::{Kind, Token};

/// Where the OCR kept its diacritics, a valid word yields only to a reading at least this sure (raw).
const INTACT_MIN_CONFIDENCE: f32 = 0.9;
/// Where the OCR kept its diacritics, an unknown word of at least this many characters that only lacks
/// them is stripped all the same (`Sammantradesdatum`); a shorter one may be a name (`Arby`).
const INTACT_LONG_STRIP_CHARS: usize = 9;
/// The parts of a word joined from two (see `loose_compound`) have at least this many letters …
const LOOSE_PART_CHARS: usize = 3;
/// The parts of two common words joined (see `common_compound`) have at least this many letters.
const COMMON_PART_CHARS: usize = 4;
/// A first part Hunspell does not let begin compounds has at least this many letters …
const LOOSE_HEAD_CHARS: usize = 5;
/// … and the last is at least this common.
const LOOSE_TAIL_ZIPF: f32 = 4.0;
/// Shortest word the document cache restores.
const CACHE_MIN_CHARS: usize = 3;
/// A word before a dot of at most this many letters, followed by a small word or a digit, is an
/// abbreviation even when no list has it.
const ABBREVIATION_MAX_CHARS: usize = 4;

/// Pass `occurrences`: per occurrence, the decision of its region's profile, when it survives the checks
/// of the document.
pub(super) fn choose_occurrences(r: &Repairer, doc: &mut Doc) {
    let text = doc.text;
    // Both read every word of the document, and only a decision that reaches them needs them: most words
    // have none, and a clean page few.
    let names = std::cell::OnceCell::new();
    let line_cut = std::cell::OnceCell::new();
    let mut chosen = HashMap::default();
    for (ui, u) in doc.units.iter().enumerate() {
        let region = doc.region_at(u.first().start);
        let profile = &doc.profiles[region.profile];
        let decisions = doc.decisions(region.profile, ui);
        for (tok, d) in u.tokens().zip(decisions) {
            let Some(d) = d else { continue };
            let keep = (profile.intact && r.doubtful_in_intact_text(tok.text(text), d))
                || r.keeps_loose_compound(tok.text(text), d, profile)
                || line_start_fragment(text, &tok, d, profile, || *line_cut.get_or_init(|| self::line_cut(doc)))
                || r.breaks_suspended_prefix(text, &tok, d)
                || abbreviation(text, &doc.tokens, &tok)
                || in_latin_phrase(text, &doc.tokens, &tok)
                || (Case::of(tok.text(text)) == Case::Title
                    && names
                        .get_or_init(|| NameEvidence::of(doc))
                        .protects(r, doc, &tok, d, profile));
            if !keep {
                chosen.insert(tok.start, d.clone());
            }
        }
    }
    doc.chosen = chosen;
}

impl Repairer {
    /// `skol- och fritidsförvaltningen`: a word before a suspended hyphen is the first part of a compound.
    /// It is kept when it can begin a compound as written, and only repaired into a form that can.
    fn breaks_suspended_prefix(&self, text: &str, tok: &Token, d: &Decision) -> bool {
        let after = &text[tok.end..];
        if !(after.starts_with("- ") || after.starts_with("-, ")) {
            return false;
        }
        let begins = |w: &str| self.lexicon().lookup(w).is_some_and(|e| e.compound & Entry::BEGIN != 0);
        begins(tok.text(text)) || !begins(&d.to)
    }

    /// In a region that kept its diacritics: is this edit of a name or of a valid word too doubtful? So is
    /// one that removes an å, ä, ö through a
    /// degraded-scan confusion, and a compound that changes an å, ä, ö the OCR wrote: an engine that keeps
    /// its diacritics rarely invents or swaps them.
    fn doubtful_in_intact_text(&self, from: &str, d: &Decision) -> bool {
        let valid = self.lexicon().contains(from);
        // A long unknown word that only lacks its diacritics is stripped (`Sammantradesdatum`); a short one
        // may be a name as written (`Arby`).
        let long_strip = d.kind == EditKind::Diacritic && d.to.chars().count() >= INTACT_LONG_STRIP_CHARS;
        // Nor is one that only lacks the diacritics of a known name (Goteborg: Göteborg).
        let known_name = d.kind == EditKind::Diacritic && crate::names::is_name(&crate::text::title(&d.to));
        (Case::of(from) == Case::Title && !valid && !d.scan && !long_strip && !known_name)
            || (valid && d.confidence < INTACT_MIN_CONFIDENCE)
            || (d.scan && diacritics(&d.to) < diacritics(from))
            || (d.parts >= 2 && alters_diacritic(from, &d.to))
    }

    /// A word joined from two words of the lexicon (see [`Repairer::loose_compound`]) stays as written on a
    /// page that kept its diacritics, and on one that did not strip them against a reading that is itself
    /// a compound (`värderika` is no `värde|räka`); a listed word may still replace it there
    /// (`namnder`: nämnder).
    fn keeps_loose_compound(&self, written: &str, d: &Decision, profile: &Profile) -> bool {
        if d.real_word {
            return false;
        }
        let key = lower_nfc(written);
        ((profile.intact || (!profile.stripped() && d.parts >= 2)) && self.loose_compound(&key))
            // On any page: two common words joined are no word an unnamed edit should undo
            // (landinfrastruktur is no laddinfrastruktur).
            || (d.kind == EditKind::Spelling && self.common_compound(&key))
    }

    /// Is `key` two common words joined (each of at least [`COMMON_PART_CHARS`] letters and Zipf
    /// [`LOOSE_TAIL_ZIPF`], the first may take a linking s)?
    fn common_compound(&self, key: &str) -> bool {
        let lexicon = self.lexicon();
        let common = |w: &str| {
            w.chars().count() >= COMMON_PART_CHARS
                && lexicon
                    .lookup_key(w)
                    .is_some_and(|e| e.is_valid() && e.flags & Entry::NAME == 0 && e.zipf() >= LOOSE_TAIL_ZIPF)
        };
        key.char_indices().skip(1).any(|(i, _)| {
            let (head, tail) = key.split_at(i);
            (common(head) || head.strip_suffix('s').is_some_and(common)) && common(tail)
        })
    }

    /// Is `key` two words of the lexicon joined, a first part (that begins compounds) and a common word
    /// (`elevtal`: elev + tal, `värderika`)? Hunspell marks few words as compound ends, but Swedish joins
    /// freely; on a page that did not strip its diacritics such a word is far likelier written right than
    /// damaged, so it is kept.
    fn loose_compound(&self, key: &str) -> bool {
        let lexicon = self.lexicon();
        let chars: Vec<(usize, char)> = key.char_indices().collect();
        (LOOSE_PART_CHARS..=chars.len().saturating_sub(LOOSE_PART_CHARS)).any(|i| {
            let (head, tail) = key.split_at(chars[i].0);
            // A first part: one Hunspell lets begin a compound, or a longer word of its own
            // (malning-s-avgifter: the flags miss many; a short one, räd-ande, is too easily met).
            let begins = |h: &str| {
                lexicon.lookup_key(h).is_some_and(|e| {
                    e.compound & Entry::BEGIN != 0
                        || (e.is_valid() && e.flags & Entry::NAME == 0 && h.chars().count() >= LOOSE_HEAD_CHARS)
                })
            };
            let head_ok = begins(head) || head.strip_suffix('s').is_some_and(begins);
            head_ok
                && lexicon
                    .lookup_key(tail)
                    .is_some_and(|e| e.is_valid() && e.flags & Entry::NAME == 0 && e.zipf() >= LOOSE_TAIL_ZIPF)
        })
    }
}

/// A short word written small at the start of a line no hyphen leads into, that is no word as written: the
/// tail of a word cut before the line (`nad` of `anordnad`, `muner` of `kommuner`), in a text whose lines
/// were cut out of their pages (see [`line_cut`]) and that kept its diacritics: there such a word is far
/// likelier a fragment than damaged, and it is kept.
fn line_start_fragment(
    text: &str,
    tok: &Token,
    d: &Decision,
    profile: &Profile,
    line_cut: impl FnOnce() -> bool,
) -> bool {
    profile.intact && !d.real_word && line_initial_candidate(text, tok) && line_cut()
}

/// Is `tok` a short word written small that begins a line no hyphen (or `¬`, or a soft hyphen) leads into?
fn line_initial_candidate(text: &str, tok: &Token) -> bool {
    let w = tok.text(text);
    if Case::of(w) != Case::Lower || w.chars().count() > FRAGMENT_MAX_CHARS {
        return false;
    }
    // Looking back over spaces only: a text of one long line costs no more than one of many.
    crate::text::first_on_line(text, tok.start).is_some_and(|line_start| {
        !text[..line_start]
            .trim_end()
            .ends_with(['-', '¬', crate::token::SOFT_HYPHEN])
    })
}

/// Were the lines of this text cut out of their pages (a line-aligned archive set, excerpts)? Then its
/// lines begin with no word far more often than words inside them are none: at least one line in
/// [`LINE_CUT_SHARE`]⁻¹ begins with a short unknown word written small, [`LINE_CUT_RATIO`] times the
/// rate of unknown words inside lines. In a page of running text a line's first word is no likelier damaged than any other.
fn line_cut(doc: &Doc) -> bool {
    let text = doc.text;
    let (mut starts, mut start_unknown, mut inside, mut inside_unknown) = (0usize, 0usize, 0usize, 0usize);
    for (ui, u) in doc.units.iter().enumerate() {
        let Unit::Word(tok) = *u else { continue };
        let unknown = doc
            .decisions(0, ui)
            .first()
            .is_some_and(|d| d.as_ref().is_some_and(|d| !d.real_word));
        if crate::text::first_on_line(text, tok.start).is_some() {
            // Every line that begins with a word counts; only a short word written small can be a tail.
            starts += 1;
            start_unknown += usize::from(unknown && line_initial_candidate(text, &tok));
        } else if Case::of(tok.text(text)) == Case::Lower {
            inside += 1;
            inside_unknown += usize::from(unknown);
        }
    }
    let start_rate = start_unknown as f32 / starts.max(1) as f32;
    let inside_rate = (inside_unknown as f32 + 1.0) / (inside as f32 + 1.0);
    start_unknown > 0 && start_rate >= LINE_CUT_SHARE && start_rate >= LINE_CUT_RATIO * inside_rate
}

/// See [`line_cut`].
const LINE_CUT_SHARE: f32 = 0.2;
/// See [`line_cut`].
const LINE_CUT_RATIO: f32 = 4.0;

/// A line-initial fragment (see `line_start_fragment`) has at most this many letters.
const FRAGMENT_MAX_CHARS: usize = 9;

/// Is the word `tok` an abbreviation before its dot: `mom.`, `resp.`, `fr.`, the letters of `m. m.` and
/// `t. ex.`, or a short lowercase word before a dot and then a small word or a digit (`utlåt. s. 4`)?
fn abbreviation(text: &str, tokens: &[Token], tok: &Token) -> bool {
    let i = tokens.partition_point(|t| t.start < tok.start);
    if tokens.get(i + 1).is_none_or(|t| t.text(text) != ".") {
        return false;
    }
    let w = tok.text(text);
    let lower = lower_nfc(w);
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // After the dot: a space and a small word or a digit (not the next sentence).
    let next = tokens
        .get(i + 2)
        .filter(|t| t.kind == Kind::Space)
        .and_then(|_| tokens.get(i + 3));
    let goes_on = next.is_some_and(|t| {
        let n = t.text(text);
        n.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) || t.kind == Kind::Number
    });
    w.chars().count() <= ABBREVIATION_MAX_CHARS && w.chars().all(char::is_lowercase) && goes_on
}

/// Is `tok` a word of a Latin set phrase (`in fidem`, `pro memoria`) standing with its other word, one
/// space apart?
fn in_latin_phrase(text: &str, tokens: &[Token], tok: &Token) -> bool {
    let i = tokens.partition_point(|t| t.start < tok.start);
    let word = |j: Option<usize>| {
        j.and_then(|j| tokens.get(j))
            .filter(|t| t.kind == Kind::Word)
            .map(|t| lower_nfc(t.text(text)))
    };
    let spaced = |j: usize| tokens.get(j).is_some_and(|t| t.text(text) == " ");
    let me = lower_nfc(tok.text(text));
    let before = i
        .checked_sub(1)
        .filter(|&j| spaced(j))
        .and_then(|j| word(j.checked_sub(1)));
    let after = word(Some(i + 2)).filter(|_| spaced(i + 1));
    crate::lang::LATIN_PHRASES
        .iter()
        .any(|&(a, b)| (b == me && before.as_deref() == Some(a)) || (a == me && after.as_deref() == Some(b)))
}

/// Top-level domains that end an address the OCR broke at its dots (`anna.ek@stadshuset goteborg se`).
const DOMAINS: [&str; 9] = ["se", "nu", "com", "org", "net", "eu", "fi", "no", "dk"];

/// Is `tok` a piece of an e-mail address or a host name whose dots the OCR read as spaces: after an
/// address or URL on its line, with only words between, and before a top-level domain that ends the line
/// (`anna.ek@stadshuset goteborg se`)?
pub(super) fn in_broken_address(text: &str, tokens: &[Token], tok: &Token) -> bool {
    let i = tokens.partition_point(|t| t.start < tok.start);
    // A piece of an address: a word, a space, or a dot that ends no sentence (one a space follows does).
    let piece = |j: usize| {
        let t = &tokens[j];
        match t.kind {
            Kind::Word => true,
            Kind::Space => j == 0 || tokens[j - 1].text(text) != ".",
            _ => t.text(text) == "." && tokens.get(j + 1).is_none_or(|n| n.kind != Kind::Space),
        }
    };
    let before = (0..i).rev().take_while(|&j| piece(j)).count();
    let opens = before < i && matches!(tokens[i - before - 1].kind, Kind::Email | Kind::Url);
    if !opens {
        return false;
    }
    let rest = (i + 1..tokens.len()).take_while(|&j| piece(j)).count();
    let words = tokens[i - before..i + 1 + rest]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .count();
    let line_ends = tokens
        .get(i + 1 + rest)
        .is_none_or(|t| matches!(t.kind, Kind::Newline | Kind::PageBreak));
    let last = tokens[i + 1..i + 1 + rest]
        .iter()
        .rev()
        .find(|t| t.kind == Kind::Word)
        .map_or(tok.text(text), |t| t.text(text));
    line_ends && words <= ADDRESS_MAX_WORDS && DOMAINS.contains(&last) && last != tok.text(text)
}

/// An address the OCR broke at its dots has at most this many words after its start (`stadshuset goteborg
/// se`).
const ADDRESS_MAX_WORDS: usize = 4;

/// What the document says about its capitalised words.
struct NameEvidence<'t> {
    /// Capitalised words as written inside sentences, with how often.
    inside: HashMap<&'t str, usize>,
    /// Folded forms the document writes with å, ä, ö somewhere.
    with_diacritics: HashSet<String>,
}

/// A capitalised word written this often inside sentences is a name.
const NAME_REPEATS: usize = 2;

impl<'t> NameEvidence<'t> {
    fn of(doc: &Doc<'t>) -> NameEvidence<'t> {
        let text = doc.text;
        let mut inside: HashMap<&str, usize> = HashMap::default();
        // Each spelling once: is it capitalised (and its folded form, if it has å, ä, ö).
        let mut spellings: HashMap<&str, bool> = HashMap::default();
        let mut with_diacritics = HashSet::default();
        for t in doc.tokens.iter().filter(|t| t.kind == Kind::Word) {
            let w = t.text(text);
            let title = *spellings.entry(w).or_insert_with(|| {
                if w.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) {
                    with_diacritics.insert(fold(w));
                }
                Case::of(w) == Case::Title
            });
            if title && !crate::text::sentence_start(text, t.start, crate::text::LIST_MARKS) {
                *inside.entry(w).or_default() += 1;
            }
        }
        NameEvidence {
            inside,
            with_diacritics,
        }
    }

    /// Does the name guard keep `tok` as written against `d`?
    fn protects(&self, r: &Repairer, doc: &Doc, tok: &Token, d: &Decision, profile: &Profile) -> bool {
        let text = doc.text;
        let w = tok.text(text);
        if Case::of(w) != Case::Title || w.chars().count() < 2 {
            return false;
        }
        let lower = lower_nfc(w);
        let entry = |k: &str| r.lexicon().lookup_key(k).filter(|e| e.is_valid());
        // A known name that is also a common word (Mark, Vara, Bro, Boden) is no evidence of a name.
        let known_name = crate::names::is_name(w)
            && !entry(&lower).is_some_and(|e| e.flags & Entry::NAME == 0 && e.zipf() >= NAME_COMMON_ZIPF);
        if entry(&lower).is_some_and(|e| e.flags & Entry::NAME == 0) && !known_name {
            return false;
        }
        // The document writes it with å, ä, ö: a stripped spelling (the document cache restores it).
        if self.with_diacritics.contains(&fold(w)) && !w.contains(['å', 'ä', 'ö']) {
            return false;
        }
        // The engine misread the å, ä, ö of a name the lexicon knows (Géteborgs, Héij: Göteborgs, Höij).
        let restores = restores_vowels(&lower, &d.to);
        let to_name = entry(&d.to).is_some_and(|e| e.flags & Entry::NAME != 0)
            || crate::names::is_name(&crate::text::title(&d.to));
        if restores && to_name && !known_name && d.kind != EditKind::Spelling {
            return false;
        }
        let inside = !crate::text::sentence_start(text, tok.start, crate::text::LIST_MARKS);
        // A capitalised word inside a sentence read as a compound of three or more words is a name
        // (Brantingsmotet is no Bräntängsmötet).
        if inside && !known_name && d.parts >= NAME_COMPOUND_PARTS && entry(&lower).is_none() {
            return true;
        }
        // A page that stripped its diacritics strips names too: restoring only them is right there.
        if profile.stripped() && restores && d.kind != EditKind::Spelling {
            return false;
        }
        // Any other reading of a capitalised word inside a sentence is a name read as a word (Silja: Vilja,
        // Roed: Road), unless it gives a long common word (Stittelsen: Stiftelsen).
        let common = d.to.chars().count() >= NAME_LONG_WORD
            && entry(&d.to).is_some_and(|e| e.flags & Entry::NAME == 0 && e.zipf() >= NAME_COMMON_ZIPF);
        if inside && !restores && !common {
            return true;
        }
        let repeated = self.inside.get(w).is_some_and(|&n| n >= NAME_REPEATS);
        known_name
            || (inside && (repeated || profile.intact || w.contains(['å', 'ä', 'ö'])))
            || party_mark_after(doc, tok)
            || name_before(doc, tok)
            || (!restores && capitalised_neighbour(r, doc, tok))
    }
}

/// A capitalised unknown word inside a sentence is no compound of this many parts or more.
const NAME_COMPOUND_PARTS: u8 = 3;
/// A capitalised word inside a sentence may become a common word this long …
const NAME_LONG_WORD: usize = 8;
/// … and at least this frequent.
const NAME_COMMON_ZIPF: f32 = 3.0;

/// Does `to` write another letter where `from` has an å, ä or ö (`ärestoden` → `årestöden`)?
fn alters_diacritic(from: &str, to: &str) -> bool {
    let to: Vec<char> = to.chars().collect();
    from.to_lowercase()
        .chars()
        .enumerate()
        .any(|(i, c)| matches!(c, 'å' | 'ä' | 'ö') && to.get(i) != Some(&c))
}

/// How many å, ä, ö a word has.
fn diacritics(w: &str) -> usize {
    w.chars()
        .filter(|c| matches!(c, 'å' | 'ä' | 'ö' | 'Å' | 'Ä' | 'Ö'))
        .count()
}

/// What an engine writes for an å, ä or ö: the letter without its marks, or a sign of like shape.
const ENGINE_DIACRITIC_READINGS: &str = "aoåäöáàâãóòôõéèdg46&0@";

/// Does `to` differ from `from` (both lowercase) only by å, ä, ö put in (for a, o, or what an engine
/// without Swedish writes: é, d, 6, &, …)?
fn restores_vowels(from: &str, to: &str) -> bool {
    let a: Vec<char> = from.chars().collect();
    let b: Vec<char> = to.chars().collect();
    let (_, pairs) = crate::text::align(&a, &b);
    let source = |j: usize| pairs.iter().find(|&&(_, jj)| jj == j).map(|&(i, _)| a[i]);
    let mut any = false;
    for (j, &c) in b.iter().enumerate() {
        let src = source(j);
        if src == Some(c) {
            continue;
        }
        // An å, ä, ö put in for a letter an engine writes for one (a, o, é, d, 6, &, …), not for another
        // vowel of its own (Hillestrand is no Hällestrand).
        // A glyph the engine split in two (Strandhaill: Strandhäll) may be read from any letter.
        let split = a.len() > b.len();
        if !matches!(c, 'å' | 'ä' | 'ö') || src.is_some_and(|s| !split && !ENGINE_DIACRITIC_READINGS.contains(s)) {
            return false;
        }
        any = true;
    }
    any && b.len() <= a.len()
}

/// Is `tok` followed by a party mark in parentheses (`Holm (V)`, `Kaijser (h)`)?
fn party_mark_after(doc: &Doc, tok: &Token) -> bool {
    let text = doc.text;
    let after = text[tok.end..].trim_start_matches([' ', ',']);
    let Some(inner) = after.strip_prefix('(') else {
        return false;
    };
    let mark: String = inner.chars().take_while(|c| c.is_alphabetic()).collect();
    let closes = inner[mark.len()..].starts_with([')', '}', ']', ',']);
    closes && !mark.is_empty() && PARTIES.iter().any(|p| p.eq_ignore_ascii_case(&mark))
}

/// Is `tok` next, across one space, to a capitalised word that is a name or no common word (`Roed Touma`,
/// `Silja Dogg`): two such words in a row are a person's names?
fn capitalised_neighbour(r: &Repairer, doc: &Doc, tok: &Token) -> bool {
    let text = doc.text;
    let name_like = |w: &str| {
        Case::of(w) == Case::Title
            && w.chars().count() > 1
            && (crate::names::is_name(w)
                || !r
                    .lexicon()
                    .lookup(w)
                    .is_some_and(|e| e.is_valid() && e.flags & Entry::NAME == 0))
    };
    let after = text[tok.end..]
        .strip_prefix(' ')
        .map(|a| &a[..a.find(|c: char| !c.is_alphabetic() && c != '-').unwrap_or(a.len())]);
    let before = text[..tok.start]
        .strip_suffix(' ')
        .map(|b| &b[b.trim_end_matches(|c: char| c.is_alphabetic() || c == '-').len()..]);
    after.is_some_and(name_like) || before.is_some_and(name_like)
}

/// Is `tok` preceded, across one space, by a title (`herr`, `statsrådet`) or a first name (`Karin Holm`)?
fn name_before(doc: &Doc, tok: &Token) -> bool {
    let text = doc.text;
    let Some(before) = text[..tok.start].strip_suffix(' ') else {
        return false;
    };
    let prev_start = before.trim_end_matches(|c: char| c.is_alphabetic() || c == '-').len();
    let prev = &before[prev_start..];
    !prev.is_empty() && (TITLES.contains(&lower_nfc(prev).as_str()) || crate::names::is_first_name(prev))
}

/// Pass `document-cache`: the document as its own dictionary: a word it writes with å, ä, ö somewhere
/// (Gårda, Söderström) restores the stripped spelling of the same word elsewhere in it (Garda,
/// Soderstrom), even where the lexicon does not know the word or a name guard held the repair back. Only
/// unknown stripped words are touched, and only when one spelling with diacritics folds to them.
pub(super) fn apply_document_cache(r: &Repairer, doc: &mut Doc) {
    let (text, chosen) = (doc.text, &mut doc.chosen);
    // The undecided words, each with its distinct unit (so that a spelling is read once by its number, not
    // hashed at every occurrence). The halves of a word cut by a hyphen (`ak- törer`, `kommu-⏎nen`: a word
    // when joined) are pieces, no words: they neither show how the document writes a word nor take its
    // spelling (`fak- torer` is no `törer`). Halves that are no word joined (`AI-⏎tjanster`) are words of
    // their own, read by their spelling.
    let mut undecided: Vec<(Option<usize>, Token)> = Vec::new();
    for (u, &id) in doc.units.iter().zip(&doc.unit_ids) {
        match *u {
            Unit::Word(t) => undecided.push((Some(id), t)),
            Unit::Hyphenated(left, right) => {
                if !r.written_is_word_cached(&lower_nfc(&format!("{}{}", left.text(text), right.text(text)))) {
                    undecided.extend([(None, left), (None, right)]);
                }
            }
        }
    }
    undecided.retain(|(_, t)| !chosen.contains_key(&t.start));
    // Each spelling once: what the document writes with å, ä, ö, by its folded form (none where it writes
    // two spellings of one folded form).
    let mut read = vec![false; doc.distinct.len()];
    let mut read_halves: HashSet<&str> = HashSet::default();
    let mut seen: HashMap<String, Option<String>> = HashMap::default();
    for &(id, t) in &undecided {
        let first = match id {
            Some(id) => !std::mem::replace(&mut read[id], true),
            None => read_halves.insert(t.text(text)),
        };
        // A spelling of ASCII letters alone has no å, ä, ö (not even decomposed): most need no copy made.
        if !first || t.text(text).is_ascii() {
            continue;
        }
        let w = lower_nfc(t.text(text));
        if w.chars().count() >= CACHE_MIN_CHARS && w.contains(['å', 'ä', 'ö']) {
            let slot = seen.entry(fold(&w)).or_insert_with(|| Some(w.clone()));
            if slot.as_ref().is_some_and(|s| *s != w) {
                *slot = None;
            }
        }
    }
    if seen.is_empty() {
        return;
    }
    // What each undecided spelling becomes, found once: only a spelling the document also writes with å,
    // ä, ö can be restored, so that is looked up first, the lexicon only for those.
    let becomes = |w: &str| -> Option<String> {
        let w = lower_nfc(w);
        let to = seen.get(&w)?.as_ref()?;
        if w.contains(['å', 'ä', 'ö']) || r.lexicon().lookup_key(&w).is_some_and(Entry::is_valid) {
            return None;
        }
        Some(to.clone())
    };
    let mut restored: Vec<Option<Option<String>>> = vec![None; doc.distinct.len()];
    let mut restored_halves: HashMap<&str, Option<String>> = HashMap::default();
    for (id, t) in undecided {
        let to = match id {
            Some(id) => restored[id].get_or_insert_with(|| becomes(t.text(text))),
            None => restored_halves
                .entry(t.text(text))
                .or_insert_with(|| becomes(t.text(text))),
        };
        if let Some(to) = to {
            let d = Decision {
                to: to.clone(),
                kind: EditKind::Diacritic,
                confidence: RULE_CONFIDENCE,
                casing: Casing::Observed,
                scan: false,
                real_word: false,
                parts: 1,
            };
            chosen.insert(t.start, d);
        }
    }
}
