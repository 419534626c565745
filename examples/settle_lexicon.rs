//! Mark the settled words of the embedded lexicon ([`diakrit::lexicon::Entry::SETTLED`]): the valid words
//! for which the first stage of the candidate search finds no word but itself, so that repair need not
//! search them. The last step of building `data/lexicon.fst` (see `data/LEXICON.md`), and to be run again
//! whenever the channel, the search or its limits change (a test samples the marks and fails when they are
//! stale):
//!
//! `cargo run --release --example settle_lexicon -- data/lexicon.fst`
//!
//! It reads the lexicon compiled into this build (the file as it was when the example was built), asks
//! [`diakrit::Repairer::settles`] of each valid key (which searches, whatever the marks say), and writes
//! the same keys and values with the marks set or cleared to the path given. Running it twice gives the
//! same file.
use std::io::BufWriter;

use diakrit::lexicon::Entry;
use fst::{IntoStreamer, Streamer};
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 2 {
        return Err("usage: settle_lexicon OUT.fst".into());
    }
    let map = fst::Map::new(include_bytes!("../data/lexicon.fst").as_slice())?;
    let mut entries: Vec<(String, Entry)> = Vec::with_capacity(map.len());
    let mut stream = map.into_stream();
    while let Some((k, v)) = stream.next() {
        let key = std::str::from_utf8(k).map_err(|_| "a lexicon key is not UTF-8")?;
        entries.push((key.to_string(), Entry::unpack(v)));
    }
    let repairer = diakrit::Repairer::new();
    entries.par_iter_mut().for_each(|(key, e)| {
        e.flags &= !Entry::SETTLED;
        if e.is_valid() && repairer.settles(key) {
            e.flags |= Entry::SETTLED;
        }
    });
    let tmp = format!("{}.tmp", args[1]);
    let mut builder = fst::MapBuilder::new(BufWriter::new(std::fs::File::create(&tmp)?))?;
    for (k, e) in &entries {
        builder.insert(k.as_bytes(), e.pack())?;
    }
    builder.finish()?;
    std::fs::rename(&tmp, &args[1])?;
    let settled = entries.iter().filter(|(_, e)| e.flags & Entry::SETTLED != 0).count();
    let valid = entries.iter().filter(|(_, e)| e.is_valid()).count();
    eprintln!(
        "settle_lexicon: {settled} of {valid} valid words settled ({} keys) written to {}",
        entries.len(),
        args[1]
    );
    Ok(())
}
