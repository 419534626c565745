//! Compile the word-context counts made by `scripts/build_corpus_stats.py --context` into
//! `data/context.fst`.
//!
//! `cargo run --release --example build_context -- /tmp/context.tsv data/context.fst`
//!
//! Input lines: `N<TAB><TAB>tokens`, `U<TAB>word<TAB>count`, `T<TAB>word<TAB>followers`,
//! `B<TAB>left<TAB>right<TAB>count`, `A<TAB>word`. FST keys (see `diakrit::repair::Context`):
//! `0x1B` → tokens; `0x1E word` → its count; `0x1D word` → how many distinct words follow it;
//! `left 0x1F right` → the bigram's count; `0x1C fold(word) 0x1F word` → 0 for every ambiguous word (the
//! groups of words that fold alike).
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
        let bad = || format!("{}:{}: unexpected line {line:?}", args[1], lineno + 1);
        let key_value = |tag: u8, f: &[&str]| -> Result<(Vec<u8>, u64), String> {
            let mut key = vec![tag];
            key.extend(f[1].as_bytes());
            Ok((key, f[2].parse().map_err(|_| bad())?))
        };
        rows.push(match (f.first().copied(), f.len()) {
            (Some("N"), 3) => (vec![0x1b], f[2].parse().map_err(|_| bad())?),
            (Some("U"), 3) => key_value(0x1e, &f)?,
            (Some("T"), 3) => key_value(0x1d, &f)?,
            (Some("B"), 4) => (
                format!("{}\x1f{}", f[1], f[2]).into_bytes(),
                f[3].parse().map_err(|_| bad())?,
            ),
            (Some("A"), 2) => (format!("\x1c{}\x1f{}", diakrit::text::fold(f[1]), f[1]).into_bytes(), 0),
            _ => return Err(bad().into()),
        });
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
