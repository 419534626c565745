//! Long files: read in windows, repaired a few windows at a time, written as they are done; the result is
//! the library's repair of the whole text, at any number of threads.

use std::process::Command;

use serde_json::Value;

mod common;
use common::diakrit_in;

/// Over a few windows of the mission document's OCR, its pages in a different order in each copy, so that windows
/// differ; `extra` is put in the middle.
fn long_text(extra: &str) -> String {
    let ocr = include_str!("../fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt");
    let paras: Vec<&str> = ocr.split("\n\n").collect();
    let mut out = String::new();
    let mut k = 0usize;
    while out.len() < 5 * diakrit::repair::window::WINDOW {
        for i in 0..paras.len() {
            out.push_str(paras[(i * 7 + k) % paras.len()]);
            out.push_str(if i % 9 == 8 { "\n\u{c}" } else { "\n\n" });
        }
        k += 1;
        if k == 120 {
            out.push_str(extra);
        }
    }
    out
}

#[test]
fn a_long_file_is_repaired_in_windows_as_the_whole_text_is() {
    let dir = tempfile::tempdir().unwrap();
    let text = long_text("Den kommu-\n\u{c}nala ndmnden beslutar.\n\n");
    std::fs::write(dir.path().join("long.txt"), &text).unwrap();
    let one = diakrit_in(dir.path(), &["repair", "-j1", "--edits", "e1.jsonl", "long.txt"]);
    let two = diakrit_in(dir.path(), &["repair", "-j2", "--edits", "e2.jsonl", "long.txt"]);
    assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
    assert!(two.status.success());
    assert_eq!(one.stdout, two.stdout, "the same at any -j");
    let read = |p: &str| std::fs::read_to_string(dir.path().join(p)).unwrap();
    assert_eq!(read("e1.jsonl"), read("e2.jsonl"));

    // The library's repair of the whole text, read whole.
    let whole = diakrit::Repairer::new().repair(&text);
    assert_eq!(String::from_utf8(one.stdout).unwrap(), whole.text);
    let logged: Vec<Value> = read("e1.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(logged.len(), whole.edits.len());
    for (l, e) in logged.iter().zip(&whole.edits) {
        assert_eq!(l["span"], serde_json::json!([e.span.0, e.span.1]));
        assert_eq!(l["from"], e.from.as_str());
        assert_eq!(&text[e.span.0..e.span.1], e.from);
    }
    assert!(whole.text.contains("nämnden beslutar"));

    // Under an output folder: the same bytes, renamed into place whole.
    let out = diakrit_in(dir.path(), &["repair", "--out-dir", "out", "long.txt"]);
    assert!(out.status.success());
    assert_eq!(read("out/long.txt"), whole.text);
    let left: Vec<_> = std::fs::read_dir(dir.path().join("out")).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left");
}

#[test]
fn a_long_file_with_a_bad_byte_is_named_and_streamed() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = long_text("").into_bytes();
    let at = bytes.len() / 2;
    let at = at + bytes[at..].iter().position(|&b| b == b' ').unwrap();
    bytes.insert(at + 1, 0xFF);
    std::fs::write(dir.path().join("bad.txt"), &bytes).unwrap();
    let o = diakrit_in(dir.path(), &["repair", "bad.txt"]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("bad.txt: invalid UTF-8 replaced by U+FFFD at byte {}", at + 1)),
        "{err}"
    );
    assert!(String::from_utf8(o.stdout).unwrap().contains('\u{FFFD}'));
    let strict = diakrit_in(dir.path(), &["repair", "--strict", "bad.txt"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("bad.txt: invalid UTF-8 at byte"));
    assert!(strict.stdout.is_empty());
}

/// `text` written to `long.txt` in `dir`, and the library's document of it processed whole (in memory).
fn whole_document(dir: &std::path::Path, text: &str) -> diakrit::output::Document {
    std::fs::write(dir.join("long.txt"), text).unwrap();
    let source = diakrit::source::Source {
        name: "long.txt".into(),
        text: text.to_string(),
        encoding: diakrit::source::Encoding::Utf8,
        replaced: Vec::new(),
    };
    diakrit::Repairer::new().process_source(&source)
}

/// `process -j2` of `long.txt` in `dir` writes `doc`'s bytes, in each of the three formats.
fn assert_streamed_as(dir: &std::path::Path, doc: &diakrit::output::Document) {
    use diakrit::output::{Format, Writer};
    for (format, args) in [
        (Format::JsonLines, &["--format", "jsonl"][..]),
        (Format::Json, &["--format", "json"][..]),
        (Format::Sections, &["--granularity", "section"][..]),
    ] {
        let mut w = Writer::new(Vec::new(), format);
        w.write(doc).unwrap();
        let mut cli = vec!["process", "-j2"];
        cli.extend_from_slice(args);
        cli.push("long.txt");
        let o = diakrit_in(dir, &cli);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(
            o.stdout == w.into_inner(),
            "{format:?}: the streamed bytes are the document's"
        );
    }
}

#[test]
fn a_long_file_is_processed_in_windows_into_the_document_of_the_whole_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = long_text("");
    let doc = whole_document(dir.path(), &text);
    // One document: sections numbered in order, none overlapping, every span inside the input.
    assert!(doc.sections.len() > 100);
    for (i, s) in doc.sections.iter().enumerate() {
        assert_eq!(s.index, i);
        assert_eq!(s.id, format!("{}-{i:02}", doc.id));
        assert!(s.span.0 <= s.span.1 && s.span.1 <= text.len());
    }
    assert!(doc.sections.windows(2).all(|p| p[0].span.1 <= p[1].span.0));
    assert_eq!((doc.stats.bytes, doc.stats.edits), (text.len(), doc.edits.len()));
    assert_eq!(doc.text, diakrit::Repairer::new().repair(&text).text);
    assert_streamed_as(dir.path(), &doc);
}

#[test]
fn a_long_document_writes_its_metadata_lists_as_the_whole_text_does() {
    // § numbers, footnotes, URLs and signatories all through a text of many windows: they are written to
    // temporary files as they come (a gigabyte holds hundreds of thousands), and must come out where and
    // as the document of the whole text has them.
    let mission = include_str!("../fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt");
    let protocol = include_str!("../fixtures/sections/protokoll-nordby.ocr.txt");
    let mut text = String::new();
    while text.len() < 4 * diakrit::repair::window::WINDOW {
        text.push_str(protocol);
        text.push_str("\n\u{c}");
        text.push_str(mission);
        text.push_str("\n\u{c}");
    }
    let dir = tempfile::tempdir().unwrap();
    let doc = whole_document(dir.path(), &text);
    let m = &doc.metadata;
    let counts = [m.paragraphs.len(), m.footnotes.len(), m.urls.len(), m.signatories.len()];
    assert!(
        counts.iter().all(|&n| n > 0) && counts[..3].iter().all(|&n| n > 20),
        "{counts:?}"
    );
    assert_streamed_as(dir.path(), &doc);
}

#[test]
fn long_standard_input_is_streamed_too() {
    use std::io::Write;
    use std::process::Stdio;
    let text = long_text("");
    let mut child = Command::new(env!("CARGO_BIN_EXE_diakrit"))
        .args(["repair", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feed = text.clone();
    let writer = std::thread::spawn(move || stdin.write_all(feed.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap() == diakrit::Repairer::new().repair(&text).text);
}

/// Ctrl-C inside a long file: its output is not put in place, its edits are taken back from the log, and
/// `--resume` redoes it, so the log ends as one uninterrupted run's.
#[test]
#[cfg(unix)]
fn ctrl_c_inside_a_long_file_logs_none_of_its_edits() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let ocr = include_str!("../fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt");
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/a-short.txt"), ocr).unwrap();
    std::fs::write(dir.path().join("in/b-long.txt"), long_text("").repeat(2)).unwrap();
    let args = ["repair", "-j1", "--out-dir", "out", "--edits", "e.jsonl", "in"];
    let mut child = Command::new(env!("CARGO_BIN_EXE_diakrit"))
        .current_dir(dir.path())
        .args(args)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The signal goes once the short file is written: the handler is in place then (on a loaded machine a
    // fixed wait could send it before), and the long file is being repaired.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !dir.path().join("out/a-short.txt").exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    let read = |p: &str| std::fs::read_to_string(dir.path().join(p)).unwrap_or_default();
    if status.code() == Some(130) {
        assert!(!dir.path().join("out/b-long.txt").exists());
        assert!(
            !read("e.jsonl").contains("b-long.txt"),
            "no edit of the unfinished file"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path().join("out")).unwrap().flatten().collect();
        assert!(left
            .iter()
            .all(|e| !e.file_name().to_string_lossy().contains("diakrit-tmp")));
    } else {
        assert_eq!(status.code(), Some(0), "finished before the signal");
    }
    let resumed = diakrit_in(
        dir.path(),
        &[
            "repair",
            "-j1",
            "--resume",
            "--out-dir",
            "out",
            "--edits",
            "e.jsonl",
            "in",
        ],
    );
    assert!(resumed.status.success());
    let whole = diakrit_in(
        dir.path(),
        &["repair", "-j1", "--out-dir", "w", "--edits", "w.jsonl", "in"],
    );
    assert!(whole.status.success());
    assert_eq!(read("e.jsonl"), read("w.jsonl"));
    assert_eq!(read("out/b-long.txt"), read("w/b-long.txt"));
}
