//! Never lose or corrupt a file: each way a batch used to lose data, or an input that used to break it,
//! run through the binary as a user would.
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;
use common::{diakrit_in, files, stderr};

const OCR: &str = "fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt";

fn write(p: impl AsRef<Path>, bytes: impl AsRef<[u8]>) {
    let p = p.as_ref();
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

const PAGE: &str = "Goteborgs Stad\n\nSammanfattning\n\nNamnden foreslar en bedomning av arendet.\n";

#[test]
fn two_boxes_with_the_same_page_names_keep_both() {
    let t = tempfile::tempdir().unwrap();
    write(t.path().join("boxA/page001.txt"), PAGE);
    write(t.path().join("boxB/page001.txt"), PAGE.replace("Stad", "kommun"));
    let o = diakrit_in(t.path(), &["process", "--out-dir", "out", "boxA", "boxB"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&t.path().join("out")), ["boxA/page001.json", "boxB/page001.json"]);
    // Given as files, the same.
    let o = diakrit_in(
        t.path(),
        &["repair", "--out-dir", "out2", "boxA/page001.txt", "boxB/page001.txt"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&t.path().join("out2")), ["boxA/page001.txt", "boxB/page001.txt"]);
}

#[test]
fn names_that_collide_are_refused_before_anything_is_written() {
    let t = tempfile::tempdir().unwrap();
    write(t.path().join("in/x.txt"), PAGE);
    write(t.path().join("in/x.TXT"), PAGE);
    let o = diakrit_in(t.path(), &["process", "--out-dir", "out", "in/x.txt", "in/x.TXT"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("would both be written to"), "{}", stderr(&o));
    assert!(files(&t.path().join("out")).is_empty());
}

#[test]
fn an_edits_log_naming_an_input_or_an_output_is_refused() {
    let t = tempfile::tempdir().unwrap();
    write(t.path().join("scans/p1.txt"), PAGE);
    write(t.path().join("scans/p2.txt"), PAGE);
    // `--edits scans/*.txt`: the shell made the first scan the log's name.
    let o = diakrit_in(
        t.path(),
        &[
            "repair",
            "--out-dir",
            "clean",
            "--edits",
            "scans/p1.txt",
            "scans/p2.txt",
            "scans/p1.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("is the input"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(t.path().join("scans/p1.txt")).unwrap(), PAGE);
    let o = diakrit_in(
        t.path(),
        &[
            "repair",
            "--out-dir",
            "clean",
            "--edits",
            "clean/p2.txt",
            "scans/p2.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--edits log"), "{}", stderr(&o));
}

#[test]
#[cfg(unix)]
fn a_hard_link_of_an_input_in_the_out_dir_is_not_overwritten() {
    let t = tempfile::tempdir().unwrap();
    write(t.path().join("scans/p1.txt"), PAGE);
    std::fs::create_dir(t.path().join("out")).unwrap();
    std::fs::hard_link(t.path().join("scans/p1.txt"), t.path().join("out/p1.txt")).unwrap();
    let o = diakrit_in(t.path(), &["repair", "--out-dir", "out", "scans"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(t.path().join("scans/p1.txt")).unwrap(), PAGE);
}

#[test]
fn outputs_replace_the_old_whole_and_leave_no_temporary_files() {
    let t = tempfile::tempdir().unwrap();
    write(t.path().join("scans/p1.txt"), PAGE);
    write(t.path().join("out/p1.json"), "an earlier run's output");
    let o = diakrit_in(
        t.path(),
        &["process", "--out-dir", "out", "--edits", "e.jsonl", "scans"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(t.path().join("out/p1.json")).unwrap()).unwrap();
    assert_eq!(doc["schema"], "diakrit/1");
    assert_eq!(files(&t.path().join("out")), ["p1.json"]);
    assert!(files(t.path()).iter().all(|f| !f.contains("diakrit-tmp")));
}

#[test]
fn an_out_dir_inside_the_input_tree_is_not_read_again() {
    let t = tempfile::tempdir().unwrap();
    write(t.path().join("scans/p1.txt"), PAGE);
    write(t.path().join("scans/sub/p2.txt"), PAGE);
    for _ in 0..2 {
        let o = diakrit_in(t.path(), &["repair", "--out-dir", "scans/clean", "scans"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(files(&t.path().join("scans/clean")), ["p1.txt", "sub/p2.txt"]);
}

#[test]
fn a_few_bad_bytes_in_utf8_are_replaced_and_named_not_turned_into_mojibake() {
    let t = tempfile::tempdir().unwrap();
    write(
        t.path().join("p.txt"),
        b"G\xc3\xb6teborgs Stad \xff och bedomning av arendet\n",
    );
    let o = diakrit_in(t.path(), &["process", "--format", "jsonl", "p.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["encoding"], "utf-8-replaced");
    let text = doc["text"].as_str().unwrap();
    assert!(text.starts_with("Göteborgs Stad \u{fffd} och bedömning"), "{text}");
    assert!(
        stderr(&o).contains("p.txt: invalid UTF-8 replaced by U+FFFD at byte 16"),
        "{}",
        stderr(&o)
    );
    let o = diakrit_in(t.path(), &["repair", "--strict", "p.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("p.txt: invalid UTF-8 at byte 16"), "{}", stderr(&o));
}

#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    let t = tempfile::tempdir().unwrap();
    let le: Vec<u8> = PAGE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    write(t.path().join("p.txt"), le);
    let o = diakrit_in(t.path(), &["repair", "p.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8(o.stdout).unwrap().starts_with("Göteborgs Stad"));
}

#[test]
fn a_zero_width_joiner_keeps_its_word_whole() {
    let t = tempfile::tempdir().unwrap();
    write(t.path().join("p.txt"), "Gote\u{200d}borg och bedomning\n");
    let o = diakrit_in(t.path(), &["repair", "p.txt"]);
    assert_eq!(String::from_utf8(o.stdout).unwrap(), "Gote\u{200d}borg och bedömning\n");
}

#[test]
fn identical_files_are_two_records() {
    let t = tempfile::tempdir().unwrap();
    write(t.path().join("a/p.txt"), PAGE);
    write(t.path().join("b/p.txt"), PAGE);
    let o = diakrit_in(t.path(), &["process", "--format", "jsonl", "a/p.txt", "b/p.txt"]);
    let docs: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_ne!(docs[0]["id"], docs[1]["id"]);
    assert_eq!(docs[0]["content_id"], docs[1]["content_id"]);
}

#[test]
fn too_many_threads_are_capped_with_a_note() {
    let t = tempfile::tempdir().unwrap();
    write(t.path().join("p.txt"), PAGE);
    let o = diakrit_in(t.path(), &["repair", "-j", "99999999999", "p.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("cores here; using"), "{}", stderr(&o));
}

#[test]
#[cfg(unix)]
fn a_folder_loop_is_walked_once_and_an_unreadable_folder_does_not_stop_the_walk() {
    use std::os::unix::fs::PermissionsExt;
    let t = tempfile::tempdir().unwrap();
    write(t.path().join("scans/a/p1.txt"), PAGE);
    write(t.path().join("scans/b/p2.txt"), PAGE);
    write(t.path().join("scans/locked/p3.txt"), PAGE);
    std::os::unix::fs::symlink(t.path().join("scans"), t.path().join("scans/a/loop")).unwrap();
    let locked = t.path().join("scans/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any folder: the unreadable case only holds for other users.
    let unreadable = std::fs::read_dir(&locked).is_err();
    let o = diakrit_in(t.path(), &["repair", "--out-dir", "out", "scans"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = files(&t.path().join("out"));
    assert!(
        out.contains(&"a/p1.txt".to_string()) && out.contains(&"b/p2.txt".to_string()),
        "{out:?}"
    );
    assert!(!out.iter().any(|f| f.contains("loop")), "{out:?}");
    if unreadable {
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("locked: permission denied"), "{}", stderr(&o));
    } else {
        assert!(o.status.success(), "{}", stderr(&o));
    }
}

/// Ctrl-C in the middle of a batch: what is written is whole, the edits log is in place and matches, and
/// `--resume` finishes the batch with the same outputs and the same log as one uninterrupted run.
#[test]
#[cfg(unix)]
fn ctrl_c_then_resume_loses_nothing() {
    let t = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(OCR)).unwrap();
    for i in 0..150 {
        write(
            t.path().join(format!("scans/b{}/p{i:03}.txt", i % 5)),
            format!("{text}\n{i}\n"),
        );
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_diakrit"))
        .args(["process", "-j", "1", "--out-dir", "out", "--edits", "e.jsonl", "scans"])
        .current_dir(t.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert!(matches!(status.code(), Some(130) | Some(0)), "{status:?}");
    let written = files(&t.path().join("out"));
    for f in &written {
        let s = std::fs::read_to_string(t.path().join("out").join(f)).unwrap();
        serde_json::from_str::<Value>(&s).unwrap_or_else(|e| panic!("{f} is cut: {e}"));
    }
    assert!(files(t.path()).iter().all(|f| !f.contains("diakrit-tmp")));
    let logged = std::fs::read_to_string(t.path().join("e.jsonl")).unwrap();
    let o = diakrit_in(
        t.path(),
        &[
            "process",
            "--resume",
            "-j",
            "1",
            "--out-dir",
            "out",
            "--edits",
            "e.jsonl",
            "scans",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&t.path().join("out")).len(), 150);
    let resumed = std::fs::read_to_string(t.path().join("e.jsonl")).unwrap();
    assert!(resumed.starts_with(&logged));
    let o = diakrit_in(
        t.path(),
        &[
            "process",
            "-j",
            "1",
            "--out-dir",
            "whole",
            "--edits",
            "w.jsonl",
            "scans",
        ],
    );
    assert!(o.status.success());
    let whole = std::fs::read_to_string(t.path().join("w.jsonl")).unwrap();
    let sorted = |s: &str| {
        let mut v: Vec<&str> = s.lines().collect();
        v.sort_unstable();
        v.join("\n")
    };
    assert_eq!(sorted(&resumed), sorted(&whole));
}
