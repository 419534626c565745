//! The review page of a batch (`diakrit report`) and the decisions taken on it (`diakrit apply`).
//!
//! [`ReportWriter`] takes each document's OCR text and repair as the batch goes, writes the document's
//! data to a small script file of its own (`data/d000001.js`, loaded by the page only when the document is
//! opened) and keeps only counts, so that a batch of ten thousand documents makes a page that opens in a
//! second. [`ReportWriter::finish`] writes `index.html`: the summary, the charts (inline SVG), the most
//! frequent corrections with a decision for each, the documents, and the review of one document (its text
//! with each edit in its line, the doubtful edits first, filters, keys). Everything is in the folder: no
//! network. The page keeps the reviewer's decisions in the browser and saves them as a JSON file
//! ([`Decisions`]), which [`Decisions::apply`] turns into the final text: the accepted edits made, the
//! rejected ones leaving the OCR's word.
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::output::{fnv1a64, ids};
use crate::repair::{splice, Edit, EditKind, Repaired};

const PAGE_JS: &str = include_str!("report.js");
const PAGE_CSS: &str = include_str!("report.css");

/// The schema of a decisions file.
pub const DECISIONS_SCHEMA: &str = "diakrit/decisions-1";

/// An edit below this confidence is doubtful: listed first, and counted as such.
pub const DOUBTFUL: f32 = 0.9;

/// Corrections listed on the page (the most frequent first).
const TOP_CORRECTIONS: usize = 500;

/// How the batch was repaired: kept in the report and the decisions, so that `apply` repairs the same way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// `--min-confidence`.
    pub min_confidence: f32,
    /// `--join-hyphens`.
    pub join_hyphens: bool,
    /// The diakrit version that repaired.
    pub version: String,
}

/// What the page shows of one document in the index.
#[derive(Clone, Debug, Serialize)]
struct DocSummary {
    /// Its number in the report (its data file's).
    n: usize,
    source: String,
    /// The hash of its OCR text ([`crate::output::Document::content_id`]): how `apply` knows it.
    content_id: String,
    words: usize,
    edits: usize,
    doubtful: usize,
    /// The damage estimate: its class, the share of å, ä, ö stripped and of other damaged words.
    damage: String,
    strip_rate: f32,
    error_rate: f32,
    pages: usize,
}

/// A correction as the page lists it: how often, of which kind, its lowest and highest confidence.
#[derive(Clone, Debug, Serialize)]
struct Correction {
    from: String,
    to: String,
    count: usize,
    kind: &'static str,
    min_confidence: f32,
    max_confidence: f32,
}

/// Confidence bands of the summary, lowest first.
const BANDS: [(f32, &str); 4] = [
    (0.0, "below 0.8"),
    (0.8, "0.8–0.9"),
    (0.9, "0.9–0.95"),
    (0.95, "0.95 and above"),
];

/// Writes a report folder as the documents come.
pub struct ReportWriter {
    dir: PathBuf,
    tmp: PathBuf,
    options: Options,
    docs: Vec<DocSummary>,
    corrections: HashMap<(String, String), Correction>,
    kinds: BTreeMap<&'static str, usize>,
    bands: [usize; 4],
    /// Edits per confidence bin of 0.025 from 0.5 (the histogram).
    histogram: [usize; 20],
    words: usize,
    edits: usize,
    /// The hash of every document's content id, in order: the report's id.
    id_hash: u64,
}

impl ReportWriter {
    /// A report to be written to `dir`, which must not exist (or be an empty folder); it is built beside it
    /// and renamed into place by [`ReportWriter::finish`], so that a stopped run leaves no half report.
    pub fn new(dir: &Path, options: Options) -> io::Result<ReportWriter> {
        if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "the report folder exists and is not empty",
            ));
        }
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        let tmp = tempfile::Builder::new()
            .prefix(".diakrit-report-")
            .tempdir_in(&parent)?
            .keep();
        std::fs::create_dir(tmp.join("data"))?;
        Ok(ReportWriter {
            dir: dir.to_path_buf(),
            tmp,
            options,
            docs: Vec::new(),
            corrections: HashMap::new(),
            kinds: BTreeMap::new(),
            bands: [0; 4],
            histogram: [0; 20],
            words: 0,
            edits: 0,
            id_hash: fnv1a64(b"diakrit-report"),
        })
    }

    /// Add a document: its name, its OCR text and its repair (edits in byte offsets of `text`).
    pub fn add(&mut self, source: &str, text: &str, repaired: &Repaired) -> io::Result<()> {
        let n = self.docs.len() + 1;
        let content_id = content_id(text);
        self.id_hash = crate::output::fnv1a64_more(self.id_hash, content_id.as_bytes());
        let damage = &repaired.damage.document;
        let mut doubtful = 0;
        for e in &repaired.edits {
            let kind = e.kind.as_str();
            *self.kinds.entry(kind).or_default() += 1;
            let band = BANDS.iter().rposition(|(low, _)| e.confidence >= *low).unwrap_or(0);
            self.bands[band] += 1;
            let bin = (((e.confidence - 0.5) / 0.025).floor().max(0.0) as usize).min(19);
            self.histogram[bin] += 1;
            doubtful += usize::from(e.confidence < DOUBTFUL);
            let c = self
                .corrections
                .entry((e.from.clone(), e.to.clone()))
                .or_insert_with(|| Correction {
                    from: e.from.clone(),
                    to: e.to.clone(),
                    count: 0,
                    kind,
                    min_confidence: e.confidence,
                    max_confidence: e.confidence,
                });
            c.count += 1;
            c.min_confidence = c.min_confidence.min(e.confidence);
            c.max_confidence = c.max_confidence.max(e.confidence);
        }
        self.words += damage.words;
        self.edits += repaired.edits.len();
        let summary = DocSummary {
            n,
            source: source.to_string(),
            content_id: content_id.clone(),
            words: damage.words,
            edits: repaired.edits.len(),
            doubtful,
            damage: damage.class.to_string(),
            strip_rate: round3(damage.strip_rate),
            error_rate: round3(damage.error_rate),
            pages: text.matches('\u{c}').count() + 1,
        };
        let data = serde_json::json!({
            "n": n,
            "source": source,
            "content_id": content_id,
            "text": text,
            "edits": js_edits(text, &repaired.edits),
            "summary": &summary,
        });
        let mut file = io::BufWriter::new(std::fs::File::create(self.tmp.join(data_file(n)))?);
        file.write_all(b"diakrit.loaded(")?;
        serde_json::to_writer(&mut file, &data)?;
        file.write_all(b");\n")?;
        file.into_inner().map_err(io::IntoInnerError::into_error)?.sync_all()?;
        self.docs.push(summary);
        Ok(())
    }

    /// How many documents so far.
    pub fn documents(&self) -> usize {
        self.docs.len()
    }

    /// Write the page and put the folder in place: the report's path.
    pub fn finish(self) -> io::Result<PathBuf> {
        let mut corrections: Vec<&Correction> = self.corrections.values().collect();
        corrections.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.from.cmp(&b.from))
                .then_with(|| a.to.cmp(&b.to))
        });
        let shown = corrections.len().min(TOP_CORRECTIONS);
        let report_id = format!("{:016x}", self.id_hash);
        let data = serde_json::json!({
            "report": report_id,
            "options": &self.options,
            "doubtful_below": DOUBTFUL,
            "summary": {
                "documents": self.docs.len(),
                "words": self.words,
                "edits": self.edits,
                "kinds": &self.kinds,
                "bands": BANDS.iter().zip(self.bands).map(|((_, name), n)| serde_json::json!([name, n])).collect::<Vec<_>>(),
                "corrections": corrections.len(),
            },
            "corrections": &corrections[..shown],
            "documents": &self.docs,
        });
        let json = serde_json::to_string(&data)?.replace("</", "<\\/");
        let html = page(&self, &json);
        std::fs::write(self.tmp.join("index.html"), html)?;
        if self.dir.exists() {
            std::fs::remove_dir(&self.dir)?;
        }
        std::fs::rename(&self.tmp, &self.dir)?;
        Ok(self.dir.join("index.html"))
    }
}

impl Drop for ReportWriter {
    fn drop(&mut self) {
        // Not finished (an error, Ctrl-C): the half-built folder goes.
        if self.tmp.exists() {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// The content id of a text, as [`crate::output::Document::content_id`] has it.
pub fn content_id(text: &str) -> String {
    ids(fnv1a64(text.as_bytes()), "").1
}

/// The data file of document `n`.
fn data_file(n: usize) -> String {
    format!("data/d{n:06}.js")
}

/// The edits as the page reads them: UTF-16 offsets (JavaScript's strings) beside the byte span that
/// names the edit in decisions: `[start16, end16, byte_start, byte_end, from, to, kind, confidence]`.
fn js_edits(text: &str, edits: &[Edit]) -> Vec<serde_json::Value> {
    let mut at = crate::text::offsets_in(text, |s: &str| s.encode_utf16().count());
    edits
        .iter()
        .map(|e| {
            let s = at(e.span.0);
            let t = at(e.span.1);
            serde_json::json!([s, t, e.span.0, e.span.1, e.from, e.to, e.kind.as_str(), e.confidence])
        })
        .collect()
}

/// The HTML page: summary, charts, corrections, documents, the review pane; the data in a JSON script.
fn page(w: &ReportWriter, json: &str) -> String {
    let kinds: Vec<(String, usize)> = w.kinds.iter().map(|(k, n)| (k.to_string(), *n)).collect();
    let hist: Vec<(String, usize)> = w
        .histogram
        .iter()
        .enumerate()
        .map(|(i, n)| (format!("{:.3}", 0.5 + 0.025 * i as f32), *n))
        .collect();
    format!(
        r##"<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>diakrit review · {docs} documents · {edits} edits</title>
<style>
{css}
</style>
</head>
<body>
<header>
<h1>diakrit review</h1>
<p class="sub">{docs} documents · {words} words · {edits} edits · repaired with diakrit {version}, min-confidence {minc}</p>
<nav><a href="#summary">Summary</a> <a href="#corrections">Corrections</a> <a href="#documents">Documents</a>
<span class="spacer"></span>
<span id="decided">0 decisions</span>
<button id="save" title="Download the decisions as JSON, for diakrit apply">Save decisions</button></nav>
</header>
<main>
<section id="summary">
<h2>Summary</h2>
<div id="summary-table"></div>
<div class="charts">
<figure><figcaption>Edits per confidence (the doubtful, below {doubt}, in orange)</figcaption>{histogram}</figure>
<figure><figcaption>Edits per kind</figcaption>{kind_chart}</figure>
</div>
</section>
<section id="corrections">
<h2>Most frequent corrections</h2>
<p class="help">A decision here holds for every edit of that correction in the batch, unless an edit has its own.</p>
<div id="corrections-table"></div>
</section>
<section id="documents">
<h2>Documents</h2>
<div id="documents-table"></div>
</section>
<section id="review" hidden>
<h2 id="review-title"></h2>
<div id="review-bar">
<label><input type="checkbox" class="kind" value="diacritic" checked> diacritic</label>
<label><input type="checkbox" class="kind" value="ocr-confusion" checked> ocr-confusion</label>
<label><input type="checkbox" class="kind" value="spelling" checked> spelling</label>
<label><input type="checkbox" class="kind" value="hyphenation" checked> hyphenation</label>
<label>confidence below <input type="range" id="below" min="0.5" max="1.001" step="0.005" value="1.001"> <output id="below-value">all</output></label>
<span class="keys">keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous doubtful edit, <kbd>a</kbd> accept, <kbd>r</kbd> reject, <kbd>u</kbd> undo, <kbd>Esc</kbd> back</span>
</div>
<div id="review-chart"></div>
<div class="review-panes">
<ol id="review-list"></ol>
<div id="review-text"></div>
</div>
</section>
</main>
<script type="application/json" id="report-data">{json}</script>
<script>
{js}
</script>
</body>
</html>
"##,
        docs = w.docs.len(),
        words = w.words,
        edits = w.edits,
        version = html_escape(&w.options.version),
        minc = w.options.min_confidence,
        doubt = DOUBTFUL,
        css = PAGE_CSS,
        js = PAGE_JS,
        json = json,
        histogram = bar_chart(&hist, Some(((DOUBTFUL - 0.5) / 0.025) as usize)),
        kind_chart = bar_chart(&kinds, None),
    )
}

/// An inline SVG bar chart of `bars` (label, count); bars before `warn_below` drawn in the warning colour.
pub fn bar_chart(bars: &[(String, usize)], warn_below: Option<usize>) -> String {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let (w, h, pad) = (24.0f32, 120.0f32, 30.0f32);
    let width = pad + w * bars.len() as f32 + 10.0;
    let mut svg = format!(
        r#"<svg class="chart" role="img" viewBox="0 0 {width} {total}" width="{width}" height="{total}" xmlns="http://www.w3.org/2000/svg">"#,
        total = h + 50.0
    );
    for (i, (label, n)) in bars.iter().enumerate() {
        let bh = h * *n as f32 / max as f32;
        let x = pad + w * i as f32;
        let class = if warn_below.is_some_and(|k| i < k) {
            "bar warn"
        } else {
            "bar"
        };
        svg.push_str(&format!(
            r#"<rect class="{class}" x="{x}" y="{y}" width="{bw}" height="{bh}"><title>{label}: {n}</title></rect>"#,
            y = h - bh + 10.0,
            bw = w - 4.0,
            label = html_escape(label),
        ));
        if bars.len() <= 8 || i % 4 == 0 {
            svg.push_str(&format!(
                r#"<text x="{tx}" y="{ty}" class="tick" transform="rotate(45 {tx} {ty})">{label}</text>"#,
                tx = x + 2.0,
                ty = h + 22.0,
                label = html_escape(label),
            ));
        }
    }
    svg.push_str(&format!(
        r#"<text x="2" y="18" class="tick">{max}</text><line x1="{pad}" y1="{base}" x2="{width}" y2="{base}" class="axis"/></svg>"#,
        base = h + 10.0
    ));
    svg
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A reviewer's decisions on a report, as the page saves them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Decisions {
    /// [`DECISIONS_SCHEMA`].
    pub schema: String,
    /// The report they were taken on.
    pub report: String,
    /// How the batch was repaired.
    pub options: Option<Options>,
    /// The documents of the report (content id and name).
    pub documents: Vec<DecidedDocument>,
    /// Decisions for every edit of a correction.
    pub corrections: Vec<CorrectionDecision>,
    /// Decisions for single edits (they win over their correction's).
    pub edits: Vec<EditDecision>,
}

/// A document of the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecidedDocument {
    /// The hash of its OCR text.
    pub content_id: String,
    /// Its name in the report.
    pub source: String,
}

/// Accept or reject.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// Make the edit.
    Accept,
    /// Keep the OCR's word.
    Reject,
}

/// A decision for every edit from `from` to `to`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorrectionDecision {
    /// The OCR's word.
    pub from: String,
    /// The repair.
    pub to: String,
    /// What to do.
    pub decision: Decision,
}

/// A decision for one edit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditDecision {
    /// The content id of its document.
    pub document: String,
    /// Its byte span in the document's OCR text.
    pub span: (usize, usize),
    /// The OCR's word there.
    pub from: String,
    /// The repair.
    pub to: String,
    /// What to do.
    pub decision: Decision,
}

/// A document's edits, decided.
#[derive(Clone, Debug, Default)]
pub struct Applied {
    /// The text with the accepted edits made.
    pub text: String,
    /// The edits made.
    pub accepted: Vec<Edit>,
    /// The edits not made (the OCR's word kept).
    pub rejected: Vec<Edit>,
}

impl Decisions {
    /// Read a decisions file: its JSON, checked.
    pub fn read(path: &Path) -> Result<Decisions, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: {}", path.display(), crate::source::io_reason(&e)))?;
        let d: Decisions =
            serde_json::from_str(&text).map_err(|e| format!("{}: not a decisions file: {e}", path.display()))?;
        if d.schema != DECISIONS_SCHEMA {
            return Err(format!(
                "{}: schema {:?}, expected {DECISIONS_SCHEMA:?}",
                path.display(),
                d.schema
            ));
        }
        Ok(d)
    }

    /// Is the document of `text` one of the report's?
    pub fn knows(&self, text: &str) -> bool {
        let id = content_id(text);
        self.documents.iter().any(|d| d.content_id == id)
    }

    /// The text `text` (a document of the report, repaired as `repaired`) with the accepted edits made.
    /// Every decision taken on one of its edits must name an edit of this repair (span, from and to):
    /// else the repair is not the one reviewed (other options, another version), and that is the error.
    pub fn apply(&self, text: &str, repaired: &Repaired) -> Result<Applied, String> {
        let id = content_id(text);
        let rules: HashMap<(&str, &str), Decision> = self
            .corrections
            .iter()
            .map(|c| ((c.from.as_str(), c.to.as_str()), c.decision))
            .collect();
        let mut own: HashMap<(usize, usize), &EditDecision> = HashMap::new();
        for d in self.edits.iter().filter(|d| d.document == id) {
            own.insert(d.span, d);
        }
        let mut out = Applied::default();
        let mut matched = 0;
        for e in &repaired.edits {
            let decision = match own.get(&e.span) {
                Some(d) if d.from == e.from && d.to == e.to => {
                    matched += 1;
                    d.decision
                }
                Some(d) => {
                    return Err(format!(
                        "the decision on {:?} → {:?} at {}–{} names another edit than this repair's ({:?} → {:?}): repaired with other options or another version than the report",
                        d.from, d.to, d.span.0, d.span.1, e.from, e.to
                    ))
                }
                None => rules
                    .get(&(e.from.as_str(), e.to.as_str()))
                    .copied()
                    .unwrap_or(Decision::Accept),
            };
            match decision {
                Decision::Accept => out.accepted.push(e.clone()),
                Decision::Reject => out.rejected.push(e.clone()),
            }
        }
        // A rejected edit's span keeps the text's own word (its `from`).
        out.text = splice(text, &out.accepted);
        if matched < own.len() {
            return Err(format!(
                "{} decision(s) name edits this repair does not make: repaired with other options or another version than the report",
                own.len() - matched
            ));
        }
        Ok(out)
    }
}

/// The edits of an edits log (`--edits` of `repair` or `process`), by file as the log names them, each
/// file's in text order. A line that is not an edit is an error naming the line.
pub fn read_edits_log(path: &Path) -> Result<HashMap<String, Vec<Edit>>, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("{}: {}", path.display(), crate::source::io_reason(&e)))?;
    let mut out: HashMap<String, Vec<Edit>> = HashMap::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let bad = |why: &str| format!("{}: line {}: {why}", path.display(), i + 1);
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| bad(&format!("not JSON: {e}")))?;
        let field = |k: &str| v.get(k).ok_or_else(|| bad(&format!("no {k:?}")));
        let s = |k: &str| {
            field(k)?
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| bad(&format!("{k:?} is not text")))
        };
        let span = field("span")?
            .as_array()
            .and_then(|a| Some((a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize)))
            .ok_or_else(|| bad("\"span\" is not two offsets"))?;
        let kind = EditKind::from_name(&s("kind")?).ok_or_else(|| bad("unknown \"kind\""))?;
        let confidence = field("confidence")?
            .as_f64()
            .ok_or_else(|| bad("\"confidence\" is not a number"))? as f32;
        out.entry(s("file")?).or_default().push(Edit {
            span,
            from: s("from")?,
            to: s("to")?,
            kind,
            confidence,
        });
    }
    for edits in out.values_mut() {
        edits.sort_by_key(|e| e.span);
    }
    Ok(out)
}

/// The repair of `text` an edits log recorded (`edits`, its file's), checked against the text: each
/// edit's `from` must stand at its span, and the edits must not overlap; else the log is not of this text
/// (it changed since, or another file has its name). `damage` is the estimate to report beside them.
pub fn logged_repair(text: &str, edits: Vec<Edit>, damage: crate::repair::DamageReport) -> Result<Repaired, String> {
    let mut at = 0;
    for e in &edits {
        let (a, b) = e.span;
        if a < at || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) || text[a..b] != e.from {
            return Err(format!(
                "the edits log does not fit this text at {a}–{b} ({:?} → {:?}): changed since the log was written?",
                e.from, e.to
            ));
        }
        at = b;
    }
    Ok(Repaired {
        text: splice(text, &edits),
        edits,
        damage,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str) -> Repaired {
        crate::Repairer::new().repair(text)
    }

    #[test]
    fn rejecting_one_edit_keeps_that_word_and_makes_the_rest() {
        let text = "Forslag till beslut i ndmnden. Goteborgs Stad gor en bedomning.\n";
        let r = repaired(text);
        assert!(r.edits.len() >= 3);
        let target = &r.edits[1];
        let d = Decisions {
            schema: DECISIONS_SCHEMA.into(),
            documents: vec![DecidedDocument {
                content_id: content_id(text),
                source: "x".into(),
            }],
            edits: vec![EditDecision {
                document: content_id(text),
                span: target.span,
                from: target.from.clone(),
                to: target.to.clone(),
                decision: Decision::Reject,
            }],
            ..Decisions::default()
        };
        let a = d.apply(text, &r).unwrap();
        let expected = format!(
            "{}{}{}",
            &r.text[..r.text.find(&target.to).unwrap()],
            target.from,
            &r.text[r.text.find(&target.to).unwrap() + target.to.len()..]
        );
        assert_eq!(a.text, expected);
        assert_eq!(a.rejected.len(), 1);
        assert_eq!(a.accepted.len(), r.edits.len() - 1);
        // A correction's decision holds for all its edits; an edit's own wins.
        let mut d2 = d.clone();
        d2.corrections.push(CorrectionDecision {
            from: target.from.clone(),
            to: target.to.clone(),
            decision: Decision::Reject,
        });
        d2.edits[0].decision = Decision::Accept;
        assert_eq!(d2.apply(text, &r).unwrap().text, r.text);
        d2.edits.clear();
        assert_eq!(d2.apply(text, &r).unwrap().text, expected);
    }

    #[test]
    fn a_decision_on_an_edit_this_repair_does_not_make_is_an_error() {
        let text = "Forslag till beslut.\n";
        let r = repaired(text);
        let d = Decisions {
            schema: DECISIONS_SCHEMA.into(),
            edits: vec![EditDecision {
                document: content_id(text),
                span: (0, 7),
                from: "Forslag".into(),
                to: "Forslaget".into(),
                decision: Decision::Reject,
            }],
            ..Decisions::default()
        };
        assert!(d.apply(text, &r).unwrap_err().contains("another edit"));
        let mut d2 = d.clone();
        d2.edits[0].span = (100, 107);
        assert!(d2.apply(text, &r).unwrap_err().contains("does not make"));
    }

    #[test]
    fn edits_for_the_page_count_utf16_units() {
        let text = "🙂 å Goteborg";
        let r = repaired(text);
        let e = js_edits(text, &r.edits);
        assert_eq!(e[0][0], 5); // 🙂 is two UTF-16 units, then a space, å, a space
        assert_eq!(e[0][1], 13);
        assert_eq!(e[0][2], 8); // 4 + 1 + 2 + 1 bytes
        assert_eq!(e[0][4], "Goteborg");
    }
}
