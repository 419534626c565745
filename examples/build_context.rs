//! Compile the bigram counts made by `scripts/build_corpus_stats.py --context` into `data/context.fst`.
//!
//! `cargo run --release --example build_context -- /tmp/context.tsv data/context.fst`
//!
//! Each TSV line is `left<TAB>word<TAB>right<TAB>count`; the FST key is `left 0x1F word 0x1F right`.
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
