//! `diakrit report` and `diakrit apply` through the binary: the folder a browser opens (its data, no
//! network), decisions that reach the final text, and the refusals that keep an archive safe (a file not
//! reviewed, other options, a folder in the way). The page itself is tested in a browser
//! (`tests/browser/test_report.py`).
use std::path::Path;

mod common;
use common::{diakrit, stderr};

const MISSION: &str = "fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt";

fn edits_of(log: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(log)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The report's data embedded in its page.
fn report_data(dir: &Path) -> serde_json::Value {
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let start = html
        .find(r#"<script type="application/json" id="report-data">"#)
        .unwrap();
    let json = &html[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    serde_json::from_str(&json.replace("<\\/", "</")).unwrap()
}

#[test]
fn a_report_holds_every_edit_once_and_needs_no_network() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review");
    let log = dir.path().join("edits.jsonl");
    let o = diakrit(&["report", MISSION, "fixtures/sections", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("the review of 14 document(s)"), "{}", stderr(&o));
    let o = diakrit(&["repair", "--quiet", "--edits", log.to_str().unwrap(), MISSION]);
    assert!(o.status.success());
    let logged = edits_of(&log);
    let data = report_data(&out);
    assert_eq!(data["summary"]["documents"], 14);
    let docs = data["documents"].as_array().unwrap();
    let mission = docs.iter().find(|d| d["source"] == MISSION).unwrap();
    assert_eq!(mission["edits"], logged.len());
    // The document's data file: its text and its edits, as the log has them.
    let n = mission["n"].as_u64().unwrap();
    let js = std::fs::read_to_string(out.join(format!("data/d{n:06}.js"))).unwrap();
    let doc: serde_json::Value = serde_json::from_str(
        js.trim_start_matches("diakrit.loaded(")
            .trim_end()
            .trim_end_matches(");"),
    )
    .unwrap();
    assert_eq!(doc["text"], std::fs::read_to_string(MISSION).unwrap());
    let shown: Vec<(u64, u64, String)> = doc["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e[2].as_u64().unwrap(),
                e[3].as_u64().unwrap(),
                e[5].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(u64, u64, String)> = logged
        .iter()
        .map(|e| {
            (
                e["span"][0].as_u64().unwrap(),
                e["span"][1].as_u64().unwrap(),
                e["to"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(shown, expected);
    // Nothing is fetched from elsewhere: no source or link outside the folder, no import.
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let outside =
        regex::Regex::new(r#"(?i)(src|href)\s*=\s*["']?\s*(https?:|//)|@import|url\(\s*["']?(https?:|//)"#).unwrap();
    assert!(!outside.is_match(&html), "{:?}", outside.find(&html));
    assert!(!outside.is_match(&js));
    // The most frequent correction is counted over the batch.
    let top = &data["corrections"][0];
    assert!(top["count"].as_u64().unwrap() >= 2, "{top}");
}

#[test]
fn apply_makes_accepted_edits_and_keeps_rejected_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review");
    let o = diakrit(&["report", MISSION, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let log = dir.path().join("edits.jsonl");
    let repaired = diakrit(&["repair", "--quiet", "--edits", log.to_str().unwrap(), MISSION]);
    let logged = edits_of(&log);
    let data = report_data(&out);
    let content_id = data["documents"][0]["content_id"].as_str().unwrap();
    // Reject one edit by itself, and a whole correction that occurs more than once.
    let one = &logged[3];
    let top = &data["corrections"][0];
    let decisions = serde_json::json!({
        "schema": "diakrit/decisions-1",
        "report": data["report"],
        "options": data["options"],
        "documents": [{"content_id": content_id, "source": MISSION}],
        "corrections": [{"from": top["from"], "to": top["to"], "decision": "reject"}],
        "edits": [{"document": content_id, "span": one["span"], "from": one["from"], "to": one["to"], "decision": "reject"}],
    });
    let file = dir.path().join("decisions.json");
    std::fs::write(&file, decisions.to_string()).unwrap();
    let final_dir = dir.path().join("final");
    let final_log = dir.path().join("final-edits.jsonl");
    let o = diakrit(&[
        "apply",
        file.to_str().unwrap(),
        MISSION,
        "--out-dir",
        final_dir.to_str().unwrap(),
        "--edits",
        final_log.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(MISSION).unwrap();
    let mut expected = String::new();
    let mut at = 0;
    let mut kept = 0;
    for e in &logged {
        let (a, b) = (
            e["span"][0].as_u64().unwrap() as usize,
            e["span"][1].as_u64().unwrap() as usize,
        );
        expected.push_str(&text[at..a]);
        let reject = e == one || (e["from"] == top["from"] && e["to"] == top["to"]);
        kept += usize::from(reject);
        expected.push_str(e[if reject { "from" } else { "to" }].as_str().unwrap());
        at = b;
    }
    expected.push_str(&text[at..]);
    let name = Path::new(MISSION).file_name().unwrap();
    assert_eq!(std::fs::read_to_string(final_dir.join(name)).unwrap(), expected);
    assert!(kept >= 3);
    assert_eq!(edits_of(&final_log).len(), logged.len() - kept);
    assert_ne!(expected.as_bytes(), repaired.stdout.as_slice());
    // The input is untouched.
    assert_eq!(std::fs::read_to_string(MISSION).unwrap(), text);
}

#[test]
fn apply_refuses_what_was_not_reviewed_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review");
    assert!(diakrit(&["report", MISSION, "--out", out.to_str().unwrap()])
        .status
        .success());
    let data = report_data(&out);
    let decisions = serde_json::json!({
        "schema": "diakrit/decisions-1",
        "report": data["report"],
        "options": data["options"],
        "documents": data["documents"].as_array().unwrap().iter().map(|d| serde_json::json!({"content_id": d["content_id"], "source": d["source"]})).collect::<Vec<_>>(),
        "corrections": [],
        "edits": [{"document": data["documents"][0]["content_id"], "span": [0, 4], "from": "Nope", "to": "Nej", "decision": "reject"}],
    });
    let file = dir.path().join("decisions.json");
    std::fs::write(&file, decisions.to_string()).unwrap();
    // A file that was not in the report: one line, and the batch goes on with the next.
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Forslag till beslut\n").unwrap();
    let o = diakrit(&[
        "apply",
        file.to_str().unwrap(),
        other.to_str().unwrap(),
        MISSION,
        "--quiet",
    ]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("other.txt: not a document of the report"), "{err}");
    assert!(err.contains("does not make"), "{err}");
    // Other options than the review's.
    let o = diakrit(&["apply", file.to_str().unwrap(), MISSION, "--min-confidence", "0.9"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--min-confidence 0.5"), "{}", stderr(&o));
    // Not a decisions file.
    let o = diakrit(&["apply", MISSION, MISSION]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a decisions file"), "{}", stderr(&o));
    // An HTML page is no OCR file: refused in one line, as repair and process refuse it; the batch goes on.
    let page = dir.path().join("page.html");
    std::fs::write(&page, "<!DOCTYPE html><html><body><p>Goteborg</p></body></html>\n").unwrap();
    let html_out = dir.path().join("review-html");
    let o = diakrit(&[
        "report",
        page.to_str().unwrap(),
        MISSION,
        "--out",
        html_out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("page.html: XML or HTML that is not ALTO, hOCR or PAGE XML"),
        "{}",
        stderr(&o)
    );
    assert_eq!(report_data(&html_out)["documents"].as_array().unwrap().len(), 1);
    // A report folder that is in the way.
    let o = diakrit(&["report", MISSION, "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("exists and is not empty"), "{}", stderr(&o));
}

/// A review of the edits a batch logged (`--from-edits`), not of a new repair: the report shows the log's
/// edits, apply makes them, and a log that does not fit the file is refused for that file.
#[test]
fn a_review_of_a_batch_edits_log() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("edits.jsonl");
    assert!(
        diakrit(&["repair", "--quiet", "--edits", log.to_str().unwrap(), MISSION])
            .status
            .success()
    );
    // The batch's log, as if it had made one edit less than this version would.
    let mut lines: Vec<String> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let dropped: serde_json::Value = serde_json::from_str(&lines.remove(5)).unwrap();
    let batch_log = dir.path().join("batch.jsonl");
    std::fs::write(&batch_log, lines.join("\n") + "\n").unwrap();
    let out = dir.path().join("review");
    let o = diakrit(&[
        "report",
        MISSION,
        "--from-edits",
        batch_log.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let data = report_data(&out);
    assert_eq!(data["documents"][0]["edits"], lines.len());
    let decisions = serde_json::json!({
        "schema": "diakrit/decisions-1", "report": data["report"], "options": data["options"],
        "documents": [{"content_id": data["documents"][0]["content_id"], "source": MISSION}],
        "corrections": [], "edits": [],
    });
    let file = dir.path().join("decisions.json");
    std::fs::write(&file, decisions.to_string()).unwrap();
    let o = diakrit(&[
        "apply",
        file.to_str().unwrap(),
        MISSION,
        "--from-edits",
        batch_log.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(MISSION).unwrap();
    let out_text = String::from_utf8(o.stdout).unwrap();
    // The logged edits made, the dropped one's word as the OCR wrote it: not this version's repair.
    let mut expected = String::new();
    let mut at = 0;
    for e in lines
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
    {
        let (a, b) = (
            e["span"][0].as_u64().unwrap() as usize,
            e["span"][1].as_u64().unwrap() as usize,
        );
        expected.push_str(&text[at..a]);
        expected.push_str(e["to"].as_str().unwrap());
        at = b;
    }
    expected.push_str(&text[at..]);
    assert_eq!(out_text, expected);
    let repaired = String::from_utf8(diakrit(&["repair", "--quiet", MISSION]).stdout).unwrap();
    assert_ne!(out_text, repaired, "the dropped edit ({}) is not made", dropped["to"]);
    // A log that does not fit the text, and one that is no edits log: the report of MISSION with `log`.
    let bad_log = dir.path().join("bad.jsonl");
    let report_with = |log: String, out: &str| {
        std::fs::write(&bad_log, log).unwrap();
        let out = dir.path().join(out);
        diakrit(&[
            "report",
            MISSION,
            "--from-edits",
            bad_log.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
    };
    let mut bad: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    bad["from"] = serde_json::json!("Something else");
    let o = report_with(bad.to_string() + "\n", "r2");
    assert!(!o.status.success());
    assert!(stderr(&o).contains("does not fit this text"), "{}", stderr(&o));
    // Not an edits log: the line that is not one is named.
    let o = report_with("{\"file\": 1}\n".into(), "r3");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 1"), "{}", stderr(&o));
}

/// An ALTO file is reviewed as the plain text of its words, and apply writes the ALTO again with only the
/// accepted edits: the rejected word's CONTENT as the OCR read it, every other word as `repair` makes it.
#[test]
fn an_alto_file_is_reviewed_by_its_words_and_written_back_as_alto() {
    use diakrit::ocrxml::{read, OcrFormat};
    let alto = "fixtures/xml/mission-p1.alto.xml";
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review");
    let o = diakrit(&["report", alto, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let data = report_data(&out);
    let js = std::fs::read_to_string(out.join("data/d000001.js")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(
        js.trim_start_matches("diakrit.loaded(")
            .trim_end()
            .trim_end_matches(");"),
    )
    .unwrap();
    let xml = std::fs::read_to_string(alto).unwrap();
    let layout = read(&xml, OcrFormat::Alto).unwrap();
    assert_eq!(
        doc["text"],
        layout.text.as_str(),
        "the words' plain text is reviewed, not the markup"
    );
    let edits = doc["edits"].as_array().unwrap();
    assert!(edits.len() >= 3);
    let e = &edits[1];
    let decisions = serde_json::json!({
        "schema": "diakrit/decisions-1", "report": data["report"], "options": data["options"],
        "documents": [{"content_id": data["documents"][0]["content_id"], "source": alto}],
        "corrections": [],
        "edits": [{"document": data["documents"][0]["content_id"], "span": [e[2], e[3]], "from": e[4], "to": e[5], "decision": "reject"}],
    });
    let file = dir.path().join("decisions.json");
    std::fs::write(&file, decisions.to_string()).unwrap();
    let applied = diakrit(&["apply", file.to_str().unwrap(), alto, "--quiet"]);
    assert!(applied.status.success(), "{}", stderr(&applied));
    let repaired = diakrit(&["repair", "--quiet", alto]);
    let (a, r) = (
        String::from_utf8(applied.stdout).unwrap(),
        String::from_utf8(repaired.stdout).unwrap(),
    );
    let (wa, wr) = (
        read(&a, OcrFormat::Alto).unwrap().words,
        read(&r, OcrFormat::Alto).unwrap().words,
    );
    assert_eq!(wa.len(), wr.len());
    let differ: Vec<usize> = (0..wa.len()).filter(|&i| wa[i].text != wr[i].text).collect();
    assert_eq!(differ.len(), 1, "{differ:?}");
    let i = differ[0];
    assert_eq!(wa[i].text, layout.words[i].text, "the OCR's word");
    assert_eq!(wa[i].text, e[4].as_str().unwrap());
    assert!(
        a.contains(&format!("{} words repaired", edits.len() - 1)),
        "the ALTO note counts the edits made"
    );
}
