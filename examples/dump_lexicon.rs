//! Print the embedded lexicon as `key<TAB>zipf100<TAB>compound<TAB>flags`, one line per key (for the data
//! scripts, e.g. `scripts/build_names.py`).
//!
//! `cargo run --release --example dump_lexicon > /tmp/lexicon_dump.tsv`
use std::io::Write;

use fst::{IntoStreamer, Streamer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let map = fst::Map::new(include_bytes!("../data/lexicon.fst").as_slice())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut stream = map.into_stream();
    while let Some((k, v)) = stream.next() {
        let e = diakrit::lexicon::Entry::unpack(v);
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            String::from_utf8_lossy(k),
            e.zipf100,
            e.compound,
            e.flags
        )?;
    }
    Ok(())
}
