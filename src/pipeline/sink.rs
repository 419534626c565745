//! Where results go: standard output, or a file per input under an output folder; and the `--edits`
//! audit trail.
//!
//! Nothing is ever lost or left half-written under a final name: every output file and the edits log are
//! written to a temporary file in the target folder and renamed over the final name only when complete, so
//! an interrupted run (Ctrl-C, a full disk, a killed process) leaves the previous good output in place and
//! at most a `.NAME.PID.diakrit-tmp` file behind. Before anything is written, [`check_plan`] refuses runs
//! whose outputs would collide or overwrite an input or the edits log.
use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::{Input, InputError};
use crate::output::{Document, EditLog, Format, Writer};
use crate::repair::Edit;

/// The name standard output goes by in errors.
const STDOUT: &str = "<stdout>";

/// Where results go: standard output (buffered), or a file per input under a folder, named after the
/// input with the format's extension.
pub struct Outputs<W: Write> {
    dir: Option<PathBuf>,
    stdout: W,
}

impl<W: Write> Outputs<W> {
    /// Results to `stdout`, or under `dir` when given (created if missing).
    pub fn new(dir: Option<PathBuf>, stdout: W) -> Result<Outputs<W>, InputError> {
        if let Some(d) = &dir {
            fs::create_dir_all(d).map_err(|e| InputError::io(d, &e))?;
        }
        Ok(Outputs { dir, stdout })
    }

    /// Is there an output folder?
    pub fn to_dir(&self) -> bool {
        self.dir.is_some()
    }

    /// Is the output of `input` (extension `ext`) already there and no older than the input? Outputs are
    /// only ever renamed into place when complete, so one that exists is whole (`--resume`).
    pub fn is_done(&self, input: &Input, ext: &str) -> bool {
        let (Some(dir), Input::File { path, .. }) = (&self.dir, input) else {
            return false;
        };
        let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
        match (modified(&input.output_path(dir, ext)), modified(path)) {
            (Some(out), Some(inp)) => out >= inp,
            _ => false,
        }
    }

    /// Write `bytes` as the result of `input`, with extension `ext` under the folder.
    pub fn write(&mut self, input: &Input, ext: &str, bytes: &[u8]) -> Result<(), InputError> {
        self.write_with(input, ext, |put| put(bytes))
    }

    /// Write the result of `input` (extension `ext` under the folder) piece by piece: `produce` hands each
    /// piece to the function it is given, as it is made. Under a folder the pieces go to a temporary file
    /// renamed into place when `produce` has succeeded, so a failure or an interruption halfway leaves no
    /// part under the final name; on standard output they go out as they come.
    pub fn write_with(
        &mut self,
        input: &Input,
        ext: &str,
        produce: impl FnOnce(&mut dyn FnMut(&[u8]) -> Result<(), InputError>) -> Result<(), InputError>,
    ) -> Result<(), InputError> {
        let Some(dir) = &self.dir else {
            let out = &mut self.stdout;
            return produce(&mut |b: &[u8]| out.write_all(b).map_err(|e| InputError::io(Path::new(STDOUT), &e)));
        };
        let path = input.output_path(dir, ext);
        if let Input::File { path: src, .. } = input {
            if same_file(src, &path) {
                return Err(InputError::new(
                    src,
                    format!("output {} would overwrite the input", path.display()),
                ));
            }
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| InputError::io(parent, &e))?;
        }
        write_atomic(&path, produce)
    }

    /// Write `doc` as the result of `input` in `format`.
    pub fn write_document(&mut self, input: &Input, doc: &Document, format: Format) -> Result<(), InputError> {
        let mut w = Writer::new(Vec::new(), format);
        w.write(doc)
            .map_err(|e| InputError::new(input.display(), format!("cannot write JSON: {e}")))?;
        self.write(input, format.extension(), &w.into_inner())
    }

    /// Flush standard output.
    pub fn flush(&mut self) -> Result<(), InputError> {
        self.stdout.flush().map_err(|e| InputError::io(Path::new(STDOUT), &e))
    }
}

/// The temporary name a file is written under before it is renamed to `path`: hidden, in the same folder
/// (a rename within a file system is atomic), with the process id so two runs do not share one.
fn temporary(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.{}.diakrit-tmp", std::process::id()))
}

/// Write what `produce` makes to `path` through a temporary file and a rename: `path` holds either its old
/// content or all of the new, never a part.
fn write_atomic(
    path: &Path,
    produce: impl FnOnce(&mut dyn FnMut(&[u8]) -> Result<(), InputError>) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let tmp = temporary(path);
    let mut f = BufWriter::new(fs::File::create(&tmp).map_err(|e| InputError::io(path, &e))?);
    let written = produce(&mut |b: &[u8]| f.write_all(b).map_err(|e| InputError::io(path, &e)))
        .and_then(|()| f.flush().map_err(|e| InputError::io(path, &e)));
    drop(f);
    if let Err(e) = written.and_then(|()| fs::rename(&tmp, path).map_err(|e| InputError::io(path, &e))) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

/// Are `a` and `b` the same file (hard links included)?
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (file_id(a), file_id(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// What identifies a file whatever its name.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

/// What identifies a file whatever its name: device and inode on Unix, the canonical path elsewhere.
#[cfg(unix)]
fn file_id(p: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(p: &Path) -> Option<FileId> {
    fs::canonicalize(p).ok()
}

/// A path made absolute and normalised by its folder (the file itself need not exist), for comparing
/// names that are not written yet.
fn absolute(p: &Path) -> PathBuf {
    let name = p.file_name().map(PathBuf::from).unwrap_or_default();
    let parent = p
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match fs::canonicalize(parent) {
        Ok(d) => d.join(name),
        Err(_) => std::env::current_dir()
            .map(|c| c.join(p))
            .unwrap_or_else(|_| p.to_path_buf()),
    }
}

/// Check a run before anything is written: under `out_dir` (outputs with extension `ext`) no two inputs may
/// write one file (names that differ only in case collide on case-insensitive file systems), and no output
/// may be an input or the edits log; the edits log may be no input either. Checked by name and by file
/// identity (hard links included). Returns the first problem as a one-line message.
pub fn check_plan(
    inputs: &[Result<Input, InputError>],
    out_dir: Option<&Path>,
    ext: &str,
    edits: Option<&Path>,
) -> Result<(), String> {
    let files: Vec<(&PathBuf, &Input)> = inputs
        .iter()
        .filter_map(|i| match i {
            Ok(input @ Input::File { path, .. }) => Some((path, input)),
            _ => None,
        })
        .collect();
    // Each input's identity, looked up once: a batch of 100,000 files makes 100,000 look-ups, not their square.
    let ids: HashMap<FileId, &PathBuf> = files.iter().filter_map(|(p, _)| Some((file_id(p)?, *p))).collect();
    let input_at = |p: &Path| file_id(p).and_then(|id| ids.get(&id).copied());
    if let Some(log) = edits {
        if let Some(path) = input_at(log) {
            return Err(format!(
                "--edits {} is the input {}; it would be overwritten (give the log another name)",
                log.display(),
                path.display()
            ));
        }
    }
    let Some(dir) = out_dir else {
        return Ok(());
    };
    let log = edits.map(absolute);
    let mut written: HashMap<String, &PathBuf> = HashMap::new();
    for (path, input) in &files {
        let out = input.output_path(dir, ext);
        let key = absolute(&out).to_string_lossy().to_lowercase();
        if let Some(first) = written.insert(key, path) {
            return Err(format!(
                "{} and {} would both be written to {} (names that differ only in case collide on some file systems); rename one or run them separately",
                first.display(),
                path.display(),
                out.display()
            ));
        }
        if log.as_ref().is_some_and(|l| *l == absolute(&out)) || edits.is_some_and(|l| same_file(l, &out)) {
            return Err(format!("output {} would overwrite the --edits log", out.display()));
        }
        if let Some(other) = input_at(&out) {
            return Err(format!(
                "output {} is the input {} (the same file or a hard link); choose another --out-dir",
                out.display(),
                other.display()
            ));
        }
    }
    Ok(())
}

/// The `--edits` audit trail, when asked for: written to a temporary file beside it and renamed into place
/// by [`EditsFile::finish`], so an interrupted run leaves the previous log whole. With `append` (`--resume`)
/// the previous log's lines come first.
pub struct EditsFile {
    log: Option<EditsLog>,
}

struct EditsLog {
    path: PathBuf,
    tmp: PathBuf,
    log: EditLog<BufWriter<fs::File>>,
}

impl EditsFile {
    /// Start the log at `path` (replaced at the end), or log nothing when there is none.
    pub fn open(path: Option<&Path>) -> Result<EditsFile, InputError> {
        Self::open_with(path, false)
    }

    /// [`EditsFile::open`]; with `append`, the existing log's lines are kept before the new ones.
    pub fn open_with(path: Option<&Path>, append: bool) -> Result<EditsFile, InputError> {
        let Some(p) = path else {
            return Ok(EditsFile { log: None });
        };
        let tmp = temporary(p);
        let mut f = fs::File::create(&tmp).map_err(|e| InputError::io(p, &e))?;
        if append && p.exists() {
            let copied = fs::File::open(p).and_then(|mut old| std::io::copy(&mut old, &mut f));
            if let Err(e) = copied {
                let _ = fs::remove_file(&tmp);
                return Err(InputError::io(p, &e));
            }
        }
        Ok(EditsFile {
            log: Some(EditsLog {
                path: p.to_path_buf(),
                tmp,
                log: EditLog::new(BufWriter::new(f)),
            }),
        })
    }

    /// Log the edits of `file`.
    pub fn write(&mut self, file: &str, edits: &[Edit]) -> Result<(), InputError> {
        let Some(l) = &mut self.log else {
            return Ok(());
        };
        l.log.write(file, edits).map_err(|e| InputError::io(&l.path, &e))
    }

    /// Where the log stands now, for [`EditsFile::rollback`]: the edits of a long file are logged window by
    /// window, and taken back when the file fails or is interrupted before its output is in place.
    pub fn mark(&mut self) -> Result<Option<u64>, InputError> {
        use std::io::Seek;
        let Some(l) = &mut self.log else {
            return Ok(None);
        };
        let at = l.log.flush().and_then(|()| l.log.get_mut().get_mut().stream_position());
        at.map(Some).map_err(|e| InputError::io(&l.path, &e))
    }

    /// Take back every edit logged since `mark`.
    pub fn rollback(&mut self, mark: Option<u64>) -> Result<(), InputError> {
        use std::io::{Seek, SeekFrom};
        let (Some(l), Some(at)) = (&mut self.log, mark) else {
            return Ok(());
        };
        let done = l.log.flush().and_then(|()| {
            let f = l.log.get_mut().get_mut();
            f.set_len(at)?;
            f.seek(SeekFrom::Start(at)).map(drop)
        });
        done.map_err(|e| InputError::io(&l.path, &e))
    }

    /// Flush what is buffered and put the log in place.
    pub fn finish(&mut self) -> Result<(), InputError> {
        let Some(mut l) = self.log.take() else {
            return Ok(());
        };
        let done = l.log.flush().and_then(|()| fs::rename(&l.tmp, &l.path));
        if let Err(e) = done {
            let _ = fs::remove_file(&l.tmp);
            return Err(InputError::io(&l.path, &e));
        }
        Ok(())
    }
}

impl Drop for EditsFile {
    /// A log never finished (an error before the end) leaves no temporary file behind.
    fn drop(&mut self) {
        if let Some(l) = &self.log {
            let _ = fs::remove_file(&l.tmp);
        }
    }
}
