//! The `diakrit` command: turns arguments into a [`Repairer`] and a batch, and reports per-file failures.
use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use diakrit::output::Format;
use diakrit::pipeline::{
    check_plan, collect_inputs_skipping, open_long, process_input, process_ocr_xml, process_windows, repair_input,
    repair_ocr_xml, repair_windows, run_batch, Batch, EditsFile, Input, InputError, Outputs,
};
use diakrit::report::{Decisions, Options as ReportOptions, ReportWriter};
use diakrit::{Catalogue, Lexicon, Repairer};
use std::sync::atomic::{AtomicBool, Ordering};

/// Repair OCR'd Swedish board texts (restore å, ä, ö and OCR confusions) and split them into labelled
/// sections as JSON.
///
/// Exit status: 0 when every input succeeded, 1 when some failed (each is named on stderr in one line), 2
/// on a usage error, 130 when stopped by Ctrl-C (what is done is complete; --resume goes on).
///
/// Input: UTF-8 (with or without a byte-order mark), UTF-16 (with or without one) or Windows-1252/Latin-1,
/// decoded; a UTF-8 file with a few invalid bytes stays UTF-8 with them replaced and reported (--strict
/// refuses it). Output is UTF-8. Files over 1 MiB are read, repaired and written in windows, in bounded
/// memory.
#[derive(Parser)]
#[command(name = "diakrit", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the repaired text (or write it under --out-dir).
    ///
    /// Only damaged words change; every other byte, line breaks included, is kept. ALTO, hOCR and PAGE XML
    /// (told by their content) are repaired in place and written back in their own format, only the text
    /// of repaired words changed.
    #[command(after_long_help = "Examples:
  diakrit repair scan.txt > clean.txt
  diakrit repair scan.alto.xml > repaired.alto.xml
  diakrit repair --out-dir clean/ --edits edits.jsonl scans/
  diakrit repair --min-confidence 0.97 scan.txt | less
  producer | diakrit repair --input-format jsonl > repaired.jsonl")]
    Repair {
        /// Text or OCR XML files, or directories (walked for *.txt and ALTO/hOCR/PAGE XML); `-` or none
        /// reads standard input.
        files: Vec<PathBuf>,
        /// Write each repaired input under DIR instead of printing it.
        ///
        /// Each keeps its path below the folder the inputs share (boxA/p1.txt and boxB/p1.txt stay apart)
        /// and is written whole or not at all.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// `jsonl`: read JSON Lines records {"id", "text"}.
        ///
        /// Each record is written back as {"id", "text": <repaired>, "edits": […]} on one line as soon as
        /// it is done.
        #[arg(long, value_enum, default_value_t = InputFormat::Text, conflicts_with = "out_dir")]
        input_format: InputFormat,
        #[command(flatten)]
        batch: BatchArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Repair and split into labelled sections; one JSON document per input (schema diakrit/1).
    #[command(after_long_help = "Examples:
  diakrit process scan.txt | head -40
  diakrit process --format jsonl archive/ > docs.jsonl
  diakrit process --out-dir json/ --edits edits.jsonl archive/
  diakrit process --granularity section archive/ > sections.jsonl
  producer | diakrit process --input-format jsonl > docs.jsonl")]
    Process {
        /// Text or OCR XML files, or directories (walked for *.txt and ALTO/hOCR/PAGE XML); `-` or none
        /// reads standard input. An OCR XML file's sections carry their pages and boxes (`layout`).
        paths: Vec<PathBuf>,
        /// Write NAME.json (or NAME.jsonl) for each input under DIR instead of printing.
        ///
        /// Each keeps its path below the folder the inputs share and is written whole or not at all.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// `json`: pretty-printed documents; `jsonl`: one line per document.
        ///
        /// Several inputs with `json` come one after another; under --out-dir the files are NAME.json or
        /// NAME.jsonl.
        #[arg(long, value_enum, default_value_t = CliFormat::Json)]
        format: CliFormat,
        /// Headings of your own, added to the built-in catalogue.
        ///
        /// Yours win where both know a heading. A TSV file: a header line whose first field is doc_type
        /// (required, skipped), then one row per label, doc_type<TAB>label<TAB>variants with the variants
        /// separated by | (further columns are ignored, lines starting with # are skipped; see
        /// data/headings.tsv).
        #[arg(long, value_name = "FILE")]
        headings: Option<PathBuf>,
        /// With --headings: use only your catalogue, not the built-in one.
        #[arg(long, requires = "headings")]
        headings_only: bool,
        /// `document`: one JSON document per input; `section`: one JSON line per section.
        ///
        /// A section record carries its document id, label, heading, text and metadata (the shape bulk
        /// loaders of Elasticsearch, OpenSearch and Meilisearch take); always JSON Lines, NAME.jsonl under
        /// --out-dir.
        #[arg(long, value_enum, default_value_t = Granularity::Document)]
        granularity: Granularity,
        /// `jsonl`: read JSON Lines records {"id", "text"}.
        ///
        /// Each record's document is written as one line as soon as it is done, its `source` the record's
        /// id.
        #[arg(long, value_enum, default_value_t = InputFormat::Text, conflicts_with = "out_dir")]
        input_format: InputFormat,
        #[command(flatten)]
        batch: BatchArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Repair OCR files and score them against gold files paired by name.
    ///
    /// Prints per file and for ALL: the word error rate of the OCR and of the repair, the share of errors
    /// removed, of right words broken and of words changed. Use it on your own OCR/gold pairs.
    #[command(after_long_help = "Examples:
  diakrit eval my-ocr/ my-gold/            # files of the same names paired
  diakrit eval --json scan.txt scan.gold.txt")]
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
    /// Measure throughput on your own files.
    ///
    /// Each stage (decode, tokenize, repair, segment, write) on one thread, then the whole job on one
    /// thread and on every core, with bytes/s, words/s and peak memory. With no input it measures the
    /// bundled example documents.
    #[command(after_long_help = "Examples:
  diakrit bench
  diakrit bench scans/
  diakrit bench --json -j 2 scans/ > bench.json")]
    Bench {
        /// Text files or directories (walked for *.txt).
        paths: Vec<PathBuf>,
        /// One JSON object instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Show the candidates for a word, their scores, and which one repair picks.
    #[command(after_long_help = "Examples:
  diakrit explain ndmnden
  diakrit explain var --context \"utifran var roll\"
  diakrit explain drendenummer --file scan.txt")]
    Explain {
        /// The word as the OCR wrote it.
        word: String,
        /// The line it stands in (it must contain WORD): shows how its neighbours weigh the ambiguous
        /// readings (ar: är | år) and what repair makes of it there.
        #[arg(long, value_name = "TEXT", conflicts_with = "file")]
        context: Option<String>,
        /// The document it stands in (it must contain WORD): shows how damaged the document and the word's
        /// region look, which sets how much evidence an edit needs there, and what repair makes of the
        /// word's first occurrence.
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        /// Extra words, as for repair.
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
    },
    /// Write a review page of the repairs of FILES, for an archivist to check and veto them.
    ///
    /// A folder with index.html (open it in a browser; it needs no network): the batch's summary and
    /// charts, the most frequent corrections, the documents, and each document's text with every edit in
    /// its line, the doubtful ones first. Decisions taken there are saved as a JSON file for `diakrit apply`.
    #[command(after_long_help = "Examples:
  diakrit report scans/ --out review/          # then open review/index.html
  diakrit apply decisions.json scans/ --out-dir final/")]
    Report {
        /// Text or OCR XML files (ALTO, hOCR, PAGE: the plain text of their words is reviewed), or
        /// directories (walked for both).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The report folder (it must not exist, or be empty).
        #[arg(long, short = 'o', value_name = "DIR")]
        out: PathBuf,
        /// Review the edits a batch made, as its --edits log has them, rather than repairing again.
        ///
        /// Each file is found in the log by its name as given here (give the files as the batch was
        /// given them); every logged edit is checked against the file's text.
        #[arg(long, value_name = "LOG")]
        from_edits: Option<PathBuf>,
        /// Refuse a UTF-8 file with invalid bytes.
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Write FILES repaired with only the edits a review accepted (its saved DECISIONS).
    ///
    /// A rejected edit leaves the OCR's word; an edit no decision names is accepted (a decision on a
    /// correction holds for all its edits). Each file must be one of the report's, repaired with the same
    /// options; the inputs are never written to. An OCR XML file is written again in its format.
    #[command(after_long_help = "Examples:
  diakrit apply decisions.json scans/ --out-dir final/ --edits final-edits.jsonl")]
    Apply {
        /// The decisions file the review page saved.
        decisions: PathBuf,
        /// The files of the report, or their directories.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write each file under DIR instead of printing it.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// The edits are those of this --edits log (a report made with --from-edits), not a repair.
        #[arg(long, value_name = "LOG")]
        from_edits: Option<PathBuf>,
        #[command(flatten)]
        batch: BatchArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Print a completion script for a shell.
    #[command(after_long_help = "Examples:
  diakrit completions bash > ~/.local/share/bash-completion/completions/diakrit
  diakrit completions zsh > ~/.zfunc/_diakrit        # with fpath+=(~/.zfunc) in .zshrc
  diakrit completions fish > ~/.config/fish/completions/diakrit.fish")]
    Completions {
        /// The shell: bash, elvish, fish, powershell or zsh.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) on standard output.
    #[command(after_long_help = "Examples:
  diakrit man > diakrit.1 && man ./diakrit.1
  diakrit man > ~/.local/share/man/man1/diakrit.1")]
    Man,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    Text,
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Granularity {
    Document,
    Section,
}

#[derive(Clone, Copy, ValueEnum)]
enum CliFormat {
    Json,
    Jsonl,
}

/// How a batch of files is read, logged and written (`repair` and `process`).
#[derive(Args)]
struct BatchArgs {
    /// With --out-dir: skip inputs whose output is already there and no older.
    ///
    /// The --edits log's earlier lines are kept; a stopped batch goes on where it stopped. Outputs are only
    /// ever renamed into place when complete, so one that exists is whole.
    #[arg(long, requires = "out_dir")]
    resume: bool,
    /// Write every edit as JSON Lines to FILE.
    ///
    /// Each line: file, span (byte offsets into the input), from, to, kind, confidence. The log is put in
    /// place when the run ends (also after Ctrl-C); it may not name an input or an output.
    #[arg(long, value_name = "FILE")]
    edits: Option<PathBuf>,
    /// No progress bar (it is shown only when stderr is a terminal and there is more than one input).
    #[arg(short, long)]
    quiet: bool,
    /// Refuse a UTF-8 file with invalid bytes.
    ///
    /// Without it such bytes are replaced with U+FFFD, reported on stderr with their offsets, and the
    /// document's `encoding` is `utf-8-replaced`.
    #[arg(long)]
    strict: bool,
}

/// How words are repaired (every command that repairs).
#[derive(Args)]
struct Common {
    /// Worker threads (default: one per core; more than the cores are lowered to them).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Extra words, kept when seen and offered as repairs.
    ///
    /// One per line, optionally followed by a tab and a Zipf frequency (0-9, default 3); `#` starts a
    /// comment.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
    /// Rejoin words cut by a hyphen at a line end (kommu-/nen -> kommunen).
    ///
    /// Only when the joined form is a word; the hyphen stays where it belongs (AI-/tjänster). Changes the
    /// line structure.
    #[arg(long)]
    join_hyphens: bool,
    /// Apply only edits with at least this confidence, from 0 to 1.
    ///
    /// An edit's confidence is the share of edits like it that were right on the dev set; they run from
    /// about 0.69 to 0.99, so the default keeps every edit and 0.97 keeps the surest.
    #[arg(long, value_name = "X", default_value_t = 0.5, allow_negative_numbers = true)]
    min_confidence: f32,
}

/// Write `bytes` to standard output; a closed pipe is no failure.
fn print_bytes(bytes: &[u8]) -> Result<bool, Fatal> {
    match io::stdout().lock().write_all(bytes) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Fatal(format!("<stdout>: {e}"))),
        _ => Ok(true),
    }
}

/// A fatal error before any input is looked at: exit 2.
struct Fatal(String);

impl From<InputError> for Fatal {
    fn from(e: InputError) -> Fatal {
        Fatal(e.to_string())
    }
}

/// `println!` that ends the program quietly when stdout is closed (`diakrit explain x | head`).
macro_rules! out {
    ($($arg:tt)*) => {{
        let mut o = io::stdout().lock();
        if write!(o, $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run_command(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Fatal(msg)) => {
            eprintln!("diakrit: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run_command(cli: Cli) -> Result<bool, Fatal> {
    match cli.command {
        Command::Repair {
            files,
            out_dir,
            input_format,
            batch,
            common,
        } => {
            let repairer = setup(&common, None)?;
            if input_format == InputFormat::Jsonl {
                return stream_records(&files, |id, text| {
                    let r = repairer.repair(text);
                    let mut line = serde_json::to_vec(&RepairedRecord {
                        id,
                        text: &r.text,
                        edits: &r.edits,
                    })
                    .expect("serialises");
                    line.push(b'\n');
                    line
                });
            }
            let started = start(&files, out_dir, "txt", &batch)?;
            run_files(
                started,
                &batch,
                |src| repair_input(&repairer, src),
                |input, rep, out, edits| {
                    let rep = rep?;
                    edits.write(&rep.name, &rep.edits)?;
                    // An OCR file in XML keeps its name and format (`Input::output_path`).
                    out.write(input, "txt", &rep.bytes)
                },
                |input, opened, out, edits| {
                    let name = input.display();
                    out.write_with(input, "txt", |put| match opened {
                        Opened::OcrXml(xml) => {
                            repair_ocr_xml(&repairer, xml, Some(interrupt_flag()), |e| edits.write(&name, e), put)
                        }
                        Opened::Windows(_, windows) => {
                            repair_windows(&repairer, windows, Some(interrupt_flag()), |start, rep| {
                                let moved: Vec<_> = rep.edits.into_iter().map(|e| e.moved(start)).collect();
                                edits.write(&name, &moved)?;
                                put(rep.text.as_bytes())
                            })
                        }
                        Opened::Whole(_) => unreachable!("a whole input is a job's"),
                    })
                },
            )
        }
        Command::Process {
            paths,
            out_dir,
            format,
            headings,
            headings_only,
            granularity,
            input_format,
            batch,
            common,
        } => {
            let repairer = setup(&common, headings.as_deref().map(|h| (h, headings_only)))?;
            if input_format == InputFormat::Jsonl {
                let format = if granularity == Granularity::Section {
                    Format::Sections
                } else {
                    Format::JsonLines
                };
                return stream_records(&paths, |id, text| {
                    let source = diakrit::source::Source {
                        name: match id {
                            serde_json::Value::String(s) => s.clone(),
                            other => other.to_string(),
                        },
                        text: text.to_string(),
                        encoding: diakrit::source::Encoding::Utf8,
                        replaced: Vec::new(),
                    };
                    let mut w = diakrit::output::Writer::new(Vec::new(), format);
                    w.write(&repairer.process_source(&source)).expect("writes to memory");
                    w.into_inner()
                });
            }
            let format = match (granularity, format, &out_dir) {
                (Granularity::Section, _, _) => Format::Sections,
                (_, CliFormat::Jsonl, _) => Format::JsonLines,
                _ => Format::Json,
            };
            let started = start(&paths, out_dir, format.extension(), &batch)?;
            run_files(
                started,
                &batch,
                |src| process_input(&repairer, src),
                |input, doc, out, edits| {
                    let doc = doc?;
                    edits.write(&doc.source, &doc.edits)?;
                    out.write_document(input, &doc, format)
                },
                |input, opened, out, edits| {
                    let name = input.display();
                    match opened {
                        Opened::Windows(scanned, windows) => out.write_with(input, format.extension(), |put| {
                            process_windows(
                                &repairer,
                                input,
                                &scanned,
                                windows,
                                Some(interrupt_flag()),
                                format,
                                |e| edits.write(&name, e),
                                put,
                            )
                        }),
                        Opened::OcrXml(xml) => out.write_with(input, format.extension(), |put| {
                            process_ocr_xml(
                                &repairer,
                                input,
                                xml,
                                Some(interrupt_flag()),
                                format,
                                |e| edits.write(&name, e),
                                put,
                            )
                        }),
                        Opened::Whole(_) => unreachable!("a whole input is a job's"),
                    }
                },
            )
        }
        Command::Eval {
            ocr,
            gold,
            json,
            common,
        } => {
            let repairer = setup(&common, None)?;
            evaluate(&repairer, &ocr, &gold, json)
        }
        Command::Bench { paths, json, common } => {
            let threads = common
                .threads
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |c| c.get()));
            // Checked once, so that a bad option is a usage error; each run below builds a repairer of its
            // own (the lexicon is no shareable value), from the same options.
            repairer_builder(&common)?;
            let make = || {
                repairer_builder(&common)
                    .map(diakrit::RepairerBuilder::build)
                    .unwrap_or_else(|_| Repairer::builder().build())
            };
            let inputs = bench_inputs(&paths)?;
            let report = diakrit::bench::measure(&inputs, &make, threads).map_err(Fatal)?;
            if json {
                out!(
                    "{}\n",
                    serde_json::to_string_pretty(&report).expect("report serialises")
                );
            } else {
                out!("{}", report.table());
            }
            Ok(true)
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "diakrit", &mut out);
            print_bytes(&out)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| Fatal(format!("cannot render the manual page: {e}")))?;
            print_bytes(&out)
        }
        Command::Report {
            files,
            out,
            from_edits,
            strict,
            common,
        } => {
            let repairer = setup(&common, None)?;
            let log = edits_log(from_edits.as_deref())?;
            let options = report_options(&common);
            let mut writer = ReportWriter::new(&out, options)
                .map_err(|e| Fatal(format!("{}: {}", out.display(), diakrit::source::io_reason(&e))))?;
            let inputs = diakrit::pipeline::collect_inputs(&files);
            let mut ok = true;
            let mut failed: Option<Fatal> = None;
            let batch = diakrit::pipeline::Batch {
                strict,
                stop: Some(interrupt_flag()),
                stream_long: false,
            };
            diakrit::pipeline::run_batch(
                inputs,
                &batch,
                |src| -> Result<(String, diakrit::Repaired), String> {
                    let (text, _) = review_text(src, log.is_some())?;
                    let repaired = repair_or_log(&repairer, log.as_ref(), &src.name, &text, true)?;
                    Ok((text, repaired))
                },
                |input, r| {
                    let r = r.and_then(|found| {
                        found
                            .expect("read whole")
                            .map_err(|reason| InputError::new(input.display(), reason))
                    });
                    match r {
                        Ok((text, rep)) => {
                            if let Err(e) = writer.add(&input.display(), &text, &rep) {
                                failed = Some(Fatal(format!("{}: {}", out.display(), diakrit::source::io_reason(&e))));
                                return ControlFlow::Break(());
                            }
                        }
                        Err(e) => {
                            eprintln!("diakrit: {e}");
                            ok = false;
                        }
                    }
                    ControlFlow::Continue(())
                },
            );
            if let Some(f) = failed {
                return Err(f);
            }
            if interrupt_flag().load(Ordering::SeqCst) {
                return Err(Fatal("interrupted: no report written".into()));
            }
            if writer.documents() == 0 {
                return Err(Fatal("no document to report".into()));
            }
            let n = writer.documents();
            let page = writer
                .finish()
                .map_err(|e| Fatal(format!("{}: {}", out.display(), diakrit::source::io_reason(&e))))?;
            eprintln!("diakrit: the review of {n} document(s) is {}", page.display());
            Ok(ok)
        }
        Command::Apply {
            decisions,
            files,
            out_dir,
            from_edits,
            batch,
            common,
        } => {
            let d = Decisions::read(&decisions).map_err(Fatal)?;
            let log = edits_log(from_edits.as_deref())?;
            if let (Some(o), None) = (&d.options, &log) {
                let mine = report_options(&common);
                if o.min_confidence != mine.min_confidence || o.join_hyphens != mine.join_hyphens {
                    return Err(Fatal(format!(
                        "{}: the review was of a repair with --min-confidence {}{}; give apply the same options",
                        decisions.display(),
                        o.min_confidence,
                        if o.join_hyphens { " --join-hyphens" } else { "" }
                    )));
                }
            }
            let repairer = setup(&common, None)?;
            let started = start(&files, out_dir, "txt", &batch)?;
            // The final bytes of one input and the edits made: a text with the accepted edits, or an OCR
            // file written again with them (its words' plain text is what was reviewed).
            let decide = |src: &diakrit::source::Source| -> Result<(Vec<u8>, Vec<diakrit::Edit>), InputError> {
                let name = src.name.as_str();
                let failed = |reason: String| InputError::new(name, reason);
                let (text, format) = review_text(src, log.is_some()).map_err(failed)?;
                if !d.knows(&text) {
                    return Err(failed(
                        "not a document of the report these decisions were taken on (or changed since)".into(),
                    ));
                }
                let repaired = repair_or_log(&repairer, log.as_ref(), name, &text, false).map_err(failed)?;
                let applied = d.apply(&text, &repaired).map_err(failed)?;
                let Some(format) = format else {
                    return Ok((applied.text.into_bytes(), applied.accepted));
                };
                let accepted = diakrit::Repaired {
                    text: applied.text,
                    edits: applied.accepted,
                    damage: repaired.damage,
                };
                let r = diakrit::ocrxml::repair_with(&src.text, format, accepted).map_err(|e| failed(e.to_string()))?;
                let mut bytes = r.xml.into_bytes();
                if src.encoding == diakrit::source::Encoding::Utf8Bom {
                    bytes.splice(0..0, *b"\xEF\xBB\xBF");
                }
                Ok((bytes, r.edits.into_iter().map(|w| w.edit).collect()))
            };
            run_files(
                started,
                &batch,
                decide,
                |input, done, out, edits| {
                    let (bytes, made) = done?;
                    edits.write(&input.display(), &made)?;
                    // An OCR file in XML keeps its name and format (`Input::output_path`).
                    out.write(input, "txt", &bytes)
                },
                |input, opened, out, edits| {
                    // A long file is read whole here: its decisions are on its whole text.
                    let src = match opened {
                        Opened::Windows(scanned, windows) => {
                            let mut text = String::new();
                            for w in windows {
                                text.push_str(&w.map_err(|e| InputError::io(Path::new(&input.display()), &e))?.1);
                            }
                            diakrit::source::Source {
                                name: input.display(),
                                text,
                                encoding: scanned.encoding,
                                replaced: Vec::new(),
                            }
                        }
                        Opened::OcrXml(xml) => xml.read_whole(batch.strict)?,
                        Opened::Whole(src) => src,
                    };
                    let (bytes, made) = decide(&src)?;
                    edits.write(&input.display(), &made)?;
                    out.write(input, "txt", &bytes)
                },
            )
        }
        Command::Explain {
            word,
            context,
            file,
            lexicon,
        } => {
            let lexicon = load_lexicon(lexicon.as_deref())?;
            let (context, source) = match file {
                Some(p) => {
                    let mut text = diakrit::source::read(&p).map_err(|e| Fatal(e.to_string()))?.text;
                    // An OCR file in XML: the word in the plain text of its words, as repair reads it.
                    if let Some(words) =
                        diakrit::ocrxml::words_text(&text).map_err(|e| Fatal(format!("{}: {e}", p.display())))?
                    {
                        text = words;
                    }
                    (Some(text), format!("{}", p.display()))
                }
                None => (context, "--context".to_string()),
            };
            if let Some(c) = &context {
                if !c
                    .split(|ch: char| !ch.is_alphanumeric() && ch != '&' && ch != '|')
                    .any(|w| w == word)
                {
                    return Err(Fatal(format!("{source} does not contain {word:?}")));
                }
            }
            let repairer = Repairer::builder().lexicon(lexicon).build();
            out!("{}", repairer.explain(&word, context.as_deref()));
            Ok(true)
        }
    }
}

/// The thread pool, the options checked, and the repairer they describe.
fn setup(common: &Common, headings: Option<(&Path, bool)>) -> Result<Repairer, Fatal> {
    if let Some(n) = common.threads {
        if n == 0 {
            return Err(Fatal("--threads must be at least 1".into()));
        }
        // More threads than cores only costs memory and switching; tens of thousands take a machine down.
        let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
        let n = if n > cores {
            eprintln!("diakrit: -j {n} is more than the {cores} cores here; using {cores}");
            cores
        } else {
            n
        };
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| Fatal(e.to_string()))?;
    }
    let mut builder = repairer_builder(common)?;
    if let Some((p, only)) = headings {
        let text = diakrit::source::read(p).map_err(|e| Fatal(e.to_string()))?.text;
        let mine = Catalogue::from_tsv(&text).map_err(|e| Fatal(format!("{}: {e}", p.display())))?;
        builder = builder.catalogue(if only { mine } else { Catalogue::embedded().with(mine) });
    }
    Ok(builder.build())
}

/// One line of `repair --input-format jsonl`: the record's id, the repaired text, the edits (spans in bytes
/// of the record's text).
#[derive(serde::Serialize)]
struct RepairedRecord<'a> {
    id: &'a serde_json::Value,
    text: &'a str,
    edits: &'a [diakrit::Edit],
}

/// Read JSON Lines records `{"id": …, "text": …}` from `paths` (standard input when none or `-`), run `job`
/// on each record's id and text, and write the lines it returns (each ending in a newline), in input order, flushing after each
/// chunk of records so that a pipe sees results as they come. A bad line is one error on stderr
/// (`FILE:LINE: reason`) and the stream goes on.
fn stream_records(paths: &[PathBuf], job: impl Fn(&serde_json::Value, &str) -> Vec<u8> + Sync) -> Result<bool, Fatal> {
    use rayon::prelude::*;
    use std::io::BufRead;
    const CHUNK: usize = 64;
    let sources: Vec<Option<&PathBuf>> = if paths.is_empty() {
        vec![None]
    } else {
        paths.iter().map(|p| (p.as_os_str() != "-").then_some(p)).collect()
    };
    let mut ok = true;
    stdin_hint(sources.iter().any(Option::is_none));
    let mut stdout = io::stdout().lock();
    for src in sources {
        let name = src.map_or("-".to_string(), |p| p.display().to_string());
        let reader: Box<dyn BufRead> = match src {
            None => Box::new(io::stdin().lock()),
            Some(p) => match std::fs::File::open(p) {
                Ok(f) => Box::new(io::BufReader::new(f)),
                Err(e) => {
                    eprintln!("diakrit: {}", InputError::io(p, &e));
                    ok = false;
                    continue;
                }
            },
        };
        let mut lines = reader.lines().enumerate();
        loop {
            let chunk: Vec<(usize, io::Result<String>)> = lines.by_ref().take(CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            let results: Vec<Result<Option<Vec<u8>>, String>> = chunk
                .into_par_iter()
                .map(|(n, line)| {
                    let at = |why: String| format!("{name}:{}: {why}", n + 1);
                    let line = line.map_err(|e| at(diakrit::source::io_reason(&e)))?;
                    if line.trim().is_empty() {
                        return Ok(None);
                    }
                    let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| at(format!("not JSON: {e}")))?;
                    let text = v
                        .get("text")
                        .and_then(serde_json::Value::as_str)
                        .ok_or_else(|| at("no \"text\" string in the record".into()))?;
                    let id = v.get("id").cloned().unwrap_or(serde_json::Value::Null);
                    Ok(Some(job(&id, text)))
                })
                .collect();
            for r in results {
                match r {
                    Ok(None) => {}
                    Ok(Some(bytes)) => {
                        if stdout.write_all(&bytes).is_err() {
                            return Ok(ok);
                        }
                    }
                    Err(e) => {
                        eprintln!("diakrit: {e}");
                        ok = false;
                    }
                }
            }
            if stdout.flush().is_err() {
                return Ok(ok);
            }
        }
    }
    Ok(ok)
}

/// The example documents `diakrit bench` measures when given no input: the mission document's OCR and the
/// section fixtures, clean and OCR'd.
const BENCH_EXAMPLES: [(&str, &[u8]); 6] = [
    (
        "goteborg-intraservice-ai-slutredovisning.ocr.txt",
        include_bytes!("../fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt"),
    ),
    (
        "protokoll.ocr.txt",
        include_bytes!("../fixtures/sections/protokoll.ocr.txt"),
    ),
    (
        "protokoll-kommun.ocr.txt",
        include_bytes!("../fixtures/sections/protokoll-kommun.ocr.txt"),
    ),
    (
        "tjansteutlatande.ocr.txt",
        include_bytes!("../fixtures/sections/tjansteutlatande.ocr.txt"),
    ),
    (
        "kf_handling.txt",
        include_bytes!("../fixtures/sections/kf_handling.txt"),
    ),
    ("protokoll.txt", include_bytes!("../fixtures/sections/protokoll.txt")),
];

/// The inputs of `diakrit bench`, read into memory (a file that cannot be read stops the measurement).
fn bench_inputs(paths: &[PathBuf]) -> Result<Vec<diakrit::bench::Raw>, Fatal> {
    if paths.is_empty() {
        return Ok(BENCH_EXAMPLES
            .iter()
            .map(|(name, bytes)| diakrit::bench::Raw {
                name: (*name).to_string(),
                bytes: bytes.to_vec(),
            })
            .collect());
    }
    let mut raws = Vec::new();
    for input in collect_inputs_skipping(paths, None) {
        match input? {
            Input::Stdin => return Err(Fatal("bench reads files, not standard input".into())),
            Input::File { path, .. } => {
                let bytes = std::fs::read(&path).map_err(|e| Fatal(InputError::io(&path, &e).to_string()))?;
                raws.push(diakrit::bench::Raw {
                    name: path.display().to_string(),
                    bytes,
                });
            }
        }
    }
    Ok(raws)
}

/// A repairer with the options of `common` checked: the confidence bar, the user's words, hyphen joining.
fn repairer_builder(common: &Common) -> Result<diakrit::RepairerBuilder, Fatal> {
    if !(0.0..=1.0).contains(&common.min_confidence) {
        return Err(Fatal(format!(
            "--min-confidence must be between 0 and 1, not {}",
            common.min_confidence
        )));
    }
    Ok(Repairer::builder()
        .lexicon(load_lexicon(common.lexicon.as_deref())?)
        .min_confidence(common.min_confidence)
        .join_hyphens(common.join_hyphens))
}

/// The embedded lexicon, plus the user's words when a file is given.
fn load_lexicon(path: Option<&Path>) -> Result<Lexicon, Fatal> {
    let Some(path) = path else { return Ok(Lexicon::new()) };
    let text = diakrit::source::read(path).map_err(|e| Fatal(e.to_string()))?.text;
    Lexicon::from_word_list(&text).map_err(|e| Fatal(format!("{}: {e}", path.display())))
}

fn evaluate(repairer: &Repairer, ocr: &Path, gold: &Path, json: bool) -> Result<bool, Fatal> {
    let pairs = diakrit::eval::pairs(ocr, gold).map_err(Fatal)?;
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
        let c = diakrit::eval::score(&o.text, &repairer.repair(&o.text).text, &g.text);
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
        out!("{v}\n");
    } else {
        out!("{}\n", f.line(name, all));
    }
}

/// How this run repairs, as a report records it.
fn report_options(common: &Common) -> ReportOptions {
    ReportOptions {
        min_confidence: common.min_confidence,
        join_hyphens: common.join_hyphens,
        version: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// The edits log given to `report` or `apply` (`--from-edits`), read.
fn edits_log(path: Option<&Path>) -> Result<Option<EditsLog>, Fatal> {
    path.map(diakrit::report::read_edits_log).transpose().map_err(Fatal)
}

/// An edits log read back: each file's edits.
type EditsLog = std::collections::HashMap<String, Vec<diakrit::Edit>>;

/// The repair of `text` (named `name`): the one the edits log recorded, checked against the text, with the
/// damage estimate of a repair beside it when `estimate` (the report shows it; apply has no use for it);
/// else a repair.
fn repair_or_log(
    repairer: &Repairer,
    log: Option<&EditsLog>,
    name: &str,
    text: &str,
    estimate: bool,
) -> Result<diakrit::Repaired, String> {
    let Some(log) = log else {
        return Ok(repairer.repair(text));
    };
    let damage = if estimate {
        repairer.repair(text).damage
    } else {
        Default::default()
    };
    diakrit::report::logged_repair(text, log.get(name).cloned().unwrap_or_default(), damage)
}

/// What a review looks at of an input: its text, or the plain text of the words of an ALTO, hOCR or PAGE
/// file (with its format). An edits log of OCR XML names offsets in the file, not in that text.
fn review_text(
    src: &diakrit::source::Source,
    from_log: bool,
) -> Result<(String, Option<diakrit::ocrxml::OcrFormat>), String> {
    use diakrit::source::Encoding;
    // Markup that is no OCR format (an HTML page, other XML) is refused, as repair and process refuse it.
    let format = diakrit::pipeline::ocr_format(src).map_err(|e| e.reason)?;
    match format {
        None => Ok((src.text.clone(), None)),
        Some(_) if from_log => {
            Err("an edits log of OCR XML names offsets in the file: review it without --from-edits".into())
        }
        Some(_) if !matches!(src.encoding, Encoding::Utf8 | Encoding::Utf8Bom) => {
            Err("OCR XML that is not in UTF-8".into())
        }
        Some(format) => {
            let layout = diakrit::ocrxml::read(&src.text, format).map_err(|e| e.to_string())?;
            Ok((layout.text, Some(format)))
        }
    }
}

/// The warning for an input whose invalid UTF-8 bytes were replaced: the file and the first offsets.
fn replaced_note(src: &diakrit::source::Source) -> Option<String> {
    replaced_at(&src.name, &src.replaced, src.replaced.len())
}

/// [`replaced_note`] for a long file read in windows.
fn streamed_note(input: &Input, s: &diakrit::stream::Scanned) -> Option<String> {
    replaced_at(&input.display(), &s.replaced, s.replaced_count)
}

/// The warning for `count` invalid UTF-8 sequences of `name` replaced, the first at `first`.
fn replaced_at(name: &str, first: &[usize], count: usize) -> Option<String> {
    const SHOWN: usize = 5;
    if count == 0 {
        return None;
    }
    let mut at: Vec<String> = first.iter().take(SHOWN).map(usize::to_string).collect();
    if count > SHOWN {
        at.push(format!("… ({count} in all)"));
    }
    let s = if count == 1 { "" } else { "s" };
    Some(format!(
        "{name}: invalid UTF-8 replaced by U+FFFD at byte{s} {} (--strict refuses such files)",
        at.join(", ")
    ))
}

/// A warning on stderr: the run goes on and its status is not changed.
fn warn(note: Option<String>) {
    if let Some(n) = note {
        eprintln!("diakrit: warning: {n}");
    }
}

/// Print a failed input as one line and clear `ok`; a closed stdout (`| head`) ends the batch quietly,
/// the edits log still put in place.
fn report(r: Result<(), InputError>, ok: &mut bool) -> ControlFlow<()> {
    match r {
        Ok(()) => ControlFlow::Continue(()),
        Err(e) if e.is_broken_pipe() => ControlFlow::Break(()),
        Err(e) => {
            eprintln!("diakrit: {e}");
            *ok = false;
            ControlFlow::Continue(())
        }
    }
}

/// Say so when the text is to come from a terminal: a command given no file would otherwise wait in
/// silence.
fn stdin_hint(reads_stdin: bool) {
    use std::io::IsTerminal;
    if reads_stdin && io::stdin().is_terminal() {
        eprintln!("diakrit: reading text from the terminal; end it with Ctrl-D (Ctrl-Z on Windows), or name a file");
    }
}

/// A batch ready to run: its inputs, where results go, the edits log.
type Started = (Vec<Result<Input, InputError>>, Out, EditsFile);

/// Where a batch's results go.
type Out = Outputs<BufWriter<io::StdoutLock<'static>>>;

use diakrit::pipeline::Opened;

/// The inputs of a batch (the output folder left out of the walk, and with `--resume` those already done),
/// checked so that nothing is overwritten that must not be, and where their results and edits go.
fn start(args: &[PathBuf], out_dir: Option<PathBuf>, ext: &str, batch: &BatchArgs) -> Result<Started, Fatal> {
    let out = Outputs::new(out_dir.clone(), BufWriter::new(io::stdout().lock()))?;
    let mut inputs = collect_inputs_skipping(args, out_dir.as_deref());
    stdin_hint(inputs.iter().any(|i| matches!(i, Ok(Input::Stdin))));
    check_plan(&inputs, out_dir.as_deref(), ext, batch.edits.as_deref()).map_err(Fatal)?;
    if batch.resume {
        let before = inputs.len();
        inputs.retain(|i| !i.as_ref().is_ok_and(|i| out.is_done(i, ext)));
        let skipped = before - inputs.len();
        if skipped > 0 {
            eprintln!("diakrit: --resume: {skipped} of {before} inputs already done");
        }
    }
    let edits = EditsFile::open_with(batch.edits.as_deref(), batch.resume)?;
    Ok((inputs, out, edits))
}

/// Run a batch: `job` on each input on the rayon pool, `write` of each result in input order, a warning
/// for replaced bytes, one line for each failure; stopped by Ctrl-C or a closed stdout, with the edits log
/// put in place either way.
fn run_files<T: Send>(
    (inputs, mut out, mut edits): Started,
    batch: &BatchArgs,
    job: impl Fn(&diakrit::source::Source) -> T + Sync,
    mut write: impl FnMut(&Input, T, &mut Out, &mut EditsFile) -> Result<(), InputError>,
    mut long: impl FnMut(&Input, Opened, &mut Out, &mut EditsFile) -> Result<(), InputError>,
) -> Result<bool, Fatal> {
    let total = inputs.len();
    let mut ok = true;
    let stop = interrupt_flag();
    let run = Batch {
        strict: batch.strict,
        stop: Some(stop),
        stream_long: true,
    };
    let progress = Progress::new(total, batch.quiet);
    let mut cut_short = false;
    let done = run_batch(
        inputs,
        &run,
        |src| (replaced_note(src), src.text.len(), job(src)),
        |input, r| {
            let result = r.and_then(|found| {
                let (note, bytes, t) = match found {
                    Some(found) => found,
                    // A long file (or standard input): read in windows, each written as it is done; read
                    // whole after all when it is short or cannot be streamed (UTF-16).
                    None => match open_long(input, batch.strict)? {
                        Opened::Whole(src) => (replaced_note(&src), src.text.len(), job(&src)),
                        opened => {
                            if let Opened::Windows(scanned, _) = &opened {
                                progress.suspend(|| warn(streamed_note(input, scanned)));
                            }
                            let bytes = std::fs::metadata(input.display()).map_or(0, |m| m.len() as usize);
                            let mark = edits.mark()?;
                            if let Err(e) = long(input, opened, &mut out, &mut edits) {
                                edits.rollback(mark)?;
                                return Err(e);
                            }
                            progress.add_bytes(bytes);
                            return Ok(());
                        }
                    },
                };
                progress.suspend(|| warn(note));
                progress.add_bytes(bytes);
                write(input, t, &mut out, &mut edits)
            });
            // Ctrl-C inside a long file: it is not done (its output was never put in place), and no failure.
            if result.is_err() && stop.load(Ordering::SeqCst) {
                cut_short = true;
                return ControlFlow::Break(());
            }
            let failed = result.is_err();
            let flow = progress.suspend(|| report(result, &mut ok));
            progress.file_done(failed);
            flow
        },
    );
    progress.finish();
    let mut closing = true;
    let _ = report(out.flush(), &mut closing);
    let _ = report(edits.finish(), &mut closing);
    finish(ok && closing, done - usize::from(cut_short), total, stop)
}

/// A progress bar on stderr for a batch: files done, MB/s, errors so far. Shown only when stderr is a
/// terminal, there is more than one input and `--quiet` is not given.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: std::time::Instant,
    bytes: std::cell::Cell<usize>,
    errors: std::cell::Cell<usize>,
}

impl Progress {
    fn new(total: usize, quiet: bool) -> Progress {
        use std::io::IsTerminal;
        let show = !quiet && total > 1 && io::stderr().is_terminal();
        let bar = show.then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  ({eta} left)")
                .expect("a valid template");
            bar.set_style(style);
            bar
        });
        Progress {
            bar,
            started: std::time::Instant::now(),
            bytes: std::cell::Cell::new(0),
            errors: std::cell::Cell::new(0),
        }
    }

    fn add_bytes(&self, n: usize) {
        self.bytes.set(self.bytes.get() + n);
    }

    fn file_done(&self, failed: bool) {
        let Some(bar) = &self.bar else { return };
        if failed {
            self.errors.set(self.errors.get() + 1);
        }
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{:.2} MB/s  {} errors",
            self.bytes.get() as f64 / 1e6 / secs,
            self.errors.get()
        ));
        bar.inc(1);
    }

    /// Print on stderr without tearing the bar.
    fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Set when Ctrl-C (or a termination signal) arrives: the batch stops before its next chunk, writes what it
/// has and puts the edits log in place. A second signal ends the process at once (outputs are renamed into
/// place whole, so none is left cut).
fn interrupt_flag() -> &'static AtomicBool {
    static STOP: AtomicBool = AtomicBool::new(false);
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if STOP.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
    });
    &STOP
}

/// The exit status of a batch: interrupted (130, with what was done), some inputs failed (1), or all went
/// well (0).
fn finish(ok: bool, done: usize, total: usize, stop: &AtomicBool) -> Result<bool, Fatal> {
    if stop.load(Ordering::SeqCst) && done < total {
        eprintln!(
            "diakrit: interrupted after {done} of {total} inputs; their outputs and edits are complete, --resume goes on from there"
        );
        std::process::exit(130);
    }
    Ok(ok)
}
