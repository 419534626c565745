//! The heading catalogue: which lines are headings of Swedish board documents, with their labels, and the
//! types that name documents ([`DocType`]), the parts of them a heading belongs to ([`Scope`]) and
//! sections ([`Label`]).
//!
//! The catalogue is data, not code: `data/headings.tsv` (the columns of the design docs' `headings.tsv`:
//! scope, label id, variants separated by `|`). A line is a heading when the whole line, with diacritics
//! folded and a trailing colon dropped, matches a variant exactly or within a small edit distance, so OCR
//! damage the repair left (`Beddmning`, `Arendet`) still matches. Variants that end in a placeholder
//! (`Motion av <namn> …`) match a line that begins with them.
//!
//! It sits below both stages that use it: [`crate::segment`] finds the headings of a document with it,
//! and [`crate::repair`] asks it whether the words before a capital `I` are a heading running into its text
//! (`Förslag till beslut I kommunstyrelsen`), so both see the same catalogue, a user's included.
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use serde::{Serialize, Serializer};

use crate::text::{fold, Hist};

static EMBEDDED_HEADINGS: &str = include_str!("../data/headings.tsv");

/// The kind of a document, serialised as its id (`tjansteutlatande`, `protokoll`, …).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DocType {
    /// A tjänsteutlåtande or tjänsteskrivelse: an office's report to a board.
    Tjansteutlatande,
    /// A board's protocol: § paragraphs.
    Protokoll,
    /// An extract of a protocol (`Protokollsutdrag`).
    Protokollsutdrag,
    /// A KF handling: a bundle of a board proposal, tjänsteutlåtanden, yrkanden and yttranden.
    KfHandling,
    /// A councillor's motion.
    Motion,
    /// An interpellation.
    Interpellation,
    /// A party's proposal (`Yrkande`, `Tilläggsyrkande`).
    PoliticalProposal,
    /// A party's statement (`Yttrande`, `Särskilt yttrande`).
    PoliticalStatement,
    /// A consultation response.
    Remissvar,
    /// A notice of a meeting.
    Kallelse,
    /// A delegated decision.
    Delegationsbeslut,
    /// Not recognised.
    Unknown,
    /// A type of a user's catalogue.
    Other(Arc<str>),
}

impl DocType {
    /// The id used in JSON and in the catalogue.
    pub fn as_str(&self) -> &str {
        match self {
            DocType::Tjansteutlatande => "tjansteutlatande",
            DocType::Protokoll => "protokoll",
            DocType::Protokollsutdrag => "protokollsutdrag",
            DocType::KfHandling => "kf_handling",
            DocType::Motion => "motion",
            DocType::Interpellation => "interpellation",
            DocType::PoliticalProposal => "political_proposal",
            DocType::PoliticalStatement => "political_statement",
            DocType::Remissvar => "remissvar",
            DocType::Kallelse => "kallelse",
            DocType::Delegationsbeslut => "delegationsbeslut",
            DocType::Unknown => "unknown",
            DocType::Other(s) => s,
        }
    }

    /// The type with id `s` (an unknown id is [`DocType::Other`]).
    pub fn from_id(s: &str) -> DocType {
        const KNOWN: [DocType; 12] = [
            DocType::Tjansteutlatande,
            DocType::Protokoll,
            DocType::Protokollsutdrag,
            DocType::KfHandling,
            DocType::Motion,
            DocType::Interpellation,
            DocType::PoliticalProposal,
            DocType::PoliticalStatement,
            DocType::Remissvar,
            DocType::Kallelse,
            DocType::Delegationsbeslut,
            DocType::Unknown,
        ];
        KNOWN
            .into_iter()
            .find(|t| t.as_str() == s)
            .unwrap_or_else(|| DocType::Other(s.into()))
    }

    /// A protocol or an extract of one.
    pub fn is_protocol(&self) -> bool {
        matches!(self, DocType::Protokoll | DocType::Protokollsutdrag)
    }
}

impl PartialEq<&str> for DocType {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for DocType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DocType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Where a catalogue heading belongs: a kind of document, or one of the two parts of a protocol that have
/// headings of their own (the catalogue's `protokoll_paragraph` and `protokoll_front` rows).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The headings of a document of this type.
    Doc(DocType),
    /// The sub-headings of a protocol § (`Beslut`, `Yrkanden`, `Handlingar`).
    Paragraph,
    /// The headings of a protocol's front page (`Plats och tid`, `Justerare`).
    ProtocolFront,
}

impl Scope {
    /// The scope with the catalogue id `s`.
    pub fn from_id(s: &str) -> Scope {
        match s {
            "protokoll_paragraph" => Scope::Paragraph,
            "protokoll_front" => Scope::ProtocolFront,
            s => Scope::Doc(DocType::from_id(s)),
        }
    }

    /// The document type a heading of this scope votes for: both protocol parts vote for a protocol.
    pub fn doc_type(&self) -> &DocType {
        match self {
            Scope::Doc(t) => t,
            Scope::Paragraph | Scope::ProtocolFront => &DocType::Protokoll,
        }
    }
}

/// A section's label id (`summary`, `proposed_decision`, `paragraph`, …): the catalogue's, or one of the
/// labels the segmenter gives itself. Serialised as the id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Label(Cow<'static, str>);

impl Label {
    /// A protocol § (`§ 12 Ärendenummer …`).
    pub const PARAGRAPH: Label = Label(Cow::Borrowed("paragraph"));
    /// The text before the first heading.
    pub const FRONT_MATTER: Label = Label(Cow::Borrowed("front_matter"));
    /// A document's own header (`Tjänsteutlåtande`, `Yrkande angående …`).
    pub const DOC_HEADER: Label = Label(Cow::Borrowed("doc_header"));
    /// `Förslag till beslut`: its body names the deciding body.
    pub const PROPOSED_DECISION: Label = Label(Cow::Borrowed("proposed_decision"));
    /// `Beslut` under a protocol §.
    pub const DECISION: Label = Label(Cow::Borrowed("decision"));
    /// A table of contents (`Innehållsförteckning`, or the § lines that list the paragraphs).
    pub const TABLE_OF_CONTENTS: Label = Label(Cow::Borrowed("table_of_contents"));
    /// A numbered item of an agenda or decision list that is no § (`1 Kommundirektörens rapport`, `• 11.`).
    pub const AGENDA_ITEM: Label = Label(Cow::Borrowed("agenda_item"));

    /// A heading the catalogue does not name, standing as one on its own line before a paragraph of text
    /// (a circular's `Förutsättningar för dispens`); its words are the section's `title`.
    pub const SECTION: Label = Label(Cow::Borrowed("section"));

    /// A label with the id `id`.
    pub fn new(id: &str) -> Label {
        Label(Cow::Owned(id.to_string()))
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Label {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One heading variant of the catalogue.
#[derive(Clone, Debug)]
struct Variant {
    scope: Scope,
    label: Label,
    folded: String,
    chars: usize,
    /// How many words `folded` has.
    words: usize,
    /// A variant that ends in a placeholder matches lines that begin with it.
    prefix: bool,
    /// A variant with an `<organ>` placeholder (`Förslag till beslut i <organ>`, `<organ>s förslag till
    /// beslut`): matches lines of that shape, the organ named kept.
    pattern: Option<Pattern>,
    /// The words a line must contain for `pattern` to match it (its words as written, the first one without
    /// its first letter, which may be in either case): most lines are ruled out without running the regex,
    /// whose lazy automaton would otherwise grow its cache (megabytes per pattern) on every line it reads.
    literals: Vec<String>,
    /// Letter counts, for a cheap bound on the edit distance.
    hist: Hist,
}

/// A catalogue of headings. Cheap to share: wrap it in an [`Arc`] (as [`crate::Repairer`] does).
#[derive(Clone, Debug)]
pub struct Catalogue {
    variants: Vec<Variant>,
}

/// An error in a catalogue file.
#[derive(Debug)]
pub struct CatalogueError(pub String);

impl std::fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CatalogueError {}

/// How many edits a heading of `chars` characters (folded) may differ by from its variant.
fn allowed_edits(chars: usize) -> usize {
    match chars {
        0..=5 => 0,
        6..=14 => 1,
        _ => 2,
    }
}

/// A heading the layout shows, its words damaged, may differ from its variant by one edit per this many
/// characters.
const LOOSE_CHARS_PER_EDIT: usize = 4;

/// A variant of one word is matched loosely only from this many characters on (`Sammanfattning`,
/// `Beslutsunderlag`): a short one is too near too many words.
const DAMAGED_ONE_WORD_CHARS: usize = 12;

/// Longest line (bytes) that can be a heading.
const MAX_HEADING_BYTES: usize = 120;
/// Most words in a heading.
const MAX_HEADING_WORDS: usize = 8;
/// A heading of at least this many words is a clause, and may end in a full stop (matched as written).
const CLAUSE_HEADING_WORDS: usize = 4;

impl Catalogue {
    /// The catalogue compiled into the binary.
    ///
    /// ```
    /// let c = diakrit::Catalogue::embedded();
    /// assert!(c.is_heading("Sammanfattning"));
    /// assert!(c.is_heading("Beddmning ur ekonomisk dimension")); // OCR damage allowed
    /// assert!(!c.is_heading("Sammanfattning av läget är att vi väntar."));
    /// ```
    pub fn embedded() -> &'static Catalogue {
        static C: OnceLock<Catalogue> = OnceLock::new();
        C.get_or_init(|| Catalogue::from_tsv(EMBEDDED_HEADINGS).expect("data/headings.tsv parses"))
    }

    /// This catalogue with `extra`'s headings added; where both know a heading, `extra`'s label wins.
    ///
    /// ```
    /// let extra = diakrit::Catalogue::from_tsv("doc_type\tlabel\tvariants\nprotokoll_paragraph\tvote\tVotering sker\n").unwrap();
    /// let c = diakrit::Catalogue::embedded().with(extra);
    /// assert!(c.is_heading("Votering sker") && c.is_heading("Sammanfattning"));
    /// ```
    pub fn with(&self, extra: Catalogue) -> Catalogue {
        let mut variants = extra.variants;
        variants.extend(self.variants.iter().cloned());
        Catalogue { variants }
    }

    /// The embedded catalogue, shared.
    pub(crate) fn embedded_arc() -> Arc<Catalogue> {
        static C: OnceLock<Arc<Catalogue>> = OnceLock::new();
        Arc::clone(C.get_or_init(|| Arc::new(Catalogue::embedded().clone())))
    }

    /// Parse a catalogue: a header line, then `scope<TAB>label<TAB>variant|variant|…[<TAB>…]`.
    /// Variants that are descriptions rather than headings (placeholders such as `YYYY`, `<namn>`, `/`,
    /// or a leading parenthesis) are skipped; a parenthesised remark after a variant is dropped.
    ///
    /// ```
    /// let c = diakrit::Catalogue::from_tsv("doc_type\tlabel\tvariants\nbrev\tgreeting\tHej|Hejsan\n").unwrap();
    /// assert!(c.is_heading("Hejsan"));
    /// ```
    pub fn from_tsv(tsv: &str) -> Result<Catalogue, CatalogueError> {
        // The first line is the header; a file that starts with a row would lose it unseen.
        let header = tsv.lines().next().unwrap_or("");
        if !header
            .split('\t')
            .next()
            .unwrap_or("")
            .trim()
            .eq_ignore_ascii_case("doc_type")
        {
            return Err(CatalogueError(
                "line 1: the first line must be the header doc_type<TAB>label<TAB>variants".into(),
            ));
        }
        let mut variants = Vec::new();
        // The names of bodies the patterns share (one per kind of body).
        let mut organs: Vec<Arc<Lazy>> = Vec::new();
        for (n, line) in tsv.lines().enumerate().skip(1) {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                return Err(CatalogueError(format!(
                    "line {}: expected doc_type, label and variants separated by tabs",
                    n + 1
                )));
            }
            let (scope, label) = (Scope::from_id(f[0]), Label::new(f[1]));
            let mut push = |text: &str, prefix: bool, pattern: Option<Pattern>| {
                let folded = normalize(text);
                let chars = folded.chars().count();
                variants.push(Variant {
                    scope: scope.clone(),
                    label: label.clone(),
                    hist: Hist::of(&folded),
                    words: folded.split_whitespace().count(),
                    folded,
                    chars,
                    prefix,
                    literals: if pattern.is_some() {
                        pattern_literals(text)
                    } else {
                        Vec::new()
                    },
                    pattern,
                });
            };
            for v in f[2].split('|') {
                if v.contains(ORGAN) || v.contains(OFFICE) {
                    // `<office>` is an organ that is an office (`Utbildningsförvaltningens förslag`).
                    let body = if v.contains(OFFICE) { OFFICE_BODY } else { BODY };
                    let v = v.trim().replace(OFFICE, ORGAN);
                    push(&v, false, Some(organ_pattern(&v, n + 1, body, &mut organs)?));
                    continue;
                }
                // `Motion av <namn> (<parti>) om ...`: the words before the first placeholder, when there
                // are at least two of them, are a prefix of the document's title line.
                if let Some(i) = v.find(['<', '…']).or_else(|| v.find("...")).filter(|&i| i > 0) {
                    let p = v[..i].trim().trim_end_matches(['–', '-']).trim();
                    if p.split_whitespace().count() >= 2 && !p.contains(['/', '(']) && !p.contains("YYYY") {
                        push(p, true, None);
                    }
                    continue;
                }
                let v = v.split(" (").next().unwrap_or(v).trim().trim_end_matches(':').trim();
                if v.is_empty()
                    || v.starts_with('(')
                    || v.starts_with('§')
                    || (v.contains('/') && v.contains(' '))
                    || ["<", "YYYY", "---", "..."].iter().any(|p| v.contains(p))
                    || v.split_whitespace().any(|w| w == "N")
                {
                    continue;
                }
                push(v, false, None);
            }
        }
        if variants.is_empty() {
            return Err(CatalogueError("no headings in the catalogue".into()));
        }
        Ok(Catalogue { variants })
    }

    /// Is `line` (as a whole) a heading of the catalogue?
    pub fn is_heading(&self, line: &str) -> bool {
        self.classify(line, None, None).is_some()
    }

    /// Does `line` name a kind of document among its words (`NORDBY KOMMUN   TJÄNSTESKRIVELSE`,
    /// `Tjänsteutlåtande Handläggare Utfärdat …`): a document header of the catalogue, written out?
    pub(crate) fn names_doc_header(&self, line: &str) -> bool {
        let words = format!(" {} ", normalize(line));
        self.written(None)
            .filter(|v| v.label == Label::DOC_HEADER)
            .any(|v| words.contains(&format!(" {} ", v.folded)))
    }

    /// The label and scope of a line the layout shows to be a heading whose words OCR damaged beyond what
    /// [`Catalogue::classify`] allows (`Besknrivring av arendet`, `Sammantattoing`): the nearest variant of
    /// two words or more, or of one long word, within one edit per [`LOOSE_CHARS_PER_EDIT`] characters, when no variant of other words is as
    /// near. Between one variant's words in several scopes, `prefer`'s; with `only`, that scope's alone.
    pub(crate) fn classify_damaged(
        &self,
        line: &str,
        prefer: Option<&Scope>,
        only: Option<&Scope>,
    ) -> Option<(&Label, &Scope)> {
        let n = normalize(strip_chapter_number(line.trim()));
        let len = n.chars().count();
        let allowed = (len / LOOSE_CHARS_PER_EDIT).max(allowed_edits(len));
        let hist = Hist::of(&n);
        let mut best: Option<(usize, &Variant)> = None;
        let mut tie = false;
        for v in self
            .written(only)
            .filter(|v| v.words >= 2 || v.chars >= DAMAGED_ONE_WORD_CHARS)
        {
            // Lower bounds on the edit distance first: the length and the letter counts.
            if v.chars.abs_diff(len) > allowed || v.hist.bound(&hist) > allowed {
                continue;
            }
            let d = strsim::levenshtein(&v.folded, &n);
            if d > allowed {
                continue;
            }
            match best {
                Some((bd, bv)) if d == bd && bv.folded != v.folded => tie = true,
                Some((bd, bv)) if d == bd => {
                    if prefer.is_some_and(|p| *p == v.scope && *p != bv.scope) {
                        best = Some((d, v));
                    }
                }
                Some((bd, _)) if d > bd => {}
                _ => {
                    best = Some((d, v));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(_, v)| (&v.label, &v.scope))
    }

    /// The variants written out whole (no title's prefix, no `<organ>` shape), of `only`'s scope when given:
    /// those a heading line is matched against word for word.
    fn written(&self, only: Option<&Scope>) -> impl Iterator<Item = &Variant> + '_ {
        let only = only.cloned();
        self.variants
            .iter()
            .filter(move |v| !v.prefix && v.pattern.is_none() && only.as_ref().is_none_or(|s| *s == v.scope))
    }

    /// The label and scope of a title line that begins with a prefix variant (`Motion av Anna Ek (S)
    /// om …`).
    pub(crate) fn classify_prefix(&self, line: &str) -> Option<(&Label, &Scope)> {
        if !line.trim_start().starts_with(char::is_uppercase) {
            return None;
        }
        let n = normalize(line);
        self.variants
            .iter()
            .filter(|v| v.prefix && n.starts_with(&v.folded) && n.len() > v.folded.len())
            .max_by_key(|v| v.chars)
            .map(|v| (&v.label, &v.scope))
    }

    /// The label and scope of a heading line, preferring `prefer`'s label when a variant has several;
    /// with `only`, among the headings of that scope alone.
    pub(crate) fn classify(
        &self,
        line: &str,
        prefer: Option<&Scope>,
        only: Option<&Scope>,
    ) -> Option<(&Label, &Scope)> {
        self.classify_organ(line, prefer, only).map(|(l, s, _)| (l, s))
    }

    /// [`Catalogue::classify`], with the organ a variant with an `<organ>` placeholder found in the line
    /// (`Förslag till beslut i byggnadsnämnden` → `byggnadsnämnden`). A variant as written wins over one of
    /// these shapes.
    pub(crate) fn classify_organ(
        &self,
        line: &str,
        prefer: Option<&Scope>,
        only: Option<&Scope>,
    ) -> Option<(&Label, &Scope, Option<String>)> {
        // A heading numbered as a chapter (`2.`, `2.1`, `2.1.3.`) is that heading.
        let t = strip_chapter_number(line.trim());
        // A line that ends a sentence or a clause is body text, whatever its words; so is a long line, and
        // one that begins in lowercase (`kommunfullmäktige beslutar:` goes on from the line before). But a
        // heading that is a clause of its own may end in a full stop, written as it is
        // (`Paragrafen förklaras omedelbart justerad.`).
        if t.len() > MAX_HEADING_BYTES || t.starts_with(char::is_lowercase) {
            return None;
        }
        if t.ends_with(['.', ',', ';']) && !t.ends_with("...") {
            let n = normalize(t.trim_end_matches('.'));
            // Not an item of a list of decisions (`3. Paragrafen förklaras omedelbart justerad.`).
            let numbered = t.len() < line.trim().len();
            return (t.ends_with('.') && !numbered && n.split_whitespace().count() >= CLAUSE_HEADING_WORDS)
                .then(|| {
                    self.written(only)
                        .filter(|v| v.folded == n)
                        .max_by_key(|v| prefer.is_some_and(|s| *s == v.scope))
                })
                .flatten()
                .map(|v| (&v.label, &v.scope, None));
        }
        let n = normalize(t);
        let len = n.chars().count();
        if len < 3 || n.split_whitespace().count() > MAX_HEADING_WORDS {
            return None;
        }
        let allowed = allowed_edits(len);
        let hist = Hist::of(&n);
        let mut best: Option<(usize, bool, &Variant)> = None;
        for v in self.written(only) {
            if v.chars.abs_diff(len) > allowed {
                continue;
            }
            // A variant as short as a name (`Organ`) is matched only as written (`Morgan Fredvi` is no `Organ`).
            let allowed = if allowed_edits(v.chars) == 0 { 0 } else { allowed };
            let d = if v.folded == n {
                0
            } else if allowed == 0 || v.hist.bound(&hist) > allowed {
                continue;
            } else {
                strsim::levenshtein(&v.folded, &n)
            };
            if d > allowed {
                continue;
            }
            let preferred = prefer.is_some_and(|s| *s == v.scope);
            let better = match best {
                None => true,
                Some((bd, bp, _)) => d < bd || (d == bd && preferred && !bp),
            };
            if better {
                best = Some((d, preferred, v));
            }
        }
        // A heading in capitals (`BARN- OCH UTBILDNINGSNÄMNDENS BEHANDLING`) is matched as written small.
        let lower;
        let shaped = t.trim_end_matches(':').trim_end();
        let shaped = if crate::text::in_capitals(shaped) {
            lower = shaped.to_lowercase();
            lower.as_str()
        } else {
            shaped
        };
        if let Some((d, _, v)) = best {
            // A wording the catalogue lists as written (`Förslag till beslut i kommunfullmäktige`) names its
            // organ as the same label's pattern does (`Förslag till beslut i <organ>`), read exactly.
            let organ = (d == 0)
                .then(|| self.organ_in(shaped, only, prefer, Some(&v.label)))
                .flatten()
                .map(|(_, o)| o);
            return Some((&v.label, &v.scope, organ));
        }
        self.organ_in(shaped, only, prefer, None)
            .map(|(v, organ)| (&v.label, &v.scope, Some(organ)))
    }

    /// The variant with an organ's placeholder whose pattern `shaped` matches (of `label` when given), and
    /// the organ's name it captures; a variant of the `prefer`red scope first.
    fn organ_in(
        &self,
        shaped: &str,
        only: Option<&Scope>,
        prefer: Option<&Scope>,
        label: Option<&Label>,
    ) -> Option<(&Variant, String)> {
        let mut found: Option<(&Variant, String)> = None;
        for v in self
            .variants
            .iter()
            .filter(|v| only.is_none_or(|s| *s == v.scope) && label.is_none_or(|l| *l == v.label))
        {
            let Some(organ) = v
                .pattern
                .as_ref()
                .filter(|_| v.literals.iter().all(|w| shaped.contains(w.as_str())))
                .and_then(|p| p.organ(shaped))
                .filter(|o| !o.split_whitespace().any(is_preposition))
            else {
                continue;
            };
            let preferred = |v: &Variant| prefer.is_some_and(|s| *s == v.scope);
            if found.as_ref().is_none_or(|(f, _)| preferred(v) && !preferred(f)) {
                found = Some((v, organ));
            }
        }
        found
    }
}

/// Is `w` a preposition, which no organ's name begins with (`Enligt stadsledningskontorets förslag:` is a
/// decision's first line, no heading)?
fn is_preposition(w: &str) -> bool {
    const PREPOSITIONS: [&str; 12] = [
        "enligt", "med", "efter", "från", "genom", "utifrån", "av", "se", "om", "på", "till", "i",
    ];
    PREPOSITIONS.contains(&w.to_lowercase().as_str())
}

/// The placeholder of a variant with a variable organ.
const ORGAN: &str = "<organ>";
/// The placeholder of a variable organ that is an office, not a board (`Utbildningsförvaltningens förslag` is
/// the office's proposal to its board; `Socialnämndens förslag` a board's, `board_proposal`).
const OFFICE: &str = "<office>";
/// The word an organ's name ends in (`Kommunstyrelsen`, `Barn- och utbildningsnämnden`,
/// `samhällsbyggnadsförvaltningen`, a state agency's `Trafikverket`, `Jordbruksmyndigheten`).
const BODY: &str = r"(?:nämnd|styrelse|fullmäktige|utskott|förvaltning|kontor|råd|beredning|kommun|region|bolag|direktion|presidi|revision|revisor|förbund|sektor|enhet|avdelning|ledning|stad|landsting|verk|myndighet)";
/// The word an office's name ends in.
const OFFICE_BODY: &str = r"(?:förvaltning|kontor|sektor|enhet|avdelning)";

/// The regex of a variant with an [`ORGAN`] placeholder, matched against a whole line (a colon after it
/// dropped): its words as written, the first letter in either case, and for the placeholder the name of a
/// body (`kommunstyrelsen`, `Barn- och utbildningsnämnden`, `samhällsbyggnadsförvaltningen`, `nämnden för
/// Intraservice`), captured as `organ`.
fn organ_pattern(
    variant: &str,
    line: usize,
    body: &str,
    organs: &mut Vec<Arc<Lazy>>,
) -> Result<Pattern, CatalogueError> {
    // Words before the body's own word are capitalised (`Södra`, `Kommunala`), parts of a list (`barn-
    // och`), never a verb (`Kommunstyrelsen föreslår att kommunfullmäktige beslutar` names no organ), nor
    // a preposition (see `is_preposition`, checked on the match);
    // after it may come `för …` or `i …` (`nämnden för Intraservice`).
    // An office's name has no words of its own before it but the parts of a list (`Kultur- och
    // fritidsförvaltningens förslag`; `Fölgt stadsledningskontorets förslag:` is OCR's first line of a decision).
    let capitalised = if body == OFFICE_BODY {
        ""
    } else {
        r"\p{Lu}[\p{L}-]*\s+|"
    };
    // An adjective written small stands before it too (`Förslag till beslut i tekniska nämnden`, `sociala
    // nämnden`).
    let organ = format!(
        r"(?P<organ>(?:{capitalised}\p{{L}}+-\s+|och\s+|\p{{Ll}}+a\s+){{0,3}}[\p{{L}}-]*?(?i:{body})(?:et|en|n|na|er|erna)??(?:\s+(?:för|i)\s+\p{{Lu}}[\p{{L}}-]*)?)"
    );
    let re = variant_regex(variant, &organ);
    // Its syntax is checked now, so that a bad catalogue line is an error when the catalogue is read (the
    // parts around the escaped words are fixed, so the syntax is all a line can get wrong); it is compiled
    // when a line first needs it.
    regex_syntax::ast::parse::Parser::new()
        .parse(&re)
        .map_err(|e| CatalogueError(format!("line {line}: {variant}: {e}")))?;
    // A variant with one placeholder is matched in two steps, each cheap to compile: its words with any
    // text between them (a name begins and ends in a letter or a hyphen, never in a space), then that text
    // against the name of a body, whose pattern the variants of its kind share. The words fix where the
    // name begins and ends (they stand at the line's start or end), so the two steps match what the one
    // pattern does (`frames_match_as_the_whole_patterns_do` checks it).
    let frame = (variant.matches(ORGAN).count() == 1).then(|| {
        let whole = format!("^(?:{})$", organ.replace("?P<organ>", "?:"));
        let name = match organs.iter().find(|o| o.source == whole) {
            Some(o) => o.clone(),
            None => {
                organs.push(Arc::new(Lazy::new(whole)));
                organs[organs.len() - 1].clone()
            }
        };
        (Lazy::new(variant_regex(variant, r"(?P<organ>\S(?s:.*\S)?)")), name)
    });
    Ok(Pattern {
        whole: Lazy::new(re),
        frame,
    })
}

/// The regex of `variant` with `organ` in its placeholders' places (a second one matched, not captured).
fn variant_regex(variant: &str, organ: &str) -> String {
    let parts: Vec<String> = variant
        .split(ORGAN)
        .map(|p| p.split_whitespace().map(word_pattern).collect::<Vec<_>>().join(r"\s+"))
        .collect();
    // The words as written, but the first letter in either case (`Förslag till beslut i …`, not the
    // Göteborg `Förslag till beslut I kommunstyrelsen:`, a heading and the first line of its text).
    let mut re = String::from("^");
    let first_letter_either_case = |p: &str| match p.chars().next() {
        Some(c) if c.is_alphabetic() => format!("(?i:{}){}", regex::escape(&c.to_string()), &p[c.len_utf8()..]),
        _ => p.to_string(),
    };
    for (i, p) in parts.iter().enumerate() {
        let p = if i == 0 { first_letter_either_case(p) } else { p.clone() };
        let p = &p;
        // The first placeholder is the organ kept; a second (`<organ>s förslag till <organ>`) only matched.
        if i == 1 {
            re.push_str(organ);
        } else if i > 1 {
            re.push_str(&organ.replace("?P<organ>", "?:"));
        }
        // A part after the organ that begins with a letter (`s förslag`: the genitive) joins it; one that
        // begins with a word is set off by a space.
        let lead = variant.split(ORGAN).nth(i).unwrap_or("");
        if i > 0 && lead.starts_with(char::is_whitespace) && !p.is_empty() {
            re.push_str(r"\s+");
        }
        re.push_str(p);
        if i + 1 < parts.len() && !p.is_empty() && variant.split(ORGAN).nth(i).is_some_and(|x| x.ends_with(' ')) {
            re.push_str(r"\s+");
        }
    }
    re.push('$');
    re
}

/// A regex compiled the first time a line needs it. Classes of letters (`\p{L}`, `\p{Lu}`) make a body's
/// name slow to compile: compiling the embedded catalogue's patterns all at start-up was most of the time a
/// run on a short text took (30 of 70 ms), and a run needs few of them, since a line is first tested for
/// the pattern's words ([`Variant::literals`]).
#[derive(Clone, Debug)]
struct Lazy {
    source: String,
    compiled: OnceLock<Option<regex::Regex>>,
}

impl Lazy {
    fn new(source: String) -> Lazy {
        Lazy {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The compiled regex; `None` (it matches nothing) only if the regex engine refuses a pattern whose
    /// syntax was checked, which its size limits alone could do.
    fn regex(&self) -> Option<&regex::Regex> {
        self.compiled
            .get_or_init(|| regex::Regex::new(&self.source).ok())
            .as_ref()
    }
}

/// A variant's pattern: the whole of it, and for a variant with one placeholder its frame and the name of a
/// body (see `organ_pattern`).
#[derive(Clone, Debug)]
struct Pattern {
    whole: Lazy,
    frame: Option<(Lazy, Arc<Lazy>)>,
}

impl Pattern {
    /// The organ named in `line` when the pattern matches it.
    fn organ(&self, line: &str) -> Option<String> {
        match &self.frame {
            Some((frame, name)) => {
                let organ = frame.regex()?.captures(line)?.name("organ")?.as_str();
                name.regex()?.is_match(organ).then(|| organ.to_string())
            }
            None => self.whole.regex()?.captures(line).map(|c| c["organ"].to_string()),
        }
    }
}

/// A variant's word as `organ_pattern` matches it: as written, but the preposition `i`, one stroke, also as
/// OCR reads it (`Förslag till beslut 1 byggnadsnämnden`, `l`, `|`).
fn word_pattern(w: &str) -> String {
    if w == "i" {
        "[i1l|]".to_string()
    } else {
        regex::escape(w)
    }
}

/// The words `organ_pattern` matches as written in `variant`: every word outside the placeholders but `i`
/// (which OCR reads `1`), the first without its first letter (matched in either case).
fn pattern_literals(variant: &str) -> Vec<String> {
    let mut words: Vec<String> = variant
        .split(ORGAN)
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect();
    if !variant.starts_with(ORGAN) {
        if let Some(first) = words.first_mut() {
            first.drain(..first.chars().next().map_or(0, char::len_utf8));
        }
    }
    words.retain(|w| !w.is_empty() && w != "i");
    words
}

/// `line` without the chapter number it begins with (`1. `, `2.1 `, `3.2.1. `), when a capital follows it.
fn strip_chapter_number(line: &str) -> &str {
    let chapter = regex!(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+\p{Lu}");
    match chapter.find(line) {
        Some(m) => line[m.end() - m.as_str().chars().last().map_or(0, char::len_utf8)..].trim_start(),
        None => line,
    }
}

/// Fold, drop a trailing colon or the dotted line to sign on after a heading (`Underskrifter ......`) and
/// collapse spaces: the form headings are compared in.
fn normalize(s: &str) -> String {
    // The dotted line to sign on after a word (`Underskrifter ...`): three to five dots set off by a space
    // (`m.m.` keeps its own; a table of contents' leader is longer, and no heading).
    let signing = regex!(r"^(.*\S)\s+(?:\.\s?){3,5}$|^(.*\S)\s+…$");
    let t = s.trim();
    let t = signing
        .captures(t)
        .and_then(|c| c.get(1).or(c.get(2)))
        .map_or(t, |m| m.as_str());
    // The § a heading names after a colon (`Voteringslista: §44`) is no word of it. (Without the colon,
    // `Samverkan § 24` is a bylaw's article and `Beslut § 25` a reference.)
    let t = regex!(r"^(.*[^\s:]):\s*§\s*\d{1,4}$")
        .captures(t)
        .and_then(|c| c.get(1))
        .map_or(t, |m| m.as_str());
    let f = fold(t.trim_end_matches(':'));
    f.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for id in ["tjansteutlatande", "kf_handling", "unknown", "brev"] {
            assert_eq!(DocType::from_id(id).as_str(), id);
        }
        assert_eq!(Scope::from_id("protokoll_paragraph").doc_type(), &DocType::Protokoll);
        assert_eq!(serde_json::to_string(&Label::PARAGRAPH).unwrap(), "\"paragraph\"");
    }

    #[test]
    fn classifies_with_scopes() {
        let c = Catalogue::embedded();
        let (label, scope) = c.classify("Beslut", Some(&Scope::Paragraph), None).unwrap();
        assert_eq!((label.as_str(), scope), ("decision", &Scope::Paragraph));
        assert!(c
            .classify("Bedömning ur ekonomisk dimension", None, Some(&Scope::Paragraph))
            .is_none());
        let (label, scope) = c.classify_prefix("Motion av Anna Ek (S) om träd").unwrap();
        assert_eq!((label.as_str(), scope), ("doc_header", &Scope::Doc(DocType::Motion)));
    }

    #[test]
    fn a_pattern_runs_only_on_lines_with_its_words() {
        assert_eq!(
            pattern_literals("Förslag till beslut i <organ>"),
            ["örslag", "till", "beslut"]
        );
        assert_eq!(
            pattern_literals("<organ>s förslag till <organ>"),
            ["s", "förslag", "till"]
        );
        // The words are what the regex needs: every line it matches has them.
        let c = Catalogue::embedded();
        for line in [
            "förslag till beslut i Kommunstyrelsen",
            "Förslag till beslut 1 byggnadsnämnden",
            "Barn- och utbildningsnämndens förslag till kommunfullmäktige",
            "Yttrande från Kulturnämnden",
            "Kommunstyrelsen beslutar att",
        ] {
            let hits: Vec<&Variant> = c
                .variants
                .iter()
                .filter(|v| v.pattern.as_ref().is_some_and(|p| p.organ(line).is_some()))
                .collect();
            assert!(!hits.is_empty(), "{line}");
            for v in hits {
                assert!(
                    v.literals.iter().all(|w| line.contains(w.as_str())),
                    "{line}: {:?}",
                    v.literals
                );
            }
        }
        let (_, _, organ) = c.classify_organ("Yttrande från Kulturnämnden", None, None).unwrap();
        assert_eq!(organ.as_deref(), Some("Kulturnämnden"));
    }

    #[test]
    fn user_catalogue_errors() {
        assert!(Catalogue::from_tsv("h\nbad line\n").is_err());
        assert!(Catalogue::from_tsv("h\n").is_err());
    }

    #[test]
    fn patterns_are_compiled_when_first_needed_and_all_compile() {
        let c = Catalogue::from_tsv(EMBEDDED_HEADINGS).unwrap();
        let patterns: Vec<&Pattern> = c.variants.iter().filter_map(|v| v.pattern.as_ref()).collect();
        assert!(patterns.len() > 10);
        assert!(patterns.iter().all(|p| p.whole.compiled.get().is_none()
            && p.frame
                .as_ref()
                .is_none_or(|(f, n)| f.compiled.get().is_none() && n.compiled.get().is_none())));
        assert!(
            patterns.iter().all(|p| p.whole.regex().is_some()
                && p.frame
                    .as_ref()
                    .is_none_or(|(f, n)| f.regex().is_some() && n.regex().is_some())),
            "every embedded pattern compiles"
        );
        // The kinds of bodies' names are few and shared.
        let mut names: Vec<&str> = patterns
            .iter()
            .filter_map(|p| p.frame.as_ref())
            .map(|(_, n)| n.source.as_str())
            .collect();
        names.sort();
        names.dedup();
        assert!(names.len() <= 2, "{names:?}");
    }

    /// A variant matched in two steps (its frame, then the body's name) matches what its whole pattern
    /// matches, and names the same organ: variants of the embedded catalogue on names of bodies that are
    /// and are not, around the words and the spaces.
    #[test]
    fn frames_match_as_the_whole_patterns_do() {
        let names = [
            "Kommunstyrelsen",
            "kommunstyrelsen",
            "Barn- och utbildningsnämnden",
            "Kultur- och fritidsnämnden",
            "tekniska nämnden",
            "sociala nämnden",
            "nämnden för Intraservice",
            "Södra Kommunala Stora nämnden",
            "Södra Kommunala Stora Lilla nämnden",
            "samhällsbyggnadsförvaltningen",
            "Utbildningsförvaltningen",
            "stadsledningskontoret",
            "Trafikverket",
            "Anna",
            "i nämnden",
            "nämnden i Göteborg",
            "nämnden för",
            "-nämnden",
            "nämnden-",
            "Kommun styrelsen",
            "kommunstyrelsen  ",
            "  kommunstyrelsen",
            "Kommunfullmäktige",
            "Regionstyrelsen",
            "Bygg- och miljönämnden",
            "Kommunstyrelsens arbetsutskott",
            "1 nämnden",
            "ks",
        ];
        let (mut lines, mut matched, mut framed) = (0, 0, 0);
        let mut organs = Vec::new();
        let variants = EMBEDDED_HEADINGS
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').nth(2))
            .flat_map(|v| v.split('|'))
            .filter(|v| v.contains(ORGAN) || v.contains(OFFICE));
        for v in variants {
            let body = if v.contains(OFFICE) { OFFICE_BODY } else { BODY };
            let v = v.trim().replace(OFFICE, ORGAN);
            let p = organ_pattern(&v, 0, body, &mut organs).unwrap();
            framed += usize::from(p.frame.is_some());
            for template in [
                v.clone(),
                format!("{v} x"),
                format!("x {v}"),
                v.to_lowercase(),
                v.replace(" i ", " 1 "),
            ] {
                for name in names {
                    for (a, b) in [("", ""), (" ", ""), ("", "  ")] {
                        let line = format!("{a}{}{b}", template.replace(ORGAN, name));
                        let whole = p.whole.regex().unwrap().captures(&line).map(|c| c["organ"].to_string());
                        matched += usize::from(whole.is_some());
                        assert_eq!(p.organ(&line), whole, "{line}");
                        lines += 1;
                    }
                }
            }
        }
        assert!(framed >= 20 && organs.len() <= 2, "{framed} {}", organs.len());
        assert!(matched > 500 && lines > 5 * matched, "{matched} of {lines}");
    }
}
