//! Compile the bigram counts made by `scripts/build_corpus_stats.py --context` into `data/context.fst`.
//!
//! `cargo run --release --example build_context -- /tmp/context.tsv data/context.fst`
//!
//! Each TSV line is `left<TAB>word<TAB>right<TAB>count`; the FST key is `left 0x1F word 0x1F right`.
//! Two indexes are added so that loading costs nothing: `0x1C fold(word) 0x1F word` → 0 for every word
//! with a unigram count (the ambiguous groups), and `0x1B` → the sum of the unigram counts.
use std::io::{BufRead, BufReader, BufWriter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        return Err("usage: build_context CONTEXT.tsv OUT.fst".into());
    }
    let mut rows: Vec<(Vec<u8>, u64)> = Vec::new();
    for (lineno, line) in BufReader::new(std::fs::File::open(&args[1])?).lines().enumerate() {
        let line = line?;
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 4 {
            return Err(format!("{}:{}: expected 4 fields", args[1], lineno + 1).into());
        }
        rows.push((format!("{}\x1f{}\x1f{}", f[0], f[1], f[2]).into_bytes(), f[3].parse()?));
    }
    let mut total = 0u64;
    let mut index = Vec::new();
    for (k, v) in &rows {
        let key = std::str::from_utf8(k)?;
        if let Some(w) = key.strip_prefix('\x1f').and_then(|r| r.strip_suffix('\x1f')) {
            if !w.contains('\x1f') {
                total += v;
                index.push((format!("\x1c{}\x1f{w}", diakrit::text::fold(w)).into_bytes(), 0));
            }
        }
    }
    rows.extend(index);
    rows.push((vec![0x1b], total));
    rows.sort();
    rows.dedup_by(|b, a| a.0 == b.0);
    let mut builder = fst::MapBuilder::new(BufWriter::new(std::fs::File::create(&args[2])?))?;
    for (k, v) in &rows {
        builder.insert(k, *v)?;
    }
    builder.finish()?;
    eprintln!("build_context: {} keys written to {}", rows.len(), args[2]);
    Ok(())
}
