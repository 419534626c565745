//! ALTO, hOCR and PAGE XML repaired in place, through the binary as an archivist runs it: only word text
//! changes, coordinates and confidences stay, the words are those of the plain-text repair, a repaired file
//! comes back byte for byte, bad XML is one line naming the file and the position.
use std::path::Path;

use diakrit::ocrxml::{self, OcrFormat};

mod common;
use common::{diakrit, files, fixture, stderr};

const FILES: [(&str, OcrFormat); 3] = [
    ("fixtures/xml/mission-p1.alto.xml", OcrFormat::Alto),
    ("fixtures/xml/mission-p1.hocr", OcrFormat::Hocr),
    ("fixtures/xml/mission-p1.page.xml", OcrFormat::Page),
];
const GOLD: &str = "fixtures/xml/mission-p1.gold.txt";
const OCR_TEXT: &str = "fixtures/xml/mission-p1.txt";

fn repaired(path: &str) -> String {
    let o = diakrit(&["repair", "--quiet", path]);
    assert!(o.status.success(), "{}", stderr(&o));
    String::from_utf8(o.stdout).unwrap()
}

/// The file with every word's text, and what repair notes beside it, taken out.
fn skeleton(xml: &str, format: OcrFormat) -> String {
    let layout = ocrxml::read(xml, format).unwrap();
    let mut out = String::new();
    let mut at = 0;
    for w in &layout.words {
        out.push_str(&xml[at..w.span.start]);
        at = w.span.end;
    }
    out.push_str(&xml[at..]);
    let notes = regex::Regex::new(concat!(
        r#"<OCRProcessing ID="diakrit">.*?</OCRProcessing>|<Processing ID="diakrit">.*?</Processing>"#,
        r#"|<TextEquiv index="2" dataType="other"[^>]*><Unicode>.*?</Unicode></TextEquiv>"#,
        r#"|<span class='alternatives'><ins class='alt'></ins><del class='alt'>[^<]*</del></span>"#,
        r#"|SUBS_CONTENT="[^"]*""#
    ))
    .unwrap();
    notes.replace_all(&out, "").into_owned()
}

#[test]
fn only_the_text_of_repaired_words_changes() {
    for (path, format) in FILES {
        let before = fixture(path);
        let after = repaired(path);
        assert_ne!(before, after, "{path}: nothing repaired");
        let (a, b) = (skeleton(&after, format), skeleton(&before, format));
        let at = a
            .bytes()
            .zip(b.bytes())
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        assert!(
            a == b,
            "{path}: differs at byte {at}: {:?}",
            &a[at.saturating_sub(80)..(at + 80).min(a.len())]
        );
        // Boxes, confidences and ids word by word.
        let (a, b) = (
            ocrxml::read(&before, format).unwrap(),
            ocrxml::read(&after, format).unwrap(),
        );
        assert_eq!(a.words.len(), b.words.len(), "{path}");
        for (x, y) in a.words.iter().zip(&b.words) {
            assert_eq!(
                (x.bbox, x.conf, &x.id, x.page),
                (y.bbox, y.conf, &y.id, y.page),
                "{path}"
            );
        }
    }
}

#[test]
fn the_words_are_those_of_the_plain_text_repair() {
    let r = diakrit::Repairer::new();
    for (path, format) in FILES {
        let layout = ocrxml::read(&fixture(path), format).unwrap();
        let plain: Vec<String> = r
            .repair(&layout.text)
            .text
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let after = ocrxml::read(&repaired(path), format).unwrap();
        let words: Vec<String> = after.text.split_whitespace().map(str::to_string).collect();
        assert_eq!(words, plain, "{path}");
    }
    // And the repair removes most of the errors the OCR made, as it does on the plain text.
    let alto = ocrxml::read(&repaired(FILES[0].0), OcrFormat::Alto).unwrap();
    let ocr = ocrxml::read(&fixture(FILES[0].0), OcrFormat::Alto).unwrap();
    let c = diakrit::eval::score(&ocr.text, &alto.text, &fixture(GOLD));
    let f = c.figures();
    assert!(f.reduction.unwrap() >= 0.8, "{f:?}");
    assert_eq!(c.broken, 0, "{f:?}");
    // Tesseract's own plain text of the same pages reads the same words as its ALTO.
    let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(words(&ocr.text), words(&fixture(OCR_TEXT)));
}

#[test]
fn a_repaired_file_comes_back_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    for (path, _) in FILES {
        let once = repaired(path);
        let name = Path::new(path).file_name().unwrap();
        let p = dir.path().join(name);
        std::fs::write(&p, &once).unwrap();
        let twice = repaired(p.to_str().unwrap());
        assert_eq!(twice, once, "{path}");
    }
}

#[test]
fn malformed_xml_is_one_line_with_the_position() {
    let dir = tempfile::tempdir().unwrap();
    let alto = fixture(FILES[0].0);
    let cut = &alto[..alto.find("</TextLine>").unwrap()];
    let bad = dir.path().join("cut.xml");
    std::fs::write(&bad, format!("{cut}</TextBlock></alto>\n")).unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Forslag till beslut\n").unwrap();
    let out = dir.path().join("out");
    let o = diakrit(&[
        "repair",
        "--quiet",
        "--out-dir",
        out.to_str().unwrap(),
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("cut.xml")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].contains("malformed XML at line "), "{err}");
    assert!(lines[0].contains(", column "), "{err}");
    // The batch went on.
    assert_eq!(
        std::fs::read_to_string(out.join("good.txt")).unwrap(),
        "Förslag till beslut\n"
    );
    assert!(!out.join("cut.xml").exists());
}

/// The fixture `xml` with the run of its pages (ALTO, hOCR) or of its page's regions (PAGE) repeated
/// `n` times: a long file of real OCR markup.
fn lengthened(xml: &str, format: OcrFormat, n: usize) -> String {
    let (open, close) = match format {
        OcrFormat::Alto => ("<Page ", "</Page>"),
        OcrFormat::Hocr => ("<div class='ocr_page'", "</body>"),
        OcrFormat::Page => ("<TextRegion ", "</TextRegion>"),
    };
    let a = xml.find(open).unwrap();
    let b = if format == OcrFormat::Hocr {
        xml.rfind(close).unwrap()
    } else {
        xml.rfind(close).unwrap() + close.len()
    };
    let long = format!("{}{}{}", &xml[..a], xml[a..b].repeat(n), &xml[b..]);
    if format == OcrFormat::Page {
        with_line_text(&long)
    } else {
        long
    }
}

/// PAGE: each line given its own text beside its words (as Transkribus writes it), which repair keeps
/// in step with them.
fn with_line_text(xml: &str) -> String {
    let word = regex::Regex::new(r"<Unicode>([^<]*)</Unicode>").unwrap();
    let mut out = String::with_capacity(xml.len() * 2);
    let mut rest = xml;
    while let Some(end) = rest.find("</TextLine>") {
        let line = &rest[..end];
        let start = line.rfind("<TextLine").unwrap_or(0);
        let words: Vec<&str> = word
            .captures_iter(&line[start..])
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        out.push_str(line);
        out.push_str(&format!(
            "<TextEquiv><Unicode>{}</Unicode></TextEquiv>",
            words.join(" ")
        ));
        out.push_str("</TextLine>");
        rest = &rest[end + "</TextLine>".len()..];
    }
    out.push_str(rest);
    out
}

/// A long file (over a megabyte) is repaired as it is read, its plain text in the repair's windows and
/// its words settled as they are passed: the bytes and the edits are those of the file repaired in
/// memory, at one thread and at two, with a byte-order mark kept.
#[test]
fn a_long_file_is_repaired_as_it_is_read_with_the_same_result() {
    let dir = tempfile::tempdir().unwrap();
    for (path, format) in FILES {
        // Some 600 KB of plain text: three repair windows, thousands of words settled and dropped.
        let long = lengthened(&fixture(path), format, 270);
        let whole = ocrxml::repair(common::repairer(), &long, format).unwrap();
        assert!(whole.layout.text.len() > 2 * diakrit::repair::window::WINDOW, "{path}");
        assert!(!whole.edits.is_empty(), "{path}");
        let bom = format == OcrFormat::Hocr;
        let file = dir.path().join(Path::new(path).file_name().unwrap());
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(long.as_bytes());
        std::fs::write(&file, &bytes).unwrap();
        let threads: &[&str] = if format == OcrFormat::Alto { &["1", "2"] } else { &["2"] };
        for j in threads {
            let log = dir.path().join(format!("edits-{j}.jsonl"));
            let o = diakrit(&[
                "repair",
                "--quiet",
                "-j",
                j,
                "--edits",
                log.to_str().unwrap(),
                file.to_str().unwrap(),
            ]);
            assert!(o.status.success(), "{path}: {}", stderr(&o));
            let expected = if bom {
                format!("\u{feff}{}", whole.xml)
            } else {
                whole.xml.clone()
            };
            assert!(
                o.stdout == expected.as_bytes(),
                "{path} -j{j}: not the bytes of the repair in memory"
            );
            let logged: Vec<serde_json::Value> = std::fs::read_to_string(&log)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(logged.len(), whole.edits.len(), "{path} -j{j}");
            for (l, w) in logged.iter().zip(&whole.edits) {
                assert_eq!(l["span"], serde_json::json!([w.edit.span.0, w.edit.span.1]), "{path}");
                assert_eq!(l["to"], w.edit.to.as_str(), "{path}");
            }
        }
        // process: the document of the file processed in memory, sections' pages and boxes included.
        let src = diakrit::source::Source {
            name: file.to_str().unwrap().to_string(),
            text: long.clone(),
            encoding: if bom {
                diakrit::source::Encoding::Utf8Bom
            } else {
                diakrit::source::Encoding::Utf8
            },
            replaced: Vec::new(),
        };
        let doc = ocrxml::process(common::repairer(), &src, format).unwrap();
        assert!(doc.sections.iter().any(|s| s.layout.is_some()), "{path}");
        let mut w = diakrit::output::Writer::new(Vec::new(), diakrit::output::Format::Json);
        w.write(&doc).unwrap();
        let o = diakrit(&["process", "--quiet", "--format", "json", file.to_str().unwrap()]);
        assert!(o.status.success(), "{path}: {}", stderr(&o));
        assert!(
            o.stdout == w.into_inner(),
            "{path}: process differs from the document made in memory"
        );
    }
}

/// A long file that is malformed far from its start, or cut short, is refused with the line and column
/// of the whole-file reader, and nothing is written for it.
#[test]
fn a_long_malformed_file_is_refused_where_it_fails() {
    let dir = tempfile::tempdir().unwrap();
    let (path, format) = FILES[0];
    let long = lengthened(&fixture(path), format, 60);
    let at = long.len() * 3 / 4;
    let end_tag = at + long[at..].find("</TextLine>").unwrap();
    let bad = format!(
        "{}</TextLin>{}",
        &long[..end_tag],
        &long[end_tag + "</TextLine>".len()..]
    );
    let cut_short = long[..long.len() * 2 / 3].to_string();
    for (name, xml) in [("bad.xml", bad), ("cut.xml", cut_short)] {
        let expected = ocrxml::read(&xml, format).unwrap_err();
        let file = dir.path().join(name);
        std::fs::write(&file, &xml).unwrap();
        assert!(xml.len() > 1 << 20, "long enough to be read as it goes");
        let out = dir.path().join("out");
        let o = diakrit(&[
            "repair",
            "--quiet",
            "--out-dir",
            out.to_str().unwrap(),
            file.to_str().unwrap(),
        ]);
        assert!(!o.status.success());
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&format!("{name}: {expected}")),
            "{err} (expected {expected})"
        );
        assert!(!out.join(name).exists());
    }
}

/// Run `diakrit ARGS --out-dir OUT SRC`, which must succeed, and list what it wrote.
fn written(args: &[&str], src: &Path, out: &Path) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(["--out-dir", out.to_str().unwrap(), src.to_str().unwrap()]);
    let o = diakrit(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    files(out)
}

#[test]
fn a_folder_is_walked_for_ocr_xml_beside_text_and_other_xml_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("box");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("p1.alto.xml"), fixture(FILES[0].0)).unwrap();
    std::fs::write(src.join("p1.hocr"), fixture(FILES[1].0)).unwrap();
    std::fs::write(
        src.join("mets.xml"),
        "<?xml version=\"1.0\"?><mets:mets xmlns:mets=\"x\"/>\n",
    )
    .unwrap();
    std::fs::write(src.join("note.txt"), "Forslag till beslut\n").unwrap();
    // A text of the same stem as an OCR file: their outputs must not meet.
    std::fs::write(src.join("p1.txt"), "Forslag till beslut\n").unwrap();
    let out = dir.path().join("out");
    let names = written(&["repair", "--quiet"], &src, &out);
    assert_eq!(names, ["note.txt", "p1.alto.xml", "p1.hocr", "p1.txt"]);
    assert_eq!(
        std::fs::read_to_string(out.join("p1.alto.xml")).unwrap(),
        repaired(FILES[0].0)
    );
    let names = written(&["process", "--quiet"], &src, &dir.path().join("json"));
    assert_eq!(names, ["note.json", "p1.alto.xml.json", "p1.hocr.json", "p1.json"]);
    // Named on the command line, XML that is no OCR is refused, not repaired as text.
    let o = diakrit(&["repair", "--quiet", src.join("mets.xml").to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("not ALTO, hOCR or PAGE XML"));
    let html = dir.path().join("page.html");
    std::fs::write(
        &html,
        "<!DOCTYPE html>\n<html><body><p>Forslag till beslut</p></body></html>\n",
    )
    .unwrap();
    let o = diakrit(&["repair", "--quiet", html.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("not ALTO, hOCR or PAGE XML"));
}

#[test]
fn process_gives_each_section_its_pages_and_boxes() {
    let schema: serde_json::Value = serde_json::from_str(&fixture("schema/diakrit-1.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut labels = Vec::new();
    for (path, format) in FILES {
        let o = diakrit(&["process", path]);
        assert!(o.status.success(), "{}", stderr(&o));
        let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
        assert_eq!(doc["ocr"]["format"], format.as_str());
        let sections = doc["sections"].as_array().unwrap();
        assert!(sections.len() >= 3, "{path}");
        for s in sections {
            let layout = &s["layout"];
            assert_eq!(layout["pages"][0], 1, "{path}: {s}");
            let body = layout["body"].as_array().unwrap();
            // A document's title right over its first heading has no body, and so no body's box.
            if s["text"] == "" && s["label"] == "section" && s["index"] == 0 {
                assert!(body.is_empty(), "{path}: {s}");
                continue;
            }
            assert!(!body.is_empty(), "{path}: {s}");
            let b: Vec<f64> = body[0]["bbox"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap())
                .collect();
            assert!(
                b[0] < b[2] && b[1] < b[3] && b[2] <= 1653.0 && b[3] <= 2338.0,
                "{path}: {b:?}"
            );
            if !s["heading"].is_null() {
                // The heading's box is above its body's.
                let h = &layout["heading"][0]["bbox"];
                assert!(h[3].as_f64().unwrap() <= b[1] + 1.0, "{path}: {s}");
            }
        }
        labels.push(
            sections
                .iter()
                .map(|s| s["label"].as_str().unwrap().to_string())
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(labels[0], labels[1]);
    assert!(labels[0].contains(&"summary".to_string()), "{:?}", labels[0]);
}

mod mutated {
    //! XML damaged at random (cut, characters that matter to XML put in): never a panic, and what reads
    //! keeps its invariants.
    use super::common::repairer;
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn damaged_xml_never_panics(
            which in 0usize..3,
            edits in proptest::collection::vec((0.0f64..1.0, 0usize..40, "[<>&\"'/=; a-zå]{0,6}"), 1..6),
        ) {
            let (path, format) = FILES[which];
            let mut xml = fixture(path);
            for (at, cut, put) in edits {
                let mut i = ((xml.len() as f64) * at) as usize;
                while !xml.is_char_boundary(i) {
                    i -= 1;
                }
                let mut j = (i + cut).min(xml.len());
                while !xml.is_char_boundary(j) {
                    j += 1;
                }
                xml.replace_range(i..j, &put);
            }
            if let Ok(layout) = ocrxml::read(&xml, format) {
                for w in &layout.words {
                    prop_assert!(w.span.end <= xml.len());
                    prop_assert_eq!(&layout.text[w.in_text.clone()], w.text.as_str());
                }
                let out = ocrxml::repair(repairer(), &xml, format).unwrap();
                if out.edits.is_empty() {
                    prop_assert_eq!(&out.xml, &xml);
                }
            }
        }
    }
}

#[test]
fn explain_reads_an_ocr_file_as_its_words() {
    let o = diakrit(&["explain", "namnden", "--file", FILES[0].0]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("repair: namnden -> nämnden"), "{out}");
    assert!(!out.contains("CONTENT="), "{out}");
}
