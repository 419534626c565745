//! Throughput of repair and of the whole `process` path (repair + segment + JSON), in bytes and words,
//! on the mission document and on synthetic OCR damage of our own making, against a naive baseline that
//! only tokenizes and looks every word up.
//!
//! `cargo bench --bench throughput`
//!
//! Each iteration gets a fresh repairer, so its candidate cache is cold: the figures are what one
//! document costs on its own. In a batch, words repeat across documents and the cache makes runs faster.
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

use diakrit::source::{Encoding, Source};
use diakrit::token::Kind;
use diakrit::{Lexicon, Repairer};

const MISSION: &str = include_str!("../fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt");
const GOLD: &str = include_str!("../fixtures/goteborg-intraservice-ai-slutredovisning.gold.txt");

/// OCR damage of our own making: the gold text with every å ä ö stripped or misread the way an engine
/// without Swedish reads it, cycling through the confusions so every rule family is exercised.
fn synthetic_ocr(clean: &str) -> String {
    let subst = ["a", "d", "é", "&", "4", "ia"];
    let mut n = 0usize;
    clean
        .chars()
        .map(|c| match c {
            'å' | 'ä' => {
                n += 1;
                subst[n % subst.len()].to_string()
            }
            'ö' => {
                n += 1;
                ["o", "é", "6", "d"][n % 4].to_string()
            }
            'Å' | 'Ä' => "A".to_string(),
            'Ö' => "O".to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let synthetic = synthetic_ocr(&GOLD.repeat(4));
    let repairer = Repairer::new();
    let lexicon = Lexicon::embedded();
    let inputs = [("mission", MISSION.to_string()), ("synthetic", synthetic)];

    let mut g = c.benchmark_group("bytes");
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("baseline-lookup", name), text, |b, t| {
            b.iter(|| {
                repairer
                    .tokenize(t)
                    .iter()
                    .filter(|k| k.kind == Kind::Word && lexicon.contains(k.text(t)))
                    .count()
            })
        });
        bench_repair_process(&mut g, name, text);
    }
    g.finish();

    let mut g = c.benchmark_group("words");
    for (name, text) in &inputs {
        let words = repairer.tokenize(text).iter().filter(|t| t.kind == Kind::Word).count();
        g.throughput(Throughput::Elements(words as u64));
        bench_repair_process(&mut g, name, text);
    }
    g.finish();

    c.bench_function("startup/lexicon-lookup", |b| {
        b.iter(|| Lexicon::new().contains("göteborg"))
    });
}

/// Repair, and the whole process path, of `text` with a cold cache each time.
fn bench_repair_process(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    text: &str,
) {
    g.bench_with_input(BenchmarkId::new("repair", name), text, |b, t| {
        b.iter_batched(Repairer::new, |r| r.repair(t), BatchSize::SmallInput)
    });
    let src = Source {
        name: name.to_string(),
        text: text.to_string(),
        encoding: Encoding::Utf8,
        replaced: Vec::new(),
    };
    g.bench_with_input(BenchmarkId::new("process", name), &src, |b, s| {
        b.iter_batched(
            Repairer::new,
            |r| serde_json::to_vec(&r.process_source(s)).expect("json"),
            BatchSize::SmallInput,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
