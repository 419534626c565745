//! OCR XML of any bytes: never a panic; a file read as ALTO, hOCR or PAGE gives words whose spans lie in
//! it and whose text is at their place in the plain text; repair writes a file that reads again with as
//! many words, and changes nothing when there is nothing to repair.
#![no_main]
use diakrit::ocrxml::{self, OcrFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(xml) = std::str::from_utf8(rest) else { return };
    let format = [OcrFormat::Alto, OcrFormat::Hocr, OcrFormat::Page][usize::from(pick % 3)];
    let Ok(layout) = ocrxml::read(xml, format) else { return };
    for w in &layout.words {
        assert!(w.span.end <= xml.len() && w.span.start <= w.span.end);
        assert_eq!(&layout.text[w.in_text.clone()], w.text);
    }
    thread_local!(static REPAIRER: diakrit::Repairer = diakrit::Repairer::new());
    REPAIRER.with(|r| {
        let out = ocrxml::repair(r, xml, format).expect("read once, read again");
        if out.edits.is_empty() {
            assert_eq!(out.xml, xml);
        } else if let Ok(again) = ocrxml::read(&out.xml, format) {
            assert_eq!(again.words.len(), layout.words.len());
        }
    });
});
