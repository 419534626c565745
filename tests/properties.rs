//! Properties over generated input (proptest): repair is idempotent on its own output and its edits give
//! the input back; clean text from the fixtures is never changed, whatever part of it is given; a batch
//! gives the same bytes with one thread as with two.
use std::sync::OnceLock;

use proptest::prelude::*;

mod common;
use common::repairer;

/// The clean fixtures: hand-corrected or typeset text that needs no repair.
const CLEAN: [&str; 7] = [
    include_str!("../fixtures/goteborg-intraservice-ai-slutredovisning.gold.txt"),
    include_str!("../fixtures/sections/protokoll.txt"),
    include_str!("../fixtures/sections/tjansteutlatande.txt"),
    include_str!("../fixtures/sections/kf_handling.txt"),
    include_str!("../fixtures/sections/motion.txt"),
    include_str!("../fixtures/sections/interpellation.txt"),
    include_str!("../fixtures/sections/protokoll-kommun.txt"),
];

/// Words of the clean fixtures, to build damaged text from.
fn words() -> &'static Vec<String> {
    static W: OnceLock<Vec<String>> = OnceLock::new();
    W.get_or_init(|| {
        let mut w: Vec<String> = CLEAN
            .iter()
            .flat_map(|t| t.split_whitespace())
            .map(str::to_string)
            .collect();
        w.sort();
        w.dedup();
        w
    })
}

/// A word as OCR damages it: å, ä, ö stripped or read as other signs, now and then.
fn damage(w: &str, how: u8) -> String {
    w.chars()
        .map(|c| match (c, how % 4) {
            ('å' | 'ä', 0 | 1) => 'a',
            ('ö', 0 | 1) => 'o',
            ('ä', 2) => '&',
            ('ö', 2) => '6',
            ('Ä', 0 | 1) => 'A',
            ('Ö', 0 | 1) => 'O',
            (c, _) => c,
        })
        .collect()
}

/// Text of fixture words, some damaged, with spaces, line breaks, blank lines and page breaks between.
fn damaged_text() -> impl Strategy<Value = String> {
    let n = words().len();
    prop::collection::vec((0..n, any::<u8>(), 0u8..12), 1..120).prop_map(|parts| {
        let mut t = String::new();
        for (i, how, sep) in parts {
            t.push_str(&damage(&words()[i], how));
            t.push_str(match sep {
                0 => "\n",
                1 => "\n\n",
                2 => "\u{c}",
                3 => "-\n",
                _ => " ",
            });
        }
        t
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn repair_is_idempotent_and_gives_the_input_back(text in damaged_text()) {
        let r = repairer().repair(&text);
        let back = r.original();
        prop_assert_eq!(back.as_deref(), Some(text.as_str()));
        let again = repairer().repair(&r.text);
        prop_assert!(again.edits.is_empty(), "a second run changed {:?}", again.edits);
    }

    #[test]
    fn clean_text_is_never_changed(doc in 0..CLEAN.len(), a in 0usize..400, len in 1usize..120) {
        let lines: Vec<&str> = CLEAN[doc].split_inclusive('\n').collect();
        let a = a % lines.len();
        let part: String = lines[a..(a + len).min(lines.len())].concat();
        let r = repairer().repair(&part);
        prop_assert!(r.edits.is_empty(), "changed {:?}", r.edits);
    }
}

/// A batch over the same inputs gives the same bytes with one worker thread as with two.
#[test]
fn one_thread_and_two_give_the_same_output() {
    use diakrit::output::{Format, Writer};
    use diakrit::pipeline::{collect_inputs, run};
    let inputs = || collect_inputs(&["fixtures".into()]);
    let batch = |threads: usize| -> Vec<u8> {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| {
            let mut w = Writer::new(Vec::new(), Format::JsonLines);
            run(
                inputs(),
                |src| repairer().process_source(src),
                |_, r| w.write(&r.unwrap()).unwrap(),
            );
            w.into_inner()
        })
    };
    let (one, two) = (batch(1), batch(2));
    assert!(one.len() > 10_000);
    assert!(one == two, "-j1 and -j2 differ");
}
