//! `diakrit bench`: how fast each stage runs on one's own files, measured here and now.
//!
//! Each stage (decode, tokenize, repair, segment, write the JSON) is timed over all the inputs on one
//! thread; then the whole job is timed on one thread and on every core, each time with a fresh
//! [`Repairer`] so that no run profits from another's caches (an untimed pass over the first input first
//! compiles what every stage compiles once per process). Throughput is over the input's bytes and
//! words; peak memory is the process's high-water mark (Linux). An OCR file in XML (ALTO, hOCR, PAGE)
//! counts as the plain text of its words, the text repair works on: reading its XML is part of `decode`.
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use crate::output::{self, Format, Writer};
use crate::repair::Repairer;
use crate::segment;
use crate::source::{self, Source};
use crate::token::Kind;

/// An input as read from disk, before decoding.
pub struct Raw {
    /// Its name.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The time one stage took over all inputs.
#[derive(Clone, Debug, Serialize)]
pub struct Stage {
    /// `decode`, `tokenize`, `repair`, `segment`, `write`, or `all` for the whole job.
    pub stage: &'static str,
    /// Worker threads.
    pub threads: usize,
    /// Wall time in seconds.
    pub seconds: f64,
    /// Input bytes per second, in MB (10^6 bytes).
    pub mb_per_s: f64,
    /// Input words per second.
    pub words_per_s: f64,
}

/// What `diakrit bench` reports.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Inputs measured.
    pub files: usize,
    /// Their bytes.
    pub bytes: usize,
    /// Their words.
    pub words: usize,
    /// Seconds to build a repairer (load the lexicon and models): paid once per process.
    pub startup_seconds: f64,
    /// Each stage on one thread, then the whole job on one thread and on all cores.
    pub stages: Vec<Stage>,
    /// The whole job's speed-up from one thread to all cores.
    pub speedup: f64,
    /// Peak resident memory of the process in MB, where the system says it.
    pub peak_memory_mb: Option<f64>,
}

impl Report {
    /// The report as a table for people.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{} files, {:.2} MB, {} words; start-up {:.3} s\n\n{:<9} {:>7} {:>9} {:>9} {:>12}\n",
            self.files,
            self.bytes as f64 / 1e6,
            self.words,
            self.startup_seconds,
            "stage",
            "threads",
            "seconds",
            "MB/s",
            "words/s"
        );
        for st in &self.stages {
            s.push_str(&format!(
                "{:<9} {:>7} {:>9.3} {:>9.2} {:>12.0}\n",
                st.stage, st.threads, st.seconds, st.mb_per_s, st.words_per_s
            ));
        }
        s.push_str(&format!("\nspeed-up from 1 to all threads: {:.2}x", self.speedup));
        if let Some(m) = self.peak_memory_mb {
            s.push_str(&format!("; peak memory {m:.0} MB"));
        }
        s.push('\n');
        s
    }
}

/// Measure `inputs`; `make` builds a repairer with the user's options; `threads` is the number of cores
/// to use for the parallel run.
pub fn measure(inputs: &[Raw], make: &dyn Fn() -> Repairer, threads: usize) -> Result<Report, String> {
    let started = Instant::now();
    let repairer = make();
    let startup_seconds = started.elapsed().as_secs_f64();
    // One untimed pass over the first input with a repairer of its own: the patterns every stage compiles
    // on first use are compiled before the clock runs.
    if let Some(first) = inputs.first() {
        if let Ok(d) = source::decode_bytes(first.name.as_ref(), &first.bytes, false) {
            let warm = make();
            let src = Source {
                name: first.name.clone(),
                text: d.text,
                encoding: d.encoding,
                replaced: d.replaced,
            };
            let _ = warm.process_source(&src);
        }
    }
    // The stages run on a pool of one thread: the repair of a long text otherwise spreads its windows
    // over every core, and its figure would not be the one thread the table says.
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .map_err(|e| e.to_string())?;
    let timed = |f: &mut (dyn FnMut() + Send)| {
        single.install(|| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
    };
    // Decode.
    let mut sources: Vec<Source> = Vec::new();
    let mut failure = None;
    let decode = timed(&mut || {
        for r in inputs {
            match source::decode_source(r.name.as_ref(), &r.bytes, false) {
                Ok(mut src) => {
                    match crate::ocrxml::words_text(&src.text) {
                        Ok(Some(words)) => src.text = words,
                        Ok(None) => {}
                        Err(e) => failure = Some(format!("{}: {e}", r.name)),
                    }
                    sources.push(src);
                }
                Err(e) => failure = Some(e.to_string()),
            }
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let mut words = 0;
    let tokenize = timed(&mut || {
        words = sources
            .iter()
            .map(|s| {
                repairer
                    .tokenize(&s.text)
                    .iter()
                    .filter(|t| t.kind == Kind::Word)
                    .count()
            })
            .sum();
    });
    let mut repaired = Vec::new();
    let repair = timed(&mut || repaired = sources.iter().map(|s| repairer.repair(&s.text)).collect());
    let mut segmented = Vec::new();
    let segment = timed(&mut || {
        segmented = repaired
            .iter()
            .map(|r| segment::segment_with(&r.text, repairer.catalogue()))
            .collect()
    });
    let write = timed(&mut || {
        for ((s, r), g) in sources.iter().zip(&repaired).zip(&segmented) {
            let doc = output::document(s, r, g, 0);
            let mut w = Writer::new(Vec::new(), Format::JsonLines);
            w.write(&doc).expect("writes to memory");
        }
    });
    // The whole job, each run with a fresh repairer: on one thread, then on all.
    let whole = |n: usize| -> Result<f64, String> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| e.to_string())?;
        let r = make();
        Ok(pool.install(|| {
            let t = Instant::now();
            sources.par_iter().for_each(|s| {
                let doc = r.process_source(s);
                let mut w = Writer::new(Vec::new(), Format::JsonLines);
                w.write(&doc).expect("writes to memory");
            });
            t.elapsed().as_secs_f64()
        }))
    };
    let one = whole(1)?;
    let all = whole(threads)?;
    let stage = |stage, threads, seconds: f64| Stage {
        stage,
        threads,
        seconds,
        mb_per_s: bytes as f64 / 1e6 / seconds.max(1e-9),
        words_per_s: words as f64 / seconds.max(1e-9),
    };
    Ok(Report {
        files: inputs.len(),
        bytes,
        words,
        startup_seconds,
        stages: vec![
            stage("decode", 1, decode),
            stage("tokenize", 1, tokenize),
            stage("repair", 1, repair),
            stage("segment", 1, segment),
            stage("write", 1, write),
            stage("all", 1, one),
            stage("all", threads, all),
        ],
        speedup: one / all.max(1e-9),
        peak_memory_mb: peak_memory_mb(),
    })
}

/// The process's peak resident memory in MB (`VmHWM` on Linux).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
