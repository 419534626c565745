//! Repair and segmentation never panic, and every span a document reports lies in the input on
//! character boundaries, a section's heading and body inside the section.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if text.len() > 20_000 {
        return;
    }
    let doc = repairer().process(text);
    let ok = |(s, e): (usize, usize)| s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    for sec in &doc.sections {
        assert!(ok(sec.span) && ok(sec.heading_span) && ok(sec.body_span), "{sec:?}");
        assert!(sec.span.0 <= sec.heading_span.0 && sec.heading_span.1 <= sec.span.1 || sec.heading_span == (0, 0));
        assert!(sec.body_span.1 <= sec.span.1 || sec.body_span.0 == sec.body_span.1);
    }
    for &f in &doc.furniture {
        assert!(ok(f));
    }
    serde_json::to_string(&doc).expect("serialises");
});

fn repairer() -> &'static diakrit::Repairer {
    static R: std::sync::OnceLock<diakrit::Repairer> = std::sync::OnceLock::new();
    R.get_or_init(diakrit::Repairer::new)
}
