//! What the integration tests share: running the binary as a user would, reading fixtures, one repairer
//! per test binary, and the files under a folder. Each test file uses what it needs of it.
#![allow(dead_code)]
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// Run `diakrit` with `args` from the repository root, standard input closed.
pub fn diakrit(args: &[&str]) -> Output {
    diakrit_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Run `diakrit` with `args` in folder `dir`, standard input closed.
pub fn diakrit_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diakrit"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("binary runs")
}

/// What a run wrote on stdout (UTF-8).
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

/// What a run wrote on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A file of the repository, by its path from the root.
pub fn fixture(p: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap()
}

/// One repairer for the whole test binary (loading the lexicon once).
pub fn repairer() -> &'static diakrit::Repairer {
    static R: OnceLock<diakrit::Repairer> = OnceLock::new();
    R.get_or_init(diakrit::Repairer::new)
}

/// Every file under `dir`, relative, sorted (none when `dir` is not there).
pub fn files(dir: &Path) -> Vec<String> {
    fn walk(d: &Path, base: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, base, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out.sort();
    out
}
