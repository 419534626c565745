//! The `diakrit` command: maps arguments onto the library and reports per-file failures.
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use diakrit::output::EditRecord;
use diakrit::pipeline::{collect_inputs, Input, InputError, Processor};
use diakrit::repair::Config;
use diakrit::segment::Catalogue;
use diakrit::{Lexicon, Repairer};

/// Repair OCR'd Swedish board texts (restore å, ä, ö and OCR confusions) and split them into labelled
/// sections as JSON.
///
/// Exit status: 0 when every input succeeded, 1 when some failed (each is named on stderr), 2 on a usage
/// error.
#[derive(Parser)]
#[command(name = "diakrit", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the repaired text (or write it under --out-dir). Only damaged words change; every other
    /// byte, line breaks included, is kept.
    Repair {
        /// Text files; `-` or none reads standard input.
        files: Vec<PathBuf>,
        /// Write each repaired input to DIR under its own file name instead of printing it.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Repair and split into labelled sections; one JSON document per input (schema diakrit/1).
    Process {
        /// Text files or directories (walked for *.txt); `-` or none reads standard input.
        paths: Vec<PathBuf>,
        /// Write NAME.json for each input into DIR instead of printing.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// `json`: pretty-printed documents (several inputs: one after another); `jsonl`: one line per
        /// document.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Heading catalogue (TSV: doc_type, label, variants separated by |) instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        headings: Option<PathBuf>,
        /// `document`: one JSON document per input; `section`: one JSON line per section with its
        /// document id, label, heading, text and metadata (the shape bulk loaders of Elasticsearch,
        /// OpenSearch and Meilisearch take); always JSON Lines, NAME.jsonl under --out-dir.
        #[arg(long, value_enum, default_value_t = Granularity::Document)]
        granularity: Granularity,
        #[command(flatten)]
        common: Common,
    },
    /// Repair OCR files and score them against gold files paired by name: WER of the OCR and of the
    /// repair, errors removed, right words broken, words changed (the figures of wordmetrics.py).
    Eval {
        /// An OCR text file or a directory of them.
        ocr: PathBuf,
        /// The gold file or a directory with files of the same names.
        gold: PathBuf,
        /// One JSON object per file and one for ALL instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Show the candidates for a word, their scores, and which one repair picks.
    Explain {
        /// The word as the OCR wrote it.
        word: String,
        /// The line it stands in (it must contain WORD): shows how its neighbours weigh the ambiguous
        /// readings (ar: är | år) and what repair makes of it there.
        #[arg(long, value_name = "TEXT")]
        context: Option<String>,
        /// Extra words, as for repair.
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Granularity {
    Document,
    Section,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

#[derive(Args)]
struct Common {
    /// Write every edit as JSON Lines to FILE: file, span (byte offsets into the input), from, to, kind,
    /// confidence.
    #[arg(long, value_name = "FILE")]
    edits: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Extra words, one per line, optionally followed by a tab and a Zipf frequency (0-9, default 3);
    /// `#` starts a comment. They are kept when seen and offered as repairs.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
    /// Rejoin words cut by a hyphen at a line end (kommu-/nen -> kommunen) when the joined form is a
    /// word; the hyphen stays where it belongs (AI-/tjänster). Changes the line structure.
    #[arg(long)]
    join_hyphens: bool,
    /// Apply only edits with at least this confidence (0.5-1.0).
    #[arg(long, value_name = "X", default_value_t = 0.5)]
    min_confidence: f32,
}

/// A fatal error before any input is looked at: exit 2.
struct Fatal(String);

/// `println!` that ends the program quietly when stdout is closed (`diakrit explain x | head`).
macro_rules! out {
    ($($arg:tt)*) => {{
        let mut o = io::stdout().lock();
        if writeln!(o, $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Fatal(msg)) => {
            eprintln!("diakrit: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<bool, Fatal> {
    match cli.command {
        Command::Repair { files, out_dir, common } => {
            let lexicon = setup(&common)?;
            let processor = processor(&lexicon, &common, None)?;
            let out = Output::new(out_dir, "txt")?;
            let mut edits = EditsFile::open(common.edits.as_deref())?;
            let mut ok = true;
            let mut stdout = BufWriter::new(io::stdout().lock());
            processor.run(
                collect_inputs(&files),
                |src| (src.name.clone(), processor.repair(src)),
                |input, r| {
                    let result = r.and_then(|(name, rep)| {
                        edits.write(&name, &rep.edits)?;
                        out.write(input, rep.text.as_bytes(), &mut stdout)
                    });
                    ok &= report(result);
                },
            );
            ok &= report(flush(&mut stdout)) & report(edits.finish());
            Ok(ok)
        }
        Command::Process {
            paths,
            out_dir,
            format,
            headings,
            granularity,
            common,
        } => {
            let lexicon = setup(&common)?;
            let processor = processor(&lexicon, &common, headings.as_deref())?;
            let by_section = granularity == Granularity::Section;
            let out = Output::new(out_dir, if by_section { "jsonl" } else { "json" })?;
            let mut edits = EditsFile::open(common.edits.as_deref())?;
            let mut ok = true;
            let mut stdout = BufWriter::new(io::stdout().lock());
            processor.run(
                collect_inputs(&paths),
                |src| processor.process(src),
                |input, r| {
                    let result = r.and_then(|doc| {
                        edits.write(&doc.source, &doc.edits)?;
                        let json_error = |e: serde_json::Error| InputError {
                            path: input.display().into(),
                            reason: format!("cannot write JSON: {e}"),
                        };
                        let mut bytes = Vec::new();
                        if by_section {
                            for record in doc.section_records() {
                                bytes.extend(serde_json::to_vec(&record).map_err(json_error)?);
                                bytes.push(b'\n');
                            }
                        } else {
                            bytes = match (format, &out.dir) {
                                (Format::Jsonl, None) => serde_json::to_vec(&doc),
                                _ => serde_json::to_vec_pretty(&doc),
                            }
                            .map_err(json_error)?;
                            bytes.push(b'\n');
                        }
                        out.write(input, &bytes, &mut stdout)
                    });
                    ok &= report(result);
                },
            );
            ok &= report(flush(&mut stdout)) & report(edits.finish());
            Ok(ok)
        }
        Command::Eval {
            ocr,
            gold,
            json,
            common,
        } => {
            let lexicon = setup(&common)?;
            let processor = processor(&lexicon, &common, None)?;
            evaluate(&processor, &ocr, &gold, json)
        }
        Command::Explain { word, context, lexicon } => {
            let lexicon = load_lexicon(lexicon.as_deref())?;
            if let Some(c) = &context {
                if !c
                    .split(|ch: char| !ch.is_alphanumeric() && ch != '&' && ch != '|')
                    .any(|w| w == word)
                {
                    return Err(Fatal(format!("--context does not contain {word:?}")));
                }
            }
            explain(&word, context.as_deref(), &lexicon);
            Ok(true)
        }
    }
}

fn setup(common: &Common) -> Result<Lexicon, Fatal> {
    if let Some(n) = common.threads {
        if n == 0 {
            return Err(Fatal("--threads must be at least 1".into()));
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| Fatal(e.to_string()))?;
    }
    if !(0.0..=1.0).contains(&common.min_confidence) {
        return Err(Fatal("--min-confidence must be between 0 and 1".into()));
    }
    load_lexicon(common.lexicon.as_deref())
}

/// The embedded lexicon, plus the user's words when a file is given.
fn load_lexicon(path: Option<&Path>) -> Result<Lexicon, Fatal> {
    let Some(path) = path else { return Ok(Lexicon::new()) };
    let text = diakrit::source::read(path).map_err(|e| Fatal(e.to_string()))?.text;
    let mut words = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut f = line.split('\t');
        let w = f.next().unwrap_or("").trim();
        let z = match f.next().map(str::trim) {
            None | Some("") => None,
            Some(z) => Some(
                z.parse::<f32>()
                    .map_err(|_| Fatal(format!("{}:{}: frequency {z:?} is not a number", path.display(), n + 1)))?,
            ),
        };
        words.push((w.to_string(), z));
    }
    Lexicon::with_extra_words(words).map_err(|e| Fatal(format!("{}: {e}", path.display())))
}

fn processor<'l>(lexicon: &'l Lexicon, common: &Common, headings: Option<&Path>) -> Result<Processor<'l>, Fatal> {
    let config = Config {
        min_confidence: common.min_confidence,
        join_hyphens: common.join_hyphens,
        ..Config::default()
    };
    let catalogue = match headings {
        None => Catalogue::embedded().clone(),
        Some(p) => {
            let text = diakrit::source::read(p).map_err(|e| Fatal(e.to_string()))?.text;
            Catalogue::from_tsv(&text).map_err(|e| Fatal(format!("{}: {e}", p.display())))?
        }
    };
    Ok(Processor {
        repairer: Repairer::with_lexicon(lexicon).config(config),
        catalogue,
    })
}

fn evaluate(processor: &Processor<'_>, ocr: &Path, gold: &Path, json: bool) -> Result<bool, Fatal> {
    let pairs: Vec<(String, PathBuf, PathBuf)> = if ocr.is_dir() {
        let mut names: Vec<String> = fs::read_dir(gold)
            .map_err(|e| Fatal(format!("{}: {}", gold.display(), diakrit::source::io_reason(&e))))?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|n| (n.clone(), ocr.join(&n), gold.join(&n)))
            .collect()
    } else {
        vec![(ocr.display().to_string(), ocr.to_path_buf(), gold.to_path_buf())]
    };
    if pairs.is_empty() {
        return Err(Fatal(format!("{}: no .txt files", gold.display())));
    }
    let mut total = diakrit::eval::Counts::default();
    let mut ok = true;
    for (name, o, g) in pairs {
        let r = diakrit::source::read(&o).and_then(|o| Ok((o, diakrit::source::read(&g)?)));
        let (o, g) = match r {
            Ok(x) => x,
            Err(e) => {
                eprintln!("diakrit: {e}");
                ok = false;
                continue;
            }
        };
        let out = processor.repair(&o);
        let c = diakrit::eval::score(&o.text, &out.text, &g.text);
        total += c;
        print_figures(&name, c, json, false);
    }
    print_figures("ALL", total, json, true);
    Ok(ok)
}

fn print_figures(name: &str, c: diakrit::eval::Counts, json: bool, all: bool) {
    let f = c.figures();
    if json {
        let mut v = serde_json::to_value(f).expect("figures serialize");
        v["file"] = name.into();
        out!("{v}");
    } else {
        // Round as wordmetrics.py does (Python's round to 5 places, on the exact binary value, then print 4)
        // so the lines compare equal: formatting rounds the exact value too, where x·1e5 would not.
        let r5 = |x: f64| format!("{x:.5}").parse::<f64>().unwrap_or(x);
        let red = f.reduction.map_or("None".to_string(), |r| {
            let r = r5(r);
            if r.fract() == 0.0 {
                format!("{r:.1}")
            } else {
                format!("{r}")
            }
        });
        let mut line = format!(
            "{name}: words {} wer_ocr {:.4} wer_out {:.4} reduction {red} broken {:.4}",
            f.words,
            r5(f.wer_ocr),
            r5(f.wer_out),
            r5(f.broken)
        );
        if all {
            line += &format!(" changed {:.4}", r5(f.changed));
        }
        out!("{line}");
    }
}

fn explain(word: &str, context: Option<&str>, lexicon: &Lexicon) {
    let r = Repairer::with_lexicon(lexicon);
    match lexicon.lookup(word) {
        Some(e) if e.is_valid() => out!("{word}: a word of the lexicon (Zipf {:.2})", e.zipf()),
        _ => out!("{word}: not a word of the lexicon"),
    }
    out!("{:<28} {:>6} {:>6} {:>6}  kind", "candidate", "prior", "cost", "score");
    for (c, score) in r.candidates(word).into_iter().take(15) {
        let parts = if c.is_compound() {
            format!(" ({} parts)", c.parts.len())
        } else {
            String::new()
        };
        out!(
            "{:<28} {:>6.2} {:>6.2} {:>6.2}  {}{parts}",
            c.word,
            score + c.cost,
            c.cost,
            score,
            c.kind.as_str()
        );
    }
    let text = context.unwrap_or(word);
    let fixed = r.repair(text);
    if let Some(c) = context {
        let repaired = &fixed.text;
        out!("in context: {c}\n        ->  {repaired}");
        for (reading, left, right, score) in r.context_scores(text, word) {
            out!(
                "  context {left} [{reading}] {}: {score:.2}",
                right.as_deref().unwrap_or("$")
            );
        }
    }
    // The edit of the word itself (the first one whose original is the word).
    match fixed.edits.iter().find(|e| e.from == word) {
        Some(e) => out!(
            "repair: {} -> {} ({}, confidence {:.2})",
            e.from,
            e.to,
            e.kind.as_str(),
            e.confidence
        ),
        None => out!("repair: kept {word}"),
    }
}

/// Where results go: stdout, or a file per input under a directory.
struct Output {
    dir: Option<PathBuf>,
    ext: &'static str,
}

impl Output {
    fn new(dir: Option<PathBuf>, ext: &'static str) -> Result<Output, Fatal> {
        if let Some(d) = &dir {
            fs::create_dir_all(d).map_err(|e| Fatal(format!("{}: {}", d.display(), diakrit::source::io_reason(&e))))?;
        }
        Ok(Output { dir, ext })
    }

    fn write(&self, input: &Input, bytes: &[u8], stdout: &mut impl Write) -> Result<(), InputError> {
        let Some(dir) = &self.dir else {
            return stdout.write_all(bytes).map_err(|e| io_error(Path::new("<stdout>"), &e));
        };
        let path = input.output_path(dir, self.ext);
        if let Input::File { path: src, .. } = input {
            if same_file(src, &path) {
                return Err(InputError {
                    path: src.clone(),
                    reason: format!("output {} would overwrite the input", path.display()),
                });
            }
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        }
        fs::write(&path, bytes).map_err(|e| io_error(&path, &e))
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn io_error(path: &Path, e: &io::Error) -> InputError {
    InputError {
        path: path.to_path_buf(),
        reason: diakrit::source::io_reason(e),
    }
}

/// The `--edits` audit trail.
struct EditsFile {
    w: Option<(PathBuf, BufWriter<fs::File>)>,
}

impl EditsFile {
    fn open(path: Option<&Path>) -> Result<EditsFile, Fatal> {
        let w = match path {
            None => None,
            Some(p) => {
                let f = fs::File::create(p)
                    .map_err(|e| Fatal(format!("{}: {}", p.display(), diakrit::source::io_reason(&e))))?;
                Some((p.to_path_buf(), BufWriter::new(f)))
            }
        };
        Ok(EditsFile { w })
    }

    fn write(&mut self, file: &str, edits: &[diakrit::Edit]) -> Result<(), InputError> {
        let Some((path, w)) = &mut self.w else { return Ok(()) };
        for edit in edits {
            let line = serde_json::to_string(&EditRecord { file, edit }).expect("edits serialize");
            writeln!(w, "{line}").map_err(|e| io_error(path, &e))?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), InputError> {
        match &mut self.w {
            Some((path, w)) => w.flush().map_err(|e| io_error(path, &e)),
            None => Ok(()),
        }
    }
}

fn flush(w: &mut impl Write) -> Result<(), InputError> {
    w.flush().map_err(|e| io_error(Path::new("<stdout>"), &e))
}

/// Print a failed input as one line; a closed stdout (`| head`) ends the run quietly.
fn report(r: Result<(), InputError>) -> bool {
    match r {
        Ok(()) => true,
        Err(e) if e.path == Path::new("<stdout>") && e.reason.contains("broken pipe") => std::process::exit(0),
        Err(e) => {
            eprintln!("diakrit: {e}");
            false
        }
    }
}
