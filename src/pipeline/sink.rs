//! Where results go: standard output, or a file per input under an output folder; and the `--edits`
//! audit trail.
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

    /// Write `bytes` as the result of `input`, with extension `ext` under the folder.
    pub fn write(&mut self, input: &Input, ext: &str, bytes: &[u8]) -> Result<(), InputError> {
        let Some(dir) = &self.dir else {
            return self
                .stdout
                .write_all(bytes)
                .map_err(|e| InputError::io(Path::new(STDOUT), &e));
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
        fs::write(&path, bytes).map_err(|e| InputError::io(&path, &e))
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

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The `--edits` audit trail, when asked for.
pub struct EditsFile {
    log: Option<(PathBuf, EditLog<BufWriter<fs::File>>)>,
}

impl EditsFile {
    /// Create (truncate) the file at `path`, or log nothing when there is none.
    pub fn open(path: Option<&Path>) -> Result<EditsFile, InputError> {
        let log = match path {
            None => None,
            Some(p) => {
                let f = fs::File::create(p).map_err(|e| InputError::io(p, &e))?;
                Some((p.to_path_buf(), EditLog::new(BufWriter::new(f))))
            }
        };
        Ok(EditsFile { log })
    }

    /// Log the edits of `file`.
    pub fn write(&mut self, file: &str, edits: &[Edit]) -> Result<(), InputError> {
        let Some((path, log)) = &mut self.log else {
            return Ok(());
        };
        log.write(file, edits).map_err(|e| InputError::io(path, &e))
    }

    /// Flush what is buffered.
    pub fn finish(&mut self) -> Result<(), InputError> {
        match &mut self.log {
            Some((path, log)) => log.flush().map_err(|e| InputError::io(path, &e)),
            None => Ok(()),
        }
    }
}
