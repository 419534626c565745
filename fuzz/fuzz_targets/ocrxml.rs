//! OCR XML of any bytes: never a panic; a file read as ALTO, hOCR or PAGE gives words whose spans lie in
//! it and whose text is at their place in the plain text; repair writes a file that reads again with as
//! many words, and changes nothing when there is nothing to repair; read as it goes (`ocrxml::stream`)
//! the file is written the same, with the same edits.
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
        // Read as it goes (what a long file gets), the same bytes and edits.
        let mut stream = ocrxml::stream::XmlStream::new(xml.as_bytes(), format);
        let mut edits = Vec::new();
        while let Some((start, window)) = stream.next_window().expect("read once, read again") {
            edits.extend(stream.take(start, window.len(), &r.repair_window(&window)));
        }
        let mut bytes = Vec::new();
        stream
            .finish()
            .expect("spooled")
            .copy(xml.as_bytes(), &mut |b| {
                bytes.extend_from_slice(b);
                Ok(())
            })
            .expect("copied");
        assert_eq!(String::from_utf8(bytes).expect("UTF-8"), out.xml);
        assert_eq!(edits, out.edits.iter().map(|w| w.edit.clone()).collect::<Vec<_>>());
        if out.edits.is_empty() {
            assert_eq!(out.xml, xml);
        } else if let Ok(again) = ocrxml::read(&out.xml, format) {
            assert_eq!(again.words.len(), layout.words.len());
        }
    });
});
