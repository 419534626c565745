//! Bytes to text: never a panic; valid UTF-8 comes back as it was; replaced offsets lie in the input and
//! point at bytes that are no valid UTF-8 there.
#![no_main]
use diakrit::source::{decode_bytes, Encoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = std::path::Path::new("fuzz.txt");
    let lenient = decode_bytes(path, bytes, false);
    let strict = decode_bytes(path, bytes, true);
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s.starts_with('\u{feff}') && !s.contains('\0') {
            let d = lenient.as_ref().expect("valid UTF-8 without NUL is read");
            if d.encoding == Encoding::Utf8 {
                assert_eq!(d.text, s);
            }
        }
    }
    if let Ok(d) = &lenient {
        for &at in &d.replaced {
            assert!(at < bytes.len());
            assert!(std::str::from_utf8(&bytes[at..]).is_err());
        }
        if d.encoding == Encoding::Utf8Replaced {
            assert!(!d.replaced.is_empty());
            assert!(strict.is_err(), "--strict refuses what was replaced");
        } else {
            assert_eq!(strict.as_ref().map(|s| &s.text).ok(), Some(&d.text));
        }
    }
});
