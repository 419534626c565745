//! The whole job over many inputs: find the files, read, repair, segment, in parallel, in input order.
//!
//! A bad input (missing, unreadable, binary, a directory without text files) is reported as an
//! [`InputError`] in its place and the rest go on: one bad file never stops a batch.
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::output::{self, Document};
use crate::repair::{Repaired, Repairer};
use crate::segment::{self, Catalogue};
use crate::source::{self, Source};
use crate::token::Kind;

/// An input that could not be processed, with the reason, for one line on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for InputError {}

impl From<source::SourceError> for InputError {
    fn from(e: source::SourceError) -> Self {
        InputError {
            path: e.path,
            reason: e.reason,
        }
    }
}

/// One input to read: a file (with the directory it was found under, for naming outputs) or stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File { path: PathBuf, root: Option<PathBuf> },
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
        match self {
            Input::Stdin => Ok(source::read_stdin()?),
            Input::File { path, .. } => Ok(source::read(path)?),
        }
    }
}

/// Expand the command-line arguments into inputs: `-` is stdin, a directory is walked (sorted) for
/// `*.txt` files, anything else is a file. No arguments means stdin. A directory without text files or an
/// unreadable one is an error in its place.
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
                Err(e) => out.push(Err(InputError {
                    path: a.clone(),
                    reason: source::io_reason(&e),
                })),
                Ok(()) if files.is_empty() => out.push(Err(InputError {
                    path: a.clone(),
                    reason: "directory has no .txt files".into(),
                })),
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

/// Repair and segmentation with shared, read-only state.
pub struct Processor<'l> {
    pub repairer: Repairer<'l>,
    pub catalogue: Catalogue,
}

impl Processor<'static> {
    /// The embedded lexicon and catalogue with default settings.
    pub fn new() -> Processor<'static> {
        Processor {
            repairer: Repairer::new(),
            catalogue: Catalogue::embedded().clone(),
        }
    }
}

impl Default for Processor<'static> {
    fn default() -> Self {
        Processor::new()
    }
}

impl Processor<'_> {
    /// Repair one source.
    pub fn repair(&self, src: &Source) -> Repaired {
        self.repairer.repair(&src.text)
    }

    /// Repair and segment one source into its JSON document.
    pub fn process(&self, src: &Source) -> Document {
        let repaired = self.repairer.repair(&src.text);
        let seg = segment::segment_with(&repaired.text, &self.catalogue);
        let words = self
            .repairer
            .tokenize(&src.text)
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .count();
        output::document(src, &repaired, &seg, words)
    }

    /// Run `job` over `inputs` in parallel, handing each result to `sink` in input order. Inputs are taken
    /// in chunks so that memory stays bounded on large batches.
    pub fn run<T, F, S>(&self, inputs: Vec<Result<Input, InputError>>, job: F, mut sink: S)
    where
        T: Send,
        F: Fn(&Source) -> T + Sync,
        S: FnMut(&Input, Result<T, InputError>),
    {
        const CHUNK: usize = 64;
        let mut pending: Vec<Result<Input, InputError>> = inputs;
        while !pending.is_empty() {
            let rest = pending.split_off(CHUNK.min(pending.len()));
            let results: Vec<(Option<Input>, Result<T, InputError>)> = pending
                .into_par_iter()
                .map(|i| match i {
                    Err(e) => (None, Err(e)),
                    Ok(input) => {
                        let r = input.read().map(|src| job(&src));
                        (Some(input), r)
                    }
                })
                .collect();
            for (input, r) in results {
                let input = input.unwrap_or_else(|| Input::File {
                    path: r.as_ref().err().map(|e| e.path.clone()).unwrap_or_default(),
                    root: None,
                });
                sink(&input, r);
            }
            pending = rest;
        }
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
        let p = Processor::new();
        let mut seen = Vec::new();
        p.run(
            inputs,
            |s| p.repair(s).text,
            |i, r| seen.push((i.display(), r.map_err(|e| e.to_string()))),
        );
        assert!(seen[0]
            .1
            .as_ref()
            .unwrap_err()
            .ends_with("missing.txt: no such file or directory"));
        assert_eq!(seen[1].1.as_deref(), Ok("Göteborgs Stad"));
    }
}
