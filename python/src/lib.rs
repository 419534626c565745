//! Python bindings of diakrit (`import diakrit`): repair, process and explain, one text or a batch, with
//! the GIL released while Rust works and batches spread over the Rust threads.
//!
//! Offsets: the Rust library and the CLI's JSON count UTF-8 bytes; Python slices strings by code point.
//! An [`Edit`] carries both (`start`/`end` in code points of the text given, `byte_start`/`byte_end` in
//! its UTF-8 bytes); the documents of `process` are the CLI's JSON, in bytes, as documented in its schema.
use std::sync::{Arc, OnceLock};

use diakrit::output::{Format, Writer};
use diakrit::pipeline::{process_input, repair_input, InputError};
use diakrit::source::{Encoding, Source};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use rayon::prelude::*;

/// One change repair made.
#[pyclass(frozen, module = "diakrit", get_all)]
#[derive(Clone)]
struct Edit {
    /// Where it stands in the text given, in code points (`text[start:end]` is `original`).
    start: usize,
    end: usize,
    /// The same in UTF-8 bytes (as in the CLI's JSON and edits log).
    byte_start: usize,
    byte_end: usize,
    /// The text as given there.
    original: String,
    /// What replaces it.
    to: String,
    /// `diacritic`, `ocr-confusion`, `spelling` or `hyphenation`.
    kind: &'static str,
    /// How likely the edit is right (calibrated on the dev set), as the CLI's JSON writes it.
    confidence: f64,
}

#[pymethods]
impl Edit {
    /// The edit as the CLI writes it (`span` in bytes, `from`, `to`, `kind`, `confidence`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("span", vec![self.byte_start, self.byte_end])?;
        d.set_item("from", &self.original)?;
        d.set_item("to", &self.to)?;
        d.set_item("kind", self.kind)?;
        d.set_item("confidence", self.confidence)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Edit(start={}, end={}, original={:?}, to={:?}, kind={:?}, confidence={:.3})",
            self.start, self.end, self.original, self.to, self.kind, self.confidence
        )
    }
}

/// A text repaired: its new text and its edits, in the order of the text.
#[pyclass(frozen, module = "diakrit", get_all)]
struct Repaired {
    /// The repaired text.
    text: String,
    /// The edits, with offsets into the text given.
    edits: Vec<Edit>,
}

#[pymethods]
impl Repaired {
    fn __repr__(&self) -> String {
        format!(
            "Repaired(text=<{} characters>, edits=<{}>)",
            self.text.chars().count(),
            self.edits.len()
        )
    }
}

/// A repair of `input` (edits in byte offsets of it) with code-point offsets beside the bytes.
fn repaired(input: &str, r: diakrit::Repaired) -> Repaired {
    Repaired {
        text: r.text,
        edits: with_offsets(input, r.edits),
    }
}

/// Edits of `input` (in byte offsets of it, in text order) with code-point offsets beside the bytes.
fn with_offsets(input: &str, edits: Vec<diakrit::Edit>) -> Vec<Edit> {
    // Edits come in text order: code points are counted forward from the last one.
    let mut at = diakrit::text::offsets_in(input, |s: &str| s.chars().count());
    edits
        .into_iter()
        .map(|e| {
            let start = at(e.span.0);
            let end = at(e.span.1);
            Edit {
                start,
                end,
                byte_start: e.span.0,
                byte_end: e.span.1,
                original: e.from,
                to: e.to,
                kind: e.kind.as_str(),
                confidence: shortest(e.confidence),
            }
        })
        .collect()
}

/// A confidence as the CLI's JSON writes it: the shortest decimal of the `f32` (0.986, not
/// 0.9860000014305115).
fn shortest(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// The CLI's output format named `format`.
fn format_named(format: &str) -> PyResult<Format> {
    match format {
        "json" => Ok(Format::Json),
        "jsonl" => Ok(Format::JsonLines),
        "sections" => Ok(Format::Sections),
        other => Err(PyValueError::new_err(format!(
            "format must be 'json', 'jsonl' or 'sections', not {other:?}"
        ))),
    }
}

/// The document of `src` written in `format`, as `diakrit process` writes it.
fn written(repairer: &diakrit::Repairer, src: &Source, format: Format) -> Result<String, InputError> {
    let doc = process_input(repairer, src)?;
    let mut w = Writer::new(Vec::new(), format);
    w.write(&doc).expect("writes to memory");
    Ok(String::from_utf8(w.into_inner()).expect("JSON is UTF-8"))
}

fn text_source(text: &str, source: &str) -> Source {
    Source {
        name: source.to_string(),
        text: text.to_string(),
        encoding: Encoding::Utf8,
        replaced: Vec::new(),
    }
}

fn value_error(e: InputError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// `json.loads` of each string.
fn loads<'py>(py: Python<'py>, docs: Vec<String>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let json = py.import("json")?;
    docs.into_iter().map(|d| json.call_method1("loads", (d,))).collect()
}

/// A repairer: the Swedish lexicon, the OCR channel model and the headings catalogue, loaded once and
/// shared by every call and thread. Safe to use from several Python threads at once.
#[pyclass(frozen, module = "diakrit", name = "Repairer")]
struct PyRepairer {
    inner: Arc<diakrit::Repairer>,
}

#[pymethods]
impl PyRepairer {
    /// `min_confidence`: make only edits at least this likely to be right (0 to 1; by default 0.5, as
    /// the CLI). `context`: let the word-context model decide between readings (default on).
    /// `join_hyphens`: rejoin words cut by a hyphen at a line end (default off, as in the CLI).
    #[new]
    #[pyo3(signature = (*, min_confidence=None, context=true, join_hyphens=false))]
    fn new(min_confidence: Option<f32>, context: bool, join_hyphens: bool) -> PyResult<Self> {
        let mut b = diakrit::Repairer::builder().context(context).join_hyphens(join_hyphens);
        if let Some(x) = min_confidence {
            if !(0.0..=1.0).contains(&x) {
                return Err(PyValueError::new_err(format!(
                    "min_confidence must be between 0 and 1, not {x}"
                )));
            }
            b = b.min_confidence(x);
        }
        Ok(PyRepairer {
            inner: Arc::new(b.build()),
        })
    }

    /// Repair `text`: its words restored, every other character kept.
    fn repair(&self, py: Python<'_>, text: &str) -> Repaired {
        let r = &self.inner;
        py.detach(|| repaired(text, r.repair(text)))
    }

    /// Repair each of `texts` on the Rust threads (`RAYON_NUM_THREADS` sets how many); results in order.
    fn repair_batch(&self, py: Python<'_>, texts: Vec<String>) -> Vec<Repaired> {
        let r = &self.inner;
        py.detach(|| texts.par_iter().map(|t| repaired(t, r.repair(t))).collect())
    }

    /// Process `text` named `source`: the `diakrit/1` document (a dict), as `diakrit process` gives it
    /// (an ALTO, hOCR or PAGE XML text is read as such; other XML or HTML is a `ValueError`).
    #[pyo3(signature = (text, source="-"))]
    fn process<'py>(&self, py: Python<'py>, text: &str, source: &str) -> PyResult<Bound<'py, PyAny>> {
        let doc = self.process_json(py, text, source, "json")?;
        Ok(loads(py, vec![doc])?.remove(0))
    }

    /// Process each of `texts` (named by `sources`, or `-`) on the Rust threads: the documents, in order.
    #[pyo3(signature = (texts, sources=None))]
    fn process_batch<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        sources: Option<Vec<String>>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let sources = sources.unwrap_or_else(|| vec!["-".to_string(); texts.len()]);
        if sources.len() != texts.len() {
            return Err(PyValueError::new_err(format!(
                "{} texts but {} sources",
                texts.len(),
                sources.len()
            )));
        }
        let r = &self.inner;
        let docs: Result<Vec<String>, InputError> = py.detach(|| {
            texts
                .par_iter()
                .zip(&sources)
                .map(|(t, s)| written(r, &text_source(t, s), Format::Json))
                .collect()
        });
        loads(py, docs.map_err(value_error)?)
    }

    /// Process `text` named `source` and write the document as the CLI does: `json` (indented),
    /// `jsonl` (one line) or `sections` (one search record per section and line).
    #[pyo3(signature = (text, source="-", format="json"))]
    fn process_json(&self, py: Python<'_>, text: &str, source: &str, format: &str) -> PyResult<String> {
        let format = format_named(format)?;
        let r = &self.inner;
        py.detach(|| written(r, &text_source(text, source), format))
            .map_err(value_error)
    }

    /// Process the bytes of a file named `source` exactly as `diakrit process` reads and writes it: its
    /// encoding found (UTF-8, UTF-16 with a mark, Windows-1252), OCR XML told by its content. For Spark's
    /// `binaryFiles`, whose records then equal the CLI's byte for byte. A file the CLI refuses is a
    /// `ValueError` with the CLI's reason.
    #[pyo3(signature = (data, source, format="jsonl"))]
    fn process_bytes(&self, py: Python<'_>, data: &Bound<'_, PyBytes>, source: &str, format: &str) -> PyResult<String> {
        let format = format_named(format)?;
        let bytes = data.as_bytes();
        let r = &self.inner;
        py.detach(|| {
            let src = diakrit::source::decode_source(std::path::Path::new(source), bytes, false)?;
            written(r, &src, format)
        })
        .map_err(value_error)
    }

    /// Repair the bytes of a file named `source` exactly as `diakrit repair` does: its encoding found,
    /// an ALTO, hOCR or PAGE XML file repaired in place (only the text of repaired words changed). The
    /// repaired file's bytes (UTF-8; a byte-order mark kept) and its edits, their offsets in the text as
    /// read (after any byte-order mark). A file the CLI refuses is a `ValueError` with its reason.
    fn repair_bytes<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'_, PyBytes>,
        source: &str,
    ) -> PyResult<(Bound<'py, PyBytes>, Vec<Edit>)> {
        let bytes = data.as_bytes();
        let r = &self.inner;
        let (out, edits) = py
            .detach(|| -> Result<(Vec<u8>, Vec<Edit>), InputError> {
                let src = diakrit::source::decode_source(std::path::Path::new(source), bytes, false)?;
                let done = repair_input(r, &src)?;
                Ok((done.bytes, with_offsets(&src.text, done.edits)))
            })
            .map_err(value_error)?;
        Ok((PyBytes::new(py, &out), edits))
    }

    /// Explain what repair makes of `word`, alone or in `context` (a line or a text that holds it): a
    /// dict with `word`, `valid` (a word of the lexicon), `edit` (`to`, `kind`, `confidence`, or None
    /// when it is kept), `candidates` (best first, with `score`), `context` (`line`, `repaired`) and
    /// `text` (what `diakrit explain` prints).
    #[pyo3(signature = (word, context=None))]
    fn explain<'py>(&self, py: Python<'py>, word: &str, context: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
        let r = &self.inner;
        let e = py.detach(|| r.explain(word, context));
        let d = PyDict::new(py);
        d.set_item("word", &e.word)?;
        d.set_item("valid", e.entry.is_some())?;
        match &e.edit {
            Some((to, kind, confidence)) => {
                let edit = PyDict::new(py);
                edit.set_item("to", to)?;
                edit.set_item("kind", *kind)?;
                edit.set_item("confidence", shortest(*confidence))?;
                d.set_item("edit", edit)?;
            }
            None => d.set_item("edit", py.None())?,
        }
        let candidates = PyList::empty(py);
        for (c, score) in &e.candidates {
            let cd = PyDict::new(py);
            cd.set_item("word", &c.word)?;
            cd.set_item("score", shortest(*score))?;
            cd.set_item("kind", c.kind.as_str())?;
            candidates.append(cd)?;
        }
        d.set_item("candidates", candidates)?;
        match &e.context {
            Some((line, fixed)) => {
                let c = PyDict::new(py);
                c.set_item("line", line)?;
                c.set_item("repaired", fixed)?;
                d.set_item("context", c)?;
            }
            None => d.set_item("context", py.None())?,
        }
        d.set_item("text", e.to_string())?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        format!("Repairer(min_confidence={})", c.min_confidence)
    }
}

/// The repairer of the module-level functions, made on first use.
fn default_repairer() -> &'static PyRepairer {
    static R: OnceLock<PyRepairer> = OnceLock::new();
    R.get_or_init(|| PyRepairer {
        inner: Arc::new(diakrit::Repairer::new()),
    })
}

/// Repair `text` with the default repairer (see `Repairer.repair`).
#[pyfunction]
fn repair(py: Python<'_>, text: &str) -> Repaired {
    default_repairer().repair(py, text)
}

/// Repair each of `texts` with the default repairer, on the Rust threads (see `Repairer.repair_batch`).
#[pyfunction]
fn repair_batch(py: Python<'_>, texts: Vec<String>) -> Vec<Repaired> {
    default_repairer().repair_batch(py, texts)
}

/// Process `text` with the default repairer: the `diakrit/1` document (see `Repairer.process`).
#[pyfunction]
#[pyo3(signature = (text, source="-"))]
fn process<'py>(py: Python<'py>, text: &str, source: &str) -> PyResult<Bound<'py, PyAny>> {
    default_repairer().process(py, text, source)
}

/// Process each of `texts` with the default repairer (see `Repairer.process_batch`).
#[pyfunction]
#[pyo3(signature = (texts, sources=None))]
fn process_batch<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    sources: Option<Vec<String>>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    default_repairer().process_batch(py, texts, sources)
}

/// Process `text` and write the document as the CLI does (see `Repairer.process_json`).
#[pyfunction]
#[pyo3(signature = (text, source="-", format="json"))]
fn process_json(py: Python<'_>, text: &str, source: &str, format: &str) -> PyResult<String> {
    default_repairer().process_json(py, text, source, format)
}

/// Process a file's bytes as the CLI does (see `Repairer.process_bytes`).
#[pyfunction]
#[pyo3(signature = (data, source, format="jsonl"))]
fn process_bytes(py: Python<'_>, data: &Bound<'_, PyBytes>, source: &str, format: &str) -> PyResult<String> {
    default_repairer().process_bytes(py, data, source, format)
}

/// Repair a file's bytes as the CLI does (see `Repairer.repair_bytes`).
#[pyfunction]
fn repair_bytes<'py>(
    py: Python<'py>,
    data: &Bound<'_, PyBytes>,
    source: &str,
) -> PyResult<(Bound<'py, PyBytes>, Vec<Edit>)> {
    default_repairer().repair_bytes(py, data, source)
}

/// Explain what repair makes of `word` (see `Repairer.explain`).
#[pyfunction]
#[pyo3(signature = (word, context=None))]
fn explain<'py>(py: Python<'py>, word: &str, context: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
    default_repairer().explain(py, word, context)
}

#[pymodule]
fn _diakrit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRepairer>()?;
    m.add_class::<Repaired>()?;
    m.add_class::<Edit>()?;
    m.add_function(wrap_pyfunction!(repair, m)?)?;
    m.add_function(wrap_pyfunction!(repair_batch, m)?)?;
    m.add_function(wrap_pyfunction!(process, m)?)?;
    m.add_function(wrap_pyfunction!(process_batch, m)?)?;
    m.add_function(wrap_pyfunction!(process_json, m)?)?;
    m.add_function(wrap_pyfunction!(process_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(repair_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add("SCHEMA", diakrit::output::SCHEMA)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
