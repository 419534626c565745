//! Tokens cover the text exactly: in order, without gaps or overlaps, on character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let repairer = diakrit_fuzz_shared();
    let tokens = repairer.tokenize(text);
    let mut at = 0;
    for t in &tokens {
        assert_eq!(t.start, at, "no gap, no overlap");
        assert!(t.end > t.start, "no empty token");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        at = t.end;
    }
    assert_eq!(at, text.len(), "every byte in a token");
});

fn diakrit_fuzz_shared() -> &'static diakrit::Repairer {
    static R: std::sync::OnceLock<diakrit::Repairer> = std::sync::OnceLock::new();
    R.get_or_init(diakrit::Repairer::new)
}
