//! Repair never panics; its edits are in order, inside the input, on character boundaries, each `from` the
//! input's text at its span; splicing them into the input gives the repaired text, and the input comes
//! back whole from the repaired text and the edits (the round trip). Repair of its own output changes
//! nothing.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if text.len() > 20_000 {
        return;
    }
    let r = repairer().repair(text);
    let mut at = 0;
    let mut spliced = String::new();
    for e in &r.edits {
        let (s, t) = e.span;
        assert!(at <= s && s <= t && t <= text.len(), "in order, in bounds: {:?}", e.span);
        assert!(text.is_char_boundary(s) && text.is_char_boundary(t));
        assert_eq!(&text[s..t], e.from);
        assert!((0.0..=1.0).contains(&e.confidence));
        spliced.push_str(&text[at..s]);
        spliced.push_str(&e.to);
        at = t;
    }
    spliced.push_str(&text[at..]);
    assert_eq!(spliced, r.text, "the edits make the text");
    assert_eq!(r.original().as_deref(), Some(text), "the input comes back");
    assert!(repairer().repair(&r.text).edits.is_empty(), "idempotent: {text:?}");
});

fn repairer() -> &'static diakrit::Repairer {
    static R: std::sync::OnceLock<diakrit::Repairer> = std::sync::OnceLock::new();
    R.get_or_init(diakrit::Repairer::new)
}
