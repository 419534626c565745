//! The whole job over many inputs: find the files, read, repair, segment, in parallel, in input order.
//!
//! A bad input (missing, unreadable, binary, a directory without text files) is reported as an
//! [`InputError`] in its place and the rest go on: one bad file never stops a batch.
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::ocrxml::stream::XmlStream;
use crate::ocrxml::OcrFormat;
use crate::output::{fnv1a64_more, Assembly, Format, Spooled, FNV_START};
use crate::process::joins_group;
use crate::repair::{Edit, Repaired, Repairer};
use crate::source::{self, Encoding, Source};
use crate::stream::{Scanned, Windows};

mod sink;
pub use sink::{check_plan, EditsFile, Outputs};

/// An input that could not be processed, or an output that could not be written, with the reason, for one
/// line on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file it concerns (`<stdout>` for standard output).
    pub path: PathBuf,
    /// Why, in a few lowercase words.
    pub reason: String,
    /// The I/O error kind behind it, if any (a closed pipe is no failure of the run).
    pub kind: Option<std::io::ErrorKind>,
}

impl InputError {
    /// An error with a reason of our own.
    pub fn new(path: impl Into<PathBuf>, reason: impl Into<String>) -> InputError {
        InputError {
            path: path.into(),
            reason: reason.into(),
            kind: None,
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: &Path, e: &std::io::Error) -> InputError {
        InputError {
            path: path.to_path_buf(),
            reason: source::io_reason(e),
            kind: Some(e.kind()),
        }
    }

    /// Did writing to a closed pipe fail (`diakrit process … | head`)?
    pub fn is_broken_pipe(&self) -> bool {
        self.kind == Some(std::io::ErrorKind::BrokenPipe)
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for InputError {}

impl From<source::SourceError> for InputError {
    fn from(e: source::SourceError) -> Self {
        InputError::new(e.path, e.reason)
    }
}

/// One input to read: a file (with the path its output keeps under an output folder) or stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
    File {
        /// Its path as given or found.
        path: PathBuf,
        /// Its path below the inputs' common folder: the output keeps it under `--out-dir`.
        rel: PathBuf,
    },
}

impl Input {
    /// The path, `-` for standard input.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File { path, .. } => path.display().to_string(),
        }
    }

    /// The output path under `out_dir` with extension `ext`: the input's path below the folder all the
    /// inputs share (`boxA/page001.txt` and `boxB/page001.txt` go to `out/boxA/page001.json` and
    /// `out/boxB/page001.json`; the files of one folder given alone go straight under `out`). An OCR file
    /// in XML (`.xml`, `.hocr`, `.html`, `.xhtml`, `.htm`) is repaired into its own format under its own
    /// name (`ext` `txt`, what `repair` writes); other outputs add their extension to its whole name
    /// (`page001.alto.xml.json`), so that they never meet those of a text file of the same stem.
    pub fn output_path(&self, out_dir: &Path, ext: &str) -> PathBuf {
        match self {
            Input::Stdin => out_dir.join(format!("stdin.{ext}")),
            Input::File { rel, .. } if has_ext(rel, XML_EXTS) => {
                if ext == "txt" {
                    out_dir.join(rel)
                } else {
                    out_dir.join(format!("{}.{ext}", rel.display()))
                }
            }
            Input::File { rel, .. } => out_dir.join(rel).with_extension(ext),
        }
    }

    /// May this input be long enough to be read in windows ([`crate::stream::STREAM_ABOVE`])? A file is,
    /// by its size; standard input may always be (its length is known only once it is read).
    pub fn may_be_long(&self) -> bool {
        match self {
            Input::Stdin => true,
            Input::File { path, .. } => std::fs::metadata(path).is_ok_and(|m| m.len() > crate::stream::STREAM_ABOVE),
        }
    }

    /// Read and decode.
    pub fn read(&self) -> Result<Source, InputError> {
        self.read_with(false)
    }

    /// Read and decode; `strict` refuses UTF-8 with invalid bytes.
    pub fn read_with(&self, strict: bool) -> Result<Source, InputError> {
        match self {
            Input::Stdin => Ok(source::read_stdin(strict)?),
            Input::File { path, .. } => Ok(source::read_with(path, strict)?),
        }
    }
}

/// Expand the command-line arguments into inputs: `-` is stdin, a directory is walked (sorted) for
/// `*.txt` files and OCR files in XML (ALTO, hOCR, PAGE: see [`crate::ocrxml::detect`]), anything else is a file. No arguments means stdin. A directory without text files, or
/// one that cannot be read, is an error in its place; an unreadable folder inside a walk is an error in
/// its place and the walk goes on.
///
/// ```
/// let inputs = diakrit::pipeline::collect_inputs(&["fixtures/sections".into()]);
/// assert!(inputs.iter().all(|i| i.as_ref().is_ok_and(|i| i.display().ends_with(".txt"))));
/// ```
pub fn collect_inputs(args: &[PathBuf]) -> Vec<Result<Input, InputError>> {
    collect_inputs_skipping(args, None)
}

/// [`collect_inputs`], leaving out the folder `skip` (an output folder inside the input tree, so that a
/// second run does not read the first run's outputs). Symbolic links to folders are followed; a folder
/// reached a second time (a loop, or two links to one folder) is walked once.
pub fn collect_inputs_skipping(args: &[PathBuf], skip: Option<&Path>) -> Vec<Result<Input, InputError>> {
    if args.is_empty() {
        return vec![Ok(Input::Stdin)];
    }
    let skip = skip.and_then(|s| std::fs::canonicalize(s).ok());
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    // Each argument's folder: a directory itself, a file's parent.
    let folder = |a: &Path| -> PathBuf {
        if a.is_dir() {
            canonical(a)
        } else {
            let parent = a
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            canonical(parent)
        }
    };
    let folders: Vec<PathBuf> = args
        .iter()
        .filter(|a| a.as_os_str() != "-")
        .map(|a| folder(a))
        .collect();
    let base = common_ancestor(&folders);
    let below = |p: &Path| -> PathBuf {
        base.as_ref()
            .and_then(|b| p.strip_prefix(b).ok())
            .map(Path::to_path_buf)
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for a in args {
        if a.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if a.is_dir() {
            let mut found = Vec::new();
            let mut visited = std::collections::HashSet::new();
            let top = canonical(a);
            visited.insert(top.clone());
            if let Err(e) = std::fs::read_dir(a) {
                out.push(Err(InputError::io(a, &e)));
                continue;
            }
            walk_txt(a, &mut found, &mut visited, skip.as_deref());
            if found.is_empty() {
                out.push(Err(InputError::new(a, "directory has no .txt files")));
                continue;
            }
            found.sort_by(|x, y| walked_path(x).cmp(walked_path(y)));
            let prefix = below(&top);
            out.extend(found.into_iter().map(|f| {
                f.map(|path| {
                    let sub = path.strip_prefix(a).map(Path::to_path_buf).unwrap_or_default();
                    Input::File {
                        rel: prefix.join(sub),
                        path,
                    }
                })
            }));
        } else {
            let name = PathBuf::from(a.file_name().unwrap_or(a.as_os_str()));
            out.push(Ok(Input::File {
                rel: below(&folder(a)).join(name),
                path: a.clone(),
            }));
        }
    }
    out
}

/// The path a walk result is sorted by.
fn walked_path(r: &Result<PathBuf, InputError>) -> &Path {
    match r {
        Ok(p) => p,
        Err(e) => &e.path,
    }
}

/// The deepest folder all of `folders` are in.
fn common_ancestor(folders: &[PathBuf]) -> Option<PathBuf> {
    let mut base = folders.first()?.clone();
    for f in &folders[1..] {
        while !f.starts_with(&base) {
            if !base.pop() {
                return None;
            }
        }
    }
    Some(base)
}

/// The `*.txt` files and OCR XML files under `dir`, and an error for each folder or entry that cannot be read; folders
/// already `visited` (by their canonical path) and `skip` are left out.
fn walk_txt(
    dir: &Path,
    out: &mut Vec<Result<PathBuf, InputError>>,
    visited: &mut std::collections::HashSet<PathBuf>,
    skip: Option<&Path>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(InputError::io(dir, &e)));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.push(Err(InputError::io(dir, &e)));
                continue;
            }
        };
        let path = entry.path();
        let ft = match entry.file_type() {
            Ok(t) => t,
            Err(e) => {
                out.push(Err(InputError::io(&path, &e)));
                continue;
            }
        };
        // A symbolic link counts as what it points to.
        let is_dir = ft.is_dir() || (ft.is_symlink() && path.is_dir());
        if is_dir {
            let Ok(real) = std::fs::canonicalize(&path) else {
                out.push(Err(InputError::new(&path, "cannot resolve folder")));
                continue;
            };
            if skip == Some(real.as_path()) || !visited.insert(real) {
                continue;
            }
            walk_txt(&path, out, visited, skip);
        } else if (ft.is_file() || path.is_file()) && (has_ext(&path, &["txt"]) || is_ocr_xml_file(&path)) {
            out.push(Ok(path));
        }
    }
}

/// The extensions an OCR file in XML may have.
const XML_EXTS: &[&str] = &["xml", "hocr", "html", "xhtml", "htm"];

/// Does `path` end in one of `exts` (any case)?
fn has_ext(path: &Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Is `path` an OCR file in XML (`.xml`, `.hocr`, `.html`, `.xhtml` whose first 4 KB say ALTO, hOCR or PAGE
/// XML, [`crate::ocrxml::detect`])? A folder of ALTO files beside their METS is walked for the ALTO only.
fn is_ocr_xml_file(path: &Path) -> bool {
    if !has_ext(path, XML_EXTS) {
        return false;
    }
    std::fs::File::open(path).is_ok_and(|mut f| starts_as_ocr_xml(&mut f).ok().flatten().is_some())
}

/// Do the first bytes `r` gives say ALTO, hOCR or PAGE XML ([`crate::ocrxml::detect`]), and which? Reads as
/// far as `detect` looks.
fn starts_as_ocr_xml(r: &mut impl std::io::Read) -> std::io::Result<Option<OcrFormat>> {
    let mut head = Vec::with_capacity(crate::ocrxml::DETECT_BYTES);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(r, crate::ocrxml::DETECT_BYTES as u64),
        &mut head,
    )?;
    Ok(crate::ocrxml::detect(&head))
}

/// Run `job` over `inputs` in parallel, handing each result to `sink` in input order. Inputs are taken
/// in chunks so that memory stays bounded on large batches; a bad input reaches `sink` as its error and the
/// rest go on.
///
/// ```
/// use diakrit::pipeline::{collect_inputs, run};
/// let r = diakrit::Repairer::new();
/// let mut out = Vec::new();
/// run(collect_inputs(&["/no/such/file.txt".into()]), |src| r.repair(&src.text).text, |_, res| out.push(res));
/// assert_eq!(out[0].as_ref().unwrap_err().reason, "no such file or directory");
/// ```
pub fn run<T, F, S>(inputs: Vec<Result<Input, InputError>>, job: F, mut sink: S)
where
    T: Send,
    F: Fn(&Source) -> T + Sync,
    S: FnMut(&Input, Result<T, InputError>),
{
    run_batch(inputs, &Batch::default(), job, |i, r| {
        // Without `stream_long` every input is read whole and has its result.
        if let Some(r) = r.transpose() {
            sink(i, r);
        }
        ControlFlow::Continue(())
    });
}

/// How a batch reads and when it stops.
#[derive(Clone, Copy, Debug, Default)]
pub struct Batch<'a> {
    /// Refuse UTF-8 with invalid bytes instead of replacing them.
    pub strict: bool,
    /// Stop before the next chunk of inputs when this is set (Ctrl-C).
    pub stop: Option<&'a AtomicBool>,
    /// Leave long files unread ([`crate::stream::STREAM_ABOVE`]): the sink gets `Ok(None)` for them, in their
    /// place, and reads them in windows itself ([`open_long`]).
    pub stream_long: bool,
}

/// [`run`], reading as `batch` says; the sink may end the batch (a closed pipe) by returning
/// [`ControlFlow::Break`]. With [`Batch::stream_long`], a long file reaches the sink unread, as `Ok(None)`.
/// Returns how many inputs reached the sink.
pub fn run_batch<T, F, S>(inputs: Vec<Result<Input, InputError>>, batch: &Batch, job: F, mut sink: S) -> usize
where
    T: Send,
    F: Fn(&Source) -> T + Sync,
    S: FnMut(&Input, Result<Option<T>, InputError>) -> ControlFlow<()>,
{
    const CHUNK: usize = 64;
    let mut done = 0;
    let mut pending: Vec<Result<Input, InputError>> = inputs;
    while !pending.is_empty() {
        if batch.stop.is_some_and(|s| s.load(Ordering::SeqCst)) {
            break;
        }
        let rest = pending.split_off(CHUNK.min(pending.len()));
        let results: Vec<(Option<Input>, Read<T>)> = pending
            .into_par_iter()
            .map(|i| match i {
                Err(e) => (None, Err(e)),
                Ok(input) if batch.stream_long && input.may_be_long() => (Some(input), Ok(None)),
                Ok(input) => {
                    let r = input.read_with(batch.strict).map(|src| Some(job(&src)));
                    (Some(input), r)
                }
            })
            .collect();
        for (input, r) in results {
            let input = input.unwrap_or_else(|| {
                let path = r.as_ref().err().map(|e| e.path.clone()).unwrap_or_default();
                Input::File {
                    rel: PathBuf::from(path.file_name().unwrap_or_default()),
                    path,
                }
            });
            done += 1;
            if sink(&input, r).is_break() {
                return done;
            }
        }
        pending = rest;
    }
    done
}

/// What a batch did with an input: its result, `None` for a long file left to be read in windows, or why
/// it failed.
type Read<T> = Result<Option<T>, InputError>;

/// The windows of a file (or of standard input copied to one).
pub type FileWindows = Windows<std::io::BufReader<std::fs::File>>;

/// Does `text` begin as XML or HTML does (`<?xml`, `<!DOCTYPE`, `<html`)? Markup that is no OCR format diakrit
/// knows is refused rather than repaired as text.
fn is_markup(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(9)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<?xml") || head.starts_with("<!doctype") || head.starts_with("<html")
}

/// The OCR format of an input in XML, none for text; markup of another kind (an HTML page, other XML) is
/// refused rather than repaired as text.
pub fn ocr_format(src: &Source) -> Result<Option<crate::ocrxml::OcrFormat>, InputError> {
    match crate::ocrxml::detect(src.text.as_bytes()) {
        None if is_markup(&src.text) => Err(InputError::new(
            &src.name,
            "XML or HTML that is not ALTO, hOCR or PAGE XML",
        )),
        format => Ok(format),
    }
}

/// Process one input as `diakrit process` does: plain text, or an OCR file in XML (its words' plain text, with each section's pages
/// and boxes: [`crate::ocrxml::process`]).
pub fn process_input(repairer: &Repairer, src: &Source) -> Result<crate::output::Document, InputError> {
    match ocr_format(src)? {
        Some(format) => {
            crate::ocrxml::process(repairer, src, format).map_err(|e| InputError::new(&src.name, e.to_string()))
        }
        None => Ok(repairer.process_source(src)),
    }
}

/// A repaired input: what to write, and its edits for the log.
pub struct RepairedInput {
    /// The input's name.
    pub name: String,
    /// The repaired text, or the OCR file written again.
    pub bytes: Vec<u8>,
    /// Its edits, in offsets of the input as read (after any byte-order mark).
    pub edits: Vec<Edit>,
}

/// Repair one input as `diakrit repair` does: plain text, or an OCR file in ALTO, hOCR or PAGE XML, repaired in place and written in
/// its own format (with its own extension; edits in offsets of the file). XML that is none of these is
/// refused rather than repaired as text.
pub fn repair_input(repairer: &Repairer, src: &Source) -> Result<RepairedInput, InputError> {
    let Some(format) = ocr_format(src)? else {
        let rep = repairer.repair(&src.text);
        return Ok(RepairedInput {
            name: src.name.clone(),
            bytes: rep.text.into_bytes(),
            edits: rep.edits,
        });
    };
    if !matches!(src.encoding, Encoding::Utf8 | Encoding::Utf8Bom) {
        return Err(InputError::new(&src.name, "OCR XML that is not in UTF-8"));
    }
    let r =
        crate::ocrxml::repair(repairer, &src.text, format).map_err(|e| InputError::new(&src.name, e.to_string()))?;
    let edits = r.edits.into_iter().map(|w| w.edit).collect();
    let mut bytes = r.xml.into_bytes();
    if src.encoding == Encoding::Utf8Bom {
        bytes.splice(0..0, *b"\xEF\xBB\xBF");
    }
    Ok(RepairedInput {
        name: src.name.clone(),
        bytes,
        edits,
    })
}

/// A long input, opened ([`open_long`]).
pub enum Opened {
    /// To be read in windows: what its first pass found, and its windows.
    Windows(Scanned, FileWindows),
    /// An OCR file in XML, in UTF-8: to be repaired as it is read ([`repair_ocr_xml`]).
    OcrXml(OcrXmlFile),
    /// Read whole after all: short (standard input that ended early), UTF-16, or not text.
    Whole(Source),
}

/// Open an input left unread by the batch ([`Batch::stream_long`]) for reading in windows. A file is
/// scanned ([`crate::stream::scan`]); standard input is read up to a few windows, and when it goes on, the
/// whole of it is copied to an anonymous temporary file first (a pipe cannot be read twice). Whatever
/// cannot be streamed (UTF-16, files with NUL bytes) is read and decoded whole.
pub fn open_long(input: &Input, strict: bool) -> Result<Opened, InputError> {
    let (name, mut file) = match input {
        Input::File { path, .. } => (
            path.clone(),
            std::fs::File::open(path).map_err(|e| InputError::io(path, &e))?,
        ),
        Input::Stdin => {
            let name = PathBuf::from("-");
            let io_err = |e: std::io::Error| InputError::io(Path::new("-"), &e);
            let mut head = Vec::new();
            let limit = crate::stream::STREAM_ABOVE;
            let mut stdin = std::io::stdin().lock();
            std::io::Read::read_to_end(&mut std::io::Read::take(&mut stdin, limit + 1), &mut head).map_err(io_err)?;
            if head.len() as u64 <= limit {
                return Ok(Opened::Whole(source::decode_source(&name, &head, strict)?));
            }
            let mut spool = tempfile::tempfile().map_err(io_err)?;
            std::io::Write::write_all(&mut spool, &head).map_err(io_err)?;
            drop(head);
            std::io::copy(&mut stdin, &mut spool).map_err(io_err)?;
            (name, spool)
        }
    };
    // An OCR file in XML has its words repaired in place (`crate::ocrxml`), not its text in windows: as
    // it is read when it is clean UTF-8, else whole (its encoding decided and told as for any file).
    let io_err = |e: std::io::Error| InputError::io(&name, &e);
    let ocr_xml = starts_as_ocr_xml(&mut file).map_err(io_err)?;
    std::io::Seek::rewind(&mut file).map_err(io_err)?;
    if let Some(format) = ocr_xml {
        if let Some(scanned) = crate::stream::scan(&mut file, &name, false)? {
            if scanned.replaced_count == 0 && matches!(scanned.encoding, Encoding::Utf8 | Encoding::Utf8Bom) {
                let bom = scanned.encoding == Encoding::Utf8Bom;
                return Ok(Opened::OcrXml(OcrXmlFile {
                    name,
                    format,
                    bom,
                    file,
                }));
            }
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).map_err(io_err)?;
        return Ok(Opened::Whole(source::decode_owned(&name, bytes, strict)?));
    }
    match crate::stream::scan(&mut file, &name, strict)? {
        Some(scanned) => {
            let windows = Windows::new(std::io::BufReader::new(file), scanned.encoding, &name)
                .map_err(|e| InputError::io(&name, &e))?;
            Ok(Opened::Windows(scanned, windows))
        }
        None => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut bytes).map_err(|e| InputError::io(&name, &e))?;
            Ok(Opened::Whole(source::decode_source(&name, &bytes, strict)?))
        }
    }
}

/// A long OCR file in XML, in UTF-8, opened to be repaired as it is read ([`open_long`]).
pub struct OcrXmlFile {
    /// Its name in messages.
    pub name: PathBuf,
    /// Its format.
    pub format: OcrFormat,
    /// Does it start with a byte-order mark (kept in the output; offsets count after it)?
    pub bom: bool,
    file: std::fs::File,
}

impl OcrXmlFile {
    /// Read it whole, as [`Input::read`] would have.
    pub fn read_whole(mut self, strict: bool) -> Result<Source, InputError> {
        let io_err = |e: std::io::Error| InputError::io(&self.name, &e);
        std::io::Seek::rewind(&mut self.file).map_err(io_err)?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut self.file, &mut bytes).map_err(io_err)?;
        Ok(source::decode_owned(&self.name, bytes, strict)?)
    }

    /// The error of a file found malformed as it was read: its line and column, found by reading it again
    /// as far as `e`.
    fn malformed(&mut self, e: crate::ocrxml::stream::StreamError) -> InputError {
        let name = self.name.clone();
        let io_err = |e: std::io::Error| InputError::io(&name, &e);
        match self.body().and_then(|body| e.locate(body)) {
            Ok(located) => InputError::new(&name, located.to_string()),
            Err(e) => io_err(e),
        }
    }

    /// The file from just after its byte-order mark.
    fn body(&mut self) -> std::io::Result<&std::fs::File> {
        let skip = if self.bom { 3 } else { 0 };
        std::io::Seek::seek(&mut self.file, std::io::SeekFrom::Start(skip))?;
        Ok(&self.file)
    }
}

/// Repair a long OCR file in XML in bounded memory ([`crate::ocrxml::stream`]): its plain text's windows go
/// through the thread pool one more than there are threads at a time (each holds its words, a few hundred
/// bytes each, until it is settled: fewer than for text, [`repair_windows`]), each repair settles the words it has passed, whose edits go to
/// `log` (in offsets of the file after any byte-order mark); then the file is copied to `put` with the
/// changes made. The bytes and edits are those [`crate::ocrxml::repair`] makes of the whole file. A
/// malformed file is an error naming its line and column, with nothing written.
pub fn repair_ocr_xml(
    repairer: &Repairer,
    mut xml: OcrXmlFile,
    stop: Option<&AtomicBool>,
    mut log: impl FnMut(&[Edit]) -> Result<(), InputError>,
    put: &mut dyn FnMut(&[u8]) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let name = xml.name.clone();
    let io_err = |e: std::io::Error| InputError::io(&name, &e);
    let format = xml.format;
    let changes = {
        let stream = std::cell::RefCell::new(XmlStream::new(
            std::io::BufReader::with_capacity(1 << 16, xml.body().map_err(io_err)?),
            format,
        ));
        let mut failed = None;
        let in_flight = rayon::current_num_threads().max(1) + 1;
        let mut emitted = 0;
        let done = in_order(
            in_flight,
            || {
                go_on(stop, &name)?;
                stream.borrow_mut().next_window().map_err(|e| {
                    failed = Some(e);
                    InputError::new(&name, "malformed XML")
                })
            },
            |(start, text): (usize, String)| (start, text.len(), repairer.repair_window(&text)),
            |(start, len, r)| {
                log(&stream.borrow_mut().take(start, len, &r))?;
                emitted += 1;
                if emitted % in_flight == 0 {
                    release_freed_memory();
                }
                Ok(())
            },
        );
        if let Some(e) = failed {
            return Err(xml.malformed(e));
        }
        done?;
        stream.into_inner().finish().map_err(io_err)?
    };
    if xml.bom {
        put(b"\xEF\xBB\xBF")?;
    }
    // The copy's own errors are reading errors; those of `put` (writing) pass through as they are.
    let mut put_failed = None;
    let copied = changes.copy(xml.body().map_err(io_err)?, &mut |bytes| {
        put(bytes).map_err(|e| {
            put_failed = Some(e);
            std::io::Error::other("output failed")
        })
    });
    if let Some(e) = put_failed {
        return Err(e);
    }
    copied.map_err(io_err)
}

/// Windows in flight per thread of the pool: started and not yet handed on. More than one, so that a
/// thread done with its window takes the next while an earlier, slower one is still being repaired.
const WINDOWS_PER_THREAD: usize = 4;

/// Repair `windows` on the thread pool, a few per thread at a time, and hand each repair to `emit` in text
/// order, with the window's start in the whole text; stops with an error when `stop` is set. Memory holds a
/// few windows, whatever the file's length.
pub fn repair_windows<R: std::io::Read>(
    repairer: &Repairer,
    mut windows: Windows<R>,
    stop: Option<&AtomicBool>,
    mut emit: impl FnMut(usize, Repaired) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let name = windows.name().to_path_buf();
    let mut emitted = 0;
    in_order(
        WINDOWS_PER_THREAD * rayon::current_num_threads().max(1),
        || {
            go_on(stop, &name)?;
            windows.next_window().map_err(|e| InputError::io(&name, &e))
        },
        |(start, text): (usize, String)| (start, repairer.repair_window(&text)),
        |(start, r)| {
            emit(start, r)?;
            emitted += 1;
            if emitted % (WINDOWS_PER_THREAD * rayon::current_num_threads().max(1)) == 0 {
                release_freed_memory();
            }
            Ok(())
        },
    )
}

/// Process a long OCR file in XML in bounded memory: a first pass reads its XML as it goes
/// ([`crate::ocrxml::stream::spool_plain`]) into its plain text and its words' places, both spooled to
/// temporary files; the text is then processed in windows as a long text file is ([`process_windows`]),
/// each section given its pages and boxes from the spooled places. The document is the one
/// [`crate::ocrxml::process`] makes of the whole file.
#[allow(clippy::too_many_arguments)]
pub fn process_ocr_xml(
    repairer: &Repairer,
    input: &Input,
    mut xml: OcrXmlFile,
    stop: Option<&AtomicBool>,
    format: Format,
    log: impl FnMut(&[Edit]) -> Result<(), InputError>,
    put: &mut dyn FnMut(&[u8]) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let name = xml.name.clone();
    let io_err = |e: std::io::Error| InputError::io(&name, &e);
    let mut text = std::io::BufWriter::new(tempfile::tempfile().map_err(io_err)?);
    let mut places = std::io::BufWriter::new(tempfile::tempfile().map_err(io_err)?);
    let ocr_format = xml.format;
    let source = std::io::BufReader::with_capacity(1 << 16, xml.body().map_err(io_err)?);
    let ocr = match crate::ocrxml::stream::spool_plain(source, ocr_format, &mut text, &mut places).map_err(io_err)? {
        Ok(ocr) => ocr,
        Err(e) => return Err(xml.malformed(e)),
    };
    let rewound = |w: std::io::BufWriter<std::fs::File>| -> std::io::Result<std::fs::File> {
        let mut f = w.into_inner().map_err(std::io::IntoInnerError::into_error)?;
        std::io::Seek::rewind(&mut f)?;
        Ok(f)
    };
    let text = rewound(text).map_err(io_err)?;
    let mut boxes = crate::ocrxml::stream::WordBoxes::new(rewound(places).map_err(io_err)?);
    let windows = Windows::new(std::io::BufReader::new(text), Encoding::Utf8, &name).map_err(io_err)?;
    let encoding = if xml.bom { Encoding::Utf8Bom } else { Encoding::Utf8 };
    let out = Written {
        format,
        put,
        section: &mut |s| {
            s.layout = boxes.section_layout(s.heading_span, s.body_span).map_err(io_err)?;
            Ok(())
        },
        document: &mut |doc| doc.ocr = Some(ocr.clone()),
    };
    process_text_windows(repairer, &input.display(), encoding, windows, stop, log, out)
}

/// Run `work` on the thread pool over the items `next` gives, and hand the results to `emit` in the items'
/// order. At most `in_flight` items are started and not yet emitted: a thread done with one starts the
/// next at once, whatever the others are still doing, and memory holds no more than those.
/// `next` and `emit` run on the calling thread, beside the work. Called from a thread of the pool itself
/// (which must not wait on its own pool), the items go in batches instead. A panic in `work` reaches the
/// caller, as it would have without threads.
fn in_order<I: Send, O: Send>(
    in_flight: usize,
    mut next: impl FnMut() -> Result<Option<I>, InputError>,
    work: impl Fn(I) -> O + Sync,
    mut emit: impl FnMut(O) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let in_flight = in_flight.max(1);
    if rayon::current_thread_index().is_some() {
        loop {
            let mut batch = Vec::with_capacity(in_flight);
            while batch.len() < in_flight {
                match next()? {
                    Some(item) => batch.push(item),
                    None => break,
                }
            }
            if batch.is_empty() {
                return Ok(());
            }
            let done: Vec<O> = batch.into_par_iter().map(&work).collect();
            for o in done {
                emit(o)?;
            }
        }
    }
    let work = &work;
    rayon::in_place_scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut waiting = std::collections::BTreeMap::new();
        let (mut started, mut emitted, mut ended) = (0usize, 0usize, false);
        loop {
            while !ended && started - emitted < in_flight {
                match next()? {
                    Some(item) => {
                        let (tx, id) = (tx.clone(), started);
                        scope.spawn(move |_| {
                            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)));
                            // The receiver is gone only when the caller stopped early: the result is not wanted.
                            let _ = tx.send((id, done));
                        });
                        started += 1;
                    }
                    None => ended = true,
                }
            }
            if emitted == started {
                return Ok(());
            }
            let (id, done) = rx.recv().expect("every job started sends its result");
            waiting.insert(id, done);
            while let Some(done) = waiting.remove(&emitted) {
                emitted += 1;
                match done {
                    Ok(o) => emit(o)?,
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        }
    })
}

/// An error when `stop` is set (Ctrl-C), naming the input `name` that is left unfinished.
fn go_on(stop: Option<&AtomicBool>, name: &Path) -> Result<(), InputError> {
    if stop.is_some_and(|s| s.load(Ordering::SeqCst)) {
        return Err(InputError::new(name, "interrupted"));
    }
    Ok(())
}

/// Process a long file in windows, in bounded memory: a first pass over `windows` hashes the text (the
/// document's id comes before its sections), then the file is read again in groups of windows of at most
/// [`crate::process::SEGMENT_BYTES`]: each group's windows are repaired in parallel, the group's repaired text is
/// segmented, and the groups are assembled in order ([`Assembly`]); each group's edits go to `log` when it
/// is done, and the sections, edits and text to temporary files ([`Spooled`]) until the
/// document is written in `format` through `put`. The result is the document [`Repairer::process_source`]
/// makes of the whole text.
#[allow(clippy::too_many_arguments)]
pub fn process_windows(
    repairer: &Repairer,
    input: &Input,
    scanned: &Scanned,
    windows: FileWindows,
    stop: Option<&AtomicBool>,
    format: Format,
    log: impl FnMut(&[Edit]) -> Result<(), InputError>,
    put: &mut dyn FnMut(&[u8]) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let source = input.display();
    let out = Written {
        format,
        put,
        section: &mut |_| Ok(()),
        document: &mut |_| {},
    };
    process_text_windows(repairer, &source, scanned.encoding, windows, stop, log, out)
}

/// Where a document processed in windows goes: written in `format` through `put`, each section handed
/// to `section` before it is written, the document to `document` before its head is.
struct Written<'a> {
    format: Format,
    put: &'a mut dyn FnMut(&[u8]) -> Result<(), InputError>,
    section: &'a mut dyn FnMut(&mut crate::output::SectionOut) -> Result<(), InputError>,
    document: &'a mut dyn FnMut(&mut crate::output::Document),
}

/// [`process_windows`] of the text `windows` give, named `source`, read in `encoding`.
fn process_text_windows(
    repairer: &Repairer,
    source: &str,
    encoding: Encoding,
    windows: FileWindows,
    stop: Option<&AtomicBool>,
    mut log: impl FnMut(&[Edit]) -> Result<(), InputError>,
    out: Written,
) -> Result<(), InputError> {
    let Written {
        format,
        put,
        section,
        document,
    } = out;
    let name = windows.name().to_path_buf();
    let io_err = |e: std::io::Error| InputError::io(&name, &e);
    let mut hash = FNV_START;
    let mut windows = windows;
    while let Some((_, text)) = windows.next_window().map_err(io_err)? {
        hash = fnv1a64_more(hash, text.as_bytes());
    }
    let mut windows = windows.rewind().map_err(io_err)?;
    let mut assembly = Assembly::new(source, encoding, hash);
    let mut spooled = Spooled::new(format).map_err(io_err)?;
    let mut next = windows.next_window().map_err(io_err)?;
    // Groups of windows, segmented together (as the whole-text path groups them), a group per thread at a
    // time: one group's segmentation (one thread) goes on beside the next group's repair.
    in_order(
        rayon::current_num_threads().max(1),
        || {
            go_on(stop, &name)?;
            let Some(first) = next.take() else {
                return Ok(None);
            };
            let start = first.0;
            let mut text = first.1;
            loop {
                next = windows.next_window().map_err(io_err)?;
                match &next {
                    Some((_, t)) if joins_group(text.len(), t.len()) => text.push_str(&next.take().expect("matched").1),
                    _ => return Ok(Some((start, text))),
                }
            }
        },
        // The group's text is cut into the same windows again (it starts at a window's start), repaired in
        // parallel, and segmented: what the whole-text path does with it.
        |(start, text): (usize, String)| (start, repairer.process_window(&text)),
        |(start, (repaired, seg, words))| {
            let mut piece = assembly.add(start, repaired, &seg, words);
            drop(seg);
            for s in &mut piece.sections {
                section(s)?;
            }
            log(&piece.edits)?;
            spooled.add(&piece).map_err(io_err)?;
            drop(piece);
            release_freed_memory();
            Ok(())
        },
    )?;
    let (mut doc, mut last) = assembly.finish();
    if let Some(s) = last.as_mut() {
        section(s)?;
    }
    document(&mut doc);
    let mut failed = None;
    let mut sink = PutWriter {
        put,
        failed: &mut failed,
    };
    let written = spooled.finish(&doc, last.as_ref(), &mut sink);
    match (written, failed) {
        (_, Some(e)) => Err(e),
        (Err(e), None) => Err(io_err(e)),
        (Ok(()), None) => Ok(()),
    }
}

/// Give the memory the last windows freed back to the system. glibc's allocator keeps freed memory in
/// each thread's arena, where a long run's windows leave it scattered: a gigabyte's run held nearly twice
/// the memory in use. Elsewhere (another C library, another allocator) this does nothing.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of glibc's heaps to the system; it touches no live
    // allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// [`std::io::Write`] over a function that writes bytes, keeping the first error it gave.
struct PutWriter<'a, 'p> {
    put: &'a mut dyn FnMut(&[u8]) -> Result<(), InputError>,
    failed: &'p mut Option<InputError>,
}

impl std::io::Write for PutWriter<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match (self.put)(buf) {
            Ok(()) => Ok(buf.len()),
            Err(e) => {
                let io = std::io::Error::other(e.reason.clone());
                *self.failed = Some(e);
                Err(io)
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_and_names_outputs() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "b").unwrap();
        std::fs::write(dir.path().join("sub/a.txt"), "a").unwrap();
        std::fs::write(dir.path().join("c.pdf"), "c").unwrap();
        // One folder: its files straight under the output folder, subfolders kept.
        let got = collect_inputs(&[dir.path().to_path_buf()]);
        assert_eq!(got.len(), 2);
        let Ok(first) = &got[0] else { panic!() };
        assert!(first.display().ends_with("b.txt"));
        assert_eq!(
            first.output_path(Path::new("/out"), "json"),
            PathBuf::from("/out/b.json")
        );
        let Ok(second) = &got[1] else { panic!() };
        assert_eq!(
            second.output_path(Path::new("/out"), "json"),
            PathBuf::from("/out/sub/a.json")
        );
        let empty = tempfile::tempdir().unwrap();
        let got = collect_inputs(&[empty.path().to_path_buf()]);
        assert_eq!(got[0].as_ref().unwrap_err().reason, "directory has no .txt files");
    }

    #[test]
    fn two_boxes_with_the_same_names_keep_their_folders() {
        let dir = tempfile::tempdir().unwrap();
        for b in ["boxA", "boxB"] {
            std::fs::create_dir(dir.path().join(b)).unwrap();
            std::fs::write(dir.path().join(b).join("page001.txt"), b).unwrap();
        }
        let outs = |args: &[PathBuf]| -> Vec<PathBuf> {
            collect_inputs(args)
                .iter()
                .map(|i| i.as_ref().unwrap().output_path(Path::new("/out"), "json"))
                .collect()
        };
        let want = [
            PathBuf::from("/out/boxA/page001.json"),
            PathBuf::from("/out/boxB/page001.json"),
        ];
        assert_eq!(outs(&[dir.path().join("boxA"), dir.path().join("boxB")]), want);
        assert_eq!(
            outs(&[dir.path().join("boxA/page001.txt"), dir.path().join("boxB/page001.txt")]),
            want
        );
    }

    #[test]
    fn a_bad_input_does_not_stop_the_batch() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.txt");
        std::fs::write(&good, "Goteborgs Stad").unwrap();
        let inputs = collect_inputs(&[dir.path().join("missing.txt"), good]);
        let r = crate::Repairer::new();
        let mut seen = Vec::new();
        run(
            inputs,
            |s| r.repair(&s.text).text,
            |i, res| seen.push((i.display(), res.map_err(|e| e.to_string()))),
        );
        assert!(seen[0]
            .1
            .as_ref()
            .unwrap_err()
            .ends_with("missing.txt: no such file or directory"));
        assert_eq!(seen[1].1.as_deref(), Ok("Göteborgs Stad"));
    }
}
