//! Runs the `diakrit` binary as a user would and parses what it writes.
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;
use common::{diakrit, fixture, stderr, stdout};

const OCR: &str = "fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt";
const GOLD: &str = "fixtures/goteborg-intraservice-ai-slutredovisning.gold.txt";

#[test]
fn repair_meets_the_accuracy_floor_on_the_mission_document() {
    let o = diakrit(&["repair", OCR]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let c = diakrit::eval::score(&fixture(OCR), &out, &fixture(GOLD));
    let f = c.figures();
    assert!(f.reduction.unwrap() >= 0.90, "errors removed {:?}", f);
    assert_eq!(c.broken, 0, "right words broken: {:?}", f);
}

#[test]
fn repair_keeps_lines_and_every_non_word_byte() {
    let input = fixture(OCR);
    let out = stdout(&diakrit(&["repair", OCR]));
    assert_eq!(out.lines().count(), input.lines().count());
    // Remove the letters and digits of both: what is left (spaces, punctuation, line breaks) is identical.
    let skeleton = |s: &str| s.chars().filter(|c| !c.is_alphanumeric()).collect::<String>();
    assert_eq!(skeleton(&out), skeleton(&input).replace('&', ""));
    // URLs survive byte for byte.
    for line in input.lines().filter(|l| l.contains("https://")) {
        let url = line.split_whitespace().find(|w| w.starts_with("https://")).unwrap();
        assert!(out.contains(url), "{url}");
    }
}

#[test]
fn repair_barely_touches_clean_text() {
    let gold = fixture(GOLD);
    let out = stdout(&diakrit(&["repair", GOLD]));
    let c = diakrit::eval::score(&gold, &out, &gold);
    assert!(c.figures().changed <= 0.001, "{:?}", c.figures());
}

#[test]
fn process_labels_the_mission_document() {
    let o = diakrit(&["process", OCR]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(doc["schema"], "diakrit/1");
    assert_eq!(doc["doc_type"], "tjansteutlatande");
    let labels: Vec<&str> = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    let want = [
        "proposed_decision",
        "summary",
        "assessment_economic",
        "assessment_ecological",
        "assessment_social",
        "union_consultation",
        "attachments",
        "matter",
        "case_description",
        "office_assessment",
    ];
    let mut it = labels.iter();
    for w in want {
        assert!(it.any(|l| *l == w), "{w} missing or out of order in {labels:?}");
    }
    let input = fixture(OCR);
    for s in doc["sections"].as_array().unwrap() {
        let (a, b) = (
            s["span"][0].as_u64().unwrap() as usize,
            s["span"][1].as_u64().unwrap() as usize,
        );
        assert!(a <= b && b <= input.len() && input.is_char_boundary(a) && input.is_char_boundary(b));
        if s["label"] == "matter" {
            assert_eq!(
                input[s["heading_span"][0].as_u64().unwrap() as usize..s["heading_span"][1].as_u64().unwrap() as usize]
                    .trim(),
                "Arendet"
            );
            assert_eq!(s["heading"], "Ärendet");
        }
    }
    let md = &doc["metadata"];
    assert!(md["case_ids"].as_array().unwrap().iter().any(|c| c == "SLK-2023-01038"));
    assert!(md["case_ids"].as_array().unwrap().iter().any(|c| c == "0186/24"));
    assert_eq!(md["decision_body"], "nämnden för Intraservice");
    for d in ["2024-05-29", "2024-05-30", "2024-11-21"] {
        assert!(md["dates"].as_array().unwrap().iter().any(|x| x == d), "{d}");
    }
    // Both footnotes, the URLs and the two signatories; none of them inside a section's text, and no
    // page-start space either.
    let notes = md["footnotes"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert!(notes[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("Slutrapport: Uppdrag att främja offentlig förvaltnings"));
    assert!(notes[1]["text"]
        .as_str()
        .unwrap()
        .starts_with("AI och kompetensförsörjning inom välfärden"));
    assert_eq!(md["urls"].as_array().unwrap().len(), 3);
    let people: Vec<(&str, &str)> = md["signatories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["title"].as_str().unwrap()))
        .collect();
    assert_eq!(
        people,
        [
            ("Carina Helgesson Björk", "Avdelningschef Kund- och servicecenter"),
            ("Peter Söderström", "Förvaltningsdirektör")
        ]
    );
    for s in doc["sections"].as_array().unwrap() {
        let text = s["text"].as_str().unwrap();
        assert!(
            !text.contains("http")
                && !text.contains("(digg.se)")
                && !text.contains("Förstudie 2024.pdf")
                && !text.contains("Peter Söderström"),
            "{text}"
        );
        assert!(
            !text.contains("\n ") && !text.starts_with(' '),
            "page-start space in {}",
            s["label"]
        );
    }
    for e in doc["edits"].as_array().unwrap() {
        let (a, b) = (
            e["span"][0].as_u64().unwrap() as usize,
            e["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&input[a..b], e["from"].as_str().unwrap());
    }
}

#[test]
fn jsonl_and_out_dir_and_edits() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(inputs.join("sub")).unwrap();
    std::fs::write(
        inputs.join("a.txt"),
        "Forslag till beslut\n\nDetta &r gjort i Goteborg.\n",
    )
    .unwrap();
    std::fs::write(inputs.join("sub/b.txt"), "Sammanfattning\n\nNamnden har beslutat.\n").unwrap();
    let in_s = inputs.to_str().unwrap();

    let o = diakrit(&["process", "--format", "jsonl", in_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 2);
    assert!(docs[0]["source"].as_str().unwrap().ends_with("a.txt"));
    assert_eq!(docs[0]["sections"][0]["label"], "proposed_decision");
    assert_eq!(docs[1]["sections"][0]["text"], "Nämnden har beslutat.");

    let out = dir.path().join("out");
    let edits = dir.path().join("edits.jsonl");
    let o = diakrit(&[
        "process",
        "--out-dir",
        out.to_str().unwrap(),
        "--edits",
        edits.to_str().unwrap(),
        in_s,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let a: Value = serde_json::from_str(&std::fs::read_to_string(out.join("a.json")).unwrap()).unwrap();
    assert_eq!(a["schema"], "diakrit/1");
    assert!(out.join("sub/b.json").exists());
    let lines: Vec<Value> = std::fs::read_to_string(&edits)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines
        .iter()
        .any(|e| e["from"] == "&r" && e["to"] == "är" && e["kind"] == "ocr-confusion"));
    for e in &lines {
        assert!(e["file"].is_string() && e["span"].is_array() && e["confidence"].as_f64().unwrap() >= 0.5);
    }

    let rep = dir.path().join("rep");
    let o = diakrit(&[
        "repair",
        "--out-dir",
        rep.to_str().unwrap(),
        inputs.join("a.txt").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(rep.join("a.txt")).unwrap(),
        "Förslag till beslut\n\nDetta är gjort i Göteborg.\n"
    );
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Goteborgs Stad\n").unwrap();
    let binary = dir.path().join("scan.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let missing = dir.path().join("missing.txt");
    let o = diakrit(&[
        "repair",
        missing.to_str().unwrap(),
        empty.to_str().unwrap(),
        binary.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "Göteborgs Stad\n");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with("diakrit: ")
            && lines[0].contains("missing.txt")
            && lines[0].ends_with("no such file or directory")
    );
    assert!(lines[1].contains("empty") && lines[1].ends_with("directory has no .txt files"));
    assert!(lines[2].contains("scan.txt") && lines[2].contains("binary"));
}

#[test]
fn windows_1252_input_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("latin.txt");
    // "Bedömning: nämnden för Göteborg och stadens bedömning" in Windows-1252, with two stripped words to
    // repair (a name among them).
    std::fs::write(&f, b"Bed\xF6mning: n\xE4mnden f\xF6r Goteborg och stadens bedomning\n").unwrap();
    let o = diakrit(&["process", "--format", "jsonl", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(doc["encoding"], "windows-1252");
    assert_eq!(doc["text"], "Bedömning: nämnden för Göteborg och stadens bedömning\n");
}

#[test]
fn stdin_and_usage_errors() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diakrit"))
        .args(["repair"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("pagaende arbete fran Goteborg".as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8(o.stdout).unwrap(), "pågående arbete från Göteborg");

    assert_eq!(diakrit(&["repair", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(diakrit(&["frobnicate"]).status.code(), Some(2));
    let o = diakrit(&["repair", "--lexicon", "/no/such/words.txt", OCR]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/words.txt"));
}

#[test]
fn user_lexicon_protects_local_names() {
    let dir = tempfile::tempdir().unwrap();
    let words = dir.path().join("words.txt");
    std::fs::write(&words, "# local names\nTanghag\t4.0\n").unwrap();
    let f = dir.path().join("t.txt");
    std::fs::write(&f, "Tanghag och Tånghag\n").unwrap();
    let o = diakrit(&["repair", "--lexicon", words.to_str().unwrap(), f.to_str().unwrap()]);
    assert_eq!(stdout(&o), "Tanghag och Tånghag\n");
}

#[test]
fn threads_do_not_change_output() {
    let a = diakrit(&["process", "--format", "jsonl", "-j1", OCR, GOLD]);
    let b = diakrit(&["process", "--format", "jsonl", "-j2", OCR, GOLD]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let ids: Vec<String> = stdout(&a)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn explain_shows_the_choice() {
    let o = diakrit(&["explain", "ndmnden"]);
    assert!(o.status.success());
    let s = stdout(&o);
    assert!(s.contains("nämnden") && s.contains("repair: ndmnden -> nämnden"), "{s}");
}

#[test]
fn explain_in_a_document_reports_its_damage() {
    let o = diakrit(&["explain", "drendenummer", "--file", OCR]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    assert!(s.contains("damage of the text:   stripped"), "{s}");
    assert!(s.contains("damage of its region: stripped"), "{s}");
    assert!(
        s.contains("->  kommunstyrelsen (2024-05-29, ärendenummer SLK-2023-01038)"),
        "{s}"
    );
    assert!(s.contains("repair: drendenummer -> ärendenummer"), "{s}");
    // A clean line: the damage that keeps a name as written.
    let o = diakrit(&[
        "explain",
        "Kaijser",
        "--context",
        "enligt Kaijser (h) är frågan avgjord",
    ]);
    let s = stdout(&o);
    assert!(
        s.contains("damage of the text:   clean") && s.contains("repair: kept Kaijser"),
        "{s}"
    );
    let missing = diakrit(&["explain", "nope", "--file", OCR]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("does not contain \"nope\""),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn join_hyphens_flag_rejoins_cut_words() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("h.txt");
    std::fs::write(&f, "i kommu-\nnen och AI-\ntjanster\n").unwrap();
    let plain = diakrit(&["repair", f.to_str().unwrap()]);
    assert_eq!(stdout(&plain), "i kommu-\nnen och AI-\ntjänster\n");
    let joined = diakrit(&["repair", "--join-hyphens", f.to_str().unwrap()]);
    assert_eq!(stdout(&joined), "i kommunen och AI-\ntjänster\n");
}

#[test]
fn every_document_validates_against_the_schema() {
    let schema: Value = serde_json::from_str(&fixture("schema/diakrit-1.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.txt"),
        "Protokoll\n\n§ 12 Ärendenummer SLK-2024-00001\nVal av justerare\n\nBeslut\nKommunstyrelsen beslutar.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("e.txt"), "").unwrap();
    std::fs::write(dir.path().join("h.txt"), "i kommu-\nnen\n").unwrap();
    let o = diakrit(&[
        "process",
        "--format",
        "jsonl",
        "--join-hyphens",
        OCR,
        GOLD,
        "fixtures/sections",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut n = 0;
    for line in stdout(&o).lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", doc["source"]);
        n += 1;
    }
    // The mission document and its gold, every fixture of fixtures/sections, and the three written here.
    let sections = std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sections"))
        .unwrap()
        .count();
    assert_eq!(n, 2 + sections + 3);
}

#[test]
fn section_records_for_bulk_loaders() {
    let schema: Value = serde_json::from_str(&fixture("schema/diakrit-1-section.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let o = diakrit(&["process", "--granularity", "section", OCR]);
    assert!(o.status.success(), "{}", stderr(&o));
    let records: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 12);
    for r in &records {
        let errors: Vec<String> = validator
            .iter_errors(r)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(r["document_id"], records[0]["document_id"]);
    }
    let summary = records.iter().find(|r| r["label"] == "summary").unwrap();
    assert_eq!(summary["heading"], "Sammanfattning");
    assert!(summary["text"]
        .as_str()
        .unwrap()
        .starts_with("I kommunfullmäktiges budget 2024"));
    assert_eq!(summary["metadata"]["decision_body"], "nämnden för Intraservice");

    let dir = tempfile::tempdir().unwrap();
    let o = diakrit(&[
        "process",
        "--granularity",
        "section",
        "--out-dir",
        dir.path().to_str().unwrap(),
        OCR,
    ]);
    assert!(o.status.success());
    let written =
        std::fs::read_to_string(dir.path().join("goteborg-intraservice-ai-slutredovisning.ocr.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 12);
}

/// `diakrit bench` measures each stage and the whole job, as a table or as JSON, on given files or on the
/// bundled examples.
#[test]
fn bench_reports_every_stage() {
    let o = diakrit(&["bench", "--json", "-j", "1", OCR]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(r["files"], 1);
    assert_eq!(r["bytes"].as_u64(), Some(fixture(OCR).len() as u64));
    let stages: Vec<&str> = r["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(
        stages,
        ["decode", "tokenize", "repair", "segment", "write", "all", "all"]
    );
    assert!(r["stages"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["mb_per_s"].as_f64().unwrap() > 0.0));
    let o = diakrit(&["bench"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("speed-up from 1 to all threads"));
}

/// JSON Lines in, JSON Lines out, in order: one result per record as it is done; a bad record is one error
/// line and the stream goes on.
#[test]
fn json_lines_records_stream_through() {
    use std::io::Write;
    let mut input = String::new();
    for i in 0..150 {
        input.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"Namnden gor en bedomning {i}\"}}\n"
        ));
    }
    input.push_str("not json\n{\"id\": \"x\", \"text\": \"Sammanfattning\\n\\nNamnden beslutar.\"}\n");
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_diakrit"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let o = run(&["repair", "--input-format", "jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("-:151: not JSON"), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 151);
    assert_eq!(lines[42]["id"], 42);
    assert_eq!(lines[42]["text"], "Nämnden gör en bedömning 42");
    assert_eq!(lines[150]["id"], "x");
    let o = run(&["process", "--input-format", "jsonl", "--granularity", "section"]);
    let last: Value = serde_json::from_str(stdout(&o).lines().last().unwrap()).unwrap();
    assert_eq!(
        (last["source"].as_str(), last["label"].as_str()),
        (Some("x"), Some("summary"))
    );
}

/// Options do what they say or refuse with a reason: a value out of range names itself, `--format jsonl`
/// is honoured under `--out-dir`.
#[test]
fn options_do_what_they_say() {
    let o = diakrit(&["repair", "--min-confidence", "-0.5", OCR]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--min-confidence must be between 0 and 1, not -0.5"),
        "{}",
        stderr(&o)
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = diakrit(&["process", "--format", "jsonl", "--out-dir", out.to_str().unwrap(), OCR]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written = std::fs::read_to_string(out.join("goteborg-intraservice-ai-slutredovisning.ocr.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 1);
}

/// `--headings` adds to the built-in catalogue (the mission document keeps its sections), `--headings-only`
/// replaces it, and a file without its header line is refused with the reason.
#[test]
fn user_headings_add_to_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("mine.tsv");
    std::fs::write(
        &tsv,
        "doc_type\tlabel\tvariants\ntjansteutlatande\tour_label\tSlutredovisning av uppdrag\n",
    )
    .unwrap();
    let tsv = tsv.to_str().unwrap();
    let labels = |args: &[&str]| -> Vec<String> {
        let o = diakrit(args);
        assert!(o.status.success(), "{}", stderr(&o));
        let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
        doc["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap().to_string())
            .collect()
    };
    let added = labels(&["process", "--headings", tsv, OCR]);
    assert!(added.iter().any(|l| l == "summary"), "{added:?}");
    let only = labels(&["process", "--headings", tsv, "--headings-only", OCR]);
    assert!(!only.iter().any(|l| l == "summary"), "{only:?}");
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "tjansteutlatande\tsummary\tSammanfattning\n").unwrap();
    let o = diakrit(&["process", "--headings", bad.to_str().unwrap(), OCR]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the first line must be the header"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn completions_and_the_manual_page_come_from_the_options() {
    let bash = diakrit(&["completions", "bash"]);
    assert!(bash.status.success(), "{}", stderr(&bash));
    let script = stdout(&bash);
    assert!(script.contains("_diakrit()") && script.contains("--min-confidence") && script.contains("--out-dir"));
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let o = diakrit(&["completions", shell]);
        assert!(o.status.success() && stdout(&o).contains("min-confidence"), "{shell}");
    }
    assert_eq!(diakrit(&["completions", "tcsh"]).status.code(), Some(2));
    let man = diakrit(&["man"]);
    assert!(man.status.success());
    let page = stdout(&man);
    assert!(
        page.starts_with(".ie") || page.contains(".TH diakrit"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains("repair") && page.contains("process") && page.contains("130"));
}

#[test]
fn options_of_a_batch_are_not_offered_where_they_do_nothing() {
    for cmd in ["eval", "bench"] {
        let help = stdout(&diakrit(&[cmd, "--help"]));
        assert!(!help.contains("--edits") && !help.contains("--strict"), "{cmd}");
        assert!(help.contains("--min-confidence"), "{cmd}");
    }
    for cmd in ["repair", "process"] {
        let help = stdout(&diakrit(&[cmd, "--help"]));
        assert!(
            help.contains("--edits") && help.contains("--strict") && help.contains("--quiet"),
            "{cmd}"
        );
    }
}
