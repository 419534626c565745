//! Throughput of repair and of the whole `process` path (repair + segment + JSON), in bytes and words,
//! on the mission document, on synthetic OCR damage of our own making, and on varied text (every word a
//! draw from the lexicon by its frequency, a different text at every byte, damaged at the rates the learned
//! channel measured, `data/channel.tsv`) and the same text clean; against a bare tokenizer and a naive
//! baseline that only tokenizes and looks every word up. `long/process` processes a 10 MB document (in
//! windows, in parallel): time linear in size shows as the same MB/s as the 1 MB one. `ocrxml` reads and
//! repairs 2 MB of ALTO in memory and as it is read.
//!
//! `cargo bench --bench throughput`; `cargo bench --bench throughput -- varied` for one group.
//! For one's own files: `diakrit bench FILES` (per stage, at one thread and all), and
//! `scripts/make_bench_text.py` makes varied OCR-like text of any size from `../shared/corpus`.
//!
//! Each iteration gets a fresh repairer, so its candidate cache is cold: the figures are what one
//! document costs on its own. In a batch, words repeat across documents and the cache makes runs faster.
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

use diakrit::ocrxml::{self, OcrFormat};
use diakrit::source::{Encoding, Source};
use diakrit::token::Kind;
use diakrit::{Lexicon, Repairer};

const MISSION: &str = include_str!("../fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt");
const GOLD: &str = include_str!("../fixtures/goteborg-intraservice-ai-slutredovisning.gold.txt");
const ALTO: &str = include_str!("../fixtures/xml/mission-p1.alto.xml");

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

/// A small generator of pseudo-random numbers (xorshift): the same text on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `bytes` of varied text: sentences of words drawn from the lexicon by frequency, lines wrapped at 90
/// columns, paragraphs, pages ended by form feeds; every 40 kB a new "document" with a damage profile as
/// `scripts/make_bench_text.py` draws them (half stripped at the channel's measured rates, three in ten
/// lightly damaged, one in five clean); `damaged` = false gives the text clean.
fn varied_text(bytes: usize, damaged: bool) -> String {
    let words = Lexicon::embedded().words_above(2.0);
    let words: Vec<&(String, f32)> = words
        .iter()
        .filter(|(w, _)| w.chars().all(char::is_alphabetic))
        .collect();
    // Cumulative weights 10^zipf: words as often as Swedish uses them.
    let mut cum = Vec::with_capacity(words.len());
    let mut total = 0.0f64;
    for (_, z) in &words {
        total += 10f64.powf(f64::from(*z));
        cum.push(total);
    }
    let rules: Vec<(String, String, f64)> = include_str!("../data/channel.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let (count, opp) = (f.get(2)?.parse::<f64>().ok()?, f.get(3)?.parse::<f64>().ok()?);
            (!f[1].is_empty()).then(|| (f[1].to_string(), f[0].to_string(), count / opp))
        })
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut out, mut line, mut lines) = (String::new(), 0usize, 0usize);
    let mut rate = (1.0, false);
    let mut next_doc = 0;
    while out.len() < bytes {
        if out.len() >= next_doc {
            next_doc = out.len() + 40_000;
            let r = rng.unit();
            rate = if r < 0.5 {
                (1.0, false)
            } else if r < 0.8 {
                (0.33, true)
            } else {
                (0.0, true)
            };
        }
        let n = 6 + (rng.next() % 12) as usize;
        for i in 0..n {
            let x = rng.unit() * total;
            let w = &words[cum.partition_point(|&c| c < x).min(words.len() - 1)].0;
            let mut w = if i == 0 {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            } else {
                w.clone()
            };
            if damaged && rate.0 > 0.0 {
                w = damage(&w, &rules, rate, &mut rng);
            }
            if line + w.len() > 90 {
                out.push('\n');
                line = 0;
                lines += 1;
            } else if line > 0 {
                out.push(' ');
                line += 1;
            }
            out.push_str(&w);
            line += w.len();
        }
        out.push('.');
        if rng.next().is_multiple_of(4) {
            out.push_str(if lines > 45 { "\n\u{c}" } else { "\n\n" });
            if lines > 45 {
                lines = 0;
            }
            line = 0;
        }
    }
    out
}

/// `word` through the channel: each span a rule reads is misread at its measured rate times `rate.0`;
/// `rate.1` keeps å, ä, ö (an engine that knows them).
fn damage(word: &str, rules: &[(String, String, f64)], rate: (f64, bool), rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut rest = word;
    'next: while let Some(c) = rest.chars().next() {
        for (gold, ocr, p) in rules {
            if rate.1 && gold.contains(['å', 'ä', 'ö']) {
                continue;
            }
            if rest.starts_with(gold.as_str()) && rng.unit() < p * rate.0 {
                out.push_str(ocr);
                rest = &rest[gold.len()..];
                continue 'next;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The mission document's OCR, its paragraphs in another order in each copy, up to `bytes`: a long
/// document with headings, pages and sections to segment.
fn long_document(bytes: usize) -> String {
    let paras: Vec<&str> = MISSION.split("\n\n").collect();
    let (mut out, mut k) = (String::new(), 0usize);
    while out.len() < bytes {
        for i in 0..paras.len() {
            out.push_str(paras[(i * 7 + k) % paras.len()]);
            out.push_str(if i % 9 == 8 { "\n\u{c}" } else { "\n\n" });
        }
        k += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let synthetic = synthetic_ocr(&GOLD.repeat(4));
    let repairer = Repairer::new();
    let lexicon = Lexicon::embedded();
    let inputs = [
        ("mission", MISSION.to_string()),
        ("synthetic", synthetic),
        ("varied", varied_text(400_000, true)),
        ("varied-clean", varied_text(400_000, false)),
        // Text extracted without its line breaks: one line of 400 KB (each word's line is the whole text).
        (
            "varied-one-line",
            varied_text(400_000, true).replace(['\n', '\u{c}'], " "),
        ),
    ];

    let mut g = c.benchmark_group("bytes");
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("baseline-tokenize", name), text, |b, t| {
            b.iter(|| repairer.tokenize(t).len())
        });
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

    // A long document: 1 MB and 10 MB through the whole process path (windows, in parallel).
    let mut g = c.benchmark_group("long");
    g.sample_size(10);
    for mb in [1, 10] {
        let text = long_document(mb * 1_000_000);
        let src = Source {
            name: format!("{mb}MB"),
            text,
            encoding: Encoding::Utf8,
            replaced: Vec::new(),
        };
        g.throughput(Throughput::Bytes(src.text.len() as u64));
        g.bench_with_input(BenchmarkId::new("process", format!("{mb}MB")), &src, |b, s| {
            b.iter_batched(
                Repairer::new,
                |r| serde_json::to_vec(&r.process_source(s)).expect("json"),
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();

    // OCR XML: the ALTO fixture's pages repeated to 2 MB, read (parse only), repaired in memory, and
    // repaired as it is read (what a file over 1 MiB gets: the windows, the spool and the copy). The pages
    // repeat, so repair's caches are warm after the first: this measures the XML side, not the words.
    let mut g = c.benchmark_group("ocrxml");
    g.sample_size(10);
    let alto = {
        let (open, close) = ("<Page ", "</Page>");
        let (a, b) = (
            ALTO.find(open).expect("a page"),
            ALTO.rfind(close).expect("a page") + close.len(),
        );
        let pages = &ALTO[a..b];
        format!("{}{}{}", &ALTO[..a], pages.repeat(2_000_000 / pages.len()), &ALTO[b..])
    };
    g.throughput(Throughput::Bytes(alto.len() as u64));
    g.bench_function("read/alto-2MB", |b| {
        b.iter(|| ocrxml::read(&alto, OcrFormat::Alto).expect("reads").words.len())
    });
    g.bench_function("repair/alto-2MB", |b| {
        b.iter(|| {
            ocrxml::repair(&repairer, &alto, OcrFormat::Alto)
                .expect("repairs")
                .xml
                .len()
        })
    });
    g.bench_function("stream/alto-2MB", |b| {
        b.iter(|| {
            let mut s = ocrxml::stream::XmlStream::new(alto.as_bytes(), OcrFormat::Alto);
            while let Some((start, w)) = s.next_window().expect("reads") {
                s.take(start, w.len(), &repairer.repair_window(&w));
            }
            let mut out = Vec::with_capacity(alto.len());
            s.finish()
                .expect("spools")
                .copy(alto.as_bytes(), &mut |b| {
                    out.extend_from_slice(b);
                    Ok(())
                })
                .expect("copies");
            out.len()
        })
    });
    g.finish();
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
