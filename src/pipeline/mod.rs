//! The whole job over many inputs: find the files, read, repair, segment, in parallel, in input order.
//!
//! A bad input (missing, unreadable, binary, a directory without text files) is reported as an
//! [`InputError`] in its place and the rest go on: one bad file never stops a batch.
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::source::{self, Source};

mod sink;
pub use sink::{EditsFile, Outputs};

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

/// One input to read: a file (with the directory it was found under, for naming outputs) or stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
    File {
        /// Its path as given or found.
        path: PathBuf,
        /// The folder it was found under by a walk (its output keeps the path below it).
        root: Option<PathBuf>,
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

    /// The output path under `out_dir` with extension `ext`: a file given by name goes to
    /// `out_dir/NAME.ext`; one found by walking a directory keeps its path below that directory.
    pub fn output_path(&self, out_dir: &Path, ext: &str) -> PathBuf {
        match self {
            Input::Stdin => out_dir.join(format!("stdin.{ext}")),
            Input::File { path, root } => {
                let rel = root
                    .as_ref()
                    .and_then(|r| path.strip_prefix(r).ok())
                    .map(Path::to_path_buf);
                let rel = rel.unwrap_or_else(|| PathBuf::from(path.file_name().unwrap_or_default()));
                out_dir.join(rel).with_extension(ext)
            }
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
/// `*.txt` files, anything else is a file. No arguments means stdin. A directory without text files or an
/// unreadable one is an error in its place.
///
/// ```
/// let inputs = diakrit::pipeline::collect_inputs(&["fixtures/sections".into()]);
/// assert!(inputs.iter().all(|i| i.as_ref().is_ok_and(|i| i.display().ends_with(".txt"))));
/// ```
pub fn collect_inputs(args: &[PathBuf]) -> Vec<Result<Input, InputError>> {
    if args.is_empty() {
        return vec![Ok(Input::Stdin)];
    }
    let mut out = Vec::new();
    for a in args {
        if a.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if a.is_dir() {
            let mut files = Vec::new();
            match walk_txt(a, &mut files) {
                Err(e) => out.push(Err(InputError::io(a, &e))),
                Ok(()) if files.is_empty() => out.push(Err(InputError::new(a, "directory has no .txt files"))),
                Ok(()) => {
                    files.sort();
                    out.extend(files.into_iter().map(|path| {
                        Ok(Input::File {
                            path,
                            root: Some(a.clone()),
                        })
                    }));
                }
            }
        } else {
            out.push(Ok(Input::File {
                path: a.clone(),
                root: None,
            }));
        }
    }
    out
}

fn walk_txt(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let ft = entry.file_type()?;
        if ft.is_dir() {
            walk_txt(&path, out)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) && (ft.is_file() || path.is_file()) {
            out.push(path);
        }
    }
    Ok(())
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
        sink(i, r);
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
}

/// [`run`], reading as `batch` says; the sink may end the batch (a closed pipe) by returning
/// [`ControlFlow::Break`]. Returns how many inputs reached the sink.
pub fn run_batch<T, F, S>(inputs: Vec<Result<Input, InputError>>, batch: &Batch, job: F, mut sink: S) -> usize
where
    T: Send,
    F: Fn(&Source) -> T + Sync,
    S: FnMut(&Input, Result<T, InputError>) -> ControlFlow<()>,
{
    const CHUNK: usize = 64;
    let mut done = 0;
    let mut pending: Vec<Result<Input, InputError>> = inputs;
    while !pending.is_empty() {
        if batch.stop.is_some_and(|s| s.load(Ordering::SeqCst)) {
            break;
        }
        let rest = pending.split_off(CHUNK.min(pending.len()));
        let results: Vec<(Option<Input>, Result<T, InputError>)> = pending
            .into_par_iter()
            .map(|i| match i {
                Err(e) => (None, Err(e)),
                Ok(input) => {
                    let r = input.read_with(batch.strict).map(|src| job(&src));
                    (Some(input), r)
                }
            })
            .collect();
        for (input, r) in results {
            let input = input.unwrap_or_else(|| Input::File {
                path: r.as_ref().err().map(|e| e.path.clone()).unwrap_or_default(),
                root: None,
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
        let empty = tempfile::tempdir().unwrap();
        let got = collect_inputs(&[dir.path().to_path_buf(), empty.path().to_path_buf()]);
        assert_eq!(got.len(), 3);
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
        assert_eq!(got[2].as_ref().unwrap_err().reason, "directory has no .txt files");
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
