//! Compile the lexicon TSV made by `scripts/build_lexicon.py` into `data/lexicon.fst`.
//!
//! `cargo run --release --example build_lexicon -- /tmp/lexicon.tsv data/lexicon.fst`
//!
//! Each TSV line is `key<TAB>zipf100<TAB>hunspell_bits<TAB>flags`, sorted by the key's bytes; the value
//! stored in the FST packs the three numbers as `diakrit::lexicon::Entry::pack` does.
use std::io::{BufRead, BufReader, BufWriter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        return Err("usage: build_lexicon LEXICON.tsv OUT.fst".into());
    }
    let input = BufReader::new(std::fs::File::open(&args[1])?);
    let out = BufWriter::new(std::fs::File::create(&args[2])?);
    let mut builder = fst::MapBuilder::new(out)?;
    let mut n = 0usize;
    for (lineno, line) in input.lines().enumerate() {
        let line = line?;
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 4 {
            return Err(format!("{}:{}: expected 4 fields", args[1], lineno + 1).into());
        }
        let entry = diakrit::lexicon::Entry {
            zipf100: f[1].parse()?,
            compound: f[2].parse()?,
            flags: f[3].parse()?,
        };
        builder.insert(f[0].as_bytes(), entry.pack())?;
        n += 1;
    }
    builder.finish()?;
    eprintln!("build_lexicon: {n} keys written to {}", args[2]);
    Ok(())
}
